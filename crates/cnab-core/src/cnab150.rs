//! FEBRABAN's 150-byte layouts: **débito automático** (remessa and retorno) and **arrecadação** (retorno).
//!
//! The tables are in [`crate::layouts::febraban150`] (positions as FEBRABAN prints them, sources cited there).
//! Reading gives the same model style as cobrança: [`Entry150`]s with amount, date and outcome (registros E, F,
//! G), [`Cadastro150`]s for the registration records (B, C, D, H), every record kept raw ([`RawRecord`]), the
//! same typed errors (line, columns, field), strict (first problem is the error) or lenient (problems collected),
//! whole file ([`read`]) or streaming in constant memory ([`Reader150`]). Checked on every file:
//! - registro A first, Z last, one each; every line 150 bytes; every field decodes;
//! - each record belongs to the file's product and direction (no F in a remessa, no E in a retorno, no G outside
//!   arrecadação);
//! - Z02 counts every record, header and trailer included; Z03 is the sum of the E06/F06/G06 amounts;
//! - arrecadação: G08 (NSR) numbers the G records from 1; each G05 barcode parses as a FEBRABAN arrecadação code
//!   (check digits included, [`boleto::Arrecadacao`]) and, when the barcode carries an effective value
//!   (identifier 6 or 8), that value is the G06 amount received;
//! - débito automático retorno: each F07 return code is FEBRABAN's ([`RETORNO_DEBITO`]).
//!
//! ```
//! let bytes = cnab_core::tutorial::FEBRABAN_150_DEBITO_RETORNO;
//! let f = cnab_core::cnab150::read(bytes, cnab_core::ReadOptions::strict()).unwrap();
//! let debitado: rust_decimal::Decimal = f.entries.iter()
//!     .filter(|e| e.resultado.as_ref().is_some_and(|r| r.resultado.is_debited()))
//!     .map(|e| e.valor).sum();
//! assert!(debitado > rust_decimal::Decimal::ZERO);
//! ```
//!
//! Bank variations (what could be consulted, and what it shows):
//! - Banrisul: its "Manual do Débito Automático versão 05" states that it follows FEBRABAN's version 05 and lists
//!   the same records (A, B, C, D, E, F, H, X, Z), adding a chapter on the Banrisul account number carried in the
//!   client fields.
//! - Santander: its header says version `06` (BoletoNetCore `BancoSantander.CNAB150.cs`); registro E is version
//!   05's (tipo/identificação at 130-145), and ACBr reads versions 05 and 06 alike.
//! - Banco do Brasil and Sicredi: the return-code lists of laravel-boleto's CNAB 150 retornos for them are
//!   FEBRABAN's; Sicredi's also lists `19` and `20`, which are in [`RETORNO_DEBITO`].
//! - Bradesco, Caixa, Itaú and Sicoob: no débito automático manual of theirs was found in the sources available;
//!   their files are read with FEBRABAN's tables and nothing bank-specific is assumed.
//!
//! No bank-specific position difference was found, so none is tabled; a bank whose manual differs gets its own
//! table beside FEBRABAN's when the manual is at hand.

use std::io::BufRead;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::error::{Error, ErrorKind, Result};
use crate::field::{FieldSpec, RecordLayout, Value};
use crate::layouts::febraban150 as t;
pub use crate::layouts::febraban150::{RetornoDef, RETORNO_DEBITO};
use crate::model::{FileKind, Layout, Product};
use crate::read::{Detected, ReadOptions};
use crate::record::{LineEnding, RawRecord};

/// What a débito automático return code (F07) means for the debit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Resultado {
    /// The account was debited (`00`, `31`).
    Debitado,
    /// The debit was not made (insufficient funds, account closed, no authorization…).
    NaoDebitado,
    /// The answer to a cancellation request (`97`, `98`, `99`).
    Cancelamento,
    /// Registration upkeep (`96`).
    Cadastro,
    /// A code FEBRABAN's table does not list.
    Desconhecido,
}

impl Resultado {
    /// True when money left the payer's account.
    pub fn is_debited(self) -> bool {
        self == Resultado::Debitado
    }
}

/// The outcome of one debit: the F07 code, what it means and FEBRABAN's description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The code as sent.
    pub code: String,
    /// What it means.
    pub resultado: Resultado,
    /// FEBRABAN's description (empty for an unlisted code).
    pub description: String,
}

impl Outcome {
    /// The outcome of a return code.
    pub fn of(code: &str) -> Self {
        match RETORNO_DEBITO.iter().find(|d| d.code == code) {
            Some(d) => Outcome {
                code: code.to_string(),
                resultado: d.resultado,
                description: d.description.to_string(),
            },
            None => Outcome {
                code: code.to_string(),
                resultado: Resultado::Desconhecido,
                description: String::new(),
            },
        }
    }
}

/// Registro A: the header.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Header150 {
    /// A03: the convênio the bank gave the company.
    pub convenio: String,
    /// A04: the company's name.
    pub empresa_nome: String,
    /// A06: the bank's name.
    pub banco_nome: String,
    /// A07: generation date.
    pub data_geracao: Option<NaiveDate>,
    /// A08: NSA, the file's sequence number.
    pub nsa: Option<u64>,
    /// A09: layout version (`04`, `05`, `06`).
    pub versao_layout: String,
    /// A10: the service (`DEBITO AUTOMATICO`; may be blank in arrecadação files).
    pub identificacao_servico: String,
}

/// A record that moves money: a debit to make (E), a debit's result (F) or an arrecadação payment (G).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry150 {
    /// The record type: `E`, `F` or `G`.
    pub registro: char,
    /// E02/F02: the customer's identification at the company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cliente_empresa: Option<String>,
    /// E03/F03: the agency to debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agencia: Option<String>,
    /// E04/F04: the customer's identification at the bank (the account); G02 the company's account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conta: Option<String>,
    /// E05 due date; F05 debit date (when debited) or due date; G03 payment date.
    pub data: Option<NaiveDate>,
    /// G04: the date the money is credited to the company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_credito: Option<NaiveDate>,
    /// E06/F06/G06: the amount (to debit, debited or sent back, received).
    pub valor: Decimal,
    /// G07: the bank's fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tarifa: Option<Decimal>,
    /// E07: currency code (`03` real, `01` UFIR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moeda: Option<String>,
    /// F07: the result of the debit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resultado: Option<Outcome>,
    /// E08/F08: the company's own text, echoed by the bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uso_empresa: Option<String>,
    /// E09/F09 (version 05): payer identification type (`1` CNPJ, `2` CPF as the manual prints it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tipo_identificacao: Option<u8>,
    /// E10/F10 (version 05): payer CPF/CNPJ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identificacao: Option<String>,
    /// E/F código do movimento: `0` débito normal, `1` cancelamento.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub movimento: Option<String>,
    /// G05: the 44-digit barcode paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codigo_barras: Option<String>,
    /// G09: the collecting agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agencia_arrecadadora: Option<String>,
    /// G10: forma de arrecadação (channel), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forma_arrecadacao: Option<String>,
    /// G11: authentication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autenticacao: Option<String>,
    /// G12: forma de pagamento, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forma_pagamento: Option<String>,
    /// 1-based line of the record (0 in a model to write).
    #[serde(default)]
    pub line: usize,
}

/// A registration record: an option for débito automático (B), the company's refusal (C), a change of the
/// customer's identification (D) and the bank's answer to it (H).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cadastro150 {
    /// The record type: `B`, `C`, `D` or `H`.
    pub registro: char,
    /// The customer's identification at the company (D/H: the previous one).
    pub cliente_empresa: String,
    /// The agency.
    pub agencia: String,
    /// The customer's identification at the bank.
    pub conta: String,
    /// D/H: the new identification at the company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cliente_empresa_atual: Option<String>,
    /// B: date of the option or exclusion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<NaiveDate>,
    /// C/D/H: the occurrence text (C: both texts, joined by a space when the second is there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocorrencia: Option<String>,
    /// Código do movimento (B/C: `1` exclusão, `2` inclusão; D/H: `0` alteração, `1` exclusão).
    pub movimento: String,
    /// 1-based line (0 in a model to write).
    #[serde(default)]
    pub line: usize,
}

/// One detail as the streaming reader yields it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[allow(clippy::large_enum_variant)] // yielded one at a time by the streaming reader, never stored in bulk
pub enum Detail150 {
    /// A registro E, F or G.
    Entry(Entry150),
    /// A registro B, C, D or H.
    Cadastro(Cadastro150),
}

/// A CNAB 150 file read into the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct File150 {
    /// The bank (A05).
    #[serde(with = "crate::bank::json")]
    pub bank: Bank,
    /// Débito automático or arrecadação.
    pub product: Product,
    /// Remessa (A02 `1`) or retorno (A02 `2`).
    pub kind: FileKind,
    /// The header.
    #[serde(default)]
    pub header: Header150,
    /// Registros E, F, G in file order.
    #[serde(default)]
    pub entries: Vec<Entry150>,
    /// Registros B, C, D, H in file order.
    #[serde(default)]
    pub cadastros: Vec<Cadastro150>,
    /// Z02 as read (the writer computes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_registros: Option<u64>,
    /// Z03 as read (the writer computes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valor_total: Option<Decimal>,
    /// Every record as read, with its raw bytes (registros I, J, K, L, T, X are only here).
    #[serde(skip_serializing_if = "Vec::is_empty", skip_deserializing)]
    pub records: Vec<RawRecord>,
    /// Problems found (lenient mode).
    #[serde(default, skip_deserializing)]
    pub problems: Vec<Error>,
}

/// The layout version a file's records follow: 04, or 05 and 06 (ACBr reads 05 and 06 alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V04,
    V05,
}

fn version_of(v: &str) -> Option<Version> {
    match v.trim() {
        "04" => Some(Version::V04),
        "05" | "06" => Some(Version::V05),
        _ => None,
    }
}

/// The table of a record type for a product, direction and version; `None` for a type that is no part of such a
/// file (FEBRABAN: the company sends C, D, E, I, J, K, L; the bank sends B, F, H, J, T, X; arrecadação sends G).
fn table(
    product: Product,
    kind: FileKind,
    version: Version,
    rt: u8,
) -> Option<&'static RecordLayout> {
    Some(match (product, kind, rt) {
        (_, _, b'A') => &t::REGISTRO_A,
        (_, _, b'Z') => &t::REGISTRO_Z,
        (Product::Arrecadacao, FileKind::Retorno, b'G') => &t::REGISTRO_G,
        (Product::DebitoAutomatico, FileKind::Remessa, b'C') => &t::REGISTRO_C,
        (Product::DebitoAutomatico, FileKind::Remessa, b'D') => &t::REGISTRO_D,
        (Product::DebitoAutomatico, FileKind::Remessa, b'E') => match version {
            Version::V04 => &t::REGISTRO_E_V04,
            Version::V05 => &t::REGISTRO_E,
        },
        (Product::DebitoAutomatico, FileKind::Remessa, b'I') => &t::REGISTRO_I,
        (Product::DebitoAutomatico, FileKind::Remessa, b'K') => &t::REGISTRO_K,
        (Product::DebitoAutomatico, FileKind::Remessa, b'L') => &t::REGISTRO_L,
        (Product::DebitoAutomatico, _, b'J') => &t::REGISTRO_J,
        (Product::DebitoAutomatico, FileKind::Retorno, b'B') => &t::REGISTRO_B,
        (Product::DebitoAutomatico, FileKind::Retorno, b'F') => match version {
            Version::V04 => &t::REGISTRO_F_V04,
            Version::V05 => &t::REGISTRO_F,
        },
        (Product::DebitoAutomatico, FileKind::Retorno, b'H') => &t::REGISTRO_H,
        (Product::DebitoAutomatico, FileKind::Retorno, b'T') => &t::REGISTRO_T,
        (Product::DebitoAutomatico, FileKind::Retorno, b'X') => &t::REGISTRO_X,
        _ => return None,
    })
}

/// Every record type FEBRABAN's débito automático layout defines (for telling a misplaced record from an unknown
/// one).
const DEBITO_TYPES: &[u8] = b"ABCDEFHIJKLTXZ";

fn digits(l: &[u8], a: usize, b: usize) -> Option<&[u8]> {
    l.get(a - 1..b)
        .filter(|s| !s.is_empty() && s.iter().all(u8::is_ascii_digit))
}

/// Detection of a CNAB 150 file: a first line that is a registro A (`A`, `1`/`2` at 2, a bank code at 43-45, a
/// version at 80-81), at most 150 bytes. `None` when the file is not one; an error when it is one we cannot
/// read (a version 08 header).
pub(crate) fn detect_150(
    lines: &[(&[u8], LineEnding)],
    default_kind: Option<FileKind>,
) -> Option<Result<Detected>> {
    let (first, _) = lines.first()?;
    let first = crate::read::fit_line(first, first.len().max(150));
    if first.len() != 150 || first.first() != Some(&b'A') {
        return None;
    }
    let bank = std::str::from_utf8(digits(&first, 43, 45)?)
        .ok()?
        .parse::<u16>()
        .ok()?;
    let version = std::str::from_utf8(digits(&first, 80, 81)?)
        .ok()?
        .to_string();
    let kind = match first.get(1) {
        Some(b'1') => FileKind::Remessa,
        Some(b'2') => FileKind::Retorno,
        _ => default_kind?,
    };
    let window = lines.iter().take(crate::read::DETECT_LINES).skip(1);
    let mut product = None;
    for (l, _) in window {
        match l.first() {
            Some(b'G') => {
                product = Some(Product::Arrecadacao);
                break;
            }
            Some(t) if *t != b'Z' && DEBITO_TYPES.contains(t) => {
                product = Some(Product::DebitoAutomatico);
                break;
            }
            _ => {}
        }
    }
    let servico = first
        .get(81..98)
        .map(crate::field::decode_text)
        .unwrap_or_default();
    let product = product.unwrap_or(if servico.contains("BARRAS") {
        Product::Arrecadacao
    } else {
        Product::DebitoAutomatico
    });
    // The version chooses the débito automático E/F tables; arrecadação's records do not change with it.
    let debito = product == Product::DebitoAutomatico;
    let supported =
        (!debito || version_of(&version).is_some()) && (debito || kind == FileKind::Retorno);
    if debito && version_of(&version).is_none() {
        let mut e = Error::at_line(
            1,
            ErrorKind::UnknownLayout {
                reason: format!(
                    "a CNAB 150 débito automático header with layout version {version:?}: versions 04, 05 and 06 \
                     are read (version 08 moves the fields after the bank's customer identification)"
                ),
            },
        );
        e.columns = Some((80, 81));
        e.field = Some("versao_layout");
        e.record = Some("registro_a");
        return Some(Err(e));
    }
    Some(Ok(Detected {
        bank: Bank::new(bank),
        layout: Layout::Cnab150,
        product,
        kind,
        version,
        supported,
    }))
}

/// The state machine shared by [`read`] and [`Reader150`]: fed one line at a time.
struct Machine {
    product: Product,
    kind: FileKind,
    version: Version,
    lenient: bool,
    problems: Vec<Error>,
    header: Header150,
    seen_header: bool,
    missing_header_reported: bool,
    seen_trailer: bool,
    total_registros: Option<u64>,
    valor_total: Option<Decimal>,
    count: u64,
    sum: Decimal,
    g_count: u64,
    last_line: usize,
}

impl Machine {
    fn new(d: &Detected, lenient: bool, problems: Vec<Error>) -> Self {
        Machine {
            product: d.product,
            kind: d.kind,
            version: version_of(&d.version).unwrap_or(Version::V05),
            lenient,
            problems,
            header: Header150::default(),
            seen_header: false,
            missing_header_reported: false,
            seen_trailer: false,
            total_registros: None,
            valor_total: None,
            count: 0,
            sum: Decimal::ZERO,
            g_count: 0,
            last_line: 0,
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

    fn what(&self) -> String {
        format!("CNAB 150 {} {}", self.product, self.kind)
    }

    /// Feeds one line: the layout it was read with (for the raw record) and the detail it makes, if any.
    fn feed(
        &mut self,
        line_no: usize,
        raw: &[u8],
    ) -> Result<(Option<&'static RecordLayout>, Option<Detail150>)> {
        self.last_line = line_no;
        if crate::read::is_blank_line(raw) {
            self.problem(Error::at_line(line_no, ErrorKind::BlankLine))?;
            return Ok((None, None));
        }
        self.count += 1;
        if raw.len() != 150 {
            self.problem(Error::at_line(
                line_no,
                ErrorKind::LineLength {
                    expected: 150,
                    found: raw.len(),
                },
            ))?;
        }
        let bytes = crate::read::fit_line(raw, 150);
        let rt = bytes.first().copied().unwrap_or(b' ');
        if self.seen_trailer {
            self.problem(Error::structure(
                line_no,
                "a record after the trailer (registro Z)",
            ))?;
        }
        let Some(layout) = table(self.product, self.kind, self.version, rt) else {
            let kind = if self.product == Product::DebitoAutomatico && DEBITO_TYPES.contains(&rt) {
                ErrorKind::NotInEntry {
                    found: format!("registro {}", char::from(rt)),
                    file_kind: self.what(),
                }
            } else {
                ErrorKind::UnknownRecord {
                    found: char::from(rt).to_string(),
                    layout: self.what(),
                }
            };
            let mut e = Error::at_line(line_no, kind);
            e.columns = Some((1, 1));
            self.problem(e)?;
            return Ok((None, None));
        };
        match rt {
            b'A' if self.seen_header => {
                self.problem(Error::structure(line_no, "a second header (registro A)"))?;
            }
            b'A' if self.count > 1 => {
                self.problem(Error::structure(
                    line_no,
                    "the header (registro A) after other records",
                ))?;
            }
            b'A' => {}
            _ if !self.seen_header && !self.missing_header_reported => {
                self.missing_header_reported = true;
                self.problem(Error::at_line(line_no, ErrorKind::MissingHeader))?;
            }
            _ => {}
        }
        let mut get = Fields {
            layout,
            bytes: &bytes,
            line: line_no,
            errors: Vec::new(),
        };
        let detail = match rt {
            b'A' => {
                self.seen_header = true;
                self.header = Header150 {
                    convenio: get.text("convenio"),
                    empresa_nome: get.text("empresa_nome"),
                    banco_nome: get.text("banco_nome"),
                    data_geracao: get.date("data_geracao"),
                    nsa: get.int("nsa"),
                    versao_layout: get.text("versao_layout"),
                    identificacao_servico: get.text("identificacao_servico"),
                };
                get.check_all();
                None
            }
            b'Z' => {
                self.seen_trailer = true;
                self.total_registros = get.int("total_registros");
                self.valor_total = get.num("valor_total");
                get.check_all();
                let errors = std::mem::take(&mut get.errors);
                for e in errors {
                    self.problem(e)?;
                }
                self.check_trailer(line_no, layout)?;
                return Ok((Some(layout), None));
            }
            b'E' | b'F' | b'G' => {
                let e = self.entry(rt, &mut get);
                get.check_all();
                Some(Detail150::Entry(e))
            }
            b'B' | b'C' | b'D' | b'H' => {
                let c = cadastro(rt, &mut get);
                get.check_all();
                Some(Detail150::Cadastro(c))
            }
            _ => {
                get.check_all();
                None
            }
        };
        let errors = std::mem::take(&mut get.errors);
        for e in errors {
            self.problem(e)?;
        }
        if let Some(Detail150::Entry(e)) = &detail {
            self.check_entry(e, layout, &bytes)?;
        }
        Ok((Some(layout), detail))
    }

    fn entry(&mut self, rt: u8, get: &mut Fields<'_>) -> Entry150 {
        let valor_field = if rt == b'G' {
            "valor_recebido"
        } else {
            "valor"
        };
        let valor = get.num(valor_field).unwrap_or_default();
        self.sum += valor;
        let mut e = Entry150 {
            registro: char::from(rt),
            cliente_empresa: None,
            agencia: None,
            conta: None,
            data: None,
            data_credito: None,
            valor,
            tarifa: None,
            moeda: None,
            resultado: None,
            uso_empresa: None,
            tipo_identificacao: None,
            identificacao: None,
            movimento: None,
            codigo_barras: None,
            agencia_arrecadadora: None,
            forma_arrecadacao: None,
            autenticacao: None,
            forma_pagamento: None,
            line: get.line,
        };
        if rt == b'G' {
            e.conta = Some(get.text("conta"));
            e.data = get.date("data_pagamento");
            e.data_credito = get.date("data_credito");
            e.tarifa = get.num("valor_tarifa");
            e.codigo_barras = Some(get.text("codigo_barras"));
            e.agencia_arrecadadora = Some(get.text("agencia_arrecadadora"));
            e.forma_arrecadacao = Some(get.text("forma_arrecadacao"));
            e.autenticacao = Some(get.text("autenticacao"));
            e.forma_pagamento = Some(get.text("forma_pagamento"));
        } else {
            e.cliente_empresa = Some(get.text("cliente_empresa"));
            e.agencia = Some(get.text("agencia"));
            e.conta = Some(get.text("cliente_banco"));
            e.uso_empresa = Some(get.text("uso_empresa"));
            e.movimento = Some(get.text("codigo_movimento"));
            if get.layout.field("identificacao").is_some() {
                e.tipo_identificacao = get
                    .int("tipo_identificacao")
                    .and_then(|v| u8::try_from(v).ok());
                e.identificacao = Some(get.text("identificacao")).filter(|s| !s.is_empty());
            }
            if rt == b'E' {
                e.data = get.date("data_vencimento");
                e.moeda = Some(get.text("codigo_moeda"));
            } else {
                e.data = get.date("data_debito");
                e.resultado = Some(Outcome::of(&get.text("codigo_retorno")));
            }
        }
        e
    }

    /// The checks of a money record beyond its fields: the F07 code is FEBRABAN's; the G's NSR follows; the G's
    /// barcode parses and carries its amount.
    fn check_entry(
        &mut self,
        e: &Entry150,
        layout: &'static RecordLayout,
        bytes: &[u8],
    ) -> Result<()> {
        let at = |name: &str, kind: ErrorKind| match layout.field(name) {
            Some(f) => Error::at_field(e.line, layout.name, f, kind),
            None => Error::at_line(e.line, kind),
        };
        if let Some(r) = &e.resultado {
            if r.resultado == Resultado::Desconhecido {
                self.problem(at(
                    "codigo_retorno",
                    ErrorKind::UnknownOcorrencia {
                        code: r.code.clone(),
                    },
                ))?;
            }
        }
        if e.registro == 'G' {
            self.g_count += 1;
            let nsr = layout
                .field("nsr")
                .and_then(|f| crate::field::decode_num(f.slice(bytes), 0).ok().flatten());
            if let Some(n) = nsr {
                if n != Decimal::from(self.g_count) {
                    let found = u64::try_from(n.mantissa()).unwrap_or(0);
                    self.problem(at(
                        "nsr",
                        ErrorKind::Sequence {
                            found,
                            expected: self.g_count,
                        },
                    ))?;
                }
            }
            let code = e.codigo_barras.as_deref().unwrap_or_default();
            match boleto::Arrecadacao::parse(code) {
                Err(err) => self.problem(at(
                    "codigo_barras",
                    ErrorKind::BadBarcode {
                        found: code.to_string(),
                        reason: err.to_string(),
                    },
                ))?,
                Ok(a) => {
                    if let Some(v) = a.valor().filter(|v| *v != e.valor) {
                        self.problem(at(
                            "valor_recebido",
                            ErrorKind::BarcodeValue {
                                barcode: v.to_string(),
                                paid: e.valor.to_string(),
                            },
                        ))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn check_trailer(&mut self, line: usize, layout: &'static RecordLayout) -> Result<()> {
        if let Some(n) = self.total_registros.filter(|&n| n != self.count) {
            let mut e = Error::at_line(
                line,
                ErrorKind::TrailerCount {
                    declared: format!("{n} records"),
                    counted: format!("{} records", self.count),
                },
            );
            if let Some(f) = layout.field("total_registros") {
                e = Error::at_field(line, layout.name, f, e.kind);
            }
            self.problem(e)?;
        }
        if let Some(v) = self.valor_total.filter(|&v| v != self.sum) {
            let mut e = Error::at_line(
                line,
                ErrorKind::TrailerCount {
                    declared: format!("a total of {v}"),
                    counted: format!("a total of {}", self.sum),
                },
            );
            if let Some(f) = layout.field("valor_total") {
                e = Error::at_field(line, layout.name, f, e.kind);
            }
            self.problem(e)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if self.count == 0 {
            return Err(Error::new(ErrorKind::Empty));
        }
        if !self.seen_trailer {
            self.problem(Error::at_line(self.last_line, ErrorKind::MissingTrailer))?;
        }
        Ok(())
    }
}

fn cadastro(rt: u8, get: &mut Fields<'_>) -> Cadastro150 {
    let (cliente, atual) = if matches!(rt, b'D' | b'H') {
        (
            get.text("cliente_empresa_anterior"),
            Some(get.text("cliente_empresa_atual")),
        )
    } else {
        (get.text("cliente_empresa"), None)
    };
    let ocorrencia = match rt {
        b'C' => {
            let (a, b) = (get.text("ocorrencia_1"), get.text("ocorrencia_2"));
            Some(if b.is_empty() { a } else { format!("{a} {b}") })
        }
        b'D' | b'H' => Some(get.text("ocorrencia")),
        _ => None,
    };
    Cadastro150 {
        registro: char::from(rt),
        cliente_empresa: cliente,
        agencia: get.text("agencia"),
        conta: get.text("cliente_banco"),
        cliente_empresa_atual: atual,
        data: if rt == b'B' {
            get.date("data_opcao")
        } else {
            None
        },
        ocorrencia,
        movimento: get.text("codigo_movimento"),
        line: get.line,
    }
}

/// Field access over one record, collecting field errors (line, columns, field) instead of failing.
struct Fields<'a> {
    layout: &'static RecordLayout,
    bytes: &'a [u8],
    line: usize,
    errors: Vec<Error>,
}

impl Fields<'_> {
    fn value(&mut self, name: &str) -> Value {
        let Some(f) = self.layout.field(name) else {
            return Value::None;
        };
        match crate::field::decode(f, f.slice(self.bytes)) {
            Ok(v) => v,
            Err(kind) => {
                if !self.errors.iter().any(|e| e.field == Some(f.name)) {
                    self.errors
                        .push(Error::at_field(self.line, self.layout.name, f, kind));
                }
                Value::None
            }
        }
    }
    /// A text field's text; a numeric code's digits as written (`"05"`, `"03"`), blank when spaces.
    fn text(&mut self, name: &str) -> String {
        let raw = self
            .layout
            .field(name)
            .filter(|f| matches!(f.kind, crate::field::Kind::Num { .. }))
            .map(|f| crate::field::decode_text(f.slice(self.bytes)));
        match (self.value(name), raw) {
            (Value::Text(s), _) => s,
            (Value::Number(_), Some(digits)) => digits,
            _ => String::new(),
        }
    }
    fn num(&mut self, name: &str) -> Option<Decimal> {
        match self.value(name) {
            Value::Number(d) => Some(d),
            _ => None,
        }
    }
    fn int(&mut self, name: &str) -> Option<u64> {
        self.num(name)
            .and_then(|d| u64::try_from(d.mantissa()).ok())
    }
    fn date(&mut self, name: &str) -> Option<NaiveDate> {
        match self.value(name) {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }
    /// Checks every field (the ones the model does not carry included).
    fn check_all(&mut self) {
        for f in self.layout.fields {
            if self.errors.iter().any(|e| e.field == Some(f.name)) {
                continue;
            }
            if let Err(kind) = crate::field::check(f, f.slice(self.bytes)) {
                self.errors
                    .push(Error::at_field(self.line, self.layout.name, f, kind));
            }
        }
        self.errors.sort_by_key(|e| e.columns);
    }
}

/// Detection for a reader: the file's detection with the options' forcing (bank, kind), refusing a file that is
/// not CNAB 150.
fn prepare(lines: &[(&[u8], LineEnding)], opts: ReadOptions) -> Result<Detected> {
    let mut d = match detect_150(lines, opts.kind) {
        Some(d) => d?,
        None => {
            let what = match crate::read::detect_lines(lines).ok() {
                Some(d) => format!(
                    "this is a CNAB {} {} file, not CNAB 150",
                    d.layout.number(),
                    d.kind
                ),
                None => "the first line is no CNAB 150 header (registro A, 150 bytes)".to_string(),
            };
            return Err(Error::at_line(1, ErrorKind::UnknownLayout { reason: what }));
        }
    };
    if let Some(b) = opts.bank {
        d.bank = b;
    }
    if let Some(k) = opts.kind {
        d.kind = k;
    }
    if d.product == Product::Arrecadacao && d.kind == FileKind::Remessa {
        return Err(Error::at_line(
            1,
            ErrorKind::UnknownKind {
                reason: "an arrecadação file is a retorno (the bank's report of payments); A02 says remessa"
                    .into(),
            },
        ));
    }
    Ok(d)
}

/// Reads a whole CNAB 150 file into the model, keeping every record raw.
pub fn read(bytes: &[u8], opts: ReadOptions) -> Result<File150> {
    read_with_envelope(bytes, opts).map(|(f, _)| f)
}

/// [`read`], plus the bytes around the records (a BOM, trailing blank lines) for byte-exact writing.
pub fn read_with_envelope(bytes: &[u8], opts: ReadOptions) -> Result<(File150, crate::Envelope)> {
    let lines = crate::read::split_lines(bytes);
    let d = prepare(&lines.lines, opts)?;
    let mut m = Machine::new(&d, opts.lenient, Vec::new());
    let mut f = File150 {
        bank: d.bank,
        product: d.product,
        kind: d.kind,
        header: Header150::default(),
        entries: Vec::new(),
        cadastros: Vec::new(),
        total_registros: None,
        valor_total: None,
        records: Vec::with_capacity(lines.lines.len()),
        problems: Vec::new(),
    };
    let source: std::sync::Arc<[u8]> = std::sync::Arc::from(bytes);
    for (i, (line, ending)) in lines.lines.iter().enumerate() {
        let (layout, detail) = m.feed(i + 1, line)?;
        let start = lines.starts.get(i).copied().unwrap_or(0);
        f.records.push(RawRecord::shared(
            i + 1,
            layout,
            std::sync::Arc::clone(&source),
            start,
            start + line.len(),
            *ending,
        ));
        match detail {
            Some(Detail150::Entry(e)) => f.entries.push(e),
            Some(Detail150::Cadastro(c)) => f.cadastros.push(c),
            None => {}
        }
    }
    m.finish()?;
    f.header = m.header;
    f.total_registros = m.total_registros;
    f.valor_total = m.valor_total;
    f.problems = m.problems;
    let env = crate::Envelope {
        prefix: lines.prefix.to_vec(),
        suffix: lines.suffix.to_vec(),
    };
    Ok((f, env))
}

/// Reads a CNAB 150 file's details one at a time from any `BufRead`, in constant memory, yielding what [`read`]
/// yields for the same bytes (entries and cadastros in file order, the same problems, in strict mode the same first
/// error). It holds one line buffer, the lines read ahead for detection (until the first detail tells the product,
/// at most [`crate::read::DETECT_LINES`]) and the line numbers of a run of blank lines.
pub struct Reader150<R: BufRead> {
    src: R,
    buf: Vec<u8>,
    line: usize,
    head: std::collections::VecDeque<Vec<u8>>,
    blank_run: Vec<usize>,
    machine: Machine,
    detected: Detected,
    done: bool,
}

impl<R: BufRead> Reader150<R> {
    /// Starts reading: the header and the lines up to the first detail are read ahead to detect the file.
    pub fn new(mut src: R, opts: ReadOptions) -> Result<Self> {
        let mut buf = Vec::new();
        let mut head: std::collections::VecDeque<Vec<u8>> = std::collections::VecDeque::new();
        while head.len() < crate::read::DETECT_LINES {
            if crate::read::read_line(&mut src, &mut buf, head.len())?.is_none() {
                break;
            }
            if head.is_empty() {
                if let Some(rest) = buf.strip_prefix(b"\xEF\xBB\xBF".as_slice()) {
                    buf = rest.to_vec();
                }
            }
            let decides = !head.is_empty()
                && buf
                    .first()
                    .is_some_and(|b| *b != b'Z' && b.is_ascii_uppercase());
            head.push_back(buf.clone());
            if decides {
                break;
            }
        }
        while head.back().is_some_and(|l| crate::read::is_blank_line(l))
            && head.len() < crate::read::DETECT_LINES
        {
            // Blank lines at the end of a short file are its suffix, as the whole-file reader sees them; in a
            // longer file they are fed again below (the head then ends at a detail).
            head.pop_back();
        }
        let lines: Vec<(&[u8], LineEnding)> = head
            .iter()
            .map(|l| (l.as_slice(), LineEnding::Lf))
            .collect();
        if lines.is_empty() {
            return Err(Error::new(ErrorKind::Empty));
        }
        let d = prepare(&lines, opts)?;
        let machine = Machine::new(&d, opts.lenient, Vec::new());
        Ok(Reader150 {
            src,
            buf,
            line: 0,
            head,
            blank_run: Vec::new(),
            machine,
            detected: d,
            done: false,
        })
    }
    /// What was detected.
    pub fn detected(&self) -> &Detected {
        &self.detected
    }
    /// The header, once read (after the first item).
    pub fn header(&self) -> &Header150 {
        &self.machine.header
    }
    /// The problems collected so far (lenient mode).
    pub fn problems(&self) -> &[Error] {
        &self.machine.problems
    }
    /// Z02 and Z03 as read, once the trailer was read.
    pub fn trailer(&self) -> (Option<u64>, Option<Decimal>) {
        (self.machine.total_registros, self.machine.valor_total)
    }

    /// The next line: the lines read ahead first, then the source's.
    fn next_line(&mut self) -> Result<Option<Vec<u8>>> {
        if let Some(l) = self.head.pop_front() {
            return Ok(Some(l));
        }
        match crate::read::read_line(&mut self.src, &mut self.buf, self.line)? {
            None => Ok(None),
            Some(_) => Ok(Some(self.buf.clone())),
        }
    }

    fn next_detail(&mut self) -> Result<Option<Detail150>> {
        loop {
            if self.done {
                return Ok(None);
            }
            let Some(l) = self.next_line()? else {
                // A blank run at the end is the suffix.
                self.done = true;
                self.machine.finish()?;
                return Ok(None);
            };
            self.line += 1;
            if crate::read::is_blank_line(&l) {
                self.blank_run.push(self.line);
                continue;
            }
            for n in std::mem::take(&mut self.blank_run) {
                self.machine.feed(n, b"")?;
            }
            let (_, detail) = self.machine.feed(self.line, &l)?;
            if let Some(d) = detail {
                return Ok(Some(d));
            }
        }
    }
}

impl<R: BufRead> Iterator for Reader150<R> {
    type Item = Result<Detail150>;
    fn next(&mut self) -> Option<Self::Item> {
        match self.next_detail() {
            Ok(Some(d)) => Some(Ok(d)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// A value of the model for one field, or why it cannot be written.
fn put(
    line: &mut Vec<u8>,
    f: &FieldSpec,
    value: Option<crate::write::Out>,
    what: &str,
) -> Result<()> {
    match crate::write::encode(f, value.as_ref(), line) {
        Ok(crate::write::Fit::Exact | crate::write::Fit::Fixed(_)) => Ok(()),
        Ok(crate::write::Fit::Cut(_)) => Err(Error::invalid(format!(
            "{what}, {}: {:?} does not fit the field's {} positions",
            f.name,
            value.map(|v| v.to_string()).unwrap_or_default(),
            f.len()
        ))),
        Err(reason) => Err(Error::invalid(format!(
            "{what}, {}: {:?} {reason}",
            f.name,
            value.map(|v| v.to_string()).unwrap_or_default()
        ))),
    }
}

fn text(s: &str) -> Option<crate::write::Out<'_>> {
    (!s.is_empty()).then(|| crate::write::Out::Text(s.into()))
}
fn opt_text(s: &Option<String>) -> Option<crate::write::Out<'_>> {
    s.as_deref().and_then(text)
}
fn amount(d: Decimal) -> Option<crate::write::Out<'static>> {
    Some(crate::write::Out::Num(d))
}
fn day(d: Option<NaiveDate>) -> Option<crate::write::Out<'static>> {
    d.map(|d| crate::write::Out::Date(Some(d)))
}
fn count(n: u64) -> Option<crate::write::Out<'static>> {
    Some(crate::write::Out::Num(Decimal::from(n)))
}

fn record<'v>(
    layout: &'static RecordLayout,
    what: &str,
    value: &dyn Fn(&str) -> Option<crate::write::Out<'v>>,
) -> Result<Vec<u8>> {
    let mut line = Vec::with_capacity(150);
    for f in layout.fields {
        put(&mut line, f, value(f.name), what)?;
    }
    Ok(line)
}

/// Writes a CNAB 150 file from the model: registro A from the header, the cadastros (B, C, D, H) then the
/// entries (E, F, G) in their order, and registro Z with the count and the sum computed from what was written.
/// Each value is written as given or refused with its record and field (nothing is cut, rounded or dropped). The
/// version in the header chooses the E/F tables (`04` or `05`/`06`; empty writes `05`). Lines end with CRLF.
pub fn write(file: &File150) -> Result<Vec<u8>> {
    let version = if file.header.versao_layout.is_empty() {
        "05".to_string()
    } else {
        file.header.versao_layout.clone()
    };
    let (product, kind) = (file.product, file.kind);
    let v = match version_of(&version) {
        Some(v) => v,
        // Arrecadação's records do not change with the version.
        None if product == Product::Arrecadacao => Version::V05,
        None => {
            return Err(Error::invalid(format!(
                "layout version {version:?}: the débito automático writer writes versions 04, 05 and 06"
            )))
        }
    };
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let h = &file.header;
    let servico = if h.identificacao_servico.is_empty() && product == Product::DebitoAutomatico {
        "DEBITO AUTOMATICO".to_string()
    } else {
        h.identificacao_servico.clone()
    };
    let bank = format!("{:03}", file.bank.code());
    lines.push(record(&t::REGISTRO_A, "registro A", &|name| match name {
        "codigo_remessa" => text(if kind == FileKind::Remessa { "1" } else { "2" }),
        "convenio" => text(&h.convenio),
        "empresa_nome" => text(&h.empresa_nome),
        "banco" => text(&bank),
        "banco_nome" => text(&h.banco_nome),
        "data_geracao" => day(h.data_geracao),
        "nsa" => h.nsa.and_then(count),
        "versao_layout" => text(&version),
        "identificacao_servico" => text(&servico),
        _ => None,
    })?);
    for (i, c) in file.cadastros.iter().enumerate() {
        let rt = u8::try_from(c.registro).unwrap_or(b' ');
        let what = format!("cadastro {} (registro {})", i + 1, c.registro);
        let layout = table(product, kind, v, rt)
            .filter(|_| matches!(rt, b'B' | b'C' | b'D' | b'H'))
            .ok_or_else(|| {
                Error::invalid(format!("{what}: no such record in a {product} {kind}"))
            })?;
        let (o1, o2) = match c.ocorrencia.as_deref() {
            Some(o) if rt == b'C' && o.len() > 40 => (
                o.get(..40).unwrap_or(o),
                o.get(40..).unwrap_or("").trim_start(),
            ),
            Some(o) => (o, ""),
            None => ("", ""),
        };
        lines.push(record(layout, &what, &|name| match name {
            "cliente_empresa" | "cliente_empresa_anterior" => text(&c.cliente_empresa),
            "cliente_empresa_atual" => opt_text(&c.cliente_empresa_atual),
            "agencia" => text(&c.agencia),
            "cliente_banco" => text(&c.conta),
            "data_opcao" => day(c.data),
            "ocorrencia" | "ocorrencia_1" => text(o1),
            "ocorrencia_2" => text(o2),
            "codigo_movimento" => text(&c.movimento),
            _ => None,
        })?);
    }
    let mut sum = Decimal::ZERO;
    for (i, e) in file.entries.iter().enumerate() {
        let rt = u8::try_from(e.registro).unwrap_or(b' ');
        let what = format!("entry {} (registro {})", i + 1, e.registro);
        let layout = table(product, kind, v, rt)
            .filter(|_| matches!(rt, b'E' | b'F' | b'G'))
            .ok_or_else(|| {
                Error::invalid(format!("{what}: no such record in a {product} {kind}"))
            })?;
        sum += e.valor;
        let codigo = e
            .resultado
            .as_ref()
            .map(|r| r.code.clone())
            .unwrap_or_default();
        lines.push(record(layout, &what, &|name| match name {
            "cliente_empresa" => opt_text(&e.cliente_empresa),
            "agencia" => opt_text(&e.agencia),
            "cliente_banco" | "conta" => opt_text(&e.conta),
            "data_vencimento" | "data_debito" | "data_pagamento" => day(e.data),
            "data_credito" => day(e.data_credito),
            "valor" | "valor_recebido" => amount(e.valor),
            "valor_tarifa" => e.tarifa.and_then(amount),
            "codigo_moeda" => opt_text(&e.moeda),
            "codigo_retorno" => text(&codigo),
            "uso_empresa" => opt_text(&e.uso_empresa),
            "tipo_identificacao" => e
                .tipo_identificacao
                .map(|t| crate::write::Out::Num(Decimal::from(t))),
            "identificacao" => opt_text(&e.identificacao),
            "codigo_movimento" => opt_text(&e.movimento),
            "codigo_barras" => opt_text(&e.codigo_barras),
            "nsr" => count(i as u64 + 1),
            "agencia_arrecadadora" => opt_text(&e.agencia_arrecadadora),
            "forma_arrecadacao" => opt_text(&e.forma_arrecadacao),
            "autenticacao" => opt_text(&e.autenticacao),
            "forma_pagamento" => opt_text(&e.forma_pagamento),
            _ => None,
        })?);
    }
    let total = lines.len() as u64 + 1;
    lines.push(record(&t::REGISTRO_Z, "registro Z", &|name| match name {
        "total_registros" => count(total),
        "valor_total" => amount(sum),
        _ => None,
    })?);
    let mut out = Vec::with_capacity(lines.len() * 152);
    for l in lines {
        out.extend_from_slice(&l);
        out.extend_from_slice(b"\r\n");
    }
    Ok(out)
}
