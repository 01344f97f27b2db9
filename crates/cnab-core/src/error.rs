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
    /// A blank line between records (a tolerated file defect: it is skipped).
    #[error("blank line between records")]
    BlankLine,
    /// A record's sequence number does not follow the previous record's nor match its position.
    #[error("record number {found}, expected {expected} (a record moved, missing or repeated?)")]
    Sequence {
        /// The number in the record.
        found: u64,
        /// The number that follows the previous record's.
        expected: u64,
    },
    /// A detail record that does not belong to this file's entries (a remessa segment in a retorno, …).
    #[error("{found} is not a record of a {file_kind} entry in this layout")]
    NotInEntry {
        /// The record (`segmento P`, `registro tipo 4`).
        found: String,
        /// Remessa or retorno.
        file_kind: String,
    },
    /// A record of an entry out of order or repeated (a segment U after a U, a Y before the U).
    #[error("{found} after {after}: out of order or repeated")]
    SegmentOrder {
        /// The record found.
        found: String,
        /// The entry record it follows.
        after: String,
    },
    /// The record here is followed by one that cannot follow it in an entry (either may be the wrong one: a
    /// segment letter changed here, or there).
    #[error(
        "the {record} here is followed by a {found} (line {found_line}) that cannot follow it"
    )]
    EntryFollowedBy {
        /// The record here (the last one the entry took).
        record: String,
        /// The record that followed.
        found: String,
        /// Its line.
        found_line: usize,
    },
    /// A detail of another entry-starting type than the file's first (a layout's alternatives, such as Banco do
    /// Brasil's convênio-6 type 1 and convênio-7 type 7, are not mixed in one file): a retyped record.
    #[error("{found} in a file whose details are {first}")]
    MixedDetailTypes {
        /// The record found.
        found: String,
        /// The file's first detail type.
        first: String,
    },
    /// A record of an entry where a mandatory one is due (CNAB 240: a Y where the U should be).
    #[error("{found} where {missing} is due")]
    SkippedRecord {
        /// The record found.
        found: String,
        /// The mandatory record missing before it.
        missing: String,
    },
    /// An entry lacks a record its layout requires (CNAB 240: a segment T without its U).
    #[error("{first} without its {missing}")]
    IncompleteEntry {
        /// The entry's first record.
        first: String,
        /// The record that should have followed.
        missing: String,
    },
    /// A continuation record whose content is a complete entry-starting record: its type byte was changed.
    #[error("{found} holds a complete {fits} (record type changed?)")]
    RetypedRecord {
        /// The continuation record type found.
        found: String,
        /// The entry-starting record its bytes fit.
        fits: String,
    },
    /// A record's bank code differs from the file header's.
    #[error("bank {found} in a file whose header says bank {header}")]
    BankMismatch {
        /// The record's code.
        found: String,
        /// The header's code.
        header: String,
    },
    /// A file trailer that records follow: a trailer too early, or a record retyped as one.
    #[error("file trailer followed by records (from line {next_line})")]
    TrailerBeforeEnd {
        /// The first record after it.
        next_line: usize,
    },
    /// The file header's bank code (CNAB 240 1-3) is not the one its records carry; the records' bank is read.
    #[error(
        "the header says bank {header}, its records say bank {records}; read as bank {records}"
    )]
    HeaderBankConflict {
        /// The header's code.
        header: String,
        /// The records' code.
        records: String,
    },
    /// Header position 143, the batch operation and the segments disagree on remessa/retorno.
    #[error("{evidence}; read as a {chosen}")]
    KindConflict {
        /// What disagrees.
        evidence: String,
        /// The kind chosen (by the segments).
        chosen: String,
    },
    /// The file is of the other kind than the reader reads.
    #[error("this is a {found}, not a {expected}")]
    WrongFileKind {
        /// What the reader reads.
        expected: String,
        /// What the file is.
        found: String,
    },
    /// A text field holds a control byte (below 0x20, or 0x7F).
    #[error("control byte 0x{byte:02X} in a text field: {found:?}")]
    ControlByte {
        /// The byte.
        byte: u8,
        /// The field's content.
        found: String,
    },
    /// A date outside the plausible range of its field.
    #[error("date {found:?} outside {min}-{max}")]
    DateOutOfRange {
        /// The field's content.
        found: String,
        /// First plausible year.
        min: i32,
        /// Last plausible year.
        max: i32,
    },
    /// A model value is invalid for writing (a bad CPF/CNPJ, a missing required value, …).
    #[error("{0}")]
    Invalid(String),
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
