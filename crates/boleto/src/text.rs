//! Small text helpers shared by the parsers.

use crate::error::{BoletoError, Result};

/// Separators accepted (and dropped) in formatted codes.
pub(crate) const fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '\t' | '\n' | '\r' | '_' | '/')
}

/// Keep the digits of `s`, dropping separators; any other character is an error with its
/// 1-based position in `s`.
pub(crate) fn only_digits(s: &str) -> Result<String> {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if !is_separator(c) {
            return Err(BoletoError::NonDigit {
                position: i + 1,
                ch: c,
            });
        }
    }
    Ok(out)
}

/// `s[a..b]` or "" (never panics).
pub(crate) fn sub(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or("")
}

/// The char at byte index `i` (ASCII strings) or '?'.
pub(crate) fn at(s: &str, i: usize) -> char {
    s.as_bytes().get(i).map_or('?', |b| char::from(*b))
}

/// Left-pad a digit string with zeros to `len`, or fail if it is longer or not digits.
pub(crate) fn pad(field: &'static str, value: &str, len: usize) -> Result<String> {
    let v = value.trim();
    if let Some(c) = v.chars().find(|c| !c.is_ascii_digit()) {
        return Err(BoletoError::InvalidField {
            field,
            message: format!("expected digits, found {c:?} in {v:?}"),
        });
    }
    if v.len() > len {
        return Err(BoletoError::InvalidField {
            field,
            message: format!("at most {len} digits, found {} ({v:?})", v.len()),
        });
    }
    Ok(format!("{v:0>len$}"))
}
