//! Errors.

/// A problem in the titles given to [`crate::import()`] or [`crate::from_remessa`].
///
/// `row` is the 1-based line of the CSV file (the header is line 1) or the 1-based position in the JSON array.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// A field is missing or malformed.
    #[error("row {row}, column {column}: {message}")]
    Field {
        /// Row (CSV line or JSON item).
        row: usize,
        /// Column / key name.
        column: String,
        /// What is wrong.
        message: String,
    },
    /// The header row lacks a required column or has one we do not know.
    #[error("header: {0}")]
    Header(String),
    /// The file is not valid CSV or JSON.
    #[error("row {row}: {message}")]
    Syntax {
        /// Row (CSV line or JSON item; 0 when unknown).
        row: usize,
        /// The parser's message.
        message: String,
    },
}

impl ImportError {
    pub(crate) fn field(row: usize, column: &str, message: impl Into<String>) -> Self {
        ImportError::Field {
            row,
            column: column.to_string(),
            message: message.into(),
        }
    }
}

/// A ledger operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// The database said no.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The PostgreSQL server said no, or could not be reached.
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    /// A stored value could not be read back.
    #[error("stored data: {0}")]
    Corrupt(String),
    /// No title with this id.
    #[error("no title with id {0:?}")]
    UnknownTitle(String),
    /// The request is not valid (a duplicate id, a negative amount…).
    #[error("{0}")]
    Invalid(String),
    /// The database schema is newer than this library.
    #[error("ledger schema version {found} is newer than this library's {supported}")]
    SchemaTooNew {
        /// Version in the database.
        found: i64,
        /// Latest version this library knows.
        supported: i64,
    },
}

impl From<serde_json::Error> for LedgerError {
    fn from(e: serde_json::Error) -> Self {
        LedgerError::Corrupt(e.to_string())
    }
}

impl From<std::convert::Infallible> for LedgerError {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}
