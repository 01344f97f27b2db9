//! Banco C6 (336).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco C6.
pub const BANK: BankSpec = BankSpec {
    code: 336,
    name: "Banco C6",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
