//! Banco Ourinvest (712).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Ourinvest.
pub const BANK: BankSpec = BankSpec {
    code: 712,
    name: "Banco Ourinvest",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
