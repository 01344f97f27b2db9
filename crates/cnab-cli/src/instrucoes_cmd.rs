//! `cnab instrucoes`: the bank instructions sent (`cnab regua --remessa-out`, `cnab acordo`, `cnab reemissao`)
//! and where each stands.
//!
//! `cnab instrucoes --ledger L --date YYYY-MM-DD [--dias N]` prints
//! `{"date", "dias", "counts": {"pendente", "confirmada", "rejeitada"}, "instrucoes": [...], "sem_resposta": [...]}`:
//! every instruction with its state and the retorno entry that answered it (matched by `cnab baixa apply`, see
//! `baixa::instrucao`), and those still pending more than N days (default 5) after they were sent.

use baixa::instrucao::{self, Estado};
use chrono::NaiveDate;
use clap::Args;

use crate::regua_cmd::{open_ledger, parse_date, print};
use crate::Fail;

/// `cnab instrucoes` options.
#[derive(Args)]
pub(crate) struct InstrucoesArgs {
    /// The ledger: an SQLite file or a `postgres://` URL.
    #[arg(long, value_name = "FILE")]
    ledger: String,
    /// The date the pending instructions are counted on (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: NaiveDate,
    /// An instruction still pending more than this many days after it was sent is listed under `sem_resposta`.
    #[arg(long, default_value_t = 5)]
    dias: i64,
}

pub(crate) fn run(args: InstrucoesArgs) -> Result<bool, Fail> {
    if args.dias < 0 {
        return Err(Fail(
            2,
            format!("--dias must be 0 or more, found {}", args.dias),
        ));
    }
    let mut ledger = open_ledger(&args.ledger)?;
    let all = ledger
        .instrucoes()
        .map_err(|e| Fail(1, format!("ledger: {e}")))?;
    let count = |e: Estado| all.iter().filter(|i| i.estado == e).count();
    let late = instrucao::sem_resposta(&all, args.date, args.dias);
    print(&serde_json::json!({
        "date": args.date,
        "dias": args.dias,
        "counts": {
            "pendente": count(Estado::Pendente),
            "confirmada": count(Estado::Confirmada),
            "rejeitada": count(Estado::Rejeitada),
        },
        "instrucoes": all,
        "sem_resposta": late,
    }))
}
