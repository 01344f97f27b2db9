//! Ailos (085) — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Sistema Ailos, "Manual Técnico de Cobrança Bancária — Padrão FEBRABAN 240 posições", janeiro/2023
//! (header de arquivo 01.0-24.0 p. 12, header de lote 01.1-23.1, segmentos P/Q/R/S, T/U; layout do arquivo "084",
//! do lote "043"). Cross-checked against kivanio/brcobranca `lib/brcobranca/remessa/cnab240/ailos.rb` and
//! `retorno/cnab240/ailos.rb` and the corpus files (CECRED, Ailos's former name).
//!
//! Ailos follows FEBRABAN's positions for every cobrança record: the "código do convênio na cooperativa" fills
//! header 33-52 / lote 34-53 (alphanumeric), and the nosso número (P/T 38-57, G069) is the conta corrente with DV
//! (8 digits) followed by a 9-digit sequence, left-aligned. Codes C044/C047 are FEBRABAN's. So the tables are the
//! generic ones; only the header de lote's version default ("043") and the sources differ.

use crate::bank::{LayoutSpec, RecordKey};
use crate::field::{patched_layout, RecordLayout};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout};

/// Header de lote (campos 01.1-23.1, p. 17): FEBRABAN positions, layout do lote "043".
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    feb::HEADER_LOTE,
    "Ailos, Manual Técnico de Cobrança Bancária — 240 posições, jan/2023, Header de Lote",
    [feb::versao_lote("043")]
);

/// Every Ailos record: FEBRABAN's, with the Ailos header de lote and the optional segment Y.
pub const RECORDS: &[(RecordKey, &RecordLayout)] =
    &feb::records_with(&[&HEADER_LOTE, &crate::banks::bb::cnab240::SEGMENTO_Y]);

/// Ailos CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(Layout::Cnab240, FileKind::Remessa, RECORDS, feb::ENTRY_REMESSA, feb::MOVIMENTOS, "Ailos, Manual Técnico de Cobrança Bancária — 240 posições, jan/2023 (remessa: 0, 1, 3-P/Q/R/S, 5, 9)");

/// Ailos CNAB 240 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::new(Layout::Cnab240, FileKind::Retorno, RECORDS, feb::ENTRY_RETORNO, feb::OCORRENCIAS, "Ailos, Manual Técnico de Cobrança Bancária — 240 posições, jan/2023 (retorno: 0, 1, 3-T/U, 5, 9; C044, C047)").motivos(feb::MOTIVOS);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
