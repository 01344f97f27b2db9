//! Replays every input kept in `tests/regressions/` (minimized fuzzer finds and hand-made hard cases): each is read
//! strictly, leniently, as retorno and as remessa, and streamed; nothing may panic, and where the exact outcome is
//! known (the table below) it must match.
//!
//! To add one: copy the minimized input (`fuzz/artifacts/<target>/crash-*`, after `cargo fuzz tmin`) here with a
//! descriptive name, and add its expected strict outcome to `KNOWN` when it is not obvious.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::BufReader;
use std::path::PathBuf;

use cnab_core::{detect, read, read_remessa, read_retorno, ReadOptions, RetornoReader};

/// (file name, strict outcome: `"ok"` or the error message).
const KNOWN: &[(&str, &str)] = &[
    ("empty.txt", "empty file"),
    ("only_nul.bin", "empty file"),
    ("header_only_240.txt", "line 1: missing file trailer (truncated file?)"),
    ("utf8_header_240.txt", "line 1: missing file trailer (truncated file?)"),
    ("lone_cr.txt", "empty file"),
    ("second_header_240.txt", "line 2: second file header"),
    ("blank_then_header.txt", "line 1: not a CNAB 240 or CNAB 400 file: the first line (0 bytes) is neither a CNAB 240 nor a CNAB 400 file header"),
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/regressions")
}

fn outcome(bytes: &[u8]) -> String {
    match read(bytes, ReadOptions::strict()) {
        Ok(_) => "ok".into(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_regression_input_reads_without_panic() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/regressions")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let bytes = std::fs::read(path).expect("read");
        let got = std::panic::catch_unwind(|| {
            let _ = detect(&bytes);
            let mut unserializable = Vec::new();
            for opts in [ReadOptions::strict(), ReadOptions::lenient()] {
                // Whatever comes out (the file with its problems, or the error) serializes whole.
                let json = match read(&bytes, opts) {
                    Ok(f) => serde_json::to_string(&f),
                    Err(e) => serde_json::to_string(&e),
                };
                match json.map(|j| serde_json::from_str::<serde_json::Value>(&j)) {
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) | Err(e) => unserializable.push(format!(
                        "{name} ({}): does not serialize: {e}",
                        if opts.lenient { "lenient" } else { "strict" }
                    )),
                }
                let _ = read_retorno(&bytes, opts);
                let _ = read_remessa(&bytes, opts);
                if let Ok(rd) = RetornoReader::new(BufReader::new(bytes.as_slice()), opts) {
                    let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 2;
                    assert!(
                        rd.take(lines + 1).count() <= lines,
                        "the streaming reader does not end"
                    );
                }
            }
            (outcome(&bytes), unserializable)
        });
        match got {
            Err(_) => failures.push(format!("{name}: panicked")),
            Ok((got, unserializable)) => {
                failures.extend(unserializable);
                if let Some((_, want)) = KNOWN.iter().find(|(n, _)| *n == name) {
                    if got != *want {
                        failures.push(format!("{name}: expected {want:?}, got {got:?}"));
                    }
                }
            }
        }
    }
    for (name, _) in KNOWN {
        if !files
            .iter()
            .any(|p| p.file_name().and_then(|n| n.to_str()) == Some(name))
        {
            failures.push(format!("{name}: listed in KNOWN but missing"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Found by the `write_remessa` fuzz target: a date the field's format cannot hold (year 10000+ in `DDMMYYYY`, a
/// year outside 1970-2069 in `DDMMYY`) made a 242-byte line or came back in another century. Now an error.
#[test]
fn dates_the_format_cannot_hold_are_refused_when_writing() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/remessa/remessa.model.json"
    ))
    .expect("model");
    let mut r: cnab_core::Remessa = serde_json::from_str(&json).expect("json");
    r.titulos[0].vencimento = chrono::NaiveDate::from_ymd_opt(12345, 1, 1);
    let e240 = cnab_core::write_remessa(&r, cnab_core::Bank::new(341), cnab_core::Layout::Cnab240)
        .expect_err("240");
    let e400 = cnab_core::write_remessa(&r, cnab_core::Bank::new(341), cnab_core::Layout::Cnab400)
        .expect_err("400");
    r.titulos[0].vencimento = chrono::NaiveDate::from_ymd_opt(2075, 1, 1);
    assert!(
        cnab_core::write_remessa(&r, cnab_core::Bank::new(341), cnab_core::Layout::Cnab240).is_ok()
    );
    let e400b = cnab_core::write_remessa(&r, cnab_core::Bank::new(341), cnab_core::Layout::Cnab400)
        .expect_err("400, 2075");
    assert_eq!(
        e240.to_string(),
        "line 3, columns 78-85 (vencimento): título 1 (seu número \"NF-1001\", nosso número \"12345678\"): vencimento \"+12345-01-01\": year outside 1-9999, the years this field's format can hold"
    );
    assert_eq!(
        e400.to_string(),
        "line 2, columns 121-126 (vencimento): título 1 (seu número \"NF-1001\", nosso número \"12345678\"): vencimento \"+12345-01-01\": year outside 1970-2069, the years this field's format can hold"
    );
    assert_eq!(
        e400b.to_string(),
        "line 2, columns 121-126 (vencimento): título 1 (seu número \"NF-1001\", nosso número \"12345678\"): vencimento \"2075-01-01\": year outside 1970-2069, the years this field's format can hold"
    );
}
