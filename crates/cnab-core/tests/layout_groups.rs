//! The FEBRABAN CNAB 240 tables built from shared field groups (`layouts::groups240`) keep every field as the manual
//! prints it: each record's fields (name, positions, kind, role, default, total) equal the list in
//! `tests/data/febraban240_fields.txt`, written from the tables as they were spelled out field by field before the
//! groups were shared. `CNAB_BLESS=1` rewrites that list (only for a deliberate change of a table).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cnab_core::layouts::{extrato240, febraban240, pagamentos240};
use cnab_core::RecordLayout;

/// One line per field: `record field start-end kind role default total`.
fn listing(records: &[&RecordLayout]) -> String {
    let mut out = String::new();
    for r in records {
        for f in r.fields {
            out.push_str(&format!(
                "{} {} {}-{} {:?} {:?} {:?} {:?}\n",
                r.name, f.name, f.start, f.end, f.kind, f.role, f.default, f.total
            ));
        }
    }
    out
}

#[test]
fn shared_groups_keep_every_field() {
    let mut records: Vec<&RecordLayout> = Vec::new();
    records.extend_from_slice(febraban240::ALL);
    records.extend_from_slice(&[
        &febraban240::SEGMENTO_Q_SACADOR_ZEROS,
        &febraban240::TRAILER_LOTE_NUMERICO,
    ]);
    records.extend_from_slice(pagamentos240::ALL);
    records.extend_from_slice(extrato240::ALL);
    let got = listing(&records);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/febraban240_fields.txt"
    );
    if std::env::var_os("CNAB_BLESS").is_some() {
        std::fs::write(path, &got).unwrap();
    }
    let want = std::fs::read_to_string(path).unwrap();
    // Compared line by line, so a difference names the record and field.
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got.lines().count(), want.lines().count());
    // The list is not empty and names the shared prefix of a pagamentos segment.
    assert!(
        want.contains("segmento_a sequencial 9-13 Num { scale: 0 } Some(Sequencial) None None\n")
    );
}
