//! Every bank's code tables (ocorrências or movimentos, and motivos) as the reader and writer see them, one line a
//! code, compared with `tests/code_tables.tsv`: moving a table, deriving it from FEBRABAN's or fixing a description
//! is a visible, reviewed change of that file, code by code.
//!
//! `CODE_TABLES_BLESS=1 cargo test -p cnab-core --test code_tables` rewrites the expected file (review its diff).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::PathBuf;

use cnab_core::banks::ALL;

fn expected_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/code_tables.tsv")
}

/// `bank layout kind  O|M  codes…  description`, in table order, for every layout spec of every bank.
fn dump() -> String {
    let mut out = String::from(
        "# bank\tlayout\tkind\ttable\tocorrências (motivos)\tcode\tkind (ocorrências)\tdescription\n",
    );
    for bank in ALL {
        for spec in bank.layouts() {
            let at = format!("{:03}\t{:?}\t{:?}", bank.code, spec.layout, spec.kind);
            for o in spec.ocorrencias {
                writeln!(
                    out,
                    "{at}\tO\t\t{}\t{:?}\t{}",
                    o.code, o.kind, o.description
                )
                .unwrap();
            }
            for m in spec.motivos {
                writeln!(
                    out,
                    "{at}\tM\t{}\t{}\t\t{}",
                    m.ocorrencias.join(","),
                    m.code,
                    m.description
                )
                .unwrap();
            }
        }
    }
    out
}

#[test]
fn code_tables_are_unchanged() {
    let actual = dump();
    if std::env::var_os("CODE_TABLES_BLESS").is_some() {
        std::fs::write(expected_path(), &actual).unwrap();
    }
    let expected = std::fs::read_to_string(expected_path()).expect("tests/code_tables.tsv");
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "code tables differ from tests/code_tables.tsv at line {}:\n  actual:   {:?}\n  expected: {:?}",
            first + 1,
            actual.lines().nth(first),
            expected.lines().nth(first)
        );
    }
}

#[test]
fn every_bank_has_codes_in_the_snapshot() {
    let actual = dump();
    for bank in ALL {
        let prefix = format!("{:03}\t", bank.code);
        assert!(
            actual.lines().any(|l| l.starts_with(&prefix)),
            "bank {} has no code in the snapshot",
            bank.code
        );
    }
}
