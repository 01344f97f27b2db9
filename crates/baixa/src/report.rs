//! Reports: per file, the portfolio on a date, the customers in default, as JSON (serde) and CSV.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use cnab_core::{Measure, Retorno, TotalScope};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::charges::{valor_devido, Breakdown};
use crate::outcome::{EntryOutcome, Outcome, Status, TitleState};
use crate::titulo::Titulo;

/// Count and amounts of one outcome in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OutcomeTotals {
    /// Entries.
    pub count: usize,
    /// Sum of amounts paid.
    pub paid: Decimal,
    /// Sum of amounts credited.
    pub credited: Decimal,
    /// Sum of fees.
    pub fees: Decimal,
}

/// What one file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    /// The file's identity.
    pub file_id: String,
    /// Bank code.
    pub bank: u16,
    /// NSA from the header.
    pub nsa: Option<u64>,
    /// Generation date from the header.
    pub data_geracao: Option<NaiveDate>,
    /// Entries in the file.
    pub entries: usize,
    /// Money settled against titles (outcomes that settle money; duplicates excluded).
    pub total_paid: Decimal,
    /// Money credited for those entries.
    pub total_credited: Decimal,
    /// Fees in every entry except duplicates.
    pub total_fees: Decimal,
    /// Money that matched no title (to investigate).
    pub unmatched_paid: Decimal,
    /// Per outcome.
    pub by_outcome: BTreeMap<Outcome, OutcomeTotals>,
    /// The trailer's totals whose meaning the bank's manual states (`cnab_core::Retorno::trailer_totals`): those of
    /// the file (all its entries, or its entries of some ocorrências) beside the same count or sum over the file's
    /// entries, and those of the bank's carteira or portfolio as information, never compared. Empty where the
    /// layout names no total (and in reports stored before trailer totals were kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trailer: Vec<TrailerRow>,
    /// What the file's trailer and its entries disagree on: one warning per file total that the entries do not
    /// give. A portfolio total never raises one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<FileWarning>,
}

/// One trailer total in a file's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailerRow {
    /// 1-based line of the trailer.
    pub line: usize,
    /// The trailer record (`trailer_arquivo`, `trailer_lote`).
    pub record: String,
    /// The field's name in the layout table.
    pub field: String,
    /// Which titles it covers: the file's, the file's of some ocorrências, a carteira's or the portfolio's.
    pub scope: TotalScope,
    /// A count (`quantidade`) or the sum of `valor_titulo` or `valor_pago`.
    pub measure: Measure,
    /// The trailer's value (`None`: blank or not digits).
    pub value: Option<Decimal>,
    /// The same count or sum over the file's entries, for a total of the file; `None` for the informative ones.
    pub computed: Option<Decimal>,
    /// Whether they agree, for a total of the file with a value; `None` otherwise.
    pub agrees: Option<bool>,
}

/// A named warning about a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileWarning {
    /// Stable name: `trailer_total_disagrees`.
    pub code: String,
    /// 1-based line it concerns.
    pub line: usize,
    /// The field it concerns.
    pub field: String,
    /// What is wrong, in words.
    pub message: String,
}

/// The trailer rows and warnings of a retorno.
fn trailer_rows(retorno: &Retorno) -> (Vec<TrailerRow>, Vec<FileWarning>) {
    let checks = retorno.trailer_checks();
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    for t in retorno.trailer_totals() {
        let check = checks
            .iter()
            .find(|c| c.total.line == t.line && c.total.field == t.field);
        let computed = check.map(|c| c.computed);
        let agrees = check
            .filter(|c| c.total.value.is_some())
            .map(|c| c.agrees());
        if let (Some(c), Some(false)) = (check, agrees) {
            let at = format!(
                "line {}, columns {}-{} ({})",
                t.line, t.start, t.end, t.field
            );
            let v = t.value.map_or_else(String::new, |v| v.to_string());
            let message = match t.measure {
                Measure::Quantidade => format!(
                    "{at}: the trailer counts {v} of {}, the file has {}",
                    t.scope, c.computed
                ),
                Measure::ValorTitulo | Measure::ValorPago => format!(
                    "{at}: the trailer sums the {} of {} to {v}, the file's entries to {}",
                    measure_name(t.measure),
                    t.scope,
                    c.computed
                ),
            };
            warnings.push(FileWarning {
                code: "trailer_total_disagrees".into(),
                line: t.line,
                field: t.field.clone(),
                message,
            });
        }
        rows.push(TrailerRow {
            line: t.line,
            record: t.record,
            field: t.field,
            scope: t.scope,
            measure: t.measure,
            value: t.value,
            computed,
            agrees,
        });
    }
    (rows, warnings)
}

impl FileReport {
    /// Totals over the outcomes of one file, with the trailer's totals (see [`FileReport::trailer`]).
    pub fn new(file_id: &str, retorno: &Retorno, outcomes: &[EntryOutcome]) -> Self {
        let (trailer, warnings) = trailer_rows(retorno);
        let mut r = FileReport {
            file_id: file_id.to_string(),
            bank: retorno.bank.code(),
            nsa: retorno.header.nsa,
            data_geracao: retorno.header.data_geracao,
            entries: retorno.entries.len(),
            total_paid: Decimal::ZERO,
            total_credited: Decimal::ZERO,
            total_fees: Decimal::ZERO,
            unmatched_paid: Decimal::ZERO,
            by_outcome: BTreeMap::new(),
            trailer,
            warnings,
        };
        for o in outcomes {
            let t = r.by_outcome.entry(o.outcome).or_default();
            let paid = o.paid.unwrap_or_default();
            let credited = o.credited.unwrap_or_default();
            let fees = o.fees.unwrap_or_default();
            t.count += 1;
            t.paid += paid;
            t.credited += credited;
            t.fees += fees;
            if o.outcome.settles_money() {
                r.total_paid += paid;
                r.total_credited += credited;
            }
            if o.outcome != Outcome::Duplicate {
                r.total_fees += fees;
            }
            if o.outcome == Outcome::Unmatched {
                r.unmatched_paid += paid;
            }
        }
        r
    }

    /// Count per outcome.
    pub fn counts(&self) -> BTreeMap<Outcome, usize> {
        self.by_outcome.iter().map(|(k, v)| (*k, v.count)).collect()
    }

    /// CSV: one row per outcome (`outcome,count,paid,credited,fees`).
    ///
    /// # Errors
    /// Only if writing to memory fails.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["outcome", "count", "paid", "credited", "fees"])?;
        for (o, t) in &self.by_outcome {
            w.write_record([
                o.name(),
                &t.count.to_string(),
                &t.paid.to_string(),
                &t.credited.to_string(),
                &t.fees.to_string(),
            ])?;
        }
        csv_string(w)
    }

    /// CSV of the trailer's totals: one row per total (`line,field,scope,measure,trailer,computed,agrees`); `scope`
    /// is `file`, `ocorrencias:02/06`, `carteira:simples` or `portfolio`; `computed` and `agrees` are empty for the
    /// informative totals.
    ///
    /// # Errors
    /// Only if writing to memory fails.
    pub fn trailer_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "line", "field", "scope", "measure", "trailer", "computed", "agrees",
        ])?;
        for t in &self.trailer {
            w.write_record([
                &t.line.to_string(),
                &t.field,
                &scope_name(&t.scope),
                measure_name(t.measure),
                &opt(t.value),
                &opt(t.computed),
                &t.agrees.map_or_else(String::new, |a| a.to_string()),
            ])?;
        }
        csv_string(w)
    }
}

/// A trailer total's scope in one word: `file`, `ocorrencias:02/06`, `carteira:simples`, `portfolio`.
pub fn scope_name(s: &TotalScope) -> String {
    match s {
        TotalScope::File => "file".into(),
        TotalScope::Ocorrencias { codes } => format!("ocorrencias:{}", codes.join("/")),
        TotalScope::Carteira { carteira } => format!("carteira:{carteira}"),
        TotalScope::Portfolio => "portfolio".into(),
        _ => "other".into(),
    }
}

/// A trailer total's measure: `quantidade`, `valor_titulo`, `valor_pago`.
pub fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Quantidade => "quantidade",
        Measure::ValorTitulo => "valor_titulo",
        Measure::ValorPago => "valor_pago",
    }
}

fn opt(v: Option<Decimal>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn csv_string(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Count and amounts of a group of titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bucket {
    /// Titles.
    pub count: usize,
    /// Face value (open: face value minus what was already received).
    pub valor: Decimal,
    /// Amount due on the report date, charges included (open titles).
    pub devido: Decimal,
}

impl Bucket {
    fn add(&mut self, valor: Decimal, devido: Decimal) {
        self.count += 1;
        self.valor += valor;
        self.devido += devido;
    }
}

/// The portfolio on a date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Portfolio {
    /// The date.
    pub date: NaiveDate,
    /// Every open title.
    pub open: Bucket,
    /// Open and not yet due (or within the business-day grace).
    pub current: Bucket,
    /// Overdue 1 to 30 days.
    pub overdue_1_30: Bucket,
    /// Overdue 31 to 60 days.
    pub overdue_31_60: Bucket,
    /// Overdue 61 to 90 days.
    pub overdue_61_90: Bucket,
    /// Overdue more than 90 days.
    pub overdue_over_90: Bucket,
    /// Settled (valor = what was received).
    pub paid: Bucket,
    /// Written off by the bank and not paid.
    pub written_off: Bucket,
    /// Replaced by the installments of an acordo (valor = what was not received; the installments are counted as
    /// titles of their own, so nothing is counted twice).
    #[serde(default)]
    pub renegotiated: Bucket,
}

/// Open balance of a title: the breakdown on `date` minus what was received.
fn open_amounts(t: &Titulo, s: &TitleState, date: NaiveDate) -> (Decimal, Breakdown) {
    let b = valor_devido(t, date);
    ((t.valor - s.paid).max(Decimal::ZERO), b)
}

/// The portfolio on `date`.
///
/// ```
/// use baixa::{portfolio, Titulo, TitleState};
/// use chrono::NaiveDate;
/// let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
/// let t = Titulo::new("A", 1, "1", "100.00".parse().unwrap(), d(1, 5));
/// let p = portfolio(&[(t, TitleState::default())], d(3, 1));
/// assert_eq!(p.overdue_31_60.count, 1); // 55 days late
/// ```
pub fn portfolio(titles: &[(Titulo, TitleState)], date: NaiveDate) -> Portfolio {
    let mut p = Portfolio {
        date,
        ..Portfolio::default()
    };
    for (t, s) in titles {
        match s.status {
            Status::Settled => p.paid.add(s.paid, Decimal::ZERO),
            Status::WrittenOff => p.written_off.add(t.valor - s.paid, Decimal::ZERO),
            Status::Renegotiated => p.renegotiated.add(t.valor - s.paid, Decimal::ZERO),
            Status::Open => {
                let (valor, b) = open_amounts(t, s, date);
                let devido = (b.total - s.paid).max(Decimal::ZERO);
                p.open.add(valor, devido);
                let band = match b.dias_atraso {
                    0 => &mut p.current,
                    1..=30 => &mut p.overdue_1_30,
                    31..=60 => &mut p.overdue_31_60,
                    61..=90 => &mut p.overdue_61_90,
                    _ => &mut p.overdue_over_90,
                };
                band.add(valor, devido);
            }
        }
    }
    p
}

impl Portfolio {
    /// CSV: one row per group (`group,count,valor,devido`).
    ///
    /// # Errors
    /// Only if writing to memory fails.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["date", "group", "count", "valor", "devido"])?;
        for (name, b) in [
            ("open", &self.open),
            ("current", &self.current),
            ("overdue_1_30", &self.overdue_1_30),
            ("overdue_31_60", &self.overdue_31_60),
            ("overdue_61_90", &self.overdue_61_90),
            ("overdue_over_90", &self.overdue_over_90),
            ("paid", &self.paid),
            ("written_off", &self.written_off),
            ("renegotiated", &self.renegotiated),
        ] {
            w.write_record([
                &self.date.to_string(),
                name,
                &b.count.to_string(),
                &b.valor.to_string(),
                &b.devido.to_string(),
            ])?;
        }
        csv_string(w)
    }
}

/// An open title in a default report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenTitle {
    /// The title's id.
    pub id: String,
    /// Nosso número.
    pub nosso_numero: String,
    /// Seu número.
    pub seu_numero: String,
    /// Due date.
    pub vencimento: NaiveDate,
    /// Already received.
    pub recebido: Decimal,
    /// The amount due on the report date.
    pub breakdown: Breakdown,
}

/// A customer in default, with all their open titles (what a carta de cobrança needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Devedor {
    /// CPF/CNPJ.
    pub documento: String,
    /// Name.
    pub nome: String,
    /// The most days overdue among the titles.
    pub max_dias_atraso: i64,
    /// Total due on the date.
    pub total_devido: Decimal,
    /// Every open title of the customer (overdue or not).
    pub titulos: Vec<OpenTitle>,
}

/// Customers with at least one title overdue more than `dias` days on `date`, with all their open titles.
/// Customers are grouped as the régua groups its cartas: by CPF/CNPJ without punctuation ("12.345.678/0001-95" and
/// "12345678000195" are one customer), by name when the document is empty.
pub fn in_default(titles: &[(Titulo, TitleState)], date: NaiveDate, dias: i64) -> Vec<Devedor> {
    let mut by: BTreeMap<String, Devedor> = BTreeMap::new();
    for (t, s) in titles.iter().filter(|(_, s)| s.status == Status::Open) {
        let key = crate::regua::payer_key(&t.pagador, &t.id);
        let b = valor_devido(t, date);
        let d = by.entry(key).or_insert_with(|| Devedor {
            documento: t.pagador.documento.trim().to_string(),
            nome: t.pagador.nome.trim().to_string(),
            max_dias_atraso: 0,
            total_devido: Decimal::ZERO,
            titulos: Vec::new(),
        });
        d.max_dias_atraso = d.max_dias_atraso.max(b.dias_atraso);
        d.total_devido += (b.total - s.paid).max(Decimal::ZERO);
        d.titulos.push(OpenTitle {
            id: t.id.clone(),
            nosso_numero: t.nosso_numero.clone(),
            seu_numero: t.seu_numero.clone(),
            vencimento: t.vencimento,
            recebido: s.paid,
            breakdown: b,
        });
    }
    by.into_values()
        .filter(|d| d.max_dias_atraso > dias)
        .collect()
}

/// CSV of a default report: one row per open title.
///
/// # Errors
/// Only if writing to memory fails.
pub fn in_default_csv(devedores: &[Devedor]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "documento",
        "nome",
        "id",
        "nosso_numero",
        "vencimento",
        "dias_atraso",
        "valor",
        "multa",
        "juros",
        "recebido",
        "total",
    ])?;
    for d in devedores {
        for t in &d.titulos {
            w.write_record([
                d.documento.as_str(),
                &d.nome,
                &t.id,
                &t.nosso_numero,
                &t.vencimento.to_string(),
                &t.breakdown.dias_atraso.to_string(),
                &t.breakdown.valor.to_string(),
                &t.breakdown.multa.to_string(),
                &t.breakdown.juros.to_string(),
                &t.recebido.to_string(),
                &t.breakdown.total.to_string(),
            ])?;
        }
    }
    csv_string(w)
}

/// CSV of entry outcomes: `line,outcome,title_id,expected,paid,difference`.
///
/// # Errors
/// Only if writing to memory fails.
pub fn entries_csv(entries: &[EntryOutcome]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "line",
        "outcome",
        "title_id",
        "expected",
        "paid",
        "difference",
    ])?;
    let s = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    for e in entries {
        w.write_record([
            e.line.to_string().as_str(),
            e.outcome.name(),
            e.title_id.as_deref().unwrap_or(""),
            &s(e.expected),
            &s(e.paid),
            &s(e.difference),
        ])?;
    }
    csv_string(w)
}
