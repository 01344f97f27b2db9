//! Banco do Brasil (001).

pub mod cnab240;
pub mod cnab400;
