//! Delbank (435).

pub mod cnab400;
