//! `cnab acordo`: replace a payer's open titles by installments (see `baixa::acordo` for the arithmetic).
//!
//! `cnab acordo --ledger L --id AC-1 --date 2026-04-09 --titulo A --titulo B --parcelas 3
//! --primeiro-vencimento 2026-05-31 [--desconto-encargos-pct 25] [--proposta]` prints the acordo as JSON (the
//! originals with their amounts due on the date, the discount, the negotiated amount, the installments) and records
//! it: the installments become open titles, the originals are renegotiated. With `--proposta` nothing is recorded.
//!
//! With `--remessa-out FILE --remessa REGISTERING.REM [--nosso-numero N] [--nsa N]` the acordo also goes to the
//! bank: one remessa (per bank and beneficiary: FILE, FILE.2, …) with each installment as an entrada (nosso
//! números N, N+1, … also recorded in the ledger) and each original's pedido de baixa, listed under `"remessas"`
//! (`baixa::acordo::remessas`); each pedido de baixa is recorded as a pending instruction, matched to the bank's
//! answer by `cnab baixa apply` and listed by `cnab instrucoes` (`baixa::acordo::fechar_remessas`). It is written before anything is recorded: an original no given remessa
//! registered is refused with nothing recorded.

use std::path::PathBuf;

use baixa::acordo::{self, Termos};
use baixa::instrucao::RemessaRegistrada;
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
    #[arg(long, conflicts_with = "remessa_out")]
    proposta: bool,
    /// Write the remessa that takes the acordo to the bank here: the installments as entradas, the originals'
    /// pedido de baixa (several banks or beneficiaries: FILE, FILE.2, …). Needs --remessa.
    #[arg(long, value_name = "FILE", requires = "remessa")]
    remessa_out: Option<PathBuf>,
    /// A remessa that registered the originals (repeatable; latest wins): its header and títulos are the model.
    #[arg(long, value_name = "FILE")]
    remessa: Vec<PathBuf>,
    /// The first installment's nosso número (digits; the next ones follow, as wide). Default: blank, for the bank
    /// to assign (linked when its entrada confirmada arrives).
    #[arg(long, value_name = "N", requires = "remessa_out")]
    nosso_numero: Option<String>,
    /// The remessa's sequence number (default: the registering remessa's + 1).
    #[arg(long, value_name = "N", requires = "remessa_out")]
    nsa: Option<u64>,
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
    let mut registradas = Vec::new();
    for f in &args.remessa {
        let bytes = std::fs::read(f).map_err(|e| Fail(1, format!("{}: {e}", f.display())))?;
        registradas.push(
            RemessaRegistrada::from_bytes(&bytes)
                .map_err(|e| Fail(1, format!("{}: {e}", f.display())))?,
        );
    }
    let mut written = Vec::new();
    let a = if args.proposta {
        let titles = ledger
            .titles()
            .map_err(|e| Fail(1, format!("ledger: {e}")))?;
        acordo::propor(&titles, &termos)
    } else if args.remessa_out.is_some() {
        // written (in memory) before recording: a título that cannot be written records nothing; the originals'
        // pedidos de baixa are then recorded as pending instructions (`cnab instrucoes`)
        acordo::fechar_remessas(
            ledger.as_mut(),
            &termos,
            &registradas,
            args.nosso_numero.as_deref(),
            args.nsa,
        )
        .map(|(a, w)| {
            written = w;
            a
        })
    } else {
        acordo::fechar(ledger.as_mut(), &termos)
    }
    .map_err(|e| Fail(1, format!("acordo: {e}")))?;
    let mut files = Vec::new();
    if let Some(out) = &args.remessa_out {
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
                        "{}: {e} (the acordo was recorded: write the remessa again with cnab remessa from the \
                         JSON below)",
                        path.display()
                    ),
                )
            })?;
            files.push(serde_json::json!({
                "file": path.display().to_string(),
                "banco": w.bank.code(),
                "layout": format!("cnab{}", w.layout.number()),
                "titulos": w.itens,
                "remessa": w.remessa,
            }));
        }
    }
    let mut v = serde_json::to_value(&a).map_err(|e| Fail(1, e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        o.insert("recorded".into(), serde_json::Value::Bool(!args.proposta));
        if args.remessa_out.is_some() {
            o.insert("remessas".into(), serde_json::Value::Array(files));
        }
    }
    print(&v)
}
