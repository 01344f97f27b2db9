//! BRB (070) remessa "Leiaute Remessa 077" (BRB Cobrança — Manual e Leiautes, maio/2017): the tables are checked
//! against the manual's own example ("Exemplo Remessa 077"), and the file (39-byte "DCB" header without a bank code,
//! records typed "01"/"02", no trailer) is read through detection, written, and damaged copies give named problems.
//! The corpus remessa (pyCobranca, older "075" variant with 402-byte lines) is detected and refused at its header.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::banks::brb::cnab400::{REMESSA_HEADER, REMESSA_REGISTRO_01, REMESSA_REGISTRO_02};
use cnab_core::decode;
use cnab_core::RemessaReader;
use cnab_core::{
    detect, read, write_remessa, Bank, CnabFile, ErrorKind, FileKind, Layout, ReadOptions,
    RecordLayout, Value,
};
use std::path::PathBuf;
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

/// The manual's example as a file: its header (record count set to the three lines kept here), registro 01 and
/// registro 02, CRLF. The spreadsheet's registro 01 stops at position 219 (the rest of its row is cut); positions
/// 220-400 come from the first registro 01 of our fixture (`fixtures/070-brb/cnab400/remessa/remessa.rem`).
fn manual_file() -> Vec<u8> {
    let fixture = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/070-brb/cnab400/remessa/remessa.rem"),
    )
    .unwrap();
    let tail = &fixture.lines().nth(1).unwrap()[219..400];
    let header = HEADER.replace("000006", "000003");
    let reg_01 = format!("{}{tail}", &REG_01[..219]);
    format!("{header}\r\n{reg_01}\r\n{}\r\n", pad(REG_02)).into_bytes()
}

fn remessa(bytes: &[u8], opts: ReadOptions) -> cnab_core::Remessa {
    match read(bytes, opts).unwrap() {
        CnabFile::Remessa(r) => r,
        CnabFile::Retorno(_) => panic!("read as a retorno"),
    }
}

fn codes(problems: &[cnab_core::Error]) -> Vec<String> {
    problems
        .iter()
        .map(|e| format!("{}@{}", e.code(), e.line))
        .collect()
}

#[test]
fn the_manual_example_is_detected_and_read() {
    let bytes = manual_file();
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.kind, d.version.as_str()),
        (70, Layout::Cnab400, FileKind::Remessa, "077")
    );
    let r = remessa(&bytes, ReadOptions::strict());
    assert_eq!(r.bank.map(|b| b.code()), Some(70));
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "0270114963");
    assert_eq!(r.header.data_geracao, NaiveDate::from_ymd_opt(2016, 12, 19));
    assert_eq!(r.header.layout_versao, "077");
    assert_eq!(r.titulos.len(), 1);
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "531000407066");
    assert_eq!(t.pagador.nome, "ANTONIO PEREIRA DA SILVA");
    assert_eq!(t.pagador.cep, "70072000");
    assert_eq!(t.pagador.inscricao.numero, "05028932140");
    let s = t.sacador_avalista.as_ref().unwrap();
    assert_eq!(s.nome, "SACADOR DA SILVA TESTE  1");
    assert_eq!(t.mensagens.len(), 2);
    assert!(t.mensagens[0].starts_with("PRIMEIRA MENSAGEM DE TESTE"));
    // The streaming reader sees the same titles.
    let streamed: Vec<_> = RemessaReader::new(&bytes[..], ReadOptions::strict())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(streamed, r.titulos);
}

#[test]
fn written_remessa_has_the_dcb_framing() {
    let model = remessa(&manual_file(), ReadOptions::strict());
    let out = write_remessa(&model, Bank::new(70), Layout::Cnab400).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    // Header (39 bytes, count = header + 2 records), 01, 02, no trailer.
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[3], "");
    assert_eq!(lines[0].len(), 39);
    assert!(lines[0].starts_with("DCB0010770270114963"), "{}", lines[0]);
    assert!(lines[0].ends_with("000003"), "{}", lines[0]);
    assert_eq!(&lines[1][..2], "01");
    assert_eq!(&lines[1][15..27], "531000407066");
    assert_eq!(lines[2].len(), 400);
    assert_eq!(&lines[2][..27], "02SACADOR DA SILVA TESTE  1");
    // And reads back to the same titles.
    assert_eq!(remessa(&out, ReadOptions::strict()).titulos, model.titulos);
}

#[test]
fn damaged_copies_name_their_problems() {
    let good = manual_file();
    let text = String::from_utf8(good.clone()).unwrap();
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    let join = |ls: &[&str]| format!("{}\r\n", ls.join("\r\n")).into_bytes();

    // A registro 01 deleted: the 02 has no title, and the header's count disagrees.
    let r = remessa(&join(&[lines[0], lines[2]]), ReadOptions::lenient());
    assert!(r.titulos.is_empty());
    assert_eq!(codes(&r.problems), ["structure@2", "header_count@1"]);
    let e = read(&join(&[lines[0], lines[2]]), ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 2: registro tipo 2 without a preceding registro tipo 1"
    );

    // A line added: the header's count names it.
    let r = remessa(
        &join(&[lines[0], lines[1], lines[2], lines[1]]),
        ReadOptions::lenient(),
    );
    assert_eq!(r.titulos.len(), 2);
    assert_eq!(codes(&r.problems), ["header_count@1"]);
    assert_eq!(
        r.problems[0].to_string(),
        "line 1, columns 34-39 (quantidade_registros): header says 3 records, but the file has 4 \
         (this layout has no trailer)"
    );

    // A registro 01 retyped as "1" (CNAB 400 style) or "9": no record of this layout, never a title.
    for t in ["1 ", "9 "] {
        let retyped = format!("{t}{}", &lines[1][2..]);
        let r = remessa(
            &join(&[lines[0], &retyped, lines[2]]),
            ReadOptions::lenient(),
        );
        assert!(r.titulos.is_empty(), "{t}");
        assert_eq!(
            codes(&r.problems),
            ["unknown_record@2", "structure@3"],
            "{t}"
        );
    }

    // Registro 01 retyped as 02: fields that do not fit a registro 02 are named, and the 02 has no title; the
    // header's count names the missing 02.
    let retyped = format!("02{}", &lines[1][2..]);
    let r = remessa(&join(&[lines[0], &retyped]), ReadOptions::lenient());
    assert!(r.titulos.is_empty());
    assert_eq!(
        codes(&r.problems),
        [
            "not_digits@2",
            "not_digits@2",
            "structure@2",
            "header_count@1"
        ]
    );
    assert_eq!(r.problems[0].field, Some("codigo_rateio"));

    // A truncated registro: the line's length is named.
    let cut = &lines[1][..200];
    let r = remessa(&join(&[lines[0], cut, lines[2]]), ReadOptions::lenient());
    assert_eq!(r.problems[0].code(), "line_length");
    assert_eq!(r.problems[0].line, 2);

    // The header's count is exact in the undamaged file.
    assert!(remessa(&good, ReadOptions::lenient()).problems.is_empty());
}

#[test]
fn corpus_remessa_075_is_detected_and_refused_at_its_header() {
    let Some(bytes) =
        corpus("070-brb/cnab400/remessa/pycobranca__remessa_banco_brasilia_cnab400.rem")
    else {
        return;
    };
    // "DCB001075..." header (39 bytes), 402-byte detail lines, a "9" trailer: the older 075 variant.
    assert!(bytes.starts_with(b"DCB001075"));
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.kind, d.version.as_str()),
        (70, FileKind::Remessa, "075")
    );
    let err = read(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, columns 7-9 (arquivo): expected \"077\", found \"075\""
    );
    assert!(matches!(err.kind, ErrorKind::BadConst { .. }), "{err:?}");
}
