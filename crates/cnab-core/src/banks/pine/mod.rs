//! Banco Pine (643).

pub mod cnab400;
