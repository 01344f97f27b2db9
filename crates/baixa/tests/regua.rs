//! The régua de cobrança on real dates: which steps each run issues, once, for both ledgers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use baixa::regua::{self, Acao, Politica, ReguaRun};
use baixa::{
    Event, Juros, JurosTipo, Ledger, ManualSettlement, Meio, MemoryLedger, Multa, MultaTipo,
    Pagador, ReguaLedger, SqliteLedger, Titulo,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

const POLITICA: &str = r#"
inadimplente_apos_dias = 30

[[etapa]]
dias = -5
acao = "lembrete"
canal = "email"
modelo = "lembrete.txt"

[[etapa]]
dias = -1
acao = "aviso_vencimento"
canal = "whatsapp"

[[etapa]]
dias = 5
acao = "aviso_atraso"
canal = "sms"

[[etapa]]
dias = 30
acao = "carta_cobranca"
canal = "carta"
agrupar_por_pagador = true
"#;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn m(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn titulo(id: &str, nn: &str, valor: &str, venc: &str, doc: &str, nome: &str) -> Titulo {
    let mut t = Titulo::new(id, 341, nn, m(valor), d(venc));
    t.seu_numero = id.into();
    t.pagador = Pagador {
        documento: doc.into(),
        nome: nome.into(),
    };
    t.multa = Some(Multa {
        tipo: MultaTipo::Percentual,
        valor: m("2"),
        desde: None,
    });
    t.juros = Some(Juros {
        tipo: JurosTipo::PercentualMes,
        valor: m("1"),
        desde: None,
    });
    t
}

/// (título, acao, etapa_dias) of each action issued.
fn issued(r: &ReguaRun) -> Vec<(String, Acao, i64)> {
    r.actions
        .iter()
        .map(|a| (a.titulo.clone(), a.acao, a.etapa_dias))
        .collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

/// Three titles: A and B of the same payer (CNPJ written two ways), C of another payer, settled before its due date.
fn scenario<L: ReguaLedger>(ledger: &mut L) {
    let p = Politica::from_toml(POLITICA).unwrap();
    ledger
        .import_titles(&[
            titulo(
                "A",
                "10000001",
                "1000.00",
                "2026-03-10",
                "12.345.678/0001-95",
                "Padaria Sol",
            ),
            titulo(
                "B",
                "10000002",
                "500.00",
                "2026-03-20",
                "12345678000195",
                "Padaria Sol Ltda",
            ),
            titulo(
                "C",
                "10000003",
                "200.00",
                "2026-03-10",
                "98765432100",
                "Ana Lima",
            ),
        ])
        .unwrap();

    // 5 days before A's and C's due date: the lembretes
    let r = regua::run(ledger, &p, d("2026-03-05")).unwrap();
    assert_eq!(
        issued(&r),
        [(s("A"), Acao::Lembrete, -5), (s("C"), Acao::Lembrete, -5)]
    );
    assert_eq!(r.already_issued, 0);
    let a = &r.actions[0];
    assert_eq!(
        (
            a.canal.as_str(),
            a.modelo.as_deref(),
            a.data_etapa,
            a.vencimento
        ),
        (
            "email",
            Some("lembrete.txt"),
            d("2026-03-05"),
            d("2026-03-10")
        )
    );
    assert_eq!(
        (a.saldo, a.devido.total, a.devido.multa),
        (m("1000.00"), m("1000.00"), m("0"))
    );
    assert_eq!(a.pagador.nome, "Padaria Sol");
    assert!(!a.inadimplente);

    // the same date again: nothing new
    let r = regua::run(ledger, &p, d("2026-03-05")).unwrap();
    assert_eq!((r.actions.len(), r.already_issued), (0, 2));

    // C is paid by hand on the 8th: it gets nothing more
    ledger
        .settle(&ManualSettlement {
            title_id: "C".into(),
            valor: m("200.00"),
            data: d("2026-03-08"),
            meio: Meio::Pix,
            por: "financeiro".into(),
            em: None,
            motivo: "pix direto".into(),
        })
        .unwrap();

    let r = regua::run(ledger, &p, d("2026-03-09")).unwrap();
    assert_eq!(issued(&r), [(s("A"), Acao::AvisoVencimento, -1)]);
    assert_eq!(r.actions[0].canal, "whatsapp");

    // A five days late (multa 2% = 20.00, juros 1% a.m. pro rata for 5 days = 1.67), B five days before
    let r = regua::run(ledger, &p, d("2026-03-15")).unwrap();
    assert_eq!(
        issued(&r),
        [(s("A"), Acao::AvisoAtraso, 5), (s("B"), Acao::Lembrete, -5)]
    );
    let a = &r.actions[0];
    assert_eq!(
        (
            a.devido.multa,
            a.devido.juros,
            a.devido.total,
            a.saldo,
            a.devido.dias_atraso
        ),
        (m("20.00"), m("1.67"), m("1021.67"), m("1021.67"), 5)
    );

    // the job did not run from the 16th to the 25th: B's aviso de vencimento (19th) is overtaken by its aviso de
    // atraso (25th), which is issued a day late; A's aviso de atraso was issued already
    let r = regua::run(ledger, &p, d("2026-03-26")).unwrap();
    assert_eq!(issued(&r), [(s("B"), Acao::AvisoAtraso, 5)]);
    assert_eq!(r.actions[0].data_etapa, d("2026-03-25"));
    assert_eq!(r.already_issued, 1);
    // and the overtaken step is never issued afterwards
    let r = regua::run(ledger, &p, d("2026-03-27")).unwrap();
    assert_eq!((r.actions.len(), r.already_issued), (0, 2));

    // A 30 days late: one carta for the payer listing A and B with the amounts due on the date
    let r = regua::run(ledger, &p, d("2026-04-09")).unwrap();
    assert_eq!(issued(&r), [(s("A"), Acao::CartaCobranca, 30)]);
    let a = &r.actions[0];
    assert!(!a.inadimplente, "30 days is not more than 30");
    let c = a.carta.as_ref().unwrap();
    assert_eq!(c.gatilhos, ["A"]);
    let rows: Vec<_> = c
        .titulos
        .iter()
        .map(|i| (i.titulo.as_str(), i.devido.multa, i.devido.juros, i.saldo))
        .collect();
    // A: 1000 + 20.00 + 1000 × 1% × 30/30 = 1030.00; B (20 days): 500 + 10.00 + 500 × 1% × 20/30 = 513.33
    assert_eq!(
        rows,
        [
            ("A", m("20.00"), m("10.00"), m("1030.00")),
            ("B", m("10.00"), m("3.33"), m("513.33"))
        ]
    );
    assert_eq!(c.total, m("1543.33"));

    // B 30 days late: a new carta (A's carta step counts as already issued); A is now inadimplente (31 days)
    let r = regua::run(ledger, &p, d("2026-04-19")).unwrap();
    assert_eq!(issued(&r), [(s("B"), Acao::CartaCobranca, 30)]);
    assert_eq!(r.already_issued, 1);
    let c = r.actions[0].carta.as_ref().unwrap();
    assert_eq!(c.gatilhos, ["B"]);
    assert_eq!(c.titulos.len(), 2);

    // history: every step issued to A, in order, with the amount owed then
    let h: Vec<_> = ledger
        .history("A")
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            Event::Regua {
                data,
                acao,
                etapa_dias,
                saldo,
                ..
            } => Some((data, acao, etapa_dias, saldo)),
            _ => None,
        })
        .collect();
    assert_eq!(
        h,
        [
            (d("2026-03-05"), Acao::Lembrete, -5, m("1000.00")),
            (d("2026-03-09"), Acao::AvisoVencimento, -1, m("1000.00")),
            (d("2026-03-15"), Acao::AvisoAtraso, 5, m("1021.67")),
            (d("2026-04-09"), Acao::CartaCobranca, 30, m("1030.00")),
        ]
    );
    // C: only the lembrete before it was paid
    let hc = ledger.history("C").unwrap();
    assert_eq!(
        hc.iter()
            .filter(|e| matches!(e, Event::Regua { .. }))
            .count(),
        1
    );
}

#[test]
fn successive_dates_memory() {
    scenario(&mut MemoryLedger::new());
}

#[test]
fn successive_dates_sqlite_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    scenario(&mut SqliteLedger::open(&path).unwrap());
    // a reopened ledger remembers what was issued
    let p = Politica::from_toml(POLITICA).unwrap();
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    let r = regua::run(&mut l, &p, d("2026-04-19")).unwrap();
    assert_eq!((r.actions.len(), r.already_issued), (0, 2));
}

#[test]
fn a_missed_step_is_issued_late_when_nothing_later_is_due() {
    let p = Politica::from_toml(POLITICA).unwrap();
    let mut l = MemoryLedger::new();
    l.import_titles(&[titulo("D", "1", "80.00", "2026-03-10", "", "Rui")])
        .unwrap();
    // first run on the 7th: the lembrete of the 5th is late but still the latest step due
    let r = regua::run(&mut l, &p, d("2026-03-07")).unwrap();
    assert_eq!(issued(&r), [(s("D"), Acao::Lembrete, -5)]);
    assert_eq!(r.actions[0].data_etapa, d("2026-03-05"));
}

#[test]
fn one_carta_per_payer_when_several_titles_come_due_together() {
    let p = Politica::from_toml(POLITICA).unwrap();
    let mut l = SqliteLedger::open_in_memory().unwrap();
    l.import_titles(&[
        titulo("E1", "1", "100.00", "2026-05-04", "", "Loja Azul"),
        titulo("E2", "2", "300.00", "2026-05-04", "", "loja azul"),
        titulo("F", "3", "50.00", "2026-05-04", "", "Outra"),
    ])
    .unwrap();
    let r = regua::run(&mut l, &p, d("2026-06-03")).unwrap();
    // E1 and E2 share one carta (payer matched by name when there is no document); F gets its own
    assert_eq!(
        issued(&r),
        [
            (s("E1"), Acao::CartaCobranca, 30),
            (s("F"), Acao::CartaCobranca, 30)
        ]
    );
    let c = r.actions[0].carta.as_ref().unwrap();
    assert_eq!(c.gatilhos, ["E1", "E2"]);
    // 100 + 2.00 + 1.00 and 300 + 6.00 + 3.00
    assert_eq!(c.total, m("412.00"));
    let r = regua::run(&mut l, &p, d("2026-06-03")).unwrap();
    assert_eq!((r.actions.len(), r.already_issued), (0, 3));
}

#[test]
fn valor_minimo_and_inadimplente() {
    let p = Politica::from_toml(
        "inadimplente_apos_dias = 10\n[[etapa]]\ndias = 15\nacao = \"ligacao\"\ncanal = \"telefone\"\nvalor_minimo = \"100.00\"\n",
    )
    .unwrap();
    let mut l = MemoryLedger::new();
    let mut small = titulo("P", "1", "95.00", "2026-03-10", "", "X");
    small.multa = None;
    small.juros = None;
    l.import_titles(&[small, titulo("G", "2", "100.00", "2026-03-10", "", "Y")])
        .unwrap();
    let r = regua::run(&mut l, &p, d("2026-03-25")).unwrap();
    assert_eq!(issued(&r), [(s("G"), Acao::Ligacao, 15)]);
    assert!(r.actions[0].inadimplente);
}

#[test]
fn policy_errors_name_the_key() {
    let e = Politica::from_toml(
        "[[etapa]]\ndias = 5\nacao = \"aviso_atraso\"\ncanal = \"sms\"\nmodel = \"x\"\n",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("unknown field `model`"), "{e}");
    assert!(e.contains("line 5"), "{e}");
    let e = Politica::from_toml("inadimplente = 30\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown field `inadimplente`"), "{e}");
    let e = Politica::from_toml("[[etapa]]\ndias = 5\nacao = \"telegrama\"\ncanal = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown variant `telegrama`"), "{e}");
    let e = Politica::from_toml(
        "[[etapa]]\ndias = 5\nacao = \"ligacao\"\ncanal = \"x\"\nvalor_minimo = 100.5\n",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("not as a floating-point number"), "{e}");
    let e = Politica::from_toml(
        "[[etapa]]\ndias = 5\nacao = \"ligacao\"\ncanal = \"x\"\nagrupar_por_pagador = true\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("etapa 1: agrupar_por_pagador is for acao = \"carta_cobranca\""),
        "{e}"
    );
}

/// The README's policy example is a valid policy with the steps it shows.
#[test]
fn readme_policy_parses() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let sec = &readme[readme.find("## Régua de cobrança").unwrap()..];
    let start = sec.find("```toml\n").unwrap() + "```toml\n".len();
    let toml = &sec[start..start + sec[start..].find("```").unwrap()];
    let p = Politica::from_toml(toml).unwrap();
    assert_eq!(p.inadimplente_apos_dias, Some(30));
    let steps: Vec<_> = p
        .etapas
        .iter()
        .map(|e| (e.dias, e.acao, e.valor_minimo))
        .collect();
    assert_eq!(
        steps,
        [
            (-5, Acao::Lembrete, None),
            (5, Acao::AvisoAtraso, Some(m("50.00"))),
            (30, Acao::CartaCobranca, None)
        ]
    );
}

/// A ledger whose view of the issued steps is stale, as when another run records steps between this run's read and
/// its write: what the other run recorded is counted as already issued, never issued twice.
struct Stale(MemoryLedger);

impl Ledger for Stale {
    fn import_titles(&mut self, t: &[Titulo]) -> Result<baixa::ImportSummary, baixa::LedgerError> {
        self.0.import_titles(t)
    }
    fn apply(&mut self, r: &cnab_core::Retorno) -> Result<baixa::ApplyResult, baixa::LedgerError> {
        self.0.apply(r)
    }
    fn settle(&mut self, s: &ManualSettlement) -> Result<baixa::EntryOutcome, baixa::LedgerError> {
        self.0.settle(s)
    }
    fn titles(&mut self) -> Result<Vec<(Titulo, baixa::TitleState)>, baixa::LedgerError> {
        self.0.titles()
    }
    fn history(&mut self, id: &str) -> Result<Vec<Event>, baixa::LedgerError> {
        self.0.history(id)
    }
    fn files(&mut self) -> Result<Vec<baixa::FileReport>, baixa::LedgerError> {
        self.0.files()
    }
}

impl ReguaLedger for Stale {
    fn regua_issued(
        &mut self,
    ) -> Result<std::collections::BTreeSet<regua::Issued>, baixa::LedgerError> {
        Ok(Default::default())
    }
    fn regua_record(
        &mut self,
        date: NaiveDate,
        items: &[regua::Registro<'_>],
    ) -> Result<Vec<bool>, baixa::LedgerError> {
        self.0.regua_record(date, items)
    }
}

#[test]
fn a_step_another_run_recorded_meanwhile_is_not_issued_again() {
    let p = Politica::from_toml(POLITICA).unwrap();
    let mut inner = MemoryLedger::new();
    inner
        .import_titles(&[
            titulo("E1", "1", "100.00", "2026-05-04", "", "Loja Azul"),
            titulo("E2", "2", "300.00", "2026-05-04", "", "Loja Azul"),
        ])
        .unwrap();
    // the other run issued E1's carta only (E2 was imported after it read the titles)
    let other = regua::run(&mut inner, &p, d("2026-06-03")).unwrap();
    assert_eq!(
        other.actions[0].carta.as_ref().unwrap().gatilhos,
        ["E1", "E2"]
    );
    let mut l = Stale(inner);
    let r = regua::run(&mut l, &p, d("2026-06-03")).unwrap();
    assert_eq!((r.actions.len(), r.already_issued), (0, 2));
    // a new title of the payer comes due: the carta speaks for it, with E1 and E2 listed
    l.import_titles(&[titulo("E3", "3", "10.00", "2026-05-05", "", "Loja Azul")])
        .unwrap();
    let r = regua::run(&mut l, &p, d("2026-06-04")).unwrap();
    assert_eq!(issued(&r), [(s("E3"), Acao::CartaCobranca, 30)]);
    assert_eq!(r.already_issued, 2);
    let a = &r.actions[0];
    assert_eq!((a.valor, a.vencimento), (m("10.00"), d("2026-05-05")));
    let c = a.carta.as_ref().unwrap();
    assert_eq!(c.gatilhos, ["E3"]);
    assert_eq!(c.titulos.len(), 3);
}

/// A ledger written before the régua existed (schema version 1) gains its table when opened.
#[test]
fn a_version_1_ledger_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut l = SqliteLedger::open(&path).unwrap();
        l.import_titles(&[titulo("V1", "1", "10.00", "2026-03-10", "", "Z")])
            .unwrap();
        l.connection()
            .execute_batch(
                "DROP TABLE regua_actions; DROP TABLE segunda_via_links; \
                 DELETE FROM baixa_schema_version WHERE version >= 2;",
            )
            .unwrap();
        assert_eq!(l.schema_version().unwrap(), 1);
    }
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    let p = Politica::from_toml(POLITICA).unwrap();
    let r = regua::run(&mut l, &p, d("2026-03-09")).unwrap();
    assert_eq!(issued(&r), [(s("V1"), Acao::AvisoVencimento, -1)]);
}
