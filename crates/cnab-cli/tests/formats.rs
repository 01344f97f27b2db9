//! `cnab parse --format csv|ndjson` and `--compact` on every fixture; exit codes per command.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn cnab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run cnab: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every `.rem` and `.ret` under fixtures/, relative to the repository root.
fn fixtures() -> Vec<String> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                // CNAB 150 has its own model (no nosso número, no títulos): tested in tests/cnab150.rs.
                if p.ends_with("150-febraban") {
                    continue;
                }
                walk(&p, found);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("rem" | "ret")) {
                found.push(p);
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join("fixtures"), &mut found);
    let mut names: Vec<String> = found
        .iter()
        .map(|p| {
            p.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(names.len() >= 60, "only {} fixtures", names.len());
    names
}

/// The entries (retorno) or títulos (remessa) of the JSON document, and whether it lists problems.
fn items(doc: &Value) -> (&Vec<Value>, bool) {
    let items = doc
        .get("entries")
        .or_else(|| doc.get("titulos"))
        .and_then(Value::as_array)
        .expect("entries or titulos");
    let problems = doc["problems"].as_array().is_some_and(|p| !p.is_empty());
    (items, problems)
}

#[test]
fn csv_ndjson_and_compact_on_every_fixture() {
    for f in fixtures() {
        // Fixtures with damage read leniently; the rows are the same entries either way.
        let (code, pretty, _) = cnab(&["parse", "--lenient", &f]);
        let doc: Value = serde_json::from_str(&pretty).unwrap_or_else(|e| panic!("{f}: {e}"));
        let (items, problems) = items(&doc);
        assert_eq!(code, i32::from(problems), "{f}");

        let (c, compact, _) = cnab(&["parse", "--lenient", "--compact", &f]);
        assert_eq!(c, code, "{f}");
        assert_eq!(compact.lines().count(), 1, "{f}");
        assert_eq!(serde_json::from_str::<Value>(&compact).unwrap(), doc, "{f}");

        let (c, nd, _) = cnab(&["parse", "--lenient", "--format", "ndjson", &f]);
        assert_eq!(c, code, "{f}");
        let lines: Vec<Value> = nd
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{f}: {e}: {l}")))
            .collect();
        assert_eq!(&lines, items, "{f}");

        let (c, csv_text, _) = cnab(&["parse", "--lenient", "--format", "csv", &f]);
        assert_eq!(c, code, "{f}");
        let mut r = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(csv_text.as_bytes());
        let header = r.headers().unwrap().clone();
        assert_eq!(&header[0], "banco", "{f}");
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), items.len(), "{f}");
        for (row, item) in rows.iter().zip(items) {
            assert_eq!(row.len(), header.len(), "{f}");
            let col = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
            assert_eq!(col("line"), item["line"].to_string(), "{f}");
            assert_eq!(col("nosso_numero"), item["nosso_numero"].as_str().unwrap());
            // Dates ISO, money with a dot and two places.
            let due = item["vencimento"].as_str().unwrap_or("");
            assert_eq!(col("vencimento"), due, "{f}");
            let (money, json_money) = if header.iter().any(|h| h == "valor_pago") {
                (col("valor_pago"), &item["valor_pago"])
            } else {
                (col("valor"), &item["valor"])
            };
            if let Some(m) = json_money.as_str() {
                let want: rust_decimal::Decimal = m.parse().unwrap();
                assert_eq!(money, format!("{want:.2}"), "{f}");
                assert!(!money.contains(','), "{f}");
            }
        }
    }
}

#[test]
fn csv_of_a_retorno_has_the_real_values() {
    let (code, out, _) = cnab(&[
        "parse",
        "--format",
        "csv",
        "fixtures/341-itau/cnab400/retorno/retorno.ret",
    ]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("banco,line,nosso_numero,"));
    assert_eq!(
        lines.next().unwrap(),
        "341,2,12345678,3,NF-1001,PEDIDO 778,109,,06,liquidacao,Liquidação normal,,2026-12-15,\
         2026-12-16,2026-12-15,127.50,125.00,,0.00,,,0.00,0.00,0.00,2.50,,0.00,,,341,0057,"
    );
}

#[test]
fn lenient_csv_lists_problems_on_stderr_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("cnab-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = std::fs::read(root().join("fixtures/341-itau/cnab400/retorno/retorno.ret")).unwrap();
    // The valor pago of the first entry (columns 254-266 of line 2) is not digits.
    let mut bad = src.clone();
    let line2 = bad.iter().position(|&b| b == b'\n').unwrap() + 1;
    bad[line2 + 253] = b'X';
    let p = dir.join("bad.ret");
    std::fs::write(&p, &bad).unwrap();
    let p = p.to_str().unwrap();
    let (code, out, err) = cnab(&["parse", "--lenient", "--format", "csv", p]);
    assert_eq!(code, 1);
    assert!(err.contains("line 2"), "{err}");
    assert!(out.starts_with("banco,"), "{out}");
    let (code, _, err) = cnab(&["parse", "--format", "csv", p]);
    assert_eq!(code, 1);
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn records_and_compact_need_json() {
    let f = "fixtures/341-itau/cnab400/retorno/retorno.ret";
    let (code, out, err) = cnab(&["parse", "--format", "csv", "--records", f]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("--format json"), "{err}");
    assert_eq!(cnab(&["parse", "--format", "ndjson", "--compact", f]).0, 2);
    assert_eq!(cnab(&["parse", "--format", "xml", f]).0, 2);
}
