//! Reading: splitting lines, detecting bank/layout/kind, and turning records into the model.

use std::borrow::Cow;
use std::io::BufRead;

use serde::Serialize;

use crate::bank::{Bank, LayoutSpec, RecordKey};
use crate::error::{Error, ErrorKind, Result};
use crate::field::{Kind, RecordLayout, Role};
use crate::model::{FileKind, Header, Layout, Product, Remessa, Retorno, RetornoEntry, Titulo};
use crate::normalize;
use crate::record::{LineEnding, RawRecord, Record};

mod codes;
pub(crate) use codes::CodeIndex;
mod detect;
mod engine;
mod lines;
mod products;
mod structure;
mod view;

pub(crate) use detect::detect_lines;
use detect::*;
pub use detect::{detect, DETECT_LINES};
pub use engine::MAX_ENTRY_RECORDS;
use engine::*;
pub use lines::MAX_LINE;
use lines::*;
pub(crate) use lines::{fit_line, is_blank as is_blank_line, split_lines};
pub use structure::{
    read_structure, read_structure_with, Batch, DebitoCredito, Favorecido, Lancamento,
    OcorrenciaPagamento, Pagamento, Structure,
};
pub use view::{
    read_retorno_view, read_retorno_view_with_progress, EntryView, MotivoView, OcorrenciaView,
    RetornoView, RetornoViewReader, ViewChunk,
};

/// The record tables of a CNAB 240 batch of a product other than cobrança, chosen by the batch's service code
/// (header de lote 10-11, FEBRABAN G025, [`Product::from_240_service`]): pagamentos and extrato. `None` for
/// cobrança (read with the bank's own tables) and for products whose CNAB 240 tables are not here (débito
/// automático, service 05).
pub(crate) fn product_spec_240(product: Product) -> Option<&'static LayoutSpec> {
    match product {
        Product::Pagamentos => Some(&crate::layouts::pagamentos240::SPEC),
        Product::Extrato => Some(&crate::layouts::extrato240::SPEC),
        Product::Cobranca | Product::DebitoAutomatico | Product::Arrecadacao => None,
    }
}

/// The product of a CNAB 240 batch header line by its service code (10-11); `None` for a code FEBRABAN does not
/// list.
pub(crate) fn batch_product_240(line: &[u8]) -> Option<Product> {
    line.get(9..11).and_then(Product::from_240_service)
}

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
    #[serde(serialize_with = "crate::bank::json::serialize")]
    pub bank: Bank,
    /// CNAB 240, CNAB 400 or CNAB 150.
    pub layout: Layout,
    /// What the file is for ([`Product`]); cobrança, the default, is left out of the JSON.
    #[serde(skip_serializing_if = "Product::is_cobranca")]
    pub product: Product,
    /// Remessa or retorno.
    pub kind: FileKind,
    /// Layout version from the header (CNAB 240), empty when the layout has none.
    pub version: String,
    /// Whether we have a layout table for this bank, layout and kind.
    pub supported: bool,
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

/// What a reader starts from: what was detected, the spec to read with, the problems so far and the bank code
/// every CNAB 240 record must carry.
type Prepared = (Detected, &'static LayoutSpec, Vec<Error>, Option<[u8; 3]>);

/// Detection and spec choice shared by the whole-file and streaming readers: what to read with, and the problems
/// found so far (in strict mode the first of them is the error).
fn prepare(
    lines: &[(&[u8], LineEnding)],
    opts: ReadOptions,
    default_kind: Option<FileKind>,
) -> Result<Prepared> {
    let (mut d, mut problems) = detect_full(lines, opts.kind.or(default_kind), opts.bank)?;
    let bank_code = bank_ref(&d);
    if let Some(b) = opts.bank {
        d.bank = b;
        problems.retain(|e| !matches!(e.kind, ErrorKind::HeaderBankConflict { .. }));
    }
    if let Some(l) = opts.layout {
        d.layout = l;
    }
    if let Some(k) = opts.kind {
        d.kind = k;
        problems.retain(|e| !matches!(e.kind, ErrorKind::KindConflict { .. }));
    }
    if !opts.lenient {
        if let Some(e) = problems.first() {
            return Err(e.clone());
        }
    }
    let mut spec = match opts.spec {
        Some(s) => s,
        None => choose_spec(&d, opts.lenient, &mut problems)?,
    };
    if opts.spec.is_none() && d.version.is_empty() && !spec.variants.is_empty() {
        // A header that states no version (BB CNAB 400): the variant the details are (CBR640 tipo 1, CBR641 tipo
        // 7) picks the bank's table for it, when it has one, so every field of that variant reaches the model.
        let variant = detail_type_vote(spec, lines)
            .and_then(|(k, _)| spec.variants.iter().find(|(v, _)| *v == k))
            .map(|(_, name)| *name);
        if let Some(name) = variant {
            if let Some(alt) = crate::banks::spec(d.bank.code())
                .and_then(|b| b.layout(spec.layout, spec.kind, name))
                .filter(|alt| alt.versions.contains(&name))
            {
                spec = alt;
            }
        }
    }
    d.layout = spec.layout;
    d.kind = spec.kind;
    Ok((d, spec, problems, bank_code))
}

fn run(
    bytes: &[u8],
    opts: ReadOptions,
    default_kind: Option<FileKind>,
) -> Result<(Detected, Engine<'_>, Envelope)> {
    run_observed(bytes, opts, default_kind, &mut |_| {})
}

/// How many lines the whole-file reader reads between two calls of its progress callback.
const PROGRESS_LINES: usize = 4096;

fn run_observed<'a>(
    bytes: &'a [u8],
    opts: ReadOptions,
    default_kind: Option<FileKind>,
    progress: &mut dyn FnMut(usize),
) -> Result<(Detected, Engine<'a>, Envelope)> {
    let lines = split_lines(bytes);
    let (d, spec, problems, bank_code) = prepare(&lines.lines, opts, default_kind)?;
    let mut engine = Engine::new(spec, opts.lenient, problems, true);
    engine.header_bank = bank_code;
    if let Some((k, tie)) = detail_type_vote(spec, &lines.lines) {
        engine.detail_type = Some(k);
        engine.detail_tie = tie;
    }
    engine.records.reserve(lines.lines.len());
    engine.source = Some(std::sync::Arc::from(bytes));
    match spec.kind {
        FileKind::Retorno => engine.entries.reserve(lines.lines.len() / 2),
        FileKind::Remessa => engine.titulos.reserve(lines.lines.len() / 2),
    }
    for (i, (line, ending)) in lines.lines.iter().enumerate() {
        engine.at = lines.starts.get(i).copied();
        if i % PROGRESS_LINES == 0 {
            if let Some(&at) = lines.starts.get(i) {
                progress(at);
            }
        }
        engine.feed(i + 1, Cow::Borrowed(line), *ending)?;
    }
    engine.finish()?;
    progress(bytes.len());
    let env = Envelope {
        prefix: lines.prefix.to_vec(),
        suffix: lines.suffix.to_vec(),
    };
    Ok((d, engine, env))
}

/// The whole-file reader of views: [`run_observed`] for a retorno, the entries kept as their records (no owned
/// entry, no record copies). Also gives the number of lines read as records.
fn run_views<'a>(
    bytes: &'a [u8],
    opts: ReadOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<(Detected, Engine<'a>, usize)> {
    // Detection reads the first lines only (as the streaming reader's); the lines are then fed as they are split,
    // without a list of them.
    let head: Vec<(&[u8], LineEnding)> = LineIter::new(bytes)
        .take(DETECT_LINES)
        .map(|(_, l, e)| (l, e))
        .collect();
    let (d, spec, problems, bank_code) = prepare(&head, opts, Some(FileKind::Retorno))?;
    if spec.kind != FileKind::Retorno {
        // A remessa: refused with the owned reader's error (strict reading meets the file's first problem before
        // it gets to refuse the kind).
        return Err(read_retorno(bytes, opts)
            .err()
            .unwrap_or_else(|| wrong_kind(FileKind::Retorno, spec.kind)));
    }
    let mut engine = Engine::new(spec, opts.lenient, problems, false);
    engine.header_bank = bank_code;
    if let Some((k, tie)) = detail_type_vote(spec, &head) {
        engine.detail_type = Some(k);
        engine.detail_tie = tie;
    }
    drop(head);
    let mut sink = view::ViewSink::new(spec);
    // About one record per line of the layout's length (a reservation: the lists grow past it if need be).
    let lines = bytes.len() / (spec.layout.line_len() + 1) + 1;
    sink.records.reserve(lines);
    sink.entries.reserve(lines / 2);
    engine.views = Some(sink);
    let mut count = 0;
    for (i, (at, line, ending)) in LineIter::new(bytes).enumerate() {
        if i % PROGRESS_LINES == 0 {
            progress(at);
        }
        engine.feed(i + 1, Cow::Borrowed(line), ending)?;
        count = i + 1;
    }
    engine.finish()?;
    progress(bytes.len());
    Ok((d, engine, count))
}

/// The bank code every CNAB 240 record must carry: the detected one (the header's, or its records' when they
/// agree against it).
fn bank_ref(d: &Detected) -> Option<[u8; 3]> {
    <[u8; 3]>::try_from(d.bank.to_string().as_bytes()).ok()
}

fn into_file(d: &Detected, engine: Engine<'_>) -> CnabFile {
    match d.kind {
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
    }
}

/// Reads a whole file (retorno or remessa, detected) into the model, plus the bytes around its records.
pub fn read_with_envelope(bytes: &[u8], opts: ReadOptions) -> Result<(CnabFile, Envelope)> {
    let (d, engine, env) = run(bytes, opts, None)?;
    Ok((into_file(&d, engine), env))
}

/// [`read_with_envelope`], telling `progress` how far it has got: the byte offset in `bytes` of the line it is
/// about to read, every few thousand lines, and `bytes.len()` once the file is read. For a progress bar; the result
/// is exactly what [`read_with_envelope`] gives.
///
/// ```
/// let bytes = cnab_core::tutorial::ITAU_240_RETORNO;
/// let mut last = 0;
/// let (file, _) = cnab_core::read_with_progress(bytes, Default::default(), &mut |at| last = at).unwrap();
/// assert_eq!(last, bytes.len());
/// assert!(matches!(file, cnab_core::CnabFile::Retorno(_)));
/// ```
pub fn read_with_progress(
    bytes: &[u8],
    opts: ReadOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<(CnabFile, Envelope)> {
    let (d, engine, env) = run_observed(bytes, opts, None, progress)?;
    Ok((into_file(&d, engine), env))
}

/// Reads a whole file (retorno or remessa, detected) into the model.
pub fn read(bytes: &[u8], opts: ReadOptions) -> Result<CnabFile> {
    read_with_envelope(bytes, opts).map(|(f, _)| f)
}

/// Reads a retorno. The kind is detected as [`read`] detects it (a file that does not say is read as a retorno);
/// a remessa is refused with [`ErrorKind::WrongFileKind`] unless `opts.kind` forces the reading.
///
/// ```
/// let bytes = cnab_core::tutorial::ITAU_240_RETORNO;
/// let ret = cnab_core::read_retorno(bytes, cnab_core::ReadOptions::strict()).unwrap();
/// assert_eq!(ret.bank.code(), 341);
/// assert!(!ret.entries.is_empty());
/// ```
pub fn read_retorno(bytes: &[u8], opts: ReadOptions) -> Result<Retorno> {
    let (d, engine, _) = run(bytes, opts, Some(FileKind::Retorno))?;
    match into_file(&d, engine) {
        CnabFile::Retorno(r) => Ok(r),
        CnabFile::Remessa(_) => Err(wrong_kind(FileKind::Retorno, FileKind::Remessa)),
    }
}

/// Reads a remessa back into the model; a retorno is refused as [`read_retorno`] refuses a remessa.
pub fn read_remessa(bytes: &[u8], opts: ReadOptions) -> Result<Remessa> {
    let (d, engine, _) = run(bytes, opts, Some(FileKind::Remessa))?;
    match into_file(&d, engine) {
        CnabFile::Remessa(r) => Ok(r),
        CnabFile::Retorno(_) => Err(wrong_kind(FileKind::Remessa, FileKind::Retorno)),
    }
}

fn wrong_kind(expected: FileKind, found: FileKind) -> Error {
    Error::at_line(
        1,
        ErrorKind::WrongFileKind {
            expected: expected.to_string(),
            found: found.to_string(),
        },
    )
}

/// Reads retorno entries one at a time from any `BufRead`, in constant memory, yielding exactly what [`read_retorno`]
/// yields for the same bytes: the same detection (the first [`DETECT_LINES`] lines are held to see the batch
/// operation and the first segments), the same entries, the same problems ([`RetornoReader::problems`]) and, in
/// strict mode, the same first error. It holds one line buffer, the records of the entry being assembled (at most
/// [`MAX_ENTRY_RECORDS`]) and the count of a run of blank lines. Lines longer than [`MAX_LINE`] are rejected without
/// being read whole. A remessa is refused with [`ErrorKind::WrongFileKind`].
///
/// ```
/// // any BufRead: a BufReader over a File, stdin, or bytes in memory
/// let src: &[u8] = cnab_core::tutorial::ITAU_240_RETORNO;
/// let reader = cnab_core::RetornoReader::new(src, cnab_core::ReadOptions::strict()).unwrap();
/// let nossos: Vec<String> = reader.map(|e| e.unwrap().nosso_numero).collect();
/// assert_eq!(nossos, ["12345678", "12345679"]);
/// ```
pub struct RetornoReader<R: BufRead>(Stream<R>);

/// Reads remessa titles one at a time from any `BufRead`, as [`RetornoReader`] reads retorno entries: what
/// [`read_remessa`] yields for the same bytes, in constant memory; a retorno is refused with
/// [`ErrorKind::WrongFileKind`].
///
/// ```
/// let src: &[u8] = cnab_core::tutorial::ITAU_240_REMESSA;
/// let reader = cnab_core::RemessaReader::new(src, cnab_core::ReadOptions::strict()).unwrap();
/// assert_eq!(reader.count(), 2);
/// ```
pub struct RemessaReader<R: BufRead>(Stream<R>);

/// The streaming engine behind [`RetornoReader`] and [`RemessaReader`].
struct Stream<R: BufRead> {
    lines: StreamLines<R>,
    engine: Engine<'static>,
    /// Lines read for detection, not yet fed.
    head: std::collections::VecDeque<(usize, Vec<u8>, LineEnding)>,
    /// An error met while reading ahead for detection, given after the lines read before it.
    head_err: Option<Error>,
    done: bool,
    detected: Detected,
}

impl<R: BufRead> Stream<R> {
    /// Reads up to [`DETECT_LINES`] lines to detect bank, layout and kind; refuses the other kind.
    fn new(src: R, opts: ReadOptions, kind: FileKind) -> Result<Self> {
        let mut lines = StreamLines {
            src,
            buf: Vec::with_capacity(512),
            line: 0,
            run: None,
            held: None,
            first_blank: Vec::new(),
            pool: Vec::new(),
        };
        let mut head = Vec::new();
        // A line that cannot be read after the first is reported where the whole-file reader would be: in order.
        let mut head_err = None;
        loop {
            let l = match lines.next_line() {
                Ok(Some(l)) => l,
                Ok(None) => break,
                Err(e) if !head.is_empty() => {
                    head_err = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            };
            head.push(l);
            if head.len() >= DETECT_LINES {
                break;
            }
        }
        let views: Vec<(&[u8], LineEnding)> =
            head.iter().map(|(_, b, e)| (b.as_slice(), *e)).collect();
        let (d, spec, problems, bank_code) = prepare(&views, opts, Some(kind))?;
        if spec.kind != kind {
            return Err(wrong_kind(kind, spec.kind));
        }
        let mut engine = Engine::new(spec, opts.lenient, problems, false);
        engine.header_bank = bank_code;
        if let Some((k, tie)) = detail_type_vote(spec, &views) {
            engine.detail_type = Some(k);
            engine.detail_tie = tie;
        }
        drop(views);
        Ok(Stream {
            lines,
            engine,
            head: head.into(),
            head_err,
            done: false,
            detected: d,
        })
    }

    /// Feeds lines until one closes an entry or title (`Some(Ok(()))`, the value then on the engine's list), an
    /// error (`Some(Err)`), or the end (`None`).
    fn next_event(&mut self) -> Option<Result<()>> {
        loop {
            if self.done {
                return None;
            }
            // Past the lines read for detection, straight to the next line (the error slot, large, left in place).
            let next = if self.head.is_empty() && self.head_err.is_none() {
                self.lines.next_line()
            } else {
                match (self.head.pop_front(), self.head_err.take()) {
                    (Some(l), err) => {
                        self.head_err = err;
                        Ok(Some(l))
                    }
                    (None, Some(e)) => Err(e),
                    (None, None) => self.lines.next_line(),
                }
            };
            let fed = match next {
                Err(e) => Err(e),
                Ok(None) => {
                    self.done = true;
                    self.engine.finish()
                }
                Ok(Some((no, bytes, ending))) => {
                    let fed = self.engine.feed(no, Cow::Owned(bytes), ending);
                    self.lines.pool.append(&mut self.engine.spare);
                    fed
                }
            };
            match fed {
                Ok(Some(_)) => return Some(Ok(())),
                Ok(None) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl<R: BufRead> RetornoReader<R> {
    /// Starts reading: reads up to [`DETECT_LINES`] lines to detect bank, layout and kind.
    pub fn new(src: R, opts: ReadOptions) -> Result<Self> {
        Stream::new(src, opts, FileKind::Retorno).map(RetornoReader)
    }
    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.0.detected
    }
    /// The header, once read.
    pub fn header(&self) -> &Header {
        &self.0.engine.header
    }
    /// Problems collected so far (lenient mode).
    pub fn problems(&self) -> &[Error] {
        &self.0.engine.problems
    }
}

impl<R: BufRead> RemessaReader<R> {
    /// Starts reading: reads up to [`DETECT_LINES`] lines to detect bank, layout and kind.
    pub fn new(src: R, opts: ReadOptions) -> Result<Self> {
        Stream::new(src, opts, FileKind::Remessa).map(RemessaReader)
    }
    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.0.detected
    }
    /// The header, once read.
    pub fn header(&self) -> &Header {
        &self.0.engine.header
    }
    /// Problems collected so far (lenient mode).
    pub fn problems(&self) -> &[Error] {
        &self.0.engine.problems
    }
}

impl<R: BufRead> Iterator for RemessaReader<R> {
    type Item = Result<Titulo>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.0.next_event()? {
                Ok(()) => {
                    if let Some(t) = self.0.engine.titulos.pop() {
                        return Some(Ok(t));
                    }
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl<R: BufRead> Iterator for RetornoReader<R> {
    type Item = Result<RetornoEntry>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.0.next_event()? {
                Ok(()) => {
                    if let Some(e) = self.0.engine.entries.pop() {
                        return Some(Ok(e));
                    }
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// Reads one line (ending excluded) of at most [`MAX_LINE`] bytes into `buf` for the streaming readers;
/// `Ok(None)` at end of input. `line` is the number of lines read before (for the error's position).
pub(crate) fn read_line<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    line: usize,
) -> Result<Option<LineEnding>> {
    let limit = if line == 0 {
        MAX_LINE + UTF8_BOM.len()
    } else {
        MAX_LINE
    };
    read_line_limited(r, buf, limit).map_err(|e| Error::at_line(line + 1, io_kind(e)))
}
