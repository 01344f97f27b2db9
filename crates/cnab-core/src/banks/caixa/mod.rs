//! Caixa Econômica Federal (104).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Caixa Econômica Federal.
pub const BANK: BankSpec = BankSpec {
    code: 104,
    name: "Caixa Econômica Federal",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
