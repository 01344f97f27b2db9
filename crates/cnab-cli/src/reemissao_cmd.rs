//! `cnab reemissao`: an overdue título's updated boleto (see `baixa::reemissao` and docs/reemissao.md).
//!
//! `cnab reemissao --ledger L --titulo ID --date YYYY-MM-DD --vencimento YYYY-MM-DD --remessa REGISTERING.REM
//! [--remessa-out FILE] [--nsa N]` prints `{"titulo", "banco", "vencimento", "novo_vencimento", "devido",
//! "valor_atualizado", "valor_registrado", "instrucoes", "linha_digitavel"}`: the amount due on the new due date
//! (multa and juros to it), the bank's alteração de vencimento and, where its layout has one, alteração do valor
//! nominal, and the new linha digitável; with `--remessa-out` the instruction remessa is written there and its
//! movimentos are recorded in the ledger as pending instructions (`"registradas"`: the alteração de vencimento as
//! a `prorrogacao`, the alteração de valor as an `alteracao_valor`), which `cnab baixa apply` matches to the bank's
//! confirmation (the título's due date and amount then change) and `cnab instrucoes` lists. Without
//! `--remessa-out` nothing is recorded.

use std::path::PathBuf;

use baixa::instrucao::RemessaRegistrada;
use chrono::NaiveDate;
use clap::Args;

use crate::regua_cmd::{open_ledger, parse_date, print};
use crate::Fail;

/// `cnab reemissao` options.
#[derive(Args)]
pub(crate) struct ReemissaoArgs {
    /// The ledger: an SQLite file or a `postgres://` URL.
    #[arg(long, value_name = "FILE")]
    ledger: String,
    /// The título to reissue (open).
    #[arg(long, value_name = "ID")]
    titulo: String,
    /// Today's date (the remessa's date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: NaiveDate,
    /// The new due date (after the título's and not before --date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    vencimento: NaiveDate,
    /// A remessa that registered the título (repeatable; latest wins).
    #[arg(long, value_name = "FILE", required = true)]
    remessa: Vec<PathBuf>,
    /// Write the instruction remessa here, and record its movimentos as pending instructions.
    #[arg(long, value_name = "FILE")]
    remessa_out: Option<PathBuf>,
    /// The remessa's sequence number (default: the registering remessa's + 1).
    #[arg(long, value_name = "N")]
    nsa: Option<u64>,
}

pub(crate) fn run(args: ReemissaoArgs) -> Result<bool, Fail> {
    let mut ledger = open_ledger(&args.ledger)?;
    let mut registradas = Vec::new();
    for f in &args.remessa {
        let bytes = std::fs::read(f).map_err(|e| Fail(1, format!("{}: {e}", f.display())))?;
        registradas.push(
            RemessaRegistrada::from_bytes(&bytes)
                .map_err(|e| Fail(1, format!("{}: {e}", f.display())))?,
        );
    }
    // the rows carry the valor nominal the bank holds now (a confirmed alteração de valor replaces the registered)
    baixa::instrucao::nominais_vigentes(ledger.as_mut(), &mut registradas)
        .map_err(|e| Fail(1, format!("ledger: {e}")))?;
    let titles = ledger
        .titles()
        .map_err(|e| Fail(1, format!("ledger: {e}")))?;
    let (t, s) = titles
        .iter()
        .find(|(t, _)| t.id == args.titulo)
        .ok_or_else(|| Fail(1, format!("título {:?} is not in the ledger", args.titulo)))?;
    let (r, bytes) =
        baixa::reemissao::reemitir(t, s, args.date, args.vencimento, &registradas, args.nsa)
            .map_err(|e| Fail(1, e.to_string()))?;
    let mut v = serde_json::to_value(&r).map_err(|e| Fail(1, e.to_string()))?;
    if let Some(out) = &args.remessa_out {
        // refused before the file is written when this reissue is already recorded
        let ja = ledger
            .regua_issued()
            .map_err(|e| Fail(1, format!("ledger: {e}")))?;
        let dias = (args.date - t.vencimento).num_days();
        if ja.iter().any(|k| {
            k.titulo == t.id && k.etapa_dias == dias && k.acao == baixa::regua::Acao::Prorrogacao
        }) {
            return Err(Fail(
                1,
                format!(
                    "reemissão de {}: one on {} is already recorded",
                    t.id, args.date
                ),
            ));
        }
        std::fs::write(out, &bytes).map_err(|e| Fail(1, format!("{}: {e}", out.display())))?;
        let keys =
            baixa::reemissao::registrar(ledger.as_mut(), &r, t, s, args.date).map_err(|e| {
                Fail(
                    1,
                    format!(
                        "{}: written, but its instructions were not recorded: {e}",
                        out.display()
                    ),
                )
            })?;
        if let Some(o) = v.as_object_mut() {
            o.insert("file".into(), serde_json::json!(out.display().to_string()));
            o.insert(
                "registradas".into(),
                serde_json::json!(keys
                    .iter()
                    .map(|k| serde_json::json!({"acao": k.acao, "etapa_dias": k.etapa_dias}))
                    .collect::<Vec<_>>()),
            );
        }
    }
    print(&v)
}
