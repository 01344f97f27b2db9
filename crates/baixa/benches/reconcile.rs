//! Reconcile 1,000,000 entries against 1,000,000 open titles in memory, and apply a 1,000,000-entry file to the
//! SQLite ledger. `BAIXA_BENCH_N` changes the size (default 1,000,000; the SQLite bench uses
//! `BAIXA_BENCH_SQLITE_N`, same default). Under `cargo test` (without `--bench`) each is a 1,000-entry smoke run.
//! The in-memory reconciliation is timed three times: by the wall clock, by the calling thread's CPU time
//! (`…_cpu_time`) and by the CPU time of every thread of the process (`…_process_cpu_time`: `reconcile` spreads
//! its identities, keys and sorts over every core).
//! `BAIXA_BENCH_ONCE=1 cargo bench -p baixa --bench reconcile -- sqlite` applies the SQLite file once and prints
//! its times instead of taking criterion's samples.
//! `cargo bench -p baixa --bench reconcile -- import` times `baixa::from_remessa` (what `cnab baixa
//! import-remessa` does before the ledger's insert) on a generated Itaú CNAB 400 remessa of `BAIXA_BENCH_IMPORT_N`
//! títulos (default 200,000) by the thread's CPU time, with the linha digitável computed for each título and,
//! for the comparison, on the same remessa with the nosso números blanked (no linha computed).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use baixa::{reconcile, Juros, JurosTipo, Ledger, Multa, MultaTipo, SqliteLedger, Titulo};
use chrono::NaiveDate;
use cnab_core::{
    Bank, Beneficiario, Header, Layout, Ocorrencia, OcorrenciaKind, Retorno, RetornoEntry,
};
use criterion::{criterion_group, criterion_main, Criterion};
use rust_decimal::Decimal;

fn n(var: &str) -> usize {
    // Under `cargo test --benches` (no `--bench` argument) each bench runs once as a smoke test: a small size.
    if !std::env::args().any(|a| a == "--bench") {
        return 1_000;
    }
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000)
}

fn titles(n: usize) -> Vec<Titulo> {
    let venc = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    (0..n)
        .map(|i| {
            let mut t = Titulo::new(
                format!("NF-{i}"),
                341,
                format!("{:08}", 10_000_000 + i),
                Decimal::new(10_000 + i as i64 % 90_000, 2),
                venc,
            );
            t.convenio = "123456".into();
            t.seu_numero = format!("S{i}");
            t.multa = Some(Multa {
                tipo: MultaTipo::Percentual,
                valor: Decimal::TWO,
                desde: None,
            });
            t.juros = Some(Juros {
                tipo: JurosTipo::PercentualMes,
                valor: Decimal::ONE,
                desde: None,
            });
            t
        })
        .collect()
}

/// One payment per title: a fifth paid late with charges, the rest on time; a few unknown.
fn retorno(titles: &[Titulo]) -> Retorno {
    let oc = Ocorrencia {
        code: "06".into(),
        kind: OcorrenciaKind::Liquidacao,
        description: "Liquidação".into(),
    };
    let entries = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let late = i % 5 == 0;
            let date = if late {
                NaiveDate::from_ymd_opt(2026, 3, 25)
            } else {
                NaiveDate::from_ymd_opt(2026, 3, 9)
            };
            let due = baixa::valor_devido(t, date.unwrap()).total;
            RetornoEntry {
                nosso_numero: if i % 1000 == 999 {
                    format!("{:012}", 99_000_000 + i)
                } else {
                    format!("{:012}", 10_000_000 + i)
                },
                seu_numero: t.seu_numero.clone(),
                ocorrencia: Some(oc.clone()),
                data_ocorrencia: date,
                valor_titulo: Some(t.valor),
                valor_pago: Some(due),
                line: i + 2,
                ..Default::default()
            }
        })
        .collect();
    Retorno {
        bank: Bank::new(341),
        layout: Layout::Cnab400,
        header: Header {
            beneficiario: Beneficiario {
                convenio: "123456".into(),
                ..Default::default()
            },
            ..Default::default()
        },
        entries,
        records: vec![],
        problems: vec![],
    }
}

/// Time this thread spent on a CPU (`/proc/thread-self/schedstat`, nanoseconds), where the kernel says it.
fn thread_cpu() -> Option<Duration> {
    schedstat("/proc/thread-self/schedstat")
}

fn schedstat(path: impl AsRef<std::path::Path>) -> Option<Duration> {
    let s = std::fs::read_to_string(path).ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Time every thread of this process spent on a CPU (the sum of `/proc/self/task/*/schedstat`): the work of the
/// parallel passes' worker threads too (they live as long as the process, so none is missed by exiting).
fn process_cpu() -> Option<Duration> {
    let mut total = Duration::ZERO;
    for t in std::fs::read_dir("/proc/self/task").ok()? {
        total += schedstat(t.ok()?.path().join("schedstat"))?;
    }
    Some(total)
}

fn bench_memory(c: &mut Criterion) {
    let n = n("BAIXA_BENCH_N");
    let t = titles(n);
    let r = retorno(&t);
    let mut g = c.benchmark_group("reconcile");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function(format!("memory_{n}_entries_{n}_titles"), |b| {
        b.iter(|| {
            let rep = reconcile(&t, &r);
            assert_eq!(rep.len(), n);
            rep
        })
    });
    // The same work timed by the CPU time of the thread rather than the wall clock: on a machine shared with
    // other jobs the wall clock mostly measures the wait for a core; this is what the work itself costs (page
    // faults and the report's drop included). Where the kernel does not expose it, the wall clock again.
    if thread_cpu().is_some() {
        g.bench_function(format!("memory_{n}_entries_{n}_titles_cpu_time"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = thread_cpu().unwrap_or_default();
                    let rep = reconcile(&t, &r);
                    assert_eq!(rep.len(), n);
                    drop(rep);
                    total += thread_cpu().unwrap_or_default().saturating_sub(start);
                }
                total
            })
        });
    }
    // The CPU time of every thread: `reconcile` computes the identities, keys and sorts on every core, and the
    // `…_cpu_time` bench above counts the calling thread's share only.
    if process_cpu().is_some() {
        g.bench_function(
            format!("memory_{n}_entries_{n}_titles_process_cpu_time"),
            |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let start = process_cpu().unwrap_or_default();
                        let rep = reconcile(&t, &r);
                        assert_eq!(rep.len(), n);
                        drop(rep);
                        total += process_cpu().unwrap_or_default().saturating_sub(start);
                    }
                    total
                })
            },
        );
    }
    g.finish();
}

/// `BAIXA_BENCH_ONCE=1`: import the titles and apply the file once, printing the wall and CPU times, instead of
/// criterion's ten samples (a 1,000,000-entry application takes minutes on a shared machine).
fn sqlite_once(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let t = titles(n);
    let mut l = SqliteLedger::open(dir.path().join("once.db")).unwrap();
    let (wall, cpu) = (Instant::now(), thread_cpu());
    l.import_titles(&t).unwrap();
    let took = |cpu0: Option<Duration>| {
        thread_cpu().zip(cpu0).map_or("?".to_string(), |(b, a)| {
            format!("{:.1?}", b.saturating_sub(a))
        })
    };
    eprintln!(
        "sqlite: import_titles of {n} titles: {:.1?} wall, {} CPU",
        wall.elapsed(),
        took(cpu)
    );
    let r = retorno(&t);
    drop(t);
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let res = l.apply(&r).unwrap();
    eprintln!(
        "sqlite: apply of a {n}-entry file: {:.1?} wall, {} CPU",
        wall.elapsed(),
        took(cpu)
    );
    assert_eq!(res.applied, n);
}

fn bench_sqlite(c: &mut Criterion) {
    let n = n("BAIXA_BENCH_SQLITE_N");
    if std::env::var_os("BAIXA_BENCH_ONCE").is_some() {
        if std::env::args().any(|a| a == "sqlite" || a.starts_with("sqlite/")) {
            sqlite_once(n);
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.db");
    // built on first use only, so that filtering the memory bench skips it
    let setup: std::cell::OnceCell<Retorno> = std::cell::OnceCell::new();
    let mut g = c.benchmark_group("sqlite");
    g.sample_size(10).measurement_time(Duration::from_secs(60));
    g.bench_function(format!("apply_{n}_entries"), |b| {
        let r = setup.get_or_init(|| {
            let t = titles(n);
            let start = Instant::now();
            let mut l = SqliteLedger::open(&template).unwrap();
            l.import_titles(&t).unwrap();
            l.connection()
                .pragma_update(None, "wal_checkpoint", "TRUNCATE")
                .ok();
            eprintln!("sqlite: imported {n} titles in {:.1?}", start.elapsed());
            retorno(&t)
        });
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for k in 0..iters {
                let p = dir.path().join(format!("run{k}.db"));
                std::fs::copy(&template, &p).unwrap();
                let mut l = SqliteLedger::open(&p).unwrap();
                let start = Instant::now();
                let res = l.apply(r).unwrap();
                total += start.elapsed();
                assert_eq!(res.applied, n);
                drop(l);
                for suffix in ["", "-wal", "-shm"] {
                    std::fs::remove_file(format!("{}{suffix}", p.display())).ok();
                }
            }
            total
        })
    });
    g.finish();
}

/// `baixa::from_remessa` with and without the linha digitável of each título (see the module docs).
fn bench_import(c: &mut Criterion) {
    let n = if std::env::var_os("BAIXA_BENCH_IMPORT_N").is_some() {
        n("BAIXA_BENCH_IMPORT_N")
    } else {
        n("BAIXA_BENCH_IMPORT_N").min(200_000)
    };
    let opts = cnab_core::generator::GenOptions::new(
        Bank::new(341),
        Layout::Cnab400,
        cnab_core::FileKind::Remessa,
        n as u64,
        1,
    );
    let com = cnab_core::generator::remessa(&opts).unwrap();
    let mut sem = com.clone();
    for t in &mut sem.titulos {
        t.nosso_numero.clear();
    }
    // the entradas (movimento 01) become titles, the generator's other movimentos are instructions
    let titulos = baixa::from_remessa(&com).unwrap();
    let entradas = titulos.len();
    let linhas = titulos
        .iter()
        .filter(|t| t.linha_digitavel.is_some())
        .count();
    drop(titulos);
    assert_eq!(baixa::from_remessa(&sem).unwrap().len(), entradas);
    eprintln!("import: {entradas} entradas of {n} títulos, {linhas} with a linha digitável");
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for (name, r) in [("with_linha", &com), ("without_linha", &sem)] {
        g.bench_function(format!("from_remessa_{n}_titulos_{name}_cpu_time"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = thread_cpu().unwrap_or_default();
                    let t = baixa::from_remessa(r).unwrap();
                    assert_eq!(t.len(), entradas);
                    drop(t);
                    total += thread_cpu().unwrap_or_default().saturating_sub(start);
                }
                total
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_memory, bench_sqlite, bench_import);
criterion_main!(benches);
