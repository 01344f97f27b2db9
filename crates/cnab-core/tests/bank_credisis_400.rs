//! CrediSIS (097) CNAB 400: the manual's own model files, pyCobranca's remessa, and write→read of a remessa checked
//! position by position against "Layout CNAB 400 Remessa/Retorno" v1.1 (junho/2017).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::{
    read, write_remessa, Bank, CnabFile, ErrorKind, Layout, OcorrenciaKind, ReadOptions, Remessa,
};
mod common;
use common::{corpus, dec as d};

#[test]
fn corpus_model_retorno_reads_strictly() {
    let Some(bytes) = corpus("097-credisis/cnab400/retorno/brcobranca__RETORNO_CNAB400_MODELO.txt")
    else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 97);
    assert_eq!(
        (
            r.header.beneficiario.agencia.as_str(),
            r.header.beneficiario.conta.as_str()
        ),
        ("0002", "00063291")
    );
    assert_eq!(r.header.nsa, Some(8));
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "09710002009871000149");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaConfirmada
    );
    assert_eq!(e.data_ocorrencia, NaiveDate::from_ymd_opt(2017, 5, 26));
    assert_eq!(e.vencimento, NaiveDate::from_ymd_opt(2017, 6, 26));
    assert_eq!(e.valor_titulo, Some(d("100.00")));
    assert_eq!(e.pagador.as_ref().unwrap().nome, "monica");
}

#[test]
fn corpus_model_remessa_reads_strictly() {
    // The manual's model remessa writes 11-digit CPFs left-aligned in the 9(14) inscrição fields (4-17, 160-173, and
    // 4-17 of the detalhe opcional); the reader takes such space-padded digits as the number.
    let Some(bytes) = corpus("097-credisis/cnab400/remessa/brcobranca__REMESSA_CNAB400_MODELO.txt")
    else {
        return;
    };
    // Its defects against the table: the street numbers (pagador 274-279, sacador 93-98 of the detalhe opcional,
    // printed numeric) left-aligned ("144   ", "354   ").
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    let found: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        [
            r#"line 2, columns 274-279 (pagador_numero): expected digits, found "144   ""#,
            r#"line 3, columns 93-98 (sacador_numero): expected digits, found "354   ""#
        ]
    );
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "09710002009871000153");
    assert_eq!(t.movimento, "01");
    assert_eq!(t.valor, d("55000.00"));
    assert_eq!(t.vencimento, NaiveDate::from_ymd_opt(2017, 7, 29));
    assert_eq!(t.pagador.nome, "ELIZEU RAFAEL PRADO");
    assert_eq!(t.pagador.cep, "76901015");
    // Detalhe opcional, 4 decimals: 000000020000000 at 285-299 is R$ 2.000,00.
    assert_eq!(
        (t.juros.codigo.as_str(), t.juros.valor),
        ("F", Some(d("2000.0000")))
    );
    assert_eq!(t.desconto.data, NaiveDate::from_ymd_opt(2017, 6, 12));
    assert!(t.sacador_avalista.is_some());
}

#[test]
fn corpus_pycobranca_remessa_is_not_this_layout() {
    // pyCobranca's "CrediSIS" remessa does not follow the v1.1 manual: 402-byte detail lines, a blank between agência
    // and conta (22), the nosso número starting at 63 instead of 57. Read leniently, every detail shows line-length
    // and field problems.
    let Some(bytes) =
        corpus("097-credisis/cnab400/remessa/pycobranca__remessa_credisis_cnab400.rem")
    else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    let long = r
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ErrorKind::LineLength { found: 402, .. }))
        .count();
    assert_eq!(long, 2);
    assert!(r.problems.iter().any(|p| p.field == Some("nosso_numero")));
}

#[test]
fn written_remessa_matches_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/097-credisis/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(97), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines.iter().all(|l| l.len() == 400));
    assert_eq!(&lines[0][0..19], "01REMESSA01COBRANCA");
    assert_eq!(&lines[0][76..94], "097CENTRALCREDI   "); // 077-094 identificação do banco
    assert_eq!(&lines[0][100..107], "0000008"); // 101-107 sequencial remessa
    assert_eq!(&lines[0][391..394], "001"); // 392-394 versão
    let l = lines[1];
    assert_eq!(&l[17..30], "0002000632910"); // 018-021 agência, 022-029 conta, 030 DV
    assert_eq!(&l[56..76], "09710002009871000153"); // 057-076 nosso número
    assert_eq!(&l[76..84], "01201126"); // 077-078 operação, 079-084 data da operação
    assert_eq!(&l[94..96], "05"); // 095-096 espécie
    assert_eq!(&l[97..101], "5 01"); // 098-099 dias de carência, 100-101 envio: cartório
    assert_eq!(&l[110..120], "NF-1001   "); // 111-120 número do documento
    assert_eq!(&l[120..139], "1512260000000012750"); // 121-126 vencimento, 127-139 valor
    assert_eq!(&l[150..156], "201126"); // 151-156 emissão
    assert_eq!(&l[157..173], "0100052998224725"); // 158-159, 160-173 pagador
    assert_eq!(&l[331..339], "76901015"); // 332-339 CEP
    let o = lines[3];
    assert_eq!(&o[0..17], "20100011144477735"); // detalhe opcional: sacador 002-017
    assert_eq!(&o[284..300], "000000000008333F"); // 285-299 juros (4 decimais), 300 tipo
    assert_eq!(&o[303..319], "000000000020000P"); // 304-318 multa, 319 tipo
    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos[1].juros.valor, Some(d("0.8333")));
    assert_eq!(
        back.titulos[1].mensagens,
        vec!["NAO RECEBER APOS 30 DIAS".to_string()]
    );
}
