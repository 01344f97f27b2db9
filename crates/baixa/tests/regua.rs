//! The régua de cobrança on real dates: which steps each run issues, once, for the memory and SQLite ledgers (the
//! scenarios themselves are in `regua_scenarios`, which the PostgreSQL tests run too).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;
mod regua_scenarios;

use baixa::regua::{self, Acao, Politica};
use baixa::{Event, Ledger, ManualSettlement, MemoryLedger, ReguaLedger, SqliteLedger, Titulo};
use chrono::NaiveDate;
use regua_scenarios::*;

#[test]
fn every_scenario_memory() {
    for (name, f) in SCENARIOS {
        println!("scenario {name}");
        f(&mut MemoryLedger::new());
    }
}

#[test]
fn every_scenario_sqlite() {
    for (name, f) in SCENARIOS {
        println!("scenario {name}");
        f(&mut SqliteLedger::open_in_memory().unwrap());
    }
}

#[test]
fn successive_dates_sqlite_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    successive_dates(&mut SqliteLedger::open(&path).unwrap());
    // a reopened ledger remembers what was issued
    let p = Politica::from_toml(POLITICA).unwrap();
    let mut l = SqliteLedger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), baixa::schema::latest());
    let r = regua::run(&mut l, &p, d("2026-04-19")).unwrap();
    assert_eq!((r.actions.len(), r.already_issued), (0, 2));
}

#[test]
fn policy_quebra_keys_checked() {
    let base = "[acordo]\nparcelas_max = 3\nprimeiro_vencimento_dias = 5\n";
    let e = Politica::from_toml(&format!("{base}quebra_apos_dias = 0\n"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("quebra_apos_dias must be 1 to 3650, found 0"),
        "{e}"
    );
    let e = Politica::from_toml(&format!("{base}quebra_canal = \" \"\n"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("quebra_canal is empty"), "{e}");
    let e = Politica::from_toml("[[etapa]]\ndias = 10\nacao = \"quebra_acordo\"\ncanal = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("etapa 1: acao = \"quebra_acordo\" is not a step of its own"),
        "{e}"
    );
    let p = Politica::from_toml(&format!("{base}quebra_apos_dias = 10\n")).unwrap();
    assert_eq!(p.acordo.unwrap().quebra_apos_dias, Some(10));
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
    fn acordo_record(
        &mut self,
        a: &baixa::acordo::Acordo,
        parcelas: &[Titulo],
    ) -> Result<(), baixa::LedgerError> {
        self.0.acordo_record(a, parcelas)
    }
    fn acordos(&mut self) -> Result<Vec<baixa::acordo::Acordo>, baixa::LedgerError> {
        self.0.acordos()
    }
    fn instrucoes(
        &mut self,
    ) -> Result<Vec<baixa::instrucao::InstrucaoEnviada>, baixa::LedgerError> {
        self.0.instrucoes()
    }
    fn instrucoes_responder(
        &mut self,
        answers: &[(
            baixa::instrucao::InstrucaoEnviada,
            baixa::instrucao::Resposta,
        )],
    ) -> Result<Vec<bool>, baixa::LedgerError> {
        self.0.instrucoes_responder(answers)
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
            .execute_batch(common::SQLITE_BACK_TO_V6)
            .unwrap();
        l.connection()
            .execute_batch(
                "DROP TABLE acordo_titulos; DROP TABLE acordos; DROP TABLE regua_actions; DROP TABLE segunda_via_links; \
                 DROP TABLE instrucao_respostas; DELETE FROM baixa_schema_version WHERE version >= 2;",
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

/// A confirmed prorrogação whose new due date the título's boleto cannot carry (a value above 99,999,999.99 has
/// no fator de vencimento: its barcode's positions 6-19 are all value) is not silent: the linha digitável is
/// removed and the conciliation warns, naming the título and the field.
#[test]
fn linha_that_cannot_follow_is_a_warning() {
    let reg = [itau_400()];
    let mut titles = baixa::from_remessa(&reg[0].remessa).unwrap();
    let t = titles.iter_mut().find(|t| t.id == "NF-1002").unwrap();
    let old = boleto::LinhaDigitavel::parse(t.linha_digitavel.as_deref().unwrap())
        .unwrap()
        .barcode();
    t.valor = m("150000000.00");
    let big = boleto::Barcode::build(old.banco(), None, t.valor, old.campo_livre()).unwrap();
    t.linha_digitavel = Some(big.linha_digitavel().as_str().to_string());
    let mut l = MemoryLedger::new();
    l.import_titles(&titles).unwrap();
    let titles = l.titles().unwrap();
    let (t, st) = titles.iter().find(|(t, _)| t.id == "NF-1002").unwrap();
    let (r, _) =
        baixa::reemissao::reemitir(t, st, d("2027-01-20"), d("2027-01-30"), &reg, None).unwrap();
    assert_eq!(r.linha_digitavel, None);
    assert_eq!(
        r.aviso.as_deref(),
        Some(
            "reemissão de NF-1002: linha_digitavel: the boleto due 2027-01-30 of 150000000.00 has no linha \
             digitável (valor 150000000.00: above 99,999,999.99 the value uses the fator positions: no due date \
             allowed)"
        )
    );
    baixa::reemissao::registrar(&mut l, &r, t, st, d("2027-01-20")).unwrap();
    let ret = itau_retorno("2027-01-22", 401, &[("12345679", "14", &[])]);
    l.apply(&ret).unwrap();
    let c = baixa::instrucao::conciliar(&mut l, &ret).unwrap();
    assert_eq!(c.instrucoes.len(), 1);
    assert_eq!(
        c.avisos,
        [
            "título NF-1002: linha_digitavel: the confirmed prorrogacao leaves no linha digitável (valor \
             150000000.00: above 99,999,999.99 the value uses the fator positions: no due date allowed); the \
             título's is removed, not kept with the old due date"
        ]
    );
    let t = l.titles().unwrap();
    let t = &t.iter().find(|(t, _)| t.id == "NF-1002").unwrap().0;
    assert_eq!(
        (t.vencimento, t.linha_digitavel.as_deref()),
        (d("2027-01-30"), None)
    );
}

/// The policy's `[acordo]` limits give each carta de cobrança its proposal: A (R$ 1.000,00 due 2026-03-10, multa
/// 2%, juros 1% a month) and B (R$ 500,00 due 2026-03-25) of one payer, the carta on 2026-04-09.
#[test]
fn carta_carries_the_acordo_proposal() {
    let politica = |acordo: &str| {
        Politica::from_toml(&format!(
            "[acordo]\n{acordo}\n[[etapa]]\ndias = 30\nacao = \"carta_cobranca\"\ncanal = \"carta\"\n\
             agrupar_por_pagador = true\n"
        ))
    };
    let mut l = MemoryLedger::new();
    l.import_titles(&[
        titulo("A", "1", "1000.00", "2026-03-10", "111", "Ana"),
        titulo("B", "2", "500.00", "2026-03-25", "111", "Ana"),
    ])
    .unwrap();
    // 10% off the principal, no entrada, no interest, four installments from the carta's date:
    // A 1,000.00 + multa 20.00 + juros 30 days × 1/30 % = 10.00 → 1,030.00; B 500.00 + multa 10.00 + juros
    // 15 days (2.50) → 512.50; saldo 1,542.50, encargos 42.50, principal 1,500.00, desconto 150.00,
    // 1,392.50 in four: 348.125 cut to 348.12, the 2 centavos left over to the first (348.14)
    let p = politica(
        "parcelas_max = 4\ndesconto_max_pct = \"10\"\ndesconto_sobre = \"principal\"\nprimeiro_vencimento_dias = 0",
    )
    .unwrap();
    let r = regua::plan(&mut l, &p, d("2026-04-09")).unwrap();
    let pr = r.actions[0].proposta.as_ref().unwrap();
    assert_eq!(pr.titulos, [s("A"), s("B")]);
    assert_eq!(
        (
            pr.saldo_total,
            pr.encargos,
            pr.principal,
            pr.desconto,
            pr.valor_negociado
        ),
        (
            m("1542.50"),
            m("42.50"),
            m("1500.00"),
            m("150.00"),
            m("1392.50")
        )
    );
    assert_eq!(pr.entrada, None);
    assert_eq!(
        pr.parcelas
            .iter()
            .map(|x| (x.numero, x.vencimento, x.valor))
            .collect::<Vec<_>>(),
        [
            (1, d("2026-04-09"), m("348.14")),
            (2, d("2026-05-09"), m("348.12")),
            (3, d("2026-06-09"), m("348.12")),
            (4, d("2026-07-09"), m("348.12"))
        ]
    );
    assert_eq!((pr.juros, pr.total), (m("0.00"), m("1392.50")));
    // no [acordo]: no proposal
    let bare = Politica::from_toml(
        "[[etapa]]\ndias = 30\nacao = \"carta_cobranca\"\ncanal = \"carta\"\nagrupar_por_pagador = true\n",
    )
    .unwrap();
    assert_eq!(
        regua::plan(&mut l, &bare, d("2026-04-09")).unwrap().actions[0].proposta,
        None
    );
    // every key is checked
    for (bad, msg) in [
        (
            "parcelas_max = 0\nprimeiro_vencimento_dias = 0",
            "parcelas_max must be 1 to 120, found 0",
        ),
        (
            "parcelas_max = 2\nentrada_min_pct = \"100\"\nprimeiro_vencimento_dias = 0",
            "entrada_min_pct must be 0 to less than 100, found 100",
        ),
        (
            "parcelas_max = 2\njuros_parcela_pct_mes = \"12\"\nprimeiro_vencimento_dias = 0",
            "juros_parcela_pct_mes must be 0 to 10, found 12",
        ),
        (
            "parcelas_max = 2\nprimeiro_vencimento_dias = 0\nparcela_max = 3",
            "unknown field `parcela_max`",
        ),
        (
            "parcelas_max = 2",
            "missing field `primeiro_vencimento_dias`",
        ),
        (
            "parcelas_max = 2\ndesconto_max_pct = 0.5\nprimeiro_vencimento_dias = 0",
            "not as a floating-point number",
        ),
    ] {
        let e = politica(bad).unwrap_err().to_string();
        assert!(e.contains(msg), "{bad}: {e}");
    }
}

/// Two runs that found the same break: the second to record it is refused whole (the acordo is already broken),
/// nothing of it recorded, on the memory and SQLite ledgers.
#[test]
fn a_break_is_recorded_once() {
    fn check(l: &mut dyn ReguaLedger) {
        acordo_ac1(l);
        let titles = l.titles().unwrap();
        let q =
            baixa::acordo::quebras(&l.acordos().unwrap(), &titles, 10, d("2026-06-11")).unwrap();
        // installment 1 (due 2026-05-31) open 11 days
        assert_eq!(
            q.iter().map(|q| q.parcela.as_str()).collect::<Vec<_>>(),
            ["AC-1-1"]
        );
        l.regua_record_quebras(d("2026-06-11"), &q, &[]).unwrap();
        let before = (l.titles().unwrap(), l.history("A").unwrap().len());
        let e = l
            .regua_record_quebras(d("2026-06-11"), &q, &[])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("acordo AC-1: cannot be broken: already broken"),
            "{e}"
        );
        assert_eq!((l.titles().unwrap(), l.history("A").unwrap().len()), before);
        // nothing left to break
        let titles = l.titles().unwrap();
        assert!(
            baixa::acordo::quebras(&l.acordos().unwrap(), &titles, 10, d("2026-09-01"))
                .unwrap()
                .is_empty()
        );
    }
    check(&mut MemoryLedger::new());
    check(&mut SqliteLedger::open_in_memory().unwrap());
}
