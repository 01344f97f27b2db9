//! `Barcode` (44 digits) and `LinhaDigitavel` (47 digits) of bank boletos (cobrança).
//!
//! Layout (FEBRABAN; e.g. Itaú *Especificação Boleto* Mar 2015 §8.3, Caixa SIGCB manual
//! MO 67.119 §4.2.10 and Anexo V):
//!
//! | barcode pos | content |
//! |---|---|
//! | 1-3 | bank |
//! | 4 | currency (9 = Real) |
//! | 5 | general DV, módulo 11 ([`crate::dv::barcode_dv`]) |
//! | 6-9 | fator de vencimento |
//! | 10-19 | value in centavos |
//! | 20-44 | campo livre |
//!
//! The linha digitável is `AAAAA.AAAAD BBBBB.BBBBBD CCCCC.CCCCCD K FFFFVVVVVVVVVV`:
//! field 1 = barcode 1-4 + 20-24 + mod10, field 2 = 25-34 + mod10, field 3 = 35-44 + mod10,
//! field 4 = general DV, field 5 = barcode 6-19.
//!
//! **Values above 99,999,999.99**: FEBRABAN lets the value advance over the fator field
//! (BB manual Jan 2016, Anexo IV: "Boletos com valores superiores a R$ 99.999.999,99 devem
//! avançar sobre o 'Fator de Vencimento' eliminando-o do código de barras"). Positions 6-19
//! then hold a 14-digit value and there is no due date. [`Barcode::build`] does this;
//! when reading, [`Barcode::valor`] reads positions 10-19 and [`Barcode::valor_14`] reads 6-19
//! (the code itself does not say which form it uses); [`crate::ValorLido`] chooses by the fator's due
//! date and [`crate::parse_any`] names the choice in `avisos` whenever it is not certain.
//!
//! **Error detection.** The three módulo 10 field DVs of the line catch every single-digit
//! change in their fields. The rest rests on the general DV, and FEBRABAN maps remainders 0
//! and 1 both to DV 1: on a code whose DV is 1, a single-digit change outside fields 1-3 that
//! moves the remainder between 0 and 1 cannot be detected by any reader. Every other
//! single-digit change is rejected (property-tested).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::bank::Bank;
use crate::dv::{barcode_dv, ch, mod10};
use crate::error::{BoletoError, Result};
use crate::fator;
use crate::text::{at, is_separator, only_digits, sub};

/// Largest value that fits the 10-digit value field (99,999,999.99).
pub fn valor_max_10() -> Decimal {
    Decimal::new(9_999_999_999, 2)
}

/// Largest value that fits 14 digits (999,999,999,999.99).
pub fn valor_max_14() -> Decimal {
    Decimal::new(99_999_999_999_999, 2)
}

/// The value in centavos as a zero-padded string of `len` digits.
pub(crate) fn valor_digits(valor: Decimal, len: usize) -> Result<String> {
    let bad = |message| BoletoError::InvalidValor {
        valor: valor.to_string(),
        message,
    };
    if valor.is_sign_negative() && !valor.is_zero() {
        return Err(bad("must not be negative"));
    }
    if valor.normalize().scale() > 2 {
        return Err(bad("more than 2 decimal places"));
    }
    let cents = (valor * Decimal::ONE_HUNDRED).trunc().normalize();
    let s = cents.abs().to_string();
    if s.len() > len {
        return Err(bad("too large for the barcode"));
    }
    Ok(format!("{s:0>len$}"))
}

fn digits_to_valor(d: &str) -> Decimal {
    let n: i64 = d.parse().unwrap_or(0);
    Decimal::new(n, 2)
}

/// A validated 44-digit boleto barcode (código de barras).
///
/// ```
/// use boleto::Barcode;
/// // Itaú manual (Especificação Boleto Mar 2015), Anexo 2
/// let b: Barcode = "34196166700000123451101234567880057123457000".parse().unwrap();
/// assert_eq!(b.banco().code(), 341);
/// assert_eq!(b.fator_vencimento(), 1667);
/// assert_eq!(b.valor().to_string(), "123.45");
/// assert_eq!(b.campo_livre(), "1101234567880057123457000");
/// assert_eq!(
///     b.linha_digitavel().to_string(),
///     "34191.10121 34567.880058 71234.570001 6 16670000012345"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Barcode(String);

impl Barcode {
    /// Build a barcode from its parts, computing the general DV.
    ///
    /// `vencimento: None` gives fator 0000. Values above 99,999,999.99 use the 14-digit
    /// rule (see module docs) and then require `vencimento: None`.
    ///
    /// # Errors
    /// Bad campo livre (not 25 digits), bank code above 999, value negative / with more than
    /// 2 decimals / too large, value above 99,999,999.99 with a due date, date before the base.
    pub fn build(
        banco: Bank,
        vencimento: Option<NaiveDate>,
        valor: Decimal,
        campo_livre: &str,
    ) -> Result<Barcode> {
        if campo_livre.len() != 25 || !campo_livre.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BoletoError::WrongLength {
                what: "campo livre",
                expected: "25",
                found: campo_livre.chars().filter(char::is_ascii_digit).count(),
            });
        }
        if banco.code() > 999 {
            return Err(BoletoError::InvalidField {
                field: "banco",
                message: format!("code {} has more than 3 digits", banco.code()),
            });
        }
        let fator_valor = if valor > valor_max_10() {
            if vencimento.is_some() {
                return Err(BoletoError::InvalidValor {
                    valor: valor.to_string(),
                    message: "above 99,999,999.99 the value uses the fator positions: no due date allowed",
                });
            }
            valor_digits(valor, 14)?
        } else {
            let f = match vencimento {
                Some(d) => fator::fator_vencimento(d)?,
                None => 0,
            };
            format!("{f:04}{}", valor_digits(valor, 10)?)
        };
        let head = format!("{:03}9", banco.code());
        let body = format!("{fator_valor}{campo_livre}");
        let dv = barcode_dv(&format!("{head}{body}"));
        Ok(Barcode(format!("{head}{}{body}", ch(dv))))
    }

    /// Parse 44 digits (separators allowed), checking the currency and general DV.
    ///
    /// # Errors
    /// Wrong length, non-digit, currency not 9, general DV mismatch.
    pub fn parse(s: &str) -> Result<Barcode> {
        let d = only_digits(s)?;
        if d.len() != 44 {
            return Err(BoletoError::WrongLength {
                what: "barcode",
                expected: "44",
                found: d.len(),
            });
        }
        Self::from_digits(d)
    }

    fn from_digits(d: String) -> Result<Barcode> {
        if at(&d, 3) != '9' {
            return Err(BoletoError::Moeda { found: at(&d, 3) });
        }
        let expected = ch(barcode_dv(&format!("{}{}", sub(&d, 0, 4), sub(&d, 5, 44))));
        let found = at(&d, 4);
        if expected != found {
            return Err(BoletoError::CheckDigit {
                field: "DV geral (posição 5)",
                expected,
                found,
            });
        }
        Ok(Barcode(d))
    }

    /// The 44 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Bank (positions 1-3).
    pub fn banco(&self) -> Bank {
        Bank::new(sub(&self.0, 0, 3).parse().unwrap_or(0))
    }

    /// Currency digit (position 4; always 9 once parsed).
    pub fn moeda(&self) -> u8 {
        sub(&self.0, 3, 4).parse().unwrap_or(0)
    }

    /// General DV (position 5).
    pub fn dv(&self) -> u8 {
        sub(&self.0, 4, 5).parse().unwrap_or(0)
    }

    /// Fator de vencimento (positions 6-9; 0 = no due date).
    pub fn fator_vencimento(&self) -> u16 {
        sub(&self.0, 5, 9).parse().unwrap_or(0)
    }

    /// Due date, choosing the factor's cycle by FEBRABAN's window around `reference`
    /// (see [`crate::vencimento_from_fator`]).
    pub fn vencimento_at(&self, reference: NaiveDate) -> Option<NaiveDate> {
        fator::vencimento_from_fator(self.fator_vencimento(), reference)
    }

    /// Due date with today as the reference.
    pub fn vencimento(&self) -> Option<NaiveDate> {
        self.vencimento_at(fator::today())
    }

    /// Value from positions 10-19.
    pub fn valor(&self) -> Decimal {
        digits_to_valor(sub(&self.0, 9, 19))
    }

    /// Value read as 14 digits from positions 6-19 (the rule for values above
    /// 99,999,999.99, when there is no fator).
    pub fn valor_14(&self) -> Decimal {
        digits_to_valor(sub(&self.0, 5, 19))
    }

    /// Campo livre (positions 20-44).
    pub fn campo_livre(&self) -> &str {
        sub(&self.0, 19, 44)
    }

    /// The linha digitável of this barcode.
    pub fn linha_digitavel(&self) -> LinhaDigitavel {
        let b = &self.0;
        let f1 = format!("{}{}", sub(b, 0, 4), sub(b, 19, 24));
        let f2 = sub(b, 24, 34);
        let f3 = sub(b, 34, 44);
        LinhaDigitavel(format!(
            "{f1}{}{f2}{}{f3}{}{}{}",
            ch(mod10(&f1)),
            ch(mod10(f2)),
            ch(mod10(f3)),
            sub(b, 4, 5),
            sub(b, 5, 19)
        ))
    }
}

impl fmt::Display for Barcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Barcode {
    type Err = BoletoError;
    fn from_str(s: &str) -> Result<Self> {
        Barcode::parse(s)
    }
}

impl From<&LinhaDigitavel> for Barcode {
    fn from(l: &LinhaDigitavel) -> Self {
        l.barcode()
    }
}

impl From<LinhaDigitavel> for Barcode {
    fn from(l: LinhaDigitavel) -> Self {
        l.barcode()
    }
}

impl From<&Barcode> for LinhaDigitavel {
    fn from(b: &Barcode) -> Self {
        b.linha_digitavel()
    }
}

impl From<Barcode> for LinhaDigitavel {
    fn from(b: Barcode) -> Self {
        b.linha_digitavel()
    }
}

/// A validated 47-digit linha digitável (representação numérica).
///
/// ```
/// use boleto::LinhaDigitavel;
/// // brcobranca spec (banco_brasil_spec.rb), convênio 8 dígitos
/// let l: LinhaDigitavel = "00190000090123879897777700168188337690000013500".parse().unwrap();
/// assert_eq!(l.to_string(), "00190.00009 01238.798977 77700.168188 3 37690000013500");
/// assert_eq!(l.barcode().as_str(), "00193376900000135000000001238798977770016818");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LinhaDigitavel(String);

const CAMPOS: [(&str, usize, usize); 3] =
    [("campo 1", 0, 9), ("campo 2", 10, 20), ("campo 3", 21, 31)];

/// For each of the 47 positions of a linha digitável: its weight in its field's módulo 10 (2, 1, 2, … from the
/// digit before the field's DV, leftwards); 0 for the DVs and fields 4-5, which no field DV covers.
// Evaluated when compiling: an index out of bounds is a build error, never a panic.
#[allow(clippy::indexing_slicing)]
const FIELD_WEIGHTS: [u8; 47] = {
    let mut t = [0u8; 47];
    let mut f = 0;
    while f < CAMPOS.len() {
        let (_, a, b) = CAMPOS[f];
        let mut i = b;
        let mut w = 2;
        while i > a {
            i -= 1;
            t[i] = w;
            w = 3 - w;
        }
        f += 1;
    }
    t
};

/// What each byte is in a linha digitável: 1 a digit, 2 a separator (see [`is_separator`]), 0 anything else.
// Evaluated when compiling: an index out of bounds is a build error, never a panic.
#[allow(clippy::indexing_slicing)]
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if (b as u8).is_ascii_digit() {
            1
        } else if is_separator(b as u8 as char) {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

/// For each of the 47 positions of a linha digitável: its weight in the general DV (módulo 11, weights 2..9 from
/// the barcode's last digit leftwards, over the barcode without its position 5); 0 for the field DVs and the general
/// DV itself. The barcode is line 1-4, 33 (general DV), 34-47, 5-9, 11-20, 22-31 (1-based).
// Evaluated when compiling: an index out of bounds is a build error, never a panic.
#[allow(clippy::indexing_slicing)]
const GENERAL_WEIGHTS: [u8; 47] = {
    // The 43 line positions (0-based) in barcode order, the general DV left out.
    const ORDER: [(usize, usize); 5] = [(0, 4), (33, 47), (4, 9), (10, 20), (21, 31)];
    let mut t = [0u8; 47];
    let mut w = 2;
    let mut k = ORDER.len();
    while k > 0 {
        k -= 1;
        let (a, b) = ORDER[k];
        let mut i = b;
        while i > a {
            i -= 1;
            t[i] = w;
            w = if w == 9 { 2 } else { w + 1 };
        }
    }
    t
};

impl LinhaDigitavel {
    /// Parse 47 digits, formatted or not, checking the three field DVs, the currency and the
    /// general DV.
    ///
    /// # Errors
    /// Wrong length, non-digit, a field DV, currency, or the general DV.
    pub fn parse(s: &str) -> Result<LinhaDigitavel> {
        let d = Self::checked_digits(s)?;
        Ok(LinhaDigitavel(d.iter().map(|&b| char::from(b)).collect()))
    }

    /// Checks a linha digitável as [`LinhaDigitavel::parse`] does (the same errors, in the same order) without
    /// keeping it: no allocation, for validating many lines.
    ///
    /// ```
    /// use boleto::LinhaDigitavel;
    /// assert!(LinhaDigitavel::validate("00190.00009 01238.798977 77700.168188 3 37690000013500").is_ok());
    /// assert!(LinhaDigitavel::validate("00190.00009 01238.798977 77700.168188 4 37690000013500").is_err());
    /// ```
    ///
    /// # Errors
    /// Wrong length, non-digit, a field DV, currency, or the general DV.
    pub fn validate(s: &str) -> Result<()> {
        Self::checked_digits(s).map(|_| ())
    }

    /// The 47 digits of `s` (separators dropped) once every check passed: the field DVs (módulo 10), the currency
    /// (barcode position 4) and the general DV (módulo 11 over the barcode's other 43 digits), in that order.
    ///
    /// Byte arithmetic over a stack array: the weights of each line position are tables computed at compile time
    /// ([`FIELD_WEIGHTS`], [`GENERAL_WEIGHTS`]), so a valid line costs one pass over its bytes and one over its
    /// 47 digits, with no allocation.
    fn checked_digits(s: &str) -> Result<[u8; 47]> {
        // The digits' values (0-9), then the checks; ASCII again at the end.
        let mut d = [0u8; 47];
        if Self::fixed_form(s.as_bytes(), &mut d) {
            return Self::check_values(d);
        }
        let mut n = 0usize;
        for (i, &b) in s.as_bytes().iter().enumerate() {
            match BYTE_CLASS.get(usize::from(b)) {
                Some(1) => {
                    if let Some(slot) = d.get_mut(n) {
                        *slot = b - b'0';
                    }
                    n += 1;
                }
                Some(2) => {}
                _ => {
                    // Every byte before this one is an ASCII digit or separator, so the byte index is the char
                    // index.
                    let ch = s.get(i..).and_then(|t| t.chars().next()).unwrap_or('?');
                    return Err(BoletoError::NonDigit {
                        position: i + 1,
                        ch,
                    });
                }
            }
        }
        if n != 47 {
            return Err(BoletoError::WrongLength {
                what: "linha digitável",
                expected: "47",
                found: n,
            });
        }
        Self::check_values(d)
    }

    /// The two forms nearly every line comes in — 47 digits, or the printed form of [`fmt::Display`] (dots and
    /// spaces at their places) — read with fixed offsets into `d` (digit values); false (and `d` to be ignored)
    /// for anything else, which the byte-by-byte loop reads with the same result.
    fn fixed_form(bytes: &[u8], d: &mut [u8; 47]) -> bool {
        /// The printed form's digit runs: (offset in the text, offset among the digits, length).
        const RUNS: [(usize, usize, usize); 8] = [
            (0, 0, 5),
            (6, 5, 5),
            (12, 10, 5),
            (18, 15, 6),
            (25, 21, 5),
            (31, 26, 6),
            (38, 32, 1),
            (40, 33, 14),
        ];
        /// The printed form's separators: (offset, byte).
        const SEPARATORS: [(usize, u8); 7] = [
            (5, b'.'),
            (11, b' '),
            (17, b'.'),
            (24, b' '),
            (30, b'.'),
            (37, b' '),
            (39, b' '),
        ];
        match bytes.len() {
            47 => d.copy_from_slice(bytes),
            54 => {
                if SEPARATORS
                    .iter()
                    .any(|&(i, c)| bytes.get(i).copied() != Some(c))
                {
                    return false;
                }
                for (from, to, len) in RUNS {
                    match (bytes.get(from..from + len), d.get_mut(to..to + len)) {
                        (Some(src), Some(dst)) => dst.copy_from_slice(src),
                        _ => return false,
                    }
                }
            }
            _ => return false,
        }
        let mut all_digits = true;
        for v in d.iter_mut() {
            *v = v.wrapping_sub(b'0');
            all_digits &= *v <= 9;
        }
        all_digits
    }

    /// The checks of [`LinhaDigitavel::checked_digits`] over the 47 digit values; the digits in ASCII when they pass.
    fn check_values(mut d: [u8; 47]) -> Result<[u8; 47]> {
        // Módulo 10: each position's product by its weight, the product's digits summed (14 → 5), then each
        // field's sum; módulo 11: the weighted sum of the barcode's positions.
        let mut products = [0u8; 47];
        for ((p, &v), &w) in products.iter_mut().zip(&d).zip(&FIELD_WEIGHTS) {
            let x = v * w;
            *p = if x > 9 { x - 9 } else { x };
        }
        let general: u32 = d
            .iter()
            .zip(&GENERAL_WEIGHTS)
            .map(|(&v, &g)| u32::from(v) * u32::from(g))
            .sum();
        let digit = |i: usize| d.get(i).map_or('?', |&v| ch(v));
        for (field, a, b) in CAMPOS {
            let sum: u32 = products
                .get(a..b)
                .map_or(0, |p| p.iter().map(|&x| u32::from(x)).sum());
            let expected = ch(((10 - sum % 10) % 10) as u8);
            let found = digit(b);
            if expected != found {
                return Err(BoletoError::CheckDigit {
                    field,
                    expected,
                    found,
                });
            }
        }
        if digit(3) != '9' {
            return Err(BoletoError::Moeda { found: digit(3) });
        }
        let dv = 11 - general % 11;
        let expected = ch(if dv == 0 || dv > 9 { 1 } else { dv as u8 });
        let found = digit(32);
        if expected != found {
            return Err(BoletoError::CheckDigit {
                field: "DV geral (posição 5)",
                expected,
                found,
            });
        }
        for v in &mut d {
            *v += b'0';
        }
        Ok(d)
    }

    fn barcode_digits(&self) -> String {
        let d = &self.0;
        format!(
            "{}{}{}{}{}{}",
            sub(d, 0, 4),
            sub(d, 32, 33),
            sub(d, 33, 47),
            sub(d, 4, 9),
            sub(d, 10, 20),
            sub(d, 21, 31)
        )
    }

    /// The 47 digits without separators.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The barcode this line represents.
    pub fn barcode(&self) -> Barcode {
        Barcode(self.barcode_digits())
    }
}

impl fmt::Display for LinhaDigitavel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(
            f,
            "{}.{} {}.{} {}.{} {} {}",
            sub(d, 0, 5),
            sub(d, 5, 10),
            sub(d, 10, 15),
            sub(d, 15, 21),
            sub(d, 21, 26),
            sub(d, 26, 32),
            sub(d, 32, 33),
            sub(d, 33, 47)
        )
    }
}

impl FromStr for LinhaDigitavel {
    type Err = BoletoError;
    fn from_str(s: &str) -> Result<Self> {
        LinhaDigitavel::parse(s)
    }
}

macro_rules! serde_as_digits {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
serde_as_digits!(Barcode);
serde_as_digits!(LinhaDigitavel);
pub(crate) use serde_as_digits;
