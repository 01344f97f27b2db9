//! Inputs shared by the workspace benchmarks: files from `cnab_core::generator` (the same bytes `cnab gen` writes)
//! and boletos from `boleto::make`.
#![forbid(unsafe_code)]

use cnab_core::generator::{generate_to_vec, GenOptions, Summary};
use cnab_core::{Bank, FileKind, Layout, Result};
use rust_decimal::Decimal;

/// The seed every benchmark uses (`cnab gen --seed 2026`).
pub const SEED: u64 = 2026;

/// The CPU time this thread has used, from `/proc/thread-self/schedstat` (Linux; `None` elsewhere). Updated by the
/// kernel at each scheduler tick and switch, so only spans of many milliseconds are meaningful.
pub fn thread_cpu() -> Option<std::time::Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(std::time::Duration::from_nanos(ns))
}

/// For criterion's `iter_custom`: `iters` runs of `f` timed by this thread's CPU time ([`thread_cpu`]), or by the
/// wall clock where the kernel gives none. On a shared machine a single-threaded run waits for a core much of the
/// time; its CPU time is what the work costs.
pub fn cpu_time<O>(iters: u64, mut f: impl FnMut() -> O) -> std::time::Duration {
    let wall = std::time::Instant::now();
    let start = thread_cpu();
    for _ in 0..iters {
        std::hint::black_box(f());
    }
    match (start, thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    }
}

/// A generated file and what the generator reports about it.
pub fn file(bank: u16, layout: Layout, kind: FileKind, entries: u64) -> Result<(Vec<u8>, Summary)> {
    generate_to_vec(&GenOptions::new(
        Bank::new(bank),
        layout,
        kind,
        entries,
        SEED,
    ))
}

/// `n` boleto inputs for banks whose campo livre needs only agência, conta and carteira or convênio (Bradesco,
/// Itaú, Banco do Brasil), with varied nossos números, amounts and due dates.
pub fn boleto_inputs(n: usize) -> Vec<boleto::BoletoInput> {
    let base = chrono::NaiveDate::from_ymd_opt(2026, 1, 5);
    (0..n)
        .map(|i| {
            let valor = Decimal::new(1_000 + (i as i64 * 7_919) % 5_000_000, 2);
            let venc = base.and_then(|d| d.checked_add_days(chrono::Days::new((i % 400) as u64)));
            let mut b = match i % 3 {
                0 => {
                    let mut b = boleto::BoletoInput::new(237, format!("{:011}", i + 1), valor);
                    b.carteira = Some("09".into());
                    b.agencia = Some("1234".into());
                    b.conta = Some("0012345".into());
                    b
                }
                1 => {
                    let mut b = boleto::BoletoInput::new(341, format!("{:08}", i + 1), valor);
                    b.carteira = Some("109".into());
                    b.agencia = Some("0057".into());
                    b.conta = Some("12345".into());
                    b
                }
                _ => {
                    let mut b = boleto::BoletoInput::new(1, format!("{:010}", i + 1), valor);
                    b.convenio = Some("1234567".into());
                    b.carteira = Some("17".into());
                    b
                }
            };
            b.vencimento = venc;
            b
        })
        .collect()
}
