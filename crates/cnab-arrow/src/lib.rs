//! Retorno entries as [Apache Arrow](https://arrow.apache.org/) record batches: one row per
//! [`RetornoEntry`], one column per field, so that pyarrow, Polars, DuckDB, Spark and Parquet
//! take a retorno as columns instead of objects.
//!
//! The columns ([`schema`]) follow the model's field names; nested values are flattened (`ocorrencia_code`,
//! `ocorrencia_kind`, `pagador_nome`, `pix_txid`…) except the motivos, a list of `{code, description}`. Amounts are
//! `Decimal128(18, 2)` (exact: a value with more than two decimal places, or too large, is an error naming the
//! entry's line and the field, never rounded); dates are `Date32`; `line`/`last_line` are `UInt64`.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let data = std::fs::read("../../fixtures/341-itau/cnab240/retorno/retorno.ret")?;
//! let retorno = cnab_core::read_retorno(&data, cnab_core::ReadOptions::default())?;
//! let batch = cnab_arrow::entries_batch(&retorno.entries)?;
//! assert_eq!(batch.num_rows(), retorno.entries.len());
//! assert!(batch.column_by_name("valor_pago").is_some());
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

use std::borrow::{Borrow, Cow};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BinaryBuilder, BooleanBuilder, Date32Builder, Decimal128Builder,
    GenericByteBuilder, PrimitiveBuilder, StringBuilder, UInt64Builder, UInt8Builder,
};
use arrow_array::types::{ArrowPrimitiveType, ByteArrayType};
use arrow_array::{
    Array, ArrayRef, GenericByteArray, ListArray, PrimitiveArray, RecordBatch, RecordBatchReader,
    StringArray, StructArray,
};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, SchemaRef};
use chrono::{Datelike, NaiveDate};
use cnab_core::{
    EntryView, FieldSpec, Kind, OcorrenciaKind, PixInfo, RecordLayout, RetornoEntry, Role,
};
use rust_decimal::Decimal;

/// Precision of the amount columns: 16 integer digits and 2 decimals hold every CNAB amount field (at most 13
/// integer digits, FEBRABAN 240 v10.7 and the banks' CNAB 400 manuals) and sums of a few of them.
pub const AMOUNT_PRECISION: u8 = 18;
/// Scale of the amount columns (centavos).
pub const AMOUNT_SCALE: i8 = 2;

/// Why entries could not be turned into columns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An amount that `Decimal128(18, 2)` cannot hold exactly.
    #[error("line {line} ({field}): the amount {value} does not fit Decimal128({AMOUNT_PRECISION}, {AMOUNT_SCALE}) exactly")]
    Amount {
        /// The entry's first line.
        line: usize,
        /// The model field.
        field: &'static str,
        /// The amount as read.
        value: Decimal,
    },
    /// Reading the retorno failed (streaming).
    #[error(transparent)]
    Read(#[from] cnab_core::Error),
    /// Arrow refused the arrays (a bug here, not in the input).
    #[error(transparent)]
    Arrow(#[from] ArrowError),
}

impl From<Error> for ArrowError {
    fn from(e: Error) -> Self {
        match e {
            Error::Arrow(a) => a,
            other => ArrowError::ExternalError(Box::new(other)),
        }
    }
}

/// The entry's identification, in the model's order: columns of [`schema`], of `cnab parse --format csv` and fields
/// of the Python model (each of those lists is laid out from these groups with [`column_names!`]).
pub const KEY_COLUMNS: [&str; 6] = [
    "nosso_numero",
    "nosso_numero_dv",
    "seu_numero",
    "uso_empresa",
    "carteira",
    "variacao",
];

/// The date columns, in the model's order (see [`KEY_COLUMNS`]).
pub const DATE_COLUMNS: [&str; 3] = ["data_ocorrencia", "data_credito", "vencimento"];

/// The bank and agency that received the payment (see [`KEY_COLUMNS`]).
pub const COBRADOR_COLUMNS: [&str; 2] = ["banco_cobrador", "agencia_cobradora"];

/// How many names [`concat_names`] returns for `parts`.
pub const fn concat_names_len(parts: &[&[&str]]) -> usize {
    let mut n = 0;
    let mut rest = parts;
    while let [part, tail @ ..] = rest {
        n += part.len();
        rest = tail;
    }
    n
}

/// Column names laid out from groups, one part after another, in const evaluation (a wrong `N`, which must be
/// [`concat_names_len`], fails the build). Use it through [`column_names!`].
pub const fn concat_names<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut k = 0;
    let mut rest = parts;
    while let [part, tail @ ..] = rest {
        let mut names = *part;
        while let [name, more @ ..] = names {
            assert!(k < N, "concat_names: N must be concat_names_len(parts)");
            if let Some((_, free)) = out.split_at_mut_checked(k) {
                if let Some(slot) = free.first_mut() {
                    *slot = *name;
                }
            }
            k += 1;
            names = more;
        }
        rest = tail;
    }
    assert!(k == N, "concat_names: N must be concat_names_len(parts)");
    out
}

/// `column_names![cnab_arrow::KEY_COLUMNS, ["ocorrencia"], …]`: a `&'static [&'static str]` laid out at compile time
/// from the groups of this crate and bracketed lists of names, so a list of the entry's columns elsewhere (the CLI's
/// CSV, the Python model's fields) takes the shared names from here.
///
/// ```
/// const CSV: &[&str] = cnab_arrow::column_names!(["banco"], cnab_arrow::DATE_COLUMNS);
/// assert_eq!(CSV, ["banco", "data_ocorrencia", "data_credito", "vencimento"]);
/// ```
#[macro_export]
macro_rules! column_names {
    ($($part:expr),+ $(,)?) => {{
        const PARTS: &[&[&'static str]] = &[$(&$part),+];
        const N: usize = $crate::concat_names_len(PARTS);
        const NAMES: [&'static str; N] = $crate::concat_names(PARTS);
        &NAMES
    }};
}

/// The amount columns, in the model's order (see [`KEY_COLUMNS`]).
pub const AMOUNT_COLUMNS: [&str; 12] = [
    "valor_titulo",
    "valor_pago",
    "valor_creditado",
    "juros_multa",
    "juros",
    "multa",
    "desconto",
    "abatimento",
    "iof",
    "tarifa",
    "outras_despesas",
    "outros_creditos",
];

/// The snake_case name of a kind (its serde name, as in the JSON).
pub fn kind_name(k: OcorrenciaKind) -> &'static str {
    match k {
        OcorrenciaKind::EntradaConfirmada => "entrada_confirmada",
        OcorrenciaKind::EntradaRejeitada => "entrada_rejeitada",
        OcorrenciaKind::Liquidacao => "liquidacao",
        OcorrenciaKind::LiquidacaoCartorio => "liquidacao_cartorio",
        OcorrenciaKind::LiquidacaoAposBaixa => "liquidacao_apos_baixa",
        OcorrenciaKind::Baixa => "baixa",
        OcorrenciaKind::InstrucaoConfirmada => "instrucao_confirmada",
        OcorrenciaKind::InstrucaoRejeitada => "instrucao_rejeitada",
        OcorrenciaKind::Protesto => "protesto",
        OcorrenciaKind::Tarifa => "tarifa",
        OcorrenciaKind::Informativo => "informativo",
        OcorrenciaKind::PreCritica => "pre_critica",
        _ => "desconhecida",
    }
}

fn motivo_fields() -> Fields {
    Fields::from(vec![
        Field::new("code", DataType::Utf8, false),
        Field::new("description", DataType::Utf8, true),
    ])
}

fn motivos_type() -> DataType {
    DataType::List(Arc::new(Field::new(
        "item",
        DataType::Struct(motivo_fields()),
        true,
    )))
}

/// The columns, in order.
pub fn schema() -> SchemaRef {
    let s = |n: &str| Field::new(n, DataType::Utf8, false);
    let os = |n: &str| Field::new(n, DataType::Utf8, true);
    let d = |n: &str| Field::new(n, DataType::Date32, true);
    let mut fields = vec![
        Field::new("line", DataType::UInt64, false),
        Field::new("last_line", DataType::UInt64, false),
    ];
    // The check digit is the only part of the key a layout may not carry.
    fields.extend(KEY_COLUMNS.map(|n| if n == "nosso_numero_dv" { os(n) } else { s(n) }));
    fields.extend([
        os("ocorrencia_code"),
        os("ocorrencia_kind"),
        os("ocorrencia_description"),
        Field::new("motivos", motivos_type(), false),
    ]);
    fields.extend(DATE_COLUMNS.map(d));
    for n in AMOUNT_COLUMNS {
        fields.push(Field::new(
            n,
            DataType::Decimal128(AMOUNT_PRECISION, AMOUNT_SCALE),
            true,
        ));
    }
    fields.extend([
        Field::new("pagador_inscricao_tipo", DataType::UInt8, true),
        os("pagador_inscricao_numero"),
        os("pagador_nome"),
        os("pagador_endereco"),
        os("pagador_bairro"),
        os("pagador_cep"),
        os("pagador_cidade"),
        os("pagador_uf"),
        os("pix_tipo_chave"),
        os("pix_chave"),
        os("pix_url"),
        os("pix_txid"),
        os("pix_emv"),
        Field::new("pago_por_pix", DataType::Boolean, true),
    ]);
    fields.extend(COBRADOR_COLUMNS.map(s));
    Arc::new(Schema::new(fields))
}

/// Days since 1970-01-01 (Arrow's `Date32`).
fn days(d: NaiveDate) -> i32 {
    /// 1970-01-01 counted from 0001-01-01 as day 1 (`Datelike::num_days_from_ce`).
    const EPOCH_FROM_CE: i32 = 719_163;
    d.num_days_from_ce() - EPOCH_FROM_CE
}

/// The amount in centavos, exactly, or `None` when `Decimal128(18, 2)` cannot hold it.
fn centavos(v: Decimal) -> Option<i128> {
    let scale = v.scale();
    let m = v.mantissa();
    let c = if scale <= 2 {
        m.checked_mul(10i128.pow(2 - scale))?
    } else {
        let div = 10i128.checked_pow(scale - 2)?;
        if m % div != 0 {
            return None;
        }
        m / div
    };
    (c.abs() < 10i128.pow(u32::from(AMOUNT_PRECISION))).then_some(c)
}

/// An amount as a row holds it: the digits of a numeric field read as an integer with the field's scale (what
/// `decode_num` gives, without the `Decimal`), or a `Decimal`.
#[derive(Debug, Clone, Copy)]
enum Amount {
    /// A numeric field of at most 18 digits with a scale of at most 2: `mantissa` / 10^`scale`.
    Digits {
        mantissa: i64,
        scale: u8,
    },
    Decimal(Decimal),
}

impl Amount {
    /// A numeric field's amount, as `cnab_core::decode_num(raw, scale)` reads it (all spaces: none; a byte that is
    /// not a digit: none, as that field gives the model no amount).
    #[inline(always)]
    fn num(raw: &[u8], scale: u8) -> Option<Amount> {
        if raw.len() <= 18 && scale <= 2 {
            // All spaces (or empty): no amount; any other byte that is not a digit: not a number.
            return cnab_core::digits_value(raw).map(|mantissa| Amount::Digits { mantissa, scale });
        }
        cnab_core::decode_num(raw, scale)
            .ok()
            .flatten()
            .map(Amount::Decimal)
    }
    fn decimal(self) -> Decimal {
        match self {
            Amount::Digits { mantissa, scale } => Decimal::new(mantissa, u32::from(scale)),
            Amount::Decimal(d) => d,
        }
    }
    /// In centavos, exactly, or `None` when `Decimal128(18, 2)` cannot hold it ([`centavos`]).
    #[inline]
    fn centavos(self) -> Option<i128> {
        match self {
            Amount::Digits { mantissa, scale } => {
                let c = i128::from(mantissa) * 10i128.pow(u32::from(2 - scale.min(2)));
                (c.abs() < 10i128.pow(u32::from(AMOUNT_PRECISION))).then_some(c)
            }
            Amount::Decimal(d) => centavos(d),
        }
    }
}

/// Number of text columns filled per entry (see [`Columns::write`]).
const TEXTS: usize = 22;

/// One row, as the columns take it: from an owned entry ([`Row::owned`]) or decoded from an entry view's records in
/// one pass ([`Plans::row`]).
struct Row<'a> {
    line: usize,
    last_line: usize,
    /// The text columns hold UTF-8 (ASCII borrowed from the input, or decoded from Windows-1252, or the owned
    /// entry's strings), as bytes: a column's text is checked as UTF-8 once, as a whole, when the batch is made.
    nosso_numero: Cow<'a, [u8]>,
    nosso_numero_dv: Option<Cow<'a, [u8]>>,
    /// seu_numero, uso_empresa, carteira, variacao, banco_cobrador, agencia_cobradora.
    texts: [Cow<'a, [u8]>; 6],
    /// Code, kind, description.
    ocorrencia: Option<(Cow<'a, str>, OcorrenciaKind, Cow<'a, str>)>,
    /// data_ocorrencia, data_credito, vencimento.
    dates: [Option<NaiveDate>; 3],
    /// The amounts of [`AMOUNT_COLUMNS`], in order.
    amounts: [Option<Amount>; 12],
    pagador: Option<PagadorRow<'a>>,
    pix: Option<Cow<'a, PixInfo>>,
    pago_por_pix: Option<bool>,
}

impl<'a> Row<'a> {
    fn owned(e: &'a RetornoEntry) -> Self {
        let b = |s: &'a String| Cow::Borrowed(s.as_bytes());
        Row {
            line: e.line,
            last_line: e.last_line,
            nosso_numero: b(&e.nosso_numero),
            nosso_numero_dv: e.nosso_numero_dv.as_ref().map(b),
            texts: [
                b(&e.seu_numero),
                b(&e.uso_empresa),
                b(&e.carteira),
                b(&e.variacao),
                b(&e.banco_cobrador),
                b(&e.agencia_cobradora),
            ],
            ocorrencia: e.ocorrencia.as_ref().map(|o| {
                (
                    Cow::Borrowed(o.code.as_str()),
                    o.kind,
                    Cow::Borrowed(o.description.as_str()),
                )
            }),
            dates: [e.data_ocorrencia, e.data_credito, e.vencimento],
            amounts: [
                e.valor_titulo,
                e.valor_pago,
                e.valor_creditado,
                e.juros_multa,
                e.juros,
                e.multa,
                e.desconto,
                e.abatimento,
                e.iof,
                e.tarifa,
                e.outras_despesas,
                e.outros_creditos,
            ]
            .map(|v| v.map(Amount::Decimal)),
            pagador: e.pagador.as_ref().map(|p| PagadorRow {
                tipo: p.inscricao.tipo,
                texts: [
                    b(&p.inscricao.numero),
                    b(&p.nome),
                    b(&p.endereco),
                    b(&p.bairro),
                    b(&p.cep),
                    b(&p.cidade),
                    b(&p.uf),
                ],
            }),
            pix: e.pix.as_ref().map(Cow::Borrowed),
            pago_por_pix: e.pago_por_pix,
        }
    }
}

/// The pagador's columns: the tipo de inscrição, then inscrição número, nome, endereço, bairro, CEP, cidade, UF.
struct PagadorRow<'a> {
    tipo: Option<u8>,
    texts: [Cow<'a, [u8]>; 7],
}

/// What one field of a record gives the row (see [`Plans`]).
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// Nosso número: the digits, or the text when a numeric field holds something else.
    NossoNumero,
    /// Its check digit: the last such field's text, `None` when blank.
    NossoNumeroDv,
    /// One of [`Row::texts`].
    Text(usize),
    /// One of [`Row::dates`].
    Date(usize),
    /// One of [`Row::amounts`].
    Amount(usize),
    /// A field of the ocorrência (its code is looked up in the bank's table by the view).
    Ocorrencia,
    /// The pagador's nome or inscrição número (index into [`PagadorRow::texts`]).
    Pagador(usize),
    /// The pagador's tipo de inscrição.
    PagadorTipo,
    /// A field of the motivos or of the Pix data: read through the view when one is not blank.
    Motivos,
    /// See [`Slot::Motivos`].
    Pix,
}

/// The slot of a role, if the row takes it. The roles, and which model field each feeds, are
/// `cnab_core::normalize::retorno_entry`'s (`Variacao` and `Modalidade` both feed `variacao`).
fn slot(role: Role) -> Option<Slot> {
    use Role as R;
    Some(match role {
        R::NossoNumero => Slot::NossoNumero,
        R::NossoNumeroDv => Slot::NossoNumeroDv,
        R::SeuNumero => Slot::Text(0),
        R::UsoEmpresa => Slot::Text(1),
        R::Carteira => Slot::Text(2),
        R::Variacao | R::Modalidade => Slot::Text(3),
        R::BancoCobrador => Slot::Text(4),
        R::AgenciaCobradora => Slot::Text(5),
        R::Ocorrencia => Slot::Ocorrencia,
        R::Motivos => Slot::Motivos,
        R::DataOcorrencia => Slot::Date(0),
        R::DataCredito => Slot::Date(1),
        R::Vencimento => Slot::Date(2),
        R::ValorTitulo => Slot::Amount(0),
        R::ValorPago => Slot::Amount(1),
        R::ValorCreditado => Slot::Amount(2),
        R::JurosMulta => Slot::Amount(3),
        R::Juros => Slot::Amount(4),
        R::Multa => Slot::Amount(5),
        R::Desconto => Slot::Amount(6),
        R::Abatimento => Slot::Amount(7),
        R::Iof => Slot::Amount(8),
        R::Tarifa => Slot::Amount(9),
        R::OutrasDespesas => Slot::Amount(10),
        R::OutrosCreditos => Slot::Amount(11),
        R::PagadorInscricao => Slot::Pagador(0),
        R::PagadorNome => Slot::Pagador(1),
        R::PagadorTipoInscricao => Slot::PagadorTipo,
        R::PixTipoChave | R::PixChave | R::PixUrl | R::PixTxid | R::PixEmv | R::PixLocation => {
            Slot::Pix
        }
        _ => return None,
    })
}

/// A field's text as the model reads it (spaces removed at both ends, Windows-1252), as UTF-8 bytes: borrowed when
/// it is ASCII.
fn text(raw: &[u8]) -> Cow<'_, [u8]> {
    let start = raw.iter().position(|&b| b != b' ').unwrap_or(raw.len());
    let t = raw.get(start..).unwrap_or(&[]);
    let end = t.iter().rposition(|&b| b != b' ').map_or(0, |p| p + 1);
    let t = t.get(..end).unwrap_or(&[]);
    match t.is_ascii() {
        true => Cow::Borrowed(t),
        false => Cow::Owned(cnab_core::decode_text(t).into_bytes()),
    }
}

/// The model's rule for text: a later non-empty value replaces an earlier one.
fn set_text<'a>(dst: &mut Cow<'a, [u8]>, v: Cow<'a, [u8]>) {
    if !v.is_empty() || dst.is_empty() {
        *dst = v;
    }
}

/// A CPF/CNPJ as the model keeps it (`normalize::unpad_inscricao`): the zero-fill of a wider field removed (11
/// positions for a CPF, tipo 1; 14 for a CNPJ, tipo 2, or when the tipo is unknown and the number is longer), and
/// all zeros meaning "not informed".
fn unpadded(numero: Cow<'_, [u8]>, tipo: Option<u8>) -> Cow<'_, [u8]> {
    let keep = match tipo {
        Some(1) => 11,
        Some(2) => 14,
        _ if numero.len() > 14 => 14,
        _ => return numero,
    };
    // Where the number kept starts (its length when nothing is kept).
    let cut = |s: &[u8]| {
        let mut start = 0;
        while s.len() - start > keep && s.get(start) == Some(&b'0') {
            start += 1;
        }
        match s.get(start..) {
            Some(rest) if !rest.iter().all(|&b| b == b'0') => start,
            _ => s.len(),
        }
    };
    match numero {
        Cow::Borrowed(s) => Cow::Borrowed(s.get(cut(s)..).unwrap_or(&[])),
        Cow::Owned(s) => Cow::Owned(s.get(cut(&s)..).unwrap_or(&[]).to_vec()),
    }
}

/// For each record layout met, the fields the row takes and where each goes, worked out once (a file has one to a
/// few detail layouts): a row then walks its records once, each field decoded straight into its place, instead of
/// looking each column's role up in every record.
#[derive(Default)]
struct Plans {
    layouts: Vec<(&'static RecordLayout, Vec<(&'static FieldSpec, Slot)>)>,
}

impl Plans {
    fn get(&mut self, layout: &'static RecordLayout) -> &[(&'static FieldSpec, Slot)] {
        let at = match self
            .layouts
            .iter()
            .position(|(l, _)| std::ptr::eq(*l, layout))
        {
            Some(i) => i,
            None => {
                let plan = layout
                    .fields
                    .iter()
                    .filter_map(|f| Some((f, slot(f.role?)?)))
                    .collect();
                self.layouts.push((layout, plan));
                self.layouts.len() - 1
            }
        };
        self.layouts.get(at).map_or(&[], |(_, p)| p.as_slice())
    }

    /// The row of an entry view whose layout no bank rule rewrites: each field with a role decoded once, in file
    /// order, with the model's precedence (`normalize::retorno_entry`): for text a later non-empty value replaces an
    /// earlier one, for amounts and dates the last field that holds one wins, a nosso número DV is the last field's.
    /// The pagador as the model reads it: each tipo de inscrição read as a number sets it (a blank one clears it, one
    /// that is not a number leaves it), the número unpadded for it, no pagador when nothing is given. The
    /// ocorrência, motivos and Pix data come from the view's accessors, only when the entry has such a field that is
    /// not blank. Also says whether a motivo field holds something besides spaces and zeros (the motivos are read
    /// through the view then).
    fn row<'e>(&mut self, e: &'e EntryView<'_>) -> (Row<'e>, bool) {
        let mut row = Row {
            line: e.line(),
            last_line: e.last_line(),
            nosso_numero: Cow::Borrowed(&[]),
            nosso_numero_dv: None,
            texts: Default::default(),
            ocorrencia: None,
            dates: [None; 3],
            amounts: [None; 12],
            pagador: None,
            pix: None,
            pago_por_pix: None,
        };
        let (mut ocorrencia, mut motivos, mut pix) = (false, false, false);
        let mut pagador = PagadorRow {
            tipo: None,
            texts: Default::default(),
        };
        for r in e.records() {
            for &(spec, slot) in self.get(r.layout) {
                let raw = spec.slice(r.bytes);
                let blank = || raw.iter().all(|&b| b == b' ');
                match slot {
                    Slot::NossoNumero => {
                        // As `decode_digits` reads it: all spaces, none; all digits, as sent; else the text.
                        let v = match spec.kind {
                            Kind::Num { .. } if raw.iter().all(|&b| b == b' ') => {
                                Cow::Borrowed(&[][..])
                            }
                            Kind::Num { .. } if raw.iter().all(u8::is_ascii_digit) => {
                                Cow::Borrowed(raw)
                            }
                            _ => text(raw),
                        };
                        set_text(&mut row.nosso_numero, v);
                    }
                    Slot::NossoNumeroDv => {
                        row.nosso_numero_dv = Some(text(raw)).filter(|s| !s.is_empty());
                    }
                    Slot::Text(i) => {
                        if let Some(dst) = row.texts.get_mut(i) {
                            set_text(dst, text(raw));
                        }
                    }
                    Slot::Date(i) => {
                        if let Kind::Date(fmt) = spec.kind {
                            if let (Ok(Some(d)), Some(dst)) =
                                (cnab_core::decode_date(raw, fmt), row.dates.get_mut(i))
                            {
                                *dst = Some(d);
                            }
                        }
                    }
                    Slot::Amount(i) => {
                        let v = match spec.kind {
                            Kind::Num { scale } => Amount::num(raw, scale),
                            _ => Amount::num(&text(raw), 0),
                        };
                        if let (Some(v), Some(dst)) = (v, row.amounts.get_mut(i)) {
                            *dst = Some(v);
                        }
                    }
                    Slot::Ocorrencia => ocorrencia = true,
                    // A motivo code of zeros is no motivo (`normalize::motivos`).
                    Slot::Motivos => motivos |= raw.iter().any(|&b| b != b' ' && b != b'0'),
                    Slot::Pagador(i) => {
                        if let Some(dst) = pagador.texts.get_mut(i) {
                            set_text(dst, text(raw));
                        }
                    }
                    Slot::PagadorTipo => {
                        let digits = match spec.kind {
                            Kind::Num { .. } => cnab_core::decode_digits(raw)
                                .ok()
                                .map(|d| Cow::Borrowed(d.unwrap_or(""))),
                            _ => Some(match text(raw) {
                                Cow::Borrowed(t) => {
                                    Cow::Borrowed(std::str::from_utf8(t).unwrap_or(""))
                                }
                                Cow::Owned(t) => {
                                    Cow::Owned(String::from_utf8(t).unwrap_or_default())
                                }
                            }),
                        };
                        match digits.as_deref() {
                            Some("") => pagador.tipo = None,
                            Some(d) => {
                                if let Ok(t) = d.parse::<u64>() {
                                    pagador.tipo = u8::try_from(t).ok().filter(|t| *t != 0);
                                }
                            }
                            None => {}
                        }
                    }
                    Slot::Pix => pix |= !blank(),
                }
            }
        }
        // Layouts that carry juros and multa apart still give the combined total (as the model does).
        if let [_, _, _, jm @ None, j, m, ..] = &mut row.amounts {
            if j.is_some() || m.is_some() {
                let d = |a: &Option<Amount>| a.map(Amount::decimal).unwrap_or_default();
                *jm = Some(Amount::Decimal(d(j) + d(m)));
            }
        }
        if ocorrencia {
            row.ocorrencia = e.ocorrencia().map(|o| (o.code, o.kind, o.description));
        }
        let [numero, ..] = &mut pagador.texts;
        *numero = unpadded(std::mem::take(numero), pagador.tipo);
        if pagador.tipo.is_some() || pagador.texts.iter().any(|t| !t.is_empty()) {
            row.pagador = Some(pagador);
        }
        if pix {
            row.pix = e.pix().map(Cow::Owned);
        }
        (row, motivos)
    }
}

/// A column's builder, as [`Lazy`] drives it.
trait Column {
    /// The array it makes.
    type Array: Array + 'static;
    /// Rows appended.
    fn rows(&self) -> usize;
    /// Appends `n` nulls in one call.
    fn append_nulls(&mut self, n: usize);
    /// The array of the rows appended (the builder is emptied).
    fn array(&mut self) -> Self::Array;
    /// An array of `n` nulls.
    fn nulls(n: usize) -> Self::Array;
}

impl<T: ByteArrayType> Column for GenericByteBuilder<T> {
    type Array = GenericByteArray<T>;
    fn rows(&self) -> usize {
        self.len()
    }
    fn append_nulls(&mut self, n: usize) {
        GenericByteBuilder::append_nulls(self, n);
    }
    fn array(&mut self) -> Self::Array {
        self.finish()
    }
    fn nulls(n: usize) -> Self::Array {
        Self::Array::new_null(n)
    }
}

impl<T: ArrowPrimitiveType> Column for PrimitiveBuilder<T> {
    type Array = PrimitiveArray<T>;
    fn rows(&self) -> usize {
        self.len()
    }
    fn append_nulls(&mut self, n: usize) {
        PrimitiveBuilder::append_nulls(self, n);
    }
    fn array(&mut self) -> Self::Array {
        self.finish()
    }
    fn nulls(n: usize) -> Self::Array {
        Self::Array::new_null(n)
    }
}

impl Column for BooleanBuilder {
    type Array = arrow_array::BooleanArray;
    fn rows(&self) -> usize {
        self.len()
    }
    fn append_nulls(&mut self, n: usize) {
        BooleanBuilder::append_nulls(self, n);
    }
    fn array(&mut self) -> Self::Array {
        self.finish()
    }
    fn nulls(n: usize) -> Self::Array {
        Self::Array::new_null(n)
    }
}

/// A column's builder with the nulls after its last value counted, not yet appended: a run of nulls goes in with one
/// call when a value follows, and a column that holds no value in the batch (the Pix data of most files, the
/// pagador of layouts without one) is made at the end as an array of nulls, its values buffer zeroed by the
/// allocator and never written row by row. The array is the same as with a null appended per row.
struct Lazy<B> {
    b: B,
    nulls: usize,
}

impl<B: Column> Lazy<B> {
    fn new(b: B) -> Self {
        Lazy { b, nulls: 0 }
    }
    #[inline]
    fn null(&mut self) {
        self.nulls += 1;
    }
    /// The builder, with the nulls counted so far appended.
    #[inline]
    fn builder(&mut self) -> &mut B {
        if self.nulls > 0 {
            self.b.append_nulls(std::mem::take(&mut self.nulls));
        }
        &mut self.b
    }
    /// The column: an array of nulls when no value was appended, else the builder's array with the nulls counted
    /// since its last value.
    fn typed(&mut self) -> B::Array {
        if self.b.rows() == 0 {
            B::nulls(std::mem::take(&mut self.nulls))
        } else {
            self.builder().array()
        }
    }
    fn array(&mut self) -> ArrayRef {
        Arc::new(self.typed())
    }
}

impl<T: ByteArrayType> Lazy<GenericByteBuilder<T>> {
    #[inline]
    fn option(&mut self, v: Option<&T::Native>) {
        match v {
            Some(v) => self.builder().append_value(v),
            None => self.null(),
        }
    }
}

impl<T: ArrowPrimitiveType> Lazy<PrimitiveBuilder<T>> {
    #[inline]
    fn option(&mut self, v: Option<T::Native>) {
        match v {
            Some(v) => self.builder().append_value(v),
            None => self.null(),
        }
    }
}

/// One builder per column, filled in one pass over the entries: each entry is visited once (its fields are close
/// together in memory), instead of once per column.
struct Columns {
    line: UInt64Builder,
    last_line: UInt64Builder,
    /// nosso_numero … ocorrencia_description (8 columns), then pagador_inscricao_numero … pix_emv (12), then
    /// banco_cobrador and agencia_cobradora (2): the text columns in schema order, `ocorrencia_kind` apart.
    texts: Vec<Lazy<BinaryBuilder>>,
    kind: Lazy<StringBuilder>,
    motivo_lens: Vec<usize>,
    motivo_codes: StringBuilder,
    motivo_descriptions: StringBuilder,
    dates: [Lazy<Date32Builder>; 3],
    amounts: Vec<Lazy<Decimal128Builder>>,
    inscricao_tipo: Lazy<UInt8Builder>,
    pago_por_pix: Lazy<BooleanBuilder>,
    plans: Plans,
}

impl Columns {
    fn new(n: usize) -> Self {
        Columns {
            line: UInt64Builder::with_capacity(n),
            last_line: UInt64Builder::with_capacity(n),
            texts: (0..TEXTS)
                .map(|_| Lazy::new(BinaryBuilder::with_capacity(n, n * 8)))
                .collect(),
            kind: Lazy::new(StringBuilder::with_capacity(n, n * 12)),
            motivo_lens: Vec::with_capacity(n),
            motivo_codes: StringBuilder::new(),
            motivo_descriptions: StringBuilder::new(),
            dates: [(); 3].map(|()| Lazy::new(Date32Builder::with_capacity(n))),
            amounts: AMOUNT_COLUMNS
                .iter()
                .map(|_| Lazy::new(Decimal128Builder::with_capacity(n)))
                .collect(),
            inscricao_tipo: Lazy::new(UInt8Builder::with_capacity(n)),
            pago_por_pix: Lazy::new(BooleanBuilder::with_capacity(n)),
            plans: Plans::default(),
        }
    }

    /// Writes an owned entry's row.
    fn push(&mut self, e: &RetornoEntry) -> Result<(), Error> {
        self.write(Row::owned(e))?;
        self.push_motivos(
            e.motivos
                .iter()
                .map(|m| (m.code.as_str(), m.description.as_deref())),
        );
        Ok(())
    }

    /// Writes an entry view's row: the row its owned entry gives, decoded from the records in one pass.
    fn push_view(&mut self, e: &EntryView<'_>) -> Result<(), Error> {
        if let Some(owned) = e.rewritten() {
            return self.push(owned);
        }
        let (row, motivos) = self.plans.row(e);
        // Motivos are read for an ocorrência, two characters a code, leaving out blank and all-zero codes: without an
        // ocorrência, or when the motivo fields hold only spaces and zeros, there are none (the view would give an
        // empty list).
        let motivos = motivos && row.ocorrencia.is_some();
        self.write(row)?;
        let motivos = if motivos { e.motivos() } else { Vec::new() };
        self.push_motivos(
            motivos
                .iter()
                .map(|m| (m.code.as_ref(), m.description.as_deref())),
        );
        Ok(())
    }

    /// Appends a row's motivos (code and description) and their count.
    fn push_motivos<'m>(&mut self, motivos: impl Iterator<Item = (&'m str, Option<&'m str>)>) {
        let mut n = 0;
        for (code, description) in motivos {
            self.motivo_codes.append_value(code);
            self.motivo_descriptions.append_option(description);
            n += 1;
        }
        self.motivo_lens.push(n);
    }

    /// Writes one row but its motivos (the caller appends them and their count).
    fn write(&mut self, row: Row<'_>) -> Result<(), Error> {
        let Row {
            line,
            last_line,
            nosso_numero,
            nosso_numero_dv,
            texts: [seu, uso, carteira, variacao, banco, agencia],
            ocorrencia: oc,
            dates,
            amounts,
            pagador,
            pix,
            pago_por_pix,
        } = row;
        self.line.append_value(line as u64);
        self.last_line.append_value(last_line as u64);
        let px = pix.as_deref();
        let pg = pagador.as_ref().map(|p| &p.texts);
        let texts: [Option<&[u8]>; TEXTS] = [
            Some(&nosso_numero),
            nosso_numero_dv.as_deref(),
            Some(&seu),
            Some(&uso),
            Some(&carteira),
            Some(&variacao),
            oc.as_ref().map(|o| o.0.as_bytes()),
            oc.as_ref().map(|o| o.2.as_bytes()),
            pg.map(|[p, ..]| p.as_ref()),
            pg.map(|[_, p, ..]| p.as_ref()),
            pg.map(|[_, _, p, ..]| p.as_ref()),
            pg.map(|[_, _, _, p, ..]| p.as_ref()),
            pg.map(|[.., p, _, _]| p.as_ref()),
            pg.map(|[.., p, _]| p.as_ref()),
            pg.map(|[.., p]| p.as_ref()),
            px.map(|p| p.tipo_chave.as_bytes()),
            px.map(|p| p.chave.as_bytes()),
            px.map(|p| p.url.as_bytes()),
            px.map(|p| p.txid.as_bytes()),
            px.map(|p| p.emv.as_bytes()),
            Some(&banco),
            Some(&agencia),
        ];
        for (b, t) in self.texts.iter_mut().zip(texts) {
            b.option(t);
        }
        self.kind.option(oc.as_ref().map(|o| kind_name(o.1)));
        for (b, d) in self.dates.iter_mut().zip(dates) {
            b.option(d.map(days));
        }
        for ((b, field), v) in self.amounts.iter_mut().zip(AMOUNT_COLUMNS).zip(amounts) {
            match v {
                None => b.null(),
                Some(v) => b
                    .builder()
                    .append_value(v.centavos().ok_or_else(|| Error::Amount {
                        line,
                        field,
                        value: v.decimal(),
                    })?),
            }
        }
        self.inscricao_tipo
            .option(pagador.as_ref().and_then(|p| p.tipo));
        match pago_por_pix {
            Some(v) => self.pago_por_pix.builder().append_value(v),
            None => self.pago_por_pix.null(),
        }
        Ok(())
    }

    fn finish(mut self) -> Result<RecordBatch, Error> {
        // Each text column's bytes checked as UTF-8 in one pass (every value put in was UTF-8).
        let mut texts = self
            .texts
            .iter_mut()
            .map(|b| Ok(Arc::new(StringArray::try_from_binary(b.typed())?) as ArrayRef));
        let mut next = || {
            texts
                .next()
                .unwrap_or_else(|| Err(ArrowError::SchemaError("text column".into())))
        };
        let motivos = StructArray::try_new(
            motivo_fields(),
            vec![
                Arc::new(self.motivo_codes.finish()) as ArrayRef,
                Arc::new(self.motivo_descriptions.finish()) as ArrayRef,
            ],
            None,
        )?;
        let item = Arc::new(Field::new("item", DataType::Struct(motivo_fields()), true));
        let motivos = ListArray::try_new(
            item,
            OffsetBuffer::from_lengths(std::mem::take(&mut self.motivo_lens)),
            Arc::new(motivos),
            None,
        )?;
        let mut cols: Vec<ArrayRef> = vec![
            Arc::new(self.line.finish()),
            Arc::new(self.last_line.finish()),
        ];
        // nosso_numero … variacao, ocorrencia_code
        for _ in 0..7 {
            cols.push(next()?);
        }
        cols.push(self.kind.array());
        cols.push(next()?); // ocorrencia_description
        cols.push(Arc::new(motivos));
        for d in &mut self.dates {
            cols.push(d.array());
        }
        for a in &mut self.amounts {
            cols.push(Arc::new(
                a.typed()
                    .with_precision_and_scale(AMOUNT_PRECISION, AMOUNT_SCALE)?,
            ));
        }
        cols.push(self.inscricao_tipo.array());
        // pagador_inscricao_numero … pix_emv
        for _ in 0..12 {
            cols.push(next()?);
        }
        cols.push(self.pago_por_pix.array());
        // banco_cobrador, agencia_cobradora
        for _ in 0..2 {
            cols.push(next()?);
        }
        Ok(RecordBatch::try_new(schema(), cols)?)
    }
}

/// The entries as one record batch with the columns of [`schema`]. Takes entries or references to them.
pub fn entries_batch<E: Borrow<RetornoEntry>>(entries: &[E]) -> Result<RecordBatch, Error> {
    let mut cols = Columns::new(entries.len());
    for e in entries {
        cols.push(e.borrow())?;
    }
    cols.finish()
}

/// Entries pushed one at a time, owned or as views ([`EntryView`], from [`cnab_core::read_retorno_view`]), into one
/// record batch with the columns of [`schema`]. A view gives the row its owned entry gives, without building it.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let data = std::fs::read("../../fixtures/341-itau/cnab240/retorno/retorno.ret")?;
/// let view = cnab_core::read_retorno_view(&data, cnab_core::ReadOptions::default())?;
/// let mut b = cnab_arrow::BatchBuilder::with_capacity(view.len());
/// for e in view.entries() {
///     b.push_view(&e)?;
/// }
/// let owned = cnab_core::read_retorno(&data, cnab_core::ReadOptions::default())?;
/// assert_eq!(b.finish()?, cnab_arrow::entries_batch(&owned.entries)?);
/// # Ok(()) }
/// ```
pub struct BatchBuilder {
    cols: Columns,
}

impl BatchBuilder {
    /// A builder with room for `n` rows.
    pub fn with_capacity(n: usize) -> Self {
        BatchBuilder {
            cols: Columns::new(n),
        }
    }
    /// Adds an owned entry's row.
    pub fn push(&mut self, e: &RetornoEntry) -> Result<(), Error> {
        self.cols.push(e)
    }
    /// Adds an entry view's row (the same as its owned entry's): the view's records walked once, each field with a
    /// role decoded straight into its column (the owned entry is not built, except where a bank rule rewrites the
    /// layout's entries).
    pub fn push_view(&mut self, e: &EntryView<'_>) -> Result<(), Error> {
        self.cols.push_view(e)
    }
    /// The record batch of the rows added.
    pub fn finish(self) -> Result<RecordBatch, Error> {
        self.cols.finish()
    }
}

/// Record batches of up to `batch_size` entries from a stream of entries (a
/// [`RetornoReader`](cnab_core::RetornoReader)): a [`RecordBatchReader`] in constant memory. A read error ends the
/// stream with that error.
pub struct EntryBatches<I> {
    entries: I,
    batch_size: usize,
    schema: SchemaRef,
    failed: bool,
}

impl<I> EntryBatches<I>
where
    I: Iterator<Item = cnab_core::Result<RetornoEntry>>,
{
    /// Batches of `batch_size` entries (at least 1).
    pub fn new(entries: I, batch_size: usize) -> Self {
        EntryBatches {
            entries,
            batch_size: batch_size.max(1),
            schema: schema(),
            failed: false,
        }
    }
}

impl<I> Iterator for EntryBatches<I>
where
    I: Iterator<Item = cnab_core::Result<RetornoEntry>>,
{
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let mut chunk = Vec::with_capacity(self.batch_size);
        for r in self.entries.by_ref() {
            match r {
                Ok(e) => chunk.push(e),
                Err(e) => {
                    self.failed = true;
                    return Some(Err(Error::Read(e).into()));
                }
            }
            if chunk.len() == self.batch_size {
                break;
            }
        }
        if chunk.is_empty() {
            return None;
        }
        Some(entries_batch(&chunk).map_err(ArrowError::from))
    }
}

impl<I> RecordBatchReader for EntryBatches<I>
where
    I: Iterator<Item = cnab_core::Result<RetornoEntry>>,
{
    fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }
}

/// Record batches of up to `batch_size` entries read straight from a retorno as entry views
/// ([`RetornoViewReader::next_chunk`](cnab_core::RetornoViewReader::next_chunk)): each row decoded from the entry's
/// lines, no owned entry built, in constant memory (one chunk of lines at a time). The rows, problems and errors are
/// those of [`EntryBatches`] over a [`RetornoReader`](cnab_core::RetornoReader); a read error ends the stream, after
/// a batch of the entries read before it.
pub struct ViewBatches<R: std::io::BufRead> {
    reader: cnab_core::RetornoViewReader<R>,
    batch_size: usize,
    schema: SchemaRef,
    file: Option<Arc<str>>,
}

impl<R: std::io::BufRead> ViewBatches<R> {
    /// Batches of `batch_size` entries (at least 1).
    pub fn new(reader: cnab_core::RetornoViewReader<R>, batch_size: usize) -> Self {
        ViewBatches {
            reader,
            batch_size: batch_size.max(1),
            schema: schema(),
            file: None,
        }
    }
    /// Read errors name this file.
    pub fn naming(mut self, file: Option<Arc<str>>) -> Self {
        self.file = file;
        self
    }
}

impl<R: std::io::BufRead> Iterator for ViewBatches<R> {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let chunk = match self.reader.next_chunk(self.batch_size)? {
            Ok(c) => c,
            Err(e) => {
                let e = match &self.file {
                    Some(f) => e.with_file(Arc::clone(f)),
                    None => e,
                };
                return Some(Err(Error::Read(e).into()));
            }
        };
        let mut b = BatchBuilder::with_capacity(chunk.len());
        for e in chunk.entries() {
            if let Err(e) = b.push_view(&e) {
                return Some(Err(e.into()));
            }
        }
        Some(b.finish().map_err(ArrowError::from))
    }
}

impl<R: std::io::BufRead> RecordBatchReader for ViewBatches<R> {
    fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }
}

/// Total of an amount column, exactly (for checks against the model).
pub fn column_total(batch: &RecordBatch, name: &str) -> Option<Decimal> {
    let col = batch
        .column_by_name(name)?
        .as_any()
        .downcast_ref::<arrow_array::Decimal128Array>()?;
    let sum: i128 = col.iter().flatten().sum();
    Decimal::try_from_i128_with_scale(sum, u32::from(AMOUNT_SCALE.unsigned_abs())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema's columns, laid out from the shared groups, in the order they have always had.
    #[test]
    fn the_columns_are_unchanged() {
        let names: Vec<String> = schema().fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(
            names.join(","),
            "line,last_line,nosso_numero,nosso_numero_dv,seu_numero,uso_empresa,carteira,variacao,ocorrencia_code,\
             ocorrencia_kind,ocorrencia_description,motivos,data_ocorrencia,data_credito,vencimento,valor_titulo,\
             valor_pago,valor_creditado,juros_multa,juros,multa,desconto,abatimento,iof,tarifa,outras_despesas,\
             outros_creditos,pagador_inscricao_tipo,pagador_inscricao_numero,pagador_nome,pagador_endereco,\
             pagador_bairro,pagador_cep,pagador_cidade,pagador_uf,pix_tipo_chave,pix_chave,pix_url,pix_txid,pix_emv,\
             pago_por_pix,banco_cobrador,agencia_cobradora"
        );
        let schema = schema();
        let nullable: Vec<&str> = schema
            .fields()
            .iter()
            .filter(|f| f.is_nullable())
            .map(|f| f.name().as_str())
            .collect();
        assert!(nullable.contains(&"nosso_numero_dv") && !nullable.contains(&"nosso_numero"));
        assert!(!nullable.contains(&"banco_cobrador") && nullable.contains(&"vencimento"));
    }

    #[test]
    fn days_since_1970() {
        let d = |y, m, dd| days(NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default());
        assert_eq!(d(1970, 1, 1), 0);
        assert_eq!(d(1969, 12, 31), -1);
        assert_eq!(d(2000, 3, 1), 11_017);
        assert_eq!(d(2024, 2, 29), 19_782);
        assert_eq!(d(9999, 12, 31), 2_932_896);
    }

    /// The model's unpadding of a CPF/CNPJ (`normalize::unpad_inscricao`), borrowed or owned.
    #[test]
    fn inscricao_unpadded_as_the_model_does() {
        let u = |n: &'static str, t| {
            String::from_utf8(unpadded(Cow::Borrowed(n.as_bytes()), t).into_owned())
                .unwrap_or_default()
        };
        assert_eq!(u("000012345678901", Some(1)), "12345678901");
        assert_eq!(u("000012345678000199", Some(2)), "12345678000199");
        assert_eq!(u("000012345678000199", None), "12345678000199");
        assert_eq!(u("0012345678901", None), "0012345678901"); // 14 or fewer: as sent
        assert_eq!(u("0000", None), "0000");
        assert_eq!(u("00000000000000", Some(2)), ""); // all zeros: not informed
        assert_eq!(u("000000000000000", None), "");
        assert_eq!(u("", Some(1)), "");
        assert_eq!(
            unpadded(Cow::Owned("00000123456789Ç".into()), Some(1)),
            "123456789Ç".as_bytes()
        );
    }

    /// A numeric field's amount is what `decode_num` gives, digit by digit: every length up to 19, every scale up
    /// to 3, digits, spaces, signs, letters and a Windows-1252 byte at each position.
    #[test]
    fn amounts_read_as_decode_num_reads_them() {
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=19usize {
            let digits: Vec<u8> = (0..len).map(|i| b"9876543210"[i % 10]).collect();
            inputs.push(digits.clone());
            inputs.push(vec![b'9'; len]);
            inputs.push(vec![b'0'; len]);
            inputs.push(vec![b' '; len]);
            for at in 0..len {
                for bad in [b' ', b'-', b'+', b'.', b'A', b'/', b':', 0xC7] {
                    let mut d = digits.clone();
                    if let Some(b) = d.get_mut(at) {
                        *b = bad;
                    }
                    inputs.push(d);
                }
            }
        }
        for raw in &inputs {
            for scale in 0..=3 {
                let ours = Amount::num(raw, scale).map(Amount::decimal);
                let model = cnab_core::decode_num(raw, scale).ok().flatten();
                assert_eq!(
                    ours,
                    model,
                    "{:?} scale {scale}",
                    String::from_utf8_lossy(raw)
                );
                assert_eq!(
                    Amount::num(raw, scale).and_then(Amount::centavos),
                    model.and_then(centavos),
                    "{:?} scale {scale}",
                    String::from_utf8_lossy(raw)
                );
            }
        }
    }

    /// A column of nulls made at the end, or nulls appended in runs, is the array a null per row gives.
    #[test]
    fn lazy_nulls_make_the_same_arrays() {
        let rows: [&[Option<&str>]; 4] = [
            &[None, None, None],
            &[Some("a"), None, None, Some("b")],
            &[None, Some("ç"), None],
            &[],
        ];
        for r in rows {
            let mut lazy = Lazy::new(StringBuilder::new());
            let mut each = StringBuilder::new();
            for v in r {
                lazy.option(*v);
                each.append_option(*v);
            }
            let each: ArrayRef = Arc::new(each.finish());
            assert_eq!(&lazy.array(), &each);
        }
        let mut lazy = Lazy::new(Decimal128Builder::new());
        let mut each = Decimal128Builder::new();
        for v in [None, Some(5), None, None] {
            lazy.option(v);
            each.append_option(v);
        }
        assert_eq!(lazy.typed(), each.finish());
        let mut lazy = Lazy::new(BooleanBuilder::new());
        lazy.null();
        lazy.null();
        let nulls = lazy.array();
        assert_eq!((nulls.len(), nulls.null_count()), (2, 2));
    }

    #[test]
    fn centavos_are_exact() {
        assert_eq!(centavos(Decimal::new(12750, 2)), Some(12750));
        assert_eq!(centavos(Decimal::new(1275, 1)), Some(12750));
        assert_eq!(centavos(Decimal::new(127500, 3)), Some(12750));
        assert_eq!(centavos(Decimal::new(127505, 3)), None);
        assert_eq!(centavos(Decimal::new(10i64.pow(16), 0)), None);
    }
}
