//! Sicredi (748).

pub mod cnab240;
pub mod cnab400;
