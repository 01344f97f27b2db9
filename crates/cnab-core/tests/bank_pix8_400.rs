//! The PIX record tipo 8 (tipo de pagamento, chave DICT, TXID) that Maxwbh/brcobranca and pyCobranca write after the
//! detail of their Bradesco and Itaú CNAB 400 remessas: read with the tipo 8 table, values checked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{read, CnabFile, ReadOptions, Remessa};
use rust_decimal::Decimal;
mod common;
use common::corpus;

fn remessa(bytes: &[u8]) -> Remessa {
    let CnabFile::Remessa(r) = read(bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    r
}

/// (line, tipo de chave, chave, txid, valor máximo) of every tipo 8 record.
fn pix(r: &Remessa) -> Vec<(usize, String, String, String, Decimal)> {
    r.records
        .iter()
        .filter(|x| x.layout.map(|l| l.name) == Some("detalhe_pix"))
        .map(|x| {
            let l = x.layout.unwrap();
            let s = |n: &str| {
                String::from_utf8_lossy(l.field(n).unwrap().slice(x.bytes()))
                    .trim()
                    .to_string()
            };
            let max: Decimal = s("valor_maximo").parse::<Decimal>().unwrap() / Decimal::from(100);
            (
                x.line,
                s("tipo_chave_dict"),
                s("chave_dict"),
                s("txid"),
                max,
            )
        })
        .collect()
}

#[test]
fn bradesco_brcobranca_pix_remessa() {
    let Some(bytes) =
        corpus("237-bradesco/cnab400/remessa/maxwbhbrcobranca__bradesco_cnab400_pix.rem")
    else {
        return;
    };
    let r = remessa(&bytes);
    assert!(r.problems.is_empty());
    assert_eq!(r.titulos.len(), 1);
    assert_eq!(r.titulos[0].valor, "123.45".parse::<Decimal>().unwrap());
    let p = pix(&r);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, 3);
    assert_eq!(p[0].1, "2"); // 043: CNPJ
    assert_eq!(p[0].2, "12345678000100"); // 044-120
    assert_eq!(p[0].3, "TXID20260416001"); // 121-155
    assert_eq!(p[0].4, "123.45".parse::<Decimal>().unwrap()); // 007-019
}

#[test]
fn bradesco_and_itau_pycobranca_pix_remessas() {
    for rel in [
        "237-bradesco/cnab400/remessa/pycobranca__remessa_bradesco_pix_cnab400.rem",
        "341-itau/cnab400/remessa/pycobranca__remessa_itau_pix_cnab400.rem",
    ] {
        let Some(bytes) = corpus(rel) else { return };
        let r = remessa(&bytes);
        assert!(r.problems.is_empty(), "{rel}");
        assert_eq!(r.titulos.len(), 2, "{rel}");
        let p = pix(&r);
        assert_eq!(p.len(), 2, "{rel}");
        assert_eq!((p[0].0, p[1].0), (3, 5));
        assert_eq!((p[0].1.as_str(), p[0].2.as_str()), ("2", "11222333000181"));
        assert_eq!(p[0].3, "TX2026080100000000000000001");
        assert_eq!(
            (p[1].1.as_str(), p[1].2.as_str()),
            ("4", "COBRANCA@EMPRESA.COM.BR")
        );
        assert_eq!(p[1].3, "TX2026090100000000000000002");
        assert_eq!(r.titulos[1].valor, "1350.75".parse::<Decimal>().unwrap());
    }
}
