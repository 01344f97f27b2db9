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

/// SQL that takes an SQLite ledger at schema version 8 back to the shape of version 6 (the title's state in
/// `titles`' own columns, no `title_state`; its latest import event with the title's JSON), for the tests that
/// simulate a ledger written by an older version.
pub const SQLITE_BACK_TO_V6: &str = "
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
";
