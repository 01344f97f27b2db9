//! Writing: the model to bytes, through the same layout tables, generic over roles.
//!
//! The contract: every value of the model is written as given, or refused with [`ErrorKind::Unwritable`] (title,
//! model field, value, reason), or — only for free text cut to its field and for values the layout has no field
//! for — written as far as the layout allows and reported as a [`WriteWarning`] ([`WriteOptions::strict`] refuses
//! those too). Nothing is rounded, stripped, replaced by spaces or zeros, or dropped without a word. Counts and
//! totals in trailers are taken from the records as written.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::bank::{Bank, Emit, EntryRecord, LayoutSpec, RecordKey};
use crate::error::{Error, ErrorKind, Result};
use crate::field::{FieldSpec, Kind, RecordLayout, Role};
use crate::model::{FileKind, Header, Layout, Pessoa, Remessa, Retorno, RetornoEntry, Titulo};
use crate::record::LineEnding;
use serde::Serialize;

/// A value to write: text borrowed from the model where it can be (the writer copies it once, into the line).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Out<'a> {
    Text(Cow<'a, str>),
    Num(Decimal),
    Date(Option<NaiveDate>),
}

fn txt(s: &str) -> Option<Out<'_>> {
    if s.is_empty() {
        None
    } else {
        Some(Out::Text(Cow::Borrowed(s)))
    }
}
fn owned_txt(s: String) -> Option<Out<'static>> {
    if s.is_empty() {
        None
    } else {
        Some(Out::Text(Cow::Owned(s)))
    }
}
fn num(d: Option<Decimal>) -> Option<Out<'static>> {
    d.map(Out::Num)
}
fn date(d: Option<NaiveDate>) -> Option<Out<'static>> {
    d.map(|d| Out::Date(Some(d)))
}
fn int<T: Into<u64>>(v: Option<T>) -> Option<Out<'static>> {
    v.map(|v| Out::Num(Decimal::from(v.into())))
}

/// Free text the writer may cut to its field's width, with a warning: names, addresses and messages — what the
/// manuals print as free text of a fixed width (FEBRABAN 240 v10.7 and the banks' 400 manuals: alphanumeric, left
/// aligned, space filled), where a shortened value still serves its purpose (a boleto's printed name, an address
/// the CEP locates). Every other text field (codes, identifiers, UF) must fit or the value is refused, and
/// [`WriteOptions::strict`] refuses cuts too.
fn may_cut(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(
            Role::EmpresaNome
                | Role::BancoNome
                | Role::PagadorNome
                | Role::PagadorEndereco
                | Role::PagadorBairro
                | Role::PagadorCidade
                | Role::SacadorNome
                | Role::Mensagem1
                | Role::Mensagem2
                | Role::Mensagem3
                | Role::Mensagem4
        )
    )
}

/// Pix identifiers are case-sensitive (txid, chave aleatória and e-mail keys, the EMV with its CRC): written as
/// given, never upper-cased; anything but printable ASCII is refused.
fn case_kept(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(Role::PixChave | Role::PixUrl | Role::PixTxid | Role::PixEmv | Role::PixLocation)
    )
}

/// CPF/CNPJ roles.
pub(crate) fn is_inscricao(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(Role::EmpresaInscricao | Role::PagadorInscricao | Role::SacadorInscricao)
    )
}

/// The formatting separators a numeric value may carry and that the writer drops: CPF `123.456.789-09` and CNPJ
/// `11.222.333/0001-81` (`.`, `-`, `/`, as the Receita Federal prints them) and CEP `01310-100` (`-`, and `.` of
/// the older `01.310-100` form). Any other character in a numeric field is refused.
fn separators(role: Option<Role>) -> &'static [char] {
    match role {
        r if is_inscricao(r) => &['.', '-', '/'],
        Some(Role::PagadorCep) => &['-', '.'],
        _ => &[],
    }
}

/// What [`encode`] did with a value that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fit {
    /// Written as given (numbers with their implied decimals, text in the layouts' character set).
    Exact,
    /// Text cut to the field's width: what was written.
    Cut(String),
    /// The layout fixes the field's content and the model's value is not that content: what was written.
    Fixed(String),
}

/// Encodes one field. `Err` is why the value cannot be written as given.
///
/// The values of a valid file take [`encode_fast`] (bytes written straight into the line, no allocation); anything
/// else — an error to describe, text to transliterate or cut, a case-sensitive Pix field — takes [`encode_general`],
/// which defines the behaviour (the fast path writes exactly what it would, tested below).
pub(crate) fn encode(
    spec: &FieldSpec,
    value: Option<&Out<'_>>,
    out: &mut Vec<u8>,
) -> Result<Fit, String> {
    if encode_fast(spec, value, out) {
        Ok(Fit::Exact)
    } else {
        encode_general(spec, value, out)
    }
}

/// `d` as the integer of its digits with exactly `scale` decimals (`1.5` at scale 2 → 150), when that is exact:
/// `None` for a negative value, more decimals than `scale` (after dropping trailing zeros) or an overflow.
fn scaled_mantissa(d: &Decimal, scale: u32) -> Option<u128> {
    if d.is_sign_negative() && !d.is_zero() {
        return None;
    }
    let mut m = d.mantissa().unsigned_abs();
    let mut s = d.scale();
    while s > scale {
        if !m.is_multiple_of(10) {
            return None;
        }
        m /= 10;
        s -= 1;
    }
    while s < scale {
        m = m.checked_mul(10)?;
        s += 1;
    }
    Some(m)
}

/// `v` as the digits of `slot`, zero-padded on the left: false when it has more digits, or `slot` is empty (0 is one
/// digit).
fn right_aligned_into(slot: &mut [u8], v: u128) -> bool {
    if slot.is_empty() {
        return false;
    }
    slot.fill(b'0');
    match u64::try_from(v) {
        // The common case in 64 bits: 128-bit division is a library call.
        Ok(mut v) => {
            for b in slot.iter_mut().rev() {
                if v == 0 {
                    break;
                }
                *b = b'0' + (v % 10) as u8;
                v /= 10;
            }
            v == 0
        }
        Err(_) => {
            let mut v = v;
            for b in slot.iter_mut().rev() {
                if v == 0 {
                    break;
                }
                *b = b'0' + (v % 10) as u8;
                v /= 10;
            }
            v == 0
        }
    }
}

/// `text` right-aligned in `slot`, `fill` before it (`text` no longer than `slot`).
fn fill_right(slot: &mut [u8], text: &[u8], fill: u8) -> bool {
    let Some((pad, rest)) = slot.split_at_mut_checked(slot.len().wrapping_sub(text.len())) else {
        return false;
    };
    pad.fill(fill);
    rest.copy_from_slice(text);
    true
}

/// `v` as two digits (`v` below 100).
fn two_digits(v: u32) -> [u8; 2] {
    [b'0' + (v / 10 % 10) as u8, b'0' + (v % 10) as u8]
}

/// `v` as four digits (`v` below 10,000).
fn four_digits(v: u32) -> [u8; 4] {
    let [a, b] = two_digits(v / 100);
    let [c, d] = two_digits(v % 100);
    [a, b, c, d]
}

/// Printable ASCII text (no control characters): what the layouts' character set holds after upper-casing.
fn plain_ascii(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Writes the field the way [`encode_general`] would when the value is written exactly as given without any
/// transformation but upper-casing and padding; returns false (having written nothing) for everything else.
fn encode_fast(spec: &FieldSpec, value: Option<&Out<'_>>, out: &mut Vec<u8>) -> bool {
    let start = out.len();
    out.resize(start + spec.len(), b' ');
    let written = out
        .get_mut(start..)
        .is_some_and(|slot| encode_fast_into(spec, value, slot));
    if !written {
        out.truncate(start);
    }
    written
}

/// [`encode_fast`] into the field's place in a line: `slot`, as long as the field, is filled entirely when it
/// returns true (what it holds otherwise is unspecified).
fn encode_fast_into(spec: &FieldSpec, value: Option<&Out<'_>>, slot: &mut [u8]) -> bool {
    fast_into(spec, value, slot)
}

/// [`encode_fast_into`] for a title's text (see [`Acc`]): the same function, compiled for a text value.
fn fast_text(spec: &FieldSpec, s: &str, slot: &mut [u8]) -> bool {
    fast_into(spec, Some(&Out::Text(Cow::Borrowed(s))), slot)
}

/// [`encode_fast_into`] for a title's amount (see [`Acc`]).
fn fast_num(spec: &FieldSpec, d: Decimal, slot: &mut [u8]) -> bool {
    fast_into(spec, Some(&Out::Num(d)), slot)
}

/// [`encode_fast_into`] for a title's date (see [`Acc`]).
fn fast_date(spec: &FieldSpec, d: NaiveDate, slot: &mut [u8]) -> bool {
    fast_into(spec, Some(&Out::Date(Some(d))), slot)
}

/// The body of [`encode_fast_into`], inlined into its typed forms so that each keeps only its value's branches.
#[inline(always)]
fn fast_into(spec: &FieldSpec, value: Option<&Out<'_>>, slot: &mut [u8]) -> bool {
    let w = spec.len();
    if slot.len() != w {
        return false;
    }
    match spec.kind {
        Kind::Blank => slot.fill(b' '),
        Kind::Const(c) => {
            if let Some(Out::Text(s)) = value {
                if !plain_ascii(s)
                    || !s
                        .trim()
                        .bytes()
                        .map(|b| b.to_ascii_uppercase())
                        .eq(c.trim().bytes())
                {
                    return false;
                }
            }
            // A table whose constant does not have the field's width: the general path decides.
            if c.len() != w {
                return false;
            }
            slot.copy_from_slice(c.as_bytes());
        }
        Kind::Num { scale } => match value {
            Some(Out::Num(d)) => {
                let Some(m) = scaled_mantissa(d, u32::from(scale)) else {
                    return false;
                };
                return right_aligned_into(slot, m);
            }
            Some(Out::Text(s)) => {
                if !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > w {
                    return false;
                }
                return fill_right(slot, s.as_bytes(), b'0');
            }
            Some(Out::Date(_)) | None => {
                let def = spec.default.unwrap_or("");
                return def.len() <= w && fill_right(slot, def.as_bytes(), b'0');
            }
        },
        Kind::Alpha if is_inscricao(spec.role) => {
            let s = match value {
                Some(Out::Text(s)) => s.as_ref(),
                _ => spec.default.unwrap_or(""),
            };
            if !s
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
                || s.len() > w
            {
                return false;
            }
            return fill_right(slot, s.as_bytes(), b'0');
        }
        Kind::Alpha => {
            if case_kept(spec.role) {
                return false;
            }
            let s = match value {
                Some(Out::Text(s)) => s.as_ref(),
                Some(Out::Date(None)) | None => spec.default.unwrap_or(""),
                Some(_) => return false,
            };
            // Past the field's width only spaces (trailing spaces are not written); the rest is checked to be
            // printable ASCII and copied upper-cased in one pass.
            let bytes = s.as_bytes();
            let (text, beyond) = bytes.split_at(bytes.len().min(w));
            if !beyond.iter().all(|&b| b == b' ') {
                return false;
            }
            let Some((head, tail)) = slot.split_at_mut_checked(text.len()) else {
                return false;
            };
            let mut printable = true;
            for (d, &b) in head.iter_mut().zip(text) {
                printable &= (b' '..=b'~').contains(&b);
                *d = b.to_ascii_uppercase();
            }
            if !printable {
                return false;
            }
            tail.fill(b' ');
        }
        Kind::Date(fmt) => {
            let Some(Out::Date(Some(d))) = value else {
                return false;
            };
            let (day, month, year) = (d.day(), d.month(), d.year());
            let Ok(year) = u32::try_from(year) else {
                return false;
            };
            let ([d1, d2], [m1, m2]) = (two_digits(day), two_digits(month));
            match fmt {
                crate::field::DateFmt::DdMmYyyy if (1..=9999).contains(&year) => {
                    let [y1, y2, y3, y4] = four_digits(year);
                    return put(slot, [d1, d2, m1, m2, y1, y2, y3, y4]);
                }
                crate::field::DateFmt::YyyyMmDd if (1..=9999).contains(&year) => {
                    let [y1, y2, y3, y4] = four_digits(year);
                    return put(slot, [y1, y2, y3, y4, m1, m2, d1, d2]);
                }
                crate::field::DateFmt::DdMmYy if (1970..=2069).contains(&year) => {
                    let [y3, y4] = two_digits(year % 100);
                    return put(slot, [d1, d2, m1, m2, y3, y4]);
                }
                // A table whose date format does not have the field's width: the general path decides.
                _ => return false,
            }
        }
    }
    true
}

/// `bytes` into `slot` when they have its length.
fn put<const N: usize>(slot: &mut [u8], bytes: [u8; N]) -> bool {
    match <&mut [u8; N]>::try_from(slot) {
        Ok(s) => {
            *s = bytes;
            true
        }
        Err(_) => false,
    }
}

/// Encodes one field, every case: see [`encode`].
fn encode_general(
    spec: &FieldSpec,
    value: Option<&Out<'_>>,
    out: &mut Vec<u8>,
) -> Result<Fit, String> {
    let w = spec.len();
    let too_wide = || format!("does not fit the field's {w} position(s)");
    match spec.kind {
        Kind::Const(c) => {
            out.extend_from_slice(c.as_bytes());
            if let Some(Out::Text(s)) = value {
                if crate::text::to_bank_ascii(s).trim() != c.trim() {
                    return Ok(Fit::Fixed(c.to_string()));
                }
            }
        }
        Kind::Blank => out.extend(std::iter::repeat_n(b' ', w)),
        Kind::Num { scale } => {
            let digits: String = match value {
                Some(Out::Num(d)) => {
                    if d.is_sign_negative() && !d.is_zero() {
                        return Err("negative values cannot be written".into());
                    }
                    let mut d = d.normalize();
                    if d.scale() > u32::from(scale) {
                        return Err(if scale == 0 {
                            "is not a whole number".into()
                        } else {
                            format!(
                                "has more than {scale} decimal places (the writer never rounds)"
                            )
                        });
                    }
                    d.rescale(u32::from(scale));
                    d.mantissa().unsigned_abs().to_string()
                }
                Some(Out::Text(s)) => {
                    let seps = separators(spec.role);
                    if let Some(c) = s.chars().find(|c| !c.is_ascii_digit() && !seps.contains(c)) {
                        return Err(if seps.is_empty() {
                            format!("{c:?} in a numeric field (digits only)")
                        } else {
                            let list: String = seps.iter().collect();
                            format!("{c:?} in a numeric field (digits and the separators {list:?} only)")
                        });
                    }
                    s.chars().filter(char::is_ascii_digit).collect()
                }
                Some(Out::Date(_)) | None => spec.default.unwrap_or("").to_string(),
            };
            if digits.len() > w {
                return Err(too_wide());
            }
            out.extend(std::iter::repeat_n(b'0', w - digits.len()));
            out.extend_from_slice(digits.as_bytes());
        }
        Kind::Alpha if is_inscricao(spec.role) => {
            // CPF/CNPJ: right-aligned and zero-filled as every manual prints them (numeric CNPJ or the
            // alphanumeric one in force since July 2026, upper-case letters); none given: zeros (or the table's
            // default).
            let s: String = match value {
                Some(Out::Text(s)) => {
                    let seps = separators(spec.role);
                    if let Some(c) = s.chars().find(|c| {
                        !c.is_ascii_digit() && !c.is_ascii_uppercase() && !seps.contains(c)
                    }) {
                        return Err(format!(
                            "{c:?} in a CPF/CNPJ (digits, upper-case letters and the separators \".-/\" only)"
                        ));
                    }
                    s.chars().filter(char::is_ascii_alphanumeric).collect()
                }
                _ => spec.default.unwrap_or("").to_string(),
            };
            if s.len() > w {
                return Err(too_wide());
            }
            out.extend(std::iter::repeat_n(b'0', w - s.len()));
            out.extend_from_slice(s.as_bytes());
        }
        Kind::Alpha => {
            let s = match value {
                Some(Out::Text(s)) => s.to_string(),
                Some(Out::Num(d)) => d.to_string(),
                Some(Out::Date(Some(d))) => d.format("%d%m%Y").to_string(),
                Some(Out::Date(None)) | None => spec.default.unwrap_or("").to_string(),
            };
            if case_kept(spec.role) {
                // PIX keys, URLs and txids are case-sensitive identifiers: written as given (never folded nor
                // cut), so only printable ASCII that fits is accepted.
                if let Some(c) = s.chars().find(|c| !(' '..='~').contains(c)) {
                    return Err(format!(
                        "character {c:?} (U+{:04X}): only printable ASCII can be written here (written as given)",
                        u32::from(c)
                    ));
                }
                let text = s.trim_end();
                if text.len() > w {
                    return Err(too_wide());
                }
                out.extend_from_slice(text.as_bytes());
                out.extend(std::iter::repeat_n(b' ', w - text.len()));
                return Ok(Fit::Exact);
            }
            let text = crate::text::try_to_bank_ascii(&s).map_err(|c| {
                format!(
                    "character {c:?} (U+{:04X}) has no form in the layout's character set (upper-case ASCII)",
                    u32::from(c)
                )
            })?;
            let text = text.trim_end();
            let mut fit = Fit::Exact;
            let bytes = match text.get(..w) {
                Some(cut) if text.len() > w => {
                    if !may_cut(spec.role) {
                        return Err(too_wide());
                    }
                    fit = Fit::Cut(cut.trim_end().to_string());
                    cut
                }
                _ => text,
            };
            out.extend_from_slice(bytes.as_bytes());
            out.extend(std::iter::repeat_n(b' ', w - bytes.len()));
            return Ok(fit);
        }
        Kind::Date(fmt) => {
            let d = match value {
                Some(Out::Date(d)) => *d,
                _ => None,
            };
            if let Some(d) = d {
                // Years the format cannot hold would make a longer line (`+10000`) or read back in another century.
                let years = match fmt {
                    crate::field::DateFmt::DdMmYyyy | crate::field::DateFmt::YyyyMmDd => 1..=9999,
                    crate::field::DateFmt::DdMmYy => 1970..=2069,
                };
                if !years.contains(&chrono::Datelike::year(&d)) {
                    return Err(format!(
                        "year outside {}-{}, the years this field's format can hold",
                        years.start(),
                        years.end()
                    ));
                }
            }
            match (d, fmt) {
                (Some(d), crate::field::DateFmt::DdMmYyyy) => {
                    out.extend_from_slice(d.format("%d%m%Y").to_string().as_bytes())
                }
                (Some(d), crate::field::DateFmt::DdMmYy) => {
                    out.extend_from_slice(d.format("%d%m%y").to_string().as_bytes())
                }
                (Some(d), crate::field::DateFmt::YyyyMmDd) => {
                    out.extend_from_slice(d.format("%Y%m%d").to_string().as_bytes())
                }
                (None, _) => match spec.default {
                    Some(def) if def.len() == w => out.extend_from_slice(def.as_bytes()),
                    _ => out.extend(std::iter::repeat_n(b'0', w)),
                },
            }
        }
    }
    Ok(Fit::Exact)
}

impl std::fmt::Display for Out<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Out::Text(s) => f.write_str(s),
            Out::Num(d) => write!(f, "{d}"),
            Out::Date(Some(d)) => write!(f, "{d}"),
            Out::Date(None) => Ok(()),
        }
    }
}

/// How errors and warnings name an item: `título 2 (seu número "A1", nosso número "123")`, or `header` for 0.
fn describe_item(titulo: usize, seu_numero: &str, nosso_numero: &str) -> String {
    if titulo == 0 {
        "header".into()
    } else {
        format!("título {titulo} (seu número {seu_numero:?}, nosso número {nosso_numero:?})")
    }
}

/// A value written other than as given, or not written: returned beside the bytes (see [`Written`]); with
/// [`WriteOptions::strict`] the first one is an error instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WriteWarning {
    /// 1-based title index; 0 for the header.
    pub titulo: usize,
    /// The title's seu número.
    pub seu_numero: String,
    /// The title's nosso número.
    pub nosso_numero: String,
    /// The model field (`pagador.nome`, `mensagens[4]`, `sacador_avalista.cep`, …).
    pub field: String,
    /// The value as given.
    pub value: String,
    /// 1-based line written (0 when the value was not written).
    pub line: usize,
    /// 1-based inclusive column range of the field written.
    pub columns: Option<(u16, u16)>,
    /// The layout's field name, when the value was written.
    pub layout_field: Option<&'static str>,
    /// What happened.
    #[serde(flatten)]
    pub kind: WarningKind,
}

/// What a [`WriteWarning`] reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// Free text (a name, an address, a message) longer than its field, cut to the field's width.
    Truncated {
        /// The field's width.
        width: usize,
        /// What was written.
        written: String,
    },
    /// The chosen layout has no field for this value: it is not in the file.
    NotCarried,
    /// The layout fixes this field's content; the model's value was not written.
    Fixed {
        /// What the layout writes there.
        written: String,
    },
}

impl WriteWarning {
    fn reason(&self) -> String {
        match &self.kind {
            WarningKind::Truncated { width, written } => {
                format!("longer than the field's {width} positions, cut to {written:?}")
            }
            WarningKind::NotCarried => "the layout has no field for it: not written".into(),
            WarningKind::Fixed { written } => {
                format!("the layout fixes this field to {written:?}: not written")
            }
        }
    }

    /// The error strict writing returns for this warning.
    pub fn to_error(&self) -> Error {
        Error {
            file: None,
            line: self.line,
            columns: self.columns,
            field: self.layout_field,
            record: None,
            kind: ErrorKind::Unwritable {
                detail: Box::new(Unwritable {
                    titulo: self.titulo,
                    seu_numero: self.seu_numero.clone(),
                    nosso_numero: self.nosso_numero.clone(),
                    field: self.field.clone(),
                    value: self.value.clone(),
                    reason: format!("{} (strict writing)", self.reason()),
                }),
            },
        }
    }
}

impl std::fmt::Display for WriteWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}", self.line)?;
            if let Some((a, b)) = self.columns {
                write!(f, ", columns {a}-{b}")?;
            }
            if let Some(n) = self.layout_field {
                write!(f, " ({n})")?;
            }
            f.write_str(": ")?;
        }
        write!(
            f,
            "{}: {} {:?}: {}",
            describe_item(self.titulo, &self.seu_numero, &self.nosso_numero),
            self.field,
            self.value,
            self.reason()
        )
    }
}

/// A written file and what was not written as given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Written {
    /// The file.
    pub bytes: Vec<u8>,
    /// Text cut to its field, values the layout cannot carry; empty when everything was written as given.
    pub warnings: Vec<WriteWarning>,
}

/// Which item a value belongs to, for errors and warnings.
#[derive(Debug, Clone, Copy)]
struct ItemId<'a> {
    index: usize,
    seu_numero: &'a str,
    nosso_numero: &'a str,
}

const HEADER_ID: ItemId<'static> = ItemId {
    index: 0,
    seu_numero: "",
    nosso_numero: "",
};

/// A value the writer refuses (the payload of [`ErrorKind::Unwritable`]): which title, which model field, the
/// value as given and why. `Display`: `título 1 (seu número "NF-1", nosso número "123"): valor "1.005": …`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unwritable {
    /// 1-based title (or retorno entry) index; 0 for the header.
    pub titulo: usize,
    /// The title's seu número.
    pub seu_numero: String,
    /// The title's nosso número.
    pub nosso_numero: String,
    /// The model field (`pagador.cep`, `valor`, `header.beneficiario.agencia`, …). Serialized as `model_field`:
    /// an error's `field` is the layout field.
    #[serde(rename = "model_field")]
    pub field: String,
    /// The value as given.
    pub value: String,
    /// Why it cannot be written.
    pub reason: String,
}

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} {:?}: {}",
            describe_item(self.titulo, &self.seu_numero, &self.nosso_numero),
            self.field,
            self.value,
            self.reason
        )
    }
}

fn unwritable(id: ItemId<'_>, field: &str, value: String, reason: String) -> ErrorKind {
    ErrorKind::Unwritable {
        detail: Box::new(Unwritable {
            titulo: id.index,
            seu_numero: id.seu_numero.into(),
            nosso_numero: id.nosso_numero.into(),
            field: field.into(),
            value,
            reason,
        }),
    }
}

/// Control values: numbering and counts, filled by the writer.
#[derive(Debug, Clone, Copy, Default)]
struct Control {
    bank: u16,
    lote: u64,
    sequencial: u64,
    qtd_registros: u64,
    qtd_lotes: u64,
    qtd_titulos: u64,
    valor_total: Decimal,
    kind_code: u8,
}

fn control(c: &Control, role: Role) -> Option<Out<'static>> {
    Some(match role {
        Role::BancoCodigo => Out::Num(Decimal::from(c.bank)),
        Role::Lote => Out::Num(Decimal::from(c.lote)),
        Role::Sequencial => Out::Num(Decimal::from(c.sequencial)),
        Role::QtdRegistros => Out::Num(Decimal::from(c.qtd_registros)),
        Role::QtdLotes => Out::Num(Decimal::from(c.qtd_lotes)),
        Role::QtdTitulos => Out::Num(Decimal::from(c.qtd_titulos)),
        Role::ValorTotal => Out::Num(c.valor_total),
        Role::ArquivoCodigo => Out::Num(Decimal::from(c.kind_code)),
        Role::Operacao => Out::Text(Cow::Borrowed(if c.kind_code == 1 { "R" } else { "T" })),
        _ => return None,
    })
}

fn header_value(h: &Header, bank: Bank, role: Role) -> Option<Out<'_>> {
    let b = &h.beneficiario;
    match role {
        Role::EmpresaNome => txt(&b.nome),
        Role::EmpresaTipoInscricao => {
            int(b.inscricao.tipo.or_else(|| infer_tipo(&b.inscricao.numero)))
        }
        Role::EmpresaInscricao => txt(&b.inscricao.numero),
        Role::Agencia => txt(&b.agencia),
        Role::AgenciaDv => txt(&b.agencia_dv),
        Role::Conta => txt(&b.conta),
        Role::ContaDv => txt(&b.conta_dv),
        Role::Convenio => txt(&b.convenio),
        Role::CodigoBeneficiario => txt(&b.codigo_beneficiario),
        Role::Carteira => txt(&b.carteira),
        Role::Variacao => txt(&b.variacao),
        Role::BancoNome => txt(if h.banco_nome.is_empty() {
            crate::bank::name(bank)
        } else {
            &h.banco_nome
        }),
        Role::Nsa => int(h.nsa),
        Role::DataGeracao => date(h.data_geracao),
        Role::DataCredito => date(h.data_credito),
        Role::LayoutVersao => txt(&h.layout_versao),
        _ => None,
    }
}

fn infer_tipo(numero: &str) -> Option<u8> {
    match numero.chars().filter(char::is_ascii_alphanumeric).count() {
        0 => None,
        11 => Some(1),
        _ => Some(2),
    }
}

/// The model field a header role's value comes from.
fn header_path(role: Role) -> &'static str {
    match role {
        Role::EmpresaNome => "header.beneficiario.nome",
        Role::EmpresaTipoInscricao => "header.beneficiario.inscricao.tipo",
        Role::EmpresaInscricao => "header.beneficiario.inscricao.numero",
        Role::Agencia => "header.beneficiario.agencia",
        Role::AgenciaDv => "header.beneficiario.agencia_dv",
        Role::Conta => "header.beneficiario.conta",
        Role::ContaDv => "header.beneficiario.conta_dv",
        Role::Convenio => "header.beneficiario.convenio",
        Role::CodigoBeneficiario => "header.beneficiario.codigo_beneficiario",
        Role::Carteira => "header.beneficiario.carteira",
        Role::Variacao => "header.beneficiario.variacao",
        Role::BancoNome => "header.banco_nome",
        Role::Nsa => "header.nsa",
        Role::DataGeracao => "header.data_geracao",
        Role::DataCredito => "header.data_credito",
        Role::LayoutVersao => "header.layout_versao",
        _ => "header",
    }
}

/// The model field a title role's value comes from.
fn titulo_path(role: Role) -> &'static str {
    match role {
        Role::Movimento => "movimento",
        Role::NossoNumero => "nosso_numero",
        Role::NossoNumeroDv => "nosso_numero_dv",
        Role::SeuNumero => "seu_numero",
        Role::UsoEmpresa => "uso_empresa",
        Role::Carteira => "carteira",
        Role::Variacao | Role::Modalidade => "variacao",
        Role::Especie => "especie",
        Role::Aceite => "aceite",
        Role::Emissao => "emissao",
        Role::Vencimento => "vencimento",
        Role::ValorTitulo => "valor",
        Role::JurosCodigo => "juros.codigo",
        Role::JurosData => "juros.data",
        Role::JurosValor => "juros.valor",
        Role::MultaCodigo => "multa.codigo",
        Role::MultaData => "multa.data",
        Role::MultaValor => "multa.valor",
        Role::DescontoCodigo => "desconto.codigo",
        Role::DescontoData => "desconto.data",
        Role::DescontoValor => "desconto.valor",
        Role::Abatimento => "abatimento",
        Role::Iof => "iof",
        Role::ProtestoCodigo => "protesto.codigo",
        Role::ProtestoPrazo => "protesto.prazo",
        Role::BaixaCodigo => "baixa.codigo",
        Role::BaixaPrazo => "baixa.prazo",
        Role::Mensagem1 => "mensagens[0]",
        Role::Mensagem2 => "mensagens[1]",
        Role::Mensagem3 => "mensagens[2]",
        Role::Mensagem4 => "mensagens[3]",
        Role::PagadorTipoInscricao => "pagador.inscricao.tipo",
        Role::PagadorInscricao => "pagador.inscricao.numero",
        Role::PagadorNome => "pagador.nome",
        Role::PagadorEndereco => "pagador.endereco",
        Role::PagadorBairro => "pagador.bairro",
        Role::PagadorCep => "pagador.cep",
        Role::PagadorCidade => "pagador.cidade",
        Role::PagadorUf => "pagador.uf",
        Role::SacadorTipoInscricao => "sacador_avalista.inscricao.tipo",
        Role::SacadorInscricao => "sacador_avalista.inscricao.numero",
        Role::SacadorNome => "sacador_avalista.nome",
        Role::PixTipoChave => "pix.tipo_chave",
        Role::PixChave => "pix.chave",
        Role::PixTxid => "pix.txid",
        Role::PixLocation => "pix.location",
        Role::PixUrl => "pix.url",
        Role::PixEmv => "pix.emv",
        Role::PagamentoTipo => "pix.pagamento.tipo",
        Role::PagamentoQuantidade => "pix.pagamento.quantidade",
        Role::PagamentoTipoValor => "pix.pagamento.tipo_valor",
        Role::PagamentoValorMaximo => "pix.pagamento.valor_maximo",
        Role::PagamentoPercentualMaximo => "pix.pagamento.percentual_maximo",
        Role::PagamentoValorMinimo => "pix.pagamento.valor_minimo",
        Role::PagamentoPercentualMinimo => "pix.pagamento.percentual_minimo",
        _ => "titulo",
    }
}

/// The model field a retorno entry role's value comes from.
fn entry_path(role: Role) -> &'static str {
    match role {
        Role::Ocorrencia => "ocorrencia.code",
        Role::Motivos => "motivos",
        Role::DataOcorrencia => "data_ocorrencia",
        Role::DataCredito => "data_credito",
        Role::ValorTitulo => "valor_titulo",
        Role::ValorPago => "valor_pago",
        Role::ValorCreditado => "valor_creditado",
        Role::JurosMulta => "juros_multa",
        Role::Juros => "juros",
        Role::Multa => "multa",
        Role::Desconto => "desconto",
        Role::Tarifa => "tarifa",
        Role::OutrasDespesas => "outras_despesas",
        Role::OutrosCreditos => "outros_creditos",
        Role::BancoCobrador => "banco_cobrador",
        Role::AgenciaCobradora => "agencia_cobradora",
        r => titulo_path(r),
    }
}

fn pessoa_value(p: &Pessoa, role: Role) -> Option<Out<'_>> {
    match role {
        Role::PagadorTipoInscricao | Role::SacadorTipoInscricao => {
            int(p.inscricao.tipo.or_else(|| infer_tipo(&p.inscricao.numero)))
        }
        Role::PagadorInscricao | Role::SacadorInscricao => txt(&p.inscricao.numero),
        Role::PagadorNome | Role::SacadorNome => txt(&p.nome),
        Role::PagadorEndereco => txt(&p.endereco),
        Role::PagadorBairro => txt(&p.bairro),
        Role::PagadorCep => txt(&p.cep),
        Role::PagadorCidade => txt(&p.cidade),
        Role::PagadorUf => txt(&p.uf),
        _ => None,
    }
}

fn pagamento_value(p: &crate::model::TipoPagamento, role: Role) -> Option<Out<'_>> {
    match role {
        Role::PagamentoTipo => txt(&p.tipo),
        Role::PagamentoQuantidade => int(p.quantidade),
        Role::PagamentoTipoValor => txt(&p.tipo_valor),
        Role::PagamentoValorMaximo => num(p.valor_maximo),
        Role::PagamentoPercentualMaximo => num(p.percentual_maximo),
        Role::PagamentoValorMinimo => num(p.valor_minimo),
        Role::PagamentoPercentualMinimo => num(p.percentual_minimo),
        _ => None,
    }
}

fn titulo_value(t: &Titulo, role: Role) -> Option<Out<'_>> {
    let msg = |i: usize| t.mensagens.get(i).and_then(|m| txt(m));
    match role {
        Role::Movimento => txt(if t.movimento.is_empty() {
            "01"
        } else {
            &t.movimento
        }),
        Role::NossoNumero => txt(&t.nosso_numero),
        Role::NossoNumeroDv => t.nosso_numero_dv.as_deref().and_then(txt),
        Role::SeuNumero => txt(&t.seu_numero),
        Role::UsoEmpresa => txt(&t.uso_empresa),
        Role::Carteira => txt(&t.carteira),
        Role::Variacao | Role::Modalidade => txt(&t.variacao),
        Role::Especie => txt(&t.especie),
        Role::Aceite => txt(&t.aceite),
        Role::Emissao => date(t.emissao),
        Role::Vencimento => date(t.vencimento),
        Role::ValorTitulo => Some(Out::Num(t.valor)),
        Role::JurosCodigo => txt(&t.juros.codigo),
        Role::JurosData => date(t.juros.data),
        Role::JurosValor => num(t.juros.valor),
        Role::MultaCodigo => txt(&t.multa.codigo),
        Role::MultaData => date(t.multa.data),
        Role::MultaValor => num(t.multa.valor),
        Role::DescontoCodigo => txt(&t.desconto.codigo),
        Role::DescontoData => date(t.desconto.data),
        Role::DescontoValor => num(t.desconto.valor),
        Role::Abatimento => num(t.abatimento),
        Role::Iof => num(t.iof),
        Role::ProtestoCodigo => txt(&t.protesto.codigo),
        Role::ProtestoPrazo => int(t.protesto.prazo),
        Role::BaixaCodigo => txt(&t.baixa.codigo),
        Role::BaixaPrazo => int(t.baixa.prazo),
        Role::Mensagem1 => msg(0),
        Role::Mensagem2 => msg(1),
        Role::Mensagem3 => msg(2),
        Role::Mensagem4 => msg(3),
        Role::SacadorTipoInscricao | Role::SacadorInscricao | Role::SacadorNome => t
            .sacador_avalista
            .as_ref()
            .and_then(|p| pessoa_value(p, role)),
        Role::PixTipoChave => t
            .pix
            .as_ref()
            .and_then(|p| owned_txt(crate::layouts::pix::tipo_chave_or_inferred(p))),
        Role::PixChave => t.pix.as_ref().and_then(|p| txt(&p.chave)),
        Role::PixTxid => t.pix.as_ref().and_then(|p| txt(&p.txid)),
        Role::PixLocation => t.pix.as_ref().and_then(|p| txt(&p.location)),
        Role::PixUrl | Role::PixEmv => None,
        Role::PagamentoTipo
        | Role::PagamentoQuantidade
        | Role::PagamentoTipoValor
        | Role::PagamentoValorMaximo
        | Role::PagamentoPercentualMaximo
        | Role::PagamentoValorMinimo
        | Role::PagamentoPercentualMinimo => t
            .pix
            .as_ref()
            .and_then(|p| p.pagamento.as_ref())
            .and_then(|p| pagamento_value(p, role)),
        _ => pessoa_value(&t.pagador, role),
    }
}

/// A title's value for one role read straight from the [`Titulo`], chosen once per field when the plan is built
/// ([`titulo_acc`]) instead of matching the role on every line. Each gives what [`titulo_value`] gives for its role
/// (an empty text, an absent amount or date: none given); roles without one go through [`titulo_value`].
#[derive(Debug, Clone, Copy)]
enum Acc {
    None,
    Text(fn(&Titulo) -> &str),
    Num(fn(&Titulo) -> Option<Decimal>),
    Date(fn(&Titulo) -> Option<NaiveDate>),
    /// The nosso número DV: the one computed for the title, else the title's own.
    Dv,
}

/// The typed accessor of `role` (see [`Acc`]); tested against [`titulo_value`] below.
fn titulo_acc(role: Role) -> Acc {
    match role {
        Role::Movimento => Acc::Text(|t| {
            if t.movimento.is_empty() {
                "01"
            } else {
                &t.movimento
            }
        }),
        Role::NossoNumero => Acc::Text(|t| &t.nosso_numero),
        Role::NossoNumeroDv => Acc::Dv,
        Role::SeuNumero => Acc::Text(|t| &t.seu_numero),
        Role::UsoEmpresa => Acc::Text(|t| &t.uso_empresa),
        Role::Carteira => Acc::Text(|t| &t.carteira),
        Role::Variacao | Role::Modalidade => Acc::Text(|t| &t.variacao),
        Role::Especie => Acc::Text(|t| &t.especie),
        Role::Aceite => Acc::Text(|t| &t.aceite),
        Role::Emissao => Acc::Date(|t| t.emissao),
        Role::Vencimento => Acc::Date(|t| t.vencimento),
        Role::ValorTitulo => Acc::Num(|t| Some(t.valor)),
        Role::JurosCodigo => Acc::Text(|t| &t.juros.codigo),
        Role::JurosData => Acc::Date(|t| t.juros.data),
        Role::JurosValor => Acc::Num(|t| t.juros.valor),
        Role::MultaCodigo => Acc::Text(|t| &t.multa.codigo),
        Role::MultaData => Acc::Date(|t| t.multa.data),
        Role::MultaValor => Acc::Num(|t| t.multa.valor),
        Role::DescontoCodigo => Acc::Text(|t| &t.desconto.codigo),
        Role::DescontoData => Acc::Date(|t| t.desconto.data),
        Role::DescontoValor => Acc::Num(|t| t.desconto.valor),
        Role::Abatimento => Acc::Num(|t| t.abatimento),
        Role::Iof => Acc::Num(|t| t.iof),
        Role::ProtestoCodigo => Acc::Text(|t| &t.protesto.codigo),
        Role::ProtestoPrazo => Acc::Num(|t| t.protesto.prazo.map(Decimal::from)),
        Role::BaixaCodigo => Acc::Text(|t| &t.baixa.codigo),
        Role::BaixaPrazo => Acc::Num(|t| t.baixa.prazo.map(Decimal::from)),
        Role::Mensagem1 => Acc::Text(|t| t.mensagens.first().map_or("", String::as_str)),
        Role::Mensagem2 => Acc::Text(|t| t.mensagens.get(1).map_or("", String::as_str)),
        Role::Mensagem3 => Acc::Text(|t| t.mensagens.get(2).map_or("", String::as_str)),
        Role::Mensagem4 => Acc::Text(|t| t.mensagens.get(3).map_or("", String::as_str)),
        Role::PagadorTipoInscricao => Acc::Num(|t| {
            let i = &t.pagador.inscricao;
            i.tipo.or_else(|| infer_tipo(&i.numero)).map(Decimal::from)
        }),
        Role::PagadorInscricao => Acc::Text(|t| &t.pagador.inscricao.numero),
        Role::PagadorNome => Acc::Text(|t| &t.pagador.nome),
        Role::PagadorEndereco => Acc::Text(|t| &t.pagador.endereco),
        Role::PagadorBairro => Acc::Text(|t| &t.pagador.bairro),
        Role::PagadorCep => Acc::Text(|t| &t.pagador.cep),
        Role::PagadorCidade => Acc::Text(|t| &t.pagador.cidade),
        Role::PagadorUf => Acc::Text(|t| &t.pagador.uf),
        _ => Acc::None,
    }
}

/// Whether [`titulo_value`] can give a value for `role` (for some title): the roles a title's values fill. The
/// write plan ([`Plan`]) writes every other role of a detail record from the header once per file; a role listed
/// here that a title never fills only costs time, a role missing here would be written wrong (tested below).
fn titulo_may_give(role: Role) -> bool {
    matches!(
        role,
        Role::Movimento
            | Role::NossoNumero
            | Role::NossoNumeroDv
            | Role::SeuNumero
            | Role::UsoEmpresa
            | Role::Carteira
            | Role::Variacao
            | Role::Modalidade
            | Role::Especie
            | Role::Aceite
            | Role::Emissao
            | Role::Vencimento
            | Role::ValorTitulo
            | Role::JurosCodigo
            | Role::JurosData
            | Role::JurosValor
            | Role::MultaCodigo
            | Role::MultaData
            | Role::MultaValor
            | Role::DescontoCodigo
            | Role::DescontoData
            | Role::DescontoValor
            | Role::Abatimento
            | Role::Iof
            | Role::ProtestoCodigo
            | Role::ProtestoPrazo
            | Role::BaixaCodigo
            | Role::BaixaPrazo
            | Role::Mensagem1
            | Role::Mensagem2
            | Role::Mensagem3
            | Role::Mensagem4
            | Role::SacadorTipoInscricao
            | Role::SacadorInscricao
            | Role::SacadorNome
            | Role::PixTipoChave
            | Role::PixChave
            | Role::PixTxid
            | Role::PixLocation
            | Role::PagamentoTipo
            | Role::PagamentoQuantidade
            | Role::PagamentoTipoValor
            | Role::PagamentoValorMaximo
            | Role::PagamentoPercentualMaximo
            | Role::PagamentoValorMinimo
            | Role::PagamentoPercentualMinimo
            | Role::PagadorTipoInscricao
            | Role::PagadorInscricao
            | Role::PagadorNome
            | Role::PagadorEndereco
            | Role::PagadorBairro
            | Role::PagadorCep
            | Role::PagadorCidade
            | Role::PagadorUf
    )
}

fn entry_value(e: &RetornoEntry, role: Role) -> Option<Out<'_>> {
    match role {
        Role::NossoNumero => txt(&e.nosso_numero),
        Role::NossoNumeroDv => e.nosso_numero_dv.as_deref().and_then(txt),
        Role::SeuNumero => txt(&e.seu_numero),
        Role::UsoEmpresa => txt(&e.uso_empresa),
        Role::Carteira => txt(&e.carteira),
        Role::Variacao | Role::Modalidade => txt(&e.variacao),
        Role::Ocorrencia => e.ocorrencia.as_ref().and_then(|o| txt(&o.code)),
        Role::Motivos => {
            let s: String = e
                .motivos
                .iter()
                .map(|m| format!("{:0>2}", m.code))
                .collect();
            owned_txt(s)
        }
        Role::DataOcorrencia => date(e.data_ocorrencia),
        Role::DataCredito => date(e.data_credito),
        Role::Vencimento => date(e.vencimento),
        Role::ValorTitulo => num(e.valor_titulo),
        Role::ValorPago => num(e.valor_pago),
        Role::ValorCreditado => num(e.valor_creditado),
        Role::JurosMulta => num(e.juros_multa),
        // A model that gives only the combined juros_multa writes it as juros (nothing is dropped).
        Role::Juros => num(e.juros.or(if e.multa.is_none() {
            e.juros_multa
        } else {
            None
        })),
        Role::Multa => num(e.multa),
        Role::PixTipoChave => e.pix.as_ref().and_then(|p| txt(&p.tipo_chave)),
        Role::PixChave => e.pix.as_ref().and_then(|p| txt(&p.chave)),
        Role::PixUrl => e.pix.as_ref().and_then(|p| txt(&p.url)),
        Role::PixTxid => e.pix.as_ref().and_then(|p| txt(&p.txid)),
        Role::PixEmv => e.pix.as_ref().and_then(|p| txt(&p.emv)),
        Role::PixLocation => e.pix.as_ref().and_then(|p| txt(&p.location)),
        Role::Desconto => num(e.desconto),
        Role::Abatimento => num(e.abatimento),
        Role::Iof => num(e.iof),
        Role::Tarifa => num(e.tarifa),
        Role::OutrasDespesas => num(e.outras_despesas),
        Role::OutrosCreditos => num(e.outros_creditos),
        Role::BancoCobrador => txt(&e.banco_cobrador),
        Role::AgenciaCobradora => txt(&e.agencia_cobradora),
        _ => e.pagador.as_ref().and_then(|p| pessoa_value(p, role)),
    }
}

/// Options for writing.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Line ending; default: what the bank's manual demands (CRLF for every bank we support).
    pub line_ending: Option<LineEnding>,
    /// Skip CPF/CNPJ validation (for test files with made-up documents).
    pub skip_document_check: bool,
    /// Refuse instead of warn: text longer than its field and values the layout cannot carry are errors.
    pub strict: bool,
}

fn spec_for(
    bank: Bank,
    layout: Layout,
    kind: FileKind,
    version: &str,
) -> Result<&'static LayoutSpec> {
    crate::banks::spec(bank.code())
        .and_then(|s| s.layout(layout, kind, version))
        .ok_or_else(|| {
            Error::new(ErrorKind::UnknownBank {
                code: bank.to_string(),
                layout: layout.number(),
                hint: format!(" for a {kind}"),
            })
        })
}

fn has_any<'v, F>(roles: &[Role], value: &F) -> bool
where
    F: Fn(Role) -> Option<Out<'v>> + ?Sized,
{
    roles.iter().any(|r| match value(*r) {
        None => false,
        Some(Out::Num(d)) => !d.is_zero(),
        Some(_) => true,
    })
}

/// [`has_any`] for a title, its values read through their [`Acc`] (`dv`: the DV computed for it, which `value`
/// gives instead of the title's); a role without one is asked of `value`.
fn titulo_has_any<'v, F>(roles: &[Role], t: &Titulo, dv: Option<&str>, value: &F) -> bool
where
    F: Fn(Role) -> Option<Out<'v>> + ?Sized,
{
    roles.iter().any(|&r| match titulo_acc(r) {
        Acc::Text(get) => !get(t).is_empty(),
        Acc::Num(get) => get(t).is_some_and(|d| !d.is_zero()),
        Acc::Date(get) => get(t).is_some(),
        Acc::Dv => !dv.or(t.nosso_numero_dv.as_deref()).unwrap_or("").is_empty(),
        Acc::None => has_any(&[r], value),
    })
}

/// FEBRABAN 240 (v10.7, G038): the record number inside a batch (columns 9-13) has 5 digits, so a batch holds at
/// most 99,999 detail records; the writer starts a new batch before a title whose records would not fit.
pub const MAX_DETAILS_PER_BATCH: u64 = 99_999;

/// A bank's rewrite of an item's written line (see [`LayoutSpec::write_hook`]).
type LineHook<T> = dyn Fn(&mut Vec<u8>, RecordKey, &T);

/// How a file's items are written: their values, the model fields those come from, and how they are named.
struct Items<'a, T> {
    items: &'a [T],
    value: &'a dyn Fn(&T, Role) -> Option<Out<'_>>,
    path: fn(Role) -> &'static str,
    /// The roles an item may give a value for (see [`Plan::new`]).
    roles: fn(Role) -> bool,
    id: &'a dyn Fn(usize, &'a T) -> ItemId<'a>,
    hook: Option<&'a LineHook<T>>,
}

/// The state of a file being written: the lines not yet handed out, how many were written, the counts and sums
/// the trailers need, and the warnings so far.
#[derive(Clone)]
struct Writer {
    spec: &'static LayoutSpec,
    /// How each record is laid out in this file (shared by the clones made to probe an error).
    plan: std::sync::Arc<Plan>,
    header: Header,
    bank: Bank,
    ctl: Control,
    /// The lines written and not yet taken, each followed by the line ending (a streaming writer takes them after
    /// each title).
    buf: Vec<u8>,
    /// A line rewritten by the bank's hook (one buffer, reused for every line).
    line: Vec<u8>,
    /// A field encoded on its own before it is put in its place (one buffer, reused).
    field: Vec<u8>,
    /// The entry records written for the current item (one buffer, reused).
    keys: Vec<RecordKey>,
    /// The line ending written after every line.
    ending: LineEnding,
    /// Length of the file header line (with its ending) at the start of `buf`.
    header_len: usize,
    /// Lines written so far, taken or not.
    count: usize,
    warnings: Vec<WriteWarning>,
    is_240: bool,
    /// Per batch (CNAB 240) and per file: titles and the sum of the valor written.
    batch_titulos: u64,
    batch_valor: Decimal,
    file_titulos: u64,
    file_valor: Decimal,
    seq_in_batch: u64,
    batches: u64,
}

/// Where the value of a field that varies from line to line comes from (see [`Plan`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A control value (numbering, counts, totals).
    Control,
    /// The item's value, else the header's.
    Item,
    /// The header's value, written per line (it is refused or reported, so each line says so).
    Header,
}

/// One step of writing a record.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Bytes of the record's template: fields whose value is the same on every line of the file.
    Fixed { from: usize, to: usize },
    /// A field written from its value on each line.
    Field {
        spec: &'static FieldSpec,
        source: Source,
        /// For an item's field: the template's bytes to write when the item gives no value (the header's value,
        /// else the table's default), when those are written exactly; `None`: looked for on the line.
        absent: Option<(usize, usize)>,
    },
}

/// How one record is written in this file: the bytes of its fixed fields, and the steps that lay out a line.
#[derive(Debug, Clone)]
struct RecordPlan {
    key: RecordKey,
    layout: &'static RecordLayout,
    /// The fixed fields' bytes, in field order.
    template: Vec<u8>,
    steps: Vec<Step>,
    /// The whole line with the fixed fields in place (the fields that vary hold spaces), and the fields that vary
    /// with their offset in it, when every such field is written at its width (see [`Writer::push`]); empty
    /// otherwise, and the line is laid out step by step. An item's field also has its title accessor ([`Acc`]).
    line: Vec<u8>,
    slots: Vec<(usize, Step, Acc)>,
    /// The record's valor-do-título field, whose amount the trailers total.
    valor: Option<&'static FieldSpec>,
}

/// The write plan of a file, computed once when it starts: for each record of the layout, which fields have the
/// same bytes on every line (blanks, constants, defaults, the bank code, and the header's values in detail
/// records where the item has no value for that role), encoded once into a template, and which are written per
/// line. A field whose fixed value is not written exactly as given (cut with a warning, refused) is written per
/// line, so warnings and errors name each line as before; the bytes are those of writing every field per line.
#[derive(Debug, Clone, Default)]
struct Plan {
    records: Vec<RecordPlan>,
}

impl Plan {
    /// The plan of every record of `spec`. `item_roles`: the roles an entry's item may give a value for (see
    /// [`titulo_may_give`]); those fields of entry records are written per line.
    fn new(
        spec: &'static LayoutSpec,
        header: &Header,
        bank: Bank,
        ctl: &Control,
        item_roles: fn(Role) -> bool,
    ) -> Plan {
        let records = spec
            .records
            .iter()
            .map(|&(key, layout)| {
                let is_entry = spec.entry.iter().any(|e| e.key == key);
                let mut template = Vec::with_capacity(layout.len);
                let mut steps: Vec<Step> = Vec::with_capacity(layout.fields.len());
                for f in layout.fields {
                    let fixed: Option<Option<Out<'_>>> = match f.role {
                        None => Some(None),
                        Some(Role::BancoNome)
                            if header.banco_nome.is_empty() && f.default.is_some() =>
                        {
                            Some(None)
                        }
                        Some(r @ (Role::BancoCodigo | Role::ArquivoCodigo | Role::Operacao)) => {
                            Some(control(ctl, r))
                        }
                        Some(r) if is_control(r) => None,
                        Some(r) if is_entry && item_roles(r) => None,
                        Some(r) => Some(header_value(header, bank, r)),
                    };
                    let start = template.len();
                    let exact = fixed.is_some_and(|v| {
                        matches!(encode(f, v.as_ref(), &mut template), Ok(Fit::Exact))
                    });
                    if exact {
                        match steps.last_mut() {
                            Some(Step::Fixed { to, .. }) if *to == start => *to = template.len(),
                            _ => steps.push(Step::Fixed {
                                from: start,
                                to: template.len(),
                            }),
                        }
                        continue;
                    }
                    template.truncate(start);
                    let source = match f.role {
                        Some(r) if is_control(r) => Source::Control,
                        Some(r) if is_entry && item_roles(r) => Source::Item,
                        _ => Source::Header,
                    };
                    // What an item's field is when the item gives no value (the header's value, else the table's
                    // default): encoded once, as every such line would encode it.
                    let absent = match (f.role, source) {
                        (Some(r), Source::Item) if r != Role::BancoNome => {
                            let v = header_value(header, bank, r);
                            let at = template.len();
                            if matches!(encode(f, v.as_ref(), &mut template), Ok(Fit::Exact)) {
                                Some((at, template.len()))
                            } else {
                                template.truncate(at);
                                None
                            }
                        }
                        _ => None,
                    };
                    steps.push(Step::Field {
                        spec: f,
                        source,
                        absent,
                    });
                }
                let (line, slots) = slotted(&template, &steps);
                RecordPlan {
                    key,
                    layout,
                    template,
                    steps,
                    line,
                    slots,
                    valor: layout.by_role(Role::ValorTitulo),
                }
            })
            .collect();
        Plan { records }
    }

    /// A plan that writes every field per line (no template): with `item_roles` true for every role, each value is
    /// looked for as control value, item value, header value in turn on every line, as before there was a plan;
    /// [`Plan::new`] must write the same bytes.
    #[cfg(test)]
    fn per_field(spec: &'static LayoutSpec, item_roles: fn(Role) -> bool) -> Plan {
        let records = spec
            .records
            .iter()
            .map(|&(key, layout)| {
                let is_entry = spec.entry.iter().any(|e| e.key == key);
                let steps = layout
                    .fields
                    .iter()
                    .map(|f| {
                        let source = match f.role {
                            Some(r) if is_control(r) => Source::Control,
                            Some(r) if is_entry && item_roles(r) => Source::Item,
                            _ => Source::Header,
                        };
                        Step::Field {
                            spec: f,
                            source,
                            absent: None,
                        }
                    })
                    .collect();
                RecordPlan {
                    key,
                    layout,
                    template: Vec::new(),
                    steps,
                    line: Vec::new(),
                    slots: Vec::new(),
                    valor: layout.by_role(Role::ValorTitulo),
                }
            })
            .collect();
        Plan { records }
    }

    fn record(&self, key: RecordKey) -> Option<&RecordPlan> {
        self.records.iter().find(|r| r.key == key)
    }
}

/// The whole line of a record plan and its fields that vary, each at its offset (see [`RecordPlan::line`]): the
/// fixed bytes where the steps put them, every field that varies taking its width. Empty when an item's field left
/// empty would be written from template bytes of another width (those lines are laid out step by step).
fn slotted(template: &[u8], steps: &[Step]) -> (Vec<u8>, Vec<(usize, Step, Acc)>) {
    let mut line = Vec::new();
    let mut slots = Vec::new();
    for step in steps {
        match *step {
            Step::Fixed { from, to } => {
                line.extend_from_slice(template.get(from..to).unwrap_or_default())
            }
            Step::Field {
                spec,
                source,
                absent,
            } => {
                if absent.is_some_and(|(from, to)| to - from != spec.len()) {
                    return (Vec::new(), Vec::new());
                }
                let acc = match (source, spec.role) {
                    (Source::Item, Some(r)) => titulo_acc(r),
                    _ => Acc::None,
                };
                slots.push((line.len(), *step, acc));
                line.resize(line.len() + spec.len(), b' ');
            }
        }
    }
    (line, slots)
}

/// The values of a record that carries no item's (headers and trailers).
fn no_value(_: Role) -> Option<Out<'static>> {
    None
}

/// Whether `role` is a control value, filled by the writer (see [`control`]).
fn is_control(role: Role) -> bool {
    control(&Control::default(), role).is_some()
}

/// Where a field's value comes from, named only for a warning or an error.
#[derive(Clone, Copy)]
enum Path {
    None,
    Control(&'static str),
    Item(Role),
    Header(Role),
}

/// A field's value on one line (see [`field_value`]).
enum Value<'a> {
    /// The value to encode (`None`: none given), where it comes from and whose it is.
    Given(Option<Out<'a>>, Path, ItemId<'a>),
    /// An item's field the item leaves empty: these bytes of the record's template.
    Absent(usize, usize),
}

/// The value of a field that varies from line to line: its control value, else the item's, else the header's.
/// Inlined into the line loop, so that the value is not moved through memory on its way to the encoder.
#[inline(always)]
fn field_value<'a, 'v: 'a, F>(
    header: &'a Header,
    bank: Bank,
    ctl: &Control,
    (spec, source, absent): (&'static FieldSpec, Source, Option<(usize, usize)>),
    id: ItemId<'a>,
    item: &F,
) -> Value<'a>
where
    F: Fn(Role) -> Option<Out<'v>> + ?Sized,
{
    match (spec.role, source) {
        (None, _) => Value::Given(None, Path::None, HEADER_ID),
        (Some(Role::BancoNome), _) if header.banco_nome.is_empty() && spec.default.is_some() => {
            // The table's literal (e.g. "BANCO ITAU SA") wins over our display name.
            Value::Given(None, Path::None, HEADER_ID)
        }
        (Some(role), Source::Control) => {
            Value::Given(control(ctl, role), Path::Control(spec.name), HEADER_ID)
        }
        (Some(role), Source::Item) => match (item(role), absent) {
            (Some(v), _) => Value::Given(Some(v), Path::Item(role), id),
            (None, Some((from, to))) => Value::Absent(from, to),
            (None, None) => Value::Given(
                header_value(header, bank, role),
                Path::Header(role),
                HEADER_ID,
            ),
        },
        (Some(role), Source::Header) => Value::Given(
            header_value(header, bank, role),
            Path::Header(role),
            HEADER_ID,
        ),
    }
}

/// The line a field is written on, for its warnings and errors.
struct LineAt {
    no: usize,
    layout: &'static str,
    item_path: fn(Role) -> &'static str,
    /// The model gives no bank name (our display name is written where the table has no literal).
    no_banco_nome: bool,
}

/// What encoding a field gave: nothing more for a value written exactly, a warning for text cut or a fixed field's
/// content, and the error naming the line, the field and the value for a value refused.
fn report(
    warnings: &mut Vec<WriteWarning>,
    at: &LineAt,
    spec: &'static FieldSpec,
    value: Option<&Out<'_>>,
    path: Path,
    owner: ItemId<'_>,
    fit: Result<Fit, String>,
) -> Result<()> {
    let path = || match path {
        Path::None => "",
        Path::Control(name) => name,
        Path::Item(role) => (at.item_path)(role),
        Path::Header(role) => header_path(role),
    };
    let shown = || value.map(Out::to_string).unwrap_or_default();
    let warn = |kind| WriteWarning {
        titulo: owner.index,
        seu_numero: owner.seu_numero.to_string(),
        nosso_numero: owner.nosso_numero.to_string(),
        field: path().to_string(),
        value: shown(),
        line: at.no,
        columns: Some((spec.start, spec.end)),
        layout_field: Some(spec.name),
        kind,
    };
    match fit {
        Ok(Fit::Exact) => {}
        // Our display name for the bank, written where the model gives none, is not the model's value.
        Ok(Fit::Cut(_)) if spec.role == Some(Role::BancoNome) && at.no_banco_nome => {}
        Ok(Fit::Cut(written)) => warnings.push(warn(WarningKind::Truncated {
            width: spec.len(),
            written,
        })),
        Ok(Fit::Fixed(written)) => warnings.push(warn(WarningKind::Fixed { written })),
        Err(reason) => {
            return Err(Error::at_field(
                at.no,
                at.layout,
                spec,
                unwritable(owner, path(), shown(), reason),
            ))
        }
    }
    Ok(())
}

impl Writer {
    /// Appends one record (without its line ending) to `self.buf` following the plan: the template's fixed bytes,
    /// and per field that varies its control value, else the item's, else the header's. On an error nothing is
    /// appended. Generic over the item's values, so that a title's accessor is compiled into the loop.
    ///
    /// Where the plan has the whole line ([`RecordPlan::line`]), the line is copied at once and each field that
    /// varies is encoded into its place; a field whose encoding does not take its width (a table's constant or date
    /// of another width) sends the line back to be laid out step by step, with the same bytes, warnings and errors.
    ///
    /// `titulo`: the title `item` gives the values of, with the DV computed for it (which `item` gives instead of
    /// the title's): its fields are read through their [`Acc`], and only a value that is not written exactly as
    /// given takes `item`.
    fn push<'v, F>(
        &mut self,
        key: RecordKey,
        id: ItemId<'_>,
        item: &F,
        item_path: fn(Role) -> &'static str,
        titulo: Option<(&Titulo, Option<&str>)>,
    ) -> Result<()>
    where
        F: Fn(Role) -> Option<Out<'v>> + ?Sized,
    {
        let Some(plan) = self.plan.record(key) else {
            return Err(Error::new(ErrorKind::invalid(format!(
                "layout {} has no {key}",
                self.spec.source
            ))));
        };
        let at = LineAt {
            no: self.count + 1,
            layout: plan.layout.name,
            item_path,
            no_banco_nome: self.header.banco_nome.is_empty(),
        };
        let start = self.buf.len();
        if !plan.line.is_empty() {
            let warned = self.warnings.len();
            self.buf.extend_from_slice(&plan.line);
            let mut laid_out = true;
            for &(offset, step, acc) in &plan.slots {
                let Step::Field {
                    spec,
                    source,
                    absent,
                } = step
                else {
                    continue;
                };
                let Some(slot) = self
                    .buf
                    .get_mut(start + offset..start + offset + spec.len())
                else {
                    laid_out = false;
                    break;
                };
                // A title's value read straight from it and written exactly: nothing else to do. Anything else
                // (no value, a value to cut or refuse) is looked for and written below as for any item.
                if let Some((t, dv)) = titulo {
                    let written = match acc {
                        Acc::None => false,
                        Acc::Text(get) => {
                            let s = get(t);
                            !s.is_empty() && fast_text(spec, s, slot)
                        }
                        Acc::Num(get) => get(t).is_some_and(|d| fast_num(spec, d, slot)),
                        Acc::Date(get) => get(t).is_some_and(|d| fast_date(spec, d, slot)),
                        Acc::Dv => {
                            let s = dv.or(t.nosso_numero_dv.as_deref()).unwrap_or("");
                            !s.is_empty() && fast_text(spec, s, slot)
                        }
                    };
                    if written {
                        continue;
                    }
                }
                let (value, path, owner) = match field_value(
                    &self.header,
                    self.bank,
                    &self.ctl,
                    (spec, source, absent),
                    id,
                    item,
                ) {
                    Value::Absent(from, to) => {
                        match plan.template.get(from..to) {
                            Some(bytes) if bytes.len() == slot.len() => slot.copy_from_slice(bytes),
                            _ => laid_out = false,
                        }
                        if laid_out {
                            continue;
                        }
                        break;
                    }
                    Value::Given(value, path, owner) => (value, path, owner),
                };
                if encode_fast_into(spec, value.as_ref(), slot) {
                    continue;
                }
                self.field.clear();
                let fit = encode_general(spec, value.as_ref(), &mut self.field);
                if fit.is_ok() {
                    if self.field.len() != slot.len() {
                        laid_out = false;
                        break;
                    }
                    slot.copy_from_slice(&self.field);
                }
                if let Err(e) = report(
                    &mut self.warnings,
                    &at,
                    spec,
                    value.as_ref(),
                    path,
                    owner,
                    fit,
                ) {
                    self.buf.truncate(start);
                    return Err(e);
                }
            }
            if laid_out {
                return Ok(());
            }
            self.buf.truncate(start);
            self.warnings.truncate(warned);
        }
        let out = &mut self.buf;
        out.reserve(plan.layout.len + 2);
        for step in &plan.steps {
            let field = match *step {
                Step::Fixed { from, to } => {
                    out.extend_from_slice(plan.template.get(from..to).unwrap_or_default());
                    continue;
                }
                Step::Field {
                    spec,
                    source,
                    absent,
                } => (spec, source, absent),
            };
            match field_value(&self.header, self.bank, &self.ctl, field, id, item) {
                Value::Absent(from, to) => {
                    out.extend_from_slice(plan.template.get(from..to).unwrap_or_default());
                }
                Value::Given(value, path, owner) => {
                    let fit = encode(field.0, value.as_ref(), out);
                    if let Err(e) = report(
                        &mut self.warnings,
                        &at,
                        field.0,
                        value.as_ref(),
                        path,
                        owner,
                        fit,
                    ) {
                        out.truncate(start);
                        return Err(e);
                    }
                }
            }
        }
        Ok(())
    }

    /// Ends the record last pushed: appends the line ending.
    fn emit(&mut self) {
        self.buf.extend_from_slice(self.ending.as_bytes());
        self.count += 1;
    }

    fn control_record(&mut self, key: RecordKey) -> Result<()> {
        self.push(key, HEADER_ID, &no_value, header_path, None)?;
        self.emit();
        Ok(())
    }

    /// Reserves room for the lines of `n` titles (each of the entry records the layout may write).
    fn reserve_titles(&mut self, n: usize) {
        let ending = self.ending.as_bytes().len();
        let per_title: usize = self
            .spec
            .entry
            .iter()
            .filter(|e| e.emit != Emit::Never)
            .filter_map(|e| self.spec.record(e.key))
            .map(|l| l.len + ending)
            .sum();
        self.buf.reserve(per_title.saturating_mul(n));
    }

    fn finish(self) -> Written {
        Written {
            bytes: self.buf,
            warnings: self.warnings,
        }
    }
}

/// The amount written in a record's valor-do-título field `f`, read back from the bytes.
fn written_valor(f: &FieldSpec, line: &[u8]) -> Option<Decimal> {
    match f.kind {
        Kind::Num { scale } => crate::field::decode_num(f.slice(line), scale)
            .ok()
            .flatten(),
        _ => None,
    }
}

/// The line ending of a file: the options', else the one the bank's manual demands.
fn line_ending(spec: &LayoutSpec, opts: WriteOptions) -> LineEnding {
    opts.line_ending.unwrap_or(if spec.crlf {
        LineEnding::CrLf
    } else {
        LineEnding::Lf
    })
}

impl Writer {
    /// Starts a file of the spec's kind: its header, and CNAB 240's first batch header. `item_roles`: the roles an
    /// item may give a value for (see [`Plan::new`]).
    fn begin(
        spec: &'static LayoutSpec,
        bank: Bank,
        header: Header,
        ending: LineEnding,
        item_roles: fn(Role) -> bool,
    ) -> Result<Writer> {
        let kind_code = match spec.kind {
            FileKind::Remessa => 1,
            FileKind::Retorno => 2,
        };
        let ctl = Control {
            bank: bank.code(),
            kind_code,
            ..Control::default()
        };
        let plan = Plan::new(spec, &header, bank, &ctl, item_roles);
        Writer::begin_with(spec, bank, header, ending, plan)
    }

    /// [`Writer::begin`] with a given plan.
    fn begin_with(
        spec: &'static LayoutSpec,
        bank: Bank,
        header: Header,
        ending: LineEnding,
        plan: Plan,
    ) -> Result<Writer> {
        let kind_code = match spec.kind {
            FileKind::Remessa => 1,
            FileKind::Retorno => 2,
        };
        let is_240 = spec.layout == Layout::Cnab240;
        let ctl = Control {
            bank: bank.code(),
            kind_code,
            ..Control::default()
        };
        let plan = std::sync::Arc::new(plan);
        let mut w = Writer {
            spec,
            plan,
            header,
            bank,
            ctl,
            buf: Vec::new(),
            line: Vec::new(),
            field: Vec::new(),
            keys: Vec::new(),
            ending,
            header_len: 0,
            count: 0,
            warnings: Vec::new(),
            is_240,
            batch_titulos: 0,
            batch_valor: Decimal::ZERO,
            file_titulos: 0,
            file_valor: Decimal::ZERO,
            seq_in_batch: 0,
            batches: 0,
        };
        w.ctl.sequencial = 1;
        w.control_record(RecordKey::FileHeader)?;
        w.header_len = w.buf.len();
        if is_240 {
            w.batches = 1;
            w.ctl.lote = 1;
            w.control_record(RecordKey::BatchHeader)?;
        }
        Ok(w)
    }

    fn close_batch(&mut self) -> Result<()> {
        self.ctl.qtd_registros = self.seq_in_batch + 2;
        self.ctl.qtd_titulos = self.batch_titulos;
        self.ctl.valor_total = self.batch_valor;
        self.control_record(RecordKey::BatchTrailer)
    }

    /// Writes one item's records, `value` giving the item's value of each role. CNAB 240: a new batch when the
    /// record numbering of this one is full (see [`MAX_DETAILS_PER_BATCH`]).
    fn item<'v, T, F>(
        &mut self,
        item: &T,
        id: ItemId<'_>,
        value: &F,
        path: fn(Role) -> &'static str,
        hook: Option<&LineHook<T>>,
        titulo: Option<(&Titulo, Option<&str>)>,
    ) -> Result<()>
    where
        F: Fn(Role) -> Option<Out<'v>> + ?Sized,
    {
        let spec = self.spec;
        let emitted = |er: &&EntryRecord| match er.emit {
            Emit::Always => true,
            Emit::Never => false,
            Emit::IfAny(roles) => match titulo {
                Some((t, dv)) => titulo_has_any(roles, t, dv, value),
                None => has_any(roles, value),
            },
        };
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        keys.extend(spec.entry.iter().filter(emitted).map(|er| er.key));
        let records = keys.len() as u64;
        if self.is_240
            && self.seq_in_batch > 0
            && self.seq_in_batch + records > MAX_DETAILS_PER_BATCH
        {
            self.close_batch()?;
            (self.seq_in_batch, self.batch_titulos, self.batch_valor) = (0, 0, Decimal::ZERO);
            self.batches += 1;
            self.ctl.lote = self.batches;
            self.ctl.sequencial = 0;
            self.control_record(RecordKey::BatchHeader)?;
        }
        let mut valor = None;
        for &key in &keys {
            self.seq_in_batch += 1;
            self.ctl.sequencial = if self.is_240 {
                self.seq_in_batch
            } else {
                self.count as u64 + 1
            };
            let start = self.buf.len();
            self.push(key, id, value, path, titulo)?;
            if let Some(hook) = hook {
                // The bank's hook rewrites the line in a buffer of its own.
                self.line.clear();
                self.line
                    .extend_from_slice(self.buf.get(start..).unwrap_or_default());
                hook(&mut self.line, key, item);
                self.buf.truncate(start);
                self.buf.extend_from_slice(&self.line);
            }
            if valor.is_none() {
                valor = self
                    .plan
                    .record(key)
                    .and_then(|p| p.valor)
                    .and_then(|f| written_valor(f, self.buf.get(start..).unwrap_or_default()));
            }
            self.emit();
        }
        self.keys = keys;
        let valor = valor.unwrap_or_default();
        self.batch_titulos += 1;
        self.batch_valor += valor;
        self.file_titulos += 1;
        self.file_valor += valor;
        Ok(())
    }

    /// Closes the file: the last batch trailer and the file trailer (CNAB 240), or the trailer (CNAB 400), with the
    /// counts and totals of what was written; without a trailer, the header rewritten with the record count (only
    /// while every line is still held).
    fn end(&mut self) -> Result<()> {
        if self.is_240 {
            self.close_batch()?;
            self.ctl.lote = 9999;
            self.ctl.qtd_lotes = self.batches;
            self.ctl.qtd_registros = self.count as u64 + 1;
        } else {
            self.ctl.sequencial = self.count as u64 + 1;
            self.ctl.qtd_registros = self.count as u64 + 1;
        }
        self.ctl.qtd_titulos = self.file_titulos;
        self.ctl.valor_total = self.file_valor;
        if self.spec.framing.file_trailer {
            self.control_record(RecordKey::FileTrailer)?;
        } else {
            // No trailer (BRB's "DCB" remessa): the header carries the record count, known only now.
            // Written a second time with the same values: its warnings were given the first time.
            self.ctl.qtd_registros = self.count as u64;
            let warned = self.warnings.len();
            let held = self.buf.len() >= self.header_len;
            let start = self.buf.len();
            self.push(
                RecordKey::FileHeader,
                HEADER_ID,
                &no_value,
                header_path,
                None,
            )?;
            self.warnings.truncate(warned);
            let mut header = self.buf.split_off(start);
            if held {
                header.extend_from_slice(self.ending.as_bytes());
                self.buf.splice(..self.header_len, header);
            }
        }
        Ok(())
    }
}

impl Writer {
    /// Writes one title's records; `dv`: the nosso número DV computed for it (see [`nosso_numero_dvs`]).
    fn titulo(&mut self, t: &Titulo, id: ItemId<'_>, dv: Option<&str>) -> Result<()> {
        let spec = self.spec;
        let hook = spec.write_hook.as_ref().map(|h| h as &LineHook<Titulo>);
        match dv {
            None => self.item(
                t,
                id,
                &|r| titulo_value(t, r),
                titulo_path,
                hook,
                Some((t, None)),
            ),
            Some(dv) if spec.write_hook.is_some() => {
                // The bank's hook reads the title: it is given the title with its DV.
                let mut filled = t.clone();
                filled.nosso_numero_dv = Some(dv.to_string());
                self.item(
                    &filled,
                    id,
                    &|r| titulo_value(&filled, r),
                    titulo_path,
                    hook,
                    Some((&filled, None)),
                )
            }
            Some(dv) => self.item(
                t,
                id,
                &|r| match r {
                    Role::NossoNumeroDv => txt(dv),
                    _ => titulo_value(t, r),
                },
                titulo_path,
                hook,
                Some((t, Some(dv))),
            ),
        }
    }
}

/// Writes a file of the spec's kind with one entry per item. CNAB 240: as many batches as the record numbering
/// allows (see [`MAX_DETAILS_PER_BATCH`]); trailer counts and totals are taken from what was written.
fn write_file<T>(
    spec: &'static LayoutSpec,
    bank: Bank,
    header: &Header,
    items: &Items<'_, T>,
    opts: WriteOptions,
) -> Result<Written> {
    let mut w = Writer::begin(
        spec,
        bank,
        header.clone(),
        line_ending(spec, opts),
        items.roles,
    )?;
    for (i, item) in items.items.iter().enumerate() {
        w.item(
            item,
            (items.id)(i + 1, item),
            &|r| (items.value)(item, r),
            items.path,
            items.hook,
            None,
        )?;
    }
    w.end()?;
    Ok(w.finish())
}

fn titulo_id(index: usize, t: &Titulo) -> ItemId<'_> {
    ItemId {
        index,
        seu_numero: &t.seu_numero,
        nosso_numero: &t.nosso_numero,
    }
}

fn check_documents(remessa: &Remessa) -> Result<()> {
    let bad = |id: ItemId<'_>, field: &str, numero: &str| {
        Error::new(unwritable(
            id,
            field,
            numero.to_string(),
            "not a valid CPF/CNPJ (wrong length or check digit)".into(),
        ))
    };
    let b = &remessa.header.beneficiario.inscricao;
    if !b.numero.is_empty() && !crate::doc::valid_inscricao(b.tipo, &b.numero) {
        return Err(bad(
            HEADER_ID,
            "header.beneficiario.inscricao.numero",
            &b.numero,
        ));
    }
    for (i, t) in remessa.titulos.iter().enumerate() {
        check_titulo_documents(i + 1, t)?;
    }
    Ok(())
}

/// The CPFs/CNPJs of one title (`index` 1-based), as [`check_documents`] checks them.
fn check_titulo_documents(index: usize, t: &Titulo) -> Result<()> {
    let bad = |id: ItemId<'_>, field: &str, numero: &str| {
        Error::new(unwritable(
            id,
            field,
            numero.to_string(),
            "not a valid CPF/CNPJ (wrong length or check digit)".into(),
        ))
    };
    {
        let id = titulo_id(index, t);
        let p = &t.pagador.inscricao;
        if !p.numero.is_empty() && !crate::doc::valid_inscricao(p.tipo, &p.numero) {
            return Err(bad(id, "pagador.inscricao.numero", &p.numero));
        }
        if let Some(s) = &t.sacador_avalista {
            let p = &s.inscricao;
            if !p.numero.is_empty() && !crate::doc::valid_inscricao(p.tipo, &p.numero) {
                return Err(bad(id, "sacador_avalista.inscricao.numero", &p.numero));
            }
        }
    }
    Ok(())
}

/// Pix data of a título (boleto híbrido) are written where the layout has a record for them, checked first (see
/// [`crate::layouts::pix`]): a value the layout cannot carry, a malformed chave or txid, or a movimento the bank
/// does not accept with Pix is refused naming the field.
fn check_pix(remessa: &Remessa, bank: Bank, spec: &LayoutSpec) -> Result<()> {
    for (i, t) in remessa.titulos.iter().enumerate() {
        check_titulo_pix(i + 1, t, bank, spec)?;
    }
    Ok(())
}

/// One title's Pix data (`index` 1-based), as [`check_pix`] checks them.
fn check_titulo_pix(index: usize, t: &Titulo, bank: Bank, spec: &LayoutSpec) -> Result<()> {
    {
        let Some(pix) = t.pix.as_ref().filter(|p| !p.is_empty()) else {
            return Ok(());
        };
        let id = titulo_id(index, t);
        let carried = carried_roles(spec, &|r| titulo_value(t, r));
        if let Some((field, value, reason)) = crate::layouts::pix::check(pix, &carried) {
            return Err(Error::new(unwritable(id, field, value, reason)));
        }
        let rule = crate::layouts::pix::PIX_MOVIMENTOS
            .iter()
            .find(|(code, layout, ..)| *code == bank.code() && *layout == spec.layout);
        // The rule is about the QR code: a tipo de pagamento alone goes with any movimento.
        let qr = !(pix.chave.is_empty() && pix.txid.is_empty() && pix.location.is_empty());
        let movimento = if t.movimento.is_empty() {
            "01" // what the writer writes for an empty movimento
        } else {
            t.movimento.as_str()
        };
        if let Some((_, _, codes, why)) = rule.filter(|_| qr) {
            if !codes.contains(&movimento) {
                return Err(Error::new(unwritable(
                    id,
                    "movimento",
                    t.movimento.clone(),
                    (*why).to_string(),
                )));
            }
        }
    }
    Ok(())
}

/// The roles a title's file carries: those of the headers and trailers, and those of the entry records written
/// for this title (a record emitted only when some values are given carries nothing when it is not emitted).
fn carried_roles<'v>(spec: &LayoutSpec, value: &dyn Fn(Role) -> Option<Out<'v>>) -> Vec<Role> {
    let written = |key: RecordKey| match spec.entry.iter().find(|e| e.key == key) {
        None => true,
        Some(e) => match e.emit {
            Emit::Always => true,
            Emit::Never => false,
            Emit::IfAny(roles) => has_any(roles, value),
        },
    };
    let mut roles: Vec<Role> = spec
        .records
        .iter()
        .filter(|(k, _)| written(*k))
        .flat_map(|(_, l)| l.fields.iter())
        .filter(|f| !matches!(f.kind, Kind::Blank))
        .filter_map(|f| f.role)
        .collect();
    roles.sort();
    roles.dedup();
    roles
}

/// One model value to look for in the layout: its path, its value as text ("" = not given) and the roles that
/// carry it.
type Given = (String, String, Vec<Role>);

/// A set of roles, one bit each.
#[derive(Debug, Clone, Default)]
struct RoleSet {
    bits: [u64; 4],
    /// Roles beyond the bits (none today: `Role` has about a hundred variants).
    more: Vec<Role>,
}

impl RoleSet {
    fn insert(&mut self, r: Role) {
        let i = r as usize;
        match self.bits.get_mut(i / 64) {
            Some(w) => *w |= 1 << (i % 64),
            None if !self.more.contains(&r) => self.more.push(r),
            None => {}
        }
    }

    fn contains(&self, r: Role) -> bool {
        let i = r as usize;
        match self.bits.get(i / 64) {
            Some(w) => w & (1 << (i % 64)) != 0,
            None => self.more.contains(&r),
        }
    }

    fn union(&mut self, other: &RoleSet) {
        for (a, b) in self.bits.iter_mut().zip(other.bits) {
            *a |= b;
        }
        for &r in &other.more {
            self.insert(r);
        }
    }
}

/// The roles a layout's records carry, prepared once per file: [`CarriedRoles::of`] gives what [`carried_roles`]
/// gives for a title, as a set.
struct CarriedRoles {
    /// The roles of the records always written (headers, trailers, entry records emitted always).
    always: RoleSet,
    /// The entry records emitted only when some of their roles have a value: those roles, and what they carry.
    conditional: Vec<(&'static [Role], RoleSet)>,
}

impl CarriedRoles {
    fn new(spec: &LayoutSpec) -> Self {
        let roles = |key: Option<RecordKey>| {
            let mut set = RoleSet::default();
            for (_, l) in spec.records.iter().filter(|(k, _)| {
                key.map_or(!spec.entry.iter().any(|e| e.key == *k), |key| *k == key)
            }) {
                for f in l.fields.iter().filter(|f| !matches!(f.kind, Kind::Blank)) {
                    if let Some(r) = f.role {
                        set.insert(r);
                    }
                }
            }
            set
        };
        let mut always = roles(None);
        let mut conditional = Vec::new();
        for e in spec.entry {
            match e.emit {
                Emit::Always => always.union(&roles(Some(e.key))),
                Emit::Never => {}
                Emit::IfAny(when) => conditional.push((when, roles(Some(e.key)))),
            }
        }
        CarriedRoles {
            always,
            conditional,
        }
    }

    /// The roles carried by the records written for an item with these values.
    fn of<'v>(&self, value: &dyn Fn(Role) -> Option<Out<'v>>) -> RoleSet {
        let mut set = self.always.clone();
        for (when, roles) in &self.conditional {
            if has_any(when, value) {
                set.union(roles);
            }
        }
        set
    }
}

/// A model value as given, for [`each_given_titulo`]: its text (what a warning shows) is made only when needed.
#[derive(Debug, Clone, Copy)]
enum GivenValue<'a> {
    Str(&'a str),
    Date(Option<NaiveDate>),
    /// An amount: zero counts as not given.
    Amount(Option<Decimal>),
    Int(Option<u32>),
}

impl GivenValue<'_> {
    /// Whether the value's text is empty (not given).
    fn is_empty(&self) -> bool {
        match self {
            GivenValue::Str(s) => s.is_empty(),
            GivenValue::Date(d) => d.is_none(),
            GivenValue::Amount(d) => !d.is_some_and(|d| !d.is_zero()),
            GivenValue::Int(v) => v.is_none(),
        }
    }

    fn text(&self) -> String {
        match self {
            GivenValue::Str(s) => (*s).to_string(),
            GivenValue::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
            GivenValue::Amount(d) => d
                .filter(|d| !d.is_zero())
                .map(|d| d.to_string())
                .unwrap_or_default(),
            GivenValue::Int(v) => v.map(|v| v.to_string()).unwrap_or_default(),
        }
    }
}

/// What [`each_given_titulo`] calls with each value: its model path, the value, the roles that carry it.
type GivenVisitor<'f, 't> = dyn FnMut(Cow<'static, str>, GivenValue<'t>, &[Role]) + 'f;

/// Each value of a title that a layout may carry: its model path, its value, and the roles that carry it.
fn each_given_titulo<'t>(t: &'t Titulo, f: &mut GivenVisitor<'_, 't>) {
    use GivenValue::{Amount, Date, Int, Str};
    let mut c = |field: &'static str, value: GivenValue<'t>, roles: &[Role]| {
        f(Cow::Borrowed(field), value, roles);
    };
    c("movimento", Str(&t.movimento), &[Role::Movimento]);
    c("nosso_numero", Str(&t.nosso_numero), &[Role::NossoNumero]);
    c(
        "nosso_numero_dv",
        Str(t.nosso_numero_dv.as_deref().unwrap_or("")),
        &[Role::NossoNumeroDv],
    );
    c("seu_numero", Str(&t.seu_numero), &[Role::SeuNumero]);
    c("uso_empresa", Str(&t.uso_empresa), &[Role::UsoEmpresa]);
    c("carteira", Str(&t.carteira), &[Role::Carteira]);
    c(
        "variacao",
        Str(&t.variacao),
        &[Role::Variacao, Role::Modalidade],
    );
    c("especie", Str(&t.especie), &[Role::Especie]);
    c("aceite", Str(&t.aceite), &[Role::Aceite]);
    c("emissao", Date(t.emissao), &[Role::Emissao]);
    c("vencimento", Date(t.vencimento), &[Role::Vencimento]);
    c("valor", Amount(Some(t.valor)), &[Role::ValorTitulo]);
    for (e, [fc, fd, fv], [rc, rd, rv]) in [
        (
            &t.juros,
            ["juros.codigo", "juros.data", "juros.valor"],
            [Role::JurosCodigo, Role::JurosData, Role::JurosValor],
        ),
        (
            &t.multa,
            ["multa.codigo", "multa.data", "multa.valor"],
            [Role::MultaCodigo, Role::MultaData, Role::MultaValor],
        ),
        (
            &t.desconto,
            ["desconto.codigo", "desconto.data", "desconto.valor"],
            [
                Role::DescontoCodigo,
                Role::DescontoData,
                Role::DescontoValor,
            ],
        ),
    ] {
        c(fc, Str(&e.codigo), &[rc]);
        c(fd, Date(e.data), &[rd]);
        c(fv, Amount(e.valor), &[rv]);
    }
    c("abatimento", Amount(t.abatimento), &[Role::Abatimento]);
    c("iof", Amount(t.iof), &[Role::Iof]);
    c(
        "protesto.codigo",
        Str(&t.protesto.codigo),
        &[Role::ProtestoCodigo],
    );
    c(
        "protesto.prazo",
        Int(t.protesto.prazo),
        &[Role::ProtestoPrazo],
    );
    c("baixa.codigo", Str(&t.baixa.codigo), &[Role::BaixaCodigo]);
    c("baixa.prazo", Int(t.baixa.prazo), &[Role::BaixaPrazo]);
    let p = &t.pagador;
    c(
        "pagador.inscricao.tipo",
        Int(p.inscricao.tipo.map(u32::from)),
        &[Role::PagadorTipoInscricao],
    );
    c(
        "pagador.inscricao.numero",
        Str(&p.inscricao.numero),
        &[Role::PagadorInscricao],
    );
    c("pagador.nome", Str(&p.nome), &[Role::PagadorNome]);
    c(
        "pagador.endereco",
        Str(&p.endereco),
        &[Role::PagadorEndereco],
    );
    c("pagador.bairro", Str(&p.bairro), &[Role::PagadorBairro]);
    c("pagador.cep", Str(&p.cep), &[Role::PagadorCep]);
    c("pagador.cidade", Str(&p.cidade), &[Role::PagadorCidade]);
    c("pagador.uf", Str(&p.uf), &[Role::PagadorUf]);
    if let Some(p) = &t.sacador_avalista {
        c(
            "sacador_avalista.inscricao.tipo",
            Int(p.inscricao.tipo.map(u32::from)),
            &[Role::SacadorTipoInscricao],
        );
        c(
            "sacador_avalista.inscricao.numero",
            Str(&p.inscricao.numero),
            &[Role::SacadorInscricao],
        );
        c("sacador_avalista.nome", Str(&p.nome), &[Role::SacadorNome]);
        // No layout we write has a field for the sacador's address.
        c("sacador_avalista.endereco", Str(&p.endereco), &[]);
        c("sacador_avalista.bairro", Str(&p.bairro), &[]);
        c("sacador_avalista.cep", Str(&p.cep), &[]);
        c("sacador_avalista.cidade", Str(&p.cidade), &[]);
        c("sacador_avalista.uf", Str(&p.uf), &[]);
    }
    const MSG: [(&str, Role); 4] = [
        ("mensagens[0]", Role::Mensagem1),
        ("mensagens[1]", Role::Mensagem2),
        ("mensagens[2]", Role::Mensagem3),
        ("mensagens[3]", Role::Mensagem4),
    ];
    for (k, m) in t.mensagens.iter().enumerate() {
        match MSG.get(k) {
            Some((field, role)) => f(Cow::Borrowed(field), Str(m), std::slice::from_ref(role)),
            None => f(Cow::Owned(format!("mensagens[{k}]")), Str(m), &[]),
        }
    }
}

fn given_header(h: &Header) -> Vec<Given> {
    let b = &h.beneficiario;
    let opt = |v: Option<String>| v.unwrap_or_default();
    [
        ("nome", b.nome.clone(), Role::EmpresaNome),
        (
            "inscricao.tipo",
            opt(b.inscricao.tipo.map(|t| t.to_string())),
            Role::EmpresaTipoInscricao,
        ),
        (
            "inscricao.numero",
            b.inscricao.numero.clone(),
            Role::EmpresaInscricao,
        ),
        ("agencia", b.agencia.clone(), Role::Agencia),
        ("agencia_dv", b.agencia_dv.clone(), Role::AgenciaDv),
        ("conta", b.conta.clone(), Role::Conta),
        ("conta_dv", b.conta_dv.clone(), Role::ContaDv),
        ("convenio", b.convenio.clone(), Role::Convenio),
        (
            "codigo_beneficiario",
            b.codigo_beneficiario.clone(),
            Role::CodigoBeneficiario,
        ),
        ("carteira", b.carteira.clone(), Role::Carteira),
        ("variacao", b.variacao.clone(), Role::Variacao),
    ]
    .into_iter()
    .map(|(f, v, r)| (format!("header.beneficiario.{f}"), v, vec![r]))
    .chain(
        [
            ("banco_nome", h.banco_nome.clone(), Role::BancoNome),
            ("nsa", opt(h.nsa.map(|n| n.to_string())), Role::Nsa),
            (
                "data_geracao",
                opt(h.data_geracao.map(|d| d.to_string())),
                Role::DataGeracao,
            ),
            ("layout_versao", h.layout_versao.clone(), Role::LayoutVersao),
            (
                "data_credito",
                opt(h.data_credito.map(|d| d.to_string())),
                Role::DataCredito,
            ),
        ]
        .into_iter()
        .map(|(f, v, r)| (format!("header.{f}"), v, vec![r])),
    )
    .collect()
}

/// Every value of the model that the layout has no field for, as a warning.
/// The given values that no carried role holds, as warnings.
fn not_carried_by(
    out: &mut Vec<WriteWarning>,
    id: ItemId<'_>,
    given: Vec<Given>,
    carried: &RoleSet,
) {
    for (field, value, roles) in given {
        if !value.is_empty() && !roles.iter().any(|r| carried.contains(*r)) {
            out.push(not_carried_warning(id, field, value));
        }
    }
}

fn not_carried_warning(id: ItemId<'_>, field: String, value: String) -> WriteWarning {
    WriteWarning {
        titulo: id.index,
        seu_numero: id.seu_numero.to_string(),
        nosso_numero: id.nosso_numero.to_string(),
        field,
        value,
        line: 0,
        columns: None,
        layout_field: None,
        kind: WarningKind::NotCarried,
    }
}

/// The values of a title that no carried role holds, as warnings (see [`not_carried_by`]).
fn titulo_not_carried(out: &mut Vec<WriteWarning>, id: ItemId<'_>, t: &Titulo, carried: &RoleSet) {
    each_given_titulo(t, &mut |field, value, roles| {
        if !value.is_empty() && !roles.iter().any(|r| carried.contains(*r)) {
            out.push(not_carried_warning(id, field.into_owned(), value.text()));
        }
    });
}

/// The header's values no record of the file carries, as warnings; a layout version that chose the layout's
/// table (BB 400 "CBR640"), or names the variant the reader found (BB 400 "CBR641"), is honoured even without a
/// field.
fn header_not_carried(
    out: &mut Vec<WriteWarning>,
    header: &Header,
    spec: &LayoutSpec,
    carried: &RoleSet,
) {
    let mut given = given_header(header);
    given.retain(|(field, value, _)| {
        field != "header.layout_versao"
            || !(spec.versions.contains(&value.as_str())
                || spec.variants.iter().any(|(_, n)| n == value))
    });
    not_carried_by(out, HEADER_ID, given, carried);
}

fn not_carried(remessa: &Remessa, spec: &LayoutSpec) -> Vec<WriteWarning> {
    let mut out = Vec::new();
    let carried = CarriedRoles::new(spec);
    // The header's values: carried by the header records or by any title's records (CNAB 400 details repeat
    // agência and conta); a remessa without titles writes only the headers.
    let mut any_title = carried.of(&|_| None);
    let per_title: Vec<RoleSet> = remessa
        .titulos
        .iter()
        .map(|t| carried.of(&|r| titulo_value(t, r)))
        .collect();
    for c in &per_title {
        any_title.union(c);
    }
    header_not_carried(&mut out, &remessa.header, spec, &any_title);
    for ((i, t), c) in remessa.titulos.iter().enumerate().zip(&per_title) {
        titulo_not_carried(&mut out, titulo_id(i + 1, t), t, c);
    }
    out
}

/// Where the layout carries the nosso número check digit in a field of its own and a title does not give it, the
/// DV is computed by the `boleto` crate from the beneficiário's data (agência, conta, carteira, convênio, código do
/// beneficiário) — the same arithmetic that builds the barcode, so remessa and boleto agree. One element per title:
/// the DV computed for it (`None`: the title's own, or none to compute); `None` when no title needs one.
fn nosso_numero_dvs(
    remessa: &Remessa,
    bank: Bank,
    spec: &LayoutSpec,
) -> Result<Option<Vec<Option<boleto::CheckDigit>>>> {
    if !has_dv_field(spec)
        || remessa
            .titulos
            .iter()
            .all(|t| t.nosso_numero_dv.is_some() || t.nosso_numero.is_empty())
    {
        return Ok(None);
    }
    let mut input = DvInput::new(&remessa.header.beneficiario, bank);
    remessa
        .titulos
        .iter()
        .enumerate()
        .map(|(i, t)| titulo_dv(i + 1, t, &mut input))
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

/// Whether the layout carries the nosso número check digit in a field of its own.
fn has_dv_field(spec: &LayoutSpec) -> bool {
    spec.entry
        .iter()
        .filter(|e| e.emit != Emit::Never)
        .filter_map(|e| spec.record(e.key))
        .any(|l| l.by_role(Role::NossoNumeroDv).is_some())
}

/// The nosso número DV to write for one title (`index` 1-based) that has a nosso número and no DV, as
/// [`nosso_numero_dvs`] computes it; `None` for any other title, or when the bank's arithmetic gives none.
fn titulo_dv(index: usize, t: &Titulo, input: &mut DvInput) -> Result<Option<boleto::CheckDigit>> {
    if t.nosso_numero_dv.is_some() || t.nosso_numero.is_empty() {
        return Ok(None);
    }
    /// `slot` set to `value`, else to `fallback` (`None` when both are empty), reusing its buffer.
    fn set(slot: &mut Option<String>, value: &str, fallback: &Option<String>) {
        let v = match (value, fallback) {
            ("", None) => {
                *slot = None;
                return;
            }
            ("", Some(f)) => f.as_str(),
            (v, _) => v,
        };
        match slot {
            Some(s) => {
                s.clear();
                s.push_str(v);
            }
            None => *slot = Some(v.to_string()),
        }
    }
    // The common case, over the title's digits alone: the same DV (see `boleto::NossoNumeroDvs`).
    let carteira = match (t.carteira.as_str(), &input.carteira) {
        ("", Some(c)) => c.as_str(),
        (c, _) => c,
    };
    if let Some(dv) = input.dvs.check_digit(&t.nosso_numero, carteira) {
        return Ok(Some(dv));
    }
    let i = &mut input.input;
    i.nosso_numero.clear();
    i.nosso_numero.push_str(&t.nosso_numero);
    i.valor = t.valor;
    set(&mut i.carteira, &t.carteira, &input.carteira);
    set(&mut i.modalidade, &t.variacao, &input.variacao);
    i.vencimento = t.vencimento;
    // The DV alone, computed over the digits without building the formatted nosso número.
    boleto::nosso_numero_check_digit(i).map_err(|e| {
        Error::new(unwritable(
            titulo_id(index, t),
            "nosso_numero_dv",
            String::new(),
            format!("cannot compute the nosso número check digit ({e}); give nosso_numero_dv"),
        ))
    })
}

/// The `boleto` input [`titulo_dv`] gives the DV arithmetic: the beneficiário's data set once per file, each
/// title's own values set in turn.
#[derive(Clone)]
struct DvInput {
    input: boleto::BoletoInput,
    /// The beneficiário's carteira and variação, for titles that give none.
    carteira: Option<String>,
    variacao: Option<String>,
    /// The DV over a title's digits, for the banks and values it covers.
    dvs: boleto::NossoNumeroDvs,
}

impl DvInput {
    fn new(b: &crate::model::Beneficiario, bank: Bank) -> Self {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let mut input = boleto::BoletoInput::new(bank.code(), String::new(), Decimal::ZERO);
        input.agencia = opt(&b.agencia);
        input.agencia_dv = opt(&b.agencia_dv);
        input.conta = opt(&b.conta);
        input.conta_dv = opt(&b.conta_dv);
        input.convenio = opt(&b.convenio);
        input.codigo_beneficiario = opt(&b.codigo_beneficiario);
        DvInput {
            dvs: boleto::NossoNumeroDvs::new(&input),
            input,
            carteira: opt(&b.carteira),
            variacao: opt(&b.variacao),
        }
    }
}

/// Writes a remessa for a bank and layout: numbering, batch and file trailer counts, the bank's line ending,
/// upper-case ASCII with accents transliterated. CPFs and CNPJs (numeric and alphanumeric) are validated.
/// Every value is written as given or refused with an [`ErrorKind::Unwritable`] error naming the title, the field
/// and the value. Text cut to its field and values the layout cannot carry are reported by
/// [`write_remessa_with`]; this function does not return them (use that one to see them, or to refuse them).
///
/// ```
/// use cnab_core::{write_remessa, read_remessa, Bank, Layout, Remessa, ReadOptions};
/// let remessa = read_remessa(cnab_core::tutorial::ITAU_240_REMESSA, ReadOptions::strict()).unwrap();
/// let bytes = write_remessa(&remessa, Bank::new(341), Layout::Cnab240).unwrap();
/// let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
/// assert_eq!(back.titulos.len(), remessa.titulos.len());
/// ```
pub fn write_remessa(remessa: &Remessa, bank: Bank, layout: Layout) -> Result<Vec<u8>> {
    let opts = WriteOptions::default();
    let spec = spec_for(
        bank,
        layout,
        FileKind::Remessa,
        &remessa.header.layout_versao,
    )?;
    // The warnings are not returned: the model values the layout has no field for are not looked for.
    write_remessa_checked(remessa, bank, spec, opts, false).map(|w| w.bytes)
}

/// [`write_remessa`] with options, returning the bytes and the warnings: every text cut to its field and every
/// model value the layout cannot carry (with [`WriteOptions::strict`], the first of them is an error instead).
///
/// ```
/// use cnab_core::{write_remessa_with, Bank, Layout, Remessa, WriteOptions, WarningKind};
/// let mut remessa = cnab_core::read_remessa(cnab_core::tutorial::ITAU_240_REMESSA, cnab_core::ReadOptions::strict()).unwrap();
/// remessa.titulos[0].pagador.nome = "MARIA ".repeat(10);
/// let w = write_remessa_with(&remessa, Bank::new(341), Layout::Cnab240, WriteOptions::default()).unwrap();
/// assert_eq!(w.warnings[0].field, "pagador.nome");
/// assert!(matches!(w.warnings[0].kind, WarningKind::Truncated { width: 30, .. }));
/// let strict = WriteOptions { strict: true, ..WriteOptions::default() };
/// assert!(write_remessa_with(&remessa, Bank::new(341), Layout::Cnab240, strict).is_err());
/// ```
pub fn write_remessa_with(
    remessa: &Remessa,
    bank: Bank,
    layout: Layout,
    opts: WriteOptions,
) -> Result<Written> {
    let spec = spec_for(
        bank,
        layout,
        FileKind::Remessa,
        &remessa.header.layout_versao,
    )?;
    write_remessa_spec(remessa, bank, spec, opts)
}

/// Writes a remessa with a given layout spec (e.g. FEBRABAN's generic one, or a layout of your own).
pub fn write_remessa_spec(
    remessa: &Remessa,
    bank: Bank,
    spec: &'static LayoutSpec,
    opts: WriteOptions,
) -> Result<Written> {
    write_remessa_checked(remessa, bank, spec, opts, true)
}

/// [`write_remessa_spec`]; without `not_carried` (the caller drops the warnings) and unless strict, the model values
/// the layout has no field for are not looked for.
fn write_remessa_checked(
    remessa: &Remessa,
    bank: Bank,
    spec: &'static LayoutSpec,
    opts: WriteOptions,
    not_carried_warnings: bool,
) -> Result<Written> {
    if spec.kind != FileKind::Remessa {
        return Err(Error::new(ErrorKind::invalid(
            "write_remessa_spec needs a remessa layout spec",
        )));
    }
    let missing = if not_carried_warnings || opts.strict {
        not_carried(remessa, spec)
    } else {
        Vec::new()
    };
    // First each title in turn: its CPF/CNPJ and Pix checked, its DV computed and its records written while its
    // values are in the cache. On any error, the checks below run in their order over the whole remessa (every
    // document, then every Pix, the values not carried, the DVs, the records), which gives the same bytes for a
    // valid remessa and finds the error that order finds first.
    if !opts.strict || missing.is_empty() {
        if let Ok(mut written) = write_remessa_titles(remessa, bank, spec, opts) {
            if opts.strict {
                if let Some(w) = written.warnings.first() {
                    return Err(w.to_error());
                }
            }
            written.warnings.extend(missing);
            return Ok(written);
        }
    }
    if !opts.skip_document_check {
        check_documents(remessa)?;
    }
    check_pix(remessa, bank, spec)?;
    if opts.strict {
        if let Some(w) = missing.first() {
            return Err(w.to_error());
        }
    }
    let write = |dvs: Option<&[Option<boleto::CheckDigit>]>| -> Result<Written> {
        let mut w = Writer::begin(
            spec,
            bank,
            remessa.header.clone(),
            line_ending(spec, opts),
            titulo_may_give,
        )?;
        w.reserve_titles(remessa.titulos.len());
        for (i, t) in remessa.titulos.iter().enumerate() {
            let dv = dvs.and_then(|d| d.get(i)).and_then(Option::as_ref);
            w.titulo(t, titulo_id(i + 1, t), dv.map(boleto::CheckDigit::as_str))?;
        }
        w.end()?;
        Ok(w.finish())
    };
    let dvs = match nosso_numero_dvs(remessa, bank, spec) {
        Ok(dvs) => dvs,
        // A value the DV arithmetic refuses is usually one the layout refuses too: that error names the field.
        Err(e) => return Err(write(None).err().unwrap_or(e)),
    };
    let mut written = write(dvs.as_deref())?;
    if opts.strict {
        if let Some(w) = written.warnings.first() {
            return Err(w.to_error());
        }
    }
    written.warnings.extend(missing);
    Ok(written)
}

/// The checks and records of [`write_remessa_checked`] title by title (see there): the same bytes and warnings when
/// nothing is refused; an error may not be the one that function returns.
fn write_remessa_titles(
    remessa: &Remessa,
    bank: Bank,
    spec: &'static LayoutSpec,
    opts: WriteOptions,
) -> Result<Written> {
    let b = &remessa.header.beneficiario.inscricao;
    if !opts.skip_document_check
        && !b.numero.is_empty()
        && !crate::doc::valid_inscricao(b.tipo, &b.numero)
    {
        return Err(Error::new(ErrorKind::invalid("header CPF/CNPJ")));
    }
    let dv_field = has_dv_field(spec);
    let mut input = DvInput::new(&remessa.header.beneficiario, bank);
    let mut w = Writer::begin(
        spec,
        bank,
        remessa.header.clone(),
        line_ending(spec, opts),
        titulo_may_give,
    )?;
    w.reserve_titles(remessa.titulos.len());
    for (i, t) in remessa.titulos.iter().enumerate() {
        if !opts.skip_document_check {
            check_titulo_documents(i + 1, t)?;
        }
        check_titulo_pix(i + 1, t, bank, spec)?;
        let dv = if dv_field {
            titulo_dv(i + 1, t, &mut input)?
        } else {
            None
        };
        w.titulo(
            t,
            titulo_id(i + 1, t),
            dv.as_ref().map(boleto::CheckDigit::as_str),
        )?;
    }
    w.end()?;
    Ok(w.finish())
}

/// Writes a remessa to any `Write` sink.
pub fn write_remessa_to<W: std::io::Write>(
    remessa: &Remessa,
    bank: Bank,
    layout: Layout,
    mut sink: W,
) -> Result<()> {
    let bytes = write_remessa(remessa, bank, layout)?;
    sink.write_all(&bytes)
        .map_err(|e| Error::new(ErrorKind::io(e.to_string())))
}

/// How many bytes of whole lines [`RemessaWriter`] holds before handing them to its sink: one write per
/// ~64 KiB instead of one per title (a `File` without a `BufWriter` would otherwise make a system call per title).
const DRAIN_AT: usize = 1 << 16;

/// Writes a remessa one title at a time to any `Write` sink, so a remessa of any size is never held in memory: the
/// header when created, the titles' records in pieces of about 64 KiB of whole lines as they are given, the rest and
/// the trailers on [`RemessaWriter::finish`]. The bytes
/// are those of [`write_remessa_with`] for the same header and titles, with the same checks per title (CPF/CNPJ,
/// Pix, the nosso número DV computed where the layout has a field for it) and the same warnings, given in the
/// order they are met (a header value no title's records carry is known only at the end, so it comes last).
///
/// A layout whose header carries the file's record count and has no trailer (BRB's "DCB" remessa) cannot be
/// streamed; [`RemessaWriter::new`] refuses it. After an error the file is incomplete: drop the writer.
///
/// ```
/// use cnab_core::{read_remessa, Bank, Layout, ReadOptions, RemessaWriter, WriteOptions};
/// let remessa = read_remessa(cnab_core::tutorial::ITAU_240_REMESSA, ReadOptions::strict()).unwrap();
/// let mut w = RemessaWriter::new(Vec::new(), &remessa.header, Bank::new(341), Layout::Cnab240, WriteOptions::default()).unwrap();
/// for t in &remessa.titulos {
///     w.write(t).unwrap();
/// }
/// let (bytes, _warnings) = w.finish().unwrap();
/// assert_eq!(bytes, cnab_core::write_remessa(&remessa, Bank::new(341), Layout::Cnab240).unwrap());
/// ```
pub struct RemessaWriter<W: std::io::Write> {
    sink: W,
    w: Writer,
    opts: WriteOptions,
    /// Titles written so far.
    titulos: usize,
    /// The roles carried by the records written so far (for the header's values not carried).
    carried: RoleSet,
    /// The roles the layout's records carry.
    roles: CarriedRoles,
    /// The DV arithmetic's input, the beneficiário's data set.
    dv_input: DvInput,
    dv_field: bool,
}

impl<W: std::io::Write> RemessaWriter<W> {
    /// Starts a remessa for a bank and layout (the table chosen by `header.layout_versao` as
    /// [`write_remessa_with`] chooses it) and writes its header records.
    pub fn new(
        sink: W,
        header: &Header,
        bank: Bank,
        layout: Layout,
        opts: WriteOptions,
    ) -> Result<Self> {
        let spec = spec_for(bank, layout, FileKind::Remessa, &header.layout_versao)?;
        Self::with_spec(sink, header, bank, spec, opts)
    }

    /// [`RemessaWriter::new`] with a given layout spec (as [`write_remessa_spec`]).
    pub fn with_spec(
        sink: W,
        header: &Header,
        bank: Bank,
        spec: &'static LayoutSpec,
        opts: WriteOptions,
    ) -> Result<Self> {
        if spec.kind != FileKind::Remessa {
            return Err(Error::new(ErrorKind::invalid(
                "RemessaWriter needs a remessa layout spec",
            )));
        }
        if !spec.framing.file_trailer {
            return Err(Error::new(ErrorKind::invalid(format!(
                "{}: the header carries the file's record count and there is no trailer, so the file cannot be \
                 written one title at a time; use write_remessa",
                spec.source
            ))));
        }
        if !opts.skip_document_check {
            check_documents(&Remessa {
                bank: Some(bank),
                header: header.clone(),
                titulos: Vec::new(),
                records: Vec::new(),
                problems: Vec::new(),
            })?;
        }
        let w = Writer::begin(
            spec,
            bank,
            header.clone(),
            line_ending(spec, opts),
            titulo_may_give,
        )?;
        let mut out = RemessaWriter {
            sink,
            w,
            opts,
            titulos: 0,
            carried: CarriedRoles::new(spec).of(&|_| None),
            roles: CarriedRoles::new(spec),
            dv_input: DvInput::new(&header.beneficiario, bank),
            dv_field: has_dv_field(spec),
        };
        out.strict_warning(0)?;
        out.drain()?;
        Ok(out)
    }

    /// Hands the lines written so far to the sink.
    fn drain(&mut self) -> Result<()> {
        self.sink
            .write_all(&self.w.buf)
            .map_err(|e| Error::new(ErrorKind::io(e.to_string())))?;
        self.w.buf.clear();
        Ok(())
    }

    /// In strict mode, the first warning from `from` on is an error.
    fn strict_warning(&self, from: usize) -> Result<()> {
        match self.w.warnings.get(from..).and_then(<[_]>::first) {
            Some(w) if self.opts.strict => Err(w.to_error()),
            _ => Ok(()),
        }
    }

    /// Writes one title's records.
    pub fn write(&mut self, titulo: &Titulo) -> Result<()> {
        let index = self.titulos + 1;
        let spec = self.w.spec;
        let bank = self.w.bank;
        if !self.opts.skip_document_check {
            check_titulo_documents(index, titulo)?;
        }
        check_titulo_pix(index, titulo, bank, spec)?;
        let carried = self.roles.of(&|r| titulo_value(titulo, r));
        let mut missing = Vec::new();
        titulo_not_carried(&mut missing, titulo_id(index, titulo), titulo, &carried);
        if self.opts.strict {
            if let Some(w) = missing.first() {
                return Err(w.to_error());
            }
        }
        let mut dv = None;
        if self.dv_field {
            match titulo_dv(index, titulo, &mut self.dv_input) {
                Ok(d) => dv = d,
                Err(e) => {
                    // A value the DV arithmetic refuses is usually one the layout refuses too: that error names
                    // the field.
                    let mut probe = self.w.clone();
                    return Err(probe
                        .titulo(titulo, titulo_id(index, titulo), None)
                        .err()
                        .unwrap_or(e));
                }
            }
        }
        let warned = self.w.warnings.len();
        self.w.titulo(
            titulo,
            titulo_id(index, titulo),
            dv.as_ref().map(boleto::CheckDigit::as_str),
        )?;
        self.strict_warning(warned)?;
        self.w.warnings.extend(missing);
        self.carried.union(&carried);
        self.titulos = index;
        if self.w.buf.len() >= DRAIN_AT {
            self.drain()?;
        }
        Ok(())
    }

    /// Writes the trailers and flushes the sink; gives the sink back with every warning.
    pub fn finish(mut self) -> Result<(W, Vec<WriteWarning>)> {
        let warned = self.w.warnings.len();
        self.w.end()?;
        self.strict_warning(warned)?;
        let mut missing = Vec::new();
        header_not_carried(&mut missing, &self.w.header, self.w.spec, &self.carried);
        if self.opts.strict {
            if let Some(w) = missing.first() {
                return Err(w.to_error());
            }
        }
        self.w.warnings.extend(missing);
        self.drain()?;
        self.sink
            .flush()
            .map_err(|e| Error::new(ErrorKind::io(e.to_string())))?;
        Ok((self.sink, self.w.warnings))
    }
}

/// Reads a remessa model from JSON: the model itself, or what `cnab parse [--records]` prints for a remessa (its
/// `"kind": "remessa"`, `"problems"` and `"records"` keys are accepted and ignored: they describe the file read,
/// not the titles). Unknown keys are refused with their path
/// (`titulos[0].vencimeto`): a misspelt key never silently leaves a value out.
///
/// ```
/// use cnab_core::{remessa_from_json, ErrorKind};
/// let e = remessa_from_json(br#"{"header": {}, "titulos": [{"vencimeto": "2026-01-02"}]}"#).unwrap_err();
/// assert!(matches!(&e.kind, ErrorKind::BadModel { path, .. } if path == "titulos[0].vencimeto"));
/// ```
pub fn remessa_from_json(json: &[u8]) -> Result<Remessa> {
    let bad = |path: String, message: String| Error::new(ErrorKind::BadModel { path, message });
    let mut v: serde_json::Value =
        serde_json::from_slice(json).map_err(|e| bad(String::new(), e.to_string()))?;
    if let Some(obj) = v.as_object_mut() {
        match obj.remove("kind") {
            None => {}
            Some(serde_json::Value::String(k)) if k == "remessa" => {}
            Some(other) => {
                return Err(bad(
                    "kind".into(),
                    format!("expected \"remessa\", found {other}"),
                ))
            }
        }
        obj.remove("problems");
        obj.remove("records");
    }
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        bad(path, e.into_inner().to_string())
    })
}

/// Writes a retorno from the model (for test files and simulations: banks write retornos, companies read them).
pub fn write_retorno(retorno: &Retorno, opts: WriteOptions) -> Result<Vec<u8>> {
    let spec = spec_for(
        retorno.bank,
        retorno.layout,
        FileKind::Retorno,
        &retorno.header.layout_versao,
    )?;
    write_retorno_spec(retorno, spec, opts)
}

fn entry_id(index: usize, e: &RetornoEntry) -> ItemId<'_> {
    ItemId {
        index,
        seu_numero: &e.seu_numero,
        nosso_numero: &e.nosso_numero,
    }
}

/// Writes a retorno with a given layout spec (e.g. FEBRABAN's generic one, or a layout of your own).
pub fn write_retorno_spec(
    retorno: &Retorno,
    spec: &'static LayoutSpec,
    opts: WriteOptions,
) -> Result<Vec<u8>> {
    if spec.kind != FileKind::Retorno {
        return Err(Error::new(ErrorKind::invalid(
            "write_retorno_spec needs a retorno layout spec",
        )));
    }
    let mut written = write_file(
        spec,
        retorno.bank,
        &retorno.header,
        &Items {
            items: &retorno.entries,
            value: &entry_value,
            path: entry_path,
            // Every role: a retorno entry's values are looked for on every line.
            roles: |_| true,
            id: &entry_id,
            hook: None,
        },
        opts,
    )?;
    // The file trailer's totals of the file's entries, as its manual defines them (see `crate::trailer`).
    if let Some(layout) = spec
        .record(RecordKey::FileTrailer)
        .filter(|_| spec.framing.file_trailer)
    {
        let body = written
            .bytes
            .iter()
            .rposition(|&b| b != b'\n' && b != b'\r')
            .map_or(0, |i| i + 1);
        let start = written
            .bytes
            .get(..body)
            .and_then(|b| b.iter().rposition(|&c| c == b'\n' || c == b'\r'))
            .map_or(0, |i| i + 1);
        if let Some(line) = written.bytes.get_mut(start..body) {
            crate::trailer::write_file_totals(layout, line, &retorno.entries)?;
        }
    }
    if opts.strict {
        if let Some(w) = written.warnings.first() {
            return Err(w.to_error());
        }
    }
    Ok(written.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_field_given_another_value_is_reported() {
        const F: FieldSpec = FieldSpec::constant("banco_nome", 1, 5, "BANCO").role(Role::BancoNome);
        let mut out = Vec::new();
        let fit = encode(&F, Some(&Out::Text("Banco".into())), &mut out);
        assert_eq!((fit, out.as_slice()), (Ok(Fit::Exact), &b"BANCO"[..]));
        out.clear();
        let fit = encode(&F, Some(&Out::Text("OUTRO".into())), &mut out);
        assert_eq!(
            (fit, out.as_slice()),
            (Ok(Fit::Fixed("BANCO".into())), &b"BANCO"[..])
        );
    }

    /// Every field kind against values a file meets and values that need the general path: `encode` (fast path
    /// first) writes and returns exactly what the general path does, and the fast path takes the plain values.
    #[test]
    fn the_fast_path_writes_what_the_general_path_writes() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        let day = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let specs = [
            FieldSpec::num("n", 1, 5),
            FieldSpec::dec("v", 1, 8, 2),
            FieldSpec::dec("v4", 1, 3, 4),
            FieldSpec::num("d", 1, 4).default("12"),
            FieldSpec::num("cep", 1, 8).role(Role::PagadorCep),
            FieldSpec::alpha("a", 1, 6),
            FieldSpec::alpha("nome", 1, 6).role(Role::PagadorNome),
            FieldSpec::alpha("def", 1, 6).default("abc"),
            FieldSpec::alpha("doc", 1, 14).role(Role::PagadorInscricao),
            FieldSpec::alpha("chave", 1, 8).role(Role::PixChave),
            FieldSpec::date8("d8", 1, 8),
            FieldSpec::date6("d6", 1, 6),
            FieldSpec::date_ymd("ymd", 1, 8),
            FieldSpec::date8("d8def", 1, 8).default("00000000"),
            FieldSpec::constant("c", 1, 5, "BANCO"),
            FieldSpec::constant("short", 1, 5, "AB"),
            FieldSpec::blank("b", 1, 4),
        ];
        let t = |s: &'static str| Out::Text(Cow::Borrowed(s));
        let values = [
            None,
            Some(t("")),
            Some(t("123")),
            Some(t("123456789")),
            Some(t("01310-100")),
            Some(t("abc")),
            Some(t("Banco ")),
            Some(t("banco")),
            Some(t("ab  ")),
            Some(t("  ab")),
            Some(t("joão")),
            Some(t("a\tb")),
            Some(t("abcdefgh")),
            Some(t("abcdef   ")),
            Some(t("abcdefg  ")),
            Some(t("ab\u{e9}    ")),
            Some(t("12ABC34501DE35")),
            Some(t("11.222.333/0001-81")),
            Some(t("~ok~")),
            Some(Out::Num(d("1.5"))),
            Some(Out::Num(d("1.50"))),
            Some(Out::Num(d("0"))),
            Some(Out::Num(d("-0.00"))),
            Some(Out::Num(d("-1"))),
            Some(Out::Num(d("1.505"))),
            Some(Out::Num(d("12345.678"))),
            Some(Out::Num(d("99999999999999999999999999"))),
            Some(Out::Num(d("7"))),
            Some(Out::Date(day(2026, 1, 2))),
            Some(Out::Date(day(1969, 12, 31))),
            Some(Out::Date(day(2070, 1, 1))),
            Some(Out::Date(day(999, 3, 4))),
            Some(Out::Date(day(-5, 3, 4))),
            Some(Out::Date(None)),
        ];
        let mut fast = 0;
        for spec in &specs {
            for value in &values {
                let (mut a, mut b) = (b"xy".to_vec(), b"xy".to_vec());
                let got = encode(spec, value.as_ref(), &mut a);
                let want = encode_general(spec, value.as_ref(), &mut b);
                if want.is_err() {
                    b.truncate(2);
                    a.truncate(2);
                }
                assert_eq!((&got, &a), (&want, &b), "{} {value:?}", spec.name);
                let mut c = b"xy".to_vec();
                if encode_fast(spec, value.as_ref(), &mut c) {
                    fast += 1;
                    assert_eq!(c, a, "{} {value:?}", spec.name);
                } else {
                    assert_eq!(c, b"xy", "{} {value:?}", spec.name);
                }
            }
        }
        assert!(
            fast > specs.len() * 4,
            "the fast path took only {fast} cases"
        );
    }

    /// A title with every value the model has, so that [`titulo_value`] gives every role it can.
    fn full_titulo() -> Titulo {
        let d = |s: &str| s.parse::<Decimal>().ok();
        let day = NaiveDate::from_ymd_opt(2026, 3, 4);
        let pessoa = |n: &str| Pessoa {
            inscricao: crate::model::Inscricao {
                tipo: Some(1),
                numero: "11144477735".into(),
            },
            nome: n.into(),
            endereco: "RUA A 1".into(),
            bairro: "CENTRO".into(),
            cep: "01310100".into(),
            cidade: "SAO PAULO".into(),
            uf: "SP".into(),
        };
        let enc = |c: &str| crate::model::Encargo {
            codigo: c.into(),
            data: day,
            valor: d("1.5"),
        };
        let inst = crate::model::Instrucao {
            codigo: "1".into(),
            prazo: Some(5),
        };
        Titulo {
            movimento: "01".into(),
            nosso_numero: "123".into(),
            nosso_numero_dv: Some("4".into()),
            seu_numero: "A1".into(),
            uso_empresa: "X".into(),
            carteira: "09".into(),
            variacao: "019".into(),
            especie: "01".into(),
            aceite: "N".into(),
            emissao: day,
            vencimento: day,
            valor: Decimal::ONE,
            juros: enc("1"),
            multa: enc("2"),
            desconto: enc("1"),
            abatimento: d("1"),
            iof: d("1"),
            protesto: inst.clone(),
            baixa: inst,
            pagador: pessoa("PAGADOR"),
            sacador_avalista: Some(pessoa("SACADOR")),
            mensagens: vec!["M1".into(), "M2".into(), "M3".into(), "M4".into()],
            pix: Some(crate::model::PixInfo {
                tipo_chave: "4".into(),
                chave: "chave".into(),
                url: "url".into(),
                txid: "txid".into(),
                emv: "emv".into(),
                location: "loc".into(),
                pagamento: Some(crate::model::TipoPagamento {
                    tipo: "1".into(),
                    quantidade: Some(1),
                    tipo_valor: "1".into(),
                    valor_maximo: d("1"),
                    percentual_maximo: d("1"),
                    valor_minimo: d("1"),
                    percentual_minimo: d("1"),
                }),
            }),
            ..Titulo::default()
        }
    }

    /// The write plan writes a detail record's field from the header once per file only where a title never gives
    /// a value: every role of every table that a title can give is one [`titulo_may_give`] lists.
    #[test]
    fn every_role_a_title_gives_is_written_per_line() {
        let full = full_titulo();
        let mut seen = 0;
        for bank in crate::banks::ALL {
            for spec in bank.cnab240.iter().chain(bank.cnab400.iter()) {
                for (_, layout) in spec.records {
                    for f in layout.fields {
                        let Some(r) = f.role else { continue };
                        if titulo_value(&full, r).is_some() {
                            seen += 1;
                            assert!(titulo_may_give(r), "{r:?} ({} {})", spec.source, f.name);
                        } else {
                            // The full title gives every role listed, but the Pix URL and EMV (never written from a
                            // title) and the header's and control roles.
                            assert!(
                                !titulo_may_give(r) || matches!(r, Role::PixUrl | Role::PixEmv),
                                "{r:?}: the full title of this test gives no value"
                            );
                        }
                    }
                }
            }
        }
        assert!(seen > 1_000, "{seen}");
    }

    /// Each typed accessor gives what `titulo_value` gives for its role, for a full title, an empty one and titles
    /// with some values empty.
    #[test]
    fn each_title_accessor_gives_the_titles_value() {
        let full = full_titulo();
        let mut some_empty = full_titulo();
        some_empty.movimento = String::new();
        some_empty.nosso_numero_dv = None;
        some_empty.juros.valor = None;
        some_empty.vencimento = None;
        some_empty.mensagens = vec![String::new(), "SO A SEGUNDA".into()];
        some_empty.pagador.inscricao.tipo = None;
        let titles = [full, Titulo::default(), some_empty];
        let mut checked = 0;
        for bank in crate::banks::ALL {
            for spec in bank.cnab240.iter().chain(bank.cnab400.iter()) {
                for (_, layout) in spec.records {
                    for f in layout.fields {
                        let Some(r) = f.role else { continue };
                        for t in &titles {
                            let got = match titulo_acc(r) {
                                Acc::None => continue,
                                Acc::Text(get) => txt(get(t)),
                                Acc::Num(get) => num(get(t)),
                                Acc::Date(get) => date(get(t)),
                                Acc::Dv => t.nosso_numero_dv.as_deref().and_then(txt),
                            };
                            assert_eq!(got, titulo_value(t, r), "{r:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1_000, "{checked}");
        // The records written only when a title gives one of their roles: the same choice through the accessors.
        let mut conditions = 0;
        for bank in crate::banks::ALL {
            for spec in bank.cnab240.iter().chain(bank.cnab400.iter()) {
                for e in spec.entry {
                    let Emit::IfAny(roles) = e.emit else { continue };
                    for t in &titles {
                        for dv in [None, Some(""), Some("7")] {
                            let value = |r| match (r, dv) {
                                (Role::NossoNumeroDv, Some(dv)) => txt(dv),
                                _ => titulo_value(t, r),
                            };
                            assert_eq!(
                                titulo_has_any(roles, t, dv, &value),
                                has_any(roles, &value),
                                "{roles:?} {dv:?}"
                            );
                            for &r in roles {
                                assert_eq!(
                                    titulo_has_any(&[r], t, dv, &value),
                                    has_any(&[r], &value),
                                    "{r:?} {dv:?}"
                                );
                            }
                            conditions += 1;
                        }
                    }
                }
            }
        }
        assert!(conditions > 50, "{conditions}");
    }

    /// Every remessa table of every bank, written with the plan (fixed fields from a template) and with every field
    /// looked for on every line: the same bytes and the same warnings, or the same error. Titles from the generator, some
    /// given values that are cut, transliterated or refused, and headers whose values are cut on every line.
    #[test]
    fn the_plan_writes_what_writing_every_field_writes() {
        use crate::generator::{remessa, GenOptions};
        let mut compared = 0;
        for bank in crate::banks::ALL {
            for layout in [Layout::Cnab240, Layout::Cnab400] {
                let specs = match layout {
                    Layout::Cnab240 => bank.cnab240,
                    _ => bank.cnab400,
                };
                let opts = GenOptions::new(Bank::new(bank.code), layout, FileKind::Remessa, 12, 7);
                let Ok(model) = remessa(&opts) else { continue };
                for variant in 0..5 {
                    let mut m = model.clone();
                    if variant > 0 {
                        let b = &mut m.header.beneficiario;
                        b.nome = "EMPRESA DE TESTE COM UM NOME MUITO LONGO PARA O CAMPO".into();
                        m.header.banco_nome = if variant == 1 {
                            "Banco São Paulo de Teste Longo".into()
                        } else {
                            String::new()
                        };
                        b.agencia = if variant == 1 {
                            "12345678".into()
                        } else {
                            "1".into()
                        };
                        b.carteira = "17".into();
                        for (k, t) in m.titulos.iter_mut().enumerate() {
                            match k % 4 {
                                0 => {
                                    t.pagador.nome =
                                        "José da Conceição Araújo de Oliveira Mendonça Filho".into()
                                }
                                1 => {
                                    t.mensagens = vec!["Não receber após o vencimento".into(); 5]
                                }
                                2 => t.carteira = String::new(),
                                _ => t.sacador_avalista = Some(full_titulo().pagador),
                            }
                            // Values refused or transliterated by the general encoder: an amount with more
                            // decimals than its field, a nosso número with letters, accented and lower-case text.
                            if variant == 3 {
                                t.juros.valor = Some(Decimal::new(1, 3));
                                t.seu_numero = "ação-1".into();
                            }
                            if variant == 4 && k == 5 {
                                t.nosso_numero = "12a".into();
                                t.especie = "dm".into();
                            }
                        }
                    }
                    for spec in specs.iter().filter(|s| s.kind == FileKind::Remessa) {
                        let run = |plan: Plan| -> Result<(Vec<u8>, Vec<WriteWarning>)> {
                            let mut w = Writer::begin_with(
                                spec,
                                Bank::new(bank.code),
                                m.header.clone(),
                                LineEnding::CrLf,
                                plan,
                            )?;
                            for (i, t) in m.titulos.iter().enumerate() {
                                // Some titles with a DV computed for them (written instead of their own).
                                let dv = match i % 3 {
                                    0 => Some("7"),
                                    1 => Some(""),
                                    _ => None,
                                };
                                w.titulo(t, titulo_id(i + 1, t), dv)?;
                            }
                            w.end()?;
                            let out = w.finish();
                            Ok((out.bytes, out.warnings))
                        };
                        let ctl = Control {
                            bank: bank.code,
                            kind_code: 1,
                            ..Control::default()
                        };
                        let planned = run(Plan::new(
                            spec,
                            &m.header,
                            Bank::new(bank.code),
                            &ctl,
                            titulo_may_give,
                        ));
                        let per_field = run(Plan::per_field(spec, |_| true));
                        assert_eq!(
                            planned, per_field,
                            "{} {} variant {variant}",
                            bank.code, spec.source
                        );
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 60, "{compared}");
    }

    #[test]
    fn numbers_are_written_exactly_or_refused() {
        let f = FieldSpec::dec("valor", 1, 5, 2);
        let mut out = Vec::new();
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(
            encode(&f, Some(&Out::Num(d("1.50"))), &mut out),
            Ok(Fit::Exact)
        );
        assert_eq!(out, b"00150");
        assert_eq!(
            encode(&f, Some(&Out::Num(d("1.505"))), &mut Vec::new()),
            Err("has more than 2 decimal places (the writer never rounds)".into())
        );
        assert_eq!(
            encode(&f, Some(&Out::Num(d("1000.00"))), &mut Vec::new()),
            Err("does not fit the field's 5 position(s)".into())
        );
        let n = FieldSpec::num("prazo", 1, 2);
        assert_eq!(
            encode(&n, Some(&Out::Num(d("1.5"))), &mut Vec::new()),
            Err("is not a whole number".into())
        );
    }
}
