//! `cnab corpus DIR`: the real-file gate.
//!
//! For each file of `DIR/MANIFEST.tsv` (tab-separated; a header naming at least `path`, `bank_code`, `layout`,
//! `kind`): detection must agree with the manifest (or read a relabelled file with its records' bank and say that the
//! header names the manifest's bank); the file must read strictly, or leniently with only problems
//! that are defects of the file (wrong line length, trailer counts, a missing trailer, a bank read with FEBRABAN's
//! generic 240 layout); and writing its raw records back must give the same bytes. A file named in the `--expect`
//! file passes only if it fails with exactly the error given there.

use std::collections::BTreeMap;
use std::path::Path;

use cnab_core::write_raw;
use cnab_core::{detect, Error};
use cnab_core::{read_with_envelope, CnabFile, ReadOptions};

use crate::out::Out;
use crate::{is_file_defect, Fail};

struct Row {
    path: String,
    bank: String,
    layout: String,
    kind: String,
}

fn manifest(dir: &Path) -> Result<Vec<Row>, Fail> {
    let p = dir.join("MANIFEST.tsv");
    let text = std::fs::read_to_string(&p).map_err(|e| Fail(2, format!("{}: {e}", p.display())))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| Fail(2, format!("{}: no column {name:?}", p.display())))
    };
    let (cp, cb, cl, ck) = (
        col("path")?,
        col("bank_code")?,
        col("layout")?,
        col("kind")?,
    );
    let mut rows = Vec::new();
    for l in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = l.split('\t').collect();
        let get = |i: usize| f.get(i).copied().unwrap_or_default().to_string();
        rows.push(Row {
            path: get(cp),
            bank: get(cb),
            layout: get(cl),
            kind: get(ck),
        });
    }
    Ok(rows)
}

fn expectations(path: Option<&Path>) -> Result<BTreeMap<String, String>, Fail> {
    let Some(p) = path else {
        return Ok(BTreeMap::new());
    };
    let text = std::fs::read_to_string(p).map_err(|e| Fail(2, format!("{}: {e}", p.display())))?;
    let mut m = BTreeMap::new();
    for l in text.lines() {
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let mut parts = l.splitn(3, '\t');
        let (Some(file), Some(err)) = (parts.next(), parts.next()) else {
            return Err(Fail(
                2,
                format!(
                    "{}: expected `path<TAB>error<TAB>reason`, got {l:?}",
                    p.display()
                ),
            ));
        };
        m.insert(file.to_string(), err.to_string());
    }
    Ok(m)
}

/// Checks one file: `Ok(note)` or `Err(first failure)`.
fn check(bytes: &[u8], row: &Row) -> Result<String, String> {
    let d = detect(bytes).map_err(|e| e.to_string())?;
    let want_bank: u16 = row.bank.trim().parse().unwrap_or(0);
    // The manifest gives the header's bank; a relabelled file is read with the bank its records fit, which the
    // reader says (header_bank_conflict naming the manifest's bank).
    let relabelled = || {
        let problems = match read_with_envelope(bytes, ReadOptions::lenient()) {
            Ok((CnabFile::Retorno(r), _)) => r.problems,
            Ok((CnabFile::Remessa(r), _)) => r.problems,
            Err(_) => return false,
        };
        problems.iter().any(|e| {
            matches!(&e.kind, cnab_core::ErrorKind::HeaderBankConflict { header, .. }
                if header.parse::<u16>().ok() == Some(want_bank))
        })
    };
    if (d.bank.code() != want_bank && !relabelled())
        || d.layout.number().to_string() != row.layout
        || d.kind.to_string() != row.kind
    {
        return Err(format!(
            "detected bank {} CNAB {} {} but the manifest says bank {} CNAB {} {}",
            d.bank,
            d.layout.number(),
            d.kind,
            row.bank,
            row.layout,
            row.kind
        ));
    }
    if d.layout == cnab_core::Layout::Cnab150 {
        return check_150(bytes);
    }
    if !d.product.is_cobranca() {
        return check_structure(bytes, d.product);
    }
    let (mode, file, env, problems): (&str, CnabFile, _, Vec<Error>) =
        match read_with_envelope(bytes, ReadOptions::strict()) {
            Ok((f, env)) => ("strict", f, env, Vec::new()),
            Err(strict_err) => {
                let (f, env) =
                    read_with_envelope(bytes, ReadOptions::lenient()).map_err(|e| e.to_string())?;
                let problems = match &f {
                    CnabFile::Retorno(r) => r.problems.clone(),
                    CnabFile::Remessa(r) => r.problems.clone(),
                };
                if let Some(bad) = problems.iter().find(|e| !is_file_defect(e)) {
                    return Err(bad.to_string());
                }
                let _ = strict_err;
                ("lenient", f, env, problems)
            }
        };
    let (records, n) = match &file {
        CnabFile::Retorno(r) => (&r.records, r.entries.len()),
        CnabFile::Remessa(r) => (&r.records, r.titulos.len()),
    };
    if write_raw(&env.prefix, records, &env.suffix) != bytes {
        return Err("raw records written back differ from the file".into());
    }
    let what = if d.kind == cnab_core::FileKind::Retorno {
        "entries"
    } else {
        "títulos"
    };
    let mut note = format!("{mode}, {n} {what}");
    if !problems.is_empty() {
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        for p in &problems {
            let k = format!("{:?}", p.kind);
            let k = k
                .split([' ', '{', '('])
                .next()
                .unwrap_or_default()
                .to_string();
            *kinds.entry(k).or_default() += 1;
        }
        let list: Vec<String> = kinds.iter().map(|(k, v)| format!("{v} {k}")).collect();
        note.push_str(&format!("; problems: {}", list.join(", ")));
    }
    Ok(note)
}

/// Problem kinds and their counts, for a file's note.
fn summary(problems: &[Error]) -> String {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for p in problems {
        *kinds.entry(p.code()).or_default() += 1;
    }
    let list: Vec<String> = kinds.iter().map(|(k, v)| format!("{v} {k}")).collect();
    list.join(", ")
}

/// A CNAB 150 file: strictly (or leniently with only file defects), entries summing to the trailer, raw records
/// written back byte for byte.
fn check_150(bytes: &[u8]) -> Result<String, String> {
    let (mode, (f, env)) =
        match cnab_core::cnab150::read_with_envelope(bytes, ReadOptions::strict()) {
            Ok(r) => ("strict", r),
            Err(_) => {
                let r = cnab_core::cnab150::read_with_envelope(bytes, ReadOptions::lenient())
                    .map_err(|e| e.to_string())?;
                if let Some(bad) = r.0.problems.iter().find(|e| !is_file_defect(e)) {
                    return Err(bad.to_string());
                }
                ("lenient", r)
            }
        };
    if write_raw(&env.prefix, &f.records, &env.suffix) != bytes {
        return Err("raw records written back differ from the file".into());
    }
    let sum: rust_decimal::Decimal = f.entries.iter().map(|e| e.valor).sum();
    let mut note = format!(
        "{mode}, CNAB 150 {}, {} entries summing to {sum:.2}",
        f.product,
        f.entries.len()
    );
    if !f.problems.is_empty() {
        note.push_str(&format!("; problems: {}", summary(&f.problems)));
    }
    Ok(note)
}

/// A CNAB 240 file of another product (pagamentos, extrato): read structurally (records raw, batches with their
/// service codes, payments or lançamentos checked against the batch trailers' totals), only file defects allowed,
/// raw records written back byte for byte.
fn check_structure(bytes: &[u8], product: cnab_core::Product) -> Result<String, String> {
    let s = cnab_core::read_structure(bytes).map_err(|e| e.to_string())?;
    if let Some(bad) = s.problems.iter().find(|e| !is_file_defect(e)) {
        return Err(bad.to_string());
    }
    if write_raw(&[], &s.records, &[]) != bytes
        && write_raw(&[], &s.records, &split_suffix(bytes, &s.records)) != bytes
    {
        return Err("raw records written back differ from the file".into());
    }
    let mut services: Vec<&str> = s.batches.iter().map(|b| b.servico.as_str()).collect();
    services.dedup();
    let mut note = format!(
        "structural, {product}, {} batches (services {})",
        s.batches.len(),
        services.join(", ")
    );
    // Their entries, whose sums the batch trailers' totals were checked against (a difference is a problem).
    if !s.pagamentos.is_empty() {
        let sum: rust_decimal::Decimal =
            s.pagamentos.iter().filter_map(|p| p.valor_pagamento).sum();
        note.push_str(&format!(
            ", {} payments summing to {sum:.2}",
            s.pagamentos.len()
        ));
    }
    if !s.lancamentos.is_empty() {
        let of = |t: cnab_core::DebitoCredito| -> rust_decimal::Decimal {
            s.lancamentos
                .iter()
                .filter(|l| l.tipo == Some(t))
                .filter_map(|l| l.valor)
                .sum()
        };
        note.push_str(&format!(
            ", {} lançamentos (débitos {:.2}, créditos {:.2})",
            s.lancamentos.len(),
            of(cnab_core::DebitoCredito::Debito),
            of(cnab_core::DebitoCredito::Credito)
        ));
    }
    if !s.problems.is_empty() {
        note.push_str(&format!("; problems: {}", summary(&s.problems)));
    }
    Ok(note)
}

/// The bytes after the last record (trailing blank lines, an end-of-file mark).
fn split_suffix(bytes: &[u8], records: &[cnab_core::RawRecord]) -> Vec<u8> {
    let used: usize = records
        .iter()
        .map(|r| r.bytes().len() + r.ending.as_bytes().len())
        .sum();
    bytes.get(used..).unwrap_or_default().to_vec()
}

pub(crate) fn run(
    out: &mut Out,
    dir: &Path,
    layout: Option<u16>,
    bank: Option<&str>,
    expect: Option<&Path>,
    verbose: bool,
) -> Result<bool, Fail> {
    if let Some(l) = layout {
        if l != 150 && l != 240 && l != 400 {
            return Err(Fail(
                2,
                format!("--layout must be 150, 240 or 400, not {l}"),
            ));
        }
    }
    let rows = manifest(dir)?;
    let expected = expectations(expect)?;
    let bank_code: Option<u16> = bank
        .map(|b| {
            b.trim()
                .parse()
                .map_err(|_| Fail(2, format!("bad --bank {b:?}")))
        })
        .transpose()?;
    let (mut passed, mut failed) = (0usize, 0usize);
    for row in rows {
        if layout.is_some_and(|l| l.to_string() != row.layout) {
            continue;
        }
        if bank_code.is_some_and(|b| row.bank.trim().parse::<u16>().ok() != Some(b)) {
            continue;
        }
        let path = dir.join(&row.path);
        let result = match std::fs::read(&path) {
            Ok(bytes) => check(&bytes, &row),
            Err(e) => Err(format!("cannot read: {e}")),
        };
        let verdict = match (expected.get(&row.path), result) {
            (None, Ok(note)) => Ok(note),
            (None, Err(e)) => Err(e),
            (Some(want), Err(got)) if *want == got => Ok(format!("fails as expected: {got}")),
            (Some(want), Err(got)) => Err(format!("expected error {want:?}, got {got:?}")),
            (Some(want), Ok(note)) => {
                Err(format!("expected error {want:?}, but it reads ({note})"))
            }
        };
        match verdict {
            Ok(note) => {
                passed += 1;
                writeln!(out, "ok    {}  ({note})", row.path)?;
            }
            Err(e) => {
                failed += 1;
                writeln!(out, "FAIL  {}: {e}", row.path)?;
            }
        }
        out.flush()?;
        if verbose {
            if let Ok(bytes) = std::fs::read(&path) {
                if let Ok((
                    CnabFile::Retorno(cnab_core::Retorno { problems, .. })
                    | CnabFile::Remessa(cnab_core::Remessa { problems, .. }),
                    _,
                )) = read_with_envelope(&bytes, ReadOptions::lenient())
                {
                    for p in problems.iter().take(20) {
                        writeln!(out, "        {p}")?;
                    }
                }
            }
        }
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    Ok(failed == 0)
}
