//! Fator de vencimento: known dates, the 2025 rollover and the cycle-choice rule.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod common;
use boleto::{fator_vencimento, vencimento_from_fator};
use common::d;

#[test]
fn fator_known_dates() {
    // base 1997-10-07: factor 0 is "no due date", so the base itself has no factor
    assert!(fator_vencimento(d(1997, 10, 7)).is_err());
    assert_eq!(fator_vencimento(d(1997, 10, 8)).unwrap(), 1);
    // BB manual Jan 2016, Anexo IV table
    assert_eq!(fator_vencimento(d(2000, 7, 3)).unwrap(), 1000);
    assert_eq!(fator_vencimento(d(2000, 7, 4)).unwrap(), 1001);
    assert_eq!(fator_vencimento(d(2002, 5, 1)).unwrap(), 1667);
    assert_eq!(fator_vencimento(d(2010, 11, 17)).unwrap(), 4789);
    assert_eq!(fator_vencimento(d(2025, 2, 21)).unwrap(), 9999);
    assert_eq!(fator_vencimento(d(2025, 2, 22)).unwrap(), 1000);
    assert_eq!(fator_vencimento(d(2025, 2, 23)).unwrap(), 1001);
    // laravel-boleto tests/UtilTest.php
    assert_eq!(fator_vencimento(d(2016, 12, 25)).unwrap(), 7019);
    // third cycle: 9000 days after 2025-02-22
    let c3 = d(2025, 2, 22) + chrono::Days::new(9000);
    assert_eq!(fator_vencimento(c3).unwrap(), 1000);
    assert_eq!(fator_vencimento(c3 - chrono::Days::new(1)).unwrap(), 9999);
}

#[test]
fn cycle_choice() {
    // Window [ref - 3000, ref + 5500].
    // 9999 seen from 2025-02-01 is 2025-02-21 (first cycle, 20 days ahead)
    assert_eq!(
        vencimento_from_fator(9999, d(2025, 2, 1)),
        Some(d(2025, 2, 21))
    );
    // 1000 seen from 2025-02-01 is 2025-02-22 (second cycle)
    assert_eq!(
        vencimento_from_fator(1000, d(2025, 2, 1)),
        Some(d(2025, 2, 22))
    );
    // 7019 seen from 2016 is 2016-12-25; seen from 2030 it is 9000 days later
    assert_eq!(
        vencimento_from_fator(7019, d(2016, 1, 1)),
        Some(d(2016, 12, 25))
    );
    assert_eq!(
        vencimento_from_fator(7019, d(2030, 1, 1)),
        Some(d(2016, 12, 25) + chrono::Days::new(9000))
    );
    // boleto-utils observation: 6904 → 2016-09-01 (old cycle) or 2041-04-23 (new)
    assert_eq!(
        vencimento_from_fator(6904, d(2016, 1, 1)),
        Some(d(2016, 9, 1))
    );
    assert_eq!(
        vencimento_from_fator(6904, d(2026, 6, 1)),
        Some(d(2041, 4, 23))
    );
    // from 2026-01-01 neither candidate is in the window (2016-09-01 is > 3000 days back,
    // 2041-04-23 is > 5500 days ahead)
    assert_eq!(vencimento_from_fator(6904, d(2026, 1, 1)), None);
    // 3000 days back is inside, 3001 is not (and the next cycle is beyond +5500)
    let r = d(2020, 1, 1);
    let back = r - chrono::Days::new(3000);
    let f = fator_vencimento(back).unwrap();
    assert_eq!(vencimento_from_fator(f, r), Some(back));
    let fwd = r + chrono::Days::new(5500);
    assert_eq!(
        vencimento_from_fator(fator_vencimento(fwd).unwrap(), r),
        Some(fwd)
    );
    let out = r + chrono::Days::new(5501);
    assert_eq!(
        vencimento_from_fator(fator_vencimento(out).unwrap(), r),
        None
    );
    // factor 0 / > 9999
    assert_eq!(vencimento_from_fator(0, r), None);
    assert_eq!(vencimento_from_fator(10000, r), None);
    // factors below 1000 exist only in the first cycle
    assert_eq!(
        vencimento_from_fator(1, d(1998, 1, 1)),
        Some(d(1997, 10, 8))
    );
    assert_eq!(vencimento_from_fator(1, d(2026, 1, 1)), None);
}

#[test]
fn roundtrip_every_day_over_two_rollovers() {
    let mut day = d(2000, 7, 3);
    let end = d(2055, 1, 1);
    while day < end {
        let f = fator_vencimento(day).unwrap();
        assert!((1000..=9999).contains(&f));
        assert_eq!(vencimento_from_fator(f, day), Some(day), "{day}");
        day = day + chrono::Days::new(7);
    }
}
