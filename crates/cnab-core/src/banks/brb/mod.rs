//! BRB (Banco de Brasília) (070).

pub mod cnab400;
