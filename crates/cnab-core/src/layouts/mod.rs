//! Layout tables shared by several banks.

pub mod febraban240;
pub mod pix;
