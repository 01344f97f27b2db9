//! Ailos (Cooperativa Central de Crédito) (085).

pub mod cnab240;
pub mod cnab400;
