//! Reports: per file, portfolio by age band, customers in default, history; JSON and CSV.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly
mod common;

use baixa::{
    entries_csv, in_default, in_default_csv, portfolio, Juros, JurosTipo, Ledger, MemoryLedger,
    Multa, MultaTipo, Outcome, SqliteLedger,
};
use cnab_core::OcorrenciaKind as K;
use common::*;

fn book() -> Vec<baixa::Titulo> {
    let mut v = Vec::new();
    // due dates relative to 2026-06-30: current, 10, 45, 75, 120 days late, and one paid
    for (i, (id, venc, doc)) in [
        ("CUR", d(2026, 7, 10), "111"),
        ("D10", d(2026, 6, 20), "111"),
        ("D45", d(2026, 5, 16), "222"),
        ("D75", d(2026, 4, 16), "333"),
        ("D120", d(2026, 3, 2), "333"),
        ("PAID", d(2026, 6, 1), "444"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut t = title(id, &format!("{}", 100 + i), "100.00", venc);
        t.pagador.documento = doc.into();
        t.pagador.nome = format!("Cliente {doc}");
        t.multa = Some(Multa {
            tipo: MultaTipo::Percentual,
            valor: dec("2"),
            desde: None,
        });
        t.juros = Some(Juros {
            tipo: JurosTipo::PercentualMes,
            valor: dec("1"),
            desde: None,
        });
        v.push(t);
    }
    v
}

fn run<L: Ledger>(l: &mut L) {
    l.import_titles(&book()).unwrap();
    let mut fee = entry("101", "28", K::Tarifa, d(2026, 6, 2), None);
    fee.tarifa = Some(dec("1.50"));
    let mut pay = paid("105", d(2026, 6, 1), "100.00");
    pay.valor_creditado = Some(dec("98.00"));
    pay.tarifa = Some(dec("2.00"));
    let r = l
        .apply(&retorno(
            341,
            "123456",
            1,
            vec![pay, fee, paid("999", d(2026, 6, 1), "7.00")],
        ))
        .unwrap();
    let rep = &r.report;
    assert_eq!(
        (
            rep.entries,
            rep.total_paid,
            rep.total_credited,
            rep.total_fees,
            rep.unmatched_paid
        ),
        (3, dec("100.00"), dec("98.00"), dec("3.50"), dec("7.00"))
    );
    assert_eq!(rep.by_outcome[&Outcome::Paid].count, 1);
    assert_eq!(rep.to_csv().unwrap(), "outcome,count,paid,credited,fees\npaid,1,100.00,98.00,2.00\nfee_only,1,0,0,1.50\nunmatched,1,7.00,0,0\n");
    let json = serde_json::to_value(rep).unwrap();
    assert_eq!(json["by_outcome"]["fee_only"]["fees"], "1.50");
    assert_eq!(l.files().unwrap().len(), 1);
    assert_eq!(
        entries_csv(&r.entries).unwrap().lines().nth(1),
        Some("2,paid,PAID,100.00,100.00,0")
    );

    let titles = l.titles().unwrap();
    let p = portfolio(&titles, d(2026, 6, 30));
    assert_eq!(p.open.count, 5);
    assert_eq!(
        (
            p.current.count,
            p.overdue_1_30.count,
            p.overdue_31_60.count,
            p.overdue_61_90.count,
            p.overdue_over_90.count
        ),
        (1, 1, 1, 1, 1)
    );
    assert_eq!((p.paid.count, p.paid.valor), (1, dec("100.00")));
    // 10 days late: 2.00 multa + 0.33 juros
    assert_eq!(p.overdue_1_30.devido, dec("102.33"));
    // 120 days: 2.00 + 4.00
    assert_eq!(p.overdue_over_90.devido, dec("106.00"));
    assert_eq!(p.open.valor, dec("500.00"));
    assert!(p
        .to_csv()
        .unwrap()
        .contains("2026-06-30,overdue_31_60,1,100.00,103.50\n"));

    let def = in_default(&titles, d(2026, 6, 30), 30);
    let docs: Vec<_> = def
        .iter()
        .map(|d| (d.documento.as_str(), d.titulos.len(), d.max_dias_atraso))
        .collect();
    assert_eq!(docs, vec![("222", 1, 45), ("333", 2, 120)]);
    assert_eq!(def[1].total_devido, dec("210.50")); // 75 days: 102.00 + 2.50 → 104.50; 120 days: 106.00
    let csv = in_default_csv(&def).unwrap();
    assert_eq!(csv.lines().count(), 4);
    // customer 111 has a title 10 days late: in default only under a 5-day rule, with both open titles
    let def5 = in_default(&titles, d(2026, 6, 30), 5);
    assert_eq!(
        def5.iter()
            .find(|d| d.documento == "111")
            .map(|d| d.titulos.len()),
        Some(2)
    );

    let h = l.history("PAID").unwrap();
    let v = serde_json::to_value(&h).unwrap();
    assert_eq!(v[0]["event"], "imported");
    assert_eq!(v[1]["event"], "entry");
    assert_eq!(v[1]["outcome"]["outcome"], "paid");
    assert_eq!(v[1]["outcome"]["paid"], "100.00");
}

#[test]
fn reports_in_memory() {
    run(&mut MemoryLedger::new());
}

#[test]
fn reports_in_sqlite() {
    run(&mut SqliteLedger::open_in_memory().unwrap());
}
