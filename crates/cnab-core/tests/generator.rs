//! The generator's files read back strictly for every bank, layout and kind it supports: the entry count and the
//! sums of amounts are the ones it reports, batches and chunks splice into one valid file, and the same seed gives
//! the same bytes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::generator::{generate_to_vec, supported, GenOptions};
use cnab_core::{read, Bank, CnabFile, FileKind, Layout, OcorrenciaKind, ReadOptions};
use rust_decimal::Decimal;

fn opts(bank: Bank, layout: Layout, kind: FileKind, entries: u64, seed: u64) -> GenOptions {
    GenOptions {
        // Small chunks, so that several CNAB 240 batches (and CNAB 400 chunks) are spliced.
        batch_size: 120,
        ..GenOptions::new(bank, layout, kind, entries, seed)
    }
}

/// Reads a generated file strictly, naming bank, layout and kind (the generator writes them; detection is tested
/// separately) and returns (entries, Σ valor_titulo, Σ valor_pago, kinds seen).
fn read_back(
    bytes: &[u8],
    bank: Bank,
    layout: Layout,
    kind: FileKind,
) -> Result<(u64, Decimal, Decimal, Vec<OcorrenciaKind>), String> {
    let ro = ReadOptions {
        bank: Some(bank),
        layout: Some(layout),
        kind: Some(kind),
        ..ReadOptions::strict()
    };
    match read(bytes, ro).map_err(|e| e.to_string())? {
        CnabFile::Retorno(r) => {
            if !r.problems.is_empty() {
                return Err(format!("problems: {:?}", r.problems));
            }
            let mut kinds: Vec<OcorrenciaKind> = r
                .entries
                .iter()
                .filter_map(|e| e.ocorrencia.as_ref().map(|o| o.kind))
                .collect();
            kinds.sort_by_key(|k| format!("{k:?}"));
            kinds.dedup();
            Ok((
                r.entries.len() as u64,
                r.entries.iter().filter_map(|e| e.valor_titulo).sum(),
                r.entries.iter().filter_map(|e| e.valor_pago).sum(),
                kinds,
            ))
        }
        CnabFile::Remessa(r) => {
            if !r.problems.is_empty() {
                return Err(format!("problems: {:?}", r.problems));
            }
            Ok((
                r.titulos.len() as u64,
                r.titulos.iter().map(|t| t.valor).sum(),
                Decimal::ZERO,
                Vec::new(),
            ))
        }
    }
}

#[test]
fn every_supported_file_reads_back_strictly() {
    let all = supported();
    assert!(all.len() > 40, "only {} combinations", all.len());
    let mut failures = Vec::new();
    for (bank, layout, kind) in all {
        for seed in [1u64, 20_261_129] {
            let o = opts(bank, layout, kind, 300, seed);
            let (bytes, summary) = match generate_to_vec(&o) {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{bank} {layout} {kind} seed {seed}: generate: {e}"));
                    continue;
                }
            };
            assert_eq!(summary.entries, 300);
            assert_eq!(summary.bytes, bytes.len() as u64);
            match read_back(&bytes, bank, layout, kind) {
                Ok((n, valor, pago, kinds)) => {
                    let mut bad = Vec::new();
                    if n != summary.entries {
                        bad.push(format!("{n} entries read, {} generated", summary.entries));
                    }
                    if valor != summary.valor_titulo {
                        bad.push(format!(
                            "Σ valor_titulo {valor} read, {} generated",
                            summary.valor_titulo
                        ));
                    }
                    if pago != summary.valor_pago {
                        bad.push(format!(
                            "Σ valor_pago {pago} read, {} generated",
                            summary.valor_pago
                        ));
                    }
                    if kind == FileKind::Retorno && kinds.len() < 3 {
                        bad.push(format!("only ocorrências {kinds:?}"));
                    }
                    if !bad.is_empty() {
                        failures.push(format!(
                            "{bank} {layout} {kind} seed {seed}: {}",
                            bad.join("; ")
                        ));
                    }
                }
                Err(e) => failures.push(format!("{bank} {layout} {kind} seed {seed}: read: {e}")),
            }
            // Same options, same bytes (once per combination: the seeds share the code path).
            if seed != 1 {
                continue;
            }
            let again = generate_to_vec(&o).map(|(b, _)| b).unwrap_or_default();
            if again != bytes {
                failures.push(format!(
                    "{bank} {layout} {kind} seed {seed}: not deterministic"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn files_past_the_trailer_counters_are_refused_before_writing() {
    // CNAB 240: segments T and U per entry; 600,000 entries need 1.2 M records, past the 6-digit counter.
    let o = GenOptions::new(
        Bank::new(341),
        Layout::Cnab240,
        FileKind::Retorno,
        600_000,
        1,
    );
    let mut sink = Vec::new();
    let err = cnab_core::generator::generate(&o, &mut sink).unwrap_err();
    assert!(sink.is_empty());
    let msg = err.to_string();
    assert!(
        msg.contains("600000 entries need 1200122 records, past the file trailer's counter of 999999 records (6 digits); at most 499938 entries fit"),
        "{msg}"
    );
    // CNAB 400: one line per entry and a 6-digit sequence number.
    let o = GenOptions::new(
        Bank::new(237),
        Layout::Cnab400,
        FileKind::Retorno,
        1_000_000,
        1,
    );
    let msg = generate_to_vec(&o).unwrap_err().to_string();
    assert!(
        msg.contains("past the file trailer's counter of 999999 records"),
        "{msg}"
    );
    // Lotes are numbered in 4 digits (9999 is the file trailer's).
    let o = GenOptions {
        batch_size: 1,
        ..GenOptions::new(
            Bank::new(341),
            Layout::Cnab240,
            FileKind::Remessa,
            10_000,
            1,
        )
    };
    let msg = generate_to_vec(&o).unwrap_err().to_string();
    assert!(
        msg.contains("10000 batches do not fit the 4-digit lote number (at most 9998)"),
        "{msg}"
    );
    // A bank without the layout.
    let o = GenOptions::new(Bank::new(1), Layout::Cnab240, FileKind::Retorno, 1, 1);
    assert!(generate_to_vec(&o).is_ok());
    let o = GenOptions::new(Bank::new(999), Layout::Cnab240, FileKind::Retorno, 1, 1);
    assert!(generate_to_vec(&o).is_err());
}

#[test]
fn seeds_change_the_file_and_batches_split_cnab_240() {
    let a = GenOptions::new(
        Bank::new(104),
        Layout::Cnab240,
        FileKind::Retorno,
        25_001,
        5,
    );
    let (bytes, s) = generate_to_vec(&a).unwrap();
    // 10,000 titles a batch: 3 batches; T and U per entry.
    assert_eq!(s.batches, 3);
    assert_eq!(s.lines, 2 + 3 * 2 + 2 * 25_001);
    let batch_headers = bytes
        .split(|&b| b == b'\n')
        .filter(|l| l.get(7) == Some(&b'1'))
        .count();
    assert_eq!(batch_headers, 3);
    let b = GenOptions { seed: 6, ..a };
    let (other, _) = generate_to_vec(&GenOptions { entries: 50, ..b }).unwrap();
    let (first, _) = generate_to_vec(&GenOptions { entries: 50, ..a }).unwrap();
    assert_ne!(first, other);
    // A prefix of the stream: the first 50 entries of the big file are those of the small one.
    let (_, ret) = (
        0,
        cnab_core::read_retorno(&first, ReadOptions::strict()).unwrap(),
    );
    let big = cnab_core::read_retorno(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(big.entries.len(), 25_001);
    assert_eq!(
        ret.entries[..50]
            .iter()
            .map(|e| &e.nosso_numero)
            .collect::<Vec<_>>(),
        big.entries[..50]
            .iter()
            .map(|e| &e.nosso_numero)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        s.valor_titulo,
        big.entries
            .iter()
            .filter_map(|e| e.valor_titulo)
            .sum::<Decimal>()
    );
}

#[test]
fn detection_names_what_was_generated() {
    let mut failures = Vec::new();
    for (bank, layout, kind) in supported() {
        let (bytes, _) = generate_to_vec(&opts(bank, layout, kind, 20, 3)).unwrap();
        match cnab_core::detect(&bytes) {
            Ok(d) if d.bank == bank && d.layout == layout && d.kind == kind => {}
            Ok(d) => failures.push(format!(
                "{bank} {layout} {kind}: detected {} {} {}",
                d.bank, d.layout, d.kind
            )),
            Err(e) => failures.push(format!("{bank} {layout} {kind}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
