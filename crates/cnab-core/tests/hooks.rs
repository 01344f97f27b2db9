//! A multa that Caixa's and Sicredi's CNAB 400 retornos carry apart from the juros (positions 280-292, summed
//! into `juros_multa`) must be digits.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code may fail loudly

use cnab_core::{read_retorno, ErrorKind, ReadOptions};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The fixture with "00000000012,5" at 280-292 of its first detail (line 2).
fn with_bad_multa(path: &str) -> Vec<u8> {
    let mut bytes = fixture(path);
    let line2 = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.splice(line2 + 279..line2 + 292, b"00000000012,5".iter().copied());
    bytes
}

#[test]
fn a_bad_multa_is_a_problem_not_a_silent_zero() {
    for (path, field) in [
        ("104-caixa/cnab400/retorno/retorno.ret", "valor_multa"),
        ("748-sicredi/cnab400/retorno/retorno.ret", "multa"),
    ] {
        let good = read_retorno(&fixture(path), ReadOptions::strict())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let bad = with_bad_multa(path);
        let err = read_retorno(&bad, ReadOptions::strict())
            .err()
            .unwrap_or_else(|| panic!("{path}: accepted"));
        assert_eq!(err.line, 2, "{path}");
        assert_eq!(err.columns, Some((280, 292)), "{path}");
        assert_eq!(err.field, Some(field), "{path}");
        assert!(matches!(err.kind, ErrorKind::NotDigits { .. }), "{path}");
        let lenient = read_retorno(&bad, ReadOptions::lenient()).unwrap();
        assert_eq!(lenient.problems.len(), 1, "{path}: {:?}", lenient.problems);
        assert_eq!(lenient.entries.len(), good.entries.len(), "{path}");
    }
}
