//! Record identification: bank, layout and kind from the first lines, which record a line is, the layout spec to
//! read with.

use super::*;

pub(super) fn is_240_header(l: &[u8]) -> bool {
    l.len() >= 8
        && l.get(..3).is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && l.get(3..8) == Some(b"00000".as_slice())
}

/// A CNAB 240 batch header as the first line: a file that lost its file header.
pub(super) fn is_240_batch_header(l: &[u8]) -> bool {
    l.len() >= 120
        && l.get(..7).is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && l.get(7) == Some(&b'1')
}

pub(super) fn is_400_header(l: &[u8]) -> bool {
    l.first() == Some(&b'0') && l.len() >= 79 && !is_240_header(l)
}

pub(super) fn digits_at(l: &[u8], a: usize, b: usize) -> Option<u16> {
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
    // Detection reads at most DETECT_LINES lines: split only a head of the file a little longer than that (so
    // trailing blank lines of the head, which would be taken for the file's suffix, cannot shorten the window),
    // falling back to the whole file when the head does not answer.
    let head_end = memchr::memchr_iter(b'\n', bytes)
        .nth(DETECT_LINES + 64)
        .map(|i| i + 1);
    if let Some(head) = head_end.and_then(|end| bytes.get(..end)) {
        if let Ok(d) = detect_lines(&split_lines(head).lines) {
            return Ok(d);
        }
    }
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
    if let Some(d) = crate::cnab150::detect_150(lines, default_kind) {
        return d.map(|d| (d, Vec::new()));
    }
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
                product: Product::Cobranca,
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
                    product: Product::Cobranca,
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
        let product = product_240(lines);
        let supported = product == Product::Cobranca
            && crate::banks::spec(bank.code()).is_some_and(|s| s.supports(Layout::Cnab240, kind));
        return Ok((
            Detected {
                bank,
                layout: Layout::Cnab240,
                product,
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
        let supported =
            crate::banks::spec(bank.code()).is_some_and(|s| s.supports(Layout::Cnab400, kind));
        return Ok((
            Detected {
                bank,
                layout: Layout::Cnab400,
                product: Product::Cobranca,
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
pub(super) fn foreign_format(start: &[u8]) -> Option<&'static str> {
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

/// CNAB 240: the product of the first batch header within the detection window, by its service code (positions
/// 10-11); cobrança when there is none or FEBRABAN does not list the code, as before products were told apart,
/// and when any batch header in the window is cobrança's (a file mixing products is read as cobrança, its other
/// batches with their own products' tables).
fn product_240(lines: &[(&[u8], LineEnding)]) -> Product {
    let mut batches = lines
        .iter()
        .take(detection_window(lines))
        .filter(|(l, _)| l.get(7) == Some(&b'1'))
        .map(|(l, _)| l.get(9..11).and_then(Product::from_240_service));
    let first = batches.next().flatten().unwrap_or_default();
    if batches.any(|p| p == Some(Product::Cobranca)) {
        return Product::Cobranca;
    }
    first
}

/// How many of these lines detection reads: at most [`DETECT_LINES`].
pub(super) fn detection_window(lines: &[(&[u8], LineEnding)]) -> usize {
    lines.len().min(DETECT_LINES)
}

/// CNAB 240: the bank code (1-3) of the records after the file header within the detection window, when there
/// are at least two and all agree.
pub(super) fn records_bank(lines: &[(&[u8], LineEnding)]) -> Option<Bank> {
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
pub(super) type Witness = Option<(FileKind, usize, u8)>;

/// The first batch operation (`R`/`T`) and the segments' kind within [`DETECT_LINES`] lines: the kind most
/// segments say (P/Q/R/S remessa, T/U retorno; the first to be seen on a tie), with its first segment.
pub(super) fn kind_witnesses(lines: &[(&[u8], LineEnding)]) -> (Witness, Witness) {
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
pub(super) fn detail_type_vote(
    spec: &LayoutSpec,
    lines: &[(&[u8], LineEnding)],
) -> Option<(RecordKey, bool)> {
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
pub(super) fn detail_span(spec: &LayoutSpec, key: RecordKey) -> Option<(u16, u16)> {
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
    if d.layout == Layout::Cnab150 || !d.product.is_cobranca() {
        let hint = if d.layout == Layout::Cnab150 {
            ": read it with cnab_core::cnab150"
        } else {
            ": read its records with cnab_core::read_structure"
        };
        return Err(Error::at_line(
            1,
            ErrorKind::OtherProduct {
                product: d.product.to_string(),
                layout: d.layout.number(),
                hint: hint.to_string(),
            },
        ));
    }
    if let Some(spec) =
        crate::banks::spec(d.bank.code()).and_then(|s| s.layout(d.layout, d.kind, &d.version))
    {
        return Ok(spec);
    }
    let hint = match d.layout {
        Layout::Cnab240 => "; a lenient read uses FEBRABAN's generic CNAB 240 layout".to_string(),
        Layout::Cnab400 | Layout::Cnab150 => String::new(),
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

pub(super) fn classify(spec: &LayoutSpec, line: &[u8]) -> Option<RecordKey> {
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
    classify_layout(spec.layout, line)
}

/// A record's key by the CNAB framing of its layout alone (type `0` header, one-character types, `9` trailer).
pub(super) fn classify_layout(layout: Layout, line: &[u8]) -> Option<RecordKey> {
    match layout {
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
        Layout::Cnab150 => match line.first()? {
            b'A' => Some(RecordKey::FileHeader),
            b'Z' => Some(RecordKey::FileTrailer),
            t => Some(RecordKey::Detail(*t)),
        },
    }
}

/// A CPF/CNPJ field: digits, and since July 2026 the alphanumeric CNPJ's capital letters (Receita Federal IN RFB
/// 2.229/2024), even where a manual still prints N(14); spaces pad it.
pub(super) fn check_inscricao(raw: &[u8]) -> std::result::Result<(), ErrorKind> {
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
pub(super) fn detail_fits(layout: &RecordLayout, bytes: &[u8]) -> bool {
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
    let own = crate::banks::spec(header.code())
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
pub(super) fn headerless_400_banks(line: &[u8]) -> Vec<u16> {
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
