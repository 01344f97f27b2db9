//! Banco Ourinvest (712) CNAB 400 retorno, read with Bradesco's tables (see `banks::ourinvest`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{
    read, write_remessa, Bank, CnabFile, Layout, OcorrenciaKind, ReadOptions, Remessa,
};
mod common;
use common::{corpus, date, dec as d};

#[allow(dead_code)] // kept for the remessa tests once Ourinvest's remessa is tabled
fn fixture_remessa(path: &str, bank: u16) -> (Vec<u8>, Vec<String>) {
    let json = std::fs::read_to_string(format!(
        "{}/../../fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(bank), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<String> = text
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    assert!(lines.iter().all(|l| l.len() == 400));
    (bytes, lines)
}

#[test]
fn corpus_retorno_reads() {
    let Some(bytes) = corpus("712-ourinvest/cnab400/retorno/laravelboleto__ourinvest.ret") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 712);
    assert_eq!(r.entries.len(), 1);
    let e = &r.entries[0];
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("02", OcorrenciaKind::EntradaConfirmada)
    );
    assert_eq!(e.data_ocorrencia, Some(date(2023, 4, 30)));
    assert_eq!(e.valor_titulo, Some(d("100.00")));
    let _ = write_remessa;
    assert_eq!(e.valor_pago, Some(d("100.00")));
    assert_eq!(e.nosso_numero, "00000000002");
    let _ = Bank::new(712);
    let _ = Layout::Cnab400;
    let _: Option<Remessa> = None;
}
