//! Sicoob (Bancoob) (756).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Sicoob (Bancoob).
pub const BANK: BankSpec = BankSpec {
    code: 756,
    name: "Sicoob (Bancoob)",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
