//! Reading into the model: CNAB 240 and CNAB 400 retornos from the generator, whole file and streaming, owned
//! entries and entry views, against merely splitting the bytes into lines (the floor), plus detection.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)] // bench code fails loudly

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use cnab_core::{
    read_retorno, read_retorno_view, EntryView, FileKind, Layout, ReadOptions, RetornoReader,
    RetornoViewReader,
};
use rust_decimal::Decimal;

/// What a typical consumer reads of each entry: the amount paid and the event date.
fn touch(e: &EntryView<'_>, sum: &mut Decimal, dates: &mut usize) {
    *sum += e.valor_pago().unwrap_or_default();
    *dates += usize::from(e.data_ocorrencia().is_some());
}

fn group(c: &mut Criterion, name: &str, bytes: &[u8]) {
    let opts = ReadOptions::strict();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.sample_size(10);
    g.bench_function("split_lines", |b| {
        b.iter(|| black_box(bytes).split(|&c| c == b'\n').count())
    });
    g.bench_function("whole_file", |b| {
        b.iter(|| read_retorno(black_box(bytes), opts).map(|r| r.entries.len()))
    });
    g.bench_function("stream", |b| {
        b.iter(|| RetornoReader::new(black_box(bytes), opts).map(|r| r.count()))
    });
    g.bench_function("views_whole_file", |b| {
        b.iter(|| read_retorno_view(black_box(bytes), opts).map(|r| r.len()))
    });
    g.bench_function("views_whole_file_touch", |b| {
        b.iter(|| {
            let r = read_retorno_view(black_box(bytes), opts).unwrap();
            let (mut sum, mut dates) = (Decimal::ZERO, 0);
            for e in r.entries() {
                touch(&e, &mut sum, &mut dates);
            }
            (sum, dates)
        })
    });
    g.bench_function("views_stream", |b| {
        b.iter(|| {
            let mut rd = RetornoViewReader::new(black_box(bytes), opts).unwrap();
            let mut n = 0usize;
            while let Some(e) = rd.next_entry() {
                n += usize::from(e.is_ok());
            }
            n
        })
    });
    g.bench_function("views_stream_touch", |b| {
        b.iter(|| {
            let mut rd = RetornoViewReader::new(black_box(bytes), opts).unwrap();
            let (mut sum, mut dates) = (Decimal::ZERO, 0);
            while let Some(e) = rd.next_entry() {
                touch(&e.unwrap(), &mut sum, &mut dates);
            }
            (sum, dates)
        })
    });
    g.bench_function("detect", |b| {
        b.iter(|| cnab_core::detect(black_box(bytes)).map(|d| d.bank))
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    // Itaú CNAB 240 (segments T and U) and Bradesco CNAB 400: 20,000 entries each (≈ 9.7 MB and 8 MB).
    let (r240, _) = benches::file(341, Layout::Cnab240, FileKind::Retorno, 20_000).unwrap();
    let (r400, _) = benches::file(237, Layout::Cnab400, FileKind::Retorno, 20_000).unwrap();
    group(c, "read_240_retorno", &r240);
    group(c, "read_400_retorno", &r400);
}

criterion_group!(benches, bench);
criterion_main!(benches);
