//! Trailer totals: the file's totals are checked against its entries, the portfolio's are only shown.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use cnab_core::{Measure, Retorno, TotalCheck, TotalScope, TrailerTotal};
use common::{corpus, dec, retorno};
use rust_decimal::Decimal;

fn total<'a>(r: &'a [TrailerTotal], field: &str) -> &'a TrailerTotal {
    r.iter()
        .find(|t| t.field == field)
        .unwrap_or_else(|| panic!("no total {field}"))
}

fn check<'a>(c: &'a [TotalCheck], field: &str) -> &'a TotalCheck {
    c.iter()
        .find(|t| t.total.field == field)
        .unwrap_or_else(|| panic!("no check {field}"))
}

/// (field, trailer value, computed) of every disagreement.
fn disagreements(r: &Retorno) -> Vec<(String, Option<Decimal>, Decimal)> {
    r.trailer_checks()
        .into_iter()
        .filter(TotalCheck::disagrees)
        .map(|c| (c.total.field, c.total.value, c.computed))
        .collect()
}

fn ocorrencias(codes: &[&str]) -> TotalScope {
    TotalScope::Ocorrencias {
        codes: codes.iter().map(|c| c.to_string()).collect(),
    }
}

#[test]
fn bradesco_400_per_ocorrencia_totals_match_the_entries() {
    let Some(b) = corpus("237-bradesco/cnab400/retorno/laravelboleto__cnab400_bradesco.ret") else {
        return;
    };
    let r = retorno(&b, true);
    let checks = r.trailer_checks();
    let e = check(&checks, "qtd_entradas");
    assert_eq!(e.total.scope, ocorrencias(&["02"]));
    assert_eq!((e.total.value, e.computed), (Some(dec("1")), dec("1")));
    let v = check(&checks, "valor_entradas");
    assert_eq!(v.total.measure, Measure::ValorTitulo);
    assert_eq!(
        (v.total.value, v.computed),
        (Some(dec("5.00")), dec("5.00"))
    );
    let p = check(&checks, "valor_liquidacoes");
    assert_eq!(p.total.measure, Measure::ValorPago);
    assert_eq!(
        (p.total.value, p.computed),
        (Some(dec("5.00")), dec("5.00"))
    );
    assert_eq!(
        checks.len(),
        15,
        "every per-ocorrência field of 058-188 is checked"
    );
    assert!(checks.iter().all(TotalCheck::agrees));
    // The portfolio's count is shown, not checked.
    let t = r.trailer_totals();
    let q = total(&t, "qtd_titulos");
    assert_eq!(
        (q.scope.clone(), q.value),
        (TotalScope::Portfolio, Some(dec("1")))
    );
    assert!(!checks.iter().any(|c| c.total.field == "qtd_titulos"));
}

#[test]
fn bradesco_400_real_liquidacoes_agree_and_a_spliced_entry_is_named() {
    let Some(b) = corpus("237-bradesco/cnab400/retorno/gustavonvcnab__237-01.txt") else {
        return;
    };
    let r = retorno(&b, true);
    let checks = r.trailer_checks();
    for (field, value) in [
        ("qtd_liquidacoes", "25"),
        ("valor_liquidacoes", "86160.81"),
        ("valor_liquidacoes_registros", "85944.81"),
        ("qtd_baixados", "2"),
        ("valor_baixados", "25350.33"),
        ("qtd_vencimento_alterado", "2"),
        ("valor_vencimento_alterado", "7563.56"),
    ] {
        let c = check(&checks, field);
        assert_eq!(
            (c.total.value, c.computed),
            (Some(dec(value)), dec(value)),
            "{field}"
        );
    }
    // 119 titles in the portfolio for 33 entries: shown only.
    assert_eq!(
        total(&r.trailer_totals(), "qtd_titulos").value,
        Some(dec("119"))
    );
    // Lines 33-34 are events of 2013 and 2014 in a file of 2012-04-30 (added to the sample by hand): the trailer
    // counts no confirmação de entrada, the file has one.
    assert_eq!(
        disagreements(&r),
        vec![
            ("qtd_entradas".to_string(), Some(dec("0")), dec("1")),
            (
                "valor_entradas".to_string(),
                Some(dec("0.00")),
                dec("13733.80")
            ),
        ]
    );
}

#[test]
fn bradesco_400_eighteen_in_portfolio_for_six_entries_is_no_problem() {
    let Some(b) = corpus("237-bradesco/cnab400/retorno/brboleto__bradesco.ret") else {
        return;
    };
    let r = retorno(&b, true);
    assert_eq!(r.entries.len(), 6);
    let t = r.trailer_totals();
    assert_eq!(total(&t, "qtd_titulos").value, Some(dec("18")));
    assert_eq!(total(&t, "valor_total").value, Some(dec("8645.00")));
    assert_eq!(total(&t, "valor_total").scope, TotalScope::Portfolio);
    let checks = r.trailer_checks();
    assert!(!checks.iter().any(|c| !c.total.scope.is_file()));
    assert!(check(&checks, "qtd_entradas").agrees()); // 5 entradas
    assert!(check(&checks, "qtd_baixados").agrees()); // 1 baixa (ocorrência 10)
    assert_eq!(check(&checks, "valor_baixados").computed, dec("200.00"));
    // The one thing that disagrees in this sample is real: its five entradas are worth 2,730.00, the trailer says
    // 2,020.00.
    assert_eq!(
        disagreements(&r),
        vec![(
            "valor_entradas".to_string(),
            Some(dec("2020.00")),
            dec("2730.00")
        )]
    );
}

#[test]
fn a_removed_detail_line_makes_a_file_total_disagree() {
    let Some(b) = corpus("237-bradesco/cnab400/retorno/gustavonvcnab__237-01.txt") else {
        return;
    };
    let text = String::from_utf8(b).unwrap();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let removed = lines.remove(2); // line 3: a liquidação of 12,664.00 paid with 12,832.85
    assert_eq!(&removed[108..110], "06");
    let damaged: String = lines.concat();
    let r = retorno(damaged.as_bytes(), false);
    let d = disagreements(&r);
    assert!(d.contains(&("qtd_liquidacoes".to_string(), Some(dec("25")), dec("24"))));
    assert!(d.contains(&(
        "valor_liquidacoes".to_string(),
        Some(dec("86160.81")),
        dec("73327.96")
    )));
    assert!(d.contains(&(
        "valor_liquidacoes_registros".to_string(),
        Some(dec("85944.81")),
        dec("73280.81")
    )));
}

#[test]
fn itau_400_file_totals_and_carteira_positions() {
    let Some(b) = corpus("341-itau/cnab400/retorno/marcodptcnab__itau.txt") else {
        return;
    };
    // Lenient: one nosso número of this sample has letters; the entry is still read.
    let r = retorno(&b, false);
    let checks = r.trailer_checks();
    let q = check(&checks, "qtd_detalhes");
    assert_eq!(
        (q.total.scope.clone(), q.total.value, q.computed),
        (TotalScope::File, Some(dec("9")), dec("9"))
    );
    let v = check(&checks, "valor_total_informado");
    assert_eq!(
        (v.total.value, v.computed),
        (Some(dec("27659.29")), dec("27659.29"))
    );
    assert_eq!(checks.len(), 2);
    let t = r.trailer_totals();
    let s = total(&t, "qtd_titulos_simples");
    assert_eq!(
        (s.scope.clone(), s.value),
        (
            TotalScope::Carteira {
                carteira: "simples".into()
            },
            Some(dec("9517"))
        )
    );
}

#[test]
fn cnab_240_batch_trailer_totals_are_the_carteira_s() {
    // Santander: 3,650 títulos em cobrança simples for a batch of one entry; Sicoob: 282 for 30.
    for (file, qtd, entries) in [
        (
            "033-santander/cnab240/retorno/opencnabphp__RetornoSantanderPix.RET",
            "3650",
            1,
        ),
        (
            "756-sicoob/cnab240/retorno/webmatrixboleto__bancoob.ret",
            "282",
            30,
        ),
    ] {
        let Some(b) = corpus(file) else {
            return;
        };
        let r = retorno(&b, false);
        assert_eq!(r.entries.len(), entries, "{file}");
        let t = r.trailer_totals();
        let s = total(&t, "qtd_simples");
        assert_eq!(
            (s.record.as_str(), s.scope.clone(), s.value),
            (
                "trailer_lote",
                TotalScope::Carteira {
                    carteira: "simples".into()
                },
                Some(dec(qtd))
            ),
            "{file}"
        );
        assert!(r.trailer_checks().is_empty(), "{file}");
    }
}

#[test]
fn written_and_generated_retornos_carry_their_own_file_totals() {
    use cnab_core::generator::{generate_to_vec, GenOptions};
    use cnab_core::{write_retorno, Bank, FileKind, Layout, WriteOptions};
    // The generator writes in chunks (here of 120 entries): the per-ocorrência totals add up over them.
    for bank in [237u16, 341, 336, 745] {
        let o = GenOptions {
            batch_size: 120,
            ..GenOptions::new(Bank::new(bank), Layout::Cnab400, FileKind::Retorno, 500, 11)
        };
        let (bytes, _) = generate_to_vec(&o).unwrap();
        let r = retorno(&bytes, true);
        let checks = r.trailer_checks();
        assert!(!checks.is_empty(), "{bank}");
        assert_eq!(disagreements(&r), vec![], "{bank}");
        let counted: Decimal = checks
            .iter()
            .filter(|c| c.total.measure == Measure::Quantidade)
            .map(|c| c.computed)
            .sum();
        assert!(
            counted > Decimal::ZERO,
            "{bank}: the generated entries are counted"
        );
    }
    let Some(b) = corpus("237-bradesco/cnab400/retorno/gustavonvcnab__237-01.txt") else {
        return;
    };
    // Written from the model, the spliced-in entrada is counted: the trailer now agrees with the entries.
    let r = retorno(&b, true);
    let written = retorno(&write_retorno(&r, WriteOptions::default()).unwrap(), true);
    assert_eq!(disagreements(&written), vec![]);
    let checks = written.trailer_checks();
    assert_eq!(check(&checks, "qtd_entradas").total.value, Some(dec("1")));
    assert_eq!(
        check(&checks, "valor_liquidacoes").total.value,
        Some(dec("86160.81"))
    );
    // The portfolio's count is not in the model: the writer puts its count of entries there, as it always has.
    assert_eq!(
        total(&written.trailer_totals(), "qtd_titulos").value,
        Some(dec("33"))
    );
}

#[test]
fn inter_400_counts_the_file_and_other_banks_show_their_portfolio() {
    let Some(b) = corpus("077-inter/cnab400/retorno/laravelboleto__inter.ret") else {
        return;
    };
    let r = retorno(&b, false);
    let checks = r.trailer_checks();
    let fields: Vec<(&str, Option<Decimal>, Decimal)> = checks
        .iter()
        .map(|c| (c.total.field.as_str(), c.total.value, c.computed))
        .collect();
    assert_eq!(
        fields,
        [
            ("qtd_titulos", Some(dec("1")), dec("1")),
            ("qtd_ocorrencia_02", Some(dec("1")), dec("1")),
            ("qtd_ocorrencia_03", Some(dec("0")), dec("0")),
        ]
    );
    // HSBC (boletos em ser), BNB (cobrança simples no banco), Banrisul (títulos em carteira): shown only.
    for (file, field, scope, value) in [
        (
            "399-hsbc/cnab400/retorno/laravelboleto__hsbc.ret",
            "qtd_em_ser",
            TotalScope::Portfolio,
            "0",
        ),
        (
            "004-bnb/cnab400/retorno/webmatrixboleto__bnb.ret",
            "valor_total",
            TotalScope::Carteira {
                carteira: "simples".into(),
            },
            "2174384.74",
        ),
        (
            "041-banrisul/cnab400/retorno/brcobranca__CNAB400BANRISUL.RET",
            "quantidade_carteira",
            TotalScope::Portfolio,
            "13",
        ),
    ] {
        let Some(b) = corpus(file) else {
            return;
        };
        let r = retorno(&b, false);
        let t = r.trailer_totals();
        let f = total(&t, field);
        assert_eq!(
            (f.scope.clone(), f.value),
            (scope, Some(dec(value))),
            "{file}"
        );
        assert!(r.trailer_checks().is_empty(), "{file}");
    }
}

#[test]
fn sicredi_240_batch_totals_are_the_batch_s() {
    // Sicredi's only carteira is simples (14.3T): 06.5/07.5 total the batch's títulos (manual 8.12).
    let Some(b) = corpus("748-sicredi/cnab240/retorno/brcobranca__CNAB240SICREDI.CRT") else {
        return;
    };
    let r = retorno(&b, false);
    assert_eq!(r.entries.len(), 2);
    let checks = r.trailer_checks();
    let fields: Vec<(&str, TotalScope, Measure, Option<Decimal>, Decimal)> = checks
        .iter()
        .map(|c| {
            (
                c.total.field.as_str(),
                c.total.scope.clone(),
                c.total.measure,
                c.total.value,
                c.computed,
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            (
                "qtd_simples",
                TotalScope::File,
                Measure::Quantidade,
                Some(dec("2")),
                dec("2")
            ),
            (
                "valor_simples",
                TotalScope::File,
                Measure::ValorTitulo,
                Some(dec("19.90")),
                dec("19.90")
            ),
        ]
    );
    // the other carteiras stay FEBRABAN's: shown, never compared
    assert_eq!(
        total(&r.trailer_totals(), "qtd_vinculada").scope,
        TotalScope::Carteira {
            carteira: "vinculada".into()
        }
    );
}

#[test]
fn c6_400_totals_its_liquidacoes_and_a_missing_one_is_named() {
    use cnab_core::generator::{generate_to_vec, GenOptions};
    use cnab_core::{Bank, FileKind, Layout};
    let o = GenOptions::new(Bank::new(336), Layout::Cnab400, FileKind::Retorno, 200, 5);
    let (bytes, _) = generate_to_vec(&o).unwrap();
    let r = retorno(&bytes, true);
    assert_eq!(disagreements(&r), vec![]);
    let checks = r.trailer_checks();
    let liq = check(&checks, "quantidade_total_liquidacoes");
    assert_eq!(liq.total.scope, ocorrencias(&["06", "07", "08", "75"]));
    let paid = check(&checks, "valor_total_liquidacoes");
    assert_eq!(paid.total.measure, Measure::ValorPago);
    assert!(liq.computed > Decimal::ZERO);
    // one liquidação line taken out (the trailer keeps its totals): the count and the sum disagree
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let gone = r
        .entries
        .iter()
        .find(|e| e.ocorrencia.as_ref().is_some_and(|o| o.code == "06"))
        .unwrap();
    let kept: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| i + 1 != gone.line)
        .map(|(_, l)| format!("{l}\r\n"))
        .collect();
    let cut = retorno(kept.as_bytes(), false);
    let d = disagreements(&cut);
    let fields: Vec<&str> = d.iter().map(|(f, _, _)| f.as_str()).collect();
    assert!(fields.contains(&"quantidade_total_liquidacoes"), "{d:?}");
    assert!(fields.contains(&"valor_total_liquidacoes"), "{d:?}");
    let q = d
        .iter()
        .find(|(f, _, _)| f == "quantidade_total_liquidacoes")
        .unwrap();
    assert_eq!(q.1, Some(liq.computed));
    assert_eq!(q.2, liq.computed - Decimal::ONE);
}
