//! Banco Rendimento (633) CNAB 400: AUTBANK "Novo CNAB 400" manual (tables shared with Banco Fibra).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{read, write_remessa, Bank, CnabFile, Layout, ReadOptions, Remessa};
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
fn corpus_remessa_reads() {
    let Some(bytes) = corpus("633-rendimento/cnab400/remessa/laravelboleto__rendimento.txt") else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.titulos.len(), 1);
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "00969281792");
    assert_eq!(t.carteira, "6");
    assert_eq!(t.movimento, "01");
    assert_eq!(t.valor, d("12750.00"));
    assert_eq!(t.vencimento, Some(date(2023, 1, 20)));
    assert_eq!(t.pagador.cep, "99999999");
}

#[test]
fn written_remessa_matches_manual_positions() {
    let (bytes, lines) = fixture_remessa("633-rendimento/cnab400/remessa/remessa.model.json", 633);
    assert_eq!(&lines[0][76..79], "633");
    let l = &lines[1];
    assert_eq!(&l[62..73], "00000012345"); // 063-073 nosso número
    assert_eq!(&l[89..103], "20000000000200"); // 090 código multa, 091-103 multa
    assert_eq!(&l[139..142], "633"); // 140-142 banco
    assert_eq!(&l[391..393], "05"); // 392-393 prazo de protesto
    assert!(lines[2].starts_with("20NAO RECEBER")); // registro 2 de mensagem
    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos.len(), 2);
}
