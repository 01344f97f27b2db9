//! Banco Inter (077).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Inter.
pub const BANK: BankSpec = BankSpec {
    code: 77,
    name: "Banco Inter",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
