//! Banco Pine (643).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Pine.
pub const BANK: BankSpec = BankSpec {
    code: 643,
    name: "Banco Pine",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
