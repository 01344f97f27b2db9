//! BTG Pactual (208) — CNAB 240 cobrança.
//!
//! BTG Pactual publishes no bank-specific CNAB 240 table: its "Manual de Implantação" of cobrança points to the
//! FEBRABAN "Layout Padrão CNAB 240 posições" version 10.06 (`Layout_FEBRABAN_CNAB240_ V_10_06.pdf`, shipped with
//! the manual in eduardokum/laravel-boleto `manuais/BTG/`), so the retorno uses the FEBRABAN generic tables
//! ([`crate::layouts::febraban240`]) unchanged. laravel-boleto `src/Cnab/Retorno/Cnab240/Banco/Btg.php` reads the
//! same FEBRABAN positions (segments T/U).

use crate::bank::LayoutSpec;
use crate::layouts::febraban240;

/// CNAB 240 layouts of this bank: FEBRABAN generic retorno.
pub const LAYOUTS: &[&LayoutSpec] = &[&febraban240::RETORNO];
