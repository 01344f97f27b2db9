//! Banco Daycoval (707) CNAB 400: Banco Fibra's layout (see `banks::daycoval`), checked on the corpus files.
//!
//! The corpus files come from marcodpt/cnab's test suite and are synthetic: nosso números are random alphanumerics
//! (the manual's 63-73 is 9(11)), ocorrência codes are random (26, 30, 38, 46, 62, 67 are not in the table), and the
//! remessa writes nosso número and the pagador's CPF left-aligned with trailing spaces. Those are the only problems.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use cnab_core::{read, CnabFile, ErrorKind, OcorrenciaKind, ReadOptions};
use rust_decimal::Decimal;

fn corpus(rel: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real")
        .join(rel);
    std::fs::read(p).ok()
}

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
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.titulos.len(), 9);
    let t = &r.titulos[0];
    assert_eq!(t.seu_numero, "59723666-D");
    assert_eq!(t.valor, "1793.71".parse::<Decimal>().unwrap());
    assert_eq!(t.vencimento, NaiveDate::from_ymd_opt(2022, 12, 14));
    assert_eq!(t.pagador.inscricao.numero, "34452404000138");
    assert_eq!(t.pagador.nome, "ANTONIO E VERA INFORMATICA ME");
    assert!(
        r.problems
            .iter()
            .all(|p| p.field == Some("nosso_numero") || p.field == Some("pagador_inscricao")),
        "{:?}",
        r.problems
    );
}
