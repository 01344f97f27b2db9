//! Layout tables shared by several banks.

pub mod febraban150;
pub mod febraban240;
pub mod pix;
