//! Banco do Brasil (001) CNAB 400 remessa for convênios of 6 positions (CBR640, detalhe tipo 1): spec selection by
//! `header.layout_versao = "CBR640"`, write→read checked byte by byte against the manual's positions, and the corpus
//! remessas (all convênio 7, tipo 7) still read by the default spec.

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)]

use cnab_core::banks::bb::cnab400::{REMESSA, REMESSA_CONVENIO_6};
use cnab_core::{
    read, write_remessa, write_remessa_spec, Bank, CnabFile, FileKind, Layout, ReadOptions,
    Remessa, WriteOptions,
};
use rust_decimal::Decimal;
use std::str::FromStr;

mod common;
#[allow(unused_imports)]
use common::*;

fn remessa(bytes: &[u8]) -> Remessa {
    match read(bytes, ReadOptions::strict()) {
        Ok(CnabFile::Remessa(r)) => r,
        other => panic!("not a remessa: {other:?}"),
    }
}

fn model() -> Remessa {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/001-bb/cnab400/remessa/remessa_convenio6.model.json"
    ))
    .unwrap();
    serde_json::from_str(&json).unwrap()
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_product_name_picks_the_convenio_6_table() {
    let bb = cnab_core::banks::spec(1).unwrap();
    let six = bb
        .layout(Layout::Cnab400, FileKind::Remessa, "CBR640")
        .unwrap();
    assert_eq!(six.source, REMESSA_CONVENIO_6.source);
    assert_eq!(six.versions, &["CBR640"]);
    // no version (what a CNAB 400 header gives) and CBR641 keep the convênio-7 default
    assert_eq!(
        bb.layout(Layout::Cnab400, FileKind::Remessa, "")
            .unwrap()
            .source,
        REMESSA.source
    );
    assert_eq!(
        bb.layout(Layout::Cnab400, FileKind::Remessa, "CBR641")
            .unwrap()
            .source,
        REMESSA.source
    );
}

#[test]
fn written_convenio_6_remessa_has_the_manual_positions() {
    let bytes = write_remessa(&model(), Bank::new(1), Layout::Cnab400).unwrap();
    let l = lines(&bytes);
    // header, título 1 (tipo 1), título 2 (tipo 1) + multa (tipo 5), trailer
    assert_eq!(l.len(), 5);
    assert!(l.iter().all(|x| x.len() == 400));
    let h = &l[0];
    assert_eq!(&h[0..19], "01REMESSA01COBRANCA");
    assert_eq!(&h[26..40], "12343000123456"); // agência, DV, conta, DV (27-40)
    assert_eq!(&h[40..46], "123456"); // convênio 41-46
    assert_eq!(&h[76..94], "001BANCODOBRASIL  ");
    assert_eq!(&h[94..107], "2011260000008"); // data 95-100, sequencial da remessa 101-107
    assert!(h[107..394].bytes().all(|b| b == b' ')); // no convênio líder for convênio 6
    let d = &l[1];
    assert_eq!(&d[0..1], "1"); // tipo 1
    assert_eq!(&d[1..17], "0211222333000181");
    assert_eq!(&d[17..37], "12343000123456123456"); // agência, DV, conta, DV, convênio 32-37
    assert_eq!(&d[37..47], "PEDIDO 901"); // controle do participante 38-62
    assert_eq!(&d[62..73], "12345600001"); // nosso número 63-73
    assert_eq!(&d[73..74], "7"); // DV 74
    assert_eq!(&d[74..78], "0000"); // prestação 75-76, grupo de valor 77-78
    assert_eq!(&d[78..85], "       "); // brancos 79-81, indicativo 82, prefixo 83-85
    assert_eq!(&d[85..88], "019"); // variação 86-88
    assert_eq!(&d[88..101], "0000000000000"); // conta caução 89, responsabilidade 90-95, borderô 96-101
    assert_eq!(&d[106..110], "1801"); // carteira 107-108, comando 109-110
    assert_eq!(&d[110..120], "NF-2001   ");
    assert_eq!(&d[120..139], "1512260000000035075"); // vencimento, valor
    assert_eq!(&d[139..149], "0010000 01"); // banco, agência cobradora, DV, espécie
    assert_eq!(&d[149..160], "N2011260600"); // aceite, emissão, instruções
    assert_eq!(&d[160..173], "0000000000035"); // juros por dia
    assert_eq!(&d[218..234], "0100011144477735");
    assert_eq!(&d[391..400], "10 000002"); // dias de protesto 392-393, sequencial
    assert_eq!(&l[2][62..74], "123456000025");
    assert_eq!(&l[3][0..22], "5992110127000000000200"); // multa tipo 5
    assert_eq!(&l[4][0..1], "9");
    assert_eq!(&l[4][394..400], "000005");
}

#[test]
fn convenio_6_remessa_reads_back_through_the_default_spec() {
    let bytes = write_remessa(&model(), Bank::new(1), Layout::Cnab400).unwrap();
    let back = remessa(&bytes);
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.titulos.len(), 2);
    let t = &back.titulos[0];
    assert_eq!(t.nosso_numero, "12345600001");
    assert_eq!(t.nosso_numero_dv.as_deref(), Some("7"));
    assert_eq!(t.valor, Decimal::from_str("350.75").unwrap());
    assert_eq!(t.vencimento, chrono::NaiveDate::from_ymd_opt(2026, 12, 15));
    assert_eq!(t.variacao, "019");
    assert_eq!(t.carteira, "18");
    assert_eq!(t.protesto.prazo, Some(10));
    assert_eq!(
        back.titulos[1].multa.valor,
        Some(Decimal::from_str("2.00").unwrap())
    );
}

#[test]
fn the_spec_can_be_passed_directly() {
    let mut m = model();
    m.header.layout_versao.clear();
    let bytes = write_remessa_spec(
        &m,
        Bank::new(1),
        &REMESSA_CONVENIO_6,
        WriteOptions::default(),
    )
    .unwrap()
    .bytes;
    assert_eq!(&lines(&bytes)[1][0..1], "1");
    // without the product name the default writes convênio-7 tipo 7 details
    let mut m7 = model();
    m7.header.layout_versao.clear();
    m7.header.beneficiario.convenio = "1234567".into();
    for t in &mut m7.titulos {
        t.nosso_numero = format!("1234567{:0>10}", &t.nosso_numero[6..]);
        t.nosso_numero_dv = None;
    }
    let bytes = write_remessa(&m7, Bank::new(1), Layout::Cnab400).unwrap();
    assert_eq!(&lines(&bytes)[1][0..1], "7");
    assert_eq!(&lines(&bytes)[1][63..80], "12345670000000001");
}

#[test]
fn corpus_remessas_still_read_with_the_default_spec() {
    if !corpus_dir().is_dir() {
        eprintln!("corpus absent: skipping");
        return;
    }
    for (f, nn, valor) in [
        (
            "brcobranca__remessa-banco-brasil-cnab400.rem",
            "12345670000000123",
            "199.90",
        ),
        (
            "pycobranca__remessa_banco_brasil_cnab400.rem",
            "12345670012345678",
            "199.90",
        ),
    ] {
        let b = std::fs::read(corpus_dir().join("001-bb/cnab400/remessa").join(f)).unwrap();
        let r = remessa(&b);
        assert!(r.problems.is_empty(), "{f}: {:?}", r.problems);
        assert_eq!(r.titulos[0].nosso_numero, nn, "{f}");
        assert_eq!(r.titulos[0].valor, Decimal::from_str(valor).unwrap(), "{f}");
        assert_eq!(r.titulos[0].nosso_numero_dv, None, "{f}");
    }
}
