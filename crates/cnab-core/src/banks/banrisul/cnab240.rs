//! Banrisul — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Banrisul, "Cobrança Banrisul — Leiaute CNAB 240 Posições Padrão Febraban" (Unidade de Atendimento e
//! Serviços; last revision listed: outubro/2013, with the 2025 fator table), sections 3.1 header de arquivo pp. 6-7,
//! 3.2 header de lote p. 8, 3.3 segmento P pp. 9-14, 3.4 segmento Q pp. 14-16, 3.5 segmento R pp. 16-18,
//! 3.6 segmento S pp. 19-21, 3.7 segmento Y-01 p. 21, 3.8 segmento T pp. 22-26, 3.9 segmento U pp. 26-28,
//! 3.10/3.11 trailers p. 28, 5.1 ocorrências de retorno pp. 34-36, 5.2 nosso número (8 digits + 2-digit NC) p. 36.
//! File header layout version `040`, batch layout version `020`. Header and trailer records are the same in
//! remessa and retorno (1.5).
//! Positions cross-checked against laravel-boleto `src/Cnab/Remessa/Cnab240/Banco/Banrisul.php` and
//! `src/Cnab/Retorno/Cnab240/Banco/Banrisul.php`.
//!
//! Deviations from FEBRABAN (the records in `cnab240-records.tsv`, the codes in the `cnab240-*.tsv` tables):
//! - header de arquivo: código do beneficiário in the first 13 positions of the convênio (33-45; 34-46 in the
//!   header de lote), agência DV blank, conta `000EECCCCCCC`, reserved-for-the-bank 172-191 (`BE` at 180-181 in
//!   remessas) and VAN fields 223-240; header de lote forma de lançamento `00` at 12-13;
//! - P/T 38-57 nosso número: only the first 10 positions count ("serão consideradas as 10 primeiras posições"):
//!   8 digits (38-45) + 2-digit NC (46-47), then blanks; peers differ here (laravel-boleto right-aligns the number
//!   in 20 zero-filled positions), we follow the manual;
//! - carteira (58), espécie (107-108: 02, 04, AA, AB, AC, AD…) and moeda (228-229: 09, AA, AB…) are alphanumeric;
//! - R 180-199 carries the débito data as banco (3), agência (4) and conta/DV (13), not FEBRABAN's 208-231;
//! - U 181-202 contrato BLU, 203-210 complemento;
//! - movimento remessa 12/13/15 (reembolso, protesto por falência); movimento retorno AA/AB/AC and motivos
//!   (alphanumeric: A4, AA) per ocorrência, as in T 214-223 and annex 5.1.
//!
//! Q follows FEBRABAN's positions (own table: zeros in the sacador's N 15 inscrição); S (tipo de impressão 3) is
//! FEBRABAN's table. Inscrição fields (N in the manual) are alphanumeric with an inscrição role: the writer
//! right-aligns and zero-fills them, the reader strips the padding, so the alphanumeric CNPJ (2026) fits.
//! No juros: P 118 is written `3` ("reservado" in this manual, FEBRABAN's "isento"), as laravel-boleto does.

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::RecordLayout;
use crate::layouts::febraban240;

/// The manual.
pub const SOURCE: &str =
    "Cobrança Banrisul — Leiaute CNAB 240 Posições Padrão Febraban (rev. out/2013)";

// The records (3.1-3.5 and 3.8-3.11, pp. 6-28), each FEBRABAN's with the fields this manual changes, are data:
// `cnab240-records.tsv`.
records!("banrisul/cnab240-records");

/// Every record (1.5: headers and trailers are the same in remessa and retorno).
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &febraban240::records_with(&[
    &HEADER_ARQUIVO,
    &HEADER_LOTE,
    &SEGMENTO_P,
    &SEGMENTO_Q,
    &SEGMENTO_R,
    &SEGMENTO_T,
    &SEGMENTO_U,
    &TRAILER_LOTE,
    &TRAILER_ARQUIVO,
]);

/// Entry: P, Q, then R and S when they carry something; Y-01 (títulos de terceiros) read only.
pub const ENTRY_REMESSA: &[EntryRecord] = febraban240::ENTRY_REMESSA;

/// Entry: T, U (and Y-03 when present).
pub const ENTRY_RETORNO: &[EntryRecord] = febraban240::ENTRY_RETORNO;

/// Código de movimento remessa (07.3P, pp. 9-10).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("banrisul/cnab240-movimentos");

/// Código de movimento retorno (07.3T, pp. 22-23).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("banrisul/cnab240-ocorrencias");

/// Motivos (T 214-223, up to five): per movimento as listed in 28.3T (pp. 25-26); rejections (03, 26, 30) from
/// annex 5.1 (pp. 34-36).
pub const MOTIVOS: &[MotivoDef] = codes!("banrisul/cnab240-motivos");

/// Banrisul remessa, on FEBRABAN's entry.
pub const REMESSA: LayoutSpec = febraban240::remessa(RECORDS, MOVIMENTOS, SOURCE);

/// Banrisul retorno, on FEBRABAN's entry.
pub const RETORNO: LayoutSpec = febraban240::retorno(RECORDS, OCORRENCIAS, MOTIVOS, SOURCE);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
