//! Banco do Nordeste (004).

pub mod cnab400;
