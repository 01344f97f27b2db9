//! The SQLite ledger: idempotency, duplicates, a crash mid-file, concurrent appliers, migrations.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly
mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};

use baixa::{Ledger, LedgerError, MatchedBy, Outcome, SqliteLedger, Status};
use cnab_core::OcorrenciaKind as K;
use common::*;
use rust_decimal::Decimal;

fn titles(n: usize) -> Vec<baixa::Titulo> {
    (0..n)
        .map(|i| {
            title(
                &format!("T{i}"),
                &format!("{}", 1000 + i),
                "100.00",
                d(2026, 3, 10),
            )
        })
        .collect()
}

fn payments(n: usize, nsa: u64) -> cnab_core::Retorno {
    retorno(
        341,
        "123456",
        nsa,
        (0..n)
            .map(|i| paid(&format!("{:012}", 1000 + i), d(2026, 3, 9), "100.00"))
            .collect(),
    )
}

fn count(l: &SqliteLedger, sql: &str) -> i64 {
    l.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn total_paid(l: &mut SqliteLedger) -> Decimal {
    l.titles().unwrap().iter().map(|(_, s)| s.paid).sum()
}

#[test]
fn same_file_twice_and_the_same_payment_in_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut l = SqliteLedger::open(dir.path().join("l.db")).unwrap();
    assert_eq!(l.import_titles(&titles(3)).unwrap().added, 3);
    let r = l.apply(&payments(3, 1)).unwrap();
    assert_eq!(
        (r.applied, r.already_applied, r.outcomes.get(&Outcome::Paid)),
        (3, false, Some(&3))
    );
    assert_eq!(r.report.total_paid, dec("300.00"));
    let again = l.apply(&payments(3, 1)).unwrap();
    assert!(again.already_applied);
    let other = l.apply(&payments(3, 2)).unwrap();
    assert_eq!(other.outcomes.get(&Outcome::Duplicate), Some(&3));
    assert_eq!(total_paid(&mut l), dec("300.00"));
    assert_eq!(count(&l, "SELECT COUNT(*) FROM entries"), 3);
    assert_eq!(count(&l, "SELECT COUNT(*) FROM files"), 2);
    // state survives reopening
    drop(l);
    let mut l = SqliteLedger::open(dir.path().join("l.db")).unwrap();
    assert!(l
        .titles()
        .unwrap()
        .iter()
        .all(|(_, s)| s.status == Status::Settled));
    assert!(l.apply(&payments(3, 1)).unwrap().already_applied);
    assert_eq!(l.files().unwrap().len(), 2);
}

#[test]
fn link_history_and_settlement_in_sqlite() {
    let mut l = SqliteLedger::open_in_memory().unwrap();
    let mut t = title("NF-9", "", "300.00", d(2026, 4, 10));
    t.seu_numero = "NF-9".into();
    l.import_titles(&[t]).unwrap();
    let mut reg = entry("88877766", "02", K::EntradaConfirmada, d(2026, 4, 1), None);
    reg.seu_numero = "NF-9".into();
    reg.nosso_numero_dv = Some("3".into());
    l.apply(&retorno(341, "123456", 1, vec![reg])).unwrap();
    let r = l
        .apply(&retorno(
            341,
            "123456",
            2,
            vec![paid("888777663", d(2026, 4, 9), "300.00")],
        ))
        .unwrap();
    assert_eq!(
        (r.entries[0].outcome, r.entries[0].matched_by),
        (Outcome::Paid, Some(MatchedBy::NossoNumero))
    );
    assert_eq!(r.entries[0].title_id.as_deref(), Some("NF-9"));
    let h = l.history("NF-9").unwrap();
    assert_eq!(h.len(), 4);
    assert!(matches!(
        l.history("nope"),
        Err(LedgerError::UnknownTitle(_))
    ));
    // updating a title keeps its state
    let mut t2 = title("NF-9", "", "310.00", d(2026, 4, 10));
    t2.seu_numero = "NF-9".into();
    assert_eq!(l.import_titles(&[t2]).unwrap().updated, 1);
    let (t, s) = l.titles().unwrap().remove(0);
    assert_eq!(
        (t.valor, s.status, s.linked_nosso_numero.as_deref()),
        (dec("310.00"), Status::Settled, Some("88877766"))
    );
}

#[test]
fn migrations_are_versioned() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("m.db");
    let l = SqliteLedger::open(&p).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    assert_eq!(
        count(&l, "SELECT COUNT(*) FROM baixa_schema_version"),
        baixa::schema::MIGRATIONS.len() as i64
    );
    l.connection()
        .execute(
            "INSERT INTO baixa_schema_version VALUES (99, 'future', 'x')",
            [],
        )
        .unwrap();
    drop(l);
    match SqliteLedger::open(&p) {
        Err(LedgerError::SchemaTooNew { found: 99, .. }) => {}
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

#[test]
fn two_concurrent_appliers_settle_each_payment_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let n = 2000;
    SqliteLedger::open(&path)
        .unwrap()
        .import_titles(&titles(n))
        .unwrap();
    // round 1: the same file from two connections; round 2: two different files carrying the same payments
    for (a, b) in [(1u64, 1u64), (7, 8)] {
        let barrier = Arc::new(Barrier::new(2));
        let handles: Vec<_> = [a, b]
            .into_iter()
            .map(|nsa| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let mut l = SqliteLedger::open(&path).unwrap();
                    let f = payments(n, nsa);
                    barrier.wait();
                    l.apply(&f).unwrap()
                })
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let settled: usize = results
            .iter()
            .map(|r| r.outcomes.get(&Outcome::Paid).copied().unwrap_or(0))
            .sum();
        if a == 1 {
            // the first round settles everything once
            assert_eq!(settled, n);
            assert_eq!(results.iter().filter(|r| r.already_applied).count(), 1);
        } else {
            // everything was already settled: both files are duplicates
            assert_eq!(settled, 0);
            let dups: usize = results
                .iter()
                .map(|r| r.outcomes.get(&Outcome::Duplicate).copied().unwrap_or(0))
                .sum();
            assert_eq!(dups, 2 * n);
        }
    }
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(total_paid(&mut l), Decimal::from(100 * n as i64));
    assert_eq!(count(&l, "SELECT COUNT(*) FROM entries"), n as i64);
}

#[test]
fn two_concurrent_appliers_of_different_files_with_the_same_payments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c2.db");
    let n = 2000;
    SqliteLedger::open(&path)
        .unwrap()
        .import_titles(&titles(n))
        .unwrap();
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = [21u64, 22]
        .into_iter()
        .map(|nsa| {
            let (path, barrier) = (path.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut l = SqliteLedger::open(&path).unwrap();
                let f = payments(n, nsa);
                barrier.wait();
                l.apply(&f).unwrap()
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let paid: usize = results
        .iter()
        .map(|r| r.outcomes.get(&Outcome::Paid).copied().unwrap_or(0))
        .sum();
    let dups: usize = results
        .iter()
        .map(|r| r.outcomes.get(&Outcome::Duplicate).copied().unwrap_or(0))
        .sum();
    assert_eq!((paid, dups), (n, n));
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(total_paid(&mut l), Decimal::from(100 * n as i64));
}

const CRASH_ENV: &str = "BAIXA_CRASH_TEST_DB";
const CRASH_N: usize = 30_000;

/// Run as a child (the test binary re-invoked with `CRASH_ENV` set): apply a big file and get killed.
#[test]
fn crash_mid_file_leaves_the_ledger_before_or_after() {
    if let Ok(path) = std::env::var(CRASH_ENV) {
        let mut l = SqliteLedger::open(&path).unwrap();
        let f = payments(CRASH_N, 1);
        println!("applying");
        use std::io::Write;
        std::io::stdout().flush().unwrap();
        l.apply(&f).unwrap();
        println!("applied");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    SqliteLedger::open(&path)
        .unwrap()
        .import_titles(&titles(CRASH_N))
        .unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_mid_file_leaves_the_ledger_before_or_after",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CRASH_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "child ended before applying"
        );
        if line.trim().ends_with("applying") {
            break;
        }
    }
    // let the transaction get under way, then kill the process (SIGKILL: no cleanup)
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    let mut l = SqliteLedger::open(&path).unwrap();
    let files = count(&l, "SELECT COUNT(*) FROM files");
    let entries = count(&l, "SELECT COUNT(*) FROM entries");
    let paid = total_paid(&mut l);
    let settled = l
        .titles()
        .unwrap()
        .iter()
        .filter(|(_, s)| s.status == Status::Settled)
        .count();
    let before = (files, entries, paid, settled) == (0, 0, Decimal::ZERO, 0);
    let after = (files, entries, paid, settled)
        == (
            1,
            CRASH_N as i64,
            Decimal::from(100 * CRASH_N as i64),
            CRASH_N,
        );
    assert!(
        before || after,
        "partial state: files {files}, entries {entries}, paid {paid}, settled {settled}"
    );
    eprintln!(
        "ledger after the kill: {}",
        if before {
            "before the file"
        } else {
            "after the file"
        }
    );
    // applying again completes it exactly once
    let r = l.apply(&payments(CRASH_N, 1)).unwrap();
    assert_eq!(r.already_applied, after);
    assert_eq!(count(&l, "SELECT COUNT(*) FROM entries"), CRASH_N as i64);
    assert_eq!(total_paid(&mut l), Decimal::from(100 * CRASH_N as i64));
}

fn imported_events(l: &SqliteLedger, id: &str) -> Vec<String> {
    let mut st = l
        .connection()
        .prepare("SELECT data FROM events WHERE title_id = ?1 AND kind = 'imported' ORDER BY seq")
        .unwrap();
    st.query_map([id], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A title's JSON is stored once: in `titles.data`, its latest import event being a mark read with it; an import
/// that changes the title first gives the mark the JSON it stood for, exactly as serde writes the event.
#[test]
fn a_titles_json_is_stored_once_and_its_history_has_every_version() {
    let mut t = title("NF-1", "12345678", "1000.00", d(2026, 3, 10));
    t.seu_numero = "S-1".into();
    t.multa = Some(baixa::Multa {
        tipo: baixa::MultaTipo::Percentual,
        valor: dec("2"),
        desde: None,
    });
    let mut l = SqliteLedger::open_in_memory().unwrap();
    l.import_titles(std::slice::from_ref(&t)).unwrap();
    let ev = baixa::Event::Imported {
        titulo: Box::new(t.clone()),
    };
    assert_eq!(imported_events(&l, "NF-1"), [r#"{"event":"imported"}"#]);
    assert_eq!(l.history("NF-1").unwrap(), vec![ev.clone()]);
    let mut t2 = t.clone();
    t2.valor = dec("1100.00");
    // the same id twice in one import: both versions kept, in order
    let mut t3 = t2.clone();
    t3.seu_numero = "S-3".into();
    assert_eq!(
        l.import_titles(&[t2.clone(), t3.clone()]).unwrap().updated,
        2
    );
    let ev2 = baixa::Event::Imported {
        titulo: Box::new(t2.clone()),
    };
    let ev3 = baixa::Event::Imported {
        titulo: Box::new(t3.clone()),
    };
    assert_eq!(
        imported_events(&l, "NF-1"),
        [
            serde_json::to_string(&ev).unwrap(),
            serde_json::to_string(&ev2).unwrap(),
            r#"{"event":"imported"}"#.to_string()
        ]
    );
    assert_eq!(l.history("NF-1").unwrap(), vec![ev, ev2, ev3]);
    assert_eq!(l.titles().unwrap()[0].0, t3);
}

/// A ledger written before version 8 kept a title's JSON twice (in its latest import event too): opening it makes
/// that event the mark, and the history reads the same.
#[test]
fn a_version_7_ledger_keeps_a_titles_json_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    let t = title("NF-1", "12345678", "100.00", d(2026, 3, 10));
    let mut t2 = t.clone();
    t2.valor = dec("90.00");
    let history = {
        let mut l = SqliteLedger::open(&path).unwrap();
        l.import_titles(std::slice::from_ref(&t)).unwrap();
        l.import_titles(std::slice::from_ref(&t2)).unwrap();
        l.apply(&retorno(
            341,
            "123456",
            1,
            vec![paid("12345678", d(2026, 3, 9), "90.00")],
        ))
        .unwrap();
        // as version 7 wrote it: the title's JSON in its latest import event as well
        l.connection()
            .execute_batch(
                "UPDATE events SET data = '{\"event\":\"imported\",\"titulo\":' || \
                 (SELECT data FROM titles WHERE id = events.title_id) || '}' \
                 WHERE kind = 'imported' AND data = '{\"event\":\"imported\"}'; \
                 DELETE FROM baixa_schema_version WHERE version >= 8;",
            )
            .unwrap();
        assert_eq!(l.schema_version().unwrap(), 7);
        assert_eq!(
            imported_events(&l, "NF-1")[1],
            serde_json::to_string(&baixa::Event::Imported {
                titulo: Box::new(t2.clone())
            })
            .unwrap()
        );
        l.history("NF-1").unwrap()
    };
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    let stored = imported_events(&l, "NF-1");
    assert_eq!(stored[1], r#"{"event":"imported"}"#);
    assert_eq!(
        stored[0],
        serde_json::to_string(&baixa::Event::Imported {
            titulo: Box::new(t.clone())
        })
        .unwrap()
    );
    assert_eq!(l.history("NF-1").unwrap(), history);
}

/// A ledger written before version 6 kept a matched entry's outcome twice (in `entries.data` too): opening it
/// drops that copy, the history keeps it, an unmatched entry's row keeps its own.
#[test]
fn a_version_5_ledger_drops_the_second_copy_of_matched_outcomes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    let res = {
        let mut l = SqliteLedger::open(&path).unwrap();
        l.import_titles(&[title("NF-1", "12345678", "100.00", d(2026, 3, 10))])
            .unwrap();
        let res = l
            .apply(&retorno(
                341,
                "123456",
                1,
                vec![
                    paid("12345678", d(2026, 3, 9), "100.00"),
                    paid("99999999", d(2026, 3, 9), "7.00"),
                ],
            ))
            .unwrap();
        // as a version 5 ledger wrote it: the matched outcome in its entries row as well
        let json = serde_json::to_string(&res.entries[0]).unwrap();
        l.connection()
            .execute(
                "UPDATE entries SET data = ?1 WHERE line = ?2",
                rusqlite::params![json, res.entries[0].line as i64],
            )
            .unwrap();
        l.connection().execute_batch(SQLITE_BACK_TO_V6).unwrap();
        l.connection()
            .execute_batch("DELETE FROM baixa_schema_version WHERE version >= 6")
            .unwrap();
        assert_eq!(l.schema_version().unwrap(), 5);
        res
    };
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    let data = |l: &SqliteLedger, line: usize| -> Option<String> {
        l.connection()
            .query_row(
                "SELECT data FROM entries WHERE line = ?1",
                [line as i64],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(data(&l, res.entries[0].line), None);
    let stored: baixa::EntryOutcome =
        serde_json::from_str(&data(&l, res.entries[1].line).unwrap()).unwrap();
    assert_eq!(stored, res.entries[1]);
    assert_eq!(
        l.history("NF-1").unwrap().last(),
        Some(&baixa::Event::Entry {
            file_id: res.file_id.clone(),
            outcome: Box::new(res.entries[0].clone()),
        })
    );
}

#[test]
fn an_outcome_is_stored_once_and_the_history_has_it_whole() {
    let mut l = SqliteLedger::open_in_memory().unwrap();
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
    let hist = l.history("NF-1").unwrap();
    assert_eq!(
        hist.last(),
        Some(&baixa::Event::Entry {
            file_id: res.file_id.clone(),
            outcome: Box::new(res.entries[0].clone()),
        })
    );
    let data = |line: usize| -> Option<String> {
        l.connection()
            .query_row(
                "SELECT data FROM entries WHERE line = ?1",
                [line as i64],
                |r| r.get(0),
            )
            .unwrap()
    };
    // matched: the outcome lives in the title's history; unmatched: in its entries row
    assert_eq!(data(res.entries[0].line), None);
    assert_eq!(res.entries[1].outcome, Outcome::Unmatched);
    let stored: baixa::EntryOutcome =
        serde_json::from_str(&data(res.entries[1].line).unwrap()).unwrap();
    assert_eq!(stored, res.entries[1]);
}

/// A ledger written at schema version 6 (a title's state in columns of `titles`) is upgraded in place when
/// opened: the states move to `title_state` unchanged, the columns leave `titles`, and the ledger goes on matching
/// (through a nosso número linked before the upgrade too), settling and refusing what it had already applied.
#[test]
fn a_version_6_ledger_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (new, old) = (dir.path().join("new.db"), dir.path().join("v6.db"));
    let mut t2 = title("T2", "", "50.00", d(2026, 3, 10));
    t2.seu_numero = "S2".into();
    let ts = vec![
        title("T1", "12345678", "100.00", d(2026, 3, 10)),
        t2,
        title("T3", "22222222", "70.00", d(2026, 3, 10)),
    ];
    let mut reg = entry("555", "02", K::EntradaConfirmada, d(2026, 3, 2), None);
    reg.seu_numero = "S2".into();
    let first = retorno(
        341,
        "123456",
        1,
        vec![paid("12345678", d(2026, 3, 9), "100.00"), reg],
    );
    let (titles_before, history_before) = {
        let mut l = SqliteLedger::open(&new).unwrap();
        l.import_titles(&ts).unwrap();
        let r = l.apply(&first).unwrap();
        assert_eq!(r.outcomes.get(&Outcome::Registered), Some(&1));
        let h: Vec<_> = ["T1", "T2", "T3"]
            .iter()
            .map(|id| l.history(id).unwrap())
            .collect();
        (l.titles().unwrap(), h)
    };
    // the same rows in a database made by the migrations up to version 6, the state in the title's columns
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        c.execute_batch(baixa::schema::VERSION_TABLE).unwrap();
        for m in baixa::schema::MIGRATIONS.iter().filter(|m| m.version <= 6) {
            c.execute_batch(&baixa::schema::Dialect::Sqlite.render(m.sql))
                .unwrap();
            c.execute(
                "INSERT INTO baixa_schema_version VALUES (?1, ?2, 'then')",
                rusqlite::params![m.version, m.description],
            )
            .unwrap();
        }
        c.execute("ATTACH DATABASE ?1 AS cur", [new.to_str().unwrap()])
            .unwrap();
        c.execute_batch(&format!(
            "INSERT INTO titles (seq, id, bank, convenio_key, valor, vencimento, status, paid, registered, \
             linked_nosso_numero, settled_on, data) \
             SELECT t.seq, t.id, t.bank, t.convenio_key, t.valor, t.vencimento, s.status, s.paid, s.registered, \
             s.linked_nosso_numero, s.settled_on, t.data FROM cur.titles t JOIN cur.title_state s ON s.title_seq = t.seq;
             INSERT INTO title_keys SELECT * FROM cur.title_keys;
             INSERT INTO files SELECT * FROM cur.files;
             INSERT INTO entries SELECT * FROM cur.entries;
             INSERT INTO events SELECT e.seq, e.title_id, e.kind, e.file_id, CASE \
             WHEN e.kind = 'imported' AND e.data = '{{\"event\":\"imported\"}}' \
             THEN '{{\"event\":\"imported\",\"titulo\":' || t.data || '}}' \
             WHEN e.kind = 'entry' AND e.data = '{{\"event\":\"entry\"}}' \
             AND e.seq IN (SELECT event_seq FROM entry_outcomes) THEN {} ELSE e.data END \
             FROM cur.events e JOIN cur.titles t ON t.id = e.title_id;
             DETACH DATABASE cur;",
            common::SQLITE_ENTRY_EVENT_JSON
        ))
        .unwrap();
        let settled: String = c
            .query_row("SELECT status FROM titles WHERE id = 'T1'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(settled, "settled");
    }
    let mut l = SqliteLedger::open(&old).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    assert_eq!(l.titles().unwrap(), titles_before);
    for (id, h) in ["T1", "T2", "T3"].iter().zip(&history_before) {
        assert_eq!(&l.history(id).unwrap(), h, "{id}");
    }
    assert_eq!(count(&l, "SELECT COUNT(*) FROM title_state"), 3);
    // version 9: the matching keys clustered on their primary key, all of them kept
    assert_eq!(
        count(
            &l,
            "SELECT COUNT(*) FROM pragma_table_list WHERE name = 'title_keys' AND wr = 1"
        ),
        1
    );
    assert_eq!(count(&l, "SELECT COUNT(*) FROM title_keys"), 4);
    // version 8 as well: every title's JSON once
    assert_eq!(
        count(
            &l,
            "SELECT COUNT(*) FROM events WHERE kind = 'imported' AND data <> '{\"event\":\"imported\"}'"
        ),
        0
    );
    assert_eq!(
        count(
            &l,
            "SELECT COUNT(*) FROM pragma_table_info('titles') WHERE name IN \
             ('status', 'paid', 'registered', 'linked_nosso_numero', 'settled_on')"
        ),
        0
    );
    // version 10: the outcome table is there, the events written before keep their JSON, no index by file
    let typed_events = format!(
        "SELECT COUNT(*) FROM events WHERE {}",
        common::SQLITE_TYPED_ENTRY_EVENT
    );
    assert_eq!(count(&l, &typed_events), 0);
    assert_eq!(
        count(
            &l,
            "SELECT COUNT(*) FROM pragma_table_info('entry_outcomes')"
        ),
        23
    );
    assert_eq!(
        count(
            &l,
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'entries_file'"
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
                paid("555", d(2026, 3, 9), "50.00"),
                paid("22222222", d(2026, 3, 9), "70.00"),
            ],
        ))
        .unwrap();
    let got: Vec<_> = r
        .entries
        .iter()
        .map(|e| (e.outcome, e.title_id.as_deref().map(str::to_string)))
        .collect();
    assert_eq!(
        got,
        [
            (Outcome::Duplicate, Some("T1".to_string())),
            (Outcome::Paid, Some("T2".to_string())),
            (Outcome::Paid, Some("T3".to_string())),
        ]
    );
    let states: Vec<_> = l
        .titles()
        .unwrap()
        .into_iter()
        .map(|(t, s)| (t.id, s.status, s.paid))
        .collect();
    assert_eq!(
        states,
        [
            ("T1".to_string(), Status::Settled, dec("100.00")),
            ("T2".to_string(), Status::Settled, dec("50.00")),
            ("T3".to_string(), Status::Settled, dec("70.00")),
        ]
    );
    // the new file's events in the typed columns, read back whole after the ones written before the upgrade
    assert_eq!(count(&l, &typed_events), 3);
    for (i, id) in ["T1", "T2", "T3"].iter().enumerate() {
        let mut h = history_before[i].clone();
        h.push(baixa::Event::Entry {
            file_id: r.file_id.clone(),
            outcome: Box::new(r.entries[i].clone()),
        });
        assert_eq!(l.history(id).unwrap(), h, "{id}");
    }
}
