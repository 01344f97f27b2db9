//! The PostgreSQL ledger: one database shared by several workers.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use cnab_core::{Retorno, RetornoEntry};
use postgres::error::SqlState;
use postgres::types::Json;
use postgres::{Client, IsolationLevel, NoTls, Row, Statement, Transaction};
use rust_decimal::Decimal;

use super::schema::{self, Dialect};
use super::sqlite::title_keys;
use super::{
    already_applied, duplicate_settlement, now, settle_outcome, settlement_identity, ApplyResult,
    ImportSummary, Ledger,
};
use crate::engine::{apply_entries_observed, Book, Candidate, FileContext, TitleRef};
use crate::error::LedgerError;
use crate::key::{EntryId, Key};
use crate::outcome::{EntryOutcome, Event, ManualSettlement, Outcome, Status, TitleState};
use crate::report::FileReport;
use crate::titulo::Titulo;

/// How many times a transaction that PostgreSQL aborted for a serialization failure or a deadlock is run again
/// before the error is returned.
const MAX_ATTEMPTS: u32 = 12;

/// Buffered entry outcomes and events are written in batches of this many rows.
const BATCH: usize = 1000;

/// First key of the advisory lock that serializes schema migrations (the second is the schema's name).
const MIGRATION_LOCK: i32 = 0x6261_6978; // "baix"

/// A ledger in a PostgreSQL database, for several workers sharing one ledger.
///
/// Every operation is one `SERIALIZABLE` transaction, so concurrent appliers behave as if they had run one after
/// the other: the file row (unique on the file identity) and every entry row (unique on the entry identity) are
/// written with the titles' new states, or nothing is. When two workers apply the same file, or two files carrying
/// the same payment, at the same moment, the second one's insert waits for the first transaction; once that commits,
/// PostgreSQL aborts the second with a serialization failure, and the second is run again from the start: it then
/// sees the file as `already_applied`, or the payment as a `duplicate`. Serialization failures and deadlocks are
/// retried, up to 12 attempts in all, with a growing, jittered pause.
///
/// A file costs a few round trips, not a few per entry: the titles its entries can match are read in a few
/// statements, its entry identities claimed in one `INSERT … RETURNING` per 5,000, and the new states, outcomes and
/// events written in batches. Two large files applied at the same moment usually conflict (PostgreSQL then tracks
/// the reads of each per table, not per row), so one is run again after the other: correct, not parallel.
///
/// Amounts are `NUMERIC` (exact, never rounded on the way in), dates `DATE`, the titles' and outcomes' full data
/// `JSONB`. The schema is the one SQLite uses ([`schema::MIGRATIONS`], rendered for [`Dialect::Postgres`]), created
/// or upgraded by [`PostgresLedger::connect`] in the schema named first in the connection's `search_path`.
///
/// ```no_run
/// use baixa::{Ledger, PostgresLedger};
/// let mut ledger = PostgresLedger::connect("postgres://baixa@127.0.0.1/erp")?;
/// println!("{} titles", ledger.titles()?.len());
/// # Ok::<(), baixa::LedgerError>(())
/// ```
pub struct PostgresLedger {
    pub(super) client: Client,
    pub(super) st: Statements,
}

impl std::fmt::Debug for PostgresLedger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresLedger").finish_non_exhaustive()
    }
}

const TITLE_COLS: &str =
    "t.seq, t.id, t.convenio_key, s.status, s.paid, s.registered, s.linked_nosso_numero, s.settled_on, t.data";

/// Titles with one matching key each (`kind, bank, key, exact` after the title's columns): the rows of bank `$1`
/// whose key of one of `kinds` is in `$2`, one index lookup per key.
fn by_keys(kinds: &str) -> String {
    format!(
        "SELECT {TITLE_COLS}, k.kind, k.bank, k.key, k.exact FROM UNNEST($2::text[]) AS u(key) \
         JOIN title_keys k ON k.kind IN ({kinds}) AND k.bank = $1 AND k.key = u.key \
         JOIN titles t ON t.seq = k.title_seq JOIN title_state s ON s.title_seq = t.seq"
    )
}

/// The statements every transaction uses, prepared once per connection.
#[derive(Clone)]
pub(super) struct Statements {
    find_nn: Statement,
    find_seu: Statement,
    find_id: Statement,
    by_seq: Statement,
    claim: Statement,
    claim_all: Statement,
    titles: Statement,
    keys: Statement,
    records: Statement,
    events: Statement,
}

impl Statements {
    fn prepare(c: &mut Client) -> Result<Self, LedgerError> {
        Ok(Statements {
            find_nn: c.prepare(&by_keys("'nn', 'link'"))?,
            find_seu: c.prepare(&by_keys("'seu'"))?,
            find_id: c.prepare(&format!(
                "SELECT {TITLE_COLS}, NULL::text, NULL::int, NULL::text, NULL::int \
                 FROM UNNEST($1::text[]) AS u(id) JOIN titles t ON t.id = u.id \
                 JOIN title_state s ON s.title_seq = t.seq"
            ))?,
            by_seq: c.prepare(&format!(
                "SELECT {TITLE_COLS}, NULL::text, NULL::int, NULL::text, NULL::int \
                 FROM titles t JOIN title_state s ON s.title_seq = t.seq WHERE t.seq = $1"
            ))?,
            claim: c.prepare(
                "INSERT INTO entries (identity, file_id, line, outcome) VALUES ($1, $2, $3, 'pending') \
                 ON CONFLICT (identity) DO NOTHING",
            )?,
            claim_all: c.prepare(
                "INSERT INTO entries (identity, file_id, line, outcome) \
                 SELECT identity, $1, line, 'pending' FROM UNNEST($2::text[], $3::bigint[]) WITH ORDINALITY \
                 AS u(identity, line, n) ORDER BY n \
                 ON CONFLICT (identity) DO NOTHING RETURNING identity",
            )?,
            titles: c.prepare(
                "UPDATE title_state AS t SET status = u.status, paid = u.paid, registered = u.registered, \
                 linked_nosso_numero = u.linked, settled_on = u.settled_on \
                 FROM UNNEST($1::bigint[], $2::text[], $3::numeric[], $4::int[], $5::text[], $6::date[]) \
                 AS u(seq, status, paid, registered, linked, settled_on) \
                 WHERE t.title_seq = u.seq",
            )?,
            keys: c.prepare(
                "INSERT INTO title_keys (kind, bank, key, title_seq, exact) \
                 SELECT * FROM UNNEST($1::text[], $2::int[], $3::text[], $4::bigint[], $5::int[]) \
                 ON CONFLICT (kind, bank, key, title_seq) DO NOTHING",
            )?,
            records: c.prepare(
                "UPDATE entries AS e SET outcome = u.outcome, title_id = u.title_id, expected = u.expected, \
                 paid = u.paid, difference = u.difference, data = u.data \
                 FROM UNNEST($1::text[], $2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], \
                 $7::jsonb[]) AS u(identity, outcome, title_id, expected, paid, difference, data) \
                 WHERE e.identity = u.identity",
            )?,
            // ordered by position so that `seq` follows the order the events happened in
            events: c.prepare(
                "INSERT INTO events (title_id, kind, file_id, data) \
                 SELECT title_id, kind, file_id, data \
                 FROM UNNEST($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY \
                 AS u(title_id, kind, file_id, data, n) ORDER BY n",
            )?,
        })
    }
}

/// A title row as the transaction sees it.
struct Loaded {
    titulo: Titulo,
    id: Arc<str>,
    state: TitleState,
    convenio: Option<Key>,
}

/// Matching keys to add to `title_keys`, as the columns of one multi-row `INSERT`.
#[derive(Default)]
struct NewKeys {
    kind: Vec<&'static str>,
    bank: Vec<i32>,
    key: Vec<String>,
    seq: Vec<i64>,
    exact: Vec<i32>,
}

impl NewKeys {
    fn push(&mut self, kind: &'static str, bank: u16, key: String, seq: u64, exact: bool) {
        self.kind.push(kind);
        self.bank.push(i32::from(bank));
        self.key.push(key);
        self.seq.push(to_i64(seq));
        self.exact.push(i32::from(exact));
    }

    fn write(&mut self, tx: &mut Transaction<'_>, st: &Statements) -> Result<(), LedgerError> {
        let n = std::mem::take(self);
        if !n.kind.is_empty() {
            tx.execute(&st.keys, &[&n.kind, &n.bank, &n.key, &n.seq, &n.exact])?;
        }
        Ok(())
    }
}

fn to_i64<T: TryInto<i64>>(v: T) -> i64 {
    v.try_into().unwrap_or(i64::MAX)
}

fn load(row: &Row) -> Result<(u64, Loaded), LedgerError> {
    let seq: i64 = row.try_get(0)?;
    let id: String = row.try_get(1)?;
    let conv: String = row.try_get(2)?;
    let status: String = row.try_get(3)?;
    let paid: Decimal = row.try_get(4)?;
    let registered: i32 = row.try_get(5)?;
    let linked: Option<String> = row.try_get(6)?;
    let settled_on: Option<NaiveDate> = row.try_get(7)?;
    let Json(titulo): Json<Titulo> = row.try_get(8)?;
    let state = TitleState {
        status: Status::from_name(&status)
            .ok_or_else(|| LedgerError::Corrupt(format!("bad status {status:?}")))?,
        paid,
        registered: registered != 0,
        linked_nosso_numero: linked,
        settled_on,
    };
    let seq =
        u64::try_from(seq).map_err(|_| LedgerError::Corrupt(format!("bad title row {seq}")))?;
    Ok((
        seq,
        Loaded {
            titulo,
            id: Arc::from(id.as_str()),
            state,
            convenio: Key::parse(&conv),
        },
    ))
}

fn event_kind(ev: &Event) -> &'static str {
    match ev {
        Event::Imported { .. } => "imported",
        Event::Entry { .. } => "entry",
        Event::Linked { .. } => "linked",
        Event::ManualSettlement { .. } => "manual_settlement",
        Event::Regua { .. } => "regua",
        Event::Acordo { .. } => "acordo",
        Event::Visualizado { .. } => "visualizado",
        Event::Instrucao { .. } => "instrucao",
    }
}

/// Entry outcomes and events waiting to be written (in batches: one round trip per [`BATCH`] rows).
#[derive(Default)]
struct Pending {
    identity: Vec<String>,
    outcome: Vec<&'static str>,
    title_id: Vec<Option<String>>,
    expected: Vec<Option<Decimal>>,
    paid: Vec<Option<Decimal>>,
    difference: Vec<Option<Decimal>>,
    /// The outcome's JSON, only for an entry without a title: a matched entry's outcome is stored once, in the
    /// title's history (its `Event::Entry`), where [`Ledger::history`] reads it.
    data: Vec<Option<Json<EntryOutcome>>>,
    ev_title: Vec<String>,
    ev_kind: Vec<&'static str>,
    ev_file: Vec<Option<String>>,
    ev_data: Vec<Json<Stored>>,
}

/// An event as `events.data` stores it: the event, or the mark of a title's latest import (schema version 8: the
/// title's JSON is `titles.data`, not copied into its history).
#[derive(Debug)]
enum Stored {
    Event(Event),
    Imported,
}

impl serde::Serialize for Stored {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Stored::Event(e) => e.serialize(s),
            Stored::Imported => {
                // `schema::IMPORTED_MARK`
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("event", "imported")?;
                m.end()
            }
        }
    }
}

/// One transaction's view of the ledger.
///
/// Titles are read into memory once (every title any entry of the file can match, in a few queries) and lookups
/// are answered from there; a lookup for a key that was not read beforehand goes to the database. New title states,
/// entry outcomes and events are written in batches, all before the transaction commits. Inside a serializable
/// transaction nothing else changes these rows, so memory and database agree.
struct PgBook<'a, 't> {
    tx: &'a mut Transaction<'t>,
    st: &'a Statements,
    file_id: String,
    titles: HashMap<u64, Loaded>,
    /// (nosso número or seu número, bank, key) → titles, each with `exact`.
    by_key: KeyIndex,
    by_id: HashMap<Arc<str>, u64>,
    /// Lookups whose every answer is in `titles`.
    read_nn: HashSet<(u16, String)>,
    read_seu: HashSet<(u16, String)>,
    read_id: HashSet<String>,
    /// Titles whose state changed since they were last written.
    dirty: BTreeSet<u64>,
    /// Keys that links added, not written yet.
    new_keys: NewKeys,
    /// Entry identities this transaction inserted and no entry has claimed yet (`None`: claim row by row).
    fresh: Option<HashSet<EntryId>>,
    pending: Pending,
}

/// (nosso número or seu número, bank, key) → titles, each with `exact`.
type KeyIndex = HashMap<(Lookup, u16, String), Vec<(u64, bool)>>;

fn push_unique(map: &mut KeyIndex, which: Lookup, bank: u16, key: &str, seq: u64, exact: bool) {
    let v = map.entry((which, bank, key.to_string())).or_default();
    match v.iter_mut().find(|(s, _)| *s == seq) {
        Some((_, e)) => *e |= exact,
        None => v.push((seq, exact)),
    }
}

impl<'a, 't> PgBook<'a, 't> {
    fn new(tx: &'a mut Transaction<'t>, st: &'a Statements, file_id: &str) -> Self {
        PgBook {
            tx,
            st,
            file_id: file_id.to_string(),
            titles: HashMap::new(),
            by_key: HashMap::new(),
            new_keys: NewKeys::default(),
            by_id: HashMap::new(),
            read_nn: HashSet::new(),
            read_seu: HashSet::new(),
            read_id: HashSet::new(),
            dirty: BTreeSet::new(),
            fresh: None,
            pending: Pending::default(),
        }
    }

    /// Keep a row read from the database (a title and one of its keys); the title's copy in memory wins, as it
    /// may be newer.
    fn keep(&mut self, row: &Row) -> Result<(), LedgerError> {
        let (seq, l) = load(row)?;
        let kind: Option<String> = row.try_get(9)?;
        if let Some(kind) = kind {
            let bank: i32 = row.try_get(10)?;
            let key: String = row.try_get(11)?;
            let exact: i32 = row.try_get(12)?;
            let bank = u16::try_from(bank)
                .map_err(|_| LedgerError::Corrupt(format!("bad bank {bank}")))?;
            let which = match kind.as_str() {
                "seu" => Lookup::SeuNumero,
                _ => Lookup::NossoNumero,
            };
            push_unique(&mut self.by_key, which, bank, &key, seq, exact != 0);
        }
        if !self.titles.contains_key(&seq) {
            self.by_id.insert(l.id.clone(), seq);
            self.titles.insert(seq, l);
        }
        Ok(())
    }

    /// Read every title that the given lookups can find, in chunks.
    fn read(&mut self, which: Lookup, bank: u16, keys: Vec<String>) -> Result<(), LedgerError> {
        let keys: Vec<String> = keys
            .into_iter()
            .filter(|k| match which {
                Lookup::NossoNumero => !self.read_nn.contains(&(bank, k.clone())),
                Lookup::SeuNumero => !self.read_seu.contains(&(bank, k.clone())),
                Lookup::Id => !self.read_id.contains(k),
            })
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        if keys.is_empty() {
            return Ok(());
        }
        // the database must hold what memory knows (links made by earlier entries) before it is asked
        self.flush_titles()?;
        let bank_i = i32::from(bank);
        for chunk in keys.chunks(BATCH * 5) {
            let rows = match which {
                Lookup::NossoNumero => self.tx.query(&self.st.find_nn, &[&bank_i, &chunk])?,
                Lookup::SeuNumero => self.tx.query(&self.st.find_seu, &[&bank_i, &chunk])?,
                Lookup::Id => self.tx.query(&self.st.find_id, &[&chunk])?,
            };
            for row in &rows {
                self.keep(row)?;
            }
        }
        for k in keys {
            match which {
                Lookup::NossoNumero => self.read_nn.insert((bank, k)),
                Lookup::SeuNumero => self.read_seu.insert((bank, k)),
                Lookup::Id => self.read_id.insert(k),
            };
        }
        Ok(())
    }

    /// Read the titles every entry of the file can match, and claim the file's entry identities, in a few
    /// statements (the engine then asks row by row, answered from memory).
    fn prepare_file(
        &mut self,
        ctx: &FileContext,
        entries: &[RetornoEntry],
    ) -> Result<(), LedgerError> {
        let (mut nn, mut seu, mut ids) = (Vec::new(), Vec::new(), Vec::new());
        for e in entries {
            if let Some(k) = Key::of(&[&e.nosso_numero]) {
                nn.push(k.to_string());
            }
            if let Some(dv) = e
                .nosso_numero_dv
                .as_deref()
                .filter(|d| !d.trim().is_empty())
            {
                if let Some(k) = Key::of(&[&e.nosso_numero, dv]) {
                    nn.push(k.to_string());
                }
            }
            if let Some(k) = Key::of(&[&e.seu_numero]) {
                seu.push(k.to_string());
            }
            let uso = e.uso_empresa.trim();
            if !uso.is_empty() {
                ids.push(uso.to_string());
                if let Some(k) = Key::of(&[uso]) {
                    seu.push(k.to_string());
                }
            }
        }
        self.read(Lookup::NossoNumero, ctx.bank, nn)?;
        self.read(Lookup::SeuNumero, ctx.bank, seu)?;
        self.read(Lookup::Id, ctx.bank, ids)?;

        // the first entry with an identity claims it (a repeat inside the file is a duplicate, as row by row)
        let mut seen = HashSet::new();
        let (mut idents, mut lines) = (Vec::new(), Vec::new());
        for (e, id) in entries.iter().zip(&ctx.identities) {
            if seen.insert(*id) {
                idents.push(id.to_string());
                lines.push(to_i64(e.line));
            }
        }
        let mut fresh = HashSet::with_capacity(idents.len());
        for (i, l) in idents.chunks(BATCH * 5).zip(lines.chunks(BATCH * 5)) {
            for row in self
                .tx
                .query(&self.st.claim_all, &[&self.file_id, &i, &l])?
            {
                let s: String = row.try_get(0)?;
                let id: EntryId = s
                    .parse()
                    .map_err(|_| LedgerError::Corrupt(format!("bad entry identity {s:?}")))?;
                fresh.insert(id);
            }
        }
        self.fresh = Some(fresh);
        Ok(())
    }

    fn ensure(&mut self, r: TitleRef) -> Result<&Loaded, LedgerError> {
        if !self.titles.contains_key(&r) {
            let row = self.tx.query_one(&self.st.by_seq, &[&to_i64(r)])?;
            self.keep(&row)?;
        }
        self.titles
            .get(&r)
            .ok_or_else(|| LedgerError::Corrupt(format!("title row {r} vanished")))
    }

    fn candidates(&self, found: Option<&Vec<(u64, bool)>>, out: &mut Vec<Candidate>) {
        for (seq, exact) in found.into_iter().flatten() {
            if let Some(l) = self.titles.get(seq) {
                out.push(Candidate {
                    r: *seq,
                    exact: *exact,
                    convenio: l.convenio.clone(),
                });
            }
        }
    }

    fn event(&mut self, title_id: &str, ev: Event) -> Result<(), LedgerError> {
        let kind = event_kind(&ev);
        self.stored_event(title_id, kind, Stored::Event(ev))
    }

    fn stored_event(
        &mut self,
        title_id: &str,
        kind: &'static str,
        ev: Stored,
    ) -> Result<(), LedgerError> {
        let p = &mut self.pending;
        p.ev_title.push(title_id.to_string());
        p.ev_kind.push(kind);
        p.ev_file
            .push(Some(self.file_id.clone()).filter(|f| !f.is_empty()));
        p.ev_data.push(Json(ev));
        if p.ev_title.len() >= BATCH {
            self.flush_pending()?;
        }
        Ok(())
    }

    /// Write the titles whose state changed.
    fn flush_titles(&mut self) -> Result<(), LedgerError> {
        let dirty: Vec<u64> = std::mem::take(&mut self.dirty).into_iter().collect();
        for chunk in dirty.chunks(BATCH * 5) {
            let mut seq = Vec::with_capacity(chunk.len());
            let mut status = Vec::with_capacity(chunk.len());
            let mut paid = Vec::with_capacity(chunk.len());
            let mut registered = Vec::with_capacity(chunk.len());
            let mut linked = Vec::with_capacity(chunk.len());
            let mut settled_on = Vec::with_capacity(chunk.len());
            for r in chunk {
                let l = self
                    .titles
                    .get(r)
                    .ok_or_else(|| LedgerError::Corrupt(format!("title row {r} vanished")))?;
                seq.push(to_i64(*r));
                status.push(l.state.status.name());
                paid.push(l.state.paid);
                registered.push(i32::from(l.state.registered));
                linked.push(l.state.linked_nosso_numero.as_deref());
                settled_on.push(l.state.settled_on);
            }
            self.tx.execute(
                &self.st.titles,
                &[&seq, &status, &paid, &registered, &linked, &settled_on],
            )?;
        }
        self.new_keys.write(self.tx, self.st)
    }

    /// Write the buffered entry outcomes and events.
    fn flush_pending(&mut self) -> Result<(), LedgerError> {
        let p = std::mem::take(&mut self.pending);
        if !p.identity.is_empty() {
            self.tx.execute(
                &self.st.records,
                &[
                    &p.identity,
                    &p.outcome,
                    &p.title_id,
                    &p.expected,
                    &p.paid,
                    &p.difference,
                    &p.data,
                ],
            )?;
        }
        if !p.ev_title.is_empty() {
            self.tx.execute(
                &self.st.events,
                &[&p.ev_title, &p.ev_kind, &p.ev_file, &p.ev_data],
            )?;
        }
        Ok(())
    }

    /// Write everything still in memory.
    fn flush(&mut self) -> Result<(), LedgerError> {
        self.flush_titles()?;
        self.flush_pending()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Lookup {
    NossoNumero,
    SeuNumero,
    Id,
}

impl Book for PgBook<'_, '_> {
    type Error = LedgerError;

    fn find_by_nosso_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), LedgerError> {
        let k = key.to_string();
        self.read(Lookup::NossoNumero, bank, vec![k.clone()])?;
        self.candidates(self.by_key.get(&(Lookup::NossoNumero, bank, k)), out);
        Ok(())
    }

    fn find_by_seu_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), LedgerError> {
        let k = key.to_string();
        self.read(Lookup::SeuNumero, bank, vec![k.clone()])?;
        self.candidates(self.by_key.get(&(Lookup::SeuNumero, bank, k)), out);
        Ok(())
    }

    fn find_by_id(&mut self, id: &str, out: &mut Vec<Candidate>) -> Result<(), LedgerError> {
        self.read(Lookup::Id, 0, vec![id.to_string()])?;
        let seq = self.by_id.get(id).map(|s| vec![(*s, true)]);
        self.candidates(seq.as_ref(), out);
        Ok(())
    }

    fn title(&mut self, r: TitleRef) -> Result<Cow<'_, Titulo>, LedgerError> {
        Ok(Cow::Borrowed(&self.ensure(r)?.titulo))
    }

    fn title_id(&mut self, r: TitleRef) -> Result<Arc<str>, LedgerError> {
        Ok(self.ensure(r)?.id.clone())
    }

    fn state(&mut self, r: TitleRef) -> Result<TitleState, LedgerError> {
        Ok(self.ensure(r)?.state.clone())
    }

    fn claim(&mut self, identity: &EntryId, line: usize) -> Result<bool, LedgerError> {
        if let Some(fresh) = &mut self.fresh {
            return Ok(fresh.remove(identity));
        }
        let n = self.tx.execute(
            &self.st.claim,
            &[&identity.to_string(), &self.file_id, &to_i64(line)],
        )?;
        Ok(n == 1)
    }

    fn link(
        &mut self,
        r: TitleRef,
        nosso_numero: &str,
        dv: Option<&str>,
    ) -> Result<(), LedgerError> {
        self.ensure(r)?;
        let (id, bank) = match self.titles.get_mut(&r) {
            Some(l) => {
                l.state.linked_nosso_numero = Some(nosso_numero.to_string());
                (l.id.clone(), l.titulo.banco.code())
            }
            None => return Err(LedgerError::Corrupt(format!("title row {r} vanished"))),
        };
        let keys = [
            (Key::of(&[nosso_numero]), true),
            (dv.and_then(|dv| Key::of(&[nosso_numero, dv])), false),
        ];
        for (k, exact) in keys {
            if let Some(k) = k {
                let k = k.to_string();
                push_unique(&mut self.by_key, Lookup::NossoNumero, bank, &k, r, exact);
                self.new_keys.push("link", bank, k, r, exact);
            }
        }
        self.dirty.insert(r);
        let ev = Event::Linked {
            nosso_numero: nosso_numero.to_string(),
            file_id: self.file_id.clone(),
        };
        self.event(&id, ev)
    }

    fn set_state(&mut self, r: TitleRef, s: &TitleState) -> Result<(), LedgerError> {
        self.ensure(r)?;
        if let Some(l) = self.titles.get_mut(&r) {
            l.state = s.clone();
        }
        self.dirty.insert(r);
        Ok(())
    }

    fn record(&mut self, o: &EntryOutcome, r: Option<TitleRef>) -> Result<(), LedgerError> {
        if o.outcome != Outcome::Duplicate {
            let p = &mut self.pending;
            p.identity.push(o.identity.to_string());
            p.outcome.push(o.outcome.name());
            p.title_id.push(o.title_id.as_deref().map(str::to_string));
            p.expected.push(o.expected);
            p.paid.push(o.paid);
            p.difference.push(o.difference);
            p.data.push(r.is_none().then(|| Json(o.clone())));
        }
        if let Some(r) = r {
            let id = self.ensure(r)?.id.clone();
            let ev = Event::Entry {
                file_id: self.file_id.clone(),
                outcome: Box::new(o.clone()),
            };
            self.event(&id, ev)?;
        }
        if self.pending.identity.len() >= BATCH {
            self.flush_pending()?;
        }
        Ok(())
    }
}

/// The text of a key, empty when there is none.
fn key_text_of(s: &str) -> String {
    Key::of(&[s]).map(|k| k.to_string()).unwrap_or_default()
}

/// Titles to insert, as the columns of one multi-row `INSERT`.
#[derive(Default)]
struct NewTitles<'a> {
    ids: HashSet<&'a str>,
    titles: Vec<&'a Titulo>,
    id: Vec<&'a str>,
    bank: Vec<i32>,
    conv: Vec<String>,
    valor: Vec<Decimal>,
    vencimento: Vec<NaiveDate>,
    data: Vec<Json<&'a Titulo>>,
}

impl<'a> NewTitles<'a> {
    fn push(&mut self, t: &'a Titulo) {
        self.ids.insert(&t.id);
        self.titles.push(t);
        self.id.push(&t.id);
        self.bank.push(i32::from(t.banco.code()));
        self.conv.push(key_text_of(&t.convenio));
        self.valor.push(t.valor);
        self.vencimento.push(t.vencimento);
        self.data.push(Json(t));
    }

    /// Insert the titles and their matching keys; `known` learns their rows.
    fn write(
        &mut self,
        tx: &mut Transaction<'_>,
        insert: &Statement,
        st: &Statements,
        known: &mut HashMap<String, (i64, Option<Titulo>)>,
    ) -> Result<(), LedgerError> {
        let n = std::mem::take(self);
        if n.id.is_empty() {
            return Ok(());
        }
        let mut seqs = HashMap::with_capacity(n.id.len());
        for row in tx.query(
            insert,
            &[&n.id, &n.bank, &n.conv, &n.valor, &n.vencimento, &n.data],
        )? {
            let seq: i64 = row.try_get(0)?;
            let id: String = row.try_get(1)?;
            seqs.insert(id, seq);
        }
        let mut keys = NewKeys::default();
        for t in n.titles {
            let seq = *seqs
                .get(&t.id)
                .ok_or_else(|| LedgerError::Corrupt(format!("title {:?} not inserted", t.id)))?;
            for (kind, key, exact) in title_keys(t) {
                keys.push(
                    kind,
                    t.banco.code(),
                    key,
                    u64::try_from(seq).unwrap_or(0),
                    exact,
                );
            }
            known.insert(t.id.clone(), (seq, Some(t.clone())));
        }
        keys.write(tx, st)
    }
}

/// A serialization failure or a deadlock: the transaction can be run again.
fn retryable(e: &LedgerError) -> bool {
    match e {
        LedgerError::Postgres(e) => e.code().is_some_and(|c| {
            *c == SqlState::T_R_SERIALIZATION_FAILURE || *c == SqlState::T_R_DEADLOCK_DETECTED
        }),
        _ => false,
    }
}

fn once<T>(
    client: &mut Client,
    f: &mut impl FnMut(&mut Transaction<'_>) -> Result<T, LedgerError>,
) -> Result<T, LedgerError> {
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::Serializable)
        .start()?;
    let v = f(&mut tx)?;
    tx.commit()?;
    Ok(v)
}

/// Run `f` in a serializable transaction, again when PostgreSQL aborts it for a serialization failure or a
/// deadlock (up to [`MAX_ATTEMPTS`] runs). A failed run is rolled back whole before the next.
pub(super) fn retrying<T>(
    client: &mut Client,
    mut f: impl FnMut(&mut Transaction<'_>) -> Result<T, LedgerError>,
) -> Result<T, LedgerError> {
    let mut attempt = 1;
    loop {
        match once(client, &mut f) {
            Err(e) if attempt < MAX_ATTEMPTS && retryable(&e) => {
                // 10 ms, 20 ms, … up to 1.28 s, plus up to as much again at random so that retries spread out
                let base = 10u64 << attempt.min(7);
                let jitter = std::collections::hash_map::RandomState::new()
                    .build_hasher()
                    .finish()
                    % base;
                std::thread::sleep(Duration::from_millis(base + jitter));
                attempt += 1;
            }
            r => return r,
        }
    }
}

fn migrate(client: &mut Client) -> Result<(), LedgerError> {
    let mut tx = client.transaction()?;
    // two workers starting on an empty database must not both create the tables
    tx.execute(
        "SELECT pg_advisory_xact_lock($1, hashtext(COALESCE(current_schema(), '')))",
        &[&MIGRATION_LOCK],
    )?;
    tx.batch_execute(schema::VERSION_TABLE)?;
    let v: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0)::bigint FROM baixa_schema_version",
            &[],
        )?
        .try_get(0)?;
    if v > schema::latest() {
        return Err(LedgerError::SchemaTooNew {
            found: v,
            supported: schema::latest(),
        });
    }
    for m in Dialect::Postgres.pending(v) {
        tx.batch_execute(&Dialect::Postgres.render(m.sql))?;
        tx.execute(
            "INSERT INTO baixa_schema_version (version, description, applied_at) VALUES ($1, $2, $3)",
            &[&m.version, &m.description, &now().to_string()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

impl PostgresLedger {
    /// Connect to the database at `url` (`postgres://user:password@host:port/database`, or the key=value form;
    /// without TLS: the server is expected on the same host or a trusted network) and bring its schema up to date.
    ///
    /// The tables live in the first schema of the connection's `search_path`; another one can be chosen in the
    /// URL with `?options=-c%20search_path%3Dname`.
    ///
    /// # Errors
    /// The server cannot be reached or refuses the connection, a migration fails, or the database's schema is
    /// newer than this library.
    pub fn connect(url: &str) -> Result<Self, LedgerError> {
        Self::with_client(Client::connect(url, NoTls)?)
    }

    /// A ledger over an open connection (bring your own TLS or pool); the schema is brought up to date.
    ///
    /// # Errors
    /// As [`PostgresLedger::connect`].
    pub fn with_client(mut client: Client) -> Result<Self, LedgerError> {
        migrate(&mut client)?;
        let st = Statements::prepare(&mut client)?;
        Ok(PostgresLedger { client, st })
    }

    /// Make every later transaction of this connection read-only: a reader that must not write (the segunda via
    /// server's lookups).
    ///
    /// # Errors
    /// A database failure.
    pub fn set_read_only(&mut self) -> Result<(), LedgerError> {
        self.client
            .batch_execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")?;
        Ok(())
    }

    /// The title behind a live segunda via token ([`crate::segunda_via`]), with its state.
    pub(super) fn title_by_token(
        &mut self,
        token: &str,
    ) -> Result<Option<(Titulo, TitleState)>, LedgerError> {
        let sql = format!(
            "SELECT {TITLE_COLS} FROM titles t JOIN title_state s ON s.title_seq = t.seq WHERE t.id = \
             (SELECT title_id FROM segunda_via_links WHERE token = $1 AND revoked_at IS NULL)"
        );
        match self.client.query_opt(&sql, &[&token])? {
            Some(row) => load(&row).map(|(_, l)| Some((l.titulo, l.state))),
            None => Ok(None),
        }
    }

    /// The schema version of the database.
    ///
    /// # Errors
    /// A database failure.
    pub fn schema_version(&mut self) -> Result<i64, LedgerError> {
        Ok(self
            .client
            .query_one(
                "SELECT COALESCE(MAX(version), 0)::bigint FROM baixa_schema_version",
                &[],
            )?
            .try_get(0)?)
    }

    /// The underlying connection (for inspection and tests).
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}

/// Add or update titles inside a transaction (see [`Ledger::import_titles`]).
pub(super) fn import_in(
    tx: &mut Transaction<'_>,
    st: &Statements,
    titles: &[Titulo],
) -> Result<ImportSummary, LedgerError> {
    let mut s = ImportSummary::default();
    // what the ledger holds for these ids: row and title (`None`: data that no longer reads as a title)
    let mut known: HashMap<String, (i64, Option<Titulo>)> = HashMap::new();
    let ids: Vec<&str> = titles.iter().map(|t| t.id.as_str()).collect();
    for chunk in ids.chunks(BATCH * 5) {
        for row in tx.query(
                    "SELECT t.seq, t.id, t.data FROM UNNEST($1::text[]) AS u(id) JOIN titles t ON t.id = u.id",
                    &[&chunk],
                )? {
                    let seq: i64 = row.try_get(0)?;
                    let id: String = row.try_get(1)?;
                    let Json(v): Json<serde_json::Value> = row.try_get(2)?;
                    known.insert(id, (seq, serde_json::from_value(v).ok()));
                }
    }
    let update = tx.prepare(
        "UPDATE titles SET bank = $1, convenio_key = $2, valor = $3, vencimento = $4, data = $5 \
                 WHERE seq = $6",
    )?;
    let materialize = tx.prepare(&format!(
        "UPDATE events SET data = {} WHERE title_id = $1 AND kind = 'imported' AND data = {}",
        Dialect::Postgres.imported_of("(SELECT data FROM titles WHERE seq = $2)"),
        Dialect::Postgres.imported_mark()
    ))?;
    let drop_keys =
        tx.prepare("DELETE FROM title_keys WHERE title_seq = $1 AND kind IN ('nn', 'seu')")?;
    // the titles and their states (open, nothing paid) in one statement
    let insert = tx.prepare(
        "WITH ins AS (INSERT INTO titles (id, bank, convenio_key, valor, vencimento, data) \
         SELECT id, bank, conv, valor, vencimento, data \
         FROM UNNEST($1::text[], $2::int[], $3::text[], $4::numeric[], $5::date[], $6::jsonb[]) \
         WITH ORDINALITY AS u(id, bank, conv, valor, vencimento, data, n) ORDER BY n \
         RETURNING seq, id), \
         st AS (INSERT INTO title_state (title_seq, status, paid, registered) SELECT seq, 'open', 0, 0 FROM ins) \
         SELECT seq, id FROM ins",
    )?;
    let mut book = PgBook::new(tx, st, "");
    let mut new = NewTitles::default();
    for t in titles {
        let old = match known.get(&t.id) {
            Some((_, Some(old))) if old == t => {
                s.unchanged += 1;
                continue;
            }
            Some((seq, _)) => Some(*seq),
            // the same id earlier in this call, not written yet
            None if new.ids.contains(t.id.as_str()) => {
                new.write(book.tx, &insert, st, &mut known)?;
                match known.get(&t.id) {
                    Some((_, Some(old))) if old == t => {
                        s.unchanged += 1;
                        continue;
                    }
                    Some((seq, _)) => Some(*seq),
                    None => None,
                }
            }
            None => None,
        };
        match old {
            Some(seq) => {
                // the mark of the import being replaced gets the JSON it stood for (the marks buffered so far
                // written first: one of them may be this title's)
                book.flush_pending()?;
                book.tx.execute(&materialize, &[&t.id, &seq])?;
                book.tx.execute(
                    &update,
                    &[
                        &i32::from(t.banco.code()),
                        &key_text_of(&t.convenio),
                        &t.valor,
                        &t.vencimento,
                        &Json(t),
                        &seq,
                    ],
                )?;
                book.tx.execute(&drop_keys, &[&seq])?;
                let mut keys = NewKeys::default();
                for (kind, key, exact) in title_keys(t) {
                    keys.push(
                        kind,
                        t.banco.code(),
                        key,
                        u64::try_from(seq).unwrap_or(0),
                        exact,
                    );
                }
                keys.write(book.tx, st)?;
                known.insert(t.id.clone(), (seq, Some(t.clone())));
                s.updated += 1;
            }
            None => {
                new.push(t);
                s.added += 1;
                if new.id.len() >= BATCH * 5 {
                    new.write(book.tx, &insert, st, &mut known)?;
                }
            }
        }
        // the title's JSON is stored once, in `titles.data`: its import event is the mark read with it
        book.stored_event(&t.id, "imported", Stored::Imported)?;
    }
    new.write(book.tx, &insert, st, &mut known)?;
    book.flush()?;
    Ok(s)
}

impl Ledger for PostgresLedger {
    fn import_titles(&mut self, titles: &[Titulo]) -> Result<ImportSummary, LedgerError> {
        let st = &self.st;
        retrying(&mut self.client, |tx| import_in(tx, st, titles))
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
        let st = &self.st;
        let done = retrying(&mut self.client, |tx| {
            let n = tx.execute(
                "INSERT INTO files (id, bank, nsa, data_geracao, entries, applied_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
                &[
                    &file_id,
                    &i32::from(ctx.bank),
                    &retorno.header.nsa.and_then(|n| i64::try_from(n).ok()),
                    &retorno.header.data_geracao,
                    &to_i64(retorno.entries.len()),
                    &now(),
                ],
            )?;
            if n == 0 {
                return Ok(None);
            }
            let entries = {
                let mut book = PgBook::new(tx, st, &file_id);
                book.prepare_file(&ctx, &retorno.entries)?;
                let entries = apply_entries_observed(&mut book, &ctx, &retorno.entries, progress)?;
                book.flush()?;
                entries
            };
            let report = FileReport::new(&file_id, retorno, &entries);
            tx.execute(
                "UPDATE files SET report = $1 WHERE id = $2",
                &[&Json(&report), &file_id],
            )?;
            Ok(Some((entries, report)))
        })?;
        Ok(match done {
            None => already_applied(file_id, retorno),
            Some((entries, report)) => ApplyResult {
                file_id,
                already_applied: false,
                applied: entries.len(),
                outcomes: report.counts(),
                entries,
                report,
            },
        })
    }

    fn settle(&mut self, s: &ManualSettlement) -> Result<EntryOutcome, LedgerError> {
        let identity = settlement_identity(s);
        let mut s = s.clone();
        s.em = Some(s.em.unwrap_or_else(now));
        let st = &self.st;
        retrying(&mut self.client, |tx| {
            let mut book = PgBook::new(tx, st, "");
            let mut c = Vec::new();
            book.find_by_id(&s.title_id, &mut c)?;
            let r = c
                .first()
                .map(|c| c.r)
                .ok_or_else(|| LedgerError::UnknownTitle(s.title_id.clone()))?;
            let n = book.tx.execute(
                "INSERT INTO settlements (identity, title_id, valor, data, meio, por, em, motivo) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (identity) DO NOTHING",
                &[
                    &identity.to_string(),
                    &s.title_id,
                    &s.valor,
                    &s.data,
                    &serde_json::to_value(s.meio)?.as_str().unwrap_or_default(),
                    &s.por,
                    &s.em,
                    &s.motivo,
                ],
            )?;
            if n == 0 {
                return Ok(duplicate_settlement(&s, identity));
            }
            let state = book.state(r)?;
            let (o, ns) = {
                let t = book.title(r)?;
                settle_outcome(&t, &state, &s, identity)?
            };
            book.set_state(r, &ns)?;
            book.event(
                &s.title_id,
                Event::ManualSettlement {
                    settlement: s.clone(),
                    outcome: Box::new(o.clone()),
                },
            )?;
            book.flush()?;
            Ok(o)
        })
    }

    fn titles(&mut self) -> Result<Vec<(Titulo, TitleState)>, LedgerError> {
        let sql = format!(
            "SELECT {TITLE_COLS} FROM titles t JOIN title_state s ON s.title_seq = t.seq ORDER BY t.seq"
        );
        let mut out = Vec::new();
        for row in self.client.query(&sql, &[])? {
            let (_, l) = load(&row)?;
            out.push((l.titulo, l.state));
        }
        Ok(out)
    }

    fn history(&mut self, id: &str) -> Result<Vec<Event>, LedgerError> {
        if self
            .client
            .query_opt("SELECT seq FROM titles WHERE id = $1", &[&id])?
            .is_none()
        {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        let mut out = Vec::new();
        // the latest import's mark reads as the event with the title's JSON (schema version 8)
        let sql = format!(
            "SELECT CASE WHEN e.kind = 'imported' AND e.data = {} THEN {} ELSE e.data END \
             FROM events e JOIN titles t ON t.id = e.title_id WHERE e.title_id = $1 ORDER BY e.seq",
            Dialect::Postgres.imported_mark(),
            Dialect::Postgres.imported_of("t.data")
        );
        for row in self.client.query(&sql, &[&id])? {
            let Json(ev): Json<Event> = row.try_get(0)?;
            out.push(ev);
        }
        Ok(out)
    }

    fn files(&mut self) -> Result<Vec<FileReport>, LedgerError> {
        let mut out = Vec::new();
        for row in self.client.query(
            "SELECT report FROM files WHERE report IS NOT NULL ORDER BY seq",
            &[],
        )? {
            let Json(r): Json<FileReport> = row.try_get(0)?;
            out.push(r);
        }
        Ok(out)
    }
}
