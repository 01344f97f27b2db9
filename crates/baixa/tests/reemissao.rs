//! Reemissão (`baixa::reemissao`): the movimentos per bank, and an overdue Itaú título reissued.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use baixa::instrucao::{movimento, RemessaRegistrada};
use baixa::reemissao::{movimento_valor, reemitir};
use baixa::regua::Acao;
use baixa::TitleState;
use chrono::NaiveDate;
use cnab_core::{Bank, FileKind, Layout};

/// The retorno codes that confirm an instruction (`baixa::instrucao::sinal`), in the bank's retorno table.
fn confirmed_by(bank: Bank, layout: Layout, acao: Acao) -> String {
    use baixa::instrucao::{sinal, Sinal};
    let codes: Vec<&str> = cnab_core::banks::spec(bank.code())
        .and_then(|s| s.layout(layout, FileKind::Retorno, ""))
        .map(|l| {
            l.ocorrencias
                .iter()
                .filter(|o| sinal(o.kind, o.description) == Sinal::Confirma(acao))
                .map(|o| o.code)
                .collect()
        })
        .unwrap_or_default();
    if codes.is_empty() {
        "—".into()
    } else {
        codes.join(", ")
    }
}

/// Every bank's (layout, alteração de vencimento and the retorno codes confirming it, alteração de valor and the
/// codes confirming it) as its remessa and retorno tables give them.
fn table() -> Vec<String> {
    let mut out = Vec::new();
    for b in cnab_core::banks::ALL {
        for layout in [Layout::Cnab240, Layout::Cnab400] {
            let bank = Bank::new(b.code);
            if b.layout(layout, FileKind::Remessa, "").is_none() {
                continue;
            }
            let v = movimento(bank, layout, "", Acao::Prorrogacao)
                .map(|(c, _)| c.to_string())
                .unwrap_or_else(|_| "—".into());
            let a =
                movimento_valor(bank, layout, "").map_or("—".to_string(), |(c, _)| c.to_string());
            let vc = if v == "—" {
                "—".to_string()
            } else {
                confirmed_by(bank, layout, Acao::Prorrogacao)
            };
            let ac = if a == "—" {
                "—".to_string()
            } else {
                confirmed_by(bank, layout, Acao::AlteracaoValor)
            };
            out.push(format!(
                "| {:03} {} | CNAB {} | {v} | {vc} | {a} | {ac} |",
                b.code,
                b.name,
                layout.number()
            ));
        }
    }
    out
}

/// The table of docs/reemissao.md, as the banks' remessa tables in cnab-core give it.
#[test]
fn reemissao_por_banco() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/reemissao.md"
    ))
    .unwrap();
    let rows: Vec<String> = doc
        .lines()
        .filter(|l| {
            l.starts_with("| 0")
                || l.starts_with("| 1")
                || l.starts_with("| 2")
                || l.starts_with("| 3")
                || l.starts_with("| 4")
                || l.starts_with("| 6")
                || l.starts_with("| 7")
        })
        .map(|l| {
            // the doc's last column says what the reissue is; the test compares the codes
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            format!(
                "| {} | {} | {} | {} | {} | {} |",
                cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]
            )
        })
        .collect();
    let want = table();
    if rows != want {
        panic!("docs/reemissao.md's table should be:\n{}", want.join("\n"));
    }
}

fn fixture(bank: &str) -> RemessaRegistrada {
    RemessaRegistrada::from_bytes(
        &std::fs::read(format!(
            "{}/../../fixtures/{bank}/cnab400/remessa/remessa.rem",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Itaú CNAB 400 has no alteração de valor: NF-1001 (R$ 127,50 due 2026-12-15, juros R$ 0,13 a day) reissued on
/// 2027-01-14 to 2027-01-20 only moves its due date (movimento 06); the amount due then (127.50 + 36 days × 0.13 =
/// 132.18) is reported, the boleto keeps its face value; the linha digitável gets the new fator (1697).
#[test]
fn itau_reissue_moves_the_due_date_only() {
    let reg = [fixture("341-itau")];
    let titles = baixa::from_remessa(&reg[0].remessa).unwrap();
    let t = titles.iter().find(|t| t.id == "NF-1001").unwrap();
    let (r, bytes) = reemitir(
        t,
        &TitleState::default(),
        date("2027-01-14"),
        date("2027-01-20"),
        &reg,
        Some(9),
    )
    .unwrap();
    assert_eq!(r.valor_atualizado, "132.18".parse().unwrap());
    assert_eq!(r.devido.juros, "4.68".parse().unwrap());
    assert!(!r.valor_registrado);
    assert_eq!(
        r.instrucoes
            .iter()
            .map(|i| i.movimento.as_str())
            .collect::<Vec<_>>(),
        ["06"]
    );
    assert_eq!(
        r.linha_digitavel.as_deref(),
        Some("34191091233456780005671234570001516970000012750")
    );
    let back = cnab_core::read_remessa(&bytes, cnab_core::ReadOptions::strict()).unwrap();
    assert_eq!(back.header.data_geracao, Some(date("2027-01-14")));
    assert_eq!(
        back.titulos
            .iter()
            .map(|t| (
                t.seu_numero.as_str(),
                t.movimento.as_str(),
                t.vencimento,
                t.valor
            ))
            .collect::<Vec<_>>(),
        [(
            "NF-1001",
            "06",
            Some(date("2027-01-20")),
            "127.50".parse().unwrap()
        )]
    );
    // not after the due date, or a título no remessa registered: refused
    let e = reemitir(
        t,
        &TitleState::default(),
        date("2027-01-14"),
        date("2026-12-10"),
        &reg,
        None,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("must be after the due date 2026-12-15"),
        "{e}"
    );
}

/// Santander CNAB 400 has both (06 alteração de vencimento, 47 alteração do valor nominal): two títulos in the
/// remessa, the second with the amount due on the new date.
#[test]
fn santander_reissue_registers_the_updated_amount() {
    let reg = [fixture("033-santander")];
    let titles = baixa::from_remessa(&reg[0].remessa).unwrap();
    let t = &titles[0];
    let novo = t.vencimento + chrono::Duration::days(40);
    let (r, bytes) = reemitir(
        t,
        &TitleState::default(),
        t.vencimento + chrono::Duration::days(30),
        novo,
        &reg,
        None,
    )
    .unwrap();
    assert!(r.valor_registrado);
    assert_eq!(r.valor_atualizado, baixa::valor_devido(t, novo).total);
    let back = cnab_core::read_remessa(&bytes, cnab_core::ReadOptions::strict()).unwrap();
    assert_eq!(
        back.titulos
            .iter()
            .map(|x| (x.movimento.as_str(), x.vencimento, x.valor))
            .collect::<Vec<_>>(),
        [
            ("06", Some(novo), t.valor),
            ("47", Some(novo), r.valor_atualizado)
        ]
    );
}
