//! Writing changes nothing silently: every value is written as given, or refused with an error naming the title,
//! the field and the value, or (text cut to its field, values the layout cannot carry) reported as a warning.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{
    read_remessa, remessa_from_json, write_remessa, write_remessa_with, Bank, Error, ErrorKind,
    Layout, ReadOptions, Remessa, WarningKind, WriteOptions, WriteWarning, Written,
};
use cnab_core::{Inscricao, Pessoa};
use rust_decimal::Decimal;
use std::str::FromStr;

fn model(dir: &str) -> Remessa {
    let p = format!(
        "{}/../../fixtures/{dir}/remessa/remessa.model.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// Itaú CNAB 240: title 1 is seu número "NF-1001", nosso número "12345678".
fn itau240() -> Remessa {
    model("341-itau/cnab240")
}

fn write(r: &Remessa, bank: u16, layout: Layout) -> Result<Written, Error> {
    write_remessa_with(r, Bank::new(bank), layout, WriteOptions::default())
}

fn strict(r: &Remessa, bank: u16, layout: Layout) -> Result<Written, Error> {
    let opts = WriteOptions {
        strict: true,
        ..WriteOptions::default()
    };
    write_remessa_with(r, Bank::new(bank), layout, opts)
}

/// The refusal's (títle, seu número, nosso número, model field, value, reason).
fn refusal(e: &Error) -> (usize, &str, &str, &str, &str, &str) {
    match &e.kind {
        ErrorKind::Unwritable { detail: d } => (
            d.titulo,
            &d.seu_numero,
            &d.nosso_numero,
            &d.field,
            &d.value,
            &d.reason,
        ),
        other => panic!("not an Unwritable error: {other:?} ({e})"),
    }
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

const T1: (usize, &str, &str) = (1, "NF-1001", "12345678");

fn assert_refused(e: &Error, titulo: (usize, &str, &str), field: &str, value: &str, reason: &str) {
    let (t, seu, nosso, f, v, r) = refusal(e);
    assert_eq!((t, seu, nosso), titulo, "{e}");
    assert_eq!((f, v, r), (field, value, reason), "{e}");
}

// ---- money ----

#[test]
fn money_with_more_than_two_decimals_is_refused_never_rounded() {
    let mut r = itau240();
    r.titulos[0].valor = dec("127.505");
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "valor",
        "127.505",
        "has more than 2 decimal places (the writer never rounds)",
    );
    assert_eq!(
        (e.line, e.field, e.columns),
        (3, Some("valor_titulo"), Some((86, 100)))
    );
    assert_eq!(
        e.to_string(),
        "line 3, columns 86-100 (valor_titulo): título 1 (seu número \"NF-1001\", nosso número \
         \"12345678\"): valor \"127.505\": has more than 2 decimal places (the writer never rounds)"
    );
    // The same for every amount: juros, multa, desconto, abatimento.
    let mut r = itau240();
    r.titulos[1].multa.valor = Some(dec("2.001"));
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        (2, "NF-1002", "12345679"),
        "multa.valor",
        "2.001",
        "has more than 2 decimal places (the writer never rounds)",
    );
    // Trailing zeros are not decimals: 127.500 is 127.50.
    let mut r = itau240();
    r.titulos[0].valor = dec("127.500");
    assert_eq!(
        write(&r, 341, Layout::Cnab240).unwrap().bytes,
        write(&itau240(), 341, Layout::Cnab240).unwrap().bytes
    );
    // Negative amounts.
    let mut r = itau240();
    r.titulos[0].valor = dec("-1.00");
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "valor",
        "-1.00",
        "negative values cannot be written",
    );
}

#[test]
fn trailer_totals_are_summed_from_what_is_written() {
    let mut r = model("033-santander/cnab400");
    r.titulos[0].valor = dec("100.100");
    let bytes = write(&r, 33, Layout::Cnab400).unwrap().bytes;
    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    let details: Decimal = back.titulos.iter().map(|t| t.valor).sum();
    let text = String::from_utf8(bytes).unwrap();
    let trailer = text.lines().last().unwrap();
    let total = Decimal::new(trailer[7..20].parse::<i64>().unwrap(), 2);
    assert_eq!(total, details);
    assert_eq!(total, r.titulos.iter().map(|t| t.valor).sum::<Decimal>());
}

// ---- numeric fields ----

#[test]
fn letters_in_numeric_fields_are_refused() {
    let mut r = itau240();
    r.titulos[0].nosso_numero = "1234567A".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        (1, "NF-1001", "1234567A"),
        "nosso_numero",
        "1234567A",
        "'A' in a numeric field (digits only)",
    );
    assert_eq!(e.field, Some("nosso_numero"));

    let mut r = itau240();
    r.titulos[0].pagador.cep = "0100A000".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "pagador.cep",
        "0100A000",
        "'A' in a numeric field (digits and the separators \"-.\" only)",
    );

    let mut r = itau240();
    r.header.beneficiario.agencia = "OO57".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        (0, "", ""),
        "header.beneficiario.agencia",
        "OO57",
        "'O' in a numeric field (digits only)",
    );
    assert_eq!(e.line, 1);
}

#[test]
fn punctuation_in_numeric_fields_is_refused_not_dropped() {
    let mut r = itau240();
    r.header.beneficiario.conta = "12.345-6".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        (0, "", ""),
        "header.beneficiario.conta",
        "12.345-6",
        "'.' in a numeric field (digits only)",
    );
    let mut r = itau240();
    r.titulos[0].nosso_numero = "1234-5678".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_eq!(refusal(&e).3, "nosso_numero");
    assert_eq!(refusal(&e).5, "'-' in a numeric field (digits only)");
}

#[test]
fn cep_cpf_and_cnpj_separators_are_the_only_ones_dropped() {
    let mut r = itau240();
    r.titulos[0].pagador.cep = "01001-000".into();
    r.titulos[0].pagador.inscricao.numero = "529.982.247-25".into();
    r.header.beneficiario.inscricao.numero = "11.222.333/0001-81".into();
    assert_eq!(
        write(&r, 341, Layout::Cnab240).unwrap().bytes,
        write(&itau240(), 341, Layout::Cnab240).unwrap().bytes
    );
    let mut r = itau240();
    r.titulos[0].pagador.cep = "01001 000".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "pagador.cep",
        "01001 000",
        "' ' in a numeric field (digits and the separators \"-.\" only)",
    );
    let opts = WriteOptions {
        skip_document_check: true,
        ..WriteOptions::default()
    };
    let mut r = itau240();
    r.titulos[0].pagador.inscricao.numero = "529,982,247-25".into();
    let e = write_remessa_with(&r, Bank::new(341), Layout::Cnab240, opts).unwrap_err();
    assert_refused(
        &e,
        T1,
        "pagador.inscricao.numero",
        "529,982,247-25",
        "',' in a CPF/CNPJ (digits, upper-case letters and the separators \".-/\" only)",
    );
}

#[test]
fn fullwidth_digits_in_numeric_fields_are_refused_not_zeroed() {
    let mut r = itau240();
    r.titulos[0].nosso_numero = "１２３４５６７８".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_eq!(refusal(&e).3, "nosso_numero");
    assert_eq!(refusal(&e).5, "'１' in a numeric field (digits only)");
}

// ---- codes ----

#[test]
fn codes_wider_than_their_field_are_refused() {
    let mut r = itau240();
    r.titulos[0].especie = "12345".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "especie",
        "12345",
        "does not fit the field's 2 position(s)",
    );

    let mut r = itau240();
    r.titulos[0].pagador.uf = "SAO PAULO".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "pagador.uf",
        "SAO PAULO",
        "does not fit the field's 2 position(s)",
    );
    assert_eq!(e.field, Some("pagador_uf"));
}

#[test]
fn sicredi_400_especie_dm_is_refused_not_cut_to_d() {
    let mut r = model("748-sicredi/cnab400");
    r.titulos[0].especie = "DM".into();
    let e = write(&r, 748, Layout::Cnab400).unwrap_err();
    let (t, _, _, field, value, reason) = refusal(&e);
    assert_eq!(
        (t, field, value, reason),
        (1, "especie", "DM", "does not fit the field's 1 position(s)")
    );
    assert_eq!((e.columns, e.field), (Some((149, 149)), Some("especie")));
    // The manual's own one-letter code is written as given.
    r.titulos[0].especie = "A".into();
    let bytes = write(&r, 748, Layout::Cnab400).unwrap().bytes;
    assert_eq!(&bytes[402 + 148..402 + 149], b"A");
}

// ---- character set ----

#[test]
fn characters_outside_the_charset_are_refused() {
    let mut r = itau240();
    r.titulos[0].pagador.nome = "王小明".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "pagador.nome",
        "王小明",
        "character '王' (U+738B) has no form in the layout's character set (upper-case ASCII)",
    );
    let mut r = itau240();
    r.titulos[1].mensagens = vec!["Obrigado 🙂".into()];
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    let (t, _, _, field, value, reason) = refusal(&e);
    assert_eq!((t, field, value), (2, "mensagens[0]", "Obrigado 🙂"));
    assert_eq!(
        reason,
        "character '🙂' (U+1F642) has no form in the layout's character set (upper-case ASCII)"
    );
    let mut r = itau240();
    r.titulos[0].pagador.endereco = "Rua A\n100".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_eq!(refusal(&e).3, "pagador.endereco");
    assert!(refusal(&e).5.starts_with("character '\\n' (U+000A)"), "{e}");
}

#[test]
fn fullwidth_text_is_normalized_and_accents_folded() {
    let mut r = itau240();
    r.titulos[0].pagador.nome = "ＪＯＳＥ １".into();
    r.titulos[0].pagador.bairro = "Cidade Ősz".into();
    let w = write(&r, 341, Layout::Cnab240).unwrap();
    assert!(w.warnings.is_empty(), "{:?}", w.warnings);
    let back = read_remessa(&w.bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[0].pagador.nome, "JOSE 1");
    assert_eq!(back.titulos[0].pagador.bairro, "CIDADE OSZ");
}

// ---- documents ----

#[test]
fn an_invalid_sacador_cpf_is_refused_like_the_pagadors() {
    let mut r = itau240();
    r.titulos[1].sacador_avalista = Some(Pessoa {
        inscricao: Inscricao {
            tipo: Some(1),
            numero: "52998224726".into(),
        },
        nome: "AVALISTA".into(),
        ..Pessoa::default()
    });
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        (2, "NF-1002", "12345679"),
        "sacador_avalista.inscricao.numero",
        "52998224726",
        "not a valid CPF/CNPJ (wrong length or check digit)",
    );
    let mut r = itau240();
    r.titulos[0].pagador.inscricao.numero = "52998224726".into();
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    assert_refused(
        &e,
        T1,
        "pagador.inscricao.numero",
        "52998224726",
        "not a valid CPF/CNPJ (wrong length or check digit)",
    );
}

// ---- warnings: cut text, values not carried ----

fn one_warning(w: &Written) -> &WriteWarning {
    assert_eq!(w.warnings.len(), 1, "{:#?}", w.warnings);
    &w.warnings[0]
}

#[test]
fn long_names_are_cut_with_a_warning_and_refused_when_strict() {
    let mut r = itau240();
    r.titulos[0].pagador.nome = "Maria Aparecida dos Santos Oliveira Filha".into();
    let w = write(&r, 341, Layout::Cnab240).unwrap();
    let x = one_warning(&w);
    assert_eq!(
        (
            x.titulo,
            x.field.as_str(),
            x.value.as_str(),
            x.line,
            x.columns,
            x.layout_field
        ),
        (
            1,
            "pagador.nome",
            "Maria Aparecida dos Santos Oliveira Filha",
            4,
            Some((34, 63)),
            Some("pagador_nome")
        )
    );
    assert_eq!(
        x.kind,
        WarningKind::Truncated {
            width: 30,
            written: "MARIA APARECIDA DOS SANTOS OLI".into()
        }
    );
    assert_eq!(
        x.to_string(),
        "line 4, columns 34-63 (pagador_nome): título 1 (seu número \"NF-1001\", nosso número \
         \"12345678\"): pagador.nome \"Maria Aparecida dos Santos Oliveira Filha\": longer than the \
         field's 30 positions, cut to \"MARIA APARECIDA DOS SANTOS OLI\""
    );
    let e = strict(&r, 341, Layout::Cnab240).unwrap_err();
    let (t, _, _, field, _, reason) = refusal(&e);
    assert_eq!((t, field), (1, "pagador.nome"));
    assert_eq!(
        reason,
        "longer than the field's 30 positions, cut to \"MARIA APARECIDA DOS SANTOS OLI\" (strict writing)"
    );
    // `write_remessa` writes the same bytes.
    assert_eq!(
        write_remessa(&r, Bank::new(341), Layout::Cnab240).unwrap(),
        w.bytes
    );
}

#[test]
fn long_addresses_and_messages_are_cut_with_a_warning() {
    let mut r = itau240();
    r.titulos[0].pagador.endereco =
        "Avenida Presidente Juscelino Kubitschek, 1909, Torre Sul".into();
    r.titulos[1].mensagens = vec!["X".repeat(45)];
    let w = write(&r, 341, Layout::Cnab240).unwrap();
    let fields: Vec<(usize, &str)> = w
        .warnings
        .iter()
        .map(|x| (x.titulo, x.field.as_str()))
        .collect();
    assert_eq!(fields, [(1, "pagador.endereco"), (2, "mensagens[0]")]);
    assert!(matches!(
        w.warnings[0].kind,
        WarningKind::Truncated { width: 40, .. }
    ));
}

#[test]
fn values_the_layout_cannot_carry_are_warned_and_refused_when_strict() {
    // Itaú 240 has no variação field, one message field (segment P's "mensagem") and no sacador address.
    let mut r = itau240();
    r.titulos[0].variacao = "019".into();
    r.titulos[1].mensagens = (1..=3).map(|i| format!("MENSAGEM {i}")).collect();
    r.titulos[1].sacador_avalista = Some(Pessoa {
        inscricao: Inscricao {
            tipo: Some(1),
            numero: "52998224725".into(),
        },
        nome: "AVALISTA".into(),
        cidade: "RECIFE".into(),
        ..Pessoa::default()
    });
    let w = write(&r, 341, Layout::Cnab240).unwrap();
    let got: Vec<(usize, &str, &str, &WarningKind)> = w
        .warnings
        .iter()
        .map(|x| (x.titulo, x.field.as_str(), x.value.as_str(), &x.kind))
        .collect();
    let nc = &WarningKind::NotCarried;
    assert_eq!(
        got,
        [
            (1, "variacao", "019", nc),
            (2, "sacador_avalista.cidade", "RECIFE", nc),
            (2, "mensagens[1]", "MENSAGEM 2", nc),
            (2, "mensagens[2]", "MENSAGEM 3", nc),
        ]
    );
    assert_eq!(
        w.warnings[0].to_string(),
        "título 1 (seu número \"NF-1001\", nosso número \"12345678\"): variacao \"019\": the layout has \
         no field for it: not written"
    );
    let e = strict(&r, 341, Layout::Cnab240).unwrap_err();
    let (t, _, _, field, value, reason) = refusal(&e);
    assert_eq!(
        (t, field, value, reason),
        (
            1,
            "variacao",
            "019",
            "the layout has no field for it: not written (strict writing)"
        )
    );
    // Five messages: the fifth has no field in any layout.
    let mut r = model("237-bradesco/cnab400");
    r.titulos[0].mensagens = (1..=5).map(|i| format!("M{i}")).collect();
    let w = write(&r, 237, Layout::Cnab400).unwrap();
    assert!(w
        .warnings
        .iter()
        .any(|x| x.field == "mensagens[4]" && x.kind == WarningKind::NotCarried));
}

#[test]
fn a_clean_model_writes_without_warnings_in_strict_mode() {
    let w = strict(&itau240(), 341, Layout::Cnab240).unwrap();
    assert!(w.warnings.is_empty());
}

// ---- JSON ----

#[test]
fn unknown_json_keys_are_refused_with_their_path() {
    let json = br#"{"header": {}, "titulos": [{"seu_numero": "1"}, {"vencimeto": "2026-01-02"}]}"#;
    let e = remessa_from_json(json).unwrap_err();
    match &e.kind {
        ErrorKind::BadModel { path, message } => {
            assert_eq!(path, "titulos[1].vencimeto");
            assert!(
                message.starts_with("unknown field `vencimeto`"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    // Nested: a misspelt pagador key.
    let json = br#"{"header": {}, "titulos": [{"pagador": {"cidadee": "X"}}]}"#;
    let e = remessa_from_json(json).unwrap_err();
    assert!(
        matches!(&e.kind, ErrorKind::BadModel { path, .. } if path == "titulos[0].pagador.cidadee")
    );
    // serde itself refuses them too.
    assert!(serde_json::from_slice::<Remessa>(json).is_err());
    // What `cnab parse` prints for a remessa is accepted.
    let bytes = write_remessa(&itau240(), Bank::new(341), Layout::Cnab240).unwrap();
    let parsed = cnab_core::read(&bytes, ReadOptions::strict()).unwrap();
    let out = serde_json::to_vec(&parsed).unwrap();
    let back = remessa_from_json(&out).unwrap();
    assert_eq!(back.titulos.len(), 2);
    // A retorno is not a remessa.
    let e = remessa_from_json(br#"{"kind": "retorno", "header": {}, "titulos": []}"#).unwrap_err();
    assert!(matches!(&e.kind, ErrorKind::BadModel { path, .. } if path == "kind"));
}

#[test]
fn refusals_serialize_flat_with_their_kind() {
    let mut r = itau240();
    r.titulos[0].valor = dec("1.005");
    let e = write(&r, 341, Layout::Cnab240).unwrap_err();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["kind"], "unwritable");
    assert_eq!(v["code"], "unwritable");
    assert_eq!(v["category"], "business");
    assert_eq!(v["titulo"], 1);
    assert_eq!(v["seu_numero"], "NF-1001");
    assert_eq!(v["model_field"], "valor");
    assert_eq!(v["value"], "1.005");
    assert_eq!(v["field"], "valor_titulo");
    assert_eq!(v["line"], 3);
    let e = remessa_from_json(br#"{"header": {}, "titulos": [], "x": 1}"#).unwrap_err();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["kind"], "bad_model");
    assert_eq!(v["path"], "x");
}

// ---- CNAB 240 batches ----

#[test]
fn a_cnab240_remessa_larger_than_one_batch_starts_new_batches() {
    // Itaú 240: each title is a P and a Q segment. 50,001 titles = 100,002 detail records; a batch holds 99,999
    // (FEBRABAN G038: 5-digit record number), so 49,999 titles fit the first batch and 2 go to the second.
    let base = itau240();
    let mut r = base.clone();
    let mut t = base.titulos[0].clone();
    t.mensagens.clear();
    r.titulos = (0..50_001u32)
        .map(|i| {
            let mut t = t.clone();
            t.nosso_numero = format!("{:08}", i + 1);
            t.seu_numero = format!("S{i}");
            t
        })
        .collect();
    let w = write(&r, 341, Layout::Cnab240).unwrap();
    assert!(w.warnings.is_empty());
    let text = std::str::from_utf8(&w.bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + (1 + 99_998 + 1) + (1 + 4 + 1) + 1);
    let kinds: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(&l[7..8], "0" | "1" | "5" | "9"))
        .map(|(i, l)| (i, &l[..8]))
        .collect();
    assert_eq!(
        kinds,
        [
            (0, "34100000"),
            (1, "34100011"),
            (100_000, "34100015"),
            (100_001, "34100021"),
            (100_006, "34100025"),
            (100_007, "34199999"),
        ]
    );
    // Record numbers restart in each batch; batch trailers count their own records and titles; the file
    // trailer counts the batches and every record.
    assert_eq!(&lines[99_999][8..13], "99998");
    assert_eq!(&lines[100_002][8..13], "00001");
    assert_eq!(&lines[100_000][17..23], "100000");
    assert_eq!(&lines[100_006][17..23], "000006");
    assert_eq!(&lines[100_007][17..23], "000002");
    assert_eq!(&lines[100_007][23..29], "100008");
    let back = read_remessa(&w.bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos.len(), 50_001);
    assert_eq!(back.titulos[49_999].nosso_numero, "00050000");
    assert_eq!(back.titulos[50_000].seu_numero, "S50000");
}

// ---- properties ----

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn cfg() -> ProptestConfig {
        ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
    }

    proptest! {
        #![proptest_config(cfg())]

        /// An amount is written exactly (and read back equal) when its field holds it, else refused naming the
        /// title, the field and the value: never rounded.
        #[test]
        fn amounts_are_exact_or_refused(mantissa in 0i64..10_000_000_000_000, scale in 0u32..5) {
            let d = Decimal::new(mantissa, scale);
            let mut r = itau240();
            r.titulos[0].valor = d;
            match write(&r, 341, Layout::Cnab240) {
                Ok(w) => {
                    prop_assert!(d.normalize().scale() <= 2, "{d} written");
                    let back = read_remessa(&w.bytes, ReadOptions::strict()).unwrap();
                    prop_assert_eq!(back.titulos[0].valor, d);
                }
                Err(e) => {
                    let (t, _, _, field, value, _) = refusal(&e);
                    prop_assert_eq!((t, field), (1, "valor"));
                    prop_assert_eq!(value, d.to_string());
                    prop_assert!(d.normalize().scale() > 2 || d.trunc().to_string().len() > 13, "{e}");
                }
            }
        }

        /// A numeric identifier is written as given (zero-filled) when it is digits that fit, else refused.
        #[test]
        fn numeric_identifiers_are_exact_or_refused(s in "[0-9A-Za-z .\\-/]{1,10}") {
            let mut r = itau240();
            r.titulos[0].nosso_numero = s.clone();
            r.titulos[0].nosso_numero_dv = Some("0".into());
            let fits = s.len() <= 8 && s.bytes().all(|b| b.is_ascii_digit());
            match write(&r, 341, Layout::Cnab240) {
                Ok(w) => {
                    prop_assert!(fits, "{s:?} written");
                    let back = read_remessa(&w.bytes, ReadOptions::strict()).unwrap();
                    prop_assert_eq!(back.titulos[0].nosso_numero.clone(), format!("{s:0>8}"));
                }
                Err(e) => {
                    prop_assert!(!fits, "{s:?} refused: {e}");
                    prop_assert_eq!(refusal(&e).3, "nosso_numero");
                    prop_assert_eq!(refusal(&e).4, s.as_str());
                }
            }
        }

        /// A name is written in the layouts' character set, cut to its field with a warning, or refused naming
        /// the character: never replaced by spaces.
        #[test]
        fn names_are_folded_cut_with_a_warning_or_refused(
            s in "[a-zA-Z0-9 áçÃõÉ\u{FF10}-\u{FF19}\u{4E00}-\u{4E10}\u{1F600}\t]{0,40}"
        ) {
            let mut r = itau240();
            r.titulos[0].pagador.nome = s.clone();
            let folded = cnab_core::try_to_bank_ascii(&s);
            match (write(&r, 341, Layout::Cnab240), folded) {
                (Ok(w), Ok(f)) => {
                    let f = f.trim_end();
                    let back = read_remessa(&w.bytes, ReadOptions::strict()).unwrap();
                    let cut = f.len() > 30;
                    // The reader trims the spaces around a text field (fields are space-padded), so a leading
                    // space given to the writer is written but not read back.
                    prop_assert_eq!(back.titulos[0].pagador.nome.as_str(), f.get(..30).unwrap_or(f).trim());
                    prop_assert_eq!(w.warnings.len(), usize::from(cut), "{:?}", w.warnings);
                }
                (Err(e), Err(c)) => {
                    prop_assert_eq!(refusal(&e).3, "pagador.nome");
                    prop_assert!(refusal(&e).5.starts_with(&format!("character {c:?}")), "{e}");
                }
                (got, folded) => prop_assert!(false, "{s:?}: write {got:?}, charset {folded:?}"),
            }
        }
    }
}
