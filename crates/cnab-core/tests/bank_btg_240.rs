//! BTG Pactual (208) CNAB 240 retorno: FEBRABAN generic tables on the real corpus file.

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

#[test]
fn corpus_retorno_reads_leniently_with_its_defects() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/208-btg/cnab240/retorno/laravelboleto__btg.ret");
    let Ok(bytes) = std::fs::read(p) else { return };
    assert!(read(&bytes, ReadOptions::strict()).is_err());
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 208);
    assert_eq!(r.entries.len(), 2);
    let e = &r.entries[1];
    assert_eq!(e.nosso_numero, "00000000000000000268");
    assert_eq!(e.seu_numero, "196/1-1");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::Liquidacao
    );
    assert_eq!(e.valor_pago, Some("800.00".parse::<Decimal>().unwrap()));
    assert_eq!(e.data_credito, NaiveDate::from_ymd_opt(2021, 6, 15));
    assert_eq!(
        r.entries[0].ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaConfirmada
    );
    // The file's genuine defects: a batch-header NSA "021     " padded with spaces, 13-digit amounts followed by two
    // spaces in 15-digit fields (T 199-213, U 123-137), a batch header with lote 0000 over details of lote 0001, and
    // trailers counting 1 record where there are 6 and 8.
    let fields: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert!(fields.iter().any(|f| f.contains("numero_remessa_retorno")));
    assert!(fields.iter().any(|f| f.contains("valor_tarifa")));
    assert!(fields.iter().any(|f| f.contains("outros_creditos")));
    let counts = r
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ErrorKind::TrailerCount { .. }))
        .count();
    assert_eq!(counts, 2);
    assert!(
        r.problems.iter().all(|p| {
            let s = p.to_string();
            s.contains("numero_remessa_retorno")
                || s.contains("valor_tarifa")
                || s.contains("outros_creditos")
                || s.contains("qtd_registros")
                || s.contains("(lote)")
        }),
        "{:?}",
        fields
    );
}
