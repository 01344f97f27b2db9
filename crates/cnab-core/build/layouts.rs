//! Turns a bank's record layouts, written as data (`src/banks/<bank>/cnab400-records.tsv` and, CNAB 240 records
//! derived from FEBRABAN's, `cnab240-records.tsv`: one line a field as the manual prints it), into the `pub const NAME: RecordLayout` items its module includes with `records!` (in
//! `src/banks/mod.rs`). A malformed line, an unknown kind or role, or fields that overlap, leave a gap or do not end
//! at the record's length stop the build with the file and line. No parsing at run time: the generated values are the
//! same `const` tables as if written in Rust, and `RecordLayout::check` still runs over them in the tests.
//!
//! A records file: `#` lines before the columns line cite the manual; the first other line names the columns,
//! `start\tend\tname\tkind\trole\tvalue\ttotal`. Then one section a record, the `#` lines right above it (no blank
//! line between) being its doc comment:
//! - `[NAME]\t<record name>\t<length>\t<source>` starts a record written in full, field after field from position 1;
//! - `[NAME]\t<record name>\t= BASE\t<source>` starts a record derived from `BASE` (another section of the file, or a
//!   Rust path such as `bradesco::HEADER_REMESSA`), with its length: its lines are only the fields that change, and
//!   each replaces every field of the base it overlaps (see `field::patch`).
//!
//! A field line: `start` and `end` (1-based, inclusive, as printed), the field's `name`, its `kind` (`num`, `dec<N>`
//! with N implied decimals, `alpha`, `date6` DDMMYY, `date8` DDMMYYYY, `ymd8` YYYYMMDD, `blank`, `const`), its `role`
//! (a `Role` variant, e.g. `Agencia`), its `value` (the constant of a `const`, otherwise the default written when the
//! model has none; `"…"` when it has blanks around it) and its `total` (a trailer total: `quantidade`, `valor_titulo`
//! or `valor_pago`, a space, and the scope: `file`, `portfolio`, `carteira=<name>`, `ocorrencias=<code>,<code>`).
//! Empty trailing cells may be left out.

use std::fmt::Write as _;
use std::path::Path;

/// The columns line every records file starts with.
const COLUMNS: &str = "start\tend\tname\tkind\trole\tvalue\ttotal";

/// Whether `file` is a records file (and not a code table).
pub fn is_records(file: &Path) -> bool {
    file.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with("-records.tsv"))
}

/// The `Role` variants, read from the engine's own enum so a role unknown to it is named here with its line.
pub fn roles(field_rs: &str) -> Result<Vec<String>, String> {
    let start = field_rs
        .find("pub enum Role {")
        .ok_or("src/field.rs: no `pub enum Role`")?;
    let body = field_rs.get(start..).unwrap_or_default();
    let end = body
        .find("\n}")
        .ok_or("src/field.rs: `enum Role` not closed")?;
    Ok(body
        .get(..end)
        .unwrap_or_default()
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && !l.starts_with('#'))
        .filter_map(|l| l.strip_suffix(','))
        .map(str::to_string)
        .collect())
}

/// One field line, parsed and checked.
#[derive(Clone)]
struct Field {
    line: usize,
    start: u16,
    end: u16,
    rust: String,
}

/// One `[NAME]` section.
struct Section {
    line: usize,
    name: String,
    /// `Some(base)` for a derived record.
    base: Option<String>,
    record: String,
    len: u16,
    source: String,
    /// The `#` lines right above the section: the const's doc comment.
    doc: Vec<String>,
    fields: Vec<Field>,
}

/// The Rust items of a records file: one `pub const NAME: RecordLayout` a section, documented by the `#` lines right
/// above it; an error names the line (`<n>: <what>`).
pub fn records(text: &str, roles: &[String]) -> Result<String, String> {
    let mut columns = false;
    let mut sections: Vec<Section> = Vec::new();
    let mut doc = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            doc.clear();
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            doc.push(comment.to_string());
            continue;
        }
        if !columns {
            if line != COLUMNS {
                return Err(format!(
                    "{n}: expected the columns line {COLUMNS:?}, found {line:?}"
                ));
            }
            columns = true;
            doc.clear();
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if let Some(head) = cells.first().and_then(|c| c.strip_prefix('[')) {
            let name = head
                .strip_suffix(']')
                .filter(|s| {
                    !s.is_empty()
                        && s.bytes()
                            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
                })
                .ok_or_else(|| format!("{n}: a section is `[NAME]` in capitals, found {head:?}"))?;
            if sections.iter().any(|s| s.name == name) {
                return Err(format!("{n}: section [{name}] given twice"));
            }
            let section = match cells.as_slice() {
                [_, record, base, source] if base.starts_with('=') => {
                    let base = base
                        .strip_prefix("= ")
                        .filter(|b| {
                            !b.is_empty()
                                && b.bytes()
                                    .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b':')
                        })
                        .ok_or_else(|| {
                            format!("{n}: expected `= BASE` (a record to derive from), found {base:?}")
                        })?;
                    Section {
                        line: n,
                        name: name.to_string(),
                        base: Some(base.to_string()),
                        record: text_cell(record, n)?,
                        len: 0,
                        source: text_cell(source, n)?,
                        doc: std::mem::take(&mut doc),
                        fields: Vec::new(),
                    }
                }
                [_, record, len, source] => Section {
                    line: n,
                    name: name.to_string(),
                    base: None,
                    record: text_cell(record, n)?,
                    len: len
                        .parse()
                        .map_err(|_| format!("{n}: record length {len:?} is not a number"))?,
                    source: text_cell(source, n)?,
                    doc: std::mem::take(&mut doc),
                    fields: Vec::new(),
                },
                _ => {
                    return Err(format!(
                        "{n}: a section line is `[NAME]\\trecord\\tlength\\tsource` or `[NAME]\\trecord\\t= BASE\\tsource`: {line:?}"
                    ))
                }
            };
            sections.push(section);
            continue;
        }
        let section = sections
            .last_mut()
            .ok_or_else(|| format!("{n}: a field line before any `[NAME]` section"))?;
        let field = field(&cells, n, roles)?;
        if let Some(prev) = section.fields.last() {
            if field.start <= prev.end {
                return Err(format!(
                    "{n}: field starts at {} but the previous one (line {}) ends at {}: fields overlap or are out of order",
                    field.start, prev.line, prev.end
                ));
            }
            if section.base.is_none() && field.start != prev.end + 1 {
                return Err(format!(
                    "{n}: field starts at {} but the previous one (line {}) ends at {}: positions {}-{} are missing",
                    field.start,
                    prev.line,
                    prev.end,
                    prev.end + 1,
                    field.start - 1
                ));
            }
        } else if section.base.is_none() && field.start != 1 {
            return Err(format!(
                "{n}: the first field starts at {}, not 1",
                field.start
            ));
        }
        section.fields.push(field);
    }
    if !columns {
        return Err("1: no columns line".into());
    }
    for s in &sections {
        let mut at = s;
        for _ in 0..=sections.len() {
            match at
                .base
                .as_ref()
                .and_then(|b| sections.iter().find(|p| &p.name == b))
            {
                Some(base) if base.name == s.name => {
                    return Err(format!("{}: [{}] derives from itself", s.line, s.name))
                }
                Some(base) => at = base,
                None => break,
            }
        }
    }
    let mut out = String::new();
    for s in &sections {
        let local = s
            .base
            .as_ref()
            .and_then(|b| sections.iter().find(|p| &p.name == b))
            .filter(|b| is_local(b, &sections));
        for line in &s.doc {
            writeln!(out, "#[doc = {line:?}]").map_err(|e| e.to_string())?;
        }
        write!(out, "pub const {}: crate::field::RecordLayout = ", s.name)
            .map_err(|e| e.to_string())?;
        let fields = match (&s.base, local) {
            (None, _) => s.fields.clone(),
            (Some(_), Some(base)) => {
                let merged = patch(&resolve(base, &sections), &s.fields);
                let mut at = 1;
                for f in &merged {
                    if f.start != at {
                        return Err(format!(
                            "{}: [{}] leaves positions {}-{} of [{}] uncovered",
                            s.line,
                            s.name,
                            at,
                            f.start - 1,
                            base.name
                        ));
                    }
                    at = f.end + 1;
                }
                merged
            }
            (Some(base), None) => {
                // A base in another module: laid over at compile time by `patched!` (whose const checks apply).
                let mut rust = format!(
                    "crate::field::RecordLayout {{\n    name: {:?},\n    source: {:?},\n    fields: crate::field::patched!({base}.fields, &[\n",
                    s.record, s.source
                );
                for f in &s.fields {
                    writeln!(rust, "        {},", f.rust).map_err(|e| e.to_string())?;
                }
                write!(rust, "    ]),\n    ..{base}\n}};\n").map_err(|e| e.to_string())?;
                out.push_str(&rust);
                continue;
            }
        };
        let len = root(s, &sections).len;
        let last = fields.last().map_or(0, |f| f.end);
        if last != len {
            return Err(format!(
                "{}: [{}] has {len} positions but its fields end at {last}",
                s.line, s.name
            ));
        }
        let mut rust = format!(
            "crate::field::RecordLayout {{\n    name: {:?},\n    len: {},\n    source: {:?},\n    fields: &[\n",
            s.record, len, s.source
        );
        for f in &fields {
            writeln!(rust, "        {},", f.rust).map_err(|e| e.to_string())?;
        }
        rust.push_str("    ],\n};\n");
        out.push_str(&rust);
    }
    Ok(out)
}

/// The section a local section derives from in the end (itself when written in full).
fn root<'a>(s: &'a Section, all: &'a [Section]) -> &'a Section {
    match s
        .base
        .as_ref()
        .and_then(|b| all.iter().find(|p| &p.name == b))
    {
        Some(base) => root(base, all),
        None => s,
    }
}

/// Whether a section's fields are all in this file (written in full, or derived from such a section).
fn is_local(s: &Section, all: &[Section]) -> bool {
    match &s.base {
        None => true,
        Some(b) => all
            .iter()
            .find(|p| &p.name == b)
            .is_some_and(|p| is_local(p, all)),
    }
}

/// The full field list of a section of this file (a derived one laid over its base).
fn resolve(s: &Section, all: &[Section]) -> Vec<Field> {
    match s
        .base
        .as_ref()
        .and_then(|b| all.iter().find(|p| &p.name == b))
    {
        Some(base) => patch(&resolve(base, all), &s.fields),
        None => s.fields.clone(),
    }
}

/// `base` with `changes` laid over it, as `field::patch` does: every base field a change overlaps is dropped.
fn patch(base: &[Field], changes: &[Field]) -> Vec<Field> {
    let mut out: Vec<Field> = base
        .iter()
        .filter(|b| !changes.iter().any(|c| b.start <= c.end && c.start <= b.end))
        .cloned()
        .chain(changes.iter().cloned())
        .collect();
    out.sort_by_key(|f| f.start);
    out
}

/// A field line: `start end name kind [role [value [total]]]`.
fn field(cells: &[&str], n: usize, roles: &[String]) -> Result<Field, String> {
    if cells.len() < 4 || cells.len() > 7 {
        return Err(format!(
            "{n}: a field line has 4 to 7 tab-separated cells, found {}",
            cells.len()
        ));
    }
    let cell = |i: usize| cells.get(i).copied().unwrap_or("");
    let pos = |i: usize, what: &str| {
        cell(i)
            .parse::<u16>()
            .ok()
            .filter(|p| *p >= 1)
            .ok_or_else(|| format!("{n}: {what} position {:?} is not a number from 1", cell(i)))
    };
    let (start, end) = (pos(0, "start")?, pos(1, "end")?);
    if end < start {
        return Err(format!(
            "{n}: field ends at {end}, before it starts at {start}"
        ));
    }
    let name = cell(2);
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(format!("{n}: field name {name:?} is not snake_case"));
    }
    let width = usize::from(end - start + 1);
    let value = value(cell(5), n)?;
    let kind = cell(3);
    let mut rust = match kind {
        "num" => format!("crate::field::FieldSpec::num({name:?}, {start}, {end})"),
        "alpha" => format!("crate::field::FieldSpec::alpha({name:?}, {start}, {end})"),
        "blank" => format!("crate::field::FieldSpec::blank({name:?}, {start}, {end})"),
        "date6" | "date8" | "ymd8" => {
            let (f, w) = match kind {
                "date6" => ("date6", 6),
                "date8" => ("date8", 8),
                _ => ("date_ymd", 8),
            };
            if width != w {
                return Err(format!("{n}: a {kind} date has {w} positions, not {width}"));
            }
            format!("crate::field::FieldSpec::{f}({name:?}, {start}, {end})")
        }
        "const" => {
            let c = value
                .as_ref()
                .ok_or_else(|| format!("{n}: a const field needs its value"))?;
            if c.len() != width {
                return Err(format!(
                    "{n}: constant {c:?} has width {} for {width} positions",
                    c.len()
                ));
            }
            format!("crate::field::FieldSpec::constant({name:?}, {start}, {end}, {c:?})")
        }
        _ => match kind.strip_prefix("dec").and_then(|s| s.parse::<u8>().ok()) {
            Some(scale) if scale > 0 => {
                format!("crate::field::FieldSpec::dec({name:?}, {start}, {end}, {scale})")
            }
            _ => {
                return Err(format!(
                "{n}: unknown kind {kind:?} (num, dec<N>, alpha, date6, date8, ymd8, blank, const)"
            ))
            }
        },
    };
    let role = cell(4);
    if !role.is_empty() {
        if !roles.iter().any(|r| r == role) {
            return Err(format!("{n}: unknown role {role:?}"));
        }
        write!(rust, ".role(crate::field::Role::{role})").map_err(|e| e.to_string())?;
    }
    if kind != "const" {
        if let Some(v) = &value {
            if v.len() > width {
                return Err(format!(
                    "{n}: default {v:?} is wider than the field ({width})"
                ));
            }
            write!(rust, ".default({v:?})").map_err(|e| e.to_string())?;
        }
    }
    let total = cell(6);
    if !total.is_empty() {
        write!(rust, ".total({})", total_rust(total, n)?).map_err(|e| e.to_string())?;
    }
    Ok(Field {
        line: n,
        start,
        end,
        rust,
    })
}

/// A value cell: empty for none, `"…"` for one with blanks around it (or empty), otherwise as written.
fn value(cell: &str, n: usize) -> Result<Option<String>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    if let Some(inner) = cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        if inner.contains('"') {
            return Err(format!("{n}: a quoted value cannot hold a quote: {cell:?}"));
        }
        return Ok(Some(inner.to_string()));
    }
    if cell.trim() != cell || cell.contains('"') {
        return Err(format!(
            "{n}: value {cell:?} has blanks around it or a quote: write it \"quoted\""
        ));
    }
    Ok(Some(cell.to_string()))
}

/// `quantidade file` → `crate::field::TotalSpec::quantidade(crate::field::ScopeSpec::File)`.
fn total_rust(cell: &str, n: usize) -> Result<String, String> {
    let (measure, scope) = cell
        .split_once(' ')
        .ok_or_else(|| format!("{n}: a total is `<measure> <scope>`, found {cell:?}"))?;
    if !matches!(measure, "quantidade" | "valor_titulo" | "valor_pago") {
        return Err(format!(
            "{n}: unknown total measure {measure:?} (quantidade, valor_titulo, valor_pago)"
        ));
    }
    let scope = match scope.split_once('=') {
        None if scope == "file" => "crate::field::ScopeSpec::File".to_string(),
        None if scope == "portfolio" => "crate::field::ScopeSpec::Portfolio".to_string(),
        Some(("carteira", c)) if !c.is_empty() && c.trim() == c => {
            format!("crate::field::ScopeSpec::Carteira({c:?})")
        }
        Some(("ocorrencias", list)) if !list.is_empty() => {
            let codes: Vec<String> = list.split(',').map(|c| format!("{c:?}")).collect();
            if list.split(',').any(|c| c.is_empty() || c.trim() != c) {
                return Err(format!("{n}: empty or padded ocorrência in {list:?}"));
            }
            format!("crate::field::ScopeSpec::Ocorrencias(&[{}])", codes.join(", "))
        }
        _ => {
            return Err(format!(
                "{n}: unknown total scope {scope:?} (file, portfolio, carteira=<name>, ocorrencias=<codes>)"
            ))
        }
    };
    Ok(format!("crate::field::TotalSpec::{measure}({scope})"))
}

/// A source or record name: not empty, no blanks around it.
fn text_cell(cell: &str, n: usize) -> Result<String, String> {
    if cell.is_empty() || cell.trim() != cell {
        return Err(format!("{n}: empty cell or blanks around {cell:?}"));
    }
    Ok(cell.to_string())
}
