//! Every bank's CNAB 400 layouts as the reader and writer see them: each layout spec (records, entry, framing, hooks
//! present) and each record with every field and all its attributes, one line a field, compared with
//! `tests/layouts_400.tsv`. Moving a record table to data, deriving one record from another or fixing a position is a
//! visible, reviewed change of that file, field by field.
//!
//! `LAYOUTS_BLESS=1 cargo test -p cnab-core --test layouts_400` rewrites the expected file (review its diff).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::PathBuf;

use cnab_core::banks::ALL;
use cnab_core::Layout;

fn expected_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/layouts_400.tsv")
}

/// For each CNAB 400 layout spec of each bank: a `spec` line, one `entry` line per entry record, then per record a
/// `record` line and its fields (`start end name kind role default total`).
fn dump() -> String {
    let mut out =
        String::from("# bank\tkind\tline\tstart\tend\tname\tkind\trole\tdefault\ttotal\n");
    for bank in ALL {
        for spec in bank.layouts().filter(|s| s.layout == Layout::Cnab400) {
            let at = format!("{:03}\t{:?}", bank.code, spec.kind);
            writeln!(
                out,
                "{at}\tspec\tversions={:?}\tsource={}\tcrlf={}\tframing={:?}\tvariants={:?}\thooks={}{}{}",
                spec.versions,
                spec.source,
                spec.crlf,
                spec.framing,
                spec.variants,
                u8::from(spec.retorno_hook.is_some()),
                u8::from(spec.titulo_hook.is_some()),
                u8::from(spec.write_hook.is_some()),
            )
            .unwrap();
            for e in spec.entry {
                writeln!(out, "{at}\tentry\t{:?}\t{}\t{:?}", e.key, e.starts, e.emit).unwrap();
            }
            for (key, r) in spec.records {
                writeln!(
                    out,
                    "{at}\trecord\t{key:?}\t{}\t{}\t{}",
                    r.name, r.len, r.source
                )
                .unwrap();
                for f in r.fields {
                    writeln!(
                        out,
                        "{at}\tfield\t{key:?}\t{}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{:?}",
                        f.start, f.end, f.name, f.kind, f.role, f.default, f.total
                    )
                    .unwrap();
                }
            }
        }
    }
    out
}

#[test]
fn layouts_are_unchanged() {
    let actual = dump();
    if std::env::var_os("LAYOUTS_BLESS").is_some() {
        std::fs::write(expected_path(), &actual).unwrap();
    }
    let expected = std::fs::read_to_string(expected_path()).expect("tests/layouts_400.tsv");
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "layouts differ from tests/layouts_400.tsv at line {}:\n  actual:   {:?}\n  expected: {:?}",
            first + 1,
            actual.lines().nth(first),
            expected.lines().nth(first)
        );
    }
}

#[test]
fn every_cnab_400_bank_is_in_the_snapshot() {
    let actual = dump();
    for bank in ALL {
        if bank.layouts().any(|s| s.layout == Layout::Cnab400) {
            let prefix = format!("{:03}\t", bank.code);
            assert!(
                actual
                    .lines()
                    .any(|l| l.starts_with(&prefix) && l.contains("\tfield\t")),
                "bank {} has no CNAB 400 field in the snapshot",
                bank.code
            );
        }
    }
}
