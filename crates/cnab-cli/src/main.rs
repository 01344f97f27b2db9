//! `cnab`: inspect, parse, validate and write CNAB files; check a corpus of real files; boleto arithmetic.
//!
//! Exit codes: 0 success, 1 the input has problems (or a corpus file failed), 2 usage errors.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cnab_core::{
    read_with_envelope, Bank, CnabFile, Error, ErrorKind, Layout, ReadOptions, Remessa,
};
use rust_decimal::Decimal;

mod baixa_cmd;
mod boleto_cmd;
mod corpus;

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
        /// The CNAB file.
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
    },
    /// The normalized model as JSON on stdout.
    Parse {
        /// The CNAB file.
        file: PathBuf,
        /// Read leniently: problems are listed in "problems" instead of stopping.
        #[arg(long)]
        lenient: bool,
        /// Add every raw record with all its named fields.
        #[arg(long)]
        records: bool,
        /// Force the bank code (e.g. 341) instead of detecting it.
        #[arg(long)]
        bank: Option<String>,
    },
    /// Every problem, one per line with line, columns and field; exit 1 if any.
    Validate {
        /// The CNAB file.
        file: PathBuf,
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
    },
    /// Check every file of a corpus (DIR/MANIFEST.tsv): detection, reading, byte-exact raw write-back.
    Corpus {
        /// Folder with MANIFEST.tsv.
        dir: PathBuf,
        /// Only this layout (240 or 400).
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
    /// The banks and layouts this build reads and writes, with the manual each table follows (Markdown).
    Banks,
    /// Boleto barcode / linha digitável arithmetic.
    Boleto {
        #[command(subcommand)]
        cmd: boleto_cmd::BoletoCmd,
    },
    /// Settle open titles from retornos exactly once: import titles, apply retornos, amounts due, reports.
    Baixa(baixa_cmd::BaixaArgs),
}

/// A failure with its exit code.
pub(crate) struct Fail(pub u8, pub String);

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail(1, e.to_string())
    }
}

fn read_input(path: &Path) -> Result<Vec<u8>, Fail> {
    if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut v)
            .map_err(|e| Fail(2, format!("stdin: {e}")))?;
        return Ok(v);
    }
    std::fs::read(path).map_err(|e| Fail(2, format!("{}: {e}", path.display())))
}

fn parse_bank(s: &str) -> Result<Bank, Fail> {
    s.parse().map_err(|e: Error| Fail(2, e.to_string()))
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<(), Fail> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    serde_json::to_writer_pretty(&mut lock, v).map_err(|e| Fail(1, e.to_string()))?;
    writeln!(lock).map_err(|e| Fail(1, e.to_string()))
}

fn money(d: Option<Decimal>) -> String {
    d.map_or_else(String::new, |d| format!("{:.2}", d))
}

fn inspect_stream(file: &Path, lenient: bool, rows: usize) -> Result<(), Fail> {
    let f = std::fs::File::open(file).map_err(|e| Fail(2, format!("{}: {e}", file.display())))?;
    let opts = ReadOptions {
        lenient,
        ..ReadOptions::default()
    };
    let mut reader =
        cnab_core::RetornoReader::new(std::io::BufReader::with_capacity(1 << 16, f), opts)?;
    let d = reader.detected().clone();
    println!("bank:    {} {}", d.bank, d.bank.name());
    println!("layout:  {}", d.layout);
    println!("kind:    {} (streamed)", d.kind);
    let (mut n, mut titulo, mut pago, mut creditado) =
        (0usize, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut first = Vec::new();
    for e in reader.by_ref() {
        let e = e?;
        n += 1;
        titulo += e.valor_titulo.unwrap_or_default();
        pago += e.valor_pago.unwrap_or_default();
        creditado += e.valor_creditado.unwrap_or_default();
        let k = e
            .ocorrencia
            .as_ref()
            .map_or("-".to_string(), |o| format!("{} {}", o.code, o.description));
        *by_kind.entry(k).or_default() += 1;
        if first.len() < rows {
            first.push(e);
        }
    }
    println!("entries: {n}");
    println!("valor_titulo total:    {titulo:.2}");
    println!("valor_pago total:      {pago:.2}");
    println!("valor_creditado total: {creditado:.2}");
    println!("ocorrências:");
    for (k, c) in by_kind {
        println!("  {c:>5}  {k}");
    }
    for e in &first {
        println!(
            "{:>9}  {:<20} {:<15} {:<4} {:>14}",
            e.line,
            e.nosso_numero,
            e.seu_numero,
            e.ocorrencia.as_ref().map_or("", |o| o.code.as_str()),
            money(e.valor_pago)
        );
    }
    print_problems(reader.problems());
    Ok(())
}

fn inspect(file: &Path, lenient: bool, rows: usize) -> Result<(), Fail> {
    let bytes = read_input(file)?;
    let d = cnab_core::detect(&bytes)?;
    let opts = ReadOptions {
        lenient,
        ..ReadOptions::default()
    };
    let (parsed, _) = read_with_envelope(&bytes, opts)?;
    println!("bank:    {} {}", d.bank, d.bank.name());
    println!(
        "layout:  {}{}",
        d.layout,
        if d.version.is_empty() {
            String::new()
        } else {
            format!(" (version {})", d.version)
        }
    );
    println!("kind:    {}", d.kind);
    match &parsed {
        CnabFile::Retorno(r) => {
            println!("records: {}", r.records.len());
            println!("entries: {}", r.entries.len());
            let sum = |f: fn(&cnab_core::RetornoEntry) -> Option<Decimal>| {
                r.entries.iter().filter_map(f).sum::<Decimal>()
            };
            println!("valor_titulo total:    {:.2}", sum(|e| e.valor_titulo));
            println!("valor_pago total:      {:.2}", sum(|e| e.valor_pago));
            println!("valor_creditado total: {:.2}", sum(|e| e.valor_creditado));
            let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
            for e in &r.entries {
                let k = e
                    .ocorrencia
                    .as_ref()
                    .map_or("-".to_string(), |o| format!("{} {}", o.code, o.description));
                *by_kind.entry(k).or_default() += 1;
            }
            println!("ocorrências:");
            for (k, n) in by_kind {
                println!("  {n:>5}  {k}");
            }
            println!();
            println!(
                "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
                "line", "nosso_numero", "seu_numero", "oc", "data", "valor_titulo", "valor_pago"
            );
            for e in r.entries.iter().take(rows) {
                println!(
                    "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14} {:>14}",
                    e.line,
                    e.nosso_numero,
                    e.seu_numero,
                    e.ocorrencia.as_ref().map_or("", |o| o.code.as_str()),
                    e.data_ocorrencia.map_or(String::new(), |d| d.to_string()),
                    money(e.valor_titulo),
                    money(e.valor_pago)
                );
            }
            if r.entries.len() > rows {
                println!("  … {} more", r.entries.len() - rows);
            }
            print_problems(&r.problems);
        }
        CnabFile::Remessa(r) => {
            println!("records: {}", r.records.len());
            println!("titulos: {}", r.titulos.len());
            println!(
                "valor total: {:.2}",
                r.titulos.iter().map(|t| t.valor).sum::<Decimal>()
            );
            println!();
            println!(
                "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14}  pagador",
                "line", "nosso_numero", "seu_numero", "mov", "venc", "valor"
            );
            for t in r.titulos.iter().take(rows) {
                println!(
                    "{:>5}  {:<20} {:<15} {:<4} {:<10} {:>14}  {}",
                    t.line,
                    t.nosso_numero,
                    t.seu_numero,
                    t.movimento,
                    t.vencimento.map_or(String::new(), |d| d.to_string()),
                    format!("{:.2}", t.valor),
                    t.pagador.nome
                );
            }
            if r.titulos.len() > rows {
                println!("  … {} more", r.titulos.len() - rows);
            }
            print_problems(&r.problems);
        }
    }
    Ok(())
}

fn print_problems(p: &[Error]) {
    if !p.is_empty() {
        println!();
        println!("problems ({}):", p.len());
        for e in p {
            println!("  {e}");
        }
    }
}

fn parse(file: &Path, lenient: bool, records: bool, bank: Option<String>) -> Result<(), Fail> {
    let bytes = read_input(file)?;
    let bank = bank.as_deref().map(parse_bank).transpose()?;
    let (mut parsed, _) = read_with_envelope(
        &bytes,
        ReadOptions {
            lenient,
            bank,
            ..ReadOptions::default()
        },
    )?;
    if !records {
        match &mut parsed {
            CnabFile::Retorno(r) => r.records.clear(),
            CnabFile::Remessa(r) => r.records.clear(),
        }
        print_json(&parsed)
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
        print_json(&WithRecords {
            file: &parsed,
            records: recs,
        })
    }
}

fn validate(file: &Path) -> Result<bool, Fail> {
    let bytes = read_input(file)?;
    let (parsed, _) = read_with_envelope(&bytes, ReadOptions::lenient())?;
    let (records, problems) = match &parsed {
        CnabFile::Retorno(r) => (&r.records, &r.problems),
        CnabFile::Remessa(r) => (&r.records, &r.problems),
    };
    let mut all: Vec<Error> = problems.clone();
    // Fields that feed no model value are checked here too.
    for r in records {
        r.with_view(|v| {
            if let Some(v) = v {
                for e in v.validate() {
                    if !all.contains(&e) {
                        all.push(e);
                    }
                }
            }
        });
    }
    all.sort_by_key(|e| (e.line, e.columns));
    for e in &all {
        println!("{e}");
    }
    if all.is_empty() {
        eprintln!("{}: no problems", file.display());
    } else {
        eprintln!("{}: {} problem(s)", file.display(), all.len());
    }
    Ok(all.is_empty())
}

fn remessa(model: &Path, bank: &str, layout: u16, out: Option<PathBuf>) -> Result<(), Fail> {
    let bank = parse_bank(bank)?;
    let layout = Layout::from_number(layout)
        .ok_or_else(|| Fail(2, format!("--layout must be 240 or 400, not {layout}")))?;
    let json = read_input(model)?;
    let m: Remessa =
        serde_json::from_slice(&json).map_err(|e| Fail(1, format!("{}: {e}", model.display())))?;
    let bytes = cnab_core::write_remessa(&m, bank, layout)?;
    match out {
        Some(p) => std::fs::write(&p, &bytes).map_err(|e| Fail(1, format!("{}: {e}", p.display()))),
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| Fail(1, e.to_string())),
    }
}

fn run(cli: Cli) -> Result<bool, Fail> {
    match cli.cmd {
        Cmd::Inspect {
            file,
            lenient,
            rows,
            stream,
        } => if stream {
            inspect_stream(&file, lenient, rows)
        } else {
            inspect(&file, lenient, rows)
        }
        .map(|_| true),
        Cmd::Parse {
            file,
            lenient,
            records,
            bank,
        } => parse(&file, lenient, records, bank).map(|_| true),
        Cmd::Validate { file } => validate(&file),
        Cmd::Remessa {
            model,
            bank,
            layout,
            out,
        } => remessa(&model, &bank, layout, out).map(|_| true),
        Cmd::Corpus {
            dir,
            layout,
            bank,
            expect,
            verbose,
        } => corpus::run(&dir, layout, bank.as_deref(), expect.as_deref(), verbose),
        Cmd::Boleto { cmd } => boleto_cmd::run(cmd),
        Cmd::Baixa(args) => baixa_cmd::run(args),
        Cmd::Banks => {
            print!("{}", banks_table());
            Ok(true)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Fail(code, msg)) => {
            eprintln!("cnab: {msg}");
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
            | ErrorKind::TrailerCount { .. }
            | ErrorKind::MissingTrailer
            | ErrorKind::UnknownBank { .. }
    )
}
