//! Banco Daycoval (707) CNAB 400: Banco Fibra's layout (see `banks::daycoval`), checked on the corpus files.
//!
//! The corpus files come from marcodpt/cnab's test suite and are synthetic: retorno nosso números are random
//! alphanumerics (63-73 is 9(11)) and its ocorrência codes are random (26, 30, 38, 46, 62, 67 are not in the table).
//! The remessa writes Daycoval's 8-digit nosso número at 63-70 with blanks after it, and reads strictly with
//! Daycoval's own remessa detail.

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
fn corpus_retorno_reads_leniently_with_synthetic_defects() {
    let Some(bytes) = corpus("707-daycoval/cnab400/retorno/marcodptcnab__daycoval.txt") else {
        return;
    };
    assert!(read(&bytes, ReadOptions::strict()).is_err());
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 707);
    assert_eq!(
        r.header.beneficiario.codigo_beneficiario,
        "49801110533315798292"
    );
    assert_eq!(r.header.nsa, Some(647));
    assert_eq!(r.entries.len(), 9);
    let e = &r.entries[0];
    assert_eq!(e.seu_numero, "59723666-D");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::Liquidacao
    );
    assert_eq!(e.valor_titulo, Some("1793.71".parse::<Decimal>().unwrap()));
    assert_eq!(e.valor_pago, Some("9359.38".parse::<Decimal>().unwrap()));
    assert_eq!(e.abatimento, Some("563.51".parse::<Decimal>().unwrap()));
    assert_eq!(e.tarifa, Some("0.42".parse::<Decimal>().unwrap()));
    assert_eq!(e.data_credito, NaiveDate::from_ymd_opt(2022, 12, 11));
    assert_eq!(e.banco_cobrador, "104");
    for p in &r.problems {
        let ok = match &p.kind {
            ErrorKind::UnknownOcorrencia { code } => {
                ["26", "30", "38", "46", "62", "67"].contains(&code.as_str())
            }
            _ => p.field == Some("nosso_numero"),
        };
        assert!(ok, "unexpected problem: {p}");
    }
}

#[test]
fn corpus_remessa_reads_leniently_with_synthetic_defects() {
    let Some(bytes) = corpus("707-daycoval/cnab400/remessa/marcodptcnab__daycoval.txt") else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.titulos.len(), 9);
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "00000000"); // 63-70; 71-107 blank
    assert_eq!(t.seu_numero, "59723666-D");
    assert_eq!(t.valor, "1793.71".parse::<Decimal>().unwrap());
    assert_eq!(t.vencimento, NaiveDate::from_ymd_opt(2022, 12, 14));
    assert_eq!(t.pagador.inscricao.numero, "34452404000138");
    assert_eq!(t.pagador.nome, "ANTONIO E VERA INFORMATICA ME");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn written_remessa_has_the_nosso_numero_at_63_70() {
    // Daycoval's detail (banks::daycoval): 8 digits at 63-70, blanks 71-89; Fibra keeps 63-73.
    let Some(bytes) = corpus("707-daycoval/cnab400/remessa/marcodptcnab__daycoval.txt") else {
        return;
    };
    let CnabFile::Remessa(mut r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    r.titulos.truncate(1);
    r.titulos[0].nosso_numero = "12345678".into();
    let bytes = cnab_core::write_remessa(&r, cnab_core::Bank::new(707), cnab_core::Layout::Cnab400)
        .unwrap();
    let detail = bytes.split(|&b| b == b'\n').nth(1).unwrap();
    assert_eq!(&detail[62..70], b"12345678");
    assert_eq!(&detail[70..89], " ".repeat(19).as_bytes());
    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos[0].nosso_numero, "12345678");
    // nine digits do not fit Daycoval's nosso número: refused, not cut
    r.titulos[0].nosso_numero = "123456789".into();
    assert!(
        cnab_core::write_remessa(&r, cnab_core::Bank::new(707), cnab_core::Layout::Cnab400)
            .is_err()
    );
    // Fibra (224) keeps its 11 digits at 63-73
    r.titulos[0].nosso_numero = "12345678901".into();
    let fibra = cnab_core::write_remessa(&r, cnab_core::Bank::new(224), cnab_core::Layout::Cnab400)
        .unwrap();
    let detail = fibra.split(|&b| b == b'\n').nth(1).unwrap();
    assert_eq!(&detail[62..73], b"12345678901");
}
