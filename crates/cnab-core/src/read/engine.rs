//! The engine's feed: the state machine that turns identified lines into entries and titles, checking
//! conservation as it goes.

use super::*;
use crate::field::FieldSpec;

/// A finished unit of reading; the entry or title itself is pushed onto the engine's `entries` / `titulos`, so the
/// large model values are built in place rather than moved through return values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    Entry,
    Titulo,
}

/// The state machine shared by the in-memory and streaming readers: fed one line at a time.
///
/// Conservation checks (each a problem naming the line; strict reading stops at the first):
/// - record sequence numbers: CNAB 400 positions 395-400 over the file, CNAB 240 positions 9-13 within each batch
///   (FEBRABAN 240 v10.7 §3.2, "Nº Sequencial do Registro no Lote"). A number is accepted when it follows the
///   previous record's or matches the record's position, so one moved, missing or repeated record is reported once,
///   not on every record after it;
/// - CNAB 240: every record's lote (4-7) is its batch header's, every record's bank (1-3) the file header's;
/// - the records of an entry come in the order of the layout's entry table, each at most once (a segment U after
///   a U, a Y before the U, are problems, not parts of the entry); so an entry holds at most as many records as its
///   table lists (at most [`MAX_ENTRY_RECORDS`]), whatever the input;
/// - a detail record the layout defines but that is no part of this kind's entries (segment P in a retorno, T in a
///   remessa) is a problem, never an entry;
/// - CNAB 240: an entry lacks no record FEBRABAN makes mandatory (the U of a T, the Q of a P);
/// - CNAB 400: a continuation record (a type that does not start an entry) whose bytes are a complete
///   entry-starting record, with a nosso número and an ocorrência/movimento, is a detail whose type byte changed:
///   a problem, not a part of the previous entry;
/// - a blank line between records is a tolerated file defect ([`ErrorKind::BlankLine`]), not a record.
pub(crate) struct Engine<'a> {
    pub spec: &'static LayoutSpec,
    pub lenient: bool,
    /// Finished retorno entries.
    pub entries: Vec<RetornoEntry>,
    /// Finished remessa titles.
    pub titulos: Vec<Titulo>,
    pub problems: Vec<Error>,
    pub header: Header,
    pub keep_records: bool,
    /// Offset in `source` of the line being fed.
    pub(super) at: Option<usize>,
    /// The whole input, shared by the kept records (in-memory reading).
    pub(super) source: Option<std::sync::Arc<[u8]>>,
    pub records: Vec<RawRecord>,
    pub(super) header_lines: Vec<(usize, &'static RecordLayout, Cow<'a, [u8]>)>,
    pub(super) current: Vec<(usize, &'static RecordLayout, Cow<'a, [u8]>)>,
    /// Index in the entry table of the current entry's first and last record; which table rows it holds.
    pub(super) current_first: usize,
    pub(super) current_last: usize,
    pub(super) current_has: u64,
    /// The file's entry-starting record type that carries a nosso número ([`detail_type_vote`], else the first).
    pub detail_type: Option<RecordKey>,
    /// Whether that type won a tied vote, and the line of its first record.
    pub detail_tie: bool,
    pub(super) detail_type_line: Option<usize>,
    /// Whether a record that cannot follow the current entry's first was reported against it.
    pub(super) current_disputed: bool,
    /// Field problems already reported for lines of the entries being assembled: (line, columns).
    pub(super) entry_errs: Vec<(usize, Option<(u16, u16)>)>,
    pub(super) seen_header: bool,
    pub(super) seen_trailer: bool,
    /// The file trailer's line, until a record after it has been reported.
    pub(super) trailer_line: Option<usize>,
    pub(super) in_batch: bool,
    /// The lote number of the open batch's header (CNAB 240), which its records must repeat.
    pub(super) batch_lote: Option<u64>,
    /// The file's bank code (CNAB 240 1-3, as detected), which every record must repeat.
    pub header_bank: Option<[u8; 3]>,
    /// The previous record's sequence number and the position of the record being fed (CNAB 400: in the file;
    /// CNAB 240: segments in the batch).
    pub(super) seq_prev: Option<u64>,
    pub(super) seg_index: u64,
    pub(super) batch_records: u64,
    pub(super) batches: u64,
    pub(super) total: u64,
    pub(super) last_line: usize,
    /// A file without trailer: the header's declared record count, with its line, record and field.
    /// The line of the title whose company inscrição the header took (`None`: the header record's own).
    company_line: Option<usize>,
    /// The line of the title whose account field (agência, its DV, conta, its DV, convênio, código do beneficiário,
    /// in [`ACCOUNT_ROLES`] order) the header took (`None`: the header record's own, or not given yet).
    account_lines: [Option<usize>; 6],
    /// Line buffers of the streaming reader whose entry is built, handed back to it for reuse.
    pub(super) spare: Vec<Vec<u8>>,
    /// The ocorrência and motivo tables indexed by code, built once per file.
    pub(super) codes: std::sync::Arc<crate::read::codes::CodeIndex>,
    /// What feeding a line of each record layout checks, worked out once per file.
    pub(super) plans: Vec<CheckPlan>,
    /// The index in `plans` of the last two layouts looked up (most recent first): a file's lines repeat one or two
    /// record layouts (CNAB 400's detail; CNAB 240's segments T and U), so the lookup rarely scans `plans`.
    plan_hint: [usize; 2],
    /// Reading views: retorno entries are kept as their records instead of being built.
    pub(super) views: Option<crate::read::view::ViewSink<'a>>,
    /// CNAB 240: the tables of the open batch when its service code names another product than the file's
    /// (a pagamentos or extrato batch in a cobrança file, [`product_spec_240`]): its records are kept with those
    /// tables and checked (fields, lote, bank, sequence, the batch's count), never made entries.
    pub(super) foreign: Option<&'static LayoutSpec>,
    /// Batches read with the file's own tables.
    pub(super) own_batches: u64,
    pub(super) header_count: Option<(
        usize,
        &'static RecordLayout,
        &'static crate::field::FieldSpec,
        u64,
    )>,
}

/// The beneficiário's account fields a remessa's titles may repeat ([`Engine::account_on_titles`]), in the order of
/// `Engine::account_lines`.
const ACCOUNT_ROLES: [Role; 6] = [
    Role::Agencia,
    Role::AgenciaDv,
    Role::Conta,
    Role::ContaDv,
    Role::Convenio,
    Role::CodigoBeneficiario,
];

/// The account fields whose header value cannot be compared with the detail's of the same role, per bank and
/// layout: a título's value that differs from the header's is no contradiction there.
/// - Banco do Brasil CNAB 400 (CBR641): the header's 130-136 is the convênio líder, the detail's 32-38 (CBR641) or
///   41-46 (CBR640) the convênio de cobrança of the título, which may be another of the company's convênios.
/// - The AUTBANK CNAB 400 platform (Fibra 224, Delbank 435, Rendimento 633, Pine 643, Daycoval 707; see
///   `banks::fibra::cnab400`): the header's código da empresa (27-46) and the detalhe's (18-37) are written in two
///   formats (Rendimento's real remessa: `00010005447390` in the header, `5447390` then blanks and zeros in the
///   detalhe).
const HEADER_OTHER_FACT: &[([u8; 3], Layout, &[Role])] = &[
    (*b"001", Layout::Cnab400, &[Role::Convenio]),
    (*b"224", Layout::Cnab400, &[Role::CodigoBeneficiario]),
    (*b"435", Layout::Cnab400, &[Role::CodigoBeneficiario]),
    (*b"633", Layout::Cnab400, &[Role::CodigoBeneficiario]),
    (*b"643", Layout::Cnab400, &[Role::CodigoBeneficiario]),
    (*b"707", Layout::Cnab400, &[Role::CodigoBeneficiario]),
];

/// Whether the header's `role` field is another fact than the detail's for the file's bank ([`HEADER_OTHER_FACT`]).
fn header_other_fact(bank: Option<[u8; 3]>, spec: &LayoutSpec, role: Role) -> bool {
    HEADER_OTHER_FACT
        .iter()
        .any(|(b, l, roles)| Some(*b) == bank && *l == spec.layout && roles.contains(&role))
}

/// A título's `value` of a field the model keeps once in the header (`what`), differing from the `kept` one (the
/// header record's own, or the título's on line `from`): a structure problem on the título's field, since a remessa
/// is one `whose`'s.
fn differs(
    r: &Record<'_>,
    f: &FieldSpec,
    (what, value): (&str, &str),
    (from, kept): (Option<usize>, &str),
    whose: &str,
) -> Error {
    let from = match from {
        Some(l) => format!("line {l}'s"),
        None => "the header's".to_string(),
    };
    Error::at_field(
        r.line,
        r.layout.name,
        f,
        ErrorKind::structure(format!(
            "{what} {value} differs from {from} {kept} (a remessa is one {whose}'s)"
        )),
    )
}

/// The most records an entry holds. Each row of an entry table appears at most once, in order, except CNAB 240
/// segment Y (several optional records per title), so an entry is normally far smaller; a record beyond this limit
/// is reported ([`ErrorKind::SegmentOrder`]) and not held, so one segment T followed by a million Y lines costs
/// constant memory.
pub const MAX_ENTRY_RECORDS: usize = 64;

impl<'a> Engine<'a> {
    pub fn new(
        spec: &'static LayoutSpec,
        lenient: bool,
        problems: Vec<Error>,
        keep_records: bool,
    ) -> Self {
        Engine {
            spec,
            lenient,
            entries: Vec::new(),
            titulos: Vec::new(),
            problems,
            header: Header::default(),
            keep_records,
            source: None,
            at: None,
            records: Vec::new(),
            header_lines: Vec::new(),
            current: Vec::new(),
            current_first: 0,
            current_last: 0,
            current_has: 0,
            current_disputed: false,
            detail_type: None,
            detail_tie: false,
            detail_type_line: None,
            entry_errs: Vec::new(),
            seen_header: false,
            seen_trailer: false,
            trailer_line: None,
            in_batch: false,
            batch_lote: None,
            header_bank: None,
            seq_prev: None,
            seg_index: 0,
            batch_records: 0,
            batches: 0,
            total: 0,
            last_line: 0,
            header_count: None,
            foreign: None,
            own_batches: 0,
            company_line: None,
            account_lines: [None; 6],
            spare: Vec::new(),
            codes: std::sync::Arc::new(crate::read::codes::CodeIndex::new(spec)),
            views: None,
            plans: CheckPlan::for_spec(spec),
            plan_hint: [0, 0],
        }
    }

    pub(super) fn problem(&mut self, e: Error) -> Result<()> {
        if self.lenient {
            self.problems.push(e);
            Ok(())
        } else {
            Err(e)
        }
    }

    pub(super) fn problems_from(&mut self, found: Vec<Error>) -> Result<()> {
        for e in found {
            self.problem(e)?;
        }
        Ok(())
    }

    /// Feeds one line; returns a finished entry when this line closes one.
    pub fn feed(
        &mut self,
        line_no: usize,
        raw: Cow<'a, [u8]>,
        ending: LineEnding,
    ) -> Result<Option<Event>> {
        self.last_line = line_no;
        let blank = is_blank(&raw);
        let key = if blank {
            None
        } else {
            classify(self.spec, &raw)
        };
        if key == Some(RecordKey::BatchHeader) && self.spec.layout == Layout::Cnab240 {
            // A layout per batch: a batch whose service code (10-11) names another product is read with its
            // product's tables.
            self.foreign = batch_product_240(&raw)
                .filter(|p| *p != Product::Cobranca)
                .and_then(product_spec_240);
        }
        let spec = match (key, self.foreign) {
            (
                Some(RecordKey::BatchHeader | RecordKey::Segment(_) | RecordKey::BatchTrailer),
                Some(f),
            ) => f,
            _ => self.spec,
        };
        let layout = key.and_then(|k| spec.record_for(k, &raw));
        // The record's own length (BRB's "DCB" header is 39 bytes), else the layout's.
        let len = layout.map_or(self.spec.layout.line_len(), |l| l.len);
        if self.keep_records {
            let rec = match (&self.source, self.at) {
                (Some(src), Some(at)) => {
                    RawRecord::shared(line_no, layout, src.clone(), at, at + raw.len(), ending)
                }
                _ => RawRecord::new(line_no, layout, raw.to_vec(), ending),
            };
            self.records.push(rec);
        }
        if blank {
            // Not a record: it counts toward no total and breaks no sequence.
            self.problem(Error::at_line(line_no, ErrorKind::BlankLine))?;
            return Ok(None);
        }
        if raw.len() != len && !utf8_fits(&raw, len) {
            self.problem(Error::at_line(
                line_no,
                ErrorKind::LineLength {
                    expected: len,
                    found: raw.len(),
                },
            ))?;
        }
        // Every line counts toward the trailers' totals, even one we cannot place.
        self.total += 1;
        if self.in_batch {
            self.batch_records += 1;
        }
        if matches!(key, Some(RecordKey::Segment(_))) {
            self.seg_index += 1;
        }
        let (Some(key), Some(layout)) = (key, layout) else {
            let found = match key {
                Some(k) => k.to_string(),
                None => String::from_utf8_lossy(raw.get(..14).unwrap_or(&raw)).into_owned(),
            };
            let layout_name = format!("{} {} {}", spec.layout, spec.kind, spec.source);
            self.problem(Error::at_line(
                line_no,
                ErrorKind::UnknownRecord {
                    found,
                    layout: layout_name,
                },
            ))?;
            return Ok(None);
        };
        if self.seen_trailer {
            if let Some(trailer) = self.trailer_line.take() {
                self.problem(Error::at_line(
                    trailer,
                    ErrorKind::TrailerBeforeEnd { next_line: line_no },
                ))?;
            }
            self.problem(Error::at_line(
                line_no,
                ErrorKind::structure("record after the file trailer"),
            ))?;
        }
        if !self.seen_header && key != RecordKey::FileHeader {
            self.seen_header = true; // report once
            self.problem(Error::at_line(line_no, ErrorKind::MissingHeader))?;
        }
        let fitted: Cow<'a, [u8]> = match raw {
            Cow::Borrowed(b) => fit_line(b, len),
            Cow::Owned(v) if v.len() == len => Cow::Owned(v),
            Cow::Owned(v) => Cow::Owned(fit_line(&v, len).into_owned()),
        };
        let rec = Record {
            layout,
            bytes: &fitted,
            line: line_no,
        };
        if matches!(key, RecordKey::Segment(_) | RecordKey::Detail(_))
            && self.foreign.is_none()
            && !self.spec.entry.iter().any(|e| e.key == key)
        {
            // A record of the layout that is no part of this kind's entries (a remessa segment in a retorno):
            // never an entry, and its fields are not this file's.
            self.problem(Error::at_line(
                line_no,
                ErrorKind::NotInEntry {
                    found: key.to_string(),
                    file_kind: self.spec.kind.to_string(),
                },
            ))?;
            return Ok(None);
        }
        // Every field of every record is checked here: strict reading means a valid file. (CPF/CNPJ may be
        // alphanumeric since July 2026, even where a manual still prints N(14).)
        let is_entry =
            matches!(key, RecordKey::Segment(_) | RecordKey::Detail(_)) && self.foreign.is_none();
        let mut errs = Vec::new();
        // One pass over the line's bytes clears its numbers and text at once; only the fields that pass cannot
        // vouch for (dates, constants, CPF/CNPJ, numbers of more than 28 digits) are then checked one by one. A
        // line the pass does not clear is checked field by field, so the problems are the same either way.
        let plan = self.find_plan(layout).and_then(|i| self.plans.get(i));
        let cleared = plan
            .filter(|p| p.bulk_ok(rec.bytes))
            .map(|p| p.each.as_slice());
        let entry_errs = &mut self.entry_errs;
        let mut check = |f: &'static FieldSpec| {
            let raw = f.slice(rec.bytes);
            let checked =
                if matches!(f.kind, Kind::Num { .. }) && crate::write::is_inscricao(f.role) {
                    check_inscricao(raw)
                } else {
                    crate::field::check(f, raw)
                };
            if let Err(k) = checked {
                if is_entry {
                    entry_errs.push((line_no, Some((f.start, f.end))));
                }
                errs.push(Error::at_field(line_no, layout.name, f, k));
            }
        };
        match cleared {
            Some(each) => each
                .iter()
                .filter(|f| !surely_passes(f, f.slice(rec.bytes)))
                .for_each(|f| check(f)),
            None => layout.fields.iter().for_each(check),
        }
        self.problems_from(errs)?;
        self.check_lote(&rec, key)?;
        self.check_bank(&rec, key)?;
        self.check_sequence(&rec, key)?;
        match key {
            RecordKey::FileHeader => {
                if self.seen_header && self.total > 1 {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("second file header"),
                    ))?;
                }
                self.seen_header = true;
                if !self.spec.framing.file_trailer {
                    // No trailer: the header declares the file's record count (header included).
                    self.header_count = layout.by_role(Role::QtdRegistros).and_then(|f| {
                        let n = crate::field::decode_digits(f.slice(rec.bytes)).ok()??;
                        Some((line_no, layout, f, n.parse().ok()?))
                    });
                }
                self.header_lines.push((line_no, layout, fitted));
                Ok(None)
            }
            RecordKey::BatchHeader => {
                let out = self.flush()?;
                if self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("batch header inside a batch (missing batch trailer)"),
                    ))?;
                }
                self.in_batch = true;
                self.batches += 1;
                self.batch_records = 1;
                self.seq_prev = Some(0);
                self.seg_index = 0;
                if self.foreign.is_none() {
                    self.own_batches += 1;
                    if self.own_batches == 1 {
                        self.header_lines.push((line_no, layout, fitted));
                    }
                }
                Ok(out)
            }
            RecordKey::BatchTrailer => {
                let out = self.flush()?;
                if !self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("batch trailer without a batch header"),
                    ))?;
                }
                self.check_count(
                    &rec,
                    Role::QtdRegistros,
                    self.batch_records,
                    "records in the batch",
                )?;
                self.in_batch = false;
                self.foreign = None;
                self.seq_prev = None;
                self.seg_index = 0;
                Ok(out)
            }
            RecordKey::FileTrailer => {
                let out = self.flush()?;
                if self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("file trailer inside a batch (missing batch trailer)"),
                    ))?;
                }
                self.foreign = None;
                if !self.seen_trailer {
                    self.trailer_line = Some(line_no);
                }
                self.seen_trailer = true;
                match self.spec.layout {
                    Layout::Cnab240 => {
                        self.check_count(&rec, Role::QtdLotes, self.batches, "batches")?;
                        self.check_count(
                            &rec,
                            Role::QtdRegistros,
                            self.total,
                            "records in the file",
                        )?;
                    }
                    Layout::Cnab400 | Layout::Cnab150 => {
                        self.check_count(
                            &rec,
                            Role::Sequencial,
                            self.total,
                            "records in the file",
                        )?;
                    }
                }
                Ok(out)
            }
            RecordKey::Segment(_) | RecordKey::Detail(_) => {
                if self.spec.layout == Layout::Cnab240 && !self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure(format!("{key} outside a batch")),
                    ))?;
                }
                if self.foreign.is_some() {
                    // A record of another product's batch: kept (with its table) and checked, no entry's part.
                    return Ok(None);
                }
                let Some(pos) = self.spec.entry.iter().position(|e| e.key == key) else {
                    return Ok(None); // reported before its fields
                };
                // CNAB 400: a record without a nosso número of its own (a raw auxiliary or continuation record)
                // whose bytes are a complete entry-starting record is a detail whose type byte changed.
                if self.spec.layout == Layout::Cnab400
                    && self.role_field(layout, Role::NossoNumero).is_none()
                    && self.retyped(key, &fitted, line_no)?
                {
                    return Ok(None);
                }
                let starts = self.spec.entry.get(pos).is_some_and(|e| e.starts);
                if starts && self.role_field(layout, Role::NossoNumero).is_some() {
                    match self.detail_type {
                        None => {
                            self.detail_type = Some(key);
                            self.detail_type_line = Some(line_no);
                        }
                        Some(first)
                            if first != key
                                && detail_span(self.spec, first) != detail_span(self.spec, key) =>
                        {
                            if let Some(l) = self.detail_type_line.filter(|_| self.detail_tie) {
                                self.detail_tie = false;
                                self.problem(Error::at_line(
                                    l,
                                    ErrorKind::MixedDetailTypes {
                                        found: first.to_string(),
                                        first: key.to_string(),
                                    },
                                ))?;
                            }
                            self.problem(Error::at_line(
                                line_no,
                                ErrorKind::MixedDetailTypes {
                                    found: key.to_string(),
                                    first: first.to_string(),
                                },
                            ))?;
                            return Ok(None);
                        }
                        Some(_) => {
                            if self.detail_type_line.is_none() {
                                self.detail_type_line = Some(line_no);
                            }
                        }
                    }
                }
                if starts {
                    // A new entry where the current one still lacks a mandatory record: this record may be the
                    // missing one with its segment letter changed, so it is named too.
                    if !self.current.is_empty() && !self.current_disputed {
                        if let Some(missing) = self.missing_record(usize::MAX) {
                            self.problem(Error::at_line(
                                line_no,
                                ErrorKind::SkippedRecord {
                                    found: key.to_string(),
                                    missing: missing.to_string(),
                                },
                            ))?;
                        }
                    }
                    let out = self.flush()?;
                    self.current.push((line_no, layout, fitted));
                    self.current_first = pos;
                    self.current_last = pos;
                    self.current_has = 1 << (pos % 64);
                    self.current_disputed = false;
                    return Ok(out);
                }
                if self.current.is_empty() {
                    let first = self
                        .spec
                        .entry
                        .iter()
                        .find(|e| e.starts)
                        .map(|e| e.key.to_string())
                        .unwrap_or_default();
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure(format!("{key} without a preceding {first}")),
                    ))?;
                    return Ok(None);
                }
                // FEBRABAN 240 (v10.7, "Segmento Y - Registros Opcionais"): a title may carry several Y records,
                // one per identificação (Y-01 sacador, Y-03 Pix, Y-04 e-mail, Y-50 rateio, …).
                let repeats = key == RecordKey::Segment(b'Y') && pos == self.current_last;
                if (pos <= self.current_last && !repeats) || self.current.len() >= MAX_ENTRY_RECORDS
                {
                    let after = self
                        .spec
                        .entry
                        .get(self.current_last)
                        .map(|e| e.key.to_string())
                        .unwrap_or_default();
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::SegmentOrder {
                            found: key.to_string(),
                            after: after.clone(),
                        },
                    ))?;
                    if !self.current_disputed {
                        // The record it follows may be the damaged one: name it too, once per entry.
                        self.current_disputed = true;
                        let prev_line = self.current.last().map_or(0, |c| c.0);
                        self.problem(Error::at_line(
                            prev_line,
                            ErrorKind::EntryFollowedBy {
                                record: after.clone(),
                                found: key.to_string(),
                                found_line: line_no,
                            },
                        ))?;
                    }
                    return Ok(None);
                }
                if self.spec.layout == Layout::Cnab400
                    && self.role_field(layout, Role::NossoNumero).is_some()
                    && self.retyped(key, &fitted, line_no)?
                {
                    return Ok(None);
                }
                if let Some(missing) = self.missing_record(pos) {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::SkippedRecord {
                            found: key.to_string(),
                            missing: missing.to_string(),
                        },
                    ))?;
                    self.current_disputed = true;
                }
                self.current.push((line_no, layout, fitted));
                self.current_last = pos;
                self.current_has |= 1 << (pos % 64);
                Ok(None)
            }
        }
    }

    /// CNAB 400: the entry-starting record whose layout these bytes fill ([`detail_fits`]).
    /// CNAB 400: whether a record of type `key` holds, byte for byte, a complete entry-starting record (a detail
    /// whose type byte changed); reported as `retyped_record` when it does.
    pub(super) fn retyped(&mut self, key: RecordKey, bytes: &[u8], line_no: usize) -> Result<bool> {
        let Some(fits) = self.starting_record_fit(bytes) else {
            return Ok(false);
        };
        self.problem(Error::at_line(
            line_no,
            ErrorKind::RetypedRecord {
                found: key.to_string(),
                fits: fits.to_string(),
            },
        ))?;
        Ok(true)
    }

    pub(super) fn starting_record_fit(&self, bytes: &[u8]) -> Option<RecordKey> {
        self.spec
            .entry
            .iter()
            .filter(|e| e.starts)
            .find(|e| {
                self.spec
                    .record(e.key)
                    .is_some_and(|l| detail_fits(l, bytes))
            })
            .map(|e| e.key)
    }

    /// The index in `plans` of a record layout of the file's spec (`None` for another spec's, e.g. a foreign
    /// batch's), remembered as the most recent one.
    fn find_plan(&mut self, layout: &'static RecordLayout) -> Option<usize> {
        let [last, prev] = self.plan_hint;
        let is = |i: usize| {
            self.plans
                .get(i)
                .is_some_and(|p| std::ptr::eq(p.layout, layout))
        };
        let i = if is(last) {
            last
        } else if is(prev) {
            prev
        } else {
            self.plans
                .iter()
                .position(|p| std::ptr::eq(p.layout, layout))?
        };
        if i != last {
            self.plan_hint = [i, last];
        }
        Some(i)
    }

    /// The check plan of a record layout: the most recent one [`Engine::find_plan`] found, else looked for.
    fn plan(&self, layout: &'static RecordLayout) -> Option<&CheckPlan> {
        match self.plans.get(self.plan_hint[0]) {
            Some(p) if std::ptr::eq(p.layout, layout) => Some(p),
            _ => self.plans.iter().find(|p| std::ptr::eq(p.layout, layout)),
        }
    }

    /// The first field of `layout` with `role` (as [`RecordLayout::by_role`]), from the plan when it has one.
    fn role_field(&self, layout: &'static RecordLayout, role: Role) -> Option<&'static FieldSpec> {
        match self.plan(layout) {
            Some(p) => match role {
                Role::NossoNumero => p.nosso_numero,
                Role::BancoCodigo => p.banco,
                Role::Sequencial => p.sequencial,
                Role::Lote => p.lote,
                _ => layout.by_role(role),
            },
            None => layout.by_role(role),
        }
    }

    /// CNAB 240: every record repeats the file header's bank code (positions 1-3).
    pub(super) fn check_bank(&mut self, rec: &Record<'_>, key: RecordKey) -> Result<()> {
        if self.spec.layout != Layout::Cnab240 {
            return Ok(());
        }
        let Some(spec) = self.role_field(rec.layout, Role::BancoCodigo) else {
            return Ok(());
        };
        let raw = spec.slice(rec.bytes);
        if !raw.iter().all(u8::is_ascii_digit) {
            return Ok(()); // reported as a field problem
        }
        let Ok(code) = <[u8; 3]>::try_from(raw) else {
            return Ok(());
        };
        if key == RecordKey::FileHeader {
            // The header's own code was compared with its records' at detection.
            return Ok(());
        }
        match self.header_bank {
            Some(h) if h != code => self.problem(Error::at_field(
                rec.line,
                rec.layout.name,
                spec,
                ErrorKind::BankMismatch {
                    found: crate::field::lossy(&code),
                    header: crate::field::lossy(&h),
                },
            )),
            _ => Ok(()),
        }
    }

    /// Record sequence numbers (the trailer's is its record count, checked with the other counts).
    pub(super) fn check_sequence(&mut self, rec: &Record<'_>, key: RecordKey) -> Result<()> {
        let index = match (self.spec.layout, key) {
            (_, RecordKey::FileTrailer | RecordKey::BatchTrailer) => return Ok(()),
            (Layout::Cnab400 | Layout::Cnab150, _) => self.total,
            (Layout::Cnab240, RecordKey::Segment(_)) => self.seg_index,
            (Layout::Cnab240, _) => return Ok(()),
        };
        let Some(spec) = self.role_field(rec.layout, Role::Sequencial) else {
            return Ok(());
        };
        let found = digits_u64(spec.slice(rec.bytes)).ok().flatten();
        let Some(found) = found else {
            // Reported as a field problem; the next record is checked against its position.
            self.seq_prev = None;
            return Ok(());
        };
        let expected = self.seq_prev.map_or(index, |p| p + 1);
        self.seq_prev = Some(found);
        if found != expected && found != index {
            self.problem(Error::at_field(
                rec.line,
                rec.layout.name,
                spec,
                ErrorKind::Sequence { found, expected },
            ))?;
        }
        Ok(())
    }

    /// CNAB 240: a batch header opens lote N; its segments and trailer must carry the same N.
    pub(super) fn check_lote(&mut self, rec: &Record<'_>, key: RecordKey) -> Result<()> {
        if self.spec.layout != Layout::Cnab240 {
            return Ok(());
        }
        let Some(spec) = self.role_field(rec.layout, Role::Lote) else {
            return Ok(());
        };
        let found = match digits_u64(spec.slice(rec.bytes)) {
            Ok(Some(n)) => n,
            Ok(None) => return Ok(()),
            Err(DigitsU64::Overflow) => 0,
            Err(DigitsU64::NotDigits) => return Ok(()),
        };
        match key {
            RecordKey::BatchHeader => self.batch_lote = Some(found),
            RecordKey::Segment(_) | RecordKey::BatchTrailer => {
                if let Some(expected) = self.batch_lote.filter(|&n| n != found && self.in_batch) {
                    self.problem(Error::at_field(
                        rec.line,
                        rec.layout.name,
                        spec,
                        ErrorKind::structure(format!(
                            "lote {found:04} in a batch whose header says lote {expected:04}"
                        )),
                    ))?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn check_count(
        &mut self,
        rec: &Record<'_>,
        role: Role,
        counted: u64,
        what: &str,
    ) -> Result<()> {
        let Some(spec) = rec.layout.by_role(role) else {
            return Ok(());
        };
        let raw = spec.slice(rec.bytes);
        let Ok(Some(declared)) = crate::field::decode_digits(raw) else {
            return Ok(());
        };
        let declared: u64 = declared.parse().unwrap_or(0);
        if declared != counted {
            self.problem(Error::at_field(
                rec.line,
                rec.layout.name,
                spec,
                ErrorKind::TrailerCount {
                    declared: format!("{declared} {what}"),
                    counted: counted.to_string(),
                },
            ))?;
        }
        Ok(())
    }

    /// CNAB 240: the records FEBRABAN makes mandatory after the entry's first (U after T, Q after P): the rows of
    /// the entry table written always, up to the next row that starts an entry.
    pub(super) fn missing_record(&self, before: usize) -> Option<RecordKey> {
        if self.spec.layout != Layout::Cnab240 {
            return None;
        }
        self.spec
            .entry
            .iter()
            .enumerate()
            .take(before)
            .skip(self.current_first + 1)
            .take_while(|(_, e)| !e.starts)
            .find(|(i, e)| {
                e.emit == crate::bank::Emit::Always && self.current_has & (1 << (i % 64)) == 0
            })
            .map(|(_, e)| e.key)
    }

    /// Closes the current entry.
    pub fn flush(&mut self) -> Result<Option<Event>> {
        if !self.header_lines.is_empty() {
            self.finish_header();
        }
        if self.current.is_empty() {
            return Ok(None);
        }
        if let Some(missing) = self
            .missing_record(usize::MAX)
            .filter(|_| !self.current_disputed)
        {
            let first_line = self.current.first().map_or(0, |c| c.0);
            let first = self
                .spec
                .entry
                .get(self.current_first)
                .map(|e| e.key.to_string())
                .unwrap_or_default();
            self.problem(Error::at_line(
                first_line,
                ErrorKind::IncompleteEntry {
                    first,
                    missing: missing.to_string(),
                },
            ))?;
        }
        if self.header.layout_versao.is_empty() {
            // A layout whose variants differ by their detail record (BB CBR640 / CBR641): name the one read.
            if let Some(key) = self.spec.entry.get(self.current_first).map(|e| e.key) {
                if let Some((_, name)) = self.spec.variants.iter().find(|(k, _)| *k == key) {
                    self.header.layout_versao = (*name).to_string();
                }
            }
        }
        let lines = std::mem::take(&mut self.current);
        let first_line = lines.first().map_or(0, |c| c.0);
        let last_line = lines.last().map_or(0, |c| c.0);
        let mut found = Vec::new();
        // Views: the entry's ocorrência, found once, is kept with it.
        let mut ocorrencia = None;
        let ev = match self.spec.kind {
            FileKind::Retorno => {
                if let Some(v) = &self.views {
                    ocorrencia = crate::read::view::find_ocorrencia(&self.codes, &v.roles, &lines);
                }
                match &self.views {
                    // Views: the entry stays its records; only what building it could report is looked for.
                    Some(v) if v.exact => {
                        crate::read::view::entry_problems(ocorrencia, &lines, &mut found)
                    }
                    Some(_) => {
                        let records = records_of(&lines);
                        normalize::retorno_entry(self.spec, &self.codes, &records, &mut found);
                    }
                    None => {
                        let records = records_of(&lines);
                        self.entries.push(normalize::retorno_entry(
                            self.spec,
                            &self.codes,
                            &records,
                            &mut found,
                        ))
                    }
                }
                Event::Entry
            }
            FileKind::Remessa => {
                let records = records_of(&lines);
                self.titulos
                    .push(normalize::titulo(self.spec, &records, &mut found));
                self.company_on_titles(&records, &mut found);
                self.account_on_titles(&records, &mut found);
                Event::Titulo
            }
        };
        // Keep the buffer's capacity for the next entry, and the streaming reader's line buffers for its next lines.
        let mut lines = lines;
        match self.views.as_mut().filter(|_| ev == Event::Entry) {
            Some(v) => {
                let start = v.records.len();
                v.records.append(&mut lines);
                v.entries.push(crate::read::view::Span {
                    start,
                    end: v.records.len(),
                    ocorrencia,
                });
            }
            None => self.recycle(&mut lines),
        }
        self.current = lines;
        // Field problems were reported when the lines were fed; the model's decoding finds them again.
        if !self.entry_errs.is_empty() {
            self.entry_errs.retain(|(l, _)| *l >= first_line);
            let seen = &self.entry_errs;
            found.retain(|e| !seen.contains(&(e.line, e.columns)));
            self.entry_errs.retain(|(l, _)| *l > last_line);
        }
        self.problems_from(found)?;
        Ok(Some(ev))
    }

    /// The beneficiário's account on the titles: CNAB 400 remessas of many banks carry the agência, conta and
    /// convênio / conta cobrança on every detail (Santander H7800 detalhe 18-37, Bradesco 21-37, Itaú 18-29, …),
    /// while several headers carry none of them (Santander's has only the código de transmissão). The model keeps
    /// them once, in `header.beneficiario`: a title's value fills the header's field when the header has none, so a
    /// remessa read back names the account its títulos were registered under (which the retorno's header carries,
    /// and baixa matches on).
    ///
    /// A remessa is one account's, so a title whose value differs from the one kept is a problem on the title's
    /// line and field, naming where the other came from (the model would otherwise keep one value for all, the
    /// other left only in its raw record): always against an earlier title's (the same field of the same record),
    /// and against the header's where the header's field is the same fact as the detail's for that bank. Where a
    /// bank gives the same name two meanings or writes it in two formats ([`HEADER_OTHER_FACT`]), the header's value
    /// is kept and the title's stays in its raw record.
    fn account_on_titles(&mut self, records: &[Record<'_>], problems: &mut Vec<Error>) {
        for r in records {
            for (i, role) in ACCOUNT_ROLES.into_iter().enumerate() {
                let Some(f) = r.layout.by_role(role) else {
                    continue;
                };
                let value = crate::field::decode_text(f.slice(r.bytes))
                    .trim()
                    .to_string();
                // A check digit may be 0; the other fields are zero-filled when not given.
                let dv = matches!(role, Role::AgenciaDv | Role::ContaDv);
                let significant = |v: &str| -> String {
                    let v = v.trim();
                    if dv {
                        v.to_string()
                    } else {
                        v.trim_start_matches('0').to_string()
                    }
                };
                // A check digit counts only beside its agência or conta: a record that leaves the account zero
                // (a segment P whose account the header gives) has no DV to fill or compare, whatever it writes
                // there.
                let own = match role {
                    Role::AgenciaDv => Some(Role::Agencia),
                    Role::ContaDv => Some(Role::Conta),
                    _ => None,
                };
                let own_blank = own.and_then(|o| r.layout.by_role(o)).is_some_and(|o| {
                    crate::field::decode_text(o.slice(r.bytes))
                        .trim()
                        .trim_start_matches('0')
                        .is_empty()
                });
                if significant(&value).is_empty() || own_blank {
                    continue;
                }
                let b = &mut self.header.beneficiario;
                let kept = match role {
                    Role::Agencia => &mut b.agencia,
                    Role::AgenciaDv => &mut b.agencia_dv,
                    Role::Conta => &mut b.conta,
                    Role::ContaDv => &mut b.conta_dv,
                    Role::Convenio => &mut b.convenio,
                    _ => &mut b.codigo_beneficiario,
                };
                let from = self.account_lines.get(i).copied().flatten();
                if significant(kept).is_empty() {
                    *kept = value;
                    if let Some(slot) = self.account_lines.get_mut(i) {
                        *slot = Some(r.line);
                    }
                } else if significant(kept) != significant(&value)
                    && (from.is_some() || !header_other_fact(self.header_bank, self.spec, role))
                {
                    problems.push(differs(r, f, (f.name, &value), (from, kept), "account"));
                }
            }
        }
    }

    /// CNAB 400 remessas of several banks (Itaú, Santander, Caixa, BB, … positions 2-17 of the detail) repeat the
    /// company's CPF/CNPJ on every title, while the model keeps it once, in `header.beneficiario.inscricao`. A
    /// title's inscrição fills the header's when the header record has none (some headers have no such field,
    /// others leave it zero); one that differs from it is a problem on the title's line naming where the other
    /// came from (a remessa is one company's: the model would otherwise keep one number for all), never silently
    /// dropped. Which of the two is wrong the file does not say, so it is a structure problem, like a count.
    fn company_on_titles(&mut self, records: &[Record<'_>], problems: &mut Vec<Error>) {
        for r in records {
            let Some(f) = r.layout.by_role(Role::EmpresaInscricao) else {
                continue;
            };
            let numero = crate::field::decode_text(f.slice(r.bytes))
                .trim()
                .to_string();
            let significant = numero.trim_start_matches('0');
            if significant.is_empty() {
                continue;
            }
            let tipo = r
                .layout
                .by_role(Role::EmpresaTipoInscricao)
                .and_then(|t| crate::field::decode_digits(t.slice(r.bytes)).ok().flatten())
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|t| matches!(t, 1 | 2));
            let b = &mut self.header.beneficiario.inscricao;
            if b.numero.trim_start_matches('0').is_empty() {
                b.numero = numero;
                normalize::unpad_inscricao(&mut b.numero, tipo.or(b.tipo));
                if b.tipo.is_none() {
                    b.tipo = tipo;
                }
                self.company_line = Some(r.line);
            } else if b.numero.trim_start_matches('0') != significant {
                problems.push(differs(
                    r,
                    f,
                    ("company inscrição", &numero),
                    (self.company_line, &b.numero),
                    "company",
                ));
            }
        }
    }

    pub(super) fn finish_header(&mut self) {
        let lines = std::mem::take(&mut self.header_lines);
        let records: Vec<Record<'_>> = lines
            .iter()
            .map(|(n, l, b)| Record {
                layout: l,
                bytes: b,
                line: *n,
            })
            .collect();
        let mut found = Vec::new();
        normalize::header(&records, &mut self.header, &mut found);
        // Field problems were reported when the lines were fed.
        drop(records);
        let mut lines = lines;
        self.recycle(&mut lines);
    }

    /// Streaming views: the entries handed out are done with; their line buffers go back to the reader.
    pub(super) fn release_views(&mut self) {
        let Some(v) = self.views.as_mut() else {
            return;
        };
        v.entries.clear();
        let mut records = std::mem::take(&mut v.records);
        self.recycle(&mut records);
        if let Some(v) = self.views.as_mut() {
            v.records = records;
        }
    }

    /// Empties a list of fed lines, keeping the owned line buffers (streaming) for the reader to reuse.
    fn recycle(&mut self, lines: &mut Vec<(usize, &'static RecordLayout, Cow<'a, [u8]>)>) {
        for (_, _, b) in lines.drain(..) {
            if let Cow::Owned(v) = b {
                if self.spare.len() < MAX_ENTRY_RECORDS {
                    self.spare.push(v);
                }
            }
        }
    }

    /// End of input: closes the last entry and checks the file ended with its trailer.
    pub fn finish(&mut self) -> Result<Option<Event>> {
        // A missing trailer first: a truncated file is the likeliest reason of what else is missing.
        if !self.seen_header {
            self.problem(Error::new(ErrorKind::Empty))?;
        } else if !self.seen_trailer && self.spec.framing.file_trailer {
            self.problem(Error::at_line(self.last_line, ErrorKind::MissingTrailer))?;
        }
        if let Some((line, layout, f, declared)) = self.header_count.take() {
            if declared != self.total {
                self.problem(Error::at_field(
                    line,
                    layout.name,
                    f,
                    ErrorKind::HeaderCount {
                        declared,
                        counted: self.total,
                    },
                ))?;
            }
        }
        self.flush()
    }
}

/// Fed lines as records.
fn records_of<'b>(lines: &'b [(usize, &'static RecordLayout, Cow<'_, [u8]>)]) -> Vec<Record<'b>> {
    lines
        .iter()
        .map(|(n, l, b)| Record {
            layout: l,
            bytes: b,
            line: *n,
        })
        .collect()
}

/// How the fields of one record layout are checked when a line is fed: a mask of the positions that must hold
/// digits (numeric fields) and of those that must hold text without control bytes (text fields), tested in one
/// pass over the line, and the fields that pass cannot vouch for, checked one by one after it.
pub(crate) struct CheckPlan {
    pub layout: &'static RecordLayout,
    /// Per position, the range of bytes it accepts besides a space, as `lo` and `span` (a byte `b` is in range when
    /// `b - lo`, wrapping, is at most `span`): `'0'` and 9 where a numeric field must hold a digit, 0x20 and 0xDF
    /// where a text field must hold no control byte (below 0x20), 0 and 0xFF (anything) elsewhere.
    lo: Vec<u8>,
    span: Vec<u8>,
    /// 0xFF where a text field must not hold 0x7F (the one control byte above 0x20).
    del: Vec<u8>,
    /// 0xFF at the positions of numeric fields, whose spaces make the whole field all spaces or a problem.
    num: Vec<u8>,
    /// Dates, constants, CPF/CNPJ fields and numbers of more than 28 digits, in table order.
    pub each: Vec<&'static FieldSpec>,
    /// The numeric fields checked in the one pass.
    nums: Vec<&'static FieldSpec>,
    /// The fields the feed reads by role.
    nosso_numero: Option<&'static FieldSpec>,
    banco: Option<&'static FieldSpec>,
    sequencial: Option<&'static FieldSpec>,
    lote: Option<&'static FieldSpec>,
}

/// True when a numeric field too long for the one-pass check (more than 28 digits, such as Itaú's zero-filled
/// reserved fields of 30 and 46 digits) holds what `field::check` accepts without an error: digits only, at most 28
/// of them significant, so the value fits a `Decimal` at any scale it allows. `false` means: check it the full way
/// (which then finds the problem, or accepts the field).
fn long_number_ok(f: &FieldSpec, raw: &[u8]) -> bool {
    matches!(f.kind, Kind::Num { scale } if scale <= 28)
        && !crate::write::is_inscricao(f.role)
        && raw.iter().all(u8::is_ascii_digit)
        && raw.iter().skip_while(|&&b| b == b'0').count() <= 28
}

/// True when a field the one-pass check leaves to be checked alone certainly passes `field::check`, decided on the
/// spot: a date of digits that is a calendar date in range (or all zeros), a constant equal to its text, a long
/// number of digits ([`long_number_ok`]). `false` means: check it the full way, which finds the problem or accepts
/// the field.
fn surely_passes(f: &FieldSpec, raw: &[u8]) -> bool {
    match f.kind {
        Kind::Date(fmt) => crate::field::date_digits_ok(raw, fmt),
        Kind::Const(c) => raw == c.as_bytes(),
        Kind::Num { .. } => long_number_ok(f, raw),
        Kind::Alpha | Kind::Blank => false,
    }
}

/// Why [`digits_u64`] gives no number.
enum DigitsU64 {
    NotDigits,
    Overflow,
}

/// A field of digits as a number, as `decode_digits` then `str::parse::<u64>` read it: `Ok(None)` when it is all
/// spaces (or empty).
fn digits_u64(raw: &[u8]) -> std::result::Result<Option<u64>, DigitsU64> {
    if raw.iter().all(|&b| b == b' ') {
        return Ok(None);
    }
    let mut n: Option<u64> = Some(0);
    for &b in raw {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return Err(DigitsU64::NotDigits);
        }
        n = n
            .and_then(|n| n.checked_mul(10))
            .and_then(|n| n.checked_add(u64::from(d)));
    }
    n.map(Some).ok_or(DigitsU64::Overflow)
}

impl CheckPlan {
    pub(crate) fn for_spec(spec: &'static LayoutSpec) -> Vec<CheckPlan> {
        let mut out: Vec<CheckPlan> = Vec::new();
        for (_, l) in spec.records {
            if !out.iter().any(|p| std::ptr::eq(p.layout, *l)) {
                out.push(CheckPlan::new(l));
            }
        }
        out
    }

    fn new(layout: &'static RecordLayout) -> Self {
        // 1 where the byte must be an ASCII digit; 1 where it must not be a control byte (below 0x20, or 0x7F).
        let mut digit = vec![0u8; layout.len];
        let mut text = vec![0u8; layout.len];
        let mut each = Vec::new();
        let mut nums = Vec::new();
        for f in layout.fields {
            let range = usize::from(f.start).saturating_sub(1)..usize::from(f.end);
            let mask = match f.kind {
                // What decode_num accepts: digits only, or spaces only; up to 28 digits every value fits a
                // Decimal, so digits cannot fail on overflow.
                Kind::Num { .. } if f.len() <= 28 && !crate::write::is_inscricao(f.role) => {
                    nums.push(f);
                    Some(&mut digit)
                }
                Kind::Alpha => Some(&mut text),
                Kind::Blank => None,
                _ => {
                    each.push(f);
                    None
                }
            };
            if let Some(slots) = mask.and_then(|m| m.get_mut(range)) {
                slots.fill(1);
            }
        }
        // A position of a numeric field and of a text field (overlapping fields) must hold a digit or a space, which
        // holds no control byte either.
        let range = |(&d, &t): (&u8, &u8)| match (d, t) {
            (1, _) => (b'0', 9, 0, 0xFF),
            (_, 1) => (0x20, 0xDF, 0xFF, 0),
            _ => (0, 0xFF, 0, 0),
        };
        let ranges: Vec<(u8, u8, u8, u8)> = digit.iter().zip(&text).map(range).collect();
        CheckPlan {
            layout,
            lo: ranges.iter().map(|r| r.0).collect(),
            span: ranges.iter().map(|r| r.1).collect(),
            del: ranges.iter().map(|r| r.2).collect(),
            num: ranges.iter().map(|r| r.3).collect(),
            each,
            nums,
            nosso_numero: layout.by_role(Role::NossoNumero),
            banco: layout.by_role(Role::BancoCodigo),
            sequencial: layout.by_role(Role::Sequencial),
            lote: layout.by_role(Role::Lote),
        }
    }

    /// True when every numeric field holds digits only or spaces only and no text position a control byte: what
    /// checking those fields one by one would find.
    // Kept out of `feed` (a large function), where the lane loop's iterators were left as calls instead of vector
    // instructions.
    #[inline(never)]
    pub(crate) fn bulk_ok(&self, bytes: &[u8]) -> bool {
        let n = bytes.len();
        if n != self.lo.len() || n != self.span.len() || n != self.del.len() || n != self.num.len()
        {
            return false;
        }
        // Lanes of 16 bytes, which the compiler turns into vector instructions; a lane of `bad` becomes non-zero at a
        // byte out of its position's range (a space is never out of range), `spaces` at a space in a number.
        const W: usize = 16;
        let (mut bads, mut spacess) = ([0u8; W], [0u8; W]);
        let step =
            |b: &u8, lo: &u8, span: &u8, del: &u8, num: &u8, bad: &mut u8, spaces: &mut u8| {
                let out = if b.wrapping_sub(*lo) > *span { 0xFF } else { 0 };
                let space = if *b == b' ' { 0xFF } else { 0 };
                let is_del = if *b == 0x7F { 0xFF } else { 0 };
                *bad |= (out & !space) | (is_del & del);
                *spaces |= space & num;
            };
        let (bc, lc, sc) = (
            bytes.chunks_exact(W),
            self.lo.chunks_exact(W),
            self.span.chunks_exact(W),
        );
        let (dc, nc) = (self.del.chunks_exact(W), self.num.chunks_exact(W));
        let tails = (
            bc.remainder(),
            lc.remainder(),
            sc.remainder(),
            dc.remainder(),
            nc.remainder(),
        );
        for ((((b, lo), span), del), num) in bc.zip(lc).zip(sc).zip(dc).zip(nc) {
            let lanes = b.iter().zip(lo).zip(span).zip(del).zip(num);
            for (((((b, lo), span), del), num), (bad, spaces)) in
                lanes.zip(bads.iter_mut().zip(spacess.iter_mut()))
            {
                step(b, lo, span, del, num, bad, spaces);
            }
        }
        let (mut bad, mut spaces) = (0u8, 0u8);
        let (b, lo, span, del, num) = tails;
        for ((((b, lo), span), del), num) in b.iter().zip(lo).zip(span).zip(del).zip(num) {
            step(b, lo, span, del, num, &mut bad, &mut spaces);
        }
        let bad = bads.iter().fold(bad, |a, &x| a | x);
        let spaces = spacess.iter().fold(spaces, |a, &x| a | x);
        if bad != 0 {
            return false;
        }
        // Spaces in numbers: each such field must be all spaces (no value), not digits and spaces mixed.
        spaces == 0
            || self.nums.iter().all(|f| {
                let raw = f.slice(bytes);
                !raw.contains(&b' ') || raw.iter().all(|&b| b == b' ')
            })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// A long numeric field is cleared without the full check only where the full check finds nothing, and every
    /// field of digits with at most 28 significant ones is cleared, on every such field of every bank's tables.
    #[test]
    fn long_numbers_are_cleared_only_where_the_field_check_passes() {
        let mut seen = 0;
        for bank in crate::banks::ALL {
            for spec in bank.layouts() {
                for (_, layout) in spec.records {
                    for f in layout
                        .fields
                        .iter()
                        .filter(|f| matches!(f.kind, Kind::Num { .. }) && f.len() > 28)
                    {
                        seen += 1;
                        let n = f.len();
                        let mut values = vec![
                            vec![b'0'; n],
                            vec![b' '; n],
                            vec![b'9'; n],
                            [vec![b'0'; n - 28], vec![b'9'; 28]].concat(),
                            [vec![b'0'; n - 29], vec![b'1'; 29]].concat(),
                            [vec![b'0'; n - 1], vec![b'A']].concat(),
                            [vec![b' '; 1], vec![b'0'; n - 1]].concat(),
                        ];
                        values.push([vec![b'1'], vec![b'0'; n - 1]].concat());
                        for raw in values {
                            let fast = long_number_ok(f, &raw);
                            let full = crate::field::check(f, &raw).is_ok();
                            assert!(
                                !fast || full,
                                "{}: {:?}",
                                f.name,
                                String::from_utf8_lossy(&raw)
                            );
                            let significant = raw.iter().skip_while(|&&b| b == b'0').count();
                            if raw.iter().all(u8::is_ascii_digit) && significant <= 28 {
                                assert!(fast, "{}: {:?}", f.name, String::from_utf8_lossy(&raw));
                            }
                        }
                    }
                }
            }
        }
        assert!(seen > 0);
    }

    /// The one-pass check clears a line exactly when checking its number and text fields one by one finds nothing,
    /// on every record layout of every bank, over lines whose fields are digits, spaces, text, control bytes, or a
    /// mix of them.
    #[test]
    fn the_one_pass_check_agrees_with_the_field_checks() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let (mut cleared, mut refused) = (0, 0);
        for bank in crate::banks::ALL {
            for spec in bank.layouts() {
                for plan in CheckPlan::for_spec(spec) {
                    let layout = plan.layout;
                    for _ in 0..60 {
                        let mut line = vec![b' '; layout.len];
                        for f in layout.fields {
                            let at = usize::from(f.start) - 1..usize::from(f.end);
                            let field = &mut line[at];
                            let pick = next() % 10;
                            for (i, b) in field.iter_mut().enumerate() {
                                *b = match pick {
                                    0..=4 => b'0' + (next() % 10) as u8,
                                    5 | 6 => b' ',
                                    7 => b"A9 x\xe9"[next() % 5],
                                    8 if i == 0 => b"\t\x00\x7f 5"[next() % 5],
                                    8 => b'1',
                                    _ => b"0123456789 "[next() % 11],
                                };
                            }
                        }
                        let one_by_one = layout
                            .fields
                            .iter()
                            .filter(|f| !plan.each.iter().any(|e| std::ptr::eq(*e, *f)))
                            .all(|f| crate::field::check(f, f.slice(&line)).is_ok());
                        assert_eq!(
                            plan.bulk_ok(&line),
                            one_by_one,
                            "{} {}: {:?}",
                            spec.source,
                            layout.name,
                            String::from_utf8_lossy(&line)
                        );
                        if one_by_one {
                            cleared += 1;
                        } else {
                            refused += 1;
                        }
                    }
                }
            }
        }
        // Both answers were exercised.
        assert!(
            cleared > 0 && refused > 0,
            "{cleared} cleared, {refused} refused"
        );
    }
}
