//! Retorno entries as Arrow columns for Python: `to_arrow()` and the streaming batch reader, both exported through
//! the Arrow PyCapsule interface (`__arrow_c_stream__`), so pyarrow, Polars and DuckDB take them without a copy row
//! by row. The columns are the `cnab-arrow` crate's (the same as `cnab parse --format parquet`).

use std::fs::File;
use std::io::{BufReader, Read};
use std::sync::Arc;

use cnab_core::RetornoViewReader;
use pyo3::prelude::*;
use pyo3_arrow::{PyRecordBatchReader, PyTable};

use crate::model::RetornoEntry;
use crate::{cnab_err, named, named_opt, options, PyFileRead};

fn arrow_err(e: &cnab_arrow::Error) -> PyErr {
    match e {
        cnab_arrow::Error::Read(e) => cnab_err(e),
        other => pyo3::exceptions::PyValueError::new_err(other.to_string()),
    }
}

/// A sequence of `RetornoEntry` as an Arrow table (one record batch), built without the GIL.
#[pyfunction]
pub fn entries_to_arrow(py: Python<'_>, entries: &Bound<'_, PyAny>) -> PyResult<PyTable> {
    let held: Vec<Bound<'_, RetornoEntry>> = entries
        .try_iter()?
        .map(|x| Ok(x?.cast_into::<RetornoEntry>()?))
        .collect::<PyResult<_>>()?;
    let refs: Vec<&RetornoEntry> = held.iter().map(|b| b.get()).collect();
    let batch = py
        .detach(|| {
            let mut b = cnab_arrow::BatchBuilder::with_capacity(refs.len());
            for e in &refs {
                e.push_into(&mut b)?;
            }
            b.finish()
        })
        .map_err(|e| arrow_err(&e))?;
    PyTable::try_new(vec![batch], cnab_arrow::schema())
}

type Source = BufReader<Box<dyn Read + Send + Sync>>;

/// The batches, read as entry views a chunk of `batch_size` entries at a time (no owned entry built).
fn batches(
    reader: RetornoViewReader<Source>,
    name: Option<Arc<str>>,
    batch_size: usize,
) -> PyRecordBatchReader {
    PyRecordBatchReader::new(Box::new(
        cnab_arrow::ViewBatches::new(reader, batch_size).naming(name),
    ))
}

/// A retorno streamed from a path as Arrow record batches of `batch_size` entries, in constant memory.
#[pyfunction]
#[pyo3(signature = (path, batch_size=65536, bank=None, layout=None, lenient=false))]
pub fn iter_batches(
    py: Python<'_>,
    path: &str,
    batch_size: usize,
    bank: Option<&str>,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<PyRecordBatchReader> {
    let opts = options(bank, layout, None, lenient)?;
    let name: Arc<str> = Arc::from(path);
    let reader = py.detach(|| -> PyResult<_> {
        let f: Box<dyn Read + Send + Sync> = Box::new(File::open(path)?);
        RetornoViewReader::new(BufReader::with_capacity(1 << 16, f), opts)
            .map_err(|e| cnab_err(&named(e, &name)))
    })?;
    Ok(batches(reader, Some(name), batch_size))
}

/// The same from a binary file object (`name`, when given, is named by errors).
#[pyfunction]
#[pyo3(signature = (file, name=None, batch_size=65536, bank=None, layout=None, lenient=false))]
pub fn iter_batches_from(
    py: Python<'_>,
    file: Py<PyAny>,
    name: Option<&str>,
    batch_size: usize,
    bank: Option<&str>,
    layout: Option<u16>,
    lenient: bool,
) -> PyResult<PyRecordBatchReader> {
    let opts = options(bank, layout, None, lenient)?;
    let name: Option<Arc<str>> = name.map(Arc::from);
    let f: Box<dyn Read + Send + Sync> = Box::new(PyFileRead(file));
    let reader = py
        .detach(|| RetornoViewReader::new(BufReader::with_capacity(1 << 16, f), opts))
        .map_err(|e| cnab_err(&named_opt(e, &name)))?;
    Ok(batches(reader, name, batch_size))
}
