//! Banco Inter (077) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Inter, "Conta Digital PJ Inter — Manual CNAB400" v1.1 of 30/08/2021 (file
//! `manuais/INTER/manual-remessa-inter.pdf` in eduardokum/laravel-boleto). Remessa: section 4 — 4.1 registro header,
//! 4.2 registro de transação tipo 1, 4.3 registro de transação tipo 2 (opcional), 4.4 registro trailer (pp. 5-10)
//! and section 7 "Notas" (códigos de desconto, p. 24). Retorno: section 5 "Layout do arquivo Retorno": 5.1 registro
//! header, 5.2 registro de transação tipo 1, 5.3 registro trailer (pp. 12-15). Positions cross-checked against
//! laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Inter.php` and the corpus file `laravelboleto__inter.ret`.
//!
//! Remessa notes: multa, juros and desconto each have a code, a value field and a separate percentage field (4
//! digits, 2 decimals); the model's single `valor` goes to the value field for the "valor" codes (multa/juros 1,
//! desconto 1-3) and to the percentage field for the "percentual" codes (multa/juros 2, desconto 4-6), done by
//! [`remessa_write_hook`] / [`remessa_titulo_hook`]. The trailer's 002-007 "quantidade de boletos" follows the manual
//! (the table also lists "002 a 394 branco"; laravel-boleto writes blanks there).
//!
//! Inter's retorno is its own layout (not Bradesco's): the ocorrência sits at 90-91, the nosso número at 71-81, and
//! the rejection motives of ocorrência 03 are free text (241-380), turned into one motivo by [`retorno_hook`].
//! No Inter remessa is in the corpus: the remessa table is checked against the manual and the peer only.

use crate::bank::{oc, records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{RecordLayout, Role as R};
use crate::model::{Layout, Motivo, OcorrenciaKind as K, RetornoEntry, Titulo};
use crate::record::Record;

/// Source string of the Inter remessa tables.
pub const REMESSA_SOURCE: &str =
    "Banco Inter, Conta Digital PJ Inter — Manual CNAB400 v1.1 (30/08/2021), seção 4 (layout do arquivo remessa)";

records!("inter/cnab400-records");

/// Movimento of the remessa (4.2, 109-110): the manual lists only 01 (remessa).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[oc("01", K::Informativo, "Remessa")];

/// Whether a multa/juros code (66 / 160) means a percentage: 2 = percentual.
fn encargo_is_percent(codigo: &str) -> bool {
    codigo == "2"
}

/// Whether a desconto code (184) means a percentage: 4, 5, 6 (notas, p. 24).
fn desconto_is_percent(codigo: &str) -> bool {
    matches!(codigo, "4" | "5" | "6")
}

/// Writes `value` (2 decimals) right-aligned, zero-padded, into `line[start..end]` (0-based, end exclusive).
fn put_dec(line: &mut [u8], start: usize, end: usize, value: Option<rust_decimal::Decimal>) {
    let Some(slot) = line.get_mut(start..end) else {
        return;
    };
    let digits = value
        .map(|v| {
            (v.round_dp(2) * rust_decimal::Decimal::ONE_HUNDRED)
                .trunc()
                .abs()
                .to_string()
        })
        .unwrap_or_default();
    let digits = digits.as_bytes();
    let width = slot.len();
    for (i, b) in slot.iter_mut().enumerate() {
        *b = (i + digits.len())
            .checked_sub(width)
            .and_then(|j| digits.get(j).copied())
            .unwrap_or(b'0');
    }
}

/// Moves a percentage encargo from its value field to its percentage field (0-based ranges).
fn move_to_percent(
    line: &mut [u8],
    valor: (usize, usize),
    pct: (usize, usize),
    v: Option<rust_decimal::Decimal>,
) {
    put_dec(line, valor.0, valor.1, None);
    put_dec(line, pct.0, pct.1, v);
}

/// Remessa write hook: percentage multa/juros/desconto go to their 4-digit percentage fields.
#[allow(clippy::ptr_arg)] // the signature is the engine's `WriteHook`
pub fn remessa_write_hook(line: &mut Vec<u8>, key: RecordKey, t: &Titulo) {
    if key != RecordKey::Detail(b'1') {
        return;
    }
    if encargo_is_percent(&t.multa.codigo) {
        move_to_percent(line, (66, 79), (79, 83), t.multa.valor);
    }
    if encargo_is_percent(&t.juros.codigo) {
        move_to_percent(line, (160, 173), (173, 177), t.juros.valor);
    }
    if desconto_is_percent(&t.desconto.codigo) {
        move_to_percent(line, (184, 197), (197, 201), t.desconto.valor);
    }
}

/// Remessa read hook: percentage multa/juros/desconto are read from their percentage fields.
pub fn remessa_titulo_hook(t: &mut Titulo, records: &[Record<'_>]) {
    let Some(first) = records.first() else {
        return;
    };
    let pct = |name: &str| {
        first.layout.field(name).and_then(|f| {
            crate::field::decode_num(f.slice(first.bytes), 2)
                .ok()
                .flatten()
        })
    };
    if encargo_is_percent(&t.multa.codigo) {
        t.multa.valor = pct("percentual_multa");
    }
    if encargo_is_percent(&t.juros.codigo) {
        t.juros.valor = pct("percentual_juros");
    }
    if desconto_is_percent(&t.desconto.codigo) {
        t.desconto.valor = pct("percentual_desconto");
    }
}

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title: tipo 1, and tipo 2 when messages 2-4 are given.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem2, R::Mensagem3, R::Mensagem4],
    ),
];

/// Inter CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    REMESSA_SOURCE,
)
.titulo_hook(remessa_titulo_hook)
.write_hook(remessa_write_hook);

/// Source string of the Inter tables.
pub const SOURCE: &str =
    "Banco Inter, Conta Digital PJ Inter — Manual CNAB400, seção 5 (layout do arquivo retorno)";

/// Ocorrências (5.2, positions 090-091).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("inter/cnab400-ocorrencias");

/// Ocorrência 03 carries its motives as free text at 241-380; it becomes one motivo whose code and description are
/// that text (the generic reader expects two-character codes).
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    if e.ocorrencia.as_ref().is_none_or(|o| o.code != "03") {
        return;
    }
    let Some(raw) = records.first().and_then(|r| r.bytes.get(240..380)) else {
        return;
    };
    let text = crate::field::decode_text(raw).trim().to_string();
    if !text.is_empty() {
        e.motivos = vec![Motivo {
            code: text.clone(),
            description: Some(text),
        }];
    }
}

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Inter CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    &[],
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
