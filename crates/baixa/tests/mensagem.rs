//! The régua's messages rendered from their modelos (`baixa::mensagem`): the exact text for a reminder and for a
//! carta listing a payer's títulos, HTML escaping, and the errors a modelo can have.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod regua_scenarios;

use std::collections::BTreeMap;

use baixa::mensagem::{self, Modelos};
use baixa::regua::{self, Politica};
use baixa::{Ledger, MemoryLedger};
use regua_scenarios::{d, titulo};

const POLITICA: &str = r#"
[[etapa]]
dias = -5
acao = "lembrete"
canal = "email"
modelo = "lembrete.txt"

[[etapa]]
dias = 30
acao = "carta_cobranca"
canal = "carta"
modelo = "carta.html"
agrupar_por_pagador = true
"#;

const LEMBRETE: &str = "Olá, {{ pagador.nome }}!\n\
O boleto {{ titulo.seu_numero }} de {{ titulo.valor | brl }} vence em {{ titulo.vencimento | data }}.\n\
{% if titulo.segunda_via %}Segunda via: {{ titulo.segunda_via }}\n{% endif %}";

const CARTA: &str = "<p>{{ pagador.nome }}, em {{ data | data }} constam em aberto:</p>\n<ul>\n\
{% for t in titulos %}<li>{{ t.seu_numero }}: {{ t.valor | brl }}, vencido em {{ t.vencimento | data }} \
({{ t.dias_atraso }} dias), hoje {{ t.valor_atualizado | brl }}</li>\n{% endfor %}</ul>\n\
<p>Total: {{ total | brl }}</p>";

fn ledger() -> MemoryLedger {
    let mut l = MemoryLedger::new();
    l.import_titles(&[
        titulo(
            "A",
            "1",
            "1000.00",
            "2026-03-10",
            "12345678000195",
            "Padaria <Sol> & Cia",
        ),
        titulo(
            "B",
            "2",
            "500.00",
            "2026-03-20",
            "12345678000195",
            "Padaria <Sol> & Cia",
        ),
    ])
    .unwrap();
    l
}

fn run(l: &mut MemoryLedger, date: &str, links: &BTreeMap<String, String>) -> regua::ReguaRun {
    let p = Politica::from_toml(POLITICA).unwrap();
    let m = Modelos::new([("lembrete.txt", LEMBRETE), ("carta.html", CARTA)]).unwrap();
    let date = d(date);
    regua::run_with(l, &p, date, |a| mensagem::preparar(a, &m, date, links)).unwrap()
}

#[test]
fn a_reminder_with_its_link() {
    let mut l = ledger();
    let links = BTreeMap::from([("A".to_string(), "https://pague.example/b/abc".to_string())]);
    let r = run(&mut l, "2026-03-05", &links);
    assert_eq!(
        r.actions[0].mensagem.as_deref(),
        Some(
            "Olá, Padaria <Sol> & Cia!\nO boleto A de R$ 1.000,00 vence em 10/03/2026.\n\
             Segunda via: https://pague.example/b/abc\n"
        )
    );
    // B's reminder: no link given, the block is left out
    let r = run(&mut l, "2026-03-15", &links);
    assert_eq!(
        r.actions[0].mensagem.as_deref(),
        Some("Olá, Padaria <Sol> & Cia!\nO boleto B de R$ 500,00 vence em 20/03/2026.\n")
    );
}

/// One carta for the payer on 2026-04-09, listing A (30 days late: 1000 + multa 2% 20.00 + juros 1% a.m. for 30
/// days 10.00 = 1030.00) and B (20 days: 500 + 10.00 + 500 × 1% × 20/30 = 3.33 → 513.33); an .html modelo escapes
/// the payer's name.
#[test]
fn a_carta_listing_the_payers_titulos() {
    let mut l = ledger();
    let r = run(&mut l, "2026-04-09", &BTreeMap::new());
    let cartas: Vec<_> = r.actions.iter().filter(|a| a.carta.is_some()).collect();
    assert_eq!(cartas.len(), 1);
    assert_eq!(
        cartas[0].mensagem.as_deref(),
        Some(
            "<p>Padaria &lt;Sol&gt; &amp; Cia, em 09/04/2026 constam em aberto:</p>\n<ul>\n\
             <li>A: R$ 1.000,00, vencido em 10/03/2026 (30 dias), hoje R$ 1.030,00</li>\n\
             <li>B: R$ 500,00, vencido em 20/03/2026 (20 dias), hoje R$ 513,33</li>\n</ul>\n\
             <p>Total: R$ 1.543,33</p>"
        )
    );
}

#[test]
fn modelo_errors_record_nothing() {
    let p = Politica::from_toml(POLITICA).unwrap();
    // a misspelt variable is an error naming it, and nothing is issued
    let m = Modelos::new([("lembrete.txt", "{{ pagador.nom }}"), ("carta.html", "")]).unwrap();
    let mut l = ledger();
    let date = d("2026-03-05");
    let e = regua::run_with(&mut l, &p, date, |a| {
        mensagem::preparar(a, &m, date, &BTreeMap::new())
    })
    .unwrap_err()
    .to_string();
    assert!(e.contains("título A: modelo lembrete.txt: "), "{e}");
    assert!(e.contains("undefined"), "{e}");
    assert_eq!(regua::plan(&mut l, &p, date).unwrap().actions.len(), 1);
    // a syntax error names the modelo and the line
    let e = Modelos::new([("carta.html", "<p>\n{% if %}")]).unwrap_err();
    assert_eq!(e.modelo, "carta.html");
    assert!(e.message.contains("line 2"), "{e}");
    // a filter on a value that is not an amount
    let m = Modelos::new([
        ("lembrete.txt", "{{ pagador.nome | brl }}"),
        ("carta.html", ""),
    ])
    .unwrap();
    let e = regua::run_with(&mut l, &p, date, |a| {
        mensagem::preparar(a, &m, date, &BTreeMap::new())
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("brl: \"Padaria <Sol> & Cia\" is not an amount"),
        "{e}"
    );
    // a runaway loop runs out of fuel
    let m = Modelos::new([
        (
            "lembrete.txt",
            "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
        ),
        ("carta.html", ""),
    ])
    .unwrap();
    let e = regua::run_with(&mut l, &p, date, |a| {
        mensagem::preparar(a, &m, date, &BTreeMap::new())
    })
    .unwrap_err()
    .to_string();
    assert!(e.contains("fuel"), "{e}");
}

#[test]
fn modelos_read_from_the_policy_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lembrete.txt"), LEMBRETE).unwrap();
    let p = Politica::from_toml(POLITICA).unwrap();
    let e = Modelos::carregar(&p, dir.path()).unwrap_err();
    assert_eq!(e.modelo, "carta.html");
    std::fs::write(dir.path().join("carta.html"), CARTA).unwrap();
    let m = Modelos::carregar(&p, dir.path()).unwrap();
    assert!(m.has("lembrete.txt") && m.has("carta.html"));
}
