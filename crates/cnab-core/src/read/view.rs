//! Entry views: retorno entries read without building the owned model. The reader runs the same engine as
//! [`read_retorno`] and [`RetornoReader`] (every line checked, every conservation rule applied, the same problems),
//! but an entry is kept as its records, borrowed from the input, and each field is decoded when it is asked for.
//! [`EntryView::to_owned`] builds the owned [`RetornoEntry`], equal to the one the owned readers give.

use std::cell::OnceCell;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::bank::OcorrenciaDef;
use crate::field::FieldSpec;
use crate::model::{Motivo, OcorrenciaKind, Pessoa, PixInfo};

/// One record of an entry as the engine holds it: line number, layout, bytes (borrowed from the input when the line
/// had the layout's length, else the fitted copy).
pub(super) type HeldRecord<'a> = (usize, &'static RecordLayout, Cow<'a, [u8]>);

/// An entry of a view: its range in the held records, and its ocorrência as found when the entry closed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
    pub ocorrencia: Option<Found>,
}

/// Where an entry's ocorrência code is (the field the model takes it from, see [`find_ocorrencia`]) and its row in
/// the layout's table, found once when the entry closes so that reading it again looks nothing up.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    /// The field holding the code.
    field: &'static FieldSpec,
    /// The index of the field's record among the entry's records.
    record: u32,
    /// The code's index in [`LayoutSpec::ocorrencias`] (`u32::MAX`: not in the table).
    row: u32,
}

/// Where the engine puts entries when it reads views: their records, and each entry's range in them.
pub(super) struct ViewSink<'a> {
    pub roles: RoleIndex,
    pub records: Vec<HeldRecord<'a>>,
    pub entries: Vec<Span>,
    /// Whether the generic decoding of an entry can find no problem the field checks at feed did not already
    /// report (see [`exact_decoding`]); when it can, or a bank rule may add problems, each entry is also built once
    /// to collect them.
    pub exact: bool,
}

impl ViewSink<'_> {
    pub(super) fn new(spec: &'static LayoutSpec) -> Self {
        ViewSink {
            roles: RoleIndex::new(spec),
            records: Vec::new(),
            entries: Vec::new(),
            exact: exact_decoding(spec),
        }
    }
}

/// True when building an entry of this layout can report nothing beyond the field checks made when each line was
/// fed and an unknown ocorrência: no bank rule (hook), and every role decoded fallibly by the model is a field of
/// the kind the feed checks the same way (amounts in numeric fields, dates in date fields, a tipo de inscrição in a
/// short numeric field).
fn exact_decoding(spec: &LayoutSpec) -> bool {
    if spec.retorno_hook.is_some() {
        return false;
    }
    spec.records
        .iter()
        .filter(|(k, _)| spec.entry.iter().any(|e| e.key == *k))
        .flat_map(|(_, l)| l.fields.iter())
        .all(|f| match f.role {
            Some(r) if is_amount(r) => matches!(f.kind, Kind::Num { .. }),
            Some(Role::PagadorTipoInscricao) => matches!(f.kind, Kind::Num { .. }) && f.len() <= 18,
            _ => true,
        })
}

/// The roles the model reads as amounts.
fn is_amount(r: Role) -> bool {
    matches!(
        r,
        Role::ValorTitulo
            | Role::ValorPago
            | Role::ValorCreditado
            | Role::JurosMulta
            | Role::Juros
            | Role::Multa
            | Role::Desconto
            | Role::Abatimento
            | Role::Iof
            | Role::Tarifa
            | Role::OutrasDespesas
            | Role::OutrosCreditos
    )
}

/// How many roles there are (the last variant's index plus one); a role past it is found by scanning.
const ROLES: usize = Role::Mensagem4 as usize + 1;
/// A slot of [`RoleIndex`]: no field has the role.
const NONE: u8 = 0;
/// A slot of [`RoleIndex`]: several fields have the role (or the field's index does not fit): scan the layout.
const SCAN: u8 = u8::MAX;

/// For each record layout of a file's entries, the field that has each role, built once per file so that a field is
/// found by one array access instead of a scan of its record's table.
#[derive(Debug, Clone)]
pub(super) struct RoleIndex {
    layouts: Vec<(&'static RecordLayout, [u8; ROLES])>,
}

impl RoleIndex {
    pub(super) fn new(spec: &'static LayoutSpec) -> Self {
        let mut layouts: Vec<(&'static RecordLayout, [u8; ROLES])> = Vec::new();
        for (k, l) in spec.records {
            if !spec.entry.iter().any(|e| e.key == *k)
                || layouts.iter().any(|(x, _)| std::ptr::eq(*x, *l))
            {
                continue;
            }
            let mut slots = [NONE; ROLES];
            for (i, f) in l.fields.iter().enumerate() {
                let Some(slot) = f.role.and_then(|r| slots.get_mut(r as usize)) else {
                    continue;
                };
                *slot = match (*slot, u8::try_from(i + 1)) {
                    (NONE, Ok(n)) if n != SCAN => n,
                    _ => SCAN,
                };
            }
            layouts.push((l, slots));
        }
        RoleIndex { layouts }
    }

    /// Calls `f` for each field of `layout` with this role, in table order.
    fn each(&self, layout: &'static RecordLayout, role: Role, f: impl FnMut(&'static FieldSpec)) {
        Self::each_in(self.slots(layout), layout, role, f)
    }

    /// The role slots of `layout` (`None`: not indexed, scan its fields).
    fn slots(&self, layout: &'static RecordLayout) -> Option<&[u8; ROLES]> {
        self.layouts
            .iter()
            .find(|(l, _)| std::ptr::eq(*l, layout))
            .map(|(_, s)| s)
    }

    /// [`RoleIndex::each`] with the layout's slots already found ([`RoleIndex::slots`]).
    fn each_in(
        slots: Option<&[u8; ROLES]>,
        layout: &'static RecordLayout,
        role: Role,
        mut f: impl FnMut(&'static FieldSpec),
    ) {
        let slot = slots
            .and_then(|s| s.get(role as usize).copied())
            .unwrap_or(SCAN);
        match slot {
            NONE => {}
            SCAN => layout
                .fields
                .iter()
                .filter(|s| s.role == Some(role))
                .for_each(f),
            n => {
                if let Some(s) = layout.fields.get(usize::from(n) - 1) {
                    f(s)
                }
            }
        }
    }
}

/// A field's text as [`crate::normalize`] reads it (leading and trailing spaces removed, Windows-1252), borrowed
/// when it is ASCII.
fn text(raw: &[u8]) -> Cow<'_, str> {
    let start = raw.iter().position(|&b| b != b' ').unwrap_or(raw.len());
    let end = raw
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |p| p + 1);
    let t = raw.get(start..end.max(start)).unwrap_or(&[]);
    match std::str::from_utf8(t) {
        Ok(s) if t.is_ascii() => Cow::Borrowed(s),
        _ => Cow::Owned(crate::field::decode_text(t)),
    }
}

/// Digits kept as text for a numeric field (all spaces: empty), the text otherwise; `None` when a numeric field
/// holds something else (a problem reported when the line was fed).
fn digits<'r>(spec: &FieldSpec, raw: &'r [u8]) -> Option<Cow<'r, str>> {
    match spec.kind {
        Kind::Num { .. } => match crate::field::decode_digits(raw) {
            Ok(d) => Some(Cow::Borrowed(d.unwrap_or(""))),
            Err(_) => None,
        },
        _ => Some(text(raw)),
    }
}

/// A small integer as the model reads it (`Some(None)` for a blank field); `None` when the field holds something
/// else (a problem reported when the line was fed).
fn small_int(spec: &FieldSpec, raw: &[u8]) -> Option<Option<u64>> {
    let d = digits(spec, raw)?;
    if d.is_empty() {
        return Some(None);
    }
    d.parse::<u64>().ok().map(Some)
}

/// An amount field's value as the model reads it: a numeric field with its scale, any other as the number its text
/// holds; `None` when it holds none (blank, or something else: a problem reported when the line was fed).
fn amount_of(spec: &FieldSpec, raw: &[u8]) -> Option<Decimal> {
    match spec.kind {
        Kind::Num { scale } => num(raw, scale),
        _ => crate::field::decode_num(text(raw).as_bytes(), 0)
            .ok()
            .flatten(),
    }
}

/// A numeric field's value as [`crate::field::decode_num`] reads it (`None` for all spaces or anything but
/// digits): a field of 1 to 18 digits (every amount field of every layout) is read eight digits at a time, any other
/// by `decode_num` itself.
fn num(raw: &[u8], scale: u8) -> Option<Decimal> {
    match crate::field::digits_value(raw) {
        Some(m) => Some(Decimal::new(m, u32::from(scale))),
        None => crate::field::decode_num(raw, scale).ok().flatten(),
    }
}

/// The owned entry's amount with this role (see [`EntryView::amounts`]).
fn owned_amount(e: &RetornoEntry, role: Role) -> Option<Decimal> {
    match role {
        Role::ValorTitulo => e.valor_titulo,
        Role::ValorPago => e.valor_pago,
        Role::ValorCreditado => e.valor_creditado,
        Role::JurosMulta => e.juros_multa,
        Role::Juros => e.juros,
        Role::Multa => e.multa,
        Role::Desconto => e.desconto,
        Role::Abatimento => e.abatimento,
        Role::Iof => e.iof,
        Role::Tarifa => e.tarifa,
        Role::OutrasDespesas => e.outras_despesas,
        Role::OutrosCreditos => e.outros_creditos,
        _ => None,
    }
}

/// An ocorrência as an entry view gives it: the code borrowed from the input, the kind and the description from the
/// bank's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcorrenciaView<'e> {
    /// The code as the bank sends it (`"06"`).
    pub code: Cow<'e, str>,
    /// Normalized meaning.
    pub kind: OcorrenciaKind,
    /// The bank manual's description (borrowed from the table; built only where a bank rule rewrites it).
    pub description: Cow<'e, str>,
}

/// A motivo as an entry view gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotivoView<'e> {
    /// The code as sent.
    pub code: Cow<'e, str>,
    /// The manual's description, when the table knows the code.
    pub description: Option<Cow<'e, str>>,
}

/// A retorno entry read lazily: its records, borrowed, and fields decoded when asked for. Each accessor gives what
/// the same field of [`EntryView::to_owned`] holds (tested on every fixture and real file). For the few layouts
/// whose bank has a rule that rewrites entries (Caixa's segment W, Santander's and BV's Pix, …), the entry is built
/// once, on the first access, and read from there; an entry of a [`RetornoView`] is kept in the view once built, so
/// that the views [`RetornoView::entry`] gives for it again do not build it again.
pub struct EntryView<'v> {
    spec: &'static LayoutSpec,
    codes: &'v CodeIndex,
    roles: &'v RoleIndex,
    records: &'v [HeldRecord<'v>],
    /// The ocorrência, found when the entry closed.
    found: Option<Found>,
    /// The entry once built (boxed: a view is made for each access and stays small).
    built: OnceCell<Box<RetornoEntry>>,
    /// The [`RetornoView`]'s slot for this entry once built (entries of a streaming reader have none).
    kept: Option<&'v OnceLock<Box<RetornoEntry>>>,
}

impl std::fmt::Debug for EntryView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntryView")
            .field("line", &self.line())
            .field("last_line", &self.last_line())
            .finish_non_exhaustive()
    }
}

impl<'v> EntryView<'v> {
    fn new(
        spec: &'static LayoutSpec,
        codes: &'v CodeIndex,
        roles: &'v RoleIndex,
        records: &'v [HeldRecord<'v>],
        found: Option<Found>,
        kept: Option<&'v OnceLock<Box<RetornoEntry>>>,
    ) -> Self {
        EntryView {
            spec,
            codes,
            roles,
            records,
            found,
            built: OnceCell::new(),
            kept,
        }
    }

    /// The owned entry when a bank rule rewrites this layout's entries (built once), else `None`.
    fn built(&self) -> Option<&RetornoEntry> {
        self.spec.retorno_hook?;
        Some(match self.kept {
            Some(kept) => kept.get_or_init(|| Box::new(self.build())),
            None => self.built.get_or_init(|| Box::new(self.build())),
        })
    }

    /// The owned entry, built from the records.
    fn build(&self) -> RetornoEntry {
        let records: Vec<Record<'_>> = self.records().collect();
        let mut ignored = Vec::new();
        normalize::retorno_entry(self.spec, self.codes, &records, &mut ignored)
    }

    /// Calls `f` with each field of the entry that has this role and its bytes, record by record in file order.
    fn each(&self, role: Role, mut f: impl FnMut(&'static FieldSpec, &'v [u8])) {
        for (_, layout, bytes) in self.records {
            let bytes: &'v [u8] = bytes;
            self.roles.each(layout, role, |s| f(s, s.slice(bytes)));
        }
    }

    /// Text with the model's rule: a later non-empty value replaces an earlier one.
    fn text_of(&self, role: Role) -> Cow<'v, str> {
        let mut out = Cow::Borrowed("");
        self.each(role, |_, raw| {
            let v = text(raw);
            if !v.is_empty() || out.is_empty() {
                out = v;
            }
        });
        out
    }

    /// An amount: the last field that holds one.
    fn amount(&self, role: Role) -> Option<Decimal> {
        let mut out = None;
        self.each(role, |s, raw| {
            if let Some(v) = amount_of(s, raw) {
                out = Some(v);
            }
        });
        out
    }

    /// Several amounts in one walk of the entry's records (each record's role slots found once): for each role,
    /// what the accessor of that amount gives ([`EntryView::valor_titulo`] for [`Role::ValorTitulo`],
    /// [`EntryView::juros_multa`] for [`Role::JurosMulta`], …); `None` for a role that is not an amount.
    ///
    /// ```
    /// use cnab_core::Role;
    /// let bytes = cnab_core::tutorial::ITAU_240_RETORNO;
    /// let view = cnab_core::read_retorno_view(bytes, cnab_core::ReadOptions::strict()).unwrap();
    /// let e = view.entry(0).unwrap();
    /// let [titulo, pago] = e.amounts([Role::ValorTitulo, Role::ValorPago]);
    /// assert_eq!((titulo, pago), (e.valor_titulo(), e.valor_pago()));
    /// assert_eq!(pago.unwrap().to_string(), "127.50");
    /// ```
    pub fn amounts<const N: usize>(&self, roles: [Role; N]) -> [Option<Decimal>; N] {
        let mut out = [None; N];
        if let Some(e) = self.built() {
            for (o, role) in out.iter_mut().zip(roles) {
                *o = owned_amount(e, role);
            }
            return out;
        }
        for (_, layout, bytes) in self.records {
            let slots = self.roles.slots(layout);
            for (o, &role) in out.iter_mut().zip(&roles) {
                if !is_amount(role) {
                    continue;
                }
                RoleIndex::each_in(slots, layout, role, |s| {
                    if let Some(v) = amount_of(s, s.slice(bytes)) {
                        *o = Some(v);
                    }
                });
            }
        }
        for (o, role) in out.iter_mut().zip(roles) {
            if role == Role::JurosMulta && o.is_none() {
                *o = self.juros_multa();
            }
        }
        out
    }

    /// A date: the last field that holds one.
    fn date(&self, role: Role) -> Option<NaiveDate> {
        let mut out = None;
        self.each(role, |s, raw| {
            if let Kind::Date(fmt) = s.kind {
                if let Ok(Some(d)) = crate::field::decode_date(raw, fmt) {
                    out = Some(d);
                }
            }
        });
        out
    }

    /// 1-based line of the entry's first record.
    pub fn line(&self) -> usize {
        self.records.first().map_or(0, |r| r.0)
    }

    /// 1-based line of the entry's last record.
    pub fn last_line(&self) -> usize {
        self.records.last().map_or(0, |r| r.0)
    }

    /// The owned entry where a bank rule rewrites this layout's entries (built on the first access and kept, as the
    /// accessors read it); `None` for every other layout, whose fields are read straight from [`EntryView::records`]
    /// with the model's rules.
    pub fn rewritten(&self) -> Option<&RetornoEntry> {
        self.built()
    }

    /// The entry's records (layout and bytes, as the reader fitted them to the layout's length).
    pub fn records(&self) -> impl ExactSizeIterator<Item = Record<'v>> + 'v {
        self.records.iter().map(|(n, l, b)| Record {
            layout: l,
            bytes: b.as_ref(),
            line: *n,
        })
    }

    /// Nosso número (digits as sent; the text when the field holds something else).
    pub fn nosso_numero(&self) -> Cow<'_, str> {
        if let Some(e) = self.built() {
            return Cow::Borrowed(&e.nosso_numero);
        }
        let mut out = Cow::Borrowed("");
        self.each(Role::NossoNumero, |s, raw| {
            let v = digits(s, raw).unwrap_or_else(|| text(raw));
            if !v.is_empty() || out.is_empty() {
                out = v;
            }
        });
        out
    }

    /// Nosso número check digit, when the layout carries it apart.
    pub fn nosso_numero_dv(&self) -> Option<Cow<'_, str>> {
        if let Some(e) = self.built() {
            return e.nosso_numero_dv.as_deref().map(Cow::Borrowed);
        }
        let mut out = None;
        self.each(Role::NossoNumeroDv, |_, raw| {
            out = Some(text(raw)).filter(|s| !s.is_empty());
        });
        out
    }

    /// Seu número.
    pub fn seu_numero(&self) -> Cow<'_, str> {
        match self.built() {
            Some(e) => Cow::Borrowed(&e.seu_numero),
            None => self.text_of(Role::SeuNumero),
        }
    }

    /// Uso da empresa.
    pub fn uso_empresa(&self) -> Cow<'_, str> {
        match self.built() {
            Some(e) => Cow::Borrowed(&e.uso_empresa),
            None => self.text_of(Role::UsoEmpresa),
        }
    }

    /// Carteira.
    pub fn carteira(&self) -> Cow<'_, str> {
        match self.built() {
            Some(e) => Cow::Borrowed(&e.carteira),
            None => self.text_of(Role::Carteira),
        }
    }

    /// Variação da carteira or modalidade.
    pub fn variacao(&self) -> Cow<'_, str> {
        if let Some(e) = self.built() {
            return Cow::Borrowed(&e.variacao);
        }
        let mut out = Cow::Borrowed("");
        // Both roles feed the one value, field by field in file order.
        for (_, layout, bytes) in self.records {
            let bytes: &'v [u8] = bytes;
            for s in layout.fields {
                if matches!(s.role, Some(Role::Variacao | Role::Modalidade)) {
                    let v = text(s.slice(bytes));
                    if !v.is_empty() || out.is_empty() {
                        out = v;
                    }
                }
            }
        }
        out
    }

    /// Bank that received the payment.
    pub fn banco_cobrador(&self) -> Cow<'_, str> {
        match self.built() {
            Some(e) => Cow::Borrowed(&e.banco_cobrador),
            None => self.text_of(Role::BancoCobrador),
        }
    }

    /// Agency that received the payment.
    pub fn agencia_cobradora(&self) -> Cow<'_, str> {
        match self.built() {
            Some(e) => Cow::Borrowed(&e.agencia_cobradora),
            None => self.text_of(Role::AgenciaCobradora),
        }
    }

    /// The ocorrência code as the model takes it (see [`find_ocorrencia`]), and its table row when the table has
    /// it: a known code is the row's own text, an unknown one is read again from its field.
    fn ocorrencia_code(&self) -> Option<(Cow<'v, str>, Option<&'static OcorrenciaDef>)> {
        let f = self.found?;
        if let Some(d) = self.codes.ocorrencia_row(f.row) {
            return Some((Cow::Borrowed(d.code), Some(d)));
        }
        let (_, _, bytes) = self.records.get(f.record as usize)?;
        let bytes: &'v [u8] = bytes;
        digits(f.field, f.field.slice(bytes)).map(|c| (c, None))
    }

    /// The row of the layout's ocorrência table ([`LayoutSpec::ocorrencias`]) that the entry's ocorrência code
    /// names, with its index there, as found when the entry was read (no lookup): what [`EntryView::ocorrencia`]
    /// gives the code, kind and description of. `None` when the entry has no ocorrência, when its code is not in the
    /// table, and for the layouts whose entries a bank rule rewrites ([`EntryView::rewritten`]; read
    /// [`EntryView::ocorrencia`] there).
    pub fn ocorrencia_row(&self) -> Option<(usize, &'static OcorrenciaDef)> {
        if self.spec.retorno_hook.is_some() {
            return None;
        }
        let f = self.found?;
        let d = self.codes.ocorrencia_row(f.row)?;
        Some((f.row as usize, d))
    }

    /// What happened: the code, its kind and the manual's description (an unknown code: kind
    /// [`OcorrenciaKind::Desconhecida`], empty description, and a problem on the read).
    pub fn ocorrencia(&self) -> Option<OcorrenciaView<'_>> {
        if let Some(e) = self.built() {
            return e.ocorrencia.as_ref().map(|o| OcorrenciaView {
                code: Cow::Borrowed(&o.code),
                kind: o.kind,
                description: Cow::Borrowed(&o.description),
            });
        }
        let (code, row) = self.ocorrencia_code()?;
        let (kind, description) = match row {
            Some(d) => (d.kind, d.description),
            None => (OcorrenciaKind::Desconhecida, ""),
        };
        Some(OcorrenciaView {
            code,
            kind,
            description: Cow::Borrowed(description),
        })
    }

    /// The reasons (rejections, liquidation channel, baixa reason…), with the table's descriptions.
    pub fn motivos(&self) -> Vec<MotivoView<'_>> {
        if let Some(e) = self.built() {
            return e
                .motivos
                .iter()
                .map(|m| MotivoView {
                    code: Cow::Borrowed(&m.code),
                    description: m.description.as_deref().map(Cow::Borrowed),
                })
                .collect();
        }
        let Some((ocorrencia, _)) = self.ocorrencia_code() else {
            return Vec::new();
        };
        let mut raw = String::new();
        self.each(Role::Motivos, |_, r| {
            if r.iter().any(|&b| b != b' ') {
                raw.push_str(&crate::field::decode_text(r));
            }
        });
        crate::normalize::motivos(self.codes, &ocorrencia, &raw)
            .into_iter()
            .map(|Motivo { code, description }| MotivoView {
                code: Cow::Owned(code),
                description: description.map(Cow::Owned),
            })
            .collect()
    }

    /// Date of the event.
    pub fn data_ocorrencia(&self) -> Option<NaiveDate> {
        match self.built() {
            Some(e) => e.data_ocorrencia,
            None => self.date(Role::DataOcorrencia),
        }
    }

    /// Date the money is credited.
    pub fn data_credito(&self) -> Option<NaiveDate> {
        match self.built() {
            Some(e) => e.data_credito,
            None => self.date(Role::DataCredito),
        }
    }

    /// Due date.
    pub fn vencimento(&self) -> Option<NaiveDate> {
        match self.built() {
            Some(e) => e.vencimento,
            None => self.date(Role::Vencimento),
        }
    }

    /// Face value.
    pub fn valor_titulo(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.valor_titulo,
            None => self.amount(Role::ValorTitulo),
        }
    }

    /// Amount paid by the payer.
    pub fn valor_pago(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.valor_pago,
            None => self.amount(Role::ValorPago),
        }
    }

    /// Net amount credited to the company.
    pub fn valor_creditado(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.valor_creditado,
            None => self.amount(Role::ValorCreditado),
        }
    }

    /// Interest and fine paid: the bank's combined field, or `juros + multa` when the layout carries them apart.
    pub fn juros_multa(&self) -> Option<Decimal> {
        if let Some(e) = self.built() {
            return e.juros_multa;
        }
        self.amount(Role::JurosMulta).or_else(|| {
            let (j, m) = (self.amount(Role::Juros), self.amount(Role::Multa));
            (j.is_some() || m.is_some()).then(|| j.unwrap_or_default() + m.unwrap_or_default())
        })
    }

    /// Interest paid, where the layout carries it apart from the multa.
    pub fn juros(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.juros,
            None => self.amount(Role::Juros),
        }
    }

    /// Fine paid, where the layout carries it apart from the juros.
    pub fn multa(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.multa,
            None => self.amount(Role::Multa),
        }
    }

    /// Discount granted.
    pub fn desconto(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.desconto,
            None => self.amount(Role::Desconto),
        }
    }

    /// Abatimento granted.
    pub fn abatimento(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.abatimento,
            None => self.amount(Role::Abatimento),
        }
    }

    /// IOF.
    pub fn iof(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.iof,
            None => self.amount(Role::Iof),
        }
    }

    /// Bank fee.
    pub fn tarifa(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.tarifa,
            None => self.amount(Role::Tarifa),
        }
    }

    /// Other expenses.
    pub fn outras_despesas(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.outras_despesas,
            None => self.amount(Role::OutrasDespesas),
        }
    }

    /// Other credits.
    pub fn outros_creditos(&self) -> Option<Decimal> {
        match self.built() {
            Some(e) => e.outros_creditos,
            None => self.amount(Role::OutrosCreditos),
        }
    }

    /// Whether every field of the entry with one of these roles is all spaces (or there is none): the model then
    /// finds nothing in them (no text, no number).
    fn blank(&self, roles: &[Role]) -> bool {
        let mut blank = true;
        for &role in roles {
            self.each(role, |_, raw| blank &= raw.iter().all(|&b| b == b' '));
        }
        blank
    }

    /// The payer, when the retorno names them (decoded from the entry's fields on each call: nome, inscrição and its
    /// tipo, as the owned entry reads them).
    pub fn pagador(&self) -> Option<Pessoa> {
        if let Some(e) = self.built() {
            return e.pagador.clone();
        }
        if self.blank(&[
            Role::PagadorNome,
            Role::PagadorInscricao,
            Role::PagadorTipoInscricao,
        ]) {
            return None;
        }
        let mut p = Pessoa {
            nome: self.text_of(Role::PagadorNome).into_owned(),
            inscricao: crate::model::Inscricao {
                numero: self.text_of(Role::PagadorInscricao).into_owned(),
                tipo: None,
            },
            ..Pessoa::default()
        };
        // Each field read as a number sets the tipo (a blank one clears it); one that is not a number (a problem
        // reported when its line was fed) leaves it as it was.
        self.each(Role::PagadorTipoInscricao, |s, raw| {
            if let Some(t) = small_int(s, raw) {
                p.inscricao.tipo = normalize::tipo(t);
            }
        });
        normalize::unpad_inscricao(&mut p.inscricao.numero, p.inscricao.tipo);
        (!normalize::is_empty_pessoa(&p)).then_some(p)
    }

    /// Pix data of a boleto híbrido, where the retorno carries them (decoded from the entry's fields on each call).
    pub fn pix(&self) -> Option<PixInfo> {
        if let Some(e) = self.built() {
            return e.pix.clone();
        }
        if self.blank(&[
            Role::PixTipoChave,
            Role::PixChave,
            Role::PixUrl,
            Role::PixTxid,
            Role::PixEmv,
            Role::PixLocation,
        ]) {
            return None;
        }
        let pix = PixInfo {
            tipo_chave: self.text_of(Role::PixTipoChave).into_owned(),
            chave: self.text_of(Role::PixChave).into_owned(),
            url: self.text_of(Role::PixUrl).into_owned(),
            txid: self.text_of(Role::PixTxid).into_owned(),
            emv: self.text_of(Role::PixEmv).into_owned(),
            location: self.text_of(Role::PixLocation).into_owned(),
            pagamento: None,
        };
        (!pix.is_empty()).then_some(pix)
    }

    /// Whether the payment came by Pix, where the layout says (see [`RetornoEntry::pago_por_pix`]).
    pub fn pago_por_pix(&self) -> Option<bool> {
        // Only a bank rule sets it.
        self.built().and_then(|e| e.pago_por_pix)
    }

    /// The owned entry: what [`read_retorno`] and [`RetornoReader`] give for the same records.
    pub fn to_owned(&self) -> RetornoEntry {
        match self.kept.and_then(OnceLock::get) {
            Some(e) => RetornoEntry::clone(e),
            None => match self.built.get() {
                Some(e) => RetornoEntry::clone(e),
                None => self.build(),
            },
        }
    }
}

/// An entry's ocorrência as the model finds it: the code of the first record's ocorrência field, unless it is zero
/// and a later one is not (a numeric field that holds something else is skipped), with its row in the table.
pub(super) fn find_ocorrencia(
    codes: &CodeIndex,
    roles: &RoleIndex,
    records: &[HeldRecord<'_>],
) -> Option<Found> {
    let mut found: Option<(Cow<'_, str>, usize, &'static FieldSpec)> = None;
    for (i, (_, layout, bytes)) in records.iter().enumerate() {
        let bytes: &[u8] = bytes;
        roles.each(layout, Role::Ocorrencia, |s| {
            let Some(code) = digits(s, s.slice(bytes)) else {
                return;
            };
            let zero = code.bytes().all(|b| b == b'0');
            if found.is_none()
                || (!zero
                    && found
                        .as_ref()
                        .is_some_and(|(k, ..)| k.bytes().all(|b| b == b'0')))
            {
                found = Some((code, i, s));
            }
        });
    }
    let (code, record, field) = found?;
    Some(Found {
        field,
        record: u32::try_from(record).ok()?,
        row: codes.ocorrencia_index(&code).unwrap_or(u32::MAX),
    })
}

/// The problems building an entry of an [`exact_decoding`] layout reports: an unknown ocorrência (`found`, as
/// [`find_ocorrencia`] gives it for these records).
pub(super) fn entry_problems(
    found: Option<Found>,
    records: &[HeldRecord<'_>],
    problems: &mut Vec<Error>,
) {
    let Some(f) = found.filter(|f| f.row == u32::MAX) else {
        return;
    };
    let Some((line, layout, bytes)) = records.get(f.record as usize) else {
        return;
    };
    let Some(code) = digits(f.field, f.field.slice(bytes)) else {
        return;
    };
    problems.push(Error::at_field(
        *line,
        layout.name,
        f.field,
        ErrorKind::UnknownOcorrencia {
            code: code.into_owned(),
        },
    ));
}

/// A retorno read into entry views over its bytes: what [`read_retorno`] reads (the same detection, checks and
/// problems, the same header), with each entry kept as its records, borrowed, instead of an owned
/// [`RetornoEntry`]. It holds, beside the input, about 40 bytes per detail record and 16 per entry.
///
/// ```
/// let bytes = cnab_core::tutorial::ITAU_240_RETORNO;
/// let view = cnab_core::read_retorno_view(bytes, cnab_core::ReadOptions::strict()).unwrap();
/// let owned = cnab_core::read_retorno(bytes, cnab_core::ReadOptions::strict()).unwrap();
/// assert_eq!(view.len(), owned.entries.len());
/// for (v, o) in view.entries().zip(&owned.entries) {
///     assert_eq!(v.nosso_numero(), o.nosso_numero);
///     assert_eq!(v.valor_pago(), o.valor_pago);
///     assert_eq!(&v.to_owned(), o);
/// }
/// ```
pub struct RetornoView<'a> {
    /// The bank.
    pub bank: Bank,
    /// CNAB 240 or CNAB 400.
    pub layout: Layout,
    /// The header, as [`Retorno::header`].
    pub header: Header,
    /// Problems found while reading (lenient reading), as [`Retorno::problems`].
    pub problems: Vec<Error>,
    detected: Detected,
    input: &'a [u8],
    opts: ReadOptions,
    record_count: usize,
    table: EntryTable<'a>,
}

/// The entries of a [`RetornoView`] or a [`ViewChunk`]: their records, each entry's span of them, and the tables a
/// view decodes them with.
struct EntryTable<'a> {
    spec: &'static LayoutSpec,
    codes: Arc<CodeIndex>,
    roles: RoleIndex,
    records: Vec<HeldRecord<'a>>,
    entries: Vec<Span>,
    /// Where a bank rule rewrites entries: each entry once built (empty otherwise).
    kept: Vec<OnceLock<Box<RetornoEntry>>>,
}

impl<'a> EntryTable<'a> {
    fn new(
        spec: &'static LayoutSpec,
        codes: Arc<CodeIndex>,
        roles: RoleIndex,
        records: Vec<HeldRecord<'a>>,
        entries: Vec<Span>,
    ) -> Self {
        let kept = match spec.retorno_hook {
            Some(_) => entries.iter().map(|_| OnceLock::new()).collect(),
            None => Vec::new(),
        };
        EntryTable {
            spec,
            codes,
            roles,
            records,
            entries,
            kept,
        }
    }

    fn view(&self, i: usize, span: Span) -> EntryView<'_> {
        EntryView::new(
            self.spec,
            &self.codes,
            &self.roles,
            self.records.get(span.start..span.end).unwrap_or(&[]),
            span.ocorrencia,
            self.kept.get(i),
        )
    }

    fn entry(&self, i: usize) -> Option<EntryView<'_>> {
        let span = *self.entries.get(i)?;
        self.records.get(span.start..span.end)?;
        Some(self.view(i, span))
    }

    fn entries(&self) -> impl ExactSizeIterator<Item = EntryView<'_>> + '_ {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, &span)| self.view(i, span))
    }
}

impl std::fmt::Debug for RetornoView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RetornoView")
            .field("bank", &self.bank)
            .field("layout", &self.layout)
            .field("entries", &self.table.entries.len())
            .field("problems", &self.problems.len())
            .finish_non_exhaustive()
    }
}

impl<'a> RetornoView<'a> {
    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.detected
    }
    /// How many entries.
    pub fn len(&self) -> usize {
        self.table.entries.len()
    }
    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.table.entries.is_empty()
    }
    /// How many records (lines between the first and the last record, blank ones included) the file has: the length
    /// of [`Retorno::records`].
    pub fn record_count(&self) -> usize {
        self.record_count
    }
    /// The entry at `i`.
    pub fn entry(&self, i: usize) -> Option<EntryView<'_>> {
        self.table.entry(i)
    }
    /// The entries, in file order.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = EntryView<'_>> + '_ {
        self.table.entries()
    }
    /// The owned model of the same input, records included: what [`read_retorno`] gives (the input is read again).
    pub fn to_owned(&self) -> Result<Retorno> {
        read_retorno(self.input, self.opts)
    }
}

/// Reads a retorno into entry views over `bytes` ([`RetornoView`]): the detection, checks and problems of
/// [`read_retorno`], without building the owned entries or copying the lines.
pub fn read_retorno_view(bytes: &[u8], opts: ReadOptions) -> Result<RetornoView<'_>> {
    read_retorno_view_with_progress(bytes, opts, &mut |_| {})
}

/// [`read_retorno_view`], telling `progress` how far it has got, as [`read_with_progress`] does.
pub fn read_retorno_view_with_progress<'a>(
    bytes: &'a [u8],
    opts: ReadOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<RetornoView<'a>> {
    let (d, engine, record_count) = run_views(bytes, opts, progress)?;
    let Engine {
        spec,
        header,
        problems,
        codes,
        views,
        ..
    } = engine;
    let ViewSink {
        roles,
        records,
        entries,
        ..
    } = views.unwrap_or_else(|| ViewSink::new(spec));
    Ok(RetornoView {
        bank: d.bank,
        layout: d.layout,
        header,
        problems,
        detected: d,
        input: bytes,
        opts,
        record_count,
        table: EntryTable::new(spec, codes, roles, records, entries),
    })
}

/// Reads retorno entries one at a time from any `BufRead` as views ([`EntryView`]) over the reader's line buffers:
/// what [`RetornoReader`] yields (the same detection, checks, problems and first error in strict mode), without
/// building the owned entries. Each view borrows the reader until the next call.
///
/// ```
/// let src: &[u8] = cnab_core::tutorial::ITAU_240_RETORNO;
/// let mut reader = cnab_core::RetornoViewReader::new(src, cnab_core::ReadOptions::strict()).unwrap();
/// let mut nossos = Vec::new();
/// while let Some(e) = reader.next_entry() {
///     nossos.push(e.unwrap().nosso_numero().into_owned());
/// }
/// assert_eq!(nossos, ["12345678", "12345679"]);
/// ```
pub struct RetornoViewReader<R: BufRead> {
    stream: Stream<R>,
    /// The error that ended the last chunk, given by the next call of [`RetornoViewReader::next_chunk`].
    pending: Option<Error>,
}

/// Entries of a [`RetornoViewReader`] handed out together ([`RetornoViewReader::next_chunk`]): the chunk owns their
/// records (the lines as read), so its views live as long as it does, whatever the reader reads next. Where a bank
/// rule rewrites entries, each entry is built once, on its first access, and kept, as in a [`RetornoView`].
pub struct ViewChunk {
    table: EntryTable<'static>,
}

impl std::fmt::Debug for ViewChunk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewChunk")
            .field("entries", &self.table.entries.len())
            .field("records", &self.table.records.len())
            .finish_non_exhaustive()
    }
}

impl ViewChunk {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.table.entries.len()
    }
    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.table.entries.is_empty()
    }
    /// The entry at `i`.
    pub fn entry(&self, i: usize) -> Option<EntryView<'_>> {
        self.table.entry(i)
    }
    /// The entries, in file order.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = EntryView<'_>> + '_ {
        self.table.entries()
    }
}

impl<R: BufRead> RetornoViewReader<R> {
    /// Starts reading: reads up to [`DETECT_LINES`] lines to detect bank, layout and kind.
    pub fn new(src: R, opts: ReadOptions) -> Result<Self> {
        let mut stream = Stream::new(src, opts, FileKind::Retorno)?;
        let spec = stream.engine.spec;
        stream.engine.views = Some(ViewSink::new(spec));
        Ok(RetornoViewReader {
            stream,
            pending: None,
        })
    }
    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.stream.detected
    }
    /// The header, once read.
    pub fn header(&self) -> &Header {
        &self.stream.engine.header
    }
    /// Problems collected so far (lenient mode).
    pub fn problems(&self) -> &[Error] {
        &self.stream.engine.problems
    }
    /// Up to `max` entries (at least one) as a [`ViewChunk`] that owns their records; an error (strict reading stops
    /// at the first; the entries read before it come first, in their own chunk); or `None` at the end. The entries,
    /// problems and error are those [`RetornoViewReader::next_entry`] and [`RetornoReader`] give, in the same order.
    ///
    /// ```
    /// let src: &[u8] = cnab_core::tutorial::ITAU_240_RETORNO;
    /// let mut reader = cnab_core::RetornoViewReader::new(src, cnab_core::ReadOptions::strict()).unwrap();
    /// let chunk = reader.next_chunk(1000).unwrap().unwrap();
    /// assert!(reader.next_chunk(1000).is_none());
    /// let nossos: Vec<String> = chunk.entries().map(|e| e.nosso_numero().into_owned()).collect();
    /// assert_eq!(nossos, ["12345678", "12345679"]);
    /// ```
    pub fn next_chunk(&mut self, max: usize) -> Option<Result<ViewChunk>> {
        if let Some(e) = self.pending.take() {
            return Some(Err(e));
        }
        self.stream.engine.release_views();
        self.stream.lines.pool.append(&mut self.stream.engine.spare);
        let max = max.max(1);
        let mut end = None;
        loop {
            let held = self
                .stream
                .engine
                .views
                .as_ref()
                .map_or(0, |v| v.entries.len());
            if held >= max {
                break;
            }
            match self.stream.next_event() {
                Some(Ok(())) => {}
                Some(Err(e)) => {
                    // An entry closed by the line that failed is not given (as the other readers do not give it).
                    if let Some(v) = self.stream.engine.views.as_mut() {
                        let kept_records = v.entries.get(held).map_or(v.records.len(), |r| r.start);
                        v.entries.truncate(held);
                        v.records.truncate(kept_records);
                    }
                    end = Some(e);
                    break;
                }
                None => break,
            }
        }
        let engine = &mut self.stream.engine;
        let v = engine.views.as_mut()?;
        if v.entries.is_empty() {
            return end.map(Err);
        }
        self.pending = end;
        let records = std::mem::take(&mut v.records);
        let entries = std::mem::take(&mut v.entries);
        Some(Ok(ViewChunk {
            table: EntryTable::new(
                engine.spec,
                Arc::clone(&engine.codes),
                v.roles.clone(),
                records,
                entries,
            ),
        }))
    }

    /// The next entry, an error (strict reading stops at the first), or `None` at the end.
    pub fn next_entry(&mut self) -> Option<Result<EntryView<'_>>> {
        if let Some(e) = self.pending.take() {
            return Some(Err(e));
        }
        self.stream.engine.release_views();
        self.stream.lines.pool.append(&mut self.stream.engine.spare);
        loop {
            match self.stream.next_event()? {
                Ok(())
                    if self
                        .stream
                        .engine
                        .views
                        .as_ref()
                        .is_some_and(|v| !v.entries.is_empty()) =>
                {
                    break
                }
                Ok(()) => {}
                Err(e) => return Some(Err(e)),
            }
        }
        let engine = &self.stream.engine;
        let v = engine.views.as_ref()?;
        let span = *v.entries.last()?;
        let records = v.records.get(span.start..span.end).unwrap_or(&[]);
        Some(Ok(EntryView::new(
            engine.spec,
            &engine.codes,
            &v.roles,
            records,
            span.ocorrencia,
            None,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `num` against `decode_num` on digits of every length up to 20 and on fields with a space, a sign, a letter
    /// or a byte next to the digits (':' and '/') at each place.
    #[test]
    fn num_reads_what_decode_num_reads() {
        let digits = b"98765432109876543210";
        let mut cases: Vec<Vec<u8>> = vec![Vec::new(), b"        ".to_vec(), b"0".to_vec()];
        for len in 1..=digits.len() {
            let d = digits.get(..len).unwrap_or_default().to_vec();
            cases.push(d.clone());
            cases.push(vec![b'0'; len]);
            cases.push(vec![b'9'; len]);
            for at in 0..len {
                for bad in [b' ', b'-', b'A', b':', b'/', 0xC9] {
                    let mut c = d.clone();
                    if let Some(b) = c.get_mut(at) {
                        *b = bad;
                    }
                    cases.push(c);
                }
            }
        }
        for c in &cases {
            for scale in [0, 2, 5] {
                assert_eq!(
                    num(c, scale),
                    crate::field::decode_num(c, scale).ok().flatten(),
                    "{:?} scale {scale}",
                    String::from_utf8_lossy(c)
                );
            }
        }
        assert_eq!(num(b"000000000012750", 2), Some(Decimal::new(12750, 2)));
        assert_eq!(
            num(b"123456789012345678", 0),
            Some(Decimal::new(123_456_789_012_345_678, 0))
        );
    }
}
