//! The `cnab` binary as a user runs it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

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

#[test]
fn readme_bank_table_is_the_registry() {
    let (code, table, _) = cnab(&["banks"]);
    assert_eq!(code, 0);
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .unwrap_or_default();
    let begin = readme
        .find("<!-- banks:begin -->\n")
        .map(|i| i + "<!-- banks:begin -->\n".len())
        .unwrap_or(0);
    let end = readme.find("<!-- banks:end -->").unwrap_or(0);
    assert_eq!(
        readme.get(begin..end).unwrap_or_default(),
        table,
        "README's bank table is stale: paste `cnab banks` between the markers"
    );
}

#[test]
fn readme_main_command_runs() {
    let (code, out, err) = cnab(&["inspect", "fixtures/341-itau/cnab240/retorno/retorno.ret"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("bank:    341 Itaú Unibanco"), "{out}");
    assert!(out.contains("layout:  CNAB 240"), "{out}");
    assert!(out.contains("kind:    retorno"), "{out}");
}

#[test]
fn parse_prints_the_model_and_records() {
    let (code, out, _) = cnab(&[
        "parse",
        "fixtures/341-itau/cnab240/retorno/retorno.ret",
        "--records",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(v["kind"], "retorno");
    assert_eq!(v["bank"]["code"], "341");
    assert_eq!(v["entries"][0]["valor_pago"], "127.50");
    assert_eq!(v["records"][3]["record"], "segmento_u");
    assert_eq!(v["records"][3]["fields"]["valor_pago"], "127.50");
}

#[test]
fn validate_reports_every_problem_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("cnab-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let src = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/retorno/retorno.ret"
    ))
    .unwrap_or_default();
    let mut bad = src.clone();
    // Segment U of the first entry (line 4), valor pago at 78-92: a comma.
    let u = (240 + 2) * 3;
    bad.splice(u + 77..u + 92, b"0000000001,2750".iter().copied());
    let path = dir.join("bad.ret");
    std::fs::write(&path, &bad).unwrap_or_default();
    let (code, out, _) = cnab(&["validate", path.to_str().unwrap_or_default()]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "line 4, columns 78-92 (valor_pago): expected digits, found \"0000000001,2750\""
        ),
        "{out}"
    );
    let (code, _, err) = cnab(&["parse", path.to_str().unwrap_or_default()]);
    assert_eq!(code, 1);
    assert!(err.contains("line 4, columns 78-92 (valor_pago)"), "{err}");
    let (code, out, _) = cnab(&["parse", "--lenient", path.to_str().unwrap_or_default()]);
    assert_eq!(code, 1, "--lenient found a problem");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["problems"][0]["code"], "not_digits");
    assert_eq!(v["problems"][0]["line"], 4);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(cnab(&["parse"]).0, 2);
    assert_eq!(cnab(&["nonsense"]).0, 2);
    assert_eq!(cnab(&["corpus", "fixtures", "--layout", "500"]).0, 2);
    assert_eq!(cnab(&["parse", "/no/such/file"]).0, 2);
}

#[test]
fn boleto_parse_and_make() {
    let (code, out, _) = cnab(&[
        "boleto",
        "parse",
        "34191.09123 34567.800056 71234.570001 5 15390000012750",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(v["barcode"], "34195153900000127501091234567800057123457000");
    assert_eq!(v["valor"], "127.50");
    assert_eq!(v["vencimento"], "2026-08-15");
    let (code, _, err) = cnab(&[
        "boleto",
        "parse",
        "34191.09123 34567.800056 71234.570001 6 15390000012750",
    ]);
    assert_eq!(code, 1);
    assert!(!err.is_empty());
    // a code built for 123,456,789.01 (Bradesco, no due date: the value runs over the fator positions) reads back
    // whole, and the reading is named on stderr and in "avisos"
    let (code, out, err) = cnab(&[
        "boleto",
        "parse",
        "23791.17209 60000.000004 01040.300509 3 00012345678901",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(v["valor"], "123456789.01");
    assert_eq!(v["fator_vencimento"], serde_json::Value::Null);
    assert_eq!(v["avisos"].as_array().map(Vec::len), Some(1));
    assert!(err.contains("14-digit value"), "{err}");
}

#[test]
fn remessa_from_a_model_is_the_fixture() {
    let (code, _, err) = cnab(&[
        "remessa",
        "fixtures/341-itau/cnab240/remessa/remessa.model.json",
        "--bank",
        "341",
        "--layout",
        "240",
        "--out",
        std::env::temp_dir()
            .join("cnab-remessa-test.rem")
            .to_str()
            .unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    let written =
        std::fs::read(std::env::temp_dir().join("cnab-remessa-test.rem")).unwrap_or_default();
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/remessa/remessa.rem"
    ))
    .unwrap_or_default();
    assert_eq!(written, fixture);
}

#[test]
fn inspect_stream_matches_inspect() {
    let (code, out, err) = cnab(&[
        "inspect",
        "--stream",
        "fixtures/341-itau/cnab240/retorno/retorno.ret",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("entries: 2"), "{out}");
    assert!(out.contains("valor_pago total:      127.50"), "{out}");
}

/// A scratch folder of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cnab-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A real retorno of the corpus (`../shared/corpus/real`), or None when the corpus is absent.
fn corpus(rel: &str) -> Option<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !root.is_dir() {
        eprintln!("corpus folder absent: skipping");
        return None;
    }
    Some(std::fs::read(root.join(rel)).unwrap())
}

/// `cnab parse --lenient` of `bytes`: (exit code, the whole JSON document, its problems as (code, line)).
fn lenient(dir: &Path, name: &str, bytes: &[u8]) -> (i32, Value, Vec<(String, u64)>) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let (code, out, err) = cnab(&["parse", "--lenient", path.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("{name}: not one whole JSON document ({e}): {out}\n{err}"));
    let problems = v["problems"]
        .as_array()
        .map(|p| {
            p.iter()
                .map(|p| {
                    assert_eq!(p["file"], path.to_str().unwrap(), "{p}");
                    assert!(p["message"]
                        .as_str()
                        .unwrap()
                        .starts_with(&format!("{}: ", path.display())));
                    assert_eq!(p["kind"], p["code"]);
                    (
                        p["code"].as_str().unwrap().to_string(),
                        p["line"].as_u64().unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (code, v, problems)
}

#[test]
fn lenient_parse_of_damaged_real_files_is_whole_json() {
    let Some(src) = corpus("104-caixa/cnab240/retorno/opencnabphp__R2100095.RET") else {
        return;
    };
    let dir = scratch("lenient");
    let lines: Vec<&[u8]> = src.split_inclusive(|&b| b == b'\n').collect();
    let with = |f: &dyn Fn(&mut Vec<Vec<u8>>)| -> Vec<u8> {
        let mut v: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
        f(&mut v);
        v.concat()
    };
    let has = |p: &[(String, u64)], code: &str, line: u64| {
        assert!(
            p.iter().any(|(c, l)| c == code && *l == line),
            "no {code} at line {line} in {p:?}"
        );
    };

    // The undamaged file: no problems, exit 0.
    let (code, v, p) = lenient(&dir, "clean.ret", &src);
    assert_eq!((code, p.len()), (0, 0), "{v}");
    assert_eq!(v["kind"], "retorno");

    // A second file header (a structure problem: the JSON used to stop half-way here).
    let (code, v, p) = lenient(&dir, "header.ret", &with(&|v| v.insert(3, v[0].clone())));
    assert_eq!(code, 1);
    has(&p, "structure", 4);
    let first =
        &v["problems"].as_array().unwrap()[p.iter().position(|(c, _)| c == "structure").unwrap()];
    assert_eq!(first["category"], "structure");
    assert_eq!(first["reason"], "second file header");
    assert!(v["entries"].as_array().is_some_and(|e| !e.is_empty()));

    // A truncated line.
    let (code, _, p) = lenient(
        &dir,
        "truncated.ret",
        &with(&|v| {
            v[4].truncate(200);
            v[4].extend_from_slice(b"\r\n");
        }),
    );
    assert_eq!(code, 1);
    has(&p, "line_length", 5);

    // A junk line inserted.
    let (code, _, p) = lenient(
        &dir,
        "junk.ret",
        &with(&|v| v.insert(5, b"JUNK LINE\r\n".to_vec())),
    );
    assert_eq!(code, 1);
    has(&p, "line_length", 6);

    // A duplicated detail: the trailer counts disagree.
    let (code, _, p) = lenient(&dir, "dup.ret", &with(&|v| v.insert(5, v[4].clone())));
    assert_eq!(code, 1);
    assert!(p.iter().any(|(c, _)| c == "trailer_count"), "{p:?}");

    // The batch header removed: every detail is out of place.
    let (code, _, p) = lenient(&dir, "nobatch.ret", &with(&|v| drop(v.remove(1))));
    assert_eq!(code, 1);
    has(&p, "structure", 2);

    // Not a CNAB file at all: still one JSON document, with its one problem.
    let (code, v, p) = lenient(&dir, "text.ret", b"hello\n");
    assert_eq!(code, 1);
    assert_eq!(p, vec![("unknown_layout".to_string(), 1)], "{v}");
}

#[test]
fn validate_as_json() {
    let dir = scratch("validate-json");
    let mut bad = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/retorno/retorno.ret"
    ))
    .unwrap();
    let u = (240 + 2) * 3;
    bad.splice(u + 77..u + 92, b"0000000001,2750".iter().copied());
    let path = dir.join("bad.ret");
    std::fs::write(&path, &bad).unwrap();
    let name = path.to_str().unwrap();
    let (code, out, _) = cnab(&["validate", "--format", "json", name]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v,
        json!([{
            "kind": "not_digits",
            "found": "0000000001,2750",
            "code": "not_digits",
            "category": "field",
            "message": format!("{name}: line 4, columns 78-92 (valor_pago): expected digits, found \"0000000001,2750\""),
            "file": name,
            "line": 4,
            "columns": [78, 92],
            "field": "valor_pago",
            "record": "segmento_u",
        }])
    );
    // The text form names the file too.
    let (code, out, _) = cnab(&["validate", "--format", "text", name]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!("{name}: line 4, columns 78-92 (valor_pago): expected digits, found \"0000000001,2750\"\n")
    );
    // A clean file: an empty array, exit 0.
    let (code, out, _) = cnab(&[
        "validate",
        "--format",
        "json",
        "fixtures/341-itau/cnab240/retorno/retorno.ret",
    ]);
    assert_eq!((code, out.as_str()), (0, "[]\n"));
    // Not a CNAB file: the one problem, exit 1.
    let text = dir.join("text.ret");
    std::fs::write(&text, b"hello\n").unwrap();
    let (code, out, _) = cnab(&["validate", "--format", "json", text.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["code"], "unknown_layout");
    assert_eq!(v[0]["category"], "structure");
    assert_eq!(v[0]["file"], text.to_str().unwrap());
    assert_eq!(cnab(&["validate", "--format", "xml", name]).0, 2);
}

/// Runs `cnab` and closes its standard output after the first byte, as `cnab … | head -c 1` does:
/// (exit code, standard error).
fn cnab_into_closed_pipe(args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // A retorno of 5,000 entries (megabytes of output: far more than a pipe holds), written by our writer so it
    // reads strictly; and a copy whose every valor pago has a comma (one problem per entry).
    let model = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/retorno/retorno.ret"
    ))
    .unwrap();
    let mut r = cnab_core::read_retorno(&model, cnab_core::ReadOptions::strict()).unwrap();
    let one = r.entries.clone();
    r.entries = one.iter().cycle().take(5000).cloned().collect();
    let big = cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).unwrap();
    let dir = scratch("pipe");
    let good = dir.join("big.ret");
    std::fs::write(&good, &big).unwrap();
    let mut bad = Vec::with_capacity(big.len());
    for line in big.split_inclusive(|&b| b == b'\n') {
        let at = bad.len();
        bad.extend_from_slice(line);
        if line.get(13) == Some(&b'U') {
            bad[at + 90] = b',';
        }
    }
    let damaged = dir.join("bad.ret");
    std::fs::write(&damaged, &bad).unwrap();
    let (good, damaged) = (good.to_str().unwrap(), damaged.to_str().unwrap());

    for (args, want) in [
        (vec!["inspect", "--rows", "5000", good], 0),
        (vec!["inspect", "--stream", "--rows", "5000", good], 0),
        (vec!["parse", good], 0),
        (vec!["parse", "--records", good], 0),
        (vec!["parse", "--lenient", damaged], 1),
        (vec!["validate", damaged], 1),
        (vec!["validate", "--format", "json", damaged], 1),
    ] {
        let (code, err) = cnab_into_closed_pipe(&args);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(code, want, "{args:?}: {err}");
    }
}

/// A copy of the Itaú 240 fixture model with `from` replaced by `to`, in a temporary file.
fn edited_model(name: &str, from: &str, to: &str) -> std::path::PathBuf {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/remessa/remessa.model.json"
    ))
    .unwrap();
    assert!(json.contains(from), "{from}");
    let p = std::env::temp_dir().join(format!("cnab-cli-{}-{name}.json", std::process::id()));
    std::fs::write(&p, json.replacen(from, to, 1)).unwrap();
    p
}

#[test]
fn remessa_prints_each_warning_and_strict_refuses_them() {
    let model = edited_model(
        "long-name",
        "\"José da Conceição\"",
        "\"Maria Aparecida dos Santos Oliveira Filha\"",
    );
    let m = model.to_str().unwrap();
    let args = ["remessa", m, "--bank", "341", "--layout", "240"];
    let (code, out, err) = cnab(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.len(), 9 * 242);
    assert_eq!(
        err,
        "warning: line 4, columns 34-63 (pagador_nome): título 1 (seu número \"NF-1001\", nosso número \
         \"12345678\"): pagador.nome \"Maria Aparecida dos Santos Oliveira Filha\": longer than the \
         field's 30 positions, cut to \"MARIA APARECIDA DOS SANTOS OLI\"\n"
    );
    let (code, out, err) = cnab(&[&args[..], &["--strict"]].concat());
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert_eq!(
        err,
        "cnab: line 4, columns 34-63 (pagador_nome): título 1 (seu número \"NF-1001\", nosso número \
         \"12345678\"): pagador.nome \"Maria Aparecida dos Santos Oliveira Filha\": longer than the \
         field's 30 positions, cut to \"MARIA APARECIDA DOS SANTOS OLI\" (strict writing)\n"
    );
}

#[test]
fn remessa_refuses_unknown_keys_and_unwritable_values() {
    let model = edited_model("typo", "\"vencimento\"", "\"vencimeto\"");
    let m = model.to_str().unwrap();
    let (code, out, err) = cnab(&["remessa", m, "--bank", "341", "--layout", "240"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("JSON model, at titulos[0].vencimeto: unknown field `vencimeto`"),
        "{err}"
    );
    let model = edited_model("decimals", "\"127.50\"", "\"127.505\"");
    let m = model.to_str().unwrap();
    let (code, out, err) = cnab(&["remessa", m, "--bank", "341", "--layout", "240"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "cnab: line 3, columns 86-100 (valor_titulo): título 1 (seu número \"NF-1001\", nosso número \
         \"12345678\"): valor \"127.505\": has more than 2 decimal places (the writer never rounds)\n"
    );
}

#[test]
fn parse_output_of_a_remessa_writes_back() {
    let (code, json, err) = cnab(&[
        "parse",
        "--records",
        "fixtures/341-itau/cnab240/remessa/remessa.rem",
    ]);
    assert_eq!(code, 0, "{err}");
    let p = std::env::temp_dir().join(format!("cnab-cli-{}-parsed.json", std::process::id()));
    std::fs::write(&p, json).unwrap();
    let (code, out, err) = cnab(&[
        "remessa",
        p.to_str().unwrap(),
        "--bank",
        "341",
        "--layout",
        "240",
    ]);
    assert_eq!(code, 0, "{err}");
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/remessa/remessa.rem"
    ))
    .unwrap();
    assert_eq!(out.as_bytes(), fixture.as_slice());
}

/// Runs `cnab` with `input` on standard input.
fn cnab_stdin(args: &[&str], input: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn inspect_stream_reads_stdin_and_prints_the_header_summary() {
    let path = "fixtures/341-itau/cnab240/retorno/retorno.ret";
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path),
    )
    .unwrap();
    let (code, from_stdin, err) = cnab_stdin(&["inspect", "--stream", "-"], &bytes);
    assert_eq!(code, 0, "{err}");
    let (code, from_file, err) = cnab(&["inspect", "--stream", path]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(from_stdin, from_file);
    let lines: Vec<&str> = from_stdin.lines().collect();
    assert_eq!(lines[1], "layout:  CNAB 240 (version 040)");
    assert_eq!(
        lines[3],
        "beneficiario: PADARIA SAO JOAO LTDA (11222333000181)"
    );
    assert_eq!(lines[4], "data_geracao: 2026-12-16");
    // The entries under a column header, the same columns as `inspect`.
    let header = lines
        .iter()
        .position(|l| l.trim_start().starts_with("line"))
        .unwrap();
    assert_eq!(
        lines[header],
        " line  nosso_numero         seu_numero      oc   data         valor_titulo     valor_pago"
    );
    assert_eq!(
        lines[header + 1],
        "    3  12345678             NF-1001         06   2026-12-15         127.50         127.50"
    );
}

#[test]
fn inspect_stream_columns_stay_aligned_past_100000_lines() {
    // A Bradesco retorno with 100,000 blank lines after its header (a tolerated defect, read leniently): its first
    // entry is on line 100,002, wider than the five-digit line column.
    let fixture = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/237-bradesco/cnab400/retorno/retorno.ret"),
    )
    .unwrap();
    let header_end = fixture.iter().position(|b| *b == b'\n').unwrap() + 1;
    let mut bytes = fixture[..header_end].to_vec();
    bytes.extend(std::iter::repeat_n(b'\n', 100_000));
    bytes.extend_from_slice(&fixture[header_end..]);
    let (code, out, err) = cnab_stdin(&["inspect", "--stream", "--lenient", "-"], &bytes);
    assert_eq!(code, 1, "{err}"); // the blank lines are reported
    let lines: Vec<&str> = out.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.trim_start().starts_with("line "))
        .unwrap();
    let row = lines[header + 1];
    assert!(row.starts_with("100002  "), "{row}");
    // Every column starts where its header does.
    for col in ["nosso_numero", "seu_numero", "oc "] {
        let at = lines[header].find(col).unwrap();
        assert_eq!(row.as_bytes()[at - 1], b' ', "{col}: {row}");
        assert_ne!(row.as_bytes()[at], b' ', "{col}: {row}");
    }
    assert!(lines[header].starts_with("  line  nosso_numero"));
}

#[test]
fn pagamentos_and_extrato_files_are_inspected_and_parsed_structurally() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/real/other"
    );
    if !std::path::Path::new(dir).is_dir() {
        eprintln!("corpus absent: skipping");
        return;
    }
    let boleto = format!("{dir}/341-itau/cnab240-pagamento/remessa/cnabsispag__boleto2.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["inspect", &boleto])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("product: pagamentos (read structurally)"),
        "{text}"
    );
    assert!(
        text.contains("    2  0001 C  20      pagamentos         31    030          4  segmento_j 1, segmento_j52 1"),
        "{text}"
    );
    assert!(text.contains("payments: 1 (valor 2243.70)"), "{text}");
    assert!(
        text.contains("    3  0001 J          2243.70 2026-06-17              -                 MOPEN SERVICOS EM TEC E COMERC"),
        "{text}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["parse", "--records", &boleto])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["records"][3]["record"], "segmento_j52");
    assert_eq!(
        doc["records"][3]["fields"]["sacado_nome"],
        "AMA - ASSOCIACAO DE AMIGOS DO AUTISTA"
    );
    assert_eq!(doc["records"][2]["fields"]["valor_pagamento"], "2243.70");
    assert_eq!(doc["batches"][0]["details"][1][0], "segmento_j52");
    // The payment as an entry: its segment J with the J-52's beneficiário inscrição.
    let p = &doc["pagamentos"][0];
    assert_eq!(
        (&p["segmento"], &p["valor_pagamento"], &p["data_pagamento"]),
        (
            &serde_json::json!("J"),
            &serde_json::json!("2243.70"),
            &serde_json::json!("2026-06-17")
        )
    );
    assert_eq!(p["favorecido"]["nome"], "MOPEN SERVICOS EM TEC E COMERC");
    assert_eq!(p["favorecido"]["inscricao"]["numero"], "000000669000192");
    assert_eq!(doc["pagamentos"].as_array().map(Vec::len), Some(1));
    // CSV has no place for records of another product: a usage error naming why.
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["parse", "--format", "csv", &boleto])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    let extrato = format!("{dir}/237-bradesco/cnab240-extrato/retorno/marcodptcnab__bradesco.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["parse", "--records", "--compact", &extrato])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["detected"]["product"], "extrato");
    assert_eq!(doc["records"][2]["record"], "segmento_e");
    assert_eq!(doc["records"][10]["record"], "segmento_e");
    assert_eq!(doc["records"][11]["record"], "trailer_lote_extrato");
    assert_eq!(doc["problems"], serde_json::json!([]));
    assert_eq!(doc["lancamentos"].as_array().map(Vec::len), Some(9));
    assert_eq!(doc["lancamentos"][0]["valor"], "1793.71");
    assert_eq!(doc["lancamentos"][0]["tipo"], "credito");
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["inspect", &extrato])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("lançamentos: 9 (débitos 16336.22, créditos 11323.07)"),
        "{text}"
    );
    assert!(
        text.contains("    3  0001 2022-12-14        1793.71 C  ANTONIO E VERA INFORMATIC"),
        "{text}"
    );

    // validate: the structural problems and every field its batch's table does not decode.
    let multipag = format!(
        "{dir}/237-bradesco/cnab240-pagamento/retorno/erpbemcomum__multipag-cenario-misto.txt"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["validate", &multipag])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{multipag}: line 5, columns 24-41 (somatoria_valores): trailer says a total of 0.10, but the file has a \
             total of 100.00\n\
             {multipag}: line 5, columns 42-59 (somatoria_moedas): expected digits, found \"000               \"\n"
        )
    );
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(["validate", &boleto])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}
