//! Itaú Unibanco — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Itaú, "Cobrança Bancária — Intercâmbio Eletrônico de Arquivos — Layout de Arquivos FEBRABAN 240",
//! edição Janeiro 2017 (section 3.1 "Arquivo Remessa": header de arquivo p. 7, header de lote p. 8, segmentos P/Q/R
//! pp. 9-11; section 3.2 "Arquivo Retorno": segmentos T/U pp. 14-15, trailers p. 16; notas 4, 22, 23 pp. 17-23).
//! File header layout version `040`, batch layout version `030`.
//! Positions cross-checked against Trust-Code/python-cnab `cnab240/bancos/itau/specs` and laravel-boleto
//! `src/Cnab/Remessa/Cnab240/Banco/Itau.php`.
//!
//! Deviations from FEBRABAN (the records in `cnab240-records.tsv`, the codes in the `cnab240-*.tsv` tables):
//! - agência is 4 digits (FEBRABAN 5 + DV) and conta 5 digits with the DAC agência/conta after a blank; the
//!   FEBRABAN convênio field is blank;
//! - P/T 38-57: carteira (3 digits, 38-40) + nosso número (8, 41-48) + DAC (49) + blanks, where FEBRABAN has a
//!   20-character nosso número and a 1-digit carteira at 58;
//! - seu número is 10 positions (P 63-72, T 59-68);
//! - P 118 and 142 are zeros (no juros/desconto code), P 225-226 prazo de baixa 2 digits;
//! - Q: pagador and sacador names are 30 positions; R carries one 40-position message at 100-139;
//! - T 214-221 four error codes (alphanumeric), 222-223 código de liquidação; U 78-92 valor pago;
//! - ocorrência (nota 22) and movimento (nota 4) codes are Itaú's own.
//!
//! Inscrição fields are 9(15) in the manual: the engine writes inscrição-role fields right-aligned with zeros and
//! reads them back without the padding; the pagador's/sacador's are alphanumeric so that the
//! alphanumeric CNPJ (2026) reads; the beneficiário's in the batch header is a number (needs an engine kind for
//! zero-filled alphanumerics to take an alphanumeric CNPJ).

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::model::Layout;

/// The manual.
pub const SOURCE: &str =
    "Itaú Cobrança Bancária — Layout de Arquivos FEBRABAN 240, edição Janeiro 2017";

// The records (header de arquivo p. 7, header de lote p. 8, segmentos P/Q/R pp. 9-11, T/U pp. 14-15, trailers
// p. 16), each FEBRABAN's with the fields this manual changes, are data: `cnab240-records.tsv`.
records!("itau/cnab240-records");

/// Every Itaú 240 record: FEBRABAN's but S and Y.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &febraban240::keyed([
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

/// Remessa entry: P, Q, and R when the title has multa, a second discount or a message (manual p. 11: R is
/// optional, only with ocorrência 01 or 31). Segment Y (sacador address) is read-only here.
pub const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'P')),
    EntryRecord::always(RecordKey::Segment(b'Q')),
    EntryRecord::if_any(
        RecordKey::Segment(b'R'),
        &[
            R::MultaCodigo,
            R::MultaValor,
            R::Desconto2Valor,
            R::Mensagem1,
        ],
    ),
];

/// Retorno entry: T then U.
pub const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'T')),
    EntryRecord::always(RecordKey::Segment(b'U')),
];

/// Códigos de ocorrência da remessa (nota 4, p. 17).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("itau/cnab240-movimentos");

/// Códigos de ocorrência do retorno (nota 22, pp. 20-21).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("itau/cnab240-ocorrencias");

/// Nota 23, tabela 1: entradas rejeitadas (ocorrência 03), T 214-221, up to four codes.
pub const MOTIVOS: &[MotivoDef] = codes!("itau/cnab240-motivos");

/// Itaú remessa.
pub const REMESSA: LayoutSpec =
    LayoutSpec::remessa(Layout::Cnab240, RECORDS, ENTRY_REMESSA, MOVIMENTOS, SOURCE);

/// Itaú retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab240,
    RECORDS,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
