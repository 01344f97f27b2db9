//! Remessas whose títulos repeat the beneficiário's account (agência, conta, convênio): the model keeps it once, in
//! `header.beneficiario`, so a título naming another account is a problem on its line and field, never kept
//! silently; except where the bank's header field is another fact than the detail's of the same name (BB CNAB
//! 400's convênio líder and convênio de cobrança).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{read, read_remessa, CnabFile, ReadOptions};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The byte offset of 1-based `column` of 1-based `line`.
fn at(bytes: &[u8], line: usize, column: usize) -> usize {
    let start: usize = bytes
        .split(|&b| b == b'\n')
        .take(line - 1)
        .map(|l| l.len() + 1)
        .sum();
    start + column - 1
}

#[test]
fn cnab400_a_second_titulo_with_another_conta_is_a_problem() {
    // Santander 400: the header has only the código de transmissão; each detalhe carries agência 18-21, conta
    // movimento 22-29 and conta cobrança 30-37, so the first título's fill the header.
    let mut bytes = fixture("033-santander/cnab400/remessa/remessa.rem");
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(
        (
            r.header.beneficiario.agencia.as_str(),
            r.header.beneficiario.conta.as_str()
        ),
        ("1234", "01234567")
    );
    let i = at(&bytes, 3, 22);
    assert_eq!(&bytes[i..i + 8], b"01234567");
    bytes[i..i + 8].copy_from_slice(b"07654321");
    let e = read(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 3, columns 22-29 (conta_movimento): conta_movimento 07654321 differs from line 2's 01234567 \
         (a remessa is one account's)"
    );
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.titulos.len(), 2);
    assert_eq!(r.header.beneficiario.conta, "01234567");
    let found: Vec<(&str, usize, Option<&str>)> = r
        .problems
        .iter()
        .map(|p| (p.code(), p.line, p.field))
        .collect();
    assert_eq!(found, [("structure", 3, Some("conta_movimento"))]);
}

#[test]
fn cnab240_a_titulo_with_another_conta_than_the_header_is_a_problem() {
    // Itaú 240: the header de arquivo carries the account (agência 54-57, conta 66-70, DAC 72); so does each
    // segment P.
    let mut bytes = cnab_core::tutorial::ITAU_240_REMESSA.to_vec();
    assert!(read_remessa(&bytes, ReadOptions::strict()).is_ok());
    let i = at(&bytes, 5, 31);
    assert_eq!(&bytes[i..i + 5], b"12345");
    bytes[i..i + 5].copy_from_slice(b"54321");
    let e = read(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 5, columns 31-35 (conta): conta 54321 differs from the header's 12345 (a remessa is one account's)"
    );
}

#[test]
fn bb400_convenio_de_cobranca_may_differ_from_the_header_convenio_lider() {
    // BB 400 (CBR641): the header's 130-136 is the convênio líder, the detalhe's 32-38 the título's convênio de
    // cobrança: another value there is no contradiction.
    let mut bytes = fixture("001-bb/cnab400/remessa/remessa.rem");
    let i = at(&bytes, 3, 32);
    assert_eq!(&bytes[i..i + 7], b"1234567");
    bytes[i..i + 7].copy_from_slice(b"7654321");
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.header.beneficiario.convenio, "1234567");
    // Its conta (23-30) is the header's (32-39): another one is a problem.
    let i = at(&bytes, 3, 23);
    assert_eq!(&bytes[i..i + 8], b"00012345");
    bytes[i..i + 8].copy_from_slice(b"00054321");
    let e = read(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 3, columns 23-30 (conta): conta 00054321 differs from the header's 00012345 (a remessa is one \
         account's)"
    );
}
