//! CrediSIS (097).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// CrediSIS.
pub const BANK: BankSpec = BankSpec {
    code: 97,
    name: "CrediSIS",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
