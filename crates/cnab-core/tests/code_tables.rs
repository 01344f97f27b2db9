//! Every bank's code tables (ocorrências or movimentos, and motivos) as the reader and writer see them, one line a
//! code, compared with `tests/code_tables.tsv`: moving a table, deriving it from FEBRABAN's or fixing a description
//! is a visible, reviewed change of that file, code by code.
//!
//! `CODE_TABLES_BLESS=1 cargo test -p cnab-core --test code_tables` rewrites the expected file (review its diff).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use cnab_core::banks::ALL;

fn expected_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/code_tables.tsv")
}

/// `bank layout kind  O|M  codes…  description`, in table order, for every layout spec of every bank.
fn dump() -> String {
    let mut out = String::from(
        "# bank\tlayout\tkind\ttable\tocorrências (motivos)\tcode\tkind (ocorrências)\tdescription\n",
    );
    for bank in ALL {
        for spec in bank.layouts() {
            let at = format!("{:03}\t{:?}\t{:?}", bank.code, spec.layout, spec.kind);
            for o in spec.ocorrencias {
                writeln!(
                    out,
                    "{at}\tO\t\t{}\t{:?}\t{}",
                    o.code, o.kind, o.description
                )
                .unwrap();
            }
            for m in spec.motivos {
                writeln!(
                    out,
                    "{at}\tM\t{}\t{}\t\t{}",
                    m.ocorrencias.join(","),
                    m.code,
                    m.description
                )
                .unwrap();
            }
        }
    }
    out
}

#[test]
fn code_tables_are_unchanged() {
    common::assert_snapshot(&dump(), &expected_path(), "CODE_TABLES_BLESS");
}

#[test]
fn every_bank_has_codes_in_the_snapshot() {
    let actual = dump();
    for bank in ALL {
        let prefix = format!("{:03}\t", bank.code);
        assert!(
            actual.lines().any(|l| l.starts_with(&prefix)),
            "bank {} has no code in the snapshot",
            bank.code
        );
    }
}

/// The build script's table reader, so that what it refuses is tested (a refused line stops the build).
#[path = "../build.rs"]
#[allow(dead_code)]
mod build_script;

#[test]
fn a_malformed_table_line_is_refused_with_its_line() {
    let table = |text: &str| build_script::table(text);
    assert_eq!(
        table("# Manual, p. 1\ncode\tkind\tdescription\n02\tentrada_confirmada\tEntrada confirmada\n03 baixa\tBaixa\n"),
        Err("4: expected 3 tab-separated cells: \"03 baixa\\tBaixa\"".to_string())
    );
    assert_eq!(
        table("code\tkind\tdescription\n06\tLiquidacao\tLiquidação\n"),
        Err("2: kind \"Liquidacao\" is not a snake_case ocorrência kind".to_string())
    );
    assert_eq!(
        table("code\tdescription\n01\tEntrada \n"),
        Err("2: empty cell or blanks around \"Entrada \"".to_string())
    );
    assert_eq!(
        table("ocorrencias\tcode\tdescription\n= FEBRABAN D\t01\n"),
        Err("2: expected \"= FEBRABAN A|B|C\", found \"= FEBRABAN D\"".to_string())
    );
    assert_eq!(
        table("codigo\tdescricao\n"),
        Err("1: unknown columns \"codigo\\tdescricao\"".to_string())
    );
    assert_eq!(
        table("# only a comment\n"),
        Err("1: no column line".to_string())
    );
}

#[test]
fn a_table_line_becomes_the_same_const_entry() {
    assert_eq!(
        build_script::table(
            "ocorrencias\tcode\tdescription\n02,03\t08\tNosso número inválido\n*\t99\tOutros\n= FEBRABAN A\t01\n"
        )
        .as_deref(),
        Ok("&[\n    crate::bank::MotivoDef { ocorrencias: &[\"02\", \"03\", ], code: \"08\", description: \"Nosso número inválido\" },\n    crate::bank::MotivoDef { ocorrencias: &[], code: \"99\", description: \"Outros\" },\n    crate::layouts::febraban240::motivo_a(\"01\"),\n]")
    );
    assert_eq!(
        build_script::table("code\tkind\tdescription\n17\tliquidacao_apos_baixa\tLiquidação após baixa\n02\t= FEBRABAN\n")
            .as_deref(),
        Ok("&[\n    crate::bank::OcorrenciaDef { code: \"17\", kind: crate::model::OcorrenciaKind::LiquidacaoAposBaixa, description: \"Liquidação após baixa\" },\n    crate::layouts::febraban240::ocorrencia(\"02\"),\n]")
    );
}
