//! A retorno entry's history event stored in typed columns (schema version 10).
//!
//! `Event::Entry` was stored as one JSON document per event (the outcome with its breakdown, ~500 bytes); since
//! version 10 its row in `events` holds `data = ENTRY_MARK` and the outcome's fields are columns of a row of
//! `entry_outcomes` with the event's `seq` ([`COLUMNS`]). [`TypedOutcome::of`] takes an event apart and [`TypedOutcome::into_event`] puts it back together
//! field for field, so `history` reads exactly the event that was recorded. An event these columns could not
//! give back exactly (no file identity, or an outcome naming another title than the event's row) keeps its JSON.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{de::DeserializeOwned, Serialize};

use crate::charges::Breakdown;
use crate::error::LedgerError;
use crate::outcome::{EntryOutcome, Event, Outcome};

/// The typed columns of `entry_outcomes` (after `event_seq`), in the order [`TypedOutcome`] reads and writes them.
pub(crate) const COLUMNS: &str = "line, identity, outcome, ocorrencia, matched_by, date, expected, paid, \
     difference, credited, fees, bank_charges, charges_from, motivos, note, b_valor, b_multa, b_juros, b_desconto, \
     b_abatimento, b_total, b_dias_atraso";

/// [`COLUMNS`] of the table aliased `o`, as a history query selects them.
pub(crate) const O_COLUMNS: &str = "o.line, o.identity, o.outcome, o.ocorrencia, o.matched_by, o.date, \
     o.expected, o.paid, o.difference, o.credited, o.fees, o.bank_charges, o.charges_from, o.motivos, o.note, \
     o.b_valor, o.b_multa, o.b_juros, o.b_desconto, o.b_abatimento, o.b_total, o.b_dias_atraso";

/// How many columns [`COLUMNS`] names.
pub(crate) const N_COLUMNS: usize = 22;

/// An entry's outcome as the typed columns hold it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TypedOutcome {
    pub line: i64,
    pub identity: String,
    pub outcome: Cow<'static, str>,
    pub ocorrencia: Option<String>,
    pub matched_by: Option<String>,
    pub date: Option<NaiveDate>,
    /// expected, paid, difference, credited, fees, bank_charges.
    pub amounts: [Option<Decimal>; 6],
    pub charges_from: Option<String>,
    /// The bank's reasons as a JSON array, `None` when there are none.
    pub motivos: Option<String>,
    pub note: Option<String>,
    /// The breakdown's valor, multa, juros, desconto, abatimento and total (all `None` without a breakdown).
    pub breakdown: [Option<Decimal>; 6],
    pub dias_atraso: Option<i64>,
}

/// A unit enum's serde name (`"nosso_numero"`).
fn name<T: Serialize>(v: &T) -> Result<String, LedgerError> {
    match serde_json::to_value(v)? {
        serde_json::Value::String(s) => Ok(s),
        other => Err(LedgerError::Corrupt(format!(
            "expected a name, found {other}"
        ))),
    }
}

fn from_name<T: DeserializeOwned>(s: String) -> Result<T, LedgerError> {
    Ok(serde_json::from_value(serde_json::Value::String(s))?)
}

impl TypedOutcome {
    /// The columns of `o`, the outcome of an entry of file `file_id` recorded in the history of title `title_id`;
    /// `None` when they could not give it back exactly (the event is then stored as JSON).
    pub(crate) fn of(
        o: &EntryOutcome,
        title_id: &str,
        file_id: &str,
    ) -> Result<Option<Self>, LedgerError> {
        if file_id.is_empty() || o.title_id.as_deref() != Some(title_id) {
            return Ok(None);
        }
        let Ok(line) = i64::try_from(o.line) else {
            return Ok(None);
        };
        let b = o.breakdown.as_ref();
        Ok(Some(TypedOutcome {
            line,
            identity: o.identity.to_string(),
            outcome: Cow::Borrowed(o.outcome.name()),
            ocorrencia: o.ocorrencia.as_ref().map(name).transpose()?,
            matched_by: o.matched_by.as_ref().map(name).transpose()?,
            date: o.date,
            amounts: [
                o.expected,
                o.paid,
                o.difference,
                o.credited,
                o.fees,
                o.bank_charges,
            ],
            charges_from: o.charges_from.as_ref().map(name).transpose()?,
            motivos: if o.motivos.is_empty() {
                None
            } else {
                Some(serde_json::to_string(&o.motivos)?)
            },
            note: o.note.clone(),
            breakdown: [
                b.map(|b| b.valor),
                b.map(|b| b.multa),
                b.map(|b| b.juros),
                b.map(|b| b.desconto),
                b.map(|b| b.abatimento),
                b.map(|b| b.total),
            ],
            dias_atraso: b.map(|b| b.dias_atraso),
        }))
    }

    /// The event these columns stand for, in the history of title `title_id`.
    pub(crate) fn into_event(self, title_id: &str, file_id: String) -> Result<Event, LedgerError> {
        let line = usize::try_from(self.line)
            .map_err(|_| LedgerError::Corrupt(format!("bad line {}", self.line)))?;
        let identity = self
            .identity
            .parse()
            .map_err(|_| LedgerError::Corrupt(format!("bad entry identity {:?}", self.identity)))?;
        let outcome = Outcome::from_name(&self.outcome)
            .ok_or_else(|| LedgerError::Corrupt(format!("bad outcome {:?}", self.outcome)))?;
        let [valor, multa, juros, desconto, abatimento, total] = self.breakdown;
        let breakdown = match (
            valor,
            multa,
            juros,
            desconto,
            abatimento,
            total,
            self.dias_atraso,
        ) {
            (None, None, None, None, None, None, None) => None,
            (
                Some(valor),
                Some(multa),
                Some(juros),
                Some(desconto),
                Some(abatimento),
                Some(total),
                Some(dias_atraso),
            ) => Some(Breakdown {
                valor,
                multa,
                juros,
                desconto,
                abatimento,
                total,
                dias_atraso,
            }),
            _ => {
                return Err(LedgerError::Corrupt(format!(
                    "entry event {} has part of a breakdown",
                    self.identity
                )))
            }
        };
        let [expected, paid, difference, credited, fees, bank_charges] = self.amounts;
        let o = EntryOutcome {
            line,
            identity,
            outcome,
            ocorrencia: self.ocorrencia.map(from_name).transpose()?,
            title_id: Some(Arc::from(title_id)),
            matched_by: self.matched_by.map(from_name).transpose()?,
            date: self.date,
            expected,
            paid,
            difference,
            credited,
            fees,
            bank_charges,
            breakdown,
            charges_from: self.charges_from.map(from_name).transpose()?,
            motivos: match self.motivos {
                Some(m) => serde_json::from_str(&m)?,
                None => Vec::new(),
            },
            note: self.note,
        };
        Ok(Event::Entry {
            file_id,
            outcome: Box::new(o),
        })
    }
}
