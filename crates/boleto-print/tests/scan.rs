//! Read the printed boletos back the way a bank's scanner does: the PDF rasterised at 300 dpi
//! (pdftoppm, Debian's poppler-utils) and decoded (zbarimg, Debian's zbar-tools) must give back
//! the 44-digit barcode (Interleaved 2 of 5) and the PIX payload (QR code), for every bank this
//! project makes boletos for. The HTML goes through headless Chromium's print to PDF the same
//! way. Each test says why it skipped when a tool is absent.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg(if tool == "chromium" {
            "--version"
        } else {
            "-h"
        })
        .output()
        .is_ok()
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("boleto-print-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// One input per bank (the fields its campo livre needs; values as in crates/boleto/tests/prop.rs).
fn bank_inputs() -> Vec<(u16, Value)> {
    let v = |pairs: &[(&str, &str)]| {
        let mut m = serde_json::Map::new();
        for (k, val) in pairs {
            m.insert((*k).into(), Value::String((*val).into()));
        }
        Value::Object(m)
    };
    vec![
        (
            1,
            v(&[
                ("agencia", "4042"),
                ("conta", "61900"),
                ("convenio", "12387989"),
                ("carteira", "18"),
                ("nosso_numero", "777700168"),
            ]),
        ),
        (
            4,
            v(&[
                ("agencia", "0016"),
                ("conta", "0001234"),
                ("conta_dv", "1"),
                ("nosso_numero", "0000123"),
            ]),
        ),
        (
            21,
            v(&[
                ("conta", "0123456789"),
                ("conta_dv", "1"),
                ("nosso_numero", "00012345"),
            ]),
        ),
        (
            33,
            v(&[
                ("codigo_beneficiario", "1234567"),
                ("carteira", "101"),
                ("nosso_numero", "000000012345"),
            ]),
        ),
        (
            41,
            v(&[
                ("agencia", "1102"),
                ("codigo_beneficiario", "9000150"),
                ("nosso_numero", "22832563"),
            ]),
        ),
        (
            70,
            v(&[
                ("agencia", "058"),
                ("conta", "6002006"),
                ("nosso_numero", "000001"),
            ]),
        ),
        (
            77,
            v(&[
                ("carteira", "112"),
                ("codigo_beneficiario", "1234567"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            85,
            v(&[
                ("convenio", "123456"),
                ("conta", "1234567"),
                ("nosso_numero", "000000001"),
            ]),
        ),
        (
            97,
            v(&[
                ("agencia", "0001"),
                ("convenio", "100618"),
                ("documento_beneficiario", "12345678912"),
                ("nosso_numero", "000001"),
            ]),
        ),
        (
            104,
            v(&[
                ("codigo_beneficiario", "123456"),
                ("nosso_numero", "14000000000000123"),
            ]),
        ),
        (
            136,
            v(&[
                ("agencia", "4042"),
                ("conta", "000061900"),
                ("conta_dv", "3"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            208,
            v(&[
                ("agencia", "0050"),
                ("conta", "1234567"),
                ("carteira", "01"),
                ("nosso_numero", "00000012345"),
            ]),
        ),
        (
            224,
            v(&[
                ("agencia", "0001"),
                ("carteira", "110"),
                ("codigo_beneficiario", "1234567"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            237,
            v(&[
                ("agencia", "1172"),
                ("conta", "0403005"),
                ("carteira", "06"),
                ("nosso_numero", "75896452"),
            ]),
        ),
        (
            336,
            v(&[
                ("codigo_beneficiario", "000000123456"),
                ("carteira", "10"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            341,
            v(&[
                ("agencia", "1248"),
                ("conta", "02124"),
                ("carteira", "109"),
                ("nosso_numero", "00010152"),
            ]),
        ),
        (
            399,
            v(&[
                ("carteira", "CSB"),
                ("agencia", "1234"),
                ("conta", "1234567"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            422,
            v(&[
                ("agencia", "0123"),
                ("agencia_dv", "1"),
                ("conta", "00012345"),
                ("conta_dv", "2"),
                ("nosso_numero", "00012345"),
            ]),
        ),
        (
            435,
            v(&[
                ("agencia", "0001"),
                ("conta", "1234567"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            633,
            v(&[
                ("agencia", "0001"),
                ("carteira", "121"),
                ("codigo_beneficiario", "1234567"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            643,
            v(&[
                ("agencia", "0001"),
                ("carteira", "112"),
                ("codigo_beneficiario", "1234567"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            707,
            v(&[
                ("agencia", "0001"),
                ("carteira", "110"),
                ("codigo_beneficiario", "1234567"),
                ("nosso_numero", "0000012345"),
            ]),
        ),
        (
            712,
            v(&[
                ("agencia", "0001"),
                ("conta", "1234567"),
                ("carteira", "09"),
                ("nosso_numero", "00000012345"),
            ]),
        ),
        (
            745,
            v(&[
                ("carteira", "3"),
                ("portfolio", "123"),
                ("convenio", "0123456789"),
                ("nosso_numero", "00000012345"),
            ]),
        ),
        (
            748,
            v(&[
                ("agencia", "0710"),
                ("posto", "25"),
                ("codigo_beneficiario", "12345"),
                ("nosso_numero", "24200004"),
            ]),
        ),
        (
            756,
            v(&[
                ("agencia", "4327"),
                ("codigo_beneficiario", "0229385"),
                ("nosso_numero", "0000001"),
            ]),
        ),
    ]
}

fn titulo(bank: u16, mut v: Value, pix: bool) -> Value {
    let o = v.as_object_mut().unwrap();
    o.insert("banco".into(), json!(bank.to_string()));
    o.insert("valor".into(), json!("1234.56"));
    o.insert("vencimento".into(), json!("2026-08-15"));
    o.insert("numero_documento".into(), json!("NF 4521/1"));
    o.insert("especie_documento".into(), json!("DM"));
    o.insert("aceite".into(), json!("N"));
    o.insert("data_documento".into(), json!("2026-07-15"));
    o.insert("data_processamento".into(), json!("2026-07-15"));
    o.insert(
        "beneficiario".into(),
        json!({"nome": "Padaria São João Ltda", "documento": "11222333000181",
               "endereco": "Av. Paulista, 1000", "cidade": "São Paulo", "uf": "SP", "cep": "01310100"}),
    );
    o.insert(
        "pagador".into(),
        json!({"nome": "José da Conceição", "documento": "12345678909",
               "endereco": "Rua das Acácias, 45, ap. 12", "cidade": "Campinas", "uf": "SP", "cep": "13010000"}),
    );
    o.insert(
        "instrucoes".into(),
        json!([
            "Após o vencimento cobrar multa de 2,00% e juros de 1,00% ao mês.",
            "Não receber após 30 dias do vencimento."
        ]),
    );
    if pix {
        o.insert(
            "pix".into(),
            // odd banks: the merchant name and city default to the beneficiário's, with accents
            // (the QR code then carries ECI 26, UTF-8)
            if bank % 2 == 1 {
                json!({"chave": "11222333000181", "txid": format!("BOLETO{bank:03}X1")})
            } else {
                json!({"chave": "11222333000181", "txid": format!("BOLETO{bank:03}X1"), "cidade": "SAO PAULO", "nome": "PADARIA SAO JOAO"})
            },
        );
    }
    v
}

/// (symbology, data) pairs zbarimg reads from the pages of `pdf`.
fn scan_pdf(pdf: &Path, dir: &Path) -> Vec<(String, String)> {
    let prefix = dir.join("page");
    let st = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(st.success(), "pdftoppm failed on {}", pdf.display());
    let mut pngs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pngs.sort();
    assert!(!pngs.is_empty());
    // symbology-tagged read (one line per symbol: "I2/5:digits" or "QR-Code:payload")
    let out = Command::new("zbarimg")
        .args(["--quiet", "-Sdisable", "-Si25.enable", "-Sqrcode.enable"])
        .args(&pngs)
        .output()
        .unwrap();
    for p in &pngs {
        let _ = std::fs::remove_file(p);
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            l.split_once(':')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect()
}

fn tools_or_skip(extra: &[&str]) -> bool {
    for t in ["pdftoppm", "zbarimg"].iter().chain(extra) {
        if !have(t) {
            eprintln!(
                "SKIPPED: `{t}` not found (Debian: apt-get install poppler-utils zbar-tools chromium); \
                 the printed boletos were not scanned"
            );
            return false;
        }
    }
    true
}

#[test]
fn every_bank_pdf_scans_back_to_its_barcode_and_pix() {
    if !tools_or_skip(&[]) {
        return;
    }
    let dir = tmpdir("banks");
    let inputs = bank_inputs();
    // two workers: rasterising and decoding 26 A4 pages at 300 dpi is the slow part
    let checked: usize = std::thread::scope(|s| {
        let workers: Vec<_> = inputs
            .chunks(inputs.len().div_ceil(2))
            .map(|chunk| {
                let dir = &dir;
                s.spawn(move || {
                    for (bank, input) in chunk {
                        let bank = *bank;
                        let json = titulo(bank, input.clone(), true).to_string();
                        let t = boleto_print::from_json(&json)
                            .unwrap_or_else(|e| panic!("{bank}: {e}"));
                        let pdf = boleto_print::pdf(&t).unwrap();
                        let sub = dir.join(format!("{bank:03}"));
                        std::fs::create_dir_all(&sub).unwrap();
                        let path = sub.join("boleto.pdf");
                        std::fs::write(&path, &pdf).unwrap();
                        let got = scan_pdf(&path, &sub);
                        let barcode = t[0].made.barcode.as_str().to_string();
                        let pix = t[0].pix.as_ref().unwrap().as_str().to_string();
                        assert!(
                            got.contains(&("I2/5".to_string(), barcode.clone())),
                            "bank {bank}: barcode {barcode} not read back; zbarimg read {got:?}"
                        );
                        assert!(
                            got.contains(&("QR-Code".to_string(), pix.clone())),
                            "bank {bank}: PIX payload {pix} not read back; zbarimg read {got:?}"
                        );
                        assert_eq!(got.len(), 2, "bank {bank}: {got:?}");
                    }
                    chunk.len()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    assert_eq!(checked, boleto::banks::SUPPORTED.len());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn carne_pages_scan_back_in_order() {
    if !tools_or_skip(&[]) {
        return;
    }
    let dir = tmpdir("carne");
    // 4 parcelas of one Itaú título: two pages (3 + 1), each coupon its own barcode; PIX on two
    let base = bank_inputs()
        .into_iter()
        .find(|(b, _)| *b == 341)
        .unwrap()
        .1;
    let items: Vec<Value> = (1..=4)
        .map(|i| {
            let mut v = titulo(341, base.clone(), i % 2 == 1);
            let o = v.as_object_mut().unwrap();
            o.insert("nosso_numero".into(), json!(format!("0001015{i}")));
            o.insert("vencimento".into(), json!(format!("2026-{:02}-10", 8 + i)));
            v
        })
        .collect();
    let t = boleto_print::from_json(&Value::Array(items).to_string()).unwrap();
    let pdf = boleto_print::pdf(&t).unwrap();
    let path = dir.join("carne.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let got = scan_pdf(&path, &dir);
    let mut want: Vec<(String, String)> = Vec::new();
    for x in &t {
        want.push(("I2/5".into(), x.made.barcode.as_str().into()));
        if let Some(p) = &x.pix {
            want.push(("QR-Code".into(), p.as_str().into()));
        }
    }
    let mut g = got.clone();
    g.sort();
    want.sort();
    assert_eq!(g, want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_printed_by_chromium_scans_back() {
    if !tools_or_skip(&["chromium"]) {
        return;
    }
    let dir = tmpdir("html");
    for bank in [1u16, 341, 748] {
        let input = bank_inputs()
            .into_iter()
            .find(|(b, _)| *b == bank)
            .unwrap()
            .1;
        let t = boleto_print::from_json(&titulo(bank, input, true).to_string()).unwrap();
        let html = boleto_print::html(&t).unwrap();
        let hp = dir.join(format!("{bank}.html"));
        std::fs::write(&hp, html).unwrap();
        let pp = dir.join(format!("{bank}.pdf"));
        let profile = dir.join("profile");
        let st = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pp.display()))
            .arg(format!("file://{}", hp.display()))
            .output()
            .unwrap();
        assert!(
            pp.exists(),
            "chromium did not print: {}",
            String::from_utf8_lossy(&st.stderr)
        );
        let got = scan_pdf(&pp, &dir);
        assert!(
            got.contains(&("I2/5".into(), t[0].made.barcode.as_str().into())),
            "{bank}: {got:?}"
        );
        assert!(
            got.contains(&("QR-Code".into(), t[0].pix.as_ref().unwrap().as_str().into())),
            "{bank}: {got:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
