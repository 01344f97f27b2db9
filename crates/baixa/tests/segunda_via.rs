//! Segunda via tokens and views in the three ledgers, the régua's `se_nao_visualizado`, and the additive migration.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::hash::{BuildHasher, Hasher};

use baixa::regua::{self, Acao, Politica};
use baixa::segunda_via::{is_token, LinkLedger, Visualizacao};
use baixa::{Event, Ledger, MemoryLedger, PostgresLedger, ReguaLedger, SqliteLedger, Titulo};
use chrono::{NaiveDate, NaiveDateTime};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn titles() -> Vec<Titulo> {
    vec![
        Titulo::new(
            "NF-1",
            341,
            "11",
            "100.00".parse().unwrap(),
            d("2026-03-10"),
        ),
        Titulo::new(
            "NF-2",
            341,
            "22",
            "200.00".parse().unwrap(),
            d("2026-03-10"),
        ),
    ]
}

fn view(id: &str, at: &str) -> Visualizacao {
    Visualizacao {
        titulo: id.into(),
        em: NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S").unwrap(),
        cliente: "Chrome, celular".into(),
        ip: None,
    }
}

/// The same scenario on every ledger.
fn scenario<L: LinkLedger + ?Sized>(l: &mut L) {
    l.import_titles(&titles()).unwrap();
    let a = l.link("NF-1").unwrap();
    assert!(is_token(&a.token), "{}", a.token);
    assert_eq!(a.path(), format!("/b/{}", a.token));
    // asking again gives the same live token; another título gets another one
    assert_eq!(l.link("NF-1").unwrap().token, a.token);
    let b = l.link("NF-2").unwrap();
    assert_ne!(a.token, b.token);
    assert_eq!(l.by_token(&a.token).unwrap().unwrap().0.id, "NF-1");
    assert_eq!(
        l.by_token(&b.token).unwrap().unwrap().0.valor.to_string(),
        "200.00"
    );
    // unknown tokens and unknown títulos
    assert!(l.by_token(&"0".repeat(40)).unwrap().is_none());
    assert!(l.by_token("").unwrap().is_none());
    assert!(matches!(l.link("NF-9"), Err(baixa::LedgerError::UnknownTitle(id)) if id == "NF-9"));
    assert!(matches!(
        l.revoke("NF-9"),
        Err(baixa::LedgerError::UnknownTitle(_))
    ));
    // revocation: the old token is gone, a new one is made on request, the other título is untouched
    assert_eq!(l.revoke("NF-1").unwrap(), 1);
    assert_eq!(l.revoke("NF-1").unwrap(), 0);
    assert!(l.by_token(&a.token).unwrap().is_none());
    let a2 = l.link("NF-1").unwrap();
    assert_ne!(a2.token, a.token);
    assert_eq!(l.by_token(&a2.token).unwrap().unwrap().0.id, "NF-1");
    assert!(l.by_token(&b.token).unwrap().is_some());
    // views: recorded in the history, a view of an unknown título skipped
    l.record_views(&[
        view("NF-1", "2026-03-07 14:05:09"),
        view("NF-9", "2026-03-07 14:05:10"),
        view("NF-1", "2026-03-09 08:00:00"),
    ])
    .unwrap();
    let h = l.history("NF-1").unwrap();
    let views: Vec<_> = h
        .iter()
        .filter_map(|e| match e {
            Event::Visualizado { em, cliente, ip } => {
                Some((em.to_string(), cliente.clone(), ip.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        views,
        [
            (
                "2026-03-07 14:05:09".to_string(),
                "Chrome, celular".to_string(),
                None
            ),
            (
                "2026-03-09 08:00:00".to_string(),
                "Chrome, celular".to_string(),
                None
            ),
        ]
    );
    let json = baixa::render::history(&h).unwrap();
    let last = &json["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["event"], "visualizado");
    assert_eq!(last["em"], "2026-03-09T08:00:00");
    assert!(last.get("ip").is_none());
    let first = l.first_views().unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first["NF-1"], d("2026-03-07"));
}

#[test]
fn memory_ledger() {
    scenario(&mut MemoryLedger::new());
}

#[test]
fn sqlite_ledger_and_read_only_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut l = SqliteLedger::open(&path).unwrap();
    scenario(&mut l);
    let token = l.link("NF-2").unwrap().token;
    // a read-only reader finds the título but cannot write
    let mut ro = SqliteLedger::open_existing(&path, true).unwrap();
    assert_eq!(ro.by_token(&token).unwrap().unwrap().0.id, "NF-2");
    let e = ro
        .record_views(&[view("NF-2", "2026-03-08 10:00:00")])
        .unwrap_err();
    assert!(e.to_string().contains("readonly"), "{e}");
    // a reader-writer (the server's view recorder) can record views
    let mut rw = SqliteLedger::open_existing(&path, false).unwrap();
    rw.record_views(&[view("NF-2", "2026-03-08 10:00:00")])
        .unwrap();
    assert_eq!(l.first_views().unwrap()["NF-2"], d("2026-03-08"));
    // a file that is not there is not created
    let missing = dir.path().join("none.db");
    assert!(SqliteLedger::open_existing(&missing, true).is_err());
    assert!(!missing.exists());
}

/// A ledger written at schema version 3 (acordos) gains the links table (version 4) when opened by a `cnab baixa` command, and a
/// server's reader refuses it until then.
#[test]
fn a_version_3_ledger_is_upgraded_additively() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let mut l = SqliteLedger::open(&path).unwrap();
        l.import_titles(&titles()).unwrap();
        l.connection()
            .execute_batch(common::SQLITE_BACK_TO_V6)
            .unwrap();
        l.connection()
            .execute_batch(
                "DROP TABLE segunda_via_links; DROP TABLE instrucao_respostas; \
                 DELETE FROM baixa_schema_version WHERE version >= 4;",
            )
            .unwrap();
        assert_eq!(l.schema_version().unwrap(), 3);
    }
    let e = SqliteLedger::open_existing(&path, true).unwrap_err();
    assert!(
        e.to_string().contains(&format!(
            "schema version 3, this program needs {}",
            baixa::schema::latest()
        )),
        "{e}"
    );
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    assert_eq!(l.titles().unwrap().len(), 2);
    assert!(is_token(&l.link("NF-1").unwrap().token));
}

/// "Not opened by D-2 → ligação": a step with `se_nao_visualizado` is issued only for títulos whose page was not
/// opened on or before the step's date.
fn regua_scenario<L: ReguaLedger + LinkLedger + ?Sized>(l: &mut L) {
    let p = Politica::from_toml(
        "[[etapa]]\ndias = -2\nacao = \"ligacao\"\ncanal = \"telefone\"\nse_nao_visualizado = true\n",
    )
    .unwrap();
    l.import_titles(&titles()).unwrap();
    let mut t3 = Titulo::new("NF-3", 341, "33", "50.00".parse().unwrap(), d("2026-03-10"));
    t3.seu_numero = "3".into();
    l.import_titles(&[t3]).unwrap();
    // NF-1 opened before D-2; NF-3 opened only after D-2 (on D-1); NF-2 never, only fetched by a link preview
    let mut preview = view("NF-2", "2026-03-05 10:00:00");
    preview.cliente = baixa::segunda_via::client_hint(Some("WhatsApp/2.23.20.0 A"));
    l.record_views(&[
        view("NF-1", "2026-03-07 23:59:59"),
        view("NF-3", "2026-03-09 00:00:00"),
        preview,
    ])
    .unwrap();
    let r = regua::run(l, &p, d("2026-03-08")).unwrap();
    let got: Vec<_> = r
        .actions
        .iter()
        .map(|a| (a.titulo.as_str(), a.acao))
        .collect();
    assert_eq!(got, [("NF-2", Acao::Ligacao), ("NF-3", Acao::Ligacao)]);
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["etapa"][0]["se_nao_visualizado"], true);
}

#[test]
fn regua_not_opened_memory_and_sqlite() {
    regua_scenario(&mut MemoryLedger::new());
    regua_scenario(&mut SqliteLedger::open_in_memory().unwrap());
}

#[test]
fn regua_key_is_checked() {
    let e = Politica::from_toml(
        "[[etapa]]\ndias = -2\nacao = \"ligacao\"\ncanal = \"t\"\nse_nao_visualizado = \"sim\"\n",
    )
    .unwrap_err();
    assert!(e.to_string().contains("invalid type"), "{e}");
}

#[test]
fn postgres_ledger() {
    let Ok(base) = std::env::var("CNAB_TEST_PG_URL") else {
        println!("postgres_ledger: skipped: CNAB_TEST_PG_URL not set (scripts/pg-start.sh starts a server)");
        return;
    };
    let r = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let schema = format!("segunda_test_{}_{r:016x}", std::process::id());
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
    let result = std::panic::catch_unwind(|| {
        let mut l = PostgresLedger::connect(&url).unwrap();
        scenario(&mut l);
    });
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// The README's `se_nao_visualizado` example is a valid policy.
#[test]
fn readme_not_opened_step_parses() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let at = readme.find("\"not opened by D-2 → ligação\"").unwrap();
    let sec = &readme[at..];
    let start = sec.find("```toml\n").unwrap() + "```toml\n".len();
    let toml = &sec[start..start + sec[start..].find("```").unwrap()];
    let p = Politica::from_toml(toml).unwrap();
    let e = &p.etapas[0];
    assert_eq!(
        (e.dias, e.acao, e.se_nao_visualizado),
        (-2, Acao::Ligacao, true)
    );
}
