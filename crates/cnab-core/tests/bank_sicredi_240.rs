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
