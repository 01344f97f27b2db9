//! Line splitting: a file (or a stream) into lines with their endings, a BOM and trailing blank lines kept apart.

use super::*;

pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file split into lines: a prefix (BOM), lines with their endings, and a suffix (trailing 0x1A, blank lines).
pub(crate) struct Lines<'a> {
    /// Offset of each line in the input.
    pub starts: Vec<usize>,
    pub prefix: &'a [u8],
    pub lines: Vec<(&'a [u8], LineEnding)>,
    pub suffix: &'a [u8],
}

/// A line that holds nothing: empty, or only spaces, NUL and 0x1A (end-of-file marks).
pub(crate) fn is_blank(l: &[u8]) -> bool {
    l.iter().all(|&b| b == b' ' || b == 0x1A || b == 0)
}

pub(crate) fn split_lines(bytes: &[u8]) -> Lines<'_> {
    let (prefix, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM, rest),
        None => (&[][..], bytes),
    };
    let mut lines = Vec::with_capacity(body.len() / 240 + 1);
    let mut starts = Vec::with_capacity(body.len() / 240 + 1);
    let base = prefix.len();
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = body.get(i..).and_then(|s| memchr::memchr2(b'\n', b'\r', s)) {
        let pos = i + off;
        let (ending, next) = match (body.get(pos), body.get(pos + 1)) {
            (Some(b'\r'), Some(b'\n')) => (LineEnding::CrLf, pos + 2),
            (Some(b'\r'), _) => (LineEnding::Cr, pos + 1),
            _ => (LineEnding::Lf, pos + 1),
        };
        lines.push((body.get(start..pos).unwrap_or(&[]), ending));
        starts.push(base + start);
        start = next;
        i = next;
    }
    if start < body.len() {
        lines.push((body.get(start..).unwrap_or(&[]), LineEnding::None));
        starts.push(base + start);
    }
    // Trailing lines that hold nothing (empty, spaces, 0x1A end-of-file marks) are the suffix.
    let mut keep = lines.len();
    while keep > 0 && lines.get(keep - 1).is_some_and(|(l, _)| is_blank(l)) {
        keep -= 1;
    }
    let consumed: usize = prefix.len()
        + lines
            .iter()
            .take(keep)
            .map(|(l, e)| l.len() + e.as_bytes().len())
            .sum::<usize>();
    lines.truncate(keep);
    starts.truncate(keep);
    Lines {
        starts,
        prefix,
        lines,
        suffix: bytes.get(consumed..).unwrap_or(&[]),
    }
}

/// The lines [`split_lines`] gives, one at a time without a list: each with its offset in the input and its ending,
/// a BOM skipped, the trailing blank lines (the suffix) not given. A blank line is given only when a line that is
/// not blank follows it (looked for when the blank line is met, so each line is scanned at most twice).
pub(crate) struct LineIter<'a> {
    bytes: &'a [u8],
    /// Where the next line starts.
    at: usize,
    /// The lines before this offset are known to be followed by a line that is not blank.
    clear_until: usize,
}

impl<'a> LineIter<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        let at = if bytes.starts_with(UTF8_BOM) {
            UTF8_BOM.len()
        } else {
            0
        };
        LineIter {
            bytes,
            at,
            clear_until: 0,
        }
    }

    /// The line at `at`: its bytes, ending and where the next starts; `None` at the end of the input.
    fn line_at(&self, at: usize) -> Option<(&'a [u8], LineEnding, usize)> {
        let rest = self.bytes.get(at..).filter(|r| !r.is_empty())?;
        Some(match memchr::memchr2(b'\n', b'\r', rest) {
            Some(pos) => {
                let (ending, next) = match (rest.get(pos), rest.get(pos + 1)) {
                    (Some(b'\r'), Some(b'\n')) => (LineEnding::CrLf, pos + 2),
                    (Some(b'\r'), _) => (LineEnding::Cr, pos + 1),
                    _ => (LineEnding::Lf, pos + 1),
                };
                (rest.get(..pos).unwrap_or(&[]), ending, at + next)
            }
            None => (rest, LineEnding::None, self.bytes.len()),
        })
    }
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a [u8], LineEnding);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.at;
        let (line, ending, next) = self.line_at(start)?;
        if start >= self.clear_until && is_blank(line) {
            // A blank line: given only when a line that is not blank comes after it.
            let mut at = next;
            loop {
                match self.line_at(at) {
                    Some((l, _, n)) if is_blank(l) => at = n,
                    Some(_) => break,
                    None => {
                        self.at = self.bytes.len();
                        return None;
                    }
                }
            }
            self.clear_until = at;
        }
        self.at = next;
        Some((start, line, ending))
    }
}

/// Fits a line to a layout's length for field access: as is when exact; UTF-8 text transcoded to Windows-1252
/// when that makes it exact; padded with spaces when short; cut when long.
pub(crate) fn fit_line(bytes: &[u8], len: usize) -> Cow<'_, [u8]> {
    if bytes.len() == len {
        return Cow::Borrowed(bytes);
    }
    if bytes.len() > len && !bytes.is_ascii() {
        if let Ok(s) = std::str::from_utf8(bytes) {
            if s.chars().count() == len {
                let (enc, _, _) = encoding_rs::WINDOWS_1252.encode(s);
                if enc.len() == len {
                    return Cow::Owned(enc.into_owned());
                }
            }
        }
    }
    if bytes.len() > len {
        return Cow::Borrowed(bytes.get(..len).unwrap_or(bytes));
    }
    let mut v = bytes.to_vec();
    v.resize(len, b' ');
    Cow::Owned(v)
}

/// True when the line, read as UTF-8, has exactly `len` characters (a re-encoded file, not a defect).
pub(super) fn utf8_fits(bytes: &[u8], len: usize) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok_and(|s| s.chars().count() == len)
}

/// The longest line the streaming reader accepts before it gives up on a line (without reading it whole).
///
/// # Resource limits
///
/// Reading never panics, never loops and never allocates beyond these bounds, whatever the input:
/// - [`RetornoReader`] holds one line buffer of at most `MAX_LINE` (+3 for a BOM on the first line) bytes, the
///   records of the entry being assembled, and the first of a run of blank lines; a longer line is refused with
///   [`ErrorKind::LineTooLong`] after reading at most `MAX_LINE` bytes of it (a 1 GB line with no newline costs
///   1 KB). In lenient mode the problems it collects grow with the number of defective lines.
/// - [`read`] and friends work on a slice the caller already holds: they keep one [`RawRecord`] per line (a copy of
///   the line) plus the model, i.e. memory proportional to the input; lines of any length are accepted and
///   reported with [`ErrorKind::LineLength`].
/// - Numbers decode into `i128` with checked arithmetic (at most 28 significant digits, else
///   [`ErrorKind::NotDigits`]); dates go through `chrono`'s checked constructors.
/// - Every line is visited once; there is no backtracking.
pub const MAX_LINE: usize = 1024;

/// Reads one line of at most `limit` bytes into `buf` (ending excluded). `Ok(None)` at end of input.
pub(super) fn read_line_limited<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<LineEnding>> {
    buf.clear();
    let mut any = false;
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            return Ok(if any { Some(LineEnding::None) } else { None });
        }
        any = true;
        if let Some(pos) = memchr::memchr2(b'\n', b'\r', avail) {
            if buf.len() + pos > limit {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "line too long",
                ));
            }
            buf.extend_from_slice(avail.get(..pos).unwrap_or(&[]));
            let is_cr = avail.get(pos) == Some(&b'\r');
            if is_cr && avail.get(pos + 1) == Some(&b'\n') {
                // CR LF within the buffer (the usual ending): both consumed at once.
                r.consume(pos + 2);
                return Ok(Some(LineEnding::CrLf));
            }
            r.consume(pos + 1);
            if is_cr {
                let next = r.fill_buf()?;
                if next.first() == Some(&b'\n') {
                    r.consume(1);
                    return Ok(Some(LineEnding::CrLf));
                }
                return Ok(Some(LineEnding::Cr));
            }
            return Ok(Some(LineEnding::Lf));
        }
        let n = avail.len();
        if buf.len() + n > limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "line too long",
            ));
        }
        buf.extend_from_slice(avail);
        r.consume(n);
    }
}

/// Lines of a stream as the whole-file reader sees them: a BOM removed from the first, blank lines passed on (as
/// empty lines) only when a record follows them (trailing blank lines are the file's suffix), in constant memory.
pub(super) struct StreamLines<R: BufRead> {
    pub(super) src: R,
    pub(super) buf: Vec<u8>,
    /// Lines read so far.
    pub(super) line: usize,
    /// A run of blank lines not yet passed on: first line number and count.
    pub(super) run: Option<(usize, usize)>,
    /// The record line that ended a blank run, passed on after the run.
    pub(super) held: Option<(usize, Vec<u8>, LineEnding)>,
    /// The first line's bytes when it is blank (detection reports it as it is).
    pub(super) first_blank: Vec<u8>,
    /// Line buffers handed back by the engine once their entry is built, reused for the next lines so that
    /// reading a line allocates nothing.
    pub(super) pool: Vec<Vec<u8>>,
}

impl<R: BufRead> StreamLines<R> {
    pub(super) fn next_line(&mut self) -> Result<Option<(usize, Vec<u8>, LineEnding)>> {
        loop {
            if let Some((first, n)) = self.run.filter(|_| self.held.is_some()) {
                // Releasing a blank run that records follow, one line at a time.
                self.run = (n > 1).then_some((first + 1, n - 1));
                let bytes = if first == 1 {
                    std::mem::take(&mut self.first_blank)
                } else {
                    Vec::new()
                };
                return Ok(Some((first, bytes, LineEnding::Lf)));
            }
            if let Some(h) = self.held.take() {
                return Ok(Some(h));
            }
            let limit = if self.line == 0 {
                MAX_LINE + UTF8_BOM.len()
            } else {
                MAX_LINE
            };
            // The line is read straight into a buffer of the pool (no copy, no allocation once the pool holds
            // an entry's worth of buffers); `buf` keeps the one a blank line left.
            let mut buf = self
                .pool
                .pop()
                .unwrap_or_else(|| std::mem::take(&mut self.buf));
            let read = read_line_limited(&mut self.src, &mut buf, limit)
                .map_err(|e| Error::at_line(self.line + 1, io_kind(e)));
            let Some(ending) = read? else {
                self.buf = buf;
                return Ok(None); // a blank run at the end is the suffix
            };
            self.line += 1;
            if self.line == 1 && buf.starts_with(UTF8_BOM) {
                buf.drain(..UTF8_BOM.len());
            }
            if is_blank(&buf) {
                if self.line == 1 {
                    self.first_blank = buf.clone();
                }
                self.buf = buf;
                self.run = Some(match self.run {
                    Some((first, n)) => (first, n + 1),
                    None => (self.line, 1),
                });
                continue;
            }
            let line = (self.line, buf, ending);
            if self.run.is_some() {
                self.held = Some(line);
                continue;
            }
            return Ok(Some(line));
        }
    }
}

pub(super) fn io_kind(e: std::io::Error) -> ErrorKind {
    if e.kind() == std::io::ErrorKind::InvalidData {
        ErrorKind::LineTooLong { limit: MAX_LINE }
    } else {
        ErrorKind::io(e.to_string())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The line iterator gives exactly the lines, offsets and endings of `split_lines`, over inputs with a BOM, every
    /// ending, blank runs inside and at the end, end-of-file marks, and no final ending; and over every mix of short
    /// lines of a few kinds.
    #[test]
    fn the_line_iterator_gives_what_split_lines_gives() {
        let mut inputs: Vec<Vec<u8>> = [
            &b""[..],
            b"\r\n",
            b"   \n\x1a",
            b"\xEF\xBB\xBFabc\r\ndef\r\n",
            b"abc\rdef\nghi\r\njkl",
            b"abc\r\n\r\n  \r\ndef\r\n\r\n \x1a\r\n\x1a",
            b"\n\nabc\n",
            b"abc\r",
            b"\xEF\xBB\xBF",
            b"\xEF\xBB\xBF\r\n  \r\nx",
        ]
        .iter()
        .map(|b| b.to_vec())
        .collect();
        let parts: [&[u8]; 6] = [b"ab", b" ", b"\r", b"\n", b"\x1a", b"\0"];
        for n in 0..6u32.pow(5) {
            let mut v = Vec::new();
            let mut k = n;
            for _ in 0..5 {
                v.extend_from_slice(parts[(k % 6) as usize]);
                k /= 6;
            }
            inputs.push(v);
        }
        for input in &inputs {
            let split = split_lines(input);
            let iter: Vec<(usize, &[u8], LineEnding)> = LineIter::new(input).collect();
            let expected: Vec<(usize, &[u8], LineEnding)> = split
                .starts
                .iter()
                .zip(&split.lines)
                .map(|(&s, &(l, e))| (s, l, e))
                .collect();
            assert_eq!(iter, expected, "{:?}", String::from_utf8_lossy(input));
        }
    }
}
