//! HSBC (399).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// HSBC.
pub const BANK: BankSpec = BankSpec {
    code: 399,
    name: "HSBC",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
