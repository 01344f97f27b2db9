//! Writing remessas (CNAB 240 and 400) from the model, and the generator itself (what `cnab gen` costs).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)] // bench code fails loudly

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use cnab_core::generator::{generate, GenOptions};
use cnab_core::{write_remessa, Bank, FileKind, Layout, RemessaWriter, WriteOptions};

fn bench(c: &mut Criterion) {
    for (bank, layout) in [(341u16, Layout::Cnab240), (237, Layout::Cnab400)] {
        let opts = GenOptions::new(
            Bank::new(bank),
            layout,
            FileKind::Remessa,
            10_000,
            benches::SEED,
        );
        let model = cnab_core::generator::remessa(&opts).unwrap();
        let size = write_remessa(&model, Bank::new(bank), layout)
            .unwrap()
            .len();
        let mut g = c.benchmark_group(format!("write_{}_remessa", layout.number()));
        g.throughput(Throughput::Bytes(size as u64));
        g.sample_size(10);
        g.bench_function("write_remessa", |b| {
            b.iter(|| write_remessa(black_box(&model), Bank::new(bank), layout).map(|v| v.len()))
        });
        g.bench_function("write_remessa_cpu_time", |b| {
            b.iter_custom(|iters| {
                benches::cpu_time(iters, || {
                    write_remessa(black_box(&model), Bank::new(bank), layout).map(|v| v.len())
                })
            })
        });
        g.bench_function("remessa_writer", |b| {
            b.iter(|| {
                let m = black_box(&model);
                let mut w = RemessaWriter::new(
                    std::io::sink(),
                    &m.header,
                    Bank::new(bank),
                    layout,
                    WriteOptions::default(),
                )
                .unwrap();
                for t in &m.titulos {
                    w.write(t).unwrap();
                }
                w.finish().map(|(_, warnings)| warnings.len())
            })
        });
        g.bench_function("generate", |b| {
            b.iter(|| generate(black_box(&opts), std::io::sink()).map(|s| s.bytes))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
