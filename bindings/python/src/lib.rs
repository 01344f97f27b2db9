//! `cnab._cnab`: the native half of the `cnab` Python package.
//!
//! The Python layer (`python/cnab/__init__.py`) is thin: retorno entries are native classes (`model.rs`; a retorno
//! read whole keeps its bytes and the core's entry views, and each field is decoded when read), the rest is
//! exchanged as JSON strings (the same JSON the `cnab` CLI prints) that the Python side turns into dataclasses with
//! `Decimal` and `date` values.
//! Errors are raised as `_cnab.NativeError(payload_json)`, the payload being the error JSON of the core (what
//! `cnab parse --lenient` lists in `problems`) plus `"source"`; the Python layer turns it into the right subclass of
//! `cnab.CnabError`. Reading and writing release the GIL.
#![forbid(unsafe_code)]
// As in the root workspace: `cnab_core::Error` carries its position by value; errors are the cold path.
#![allow(clippy::result_large_err)]

use std::fs::File;
use std::io::{BufReader, Read};
use std::sync::Arc;

use cnab_core::{
    Bank, CnabFile, FileKind, Kind, Layout, RawRecord, ReadOptions, RetornoView, RetornoViewReader,
};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyBytes;
use serde_json::{json, Value};

// `cnab.baixa`'s native half (the file is baixa.rs; the module name keeps clear of the `baixa` crate).
#[path = "baixa.rs"]
mod baixa_native;
mod cnab150;
mod columns;
mod model;

create_exception!(
    _cnab,
    NativeError,
    PyValueError,
    "An error from the Rust core; args[0] is a JSON payload."
);

/// `FooBar(..)` / `FooBar { .. }` / `FooBar` → `foo_bar`.
fn variant_name(debug: &str) -> String {
    let head: String = debug
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let mut out = String::with_capacity(head.len() + 4);
    for (i, c) in head.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The core's error JSON, with `"source": "cnab"`.
fn error_json(e: &cnab_core::Error) -> Value {
    let mut v = serde_json::to_value(e).unwrap_or_else(|err| {
        // Unreachable (every kind serializes, a test in the core proves it); still an error, not a panic.
        json!({"kind": e.kind.code(), "code": e.kind.code(), "category": e.kind.category(),
               "message": format!("{e} (not serializable: {err})"), "line": e.line, "columns": e.columns,
               "field": e.field, "record": e.record})
    });
    if let Value::Object(m) = &mut v {
        m.insert("source".into(), Value::from("cnab"));
    }
    v
}

fn cnab_err(e: &cnab_core::Error) -> PyErr {
    NativeError::new_err(error_json(e).to_string())
}

/// The error, naming the file it is about.
fn named(e: cnab_core::Error, file: &Arc<str>) -> cnab_core::Error {
    e.with_file(Arc::clone(file))
}

fn boleto_err(e: &boleto::BoletoError) -> PyErr {
    use boleto::BoletoError as B;
    let field: Option<String> = match e {
        B::CheckDigit { field, .. }
        | B::MissingField { field, .. }
        | B::InvalidField { field, .. } => Some((*field).to_string()),
        B::InvalidValor { .. } => Some("valor".into()),
        B::DateOutOfRange { .. } => Some("vencimento".into()),
        B::Moeda { .. } => Some("moeda".into()),
        B::UnsupportedBank(_) => Some("banco".into()),
        _ => None,
    };
    let column: Option<usize> = match e {
        B::NonDigit { position, .. } => Some(*position),
        _ => None,
    };
    let kind = variant_name(&format!("{e:?}"));
    // A bank without boleto rules is a limit of this library; everything else is about the code's content.
    let category = if matches!(e, B::UnsupportedBank(_)) {
        "business"
    } else {
        "field"
    };
    NativeError::new_err(
        json!({
            "source": "boleto",
            "kind": kind,
            "code": kind,
            "category": category,
            "message": e.to_string(),
            "line": 0,
            "columns": column.map(|c| [c, c]),
            "field": field,
            "record": null,
        })
        .to_string(),
    )
}

/// An error in the arguments or the model given: `kind` is a core error code, `category` its category.
fn usage_err(kind: &str, category: &str, message: String) -> PyErr {
    NativeError::new_err(
        json!({"source": "cnab", "kind": kind, "code": kind, "category": category, "message": message,
               "line": 0, "columns": null, "field": null, "record": null})
        .to_string(),
    )
}

fn json_err(what: &str, e: &serde_json::Error) -> PyErr {
    usage_err("invalid", "business", format!("{what}: {e}"))
}

fn to_json<T: serde::Serialize>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| json_err("serializing", &e))
}

fn parse_bank(s: Option<&str>) -> PyResult<Option<Bank>> {
    s.map(|s| cnab_core::bank::parse(s).map_err(|e| cnab_err(&e)))
        .transpose()
}

fn parse_layout(n: Option<u16>) -> PyResult<Option<Layout>> {
    n.map(|n| {
        Layout::from_number(n).ok_or_else(|| {
            usage_err(
                "unknown_layout",
                "structure",
                format!("layout must be 150, 240 or 400, not {n}"),
            )
        })
    })
    .transpose()
}

fn parse_kind(s: Option<&str>) -> PyResult<Option<FileKind>> {
    match s {
        None => Ok(None),
        Some("remessa") => Ok(Some(FileKind::Remessa)),
        Some("retorno") => Ok(Some(FileKind::Retorno)),
        Some(o) => Err(usage_err(
            "unknown_kind",
            "structure",
            format!("kind must be \"remessa\" or \"retorno\", not {o:?}"),
        )),
    }
}

fn options(
    bank: Option<&str>,
    layout: Option<u16>,
    kind: Option<&str>,
    lenient: bool,
) -> PyResult<ReadOptions> {
    Ok(ReadOptions {
        lenient,
        bank: parse_bank(bank)?,
        layout: parse_layout(layout)?,
        kind: parse_kind(kind)?,
        ..ReadOptions::default()
    })
}

/// A file's bytes: given (from Python), or read from a path. A file of [`MAP_FROM`] bytes or more is read into an
/// anonymous memory map asked for huge pages (`memmap2`, whose anonymous maps need no unsafe code here): a fresh
/// `Vec` of that size is mapped by the allocator page by page, and its 4 KiB page faults (each zeroing and charging
/// one page) cost more than the copy of the file itself.
pub enum Bytes {
    /// Bytes in a vector.
    Vec(Vec<u8>),
    /// A Python `bytes` object's own buffer (no copy; a `bytearray` is copied once by pyo3).
    Py(PyBackedBytes),
    /// The first `usize` bytes of a map.
    Map(memmap2::MmapMut, usize),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Vec(v) => v,
            Bytes::Py(b) => b,
            Bytes::Map(m, n) => m.get(..*n).unwrap_or_default(),
        }
    }
}

/// The size from which [`read_file`] reads into a map (below it, a `Vec`'s pages cost little).
const MAP_FROM: u64 = 4 << 20;

fn read_file(path: &str) -> Result<Bytes, PyErr> {
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    let Ok(size) = usize::try_from(len) else {
        return Ok(Bytes::Vec(std::fs::read(path)?));
    };
    if len < MAP_FROM {
        let mut v = Vec::with_capacity(size);
        f.read_to_end(&mut v)?;
        return Ok(Bytes::Vec(v));
    }
    let mut map = memmap2::MmapOptions::new().len(size).map_anon()?;
    // A hint: without huge pages (not configured, none free) the map works as well, page by page.
    let _ = map.advise(memmap2::Advice::HugePage);
    let mut n = 0;
    while let Some(rest) = map.get_mut(n..).filter(|r| !r.is_empty()) {
        match f.read(rest) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    // The file grew since its size was read: the bytes so far and the rest, in a vector.
    let mut more = Vec::new();
    f.read_to_end(&mut more)?;
    if more.is_empty() {
        return Ok(Bytes::Map(map, n));
    }
    let mut v = map.get(..n).unwrap_or_default().to_vec();
    v.append(&mut more);
    Ok(Bytes::Vec(v))
}

self_cell::self_cell!(
    /// A retorno's bytes and the entry views over them (read with `cnab_core::read_retorno_view`), held together.
    pub struct ViewCell {
        owner: Bytes,
        #[covariant]
        dependent: RetornoView,
    }
);

/// Whether these bytes are read as a retorno of entry views: a retorno by its detection (or read as one), CNAB 240
/// or 400. Anything else (a remessa, a file whose detection fails) takes the owned reader, with its errors.
fn reads_as_views(data: &[u8], opts: &ReadOptions) -> bool {
    match opts.kind {
        Some(FileKind::Retorno) => true,
        Some(_) => false,
        None => cnab_core::detect(data)
            .is_ok_and(|d| d.kind == FileKind::Retorno && d.layout != Layout::Cnab150),
    }
}

/// What a whole-file read gives: a retorno's entry views over its bytes, or the owned model (remessas).
#[allow(clippy::large_enum_variant)] // one per file read
enum Loaded {
    Views(Arc<ViewCell>),
    Owned(CnabFile, Option<u16>),
}

/// Reads a file's bytes; `name` (the path, when read from one) is named by every error and problem.
fn read_and_layout(
    data: Bytes,
    opts: ReadOptions,
    name: Option<&Arc<str>>,
) -> cnab_core::Result<Loaded> {
    let with_name = |e: cnab_core::Error| match name {
        Some(n) => named(e, n),
        None => e,
    };
    if reads_as_views(&data, &opts) {
        let mut cell = ViewCell::try_new(data, |b| cnab_core::read_retorno_view(b, opts))
            .map_err(with_name)?;
        if let Some(n) = name {
            cell.with_dependent_mut(|_, v| cnab_core::Error::name_file(&mut v.problems, n));
        }
        return Ok(Loaded::Views(Arc::new(cell)));
    }
    let mut file = cnab_core::read(&data, opts).map_err(with_name)?;
    if let Some(n) = name {
        let problems = match &mut file {
            CnabFile::Retorno(r) => &mut r.problems,
            CnabFile::Remessa(r) => &mut r.problems,
        };
        cnab_core::Error::name_file(problems, n);
    }
    let layout = opts
        .layout
        .or_else(|| cnab_core::detect(&data).ok().map(|d| d.layout))
        .map(Layout::number);
    Ok(Loaded::Owned(file, layout))
}

/// A file read whole, kept on the Rust side: a retorno as entry views over its bytes (its entries decoded field by
/// field when read, its records only when asked for), a remessa as the owned model.
#[pyclass(module = "cnab._cnab")]
struct NativeFile {
    file: Loaded,
}

impl NativeFile {
    /// The owned model: a remessa's, or a retorno's read again from its bytes (records included).
    fn owned(&self) -> PyResult<std::borrow::Cow<'_, CnabFile>> {
        match &self.file {
            Loaded::Owned(f, _) => Ok(std::borrow::Cow::Borrowed(f)),
            Loaded::Views(cell) => {
                let v = cell.borrow_dependent();
                let mut r = v.to_owned().map_err(|e| cnab_err(&e))?;
                r.problems.clone_from(&v.problems);
                Ok(std::borrow::Cow::Owned(CnabFile::Retorno(r)))
            }
        }
    }

    fn problems(&self) -> &[cnab_core::Error] {
        match &self.file {
            Loaded::Views(cell) => &cell.borrow_dependent().problems,
            Loaded::Owned(CnabFile::Retorno(r), _) => &r.problems,
            Loaded::Owned(CnabFile::Remessa(r), _) => &r.problems,
        }
    }
}

fn records(file: &CnabFile) -> &[RawRecord] {
    match file {
        CnabFile::Retorno(r) => &r.records,
        CnabFile::Remessa(r) => &r.records,
    }
}

#[pymethods]
impl NativeFile {
    /// The model as JSON, exactly what `cnab parse FILE` prints (records left out).
    fn model_json(&self, py: Python<'_>) -> PyResult<String> {
        let file = self.owned()?;
        py.detach(|| {
            let mut file = file.into_owned();
            match &mut file {
                CnabFile::Retorno(r) => r.records.clear(),
                CnabFile::Remessa(r) => r.records.clear(),
            }
            serde_json::to_string(&file)
        })
        .map_err(|e| json_err("serializing", &e))
    }

    /// Every record as JSON: `[{line, record, raw, fields: {name: value}}]`.
    fn records_json(&self, py: Python<'_>) -> PyResult<String> {
        let file = self.owned()?;
        py.detach(|| {
            let records = records(&file);
            let mut out = Vec::with_capacity(records.len());
            for r in records {
                let mut v = serde_json::to_value(r)?;
                let kinds = r.with_view(|view| {
                    let mut kinds = serde_json::Map::new();
                    if let Some(view) = view {
                        for (spec, _) in view.fields() {
                            let k = match spec.kind {
                                Kind::Num { scale: 0 } => "int",
                                Kind::Num { .. } => "decimal",
                                Kind::Date(_) => "date",
                                _ => "text",
                            };
                            kinds.insert(spec.name.to_string(), Value::from(k));
                        }
                    }
                    kinds
                });
                if let Value::Object(m) = &mut v {
                    m.insert("kinds".into(), Value::Object(kinds));
                }
                out.push(v);
            }
            serde_json::to_string(&out)
        })
        .map_err(|e| json_err("serializing", &e))
    }

    /// A retorno's entries as a list of native `RetornoEntry`: views into this file (a remessa: `[]`).
    fn take_entries<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyList>> {
        match &mut self.file {
            Loaded::Views(cell) => model::views_list(py, cell),
            Loaded::Owned(CnabFile::Retorno(r), _) => {
                model::entries_list(py, std::mem::take(&mut r.entries))
            }
            Loaded::Owned(CnabFile::Remessa(_), _) => model::entries_list(py, Vec::new()),
        }
    }

    /// "retorno" or "remessa".
    #[getter]
    fn kind(&self) -> &'static str {
        match &self.file {
            Loaded::Views(_) | Loaded::Owned(CnabFile::Retorno(_), _) => "retorno",
            Loaded::Owned(CnabFile::Remessa(_), _) => "remessa",
        }
    }

    /// The bank as `(code, name)`, when known.
    fn bank(&self) -> Option<(String, String)> {
        let b = match &self.file {
            Loaded::Views(cell) => Some(cell.borrow_dependent().bank),
            Loaded::Owned(CnabFile::Retorno(r), _) => Some(r.bank),
            Loaded::Owned(CnabFile::Remessa(r), _) => r.bank,
        }?;
        Some((b.to_string(), cnab_core::bank::name(b).to_owned()))
    }

    /// The header as JSON.
    fn header_json(&self) -> PyResult<String> {
        match &self.file {
            Loaded::Views(cell) => to_json(&cell.borrow_dependent().header),
            Loaded::Owned(CnabFile::Retorno(r), _) => to_json(&r.header),
            Loaded::Owned(CnabFile::Remessa(r), _) => to_json(&r.header),
        }
    }

    /// The layout (240 or 400) the file was read with, when known.
    #[getter]
    fn layout(&self) -> Option<u16> {
        match &self.file {
            Loaded::Views(cell) => Some(cell.borrow_dependent().layout.number()),
            Loaded::Owned(CnabFile::Retorno(r), _) => Some(r.layout.number()),
            Loaded::Owned(CnabFile::Remessa(_), layout) => *layout,
        }
    }

    /// Number of records.
    fn record_count(&self) -> usize {
        match &self.file {
            Loaded::Views(cell) => cell.borrow_dependent().record_count(),
            Loaded::Owned(f, _) => records(f).len(),
        }
    }
}

/// Detects bank, layout and kind; returns the `Detected` as JSON.
#[pyfunction]
fn detect(py: Python<'_>, data: Vec<u8>) -> PyResult<String> {
    let d = py
        .detach(|| cnab_core::detect(&data))
        .map_err(|e| cnab_err(&e))?;
    to_json(&d)
}

/// Reads a whole file from bytes (a `bytes` object's buffer is read in place, not copied).
#[pyfunction]
#[pyo3(signature = (data, bank=None, layout=None, kind=None, lenient=false))]
fn read_bytes(
    py: Python<'_>,
    data: PyBackedBytes,
    bank: Option<&str>,
    layout: Option<u16>,
    kind: Option<&str>,
    lenient: bool,
) -> PyResult<NativeFile> {
    let opts = options(bank, layout, kind, lenient)?;
    let file = py
        .detach(|| read_and_layout(Bytes::Py(data), opts, None))
        .map_err(|e| cnab_err(&e))?;
    Ok(NativeFile { file })
}

/// Reads a whole file from a path.
#[pyfunction]
#[pyo3(signature = (path, bank=None, layout=None, kind=None, lenient=false))]
fn read_path(
    py: Python<'_>,
    path: &str,
    bank: Option<&str>,
    layout: Option<u16>,
    kind: Option<&str>,
    lenient: bool,
) -> PyResult<NativeFile> {
    let opts = options(bank, layout, kind, lenient)?;
    let path = path.to_owned();
    let file = py.detach(move || -> PyResult<Loaded> {
        let data = read_file(&path)?;
        let name: Arc<str> = Arc::from(path);
        read_and_layout(data, opts, Some(&name)).map_err(|e| cnab_err(&e))
    })?;
    Ok(NativeFile { file })
}

/// A CNAB 150 file (débito automático, arrecadação) read whole: `None` when the bytes are not CNAB 150 (and
/// `layout` does not say 150), else its model JSON (records left out) and its problems' JSON.
fn read150(
    data: &[u8],
    layout: Option<u16>,
    lenient: bool,
    name: Option<&Arc<str>>,
) -> PyResult<Option<(String, String)>> {
    let is_150 = match layout {
        Some(150) => true,
        Some(_) => false,
        None => cnab_core::detect(data).is_ok_and(|d| d.layout == Layout::Cnab150),
    };
    if !is_150 {
        return Ok(None);
    }
    let opts = ReadOptions {
        lenient,
        ..ReadOptions::default()
    };
    let mut f = cnab_core::cnab150::read(data, opts).map_err(|e| match name {
        Some(n) => cnab_err(&named(e, n)),
        None => cnab_err(&e),
    })?;
    if let Some(n) = name {
        cnab_core::Error::name_file(&mut f.problems, n);
    }
    f.records.clear();
    let problems = Value::Array(f.problems.iter().map(error_json).collect()).to_string();
    Ok(Some((to_json(&f)?, problems)))
}

/// Reads CNAB 150 bytes: see [`read150`].
#[pyfunction]
#[pyo3(signature = (data, layout=None, lenient=false))]
fn read150_bytes(
    py: Python<'_>,
    data: PyBackedBytes,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<Option<(String, String)>> {
    py.detach(|| read150(&data, layout, lenient, None))
}

/// Reads a CNAB 150 file from a path: see [`read150`]; only its first 4 KB are read when it is not CNAB 150.
#[pyfunction]
#[pyo3(signature = (path, layout=None, lenient=false))]
fn read150_path(
    py: Python<'_>,
    path: &str,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<Option<(String, String)>> {
    let path = path.to_owned();
    py.detach(move || {
        if layout.is_none() {
            let mut head = Vec::with_capacity(4096);
            File::open(&path)?.take(4096).read_to_end(&mut head)?;
            let is_150 = cnab_core::detect(&head).is_ok_and(|d| d.layout == Layout::Cnab150);
            if !is_150 {
                return Ok(None);
            }
        }
        let data = read_file(&path)?;
        let name: Arc<str> = Arc::from(path);
        read150(&data, layout.or(Some(150)), lenient, Some(&name))
    })
}

/// Streams retorno entries from a file in constant memory: the core reads a chunk of entries at a time with the GIL
/// released, as views over the chunk's lines (no owned entry built), and hands them out one at a time as native
/// `RetornoEntry` objects that share the chunk (an entry kept keeps its chunk's lines, not the file).
#[pyclass(module = "cnab._cnab")]
struct EntryIter {
    reader: RetornoViewReader<BufReader<Box<dyn Read + Send + Sync>>>,
    /// The path (or the file object's `name`), named by every error and problem.
    name: Option<Arc<str>>,
    /// The chunk being handed out, and the index of its next entry.
    chunk: Option<(Arc<cnab_core::ViewChunk>, usize)>,
    /// The reader is exhausted.
    done: bool,
}

/// How many entries one GIL-free read fetches (about 0.5 MB of CNAB 240 lines).
const ENTRY_CHUNK: usize = 1024;

impl EntryIter {
    fn new(
        reader: RetornoViewReader<BufReader<Box<dyn Read + Send + Sync>>>,
        name: Option<Arc<str>>,
    ) -> Self {
        EntryIter {
            reader,
            name,
            chunk: None,
            done: false,
        }
    }
}

/// The error, naming the file when its name is known.
fn named_opt(e: cnab_core::Error, name: &Option<Arc<str>>) -> cnab_core::Error {
    match name {
        Some(n) => named(e, n),
        None => e,
    }
}

/// A Python binary file object (`open(p, "rb")`, `io.BytesIO`, an upload) as a `Read`: each read calls its
/// `read(n)` holding the GIL.
struct PyFileRead(Py<PyAny>);

impl Read for PyFileRead {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        Python::attach(|py| {
            let got = self
                .0
                .bind(py)
                .call_method1("read", (buf.len(),))
                .map_err(std::io::Error::other)?;
            let bytes = got.cast::<PyBytes>().map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "a CNAB file object must be opened in binary mode ('rb')",
                )
            })?;
            let b = bytes.as_bytes();
            let n = b.len().min(buf.len());
            if let (Some(dst), Some(src)) = (buf.get_mut(..n), b.get(..n)) {
                dst.copy_from_slice(src);
            }
            Ok(n)
        })
    }
}

#[pymethods]
impl EntryIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<model::RetornoEntry>> {
        loop {
            if let Some((chunk, next)) = &mut self.chunk {
                if *next < chunk.len() {
                    let e = model::chunk_entry(chunk, *next);
                    *next += 1;
                    return Ok(Some(e));
                }
            }
            self.chunk = None;
            if self.done {
                return Ok(None);
            }
            // Reads the next chunk without the GIL (a Python file object takes it back for each of its reads).
            let reader = &mut self.reader;
            match py.detach(|| reader.next_chunk(ENTRY_CHUNK)) {
                None => self.done = true,
                Some(Ok(c)) => self.chunk = Some((Arc::new(c), 0)),
                Some(Err(e)) => return Err(cnab_err(&named_opt(e, &self.name))),
            }
        }
    }

    /// The header (JSON), once read.
    fn header_json(&self) -> PyResult<String> {
        to_json(self.reader.header())
    }

    /// What was detected (JSON).
    fn detected_json(&self) -> PyResult<String> {
        to_json(self.reader.detected())
    }

    /// Problems collected so far (lenient mode), as a JSON list of error payloads.
    fn problems_json(&self) -> String {
        Value::Array(
            self.reader
                .problems()
                .iter()
                .map(|e| error_json(&named_opt(e.clone(), &self.name)))
                .collect(),
        )
        .to_string()
    }
}

/// Opens a retorno for streaming.
#[pyfunction]
#[pyo3(signature = (path, bank=None, layout=None, lenient=false))]
fn iter_entries(
    py: Python<'_>,
    path: &str,
    bank: Option<&str>,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<EntryIter> {
    let opts = options(bank, layout, None, lenient)?;
    let name: Arc<str> = Arc::from(path);
    let reader = py.detach(|| -> PyResult<_> {
        let f: Box<dyn Read + Send + Sync> = Box::new(File::open(path)?);
        RetornoViewReader::new(BufReader::new(f), opts).map_err(|e| cnab_err(&named(e, &name)))
    })?;
    Ok(EntryIter::new(reader, Some(name)))
}

/// Opens a retorno for streaming from a binary file object; `name` (its `name` attribute, when a string) is
/// named by errors.
#[pyfunction]
#[pyo3(signature = (file, name=None, bank=None, layout=None, lenient=false))]
fn iter_entries_from(
    py: Python<'_>,
    file: Py<PyAny>,
    name: Option<&str>,
    bank: Option<&str>,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<EntryIter> {
    let opts = options(bank, layout, None, lenient)?;
    let name: Option<Arc<str>> = name.map(Arc::from);
    let f: Box<dyn Read + Send + Sync> = Box::new(PyFileRead(file));
    let reader = py
        .detach(|| RetornoViewReader::new(BufReader::with_capacity(1 << 16, f), opts))
        .map_err(|e| cnab_err(&named_opt(e, &name)))?;
    Ok(EntryIter::new(reader, name))
}

/// Error payloads (JSON list) for a list of errors; used for `problems`.
#[pyfunction]
fn problems_json(file: &NativeFile) -> String {
    Value::Array(file.problems().iter().map(error_json).collect()).to_string()
}

/// Writes a remessa given as JSON (the model `cnab parse` prints for a remessa) for a bank and layout → the bytes
/// and the warnings as JSON (`[{titulo, seu_numero, nosso_numero, field, value, line, columns, layout_field, kind,
/// width?, written?, message}]`). With `strict`, the first warning is an error instead. Unknown JSON keys are
/// refused.
#[pyfunction]
#[pyo3(signature = (model, bank, layout, strict = false))]
fn write_remessa<'py>(
    py: Python<'py>,
    model: &str,
    bank: &str,
    layout: u16,
    strict: bool,
) -> PyResult<(Bound<'py, PyBytes>, String)> {
    let bank = parse_bank(Some(bank))?
        .ok_or_else(|| usage_err("invalid", "business", "bank is required".into()))?;
    let layout = parse_layout(Some(layout))?
        .ok_or_else(|| usage_err("invalid", "business", "layout is required".into()))?;
    let m = cnab_core::remessa_from_json(model.as_bytes()).map_err(|e| cnab_err(&e))?;
    let opts = cnab_core::WriteOptions {
        strict,
        ..cnab_core::WriteOptions::default()
    };
    let written = py
        .detach(|| cnab_core::write_remessa_with(&m, bank, layout, opts))
        .map_err(|e| cnab_err(&e))?;
    let warnings: Vec<Value> = written
        .warnings
        .iter()
        .map(|w| {
            let mut v = serde_json::to_value(w).unwrap_or(Value::Null);
            if let Value::Object(o) = &mut v {
                o.insert("message".into(), Value::String(w.to_string()));
            }
            v
        })
        .collect();
    Ok((
        PyBytes::new(py, &written.bytes),
        Value::Array(warnings).to_string(),
    ))
}

/// Parses a barcode, linha digitável or arrecadação code → JSON (what `cnab boleto parse` prints).
#[pyfunction]
fn boleto_parse(code: &str) -> PyResult<String> {
    let p = boleto::parse_any(code).map_err(|e| boleto_err(&e))?;
    to_json(&p)
}

/// Builds a boleto from a JSON `BoletoInput` → JSON `BoletoOutput` (what `cnab boleto make` prints).
#[pyfunction]
fn boleto_make(input: &str) -> PyResult<String> {
    let req: boleto::BoletoInput = serde_json::from_str(input).map_err(|e| {
        NativeError::new_err(
            json!({"source": "boleto", "kind": "invalid_input", "code": "invalid_input", "category": "field",
                   "message": format!("boleto input: {e}"), "line": 0, "columns": null, "field": null,
                   "record": null})
            .to_string(),
        )
    })?;
    let out = boleto::make(&req).map_err(|e| boleto_err(&e))?;
    to_json(&out)
}

/// A BR Code problem as the Python `PixError`: `field` is the data object's name (`crc` for a wrong CRC), `tag`
/// its EMV tag (`59`, `26-01`, …) in the details.
fn pix_err(e: &boleto::PixError) -> PyErr {
    use boleto::PixError as P;
    let (field, tag): (Option<&str>, Option<String>) = match e {
        P::Crc { .. } => (Some("crc"), Some("63".into())),
        P::Missing { tag, field } => (Some(*field), Some((*tag).to_string())),
        P::TooLong { tag, field, .. } | P::Invalid { tag, field, .. } => {
            (Some(*field), Some(tag.clone()))
        }
        P::WrongGui { tag, .. } => (Some("gui"), Some(tag.clone())),
        _ => (None, None),
    };
    let column: Option<usize> = match e {
        P::Syntax { position, .. } => Some(*position),
        _ => None,
    };
    let kind = variant_name(&format!("{e:?}"));
    NativeError::new_err(
        json!({"source": "pix", "kind": kind, "code": kind, "category": "field", "message": e.to_string(),
               "line": 0, "columns": column.map(|c| [c, c]), "field": field, "record": null, "tag": tag})
        .to_string(),
    )
}

/// Builds a PIX BR Code ("Pix Copia e Cola"): static with `chave`, dynamic with `url` (what `cnab pix make` does).
#[pyfunction]
#[pyo3(signature = (nome, cidade, chave=None, url=None, valor=None, txid=None, descricao=None, cep=None, unico=false))]
#[allow(clippy::too_many_arguments)] // the payload's optional fields, as keyword arguments
fn pix_make(
    nome: &str,
    cidade: &str,
    chave: Option<&str>,
    url: Option<&str>,
    valor: Option<&str>,
    txid: Option<&str>,
    descricao: Option<&str>,
    cep: Option<&str>,
    unico: bool,
) -> PyResult<String> {
    use boleto::pix::BrCode;
    let mut b = match (chave, url) {
        (Some(c), None) => BrCode::estatico(c, nome, cidade),
        (None, Some(u)) => BrCode::dinamico(u, nome, cidade),
        (Some(_), Some(_)) => {
            return Err(usage_err(
                "invalid",
                "business",
                "give either chave (static payload) or url (dynamic payload), not both".into(),
            ))
        }
        (None, None) => {
            return Err(usage_err(
                "invalid",
                "business",
                "missing chave (static payload) or url (dynamic payload)".into(),
            ))
        }
    };
    if let Some(v) = valor {
        let d: rust_decimal::Decimal = v.parse().map_err(|_| {
            usage_err(
                "invalid",
                "field",
                format!("valor {v:?}: not a decimal amount"),
            )
        })?;
        b = b.valor(d);
    }
    if let Some(t) = txid {
        b = b.txid(t);
    }
    if let Some(d) = descricao {
        b = b.descricao(d);
    }
    if let Some(c) = cep {
        b = b.cep(c);
    }
    let code = b.unico(unico).build().map_err(|e| pix_err(&e))?;
    Ok(code.as_str().to_string())
}

/// Checks a BR Code and returns its fields as JSON (what `cnab pix parse` prints).
#[pyfunction]
fn pix_parse(payload: &str) -> PyResult<String> {
    let code: boleto::pix::BrCode = payload.parse().map_err(|e| pix_err(&e))?;
    to_json(&json!({
        "tipo": if code.is_dinamico() { "dinamico" } else { "estatico" },
        "chave": code.chave(),
        "chave_tipo": code.chave_tipo(),
        "url": code.url(),
        "nome": code.nome(),
        "cidade": code.cidade(),
        "valor": code.valor(),
        "txid": code.txid(),
        "descricao": code.descricao(),
        "cep": code.cep(),
        "unico": code.unico(),
        "outros": code.outros(),
    }))
}

fn print_err(e: &boleto_print::PrintError) -> PyErr {
    let kind = variant_name(&format!("{e:?}"));
    let field = match e {
        boleto_print::PrintError::Field { field, .. } => Some(*field),
        _ => None,
    };
    NativeError::new_err(
        json!({"source": "boleto", "kind": kind, "code": kind, "category": "field",
               "message": e.to_string(), "line": 0, "columns": null, "field": field, "record": null})
        .to_string(),
    )
}

/// The PDF of one título (a JSON object) or a carnê (a JSON array): what `cnab boleto pdf` writes.
#[pyfunction]
fn boleto_pdf<'py>(py: Python<'py>, input: &str) -> PyResult<Bound<'py, PyBytes>> {
    let titulos = boleto_print::from_json(input).map_err(|e| print_err(&e))?;
    let pdf = py
        .detach(|| boleto_print::pdf(&titulos))
        .map_err(|e| print_err(&e))?;
    Ok(PyBytes::new(py, &pdf))
}

/// A text document (the markup of `boleto_print::texto_pdf`: `# títulos`, `| tabelas |`) as PDF: the régua's
/// cartas de cobrança (an action's `documento`).
#[pyfunction]
fn texto_pdf<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyBytes>> {
    let pdf = py
        .detach(|| boleto_print::texto_pdf(text))
        .map_err(|e| print_err(&e))?;
    Ok(PyBytes::new(py, &pdf))
}

/// The printable HTML of one título or a carnê: what `cnab boleto html` writes.
#[pyfunction]
fn boleto_html(input: &str) -> PyResult<String> {
    let titulos = boleto_print::from_json(input).map_err(|e| print_err(&e))?;
    boleto_print::html(&titulos).map_err(|e| print_err(&e))
}

/// The barcode as SVG, of 44 digits or of a título (a JSON object): what `cnab boleto svg` writes.
#[pyfunction]
fn boleto_svg(input: &str) -> PyResult<String> {
    if input.trim_start().starts_with('{') {
        let titulos = boleto_print::from_json(input).map_err(|e| print_err(&e))?;
        let mut out = String::new();
        for t in &titulos {
            out = boleto_print::barcode_svg(t.made.barcode.as_str()).map_err(|e| print_err(&e))?;
        }
        return Ok(out);
    }
    boleto_print::barcode_svg(input).map_err(|e| print_err(&e))
}

#[pymodule]
fn _cnab(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    m.add_class::<NativeFile>()?;
    m.add_class::<EntryIter>()?;
    m.add_class::<model::RetornoEntry>()?;
    m.add_class::<model::Ocorrencia>()?;
    m.add_class::<model::Motivo>()?;
    m.add_class::<model::PixInfo>()?;
    m.add_function(wrap_pyfunction!(columns::entries_to_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(columns::iter_batches, m)?)?;
    m.add_function(wrap_pyfunction!(columns::iter_batches_from, m)?)?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(read_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(read_path, m)?)?;
    m.add_function(wrap_pyfunction!(read150_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(read150_path, m)?)?;
    m.add_function(wrap_pyfunction!(iter_entries, m)?)?;
    m.add_function(wrap_pyfunction!(iter_entries_from, m)?)?;
    m.add_function(wrap_pyfunction!(problems_json, m)?)?;
    m.add_function(wrap_pyfunction!(write_remessa, m)?)?;
    m.add_function(wrap_pyfunction!(boleto_parse, m)?)?;
    m.add_function(wrap_pyfunction!(boleto_make, m)?)?;
    baixa_native::register(m)?;
    cnab150::register(m)?;
    m.add_function(wrap_pyfunction!(boleto_pdf, m)?)?;
    m.add_function(wrap_pyfunction!(boleto_html, m)?)?;
    m.add_function(wrap_pyfunction!(texto_pdf, m)?)?;
    m.add_function(wrap_pyfunction!(boleto_svg, m)?)?;
    m.add_function(wrap_pyfunction!(pix_make, m)?)?;
    m.add_function(wrap_pyfunction!(pix_parse, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
