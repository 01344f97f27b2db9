//! Matching and classification, written once over the [`Book`] trait that every ledger backend implements.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use cnab_core::{OcorrenciaKind, Retorno, RetornoEntry};
use rayon::prelude::*;
use rust_decimal::Decimal;

use crate::charges::{valor_devido, Breakdown};
use crate::key::{
    entry_identity_keyed, file_agreement, file_agreements, file_identity, split_nosso_numero,
    EntryId, Key, KeyShape,
};
use crate::outcome::{
    ChargesFrom, Difference, EntryOutcome, Event, MatchedBy, Note, Outcome, OutcomeRow, Status,
    TitleState,
};
use crate::titulo::Titulo;

/// The fewest entries or titles a parallel pass hands to one core at a time (smaller files stay on one thread).
const PAR_MIN_LEN: usize = 4096;

/// A title's handle inside one [`Book`] (an index, a row id).
pub type TitleRef = u64;

/// A title a lookup found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The handle.
    pub r: TitleRef,
    /// The key matched the nosso número as written (not with a DV appended).
    pub exact: bool,
    /// The title's agreement key, if it has one.
    pub convenio: Option<Key>,
}

/// The operations one file's application needs, inside one transaction of a ledger.
///
/// Implemented by the in-memory book and the SQLite and PostgreSQL backends (`claim` as `INSERT … ON CONFLICT
/// (identity) DO NOTHING` on the entries table's unique key; PostgreSQL inside a `SERIALIZABLE` transaction).
pub trait Book {
    /// The backend's error.
    type Error;
    /// Titles of `bank` whose nosso número key (as written, or with its DV appended, or linked) is `key`.
    fn find_by_nosso_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), Self::Error>;
    /// Titles of `bank` whose seu número key is `key`.
    fn find_by_seu_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), Self::Error>;
    /// The title with this exact id.
    fn find_by_id(&mut self, id: &str, out: &mut Vec<Candidate>) -> Result<(), Self::Error>;
    /// The title.
    fn title(&mut self, r: TitleRef) -> Result<Cow<'_, Titulo>, Self::Error>;
    /// The title's id.
    fn title_id(&mut self, r: TitleRef) -> Result<Arc<str>, Self::Error>;
    /// The title's state.
    fn state(&mut self, r: TitleRef) -> Result<TitleState, Self::Error>;
    /// Record the entry identity; `false` when it was already there (a duplicate).
    fn claim(&mut self, identity: &EntryId, line: usize) -> Result<bool, Self::Error>;
    /// Link a bank-assigned nosso número (and DV) to the title.
    fn link(
        &mut self,
        r: TitleRef,
        nosso_numero: &str,
        dv: Option<&str>,
    ) -> Result<(), Self::Error>;
    /// Store the title's new state.
    fn set_state(&mut self, r: TitleRef, s: &TitleState) -> Result<(), Self::Error>;
    /// Store the entry's outcome (and the title's history event when `r` is given).
    fn record(&mut self, o: &EntryOutcome, r: Option<TitleRef>) -> Result<(), Self::Error>;
}

/// What a file contributes to matching: its bank and beneficiary agreement.
#[derive(Debug, Clone)]
pub struct FileContext {
    /// Bank code.
    pub bank: u16,
    /// The agreement key that goes into entry identities.
    pub agreement: Option<Key>,
    /// Every beneficiary identifier of the header (a title's `convenio` may name any).
    pub agreements: Vec<Key>,
    /// The file's identity.
    pub file_id: EntryId,
    /// The entries' identities, in order.
    pub identities: Vec<EntryId>,
}

impl FileContext {
    /// Identities of the file and its entries.
    pub fn new(retorno: &Retorno) -> Self {
        Self::build(retorno, true)
    }

    /// The entries' identities, and the file's only when `file_id` (a ledger needs it, [`reconcile`] does not:
    /// its `file_id` is then all zeros).
    fn build(retorno: &Retorno, file_id: bool) -> Self {
        Self::build_keyed(retorno, file_id, |_, _| ()).0
    }

    /// [`FileContext::build`], and `key(entry, shape)` for each entry, with `shape` the key of its nosso número
    /// as written (computed once for the identity and the lookup). Each entry's identity and key depend on the
    /// entry alone: they are computed on every core, in file order (the same values as one after the other).
    fn build_keyed<T: Send>(
        retorno: &Retorno,
        file_id: bool,
        key: impl Fn(&RetornoEntry, KeyShape) -> T + Sync,
    ) -> (Self, Vec<T>) {
        let bank = retorno.bank.code();
        let agreement = file_agreement(&retorno.header);
        let mut identities: Vec<EntryId> = Vec::new();
        let mut keys: Vec<T> = Vec::new();
        retorno
            .entries
            .par_iter()
            .with_min_len(PAR_MIN_LEN)
            .map_init(
                || Vec::with_capacity(256),
                |buf, e| {
                    let (id, shape) = entry_identity_keyed(buf, bank, agreement.as_ref(), e);
                    (id, key(e, shape))
                },
            )
            .unzip_into_vecs(&mut identities, &mut keys);
        let ctx = FileContext {
            bank,
            file_id: if file_id {
                file_identity(bank, &retorno.header, &identities)
            } else {
                EntryId([0; 32])
            },
            agreements: file_agreements(&retorno.header),
            agreement,
            identities,
        };
        (ctx, keys)
    }

    fn agreement_ok(&self, c: &Candidate) -> bool {
        match &c.convenio {
            None => true,
            Some(k) => self.agreements.is_empty() || self.agreements.contains(k),
        }
    }

    fn pick(&self, cands: &[Candidate]) -> Option<TitleRef> {
        let mut exact = None;
        let mut n_exact = 0;
        let mut any = None;
        let mut n_any = 0;
        for c in cands.iter().filter(|c| self.agreement_ok(c)) {
            if c.exact {
                n_exact += 1;
                exact = Some(c.r);
            }
            n_any += 1;
            any = Some(c.r);
        }
        if n_exact == 1 {
            exact
        } else if n_exact == 0 && n_any == 1 {
            any
        } else {
            None
        }
    }
}

fn locate<B: Book>(
    book: &mut B,
    ctx: &FileContext,
    e: &RetornoEntry,
    buf: &mut Vec<Candidate>,
) -> Result<Option<(TitleRef, MatchedBy)>, B::Error> {
    if let Some(k) = Key::of(&[&e.nosso_numero]) {
        buf.clear();
        book.find_by_nosso_numero(ctx.bank, &k, buf)?;
        if let Some(r) = ctx.pick(buf) {
            return Ok(Some((r, MatchedBy::NossoNumero)));
        }
        if let Some(dv) = e
            .nosso_numero_dv
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        {
            if let Some(k) = Key::of(&[&e.nosso_numero, dv]) {
                buf.clear();
                book.find_by_nosso_numero(ctx.bank, &k, buf)?;
                if let Some(r) = ctx.pick(buf) {
                    return Ok(Some((r, MatchedBy::NossoNumeroDv)));
                }
            }
        }
    }
    if let Some(k) = Key::of(&[&e.seu_numero]) {
        buf.clear();
        book.find_by_seu_numero(ctx.bank, &k, buf)?;
        if let Some(r) = ctx.pick(buf) {
            return Ok(Some((r, MatchedBy::SeuNumero)));
        }
    }
    let uso = e.uso_empresa.trim();
    if !uso.is_empty() {
        buf.clear();
        book.find_by_id(uso, buf)?;
        if let Some(r) = ctx.pick(buf) {
            return Ok(Some((r, MatchedBy::UsoEmpresa)));
        }
        if let Some(k) = Key::of(&[uso]) {
            buf.clear();
            book.find_by_seu_numero(ctx.bank, &k, buf)?;
            if let Some(r) = ctx.pick(buf) {
                return Ok(Some((r, MatchedBy::UsoEmpresa)));
            }
        }
    }
    Ok(None)
}

/// The facts of one payment, as [`classify_payment`] needs them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Payment {
    /// Amount paid.
    pub paid: Decimal,
    /// Payment date.
    pub date: NaiveDate,
    /// `juros_multa − desconto − abatimento` as the bank reported them, when it reported any.
    pub bank_adjust: Option<Decimal>,
    /// The bank's fee in the entry: its `tarifa` (a [`Note::NetOfFee`] names the entry's).
    pub fee: Option<Decimal>,
    /// The bank says the title had been written off.
    pub after_write_off: bool,
}

/// Classify money received for a title, returning the new state and the amount due on the payment date.
pub(crate) fn classify_payment(
    t: &Titulo,
    s: &TitleState,
    p: &Payment,
    o: &mut OutcomeRow,
) -> (TitleState, Breakdown) {
    let Payment {
        paid,
        date,
        bank_adjust,
        fee,
        after_write_off,
    } = *p;
    let b = valor_devido(t, date);
    o.set_breakdown();
    o.set_paid(Some(paid));
    o.date = Some(date);
    let mut ns = s.clone();
    ns.paid += paid;
    if s.status == Status::Settled {
        o.outcome = Outcome::Overpaid;
        o.set_expected(Decimal::ZERO);
        o.set_difference(Difference::Paid);
        o.note = Note::PaidAgain;
        return (ns, b);
    }
    let expected = b.total - s.paid;
    o.set_expected(expected);
    o.charges_from = Some(ChargesFrom::Rules);
    let settle = |ns: &mut TitleState| {
        ns.status = Status::Settled;
        ns.settled_on = Some(date);
    };
    if s.status == Status::Renegotiated {
        // the acordo's installments stand for this title now: the money is reported, the title stays replaced
        o.outcome = Outcome::PaidAfterWriteOff;
        o.set_difference(Difference::PaidLessExpected);
        o.note = Note::Renegotiated;
        return (ns, b);
    }
    if after_write_off || s.status == Status::WrittenOff {
        o.outcome = Outcome::PaidAfterWriteOff;
        o.set_difference(Difference::PaidLessExpected);
        if paid >= expected {
            settle(&mut ns);
        }
        return (ns, b);
    }
    if paid == expected {
        o.outcome = if b.dias_atraso > 0 {
            Outcome::PaidLate
        } else {
            Outcome::Paid
        };
        o.set_difference(Difference::Zero);
        settle(&mut ns);
        return (ns, b);
    }
    if let Some(adj) = bank_adjust {
        let bank_expected = t.valor - s.paid + adj;
        if paid == bank_expected {
            o.set_expected(bank_expected);
            o.charges_from = Some(ChargesFrom::Bank);
            o.set_difference(Difference::Zero);
            o.outcome = if adj > Decimal::ZERO || b.dias_atraso > 0 {
                Outcome::PaidLate
            } else {
                Outcome::Paid
            };
            settle(&mut ns);
            return (ns, b);
        }
    }
    // Some banks report the amount paid net of their fee (valor pago = valor − tarifa, e.g. brcobranca's Santander
    // 400 sample): the payer paid in full, the fee is the company's cost. Said in a note, never silent.
    if let Some(fee) = fee.filter(|f| *f > Decimal::ZERO) {
        if paid + fee == expected {
            o.outcome = if b.dias_atraso > 0 {
                Outcome::PaidLate
            } else {
                Outcome::Paid
            };
            o.set_difference(Difference::Zero);
            // the fee is the entry's `tarifa`: the note's text names it from there
            o.note = Note::NetOfFee;
            settle(&mut ns);
            return (ns, b);
        }
    }
    o.set_difference(Difference::PaidLessExpected);
    if paid < expected {
        o.outcome = Outcome::Underpaid;
    } else {
        o.outcome = Outcome::Overpaid;
        settle(&mut ns);
    }
    (ns, b)
}

fn nonzero(d: Option<Decimal>) -> Option<Decimal> {
    d.filter(|x| !x.is_zero())
}

/// Apply one entry: claim its identity, find its title, classify, store.
pub fn apply_entry<B: Book>(
    book: &mut B,
    ctx: &FileContext,
    e: &RetornoEntry,
    identity: EntryId,
    buf: &mut Vec<Candidate>,
) -> Result<EntryOutcome, B::Error> {
    let fresh = book.claim(&identity, e.line)?;
    let (row, breakdown) = classify_entry(book, ctx, e, fresh, buf)?;
    let title_id = match row.title() {
        Some(r) => Some(book.title_id(r)?),
        None => None,
    };
    let o = EntryOutcome::from_row(e, identity, &row, title_id, breakdown);
    book.record(&o, row.title())?;
    Ok(o)
}

/// Find an entry's title and classify the entry (`fresh`: its identity was claimed now, not seen before), updating
/// the title's state in the book: the compact row, and the amount due when a payment was classified.
pub(crate) fn classify_entry<B: Book>(
    book: &mut B,
    ctx: &FileContext,
    e: &RetornoEntry,
    fresh: bool,
    buf: &mut Vec<Candidate>,
) -> Result<(OutcomeRow, Option<Breakdown>), B::Error> {
    let found = locate(book, ctx, e, buf)?;
    classify_found(book, e, fresh, found)
}

/// [`classify_entry`] once the entry's title is found (or not).
fn classify_found<B: Book>(
    book: &mut B,
    e: &RetornoEntry,
    fresh: bool,
    found: Option<(TitleRef, MatchedBy)>,
) -> Result<(OutcomeRow, Option<Breakdown>), B::Error> {
    let mut o = OutcomeRow::from_entry(e);
    let mut breakdown = None;
    let r = found.map(|(r, _)| r);
    if let Some((r, by)) = found {
        o.set_title(r);
        o.matched_by = Some(by);
    }
    if !fresh {
        o.outcome = Outcome::Duplicate;
        o.note = Note::AlreadyApplied;
        return Ok((o, None));
    }
    let kind = e.ocorrencia.as_ref().map(|x| x.kind);
    match kind {
        Some(OcorrenciaKind::Tarifa) => o.outcome = Outcome::FeeOnly,
        None | Some(OcorrenciaKind::Desconhecida) => o.outcome = Outcome::Unrecognized,
        // a rejection says so even for a title we do not know (the bank's reasons are what matter)
        Some(OcorrenciaKind::EntradaRejeitada | OcorrenciaKind::InstrucaoRejeitada)
            if r.is_none() =>
        {
            o.outcome = Outcome::Rejected;
            o.note = Note::NoSuchTitle;
        }
        Some(_) if r.is_none() => o.outcome = Outcome::Unmatched,
        Some(k) => {
            let r = r.unwrap_or_default();
            let s = book.state(r)?;
            match k {
                OcorrenciaKind::EntradaConfirmada => {
                    o.outcome = Outcome::Registered;
                    let (own_nn, linked) = {
                        let t = book.title(r)?;
                        (
                            t.nosso_numero.trim().is_empty(),
                            s.linked_nosso_numero.is_some(),
                        )
                    };
                    let mut ns = s.clone();
                    ns.registered = true;
                    if own_nn && !linked && Key::of(&[&e.nosso_numero]).is_some() {
                        let dv = e
                            .nosso_numero_dv
                            .as_deref()
                            .filter(|d| !d.trim().is_empty());
                        book.link(r, e.nosso_numero.trim(), dv)?;
                        ns.linked_nosso_numero = Some(e.nosso_numero.trim().to_string());
                    }
                    if ns != s {
                        book.set_state(r, &ns)?;
                    }
                }
                OcorrenciaKind::EntradaRejeitada | OcorrenciaKind::InstrucaoRejeitada => {
                    o.outcome = Outcome::Rejected;
                }
                OcorrenciaKind::InstrucaoConfirmada => o.outcome = Outcome::InstructionConfirmed,
                OcorrenciaKind::Informativo => o.outcome = Outcome::Information,
                OcorrenciaKind::Protesto => o.outcome = Outcome::Protest,
                OcorrenciaKind::Baixa => {
                    o.outcome = Outcome::WrittenOff;
                    if s.status == Status::Open {
                        let ns = TitleState {
                            status: Status::WrittenOff,
                            ..s
                        };
                        book.set_state(r, &ns)?;
                    } else {
                        o.note = Note::Already(s.status);
                    }
                }
                OcorrenciaKind::Liquidacao
                | OcorrenciaKind::LiquidacaoCartorio
                | OcorrenciaKind::LiquidacaoAposBaixa => {
                    let paid = match e.valor_pago.or(e.valor_creditado) {
                        Some(p) => p,
                        None => {
                            o.note = Note::NoAmount;
                            Decimal::ZERO
                        }
                    };
                    let bank_adjust = if nonzero(e.juros_multa).is_some()
                        || nonzero(e.desconto).is_some()
                        || nonzero(e.abatimento).is_some()
                    {
                        Some(
                            e.juros_multa.unwrap_or_default()
                                - e.desconto.unwrap_or_default()
                                - e.abatimento.unwrap_or_default(),
                        )
                    } else {
                        None
                    };
                    let ns = {
                        let t = book.title(r)?;
                        let date = e.data_ocorrencia.or(e.data_credito);
                        let d = date.unwrap_or(t.vencimento);
                        let p = Payment {
                            paid,
                            date: d,
                            bank_adjust,
                            fee: e.tarifa,
                            after_write_off: k == OcorrenciaKind::LiquidacaoAposBaixa,
                        };
                        let (ns, b) = classify_payment(&t, &s, &p, &mut o);
                        breakdown = Some(b);
                        if date.is_none() {
                            o.note = Note::NoDate;
                        }
                        ns
                    };
                    book.set_state(r, &ns)?;
                }
                _ => o.outcome = Outcome::Unrecognized,
            }
        }
    }
    Ok((o, breakdown))
}

/// Apply every entry of a file (the caller owns the transaction).
pub fn apply_entries<B: Book>(
    book: &mut B,
    ctx: &FileContext,
    entries: &[RetornoEntry],
) -> Result<Vec<EntryOutcome>, B::Error> {
    apply_entries_observed(book, ctx, entries, &mut |_| {})
}

/// How many entries [`apply_entries_observed`] applies between two calls of its progress callback.
const PROGRESS_ENTRIES: usize = 1024;

/// [`apply_entries`], telling `progress` how many entries are applied so far, every thousand or so and once at
/// the end (for a progress bar).
pub fn apply_entries_observed<B: Book>(
    book: &mut B,
    ctx: &FileContext,
    entries: &[RetornoEntry],
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<EntryOutcome>, B::Error> {
    let mut buf = Vec::with_capacity(4);
    let mut out = Vec::with_capacity(entries.len());
    for (e, id) in entries.iter().zip(ctx.identities.iter()) {
        out.push(apply_entry(book, ctx, e, *id, &mut buf)?);
        if out.len() % PROGRESS_ENTRIES == 0 {
            progress(out.len());
        }
    }
    progress(out.len());
    Ok(out)
}

/// A matching key packed into 64 bits for the in-memory indexes: 2 bits of kind, 10 of bank code, 52 of value —
/// a numeric key as its number, a text key of up to 9 letters and digits (`A-Z`, `0-9`, as [`Key`] normalizes
/// them) as a bijective base-37 number, any other key (longer, larger, or of a bank code above 1023) as its
/// number in the book's table of long keys. Building and hashing one allocates nothing, and a map bucket with its
/// value is 16 bytes (a `(u16, Key)` key and its slot took 80): a million titles' indexes fit in far fewer cache
/// lines and pages.
type PKey = u64;

const KIND_NUM: u64 = 0;
const KIND_SHORT: u64 = 1;
const KIND_LONG: u64 = 2;
const VALUE_BITS: u32 = 52;

fn pkey(kind: u64, bank: u16, v: u128) -> Option<PKey> {
    let v = u64::try_from(v).ok().filter(|v| *v >> VALUE_BITS == 0)?;
    (bank < 1024).then(|| kind << 62 | u64::from(bank) << VALUE_BITS | v)
}

/// A text key as a bijective base-37 number (digits 1-36, no zero digit, so different strings give different
/// numbers); `None` for a character other than `0-9`/`A-Z` or past 24 characters (37^24 < 2^128).
fn pack_text(s: &str) -> Option<u128> {
    if s.len() > 24 {
        return None;
    }
    let mut v: u128 = 0;
    for b in s.bytes() {
        let d = match b {
            b'0'..=b'9' => b - b'0' + 1,
            b'A'..=b'Z' => b - b'A' + 11,
            _ => return None,
        };
        v = v * 37 + u128::from(d);
    }
    Some(v)
}

/// The key packed in place, when it fits.
fn pack(bank: u16, k: &Key) -> Option<PKey> {
    match k {
        Key::Num(n) => pkey(KIND_NUM, bank, *n),
        Key::Text(s) => pkey(KIND_SHORT, bank, pack_text(s)?),
    }
}

/// `pack(bank, Key::of(parts))` without building a text key, when the parts are ASCII.
fn pack_parts(bank: u16, parts: &[&str]) -> Option<Option<PKey>> {
    match Key::of_numeric(parts) {
        KeyShape::None => Some(None),
        KeyShape::Num(n) => pkey(KIND_NUM, bank, n).map(Some),
        KeyShape::Text => {
            let (mut v, mut len, mut started) = (0u128, 0usize, false);
            for p in parts {
                for b in p.bytes() {
                    if !b.is_ascii() {
                        return None;
                    }
                    if !b.is_ascii_alphanumeric() || (!started && b == b'0') {
                        continue;
                    }
                    started = true;
                    len += 1;
                    if len > 24 {
                        return None;
                    }
                    let b = b.to_ascii_uppercase();
                    let d = if b.is_ascii_digit() {
                        b - b'0' + 1
                    } else {
                        b - b'A' + 11
                    };
                    v = v * 37 + u128::from(d);
                }
            }
            pkey(KIND_SHORT, bank, v).map(Some)
        }
    }
}

/// Keys that do not fit in place, numbered in order of first sight.
#[derive(Debug, Clone, Default)]
struct LongKeys(HashMap<(u16, Key), u64>);

impl LongKeys {
    /// The packed key, numbering a new long key.
    fn intern(&mut self, bank: u16, k: Key) -> PKey {
        if let Some(p) = pack(bank, &k) {
            return p;
        }
        let next = self.0.len() as u64;
        let id = *self.0.entry((bank, k)).or_insert(next);
        KIND_LONG << 62 | id
    }

    /// The packed key of `Key::of(parts)`, `None` when there is no key.
    fn intern_parts(&mut self, bank: u16, parts: &[&str]) -> Option<PKey> {
        match pack_parts(bank, parts) {
            Some(p) => p,
            None => Key::of(parts).map(|k| self.intern(bank, k)),
        }
    }

    /// The packed key, `None` for a long key never indexed (so no title has it).
    fn find(&self, bank: u16, k: &Key) -> Option<PKey> {
        pack(bank, k).or_else(|| {
            self.0
                .get(&(bank, k.clone()))
                .map(|id| KIND_LONG << 62 | id)
        })
    }
}

/// Key → titles. Almost every key has one title: its index and the `exact` flag share a `u32` in the main map;
/// the rare key shared by several titles points to a list in `many`.
#[derive(Debug, Clone, Default)]
struct Index {
    one: HashMap<PKey, u32>,
    many: HashMap<PKey, Vec<(u32, bool)>>,
}

const EXACT: u32 = 1 << 31;
const MANY: u32 = u32::MAX;

impl Index {
    fn clear(&mut self) {
        self.one.clear();
        self.many.clear();
    }

    fn insert(&mut self, k: PKey, i: u32, exact: bool) {
        // title indexes stay below 2^31 - 1 (checked where titles are added)
        let packed = i | if exact { EXACT } else { 0 };
        match self.one.entry(k) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(packed);
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let cur = *o.get();
                if cur == MANY {
                    let v = self.many.entry(k).or_default();
                    if let Some(x) = v.iter_mut().find(|x| x.0 == i) {
                        x.1 |= exact;
                    } else {
                        v.push((i, exact));
                    }
                } else if cur & !EXACT == i {
                    *o.get_mut() = cur | packed;
                } else {
                    o.insert(MANY);
                    self.many
                        .insert(k, vec![(cur & !EXACT, cur & EXACT != 0), (i, exact)]);
                }
            }
        }
    }

    fn get(&self, k: &PKey, mut f: impl FnMut(u32, bool)) {
        match self.one.get(k) {
            None => {}
            Some(&MANY) => {
                for (i, e) in self.many.get(k).map_or(&[][..], Vec::as_slice) {
                    f(*i, *e);
                }
            }
            Some(&v) => f(v & !EXACT, v & EXACT != 0),
        }
    }
}

/// The most titles a [`MemoryBook`] holds (indexes share a `u32` with a flag).
const MAX_TITLES: usize = (EXACT - 2) as usize;

/// An entry or title without a packed key (kind 3: never a packed key).
const NO_KEY: PKey = u64::MAX;
/// A title's key that does not fit in place: numbered in the table of long keys.
const INTERN: PKey = u64::MAX - 1;

/// A title's packed nosso número key, that key with the DV appended, and seu número key: [`NO_KEY`] for no key
/// (and for the DV's when there is no nosso número key), [`INTERN`] for one that does not fit in place.
fn title_packed(t: &Titulo) -> [PKey; 3] {
    let bank = t.banco.code();
    let pack = |parts: &[&str]| match pack_parts(bank, parts) {
        Some(Some(k)) => k,
        Some(None) => NO_KEY,
        None => INTERN,
    };
    let (body, dv) = split_nosso_numero(&t.nosso_numero, t.nosso_numero_dv.as_deref());
    let nn = pack(&[body]);
    let with_dv = match dv {
        Some(dv) if nn != NO_KEY => pack(&[body, dv]),
        _ => NO_KEY,
    };
    [nn, with_dv, pack(&[&t.seu_numero])]
}

/// An entry's packed key for its first lookup (its nosso número as written, [`pack_parts`]) from the key's
/// shape; [`NO_KEY`] when it has none or it does not fit in place.
fn entry_probe_key(bank: u16, e: &RetornoEntry, shape: KeyShape) -> PKey {
    let packed = match shape {
        KeyShape::None => None,
        KeyShape::Num(n) => pkey(KIND_NUM, bank, n),
        KeyShape::Text => pack_parts(bank, &[&e.nosso_numero]).flatten(),
    };
    packed.unwrap_or(NO_KEY)
}

/// A pre-probed lookup ([`MemoryBook::probe_nosso_numeros`]) that found no title.
const PROBED_NONE: u32 = MANY - 1;
/// A pre-probed lookup that must be made again the ordinary way (no packed key, or several titles).
const PROBED_ASK: u32 = MANY;

/// An in-memory [`Book`] over a set of titles: hash maps keyed by packed normalized keys (no allocation to build
/// or look up a numeric or short key). Used by [`reconcile`] and by [`crate::MemoryLedger`].
#[derive(Debug, Clone)]
pub struct MemoryBook<'a> {
    titles: Cow<'a, [Titulo]>,
    /// Each title's id as shared by its outcomes, made on first use (the vector too: it may be shorter than
    /// `titles`).
    ids: Vec<Option<Arc<str>>>,
    states: Vec<TitleState>,
    long: LongKeys,
    by_nn: Index,
    /// The nosso número keys of the titles the book was made with, sorted by key: `(key, title << 1 | exact)`,
    /// one pair per title and key (built by one sort rather than a random write per key into a hash table, and
    /// walked beside the file's sorted keys by [`MemoryBook::probe_nosso_numeros`]). Titles added or keys linked
    /// later go to `by_nn`.
    nn_sorted: Vec<(PKey, u32)>,
    by_seu: Index,
    /// The seu número keys of the titles the book was made with, sorted by (key, title): built by one sort rather
    /// than a random write per title into a hash table, and asked only for the entries whose nosso número finds
    /// nothing. Titles added later go to `by_seu`.
    seu_sorted: Vec<(PKey, u32)>,
    /// A link added a nosso número during this book's life (lookups made before it may be stale).
    linked: bool,
    /// Built at once for a ledger, on the first lookup by id otherwise (an entry's uso da empresa).
    by_id: Option<HashMap<Arc<str>, u32>>,
    seen: HashSet<EntryId>,
    history: Option<Vec<Vec<Event>>>,
    /// The file being applied (for history events).
    pub(crate) file_id: String,
}

impl<'a> MemoryBook<'a> {
    /// A book over `titles`; `history` keeps every title's events (the ledger does, [`reconcile`] does not).
    pub fn new(titles: impl Into<Cow<'a, [Titulo]>>, history: bool) -> Self {
        let titles = titles.into();
        let n = titles.len();
        let mut b = MemoryBook {
            titles: Cow::Borrowed(&[]),
            ids: if history {
                Vec::with_capacity(n)
            } else {
                Vec::new()
            },
            states: Vec::with_capacity(n),
            long: LongKeys::default(),
            by_nn: Index::default(),
            nn_sorted: Vec::new(),
            by_seu: Index::default(),
            seu_sorted: Vec::new(),
            linked: false,
            by_id: history.then(|| HashMap::with_capacity_and_hasher(n, Default::default())),
            seen: HashSet::default(),
            history: history.then(Vec::new),
            file_id: String::new(),
        };
        // The keys packed on every core (a title's keys depend on it alone), then, in title order, the few that do
        // not fit in place numbered in the table of long keys, and the pairs sorted by key: sequential passes and
        // sorts instead of a random write per key into a hash table.
        let packed: Vec<[PKey; 3]> = titles
            .par_iter()
            .with_min_len(PAR_MIN_LEN)
            .map(title_packed)
            .collect();
        let mut nn: Vec<(PKey, u32)> = Vec::with_capacity(n);
        let mut seu: Vec<(PKey, u32)> = Vec::with_capacity(n);
        for (i, (t, p)) in titles.iter().zip(&packed).enumerate() {
            b.title_keys(i, t, *p, &mut nn, &mut seu);
            b.index_rest(i, t);
        }
        drop(packed);
        let ((), ()) = rayon::join(|| nn.par_sort_unstable(), || seu.par_sort_unstable());
        // one pair per title and key: a title whose key is both its nosso número and that with its DV is exact
        nn.dedup_by(|later, kept| {
            let same = later.0 == kept.0 && later.1 >> 1 == kept.1 >> 1;
            if same {
                kept.1 |= later.1 & 1;
            }
            same
        });
        b.nn_sorted = nn;
        b.seu_sorted = seu;
        b.titles = titles;
        b
    }

    /// The nosso número keys (`title << 1 | exact`) and seu número key of title `i` from its packed keys
    /// ([`title_packed`]), as [`MemoryBook::index_keys`] would index them.
    fn title_keys(
        &mut self,
        i: usize,
        t: &Titulo,
        [nn_k, dv_k, seu_k]: [PKey; 3],
        nn: &mut Vec<(PKey, u32)>,
        seu: &mut Vec<(PKey, u32)>,
    ) {
        let Some(i) = u32::try_from(i).ok().filter(|&i| (i as usize) < MAX_TITLES) else {
            return;
        };
        let bank = t.banco.code();
        let mut resolve = |k: PKey, parts: &[&str]| match k {
            NO_KEY => None,
            INTERN => self.long.intern_parts(bank, parts),
            k => Some(k),
        };
        let (body, dv) = if nn_k == INTERN || dv_k == INTERN {
            split_nosso_numero(&t.nosso_numero, t.nosso_numero_dv.as_deref())
        } else {
            ("", None)
        };
        if let Some(k) = resolve(nn_k, &[body]) {
            nn.push((k, i << 1 | 1));
            if let Some(k) = resolve(dv_k, &[body, dv.unwrap_or("")]) {
                nn.push((k, i << 1));
            }
        }
        if let Some(k) = resolve(seu_k, &[&t.seu_numero]) {
            seu.push((k, i));
        }
    }

    fn index_keys(&mut self, i: usize, t: &Titulo, linked: Option<&str>) {
        let Some(i) = u32::try_from(i).ok().filter(|&i| (i as usize) < MAX_TITLES) else {
            return;
        };
        let bank = t.banco.code();
        let (body, dv) = split_nosso_numero(&t.nosso_numero, t.nosso_numero_dv.as_deref());
        if let Some(k) = self.long.intern_parts(bank, &[body]) {
            self.by_nn.insert(k, i, true);
            if let Some(k) = dv.and_then(|dv| self.long.intern_parts(bank, &[body, dv])) {
                self.by_nn.insert(k, i, false);
            }
        }
        if let Some(k) = self.long.intern_parts(bank, &[&t.seu_numero]) {
            self.by_seu.insert(k, i, true);
        }
        if let Some(k) = linked.and_then(|nn| self.long.intern_parts(bank, &[nn])) {
            self.by_nn.insert(k, i, true);
        }
    }

    fn index(&mut self, i: usize, t: &Titulo) {
        self.index_keys(i, t, None);
        self.index_rest(i, t);
    }

    /// Everything [`MemoryBook::index`] keeps of a title but its matching keys.
    fn index_rest(&mut self, i: usize, t: &Titulo) {
        // Without the id map (reconcile), no id slot either: `ids` may stay shorter than `titles` (filled on use).
        if let Some(by_id) = &mut self.by_id {
            let id: Arc<str> = Arc::from(t.id.as_str());
            by_id.insert(id.clone(), u32::try_from(i).unwrap_or(u32::MAX));
            if self.ids.len() < i {
                self.ids.resize(i, None);
            }
            self.ids.push(Some(id));
        }
        self.states.push(TitleState::default());
        if let Some(h) = &mut self.history {
            h.push(vec![Event::Imported {
                titulo: Box::new(t.clone()),
            }]);
        }
    }

    /// The id → title map, built on first use.
    fn by_id(&mut self) -> &HashMap<Arc<str>, u32> {
        let Self {
            by_id, titles, ids, ..
        } = self;
        by_id.get_or_insert_with(|| {
            let mut m = HashMap::with_capacity_and_hasher(titles.len(), Default::default());
            if ids.len() < titles.len() {
                ids.resize(titles.len(), None);
            }
            for (i, (t, id)) in titles.iter().zip(ids.iter_mut()).enumerate() {
                let id = id.get_or_insert_with(|| Arc::from(t.id.as_str())).clone();
                m.insert(id, u32::try_from(i).unwrap_or(u32::MAX));
            }
            m
        })
    }

    /// Index of a title by id, without building the map (a scan when it is not built).
    fn find_id(&self, id: &str) -> Option<u32> {
        match &self.by_id {
            Some(m) => m.get(id).copied(),
            None => self
                .titles
                .iter()
                .position(|t| t.id == id)
                .and_then(|i| u32::try_from(i).ok()),
        }
    }

    /// Add a title, or replace the data of one with the same id (its state is kept). Returns `true` when new.
    pub fn upsert(&mut self, t: Titulo) -> bool {
        if let Some(i) = self.by_id().get(t.id.as_str()).copied() {
            let i = i as usize;
            if self.titles.get(i) == Some(&t) {
                return false;
            }
            // drop the old keys: rebuild the indexes (rare: an ERP correcting a title)
            if let Some(x) = self.titles.to_mut().get_mut(i) {
                *x = t.clone();
            }
            self.reindex();
            if let Some(h) = self.history.as_mut().and_then(|h| h.get_mut(i)) {
                h.push(Event::Imported {
                    titulo: Box::new(t),
                });
            }
            return false;
        }
        let i = self.titles.len();
        self.index(i, &t);
        self.titles.to_mut().push(t);
        true
    }

    fn reindex(&mut self) {
        self.by_nn.clear();
        self.nn_sorted = Vec::new();
        self.by_seu.clear();
        self.seu_sorted = Vec::new();
        self.long = LongKeys::default();
        let titles = std::mem::take(&mut self.titles);
        for (i, t) in titles.iter().enumerate() {
            let linked = self
                .states
                .get(i)
                .and_then(|s| s.linked_nosso_numero.clone());
            self.index_keys(i, t, linked.as_deref());
        }
        self.titles = titles;
    }

    /// Each entry's lookup by its nosso número as written (the first lookup of [`locate`]), made for the whole
    /// file in one tight loop of hash probes whose cache misses the processor overlaps (made one by one between the
    /// classification of entries, each waits for memory): the title's index with [`EXACT`], or [`PROBED_NONE`],
    /// or [`PROBED_ASK`].
    ///
    /// `keys` are the entries' packed keys ([`entry_probe_key`]). They are sorted with their positions and walked
    /// beside the titles' sorted keys: memory read in order, where a probe of a hash table per entry waits for a
    /// cache miss or two (a million titles' table is tens of megabytes).
    ///
    /// A title found is then checked against the file's agreements (on every core: it depends on the title alone),
    /// as [`locate`] would check it: one it refuses is [`PROBED_ASK`], asked again the ordinary way.
    fn probe_nosso_numeros(&self, ctx: &FileContext, keys: &[PKey]) -> Vec<u32> {
        let mut out = vec![PROBED_ASK; keys.len()];
        if u32::try_from(keys.len()).is_err() {
            return out;
        }
        let mut order: Vec<(PKey, u32)> = keys
            .iter()
            .zip(0u32..)
            .filter(|(k, _)| **k != NO_KEY)
            .map(|(k, i)| (*k, i))
            .collect();
        order.par_sort_unstable();
        let titles = self.nn_sorted.as_slice();
        let mut j = 0;
        for &(k, pos) in &order {
            while titles.get(j).is_some_and(|t| t.0 < k) {
                j += 1;
            }
            let here = |j: usize| titles.get(j).filter(|t| t.0 == k).map(|t| t.1);
            let sorted = match (here(j), here(j + 1)) {
                (None, _) => PROBED_NONE,
                (Some(v), None) => v >> 1 | if v & 1 != 0 { EXACT } else { 0 },
                (Some(_), Some(_)) => PROBED_ASK,
            };
            // titles added after the book was made are in the hash index
            let probed = match (sorted, self.by_nn.one.get(&k)) {
                (p, None) => p,
                (PROBED_NONE, Some(&v)) => v,
                (_, Some(_)) => PROBED_ASK,
            };
            if let Some(o) = out.get_mut(pos as usize) {
                *o = probed;
            }
        }
        out.par_iter_mut()
            .with_min_len(PAR_MIN_LEN)
            .filter(|p| **p != PROBED_ASK && **p != PROBED_NONE)
            .for_each(|p| {
                let i = *p & !EXACT;
                let c = Candidate {
                    r: u64::from(i),
                    exact: *p & EXACT != 0,
                    convenio: self
                        .titles
                        .get(i as usize)
                        .and_then(|t| Key::of(&[&t.convenio])),
                };
                if ctx.pick(std::slice::from_ref(&c)).is_none() {
                    *p = PROBED_ASK;
                }
            });
        out
    }

    /// The entry's title from its pre-probed lookup, when that settles it: `Some(found)` exactly as [`locate`]
    /// would answer, `None` when [`locate`] must be asked (another lookup may find it, a link may have added a key
    /// since the probe, or several titles share the key).
    ///
    /// A single title found by the probe was accepted there by the file's agreement rule, so [`FileContext::pick`]
    /// would choose it.
    fn located(&self, probed: u32) -> Option<Option<(TitleRef, MatchedBy)>> {
        if self.linked || probed == PROBED_ASK || probed == PROBED_NONE {
            return None;
        }
        Some(Some((u64::from(probed & !EXACT), MatchedBy::NossoNumero)))
    }

    /// The titles and their states.
    pub fn titles(&self) -> impl Iterator<Item = (&Titulo, &TitleState)> {
        self.titles.iter().zip(self.states.iter())
    }

    /// A title's history.
    pub fn history(&self, id: &str) -> Option<&[Event]> {
        let i = self.find_id(id)? as usize;
        self.history.as_ref()?.get(i).map(Vec::as_slice)
    }

    /// Index of a title by id.
    pub(crate) fn index_of(&self, id: &str) -> Option<TitleRef> {
        self.find_id(id).map(u64::from)
    }

    pub(crate) fn push_event(&mut self, r: TitleRef, ev: Event) {
        if let Some(h) = self.history.as_mut().and_then(|h| h.get_mut(r as usize)) {
            h.push(ev);
        }
    }

    fn candidates(&self, by_seu: bool, bank: u16, k: &Key, out: &mut Vec<Candidate>) {
        let Some(k) = self.long.find(bank, k) else {
            return;
        };
        if by_seu {
            let from = self.seu_sorted.partition_point(|x| x.0 < k);
            for &(_, i) in self
                .seu_sorted
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|x| x.0 == k)
            {
                out.push(Candidate {
                    r: u64::from(i),
                    exact: true,
                    convenio: self
                        .titles
                        .get(i as usize)
                        .and_then(|t| Key::of(&[&t.convenio])),
                });
            }
        }
        if !by_seu {
            let from = self.nn_sorted.partition_point(|x| x.0 < k);
            for &(_, v) in self
                .nn_sorted
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|x| x.0 == k)
            {
                out.push(Candidate {
                    r: u64::from(v >> 1),
                    exact: v & 1 != 0,
                    convenio: self
                        .titles
                        .get((v >> 1) as usize)
                        .and_then(|t| Key::of(&[&t.convenio])),
                });
            }
        }
        let sorted = out.len();
        let map = if by_seu { &self.by_seu } else { &self.by_nn };
        map.get(&k, |i, exact| {
            // one candidate per title, as one index would give it
            if let Some(c) = out
                .get_mut(..sorted)
                .and_then(|s| s.iter_mut().find(|c| c.r == u64::from(i)))
            {
                c.exact |= exact;
                return;
            }
            out.push(Candidate {
                r: u64::from(i),
                exact,
                convenio: self
                    .titles
                    .get(i as usize)
                    .and_then(|t| Key::of(&[&t.convenio])),
            })
        });
    }
}

impl Book for MemoryBook<'_> {
    type Error = std::convert::Infallible;

    fn find_by_nosso_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), Self::Error> {
        self.candidates(false, bank, key, out);
        Ok(())
    }

    fn find_by_seu_numero(
        &mut self,
        bank: u16,
        key: &Key,
        out: &mut Vec<Candidate>,
    ) -> Result<(), Self::Error> {
        self.candidates(true, bank, key, out);
        Ok(())
    }

    fn find_by_id(&mut self, id: &str, out: &mut Vec<Candidate>) -> Result<(), Self::Error> {
        if let Some(&i) = self.by_id().get(id) {
            out.push(Candidate {
                r: u64::from(i),
                exact: true,
                convenio: self
                    .titles
                    .get(i as usize)
                    .and_then(|t| Key::of(&[&t.convenio])),
            });
        }
        Ok(())
    }

    fn title(&mut self, r: TitleRef) -> Result<Cow<'_, Titulo>, Self::Error> {
        Ok(match self.titles.get(r as usize) {
            Some(t) => Cow::Borrowed(t),
            // refs come from this book's own lookups
            None => Cow::Owned(Titulo::new("", 0, "", Decimal::ZERO, NaiveDate::MIN)),
        })
    }

    fn title_id(&mut self, r: TitleRef) -> Result<Arc<str>, Self::Error> {
        let i = r as usize;
        if self.ids.len() < self.titles.len() {
            self.ids.resize(self.titles.len(), None);
        }
        Ok(match (self.ids.get_mut(i), self.titles.get(i)) {
            (Some(slot), Some(t)) => slot.get_or_insert_with(|| Arc::from(t.id.as_str())).clone(),
            _ => Arc::from(""),
        })
    }

    fn state(&mut self, r: TitleRef) -> Result<TitleState, Self::Error> {
        Ok(self.states.get(r as usize).cloned().unwrap_or_default())
    }

    fn claim(&mut self, identity: &EntryId, _line: usize) -> Result<bool, Self::Error> {
        Ok(self.seen.insert(*identity))
    }

    fn link(
        &mut self,
        r: TitleRef,
        nosso_numero: &str,
        dv: Option<&str>,
    ) -> Result<(), Self::Error> {
        let Some(t) = self.titles.get(r as usize) else {
            return Ok(());
        };
        let bank = t.banco.code();
        self.linked = true;
        if let Some(i) = u32::try_from(r).ok().filter(|&i| (i as usize) < MAX_TITLES) {
            if let Some(k) = self.long.intern_parts(bank, &[nosso_numero]) {
                self.by_nn.insert(k, i, true);
            }
            if let Some(k) = dv.and_then(|dv| self.long.intern_parts(bank, &[nosso_numero, dv])) {
                self.by_nn.insert(k, i, false);
            }
        }
        if let Some(s) = self.states.get_mut(r as usize) {
            s.linked_nosso_numero = Some(nosso_numero.to_string());
        }
        let file_id = self.file_id.clone();
        self.push_event(
            r,
            Event::Linked {
                nosso_numero: nosso_numero.to_string(),
                file_id,
            },
        );
        Ok(())
    }

    fn set_state(&mut self, r: TitleRef, s: &TitleState) -> Result<(), Self::Error> {
        if let Some(x) = self.states.get_mut(r as usize) {
            *x = s.clone();
        }
        Ok(())
    }

    fn record(&mut self, o: &EntryOutcome, r: Option<TitleRef>) -> Result<(), Self::Error> {
        if let (Some(r), true) = (r, self.history.is_some()) {
            let file_id = self.file_id.clone();
            self.push_event(
                r,
                Event::Entry {
                    file_id,
                    outcome: Box::new(o.clone()),
                },
            );
        }
        Ok(())
    }
}

/// The result of [`reconcile`]: one compact row per entry ([`OutcomeRow`]), the full rows on demand.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    titles: &'a [Titulo],
    retorno: &'a Retorno,
    /// One compact outcome per entry, in file order (`title` is the index in the titles given).
    pub rows: Vec<OutcomeRow>,
    /// The entries' identities, in file order.
    pub identities: Vec<EntryId>,
    /// Count per outcome.
    pub outcomes: std::collections::BTreeMap<Outcome, usize>,
    /// Each title's state after the file.
    pub states: Vec<TitleState>,
}

impl Report<'_> {
    /// Entries in the file (one outcome each).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The file had no entries.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The full outcome of the `i`-th entry (0-based, file order): the compact row with the entry's amounts and
    /// reasons, the title's id and the breakdown of the amount due (computed again from the title's rules).
    pub fn entry(&self, i: usize) -> Option<EntryOutcome> {
        let row = self.rows.get(i)?;
        let e = self.retorno.entries.get(i)?;
        let identity = *self.identities.get(i)?;
        let title = row
            .title()
            .and_then(|r| usize::try_from(r).ok())
            .and_then(|r| self.titles.get(r));
        let breakdown = match (row.has_breakdown(), title, row.date) {
            (true, Some(t), Some(d)) => Some(valor_devido(t, d)),
            _ => None,
        };
        let title_id = title.map(|t| Arc::from(t.id.as_str()));
        Some(EntryOutcome::from_row(
            e, identity, row, title_id, breakdown,
        ))
    }

    /// Every full outcome, in file order.
    pub fn entries(&self) -> Vec<EntryOutcome> {
        (0..self.rows.len()).filter_map(|i| self.entry(i)).collect()
    }
}

impl serde::Serialize for Report<'_> {
    /// `{"entries": [full outcomes], "outcomes": {name: count}}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Entries<'r, 'a>(&'r Report<'a>);
        impl serde::Serialize for Entries<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq((0..self.0.rows.len()).filter_map(|i| self.0.entry(i)))
            }
        }
        let mut st = s.serialize_struct("Report", 2)?;
        st.serialize_field("entries", &Entries(self))?;
        st.serialize_field("outcomes", &self.outcomes)?;
        st.end()
    }
}

/// For each identity, whether an equal one comes earlier in the file: found by sorting the identities' prefixes
/// with their positions, 8 bytes an entry written in order, rather than by filling a hash set of the 32-byte
/// identities (random writes into a table eight times that size).
fn repeated(ids: &[EntryId]) -> Vec<bool> {
    // Each identity's first 8 bytes with its position in the low bits: one u64 an entry (8 bytes, sorted as
    // plain integers). The identities are SHA-256 digests, so the 40 bits of prefix left rarely tie; ties are
    // compared whole.
    const POS_BITS: u32 = 24;
    const POS: u64 = (1 << POS_BITS) - 1;
    if ids.len() as u64 > POS {
        return repeated_wide(ids);
    }
    let mut v: Vec<u64> = ids
        .iter()
        .zip(0u64..)
        .map(|(id, i)| (prefix(id) & !POS) | i)
        .collect();
    v.par_sort_unstable();
    let mut out = vec![false; ids.len()];
    for group in v
        .chunk_by(|a, b| a >> POS_BITS == b >> POS_BITS)
        .filter(|g| g.len() > 1)
    {
        // sorted by position within the group: each is compared with the ones before it
        for (k, &x) in group.iter().enumerate() {
            let i = (x & POS) as usize;
            let earlier = group.get(..k).unwrap_or_default();
            if earlier
                .iter()
                .any(|&y| ids.get((y & POS) as usize) == ids.get(i))
            {
                if let Some(o) = out.get_mut(i) {
                    *o = true;
                }
            }
        }
    }
    out
}

/// An identity's first 8 bytes.
fn prefix(id: &EntryId) -> u64 {
    id.0.first_chunk::<8>()
        .map_or(0, |p| u64::from_be_bytes(*p))
}

/// [`repeated`] for files of 2^24 entries or more: (prefix, position) pairs.
fn repeated_wide(ids: &[EntryId]) -> Vec<bool> {
    let mut v: Vec<(u64, usize)> = ids.iter().map(prefix).zip(0..).collect();
    v.sort_unstable();
    let mut out = vec![false; ids.len()];
    for group in v.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        // sorted by position within the group: each is compared with the ones before it
        for (k, &(_, i)) in group.iter().enumerate() {
            let earlier = group.get(..k).unwrap_or_default();
            if earlier.iter().any(|&(_, j)| ids.get(j) == ids.get(i)) {
                if let Some(x) = out.get_mut(i) {
                    *x = true;
                }
            }
        }
    }
    out
}

/// Reconcile a retorno against titles in memory, without a ledger: one outcome per entry.
///
/// ```
/// use baixa::{reconcile, Titulo, Outcome};
/// use cnab_core::{Retorno, RetornoEntry, Ocorrencia, OcorrenciaKind, Bank, Layout, Header};
/// use chrono::NaiveDate;
/// let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
/// let titles = vec![Titulo::new("NF-1", 341, "12345678", "100.00".parse().unwrap(), d(3, 10))];
/// let entry = RetornoEntry {
///     nosso_numero: "00012345678".into(),
///     ocorrencia: Some(Ocorrencia { code: "06".into(), kind: OcorrenciaKind::Liquidacao, description: String::new() }),
///     data_ocorrencia: Some(d(3, 9)),
///     valor_pago: Some("100.00".parse().unwrap()),
///     line: 3,
///     ..Default::default()
/// };
/// let retorno = Retorno { bank: Bank::new(341), layout: Layout::Cnab400, header: Header::default(),
///                         entries: vec![entry.clone(), entry], records: vec![], problems: vec![] };
/// let report = reconcile(&titles, &retorno);
/// assert_eq!(report.rows[0].outcome, Outcome::Paid);
/// assert_eq!(report.rows[1].outcome, Outcome::Duplicate);
/// assert_eq!(report.entry(0).unwrap().title_id.as_deref(), Some("NF-1"));
/// ```
pub fn reconcile<'a>(titles: &'a [Titulo], retorno: &'a Retorno) -> Report<'a> {
    // The titles' index and the entries' identities and keys are independent: made side by side (each on every
    // core it can get), then the repeats within the file and the first lookups.
    let bank = retorno.bank.code();
    let (mut book, (ctx, keys)) = rayon::join(
        || MemoryBook::new(titles, false),
        || FileContext::build_keyed(retorno, false, |e, shape| entry_probe_key(bank, e, shape)),
    );
    let (repeated, probed) = rayon::join(
        || repeated(&ctx.identities),
        || book.probe_nosso_numeros(&ctx, &keys),
    );
    drop(keys);
    let mut buf = Vec::with_capacity(4);
    let mut rows = Vec::with_capacity(retorno.entries.len());
    let mut counts = [0usize; Outcome::ALL.len()];
    for ((e, again), probed) in retorno.entries.iter().zip(repeated).zip(probed) {
        let fresh = !again;
        let classified = match book.located(probed) {
            Some(found) => classify_found(&mut book, e, fresh, found),
            None => classify_entry(&mut book, &ctx, e, fresh, &mut buf),
        };
        let row = match classified {
            Ok((row, _)) => row,
            Err(e) => match e {},
        };
        if let Some(c) = Outcome::ALL
            .iter()
            .position(|o| *o == row.outcome)
            .and_then(|i| counts.get_mut(i))
        {
            *c += 1;
        }
        rows.push(row);
    }
    let outcomes = Outcome::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(o, n)| (*o, n))
        .collect();
    Report {
        titles,
        retorno,
        rows,
        identities: ctx.identities,
        outcomes,
        states: book.states,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn packing_in_place_is_packing_the_built_key() {
        let samples = [
            "",
            "0",
            "000",
            "12345678",
            "000123",
            "4503599627370495",
            "4503599627370496",
            "99999999999999999999",
            "s123",
            "S-12/3",
            "ab0c",
            "0a0",
            "ABCDEFGHI",
            "ABCDEFGHIJ",
            "abcdefghijklmnopqrstuvwx",
            "abcdefghijklmnopqrstuvwxy",
            "çã1",
            "—",
            "12 34",
            "ZZZZZZZZZ",
        ];
        let mut long = LongKeys::default();
        for bank in [0u16, 1, 341, 1023, 1024, u16::MAX] {
            for a in samples {
                for b in ["", "7", "x"] {
                    let parts = [a, b];
                    let built = Key::of(&parts);
                    if let Some(fast) = pack_parts(bank, &parts) {
                        assert_eq!(
                            fast,
                            built.as_ref().and_then(|k| pack(bank, k)),
                            "{parts:?}"
                        );
                    }
                    let interned = long.intern_parts(bank, &parts);
                    assert_eq!(interned.is_some(), built.is_some());
                    if let Some(k) = &built {
                        assert_eq!(long.find(bank, k), interned, "{parts:?} {bank}");
                    }
                }
            }
        }
        // different keys never share a packed key
        let mut seen = std::collections::HashMap::new();
        for bank in [0u16, 341, 2000] {
            for a in samples {
                if let Some(k) = Key::of(&[a]) {
                    let p = long.intern(bank, k.clone());
                    if let Some(prev) = seen.insert(p, (bank, k.clone())) {
                        assert_eq!(prev, (bank, k));
                    }
                }
            }
        }
    }

    #[test]
    fn repeated_marks_every_later_equal_identity() {
        // 1/1 and 1/2 share their first 8 bytes (the sort key) and differ after it
        let id = |a: u8, b: u8| {
            let mut x = [0u8; 32];
            x[0] = a;
            x[31] = b;
            EntryId(x)
        };
        let ids = [
            id(1, 1),
            id(2, 0),
            id(1, 2),
            id(1, 1),
            id(2, 0),
            id(1, 2),
            id(3, 3),
            id(1, 1),
        ];
        let want = [false, false, false, true, true, true, false, true];
        assert_eq!(repeated(&ids), want);
        assert_eq!(repeated_wide(&ids), want);
        assert_eq!(repeated(&[]), Vec::<bool>::new());
        // equal in the 40 bits of prefix the packed sort keeps, different after them
        let mut a = id(9, 9);
        let mut b = id(9, 9);
        a.0[6] = 1;
        b.0[6] = 2;
        assert_eq!(repeated(&[a, b, a, b]), [false, false, true, true]);
    }

    #[test]
    fn an_index_keeps_every_title_of_a_key() {
        let mut ix = Index::default();
        ix.insert(7, 1, true);
        ix.insert(7, 1, false); // the same title again keeps `exact`
        ix.insert(8, 2, false);
        ix.insert(8, 2, true);
        ix.insert(9, 3, false);
        ix.insert(9, 4, true);
        ix.insert(9, 3, true);
        ix.insert(9, 5, false);
        let get = |k| {
            let mut v = Vec::new();
            ix.get(&k, |i, e| v.push((i, e)));
            v
        };
        assert_eq!(get(7), [(1, true)]);
        assert_eq!(get(8), [(2, true)]);
        assert_eq!(get(9), [(3, true), (4, true), (5, false)]);
        assert_eq!(get(10), []);
    }
}
