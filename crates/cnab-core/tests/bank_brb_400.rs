//! BRB (070) CNAB 400 retorno: the corpus file, and a hand-made rejection with its coded motive.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::{read, CnabFile, ErrorKind, OcorrenciaKind, ReadOptions};
use rust_decimal::Decimal;
mod common;
use common::corpus;

#[test]
fn corpus_retorno_reads_leniently_with_its_bad_trailer() {
    // brcobranca's sample keeps the trailer of the 30-record file it was cut from: sequencial 000030 on line 3.
    let Some(bytes) = corpus("070-brb/cnab400/retorno/brcobranca__CNAB400BANCOBRASILIA.RET") else {
        return;
    };
    assert!(read(&bytes, ReadOptions::strict()).is_err());
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.problems.len(), 1);
    assert!(matches!(r.problems[0].kind, ErrorKind::TrailerCount { .. }));
    assert_eq!(r.bank.code(), 70);
    assert_eq!(
        r.header.beneficiario.codigo_beneficiario,
        "00000000000279998886"
    );
    assert_eq!(r.header.data_geracao, NaiveDate::from_ymd_opt(2012, 7, 26));
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "107851907015");
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("05", OcorrenciaKind::Liquidacao)
    );
    assert_eq!(e.data_ocorrencia, NaiveDate::from_ymd_opt(2012, 7, 26));
    assert_eq!(e.valor_titulo, Some("264.92".parse::<Decimal>().unwrap()));
    assert_eq!(e.valor_pago, Some("264.92".parse::<Decimal>().unwrap()));
    assert_eq!(e.outras_despesas, Some("29.44".parse::<Decimal>().unwrap()));
    assert_eq!(e.banco_cobrador, "070");
    assert!(e.motivos.is_empty());
    // 119-126 (data de crédito in leiaute 077) is blank in this older file; its liquidação date is at 300-307.
    assert_eq!(
        &bytes[bytes.iter().position(|&b| b == b'\n').unwrap() + 119..][..8],
        b"        "
    );
    assert_eq!(e.data_credito, NaiveDate::from_ymd_opt(2012, 7, 26));
}

/// Detail line 6 of the leiaute's "Exemplo Retorno" sheet (BRB Cobrança — Manual e Leiautes, maio/2017, versão 077):
/// ocorrência 05 (liquidação), data da ocorrência 15/06/2016, data de crédito 16/06/2016 (119-126), data do
/// pagamento 15/06/2016 (300-307), valor pago 22.683,90.
const EXEMPLO_LIQUIDACAO: &str = "10100004236053181   00000002400044990        CTR 20450/2015 456       1042654070382400044990CTR 20450/201  005150620161606201616104265407038        1506201600000022683900700307121000000000000000000000000000000000000000000000000000000000000000000000000000000000000226839000000000000000000000000000  01506201600000022683900000000000000000000000000000000000000000                                  000002";

fn one_detail(detail: &str) -> cnab_core::Retorno {
    let pad = |mut l: String, seq: u32| {
        l.push_str(&" ".repeat(394 - l.len()));
        l.push_str(&format!("{seq:06}"));
        l
    };
    let header = pad(
        format!(
            "02RETORNO01COBRANCA{:7}{:020}{:<30}070BRB{:12}15062016",
            "", 2400044990u64, "BENEFICIARIO COBRANCA", ""
        ),
        1,
    );
    let trailer = pad("9201070".to_string(), 3);
    let text = format!("{header}\n{detail}\n{trailer}\n");
    match read(text.as_bytes(), ReadOptions::lenient()).unwrap() {
        CnabFile::Retorno(r) => r,
        CnabFile::Remessa(_) => panic!("not a retorno"),
    }
}

#[test]
fn data_de_credito_from_119_126_or_from_the_payment_date_when_the_field_is_absent() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    // the leiaute's own example: 119-126 carries the credit date, one day after the payment
    let r = one_detail(EXEMPLO_LIQUIDACAO);
    let e = &r.entries[0];
    assert_eq!(e.valor_pago, Some("22683.90".parse::<Decimal>().unwrap()));
    assert_eq!(e.data_ocorrencia, d(2016, 6, 15));
    assert_eq!(e.data_credito, d(2016, 6, 16));
    // 119-126 as spaces (older files, no such field): the liquidação date at 300-307
    let mut blank = EXEMPLO_LIQUIDACAO.to_string();
    blank.replace_range(118..126, "        ");
    assert_eq!(one_detail(&blank).entries[0].data_credito, d(2016, 6, 15));
    // zeros are the leiaute's "no credit date": nothing is taken from elsewhere
    let mut zeros = EXEMPLO_LIQUIDACAO.to_string();
    zeros.replace_range(118..126, "00000000");
    assert_eq!(zeros.len(), 400);
    assert_eq!(one_detail(&zeros).entries[0].data_credito, None);
    // a malformed payment date behind a blank 119-126 is a problem, not a silent null
    let mut bad = blank.clone();
    bad.replace_range(299..307, "15X62016");
    let r = one_detail(&bad);
    assert_eq!(r.entries[0].data_credito, None);
    assert!(
        r.problems
            .iter()
            .any(|p| p.field == Some("data_pagamento") && p.columns == Some((300, 307))),
        "{:?}",
        r.problems
    );
}

#[test]
fn corpus_pycobranca_remessa_is_read_as_the_dcb_layout_with_named_problems() {
    // pyCobranca's BRB remessa is BRB's "DCB" layout (39-byte header) in its older 075 variant: detected as a BRB
    // remessa; each line that does not fit the 077 tables is named.
    let Some(bytes) =
        corpus("070-brb/cnab400/remessa/pycobranca__remessa_banco_brasilia_cnab400.rem")
    else {
        return;
    };
    let Ok(cnab_core::CnabFile::Remessa(r)) = read(&bytes, ReadOptions::lenient()) else {
        panic!("not read as a remessa");
    };
    assert_eq!(r.bank.map(|b| b.code()), Some(70));
    let first: Vec<(String, usize)> = r
        .problems
        .iter()
        .take(2)
        .map(|e| (e.code().to_string(), e.line))
        .collect();
    assert_eq!(
        first,
        [("bad_const".to_string(), 1), ("line_length".to_string(), 2)]
    );
    // The header's count (3) against the file's 4 lines, checked at the end.
    assert!(r
        .problems
        .iter()
        .any(|e| e.line == 1 && e.code() == "header_count"));
    // Every line of the file is a title's or named by a problem: lines 2 and 3 (titles), 4 (the "9" trailer).
    assert!(r
        .problems
        .iter()
        .any(|e| e.line == 4 && e.code() == "unknown_record"));
}

#[test]
fn rejection_text_becomes_a_coded_motivo() {
    let pad = |mut l: String, seq: u32| {
        l.push_str(&" ".repeat(394 - l.len()));
        l.push_str(&format!("{seq:06}"));
        l
    };
    let header = pad(
        format!(
            "02RETORNO01COBRANCA{:7}{:020}{:<30}070BRB{:12}16122026",
            "", 2400044990u64, "PADARIA", ""
        ),
        1,
    );
    // (start, text) pieces at the leiaute's positions; gaps are blanks.
    let pieces: &[(usize, &str)] = &[
        (1, "101"),
        (4, "00052998224725"),
        (21, "0000000"),
        (28, "2400044990"),
        (46, "PEDIDO 9"),
        (71, "300058407027"),
        (83, "0000000000"),
        (93, "NF-9"),
        (108, "009"),
        (111, "1612202600000000"),
        (127, "00"),
        (129, "300058407027"),
        (141, "0000"),
        (149, "15122026"),
        (157, "0000000012750"),
        (170, "07000001"),
        (178, "21"),
        (180, "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        (300, "00000000"),
        (365, "019 CEP invalido"),
    ];
    let mut d = " ".repeat(394);
    for (start, text) in pieces {
        d.replace_range(start - 1..start - 1 + text.len(), text);
    }
    let trailer = pad("9201070".to_string(), 3);
    let text = format!("{header}\n{}\n{trailer}\n", pad(d, 2));
    let CnabFile::Retorno(r) = read(text.as_bytes(), ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "300058407027");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::InstrucaoRejeitada
    );
    assert_eq!(e.motivos.len(), 1);
    assert_eq!(
        (
            e.motivos[0].code.as_str(),
            e.motivos[0].description.as_deref()
        ),
        ("019", Some("CEP invalido"))
    );
    assert_eq!(e.vencimento, NaiveDate::from_ymd_opt(2026, 12, 15));
}
