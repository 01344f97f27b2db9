//! `cnab baixa` as a user runs it: titles, a real retorno, the amounts due, settlements by hand, reports.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A real Bradesco CNAB 400 retorno (33 entries: 25 liquidações, 2 baixas, 1 entrada confirmada…).
const BRADESCO_RET: &str =
    "../shared/corpus/real/237-bradesco/cnab400/retorno/gustavonvcnab__237-01.txt";
/// A real Bradesco CNAB 400 remessa with 1 título (2% multa).
const BRADESCO_REM: &str =
    "../shared/corpus/real/237-bradesco/cnab400/remessa/brcobranca__remessa-bradesco-cnab400.rem";
/// A real Itaú CNAB 400 retorno whose nosso número fields hold letters (strict reading refuses it).
const ITAU_BAD_RET: &str = "../shared/corpus/real/341-itau/cnab400/retorno/marcodptcnab__itau.txt";

/// Titles built against the Bradesco retorno: an entry paid late with the bank's juros (47.15), one paid exactly,
/// one paid short, one paid over, one written off; one title no entry concerns.
const TITLES: &str = "\
id,banco,nosso_numero,valor,vencimento,pagador_documento,pagador_nome
NF-22,237,20960000022,3535.00,2012-04-25,11111111111,Ana
NF-01,237,21000000001,560.00,2012-04-30,22222222222,Bruno
NF-02,237,21000000002,1200.00,2012-04-30,22222222222,Bruno
NF-03,237,21000000003,2000.00,2012-04-30,33333333333,Carla
NF-05,237,20590000005,18028.83,2012-04-20,33333333333,Carla
NF-99,237,99999999999,100.00,2012-03-01,44444444444,Davi
";

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn have_corpus() -> bool {
    let ok = root().join(BRADESCO_RET).is_file();
    if !ok {
        eprintln!("skipped: the real-file corpus (../shared/corpus/real) is not here");
    }
    ok
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

fn json_ok(args: &[&str]) -> Value {
    let (code, out, err) = cnab(args);
    assert_eq!(code, 0, "cnab {args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// A fresh folder for one test.
fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cnab-baixa-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// A ledger with [`TITLES`] imported.
fn ledger_with_titles(name: &str) -> (PathBuf, String) {
    let dir = tmp(name);
    let titles = write(&dir, "titles.csv", TITLES);
    let ledger = dir.join("ledger.db").to_str().unwrap().to_string();
    let s = json_ok(&["baixa", "--ledger", &ledger, "import-titles", &titles]);
    assert_eq!(
        s,
        serde_json::json!({"added": 6, "updated": 0, "unchanged": 0})
    );
    (dir, ledger)
}

fn row(v: &Value, line: u64) -> &Value {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["line"] == line)
        .unwrap_or_else(|| panic!("no entry at line {line}"))
}

#[test]
fn apply_a_real_retorno_to_a_sqlite_ledger() {
    if !have_corpus() {
        return;
    }
    let (_dir, ledger) = ledger_with_titles("apply");
    let v = json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    assert_eq!(v["applied"], 33);
    assert_eq!(v["already_applied"], false);
    assert_eq!(
        v["outcomes"],
        // one of the 28 entries of unknown títulos is a rejection: kept as `rejected` with the bank's reasons
        serde_json::json!({"paid": 1, "paid_late": 1, "underpaid": 1, "overpaid": 1, "written_off": 1,
                           "rejected": 1, "unmatched": 27})
    );
    assert_eq!(v["entries"].as_array().unwrap().len(), 33);
    assert_eq!(v["problems"], serde_json::json!([]));
    // due 2012-04-25, paid 2012-04-30 with the 47.15 of juros the bank reports
    let late = row(&v, 2);
    assert_eq!(
        (
            &late["outcome"],
            &late["title_id"],
            &late["expected"],
            &late["paid"],
            &late["difference"]
        ),
        (
            &"paid_late".into(),
            &"NF-22".into(),
            &"3582.15".into(),
            &"3582.15".into(),
            &"0.00".into()
        )
    );
    let short = row(&v, 5);
    assert_eq!(short["outcome"], "underpaid");
    assert_eq!(short["expected"], "1200.00");
    assert_eq!(short["paid"], "1165.34");
    assert_eq!(short["difference"], "-34.66");
    let over = row(&v, 6);
    assert_eq!(over["outcome"], "overpaid");
    assert_eq!(over["difference"], "291.78");
    assert_eq!(row(&v, 4)["outcome"], "paid");
    assert_eq!(row(&v, 27)["outcome"], "written_off");
    assert_eq!(row(&v, 27)["title_id"], "NF-05");
    let unmatched = row(&v, 3);
    assert_eq!(unmatched["outcome"], "unmatched");
    assert_eq!(unmatched["title_id"], Value::Null);
    assert_eq!(unmatched["paid"], "12832.85");
    let f = &v["files"][0];
    assert_eq!(f["file"], BRADESCO_RET);
    assert_eq!(f["report"]["total_paid"], "7599.27"); // 3582.15 + 560.00 + 1165.34 + 2291.78
    assert_eq!(f["report"]["unmatched_paid"], "78561.54");
    assert_eq!(f["report"]["nsa"], 1129);
}

#[test]
fn the_same_file_twice_settles_nothing_twice() {
    if !have_corpus() {
        return;
    }
    let (_dir, ledger) = ledger_with_titles("twice");
    let first = json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    assert_eq!(first["applied"], 33);
    let again = json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    assert_eq!(again["already_applied"], true);
    assert_eq!(again["applied"], 0);
    assert_eq!(again["outcomes"], serde_json::json!({}));
    assert_eq!(again["entries"], serde_json::json!([]));
    assert_eq!(again["files"][0]["file_id"], first["files"][0]["file_id"]);
    // the title was settled once: one entry in its history, one file in the report, paid counted once
    let h = json_ok(&["baixa", "--ledger", &ledger, "history", "NF-01"]);
    let entries: Vec<&Value> = h["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "entry")
        .collect();
    assert_eq!(entries.len(), 1);
    let r = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2012-05-02",
    ]);
    assert_eq!(r["files"].as_array().unwrap().len(), 1);
    assert_eq!(r["portfolio"]["paid"]["count"], 3);
    assert_eq!(r["portfolio"]["paid"]["valor"], "6433.93"); // 3582.15 + 560.00 + 2291.78
}

#[test]
fn apply_in_memory_with_titles_and_the_same_file_twice_in_one_run() {
    if !have_corpus() {
        return;
    }
    let dir = tmp("memory");
    let titles = write(&dir, "titles.csv", TITLES);
    let v = json_ok(&[
        "baixa",
        "apply",
        "--titles",
        &titles,
        BRADESCO_RET,
        BRADESCO_RET,
    ]);
    assert_eq!(v["applied"], 33);
    assert_eq!(v["already_applied"], false); // the first file was new
    assert_eq!(v["files"][0]["already_applied"], false);
    assert_eq!(v["files"][1]["already_applied"], true);
    assert_eq!(v["files"][1]["applied"], 0);
    assert_eq!(v["outcomes"]["paid"], 1);
    assert_eq!(v["outcomes"]["unmatched"], 27);
    assert_eq!(v["outcomes"]["rejected"], 1);
    assert_eq!(row(&v, 2)["file"], BRADESCO_RET);
    // --titles goes with in-memory runs only; no titles and no ledger is a usage error
    let (code, _, err) = cnab(&[
        "baixa",
        "--ledger",
        dir.join("l.db").to_str().unwrap(),
        "apply",
        "--titles",
        &titles,
        BRADESCO_RET,
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = cnab(&["baixa", "apply", BRADESCO_RET]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn read_problems_stop_a_strict_apply_and_are_listed_when_lenient() {
    if !have_corpus() {
        return;
    }
    let (_dir, ledger) = ledger_with_titles("lenient");
    // strict: exit 1 with the reader's error, and nothing applied (the good file given first is not applied either)
    let (code, out, err) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "apply",
        BRADESCO_RET,
        ITAU_BAD_RET,
    ]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "cnab: {ITAU_BAD_RET}: line 2, columns 63-70 (nosso_numero): expected digits, found \"OCRJN6Z9\"\n"
        )
    );
    let r = json_ok(&["baixa", "--ledger", &ledger, "report"]);
    assert_eq!(r["files"], serde_json::json!([]));
    // lenient: the entries read are applied, every problem is listed, exit 1
    let (code, out, _) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "apply",
        "--lenient",
        ITAU_BAD_RET,
    ]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let problems = v["problems"].as_array().unwrap();
    assert!(!problems.is_empty());
    assert_eq!(problems[0]["line"], 2);
    assert_eq!(problems[0]["field"], "nosso_numero");
    assert_eq!(problems[0]["columns"], serde_json::json!([63, 70]));
    assert_eq!(problems[0]["file"], ITAU_BAD_RET);
    let n = v["entries"].as_array().unwrap().len();
    assert_eq!(v["applied"], n);
    let counted: u64 = v["outcomes"]
        .as_object()
        .unwrap()
        .values()
        .map(|x| x.as_u64().unwrap())
        .sum();
    assert_eq!(counted, n as u64);
}

#[test]
fn due_with_the_issue_numbers() {
    let dir = tmp("due");
    let titles = write(
        &dir,
        "due.csv",
        "id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes,desconto_valor,desconto_ate\n\
         LATE,341,1,1000.00,2026-03-10,2,1,,\n\
         SAT,341,2,1000.00,2026-03-14,2,1,,\n\
         DESC,341,3,1000.00,2026-03-31,2,1,50.00,2026-03-20\n",
    );
    let v = json_ok(&["baixa", "due", &titles, "--date", "2026-03-25"]);
    assert_eq!(
        v[0],
        serde_json::json!({"id": "LATE", "valor": "1000.00", "multa": "20.00", "juros": "5.00",
                           "desconto": "0.00", "abatimento": "0.00", "total": "1025.00", "dias_atraso": 15})
    );
    // due Saturday 2026-03-14, paid Monday 2026-03-16: no charges
    let monday = json_ok(&["baixa", "due", &titles, "--date", "2026-03-16"]);
    assert_eq!(monday[1]["id"], "SAT");
    assert_eq!(monday[1]["total"], "1000.00");
    assert_eq!(monday[1]["dias_atraso"], 0);
    // desconto of 50.00 until 2026-03-20, paid before it
    let early = json_ok(&["baixa", "due", &titles, "--date", "2026-03-19"]);
    assert_eq!(early[2]["desconto"], "50.00");
    assert_eq!(early[2]["total"], "950.00");
    // a usage error: no date
    let (code, _, _) = cnab(&["baixa", "due", &titles]);
    assert_eq!(code, 2);
    let (code, _, err) = cnab(&["baixa", "due", &titles, "--date", "25/03/2026"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("expected YYYY-MM-DD, found \"25/03/2026\""),
        "{err}"
    );
}

#[test]
fn settle_by_hand_and_history() {
    if !have_corpus() {
        return;
    }
    let (_dir, ledger) = ledger_with_titles("settle");
    json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    let args = [
        "baixa",
        "--ledger",
        &ledger,
        "settle",
        "NF-02",
        "--valor",
        "34.66",
        "--data",
        "2012-04-30",
        "--meio",
        "pix",
        "--por",
        "maria",
        "--motivo",
        "resto pago por PIX",
    ];
    let o = json_ok(&args);
    assert_eq!(o["title_id"], "NF-02");
    assert_eq!(o["outcome"], "paid"); // the 34.66 left of 1200.00 on the due date
    assert_eq!(o["expected"], "34.66");
    assert_eq!(o["paid"], "34.66");
    assert_eq!(o["difference"], "0.00");
    // the same settlement again is a duplicate, not money counted twice
    let again = json_ok(&args);
    assert_eq!(again["outcome"], "duplicate");
    let h = json_ok(&["baixa", "--ledger", &ledger, "history", "NF-02"]);
    let ev = h["events"].as_array().unwrap();
    let kinds: Vec<&str> = ev.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["imported", "entry", "manual_settlement"]);
    assert_eq!(ev[1]["outcome"]["paid"], "1165.34");
    let s = &ev[2]["settlement"];
    assert_eq!(
        (&s["valor"], &s["data"], &s["meio"], &s["por"], &s["motivo"]),
        (
            &"34.66".into(),
            &"2012-04-30".into(),
            &"pix".into(),
            &"maria".into(),
            &"resto pago por PIX".into()
        )
    );
    assert!(s["em"].is_string(), "when it was recorded: {s}");
    let r = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2012-05-02",
    ]);
    assert_eq!(r["portfolio"]["paid"]["count"], 4);
    assert_eq!(r["portfolio"]["paid"]["valor"], "7633.93"); // 6433.93 + 1165.34 + 34.66
                                                            // unknown ids: exit 1 with the id
    for sub in [
        &["history", "NF-404"][..],
        &[
            "settle",
            "NF-404",
            "--valor",
            "1.00",
            "--data",
            "2012-05-01",
            "--meio",
            "dinheiro",
        ][..],
    ] {
        let mut a = vec!["baixa", "--ledger", &ledger];
        a.extend_from_slice(sub);
        let (code, _, err) = cnab(&a);
        assert_eq!(code, 1);
        assert_eq!(err, "cnab: no title with id \"NF-404\"\n");
    }
    // usage errors: a comma amount, an unknown meio, no ledger
    let (code, _, _) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "settle",
        "NF-02",
        "--valor",
        "34,66",
        "--data",
        "2012-05-01",
        "--meio",
        "pix",
    ]);
    assert_eq!(code, 2);
    let (code, _, _) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "settle",
        "NF-02",
        "--valor",
        "1.00",
        "--data",
        "2012-05-01",
        "--meio",
        "cheque",
    ]);
    assert_eq!(code, 2);
    let (code, _, _) = cnab(&["baixa", "history", "NF-02"]);
    assert_eq!(code, 2);
}

#[test]
fn report_json_and_csv() {
    if !have_corpus() {
        return;
    }
    let (_dir, ledger) = ledger_with_titles("report");
    json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    let j = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2012-06-15",
        "--inadimplente-apos",
        "30",
    ]);
    // open: NF-02 (34.66 left, 46 days late) and NF-99 (106 days late)
    assert_eq!(j["portfolio"]["open"]["count"], 2);
    assert_eq!(j["portfolio"]["overdue_31_60"]["count"], 1);
    assert_eq!(j["portfolio"]["overdue_31_60"]["valor"], "34.66");
    assert_eq!(j["portfolio"]["overdue_over_90"]["valor"], "100.00");
    assert_eq!(j["portfolio"]["written_off"]["valor"], "18028.83");
    let d = j["inadimplentes"].as_array().unwrap();
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["documento"], "22222222222");
    assert_eq!(d[0]["titulos"][0]["id"], "NF-02");
    assert_eq!(d[0]["titulos"][0]["recebido"], "1165.34");
    assert_eq!(d[0]["titulos"][0]["dias_atraso"], 46);
    assert_eq!(d[1]["nome"], "Davi");
    // The file's trailer: its 25 liquidações agree with the entries; its 119 títulos em cobrança are the
    // portfolio's (shown, not compared); the entrada of 2013 added to this 2012 sample is the one warning.
    let f = &j["files"][0];
    let row = |field: &str| {
        f["trailer"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["field"] == field)
            .unwrap()
            .clone()
    };
    let liq = row("qtd_liquidacoes");
    assert_eq!(
        (&liq["value"], &liq["computed"], &liq["agrees"]),
        (&25.into(), &25.into(), &true.into())
    );
    let qt = row("qtd_titulos");
    assert_eq!(
        (&qt["scope"]["kind"], &qt["value"], &qt["agrees"]),
        (&"portfolio".into(), &119.into(), &serde_json::Value::Null)
    );
    let w: Vec<&str> = f["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["field"].as_str().unwrap())
        .collect();
    assert_eq!(w, ["qtd_entradas", "valor_entradas"]);
    // over 60 days only Davi remains
    let j = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2012-06-15",
        "--inadimplente-apos",
        "60",
    ]);
    assert_eq!(j["inadimplentes"].as_array().unwrap().len(), 1);

    let (code, out, err) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2012-06-15",
        "--format",
        "csv",
        "--inadimplente-apos",
        "30",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "section",
            "ref",
            "group",
            "count",
            "valor",
            "devido",
            "paid",
            "credited",
            "fees",
            "dias_atraso",
            "documento",
            "nome",
            "scope",
            "computed",
            "agrees"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let find = |s: &str, g: &str| {
        rows.iter()
            .find(|r| &r[0] == s && &r[2] == g)
            .unwrap_or_else(|| panic!("no {s}/{g} row"))
            .clone()
    };
    assert_eq!(&find("file", "paid_late")[6], "3582.15");
    let liq = find("trailer", "valor_liquidacoes");
    assert_eq!(
        (&liq[4], &liq[12], &liq[13], &liq[14]),
        ("86160.81", "ocorrencias:06", "86160.81", "true")
    );
    assert_eq!(&find("file", "unmatched")[3], "27");
    assert_eq!(&find("portfolio", "overdue_over_90")[4], "100.00");
    assert_eq!(&find("portfolio", "open")[1], "2012-06-15");
    let nf02 = find("inadimplente", "21000000002");
    assert_eq!((&nf02[1], &nf02[6], &nf02[9]), ("NF-02", "1165.34", "46"));
    assert_eq!(&find("portfolio", "renegotiated")[3], "0");
    // 7 outcome rows of the file (rejected among them), 17 trailer totals (Bradesco 400: 2 of the portfolio, 15 of
    // the file's ocorrências), 9 portfolio, 2 inadimplentes
    assert_eq!(rows.len(), 7 + 17 + 9 + 2);
}

/// `report --format ndjson`: one JSON object per line, each tagged by its section, the same figures as the JSON
/// document; `--compact` prints that document on one line.
#[test]
fn report_ndjson_and_compact() {
    if !have_corpus() {
        return;
    }
    let (_dir, ledger) = ledger_with_titles("report_ndjson");
    json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    let args = |fmt: &str, extra: &[&'static str]| {
        let mut v: Vec<String> = [
            "baixa",
            "--ledger",
            &ledger,
            "report",
            "--date",
            "2012-06-15",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend(["--format".to_string(), fmt.to_string()]);
        v.extend(["--inadimplente-apos".to_string(), "30".to_string()]);
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        cnab(&a)
    };
    let (code, out, err) = run(args("ndjson", &[]));
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sections: Vec<&str> = rows
        .iter()
        .map(|r| r["section"].as_str().unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "report",
            "file",
            "portfolio",
            "inadimplente",
            "inadimplente"
        ]
    );
    assert_eq!(rows[0]["date"], "2012-06-15");
    assert_eq!(rows[0]["inadimplente_apos"], 30);
    assert_eq!(rows[1]["total_paid"], "7599.27");
    assert_eq!(rows[1]["by_outcome"]["unmatched"]["count"], 27);
    assert_eq!(rows[2]["overdue_31_60"]["valor"], "34.66");
    assert_eq!(rows[3]["documento"], "22222222222");
    assert_eq!(rows[3]["titulos"][0]["recebido"], "1165.34");
    assert_eq!(rows[4]["nome"], "Davi");

    // the JSON document, pretty and compact, says the same as the rows
    let pretty = json_ok(
        &args("json", &[])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let (code, out, err) = run(args("json", &["--compact"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1);
    let compact: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(compact, pretty);
    let mut file_row = rows[1].clone();
    file_row.as_object_mut().unwrap().remove("section");
    assert_eq!(file_row, pretty["files"][0]);

    // --compact is for the JSON document only
    let (code, out, err) = run(args("ndjson", &["--compact"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("--compact goes with --format json"), "{err}");
}

#[test]
fn a_bad_titles_row_names_row_and_column() {
    let dir = tmp("badcsv");
    let bad = write(
        &dir,
        "bad.csv",
        "id,banco,nosso_numero,valor,vencimento\nA,341,1,10.00,2026-01-01\nB,341,2,12;50,2026-01-01\n",
    );
    let ledger = dir.join("l.db").to_str().unwrap().to_string();
    let (code, out, err) = cnab(&["baixa", "--ledger", &ledger, "import-titles", &bad]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "cnab: {bad}: row 3, column valor: expected a decimal with a dot, found \"12;50\"\n"
        )
    );
    // nothing of the file was imported
    let v = json_ok(&["baixa", "--ledger", &ledger, "due", "--date", "2026-01-01"]);
    assert_eq!(v, serde_json::json!([]));
    let (code, _, err) = cnab(&["baixa", "due", &bad, "--date", "2026-01-01"]);
    assert_eq!(code, 1);
    assert!(err.contains("row 3, column valor"), "{err}");
    let missing = write(&dir, "missing.csv", "id,banco,valor,vencimento\n");
    let (code, _, err) = cnab(&["baixa", "due", &missing, "--date", "2026-01-01"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("cnab: {missing}: header: missing required column \"nosso_numero\"\n")
    );
}

#[test]
fn import_remessa_and_json_titles() {
    if !have_corpus() {
        return;
    }
    let dir = tmp("remessa");
    let ledger = dir.join("l.db").to_str().unwrap().to_string();
    let s = json_ok(&["baixa", "--ledger", &ledger, "import-remessa", BRADESCO_REM]);
    assert_eq!(s["added"], 1);
    let again = json_ok(&["baixa", "--ledger", &ledger, "import-remessa", BRADESCO_REM]);
    assert_eq!(again["unchanged"], 1);
    // ids are the seu número; the beneficiary comes from the header; the remessa's multa code becomes a rule
    let h = json_ok(&["baixa", "--ledger", &ledger, "history", "1"]);
    let t = &h["events"][0]["titulo"];
    assert_eq!(t["valor"], "199.90");
    assert_eq!(t["nosso_numero"], "00000000123");
    assert_eq!(t["vencimento"], "2015-07-14");
    assert_eq!(t["convenio"], "00000000000000000123");
    assert_eq!(t["multa"]["tipo"], "percentual");
    assert_eq!(t["multa"]["valor"], "2.00");
    // a retorno is not a remessa
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-remessa", BRADESCO_RET]);
    assert_eq!(code, 1);
    assert!(err.ends_with("a retorno, not a remessa\n"), "{err}");
    // JSON titles with the CSV's keys
    let json = write(
        &dir,
        "t.json",
        r#"[{"id": "J-1", "banco": "341", "nosso_numero": "7", "valor": "10.50", "vencimento": "2026-01-05"}]"#,
    );
    let s = json_ok(&["baixa", "--ledger", &ledger, "import-titles", &json]);
    assert_eq!(s["added"], 1);
    let due = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "due",
        &json,
        "--date",
        "2026-01-05",
    ]);
    assert_eq!(due[0]["total"], "10.50");
}

/// A PostgreSQL ledger (`CNAB_TEST_PG_URL`, started by scripts/pg-start.sh) in a schema of its own: titles, the
/// same file twice, history and report, exactly as with SQLite.
#[test]
fn a_postgres_ledger_settles_each_payment_once() {
    let Ok(url) = std::env::var("CNAB_TEST_PG_URL") else {
        eprintln!("skipped: CNAB_TEST_PG_URL not set (scripts/pg-start.sh starts a server)");
        return;
    };
    if !have_corpus() {
        return;
    }
    let schema = format!("cli_{}", std::process::id());
    let psql = |sql: &str| {
        let st = Command::new("psql")
            .args([url.as_str(), "-q", "-v", "ON_ERROR_STOP=1", "-c", sql])
            .status()
            .expect("psql");
        assert!(st.success(), "{sql}");
    };
    psql(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
    ));
    let sep = if url.contains('?') { '&' } else { '?' };
    let ledger = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    let dir = tmp("pg");
    let titles = write(&dir, "titles.csv", TITLES);
    let s = json_ok(&["baixa", "--ledger", &ledger, "import-titles", &titles]);
    assert_eq!(
        s,
        serde_json::json!({"added": 6, "updated": 0, "unchanged": 0})
    );
    let first = json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    assert_eq!(first["applied"], 33);
    let again = json_ok(&["baixa", "--ledger", &ledger, "apply", BRADESCO_RET]);
    assert_eq!(again["already_applied"], true);
    assert_eq!(again["applied"], 0);
    let r = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2012-05-02",
    ]);
    assert_eq!(r["files"].as_array().unwrap().len(), 1);
    assert_eq!(r["portfolio"]["paid"]["count"], 3);
    assert_eq!(r["portfolio"]["paid"]["valor"], "6433.93");
    psql(&format!("DROP SCHEMA {schema} CASCADE"));
}

/// A PostgreSQL server that cannot be reached is an error naming the backend (exit 1), not a usage error.
#[test]
fn an_unreachable_postgres_ledger_is_an_error() {
    let (code, _, err) = cnab(&[
        "baixa",
        "--ledger",
        "postgres://nobody@127.0.0.1:1/none?connect_timeout=2",
        "history",
        "X",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.to_lowercase().contains("postgres"), "{err}");
}

/// The README's "Baixa" example, command by command, with the outputs it shows.
#[test]
fn readme_baixa_example() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let dir = tmp("readme");
    let ledger = dir.join("baixa.db").to_str().unwrap().to_string();
    let rem = "fixtures/341-itau/cnab240/remessa/remessa.rem";
    let ret = "fixtures/341-itau/cnab240/retorno/retorno.ret";
    for cmd in [
        format!("cnab baixa --ledger baixa.db import-remessa {rem}"),
        format!("cnab baixa --ledger baixa.db apply {ret}"),
        "cnab baixa --ledger baixa.db settle NF-1002 --valor 2500.00 --data 2026-12-01 --meio pix --por ana --motivo \"PIX direto\"".to_string(),
        "cnab baixa --ledger baixa.db report --date 2026-12-31 --format csv".to_string(),
    ] {
        assert!(readme.contains(&cmd), "README lacks {cmd}");
    }
    let s = json_ok(&["baixa", "--ledger", &ledger, "import-remessa", rem]);
    assert_eq!(s["added"], 2);
    let v = json_ok(&["baixa", "--ledger", &ledger, "apply", ret]);
    assert_eq!(v["applied"], 2);
    assert_eq!(v["outcomes"], serde_json::json!({"paid": 1, "rejected": 1}));
    let paid = row(&v, 3);
    assert_eq!(
        (
            &paid["outcome"],
            &paid["title_id"],
            &paid["expected"],
            &paid["paid"],
            &paid["difference"]
        ),
        (
            &"paid".into(),
            &"NF-1001".into(),
            &"127.50".into(),
            &"127.50".into(),
            &"0.00".into()
        )
    );
    assert_eq!(
        row(&v, 5)["motivos"],
        serde_json::json!(["11: CEP: CEP não numérico"])
    );
    let again = json_ok(&["baixa", "--ledger", &ledger, "apply", ret]);
    assert_eq!(again["already_applied"], true);
    let o = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "settle",
        "NF-1002",
        "--valor",
        "2500.00",
        "--data",
        "2026-12-01",
        "--meio",
        "pix",
        "--por",
        "ana",
        "--motivo",
        "PIX direto",
    ]);
    assert_eq!(o["outcome"], "paid");
    let h = json_ok(&["baixa", "--ledger", &ledger, "history", "NF-1002"]);
    assert_eq!(h["events"][0]["event"], "imported");
    let (code, out, _) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2026-12-31",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("\nportfolio,2026-12-31,paid,2,2627.50,0.00,,,,,,,,,\n"),
        "{out}"
    );
}

/// Two `cnab baixa apply` processes on the same SQLite ledger and the same file at the same moment: one applies
/// it, the other finds it applied; every payment is settled once.
#[test]
fn two_processes_apply_the_same_file_at_once() {
    if !have_corpus() {
        return;
    }
    let (_dir, ledger) = ledger_with_titles("concurrent");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_cnab"))
            .args(["baixa", "--ledger", &ledger, "apply", BRADESCO_RET])
            .current_dir(root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let mut applied = Vec::new();
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        applied.push((
            v["applied"].as_u64().unwrap(),
            v["already_applied"].as_bool().unwrap(),
        ));
    }
    applied.sort();
    assert_eq!(applied, [(0, true), (33, false)]);
    let r = json_ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2012-05-02",
    ]);
    assert_eq!(r["files"].as_array().unwrap().len(), 1);
    assert_eq!(r["portfolio"]["paid"]["valor"], "6433.93");
}
