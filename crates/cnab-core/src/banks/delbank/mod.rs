//! Delbank (435).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Delbank.
pub const BANK: BankSpec = BankSpec {
    code: 435,
    name: "Delbank",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
