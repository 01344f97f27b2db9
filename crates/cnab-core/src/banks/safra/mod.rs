//! Banco Safra (422).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Safra.
pub const BANK: BankSpec = BankSpec {
    code: 422,
    name: "Banco Safra",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
