//! The embedded SQLite ledger.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use cnab_core::{Retorno, RetornoEntry};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};
use rust_decimal::Decimal;

use super::schema::{self, Dialect};
use super::typed_outcome::{self, TypedOutcome};
use super::{
    already_applied, duplicate_settlement, now, settle_outcome, settlement_identity, ApplyResult,
    ImportSummary, Ledger,
};
use crate::engine::{apply_entries_observed, Book, Candidate, FileContext, TitleRef};
use crate::error::LedgerError;
use crate::key::{split_nosso_numero, EntryId, Key};
use crate::outcome::{EntryOutcome, Event, ManualSettlement, Outcome, Status, TitleState};
use crate::report::FileReport;
use crate::titulo::Titulo;

/// A ledger in an SQLite database file (WAL mode, a busy timeout so concurrent appliers wait for each other).
///
/// Each [`Ledger::apply`] is one `BEGIN IMMEDIATE` transaction: the file row (unique on the file identity) and
/// every entry row (unique on the entry identity) are written with the titles' new states, or nothing is.
///
/// ```
/// use baixa::{Ledger, SqliteLedger, Titulo};
/// use chrono::NaiveDate;
/// let mut ledger = SqliteLedger::open_in_memory().unwrap();
/// let t = Titulo::new("NF-1", 237, "75896452", "10.00".parse().unwrap(), NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
/// ledger.import_titles(&[t]).unwrap();
/// assert_eq!(ledger.titles().unwrap().len(), 1);
/// assert_eq!(ledger.schema_version().unwrap(), baixa::schema::latest());
/// ```
#[derive(Debug)]
pub struct SqliteLedger {
    pub(super) conn: Connection,
}

fn key_text(k: Option<Key>) -> String {
    k.map(|k| k.to_string()).unwrap_or_default()
}

/// The matching keys of a title: (kind, key, exact).
pub(crate) fn title_keys(t: &Titulo) -> Vec<(&'static str, String, bool)> {
    let (body, dv) = split_nosso_numero(&t.nosso_numero, t.nosso_numero_dv.as_deref());
    let mut v = Vec::new();
    if let Some(k) = Key::of(&[body]) {
        v.push(("nn", k.to_string(), true));
        if let Some(k) = dv.and_then(|dv| Key::of(&[body, dv])) {
            v.push(("nn", k.to_string(), false));
        }
    }
    if let Some(k) = Key::of(&[&t.seu_numero]) {
        v.push(("seu", k.to_string(), true));
    }
    v
}

fn insert_key(
    tx: &Transaction<'_>,
    kind: &str,
    bank: u16,
    key: &str,
    seq: i64,
    exact: bool,
) -> Result<(), LedgerError> {
    tx.prepare_cached(
        "INSERT INTO title_keys (kind, bank, key, title_seq, exact) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (kind, bank, key, title_seq) DO NOTHING",
    )?
    .execute(params![kind, bank, key, seq, i64::from(exact)])?;
    Ok(())
}

fn dec(s: &str) -> Result<Decimal, LedgerError> {
    s.parse()
        .map_err(|_| LedgerError::Corrupt(format!("bad amount {s:?}")))
}

fn date(s: Option<String>) -> Result<Option<NaiveDate>, LedgerError> {
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map_err(|_| LedgerError::Corrupt(format!("bad date {s:?}")))
    })
    .transpose()
}

/// A title's columns read by [`load_row`], from [`TITLE_FROM`].
const TITLE_COLS: &str =
    "t.seq, t.id, t.convenio_key, s.status, s.paid, s.registered, s.linked_nosso_numero, \
     s.settled_on, t.data";
/// A title with its state (schema version 7: the state has a table of its own).
const TITLE_FROM: &str = "titles t JOIN title_state s ON s.title_seq = t.seq";

struct Loaded {
    titulo: Titulo,
    id: Arc<str>,
    state: TitleState,
    convenio: Option<Key>,
}

fn load_row(row: &Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((
        row.get::<_, i64>(0)? as u64,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get::<_, i64>(5)? != 0,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
    ))
}

type RawRow = (
    u64,
    String,
    String,
    String,
    String,
    bool,
    Option<String>,
    Option<String>,
    String,
);

fn to_loaded(r: RawRow) -> Result<(u64, Loaded), LedgerError> {
    let (seq, id, conv, status, paid, registered, linked, settled, data) = r;
    let titulo: Titulo = serde_json::from_str(&data)?;
    let state = TitleState {
        status: Status::from_name(&status)
            .ok_or_else(|| LedgerError::Corrupt(format!("bad status {status:?}")))?,
        paid: dec(&paid)?,
        registered,
        linked_nosso_numero: linked,
        settled_on: date(settled)?,
    };
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

/// How many buffered rows (entries, events, title states) an application keeps before writing them.
const FLUSH_ROWS: usize = 50_000;
/// Rows per multi-row `INSERT` (9 values a row for entries: well under SQLite's 32,766 host parameters).
const ROWS_PER_INSERT: usize = 100;

/// An entry row waiting to be written.
struct PendingEntry {
    identity: String,
    outcome: &'static str,
    title_id: Option<Arc<str>>,
    expected: Option<String>,
    paid: Option<String>,
    difference: Option<String>,
    data: Option<String>,
    line: i64,
}

/// An event row waiting to be written (in order: `seq` follows the order the events happened in).
struct PendingEvent {
    title_id: String,
    kind: &'static str,
    data: String,
    /// A retorno entry's outcome in the typed columns (`data` is then [`schema::ENTRY_MARK`]).
    typed: Option<Box<SqlOutcome>>,
}

/// [`TypedOutcome`]'s values as SQLite stores them: amounts and dates as text, in [`typed_outcome::COLUMNS`]
/// order after `o_line`, then `b_dias_atraso`.
struct SqlOutcome {
    line: i64,
    text: [Option<String>; typed_outcome::N_COLUMNS - 2],
    dias_atraso: Option<i64>,
}

impl SqlOutcome {
    fn new(t: TypedOutcome) -> Self {
        let s = |d: Option<Decimal>| d.map(|d| d.to_string());
        let [e, p, df, c, f, bc] = t.amounts;
        let [v, m, j, ds, ab, tt] = t.breakdown;
        SqlOutcome {
            line: t.line,
            text: [
                Some(t.identity),
                Some(t.outcome.into_owned()),
                t.ocorrencia,
                t.matched_by,
                t.date.map(|d| d.to_string()),
                s(e),
                s(p),
                s(df),
                s(c),
                s(f),
                s(bc),
                t.charges_from,
                t.motivos,
                t.note,
                s(v),
                s(m),
                s(j),
                s(ds),
                s(ab),
                s(tt),
            ],
            dias_atraso: t.dias_atraso,
        }
    }
}

/// An entry's outcome row read back (see [`SqlOutcome`]), from column `first` on.
fn read_typed(row: &Row<'_>, first: usize) -> Result<Option<TypedOutcome>, LedgerError> {
    let Some(line) = row.get::<_, Option<i64>>(first)? else {
        return Ok(None);
    };
    let t = |i: usize| row.get::<_, Option<String>>(first + i);
    let m = |i: usize| -> Result<Option<Decimal>, LedgerError> {
        t(i)?.as_deref().map(dec).transpose()
    };
    Ok(Some(TypedOutcome {
        line,
        identity: t(1)?.unwrap_or_default(),
        outcome: Cow::Owned(t(2)?.unwrap_or_default()),
        ocorrencia: t(3)?,
        matched_by: t(4)?,
        date: date(t(5)?)?,
        amounts: [m(6)?, m(7)?, m(8)?, m(9)?, m(10)?, m(11)?],
        charges_from: t(12)?,
        motivos: t(13)?,
        note: t(14)?,
        breakdown: [m(15)?, m(16)?, m(17)?, m(18)?, m(19)?, m(20)?],
        dias_atraso: row.get(first + 21)?,
    }))
}

/// One transaction's view of the ledger. Reads go to the database (titles by key, with their state as this
/// transaction left it); the rows an application writes (entries, events, title states) are buffered and written
/// in multi-row statements, the entries sorted by identity and the states by row, so that the indexes are written
/// in order rather than at a random place per row. Everything is written before the transaction commits (the
/// callers call [`SqliteBook::flush`]), and nothing reads those rows back meanwhile: an entry's identity is
/// checked once, up front ([`SqliteBook::claim_all`]), and a title read again gets its buffered state.
struct SqliteBook<'t> {
    tx: &'t Transaction<'t>,
    file_id: String,
    cache: HashMap<u64, Loaded>,
    /// Identities of this file not in the ledger and not claimed by an entry yet (`None`: checked one by one).
    fresh: Option<std::collections::HashSet<EntryId>>,
    /// Identities claimed by this file, when checked one by one.
    claimed: std::collections::HashSet<EntryId>,
    /// New title states not written yet, by row.
    states: HashMap<u64, TitleState>,
    entries: Vec<PendingEntry>,
    events: Vec<PendingEvent>,
    sql_nn: String,
    sql_seu: String,
    sql_id: String,
    sql_seq: String,
    /// Lookups read ahead for the stretch of the file being applied ([`SqliteBook::read_ahead`]): every title
    /// each finds (with `exact`) is in `cache`, which is then kept until the next stretch.
    ahead: HashMap<(Which, u16, String), Vec<(u64, bool)>>,
}

/// Entries applied per stretch: their titles are read ahead in one sorted pass, then kept in memory until the
/// stretch is applied (a multiple of the engine's progress step, so progress is reported as often as before).
const READ_AHEAD_ENTRIES: usize = 16_384;
/// Keys per read-ahead statement (one JSON array, bound once).
const READ_AHEAD_KEYS: usize = 4_096;

/// `INSERT INTO table (cols) VALUES (?, …), … suffix` for `rows` rows (`table_cols` is `table (cols)`, with
/// ` | suffix` after it when there is one).
fn multi_insert(table_cols: &str, cols: usize, rows: usize) -> String {
    let row = format!("({})", vec!["?"; cols].join(", "));
    let (table_cols, suffix) = table_cols.split_once(" | ").unwrap_or((table_cols, ""));
    format!(
        "INSERT INTO {table_cols} VALUES {} {suffix}",
        vec![row; rows].join(", ")
    )
}

/// Insert `rows` in order, [`ROWS_PER_INSERT`] a statement (each prepared once per connection), `params` giving
/// one row's values.
fn write_rows<'r, T>(
    tx: &Transaction<'_>,
    table_cols: &str,
    rows: &'r [T],
    params: impl Fn(&'r T, &mut Vec<&'r dyn rusqlite::ToSql>),
) -> Result<(), LedgerError> {
    let Some(first) = rows.first() else {
        return Ok(());
    };
    let mut p: Vec<&dyn rusqlite::ToSql> = Vec::new();
    params(first, &mut p);
    let cols = p.len();
    let mut chunks = rows.chunks_exact(ROWS_PER_INSERT);
    if rows.len() >= ROWS_PER_INSERT {
        let mut st = tx.prepare_cached(&multi_insert(table_cols, cols, ROWS_PER_INSERT))?;
        for chunk in chunks.by_ref() {
            p.clear();
            for r in chunk {
                params(r, &mut p);
            }
            st.execute(p.as_slice())?;
        }
    }
    let mut st = tx.prepare_cached(&multi_insert(table_cols, cols, 1))?;
    for r in chunks.remainder() {
        p.clear();
        params(r, &mut p);
        st.execute(p.as_slice())?;
    }
    Ok(())
}

impl<'t> SqliteBook<'t> {
    fn new(tx: &'t Transaction<'t>, file_id: String) -> Self {
        SqliteBook {
            tx,
            file_id,
            cache: HashMap::new(),
            fresh: None,
            claimed: Default::default(),
            states: HashMap::new(),
            entries: Vec::new(),
            events: Vec::new(),
            sql_nn: select_by_key("'nn', 'link'"),
            sql_seu: select_by_key("'seu'"),
            sql_id: format!("SELECT {TITLE_COLS}, 1 FROM {TITLE_FROM} WHERE t.id = ?1"),
            sql_seq: format!("SELECT {TITLE_COLS} FROM {TITLE_FROM} WHERE t.seq = ?1"),
            ahead: HashMap::new(),
        }
    }

    /// Read, in one sorted pass, the titles the entries of `stretch` can match by nosso número (with and without
    /// its DV), then by seu número and uso da empresa for the entries whose nosso número found none: the keys are
    /// sorted and looked up a few thousand per statement (the key index read in order), and the lookups
    /// answered from memory. A key not read ahead (an entry's id in `uso_empresa`) is looked up as before.
    fn read_ahead(&mut self, bank: u16, stretch: &[RetornoEntry]) -> Result<(), LedgerError> {
        self.ahead.clear();
        self.cache.clear();
        let nn_keys = |e: &RetornoEntry| {
            let k = Key::of(&[&e.nosso_numero]);
            let dv = e
                .nosso_numero_dv
                .as_deref()
                .filter(|d| !d.trim().is_empty() && k.is_some())
                .and_then(|dv| Key::of(&[&e.nosso_numero, dv]));
            [k, dv]
        };
        let mut nn: Vec<String> = stretch
            .iter()
            .flat_map(nn_keys)
            .flatten()
            .map(|k| k.to_string())
            .collect();
        self.read_keys(Which::Nn, bank, &mut nn)?;
        let mut seu: Vec<String> = Vec::new();
        for e in stretch {
            let found = nn_keys(e).into_iter().flatten().any(|k| {
                self.ahead
                    .get(&(Which::Nn, bank, k.to_string()))
                    .is_some_and(|v| !v.is_empty())
            });
            if found {
                continue;
            }
            let uso = e.uso_empresa.trim();
            let uso = (!uso.is_empty()).then(|| Key::of(&[uso])).flatten();
            seu.extend(
                [Key::of(&[&e.seu_numero]), uso]
                    .into_iter()
                    .flatten()
                    .map(|k| k.to_string()),
            );
        }
        self.read_keys(Which::Seu, bank, &mut seu)
    }

    /// Read ahead the titles of `bank` with one of `keys` (sorted and deduplicated here).
    fn read_keys(
        &mut self,
        which: Which,
        bank: u16,
        keys: &mut Vec<String>,
    ) -> Result<(), LedgerError> {
        keys.sort_unstable();
        keys.dedup();
        let sql = read_ahead_by_key(match which {
            Which::Seu => "'seu'",
            _ => "'nn', 'link'",
        });
        for chunk in keys.chunks(READ_AHEAD_KEYS) {
            let list = serde_json::to_string(chunk)?;
            let mut st = self.tx.prepare_cached(&sql)?;
            let rows = st.query_map(params![bank, list], |row| {
                Ok((
                    load_row(row)?,
                    row.get::<_, i64>(9)? != 0,
                    row.get::<_, String>(10)?,
                ))
            })?;
            let mut found = Vec::new();
            for r in rows {
                found.push(r?);
            }
            drop(st);
            for k in chunk {
                self.ahead.insert((which, bank, k.clone()), Vec::new());
            }
            for (raw, exact, key) in found {
                let seq = raw.0;
                if !self.cache.contains_key(&seq) {
                    let (seq, l) = self.loaded(raw)?;
                    self.cache.insert(seq, l);
                }
                self.ahead
                    .entry((which, bank, key))
                    .or_default()
                    .push((seq, exact));
            }
        }
        Ok(())
    }

    /// A lookup read ahead: its candidates, `false` when it was not read ahead.
    fn answer_ahead(&self, which: Which, bank: u16, key: &Key, out: &mut Vec<Candidate>) -> bool {
        if self.ahead.is_empty() {
            return false;
        }
        let Some(found) = self.ahead.get(&(which, bank, key.to_string())) else {
            return false;
        };
        for (seq, exact) in found {
            if let Some(l) = self.cache.get(seq) {
                out.push(Candidate {
                    r: *seq,
                    exact: *exact,
                    convenio: l.convenio.clone(),
                });
            }
        }
        true
    }

    /// Check the file's identities against the ledger once, in sorted order (the index read in order, not at a
    /// random place per entry); `claim` then answers from memory. The transaction holds SQLite's write lock, so
    /// no other writer adds an identity meanwhile.
    fn claim_all(&mut self, identities: &[EntryId]) -> Result<(), LedgerError> {
        let mut sorted: Vec<EntryId> = identities.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut fresh: std::collections::HashSet<EntryId> = sorted.iter().copied().collect();
        // a few thousand identities per statement (a JSON array joined to the identity index, read in order)
        let mut st = self.tx.prepare_cached(
            "SELECT e.identity FROM json_each(?1) j CROSS JOIN entries e ON e.identity = j.value",
        )?;
        for chunk in sorted.chunks(READ_AHEAD_KEYS) {
            let list: Vec<String> = chunk.iter().map(EntryId::to_string).collect();
            let mut rows = st.query(params![serde_json::to_string(&list)?])?;
            while let Some(row) = rows.next()? {
                let s: String = row.get(0)?;
                let id: EntryId = s
                    .parse()
                    .map_err(|_| LedgerError::Corrupt(format!("bad entry identity {s:?}")))?;
                fresh.remove(&id);
            }
        }
        self.fresh = Some(fresh);
        Ok(())
    }

    /// A title row read from the database, with the state this transaction gave it if not written yet.
    fn loaded(&self, raw: RawRow) -> Result<(u64, Loaded), LedgerError> {
        let (seq, mut l) = to_loaded(raw)?;
        if let Some(s) = self.states.get(&seq) {
            l.state = s.clone();
        }
        Ok((seq, l))
    }

    fn query(
        &mut self,
        which: Which,
        p: &[&dyn rusqlite::ToSql],
        out: &mut Vec<Candidate>,
    ) -> Result<(), LedgerError> {
        if self.ahead.is_empty() {
            self.cache.clear();
        }
        let sql = match which {
            Which::Nn => &self.sql_nn,
            Which::Seu => &self.sql_seu,
            Which::Id => &self.sql_id,
        };
        let mut st = self.tx.prepare_cached(sql)?;
        let rows = st.query_map(p, |row| {
            let raw = load_row(row)?;
            let exact: i64 = row.get(9)?;
            Ok((raw, exact != 0))
        })?;
        let mut found = Vec::new();
        for r in rows {
            found.push(r?);
        }
        drop(st);
        for (raw, exact) in found {
            let seq = raw.0;
            // a title kept from the read-ahead is the newer copy (links made since)
            if let Some(l) = self.cache.get(&seq) {
                out.push(Candidate {
                    r: seq,
                    exact,
                    convenio: l.convenio.clone(),
                });
                continue;
            }
            let (seq, l) = self.loaded(raw)?;
            out.push(Candidate {
                r: seq,
                exact,
                convenio: l.convenio.clone(),
            });
            self.cache.insert(seq, l);
        }
        Ok(())
    }

    fn ensure(&mut self, r: TitleRef) -> Result<&Loaded, LedgerError> {
        if !self.cache.contains_key(&r) {
            let raw = self
                .tx
                .prepare_cached(&self.sql_seq)?
                .query_row(params![r as i64], load_row)?;
            let (seq, l) = self.loaded(raw)?;
            self.cache.insert(seq, l);
        }
        self.cache
            .get(&r)
            .ok_or_else(|| LedgerError::Corrupt(format!("title row {r} vanished")))
    }

    fn event(&mut self, title_id: &str, ev: &Event) -> Result<(), LedgerError> {
        let kind = match ev {
            Event::Imported { .. } => "imported",
            Event::Entry { .. } => "entry",
            Event::Linked { .. } => "linked",
            Event::ManualSettlement { .. } => "manual_settlement",
            Event::Regua { .. } => "regua",
            Event::Acordo { .. } => "acordo",
            Event::Visualizado { .. } => "visualizado",
            Event::Instrucao { .. } => "instrucao",
        };
        self.event_json(title_id, kind, serde_json::to_string(ev)?)
    }

    /// Store an event already written as JSON (buffered, in order).
    fn event_json(
        &mut self,
        title_id: &str,
        kind: &'static str,
        data: String,
    ) -> Result<(), LedgerError> {
        self.events.push(PendingEvent {
            title_id: title_id.to_string(),
            kind,
            data,
            typed: None,
        });
        if self.events.len() >= FLUSH_ROWS {
            self.flush_events()?;
        }
        Ok(())
    }

    fn flush_events(&mut self) -> Result<(), LedgerError> {
        let events = std::mem::take(&mut self.events);
        if events.is_empty() {
            return Ok(());
        }
        let file_id = &self.file_id;
        // each event's `seq` given here, in order, so that an entry's outcome row can carry its event's (the
        // transaction holds SQLite's write lock: nothing else adds an event meanwhile)
        let next: i64 =
            self.tx
                .query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM events", [], |r| {
                    r.get(0)
                })?;
        let rows: Vec<(i64, &PendingEvent)> = (next..).zip(&events).collect();
        write_rows(
            self.tx,
            "events (seq, title_id, kind, file_id, data)",
            &rows,
            |(seq, e), p| {
                p.push(seq);
                p.push(&e.title_id);
                p.push(&e.kind);
                p.push(file_id);
                p.push(&e.data);
            },
        )?;
        let typed: Vec<(i64, &SqlOutcome)> = rows
            .iter()
            .filter_map(|(seq, e)| e.typed.as_deref().map(|t| (*seq, t)))
            .collect();
        write_rows(
            self.tx,
            &format!("entry_outcomes (event_seq, {})", typed_outcome::COLUMNS),
            &typed,
            |(seq, t), p| {
                p.push(seq);
                p.push(&t.line);
                for v in &t.text {
                    p.push(v);
                }
                p.push(&t.dias_atraso);
            },
        )
    }

    fn flush_entries(&mut self) -> Result<(), LedgerError> {
        let mut entries = std::mem::take(&mut self.entries);
        entries.sort_unstable_by(|a, b| a.identity.cmp(&b.identity));
        let file_id = &self.file_id;
        write_rows(
            self.tx,
            "entries (outcome, title_id, expected, paid, difference, data, identity, file_id, line)",
            &entries,
            |e, p| {
                p.push(&e.outcome);
                p.push(&e.title_id);
                p.push(&e.expected);
                p.push(&e.paid);
                p.push(&e.difference);
                p.push(&e.data);
                p.push(&e.identity);
                p.push(file_id);
                p.push(&e.line);
            },
        )
    }

    fn flush_states(&mut self) -> Result<(), LedgerError> {
        let mut states: Vec<(u64, TitleState)> =
            std::mem::take(&mut self.states).into_iter().collect();
        states.sort_unstable_by_key(|(r, _)| *r);
        let mut st = self.tx.prepare_cached(
            "UPDATE title_state SET status = ?1, paid = ?2, registered = ?3, linked_nosso_numero = ?4, \
             settled_on = ?5 WHERE title_seq = ?6",
        )?;
        for (r, s) in states {
            st.execute(params![
                s.status.name(),
                s.paid.to_string(),
                i64::from(s.registered),
                s.linked_nosso_numero,
                s.settled_on.map(|d| d.to_string()),
                r as i64
            ])?;
        }
        Ok(())
    }

    /// Write everything buffered.
    fn flush(&mut self) -> Result<(), LedgerError> {
        self.flush_states()?;
        self.flush_entries()?;
        self.flush_events()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Which {
    Nn,
    Seu,
    Id,
}

/// Titles by one of their keys. The bound values are wrapped in `CAST`s of their own types (no change to the
/// values): SQLite's planner otherwise lets the join's plan depend on them, so that the cached statement is
/// prepared again at every execution (a fifth of a large file's application went to parsing it again).
/// Titles by one of their keys, for a JSON array of keys (`?2`) read in its order: `CROSS JOIN` keeps the array
/// the outer loop, one lookup of the key's index per element. The key is column 10, after `exact`.
fn read_ahead_by_key(kinds: &str) -> String {
    format!(
        "SELECT {TITLE_COLS}, k.exact, k.key FROM json_each(?2) j CROSS JOIN title_keys k \
         JOIN titles t ON t.seq = k.title_seq JOIN title_state s ON s.title_seq = t.seq \
         WHERE k.kind IN ({kinds}) AND k.bank = CAST(?1 AS INTEGER) AND k.key = j.value"
    )
}

fn select_by_key(kinds: &str) -> String {
    format!(
        "SELECT {TITLE_COLS}, k.exact FROM title_keys k JOIN titles t ON t.seq = k.title_seq \
         JOIN title_state s ON s.title_seq = t.seq \
         WHERE k.kind IN ({kinds}) AND k.bank = CAST(?1 AS INTEGER) AND k.key = CAST(?2 AS TEXT)"
    )
}

impl Book for SqliteBook<'_> {
    type Error = LedgerError;

    fn find_by_nosso_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), LedgerError> {
        if self.answer_ahead(Which::Nn, bank, key, out) {
            return Ok(());
        }
        let k = key.to_string();
        self.query(Which::Nn, &[&bank, &k], out)
    }

    fn find_by_seu_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), LedgerError> {
        if self.answer_ahead(Which::Seu, bank, key, out) {
            return Ok(());
        }
        let k = key.to_string();
        self.query(Which::Seu, &[&bank, &k], out)
    }

    fn find_by_id(&mut self, id: &str, out: &mut Vec<Candidate>) -> Result<(), LedgerError> {
        self.query(Which::Id, &[&id], out)
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

    fn claim(&mut self, identity: &EntryId, _line: usize) -> Result<bool, LedgerError> {
        // The file's transaction is BEGIN IMMEDIATE: it holds SQLite's write lock from start to commit, so a lookup
        // here cannot race another writer, and the row is inserted once, classified, by `record`. (A PostgreSQL
        // book claims with INSERT … ON CONFLICT DO NOTHING instead: there writers do run side by side.)
        if let Some(fresh) = &mut self.fresh {
            return Ok(fresh.remove(identity));
        }
        if self.claimed.contains(identity) {
            return Ok(false);
        }
        let seen = self
            .tx
            .prepare_cached("SELECT 1 FROM entries WHERE identity = ?1")?
            .exists(params![identity.to_string()])?;
        if seen {
            return Ok(false);
        }
        self.claimed.insert(*identity);
        Ok(true)
    }

    fn link(
        &mut self,
        r: TitleRef,
        nosso_numero: &str,
        dv: Option<&str>,
    ) -> Result<(), LedgerError> {
        let bank = self.ensure(r)?.titulo.banco.code();
        let keys = [
            (Key::of(&[nosso_numero]), true),
            (dv.and_then(|dv| Key::of(&[nosso_numero, dv])), false),
        ];
        for (k, exact) in keys {
            if let Some(k) = k {
                let k = k.to_string();
                insert_key(self.tx, "link", bank, &k, r as i64, exact)?;
                // a lookup read ahead now finds the title too, as the database would
                if let Some(v) = self.ahead.get_mut(&(Which::Nn, bank, k)) {
                    v.push((r, exact));
                }
            }
        }
        self.tx
            .prepare_cached("UPDATE title_state SET linked_nosso_numero = ?1 WHERE title_seq = ?2")?
            .execute(params![nosso_numero, r as i64])?;
        let id = self.ensure(r)?.id.clone();
        if let Some(l) = self.cache.get_mut(&r) {
            l.state.linked_nosso_numero = Some(nosso_numero.to_string());
        }
        let ev = Event::Linked {
            nosso_numero: nosso_numero.to_string(),
            file_id: self.file_id.clone(),
        };
        self.event(&id, &ev)
    }

    fn set_state(&mut self, r: TitleRef, s: &TitleState) -> Result<(), LedgerError> {
        if let Some(l) = self.cache.get_mut(&r) {
            l.state = s.clone();
        }
        self.states.insert(r, s.clone());
        if self.states.len() >= FLUSH_ROWS {
            self.flush_states()?;
        }
        Ok(())
    }

    /// The outcome is written as JSON once: into the title's history when the entry has a title (its `entries` row
    /// keeps the outcome's columns and `data` stays NULL), else into the `entries` row. A duplicate has no
    /// `entries` row of its own (the identity is the first entry's).
    fn record(&mut self, o: &EntryOutcome, r: Option<TitleRef>) -> Result<(), LedgerError> {
        let event = match r {
            Some(r) => {
                let id = self.ensure(r)?.id.clone();
                match TypedOutcome::of(o, &id, &self.file_id)? {
                    // schema version 10: the outcome in the event's typed columns, `data` the mark
                    Some(t) => Some((id, Err(Box::new(SqlOutcome::new(t))))),
                    // `Event::Entry` as serde writes it (the tag, then `file_id` and `outcome` in order)
                    None => {
                        let ev = format!(
                            "{{\"event\":\"entry\",\"file_id\":{},\"outcome\":{}}}",
                            serde_json::to_string(&self.file_id)?,
                            serde_json::to_string(o)?
                        );
                        Some((id, Ok(ev)))
                    }
                }
            }
            None => None,
        };
        if o.outcome != Outcome::Duplicate {
            self.entries.push(PendingEntry {
                identity: o.identity.to_string(),
                outcome: o.outcome.name(),
                title_id: o.title_id.clone(),
                expected: o.expected.map(|d| d.to_string()),
                paid: o.paid.map(|d| d.to_string()),
                difference: o.difference.map(|d| d.to_string()),
                data: r.is_none().then(|| serde_json::to_string(o)).transpose()?,
                line: o.line as i64,
            });
            if self.entries.len() >= FLUSH_ROWS {
                self.flush_entries()?;
            }
        }
        match event {
            Some((id, Ok(ev))) => self.event_json(&id, "entry", ev)?,
            Some((id, Err(typed))) => {
                self.events.push(PendingEvent {
                    title_id: id.to_string(),
                    kind: "entry",
                    data: schema::ENTRY_MARK.to_string(),
                    typed: Some(typed),
                });
                if self.events.len() >= FLUSH_ROWS {
                    self.flush_events()?;
                }
            }
            None => {}
        }
        Ok(())
    }
}

impl SqliteLedger {
    /// The title behind a live segunda via token ([`crate::segunda_via`]), with its state.
    pub(super) fn title_by_token(
        &self,
        token: &str,
    ) -> Result<Option<(Titulo, TitleState)>, LedgerError> {
        let sql = format!(
            "SELECT {TITLE_COLS} FROM {TITLE_FROM} WHERE t.id = \
             (SELECT title_id FROM segunda_via_links WHERE token = ?1 AND revoked_at IS NULL)"
        );
        let raw = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![token], load_row)
            .optional()?;
        raw.map(|r| to_loaded(r).map(|(_, l)| (l.titulo, l.state)))
            .transpose()
    }

    /// Open the ledger at `path` without creating it or changing its schema: read-only, or read-write for the
    /// few writes a reader makes (the segunda via server records views). The schema must be the latest.
    ///
    /// # Errors
    /// The file is missing or not a ledger, or its schema is older or newer than this library's (open it once
    /// with [`SqliteLedger::open`] to bring it up to date).
    pub fn open_existing(path: impl AsRef<Path>, read_only: bool) -> Result<Self, LedgerError> {
        use rusqlite::OpenFlags;
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        let l = SqliteLedger { conn };
        let v = l.schema_version()?;
        if v != schema::latest() {
            return Err(LedgerError::Invalid(format!(
                "ledger schema version {v}, this program needs {}: open it once with a `cnab baixa` command to \
                 bring it up to date",
                schema::latest()
            )));
        }
        Ok(l)
    }

    /// Open (or create) the ledger at `path` and bring its schema up to date.
    ///
    /// # Errors
    /// The database cannot be opened, or its schema is newer than this library.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, LedgerError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(600))?;
        Self::enable_wal(&conn)?;
        Self::with_connection(conn)
    }

    /// Switches to write-ahead logging. The switch needs the database to itself for a moment, and SQLite answers
    /// `SQLITE_BUSY` at once (without calling the busy handler) when another process is opening a new ledger file at
    /// the same instant: retried for up to a minute, with growing pauses.
    fn enable_wal(conn: &Connection) -> Result<(), LedgerError> {
        let mut pause = Duration::from_millis(5);
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            match conn.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => return Ok(()),
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if matches!(
                        e.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    fn tune(conn: &Connection) -> Result<(), LedgerError> {
        // One file is one transaction: with SQLite's default 2 MB page cache a large file spills to the WAL and
        // every later page read searches it; 64 MB keeps a million-entry file's working set in memory.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    /// A ledger in memory (tests, examples).
    ///
    /// # Errors
    /// SQLite failure.
    pub fn open_in_memory() -> Result<Self, LedgerError> {
        Self::with_connection(Connection::open_in_memory()?)
    }

    fn with_connection(mut conn: Connection) -> Result<Self, LedgerError> {
        Self::tune(&conn)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(schema::VERSION_TABLE)?;
        let v: i64 = tx.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM baixa_schema_version",
            [],
            |r| r.get(0),
        )?;
        if v > schema::latest() {
            return Err(LedgerError::SchemaTooNew {
                found: v,
                supported: schema::latest(),
            });
        }
        for m in Dialect::Sqlite.pending(v) {
            tx.execute_batch(&Dialect::Sqlite.render(m.sql))?;
            tx.execute(
                "INSERT INTO baixa_schema_version (version, description, applied_at) VALUES (?1, ?2, ?3)",
                params![m.version, m.description, now().to_string()],
            )?;
        }
        tx.commit()?;
        Ok(SqliteLedger { conn })
    }

    /// The schema version of the database.
    ///
    /// # Errors
    /// SQLite failure.
    pub fn schema_version(&self) -> Result<i64, LedgerError> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM baixa_schema_version",
            [],
            |r| r.get(0),
        )?)
    }

    /// The underlying connection (for inspection and tests).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// A matching key to add: kind, bank, key, title row, exact.
type NewKey = (&'static str, u16, String, i64, bool);

/// Insert buffered matching keys, sorted as their primary key is (its index written in order rather than at a
/// random page per key), in multi-row statements.
fn write_keys(tx: &Transaction<'_>, keys: &mut Vec<NewKey>) -> Result<(), LedgerError> {
    let mut keys = std::mem::take(keys);
    keys.sort_unstable_by(|a, b| (a.0, a.1, &a.2, a.3).cmp(&(b.0, b.1, &b.2, b.3)));
    write_rows(
        tx,
        "title_keys (kind, bank, key, title_seq, exact) | ON CONFLICT (kind, bank, key, title_seq) DO NOTHING",
        &keys,
        |k, p| {
            p.push(&k.0);
            p.push(&k.1);
            p.push(&k.2);
            p.push(&k.3);
            p.push(&k.4);
        },
    )
}

/// Insert the states of new titles (open, nothing paid), in multi-row statements.
fn write_new_states(tx: &Transaction<'_>, seqs: &mut Vec<i64>) -> Result<(), LedgerError> {
    let seqs = std::mem::take(seqs);
    write_rows(
        tx,
        "title_state (title_seq, status, paid, registered)",
        &seqs,
        |seq, p| {
            p.push(seq);
            p.push(&"open");
            p.push(&"0");
            p.push(&0i64);
        },
    )
}

/// Add or update titles inside a transaction (see [`Ledger::import_titles`]).
pub(super) fn import_in(
    tx: &Transaction<'_>,
    titles: &[Titulo],
) -> Result<ImportSummary, LedgerError> {
    let mut s = ImportSummary::default();
    {
        let mut book = SqliteBook::new(tx, String::new());
        let mut keys: Vec<NewKey> = Vec::new();
        // the rows of the titles added, whose state (open, nothing paid) is still to be written
        let mut new_states: Vec<i64> = Vec::new();
        for t in titles {
            let data = serde_json::to_string(t)?;
            let conv = key_text(Key::of(&[&t.convenio]));
            let old: Option<(i64, String)> = tx
                .prepare_cached("SELECT seq, data FROM titles WHERE id = ?1")?
                .query_row(params![t.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let seq = match old {
                Some((_, o)) if serde_json::from_str::<Titulo>(&o).ok().as_ref() == Some(t) => {
                    s.unchanged += 1;
                    continue;
                }
                Some((seq, _)) => {
                    // the mark of the import being replaced gets the JSON it stood for (the marks buffered so
                    // far written first: one of them may be this title's)
                    book.flush_events()?;
                    tx.prepare_cached(&format!(
                        "UPDATE events SET data = {} WHERE title_id = ?1 AND kind = 'imported' AND data = {}",
                        Dialect::Sqlite.imported_of("(SELECT data FROM titles WHERE seq = ?2)"),
                        Dialect::Sqlite.imported_mark()
                    ))?
                    .execute(params![t.id, seq])?;
                    tx.prepare_cached(
                    "UPDATE titles SET bank = ?1, convenio_key = ?2, valor = ?3, vencimento = ?4, data = ?5 WHERE seq = ?6",
                )?
                .execute(params![
                    t.banco.code(),
                    conv,
                    t.valor.to_string(),
                    t.vencimento.to_string(),
                    data,
                    seq
                ])?;
                    // the keys buffered so far first: one of them may be this title's
                    write_keys(tx, &mut keys)?;
                    tx.prepare_cached(
                        "DELETE FROM title_keys WHERE title_seq = ?1 AND kind IN ('nn', 'seu')",
                    )?
                    .execute(params![seq])?;
                    s.updated += 1;
                    seq
                }
                None => {
                    tx.prepare_cached(
                        "INSERT INTO titles (id, bank, convenio_key, valor, vencimento, data) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        t.id,
                        t.banco.code(),
                        conv,
                        t.valor.to_string(),
                        t.vencimento.to_string(),
                        data
                    ])?;
                    s.added += 1;
                    let seq = tx.last_insert_rowid();
                    new_states.push(seq);
                    seq
                }
            };
            for (kind, key, exact) in title_keys(t) {
                keys.push((kind, t.banco.code(), key, seq, exact));
            }
            if keys.len() >= FLUSH_ROWS {
                write_keys(tx, &mut keys)?;
            }
            if new_states.len() >= FLUSH_ROWS {
                write_new_states(tx, &mut new_states)?;
            }
            // the title's JSON is stored once, in `titles.data`: its import event is the mark read with it
            book.event_json(&t.id, "imported", schema::IMPORTED_MARK.to_string())?;
        }
        write_keys(tx, &mut keys)?;
        write_new_states(tx, &mut new_states)?;
        book.flush()?;
    }
    Ok(s)
}

impl Ledger for SqliteLedger {
    fn import_titles(&mut self, titles: &[Titulo]) -> Result<ImportSummary, LedgerError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let s = import_in(&tx, titles)?;
        tx.commit()?;
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "INSERT INTO files (id, bank, nsa, data_geracao, entries, applied_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT (id) DO NOTHING",
            params![
                file_id,
                ctx.bank,
                retorno.header.nsa.and_then(|n| i64::try_from(n).ok()),
                retorno.header.data_geracao.map(|d| d.to_string()),
                retorno.entries.len() as i64,
                now().to_string()
            ],
        )?;
        if n == 0 {
            drop(tx);
            return Ok(already_applied(file_id, retorno));
        }
        let entries = {
            let mut book = SqliteBook::new(&tx, file_id.clone());
            book.claim_all(&ctx.identities)?;
            let mut entries = Vec::with_capacity(retorno.entries.len());
            for (stretch, identities) in retorno
                .entries
                .chunks(READ_AHEAD_ENTRIES)
                .zip(ctx.identities.chunks(READ_AHEAD_ENTRIES))
            {
                book.read_ahead(ctx.bank, stretch)?;
                let part = FileContext {
                    bank: ctx.bank,
                    agreement: ctx.agreement.clone(),
                    agreements: ctx.agreements.clone(),
                    file_id: ctx.file_id,
                    identities: identities.to_vec(),
                };
                let done = entries.len();
                let mut p = |n: usize| progress(done + n);
                entries.extend(apply_entries_observed(&mut book, &part, stretch, &mut p)?);
            }
            if entries.is_empty() {
                progress(0);
            }
            book.ahead.clear();
            book.flush()?;
            entries
        };
        let report = FileReport::new(&file_id, retorno, &entries);
        tx.execute(
            "UPDATE files SET report = ?1 WHERE id = ?2",
            params![serde_json::to_string(&report)?, file_id],
        )?;
        tx.commit()?;
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let identity = settlement_identity(s);
        let mut s = s.clone();
        s.em = Some(s.em.unwrap_or_else(now));
        let o = {
            let mut book = SqliteBook::new(&tx, String::new());
            let mut c = Vec::new();
            book.find_by_id(&s.title_id, &mut c)?;
            let r = c
                .first()
                .map(|c| c.r)
                .ok_or_else(|| LedgerError::UnknownTitle(s.title_id.clone()))?;
            let n = tx
                .prepare_cached(
                    "INSERT INTO settlements (identity, title_id, valor, data, meio, por, em, motivo) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (identity) DO NOTHING",
                )?
                .execute(params![
                    identity.to_string(),
                    s.title_id,
                    s.valor.to_string(),
                    s.data.to_string(),
                    serde_json::to_value(s.meio)?.as_str().unwrap_or_default(),
                    s.por,
                    s.em.map(|d| d.to_string()),
                    s.motivo
                ])?;
            if n == 0 {
                drop(book);
                drop(tx);
                return Ok(duplicate_settlement(&s, identity));
            }
            let state = book.state(r)?;
            let (o, ns) = {
                let t = book.title(r)?;
                settle_outcome(&t, &state, &s, identity)?
            };
            book.set_state(r, &ns)?;
            let ev = Event::ManualSettlement {
                settlement: s.clone(),
                outcome: Box::new(o.clone()),
            };
            book.event(&s.title_id, &ev)?;
            book.flush()?;
            o
        };
        tx.commit()?;
        Ok(o)
    }

    fn titles(&mut self) -> Result<Vec<(Titulo, TitleState)>, LedgerError> {
        let sql = format!("SELECT {TITLE_COLS} FROM {TITLE_FROM} ORDER BY t.seq");
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map([], load_row)?;
        let mut out = Vec::new();
        for r in rows {
            let (_, l) = to_loaded(r?)?;
            out.push((l.titulo, l.state));
        }
        Ok(out)
    }

    fn history(&mut self, id: &str) -> Result<Vec<Event>, LedgerError> {
        let exists: Option<i64> = self
            .conn
            .query_row("SELECT seq FROM titles WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(LedgerError::UnknownTitle(id.to_string()));
        }
        // the latest import's mark reads as the event with the title's JSON (schema version 8)
        // the latest import's mark reads as the event with the title's JSON (schema version 8), an entry's mark
        // as the event made of its typed columns (version 10)
        let mut st = self.conn.prepare(&format!(
            "SELECT CASE WHEN e.kind = 'imported' AND e.data = {} THEN {} ELSE e.data END, \
             e.kind = 'entry' AND e.data = '{}' AND o.event_seq IS NOT NULL, e.file_id, {} \
             FROM events e JOIN titles t ON t.id = e.title_id LEFT JOIN entry_outcomes o ON o.event_seq = e.seq \
             WHERE e.title_id = ?1 ORDER BY e.seq",
            Dialect::Sqlite.imported_mark(),
            Dialect::Sqlite.imported_of("t.data"),
            schema::ENTRY_MARK,
            typed_outcome::O_COLUMNS
        ))?;
        let mut rows = st.query(params![id])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let typed = if row.get::<_, bool>(1)? {
                read_typed(row, 3)?
            } else {
                None
            };
            out.push(match typed {
                Some(t) => {
                    t.into_event(id, row.get::<_, Option<String>>(2)?.unwrap_or_default())?
                }
                None => serde_json::from_str(&row.get::<_, String>(0)?)?,
            });
        }
        Ok(out)
    }

    fn files(&mut self) -> Result<Vec<FileReport>, LedgerError> {
        let mut st = self
            .conn
            .prepare("SELECT report FROM files WHERE report IS NOT NULL ORDER BY seq")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use cnab_core::{Ocorrencia, OcorrenciaKind, RetornoEntry};

    /// The lookup by key is prepared once for a whole file, not again at every entry.
    #[test]
    fn the_key_lookup_is_not_prepared_again_per_entry() {
        let mut l = SqliteLedger::open_in_memory().unwrap();
        let venc = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let titles: Vec<Titulo> = (0..20)
            .map(|i| {
                Titulo::new(
                    format!("T{i}"),
                    341,
                    format!("{}", 1000 + i),
                    Decimal::TEN,
                    venc,
                )
            })
            .collect();
        l.import_titles(&titles).unwrap();
        let entries = (0..20)
            .map(|i| RetornoEntry {
                nosso_numero: format!("{}", 1000 + i),
                ocorrencia: Some(Ocorrencia {
                    code: "06".into(),
                    kind: OcorrenciaKind::Liquidacao,
                    description: String::new(),
                }),
                data_ocorrencia: Some(venc),
                valor_pago: Some(Decimal::TEN),
                line: i + 2,
                ..Default::default()
            })
            .collect();
        let r = Retorno {
            bank: cnab_core::Bank::new(341),
            layout: cnab_core::Layout::Cnab400,
            header: cnab_core::Header::default(),
            entries,
            records: vec![],
            problems: vec![],
        };
        let res = l.apply(&r).unwrap();
        assert_eq!(res.outcomes.get(&Outcome::Paid), Some(&20));
        // the file's titles are read ahead (one sorted pass per stretch of the file)
        let st = l
            .conn
            .prepare_cached(&read_ahead_by_key("'nn', 'link'"))
            .unwrap();
        assert!(st.get_status(rusqlite::StatementStatus::VmStep) > 0);
        assert_eq!(st.get_status(rusqlite::StatementStatus::RePrepare), 0);
    }
}
