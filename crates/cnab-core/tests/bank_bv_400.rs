//! Banco Votorantim (655) CNAB 400: real retorno, and write→read of a remessa against the manual v6.2 positions.

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
    let Some(bytes) = corpus("655-bv/cnab400/retorno/tiagolaravelboleto__bv.ret") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 655);
    assert_eq!(r.header.data_geracao, Some(date(2025, 4, 8)));
    assert_eq!(r.header.beneficiario.convenio, "0000009709");
    assert_eq!(r.entries.len(), 1);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "0000378784");
    assert_eq!(e.seu_numero, "37878-4");
    assert_eq!(e.carteira, "400");
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("02", OcorrenciaKind::EntradaConfirmada)
    );
    assert_eq!(e.data_ocorrencia, Some(date(2025, 4, 7)));
    assert_eq!(e.vencimento, Some(date(2025, 6, 9)));
    assert_eq!(e.valor_titulo, Some(d("8110.28")));
    assert_eq!(e.banco_cobrador, "655");
}

#[test]
fn written_remessa_matches_manual_positions() {
    let (bytes, lines) = fixture_remessa("655-bv/cnab400/remessa/remessa.model.json", 655);
    let h = &lines[0];
    assert_eq!(&h[0..9], "01REMESSA");
    assert_eq!(&h[76..79], "655");
    assert_eq!(&h[99..105], "201126"); // 100-105 data
    assert_eq!(&h[389..394], "CL001"); // 390-394 layout
    let l = &lines[1];
    assert_eq!(&l[1..17], "0211222333000181"); // 002-017 empresa
    assert_eq!(&l[19..29], "0000009709"); // 020-029 convênio
    assert_eq!(&l[72..77], "30001"); // 073-075 carteira, 076-077 ocorrência
    assert_eq!(&l[87..93], "151226"); // 088-093 vencimento
    assert_eq!(&l[93..106], "0000000012750"); // 094-106 valor
    assert_eq!(&l[106..109], "655"); // 107-109 banco
    assert_eq!(&l[114..117], "01N"); // 115-116 espécie, 117 aceite
    assert_eq!(&l[123..125], "81"); // 124-125 instrução 1: protestar
    assert_eq!(&l[195..211], "0100052998224725"); // 196-211 pagador
    assert_eq!(&l[303..311], "01001000"); // 304-311 CEP
    assert_eq!(&l[374..376], "05"); // 375-376 prazo de protesto
    assert!(lines[2].starts_with("22")); // registro 2: multa código 2
    assert_eq!(&lines[2][2..10], "16122026"); // 003-010 data da multa
    assert_eq!(&lines[4][121..137], "0100011144477735"); // registro 5: 122-137 sacador
    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos[0].multa.valor, Some(d("2.00")));
    assert_eq!(
        back.titulos[1]
            .sacador_avalista
            .as_ref()
            .unwrap()
            .inscricao
            .numero,
        "11144477735"
    );
}
