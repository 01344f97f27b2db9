//! `cnab parse --format parquet --out FILE`, read back with the parquet crate: one row per entry of `cnab parse`,
//! amounts equal to the JSON's.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use rust_decimal::Decimal;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn cnab(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn retornos() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = Vec::new();
    for bank in std::fs::read_dir(root().join("fixtures")).unwrap() {
        for layout in std::fs::read_dir(bank.unwrap().path()).unwrap() {
            let dir = layout.unwrap().path().join("retorno");
            if let Ok(rd) = std::fs::read_dir(&dir) {
                for f in rd {
                    let p = f.unwrap().path();
                    if p.extension().is_some_and(|x| x == "ret") {
                        v.push(p);
                    }
                }
            }
        }
    }
    v.sort();
    v
}

fn json_total(entries: &[Value], field: &str) -> Decimal {
    entries
        .iter()
        .filter_map(|e| e.get(field)?.as_str()?.parse::<Decimal>().ok())
        .sum()
}

#[test]
fn parquet_rows_and_amounts_equal_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for path in retornos() {
        let p = path.to_str().unwrap();
        let (code, json, _) = cnab(&["parse", p]);
        if code != 0 {
            continue; // a fixture the core refuses is the core's business
        }
        let doc: Value = serde_json::from_slice(&json).unwrap();
        let entries = doc["entries"].as_array().unwrap();
        let out = dir.path().join("x.parquet");
        let (code, _, err) = cnab(&[
            "parse",
            p,
            "--format",
            "parquet",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{p}: {err}");
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&out).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<_> = reader.collect::<Result<_, _>>().unwrap();
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, entries.len(), "{p}");
        for field in ["valor_pago", "valor_titulo", "tarifa", "valor_creditado"] {
            let got: Decimal = batches
                .iter()
                .filter_map(|b| cnab_arrow::column_total(b, field))
                .sum();
            assert_eq!(got, json_total(entries, field), "{p} {field}");
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} retornos checked");
}

#[test]
fn parquet_usage_and_input_errors() {
    let ret = "fixtures/341-itau/cnab240/retorno/retorno.ret";
    let (code, _, err) = cnab(&["parse", ret, "--format", "parquet"]);
    assert_eq!(
        (code, err.trim()),
        (
            2,
            "cnab: --format parquet writes a file: give it with --out FILE"
        )
    );
    let (code, _, err) = cnab(&["parse", ret, "--out", "x.parquet"]);
    assert_eq!(
        (code, err.trim()),
        (2, "cnab: --out goes with --format parquet")
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.parquet");
    let rem = "fixtures/341-itau/cnab240/remessa/remessa.rem";
    let (code, _, err) = cnab(&[
        "parse",
        rem,
        "--format",
        "parquet",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(rem), "{err}");
    assert!(!Path::new(&out).exists());
}
