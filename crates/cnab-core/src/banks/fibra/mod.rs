//! Banco Fibra (224).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Fibra.
pub const BANK: BankSpec = BankSpec {
    code: 224,
    name: "Banco Fibra",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
