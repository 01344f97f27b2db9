//! Pix data of a título (boleto híbrido) in remessas: written where the layout has a record for them (Santander
//! CNAB 240 segmento Y-03, Santander CNAB 400 tipo 8, Itaú CNAB 400 tipo 3), read back, checked, and refused naming
//! the field elsewhere.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use cnab_core::{
    read_remessa, write_remessa, Bank, ErrorKind, Layout, PixInfo, ReadOptions, Remessa,
    TipoPagamento,
};
use rust_decimal::Decimal;

fn fixture(rel: &str) -> Remessa {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(rel);
    cnab_core::remessa_from_json(&std::fs::read(p).unwrap()).unwrap()
}

fn corpus(rel: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real")
        .join(rel);
    std::fs::read(p).ok()
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The model field, value and reason of a refusal.
fn refusal(e: &cnab_core::Error) -> (String, String, String) {
    match &e.kind {
        ErrorKind::Unwritable { detail } => (
            detail.field.clone(),
            detail.value.clone(),
            detail.reason.clone(),
        ),
        other => panic!("not a refusal: {other:?}"),
    }
}

const CNPJ_BCB: &str = "00038166000105"; // Manual de Padrões para Iniciação do Pix §1.4.2
const TXID: &str = "NF1001VENC20261215SANTANDER"; // 27 characters

fn santander_with_pix() -> Remessa {
    let mut r = fixture("033-santander/cnab240/remessa/remessa.model.json");
    r.titulos[0].pix = Some(PixInfo {
        tipo_chave: "2".into(),
        chave: CNPJ_BCB.into(),
        txid: TXID.into(),
        ..PixInfo::default()
    });
    r
}

#[test]
fn santander_240_writes_a_byte_exact_y03_and_reads_it_back() {
    let r = santander_with_pix();
    let bytes = write_remessa(&r, Bank::new(33), Layout::Cnab240).unwrap();
    let ls = lines(&bytes);
    // Header, batch header, P, Q, Y-03 of the first título; P, Q, R of the second; trailers.
    let y: Vec<&String> = ls.iter().filter(|l| l.as_bytes()[13] == b'Y').collect();
    assert_eq!(y.len(), 1);
    let expected = format!(
        "0330001300003Y 0103{}2{:<77}{:<35}{}",
        " ".repeat(61),
        CNPJ_BCB,
        TXID,
        " ".repeat(47)
    );
    assert_eq!(expected.len(), 240);
    assert_eq!(*y[0], expected);
    assert_eq!(ls[4], expected); // right after P and Q
                                 // The batch trailer counts it (header + P, Q, Y + P, Q, R + trailer = 8).
    let trailer = ls.iter().find(|l| l.as_bytes()[7] == b'5').unwrap();
    assert_eq!(&trailer[17..23], "000008");

    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[0].pix, r.titulos[0].pix);
    assert_eq!(back.titulos[1].pix, None);
    // Written again from what was read, the Y-03 is the same bytes.
    let again = write_remessa(&back, Bank::new(33), Layout::Cnab240).unwrap();
    assert_eq!(lines(&again)[4], expected);
}

#[test]
fn the_tipo_de_chave_is_taken_from_the_chave_when_not_given() {
    let mut r = santander_with_pix();
    let pix = r.titulos[0].pix.as_mut().unwrap();
    pix.tipo_chave.clear();
    pix.chave = "cobranca@padaria.com.br".into();
    let bytes = write_remessa(&r, Bank::new(33), Layout::Cnab240).unwrap();
    let y = lines(&bytes).into_iter().nth(4).unwrap();
    assert_eq!(&y[80..81], "4"); // e-mail
    assert_eq!(y[81..158].trim_end(), "cobranca@padaria.com.br");
    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[0].pix.as_ref().unwrap().tipo_chave, "4");
}

#[test]
fn santander_240_y_records_other_than_03_stay_raw() {
    // A Y-01 (sacador) after a P and Q is read with FEBRABAN's generic Y, not as Pix.
    let r = santander_with_pix();
    let bytes = write_remessa(&r, Bank::new(33), Layout::Cnab240).unwrap();
    let mut text = String::from_utf8(bytes).unwrap();
    let y03 = lines(text.as_bytes())[4].clone();
    let y01 = format!("{}01{}", &y03[..17], " ".repeat(221));
    text = text.replace(&y03, &y01);
    let back = read_remessa(text.as_bytes(), ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[0].pix, None);
    let rec = back.records.iter().find(|x| x.line == 5).unwrap();
    assert_eq!(rec.layout.map(|l| l.name), Some("segmento_y"));
}

#[test]
fn pix_values_are_checked_naming_the_field() {
    let cases: [(&str, &str, &str, &str); 6] = [
        ("2", "00038166000106", TXID, "pix.chave"), // wrong CNPJ check digits
        ("1", CNPJ_BCB, TXID, "pix.tipo_chave"),    // a CNPJ given as a CPF key
        ("9", CNPJ_BCB, TXID, "pix.tipo_chave"),    // no such code
        ("2", CNPJ_BCB, "CURTO123", "pix.txid"),    // 8 characters
        ("2", CNPJ_BCB, "NF-1001-VENC-20261215-SANTANDER", "pix.txid"), // hyphens
        ("2", "+55 61 91234-5678", TXID, "pix.chave"), // phone not in +55DDNNNNNNNNN form
    ];
    for (tipo, chave, txid, field) in cases {
        let mut r = santander_with_pix();
        r.titulos[0].pix = Some(PixInfo {
            tipo_chave: tipo.into(),
            chave: chave.into(),
            txid: txid.into(),
            ..PixInfo::default()
        });
        let e = write_remessa(&r, Bank::new(33), Layout::Cnab240).unwrap_err();
        let (f, _, reason) = refusal(&e);
        assert_eq!(f, field, "{tipo} {chave} {txid}: {reason}");
    }
    let mut r = santander_with_pix();
    r.titulos[0].pix.as_mut().unwrap().txid = "CURTO123".into();
    let e = write_remessa(&r, Bank::new(33), Layout::Cnab240).unwrap_err();
    assert_eq!(
        refusal(&e),
        (
            "pix.txid".into(),
            "CURTO123".into(),
            "8 characters: the txid of a cobrança com vencimento has 26 to 35 (Manual de Padrões para Iniciação do Pix v2.6.2, Anexo I §5.3)".into()
        )
    );
}

#[test]
fn a_layout_without_a_pix_record_refuses_the_pix_data() {
    // Banco do Brasil CNAB 240, Bradesco and C6 CNAB 400: no Pix record we write (the tipo 8 the generators write
    // for Bradesco and C6 is read only: no manual of those banks we hold defines it).
    for (bank, layout, rel) in [
        (
            1,
            Layout::Cnab240,
            "001-bb/cnab240/remessa/remessa.model.json",
        ),
        (
            237,
            Layout::Cnab400,
            "237-bradesco/cnab400/remessa/remessa.model.json",
        ),
        (
            336,
            Layout::Cnab400,
            "336-c6/cnab400/remessa/remessa.model.json",
        ),
    ] {
        let mut r = fixture(rel);
        r.titulos[0].pix = Some(PixInfo {
            chave: CNPJ_BCB.into(),
            ..PixInfo::default()
        });
        let e = write_remessa(&r, Bank::new(bank), layout).unwrap_err();
        let (field, value, reason) = refusal(&e);
        assert_eq!((field.as_str(), value.as_str()), ("pix.chave", CNPJ_BCB));
        assert!(
            reason.starts_with("this bank's layout has no Pix record we write"),
            "{reason}"
        );
        assert!(e.to_string().contains("pix.chave"), "{e}");
    }
}

fn itau_with_pix() -> Remessa {
    let mut r = fixture("341-itau/cnab400/remessa/remessa.model.json");
    r.titulos[0].movimento = "71".into();
    r.titulos[0].pix = Some(PixInfo {
        chave: "financeiro@padaria.com.br".into(),
        location: "1234567890".into(),
        ..PixInfo::default()
    });
    r
}

#[test]
fn itau_400_writes_the_tipo_3_and_reads_it_back() {
    let r = itau_with_pix();
    let bytes = write_remessa(&r, Bank::new(341), Layout::Cnab400).unwrap();
    let ls = lines(&bytes);
    let threes: Vec<(usize, &String)> = ls
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with('3'))
        .collect();
    assert_eq!(threes.len(), 1);
    let (i, l) = threes[0];
    // Right after the título's tipo 1 (and its tipo 2 when it has a multa); sequence = line number.
    assert!(ls[i - 1].starts_with('1') || ls[i - 1].starts_with('2'));
    let expected = format!(
        "3{:<77}{:<64}{}{:06}",
        "financeiro@padaria.com.br",
        "1234567890",
        " ".repeat(252),
        i + 1
    );
    assert_eq!(*l, expected);
    assert_eq!(&ls[1][108..110], "71");
    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[0].pix, r.titulos[0].pix);
    assert_eq!(back.titulos[0].movimento, "71");
    assert_eq!(back.titulos[1].pix, None);
    let again = write_remessa(&back, Bank::new(341), Layout::Cnab400).unwrap();
    assert_eq!(lines(&again)[i], expected);
}

#[test]
fn itau_400_pix_needs_movimento_71_and_has_no_txid() {
    let mut r = itau_with_pix();
    r.titulos[0].movimento = "01".into();
    let e = write_remessa(&r, Bank::new(341), Layout::Cnab400).unwrap_err();
    let (field, value, reason) = refusal(&e);
    assert_eq!((field.as_str(), value.as_str()), ("movimento", "01"));
    assert!(reason.contains("ocorrência 71"), "{reason}");

    let mut r = itau_with_pix();
    r.titulos[0].pix.as_mut().unwrap().txid = TXID.into();
    let e = write_remessa(&r, Bank::new(341), Layout::Cnab400).unwrap_err();
    assert_eq!(
        refusal(&e),
        (
            "pix.txid".into(),
            TXID.into(),
            "this layout's Pix record has no field for it: not written".into()
        )
    );

    let mut r = itau_with_pix();
    r.titulos[0].pix.as_mut().unwrap().location = "LOC-1".into();
    let e = write_remessa(&r, Bank::new(341), Layout::Cnab400).unwrap_err();
    assert_eq!(refusal(&e).0, "pix.location");
}

#[test]
fn unknown_pix_keys_in_the_model_json_are_refused() {
    let json = br#"{"header": {}, "titulos": [{"pix": {"chave": "a@b.co", "txdi": "X"}}]}"#;
    let e = cnab_core::remessa_from_json(json).unwrap_err();
    assert!(
        matches!(&e.kind, ErrorKind::BadModel { path, .. } if path == "titulos[0].pix.txdi"),
        "{e}"
    );
}

#[test]
fn corpus_pix_remessas_expose_chave_and_txid() {
    let cases: [(&str, usize, &str, &str, &str); 4] = [
        (
            "033-santander/cnab400/remessa/brcobranca__remessa-santander-cnab400-pix.rem",
            0,
            "1",
            "12345678910",
            "",
        ),
        (
            "033-santander/cnab400/remessa/pycobranca__remessa_santander_pix_cnab400.rem",
            1,
            "4",
            "COBRANCA@EMPRESA.COM.BR",
            "TX2026090100000000000000002",
        ),
        (
            "237-bradesco/cnab400/remessa/maxwbhbrcobranca__bradesco_cnab400_pix.rem",
            0,
            "2",
            "12345678000100",
            "TXID20260416001",
        ),
        (
            "336-c6/cnab400/remessa/pycobranca__remessa_banco_c6_pix_cnab400.rem",
            0,
            "",
            "",
            "",
        ),
    ];
    for (rel, i, tipo, chave, txid) in cases {
        let Some(bytes) = corpus(rel) else { continue };
        let r = read_remessa(&bytes, ReadOptions::default()).unwrap();
        let got = r.titulos[i].pix.clone().unwrap_or_default();
        if chave.is_empty() {
            // Only print what the file has: every tipo 8 of the file feeds its título.
            assert!(r.titulos.iter().any(|t| t.pix.is_some()), "{rel}");
            continue;
        }
        assert_eq!(
            (
                got.tipo_chave.as_str(),
                got.chave.as_str(),
                got.txid.as_str()
            ),
            (tipo, chave, txid),
            "{rel}"
        );
    }
}

fn santander_400_with_pix() -> Remessa {
    let mut r = fixture("033-santander/cnab400/remessa/remessa.model.json");
    r.titulos[0].pix = Some(PixInfo {
        chave: "financeiro@padaria.com.br".into(),
        txid: TXID.into(),
        pagamento: Some(TipoPagamento {
            tipo: "02".into(),
            quantidade: Some(1),
            tipo_valor: "2".into(),
            valor_maximo: Some(Decimal::new(13000, 2)),
            percentual_maximo: None,
            valor_minimo: Some(Decimal::new(12000, 2)),
            percentual_minimo: None,
        }),
        ..PixInfo::default()
    });
    r
}

#[test]
fn santander_400_writes_a_byte_exact_tipo_8_and_reads_it_back() {
    let r = santander_400_with_pix();
    let bytes = write_remessa(&r, Bank::new(33), Layout::Cnab400).unwrap();
    let ls = lines(&bytes);
    let eights: Vec<(usize, &String)> = ls
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with('8'))
        .collect();
    assert_eq!(eights.len(), 1, "only the título with Pix data has one");
    let (i, l) = eights[0];
    assert!(
        ls[i - 1].starts_with('1'),
        "right after the título's tipo 1"
    );
    // H7800 v2.17 registro tipo 8: tipo 02, 1 pagamento, tipo de valor 2 (valor), máximo 130,00, percentual
    // máximo 0, mínimo 120,00, percentual mínimo 0; then tipo de chave 4 (e-mail), chave, txid, brancos, sequência.
    let expected = format!(
        "8{}{}{}{}{}{}{}4{:<77}{:<35}{}{:06}",
        "02",
        "01",
        "2",
        "0000000013000",
        "00000",
        "0000000012000",
        "00000",
        "financeiro@padaria.com.br",
        TXID,
        " ".repeat(239),
        i + 1
    );
    assert_eq!(expected.len(), 400);
    assert_eq!(*l, expected);
    let trailer = ls.last().unwrap();
    assert_eq!(&trailer[394..400], format!("{:06}", ls.len()));

    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    let mut want = r.titulos[0].pix.clone().unwrap();
    want.tipo_chave = "4".into(); // written from the chave's type, read back as given
    let got = back.titulos[0].pix.clone().unwrap();
    assert_eq!(got.chave, want.chave);
    assert_eq!(got.txid, want.txid);
    assert_eq!(got.tipo_chave, "4");
    let pg = got.pagamento.clone().unwrap();
    assert_eq!(
        (pg.tipo.as_str(), pg.quantidade, pg.tipo_valor.as_str()),
        ("02", Some(1), "2")
    );
    assert_eq!(pg.valor_maximo, Some(Decimal::new(13000, 2)));
    assert_eq!(pg.valor_minimo, Some(Decimal::new(12000, 2)));
    assert_eq!(back.titulos[1].pix, None);
    let again = write_remessa(&back, Bank::new(33), Layout::Cnab400).unwrap();
    assert_eq!(lines(&again)[i], expected);
}

#[test]
fn santander_400_tipo_de_pagamento_alone_is_the_manuals_record() {
    // Without Pix data the tipo 8 is the H7800 v2.17 record as printed: positions 43-394 blank.
    let mut r = santander_400_with_pix();
    r.titulos[0].pix.as_mut().unwrap().chave.clear();
    r.titulos[0].pix.as_mut().unwrap().txid.clear();
    let bytes = write_remessa(&r, Bank::new(33), Layout::Cnab400).unwrap();
    let ls = lines(&bytes);
    let l = ls.iter().find(|l| l.starts_with('8')).unwrap();
    assert_eq!(
        &l[..42],
        format!(
            "80201{}{}{}{}{}",
            "2", "0000000013000", "00000", "0000000012000", "00000"
        )
    );
    assert_eq!(l[42..394].trim(), "");
    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[0].pix, r.titulos[0].pix);
}

#[test]
fn a_tipo_de_pagamento_where_no_record_carries_it_is_refused() {
    let mut r = fixture("237-bradesco/cnab400/remessa/remessa.model.json");
    r.titulos[0].pix = Some(PixInfo {
        pagamento: Some(TipoPagamento {
            tipo: "01".into(),
            ..TipoPagamento::default()
        }),
        ..PixInfo::default()
    });
    let e = write_remessa(&r, Bank::new(237), Layout::Cnab400).unwrap_err();
    let (field, _, reason) = refusal(&e);
    assert_eq!(field, "pix.pagamento");
    assert!(reason.contains("Santander CNAB 400 tipo 8"), "{reason}");
}

#[test]
fn corpus_santander_400_tipo_8_round_trips_with_its_tipo_de_pagamento() {
    let rel = "033-santander/cnab400/remessa/pycobranca__remessa_santander_pix_cnab400.rem";
    let Some(bytes) = corpus(rel) else { return };
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    let pg = r.titulos[0]
        .pix
        .as_ref()
        .unwrap()
        .pagamento
        .clone()
        .unwrap();
    // "00" (conforme perfil do beneficiário, as the generators write it), 1 pagamento, tipo de valor 1, 100,00 and
    // 100,00 % both ways.
    assert_eq!(
        (pg.tipo.as_str(), pg.quantidade, pg.tipo_valor.as_str()),
        ("00", Some(1), "1")
    );
    assert_eq!(pg.valor_maximo, Some(Decimal::new(10000, 2)));
    assert_eq!(pg.percentual_maximo, Some(Decimal::new(10000, 2)));
    // Written again from the model, each título's tipo 8 is the file's, byte for byte.
    let again = write_remessa(&r, Bank::new(33), Layout::Cnab400).unwrap();
    let eights = |b: &[u8]| -> Vec<String> {
        lines(b)
            .into_iter()
            .filter(|l| l.starts_with('8'))
            .collect()
    };
    assert_eq!(eights(&bytes).len(), 2);
    assert_eq!(eights(&again), eights(&bytes));
}

#[test]
fn santander_400_qr_code_data_need_movimento_01() {
    let mut r = santander_400_with_pix();
    r.titulos[0].movimento = "06".into();
    let e = write_remessa(&r, Bank::new(33), Layout::Cnab400).unwrap_err();
    let (field, value, reason) = refusal(&e);
    assert_eq!((field.as_str(), value.as_str()), ("movimento", "06"));
    assert!(reason.contains("ocorrência 01"), "{reason}");
    // A tipo de pagamento alone goes with any movimento.
    r.titulos[0].pix.as_mut().unwrap().chave.clear();
    r.titulos[0].pix.as_mut().unwrap().txid.clear();
    assert!(write_remessa(&r, Bank::new(33), Layout::Cnab400).is_ok());
}
