//! Matching and one outcome per entry, with real amounts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly
mod common;

use baixa::{
    ChargesFrom, Juros, JurosTipo, Ledger, ManualSettlement, MatchedBy, Meio, MemoryLedger, Multa,
    MultaTipo, Outcome, Status,
};
use cnab_core::OcorrenciaKind as K;
use common::*;

/// [`baixa::reconcile`] with its full rows made (the report borrows its inputs, which are temporaries here).
struct Reconciled {
    entries: Vec<baixa::EntryOutcome>,
    states: Vec<baixa::TitleState>,
}

fn reconcile(titles: &[baixa::Titulo], retorno: &cnab_core::Retorno) -> Reconciled {
    let r = baixa::reconcile(titles, retorno);
    Reconciled {
        entries: r.entries(),
        states: r.states,
    }
}

fn late_title() -> baixa::Titulo {
    let mut t = title("NF-1", "12345678", "1000.00", d(2026, 3, 10));
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
    t
}

#[test]
fn paid_late_with_rule_charges() {
    let r = reconcile(
        &[late_title()],
        &retorno(
            341,
            "123456",
            1,
            vec![paid("0012345678", d(2026, 3, 25), "1025.00")],
        ),
    );
    let o = &r.entries[0];
    assert_eq!(o.outcome, Outcome::PaidLate);
    assert_eq!(o.expected, Some(dec("1025.00")));
    assert_eq!(o.difference, Some(dec("0")));
    assert_eq!(o.charges_from, Some(ChargesFrom::Rules));
    assert_eq!(o.breakdown.unwrap().juros, dec("5.00"));
    assert_eq!(o.title_id.as_deref(), Some("NF-1"));
    assert_eq!(o.matched_by, Some(MatchedBy::NossoNumero));
    assert_eq!(r.states[0].status, Status::Settled);
}

#[test]
fn paid_late_with_bank_reported_charges() {
    let mut e = paid("12345678", d(2026, 3, 25), "1012.00");
    e.juros_multa = Some(dec("12.00"));
    let r = reconcile(&[late_title()], &retorno(341, "123456", 1, vec![e]));
    let o = &r.entries[0];
    assert_eq!(
        (o.outcome, o.expected, o.charges_from),
        (
            Outcome::PaidLate,
            Some(dec("1012.00")),
            Some(ChargesFrom::Bank)
        )
    );
}

#[test]
fn paid_underpaid_overpaid() {
    let titles = [
        title("A", "1", "100.00", d(2026, 3, 10)),
        title("B", "2", "100.00", d(2026, 3, 10)),
        title("C", "3", "100.00", d(2026, 3, 10)),
    ];
    let r = reconcile(
        &titles,
        &retorno(
            341,
            "123456",
            1,
            vec![
                paid("1", d(2026, 3, 10), "100.00"),
                paid("2", d(2026, 3, 9), "90.00"),
                paid("3", d(2026, 3, 9), "100.50"),
            ],
        ),
    );
    let got: Vec<_> = r
        .entries
        .iter()
        .map(|o| (o.outcome, o.difference))
        .collect();
    assert_eq!(
        got,
        vec![
            (Outcome::Paid, Some(dec("0"))),
            (Outcome::Underpaid, Some(dec("-10.00"))),
            (Outcome::Overpaid, Some(dec("0.50"))),
        ]
    );
    assert_eq!(r.states[1].status, Status::Open);
    assert_eq!(r.states[1].paid, dec("90.00"));
}

#[test]
fn every_other_outcome() {
    let titles = [
        title("A", "1", "100.00", d(2026, 3, 10)),
        title("B", "2", "100.00", d(2026, 3, 10)),
        title("C", "3", "100.00", d(2026, 3, 10)),
    ];
    let mut fee = entry("3", "28", K::Tarifa, d(2026, 3, 2), None);
    fee.tarifa = Some(dec("2.50"));
    let r = reconcile(
        &titles,
        &retorno(
            341,
            "123456",
            1,
            vec![
                entry("1", "02", K::EntradaConfirmada, d(2026, 3, 1), None),
                rejected("2", d(2026, 3, 1), "08"),
                fee,
                entry("3", "09", K::Baixa, d(2026, 3, 20), None),
                paid("3", d(2026, 3, 21), "100.00"),
                entry("1", "19", K::Protesto, d(2026, 3, 30), None),
                paid("999", d(2026, 3, 9), "55.00"),
                entry("1", "14", K::InstrucaoConfirmada, d(2026, 3, 3), None),
                entry("1", "99", K::Desconhecida, d(2026, 3, 3), None),
            ],
        ),
    );
    let got: Vec<_> = r.entries.iter().map(|o| o.outcome).collect();
    assert_eq!(
        got,
        vec![
            Outcome::Registered,
            Outcome::Rejected,
            Outcome::FeeOnly,
            Outcome::WrittenOff,
            Outcome::PaidAfterWriteOff,
            Outcome::Protest,
            Outcome::Unmatched,
            Outcome::InstructionConfirmed,
            Outcome::Unrecognized,
        ]
    );
    assert_eq!(
        r.entries[1].motivos,
        vec!["08: Nosso número inválido".to_string()]
    );
    // a rejection of a title we do not know is still a rejection, with the bank's reasons
    let r2 = reconcile(
        &titles,
        &retorno(
            341,
            "123456",
            1,
            vec![rejected("4242", d(2026, 3, 1), "08")],
        ),
    );
    assert_eq!(
        (r2.entries[0].outcome, r2.entries[0].title_id.is_none()),
        (Outcome::Rejected, true)
    );
    assert_eq!(r.entries[2].fees, Some(dec("2.50")));
    assert_eq!(r.entries[6].paid, Some(dec("55.00")));
    assert!(r.states[0].registered);
    assert_eq!(r.states[2].status, Status::Settled);
}

#[test]
fn nosso_numero_normalized_dv_and_padding() {
    let mut a = title("A", "0000012345-6", "10.00", d(2026, 3, 10));
    a.banco = cnab_core::Bank::new(341);
    let b = title("B", "777", "10.00", d(2026, 3, 10));
    // entry with the DV apart, entry with the DV glued on, entry zero-padded
    let mut e1 = paid("12345", d(2026, 3, 1), "10.00");
    e1.nosso_numero_dv = Some("6".into());
    let e2 = paid("000123456", d(2026, 3, 2), "1.00");
    let e3 = paid("00000000777", d(2026, 3, 1), "10.00");
    let r = reconcile(&[a, b], &retorno(341, "123456", 1, vec![e1, e2, e3]));
    let got: Vec<_> = r
        .entries
        .iter()
        .map(|o| (o.title_id.as_deref().map(str::to_string), o.matched_by))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("A".into()), Some(MatchedBy::NossoNumero)),
            (Some("A".into()), Some(MatchedBy::NossoNumero)),
            (Some("B".into()), Some(MatchedBy::NossoNumero)),
        ]
    );
}

#[test]
fn agreement_and_bank_separate_titles() {
    let mut other = title("OTHER", "5", "10.00", d(2026, 3, 10));
    other.convenio = "999".into();
    let mine = title("MINE", "5", "20.00", d(2026, 3, 10));
    let r = reconcile(
        &[other, mine],
        &retorno(341, "00123456", 1, vec![paid("5", d(2026, 3, 1), "20.00")]),
    );
    assert_eq!(r.entries[0].title_id.as_deref(), Some("MINE"));
    let r = reconcile(
        &[title("X", "5", "20.00", d(2026, 3, 10))],
        &retorno(237, "123456", 1, vec![paid("5", d(2026, 3, 1), "20.00")]),
    );
    assert_eq!(r.entries[0].outcome, Outcome::Unmatched);
    // the only title of the nosso número, of another agreement: not this file's
    let mut alone = title("ALONE", "7", "20.00", d(2026, 3, 10));
    alone.convenio = "999".into();
    let r = reconcile(
        &[alone],
        &retorno(341, "123456", 1, vec![paid("7", d(2026, 3, 1), "20.00")]),
    );
    assert_eq!(r.entries[0].outcome, Outcome::Unmatched);
    assert_eq!(r.entries[0].title_id, None);
}

#[test]
fn bank_assigned_nosso_numero_is_linked_by_entrada_confirmada() {
    let mut t = title("NF-9", "", "300.00", d(2026, 4, 10));
    t.seu_numero = "NF-9".into();
    let mut ledger = MemoryLedger::new();
    ledger.import_titles(&[t]).unwrap();
    let mut reg = entry("88877766", "02", K::EntradaConfirmada, d(2026, 4, 1), None);
    reg.seu_numero = "NF-9".into();
    reg.nosso_numero_dv = Some("3".into());
    let r1 = ledger.apply(&retorno(341, "123456", 1, vec![reg])).unwrap();
    assert_eq!(
        (r1.entries[0].outcome, r1.entries[0].matched_by),
        (Outcome::Registered, Some(MatchedBy::SeuNumero))
    );
    // later: only the bank's number, with or without DV
    let r2 = ledger
        .apply(&retorno(
            341,
            "123456",
            2,
            vec![paid("0088877766", d(2026, 4, 9), "300.00")],
        ))
        .unwrap();
    assert_eq!(r2.entries[0].outcome, Outcome::Paid);
    assert_eq!(r2.entries[0].title_id.as_deref(), Some("NF-9"));
    let h = ledger.history("NF-9").unwrap();
    let kinds: Vec<_> = h
        .iter()
        .map(|e| {
            serde_json::to_value(e).unwrap()["event"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(kinds, vec!["imported", "linked", "entry", "entry"]);
}

#[test]
fn duplicate_in_another_file_and_same_file_twice() {
    let mut ledger = MemoryLedger::new();
    ledger
        .import_titles(&[title("A", "1", "100.00", d(2026, 3, 10))])
        .unwrap();
    let f1 = retorno(341, "123456", 1, vec![paid("1", d(2026, 3, 9), "100.00")]);
    let r = ledger.apply(&f1).unwrap();
    assert_eq!((r.applied, r.outcomes.get(&Outcome::Paid)), (1, Some(&1)));
    let again = ledger.apply(&f1).unwrap();
    assert!(again.already_applied);
    assert_eq!(again.applied, 0);
    // the same payment in the next day's file
    let f2 = retorno(341, "123456", 2, vec![paid("1", d(2026, 3, 9), "100.00")]);
    let r = ledger.apply(&f2).unwrap();
    assert_eq!(r.entries[0].outcome, Outcome::Duplicate);
    assert_eq!(r.report.total_paid, dec("0"));
    let titles = ledger.titles().unwrap();
    assert_eq!(titles[0].1.paid, dec("100.00"));
}

#[test]
fn settlement_by_hand_keeps_who_when_why() {
    let mut ledger = MemoryLedger::new();
    let mut t = late_title();
    t.id = "NF-7".into();
    ledger.import_titles(&[t]).unwrap();
    let s = ManualSettlement {
        title_id: "NF-7".into(),
        valor: dec("1025.00"),
        data: d(2026, 3, 25),
        meio: Meio::Pix,
        por: "maria".into(),
        em: None,
        motivo: "PIX direto na conta".into(),
    };
    // fractions of a centavo, zero or a negative amount: refused, never rounded nor recorded
    for bad in ["1025.005", "0", "-1"] {
        let e = ledger
            .settle(&ManualSettlement {
                valor: dec(bad),
                ..s.clone()
            })
            .unwrap_err();
        assert!(matches!(e, baixa::LedgerError::Invalid(_)), "{bad}: {e}");
    }
    assert_eq!(ledger.history("NF-7").unwrap().len(), 1);
    let o = ledger.settle(&s).unwrap();
    assert_eq!(
        (o.outcome, o.expected),
        (Outcome::PaidLate, Some(dec("1025.00")))
    );
    assert_eq!(ledger.settle(&s).unwrap().outcome, Outcome::Duplicate);
    let h = ledger.history("NF-7").unwrap();
    let last = serde_json::to_value(h.last().unwrap()).unwrap();
    assert_eq!(last["settlement"]["por"], "maria");
    assert_eq!(last["settlement"]["meio"], "pix");
    assert!(last["settlement"]["em"].is_string());
    // a later bank payment of the same title is money paid again
    let r = ledger
        .apply(&retorno(
            341,
            "123456",
            1,
            vec![paid("12345678", d(2026, 3, 26), "1025.00")],
        ))
        .unwrap();
    assert_eq!(
        (r.entries[0].outcome, r.entries[0].difference),
        (Outcome::Overpaid, Some(dec("1025.00")))
    );
}
