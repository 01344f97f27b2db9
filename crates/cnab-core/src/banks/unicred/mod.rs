//! Unicred (136).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Unicred.
pub const BANK: BankSpec = BankSpec {
    code: 136,
    name: "Unicred",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
