//! HSBC (399) CNAB 400 remessa: write→read of a remessa checked position by position against the manual ("Cobrança
//! Registrada — Manual Técnico Módulo I, Arquivos Remessa-Retorno CNAB 400", maio/2014, pp. 10-16). No HSBC remessa
//! is in the corpus.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::{read, write_remessa, Bank, CnabFile, Layout, ReadOptions, Remessa};
mod common;
use common::dec as d;

fn model() -> Remessa {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/399-hsbc/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn written_remessa_matches_manual_positions() {
    let bytes = write_remessa(&model(), Bank::new(399), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l.len() == 400));
    // Header (pp. 10-11).
    let h = lines[0];
    assert_eq!(&h[0..26], "01REMESSA01COBRANCA       ");
    assert_eq!(&h[26..46], "043215543215678900  "); // 027 zero, 028-031 agência, 032-033 "55", 034-044 conta (nota 1)
    assert_eq!(&h[76..79], "399");
    assert_eq!(&h[94..100], "201126");
    assert_eq!(&h[100..117], "01600BPI  LANCV08"); // 101-105, 106-108, 109-110, 111-117 sigla do layout
    assert_eq!(&h[394..400], "000001");
    // Detalhe (pp. 12-15).
    let l = lines[1];
    assert_eq!(&l[0..17], "10211222333000181"); // 001, 002-003, 004-017
    assert_eq!(&l[17..37], "043215543215678900  "); // 018 zero, 019-022, 023-024, 025-035, 036-037
    assert_eq!(&l[37..62], "PEDIDO 1001              "); // 038-062 controle do participante
    assert_eq!(&l[62..73], "00000000000"); // 063-073 nosso número (cobrança simplificada: zeros)
    assert_eq!(&l[107..110], "101"); // 108 carteira, 109-110 ocorrência
    assert_eq!(&l[110..120], "NF-1001   ");
    assert_eq!(&l[120..126], "151226");
    assert_eq!(&l[126..139], "0000000012750");
    assert_eq!(&l[139..147], "39900000"); // 140-142 banco cobrador, 143-147 agência depositária
    assert_eq!(&l[147..156], "01N201126"); // 148-149 espécie DP, 150 aceite, 151-156 emissão
    assert_eq!(&l[156..160], "7700"); // 157-158 instrução 1 (protestar dias úteis), 159-160
    assert_eq!(&l[160..173], "0000000000013"); // 161-173 juros de mora por dia
    assert_eq!(&l[218..234], "0100052998224725"); // 219-220, 221-234 pagador
    assert_eq!(&l[274..293], "RUA DAS FLORES, 100"); // 275-312 endereço (38)
    assert_eq!(&l[314..326], "CENTRO      "); // 315-326 bairro
    assert_eq!(&l[326..351], "01001000SAO PAULO      SP"); // 327-334 CEP, 335-349 cidade, 350-351 UF
    assert_eq!(&l[391..400], "059000002"); // 392-393 prazo de protesto, 394 moeda Real (9), 395-400
                                           // Second title: pedido de baixa with nosso número, desconto and sacador/avalista.
    let l = lines[2];
    assert_eq!(&l[62..73], "12345678901");
    assert_eq!(&l[107..110], "102");
    assert_eq!(&l[173..192], "0501270000000002500"); // 174-179 data, 180-192 valor do desconto
    assert!(l[351..390].starts_with("MARIA AVALISTA ")); // 352-390 sacador/avalista
                                                         // Trailer (p. 16).
    assert!(lines[3].starts_with('9'));
    assert_eq!(&lines[3][394..400], "000004");
}

#[test]
fn written_remessa_reads_back_strictly() {
    let bytes = write_remessa(&model(), Bank::new(399), Layout::Cnab400).unwrap();
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.bank.unwrap().code(), 399);
    assert_eq!(r.titulos.len(), 2);
    let t = &r.titulos[0];
    assert_eq!(t.carteira, "1");
    assert_eq!(t.valor, d("127.50"));
    assert_eq!(t.vencimento, NaiveDate::from_ymd_opt(2026, 12, 15));
    assert_eq!(t.protesto.codigo, "77");
    assert_eq!(t.protesto.prazo, Some(5));
    assert_eq!(t.juros.valor, Some(d("0.13")));
    let t = &r.titulos[1];
    assert_eq!(t.movimento, "02");
    assert_eq!(t.nosso_numero, "12345678901");
    assert_eq!(t.desconto.valor, Some(d("25.00")));
    assert_eq!(
        t.sacador_avalista.as_ref().map(|s| s.nome.as_str()),
        Some("MARIA AVALISTA")
    );
}
