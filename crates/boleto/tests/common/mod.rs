#![allow(
    dead_code,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
use boleto::{make, BoletoInput, BoletoOutput};
use chrono::NaiveDate;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// Build an input from `key=value` pairs (BoletoInput JSON keys).
pub fn input(banco: u16, kv: &[(&str, &str)]) -> BoletoInput {
    let mut m = serde_json::Map::new();
    m.insert("banco".into(), serde_json::Value::from(banco));
    for (k, v) in kv {
        m.insert((*k).into(), serde_json::Value::from(*v));
    }
    m.entry("valor").or_insert_with(|| "0".into());
    m.entry("nosso_numero").or_insert_with(|| "".into());
    serde_json::from_value(serde_json::Value::Object(m)).unwrap()
}

/// make() and check barcode and formatted line.
pub fn check(banco: u16, kv: &[(&str, &str)], barcode: &str, linha: &str) -> BoletoOutput {
    let i = input(banco, kv);
    let out = make(&i).unwrap_or_else(|e| panic!("{banco} {kv:?}: {e}"));
    assert_eq!(out.barcode.as_str(), barcode, "barcode for {kv:?}");
    assert_eq!(out.linha_digitavel.to_string(), linha, "linha for {kv:?}");
    // the reverse: both forms parse back to the same barcode
    let p = boleto::parse_any_at(linha, i.vencimento.unwrap_or(d(2010, 1, 1))).unwrap();
    assert_eq!(p.barcode, barcode);
    assert_eq!(p.vencimento, i.vencimento);
    assert!(
        p.campo_livre_dv_ok.unwrap_or(true),
        "campo livre DVs for {kv:?}"
    );
    out
}

pub fn nn(banco: u16, kv: &[(&str, &str)]) -> String {
    boleto::nosso_numero(&input(banco, kv)).unwrap().formatado
}
