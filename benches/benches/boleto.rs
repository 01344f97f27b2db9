//! Boletos: validating linhas digitáveis (field DVs, currency, general DV) and making boletos (nosso número DV,
//! campo livre, barcode, linha digitável), per element.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)] // bench code fails loudly

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let inputs = benches::boleto_inputs(3_000);
    let linhas: Vec<String> = inputs
        .iter()
        .map(|i| boleto::make(i).unwrap().linha_digitavel_formatada)
        .collect();
    let mut g = c.benchmark_group("boleto");
    g.throughput(Throughput::Elements(linhas.len() as u64));
    g.bench_function("validate_linha_digitavel", |b| {
        b.iter(|| {
            black_box(&linhas)
                .iter()
                .filter(|l| boleto::LinhaDigitavel::parse(l).is_ok())
                .count()
        })
    });
    g.bench_function("validate_only", |b| {
        b.iter(|| {
            black_box(&linhas)
                .iter()
                .filter(|l| boleto::LinhaDigitavel::validate(l).is_ok())
                .count()
        })
    });
    g.bench_function("validate_only_cpu_time", |b| {
        b.iter_custom(|iters| {
            benches::cpu_time(iters, || {
                black_box(&linhas)
                    .iter()
                    .filter(|l| boleto::LinhaDigitavel::validate(l).is_ok())
                    .count()
            })
        })
    });
    g.bench_function("parse_any", |b| {
        b.iter(|| {
            black_box(&linhas)
                .iter()
                .filter(|l| boleto::parse_any(l).is_ok())
                .count()
        })
    });
    g.bench_function("make", |b| {
        b.iter(|| {
            black_box(&inputs)
                .iter()
                .filter(|i| boleto::make(i).is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
