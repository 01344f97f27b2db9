//! The régua scenarios every ledger backend runs (memory and SQLite in `regua.rs`, PostgreSQL in `postgres.rs`):
//! each takes an empty ledger.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use baixa::acordo::{self, Termos};
use baixa::instrucao::{self, RemessaRegistrada};
use baixa::regua::{self, Acao, Politica, ReguaRun};
use baixa::{
    Event, Juros, JurosTipo, ManualSettlement, Meio, Multa, MultaTipo, Outcome, Pagador,
    ReguaLedger, Status, Titulo,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A scenario: it takes an empty ledger.
pub type Scenario = fn(&mut dyn ReguaLedger);

/// Every scenario, by name.
pub const SCENARIOS: &[(&str, Scenario)] = &[
    ("successive_dates", successive_dates),
    ("missed_step_issued_late", missed_step_issued_late),
    ("one_carta_per_payer", one_carta_per_payer),
    (
        "valor_minimo_and_inadimplente",
        valor_minimo_and_inadimplente,
    ),
    ("instruction_remessas", instruction_remessas),
    (
        "acordo_two_titles_three_parcelas",
        acordo_two_titles_three_parcelas,
    ),
    (
        "instructions_confirmed_and_rejected",
        instructions_confirmed_and_rejected,
    ),
    ("acordo_remessa", acordo_remessa),
    (
        "abatimento_confirmed_changes_the_titulo",
        abatimento_confirmed_changes_the_titulo,
    ),
    (
        "acordo_pedido_de_baixa_is_a_pending_instruction",
        acordo_pedido_de_baixa_is_a_pending_instruction,
    ),
    (
        "reemissao_confirmed_changes_the_titulo",
        reemissao_confirmed_changes_the_titulo,
    ),
    ("acordo_quebra", acordo_quebra),
    ("acordo_paid_is_never_broken", acordo_paid_is_never_broken),
    (
        "acordo_quebra_pedido_de_baixa",
        acordo_quebra_pedido_de_baixa,
    ),
];

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub const POLITICA: &str = r#"
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

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn m(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn titulo(id: &str, nn: &str, valor: &str, venc: &str, doc: &str, nome: &str) -> Titulo {
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
pub fn issued(r: &ReguaRun) -> Vec<(String, Acao, i64)> {
    r.actions
        .iter()
        .map(|a| (a.titulo.clone(), a.acao, a.etapa_dias))
        .collect()
}

pub fn s(x: &str) -> String {
    x.to_string()
}

/// Three titles: A and B of the same payer (CNPJ written two ways), C of another payer, settled before its due date.
pub fn successive_dates(ledger: &mut dyn ReguaLedger) {
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

pub fn missed_step_issued_late(l: &mut dyn ReguaLedger) {
    let p = Politica::from_toml(POLITICA).unwrap();
    l.import_titles(&[titulo("D", "1", "80.00", "2026-03-10", "", "Rui")])
        .unwrap();
    // first run on the 7th: the lembrete of the 5th is late but still the latest step due
    let r = regua::run(l, &p, d("2026-03-07")).unwrap();
    assert_eq!(issued(&r), [(s("D"), Acao::Lembrete, -5)]);
    assert_eq!(r.actions[0].data_etapa, d("2026-03-05"));
}

pub fn one_carta_per_payer(l: &mut dyn ReguaLedger) {
    let p = Politica::from_toml(POLITICA).unwrap();
    l.import_titles(&[
        titulo("E1", "1", "100.00", "2026-05-04", "", "Loja Azul"),
        titulo("E2", "2", "300.00", "2026-05-04", "", "loja azul"),
        titulo("F", "3", "50.00", "2026-05-04", "", "Outra"),
    ])
    .unwrap();
    let r = regua::run(l, &p, d("2026-06-03")).unwrap();
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
    let r = regua::run(l, &p, d("2026-06-03")).unwrap();
    assert_eq!((r.actions.len(), r.already_issued), (0, 3));
}

pub fn valor_minimo_and_inadimplente(l: &mut dyn ReguaLedger) {
    let p = Politica::from_toml(
        "inadimplente_apos_dias = 10\n[[etapa]]\ndias = 15\nacao = \"ligacao\"\ncanal = \"telefone\"\nvalor_minimo = \"100.00\"\n",
    )
    .unwrap();
    let mut small = titulo("P", "1", "95.00", "2026-03-10", "", "X");
    small.multa = None;
    small.juros = None;
    l.import_titles(&[small, titulo("G", "2", "100.00", "2026-03-10", "", "Y")])
        .unwrap();
    let r = regua::run(l, &p, d("2026-03-25")).unwrap();
    assert_eq!(issued(&r), [(s("G"), Acao::Ligacao, 15)]);
    assert!(r.actions[0].inadimplente);
}

/// Itaú's CNAB 400 remessa fixture: NF-1001 (nosso número 12345678, R$ 127,50, due 2026-12-15) and NF-1002
/// (12345679, R$ 2.500,00, due 2027-01-10).
pub fn itau_400() -> RemessaRegistrada {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/remessa/remessa.rem"
    ))
    .unwrap();
    RemessaRegistrada::from_bytes(&bytes).unwrap()
}

pub const POLITICA_BANCO: &str = r#"
[[etapa]]
dias = 3
acao = "abatimento"
canal = "banco"
abatimento_pct = "10"

[[etapa]]
dias = 10
acao = "prorrogacao"
canal = "banco"
prazo_dias = 15

[[etapa]]
dias = 40
acao = "protesto"
canal = "banco"

[[etapa]]
dias = 60
acao = "baixa"
canal = "banco"
"#;

/// (título, movimento, vencimento, abatimento) of a título read back.
type Row = (String, String, Option<NaiveDate>, Option<Decimal>);

/// One run that writes its instruction remessa, read back: (título, movimento, vencimento, abatimento) per título.
fn run_banco(
    l: &mut dyn ReguaLedger,
    p: &Politica,
    reg: &[RemessaRegistrada],
    date: &str,
) -> (ReguaRun, Vec<Row>) {
    let run = regua::run_with(l, p, d(date), |a| instrucao::preparar(a, reg)).unwrap();
    let out = instrucao::remessas(&run.actions, reg, d(date), None).unwrap();
    let mut rows = Vec::new();
    for r in out {
        assert_eq!((r.bank.code(), r.layout.number()), (341, 400));
        let back = cnab_core::read_remessa(&r.bytes, cnab_core::ReadOptions::strict()).unwrap();
        assert_eq!(back.header.beneficiario.conta, "12345");
        assert_eq!(back.header.data_geracao, Some(d(date)));
        for t in back.titulos {
            // a zero amount field reads as 0.00: no abatimento
            let abatimento = t.abatimento.filter(|v| !v.is_zero());
            rows.push((t.seu_numero, t.movimento, t.vencimento, abatimento));
        }
    }
    (run, rows)
}

/// Steps through the bank: a portfolio imported from Itaú's CNAB 400 remessa, runs on successive dates, each
/// writing an instruction remessa that reads back with Itaú's movimento codes (04 abatimento, 06 alteração do
/// vencimento, 09 protestar, 02 pedido de baixa); a title settled in between gets none.
pub fn instruction_remessas(l: &mut dyn ReguaLedger) {
    let reg = [itau_400()];
    let titles = baixa::from_remessa(&reg[0].remessa).unwrap();
    l.import_titles(&titles).unwrap();
    let p = Politica::from_toml(POLITICA_BANCO).unwrap();
    let nf = |x: &str| x.to_string();

    // NF-1001 ten days late: the prorrogação (the abatimento of day 3 is overtaken); new due date 2026-12-25 + 15
    let (run, rows) = run_banco(l, &p, &reg, "2026-12-25");
    assert_eq!(issued(&run), [(s("NF-1001"), Acao::Prorrogacao, 10)]);
    let ins = run.actions[0].instrucao.as_ref().unwrap();
    assert_eq!(
        (ins.movimento.as_str(), ins.descricao.as_str()),
        ("06", "Alteração do vencimento")
    );
    assert_eq!(
        rows,
        [(nf("NF-1001"), nf("06"), Some(d("2027-01-09")), None)]
    );

    // NF-1002 three days late: abatimento of 10% of 2,500.00 = 250.00; its due date as registered
    let (run, rows) = run_banco(l, &p, &reg, "2027-01-13");
    assert_eq!(issued(&run), [(s("NF-1002"), Acao::Abatimento, 3)]);
    assert_eq!(run.actions[0].abatimento, Some(m("250.00")));
    assert_eq!(
        rows,
        [(
            nf("NF-1002"),
            nf("04"),
            Some(d("2027-01-10")),
            Some(m("250.00"))
        )]
    );

    // the same date again: nothing issued, no instruction (NF-1002's abatimento and NF-1001's prorrogação, its
    // latest step due, already issued)
    let (run, rows) = run_banco(l, &p, &reg, "2027-01-13");
    assert_eq!(
        (run.actions.len(), run.already_issued, rows.len()),
        (0, 2, 0)
    );

    // NF-1001 forty days after its due date: protest; NF-1002 fourteen days late: prorrogação to 2027-01-24 + 15
    let (run, rows) = run_banco(l, &p, &reg, "2027-01-24");
    assert_eq!(
        issued(&run),
        [
            (s("NF-1001"), Acao::Protesto, 40),
            (s("NF-1002"), Acao::Prorrogacao, 10)
        ]
    );
    assert_eq!(
        rows,
        [
            (nf("NF-1001"), nf("09"), Some(d("2026-12-15")), None),
            (nf("NF-1002"), nf("06"), Some(d("2027-02-08")), None)
        ]
    );

    // NF-1002 is paid; on 2027-03-15 NF-1001 (90 days) gets the pedido de baixa, NF-1002 nothing
    l.settle(&ManualSettlement {
        title_id: "NF-1002".into(),
        // 2,500.00 + multa 2% (50.00); the abatimento is the bank's to confirm, the ledger's title is unchanged
        valor: m("2550.00"),
        data: d("2027-01-20"),
        meio: Meio::Pix,
        por: "financeiro".into(),
        em: None,
        motivo: "acordo por telefone".into(),
    })
    .unwrap();
    let (run, rows) = run_banco(l, &p, &reg, "2027-03-15");
    assert_eq!(issued(&run), [(s("NF-1001"), Acao::Baixa, 60)]);
    assert_eq!(
        rows,
        [(nf("NF-1001"), nf("02"), Some(d("2026-12-15")), None)]
    );

    // the ledger keeps the instruction with the step
    let h: Vec<_> = l
        .history("NF-1001")
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            Event::Regua { acao, data, .. } => Some((acao, data)),
            _ => None,
        })
        .collect();
    assert_eq!(
        h,
        [
            (Acao::Prorrogacao, d("2026-12-25")),
            (Acao::Protesto, d("2027-01-24")),
            (Acao::Baixa, d("2027-03-15"))
        ]
    );
}

/// An acordo of 3 installments for two overdue títulos of one payer, with 25% off the multa and juros; the
/// installments go through the régua, the originals get nothing more, the portfolio counts nothing twice.
pub fn acordo_two_titles_three_parcelas(l: &mut dyn ReguaLedger) {
    let mut c = titulo(
        "C",
        "10000003",
        "200.00",
        "2026-06-20",
        "98765432100",
        "Ana Lima",
    );
    c.multa = None;
    l.import_titles(&[
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
        c,
    ])
    .unwrap();
    let termos = Termos {
        id: "AC-1".into(),
        data: d("2026-04-09"),
        titulos: vec!["A".into(), "B".into()],
        parcelas: 3,
        primeiro_vencimento: d("2026-05-31"),
        desconto_encargos_pct: Some(m("25")),
    };
    // another payer's title cannot join
    let mut mixed = termos.clone();
    mixed.titulos.push("C".into());
    let e = acordo::fechar(l, &mixed).unwrap_err().to_string();
    assert!(
        e.contains("acordo AC-1: title C is of another payer than A"),
        "{e}"
    );

    let a = acordo::fechar(l, &termos).unwrap();
    // on 2026-04-09: A = 1000 + multa 2% 20.00 + juros 1% a.m. × 30/30 days 10.00 = 1030.00;
    //                B = 500 + multa 10.00 + juros 500 × 1% × 20/30 = 3.33 → 513.33
    let orig: Vec<_> = a
        .originais
        .iter()
        .map(|o| (o.titulo.as_str(), o.devido.multa, o.devido.juros, o.saldo))
        .collect();
    assert_eq!(
        orig,
        [
            ("A", m("20.00"), m("10.00"), m("1030.00")),
            ("B", m("10.00"), m("3.33"), m("513.33"))
        ]
    );
    // saldo 1543.33; encargos 20.00 + 10.00 + 10.00 + 3.33 = 43.33; 25% = 10.8325 → 10.83 (half-up);
    // negotiated 1543.33 − 10.83 = 1532.50; 1532.50 / 3 = 510.8333… → 510.83 each, the first 1532.50 − 2 × 510.83
    assert_eq!(
        (a.saldo_total, a.encargos, a.desconto, a.valor_negociado),
        (m("1543.33"), m("43.33"), m("10.83"), m("1532.50"))
    );
    let parcelas: Vec<_> = a
        .parcelas
        .iter()
        .map(|p| (p.titulo.as_str(), p.vencimento, p.valor))
        .collect();
    assert_eq!(
        parcelas,
        [
            ("AC-1-1", d("2026-05-31"), m("510.84")),
            ("AC-1-2", d("2026-06-30"), m("510.83")),
            ("AC-1-3", d("2026-07-31"), m("510.83"))
        ]
    );
    assert_eq!(
        a.parcelas.iter().map(|p| p.valor).sum::<Decimal>(),
        a.valor_negociado
    );

    // the ledger: originals renegotiated, installments open titles of the same payer and rules
    let titles = l.titles().unwrap();
    let st = |id: &str| titles.iter().find(|(t, _)| t.id == id).unwrap().clone();
    assert_eq!(st("A").1.status, Status::Renegotiated);
    assert_eq!(st("B").1.status, Status::Renegotiated);
    let (p1, s1) = st("AC-1-1");
    assert_eq!(s1.status, Status::Open);
    assert_eq!(
        (
            p1.valor,
            p1.vencimento,
            p1.pagador.documento.as_str(),
            p1.banco.code()
        ),
        (m("510.84"), d("2026-05-31"), "12.345.678/0001-95", 341)
    );
    assert_eq!(p1.multa.as_ref().unwrap().valor, m("2"));
    assert_eq!(l.acordos().unwrap(), std::slice::from_ref(&a));

    // the portfolio counts the installments and C open, the originals apart: nothing twice
    let p = baixa::portfolio(&titles, d("2026-04-09"));
    assert_eq!((p.open.count, p.open.valor), (4, m("1732.50")));
    assert_eq!(
        (p.renegotiated.count, p.renegotiated.valor),
        (2, m("1500.00"))
    );

    // history of both sides
    let mut ev = |id: &str| -> Vec<(String, String, Decimal)> {
        l.history(id)
            .unwrap()
            .into_iter()
            .filter_map(|e| match e {
                Event::Acordo {
                    acordo,
                    papel,
                    valor,
                    ..
                } => Some((acordo, papel, valor)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(ev("A"), [(s("AC-1"), s("original"), m("1030.00"))]);
    assert_eq!(ev("AC-1-3"), [(s("AC-1"), s("parcela"), m("510.83"))]);

    // the same acordo again: refused, nothing changed
    let e = acordo::fechar(l, &termos).unwrap_err().to_string();
    assert!(e.contains("title A is renegotiated, not open"), "{e}");
    assert_eq!(l.titles().unwrap().len(), 6);

    // the régua: the first installment's lembrete on 2026-05-26, nothing for A or B (40+ days late)
    let pol = Politica::from_toml(POLITICA).unwrap();
    let r = regua::run(l, &pol, d("2026-05-26")).unwrap();
    assert_eq!(issued(&r), [(s("AC-1-1"), Acao::Lembrete, -5)]);
    assert_eq!(r.actions[0].saldo, m("510.84"));

    // money that still arrives for an original: reported, settles nothing, the title stays renegotiated
    let o = l
        .settle(&ManualSettlement {
            title_id: "B".into(),
            valor: m("513.33"),
            data: d("2026-04-10"),
            meio: Meio::Pix,
            por: "financeiro".into(),
            em: None,
            motivo: "pix antigo".into(),
        })
        .unwrap();
    assert_eq!(o.outcome, Outcome::PaidAfterWriteOff);
    assert!(o.note.unwrap().contains("renegotiated"));
    let titles = l.titles().unwrap();
    let b = titles.iter().find(|(t, _)| t.id == "B").unwrap();
    assert_eq!(b.1.status, Status::Renegotiated);
}

/// An Itaú CNAB 400 retorno as the bank would send it: the fixture's header, dated `date`, one entry per
/// (nosso número, ocorrência code, motivos), written by cnab-core's writer and read back (so each ocorrência gets
/// its kind and description from Itaú's table).
pub fn itau_retorno(date: &str, nsa: u64, entries: &[(&str, &str, &[&str])]) -> cnab_core::Retorno {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/retorno/retorno.ret"
    ))
    .unwrap();
    let mut r = cnab_core::read_retorno(&fixture, cnab_core::ReadOptions::strict()).unwrap();
    let model = r.entries[1].clone();
    r.header.data_geracao = Some(d(date));
    r.header.nsa = Some(nsa);
    r.entries = entries
        .iter()
        .map(|(nn, code, motivos)| {
            let mut e = model.clone();
            e.nosso_numero = (*nn).into();
            e.nosso_numero_dv = None;
            e.seu_numero = String::new();
            e.ocorrencia = Some(cnab_core::Ocorrencia {
                code: (*code).into(),
                kind: cnab_core::OcorrenciaKind::Desconhecida,
                description: String::new(),
            });
            e.motivos = motivos
                .iter()
                .map(|c| cnab_core::Motivo {
                    code: (*c).into(),
                    description: None,
                })
                .collect();
            e.data_ocorrencia = Some(d(date));
            e
        })
        .collect();
    r.records.clear();
    let bytes = cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).unwrap();
    cnab_core::read_retorno(&bytes, cnab_core::ReadOptions::strict()).unwrap()
}

/// (título, acao, estado, ocorrência) of each instruction answered.
fn answered(c: &instrucao::Conciliacao) -> Vec<(String, Acao, instrucao::Estado, String)> {
    c.instrucoes
        .iter()
        .map(|i| {
            let r = i.resposta.as_ref().unwrap();
            (i.titulo.clone(), i.acao, i.estado, r.ocorrencia.clone())
        })
        .collect()
}

/// The bank's answers: the régua's instructions (Itaú CNAB 400) written as a remessa, a retorno built for them
/// with Itaú's codes, applied, matched — 14 "vencimento alterado" confirms the prorrogação, 16 "instruções
/// rejeitadas" rejects the abatimento with its motivos, 19 confirms the protest; an instruction left unanswered
/// is reported pending after N days; a retorno applied again answers nothing new.
pub fn instructions_confirmed_and_rejected(l: &mut dyn ReguaLedger) {
    use instrucao::Estado::{Confirmada, Pendente, Rejeitada};
    let reg = [itau_400()];
    l.import_titles(&baixa::from_remessa(&reg[0].remessa).unwrap())
        .unwrap();
    let p = Politica::from_toml(POLITICA_BANCO).unwrap();
    // NF-1001: prorrogação (06) on 2026-12-25; NF-1002: abatimento (04) on 2027-01-13
    let (_, rows) = run_banco(l, &p, &reg, "2026-12-25");
    assert_eq!(rows[0].1, "06");
    let (_, rows) = run_banco(l, &p, &reg, "2027-01-13");
    assert_eq!(rows[0].1, "04");
    let all = l.instrucoes().unwrap();
    let states: Vec<_> = all
        .iter()
        .map(|i| {
            (
                i.titulo.as_str(),
                i.acao,
                i.instrucao.movimento.as_str(),
                i.estado,
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("NF-1001", Acao::Prorrogacao, "06", Pendente),
            ("NF-1002", Acao::Abatimento, "04", Pendente)
        ]
    );
    // on 2027-01-15, both unanswered: more than 5 days pending is NF-1001's (sent 2026-12-25), not NF-1002's
    // (sent 2027-01-13)
    let late: Vec<_> = instrucao::sem_resposta(&all, d("2027-01-15"), 5)
        .iter()
        .map(|i| i.titulo.clone())
        .collect();
    assert_eq!(late, [s("NF-1001")]);

    // the retorno of 2027-01-15: NF-1001 14 vencimento alterado, NF-1002 16 instruções rejeitadas (motivo 12)
    let ret = itau_retorno(
        "2027-01-15",
        400,
        &[("12345678", "14", &[]), ("12345679", "16", &["12"])],
    );
    let applied = l.apply(&ret).unwrap();
    assert_eq!(
        applied
            .entries
            .iter()
            .map(|e| (e.title_id.as_deref().unwrap().to_string(), e.outcome))
            .collect::<Vec<_>>(),
        [
            (s("NF-1001"), Outcome::InstructionConfirmed),
            (s("NF-1002"), Outcome::Rejected)
        ]
    );
    let c = instrucao::conciliar(l, &ret).unwrap();
    assert_eq!(
        answered(&c),
        [
            (s("NF-1001"), Acao::Prorrogacao, Confirmada, s("14")),
            (s("NF-1002"), Acao::Abatimento, Rejeitada, s("16"))
        ]
    );
    let rej = c.instrucoes[1].resposta.as_ref().unwrap();
    assert_eq!(rej.descricao, "Instruções rejeitadas");
    assert_eq!(rej.motivos.len(), 1);
    assert!(rej.motivos[0].starts_with("12"), "{:?}", rej.motivos);
    assert_eq!(rej.data, Some(d("2027-01-15")));
    assert_eq!(rej.file_id, applied.file_id);

    // the título's history shows the answer after the step
    let h: Vec<_> = l
        .history("NF-1001")
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            Event::Regua { acao, data, .. } => Some(format!("regua {} {data}", acao.name())),
            Event::Instrucao {
                acao,
                movimento,
                resposta,
                enviada_em,
                ..
            } => Some(format!(
                "instrucao {} {movimento} {enviada_em} {} {}",
                acao.name(),
                resposta.estado.name(),
                resposta.ocorrencia
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        h,
        [
            s("regua prorrogacao 2026-12-25"),
            s("instrucao prorrogacao 06 2026-12-25 confirmada 14")
        ]
    );

    // the same retorno again (applied or only conciliated): nothing new
    assert!(l.apply(&ret).unwrap().already_applied);
    assert_eq!(instrucao::conciliar(l, &ret).unwrap(), Default::default());

    // the prorrogação confirmed moved NF-1001's due date in the ledger: 2026-12-15 → 2027-01-09 (the run of
    // 2026-12-25 + prazo_dias 15), its amount due and the régua counted from it; the history shows the new date
    let titles = l.titles().unwrap();
    let nf1 = &titles.iter().find(|(t, _)| t.id == "NF-1001").unwrap().0;
    assert_eq!(nf1.vencimento, d("2027-01-09"));
    assert_eq!(
        baixa::valor_devido(nf1, d("2027-01-09")).total,
        dec("127.50")
    );
    let novo: Vec<_> = l
        .history("NF-1001")
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            Event::Instrucao {
                novo_vencimento, ..
            } => Some(novo_vencimento),
            _ => None,
        })
        .collect();
    assert_eq!(novo, [Some(d("2027-01-09"))]);
    // the rejected abatimento changed nothing
    let nf2 = &titles.iter().find(|(t, _)| t.id == "NF-1002").unwrap().0;
    assert_eq!(
        (nf2.vencimento, nf2.abatimento),
        (d("2027-01-10"), Decimal::ZERO)
    );

    // 2027-01-24: NF-1002's prorrogação (06); NF-1001, 15 days after its new due date, has nothing new (its
    // latest step due, the prorrogação at 10 days, was issued)
    let (_, rows) = run_banco(l, &p, &reg, "2027-01-24");
    assert_eq!(
        rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
        ["06"]
    );
    // NF-1001's protest (09) on 2027-02-18, forty days after its new due date: pending until the retorno of
    // 2027-03-02 confirms it (19)
    let (_, rows) = run_banco(l, &p, &reg, "2027-02-17");
    assert!(rows.is_empty(), "{rows:?}");
    let (_, rows) = run_banco(l, &p, &reg, "2027-02-18");
    assert_eq!(
        rows.iter()
            .map(|r| (r.0.as_str(), r.1.as_str()))
            .collect::<Vec<_>>(),
        [("NF-1001", "09")]
    );
    let all = l.instrucoes().unwrap();
    let late: Vec<_> = instrucao::sem_resposta(&all, d("2027-02-28"), 10)
        .iter()
        .map(|i| (i.titulo.clone(), i.acao))
        .collect();
    // (NF-1002's prorrogação, sent 2027-01-24; the protest was sent ten days before)
    assert_eq!(late, [(s("NF-1002"), Acao::Prorrogacao)]);
    // an entry dated before the instruction was sent does not answer it
    let early = itau_retorno("2027-02-17", 401, &[("12345678", "19", &[])]);
    l.apply(&early).unwrap();
    assert!(instrucao::conciliar(l, &early)
        .unwrap()
        .instrucoes
        .is_empty());
    let ret = itau_retorno("2027-03-02", 402, &[("12345678", "19", &[])]);
    l.apply(&ret).unwrap();
    let c = instrucao::conciliar(l, &ret).unwrap();
    assert_eq!(
        answered(&c),
        [(s("NF-1001"), Acao::Protesto, Confirmada, s("19"))]
    );
    let all = l.instrucoes().unwrap();
    let late: Vec<_> = instrucao::sem_resposta(&all, d("2027-03-03"), 10)
        .iter()
        .map(|i| (i.titulo.clone(), i.acao))
        .collect();
    assert_eq!(late, [(s("NF-1002"), Acao::Prorrogacao)]);
    assert_eq!(
        all.iter().map(|i| i.estado).collect::<Vec<_>>(),
        [Confirmada, Rejeitada, Pendente, Confirmada]
    );
}

/// A confirmed abatimento is the título's in the ledger: Itaú's 12 "abatimento concedido" answers the abatimento
/// (04) the régua sent for NF-1002 (10% of 2,500.00 = 250.00), and the amount due falls by it.
pub fn abatimento_confirmed_changes_the_titulo(l: &mut dyn ReguaLedger) {
    let reg = [itau_400()];
    l.import_titles(&baixa::from_remessa(&reg[0].remessa).unwrap())
        .unwrap();
    let p = Politica::from_toml(POLITICA_BANCO).unwrap();
    let (_, rows) = run_banco(l, &p, &reg, "2027-01-13");
    assert_eq!(
        rows.iter()
            .map(|r| (r.0.as_str(), r.1.as_str()))
            .collect::<Vec<_>>(),
        [("NF-1001", "06"), ("NF-1002", "04")]
    );
    let before = |l: &mut dyn ReguaLedger| {
        let t = l.titles().unwrap();
        let t = &t.iter().find(|(t, _)| t.id == "NF-1002").unwrap().0;
        (t.abatimento, baixa::valor_devido(t, d("2027-01-20")).total)
    };
    // 2,500.00 + multa 2% (50.00) = 2,550.00 ten days late (the fixture's títulos carry no juros)
    assert_eq!(before(l), (Decimal::ZERO, dec("2550.00")));
    let ret = itau_retorno("2027-01-15", 400, &[("12345679", "12", &[])]);
    l.apply(&ret).unwrap();
    let c = instrucao::conciliar(l, &ret).unwrap();
    assert_eq!(
        answered(&c),
        [(
            s("NF-1002"),
            Acao::Abatimento,
            instrucao::Estado::Confirmada,
            s("12")
        )]
    );
    // (2,500.00 − 250.00) + multa 2% of the amount owed (45.00) = 2,295.00
    assert_eq!(before(l), (dec("250.00"), dec("2295.00")));
    let ev: Vec<_> = l
        .history("NF-1002")
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            Event::Instrucao { abatimento, .. } => Some(abatimento),
            _ => None,
        })
        .collect();
    assert_eq!(ev, [Some(dec("250.00"))]);
    // the same retorno again changes nothing more
    assert_eq!(instrucao::conciliar(l, &ret).unwrap(), Default::default());
    assert_eq!(before(l).0, dec("250.00"));
}

/// Itaú's CNAB 400 remessa fixture with NF-1002 moved to NF-1001's payer (José da Conceição), written by
/// cnab-core and read back: two títulos of one payer, registered.
pub fn itau_400_one_payer() -> RemessaRegistrada {
    let mut r = itau_400().remessa;
    r.titulos[1].pagador = r.titulos[0].pagador.clone();
    r.records.clear();
    let bytes = cnab_core::write_remessa(&r, cnab_core::Bank::new(341), cnab_core::Layout::Cnab400)
        .unwrap();
    RemessaRegistrada::from_bytes(&bytes).unwrap()
}

/// An acordo taken to the bank: its three installments registered (entrada, with new nosso números) and its two
/// originals' pedido de baixa, in one Itaú CNAB 400 remessa read back; the ledger's installments carry the same
/// nosso números; an original no remessa registered is refused with nothing recorded.
pub fn acordo_remessa(l: &mut dyn ReguaLedger) {
    let reg = [itau_400_one_payer()];
    l.import_titles(&baixa::from_remessa(&reg[0].remessa).unwrap())
        .unwrap();
    let termos = Termos {
        id: "AC-9".into(),
        data: d("2027-02-09"),
        titulos: vec!["NF-1001".into(), "NF-1002".into()],
        parcelas: 3,
        primeiro_vencimento: d("2027-03-10"),
        desconto_encargos_pct: None,
    };
    // registered by another remessa only: refused, nothing recorded
    let other = {
        let mut r = itau_400_one_payer();
        r.remessa.titulos.truncate(1);
        r
    };
    let e = acordo::fechar_with(l, &termos, |a, titles, parcelas| {
        acordo::remessas(
            a,
            parcelas,
            titles,
            std::slice::from_ref(&other),
            d("2027-02-09"),
            None,
        )
        .map(|_| ())
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("acordo AC-9: título NF-1002 is not registered by any remessa given"),
        "{e}"
    );
    assert!(l.acordos().unwrap().is_empty());

    let mut written = None;
    let a = acordo::fechar_with(l, &termos, |a, titles, parcelas| {
        acordo::numerar(parcelas, "20000001")?;
        written = Some(acordo::remessas(
            a,
            parcelas,
            titles,
            &reg,
            d("2027-02-09"),
            Some(8),
        )?);
        Ok(())
    })
    .unwrap();
    let written = written.unwrap();
    assert_eq!(written.len(), 1);
    let w = &written[0];
    let itens: Vec<_> = w
        .itens
        .iter()
        .map(|i| {
            (
                i.titulo.as_str(),
                i.papel.as_str(),
                i.movimento.as_str(),
                i.nosso_numero.as_str(),
            )
        })
        .collect();
    assert_eq!(
        itens,
        [
            ("AC-9-1", "parcela", "01", "20000001"),
            ("AC-9-2", "parcela", "01", "20000002"),
            ("AC-9-3", "parcela", "01", "20000003"),
            ("NF-1001", "original", "02", "12345678"),
            ("NF-1002", "original", "02", "12345679")
        ]
    );

    // read back: the header of the registering remessa, dated the acordo's day (Itaú's CNAB 400 header has no
    // sequence number field)
    let back = cnab_core::read_remessa(&w.bytes, cnab_core::ReadOptions::strict()).unwrap();
    assert_eq!(
        (
            back.header.beneficiario.conta.as_str(),
            back.header.data_geracao,
        ),
        ("12345", Some(d("2027-02-09")))
    );
    let rows: Vec<_> = back
        .titulos
        .iter()
        .map(|t| {
            (
                t.movimento.clone(),
                t.nosso_numero.clone(),
                t.seu_numero.clone(),
                t.vencimento,
                t.valor,
            )
        })
        .collect();
    let p = &a.parcelas;
    assert_eq!(
        rows,
        [
            (
                s("01"),
                s("20000001"),
                s("AC-9-1"),
                Some(d("2027-03-10")),
                p[0].valor
            ),
            (
                s("01"),
                s("20000002"),
                s("AC-9-2"),
                Some(d("2027-04-10")),
                p[1].valor
            ),
            (
                s("01"),
                s("20000003"),
                s("AC-9-3"),
                Some(d("2027-05-10")),
                p[2].valor
            ),
            (
                s("02"),
                s("12345678"),
                s("NF-1001"),
                Some(d("2026-12-15")),
                m("127.50")
            ),
            (
                s("02"),
                s("12345679"),
                s("NF-1002"),
                Some(d("2027-01-10")),
                m("2500.00")
            )
        ]
    );
    assert_eq!(
        p.iter().map(|p| p.valor).sum::<Decimal>(),
        a.valor_negociado
    );
    // an installment as registered: NF-1001's carteira, payer (as the file carries it) and juros per day (0.13 from the day after the due
    // date), issued on the acordo's day, its id in uso da empresa
    let t = &back.titulos[0];
    assert_eq!(
        (
            t.carteira.as_str(),
            t.pagador.nome.as_str(),
            t.juros.valor,
            t.juros.data,
            t.emissao,
            t.uso_empresa.trim()
        ),
        (
            "109",
            "JOSE DA CONCEICAO",
            Some(m("0.13")),
            Some(d("2027-03-11")),
            Some(d("2027-02-09")),
            "AC-9-1"
        )
    );
    // the ledger's installments carry the nosso números written
    let titles = l.titles().unwrap();
    let nn: Vec<_> = ["AC-9-1", "AC-9-2", "AC-9-3"]
        .iter()
        .map(|id| {
            titles
                .iter()
                .find(|(t, _)| t.id == *id)
                .unwrap()
                .0
                .nosso_numero
                .clone()
        })
        .collect();
    assert_eq!(nn, ["20000001", "20000002", "20000003"]);
}

/// The acordo's pedidos de baixa (Itaú CNAB 400 movimento 02) are pending instructions once the acordo is recorded
/// with its remessa ([`acordo::fechar_remessas`]): the step `baixa` of each original on the acordo's date, with
/// its days past due; the bank's "09 baixa simples" for each confirms it.
pub fn acordo_pedido_de_baixa_is_a_pending_instruction(l: &mut dyn ReguaLedger) {
    use instrucao::Estado::{Confirmada, Pendente};
    let reg = [itau_400_one_payer()];
    l.import_titles(&baixa::from_remessa(&reg[0].remessa).unwrap())
        .unwrap();
    let termos = Termos {
        id: "AC-9".into(),
        data: d("2027-02-09"),
        titulos: vec!["NF-1001".into(), "NF-1002".into()],
        parcelas: 3,
        primeiro_vencimento: d("2027-03-10"),
        desconto_encargos_pct: None,
    };
    let (a, w) = acordo::fechar_remessas(l, &termos, &reg, Some("30000001"), Some(7)).unwrap();
    assert_eq!(a.parcelas.len(), 3);
    assert_eq!(
        w[0].itens
            .iter()
            .map(|i| (i.titulo.as_str(), i.movimento.as_str()))
            .collect::<Vec<_>>(),
        [
            ("AC-9-1", "01"),
            ("AC-9-2", "01"),
            ("AC-9-3", "01"),
            ("NF-1001", "02"),
            ("NF-1002", "02")
        ]
    );
    let pend = |l: &mut dyn ReguaLedger| -> Vec<(String, Acao, i64, String, instrucao::Estado)> {
        l.instrucoes()
            .unwrap()
            .into_iter()
            .map(|i| {
                (
                    i.titulo,
                    i.acao,
                    i.etapa_dias,
                    i.instrucao.movimento,
                    i.estado,
                )
            })
            .collect()
    };
    // NF-1001 due 2026-12-15 (56 days before the acordo), NF-1002 due 2027-01-10 (30 days)
    assert_eq!(
        pend(l),
        [
            (s("NF-1001"), Acao::Baixa, 56, s("02"), Pendente),
            (s("NF-1002"), Acao::Baixa, 30, s("02"), Pendente)
        ]
    );
    assert!(l.history("NF-1001").unwrap().iter().any(|e| matches!(
        e,
        Event::Regua {
            acao: Acao::Baixa,
            ..
        }
    )));
    let ret = itau_retorno(
        "2027-02-11",
        410,
        &[("12345678", "09", &[]), ("12345679", "09", &[])],
    );
    l.apply(&ret).unwrap();
    let c = instrucao::conciliar(l, &ret).unwrap();
    assert_eq!(
        answered(&c),
        [
            (s("NF-1001"), Acao::Baixa, Confirmada, s("09")),
            (s("NF-1002"), Acao::Baixa, Confirmada, s("09"))
        ]
    );
    assert!(pend(l).iter().all(|p| p.4 == Confirmada));
}

/// Santander's CNAB 400 remessa fixture: NF-1001 (nosso número 00001234, R$ 127,50 due 2026-12-15, multa 2% from
/// 2026-12-16, juros R$ 0,13 a day) and NF-1002 (00001242, R$ 2.500,00 due 2027-01-10, no charges).
pub fn santander_400() -> RemessaRegistrada {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/033-santander/cnab400/remessa/remessa.rem"
    ))
    .unwrap();
    RemessaRegistrada::from_bytes(&bytes).unwrap()
}

/// A Santander CNAB 400 retorno: the fixture's header dated `date`, one entry per (nosso número, ocorrência),
/// written by cnab-core and read back (each ocorrência gets its kind and description from Santander's table).
pub fn santander_retorno(date: &str, entries: &[(&str, &str)]) -> cnab_core::Retorno {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/033-santander/cnab400/retorno/retorno.ret"
    ))
    .unwrap();
    let mut r = cnab_core::read_retorno(&fixture, cnab_core::ReadOptions::strict()).unwrap();
    let model = r.entries[1].clone();
    r.header.data_geracao = Some(d(date));
    r.entries = entries
        .iter()
        .map(|(nn, code)| {
            let mut e = model.clone();
            e.nosso_numero = (*nn).into();
            e.nosso_numero_dv = None;
            e.seu_numero = String::new();
            e.ocorrencia = Some(cnab_core::Ocorrencia {
                code: (*code).into(),
                kind: cnab_core::OcorrenciaKind::Desconhecida,
                description: String::new(),
            });
            e.motivos.clear();
            e.data_ocorrencia = Some(d(date));
            e
        })
        .collect();
    r.records.clear();
    let bytes = cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).unwrap();
    cnab_core::read_retorno(&bytes, cnab_core::ReadOptions::strict()).unwrap()
}

/// Reemissão tracked like the other instructions, on Santander CNAB 400 (06 alteração de vencimento, 47 alteração
/// do valor nominal; its retorno confirms them with 14 and 61):
/// - the régua's `reemissao` step 10 days after NF-1001's due date writes both movimentos and records each as a
///   pending instruction; the bank's 14 and 61 confirm them and the título is the reissued boleto: due
///   2027-01-04, face value the amount due then;
/// - `reemissao::reemitir` + `registrar` for NF-1002: only the 61 comes back, so its amount changes and its due
///   date does not (the alteração de vencimento stays pending).
pub fn reemissao_confirmed_changes_the_titulo(l: &mut dyn ReguaLedger) {
    use instrucao::Estado::{Confirmada, Pendente};
    let mut reg = [santander_400()];
    let titles = baixa::from_remessa(&reg[0].remessa).unwrap();
    // the remessa's header carries only the 20-digit código de transmissão; the conta cobrança (convênio) of its
    // títulos (detalhe 30-37) is the one the retorno's header carries (39-46), so the títulos match the retorno
    assert!(titles.iter().all(|t| t.convenio == "13000123"));
    l.import_titles(&titles).unwrap();
    let p = Politica::from_toml(
        "[[etapa]]\ndias = 10\nacao = \"reemissao\"\ncanal = \"banco\"\nprazo_dias = 10\n",
    )
    .unwrap();
    let run = regua::run_with(l, &p, d("2026-12-25"), |a| instrucao::preparar(a, &reg)).unwrap();
    assert_eq!(issued(&run), [(s("NF-1001"), Acao::Reemissao, 10)]);
    let a = &run.actions[0];
    // on the new due date 2027-01-04: 127.50 + multa 2% (2.55) + juros 0.13 × 20 days (16/12 to 04/01) = 132.65
    assert_eq!(
        (a.novo_vencimento, a.novo_valor),
        (Some(d("2027-01-04")), Some(dec("132.65")))
    );
    let out = instrucao::remessas(&run.actions, &reg, d("2026-12-25"), None).unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].itens,
        [
            (s("NF-1001"), Acao::Prorrogacao, s("06")),
            (s("NF-1001"), Acao::AlteracaoValor, s("47"))
        ]
    );
    let back = cnab_core::read_remessa(&out[0].bytes, cnab_core::ReadOptions::strict()).unwrap();
    assert_eq!(
        back.titulos
            .iter()
            .map(|t| (
                t.nosso_numero.as_str(),
                t.movimento.as_str(),
                t.vencimento,
                t.valor
            ))
            .collect::<Vec<_>>(),
        [
            ("00001234", "06", Some(d("2027-01-04")), dec("127.50")),
            ("00001234", "47", Some(d("2027-01-04")), dec("132.65"))
        ]
    );
    let pend: Vec<_> = l
        .instrucoes()
        .unwrap()
        .into_iter()
        .map(|i| (i.titulo, i.acao, i.estado, i.novo_vencimento, i.novo_valor))
        .collect();
    assert_eq!(
        pend,
        [
            (
                s("NF-1001"),
                Acao::AlteracaoValor,
                Pendente,
                Some(d("2027-01-04")),
                Some(dec("132.65"))
            ),
            (
                s("NF-1001"),
                Acao::Prorrogacao,
                Pendente,
                Some(d("2027-01-04")),
                None
            )
        ]
    );
    let titulo = |l: &mut dyn ReguaLedger, id: &str| {
        let t = l.titles().unwrap();
        t.into_iter().find(|(t, _)| t.id == id).unwrap().0
    };
    let ret = santander_retorno("2026-12-28", &[("00001234", "14"), ("00001234", "61")]);
    l.apply(&ret).unwrap();
    let c = instrucao::conciliar(l, &ret).unwrap();
    assert_eq!(
        answered(&c),
        [
            (s("NF-1001"), Acao::Prorrogacao, Confirmada, s("14")),
            (s("NF-1001"), Acao::AlteracaoValor, Confirmada, s("61"))
        ]
    );
    assert!(c.avisos.is_empty(), "{:?}", c.avisos);
    let t = titulo(l, "NF-1001");
    assert_eq!((t.vencimento, t.valor), (d("2027-01-04"), dec("132.65")));
    assert_eq!(t.multa.as_ref().unwrap().desde, Some(d("2027-01-05")));
    // nothing more is due until the new due date: the boleto's amount
    assert_eq!(
        baixa::valor_devido(&t, d("2027-01-04")).total,
        dec("132.65")
    );
    let ev: Vec<_> = l
        .history("NF-1001")
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            Event::Instrucao {
                acao,
                novo_vencimento,
                novo_valor,
                ..
            } => Some((acao, novo_vencimento, novo_valor)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ev,
        [
            (Acao::Prorrogacao, Some(d("2027-01-04")), None),
            (Acao::AlteracaoValor, None, Some(dec("132.65")))
        ]
    );
    // the same retorno again changes nothing more
    assert_eq!(instrucao::conciliar(l, &ret).unwrap(), Default::default());
    assert_eq!(titulo(l, "NF-1001").valor, dec("132.65"));

    // cnab reemissao's way, NF-1001 again after a partial payment: 38.03 received on 2027-01-10, reissued on
    // 2027-01-15 (11 days after its new due date) to 2027-01-25
    l.settle(&ManualSettlement {
        title_id: "NF-1001".into(),
        valor: m("38.03"),
        data: d("2027-01-10"),
        meio: Meio::Pix,
        por: "financeiro".into(),
        em: None,
        motivo: "parte por pix".into(),
    })
    .unwrap();
    let titles = l.titles().unwrap();
    let (t1, s1) = titles.iter().find(|(t, _)| t.id == "NF-1001").unwrap();
    assert_eq!((s1.status, s1.paid), (Status::Open, dec("38.03")));
    // the bank's valor nominal is now the 132.65 its 61 confirmed, not the 127.50 the remessa registered
    assert_eq!(instrucao::nominais_vigentes(l, &mut reg).unwrap(), 1);
    assert_eq!(reg[0].remessa.titulos[0].valor, dec("132.65"));
    let (r, bytes) =
        baixa::reemissao::reemitir(t1, s1, d("2027-01-15"), d("2027-01-25"), &reg, None).unwrap();
    // on 2027-01-25: 132.65 + multa 2% (2.653 → 2.65) + juros 0.13 × 21 days (05/01 to 25/01, 2.73) = 138.03,
    // less the 38.03 received = 100.00: the new valor nominal (no abatimento)
    assert_eq!(
        (r.devido.total, r.valor_atualizado, r.valor_nominal),
        (dec("138.03"), dec("100.00"), dec("100.00"))
    );
    let back = cnab_core::read_remessa(&bytes, cnab_core::ReadOptions::strict()).unwrap();
    assert_eq!(
        back.titulos
            .iter()
            .map(|t| (t.movimento.as_str(), t.valor))
            .collect::<Vec<_>>(),
        // the alteração de vencimento carries the bank's current valor nominal (the first reissue's 132.65)
        [("06", dec("132.65")), ("47", dec("100.00"))]
    );
    let keys = baixa::reemissao::registrar(l, &r, t1, s1, d("2027-01-15")).unwrap();
    assert_eq!(
        keys.iter()
            .map(|k| (k.acao, k.etapa_dias))
            .collect::<Vec<_>>(),
        [(Acao::Prorrogacao, 11), (Acao::AlteracaoValor, 11)]
    );
    let again = baixa::reemissao::registrar(l, &r, t1, s1, d("2027-01-15")).unwrap_err();
    assert!(again.to_string().contains("already recorded"), "{again}");
    // only the 61 comes back: the amount changes, the due date does not
    let ret = santander_retorno("2027-01-16", &[("00001234", "61")]);
    l.apply(&ret).unwrap();
    let c = instrucao::conciliar(l, &ret).unwrap();
    assert_eq!(
        answered(&c),
        [(s("NF-1001"), Acao::AlteracaoValor, Confirmada, s("61"))]
    );
    // face value 100.00 + the 38.03 received before: what is left to pay is the bank's 100.00
    let t = titulo(l, "NF-1001");
    assert_eq!((t.vencimento, t.valor), (d("2027-01-04"), dec("138.03")));
    let estados: Vec<_> = l
        .instrucoes()
        .unwrap()
        .into_iter()
        .filter(|i| i.enviada_em == d("2027-01-15"))
        .map(|i| (i.acao, i.estado))
        .collect();
    assert_eq!(
        estados,
        [
            (Acao::AlteracaoValor, Confirmada),
            (Acao::Prorrogacao, Pendente)
        ]
    );
    // a later instruction carries the latest confirmed nominal, 100.00: the régua's pedido de baixa 16 days after
    // the due date the bank holds (2027-01-04; NF-1002, due 2027-01-10, is not there yet)
    let mut reg = [santander_400()];
    assert_eq!(instrucao::nominais_vigentes(l, &mut reg).unwrap(), 1);
    let p =
        Politica::from_toml("[[etapa]]\ndias = 15\nacao = \"baixa\"\ncanal = \"banco\"\n").unwrap();
    let run = regua::run_with(l, &p, d("2027-01-20"), |a| instrucao::preparar(a, &reg)).unwrap();
    assert_eq!(issued(&run), [(s("NF-1001"), Acao::Baixa, 15)]);
    let out = instrucao::remessas(&run.actions, &reg, d("2027-01-20"), None).unwrap();
    let back = cnab_core::read_remessa(&out[0].bytes, cnab_core::ReadOptions::strict()).unwrap();
    assert_eq!(
        back.titulos
            .iter()
            .map(|t| (t.nosso_numero.as_str(), t.movimento.as_str(), t.valor))
            .collect::<Vec<_>>(),
        [("00001234", "02", dec("100.00"))]
    );
}

/// [`POLITICA`] with the `[acordo]` limits and a quebra 10 days after an installment's due date.
pub const POLITICA_QUEBRA: &str = r#"
inadimplente_apos_dias = 30

[acordo]
parcelas_max = 3
primeiro_vencimento_dias = 5
quebra_apos_dias = 10
quebra_canal = "email"

[[etapa]]
dias = -5
acao = "lembrete"
canal = "email"

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

/// The acordo of [`acordo_two_titles_three_parcelas`]: A (1,000.00 due 2026-03-10) and B (500.00 due 2026-03-20)
/// of Padaria Sol, on 2026-04-09, 25% off the encargos, in 3 installments of 510.84, 510.83, 510.83 due
/// 2026-05-31, 06-30 and 07-31; C (200.00 due 2026-06-20, juros only) of another payer.
pub fn acordo_ac1(l: &mut dyn ReguaLedger) -> acordo::Acordo {
    let mut c = titulo(
        "C",
        "10000003",
        "200.00",
        "2026-06-20",
        "98765432100",
        "Ana Lima",
    );
    c.multa = None;
    l.import_titles(&[
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
        c,
    ])
    .unwrap();
    acordo::fechar(
        l,
        &Termos {
            id: "AC-1".into(),
            data: d("2026-04-09"),
            titulos: vec!["A".into(), "B".into()],
            parcelas: 3,
            primeiro_vencimento: d("2026-05-31"),
            desconto_encargos_pct: Some(m("25")),
        },
    )
    .unwrap()
}

fn pay(l: &mut dyn ReguaLedger, id: &str, valor: &str, data: &str) {
    let o = l
        .settle(&ManualSettlement {
            title_id: id.into(),
            valor: m(valor),
            data: d(data),
            meio: Meio::Pix,
            por: "financeiro".into(),
            em: None,
            motivo: "parcela".into(),
        })
        .unwrap();
    assert_eq!(o.outcome, Outcome::Paid, "{id}");
}

fn status_of(l: &mut dyn ReguaLedger, id: &str) -> (Status, Decimal) {
    let t = l.titles().unwrap();
    let (_, s) = t.iter().find(|(t, _)| t.id == id).unwrap();
    (s.status, s.paid)
}

/// Installment 1 paid, installment 2 (due 2026-06-30) unpaid: nothing on 2026-07-10 (10 days late), the acordo
/// broken on 2026-07-11 (11 days) — once: the originals owe again what is due on them, less what the acordo got.
pub fn acordo_quebra(l: &mut dyn ReguaLedger) {
    let p = Politica::from_toml(POLITICA_QUEBRA).unwrap();
    let a = acordo_ac1(l);
    assert_eq!(a.valor_negociado, m("1532.50"));
    pay(l, "AC-1-1", "510.84", "2026-05-29");

    // 10 calendar days after 2026-06-30: not yet
    let r = regua::run(l, &p, d("2026-07-10")).unwrap();
    assert!(
        r.actions.iter().all(|a| a.acao != Acao::QuebraAcordo),
        "{:?}",
        issued(&r)
    );
    assert_eq!(
        issued(&r),
        [
            (s("C"), Acao::AvisoAtraso, 5),
            (s("AC-1-2"), Acao::AvisoAtraso, 5)
        ]
    );
    assert!(l.acordos().unwrap()[0].quebra.is_none());

    // 11 days: broken
    let r = regua::run(l, &p, d("2026-07-11")).unwrap();
    assert_eq!(
        issued(&r),
        [
            (s("AC-1-2"), Acao::QuebraAcordo, 11),
            (s("AC-1-2"), Acao::Baixa, 11),
            (s("AC-1-3"), Acao::Baixa, -20),
            // the originals open again, 4 months late: the payer's carta (A and B, C is another payer's)
            (s("A"), Acao::CartaCobranca, 30),
        ]
    );
    // C's aviso de atraso was issued on 07-10
    assert_eq!(r.already_issued, 1);
    let qa = &r.actions[0];
    assert_eq!(
        (
            qa.canal.as_str(),
            qa.data_etapa,
            qa.vencimento,
            qa.saldo,
            qa.pagador.nome.as_str()
        ),
        (
            "email",
            d("2026-07-11"),
            d("2026-06-30"),
            qa.saldo,
            "Padaria Sol"
        )
    );
    let q = qa.quebra.as_ref().unwrap();
    assert_eq!(
        (
            q.acordo.as_str(),
            q.data,
            q.quebra_apos_dias,
            q.parcela.as_str(),
            q.dias_atraso
        ),
        ("AC-1", d("2026-07-11"), 10, "AC-1-2", 11)
    );
    let parcelas: Vec<_> = q
        .parcelas
        .iter()
        .map(|p| (p.titulo.as_str(), p.valor, p.pago, p.baixada))
        .collect();
    assert_eq!(
        parcelas,
        [
            ("AC-1-1", m("510.84"), m("510.84"), false),
            ("AC-1-2", m("510.83"), m("0"), true),
            ("AC-1-3", m("510.83"), m("0"), true)
        ]
    );
    // paid under the acordo 510.84; written off 510.83 + 510.83 = 1021.66
    assert_eq!((q.pago_no_acordo, q.baixado), (m("510.84"), m("1021.66")));
    // on 2026-07-11, from each original's own due date (no acordo discount):
    //   A: 1000.00 + multa 2% 20.00 + juros 1% a.m. × 123/30 days (03-11 to 07-11) 41.00 = 1061.00;
    //      the 510.84 paid is credited to A (the oldest, up to its 1030.00 of the acordo's date): 1061.00 − 510.84
    //      = 550.16
    //   B: 500.00 + multa 10.00 + juros 500 × 1% × 113/30 = 18.8333… → 18.83 = 528.83, nothing credited
    // restored 550.16 + 528.83 = 1078.99 = the 1021.66 written off + the 10.83 discount lost + juros since the
    // acordo (A 41.00 − 10.00 = 31.00, B 18.83 − 3.33 = 15.50)
    let orig: Vec<_> = q
        .originais
        .iter()
        .map(|o| {
            (
                o.titulo.as_str(),
                o.devido.multa,
                o.devido.juros,
                o.devido.total,
                o.imputado,
                o.saldo,
            )
        })
        .collect();
    assert_eq!(
        orig,
        [
            (
                "A",
                m("20.00"),
                m("41.00"),
                m("1061.00"),
                m("510.84"),
                m("550.16")
            ),
            (
                "B",
                m("10.00"),
                m("18.83"),
                m("528.83"),
                m("0"),
                m("528.83")
            )
        ]
    );
    assert_eq!(q.saldo_restaurado, m("1078.99"));
    assert_eq!(
        m("1021.66") + m("10.83") + m("31.00") + m("15.50"),
        q.saldo_restaurado
    );
    // the carta lists the originals with their restored saldos
    let carta = r.actions[3].carta.as_ref().unwrap();
    assert_eq!(
        carta
            .titulos
            .iter()
            .map(|i| (i.titulo.as_str(), i.saldo))
            .collect::<Vec<_>>(),
        [("A", m("550.16")), ("B", m("528.83"))]
    );
    assert_eq!(carta.total, m("1078.99"));
    assert!(r.actions[3].inadimplente);

    // the ledger: originals open again (A credited), installments 2 and 3 written off, 1 settled
    assert_eq!(status_of(l, "A"), (Status::Open, m("510.84")));
    assert_eq!(status_of(l, "B"), (Status::Open, m("0")));
    assert_eq!(status_of(l, "AC-1-1"), (Status::Settled, m("510.84")));
    assert_eq!(status_of(l, "AC-1-2"), (Status::Renegotiated, m("0")));
    assert_eq!(status_of(l, "AC-1-3"), (Status::Renegotiated, m("0")));
    assert_eq!(l.acordos().unwrap()[0].quebra.as_ref(), Some(q));

    // the portfolio: A (1000.00 − 510.84), B and C open; the written-off installments apart; nothing twice
    let titles = l.titles().unwrap();
    let pf = baixa::portfolio(&titles, d("2026-07-11"));
    // devido: 550.16 + 528.83 + C 200.00 + juros 200 × 1% × 21/30 = 1.40 → 1280.39
    assert_eq!(
        (pf.open.count, pf.open.valor, pf.open.devido),
        (3, m("1189.16"), m("1280.39"))
    );
    assert_eq!(
        (pf.renegotiated.count, pf.renegotiated.valor),
        (2, m("1021.66"))
    );
    assert_eq!((pf.paid.count, pf.paid.valor), (1, m("510.84")));
    // the default report sees the payer again (it groups by the document as written: A's and B's are written two
    // ways)
    let dev = baixa::in_default(&titles, d("2026-07-11"), 30);
    assert_eq!(
        dev.iter()
            .map(|x| (x.documento.as_str(), x.total_devido))
            .collect::<Vec<_>>(),
        [
            ("12.345.678/0001-95", m("550.16")),
            ("12345678000195", m("528.83"))
        ]
    );

    // histories
    let mut ev = |id: &str| -> Vec<(String, NaiveDate, String, Decimal)> {
        l.history(id)
            .unwrap()
            .into_iter()
            .filter_map(|e| match e {
                Event::Acordo {
                    acordo,
                    data,
                    papel,
                    valor,
                } => Some((acordo, data, papel, valor)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        ev("A"),
        [
            (s("AC-1"), d("2026-04-09"), s("original"), m("1030.00")),
            (s("AC-1"), d("2026-07-11"), s("restaurado"), m("550.16"))
        ]
    );
    assert_eq!(
        ev("AC-1-3"),
        [
            (s("AC-1"), d("2026-04-09"), s("parcela"), m("510.83")),
            (s("AC-1"), d("2026-07-11"), s("quebra"), m("510.83"))
        ]
    );
    assert_eq!(ev("AC-1-1").len(), 1);
    assert!(l.history("AC-1-2").unwrap().iter().any(|e| matches!(
        e,
        Event::Regua {
            acao: Acao::QuebraAcordo,
            etapa_dias: 11,
            ..
        }
    )));

    // again on the same date: nothing new; the quebra, the carta's two títulos and C's aviso counted as issued
    let again = regua::run(l, &p, d("2026-07-11")).unwrap();
    assert_eq!((again.actions.len(), again.already_issued), (0, 4));
    // and the next days: never broken again
    let later = regua::run(l, &p, d("2026-08-20")).unwrap();
    assert!(
        later.actions.iter().all(|a| a.acao != Acao::QuebraAcordo),
        "{:?}",
        issued(&later)
    );
    assert_eq!(
        l.acordos().unwrap()[0].quebra.as_ref().unwrap().data,
        d("2026-07-11")
    );
}

/// Installments 1 and 2 paid: nothing on 2026-07-11; installment 3 paid too: an acordo fully paid is never broken.
pub fn acordo_paid_is_never_broken(l: &mut dyn ReguaLedger) {
    let p = Politica::from_toml(POLITICA_QUEBRA).unwrap();
    acordo_ac1(l);
    pay(l, "AC-1-1", "510.84", "2026-05-29");
    pay(l, "AC-1-2", "510.83", "2026-06-30");
    let r = regua::run(l, &p, d("2026-07-11")).unwrap();
    assert!(r.actions.iter().all(|a| a.acao != Acao::QuebraAcordo));
    assert_eq!(status_of(l, "A").0, Status::Renegotiated);
    pay(l, "AC-1-3", "510.83", "2026-07-31");
    let r = regua::run(l, &p, d("2026-12-31")).unwrap();
    assert!(r.actions.iter().all(|a| a.acao != Acao::QuebraAcordo));
    assert!(l.acordos().unwrap()[0].quebra.is_none());
    assert_eq!(status_of(l, "B").0, Status::Renegotiated);
    // the plan of a run says the same as the run
    assert!(regua::plan(l, &p, d("2026-12-31"))
        .unwrap()
        .actions
        .is_empty());
}

/// The Itaú acordo of [`acordo_pedido_de_baixa_is_a_pending_instruction`] taken to the bank, then broken: the
/// installments still open get Itaú's pedido de baixa (CNAB 400 movimento 02) in the run's instruction remessa,
/// with the nosso números the acordo's remessa registered them with, pending until the bank answers.
pub fn acordo_quebra_pedido_de_baixa(l: &mut dyn ReguaLedger) {
    let reg = itau_400_one_payer();
    l.import_titles(&baixa::from_remessa(&reg.remessa).unwrap())
        .unwrap();
    let termos = Termos {
        id: "AC-9".into(),
        data: d("2027-02-09"),
        titulos: vec!["NF-1001".into(), "NF-1002".into()],
        parcelas: 3,
        primeiro_vencimento: d("2027-03-10"),
        desconto_encargos_pct: None,
    };
    let (a, w) = acordo::fechar_remessas(
        l,
        &termos,
        std::slice::from_ref(&reg),
        Some("30000001"),
        Some(7),
    )
    .unwrap();
    let registradas = [reg, RemessaRegistrada::from_bytes(&w[0].bytes).unwrap()];
    let p = Politica::from_toml(
        "[acordo]\nparcelas_max = 3\nprimeiro_vencimento_dias = 5\nquebra_apos_dias = 15\n",
    )
    .unwrap();
    // installment 1 (due 2027-03-10) unpaid: the break came due 16 days later, on 2027-03-26; the job did not run
    // from then until 2027-03-30: the break is issued late (no later step overtakes it), counted from its day
    assert!(regua::plan(l, &p, d("2027-03-25"))
        .unwrap()
        .actions
        .is_empty());
    let plan = regua::plan(l, &p, d("2027-03-30")).unwrap();
    let r = regua::run_with(l, &p, d("2027-03-30"), |acts| {
        instrucao::preparar(acts, &registradas)?;
        instrucao::remessas(acts, &registradas, d("2027-03-30"), Some(9)).map(|_| ())
    })
    .unwrap();
    assert_eq!(issued(&plan), issued(&r));
    assert_eq!(
        issued(&r),
        [
            (s("AC-9-1"), Acao::QuebraAcordo, 16),
            (s("AC-9-1"), Acao::Baixa, 20),
            (s("AC-9-2"), Acao::Baixa, -11),
            (s("AC-9-3"), Acao::Baixa, -41)
        ]
    );
    assert_eq!(
        (
            r.actions[0].canal.as_str(),
            r.actions[0].data_etapa,
            r.actions[0].quebra.as_ref().unwrap().dias_atraso
        ),
        ("carta", d("2027-03-26"), 20)
    );
    assert_eq!(r.actions[0].quebra.as_ref().unwrap().pago_no_acordo, m("0"));
    let out = instrucao::remessas(&r.actions, &registradas, d("2027-03-30"), Some(9)).unwrap();
    assert_eq!(out.len(), 1);
    let back = cnab_core::read_remessa(&out[0].bytes, cnab_core::ReadOptions::strict()).unwrap();
    let rows: Vec<_> = back
        .titulos
        .iter()
        .map(|t| (t.movimento.clone(), t.nosso_numero.clone(), t.valor))
        .collect();
    let v = |k: usize| a.parcelas[k].valor;
    assert_eq!(
        rows,
        [
            (s("02"), s("30000001"), v(0)),
            (s("02"), s("30000002"), v(1)),
            (s("02"), s("30000003"), v(2))
        ]
    );
    // pending instructions: the acordo's two pedidos de baixa and the three of the break
    let pend: Vec<_> = l
        .instrucoes()
        .unwrap()
        .into_iter()
        .filter(|i| i.enviada_em == d("2027-03-30"))
        .map(|i| (i.titulo, i.acao, i.instrucao.movimento, i.estado))
        .collect();
    assert_eq!(
        pend,
        [
            (
                s("AC-9-1"),
                Acao::Baixa,
                s("02"),
                instrucao::Estado::Pendente
            ),
            (
                s("AC-9-2"),
                Acao::Baixa,
                s("02"),
                instrucao::Estado::Pendente
            ),
            (
                s("AC-9-3"),
                Acao::Baixa,
                s("02"),
                instrucao::Estado::Pendente
            )
        ]
    );
    // the originals owe again from their own due dates
    assert_eq!(status_of(l, "NF-1001").0, Status::Open);
    assert_eq!(status_of(l, "NF-1002").0, Status::Open);
}
