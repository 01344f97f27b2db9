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
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout};

/// Source string for this module's tables.
pub const SOURCE: &str = "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017";

/// Header de arquivo (campos 01.0-24.0; 07.0 split into BB1-BB5).
pub const HEADER_ARQUIVO: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 240,
    source: "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Header de Arquivo (p. 5)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::constant("lote", 4, 7, "0000"),
        F::constant("tipo_registro", 8, 8, "0"),
        F::blank("cnab_1", 9, 17),
        F::num("tipo_inscricao", 18, 18).role(R::EmpresaTipoInscricao),
        F::alpha("inscricao", 19, 32).role(R::EmpresaInscricao),
        F::num("convenio", 33, 41).role(R::Convenio),
        F::num("cobranca_cedente", 42, 45).default("0014"),
        F::num("carteira", 46, 47).role(R::Carteira),
        F::num("variacao", 48, 50).role(R::Variacao),
        F::alpha("reservado_bb", 51, 52),
        F::num("agencia", 53, 57).role(R::Agencia),
        F::alpha("agencia_dv", 58, 58).role(R::AgenciaDv),
        F::num("conta", 59, 70).role(R::Conta),
        F::alpha("conta_dv", 71, 71).role(R::ContaDv),
        F::alpha("agencia_conta_dv", 72, 72).role(R::AgenciaContaDv),
        F::alpha("empresa_nome", 73, 102).role(R::EmpresaNome),
        F::alpha("banco_nome", 103, 132).role(R::BancoNome),
        F::blank("cnab_2", 133, 142),
        F::num("codigo_remessa_retorno", 143, 143).role(R::ArquivoCodigo),
        F::date8("data_geracao", 144, 151).role(R::DataGeracao),
        F::num("hora_geracao", 152, 157).role(R::HoraGeracao),
        F::num("nsa", 158, 163).role(R::Nsa),
        F::alpha("versao_layout", 164, 166).role(R::LayoutVersao).default("083"),
        F::alpha("densidade", 167, 171),
        F::alpha("reservado_banco", 172, 191),
        F::alpha("reservado_empresa", 192, 211),
        F::blank("cnab_3", 212, 240),
    ],
};

/// Header de lote (campos 01.1-23.1; 11.1 split into BB1-BB5).
pub const HEADER_LOTE: RecordLayout = RecordLayout {
    name: "header_lote",
    len: 240,
    source: "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Header de Lote (p. 6)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "1"),
        F::alpha("operacao", 9, 9).role(R::Operacao),
        F::num("servico", 10, 11).default("01"),
        F::blank("cnab_1", 12, 13),
        F::alpha("versao_layout_lote", 14, 16).role(R::LoteLayoutVersao).default("042"),
        F::blank("cnab_2", 17, 17),
        F::num("tipo_inscricao", 18, 18).role(R::EmpresaTipoInscricao),
        F::alpha("inscricao", 19, 33).role(R::EmpresaInscricao),
        F::num("convenio", 34, 42).role(R::Convenio),
        F::num("cobranca_cedente", 43, 46).default("0014"),
        F::num("carteira", 47, 48).role(R::Carteira),
        F::num("variacao", 49, 51).role(R::Variacao),
        F::alpha("remessa_teste", 52, 53),
        F::num("agencia", 54, 58).role(R::Agencia),
        F::alpha("agencia_dv", 59, 59).role(R::AgenciaDv),
        F::num("conta", 60, 71).role(R::Conta),
        F::alpha("conta_dv", 72, 72).role(R::ContaDv),
        F::alpha("agencia_conta_dv", 73, 73).role(R::AgenciaContaDv),
        F::alpha("empresa_nome", 74, 103).role(R::EmpresaNome),
        F::alpha("mensagem_1", 104, 143),
        F::alpha("mensagem_2", 144, 183),
        F::num("numero_remessa_retorno", 184, 191).role(R::Nsa),
        F::date8("data_gravacao", 192, 199).role(R::DataGeracao),
        F::date8("data_credito", 200, 207).role(R::DataCredito),
        F::blank("cnab_3", 208, 240),
    ],
};

/// Segmento Y (optional records Y-01 sacador, Y-03 Pix, Y-04 e-mail, Y-05 cheques, Y-50 rateio, Y-51 notas
/// fiscais): read only, kept raw; `identificacao_registro` (18-19, G067) says which one.
pub const SEGMENTO_Y: RecordLayout = RecordLayout {
    name: "segmento_y",
    len: 240,
    source: "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Segmentos Y-01/Y-04/Y-05/Y-50/Y-51",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "3"),
        F::num("sequencial", 9, 13).role(R::Sequencial),
        F::constant("segmento", 14, 14, "Y"),
        F::blank("cnab_1", 15, 15),
        F::num("codigo_movimento", 16, 17),
        F::alpha("identificacao_registro", 18, 19),
        F::alpha("dados", 20, 240),
    ],
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
