//! Every bank's CNAB 400 layouts as the reader and writer see them: each layout spec (records, entry, framing, hooks
//! present) and each record with every field and all its attributes, one line a field, compared with
//! `tests/layouts_400.tsv`. Moving a record table to data, deriving one record from another or fixing a position is a
//! visible, reviewed change of that file, field by field.
//!
//! `LAYOUTS_BLESS=1 cargo test -p cnab-core --test layouts_400` rewrites the expected file (review its diff).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use cnab_core::banks::ALL;
use cnab_core::Layout;

fn expected_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/layouts_400.tsv")
}

/// For each CNAB 400 layout spec of each bank: a `spec` line, one `entry` line per entry record, then per record a
/// `record` line and its fields (`start end name kind role default total`).
fn dump() -> String {
    let mut out =
        String::from("# bank\tkind\tline\tstart\tend\tname\tkind\trole\tdefault\ttotal\n");
    for bank in ALL {
        for spec in bank.layouts().filter(|s| s.layout == Layout::Cnab400) {
            let at = format!("{:03}\t{:?}", bank.code, spec.kind);
            writeln!(
                out,
                "{at}\tspec\tversions={:?}\tsource={}\tcrlf={}\tframing={:?}\tvariants={:?}\thooks={}{}{}",
                spec.versions,
                spec.source,
                spec.crlf,
                spec.framing,
                spec.variants,
                u8::from(spec.retorno_hook.is_some()),
                u8::from(spec.titulo_hook.is_some()),
                u8::from(spec.write_hook.is_some()),
            )
            .unwrap();
            for e in spec.entry {
                writeln!(out, "{at}\tentry\t{:?}\t{}\t{:?}", e.key, e.starts, e.emit).unwrap();
            }
            for (key, r) in spec.records {
                writeln!(
                    out,
                    "{at}\trecord\t{key:?}\t{}\t{}\t{}",
                    r.name, r.len, r.source
                )
                .unwrap();
                for f in r.fields {
                    writeln!(
                        out,
                        "{at}\tfield\t{key:?}\t{}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{:?}",
                        f.start, f.end, f.name, f.kind, f.role, f.default, f.total
                    )
                    .unwrap();
                }
            }
        }
    }
    out
}

#[test]
fn layouts_are_unchanged() {
    common::assert_snapshot(&dump(), &expected_path(), "LAYOUTS_BLESS");
}

#[test]
fn every_cnab_400_bank_is_in_the_snapshot() {
    let actual = dump();
    for bank in ALL {
        if bank.layouts().any(|s| s.layout == Layout::Cnab400) {
            let prefix = format!("{:03}\t", bank.code);
            assert!(
                actual
                    .lines()
                    .any(|l| l.starts_with(&prefix) && l.contains("\tfield\t")),
                "bank {} has no CNAB 400 field in the snapshot",
                bank.code
            );
        }
    }
}

/// The build script's records reader, so that what it refuses is tested (a refused line stops the build).
#[path = "../build.rs"]
#[allow(dead_code)]
mod build_script;

fn records(text: &str) -> Result<String, String> {
    let roles = build_script::layouts::roles(include_str!("../src/field.rs"))?;
    build_script::layouts::records(
        &format!("# Manual, p. 1\nstart\tend\tname\tkind\trole\tvalue\ttotal\n{text}"),
        &roles,
    )
}

#[test]
fn a_malformed_record_line_is_refused_with_its_line() {
    let record = "\n[HEADER]\theader_arquivo\t10\tManual, p. 2\n1\t1\ttipo_registro\tconst\t\t0\n";
    assert_eq!(
        records(&format!("{record}2\t5\tagencia\tnum\tAgencia\n5\t10\tconta\tnum\n")),
        Err("7: field starts at 5 but the previous one (line 6) ends at 5: fields overlap or are out of order".into())
    );
    assert_eq!(
        records(&format!("{record}2\t5\tagencia\tnum\tAgencia\n7\t10\tconta\tnum\n")),
        Err("7: field starts at 7 but the previous one (line 6) ends at 5: positions 6-6 are missing".into())
    );
    assert_eq!(
        records(&format!("{record}2\t9\tagencia\tnum\tAgencia\n")),
        Err("4: [HEADER] has 10 positions but its fields end at 9".into())
    );
    assert_eq!(
        records(&format!("{record}2\t10\tagencia\tnumber\n")),
        Err(
            "6: unknown kind \"number\" (num, dec<N>, alpha, date6, date8, ymd8, blank, const)"
                .into()
        )
    );
    assert_eq!(
        records(&format!("{record}2\t10\tagencia\tnum\tAgency\n")),
        Err("6: unknown role \"Agency\"".into())
    );
    assert_eq!(
        records(&format!("{record}2\t7\tdata\tdate8\n8\t10\tx\tnum\n")),
        Err("6: a date8 date has 8 positions, not 6".into())
    );
    assert_eq!(
        records(&format!("{record}2\t3\tcodigo\tconst\t\t123\n")),
        Err("6: constant \"123\" has width 3 for 2 positions".into())
    );
    assert_eq!(
        records(&format!("{record}2\t10\ttotal\tnum\t\t\tquantidade titulos\n")),
        Err("6: unknown total scope \"titulos\" (file, portfolio, carteira=<name>, ocorrencias=<codes>)".into())
    );
    assert_eq!(
        records(&format!(
            "{record}2\t5\tagencia\tnum\n6\t10\tresto\tblank\n\n[OTHER]\theader\t= HEADER\tp. 3\n3\t4\tconta\tnum\n"
        )),
        Err("9: [OTHER] leaves positions 2-2 of [HEADER] uncovered".into())
    );
    assert_eq!(
        records("1\t1\ttipo\tconst\t\t0\n"),
        Err("3: a field line before any `[NAME]` section".into())
    );
}

#[test]
fn a_record_section_becomes_the_same_const_record() {
    let text = "\n# Header (p. 2).\n[HEADER]\theader_arquivo\t20\tManual, p. 2\n\
        1\t1\ttipo_registro\tconst\t\t0\n2\t5\tagencia\tnum\tAgencia\n6\t13\tvalor\tdec2\tValorTotal\t\tvalor_titulo ocorrencias=06,17\n\
        14\t19\tdata\tdate6\tDataGeracao\n20\t20\tliteral\talpha\t\t\"X\"\n\
        \n# The retorno's header.\n[RETORNO]\theader_retorno\t= HEADER\tManual, p. 3\n2\t3\tbanco\tnum\tBancoCodigo\t01\n4\t5\tbrancos\tblank\n";
    assert_eq!(
        records(text).as_deref(),
        Ok(concat!(
            "#[doc = \" Header (p. 2).\"]\n",
            "pub const HEADER: crate::field::RecordLayout = crate::field::RecordLayout {\n",
            "    name: \"header_arquivo\",\n    len: 20,\n    source: \"Manual, p. 2\",\n    fields: &[\n",
            "        crate::field::FieldSpec::constant(\"tipo_registro\", 1, 1, \"0\"),\n",
            "        crate::field::FieldSpec::num(\"agencia\", 2, 5).role(crate::field::Role::Agencia),\n",
            "        crate::field::FieldSpec::dec(\"valor\", 6, 13, 2).role(crate::field::Role::ValorTotal)",
            ".total(crate::field::TotalSpec::valor_titulo(crate::field::ScopeSpec::Ocorrencias(&[\"06\", \"17\"]))),\n",
            "        crate::field::FieldSpec::date6(\"data\", 14, 19).role(crate::field::Role::DataGeracao),\n",
            "        crate::field::FieldSpec::alpha(\"literal\", 20, 20).default(\"X\"),\n",
            "    ],\n};\n",
            "#[doc = \" The retorno's header.\"]\n",
            "pub const RETORNO: crate::field::RecordLayout = crate::field::RecordLayout {\n",
            "    name: \"header_retorno\",\n    len: 20,\n    source: \"Manual, p. 3\",\n    fields: &[\n",
            "        crate::field::FieldSpec::constant(\"tipo_registro\", 1, 1, \"0\"),\n",
            "        crate::field::FieldSpec::num(\"banco\", 2, 3).role(crate::field::Role::BancoCodigo).default(\"01\"),\n",
            "        crate::field::FieldSpec::blank(\"brancos\", 4, 5),\n",
            "        crate::field::FieldSpec::dec(\"valor\", 6, 13, 2).role(crate::field::Role::ValorTotal)",
            ".total(crate::field::TotalSpec::valor_titulo(crate::field::ScopeSpec::Ocorrencias(&[\"06\", \"17\"]))),\n",
            "        crate::field::FieldSpec::date6(\"data\", 14, 19).role(crate::field::Role::DataGeracao),\n",
            "        crate::field::FieldSpec::alpha(\"literal\", 20, 20).default(\"X\"),\n",
            "    ],\n};\n",
        ))
    );
}
