//! The one error type of this crate.

use chrono::NaiveDate;

/// Everything that can go wrong while parsing or building a boleto.
///
/// Every variant says *where*: which field or block, which position, which check digit.
///
/// ```
/// use boleto::{Barcode, BoletoError};
/// let err = "00193376900000135000000001238798977770016819".parse::<Barcode>().unwrap_err();
/// assert_eq!(
///     err,
///     BoletoError::CheckDigit { field: "DV geral (posição 5)", expected: '1', found: '3' }
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BoletoError {
    /// The code (after removing separators) does not have an accepted number of digits.
    #[error("{what}: expected {expected} digits, found {found}")]
    WrongLength {
        /// What was being parsed ("barcode", "linha digitável", …).
        what: &'static str,
        /// The accepted length(s), e.g. "44" or "44, 47 or 48".
        expected: &'static str,
        /// How many digits were found.
        found: usize,
    },
    /// A character that is neither a digit nor an accepted separator.
    #[error("non-digit {ch:?} at position {position}")]
    NonDigit {
        /// 1-based character position in the text as given.
        position: usize,
        /// The offending character.
        ch: char,
    },
    /// A check digit does not match.
    #[error("{field}: check digit expected {expected}, found {found}")]
    CheckDigit {
        /// Which check digit ("campo 1", "DV geral (posição 5)", "bloco 2", …).
        field: &'static str,
        /// The digit the arithmetic gives.
        expected: char,
        /// The digit present in the code.
        found: char,
    },
    /// The currency digit (position 4) is not 9 (Real).
    #[error("moeda (posição 4): expected 9, found {found}")]
    Moeda {
        /// The digit found.
        found: char,
    },
    /// A date that has no fator de vencimento (on or before the base date 1997-10-07).
    #[error("no fator de vencimento for {date} (must be after 1997-10-07)")]
    DateOutOfRange {
        /// The date given.
        date: NaiveDate,
    },
    /// A required input field is missing or empty.
    #[error("{field}: required for bank {bank}")]
    MissingField {
        /// The `BoletoInput` key.
        field: &'static str,
        /// The bank code.
        bank: u16,
    },
    /// An input field has a bad value (too long, non-digit, out of the allowed set).
    #[error("{field}: {message}")]
    InvalidField {
        /// The `BoletoInput` key.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The amount cannot be put in a barcode.
    #[error("valor {valor}: {message}")]
    InvalidValor {
        /// The amount as given.
        valor: String,
        /// What is wrong.
        message: &'static str,
    },
    /// The bank code is not one this crate knows how to build a campo livre for.
    #[error("bank {0:03}: campo livre / nosso número not supported")]
    UnsupportedBank(u16),
    /// The `pix` data of a boleto híbrido cannot make a BR Code (which tag, what is wrong).
    #[error("pix: {0}")]
    Pix(crate::pix::PixError),
}

/// Shorthand for `Result<T, BoletoError>`.
pub type Result<T, E = BoletoError> = std::result::Result<T, E>;
