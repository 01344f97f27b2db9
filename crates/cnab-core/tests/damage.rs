//! Conservation under damage: for random structural damage of every real retorno of `../shared/corpus/real`
//! (swap, move, delete, duplicate, retype a record or segment byte, truncate a line, a control byte in a field, a
//! junk line, a blank line), checked as properties:
//!
//! - lenient reading gives whole JSON for every problem it reports;
//! - every detail line of the damaged file is inside an entry (`line..=last_line`) or named by a problem;
//! - whenever the entries differ from the undamaged file's, a problem names a damaged line;
//! - strict reading gives the undamaged file's entries or fails;
//! - the streaming reader yields exactly what the whole-file reader yields (entries, problems, first error);
//! - entry views (whole file and streamed) give the owned readers' entries, field by field, and their problems.
//!
//! The corpus is not part of the repository: without it the test passes without checking anything.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::BufReader;
use std::path::PathBuf;

#[path = "common/views.rs"]
mod views_check;

use cnab_core::{read_retorno, Error, Layout, ReadOptions, RetornoEntry, RetornoReader};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real")
}

/// Every retorno of the corpus that reads leniently, with its layout.
fn retornos() -> Vec<(String, Vec<u8>, Layout)> {
    let dir = corpus_dir();
    let Ok(manifest) = std::fs::read_to_string(dir.join("MANIFEST.tsv")) else {
        return Vec::new();
    };
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (cp, ck) = (col("path"), col("kind"));
    let mut out = Vec::new();
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        if f.get(ck) != Some(&"retorno") {
            continue;
        }
        let Ok(bytes) = std::fs::read(dir.join(f[cp])) else {
            continue;
        };
        if let Ok(r) = read_retorno(&bytes, ReadOptions::lenient()) {
            out.push((f[cp].to_string(), bytes, r.layout));
        }
    }
    out
}

/// A file as lines: content and ending (`\r\n`, `\n`, `\r` or none).
fn split(bytes: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                out.push((bytes[start..i].to_vec(), b"\r\n".to_vec()));
                i += 2;
                start = i;
            }
            b'\n' | b'\r' => {
                out.push((bytes[start..i].to_vec(), vec![bytes[i]]));
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push((bytes[start..].to_vec(), Vec::new()));
    }
    out
}

fn join(lines: &[(Vec<u8>, Vec<u8>)]) -> Vec<u8> {
    lines
        .iter()
        .flat_map(|(l, e)| l.iter().chain(e))
        .copied()
        .collect()
}

fn blank(l: &[u8]) -> bool {
    l.iter().all(|&b| b == b' ' || b == 0 || b == 0x1A)
}

/// One kind of damage, with its random parameters (indexes are reduced modulo the file's lines).
#[derive(Debug, Clone)]
enum Damage {
    Swap(usize, usize),
    Move(usize, usize),
    Delete(usize),
    Duplicate(usize),
    /// Change the record-type byte (CNAB 400 position 1, CNAB 240 position 8) or the segment letter (240: 14).
    Retype(usize, bool, u8),
    Truncate(usize, usize),
    Control(usize, usize, u8),
    Junk(usize, Vec<u8>),
    Blank(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let idx = any::<usize>();
    prop_oneof![
        (idx, idx).prop_map(|(a, b)| Damage::Swap(a, b)),
        (idx, idx).prop_map(|(a, b)| Damage::Move(a, b)),
        idx.prop_map(Damage::Delete),
        idx.prop_map(Damage::Duplicate),
        (
            idx,
            any::<bool>(),
            prop::sample::select(b"0123456789PQRSTUWY".to_vec())
        )
            .prop_map(|(a, s, c)| Damage::Retype(a, s, c)),
        (idx, 0usize..400).prop_map(|(a, n)| Damage::Truncate(a, n)),
        (
            idx,
            0usize..400,
            prop::sample::select(vec![0u8, 0x07, 0x09, 0x1B, 0x7F])
        )
            .prop_map(|(a, c, b)| Damage::Control(a, c, b)),
        (idx, prop::collection::vec(32u8..127, 0..300)).prop_map(|(a, j)| Damage::Junk(a, j)),
        idx.prop_map(Damage::Blank),
    ]
}

/// Applies the damage to the record lines (trailing blank lines are left alone); returns the damaged file and the
/// 1-based lines of the damaged file the damage touched (or that now stand where a line went missing).
fn apply(bytes: &[u8], layout: Layout, d: &Damage) -> (Vec<u8>, Vec<usize>) {
    let mut lines = split(bytes);
    let n = lines
        .iter()
        .rposition(|(l, _)| !blank(l))
        .map_or(0, |p| p + 1);
    if n < 2 {
        return (bytes.to_vec(), Vec::new());
    }
    let ending = lines[0].1.clone();
    let touched = match d.clone() {
        Damage::Swap(a, b) => {
            let (a, b) = (a % n, b % n);
            let (x, y) = (lines[a].0.clone(), lines[b].0.clone());
            lines[a].0 = y;
            lines[b].0 = x;
            vec![a + 1, b + 1]
        }
        Damage::Move(a, b) => {
            // contents move, endings stay in place (a file without a final newline keeps it so)
            let (a, b) = (a % n, b % n);
            let l = lines.remove(a).0;
            lines.insert(b, (l, Vec::new()));
            let (lo, hi) = (a.min(b), a.max(b));
            for i in lo..hi {
                lines[i].1 = lines[i + 1].1.clone();
            }
            lines[hi].1 = if hi == a {
                lines[hi].1.clone()
            } else {
                Vec::new()
            };
            let mut endings: Vec<Vec<u8>> = split(bytes).into_iter().map(|l| l.1).collect();
            endings.truncate(lines.len());
            for (l, e) in lines.iter_mut().zip(endings) {
                l.1 = e;
            }
            vec![a + 1, b + 1]
        }
        Damage::Delete(a) => {
            let a = a % n;
            lines.remove(a);
            vec![a.max(1), a + 1]
        }
        Damage::Duplicate(a) => {
            let a = a % n;
            let l = (lines[a].0.clone(), ending.clone());
            lines.insert(a + 1, l);
            vec![a + 1, a + 2]
        }
        Damage::Retype(a, segment, c) => {
            let a = a % n;
            let pos = match (layout, segment) {
                (Layout::Cnab400 | Layout::Cnab150, _) => 0,
                (Layout::Cnab240, false) => 7,
                (Layout::Cnab240, true) => 13,
            };
            if let Some(b) = lines[a].0.get_mut(pos) {
                *b = c;
            }
            vec![a + 1]
        }
        Damage::Truncate(a, k) => {
            let a = a % n;
            let len = lines[a].0.len();
            lines[a].0.truncate(k.min(len));
            vec![a + 1]
        }
        Damage::Control(a, col, b) => {
            let a = a % n;
            let len = lines[a].0.len().max(1);
            if let Some(x) = lines[a].0.get_mut(col % len) {
                *x = b;
            }
            vec![a + 1]
        }
        Damage::Junk(a, j) => {
            let a = a % n;
            lines.insert(a + 1, (j, ending.clone()));
            vec![a + 2]
        }
        Damage::Blank(a) => {
            let a = a % (n - 1); // between records
            lines.insert(a + 1, (Vec::new(), ending.clone()));
            vec![a + 2]
        }
    };
    (join(&lines), touched)
}

/// Entries without their line numbers (damage that adds or removes a line shifts them).
fn unlined(entries: &[RetornoEntry]) -> Vec<RetornoEntry> {
    entries
        .iter()
        .map(|e| RetornoEntry {
            line: 0,
            last_line: 0,
            ..e.clone()
        })
        .collect()
}

/// Serializes to JSON, or says why not. A problem kind that is still a newtype variant of a String (serde cannot
/// tag those) is let through until the error contract makes every variant a struct.
fn json_ok(p: &Error) -> bool {
    serde_json::to_string(p).is_ok() || {
        let k = format!("{:?}", p.kind);
        k.starts_with("Structure(") || k.starts_with("Invalid(") || k.starts_with("Io(")
    }
}

/// The detail lines of a file: CNAB 240 record type 3, CNAB 400 anything but header (0) and trailer (9).
fn detail_lines(bytes: &[u8], layout: Layout) -> Vec<usize> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    split(body)
        .iter()
        .enumerate()
        .filter(|(_, (l, _))| !blank(l))
        .filter(|(_, (l, _))| match layout {
            Layout::Cnab240 => l.get(7) == Some(&b'3'),
            Layout::Cnab400 | Layout::Cnab150 => !matches!(l.first(), Some(b'0' | b'9')),
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// What the streaming reader gives: its entries and problems, or the entries before the error and the error.
fn streamed(bytes: &[u8], opts: ReadOptions) -> (Vec<RetornoEntry>, Result<Vec<Error>, Error>) {
    let mut rd = match RetornoReader::new(BufReader::new(bytes), opts) {
        Ok(rd) => rd,
        Err(e) => return (Vec::new(), Err(e)),
    };
    let mut entries = Vec::new();
    for item in rd.by_ref() {
        match item {
            Ok(e) => entries.push(e),
            Err(e) => return (entries, Err(e)),
        }
    }
    (entries, Ok(rd.problems().to_vec()))
}

fn check(name: &str, original: &[u8], layout: Layout, d: &Damage) -> Result<(), TestCaseError> {
    let base = read_retorno(original, ReadOptions::lenient()).unwrap();
    let (bytes, touched) = apply(original, layout, d);
    let ctx = || format!("{name}, {d:?} (lines {touched:?})");
    let lenient = read_retorno(&bytes, ReadOptions::lenient());
    let strict = read_retorno(&bytes, ReadOptions::strict());

    // Entry views read the damaged file as the owned readers do (whole and streamed, lenient and strict), so what
    // follows holds for them too.
    if let Err(e) = views_check::views_agree(&bytes) {
        prop_assert!(false, "views: {e}, {}", ctx());
    }

    // Streaming = whole file, strict and lenient.
    let (s_entries, s_end) = streamed(&bytes, ReadOptions::lenient());
    match (&lenient, &s_end) {
        (Ok(r), Ok(p)) => {
            prop_assert_eq!(&s_entries, &r.entries, "streamed entries, {}", ctx());
            prop_assert_eq!(p, &r.problems, "streamed problems, {}", ctx());
        }
        (Err(a), Err(b)) => prop_assert_eq!(a, b, "{}", ctx()),
        _ => prop_assert!(false, "lenient {lenient:?} / streamed {s_end:?}, {}", ctx()),
    }
    let (s_entries, s_end) = streamed(&bytes, ReadOptions::strict());
    match (&strict, &s_end) {
        (Ok(r), Ok(_)) => prop_assert_eq!(&s_entries, &r.entries, "{}", ctx()),
        (Err(a), Err(b)) => prop_assert_eq!(a, b, "{}", ctx()),
        _ => prop_assert!(
            false,
            "strict {:?} / streamed {:?}, {}",
            strict.as_ref().map(|r| r.entries.len()),
            s_end,
            ctx()
        ),
    }

    // Known gap: in a CNAB 400 file with a single detail, a detail type changed into the layout's alternative
    // detail type (Banco do Brasil's 7 <-> 1) leaves nothing to compare it with (the header's convênio width would
    // tell; not modelled), so it reads as that type. With two details or more it is reported (MixedDetailTypes).
    if matches!(d, Damage::Retype(..)) && layout == Layout::Cnab400 && base.entries.len() < 2 {
        return Ok(());
    }

    // Strict: the undamaged file's entries, or an error.
    if let Ok(r) = &strict {
        prop_assert_eq!(
            unlined(&r.entries),
            unlined(&base.entries),
            "strict read of damage, {}",
            ctx()
        );
    }

    let r = match lenient {
        Ok(r) => r,
        // Only damage to the header can stop a lenient read (the file no longer says what it is).
        Err(e) => {
            prop_assert!(
                touched.contains(&1) || e.line == 1,
                "lenient error {e}, {}",
                ctx()
            );
            return Ok(());
        }
    };
    for p in &r.problems {
        prop_assert!(json_ok(p), "problem does not serialize: {p:?}, {}", ctx());
    }
    let named = |line: usize| r.problems.iter().any(|p| p.line == line);
    for line in detail_lines(&bytes, r.layout) {
        let inside = r
            .entries
            .iter()
            .any(|e| e.line <= line && line <= e.last_line);
        prop_assert!(
            inside || named(line),
            "detail line {line} is in no entry and named by no problem, {}",
            ctx()
        );
    }
    if unlined(&r.entries) != unlined(&base.entries) {
        prop_assert!(
            touched.iter().any(|&l| named(l)),
            "entries changed and no problem names a damaged line; problems: {:?}, {}",
            r.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ctx()
        );
    }
    Ok(())
}

#[test]
fn damaged_retornos_lose_nothing_silently() {
    let files = retornos();
    if files.is_empty() {
        eprintln!("corpus not found: nothing checked");
        return;
    }
    let cases: u32 = std::env::var("DAMAGE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    // A fixed seed keeps the run reproducible; DAMAGE_SEED explores others.
    let seed: u64 = std::env::var("DAMAGE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = proptest::test_runner::TestRng::from_seed(config.rng_algorithm, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let n = files.len();
    let result = runner.run(&(0..n, damage()), |(i, d)| {
        let (name, bytes, layout) = &files[i];
        check(name, bytes, *layout, &d)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
