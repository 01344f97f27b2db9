//! Banco do Nordeste (004) CNAB 400: real corpus files, the nota 6 error bitmap, and write→read of a remessa checked
//! position by position against "Padrão BNB — CNAB 400 posições".

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
mod common;
use common::{corpus, dec as d};

#[test]
fn corpus_brcobranca_retorno_reads_strictly() {
    let Some(bytes) = corpus("004-bnb/cnab400/retorno/brcobranca__CNAB400BANCONORDESTE.RET") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 4);
    assert_eq!(r.header.beneficiario.agencia, "0217");
    assert_eq!(r.header.beneficiario.conta, "0005691");
    assert_eq!(r.header.nsa, Some(3));
    let e = &r.entries[0];
    assert_eq!(
        (e.nosso_numero.as_str(), e.nosso_numero_dv.as_deref()),
        ("0000011", Some("6"))
    );
    assert_eq!(e.carteira, "I");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::Liquidacao
    );
    assert_eq!(e.valor_pago, Some(d("175.00")));
    assert_eq!(e.tarifa, Some(d("2.60")));
    assert_eq!(e.data_ocorrencia, NaiveDate::from_ymd_opt(2014, 11, 19));
    assert!(e.motivos.is_empty());
}

#[test]
fn corpus_webmatrix_retorno_reads_strictly() {
    let Some(bytes) = corpus("004-bnb/cnab400/retorno/webmatrixboleto__bnb.ret") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.entries.len(), 10);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "0990871");
    assert_eq!(e.seu_numero, "12530/01");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaConfirmada
    );
    assert_eq!(e.valor_titulo, Some(d("442.81")));
    assert_eq!(e.vencimento, NaiveDate::from_ymd_opt(2017, 3, 28));
    let paid: Vec<_> = r
        .entries
        .iter()
        .filter(|e| e.ocorrencia.as_ref().is_some_and(|o| o.code == "06"))
        .collect();
    assert_eq!(paid.len(), 7);
}

#[test]
fn corpus_remessa_reads_strictly() {
    let Some(bytes) =
        corpus("004-bnb/cnab400/remessa/brcobranca__remessa-banco-nordeste-cnab400.rem")
    else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    let t = &r.titulos[0];
    assert_eq!(
        (t.nosso_numero.as_str(), t.nosso_numero_dv.as_deref()),
        ("0000123", Some("6"))
    );
    assert_eq!(t.valor, d("199.90"));
    assert_eq!(t.carteira, "4");
    assert_eq!(t.protesto.prazo, Some(99));
}

#[test]
fn rejected_record_motivos_from_error_bitmap() {
    // A rejected entry (51) with errors 17 (falta valor do título) and 29 (falta nome do sacado) flagged.
    let mut header = String::from("02RETORNO01COBRANCA       02170000056911      PADARIA                       004B.DO NORDESTE  16122601600BPI00003");
    header.push_str(&" ".repeat(394 - header.len()));
    header.push_str("000001");
    let mut det = String::from("10211222333000181021700000569110     ");
    det.push_str(&format!("{:<25}", "X"));
    det.push_str("906113810000000000");
    det.push_str(&" ".repeat(107 - det.len()));
    det.push_str("451161226NF-1001   90611381");
    det.push_str(&" ".repeat(146 - det.len()));
    det.push_str("1512260000000012750004021700100000000000000");
    det.push_str(&"0".repeat(279 - det.len()));
    let mut bits = vec![b'0'; 77];
    bits[16] = b'1';
    bits[28] = b'1';
    det.push_str(std::str::from_utf8(&bits).unwrap());
    det.push_str(&" ".repeat(394 - det.len()));
    det.push_str("000002");
    let mut trailer = String::from("9201004");
    trailer.push_str(&" ".repeat(394 - trailer.len()));
    trailer.push_str("000003");
    let text = format!("{header}\n{det}\n{trailer}\n");
    let CnabFile::Retorno(r) = read(text.as_bytes(), ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[0];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaRejeitada
    );
    let m: Vec<(&str, Option<&str>)> = e
        .motivos
        .iter()
        .map(|m| (m.code.as_str(), m.description.as_deref()))
        .collect();
    assert_eq!(
        m,
        vec![
            ("17", Some("Falta Valor do Título")),
            ("29", Some("Falta Nome Sacado"))
        ]
    );
}

#[test]
fn written_remessa_matches_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/004-bnb/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(4), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[26..40], "02170000056911"); // 027-030 agência, 031-032 zeros, 033-039 conta, 040 DV
    assert_eq!(&h[76..94], "004B.DO NORDESTE  ");
    assert_eq!(&h[100..103], "123"); // 101-103 código do usuário
    let l = lines[1];
    assert_eq!(&l[17..33], "0217000005691102"); // 018-031 agência/conta/DV, 032-033 taxa de multa 2%
    assert_eq!(&l[62..70], "90611381"); // 063-069 nosso número, 070 DV (nota 0 example)
    assert_eq!(&l[107..110], "401"); // 108 carteira, 109-110 serviço
    assert_eq!(&l[120..126], "151226");
    assert_eq!(&l[126..139], "0000000012750");
    assert_eq!(&l[139..142], "004");
    assert_eq!(&l[147..150], "01B"); // 148-149 espécie, 150 aceite
    assert_eq!(&l[218..234], "0100052998224725");
    assert_eq!(&l[326..334], "01001000"); // 327-331 CEP + 332-334 sufixo
    assert_eq!(&l[391..394], "100"); // 392-393 prazo de protesto, 394 moeda
    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos[1].desconto.valor, Some(d("25.00")));
    assert_eq!(back.titulos[0].multa.valor, Some(d("2")));
}
