//! CNAB 400 remessas that repeat the company's CPF/CNPJ on every title (positions 2-17 of the detail of Itaú,
//! Santander, Caixa, BB, …) while their header has no such field: the number reaches the model's
//! `header.beneficiario.inscricao`, so writing the file again — or writing it for a bank whose header carries the
//! company's inscrição (Sicredi, 32-45) — keeps it; titles that name another company are a problem on their line.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{read, read_remessa, write_remessa, Bank, CnabFile, Layout, ReadOptions};

fn itau_fixture() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/remessa/remessa.rem"
    ))
    .unwrap()
}

#[test]
fn the_company_inscricao_of_the_details_reaches_the_header() {
    let bytes = itau_fixture();
    // Itaú's header has no CPF/CNPJ; the details have 11222333000181 at 4-17, typed 02 (CNPJ) at 2-3.
    assert_eq!(&bytes[..2], b"01");
    let line2 = &bytes[402..802];
    assert_eq!(&line2[1..17], b"0211222333000181");
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.header.beneficiario.inscricao.numero, "11222333000181");
    assert_eq!(r.header.beneficiario.inscricao.tipo, Some(2));
    // Written again as Itaú: every detail carries it, byte for byte as read.
    let again = write_remessa(&r, Bank::new(341), Layout::Cnab400).unwrap();
    assert_eq!(again, bytes);
    // Written for Sicredi, whose header has the company's inscrição at 32-45: it is filled there.
    let mut r = r;
    r.header.beneficiario.codigo_beneficiario = "12345".into();
    for t in &mut r.titulos {
        // Sicredi's carteira and espécie are one letter (A simples; A duplicata mercantil).
        t.carteira = "A".into();
        t.especie = "A".into();
        t.nosso_numero = format!("26200{}", &t.nosso_numero[4..]);
    }
    let opts = cnab_core::WriteOptions {
        skip_document_check: true,
        ..Default::default()
    };
    let sicredi = cnab_core::write_remessa_with(&r, Bank::new(748), Layout::Cnab400, opts).unwrap();
    assert_eq!(&sicredi.bytes[31..45], b"11222333000181");
}

#[test]
fn a_title_naming_another_company_is_a_problem_on_its_line() {
    let mut bytes = itau_fixture();
    // The second title (line 3) names another CNPJ.
    let third = 2 * 402;
    assert_eq!(bytes[third], b'1');
    bytes[third + 3..third + 17].copy_from_slice(b"11444777000161");
    let e = read(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 3, columns 4-17 (empresa_inscricao): company inscrição 11444777000161 differs from \
         line 2's 11222333000181 (a remessa is one company's)"
    );
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.titulos.len(), 2);
    assert_eq!(r.header.beneficiario.inscricao.numero, "11222333000181");
    let codes: Vec<(&str, usize)> = r.problems.iter().map(|p| (p.code(), p.line)).collect();
    assert_eq!(codes, [("structure", 3)]);
}
