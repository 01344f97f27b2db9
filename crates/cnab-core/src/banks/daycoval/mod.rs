//! Banco Daycoval (707).

pub mod cnab400;
