//! Reading: splitting lines, detecting bank/layout/kind, and turning records into the model.

use std::borrow::Cow;
use std::io::BufRead;

use serde::Serialize;

use crate::bank::{Bank, LayoutSpec, RecordKey};
use crate::error::{Error, ErrorKind, Result};
use crate::field::{Kind, RecordLayout, Role};
use crate::model::{FileKind, Header, Layout, Remessa, Retorno, RetornoEntry, Titulo};
use crate::normalize;
use crate::record::{LineEnding, RawRecord, Record};

/// Options for reading.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Collect problems and go on instead of stopping at the first.
    pub lenient: bool,
    /// Force the bank instead of detecting it.
    pub bank: Option<Bank>,
    /// Force the layout instead of detecting it.
    pub layout: Option<Layout>,
    /// Force the kind instead of detecting it.
    pub kind: Option<FileKind>,
    /// Read with this layout spec instead of the bank's (a layout of your own for a bank we do not have).
    pub spec: Option<&'static LayoutSpec>,
}

impl ReadOptions {
    /// Strict reading: the first problem is an error.
    pub fn strict() -> Self {
        Self::default()
    }
    /// Lenient reading: problems are collected.
    pub fn lenient() -> Self {
        ReadOptions {
            lenient: true,
            ..Self::default()
        }
    }
}

/// What [`detect`] finds in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detected {
    /// The bank, from the header.
    pub bank: Bank,
    /// CNAB 240 or CNAB 400.
    pub layout: Layout,
    /// Remessa or retorno.
    pub kind: FileKind,
    /// Layout version from the header (CNAB 240), empty when the layout has none.
    pub version: String,
    /// Whether we have a layout table for this bank, layout and kind.
    pub supported: bool,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file split into lines: a prefix (BOM), lines with their endings, and a suffix (trailing 0x1A, blank lines).
pub(crate) struct Lines<'a> {
    /// Offset of each line in the input.
    pub starts: Vec<usize>,
    pub prefix: &'a [u8],
    pub lines: Vec<(&'a [u8], LineEnding)>,
    pub suffix: &'a [u8],
}

pub(crate) fn split_lines(bytes: &[u8]) -> Lines<'_> {
    let (prefix, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM, rest),
        None => (&[][..], bytes),
    };
    let mut lines = Vec::with_capacity(body.len() / 240 + 1);
    let mut starts = Vec::with_capacity(body.len() / 240 + 1);
    let base = prefix.len();
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = body.get(i..).and_then(|s| memchr::memchr2(b'\n', b'\r', s)) {
        let pos = i + off;
        let (ending, next) = match (body.get(pos), body.get(pos + 1)) {
            (Some(b'\r'), Some(b'\n')) => (LineEnding::CrLf, pos + 2),
            (Some(b'\r'), _) => (LineEnding::Cr, pos + 1),
            _ => (LineEnding::Lf, pos + 1),
        };
        lines.push((body.get(start..pos).unwrap_or(&[]), ending));
        starts.push(base + start);
        start = next;
        i = next;
    }
    if start < body.len() {
        lines.push((body.get(start..).unwrap_or(&[]), LineEnding::None));
        starts.push(base + start);
    }
    // Trailing lines that hold nothing (empty, spaces, 0x1A end-of-file marks) are the suffix.
    let mut keep = lines.len();
    while keep > 0
        && lines
            .get(keep - 1)
            .is_some_and(|(l, _)| l.iter().all(|&b| b == b' ' || b == 0x1A || b == 0))
    {
        keep -= 1;
    }
    let consumed: usize = prefix.len()
        + lines
            .iter()
            .take(keep)
            .map(|(l, e)| l.len() + e.as_bytes().len())
            .sum::<usize>();
    lines.truncate(keep);
    starts.truncate(keep);
    Lines {
        starts,
        prefix,
        lines,
        suffix: bytes.get(consumed..).unwrap_or(&[]),
    }
}

/// Fits a line to a layout's length for field access: as is when exact; UTF-8 text transcoded to Windows-1252
/// when that makes it exact; padded with spaces when short; cut when long.
pub(crate) fn fit_line(bytes: &[u8], len: usize) -> Cow<'_, [u8]> {
    if bytes.len() == len {
        return Cow::Borrowed(bytes);
    }
    if bytes.len() > len && !bytes.is_ascii() {
        if let Ok(s) = std::str::from_utf8(bytes) {
            if s.chars().count() == len {
                let (enc, _, _) = encoding_rs::WINDOWS_1252.encode(s);
                if enc.len() == len {
                    return Cow::Owned(enc.into_owned());
                }
            }
        }
    }
    if bytes.len() > len {
        return Cow::Borrowed(bytes.get(..len).unwrap_or(bytes));
    }
    let mut v = bytes.to_vec();
    v.resize(len, b' ');
    Cow::Owned(v)
}

/// True when the line, read as UTF-8, has exactly `len` characters (a re-encoded file, not a defect).
fn utf8_fits(bytes: &[u8], len: usize) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok_and(|s| s.chars().count() == len)
}

fn is_240_header(l: &[u8]) -> bool {
    l.len() >= 8
        && l.get(..3).is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && l.get(3..8) == Some(b"00000".as_slice())
}

/// A CNAB 240 batch header as the first line: a file that lost its file header.
fn is_240_batch_header(l: &[u8]) -> bool {
    l.len() >= 120
        && l.get(..7).is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && l.get(7) == Some(&b'1')
}

fn is_400_header(l: &[u8]) -> bool {
    l.first() == Some(&b'0') && l.len() >= 79 && !is_240_header(l)
}

fn digits_at(l: &[u8], a: usize, b: usize) -> Option<u16> {
    let s = l.get(a - 1..b)?;
    if !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(s).ok()?.parse().ok()
}

/// Detects bank, layout and kind from the file's bytes.
///
/// CNAB 240: bank at 1-3, kind at 143 (1 remessa, 2 retorno) or, when a file leaves it out, from the segments
/// (P/Q/R/S remessa, T/U retorno). CNAB 400: kind at 2 (1 remessa, 2 retorno) or the literal at 3-9, bank at 77-79.
///
/// ```
/// use cnab_core::{detect, Layout, FileKind};
/// let mut header = String::from("34100000         2");
/// header.push_str(&" ".repeat(142 - header.len()));
/// header.push('2');
/// header.push_str(&" ".repeat(240 - header.len()));
/// let d = detect(header.as_bytes()).unwrap();
/// assert_eq!((d.bank.code(), d.layout, d.kind), (341, Layout::Cnab240, FileKind::Retorno));
/// ```
pub fn detect(bytes: &[u8]) -> Result<Detected> {
    let lines = split_lines(bytes);
    detect_lines(&lines.lines)
}

pub(crate) fn detect_lines(lines: &[(&[u8], LineEnding)]) -> Result<Detected> {
    let first = lines
        .first()
        .map(|(l, _)| *l)
        .ok_or_else(|| Error::new(ErrorKind::Empty))?;
    // A header re-encoded to UTF-8 (accents in the company name) is read at its Windows-1252 positions.
    let transcoded = [240, 400]
        .into_iter()
        .find(|&len| utf8_fits(first, len))
        .map(|len| fit_line(first, len));
    let first: &[u8] = transcoded.as_deref().unwrap_or(first);
    if is_240_header(first) || is_240_batch_header(first) {
        let bank = digits_at(first, 1, 3).map(Bank::new).ok_or_else(|| {
            Error::at_line(
                1,
                ErrorKind::UnknownLayout {
                    reason: "no bank code at 1-3".into(),
                },
            )
        })?;
        let kind = match (first.get(7), first.get(142)) {
            (Some(b'0'), Some(b'1')) => Some(FileKind::Remessa),
            (Some(b'0'), Some(b'2')) => Some(FileKind::Retorno),
            _ => None,
        }
        .or_else(|| kind_from_segments(lines))
        .ok_or_else(|| {
            Error::at_line(
                1,
                ErrorKind::UnknownKind {
                    reason:
                        "header position 143 is neither 1 nor 2 and no P/Q or T/U segments found"
                            .into(),
                },
            )
        })?;
        let version = first
            .get(163..166)
            .filter(|_| first.get(7) == Some(&b'0'))
            .map(|v| String::from_utf8_lossy(v).trim().to_string())
            .unwrap_or_default();
        let supported = bank
            .spec()
            .is_some_and(|s| s.supports(Layout::Cnab240, kind));
        return Ok(Detected {
            bank,
            layout: Layout::Cnab240,
            kind,
            version,
            supported,
        });
    }
    if is_400_header(first) {
        let bank = digits_at(first, 77, 79).map(Bank::new).ok_or_else(|| {
            Error::at_line(
                1,
                ErrorKind::UnknownLayout {
                    reason: "CNAB 400 header without a bank code at 77-79".into(),
                },
            )
        })?;
        let literal = first.get(2..9).map(|s| s.to_ascii_uppercase());
        let kind = match (first.get(1), literal.as_deref()) {
            (Some(b'1'), _) => FileKind::Remessa,
            (Some(b'2'), _) => FileKind::Retorno,
            (_, Some(b"REMESSA")) => FileKind::Remessa,
            (_, Some(b"RETORNO")) => FileKind::Retorno,
            _ => {
                return Err(Error::at_line(
                    1,
                    ErrorKind::UnknownKind {
                        reason: "CNAB 400 header position 2 is neither 1 nor 2".into(),
                    },
                ))
            }
        };
        let supported = bank
            .spec()
            .is_some_and(|s| s.supports(Layout::Cnab400, kind));
        return Ok(Detected {
            bank,
            layout: Layout::Cnab400,
            kind,
            version: String::new(),
            supported,
        });
    }
    Err(Error::at_line(
        1,
        ErrorKind::UnknownLayout {
            reason: format!(
                "the first line ({} bytes) is neither a CNAB 240 nor a CNAB 400 file header",
                first.len()
            ),
        },
    ))
}

fn kind_from_segments(lines: &[(&[u8], LineEnding)]) -> Option<FileKind> {
    for (l, _) in lines {
        if l.get(7) == Some(&b'3') {
            match l.get(13) {
                Some(b'P' | b'Q' | b'R' | b'S') => return Some(FileKind::Remessa),
                Some(b'T' | b'U') => return Some(FileKind::Retorno),
                _ => {}
            }
        }
        if l.get(7) == Some(&b'1') {
            match l.get(8) {
                Some(b'R') => return Some(FileKind::Remessa),
                Some(b'T') => return Some(FileKind::Retorno),
                _ => {}
            }
        }
    }
    None
}

/// Picks the layout spec for a detected file. Unknown CNAB 240 banks are read with FEBRABAN's generic layout in
/// lenient mode (and reported as a problem); strict mode refuses them.
pub(crate) fn choose_spec(
    d: &Detected,
    lenient: bool,
    problems: &mut Vec<Error>,
) -> Result<&'static LayoutSpec> {
    if let Some(spec) = d
        .bank
        .spec()
        .and_then(|s| s.layout(d.layout, d.kind, &d.version))
    {
        return Ok(spec);
    }
    let hint = match d.layout {
        Layout::Cnab240 => {
            "; --lenient reads it with FEBRABAN's generic CNAB 240 layout".to_string()
        }
        Layout::Cnab400 => String::new(),
    };
    let err = Error::at_line(
        1,
        ErrorKind::UnknownBank {
            code: d.bank.to_string(),
            layout: d.layout.number(),
            hint,
        },
    );
    match (d.layout, lenient) {
        (Layout::Cnab240, true) => {
            problems.push(err);
            Ok(match d.kind {
                FileKind::Remessa => &crate::layouts::febraban240::REMESSA,
                FileKind::Retorno => &crate::layouts::febraban240::RETORNO,
            })
        }
        _ => Err(err),
    }
}

fn classify(layout: Layout, line: &[u8]) -> Option<RecordKey> {
    match layout {
        Layout::Cnab240 => match line.get(7)? {
            b'0' => Some(RecordKey::FileHeader),
            b'1' => Some(RecordKey::BatchHeader),
            b'3' => Some(RecordKey::Segment(line.get(13)?.to_ascii_uppercase())),
            b'5' => Some(RecordKey::BatchTrailer),
            b'9' => Some(RecordKey::FileTrailer),
            _ => None,
        },
        Layout::Cnab400 => match line.first()? {
            b'0' => Some(RecordKey::FileHeader),
            b'9' => Some(RecordKey::FileTrailer),
            t => Some(RecordKey::Detail(*t)),
        },
    }
}

/// A finished unit of reading; the entry or title itself is pushed onto the engine's `entries` / `titulos`, so the
/// large model values are built in place rather than moved through return values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    Entry,
    Titulo,
}

/// The state machine shared by the in-memory and streaming readers: fed one line at a time.
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
    at: Option<usize>,
    /// The whole input, shared by the kept records (in-memory reading).
    source: Option<std::sync::Arc<[u8]>>,
    pub records: Vec<RawRecord>,
    header_lines: Vec<(usize, &'static RecordLayout, Cow<'a, [u8]>)>,
    current: Vec<(usize, &'static RecordLayout, Cow<'a, [u8]>)>,
    seen_header: bool,
    seen_trailer: bool,
    in_batch: bool,
    /// The lote number of the open batch's header (CNAB 240), which its records must repeat.
    batch_lote: Option<u64>,
    batch_records: u64,
    batches: u64,
    total: u64,
    last_line: usize,
}

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
            seen_header: false,
            seen_trailer: false,
            in_batch: false,
            batch_lote: None,
            batch_records: 0,
            batches: 0,
            total: 0,
            last_line: 0,
        }
    }

    fn problem(&mut self, e: Error) -> Result<()> {
        if self.lenient {
            self.problems.push(e);
            Ok(())
        } else {
            Err(e)
        }
    }

    fn problems_from(&mut self, found: Vec<Error>) -> Result<()> {
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
        let len = self.spec.layout.line_len();
        let key = classify(self.spec.layout, &raw);
        let layout = key.and_then(|k| self.spec.record(k));
        if self.keep_records {
            let rec = match (&self.source, self.at) {
                (Some(src), Some(at)) => {
                    RawRecord::shared(line_no, layout, src.clone(), at, at + raw.len(), ending)
                }
                _ => RawRecord::new(line_no, layout, raw.to_vec(), ending),
            };
            self.records.push(rec);
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
        let (Some(key), Some(layout)) = (key, layout) else {
            let found = match key {
                Some(k) => k.to_string(),
                None => String::from_utf8_lossy(raw.get(..14).unwrap_or(&raw)).into_owned(),
            };
            let layout_name = format!(
                "{} {} {}",
                self.spec.layout, self.spec.kind, self.spec.source
            );
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
        // Constants, and the numbers and dates of headers and trailers that feed the model, must decode here; the
        // fields of entry records are checked as they are normalized (each field is decoded once).
        let is_entry = matches!(key, RecordKey::Segment(_) | RecordKey::Detail(_));
        let mut errs = Vec::new();
        for f in layout.fields {
            let check = match f.kind {
                Kind::Const(_) => true,
                // CPF/CNPJ may be alphanumeric since July 2026, even where a manual still prints N(14).
                Kind::Num { .. } | Kind::Date(_) => {
                    f.role.is_some() && !is_entry && !crate::write::is_inscricao(f.role)
                }
                Kind::Alpha | Kind::Blank => false,
            };
            if check {
                if let Err(k) = crate::field::check(f, f.slice(rec.bytes)) {
                    errs.push(Error::at_field(line_no, layout.name, f, k));
                }
            }
        }
        self.problems_from(errs)?;
        self.check_lote(&rec, key)?;
        match key {
            RecordKey::FileHeader => {
                if self.seen_header && self.total > 1 {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("second file header"),
                    ))?;
                }
                self.seen_header = true;
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
                if self.batches == 1 {
                    self.header_lines.push((line_no, layout, fitted));
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
                    Layout::Cnab400 => {
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
                let starts = self.spec.entry_record(key).is_none_or(|e| e.starts);
                if starts {
                    let out = self.flush()?;
                    self.current.push((line_no, layout, fitted));
                    Ok(out)
                } else if self.current.is_empty() {
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
                    Ok(None)
                } else {
                    self.current.push((line_no, layout, fitted));
                    Ok(None)
                }
            }
        }
    }

    /// CNAB 240: a batch header opens lote N; its segments and trailer must carry the same N.
    fn check_lote(&mut self, rec: &Record<'_>, key: RecordKey) -> Result<()> {
        if self.spec.layout != Layout::Cnab240 {
            return Ok(());
        }
        let Some(spec) = rec.layout.by_role(Role::Lote) else {
            return Ok(());
        };
        let Ok(Some(found)) = crate::field::decode_digits(spec.slice(rec.bytes)) else {
            return Ok(());
        };
        let found: u64 = found.parse().unwrap_or(0);
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

    fn check_count(
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

    /// Closes the current entry.
    pub fn flush(&mut self) -> Result<Option<Event>> {
        if !self.header_lines.is_empty() {
            self.finish_header();
        }
        if self.current.is_empty() {
            return Ok(None);
        }
        let lines = std::mem::take(&mut self.current);
        let records: Vec<Record<'_>> = lines
            .iter()
            .map(|(n, l, b)| Record {
                layout: l,
                bytes: b,
                line: *n,
            })
            .collect();
        let mut found = Vec::new();
        let ev = match self.spec.kind {
            FileKind::Retorno => {
                self.entries
                    .push(normalize::retorno_entry(self.spec, &records, &mut found));
                Event::Entry
            }
            FileKind::Remessa => {
                self.titulos
                    .push(normalize::titulo(self.spec, &records, &mut found));
                Event::Titulo
            }
        };
        drop(records);
        // Keep the buffer's capacity for the next entry.
        let mut lines = lines;
        lines.clear();
        self.current = lines;
        self.problems_from(found)?;
        Ok(Some(ev))
    }

    fn finish_header(&mut self) {
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
    }

    /// End of input: closes the last entry and checks the file ended with its trailer.
    pub fn finish(&mut self) -> Result<Option<Event>> {
        let out = self.flush()?;
        if !self.seen_header {
            self.problem(Error::new(ErrorKind::Empty))?;
        } else if !self.seen_trailer {
            self.problem(Error::at_line(self.last_line, ErrorKind::MissingTrailer))?;
        }
        Ok(out)
    }
}

/// A file read into the model: a retorno or a remessa.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CnabFile {
    /// A retorno.
    Retorno(Retorno),
    /// A remessa.
    Remessa(Remessa),
}

/// Bytes around the records (a BOM, a trailing 0x1A, blank lines) kept for byte-exact writing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Envelope {
    /// Bytes before the first record.
    pub prefix: Vec<u8>,
    /// Bytes after the last record.
    pub suffix: Vec<u8>,
}

fn run(bytes: &[u8], opts: ReadOptions) -> Result<(Detected, Engine<'_>, Envelope)> {
    let lines = split_lines(bytes);
    let mut d = detect_lines(&lines.lines)?;
    if let Some(b) = opts.bank {
        d.bank = b;
    }
    if let Some(l) = opts.layout {
        d.layout = l;
    }
    if let Some(k) = opts.kind {
        d.kind = k;
    }
    let mut problems = Vec::new();
    let spec = match opts.spec {
        Some(s) => s,
        None => choose_spec(&d, opts.lenient, &mut problems)?,
    };
    d.layout = spec.layout;
    d.kind = spec.kind;
    let mut engine = Engine::new(spec, opts.lenient, problems, true);
    engine.records.reserve(lines.lines.len());
    engine.source = Some(std::sync::Arc::from(bytes));
    match spec.kind {
        FileKind::Retorno => engine.entries.reserve(lines.lines.len() / 2),
        FileKind::Remessa => engine.titulos.reserve(lines.lines.len() / 2),
    }
    for (i, (line, ending)) in lines.lines.iter().enumerate() {
        engine.at = lines.starts.get(i).copied();
        engine.feed(i + 1, Cow::Borrowed(line), *ending)?;
    }
    engine.finish()?;
    let env = Envelope {
        prefix: lines.prefix.to_vec(),
        suffix: lines.suffix.to_vec(),
    };
    Ok((d, engine, env))
}

/// Reads a whole file (retorno or remessa, detected) into the model, plus the bytes around its records.
pub fn read_with_envelope(bytes: &[u8], opts: ReadOptions) -> Result<(CnabFile, Envelope)> {
    let (d, engine, env) = run(bytes, opts)?;
    let file = match d.kind {
        FileKind::Retorno => CnabFile::Retorno(Retorno {
            bank: d.bank,
            layout: d.layout,
            header: engine.header,
            entries: engine.entries,
            records: engine.records,
            problems: engine.problems,
        }),
        FileKind::Remessa => CnabFile::Remessa(Remessa {
            bank: Some(d.bank),
            header: engine.header,
            titulos: engine.titulos,
            records: engine.records,
            problems: engine.problems,
        }),
    };
    Ok((file, env))
}

/// Reads a whole file (retorno or remessa, detected) into the model.
pub fn read(bytes: &[u8], opts: ReadOptions) -> Result<CnabFile> {
    read_with_envelope(bytes, opts).map(|(f, _)| f)
}

/// Reads a retorno.
///
/// ```
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/341-itau/cnab240/retorno/retorno.ret")).unwrap();
/// let ret = cnab_core::read_retorno(&bytes, cnab_core::ReadOptions::strict()).unwrap();
/// assert_eq!(ret.bank.code(), 341);
/// assert!(!ret.entries.is_empty());
/// ```
pub fn read_retorno(bytes: &[u8], opts: ReadOptions) -> Result<Retorno> {
    match read(
        bytes,
        ReadOptions {
            kind: opts.kind.or(Some(FileKind::Retorno)),
            ..opts
        },
    )? {
        CnabFile::Retorno(r) => Ok(r),
        CnabFile::Remessa(_) => Err(Error::new(ErrorKind::UnknownKind {
            reason: "this is a remessa".into(),
        })),
    }
}

/// Reads a remessa back into the model.
pub fn read_remessa(bytes: &[u8], opts: ReadOptions) -> Result<Remessa> {
    match read(
        bytes,
        ReadOptions {
            kind: opts.kind.or(Some(FileKind::Remessa)),
            ..opts
        },
    )? {
        CnabFile::Remessa(r) => Ok(r),
        CnabFile::Retorno(_) => Err(Error::new(ErrorKind::UnknownKind {
            reason: "this is a retorno".into(),
        })),
    }
}

/// The longest line the streaming reader accepts before it gives up on a line (without reading it whole).
///
/// # Resource limits
///
/// Reading never panics, never loops and never allocates beyond these bounds, whatever the input:
/// - [`RetornoReader`] holds one line buffer of at most `MAX_LINE` (+3 for a BOM on the first line) bytes, the
///   records of the entry being assembled, and the first of a run of blank lines; a longer line is refused with
///   [`ErrorKind::LineTooLong`] after reading at most `MAX_LINE` bytes of it (a 1 GB line with no newline costs
///   1 KB). In lenient mode the problems it collects grow with the number of defective lines.
/// - [`read`] and friends work on a slice the caller already holds: they keep one [`RawRecord`] per line (a copy of
///   the line) plus the model, i.e. memory proportional to the input; lines of any length are accepted and
///   reported with [`ErrorKind::LineLength`].
/// - Numbers decode into `i128` with checked arithmetic (at most 28 significant digits, else
///   [`ErrorKind::NotDigits`]); dates go through `chrono`'s checked constructors.
/// - Every line is visited once; there is no backtracking.
pub const MAX_LINE: usize = 1024;

/// Reads one line of at most `limit` bytes into `buf` (ending excluded). `Ok(None)` at end of input.
fn read_line_limited<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<LineEnding>> {
    buf.clear();
    let mut any = false;
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            return Ok(if any { Some(LineEnding::None) } else { None });
        }
        any = true;
        if let Some(pos) = avail.iter().position(|&b| b == b'\n' || b == b'\r') {
            if buf.len() + pos > limit {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "line too long",
                ));
            }
            buf.extend_from_slice(avail.get(..pos).unwrap_or(&[]));
            let is_cr = avail.get(pos) == Some(&b'\r');
            r.consume(pos + 1);
            if is_cr {
                let next = r.fill_buf()?;
                if next.first() == Some(&b'\n') {
                    r.consume(1);
                    return Ok(Some(LineEnding::CrLf));
                }
                return Ok(Some(LineEnding::Cr));
            }
            return Ok(Some(LineEnding::Lf));
        }
        let n = avail.len();
        if buf.len() + n > limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "line too long",
            ));
        }
        buf.extend_from_slice(avail);
        r.consume(n);
    }
}

/// Reads retorno entries one at a time from any `BufRead`, in constant memory: one line buffer and the records of
/// the entry being assembled. Lines longer than [`MAX_LINE`] are rejected without being read whole.
///
/// ```
/// let f = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/341-itau/cnab240/retorno/retorno.ret")).unwrap();
/// let reader = cnab_core::RetornoReader::new(std::io::BufReader::new(f), cnab_core::ReadOptions::strict()).unwrap();
/// let n = reader.count();
/// assert!(n > 0);
/// ```
pub struct RetornoReader<R: BufRead> {
    src: R,
    engine: Engine<'static>,
    buf: Vec<u8>,
    line: usize,
    pending: std::collections::VecDeque<Result<RetornoEntry>>,
    done: bool,
    detected: Detected,
    /// The first of a run of blank lines (spaces, NUL, 0x1A), held back: trailing filler unless records follow.
    /// Only the first is kept, so endless blank lines take constant memory.
    trailing_blank: Option<(usize, Vec<u8>, LineEnding)>,
}

impl<R: BufRead> RetornoReader<R> {
    /// Starts reading: reads the first line to detect bank and layout.
    pub fn new(mut src: R, opts: ReadOptions) -> Result<Self> {
        let mut buf = Vec::with_capacity(512);
        let ending = read_line_limited(&mut src, &mut buf, MAX_LINE + 3)
            .map_err(|e| Error::at_line(1, io_kind(e)))?
            .ok_or_else(|| Error::new(ErrorKind::Empty))?;
        if let Some(rest) = buf.strip_prefix(UTF8_BOM) {
            buf = rest.to_vec();
        }
        if buf.iter().all(|&b| b == b' ' || b == 0x1A || b == 0) {
            // Blank first line: an empty file if only filler follows (as the whole-file reader sees it).
            let mut next = Vec::new();
            let mut line = 1;
            loop {
                line += 1;
                match read_line_limited(&mut src, &mut next, MAX_LINE)
                    .map_err(|e| Error::at_line(line, io_kind(e)))?
                {
                    None => return Err(Error::new(ErrorKind::Empty)),
                    Some(_) if next.iter().all(|&b| b == b' ' || b == 0x1A || b == 0) => continue,
                    Some(_) => break,
                }
            }
        }
        let mut d = detect_lines(&[(&buf, ending)])?;
        d.kind = opts.kind.unwrap_or(FileKind::Retorno);
        if let Some(b) = opts.bank {
            d.bank = b;
        }
        if let Some(l) = opts.layout {
            d.layout = l;
        }
        let mut problems = Vec::new();
        let spec = match opts.spec {
            Some(s) => s,
            None => choose_spec(&d, opts.lenient, &mut problems)?,
        };
        let mut engine = Engine::new(spec, opts.lenient, problems, false);
        let mut pending = std::collections::VecDeque::new();
        match engine.feed(1, Cow::Owned(buf.clone()), ending) {
            Ok(Some(Event::Entry)) => pending.extend(engine.entries.drain(..).map(Ok)),
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        Ok(RetornoReader {
            src,
            engine,
            buf,
            line: 1,
            pending,
            done: false,
            detected: d,
            trailing_blank: None,
        })
    }

    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.detected
    }
    /// The header, once read.
    pub fn header(&self) -> &Header {
        &self.engine.header
    }
    /// Problems collected so far (lenient mode).
    pub fn problems(&self) -> &[Error] {
        &self.engine.problems
    }
}

fn io_kind(e: std::io::Error) -> ErrorKind {
    if e.kind() == std::io::ErrorKind::InvalidData {
        ErrorKind::LineTooLong { limit: MAX_LINE }
    } else {
        ErrorKind::io(e.to_string())
    }
}

impl<R: BufRead> Iterator for RetornoReader<R> {
    type Item = Result<RetornoEntry>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(p) = self.pending.pop_front() {
                return Some(p);
            }
            if self.done {
                return None;
            }
            match read_line_limited(&mut self.src, &mut self.buf, MAX_LINE) {
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::at_line(self.line + 1, io_kind(e))));
                }
                Ok(None) => {
                    self.done = true;
                    match self.engine.finish() {
                        Ok(Some(Event::Entry)) => return self.engine.entries.pop().map(Ok),
                        Ok(_) => return None,
                        Err(e) => return Some(Err(e)),
                    }
                }
                Ok(Some(ending)) => {
                    self.line += 1;
                    if self.buf.iter().all(|&b| b == b' ' || b == 0x1A || b == 0) {
                        // Possibly trailing filler; only a problem if records follow.
                        if self.trailing_blank.is_none() {
                            self.trailing_blank = Some((self.line, self.buf.clone(), ending));
                        }
                        continue;
                    }
                    if let Some((blank, bytes, blank_ending)) = self.trailing_blank.take() {
                        // Records follow: the first blank line is reported as the whole-file reader reports it.
                        if let Err(e) = self.engine.feed(blank, Cow::Owned(bytes), blank_ending) {
                            self.done = true;
                            return Some(Err(e));
                        }
                    }
                    match self
                        .engine
                        .feed(self.line, Cow::Owned(self.buf.clone()), ending)
                    {
                        Ok(Some(Event::Entry)) => match self.engine.entries.pop() {
                            Some(e) => return Some(Ok(e)),
                            None => continue,
                        },
                        Ok(_) => continue,
                        Err(e) => {
                            self.done = true;
                            return Some(Err(e));
                        }
                    }
                }
            }
        }
    }
}
