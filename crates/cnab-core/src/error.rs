//! One error type, carrying where the problem is: line, column range and field name.

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

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
        /// The bank code found in the header (`"bank"` in JSON: `code` is the error's code there).
        #[serde(rename = "bank")]
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
    #[error("{reason}")]
    Structure {
        /// What is out of place.
        reason: String,
    },
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
        /// The code (`"ocorrencia"` in JSON: `code` is the error's code there).
        #[serde(rename = "ocorrencia")]
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
        /// The record here (the last one the entry took). Serialized as `entry_record`: an error's `record` is
        /// its record table's name.
        #[serde(rename = "entry_record")]
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
    /// A layout without a trailer: the header's record count does not match the records read (BRB's "DCB"
    /// remessa declares its count in the header).
    #[error(
        "header says {declared} records, but the file has {counted} (this layout has no trailer)"
    )]
    HeaderCount {
        /// What the header says.
        declared: u64,
        /// What we counted.
        counted: u64,
    },
    /// A file of a product (débito automático, arrecadação, pagamentos, extrato) that this reader does not read
    /// into the cobrança model; `hint` names what reads it.
    #[error("a CNAB {layout} {product} file is not read as cobrança{hint}")]
    OtherProduct {
        /// The product detected ([`crate::Product`]).
        product: String,
        /// 150, 240 or 400.
        layout: u16,
        /// What reads it instead.
        hint: String,
    },
    /// An arrecadação barcode (44 digits, FEBRABAN) that does not parse: wrong digits or check digits.
    #[error("bad arrecadação barcode {found:?}: {reason}")]
    BadBarcode {
        /// The field's content.
        found: String,
        /// What the barcode check found.
        reason: String,
    },
    /// An amount that disagrees with the value its barcode carries (arrecadação registro G).
    #[error("amount {paid} differs from the barcode's value {barcode}")]
    BarcodeValue {
        /// The value in the barcode.
        barcode: String,
        /// The amount of the record.
        paid: String,
    },
    /// A model value is invalid for writing (a bad CPF/CNPJ, a missing required value, …).
    #[error("{reason}")]
    Invalid {
        /// What is wrong with it.
        reason: String,
    },
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
        /// What is wrong (serialized as `reason`: an error's `message` is its whole text).
        #[serde(rename = "reason")]
        message: String,
    },
    /// An I/O error while streaming.
    #[error("I/O error: {reason}")]
    Io {
        /// The operating system's message.
        reason: String,
    },
}

impl ErrorKind {
    /// A record out of place; `ErrorKind::structure("second file header")`.
    pub fn structure(reason: impl Into<String>) -> Self {
        ErrorKind::Structure {
            reason: reason.into(),
        }
    }

    /// A model value that cannot be written; `ErrorKind::invalid("bad CPF")`.
    pub fn invalid(reason: impl Into<String>) -> Self {
        ErrorKind::Invalid {
            reason: reason.into(),
        }
    }

    /// An I/O failure, with the operating system's message.
    pub fn io(reason: impl Into<String>) -> Self {
        ErrorKind::Io {
            reason: reason.into(),
        }
    }

    /// The kind's stable code: a snake_case name that programs may match on. **Stable**: a code is never renamed
    /// nor reused for another meaning; new kinds get new codes. It is also the `"kind"` tag of the JSON form.
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::LineLength { .. } => "line_length",
            ErrorKind::LineTooLong { .. } => "line_too_long",
            ErrorKind::NotDigits { .. } => "not_digits",
            ErrorKind::BadDate { .. } => "bad_date",
            ErrorKind::MissingDate => "missing_date",
            ErrorKind::BadConst { .. } => "bad_const",
            ErrorKind::UnknownLayout { .. } => "unknown_layout",
            ErrorKind::UnknownBank { .. } => "unknown_bank",
            ErrorKind::UnknownKind { .. } => "unknown_kind",
            ErrorKind::UnknownRecord { .. } => "unknown_record",
            ErrorKind::Structure { .. } => "structure",
            ErrorKind::MissingHeader => "missing_header",
            ErrorKind::MissingTrailer => "missing_trailer",
            ErrorKind::TrailerCount { .. } => "trailer_count",
            ErrorKind::UnknownOcorrencia { .. } => "unknown_ocorrencia",
            ErrorKind::Overflow { .. } => "overflow",
            ErrorKind::Invalid { .. } => "invalid",
            ErrorKind::Unwritable { .. } => "unwritable",
            ErrorKind::BadModel { .. } => "bad_model",
            ErrorKind::BlankLine => "blank_line",
            ErrorKind::Sequence { .. } => "sequence",
            ErrorKind::NotInEntry { .. } => "not_in_entry",
            ErrorKind::SegmentOrder { .. } => "segment_order",
            ErrorKind::EntryFollowedBy { .. } => "entry_followed_by",
            ErrorKind::MixedDetailTypes { .. } => "mixed_detail_types",
            ErrorKind::SkippedRecord { .. } => "skipped_record",
            ErrorKind::IncompleteEntry { .. } => "incomplete_entry",
            ErrorKind::RetypedRecord { .. } => "retyped_record",
            ErrorKind::BankMismatch { .. } => "bank_mismatch",
            ErrorKind::TrailerBeforeEnd { .. } => "trailer_before_end",
            ErrorKind::HeaderBankConflict { .. } => "header_bank_conflict",
            ErrorKind::KindConflict { .. } => "kind_conflict",
            ErrorKind::WrongFileKind { .. } => "wrong_file_kind",
            ErrorKind::ControlByte { .. } => "control_byte",
            ErrorKind::DateOutOfRange { .. } => "date_out_of_range",
            ErrorKind::HeaderCount { .. } => "header_count",
            ErrorKind::OtherProduct { .. } => "other_product",
            ErrorKind::BadBarcode { .. } => "bad_barcode",
            ErrorKind::BarcodeValue { .. } => "barcode_value",
            ErrorKind::Io { .. } => "io",
        }
    }

    /// Which family the problem belongs to (see [`ErrorCategory`]).
    pub fn category(&self) -> ErrorCategory {
        match self {
            ErrorKind::Empty
            | ErrorKind::LineLength { .. }
            | ErrorKind::LineTooLong { .. }
            | ErrorKind::MissingTrailer
            | ErrorKind::TrailerCount { .. }
            | ErrorKind::HeaderCount { .. }
            | ErrorKind::Io { .. } => ErrorCategory::FileDefect,
            ErrorKind::NotDigits { .. }
            | ErrorKind::BadDate { .. }
            | ErrorKind::MissingDate
            | ErrorKind::BadConst { .. }
            | ErrorKind::Overflow { .. } => ErrorCategory::Field,
            ErrorKind::UnknownLayout { .. }
            | ErrorKind::UnknownBank { .. }
            | ErrorKind::UnknownKind { .. }
            | ErrorKind::UnknownRecord { .. }
            | ErrorKind::Structure { .. }
            | ErrorKind::MissingHeader => ErrorCategory::Structure,
            ErrorKind::UnknownOcorrencia { .. }
            | ErrorKind::Invalid { .. }
            | ErrorKind::Unwritable { .. }
            | ErrorKind::BadModel { .. } => ErrorCategory::Business,
            ErrorKind::BlankLine => ErrorCategory::FileDefect,
            ErrorKind::Sequence { .. }
            | ErrorKind::NotInEntry { .. }
            | ErrorKind::SegmentOrder { .. }
            | ErrorKind::EntryFollowedBy { .. }
            | ErrorKind::MixedDetailTypes { .. }
            | ErrorKind::SkippedRecord { .. }
            | ErrorKind::IncompleteEntry { .. }
            | ErrorKind::RetypedRecord { .. }
            | ErrorKind::BankMismatch { .. }
            | ErrorKind::TrailerBeforeEnd { .. }
            | ErrorKind::HeaderBankConflict { .. }
            | ErrorKind::KindConflict { .. }
            | ErrorKind::WrongFileKind { .. } => ErrorCategory::Structure,
            ErrorKind::ControlByte { .. } | ErrorKind::DateOutOfRange { .. } => {
                ErrorCategory::Field
            }
            ErrorKind::OtherProduct { .. } => ErrorCategory::Structure,
            ErrorKind::BadBarcode { .. } => ErrorCategory::Field,
            ErrorKind::BarcodeValue { .. } => ErrorCategory::Business,
        }
    }
}

/// The family of a problem, for programs that treat them differently (serialized snake_case: `"file_defect"`,
/// `"field"`, `"structure"`, `"business"`). Stable like [`ErrorKind::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCategory {
    /// The bytes themselves are damaged or incomplete: an empty or truncated file, a line of the wrong length, a
    /// trailer whose counts disagree with the records, an I/O failure.
    FileDefect,
    /// One field's content is wrong: not digits, not a date, a fixed value that differs, a value too wide to write.
    Field,
    /// The records do not form a file of the layout: unknown layout, bank, kind or record type, a record out of
    /// place, no header.
    Structure,
    /// The content is well formed but not acceptable: an ocorrência code the bank does not list, a CPF/CNPJ with a
    /// wrong check digit, a model value that cannot be written.
    Business,
}

impl ErrorCategory {
    /// The snake_case name (what the JSON carries).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCategory::FileDefect => "file_defect",
            ErrorCategory::Field => "field",
            ErrorCategory::Structure => "structure",
            ErrorCategory::Business => "business",
        }
    }
}

impl fmt::Display for ErrorCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem found in a file: where and what. `Display` gives
/// `RETORNO.RET: line 12, columns 254-266 (valor_pago): expected digits, found "12,50"` (the file name only when
/// the caller set one with [`Error::with_file`]).
///
/// Serialized (JSON) as one flat object, the same from the CLI and the Python bindings:
/// `{"kind", <the kind's own fields>, "code", "category", "message", "file" (when set), "line", "columns", "field",
/// "record"}`, where `kind` and `code` are [`ErrorKind::code`], `category` is [`ErrorKind::category`] and `message`
/// is the `Display` text. For example
/// `{"kind":"not_digits","found":"12,50","code":"not_digits","category":"field","message":"line 12, columns 254-266
/// (valor_pago): expected digits, found \"12,50\"","line":12,"columns":[254,266],"field":"valor_pago",
/// "record":"detalhe"}`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    /// The file the problem is in, when the caller named it (the CLI and the Python bindings do when they read a
    /// path).
    pub file: Option<Arc<str>>,
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
            file: None,
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
            ..Error::new(kind)
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
            file: None,
            line,
            columns: Some((field.start, field.end)),
            field: Some(field.name),
            record: Some(record),
            kind,
        }
    }
    /// A record out of place, on a line (`line` 0: not tied to one).
    pub fn structure(line: usize, reason: impl Into<String>) -> Self {
        Error::at_line(line, ErrorKind::structure(reason))
    }
    /// A model value that cannot be written.
    pub fn invalid(reason: impl Into<String>) -> Self {
        Error::new(ErrorKind::invalid(reason))
    }
    /// The same error, naming the file it is in.
    #[must_use]
    pub fn with_file(mut self, file: impl Into<Arc<str>>) -> Self {
        self.file = Some(file.into());
        self
    }
    /// Names the file of every error in `errors` (one shared copy of the name).
    pub fn name_file(errors: &mut [Error], file: &Arc<str>) {
        for e in errors {
            e.file = Some(Arc::clone(file));
        }
    }
    /// The kind's stable code ([`ErrorKind::code`]).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
    /// The kind's category ([`ErrorKind::category`]).
    pub fn category(&self) -> ErrorCategory {
        self.kind.category()
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            #[serde(flatten)]
            kind: &'a ErrorKind,
            code: &'static str,
            category: ErrorCategory,
            message: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            file: Option<&'a str>,
            line: usize,
            columns: Option<(u16, u16)>,
            field: Option<&'static str>,
            record: Option<&'static str>,
        }
        Wire {
            kind: &self.kind,
            code: self.kind.code(),
            category: self.kind.category(),
            message: self.to_string(),
            file: self.file.as_deref(),
            line: self.line,
            columns: self.columns,
            field: self.field,
            record: self.record,
        }
        .serialize(s)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
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
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::field::FieldSpec;
    use serde_json::{json, Value};

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
        assert_eq!(
            e.clone().with_file("RETORNO.RET").to_string(),
            "RETORNO.RET: line 12, columns 254-266 (valor_pago): expected digits, found \"12,50\""
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
        assert_eq!(
            Error::new(ErrorKind::Empty).with_file("a.ret").to_string(),
            "a.ret: empty file"
        );
    }

    /// Each variant's position in this exhaustive match: a new variant does not compile until it is listed here,
    /// and `every_kind_serializes` then fails until it has a sample.
    fn ordinal(k: &ErrorKind) -> usize {
        match k {
            ErrorKind::Empty => 0,
            ErrorKind::LineLength { .. } => 1,
            ErrorKind::LineTooLong { .. } => 2,
            ErrorKind::NotDigits { .. } => 3,
            ErrorKind::BadDate { .. } => 4,
            ErrorKind::MissingDate => 5,
            ErrorKind::BadConst { .. } => 6,
            ErrorKind::UnknownLayout { .. } => 7,
            ErrorKind::UnknownBank { .. } => 8,
            ErrorKind::UnknownKind { .. } => 9,
            ErrorKind::UnknownRecord { .. } => 10,
            ErrorKind::Structure { .. } => 11,
            ErrorKind::MissingHeader => 12,
            ErrorKind::MissingTrailer => 13,
            ErrorKind::TrailerCount { .. } => 14,
            ErrorKind::UnknownOcorrencia { .. } => 15,
            ErrorKind::Overflow { .. } => 16,
            ErrorKind::Invalid { .. } => 17,
            ErrorKind::Io { .. } => 18,
            ErrorKind::Unwritable { .. } => 19,
            ErrorKind::BadModel { .. } => 20,
            ErrorKind::BlankLine => 21,
            ErrorKind::Sequence { .. } => 22,
            ErrorKind::NotInEntry { .. } => 23,
            ErrorKind::SegmentOrder { .. } => 24,
            ErrorKind::EntryFollowedBy { .. } => 25,
            ErrorKind::MixedDetailTypes { .. } => 26,
            ErrorKind::SkippedRecord { .. } => 27,
            ErrorKind::IncompleteEntry { .. } => 28,
            ErrorKind::RetypedRecord { .. } => 29,
            ErrorKind::BankMismatch { .. } => 30,
            ErrorKind::TrailerBeforeEnd { .. } => 31,
            ErrorKind::HeaderBankConflict { .. } => 32,
            ErrorKind::KindConflict { .. } => 33,
            ErrorKind::WrongFileKind { .. } => 34,
            ErrorKind::ControlByte { .. } => 35,
            ErrorKind::DateOutOfRange { .. } => 36,
            ErrorKind::HeaderCount { .. } => 37,
            ErrorKind::OtherProduct { .. } => 38,
            ErrorKind::BadBarcode { .. } => 39,
            ErrorKind::BarcodeValue { .. } => 40,
        }
    }
    const KINDS: usize = 41;

    /// One sample of every kind, with the JSON its kind-specific part must give: (kind, code, category, fields).
    fn samples() -> Vec<(ErrorKind, &'static str, &'static str, Value)> {
        vec![
            (ErrorKind::Empty, "empty", "file_defect", json!({})),
            (
                ErrorKind::LineLength {
                    expected: 240,
                    found: 239,
                },
                "line_length",
                "file_defect",
                json!({"expected": 240, "found": 239}),
            ),
            (
                ErrorKind::LineTooLong { limit: 4096 },
                "line_too_long",
                "file_defect",
                json!({"limit": 4096}),
            ),
            (
                ErrorKind::NotDigits {
                    found: "12,50".into(),
                },
                "not_digits",
                "field",
                json!({"found": "12,50"}),
            ),
            (
                ErrorKind::BadDate {
                    found: "31022026".into(),
                },
                "bad_date",
                "field",
                json!({"found": "31022026"}),
            ),
            (ErrorKind::MissingDate, "missing_date", "field", json!({})),
            (
                ErrorKind::BadConst {
                    expected: "0",
                    found: "9".into(),
                },
                "bad_const",
                "field",
                json!({"expected": "0", "found": "9"}),
            ),
            (
                ErrorKind::UnknownLayout {
                    reason: "short".into(),
                },
                "unknown_layout",
                "structure",
                json!({"reason": "short"}),
            ),
            (
                ErrorKind::UnknownBank {
                    code: "999".into(),
                    layout: 400,
                    hint: String::new(),
                },
                "unknown_bank",
                "structure",
                json!({"bank": "999", "layout": 400, "hint": ""}),
            ),
            (
                ErrorKind::UnknownKind {
                    reason: "byte 143".into(),
                },
                "unknown_kind",
                "structure",
                json!({"reason": "byte 143"}),
            ),
            (
                ErrorKind::UnknownRecord {
                    found: "X".into(),
                    layout: "CNAB 240".into(),
                },
                "unknown_record",
                "structure",
                json!({"found": "X", "layout": "CNAB 240"}),
            ),
            (
                ErrorKind::structure("second file header"),
                "structure",
                "structure",
                json!({"reason": "second file header"}),
            ),
            (
                ErrorKind::MissingHeader,
                "missing_header",
                "structure",
                json!({}),
            ),
            (
                ErrorKind::MissingTrailer,
                "missing_trailer",
                "file_defect",
                json!({}),
            ),
            (
                ErrorKind::TrailerCount {
                    declared: "4 records".into(),
                    counted: "5".into(),
                },
                "trailer_count",
                "file_defect",
                json!({"declared": "4 records", "counted": "5"}),
            ),
            (
                ErrorKind::UnknownOcorrencia { code: "67".into() },
                "unknown_ocorrencia",
                "business",
                json!({"ocorrencia": "67"}),
            ),
            (
                ErrorKind::Overflow {
                    value: "12345".into(),
                    width: 2,
                },
                "overflow",
                "field",
                json!({"value": "12345", "width": 2}),
            ),
            (
                ErrorKind::invalid("bad CPF"),
                "invalid",
                "business",
                json!({"reason": "bad CPF"}),
            ),
            (
                ErrorKind::io("disk on fire"),
                "io",
                "file_defect",
                json!({"reason": "disk on fire"}),
            ),
            (
                ErrorKind::Unwritable {
                    detail: Box::new(crate::write::Unwritable {
                        titulo: 2,
                        seu_numero: "NF-2".into(),
                        nosso_numero: "123".into(),
                        field: "valor".into(),
                        value: "1.005".into(),
                        reason: "has more than 2 decimal places (the writer never rounds)".into(),
                    }),
                },
                "unwritable",
                "business",
                json!({"titulo": 2, "seu_numero": "NF-2", "nosso_numero": "123", "model_field": "valor",
                       "value": "1.005", "reason": "has more than 2 decimal places (the writer never rounds)"}),
            ),
            (
                ErrorKind::BadModel {
                    path: "titulos[0].vencimeto".into(),
                    message: "unknown field".into(),
                },
                "bad_model",
                "business",
                json!({"path": "titulos[0].vencimeto", "reason": "unknown field"}),
            ),
            (ErrorKind::BlankLine, "blank_line", "file_defect", json!({})),
            (
                ErrorKind::Sequence {
                    found: 7,
                    expected: 5,
                },
                "sequence",
                "structure",
                json!({"found": 7, "expected": 5}),
            ),
            (
                ErrorKind::NotInEntry {
                    found: "segmento P".into(),
                    file_kind: "retorno".into(),
                },
                "not_in_entry",
                "structure",
                json!({"found": "segmento P", "file_kind": "retorno"}),
            ),
            (
                ErrorKind::SegmentOrder {
                    found: "segmento U".into(),
                    after: "segmento U".into(),
                },
                "segment_order",
                "structure",
                json!({"found": "segmento U", "after": "segmento U"}),
            ),
            (
                ErrorKind::EntryFollowedBy {
                    record: "segmento T".into(),
                    found: "segmento S".into(),
                    found_line: 4,
                },
                "entry_followed_by",
                "structure",
                json!({"entry_record": "segmento T", "found": "segmento S", "found_line": 4}),
            ),
            (
                ErrorKind::MixedDetailTypes {
                    found: "registro tipo 1".into(),
                    first: "registro tipo 7".into(),
                },
                "mixed_detail_types",
                "structure",
                json!({"found": "registro tipo 1", "first": "registro tipo 7"}),
            ),
            (
                ErrorKind::SkippedRecord {
                    found: "segmento Y".into(),
                    missing: "segmento U".into(),
                },
                "skipped_record",
                "structure",
                json!({"found": "segmento Y", "missing": "segmento U"}),
            ),
            (
                ErrorKind::IncompleteEntry {
                    first: "segmento T".into(),
                    missing: "segmento U".into(),
                },
                "incomplete_entry",
                "structure",
                json!({"first": "segmento T", "missing": "segmento U"}),
            ),
            (
                ErrorKind::RetypedRecord {
                    found: "registro tipo 3".into(),
                    fits: "registro tipo 1".into(),
                },
                "retyped_record",
                "structure",
                json!({"found": "registro tipo 3", "fits": "registro tipo 1"}),
            ),
            (
                ErrorKind::BankMismatch {
                    found: "237".into(),
                    header: "341".into(),
                },
                "bank_mismatch",
                "structure",
                json!({"found": "237", "header": "341"}),
            ),
            (
                ErrorKind::TrailerBeforeEnd { next_line: 9 },
                "trailer_before_end",
                "structure",
                json!({"next_line": 9}),
            ),
            (
                ErrorKind::HeaderBankConflict {
                    header: "001".into(),
                    records: "136".into(),
                },
                "header_bank_conflict",
                "structure",
                json!({"header": "001", "records": "136"}),
            ),
            (
                ErrorKind::KindConflict {
                    evidence: "header says remessa, segments T/U".into(),
                    chosen: "retorno".into(),
                },
                "kind_conflict",
                "structure",
                json!({"evidence": "header says remessa, segments T/U", "chosen": "retorno"}),
            ),
            (
                ErrorKind::WrongFileKind {
                    expected: "retorno".into(),
                    found: "remessa".into(),
                },
                "wrong_file_kind",
                "structure",
                json!({"expected": "retorno", "found": "remessa"}),
            ),
            (
                ErrorKind::ControlByte {
                    byte: 0,
                    found: "AB\u{0}C".into(),
                },
                "control_byte",
                "field",
                json!({"byte": 0, "found": "AB\u{0}C"}),
            ),
            (
                ErrorKind::DateOutOfRange {
                    found: "01015000".into(),
                    min: 1990,
                    max: 2099,
                },
                "date_out_of_range",
                "field",
                json!({"found": "01015000", "min": 1990, "max": 2099}),
            ),
            (
                ErrorKind::HeaderCount {
                    declared: 4,
                    counted: 3,
                },
                "header_count",
                "file_defect",
                json!({"declared": 4, "counted": 3}),
            ),
            (
                ErrorKind::OtherProduct {
                    product: "pagamentos".into(),
                    layout: 240,
                    hint: ": read its records with read_structure".into(),
                },
                "other_product",
                "structure",
                json!({"product": "pagamentos", "layout": 240, "hint": ": read its records with read_structure"}),
            ),
            (
                ErrorKind::BadBarcode {
                    found: "8".into(),
                    reason: "wrong length".into(),
                },
                "bad_barcode",
                "field",
                json!({"found": "8", "reason": "wrong length"}),
            ),
            (
                ErrorKind::BarcodeValue {
                    barcode: "260.00".into(),
                    paid: "26.00".into(),
                },
                "barcode_value",
                "business",
                json!({"barcode": "260.00", "paid": "26.00"}),
            ),
        ]
    }

    #[test]
    fn every_kind_serializes() {
        const F: FieldSpec = FieldSpec::dec("valor_pago", 254, 266, 2);
        let samples = samples();
        let mut seen = [false; KINDS];
        for (kind, code, category, fields) in samples {
            seen[ordinal(&kind)] = true;
            assert_eq!(kind.code(), code);
            assert_eq!(kind.category().as_str(), category);
            // The kind alone: its tag and its fields.
            let mut want = fields.as_object().cloned().unwrap();
            want.insert("kind".into(), json!(code));
            assert_eq!(
                serde_json::to_value(&kind).unwrap(),
                Value::Object(want.clone())
            );
            // Within an error, not tied to a line.
            let e = Error::new(kind.clone());
            let mut whole = want.clone();
            whole.extend([
                ("code".to_string(), json!(code)),
                ("category".to_string(), json!(category)),
                ("message".to_string(), json!(kind.to_string())),
                ("line".to_string(), json!(0)),
                ("columns".to_string(), Value::Null),
                ("field".to_string(), Value::Null),
                ("record".to_string(), Value::Null),
            ]);
            assert_eq!(serde_json::to_value(&e).unwrap(), Value::Object(whole));
            // In a field of a named file.
            let e = Error::at_field(12, "detalhe", &F, kind.clone()).with_file("RETORNO.RET");
            let mut whole = want;
            whole.extend([
                ("code".to_string(), json!(code)),
                ("category".to_string(), json!(category)),
                (
                    "message".to_string(),
                    json!(format!(
                        "RETORNO.RET: line 12, columns 254-266 (valor_pago): {kind}"
                    )),
                ),
                ("file".to_string(), json!("RETORNO.RET")),
                ("line".to_string(), json!(12)),
                ("columns".to_string(), json!([254, 266])),
                ("field".to_string(), json!("valor_pago")),
                ("record".to_string(), json!("detalhe")),
            ]);
            assert_eq!(serde_json::to_value(&e).unwrap(), Value::Object(whole));
        }
        let missing: Vec<usize> = (0..KINDS).filter(|&i| !seen[i]).collect();
        assert!(missing.is_empty(), "kinds without a sample: {missing:?}");
    }

    #[test]
    fn codes_are_unique_and_category_names_are_their_json() {
        let samples = samples();
        let mut codes: Vec<&str> = samples.iter().map(|s| s.0.code()).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate codes");
        assert_eq!(n, KINDS);
        for c in [
            ErrorCategory::FileDefect,
            ErrorCategory::Field,
            ErrorCategory::Structure,
            ErrorCategory::Business,
        ] {
            assert_eq!(serde_json::to_value(c).unwrap(), json!(c.as_str()));
            assert_eq!(c.to_string(), c.as_str());
        }
    }

    #[test]
    fn readme_lists_every_code() {
        let readme = include_str!("../../../README.md");
        let section = readme
            .split("\n## Errors\n")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .expect("README has an Errors section");
        for (kind, ..) in samples() {
            assert!(
                section.contains(&format!("`{}`", kind.code())),
                "README's Errors section does not list the code `{}`",
                kind.code()
            );
        }
    }

    #[test]
    fn name_file_shares_one_name() {
        let mut v = vec![
            Error::new(ErrorKind::Empty),
            Error::at_line(2, ErrorKind::MissingHeader),
        ];
        let name: Arc<str> = Arc::from("x.ret");
        Error::name_file(&mut v, &name);
        assert_eq!(v[1].to_string(), "x.ret: line 2: missing file header");
        assert_eq!(v[0].file.as_deref(), Some("x.ret"));
    }
}
