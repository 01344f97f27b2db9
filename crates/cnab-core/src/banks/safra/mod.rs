//! Banco Safra (422).

pub mod cnab400;
