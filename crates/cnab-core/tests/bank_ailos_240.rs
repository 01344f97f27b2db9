//! Ailos (085) CNAB 240: the corpus files read with our tables, and a written remessa checked position by position
//! against the "Manual Técnico de Cobrança Bancária — 240 posições" (janeiro/2023).
#![allow(clippy::unwrap_used)]
// test code may fail loudly

// Tests: a failed expectation is a failed test, so expect/panic/indexing are what we want here.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use chrono::NaiveDate;
use cnab_core::{
    read, read_remessa, read_retorno, write_remessa, Bank, CnabFile, Layout, OcorrenciaKind,
    ReadOptions, Remessa,
};
mod common;
use common::{corpus, dec as d};

// ---- helpers (duplicated per bank test file: each file is its own crate) ----

/// Problems as "kind@line" (sorted as found), for exact comparison.
fn problems(list: &[cnab_core::Error]) -> Vec<String> {
    list.iter()
        .map(|e| {
            let v = serde_json::to_value(e).unwrap_or_default();
            let kind = v["kind"]
                .as_str()
                .or(v["kind"]["kind"].as_str())
                .unwrap_or("?")
                .to_string();
            let field = v["field"]
                .as_str()
                .map(|f| format!(":{f}"))
                .unwrap_or_default();
            if kind == "?" || kind == "structure" {
                // a structure problem: its text says which
                return e.to_string();
            }
            format!("{kind}{field}@{}", v["line"])
        })
        .collect()
}

/// Counts of problem kinds, "kind×n" sorted — for files with many short lines.
fn summary(list: &[cnab_core::Error]) -> String {
    let mut m = std::collections::BTreeMap::<String, usize>::new();
    for p in problems(list) {
        let k = p.split('@').next().unwrap_or_default().to_string();
        *m.entry(k).or_default() += 1;
    }
    m.iter()
        .map(|(k, n)| format!("{k}x{n}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// `required` problems are all found, and every problem found starts with one of `allowed` (genuine defects of
/// the file whose reporting may vary with how much of a record the engine decodes).
fn within(found: &[String], required: &[&str], allowed: &[&str]) {
    for r in required {
        assert!(found.iter().any(|f| f == r), "missing {r} in {found:?}");
    }
    for f in found {
        assert!(
            required.contains(&f.as_str()) || allowed.iter().any(|a| f.starts_with(a)),
            "unexpected {f} in {found:?}"
        );
    }
}

fn model_remessa(path: &str) -> Remessa {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(path);
    let json = std::fs::read_to_string(p).unwrap_or_default();
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("model {path}: {e}"))
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn date(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, dd)
}

#[test]
fn corpus_remessas() {
    for (f, nn, valor) in [
        ("brboleto__cecred.rem", "09142444000000001", "10.00"),
        (
            "brcobranca__remessa-ailos-cnab240.rem",
            "12345679000000123",
            "199.90",
        ),
    ] {
        if let Some(b) = corpus(&format!("085-ailos/cnab240/remessa/{f}")) {
            let r = read_remessa(&b, ReadOptions::strict()).expect(f);
            assert_eq!(r.titulos[0].nosso_numero, nn, "{f}");
            assert_eq!(r.titulos[0].valor, d(valor), "{f}");
            assert_eq!(r.header.layout_versao, "087", "{f}");
        }
    }
    // Ailos's own model file: an excerpt (one title) whose file trailer still counts 40 records,
    if let Some(b) = corpus("085-ailos/cnab240/remessa/brcobranca__arquivo_modelo.txt") {
        let r = read_remessa(&b, ReadOptions::lenient()).expect("lenient");
        // and no batch trailer at all (an engine that checks it reports the missing trailer, at no line)
        within(
            &problems(&r.problems),
            // the excerpt left out a record before line 7, whose sequence number (7) says so
            &["trailer_count:qtd_registros@8", "sequence:sequencial@7"],
            &["missing_", "line 8: file trailer inside a batch"],
        );
        let t = &r.titulos[0];
        assert_eq!(t.nosso_numero, "02806785000025967"); // conta 0280678-5 + sequence 9 digits
        assert_eq!(t.seu_numero, "4847/PE-1/2");
        assert_eq!(t.vencimento, date(2019, 10, 31));
        assert_eq!(r.header.beneficiario.convenio, "101004");
    }
    // OCA's "CNAB240AILOS.RET": a retorno (T/U segments, operação T) whose header says remessa (143 = '1'), hand
    // edited: trailing spaces stripped, segment U of line 6 shifted by one byte, trailer counts 14/16 for 5/8.
    if let Some(b) = corpus("085-ailos/cnab240/remessa/ocal10nbr__CNAB240AILOS.RET") {
        assert!(read(&b, ReadOptions::strict()).is_err());
        // Read by its segments, as the retorno it is, with the header's contradiction reported.
        let found = match read(&b, ReadOptions::lenient()).expect("lenient") {
            CnabFile::Remessa(_) => panic!("read as a remessa"),
            CnabFile::Retorno(r) => r.problems,
        };
        within(
            &problems(&found),
            &[
                "kind_conflict@1",
                "line_length@1",
                "line_length@8",
                "trailer_count:qtd_registros@7",
                "trailer_count:qtd_registros@8",
            ],
            &[
                "line_length@",
                "bad_date:data_ocorrencia@6",
                "bad_date:data_credito@6",
                // the shifted segment U's other fields, and sequence numbers of the hand-edited records
                "bad_date:ocorrencia_pagador_data@6",
                "not_digits:ocorrencia_pagador_valor@6",
                "sequence:sequencial@",
            ],
        );
    }
}

#[test]
fn corpus_retornos() {
    // brcobranca's samples (Ailos and its former name CECRED): trailing spaces stripped and header fields shifted.
    for (f, expected) in [
        ("brcobranca__CNAB240AILOS.RET", "date_out_of_range:data_geracaox1,line_lengthx10,not_digits:hora_geracaox1,not_digits:numero_remessa_retornox1"),
        (
            "brcobranca__CNAB240CECRED.RET",
            "bad_date:data_geracaox1,line_lengthx10,not_digits:hora_geracaox1,not_digits:numero_remessa_retornox1",
        ),
    ] {
        if let Some(b) = corpus(&format!("085-ailos/cnab240/retorno/{f}")) {
            assert!(read_retorno(&b, ReadOptions::strict()).is_err());
            let r = read_retorno(&b, ReadOptions::lenient()).expect(f);
            assert_eq!(summary(&r.problems), expected, "{f}");
            let e = &r.entries[0];
            assert_eq!(e.nosso_numero, "000000000000083", "{f}");
            assert_eq!(e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)), Some(("06", OcorrenciaKind::Liquidacao)));
            assert_eq!(e.valor_pago, Some(d("2.00")));
            assert_eq!(e.tarifa, Some(d("1.70")));
            assert_eq!(e.data_credito, date(2015, 8, 10));
            assert_eq!(e.motivos[0].code, "03");
        }
    }
}

#[test]
fn written_remessa_positions() {
    let model = model_remessa("085-ailos/cnab240/remessa/remessa.model.json");
    let bytes = write_remessa(&model, Bank::new(85), Layout::Cnab240).expect("write");
    let l = lines(&bytes);
    assert!(l.iter().all(|x| x.len() == 240));
    assert_eq!(&l[0][32..52], "101004              "); // 07.0 convênio na cooperativa
    assert_eq!(&l[0][52..58], "001015");
    assert_eq!(&l[0][58..71], "0000028067850");
    assert_eq!(&l[0][163..166], "087");
    assert_eq!(&l[1][13..16], "043");
    // 13.3P nosso número: conta+DV (8) + sequence (9), left-aligned in 38-57
    assert_eq!(&l[2][37..57], "02806785000000001   ");
    assert_eq!(&l[2][57..58], "1");
    assert_eq!(&l[2][77..85], "15122026");
    let back = read_remessa(&bytes, ReadOptions::strict()).expect("read back");
    assert_eq!(back.titulos[1].nosso_numero, "02806785000000002");
}

#[test]
fn remessa_model_is_the_fixture() {
    let m: Remessa = model_remessa("085-ailos/cnab240/remessa/remessa.model.json");
    assert_eq!(m.header.beneficiario.convenio, "101004");
}
