//! Citibank (745) CNAB 400 remessa: real corpus file and write→read against the "Manual CNAB 400 Posições" v1.16.

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
fn corpus_remessa_reads_strictly() {
    let Some(bytes) =
        corpus("745-citibank/cnab400/remessa/pycobranca__remessa_citibank_cnab400.rem")
    else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(
        r.header.beneficiario.codigo_beneficiario,
        "12345678901234567890"
    );
    assert_eq!(r.titulos.len(), 2);
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "000012345678");
    assert_eq!(t.especie, "01");
    assert_eq!(t.carteira, "1");
    assert_eq!(t.movimento, "01");
    assert_eq!(t.valor, d("199.90"));
    assert_eq!(t.vencimento, Some(date(2026, 8, 15)));
    assert_eq!(t.pagador.inscricao.numero, "52998224725");
    assert_eq!(r.titulos[1].pagador.inscricao.numero, "11222333000181");
}

#[test]
fn written_remessa_matches_manual_positions() {
    let (bytes, lines) = fixture_remessa("745-citibank/cnab400/remessa/remessa.model.json", 745);
    let h = &lines[0];
    assert_eq!(&h[0..9], "01REMESSA");
    assert_eq!(&h[26..46], "12345678901234567890"); // 027-046 portfolio
    assert_eq!(&h[76..94], "745CITIBANK       ");
    assert_eq!(&h[100..108], "01600BPI"); // 101-108 densidade
    let l = &lines[1];
    assert_eq!(&l[1..17], "0211222333000181");
    assert_eq!(&l[62..76], "02000012345678"); // 063-064 espécie, 065-076 nosso número
    assert_eq!(&l[107..110], "101"); // 108 carteira, 109-110 ocorrência
    assert_eq!(&l[120..126], "151226");
    assert_eq!(&l[126..139], "0000000012750");
    assert_eq!(&l[139..142], "745");
    assert_eq!(&l[147..150], "07N"); // 148-149 tipo de emissão, 150 aceite
    assert_eq!(&l[156..160], "0605"); // 157-158 instrução protestar, 159-160 dias
    assert_eq!(&l[218..234], "0100052998224725");
    assert_eq!(&l[393..394], "9"); // 394 moeda: reais
    let m = &lines[2];
    assert_eq!(&m[0..1], "2");
    assert_eq!(&m[64..77], "0000123456781"); // 065-076 nosso número, 077 carteira
    assert!(m[93..193].starts_with("REFERENTE A NF 1001"));
    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos.len(), 1);
    assert_eq!(back.titulos[0].mensagens.len(), 2);
}
