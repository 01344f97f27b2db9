//! Brazilian formatting of the printed fields: amounts `1.234,56`, dates `dd/mm/aaaa`, CPF/CNPJ,
//! CEP, and the bank code with its check digit (`341-7`).

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// `1234.5` → `1.234,50` (two decimals, half-even rounding never needed: amounts carry cents).
pub fn valor(v: Decimal) -> String {
    let v = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let neg = v.is_sign_negative() && !v.is_zero();
    let s = format!("{:.2}", v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), "00"));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{}{grouped},{frac}", if neg { "-" } else { "" })
}

/// `2026-08-15` → `15/08/2026`.
pub fn data(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// CPF (11 digits) `000.000.000-00`, CNPJ (14) `00.000.000/0000-00`; anything else as given.
pub fn documento(doc: &str) -> String {
    let d: String = doc.chars().filter(char::is_ascii_digit).collect();
    let only_digits_and_marks = doc
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ' '));
    if !only_digits_and_marks {
        return doc.trim().to_string();
    }
    match (d.len(), d.get(..3), d.get(3..6), d.get(6..9), d.get(9..)) {
        (11, Some(a), Some(b), Some(c), Some(e)) => format!("CPF {a}.{b}.{c}-{e}"),
        (14, ..) => match (
            d.get(..2),
            d.get(2..5),
            d.get(5..8),
            d.get(8..12),
            d.get(12..),
        ) {
            (Some(a), Some(b), Some(c), Some(e), Some(f)) => format!("CNPJ {a}.{b}.{c}/{e}-{f}"),
            _ => doc.trim().to_string(),
        },
        _ => doc.trim().to_string(),
    }
}

/// CEP of 8 digits → `00000-000`; anything else as given.
pub fn cep(cep: &str) -> String {
    let d: String = cep.chars().filter(char::is_ascii_digit).collect();
    match (d.len(), d.get(..5), d.get(5..)) {
        (8, Some(a), Some(b)) => format!("{a}-{b}"),
        _ => cep.trim().to_string(),
    }
}

/// The check digit printed after the bank code in the ficha's header ("341-7").
///
/// Módulo 11 of the three digits, weights 2, 3, 4 from the right, DV = 11 − remainder, 11 → 0.
/// A result of 10 has no rule of its own: each bank chose what it prints, and the three banks
/// this crate issues for whose code gives 10 print Caixa `104-0`, Sicredi `748-X` and
/// Ailos `085-1` (their manuals' specimen boletos). Any other bank whose code gave 10 would
/// need an explicit `banco_dv` in the input; `None` then.
pub fn banco_dv(code: u16) -> Option<String> {
    let (a, b, c) = (code / 100 % 10, code / 10 % 10, code % 10);
    let r = (c * 2 + b * 3 + a * 4) % 11;
    match 11 - r {
        11 => Some("0".into()),
        10 => match code {
            104 => Some("0".into()),
            748 => Some("X".into()),
            85 => Some("1".into()),
            _ => None,
        },
        d => Some(d.to_string()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn valores() {
        assert_eq!(valor("1234.56".parse().unwrap()), "1.234,56");
        assert_eq!(valor("0.5".parse().unwrap()), "0,50");
        assert_eq!(valor("1000000".parse().unwrap()), "1.000.000,00");
        assert_eq!(valor("999.99".parse().unwrap()), "999,99");
        assert_eq!(
            valor("12345678901.23".parse().unwrap()),
            "12.345.678.901,23"
        );
    }

    #[test]
    fn datas_documentos_cep() {
        assert_eq!(
            data(NaiveDate::from_ymd_opt(2026, 8, 5).unwrap()),
            "05/08/2026"
        );
        assert_eq!(documento("11222333000181"), "CNPJ 11.222.333/0001-81");
        assert_eq!(documento("123.456.789-09"), "CPF 123.456.789-09");
        assert_eq!(documento("RG 12"), "RG 12");
        assert_eq!(cep("01310100"), "01310-100");
    }

    #[test]
    fn bank_check_digits() {
        // As the banks print them.
        for (code, dv) in [
            (1, "9"),
            (33, "7"),
            (41, "8"),
            (70, "1"),
            (77, "9"),
            (85, "1"),
            (104, "0"),
            (136, "8"),
            (237, "2"),
            (336, "0"),
            (341, "7"),
            (399, "9"),
            (422, "7"),
            (707, "2"),
            (745, "5"),
            (748, "X"),
            (756, "0"),
        ] {
            assert_eq!(banco_dv(code).as_deref(), Some(dv), "{code}");
        }
    }
}
