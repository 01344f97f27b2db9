//! BRB (070) remessa "Leiaute Remessa 077" (BRB Cobrança — Manual e Leiautes, maio/2017): the tables are checked
//! against the manual's own example ("Exemplo Remessa 077"). The engine cannot read or write this layout yet (39-byte
//! "DCB" header without a bank code, records typed "01"/"02", no trailer), so no `LayoutSpec` lists it; the corpus
//! remessa (pyCobranca, older "075" variant with 402-byte lines) is therefore not detected.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::banks::brb::cnab400::{REMESSA_HEADER, REMESSA_REGISTRO_01, REMESSA_REGISTRO_02};
use cnab_core::field::decode;
use cnab_core::{read, ErrorKind, ReadOptions, RecordLayout, Value};
mod common;
use common::corpus;

fn get(layout: &RecordLayout, line: &str, name: &str) -> Value {
    let f = layout.field(name).unwrap();
    decode(f, f.slice(line.as_bytes())).unwrap()
}

fn text(layout: &RecordLayout, line: &str, name: &str) -> String {
    // Decodes (so the field is valid for its kind); numbers are compared as their raw digits.
    match get(layout, line, name) {
        Value::Text(s) => s,
        Value::Number(_) => {
            let f = layout.field(name).unwrap();
            String::from_utf8(f.slice(line.as_bytes()).to_vec()).unwrap()
        }
        v => panic!("{name}: {v:?}"),
    }
}

/// The manual's example, lines 1-3 (the spreadsheet strips trailing blanks; we pad to the record length).
const HEADER: &str = "DCB001077027011496320161219100100000006";
const REG_01: &str = "0100102701149635310004070662123456789012345678900000ANTONIO PEREIRA DA SILVA                     SBS QD. BL.E ED. BRASILIA 9 ANDAR GEBAN                     SBS            BRASILIA              DF70072000105028932140   0";
const REG_02: &str = "02SACADOR DA SILVA TESTE  1                    105028932140   0000000000000000000000000000000000PRIMEIRA MENSAGEM DE TESTE ENVIADA PARA O SISTEMA DCB COM 65 POSISEGUNDA MENSAGEM DE TESTE ENVIADA PARA O SISTEMA DCB COM 65";

fn pad(s: &str) -> String {
    format!("{s:<400}")
}

#[test]
fn tables_match_the_manual_example() {
    assert_eq!(HEADER.len(), REMESSA_HEADER.len);
    assert_eq!(
        text(&REMESSA_HEADER, HEADER, "codigo_beneficiario"),
        "0270114963"
    );
    assert_eq!(
        get(&REMESSA_HEADER, HEADER, "data_formatacao"),
        Value::Date(NaiveDate::from_ymd_opt(2016, 12, 19).unwrap())
    );
    assert_eq!(
        text(&REMESSA_HEADER, HEADER, "quantidade_registros"),
        "000006"
    );
    let l = pad(REG_01);
    assert_eq!(
        text(&REMESSA_REGISTRO_01, &l, "codigo_beneficiario"),
        "0270114963"
    );
    // MSSSSSS070dd: modalidade 5, sequencial 310004, 070, dígitos 66.
    assert_eq!(
        text(&REMESSA_REGISTRO_01, &l, "nosso_numero"),
        "531000407066"
    );
    assert_eq!(
        text(&REMESSA_REGISTRO_01, &l, "pagador_nome"),
        "ANTONIO PEREIRA DA SILVA"
    );
    assert_eq!(text(&REMESSA_REGISTRO_01, &l, "pagador_bairro"), "SBS");
    assert_eq!(text(&REMESSA_REGISTRO_01, &l, "pagador_cidade"), "BRASILIA");
    assert_eq!(text(&REMESSA_REGISTRO_01, &l, "pagador_uf"), "DF");
    assert_eq!(text(&REMESSA_REGISTRO_01, &l, "pagador_cep"), "70072000");
    assert_eq!(text(&REMESSA_REGISTRO_01, &l, "pagador_tipo"), "1");
    assert_eq!(
        text(&REMESSA_REGISTRO_01, &l, "pagador_inscricao"),
        "05028932140"
    );
    let m = pad(REG_02);
    assert_eq!(
        text(&REMESSA_REGISTRO_02, &m, "sacador_nome"),
        "SACADOR DA SILVA TESTE  1"
    );
    assert!(text(&REMESSA_REGISTRO_02, &m, "mensagem_1").starts_with("PRIMEIRA MENSAGEM"));
    assert!(text(&REMESSA_REGISTRO_02, &m, "mensagem_2").starts_with("SEGUNDA MENSAGEM"));
}

#[test]
fn corpus_remessa_is_not_a_standard_cnab400_file() {
    let Some(bytes) =
        corpus("070-brb/cnab400/remessa/pycobranca__remessa_banco_brasilia_cnab400.rem")
    else {
        return;
    };
    // "DCB001075..." header (39 bytes), 402-byte detail lines: the older 075 variant.
    assert!(bytes.starts_with(b"DCB001075"));
    let err = read(&bytes, ReadOptions::lenient()).unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::UnknownLayout { .. }),
        "{err:?}"
    );
}
