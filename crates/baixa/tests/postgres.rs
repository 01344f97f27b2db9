//! The PostgreSQL ledger against a real server (`CNAB_TEST_PG_URL`, which `scripts/pg-start.sh` exports).
//!
//! Each test works in a schema of its own (created with a random name, named in the connection's `search_path`,
//! dropped at the end), so the tests run in parallel on one database. Without `CNAB_TEST_PG_URL` every test says
//! it was skipped and returns.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

mod common;
mod regua_scenarios;

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use baixa::{
    schema, ApplyResult, Juros, JurosTipo, Ledger, LedgerError, ManualSettlement, Meio,
    MemoryLedger, Multa, MultaTipo, Outcome, PostgresLedger, SqliteLedger, Status, Titulo,
};
use cnab_core::{OcorrenciaKind as K, Retorno};
use common::*;
use serde_json::{json, Value};

const SKIP: &str = "skipped: CNAB_TEST_PG_URL not set (scripts/pg-start.sh starts a server)";

/// A schema of its own on the test server, dropped when this goes out of scope.
struct Pg {
    admin: postgres::Client,
    schema: String,
    base: String,
}

fn random_name(prefix: &str) -> String {
    let r = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("{prefix}_{}_{r:016x}", std::process::id())
}

fn with_param(url: &str, param: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{param}")
}

impl Pg {
    /// `None` (with the skip message printed) when no server is configured.
    fn new(test: &str) -> Option<Pg> {
        let Ok(base) = std::env::var("CNAB_TEST_PG_URL") else {
            println!("{test}: {SKIP}");
            return None;
        };
        let mut admin = postgres::Client::connect(&base, postgres::NoTls)
            .unwrap_or_else(|e| panic!("CNAB_TEST_PG_URL={base} is set but unreachable: {e}"));
        let schema = random_name("baixa_test");
        admin
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .unwrap();
        Some(Pg {
            admin,
            schema,
            base,
        })
    }

    /// The URL a ledger in this schema connects with.
    fn url(&self) -> String {
        with_param(
            &self.base,
            &format!("options=-c%20search_path%3D{}", self.schema),
        )
    }

    fn ledger(&self) -> PostgresLedger {
        PostgresLedger::connect(&self.url()).unwrap()
    }

    /// One number from a query on this schema's tables.
    fn count(&mut self, sql: &str) -> i64 {
        let sql = sql.replace("{s}", &self.schema);
        self.admin.query_one(&sql, &[]).unwrap().get(0)
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        let _ = self
            .admin
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

fn late_title(id: &str, nn: &str) -> Titulo {
    let mut t = title(id, nn, "1000.00", d(2026, 3, 10));
    t.multa = Some(Multa {
        tipo: MultaTipo::Percentual,
        valor: dec("2"),
        desde: None,
    });
    t.juros = Some(Juros {
        tipo: JurosTipo::PercentualMes,
        valor: dec("1"),
        desde: None,
    });
    t
}

fn outcomes(r: &ApplyResult) -> Vec<Outcome> {
    r.entries.iter().map(|o| o.outcome).collect()
}

fn event_kinds(l: &mut dyn Ledger, id: &str) -> Vec<String> {
    l.history(id)
        .unwrap()
        .iter()
        .map(|e| {
            serde_json::to_value(e).unwrap()["event"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Every operation the ledger offers, with the assertions of the outcome tests; returns all it saw so that
/// backends can be compared.
fn scenario(l: &mut dyn Ledger) -> Value {
    let mut seen = Vec::new();
    let mut nf9 = title("NF-9", "", "300.00", d(2026, 4, 10));
    nf9.seu_numero = "NF-9".into();
    let mut nf10 = title("NF-10", "", "50.00", d(2026, 4, 10));
    nf10.seu_numero = "NF-10".into();
    let titles = vec![
        title("A", "1", "100.00", d(2026, 3, 10)),
        title("B", "2", "100.00", d(2026, 3, 10)),
        title("C", "3", "100.00", d(2026, 3, 10)),
        late_title("NF-1", "12345678"),
        late_title("NF-7", "7777"),
        nf9,
        nf10,
    ];
    let s = l.import_titles(&titles).unwrap();
    assert_eq!((s.added, s.updated, s.unchanged), (7, 0, 0));
    let mut changed = titles[0].clone();
    changed.pagador.nome = "Fulano".into();
    let s = l.import_titles(&[changed, titles[1].clone()]).unwrap();
    assert_eq!((s.added, s.updated, s.unchanged), (0, 1, 1));

    // every outcome in one file
    let mut fee = entry("3", "28", K::Tarifa, d(2026, 3, 2), None);
    fee.tarifa = Some(dec("2.50"));
    let mut reg = entry("88877766", "02", K::EntradaConfirmada, d(2026, 4, 1), None);
    reg.seu_numero = "NF-9".into();
    reg.nosso_numero_dv = Some("3".into());
    let f1 = retorno(
        341,
        "123456",
        1,
        vec![
            entry("1", "02", K::EntradaConfirmada, d(2026, 3, 1), None),
            rejected("2", d(2026, 3, 1), "08"),
            fee,
            entry("3", "09", K::Baixa, d(2026, 3, 20), None),
            paid("3", d(2026, 3, 21), "100.00"),
            entry("1", "19", K::Protesto, d(2026, 3, 30), None),
            paid("999", d(2026, 3, 9), "55.00"),
            entry("1", "14", K::InstrucaoConfirmada, d(2026, 3, 3), None),
            entry("1", "99", K::Desconhecida, d(2026, 3, 3), None),
            paid("0012345678", d(2026, 3, 25), "1025.00"),
            paid("2", d(2026, 3, 9), "90.00"),
            reg,
        ],
    );
    let r = l.apply(&f1).unwrap();
    assert!(!r.already_applied);
    assert_eq!(
        outcomes(&r),
        vec![
            Outcome::Registered,
            Outcome::Rejected,
            Outcome::FeeOnly,
            Outcome::WrittenOff,
            Outcome::PaidAfterWriteOff,
            Outcome::Protest,
            Outcome::Unmatched,
            Outcome::InstructionConfirmed,
            Outcome::Unrecognized,
            Outcome::PaidLate,
            Outcome::Underpaid,
            Outcome::Registered,
        ]
    );
    assert_eq!(r.applied, 12);
    assert_eq!(r.entries[1].motivos, vec!["08: Nosso número inválido"]);
    assert_eq!(r.entries[2].fees, Some(dec("2.50")));
    assert_eq!(r.entries[6].paid, Some(dec("55.00")));
    assert_eq!(r.entries[9].expected, Some(dec("1025.00")));
    assert_eq!(r.entries[10].difference, Some(dec("-10.00")));
    assert_eq!(r.outcomes.get(&Outcome::Registered), Some(&2));
    seen.push(serde_json::to_value(&r).unwrap());

    // the same file twice: nothing applied, nothing settled twice
    let again = l.apply(&f1).unwrap();
    assert!(again.already_applied);
    assert_eq!((again.applied, again.entries.len()), (0, 0));
    assert_eq!(again.file_id, r.file_id);

    // the same payments in the next day's file are duplicates; new ones settle, the link matches, also when it
    // is made earlier in the same file
    let mut reg10 = entry("55544433", "02", K::EntradaConfirmada, d(2026, 4, 1), None);
    reg10.seu_numero = "NF-10".into();
    let f2 = retorno(
        341,
        "123456",
        2,
        vec![
            paid("0012345678", d(2026, 3, 25), "1025.00"),
            paid("2", d(2026, 3, 9), "90.00"),
            paid("2", d(2026, 3, 10), "10.00"),
            paid("0088877766", d(2026, 4, 9), "300.00"),
            reg10,
            paid("55544433", d(2026, 4, 9), "50.00"),
        ],
    );
    let r = l.apply(&f2).unwrap();
    assert_eq!(
        outcomes(&r),
        vec![
            Outcome::Duplicate,
            Outcome::Duplicate,
            Outcome::Paid,
            Outcome::Paid,
            Outcome::Registered,
            Outcome::Paid,
        ]
    );
    assert_eq!(r.entries[3].title_id.as_deref(), Some("NF-9"));
    assert_eq!(r.entries[5].title_id.as_deref(), Some("NF-10"));
    assert_eq!(r.report.total_paid, dec("360.00"));
    seen.push(serde_json::to_value(&r).unwrap());

    // settlement by hand, the same settlement again, then the bank's payment of that title
    let s = ManualSettlement {
        title_id: "NF-7".into(),
        valor: dec("1025.00"),
        data: d(2026, 3, 25),
        meio: Meio::Pix,
        por: "maria".into(),
        em: Some(d(2026, 3, 26).and_hms_opt(9, 30, 0).unwrap()),
        motivo: "PIX direto na conta".into(),
    };
    let o = l.settle(&s).unwrap();
    assert_eq!(
        (o.outcome, o.expected),
        (Outcome::PaidLate, Some(dec("1025.00")))
    );
    assert_eq!(l.settle(&s).unwrap().outcome, Outcome::Duplicate);
    let r = l
        .apply(&retorno(
            341,
            "123456",
            3,
            vec![paid("7777", d(2026, 3, 26), "1025.00")],
        ))
        .unwrap();
    assert_eq!(
        (r.entries[0].outcome, r.entries[0].difference),
        (Outcome::Overpaid, Some(dec("1025.00")))
    );
    seen.push(serde_json::to_value(&r).unwrap());

    // errors
    let mut bad = s.clone();
    bad.title_id = "NOPE".into();
    assert!(matches!(l.settle(&bad), Err(LedgerError::UnknownTitle(id)) if id == "NOPE"));
    bad.title_id = "A".into();
    bad.valor = dec("0");
    assert!(matches!(l.settle(&bad), Err(LedgerError::Invalid(_))));
    assert!(matches!(
        l.history("NOPE"),
        Err(LedgerError::UnknownTitle(_))
    ));

    // states and histories
    let states: BTreeMap<String, _> = l
        .titles()
        .unwrap()
        .into_iter()
        .map(|(t, s)| (t.id, s))
        .collect();
    assert_eq!(states["A"].status, Status::Open);
    assert!(states["A"].registered);
    assert_eq!(states["A"].paid, dec("0"));
    assert_eq!(
        (states["B"].status, states["B"].paid),
        (Status::Settled, dec("100.00"))
    );
    assert_eq!(states["C"].status, Status::Settled);
    assert_eq!(
        (states["NF-1"].status, states["NF-1"].paid),
        (Status::Settled, dec("1025.00"))
    );
    assert_eq!(states["NF-1"].settled_on, Some(d(2026, 3, 25)));
    assert_eq!(states["NF-7"].paid, dec("2050.00"));
    assert_eq!(
        states["NF-9"].linked_nosso_numero.as_deref(),
        Some("88877766")
    );
    assert_eq!(states["NF-9"].status, Status::Settled);
    assert_eq!(
        states["NF-10"].linked_nosso_numero.as_deref(),
        Some("55544433")
    );
    assert_eq!(
        (states["NF-10"].status, states["NF-10"].paid),
        (Status::Settled, dec("50.00"))
    );
    assert_eq!(
        event_kinds(l, "NF-9"),
        vec!["imported", "linked", "entry", "entry"]
    );
    assert_eq!(
        event_kinds(l, "NF-7"),
        vec!["imported", "manual_settlement", "entry"]
    );
    assert_eq!(
        event_kinds(l, "A"),
        vec!["imported", "imported", "entry", "entry", "entry", "entry"]
    );
    let h = l.history("NF-7").unwrap();
    let manual = serde_json::to_value(&h[1]).unwrap();
    assert_eq!(manual["settlement"]["por"], "maria");
    assert_eq!(manual["settlement"]["meio"], "pix");
    let files = l.files().unwrap();
    assert_eq!(
        files.iter().map(|f| f.entries).collect::<Vec<_>>(),
        vec![12, 6, 1]
    );

    let mut histories = BTreeMap::new();
    for t in &titles {
        histories.insert(t.id.clone(), l.history(&t.id).unwrap());
    }
    json!({
        "applied": seen,
        "states": states,
        "histories": histories,
        "files": files,
    })
}

#[test]
fn same_outcomes_states_and_histories_as_the_other_ledgers() {
    let Some(mut pg) = Pg::new("same_outcomes_states_and_histories_as_the_other_ledgers") else {
        return;
    };
    let mut ledger = pg.ledger();
    let got = scenario(&mut ledger);
    assert_eq!(got, scenario(&mut MemoryLedger::new()));
    assert_eq!(got, scenario(&mut SqliteLedger::open_in_memory().unwrap()));
    // what the tables hold: one row per entry (duplicates are not stored again), one per file
    assert_eq!(pg.count("SELECT count(*) FROM {s}.entries"), 12 + 4 + 1);
    assert_eq!(pg.count("SELECT count(*) FROM {s}.files"), 3);
    assert_eq!(pg.count("SELECT count(*) FROM {s}.settlements"), 1);
    assert_eq!(
        pg.count("SELECT count(*) FROM {s}.entries WHERE outcome = 'pending'"),
        0
    );
    let paid: rust_decimal::Decimal = pg
        .admin
        .query_one(
            &format!(
                "SELECT s.paid FROM {0}.titles t JOIN {0}.title_state s ON s.title_seq = t.seq \
                 WHERE t.id = 'NF-7'",
                pg.schema
            ),
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(paid, dec("2050.00"));
}

#[test]
fn schema_is_versioned_with_numeric_money_and_dates() {
    let Some(mut pg) = Pg::new("schema_is_versioned_with_numeric_money_and_dates") else {
        return;
    };
    let mut ledger = pg.ledger();
    assert_eq!(ledger.schema_version().unwrap(), schema::latest());
    drop(ledger);
    // connecting again runs no migration twice
    let mut ledger = pg.ledger();
    assert_eq!(ledger.schema_version().unwrap(), schema::latest());
    assert_eq!(
        pg.count("SELECT count(*) FROM {s}.baixa_schema_version"),
        schema::latest()
    );
    let types: BTreeMap<String, String> = pg
        .admin
        .query(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns \
             WHERE table_schema = $1",
            &[&pg.schema],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for (col, ty) in [
        ("titles.valor", "numeric"),
        ("title_state.paid", "numeric"),
        ("titles.vencimento", "date"),
        ("title_state.settled_on", "date"),
        ("titles.data", "jsonb"),
        ("entries.paid", "numeric"),
        ("settlements.valor", "numeric"),
        ("settlements.data", "date"),
        ("settlements.em", "timestamp without time zone"),
        ("files.data_geracao", "date"),
    ] {
        assert_eq!(types.get(col).map(String::as_str), Some(ty), "{col}");
    }
    // an amount with more than two decimals is kept exactly (never rounded on the way in)
    ledger
        .import_titles(&[title("X", "1", "10.005", d(2026, 3, 10))])
        .unwrap();
    let s = ManualSettlement {
        title_id: "X".into(),
        valor: dec("0.01"),
        data: d(2026, 3, 1),
        meio: Meio::Outro,
        por: "a".into(),
        em: None,
        motivo: "b".into(),
    };
    assert_eq!(ledger.settle(&s).unwrap().outcome, Outcome::Underpaid);
    let (t, st) = ledger.titles().unwrap().remove(0);
    // the title's 10.005 comes back exact (NUMERIC, not NUMERIC(20,2)); a settlement is in centavos
    assert_eq!((t.valor, st.paid), (dec("10.005"), dec("0.01")));
    // a database newer than this library is refused
    pg.admin
        .batch_execute(&format!(
            "INSERT INTO {}.baixa_schema_version VALUES (999, 'future', 'x')",
            pg.schema
        ))
        .unwrap();
    assert!(matches!(
        PostgresLedger::connect(&pg.url()),
        Err(LedgerError::SchemaTooNew { found: 999, .. })
    ));
}

#[test]
fn unreachable_server_is_an_error() {
    let e = PostgresLedger::connect("postgres://nobody@127.0.0.1:1/none").unwrap_err();
    assert!(matches!(e, LedgerError::Postgres(_)), "{e}");
    assert!(e.to_string().starts_with("postgres: "), "{e}");
}

/// `n` titles of 100.00 + i cents and a retorno paying each of them on its due date.
fn portfolio(n: usize) -> Vec<Titulo> {
    (0..n)
        .map(|i| {
            title(
                &format!("T{i}"),
                &format!("{}", 100_000 + i),
                &format!("{}.{:02}", 100 + i / 100, i % 100),
                d(2026, 3, 10),
            )
        })
        .collect()
}

fn payments(titles: &[Titulo], nsa: u64) -> Retorno {
    retorno(
        341,
        "123456",
        nsa,
        titles
            .iter()
            .map(|t| paid(&t.nosso_numero, d(2026, 3, 10), &t.valor.to_string()))
            .collect(),
    )
}

/// Every title settled once: status, the exact amount, one entry event.
fn assert_settled_once(pg: &mut Pg, l: &mut PostgresLedger, titles: &[Titulo]) {
    let states = l.titles().unwrap();
    assert_eq!(states.len(), titles.len());
    for ((t, s), want) in states.iter().zip(titles) {
        assert_eq!(t.id, want.id);
        assert_eq!(
            (s.status, s.paid),
            (Status::Settled, want.valor),
            "{}",
            t.id
        );
    }
    let n = i64::try_from(titles.len()).unwrap();
    // (a duplicate is in the title's history too, as such)
    let settling =
        "FROM {s}.events WHERE kind = 'entry' AND data->'outcome'->>'outcome' <> 'duplicate'";
    assert_eq!(pg.count(&format!("SELECT count(*) {settling}")), n);
    assert_eq!(
        pg.count(&format!("SELECT count(DISTINCT title_id) {settling}")),
        n
    );
}

/// Work for one thread, on its own connection.
type Work<T> = Box<dyn FnOnce(&mut PostgresLedger) -> T + Send>;

/// Run `work` on two threads, each with its own connection, released together.
fn together<T: Send + 'static>(url: &str, work: [Work<T>; 2]) -> Vec<T> {
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = work
        .into_iter()
        .map(|w| {
            let b = barrier.clone();
            let url = url.to_string();
            std::thread::spawn(move || {
                let mut l = PostgresLedger::connect(&url).unwrap();
                b.wait();
                w(&mut l)
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

#[test]
fn two_appliers_of_the_same_file_settle_each_payment_once() {
    let Some(mut pg) = Pg::new("two_appliers_of_the_same_file_settle_each_payment_once") else {
        return;
    };
    let titles = portfolio(400);
    let mut ledger = pg.ledger();
    ledger.import_titles(&titles).unwrap();
    let file = Arc::new(payments(&titles, 1));
    let (f1, f2) = (file.clone(), file.clone());
    let results = together(
        &pg.url(),
        [
            Box::new(move |l: &mut PostgresLedger| l.apply(&f1).unwrap()),
            Box::new(move |l: &mut PostgresLedger| l.apply(&f2).unwrap()),
        ],
    );
    let mut applied: Vec<_> = results
        .iter()
        .map(|r| {
            (
                r.already_applied,
                r.applied,
                r.outcomes.get(&Outcome::Paid).copied(),
            )
        })
        .collect();
    applied.sort();
    assert_eq!(applied, vec![(false, 400, Some(400)), (true, 0, None)]);
    assert_settled_once(&mut pg, &mut ledger, &titles);
    assert_eq!(pg.count("SELECT count(*) FROM {s}.files"), 1);
    assert_eq!(pg.count("SELECT count(*) FROM {s}.entries"), 400);
}

#[test]
fn two_appliers_of_files_carrying_the_same_payments_settle_each_once() {
    let Some(mut pg) = Pg::new("two_appliers_of_files_carrying_the_same_payments_settle_each_once")
    else {
        return;
    };
    let titles = portfolio(400);
    let mut ledger = pg.ledger();
    ledger.import_titles(&titles).unwrap();
    // file 1 pays titles 0..300, file 2 pays 100..400: 200 payments are in both
    let a = Arc::new(payments(&titles[..300], 1));
    let b = Arc::new(payments(&titles[100..], 2));
    let results = together(
        &pg.url(),
        [
            Box::new(move |l: &mut PostgresLedger| l.apply(&a).unwrap()),
            Box::new(move |l: &mut PostgresLedger| l.apply(&b).unwrap()),
        ],
    );
    let count = |o| {
        results
            .iter()
            .map(|r| r.outcomes.get(&o).copied().unwrap_or(0))
            .sum::<usize>()
    };
    assert!(results
        .iter()
        .all(|r| !r.already_applied && r.applied == 300));
    assert_eq!(
        (count(Outcome::Paid), count(Outcome::Duplicate)),
        (400, 200)
    );
    assert_eq!(count(Outcome::Overpaid), 0);
    // one of them ran first: it paid all of its 300, the other paid 100 and found 200 duplicates
    let mut paid: Vec<_> = results
        .iter()
        .map(|r| r.outcomes.get(&Outcome::Paid).copied().unwrap_or(0))
        .collect();
    paid.sort();
    assert_eq!(paid, vec![100, 300]);
    assert_settled_once(&mut pg, &mut ledger, &titles);
    assert_eq!(pg.count("SELECT count(*) FROM {s}.entries"), 400);
}

#[test]
fn two_workers_settling_the_same_title_by_hand_record_it_once() {
    let Some(mut pg) = Pg::new("two_workers_settling_the_same_title_by_hand_record_it_once") else {
        return;
    };
    let mut ledger = pg.ledger();
    ledger
        .import_titles(&[title("A", "1", "100.00", d(2026, 3, 10))])
        .unwrap();
    let s = ManualSettlement {
        title_id: "A".into(),
        valor: dec("100.00"),
        data: d(2026, 3, 9),
        meio: Meio::Deposito,
        por: "joao".into(),
        em: None,
        motivo: "depósito identificado".into(),
    };
    let (s1, s2) = (s.clone(), s);
    let results = together(
        &pg.url(),
        [
            Box::new(move |l: &mut PostgresLedger| l.settle(&s1).unwrap().outcome),
            Box::new(move |l: &mut PostgresLedger| l.settle(&s2).unwrap().outcome),
        ],
    );
    let mut got = results;
    got.sort();
    assert_eq!(got, vec![Outcome::Paid, Outcome::Duplicate]);
    let (_, st) = ledger.titles().unwrap().remove(0);
    assert_eq!((st.status, st.paid), (Status::Settled, dec("100.00")));
    assert_eq!(pg.count("SELECT count(*) FROM {s}.settlements"), 1);
}

/// The retorno of the crash test (large, so that the kill lands while its transaction is open).
const CRASH_ENTRIES: usize = 20_000;
const CRASH_CHILD: &str = "BAIXA_PG_CRASH_CHILD_URL";

/// Not a test by itself: the process the crash test starts and kills (it applies the large retorno).
#[test]
#[ignore = "run by a_crash_mid_file_leaves_nothing_or_everything"]
fn crash_child() {
    let Ok(url) = std::env::var(CRASH_CHILD) else {
        return;
    };
    let mut l = PostgresLedger::connect(&url).unwrap();
    l.apply(&payments(&portfolio(CRASH_ENTRIES), 7)).unwrap();
}

#[test]
fn a_crash_mid_file_leaves_nothing_or_everything() {
    let Some(mut pg) = Pg::new("a_crash_mid_file_leaves_nothing_or_everything") else {
        return;
    };
    let titles = portfolio(CRASH_ENTRIES);
    let mut ledger = pg.ledger();
    ledger.import_titles(&titles).unwrap();
    let app = random_name("crash");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--ignored", "--nocapture"])
        .env(
            CRASH_CHILD,
            with_param(&pg.url(), &format!("application_name={app}")),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until the child's transaction has written (its server process holds a transaction id), then kill it
    let start = Instant::now();
    loop {
        let writing = pg
            .admin
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 \
                 AND backend_xid IS NOT NULL",
                &[&app],
            )
            .unwrap()
            .get::<_, i64>(0);
        if writing > 0 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child ended before it began writing"
        );
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the child never began"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the child finished before it was killed");
    // the server notices the lost connection and rolls its transaction back
    let start = Instant::now();
    while pg
        .admin
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
            &[&app],
        )
        .unwrap()
        .get::<_, i64>(0)
        > 0
    {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the server kept the child's session"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let files = pg.count("SELECT count(*) FROM {s}.files");
    let entries = pg.count("SELECT count(*) FROM {s}.entries");
    let settled = pg.count("SELECT count(*) FROM {s}.title_state WHERE status <> 'open'");
    let n = i64::try_from(CRASH_ENTRIES).unwrap();
    assert!(
        (files, entries, settled) == (0, 0, 0) || (files, entries, settled) == (1, n, n),
        "a part of the file is stored: {files} file rows, {entries} entries, {settled} titles settled"
    );
    println!("after the kill: {files} file rows, {entries} entries, {settled} titles settled");
    let r = ledger.apply(&payments(&titles, 7)).unwrap();
    if files == 0 {
        assert!(!r.already_applied);
        assert_eq!(r.outcomes.get(&Outcome::Paid), Some(&CRASH_ENTRIES));
    } else {
        assert!(r.already_applied);
    }
    assert_settled_once(&mut pg, &mut ledger, &titles);
    assert_eq!(pg.count("SELECT count(*) FROM {s}.entries"), n);
}

#[test]
fn a_link_and_a_payment_through_it_applied_together_give_a_serial_result() {
    let Some(pg) = Pg::new("a_link_and_a_payment_through_it_applied_together_give_a_serial_result")
    else {
        return;
    };
    let mut ledger = pg.ledger();
    for round in 0..5u64 {
        let id = format!("NF-{round}");
        let bank_nn = format!("{}", 9_000 + round);
        let mut t = title(&id, "", "300.00", d(2026, 4, 10));
        t.seu_numero = id.clone();
        ledger.import_titles(&[t]).unwrap();
        let mut reg = entry(&bank_nn, "02", K::EntradaConfirmada, d(2026, 4, 1), None);
        reg.seu_numero = id.clone();
        let a = Arc::new(retorno(341, "123456", 100 + round, vec![reg]));
        let b = Arc::new(retorno(
            341,
            "123456",
            200 + round,
            vec![paid(&bank_nn, d(2026, 4, 9), "300.00")],
        ));
        let r = together(
            &pg.url(),
            [
                Box::new(move |l: &mut PostgresLedger| l.apply(&a).unwrap()),
                Box::new(move |l: &mut PostgresLedger| l.apply(&b).unwrap()),
            ],
        );
        let (reg_o, pay_o) = (r[0].entries[0].outcome, r[1].entries[0].outcome);
        let state = ledger
            .titles()
            .unwrap()
            .into_iter()
            .find(|(t, _)| t.id == id)
            .unwrap()
            .1;
        assert_eq!(reg_o, Outcome::Registered);
        assert_eq!(state.linked_nosso_numero.as_deref(), Some(bank_nn.as_str()));
        // the link first: the payment matches through it; the payment first: nobody had that number yet
        match pay_o {
            Outcome::Paid => {
                assert_eq!((state.status, state.paid), (Status::Settled, dec("300.00")))
            }
            Outcome::Unmatched => assert_eq!((state.status, state.paid), (Status::Open, dec("0"))),
            other => panic!("round {round}: the payment was {other}"),
        }
    }
}

/// A matched entry's outcome is stored once, in the title's history (its `entries` row keeps the columns, `data`
/// stays NULL); an unmatched one in its `entries` row.
#[test]
fn an_outcome_is_stored_once_and_the_history_has_it_whole() {
    let Some(mut pg) = Pg::new("an_outcome_is_stored_once_and_the_history_has_it_whole") else {
        return;
    };
    let mut l = pg.ledger();
    l.import_titles(&[title("NF-1", "12345678", "100.00", d(2026, 3, 10))])
        .unwrap();
    let r = retorno(
        341,
        "123456",
        1,
        vec![
            paid("12345678", d(2026, 3, 9), "100.00"),
            paid("99999999", d(2026, 3, 9), "7.00"),
        ],
    );
    let res = l.apply(&r).unwrap();
    assert_eq!(
        l.history("NF-1").unwrap().last(),
        Some(&baixa::Event::Entry {
            file_id: res.file_id.clone(),
            outcome: Box::new(res.entries[0].clone()),
        })
    );
    let data = |pg: &mut Pg, line: usize| -> Option<Value> {
        pg.admin
            .query_one(
                &format!("SELECT data FROM {}.entries WHERE line = $1", pg.schema),
                &[&(line as i64)],
            )
            .unwrap()
            .get(0)
    };
    assert_eq!(data(&mut pg, res.entries[0].line), None);
    assert_eq!(res.entries[1].outcome, Outcome::Unmatched);
    let stored: baixa::EntryOutcome =
        serde_json::from_value(data(&mut pg, res.entries[1].line).unwrap()).unwrap();
    assert_eq!(stored, res.entries[1]);
    assert_eq!(
        pg.count("SELECT count(*) FROM {s}.entries WHERE data IS NOT NULL"),
        1
    );
}

/// The régua scenarios the memory and SQLite ledgers run (`regua_scenarios`), each on a schema of its own; then the
/// first again on a reopened connection: what was issued is remembered.
#[test]
fn regua_scenarios_postgres() {
    for (name, f) in regua_scenarios::SCENARIOS {
        let Some(pg) = Pg::new(&format!("regua_scenarios_postgres/{name}")) else {
            return;
        };
        println!("scenario {name}");
        f(&mut pg.ledger());
        if *name == "successive_dates" {
            let p = baixa::Politica::from_toml(regua_scenarios::POLITICA).unwrap();
            let mut again = pg.ledger();
            let r = baixa::regua::run(&mut again, &p, regua_scenarios::d("2026-04-19")).unwrap();
            assert_eq!((r.actions.len(), r.already_issued), (0, 2));
        }
    }
}

/// SQL that takes the PostgreSQL ledger in schema `s` from the latest schema version back to version 9: a retorno
/// entry's event as one JSON document (as before version 10) instead of typed columns, the index of entries by
/// file again.
fn pg_back_to_v9(s: &str) -> String {
    format!(
        "UPDATE {s}.events e SET data = jsonb_build_object('event', 'entry', 'file_id', e.file_id, 'outcome', \
         jsonb_build_object('line', o.line, 'identity', o.identity, 'outcome', o.outcome, \
         'ocorrencia', o.ocorrencia, 'title_id', e.title_id, 'matched_by', o.matched_by, 'date', o.date, \
         'expected', o.expected::text, 'paid', o.paid::text, 'difference', o.difference::text, \
         'credited', o.credited::text, 'fees', o.fees::text, 'bank_charges', o.bank_charges::text, \
         'breakdown', CASE WHEN o.b_total IS NULL THEN NULL ELSE jsonb_build_object('valor', o.b_valor::text, \
         'multa', o.b_multa::text, 'juros', o.b_juros::text, 'desconto', o.b_desconto::text, \
         'abatimento', o.b_abatimento::text, 'total', o.b_total::text, 'dias_atraso', o.b_dias_atraso) END, \
         'charges_from', o.charges_from, 'motivos', COALESCE(o.motivos, '[]'::jsonb), 'note', o.note)) \
         FROM {s}.entry_outcomes o WHERE o.event_seq = e.seq AND e.kind = 'entry' \
         AND e.data = '{{\"event\":\"entry\"}}'::jsonb;
         DROP TABLE {s}.entry_outcomes;
         CREATE INDEX entries_file ON {s}.entries (file_id);"
    )
}

/// A PostgreSQL ledger of schema version 6 (a title's state in columns of `titles`, its JSON in its latest import
/// event as well) is upgraded in place: the states and histories read the same, each title's JSON is stored once,
/// and the ledger goes on settling and refusing what it had already applied.
#[test]
fn a_version_6_ledger_is_upgraded_in_place() {
    let Some(mut pg) = Pg::new("a_version_6_ledger_is_upgraded_in_place") else {
        return;
    };
    let marks = "SELECT count(*) FROM {s}.events WHERE kind = 'imported' AND data = '{\"event\":\"imported\"}'::jsonb";
    let typed =
        "SELECT count(*) FROM {s}.events e JOIN {s}.entry_outcomes o ON o.event_seq = e.seq \
                 WHERE e.kind = 'entry' AND e.data = '{\"event\":\"entry\"}'::jsonb";
    let ts = vec![
        title("T1", "12345678", "100.00", d(2026, 3, 10)),
        title("T2", "22222222", "70.00", d(2026, 3, 10)),
    ];
    let first = retorno(
        341,
        "123456",
        1,
        vec![paid("12345678", d(2026, 3, 9), "100.00")],
    );
    let (titles, histories) = {
        let mut l = pg.ledger();
        l.import_titles(&ts).unwrap();
        assert_eq!(
            l.apply(&first).unwrap().outcomes.get(&Outcome::Paid),
            Some(&1)
        );
        let h: Vec<_> = ["T1", "T2"]
            .iter()
            .map(|id| l.history(id).unwrap())
            .collect();
        (l.titles().unwrap(), h)
    };
    assert_eq!(pg.count(marks), 2);
    // back to what version 6 stored
    let s = pg.schema.clone();
    pg.admin
        .batch_execute(&format!(
            "ALTER TABLE {s}.titles ADD COLUMN status TEXT NOT NULL DEFAULT 'open', \
             ADD COLUMN paid NUMERIC NOT NULL DEFAULT 0, ADD COLUMN registered INTEGER NOT NULL DEFAULT 0, \
             ADD COLUMN linked_nosso_numero TEXT, ADD COLUMN settled_on DATE;
             UPDATE {s}.titles t SET status = x.status, paid = x.paid, registered = x.registered, \
             linked_nosso_numero = x.linked_nosso_numero, settled_on = x.settled_on \
             FROM {s}.title_state x WHERE x.title_seq = t.seq;
             DROP TABLE {s}.title_state;
             UPDATE {s}.events e SET data = jsonb_build_object('event', 'imported', 'titulo', t.data) \
             FROM {s}.titles t WHERE t.id = e.title_id AND e.kind = 'imported' \
             AND e.data = '{{\"event\":\"imported\"}}'::jsonb;
             {}
             DELETE FROM {s}.baixa_schema_version WHERE version >= 7;",
            pg_back_to_v9(&s)
        ))
        .unwrap();
    assert_eq!(pg.count(marks), 0);
    assert_eq!(
        pg.count("SELECT count(*) FROM {s}.titles WHERE status = 'settled'"),
        1
    );
    let mut l = pg.ledger();
    assert_eq!(l.schema_version().unwrap(), schema::latest());
    assert_eq!(l.titles().unwrap(), titles);
    for (id, h) in ["T1", "T2"].iter().zip(&histories) {
        assert_eq!(&l.history(id).unwrap(), h, "{id}");
    }
    assert_eq!(pg.count(marks), 2);
    assert_eq!(pg.count("SELECT count(*) FROM {s}.title_state"), 2);
    // version 10: the events written before keep their JSON, no index of entries by file
    assert_eq!(pg.count(typed), 0);
    assert_eq!(
        pg.count(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = '{s}' AND indexname = 'entries_file'"
        ),
        0
    );
    assert!(l.apply(&first).unwrap().already_applied);
    let r = l
        .apply(&retorno(
            341,
            "123456",
            2,
            vec![
                paid("12345678", d(2026, 3, 9), "100.00"),
                paid("22222222", d(2026, 3, 9), "70.00"),
            ],
        ))
        .unwrap();
    let got: Vec<_> = r.entries.iter().map(|e| e.outcome).collect();
    assert_eq!(got, [Outcome::Duplicate, Outcome::Paid]);
    // PostgreSQL keeps writing a retorno entry's event as one JSON document (`entry_outcomes` is SQLite's);
    // the new file's events read back after the ones written before the upgrade
    assert_eq!(pg.count(typed), 0);
    for (i, id) in ["T1", "T2"].iter().enumerate() {
        let mut h = histories[i].clone();
        h.push(baixa::Event::Entry {
            file_id: r.file_id.clone(),
            outcome: Box::new(r.entries[i].clone()),
        });
        assert_eq!(l.history(id).unwrap(), h, "{id}");
    }
    // an import that changes a title keeps the version it replaces in the history
    let mut t2 = ts[1].clone();
    t2.valor = dec("75.00");
    assert_eq!(
        l.import_titles(std::slice::from_ref(&t2)).unwrap().updated,
        1
    );
    let h = l.history("T2").unwrap();
    assert_eq!(h.first(), histories[1].first());
    assert_eq!(
        h.last(),
        Some(&baixa::Event::Imported {
            titulo: Box::new(t2)
        })
    );
    assert_eq!(pg.count(marks), 2);
}
