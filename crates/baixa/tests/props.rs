//! Property: for random titles and random retorno entries generated from them (payments of various amounts,
//! duplicates inside and across files, unknown títulos, fees), every payment is matched or reported, never lost,
//! never counted twice — in memory and in SQLite.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly
mod common;

use std::collections::HashSet;

use baixa::{entry_identity, valor_devido, Ledger, MemoryLedger, Outcome, SqliteLedger, Titulo};
use cnab_core::{OcorrenciaKind as K, RetornoEntry};
use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
enum Op {
    /// Pay title `i` `days` after 2026-01-01 with amount variant `v` (0 due, 1 face value, 2 less, 3 more).
    Pay(usize, i64, u8),
    /// Repeat an earlier entry (same content).
    Again(usize),
    /// A payment for a nosso número no title has.
    Unknown(u32, i64),
    /// A fee entry for title `i`.
    Fee(usize),
}

fn op(n: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..n, 0i64..200, 0u8..4).prop_map(|(i, d, v)| Op::Pay(i, d, v)),
        2 => (0usize..1000).prop_map(Op::Again),
        1 => (1u32..1000, 0i64..200).prop_map(|(x, d)| Op::Unknown(x, d)),
        1 => (0..n).prop_map(Op::Fee),
    ]
}

/// Titles (cents, due day, multa %), operations, file split.
type Case = (Vec<(u32, i64, i64)>, Vec<Op>, Vec<u8>);

fn case() -> impl Strategy<Value = Case> {
    (1usize..25).prop_flat_map(|n| {
        (
            proptest::collection::vec((1u32..5_000_000, 0i64..150, 1i64..3), n),
            proptest::collection::vec(op(n), 1..60),
            proptest::collection::vec(0u8..3, 60),
        )
    })
}

fn build(spec: &[(u32, i64, i64)], ops: &[Op]) -> (Vec<Titulo>, Vec<RetornoEntry>) {
    let base = d(2026, 1, 1);
    let titles: Vec<Titulo> = spec
        .iter()
        .enumerate()
        .map(|(i, (cents, venc, rate))| {
            let mut t = title(
                &format!("T{i}"),
                &format!("{}", 10_000 + i),
                "0",
                base + chrono::Duration::days(*venc),
            );
            t.valor = Decimal::new(i64::from(*cents), 2);
            t.multa = Some(baixa::Multa {
                tipo: baixa::MultaTipo::Percentual,
                valor: Decimal::from(*rate),
                desde: None,
            });
            t.juros = Some(baixa::Juros {
                tipo: baixa::JurosTipo::PercentualMes,
                valor: Decimal::ONE,
                desde: None,
            });
            t
        })
        .collect();
    let mut entries: Vec<RetornoEntry> = Vec::new();
    for o in ops {
        let e = match o {
            Op::Pay(i, days, v) => {
                let t = &titles[*i];
                let date = base + chrono::Duration::days(*days);
                let due = valor_devido(t, date).total;
                let amount = match v {
                    0 => due,
                    1 => t.valor,
                    2 => due - Decimal::new(1, 2),
                    _ => due + Decimal::ONE,
                };
                let mut e = paid(&format!("{:012}", 10_000 + i), date, "0");
                e.valor_pago = Some(amount);
                e.valor_titulo = Some(t.valor);
                e
            }
            Op::Again(k) if !entries.is_empty() => entries[k % entries.len()].clone(),
            Op::Again(_) => continue,
            Op::Unknown(x, days) => paid(
                &format!("{}", 900_000_000 + x),
                base + chrono::Duration::days(*days),
                "12.34",
            ),
            Op::Fee(i) => {
                let mut e = entry(&format!("{}", 10_000 + i), "28", K::Tarifa, base, None);
                e.tarifa = Some(Decimal::new(150, 2));
                e
            }
        };
        entries.push(e);
    }
    (titles, entries)
}

fn check<L: Ledger>(
    l: &mut L,
    titles: &[Titulo],
    entries: &[RetornoEntry],
    split: &[u8],
) -> Result<(), TestCaseError> {
    l.import_titles(titles).unwrap();
    // split the entries over up to three files
    let mut files: Vec<Vec<RetornoEntry>> = vec![Vec::new(), Vec::new(), Vec::new()];
    for (i, e) in entries.iter().enumerate() {
        files[usize::from(split[i % split.len()])].push(e.clone());
    }
    let mut outcomes = Vec::new();
    for (n, f) in files.into_iter().enumerate() {
        if f.is_empty() {
            continue;
        }
        let r = retorno(341, "123456", n as u64 + 1, f);
        let res = l.apply(&r).unwrap();
        prop_assert_eq!(res.entries.len(), r.entries.len());
        prop_assert!(l.apply(&r).unwrap().already_applied);
        for (e, o) in r.entries.iter().zip(res.entries) {
            outcomes.push((e.clone(), o));
        }
    }
    // first occurrence of each content settles or is unmatched; every later one is a duplicate
    let mut seen = HashSet::new();
    let (mut settled, mut unmatched, mut dup, mut input) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (e, o) in &outcomes {
        let first = seen.insert(entry_identity(341, baixa::Key::of(&["123456"]).as_ref(), e));
        let is_payment = e.ocorrencia.as_ref().is_some_and(|x| x.kind.is_payment());
        let known = e
            .nosso_numero
            .trim_start_matches('0')
            .parse::<u64>()
            .unwrap()
            < 900_000_000;
        if !first {
            prop_assert_eq!(o.outcome, Outcome::Duplicate);
        } else if !is_payment {
            prop_assert_eq!(o.outcome, Outcome::FeeOnly);
        } else if known {
            prop_assert!(o.outcome.settles_money(), "{:?}", o);
        } else {
            prop_assert_eq!(o.outcome, Outcome::Unmatched);
        }
        if is_payment {
            let p = e.valor_pago.unwrap();
            input += p;
            match o.outcome {
                Outcome::Duplicate => dup += p,
                Outcome::Unmatched => unmatched += p,
                x if x.settles_money() => settled += p,
                x => prop_assert!(false, "payment classified {x:?}"),
            }
        }
    }
    // never lost: every payment is settled, unmatched or a duplicate
    prop_assert_eq!(settled + unmatched + dup, input);
    // never counted twice: the ledger holds exactly the money of the settled entries
    let in_ledger: Decimal = l.titles().unwrap().iter().map(|(_, s)| s.paid).sum();
    prop_assert_eq!(in_ledger, settled);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn every_payment_once_in_memory((spec, ops, split) in case()) {
        let (titles, entries) = build(&spec, &ops);
        check(&mut MemoryLedger::new(), &titles, &entries, &split)?;
    }

    #[test]
    fn every_payment_once_in_sqlite((spec, ops, split) in case()) {
        let (titles, entries) = build(&spec, &ops);
        check(&mut SqliteLedger::open_in_memory().unwrap(), &titles, &entries, &split)?;
    }

    /// The compact rows of `reconcile`, made full, are exactly the rows a ledger returns for the same file.
    #[test]
    fn reconcile_rows_are_the_ledger_rows((spec, ops, _split) in case()) {
        let (titles, entries) = build(&spec, &ops);
        let r = retorno(341, "123456", 1, entries);
        let mut l = MemoryLedger::new();
        l.import_titles(&titles).unwrap();
        let res = l.apply(&r).unwrap();
        let rep = baixa::reconcile(&titles, &r);
        let full = rep.entries();
        // the same digits too (the JSON prints each amount's scale)
        prop_assert_eq!(serde_json::to_string(&full).unwrap(), serde_json::to_string(&res.entries).unwrap());
        prop_assert_eq!(full, res.entries);
        prop_assert_eq!(&rep.outcomes, &res.outcomes);
    }
}
