//! Banco Daycoval (707).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco Daycoval.
pub const BANK: BankSpec = BankSpec {
    code: 707,
    name: "Banco Daycoval",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
