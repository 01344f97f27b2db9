//! The streaming remessa writer gives the bytes and warnings of the whole-file writer, for every bank and layout
//! the generator writes remessas for.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::generator::{self, GenOptions};
use cnab_core::{
    write_remessa_with, Bank, ErrorKind, FileKind, Layout, RemessaWriter, WriteOptions,
};

fn streamed(
    r: &cnab_core::Remessa,
    bank: Bank,
    layout: Layout,
    opts: WriteOptions,
) -> cnab_core::Result<(Vec<u8>, Vec<cnab_core::WriteWarning>)> {
    let mut w = RemessaWriter::new(Vec::new(), &r.header, bank, layout, opts)?;
    for t in &r.titulos {
        w.write(t)?;
    }
    w.finish()
}

#[test]
fn streamed_remessas_are_byte_identical() {
    let mut checked = 0;
    for (bank, layout, kind) in generator::supported() {
        if kind != FileKind::Remessa {
            continue;
        }
        let r = generator::remessa(&GenOptions::new(bank, layout, kind, 60, 7)).unwrap();
        let whole = write_remessa_with(&r, bank, layout, WriteOptions::default());
        let stream = streamed(&r, bank, layout, WriteOptions::default());
        match (whole, stream) {
            (Ok(whole), Ok((bytes, mut warnings))) => {
                assert_eq!(bytes, whole.bytes, "{bank} {layout}");
                let key = |w: &cnab_core::WriteWarning| format!("{w:?}");
                let mut want = whole.warnings.clone();
                want.sort_by_key(key);
                warnings.sort_by_key(key);
                assert_eq!(warnings, want, "{bank} {layout}");
                checked += 1;
            }
            (Ok(_), Err(e)) => {
                // Only a layout without a trailer (the header carries the count) is refused.
                assert!(
                    matches!(&e.kind, ErrorKind::Invalid { .. })
                        && e.to_string().contains("record count"),
                    "{bank} {layout}: {e}"
                );
            }
            (Err(a), b) => {
                panic!("{bank} {layout}: whole-file writer failed: {a}; streamed: {b:?}")
            }
        }
    }
    assert!(checked > 30, "only {checked} layouts compared");
}
