//! BRB (Banco de Brasília) (070).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// BRB (Banco de Brasília).
pub const BANK: BankSpec = BankSpec {
    code: 70,
    name: "BRB (Banco de Brasília)",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
