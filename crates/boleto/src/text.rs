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
    let v = checked_digits(field, value, len)?;
    Ok(format!("{v:0>len$}"))
}

/// `value` trimmed, when it is at most `len` ASCII digits: what [`pad`] pads, with its errors.
fn checked_digits<'a>(field: &'static str, value: &'a str, len: usize) -> Result<&'a str> {
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
    Ok(v)
}

/// ASCII digits gathered on the stack: the string a check digit is computed over, built without allocating
/// (see `crate::nosso_numero_check_digit`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Digits {
    buf: [u8; Digits::CAP],
    len: usize,
}

impl Digits {
    /// More than any nosso número's check-digit input (BRB's 23 digits are the longest).
    const CAP: usize = 48;

    pub(crate) const fn new() -> Self {
        Digits {
            buf: [b'0'; Digits::CAP],
            len: 0,
        }
    }

    /// The digits gathered.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// Appends ASCII bytes; an error (never met by the callers, whose inputs are checked widths) past the
    /// capacity.
    pub(crate) fn push_bytes(&mut self, bytes: &[u8]) -> Result<()> {
        let end = self.len + bytes.len();
        match self.buf.get_mut(self.len..end) {
            Some(slot) if bytes.is_ascii() => {
                slot.copy_from_slice(bytes);
                self.len = end;
                Ok(())
            }
            _ => Err(BoletoError::WrongLength {
                what: "check digit input",
                expected: "at most 48 ASCII characters",
                found: end,
            }),
        }
    }

    /// Appends another set of digits.
    pub(crate) fn push_digits(&mut self, other: &Digits) -> Result<()> {
        self.push_bytes(other.as_str().as_bytes())
    }

    /// Appends `value` left-padded with zeros to `len` when it is 1 to `len` ASCII digits (nothing to trim); false
    /// otherwise, having appended nothing (what [`Digits::pad`] would refuse or trim first is left to it).
    pub(crate) fn push_padded(&mut self, value: &str, len: usize) -> bool {
        let v = value.as_bytes();
        let end = self.len + len;
        let Some(slot) = self.buf.get_mut(self.len..end) else {
            return false;
        };
        let Some((zeros, digits)) = slot.split_at_mut_checked(len.wrapping_sub(v.len())) else {
            return false;
        };
        if v.is_empty() || !v.iter().all(u8::is_ascii_digit) {
            return false;
        }
        zeros.fill(b'0');
        digits.copy_from_slice(v);
        self.len = end;
        true
    }

    /// Appends `value` left-padded with zeros to `len`, with [`pad`]'s checks and errors.
    pub(crate) fn pad(&mut self, field: &'static str, value: &str, len: usize) -> Result<()> {
        let v = checked_digits(field, value, len)?;
        for _ in v.len()..len {
            self.push_bytes(b"0")?;
        }
        self.push_bytes(v.as_bytes())
    }
}
