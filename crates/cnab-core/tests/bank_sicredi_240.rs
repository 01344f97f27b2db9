//! Sicredi (748) CNAB 240 cobrança: real corpus files and a written remessa, per Sicredi's CNAB 240 manual
//! (leiaute 081/040, FEBRABAN positions, C044 codes).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::PathBuf;

use cnab_core::{
    read, read_remessa, read_retorno, write_remessa, Bank, CnabFile, ErrorKind, Layout,
    OcorrenciaKind, ReadOptions, Remessa,
};

fn corpus(rel: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/748-sicredi/cnab240")
        .join(rel);
    std::fs::read(p).ok()
}

#[test]
fn corpus_retorno_reads_strictly() {
    let Some(bytes) = corpus("retorno/brcobranca__CNAB240SICREDI.CRT") else {
        return;
    };
    let r = read_retorno(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.header.layout_versao, "081");
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "172000595"); // T 38-57, left-aligned
    assert_eq!(e.carteira, "1");
    assert_eq!(e.valor_titulo, Some("9.95".parse().unwrap()));
    assert_eq!(e.vencimento, chrono::NaiveDate::from_ymd_opt(2017, 4, 13));
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("02", OcorrenciaKind::EntradaConfirmada)
    );
    let tarifa = &r.entries[1];
    assert_eq!(
        tarifa.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::Tarifa)
    );
    assert_eq!(tarifa.tarifa, Some("3.80".parse().unwrap()));
}

#[test]
fn corpus_remessas() {
    for name in [
        "remessa/brcobranca__remessa-unicred-cnab240.rem",
        "remessa/pycobranca__remessa_sicredi_cnab240.rem",
    ] {
        let Some(bytes) = corpus(name) else { return };
        read_remessa(&bytes, ReadOptions::strict()).expect(name);
    }
    let Some(bytes) = corpus("remessa/brcobranca__remessa-unicred-cnab240.rem") else {
        return;
    };
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.titulos[0].nosso_numero, "072000031");
    assert_eq!(r.titulos[0].valor, "50.00".parse().unwrap());
    assert_eq!(r.titulos[0].baixa.prazo, Some(60));
    // OCA's copy has its trailing spaces stripped: only line-length problems.
    let Some(bytes) = corpus("remessa/ocal10nbr__teste_remessa_sicredi240.REM") else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    assert!(!r.problems.is_empty());
    assert!(
        r.problems
            .iter()
            .all(|p| matches!(p.kind, ErrorKind::LineLength { .. })),
        "{:?}",
        r.problems
    );
    assert_eq!(r.titulos[0].valor, "300.00".parse().unwrap());
}

#[test]
fn written_remessa_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/748-sicredi/cnab240/remessa/remessa.model.json"
    ))
    .unwrap();
    let remessa: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&remessa, Bank::new(748), Layout::Cnab240).unwrap();
    let lines: Vec<&[u8]> = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    assert_eq!(&lines[0][163..166], b"081");
    assert_eq!(&lines[0][32..37], b"04346"); // código do beneficiário (convênio) 33-52
    let p = lines[2];
    assert_eq!(&p[37..57], b"262000015           "); // nosso número 38-57, left-aligned
    assert_eq!(&p[57..58], b"1"); // carteira 58
    assert_eq!(&p[85..100], b"000000000012750");
    assert_eq!(&p[223..224], b"1"); // baixa 224
}

/// The batch trailer of a written remessa (the line typed 5).
fn batch_trailer(bytes: &[u8]) -> String {
    let line = bytes
        .split(|b| *b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .find(|l| l.get(7) == Some(&b'5'))
        .unwrap();
    String::from_utf8(line.to_vec()).unwrap()
}

#[test]
fn written_batch_trailer_has_the_totals() {
    // Fixture: one title of 127.50 (header de lote, P, Q, trailer de lote = 4 records).
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/748-sicredi/cnab240/remessa/remessa.model.json"
    ))
    .unwrap();
    let remessa: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&remessa, Bank::new(748), Layout::Cnab240).unwrap();
    let t = batch_trailer(&bytes);
    assert_eq!(&t[17..23], "000004"); // quantidade de registros do lote, 18-23
    assert_eq!(&t[23..29], "000001"); // quantidade de títulos em cobrança simples, 24-29
    assert_eq!(&t[29..46], "00000000000012750"); // valor total, 30-46
    assert_eq!(&t[46..115], "0".repeat(69)); // vinculada, caucionada, descontada: zeros
    assert_eq!(&t[115..240], " ".repeat(125));
}

#[test]
fn parsed_corpus_remessa_written_back_fills_the_batch_trailer_totals() {
    // pyCobranca's remessa (zeros in 24-115): parse -> write gives the titles' count and sum, not blanks.
    let Some(bytes) = corpus("remessa/pycobranca__remessa_sicredi_cnab240.rem") else {
        return;
    };
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    let n = r.titulos.len();
    let sum: rust_decimal::Decimal = r.titulos.iter().map(|t| t.valor).sum();
    let opts = cnab_core::WriteOptions {
        skip_document_check: true,
        ..Default::default()
    };
    let out = cnab_core::write_remessa_with(&r, Bank::new(748), Layout::Cnab240, opts)
        .unwrap()
        .bytes;
    let t = batch_trailer(&out);
    // Two titles, 199.90 + 1350.75 (P 86-100 of the file).
    assert_eq!((n, sum), (2, "1550.65".parse().unwrap()));
    assert_eq!(&t[17..23], "000008"); // header de lote, P, Q, R twice, trailer: as in the file
    assert_eq!(&t[23..29], "000002");
    assert_eq!(&t[29..46], "00000000000155065");
    // And the written file reads back to the same titles.
    assert_eq!(
        read_remessa(&out, ReadOptions::strict()).unwrap().titulos,
        r.titulos
    );
}
