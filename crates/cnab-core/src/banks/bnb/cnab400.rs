//! Banco do Nordeste — CNAB 400 cobrança.

use crate::bank::LayoutSpec;

/// CNAB 400 layouts of this bank (none yet).
pub const LAYOUTS: &[&LayoutSpec] = &[];
