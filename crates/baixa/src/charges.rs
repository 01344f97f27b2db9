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
    // The last answer, kept per thread: the titles of a file share few due dates, and each late payment asks for
    // its title's (the calendar works Easter out on every call).
    thread_local! {
        static LAST: std::cell::Cell<Option<(NaiveDate, NaiveDate)>> = const { std::cell::Cell::new(None) };
    }
    if let Some((from, to)) = LAST.with(std::cell::Cell::get) {
        if from == d {
            return to;
        }
    }
    let to = next_business_day_computed(d);
    LAST.with(|c| c.set(Some((d, to))));
    to
}

/// [`next_business_day`], asking the calendar.
fn next_business_day_computed(d: NaiveDate) -> NaiveDate {
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
    // Paid by the due date, with no desconto or abatimento to subtract: the face value itself, which is what the
    // computation below gives (`valor − 0 − 0 + 0 + 0` keeps the face value's digits and scale, and a positive
    // total is its own maximum with zero), without its decimal additions. Checked against it by a property test.
    if date <= t.vencimento
        && t.descontos.is_empty()
        && t.abatimento.is_zero()
        && t.abatimento.scale() <= t.valor.scale()
        && t.valor > Decimal::ZERO
    {
        return Breakdown {
            valor: t.valor,
            multa: Decimal::ZERO,
            juros: Decimal::ZERO,
            desconto: Decimal::ZERO,
            abatimento: t.abatimento,
            total: t.valor,
            dias_atraso: 0,
        };
    }
    computed(t, date, true)
}

/// [`valor_devido`] computed in full in decimal arithmetic, every rule applied: what the shortcuts are tested
/// against.
#[cfg(test)]
pub(crate) fn valor_devido_computed(t: &Titulo, date: NaiveDate) -> Breakdown {
    computed(t, date, false)
}

/// `round_cents(base × rate × days / divisor)` computed exactly in 128-bit integers, when that is sure to be the
/// decimal computation's result digit for digit: `base` has two decimal places or more (so the quotient has, and
/// the rounded result has exactly two), the product is not zero and small enough for `Decimal` to hold it
/// exactly (below 10^27), and the divisor is 100 or 3,000. Dividing by 100 is exact in decimal; dividing by 3,000
/// leaves a fraction of repeating 3s or 6s after the division by 1,000, never near a half cent within the 28
/// digits `Decimal` keeps, so rounding its quotient to cents rounds the exact quotient. `None` otherwise.
fn cents_exact(base: Decimal, rate: Decimal, days: i64, divisor: i128) -> Option<Decimal> {
    const LIMIT: i128 = 1_000_000_000_000_000_000_000_000_000; // 10^27
    if base.scale() < 2 || !(divisor == 100 || divisor == 3000) {
        return None;
    }
    let (mb, mr) = (base.mantissa(), rate.mantissa());
    if mb.unsigned_abs() >= 1 << 64
        || mr.unsigned_abs() >= 1 << 32
        || days.unsigned_abs() >= 1 << 20
    {
        return None;
    }
    let n = mb * mr * i128::from(days);
    if n == 0 || n.unsigned_abs() >= LIMIT as u128 {
        return None;
    }
    let scale = base.scale() + rate.scale();
    let pow = 10i128.checked_pow(scale).filter(|_| scale <= 26)?;
    // cents = n × 100 / (divisor × 10^scale), rounded half away from zero
    let den = divisor.checked_mul(pow)?;
    let num = n.unsigned_abs().checked_mul(200)?;
    let den2 = u128::try_from(den).ok()?.checked_mul(2)?;
    let cents = i128::try_from((num + den2 / 2) / den2).ok()?;
    let cents = if n < 0 { -cents } else { cents };
    Decimal::try_from_i128_with_scale(cents, 2).ok()
}

/// [`valor_devido`] without its shortcut for a payment in time; `exact` lets percentages of the amount be
/// computed by [`cents_exact`] where it applies.
fn computed(t: &Titulo, date: NaiveDate, exact: bool) -> Breakdown {
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
                    MultaTipo::Percentual => exact
                        .then(|| cents_exact(base, m.valor, 1, 100))
                        .flatten()
                        .unwrap_or_else(|| round_cents(base * m.valor / Decimal::ONE_HUNDRED)),
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
            let n = days;
            let days = Decimal::from(days);
            juros = match j.tipo {
                JurosTipo::PercentualMes => exact
                    .then(|| cents_exact(base, j.valor, n, 3000))
                    .flatten()
                    .unwrap_or_else(|| round_cents(base * j.valor * days / Decimal::from(3000))),
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::titulo::{Desconto, Juros, Multa};
    use proptest::prelude::*;

    fn title(
        valor: Decimal,
        venc: NaiveDate,
        abatimento: Decimal,
        desconto: Option<(Decimal, i64)>,
        charges: bool,
    ) -> Titulo {
        let rates = charges.then_some((Decimal::TWO, Decimal::ONE, false));
        title_rates(valor, venc, abatimento, desconto, rates)
    }

    /// A title with a multa and juros of these rates (`per_day`: juros a value a day instead of % a month).
    fn title_rates(
        valor: Decimal,
        venc: NaiveDate,
        abatimento: Decimal,
        desconto: Option<(Decimal, i64)>,
        rates: Option<(Decimal, Decimal, bool)>,
    ) -> Titulo {
        let mut t = Titulo::new("T", 341, "1", valor, venc);
        t.abatimento = abatimento;
        if let Some((v, days)) = desconto {
            t.descontos.push(Desconto {
                tipo: DescontoTipo::Valor,
                valor: v,
                ate: venc.checked_add_signed(Duration::days(days)),
            });
        }
        if let Some((multa, juros, per_day)) = rates {
            t.multa = Some(Multa {
                tipo: MultaTipo::Percentual,
                valor: multa,
                desde: None,
            });
            t.juros = Some(Juros {
                tipo: if per_day {
                    JurosTipo::ValorDia
                } else {
                    JurosTipo::PercentualMes
                },
                valor: juros,
                desde: None,
            });
        }
        t
    }

    fn amount() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-1_000i64..100_000_000, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
            (0u32..5).prop_map(|s| Decimal::new(0, s)),
            (0u32..5).prop_map(|s| -Decimal::new(0, s)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        /// The shortcut for a payment by the due date with nothing to subtract gives what the full computation
        /// gives, field for field and digit for digit (the scale of each amount included: the reports print it).
        #[test]
        fn the_shortcut_is_the_full_computation(
            valor in amount(),
            abatimento in amount(),
            desconto in proptest::option::of((amount(), -5i64..5)),
            charges in any::<bool>(),
            venc in 0i64..800,
            paid in -10i64..40,
        ) {
            let venc = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap() + Duration::days(venc);
            let t = title(valor, venc, abatimento, desconto, charges);
            let date = venc + Duration::days(paid);
            let (fast, full) = (valor_devido(&t, date), valor_devido_computed(&t, date));
            prop_assert_eq!(fast, full);
            prop_assert_eq!(serde_json::to_string(&fast).unwrap(), serde_json::to_string(&full).unwrap());
        }

        /// Multa and juros computed in integers are the decimal computation's, digit for digit, at any rate,
        /// scale, amount and delay (and the per-day juros, left to the decimal path, too).
        #[test]
        fn integer_charges_are_the_decimal_ones(
            valor in prop_oneof![amount(), (-1_000_000_000_000_000i64..1_000_000_000_000_000, 0u32..8).prop_map(|(m, s)| Decimal::new(m, s))],
            abatimento in amount(),
            multa in (0i64..100_000, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
            juros in (0i64..100_000, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
            per_day in any::<bool>(),
            venc in 0i64..800,
            paid in -3i64..4000,
        ) {
            let venc = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap() + Duration::days(venc);
            let t = title_rates(valor, venc, abatimento, None, Some((multa, juros, per_day)));
            let date = venc + Duration::days(paid);
            let (fast, full) = (valor_devido(&t, date), valor_devido_computed(&t, date));
            prop_assert_eq!(fast, full);
            prop_assert_eq!(serde_json::to_string(&fast).unwrap(), serde_json::to_string(&full).unwrap());
        }
    }

    #[test]
    fn integer_charges_round_half_cents_away_from_zero() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // 0.125 × 2 / 100 … exact half cents both ways, and a third of a cent
        for (base, rate, days, div, want) in [
            ("1000.25", "2", 1, 100, "20.01"),
            ("-1000.25", "2", 1, 100, "-20.01"),
            ("1000.00", "1", 15, 3000, "5.00"),
            ("1.00", "1", 1, 3000, "0.00"),
            ("150.00", "1", 1, 3000, "0.05"),
            ("0.75", "2", 1, 100, "0.02"),
        ] {
            let got = cents_exact(d(base), d(rate), days, div).unwrap();
            assert_eq!(got.to_string(), want, "{base} {rate} {days} {div}");
            let decimal = round_cents(d(base) * d(rate) * Decimal::from(days) / Decimal::from(div));
            assert_eq!(got.to_string(), decimal.to_string());
        }
        assert_eq!(
            cents_exact(d("1000"), d("2"), 1, 100),
            None,
            "scale below 2"
        );
        assert_eq!(cents_exact(d("1000.00"), d("2"), 0, 100), None, "zero");
    }

    #[test]
    fn the_remembered_next_business_day_is_the_calendars() {
        let start = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
        // each date twice in a row (the second answer remembered), then all again in another order
        let days: Vec<NaiveDate> = (0..120).map(|i| start + Duration::days(i)).collect();
        for d in days.iter().chain(days.iter().rev()) {
            assert_eq!(next_business_day(*d), next_business_day_computed(*d), "{d}");
            assert_eq!(next_business_day(*d), next_business_day_computed(*d), "{d}");
        }
        let carnaval = NaiveDate::from_ymd_opt(2026, 2, 14).unwrap();
        assert_eq!(
            next_business_day(carnaval),
            NaiveDate::from_ymd_opt(2026, 2, 18).unwrap()
        );
    }

    #[test]
    fn the_shortcut_keeps_the_face_values_scale() {
        let venc = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        for (valor, abatimento) in [
            ("100", "0"),
            ("100.5", "0.0"),
            ("100.50", "0"),
            ("7", "0.00"),
            ("0.00", "0"),
        ] {
            let t = title(
                valor.parse().unwrap(),
                venc,
                abatimento.parse().unwrap(),
                None,
                true,
            );
            for date in [venc - Duration::days(1), venc] {
                let (fast, full) = (valor_devido(&t, date), valor_devido_computed(&t, date));
                assert_eq!(
                    fast.total.to_string(),
                    full.total.to_string(),
                    "{valor} {abatimento}"
                );
                assert_eq!(fast, full);
            }
        }
    }
}
