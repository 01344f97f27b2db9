//! Banco Rendimento (633).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Rendimento.
pub const BANK: BankSpec = BankSpec {
    code: 633,
    name: "Banco Rendimento",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
