//! Sicredi (748).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Sicredi.
pub const BANK: BankSpec = BankSpec {
    code: 748,
    name: "Sicredi",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
