//! Shared builders for the baixa tests.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)] // helpers shared by test files; tests fail loudly

use baixa::Titulo;
use chrono::NaiveDate;
use cnab_core::{
    Bank, Beneficiario, Header, Layout, Motivo, Ocorrencia, OcorrenciaKind, Retorno, RetornoEntry,
};
use rust_decimal::Decimal;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn entry(
    nn: &str,
    code: &str,
    kind: OcorrenciaKind,
    date: NaiveDate,
    pago: Option<&str>,
) -> RetornoEntry {
    RetornoEntry {
        nosso_numero: nn.into(),
        ocorrencia: Some(Ocorrencia {
            code: code.into(),
            kind,
            description: String::new(),
        }),
        data_ocorrencia: Some(date),
        valor_pago: pago.map(dec),
        ..Default::default()
    }
}

pub fn paid(nn: &str, date: NaiveDate, valor: &str) -> RetornoEntry {
    entry(nn, "06", OcorrenciaKind::Liquidacao, date, Some(valor))
}

pub fn rejected(nn: &str, date: NaiveDate, motivo: &str) -> RetornoEntry {
    let mut e = entry(nn, "03", OcorrenciaKind::EntradaRejeitada, date, None);
    e.motivos = vec![Motivo {
        code: motivo.into(),
        description: Some("Nosso número inválido".into()),
    }];
    e
}

pub fn retorno(bank: u16, convenio: &str, nsa: u64, mut entries: Vec<RetornoEntry>) -> Retorno {
    for (i, e) in entries.iter_mut().enumerate() {
        e.line = i + 2;
    }
    Retorno {
        bank: Bank::new(bank),
        layout: Layout::Cnab400,
        header: Header {
            beneficiario: Beneficiario {
                convenio: convenio.into(),
                ..Default::default()
            },
            nsa: Some(nsa),
            ..Default::default()
        },
        entries,
        records: vec![],
        problems: vec![],
    }
}

pub fn title(id: &str, nn: &str, valor: &str, venc: NaiveDate) -> Titulo {
    let mut t = Titulo::new(id, 341, nn, dec(valor), venc);
    t.convenio = "123456".into();
    t
}

/// An SQLite expression for the `events` row aliased `$ev`: the JSON document of its retorno entry's event, as
/// ledgers before schema version 10 stored it, made from its row of `entry_outcomes` that version 10 stores
/// instead.
macro_rules! sqlite_entry_event_json {
    ($ev:literal) => {
        concat!(
            "(SELECT json_object('event', 'entry', 'file_id', ",
            $ev,
            ".file_id, 'outcome', json_object(\
             'line', o.line, 'identity', o.identity, 'outcome', o.outcome, 'ocorrencia', o.ocorrencia, \
             'title_id', ",
            $ev,
            ".title_id, 'matched_by', o.matched_by, 'date', o.date, 'expected', o.expected, \
             'paid', o.paid, 'difference', o.difference, 'credited', o.credited, 'fees', o.fees, \
             'bank_charges', o.bank_charges, 'breakdown', json(CASE WHEN o.b_total IS NULL THEN NULL ELSE \
             json_object('valor', o.b_valor, 'multa', o.b_multa, 'juros', o.b_juros, 'desconto', o.b_desconto, \
             'abatimento', o.b_abatimento, 'total', o.b_total, 'dias_atraso', o.b_dias_atraso) END), \
             'charges_from', o.charges_from, 'motivos', json(COALESCE(o.motivos, '[]')), 'note', o.note)) \
             FROM entry_outcomes o WHERE o.event_seq = ",
            $ev,
            ".seq)"
        )
    };
}

/// [`sqlite_entry_event_json`] for the `events` row aliased `e`.
pub const SQLITE_ENTRY_EVENT_JSON: &str = sqlite_entry_event_json!("e");

/// Whether an `events` row holds the mark of a retorno entry's outcome stored in `entry_outcomes` (schema
/// version 10).
pub const SQLITE_TYPED_ENTRY_EVENT: &str = "(kind = 'entry' AND data = '{\"event\":\"entry\"}' \
     AND seq IN (SELECT event_seq FROM entry_outcomes))";

/// SQL that takes an SQLite ledger at the latest schema version back to the shape of version 6 (the title's state
/// in `titles`' own columns, no `title_state`; its latest import event with the title's JSON; a retorno entry's
/// event as one JSON document, no `entry_outcomes`; the index of entries by file), for the tests that simulate a
/// ledger written by an older version.
pub const SQLITE_BACK_TO_V6: &str = concat!(
    "UPDATE events SET data = ",
    sqlite_entry_event_json!("events"),
    " WHERE kind = 'entry' AND data = '{\"event\":\"entry\"}' AND seq IN (SELECT event_seq FROM entry_outcomes);
DROP TABLE entry_outcomes;
CREATE INDEX entries_file ON entries (file_id);
UPDATE events SET data = '{\"event\":\"imported\",\"titulo\":' || (SELECT data FROM titles WHERE id = events.title_id) || '}'
    WHERE kind = 'imported' AND data = '{\"event\":\"imported\"}';
ALTER TABLE titles ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
ALTER TABLE titles ADD COLUMN paid TEXT NOT NULL DEFAULT '0';
ALTER TABLE titles ADD COLUMN registered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE titles ADD COLUMN linked_nosso_numero TEXT;
ALTER TABLE titles ADD COLUMN settled_on TEXT;
UPDATE titles SET (status, paid, registered, linked_nosso_numero, settled_on) =
    (SELECT status, paid, registered, linked_nosso_numero, settled_on FROM title_state WHERE title_seq = titles.seq);
DROP TABLE title_state;
DELETE FROM baixa_schema_version WHERE version >= 7;
"
);
