//! `cnab parse --format parquet --out FILE`: a retorno's entries as a Parquet file, one row per entry, with the
//! columns of the `cnab-arrow` crate. The retorno is streamed (`RetornoReader`) and written a row group at a time, so
//! memory stays bounded whatever the file's size.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use cnab_core::{ReadOptions, RetornoEntry, RetornoReader};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::out::note;
use crate::Fail;

/// Entries per record batch (and row group).
const BATCH: usize = 65_536;

fn write_err(dest: &Path, e: impl std::fmt::Display) -> Fail {
    Fail(1, format!("{}: {e}", dest.display()))
}

fn flush(
    w: &mut ArrowWriter<File>,
    chunk: &mut Vec<RetornoEntry>,
    dest: &Path,
) -> Result<(), Fail> {
    if chunk.is_empty() {
        return Ok(());
    }
    let batch = cnab_arrow::entries_batch(chunk).map_err(|e| Fail(1, e.to_string()))?;
    w.write(&batch).map_err(|e| write_err(dest, e))?;
    chunk.clear();
    Ok(())
}

/// Streams the retorno `file` into the Parquet file `dest`; `Ok(false)` when problems were found (lenient mode,
/// each one printed on stderr).
pub(crate) fn run(
    file: &Path,
    dest: &Path,
    lenient: bool,
    bank: Option<String>,
) -> Result<bool, Fail> {
    let name = crate::source_name(file);
    let bank = bank.as_deref().map(crate::parse_bank).transpose()?;
    let opts = ReadOptions {
        lenient,
        bank,
        ..ReadOptions::default()
    };
    let what = format!("reading {}", crate::shown_name(file));
    let src: Box<dyn Read> = if file.as_os_str() == "-" {
        crate::progress::phase(0, crate::progress::Unit::Written, what, false);
        Box::new(std::io::stdin())
    } else {
        let f = File::open(file).map_err(|e| Fail(2, format!("{}: {e}", file.display())))?;
        let len = f.metadata().map_or(0, |m| m.len());
        crate::progress::phase(len, crate::progress::Unit::Bytes, what, false);
        Box::new(f)
    };
    // the bar follows the bytes the reader has consumed (the Parquet file is written as they are read)
    let src = crate::progress::Observed::new(BufReader::with_capacity(1 << 16, src));
    let mut reader =
        RetornoReader::new(src, opts).map_err(|e| crate::strict_fail(e, &name, file))?;
    let out = File::create(dest).map_err(|e| write_err(dest, e))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let written = (|| -> Result<(), Fail> {
        let mut w = ArrowWriter::try_new(out, cnab_arrow::schema(), Some(props))
            .map_err(|e| write_err(dest, e))?;
        let mut chunk = Vec::with_capacity(BATCH);
        for e in reader.by_ref() {
            chunk.push(e.map_err(|e| crate::strict_fail(e, &name, file))?);
            if chunk.len() == BATCH {
                flush(&mut w, &mut chunk, dest)?;
            }
        }
        flush(&mut w, &mut chunk, dest)?;
        w.close().map_err(|e| write_err(dest, e))?;
        Ok(())
    })();
    if let Err(e) = written {
        // no half-written file is left behind
        let _ = std::fs::remove_file(dest);
        return Err(e);
    }
    for e in reader.problems() {
        note(format_args!("cnab: {}", crate::named(e.clone(), &name)));
    }
    Ok(reader.problems().is_empty())
}
