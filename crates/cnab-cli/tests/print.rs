//! `cnab boleto pdf|html|svg` as a user runs it.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::process::{Command, Stdio};

fn cnab(args: &[&str], stdin: &str) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ITAU: &str = r#"{"banco":"341","agencia":"1248","conta":"02124","carteira":"109",
 "nosso_numero":"00010152","valor":"6757.87","vencimento":"2029-05-20","numero_documento":"NF 4521/1",
 "especie_documento":"DM","aceite":"N","data_documento":"2029-04-20",
 "beneficiario":{"nome":"Padaria São João Ltda","documento":"11222333000181","endereco":"Av. Paulista, 1000"},
 "pagador":{"nome":"José da Conceição","documento":"12345678909","endereco":"Rua das Acácias, 45",
            "cidade":"Campinas","uf":"SP","cep":"13010000"},
 "instrucoes":["Não receber após 30 dias do vencimento."],
 "pix":{"chave":"11222333000181","txid":"NF4521","cidade":"SAO PAULO"}}"#;

#[test]
fn pdf_carries_the_fields_as_text() {
    let (code, pdf, err) = cnab(&["boleto", "pdf"], ITAU);
    assert_eq!(code, 0, "{err}");
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let body = String::from_utf8_lossy(&pdf);
    assert_eq!(body.matches("/FontFile2").count(), 2, "both faces embedded");
    let dir = std::env::temp_dir().join(format!("cnab-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("b.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let Ok(txt) = Command::new("pdftotext").arg(&path).arg("-").output() else {
        eprintln!(
            "SKIPPED text check: pdftotext not found (Debian: apt-get install poppler-utils)"
        );
        return;
    };
    let txt = String::from_utf8_lossy(&txt.stdout);
    for want in [
        "341-7",
        "34191.09008 01015.271248 80212.460002 4 25480000675787",
        "Pagável em qualquer banco",
        "20/05/2029",
        "6.757,87",
        "Padaria São João Ltda — CNPJ 11.222.333/0001-81",
        "José da Conceição — CPF 123.456.789-09",
        "Rua das Acácias, 45 — Campinas/SP — CEP 13010-000",
        "109/00010152-7",
        "1248 / 02124",
        "NF 4521/1",
        "20/04/2029",
        "Não receber após 30 dias do vencimento.",
        "RECIBO DO PAGADOR",
        "FICHA DE COMPENSAÇÃO",
    ] {
        assert!(
            txt.contains(want),
            "{want:?} missing from the PDF text:\n{txt}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn carne_is_three_per_page() {
    let one: serde_json::Value = serde_json::from_str(ITAU).unwrap();
    let many: Vec<serde_json::Value> = (0..4)
        .map(|i| {
            let mut v = one.clone();
            v["nosso_numero"] = format!("0001015{i}").into();
            v
        })
        .collect();
    let (code, pdf, err) = cnab(&["boleto", "pdf"], &serde_json::to_string(&many).unwrap());
    assert_eq!(code, 0, "{err}");
    let body = String::from_utf8_lossy(&pdf);
    assert!(body.contains("/Count 2"), "4 títulos → 2 pages");
}

#[test]
fn html_and_svg() {
    let (code, html, err) = cnab(&["boleto", "html"], ITAU);
    assert_eq!(code, 0, "{err}");
    let html = String::from_utf8(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg") && html.contains("@page { size: A4; margin: 0; }"));
    assert!(html.contains(">6.757,87</text>"));
    // self-contained: nothing loaded from elsewhere
    assert!(!html.contains("src=") && !html.contains("<link") && !html.contains("<script"));
    let (code, from_json, _) = cnab(&["boleto", "svg"], ITAU);
    assert_eq!(code, 0);
    let (code, from_line, _) = cnab(
        &[
            "boleto",
            "svg",
            "34191.09008",
            "01015.271248",
            "80212.460002",
            "4",
            "25480000675787",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(from_json, from_line);
    let svg = String::from_utf8(from_line).unwrap();
    assert!(svg.contains("<title>34194254800006757871090001015271248021246000</title>"));
    // 405 modules of 0.254 mm plus two 5 mm quiet zones
    assert!(svg.contains("width=\"112.870mm\" height=\"13mm\""), "{svg}");
}

#[test]
fn bad_input_is_exit_1_with_the_field() {
    let (code, _, err) = cnab(&["boleto", "pdf"], r#"{"banco":"341"}"#);
    assert_eq!(code, 1);
    assert_eq!(err.trim(), "cnab: input JSON: missing field `beneficiario`");
    let bad = ITAU.replace(r#""txid":"NF4521","#, r#""txid":"NF4521","cor":"azul","#);
    let (code, _, err) = cnab(&["boleto", "pdf"], &format!("[{ITAU},{bad}]"));
    assert_eq!(code, 1);
    assert!(
        err.contains("título 2:") && err.contains("unknown field `cor`"),
        "{err}"
    );
    let bad = ITAU.replace(r#""pix":{"#, r#""pix_payload":"000201","pix":{"#);
    let (code, _, err) = cnab(&["boleto", "html"], &bad);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        "cnab: pix_payload: give either pix or pix_payload, not both"
    );
    let (code, _, err) = cnab(&["boleto", "svg", "1234"], "");
    assert_eq!(code, 1, "{err}");
}
