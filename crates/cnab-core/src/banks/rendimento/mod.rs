//! Banco Rendimento (633).

pub mod cnab400;
