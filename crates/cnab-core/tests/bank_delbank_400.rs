//! Delbank (435) CNAB 400: AUTBANK layout (Banco Fibra's tables, see `banks::delbank`), checked on the real corpus.

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
fn corpus_retorno_reads_strictly() {
    let Some(bytes) = corpus("435-delbank/cnab400/retorno/laravelboleto__delbank.ret") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 435);
    assert_eq!(r.header.nsa, Some(2526));
    assert_eq!(r.header.data_geracao, Some(date(2022, 5, 24)));
    assert_eq!(r.entries.len(), 1);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00000196289");
    assert_eq!(e.seu_numero, "TESTE123");
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("02", OcorrenciaKind::EntradaConfirmada)
    );
    assert_eq!(e.data_ocorrencia, Some(date(2022, 5, 24)));
    assert_eq!(e.vencimento, Some(date(2022, 6, 10)));
    assert_eq!(e.valor_titulo, Some(d("1000.00")));
    assert_eq!(e.tarifa, Some(d("1.50")));
    assert_eq!(e.banco_cobrador, "435");
}

#[test]
fn written_remessa_matches_manual_positions() {
    let (bytes, lines) = fixture_remessa("435-delbank/cnab400/remessa/remessa.model.json", 435);
    assert_eq!(&lines[0][0..9], "01REMESSA");
    assert_eq!(&lines[0][76..79], "435");
    let l = &lines[1];
    assert_eq!(&l[1..17], "0211222333000181"); // 002-003, 004-017
    assert_eq!(&l[62..73], "00000012345"); // 063-073 nosso número
    assert_eq!(&l[107..110], "501"); // 108 carteira, 109-110 ocorrência
    assert_eq!(&l[120..126], "151226"); // 121-126 vencimento
    assert_eq!(&l[126..139], "0000000012750"); // 127-139 valor
    assert_eq!(&l[139..142], "435"); // 140-142 banco
    assert_eq!(&l[218..234], "0100052998224725"); // 219-234 pagador
    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos[1].desconto.valor, Some(d("25.00")));
}
