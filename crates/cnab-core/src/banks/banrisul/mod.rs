//! Banrisul (041).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banrisul.
pub const BANK: BankSpec = BankSpec {
    code: 41,
    name: "Banrisul",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
