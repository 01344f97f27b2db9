//! The CNAB 150 side of `inspect`, `parse`, `validate` and `gen` (FEBRABAN débito automático and arrecadação):
//! chosen with `--layout 150` or when detection finds a registro A header of 150 bytes.

use std::sync::Arc;

use cnab_core::cnab150::{self, Cadastro150, Detail150, Entry150, File150, Header150};
use cnab_core::{Error, FileKind, Layout, Product, ReadOptions};
use rust_decimal::Decimal;

use crate::out::{note, Out};
use crate::Fail;

/// Whether to read these bytes as CNAB 150: `--layout 150`, or no `--layout` and detection says so.
pub(crate) fn chosen(bytes: &[u8], layout: Option<u16>) -> Result<bool, Fail> {
    match layout {
        Some(150) => Ok(true),
        Some(240 | 400) => Ok(false),
        Some(n) => Err(Fail(
            2,
            format!("--layout must be 150, 240 or 400, not {n}"),
        )),
        None => Ok(cnab_core::detect(bytes).is_ok_and(|d| d.layout == Layout::Cnab150)),
    }
}

fn named(e: Error, name: &Option<Arc<str>>) -> Error {
    match name {
        Some(n) => e.with_file(Arc::clone(n)),
        None => e,
    }
}

fn read(bytes: &[u8], lenient: bool, name: &Option<Arc<str>>) -> Result<File150, Error> {
    let opts = ReadOptions {
        lenient,
        ..ReadOptions::default()
    };
    let mut f = cnab150::read(bytes, opts).map_err(|e| named(e, name))?;
    if let Some(n) = name {
        Error::name_file(&mut f.problems, n);
    }
    Ok(f)
}

fn money(d: Option<Decimal>) -> String {
    d.map_or(String::new(), |d| format!("{d:.2}"))
}

/// What `cnab inspect` prints of a CNAB 150 file, gathered from the whole file or entry by entry.
struct Summary {
    bank: cnab_core::Bank,
    versao: String,
    product: Product,
    kind: FileKind,
    /// Records of the file (the whole-file reading knows them).
    records: Option<usize>,
    entries: usize,
    cadastros: usize,
    total: Decimal,
    debitado: Decimal,
    trailer_total: Option<Decimal>,
    by_code: std::collections::BTreeMap<String, usize>,
    /// The first `rows` entries.
    first: Vec<Entry150>,
}

impl Summary {
    fn new(bank: cnab_core::Bank, product: Product, kind: FileKind) -> Self {
        Summary {
            bank,
            versao: String::new(),
            product,
            kind,
            records: None,
            entries: 0,
            cadastros: 0,
            total: Decimal::ZERO,
            debitado: Decimal::ZERO,
            trailer_total: None,
            by_code: Default::default(),
            first: Vec::new(),
        }
    }

    fn add(&mut self, e: &Entry150, rows: usize) {
        self.entries += 1;
        self.total += e.valor;
        if let Some(r) = &e.resultado {
            if r.resultado.is_debited() {
                self.debitado += e.valor;
            }
            let k = format!("{} {}", r.code, r.description);
            *self.by_code.entry(k).or_default() += 1;
        }
        if self.first.len() < rows {
            self.first.push(e.clone());
        }
    }

    fn print(&self, out: &mut Out, streamed: bool) -> Result<(), Fail> {
        writeln!(
            out,
            "bank:    {} {}",
            self.bank,
            cnab_core::bank::name(self.bank)
        )?;
        writeln!(out, "layout:  CNAB 150 (version {})", self.versao)?;
        writeln!(out, "product: {}", self.product)?;
        let note = if streamed { " (streamed)" } else { "" };
        writeln!(out, "kind:    {}{note}", self.kind)?;
        if let Some(n) = self.records {
            writeln!(out, "records: {n}")?;
        }
        writeln!(out, "entries: {}", self.entries)?;
        if self.cadastros > 0 {
            writeln!(out, "cadastros: {}", self.cadastros)?;
        }
        writeln!(out, "valor total:           {:.2}", self.total)?;
        if let Some(z) = self.trailer_total {
            writeln!(out, "trailer (Z) total:     {z:.2}")?;
        }
        if self.product == Product::DebitoAutomatico && self.kind == FileKind::Retorno {
            writeln!(out, "debitado total:        {:.2}", self.debitado)?;
            writeln!(out, "retornos:")?;
            for (k, n) in &self.by_code {
                writeln!(out, "  {n:>5}  {k}")?;
            }
        }
        writeln!(out)?;
        writeln!(
            out,
            "{:>5}  {:<3} {:<25} {:<20} {:<10} {:>14} {:>8}",
            "line", "reg", "cliente/barcode", "conta", "data", "valor", "retorno"
        )?;
        for e in &self.first {
            let who = e
                .cliente_empresa
                .clone()
                .or_else(|| e.codigo_barras.clone())
                .unwrap_or_default();
            writeln!(
                out,
                "{:>5}  {:<3} {:<25} {:<20} {:<10} {:>14} {:>8}",
                e.line,
                e.registro,
                who,
                e.conta.as_deref().unwrap_or(""),
                e.data.map_or(String::new(), |d| d.to_string()),
                money(Some(e.valor)),
                e.resultado.as_ref().map_or("", |r| r.code.as_str())
            )?;
        }
        if self.entries > self.first.len() {
            writeln!(out, "  … {} more", self.entries - self.first.len())?;
        }
        Ok(())
    }
}

/// `cnab inspect` of a CNAB 150 file; `Ok(false)` when it lists problems.
pub(crate) fn inspect(
    out: &mut Out,
    bytes: &[u8],
    name: &Option<Arc<str>>,
    lenient: bool,
    rows: usize,
) -> Result<bool, Fail> {
    let f = read(bytes, lenient, name).map_err(|e| Fail(1, e.to_string()))?;
    let h: &Header150 = &f.header;
    let mut s = Summary::new(f.bank, f.product, f.kind);
    s.versao = h.versao_layout.clone();
    s.records = Some(f.records.len());
    s.cadastros = f.cadastros.len();
    s.trailer_total = f.valor_total;
    for e in &f.entries {
        s.add(e, rows);
    }
    s.print(out, false)?;
    crate::print_problems(out, &f.problems)
}

/// `cnab inspect --stream` of a CNAB 150 file: the summary of [`inspect`] (without the record count), read detail
/// by detail in constant memory ([`cnab150::Reader150`]); `Ok(false)` when it lists problems.
pub(crate) fn inspect_stream(
    out: &mut Out,
    src: impl std::io::BufRead,
    name: &Option<Arc<str>>,
    lenient: bool,
    rows: usize,
) -> Result<bool, Fail> {
    let opts = ReadOptions {
        lenient,
        ..ReadOptions::default()
    };
    let mut reader = cnab150::Reader150::new(src, opts).map_err(|e| Fail::from(named(e, name)))?;
    let d = reader.detected().clone();
    let mut s = Summary::new(d.bank, d.product, d.kind);
    for detail in reader.by_ref() {
        match detail.map_err(|e| Fail::from(named(e, name)))? {
            Detail150::Entry(e) => s.add(&e, rows),
            Detail150::Cadastro(_) => s.cadastros += 1,
        }
    }
    s.versao = reader.header().versao_layout.clone();
    s.trailer_total = reader.trailer().1;
    s.print(out, true)?;
    let mut problems = reader.problems().to_vec();
    if let Some(n) = name {
        Error::name_file(&mut problems, n);
    }
    crate::print_problems(out, &problems)
}

/// Columns of `cnab parse --format csv` for a CNAB 150 file: one row per detail (E/F/G and B/C/D/H).
const COLUMNS: &[&str] = &[
    "banco",
    "line",
    "registro",
    "cliente_empresa",
    "agencia",
    "conta",
    "data",
    "data_credito",
    "valor",
    "tarifa",
    "retorno",
    "resultado",
    "retorno_descricao",
    "uso_empresa",
    "identificacao",
    "movimento",
    "codigo_barras",
    "ocorrencia",
];

fn entry_row(bank: &str, e: &Entry150) -> Vec<String> {
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    let r = e.resultado.as_ref();
    vec![
        bank.to_string(),
        e.line.to_string(),
        e.registro.to_string(),
        s(&e.cliente_empresa),
        s(&e.agencia),
        s(&e.conta),
        e.data.map_or(String::new(), |d| d.to_string()),
        e.data_credito.map_or(String::new(), |d| d.to_string()),
        money(Some(e.valor)),
        money(e.tarifa),
        r.map_or(String::new(), |r| r.code.clone()),
        r.map_or(String::new(), |r| {
            serde_json::to_value(r.resultado)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        }),
        r.map_or(String::new(), |r| r.description.clone()),
        s(&e.uso_empresa),
        s(&e.identificacao),
        s(&e.movimento),
        s(&e.codigo_barras),
        String::new(),
    ]
}

fn cadastro_row(bank: &str, c: &Cadastro150) -> Vec<String> {
    vec![
        bank.to_string(),
        c.line.to_string(),
        c.registro.to_string(),
        c.cliente_empresa.clone(),
        c.agencia.clone(),
        c.conta.clone(),
        c.data.map_or(String::new(), |d| d.to_string()),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        c.movimento.clone(),
        String::new(),
        c.ocorrencia.clone().unwrap_or_default(),
    ]
}

/// The details in file order.
fn details(f: &File150) -> Vec<Detail150> {
    let mut all: Vec<Detail150> = f
        .entries
        .iter()
        .cloned()
        .map(Detail150::Entry)
        .chain(f.cadastros.iter().cloned().map(Detail150::Cadastro))
        .collect();
    all.sort_by_key(|d| match d {
        Detail150::Entry(e) => e.line,
        Detail150::Cadastro(c) => c.line,
    });
    all
}

/// `cnab parse` of a CNAB 150 file: JSON (the [`File150`] model), NDJSON (one detail per line) or CSV.
pub(crate) fn parse(
    out: &mut Out,
    bytes: &[u8],
    name: &Option<Arc<str>>,
    lenient: bool,
    format: &str,
    (compact, records): (bool, bool),
) -> Result<bool, Fail> {
    let mut f = match read(bytes, lenient, name) {
        Ok(f) => f,
        Err(e) if lenient => {
            if format == "json" {
                out.json(&serde_json::json!({ "problems": [&e] }))?;
            }
            note(format_args!("cnab: {e}"));
            return Ok(false);
        }
        Err(e) => return Err(Fail(1, e.to_string())),
    };
    let clean = f.problems.is_empty();
    if format != "json" {
        for e in &f.problems {
            note(format_args!("cnab: {e}"));
        }
    } else if !clean {
        note(format_args!(
            "cnab: {}: {} problem(s), listed in \"problems\"",
            name.as_deref().unwrap_or("-"),
            f.problems.len()
        ));
    }
    match format {
        "csv" => {
            let bank = f.bank.to_string();
            let mut w = csv::Writer::from_writer(Vec::new());
            let csv_err = |e: csv::Error| Fail(1, format!("writing CSV: {e}"));
            w.write_record(COLUMNS).map_err(csv_err)?;
            for d in details(&f) {
                let row = match &d {
                    Detail150::Entry(e) => entry_row(&bank, e),
                    Detail150::Cadastro(c) => cadastro_row(&bank, c),
                };
                w.write_record(&row).map_err(csv_err)?;
            }
            let buf = w
                .into_inner()
                .map_err(|e| Fail(1, format!("writing CSV: {e}")))?;
            out.write_all(&buf)?;
        }
        "ndjson" => {
            for d in details(&f) {
                out.json_line(&d)?;
                if out.is_closed() {
                    break;
                }
            }
        }
        _ => {
            if !records {
                f.records.clear();
            }
            if compact {
                out.json_line(&f)?;
            } else {
                out.json(&f)?;
            }
        }
    }
    Ok(clean)
}

/// `cnab validate` of a CNAB 150 file: every problem, sorted; `Ok(false)` when any.
pub(crate) fn problems(bytes: &[u8], name: &Option<Arc<str>>) -> Result<Vec<Error>, Error> {
    let mut all = read(bytes, true, name)?.problems;
    all.sort_by_key(|e| (e.line, e.columns));
    Ok(all)
}

/// `cnab gen --layout 150`: a valid, deterministic file of `n` entries: débito automático remessa (registros E)
/// or retorno (registros F, every fifth not debited), or with `--product arrecadacao` an arrecadação retorno
/// (registros G whose barcodes carry their amounts). Written with [`cnab150::write`], so it reads back strictly.
pub(crate) fn generate(
    bank: cnab_core::Bank,
    kind: FileKind,
    product: Product,
    n: u64,
    seed: u64,
) -> Result<Vec<u8>, Fail> {
    if n > 999_997 {
        return Err(Fail(
            2,
            "a CNAB 150 file counts at most 999,999 records (Z02): at most 999,997 entries".into(),
        ));
    }
    if product == Product::Arrecadacao && kind == FileKind::Remessa {
        return Err(Fail(2, "arrecadação files are retornos only".into()));
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let mut entries = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    for i in 0..n {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let cents = 100 + (x >> 33) % 500_000;
        let valor = Decimal::new(i64::try_from(cents).unwrap_or(100), 2);
        let cliente = format!("{:010}", 1_000_000 + i);
        let mut e = Entry150 {
            registro: 'E',
            cliente_empresa: Some(cliente.clone()),
            agencia: Some(format!("{:04}", 1 + (x >> 40) % 9000)),
            conta: Some(format!("{:014}", (x >> 20) % 100_000_000)),
            data: Some(day),
            data_credito: None,
            valor,
            tarifa: None,
            moeda: Some("03".into()),
            resultado: None,
            uso_empresa: Some(format!("FATURA {cliente}")),
            tipo_identificacao: None,
            identificacao: None,
            movimento: Some("0".into()),
            codigo_barras: None,
            agencia_arrecadadora: None,
            forma_arrecadacao: None,
            autenticacao: None,
            forma_pagamento: None,
            line: 0,
        };
        match (product, kind) {
            (Product::Arrecadacao, _) => {
                let value = format!("{cents:011}");
                let livre = format!("{:025}", 1_000_000 + i);
                let a = boleto::Arrecadacao::build('2', '6', &value, "0123", &livre)
                    .map_err(|e| Fail(1, e.to_string()))?;
                e = Entry150 {
                    registro: 'G',
                    cliente_empresa: None,
                    agencia: None,
                    conta: Some("0123000045678".into()),
                    data_credito: chrono::NaiveDate::from_ymd_opt(2026, 1, 7),
                    tarifa: Some(Decimal::new(85, 2)),
                    moeda: None,
                    uso_empresa: None,
                    movimento: None,
                    codigo_barras: Some(a.as_str().to_string()),
                    agencia_arrecadadora: Some("0350".into()),
                    forma_arrecadacao: Some("1".into()),
                    autenticacao: Some(format!("{:016X}", x)),
                    forma_pagamento: Some("1".into()),
                    ..e
                };
            }
            (_, FileKind::Retorno) => {
                e.registro = 'F';
                e.moeda = None;
                let code = if i % 5 == 4 { "01" } else { "00" };
                e.resultado = Some(cnab150::Outcome::of(code));
            }
            _ => {}
        }
        entries.push(e);
    }
    let file = File150 {
        bank,
        product,
        kind,
        header: Header150 {
            convenio: "GEN0001".into(),
            empresa_nome: "EMPRESA GERADA".into(),
            banco_nome: cnab_core::bank::name(bank)
                .to_uppercase()
                .chars()
                .take(20)
                .collect(),
            data_geracao: Some(day),
            nsa: Some(seed % 1_000_000),
            versao_layout: "05".into(),
            identificacao_servico: if product == Product::Arrecadacao {
                "CODIGO DE BARRAS".into()
            } else {
                String::new()
            },
        },
        entries,
        cadastros: Vec::new(),
        total_registros: None,
        valor_total: None,
        records: Vec::new(),
        problems: Vec::new(),
    };
    cnab150::write(&file).map_err(|e| Fail(2, e.to_string()))
}
