//! Barcode / linha digitável / arrecadação parsing, errors, serde, large values.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod common;
use boleto::{parse_any, Arrecadacao, Barcode, BoletoError, LinhaDigitavel};
use rust_decimal::Decimal;

const BC: &str = "00193376900000135000000001238798977770016818"; // BRC banco_brasil_spec.rb
const LD: &str = "00190.00009 01238.798977 77700.168188 3 37690000013500";

#[test]
fn barcode_linha_both_ways() {
    let b: Barcode = BC.parse().unwrap();
    let l: LinhaDigitavel = LD.parse().unwrap();
    assert_eq!(LinhaDigitavel::from(&b), l);
    assert_eq!(Barcode::from(&l), b);
    assert_eq!(l.to_string(), LD);
    let unformatted: String = LD.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(l.as_str(), unformatted);
    assert_eq!(unformatted.parse::<LinhaDigitavel>().unwrap(), l);
    assert_eq!(b.banco().code(), 1);
    assert_eq!(b.moeda(), 9);
    assert_eq!(b.dv(), 3);
    assert_eq!(b.valor(), Decimal::new(13500, 2));
    assert_eq!(
        b.vencimento_at(common::d(2008, 1, 1)),
        Some(common::d(2008, 2, 1))
    );
}

#[test]
fn precise_errors() {
    assert_eq!(
        "0019337690000013500000000123879897777001681"
            .parse::<Barcode>()
            .unwrap_err(),
        BoletoError::WrongLength {
            what: "barcode",
            expected: "44",
            found: 43
        }
    );
    assert_eq!(
        "00193376900000135000000001238798977770016x18"
            .parse::<Barcode>()
            .unwrap_err(),
        BoletoError::NonDigit {
            position: 42,
            ch: 'x'
        }
    );
    // general DV: change the DV itself
    assert_eq!(
        "00194376900000135000000001238798977770016818"
            .parse::<Barcode>()
            .unwrap_err(),
        BoletoError::CheckDigit {
            field: "DV geral (posição 5)",
            expected: '3',
            found: '4'
        }
    );
    assert_eq!(
        "00183376900000135000000001238798977770016818"
            .parse::<Barcode>()
            .unwrap_err(),
        BoletoError::Moeda { found: '8' }
    );
    // field DVs of the line
    assert_eq!(
        "00190.00008 01238.798977 77700.168188 3 37690000013500"
            .parse::<LinhaDigitavel>()
            .unwrap_err(),
        BoletoError::CheckDigit {
            field: "campo 1",
            expected: '9',
            found: '8'
        }
    );
    assert_eq!(
        "00190.00009 01238.798976 77700.168188 3 37690000013500"
            .parse::<LinhaDigitavel>()
            .unwrap_err(),
        BoletoError::CheckDigit {
            field: "campo 2",
            expected: '7',
            found: '6'
        }
    );
    assert_eq!(
        "00190.00009 01238.798977 77700.168187 3 37690000013500"
            .parse::<LinhaDigitavel>()
            .unwrap_err(),
        BoletoError::CheckDigit {
            field: "campo 3",
            expected: '8',
            found: '7'
        }
    );
    assert_eq!(
        "00190.00009 01238.798977 77700.168188 4 37690000013500"
            .parse::<LinhaDigitavel>()
            .unwrap_err(),
        BoletoError::CheckDigit {
            field: "DV geral (posição 5)",
            expected: '3',
            found: '4'
        }
    );
    assert!(matches!(
        parse_any("123").unwrap_err(),
        BoletoError::WrongLength { found: 3, .. }
    ));
    let e = parse_any("00190.00009 01238.798977 77700.168188 3 3769000001350A").unwrap_err();
    assert_eq!(
        e,
        BoletoError::NonDigit {
            position: 54,
            ch: 'A'
        }
    );
    assert_eq!(e.to_string(), "non-digit 'A' at position 54");
}

#[test]
fn serde_plain_digits() {
    let b: Barcode = BC.parse().unwrap();
    assert_eq!(serde_json::to_string(&b).unwrap(), format!("\"{BC}\""));
    let l = b.linha_digitavel();
    let js = serde_json::to_string(&l).unwrap();
    assert_eq!(js, format!("\"{}\"", l.as_str()));
    let back: LinhaDigitavel = serde_json::from_str(&js).unwrap();
    assert_eq!(back, l);
    assert!(
        serde_json::from_str::<Barcode>("\"00194376900000135000000001238798977770016818\"")
            .is_err()
    );
    let bank: boleto::Bank = serde_json::from_str("341").unwrap();
    assert_eq!(serde_json::to_string(&bank).unwrap(), "\"341\"");
}

#[test]
fn parse_any_json() {
    let p = boleto::parse_any_at(LD, common::d(2008, 1, 1)).unwrap();
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["banco"], "001");
    assert_eq!(v["barcode"], BC);
    assert_eq!(v["valor"], "135.00");
    assert_eq!(v["fator_vencimento"], 3769);
    assert_eq!(v["vencimento"], "2008-02-01");
    assert_eq!(v["parts"]["nosso_numero"], "12387989777700168");
    assert_eq!(v["parts"]["carteira"], "18");
    assert_eq!(v["tipo"], "cobranca");
}

#[test]
fn large_values_use_fator_positions() {
    let i = common::input(
        237,
        &[
            ("agencia", "1172"),
            ("conta", "0403005"),
            ("carteira", "06"),
            ("nosso_numero", "1"),
            ("valor", "123456789.01"),
        ],
    );
    let out = boleto::make(&i).unwrap();
    assert_eq!(&out.barcode.as_str()[5..19], "00012345678901");
    assert_eq!(out.barcode.valor_14(), Decimal::new(12345678901, 2));
    assert_eq!(out.fator_vencimento, 0); // no due date
                                         // with a due date it is refused
    let mut j = i.clone();
    j.vencimento = Some(common::d(2026, 1, 1));
    assert!(matches!(
        boleto::make(&j),
        Err(BoletoError::InvalidValor { .. })
    ));
    // too many decimals / negative
    let mut k = i.clone();
    k.valor = "1.234".parse().unwrap();
    assert!(boleto::make(&k).is_err());
    k.valor = "-1".parse().unwrap();
    assert!(boleto::make(&k).is_err());
    // exactly 99,999,999.99 still has a fator
    let mut m = i;
    m.valor = "99999999.99".parse().unwrap();
    m.vencimento = Some(common::d(2026, 1, 1));
    let out = boleto::make(&m).unwrap();
    assert_eq!(&out.barcode.as_str()[9..19], "9999999999");
    // no due date → fator 0000
    m.vencimento = None;
    assert_eq!(boleto::make(&m).unwrap().fator_vencimento, 0);
}

#[test]
fn parsing_a_14_digit_value_returns_it() {
    // The code above: Bradesco, 123,456,789.01 without due date (BB boleto manual Jan 2016,
    // Anexo IV: the value advances over the fator). Reading it must give that value back, not
    // the 10-digit reading 3,456,789.01 with a 1997 due date.
    let i = common::input(
        237,
        &[
            ("agencia", "1172"),
            ("conta", "0403005"),
            ("carteira", "06"),
            ("nosso_numero", "1"),
            ("valor", "123456789.01"),
        ],
    );
    let out = boleto::make(&i).unwrap();
    let ld = out.linha_digitavel.to_string();
    for code in [out.barcode.as_str(), ld.as_str()] {
        let p = boleto::parse_any_at(code, common::d(2026, 11, 29)).unwrap();
        assert_eq!(p.valor, Some(Decimal::new(12345678901, 2)));
        assert_eq!(p.fator_vencimento, None);
        assert_eq!(p.vencimento, None);
        assert_eq!(p.avisos.len(), 1);
        assert!(
            p.avisos[0].contains("14-digit value (6-19), 123456789.01"),
            "{}",
            p.avisos[0]
        );
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["valor"], "123456789.01");
        assert_eq!(v["fator_vencimento"], serde_json::Value::Null);
    }
    // the largest value, 999,999,999,999.99, has "9999" in the fator positions, which is a
    // factor with a date in every window: it reads as fator + value and the reader cannot know
    // better; everything from 100,000,000.00 to 99,999,999,999.99 is read back exactly.
    let mut big = i.clone();
    big.valor = "99999999999.99".parse().unwrap();
    let out = boleto::make(&big).unwrap();
    let p = boleto::parse_any_at(out.barcode.as_str(), common::d(2026, 11, 29)).unwrap();
    assert_eq!(p.valor, Some("99999999999.99".parse().unwrap()));
    // ordinary codes carry no warning and serialize no "avisos" key
    let p = boleto::parse_any_at(
        "34191.10121 34567.880058 71234.570001 6 16670000012345",
        common::d(2002, 1, 1),
    )
    .unwrap();
    assert_eq!(p.valor, Some(Decimal::new(12345, 2)));
    assert_eq!(p.fator_vencimento, Some(1667));
    assert!(p.avisos.is_empty());
    assert!(serde_json::to_value(&p).unwrap().get("avisos").is_none());
}

#[test]
fn a_fator_with_no_date_in_the_window_is_named() {
    // Itaú manual Mar 2015, Anexo 2 example: fator 1667 (2002-05-01), 123,45. Seen from
    // 2011-02-01 neither 2002-05-01 (more than 3000 days past) nor 2026-12-21 (more than 5500
    // days ahead) fits FEBRABAN's window: fator + value is kept, the 14-digit reading is named.
    let p = boleto::parse_any_at(
        "34191.10121 34567.880058 71234.570001 6 16670000012345",
        common::d(2011, 2, 1),
    )
    .unwrap();
    assert_eq!(p.valor, Some(Decimal::new(12345, 2)));
    assert_eq!(p.fator_vencimento, Some(1667));
    assert_eq!(p.vencimento, None);
    assert_eq!(
        p.avisos,
        ["fator 1667 has no due date within FEBRABAN's window around 2011-02-01; read as fator + \
          10-digit value 123.45, but as a 14-digit value positions 6-19 would be 166700000123.45"]
    );
}

#[test]
fn arrecadacao() {
    // GPS (INSS) line, segment 5, identifier 8 (módulo 11), quoted from the official guide in
    // gesielr/guiasMEIlast apps/backend/inss/ESTRUTURA_CORRETA_GPS.md: 4 block DVs + general DV
    let a: Arrecadacao = "85820000001-5 66980270116-2 30001280018-9 67222025113-0"
        .parse()
        .unwrap();
    assert_eq!(a.as_str(), "85820000001669802701163000128001867222025113");
    assert_eq!(a.segmento(), 5);
    assert_eq!(a.identificador_valor(), 8);
    assert_eq!(a.valor(), Some(Decimal::new(16698, 2)));
    assert_eq!(a.empresa(), "0270");
    assert_eq!(
        a.to_string(),
        "85820000001-5 66980270116-2 30001280018-9 67222025113-0"
    );
    assert_eq!(
        "85820000001-5 66980270116-3 30001280018-9 67222025113-0"
            .parse::<Arrecadacao>()
            .unwrap_err(),
        BoletoError::CheckDigit {
            field: "bloco 2",
            expected: '2',
            found: '3'
        }
    );
    let p = parse_any(a.as_str()).unwrap();
    assert_eq!(
        p.linha_digitavel,
        "858200000015669802701162300012800189672220251130"
    );
    assert_eq!(p.parts["segmento"], "5");
    // módulo 10 variant, built and read back
    let m10 =
        Arrecadacao::build('2', '6', "00000012345", "0123", "4567890123456789012345678").unwrap();
    let back: Arrecadacao = m10.linha_digitavel().parse().unwrap();
    assert_eq!(back, m10);
    assert_eq!(back.valor(), Some(Decimal::new(12345, 2)));
    // reference quantity: no value
    let q =
        Arrecadacao::build('1', '7', "00000012345", "0123", "4567890123456789012345678").unwrap();
    assert_eq!(q.valor(), None);
}

#[test]
fn linha_validate_gives_parse_errors_in_order() {
    assert_eq!(LinhaDigitavel::validate(LD), Ok(()));
    // The general DV (line position 33): 3 is right, 4 is not.
    let dv = "00190.00009 01238.798977 77700.168188 4 37690000013500";
    let want = BoletoError::CheckDigit {
        field: "DV geral (posição 5)",
        expected: '3',
        found: '4',
    };
    assert_eq!(LinhaDigitavel::validate(dv), Err(want.clone()));
    assert_eq!(dv.parse::<LinhaDigitavel>(), Err(want));
    // Field 2's DV (position 21) is checked before the general DV.
    let f2 = "00190.00009 01238.798978 77700.168188 4 37690000013500";
    assert_eq!(
        LinhaDigitavel::validate(f2),
        Err(BoletoError::CheckDigit {
            field: "campo 2",
            expected: '7',
            found: '8',
        })
    );
    // Currency 8 with field 1's DV made right for it (mod10 of 001800000 is 0): the currency error.
    let moeda = "00180.00000 01238.798977 77700.168188 3 37690000013500";
    assert_eq!(
        LinhaDigitavel::validate(moeda),
        Err(BoletoError::Moeda { found: '8' })
    );
    // A letter: its 1-based position among the characters; 46 digits: the count.
    assert_eq!(
        LinhaDigitavel::validate("00190.0000X"),
        Err(BoletoError::NonDigit {
            position: 11,
            ch: 'X'
        })
    );
    assert!(matches!(
        LinhaDigitavel::validate(&LD[..LD.len() - 1]),
        Err(BoletoError::WrongLength { found: 46, .. })
    ));
    // A character outside ASCII: its position counts characters, not bytes, and the character is given whole.
    assert_eq!(
        LinhaDigitavel::validate("00190.00009 0é238.798977"),
        Err(BoletoError::NonDigit {
            position: 14,
            ch: 'é'
        })
    );
    // A separator anywhere is dropped: tabs, dots, slashes, underscores and line breaks.
    let spaced = "0019_0.00009\t01238/798977\r\n77700-168188 3 37690000013500";
    assert_eq!(
        LinhaDigitavel::parse(spaced).map(|l| l.to_string()),
        Ok("00190.00009 01238.798977 77700.168188 3 37690000013500".to_string())
    );
}
