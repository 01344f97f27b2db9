//! Banrisul (041).

pub mod cnab240;
pub mod cnab400;
