//! Banco Fibra (224).

pub mod cnab400;
