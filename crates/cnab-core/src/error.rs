//! One error type, carrying where the problem is: line, column range and field name.

use serde::Serialize;
use std::fmt;

/// What went wrong, without the position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file has no records.
    #[error("empty file")]
    Empty,
    /// A line is not of the layout's length.
    #[error("expected a line of {expected} bytes, found {found}")]
    LineLength {
        /// The layout's line length.
        expected: usize,
        /// What the line has.
        found: usize,
    },
    /// A line is longer than any layout allows; the streaming reader stops reading it.
    #[error("line longer than {limit} bytes")]
    LineTooLong {
        /// The limit.
        limit: usize,
    },
    /// A numeric field holds something else.
    #[error("expected digits, found {found:?}")]
    NotDigits {
        /// The field's content.
        found: String,
    },
    /// A date field is not a real date.
    #[error("expected a date, found {found:?}")]
    BadDate {
        /// The field's content.
        found: String,
    },
    /// A required date is zero.
    #[error("a date is required here, found zeros")]
    MissingDate,
    /// A fixed field has other content.
    #[error("expected {expected:?}, found {found:?}")]
    BadConst {
        /// What the layout fixes.
        expected: &'static str,
        /// What the line has.
        found: String,
    },
    /// The layout could not be recognized.
    #[error("not a CNAB 240 or CNAB 400 file: {reason}")]
    UnknownLayout {
        /// Why.
        reason: String,
    },
    /// The bank is not one we have layouts for.
    #[error("bank {code} has no CNAB {layout} layout here{hint}")]
    UnknownBank {
        /// The bank code found in the header.
        code: String,
        /// 240 or 400.
        layout: u16,
        /// Extra advice.
        hint: String,
    },
    /// The file kind (remessa/retorno) could not be determined.
    #[error("cannot tell remessa from retorno: {reason}")]
    UnknownKind {
        /// Why.
        reason: String,
    },
    /// A record type (or segment) that the layout does not define.
    #[error("unknown record {found:?} for {layout}")]
    UnknownRecord {
        /// The record type / segment code found.
        found: String,
        /// The layout being read.
        layout: String,
    },
    /// A record out of place (a segment U without a T, a detail before the header, …).
    #[error("{0}")]
    Structure(String),
    /// The file has no header.
    #[error("missing file header")]
    MissingHeader,
    /// The file has no trailer.
    #[error("missing file trailer (truncated file?)")]
    MissingTrailer,
    /// A trailer count does not match the records read.
    #[error("trailer says {declared}, but the file has {counted}")]
    TrailerCount {
        /// What the trailer says.
        declared: String,
        /// What we counted.
        counted: String,
    },
    /// An ocorrência code the bank's table does not list.
    #[error("unknown ocorrência code {code:?}")]
    UnknownOcorrencia {
        /// The code.
        code: String,
    },
    /// A value does not fit its field when writing.
    #[error("value {value:?} does not fit {width} positions")]
    Overflow {
        /// The value.
        value: String,
        /// The field width.
        width: usize,
    },
    /// A model value is invalid for writing (a bad CPF/CNPJ, a missing required value, …).
    #[error("{0}")]
    Invalid(String),
    /// A model value that cannot be written as given: the writer refuses rather than round, cut, strip, replace
    /// or drop it. Serialized flat: `{"kind": "unwritable", "titulo": 1, "field": "valor", …}`.
    #[error("{detail}")]
    Unwritable {
        /// Which title, field and value, and why.
        #[serde(flatten)]
        detail: Box<crate::write::Unwritable>,
    },
    /// The JSON given as a model does not fit the model (an unknown key, a wrong type): nothing is guessed.
    #[error("JSON model, at {path}: {message}")]
    BadModel {
        /// Where in the JSON (`titulos[2].vencimeto`).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An I/O error while streaming.
    #[error("I/O error: {0}")]
    Io(String),
}

/// A problem found in a file: where and what. `Display` gives
/// `line 12, columns 254-266 (valor_pago): expected digits, found "12,50"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct Error {
    /// 1-based line number (0 when the problem is not tied to a line).
    pub line: usize,
    /// 1-based inclusive column range.
    pub columns: Option<(u16, u16)>,
    /// Field name, when the problem is within one field.
    pub field: Option<&'static str>,
    /// Record name (`segmento_t`, `detalhe`, …), when known.
    pub record: Option<&'static str>,
    /// What went wrong.
    #[source]
    pub kind: ErrorKind,
}

impl Error {
    /// An error not tied to a line.
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            line: 0,
            columns: None,
            field: None,
            record: None,
            kind,
        }
    }
    /// An error on a whole line.
    pub fn at_line(line: usize, kind: ErrorKind) -> Self {
        Error {
            line,
            columns: None,
            field: None,
            record: None,
            kind,
        }
    }
    /// An error within one field of a line.
    pub fn at_field(
        line: usize,
        record: &'static str,
        field: &crate::field::FieldSpec,
        kind: ErrorKind,
    ) -> Self {
        Error {
            line,
            columns: Some((field.start, field.end)),
            field: Some(field.name),
            record: Some(record),
            kind,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        if self.line > 0 {
            write!(f, "line {}", self.line)?;
            sep = ", ";
        }
        if let Some((a, b)) = self.columns {
            if a == b {
                write!(f, "{sep}column {a}")?;
            } else {
                write!(f, "{sep}columns {a}-{b}")?;
            }
            sep = " ";
        }
        match (self.field, self.record) {
            (Some(field), _) => write!(f, "{sep}({field})")?,
            (None, Some(rec)) if self.line > 0 => write!(f, "{sep}({rec})")?,
            _ => {}
        }
        if self.line > 0 || self.columns.is_some() {
            write!(f, ": ")?;
        }
        write!(f, "{}", self.kind)
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::FieldSpec;

    #[test]
    fn message_names_line_columns_and_field() {
        const F: FieldSpec = FieldSpec::dec("valor_pago", 254, 266, 2);
        let e = Error::at_field(
            12,
            "detalhe",
            &F,
            ErrorKind::NotDigits {
                found: "12,50".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "line 12, columns 254-266 (valor_pago): expected digits, found \"12,50\""
        );
        let e = Error::at_line(
            3,
            ErrorKind::LineLength {
                expected: 240,
                found: 239,
            },
        );
        assert_eq!(
            e.to_string(),
            "line 3: expected a line of 240 bytes, found 239"
        );
        assert_eq!(Error::new(ErrorKind::Empty).to_string(), "empty file");
    }
}
