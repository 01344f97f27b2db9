//! Santander (033).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Santander.
pub const BANK: BankSpec = BankSpec {
    code: 33,
    name: "Santander",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
