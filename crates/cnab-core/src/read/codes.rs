//! The ocorrência and motivo tables of a layout indexed by code, built once per file so that each entry's lookup
//! costs one array access (two-digit codes, the manuals' usual form) or one hash probe, not a scan of the table.
//! The answers are the tables' own, in the tables' order: the first row that matches, as [`LayoutSpec::ocorrencia`]
//! and [`LayoutSpec::motivo`] give it.

use std::collections::HashMap;

use crate::bank::{LayoutSpec, MotivoDef, OcorrenciaDef};

/// Rows of a table grouped by code, in table order.
#[derive(Debug, Default)]
struct ByCode {
    /// Row indices, grouped by code.
    rows: Vec<u32>,
    /// Codes of two ASCII digits (`"00"`-`"99"`): their group in `rows` (start, len).
    two_digits: Vec<(u32, u32)>,
    /// Every other code.
    other: HashMap<&'static str, (u32, u32)>,
}

fn two_digit_slot(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => {
            Some(usize::from(a - b'0') * 10 + usize::from(b - b'0'))
        }
        _ => None,
    }
}

impl ByCode {
    fn new(codes: impl Iterator<Item = &'static str>) -> Self {
        // Group the row indices by code, keeping each group in table order.
        let mut groups: Vec<(&'static str, Vec<u32>)> = Vec::new();
        let mut at: HashMap<&'static str, usize> = HashMap::new();
        for (i, code) in codes.enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            match at.get(code) {
                Some(&g) => {
                    if let Some((_, rows)) = groups.get_mut(g) {
                        rows.push(i);
                    }
                }
                None => {
                    at.insert(code, groups.len());
                    groups.push((code, vec![i]));
                }
            }
        }
        let mut out = ByCode {
            rows: Vec::new(),
            two_digits: vec![(0, 0); 100],
            other: HashMap::new(),
        };
        for (code, rows) in groups {
            let start = out.rows.len() as u32;
            out.rows.extend_from_slice(&rows);
            let group = (start, rows.len() as u32);
            match two_digit_slot(code).and_then(|s| out.two_digits.get_mut(s)) {
                Some(slot) => *slot = group,
                None => {
                    out.other.insert(code, group);
                }
            }
        }
        out
    }

    fn rows(&self, code: &str) -> &[u32] {
        let group = match two_digit_slot(code) {
            Some(s) => self.two_digits.get(s).copied(),
            None => self.other.get(code).copied(),
        };
        group
            .and_then(|(start, len)| self.rows.get(start as usize..start as usize + len as usize))
            .unwrap_or(&[])
    }
}

/// A layout's ocorrência and motivo tables, indexed by code.
#[derive(Debug)]
pub(crate) struct CodeIndex {
    spec: &'static LayoutSpec,
    ocorrencias: ByCode,
    motivos: ByCode,
}

impl CodeIndex {
    pub(crate) fn new(spec: &'static LayoutSpec) -> Self {
        CodeIndex {
            spec,
            ocorrencias: ByCode::new(spec.ocorrencias.iter().map(|o| o.code)),
            motivos: ByCode::new(spec.motivos.iter().map(|m| m.code)),
        }
    }

    /// The first row of the table with this code (as [`LayoutSpec::ocorrencia`]).
    pub(crate) fn ocorrencia(&self, code: &str) -> Option<&'static OcorrenciaDef> {
        self.ocorrencia_index(code)
            .and_then(|i| self.ocorrencia_row(i))
    }

    /// The index in [`LayoutSpec::ocorrencias`] of the first row with this code.
    pub(crate) fn ocorrencia_index(&self, code: &str) -> Option<u32> {
        self.ocorrencias.rows(code).first().copied()
    }

    /// The ocorrência table's row at this index.
    pub(crate) fn ocorrencia_row(&self, i: u32) -> Option<&'static OcorrenciaDef> {
        let spec = self.spec;
        spec.ocorrencias.get(i as usize)
    }

    /// The first motivo row with this code that applies to the ocorrência (as [`LayoutSpec::motivo`]).
    pub(crate) fn motivo(&self, ocorrencia: &str, code: &str) -> Option<&'static MotivoDef> {
        let spec = self.spec;
        self.motivos
            .rows(code)
            .iter()
            .filter_map(|&i| spec.motivos.get(i as usize))
            .find(|m| m.ocorrencias.is_empty() || m.ocorrencias.contains(&ocorrencia))
    }
}
