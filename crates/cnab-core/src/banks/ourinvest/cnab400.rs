//! Banco Ourinvest (712) — CNAB 400 cobrança, retorno.
//!
//! No Ourinvest manual is public. laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Ourinvest.php` reads the retorno at
//! Bradesco's positions (nosso número 071-082, ocorrência 109-110, data de ocorrência 111-116, valores 153-292,
//! data de crédito 296-301, motivos 319-328; trailer quantidade 018-025 / valor 026-039), and its ocorrência codes
//! (06 liquidação, 09/10 baixa, 12-14 instruções, 15 liquidação em cartório, 17 liquidação após baixa, 23 cartório,
//! 28 tarifas) are Bradesco's. The retorno is therefore read with the Bradesco tables
//! ([`crate::banks::bradesco::cnab400`], "Manual Cobrança Bradesco — Layout CNAB 400"). The remessa is not
//! modelled: laravel-boleto's Ourinvest remessa differs from Bradesco's in the pagador block (275-334) and no manual
//! confirms it.

use crate::bank::LayoutSpec;
use crate::banks::bradesco::cnab400 as bradesco;

/// CNAB 400 layouts of this bank: Bradesco's retorno table.
pub const LAYOUTS: &[&LayoutSpec] = &[&bradesco::RETORNO];
