//! Itaú Unibanco (341).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Itaú Unibanco.
pub const BANK: BankSpec = BankSpec {
    code: 341,
    name: "Itaú Unibanco",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
