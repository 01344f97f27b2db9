//! The `cnab` binary as a user runs it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::process::Command;

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
    assert_eq!(code, 0);
    assert!(out.contains("\"problems\""), "{out}");
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
