//! Retorno entries as Arrow columns (`cnab-arrow`, what Python's `Retorno.to_arrow()` and `cnab.iter_batches()`
//! run): a whole file's entry views pushed into one record batch, and the file streamed as batches of views, over
//! generated files of about a million entries (Bradesco CNAB 400: 999,997 entries, the most its 6-digit line counter
//! allows; Sicoob CNAB 240: 499,898 entries, the most one file holds at two segments each).
//!
//! `ARROW_BENCH_N=100000 cargo bench -p benches --bench arrow` runs smaller files.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)] // bench code fails loudly

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use cnab_core::{read_retorno_view, FileKind, Layout, ReadOptions, RetornoViewReader};

fn group(c: &mut Criterion, name: &str, bytes: &[u8]) {
    let opts = ReadOptions::strict();
    let view = read_retorno_view(bytes, opts).unwrap();
    let n = view.len();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(12));
    // `Retorno.to_arrow()` on a retorno read whole: the views' rows into one batch (the read not included).
    let to_batch = || {
        let mut b = cnab_arrow::BatchBuilder::with_capacity(n);
        for e in view.entries() {
            b.push_view(&e).unwrap();
        }
        b.finish().unwrap().num_rows()
    };
    g.bench_function("views_to_batch_cpu_time", |b| {
        b.iter_custom(|iters| benches::cpu_time(iters, to_batch))
    });
    // `cnab.iter_batches()`: read and batched together, 65,536 entries a batch.
    g.bench_function("view_batches_stream_cpu_time", |b| {
        b.iter_custom(|iters| {
            benches::cpu_time(iters, || {
                let reader = RetornoViewReader::new(black_box(bytes), opts).unwrap();
                cnab_arrow::ViewBatches::new(reader, 65_536)
                    .map(|b| b.unwrap().num_rows())
                    .sum::<usize>()
            })
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let n = |most: u64| {
        std::env::var("ARROW_BENCH_N")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(most, |v| v.min(most))
    };
    let (r400, _) = benches::file(237, Layout::Cnab400, FileKind::Retorno, n(999_997)).unwrap();
    group(c, "arrow_400_retorno", &r400);
    drop(r400);
    let (r240, _) = benches::file(756, Layout::Cnab240, FileKind::Retorno, n(499_898)).unwrap();
    group(c, "arrow_240_retorno", &r240);
}

criterion_group!(benches, bench);
criterion_main!(benches);
