//! Citibank (745).

pub mod cnab400;
