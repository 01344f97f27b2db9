//! `cnab` on CNAB 150 files (FEBRABAN débito automático and arrecadação): detected without `--layout`, chosen
//! with `--layout 150`, in inspect, parse, validate, corpus and gen.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::process::Command;

use serde_json::Value;

fn cnab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap_or_else(|e| panic!("cannot run cnab: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const RET: &str = "fixtures/150-febraban/cnab150/debito/retorno/retorno.ret";
const ARR: &str = "fixtures/150-febraban/cnab150/arrecadacao/retorno/retorno.ret";

#[test]
fn inspect_detects_cnab_150_and_sums_the_debits() {
    for args in [
        vec!["inspect", RET],
        vec!["inspect", "--layout", "150", RET],
    ] {
        let (code, out, err) = cnab(&args);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("layout:  CNAB 150 (version 05)"), "{out}");
        assert!(out.contains("product: débito automático"), "{out}");
        assert!(out.contains("valor total:           1517.21"), "{out}");
        assert!(out.contains("debitado total:        192.75"), "{out}");
        assert!(
            out.contains("1  01 Débito não efetuado - Insuficiência de fundos"),
            "{out}"
        );
    }
    // A cobrança file read as CNAB 150 is refused with the reason.
    let (code, _, err) = cnab(&[
        "inspect",
        "--layout",
        "150",
        "fixtures/341-itau/cnab240/retorno/retorno.ret",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("CNAB 240 retorno file, not CNAB 150"), "{err}");
    assert_eq!(cnab(&["inspect", "--layout", "500", RET]).0, 2);
}

#[test]
fn inspect_stream_reads_cnab_150_detail_by_detail() {
    for file in [RET, ARR] {
        let (code, whole, err) = cnab(&["inspect", "--rows", "2", file]);
        assert_eq!(code, 0, "{err}");
        for args in [
            vec!["inspect", "--stream", "--rows", "2", file],
            vec![
                "inspect", "--stream", "--layout", "150", "--rows", "2", file,
            ],
        ] {
            let (code, streamed, err) = cnab(&args);
            assert_eq!(code, 0, "{err}");
            // The same summary, said to be streamed, without the record count the stream does not hold.
            let expected: String = whole
                .lines()
                .filter(|l| !l.starts_with("records: "))
                .map(|l| match l.strip_prefix("kind:    ") {
                    Some(k) => format!("kind:    {k} (streamed)\n"),
                    None => format!("{l}\n"),
                })
                .collect();
            assert_eq!(streamed, expected);
        }
    }
    let (_, out, _) = cnab(&["inspect", "--stream", RET]);
    assert!(out.contains("debitado total:        192.75"), "{out}");
    assert!(
        out.contains("1  01 Débito não efetuado - Insuficiência de fundos"),
        "{out}"
    );
    // From standard input too.
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["inspect", "--stream", "-"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(
            std::fs::File::open(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../",
                "fixtures/150-febraban/cnab150/arrecadacao/retorno/retorno.ret"
            ))
            .unwrap(),
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("product: arrecadação"), "{text}");
}

#[test]
fn parse_gives_the_model_as_json_ndjson_and_csv() {
    let (code, out, _) = cnab(&["parse", ARR]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["product"], "arrecadacao");
    assert_eq!(doc["entries"][1]["valor"], "120.00");
    assert_eq!(doc["valor_total"], "244.02");
    let (_, nd, _) = cnab(&["parse", "--format", "ndjson", RET]);
    let lines: Vec<Value> = nd
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0]["registro"], "B");
    assert_eq!(lines[4]["resultado"]["resultado"], "nao_debitado");
    let (_, csv, _) = cnab(&["parse", "--format", "csv", RET]);
    let row = csv.lines().nth(5).unwrap();
    assert!(
        row.starts_with(
            "001,6,F,0000451302,0127,00000000654321,2026-11-10,,89.90,,01,nao_debitado,"
        ),
        "{row}"
    );
}

#[test]
fn validate_names_line_columns_and_field() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../",
        "fixtures/150-febraban/cnab150/arrecadacao/retorno/retorno.ret"
    ))
    .unwrap();
    let mut bad = bytes.clone();
    // The trailer's total (Z03, 8-24) one centavo off.
    let z = bad.len() - 2 - 150;
    bad[z + 23] = b'3';
    let path = std::env::temp_dir().join(format!("cnab150-validate-{}.ret", std::process::id()));
    std::fs::write(&path, &bad).unwrap();
    let (code, out, _) = cnab(&["validate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert!(
        out.contains("line 5, columns 8-24 (valor_total): trailer says a total of 244.03, but the file has a total of 244.02"),
        "{out}"
    );
}

#[test]
fn gen_writes_files_that_read_back_strictly() {
    let dir = std::env::temp_dir();
    for (kind, product, n) in [
        ("remessa", "debito", 7),
        ("retorno", "debito", 9),
        ("retorno", "arrecadacao", 11),
    ] {
        let path = dir.join(format!(
            "cnab150-gen-{kind}-{product}-{}.txt",
            std::process::id()
        ));
        let p = path.to_str().unwrap();
        let (code, _, err) = cnab(&[
            "gen",
            "--bank",
            "104",
            "--layout",
            "150",
            "--kind",
            kind,
            "--product",
            product,
            "--entries",
            &n.to_string(),
            "--out",
            p,
        ]);
        assert_eq!(code, 0, "{err}");
        let (code, out, err) = cnab(&["parse", p]);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(code, 0, "{err}");
        let doc: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(doc["entries"].as_array().unwrap().len(), n);
        assert_eq!(doc["total_registros"], n + 2);
        assert_eq!(doc["kind"], kind);
    }
    assert_eq!(
        cnab(&[
            "gen",
            "--bank",
            "1",
            "--layout",
            "150",
            "--kind",
            "remessa",
            "--product",
            "arrecadacao",
            "--entries",
            "1"
        ])
        .0,
        2
    );
}

#[test]
fn corpus_gate_reads_the_150_files() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/real/other"
    );
    if !std::path::Path::new(dir).is_dir() {
        return;
    }
    let (code, out, err) = cnab(&["corpus", dir, "--layout", "150"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("yaretorno__RCB001455608201413819.ret  (strict, CNAB 150 arrecadação, 28 entries summing to 7141.20)"),
        "{out}"
    );
    assert!(out.contains("3 passed, 0 failed"), "{out}");
}
