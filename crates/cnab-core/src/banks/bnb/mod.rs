//! Banco do Nordeste (004).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco do Nordeste.
pub const BANK: BankSpec = BankSpec {
    code: 4,
    name: "Banco do Nordeste",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
