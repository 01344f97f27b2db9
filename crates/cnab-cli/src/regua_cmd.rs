//! `cnab regua`: the régua de cobrança — the collection steps due on a date, issued once.
//!
//! `cnab regua --ledger FILE --policy POLITICA.toml --date YYYY-MM-DD` prints
//! `{"date", "actions": [...], "already_issued": N}`: only the actions this run issued (each recorded in the ledger
//! and in its title's history), and how many due on the date earlier runs had issued. With
//! `--remessa-out FILE --remessa REGISTERING.REM` the steps through the bank are also written as an instruction
//! remessa (`baixa::instrucao`), listed under `"remessas"`. With `--modelos DIR` each step's `modelo` (a file in
//! DIR) is rendered with the título's data into the action's `"mensagem"` (`baixa::mensagem`), with
//! `--segunda-via-url BASE` each título's segunda via link among its variables; a step's `modelo_pdf` is rendered
//! into the action's `"documento"`, and with `--pdf-dir DIR` written as a PDF there (`boleto_print::texto_pdf`:
//! the carta de cobrança to print or attach), its path under the action's `"pdf"`. See `baixa::regua` for the
//! policy keys and the rule for days the job did not run. `--plan` lists what a run would issue and records nothing.
//! With `[acordo] quebra_apos_dias = N` a run also breaks each acordo with an installment open more than N days
//! after its due date: one `quebra_acordo` action (its `quebra`: the installments, the originals restored and their
//! amounts) and a `baixa` per installment written off (the bank's pedido de baixa with `--remessa-out`), once
//! (`baixa::regua`, "Quebra de acordo").

use std::path::PathBuf;

use baixa::instrucao::{self, RemessaRegistrada};
use baixa::regua::{self, Politica};
use baixa::{PostgresLedger, ReguaLedger, SqliteLedger};
use chrono::NaiveDate;
use clap::Args;

use crate::Fail;

/// `cnab regua` options.
#[derive(Args)]
pub(crate) struct ReguaArgs {
    /// The ledger that `cnab baixa` keeps: an SQLite file (created if missing) or a `postgres://` URL.
    #[arg(long, value_name = "FILE")]
    ledger: String,
    /// The policy (TOML): `inadimplente_apos_dias`, the `[acordo]` limits and the `[[etapa]]` steps.
    #[arg(long, value_name = "FILE")]
    policy: PathBuf,
    /// The date of the run (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: NaiveDate,
    /// Write the steps through the bank (protesto, baixa, prorrogacao, abatimento, reemissao) as an instruction
    /// remessa here (several banks or beneficiaries: FILE, FILE.2, …). Needs --remessa.
    #[arg(long, value_name = "FILE", requires = "remessa")]
    remessa_out: Option<PathBuf>,
    /// A remessa that registered titles (repeatable): its header and títulos are the instructions' (latest wins).
    #[arg(long, value_name = "FILE")]
    remessa: Vec<PathBuf>,
    /// The instruction remessa's sequence number (default: the registering remessa's + 1).
    #[arg(long, value_name = "N", requires = "remessa_out")]
    nsa: Option<u64>,
    /// Only list what the run would issue: record nothing, write no remessa, make no link.
    #[arg(long, conflicts_with_all = ["remessa_out", "segunda_via_url"])]
    plan: bool,
    /// Render each step's `modelo` (a file in this directory) into the action's `mensagem`.
    #[arg(long, value_name = "DIR")]
    modelos: Option<PathBuf>,
    /// The segunda via page's public address (as `cnab baixa link --base-url`): each título's link, created when it
    /// has none, is the modelos' `titulo.segunda_via`. Needs --modelos.
    #[arg(long, value_name = "URL", requires = "modelos")]
    segunda_via_url: Option<String>,
    /// Write each action's `documento` (its step's `modelo_pdf` rendered) as a PDF in this directory, named
    /// DATE-TITULO-ACAO.pdf. Needs --modelos.
    #[arg(long, value_name = "DIR", requires = "modelos")]
    pdf_dir: Option<PathBuf>,
}

/// A título id as part of a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`.
fn file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Each action's `documento` as a PDF in `dir` (DATE-TITULO-ACAO.pdf), its path set as the action's `"pdf"`.
fn write_pdfs(
    v: &mut serde_json::Value,
    dir: &std::path::Path,
    recorded: bool,
) -> Result<(), Fail> {
    let date = v["date"].as_str().unwrap_or_default().to_string();
    let Some(actions) = v
        .get_mut("actions")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return Ok(());
    };
    for a in actions {
        let Some(doc) = a.get("documento").and_then(serde_json::Value::as_str) else {
            continue;
        };
        let name = format!(
            "{date}-{}-{}.pdf",
            file_part(a["titulo"].as_str().unwrap_or_default()),
            file_part(a["acao"].as_str().unwrap_or_default())
        );
        let path = dir.join(name);
        let after = if recorded {
            " (the steps were recorded as issued: make the PDF again from the JSON's documento)"
        } else {
            ""
        };
        let pdf = boleto_print::texto_pdf(doc)
            .map_err(|e| Fail(1, format!("{}: {e}{after}", path.display())))?;
        std::fs::write(&path, pdf)
            .map_err(|e| Fail(1, format!("{}: {e}{after}", path.display())))?;
        if let Some(o) = a.as_object_mut() {
            o.insert("pdf".into(), serde_json::json!(path.display().to_string()));
        }
    }
    Ok(())
}

/// A ledger for the régua that also keeps segunda via links (every backend does).
pub(crate) trait ReguaLinks: ReguaLedger + baixa::LinkLedger {}
impl<T: ReguaLedger + baixa::LinkLedger + ?Sized> ReguaLinks for T {}

/// The ledger `--ledger` names: an SQLite file (created if missing) or a `postgres://` URL.
pub(crate) fn open_ledger(spec: &str) -> Result<Box<dyn ReguaLinks>, Fail> {
    let spec = spec.trim();
    if spec.is_empty() {
        return Err(Fail(2, "--ledger needs a file or a postgres:// URL".into()));
    }
    Ok(
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            Box::new(PostgresLedger::connect(spec).map_err(|e| Fail(1, format!("ledger: {e}")))?)
        } else {
            Box::new(SqliteLedger::open(spec).map_err(|e| Fail(1, format!("ledger: {e}")))?)
        },
    )
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date YYYY-MM-DD"))
}

pub(crate) fn run(args: ReguaArgs) -> Result<bool, Fail> {
    let text = std::fs::read_to_string(&args.policy)
        .map_err(|e| Fail(1, format!("{}: {e}", args.policy.display())))?;
    let politica = Politica::from_toml(&text)
        .map_err(|e| Fail(1, format!("{}: {e}", args.policy.display())))?;
    let mut ledger = open_ledger(&args.ledger)?;
    let mut registradas = Vec::new();
    for f in &args.remessa {
        let bytes = std::fs::read(f).map_err(|e| Fail(1, format!("{}: {e}", f.display())))?;
        registradas.push(
            RemessaRegistrada::from_bytes(&bytes)
                .map_err(|e| Fail(1, format!("{}: {e}", f.display())))?,
        );
    }
    // the modelos are read and parsed first; each título's link is made before the run (a link for a step
    // another run issues meanwhile is harmless: the título keeps it)
    let modelos = match &args.modelos {
        Some(dir) => Some(
            baixa::mensagem::Modelos::carregar(&politica, dir)
                .map_err(|e| Fail(1, e.to_string()))?,
        ),
        None => None,
    };
    if args.plan {
        let mut r = regua::plan(ledger.as_mut(), &politica, args.date)
            .map_err(|e| Fail(1, format!("ledger: {e}")))?;
        if let Some(m) = &modelos {
            baixa::mensagem::preparar(&mut r.actions, m, args.date, &Default::default())
                .map_err(|e| Fail(1, format!("régua: {e}")))?;
        }
        let mut v = serde_json::to_value(&r).map_err(|e| Fail(1, e.to_string()))?;
        if let Some(dir) = &args.pdf_dir {
            write_pdfs(&mut v, dir, false)?;
        }
        return print(&v);
    }
    let mut links = std::collections::BTreeMap::new();
    if let Some(base) = &args.segunda_via_url {
        baixa::segunda_via::check_base_url(base)
            .map_err(|e| Fail(2, format!("--segunda-via-url: {e}")))?;
        links = baixa::mensagem::segunda_via_links(ledger.as_mut(), &politica, args.date, base)
            .map_err(|e| Fail(1, format!("ledger: {e}")))?;
    }
    let date = args.date;
    let render = |a: &mut [baixa::regua::AcaoEmitida]| match &modelos {
        Some(m) => baixa::mensagem::preparar(a, m, date, &links),
        None => Ok(()),
    };
    let Some(out) = &args.remessa_out else {
        let r = regua::run_with(ledger.as_mut(), &politica, date, render)
            .map_err(|e| Fail(1, format!("régua: {e}")))?;
        let mut v = serde_json::to_value(&r).map_err(|e| Fail(1, e.to_string()))?;
        if let Some(dir) = &args.pdf_dir {
            write_pdfs(&mut v, dir, true)?;
        }
        return print(&v);
    };
    // the instructions are checked (título registered, movimento in the bank's table, values writable) before
    // anything is recorded: a step that cannot be written is refused with nothing issued; each row carries the
    // valor nominal the bank holds now (a confirmed alteração de valor replaces the registered one)
    instrucao::nominais_vigentes(ledger.as_mut(), &mut registradas)
        .map_err(|e| Fail(1, format!("ledger: {e}")))?;
    let nsa = args.nsa;
    let r = regua::run_with(ledger.as_mut(), &politica, date, |a| {
        render(a)?;
        instrucao::preparar(a, &registradas)?;
        instrucao::remessas(a, &registradas, date, nsa).map(|_| ())
    })
    .map_err(|e| Fail(1, format!("régua: {e}")))?;
    let written = instrucao::remessas(&r.actions, &registradas, date, nsa)
        .map_err(|e| Fail(1, format!("régua: {e}")))?;
    let mut files = Vec::new();
    for (i, w) in written.iter().enumerate() {
        let path = if i == 0 {
            out.clone()
        } else {
            PathBuf::from(format!("{}.{}", out.display(), i + 1))
        };
        std::fs::write(&path, &w.bytes).map_err(|e| {
            Fail(
                1,
                format!(
                    "{}: {e} (the steps were recorded as issued: write the file again from the JSON below)",
                    path.display()
                ),
            )
        })?;
        files.push(serde_json::json!({
            "file": path.display().to_string(),
            "banco": w.bank.code(),
            "layout": format!("cnab{}", w.layout.number()),
            "titulos": w.itens.iter().map(|(t, a, m)| serde_json::json!({"titulo": t, "acao": a, "movimento": m})).collect::<Vec<_>>(),
        }));
    }
    let mut v = serde_json::to_value(&r).map_err(|e| Fail(1, e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        o.insert("remessas".into(), serde_json::Value::Array(files));
    }
    if let Some(dir) = &args.pdf_dir {
        write_pdfs(&mut v, dir, true)?;
    }
    print(&v)
}

pub(crate) fn print(v: &serde_json::Value) -> Result<bool, Fail> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| Fail(1, e.to_string()))?;
    s.push('\n');
    use std::io::Write;
    let mut lock = std::io::stdout().lock();
    match lock.write_all(s.as_bytes()).and_then(|()| lock.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Fail(1, format!("stdout: {e}")))
        }
        _ => Ok(true),
    }
}
