//! `cnab inspect` and `cnab parse` of a CNAB 240 file of a product whose entries are not in the model (pagamentos,
//! extrato): read structurally ([`cnab_core::read_structure`]), each batch's records named by its product's tables.

use std::sync::Arc;

use cnab_core::{DebitoCredito, Error, Lancamento, Layout, Pagamento, Product, Structure};

use crate::out::Out;
use crate::{print_problems, Fail};

/// Whether `bytes` are a CNAB 240 file of another product than cobrança (the layout forced to 150 or 400 says no).
pub(crate) fn chosen(bytes: &[u8], layout: Option<u16>) -> bool {
    layout.is_none_or(|l| l == 240)
        && cnab_core::detect(bytes)
            .is_ok_and(|d| d.layout == Layout::Cnab240 && d.product != Product::Cobranca)
}

fn read(bytes: &[u8], name: &Option<Arc<str>>) -> Result<Structure, Fail> {
    let mut s = cnab_core::read_structure(bytes).map_err(|e| Fail::from(crate::named(e, name)))?;
    if let Some(n) = name {
        Error::name_file(&mut s.problems, n);
    }
    Ok(s)
}

/// `cnab inspect`: what was detected, the batches (lote, operation, service, product, forma de lançamento, version,
/// records, the records its details were read as) and the problems; `Ok(false)` when it lists problems.
pub(crate) fn inspect(
    out: &mut Out,
    bytes: &[u8],
    name: &Option<Arc<str>>,
    rows: usize,
) -> Result<bool, Fail> {
    let s = read(bytes, name)?;
    let d = &s.detected;
    writeln!(out, "bank:    {} {}", d.bank, cnab_core::bank::name(d.bank))?;
    let version = if d.version.is_empty() {
        String::new()
    } else {
        format!(" (version {})", d.version)
    };
    writeln!(out, "layout:  {}{version}", d.layout)?;
    writeln!(out, "product: {} (read structurally)", d.product)?;
    writeln!(out, "kind:    {}", d.kind)?;
    writeln!(out, "records: {}", s.records.len())?;
    writeln!(out, "batches: {}", s.batches.len())?;
    writeln!(out)?;
    writeln!(
        out,
        "{:>5}  {:<4} {:<2} {:<7} {:<18} {:<5} {:<6} {:>7}  details",
        "line", "lote", "op", "servico", "product", "forma", "versao", "records"
    )?;
    for b in s.batches.iter().take(rows) {
        let details: Vec<String> = b
            .details
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect();
        writeln!(
            out,
            "{:>5}  {:<4} {:<2} {:<7} {:<18} {:<5} {:<6} {:>7}  {}",
            b.line,
            b.lote,
            b.operacao,
            b.servico,
            b.product.map_or_else(|| "-".to_string(), |p| p.to_string()),
            b.forma_lancamento,
            b.versao,
            b.records,
            details.join(", ")
        )?;
    }
    if s.batches.len() > rows {
        writeln!(out, "  … {} more", s.batches.len() - rows)?;
    }
    print_pagamentos(out, &s.pagamentos, rows)?;
    print_lancamentos(out, &s.lancamentos, rows)?;
    print_problems(out, &s.problems)
}

/// An amount as the summary prints it (`-` for none).
fn amount(v: Option<rust_decimal::Decimal>) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.2}"))
}

/// A date as the summary prints it (`-` for none).
fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// The payments: their count and sum, then one row each (line, lote, segment, amount, date, the amount made, the
/// ocorrências, the favorecido).
fn print_pagamentos(out: &mut Out, pagamentos: &[Pagamento], rows: usize) -> Result<(), Fail> {
    if pagamentos.is_empty() {
        return Ok(());
    }
    let sum: rust_decimal::Decimal = pagamentos.iter().filter_map(|p| p.valor_pagamento).sum();
    writeln!(out)?;
    writeln!(out, "payments: {} (valor {sum:.2})", pagamentos.len())?;
    writeln!(
        out,
        "{:>5}  {:<4} {:<3} {:>14} {:<10} {:>14}  {:<14} favorecido",
        "line", "lote", "seg", "valor", "data", "efetivado", "ocorrencias"
    )?;
    for p in pagamentos.iter().take(rows) {
        let codes: Vec<&str> = p.ocorrencias.iter().map(|o| o.code.as_str()).collect();
        writeln!(
            out,
            "{:>5}  {:<4} {:<3} {:>14} {:<10} {:>14}  {:<14} {}",
            p.line,
            p.lote,
            p.segmento,
            amount(p.valor_pagamento),
            date(p.data_pagamento),
            amount(p.valor_efetivado),
            codes.join(" "),
            p.favorecido.nome
        )?;
    }
    if pagamentos.len() > rows {
        writeln!(out, "  … {} more", pagamentos.len() - rows)?;
    }
    Ok(())
}

/// The lançamentos: their count and the sums of débitos and créditos, then one row each.
fn print_lancamentos(out: &mut Out, lancamentos: &[Lancamento], rows: usize) -> Result<(), Fail> {
    if lancamentos.is_empty() {
        return Ok(());
    }
    let of = |t: DebitoCredito| -> rust_decimal::Decimal {
        lancamentos
            .iter()
            .filter(|l| l.tipo == Some(t))
            .filter_map(|l| l.valor)
            .sum()
    };
    writeln!(out)?;
    writeln!(
        out,
        "lançamentos: {} (débitos {:.2}, créditos {:.2})",
        lancamentos.len(),
        of(DebitoCredito::Debito),
        of(DebitoCredito::Credito)
    )?;
    writeln!(
        out,
        "{:>5}  {:<4} {:<10} {:>14} {:<2} historico",
        "line", "lote", "data", "valor", "dc"
    )?;
    for l in lancamentos.iter().take(rows) {
        let dc = match l.tipo {
            Some(DebitoCredito::Debito) => "D",
            Some(DebitoCredito::Credito) => "C",
            None => "-",
        };
        writeln!(
            out,
            "{:>5}  {:<4} {:<10} {:>14} {:<2} {}",
            l.line,
            l.lote,
            date(l.data_lancamento),
            amount(l.valor),
            dc,
            l.historico
        )?;
    }
    if lancamentos.len() > rows {
        writeln!(out, "  … {} more", lancamentos.len() - rows)?;
    }
    Ok(())
}

/// `cnab parse --format json`: the detection, the batches, the problems and (with `--records`) every record with
/// its fields named; `Ok(false)` when there are problems.
pub(crate) fn parse(
    out: &mut Out,
    bytes: &[u8],
    name: &Option<Arc<str>>,
    (compact, records): (bool, bool),
) -> Result<bool, Fail> {
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        #[serde(flatten)]
        structure: &'a Structure,
        #[serde(skip_serializing_if = "Option::is_none")]
        records: Option<&'a [cnab_core::RawRecord]>,
    }
    let s = read(bytes, name)?;
    let doc = Doc {
        structure: &s,
        records: records.then_some(s.records.as_slice()),
    };
    if compact {
        out.json_line(&doc)?;
    } else {
        out.json(&doc)?;
    }
    Ok(s.problems.is_empty())
}

/// `cnab validate`: the structural problems and every field that does not decode by its batch's table (a date
/// that is none, letters in an amount), sorted by line and columns.
pub(crate) fn problems(bytes: &[u8], name: &Option<Arc<str>>) -> Result<Vec<Error>, Error> {
    let s = cnab_core::read_structure(bytes).map_err(|e| crate::named(e, name))?;
    let mut all = s.problems;
    for r in &s.records {
        all.extend(r.with_view(|v| v.map(|v| v.validate()).unwrap_or_default()));
    }
    all.sort_by_key(|e| (e.line, e.columns));
    Ok(all)
}
