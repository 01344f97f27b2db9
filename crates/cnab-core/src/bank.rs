//! Banks and their layout specifications.

use serde::Serialize;

use crate::field::{RecordLayout, Role};
use crate::model::{FileKind, Layout, OcorrenciaKind, RetornoEntry, Titulo};
use crate::record::Record;

/// A bank, by its FEBRABAN/BACEN compensation code: boleto's [`boleto::Bank`], one type for the whole workspace, its
/// name from the one naming table ([`boleto::Bank::name`]). In this crate's JSON a bank is an object with the code
/// and the name (`{"code": "341", "name": "Itaú Unibanco"}`, see [`json`]).
///
/// ```
/// use cnab_core::Bank;
/// let b: Bank = "341".parse().unwrap();
/// assert_eq!(b.code(), 341);
/// assert_eq!(b.to_string(), "341");
/// assert_eq!(cnab_core::bank::name(b), "Itaú Unibanco");
/// ```
pub use boleto::Bank;

/// The bank's name ([`boleto::Bank::name`]; a code the registry maps to another, such as Santander's 353, by the
/// bank it maps to), or `"desconhecido"`.
pub fn name(bank: Bank) -> &'static str {
    crate::banks::spec(bank.code())
        .map(|s| s.name)
        .or_else(|| bank.name())
        .unwrap_or("desconhecido")
}

/// A bank code of one to three digits, as the CLI and the bindings take it; the error names what was found.
pub fn parse(s: &str) -> crate::Result<Bank> {
    s.parse().map_err(|_| {
        crate::Error::new(crate::ErrorKind::invalid(format!(
            "bank code must be 3 digits, found {s:?}"
        )))
    })
}

/// Serde for a bank in this crate's JSON: written as `{"code": "341", "name": "Itaú Unibanco"}`, read from that
/// object, a code string (`"341"`) or a number. Use with `#[serde(with = "cnab_core::bank::json")]`.
pub mod json {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Bank;

    /// Writes the code and the name.
    pub fn serialize<S: Serializer>(bank: &Bank, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Bank", 2)?;
        st.serialize_field("code", &bank.to_string())?;
        st.serialize_field("name", super::name(*bank))?;
        st.end()
    }

    /// Reads an object with a code, a code string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Bank, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Num(u16),
            Str(String),
            Obj { code: String },
        }
        let s = match Repr::deserialize(d)? {
            Repr::Num(n) => return Ok(Bank::new(n)),
            Repr::Str(s) | Repr::Obj { code: s } => s,
        };
        super::parse(&s).map_err(serde::de::Error::custom)
    }

    /// The same for an optional bank.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        use super::Bank;

        /// Writes the code and the name, or nothing.
        pub fn serialize<S: Serializer>(bank: &Option<Bank>, s: S) -> Result<S::Ok, S::Error> {
            #[derive(serde::Serialize)]
            struct W(#[serde(with = "super")] Bank);
            match bank {
                Some(b) => s.serialize_some(&W(*b)),
                None => s.serialize_none(),
            }
        }

        /// Reads an optional bank.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Bank>, D::Error> {
            #[derive(Deserialize)]
            struct W(#[serde(with = "super")] Bank);
            Ok(Option::<W>::deserialize(d)?.map(|W(b)| b))
        }
    }
}

/// Which record a line is, before its layout is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum RecordKey {
    /// File header (CNAB 240 type 0, CNAB 400 type 0).
    FileHeader,
    /// Batch header (CNAB 240 type 1).
    BatchHeader,
    /// Detail segment (CNAB 240 type 3) with its segment letter.
    Segment(u8),
    /// Batch trailer (CNAB 240 type 5).
    BatchTrailer,
    /// File trailer (CNAB 240 type 9, CNAB 400 type 9).
    FileTrailer,
    /// CNAB 400 detail with its record type (the first byte).
    Detail(u8),
}

impl std::fmt::Display for RecordKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordKey::FileHeader => f.write_str("header de arquivo"),
            RecordKey::BatchHeader => f.write_str("header de lote"),
            RecordKey::Segment(s) => write!(f, "segmento {}", char::from(*s)),
            RecordKey::BatchTrailer => f.write_str("trailer de lote"),
            RecordKey::FileTrailer => f.write_str("trailer de arquivo"),
            RecordKey::Detail(t) => write!(f, "registro tipo {}", char::from(*t)),
        }
    }
}

/// When the writer emits a record of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    /// Always, for every title.
    Always,
    /// Only when the title has a value for one of these roles.
    IfAny(&'static [Role]),
    /// Never written by us (read only).
    Never,
}

/// A record of an entry (a title): which record, whether it starts a new entry, when it is written.
#[derive(Debug, Clone, Copy)]
pub struct EntryRecord {
    /// The record.
    pub key: RecordKey,
    /// Does this record start a new entry (segment P/T, CNAB 400 detail type 1)?
    pub starts: bool,
    /// When the writer emits it.
    pub emit: Emit,
}

impl EntryRecord {
    /// The record that starts an entry, always written.
    pub const fn first(key: RecordKey) -> Self {
        EntryRecord {
            key,
            starts: true,
            emit: Emit::Always,
        }
    }
    /// A following record, always written.
    pub const fn always(key: RecordKey) -> Self {
        EntryRecord {
            key,
            starts: false,
            emit: Emit::Always,
        }
    }
    /// A following record, written when the title has a value for one of `roles`.
    pub const fn if_any(key: RecordKey, roles: &'static [Role]) -> Self {
        EntryRecord {
            key,
            starts: false,
            emit: Emit::IfAny(roles),
        }
    }
    /// A following record we read but never write.
    pub const fn read_only(key: RecordKey) -> Self {
        EntryRecord {
            key,
            starts: false,
            emit: Emit::Never,
        }
    }
}

/// The records of a CNAB 400 file made of a header, detail records of type 1 and a trailer.
pub const fn records400(
    header: &'static RecordLayout,
    detail: &'static RecordLayout,
    trailer: &'static RecordLayout,
) -> [(RecordKey, &'static RecordLayout); 3] {
    [
        (RecordKey::FileHeader, header),
        (RecordKey::Detail(b'1'), detail),
        (RecordKey::FileTrailer, trailer),
    ]
}

/// One ocorrência (retorno) or movimento (remessa) code.
#[derive(Debug, Clone, Copy)]
pub struct OcorrenciaDef {
    /// Code as sent.
    pub code: &'static str,
    /// Normalized kind.
    pub kind: OcorrenciaKind,
    /// The manual's description.
    pub description: &'static str,
}

/// Shorthand to build ocorrência tables.
pub const fn oc(
    code: &'static str,
    kind: OcorrenciaKind,
    description: &'static str,
) -> OcorrenciaDef {
    OcorrenciaDef {
        code,
        kind,
        description,
    }
}

/// A movimento (remessa) code: an instruction the company sends, so its kind is always
/// [`OcorrenciaKind::Informativo`] and a movimento table states only codes and descriptions.
pub const fn movimento(code: &'static str, description: &'static str) -> OcorrenciaDef {
    oc(code, OcorrenciaKind::Informativo, description)
}

/// A code table made of the first `take` codes of `base` followed by `extra`: for a bank whose manual repeats
/// FEBRABAN's list up to a point and adds its own codes. `N` must be `take + extra.len()`; a wrong `N` or `take` is a
/// compile-time error (the function runs in const evaluation).
#[allow(clippy::indexing_slicing)] // const evaluation: out-of-bounds is a compile error, never a runtime panic
pub const fn extend_ocorrencias<const N: usize>(
    base: &[OcorrenciaDef],
    take: usize,
    extra: &[OcorrenciaDef],
) -> [OcorrenciaDef; N] {
    assert!(
        take <= base.len() && take + extra.len() == N,
        "extend_ocorrencias: N must be take + extra.len()"
    );
    let mut out = [oc("", OcorrenciaKind::Desconhecida, ""); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < take { base[i] } else { extra[i - take] };
        i += 1;
    }
    out
}

/// One motivo code, for the ocorrências it applies to (empty = any).
#[derive(Debug, Clone, Copy)]
pub struct MotivoDef {
    /// Ocorrência codes this motivo table applies to; empty for all.
    pub ocorrencias: &'static [&'static str],
    /// Code.
    pub code: &'static str,
    /// Description.
    pub description: &'static str,
}

/// Shorthand to build motivo tables: a motivo code for the ocorrências it applies to (empty = any).
pub const fn motivo(
    ocorrencias: &'static [&'static str],
    code: &'static str,
    description: &'static str,
) -> MotivoDef {
    MotivoDef {
        ocorrencias,
        code,
        description,
    }
}

/// A motivo code that applies whatever the ocorrência.
pub const fn any_motivo(code: &'static str, description: &'static str) -> MotivoDef {
    motivo(&[], code, description)
}

/// A bank hook that adjusts a normalized retorno entry from its records (nosso número split over fields, …); what it
/// finds wrong goes into the problems list (strict mode stops at the first).
pub type RetornoHook = fn(&mut RetornoEntry, &[Record<'_>], &mut Vec<crate::Error>);
/// A bank hook that adjusts a title read from a remessa.
pub type TituloHook = fn(&mut Titulo, &[Record<'_>]);
/// A bank hook that fixes one written record line (bytes, 0-based) for a title before it is emitted.
pub type WriteHook = fn(&mut Vec<u8>, RecordKey, &Titulo);

/// Everything needed to read (and, for remessas, write) one bank's file of one layout and kind.
#[derive(Debug, Clone, Copy)]
pub struct LayoutSpec {
    /// CNAB 240 or 400.
    pub layout: Layout,
    /// Remessa or retorno.
    pub kind: FileKind,
    /// Layout versions (as in the header) this table is for; empty = any version.
    pub versions: &'static [&'static str],
    /// Every record type with its layout.
    pub records: &'static [(RecordKey, &'static RecordLayout)],
    /// The records that make one entry, in order.
    pub entry: &'static [EntryRecord],
    /// Ocorrência (retorno) or movimento (remessa) codes.
    pub ocorrencias: &'static [OcorrenciaDef],
    /// Motivo codes.
    pub motivos: &'static [MotivoDef],
    /// The manual this follows (name, version, section).
    pub source: &'static str,
    /// Bank hook for retorno entries.
    pub retorno_hook: Option<RetornoHook>,
    /// Bank hook for titles read from a remessa.
    pub titulo_hook: Option<TituloHook>,
    /// Bank hook applied to each written detail line.
    pub write_hook: Option<WriteHook>,
    /// Line ending the bank demands in remessas.
    pub crlf: bool,
    /// How records are told apart and how the file is framed (header literal, record-type width, trailer).
    pub framing: Framing,
    /// Variants of the layout told apart by their entry-starting record (BB's CBR640 tipo 1 and CBR641 tipo 7):
    /// the reader names the one it read in `header.layout_versao` when the header states no version.
    pub variants: &'static [(RecordKey, &'static str)],
}

/// How a layout frames its file, for the few that do not follow the CNAB pattern (a `0` header, one-character record
/// types, a `9` trailer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Framing {
    /// A literal the file header starts with, which identifies the layout by itself (detection reads it before
    /// anything else); empty for CNAB headers (type `0`, bank code at 77-79 or 1-3).
    pub header_literal: &'static str,
    /// Characters that type a record: 1 for CNAB (`1`, `7`, …); 2 for layouts whose records are typed `01`, `02`
    /// (read as [`RecordKey::Detail`] of the second character).
    pub type_width: u8,
    /// Whether the file ends with a trailer record (`9`); without one the header's record count is checked.
    pub file_trailer: bool,
}

impl Framing {
    /// The CNAB framing: a type-`0` header, one-character record types, a type-`9` trailer.
    pub const STANDARD: Framing = Framing {
        header_literal: "",
        type_width: 1,
        file_trailer: true,
    };
}

impl LayoutSpec {
    /// A spec with no version restriction, no motivo table, no hooks and CRLF line endings; the builder methods
    /// below set the rest.
    pub const fn new(
        layout: Layout,
        kind: FileKind,
        records: &'static [(RecordKey, &'static RecordLayout)],
        entry: &'static [EntryRecord],
        ocorrencias: &'static [OcorrenciaDef],
        source: &'static str,
    ) -> Self {
        LayoutSpec {
            layout,
            kind,
            versions: &[],
            records,
            entry,
            ocorrencias,
            motivos: &[],
            source,
            retorno_hook: None,
            titulo_hook: None,
            write_hook: None,
            crlf: true,
            framing: Framing::STANDARD,
            variants: &[],
        }
    }
    /// A remessa spec ([`LayoutSpec::new`] of kind remessa): records, entry, movimento codes and the manual.
    pub const fn remessa(
        layout: Layout,
        records: &'static [(RecordKey, &'static RecordLayout)],
        entry: &'static [EntryRecord],
        movimentos: &'static [OcorrenciaDef],
        source: &'static str,
    ) -> Self {
        Self::new(
            layout,
            FileKind::Remessa,
            records,
            entry,
            movimentos,
            source,
        )
    }
    /// A retorno spec ([`LayoutSpec::new`] of kind retorno with its motivo table, `&[]` for none).
    pub const fn retorno(
        layout: Layout,
        records: &'static [(RecordKey, &'static RecordLayout)],
        entry: &'static [EntryRecord],
        ocorrencias: &'static [OcorrenciaDef],
        motivos: &'static [MotivoDef],
        source: &'static str,
    ) -> Self {
        Self::new(
            layout,
            FileKind::Retorno,
            records,
            entry,
            ocorrencias,
            source,
        )
        .motivos(motivos)
    }
    /// The header layout versions this table is for.
    pub const fn versions(mut self, versions: &'static [&'static str]) -> Self {
        self.versions = versions;
        self
    }
    /// The motivo table.
    pub const fn motivos(mut self, motivos: &'static [MotivoDef]) -> Self {
        self.motivos = motivos;
        self
    }
    /// The retorno hook.
    pub const fn retorno_hook(mut self, hook: RetornoHook) -> Self {
        self.retorno_hook = Some(hook);
        self
    }
    /// The hook for titles read from a remessa.
    pub const fn titulo_hook(mut self, hook: TituloHook) -> Self {
        self.titulo_hook = Some(hook);
        self
    }
    /// The hook applied to each written detail line.
    pub const fn write_hook(mut self, hook: WriteHook) -> Self {
        self.write_hook = Some(hook);
        self
    }
    /// Whether remessas use CRLF (true) or LF.
    pub const fn crlf(mut self, crlf: bool) -> Self {
        self.crlf = crlf;
        self
    }
    /// A framing other than CNAB's.
    pub const fn framing(mut self, framing: Framing) -> Self {
        self.framing = framing;
        self
    }
    /// The layout's variants by entry-starting record.
    pub const fn variants(mut self, variants: &'static [(RecordKey, &'static str)]) -> Self {
        self.variants = variants;
        self
    }

    /// The layout of a record key.
    pub fn record(&self, key: RecordKey) -> Option<&'static RecordLayout> {
        self.records
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| *l)
    }
    /// The layout of a line of this key: among the records of the key, the first whose fixed fields (`Const`) all
    /// hold on the line, else the first of the key. FEBRABAN's segmento Y carries several optional records told
    /// apart by their identificação at 18-19 (Y-01 sacador, Y-03 Pix, …): a table lists the specific one (its
    /// identificação a constant) before the generic one. The writer uses the first of the key ([`Self::record`]).
    pub fn record_for(&self, key: RecordKey, line: &[u8]) -> Option<&'static RecordLayout> {
        let mut of_key = self
            .records
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, l)| *l);
        let first = of_key.next()?;
        let mut rest = of_key.peekable();
        if rest.peek().is_none() {
            return Some(first);
        }
        let holds = |l: &RecordLayout| {
            l.fields.iter().all(|f| match f.kind {
                crate::field::Kind::Const(c) => f.slice(line) == c.as_bytes(),
                _ => true,
            })
        };
        std::iter::once(first)
            .chain(rest)
            .find(|l| holds(l))
            .or(Some(first))
    }
    /// The entry definition for a record key.
    pub fn entry_record(&self, key: RecordKey) -> Option<&EntryRecord> {
        self.entry.iter().find(|e| e.key == key)
    }
    /// Looks an ocorrência code up.
    pub fn ocorrencia(&self, code: &str) -> Option<&OcorrenciaDef> {
        self.ocorrencias.iter().find(|o| o.code == code)
    }
    /// Looks a motivo up for an ocorrência.
    pub fn motivo(&self, ocorrencia: &str, code: &str) -> Option<&MotivoDef> {
        self.motivos.iter().find(|m| {
            m.code == code && (m.ocorrencias.is_empty() || m.ocorrencias.contains(&ocorrencia))
        })
    }
}

/// A bank and its layouts.
#[derive(Debug, Clone, Copy)]
pub struct BankSpec {
    /// Code.
    pub code: u16,
    /// Name: the bank's [`boleto::Bank::name`].
    pub name: &'static str,
    /// CNAB 240 layouts, most specific first (a table with versions before the catch-all).
    pub cnab240: &'static [&'static LayoutSpec],
    /// CNAB 400 layouts, most specific first.
    pub cnab400: &'static [&'static LayoutSpec],
}

impl BankSpec {
    /// A registry entry (see [`crate::banks::ALL`]), named by [`boleto::Bank::name`]: a code without a name there
    /// fails the build.
    pub const fn new(
        code: u16,
        cnab240: &'static [&'static LayoutSpec],
        cnab400: &'static [&'static LayoutSpec],
    ) -> Self {
        let name = Bank::new(code).name();
        assert!(
            name.is_some(),
            "a registry bank needs a name in boleto::Bank::name"
        );
        let name = match name {
            Some(name) => name,
            None => "",
        };
        BankSpec {
            code,
            name,
            cnab240,
            cnab400,
        }
    }
    /// The layout spec for a layout, kind and header version: the first whose versions list the version, else the
    /// first with no versions, else the first of that layout and kind.
    pub fn layout(
        &self,
        layout: Layout,
        kind: FileKind,
        version: &str,
    ) -> Option<&'static LayoutSpec> {
        let all: Vec<&'static LayoutSpec> = self
            .layouts()
            .filter(|l| l.layout == layout && l.kind == kind)
            .collect();
        all.iter()
            .find(|l| l.versions.contains(&version))
            .or_else(|| all.iter().find(|l| l.versions.is_empty()))
            .or_else(|| all.first())
            .copied()
    }
    /// Does this bank have this layout and kind?
    pub fn supports(&self, layout: Layout, kind: FileKind) -> bool {
        self.layouts().any(|l| l.layout == layout && l.kind == kind)
    }
    /// Every layout spec of the bank.
    pub fn layouts(&self) -> impl Iterator<Item = &'static LayoutSpec> {
        self.cnab240.iter().chain(self.cnab400.iter()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layouts::febraban240::{RETORNO, SEGMENTO_T};

    const V040: LayoutSpec = LayoutSpec {
        versions: &["040", "041"],
        source: "v040",
        ..RETORNO
    };
    const ANY: LayoutSpec = LayoutSpec {
        source: "any",
        ..RETORNO
    };
    const BANK: BankSpec = BankSpec {
        code: 999,
        name: "Teste",
        cnab240: &[&V040, &ANY],
        cnab400: &[],
    };

    #[test]
    fn the_header_version_picks_the_table() {
        assert_eq!(
            BANK.layout(Layout::Cnab240, FileKind::Retorno, "041")
                .map(|l| l.source),
            Some("v040")
        );
        assert_eq!(
            BANK.layout(Layout::Cnab240, FileKind::Retorno, "087")
                .map(|l| l.source),
            Some("any")
        );
        assert_eq!(
            BANK.layout(Layout::Cnab240, FileKind::Remessa, "040")
                .map(|l| l.source),
            None
        );
        assert!(BANK.supports(Layout::Cnab240, FileKind::Retorno));
        assert!(!BANK.supports(Layout::Cnab400, FileKind::Retorno));
        assert_eq!(
            RETORNO.record(RecordKey::Segment(b'T')).map(|l| l.name),
            Some(SEGMENTO_T.name)
        );
        assert_eq!(
            RETORNO.ocorrencia("06").map(|o| o.kind),
            Some(OcorrenciaKind::Liquidacao)
        );
        assert_eq!(
            RETORNO.motivo("03", "48").map(|m| m.description),
            Some("CEP Inválido")
        );
        assert_eq!(RETORNO.motivo("06", "48").map(|m| m.description), None);
    }

    #[test]
    fn bank_codes_parse_and_print() {
        assert_eq!(parse("033").map(Bank::code).ok(), Some(33));
        assert_eq!(Bank::new(1).to_string(), "001");
        assert_eq!(
            parse("34a").map_err(|e| e.to_string()),
            Err(r#"bank code must be 3 digits, found "34a""#.to_string())
        );
        assert!(parse("3411").is_err());
        assert_eq!(name(Bank::new(353)), "Santander");
        assert_eq!(name(Bank::new(999)), "desconhecido");
        #[derive(serde::Serialize, serde::Deserialize)]
        struct W(#[serde(with = "json")] Bank);
        let text = serde_json::to_string(&W(Bank::new(237))).unwrap_or_default();
        assert_eq!(text, r#"{"code":"237","name":"Bradesco"}"#);
        let back: Option<W> = serde_json::from_str(&text).ok();
        assert_eq!(back.map(|W(b)| b), Some(Bank::new(237)));
        let from_number: Option<W> = serde_json::from_str("341").ok();
        assert_eq!(from_number.map(|W(b)| b), Some(Bank::new(341)));
    }
}
