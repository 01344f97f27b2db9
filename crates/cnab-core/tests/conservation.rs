//! Conservation, case by case: each damage the reader used to let through silently (issue "payment integrity"),
//! now an exact problem on the damaged line; plus strict-means-valid and streaming = whole-file reading.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::BufReader;

use cnab_core::{read, read_retorno, Bank, CnabFile, ErrorKind, ReadOptions, RetornoReader};

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../fixtures/{rel}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The Itaú CNAB 240 retorno fixture as lines (header, batch header, T, U, T, U, batch trailer, file trailer).
fn itau240() -> Vec<Vec<u8>> {
    let b = fixture("341-itau/cnab240/retorno/retorno.ret");
    String::from_utf8(b)
        .unwrap()
        .lines()
        .map(|l| l.as_bytes().to_vec())
        .collect()
}

fn join(lines: &[Vec<u8>]) -> Vec<u8> {
    lines
        .iter()
        .flat_map(|l| l.iter().chain(b"\r\n"))
        .copied()
        .collect()
}

fn problems(bytes: &[u8]) -> Vec<String> {
    read_retorno(bytes, ReadOptions::lenient())
        .unwrap()
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn strict_err(bytes: &[u8]) -> String {
    read_retorno(bytes, ReadOptions::strict())
        .unwrap_err()
        .to_string()
}

#[test]
fn swapped_t_and_u_are_reported() {
    let mut l = itau240();
    l.swap(2, 3);
    let b = join(&l);
    assert_eq!(
        strict_err(&b),
        "line 3, columns 9-13 (sequencial): record number 2, expected 1 (a record moved, missing or repeated?)"
    );
    let r = read_retorno(&b, ReadOptions::lenient()).unwrap();
    assert!(r.problems.iter().any(|p| p.line == 4));
}

#[test]
fn a_segment_retyped_to_a_remessa_segment_is_no_entry() {
    // U -> S: S is no record of Itaú's retorno; the T's entry lacks its U, the next T says so.
    let mut l = itau240();
    l[3][13] = b'S';
    let b = join(&l);
    assert_eq!(
        problems(&b),
        [
            "line 4: unknown record \"segmento S\" for CNAB 240 retorno Itaú Cobrança Bancária — Layout de Arquivos FEBRABAN 240, edição Janeiro 2017",
            "line 5: segmento T where segmento U is due",
            "line 3: segmento T without its segmento U"
        ]
    );
    let r = read_retorno(&b, ReadOptions::lenient()).unwrap();
    assert_eq!(r.entries.len(), 2);
    assert_eq!(
        r.entries[0].valor_pago, None,
        "the U's values are not invented"
    );
    // T -> R: no phantom entry, the U has no T.
    let mut l = itau240();
    l[2][13] = b'R';
    let r = read_retorno(&join(&l), ReadOptions::lenient()).unwrap();
    assert_eq!(r.entries.len(), 1);
    let found: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "line 3: segmento R is not a record of a retorno entry in this layout",
            "line 4: segmento U without a preceding segmento T"
        ]
    );
}

#[test]
fn a_record_of_another_bank_is_reported() {
    let mut l = itau240();
    l[4][..3].copy_from_slice(b"237");
    assert_eq!(
        strict_err(&join(&l)),
        "line 5, columns 1-3 (banco): bank 237 in a file whose header says bank 341"
    );
}

#[test]
fn blank_lines_are_a_tolerated_defect() {
    let mut l = itau240();
    l.insert(4, Vec::new());
    let b = join(&l);
    assert_eq!(problems(&b), ["line 5: blank line between records"]);
    assert_eq!(
        read_retorno(&b, ReadOptions::lenient())
            .unwrap()
            .entries
            .len(),
        2
    );
}

#[test]
fn a_remessa_whose_header_says_retorno_is_read_by_its_segments() {
    let b = fixture("341-itau/cnab240/remessa/remessa.rem");
    let mut l: Vec<Vec<u8>> = String::from_utf8(b)
        .unwrap()
        .lines()
        .map(|l| l.as_bytes().to_vec())
        .collect();
    l[0][142] = b'2';
    let b = join(&l);
    let CnabFile::Remessa(r) = read(&b, ReadOptions::lenient()).unwrap() else {
        panic!("read as a retorno")
    };
    assert_eq!(
        r.problems[0].to_string(),
        "line 1, column 143: header position 143 says retorno, segment P at line 3 says remessa; read as a remessa"
    );
    assert!(!r.titulos.is_empty());
    // The streaming retorno reader refuses it.
    let err = RetornoReader::new(BufReader::new(&b[..]), ReadOptions::lenient())
        .err()
        .unwrap();
    assert_eq!(err.to_string(), "line 1: this is a remessa, not a retorno");
    assert_eq!(
        read_retorno(&b, ReadOptions::lenient())
            .unwrap_err()
            .to_string(),
        "line 1: this is a remessa, not a retorno"
    );
}

#[test]
fn strict_reading_validates_every_field() {
    // A control byte in a text field, and a year 5000, in fields the model does not use.
    let mut l = itau240();
    l[0][80] = 0x1B; // nome da empresa (73-102)
    assert_eq!(
        strict_err(&join(&l)),
        "line 1, columns 73-102 (empresa_nome): control byte 0x1B in a text field: \"PADARIA \\u{1b}AO JOAO LTDA         \""
    );
    let mut l = itau240();
    l[2][77..81].copy_from_slice(b"5000"); // vencimento 74-81
    assert_eq!(
        strict_err(&join(&l)),
        "line 3, columns 74-81 (vencimento): date \"15125000\" outside 1990-2099"
    );
}

#[test]
fn lenient_keeps_an_unreadable_nosso_numero_as_sent() {
    let mut l = itau240();
    l[2][40..44].copy_from_slice(b"12AB");
    let r = read_retorno(&join(&l), ReadOptions::lenient()).unwrap();
    assert!(r.entries[0].nosso_numero.contains("12AB"));
    assert!(r.problems.iter().any(|p| p.field == Some("nosso_numero")));
}

#[test]
fn bb_cnab400_without_header_reads_with_its_bank() {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(
        "../../../shared/corpus/real/001-bb/cnab400/retorno/brcobranca__arquivos_CBR64310.RET",
    );
    let Ok(b) = std::fs::read(p) else { return };
    // Its details fit two banks' layouts: without the bank, reading says so.
    assert!(read(&b, ReadOptions::lenient())
        .unwrap_err()
        .to_string()
        .contains("fits the CNAB 400 retorno of banks 001, 745"));
    let opts = ReadOptions {
        bank: Some(Bank::new(1)),
        ..ReadOptions::lenient()
    };
    let r = read_retorno(&b, opts).unwrap();
    assert_eq!(r.entries.len(), 51);
    assert_eq!(r.entries[0].nosso_numero, "11237250000047565");
    assert_eq!(r.entries[0].valor_pago, Some("1084.61".parse().unwrap()));
    assert!(matches!(r.problems[0].kind, ErrorKind::MissingHeader));
    assert!(read_retorno(
        &b,
        ReadOptions {
            bank: Some(Bank::new(1)),
            ..ReadOptions::strict()
        }
    )
    .is_err());
}
