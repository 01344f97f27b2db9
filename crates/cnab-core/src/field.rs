//! Field specifications and the codecs that read and write them.
//!
//! A layout is data: every record of every layout is a `const` table of [`FieldSpec`]s, with positions
//! 1-based and inclusive exactly as the manuals print them. The same table serves reading and writing.

use chrono::NaiveDate;
use nom::character::complete::digit1;
use nom::combinator::all_consuming;
use nom::{IResult, Parser};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::ErrorKind;

/// Date formats used by CNAB layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DateFmt {
    /// `DDMMYY`; years 00-69 are 20xx, 70-99 are 19xx (so 1970-2069: no further range check).
    DdMmYy,
    /// `DDMMYYYY`; years [`MIN_YEAR`]-[`MAX_YEAR`].
    DdMmYyyy,
    /// `YYYYMMDD` (Sicredi CNAB 400); years [`MIN_YEAR`]-[`MAX_YEAR`].
    YyyyMmDd,
}

/// The first year a four-digit CNAB date may carry. CNAB 240 dates from its 1990s FEBRABAN versions on; every date
/// of a cobrança file (generation, due, payment, credit, discount, interest) falls within a few decades of the file.
/// A year outside [`MIN_YEAR`]-[`MAX_YEAR`] is a damaged or misplaced field ([`ErrorKind::DateOutOfRange`]).
pub const MIN_YEAR: i32 = 1990;
/// The last year a four-digit CNAB date may carry (see [`MIN_YEAR`]).
pub const MAX_YEAR: i32 = 2099;

/// How a field's bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Kind {
    /// Zero-padded digits; with `scale > 0`, a decimal with that many implied decimal places.
    /// A field made only of spaces reads as "no value".
    Num {
        /// Implied decimal places.
        scale: u8,
    },
    /// Left-aligned text, space-padded, Latin-1/Windows-1252.
    Alpha,
    /// A date; all zeros (or all spaces) means "no date".
    Date(DateFmt),
    /// Fixed bytes (record type, segment code, literals). Checked on read, written as is.
    Const(&'static str),
    /// Filler reserved by FEBRABAN or the bank ("uso exclusivo"): written as spaces, never checked on read,
    /// but still available raw.
    Blank,
}

/// What a field means in the normalized model. Normalization and writing are generic over roles.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub enum Role {
    // ---- control ----
    BancoCodigo,
    Lote,
    Sequencial,
    /// File header: 1 = remessa, 2 = retorno (CNAB 240 pos 143) or the CNAB 400 operation code.
    ArquivoCodigo,
    /// CNAB 240 batch header operation: `R` remessa, `T` retorno.
    Operacao,
    LayoutVersao,
    LoteLayoutVersao,
    DataGeracao,
    HoraGeracao,
    DataCredito,
    Nsa,
    QtdLotes,
    QtdRegistros,
    /// Trailer: number of titles in a batch/file (summary fields).
    QtdTitulos,
    /// Trailer: total value of titles.
    ValorTotal,
    // ---- beneficiário ----
    EmpresaTipoInscricao,
    EmpresaInscricao,
    EmpresaNome,
    BancoNome,
    Agencia,
    AgenciaDv,
    Conta,
    ContaDv,
    AgenciaContaDv,
    Convenio,
    CodigoBeneficiario,
    CodigoBeneficiarioDv,
    Posto,
    // ---- título ----
    Movimento,
    Ocorrencia,
    Motivos,
    NossoNumero,
    NossoNumeroDv,
    SeuNumero,
    UsoEmpresa,
    Carteira,
    Variacao,
    Modalidade,
    Especie,
    Aceite,
    Emissao,
    Vencimento,
    DataOcorrencia,
    ValorTitulo,
    ValorPago,
    ValorCreditado,
    JurosMulta,
    /// Retorno: juros (mora) paid, where the layout carries it apart from the multa.
    Juros,
    /// Retorno: multa paid, where the layout carries it apart from the juros.
    Multa,
    /// Pix data of a boleto híbrido (remessa and retorno): tipo de chave DICT (1 CPF, 2 CNPJ, 3 celular,
    /// 4 e-mail, 5 aleatória).
    PixTipoChave,
    /// Pix: chave DICT.
    PixChave,
    /// Retorno Pix: location (URL) of the dynamic QR code.
    PixUrl,
    /// Pix: txid (identificador da transação).
    PixTxid,
    /// Retorno Pix: the whole EMV QR code (BR Code).
    PixEmv,
    /// Pix: id of the location (the QR code's URL) created beforehand through the Pix API (Itaú CNAB 400 tipo 3).
    PixLocation,
    /// Remessa: identificação do tipo de pagamento (CNAB 400 registro tipo 8, Santander H7800 nota 16).
    PagamentoTipo,
    /// Remessa: quantidade de pagamentos possíveis (registro tipo 8, nota 17).
    PagamentoQuantidade,
    /// Remessa: tipo de valor informado, 1 percentual / 2 valor (registro tipo 8, nota 18).
    PagamentoTipoValor,
    /// Remessa: valor máximo accepted (registro tipo 8).
    PagamentoValorMaximo,
    /// Remessa: percentual máximo accepted (registro tipo 8).
    PagamentoPercentualMaximo,
    /// Remessa: valor mínimo accepted (registro tipo 8).
    PagamentoValorMinimo,
    /// Remessa: percentual mínimo accepted (registro tipo 8).
    PagamentoPercentualMinimo,
    Desconto,
    Abatimento,
    Iof,
    Tarifa,
    OutrasDespesas,
    OutrosCreditos,
    BancoCobrador,
    AgenciaCobradora,
    JurosCodigo,
    JurosData,
    JurosValor,
    MultaCodigo,
    MultaData,
    MultaValor,
    DescontoCodigo,
    DescontoData,
    DescontoValor,
    Desconto2Codigo,
    Desconto2Data,
    Desconto2Valor,
    ProtestoCodigo,
    ProtestoPrazo,
    BaixaCodigo,
    BaixaPrazo,
    Moeda,
    Parcela,
    // ---- pagador / sacador ----
    PagadorTipoInscricao,
    PagadorInscricao,
    PagadorNome,
    PagadorEndereco,
    PagadorBairro,
    PagadorCep,
    PagadorCidade,
    PagadorUf,
    SacadorTipoInscricao,
    SacadorInscricao,
    SacadorNome,
    Mensagem1,
    Mensagem2,
    Mensagem3,
    Mensagem4,
}

/// One field of a record: name, position (1-based, inclusive), encoding and meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FieldSpec {
    /// Field name, snake_case, as our model and the CLI call it.
    pub name: &'static str,
    /// First position, 1-based, as printed in the manual.
    pub start: u16,
    /// Last position, 1-based, inclusive.
    pub end: u16,
    /// Encoding.
    pub kind: Kind,
    /// The normalized field it feeds, if any.
    pub role: Option<Role>,
    /// What the writer puts here when the model has no value (`None`: zeros for numbers, spaces otherwise).
    pub default: Option<&'static str>,
    /// A trailer total: what the bank's manual says this field counts or sums (see [`TotalSpec`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<TotalSpec>,
}

/// What a trailer's total field totals, as the bank's manual defines it: over which titles (the scope) and what
/// (a count, or the sum of one amount). Retorno trailers mix totals of the file with totals of the bank's whole
/// portfolio ("quantidade de títulos em cobrança"): only the first can be checked against the file's entries.
/// Read through `Retorno::trailer_totals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TotalSpec {
    /// Which titles the total covers.
    pub scope: ScopeSpec,
    /// What it counts or sums.
    pub measure: Measure,
}

impl TotalSpec {
    /// A count of the titles of `scope`.
    pub const fn quantidade(scope: ScopeSpec) -> Self {
        TotalSpec {
            scope,
            measure: Measure::Quantidade,
        }
    }
    /// The sum of the face values (valor do título) of the titles of `scope`.
    pub const fn valor_titulo(scope: ScopeSpec) -> Self {
        TotalSpec {
            scope,
            measure: Measure::ValorTitulo,
        }
    }
    /// The sum of the amounts paid (valor pago) of the titles of `scope`.
    pub const fn valor_pago(scope: ScopeSpec) -> Self {
        TotalSpec {
            scope,
            measure: Measure::ValorPago,
        }
    }
}

/// The titles a trailer total covers, as a layout table states it (the model's owned form is
/// `model::TotalScope`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeSpec {
    /// Every entry of the file (CNAB 400: its detail records of the entry type).
    File,
    /// The file's entries whose ocorrência is one of these codes.
    Ocorrencias(&'static [&'static str]),
    /// The beneficiary's titles in one kind of cobrança at the bank (simples, vinculada, caucionada, descontada,
    /// vendor, escritural…), whatever this file carries: informative, never compared with the file.
    Carteira(&'static str),
    /// The beneficiary's whole portfolio at the bank ("títulos em cobrança"): informative, never compared.
    Portfolio,
}

impl ScopeSpec {
    /// True when the total covers entries of this file (so the file's entries can be checked against it).
    pub const fn is_file(&self) -> bool {
        matches!(self, ScopeSpec::File | ScopeSpec::Ocorrencias(_))
    }
}

/// What a trailer total counts or sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// How many titles (entries).
    Quantidade,
    /// The sum of their face values (valor do título).
    ValorTitulo,
    /// The sum of the amounts paid (valor pago).
    ValorPago,
}

impl FieldSpec {
    const fn new(name: &'static str, start: u16, end: u16, kind: Kind) -> Self {
        FieldSpec {
            name,
            start,
            end,
            kind,
            role: None,
            default: None,
            total: None,
        }
    }
    /// A numeric field with no decimals.
    pub const fn num(name: &'static str, start: u16, end: u16) -> Self {
        Self::new(name, start, end, Kind::Num { scale: 0 })
    }
    /// A money/decimal field with `scale` implied decimal places.
    pub const fn dec(name: &'static str, start: u16, end: u16, scale: u8) -> Self {
        Self::new(name, start, end, Kind::Num { scale })
    }
    /// A text field.
    pub const fn alpha(name: &'static str, start: u16, end: u16) -> Self {
        Self::new(name, start, end, Kind::Alpha)
    }
    /// A `DDMMYYYY` date.
    pub const fn date8(name: &'static str, start: u16, end: u16) -> Self {
        Self::new(name, start, end, Kind::Date(DateFmt::DdMmYyyy))
    }
    /// A `YYYYMMDD` date.
    pub const fn date_ymd(name: &'static str, start: u16, end: u16) -> Self {
        Self::new(name, start, end, Kind::Date(DateFmt::YyyyMmDd))
    }
    /// A `DDMMYY` date.
    pub const fn date6(name: &'static str, start: u16, end: u16) -> Self {
        Self::new(name, start, end, Kind::Date(DateFmt::DdMmYy))
    }
    /// Fixed content, checked on read.
    pub const fn constant(name: &'static str, start: u16, end: u16, value: &'static str) -> Self {
        Self::new(name, start, end, Kind::Const(value))
    }
    /// Reserved filler.
    pub const fn blank(name: &'static str, start: u16, end: u16) -> Self {
        Self::new(name, start, end, Kind::Blank)
    }
    /// Attach a role.
    pub const fn role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }
    /// Attach the meaning of a trailer total, as the bank's manual gives it.
    pub const fn total(mut self, total: TotalSpec) -> Self {
        self.total = Some(total);
        self
    }
    /// Attach a default written when the model has no value.
    pub const fn default(mut self, value: &'static str) -> Self {
        self.default = Some(value);
        self
    }
    /// Width in bytes.
    pub const fn len(&self) -> usize {
        (self.end as usize + 1).saturating_sub(self.start as usize)
    }
    /// Always false: a field has at least one position (checked by the table test).
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The field's bytes within a line of the right length (empty if the line is too short).
    pub fn slice<'a>(&self, line: &'a [u8]) -> &'a [u8] {
        line.get(self.start as usize - 1..self.end as usize)
            .unwrap_or(&[])
    }
}

/// How many fields [`patch`] returns for `base` and `changes`.
pub const fn patched_len(base: &[FieldSpec], changes: &[FieldSpec]) -> usize {
    let mut n = changes.len();
    let mut i = 0;
    while i < base.len() {
        if let Some(f) = slice_get(base, i) {
            if !overlaps_any(f, changes) {
                n += 1;
            }
        }
        i += 1;
    }
    n
}

const fn slice_get(fields: &[FieldSpec], i: usize) -> Option<&FieldSpec> {
    if i < fields.len() {
        let (_, rest) = fields.split_at(i);
        rest.first()
    } else {
        None
    }
}

const fn overlaps_any(f: &FieldSpec, changes: &[FieldSpec]) -> bool {
    let mut j = 0;
    while let Some(c) = slice_get(changes, j) {
        if f.start <= c.end && c.start <= f.end {
            return true;
        }
        j += 1;
    }
    false
}

/// A record's fields derived from another record's: `base` with `changes` laid over it. Every base field that
/// overlaps a change is dropped, and the changes take their places in position order, so a bank's table states only
/// what its manual changes (a field split in two, another name, role or default). Runs in const evaluation: changes
/// out of position order or a wrong `N` (it must be [`patched_len`]) fail the build; a gap left behind is caught by
/// [`RecordLayout::check`]. Use it through the `patched!` macro.
pub const fn patch<const N: usize>(base: &[FieldSpec], changes: &[FieldSpec]) -> [FieldSpec; N] {
    let mut out = [FieldSpec::blank("", 0, 0); N];
    let (mut i, mut j, mut k) = (0, 0, 0);
    loop {
        let (b, c) = (slice_get(base, i), slice_get(changes, j));
        let next = match (b, c) {
            (None, None) => break,
            (Some(b), Some(c)) if c.start > b.start => {
                i += 1;
                if overlaps_any(b, changes) {
                    continue;
                }
                *b
            }
            (Some(b), None) => {
                i += 1;
                if overlaps_any(b, changes) {
                    continue;
                }
                *b
            }
            (_, Some(c)) => {
                j += 1;
                if let Some(d) = slice_get(changes, j) {
                    assert!(d.start > c.end, "patch: changes must be in position order");
                }
                *c
            }
        };
        assert!(k < N, "patch: N must be patched_len(base, changes)");
        if let Some((_, rest)) = out.split_at_mut_checked(k) {
            if let Some(slot) = rest.first_mut() {
                *slot = next;
            }
        }
        k += 1;
    }
    assert!(k == N, "patch: N must be patched_len(base, changes)");
    out
}

/// `patched!(BASE.fields, [changes…])`: the `&'static [FieldSpec]` of [`patch`], its length worked out at compile
/// time.
macro_rules! patched {
    ($base:expr, [$($change:expr),* $(,)?]) => {
        $crate::field::patched!($base, &[$($change),*])
    };
    ($base:expr, $changes:expr) => {{
        const CHANGES: &[$crate::field::FieldSpec] = $changes;
        const N: usize = $crate::field::patched_len($base, CHANGES);
        const FIELDS: [$crate::field::FieldSpec; N] = $crate::field::patch($base, CHANGES);
        &FIELDS
    }};
}
pub(crate) use patched;

/// `patched_layout!(BASE, "source", [changes…])`: the record `BASE` with [`patch`]ed fields and its own source, for a
/// bank's table that states only what its manual changes and cites the page that prints it.
/// `patched_layout!(BASE, "source", SHARED, [changes…])` lays a group of fields several of the bank's records share
/// (a `&[FieldSpec]` const, e.g. the nosso número split of P and T) before the record's own changes.
macro_rules! patched_layout {
    ($base:expr, $source:expr, [$($change:expr),* $(,)?]) => {
        $crate::field::RecordLayout {
            source: $source,
            fields: $crate::field::patched!($base.fields, [$($change),*]),
            ..$base
        }
    };
    ($base:expr, $source:expr, $shared:expr, [$($change:expr),* $(,)?]) => {
        $crate::field::RecordLayout {
            source: $source,
            fields: $crate::field::patched!(
                $crate::field::patched!($base.fields, $shared),
                [$($change),*]
            ),
            ..$base
        }
    };
}
pub(crate) use patched_layout;

/// How many fields [`concat`] returns for `parts`.
pub const fn concat_len(parts: &[&[FieldSpec]]) -> usize {
    let mut n = 0;
    let mut rest = parts;
    while let [part, tail @ ..] = rest {
        n += part.len();
        rest = tail;
    }
    n
}

/// A record's fields written as groups in position order: the `parts` one after another, so a group several records
/// share (FEBRABAN 240's detail prefix, the company's account block; see `layouts::groups240`) is written once. Runs
/// in const evaluation: a wrong `N` (it must be [`concat_len`]) fails the build; a gap or an overlap between the
/// parts is caught by [`RecordLayout::check`]. Use it through the `fields!` macro.
pub const fn concat<const N: usize>(parts: &[&[FieldSpec]]) -> [FieldSpec; N] {
    let mut out = [FieldSpec::blank("", 0, 0); N];
    let mut k = 0;
    let mut rest = parts;
    while let [part, tail @ ..] = rest {
        let mut fields = *part;
        while let [field, more @ ..] = fields {
            assert!(k < N, "concat: N must be concat_len(parts)");
            if let Some((_, free)) = out.split_at_mut_checked(k) {
                if let Some(slot) = free.first_mut() {
                    *slot = *field;
                }
            }
            k += 1;
            fields = more;
        }
        rest = tail;
    }
    assert!(k == N, "concat: N must be concat_len(parts)");
    out
}

/// `fields![GROUP, [field, …], OTHER_GROUP, …]`: the `&'static [FieldSpec]` of [`concat`], each part a `[FieldSpec;
/// _]` const or a bracketed list of fields, its length worked out at compile time.
macro_rules! fields {
    ($($part:expr),+ $(,)?) => {{
        const PARTS: &[&[$crate::field::FieldSpec]] = &[$(&$part),+];
        const N: usize = $crate::field::concat_len(PARTS);
        const FIELDS: [$crate::field::FieldSpec; N] = $crate::field::concat(PARTS);
        &FIELDS
    }};
}
pub(crate) use fields;

/// The layout of one record type: a name and its fields, covering exactly `len` positions.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RecordLayout {
    /// Record name, e.g. `"segmento_t"`, `"header_arquivo"`, `"detalhe"`.
    pub name: &'static str,
    /// Line length: 240 or 400.
    pub len: usize,
    /// The fields in position order.
    pub fields: &'static [FieldSpec],
    /// Source of the table: manual name, version and section.
    pub source: &'static str,
}

impl RecordLayout {
    /// Looks a field up by name.
    pub fn field(&self, name: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }
    /// The first field with `role`.
    pub fn by_role(&self, role: Role) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.role == Some(role))
    }
    /// Checks that the fields are contiguous, do not overlap, start at 1 and end at `len`, and that
    /// names are unique and constants have the field's width. Returns a description of the first defect.
    pub fn check(&self) -> Result<(), String> {
        let mut next = 1u16;
        for (i, f) in self.fields.iter().enumerate() {
            if f.start != next {
                return Err(format!(
                    "{}: field {} starts at {} but the previous field ends at {}",
                    self.name,
                    f.name,
                    f.start,
                    next - 1
                ));
            }
            if f.end < f.start {
                return Err(format!(
                    "{}: field {} ends before it starts",
                    self.name, f.name
                ));
            }
            if let Kind::Const(c) = f.kind {
                if c.len() != f.len() {
                    return Err(format!(
                        "{}: constant {} has width {} for {} positions",
                        self.name,
                        f.name,
                        c.len(),
                        f.len()
                    ));
                }
            }
            if let Some(d) = f.default {
                if d.len() > f.len() {
                    return Err(format!(
                        "{}: default of {} is wider than the field",
                        self.name, f.name
                    ));
                }
            }
            if let Kind::Date(fmt) = f.kind {
                let w = match fmt {
                    DateFmt::DdMmYy => 6,
                    DateFmt::DdMmYyyy | DateFmt::YyyyMmDd => 8,
                };
                if f.len() != w {
                    return Err(format!(
                        "{}: date {} has width {}",
                        self.name,
                        f.name,
                        f.len()
                    ));
                }
            }
            if self.fields.iter().skip(i + 1).any(|g| g.name == f.name) {
                return Err(format!("{}: duplicate field name {}", self.name, f.name));
            }
            next = f.end + 1;
        }
        if usize::from(next) != self.len + 1 {
            return Err(format!(
                "{}: fields end at {} but the record has {} positions",
                self.name,
                next - 1,
                self.len
            ));
        }
        Ok(())
    }
}

/// A decoded field value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// No value (spaces in a number, zeros in a date).
    None,
    /// A number (scale 0) or an amount (implied decimals).
    Number(Decimal),
    /// A date.
    Date(NaiveDate),
    /// Text, trailing spaces removed.
    Text(String),
}

fn digits(input: &[u8]) -> IResult<&[u8], &[u8]> {
    all_consuming(digit1).parse(input)
}

/// Parses a field of digits into a decimal with `scale` implied places. All spaces → `Ok(None)`.
pub fn decode_num(bytes: &[u8], scale: u8) -> Result<Option<Decimal>, ErrorKind> {
    if bytes.iter().all(|&b| b == b' ') {
        return Ok(None);
    }
    if bytes.len() <= 18 {
        // Fast path (every amount field of every layout): one pass, no overflow possible in 18 digits.
        let mut m: i64 = 0;
        for &b in bytes {
            let d = b.wrapping_sub(b'0');
            if d > 9 {
                return Err(ErrorKind::NotDigits {
                    found: lossy(bytes),
                });
            }
            m = m * 10 + i64::from(d);
        }
        return Ok(Some(Decimal::new(m, u32::from(scale))));
    }
    let Ok((_, d)) = digits(bytes) else {
        return Err(ErrorKind::NotDigits {
            found: lossy(bytes),
        });
    };
    // Up to 28 significant digits fit a Decimal; our widest numeric field is 25.
    let mut mantissa: i128 = 0;
    for &b in d {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(i128::from(b - b'0')))
            .ok_or_else(|| ErrorKind::NotDigits {
                found: lossy(bytes),
            })?;
    }
    Decimal::try_from_i128_with_scale(mantissa, u32::from(scale))
        .map(Some)
        .map_err(|_| ErrorKind::NotDigits {
            found: lossy(bytes),
        })
}

/// Digits only, as text (identifiers keep their leading zeros). All spaces → `Ok(None)`.
pub fn decode_digits(bytes: &[u8]) -> Result<Option<&str>, ErrorKind> {
    if bytes.iter().all(|&b| b == b' ') {
        return Ok(None);
    }
    // Every byte a digit (what `digits` accepts), tested in one pass: identifiers and codes of every entry come here.
    if bytes.iter().all(u8::is_ascii_digit) {
        return Ok(std::str::from_utf8(bytes).ok());
    }
    Err(ErrorKind::NotDigits {
        found: lossy(bytes),
    })
}

/// The value of 1 to 18 ASCII digits, eight at a time; `None` when `raw` is empty, longer than 18 or holds a byte
/// that is not a digit (spaces included: [`decode_num`] reads those fields). Every amount field of every layout is
/// 18 digits or fewer, so the readers take their amounts through this and fall back to [`decode_num`] on `None`.
///
/// ```
/// assert_eq!(cnab_core::digits_value(b"000000000000012750"), Some(12_750));
/// assert_eq!(cnab_core::digits_value(b"0012 50"), None);
/// ```
#[inline(always)]
pub fn digits_value(raw: &[u8]) -> Option<i64> {
    let v = match raw.len() {
        8 => eight_digits(*raw.first_chunk::<8>()?)?,
        // Two words that overlap: the last eight digits, and the first eight shifted so that only the digits before
        // the last eight remain, zeros filled in on the left.
        9..=16 => {
            let head = raw.len() - 8;
            let first = u64::from_le_bytes(*raw.first_chunk::<8>()?);
            let zeros = ZEROS.checked_shr(8 * head as u32).unwrap_or(0);
            let first = first << (8 * (8 - head)) | zeros;
            eight_digits(first.to_le_bytes())? * 100_000_000
                + eight_digits(*raw.last_chunk::<8>()?)?
        }
        17..=18 => {
            let (head, rest) = raw.split_at(raw.len() - 16);
            let (mid, last) = rest.split_first_chunk::<8>()?;
            let last = last.first_chunk::<8>()?;
            (few_digits(head)? * 100_000_000 + eight_digits(*mid)?) * 100_000_000
                + eight_digits(*last)?
        }
        1..=7 => few_digits(raw)?,
        _ => return None,
    };
    i64::try_from(v).ok()
}

/// Up to a few ASCII digits as a number, one at a time.
#[inline(always)]
fn few_digits(raw: &[u8]) -> Option<u64> {
    raw.iter().try_fold(0u64, |v, &b| {
        let d = b.wrapping_sub(b'0');
        (d <= 9).then(|| v * 10 + u64::from(d))
    })
}

/// Eight ASCII `'0'`s as a word.
const ZEROS: u64 = u64::from_ne_bytes([b'0'; 8]);

/// Eight ASCII digits as a number (most significant first), or `None` if a byte is not a digit: all eight checked
/// and combined in a few word operations (SWAR) instead of a multiplication per digit.
#[inline(always)]
fn eight_digits(bytes: [u8; 8]) -> Option<u64> {
    const HIGH_NIBBLES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    let v = u64::from_le_bytes(bytes);
    // Digits are 0x30-0x39: the high nibble is 3, and adding 6 to each byte keeps it 3 (no carry out of a byte).
    let digits =
        v & HIGH_NIBBLES == ZEROS && v.wrapping_add(0x0606_0606_0606_0606) & HIGH_NIBBLES == ZEROS;
    if !digits {
        return None;
    }
    // Byte i (least significant first) holds the digit at position i; pair, then quadruple, then join the halves.
    // The products of the upper lanes run past 64 bits and are masked off: wrapping is intended.
    let d = v - ZEROS;
    let d = (d.wrapping_mul(10) + (d >> 8)) & 0x00FF_00FF_00FF_00FF;
    let d = (d.wrapping_mul(100) + (d >> 16)) & 0x0000_FFFF_0000_FFFF;
    Some((d.wrapping_mul(10_000) + (d >> 32)) & 0xFFFF_FFFF)
}

/// Two ASCII digits at `i` as a number.
fn two(bytes: &[u8], i: usize) -> Option<u32> {
    let a = bytes.get(i)?.wrapping_sub(b'0');
    let b = bytes.get(i + 1)?.wrapping_sub(b'0');
    (a <= 9 && b <= 9).then(|| u32::from(a) * 10 + u32::from(b))
}

/// Four ASCII digits at `i` as a year.
fn four(bytes: &[u8], i: usize) -> Option<i32> {
    Some((two(bytes, i)? * 100 + two(bytes, i + 2)?) as i32)
}

/// Whether day `d` of month `m` of year `y` is a date of the proleptic Gregorian calendar (leap years: divisible by
/// 4, not by 100 unless by 400), as `NaiveDate::from_ymd_opt` decides it for the years a date field holds (0-9999).
#[inline]
fn is_date(y: i32, m: u32, d: u32) -> bool {
    let leap = y.rem_euclid(4) == 0 && (y.rem_euclid(100) != 0 || y.rem_euclid(400) == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Checks a date field as [`decode_date`] does (the same result and error) without building the date: the reader
/// checks every date of every line.
pub fn check_date(bytes: &[u8], fmt: DateFmt) -> Result<(), ErrorKind> {
    if bytes.iter().all(|&b| b == b'0') || bytes.iter().all(|&b| b == b' ') {
        return Ok(());
    }
    let Some((d, m, y)) = date_parts(bytes, fmt) else {
        return Err(ErrorKind::BadDate {
            found: lossy(bytes),
        });
    };
    let valid = is_date(y, m, d);
    if fmt != DateFmt::DdMmYy && !(MIN_YEAR..=MAX_YEAR).contains(&y) && valid {
        return Err(ErrorKind::DateOutOfRange {
            found: lossy(bytes),
            min: MIN_YEAR,
            max: MAX_YEAR,
        });
    }
    if valid {
        Ok(())
    } else {
        Err(ErrorKind::BadDate {
            found: lossy(bytes),
        })
    }
}

/// True when [`check_date`] accepts a field of digits only, decided without building an error or a date (the
/// reader's line check asks this of every date of every line); `false` for anything else, which [`check_date`]
/// then judges.
#[inline]
pub(crate) fn date_digits_ok(bytes: &[u8], fmt: DateFmt) -> bool {
    if !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if bytes.iter().all(|&b| b == b'0') {
        return true;
    }
    date_parts(bytes, fmt).is_some_and(|(d, m, y)| {
        is_date(y, m, d) && (fmt == DateFmt::DdMmYy || (MIN_YEAR..=MAX_YEAR).contains(&y))
    })
}

/// Day, month and year of a date field: exactly the format's width, every position a digit (read straight from the
/// bytes: this runs for every date of every record).
#[inline]
fn date_parts(bytes: &[u8], fmt: DateFmt) -> Option<(u32, u32, i32)> {
    match fmt {
        DateFmt::DdMmYy if bytes.len() == 6 => {
            let y = two(bytes, 4)? as i32;
            Some((
                two(bytes, 0)?,
                two(bytes, 2)?,
                if y < 70 { 2000 + y } else { 1900 + y },
            ))
        }
        DateFmt::DdMmYyyy if bytes.len() == 8 => {
            Some((two(bytes, 0)?, two(bytes, 2)?, four(bytes, 4)?))
        }
        DateFmt::YyyyMmDd if bytes.len() == 8 => {
            Some((two(bytes, 6)?, two(bytes, 4)?, four(bytes, 0)?))
        }
        _ => None,
    }
}

/// Parses a date. All zeros or all spaces → `Ok(None)`.
pub fn decode_date(bytes: &[u8], fmt: DateFmt) -> Result<Option<NaiveDate>, ErrorKind> {
    if bytes.iter().all(|&b| b == b'0') || bytes.iter().all(|&b| b == b' ') {
        return Ok(None);
    }
    let Some((d, m, y)) = date_parts(bytes, fmt) else {
        return Err(ErrorKind::BadDate {
            found: lossy(bytes),
        });
    };
    if fmt != DateFmt::DdMmYy
        && !(MIN_YEAR..=MAX_YEAR).contains(&y)
        && NaiveDate::from_ymd_opt(y, m, d).is_some()
    {
        return Err(ErrorKind::DateOutOfRange {
            found: lossy(bytes),
            min: MIN_YEAR,
            max: MAX_YEAR,
        });
    }
    NaiveDate::from_ymd_opt(y, m, d)
        .map(Some)
        .ok_or_else(|| ErrorKind::BadDate {
            found: lossy(bytes),
        })
}

/// Decodes text from Windows-1252 (a superset of the printable Latin-1 that banks send), trailing spaces removed.
pub fn decode_text(bytes: &[u8]) -> String {
    let end = bytes.iter().rposition(|&b| b != b' ').map_or(0, |p| p + 1);
    let trimmed = bytes.get(..end).unwrap_or(&[]);
    if trimmed.is_ascii() {
        // ASCII is the common case: no decoder needed (and ASCII is valid UTF-8).
        return std::str::from_utf8(trimmed)
            .map(str::to_owned)
            .unwrap_or_default();
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(trimmed);
    text.into_owned()
}

/// Checks one field's encoding without building its value (no allocation unless it is wrong).
pub fn check(spec: &FieldSpec, bytes: &[u8]) -> Result<(), ErrorKind> {
    match spec.kind {
        Kind::Num { scale } => decode_num(bytes, scale).map(|_| ()),
        Kind::Date(fmt) => check_date(bytes, fmt),
        Kind::Alpha => check_text(bytes),
        Kind::Blank => Ok(()),
        Kind::Const(c) if bytes == c.as_bytes() => Ok(()),
        Kind::Const(c) => Err(ErrorKind::BadConst {
            expected: c,
            found: lossy(bytes),
        }),
    }
}

/// Checks a text field: no control bytes (below 0x20, and 0x7F). A tab is refused too: in a fixed-width record it
/// is not padding and no manual allows it. Bytes 0x80-0xFF are Windows-1252 text and pass.
pub fn check_text(bytes: &[u8]) -> Result<(), ErrorKind> {
    match bytes.iter().find(|&&b| b < 0x20 || b == 0x7F) {
        None => Ok(()),
        Some(&byte) => Err(ErrorKind::ControlByte {
            byte,
            found: lossy(bytes),
        }),
    }
}

/// Decodes one field per its kind.
pub fn decode(spec: &FieldSpec, bytes: &[u8]) -> Result<Value, ErrorKind> {
    match spec.kind {
        Kind::Num { scale } => Ok(decode_num(bytes, scale)?.map_or(Value::None, Value::Number)),
        Kind::Date(fmt) => Ok(decode_date(bytes, fmt)?.map_or(Value::None, Value::Date)),
        Kind::Alpha => check_text(bytes).map(|()| Value::Text(decode_text(bytes))),
        Kind::Blank => Ok(Value::Text(decode_text(bytes))),
        Kind::Const(c) => {
            if bytes == c.as_bytes() {
                Ok(Value::Text(c.to_string()))
            } else {
                Err(ErrorKind::BadConst {
                    expected: c,
                    found: lossy(bytes),
                })
            }
        }
    }
}

pub(crate) fn lossy(bytes: &[u8]) -> String {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// The quick date check accepts a field of digits exactly when `check_date` does, for every day, month and year
    /// of each format around the limits (29 February, day 0 and 32, month 0 and 13, years 1989-2100), and never
    /// accepts a field with anything but digits.
    #[test]
    fn the_quick_date_check_agrees_with_check_date() {
        let mut seen = [0usize; 2];
        for fmt in [DateFmt::DdMmYy, DateFmt::DdMmYyyy, DateFmt::YyyyMmDd] {
            let years: Vec<i32> = match fmt {
                DateFmt::DdMmYy => (0..100).collect(),
                _ => [
                    0, 1, 1900, 1989, 1990, 1996, 2000, 2024, 2025, 2099, 2100, 9999,
                ]
                .to_vec(),
            };
            for y in years {
                for m in 0..=13u32 {
                    for d in 0..=32u32 {
                        let text = match fmt {
                            DateFmt::DdMmYy => format!("{d:02}{m:02}{y:02}"),
                            DateFmt::DdMmYyyy => format!("{d:02}{m:02}{y:04}"),
                            DateFmt::YyyyMmDd => format!("{y:04}{m:02}{d:02}"),
                        };
                        let ok = check_date(text.as_bytes(), fmt).is_ok();
                        assert_eq!(date_digits_ok(text.as_bytes(), fmt), ok, "{text} {fmt:?}");
                        seen[usize::from(ok)] += 1;
                    }
                }
            }
            for other in ["      ", "        ", "01 12 24", "0112202A", "011224 ", "1"] {
                assert!(!date_digits_ok(other.as_bytes(), fmt), "{other:?}");
            }
        }
        assert!(seen[0] > 0 && seen[1] > 0, "{seen:?}");
    }

    #[test]
    fn numbers_with_implied_decimals() {
        assert_eq!(
            decode_num(b"000000000012550", 2),
            Ok(Some(Decimal::from_str("125.50").unwrap_or_default()))
        );
        assert_eq!(decode_num(b"   ", 2), Ok(None));
        assert!(matches!(
            decode_num(b"0012,50", 2),
            Err(ErrorKind::NotDigits { .. })
        ));
        assert!(matches!(
            decode_num(b"-0012", 0),
            Err(ErrorKind::NotDigits { .. })
        ));
    }

    /// `check_date` (no chrono) against `decode_date` (chrono's calendar): every day 00-40 of every month 00-15,
    /// of every two-digit year in `DDMMYY` and, in the eight-digit formats, of the years around the accepted range
    /// and of the century and leap-year edges; 29 February of every year; non-digits, blanks, zeros, wrong widths.
    #[test]
    fn the_date_check_agrees_with_decoding() {
        let same = |b: &[u8], fmt: DateFmt| {
            assert_eq!(
                check_date(b, fmt),
                decode_date(b, fmt).map(|_| ()),
                "{:?} {fmt:?}",
                String::from_utf8_lossy(b)
            );
        };
        let mut checked = 0;
        let days_months = || (0..=40u32).flat_map(|d| (0..=15u32).map(move |m| (d, m)));
        for (d, m) in days_months() {
            for y in 0..=99 {
                same(format!("{d:02}{m:02}{y:02}").as_bytes(), DateFmt::DdMmYy);
                checked += 1;
            }
        }
        let years = (0..=120).chain(1880..=2110).chain([2400, 2500, 9996, 9999]);
        for y in years {
            for (d, m) in days_months() {
                same(format!("{d:02}{m:02}{y:04}").as_bytes(), DateFmt::DdMmYyyy);
                same(format!("{y:04}{m:02}{d:02}").as_bytes(), DateFmt::YyyyMmDd);
                checked += 2;
            }
        }
        for y in 0..=9999 {
            same(format!("2902{y:04}").as_bytes(), DateFmt::DdMmYyyy);
            same(format!("{y:04}0229").as_bytes(), DateFmt::YyyyMmDd);
        }
        for fmt in [DateFmt::DdMmYy, DateFmt::DdMmYyyy, DateFmt::YyyyMmDd] {
            for b in [
                &b"00000000"[..],
                b"000000",
                b"        ",
                b"      ",
                b"3112202",
                b"311220245",
                b"31-12-24",
                b"3112 024",
                b"311224",
                b"20241231",
                b"",
                b"\xff\xfe0101",
            ] {
                same(b, fmt);
            }
        }
        assert!(checked > 500_000, "{checked}");
    }

    #[test]
    fn dates() {
        assert_eq!(
            decode_date(b"31122024", DateFmt::DdMmYyyy),
            Ok(NaiveDate::from_ymd_opt(2024, 12, 31))
        );
        assert_eq!(
            decode_date(b"050399", DateFmt::DdMmYy),
            Ok(NaiveDate::from_ymd_opt(1999, 3, 5))
        );
        assert_eq!(
            decode_date(b"050325", DateFmt::DdMmYy),
            Ok(NaiveDate::from_ymd_opt(2025, 3, 5))
        );
        assert_eq!(decode_date(b"00000000", DateFmt::DdMmYyyy), Ok(None));
        assert!(matches!(
            decode_date(b"31022024", DateFmt::DdMmYyyy),
            Err(ErrorKind::BadDate { .. })
        ));
        assert!(matches!(
            decode_date(b"3102202A", DateFmt::DdMmYyyy),
            Err(ErrorKind::BadDate { .. })
        ));
        assert_eq!(
            decode_date(b"20261122", DateFmt::YyyyMmDd),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 22))
        );
        assert!(matches!(
            decode_date(b"20260230", DateFmt::YyyyMmDd),
            Err(ErrorKind::BadDate { .. })
        ));
    }

    #[test]
    fn implausible_years_and_control_bytes_are_refused() {
        assert!(matches!(
            decode_date(b"01015000", DateFmt::DdMmYyyy),
            Err(ErrorKind::DateOutOfRange {
                min: 1990,
                max: 2099,
                ..
            })
        ));
        assert!(matches!(
            decode_date(b"19891231", DateFmt::YyyyMmDd),
            Err(ErrorKind::DateOutOfRange { .. })
        ));
        assert_eq!(
            decode_date(b"01011990", DateFmt::DdMmYyyy),
            Ok(NaiveDate::from_ymd_opt(1990, 1, 1))
        );
        assert_eq!(
            decode_date(b"311299", DateFmt::DdMmYy),
            Ok(NaiveDate::from_ymd_opt(1999, 12, 31))
        );
        assert_eq!(
            check_text(b"JO\x00O"),
            Err(ErrorKind::ControlByte {
                byte: 0,
                found: "JO\u{0}O".into()
            })
        );
        assert!(matches!(
            check_text(b"A\tB"),
            Err(ErrorKind::ControlByte { byte: 9, .. })
        ));
        assert_eq!(check_text(b"S\xc3O PAULO ~"), Ok(()));
    }

    #[test]
    fn latin1_text() {
        assert_eq!(decode_text(b"JO\xc3O   "), "JOÃO");
        assert_eq!(decode_text(b"     "), "");
    }
}
