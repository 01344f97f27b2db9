//! The JSON and CSV shapes the `cnab baixa` command prints and the Python bindings return, defined once.
//!
//! Money is a string with at least two decimals (`"1025.00"`), as everywhere in the `cnab` CLI. Amounts are never
//! rounded here: a value with more decimals (a juros rate per day of `0.033`) keeps them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use crate::charges::Breakdown;
use crate::ledger::ApplyResult;
use crate::outcome::{EntryOutcome, Event};
use crate::report::{measure_name, scope_name, Devedor, FileReport, Portfolio, TrailerRow};

/// Money as printed: at least two decimals, never rounded (`1000` → `"1000.00"`, `0.033` → `"0.033"`).
///
/// ```
/// assert_eq!(baixa::render::money("1000".parse().unwrap()), "1000.00");
/// assert_eq!(baixa::render::money("0.033".parse().unwrap()), "0.033");
/// ```
pub fn money(d: Decimal) -> String {
    let mut d = d;
    if d.scale() < 2 {
        d.rescale(2);
    }
    d.to_string()
}

fn opt_money(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(money(d)))
}

/// One entry row: `line, outcome, title_id, expected, paid, difference` (plus `date`, and `motivos` / `note`
/// when there are any).
pub fn entry_row(e: &EntryOutcome) -> Value {
    let mut m = Map::new();
    m.insert("line".into(), json!(e.line));
    m.insert("outcome".into(), json!(e.outcome.name()));
    m.insert("title_id".into(), json!(e.title_id.as_deref()));
    m.insert("expected".into(), opt_money(e.expected));
    m.insert("paid".into(), opt_money(e.paid));
    m.insert("difference".into(), opt_money(e.difference));
    m.insert("date".into(), json!(e.date.map(|d| d.to_string())));
    if !e.motivos.is_empty() {
        m.insert("motivos".into(), json!(e.motivos));
    }
    if let Some(n) = &e.note {
        m.insert("note".into(), json!(n));
    }
    Value::Object(m)
}

/// A read problem of a retorno applied leniently: `{line, columns, field, message}`.
pub fn problem(e: &cnab_core::Error) -> Value {
    json!({
        "line": e.line,
        "columns": e.columns.map(|(a, b)| [a, b]),
        "field": e.field,
        "message": e.to_string(),
    })
}

/// What applying one file did: `file, file_id, applied, already_applied, outcomes, entries, problems, report`.
pub fn apply_file(file: &str, r: &ApplyResult, problems: &[cnab_core::Error]) -> Value {
    let outcomes: Map<String, Value> = r
        .outcomes
        .iter()
        .map(|(o, n)| (o.name().to_string(), json!(n)))
        .collect();
    json!({
        "file": file,
        "file_id": r.file_id,
        "applied": r.applied,
        "already_applied": r.already_applied,
        "outcomes": outcomes,
        "entries": r.entries.iter().map(entry_row).collect::<Vec<_>>(),
        "problems": problems.iter().map(problem).collect::<Vec<_>>(),
        "report": file_report(&r.report),
    })
}

/// What applying several files did: the per-file objects under `files`, and over all of them `applied` (entries
/// applied now), `already_applied` (true when every file had been applied before), `outcomes` (summed counts),
/// `entries` (every row, each with its `file`) and `problems` (each with its `file`). The objects under `files`
/// leave their entries and problems to those two lists.
pub fn apply_all(files: &[Value]) -> Value {
    let mut applied = 0u64;
    let mut already = !files.is_empty();
    let mut outcomes: std::collections::BTreeMap<String, u64> = Default::default();
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut summaries = Vec::with_capacity(files.len());
    for f in files {
        applied += f["applied"].as_u64().unwrap_or(0);
        already &= f["already_applied"].as_bool().unwrap_or(false);
        if let Some(o) = f["outcomes"].as_object() {
            for (k, v) in o {
                *outcomes.entry(k.clone()).or_default() += v.as_u64().unwrap_or(0);
            }
        }
        let name = f["file"].clone();
        for list in [("entries", &mut entries), ("problems", &mut problems)] {
            if let Some(rows) = f[list.0].as_array() {
                for row in rows {
                    let mut row = row.clone();
                    if let Value::Object(m) = &mut row {
                        m.insert("file".into(), name.clone());
                    }
                    list.1.push(row);
                }
            }
        }
        let mut summary = f.clone();
        if let Value::Object(m) = &mut summary {
            m.remove("entries");
            m.remove("problems");
        }
        summaries.push(summary);
    }
    json!({
        "applied": applied,
        "already_applied": already,
        "outcomes": outcomes,
        "entries": entries,
        "problems": problems,
        "files": summaries,
    })
}

/// A breakdown with the title's id: `id, valor, multa, juros, desconto, abatimento, total, dias_atraso`.
pub fn due(id: &str, b: &Breakdown) -> Value {
    json!({
        "id": id,
        "valor": money(b.valor),
        "multa": money(b.multa),
        "juros": money(b.juros),
        "desconto": money(b.desconto),
        "abatimento": money(b.abatimento),
        "total": money(b.total),
        "dias_atraso": b.dias_atraso,
    })
}

/// A file's report with its money as strings.
pub fn file_report(r: &FileReport) -> Value {
    let by: Map<String, Value> = r
        .by_outcome
        .iter()
        .map(|(o, t)| {
            (
                o.name().to_string(),
                json!({"count": t.count, "paid": money(t.paid), "credited": money(t.credited),
                       "fees": money(t.fees)}),
            )
        })
        .collect();
    json!({
        "file_id": r.file_id,
        "bank": format!("{:03}", r.bank),
        "nsa": r.nsa,
        "data_geracao": r.data_geracao.map(|d| d.to_string()),
        "entries": r.entries,
        "total_paid": money(r.total_paid),
        "total_credited": money(r.total_credited),
        "total_fees": money(r.total_fees),
        "unmatched_paid": money(r.unmatched_paid),
        "by_outcome": by,
        "trailer": r.trailer.iter().map(trailer_row).collect::<Vec<_>>(),
        "warnings": r.warnings,
    })
}

/// A trailer total: `{line, record, field, scope: {kind, codes | carteira}, measure, value, computed, agrees}`;
/// counts as numbers, amounts as money strings; `computed` and `agrees` null for the informative totals.
pub fn trailer_row(t: &TrailerRow) -> Value {
    let num = |d: Option<Decimal>| match (d, t.measure) {
        (None, _) => Value::Null,
        (Some(d), cnab_core::Measure::Quantidade) => {
            u64::try_from(d).map_or_else(|_| Value::String(d.to_string()), |n| json!(n))
        }
        (Some(d), _) => Value::String(money(d)),
    };
    json!({
        "line": t.line,
        "record": t.record,
        "field": t.field,
        "scope": t.scope,
        "measure": measure_name(t.measure),
        "value": num(t.value),
        "computed": num(t.computed),
        "agrees": t.agrees,
    })
}

/// The portfolio groups in report order.
fn portfolio_groups(p: &Portfolio) -> [(&'static str, &crate::report::Bucket); 9] {
    [
        ("open", &p.open),
        ("current", &p.current),
        ("overdue_1_30", &p.overdue_1_30),
        ("overdue_31_60", &p.overdue_31_60),
        ("overdue_61_90", &p.overdue_61_90),
        ("overdue_over_90", &p.overdue_over_90),
        ("paid", &p.paid),
        ("written_off", &p.written_off),
        ("renegotiated", &p.renegotiated),
    ]
}

/// The portfolio: `{date, open: {count, valor, devido}, current, overdue_1_30, …}`.
pub fn portfolio(p: &Portfolio) -> Value {
    let mut m = Map::new();
    m.insert("date".into(), json!(p.date.to_string()));
    for (name, b) in portfolio_groups(p) {
        m.insert(
            name.into(),
            json!({"count": b.count, "valor": money(b.valor), "devido": money(b.devido)}),
        );
    }
    Value::Object(m)
}

/// Customers in default with their open titles.
pub fn inadimplentes(ds: &[Devedor]) -> Value {
    Value::Array(
        ds.iter()
            .map(|d| {
                json!({
                    "documento": d.documento,
                    "nome": d.nome,
                    "max_dias_atraso": d.max_dias_atraso,
                    "total_devido": money(d.total_devido),
                    "titulos": d.titulos.iter().map(|t| {
                        let mut v = due(&t.id, &t.breakdown);
                        if let Value::Object(m) = &mut v {
                            m.insert("nosso_numero".into(), json!(t.nosso_numero));
                            m.insert("seu_numero".into(), json!(t.seu_numero));
                            m.insert("vencimento".into(), json!(t.vencimento.to_string()));
                            m.insert("recebido".into(), json!(money(t.recebido)));
                        }
                        v
                    }).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// The whole report: `{date, inadimplente_apos, files, portfolio, inadimplentes}`.
pub fn report(
    date: NaiveDate,
    inadimplente_apos: i64,
    files: &[FileReport],
    p: &Portfolio,
    ds: &[Devedor],
) -> Value {
    json!({
        "date": date.to_string(),
        "inadimplente_apos": inadimplente_apos,
        "files": files.iter().map(file_report).collect::<Vec<_>>(),
        "portfolio": portfolio(p),
        "inadimplentes": inadimplentes(ds),
    })
}

/// The whole report as NDJSON rows, one JSON object per line, each tagged by `section` like [`report_csv`]'s
/// rows: one `report` row (`date`, `inadimplente_apos`), one `file` row per file (the fields of
/// [`file_report`]), one `portfolio` row (the fields of [`portfolio`]) and one `inadimplente` row per customer in
/// default (the fields of [`inadimplentes`], with all their open titles under `titulos`).
pub fn report_rows(
    date: NaiveDate,
    inadimplente_apos: i64,
    files: &[FileReport],
    p: &Portfolio,
    ds: &[Devedor],
) -> Vec<Value> {
    fn tagged(section: &str, v: Value) -> Value {
        let mut m = Map::new();
        m.insert("section".into(), json!(section));
        if let Value::Object(o) = v {
            m.extend(o);
        }
        Value::Object(m)
    }
    let mut rows = Vec::with_capacity(files.len() + ds.len() + 2);
    rows.push(json!({
        "section": "report",
        "date": date.to_string(),
        "inadimplente_apos": inadimplente_apos,
    }));
    rows.extend(files.iter().map(|f| tagged("file", file_report(f))));
    rows.push(tagged("portfolio", portfolio(p)));
    if let Value::Array(a) = inadimplentes(ds) {
        rows.extend(a.into_iter().map(|d| tagged("inadimplente", d)));
    }
    rows
}

/// The CSV columns of [`report_csv`].
pub const REPORT_CSV_COLUMNS: [&str; 15] = [
    "section",
    "ref",
    "group",
    "count",
    "valor",
    "devido",
    "paid",
    "credited",
    "fees",
    "dias_atraso",
    "documento",
    "nome",
    "scope",
    "computed",
    "agrees",
];

/// The whole report as one CSV table (header [`REPORT_CSV_COLUMNS`]), one row per:
/// - `file`: ref = file id, group = outcome, with count, paid, credited, fees;
/// - `portfolio`: ref = date, group = open/current/overdue_1_30/…/paid/written_off/renegotiated, with count, valor, devido;
/// - `inadimplente`: ref = title id, group = nosso número, with valor, devido (total due on the date),
///   paid (received so far), dias_atraso, documento, nome;
/// - `trailer`: ref = file id, group = the trailer field, count (a count) or valor (a sum) as the trailer gives it,
///   scope (`file`, `ocorrencias:02`, `carteira:simples`, `portfolio`), computed (the same over the file's entries)
///   and agrees (`true`/`false`), both empty for the informative carteira and portfolio totals.
///
/// Empty cells where a column does not apply.
///
/// # Errors
/// Only if writing to memory fails.
pub fn report_csv(
    files: &[FileReport],
    p: &Portfolio,
    ds: &[Devedor],
) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(REPORT_CSV_COLUMNS)?;
    for f in files {
        for (o, t) in &f.by_outcome {
            w.write_record([
                "file",
                &f.file_id,
                o.name(),
                &t.count.to_string(),
                "",
                "",
                &money(t.paid),
                &money(t.credited),
                &money(t.fees),
                "",
                "",
                "",
                "",
                "",
                "",
            ])?;
        }
        for t in &f.trailer {
            let (count, valor) = match t.measure {
                cnab_core::Measure::Quantidade => (opt_plain(t.value), String::new()),
                _ => (String::new(), t.value.map_or_else(String::new, money)),
            };
            let computed = match t.measure {
                cnab_core::Measure::Quantidade => opt_plain(t.computed),
                _ => t.computed.map_or_else(String::new, money),
            };
            w.write_record([
                "trailer",
                &f.file_id,
                &t.field,
                &count,
                &valor,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                &scope_name(&t.scope),
                &computed,
                &t.agrees.map_or_else(String::new, |a| a.to_string()),
            ])?;
        }
    }
    let date = p.date.to_string();
    for (name, b) in portfolio_groups(p) {
        w.write_record([
            "portfolio",
            &date,
            name,
            &b.count.to_string(),
            &money(b.valor),
            &money(b.devido),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])?;
    }
    for d in ds {
        for t in &d.titulos {
            w.write_record([
                "inadimplente",
                &t.id,
                &t.nosso_numero,
                "1",
                &money(t.breakdown.valor),
                &money(t.breakdown.total),
                &money(t.recebido),
                "",
                "",
                &t.breakdown.dias_atraso.to_string(),
                &d.documento,
                &d.nome,
                "",
                "",
                "",
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn opt_plain(d: Option<Decimal>) -> String {
    d.map_or_else(String::new, |d| d.to_string())
}

const MONEY_KEYS: &[&str] = &[
    "valor",
    "multa",
    "juros",
    "desconto",
    "abatimento",
    "total",
    "expected",
    "paid",
    "difference",
    "credited",
    "fees",
    "bank_charges",
];

fn pad_money(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if let Value::String(s) = x {
                    if MONEY_KEYS.contains(&k.as_str()) {
                        if let Ok(d) = s.parse::<Decimal>() {
                            *s = money(d);
                        }
                    }
                } else {
                    pad_money(x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(pad_money),
        _ => {}
    }
}

/// A title's history: `{"events": [...]}`, each event tagged by `event` (`imported`, `entry`, `linked`,
/// `manual_settlement`), money with at least two decimals.
///
/// # Errors
/// Only if an event cannot be serialized.
pub fn history(events: &[Event]) -> Result<Value, serde_json::Error> {
    let mut v = serde_json::to_value(events)?;
    pad_money(&mut v);
    Ok(json!({ "events": v }))
}
