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

/// The title's linha digitável and PIX in a modelo: a título registered by a remessa with the Itaú manual's example
/// (agência 0057, conta 12345-7, carteira 110, nosso número 12345678, R$ 123,45, 01/05/2002: Itaú "Cobrança
/// Bancária" manual, Mar 2015, anexos 2-4) gets the manual's linha digitável; a titles file may give the linha and
/// the PIX copia e cola, checked on import.
#[test]
fn linha_digitavel_and_pix_in_the_modelos() {
    // the Itaú CNAB 400 remessa fixture (its header: agência 0057, conta 12345-7), its first título set to the
    // manual's example
    let mut r = cnab_core::read_remessa(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/341-itau/cnab400/remessa/remessa.rem"
        ))
        .unwrap(),
        cnab_core::ReadOptions::strict(),
    )
    .unwrap();
    assert_eq!(
        (
            r.header.beneficiario.agencia.as_str(),
            r.header.beneficiario.conta.as_str()
        ),
        ("0057", "12345")
    );
    r.titulos.truncate(1);
    let t = &mut r.titulos[0];
    t.carteira = "110".into();
    t.nosso_numero = "12345678".into();
    t.valor = "123.45".parse().unwrap();
    t.vencimento = Some(d("2002-05-01"));
    let titles = baixa::from_remessa(&r).unwrap();
    assert_eq!(
        titles[0].linha_digitavel.as_deref(),
        Some("34191101213456788005871234570001616670000012345")
    );
    let mut l = MemoryLedger::new();
    l.import_titles(&titles).unwrap();
    let p = Politica::from_toml(
        "[[etapa]]\ndias = -1\nacao = \"lembrete\"\ncanal = \"sms\"\nmodelo = \"l.txt\"\n",
    )
    .unwrap();
    let m = Modelos::new([(
        "l.txt",
        "{{ titulo.linha_digitavel }}|{{ titulo.linha_digitavel_numeros }}|\
         {% if titulo.pix %}{{ titulo.pix }}{% else %}sem pix{% endif %}",
    )])
    .unwrap();
    let mut r = regua::plan(&mut l, &p, d("2002-04-30")).unwrap();
    mensagem::preparar(&mut r.actions, &m, d("2002-04-30"), &BTreeMap::new()).unwrap();
    assert_eq!(
        r.actions[0].mensagem.as_deref(),
        Some(
            "34191.10121 34567.880058 71234.570001 6 16670000012345|\
             34191101213456788005871234570001616670000012345|sem pix"
        )
    );
    assert_eq!(
        r.actions[0].linha_digitavel.as_deref(),
        Some("34191101213456788005871234570001616670000012345")
    );

    // a titles file with the linha (as printed) and a PIX copia e cola (the static BR Code of the Banco Central's
    // "Manual de Padrões para Iniciação do Pix" 2.6.2, §1.5.4)
    let pix = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";
    let csv = format!(
        "id,banco,nosso_numero,valor,vencimento,linha_digitavel,pix\n\
         X,341,12345678,123.45,2002-05-01,34191.10121 34567.880058 71234.570001 6 16670000012345,{pix}\n"
    );
    let t = baixa::titles_from_csv(csv.as_bytes()).unwrap();
    assert_eq!(
        (t[0].linha_digitavel.as_deref(), t[0].pix.as_deref()),
        (
            Some("34191101213456788005871234570001616670000012345"),
            Some(pix)
        )
    );
    let mut l = MemoryLedger::new();
    l.import_titles(&t).unwrap();
    let mut r = regua::plan(&mut l, &p, d("2002-04-30")).unwrap();
    mensagem::preparar(&mut r.actions, &m, d("2002-04-30"), &BTreeMap::new()).unwrap();
    assert!(r.actions[0]
        .mensagem
        .as_deref()
        .unwrap()
        .ends_with(&format!("|{pix}")));
    // a wrong check digit, another bank's linha, a PIX with a bad CRC: refused with row and column
    let bad = |col: &str, v: &str| {
        baixa::titles_from_csv(
            format!("id,banco,nosso_numero,valor,vencimento,{col}\nX,341,1,1.00,2002-05-01,{v}\n")
                .as_bytes(),
        )
        .unwrap_err()
        .to_string()
    };
    assert!(bad(
        "linha_digitavel",
        "34191101223456788005871234570001616670000012345"
    )
    .starts_with("row 2, column linha_digitavel: "));
    assert_eq!(
        bad(
            "linha_digitavel",
            "00190.00009 01238.798977 77700.168188 3 37690000013500"
        ),
        "row 2, column linha_digitavel: of bank 001, the title's is 341"
    );
    assert!(bad("pix", &pix.replace("1D3D", "1D3E")).starts_with("row 2, column pix: "));
}
