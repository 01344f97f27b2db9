//! Bradesco (237).

pub mod cnab240;
pub mod cnab400;
