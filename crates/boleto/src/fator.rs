//! Fator de vencimento: the 4-digit due-date field of the barcode (positions 6-9).
//!
//! FEBRABAN defines it as the number of days since the base date **1997-10-07**
//! (so 2000-07-03 = 1000, 2025-02-21 = 9999). From **2025-02-22** the factor "returns to
//! 1000, adding 1 for each following day" (Banco do Brasil, *Especificações Técnicas para
//! Confecção de Boleto de Cobrança*, Jan 2016, Anexo IV; the same text is quoted in
//! brcobranca `calculo_data.rb`). Each later cycle is therefore 9000 days long
//! (factors 1000..=9999); factors 1..=999 exist only in the first cycle (1997-10-08 to
//! 2000-07-02). Factor **0000** means "no due date".
//!
//! ## Which cycle does a factor belong to?
//! A factor names one date per cycle, 9000 days apart. FEBRABAN only accepts boletos whose
//! factor is at most 3000 factors in the past and 5500 in the future of the processing day
//! (brcobranca `calculo_data.rb`, quoting FEBRABAN). [`vencimento_from_fator`] therefore
//! returns the unique candidate date inside the window
//! **[reference − 3000 days, reference + 5500 days]**; the window is 8501 days wide, less
//! than a cycle, so at most one candidate fits. If none fits (a boleto that the banking
//! network would refuse on that day) it returns `None`.

use chrono::{Days, NaiveDate};

use crate::error::{BoletoError, Result};

/// Days before the reference date that a due date may lie (FEBRABAN window).
pub const JANELA_PASSADO: i64 = 3000;
/// Days after the reference date that a due date may lie (FEBRABAN window).
pub const JANELA_FUTURO: i64 = 5500;
/// Length in days of every cycle after the first (factors 1000..=9999).
pub const CICLO: i64 = 9000;

/// The base date 1997-10-07 (factor 0 would be this day).
pub fn data_base() -> NaiveDate {
    NaiveDate::from_ymd_opt(1997, 10, 7).unwrap_or(NaiveDate::MIN)
}

/// The fator de vencimento of a due date.
///
/// ```
/// use boleto::fator_vencimento;
/// use chrono::NaiveDate;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert_eq!(fator_vencimento(d(2000, 7, 3)).unwrap(), 1000);
/// assert_eq!(fator_vencimento(d(2025, 2, 21)).unwrap(), 9999);
/// assert_eq!(fator_vencimento(d(2025, 2, 22)).unwrap(), 1000);
/// assert!(fator_vencimento(d(1997, 10, 7)).is_err()); // 0000 is reserved for "no due date"
/// ```
///
/// # Errors
/// [`BoletoError::DateOutOfRange`] for dates on or before 1997-10-07.
pub fn fator_vencimento(date: NaiveDate) -> Result<u16> {
    let days = (date - data_base()).num_days();
    if days <= 0 {
        return Err(BoletoError::DateOutOfRange { date });
    }
    let f = if days < 1000 {
        days
    } else {
        1000 + (days - 1000) % CICLO
    };
    u16::try_from(f).map_err(|_| BoletoError::DateOutOfRange { date })
}

/// The due date a factor stands for, choosing the cycle that places it within
/// [reference − 3000 days, reference + 5500 days] (see the module docs).
/// Factor 0 (no due date), factors above 9999 and factors with no date in the window
/// give `None`.
///
/// ```
/// use boleto::vencimento_from_fator;
/// use chrono::NaiveDate;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// // 1000 seen from 2001 is 2000-07-03; seen from 2025-03-01 it is 2025-02-22.
/// assert_eq!(vencimento_from_fator(1000, d(2001, 1, 1)), Some(d(2000, 7, 3)));
/// assert_eq!(vencimento_from_fator(1000, d(2025, 3, 1)), Some(d(2025, 2, 22)));
/// assert_eq!(vencimento_from_fator(0, d(2025, 3, 1)), None);
/// ```
pub fn vencimento_from_fator(fator: u16, reference: NaiveDate) -> Option<NaiveDate> {
    let f = i64::from(fator);
    if f == 0 || f > 9999 {
        return None;
    }
    let r = (reference - data_base()).num_days();
    let (lo, hi) = (r - JANELA_PASSADO, r + JANELA_FUTURO);
    let days = if f < 1000 {
        f
    } else {
        // smallest k >= 0 with f + k*CICLO >= lo
        let k = if lo > f {
            (lo - f + CICLO - 1) / CICLO
        } else {
            0
        };
        f + k * CICLO
    };
    if days < lo || days > hi {
        return None;
    }
    data_base().checked_add_days(Days::new(u64::try_from(days).ok()?))
}

/// Today's date (UTC, from the system clock), used by the `*_today` conveniences.
pub fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    epoch
        .checked_add_days(Days::new(secs / 86_400))
        .unwrap_or(epoch)
}

/// [`vencimento_from_fator`] with today's date as the reference.
pub fn vencimento_from_fator_today(fator: u16) -> Option<NaiveDate> {
    vencimento_from_fator(fator, today())
}
