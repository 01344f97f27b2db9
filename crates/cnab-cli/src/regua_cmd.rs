//! `cnab regua`: the régua de cobrança — the collection steps due on a date, issued once.
//!
//! `cnab regua --ledger FILE --policy POLITICA.toml --date YYYY-MM-DD` prints
//! `{"date", "actions": [...], "already_issued": N}`: only the actions this run issued (each recorded in the ledger
//! and in its title's history), and how many due on the date earlier runs had issued. See `baixa::regua` for the
//! policy keys and the rule for days the job did not run.

use std::path::PathBuf;

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
    /// The policy (TOML): `inadimplente_apos_dias` and the `[[etapa]]` steps.
    #[arg(long, value_name = "FILE")]
    policy: PathBuf,
    /// The date of the run (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: NaiveDate,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date YYYY-MM-DD"))
}

pub(crate) fn run(args: ReguaArgs) -> Result<bool, Fail> {
    let text = std::fs::read_to_string(&args.policy)
        .map_err(|e| Fail(1, format!("{}: {e}", args.policy.display())))?;
    let politica = Politica::from_toml(&text)
        .map_err(|e| Fail(1, format!("{}: {e}", args.policy.display())))?;
    let spec = args.ledger.trim();
    if spec.is_empty() {
        return Err(Fail(2, "--ledger needs a file or a postgres:// URL".into()));
    }
    let mut ledger: Box<dyn ReguaLedger> =
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            Box::new(PostgresLedger::connect(spec).map_err(|e| Fail(1, format!("ledger: {e}")))?)
        } else {
            Box::new(SqliteLedger::open(spec).map_err(|e| Fail(1, format!("ledger: {e}")))?)
        };
    let r = regua::run(ledger.as_mut(), &politica, args.date)
        .map_err(|e| Fail(1, format!("ledger: {e}")))?;
    let mut s = serde_json::to_string_pretty(&r).map_err(|e| Fail(1, e.to_string()))?;
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
