//! Banco C6 (336).

pub mod cnab400;
