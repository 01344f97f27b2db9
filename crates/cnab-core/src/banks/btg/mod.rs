//! BTG Pactual (208).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// BTG Pactual.
pub const BANK: BankSpec = BankSpec {
    code: 208,
    name: "BTG Pactual",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
