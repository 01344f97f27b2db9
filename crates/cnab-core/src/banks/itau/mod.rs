//! Itaú Unibanco (341).

pub mod cnab240;
pub mod cnab400;
