//! # cnab-core
//!
//! Read and write the bank files Brazilian companies use to collect money: FEBRABAN's **CNAB 240** and the banks'
//! **CNAB 400**, remessa and retorno.
//!
//! - [`detect`] tells bank, layout and kind from the bytes.
//! - [`read()`], [`read_retorno`], [`read_remessa`] read a whole file into the normalized model ([`Retorno`],
//!   [`Remessa`]); [`RetornoReader`] streams entries in constant memory.
//! - [`write_remessa`] writes a remessa from the model, each value as given or refused with its title and field;
//!   [`write_remessa_with`] also returns the warnings (text cut to its field, values the layout cannot carry).
//! - Every record keeps its raw bytes ([`RawRecord`]): nothing the bank sent is lost, and
//!   [`write_raw`] gives the original bytes back.
//!
//! New here? The [`tutorial`] walks the main tasks with examples that run.
//!
//! Layouts are data: each record is a `const` table of [`FieldSpec`]s (positions 1-based inclusive, as the manuals
//! print them), used both to read and to write; see [`banks`] for each bank's tables and the manuals they follow.
//!
//! ```
//! use cnab_core::{read_retorno, ReadOptions, OcorrenciaKind};
//! let bytes = cnab_core::tutorial::ITAU_240_RETORNO;
//! let retorno = read_retorno(bytes, ReadOptions::strict()).unwrap();
//! for e in &retorno.entries {
//!     if e.ocorrencia.as_ref().is_some_and(|o| o.kind == OcorrenciaKind::Liquidacao) {
//!         println!("{} paid {:?} on {:?}", e.nosso_numero, e.valor_pago, e.data_ocorrencia);
//!     }
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod bank;
pub mod banks;
pub mod cnab150;
pub mod doc;
mod error;
mod field;
pub mod generator;
pub mod layouts;
mod model;
mod normalize;
mod read;
mod record;
mod text;
mod trailer;
pub mod tutorial;
mod write;

// The public surface: the engine's modules are private; what a user names is re-exported here, once.
pub use bank::{Bank, BankSpec, LayoutSpec, RecordKey};
pub use error::{Error, ErrorCategory, ErrorKind, Result};
pub use field::{
    decode, decode_date, decode_digits, decode_num, decode_text, digits_value, DateFmt, FieldSpec,
    Kind, Measure, RecordLayout, Role, ScopeSpec, TotalSpec, Value, MAX_YEAR, MIN_YEAR,
};
pub use model::*;
pub use read::{
    detect, read, read_remessa, read_retorno, read_retorno_view, read_retorno_view_with_progress,
    read_structure, read_structure_with, read_with_envelope, read_with_progress, Batch, CnabFile,
    DebitoCredito, Detected, EntryView, Envelope, Favorecido, Lancamento, MotivoView,
    OcorrenciaPagamento, OcorrenciaView, Pagamento, ReadOptions, RemessaReader, RetornoReader,
    RetornoView, RetornoViewReader, Structure, ViewChunk, DETECT_LINES, MAX_ENTRY_RECORDS,
    MAX_LINE,
};
pub use record::{write_raw, LineEnding, RawRecord, Record};
pub use text::{pad_alpha, to_bank_ascii, try_to_bank_ascii};
pub use trailer::{TotalCheck, TotalScope, TrailerTotal};
pub use write::{
    remessa_from_json, write_remessa, write_remessa_spec, write_remessa_to, write_remessa_with,
    write_retorno, write_retorno_spec, RemessaWriter, Unwritable, WarningKind, WriteOptions,
    WriteWarning, Written, MAX_DETAILS_PER_BATCH,
};

/// The README's Rust examples, compiled as doc tests so they stay true.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
