//! The README's "A full day" walk-through, run as written: its example retornos are what cnab-core's writer gives
//! (`CNAB_WRITE_EXAMPLES=1` writes them again), and every `cnab` command of its shell block runs, in order, in a
//! fresh directory where `fixtures` and `examples` are the repository's.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An Itaú CNAB 400 retorno dated `date`: the fixture's header, one entry per (nosso número, seu número, ocorrência,
/// valor, vencimento), written by cnab-core.
fn itau_retorno(date: &str, entries: &[(&str, &str, &str, &str, &str)]) -> Vec<u8> {
    let fixture =
        std::fs::read(root().join("fixtures/341-itau/cnab400/retorno/retorno.ret")).unwrap();
    let mut r = cnab_core::read_retorno(&fixture, cnab_core::ReadOptions::strict()).unwrap();
    let model = r.entries[1].clone();
    let date: chrono::NaiveDate = date.parse().unwrap();
    r.header.data_geracao = Some(date);
    r.header.data_credito = None;
    r.records.clear();
    r.entries = entries
        .iter()
        .map(|(nn, seu, code, valor, venc)| {
            let mut e = model.clone();
            e.nosso_numero = (*nn).into();
            e.nosso_numero_dv = None;
            e.seu_numero = (*seu).into();
            e.ocorrencia = Some(cnab_core::Ocorrencia {
                code: (*code).into(),
                kind: cnab_core::OcorrenciaKind::Desconhecida,
                description: String::new(),
            });
            e.motivos.clear();
            e.data_ocorrencia = Some(date);
            e.valor_titulo = Some(valor.parse().unwrap());
            e.vencimento = Some(venc.parse().unwrap());
            e
        })
        .collect();
    cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).unwrap()
}

/// The walk-through's retornos: the registrations confirmed (02) in November; on 2027-01-28 the protest instruction
/// confirmed (19), the acordo's installments registered (02) and NF-1002 written off at the company's request (09).
fn retornos() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "examples/dia/retorno-2026-11-21.ret",
            itau_retorno(
                "2026-11-21",
                &[
                    ("12345678", "NF-1001", "02", "127.50", "2026-12-15"),
                    ("12345679", "NF-1002", "02", "2500.00", "2027-01-10"),
                ],
            ),
        ),
        (
            "examples/dia/retorno-2027-01-28.ret",
            itau_retorno(
                "2027-01-28",
                &[
                    ("12345678", "NF-1001", "19", "127.50", "2026-12-15"),
                    ("20000001", "AC-1-1", "02", "1275.00", "2027-02-24"),
                    ("20000002", "AC-1-2", "02", "1275.00", "2027-03-24"),
                    ("12345679", "NF-1002", "09", "2500.00", "2027-01-10"),
                ],
            ),
        ),
    ]
}

#[test]
fn example_retornos_are_the_writers() {
    for (path, bytes) in retornos() {
        let p = root().join(path);
        if std::env::var_os("CNAB_WRITE_EXAMPLES").is_some() {
            std::fs::write(&p, &bytes).unwrap();
        }
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{path}");
    }
}

/// The shell block under "### A full day" in README.md: its `cnab` commands (continuation lines joined), each
/// split on spaces (the block quotes nothing).
fn commands() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("### A full day")
        .expect("README: ### A full day");
    let rest = &readme[start..];
    let open = rest.find("```sh\n").unwrap() + 6;
    let close = open + rest[open..].find("```").unwrap();
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in rest[open..close].lines() {
        let line = line.split(" # ").next().unwrap().trim_end();
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        cur.push_str(line.trim_end_matches('\\').trim());
        cur.push(' ');
        if !line.ends_with('\\') {
            out.push(cur.split_whitespace().map(String::from).collect());
            cur.clear();
        }
    }
    out
}

#[test]
fn the_full_day_runs_as_written() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["fixtures", "examples"] {
        std::os::unix::fs::symlink(root().join(d), dir.path().join(d)).unwrap();
    }
    let cmds = commands();
    assert!(cmds.len() >= 10, "{cmds:?}");
    let mut outputs = Vec::new();
    for c in &cmds {
        assert_eq!(c[0], "cnab", "{c:?}");
        let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
            .args(&c[1..])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            c.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        outputs.push((c.join(" "), String::from_utf8(out.stdout).unwrap()));
    }
    let json = |prefix: &str| -> Value {
        let (_, o) = outputs
            .iter()
            .rev()
            .find(|(c, _)| c.starts_with(prefix))
            .unwrap_or_else(|| panic!("no command {prefix}"));
        serde_json::from_str(o).unwrap()
    };
    // the run issued NF-1001's protest and NF-1002's aviso de atraso, with its message and link
    let run = json("cnab regua --ledger dia.db --policy examples/dia/politica.toml --date 2027-01-24 --modelos");
    let acts: Vec<_> = run["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["titulo"].as_str().unwrap(), a["acao"].as_str().unwrap()))
        .collect();
    assert_eq!(acts, [("NF-1001", "protesto"), ("NF-1002", "aviso_atraso")]);
    let msg = run["actions"][1]["mensagem"].as_str().unwrap();
    assert!(
        msg.starts_with(
            "MERCADO ALFA SA, o boleto NF-1002 venceu em 10/01/2027. Hoje (24/01/2027) o valor é R$ 2.550,00.\n\
             Segunda via atualizada: https://pague.example.com/b/"
        ),
        "{msg}"
    );
    // the acordo: 2500.00 + multa 2% = 2550.00 in two installments of 1275.00
    let acordo = json("cnab acordo");
    assert_eq!(acordo["valor_negociado"], "2550.00");
    assert_eq!(
        acordo["remessas"][0]["titulos"].as_array().unwrap().len(),
        3
    );
    // the next morning: the protest and the acordo's pedido de baixa of NF-1002 confirmed, nothing pending
    let ins = json("cnab instrucoes");
    assert_eq!(
        ins["counts"],
        serde_json::json!({"pendente": 0, "confirmada": 2, "rejeitada": 0})
    );
    let applied = json("cnab baixa --ledger dia.db apply examples/dia/retorno-2027-01-28.ret");
    let answered: Vec<_> = applied["instrucoes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["titulo"].as_str().unwrap(),
                i["acao"].as_str().unwrap(),
                i["estado"].as_str().unwrap(),
                i["resposta"]["ocorrencia"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        answered,
        [
            ("NF-1001", "protesto", "confirmada", "19"),
            ("NF-1002", "baixa", "confirmada", "09")
        ]
    );
    assert_eq!(applied["outcomes"]["registered"], 2);
}
