//! `cnab`: inspect, parse, validate and write CNAB files; check a corpus of real files; boleto arithmetic.
//!
//! Exit codes: 0 success, 1 the input has problems (or a corpus file failed), 2 usage errors.
//! `parse --lenient` prints the whole document (or every row, with problems on stderr for CSV/NDJSON) and exits 1
//! when there are problems.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use cnab_core::{Bank, CnabFile, Error, ErrorKind, Layout, ReadOptions};
use rust_decimal::Decimal;

mod acordo_cmd;
mod baixa_cmd;
mod boleto_cmd;
mod cnab150_cmd;
mod corpus;
mod export;
mod gen_cmd;
mod instrucoes_cmd;
mod out;
mod parquet_cmd;
mod pix_cmd;
mod print_cmd;
mod progress;
mod reemissao_cmd;
mod regua_cmd;
mod serve_cmd;
mod structure_cmd;

use out::{note, Out};

#[derive(Parser)]
#[command(
    name = "cnab",
    version,
    about = "Read, check and write Brazilian CNAB 240/400 bank files (remessa and retorno)"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Bank, layout, kind, counts, totals and a short table of the entries.
    Inspect {
        /// The CNAB file (`-` for stdin).
        file: PathBuf,
        /// Read leniently (report problems, keep going).
        #[arg(long)]
        lenient: bool,
        /// How many entries to list.
        #[arg(long, default_value_t = 20)]
        rows: usize,
        /// Stream a retorno entry by entry in constant memory (for files larger than memory).
        #[arg(long)]
        stream: bool,
        /// Read as this layout (150, 240 or 400) instead of detecting it; 150 is FEBRABAN's débito automático /
        /// arrecadação layout.
        #[arg(long)]
        layout: Option<u16>,
    },
    /// The normalized model on stdout: JSON (pretty or `--compact`), NDJSON or CSV; or a retorno's entries as a
    /// Parquet file (`--format parquet --out FILE`).
    Parse {
        /// The CNAB file (`-` for stdin).
        file: PathBuf,
        /// Read leniently: problems are listed in "problems" (JSON) or on stderr (CSV, NDJSON) instead of
        /// stopping. The output is always whole; the exit code is 1 when there are problems, 0 when none.
        #[arg(long)]
        lenient: bool,
        /// `json`: one document; `ndjson`: one entry (título for a remessa) per line; `csv`: a header row and one
        /// row per entry (título), money as `1234.50`, dates as `2024-03-15`; `parquet`: a retorno's entries, one
        /// row each, written to `--out` (amounts DECIMAL(18,2), dates DATE; the columns of the `cnab-arrow` crate).
        #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
        format: ParseFormat,
        /// The file to write (required with, and only for, `--format parquet`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Single-line JSON (with `--format json`).
        #[arg(long)]
        compact: bool,
        /// Add every raw record with all its named fields.
        #[arg(long)]
        records: bool,
        /// Force the bank code (e.g. 341) instead of detecting it.
        #[arg(long)]
        bank: Option<String>,
        /// Read as this layout (150, 240 or 400) instead of detecting it.
        #[arg(long)]
        layout: Option<u16>,
    },
    /// Every problem, one per line with line, columns and field (or a JSON array); exit 1 if any.
    Validate {
        /// The CNAB file.
        file: PathBuf,
        /// `text`: one problem per line; `json`: one JSON array of problems (the error JSON of `parse --lenient`).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Read as this layout (150, 240 or 400) instead of detecting it.
        #[arg(long)]
        layout: Option<u16>,
    },
    /// Write a remessa from a JSON model (the `Remessa` of `cnab parse`) to stdout or --out.
    Remessa {
        /// The JSON model (`-` for stdin).
        model: PathBuf,
        /// Bank code.
        #[arg(long)]
        bank: String,
        /// 240 or 400.
        #[arg(long)]
        layout: u16,
        /// Output file (default: stdout).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Refuse instead of warn: text longer than its field and values the layout cannot carry are errors.
        #[arg(long)]
        strict: bool,
    },
    /// Check every file of a corpus (DIR/MANIFEST.tsv): detection, reading, byte-exact raw write-back.
    Corpus {
        /// Folder with MANIFEST.tsv.
        dir: PathBuf,
        /// Only this layout (150, 240 or 400).
        #[arg(long)]
        layout: Option<u16>,
        /// Only this bank code.
        #[arg(long)]
        bank: Option<String>,
        /// Expectations: `path<TAB>exact error` lines; such a file passes only if it fails with that error.
        #[arg(long)]
        expect: Option<PathBuf>,
        /// Print each file's problems.
        #[arg(long, short)]
        verbose: bool,
    },
    /// A valid, deterministic remessa or retorno of any size (for benchmarks and load tests) to stdout or --out.
    Gen(gen_cmd::GenArgs),
    /// The banks and layouts this build reads and writes, with the manual each table follows (Markdown).
    Banks,
    /// Boleto barcode / linha digitável arithmetic.
    Boleto {
        #[command(subcommand)]
        cmd: boleto_cmd::BoletoCmd,
    },
    /// PIX BR Code ("Pix Copia e Cola"): build and check payloads.
    Pix {
        #[command(subcommand)]
        cmd: pix_cmd::PixCmd,
    },
    /// Settle open titles from retornos exactly once: import titles, apply retornos, amounts due, reports.
    Baixa(baixa_cmd::BaixaArgs),
    /// Régua de cobrança: the collection steps due on a date (reminders, avisos, cartas…), issued once → JSON.
    Regua(regua_cmd::ReguaArgs),
    /// Acordo: replace a payer's open titles by installments (the proposal's arithmetic, recorded in the ledger).
    Acordo(acordo_cmd::AcordoArgs),
    /// The bank instructions the régua sent: confirmed, rejected or pending (matched when retornos are applied).
    Instrucoes(instrucoes_cmd::InstrucoesArgs),
    /// Reemissão: an overdue título's updated boleto (amount to a new due date) and the bank's instruction remessa.
    Reemissao(reemissao_cmd::ReemissaoArgs),
    /// Segunda via: serve each título's page (`/b/TOKEN`) and PDF from the ledger; views go to its history.
    Serve(serve_cmd::ServeArgs),
}

/// How `validate` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One problem per line.
    Text,
    /// One JSON array.
    Json,
}

/// How `parse` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ParseFormat {
    /// One JSON document.
    Json,
    /// One JSON object per entry (título), one per line.
    Ndjson,
    /// A header row, one row per entry (título).
    Csv,
    /// A retorno's entries as a Parquet file (`--out`).
    Parquet,
}

/// A failure with its exit code.
pub(crate) struct Fail(pub u8, pub String);

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail(1, e.to_string())
    }
}

/// The name errors about a file's content carry: the path as given (none for standard input).
pub(crate) fn source_name(path: &Path) -> Option<Arc<str>> {
    (path.as_os_str() != "-").then(|| Arc::from(path.display().to_string()))
}

/// How the progress bar names a file.
pub(crate) fn shown_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".into()
    } else {
        path.display().to_string()
    }
}

/// The error, naming the file it is about.
pub(crate) fn named(e: Error, name: &Option<Arc<str>>) -> Error {
    match name {
        Some(n) => e.with_file(Arc::clone(n)),
        None => e,
    }
}

/// A strict read's failure, named, ending with the way to see more (not for a file that is no CNAB at all).
fn strict_fail(e: Error, name: &Option<Arc<str>>, file: &Path) -> Fail {
    let hint = !matches!(e.kind, ErrorKind::UnknownLayout { .. } | ErrorKind::Empty);
    let mut f = Fail::from(named(e, name));
    if hint {
        let shown = file.display();
        f.1.push_str(&format!(
            "\nhint: cnab validate {shown} lists every problem; --lenient reads what it can"
        ));
    }
    f
}

fn read_input(path: &Path) -> Result<Vec<u8>, Fail> {
    use std::io::Read;
    if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::stdin()
            .read_to_end(&mut v)
            .map_err(|e| Fail(2, format!("stdin: {e}")))?;
        return Ok(v);
    }
    let fail = |e: std::io::Error| Fail(2, format!("{}: {e}", path.display()));
    let mut f = std::fs::File::open(path).map_err(fail)?;
    let len = f.metadata().map_or(0, |m| m.len());
    // Read in slices of a few mebibytes, the position shown on the progress bar (bytes of the input).
    progress::phase(
        len,
        progress::Unit::Bytes,
        format!("loading {}", path.display()),
        false,
    );
    let mut v = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    loop {
        let before = v.len();
        let n = (&mut f).take(1 << 22).read_to_end(&mut v).map_err(fail)?;
        if n == 0 {
            break;
        }
        progress::set(before as u64 + n as u64);
    }
    Ok(v)
}

/// [`cnab_core::read_with_envelope`], the position in the input on the progress bar (`what`: the file's name).
pub(crate) fn read_observed(
    bytes: &[u8],
    opts: ReadOptions,
    what: &str,
) -> Result<(CnabFile, cnab_core::Envelope), Error> {
    progress::phase(
        bytes.len() as u64,
        progress::Unit::Bytes,
        format!("reading {what}"),
        false,
    );
    cnab_core::read_with_progress(bytes, opts, &mut |at| progress::set(at as u64))
}

fn parse_bank(s: &str) -> Result<Bank, Fail> {
    cnab_core::bank::parse(s).map_err(|e: Error| Fail(2, e.to_string()))
}

fn money(d: Option<Decimal>) -> String {
    d.map_or_else(String::new, |d| format!("{:.2}", d))
}

/// `inspect --stream`: the same summary as `inspect`, read entry by entry in constant memory from a file or from
/// standard input (`-`): detection, the header's beneficiário and generation date, counts, totals, ocorrências and
/// the first `rows` entries under a column header, the line column as wide as the largest line number shown.
fn inspect_stream(
    out: &mut Out,
    file: &Path,
    lenient: bool,
    rows: usize,
    layout: Option<u16>,
) -> Result<bool, Fail> {
    let name = source_name(file);
    let what = format!("reading {}", shown_name(file));
    let src: Box<dyn std::io::BufRead> = if file.as_os_str() == "-" {
        progress::phase(0, progress::Unit::Written, what, false);
        Box::new(progress::Observed::new(std::io::BufReader::with_capacity(
            1 << 16,
            std::io::stdin().lock(),
        )))
    } else {
        let f =
            std::fs::File::open(file).map_err(|e| Fail(2, format!("{}: {e}", file.display())))?;
        let len = f.metadata().map_or(0, |m| m.len());
        progress::phase(len, progress::Unit::Bytes, what, false);
        Box::new(progress::Observed::new(std::io::BufReader::with_capacity(
            1 << 16,
            f,
        )))
    };
    let mut src = src;
    // A CNAB 150 file (`--layout 150`, or detected from the first bytes buffered): its own streaming reader.
    let head = src
        .fill_buf()
        .map_err(|e| Fail(1, format!("{}: {e}", shown_name(file))))?;
    if cnab150_cmd::chosen(head, layout)? {
        return cnab150_cmd::inspect_stream(out, src, &name, lenient, rows);
    }
    let opts = ReadOptions {
        lenient,
        ..ReadOptions::default()
    };
    // Entry views: each field decoded only where the summary reads it (the same entries and problems as
    // `RetornoReader`).
    let mut reader = cnab_core::RetornoViewReader::new(src, opts).map_err(|e| named(e, &name))?;
    let d = reader.detected().clone();
    write_detected(out, &d, " (streamed)")?;
    let mut n = 0usize;
    let mut tally = Tally::default();
    let mut first = Vec::new();
    while let Some(e) = reader.next_entry() {
        let e = e.map_err(|e| strict_fail(e, &name, file))?;
        n += 1;
        tally.add(&e);
        if first.len() < rows {
            first.push(e.to_owned());
        }
    }
    // The header is read with the first lines: known once the reader has run.
    let h = reader.header();
    let b = &h.beneficiario;
    let mut who = b.nome.clone();
    if !b.inscricao.numero.is_empty() {
        who.push_str(&format!(" ({})", b.inscricao.numero));
    }
    writeln!(
        out,
        "beneficiario: {}",
        if who.is_empty() { "-" } else { &who }
    )?;
    writeln!(
        out,
        "data_geracao: {}",
        h.data_geracao.map_or("-".to_string(), |d| d.to_string())
    )?;
    writeln!(out, "entries: {n}")?;
    tally.write_totals(out)?;
    writeln!(out, "ocorrências:")?;
    let by_kind = tally.by_kind();
    let count_width = by_kind
        .values()
        .max()
        .map_or(5, |c| c.to_string().len().max(5));
    for (k, c) in by_kind {
        writeln!(out, "  {c:>count_width$}  {k}")?;
    }
    writeln!(out)?;
    let w = first
        .iter()
        .map(|e| e.line.to_string().len())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{:>w$}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
        "line", "nosso_numero", "seu_numero", "oc", "data", "valor_titulo", "valor_pago"
    )?;
    for e in &first {
        writeln!(
            out,
            "{:>w$}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
            e.line,
            e.nosso_numero,
            e.seu_numero,
            e.ocorrencia.as_ref().map_or("", |o| o.code.as_str()),
            e.data_ocorrencia.map_or(String::new(), |d| d.to_string()),
            money(e.valor_titulo),
            money(e.valor_pago)
        )?;
    }
    if n > rows {
        writeln!(out, "  … {} more", n - rows)?;
    }
    let mut problems = reader.problems().to_vec();
    if let Some(n) = &name {
        Error::name_file(&mut problems, n);
    }
    print_problems(out, &problems)
}

/// Prints the summary; `Ok(false)` when it lists problems (exit 1).
fn inspect(
    out: &mut Out,
    file: &Path,
    lenient: bool,
    rows: usize,
    layout: Option<u16>,
) -> Result<bool, Fail> {
    let name = source_name(file);
    let bytes = read_input(file)?;
    if cnab150_cmd::chosen(&bytes, layout)? {
        return cnab150_cmd::inspect(out, &bytes, &name, lenient, rows);
    }
    if structure_cmd::chosen(&bytes, layout) {
        return structure_cmd::inspect(out, &bytes, &name, rows);
    }
    let d = cnab_core::detect(&bytes).map_err(|e| named(e, &name))?;
    let opts = ReadOptions {
        lenient,
        layout: layout.and_then(Layout::from_number),
        ..ReadOptions::default()
    };
    if d.kind == cnab_core::FileKind::Retorno {
        return inspect_retorno(out, &bytes, &d, opts, (&name, file), rows);
    }
    let (mut parsed, _) = read_observed(&bytes, opts, &shown_name(file)).map_err(|e| {
        if lenient {
            named(e, &name).into()
        } else {
            strict_fail(e, &name, file)
        }
    })?;
    if let Some(n) = &name {
        Error::name_file(problems_mut(&mut parsed), n);
    }
    write_detected(out, &d, "")?;
    match &parsed {
        CnabFile::Retorno(r) => {
            writeln!(out, "records: {}", r.records.len())?;
            writeln!(out, "entries: {}", r.entries.len())?;
            let sum = |f: fn(&cnab_core::RetornoEntry) -> Option<Decimal>| {
                r.entries.iter().filter_map(f).sum::<Decimal>()
            };
            writeln!(out, "valor_titulo total:    {:.2}", sum(|e| e.valor_titulo))?;
            writeln!(out, "valor_pago total:      {:.2}", sum(|e| e.valor_pago))?;
            writeln!(
                out,
                "valor_creditado total: {:.2}",
                sum(|e| e.valor_creditado)
            )?;
            let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
            for e in &r.entries {
                let k = e
                    .ocorrencia
                    .as_ref()
                    .map_or("-".to_string(), |o| format!("{} {}", o.code, o.description));
                *by_kind.entry(k).or_default() += 1;
            }
            writeln!(out, "ocorrências:")?;
            for (k, n) in by_kind {
                writeln!(out, "  {n:>5}  {k}")?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
                "line", "nosso_numero", "seu_numero", "oc", "data", "valor_titulo", "valor_pago"
            )?;
            for e in r.entries.iter().take(rows) {
                writeln!(
                    out,
                    "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
                    e.line,
                    e.nosso_numero,
                    e.seu_numero,
                    e.ocorrencia.as_ref().map_or("", |o| o.code.as_str()),
                    e.data_ocorrencia.map_or(String::new(), |d| d.to_string()),
                    money(e.valor_titulo),
                    money(e.valor_pago)
                )?;
            }
            if r.entries.len() > rows {
                writeln!(out, "  … {} more", r.entries.len() - rows)?;
            }
            print_problems(out, &r.problems)
        }
        CnabFile::Remessa(r) => {
            writeln!(out, "records: {}", r.records.len())?;
            writeln!(out, "titulos: {}", r.titulos.len())?;
            writeln!(
                out,
                "valor total: {:.2}",
                r.titulos.iter().map(|t| t.valor).sum::<Decimal>()
            )?;
            writeln!(out)?;
            writeln!(
                out,
                "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14}  pagador",
                "line", "nosso_numero", "seu_numero", "mov", "venc", "valor"
            )?;
            for t in r.titulos.iter().take(rows) {
                writeln!(
                    out,
                    "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14}  {}",
                    t.line,
                    t.nosso_numero,
                    t.seu_numero,
                    t.movimento,
                    t.vencimento.map_or(String::new(), |d| d.to_string()),
                    format!("{:.2}", t.valor),
                    t.pagador.nome
                )?;
            }
            if r.titulos.len() > rows {
                writeln!(out, "  … {} more", r.titulos.len() - rows)?;
            }
            print_problems(out, &r.problems)
        }
    }
}

/// An amount total of `cnab inspect`'s summary, added entry by entry: amounts of two decimals (every amount field
/// of every layout) as an integer count of cents, any other scale as a `Decimal`. The total is the exact sum
/// either way.
#[derive(Default)]
struct Total {
    cents: i128,
    other: Decimal,
}

impl Total {
    fn add(&mut self, d: Option<Decimal>) {
        match d {
            Some(d) if d.scale() == 2 => self.cents += d.mantissa(),
            Some(d) => self.other += d,
            None => {}
        }
    }

    fn value(&self) -> Result<Decimal, Fail> {
        Decimal::try_from_i128_with_scale(self.cents, 2)
            .ok()
            .and_then(|c| c.checked_add(self.other))
            .ok_or_else(|| Fail(1, "an amount total is too large for a decimal".to_string()))
    }
}

/// `cnab inspect`'s totals and ocorrência counts, added entry by entry without allocating: an ocorrência is counted
/// under its code and description, by the table row the reader found for it or, for an unknown code or an entry a
/// bank rule rewrote, through its two-digit code (the manuals' usual form) or a scan of the few kinds seen so far.
#[derive(Default)]
struct Tally {
    titulo: Total,
    pago: Total,
    creditado: Total,
    /// Code, description and count of each ocorrência seen, in the order first seen.
    kinds: Vec<(String, String, usize)>,
    /// Entries without an ocorrência.
    none: usize,
    /// For a two-digit code, 1 + the index in `kinds` of the last kind counted with it (0: none yet).
    by_code: Vec<usize>,
    /// Entries counted by the row of the layout's ocorrência table the reader found for them (index in
    /// `LayoutSpec::ocorrencias`): the row's code, its description, and the count.
    rows: Vec<Option<(&'static str, &'static str, usize)>>,
}

impl Tally {
    fn add(&mut self, e: &cnab_core::EntryView<'_>) {
        // The three amounts in one walk of the entry's records.
        let [titulo, pago, creditado] = e.amounts([
            cnab_core::Role::ValorTitulo,
            cnab_core::Role::ValorPago,
            cnab_core::Role::ValorCreditado,
        ]);
        self.titulo.add(titulo);
        self.pago.add(pago);
        self.creditado.add(creditado);
        if let Some((i, d)) = e.ocorrencia_row() {
            if self.rows.len() <= i {
                self.rows.resize(i + 1, None);
            }
            if let Some(slot) = self.rows.get_mut(i) {
                slot.get_or_insert((d.code, d.description, 0)).2 += 1;
            }
            return;
        }
        let Some(o) = e.ocorrencia() else {
            self.none += 1;
            return;
        };
        let slot = match o.code.as_bytes() {
            [a @ b'0'..=b'9', b @ b'0'..=b'9'] => {
                Some(usize::from(a - b'0') * 10 + usize::from(b - b'0'))
            }
            _ => None,
        };
        if self.by_code.is_empty() {
            self.by_code = vec![0; 100];
        }
        let same = |k: &(String, String, usize)| k.0 == o.code && k.1 == o.description;
        let hint = slot
            .and_then(|s| self.by_code.get(s).copied())
            .and_then(|i| i.checked_sub(1))
            .filter(|&i| self.kinds.get(i).is_some_and(same));
        let i = match hint.or_else(|| self.kinds.iter().position(same)) {
            Some(i) => i,
            None => {
                self.kinds
                    .push((o.code.to_string(), o.description.to_string(), 0));
                self.kinds.len() - 1
            }
        };
        if let Some(k) = self.kinds.get_mut(i) {
            k.2 += 1;
        }
        if let Some(s) = slot.and_then(|s| self.by_code.get_mut(s)) {
            *s = i + 1;
        }
    }

    /// The summary's three totals lines.
    fn write_totals(&self, out: &mut Out) -> Result<(), Fail> {
        writeln!(out, "valor_titulo total:    {:.2}", self.titulo.value()?)?;
        writeln!(out, "valor_pago total:      {:.2}", self.pago.value()?)?;
        writeln!(out, "valor_creditado total: {:.2}", self.creditado.value()?)?;
        Ok(())
    }

    /// The counts under the summary's keys (`code description`, `-` for no ocorrência), in key order.
    fn by_kind(&self) -> BTreeMap<String, usize> {
        let mut out: BTreeMap<String, usize> = BTreeMap::new();
        for (code, description, n) in &self.kinds {
            *out.entry(format!("{code} {description}")).or_default() += n;
        }
        for (code, description, n) in self.rows.iter().flatten() {
            *out.entry(format!("{code} {description}")).or_default() += n;
        }
        if self.none > 0 {
            *out.entry("-".to_string()).or_default() += self.none;
        }
        out
    }
}

/// `inspect` of a retorno: the whole file read into entry views (fields decoded where the summary reads them; the
/// same entries and problems as the owned model).
fn inspect_retorno(
    out: &mut Out,
    bytes: &[u8],
    d: &cnab_core::Detected,
    opts: ReadOptions,
    (name, file): (&Option<Arc<str>>, &Path),
    rows: usize,
) -> Result<bool, Fail> {
    progress::phase(
        bytes.len() as u64,
        progress::Unit::Bytes,
        format!("reading {}", shown_name(file)),
        false,
    );
    let mut r =
        cnab_core::read_retorno_view_with_progress(bytes, opts, &mut |at| progress::set(at as u64))
            .map_err(|e| {
                if opts.lenient {
                    named(e, name).into()
                } else {
                    strict_fail(e, name, file)
                }
            })?;
    if let Some(n) = name {
        Error::name_file(&mut r.problems, n);
    }
    write_detected(out, d, "")?;
    writeln!(out, "records: {}", r.record_count())?;
    writeln!(out, "entries: {}", r.len())?;
    let mut tally = Tally::default();
    for e in r.entries() {
        tally.add(&e);
    }
    tally.write_totals(out)?;
    writeln!(out, "ocorrências:")?;
    for (k, n) in tally.by_kind() {
        writeln!(out, "  {n:>5}  {k}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
        "line", "nosso_numero", "seu_numero", "oc", "data", "valor_titulo", "valor_pago"
    )?;
    for e in r.entries().take(rows) {
        let o = e.ocorrencia();
        writeln!(
            out,
            "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
            e.line(),
            e.nosso_numero(),
            e.seu_numero(),
            o.as_ref().map_or("", |o| &*o.code),
            e.data_ocorrencia().map_or(String::new(), |d| d.to_string()),
            money(e.valor_titulo()),
            money(e.valor_pago())
        )?;
    }
    if r.len() > rows {
        writeln!(out, "  … {} more", r.len() - rows)?;
    }
    print_problems(out, &r.problems)
}

/// Lists the problems after the summary; `Ok(false)` when there are any.
pub(crate) fn print_problems(out: &mut Out, p: &[Error]) -> Result<bool, Fail> {
    if !p.is_empty() {
        writeln!(out)?;
        writeln!(out, "problems ({}):", p.len())?;
        for e in p {
            writeln!(out, "  {e}")?;
        }
    }
    Ok(p.is_empty())
}

/// The problems a read collected.
fn problems_mut(f: &mut CnabFile) -> &mut Vec<Error> {
    match f {
        CnabFile::Retorno(r) => &mut r.problems,
        CnabFile::Remessa(r) => &mut r.problems,
    }
}

fn parse(
    out: &mut Out,
    file: &Path,
    (lenient, format, compact): (bool, ParseFormat, bool),
    records: bool,
    (bank, layout): (Option<String>, Option<u16>),
) -> Result<bool, Fail> {
    let json = format == ParseFormat::Json;
    if !json && (records || compact) {
        return Err(Fail(
            2,
            "--records and --compact go with --format json".into(),
        ));
    }
    let name = source_name(file);
    let bytes = read_input(file)?;
    if cnab150_cmd::chosen(&bytes, layout)? {
        let f = match format {
            ParseFormat::Json => "json",
            ParseFormat::Ndjson => "ndjson",
            ParseFormat::Csv => "csv",
            ParseFormat::Parquet => {
                return Err(Fail(
                    2,
                    "--format parquet writes a cobrança retorno's entries; a 150 file has no such columns".into(),
                ));
            }
        };
        return cnab150_cmd::parse(out, &bytes, &name, lenient, f, (compact, records));
    }
    if structure_cmd::chosen(&bytes, layout) {
        if !json {
            return Err(Fail(
                2,
                "a CNAB 240 file of another product than cobrança is parsed with --format json (its records, read structurally)".into(),
            ));
        }
        return structure_cmd::parse(out, &bytes, &name, (compact, records));
    }
    let bank = bank.as_deref().map(parse_bank).transpose()?;
    let read = read_observed(
        &bytes,
        ReadOptions {
            lenient,
            bank,
            layout: layout.and_then(Layout::from_number),
            ..ReadOptions::default()
        },
        &shown_name(file),
    );
    let mut parsed = match read {
        Ok((parsed, _)) => parsed,
        Err(e) if lenient => {
            // Not readable at all (not a CNAB file, no layout for its bank, …): the document is its one problem.
            let e = named(e, &name);
            if json {
                out.json(&serde_json::json!({ "problems": [&e] }))?;
            }
            note(format_args!("cnab: {e}"));
            return Ok(false);
        }
        Err(e) => return Err(strict_fail(e, &name, file)),
    };
    let problems = problems_mut(&mut parsed);
    if let Some(n) = &name {
        Error::name_file(problems, n);
    }
    let clean = problems.is_empty();
    if !json {
        // CSV and NDJSON have no place for them: each problem is a line on stderr.
        for e in problems.iter() {
            note(format_args!("cnab: {e}"));
        }
    } else if !clean {
        note(format_args!(
            "cnab: {}: {} problem(s), listed in \"problems\"",
            name.as_deref().unwrap_or("-"),
            problems.len()
        ));
    }
    let writing = format!("writing {}", shown_name(file));
    match (&parsed, format) {
        (_, ParseFormat::Json) => progress::phase(0, progress::Unit::Written, writing, true),
        (CnabFile::Retorno(r), _) => progress::phase(
            r.entries.len() as u64,
            progress::Unit::Entries,
            writing,
            true,
        ),
        (CnabFile::Remessa(r), _) => progress::phase(
            r.titulos.len() as u64,
            progress::Unit::Entries,
            writing,
            true,
        ),
    }
    if format == ParseFormat::Csv {
        export::write_csv(out, &parsed)?;
    } else if format == ParseFormat::Ndjson {
        export::write_ndjson(out, &parsed)?;
    } else if !records {
        match &mut parsed {
            CnabFile::Retorno(r) => r.records.clear(),
            CnabFile::Remessa(r) => r.records.clear(),
        }
        if compact {
            out.json_line(&parsed)?;
        } else {
            out.json(&parsed)?;
        }
    } else {
        #[derive(serde::Serialize)]
        struct WithRecords<'a> {
            #[serde(flatten)]
            file: &'a CnabFile,
            records: &'a [cnab_core::RawRecord],
        }
        let recs = match &parsed {
            CnabFile::Retorno(r) => &r.records,
            CnabFile::Remessa(r) => &r.records,
        };
        let doc = WithRecords {
            file: &parsed,
            records: recs,
        };
        if compact {
            out.json_line(&doc)?;
        } else {
            out.json(&doc)?;
        }
    }
    Ok(clean)
}

fn validate(out: &mut Out, file: &Path, format: Format, layout: Option<u16>) -> Result<bool, Fail> {
    let name = source_name(file);
    let bytes = read_input(file)?;
    // The reader checks every field of every record: validating is reading leniently and listing the problems.
    let read = if cnab150_cmd::chosen(&bytes, layout)? {
        cnab150_cmd::problems(&bytes, &name)
    } else if structure_cmd::chosen(&bytes, layout) {
        structure_cmd::problems(&bytes, &name)
    } else {
        let opts = ReadOptions {
            layout: layout.and_then(Layout::from_number),
            ..ReadOptions::lenient()
        };
        read_observed(&bytes, opts, &shown_name(file)).map(|(parsed, _)| match parsed {
            CnabFile::Retorno(r) => r.problems,
            CnabFile::Remessa(r) => r.problems,
        })
    };
    let mut all = match read {
        Ok(problems) => problems,
        Err(e) if format == Format::Json => {
            out.json(&[named(e, &name)])?;
            return Ok(false);
        }
        Err(e) => return Err(named(e, &name).into()),
    };
    all.sort_by_key(|e| (e.line, e.columns));
    if let Some(n) = &name {
        Error::name_file(&mut all, n);
    }
    match format {
        Format::Text => {
            for e in &all {
                writeln!(out, "{e}")?;
                if out.is_closed() {
                    break;
                }
            }
        }
        Format::Json => out.json(&all)?,
    }
    let shown = file.display();
    if all.is_empty() {
        note(format_args!("{shown}: no problems"));
    } else {
        note(format_args!("{shown}: {} problem(s)", all.len()));
    }
    Ok(all.is_empty())
}

/// Writes a remessa; every value cut or not carried is printed on stderr, one line each (title, field, value).
fn remessa(
    out: &mut Out,
    model: &Path,
    bank: &str,
    layout: u16,
    dest: Option<PathBuf>,
    strict: bool,
) -> Result<(), Fail> {
    let bank = parse_bank(bank)?;
    let layout = Layout::from_number(layout)
        .ok_or_else(|| Fail(2, format!("--layout must be 240 or 400, not {layout}")))?;
    let json = read_input(model)?;
    // No position to show while the model is parsed and the remessa written: a spinner.
    progress::busy(format!("reading {}", shown_name(model)));
    let m = cnab_core::remessa_from_json(&json)
        .map_err(|e| Fail(1, format!("{}: {e}", model.display())))?;
    progress::busy("writing the remessa");
    let opts = cnab_core::WriteOptions {
        strict,
        ..cnab_core::WriteOptions::default()
    };
    let written = cnab_core::write_remessa_with(&m, bank, layout, opts)?;
    progress::clear();
    for w in &written.warnings {
        note(format_args!("warning: {w}"));
    }
    match dest {
        Some(p) => {
            std::fs::write(&p, &written.bytes).map_err(|e| Fail(1, format!("{}: {e}", p.display())))
        }
        None => out.write_all(&written.bytes),
    }
}

fn run(out: &mut Out, cli: Cli) -> Result<bool, Fail> {
    progress::init()?;
    match cli.cmd {
        Cmd::Inspect {
            file,
            lenient,
            rows,
            stream,
            layout,
        } => {
            if stream {
                inspect_stream(out, &file, lenient, rows, layout)
            } else {
                inspect(out, &file, lenient, rows, layout)
            }
        }
        Cmd::Parse {
            file,
            lenient,
            format,
            compact,
            records,
            bank,
            out: dest,
            layout,
        } => {
            let parquet = format == ParseFormat::Parquet;
            match dest {
                Some(_) if parquet && layout == Some(150) => Err(Fail(
                    2,
                    "--format parquet writes a cobrança retorno's entries; a 150 file has no such columns".into(),
                )),
                Some(dest) if parquet => parquet_cmd::run(&file, &dest, lenient, bank),
                None if parquet => Err(Fail(
                    2,
                    "--format parquet writes a file: give it with --out FILE".into(),
                )),
                Some(_) => Err(Fail(2, "--out goes with --format parquet".into())),
                None => parse(
                    out,
                    &file,
                    (lenient, format, compact),
                    records,
                    (bank, layout),
                ),
            }
        }
        Cmd::Validate {
            file,
            format,
            layout,
        } => validate(out, &file, format, layout),
        Cmd::Remessa {
            model,
            bank,
            layout,
            out: dest,
            strict,
        } => remessa(out, &model, &bank, layout, dest, strict).map(|_| true),
        Cmd::Corpus {
            dir,
            layout,
            bank,
            expect,
            verbose,
        } => corpus::run(
            out,
            &dir,
            layout,
            bank.as_deref(),
            expect.as_deref(),
            verbose,
        ),
        Cmd::Gen(args) => gen_cmd::run(out, args),
        Cmd::Boleto { cmd } => boleto_cmd::run(out, cmd),
        Cmd::Pix { cmd } => pix_cmd::run(out, cmd),
        Cmd::Baixa(args) => baixa_cmd::run(args),
        Cmd::Regua(args) => regua_cmd::run(args),
        Cmd::Acordo(args) => acordo_cmd::run(args),
        Cmd::Instrucoes(args) => instrucoes_cmd::run(args),
        Cmd::Reemissao(args) => reemissao_cmd::run(args),
        Cmd::Serve(args) => serve_cmd::run(args),
        Cmd::Banks => {
            write!(out, "{}", banks_table())?;
            Ok(true)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = Out::stdout();
    // What was printed is sent even when the command then fails.
    let result = run(&mut out, cli);
    progress::clear();
    let result = out.flush().and(result);
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Fail(code, msg)) => {
            note(format_args!("cnab: {msg}"));
            ExitCode::from(code)
        }
    }
}

/// The support matrix as a Markdown table: per bank, CNAB 240 and CNAB 400 × remessa/retorno, and the manuals.
pub(crate) fn banks_table() -> String {
    use cnab_core::{FileKind, Layout};
    let mut out = String::from("| bank | CNAB 240 remessa | CNAB 240 retorno | CNAB 400 remessa | CNAB 400 retorno | manuals followed |\n|---|---|---|---|---|---|\n");
    let mut banks: Vec<_> = cnab_core::banks::ALL.iter().collect();
    banks.sort_by_key(|b| b.code);
    for b in banks {
        let mark = |l, k| if b.supports(l, k) { "✓" } else { "—" };
        let mut sources: Vec<&str> = Vec::new();
        for l in b.layouts() {
            if !sources.contains(&l.source) {
                sources.push(l.source);
            }
        }
        out.push_str(&format!(
            "| {:03} {} | {} | {} | {} | {} | {} |\n",
            b.code,
            b.name,
            mark(Layout::Cnab240, FileKind::Remessa),
            mark(Layout::Cnab240, FileKind::Retorno),
            mark(Layout::Cnab400, FileKind::Remessa),
            mark(Layout::Cnab400, FileKind::Retorno),
            sources.join("; ").replace('|', "/")
        ));
    }
    out
}

/// Whether a lenient-mode problem is a defect of the file itself (damaged in transit or written by a sloppy
/// generator) rather than a sign that our layout does not fit: only these let a file pass the corpus gate leniently.
pub(crate) fn is_file_defect(e: &Error) -> bool {
    matches!(
        e.kind,
        ErrorKind::LineLength { .. }
            | ErrorKind::BlankLine
            | ErrorKind::Sequence { .. }
            | ErrorKind::TrailerCount { .. }
            | ErrorKind::MissingTrailer
            | ErrorKind::UnknownBank { .. }
    )
}

/// The bank, layout and kind lines that open `cnab inspect`'s summary (`kind_note` after the kind).
fn write_detected(out: &mut Out, d: &cnab_core::Detected, kind_note: &str) -> Result<(), Fail> {
    writeln!(out, "bank:    {} {}", d.bank, cnab_core::bank::name(d.bank))?;
    let version = if d.version.is_empty() {
        String::new()
    } else {
        format!(" (version {})", d.version)
    };
    writeln!(out, "layout:  {}{version}", d.layout)?;
    writeln!(out, "kind:    {}{kind_note}", d.kind)
}
