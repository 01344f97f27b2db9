//! `cnab boleto parse CODE`, `cnab boleto make [INPUT.json]` (or JSON on stdin), `cnab boleto pdf|html|svg`
//! (print_cmd).

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
    /// Build a boleto from one JSON object (banco, agencia, conta, carteira, nosso_numero, valor, vencimento, … as
    /// the README lists per bank) → JSON with nosso_numero, campo_livre, barcode, linha_digitavel; with `pix`
    /// {chave, nome, cidade, txid} also `pix_payload`, the BR Code of a boleto híbrido.
    Make {
        /// The JSON file (standard input when absent or `-`).
        input: Option<std::path::PathBuf>,
    },
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
        BoletoCmd::Make { input } => {
            let (text, source) = json_text(input.as_deref(), "cnab boleto make INPUT.json")?;
            let req: boleto::BoletoInput = from_json(&text, &source)?;
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

/// The text of a JSON input: the file named, or standard input (`-` or none) — refused when standard input is a
/// terminal, where reading it would wait in silence (`usage`: the command with a file). Also the name errors give.
pub(crate) fn json_text(
    path: Option<&std::path::Path>,
    usage: &str,
) -> Result<(String, String), Fail> {
    use std::io::{IsTerminal, Read};
    match path {
        Some(p) if p.as_os_str() != "-" => std::fs::read_to_string(p)
            .map(|t| (t, p.display().to_string()))
            .map_err(|e| Fail(2, format!("{}: {e}", p.display()))),
        _ => {
            let stdin = std::io::stdin();
            if path.is_none() && stdin.is_terminal() {
                return Err(Fail(
                    2,
                    format!("usage: {usage} (or the JSON on standard input: … | cnab …)"),
                ));
            }
            let mut s = String::new();
            stdin
                .lock()
                .read_to_string(&mut s)
                .map_err(|e| Fail(2, format!("stdin: {e}")))?;
            Ok((s, "input JSON".into()))
        }
    }
}

/// Parses JSON input; an error names the source, the key (`pix.chave`, `vencimento`) and, for a date, the format.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    text: &str,
    source: &str,
) -> Result<T, Fail> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let mut path = e.path().to_string();
        let msg = e.into_inner().to_string();
        if msg.starts_with("unknown field") {
            // the path ends with the unknown key, which the message names: say where it is
            path = path
                .rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string());
        }
        // chrono's parse errors say what went wrong but not what was expected
        let date = [
            "input is out of range",
            "input contains invalid characters",
            "premature end of input",
            "trailing input",
            "no possible date and time matching input",
        ]
        .iter()
        .any(|m| msg.starts_with(m));
        let hint = if date {
            " (expected a date as YYYY-MM-DD)"
        } else {
            ""
        };
        if path.is_empty() || path == "." {
            Fail(1, format!("{source}: {msg}{hint}"))
        } else {
            Fail(1, format!("{source}: {path}: {msg}{hint}"))
        }
    })
}
