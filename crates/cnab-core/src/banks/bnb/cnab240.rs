//! Banco do Nordeste — CNAB 240 cobrança.

use crate::bank::LayoutSpec;

/// CNAB 240 layouts of this bank (none yet).
pub const LAYOUTS: &[&LayoutSpec] = &[];
