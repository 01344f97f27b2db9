//! Layout tables shared by several banks.

pub mod extrato240;
pub mod febraban150;
pub mod febraban240;
pub mod groups240;
pub mod pagamentos240;
pub mod pix;
