//! What a title is worth on a date: multa, juros, desconto, abatimento, business days.
//!
//! ## Rules
//! - **Business days.** A due date on a Saturday, Sunday or national bank holiday may be paid on the next business
//!   day without charges (the practice every bank's cobrança manual states as "vencimento em dia não útil"). The
//!   calendar is the `bdays` crate's `BRSettlement`: the national holidays (1 Jan, Tiradentes, 1 May, 7 Sep,
//!   12 Oct, 2 Nov, 15 Nov, 20 Nov from 2024 on, 25 Dec) plus Carnaval Monday and Tuesday, Good Friday and Corpus
//!   Christi computed from Easter. Local (state/city) holidays are not in it.
//! - **Multa** is charged once when paid after that day, on the amount owed (valor − abatimento) when a percentage.
//!   With a `desde` date (FEBRABAN "Data da Multa") it applies only from that day.
//! - **Juros** accrue per calendar day from the day after the due date (or from `desde`, FEBRABAN "Data do Juros
//!   de Mora"), including the payment day: a rate a month is charged pro rata die on a 30-day commercial month
//!   (`valor × taxa/100 / 30 × dias`), a value per day is `valor_dia × dias`.
//! - **Desconto** applies when paid on or before its date (the due date when none is given); of several, the one
//!   with the earliest date still valid is used. A percentage is of the face value.
//! - **Rounding.** Each component is computed exactly in decimal and rounded once, half-up (away from zero), to
//!   cents: `round_dp_with_strategy(2, MidpointAwayFromZero)`. The total is the sum of the rounded components, and
//!   never below zero.

use bdays::HolidayCalendar;
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::titulo::{DescontoTipo, JurosTipo, MultaTipo, Titulo};

/// The amount due on a date, broken down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    /// Face value.
    pub valor: Decimal,
    /// Multa charged.
    pub multa: Decimal,
    /// Juros charged.
    pub juros: Decimal,
    /// Desconto granted.
    pub desconto: Decimal,
    /// Abatimento granted.
    pub abatimento: Decimal,
    /// `valor − abatimento − desconto + multa + juros`, at least zero.
    pub total: Decimal,
    /// Calendar days after the due date when charges apply; 0 when paid in time (including the business-day grace).
    pub dias_atraso: i64,
}

/// Half-up to cents, the rounding of every component (see the module docs).
pub fn round_cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

// bdays computes Easter with an algorithm valid from 1583 on and panics outside it; years outside this range only
// count weekends (no real title is there).
fn holiday_calendar_covers(d: NaiveDate) -> bool {
    (1583..=9999).contains(&d.year())
}

/// True on Monday–Friday that is not a national bank holiday.
///
/// ```
/// use chrono::NaiveDate;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert!(!baixa::is_business_day(d(2026, 2, 16))); // Carnaval Monday
/// assert!(!baixa::is_business_day(d(2026, 4, 3)));  // Good Friday
/// assert!(!baixa::is_business_day(d(2026, 6, 4)));  // Corpus Christi
/// assert!(baixa::is_business_day(d(2026, 3, 10)));
/// ```
pub fn is_business_day(d: NaiveDate) -> bool {
    let weekend = matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
    if weekend {
        return false;
    }
    !(holiday_calendar_covers(d) && bdays::calendars::brazil::BRSettlement.is_holiday(d))
}

/// `d` itself when a business day, else the next one.
pub fn next_business_day(d: NaiveDate) -> NaiveDate {
    let mut x = d;
    // at most a handful of iterations (the longest run of non-business days is Carnaval's four)
    for _ in 0..15 {
        if is_business_day(x) {
            return x;
        }
        match x.succ_opt() {
            Some(n) => x = n,
            None => return x,
        }
    }
    x
}

/// The amount due for `titulo` if paid on `date`. See the module docs for the rules and the rounding.
///
/// ```
/// use baixa::{valor_devido, Titulo, Multa, MultaTipo, Juros, JurosTipo};
/// use chrono::NaiveDate;
/// let mut t = Titulo::new("NF-1", 341, "1", "1000.00".parse().unwrap(), NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
/// t.multa = Some(Multa { tipo: MultaTipo::Percentual, valor: "2".parse().unwrap(), desde: None });
/// t.juros = Some(Juros { tipo: JurosTipo::PercentualMes, valor: "1".parse().unwrap(), desde: None });
/// let b = valor_devido(&t, NaiveDate::from_ymd_opt(2026, 3, 25).unwrap());
/// assert_eq!((b.multa.to_string(), b.juros.to_string(), b.total.to_string(), b.dias_atraso),
///            ("20.00".into(), "5.00".into(), "1025.00".into(), 15));
/// ```
pub fn valor_devido(t: &Titulo, date: NaiveDate) -> Breakdown {
    let valor = t.valor;
    let abatimento = t.abatimento;
    let base = valor - abatimento;
    let desconto = t
        .descontos
        .iter()
        .filter(|d| date <= d.ate.unwrap_or(t.vencimento))
        .min_by_key(|d| d.ate.unwrap_or(t.vencimento))
        .map_or(Decimal::ZERO, |d| match d.tipo {
            DescontoTipo::Valor => round_cents(d.valor),
            DescontoTipo::Percentual => round_cents(valor * d.valor / Decimal::ONE_HUNDRED),
        });
    // the grace period ends on or after the due date: paid by the due date, the calendar need not be asked
    let late = date > t.vencimento && date > next_business_day(t.vencimento);
    let day_after = t.vencimento + Duration::days(1);
    let (mut multa, mut juros, mut dias) = (Decimal::ZERO, Decimal::ZERO, 0i64);
    if late {
        dias = (date - t.vencimento).num_days();
        if let Some(m) = &t.multa {
            if date >= m.desde.unwrap_or(day_after) {
                multa = match m.tipo {
                    MultaTipo::Percentual => round_cents(base * m.valor / Decimal::ONE_HUNDRED),
                    MultaTipo::Valor => round_cents(m.valor),
                };
            }
        }
        if let Some(j) = &t.juros {
            let from = j.desde.unwrap_or(day_after);
            let days = if date >= from {
                (date - from).num_days() + 1
            } else {
                0
            };
            let days = Decimal::from(days);
            juros = match j.tipo {
                JurosTipo::PercentualMes => {
                    round_cents(base * j.valor * days / Decimal::from(3000))
                }
                JurosTipo::ValorDia => round_cents(j.valor * days),
            };
        }
    }
    let total = (base - desconto + multa + juros).max(Decimal::ZERO);
    Breakdown {
        valor,
        multa,
        juros,
        desconto,
        abatimento,
        total,
        dias_atraso: dias,
    }
}
