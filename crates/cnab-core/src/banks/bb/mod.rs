//! Banco do Brasil (001).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Banco do Brasil.
pub const BANK: BankSpec = BankSpec {
    code: 1,
    name: "Banco do Brasil",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
