//! Banco Votorantim (BV) — CNAB 240 cobrança.

use crate::bank::LayoutSpec;

/// CNAB 240 layouts of this bank (none: the bank's CNAB 240 is not read here).
pub const LAYOUTS: &[&LayoutSpec] = &[];
