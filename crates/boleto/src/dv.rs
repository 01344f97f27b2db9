//! Generic check-digit arithmetic (módulo 10 and módulo 11 in their boleto variants).
//!
//! All functions take ASCII digit strings; non-digits are ignored by the weighting loops but
//! callers in this crate always validate first. Weights run **right to left** unless a
//! function says otherwise.

/// Digit values of an ASCII string, non-digits skipped.
fn digits(s: &str) -> impl DoubleEndedIterator<Item = u32> + '_ {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| u32::from(b - b'0'))
}

/// Módulo 10 (FEBRABAN): weights 2,1,2,1… from the right, products above 9 reduced by
/// summing their digits, DV = (10 − Σ mod 10) mod 10.
///
/// ```
/// // Itaú "Especificação Boleto" (Mar 2015), Anexo 4: 0057 12345 110 12345678 → DAC 8
/// assert_eq!(boleto::dv::mod10("00571234511012345678"), 8);
/// ```
pub fn mod10(s: &str) -> u8 {
    let mut sum = 0u32;
    for (i, d) in digits(s).rev().enumerate() {
        let p = if i % 2 == 0 { d * 2 } else { d };
        sum += if p > 9 { p - 9 } else { p };
    }
    ((10 - sum % 10) % 10) as u8
}

/// Weighted sum with weights `from..=to` cycling, applied from the rightmost digit.
pub fn weighted_sum(s: &str, from: u32, to: u32) -> u32 {
    let mut sum = 0u32;
    let mut w = from;
    for d in digits(s).rev() {
        sum += d * w;
        w = if w >= to { from } else { w + 1 };
    }
    sum
}

/// Remainder of the weighted sum (weights `from..=to`, right to left) divided by 11.
///
/// ```
/// assert_eq!(boleto::dv::mod11_rest("05009401448", 2, 9), 10);
/// ```
pub fn mod11_rest(s: &str, from: u32, to: u32) -> u32 {
    weighted_sum(s, from, to) % 11
}

/// The most common módulo 11 DV: weights 2..9, DV = 11 − r, and 10 or 11 become 0.
///
/// Used by Santander, Caixa (nosso número, campo livre, código do beneficiário), Sicredi,
/// Unicred.
///
/// ```
/// // Caixa SIGCB manual MO 67.119, Anexo IV: 14000000000000019 → 7
/// assert_eq!(boleto::dv::mod11_zero("14000000000000019"), 7);
/// ```
pub fn mod11_zero(s: &str) -> u8 {
    let r = mod11_rest(s, 2, 9);
    let dv = 11 - r;
    if dv > 9 {
        0
    } else {
        dv as u8
    }
}

/// The general DV of a 44-digit barcode (position 5) over the other 43 digits:
/// weights 2..9, DV = 11 − r; 0, 10 and 11 become 1 (the DV is never 0).
///
/// ```
/// // Itaú manual Anexo 2 example: DAC 6
/// assert_eq!(boleto::dv::barcode_dv("3419166700000123451101234567880057123457000"), 6);
/// ```
pub fn barcode_dv(digits43: &str) -> u8 {
    let r = mod11_rest(digits43, 2, 9);
    let dv = 11 - r;
    if dv == 0 || dv > 9 {
        1
    } else {
        dv as u8
    }
}

/// Módulo 11 as used in arrecadação (FEBRABAN convênios): weights 2..9,
/// DV = 11 − r, with r ∈ {0, 1} giving 0.
pub fn mod11_arrecadacao(s: &str) -> u8 {
    let r = mod11_rest(s, 2, 9);
    if r < 2 {
        0
    } else {
        (11 - r) as u8
    }
}

/// "Duplo dígito" (NC, número de controle) of Banrisul and BRB: D1 = mod10; D2 = módulo 11
/// with weights 2..7 over the number followed by D1; when the remainder is 1, D1 is
/// incremented (9 → 0) and D2 recomputed; D2 = 11 − r (r = 0 → 0).
///
/// ```
/// // Banrisul, brcobranca spec: nosso número 22832563 → NC 51
/// assert_eq!(boleto::dv::duplo_digito("22832563"), (5, 1));
/// ```
pub fn duplo_digito(s: &str) -> (u8, u8) {
    let mut d1 = mod10(s);
    // Each increment of D1 moves the remainder by 2 (mod 11), so 11 tries always suffice.
    for _ in 0..11 {
        let mut with = String::with_capacity(s.len() + 1);
        with.push_str(s);
        with.push(char::from(b'0' + d1));
        let r = mod11_rest(&with, 2, 7);
        if r == 1 {
            d1 = if d1 == 9 { 0 } else { d1 + 1 };
            continue;
        }
        let d2 = if r == 0 { 0 } else { (11 - r) as u8 };
        return (d1, d2);
    }
    (d1, 0)
}

/// A digit 0..=9 as an ASCII char.
pub(crate) fn ch(d: u8) -> char {
    char::from(b'0' + (d % 10))
}
