//! Banco Votorantim (BV) (655).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Votorantim (BV).
pub const BANK: BankSpec = BankSpec {
    code: 655,
    name: "Banco Votorantim (BV)",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
