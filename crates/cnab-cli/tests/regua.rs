//! `cnab regua` as a user runs it: titles imported with `cnab baixa`, a policy file, runs on successive dates.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::process::Command;

use serde_json::{json, Value};

const TITLES: &str = "\
id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes,pagador_documento,pagador_nome
NF-1,341,10000001,1000.00,2026-03-10,2,1,12345678000195,Padaria Sol
NF-2,341,10000002,250.00,2026-03-10,2,1,98765432100,Ana Lima
";

const POLICY: &str = r#"
inadimplente_apos_dias = 30
[[etapa]]
dias = -5
acao = "lembrete"
canal = "email"
[[etapa]]
dias = 5
acao = "aviso_atraso"
canal = "sms"
modelo = "atraso.txt"
"#;

fn cnab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cnab: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn regua(ledger: &str, policy: &str, date: &str) -> Value {
    let (code, out, err) = cnab(&[
        "regua", "--ledger", ledger, "--policy", policy, "--date", date,
    ]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn regua_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let (ledger, titles, policy) = (p("l.db"), p("t.csv"), p("politica.toml"));
    std::fs::write(&titles, TITLES).unwrap();
    std::fs::write(&policy, POLICY).unwrap();
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-titles", &titles]);
    assert_eq!(code, 0, "{err}");

    let r = regua(&ledger, &policy, "2026-03-05");
    assert_eq!(r["date"], "2026-03-05");
    assert_eq!(r["already_issued"], 0);
    let a = r["actions"].as_array().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(
        (
            &a[0]["titulo"],
            &a[0]["acao"],
            &a[0]["etapa_dias"],
            &a[0]["canal"]
        ),
        (
            &json!("NF-1"),
            &json!("lembrete"),
            &json!(-5),
            &json!("email")
        )
    );
    assert_eq!(a[0]["pagador"]["nome"], "Padaria Sol");
    assert_eq!(
        (&a[0]["saldo"], &a[0]["vencimento"]),
        (&json!("1000.00"), &json!("2026-03-10"))
    );

    // again on the same date: nothing new
    let r = regua(&ledger, &policy, "2026-03-05");
    assert_eq!(
        (r["actions"].as_array().unwrap().len(), &r["already_issued"]),
        (0, &json!(2))
    );

    // NF-2 is paid by hand; on the 15th only NF-1 gets the aviso de atraso, with multa 20.00 and juros 1.67
    let (code, _, err) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "settle",
        "NF-2",
        "--valor",
        "250.00",
        "--data",
        "2026-03-09",
        "--meio",
        "pix",
    ]);
    assert_eq!(code, 0, "{err}");
    let r = regua(&ledger, &policy, "2026-03-15");
    let a = r["actions"].as_array().unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(
        (&a[0]["titulo"], &a[0]["acao"], &a[0]["modelo"]),
        (&json!("NF-1"), &json!("aviso_atraso"), &json!("atraso.txt"))
    );
    assert_eq!(
        (
            &a[0]["devido"]["multa"],
            &a[0]["devido"]["juros"],
            &a[0]["saldo"]
        ),
        (&json!("20.00"), &json!("1.67"), &json!("1021.67"))
    );

    // the history shows the steps issued
    let (code, out, err) = cnab(&["baixa", "--ledger", &ledger, "history", "NF-1"]);
    assert_eq!(code, 0, "{err}");
    let h: Value = serde_json::from_str(&out).unwrap();
    let steps: Vec<_> = h["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "regua")
        .map(|e| {
            (
                e["data"].as_str().unwrap().to_string(),
                e["acao"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("2026-03-05".to_string(), "lembrete".to_string()),
            ("2026-03-15".to_string(), "aviso_atraso".to_string())
        ]
    );

    // a bad policy: exit 1 naming the key
    let bad = p("bad.toml");
    std::fs::write(
        &bad,
        "[[etapa]]\ndias = 5\nacao = \"aviso_atraso\"\ncanal = \"sms\"\ncanais = \"x\"\n",
    )
    .unwrap();
    let (code, _, err) = cnab(&[
        "regua",
        "--ledger",
        &ledger,
        "--policy",
        &bad,
        "--date",
        "2026-03-15",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown field `canais`"), "{err}");
    // a bad date: usage error
    let (code, _, _) = cnab(&[
        "regua",
        "--ledger",
        &ledger,
        "--policy",
        &policy,
        "--date",
        "15/03/2026",
    ]);
    assert_eq!(code, 2);
}

const POLICY_BANCO: &str = r#"
[[etapa]]
dias = 10
acao = "prorrogacao"
canal = "banco"
prazo_dias = 15
[[etapa]]
dias = 40
acao = "protesto"
canal = "banco"
"#;

/// `--remessa-out`: the steps through the bank as an Itaú CNAB 400 instruction remessa, read back by `cnab parse`
/// with Itaú's movimento codes per título; a título no given remessa registered is refused with nothing issued.
#[test]
fn regua_remessa_out() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let (ledger, policy, out) = (p("l.db"), p("politica.toml"), p("instrucoes.rem"));
    let itau = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/remessa/remessa.rem"
    );
    let bradesco = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/237-bradesco/cnab400/remessa/remessa.rem"
    );
    std::fs::write(&policy, POLICY_BANCO).unwrap();
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-remessa", itau]);
    assert_eq!(code, 0, "{err}");
    let run = |date: &str, remessa: &str| {
        cnab(&[
            "regua",
            "--ledger",
            &ledger,
            "--policy",
            &policy,
            "--date",
            date,
            "--remessa-out",
            &out,
            "--remessa",
            remessa,
            "--nsa",
            "7",
        ])
    };
    // the wrong registering remessa: refused, nothing recorded
    let (code, _, err) = run("2027-01-24", bradesco);
    assert_eq!(code, 1);
    assert!(
        err.contains("título NF-1001: protesto: not registered by any remessa given"),
        "{err}"
    );
    // NF-1001 forty days late (protest), NF-1002 fourteen days late (prorrogação to 2027-02-08)
    let (code, stdout, err) = run("2027-01-24", itau);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(r["already_issued"], 0);
    assert_eq!(
        r["remessas"][0]["titulos"],
        json!([
            {"titulo": "NF-1001", "acao": "protesto", "movimento": "09"},
            {"titulo": "NF-1002", "acao": "prorrogacao", "movimento": "06"}
        ])
    );
    assert_eq!(r["actions"][0]["instrucao"]["descricao"], "Protestar");
    let (code, parsed, err) = cnab(&["parse", &out]);
    assert_eq!(code, 0, "{err}");
    let back: Value = serde_json::from_str(&parsed).unwrap();
    let rows: Vec<_> = back["titulos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["seu_numero"].as_str().unwrap(),
                t["nosso_numero"].as_str().unwrap(),
                t["movimento"].as_str().unwrap(),
                t["vencimento"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("NF-1001", "12345678", "09", "2026-12-15"),
            ("NF-1002", "12345679", "06", "2027-02-08")
        ]
    );
    // the same date again: nothing issued, no file
    std::fs::remove_file(&out).unwrap();
    let (code, stdout, err) = run("2027-01-24", itau);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (&r["already_issued"], &r["remessas"]),
        (&json!(2), &json!([]))
    );
    assert!(!std::path::Path::new(&out).exists());
}

/// `cnab acordo`: two overdue titles of one payer replaced by three installments; the proposal first (nothing
/// recorded), then recorded; the report counts the originals apart; the régua reminds of the first installment.
#[test]
fn acordo_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let (ledger, titles, policy) = (p("l.db"), p("t.csv"), p("politica.toml"));
    std::fs::write(
        &titles,
        "id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes,pagador_documento,pagador_nome\n\
         A,341,10000001,1000.00,2026-03-10,2,1,12345678000195,Padaria Sol\n\
         B,341,10000002,500.00,2026-03-20,2,1,12345678000195,Padaria Sol\n",
    )
    .unwrap();
    std::fs::write(&policy, POLICY).unwrap();
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-titles", &titles]);
    assert_eq!(code, 0, "{err}");
    let acordo = |extra: &[&str]| {
        let mut a = vec![
            "acordo",
            "--ledger",
            &ledger,
            "--id",
            "AC-7",
            "--date",
            "2026-04-09",
            "--titulo",
            "A",
            "--titulo",
            "B",
            "--parcelas",
            "3",
            "--primeiro-vencimento",
            "2026-05-31",
        ];
        a.extend_from_slice(extra);
        cnab(&a)
    };
    // 1030.00 + 513.33 = 1543.33, no discount: 514.44 × 3 = 1543.32, the centavo left over on the first
    let (code, out, err) = acordo(&["--proposta"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["recorded"], false);
    assert_eq!(v["valor_negociado"], "1543.33");
    let parcelas: Vec<_> = v["parcelas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["titulo"].as_str().unwrap().to_string(),
                p["vencimento"].as_str().unwrap().to_string(),
                p["valor"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        parcelas,
        [
            (s("AC-7-1"), s("2026-05-31"), s("514.45")),
            (s("AC-7-2"), s("2026-06-30"), s("514.44")),
            (s("AC-7-3"), s("2026-07-31"), s("514.44"))
        ]
    );
    // recorded now; the proposal had recorded nothing
    let (code, out, err) = acordo(&[]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["recorded"], true);
    // again: refused
    let (code, _, err) = acordo(&[]);
    assert_eq!(code, 1);
    assert!(err.contains("title A is renegotiated, not open"), "{err}");
    // the report: the installments open, the originals renegotiated
    let (code, out, err) = cnab(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2026-04-09",
    ]);
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            &r["portfolio"]["open"]["count"],
            &r["portfolio"]["open"]["valor"]
        ),
        (&json!(3), &json!("1543.33"))
    );
    assert_eq!(
        (
            &r["portfolio"]["renegotiated"]["count"],
            &r["portfolio"]["renegotiated"]["valor"]
        ),
        (&json!(2), &json!("1500.00"))
    );
    // the régua: the lembrete of the first installment, nothing for the originals
    let r = regua(&ledger, &policy, "2026-05-26");
    let a = r["actions"].as_array().unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(
        (&a[0]["titulo"], &a[0]["acao"], &a[0]["saldo"]),
        (&json!("AC-7-1"), &json!("lembrete"), &json!("514.45"))
    );
}

/// The quebra de acordo through `cnab regua`: the acordo of `acordo_end_to_end` (514.45 + 514.44 + 514.44), the
/// first installment paid, the second (due 2026-06-30) still open on 2026-07-11 under `quebra_apos_dias = 10`.
#[test]
fn quebra_de_acordo_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let (ledger, titles, policy) = (p("l.db"), p("t.csv"), p("politica.toml"));
    std::fs::write(
        &titles,
        "id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes,pagador_documento,pagador_nome\n\
         A,341,10000001,1000.00,2026-03-10,2,1,12345678000195,Padaria Sol\n\
         B,341,10000002,500.00,2026-03-20,2,1,12345678000195,Padaria Sol\n",
    )
    .unwrap();
    std::fs::write(
        &policy,
        "[acordo]\nparcelas_max = 3\nprimeiro_vencimento_dias = 5\nquebra_apos_dias = 10\n\n\
         [[etapa]]\ndias = 5\nacao = \"aviso_atraso\"\ncanal = \"sms\"\n",
    )
    .unwrap();
    let ok = |args: &[&str]| {
        let (code, out, err) = cnab(args);
        assert_eq!(code, 0, "{err}");
        out
    };
    ok(&["baixa", "--ledger", &ledger, "import-titles", &titles]);
    ok(&[
        "acordo",
        "--ledger",
        &ledger,
        "--id",
        "AC-7",
        "--date",
        "2026-04-09",
        "--titulo",
        "A",
        "--titulo",
        "B",
        "--parcelas",
        "3",
        "--primeiro-vencimento",
        "2026-05-31",
    ]);
    ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "settle",
        "AC-7-1",
        "--valor",
        "514.45",
        "--data",
        "2026-05-30",
        "--meio",
        "pix",
    ]);
    // 10 days after 2026-06-30: the aviso de atraso only
    let r = regua(&ledger, &policy, "2026-07-10");
    let acoes: Vec<_> = r["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["titulo"].clone(), a["acao"].clone()))
        .collect();
    assert_eq!(acoes, [(json!("AC-7-2"), json!("aviso_atraso"))]);
    // 11 days: the break, the installments' pedidos de baixa, the originals' aviso de atraso again
    let r = regua(&ledger, &policy, "2026-07-11");
    let a = r["actions"].as_array().unwrap();
    let acoes: Vec<_> = a
        .iter()
        .map(|a| {
            (
                a["titulo"].clone(),
                a["acao"].clone(),
                a["etapa_dias"].clone(),
            )
        })
        .collect();
    assert_eq!(
        acoes,
        [
            (json!("AC-7-2"), json!("quebra_acordo"), json!(11)),
            (json!("AC-7-2"), json!("baixa"), json!(11)),
            (json!("AC-7-3"), json!("baixa"), json!(-20)),
            (json!("A"), json!("aviso_atraso"), json!(5)),
            (json!("B"), json!("aviso_atraso"), json!(5))
        ]
    );
    let q = &a[0]["quebra"];
    assert_eq!(a[0]["canal"], "carta");
    assert_eq!(
        (&q["acordo"], &q["pago_no_acordo"], &q["baixado"]),
        (&json!("AC-7"), &json!("514.45"), &json!("1028.88"))
    );
    // A: 1000.00 + 20.00 + 41.00 (123 days) − 514.45 = 546.55; B: 500.00 + 10.00 + 18.83 (113 days) = 528.83
    let orig: Vec<_> = q["originais"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["titulo"].clone(),
                o["imputado"].clone(),
                o["saldo"].clone(),
            )
        })
        .collect();
    assert_eq!(
        orig,
        [
            (json!("A"), json!("514.45"), json!("546.55")),
            (json!("B"), json!("0.00"), json!("528.83"))
        ]
    );
    assert_eq!(q["saldo_restaurado"], "1075.38");
    assert_eq!(a[3]["saldo"], "546.55");
    // the report: the originals open, the installments written off apart
    let out = ok(&[
        "baixa",
        "--ledger",
        &ledger,
        "report",
        "--date",
        "2026-07-11",
    ]);
    let rep: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            &rep["portfolio"]["open"]["count"],
            &rep["portfolio"]["open"]["devido"],
            &rep["portfolio"]["renegotiated"]["count"]
        ),
        (&json!(2), &json!("1075.38"), &json!(2))
    );
    // again: nothing new, the break and the two avisos counted
    let r = regua(&ledger, &policy, "2026-07-11");
    assert_eq!(
        (r["actions"].as_array().unwrap().len(), &r["already_issued"]),
        (0, &json!(3))
    );
}

/// An Itaú CNAB 400 retorno as the bank would send it (the fixture's header, dated `date`; one entry per
/// (nosso número, ocorrência, motivos)), written with cnab-core's writer.
fn itau_retorno(date: &str, entries: &[(&str, &str, &[&str])]) -> Vec<u8> {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/retorno/retorno.ret"
    ))
    .unwrap();
    let mut r = cnab_core::read_retorno(&fixture, cnab_core::ReadOptions::strict()).unwrap();
    let model = r.entries[1].clone();
    let date: chrono::NaiveDate = date.parse().unwrap();
    r.header.data_geracao = Some(date);
    r.header.nsa = Some(420);
    r.records.clear();
    r.entries = entries
        .iter()
        .map(|(nn, code, motivos)| {
            let mut e = model.clone();
            e.nosso_numero = (*nn).into();
            e.nosso_numero_dv = None;
            e.ocorrencia = Some(cnab_core::Ocorrencia {
                code: (*code).into(),
                kind: cnab_core::OcorrenciaKind::Desconhecida,
                description: String::new(),
            });
            e.motivos = motivos
                .iter()
                .map(|c| cnab_core::Motivo {
                    code: (*c).into(),
                    description: None,
                })
                .collect();
            e.data_ocorrencia = Some(date);
            e
        })
        .collect();
    cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).unwrap()
}

/// The bank's answers, end to end: the régua's protest and prorrogação written as an Itaú instruction remessa,
/// pending; the bank's retorno (19 confirms the protest, 16 rejects the prorrogação with its motivo) applied with
/// `cnab baixa apply`, which matches both; `cnab instrucoes` and the título's history show it; the same retorno
/// again answers nothing new.
#[test]
fn instrucoes_answered_by_the_retorno() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let (ledger, policy, out, ret) = (
        p("l.db"),
        p("politica.toml"),
        p("instrucoes.rem"),
        p("retorno.ret"),
    );
    let itau = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/remessa/remessa.rem"
    );
    std::fs::write(&policy, POLICY_BANCO).unwrap();
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-remessa", itau]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = cnab(&[
        "regua",
        "--ledger",
        &ledger,
        "--policy",
        &policy,
        "--date",
        "2027-01-24",
        "--remessa-out",
        &out,
        "--remessa",
        itau,
    ]);
    assert_eq!(code, 0, "{err}");
    let instrucoes = |date: &str| {
        let (code, out, err) = cnab(&[
            "instrucoes",
            "--ledger",
            &ledger,
            "--date",
            date,
            "--dias",
            "10",
        ]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<Value>(&out).unwrap()
    };
    let v = instrucoes("2027-02-10");
    assert_eq!(
        v["counts"],
        json!({"pendente": 2, "confirmada": 0, "rejeitada": 0})
    );
    let late: Vec<_> = v["sem_resposta"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["titulo"].as_str().unwrap(),
                i["acao"].as_str().unwrap(),
                i["instrucao"]["movimento"].as_str().unwrap(),
                i["enviada_em"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        late,
        [
            ("NF-1001", "protesto", "09", "2027-01-24"),
            ("NF-1002", "prorrogacao", "06", "2027-01-24")
        ]
    );

    std::fs::write(
        &ret,
        itau_retorno(
            "2027-01-28",
            &[("12345678", "19", &[]), ("12345679", "16", &["12"])],
        ),
    )
    .unwrap();
    let apply = || {
        let (code, out, err) = cnab(&["baixa", "--ledger", &ledger, "apply", &ret]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<Value>(&out).unwrap()
    };
    let v = apply();
    let answered: Vec<_> = v["instrucoes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["titulo"].as_str().unwrap(),
                i["acao"].as_str().unwrap(),
                i["estado"].as_str().unwrap(),
                i["resposta"]["ocorrencia"].as_str().unwrap(),
                i["resposta"]["descricao"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        answered,
        [
            (
                "NF-1001",
                "protesto",
                "confirmada",
                "19",
                "Confirma recebimento de instrução de protesto"
            ),
            (
                "NF-1002",
                "prorrogacao",
                "rejeitada",
                "16",
                "Instruções rejeitadas"
            )
        ]
    );
    assert_eq!(v["instrucoes"][1]["file"], json!(ret));
    let motivos = v["instrucoes"][1]["resposta"]["motivos"]
        .as_array()
        .unwrap();
    assert_eq!(motivos.len(), 1);
    assert!(
        motivos[0].as_str().unwrap().starts_with("12"),
        "{motivos:?}"
    );

    let v = instrucoes("2027-02-10");
    assert_eq!(
        (&v["counts"], &v["sem_resposta"]),
        (
            &json!({"pendente": 0, "confirmada": 1, "rejeitada": 1}),
            &json!([])
        )
    );
    let (code, out, err) = cnab(&["baixa", "--ledger", &ledger, "history", "NF-1001"]);
    assert_eq!(code, 0, "{err}");
    let h: Value = serde_json::from_str(&out).unwrap();
    let last = h["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            &last["event"],
            &last["acao"],
            &last["movimento"],
            &last["resposta"]["estado"]
        ),
        (
            &json!("instrucao"),
            &json!("protesto"),
            &json!("09"),
            &json!("confirmada")
        )
    );
    // the same retorno again: already applied, nothing answered again
    let v = apply();
    assert_eq!(
        (&v["already_applied"], &v["instrucoes"]),
        (&json!(true), &json!([]))
    );
}

/// `cnab acordo --remessa-out`: two títulos of one payer registered by an Itaú CNAB 400 remessa replaced by three
/// installments; the remessa written carries the installments' entradas (nosso números 20000001…) and the
/// originals' pedido de baixa, read back by `cnab parse`; an unknown registering remessa records nothing.
#[test]
fn acordo_remessa_out() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let (ledger, reg, out) = (p("l.db"), p("registro.rem"), p("acordo.rem"));
    // Itaú's fixture with NF-1002 moved to NF-1001's payer
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/remessa/remessa.rem"
    ))
    .unwrap();
    let mut r = cnab_core::read_remessa(&fixture, cnab_core::ReadOptions::strict()).unwrap();
    r.titulos[1].pagador = r.titulos[0].pagador.clone();
    r.records.clear();
    std::fs::write(
        &reg,
        cnab_core::write_remessa(&r, cnab_core::Bank::new(341), cnab_core::Layout::Cnab400)
            .unwrap(),
    )
    .unwrap();
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-remessa", &reg]);
    assert_eq!(code, 0, "{err}");
    let bradesco = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/237-bradesco/cnab400/remessa/remessa.rem"
    );
    let acordo = |registering: &str| {
        cnab(&[
            "acordo",
            "--ledger",
            &ledger,
            "--id",
            "AC-9",
            "--date",
            "2027-02-09",
            "--titulo",
            "NF-1001",
            "--titulo",
            "NF-1002",
            "--parcelas",
            "3",
            "--primeiro-vencimento",
            "2027-03-10",
            "--remessa-out",
            &out,
            "--remessa",
            registering,
            "--nosso-numero",
            "20000001",
        ])
    };
    let (code, _, err) = acordo(bradesco);
    assert_eq!(code, 1);
    assert!(
        err.contains("título NF-1001 is not registered by any remessa given"),
        "{err}"
    );
    assert!(!std::path::Path::new(&out).exists());
    let (code, stdout, err) = acordo(&reg);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["recorded"], true);
    assert_eq!(
        v["remessas"][0]["titulos"][0],
        json!({"titulo": "AC-9-1", "papel": "parcela", "movimento": "01", "nosso_numero": "20000001"})
    );
    let (code, parsed, err) = cnab(&["parse", &out]);
    assert_eq!(code, 0, "{err}");
    let back: Value = serde_json::from_str(&parsed).unwrap();
    let rows: Vec<_> = back["titulos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["movimento"].as_str().unwrap().to_string(),
                t["nosso_numero"].as_str().unwrap().to_string(),
                t["seu_numero"].as_str().unwrap().to_string(),
                t["vencimento"].as_str().unwrap().to_string(),
                t["valor"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let parcela = |k: usize| v["parcelas"][k]["valor"].as_str().unwrap().to_string();
    let s = |x: &str| x.to_string();
    assert_eq!(
        rows,
        [
            (
                s("01"),
                s("20000001"),
                s("AC-9-1"),
                s("2027-03-10"),
                parcela(0)
            ),
            (
                s("01"),
                s("20000002"),
                s("AC-9-2"),
                s("2027-04-10"),
                parcela(1)
            ),
            (
                s("01"),
                s("20000003"),
                s("AC-9-3"),
                s("2027-05-10"),
                parcela(2)
            ),
            (
                s("02"),
                s("12345678"),
                s("NF-1001"),
                s("2026-12-15"),
                s("127.50")
            ),
            (
                s("02"),
                s("12345679"),
                s("NF-1002"),
                s("2027-01-10"),
                s("2500.00")
            )
        ]
    );
}

/// `--modelos`: the aviso de atraso's modelo rendered into `mensagem`, with the título's segunda via link
/// (`--segunda-via-url`) and its amount updated to the date; a modelo with an unknown variable issues nothing.
#[test]
fn regua_renders_modelos() {
    let dir = tempfile::tempdir().unwrap();
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    let (ledger, titles, policy) = (p("l.db"), p("t.csv"), p("politica.toml"));
    std::fs::write(&titles, TITLES).unwrap();
    std::fs::write(&policy, POLICY).unwrap();
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-titles", &titles]);
    assert_eq!(code, 0, "{err}");
    let run = || {
        cnab(&[
            "regua",
            "--ledger",
            &ledger,
            "--policy",
            &policy,
            "--date",
            "2026-03-15",
            "--modelos",
            dir.path().to_str().unwrap(),
            "--segunda-via-url",
            "https://pague.example.com",
        ])
    };
    std::fs::write(
        p("atraso.txt"),
        "{{ pagador.nome }}: {{ titulo.valor_atualizados }}",
    )
    .unwrap();
    let (code, _, err) = run();
    assert_eq!(code, 1);
    assert!(err.contains("modelo atraso.txt: "), "{err}");
    std::fs::write(
        p("atraso.txt"),
        "{{ pagador.nome }}, o boleto {{ titulo.id }} venceu em {{ titulo.vencimento | data }}: hoje \
         {{ titulo.valor_atualizado | brl }} ({{ titulo.dias_atraso }} dias). {{ titulo.segunda_via }}",
    )
    .unwrap();
    let (code, out, err) = run();
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let a = v["actions"].as_array().unwrap();
    assert_eq!(a.len(), 2);
    // NF-1: 1000.00 + multa 2% 20.00 + juros 1% a.m. × 5/30 1.67 = 1021.67
    let msg = a[0]["mensagem"].as_str().unwrap();
    let (text, link) = msg.rsplit_once(' ').unwrap();
    assert_eq!(
        text,
        "Padaria Sol, o boleto NF-1 venceu em 10/03/2026: hoje R$ 1.021,67 (5 dias)."
    );
    let token = link.strip_prefix("https://pague.example.com/b/").unwrap();
    assert_eq!(token.len(), 40, "{link}");
    // the same link as `cnab baixa link` gives
    let (code, out, err) = cnab(&["baixa", "--ledger", &ledger, "link", "NF-1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(token), "{out}");
}

/// The carta de cobrança as PDF: examples/dia's policy (its carta step has `modelo_pdf = "carta.md"`), the Itaú
/// fixture's títulos registered, a run on 2027-01-14 (NF-1001 thirty days late) with `--pdf-dir`: one carta for
/// the payer listing both open títulos with their amounts updated to the date and their linhas digitáveis, read
/// back from the PDF with pdftotext.
#[test]
fn carta_de_cobranca_as_pdf() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("dia.db").to_string_lossy().into_owned();
    let pdfs = dir.path().join("cartas");
    std::fs::create_dir(&pdfs).unwrap();
    let rem = format!("{root}/fixtures/341-itau/cnab400/remessa/remessa.rem");
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-remessa", &rem]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = cnab(&[
        "regua",
        "--ledger",
        &ledger,
        "--policy",
        &format!("{root}/examples/dia/politica.toml"),
        "--date",
        "2027-01-14",
        "--modelos",
        &format!("{root}/examples/dia"),
        "--pdf-dir",
        pdfs.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let a = &v["actions"].as_array().unwrap()[..];
    let acts: Vec<_> = a
        .iter()
        .map(|a| (a["titulo"].as_str().unwrap(), a["acao"].as_str().unwrap()))
        .collect();
    // (NF-1002's lembrete, 5 days before its due date, issued late: no day ran since; it has no modelo_pdf)
    assert_eq!(
        acts,
        [("NF-1001", "carta_cobranca"), ("NF-1002", "lembrete")]
    );
    assert!(a[1].get("pdf").is_none() && a[1].get("documento").is_none());
    let pdf_path = pdfs.join("2027-01-14-NF-1001-carta_cobranca.pdf");
    assert_eq!(a[0]["pdf"], json!(pdf_path.to_string_lossy()));
    // the payer's open títulos (NF-1002 is another payer's): NF-1001 127.50 + juros 30 days × 0.13 (the
    // remessa's juros de um dia, no multa) = 131.40
    let carta = &a[0]["carta"];
    assert_eq!(carta["total"], "131.40");
    // the proposal in the action's JSON (see the PDF text below for the arithmetic)
    let p = &a[0]["proposta"];
    assert_eq!(
        (
            &p["saldo_total"],
            &p["encargos"],
            &p["desconto"],
            &p["valor_negociado"],
            &p["entrada"]["valor"],
            &p["financiado"],
            &p["juros"],
            &p["total"]
        ),
        (
            &json!("131.40"),
            &json!("3.90"),
            &json!("1.95"),
            &json!("129.45"),
            &json!("25.89"),
            &json!("103.56"),
            &json!("2.07"),
            &json!("131.52")
        )
    );
    let doc = a[0]["documento"].as_str().unwrap();
    assert!(
        doc.contains("| NF-1001 | 15/12/2026 | R$ 127,50 | R$ 131,40 |"),
        "{doc}"
    );
    // the registered boleto's linha digitável: Itaú, carteira 109, nosso número 12345678, agência 0057, conta
    // 12345-7, fator 1661 (2026-12-15 in the cycle that began 2025-02-22 at 1000), R$ 127,50
    assert_eq!(
        carta["titulos"][0]["linha_digitavel"],
        "34191091233456780005671234570001916610000012750"
    );
    let pdf = std::fs::read(&pdf_path).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let Ok(txt) = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf_path)
        .arg("-")
        .output()
    else {
        eprintln!(
            "SKIPPED text check: pdftotext not found (Debian: apt-get install poppler-utils)"
        );
        return;
    };
    let txt = String::from_utf8_lossy(&txt.stdout);
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = words(&txt);
    for want in [
        "Carta de cobrança",
        "14/01/2027",
        "Prezado(a) JOSE DA CONCEICAO,",
        "Documento Vencimento Valor Valor atualizado",
        "NF-1001 15/12/2026 R$ 127,50 R$ 131,40",
        "Total em aberto: R$ 131,40",
        "NF-1001: 34191.09123 34567.800056 71234.570001 9 16610000012750",
        "Proposta de negociação",
        // the policy's [acordo]: half the encargos off (juros 3.90 → 1.95), 131.40 − 1.95 = 129.45; entrada 20%
        // (25.89) five days after the carta; 129.45 − 25.89 = 103.56 in 3 installments at 1% a month, Tabela Price:
        // 103.56 × 0.01 × 1.01³ / (1.01³ − 1) = 35.2127 → 35.21, monthly from the entrada; total 25.89 + 3 × 35.21
        "desconto de R$ 1,95 sobre a multa e os juros: o valor negociado é R$ 129,45",
        "Entrada 19/01/2027 R$ 25,89",
        "Parcela 1 de 3 19/02/2027 R$ 35,21",
        "Parcela 2 de 3 19/03/2027 R$ 35,21",
        "Parcela 3 de 3 19/04/2027 R$ 35,21",
        "Total: R$ 131,52, com R$ 2,07 de juros nas parcelas.",
        "1/1",
    ] {
        assert!(
            flat.contains(want),
            "{want:?} missing from the PDF text:\n{txt}"
        );
    }
    // the linhas digitáveis as the ledger computed them from the remessa (agência 0057, conta 12345-7,
    // carteira 109)
    for t in carta["titulos"].as_array().unwrap() {
        let l = t["linha_digitavel"].as_str().unwrap();
        assert_eq!(l.len(), 47, "{l}");
        let formatted = format!(
            "{}.{} {}.{} {}.{} {} {}",
            &l[0..5],
            &l[5..10],
            &l[10..15],
            &l[15..21],
            &l[21..26],
            &l[26..32],
            &l[32..33],
            &l[33..]
        );
        let line = format!("{}: {formatted}", t["seu_numero"].as_str().unwrap());
        assert!(flat.contains(&line), "{line} missing:\n{txt}");
        // the value and due date the linha carries are the título's face value and due date
        assert_eq!(
            &l[37..],
            format!("{:0>10}", t["valor"].as_str().unwrap().replace('.', ""))
        );
    }
}

/// `cnab reemissao`: NF-1001 of the Itaú fixture (R$ 127,50 due 2026-12-15, juros R$ 0,13 a day) reissued on
/// 2027-01-14 to 2027-01-20: 127.50 + 36 × 0.13 = 132.18 due then; Itaú CNAB 400 has no alteração de valor, so the
/// remessa carries the alteração de vencimento (06) only, read back by `cnab parse`, recorded as a pending
/// prorrogação (`cnab instrucoes`); the same reissue again is refused before anything is written.
#[test]
fn reemissao_of_an_overdue_titulo() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("l.db").to_string_lossy().into_owned();
    let out = dir
        .path()
        .join("reemissao.rem")
        .to_string_lossy()
        .into_owned();
    let rem = format!("{root}/fixtures/341-itau/cnab400/remessa/remessa.rem");
    let (code, _, err) = cnab(&["baixa", "--ledger", &ledger, "import-remessa", &rem]);
    assert_eq!(code, 0, "{err}");
    let args = [
        "reemissao",
        "--ledger",
        &ledger,
        "--titulo",
        "NF-1001",
        "--date",
        "2027-01-14",
        "--vencimento",
        "2027-01-20",
        "--remessa",
        &rem,
        "--remessa-out",
        &out,
    ];
    let (code, stdout, err) = cnab(&args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["valor_atualizado"], "132.18");
    assert_eq!(v["valor_registrado"], json!(false));
    assert_eq!(v["instrucoes"][0]["movimento"], "06");
    assert_eq!(v["novo_vencimento"], "2027-01-20");
    // 30 days past the due date on 2027-01-14
    assert_eq!(
        v["registradas"],
        json!([{"acao": "prorrogacao", "etapa_dias": 30}])
    );
    let (code, list, err) = cnab(&["instrucoes", "--ledger", &ledger, "--date", "2027-01-14"]);
    assert_eq!(code, 0, "{err}");
    let list: Value = serde_json::from_str(&list).unwrap();
    let i = &list["instrucoes"][0];
    assert_eq!(
        (
            &i["titulo"],
            &i["acao"],
            &i["estado"],
            &i["novo_vencimento"]
        ),
        (
            &json!("NF-1001"),
            &json!("prorrogacao"),
            &json!("pendente"),
            &json!("2027-01-20")
        )
    );
    let (code, parsed, err) = cnab(&["parse", &out]);
    assert_eq!(code, 0, "{err}");
    let p: Value = serde_json::from_str(&parsed).unwrap();
    let t = &p["titulos"][0];
    assert_eq!(
        (&t["movimento"], &t["vencimento"], &t["valor"]),
        (&json!("06"), &json!("2027-01-20"), &json!("127.50"))
    );
    // a due date before the título's: refused (exit 1)
    std::fs::remove_file(&out).unwrap();
    let (code, _, err) = cnab(&args);
    assert_eq!(code, 1);
    assert!(
        err.contains("reemissão de NF-1001: one on 2027-01-14 is already recorded"),
        "{err}"
    );
    assert!(!std::path::Path::new(&out).exists());
    let mut bad = args;
    bad[8] = "2026-12-01";
    let (code, _, err) = cnab(&bad);
    assert_eq!(code, 1);
    assert!(
        err.contains("must be after the due date 2026-12-15"),
        "{err}"
    );
}
