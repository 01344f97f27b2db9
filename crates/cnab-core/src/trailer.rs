//! Trailer totals: what a retorno's trailers count and sum, with the meaning the bank's manual gives each field.
//!
//! A retorno trailer mixes two kinds of totals. Some total the file: Bradesco CNAB 400's "quantidade de registros
//! ocorrência 02 – confirmação de entradas", Itaú CNAB 400's "quantidade de registros de transação". Others total
//! the beneficiary's whole portfolio at the bank, whatever the file carries: "quantidade de títulos em cobrança"
//! (Bradesco and Itaú CNAB 400, Santander and Itaú CNAB 240), so a file of 6 entries may close with 18 titles. The
//! layout tables say which is which ([`crate::field::TotalSpec`], attached to the trailer fields where a manual
//! states it); [`Retorno::trailer_totals`] reads them, and [`Retorno::trailer_checks`] compares only the totals of
//! the file with its entries. A portfolio total is information, never a disagreement.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::field::{FieldSpec, Kind, Measure, RecordLayout, ScopeSpec, TotalSpec};
use crate::model::{Retorno, RetornoEntry};
use crate::record::RawRecord;

/// The titles a trailer total covers (the owned form of [`ScopeSpec`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TotalScope {
    /// Every entry of the file (of the batch, for a CNAB 240 batch trailer).
    File,
    /// The entries of the file (batch) whose ocorrência is one of `codes`.
    Ocorrencias {
        /// The ocorrência codes, as the bank sends them.
        codes: Vec<String>,
    },
    /// The beneficiary's titles at the bank in one kind of cobrança (`simples`, `vinculada`, `caucionada`,
    /// `descontada`, …): informative.
    Carteira {
        /// The kind of cobrança, as the manual names it.
        carteira: String,
    },
    /// The beneficiary's whole portfolio at the bank: informative.
    Portfolio,
}

impl TotalScope {
    /// True when the total covers entries of this file, so that the entries can be checked against it.
    pub fn is_file(&self) -> bool {
        matches!(self, TotalScope::File | TotalScope::Ocorrencias { .. })
    }

    fn from_spec(s: &ScopeSpec) -> Self {
        match s {
            ScopeSpec::File => TotalScope::File,
            ScopeSpec::Ocorrencias(codes) => TotalScope::Ocorrencias {
                codes: codes.iter().map(|c| (*c).to_string()).collect(),
            },
            ScopeSpec::Carteira(c) => TotalScope::Carteira {
                carteira: (*c).to_string(),
            },
            ScopeSpec::Portfolio => TotalScope::Portfolio,
        }
    }

    /// True when `e` is one of the titles this total covers (file scopes only).
    fn covers(&self, e: &RetornoEntry) -> bool {
        match self {
            TotalScope::File => true,
            TotalScope::Ocorrencias { codes } => e
                .ocorrencia
                .as_ref()
                .is_some_and(|o| codes.contains(&o.code)),
            TotalScope::Carteira { .. } | TotalScope::Portfolio => false,
        }
    }
}

impl std::fmt::Display for TotalScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TotalScope::File => f.write_str("the file's entries"),
            TotalScope::Ocorrencias { codes } => {
                write!(f, "the file's entries of ocorrência {}", codes.join("/"))
            }
            TotalScope::Carteira { carteira } => {
                write!(f, "the bank's titles in cobrança {carteira}")
            }
            TotalScope::Portfolio => f.write_str("the bank's whole portfolio"),
        }
    }
}

/// One total as a retorno trailer carries it, with its meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailerTotal {
    /// 1-based line of the trailer.
    pub line: usize,
    /// The trailer record (`trailer_arquivo`, `trailer_lote`).
    pub record: String,
    /// The field's name in the layout table.
    pub field: String,
    /// First position of the field (1-based).
    pub start: u16,
    /// Last position of the field (1-based, inclusive).
    pub end: u16,
    /// Which titles it covers.
    pub scope: TotalScope,
    /// What it counts or sums.
    pub measure: Measure,
    /// The value; `None` when the bank left the field blank or put other than digits there.
    pub value: Option<Decimal>,
}

/// A file-scoped trailer total next to what the file's entries give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalCheck {
    /// The total as the trailer states it.
    pub total: TrailerTotal,
    /// The same count or sum over the file's (batch's) entries.
    pub computed: Decimal,
}

impl TotalCheck {
    /// True when the trailer's value and the entries' agree (a blank trailer field agrees with nothing and is not
    /// a disagreement either: see [`TotalCheck::disagrees`]).
    pub fn agrees(&self) -> bool {
        self.total.value == Some(self.computed)
    }
    /// True when the trailer states a value and the entries give another.
    pub fn disagrees(&self) -> bool {
        self.total.value.is_some_and(|v| v != self.computed)
    }
}

impl Retorno {
    /// Every trailer total whose meaning the layout table states, in file order, with its scope: the file's
    /// totals and the portfolio's alike.
    ///
    /// ```
    /// use cnab_core::{read_retorno, ReadOptions, TotalScope};
    /// let r = read_retorno(cnab_core::tutorial::ITAU_240_RETORNO, ReadOptions::strict()).unwrap();
    /// let simples = r.trailer_totals().into_iter().find(|t| t.field == "qtd_simples").unwrap();
    /// // Itaú's batch trailer counts the títulos a vencer of the whole carteira, not the file's entries…
    /// assert_eq!(simples.scope, TotalScope::Carteira { carteira: "simples".into() });
    /// // …so nothing in it is checked against the file.
    /// assert!(r.trailer_checks().is_empty());
    /// ```
    pub fn trailer_totals(&self) -> Vec<TrailerTotal> {
        self.records.iter().flat_map(totals_of).collect()
    }

    /// The trailer totals that cover this file's entries, each with the count or sum its entries give (CNAB 240
    /// batch trailers: the entries of that batch). Portfolio totals are left out: they cannot be checked against
    /// one file.
    pub fn trailer_checks(&self) -> Vec<TotalCheck> {
        let mut out = Vec::new();
        let mut batch_start = 0usize;
        for r in &self.records {
            let totals = totals_of(r);
            let in_batch = r.name() == "trailer_lote";
            let lo = if in_batch { batch_start } else { 0 };
            for total in totals.into_iter().filter(|t| t.scope.is_file()) {
                let entries = self
                    .entries
                    .iter()
                    .filter(|e| e.line > lo && e.line < r.line && total.scope.covers(e));
                let computed = compute(entries, total.measure);
                out.push(TotalCheck { total, computed });
            }
            if in_batch {
                batch_start = r.line;
            }
        }
        out
    }
}

fn compute<'a>(entries: impl Iterator<Item = &'a RetornoEntry>, m: Measure) -> Decimal {
    entries
        .map(|e| match m {
            Measure::Quantidade => Decimal::ONE,
            Measure::ValorTitulo => e.valor_titulo.unwrap_or_default(),
            Measure::ValorPago => e.valor_pago.unwrap_or_default(),
        })
        .sum()
}

/// The totals of one record (none for records without total fields).
fn totals_of(r: &RawRecord) -> Vec<TrailerTotal> {
    let Some(layout) = r.layout else {
        return Vec::new();
    };
    if !layout.fields.iter().any(|f| f.total.is_some()) {
        return Vec::new();
    }
    r.with_view(|view| {
        let Some(view) = view else {
            return Vec::new();
        };
        layout
            .fields
            .iter()
            .filter_map(|f| {
                let spec = f.total?;
                // Amounts carry two implied decimals in every manual (FEBRABAN C071, the CNAB 400 trailers'
                // 9(12)V99); a field the table keeps as text (FEBRABAN's, which banks may leave blank) is read so.
                let scale = match (f.kind, spec.measure) {
                    (Kind::Num { scale }, _) => scale,
                    (_, Measure::Quantidade) => 0,
                    (_, _) => 2,
                };
                Some(TrailerTotal {
                    line: r.line,
                    record: layout.name.to_string(),
                    field: f.name.to_string(),
                    start: f.start,
                    end: f.end,
                    scope: TotalScope::from_spec(&spec.scope),
                    measure: spec.measure,
                    value: digits(f.slice(view.bytes), scale),
                })
            })
            .collect()
    })
}

/// Digits with `scale` implied decimals; `None` for blanks or anything else.
fn digits(bytes: &[u8], scale: u8) -> Option<Decimal> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    crate::field::decode_num(bytes, scale).ok().flatten()
}

/// The trailer fields a writer fills from the entries: totals of the file, on the record's numeric fields that no
/// role fills (a role's value — the writer's counts — wins).
fn writable_totals(
    layout: &'static RecordLayout,
) -> impl Iterator<Item = (&'static FieldSpec, TotalSpec, u8)> {
    layout
        .fields
        .iter()
        .filter_map(|f| match (f.total, f.kind, f.role) {
            (Some(t), Kind::Num { scale }, None) if t.scope.is_file() => Some((f, t, scale)),
            _ => None,
        })
}

fn spec_covers(s: &ScopeSpec, e: &RetornoEntry) -> bool {
    match s {
        ScopeSpec::File => true,
        ScopeSpec::Ocorrencias(codes) => e
            .ocorrencia
            .as_ref()
            .is_some_and(|o| codes.iter().any(|c| *c == o.code)),
        ScopeSpec::Carteira(_) | ScopeSpec::Portfolio => false,
    }
}

/// Writes the file's totals of a written trailer `line` (a record of `layout`) from `entries`: each count or sum as
/// the manual defines it (a written Bradesco CNAB 400 retorno counts its liquidações at 087-091), instead of zeros.
///
/// # Errors
/// [`ErrorKind::Overflow`] when a total does not fit its field.
pub(crate) fn write_file_totals(
    layout: &'static RecordLayout,
    line: &mut [u8],
    entries: &[RetornoEntry],
) -> Result<(), Error> {
    for (f, t, scale) in writable_totals(layout) {
        let v = compute(
            entries.iter().filter(|e| spec_covers(&t.scope, e)),
            t.measure,
        );
        put(layout, f, line, v, scale)?;
    }
    Ok(())
}

/// The file's totals a written trailer carries (see [`write_file_totals`]), in field order, to be added up over
/// the pieces of a file written piece by piece.
pub(crate) fn read_file_totals(layout: &'static RecordLayout, line: &[u8]) -> Vec<Decimal> {
    writable_totals(layout)
        .map(|(f, _, scale)| digits(f.slice(line), scale).unwrap_or_default())
        .collect()
}

/// Writes totals read by [`read_file_totals`] (and added up) back into a trailer `line`.
///
/// # Errors
/// [`ErrorKind::Overflow`] when a total does not fit its field.
pub(crate) fn put_file_totals(
    layout: &'static RecordLayout,
    line: &mut [u8],
    values: &[Decimal],
) -> Result<(), Error> {
    for ((f, _, scale), v) in writable_totals(layout).zip(values) {
        put(layout, f, line, *v, scale)?;
    }
    Ok(())
}

fn put(
    layout: &'static RecordLayout,
    f: &'static FieldSpec,
    line: &mut [u8],
    v: Decimal,
    scale: u8,
) -> Result<(), Error> {
    let mut v = v;
    v.rescale(u32::from(scale));
    let digits = v.mantissa().unsigned_abs().to_string();
    let w = f.len();
    if digits.len() > w {
        return Err(Error::at_field(
            0,
            layout.name,
            f,
            ErrorKind::Overflow {
                value: digits,
                width: w,
            },
        ));
    }
    if let Some(dst) = line.get_mut(usize::from(f.start) - 1..usize::from(f.end)) {
        dst.copy_from_slice(format!("{digits:0>w$}").as_bytes());
    }
    Ok(())
}
