//! Helpers shared by the bank tests: the real-file corpus (skipped when absent) and strict/lenient reads.
#![allow(dead_code, clippy::panic)] // each test file uses some of these; tests may fail loudly

use chrono::NaiveDate;
use cnab_core::{read, CnabFile, ReadOptions, Remessa, Retorno};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real")
}

/// The corpus file's bytes, or `None` (test skipped) when the corpus folder is absent.
pub fn corpus(rel: &str) -> Option<Vec<u8>> {
    if !corpus_dir().is_dir() {
        eprintln!("corpus absent: skipping");
        return None;
    }
    Some(std::fs::read(corpus_dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

/// A decimal literal of a test (a typo fails the test).
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A date of a test (an impossible one fails the test).
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

pub fn retorno(bytes: &[u8], strict: bool) -> Retorno {
    let opts = if strict {
        ReadOptions::strict()
    } else {
        ReadOptions::lenient()
    };
    match read(bytes, opts) {
        Ok(CnabFile::Retorno(r)) => r,
        other => panic!("not a retorno: {other:?}"),
    }
}

pub fn remessa(bytes: &[u8], strict: bool) -> Remessa {
    let opts = if strict {
        ReadOptions::strict()
    } else {
        ReadOptions::lenient()
    };
    match read(bytes, opts) {
        Ok(CnabFile::Remessa(r)) => r,
        other => panic!("not a remessa: {other:?}"),
    }
}

/// A snapshot test: `actual` must equal the file at `path`; the first line that differs is named. With the
/// environment variable `bless` set, the file is rewritten from `actual` first (review its diff).
pub fn assert_snapshot(actual: &str, path: &Path, bless: &str) {
    if std::env::var_os(bless).is_some() {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let expected =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "{} differs at line {} ({bless}=1 rewrites it):\n  actual:   {:?}\n  expected: {:?}",
            path.display(),
            first + 1,
            actual.lines().nth(first),
            expected.lines().nth(first)
        );
    }
}
