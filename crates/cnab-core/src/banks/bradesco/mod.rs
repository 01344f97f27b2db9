//! Bradesco (237).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Bradesco.
pub const BANK: BankSpec = BankSpec {
    code: 237,
    name: "Bradesco",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
