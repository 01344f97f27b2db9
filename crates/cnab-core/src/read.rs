//! Reading: splitting lines, detecting bank/layout/kind, and turning records into the model.

use std::borrow::Cow;
use std::io::BufRead;

use serde::Serialize;

use crate::bank::{Bank, LayoutSpec, RecordKey};
use crate::error::{Error, ErrorKind, Result};
use crate::field::{Kind, RecordLayout, Role};
use crate::model::{FileKind, Header, Layout, Remessa, Retorno, RetornoEntry, Titulo};
use crate::normalize;
use crate::record::{LineEnding, RawRecord, Record};

/// Options for reading.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Collect problems and go on instead of stopping at the first.
    pub lenient: bool,
    /// Force the bank instead of detecting it.
    pub bank: Option<Bank>,
    /// Force the layout instead of detecting it.
    pub layout: Option<Layout>,
    /// Force the kind instead of detecting it.
    pub kind: Option<FileKind>,
    /// Read with this layout spec instead of the bank's (a layout of your own for a bank we do not have).
    pub spec: Option<&'static LayoutSpec>,
}

impl ReadOptions {
    /// Strict reading: the first problem is an error.
    pub fn strict() -> Self {
        Self::default()
    }
    /// Lenient reading: problems are collected.
    pub fn lenient() -> Self {
        ReadOptions {
            lenient: true,
            ..Self::default()
        }
    }
}

/// What [`detect`] finds in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detected {
    /// The bank, from the header.
    pub bank: Bank,
    /// CNAB 240 or CNAB 400.
    pub layout: Layout,
    /// Remessa or retorno.
    pub kind: FileKind,
    /// Layout version from the header (CNAB 240), empty when the layout has none.
    pub version: String,
    /// Whether we have a layout table for this bank, layout and kind.
    pub supported: bool,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

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
fn utf8_fits(bytes: &[u8], len: usize) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok_and(|s| s.chars().count() == len)
}

fn is_240_header(l: &[u8]) -> bool {
    l.len() >= 8
        && l.get(..3).is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && l.get(3..8) == Some(b"00000".as_slice())
}

/// A CNAB 240 batch header as the first line: a file that lost its file header.
fn is_240_batch_header(l: &[u8]) -> bool {
    l.len() >= 120
        && l.get(..7).is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && l.get(7) == Some(&b'1')
}

fn is_400_header(l: &[u8]) -> bool {
    l.first() == Some(&b'0') && l.len() >= 79 && !is_240_header(l)
}

fn digits_at(l: &[u8], a: usize, b: usize) -> Option<u16> {
    let s = l.get(a - 1..b)?;
    if !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(s).ok()?.parse().ok()
}

/// How many lines detection looks at for the batch operation and the first segments (the streaming reader holds
/// at most this many lines before it starts).
pub const DETECT_LINES: usize = 256;

/// Detects bank, layout and kind from the file's bytes.
///
/// CNAB 240: bank at 1-3; the kind from three witnesses, in this order of trust: the first detail segments (P/Q/R/S
/// remessa, T/U retorno), the first batch header's operation (position 9: `R` remessa, `T` retorno), the file
/// header's position 143 (1 remessa, 2 retorno). Segments (the kind most of them say) and operation are looked for
/// in the first [`DETECT_LINES`] lines. When the witnesses disagree the reader reports it ([`ErrorKind::KindConflict`]) and reads
/// by the segments. CNAB 400: kind at 2 (1 remessa, 2 retorno) or the literal at 3-9, bank at 77-79 — or, in a
/// retorno whose details the header bank's table does not fit, the one other bank whose tables fit the whole file
/// (reported as [`ErrorKind::HeaderBankConflict`]). A layout whose header opens with its own literal (BRB's "DCB"
/// remessa) is recognised by it.
///
/// ```
/// use cnab_core::{detect, Layout, FileKind};
/// let mut header = String::from("34100000         2");
/// header.push_str(&" ".repeat(142 - header.len()));
/// header.push('2');
/// header.push_str(&" ".repeat(240 - header.len()));
/// let d = detect(header.as_bytes()).unwrap();
/// assert_eq!((d.bank.code(), d.layout, d.kind), (341, Layout::Cnab240, FileKind::Retorno));
/// ```
pub fn detect(bytes: &[u8]) -> Result<Detected> {
    let lines = split_lines(bytes);
    detect_lines(&lines.lines)
}

pub(crate) fn detect_lines(lines: &[(&[u8], LineEnding)]) -> Result<Detected> {
    detect_full(lines, None, None).map(|(d, _)| d)
}

/// Detection with the disagreements it found (problems for the reader to report). `default_kind` is used when no
/// witness tells the kind (a reader that knows what it expects); without it that is an error.
pub(crate) fn detect_full(
    lines: &[(&[u8], LineEnding)],
    default_kind: Option<FileKind>,
    bank_hint: Option<Bank>,
) -> Result<(Detected, Vec<Error>)> {
    let first = lines
        .first()
        .map(|(l, _)| *l)
        .ok_or_else(|| Error::new(ErrorKind::Empty))?;
    // A header re-encoded to UTF-8 (accents in the company name) is read at its Windows-1252 positions.
    let transcoded = [240, 400]
        .into_iter()
        .find(|&len| utf8_fits(first, len))
        .map(|len| fit_line(first, len));
    let first: &[u8] = transcoded.as_deref().unwrap_or(first);
    let mut notes = Vec::new();
    if let Some((code, spec)) = literal_header(first) {
        // A layout whose header opens with its own literal (BRB's "DCB" remessa) is that layout, whatever else the
        // line holds; its version is the header's layout field.
        let version = spec
            .record(RecordKey::FileHeader)
            .and_then(|l| l.by_role(Role::LayoutVersao))
            .map(|f| String::from_utf8_lossy(f.slice(first)).trim().to_string())
            .unwrap_or_default();
        return Ok((
            Detected {
                bank: Bank::new(code),
                layout: spec.layout,
                kind: spec.kind,
                version,
                supported: true,
            },
            notes,
        ));
    }
    if first.len() == 400 && first.first() != Some(&b'0') && default_kind != Some(FileKind::Remessa)
    {
        // No header record: a retorno's details alone (a 400-byte line is no CNAB 240 record), read with the bank
        // given, or the one bank whose detail they fill; the engine reports the missing header.
        let banks = headerless_400_banks(first);
        let code = match (bank_hint, &banks[..]) {
            (Some(b), _) if banks.contains(&b.code()) => Some(b.code()),
            (None, [one]) => Some(*one),
            (None, [_, _, ..]) => {
                let list: Vec<String> = banks.iter().map(|b| format!("{b:03}")).collect();
                return Err(Error::at_line(
                    1,
                    ErrorKind::UnknownLayout {
                        reason: format!(
                            "no header record, and the first detail fits the CNAB 400 retorno of banks {}: \
                             give the bank",
                            list.join(", ")
                        ),
                    },
                ));
            }
            _ => None,
        };
        if let Some(code) = code {
            return Ok((
                Detected {
                    bank: Bank::new(code),
                    layout: Layout::Cnab400,
                    kind: FileKind::Retorno,
                    version: String::new(),
                    supported: true,
                },
                notes,
            ));
        }
    }
    if is_240_header(first) || is_240_batch_header(first) {
        let mut bank = digits_at(first, 1, 3).map(Bank::new).ok_or_else(|| {
            Error::at_line(
                1,
                ErrorKind::UnknownLayout {
                    reason: "no bank code at 1-3".into(),
                },
            )
        })?;
        if let Some(records) = records_bank(lines).filter(|&b| b != bank) {
            // A relabelled file: its records are another bank's. Read them with their bank's layout, and say so.
            let mut e = Error::at_line(
                1,
                ErrorKind::HeaderBankConflict {
                    header: bank.to_string(),
                    records: records.to_string(),
                },
            );
            e.columns = Some((1, 3));
            notes.push(e);
            bank = records;
        }
        let header = match (first.get(7), first.get(142)) {
            (Some(b'0'), Some(b'1')) => Some(FileKind::Remessa),
            (Some(b'0'), Some(b'2')) => Some(FileKind::Retorno),
            _ => None,
        };
        let (operation, segments) = kind_witnesses(lines);
        let kind = segments
            .map(|w| w.0)
            .or(operation.map(|w| w.0))
            .or(header)
            .or(default_kind)
            .ok_or_else(|| {
                Error::at_line(
                    1,
                    ErrorKind::UnknownKind {
                        reason:
                            "header position 143 is neither 1 nor 2 and no P/Q or T/U segments found"
                                .into(),
                    },
                )
            })?;
        let by = |w: Option<(FileKind, usize, u8)>, what: &str| {
            w.map(|(k, line, c)| format!("{what} {} at line {line} says {k}", char::from(c)))
        };
        let evidence = [
            header
                .filter(|&k| k != kind)
                .map(|k| format!("header position 143 says {k}")),
            operation
                .filter(|w| w.0 != kind)
                .and_then(|w| by(Some(w), "batch operation")),
        ];
        if evidence.iter().any(Option::is_some) {
            let mut all: Vec<String> = evidence.into_iter().flatten().collect();
            if let Some(s) = by(segments, "segment").or(by(operation, "batch operation")) {
                all.push(s);
            }
            let line = if header.is_some_and(|k| k != kind) {
                1
            } else {
                operation.map_or(1, |w| w.1)
            };
            let mut e = Error::at_line(
                line,
                ErrorKind::KindConflict {
                    evidence: all.join(", "),
                    chosen: kind.to_string(),
                },
            );
            if line == 1 {
                e.columns = Some((143, 143));
            }
            notes.push(e);
        }
        let version = first
            .get(163..166)
            .filter(|_| first.get(7) == Some(&b'0'))
            .map(|v| String::from_utf8_lossy(v).trim().to_string())
            .unwrap_or_default();
        let supported = bank
            .spec()
            .is_some_and(|s| s.supports(Layout::Cnab240, kind));
        return Ok((
            Detected {
                bank,
                layout: Layout::Cnab240,
                kind,
                version,
                supported,
            },
            notes,
        ));
    }
    if is_400_header(first) {
        let bank = digits_at(first, 77, 79).map(Bank::new).ok_or_else(|| {
            Error::at_line(
                1,
                ErrorKind::UnknownLayout {
                    reason: "CNAB 400 header without a bank code at 77-79".into(),
                },
            )
        })?;
        let literal = first.get(2..9).map(|s| s.to_ascii_uppercase());
        let kind = match (first.get(1), literal.as_deref()) {
            (Some(b'1'), _) => FileKind::Remessa,
            (Some(b'2'), _) => FileKind::Retorno,
            (_, Some(b"REMESSA")) => FileKind::Remessa,
            (_, Some(b"RETORNO")) => FileKind::Retorno,
            _ => match default_kind {
                Some(k) => k,
                None => {
                    return Err(Error::at_line(
                        1,
                        ErrorKind::UnknownKind {
                            reason: "CNAB 400 header position 2 is neither 1 nor 2".into(),
                        },
                    ))
                }
            },
        };
        let mut bank = bank;
        if kind == FileKind::Retorno && bank_hint.is_none() {
            if let Some(records) = details_bank_400(lines, bank) {
                // A relabelled file (a cooperative's retorno carrying its clearing bank's code): read with the
                // layout its details fit, and say so.
                let mut e = Error::at_line(
                    1,
                    ErrorKind::HeaderBankConflict {
                        header: bank.to_string(),
                        records: records.to_string(),
                    },
                );
                e.columns = Some((77, 79));
                notes.push(e);
                bank = records;
            }
        }
        let supported = bank
            .spec()
            .is_some_and(|s| s.supports(Layout::Cnab400, kind));
        return Ok((
            Detected {
                bank,
                layout: Layout::Cnab400,
                kind,
                version: String::new(),
                supported,
            },
            notes,
        ));
    }
    // Magic bytes open the file; a saved web page may start with blank lines.
    let start = lines
        .iter()
        .map(|(l, _)| *l)
        .find(|l| !l.trim_ascii().is_empty());
    let reason = match start.and_then(foreign_format) {
        Some(what) => format!("this is {what}"),
        None => format!(
            "the first line ({} bytes) is neither a CNAB 240 nor a CNAB 400 file header",
            first.len()
        ),
    };
    Err(Error::at_line(1, ErrorKind::UnknownLayout { reason }))
}

/// The bank and layout whose header literal ([`crate::bank::Framing::header_literal`]) opens this line.
fn literal_header(first: &[u8]) -> Option<(u16, &'static LayoutSpec)> {
    crate::banks::ALL.iter().find_map(|b| {
        b.layouts()
            .find(|s| {
                let lit = s.framing.header_literal.as_bytes();
                !lit.is_empty() && first.starts_with(lit)
            })
            .map(|s| (b.code, s))
    })
}

/// What a file that is not CNAB is, by its magic bytes: files users pick by mistake (the bank's PDF statement, a
/// spreadsheet, a saved web page, text saved as UTF-16 by a Windows editor). Only called once detection failed.
fn foreign_format(start: &[u8]) -> Option<&'static str> {
    // Signatures: PDF 1.7 (ISO 32000-1) §7.5.2 "%PDF-"; ZIP APPNOTE §4.3.7 local file header "PK\x03\x04" (an
    // .xlsx is a ZIP with an xl/ folder, ECMA-376 part 2); Compound File Binary (MS-CFB §2.2) D0 CF 11 E0 A1 B1 1A E1
    // for .xls; RFC 1952 gzip 1F 8B; Unicode byte order marks FF FE / FE FF for UTF-16.
    let trimmed = start
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(start)
        .trim_ascii_start();
    let lower: Vec<u8> = trimmed
        .iter()
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    if start.starts_with(b"%PDF-") {
        Some("a PDF file")
    } else if start.starts_with(b"PK\x03\x04") {
        let xlsx = start.windows(3).any(|w| w == b"xl/");
        Some(if xlsx {
            "an Excel workbook (.xlsx)"
        } else {
            "a ZIP archive (.zip, .docx, .xlsx): extract the CNAB file from it"
        })
    } else if start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some("an Excel 97-2003 workbook (.xls) or another OLE document")
    } else if start.starts_with(&[0x1F, 0x8B]) {
        Some("a gzip-compressed file: decompress it first")
    } else if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16 text (it starts with a byte order mark): save it as ASCII or Latin-1")
    } else if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        Some("an HTML page")
    } else {
        None
    }
}

/// How many of these lines detection reads: at most [`DETECT_LINES`].
fn detection_window(lines: &[(&[u8], LineEnding)]) -> usize {
    lines.len().min(DETECT_LINES)
}

/// CNAB 240: the bank code (1-3) of the records after the file header within the detection window, when there
/// are at least two and all agree.
fn records_bank(lines: &[(&[u8], LineEnding)]) -> Option<Bank> {
    if lines.first().and_then(|(l, _)| l.get(7)) != Some(&b'0') {
        return None;
    }
    let mut codes = lines
        .iter()
        .take(detection_window(lines))
        .skip(1)
        .filter(|(l, _)| matches!(l.get(7), Some(b'1' | b'3' | b'5')))
        .map(|(l, _)| digits_at(l, 1, 3));
    let first = codes.next()??;
    let mut n = 1;
    for c in codes {
        if c != Some(first) {
            return None;
        }
        n += 1;
    }
    (n >= 2).then(|| Bank::new(first))
}

/// A kind witness: the kind, the line that says it and the letter (operation or segment).
type Witness = Option<(FileKind, usize, u8)>;

/// The first batch operation (`R`/`T`) and the segments' kind within [`DETECT_LINES`] lines: the kind most
/// segments say (P/Q/R/S remessa, T/U retorno; the first to be seen on a tie), with its first segment.
fn kind_witnesses(lines: &[(&[u8], LineEnding)]) -> (Witness, Witness) {
    let mut operation = None;
    let (mut remessa, mut retorno): (Witness, Witness) = (None, None);
    let (mut n_remessa, mut n_retorno) = (0usize, 0usize);
    for (i, (l, _)) in lines.iter().enumerate().take(DETECT_LINES) {
        if l.get(7) == Some(&b'3') {
            match l.get(13) {
                Some(&c @ (b'P' | b'Q' | b'R' | b'S')) => {
                    n_remessa += 1;
                    remessa.get_or_insert((FileKind::Remessa, i + 1, c));
                }
                Some(&c @ (b'T' | b'U')) => {
                    n_retorno += 1;
                    retorno.get_or_insert((FileKind::Retorno, i + 1, c));
                }
                _ => {}
            }
        }
        if l.get(7) == Some(&b'1') && operation.is_none() {
            operation = match l.get(8) {
                Some(&c @ b'R') => Some((FileKind::Remessa, i + 1, c)),
                Some(&c @ b'T') => Some((FileKind::Retorno, i + 1, c)),
                _ => None,
            };
        }
    }
    let segments = match n_remessa.cmp(&n_retorno) {
        std::cmp::Ordering::Greater => remessa,
        std::cmp::Ordering::Less => retorno,
        std::cmp::Ordering::Equal => match (remessa, retorno) {
            (Some(a), Some(b)) => Some(if a.1 < b.1 { a } else { b }),
            (a, b) => a.or(b),
        },
    };
    (operation, segments)
}

/// The entry-starting record type (with a nosso número) most of the details within the first [`DETECT_LINES`]
/// lines have; the first seen on a tie. A layout's alternative detail types are not mixed in one file, so a detail
/// of another such type is a retyped record ([`ErrorKind::MixedDetailTypes`]), judged against the majority rather
/// than against whichever came first. The flag says the vote was a tie (then the first record of the winning type is
/// named too when another type shows up: either may be the retyped one).
fn detail_type_vote(spec: &LayoutSpec, lines: &[(&[u8], LineEnding)]) -> Option<(RecordKey, bool)> {
    let mut counts: Vec<(RecordKey, usize)> = Vec::new();
    for (l, _) in lines.iter().take(DETECT_LINES) {
        let Some(span) = classify(spec, l).and_then(|k| detail_span(spec, k)) else {
            continue;
        };
        match counts
            .iter_mut()
            .find(|(k, _)| detail_span(spec, *k) == Some(span))
        {
            Some((_, n)) => *n += 1,
            None => counts.extend(classify(spec, l).map(|k| (k, 1))),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    let tie = counts.iter().filter(|(_, n)| *n == best).count() > 1;
    counts
        .iter()
        .find(|(_, n)| *n == best)
        .map(|(k, _)| (*k, tie))
}

/// Where an entry-starting detail type keeps its nosso número: types that keep it at the same columns are variants
/// of one detail (Citibank's 1, 7 and 8) and mix freely; types that do not are a layout's alternatives (Banco do
/// Brasil's 7 and 1).
fn detail_span(spec: &LayoutSpec, key: RecordKey) -> Option<(u16, u16)> {
    if !spec.entry.iter().any(|e| e.key == key && e.starts) {
        return None;
    }
    spec.record(key)?
        .by_role(Role::NossoNumero)
        .map(|f| (f.start, f.end))
}

/// Picks the layout spec for a detected file. Unknown CNAB 240 banks are read with FEBRABAN's generic layout in
/// lenient mode (and reported as a problem); strict mode refuses them.
pub(crate) fn choose_spec(
    d: &Detected,
    lenient: bool,
    problems: &mut Vec<Error>,
) -> Result<&'static LayoutSpec> {
    if let Some(spec) = d
        .bank
        .spec()
        .and_then(|s| s.layout(d.layout, d.kind, &d.version))
    {
        return Ok(spec);
    }
    let hint = match d.layout {
        Layout::Cnab240 => "; a lenient read uses FEBRABAN's generic CNAB 240 layout".to_string(),
        Layout::Cnab400 => String::new(),
    };
    let err = Error::at_line(
        1,
        ErrorKind::UnknownBank {
            code: d.bank.to_string(),
            layout: d.layout.number(),
            hint,
        },
    );
    match (d.layout, lenient) {
        (Layout::Cnab240, true) => {
            problems.push(err);
            Ok(match d.kind {
                FileKind::Remessa => &crate::layouts::febraban240::REMESSA,
                FileKind::Retorno => &crate::layouts::febraban240::RETORNO,
            })
        }
        _ => Err(err),
    }
}

fn classify(spec: &LayoutSpec, line: &[u8]) -> Option<RecordKey> {
    let framing = &spec.framing;
    if !framing.header_literal.is_empty() && line.starts_with(framing.header_literal.as_bytes()) {
        return Some(RecordKey::FileHeader);
    }
    if framing.type_width == 2 {
        // Records typed "01", "02", …: the second character names the record; anything else is no record of the
        // layout (a line typed "1" or "9" is reported as unknown, not read as another record).
        return match line.get(..2)? {
            [b'0', t] if t.is_ascii_digit() && *t != b'0' => Some(RecordKey::Detail(*t)),
            _ => None,
        };
    }
    match spec.layout {
        Layout::Cnab240 => match line.get(7)? {
            b'0' => Some(RecordKey::FileHeader),
            b'1' => Some(RecordKey::BatchHeader),
            b'3' => Some(RecordKey::Segment(line.get(13)?.to_ascii_uppercase())),
            b'5' => Some(RecordKey::BatchTrailer),
            b'9' => Some(RecordKey::FileTrailer),
            _ => None,
        },
        Layout::Cnab400 => match line.first()? {
            b'0' => Some(RecordKey::FileHeader),
            b'9' => Some(RecordKey::FileTrailer),
            t => Some(RecordKey::Detail(*t)),
        },
    }
}

/// A CPF/CNPJ field: digits, and since July 2026 the alphanumeric CNPJ's capital letters (Receita Federal IN RFB
/// 2.229/2024), even where a manual still prints N(14); spaces pad it.
fn check_inscricao(raw: &[u8]) -> std::result::Result<(), ErrorKind> {
    crate::field::check_text(raw)?;
    if raw
        .iter()
        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || *b == b' ')
    {
        Ok(())
    } else {
        Err(ErrorKind::NotDigits {
            found: crate::field::lossy(raw),
        })
    }
}

/// Whether these bytes fill an entry-starting detail layout: its ocorrência/movimento code and its nosso número
/// are there, and at most one in ten of its other numbers, dates and constants (after the type byte) fails to
/// decode (a file may carry a few bad fields; an auxiliary record's text fails most of them).
fn detail_fits(layout: &RecordLayout, bytes: &[u8]) -> bool {
    let (mut nosso, mut code) = (false, false);
    let (mut typed, mut failed) = (0usize, 0usize);
    for f in layout.fields.iter().filter(|f| f.start > 1) {
        let raw = f.slice(bytes);
        match f.role {
            Some(Role::NossoNumero) => {
                nosso |= raw.iter().any(|b| b.is_ascii_alphanumeric() && *b != b'0')
            }
            Some(Role::Ocorrencia | Role::Movimento) => {
                code = !raw.is_empty() && raw.iter().all(u8::is_ascii_digit)
            }
            _ => {}
        }
        if matches!(f.kind, Kind::Num { .. } | Kind::Date(_) | Kind::Const(_)) {
            typed += 1;
            if crate::field::check(f, raw).is_err() {
                failed += 1;
            }
        }
    }
    nosso && code && failed * 10 <= typed
}

/// Whether a CNAB 400 detail line is an entry-starting retorno detail of one of this bank's tables: it fills the
/// table ([`detail_fits`]) and its nosso número, the entry's reconciliation key, decodes there.
fn bank_fits_400_detail(b: &crate::bank::BankSpec, line: &[u8]) -> bool {
    let Some(&t) = line.first() else {
        return false;
    };
    b.cnab400.iter().any(|s| {
        s.kind == FileKind::Retorno
            && s.entry.iter().any(|e| {
                e.starts
                    && e.key == RecordKey::Detail(t)
                    && s.record(e.key).is_some_and(|l| {
                        detail_fits(l, line)
                            && l.by_role(Role::NossoNumero)
                                .is_some_and(|f| crate::field::check(f, f.slice(line)).is_ok())
                    })
            })
    })
}

/// Whether a CNAB 400 header line decodes with one of this bank's retorno header tables: every field but the bank's
/// code and name (which a relabelled file changes).
fn bank_fits_400_header(b: &crate::bank::BankSpec, line: &[u8]) -> bool {
    b.cnab400
        .iter()
        .filter(|s| s.kind == FileKind::Retorno)
        .filter_map(|s| s.record(RecordKey::FileHeader))
        .any(|h| {
            h.fields
                .iter()
                .filter(|f| !matches!(f.role, Some(Role::BancoCodigo | Role::BancoNome)))
                .all(|f| crate::field::check(f, f.slice(line)).is_ok())
        })
}

/// CNAB 400 retorno: the bank whose layout the details fit when the header's bank's layout fits none of them.
///
/// A CNAB 400 detail carries no bank code, so a header naming the wrong bank (a cooperative's retorno carrying its
/// clearing bank's 001 in 77-79, Unicred's among them) would be read with the wrong table and its nosso número
/// would land in another field. Rule, over the detail lines within [`DETECT_LINES`] (types other than 0 and 9):
/// when the header bank has a CNAB 400 retorno table and it fits none of them ([`bank_fits_400_detail`]), while
/// exactly one other bank's tables fit the file — its header table decodes the header apart from the bank's code
/// and name ([`bank_fits_400_header`]) and its detail table fits every detail — that bank is read (the reader reports
/// [`ErrorKind::HeaderBankConflict`]). When several other banks fit (a damaged file of the header's bank often fits
/// the loosest tables), nothing says which: `None`, the header's bank stands and its table names what does not fit;
/// the caller may give the bank ([`ReadOptions::bank`]).
fn details_bank_400(lines: &[(&[u8], LineEnding)], header: Bank) -> Option<Bank> {
    let own = header
        .spec()
        .filter(|s| s.supports(Layout::Cnab400, FileKind::Retorno))?;
    let details: Vec<Cow<'_, [u8]>> = lines
        .iter()
        .take(detection_window(lines))
        .skip(1)
        .map(|(l, _)| *l)
        .filter(|l| !is_blank(l) && !matches!(l.first(), Some(b'0' | b'9')))
        .map(|l| fit_line(l, 400))
        .collect();
    if details.is_empty() || details.iter().any(|l| bank_fits_400_detail(own, l)) {
        return None;
    }
    let first = lines.first().map(|(l, _)| fit_line(l, 400))?;
    let fit: Vec<u16> = crate::banks::ALL
        .iter()
        .filter(|b| b.code != own.code)
        .filter(|b| bank_fits_400_header(b, &first))
        .filter(|b| details.iter().all(|l| bank_fits_400_detail(b, l)))
        .map(|b| b.code)
        .collect();
    match fit[..] {
        [one] => Some(Bank::new(one)),
        _ => None,
    }
}

/// CNAB 400 without a header record (the file starts with a detail): the banks whose retorno detail of this type
/// the line fills ([`detail_fits`]), with no field failing.
fn headerless_400_banks(line: &[u8]) -> Vec<u16> {
    let Some(&t) = line.first() else {
        return Vec::new();
    };
    let mut banks: Vec<u16> = Vec::new();
    for b in crate::banks::ALL {
        let fits = b.cnab400.iter().any(|s| {
            s.kind == FileKind::Retorno
                && s.entry.iter().any(|e| {
                    e.starts
                        && e.key == RecordKey::Detail(t)
                        && s.record(e.key).is_some_and(|l| {
                            detail_fits(l, line)
                                && l.fields
                                    .iter()
                                    .all(|f| crate::field::check(f, f.slice(line)).is_ok())
                        })
                })
        });
        if fits && !banks.contains(&b.code) {
            banks.push(b.code);
        }
    }
    banks
}

/// A finished unit of reading; the entry or title itself is pushed onto the engine's `entries` / `titulos`, so the
/// large model values are built in place rather than moved through return values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    Entry,
    Titulo,
}

/// The state machine shared by the in-memory and streaming readers: fed one line at a time.
///
/// Conservation checks (each a problem naming the line; strict reading stops at the first):
/// - record sequence numbers: CNAB 400 positions 395-400 over the file, CNAB 240 positions 9-13 within each batch
///   (FEBRABAN 240 v10.7 §3.2, "Nº Sequencial do Registro no Lote"). A number is accepted when it follows the
///   previous record's or matches the record's position, so one moved, missing or repeated record is reported once,
///   not on every record after it;
/// - CNAB 240: every record's lote (4-7) is its batch header's, every record's bank (1-3) the file header's;
/// - the records of an entry come in the order of the layout's entry table, each at most once (a segment U after
///   a U, a Y before the U, are problems, not parts of the entry); so an entry holds at most as many records as its
///   table lists (at most [`MAX_ENTRY_RECORDS`]), whatever the input;
/// - a detail record the layout defines but that is no part of this kind's entries (segment P in a retorno, T in a
///   remessa) is a problem, never an entry;
/// - CNAB 240: an entry lacks no record FEBRABAN makes mandatory (the U of a T, the Q of a P);
/// - CNAB 400: a continuation record (a type that does not start an entry) whose bytes are a complete
///   entry-starting record, with a nosso número and an ocorrência/movimento, is a detail whose type byte changed:
///   a problem, not a part of the previous entry;
/// - a blank line between records is a tolerated file defect ([`ErrorKind::BlankLine`]), not a record.
pub(crate) struct Engine<'a> {
    pub spec: &'static LayoutSpec,
    pub lenient: bool,
    /// Finished retorno entries.
    pub entries: Vec<RetornoEntry>,
    /// Finished remessa titles.
    pub titulos: Vec<Titulo>,
    pub problems: Vec<Error>,
    pub header: Header,
    pub keep_records: bool,
    /// Offset in `source` of the line being fed.
    at: Option<usize>,
    /// The whole input, shared by the kept records (in-memory reading).
    source: Option<std::sync::Arc<[u8]>>,
    pub records: Vec<RawRecord>,
    header_lines: Vec<(usize, &'static RecordLayout, Cow<'a, [u8]>)>,
    current: Vec<(usize, &'static RecordLayout, Cow<'a, [u8]>)>,
    /// Index in the entry table of the current entry's first and last record; which table rows it holds.
    current_first: usize,
    current_last: usize,
    current_has: u64,
    /// The file's entry-starting record type that carries a nosso número ([`detail_type_vote`], else the first).
    pub detail_type: Option<RecordKey>,
    /// Whether that type won a tied vote, and the line of its first record.
    pub detail_tie: bool,
    detail_type_line: Option<usize>,
    /// Whether a record that cannot follow the current entry's first was reported against it.
    current_disputed: bool,
    /// Field problems already reported for lines of the entries being assembled: (line, columns).
    entry_errs: Vec<(usize, Option<(u16, u16)>)>,
    seen_header: bool,
    seen_trailer: bool,
    /// The file trailer's line, until a record after it has been reported.
    trailer_line: Option<usize>,
    in_batch: bool,
    /// The lote number of the open batch's header (CNAB 240), which its records must repeat.
    batch_lote: Option<u64>,
    /// The file's bank code (CNAB 240 1-3, as detected), which every record must repeat.
    pub header_bank: Option<[u8; 3]>,
    /// The previous record's sequence number and the position of the record being fed (CNAB 400: in the file;
    /// CNAB 240: segments in the batch).
    seq_prev: Option<u64>,
    seg_index: u64,
    batch_records: u64,
    batches: u64,
    total: u64,
    last_line: usize,
    /// The line of the title whose company inscrição the header took (`None`: the header record's own).
    company_line: Option<usize>,
    /// A file without trailer: the header's declared record count, with its line, record and field.
    header_count: Option<(
        usize,
        &'static RecordLayout,
        &'static crate::field::FieldSpec,
        u64,
    )>,
}

/// The most records an entry holds. Each row of an entry table appears at most once, in order, except CNAB 240
/// segment Y (several optional records per title), so an entry is normally far smaller; a record beyond this limit
/// is reported ([`ErrorKind::SegmentOrder`]) and not held, so one segment T followed by a million Y lines costs
/// constant memory.
pub const MAX_ENTRY_RECORDS: usize = 64;

impl<'a> Engine<'a> {
    pub fn new(
        spec: &'static LayoutSpec,
        lenient: bool,
        problems: Vec<Error>,
        keep_records: bool,
    ) -> Self {
        Engine {
            spec,
            lenient,
            entries: Vec::new(),
            titulos: Vec::new(),
            problems,
            header: Header::default(),
            keep_records,
            source: None,
            at: None,
            records: Vec::new(),
            header_lines: Vec::new(),
            current: Vec::new(),
            current_first: 0,
            current_last: 0,
            current_has: 0,
            current_disputed: false,
            detail_type: None,
            detail_tie: false,
            detail_type_line: None,
            entry_errs: Vec::new(),
            seen_header: false,
            seen_trailer: false,
            trailer_line: None,
            in_batch: false,
            batch_lote: None,
            header_bank: None,
            seq_prev: None,
            seg_index: 0,
            batch_records: 0,
            batches: 0,
            total: 0,
            last_line: 0,
            header_count: None,
            company_line: None,
        }
    }

    fn problem(&mut self, e: Error) -> Result<()> {
        if self.lenient {
            self.problems.push(e);
            Ok(())
        } else {
            Err(e)
        }
    }

    fn problems_from(&mut self, found: Vec<Error>) -> Result<()> {
        for e in found {
            self.problem(e)?;
        }
        Ok(())
    }

    /// Feeds one line; returns a finished entry when this line closes one.
    pub fn feed(
        &mut self,
        line_no: usize,
        raw: Cow<'a, [u8]>,
        ending: LineEnding,
    ) -> Result<Option<Event>> {
        self.last_line = line_no;
        let blank = is_blank(&raw);
        let key = if blank {
            None
        } else {
            classify(self.spec, &raw)
        };
        let layout = key.and_then(|k| self.spec.record(k));
        // The record's own length (BRB's "DCB" header is 39 bytes), else the layout's.
        let len = layout.map_or(self.spec.layout.line_len(), |l| l.len);
        if self.keep_records {
            let rec = match (&self.source, self.at) {
                (Some(src), Some(at)) => {
                    RawRecord::shared(line_no, layout, src.clone(), at, at + raw.len(), ending)
                }
                _ => RawRecord::new(line_no, layout, raw.to_vec(), ending),
            };
            self.records.push(rec);
        }
        if blank {
            // Not a record: it counts toward no total and breaks no sequence.
            self.problem(Error::at_line(line_no, ErrorKind::BlankLine))?;
            return Ok(None);
        }
        if raw.len() != len && !utf8_fits(&raw, len) {
            self.problem(Error::at_line(
                line_no,
                ErrorKind::LineLength {
                    expected: len,
                    found: raw.len(),
                },
            ))?;
        }
        // Every line counts toward the trailers' totals, even one we cannot place.
        self.total += 1;
        if self.in_batch {
            self.batch_records += 1;
        }
        if matches!(key, Some(RecordKey::Segment(_))) {
            self.seg_index += 1;
        }
        let (Some(key), Some(layout)) = (key, layout) else {
            let found = match key {
                Some(k) => k.to_string(),
                None => String::from_utf8_lossy(raw.get(..14).unwrap_or(&raw)).into_owned(),
            };
            let layout_name = format!(
                "{} {} {}",
                self.spec.layout, self.spec.kind, self.spec.source
            );
            self.problem(Error::at_line(
                line_no,
                ErrorKind::UnknownRecord {
                    found,
                    layout: layout_name,
                },
            ))?;
            return Ok(None);
        };
        if self.seen_trailer {
            if let Some(trailer) = self.trailer_line.take() {
                self.problem(Error::at_line(
                    trailer,
                    ErrorKind::TrailerBeforeEnd { next_line: line_no },
                ))?;
            }
            self.problem(Error::at_line(
                line_no,
                ErrorKind::structure("record after the file trailer"),
            ))?;
        }
        if !self.seen_header && key != RecordKey::FileHeader {
            self.seen_header = true; // report once
            self.problem(Error::at_line(line_no, ErrorKind::MissingHeader))?;
        }
        let fitted: Cow<'a, [u8]> = match raw {
            Cow::Borrowed(b) => fit_line(b, len),
            Cow::Owned(v) if v.len() == len => Cow::Owned(v),
            Cow::Owned(v) => Cow::Owned(fit_line(&v, len).into_owned()),
        };
        let rec = Record {
            layout,
            bytes: &fitted,
            line: line_no,
        };
        if matches!(key, RecordKey::Segment(_) | RecordKey::Detail(_))
            && !self.spec.entry.iter().any(|e| e.key == key)
        {
            // A record of the layout that is no part of this kind's entries (a remessa segment in a retorno):
            // never an entry, and its fields are not this file's.
            self.problem(Error::at_line(
                line_no,
                ErrorKind::NotInEntry {
                    found: key.to_string(),
                    file_kind: self.spec.kind.to_string(),
                },
            ))?;
            return Ok(None);
        }
        // Every field of every record is checked here: strict reading means a valid file. (CPF/CNPJ may be
        // alphanumeric since July 2026, even where a manual still prints N(14).)
        let is_entry = matches!(key, RecordKey::Segment(_) | RecordKey::Detail(_));
        let mut errs = Vec::new();
        for f in layout.fields {
            let raw = f.slice(rec.bytes);
            let checked =
                if matches!(f.kind, Kind::Num { .. }) && crate::write::is_inscricao(f.role) {
                    check_inscricao(raw)
                } else {
                    crate::field::check(f, raw)
                };
            if let Err(k) = checked {
                if is_entry {
                    self.entry_errs.push((line_no, Some((f.start, f.end))));
                }
                errs.push(Error::at_field(line_no, layout.name, f, k));
            }
        }
        self.problems_from(errs)?;
        self.check_lote(&rec, key)?;
        self.check_bank(&rec, key)?;
        self.check_sequence(&rec, key)?;
        match key {
            RecordKey::FileHeader => {
                if self.seen_header && self.total > 1 {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("second file header"),
                    ))?;
                }
                self.seen_header = true;
                if !self.spec.framing.file_trailer {
                    // No trailer: the header declares the file's record count (header included).
                    self.header_count = layout.by_role(Role::QtdRegistros).and_then(|f| {
                        let n = crate::field::decode_digits(f.slice(rec.bytes)).ok()??;
                        Some((line_no, layout, f, n.parse().ok()?))
                    });
                }
                self.header_lines.push((line_no, layout, fitted));
                Ok(None)
            }
            RecordKey::BatchHeader => {
                let out = self.flush()?;
                if self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("batch header inside a batch (missing batch trailer)"),
                    ))?;
                }
                self.in_batch = true;
                self.batches += 1;
                self.batch_records = 1;
                self.seq_prev = Some(0);
                self.seg_index = 0;
                if self.batches == 1 {
                    self.header_lines.push((line_no, layout, fitted));
                }
                Ok(out)
            }
            RecordKey::BatchTrailer => {
                let out = self.flush()?;
                if !self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("batch trailer without a batch header"),
                    ))?;
                }
                self.check_count(
                    &rec,
                    Role::QtdRegistros,
                    self.batch_records,
                    "records in the batch",
                )?;
                self.in_batch = false;
                self.seq_prev = None;
                self.seg_index = 0;
                Ok(out)
            }
            RecordKey::FileTrailer => {
                let out = self.flush()?;
                if self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure("file trailer inside a batch (missing batch trailer)"),
                    ))?;
                }
                if !self.seen_trailer {
                    self.trailer_line = Some(line_no);
                }
                self.seen_trailer = true;
                match self.spec.layout {
                    Layout::Cnab240 => {
                        self.check_count(&rec, Role::QtdLotes, self.batches, "batches")?;
                        self.check_count(
                            &rec,
                            Role::QtdRegistros,
                            self.total,
                            "records in the file",
                        )?;
                    }
                    Layout::Cnab400 => {
                        self.check_count(
                            &rec,
                            Role::Sequencial,
                            self.total,
                            "records in the file",
                        )?;
                    }
                }
                Ok(out)
            }
            RecordKey::Segment(_) | RecordKey::Detail(_) => {
                if self.spec.layout == Layout::Cnab240 && !self.in_batch {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure(format!("{key} outside a batch")),
                    ))?;
                }
                let Some(pos) = self.spec.entry.iter().position(|e| e.key == key) else {
                    return Ok(None); // reported before its fields
                };
                // CNAB 400: a record without a nosso número of its own (a raw auxiliary or continuation record)
                // whose bytes are a complete entry-starting record is a detail whose type byte changed.
                if self.spec.layout == Layout::Cnab400
                    && layout.by_role(Role::NossoNumero).is_none()
                    && self.retyped(key, &fitted, line_no)?
                {
                    return Ok(None);
                }
                let starts = self.spec.entry.get(pos).is_some_and(|e| e.starts);
                if starts && layout.by_role(Role::NossoNumero).is_some() {
                    match self.detail_type {
                        None => {
                            self.detail_type = Some(key);
                            self.detail_type_line = Some(line_no);
                        }
                        Some(first)
                            if detail_span(self.spec, first) != detail_span(self.spec, key) =>
                        {
                            if let Some(l) = self.detail_type_line.filter(|_| self.detail_tie) {
                                self.detail_tie = false;
                                self.problem(Error::at_line(
                                    l,
                                    ErrorKind::MixedDetailTypes {
                                        found: first.to_string(),
                                        first: key.to_string(),
                                    },
                                ))?;
                            }
                            self.problem(Error::at_line(
                                line_no,
                                ErrorKind::MixedDetailTypes {
                                    found: key.to_string(),
                                    first: first.to_string(),
                                },
                            ))?;
                            return Ok(None);
                        }
                        Some(_) => {
                            if self.detail_type_line.is_none() {
                                self.detail_type_line = Some(line_no);
                            }
                        }
                    }
                }
                if starts {
                    // A new entry where the current one still lacks a mandatory record: this record may be the
                    // missing one with its segment letter changed, so it is named too.
                    if !self.current.is_empty() && !self.current_disputed {
                        if let Some(missing) = self.missing_record(usize::MAX) {
                            self.problem(Error::at_line(
                                line_no,
                                ErrorKind::SkippedRecord {
                                    found: key.to_string(),
                                    missing: missing.to_string(),
                                },
                            ))?;
                        }
                    }
                    let out = self.flush()?;
                    self.current.push((line_no, layout, fitted));
                    self.current_first = pos;
                    self.current_last = pos;
                    self.current_has = 1 << (pos % 64);
                    self.current_disputed = false;
                    return Ok(out);
                }
                if self.current.is_empty() {
                    let first = self
                        .spec
                        .entry
                        .iter()
                        .find(|e| e.starts)
                        .map(|e| e.key.to_string())
                        .unwrap_or_default();
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::structure(format!("{key} without a preceding {first}")),
                    ))?;
                    return Ok(None);
                }
                // FEBRABAN 240 (v10.7, "Segmento Y - Registros Opcionais"): a title may carry several Y records,
                // one per identificação (Y-01 sacador, Y-03 Pix, Y-04 e-mail, Y-50 rateio, …).
                let repeats = key == RecordKey::Segment(b'Y') && pos == self.current_last;
                if (pos <= self.current_last && !repeats) || self.current.len() >= MAX_ENTRY_RECORDS
                {
                    let after = self
                        .spec
                        .entry
                        .get(self.current_last)
                        .map(|e| e.key.to_string())
                        .unwrap_or_default();
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::SegmentOrder {
                            found: key.to_string(),
                            after: after.clone(),
                        },
                    ))?;
                    if !self.current_disputed {
                        // The record it follows may be the damaged one: name it too, once per entry.
                        self.current_disputed = true;
                        let prev_line = self.current.last().map_or(0, |c| c.0);
                        self.problem(Error::at_line(
                            prev_line,
                            ErrorKind::EntryFollowedBy {
                                record: after.clone(),
                                found: key.to_string(),
                                found_line: line_no,
                            },
                        ))?;
                    }
                    return Ok(None);
                }
                if self.spec.layout == Layout::Cnab400
                    && layout.by_role(Role::NossoNumero).is_some()
                    && self.retyped(key, &fitted, line_no)?
                {
                    return Ok(None);
                }
                if let Some(missing) = self.missing_record(pos) {
                    self.problem(Error::at_line(
                        line_no,
                        ErrorKind::SkippedRecord {
                            found: key.to_string(),
                            missing: missing.to_string(),
                        },
                    ))?;
                    self.current_disputed = true;
                }
                self.current.push((line_no, layout, fitted));
                self.current_last = pos;
                self.current_has |= 1 << (pos % 64);
                Ok(None)
            }
        }
    }

    /// CNAB 400: the entry-starting record whose layout these bytes fill ([`detail_fits`]).
    /// CNAB 400: whether a record of type `key` holds, byte for byte, a complete entry-starting record (a detail
    /// whose type byte changed); reported as `retyped_record` when it does.
    fn retyped(&mut self, key: RecordKey, bytes: &[u8], line_no: usize) -> Result<bool> {
        let Some(fits) = self.starting_record_fit(bytes) else {
            return Ok(false);
        };
        self.problem(Error::at_line(
            line_no,
            ErrorKind::RetypedRecord {
                found: key.to_string(),
                fits: fits.to_string(),
            },
        ))?;
        Ok(true)
    }

    fn starting_record_fit(&self, bytes: &[u8]) -> Option<RecordKey> {
        self.spec
            .entry
            .iter()
            .filter(|e| e.starts)
            .find(|e| {
                self.spec
                    .record(e.key)
                    .is_some_and(|l| detail_fits(l, bytes))
            })
            .map(|e| e.key)
    }

    /// CNAB 240: every record repeats the file header's bank code (positions 1-3).
    fn check_bank(&mut self, rec: &Record<'_>, key: RecordKey) -> Result<()> {
        if self.spec.layout != Layout::Cnab240 {
            return Ok(());
        }
        let Some(spec) = rec.layout.by_role(Role::BancoCodigo) else {
            return Ok(());
        };
        let raw = spec.slice(rec.bytes);
        if !raw.iter().all(u8::is_ascii_digit) {
            return Ok(()); // reported as a field problem
        }
        let Ok(code) = <[u8; 3]>::try_from(raw) else {
            return Ok(());
        };
        if key == RecordKey::FileHeader {
            // The header's own code was compared with its records' at detection.
            return Ok(());
        }
        match self.header_bank {
            Some(h) if h != code => self.problem(Error::at_field(
                rec.line,
                rec.layout.name,
                spec,
                ErrorKind::BankMismatch {
                    found: crate::field::lossy(&code),
                    header: crate::field::lossy(&h),
                },
            )),
            _ => Ok(()),
        }
    }

    /// Record sequence numbers (the trailer's is its record count, checked with the other counts).
    fn check_sequence(&mut self, rec: &Record<'_>, key: RecordKey) -> Result<()> {
        let index = match (self.spec.layout, key) {
            (_, RecordKey::FileTrailer | RecordKey::BatchTrailer) => return Ok(()),
            (Layout::Cnab400, _) => self.total,
            (Layout::Cnab240, RecordKey::Segment(_)) => self.seg_index,
            (Layout::Cnab240, _) => return Ok(()),
        };
        let Some(spec) = rec.layout.by_role(Role::Sequencial) else {
            return Ok(());
        };
        let found = match crate::field::decode_digits(spec.slice(rec.bytes)) {
            Ok(Some(d)) => d.parse::<u64>().ok(),
            _ => None,
        };
        let Some(found) = found else {
            // Reported as a field problem; the next record is checked against its position.
            self.seq_prev = None;
            return Ok(());
        };
        let expected = self.seq_prev.map_or(index, |p| p + 1);
        self.seq_prev = Some(found);
        if found != expected && found != index {
            self.problem(Error::at_field(
                rec.line,
                rec.layout.name,
                spec,
                ErrorKind::Sequence { found, expected },
            ))?;
        }
        Ok(())
    }

    /// CNAB 240: a batch header opens lote N; its segments and trailer must carry the same N.
    fn check_lote(&mut self, rec: &Record<'_>, key: RecordKey) -> Result<()> {
        if self.spec.layout != Layout::Cnab240 {
            return Ok(());
        }
        let Some(spec) = rec.layout.by_role(Role::Lote) else {
            return Ok(());
        };
        let Ok(Some(found)) = crate::field::decode_digits(spec.slice(rec.bytes)) else {
            return Ok(());
        };
        let found: u64 = found.parse().unwrap_or(0);
        match key {
            RecordKey::BatchHeader => self.batch_lote = Some(found),
            RecordKey::Segment(_) | RecordKey::BatchTrailer => {
                if let Some(expected) = self.batch_lote.filter(|&n| n != found && self.in_batch) {
                    self.problem(Error::at_field(
                        rec.line,
                        rec.layout.name,
                        spec,
                        ErrorKind::structure(format!(
                            "lote {found:04} in a batch whose header says lote {expected:04}"
                        )),
                    ))?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn check_count(
        &mut self,
        rec: &Record<'_>,
        role: Role,
        counted: u64,
        what: &str,
    ) -> Result<()> {
        let Some(spec) = rec.layout.by_role(role) else {
            return Ok(());
        };
        let raw = spec.slice(rec.bytes);
        let Ok(Some(declared)) = crate::field::decode_digits(raw) else {
            return Ok(());
        };
        let declared: u64 = declared.parse().unwrap_or(0);
        if declared != counted {
            self.problem(Error::at_field(
                rec.line,
                rec.layout.name,
                spec,
                ErrorKind::TrailerCount {
                    declared: format!("{declared} {what}"),
                    counted: counted.to_string(),
                },
            ))?;
        }
        Ok(())
    }

    /// CNAB 240: the records FEBRABAN makes mandatory after the entry's first (U after T, Q after P): the rows of
    /// the entry table written always, up to the next row that starts an entry.
    fn missing_record(&self, before: usize) -> Option<RecordKey> {
        if self.spec.layout != Layout::Cnab240 {
            return None;
        }
        self.spec
            .entry
            .iter()
            .enumerate()
            .take(before)
            .skip(self.current_first + 1)
            .take_while(|(_, e)| !e.starts)
            .find(|(i, e)| {
                e.emit == crate::bank::Emit::Always && self.current_has & (1 << (i % 64)) == 0
            })
            .map(|(_, e)| e.key)
    }

    /// Closes the current entry.
    pub fn flush(&mut self) -> Result<Option<Event>> {
        if !self.header_lines.is_empty() {
            self.finish_header();
        }
        if self.current.is_empty() {
            return Ok(None);
        }
        if let Some(missing) = self
            .missing_record(usize::MAX)
            .filter(|_| !self.current_disputed)
        {
            let first_line = self.current.first().map_or(0, |c| c.0);
            let first = self
                .spec
                .entry
                .get(self.current_first)
                .map(|e| e.key.to_string())
                .unwrap_or_default();
            self.problem(Error::at_line(
                first_line,
                ErrorKind::IncompleteEntry {
                    first,
                    missing: missing.to_string(),
                },
            ))?;
        }
        if self.header.layout_versao.is_empty() {
            // A layout whose variants differ by their detail record (BB CBR640 / CBR641): name the one read.
            if let Some(key) = self.spec.entry.get(self.current_first).map(|e| e.key) {
                if let Some((_, name)) = self.spec.variants.iter().find(|(k, _)| *k == key) {
                    self.header.layout_versao = (*name).to_string();
                }
            }
        }
        let lines = std::mem::take(&mut self.current);
        let first_line = lines.first().map_or(0, |c| c.0);
        let last_line = lines.last().map_or(0, |c| c.0);
        let records: Vec<Record<'_>> = lines
            .iter()
            .map(|(n, l, b)| Record {
                layout: l,
                bytes: b,
                line: *n,
            })
            .collect();
        let mut found = Vec::new();
        let ev = match self.spec.kind {
            FileKind::Retorno => {
                self.entries
                    .push(normalize::retorno_entry(self.spec, &records, &mut found));
                Event::Entry
            }
            FileKind::Remessa => {
                self.titulos
                    .push(normalize::titulo(self.spec, &records, &mut found));
                self.company_on_titles(&records, &mut found);
                Event::Titulo
            }
        };
        drop(records);
        // Keep the buffer's capacity for the next entry.
        let mut lines = lines;
        lines.clear();
        self.current = lines;
        // Field problems were reported when the lines were fed; the model's decoding finds them again.
        if !self.entry_errs.is_empty() {
            self.entry_errs.retain(|(l, _)| *l >= first_line);
            let seen = &self.entry_errs;
            found.retain(|e| !seen.contains(&(e.line, e.columns)));
            self.entry_errs.retain(|(l, _)| *l > last_line);
        }
        self.problems_from(found)?;
        Ok(Some(ev))
    }

    /// CNAB 400 remessas of several banks (Itaú, Santander, Caixa, BB, … positions 2-17 of the detail) repeat the
    /// company's CPF/CNPJ on every title, while the model keeps it once, in `header.beneficiario.inscricao`. A
    /// title's inscrição fills the header's when the header record has none (some headers have no such field,
    /// others leave it zero); one that differs from it is a problem on the title's line naming where the other
    /// came from (a remessa is one company's: the model would otherwise keep one number for all), never silently
    /// dropped. Which of the two is wrong the file does not say, so it is a structure problem, like a count.
    fn company_on_titles(&mut self, records: &[Record<'_>], problems: &mut Vec<Error>) {
        for r in records {
            let Some(f) = r.layout.by_role(Role::EmpresaInscricao) else {
                continue;
            };
            let numero = crate::field::decode_text(f.slice(r.bytes))
                .trim()
                .to_string();
            let significant = numero.trim_start_matches('0');
            if significant.is_empty() {
                continue;
            }
            let tipo = r
                .layout
                .by_role(Role::EmpresaTipoInscricao)
                .and_then(|t| crate::field::decode_digits(t.slice(r.bytes)).ok().flatten())
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|t| matches!(t, 1 | 2));
            let b = &mut self.header.beneficiario.inscricao;
            if b.numero.trim_start_matches('0').is_empty() {
                b.numero = numero;
                normalize::unpad_inscricao(&mut b.numero, tipo.or(b.tipo));
                if b.tipo.is_none() {
                    b.tipo = tipo;
                }
                self.company_line = Some(r.line);
            } else if b.numero.trim_start_matches('0') != significant {
                let from = match self.company_line {
                    Some(l) => format!("line {l}'s"),
                    None => "the header's".to_string(),
                };
                problems.push(Error::at_field(
                    r.line,
                    r.layout.name,
                    f,
                    ErrorKind::structure(format!(
                        "company inscrição {numero} differs from {from} {} (a remessa is one company's)",
                        b.numero
                    )),
                ));
            }
        }
    }

    fn finish_header(&mut self) {
        let lines = std::mem::take(&mut self.header_lines);
        let records: Vec<Record<'_>> = lines
            .iter()
            .map(|(n, l, b)| Record {
                layout: l,
                bytes: b,
                line: *n,
            })
            .collect();
        let mut found = Vec::new();
        normalize::header(&records, &mut self.header, &mut found);
        // Field problems were reported when the lines were fed.
    }

    /// End of input: closes the last entry and checks the file ended with its trailer.
    pub fn finish(&mut self) -> Result<Option<Event>> {
        // A missing trailer first: a truncated file is the likeliest reason of what else is missing.
        if !self.seen_header {
            self.problem(Error::new(ErrorKind::Empty))?;
        } else if !self.seen_trailer && self.spec.framing.file_trailer {
            self.problem(Error::at_line(self.last_line, ErrorKind::MissingTrailer))?;
        }
        if let Some((line, layout, f, declared)) = self.header_count.take() {
            if declared != self.total {
                self.problem(Error::at_field(
                    line,
                    layout.name,
                    f,
                    ErrorKind::HeaderCount {
                        declared,
                        counted: self.total,
                    },
                ))?;
            }
        }
        self.flush()
    }
}

/// A file read into the model: a retorno or a remessa.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CnabFile {
    /// A retorno.
    Retorno(Retorno),
    /// A remessa.
    Remessa(Remessa),
}

/// Bytes around the records (a BOM, a trailing 0x1A, blank lines) kept for byte-exact writing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Envelope {
    /// Bytes before the first record.
    pub prefix: Vec<u8>,
    /// Bytes after the last record.
    pub suffix: Vec<u8>,
}

/// What a reader starts from: what was detected, the spec to read with, the problems so far and the bank code
/// every CNAB 240 record must carry.
type Prepared = (Detected, &'static LayoutSpec, Vec<Error>, Option<[u8; 3]>);

/// Detection and spec choice shared by the whole-file and streaming readers: what to read with, and the problems
/// found so far (in strict mode the first of them is the error).
fn prepare(
    lines: &[(&[u8], LineEnding)],
    opts: ReadOptions,
    default_kind: Option<FileKind>,
) -> Result<Prepared> {
    let (mut d, mut problems) = detect_full(lines, opts.kind.or(default_kind), opts.bank)?;
    let bank_code = bank_ref(&d);
    if let Some(b) = opts.bank {
        d.bank = b;
        problems.retain(|e| !matches!(e.kind, ErrorKind::HeaderBankConflict { .. }));
    }
    if let Some(l) = opts.layout {
        d.layout = l;
    }
    if let Some(k) = opts.kind {
        d.kind = k;
        problems.retain(|e| !matches!(e.kind, ErrorKind::KindConflict { .. }));
    }
    if !opts.lenient {
        if let Some(e) = problems.first() {
            return Err(e.clone());
        }
    }
    let mut spec = match opts.spec {
        Some(s) => s,
        None => choose_spec(&d, opts.lenient, &mut problems)?,
    };
    if opts.spec.is_none() && d.version.is_empty() && !spec.variants.is_empty() {
        // A header that states no version (BB CNAB 400): the variant the details are (CBR640 tipo 1, CBR641 tipo
        // 7) picks the bank's table for it, when it has one, so every field of that variant reaches the model.
        let variant = detail_type_vote(spec, lines)
            .and_then(|(k, _)| spec.variants.iter().find(|(v, _)| *v == k))
            .map(|(_, name)| *name);
        if let Some(name) = variant {
            if let Some(alt) = d
                .bank
                .spec()
                .and_then(|b| b.layout(spec.layout, spec.kind, name))
                .filter(|alt| alt.versions.contains(&name))
            {
                spec = alt;
            }
        }
    }
    d.layout = spec.layout;
    d.kind = spec.kind;
    Ok((d, spec, problems, bank_code))
}

fn run(
    bytes: &[u8],
    opts: ReadOptions,
    default_kind: Option<FileKind>,
) -> Result<(Detected, Engine<'_>, Envelope)> {
    let lines = split_lines(bytes);
    let (d, spec, problems, bank_code) = prepare(&lines.lines, opts, default_kind)?;
    let mut engine = Engine::new(spec, opts.lenient, problems, true);
    engine.header_bank = bank_code;
    if let Some((k, tie)) = detail_type_vote(spec, &lines.lines) {
        engine.detail_type = Some(k);
        engine.detail_tie = tie;
    }
    engine.records.reserve(lines.lines.len());
    engine.source = Some(std::sync::Arc::from(bytes));
    match spec.kind {
        FileKind::Retorno => engine.entries.reserve(lines.lines.len() / 2),
        FileKind::Remessa => engine.titulos.reserve(lines.lines.len() / 2),
    }
    for (i, (line, ending)) in lines.lines.iter().enumerate() {
        engine.at = lines.starts.get(i).copied();
        engine.feed(i + 1, Cow::Borrowed(line), *ending)?;
    }
    engine.finish()?;
    let env = Envelope {
        prefix: lines.prefix.to_vec(),
        suffix: lines.suffix.to_vec(),
    };
    Ok((d, engine, env))
}

/// The bank code every CNAB 240 record must carry: the detected one (the header's, or its records' when they
/// agree against it).
fn bank_ref(d: &Detected) -> Option<[u8; 3]> {
    <[u8; 3]>::try_from(d.bank.to_string().as_bytes()).ok()
}

fn into_file(d: &Detected, engine: Engine<'_>) -> CnabFile {
    match d.kind {
        FileKind::Retorno => CnabFile::Retorno(Retorno {
            bank: d.bank,
            layout: d.layout,
            header: engine.header,
            entries: engine.entries,
            records: engine.records,
            problems: engine.problems,
        }),
        FileKind::Remessa => CnabFile::Remessa(Remessa {
            bank: Some(d.bank),
            header: engine.header,
            titulos: engine.titulos,
            records: engine.records,
            problems: engine.problems,
        }),
    }
}

/// Reads a whole file (retorno or remessa, detected) into the model, plus the bytes around its records.
pub fn read_with_envelope(bytes: &[u8], opts: ReadOptions) -> Result<(CnabFile, Envelope)> {
    let (d, engine, env) = run(bytes, opts, None)?;
    Ok((into_file(&d, engine), env))
}

/// Reads a whole file (retorno or remessa, detected) into the model.
pub fn read(bytes: &[u8], opts: ReadOptions) -> Result<CnabFile> {
    read_with_envelope(bytes, opts).map(|(f, _)| f)
}

/// Reads a retorno. The kind is detected as [`read`] detects it (a file that does not say is read as a retorno);
/// a remessa is refused with [`ErrorKind::WrongFileKind`] unless `opts.kind` forces the reading.
///
/// ```
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/341-itau/cnab240/retorno/retorno.ret")).unwrap();
/// let ret = cnab_core::read_retorno(&bytes, cnab_core::ReadOptions::strict()).unwrap();
/// assert_eq!(ret.bank.code(), 341);
/// assert!(!ret.entries.is_empty());
/// ```
pub fn read_retorno(bytes: &[u8], opts: ReadOptions) -> Result<Retorno> {
    let (d, engine, _) = run(bytes, opts, Some(FileKind::Retorno))?;
    match into_file(&d, engine) {
        CnabFile::Retorno(r) => Ok(r),
        CnabFile::Remessa(_) => Err(wrong_kind(FileKind::Retorno, FileKind::Remessa)),
    }
}

/// Reads a remessa back into the model; a retorno is refused as [`read_retorno`] refuses a remessa.
pub fn read_remessa(bytes: &[u8], opts: ReadOptions) -> Result<Remessa> {
    let (d, engine, _) = run(bytes, opts, Some(FileKind::Remessa))?;
    match into_file(&d, engine) {
        CnabFile::Remessa(r) => Ok(r),
        CnabFile::Retorno(_) => Err(wrong_kind(FileKind::Remessa, FileKind::Retorno)),
    }
}

fn wrong_kind(expected: FileKind, found: FileKind) -> Error {
    Error::at_line(
        1,
        ErrorKind::WrongFileKind {
            expected: expected.to_string(),
            found: found.to_string(),
        },
    )
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
fn read_line_limited<R: BufRead>(
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
        if let Some(pos) = avail.iter().position(|&b| b == b'\n' || b == b'\r') {
            if buf.len() + pos > limit {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "line too long",
                ));
            }
            buf.extend_from_slice(avail.get(..pos).unwrap_or(&[]));
            let is_cr = avail.get(pos) == Some(&b'\r');
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
struct StreamLines<R: BufRead> {
    src: R,
    buf: Vec<u8>,
    /// Lines read so far.
    line: usize,
    /// A run of blank lines not yet passed on: first line number and count.
    run: Option<(usize, usize)>,
    /// The record line that ended a blank run, passed on after the run.
    held: Option<(usize, Vec<u8>, LineEnding)>,
    /// The first line's bytes when it is blank (detection reports it as it is).
    first_blank: Vec<u8>,
}

impl<R: BufRead> StreamLines<R> {
    fn next_line(&mut self) -> Result<Option<(usize, Vec<u8>, LineEnding)>> {
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
            let Some(ending) = read_line_limited(&mut self.src, &mut self.buf, limit)
                .map_err(|e| Error::at_line(self.line + 1, io_kind(e)))?
            else {
                return Ok(None); // a blank run at the end is the suffix
            };
            self.line += 1;
            if self.line == 1 {
                if let Some(rest) = self.buf.strip_prefix(UTF8_BOM) {
                    self.buf = rest.to_vec();
                }
            }
            if is_blank(&self.buf) {
                if self.line == 1 {
                    self.first_blank = self.buf.clone();
                }
                self.run = Some(match self.run {
                    Some((first, n)) => (first, n + 1),
                    None => (self.line, 1),
                });
                continue;
            }
            let line = (self.line, self.buf.clone(), ending);
            if self.run.is_some() {
                self.held = Some(line);
                continue;
            }
            return Ok(Some(line));
        }
    }
}

/// Reads retorno entries one at a time from any `BufRead`, in constant memory, yielding exactly what [`read_retorno`]
/// yields for the same bytes: the same detection (the first [`DETECT_LINES`] lines are held to see the batch
/// operation and the first segments), the same entries, the same problems ([`RetornoReader::problems`]) and, in
/// strict mode, the same first error. It holds one line buffer, the records of the entry being assembled (at most
/// [`MAX_ENTRY_RECORDS`]) and the count of a run of blank lines. Lines longer than [`MAX_LINE`] are rejected without
/// being read whole. A remessa is refused with [`ErrorKind::WrongFileKind`].
///
/// ```
/// let f = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/341-itau/cnab240/retorno/retorno.ret")).unwrap();
/// let reader = cnab_core::RetornoReader::new(std::io::BufReader::new(f), cnab_core::ReadOptions::strict()).unwrap();
/// let n = reader.count();
/// assert!(n > 0);
/// ```
pub struct RetornoReader<R: BufRead>(Stream<R>);

/// Reads remessa titles one at a time from any `BufRead`, as [`RetornoReader`] reads retorno entries: what
/// [`read_remessa`] yields for the same bytes, in constant memory; a retorno is refused with
/// [`ErrorKind::WrongFileKind`].
///
/// ```
/// let f = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/341-itau/cnab240/remessa/remessa.rem")).unwrap();
/// let reader = cnab_core::read::RemessaReader::new(std::io::BufReader::new(f), cnab_core::ReadOptions::strict()).unwrap();
/// assert!(reader.count() > 0);
/// ```
pub struct RemessaReader<R: BufRead>(Stream<R>);

/// The streaming engine behind [`RetornoReader`] and [`RemessaReader`].
struct Stream<R: BufRead> {
    lines: StreamLines<R>,
    engine: Engine<'static>,
    /// Lines read for detection, not yet fed.
    head: std::collections::VecDeque<(usize, Vec<u8>, LineEnding)>,
    /// An error met while reading ahead for detection, given after the lines read before it.
    head_err: Option<Error>,
    done: bool,
    detected: Detected,
}

impl<R: BufRead> Stream<R> {
    /// Reads up to [`DETECT_LINES`] lines to detect bank, layout and kind; refuses the other kind.
    fn new(src: R, opts: ReadOptions, kind: FileKind) -> Result<Self> {
        let mut lines = StreamLines {
            src,
            buf: Vec::with_capacity(512),
            line: 0,
            run: None,
            held: None,
            first_blank: Vec::new(),
        };
        let mut head = Vec::new();
        // A line that cannot be read after the first is reported where the whole-file reader would be: in order.
        let mut head_err = None;
        loop {
            let l = match lines.next_line() {
                Ok(Some(l)) => l,
                Ok(None) => break,
                Err(e) if !head.is_empty() => {
                    head_err = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            };
            head.push(l);
            if head.len() >= DETECT_LINES {
                break;
            }
        }
        let views: Vec<(&[u8], LineEnding)> =
            head.iter().map(|(_, b, e)| (b.as_slice(), *e)).collect();
        let (d, spec, problems, bank_code) = prepare(&views, opts, Some(kind))?;
        if spec.kind != kind {
            return Err(wrong_kind(kind, spec.kind));
        }
        let mut engine = Engine::new(spec, opts.lenient, problems, false);
        engine.header_bank = bank_code;
        if let Some((k, tie)) = detail_type_vote(spec, &views) {
            engine.detail_type = Some(k);
            engine.detail_tie = tie;
        }
        drop(views);
        Ok(Stream {
            lines,
            engine,
            head: head.into(),
            head_err,
            done: false,
            detected: d,
        })
    }

    /// Feeds lines until one closes an entry or title (`Some(Ok(()))`, the value then on the engine's list), an
    /// error (`Some(Err)`), or the end (`None`).
    fn next_event(&mut self) -> Option<Result<()>> {
        loop {
            if self.done {
                return None;
            }
            let next = match (self.head.pop_front(), self.head_err.take()) {
                (Some(l), err) => {
                    self.head_err = err;
                    Ok(Some(l))
                }
                (None, Some(e)) => Err(e),
                (None, None) => self.lines.next_line(),
            };
            let fed = match next {
                Err(e) => Err(e),
                Ok(None) => {
                    self.done = true;
                    self.engine.finish()
                }
                Ok(Some((no, bytes, ending))) => self.engine.feed(no, Cow::Owned(bytes), ending),
            };
            match fed {
                Ok(Some(_)) => return Some(Ok(())),
                Ok(None) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl<R: BufRead> RetornoReader<R> {
    /// Starts reading: reads up to [`DETECT_LINES`] lines to detect bank, layout and kind.
    pub fn new(src: R, opts: ReadOptions) -> Result<Self> {
        Stream::new(src, opts, FileKind::Retorno).map(RetornoReader)
    }
    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.0.detected
    }
    /// The header, once read.
    pub fn header(&self) -> &Header {
        &self.0.engine.header
    }
    /// Problems collected so far (lenient mode).
    pub fn problems(&self) -> &[Error] {
        &self.0.engine.problems
    }
}

impl<R: BufRead> RemessaReader<R> {
    /// Starts reading: reads up to [`DETECT_LINES`] lines to detect bank, layout and kind.
    pub fn new(src: R, opts: ReadOptions) -> Result<Self> {
        Stream::new(src, opts, FileKind::Remessa).map(RemessaReader)
    }
    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.0.detected
    }
    /// The header, once read.
    pub fn header(&self) -> &Header {
        &self.0.engine.header
    }
    /// Problems collected so far (lenient mode).
    pub fn problems(&self) -> &[Error] {
        &self.0.engine.problems
    }
}

impl<R: BufRead> Iterator for RemessaReader<R> {
    type Item = Result<Titulo>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.0.next_event()? {
                Ok(()) => {
                    if let Some(t) = self.0.engine.titulos.pop() {
                        return Some(Ok(t));
                    }
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

fn io_kind(e: std::io::Error) -> ErrorKind {
    if e.kind() == std::io::ErrorKind::InvalidData {
        ErrorKind::LineTooLong { limit: MAX_LINE }
    } else {
        ErrorKind::io(e.to_string())
    }
}

impl<R: BufRead> Iterator for RetornoReader<R> {
    type Item = Result<RetornoEntry>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.0.next_event()? {
                Ok(()) => {
                    if let Some(e) = self.0.engine.entries.pop() {
                        return Some(Ok(e));
                    }
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}
