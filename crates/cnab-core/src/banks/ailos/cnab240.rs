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
//! generic ones; only the sources and defaults differ.

use crate::bank::LayoutSpec;
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout};

/// Ailos CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec {
    layout: Layout::Cnab240,
    kind: FileKind::Remessa,
    versions: &[],
    records: feb::RECORDS,
    entry: feb::ENTRY_REMESSA,
    ocorrencias: feb::MOVIMENTOS,
    motivos: &[],
    source: "Ailos, Manual Técnico de Cobrança Bancária — 240 posições, jan/2023 (remessa: 0, 1, 3-P/Q/R/S, 5, 9)",
    retorno_hook: None,
    titulo_hook: None,
    write_hook: None,
    crlf: true,
};

/// Ailos CNAB 240 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec {
    layout: Layout::Cnab240,
    kind: FileKind::Retorno,
    versions: &[],
    records: feb::RECORDS,
    entry: feb::ENTRY_RETORNO,
    ocorrencias: feb::OCORRENCIAS,
    motivos: feb::MOTIVOS,
    source: "Ailos, Manual Técnico de Cobrança Bancária — 240 posições, jan/2023 (retorno: 0, 1, 3-T/U, 5, 9; C044, C047)",
    retorno_hook: None,
    titulo_hook: None,
    write_hook: None,
    crlf: true,
};

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
