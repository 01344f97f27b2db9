//! Banco Ourinvest (712).

pub mod cnab400;
