//! The bundled fixtures: `fixtures/<code>-<bank>/<cnab240|cnab400>/<remessa|retorno>/<name>.model.json` is a model;
//! `<name>.rem` / `<name>.ret` is what our writer makes of it; `<name>.expected.json` is what our reader makes of that
//! file. This test checks all three agree: write(model) == file bytes, read(file) == expected JSON, and
//! read(write(model)) gives the model back.
//!
//! `CNAB_BLESS=1 cargo test -p cnab-core --test fixtures` (or `CNAB_BLESS=237-bradesco` for one folder) (re)writes the `.rem`/`.ret` and `.expected.json` files of
//! every model; review the diff by hand against the bank's manual before committing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::{Path, PathBuf};

use cnab_core::{
    read, write_remessa_with, write_retorno, Bank, CnabFile, Layout, ReadOptions, Remessa, Retorno,
    WriteOptions,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn models(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            models(&p, out);
        } else if p.to_string_lossy().ends_with(".model.json") {
            out.push(p);
        }
    }
}

/// Parse output without line numbers (the model has none) — what the CLI prints with `cnab parse`.
fn normalized(file: &CnabFile) -> serde_json::Value {
    let mut v = serde_json::to_value(file).unwrap_or_default();
    strip_lines(&mut v);
    v
}

fn strip_lines(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("line");
            m.remove("records");
            m.remove("problems");
            m.remove("bank");
            for x in m.values_mut() {
                strip_lines(x);
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_lines),
        _ => {}
    }
}

fn check(model_path: &Path, bless: bool) -> Result<(), String> {
    let name = model_path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .trim_end_matches(".model.json")
        .to_string();
    let dir = model_path.parent().ok_or("no parent")?;
    let kind = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let layout_dir = dir
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let bank_dir = dir
        .parent()
        .and_then(|p| p.parent())
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let bank: Bank = bank_dir
        .get(..3)
        .unwrap_or_default()
        .parse()
        .map_err(|e| format!("{e}"))?;
    let layout = if layout_dir == "cnab240" {
        Layout::Cnab240
    } else {
        Layout::Cnab400
    };
    let json = std::fs::read_to_string(model_path).map_err(|e| e.to_string())?;
    let (bytes, ext) = if kind == "remessa" {
        let model: Remessa = serde_json::from_str(&json).map_err(|e| format!("model: {e}"))?;
        (
            write_remessa_with(&model, bank, layout, WriteOptions::default())
                .map_err(|e| format!("write: {e}"))?
                .bytes,
            "rem",
        )
    } else {
        let mut model: Retorno = serde_json::from_str(&json).map_err(|e| format!("model: {e}"))?;
        model.bank = bank;
        model.layout = layout;
        (
            write_retorno(&model, WriteOptions::default()).map_err(|e| format!("write: {e}"))?,
            "ret",
        )
    };
    let file = dir.join(format!("{name}.{ext}"));
    let expected = dir.join(format!("{name}.expected.json"));
    if bless {
        std::fs::write(&file, &bytes).map_err(|e| e.to_string())?;
    }
    let on_disk = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    if on_disk != bytes {
        return Err(format!(
            "{}: writer output differs from the file on disk",
            file.display()
        ));
    }
    let parsed = read(&on_disk, ReadOptions::strict())
        .map_err(|e| format!("{}: strict read: {e}", file.display()))?;
    let got = normalized(&parsed);
    if bless {
        let pretty = serde_json::to_string_pretty(&got).map_err(|e| e.to_string())? + "\n";
        std::fs::write(&expected, pretty).map_err(|e| e.to_string())?;
    }
    let want: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&expected).map_err(|e| format!("{}: {e}", expected.display()))?,
    )
    .map_err(|e| e.to_string())?;
    if got != want {
        return Err(format!(
            "{}: parse differs from {}",
            file.display(),
            expected.display()
        ));
    }
    // Round trip: the model we wrote comes back.
    let mut model_json: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| e.to_string())?;
    strip_lines(&mut model_json);
    let back = match &parsed {
        CnabFile::Remessa(r) => serde_json::to_value(&r.titulos).unwrap_or_default(),
        CnabFile::Retorno(r) => serde_json::to_value(&r.entries).unwrap_or_default(),
    };
    let mut back = back;
    strip_lines(&mut back);
    let key = if kind == "remessa" {
        "titulos"
    } else {
        "entries"
    };
    let want_items: Vec<serde_json::Value> = model_json
        .get(key)
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    let back_items = back.as_array().cloned().unwrap_or_default();
    if want_items.len() != back_items.len() {
        return Err(format!(
            "{}: {} items written, {} read back",
            file.display(),
            want_items.len(),
            back_items.len()
        ));
    }
    for (i, (w, b)) in want_items.iter().zip(&back_items).enumerate() {
        if let Some(wm) = w.as_object() {
            for (k, wv) in wm {
                let bv = b.get(k).cloned().unwrap_or(serde_json::Value::Null);
                if !json_eq(wv, &bv) {
                    return Err(format!(
                        "{}: item {} field {k}: model {wv} but read back {bv}",
                        file.display(),
                        i + 1
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Model values compare equal to what is read back: numbers as decimals ("12.5" == "12.50"), objects by the model's keys.
fn json_eq(want: &serde_json::Value, got: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (want, got) {
        (V::String(a), V::String(b)) => {
            a == b
                || cnab_core::to_bank_ascii(a) == *b
                || matches!((a.parse::<rust_decimal::Decimal>(), b.parse::<rust_decimal::Decimal>()), (Ok(x), Ok(y)) if x == y)
        }
        (V::Object(a), V::Object(b)) => a
            .iter()
            .all(|(k, v)| json_eq(v, b.get(k).unwrap_or(&V::Null))),
        (V::Object(a), V::Null) => a
            .values()
            .all(|v| v.is_null() || v == &V::String(String::new())),
        (V::Array(a), V::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| json_eq(x, y))
        }
        _ => want == got,
    }
}

#[test]
fn fixtures_write_read_and_round_trip() {
    // CNAB_BLESS=1 blesses every fixture; CNAB_BLESS=<text> only those whose path contains <text> (e.g. 237-bradesco).
    let bless = std::env::var("CNAB_BLESS").ok();
    let mut all = Vec::new();
    models(&root(), &mut all);
    assert!(
        !all.is_empty(),
        "no fixtures found under {}",
        root().display()
    );
    let blessed = |p: &Path| {
        bless
            .as_deref()
            .is_some_and(|b| b == "1" || p.to_string_lossy().contains(b))
    };
    let failures: Vec<String> = all
        .iter()
        .filter_map(|p| check(p, blessed(p)).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
