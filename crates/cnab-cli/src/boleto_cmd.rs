//! `cnab boleto parse CODE` and `cnab boleto make` (JSON on stdin).

use clap::Subcommand;

use crate::out::Out;
use crate::Fail;

/// Boleto subcommands.
#[derive(Subcommand)]
pub(crate) enum BoletoCmd {
    /// Parse a barcode (44), linha digitável (47) or arrecadação line (48), formatted or not → JSON.
    Parse {
        /// The code; dots and spaces are ignored.
        code: Vec<String>,
    },
    /// Build a boleto from one JSON object on stdin (banco, agencia, conta, carteira, nosso_numero, valor,
    /// vencimento, … as the README lists per bank) → JSON with nosso_numero, campo_livre, barcode, linha_digitavel;
    /// with `pix` {chave, nome, cidade, txid} also `pix_payload`, the BR Code of a boleto híbrido.
    Make,
}

pub(crate) fn run(out: &mut Out, cmd: BoletoCmd) -> Result<bool, Fail> {
    match cmd {
        BoletoCmd::Parse { code } => {
            let code = code.join(" ");
            if code.trim().is_empty() {
                return Err(Fail(2, "usage: cnab boleto parse CODE".into()));
            }
            let parsed = boleto::parse_any(&code).map_err(|e| Fail(1, e.to_string()))?;
            out.json(&parsed)?;
            for aviso in &parsed.avisos {
                crate::out::note(format_args!("cnab: aviso: {aviso}"));
            }
            Ok(true)
        }
        BoletoCmd::Make => {
            let mut input = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut input)
                .map_err(|e| Fail(2, format!("stdin: {e}")))?;
            let req: boleto::BoletoInput =
                serde_json::from_str(&input).map_err(|e| Fail(1, format!("input JSON: {e}")))?;
            let made = boleto::make(&req).map_err(|e| Fail(1, e.to_string()))?;
            out.json(&made)?;
            Ok(true)
        }
    }
}
