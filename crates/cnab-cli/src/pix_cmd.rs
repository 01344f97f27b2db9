//! `cnab pix make` (one JSON object on stdin) and `cnab pix parse PAYLOAD`: the PIX BR Code
//! ("Pix Copia e Cola") of `boleto::pix`.

use boleto::pix::{BrCode, ChaveTipo, Tag};
use clap::Subcommand;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Fail;

/// PIX subcommands.
#[derive(Subcommand)]
pub(crate) enum PixCmd {
    /// Build a BR Code from one JSON object on stdin → JSON with `payload`. Keys: `chave`, `nome`,
    /// `cidade`, optional `valor`, `txid`, `descricao`, `cep`, `unico` (static); or `url`, `nome`,
    /// `cidade`, optional `cep`, `unico` (dynamic). Unknown keys are refused.
    Make,
    /// Check a BR Code and print its fields as JSON (`-` reads it from stdin); exit 1 with the
    /// precise problem (tag, field, what is wrong; a wrong CRC says "crc").
    Parse {
        /// The payload (quote it: it usually has spaces).
        payload: String,
    },
}

/// What `cnab pix make` reads.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MakeInput {
    #[serde(default)]
    chave: Option<String>,
    #[serde(default)]
    url: Option<String>,
    nome: String,
    cidade: String,
    #[serde(default)]
    valor: Option<Decimal>,
    #[serde(default)]
    txid: Option<String>,
    #[serde(default)]
    descricao: Option<String>,
    #[serde(default)]
    cep: Option<String>,
    #[serde(default)]
    unico: bool,
}

#[derive(Serialize)]
struct MakeOutput<'a> {
    payload: &'a str,
}

/// What `cnab pix parse` prints: every field, `null` when the payload does not have it.
#[derive(Serialize)]
struct ParseOutput<'a> {
    tipo: &'static str,
    chave: Option<&'a str>,
    chave_tipo: Option<ChaveTipo>,
    url: Option<&'a str>,
    nome: &'a str,
    cidade: &'a str,
    valor: Option<Decimal>,
    txid: Option<&'a str>,
    descricao: Option<&'a str>,
    cep: Option<&'a str>,
    unico: bool,
    outros: &'a [Tag],
}

pub(crate) fn make_payload(input: &str) -> Result<BrCode, Fail> {
    let req: MakeInput = crate::boleto_cmd::from_json(input, "input JSON")?;
    let mut b =
        match (req.chave, req.url) {
            (Some(chave), None) => BrCode::estatico(chave, req.nome, req.cidade),
            (None, Some(url)) => BrCode::dinamico(url, req.nome, req.cidade),
            (Some(_), Some(_)) => return Err(Fail(
                1,
                "input JSON: give either chave (static payload) or url (dynamic payload), not both"
                    .into(),
            )),
            (None, None) => {
                return Err(Fail(
                    1,
                    "input JSON: missing chave (static payload) or url (dynamic payload)".into(),
                ))
            }
        };
    if let Some(v) = req.valor {
        b = b.valor(v);
    }
    if let Some(t) = req.txid {
        b = b.txid(t);
    }
    if let Some(d) = req.descricao {
        b = b.descricao(d);
    }
    if let Some(c) = req.cep {
        b = b.cep(c);
    }
    b.unico(req.unico)
        .build()
        .map_err(|e| Fail(1, e.to_string()))
}

pub(crate) fn run(out: &mut crate::out::Out, cmd: PixCmd) -> Result<bool, Fail> {
    match cmd {
        PixCmd::Make => {
            let mut input = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut input)
                .map_err(|e| Fail(2, format!("stdin: {e}")))?;
            let code = make_payload(&input)?;
            out.json(&MakeOutput {
                payload: code.as_str(),
            })?;
            Ok(true)
        }
        PixCmd::Parse { payload } => {
            let payload = if payload == "-" {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                    .map_err(|e| Fail(2, format!("stdin: {e}")))?;
                s.trim_end_matches(['\r', '\n']).to_string()
            } else {
                payload
            };
            if payload.is_empty() {
                return Err(Fail(2, "usage: cnab pix parse PAYLOAD".into()));
            }
            let code: BrCode = payload
                .parse()
                .map_err(|e: boleto::PixError| Fail(1, e.to_string()))?;
            out.json(&ParseOutput {
                tipo: if code.is_dinamico() {
                    "dinamico"
                } else {
                    "estatico"
                },
                chave: code.chave(),
                chave_tipo: code.chave_tipo(),
                url: code.url(),
                nome: code.nome(),
                cidade: code.cidade(),
                valor: code.valor(),
                txid: code.txid(),
                descricao: code.descricao(),
                cep: code.cep(),
                unico: code.unico(),
                outros: code.outros(),
            })?;
            Ok(true)
        }
    }
}
