//! `cnab serve`: the segunda via pages (crate `segunda-via`).
//!
//! `cnab serve --ledger FILE|URL --boleto BOLETO.json [--listen ADDR]` serves `GET /b/<token>` (the page),
//! `GET /b/<token>/boleto.pdf` and `GET /` until Ctrl-C or SIGTERM. `BOLETO.json` is the company's part of the
//! `cnab boleto pdf` input (beneficiário, agência, conta, carteira, PIX key, instruções…): one object, or an array
//! with one per bank/convênio; each título adds its own bank, nosso número, amount, due date and pagador. Tokens
//! come from `cnab baixa --ledger … link ID`. HTTPS is the reverse proxy's job (docs/segunda-via.md).
//!
//! Exit codes: 1 when the ledger or the template cannot be used or the address cannot be bound, 2 usage.

use std::path::PathBuf;

use clap::Args;
use serde_json::Value;

use crate::Fail;

/// `cnab serve` options.
#[derive(Args)]
pub(crate) struct ServeArgs {
    /// The ledger `cnab baixa` keeps: an SQLite file or a postgres:// URL (opened read-only; views are appended).
    #[arg(long, value_name = "FILE|URL")]
    ledger: String,
    /// The boleto template (JSON object, or an array of them per bank/convênio).
    #[arg(long, value_name = "FILE")]
    boleto: PathBuf,
    /// Address to listen on (behind a reverse proxy that adds HTTPS).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: String,
    /// Keep the client's address in each view (not kept by default).
    #[arg(long)]
    record_ip: bool,
    /// Take the client's address from this header set by the reverse proxy (e.g. X-Real-IP).
    #[arg(long, value_name = "HEADER")]
    client_ip_header: Option<String>,
    /// Unknown tokens a client may try per minute before getting 429 (0 = no limit).
    #[arg(long, value_name = "N", default_value_t = 30)]
    misses_per_minute: u32,
}

pub(crate) fn run(args: ServeArgs) -> Result<bool, Fail> {
    let text = std::fs::read_to_string(&args.boleto)
        .map_err(|e| Fail(1, format!("{}: {e}", args.boleto.display())))?;
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| Fail(1, format!("{}: {e}", args.boleto.display())))?;
    let boletos = match v {
        Value::Array(a) => a,
        o => vec![o],
    };
    if let Some(h) = &args.client_ip_header {
        if axum_header_ok(h).is_none() {
            return Err(Fail(
                2,
                format!("--client-ip-header: not a header name: {h:?}"),
            ));
        }
    }
    let opts = segunda_via::Options {
        ledger: args.ledger.clone(),
        boletos,
        record_ip: args.record_ip,
        client_ip_header: args.client_ip_header.clone(),
        misses_per_minute: args.misses_per_minute,
    };
    segunda_via::serve(&args.listen, opts).map_err(|e| match e {
        segunda_via::ServeError::Template(m) => Fail(1, format!("{}: {m}", args.boleto.display())),
        other => Fail(1, other.to_string()),
    })?;
    Ok(true)
}

fn axum_header_ok(h: &str) -> Option<()> {
    (!h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).then_some(())
}
