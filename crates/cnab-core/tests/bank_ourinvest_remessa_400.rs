//! Ourinvest (712) CNAB 400 remessa: write→read at laravel-boleto's positions (no public manual, no corpus file).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{read, write_remessa, Bank, CnabFile, Layout, ReadOptions, Remessa};

#[test]
fn written_remessa_matches_laravel_boleto_positions() {
    let json = std::fs::read_to_string(format!(
        "{}/../../fixtures/712-ourinvest/cnab400/remessa/remessa.model.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(712), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..9], "01REMESSA");
    assert_eq!(&h[76..79], "712");
    assert_eq!(&h[108..110], "MX");
    assert_eq!(&h[110..117], "0000042");
    let d = lines[1];
    assert_eq!(&d[0..1], "1");
    assert_eq!(&d[1..20], " ".repeat(19));
    assert_eq!(&d[20..37], "00190000112345678"); // 021-037 zero, carteira, agência, conta, dígito
    assert_eq!(&d[70..82], "000000000123"); // 071-082 nosso número
    assert_eq!(&d[108..110], "01");
    assert_eq!(&d[120..126], "151226");
    assert_eq!(&d[126..139], "0000000012750");
    assert_eq!(&d[218..234], "0100052998224725");
    assert_eq!(d[274..312].trim_end(), "RUA DAS FLORES, 100"); // 275-312
    assert_eq!(d[312..324].trim_end(), "SAO PAULO"); // 313-324
    assert_eq!(&d[324..326], "SP"); // 325-326
    assert_eq!(&d[326..334], "01001000"); // 327-334
    assert_eq!(&d[394..400], "000002");
    assert_eq!(&lines[2][394..400], "000003");

    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "000000000123");
    assert_eq!(t.carteira, "019");
    assert_eq!(t.pagador.cidade, "SAO PAULO");
    assert_eq!(t.pagador.uf, "SP");
}
