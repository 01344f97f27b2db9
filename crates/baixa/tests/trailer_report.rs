//! A file's report shows the trailer's totals: the file's beside the same count or sum over its entries (a named
//! warning when they disagree), the portfolio's as information only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use std::path::PathBuf;

use baixa::{render, FileReport, Ledger, MemoryLedger};
use cnab_core::{read_retorno, ReadOptions, Retorno, TotalScope};
use rust_decimal::Decimal;

fn corpus_bytes(rel: &str) -> Option<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !dir.is_dir() {
        eprintln!("corpus absent: skipping");
        return None;
    }
    Some(std::fs::read(dir.join(rel)).unwrap())
}

fn read(bytes: &[u8]) -> Retorno {
    read_retorno(bytes, ReadOptions::lenient()).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

const BRADESCO: &str = "237-bradesco/cnab400/retorno/laravelboleto__cnab400_bradesco.ret";

#[test]
fn bradesco_report_shows_file_totals_beside_the_entries_and_the_portfolio_apart() {
    let Some(b) = corpus_bytes(BRADESCO) else {
        return;
    };
    let r = read(&b);
    let mut l = MemoryLedger::new();
    let applied = l.apply(&r).unwrap();
    let rep = &applied.report;
    assert!(rep.warnings.is_empty(), "{:?}", rep.warnings);
    let row = |f: &str| rep.trailer.iter().find(|t| t.field == f).unwrap();
    let q = row("qtd_liquidacoes");
    assert_eq!(
        (q.value, q.computed, q.agrees),
        (Some(dec("1")), Some(dec("1")), Some(true))
    );
    let portfolio = row("qtd_titulos");
    assert_eq!(portfolio.scope, TotalScope::Portfolio);
    assert_eq!(
        (portfolio.value, portfolio.computed, portfolio.agrees),
        (Some(dec("1")), None, None)
    );

    let json = render::file_report(rep);
    let t = json["trailer"].as_array().unwrap();
    let liq = t
        .iter()
        .find(|v| v["field"] == "valor_liquidacoes")
        .unwrap();
    assert_eq!(liq["scope"]["kind"], "ocorrencias");
    assert_eq!(liq["scope"]["codes"][0], "06");
    assert_eq!(liq["measure"], "valor_pago");
    assert_eq!(
        (&liq["value"], &liq["computed"], &liq["agrees"]),
        (&"5.00".into(), &"5.00".into(), &true.into())
    );
    let qt = t.iter().find(|v| v["field"] == "qtd_titulos").unwrap();
    assert_eq!(
        (&qt["scope"]["kind"], &qt["value"], &qt["computed"]),
        (&"portfolio".into(), &1.into(), &serde_json::Value::Null)
    );
    assert_eq!(json["warnings"], serde_json::json!([]));

    let csv = rep.trailer_csv().unwrap();
    assert!(csv.starts_with("line,field,scope,measure,trailer,computed,agrees\n"));
    assert!(
        csv.contains("\n9,qtd_titulos,portfolio,quantidade,1,,\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\n9,valor_liquidacoes,ocorrencias:06,valor_pago,5.00,5.00,true\n"),
        "{csv}"
    );
}

#[test]
fn eighteen_titles_in_the_portfolio_for_six_entries_raise_no_count_warning() {
    let Some(b) = corpus_bytes("237-bradesco/cnab400/retorno/brboleto__bradesco.ret") else {
        return;
    };
    let r = read(&b);
    let rep = FileReport::new("f", &r, &[]);
    assert_eq!(rep.entries, 6);
    let qt = rep
        .trailer
        .iter()
        .find(|t| t.field == "qtd_titulos")
        .unwrap();
    assert_eq!((qt.value, qt.agrees), (Some(dec("18")), None));
    // The sample's one real disagreement: its five entradas sum 2,730.00, its trailer says 2,020.00.
    assert_eq!(rep.warnings.len(), 1, "{:?}", rep.warnings);
    let w = &rep.warnings[0];
    assert_eq!(
        (w.code.as_str(), w.line, w.field.as_str()),
        ("trailer_total_disagrees", 8, "valor_entradas")
    );
    assert_eq!(
        w.message,
        "line 8, columns 63-74 (valor_entradas): the trailer sums the valor_titulo of the file's entries of \
         ocorrência 02 to 2020.00, the file's entries to 2730.00"
    );
}

#[test]
fn a_removed_detail_line_is_named_by_the_report() {
    let Some(b) = corpus_bytes(BRADESCO) else {
        return;
    };
    let text = String::from_utf8(b).unwrap();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Remove the liquidação (ocorrência 06) line.
    let kept: String = lines
        .iter()
        .filter(|l| !(l.starts_with('1') && &l[108..110] == "06"))
        .copied()
        .collect();
    assert_eq!(
        kept.len(),
        text.len()
            - lines[1..]
                .iter()
                .find(|l| &l[108..110] == "06")
                .unwrap()
                .len()
    );
    let r = read(kept.as_bytes());
    let rep = FileReport::new("damaged", &r, &[]);
    let fields: Vec<&str> = rep.warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "valor_liquidacoes",
            "qtd_liquidacoes",
            "valor_liquidacoes_registros"
        ]
    );
    assert!(rep
        .warnings
        .iter()
        .all(|w| w.code == "trailer_total_disagrees"));
    assert_eq!(
        rep.warnings[1].message,
        "line 8, columns 87-91 (qtd_liquidacoes): the trailer counts 1 of the file's entries of ocorrência 06, \
         the file has 0"
    );
    // The report CSV of the ledger names it too.
    let csv = render::report_csv(&[rep], &baixa::Portfolio::default(), &[]).unwrap();
    assert!(
        csv.contains("\ntrailer,damaged,qtd_liquidacoes,1,,,,,,,,,ocorrencias:06,0,false\n"),
        "{csv}"
    );
}
