//! Santander (033).

pub mod cnab240;
pub mod cnab400;
