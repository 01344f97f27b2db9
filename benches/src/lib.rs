//! Inputs shared by the workspace benchmarks: files from `cnab_core::generator` (the same bytes `cnab gen` writes)
//! and boletos from `boleto::make`.
#![forbid(unsafe_code)]

use cnab_core::generator::{generate_to_vec, GenOptions, Summary};
use cnab_core::{Bank, FileKind, Layout, Result};
use rust_decimal::Decimal;

/// The seed every benchmark uses (`cnab gen --seed 2026`).
pub const SEED: u64 = 2026;

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
