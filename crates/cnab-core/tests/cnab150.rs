//! CNAB 150 (FEBRABAN débito automático and arrecadação): fixtures written from models and read back byte for
//! byte, the real arrecadação retornos of the corpus, streaming, and the errors of damaged files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::path::{Path, PathBuf};

use cnab_core::cnab150::{self, Detail150, File150, Reader150, Resultado};
use cnab_core::write_raw;
use cnab_core::{detect, ErrorKind, FileKind, Layout, Product, ReadOptions};
use common::{corpus, dec};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/150-febraban/cnab150")
        .join(rel)
}

/// The model of a fixture, its file written from it (blessed with `CNAB_BLESS=1`), and the file read back.
fn roundtrip(dir: &str, file: &str) -> (File150, Vec<u8>, File150) {
    let model: File150 = serde_json::from_slice(
        &std::fs::read(fixture(&format!("{dir}/{file}.model150.json"))).unwrap(),
    )
    .unwrap();
    let written = cnab150::write(&model).unwrap();
    let ext = if model.kind == FileKind::Remessa {
        "rem"
    } else {
        "ret"
    };
    let path = fixture(&format!("{dir}/{file}.{ext}"));
    if std::env::var_os("CNAB_BLESS").is_some() {
        std::fs::write(&path, &written).unwrap();
    }
    let on_disk = std::fs::read(&path).unwrap();
    assert_eq!(
        written, on_disk,
        "{dir}: the writer's bytes differ from the fixture"
    );
    let read = cnab150::read(&on_disk, ReadOptions::strict()).unwrap();
    (model, on_disk, read)
}

/// The model as read, without line numbers (a model to write has none).
fn without_lines(mut f: File150) -> File150 {
    f.entries.iter_mut().for_each(|e| e.line = 0);
    f.cadastros.iter_mut().for_each(|c| c.line = 0);
    f.records.clear();
    f.total_registros = None;
    f.valor_total = None;
    f
}

#[test]
fn debito_remessa_fixture_round_trips() {
    let (model, bytes, read) = roundtrip("debito/remessa", "remessa");
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (
            d.bank.code(),
            d.layout,
            d.product,
            d.kind,
            d.version.as_str()
        ),
        (
            237,
            Layout::Cnab150,
            Product::DebitoAutomatico,
            FileKind::Remessa,
            "05"
        )
    );
    assert!(d.supported);
    assert_eq!(read.entries.len(), 3);
    let e = &read.entries[0];
    assert_eq!(e.registro, 'E');
    assert_eq!(e.valor, dec("150.75"));
    assert_eq!(e.data, chrono::NaiveDate::from_ymd_opt(2026, 11, 10));
    assert_eq!(e.identificacao.as_deref(), Some("000012345678909"));
    assert_eq!(read.entries[2].movimento.as_deref(), Some("1"));
    assert_eq!(
        read.cadastros[1].cliente_empresa_atual.as_deref(),
        Some("0000981290")
    );
    // Z: 2 cadastros + 3 debits + header and trailer; the sum of the E06 amounts.
    assert_eq!(read.total_registros, Some(7));
    assert_eq!(read.valor_total, Some(dec("1475.21")));
    assert_eq!(without_lines(read.clone()), without_lines(model));
    assert_eq!(write_raw(&[], &read.records, &[]), bytes);
    // Positions as FEBRABAN prints them: E06 at 53-67, E09/E10 at 130-145 (version 05).
    let line = bytes.split(|b| *b == b'\n').nth(3).unwrap();
    assert_eq!(&line[52..67], b"000000000015075");
    assert_eq!(&line[129..145], b"2000012345678909");
}

#[test]
fn debito_retorno_fixture_round_trips_with_outcomes() {
    let (model, bytes, read) = roundtrip("debito/retorno", "retorno");
    assert_eq!(read.bank.code(), 1);
    assert_eq!(read.product, Product::DebitoAutomatico);
    let codes: Vec<(&str, Resultado)> = read
        .entries
        .iter()
        .map(|e| {
            let r = e.resultado.as_ref().unwrap();
            (r.code.as_str(), r.resultado)
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("00", Resultado::Debitado),
            ("01", Resultado::NaoDebitado),
            ("31", Resultado::Debitado),
            ("99", Resultado::Cancelamento)
        ]
    );
    let debitado: rust_decimal::Decimal = read
        .entries
        .iter()
        .filter(|e| {
            e.resultado
                .as_ref()
                .is_some_and(|r| r.resultado.is_debited())
        })
        .map(|e| e.valor)
        .sum();
    assert_eq!(debitado, dec("192.75"));
    assert_eq!(read.valor_total, Some(dec("1517.21")));
    assert_eq!(
        read.cadastros[0].data,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
    );
    assert_eq!(read.cadastros[2].registro, 'H');
    assert_eq!(without_lines(read.clone()), without_lines(model));
    assert_eq!(write_raw(&[], &read.records, &[]), bytes);
}

#[test]
fn debito_retorno_version_04_has_the_wider_uso_empresa() {
    let (model, bytes, read) = roundtrip("debito-v04/retorno", "retorno");
    assert_eq!(read.header.versao_layout, "04");
    let uso = read.entries[0].uso_empresa.clone().unwrap();
    assert_eq!(uso.len(), 66, "F08 of version 04 is 70 positions (70-139)");
    assert_eq!(read.entries[0].identificacao, None);
    assert_eq!(read.entries[1].resultado.as_ref().unwrap().code, "30");
    assert_eq!(without_lines(read), without_lines(model));
    // Written with version 05's table the text would not fit its 60 positions: refused, not cut.
    let mut v05: File150 = serde_json::from_slice(
        &std::fs::read(fixture("debito-v04/retorno/retorno.model150.json")).unwrap(),
    )
    .unwrap();
    v05.header.versao_layout = "05".into();
    let err = cnab150::write(&v05).unwrap_err();
    assert!(err.to_string().contains("uso_empresa"), "{err}");
    let f_line = bytes.split(|b| *b == b'\n').nth(1).unwrap();
    assert_eq!(&f_line[69..135], uso.as_bytes(), "F08 starts at 70");
    assert_eq!(&f_line[135..149], b"              ");
}

#[test]
fn arrecadacao_fixture_checks_each_barcode() {
    let (model, bytes, read) = roundtrip("arrecadacao/retorno", "retorno");
    assert_eq!(detect(&bytes).unwrap().product, Product::Arrecadacao);
    let g = &read.entries[1];
    assert_eq!(g.registro, 'G');
    assert_eq!(g.valor, dec("120.00"));
    assert_eq!(g.tarifa, Some(dec("0.85")));
    assert_eq!(
        g.data_credito,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 13)
    );
    let a = boleto::Arrecadacao::parse(g.codigo_barras.as_deref().unwrap()).unwrap();
    assert_eq!(a.valor(), Some(g.valor));
    assert_eq!(read.valor_total, Some(dec("244.02")));
    assert_eq!(without_lines(read), without_lines(model));
}

/// The real arrecadação retornos of the corpus: strict, every G's barcode valid and equal to its amount, the
/// entries summing to Z03 and counting Z02, raw records written back byte for byte.
#[test]
fn real_arrecadacao_retornos_read_strictly() {
    let files = [
        ("yaretorno__RCB001455608201413819.ret", 28, "7141.20"),
        ("yaretorno__RCB001457808201414115.ret", 185, "26384.80"),
        ("yaretorno__RCB001458908201414507.ret", 149, "17814.10"),
    ];
    for (name, n, total) in files {
        let rel = format!("other/001-bb/cnab150-cnab150/retorno/{name}");
        let Some(bytes) = corpus(&rel) else {
            return;
        };
        let (f, env) = cnab150::read_with_envelope(&bytes, ReadOptions::strict()).unwrap();
        assert_eq!(
            (f.bank.code(), f.product, f.kind),
            (1, Product::Arrecadacao, FileKind::Retorno)
        );
        assert_eq!(f.entries.len(), n, "{name}");
        let sum: rust_decimal::Decimal = f.entries.iter().map(|e| e.valor).sum();
        assert_eq!(sum, dec(total), "{name}");
        assert_eq!(f.valor_total, Some(sum));
        assert_eq!(f.total_registros, Some(n as u64 + 2));
        assert_eq!(write_raw(&env.prefix, &f.records, &env.suffix), bytes);
        // Streaming yields the same entries.
        let streamed: Vec<Detail150> = Reader150::new(&bytes[..], ReadOptions::strict())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(streamed.len(), n);
        assert_eq!(streamed[n - 1], Detail150::Entry(f.entries[n - 1].clone()));
    }
    let Some(bytes) =
        corpus("other/001-bb/cnab150-cnab150/retorno/yaretorno__RCB001455608201413819.ret")
    else {
        return;
    };
    let f = cnab150::read(&bytes, ReadOptions::strict()).unwrap();
    let g = &f.entries[0];
    assert_eq!(f.header.convenio, "110288");
    assert_eq!(f.header.nsa, Some(454));
    assert_eq!(g.data, chrono::NaiveDate::from_ymd_opt(2014, 8, 5));
    assert_eq!(g.data_credito, chrono::NaiveDate::from_ymd_opt(2014, 8, 7));
    assert_eq!(g.valor, dec("260.00"));
    assert_eq!(g.tarifa, Some(dec("0.98")));
    assert_eq!(
        g.codigo_barras.as_deref(),
        Some("85630000002600004222014081000000000100032720")
    );
    assert_eq!(g.agencia_arrecadadora.as_deref(), Some("0151"));
}

fn damaged(bytes: &[u8], line: usize, at: usize, with: &[u8]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    lines[line - 1][at - 1..at - 1 + with.len()].copy_from_slice(with);
    lines.join(&b'\n')
}

#[test]
fn damaged_files_give_typed_errors_with_positions() {
    let bytes = std::fs::read(fixture("arrecadacao/retorno/retorno.ret")).unwrap();
    // Z03 one centavo off.
    let z = damaged(&bytes, 5, 24, b"3");
    let e = cnab150::read(&z, ReadOptions::strict()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::TrailerCount { .. }), "{e}");
    assert_eq!(
        (e.line, e.columns, e.field),
        (5, Some((8, 24)), Some("valor_total"))
    );
    // The amount received no longer the barcode's value: G06 at 82-93.
    let g = damaged(&bytes, 2, 93, b"1");
    let e = cnab150::read(&g, ReadOptions::strict()).unwrap_err();
    assert_eq!(e.code(), "barcode_value");
    assert_eq!((e.line, e.columns), (2, Some((82, 93))));
    // A barcode check digit broken.
    let b = damaged(&bytes, 3, 41, b"9");
    let e = cnab150::read(&b, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        (e.code(), e.line, e.columns),
        ("bad_barcode", 3, Some((38, 81)))
    );
    // A payment date that is no date.
    let d = damaged(&bytes, 2, 26, b"13");
    let e = cnab150::read(&d, ReadOptions::strict()).unwrap_err();
    assert_eq!((e.code(), e.field), ("bad_date", Some("data_pagamento")));
    // NSR out of order.
    let s = damaged(&bytes, 3, 108, b"5");
    let e = cnab150::read(&s, ReadOptions::strict()).unwrap_err();
    assert!(
        matches!(
            e.kind,
            ErrorKind::Sequence {
                found: 5,
                expected: 2
            }
        ),
        "{e}"
    );
    // Lenient: all three problems of a file damaged three times, the entries still read.
    let all = damaged(&damaged(&g, 3, 41, b"9"), 5, 24, b"9");
    let f = cnab150::read(&all, ReadOptions::lenient()).unwrap();
    let codes: Vec<&str> = f.problems.iter().map(|p| p.code()).collect();
    assert_eq!(codes, ["barcode_value", "bad_barcode", "trailer_count"]);
    assert_eq!(f.entries.len(), 3);
}

#[test]
fn records_of_the_other_direction_and_unknown_codes_are_problems() {
    let bytes = std::fs::read(fixture("debito/retorno/retorno.ret")).unwrap();
    // An F whose return code FEBRABAN does not list.
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let f_line = lines.iter().position(|l| l.first() == Some(&b'F')).unwrap() + 1;
    let u = damaged(&bytes, f_line, 68, b"77");
    let e = cnab150::read(&u, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        (e.code(), e.line, e.columns),
        ("unknown_ocorrencia", f_line, Some((68, 69)))
    );
    // An E (the company's debit request) in the bank's retorno.
    let x = damaged(&bytes, f_line, 1, b"E");
    let e = cnab150::read(&x, ReadOptions::strict()).unwrap_err();
    assert_eq!((e.code(), e.line), ("not_in_entry", f_line));
    // A short line.
    let mut short = bytes.clone();
    let cut = short.iter().position(|b| *b == b'\r').unwrap();
    short.remove(cut - 1);
    let e = cnab150::read(&short, ReadOptions::strict()).unwrap_err();
    assert!(
        matches!(
            e.kind,
            ErrorKind::LineLength {
                expected: 150,
                found: 149
            }
        ),
        "{e}"
    );
    // No trailer.
    let body: Vec<u8> = bytes[..bytes.len() - 152].to_vec();
    let e = cnab150::read(&body, ReadOptions::strict()).unwrap_err();
    assert_eq!(e.code(), "missing_trailer");
    // The cobrança reader names the product and what reads it.
    let e = cnab_core::read(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(e.code(), "other_product");
    assert!(e.to_string().contains("cnab150"), "{e}");
}

#[test]
fn streaming_matches_whole_file_reading_on_damage() {
    let bytes = std::fs::read(fixture("debito/retorno/retorno.ret")).unwrap();
    let bad = damaged(&bytes, 5, 68, b"77");
    let whole = cnab150::read(&bad, ReadOptions::lenient()).unwrap();
    let mut r = Reader150::new(&bad[..], ReadOptions::lenient()).unwrap();
    let items: Vec<Detail150> = r.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(items.len(), whole.entries.len() + whole.cadastros.len());
    assert_eq!(r.problems(), &whole.problems[..]);
    assert_eq!(r.trailer(), (whole.total_registros, whole.valor_total));
    let strict_whole = cnab150::read(&bad, ReadOptions::strict()).unwrap_err();
    let strict_stream = Reader150::new(&bad[..], ReadOptions::strict())
        .unwrap()
        .find_map(Result::err)
        .unwrap();
    assert_eq!(strict_whole, strict_stream);
}

#[test]
fn writer_refuses_what_it_cannot_write_as_given() {
    let mut m: File150 = serde_json::from_slice(
        &std::fs::read(fixture("debito/remessa/remessa.model150.json")).unwrap(),
    )
    .unwrap();
    m.entries[0].valor = dec("150.755");
    let e = cnab150::write(&m).unwrap_err();
    assert!(e.to_string().contains("entry 1 (registro E), valor"), "{e}");
    m.entries[0].valor = dec("150.75");
    m.entries[0].registro = 'F';
    let e = cnab150::write(&m).unwrap_err();
    assert!(e.to_string().contains("no such record"), "{e}");
}
