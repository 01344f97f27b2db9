//! Applying a 100,000-entry retorno to the PostgreSQL ledger (a server at `CNAB_TEST_PG_URL`, which
//! `scripts/pg-start.sh` starts; without it the benchmark says so and measures nothing).
//!
//! Each iteration gets a fresh schema with 100,000 open titles imported (not measured), then applies one file that
//! pays every title, in one transaction. `BAIXA_BENCH_PG_N` changes the size; run as a test (`cargo test
//! --benches`, without `--bench`) it is a 1,000-entry smoke run.
//!
//! `CNAB_TEST_PG_URL=… cargo bench -p baixa --bench postgres`
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use baixa::{Ledger, PostgresLedger, Titulo};
use chrono::NaiveDate;
use cnab_core::{
    Bank, Beneficiario, Header, Layout, Ocorrencia, OcorrenciaKind, Retorno, RetornoEntry,
};
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use rust_decimal::Decimal;

fn size() -> usize {
    if !std::env::args().any(|a| a == "--bench") {
        return 1_000;
    }
    std::env::var("BAIXA_BENCH_PG_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000)
}

fn titles(n: usize) -> Vec<Titulo> {
    let due = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    (0..n)
        .map(|i| {
            let mut t = Titulo::new(
                format!("T{i}"),
                341,
                format!("{}", 10_000_000 + i),
                Decimal::new(10_000 + i64::try_from(i % 50_000).unwrap(), 2),
                due,
            );
            t.convenio = "123456".into();
            t
        })
        .collect()
}

fn retorno(titles: &[Titulo]) -> Retorno {
    let paid_on = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let entries = titles
        .iter()
        .enumerate()
        .map(|(i, t)| RetornoEntry {
            nosso_numero: t.nosso_numero.clone(),
            ocorrencia: Some(Ocorrencia {
                code: "06".into(),
                kind: OcorrenciaKind::Liquidacao,
                description: "Liquidação".into(),
            }),
            data_ocorrencia: Some(paid_on),
            valor_pago: Some(t.valor),
            line: i + 2,
            ..Default::default()
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
            nsa: Some(1),
            ..Default::default()
        },
        entries,
        records: vec![],
        problems: vec![],
    }
}

fn bench(c: &mut Criterion) {
    let Ok(base) = std::env::var("CNAB_TEST_PG_URL") else {
        eprintln!("skipped: CNAB_TEST_PG_URL not set (scripts/pg-start.sh starts a server)");
        return;
    };
    let n = size();
    let titles = titles(n);
    let file = retorno(&titles);
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    let mut g = c.benchmark_group("postgres");
    // one iteration per sample (an iteration takes seconds), ten samples
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(60))
        .throughput(Throughput::Elements(n as u64));
    g.bench_function(format!("apply {n} entries"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                let schema = format!("baixa_bench_{}_{i}", std::process::id());
                admin
                    .batch_execute(&format!(
                        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
                    ))
                    .unwrap();
                let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
                let mut ledger = PostgresLedger::connect(&url).unwrap();
                ledger.import_titles(&titles).unwrap();
                let start = Instant::now();
                let r = ledger.apply(&file).unwrap();
                total += start.elapsed();
                assert_eq!(r.applied, n);
                drop(ledger);
                admin
                    .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
                    .unwrap();
            }
            total
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
