//! Banco Inter (077).

pub mod cnab400;
