//! Banco Pine (643) CNAB 400: Banco Fibra's layout (see `banks::pine`), checked on the real corpus files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::{
    read, write_remessa, Bank, CnabFile, Layout, OcorrenciaKind, ReadOptions, Remessa,
};
use rust_decimal::Decimal;
mod common;
use common::corpus;

#[test]
fn corpus_retorno_reads_strictly() {
    let Some(bytes) = corpus("643-pine/cnab400/retorno/laravelboleto__pine.ret") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 643);
    assert_eq!(r.header.nsa, Some(29));
    assert_eq!(r.entries.len(), 5);
    let e = &r.entries[3];
    assert_eq!(e.nosso_numero, "01044772069");
    assert_eq!(e.seu_numero, "1212501");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::Liquidacao
    );
    assert_eq!(e.valor_titulo, Some("39114.90".parse::<Decimal>().unwrap()));
    assert_eq!(e.valor_pago, Some("40614.28".parse::<Decimal>().unwrap()));
    assert_eq!(e.juros_multa, Some("1499.38".parse::<Decimal>().unwrap()));
    assert_eq!(e.vencimento, NaiveDate::from_ymd_opt(2023, 1, 2));
    assert_eq!(e.banco_cobrador, "237");
}

#[test]
fn corpus_remessa_reads_strictly() {
    let Some(bytes) = corpus("643-pine/cnab400/remessa/laravelboleto__pine.txt") else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.titulos.len(), 1);
    let t = &r.titulos[0];
    assert_eq!(t.carteira, "1");
    assert_eq!(t.vencimento, NaiveDate::from_ymd_opt(2023, 1, 26));
    assert_eq!(t.pagador.nome, "INTRASIS");
    // The type-4 nota fiscal record belongs to the title and is kept raw.
    assert_eq!(r.records.len(), 4);
}

#[test]
fn written_remessa_carries_bank_643() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/643-pine/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(643), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(&lines[0][76..79], "643");
    assert_eq!(&lines[0][26..46], "00048780            "); // 027-046 código da empresa
    assert_eq!(&lines[1][17..37], "00048780            "); // 018-037 código da empresa
    assert_eq!(&lines[1][139..142], "643"); // 140-142 banco cobrador
    assert_eq!(&lines[1][62..73], "00000012345");
}
