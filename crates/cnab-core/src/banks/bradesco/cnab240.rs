//! Bradesco — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Bradesco, "Manual de Procedimentos Operacionais para Troca de Arquivos 240 posições", Manual de
//! Procedimentos Nº 4008.524.0339, versão 06, elaborado em 07/2017: header de arquivo p. 8, trailer de arquivo p. 8,
//! header de lote p. 12, segmentos P p. 13, Q p. 14, R p. 15, S pp. 15-16, Y-01/Y-50 pp. 16-17, T p. 18, U p. 19,
//! trailer de lote p. 20; "Descrição de Campos" C004 (movimento remessa) p. 21, C044 (movimento retorno)
//! pp. 27-28, C047 (motivos) pp. 28-31, G069 (identificação do título) p. 35.
//! File header layout version `084`, batch layout version `042`.
//! Positions cross-checked against laravel-boleto `src/Cnab/Remessa/Cnab240/Banco/Bradesco.php` and
//! `src/Cnab/Retorno/Cnab240/Banco/Bradesco.php`.
//!
//! Deviations from FEBRABAN (the records in `cnab240-records.tsv`, the codes in the `cnab240-*.tsv` tables):
//! - P/T 38-57 "identificação do título" (G069): produto/carteira (3 digits, 38-40), zeros (41-45), nosso número
//!   (11 digits, 46-56) and its DV (57, a digit or `P`), where FEBRABAN has one 20-position field; P 58 is the
//!   FEBRABAN "código da carteira" (1 = cobrança simples), not Bradesco's carteira;
//! - the trailer de lote carries numeric totals per carteira (24-115) and the trailer de arquivo a numeric count of
//!   accounts (30-35), both written;
//! - movimento remessa 03 (protesto para fins falimentares) and 47 (excluir negativação e manter pendente); movimento
//!   retorno 73 (confirmação recebimento pedido de negativação); motivos A1-A4 and liquidação 18 (pagamento parcial);
//!   descriptions as printed by Bradesco.
//!
//! Q has FEBRABAN's positions (own table: zeros in the sacador's N 15 inscrição when none); R, S and U follow
//! FEBRABAN position by position (manual pp. 15-16, 19), so FEBRABAN's tables are reused. Inscrição fields (N in
//! the manual) are alphanumeric in our tables with an inscrição role: the writer right-aligns and zero-fills them,
//! the reader strips the padding, so the alphanumeric CNPJ (2026) fits.

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::RecordLayout;
use crate::layouts::febraban240;

/// The manual.
pub const SOURCE: &str =
    "Bradesco Manual de Procedimentos Nº 4008.524.0339 — Troca de Arquivos 240 posições, versão 06 (07/2017)";

// The records (headers pp. 8 and 12, segmentos P p. 13, Q p. 14, T p. 18, trailers pp. 8 and 20), each FEBRABAN's
// with the fields this manual changes, are data: `cnab240-records.tsv`.
records!("bradesco/cnab240-records");

/// Every record (remessa and retorno share the headers and trailers, p. 11): FEBRABAN's R, S, U and Y, the rest above.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &febraban240::records_with(&[
    &HEADER_ARQUIVO,
    &HEADER_LOTE,
    &SEGMENTO_P,
    &SEGMENTO_Q,
    &SEGMENTO_T,
    &TRAILER_LOTE,
    &TRAILER_ARQUIVO,
]);

/// Entry: P, Q, then R and S when they carry something (FEBRABAN's rule; Y-01/Y-50 read only).
pub const ENTRY_REMESSA: &[EntryRecord] = febraban240::ENTRY_REMESSA;

/// Entry: T, U, then Y-50 (rateio) when present.
pub const ENTRY_RETORNO: &[EntryRecord] = febraban240::ENTRY_RETORNO;

/// Código de movimento remessa (C004, p. 21).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("bradesco/cnab240-movimentos");

/// Código de movimento retorno (C044, pp. 27-28).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("bradesco/cnab240-ocorrencias");

/// Motivo da ocorrência (C047, pp. 28-31): A for 02/03/26/30, B for 28, C for 06/09/17. T 214-223, up to five.
/// Codes Bradesco prints word for word as FEBRABAN come from FEBRABAN's tables A/B/C; the others are Bradesco's.
pub const MOTIVOS: &[MotivoDef] = codes!("bradesco/cnab240-motivos");

/// Bradesco remessa, on FEBRABAN's entry.
pub const REMESSA: LayoutSpec = febraban240::remessa(RECORDS, MOVIMENTOS, SOURCE);

/// Bradesco retorno, on FEBRABAN's entry.
pub const RETORNO: LayoutSpec = febraban240::retorno(RECORDS, OCORRENCIAS, MOTIVOS, SOURCE);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
