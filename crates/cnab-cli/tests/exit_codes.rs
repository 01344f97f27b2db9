//! Exit codes of every command (0 ok, 1 the input has problems, 2 usage), hints and foreign files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn cnab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run cnab: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A scratch folder with a damaged retorno, a PDF, a bad JSON model and a ledger path.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cnab-exit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bad = std::fs::read(root().join(RET)).unwrap();
    // Line 2, column 254 (valor pago, Itaú CNAB 400) is no digit.
    let line2 = bad.iter().position(|&b| b == b'\n').unwrap() + 1;
    bad[line2 + 253] = b'X';
    std::fs::write(dir.join("bad.ret"), bad).unwrap();
    std::fs::write(dir.join("statement.pdf"), b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n").unwrap();
    std::fs::write(dir.join("bad.json"), b"{").unwrap();
    dir
}

const RET: &str = "fixtures/341-itau/cnab400/retorno/retorno.ret";
const MODEL: &str = "fixtures/341-itau/cnab400/remessa/remessa.model.json";
const LINHA: &str = "34191.09008 01015.271248 80212.460002 4 25480000675787";
const PIX: &str =
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR\
                   5913Fulano de Tal6008BRASILIA62070503***63041D3D";

#[test]
fn exit_codes_per_command() {
    let dir = scratch();
    let s = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let (bad, pdf, json, ledger) = (s("bad.ret"), s("statement.pdf"), s("bad.json"), s("l.db"));
    let boleto = r#"{"banco": "341", "agencia": "1248", "conta": "02124", "carteira": "109",
        "nosso_numero": "00010152", "valor": "127.50", "vencimento": "2029-05-20"}"#;
    std::fs::write(dir.join("boleto.json"), boleto).unwrap();
    std::fs::write(
        dir.join("boleto-bad.json"),
        boleto.replace("05-20", "13-20"),
    )
    .unwrap();
    let (boleto_ok, boleto_bad) = (s("boleto.json"), s("boleto-bad.json"));
    let table: Vec<(Vec<&str>, i32)> = vec![
        (vec![], 2),
        (vec!["nonsense"], 2),
        (vec!["--version"], 0),
        (vec!["banks"], 0),
        (vec!["inspect", RET], 0),
        (vec!["inspect", &bad], 1),
        (vec!["inspect", "--lenient", &bad], 1),
        (vec!["inspect", "--stream", RET], 0),
        (vec!["inspect", "--stream", &bad], 1),
        (vec!["inspect", &pdf], 1),
        (vec!["inspect", "/no/such/file"], 2),
        (vec!["parse", RET], 0),
        (vec!["parse", &bad], 1),
        (vec!["parse", "--lenient", &bad], 1),
        (vec!["parse", "--format", "csv", &bad], 1),
        (vec!["parse", "--lenient", "--format", "ndjson", &bad], 1),
        (vec!["parse", &pdf], 1),
        (vec!["parse"], 2),
        (vec!["parse", "/no/such/file"], 2),
        (vec!["parse", "--format", "xml", RET], 2),
        (vec!["parse", "--bank", "abc", RET], 2),
        (vec!["validate", RET], 0),
        (vec!["validate", &bad], 1),
        (vec!["validate", "--format", "json", &pdf], 1),
        (vec!["validate", "/no/such/file"], 2),
        (
            vec!["remessa", MODEL, "--bank", "341", "--layout", "400"],
            0,
        ),
        (
            vec!["remessa", &json, "--bank", "341", "--layout", "400"],
            1,
        ),
        (
            vec!["remessa", MODEL, "--bank", "341", "--layout", "500"],
            2,
        ),
        (vec!["remessa", MODEL, "--layout", "400"], 2),
        (vec!["corpus", "/no/such/dir"], 2),
        (
            vec![
                "gen",
                "--bank",
                "341",
                "--layout",
                "400",
                "--kind",
                "retorno",
                "--entries",
                "3",
            ],
            0,
        ),
        (
            vec![
                "gen",
                "--bank",
                "999",
                "--layout",
                "400",
                "--kind",
                "retorno",
                "--entries",
                "3",
            ],
            2,
        ),
        (
            vec![
                "gen",
                "--bank",
                "341",
                "--layout",
                "400",
                "--kind",
                "retorno",
                "--entries",
                "2000000",
            ],
            2,
        ),
        (
            vec![
                "gen", "--bank", "341", "--layout", "400", "--kind", "retorno",
            ],
            2,
        ),
        (vec!["boleto", "make", &boleto_ok], 0),
        (vec!["boleto", "make", &boleto_bad], 1),
        (vec!["boleto", "make"], 1), // standard input closed: no JSON
        (vec!["boleto", "make", "/no/such/file"], 2),
        (vec!["pix", "make"], 1),
        (vec!["regua"], 2),
        (vec!["acordo"], 2),
        (vec!["serve"], 2),
        (vec!["boleto", "parse", LINHA], 0),
        (vec!["boleto", "parse", "123"], 1),
        (vec!["boleto"], 2),
        (vec!["pix", "parse", PIX], 0),
        (vec!["pix", "parse", "0002"], 1),
        (vec!["pix"], 2),
        (vec!["baixa"], 2),
        (vec!["baixa", "--ledger", &ledger, "report"], 0),
        (vec!["baixa", "--ledger", &ledger, "apply", &bad], 1),
        (
            vec!["baixa", "--ledger", &ledger, "apply", "/no/such/file"],
            2,
        ),
    ];
    let mut wrong = Vec::new();
    for (args, want) in &table {
        let (code, _, err) = cnab(args);
        if code != *want {
            wrong.push(format!(
                "cnab {}: exit {code}, want {want}: {err}",
                args.join(" ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn strict_failures_end_with_a_hint() {
    let dir = scratch();
    let bad = dir.join("bad.ret");
    let bad = bad.to_str().unwrap();
    let hint =
        format!("hint: cnab validate {bad} lists every problem; --lenient reads what it can");
    for args in [
        vec!["parse", bad],
        vec!["inspect", bad],
        vec!["inspect", "--stream", bad],
    ] {
        let (code, _, err) = cnab(&args);
        assert_eq!(code, 1, "{args:?}");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{err}");
        assert!(
            lines[0].starts_with(&format!("cnab: {bad}: line 2, columns 254-266")),
            "{err}"
        );
        assert_eq!(lines[1], hint);
    }
    // Lenient reads and files that are no CNAB at all get no hint: it would not help.
    let (_, _, err) = cnab(&["parse", "--lenient", bad]);
    assert!(!err.contains("hint:"), "{err}");
    let pdf = dir.join("statement.pdf");
    let (code, _, err) = cnab(&["parse", pdf.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim_end(),
        format!(
            "cnab: {}: line 1: not a CNAB 240 or CNAB 400 file: this is a PDF file",
            pdf.display()
        )
    );
}

#[test]
fn foreign_files_are_named() {
    let dir = scratch();
    let cases: &[(&str, &[u8], &str)] = &[
        ("a.pdf", b"%PDF-1.7\n", "this is a PDF file"),
        (
            "a.xlsx",
            b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml",
            "this is an Excel workbook (.xlsx)",
        ),
        (
            "a.zip",
            b"PK\x03\x04\x14\x00\x00\x00a.ret",
            "this is a ZIP archive",
        ),
        (
            "a.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00",
            "this is an Excel 97-2003 workbook (.xls)",
        ),
        ("a.html", b"<!DOCTYPE html>\n<html>", "this is an HTML page"),
        ("a.txt", b"\xFF\xFE0\x002\x00", "this is UTF-16 text"),
    ];
    for (name, bytes, want) in cases {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let p = p.to_str().unwrap();
        for cmd in ["parse", "inspect", "validate"] {
            let (code, _, err) = cnab(&[cmd, p]);
            assert_eq!(code, 1, "{cmd} {name}");
            assert!(err.contains(want), "{cmd} {name}: {err}");
            assert!(err.contains(p), "{cmd} {name} names the file: {err}");
        }
    }
}

#[test]
fn boleto_make_reads_a_file_and_names_the_key_and_the_format() {
    let dir = scratch();
    let p = dir.join("make.json");
    std::fs::write(
        &p,
        r#"{"banco": "341", "agencia": "1248", "conta": "02124", "carteira": "109",
        "nosso_numero": "00010152", "valor": "127.50", "vencimento": "2029-13-20"}"#,
    )
    .unwrap();
    let shown = p.to_str().unwrap();
    let (code, out, err) = cnab(&["boleto", "make", shown]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        format!(
            "cnab: {shown}: vencimento: input is out of range at line 2 column 81 (expected a date as YYYY-MM-DD)\n"
        )
    );
    std::fs::write(
        &p,
        std::fs::read_to_string(&p)
            .unwrap()
            .replace("13-20", "05-20"),
    )
    .unwrap();
    let (code, out, err) = cnab(&["boleto", "make", shown]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["valor"], "127.50"); // as given, centavos kept
    assert_eq!(
        v["linha_digitavel"].as_str().map(str::len),
        Some(47),
        "{out}"
    );
}
