//! The error contract on damaged real files: whatever damage a file meets (lines swapped, moved, deleted,
//! duplicated, retyped, truncated; NUL and control bytes; junk lines), a lenient read serializes to one whole JSON
//! document whose problems carry their code and category, and a strict read's error serializes too.

// Tests: a failed expectation is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use cnab_core::{read, Error, ReadOptions};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

/// The corpus's retornos (and remessas), or the bundled fixtures when the corpus is absent.
fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    let mut out = Vec::new();
    if let Ok(manifest) = std::fs::read_to_string(root.join("MANIFEST.tsv")) {
        for row in manifest.lines().skip(1) {
            if let Some(path) = row.split('\t').next() {
                out.push(root.join(path));
            }
        }
    } else {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        for bank in std::fs::read_dir(fixtures).unwrap().flatten() {
            for layout in std::fs::read_dir(bank.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                for kind in std::fs::read_dir(layout.path())
                    .into_iter()
                    .flatten()
                    .flatten()
                {
                    for f in std::fs::read_dir(kind.path())
                        .into_iter()
                        .flatten()
                        .flatten()
                    {
                        let p = f.path();
                        if p.extension().is_some_and(|e| e == "ret" || e == "rem") {
                            out.push(p);
                        }
                    }
                }
            }
        }
    }
    out.sort();
    out
}

/// One piece of damage, applied to lines `a` and `b` (taken modulo the number of lines).
#[derive(Debug, Clone)]
enum Damage {
    Swap(usize, usize),
    Move(usize, usize),
    Delete(usize),
    Duplicate(usize),
    Retype(usize, u8),
    Truncate(usize, usize),
    Bytes(usize, usize, u8),
    Junk(usize, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    let byte = prop_oneof![
        Just(0u8),
        Just(0x1B),
        Just(b'\t'),
        Just(b'\n'),
        Just(b'\r'),
        Just(0xFF),
        any::<u8>()
    ];
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Damage::Swap(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Damage::Move(a, b)),
        any::<usize>().prop_map(Damage::Delete),
        any::<usize>().prop_map(Damage::Duplicate),
        (any::<usize>(), b'0'..=b'9').prop_map(|(a, t)| Damage::Retype(a, t)),
        (any::<usize>(), 0usize..400).prop_map(|(a, n)| Damage::Truncate(a, n)),
        (any::<usize>(), 0usize..400, byte).prop_map(|(a, c, b)| Damage::Bytes(a, c, b)),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 0..300)
        )
            .prop_map(|(a, j)| Damage::Junk(a, j)),
    ]
}

fn apply(bytes: &[u8], damage: &[Damage]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    for d in damage {
        let n = lines.len();
        if n == 0 {
            break;
        }
        match d {
            Damage::Swap(a, b) => lines.swap(a % n, b % n),
            Damage::Move(a, b) => {
                let l = lines.remove(a % n);
                lines.insert(b % n, l);
            }
            Damage::Delete(a) => drop(lines.remove(a % n)),
            Damage::Duplicate(a) => lines.insert(a % n, lines[a % n].clone()),
            Damage::Retype(a, t) => {
                // CNAB 400: the record type is byte 1; CNAB 240: byte 8 (and the segment at 14).
                let l = &mut lines[a % n];
                let at = if l.len() >= 240 && l.len() < 300 {
                    7
                } else {
                    0
                };
                if let Some(b) = l.get_mut(at) {
                    *b = *t;
                }
            }
            Damage::Truncate(a, k) => {
                let l = &mut lines[a % n];
                let ending: Vec<u8> = l
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .copied()
                    .collect();
                l.truncate((*k).min(l.len().saturating_sub(ending.len())));
                l.extend(ending.iter().rev());
            }
            Damage::Bytes(a, c, b) => {
                let l = &mut lines[a % n];
                if let Some(x) = l.get_mut(*c) {
                    *x = *b;
                }
            }
            Damage::Junk(a, j) => {
                let mut j = j.clone();
                j.extend_from_slice(b"\r\n");
                lines.insert(a % n, j);
            }
        }
    }
    lines.concat()
}

/// The error's JSON is the contract: code = kind, category and message as the error says.
fn check_error_json(e: &Error, v: &Value) -> Result<(), String> {
    let want = [
        ("kind", Value::from(e.code())),
        ("code", Value::from(e.code())),
        ("category", Value::from(e.category().as_str())),
        ("message", Value::from(e.to_string())),
        ("line", Value::from(e.line)),
    ];
    for (k, w) in want {
        if v[k] != w {
            return Err(format!("{k}: {} instead of {w} in {v}", v[k]));
        }
    }
    Ok(())
}

#[test]
fn damaged_files_give_whole_json() {
    let files = files();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let mut runner = TestRunner::new(Config {
            cases: 16,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&proptest::collection::vec(damage(), 1..4), |dmg| {
            let damaged = apply(&bytes, &dmg);
            match read(&damaged, ReadOptions::lenient()) {
                Ok(file) => {
                    let json = serde_json::to_string(&file)
                        .map_err(|e| TestCaseError::fail(format!("lenient: {e}")))?;
                    let v: Value = serde_json::from_str(&json)
                        .map_err(|e| TestCaseError::fail(format!("lenient: not whole: {e}")))?;
                    let problems = match &file {
                        cnab_core::CnabFile::Retorno(r) => &r.problems,
                        cnab_core::CnabFile::Remessa(r) => &r.problems,
                    };
                    let listed = v["problems"].as_array().map_or(0, Vec::len);
                    if listed != problems.len() {
                        return Err(TestCaseError::fail(format!(
                            "{listed} problems in the JSON, {} read",
                            problems.len()
                        )));
                    }
                    for (i, e) in problems.iter().enumerate() {
                        check_error_json(e, &v["problems"][i]).map_err(TestCaseError::fail)?;
                    }
                }
                Err(e) => {
                    let v = serde_json::to_value(&e)
                        .map_err(|x| TestCaseError::fail(format!("lenient error {e}: {x}")))?;
                    check_error_json(&e, &v).map_err(TestCaseError::fail)?;
                }
            }
            if let Err(e) = read(&damaged, ReadOptions::strict()) {
                let v = serde_json::to_value(&e)
                    .map_err(|x| TestCaseError::fail(format!("strict error {e}: {x}")))?;
                check_error_json(&e, &v).map_err(TestCaseError::fail)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
