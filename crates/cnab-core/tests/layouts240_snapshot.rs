//! Every CNAB 240 layout as the reader and writer see it, compared with `tests/layouts240.tsv`: each bank's CNAB 240
//! specs and FEBRABAN's own (cobrança remessa and retorno, pagamentos, extrato), with their framing, entry records
//! and, record by record, every field with all its attributes (name, positions, kind, role, default, total). Deriving
//! a bank's table from FEBRABAN's, sharing a group of fields or moving a table into another form must leave this
//! file unchanged; a deliberate change of a table is a visible, reviewed change of it, field by field.
//!
//! `LAYOUTS240_BLESS=1 cargo test -p cnab-core --test layouts240_snapshot` rewrites the expected file (review its
//! diff).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use cnab_core::banks::ALL;
use cnab_core::layouts::{extrato240, febraban240, pagamentos240, pix};
use cnab_core::{Layout, LayoutSpec, RecordLayout};

fn expected_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/layouts240.tsv")
}

fn record(out: &mut String, at: &str, key: &str, r: &RecordLayout) {
    writeln!(out, "{at}\tR\t{key}\t{}\t{}\t{}", r.name, r.len, r.source).unwrap();
    for f in r.fields {
        writeln!(
            out,
            "{at}\tF\t{key}\t{}\t{}\t{}-{}\t{:?}\t{:?}\t{:?}\t{:?}",
            r.name, f.name, f.start, f.end, f.kind, f.role, f.default, f.total
        )
        .unwrap();
    }
}

fn spec(out: &mut String, at: &str, s: &LayoutSpec) {
    let at = format!("{at}\t{:?}", s.kind);
    writeln!(
        out,
        "{at}\tS\t{:?}\t{}\tversions {:?}\tcrlf {}\t{:?}\tvariants {:?}\thooks retorno {} título {} write {}",
        s.layout,
        s.source,
        s.versions,
        s.crlf,
        s.framing,
        s.variants,
        s.retorno_hook.is_some(),
        s.titulo_hook.is_some(),
        s.write_hook.is_some()
    )
    .unwrap();
    writeln!(out, "{at}\tE\t{:?}", s.entry).unwrap();
    for (key, r) in s.records {
        record(out, &at, &key.to_string(), r);
    }
}

/// `owner kind  S|E|R|F  …`, in table order: every CNAB 240 spec of every bank, then FEBRABAN's specs and the
/// FEBRABAN records banks derive theirs from that no spec lists.
fn dump() -> String {
    let mut out = String::from(
        "# owner\tkind\tS spec | E entry | R record (key, name, len, source) | F field (key, record, name, start-end, kind, role, default, total)\n",
    );
    for bank in ALL {
        for s in bank.layouts().filter(|s| s.layout == Layout::Cnab240) {
            spec(&mut out, &format!("{:03}", bank.code), s);
        }
    }
    for (name, s) in [
        ("febraban", &febraban240::REMESSA),
        ("febraban", &febraban240::RETORNO),
        ("pagamentos", &pagamentos240::SPEC),
        ("extrato", &extrato240::SPEC),
    ] {
        spec(&mut out, name, s);
    }
    for r in [
        &febraban240::SEGMENTO_Q_SACADOR_ZEROS,
        &febraban240::TRAILER_LOTE_NUMERICO,
    ]
    .into_iter()
    .chain(febraban240::ALL.iter().copied())
    .chain(pagamentos240::ALL.iter().copied())
    .chain(extrato240::ALL.iter().copied())
    {
        record(&mut out, "layouts\t-", "-", r);
    }
    record(&mut out, "pix\t-", "-", &pix::SEGMENTO_Y03);
    out
}

#[test]
fn layouts240_are_unchanged() {
    common::assert_snapshot(&dump(), &expected_path(), "LAYOUTS240_BLESS");
}

/// The snapshot covers what it claims: every bank with a CNAB 240 layout, and a field of a derived bank table with
/// all its attributes.
#[test]
fn snapshot_covers_every_bank_with_cnab240() {
    let actual = dump();
    let mut banks = 0;
    for bank in ALL {
        if bank.layouts().any(|s| s.layout == Layout::Cnab240) {
            banks += 1;
            let prefix = format!("{:03}\t", bank.code);
            assert!(
                actual.lines().any(|l| l.starts_with(&prefix)),
                "bank {} has no CNAB 240 layout in the snapshot",
                bank.code
            );
        }
    }
    assert!(banks >= 10, "{banks} banks with CNAB 240");
    assert!(actual.contains(
        "341\tRetorno\tF\tsegmento T\tsegmento_t\tnosso_numero\t41-48\tNum { scale: 0 }\tSome(NossoNumero)\tNone\tNone\n"
    ));
}
