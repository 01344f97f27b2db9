//! `cnab acordo`: replace a payer's open titles by installments (see `baixa::acordo` for the arithmetic).
//!
//! `cnab acordo --ledger L --id AC-1 --date 2026-04-09 --titulo A --titulo B --parcelas 3
//! --primeiro-vencimento 2026-05-31 [--desconto-encargos-pct 25] [--proposta]` prints the acordo as JSON (the
//! originals with their amounts due on the date, the discount, the negotiated amount, the installments) and records
//! it: the installments become open titles, the originals are renegotiated. With `--proposta` nothing is recorded.

use baixa::acordo::{self, Termos};
use chrono::NaiveDate;
use clap::Args;
use rust_decimal::Decimal;

use crate::regua_cmd::{open_ledger, parse_date, print};
use crate::Fail;

/// `cnab acordo` options.
#[derive(Args)]
pub(crate) struct AcordoArgs {
    /// The ledger: an SQLite file or a `postgres://` URL.
    #[arg(long, value_name = "FILE")]
    ledger: String,
    /// The acordo's id (the installments are ID-1, ID-2, …).
    #[arg(long)]
    id: String,
    /// The agreement's date (the amounts due are computed on it).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: NaiveDate,
    /// A title the acordo replaces (repeatable; open, one payer).
    #[arg(long = "titulo", value_name = "ID", required = true)]
    titulos: Vec<String>,
    /// Number of installments (1 to 120).
    #[arg(long)]
    parcelas: u32,
    /// Due date of the first installment; the others fall on the same day of the following months.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    primeiro_vencimento: NaiveDate,
    /// Discount on the multa and juros, in percent.
    #[arg(long, value_name = "PCT")]
    desconto_encargos_pct: Option<Decimal>,
    /// Only compute the proposal: record nothing.
    #[arg(long)]
    proposta: bool,
}

pub(crate) fn run(args: AcordoArgs) -> Result<bool, Fail> {
    let mut ledger = open_ledger(&args.ledger)?;
    let termos = Termos {
        id: args.id,
        data: args.date,
        titulos: args.titulos,
        parcelas: args.parcelas,
        primeiro_vencimento: args.primeiro_vencimento,
        desconto_encargos_pct: args.desconto_encargos_pct,
    };
    let a = if args.proposta {
        let titles = ledger
            .titles()
            .map_err(|e| Fail(1, format!("ledger: {e}")))?;
        acordo::propor(&titles, &termos)
    } else {
        acordo::fechar(ledger.as_mut(), &termos)
    }
    .map_err(|e| Fail(1, format!("acordo: {e}")))?;
    let mut v = serde_json::to_value(&a).map_err(|e| Fail(1, e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        o.insert("recorded".into(), serde_json::Value::Bool(!args.proposta));
    }
    print(&v)
}
