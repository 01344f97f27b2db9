//! Citibank (745).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Citibank.
pub const BANK: BankSpec = BankSpec {
    code: 745,
    name: "Citibank",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
