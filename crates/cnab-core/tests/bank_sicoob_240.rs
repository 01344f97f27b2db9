//! Sicoob (756) CNAB 240: the corpus files read with our tables (nosso número split into número/parcela/modalidade),
//! and a written remessa checked position by position against "Leiaute Cobrança Sicoob — Sistemas de Terceiro".
#![allow(clippy::unwrap_used)]
// test code may fail loudly

// Tests: a failed expectation is a failed test, so expect/panic/indexing are what we want here.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use chrono::NaiveDate;
use cnab_core::{
    detect, read_remessa, read_retorno, write_remessa, Bank, Layout, OcorrenciaKind, ReadOptions,
    Remessa,
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
        ("cnabboleto__exemplo cnab240.txt", "0000051230", "1.00"),
        (
            "eduardordmcnab240__sicoob_240_boletos.CED",
            "0000006018",
            "2.00",
        ),
        (
            "maxwbhbrcobranca__sicoob_cnab240.rem",
            "0000000001",
            "123.45",
        ),
        (
            "pycobranca__remessa_sicoob_cnab240.rem",
            "0012345678",
            "199.90",
        ),
    ] {
        if let Some(b) = corpus(&format!("756-sicoob/cnab240/remessa/{f}")) {
            let r = read_remessa(&b, ReadOptions::strict()).expect(f);
            let t = &r.titulos[0];
            assert_eq!(t.nosso_numero, nn, "{f}");
            assert_eq!(t.variacao, "01", "{f}: modalidade 50-51");
            assert_eq!(t.valor, d(valor), "{f}");
            assert_eq!(r.header.layout_versao, "081", "{f}");
        }
    }
    // Segment S with tipo de impressão 1, which Sicoob's leiaute does not use (08.3S): refused strictly, named
    // leniently, instead of its line number and message being read as mensagens 5 and 6.
    if let Some(b) = corpus("756-sicoob/cnab240/remessa/brboleto__sicoob.rem") {
        let e = read_remessa(&b, ReadOptions::strict()).expect_err("tipo de impressão 1");
        assert_eq!(
            e.to_string(),
            "line 6, column 18 (tipo_impressao): expected \"3\", found \"1\""
        );
        let r = read_remessa(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(problems(&r.problems), ["bad_const:tipo_impressao@6"]);
        assert_eq!(r.titulos[0].nosso_numero, "0000157804");
        assert_eq!(r.titulos[0].valor, d("147.89"));
        assert_eq!(r.header.beneficiario.agencia, "03040");
        assert_eq!(r.header.beneficiario.conta, "000000054843");
        assert_eq!(r.titulos[0].vencimento, date(2016, 9, 6));
    }
    // Maxwbh's generator: the file trailer counts 7 records for 8 (segment Y-03 not counted), and the Y-03's
    // código de movimento (16-17, numeric) is " 0".
    if let Some(b) = corpus("756-sicoob/cnab240/remessa/maxwbhbrcobranca__sicoob_cnab240_pix.rem") {
        let r = read_remessa(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(
            problems(&r.problems),
            [
                "not_digits:codigo_movimento@6",
                "trailer_count:qtd_registros@8"
            ]
        );
    }
    // "Sicoob correspondente BB" (brcobranca): a different product — Sicoob titles registered through Banco do
    // Brasil — with its own layout: no file header, no file trailer, lote 0000 records, a header de lote that is
    // not FEBRABAN's. Our Sicoob tables do not describe it; lenient reading lists what does not fit.
    if let Some(b) = corpus(
        "756-sicoob/cnab240/remessa/brcobranca__remessa-sicoob-correspondente-bb-cnab240.rem",
    ) {
        assert!(detect(&b).is_ok_and(|d| d.bank == Bank::new(756)));
        assert!(read_remessa(&b, ReadOptions::strict()).is_err());
        let r = read_remessa(&b, ReadOptions::lenient()).expect("lenient");
        within(
            &problems(&r.problems),
            &[
                "missing_header@1",
                "not_digits:nosso_numero@2",
                "trailer_count:qtd_registros@4",
                "missing_trailer@4",
            ],
            &[
                "not_digits:conta@1",
                "bad_date:data_gravacao@1",
                "not_digits:especie@2",
                "not_digits:nosso_numero@2",
                // its records carry bank 000 under a header de lote of 756
                "bank_mismatch:banco@",
            ],
        );
    }
}

#[test]
fn corpus_retornos() {
    if let Some(b) =
        corpus("756-sicoob/cnab240/retorno/retsicoobphp2__4598_968200_269328_211014_C240_508.RET")
    {
        let r = read_retorno(&b, ReadOptions::strict()).expect("strict");
        assert_eq!(r.header.layout_versao, "085");
        let e = &r.entries[0];
        assert_eq!(e.nosso_numero, "0000051911");
        assert_eq!(e.seu_numero, "0000124003");
        assert_eq!(
            e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
            Some(("06", OcorrenciaKind::Liquidacao))
        );
        assert_eq!(e.valor_titulo, Some(d("667.00")));
        assert_eq!(e.valor_pago, Some(d("673.09")));
        assert_eq!(e.juros_multa, Some(d("6.09")));
        assert_eq!(e.tarifa, Some(d("1.60")));
        assert_eq!(e.data_credito, date(2021, 10, 14));
        assert_eq!(e.motivos[0].code, "04");
    }
    for (f, nn, code) in [
        (
            "retsicoobphp2__4598_968200_269328_211013_C240_507.RET",
            "0000056168",
            "02",
        ),
        ("retsicoobphp__retorno.txt", "0000002061", "06"),
        ("webmatrixboleto__bancoob.ret", "0000002237", "02"),
    ] {
        if let Some(b) = corpus(&format!("756-sicoob/cnab240/retorno/{f}")) {
            let r = read_retorno(&b, ReadOptions::strict()).expect(f);
            assert_eq!(r.entries[0].nosso_numero, nn, "{f}");
            assert_eq!(
                r.entries[0].ocorrencia.as_ref().map(|o| o.code.as_str()),
                Some(code),
                "{f}"
            );
        }
    }
    // br_boleto sample: the file trailer says 12 records for 14.
    if let Some(b) = corpus("756-sicoob/cnab240/retorno/brboleto__padrao240.ret") {
        let r = read_retorno(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(problems(&r.problems), ["trailer_count:qtd_registros@14"]);
        assert_eq!(r.entries[0].nosso_numero, "0000000330");
        assert_eq!(r.entries[0].valor_pago, Some(d("129.39")));
    }
    // brcobranca's sample: trailing spaces stripped, and the file header lost 7 bytes in its bank name
    // (so data/hora de geração are shifted) and the header de lote one byte before 184.
    if let Some(b) = corpus("756-sicoob/cnab240/retorno/brcobranca__CNAB240SICOOB.RET") {
        let r = read_retorno(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(
            summary(&r.problems),
            "bad_date:data_geracaox1,line_lengthx10,not_digits:hora_geracaox1,not_digits:numero_remessa_retornox1"
        );
        let e = &r.entries[0];
        assert_eq!(e.nosso_numero, "0000000083");
        assert_eq!(e.valor_pago, Some(d("2.00")));
        assert_eq!(e.data_ocorrencia, date(2015, 8, 10));
    }
}

#[test]
fn written_remessa_positions() {
    let model = model_remessa("756-sicoob/cnab240/remessa/remessa.model.json");
    let bytes = write_remessa(&model, Bank::new(756), Layout::Cnab240).expect("write");
    let l = lines(&bytes);
    assert!(l.iter().all(|x| x.len() == 240));
    assert_eq!(&l[0][52..58], "030690"); // prefixo da cooperativa + DV
    assert_eq!(&l[0][163..166], "081");
    assert_eq!(&l[1][13..16], "040"); // 07.1 versão do lote
                                      // 13.3P: NumTitulo 38-47, parcela 48-49, modalidade 50-51, tipo formulário 52, brancos 53-57
    assert_eq!(&l[2][37..47], "0000001234");
    assert_eq!(&l[2][47..49], "01");
    assert_eq!(&l[2][49..51], "01");
    assert_eq!(&l[2][51..52], "4");
    assert_eq!(&l[2][52..57], "     ");
    // 14.3P carteira, 15.3P "0", 16.3P blank
    assert_eq!(&l[2][57..60], "10 ");
    assert_eq!(&l[2][85..100], "000000000012750");
    let back = read_remessa(&bytes, ReadOptions::strict()).expect("read back");
    assert_eq!(back.titulos[0].nosso_numero, "0000001234");
    assert_eq!(back.titulos[0].variacao, "01");
}

#[test]
fn remessa_model_is_the_fixture() {
    let m: Remessa = model_remessa("756-sicoob/cnab240/remessa/remessa.model.json");
    assert_eq!(m.titulos[0].variacao, "01");
}
