//! Structural reading of a CNAB 240 file of any product: its records raw, identified (header, batch header,
//! segment, batch trailer, trailer) and grouped in batches with each batch's service code, each batch's records
//! named by the tables of its own product (cobrança: the bank's; pagamentos: `layouts::pagamentos240`, segment J-52
//! a record of its own; extrato: `layouts::extrato240`), for the products whose entries are not in the model.

pub use super::products::{DebitoCredito, Favorecido, Lancamento, OcorrenciaPagamento, Pagamento};
use super::*;

/// One CNAB 240 batch, as its header (registro 1) says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Batch {
    /// 1-based line of the batch header.
    pub line: usize,
    /// Lote (4-7).
    pub lote: String,
    /// Operation (9): `C` crédito, `D` débito, `E` extrato, `R` remessa, `T` retorno (FEBRABAN G028).
    pub operacao: String,
    /// Service code (10-11, FEBRABAN G025).
    pub servico: String,
    /// The product the service code names, when FEBRABAN lists it.
    pub product: Option<Product>,
    /// Forma de lançamento (12-13, FEBRABAN G029), as sent.
    pub forma_lancamento: String,
    /// Batch layout version (14-16).
    pub versao: String,
    /// The records of the batch, header and trailer included.
    pub records: usize,
    /// Segment letters of its details with their counts, in order of first appearance.
    pub segments: Vec<(char, usize)>,
    /// The records its details were read as (the tables of the batch's product: `segmento_a`, `segmento_j52`,
    /// `segmento_t`, …; `desconhecido` for a segment those tables do not define) with their counts, in order of
    /// first appearance. A sub-record (J-52 after a J, Y-03 after a T) counts under its own name.
    pub details: Vec<(&'static str, usize)>,
}

/// A CNAB 240 file read structurally: [`read_structure`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Structure {
    /// What detection found (bank, layout, product, kind).
    pub detected: Detected,
    /// The batches in file order.
    pub batches: Vec<Batch>,
    /// Every record raw, with the table of its batch's product (`layout` is `None` where there is none: a batch of
    /// débito automático, a service code FEBRABAN does not list, a record type CNAB 240 does not define).
    #[serde(skip)]
    pub records: Vec<RawRecord>,
    /// Which record each line is (`None`: a record type CNAB 240 does not define).
    #[serde(skip)]
    pub keys: Vec<Option<RecordKey>>,
    /// One entry per payment of the pagamentos batches (segment A, J, N or O with its B, J-52, Z), in file order;
    /// absent from the JSON when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pagamentos: Vec<Pagamento>,
    /// One entry per lançamento (segment E) of the extrato batches, in file order; absent from the JSON when there
    /// is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lancamentos: Vec<Lancamento>,
    /// Structural problems (always collected): line lengths, records outside a batch, batch trailers whose record
    /// count (FEBRABAN G057: 18-23, in extrato batches 171-176) disagrees, a file trailer whose batch (18-23) or
    /// record (24-29) count disagrees; and the problems of the entries: a field they read that does not decode,
    /// a sub-record with no payment before it, a batch trailer whose total (pagamentos: somatória dos valores;
    /// extrato: somatórias de débitos and créditos) disagrees with its entries.
    pub problems: Vec<Error>,
}

/// Reads a CNAB 240 file of any product structurally: every record kept raw and identified, the batches with
/// their service codes (a file may mix them), each batch's records named by its own product's tables (a layout
/// chosen per batch by its service code), counts checked against the trailers. The seam for products whose
/// entries are not in the model: a pagamentos or extrato file reads through it as a cobrança file does.
///
/// ```
/// let bytes = cnab_core::tutorial::ITAU_240_RETORNO;
/// let s = cnab_core::read_structure(bytes).unwrap();
/// assert_eq!(s.batches[0].servico, "01");
/// assert_eq!(s.detected.product, cnab_core::Product::Cobranca);
/// ```
pub fn read_structure(bytes: &[u8]) -> Result<Structure> {
    let lines = split_lines(bytes);
    let (detected, mut problems) = detect_full(&lines.lines, Some(FileKind::Retorno), None)?;
    if detected.layout != Layout::Cnab240 {
        return Err(Error::at_line(
            1,
            ErrorKind::UnknownLayout {
                reason: format!(
                    "structural reading is for CNAB 240 files; this is {}",
                    detected.layout
                ),
            },
        ));
    }
    // The tables of the file's own records (header, trailer, records outside a batch) and of cobrança batches.
    let cobranca: &'static LayoutSpec = crate::banks::spec(detected.bank.code())
        .and_then(|s| s.layout(Layout::Cnab240, detected.kind, &detected.version))
        .unwrap_or(match detected.kind {
            FileKind::Retorno => &crate::layouts::febraban240::RETORNO,
            FileKind::Remessa => &crate::layouts::febraban240::REMESSA,
        });
    let spec_of = |p: Option<Product>| match p {
        Some(Product::Cobranca) => Some(cobranca),
        Some(p) => product_spec_240(p),
        None => None,
    };
    let file_spec = spec_of(Some(detected.product));
    let mut batch_spec = file_spec;
    let source: std::sync::Arc<[u8]> = std::sync::Arc::from(bytes);
    let mut records = Vec::with_capacity(lines.lines.len());
    let mut keys = Vec::with_capacity(lines.lines.len());
    let mut batches: Vec<Batch> = Vec::new();
    let mut open = false;
    let text = |l: &[u8], a: usize, b: usize| {
        l.get(a - 1..b)
            .map(crate::field::decode_text)
            .unwrap_or_default()
    };
    let number = |l: &[u8], a: usize, b: usize| -> Option<usize> {
        let s = l.get(a - 1..b)?;
        if s.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(s).ok()?.parse().ok()
        } else {
            None
        }
    };
    let mut count_mismatch = |line: usize, what: &str, declared: usize, counted: usize| {
        problems.push(Error::at_line(
            line,
            ErrorKind::TrailerCount {
                declared: format!("{declared} {what}"),
                counted: format!("{counted} {what}"),
            },
        ));
    };
    let mut structural: Vec<Error> = Vec::new();
    for (i, (line, ending)) in lines.lines.iter().enumerate() {
        let n = i + 1;
        let key = classify_layout(Layout::Cnab240, line);
        let spec = match key {
            Some(RecordKey::BatchHeader) => {
                batch_spec = spec_of(batch_product_240(line));
                batch_spec
            }
            Some(RecordKey::Segment(_) | RecordKey::BatchTrailer) if open => batch_spec,
            _ => file_spec,
        };
        let layout = key.and_then(|k| spec.and_then(|s| s.record_for(k, line)));
        let start = lines.starts.get(i).copied().unwrap_or(0);
        records.push(RawRecord::shared(
            n,
            layout,
            std::sync::Arc::clone(&source),
            start,
            start + line.len(),
            *ending,
        ));
        if line.len() != 240 {
            structural.push(Error::at_line(
                n,
                ErrorKind::LineLength {
                    expected: 240,
                    found: line.len(),
                },
            ));
        }
        keys.push(key);
        match key {
            Some(RecordKey::BatchHeader) => {
                if open {
                    structural.push(Error::structure(n, "a batch header inside an open batch"));
                }
                open = true;
                let servico = text(line, 10, 11);
                batches.push(Batch {
                    line: n,
                    lote: text(line, 4, 7),
                    operacao: text(line, 9, 9),
                    product: Product::from_240_service(servico.as_bytes()),
                    servico,
                    forma_lancamento: text(line, 12, 13),
                    versao: text(line, 14, 16),
                    records: 1,
                    segments: Vec::new(),
                    details: Vec::new(),
                });
            }
            Some(RecordKey::Segment(_) | RecordKey::BatchTrailer) if !open => {
                structural.push(Error::structure(n, "a batch record outside a batch"));
            }
            Some(RecordKey::Segment(s)) => {
                if let Some(b) = batches.last_mut() {
                    b.records += 1;
                    let c = char::from(s);
                    match b.segments.iter_mut().find(|(x, _)| *x == c) {
                        Some((_, k)) => *k += 1,
                        None => b.segments.push((c, 1)),
                    }
                    let name = layout.map_or("desconhecido", |l| l.name);
                    match b.details.iter_mut().find(|(x, _)| *x == name) {
                        Some((_, k)) => *k += 1,
                        None => b.details.push((name, 1)),
                    }
                }
            }
            Some(RecordKey::BatchTrailer) => {
                open = false;
                if let Some(b) = batches.last_mut() {
                    b.records += 1;
                    // Where the batch's trailer counts its records: its table's G057 (extrato: 171-176); else
                    // 18-23, except in extrato (service 04) batches, whose trailer has the company's inscription
                    // there.
                    let at = layout
                        .and_then(|l| l.by_role(crate::field::Role::QtdRegistros))
                        .map(|f| (usize::from(f.start), usize::from(f.end)))
                        .or_else(|| Some((18, 23)).filter(|_| b.servico != "04"));
                    let declared = at.and_then(|(a, z)| number(line, a, z));
                    if let Some(d) = declared.filter(|&d| d != b.records) {
                        count_mismatch(n, "records in the batch", d, b.records);
                    }
                }
            }
            Some(RecordKey::FileTrailer) => {
                if let Some(d) = number(line, 18, 23).filter(|&d| d != batches.len()) {
                    count_mismatch(n, "batches", d, batches.len());
                }
                if let Some(d) = number(line, 24, 29).filter(|&d| d != n) {
                    count_mismatch(n, "records in the file", d, n);
                }
            }
            Some(RecordKey::FileHeader) if n != 1 => {
                structural.push(Error::structure(n, "a file header after the first line"));
            }
            Some(_) => {}
            None => structural.push(Error::at_line(
                n,
                ErrorKind::UnknownRecord {
                    found: line
                        .get(7)
                        .map(|b| char::from(*b).to_string())
                        .unwrap_or_default(),
                    layout: "CNAB 240".into(),
                },
            )),
        }
    }
    problems.extend(structural);
    let entries = super::products::entries(&records, &keys, &batches);
    problems.extend(entries.problems);
    problems.sort_by_key(|e| e.line);
    Ok(Structure {
        detected,
        batches,
        records,
        keys,
        pagamentos: entries.pagamentos,
        lancamentos: entries.lancamentos,
        problems,
    })
}

/// [`read_structure`] with the reader's options: strict, the first problem (structural, or of an entry) is the
/// error; lenient, the problems are collected in [`Structure::problems`]. The other options (bank, layout, kind,
/// spec) are not used: a structural read takes them from the file.
///
/// ```
/// use cnab_core::{read_structure_with, ReadOptions};
/// let s = read_structure_with(cnab_core::tutorial::ITAU_240_RETORNO, ReadOptions::strict()).unwrap();
/// assert!(s.pagamentos.is_empty() && s.problems.is_empty());
/// ```
pub fn read_structure_with(bytes: &[u8], opts: ReadOptions) -> Result<Structure> {
    let s = read_structure(bytes)?;
    match s.problems.first() {
        Some(e) if !opts.lenient => Err(e.clone()),
        _ => Ok(s),
    }
}
