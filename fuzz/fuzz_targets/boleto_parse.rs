//! Any string: `boleto::parse_any` must return Ok or Err, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(p) = boleto::parse_any(&s) {
        // What parses must parse again from its own outputs.
        assert!(
            boleto::parse_any(&p.barcode).is_ok(),
            "barcode of a parsed code does not parse: {s:?}"
        );
        assert!(
            boleto::parse_any(&p.linha_digitavel).is_ok(),
            "linha of a parsed code does not parse: {s:?}"
        );
    }
    if let Some(d) = chrono::NaiveDate::from_ymd_opt(2000, 7, 3) {
        let _ = boleto::parse_any_at(&s, d);
    }
});
