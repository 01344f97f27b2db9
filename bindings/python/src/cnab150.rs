//! `cnab.iter_entries150`'s native half: a CNAB 150 file (FEBRABAN débito automático, arrecadação) streamed with
//! [`Reader150`], in constant memory. Entries are read a batch at a time with the GIL released and handed out one
//! at a time as the JSON `cnab parse` prints for an entry (the Python layer builds its `Entry150`); the
//! registration records (B, C, D, H) are read and checked but not handed out.

use std::fs::File;
use std::io::{BufReader, Read};
use std::sync::Arc;

use cnab_core::cnab150::{Detail150, Reader150};
use cnab_core::ReadOptions;
use pyo3::prelude::*;
use serde_json::Value;

use crate::{cnab_err, error_json, named_opt, to_json, usage_err, PyFileRead};

type Source = BufReader<Box<dyn Read + Send + Sync>>;

/// How many entries one GIL-free read fetches.
const BATCH: usize = 256;

/// Streams the entries (registros E, F, G) of a CNAB 150 file.
#[pyclass(module = "cnab._cnab")]
pub(crate) struct Entry150Iter {
    reader: Reader150<Source>,
    /// The path (or the file object's `name`), named by every error and problem.
    name: Option<Arc<str>>,
    /// Entries read (as JSON) and not handed out yet, in reverse order: the next one is last.
    buffer: Vec<String>,
    /// The error that ended the last batch, raised once the entries before it are out.
    pending: Option<cnab_core::Error>,
    /// The reader is exhausted.
    done: bool,
}

impl Entry150Iter {
    fn new(reader: Reader150<Source>, name: Option<Arc<str>>) -> Self {
        Entry150Iter {
            reader,
            name,
            buffer: Vec::new(),
            pending: None,
            done: false,
        }
    }

    /// Reads up to `BATCH` entries without the GIL (a Python file object takes it back for each of its reads).
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let (reader, buffer, pending, done) = (
            &mut self.reader,
            &mut self.buffer,
            &mut self.pending,
            &mut self.done,
        );
        py.detach(|| -> PyResult<()> {
            while buffer.len() < BATCH {
                match reader.next() {
                    None => {
                        *done = true;
                        break;
                    }
                    Some(Ok(Detail150::Entry(e))) => buffer.push(to_json(&e)?),
                    Some(Ok(_)) => {}
                    Some(Err(e)) => {
                        *pending = Some(e);
                        break;
                    }
                }
            }
            Ok(())
        })?;
        buffer.reverse();
        Ok(())
    }
}

#[pymethods]
impl Entry150Iter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next entry as JSON.
    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<String>> {
        if self.buffer.is_empty() && self.pending.is_none() && !self.done {
            self.fill(py)?;
        }
        if let Some(e) = self.buffer.pop() {
            return Ok(Some(e));
        }
        match self.pending.take() {
            Some(e) => Err(cnab_err(&named_opt(e, &self.name))),
            None => Ok(None),
        }
    }

    /// The header (registro A) as JSON; complete once the first entry was read.
    fn header_json(&self) -> PyResult<String> {
        to_json(self.reader.header())
    }

    /// What was detected (JSON).
    fn detected_json(&self) -> PyResult<String> {
        to_json(self.reader.detected())
    }

    /// Z02 and Z03 as read (the amount as a string), once the trailer was read.
    fn trailer(&self) -> (Option<u64>, Option<String>) {
        let (count, total) = self.reader.trailer();
        (count, total.map(|d| d.to_string()))
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

/// The options of a CNAB 150 read (what `read150` uses); `layout` may only say 150.
fn options150(layout: Option<u16>, lenient: bool) -> PyResult<ReadOptions> {
    match layout {
        None | Some(150) => Ok(ReadOptions {
            lenient,
            ..ReadOptions::default()
        }),
        Some(n) => Err(usage_err(
            "unknown_layout",
            "structure",
            format!("iter_entries150 reads CNAB 150 files: layout must be 150 or None, not {n}"),
        )),
    }
}

fn open(
    py: Python<'_>,
    src: Box<dyn Read + Send + Sync>,
    name: Option<Arc<str>>,
    opts: ReadOptions,
) -> PyResult<Entry150Iter> {
    let reader = py
        .detach(|| Reader150::new(BufReader::with_capacity(1 << 16, src), opts))
        .map_err(|e| cnab_err(&named_opt(e, &name)))?;
    Ok(Entry150Iter::new(reader, name))
}

/// Opens a CNAB 150 file for streaming from a path.
#[pyfunction]
#[pyo3(signature = (path, layout=None, lenient=false))]
fn iter_entries150(
    py: Python<'_>,
    path: &str,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<Entry150Iter> {
    let opts = options150(layout, lenient)?;
    let f: Box<dyn Read + Send + Sync> = Box::new(py.detach(|| File::open(path))?);
    open(py, f, Some(Arc::from(path)), opts)
}

/// Opens a CNAB 150 file for streaming from a binary file object; `name` (its `name` attribute, when a string)
/// is named by errors.
#[pyfunction]
#[pyo3(signature = (file, name=None, layout=None, lenient=false))]
fn iter_entries150_from(
    py: Python<'_>,
    file: Py<PyAny>,
    name: Option<&str>,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<Entry150Iter> {
    let opts = options150(layout, lenient)?;
    open(py, Box::new(PyFileRead(file)), name.map(Arc::from), opts)
}

/// Adds this module's class and functions to `_cnab`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Entry150Iter>()?;
    m.add_function(wrap_pyfunction!(iter_entries150, m)?)?;
    m.add_function(wrap_pyfunction!(iter_entries150_from, m)?)?;
    Ok(())
}
