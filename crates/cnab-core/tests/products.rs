//! The product dimension: detection tells cobrança from débito automático, arrecadação, pagamentos and extrato;
//! a CNAB 240 pagamentos retorno reads structurally (raw records, batches with their service codes).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use cnab_core::write_raw;
use cnab_core::{detect, read_structure, FileKind, Layout, Product, ReadOptions, RecordKey};
use common::corpus;

#[test]
fn cobranca_fixtures_keep_their_detection() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/retorno/retorno.ret"
    ))
    .unwrap();
    let d = detect(&bytes).unwrap();
    assert_eq!(d.product, Product::Cobranca);
    // Cobrança, the default, is left out of the JSON (every existing output stays as it was).
    assert!(!serde_json::to_string(&d).unwrap().contains("product"));
    let s = read_structure(&bytes).unwrap();
    assert_eq!(s.batches.len(), 1);
    assert_eq!(
        (s.batches[0].servico.as_str(), s.batches[0].product),
        ("01", Some(Product::Cobranca))
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
}

#[test]
fn pagamentos_retorno_reads_structurally() {
    let Some(bytes) =
        corpus("other/001-bb/cnab240-pagamento/retorno/parserret240bb__IEDPAG41260120220.ret")
    else {
        return;
    };
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.product, d.kind, d.supported),
        (
            1,
            Layout::Cnab240,
            Product::Pagamentos,
            FileKind::Retorno,
            false
        )
    );
    assert!(serde_json::to_string(&d)
        .unwrap()
        .contains(r#""product":"pagamentos""#));
    // Never read as cobrança: the reader names the product and the way to read it.
    let e = cnab_core::read(&bytes, ReadOptions::lenient()).unwrap_err();
    assert_eq!(e.code(), "other_product");
    let s = read_structure(&bytes).unwrap();
    // The file's own counts disagree with its records, reported where they are: the first batch trailer says 67
    // records for the 66 of lines 2-67, the file trailer 146 for 203 lines.
    let problems: Vec<String> = s.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "line 67: trailer says 67 records in the batch, but the file has 66 records in the batch",
            "line 203: trailer says 146 records in the file, but the file has 203 records in the file"
        ]
    );
    assert_eq!(s.records.len(), 203);
    assert_eq!(s.batches.len(), 10);
    assert_eq!(s.batches[0].segments, [('A', 23), ('B', 23), ('Z', 18)]);
    assert_eq!(write_raw(&[], &s.records, &[]), bytes);
    let services: Vec<(&str, &str)> = s
        .batches
        .iter()
        .map(|b| (b.servico.as_str(), b.operacao.as_str()))
        .collect();
    assert!(
        services.iter().all(|(svc, op)| *svc == "20" && *op == "C"),
        "{services:?}"
    );
    assert_eq!(s.keys[0], Some(RecordKey::FileHeader));
    assert_eq!(s.keys[202], Some(RecordKey::FileTrailer));
}

#[test]
fn extrato_is_told_apart() {
    let Some(bytes) = corpus("other/341-itau/cnab240-extrato/retorno/marcodptcnab__itau.txt")
    else {
        return;
    };
    let d = detect(&bytes).unwrap();
    assert_eq!((d.product, d.supported), (Product::Extrato, false));
    let s = read_structure(&bytes).unwrap();
    assert_eq!(s.batches[0].servico, "04");
    assert_eq!(s.batches[0].segments.first().map(|x| x.0), Some('E'));
}
