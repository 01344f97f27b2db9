//! Turns the banks' code tables, written as data (`src/banks/<bank>/<table>.tsv`: one line a code as the manual
//! prints it), into the `const` tables the modules include (`codes!` in `src/banks/mod.rs`). A malformed line stops
//! the build with its file and line; a kind or a FEBRABAN code that does not exist fails the compilation of the
//! generated table. The tables are therefore the same `const` slices as if written in Rust: no parsing at run time.
//!
//! A table file: `#` lines (the manual's citation, notes) and blank lines are ignored; the first other line names the
//! columns, tab-separated, and says which table it is:
//! - `code\tdescription`: movimentos of a remessa (their kind is always `informativo`);
//! - `code\tkind\tdescription`: ocorrências of a retorno, `kind` as the model spells it (`entrada_confirmada`, …);
//! - `ocorrencias\tcode\tdescription`: motivos, for the ocorrências listed (comma-separated; `*` for any).
//!
//! A row `<code>\t= FEBRABAN` (movimentos, ocorrências) takes FEBRABAN's code with its kind and description; a row
//! `= FEBRABAN A\t<code>` (motivos; tables A, B, C of C047) takes FEBRABAN's motivo.

#[path = "build/layouts.rs"]
pub(crate) mod layouts;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const FEBRABAN: &str = "= FEBRABAN";

#[derive(Clone, Copy, PartialEq)]
enum Table {
    Movimentos,
    Ocorrencias,
    Motivos,
}

fn main() -> Result<(), String> {
    let banks = Path::new("src/banks");
    println!("cargo:rerun-if-changed={}", banks.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?);
    let mut files = Vec::new();
    collect(banks, &mut files)?;
    files.sort();
    println!("cargo:rerun-if-changed=src/field.rs");
    let roles = layouts::roles(
        &std::fs::read_to_string("src/field.rs").map_err(|e| format!("src/field.rs: {e}"))?,
    )?;
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let rust = if layouts::is_records(&file) {
            layouts::records(&text, &roles)
        } else {
            table(&text)
        }
        .map_err(|e| format!("{}:{e}", file.display()))?;
        write_generated(banks, &file, &rust, &out)?;
    }
    Ok(())
}

/// Writes the Rust generated from a data file below `src/banks` to `OUT_DIR/banks/<bank>/<file>.rs`, where the
/// `codes!` and `records!` macros of `src/banks/mod.rs` take it.
fn write_generated(banks: &Path, file: &Path, rust: &str, out: &Path) -> Result<(), String> {
    let rel = file
        .strip_prefix(banks)
        .map_err(|e| format!("{}: {e}", file.display()))?
        .with_extension("rs");
    let target = out.join("banks").join(rel);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&target, rust).map_err(|e| format!("{}: {e}", target.display()))
}

/// The `.tsv` files below `dir`.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "tsv") {
            files.push(path);
        }
    }
    Ok(())
}

/// The Rust expression (`&[...]`) of one table file; an error names the line (`<n>: <what>`).
pub(crate) fn table(text: &str) -> Result<String, String> {
    let mut kind = None;
    let mut out = String::from("&[\n");
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let Some(table) = kind else {
            kind = Some(match cells.as_slice() {
                ["code", "description"] => Table::Movimentos,
                ["code", "kind", "description"] => Table::Ocorrencias,
                ["ocorrencias", "code", "description"] => Table::Motivos,
                _ => return Err(format!("{n}: unknown columns {line:?}")),
            });
            continue;
        };
        let row = match (table, cells.as_slice()) {
            (Table::Movimentos | Table::Ocorrencias, [code, FEBRABAN]) => {
                let f = if table == Table::Movimentos { "movimento" } else { "ocorrencia" };
                format!("crate::layouts::febraban240::{f}({})", lit(code, n)?)
            }
            (Table::Motivos, [of, code]) => {
                let f = match of.strip_prefix(FEBRABAN) {
                    Some(" A") => "motivo_a",
                    Some(" B") => "motivo_b",
                    Some(" C") => "motivo_c",
                    _ => return Err(format!("{n}: expected \"{FEBRABAN} A|B|C\", found {of:?}")),
                };
                format!("crate::layouts::febraban240::{f}({})", lit(code, n)?)
            }
            (Table::Movimentos, [code, description]) => format!(
                "crate::bank::movimento({}, {})",
                lit(code, n)?,
                lit(description, n)?
            ),
            (Table::Ocorrencias, [code, kind, description]) => format!(
                "crate::bank::OcorrenciaDef {{ code: {}, kind: crate::model::OcorrenciaKind::{}, description: {} }}",
                lit(code, n)?,
                variant(kind, n)?,
                lit(description, n)?
            ),
            (Table::Motivos, [of, code, description]) => {
                let list = if *of == "*" {
                    String::new()
                } else {
                    let mut list = String::new();
                    for o in of.split(',') {
                        write!(list, "{}, ", lit(o, n)?).map_err(|e| e.to_string())?;
                    }
                    list
                };
                format!(
                    "crate::bank::MotivoDef {{ ocorrencias: &[{list}], code: {}, description: {} }}",
                    lit(code, n)?,
                    lit(description, n)?
                )
            }
            _ => return Err(format!("{n}: expected {} tab-separated cells: {line:?}", width(table))),
        };
        writeln!(out, "    {row},").map_err(|e| e.to_string())?;
    }
    if kind.is_none() {
        return Err("1: no column line".into());
    }
    out.push(']');
    Ok(out)
}

fn width(table: Table) -> usize {
    match table {
        Table::Movimentos => 2,
        Table::Ocorrencias | Table::Motivos => 3,
    }
}

/// A code or a description as a Rust string literal; empty cells and cells with surrounding blanks are refused (a
/// stray space would change the value silently).
fn lit(cell: &str, n: usize) -> Result<String, String> {
    if cell.is_empty() || cell.trim() != cell {
        return Err(format!("{n}: empty cell or blanks around {cell:?}"));
    }
    Ok(format!("{cell:?}"))
}

/// `entrada_confirmada` → `EntradaConfirmada`.
fn variant(kind: &str, n: usize) -> Result<String, String> {
    if kind.is_empty() || !kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(format!(
            "{n}: kind {kind:?} is not a snake_case ocorrência kind"
        ));
    }
    Ok(kind
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect())
}
