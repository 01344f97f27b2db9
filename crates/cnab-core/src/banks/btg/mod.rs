//! BTG Pactual (208).

pub mod cnab240;
pub mod cnab400;
