//! # baixa
//!
//! Settle every payment exactly once. `baixa` takes the retornos cnab-core reads and settles the company's open
//! titles: the amount due on a date ([`valor_devido`]: multa, juros pro rata die, descontos, abatimento, the
//! business-day grace), matching (bank + agreement + nosso número, then seu número, then the link an entrada
//! confirmada makes for bank-assigned numbers), one [`Outcome`] per entry with the amounts that explain it,
//! idempotent application to a [`Ledger`] (in memory, SQLite or PostgreSQL), and reports.
//!
//! ```
//! use baixa::{Ledger, MemoryLedger, Outcome};
//! use cnab_core::{Retorno, RetornoEntry, Ocorrencia, OcorrenciaKind, Bank, Layout, Header};
//! use chrono::NaiveDate;
//!
//! let titles = baixa::titles_from_csv(b"id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes\n\
//!                                       NF-1,341,12345678,1000.00,2026-03-10,2,1\n").unwrap();
//! let mut ledger = MemoryLedger::new();
//! ledger.import_titles(&titles).unwrap();
//!
//! let paid = RetornoEntry {
//!     nosso_numero: "12345678".into(),
//!     ocorrencia: Some(Ocorrencia { code: "06".into(), kind: OcorrenciaKind::Liquidacao, description: "Liquidação".into() }),
//!     data_ocorrencia: NaiveDate::from_ymd_opt(2026, 3, 25),
//!     valor_pago: Some("1025.00".parse().unwrap()),
//!     line: 2,
//!     ..Default::default()
//! };
//! let retorno = Retorno { bank: Bank::new(341), layout: Layout::Cnab400, header: Header::default(),
//!                         entries: vec![paid], records: vec![], problems: vec![] };
//! let r = ledger.apply(&retorno).unwrap();
//! assert_eq!(r.entries[0].outcome, Outcome::PaidLate);
//! assert_eq!(r.entries[0].expected.unwrap().to_string(), "1025.00");
//! // the same file again settles nothing
//! assert!(ledger.apply(&retorno).unwrap().already_applied);
//! ```
//!
//! Modules: [`titulo`] (the title and its charge rules), [`mod@import`] (CSV, JSON, remessa), [`charges`] (amount due,
//! business days, rounding), [`key`] (normalized keys and content identities), [`engine`] (matching and
//! classification over the [`Book`] trait), [`outcome`], [`ledger`] (the [`Ledger`] trait, [`MemoryLedger`],
//! [`SqliteLedger`], [`PostgresLedger`], the SQL [`schema`]), [`report`], [`render`] (the JSON/CSV the CLI and the
//! bindings print), [`regua`] (the régua de cobrança: steps issued once), [`instrucao`] (its steps through the bank
//! as an instruction remessa), [`acordo`] (open titles replaced by installments), [`reemissao`] (an overdue título's
//! updated boleto through the bank's alteração de vencimento / valor).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod acordo;
pub mod charges;
pub mod engine;
pub mod error;
pub mod import;
pub mod instrucao;
pub mod key;
pub mod ledger;
pub mod mensagem;
pub mod outcome;
pub mod reemissao;
pub mod regua;
pub mod render;
pub mod report;
pub mod segunda_via;
pub mod titulo;

pub use charges::{is_business_day, next_business_day, round_cents, valor_devido, Breakdown};
pub use engine::{reconcile, Book, Candidate, FileContext, MemoryBook, Report, TitleRef};
pub use error::{ImportError, LedgerError};
pub use import::{from_remessa, import, titles_from_csv, titles_from_json};
pub use key::{entry_identity, EntryId, Key};
pub use ledger::{
    schema, ApplyResult, ImportSummary, Ledger, MemoryLedger, PostgresLedger, SqliteLedger,
};
pub use outcome::{
    ChargesFrom, EntryOutcome, Event, ManualSettlement, MatchedBy, Meio, Outcome, OutcomeRow,
    Status, TitleState,
};
pub use regua::{Politica, ReguaLedger};
pub use report::{
    entries_csv, in_default, in_default_csv, portfolio, Bucket, Devedor, FileReport, FileWarning,
    OpenTitle, OutcomeTotals, Portfolio, TrailerRow,
};
pub use segunda_via::LinkLedger;
pub use titulo::{Desconto, DescontoTipo, Juros, JurosTipo, Multa, MultaTipo, Pagador, Titulo};

/// The crate README's example, compiled as a doc test so it stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
