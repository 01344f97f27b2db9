//! `cnab baixa`: settle open titles from retornos, exactly once, in a ledger (SQLite file or PostgreSQL) or in
//! memory.
//!
//! - `cnab baixa --ledger L import-titles TITLES.csv|TITLES.json`, `… import-remessa REMESSA`
//! - `cnab baixa --ledger L apply RETORNO…` or, in memory, `cnab baixa apply --titles TITLES.csv RETORNO…`;
//!   with a ledger, the entries that answer an instruction the régua sent (`cnab regua --remessa-out`) confirm or
//!   reject it (`baixa::instrucao::conciliar`), listed under `instrucoes`; what a confirmed one could not carry
//!   over to the título (a linha digitável its new due date or amount cannot have) is a warning on stderr and
//!   under `instrucoes_avisos`
//! - `cnab baixa due TITLES.csv --date YYYY-MM-DD`
//! - `cnab baixa --ledger L settle ID --valor V --data D --meio M [--por WHO] [--motivo WHY]`
//! - `cnab baixa --ledger L report [--date D] [--format json|ndjson|csv] [--compact] [--inadimplente-apos N]`, `… history ID`
//! - `cnab baixa --ledger L link ID [--base-url URL]` (the título's segunda via page), `… revoke ID`
//!
//! Retornos are read strictly by default: every file is read before anything is applied, and the first read
//! problem of any of them stops the command (exit 1) with nothing applied. With `--lenient`, the entries that
//! could be read are applied and every problem is listed under `problems` (line, columns, field, message); the exit
//! code is then 1 when there was any problem, so a script notices that some lines did not become entries.
//!
//! Each file is applied in its own transaction: when the ledger fails on a file, the result of the files before it
//! (applied) is printed, then the error naming the file that was not applied (exit 1).
//!
//! Exit codes: 0 ok, 1 input problems (a bad titles row, an unreadable retorno, an unknown title id), 2 usage.

use std::path::{Path, PathBuf};

use baixa::{Ledger, LedgerError, ManualSettlement, Meio, MemoryLedger, SqliteLedger};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use cnab_core::{CnabFile, ReadOptions};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::Fail;

/// `cnab baixa` and its global options.
#[derive(Args)]
pub(crate) struct BaixaArgs {
    /// The ledger: an SQLite file (created if missing) or a `postgres://` / `postgresql://` URL.
    #[arg(long, global = true, value_name = "FILE|URL")]
    ledger: Option<String>,
    #[command(subcommand)]
    cmd: BaixaCmd,
}

/// Report formats.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Json,
    /// One JSON object per line, each with its `section`.
    Ndjson,
    Csv,
}

/// Baixa subcommands.
#[derive(Subcommand)]
pub(crate) enum BaixaCmd {
    /// Add (or update) titles from a CSV (header row) or a JSON array with the same keys → JSON summary.
    ImportTitles {
        /// TITLES.csv or TITLES.json.
        titles: PathBuf,
    },
    /// Register a remessa's títulos under its header's beneficiary (id = seu número, or nosso número when empty).
    ImportRemessa {
        /// The remessa file.
        remessa: PathBuf,
    },
    /// Apply retornos, each file in one transaction → JSON with applied, already_applied, outcomes, entries.
    Apply {
        /// The retorno files, applied in this order.
        #[arg(required = true)]
        retornos: Vec<PathBuf>,
        /// Without --ledger: the titles (CSV or JSON) to reconcile against, in memory.
        #[arg(long)]
        titles: Option<PathBuf>,
        /// Apply the entries that can be read and list the read problems instead of stopping (exit 1 if any).
        #[arg(long)]
        lenient: bool,
    },
    /// The amount due on a date for every title of a file (or of the ledger) → JSON array.
    Due {
        /// TITLES.csv or TITLES.json (default: the ledger's open titles).
        titles: Option<PathBuf>,
        /// The payment date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
    },
    /// Settle a title by hand for money received outside the boleto → JSON of the outcome.
    Settle {
        /// The title's id.
        id: String,
        /// Amount received (decimal with a dot).
        #[arg(long, value_parser = parse_money)]
        valor: Decimal,
        /// Date received, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        data: NaiveDate,
        /// deposito, transferencia, dinheiro, pix or outro.
        #[arg(long, value_parser = parse_meio)]
        meio: Meio,
        /// Who records it.
        #[arg(long, default_value = "")]
        por: String,
        /// Why.
        #[arg(long, default_value = "")]
        motivo: String,
    },
    /// Per-file reports, the portfolio on a date by age band, and the customers in default.
    Report {
        /// The report date (default: today, UTC).
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// json (pretty, or one line with --compact), ndjson (one object per line, each with its `section`:
        /// report, file, portfolio, inadimplente) or csv.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// With --format json: the document on one line.
        #[arg(long)]
        compact: bool,
        /// A customer is in default with a title overdue more than N days.
        #[arg(long, default_value_t = 0, value_name = "N")]
        inadimplente_apos: i64,
    },
    /// A title's history → JSON {"events": [...]}.
    History {
        /// The title's id.
        id: String,
    },
    /// The título's segunda via link (`/b/<token>`, or a full URL with --base-url), made on first use.
    Link {
        /// The title's id.
        id: String,
        /// Where `cnab serve` is reached by payers, e.g. `https://pague.example.com`.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Revoke the título's segunda via link (its page answers 404 from now on) → JSON {"titulo", "revogados"}.
    Revoke {
        /// The title's id.
        id: String,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("expected YYYY-MM-DD, found {s:?}"))
}

fn parse_money(s: &str) -> Result<Decimal, String> {
    let ok = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().filter(|b| *b == b'.').count() <= 1;
    ok.then(|| s.parse::<Decimal>().ok())
        .flatten()
        .ok_or_else(|| format!("expected an amount like 1025.00, found {s:?}"))
}

fn parse_meio(s: &str) -> Result<Meio, String> {
    s.parse()
}

fn ledger_err(e: LedgerError) -> Fail {
    match e {
        LedgerError::UnknownTitle(_) | LedgerError::Invalid(_) => Fail(1, e.to_string()),
        other => Fail(1, format!("ledger: {other}")),
    }
}

/// The PostgreSQL backend (`baixa::PostgresLedger`): a server shared by several workers.
fn postgres_ledger(url: &str) -> Result<Box<dyn Ledger>, Fail> {
    Ok(Box::new(
        baixa::PostgresLedger::connect(url).map_err(ledger_err)?,
    ))
}

/// `--ledger`: a `postgres://` / `postgresql://` URL, else an SQLite file (created if missing).
fn open_ledger(spec: &str) -> Result<Box<dyn Ledger>, Fail> {
    if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
        return postgres_ledger(spec);
    }
    if spec.is_empty() {
        return Err(Fail(2, "--ledger needs a file or a URL".into()));
    }
    SqliteLedger::open(spec)
        .map(|l| Box::new(l) as Box<dyn Ledger>)
        .map_err(|e| Fail(1, format!("{spec}: {e}")))
}

/// `--ledger` as a [`baixa::ReguaLedger`] (every backend is one): `apply` matches the bank's answers to the
/// régua's instructions.
fn open_regua_ledger(spec: &str) -> Result<Box<dyn baixa::ReguaLedger>, Fail> {
    if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
        return Ok(Box::new(
            baixa::PostgresLedger::connect(spec).map_err(ledger_err)?,
        ));
    }
    if spec.is_empty() {
        return Err(Fail(2, "--ledger needs a file or a URL".into()));
    }
    SqliteLedger::open(spec)
        .map(|l| Box::new(l) as Box<dyn baixa::ReguaLedger>)
        .map_err(|e| Fail(1, format!("{spec}: {e}")))
}

/// `--ledger` for the segunda via commands (every backend keeps links).
fn need_link_ledger(ledger: Option<&str>, what: &str) -> Result<Box<dyn baixa::LinkLedger>, Fail> {
    let Some(spec) = ledger else {
        return Err(Fail(
            2,
            format!("usage: cnab baixa --ledger FILE|URL {what} … (this command needs a ledger)"),
        ));
    };
    if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
        return Ok(Box::new(
            baixa::PostgresLedger::connect(spec).map_err(ledger_err)?,
        ));
    }
    if spec.is_empty() {
        return Err(Fail(2, "--ledger needs a file or a URL".into()));
    }
    SqliteLedger::open(spec)
        .map(|l| Box::new(l) as Box<dyn baixa::LinkLedger>)
        .map_err(|e| Fail(1, format!("{spec}: {e}")))
}

fn need_ledger(ledger: Option<&str>, what: &str) -> Result<Box<dyn Ledger>, Fail> {
    match ledger {
        Some(l) => open_ledger(l),
        None => Err(Fail(
            2,
            format!("usage: cnab baixa --ledger FILE|URL {what} … (this command needs a ledger)"),
        )),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Fail> {
    crate::read_input(path)
}

fn load_titles(path: &Path) -> Result<Vec<baixa::Titulo>, Fail> {
    let bytes = read_bytes(path)?;
    baixa::import(&bytes).map_err(|e| Fail(1, format!("{}: {e}", path.display())))
}

fn read_retorno(path: &Path, lenient: bool) -> Result<cnab_core::Retorno, Fail> {
    let bytes = read_bytes(path)?;
    let opts = ReadOptions {
        lenient,
        ..ReadOptions::default()
    };
    match crate::read_observed(&bytes, opts, &path.display().to_string()) {
        Ok((CnabFile::Retorno(r), _)) => Ok(r),
        Ok((CnabFile::Remessa(_), _)) => Err(Fail(
            1,
            format!("{}: a remessa, not a retorno", path.display()),
        )),
        Err(e) => Err(Fail(1, format!("{}: {e}", path.display()))),
    }
}

/// Writes to standard output; a reader that went away (`| head`) ends the output quietly, never a panic.
fn emit(bytes: &[u8]) -> Result<(), Fail> {
    use std::io::Write;
    let mut lock = std::io::stdout().lock();
    match lock.write_all(bytes).and_then(|()| lock.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Fail(1, format!("stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// Pretty JSON and a newline, as every `cnab` command prints.
fn print(v: &Value) -> Result<(), Fail> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| Fail(1, e.to_string()))?;
    s.push('\n');
    emit(s.as_bytes())
}

/// Single-line JSON and a newline (NDJSON rows, `--compact`).
fn line(v: &Value) -> Result<String, Fail> {
    let mut s = serde_json::to_string(v).map_err(|e| Fail(1, e.to_string()))?;
    s.push('\n');
    Ok(s)
}

fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|d| d.date_naive())
        .unwrap_or_default()
}

pub(crate) fn run(args: BaixaArgs) -> Result<bool, Fail> {
    let ledger = args.ledger.as_deref();
    match args.cmd {
        BaixaCmd::ImportTitles { titles } => {
            let mut l = need_ledger(ledger, "import-titles")?;
            let t = load_titles(&titles)?;
            let s = l.import_titles(&t).map_err(ledger_err)?;
            print(&serde_json::json!(s))?;
            Ok(true)
        }
        BaixaCmd::ImportRemessa { remessa } => {
            let mut l = need_ledger(ledger, "import-remessa")?;
            let bytes = read_bytes(&remessa)?;
            let what = remessa.display().to_string();
            let r = match crate::read_observed(&bytes, ReadOptions::default(), &what) {
                Ok((CnabFile::Remessa(r), _)) => r,
                Ok((CnabFile::Retorno(_), _)) => {
                    return Err(Fail(
                        1,
                        format!("{}: a retorno, not a remessa", remessa.display()),
                    ))
                }
                Err(e) => return Err(Fail(1, format!("{}: {e}", remessa.display()))),
            };
            let t = baixa::from_remessa(&r)
                .map_err(|e| Fail(1, format!("{}: {e}", remessa.display())))?;
            let s = l.import_titles(&t).map_err(ledger_err)?;
            print(&serde_json::json!(s))?;
            Ok(true)
        }
        BaixaCmd::Apply {
            retornos,
            titles,
            lenient,
        } => {
            let mut l: Box<dyn baixa::ReguaLedger> = match (ledger, titles) {
                (Some(_), Some(_)) => {
                    return Err(Fail(
                        2,
                        "--titles is for in-memory runs; with --ledger, import the titles with import-titles"
                            .into(),
                    ))
                }
                (Some(spec), None) => open_regua_ledger(spec)?,
                (None, Some(t)) => {
                    let mut m = MemoryLedger::new();
                    m.import_titles(&load_titles(&t)?).map_err(ledger_err)?;
                    Box::new(m)
                }
                (None, None) => {
                    return Err(Fail(
                        2,
                        "usage: cnab baixa --ledger FILE|URL apply RETORNO… or cnab baixa apply --titles TITLES.csv RETORNO…"
                            .into(),
                    ))
                }
            };
            // every file is read before anything is applied: a strict read problem applies nothing
            let mut files = Vec::with_capacity(retornos.len());
            for p in &retornos {
                files.push((p, read_retorno(p, lenient)?));
            }
            let mut out = Vec::with_capacity(files.len());
            let mut any_problem = false;
            for (p, r) in &files {
                // the entries applied so far on the progress bar
                crate::progress::phase(
                    r.entries.len() as u64,
                    crate::progress::Unit::Entries,
                    format!("applying {}", p.display()),
                    false,
                );
                let res = match l.apply_with_progress(r, &mut |n| crate::progress::set(n as u64)) {
                    Ok(res) => res,
                    Err(e) => {
                        // the files before this one are applied (one transaction each): say so, then fail
                        if !out.is_empty() {
                            print(&baixa::render::apply_all(&out))?;
                        }
                        return Err(Fail(
                            1,
                            format!("{}: not applied: {}", p.display(), ledger_err(e).1),
                        ));
                    }
                };
                any_problem |= !r.problems.is_empty();
                let mut v = baixa::render::apply_file(&p.display().to_string(), &res, &r.problems);
                // the bank's answers to the régua's instructions (`baixa::instrucao::conciliar`): the file is
                // applied; a failure here is reported and a later run (the same file again) matches them
                let c = baixa::instrucao::conciliar(l.as_mut(), r).map_err(|e| {
                    Fail(
                        1,
                        format!(
                            "{}: applied, but its answers to the bank instructions were not recorded: {} \
                             (apply the file again to record them)",
                            p.display(),
                            ledger_err(e).1
                        ),
                    )
                })?;
                if let Value::Object(m) = &mut v {
                    m.insert("instrucoes".into(), serde_json::json!(c.instrucoes));
                    if !c.ambiguas.is_empty() {
                        m.insert("instrucoes_ambiguas".into(), serde_json::json!(c.ambiguas));
                    }
                    if !c.avisos.is_empty() {
                        m.insert("instrucoes_avisos".into(), serde_json::json!(c.avisos));
                    }
                }
                for w in &c.avisos {
                    crate::out::note(format_args!("warning: {}: {w}", p.display()));
                }
                out.push(v);
            }
            let mut all = baixa::render::apply_all(&out);
            // every file's answered instructions in one list, each with its `file` (as `entries`)
            let mut answered = Vec::new();
            for f in &out {
                for mut row in f["instrucoes"].as_array().cloned().unwrap_or_default() {
                    if let Value::Object(m) = &mut row {
                        m.insert("file".into(), f["file"].clone());
                    }
                    answered.push(row);
                }
            }
            if let Value::Object(m) = &mut all {
                if let Some(Value::Array(files)) = m.get_mut("files") {
                    for f in files {
                        if let Value::Object(f) = f {
                            f.remove("instrucoes");
                        }
                    }
                }
                m.insert("instrucoes".into(), Value::Array(answered));
            }
            print(&all)?;
            Ok(!any_problem)
        }
        BaixaCmd::Due { titles, date } => {
            let rows: Vec<Value> = match (titles, ledger) {
                (Some(p), _) => load_titles(&p)?
                    .iter()
                    .map(|t| baixa::render::due(&t.id, &baixa::valor_devido(t, date)))
                    .collect(),
                (None, Some(spec)) => open_ledger(spec)?
                    .titles()
                    .map_err(ledger_err)?
                    .iter()
                    .filter(|(_, s)| s.status == baixa::Status::Open)
                    .map(|(t, _)| baixa::render::due(&t.id, &baixa::valor_devido(t, date)))
                    .collect(),
                (None, None) => {
                    return Err(Fail(
                        2,
                        "usage: cnab baixa due TITLES.csv --date YYYY-MM-DD".into(),
                    ))
                }
            };
            print(&Value::Array(rows))?;
            Ok(true)
        }
        BaixaCmd::Settle {
            id,
            valor,
            data,
            meio,
            por,
            motivo,
        } => {
            let mut l = need_ledger(ledger, "settle")?;
            let o = l
                .settle(&ManualSettlement {
                    title_id: id,
                    valor,
                    data,
                    meio,
                    por,
                    em: None,
                    motivo,
                })
                .map_err(ledger_err)?;
            print(&baixa::render::entry_row(&o))?;
            Ok(true)
        }
        BaixaCmd::Report {
            date,
            format,
            compact,
            inadimplente_apos,
        } => {
            if compact && !matches!(format, Format::Json) {
                return Err(Fail(2, "--compact goes with --format json".into()));
            }
            let mut l = need_ledger(ledger, "report")?;
            let date = date.unwrap_or_else(today);
            let files = l.files().map_err(ledger_err)?;
            let titles = l.titles().map_err(ledger_err)?;
            let p = baixa::portfolio(&titles, date);
            let d = baixa::in_default(&titles, date, inadimplente_apos);
            match format {
                Format::Json if compact => {
                    let v = baixa::render::report(date, inadimplente_apos, &files, &p, &d);
                    emit(line(&v)?.as_bytes())?;
                }
                Format::Json => print(&baixa::render::report(
                    date,
                    inadimplente_apos,
                    &files,
                    &p,
                    &d,
                ))?,
                Format::Ndjson => {
                    let mut s = String::new();
                    for row in baixa::render::report_rows(date, inadimplente_apos, &files, &p, &d) {
                        s.push_str(&line(&row)?);
                    }
                    emit(s.as_bytes())?;
                }
                Format::Csv => {
                    let s = baixa::render::report_csv(&files, &p, &d)
                        .map_err(|e| Fail(1, e.to_string()))?;
                    emit(s.as_bytes())?;
                }
            }
            Ok(true)
        }
        BaixaCmd::History { id } => {
            let mut l = need_ledger(ledger, "history")?;
            let ev = l.history(&id).map_err(ledger_err)?;
            print(&baixa::render::history(&ev).map_err(|e| Fail(1, e.to_string()))?)?;
            Ok(true)
        }
        BaixaCmd::Link { id, base_url } => {
            if let Some(b) = &base_url {
                baixa::segunda_via::check_base_url(b).map_err(|e| Fail(2, e))?;
            }
            let mut l = need_link_ledger(ledger, "link")?;
            let link = l.link(&id).map_err(ledger_err)?;
            let mut s = baixa::segunda_via::url(base_url.as_deref(), &link.token);
            s.push('\n');
            emit(s.as_bytes())?;
            Ok(true)
        }
        BaixaCmd::Revoke { id } => {
            let mut l = need_link_ledger(ledger, "revoke")?;
            let n = l.revoke(&id).map_err(ledger_err)?;
            print(&serde_json::json!({ "titulo": id, "revogados": n }))?;
            Ok(true)
        }
    }
}
