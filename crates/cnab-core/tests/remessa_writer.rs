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

/// A sink that keeps each write apart, to see when the streaming writer hands its lines over.
#[derive(Default)]
struct Writes(Vec<Vec<u8>>);

impl std::io::Write for Writes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.push(buf.to_vec());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Files larger than the writer's buffer: the sink gets whole lines in pieces of at least 64 KiB (and the rest at
/// the end), not one write per title, and the bytes are the whole-file writer's.
#[test]
fn a_large_remessa_reaches_the_sink_in_pieces_of_whole_lines() {
    for (bank, layout) in [(341, Layout::Cnab240), (237, Layout::Cnab400)] {
        let bank = Bank::new(bank);
        let opts = GenOptions::new(bank, layout, FileKind::Remessa, 2_000, 11);
        let r = generator::remessa(&opts).unwrap();
        let whole = write_remessa_with(&r, bank, layout, WriteOptions::default()).unwrap();
        let mut w = RemessaWriter::new(
            Writes::default(),
            &r.header,
            bank,
            layout,
            WriteOptions::default(),
        )
        .unwrap();
        for t in &r.titulos {
            w.write(t).unwrap();
        }
        let (sink, _) = w.finish().unwrap();
        assert_eq!(sink.0.concat(), whole.bytes, "{bank} {layout}");
        // The header when created, pieces of 64 KiB or more, and the last piece with the trailers.
        let pieces = &sink.0[1..sink.0.len() - 1];
        assert!(
            pieces.len() >= 5,
            "{bank} {layout}: {} writes",
            sink.0.len()
        );
        assert!(pieces
            .iter()
            .all(|p| p.len() >= 1 << 16 && p.ends_with(b"\r\n")));
        assert!(sink.0.len() < r.titulos.len() / 10);
    }
}
