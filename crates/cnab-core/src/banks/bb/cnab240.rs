//! Banco do Brasil — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Banco do Brasil, "Particularidades BB — Leiaute CNAB 240", agosto/2017 (header de arquivo campo 07.0
//! BB1-BB5, header de lote campo 11.1 BB1-BB5, segmentos P/Q/R/S/T/U, códigos C044/C047). Positions cross-checked
//! against kivanio/brcobranca `lib/brcobranca/remessa/cnab240/banco_brasil.rb` and the corpus files.
//!
//! Deviations from FEBRABAN v10.7 (everything else is FEBRABAN's generic table):
//! - the 20-position "código do convênio" of both headers is split into BB1 convênio (9), BB2 "0014" cobrança
//!   cedente (4), BB3 carteira (2), BB4 variação (3) and BB5 reserved/"TS" (2);
//! - the nosso número (P/T 38-57) is left-aligned with spaces: convênio of 4 or 6 positions gives 11 digits + DV,
//!   of 7 positions 17 digits without DV; the whole field is the nosso número here, since its split depends on the
//!   convênio width;
//! - the retorno movimento (C044) and motivo (C047) codes are FEBRABAN's (the manual lists a subset of them).

use crate::bank::{EntryRecord, LayoutSpec, RecordKey};
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout};

/// Source string for this module's tables.
pub const SOURCE: &str = "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017";

/// Header de arquivo (campos 01.0-24.0; 07.0 split into BB1-BB5).
pub const HEADER_ARQUIVO: RecordLayout = RecordLayout {
    source: "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Header de Arquivo (p. 5)",
    fields: patched!(
        feb::HEADER_ARQUIVO.fields,
        [
            F::num("convenio", 33, 41).role(R::Convenio),
            F::num("cobranca_cedente", 42, 45).default("0014"),
            F::num("carteira", 46, 47).role(R::Carteira),
            F::num("variacao", 48, 50).role(R::Variacao),
            F::alpha("reservado_bb", 51, 52),
            F::alpha("versao_layout", 164, 166).role(R::LayoutVersao).default("083"),
            F::alpha("densidade", 167, 171),
        ]
    ),
    ..feb::HEADER_ARQUIVO
};

/// Header de lote (campos 01.1-23.1; 11.1 split into BB1-BB5).
pub const HEADER_LOTE: RecordLayout = RecordLayout {
    source: "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Header de Lote (p. 6)",
    fields: patched!(
        feb::HEADER_LOTE.fields,
        [
            F::alpha("versao_layout_lote", 14, 16).role(R::LoteLayoutVersao).default("042"),
            F::num("convenio", 34, 42).role(R::Convenio),
            F::num("cobranca_cedente", 43, 46).default("0014"),
            F::num("carteira", 47, 48).role(R::Carteira),
            F::num("variacao", 49, 51).role(R::Variacao),
            F::alpha("remessa_teste", 52, 53),
        ]
    ),
    ..feb::HEADER_LOTE
};

/// Segmento Y (optional records Y-01 sacador, Y-03 Pix, Y-04 e-mail, Y-05 cheques, Y-50 rateio, Y-51 notas
/// fiscais): read only, kept raw; `identificacao_registro` (18-19, G067) says which one.
pub const SEGMENTO_Y: RecordLayout = RecordLayout {
    source: "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Segmentos Y-01/Y-04/Y-05/Y-50/Y-51",
    fields: patched!(
        feb::SEGMENTO_Y.fields,
        [
            F::num("codigo_movimento", 16, 17),
        ]
    ),
    ..feb::SEGMENTO_Y
};

/// The remessa entry: FEBRABAN's P, Q, R, S, plus an optional Y (read only: Pix, e-mail, sacador).
pub const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'P')),
    EntryRecord::always(RecordKey::Segment(b'Q')),
    EntryRecord::if_any(
        RecordKey::Segment(b'R'),
        &[
            R::MultaCodigo,
            R::MultaValor,
            R::Desconto2Valor,
            R::Mensagem3,
            R::Mensagem4,
        ],
    ),
    EntryRecord::if_any(RecordKey::Segment(b'S'), &[R::Mensagem1, R::Mensagem2]),
    EntryRecord::read_only(RecordKey::Segment(b'Y')),
];

/// Every BB record: BB headers, FEBRABAN segments and trailers.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_ARQUIVO),
    (RecordKey::BatchHeader, &HEADER_LOTE),
    (RecordKey::Segment(b'P'), &feb::SEGMENTO_P),
    (RecordKey::Segment(b'Q'), &feb::SEGMENTO_Q),
    (RecordKey::Segment(b'R'), &feb::SEGMENTO_R),
    (RecordKey::Segment(b'S'), &feb::SEGMENTO_S),
    (RecordKey::Segment(b'T'), &feb::SEGMENTO_T),
    (RecordKey::Segment(b'U'), &feb::SEGMENTO_U),
    (RecordKey::Segment(b'Y'), &SEGMENTO_Y),
    (RecordKey::BatchTrailer, &feb::TRAILER_LOTE),
    (RecordKey::FileTrailer, &feb::TRAILER_ARQUIVO),
];

/// BB CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(Layout::Cnab240, FileKind::Remessa, RECORDS, ENTRY_REMESSA, feb::MOVIMENTOS, "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017 (remessa: 0, 1, 3-P/Q/R/S, 5, 9)");

/// BB CNAB 240 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::new(Layout::Cnab240, FileKind::Retorno, RECORDS, feb::ENTRY_RETORNO, feb::OCORRENCIAS, "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017 (retorno: 0, 1, 3-T/U, 5, 9; C044, C047)").motivos(feb::MOTIVOS);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
