//! `cnab boleto parse CODE`, `cnab boleto make` (JSON on stdin), `cnab boleto pdf|html|svg` (print_cmd).

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
    /// Print boletos as PDF: one JSON object (the `make` keys plus beneficiario {nome, documento, endereco},
    /// pagador {nome, documento, endereco, cidade, uf, cep}, instrucoes [..], optional pix or pix_payload) → the
    /// recibo do pagador and the ficha de compensação on an A4 page; an array → a carnê, three per page.
    Pdf {
        /// Write here instead of standard output.
        #[arg(long, short)]
        out: Option<std::path::PathBuf>,
        /// The JSON file (standard input when absent or `-`).
        input: Option<String>,
    },
    /// Print boletos as one self-contained, printable HTML page (same input and layout as `pdf`).
    Html {
        /// Write here instead of standard output.
        #[arg(long, short)]
        out: Option<std::path::PathBuf>,
        /// The JSON file (standard input when absent or `-`).
        input: Option<String>,
    },
    /// The barcode alone as SVG (Interleaved 2 of 5 at its printed size), from the same JSON or from a barcode /
    /// linha digitável given as the argument.
    Svg {
        /// Write here instead of standard output.
        #[arg(long, short)]
        out: Option<std::path::PathBuf>,
        /// The JSON file, or a barcode / linha digitável, dots and spaces allowed (standard input JSON when
        /// absent).
        input: Vec<String>,
    },
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
        BoletoCmd::Pdf { out: o, input } => {
            crate::print_cmd::run(out, crate::print_cmd::Format::Pdf, o, input)
        }
        BoletoCmd::Html { out: o, input } => {
            crate::print_cmd::run(out, crate::print_cmd::Format::Html, o, input)
        }
        BoletoCmd::Svg { out: o, input } => {
            let input = (!input.is_empty()).then(|| input.join(" "));
            crate::print_cmd::run(out, crate::print_cmd::Format::Svg, o, input)
        }
    }
}
