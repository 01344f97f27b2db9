//! Ledgers: where titles, their states and every applied entry live.
//!
//! The [`Ledger`] trait is what the CLI and the bindings use; backends implement it with one transaction per file:
//! - [`MemoryLedger`]: everything in memory (tests, one-shot runs);
//! - [`SqliteLedger`]: an embedded SQLite file (the default), versioned schema migrations in [`schema`];
//! - [`PostgresLedger`]: a PostgreSQL database shared by several workers (serializable transactions, retried).
//!
//! Idempotency rests on two unique keys: the file identity (a second application of the same file is reported as
//! `already_applied` and changes nothing) and the entry identity (the same payment arriving again in another file
//! is a `duplicate`). Both are content hashes ([`crate::key`]), not positions.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDateTime;
use cnab_core::Retorno;
use rust_decimal::Decimal;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::engine::{
    apply_entries_observed, classify_payment, Book, FileContext, MemoryBook, Payment,
};
use crate::error::LedgerError;
use crate::key::EntryId;
use crate::outcome::{EntryOutcome, Event, ManualSettlement, Outcome, OutcomeRow, TitleState};
use crate::report::FileReport;
use crate::titulo::Titulo;

mod postgres;
mod regua_store;
pub mod schema;
mod segunda_via_store;
mod sqlite;
mod typed_outcome;

pub use self::postgres::PostgresLedger;
pub use sqlite::SqliteLedger;

/// What [`Ledger::import_titles`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ImportSummary {
    /// Titles added.
    pub added: usize,
    /// Titles whose data changed (their state is kept).
    pub updated: usize,
    /// Titles already there, identical.
    pub unchanged: usize,
}

/// What [`Ledger::apply`] did with one file.
#[derive(Debug, Clone, Serialize)]
pub struct ApplyResult {
    /// The file's content identity.
    pub file_id: String,
    /// The file had been applied before: nothing changed, `entries` is empty.
    pub already_applied: bool,
    /// Entries applied now (0 when already applied).
    pub applied: usize,
    /// Count per outcome name.
    pub outcomes: BTreeMap<Outcome, usize>,
    /// One row per entry.
    pub entries: Vec<EntryOutcome>,
    /// Totals.
    pub report: FileReport,
}

/// A ledger backend. One call = one transaction.
pub trait Ledger {
    /// Add titles, or update the data of titles with the same id (their state and history are kept).
    ///
    /// # Errors
    /// A backend failure.
    fn import_titles(&mut self, titles: &[Titulo]) -> Result<ImportSummary, LedgerError>;

    /// Apply a retorno: every entry classified and stored, all or nothing.
    ///
    /// # Errors
    /// A backend failure (nothing of the file is then stored).
    fn apply(&mut self, retorno: &Retorno) -> Result<ApplyResult, LedgerError>;

    /// [`Ledger::apply`], telling `progress` how many entries are applied so far (for a progress bar). The
    /// backends here call it every thousand entries or so; the default, once at the end.
    ///
    /// # Errors
    /// As [`Ledger::apply`].
    fn apply_with_progress(
        &mut self,
        retorno: &Retorno,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ApplyResult, LedgerError> {
        let r = self.apply(retorno)?;
        progress(retorno.entries.len());
        Ok(r)
    }

    /// Settle a title by hand.
    ///
    /// # Errors
    /// [`LedgerError::UnknownTitle`], [`LedgerError::Invalid`] for a non-positive amount, a backend failure.
    fn settle(&mut self, s: &ManualSettlement) -> Result<EntryOutcome, LedgerError>;

    /// Every title with its state.
    ///
    /// # Errors
    /// A backend failure.
    fn titles(&mut self) -> Result<Vec<(Titulo, TitleState)>, LedgerError>;

    /// A title's history, oldest first.
    ///
    /// # Errors
    /// [`LedgerError::UnknownTitle`], a backend failure.
    fn history(&mut self, id: &str) -> Result<Vec<Event>, LedgerError>;

    /// The reports of the files applied, in application order.
    ///
    /// # Errors
    /// A backend failure.
    fn files(&mut self) -> Result<Vec<FileReport>, LedgerError>;
}

pub(crate) fn now() -> NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

/// The identity of a settlement by hand: title, amount, date, meio, who and why.
pub(crate) fn settlement_identity(s: &ManualSettlement) -> EntryId {
    let mut h = Sha256::new();
    h.update(b"baixa-settlement-v1");
    for part in [
        s.title_id.as_str(),
        &s.valor.normalize().to_string(),
        &s.data.to_string(),
        &format!("{:?}", s.meio),
        s.por.trim(),
        s.motivo.trim(),
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    let mut id = [0u8; 32];
    id.copy_from_slice(h.finalize().as_slice());
    EntryId(id)
}

/// Classify a settlement by hand against the title's state.
pub(crate) fn settle_outcome(
    t: &Titulo,
    state: &TitleState,
    s: &ManualSettlement,
    identity: EntryId,
) -> Result<(EntryOutcome, TitleState), LedgerError> {
    if s.valor <= Decimal::ZERO {
        return Err(LedgerError::Invalid(format!(
            "settlement amount must be positive, found {}",
            s.valor
        )));
    }
    if s.valor.normalize().scale() > 2 {
        // Money is in centavos: an amount below one centavo was never received; never rounded here.
        return Err(LedgerError::Invalid(format!(
            "settlement amount has more than two decimal places, found {}",
            s.valor
        )));
    }
    let mut o = EntryOutcome {
        line: 0,
        identity,
        outcome: Outcome::Paid,
        ocorrencia: None,
        title_id: Some(Arc::from(t.id.as_str())),
        matched_by: None,
        date: Some(s.data),
        expected: None,
        paid: Some(s.valor),
        difference: None,
        credited: None,
        fees: None,
        bank_charges: None,
        breakdown: None,
        charges_from: None,
        motivos: Vec::new(),
        note: None,
    };
    let p = Payment {
        paid: s.valor,
        date: s.data,
        bank_adjust: None,
        fee: None,
        after_write_off: false,
    };
    let mut row = OutcomeRow::new(Some(s.data));
    row.outcome = Outcome::Paid;
    row.set_paid(Some(s.valor));
    let (ns, b) = classify_payment(t, state, &p, &mut row);
    o.outcome = row.outcome;
    o.date = row.date;
    o.expected = row.expected();
    o.paid = row.paid();
    o.difference = row.difference();
    o.charges_from = row.charges_from;
    o.breakdown = Some(b);
    o.note = row.note.text(None);
    Ok((o, ns))
}

/// Everything in memory. Applying a file cannot fail half-way, so it is atomic by construction.
///
/// ```
/// use baixa::{Ledger, MemoryLedger, Titulo};
/// use chrono::NaiveDate;
/// let mut ledger = MemoryLedger::new();
/// let t = Titulo::new("NF-1", 1, "123", "10.00".parse().unwrap(), NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
/// assert_eq!(ledger.import_titles(&[t.clone()]).unwrap().added, 1);
/// assert_eq!(ledger.import_titles(&[t]).unwrap().unchanged, 1);
/// ```
#[derive(Debug, Clone)]
pub struct MemoryLedger {
    book: MemoryBook<'static>,
    files: Vec<FileReport>,
    file_ids: std::collections::HashSet<EntryId>,
    settlements: std::collections::HashSet<EntryId>,
    regua: std::collections::BTreeSet<crate::regua::Issued>,
    acordos: Vec<crate::acordo::Acordo>,
    /// The instructions the régua sent, with the bank's answers.
    instrucoes: Vec<crate::instrucao::InstrucaoEnviada>,
    /// Segunda via tokens: (token, title id, created, revoked).
    links: Vec<crate::segunda_via::Link>,
}

impl Default for MemoryLedger {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryLedger {
    /// An empty ledger.
    pub fn new() -> Self {
        MemoryLedger {
            book: MemoryBook::new(Vec::new(), true),
            files: Vec::new(),
            file_ids: Default::default(),
            settlements: Default::default(),
            regua: Default::default(),
            acordos: Vec::new(),
            instrucoes: Vec::new(),
            links: Vec::new(),
        }
    }
}

impl Ledger for MemoryLedger {
    fn import_titles(&mut self, titles: &[Titulo]) -> Result<ImportSummary, LedgerError> {
        let mut s = ImportSummary::default();
        for t in titles {
            match self.book.index_of(&t.id) {
                None => {
                    self.book.upsert(t.clone());
                    s.added += 1;
                }
                Some(r) => {
                    if self.book.title(r)?.as_ref() == t {
                        s.unchanged += 1;
                    } else {
                        self.book.upsert(t.clone());
                        s.updated += 1;
                    }
                }
            }
        }
        Ok(s)
    }

    fn apply(&mut self, retorno: &Retorno) -> Result<ApplyResult, LedgerError> {
        self.apply_with_progress(retorno, &mut |_| {})
    }

    fn apply_with_progress(
        &mut self,
        retorno: &Retorno,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ApplyResult, LedgerError> {
        let ctx = FileContext::new(retorno);
        let file_id = ctx.file_id.to_string();
        if self.file_ids.contains(&ctx.file_id) {
            return Ok(already_applied(file_id, retorno));
        }
        // the in-memory book cannot fail (its error type is `Infallible`): the file is applied whole
        self.book.file_id = file_id.clone();
        let entries = apply_entries_observed(&mut self.book, &ctx, &retorno.entries, progress)?;
        self.book.file_id.clear();
        self.file_ids.insert(ctx.file_id);
        let report = FileReport::new(&file_id, retorno, &entries);
        self.files.push(report.clone());
        Ok(ApplyResult {
            file_id,
            already_applied: false,
            applied: entries.len(),
            outcomes: report.counts(),
            entries,
            report,
        })
    }

    fn settle(&mut self, s: &ManualSettlement) -> Result<EntryOutcome, LedgerError> {
        let r = self
            .book
            .index_of(&s.title_id)
            .ok_or_else(|| LedgerError::UnknownTitle(s.title_id.clone()))?;
        let identity = settlement_identity(s);
        let mut s = s.clone();
        s.em = Some(s.em.unwrap_or_else(now));
        if self.settlements.contains(&identity) {
            return Ok(duplicate_settlement(&s, identity));
        }
        let state = self.book.state(r)?;
        let (o, ns) = {
            let t = self.book.title(r)?;
            settle_outcome(&t, &state, &s, identity)?
        };
        self.book.set_state(r, &ns)?;
        self.book.push_event(
            r,
            Event::ManualSettlement {
                settlement: s,
                outcome: Box::new(o.clone()),
            },
        );
        self.settlements.insert(identity);
        Ok(o)
    }

    fn titles(&mut self) -> Result<Vec<(Titulo, TitleState)>, LedgerError> {
        Ok(self
            .book
            .titles()
            .map(|(t, s)| (t.clone(), s.clone()))
            .collect())
    }

    fn history(&mut self, id: &str) -> Result<Vec<Event>, LedgerError> {
        self.book
            .history(id)
            .map(<[Event]>::to_vec)
            .ok_or_else(|| LedgerError::UnknownTitle(id.to_string()))
    }

    fn files(&mut self) -> Result<Vec<FileReport>, LedgerError> {
        Ok(self.files.clone())
    }
}

pub(crate) fn duplicate_settlement(s: &ManualSettlement, identity: EntryId) -> EntryOutcome {
    EntryOutcome {
        line: 0,
        identity,
        outcome: Outcome::Duplicate,
        ocorrencia: None,
        title_id: Some(Arc::from(s.title_id.as_str())),
        matched_by: None,
        date: Some(s.data),
        expected: None,
        paid: Some(s.valor),
        difference: None,
        credited: None,
        fees: None,
        bank_charges: None,
        breakdown: None,
        charges_from: None,
        motivos: Vec::new(),
        note: Some("the same settlement was already recorded".into()),
    }
}

pub(crate) fn already_applied(file_id: String, retorno: &Retorno) -> ApplyResult {
    let report = FileReport::new(&file_id, retorno, &[]);
    ApplyResult {
        file_id,
        already_applied: true,
        applied: 0,
        outcomes: BTreeMap::new(),
        entries: Vec::new(),
        report,
    }
}
