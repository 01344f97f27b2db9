//! Caixa Econômica Federal (104).

pub mod cnab240;
pub mod cnab400;
