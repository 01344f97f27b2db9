//! Movimento codes of the steps through the bank, found in each bank's remessa table (see `baixa::instrucao`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use baixa::instrucao::movimento;
use baixa::regua::Acao;
use cnab_core::{Bank, Layout};

const ACOES: [Acao; 4] = [
    Acao::Protesto,
    Acao::Baixa,
    Acao::Abatimento,
    Acao::Prorrogacao,
];

fn code(bank: u16, layout: Layout, acao: Acao) -> Result<&'static str, String> {
    movimento(Bank::new(bank), layout, "", acao).map(|(c, _)| c)
}

#[test]
fn codes_per_bank() {
    use Layout::{Cnab240 as L240, Cnab400 as L400};
    // (bank, layout, [protesto, baixa, abatimento, prorrogação]); None = refused
    let expected: &[(u16, Layout, [Option<&str>; 4])] = &[
        // Itaú CNAB 400: 09 protestar, 02 pedido de baixa, 04 concessão de abatimento, 06 alteração do vencimento
        (341, L400, [Some("09"), Some("02"), Some("04"), Some("06")]),
        (341, L240, [Some("09"), Some("02"), Some("04"), Some("06")]),
        (237, L400, [Some("09"), Some("02"), Some("04"), Some("06")]),
        (33, L400, [Some("09"), Some("02"), Some("04"), Some("06")]),
        (1, L400, [Some("09"), Some("02"), Some("04"), Some("06")]),
        // Caixa CNAB 400: 03 concessão de abatimento, 05 alteração de vencimento, no protest instruction
        (104, L400, [None, Some("02"), Some("03"), Some("05")]),
        // BV CNAB 400: 36 protesto urgente (its 09 is "não baixar automaticamente"), 06 prorrogação (08 alteração)
        (655, L400, [Some("36"), Some("02"), Some("04"), Some("06")]),
        // C6: 06 "Prorrogação"
        (336, L400, [Some("09"), Some("02"), Some("04"), Some("06")]),
    ];
    for (bank, layout, codes) in expected {
        for (acao, want) in ACOES.iter().zip(codes) {
            let got = code(*bank, *layout, *acao).ok();
            assert_eq!(got, *want, "bank {bank} {layout:?} {acao:?}");
        }
    }
    let e = code(104, L400, Acao::Protesto).unwrap_err();
    assert_eq!(
        e,
        "bank 104 CNAB 400: its movimento table has no code for \"protesto\""
    );
    assert!(code(341, L400, Acao::Lembrete).is_err());
}

/// Every bank and layout either finds a code or says why, and a code found is in the bank's table with a
/// description naming the instruction.
#[test]
fn every_bank_resolves_or_refuses() {
    let mut found = 0;
    for spec in cnab_core::banks::ALL {
        for l in [Layout::Cnab240, Layout::Cnab400] {
            for acao in ACOES {
                let b = Bank::new(spec.code);
                match movimento(b, l, "", acao) {
                    Ok((c, desc)) => {
                        found += 1;
                        println!("{} {:?} {:?}: {c} {desc}", spec.code, l, acao);
                        assert!(!c.is_empty());
                    }
                    Err(e) => {
                        println!("{} {:?} {:?}: refused: {e}", spec.code, l, acao);
                        assert!(
                            e.contains(&format!("bank {b}")) || e.contains("no CNAB"),
                            "{e}"
                        );
                    }
                }
            }
        }
    }
    assert!(found > 100, "{found}");
}

/// What each retorno ocorrência says about the instructions (`baixa::instrucao::sinal`), read from the banks'
/// tables in cnab-core: FEBRABAN CNAB 240 (C044, through Bradesco's 240 table, which keeps FEBRABAN's codes) and
/// Itaú CNAB 400.
#[test]
fn retorno_codes_answer_instructions() {
    use baixa::instrucao::{sinal, Sinal};
    use cnab_core::FileKind;
    let table = |bank: u16, layout: Layout| {
        cnab_core::banks::spec(bank)
            .and_then(|s| s.layout(layout, FileKind::Retorno, ""))
            .unwrap()
            .ocorrencias
    };
    let of = |bank: u16, layout: Layout, code: &str| {
        let o = table(bank, layout)
            .iter()
            .find(|o| o.code == code)
            .unwrap_or_else(|| panic!("{bank} {layout:?}: no {code}"));
        sinal(o.kind, o.description)
    };
    let c = Sinal::Confirma;
    let r = Sinal::Rejeita;
    let febraban: &[(&str, Sinal)] = &[
        ("02", Sinal::Nada), // entrada confirmada
        ("03", r(None)),     // entrada rejeitada
        ("06", Sinal::Nada), // liquidação
        ("09", c(Acao::Baixa)),
        ("12", c(Acao::Abatimento)),
        ("13", Sinal::Nada), // cancelamento de abatimento
        ("14", c(Acao::Prorrogacao)),
        ("19", c(Acao::Protesto)),
        ("20", Sinal::Nada), // sustação de protesto
        ("23", c(Acao::Protesto)),
        ("24", Sinal::Nada), // retirada de cartório
        ("25", c(Acao::Protesto)),
        ("26", r(None)),
        ("28", Sinal::Nada), // tarifas
        ("30", r(None)),
    ];
    for (code, want) in febraban {
        assert_eq!(of(237, Layout::Cnab240, code), *want, "237 240 {code}");
    }
    let itau: &[(&str, Sinal)] = &[
        ("09", c(Acao::Baixa)),
        ("10", Sinal::Nada), // baixa por ter sido liquidado
        ("12", c(Acao::Abatimento)),
        ("14", c(Acao::Prorrogacao)),
        ("15", r(Some(Acao::Baixa))),
        ("16", r(None)),
        ("19", c(Acao::Protesto)),
        ("21", Sinal::Nada), // não protestar
        ("24", r(Some(Acao::Protesto))),
        ("32", c(Acao::Protesto)),
    ];
    for (code, want) in itau {
        assert_eq!(of(341, Layout::Cnab400, code), *want, "341 400 {code}");
    }
}
