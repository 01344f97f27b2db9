//! Deterministic test files: valid remessas and retornos of any size, for benchmarks, load tests and property tests.
//!
//! [`generate`] writes a file for one bank, layout and kind with `entries` titles drawn from a seeded random stream
//! (ChaCha8, whose output `rand_chacha` keeps stable across versions): the same [`GenOptions`] give the same bytes
//! on every machine. Every value goes through the bank's own layout tables and the public writer
//! ([`write_remessa_spec`], [`write_retorno_spec`]), so the file reads back strictly.
//!
//! - Retornos mix the ocorrências of the bank's table: liquidações (with juros, multa, desconto and tarifa where the
//!   layout carries them), entradas confirmadas, baixas, rejections with motivos from the bank's motivo table.
//! - Remessas mix entradas de títulos with other movimentos of the bank's table; pagadores carry valid CPFs.
//! - Amounts, due dates and payment dates vary; values never exceed their field.
//!
//! **Streaming.** The writer produces whole files, so the generator writes in chunks: each CNAB 240 chunk is one
//! batch (lote) of up to [`GenOptions::batch_size`] titles; a CNAB 400 chunk is the same number of titles. Chunks are
//! spliced into one file: lote numbers, sequence numbers and the file trailer's counts and totals are renumbered
//! through the layout's own fields. Memory stays at one chunk, whatever `entries` is.
//!
//! **Limits.** A file cannot count past its trailer: the CNAB 240 file trailer counts records in 6 digits
//! (FEBRABAN 240 v10.11, registro trailer de arquivo, positions 24-29: at most 999,999 lines) and lotes are numbered
//! in 4 digits (positions 4-7, 9999 being the file trailer's); a CNAB 400 file numbers its lines in 6 digits
//! (positions 395-400 of every record in the banks' manuals). The widths are read from each bank's tables. Asking for
//! more entries than fit is refused before anything is written ([`ErrorKind::Invalid`], saying the maximum); split
//! bigger loads into several files (several seeds).
//! A trailer that counts the file's entries of some ocorrências in fewer digits (Bradesco CNAB 400 counts its
//! entradas and liquidações in 5) never overflows either: once such a count is full, its codes are not drawn again
//! and the entries take other codes of the bank's table (a Bradesco file of 500,000 entries has 99,999 of 02 and of
//! 06, and its other liquidações under 16, 15…).
//!
//! ```
//! use cnab_core::generator::{generate_to_vec, GenOptions};
//! use cnab_core::{read_retorno, Bank, FileKind, Layout, ReadOptions};
//! let opts = GenOptions::new(Bank::new(341), Layout::Cnab240, FileKind::Retorno, 500, 7);
//! let (bytes, summary) = generate_to_vec(&opts).unwrap();
//! let retorno = read_retorno(&bytes, ReadOptions::strict()).unwrap();
//! assert_eq!(retorno.entries.len() as u64, summary.entries);
//! let pago: rust_decimal::Decimal = retorno.entries.iter().filter_map(|e| e.valor_pago).sum();
//! assert_eq!(pago, summary.valor_pago);
//! ```

// The crate's one error type is returned as the rest of the crate returns it (read.rs and write.rs draw the same
// lint on this toolchain); boxing it is a crate-wide decision, not this module's.
#![allow(clippy::result_large_err)]

use std::io::Write;

use chrono::{Days, NaiveDate};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

use crate::bank::{Emit, LayoutSpec, RecordKey};
use crate::error::{Error, ErrorKind, Result};
use crate::field::{FieldSpec, Kind, Measure, RecordLayout, Role, ScopeSpec, TotalSpec};
use crate::model::{
    Beneficiario, Encargo, FileKind, Header, Inscricao, Layout, Motivo, Ocorrencia, OcorrenciaKind,
    Pessoa, Remessa, Retorno, RetornoEntry, Titulo,
};
use crate::write::{write_remessa_spec, write_retorno_spec, WriteOptions};
use crate::Bank;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenOptions {
    /// The bank (must have the layout and kind in [`crate::banks::ALL`]).
    pub bank: Bank,
    /// CNAB 240 or 400.
    pub layout: Layout,
    /// Remessa or retorno.
    pub kind: FileKind,
    /// Number of titles (entries).
    pub entries: u64,
    /// Seed of the random stream: the same options give the same bytes.
    pub seed: u64,
    /// Titles per CNAB 240 batch (and per written chunk for CNAB 400); default 10,000.
    pub batch_size: u64,
}

impl GenOptions {
    /// Options with the default batch size.
    pub fn new(bank: Bank, layout: Layout, kind: FileKind, entries: u64, seed: u64) -> Self {
        GenOptions {
            bank,
            layout,
            kind,
            entries,
            seed,
            batch_size: 10_000,
        }
    }
}

/// What was generated: the figures a reader of the file must find again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Entries (titles) written.
    pub entries: u64,
    /// Lines (records) written.
    pub lines: u64,
    /// Bytes written.
    pub bytes: u64,
    /// CNAB 240 batches (0 for CNAB 400).
    pub batches: u64,
    /// Sum of every title's face value (`valor_titulo` / `valor`).
    pub valor_titulo: Decimal,
    /// Sum of every amount paid (`valor_pago`; zero for remessas).
    pub valor_pago: Decimal,
}

/// Every (bank, layout, kind) the generator can write: each one the registry has a table for.
pub fn supported() -> Vec<(Bank, Layout, FileKind)> {
    let mut out = Vec::new();
    for b in crate::banks::ALL {
        for layout in [Layout::Cnab240, Layout::Cnab400] {
            for kind in [FileKind::Remessa, FileKind::Retorno] {
                if b.supports(layout, kind) {
                    out.push((Bank::new(b.code), layout, kind));
                }
            }
        }
    }
    out
}

/// Writes the file to `sink`, one chunk at a time. On error, what was written so far is incomplete.
pub fn generate<W: Write>(opts: &GenOptions, sink: W) -> Result<Summary> {
    generate_with_progress(opts, sink, &mut |_| {})
}

/// [`generate`], telling `progress` how many entries are written so far after each chunk (a CNAB 240 batch, or
/// as many CNAB 400 titles). For a progress bar; the bytes are exactly [`generate`]'s.
pub fn generate_with_progress<W: Write>(
    opts: &GenOptions,
    mut sink: W,
    progress: &mut dyn FnMut(u64),
) -> Result<Summary> {
    let plan = Plan::new(opts)?;
    plan.check_capacity()?;
    let summary = plan.run(
        &mut |bytes| {
            sink.write_all(bytes)
                .map_err(|e| Error::new(ErrorKind::io(e.to_string())))
        },
        progress,
    )?;
    sink.flush()
        .map_err(|e| Error::new(ErrorKind::io(e.to_string())))?;
    Ok(summary)
}

/// [`generate`] into memory.
pub fn generate_to_vec(opts: &GenOptions) -> Result<(Vec<u8>, Summary)> {
    let mut out = Vec::new();
    let summary = generate(opts, &mut out)?;
    Ok((out, summary))
}

/// An in-memory retorno model of `opts.entries` entries (the same entries [`generate`] writes), for property tests.
pub fn retorno(opts: &GenOptions) -> Result<Retorno> {
    let plan = Plan::new(opts)?;
    if plan.spec.kind != FileKind::Retorno {
        return Err(Error::new(ErrorKind::invalid(
            "generator::retorno needs kind retorno",
        )));
    }
    let mut g = plan.entries();
    let entries = (0..opts.entries).map(|i| g.retorno_entry(i)).collect();
    Ok(Retorno {
        bank: opts.bank,
        layout: opts.layout,
        header: plan.header.clone(),
        entries,
        records: Vec::new(),
        problems: Vec::new(),
    })
}

/// An in-memory remessa model of `opts.entries` titles (the same titles [`generate`] writes), for property tests.
pub fn remessa(opts: &GenOptions) -> Result<Remessa> {
    let plan = Plan::new(opts)?;
    if plan.spec.kind != FileKind::Remessa {
        return Err(Error::new(ErrorKind::invalid(
            "generator::remessa needs kind remessa",
        )));
    }
    let mut g = plan.entries();
    let titulos = (0..opts.entries).map(|i| g.titulo(i)).collect();
    Ok(Remessa {
        bank: Some(opts.bank),
        header: plan.header.clone(),
        titulos,
        records: Vec::new(),
        problems: Vec::new(),
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Random stream

/// ChaCha8 seeded from the user's seed: a portable, value-stable stream.
struct Rng(ChaCha8Rng);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(ChaCha8Rng::seed_from_u64(seed))
    }
    /// Uniform in `0..n` (0 when `n` is 0); the modulo bias is below 2^-40 for the ranges used here.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.0.next_u64() % n
        }
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }
    /// True with probability `pct` %.
    fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// What the layout can hold

/// The narrowest field of each role among the records an entry writes (looked up once: the generator asks for
/// every title).
struct Fields {
    spec: &'static LayoutSpec,
    narrowest: std::collections::BTreeMap<Role, &'static FieldSpec>,
}

impl Fields {
    fn new(spec: &'static LayoutSpec) -> Self {
        let mut narrowest = std::collections::BTreeMap::new();
        let fields = spec
            .entry
            .iter()
            .filter(|e| e.emit != Emit::Never)
            .filter_map(|e| spec.record(e.key))
            .flat_map(|l| l.fields.iter());
        for f in fields {
            if let Some(role) = f.role {
                let e = narrowest.entry(role).or_insert(f);
                if f.len() < e.len() {
                    *e = f;
                }
            }
        }
        Fields { spec, narrowest }
    }
    /// The narrowest entry field with `role`.
    fn get(&self, role: Role) -> Option<&'static FieldSpec> {
        self.narrowest.get(&role).copied()
    }
    fn has(&self, role: Role) -> bool {
        self.get(role).is_some()
    }
    /// The narrowest header field (file header, batch header) with `role`.
    fn header(&self, role: Role) -> Option<&'static FieldSpec> {
        self.spec
            .records
            .iter()
            .filter(|(k, _)| matches!(k, RecordKey::FileHeader | RecordKey::BatchHeader))
            .flat_map(|(_, l)| l.fields.iter())
            .filter(|f| f.role == Some(role))
            .min_by_key(|f| f.len())
    }
    /// The largest amount (in cents) an entry field with `role` holds, or `None` if no field has the role.
    fn max_cents(&self, role: Role) -> Option<u64> {
        let f = self.get(role)?;
        Some(cents_capacity(f))
    }
}

/// The largest amount in cents a numeric field holds (`u64::MAX` when wider than 18 digits).
fn cents_capacity(f: &FieldSpec) -> u64 {
    let Kind::Num { scale } = f.kind else {
        return u64::MAX;
    };
    // Digits of whole reais the field holds, plus two for cents; a field with fewer than 2 decimals holds whole
    // reais only (amounts are generated in multiples of 100 cents there, see `Gen::amount`).
    let int_digits = f.len().saturating_sub(usize::from(scale)) as u32;
    10u64
        .checked_pow(int_digits + 2)
        .map_or(u64::MAX, |v| v - 1)
}

/// The largest number a field holds, by its width.
fn count_capacity(f: &FieldSpec) -> u64 {
    10u64
        .checked_pow(f.len() as u32)
        .map_or(u64::MAX, |v| v - 1)
}

// ---------------------------------------------------------------------------------------------------------------
// The plan: options checked against the layout

struct Plan {
    opts: GenOptions,
    spec: &'static LayoutSpec,
    header: Header,
    /// Lines the file trailer can count.
    max_lines: u64,
    /// Titles the trailers can count.
    max_titulos: u64,
    /// Batches the lote field can number (CNAB 240).
    max_batches: u64,
    /// Largest face value per title, in cents (so that the trailers' totals fit too).
    max_valor: u64,
    /// Digits of the generated nossos números.
    nn_width: usize,
}

fn invalid(msg: String) -> Error {
    Error::new(ErrorKind::invalid(msg))
}

fn trailer_fields(spec: &LayoutSpec, role: Role) -> impl Iterator<Item = &'static FieldSpec> + '_ {
    spec.records
        .iter()
        .filter(|(k, _)| matches!(k, RecordKey::FileTrailer | RecordKey::BatchTrailer))
        .flat_map(|(_, l)| l.fields.iter())
        .filter(move |f| f.role == Some(role))
}

impl Plan {
    fn new(opts: &GenOptions) -> Result<Self> {
        let bank_spec = crate::banks::spec(opts.bank.code()).ok_or_else(|| {
            Error::new(ErrorKind::UnknownBank {
                code: opts.bank.to_string(),
                layout: opts.layout.number(),
                hint: String::new(),
            })
        })?;
        let spec = bank_spec
            .layout(opts.layout, opts.kind, "")
            .ok_or_else(|| {
                invalid(format!(
                    "bank {} ({}) has no {} {} table; `cnab banks` lists what each bank has",
                    opts.bank,
                    crate::bank::name(opts.bank),
                    opts.layout,
                    opts.kind
                ))
            })?;
        if opts.batch_size == 0 {
            return Err(invalid("batch size must be at least 1".into()));
        }
        let trailer = spec.record(RecordKey::FileTrailer);
        let line_counter = match opts.layout {
            Layout::Cnab240 => trailer.and_then(|t| t.by_role(Role::QtdRegistros)),
            Layout::Cnab400 | Layout::Cnab150 => trailer.and_then(|t| t.by_role(Role::Sequencial)),
        };
        // Without a counter in the table, the manuals' 6 digits (see the module documentation).
        let max_lines = line_counter.map_or(999_999, count_capacity);
        let max_titulos = trailer_fields(spec, Role::QtdTitulos)
            .map(count_capacity)
            .min()
            .unwrap_or(u64::MAX);
        let max_batches = spec
            .record(RecordKey::BatchHeader)
            .and_then(|l| l.by_role(Role::Lote))
            .map_or(9998, |f| count_capacity(f).saturating_sub(1)); // 9999 is the file trailer's lote
        let fields = Fields::new(spec);
        let total_cap = trailer_fields(spec, Role::ValorTotal)
            .map(cents_capacity)
            .min()
            .unwrap_or(u64::MAX);
        let per_title = fields
            .max_cents(Role::ValorTitulo)
            .unwrap_or(u64::MAX)
            .min(fields.max_cents(Role::ValorPago).unwrap_or(u64::MAX));
        // At most R$ 50,000.00 a title, less when the trailer's total could not hold them all.
        let max_valor = 5_000_000u64
            .min(per_title / 2)
            .min(total_cap / opts.entries.max(1))
            .max(100);
        let header = make_header(spec, opts);
        let mut plan = Plan {
            opts: *opts,
            spec,
            header,
            max_lines,
            max_titulos,
            max_batches,
            max_valor,
            nn_width: fields.get(Role::NossoNumero).map_or(8, |f| f.len()).min(10),
        };
        if spec.kind == FileKind::Remessa {
            // The writer computes each title's nosso número check digit with the bank's rules (`boleto`), which
            // bound the number of digits per bank and carteira: take the widest that the rules accept.
            let widest = (5..=plan.nn_width).rev().find(|&w| {
                let p = Plan {
                    nn_width: w,
                    header: plan.header.clone(),
                    ..plan
                };
                p.chunk(&mut p.entries(), 0, 1).is_ok()
            });
            plan.nn_width = widest.unwrap_or(plan.nn_width);
        }
        Ok(plan)
    }

    fn is_240(&self) -> bool {
        self.opts.layout == Layout::Cnab240
    }

    fn batch_size(&self) -> u64 {
        // CNAB 240: a batch numbers its records in the segments' sequencial field (5 digits in FEBRABAN's table).
        let seq_cap = self
            .spec
            .entry
            .iter()
            .filter_map(|e| self.spec.record(e.key))
            .filter_map(|l| l.by_role(Role::Sequencial))
            .map(count_capacity)
            .min()
            .unwrap_or(99_999);
        let per_entry = self
            .spec
            .entry
            .iter()
            .filter(|e| e.emit != Emit::Never)
            .count()
            .max(1) as u64;
        self.opts.batch_size.min(seq_cap / per_entry).max(1)
    }

    fn batches(&self) -> u64 {
        if self.opts.entries == 0 {
            1
        } else {
            self.opts.entries.div_ceil(self.batch_size())
        }
    }

    fn entries(&self) -> Gen {
        Gen::new(
            self.spec,
            &self.opts,
            &self.header,
            self.max_valor,
            self.nn_width,
        )
    }

    /// Refuses, before writing anything, a file its counters cannot describe.
    fn check_capacity(&self) -> Result<()> {
        let o = &self.opts;
        let what = format!("{} {} {}", o.bank, o.layout, o.kind);
        if o.entries > self.max_titulos {
            return Err(invalid(format!(
                "{what}: {} entries do not fit the trailer's title counter (at most {}); write several files",
                o.entries, self.max_titulos
            )));
        }
        if self.is_240() && self.batches() > self.max_batches {
            return Err(invalid(format!(
                "{what}: {} batches do not fit the 4-digit lote number (at most {}); use a bigger batch size",
                self.batches(),
                self.max_batches
            )));
        }
        let count = |emit: &dyn Fn(Emit) -> bool| {
            self.spec.entry.iter().filter(|e| emit(e.emit)).count() as u64
        };
        let (always, optional) = (
            count(&|e| e == Emit::Always).max(1),
            count(&|e| e != Emit::Never),
        );
        let overhead = if self.is_240() {
            2 + 2 * self.batches()
        } else {
            2
        };
        let best = o.entries.saturating_mul(always) + overhead;
        let fits = self.max_lines.saturating_sub(overhead) / always;
        let refuse = |lines: u64| {
            invalid(format!(
                "{what}: {} entries need {lines} records, past the file trailer's counter of {} records \
                 ({} digits); at most {fits} entries fit one file — write several files (several seeds)",
                o.entries,
                self.max_lines,
                self.max_lines.to_string().len()
            ))
        };
        if best > self.max_lines {
            return Err(refuse(best));
        }
        if o.entries.saturating_mul(optional) + overhead <= self.max_lines {
            return Ok(());
        }
        // Some entries write optional records: count exactly with a dry run.
        let lines = self.lines_needed()?;
        if lines > self.max_lines {
            return Err(refuse(lines));
        }
        Ok(())
    }

    /// The exact number of lines the file takes (a dry run that counts instead of keeping).
    fn lines_needed(&self) -> Result<u64> {
        let mut lines = 0u64;
        self.run(
            &mut |b| {
                lines += b.iter().filter(|&&c| c == b'\n').count() as u64;
                Ok(())
            },
            &mut |_| {},
        )?;
        Ok(lines)
    }

    /// Generates chunk after chunk and hands the spliced bytes to `emit`. A layout without a trailer (BRB's "DCB"
    /// remessa) declares the record count in its header, written first: a dry run counts the lines, then the file
    /// is written with that count.
    /// `progress` hears the entries written after each chunk of the run that writes.
    fn run(
        &self,
        emit: &mut dyn FnMut(&[u8]) -> Result<()>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Summary> {
        if self.spec.framing.file_trailer {
            return self.run_with(None, emit, progress);
        }
        let lines = self.run_with(Some(0), &mut |_| Ok(()), &mut |_| {})?.lines;
        self.run_with(Some(lines), emit, progress)
    }

    /// [`Plan::run`] with, for a layout without a trailer, the record count its header declares.
    fn run_with(
        &self,
        header_count: Option<u64>,
        emit: &mut dyn FnMut(&[u8]) -> Result<()>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Summary> {
        let mut g = self.entries();
        let mut s = Summary::default();
        let batch = self.batch_size();
        let batches = self.batches();
        let mut next = 0u64;
        let mut last_trailer: Option<Vec<u8>> = None;
        // The file trailer's totals of the entries (`crate::trailer`), added up over the chunks.
        let totals_layout = self.layout_of(RecordKey::FileTrailer);
        let mut file_totals: Vec<Decimal> = Vec::new();
        let mut ending: Vec<u8> = b"\r\n".to_vec();
        for b in 0..batches {
            let n = batch.min(self.opts.entries - next);
            let (bytes, valor, pago) = self.chunk(&mut g, next, n)?;
            next += n;
            let lines = split(&bytes);
            if let Some(first) = lines.first() {
                ending = first.1.to_vec();
            }
            let count = lines.len();
            let (Some(header), Some(trailer)) = (lines.first(), lines.last()) else {
                return Err(invalid("the writer wrote no lines".into()));
            };
            if b == 0 {
                let mut first = header.0.to_vec();
                if let Some(n) = header_count {
                    self.patch_role(&mut first, RecordKey::FileHeader, Role::QtdRegistros, n)?;
                }
                self.emit_line(emit, &mut s, &first, header.1)?;
            }
            let end = if header_count.is_some() {
                count
            } else {
                count - 1
            };
            let body = lines.get(1..end).unwrap_or(&[]);
            for (line, end) in body {
                let mut line = line.to_vec();
                if self.is_240() {
                    let key = key_240(&line);
                    self.patch_role(&mut line, key, Role::Lote, b + 1)?;
                } else {
                    let key = line
                        .first()
                        .map_or(RecordKey::FileTrailer, |&t| RecordKey::Detail(t));
                    self.patch_role(&mut line, key, Role::Sequencial, s.lines + 1)?;
                }
                self.emit_line(emit, &mut s, &line, end)?;
            }
            s.entries += n;
            s.valor_titulo += valor;
            s.valor_pago += pago;
            if let Some(layout) = totals_layout {
                let chunk_totals = crate::trailer::read_file_totals(layout, trailer.0);
                file_totals.resize(chunk_totals.len(), Decimal::ZERO);
                for (acc, v) in file_totals.iter_mut().zip(chunk_totals) {
                    *acc += v;
                }
            }
            last_trailer = Some(trailer.0.to_vec());
            progress(s.entries);
        }
        if header_count.is_some() {
            return Ok(s);
        }
        let mut trailer = last_trailer.unwrap_or_default();
        let key = RecordKey::FileTrailer;
        let total_lines = s.lines + 1;
        if self.is_240() {
            s.batches = batches;
            self.patch_role(&mut trailer, key, Role::QtdLotes, batches)?;
            self.patch_role(&mut trailer, key, Role::QtdRegistros, total_lines)?;
        } else {
            self.patch_role(&mut trailer, key, Role::QtdRegistros, total_lines)?;
            self.patch_role(&mut trailer, key, Role::Sequencial, total_lines)?;
        }
        self.patch_role(&mut trailer, key, Role::QtdTitulos, s.entries)?;
        self.patch_amount(&mut trailer, key, Role::ValorTotal, s.valor_titulo)?;
        if let Some(layout) = totals_layout {
            crate::trailer::put_file_totals(layout, &mut trailer, &file_totals)?;
        }
        self.emit_line(emit, &mut s, &trailer, &ending)?;
        Ok(s)
    }

    fn emit_line(
        &self,
        emit: &mut dyn FnMut(&[u8]) -> Result<()>,
        s: &mut Summary,
        line: &[u8],
        ending: &[u8],
    ) -> Result<()> {
        emit(line)?;
        emit(ending)?;
        s.lines += 1;
        s.bytes += (line.len() + ending.len()) as u64;
        Ok(())
    }

    /// One chunk of `n` titles written as a whole file (one batch): bytes, sum of face values, sum paid.
    fn chunk(&self, g: &mut Gen, first: u64, n: u64) -> Result<(Vec<u8>, Decimal, Decimal)> {
        // The header carries the beneficiário data every bank's nosso número arithmetic may need, also where the
        // layout has no field for some of it: the writer's warnings about those are expected and dropped (titles
        // only get values for fields the layout has; the tests read every file back strictly).
        let opts = WriteOptions::default();
        match self.spec.kind {
            FileKind::Retorno => {
                let entries: Vec<RetornoEntry> =
                    (first..first + n).map(|i| g.retorno_entry(i)).collect();
                let valor = entries.iter().filter_map(|e| e.valor_titulo).sum();
                let pago = entries.iter().filter_map(|e| e.valor_pago).sum();
                let r = Retorno {
                    bank: self.opts.bank,
                    layout: self.opts.layout,
                    header: self.header.clone(),
                    entries,
                    records: Vec::new(),
                    problems: Vec::new(),
                };
                Ok((write_retorno_spec(&r, self.spec, opts)?, valor, pago))
            }
            FileKind::Remessa => {
                let titulos: Vec<Titulo> = (first..first + n).map(|i| g.titulo(i)).collect();
                let valor = titulos.iter().map(|t| t.valor).sum();
                let r = Remessa {
                    bank: Some(self.opts.bank),
                    header: self.header.clone(),
                    titulos,
                    records: Vec::new(),
                    problems: Vec::new(),
                };
                let bytes = write_remessa_spec(&r, self.opts.bank, self.spec, opts)?.bytes;
                Ok((bytes, valor, Decimal::ZERO))
            }
        }
    }

    fn layout_of(&self, key: RecordKey) -> Option<&'static RecordLayout> {
        self.spec.record(key)
    }

    /// Writes `value` into the field with `role` of a record (if the record has one).
    fn patch_role(&self, line: &mut [u8], key: RecordKey, role: Role, value: u64) -> Result<()> {
        let Some(layout) = self.layout_of(key) else {
            return Ok(());
        };
        for f in layout.fields.iter().filter(|f| f.role == Some(role)) {
            put_digits(line, layout, f, &value.to_string())?;
        }
        Ok(())
    }

    fn patch_amount(
        &self,
        line: &mut [u8],
        key: RecordKey,
        role: Role,
        value: Decimal,
    ) -> Result<()> {
        let Some(layout) = self.layout_of(key) else {
            return Ok(());
        };
        for f in layout.fields.iter().filter(|f| f.role == Some(role)) {
            let Kind::Num { scale } = f.kind else {
                continue;
            };
            let mut v = value.round_dp(u32::from(scale));
            v.rescale(u32::from(scale));
            put_digits(line, layout, f, &v.mantissa().unsigned_abs().to_string())?;
        }
        Ok(())
    }
}

/// Overwrites a numeric field with zero-padded digits.
fn put_digits(line: &mut [u8], layout: &RecordLayout, f: &FieldSpec, digits: &str) -> Result<()> {
    let w = f.len();
    if digits.len() > w {
        return Err(Error::at_field(
            0,
            layout.name,
            f,
            ErrorKind::Overflow {
                value: digits.to_string(),
                width: w,
            },
        ));
    }
    let padded = format!("{digits:0>w$}");
    let range = usize::from(f.start) - 1..usize::from(f.end);
    match line.get_mut(range) {
        Some(dst) => dst.copy_from_slice(padded.as_bytes()),
        None => return Err(invalid(format!("line too short for {}", f.name))),
    }
    Ok(())
}

/// CNAB 240 record key of a written line (FEBRABAN: record type at position 8, segment at 14).
fn key_240(line: &[u8]) -> RecordKey {
    match line.get(7) {
        Some(b'0') => RecordKey::FileHeader,
        Some(b'1') => RecordKey::BatchHeader,
        Some(b'5') => RecordKey::BatchTrailer,
        Some(b'9') => RecordKey::FileTrailer,
        _ => RecordKey::Segment(line.get(13).copied().unwrap_or(b' ')),
    }
}

/// Lines with their endings.
fn split(bytes: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let (line, tail) = match memchr::memchr(b'\n', rest) {
            Some(i) => rest.split_at(i + 1),
            None => (rest, &[][..]),
        };
        let body_len = line.len()
            - if line.ends_with(b"\r\n") {
                2
            } else if line.ends_with(b"\n") {
                1
            } else {
                0
            };
        out.push(line.split_at(body_len));
        rest = tail;
    }
    out
}

// ---------------------------------------------------------------------------------------------------------------
// Values

fn date_from(base: NaiveDate, days: u64) -> Option<NaiveDate> {
    base.checked_add_days(Days::new(days))
}

/// `s` cut to the width of the field with `role` (at a character boundary; trailing spaces dropped).
fn fit(f: Option<&FieldSpec>, s: &str) -> String {
    match f {
        Some(f) => s
            .chars()
            .take(f.len())
            .collect::<String>()
            .trim_end()
            .to_string(),
        None => s.to_string(),
    }
}

/// `n` as digits, the last `w` of them (zero-padded).
fn digits_fit(n: u64, w: usize) -> String {
    let s = format!("{n:0w$}");
    s.get(s.len().saturating_sub(w)..).unwrap_or("").to_string()
}

fn make_header(spec: &'static LayoutSpec, opts: &GenOptions) -> Header {
    let f = Fields::new(spec);
    let num = |role: Role, v: &str| match f.header(role).or_else(|| f.get(role)) {
        Some(fs) => v
            .chars()
            .rev()
            .take(fs.len())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect(),
        None => v.to_string(),
    };
    let base = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap_or_default();
    Header {
        beneficiario: Beneficiario {
            nome: fit(
                f.header(Role::EmpresaNome),
                "EMPRESA DE TESTE DE CARGA LTDA",
            ),
            inscricao: Inscricao {
                tipo: Some(2),
                // A valid CNPJ (check digits computed) used in FEBRABAN's examples.
                numero: "11222333000181".into(),
            },
            agencia: num(Role::Agencia, "0057"),
            agencia_dv: num(Role::AgenciaDv, "1"),
            conta: num(Role::Conta, "12345"),
            conta_dv: num(Role::ContaDv, "7"),
            convenio: num(Role::Convenio, "1234567"),
            codigo_beneficiario: num(Role::CodigoBeneficiario, "1234567"),
            ..Beneficiario::default()
        },
        banco_nome: String::new(),
        nsa: Some(opts.seed % 999 + 1),
        data_geracao: date_from(base, opts.seed % 365),
        layout_versao: String::new(),
        data_credito: None,
    }
}

/// A valid CPF from a 9-digit base (Receita Federal: two mod-11 check digits).
fn cpf(base: u64) -> String {
    let mut d: Vec<u32> = format!("{:09}", base % 1_000_000_000)
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .collect();
    if d.windows(2).all(|w| w.first() == w.get(1)) {
        if let Some(last) = d.last_mut() {
            *last = (*last + 1) % 10; // all-equal CPFs are invalid
        }
    }
    for n in [10u32, 11] {
        let s: u32 = d.iter().zip((2..=n).rev()).map(|(x, w)| x * w).sum();
        let r = (s * 10) % 11;
        d.push(if r == 10 { 0 } else { r });
    }
    d.iter().map(|x| char::from(b'0' + *x as u8)).collect()
}

const NOMES: &[&str] = &[
    "MARIA",
    "JOSE",
    "ANA",
    "JOAO",
    "ANTONIO",
    "FRANCISCA",
    "CARLOS",
    "PAULO",
    "ADRIANA",
    "LUCAS",
    "JULIANA",
    "MARCOS",
    "PATRICIA",
    "RAFAEL",
    "FERNANDA",
    "GABRIEL",
];
const SOBRENOMES: &[&str] = &[
    "SILVA",
    "SANTOS",
    "OLIVEIRA",
    "SOUZA",
    "RODRIGUES",
    "FERREIRA",
    "ALVES",
    "PEREIRA",
    "LIMA",
    "GOMES",
    "COSTA",
    "RIBEIRO",
    "MARTINS",
    "CARVALHO",
    "ALMEIDA",
    "LOPES",
];
const CIDADES: &[(&str, &str, &str)] = &[
    ("SAO PAULO", "SP", "01001000"),
    ("RIO DE JANEIRO", "RJ", "20010000"),
    ("BELO HORIZONTE", "MG", "30130010"),
    ("PORTO ALEGRE", "RS", "90010000"),
    ("CURITIBA", "PR", "80010000"),
    ("SALVADOR", "BA", "40020000"),
    ("RECIFE", "PE", "50010000"),
    ("FORTALEZA", "CE", "60025000"),
];

/// The entry stream: one title after another from the seeded RNG.
struct Gen {
    spec: &'static LayoutSpec,
    f: Fields,
    rng: Rng,
    base: NaiveDate,
    max_valor: u64,
    /// Digits of the nosso número.
    nn_width: usize,
    /// The bank.
    bank: Bank,
    /// The beneficiário (for nosso número check digits).
    beneficiario: Beneficiario,
    /// Ocorrência codes by what they mean (retorno), movimento codes (remessa).
    liquidacao: Vec<&'static str>,
    entrada: Vec<&'static str>,
    baixa: Vec<&'static str>,
    rejeicao: Vec<&'static str>,
    outras: Vec<&'static str>,
    /// The file trailer's counts by ocorrência (Bradesco CNAB 400 counts its liquidações in 5 digits at 087-091):
    /// the codes counted and how many more the field can hold. A code whose count is full is not drawn again, so a
    /// file of any size keeps a trailer its fields describe.
    room: Vec<(&'static [&'static str], u64)>,
}

impl Gen {
    fn new(
        spec: &'static LayoutSpec,
        opts: &GenOptions,
        header: &Header,
        max_valor: u64,
        nn_width: usize,
    ) -> Self {
        let codes = |k: &[OcorrenciaKind]| -> Vec<&'static str> {
            spec.ocorrencias
                .iter()
                .filter(|o| k.contains(&o.kind) && !o.code.is_empty())
                .map(|o| o.code)
                .collect()
        };
        let f = Fields::new(spec);
        let width = f.get(Role::Ocorrencia).or_else(|| f.get(Role::Movimento));
        // Codes that the field holds as they are (a 2-digit field cannot carry a 3-character code).
        let fits = |c: &&str| width.is_none_or(|w| c.len() <= w.len());
        let mut g = Gen {
            spec,
            rng: Rng::new(opts.seed),
            base: header
                .data_geracao
                .unwrap_or_default()
                .checked_sub_days(Days::new(90))
                .unwrap_or_default(),
            max_valor,
            nn_width,
            bank: opts.bank,
            beneficiario: header.beneficiario.clone(),
            liquidacao: codes(&[OcorrenciaKind::Liquidacao]),
            entrada: codes(&[OcorrenciaKind::EntradaConfirmada]),
            baixa: codes(&[OcorrenciaKind::Baixa]),
            rejeicao: codes(&[
                OcorrenciaKind::EntradaRejeitada,
                OcorrenciaKind::InstrucaoRejeitada,
            ]),
            outras: codes(&[
                OcorrenciaKind::InstrucaoConfirmada,
                OcorrenciaKind::Tarifa,
                OcorrenciaKind::Protesto,
                OcorrenciaKind::LiquidacaoCartorio,
            ]),
            f,
            room: spec
                .record(RecordKey::FileTrailer)
                .into_iter()
                .flat_map(|l| l.fields.iter())
                .filter_map(|f| match f.total {
                    Some(TotalSpec {
                        scope: ScopeSpec::Ocorrencias(codes),
                        measure: Measure::Quantidade,
                    }) => Some((codes, count_capacity(f))),
                    _ => None,
                })
                .collect(),
        };
        for v in [
            &mut g.liquidacao,
            &mut g.entrada,
            &mut g.baixa,
            &mut g.rejeicao,
            &mut g.outras,
        ] {
            v.retain(fits);
        }
        g
    }

    /// `code`, or when the trailer's count of `code` is full, the first code of the tables (liquidação, entrada,
    /// baixa, rejeição, others) whose counts still have room; the chosen code's counts are taken.
    fn with_room(&mut self, code: &'static str) -> &'static str {
        let full = |room: &[(&[&str], u64)], c: &str| {
            room.iter().any(|(codes, n)| *n == 0 && codes.contains(&c))
        };
        let code = if full(&self.room, code) {
            [
                &self.liquidacao,
                &self.entrada,
                &self.baixa,
                &self.rejeicao,
                &self.outras,
            ]
            .into_iter()
            .flatten()
            .copied()
            .find(|c| !full(&self.room, c))
            .unwrap_or(code)
        } else {
            code
        };
        for (codes, n) in &mut self.room {
            if codes.contains(&code) {
                *n = n.saturating_sub(1);
            }
        }
        code
    }

    /// An amount in cents, spread over small and large titles, within the plan's cap.
    fn valor_cents(&mut self) -> u64 {
        let cents = match self.rng.below(10) {
            0..=5 => self.rng.range(1_000, 50_000),
            6..=8 => self.rng.range(50_000, 500_000),
            _ => self.rng.range(500_000, 5_000_000),
        };
        cents.min(self.max_valor).max(1)
    }

    /// A decimal for `role` that the field holds without loss, or `None` if the layout has no such field.
    fn amount(&self, role: Role, cents: u64) -> Option<Decimal> {
        let f = self.f.get(role)?;
        let scale = match f.kind {
            Kind::Num { scale } => u32::from(scale),
            _ => 2,
        };
        let cents = cents.min(cents_capacity(f));
        let cents = if scale < 2 {
            cents - cents % 10u64.pow(2 - scale)
        } else {
            cents
        };
        Some(Decimal::new(i64::try_from(cents).unwrap_or(i64::MAX), 2))
    }

    fn nosso_numero(&mut self, i: u64) -> String {
        let w = self.nn_width;
        // Sequential from a seed-dependent start: unique within a file.
        let start = self.rng.range(1, 9);
        let mut nn = digits_fit(
            start * 10u64.pow(w.saturating_sub(1) as u32) / 10 + i + 1,
            w.max(1),
        );
        // Where the layout's DV field is numeric, a number whose check digit is a letter (mod 11 gives "P" at some
        // banks) cannot be written: take the next start digit instead.
        let numeric_dv = self
            .f
            .get(Role::NossoNumeroDv)
            .is_some_and(|f| matches!(f.kind, Kind::Num { .. }));
        if numeric_dv {
            let carteira = self.carteira();
            for k in 1..10u64 {
                let ok = self
                    .dv_any(&nn, &carteira, None)
                    .is_none_or(|dv| dv.bytes().all(|c| c.is_ascii_digit()));
                if ok {
                    break;
                }
                let s = (start + k - 1) % 9 + 1;
                nn = digits_fit(
                    s * 10u64.pow(w.saturating_sub(1) as u32) / 10 + i + 1,
                    w.max(1),
                );
            }
        }
        nn
    }

    fn seu_numero(&mut self, i: u64) -> String {
        match self.f.get(Role::SeuNumero) {
            Some(f) if matches!(f.kind, Kind::Num { .. }) => digits_fit(i + 1, f.len().min(10)),
            Some(f) => fit(Some(f), &format!("NF{}", i + 1)),
            None => String::new(),
        }
    }

    fn carteira(&self) -> String {
        match self.f.get(Role::Carteira) {
            Some(f) if matches!(f.kind, Kind::Num { .. }) => digits_fit(1, f.len().min(2)),
            Some(_) => "1".into(),
            None => String::new(),
        }
    }

    fn pessoa(&mut self, i: u64) -> Pessoa {
        let nome = format!(
            "{} {} {}",
            self.rng.pick(NOMES).copied().unwrap_or("MARIA"),
            self.rng.pick(SOBRENOMES).copied().unwrap_or("SILVA"),
            self.rng.pick(SOBRENOMES).copied().unwrap_or("SANTOS"),
        );
        let (cidade, uf, cep) =
            self.rng
                .pick(CIDADES)
                .copied()
                .unwrap_or(("SAO PAULO", "SP", "01001000"));
        let n = self.rng.range(1, 2999);
        Pessoa {
            inscricao: Inscricao {
                tipo: Some(1),
                numero: cpf(self.rng.below(1_000_000_000) ^ i),
            },
            nome: fit(self.f.get(Role::PagadorNome), &nome),
            endereco: fit(
                self.f.get(Role::PagadorEndereco),
                &format!("RUA DAS FLORES {n}"),
            ),
            bairro: fit(self.f.get(Role::PagadorBairro), "CENTRO"),
            cep: cep.into(),
            cidade: fit(self.f.get(Role::PagadorCidade), cidade),
            uf: uf.into(),
        }
    }

    fn day(&mut self, lo: u64, hi: u64) -> Option<NaiveDate> {
        date_from(self.base, self.rng.range(lo, hi))
    }

    fn retorno_entry(&mut self, i: u64) -> RetornoEntry {
        let nosso_numero = self.nosso_numero(i);
        let seu_numero = self.seu_numero(i);
        let emissao_day = self.rng.range(0, 60);
        let vencimento = date_from(self.base, emissao_day + self.rng.range(5, 45));
        let valor = self.valor_cents();
        let roll = self.rng.below(100);
        let (group, kind) = match roll {
            0..=49 if !self.liquidacao.is_empty() => (0, OcorrenciaKind::Liquidacao),
            0..=74 if !self.entrada.is_empty() => (1, OcorrenciaKind::EntradaConfirmada),
            0..=84 if !self.baixa.is_empty() => (2, OcorrenciaKind::Baixa),
            0..=94 if !self.rejeicao.is_empty() => (3, OcorrenciaKind::EntradaRejeitada),
            _ if !self.outras.is_empty() => (4, OcorrenciaKind::InstrucaoConfirmada),
            _ => (0, OcorrenciaKind::Liquidacao),
        };
        let list = match group {
            1 => &self.entrada,
            2 => &self.baixa,
            3 => &self.rejeicao,
            4 => &self.outras,
            _ => &self.liquidacao,
        };
        // Mostly the table's main code of the kind (its first), sometimes another of the same kind.
        let code = if self.rng.chance(70) {
            list.first().copied()
        } else {
            self.rng.pick(list).copied()
        };
        let code = code
            .or_else(|| self.spec.ocorrencias.first().map(|o| o.code))
            .unwrap_or("06");
        let steered = self.with_room(code);
        // A code drawn again for want of room in the trailer takes the amounts of its own group.
        let kind = if steered == code {
            kind
        } else if self.liquidacao.contains(&steered) {
            OcorrenciaKind::Liquidacao
        } else if self.entrada.contains(&steered) {
            OcorrenciaKind::EntradaConfirmada
        } else if self.baixa.contains(&steered) {
            OcorrenciaKind::Baixa
        } else if self.rejeicao.contains(&steered) {
            OcorrenciaKind::EntradaRejeitada
        } else {
            OcorrenciaKind::InstrucaoConfirmada
        };
        let code = steered;
        let def = self.spec.ocorrencia(code);
        let mut e = RetornoEntry {
            nosso_numero,
            seu_numero,
            carteira: self.carteira(),
            ocorrencia: Some(Ocorrencia {
                code: code.to_string(),
                kind: def.map_or(kind, |d| d.kind),
                description: def.map(|d| d.description.to_string()).unwrap_or_default(),
            }),
            vencimento: vencimento.filter(|_| self.f.has(Role::Vencimento)),
            valor_titulo: self.amount(Role::ValorTitulo, valor),
            ..RetornoEntry::default()
        };
        e.nosso_numero_dv = self.nosso_numero_dv(&e.nosso_numero, &e.carteira, vencimento);
        if self.f.has(Role::PagadorNome) || self.f.has(Role::PagadorInscricao) {
            e.pagador = Some(self.pessoa(i));
        }
        let tarifa = self.rng.range(100, 450);
        match kind {
            OcorrenciaKind::Liquidacao => {
                // Paid between 10 days early and 20 days late: early payments get the discount, late ones juros
                // (0.033 % a day) and a 2 % multa.
                let offset = self.rng.range(0, 30) as i64 - 10;
                let venc = vencimento.unwrap_or(self.base);
                let pago_em = if offset >= 0 {
                    venc.checked_add_days(Days::new(offset as u64))
                } else {
                    venc.checked_sub_days(Days::new(offset.unsigned_abs()))
                };
                let (mut juros, mut multa, mut desconto) = (0u64, 0u64, 0u64);
                if offset > 0 {
                    juros = valor * 33 * offset as u64 / 100_000;
                    multa = valor * 2 / 100;
                } else if offset < -5 && self.rng.chance(50) {
                    desconto = valor * 5 / 100;
                }
                let has_split = self.f.has(Role::Juros) && self.f.has(Role::Multa);
                if has_split {
                    e.juros = self.amount(Role::Juros, juros).filter(|d| !d.is_zero());
                    e.multa = self.amount(Role::Multa, multa).filter(|d| !d.is_zero());
                }
                let jm = e.juros.unwrap_or_default() + e.multa.unwrap_or_default();
                e.juros_multa = if has_split {
                    self.amount(Role::JurosMulta, 0)
                        .map(|_| jm)
                        .filter(|d| !d.is_zero())
                } else {
                    self.amount(Role::JurosMulta, juros + multa)
                        .filter(|d| !d.is_zero())
                };
                e.desconto = self
                    .amount(Role::Desconto, desconto)
                    .filter(|d| !d.is_zero());
                let charged = e.juros_multa.or(Some(jm)).unwrap_or_default();
                let pago =
                    e.valor_titulo.unwrap_or_default() + charged - e.desconto.unwrap_or_default();
                e.valor_pago = self.f.has(Role::ValorPago).then_some(pago);
                e.tarifa = self.amount(Role::Tarifa, tarifa);
                e.valor_creditado = self
                    .f
                    .has(Role::ValorCreditado)
                    .then(|| pago - e.tarifa.unwrap_or_default());
                e.data_ocorrencia = pago_em;
                e.data_credito = pago_em
                    .and_then(|d| d.checked_add_days(Days::new(1 + self.rng.below(2))))
                    .filter(|_| self.f.has(Role::DataCredito));
            }
            OcorrenciaKind::EntradaRejeitada => {
                e.data_ocorrencia = self.day(emissao_day, emissao_day + 2);
                e.motivos = self.motivos(code);
            }
            _ => {
                e.data_ocorrencia = self.day(emissao_day, emissao_day + 40);
                if self.rng.chance(50) {
                    e.tarifa = self.amount(Role::Tarifa, tarifa);
                }
            }
        }
        e.data_ocorrencia = e
            .data_ocorrencia
            .filter(|_| self.f.has(Role::DataOcorrencia));
        e
    }

    /// The nosso número check digit a retorno carries where its layout has a field for it: computed by the `boleto`
    /// crate with the bank's rules (as the writer does for remessas); blank where the rules need data we lack.
    fn nosso_numero_dv(
        &self,
        nosso_numero: &str,
        carteira: &str,
        vencimento: Option<NaiveDate>,
    ) -> Option<String> {
        let f = self.f.get(Role::NossoNumeroDv)?;
        let dv = self.dv_any(nosso_numero, carteira, vencimento)?;
        let numeric = matches!(f.kind, Kind::Num { .. });
        (dv.len() <= f.len() && (!numeric || dv.bytes().all(|c| c.is_ascii_digit()))).then_some(dv)
    }

    /// The bank's nosso número check digit (`boleto`), whatever the field.
    fn dv_any(
        &self,
        nosso_numero: &str,
        carteira: &str,
        vencimento: Option<NaiveDate>,
    ) -> Option<String> {
        let b = &self.beneficiario;
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let mut input =
            boleto::BoletoInput::new(self.bank.code(), nosso_numero.to_string(), Decimal::ONE);
        input.agencia = opt(&b.agencia);
        input.agencia_dv = opt(&b.agencia_dv);
        input.conta = opt(&b.conta);
        input.conta_dv = opt(&b.conta_dv);
        input.carteira = opt(carteira);
        input.convenio = opt(&b.convenio);
        input.codigo_beneficiario = opt(&b.codigo_beneficiario);
        input.vencimento = vencimento;
        boleto::nosso_numero_dv(&input).ok().flatten()
    }

    /// One to three motivos of the bank's table that apply to `ocorrencia` and that the field holds.
    fn motivos(&mut self, ocorrencia: &str) -> Vec<Motivo> {
        let Some(f) = self.f.get(Role::Motivos) else {
            return Vec::new();
        };
        let numeric = matches!(f.kind, Kind::Num { .. });
        let candidates: Vec<&'static str> = self
            .spec
            .motivos
            .iter()
            .filter(|m| m.ocorrencias.is_empty() || m.ocorrencias.contains(&ocorrencia))
            .map(|m| m.code)
            .filter(|c| c.len() == 2 && c != &"00")
            .filter(|c| !numeric || c.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        let max = (f.len() / 2).min(3) as u64;
        let n = self.rng.range(1, max.max(1));
        let mut out: Vec<Motivo> = Vec::new();
        for _ in 0..n {
            if let Some(c) = self.rng.pick(&candidates) {
                if out.iter().all(|m| m.code != *c) {
                    out.push(Motivo {
                        code: (*c).to_string(),
                        description: self
                            .spec
                            .motivo(ocorrencia, c)
                            .map(|m| m.description.to_string()),
                    });
                }
            }
        }
        out
    }

    fn titulo(&mut self, i: u64) -> Titulo {
        let nosso_numero = self.nosso_numero(i);
        let seu_numero = self.seu_numero(i);
        let emissao_day = self.rng.range(0, 60);
        let emissao = date_from(self.base, emissao_day);
        let vencimento = date_from(self.base, emissao_day + self.rng.range(5, 45));
        let valor = self.valor_cents();
        let movimento = match self.f.get(Role::Movimento) {
            None => String::new(),
            Some(_) if self.rng.chance(85) || self.spec.ocorrencias.len() < 2 => self
                .spec
                .ocorrencias
                .iter()
                .find(|o| o.code == "01")
                .or(self.spec.ocorrencias.first())
                .map(|o| o.code.to_string())
                .unwrap_or_default(),
            Some(f) => {
                let fits: Vec<&str> = self
                    .spec
                    .ocorrencias
                    .iter()
                    .map(|o| o.code)
                    .filter(|c| !c.is_empty() && c.len() <= f.len())
                    .collect();
                self.rng
                    .pick(&fits)
                    .map(|c| c.to_string())
                    .unwrap_or_default()
            }
        };
        let mut t = Titulo {
            movimento,
            nosso_numero,
            seu_numero,
            carteira: self.carteira(),
            // FEBRABAN's "01"/"02" where the field holds two positions; a one-position field (Sicredi) has codes of
            // its own, left to the table's default.
            especie: match self.f.get(Role::Especie) {
                Some(f) if f.len() >= 2 => "02".into(),
                _ => String::new(),
            },
            aceite: if self.f.has(Role::Aceite) {
                "N".into()
            } else {
                String::new()
            },
            emissao: emissao.filter(|_| self.f.has(Role::Emissao)),
            vencimento,
            valor: self
                .amount(Role::ValorTitulo, valor)
                .unwrap_or_else(|| Decimal::new(valor as i64, 2)),
            pagador: self.pessoa(i),
            ..Titulo::default()
        };
        let dia = vencimento.and_then(|d| d.checked_add_days(Days::new(1)));
        // FEBRABAN 240 (segmento P, C018/C021): juros 1 = valor por dia; multa (segmento R, C026) 2 = percentual;
        // desconto (C022) 1 = valor fixo até a data informada.
        if self.f.has(Role::JurosValor) && self.rng.chance(70) {
            t.juros = Encargo {
                codigo: self.code_if(Role::JurosCodigo, "1"),
                data: dia.filter(|_| self.f.has(Role::JurosData)),
                valor: self.amount(Role::JurosValor, (valor * 33 / 100_000).max(1)),
            };
        }
        if self.f.has(Role::MultaValor) && self.rng.chance(50) {
            t.multa = Encargo {
                codigo: self.code_if(Role::MultaCodigo, "2"),
                data: dia.filter(|_| self.f.has(Role::MultaData)),
                valor: self.amount(Role::MultaValor, 200),
            };
        }
        if self.f.has(Role::DescontoValor) && self.rng.chance(20) {
            t.desconto = Encargo {
                codigo: self.code_if(Role::DescontoCodigo, "1"),
                data: emissao
                    .and_then(|d| d.checked_add_days(Days::new(3)))
                    .filter(|_| self.f.has(Role::DescontoData)),
                valor: self.amount(Role::DescontoValor, valor * 5 / 100),
            };
        }
        t
    }

    fn code_if(&self, role: Role, code: &str) -> String {
        if self.f.has(role) {
            code.to_string()
        } else {
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpf_check_digits() {
        // 529.982.247-25 is the Receita Federal's documentation example.
        assert_eq!(cpf(529_982_247), "52998224725");
        assert_eq!(cpf(0).len(), 11);
        assert!(crate::doc::valid_inscricao(Some(1), &cpf(123_456_789)));
    }

    #[test]
    fn split_keeps_endings() {
        let v = split(b"ab\r\ncd\nef");
        assert_eq!(
            v,
            vec![
                (&b"ab"[..], &b"\r\n"[..]),
                (&b"cd"[..], &b"\n"[..]),
                (&b"ef"[..], &b""[..])
            ]
        );
    }

    #[test]
    fn a_full_trailer_count_is_not_drawn_again() {
        // Bradesco CNAB 400 counts entradas (02) and liquidações (06) in 5 digits in its trailer (manual
        // 4008.524.0121 v11, pp. 43-44). With that room cut to 3, a big file keeps both at 3 and moves the rest to
        // codes no trailer count holds, with the amounts of their own kind.
        let opts = GenOptions::new(Bank::new(237), Layout::Cnab400, FileKind::Retorno, 400, 5);
        let plan = Plan::new(&opts).unwrap();
        let mut g = plan.entries();
        assert!(g
            .room
            .iter()
            .any(|(codes, n)| codes.contains(&"06") && *n == 99_999));
        for (_, n) in &mut g.room {
            *n = (*n).min(3);
        }
        let entries: Vec<RetornoEntry> = (0..400).map(|i| g.retorno_entry(i)).collect();
        let count = |c: &str| {
            entries
                .iter()
                .filter(|e| e.ocorrencia.as_ref().is_some_and(|o| o.code == c))
                .count()
        };
        assert_eq!(count("02"), 3);
        assert_eq!(count("06"), 3);
        assert!(entries.iter().all(|e| e.ocorrencia.is_some()));
        // Liquidações moved to another liquidação code still carry what was paid.
        assert!(entries.iter().any(|e| e
            .ocorrencia
            .as_ref()
            .is_some_and(|o| o.code != "06" && o.kind == OcorrenciaKind::Liquidacao)
            && e.valor_pago.is_some()));
    }
}
