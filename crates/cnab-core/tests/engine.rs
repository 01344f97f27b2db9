//! Engine behaviour independent of any one bank's table: detection, line endings, byte-exact raw writing,
//! streaming equals in-memory reading, trailer checks, strict vs lenient.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use chrono::NaiveDate;
use rust_decimal::Decimal;

use cnab_core::write_raw;
use cnab_core::{
    detect, read, read_retorno, read_with_envelope, write_retorno, Bank, CnabFile, ErrorKind,
    FileKind, Header, Layout, Ocorrencia, OcorrenciaKind, ReadOptions, Retorno, RetornoEntry,
    RetornoReader, WriteOptions,
};

use cnab_core::layouts::febraban240;
use cnab_core::write_retorno_spec;

/// FEBRABAN's generic tables, as a user would pass a layout of their own.
fn generic() -> ReadOptions {
    ReadOptions {
        spec: Some(&febraban240::RETORNO),
        ..ReadOptions::strict()
    }
}
fn generic_lenient() -> ReadOptions {
    ReadOptions {
        lenient: true,
        ..generic()
    }
}

/// A CNAB 240 retorno of bank 999 written with FEBRABAN's generic tables.
fn febraban(n: usize) -> Vec<u8> {
    sample_with(999, n, Some(&febraban240::RETORNO))
}

/// A CNAB 240 retorno written with a bank's own tables.
fn sample(bank: u16, n: usize) -> Vec<u8> {
    sample_with(bank, n, None)
}

fn sample_with(bank: u16, n: usize, spec: Option<&'static cnab_core::LayoutSpec>) -> Vec<u8> {
    let d = NaiveDate::from_ymd_opt(2026, 11, 20);
    let entries = (0..n)
        .map(|i| RetornoEntry {
            nosso_numero: format!("{:07}", 1000 + i),
            seu_numero: format!("NF{i}"),
            ocorrencia: Some(Ocorrencia {
                code: "06".into(),
                kind: OcorrenciaKind::Liquidacao,
                description: String::new(),
            }),
            data_ocorrencia: d,
            data_credito: d,
            vencimento: d,
            valor_titulo: Some(Decimal::new(10_000 + i as i64, 2)),
            valor_pago: Some(Decimal::new(10_000 + i as i64, 2)),
            ..RetornoEntry::default()
        })
        .collect();
    let mut header = Header::default();
    header.beneficiario.nome = "EMPRESA TESTE".into();
    header.nsa = Some(7);
    header.data_geracao = d;
    let r = Retorno {
        bank: Bank::new(bank),
        layout: Layout::Cnab240,
        header,
        entries,
        records: vec![],
        problems: vec![],
    };
    match spec {
        Some(spec) => write_retorno_spec(&r, spec, WriteOptions::default()).unwrap_or_default(),
        None => write_retorno(&r, WriteOptions::default())
            .unwrap_or_else(|e| panic!("bank {bank}: {e}")),
    }
}

fn banks_with_240_retorno() -> Vec<u16> {
    cnab_core::banks::ALL
        .iter()
        .filter(|b| b.supports(Layout::Cnab240, FileKind::Retorno))
        .map(|b| b.code)
        .collect()
}

#[test]
fn detection_of_written_files() {
    for bank in banks_with_240_retorno() {
        let bytes = sample(bank, 3);
        assert!(!bytes.is_empty(), "bank {bank}: writer produced nothing");
        let d = detect(&bytes).unwrap_or_else(|e| panic!("bank {bank}: {e}"));
        assert_eq!(
            (d.bank.code(), d.layout, d.kind, d.supported),
            (bank, Layout::Cnab240, FileKind::Retorno, true)
        );
    }
}

#[test]
fn every_240_retorno_writes_and_reads_back_its_values() {
    for bank in banks_with_240_retorno() {
        let bytes = sample(bank, 4);
        let r = read_retorno(&bytes, ReadOptions::strict())
            .unwrap_or_else(|e| panic!("bank {bank}: {e}"));
        assert_eq!(r.entries.len(), 4, "bank {bank}");
        let e = &r.entries[2];
        assert_eq!(e.valor_pago, Some(Decimal::new(10_002, 2)), "bank {bank}");
        assert_eq!(
            e.data_ocorrencia,
            NaiveDate::from_ymd_opt(2026, 11, 20),
            "bank {bank}"
        );
        assert!(
            e.ocorrencia
                .as_ref()
                .is_some_and(|o| o.code == "06" && o.kind.is_payment()),
            "bank {bank}: {:?}",
            e.ocorrencia
        );
        assert!(
            bytes.windows(2).filter(|w| w == b"\r\n").count() == bytes.len() / 242,
            "bank {bank}: CRLF on every line"
        );
    }
}

#[test]
fn streaming_equals_in_memory() {
    for bank in banks_with_240_retorno() {
        let bytes = sample(bank, 25);
        let whole = read_retorno(&bytes, ReadOptions::strict()).unwrap_or_else(|e| panic!("{e}"));
        let streamed: Vec<RetornoEntry> =
            RetornoReader::new(bytes.as_slice(), ReadOptions::strict())
                .unwrap_or_else(|e| panic!("{e}"))
                .collect::<Result<_, _>>()
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(streamed, whole.entries, "bank {bank}");
    }
}

fn with_lf(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().copied().filter(|&b| b != b'\r').collect()
}

#[test]
fn raw_write_back_is_byte_exact_for_every_envelope() {
    let crlf = febraban(3);
    let lf = with_lf(&crlf);
    let mut variants: Vec<(&str, Vec<u8>)> = vec![("crlf", crlf.clone()), ("lf", lf.clone())];
    variants.push((
        "no final newline",
        lf.get(..lf.len() - 1).unwrap_or_default().to_vec(),
    ));
    variants.push(("trailing 0x1A", [crlf.as_slice(), b"\x1a"].concat()));
    variants.push((
        "trailing blank lines",
        [crlf.as_slice(), b"\r\n\r\n"].concat(),
    ));
    variants.push((
        "utf-8 BOM",
        [b"\xEF\xBB\xBF".as_slice(), crlf.as_slice()].concat(),
    ));
    let mut mixed = crlf.clone();
    if let Some(p) = mixed.iter().position(|&b| b == b'\r') {
        mixed.remove(p); // first line ends in LF, the others in CRLF
    }
    variants.push(("mixed endings", mixed));
    for (name, bytes) in variants {
        let (file, env) =
            read_with_envelope(&bytes, generic()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let CnabFile::Retorno(r) = file else {
            panic!("{name}: not a retorno")
        };
        assert_eq!(r.entries.len(), 3, "{name}");
        assert_eq!(
            write_raw(&env.prefix, &r.records, &env.suffix),
            bytes,
            "{name}"
        );
    }
}

#[test]
fn wrong_trailer_count_is_reported_with_its_field() {
    let mut bytes = with_lf(&febraban(2));
    // The file trailer is the last line; qtd_registros at 24-29 must say 8 (header, batch header, 2×T+U, 2 trailers).
    let start = bytes.len() - 241;
    assert_eq!(
        bytes.get(start + 23..start + 29),
        Some(b"000008".as_slice())
    );
    bytes.splice(start + 23..start + 29, b"000009".iter().copied());
    let err = read(&bytes, generic())
        .err()
        .unwrap_or_else(|| panic!("accepted a wrong trailer"));
    assert_eq!(err.line, 8);
    assert_eq!(err.columns, Some((24, 29)));
    assert_eq!(err.field, Some("qtd_registros"));
    assert!(matches!(err.kind, ErrorKind::TrailerCount { .. }));
    // Lenient: read anyway, with the problem listed.
    let r = read_retorno(&bytes, generic_lenient()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.entries.len(), 2);
    assert_eq!(r.problems.len(), 1);
}

#[test]
fn truncated_file_misses_its_trailer() {
    let bytes = with_lf(&febraban(2));
    let cut = bytes.get(..241 * 5).unwrap_or_default(); // header, batch header, T, U, T
    let err = read(cut, generic())
        .err()
        .unwrap_or_else(|| panic!("accepted a truncated file"));
    assert_eq!(
        err.to_string(),
        "line 5: missing file trailer (truncated file?)"
    );
    let r = read_retorno(cut, generic_lenient()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        r.entries.len(),
        2,
        "the T without its U still makes an entry"
    );
}

#[test]
fn short_lines_are_padded_in_lenient_mode_only() {
    let bytes = with_lf(&febraban(1));
    // Strip trailing spaces from every line, as some e-mail clients and editors do.
    let stripped: Vec<u8> = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .flat_map(|l| {
            let end = l.iter().rposition(|&b| b != b' ').map_or(0, |p| p + 1);
            [l.get(..end).unwrap_or_default(), b"\n"].concat()
        })
        .collect();
    let err = read(&stripped, generic())
        .err()
        .unwrap_or_else(|| panic!("accepted short lines"));
    assert!(
        matches!(err.kind, ErrorKind::LineLength { expected: 240, .. }),
        "{err}"
    );
    assert_eq!(err.line, 1);
    let r = read_retorno(&stripped, generic_lenient()).unwrap_or_else(|e| panic!("{e}"));
    let strict = read_retorno(&bytes, generic()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.entries, strict.entries);
    assert!(r
        .problems
        .iter()
        .all(|p| matches!(p.kind, ErrorKind::LineLength { .. })));
}

#[test]
fn letters_in_an_amount_name_line_columns_and_field() {
    let mut bytes = with_lf(&febraban(1));
    // Segment U is line 4; valor_pago at 78-92 in FEBRABAN's table.
    let u = 241 * 3;
    assert_eq!(bytes.get(u + 13), Some(&b'U'));
    bytes.splice(u + 77..u + 92, b"0000000001,0000".iter().copied());
    let err = read(&bytes, generic())
        .err()
        .unwrap_or_else(|| panic!("accepted a comma"));
    assert_eq!(
        err.to_string(),
        "line 4, columns 78-92 (valor_pago): expected digits, found \"0000000001,0000\""
    );
}

#[test]
fn empty_and_garbage_input() {
    assert_eq!(detect(b"").err().map(|e| e.kind), Some(ErrorKind::Empty));
    assert_eq!(
        read(b"\r\n\r\n", ReadOptions::lenient())
            .err()
            .map(|e| e.kind),
        Some(ErrorKind::Empty)
    );
    let e = read(b"hello world\n", ReadOptions::strict())
        .err()
        .unwrap_or_else(|| panic!("accepted garbage"));
    assert!(matches!(e.kind, ErrorKind::UnknownLayout { .. }), "{e}");
}

#[test]
fn unknown_240_bank_reads_only_leniently_with_febraban_tables() {
    let bytes = with_lf(&febraban(1));
    let e = read(&bytes, ReadOptions::strict())
        .err()
        .unwrap_or_else(|| panic!("accepted bank 999"));
    assert_eq!(e.to_string(), "line 1: bank 999 has no CNAB 240 layout here; a lenient read uses FEBRABAN's generic CNAB 240 layout");
    let r = read_retorno(&bytes, ReadOptions::lenient()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.bank.code(), 999);
    assert!(matches!(
        r.problems.first().map(|p| &p.kind),
        Some(ErrorKind::UnknownBank { .. })
    ));
}

#[test]
fn files_that_are_not_cnab_are_named_by_their_magic_bytes() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
            "this is a PDF file",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00xl/workbook.xml",
            "this is an Excel workbook (.xlsx)",
        ),
        (
            b"PK\x03\x04\x14\x00\x00\x00retorno.ret",
            "this is a ZIP archive",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00",
            "this is an Excel 97-2003 workbook (.xls)",
        ),
        (b"\n  <!DOCTYPE html>\n<html><body>", "this is an HTML page"),
        (b"<HTML>\r\n<head>", "this is an HTML page"),
        (b"\xFF\xFE0\x002\x00R\x00", "this is UTF-16 text"),
        (b"\xFE\xFF\x000\x002", "this is UTF-16 text"),
        (
            b"\x1F\x8B\x08\x00\x00\x00",
            "this is a gzip-compressed file",
        ),
    ];
    for (bytes, want) in cases {
        for opts in [ReadOptions::strict(), ReadOptions::lenient()] {
            let e = read(bytes, opts)
                .err()
                .unwrap_or_else(|| panic!("read {want}"));
            assert!(matches!(e.kind, ErrorKind::UnknownLayout { .. }), "{e}");
            assert!(e.to_string().contains(want), "{e} lacks {want:?}");
        }
    }
    // Text that is simply not CNAB keeps the generic reason.
    let e = read(b"hello world\n", ReadOptions::strict())
        .err()
        .unwrap_or_else(|| panic!("accepted garbage"));
    assert!(
        e.to_string().contains("neither a CNAB 240 nor a CNAB 400"),
        "{e}"
    );
}
