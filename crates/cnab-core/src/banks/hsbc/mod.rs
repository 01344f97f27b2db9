//! HSBC (399).

pub mod cnab400;
