//! Unicred (136).

pub mod cnab400;
