//! CrediSIS (097).

pub mod cnab400;
