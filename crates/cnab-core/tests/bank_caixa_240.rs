//! Caixa (104) CNAB 240 SIGCB: the corpus files read with our tables, and a written remessa checked position by
//! position against "Leiaute CNAB 240 Cobrança Bancária CAIXA — SIGCB" (abril/2017).
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
    if let Some(b) = corpus("104-caixa/cnab240/remessa/brcobranca__remessa-caixa-cnab240.rem") {
        let r = read_remessa(&b, ReadOptions::strict()).expect("strict");
        assert_eq!(r.header.beneficiario.codigo_beneficiario, "123456");
        assert_eq!(r.header.beneficiario.agencia, "12345");
        assert_eq!(r.header.layout_versao, "050");
        let t = &r.titulos[0];
        assert_eq!(t.nosso_numero, "14000000000000123"); // modalidade 14 + 15 digits
        assert_eq!(t.seu_numero, "00000006969");
        assert_eq!(t.valor, d("199.90"));
        assert_eq!((t.baixa.codigo.as_str(), t.baixa.prazo), ("1", Some(120)));
    }
    for f in [
        "brboleto__caixa.rem",
        "pycobranca__remessa_caixa_cnab240.rem",
        "pycobranca__remessa_caixa_pix_cnab240.rem",
    ] {
        if let Some(b) = corpus(&format!("104-caixa/cnab240/remessa/{f}")) {
            // the Pix file's segment Y-03 código de movimento (16-17, numeric) is written " 0"
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
            assert_eq!(r.titulos[0].nosso_numero.len(), 17, "{f}");
        }
    }
    if let Some(b) = corpus("104-caixa/cnab240/remessa/pycobranca__remessa_caixa_cnab240.rem") {
        let r = read_remessa(&b, ReadOptions::strict()).expect("strict");
        assert_eq!(r.titulos[0].nosso_numero, "14000000012345678");
        assert_eq!(r.titulos[0].seu_numero, "0000DOC0001");
        assert_eq!(r.titulos[0].pagador.cidade, "BELO HORIZONTE");
    }
    // Maxwbh's generator: file trailer counts 7 records for 8 (segment Y not counted), and the Y-03's código de
    // movimento (16-17, numeric) is " 0".
    if let Some(b) = corpus("104-caixa/cnab240/remessa/maxwbhbrcobranca__caixa_cnab240_pix.rem") {
        let r = read_remessa(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(
            problems(&r.problems),
            [
                "not_digits:codigo_movimento@6",
                "trailer_count:qtd_registros@8"
            ]
        );
    }
    // OCA l10n-brazil test files: trailing spaces stripped from every line; otherwise clean.
    for (f, mov, n) in [
        ("ocal10nbr__teste_remessa-cef_240-1.REM", "01", 10),
        ("ocal10nbr__teste_remessa-cef_240-3-protesto.REM", "09", 7),
        (
            "ocal10nbr__teste_remessa-cef_240-7-conceder_desconto.REM",
            "07",
            7,
        ),
        (
            "ocal10nbr__teste_remessa-cef_240-9-alt_valor_titulo.REM",
            "47",
            7,
        ),
        (
            "ocal10nbr__teste_remessa-cef_240-10-alt_valor_titulo.REM",
            "47",
            7,
        ),
    ] {
        if let Some(b) = corpus(&format!("104-caixa/cnab240/remessa/{f}")) {
            let r = read_remessa(&b, ReadOptions::lenient()).expect(f);
            assert_eq!(summary(&r.problems), format!("line_lengthx{n}"), "{f}");
            assert_eq!(r.titulos[0].movimento, mov, "{f}");
            assert_eq!(r.titulos[0].nosso_numero, "14000000000000001", "{f}");
        }
    }
}

#[test]
fn corpus_retornos() {
    if let Some(b) = corpus("104-caixa/cnab240/retorno/opencnabphp__R2100095.RET") {
        let r = read_retorno(&b, ReadOptions::strict()).expect("strict");
        assert_eq!(r.header.layout_versao, "040");
        assert_eq!(r.header.beneficiario.codigo_beneficiario, "052634");
        let e = &r.entries[0];
        assert_eq!(e.nosso_numero, "24000000000085923");
        assert_eq!(e.variacao, "24"); // modalidade, T 40-41
        assert_eq!(e.nosso_numero_dv.as_deref(), Some("4"));
        assert_eq!(
            e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
            Some(("06", OcorrenciaKind::Liquidacao))
        );
        assert_eq!(e.valor_pago, Some(d("49.00")));
        assert_eq!(e.tarifa, Some(d("1.61")));
        assert_eq!(e.data_ocorrencia, date(2016, 12, 20));
        assert_eq!(e.data_credito, date(2016, 12, 21));
    }
    for (f, nn, valor) in [
        (
            "opencnabphp__RETORNOCEF091116.ret",
            "14000000000000031",
            "8.00",
        ),
        (
            "opencnabphp__retorno_cnab240_caixa.ret",
            "24000000000000001",
            "80.00",
        ),
        ("yaretorno__03091405.RET", "24000000000000033", "800.00"),
        (
            "yaretorno__RETORNOCEF090814.bax",
            "24000000000032447",
            "20.00",
        ),
        (
            "yaretorno__RETORNOCEF120814.ret",
            "24140000001001094",
            "7.50",
        ),
    ] {
        if let Some(b) = corpus(&format!("104-caixa/cnab240/retorno/{f}")) {
            let r = read_retorno(&b, ReadOptions::strict()).expect(f);
            assert_eq!(r.entries[0].nosso_numero, nn, "{f}");
            assert_eq!(r.entries[0].valor_titulo, Some(d(valor)), "{f}");
        }
    }
    // A "pré-crítica" retorno: one segment W (remessa record 000001 with field 18.0 in error).
    if let Some(b) = corpus("104-caixa/cnab240/retorno/opencnabphp__RETORNOCEF081116.ret") {
        let r = read_retorno(&b, ReadOptions::strict()).expect("strict");
        assert_eq!(r.entries.len(), 1);
        // Segment W is the "Retorno da Pré-Crítica" (manual p. 45): a notice about remessa record 000001, field
        // "18.0" (header de arquivo field 18, the NSA) with C047A code 88, not an "entrada confirmada".
        let o = r.entries[0].ocorrencia.as_ref().unwrap();
        assert_eq!(o.code, "02");
        assert_eq!(o.kind, OcorrenciaKind::PreCritica);
        assert_eq!(
            o.description,
            "Retorno da pré-crítica (segmento W) do registro 000001 da remessa: Entrada Confirmada"
        );
        assert!(!o.kind.is_payment() && !o.kind.is_rejection());
        assert_eq!(r.entries[0].motivos.len(), 1);
        assert_eq!(r.entries[0].motivos[0].code, "88");
        assert_eq!(
            r.entries[0].motivos[0].description.as_deref(),
            Some("campo 18.0: Número da remessa menor/igual remessa anterior")
        );
    }
    // br_boleto's "caixa.ret" is a template with placeholders (CEDEN1, NOSSONUMERO, carteira X) in numeric fields,
    // and a file trailer counting 12 records for 14.
    if let Some(b) = corpus("104-caixa/cnab240/retorno/brboleto__caixa.ret") {
        let r = read_retorno(&b, ReadOptions::lenient()).expect("lenient");
        within(
            &problems(&r.problems),
            &[
                "not_digits:nosso_numero@3",
                "not_digits:nosso_numero@11",
                "trailer_count:qtd_registros@14",
            ],
            &[
                "not_digits:nosso_numero@",
                "not_digits:codigo_beneficiario@",
                "not_digits:carteira@",
                // the template's header de lote: "uso exclusivo CAIXA" (40-53, zeros) holds text
                "not_digits:uso_caixa_1@2",
            ],
        );
        assert_eq!(r.entries[0].valor_pago, Some(d("129.39")));
        // T 40-56 is "M1NOSSONUMERO0001": the modalidade "M1" (40-41) is kept in the entry even though the
        // nosso número cannot be read as digits
        let mods: Vec<&str> = r.entries.iter().map(|e| e.variacao.as_str()).collect();
        assert_eq!(mods[..3], ["M1", "M2", "M3"]);
    }
    // OpenCnabPHP's "cnab240_bb.ret" is the 2011 Banco do Brasil sample with bank code 104 in its file header.
    if let Some(b) = corpus("104-caixa/cnab240/retorno/opencnabphp__cnab240_bb.ret") {
        // Only the file header says 104: every other record says 001, so it reads as the BB file it is, and the
        // contradiction is the first problem.
        let r = read_retorno(&b, ReadOptions::lenient()).expect("lenient");
        assert_eq!(r.bank.code(), 1);
        assert_eq!(
            problems(&r.problems),
            [
                "header_bank_conflict@1",
                "line_length@2",
                "not_digits:numero_remessa_retorno@2",
                "date_out_of_range:data_gravacao@2",
                "bad_date:data_credito@2"
            ]
        );
        assert_eq!(r.entries[0].nosso_numero, "32948600000000196");
    }
}

#[test]
fn written_remessa_positions() {
    let model = model_remessa("104-caixa/cnab240/remessa/remessa.model.json");
    let bytes = write_remessa(&model, Bank::new(104), Layout::Cnab240).expect("write");
    let l = lines(&bytes);
    assert!(l.iter().all(|x| x.len() == 240));
    // header de arquivo: 07.0 zeros 33-52, 08.0 agência 53-57, 10.0 código do beneficiário 59-64, 20.0 "101"
    assert_eq!(&l[0][32..52], "00000000000000000000");
    assert_eq!(&l[0][52..57], "01234");
    assert_eq!(&l[0][58..64], "654321");
    assert_eq!(&l[0][163..166], "101");
    assert_eq!(&l[0][191..207], "REMESSA-PRODUCAO");
    // header de lote: 07.1 "060", 11.1 código do beneficiário 34-39 and 14.1 60-65
    assert_eq!(&l[1][13..16], "060");
    assert_eq!(&l[1][33..39], "654321");
    assert_eq!(&l[1][59..65], "654321");
    // segmento P: 10.3P beneficiário 24-29, 13.3P nosso número 41-57 (modalidade 14 + 15), seu número 63-73
    assert_eq!(&l[2][23..29], "654321");
    assert_eq!(&l[2][39..40], "0");
    assert_eq!(&l[2][40..57], "14000000000000011");
    assert_eq!(&l[2][57..62], "11220");
    assert_eq!(&l[2][62..77], "NF-1001        ");
    assert_eq!(&l[2][85..100], "000000000012750");
    assert_eq!(&l[2][220..229], "300112009");
    let back = read_remessa(&bytes, ReadOptions::strict()).expect("read back");
    assert_eq!(back.titulos[1].nosso_numero, "14000000000000012");
    assert_eq!(back.header.beneficiario.codigo_beneficiario, "654321");
}

#[test]
fn remessa_model_is_the_fixture() {
    let m: Remessa = model_remessa("104-caixa/cnab240/remessa/remessa.model.json");
    assert_eq!(m.header.beneficiario.codigo_beneficiario, "654321");
}
