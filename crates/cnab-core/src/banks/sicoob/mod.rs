//! Sicoob (Bancoob) (756).

pub mod cnab240;
pub mod cnab400;
