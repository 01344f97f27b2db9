//! Banco Votorantim (BV) (655).

pub mod cnab400;
