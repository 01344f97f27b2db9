//! Banco Votorantim (BV) — CNAB 400 cobrança.

use crate::bank::LayoutSpec;

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[];
