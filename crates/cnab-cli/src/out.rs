//! Standard output for every command. A reader that goes away early (`cnab validate FILE | head`) closes the pipe:
//! the rest of the output is dropped quietly and the command ends with its normal exit code, never a panic.

use std::fmt;
use std::io::{self, BufWriter, StdoutLock, Write};

use crate::Fail;

/// Buffered standard output that tolerates a closed pipe.
pub(crate) struct Out {
    w: BufWriter<StdoutLock<'static>>,
    closed: bool,
}

impl Out {
    pub(crate) fn stdout() -> Self {
        Out {
            w: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            closed: false,
        }
    }

    /// Whether the reader has gone away (nothing more will be shown).
    pub(crate) fn is_closed(&self) -> bool {
        self.closed
    }

    fn check(&mut self, r: io::Result<()>) -> Result<(), Fail> {
        match r {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(Fail(1, format!("writing to standard output: {e}"))),
        }
    }

    /// What `write!` / `writeln!` call.
    pub(crate) fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<(), Fail> {
        if self.closed {
            return Ok(());
        }
        let r = self.w.write_fmt(args);
        self.check(r)
    }

    /// Raw bytes.
    pub(crate) fn write_all(&mut self, bytes: &[u8]) -> Result<(), Fail> {
        if self.closed {
            return Ok(());
        }
        let r = self.w.write_all(bytes);
        self.check(r)
    }

    /// A value as pretty JSON and a newline.
    pub(crate) fn json<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Fail> {
        if self.closed {
            return Ok(());
        }
        match serde_json::to_writer_pretty(Counting::new(&mut self.w), v) {
            Ok(()) => {
                let r = self.w.write_all(b"\n");
                self.check(r)
            }
            Err(e) if e.is_io() => self.check(Err(io::Error::from(e))),
            Err(e) => Err(Fail(1, format!("serializing the output: {e}"))),
        }
    }

    /// A value as single-line JSON and a newline (NDJSON, `--compact`).
    pub(crate) fn json_line<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Fail> {
        if self.closed {
            return Ok(());
        }
        match serde_json::to_writer(Counting::new(&mut self.w), v) {
            Ok(()) => {
                let r = self.w.write_all(b"\n");
                self.check(r)
            }
            Err(e) if e.is_io() => self.check(Err(io::Error::from(e))),
            Err(e) => Err(Fail(1, format!("serializing the output: {e}"))),
        }
    }

    /// Sends what is buffered.
    pub(crate) fn flush(&mut self) -> Result<(), Fail> {
        if self.closed {
            return Ok(());
        }
        let r = self.w.flush();
        self.check(r)
    }
}

/// A line on standard error (the progress bar, if any, erased first: a message ends the phase it was drawing); a
/// closed standard error is not worth a panic.
pub(crate) fn note(msg: fmt::Arguments<'_>) {
    crate::progress::clear();
    let _ = writeln!(io::stderr(), "{msg}");
}

/// A writer that tells the progress bar how many bytes of one JSON document are written, every mebibyte.
struct Counting<'a, W> {
    w: &'a mut W,
    n: u64,
    next: u64,
}

impl<'a, W: Write> Counting<'a, W> {
    const STEP: u64 = 1 << 20;
    fn new(w: &'a mut W) -> Self {
        Counting {
            w,
            n: 0,
            next: Self::STEP,
        }
    }
}

impl<W: Write> Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let k = self.w.write(buf)?;
        self.n += k as u64;
        if self.n >= self.next {
            self.next = self.n + Self::STEP;
            crate::progress::written(self.n);
        }
        Ok(k)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}
