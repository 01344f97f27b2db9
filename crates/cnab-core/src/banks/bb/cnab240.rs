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

use crate::bank::{LayoutSpec, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout};

/// Source string for this module's tables.
pub const SOURCE: &str = "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017";

/// Header de arquivo (campos 01.0-24.0; 07.0 split into BB1-BB5).
pub const HEADER_ARQUIVO: RecordLayout = patched_layout!(
    feb::HEADER_ARQUIVO,
    "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Header de Arquivo (p. 5)",
    [
        F::num("convenio", 33, 41).role(R::Convenio),
        F::num("cobranca_cedente", 42, 45).default("0014"),
        F::num("carteira", 46, 47).role(R::Carteira),
        F::num("variacao", 48, 50).role(R::Variacao),
        F::alpha("reservado_bb", 51, 52),
        feb::versao_arquivo("083"),
        F::alpha("densidade", 167, 171),
    ]
);

/// Header de lote (campos 01.1-23.1; 11.1 split into BB1-BB5).
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    feb::HEADER_LOTE,
    "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Header de Lote (p. 6)",
    [
        feb::versao_lote("042"),
        F::num("convenio", 34, 42).role(R::Convenio),
        F::num("cobranca_cedente", 43, 46).default("0014"),
        F::num("carteira", 47, 48).role(R::Carteira),
        F::num("variacao", 49, 51).role(R::Variacao),
        F::alpha("remessa_teste", 52, 53),
    ]
);

/// Segmento Y (optional records Y-01 sacador, Y-03 Pix, Y-04 e-mail, Y-05 cheques, Y-50 rateio, Y-51 notas
/// fiscais): read only, kept raw; `identificacao_registro` (18-19, G067) says which one.
pub const SEGMENTO_Y: RecordLayout = patched_layout!(
    feb::SEGMENTO_Y,
    "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017, Segmentos Y-01/Y-04/Y-05/Y-50/Y-51",
    [F::num("codigo_movimento", 16, 17)]
);

/// Every BB record: BB headers, FEBRABAN segments and trailers.
pub const RECORDS: &[(RecordKey, &RecordLayout)] =
    &feb::records_with(&[&HEADER_ARQUIVO, &HEADER_LOTE, &SEGMENTO_Y]);

/// BB CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(Layout::Cnab240, FileKind::Remessa, RECORDS, feb::ENTRY_REMESSA, feb::MOVIMENTOS, "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017 (remessa: 0, 1, 3-P/Q/R/S, 5, 9)");

/// BB CNAB 240 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::new(Layout::Cnab240, FileKind::Retorno, RECORDS, feb::ENTRY_RETORNO, feb::OCORRENCIAS, "Banco do Brasil, Particularidades BB — Leiaute CNAB 240, agosto/2017 (retorno: 0, 1, 3-T/U, 5, 9; C044, C047)").motivos(feb::MOTIVOS);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
