//! End to end on real retornos: read with cnab-core, titles built from the file's own entries, apply to the
//! SQLite ledger, check counts and amounts; apply again, nothing moves.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly
mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use baixa::{Key, Ledger, Outcome, SqliteLedger, Titulo};
use cnab_core::{read_retorno, ReadOptions, Retorno};
use rust_decimal::Decimal;

fn corpus(rel: &str) -> Option<Retorno> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !dir.is_dir() {
        eprintln!("corpus absent: skipping");
        return None;
    }
    let bytes = std::fs::read(dir.join(rel)).unwrap();
    Some(read_retorno(&bytes, ReadOptions::lenient()).unwrap())
}

/// One open title per distinct nosso número of the file, worth the first entry's face value and due on its due
/// date (or event date).
fn titles_from(r: &Retorno) -> Vec<Titulo> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for e in &r.entries {
        let Some(k) = Key::of(&[&e.nosso_numero]) else {
            continue;
        };
        if seen.insert(k, ()).is_some() {
            continue;
        }
        let venc = e
            .vencimento
            .or(e.data_ocorrencia)
            .or(r.header.data_geracao)
            .unwrap();
        let mut t = Titulo::new(
            format!("L{}", e.line),
            r.bank.code(),
            e.nosso_numero.clone(),
            e.valor_titulo.unwrap_or_default(),
            venc,
        );
        t.seu_numero = e.seu_numero.clone();
        out.push(t);
    }
    out
}

struct Expect {
    file: &'static str,
    payments: usize,
    total_paid: &'static str,
    outcomes: &'static [(Outcome, usize)],
}

fn check(x: &Expect) {
    let Some(r) = corpus(x.file) else { return };
    let titles = titles_from(&r);
    let mut l = SqliteLedger::open_in_memory().unwrap();
    l.import_titles(&titles).unwrap();
    let res = l.apply(&r).unwrap();
    assert_eq!(
        res.entries.len(),
        r.entries.len(),
        "{}: one outcome per entry",
        x.file
    );
    let got: Vec<(Outcome, usize)> = res.outcomes.iter().map(|(k, v)| (*k, *v)).collect();
    assert_eq!(got, x.outcomes, "{}: outcomes", x.file);
    let payment_entries: Vec<_> = r
        .entries
        .iter()
        .filter(|e| e.ocorrencia.as_ref().is_some_and(|o| o.kind.is_payment()))
        .collect();
    assert_eq!(
        payment_entries.len(),
        x.payments,
        "{}: payment entries",
        x.file
    );
    // every payment is settled against a title or named a duplicate; none unmatched
    let settled = res
        .entries
        .iter()
        .filter(|o| o.outcome.settles_money())
        .count();
    let dups = res
        .entries
        .iter()
        .filter(|o| o.outcome == Outcome::Duplicate && o.ocorrencia.is_some_and(|k| k.is_payment()))
        .count();
    assert_eq!(
        settled + dups,
        x.payments,
        "{}: settled {settled} + duplicates {dups}",
        x.file
    );
    assert_eq!(
        res.outcomes.get(&Outcome::Unmatched).copied().unwrap_or(0),
        0,
        "{}",
        x.file
    );
    assert_eq!(
        res.report.total_paid,
        x.total_paid.parse::<Decimal>().unwrap(),
        "{}: total paid",
        x.file
    );
    let in_ledger: Decimal = l.titles().unwrap().iter().map(|(_, s)| s.paid).sum();
    assert_eq!(in_ledger, res.report.total_paid, "{}: ledger total", x.file);
    // applying the same file again changes nothing
    assert!(l.apply(&r).unwrap().already_applied);
    let again: Decimal = l.titles().unwrap().iter().map(|(_, s)| s.paid).sum();
    assert_eq!(again, in_ledger);
}

#[test]
fn real_retornos_settle_once() {
    for x in EXPECT {
        check(x);
    }
}

use Outcome::*;

// Counts and totals as read from each file (every entry of the file matched: titles come from the file itself).
// Santander's sample reports valor pago net of its 2.10 fee (paid in full, noted); four entries still differ from
// the face value by other amounts and are underpaid.
const EXPECT: &[Expect] = &[
    Expect {
        file: "001-bb/cnab400/retorno/yaretorno__retorno_cnab400conv7.ret",
        payments: 165,
        total_paid: "9100.00",
        outcomes: &[(Paid, 165)],
    },
    Expect {
        file: "033-santander/cnab400/retorno/brcobranca__CNAB400SANTANDER.RET",
        payments: 51,
        total_paid: "2546.22",
        outcomes: &[(Paid, 47), (Underpaid, 4), (WrittenOff, 1)],
    },
    Expect {
        file: "104-caixa/cnab240/retorno/opencnabphp__R2100095.RET",
        payments: 36,
        total_paid: "2397.63",
        outcomes: &[(Paid, 32), (PaidLate, 4)],
    },
    Expect {
        file: "237-bradesco/cnab400/retorno/gustavonvcnab__237-01.txt",
        payments: 25,
        total_paid: "86160.81",
        outcomes: &[
            (Registered, 1),
            (Rejected, 1),
            (InstructionConfirmed, 4),
            (Paid, 23),
            (PaidLate, 2),
            (WrittenOff, 2),
        ],
    },
    Expect {
        file: "756-sicoob/cnab240/retorno/retsicoobphp2__4598_968200_269328_211013_C240_507.RET",
        payments: 9,
        total_paid: "5425.15",
        outcomes: &[(Registered, 12), (Information, 13), (Paid, 9)],
    },
];
