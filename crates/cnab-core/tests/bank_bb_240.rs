//! Banco do Brasil (001) CNAB 240: the corpus files read with our tables, and a written remessa checked position by
//! position against "Particularidades BB — Leiaute CNAB 240" (agosto/2017).
#![allow(clippy::unwrap_used)]
// test code may fail loudly

// Tests: a failed expectation is a failed test, so expect/panic/indexing are what we want here.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use chrono::NaiveDate;
use cnab_core::{
    read_remessa, read_retorno, write_remessa, Bank, Layout, OcorrenciaKind, ReadOptions, Remessa,
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
    // brcobranca: convênio 7 posições, nosso número 17 digits without DV, carteira 17 → código 7.
    if let Some(b) = corpus("001-bb/cnab240/remessa/brcobranca__remessa-banco_brasil-cnab240.rem") {
        let r = read_remessa(&b, ReadOptions::strict()).expect("strict");
        assert_eq!(r.header.beneficiario.convenio, "001234567");
        assert_eq!(r.header.beneficiario.agencia, "01234");
        assert_eq!(r.header.layout_versao, "083");
        let t = &r.titulos[0];
        assert_eq!(t.nosso_numero, "12345670000000123");
        assert_eq!(t.carteira, "7");
        assert_eq!(t.valor, d("199.90"));
        assert_eq!(t.vencimento, date(2015, 7, 14));
        assert_eq!(t.pagador.nome, "PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN");
    }
    if let Some(b) = corpus("001-bb/cnab240/remessa/enhancedcnab__bb.rem") {
        let r = read_remessa(&b, ReadOptions::strict()).expect("strict");
        let t = &r.titulos[0];
        assert_eq!(
            (t.nosso_numero.as_str(), t.seu_numero.as_str()),
            ("1800001", "DEV180001")
        );
        assert_eq!(t.valor, d("5.00"));
        assert_eq!(
            (t.juros.codigo.as_str(), t.juros.valor),
            ("2", Some(d("1.00")))
        );
        assert_eq!(
            (t.protesto.codigo.as_str(), t.protesto.prazo),
            ("1", Some(90))
        );
    }
    for f in [
        "pycobranca__remessa_banco_brasil_cnab240.rem",
        "pycobranca__remessa_banco_brasil_pix_cnab240.rem",
    ] {
        if let Some(b) = corpus(&format!("001-bb/cnab240/remessa/{f}")) {
            // the Pix file carries a segment Y-03 per title: read (raw), not an error; its código de movimento
            // (16-17, numeric) is written " 0", the one defect strict reading reports
            let r = read_remessa(&b, ReadOptions::lenient()).expect(f);
            let expected: &[&str] = if f.contains("pix") {
                &[
                    "not_digits:codigo_movimento@6",
                    "not_digits:codigo_movimento@10",
                ]
            } else {
                &[]
            };
            assert_eq!(problems(&r.problems), expected, "{f}");
            assert_eq!(r.titulos[0].nosso_numero, "12345670012345678");
            assert_eq!(r.titulos[0].vencimento, date(2026, 8, 15));
        }
    }
    // Maxwbh's generator counts 7 records in the file trailer but wrote 8 (it forgot its segment Y).
    if let Some(b) = corpus("001-bb/cnab240/remessa/maxwbhbrcobranca__banco_brasil_cnab240_pix.rem")
    {
        assert!(read_remessa(&b, ReadOptions::strict()).is_err());
        let r = read_remessa(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(
            problems(&r.problems),
            [
                "not_digits:codigo_movimento@6",
                "trailer_count:qtd_registros@8"
            ]
        );
        assert_eq!(r.titulos[0].valor, d("123.45"));
    }
}

#[test]
fn corpus_retornos() {
    // The 2011 BB sample (brcobranca, br_boleto): every line lost its trailing spaces, and the header de lote has
    // one extra byte before position 184, which shifts "data de gravação"/"data do crédito" by one.
    for (f, n_len) in [
        ("brcobranca__CNAB240.RET", 74),
        ("brboleto__banco_brasil.ret", 4),
    ] {
        if let Some(b) = corpus(&format!("001-bb/cnab240/retorno/{f}")) {
            assert!(read_retorno(&b, ReadOptions::strict()).is_err());
            let r = read_retorno(&b, ReadOptions::lenient()).expect(f);
            assert_eq!(
                summary(&r.problems),
                format!("bad_date:data_creditox1,bad_date:data_gravacaox1,line_lengthx{n_len}")
            );
            let e = &r.entries[0];
            assert_eq!(e.nosso_numero, "14499570000020673");
            let oc = e.ocorrencia.as_ref().expect("ocorrência");
            assert_eq!(
                (oc.code.as_str(), oc.kind),
                ("17", OcorrenciaKind::LiquidacaoAposBaixa)
            );
            assert_eq!(e.valor_pago, Some(d("344.00")));
            assert_eq!(e.valor_creditado, Some(d("342.97")));
            assert_eq!(e.tarifa, Some(d("1.03")));
            assert_eq!(e.data_credito, date(2012, 1, 2));
            assert_eq!(e.motivos[0].code, "03");
        }
    }
    // Same sample with motivo codes; its file trailer also miscounts.
    if let Some(b) = corpus("001-bb/cnab240/retorno/brcobranca__CNAB240_COM_CODIGOS.RET") {
        let r = read_retorno(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(
            summary(&r.problems),
            "bad_date:data_creditox1,bad_date:data_gravacaox1,line_lengthx12,trailer_count:qtd_registrosx1"
        );
        let codes: Vec<&str> = r.entries[0]
            .motivos
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        assert_eq!(codes, ["A9", "A4", "15", "22", "16"]);
    }
    // laravel-boleto / ya-retorno copy of a 2011 file: line 2 is 241 bytes (one extra byte before 184).
    for f in [
        "laravelboleto__banco_brasil.ret",
        "yaretorno__retorno_cnab240.ret",
    ] {
        if let Some(b) = corpus(&format!("001-bb/cnab240/retorno/{f}")) {
            let r = read_retorno(&b, ReadOptions::lenient()).expect(f);
            assert_eq!(
                problems(&r.problems),
                [
                    "line_length@2",
                    "not_digits:numero_remessa_retorno@2",
                    "date_out_of_range:data_gravacao@2",
                    "bad_date:data_credito@2"
                ]
            );
            let e = &r.entries[0];
            assert_eq!(e.nosso_numero, "32948600000000196");
            assert_eq!(
                e.ocorrencia.as_ref().map(|o| o.kind),
                Some(OcorrenciaKind::Liquidacao)
            );
            assert_eq!(e.data_ocorrencia, date(2011, 3, 21));
            assert_eq!(e.banco_cobrador, "237");
        }
    }
    // marcodpt/cnab: an anonymized file (letters in the numeric convênio and nosso número), a blank in the agência
    // cobradora of line 7, and movimentos 62/67 that the BB manual (2017) does not list.
    if let Some(b) = corpus("001-bb/cnab240/retorno/marcodptcnab__bb.txt") {
        let r = read_retorno(&b, ReadOptions::lenient()).expect("lenient");
        within(
            &problems(&r.problems),
            &[
                "not_digits:convenio@1",
                "not_digits:convenio@2",
                "unknown_ocorrencia:codigo_movimento@15",
                "unknown_ocorrencia:codigo_movimento@19",
            ],
            &["not_digits:agencia_cobradora@7"],
        );
        assert_eq!(r.entries[0].seu_numero, "59723666-D");
        assert_eq!(r.entries[0].valor_pago, Some(d("1793.71")));
    }
}

#[test]
fn written_remessa_positions() {
    let model = model_remessa("001-bb/cnab240/remessa/remessa.model.json");
    let bytes = write_remessa(&model, Bank::new(1), Layout::Cnab240).expect("write");
    let l = lines(&bytes);
    assert!(l.iter().all(|x| x.len() == 240));
    // header de arquivo 07.0: BB1 convênio 33-41, BB2 "0014" 42-45; 08.0-11.0 agência/conta
    assert_eq!(&l[0][32..41], "001234567");
    assert_eq!(&l[0][41..45], "0014");
    assert_eq!(&l[0][52..58], "034347");
    assert_eq!(&l[0][58..71], "0000000123456");
    assert_eq!(&l[0][142..143], "1");
    assert_eq!(&l[0][163..166], "083");
    // header de lote 11.1 BB1 34-42, BB2 43-46; 07.1 versão do lote 14-16
    assert_eq!(&l[1][13..16], "042");
    assert_eq!(&l[1][33..42], "001234567");
    assert_eq!(&l[1][42..46], "0014");
    // segmento P: 13.3P nosso número 38-57 left-aligned, 14.3P carteira 58, 20.3P vencimento, 21.3P valor
    assert_eq!(&l[2][13..14], "P");
    assert_eq!(&l[2][37..57], "12345670000000001   ");
    assert_eq!(&l[2][57..58], "7");
    assert_eq!(&l[2][62..77], "NF-1001        ");
    assert_eq!(&l[2][77..85], "15122026");
    assert_eq!(&l[2][85..100], "000000000012750");
    // segmento Q: pagador nome 34-73, CEP 129-136, UF 152-153
    assert_eq!(&l[3][33..50], "JOSE DA CONCEICAO");
    assert_eq!(&l[3][128..136], "01001000");
    assert_eq!(&l[3][151..153], "SP");
    let back = read_remessa(&bytes, ReadOptions::strict()).expect("read back");
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos[1].nosso_numero, "12345670000000002");
    assert_eq!(back.header.beneficiario.convenio, "001234567");
}

#[test]
fn remessa_model_is_the_fixture() {
    let m: Remessa = model_remessa("001-bb/cnab240/remessa/remessa.model.json");
    assert_eq!(m.titulos[0].carteira, "7");
}
