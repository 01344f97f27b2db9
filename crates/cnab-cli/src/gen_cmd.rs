//! `cnab gen`: a valid, deterministic remessa or retorno of any size (`cnab_core::generator`), streamed to stdout
//! or `--out`, for benchmarks and load tests. The summary (entries, lines, bytes, sums) goes to standard error so
//! that standard output carries only the file.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use cnab_core::generator::{generate_with_progress, GenOptions, Summary};
use cnab_core::{ErrorKind, FileKind, Layout};

use crate::out::{note, Out};
use crate::progress::Unit;
use crate::Fail;

/// Remessa or retorno.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum GenKind {
    /// Company → bank: titles to register.
    Remessa,
    /// Bank → company: what happened to each title.
    Retorno,
}

/// The product of a CNAB 150 file.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum GenProduct {
    /// Débito automático (registros E in a remessa, F in a retorno).
    Debito,
    /// Arrecadação retorno (registros G).
    Arrecadacao,
}

/// `cnab gen` arguments.
#[derive(Args)]
pub(crate) struct GenArgs {
    /// Bank code (e.g. 341); `cnab banks` lists which layouts each bank has.
    #[arg(long)]
    bank: String,
    /// 150, 240 or 400.
    #[arg(long)]
    layout: u16,
    /// CNAB 150 only: débito automático (the default) or arrecadação (retorno only).
    #[arg(long, value_enum)]
    product: Option<GenProduct>,
    /// remessa or retorno.
    #[arg(long, value_enum)]
    kind: GenKind,
    /// Number of titles (entries). A file holds at most what its trailer counts (999,999 records).
    #[arg(long)]
    entries: u64,
    /// Seed: the same arguments give the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Titles per CNAB 240 batch (lote).
    #[arg(long, default_value_t = 10_000)]
    batch_size: u64,
    /// Output file (default: stdout).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// `Out` as an `io::Write`: a reader that went away stops the generator (quietly, like every command).
struct OutWriter<'a>(&'a mut Out);

impl Write for OutWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .write_all(buf)
            .map_err(|Fail(_, m)| io::Error::other(m))?;
        if self.0.is_closed() {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "standard output closed",
            ));
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(|Fail(_, m)| io::Error::other(m))
    }
}

pub(crate) fn run(out: &mut Out, a: GenArgs) -> Result<bool, Fail> {
    let bank = crate::parse_bank(&a.bank)?;
    if a.layout == 150 {
        return run_150(out, &a, bank);
    }
    if a.product.is_some() {
        return Err(Fail(2, "--product goes with --layout 150".into()));
    }
    let layout = Layout::from_number(a.layout)
        .ok_or_else(|| Fail(2, format!("--layout must be 240 or 400, not {}", a.layout)))?;
    let kind = match a.kind {
        GenKind::Remessa => FileKind::Remessa,
        GenKind::Retorno => FileKind::Retorno,
    };
    let opts = GenOptions {
        batch_size: a.batch_size,
        ..GenOptions::new(bank, layout, kind, a.entries, a.seed)
    };
    // Options the layout cannot hold (unknown bank, a layout it lacks, past the counters) are usage errors: nothing
    // has been written then. Failures while writing are exit 1.
    let usage = |e: cnab_core::Error| match e.kind {
        ErrorKind::Io { .. } => Fail(1, e.to_string()),
        _ => Fail(2, e.to_string()),
    };
    // The entries written so far on the progress bar.
    let what = match &a.out {
        Some(path) => format!("writing {}", path.display()),
        None => "writing standard output".into(),
    };
    crate::progress::phase(a.entries, Unit::Entries, what, a.out.is_none());
    let tick = &mut |n| crate::progress::set(n);
    let summary = match &a.out {
        Some(path) => {
            let f = std::fs::File::create(path)
                .map_err(|e| Fail(1, format!("{}: {e}", path.display())))?;
            let result = generate_with_progress(&opts, BufWriter::with_capacity(1 << 20, f), tick);
            if result.is_err() {
                let _ = std::fs::remove_file(path); // never leave half a file behind
            }
            result.map_err(usage)?
        }
        None => match generate_with_progress(&opts, OutWriter(out), tick) {
            Ok(s) => s,
            Err(_) if out.is_closed() => return Ok(true),
            Err(e) => return Err(usage(e)),
        },
    };
    crate::progress::clear();
    report(&a, &summary);
    Ok(true)
}

/// `cnab gen --layout 150`: built in memory by `cnab150::write` (CNAB 150 files are small: at most 999,999
/// records of 150 bytes).
fn run_150(out: &mut Out, a: &GenArgs, bank: cnab_core::Bank) -> Result<bool, Fail> {
    let kind = match a.kind {
        GenKind::Remessa => FileKind::Remessa,
        GenKind::Retorno => FileKind::Retorno,
    };
    let product = match a.product {
        Some(GenProduct::Arrecadacao) => cnab_core::Product::Arrecadacao,
        _ => cnab_core::Product::DebitoAutomatico,
    };
    let bytes = crate::cnab150_cmd::generate(bank, kind, product, a.entries, a.seed)?;
    match &a.out {
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|e| Fail(1, format!("{}: {e}", path.display())))?
        }
        None => out.write_all(&bytes)?,
    }
    note(format_args!(
        "cnab gen: {} 150 {} {} seed {}: {} entries, {} lines, {} bytes",
        a.bank,
        product,
        kind,
        a.seed,
        a.entries,
        a.entries + 2,
        bytes.len()
    ));
    Ok(true)
}

fn report(a: &GenArgs, s: &Summary) {
    let batches = if s.batches > 0 {
        format!(", {} batches", s.batches)
    } else {
        String::new()
    };
    note(format_args!(
        "cnab gen: {} {} {} seed {}: {} entries, {} lines, {} bytes{batches}; total valor_titulo {:.2}, valor_pago {:.2}",
        a.bank, a.layout, match a.kind { GenKind::Remessa => "remessa", GenKind::Retorno => "retorno" },
        a.seed, s.entries, s.lines, s.bytes, s.valor_titulo, s.valor_pago
    ));
}
