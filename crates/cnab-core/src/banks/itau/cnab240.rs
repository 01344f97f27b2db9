//! Itaú Unibanco — CNAB 240 cobrança.
//!
//! Interim: FEBRABAN's generic tables until Itaú's own manual tables land.

use crate::bank::LayoutSpec;
use crate::layouts::febraban240;

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&febraban240::REMESSA, &febraban240::RETORNO];
