//! Unicred (136) CNAB 400 retorno: the Unicred retorno filed under 001 in the corpus (its header says Banco do
//! Brasil), read with the bank forced to 136, and the complemento do movimento as a motivo.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use cnab_core::{read, Bank, CnabFile, ErrorKind, OcorrenciaKind, ReadOptions};
use rust_decimal::Decimal;

#[test]
fn corpus_unicred_file_under_001_reads_as_unicred() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/001-bb/cnab400/retorno/ocal10nbr__CNAB400UNICRED_valor_menor_1.RET");
    let Ok(bytes) = std::fs::read(p) else { return };
    let mut opts = ReadOptions::lenient();
    opts.bank = Some(Bank::new(136));
    let CnabFile::Retorno(r) = read(&bytes, opts).unwrap() else {
        panic!("not a retorno")
    };
    // The file's defects: its two details are 401 bytes long, and the trailer (000016) is that of a longer file.
    let long = r
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ErrorKind::LineLength { found: 401, .. }))
        .count();
    let trailer = r
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ErrorKind::TrailerCount { .. }))
        .count();
    assert_eq!(
        (long, trailer, r.problems.len()),
        (2, 1, 3),
        "{:?}",
        r.problems
    );
    assert_eq!(r.entries.len(), 2);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00000000000000010");
    assert_eq!(e.seu_numero, "0000005/01");
    assert_eq!(e.banco_cobrador, "136");
    assert_eq!(e.ocorrencia.as_ref().unwrap().code, "02");
    assert_eq!(e.vencimento, NaiveDate::from_ymd_opt(2020, 7, 6));
    assert_eq!(e.data_credito, NaiveDate::from_ymd_opt(2020, 7, 9));
    assert_eq!(e.valor_titulo, Some(d("300.00")));
    assert_eq!(e.valor_pago, Some(d("296.50")));
    assert_eq!(e.tarifa, Some(d("1.80")));
    assert_eq!(e.valor_creditado, Some(d("293.20")));
    assert!(e.motivos.is_empty());
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn complemento_is_one_code_of_two_or_three_characters() {
    let pad = |mut l: String, seq: u32| {
        l.push_str(&" ".repeat(394 - l.len()));
        l.push_str(&format!("{seq:06}"));
        l
    };
    let header = pad(
        format!(
            "02RETORNO01COBRANCA{:7}12343000037190000000{:<30}136UNICREDDOBRASIL161226{:07}{:014}",
            "", "PADARIA", 5, 72234050
        ),
        1,
    );
    let pieces: &[(usize, &str)] = &[
        (1, "10211222333000181"),
        (18, "12343000037191"),
        (32, "00000072234050"),
        (46, "00000000000000123"),
        (74, "01"),
        (86, "019000000000000000000018"),
        (109, "03161226"),
        (147, "1512260000000012750"),
        (176, "0000000000000"),
        (228, "0000000000000000000000000000000000000000000000000000"),
        (280, "NF-1001"),
        (306, "0000000000000E10     04"),
    ];
    let mut d1 = " ".repeat(394);
    for (start, text) in pieces {
        d1.replace_range(start - 1..start - 1 + text.len(), text);
    }
    let mut d2 = d1.clone();
    d2.replace_range(318..326, "101     ");
    let trailer = pad("9".to_string(), 4);
    let text = format!("{header}\n{}\n{}\n{trailer}\n", pad(d1, 2), pad(d2, 3));
    let CnabFile::Retorno(r) = read(text.as_bytes(), ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[0];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::InstrucaoRejeitada
    );
    assert_eq!(e.motivos.len(), 1);
    assert_eq!(e.motivos[0].code, "E10");
    assert!(e.motivos[0]
        .description
        .as_deref()
        .unwrap()
        .starts_with("Instrução ‘09 – Protestar’"));
    assert_eq!(
        r.entries[1].motivos[0].description.as_deref(),
        Some("Data da apresentação inferior à data de vencimento")
    );
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "00000072234050");
}
