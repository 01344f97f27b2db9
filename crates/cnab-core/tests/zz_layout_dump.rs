//! Temporary: dumps every LayoutSpec of every bank to $LAYOUT_DUMP.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
use std::fmt::Write;

#[test]
fn dump() {
    let Ok(path) = std::env::var("LAYOUT_DUMP") else {
        return;
    };
    let mut s = String::new();
    for t in cnab_core::layouts::febraban240::ALL {
        writeln!(s, "FEBRABAN {} {} {:?}", t.name, t.len, t.source).unwrap();
        for f in t.fields {
            writeln!(s, "  {f:?}").unwrap();
        }
    }
    for bank in cnab_core::banks::ALL {
        writeln!(s, "BANK {} {:?}", bank.code, bank.name).unwrap();
        for (i, spec) in bank.layouts().enumerate() {
            writeln!(s, " SPEC {i} {:?} {:?} versions={:?} source={:?} crlf={} framing={:?} variants={:?} hooks={} {} {}",
                spec.layout, spec.kind, spec.versions, spec.source, spec.crlf, spec.framing, spec.variants,
                spec.retorno_hook.is_some(), spec.titulo_hook.is_some(), spec.write_hook.is_some()).unwrap();
            for (k, l) in spec.records {
                writeln!(s, "  RECORD {k:?} {} {} {:?}", l.name, l.len, l.source).unwrap();
                for f in l.fields {
                    writeln!(s, "   {f:?}").unwrap();
                }
            }
            for e in spec.entry {
                writeln!(s, "  ENTRY {:?} {} {:?}", e.key, e.starts, e.emit).unwrap();
            }
            for o in spec.ocorrencias {
                writeln!(s, "  OC {:?} {:?} {:?}", o.code, o.kind, o.description).unwrap();
            }
            for m in spec.motivos {
                writeln!(
                    s,
                    "  MOT {:?} {:?} {:?}",
                    m.ocorrencias, m.code, m.description
                )
                .unwrap();
            }
        }
    }
    std::fs::write(path, s).unwrap();
}
