//! The retorno model as native classes: `RetornoEntry`, `Ocorrencia`, `Motivo` and `PixInfo` hold the Rust values
//! read by the core and create the Python values (`Decimal`, `date`, `str`) only when an attribute is read.
//! `to_dict()` is the core's serde JSON (what `cnab parse` prints) turned into Python values, so the two cannot
//! drift; the attribute names are the Rust field names (the stubs in `_cnab.pyi` are checked against these classes by
//! `mypy.stubtest` in the test script).

use chrono::{Datelike, NaiveDate};
use cnab_core::{
    EntryView, Motivo as CoreMotivo, Ocorrencia as CoreOcorrencia, PixInfo as CorePix,
    RetornoEntry as Core, ViewChunk,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple, PyType};
use rust_decimal::Decimal;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::{Arc, LazyLock, Mutex};

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static KIND: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PESSOA: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static JSON_DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A value's text in a stack buffer (a `Decimal` has at most 29 digits, a sign and a point): no allocation.
struct StackText {
    buf: [u8; 64],
    len: usize,
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// How many `Decimal` objects [`py_decimal`] keeps: a retorno repeats amounts (every entry that is not a payment
/// carries a zero amount paid, a tarifa is the same on every line), so those are made once and shared (a `Decimal`
/// is immutable).
const DECIMAL_SLOTS: usize = 4096;

/// The `Decimal` objects already made, by value (direct-mapped on the value's bits: sign, scale and mantissa, so
/// `1.0` and `1.00` or `0` and `-0` never share an object).
static DECIMALS: PyOnceLock<Shared<[u8; 16]>> = PyOnceLock::new();

/// Immutable Python objects already made, direct-mapped: a key's slot holds the last object made for a key of that
/// slot, and a lookup hits when the slot's key is the key.
struct Shared<K>(Mutex<Vec<Slot<K>>>);

/// A key and the object made for it, or nothing yet.
type Slot<K> = Option<(K, Py<PyAny>)>;

impl<K: PartialEq> Shared<K> {
    fn new(slots: usize) -> Self {
        Shared(Mutex::new((0..slots).map(|_| None).collect()))
    }

    /// The object made for `key`, if its slot still holds it.
    fn get<'py>(&self, py: Python<'py>, slot: usize, key: &K) -> Option<Bound<'py, PyAny>> {
        let slots = self.0.lock().ok()?;
        match slots.get(slot) {
            Some(Some((k, obj))) if k == key => Some(obj.clone_ref(py).into_bound(py)),
            _ => None,
        }
    }

    /// Keeps `obj` as the object of `key` in `slot`.
    fn put(&self, slot: usize, key: K, obj: &Bound<'_, PyAny>) {
        let old = match self.0.lock() {
            Ok(mut slots) => slots
                .get_mut(slot)
                .and_then(|s| s.replace((key, obj.clone().unbind()))),
            Err(_) => None,
        };
        // The object this one replaces is released after the lock.
        drop(old);
    }
}

/// The cache slot of a value's bits.
fn decimal_slot(key: &[u8; 16]) -> usize {
    let h = u128::from_le_bytes(*key).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835);
    (h >> 116) as usize % DECIMAL_SLOTS
}

/// `decimal.Decimal` of the value's text (scale kept: `127.50` stays `Decimal("127.50")`; one object per value
/// while it stays in the cache).
pub fn py_decimal<'py>(py: Python<'py>, d: Option<&Decimal>) -> PyResult<Bound<'py, PyAny>> {
    let Some(d) = d else {
        return Ok(py.None().into_bound(py));
    };
    let key = d.serialize();
    let slot = decimal_slot(&key);
    let cache = DECIMALS.get_or_init(py, || Shared::new(DECIMAL_SLOTS));
    if let Some(obj) = cache.get(py, slot, &key) {
        return Ok(obj);
    }
    let decimal = DECIMAL.import(py, "decimal", "Decimal")?;
    let mut text = StackText {
        buf: [0; 64],
        len: 0,
    };
    let obj = match std::fmt::write(&mut text, format_args!("{d}")) {
        Ok(()) => {
            let s = std::str::from_utf8(text.buf.get(..text.len).unwrap_or_default())
                .unwrap_or_default();
            decimal.call1((PyString::new(py, s),))?
        }
        Err(_) => decimal.call1((d.to_string(),))?,
    };
    cache.put(slot, key, &obj);
    Ok(obj)
}

/// How many `date` objects [`py_date`] keeps: a retorno's dates fall on few days (the days around the file's), so
/// most are made once and shared (a `date` is immutable).
const DATE_SLOTS: usize = 1024;

/// The `date` objects already made, by day (direct-mapped: a day's slot is its number modulo [`DATE_SLOTS`]).
static DATES: PyOnceLock<Shared<i32>> = PyOnceLock::new();

/// `datetime.date` (one object per day while it stays in the cache).
pub fn py_date<'py>(py: Python<'py>, d: Option<&NaiveDate>) -> PyResult<Bound<'py, PyAny>> {
    let Some(d) = d else {
        return Ok(py.None().into_bound(py));
    };
    let key = d.num_days_from_ce();
    let slot = key.rem_euclid(DATE_SLOTS as i32) as usize;
    let cache = DATES.get_or_init(py, || Shared::new(DATE_SLOTS));
    if let Some(obj) = cache.get(py, slot, &key) {
        return Ok(obj);
    }
    let obj = DATE
        .import(py, "datetime", "date")?
        .call1((d.year(), d.month(), d.day()))?;
    cache.put(slot, key, &obj);
    Ok(obj)
}

/// A JSON value as Python values (objects keep the core's key order).
pub fn value_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let l = PyList::empty(py);
            for x in a {
                l.append(value_to_py(py, x)?)?;
            }
            l.into_any()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(k, value_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// The value's serde JSON as a Python dict.
fn to_py_dict<'py, T: serde::Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(v).map_err(|e| PyValueError::new_err(e.to_string()))?;
    value_to_py(py, &json)
}

/// `json.dumps(d, indent=indent, ensure_ascii=False)`: what the dataclasses' `to_json` gave.
fn dumps(py: Python<'_>, d: &Bound<'_, PyAny>, indent: Option<usize>) -> PyResult<String> {
    let f = JSON_DUMPS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("dumps")?.unbind())
    })?;
    let kw = PyDict::new(py);
    kw.set_item("indent", indent)?;
    kw.set_item("ensure_ascii", false)?;
    f.bind(py).call((d,), Some(&kw))?.extract()
}

/// A dict shaped like the value's JSON (amounts as `Decimal`/str/int, dates as `date`/ISO strings) → the value.
/// Keys the model does not have are a `TypeError`, as they were for the dataclasses.
fn from_py_dict<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    what: &str,
    fields: &[&str],
    d: &Bound<'_, PyAny>,
) -> PyResult<T> {
    let dict = d.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what}.from_dict() takes a dict, not {}",
            d.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    let mut unknown: Vec<String> = Vec::new();
    for k in dict.keys() {
        let k: String = k.extract()?;
        if !fields.contains(&k.as_str()) {
            unknown.push(k);
        }
    }
    if !unknown.is_empty() {
        unknown.sort();
        return Err(PyTypeError::new_err(format!(
            "{what}: unknown key(s) {unknown:?}"
        )));
    }
    let kw = PyDict::new(py);
    kw.set_item("default", py.get_type::<PyString>())?;
    let f = JSON_DUMPS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("dumps")?.unbind())
    })?;
    let s: String = f.bind(py).call((dict,), Some(&kw))?.extract()?;
    serde_json::from_str(&s).map_err(|e| PyTypeError::new_err(format!("{what}: {e}")))
}

fn kind_name(k: cnab_core::OcorrenciaKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "desconhecida".into())
}

fn py_kind<'py>(py: Python<'py>, k: cnab_core::OcorrenciaKind) -> PyResult<Bound<'py, PyAny>> {
    KIND.import(py, "cnab._model", "OcorrenciaKind")?
        .call1((kind_name(k),))
}

fn repr_str(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// An ocorrência (movement) code, its normalized kind and the manual's description.
#[pyclass(module = "cnab._cnab", name = "Ocorrencia", frozen, eq)]
#[derive(PartialEq, Clone)]
pub struct Ocorrencia(pub CoreOcorrencia);

#[pymethods]
impl Ocorrencia {
    /// The code as the bank sends it (`"06"`).
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }
    /// The normalized meaning.
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_kind(py, self.0.kind)
    }
    /// The bank manual's description.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }
    /// As the core's JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0)
    }
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        dumps(py, &self.to_dict(py)?, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "Ocorrencia(code={}, kind={}, description={})",
            repr_str(&self.0.code),
            repr_str(&kind_name(self.0.kind)),
            repr_str(&self.0.description)
        )
    }
}

/// A motivo (reason) code attached to an ocorrência.
#[pyclass(module = "cnab._cnab", name = "Motivo", frozen, eq)]
#[derive(PartialEq, Clone)]
pub struct Motivo(pub CoreMotivo);

#[pymethods]
impl Motivo {
    /// The code as sent.
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }
    /// The manual's description, when the table lists it.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0)
    }
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        dumps(py, &self.to_dict(py)?, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "Motivo(code={}, description={})",
            repr_str(&self.0.code),
            self.0
                .description
                .as_deref()
                .map_or("None".into(), repr_str)
        )
    }
}

/// The fields of `PixInfo`, in the core's order (its JSON keys).
const PIX_FIELDS: &[&str] = &[
    "tipo_chave",
    "chave",
    "url",
    "txid",
    "emv",
    "location",
    "pagamento",
];

/// The fields of a Pix `TipoPagamento` (CNAB 400 registro tipo 8 positions 2-42).
const TIPO_PAGAMENTO_FIELDS: &[&str] = &[
    "tipo",
    "quantidade",
    "tipo_valor",
    "valor_maximo",
    "percentual_maximo",
    "valor_minimo",
    "percentual_minimo",
];

static TIPO_PAGAMENTO: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Pix data of a boleto híbrido as a file carries them: a retorno entry's, or a título's in a remessa (chave, tipo
/// de chave, txid, location; checked when written). Each layout carries a subset.
#[pyclass(module = "cnab._cnab", name = "PixInfo", frozen, eq)]
#[derive(PartialEq, Clone)]
pub struct PixInfo(pub CorePix);

#[pymethods]
impl PixInfo {
    /// Builds the Pix data from keyword arguments (each a string, empty when not given; `pagamento` a
    /// `TipoPagamento` or a dict shaped like it).
    #[new]
    #[pyo3(signature = (*, tipo_chave="", chave="", url="", txid="", emv="", location="", pagamento=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        tipo_chave: &str,
        chave: &str,
        url: &str,
        txid: &str,
        emv: &str,
        location: &str,
        pagamento: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let pagamento = match pagamento {
            None => None,
            Some(p) if p.is_none() => None,
            Some(p) => {
                let d = match p.getattr("to_dict") {
                    Ok(f) => f.call0()?,
                    Err(_) => p.clone(),
                };
                Some(from_py_dict(
                    py,
                    "TipoPagamento",
                    TIPO_PAGAMENTO_FIELDS,
                    &d,
                )?)
            }
        };
        Ok(Self(CorePix {
            tipo_chave: tipo_chave.to_owned(),
            chave: chave.to_owned(),
            url: url.to_owned(),
            txid: txid.to_owned(),
            emv: emv.to_owned(),
            location: location.to_owned(),
            pagamento,
        }))
    }
    /// Builds the Pix data from a dict shaped like its JSON. Unknown keys are a `TypeError`.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self(from_py_dict(py, "PixInfo", PIX_FIELDS, d)?))
    }
    /// Id of a location created beforehand through the Pix API (Itaú CNAB 400 remessa tipo 3).
    #[getter]
    fn location(&self) -> &str {
        &self.0.location
    }
    /// Tipo de pagamento of the registro tipo 8 (CNAB 400 remessas), a `TipoPagamento`, or None.
    #[getter]
    fn pagamento<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.0.pagamento {
            None => Ok(py.None().into_bound(py)),
            Some(p) => {
                let f = TIPO_PAGAMENTO.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
                    Ok(py
                        .import("cnab._model")?
                        .getattr("_tipo_pagamento_from_dict")?
                        .unbind())
                })?;
                f.bind(py).call1((to_py_dict(py, p)?,))
            }
        }
    }
    /// Tipo de chave DICT as sent (1 CPF, 2 CNPJ, 3 celular, 4 e-mail, 5 chave aleatória).
    #[getter]
    fn tipo_chave(&self) -> &str {
        &self.0.tipo_chave
    }
    #[getter]
    fn chave(&self) -> &str {
        &self.0.chave
    }
    /// Location (URL) of the dynamic QR code.
    #[getter]
    fn url(&self) -> &str {
        &self.0.url
    }
    #[getter]
    fn txid(&self) -> &str {
        &self.0.txid
    }
    /// The whole EMV QR code (BR Code), where the layout carries it.
    #[getter]
    fn emv(&self) -> &str {
        &self.0.emv
    }
    /// As the core serializes it: empty fields left out.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.0)
    }
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        dumps(py, &self.to_dict(py)?, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "PixInfo(tipo_chave={}, chave={}, url={}, txid={}, emv={}, location={})",
            repr_str(&self.0.tipo_chave),
            repr_str(&self.0.chave),
            repr_str(&self.0.url),
            repr_str(&self.0.txid),
            repr_str(&self.0.emv),
            repr_str(&self.0.location)
        )
    }
}

/// The fields of `RetornoEntry`, in the core's order (its JSON keys); the names shared with the Arrow columns come
/// from `cnab-arrow`.
const ENTRY_FIELDS: &[&str] = cnab_arrow::column_names!(
    cnab_arrow::KEY_COLUMNS,
    ["ocorrencia", "motivos"],
    cnab_arrow::DATE_COLUMNS,
    cnab_arrow::AMOUNT_COLUMNS,
    ["pagador", "pix", "pago_por_pix"],
    cnab_arrow::COBRADOR_COLUMNS,
    ["line", "last_line"],
);

/// A retorno read into entry views, with the bytes they are views over: what a whole-file read keeps, so that a
/// `RetornoEntry` is an index into it and its fields are decoded when read.
pub type ViewFile = crate::ViewCell;

/// What a `RetornoEntry` holds: the owned entry (built from Python), or the place of an entry view in a retorno read
/// whole (the bytes and the view index are shared by all its entries) or in a chunk of a streamed one (the chunk's
/// records are shared by its entries).
pub enum Entry {
    /// An owned entry.
    Owned(Box<Core>),
    /// The `usize`th entry of a retorno read into views.
    View(Arc<ViewFile>, usize),
    /// The `usize`th entry of a chunk of streamed views.
    Chunk(Arc<ViewChunk>, usize),
}

/// An entry to read from: the owned one, or its view.
enum At<'a> {
    Owned(&'a Core),
    View(EntryView<'a>),
}

/// The entry of an index past the view's entries (never made: the indexes come from the view's length).
static NO_ENTRY: LazyLock<Core> = LazyLock::new(Core::default);

/// One retorno entry: what happened to one title. Read-only; amounts are `Decimal` and dates `date`, created when
/// read. An entry of a retorno read whole is a view over the file's bytes: each field is decoded from them when
/// read (where a bank rule rewrites entries, the entry is built on the first read and kept).
#[pyclass(module = "cnab._cnab", name = "RetornoEntry", frozen, eq)]
pub struct RetornoEntry(pub Entry);

impl PartialEq for RetornoEntry {
    fn eq(&self, other: &Self) -> bool {
        *self.owned() == *other.owned()
    }
}

impl RetornoEntry {
    /// An owned entry.
    pub fn new_owned(e: Core) -> Self {
        RetornoEntry(Entry::Owned(Box::new(e)))
    }

    fn at(&self) -> At<'_> {
        match &self.0 {
            Entry::Owned(e) => At::Owned(e),
            Entry::View(file, i) => match file.borrow_dependent().entry(*i) {
                Some(v) => At::View(v),
                None => At::Owned(&NO_ENTRY),
            },
            Entry::Chunk(chunk, i) => match chunk.entry(*i) {
                Some(v) => At::View(v),
                None => At::Owned(&NO_ENTRY),
            },
        }
    }

    /// Reads a value from the owned entry or from the view.
    fn pick<'s, R>(
        &'s self,
        owned: impl FnOnce(&Core) -> R,
        view: impl FnOnce(&EntryView<'s>) -> R,
    ) -> R {
        match self.at() {
            At::Owned(e) => owned(e),
            At::View(v) => view(&v),
        }
    }

    /// Adds the entry's row to an Arrow batch (a view's fields decoded from its records, no owned entry built).
    pub fn push_into(&self, b: &mut cnab_arrow::BatchBuilder) -> Result<(), cnab_arrow::Error> {
        match self.at() {
            At::Owned(e) => b.push(e),
            At::View(v) => b.push_view(&v),
        }
    }

    /// The owned entry (built from the view, for a view).
    pub fn owned(&self) -> Cow<'_, Core> {
        match self.at() {
            At::Owned(e) => Cow::Borrowed(e),
            At::View(v) => Cow::Owned(v.to_owned()),
        }
    }
}

#[pymethods]
impl RetornoEntry {
    /// Builds an entry from keyword arguments shaped like its JSON (see `from_dict`).
    #[new]
    #[pyo3(signature = (**kwargs))]
    fn new(py: Python<'_>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        match kwargs {
            None => Ok(Self::new_owned(Core::default())),
            Some(d) => Ok(Self::new_owned(from_py_dict(
                py,
                "RetornoEntry",
                ENTRY_FIELDS,
                d.as_any(),
            )?)),
        }
    }

    /// Builds an entry from a dict shaped like its JSON (amounts as `Decimal`, str or int; dates as `date` or
    /// `"YYYY-MM-DD"`; nested dicts). Unknown keys are a `TypeError`.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self::new_owned(from_py_dict(
            py,
            "RetornoEntry",
            ENTRY_FIELDS,
            d,
        )?))
    }

    /// The entry as the JSON the Rust core (and `cnab parse`) produces: amounts and dates as strings.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &*self.owned())
    }

    /// `to_dict()` as a JSON string.
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        dumps(py, &self.to_dict(py)?, indent)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let f = slf.get_type().getattr("from_dict")?;
        let d = slf.get().to_dict(py)?;
        PyTuple::new(py, [f, PyTuple::new(py, [d])?.into_any()])
    }

    fn __repr__(&self) -> String {
        let e = self.owned();
        let oc = e.ocorrencia.as_ref().map_or("None".into(), |o| {
            format!("{} {}", o.code, kind_name(o.kind))
        });
        format!(
            "RetornoEntry(line={}, nosso_numero={}, seu_numero={}, ocorrencia={}, valor_pago={}, data_ocorrencia={})",
            e.line,
            repr_str(&e.nosso_numero),
            repr_str(&e.seu_numero),
            repr_str(&oc),
            e.valor_pago.map_or("None".into(), |v| format!("Decimal('{v}')")),
            e.data_ocorrencia.map_or("None".into(), |d| format!("{d}")),
        )
    }

    /// Shortcut for `ocorrencia.kind` (None without an ocorrência).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let k = self.pick(
            |e| e.ocorrencia.as_ref().map(|o| o.kind),
            |v| v.ocorrencia().map(|o| o.kind),
        );
        match k {
            None => Ok(py.None().into_bound(py)),
            Some(k) => py_kind(py, k),
        }
    }

    #[getter]
    fn nosso_numero<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.pick(
            |e| PyString::new(py, &e.nosso_numero),
            |v| PyString::new(py, &v.nosso_numero()),
        )
    }
    #[getter]
    fn nosso_numero_dv<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        self.pick(
            |e| e.nosso_numero_dv.as_deref().map(|s| PyString::new(py, s)),
            |v| v.nosso_numero_dv().map(|s| PyString::new(py, &s)),
        )
    }
    #[getter]
    fn seu_numero<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.pick(
            |e| PyString::new(py, &e.seu_numero),
            |v| PyString::new(py, &v.seu_numero()),
        )
    }
    #[getter]
    fn uso_empresa<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.pick(
            |e| PyString::new(py, &e.uso_empresa),
            |v| PyString::new(py, &v.uso_empresa()),
        )
    }
    #[getter]
    fn carteira<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.pick(
            |e| PyString::new(py, &e.carteira),
            |v| PyString::new(py, &v.carteira()),
        )
    }
    /// Variação da carteira (BB) or modalidade (Caixa), where the retorno carries it.
    #[getter]
    fn variacao<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.pick(
            |e| PyString::new(py, &e.variacao),
            |v| PyString::new(py, &v.variacao()),
        )
    }
    #[getter]
    fn ocorrencia(&self) -> Option<Ocorrencia> {
        self.pick(
            |e| e.ocorrencia.clone(),
            |v| {
                v.ocorrencia().map(|o| CoreOcorrencia {
                    code: o.code.into_owned(),
                    kind: o.kind,
                    description: o.description.into_owned(),
                })
            },
        )
        .map(Ocorrencia)
    }
    #[getter]
    fn motivos(&self) -> Vec<Motivo> {
        self.pick(
            |e| e.motivos.iter().cloned().map(Motivo).collect(),
            |v| {
                v.motivos()
                    .into_iter()
                    .map(|m| {
                        Motivo(CoreMotivo {
                            code: m.code.into_owned(),
                            description: m.description.map(Cow::into_owned),
                        })
                    })
                    .collect()
            },
        )
    }
    #[getter]
    fn data_ocorrencia<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.data_ocorrencia, EntryView::data_ocorrencia);
        py_date(py, d.as_ref())
    }
    #[getter]
    fn data_credito<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.data_credito, EntryView::data_credito);
        py_date(py, d.as_ref())
    }
    #[getter]
    fn vencimento<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.vencimento, EntryView::vencimento);
        py_date(py, d.as_ref())
    }
    #[getter]
    fn valor_titulo<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.valor_titulo, EntryView::valor_titulo);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn valor_pago<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.valor_pago, EntryView::valor_pago);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn valor_creditado<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.valor_creditado, EntryView::valor_creditado);
        py_decimal(py, d.as_ref())
    }
    /// Juros and multa paid: the bank's combined field, or `juros + multa` where the layout carries them apart.
    #[getter]
    fn juros_multa<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.juros_multa, EntryView::juros_multa);
        py_decimal(py, d.as_ref())
    }
    /// Juros (mora) paid, where the layout carries it apart from the multa (Caixa and Sicredi CNAB 400).
    #[getter]
    fn juros<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.juros, EntryView::juros);
        py_decimal(py, d.as_ref())
    }
    /// Multa paid, where the layout carries it apart from the juros (Caixa and Sicredi CNAB 400).
    #[getter]
    fn multa<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.multa, EntryView::multa);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn desconto<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.desconto, EntryView::desconto);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn abatimento<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.abatimento, EntryView::abatimento);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn iof<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.iof, EntryView::iof);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn tarifa<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.tarifa, EntryView::tarifa);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn outras_despesas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.outras_despesas, EntryView::outras_despesas);
        py_decimal(py, d.as_ref())
    }
    #[getter]
    fn outros_creditos<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = self.pick(|e| e.outros_creditos, EntryView::outros_creditos);
        py_decimal(py, d.as_ref())
    }
    /// The pagador, where the retorno carries it (a `cnab.Pessoa`).
    #[getter]
    fn pagador<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.pick(|e| e.pagador.clone(), EntryView::pagador) {
            None => Ok(py.None().into_bound(py)),
            Some(p) => {
                let f = PESSOA.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
                    Ok(py
                        .import("cnab._model")?
                        .getattr("_pessoa_from_dict")?
                        .unbind())
                })?;
                f.bind(py).call1((to_py_dict(py, &p)?,))
            }
        }
    }
    /// Pix data of a boleto híbrido, where the retorno carries them.
    #[getter]
    fn pix(&self) -> Option<PixInfo> {
        self.pick(|e| e.pix.clone(), EntryView::pix).map(PixInfo)
    }
    /// Whether the payment came by Pix rather than the barcode, where the layout reports the channel (Banco
    /// Votorantim CNAB 400: ocorrência 70 "Liquidação PIX"); None otherwise.
    #[getter]
    fn pago_por_pix(&self) -> Option<bool> {
        self.pick(|e| e.pago_por_pix, EntryView::pago_por_pix)
    }
    #[getter]
    fn banco_cobrador<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.pick(
            |e| PyString::new(py, &e.banco_cobrador),
            |v| PyString::new(py, &v.banco_cobrador()),
        )
    }
    #[getter]
    fn agencia_cobradora<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.pick(
            |e| PyString::new(py, &e.agencia_cobradora),
            |v| PyString::new(py, &v.agencia_cobradora()),
        )
    }
    /// 1-based line of the entry's first record.
    #[getter]
    fn line(&self) -> usize {
        self.pick(|e| e.line, EntryView::line)
    }
    /// 1-based line of the entry's last record (its records are the lines `line..=last_line`).
    #[getter]
    fn last_line(&self) -> usize {
        self.pick(|e| e.last_line, EntryView::last_line)
    }
}

/// The entries as a Python list of `RetornoEntry` (moved, not copied).
pub fn entries_list<'py>(py: Python<'py>, entries: Vec<Core>) -> PyResult<Bound<'py, PyList>> {
    let l = PyList::empty(py);
    for e in entries {
        l.append(Bound::new(py, RetornoEntry::new_owned(e))?)?;
    }
    Ok(l)
}

/// The entries of a chunk of streamed views as `RetornoEntry` objects (each an index into the shared chunk).
pub fn chunk_entry(chunk: &Arc<ViewChunk>, i: usize) -> RetornoEntry {
    RetornoEntry(Entry::Chunk(Arc::clone(chunk), i))
}

/// A retorno's entry views as a Python list of `RetornoEntry` (each an index into the shared file).
pub fn views_list<'py>(py: Python<'py>, file: &Arc<ViewFile>) -> PyResult<Bound<'py, PyList>> {
    let n = file.borrow_dependent().len();
    let items = (0..n)
        .map(|i| Bound::new(py, RetornoEntry(Entry::View(Arc::clone(file), i))))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}
