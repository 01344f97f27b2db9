//! PIX BR Code: the EMV® merchant-presented payload ("Pix Copia e Cola") of a static or
//! dynamic PIX QR code, built and parsed.
//!
//! Sources, cited next to each rule below:
//! - **Manual** = Banco Central do Brasil, *Manual de Padrões para Iniciação do Pix*, versão 2.6.2
//!   (Regulamento Pix, Anexo II), sections 1.3–1.7;
//! - **EMV** = EMVCo *QR Code Specification for Payment Systems – Merchant-Presented Mode*
//!   (EMV® QRCPS-MPM), which the BCB's *Manual do BR Code* adopts; its table "Data Objects
//!   Under the Root of a QR Code" gives the root IDs, formats and lengths used here, and its
//!   table "Data Objects for Additional Data Field Template (ID "62")" the sub-IDs of 62.
//!
//! | ID | name | rule (source) |
//! |---|---|---|
//! | 00 | Payload Format Indicator | first object, value `01` (EMV; Manual §1.5.4) |
//! | 01 | Point of Initiation Method | optional; `11` reusable, `12` "não deve ser utilizado mais de uma vez" (EMV; Manual §1.6.7) |
//! | 26–51 | Merchant Account Information | the one whose GUI (sub-ID 00) is `br.gov.bcb.pix`, case-insensitive (Manual §1.3 and note 11); template up to 99 characters |
//! | 26-01 | chave | 1–77 characters, formatted as the DICT requires (Manual §1.4, §1.5 and note 17) |
//! | 26-02 | infoAdicional | 1–72 characters (Manual §1.5 and note 19); shares the 99 characters of the template with the chave (§1.5.1) |
//! | 26-03 | pss | ISPB of the withdrawal facilitator, 8 characters (Manual §1.5) |
//! | 26-25 | url | dynamic payloads: 1–77 characters, no protocol prefix (Manual §1.6.2, §1.6.3) |
//! | 52 | Merchant Category Code | 4 digits; PIX writes `0000` "não informado" (EMV; Manual §1.5.4) |
//! | 53 | Transaction Currency | `986` (R$) (EMV, ISO 4217; Manual §1.5.4) |
//! | 54 | Transaction Amount | optional; up to 13 characters, digits with one `.` as the decimal mark, not zero; two decimals at most for the Real (EMV) |
//! | 58 | Country Code | `BR` (EMV; Manual §1.5.4) |
//! | 59 | Merchant Name | mandatory, 1–25 characters (EMV) |
//! | 60 | Merchant City | mandatory, 1–15 characters (EMV) |
//! | 61 | Postal Code | optional, up to 10 characters (EMV) |
//! | 62 | Additional Data Field Template | mandatory in PIX: 62-05 Reference Label = txid is "sempre presente" (Manual §1.5 note 16) |
//! | 62-05 | txid | `***` when none (Manual §1.5.4 note 20), else 1–25 characters `a-z`, `A-Z`, `0-9` (Manual §1.5.2) |
//! | 63 | CRC | last object, 4 uppercase hex digits: CRC-16 with polynomial 0x1021 and initial value 0xFFFF over the whole payload up to and including `6304` (Manual §1.5.4 note 23) |
//!
//! Every data object is `ID` (2 digits) + length (2 digits, 01–99) + value; lengths count
//! characters. Objects this module does not interpret (other arrangements in 26–51, 55–57,
//! 64, 80–99, unknown sub-IDs) are kept: [`BrCode::outros`] lists them and the payload is
//! kept as given, so nothing is lost.
//!
//! In a dynamic payload the amount and the txid "não devem ser preenchidos … se preenchidos,
//! seu conteúdo deve ser ignorado" (Manual §1.6.2): the builder refuses them; the parser
//! reports what is there.
//!
//! ```
//! use boleto::pix::BrCode;
//!
//! // Manual §1.5.4, the static example
//! let code: BrCode = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000\
//!                     5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
//!     .parse()
//!     .unwrap();
//! assert_eq!(code.chave(), Some("123e4567-e12b-12d1-a456-426655440000"));
//! assert_eq!(code.nome(), "Fulano de Tal");
//! assert_eq!(code.txid(), None);
//!
//! let built = BrCode::estatico("123e4567-e12b-12d1-a456-426655440000", "Fulano de Tal", "BRASILIA")
//!     .build()
//!     .unwrap();
//! assert_eq!(built, code);
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The PIX arrangement's GUI (Manual §1.3).
pub const GUI: &str = "br.gov.bcb.pix";

/// CRC-16/IBM-3740, also called CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF,
/// no reflection, no final XOR (Manual §1.5.4 note 23).
const CRC16: crc::Crc<u16> = crc::Crc::<u16>::new(&crc::CRC_16_IBM_3740);

/// What can be wrong with a BR Code: which tag (sub-tags as `26-01`), which field, what.
///
/// ```
/// use boleto::pix::{BrCode, PixError};
/// let err = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000\
///            5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3E"
///     .parse::<BrCode>()
///     .unwrap_err();
/// assert_eq!(err, PixError::Crc { expected: "1D3D".into(), found: "1D3E".into() });
/// assert_eq!(err.to_string(), "crc (tag 63): expected 1D3D, found 1D3E");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PixError {
    /// The CRC of tag 63 does not match the payload.
    #[error("crc (tag 63): expected {expected}, found {found}")]
    Crc {
        /// The CRC the payload gives (4 uppercase hex digits).
        expected: String,
        /// What tag 63 holds.
        found: String,
    },
    /// The TLV structure is broken: a tag or length that is not two digits, a length past the end.
    #[error("position {position}: {message}")]
    Syntax {
        /// 1-based character position in the payload.
        position: usize,
        /// What is wrong.
        message: String,
    },
    /// A mandatory data object is absent.
    #[error("tag {tag} ({field}): missing")]
    Missing {
        /// The tag (`59`, `26-01`, …).
        tag: &'static str,
        /// Its name.
        field: &'static str,
    },
    /// A value longer than its tag allows.
    #[error("tag {tag} ({field}): at most {max} characters, found {found}")]
    TooLong {
        /// The tag.
        tag: String,
        /// Its name.
        field: &'static str,
        /// The limit.
        max: usize,
        /// The length given.
        found: usize,
    },
    /// The Merchant Account Information template is not PIX's.
    #[error("tag {tag} (GUI): expected br.gov.bcb.pix, found {found:?}")]
    WrongGui {
        /// The template's tag and sub-tag (`26-00`).
        tag: String,
        /// The GUI found.
        found: String,
    },
    /// Any other bad value (wrong fixed value, bad amount, bad chave, bad txid characters, …).
    #[error("tag {tag} ({field}): {message}")]
    Invalid {
        /// The tag.
        tag: String,
        /// Its name.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
}

fn invalid(tag: &str, field: &'static str, message: impl Into<String>) -> PixError {
    PixError::Invalid {
        tag: tag.to_string(),
        field,
        message: message.into(),
    }
}

/// The type of a PIX key (chave), as the DICT formats it (Manual §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChaveTipo {
    /// CPF, 11 digits with valid check digits (Manual §1.4.2).
    Cpf,
    /// CNPJ, 14 characters with valid check digits, numeric or alphanumeric (Manual §1.4.2).
    Cnpj,
    /// E-mail address (Manual §1.4.1).
    Email,
    /// Mobile phone `+55` + area code + number (Manual §1.4.3).
    Telefone,
    /// Random key (EVP), a UUID with its hyphens (Manual §1.4.4).
    Evp,
}

impl ChaveTipo {
    /// The snake_case name (`cpf`, `cnpj`, `email`, `telefone`, `evp`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChaveTipo::Cpf => "cpf",
            ChaveTipo::Cnpj => "cnpj",
            ChaveTipo::Email => "email",
            ChaveTipo::Telefone => "telefone",
            ChaveTipo::Evp => "evp",
        }
    }
}

/// Check a PIX key and tell its type.
///
/// Rules (Manual §1.4, "segue estritamente as regras definidas no Manual Operacional do DICT"):
/// CPF = 11 digits with the Receita's módulo 11 check digits; CNPJ = 14 characters, the first
/// 12 digits or uppercase letters (CNPJ alfanumérico, IN RFB 2.229/2024: each character is
/// worth its ASCII code − 48) and 2 check digits; e-mail = `local@domain.tld` without spaces,
/// at most 77 characters; phone = `+55`, a 2-digit area code not starting with 0, and an 8- or
/// 9-digit number; random key = UUID `8-4-4-4-12` hex digits.
///
/// ```
/// use boleto::pix::{chave_tipo, ChaveTipo};
/// assert_eq!(chave_tipo("00038166000105"), Ok(ChaveTipo::Cnpj)); // BCB, Manual §1.4.2
/// assert_eq!(chave_tipo("+5561912345678"), Ok(ChaveTipo::Telefone)); // Manual §1.4.3
/// assert!(chave_tipo("12345678900").is_err()); // Manual §1.4.2 sample: check digits are 09
/// ```
///
/// # Errors
/// [`PixError::Invalid`] on tag `26-01` saying which rule failed.
pub fn chave_tipo(chave: &str) -> Result<ChaveTipo, PixError> {
    const TAG: &str = "26-01";
    let bad = |m: String| invalid(TAG, "chave", m);
    if chave.chars().count() > 77 {
        return Err(PixError::TooLong {
            tag: TAG.into(),
            field: "chave",
            max: 77,
            found: chave.chars().count(),
        });
    }
    let b = chave.as_bytes();
    if let Some(rest) = chave.strip_prefix('+') {
        let Some(num) = rest.strip_prefix("55") else {
            return Err(bad(format!("phone {chave:?}: must start with +55")));
        };
        let ok = (10..=11).contains(&num.len())
            && num.bytes().all(|c| c.is_ascii_digit())
            && !num.starts_with('0');
        return if ok {
            Ok(ChaveTipo::Telefone)
        } else {
            Err(bad(format!(
                "phone {chave:?}: expected +55, a 2-digit area code and an 8- or 9-digit number"
            )))
        };
    }
    if chave.contains('@') {
        return check_email(chave).map(|()| ChaveTipo::Email).map_err(bad);
    }
    if b.len() == 36 && b.get(8) == Some(&b'-') {
        let ok = b.iter().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
        return if ok {
            Ok(ChaveTipo::Evp)
        } else {
            Err(bad(format!(
                "random key {chave:?}: expected a UUID, 8-4-4-4-12 hex digits"
            )))
        };
    }
    if b.len() == 11 && b.iter().all(u8::is_ascii_digit) {
        let (expected, found) = cpf_dv(chave);
        return if expected == found {
            Ok(ChaveTipo::Cpf)
        } else {
            Err(bad(format!(
                "CPF {chave}: check digits expected {expected}, found {found}"
            )))
        };
    }
    if b.len() == 14
        && b.iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return match cnpj_dv(chave) {
            Some((expected, found)) if expected == found => Ok(ChaveTipo::Cnpj),
            Some((expected, found)) => Err(bad(format!(
                "CNPJ {chave}: check digits expected {expected}, found {found}"
            ))),
            None => Err(bad(format!(
                "CNPJ {chave}: the two check digits must be digits"
            ))),
        };
    }
    Err(bad(format!(
        "{chave:?} is not a CPF (11 digits), CNPJ (14), e-mail, +55 phone or random key (UUID)"
    )))
}

fn check_email(s: &str) -> Result<(), String> {
    let Some((local, domain)) = s.split_once('@') else {
        return Err(format!("e-mail {s:?}: no @"));
    };
    if local.is_empty() || domain.contains('@') {
        return Err(format!(
            "e-mail {s:?}: expected exactly one @ after a local part"
        ));
    }
    if let Some(c) = s.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(format!("e-mail {s:?}: character {c:?} not allowed"));
    }
    let labels_ok = domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty());
    if !labels_ok {
        return Err(format!(
            "e-mail {s:?}: the domain must have a dot between non-empty labels"
        ));
    }
    Ok(())
}

/// Receita Federal CPF check digits: (computed, present).
fn cpf_dv(cpf: &str) -> (String, String) {
    let d: Vec<u32> = cpf.bytes().map(|c| u32::from(c - b'0')).collect();
    let dv = |n: usize| {
        let s: u32 = d
            .iter()
            .take(n)
            .zip((2..=n as u32 + 1).rev())
            .map(|(a, w)| a * w)
            .sum();
        let r = s * 10 % 11;
        if r == 10 {
            0
        } else {
            r
        }
    };
    let d1 = dv(9);
    let d2 = {
        let s: u32 = d
            .iter()
            .take(9)
            .chain(std::iter::once(&d1))
            .zip((2..=11).rev())
            .map(|(a, w)| a * w)
            .sum();
        let r = s * 10 % 11;
        if r == 10 {
            0
        } else {
            r
        }
    };
    (
        format!("{d1}{d2}"),
        cpf.get(9..).unwrap_or_default().to_string(),
    )
}

/// CNPJ check digits, numeric or alphanumeric (value = ASCII − 48): (computed, present), or
/// `None` when the last two characters are not digits.
fn cnpj_dv(cnpj: &str) -> Option<(String, String)> {
    let found = cnpj.get(12..)?;
    if !found.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: Vec<u32> = cnpj.bytes().map(|c| u32::from(c) - 48).collect();
    let dv = |vals: &[u32]| {
        // weights 2..9 from the right, cycling
        let s: u32 = vals
            .iter()
            .rev()
            .zip((2..=9).cycle())
            .map(|(a, w)| a * w)
            .sum();
        let r = s % 11;
        if r < 2 {
            0
        } else {
            11 - r
        }
    };
    let mut first12: Vec<u32> = v.iter().take(12).copied().collect();
    let d1 = dv(&first12);
    first12.push(d1);
    let d2 = dv(&first12);
    Some((format!("{d1}{d2}"), found.to_string()))
}

/// A data object the module keeps without interpreting: its tag path (`80`, `26-04`, `62-07`)
/// and value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tag {
    /// `ID` at the root, `ID-SUBID` inside a template.
    pub id: String,
    /// The value as in the payload.
    pub value: String,
}

/// A validated PIX BR Code ("Pix Copia e Cola" payload). `Display` and serde give the payload
/// string as it was parsed or built; `FromStr` parses and checks it (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BrCode {
    payload: String,
    iniciacao: Option<String>,
    chave: Option<String>,
    chave_tipo: Option<ChaveTipo>,
    descricao: Option<String>,
    pss: Option<String>,
    url: Option<String>,
    mcc: String,
    valor: Option<Decimal>,
    nome: String,
    cidade: String,
    cep: Option<String>,
    txid: Option<String>,
    outros: Vec<Tag>,
}

impl BrCode {
    /// Start a static payload for a PIX key (Manual §1.5).
    pub fn estatico(
        chave: impl Into<String>,
        nome: impl Into<String>,
        cidade: impl Into<String>,
    ) -> BrCodeBuilder {
        BrCodeBuilder::new(Conta::Chave(chave.into()), nome.into(), cidade.into())
    }

    /// Start a dynamic payload for a location URL without protocol prefix (Manual §1.6.2–1.6.3).
    pub fn dinamico(
        url: impl Into<String>,
        nome: impl Into<String>,
        cidade: impl Into<String>,
    ) -> BrCodeBuilder {
        BrCodeBuilder::new(Conta::Url(url.into()), nome.into(), cidade.into())
    }

    /// Parse and check a payload.
    ///
    /// # Errors
    /// The first problem found: broken TLV structure ([`PixError::Syntax`]), wrong CRC
    /// ([`PixError::Crc`]), then field by field in payload order.
    pub fn parse(s: &str) -> Result<BrCode, PixError> {
        parse(s)
    }

    /// The payload string.
    pub fn as_str(&self) -> &str {
        &self.payload
    }

    /// `true` for a dynamic payload (it has a URL, tag 26-25).
    pub fn is_dinamico(&self) -> bool {
        self.url.is_some()
    }

    /// Tag 01 as given: `Some("11")`, `Some("12")` or `None` when absent.
    pub fn iniciacao(&self) -> Option<&str> {
        self.iniciacao.as_deref()
    }

    /// `true` when tag 01 is `12`: the payload must not be paid more than once (Manual §1.6.7).
    pub fn unico(&self) -> bool {
        self.iniciacao.as_deref() == Some("12")
    }

    /// The PIX key (26-01), static payloads.
    pub fn chave(&self) -> Option<&str> {
        self.chave.as_deref()
    }

    /// The PIX key's type.
    pub fn chave_tipo(&self) -> Option<ChaveTipo> {
        self.chave_tipo
    }

    /// infoAdicional (26-02), the free text shown to the payer.
    pub fn descricao(&self) -> Option<&str> {
        self.descricao.as_deref()
    }

    /// pss (26-03), ISPB of the withdrawal facilitator (Pix Saque).
    pub fn pss(&self) -> Option<&str> {
        self.pss.as_deref()
    }

    /// The location URL (26-25), dynamic payloads.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Merchant Category Code (52).
    pub fn mcc(&self) -> &str {
        &self.mcc
    }

    /// The amount (54), if the payload fixes one.
    pub fn valor(&self) -> Option<Decimal> {
        self.valor
    }

    /// Merchant Name (59).
    pub fn nome(&self) -> &str {
        &self.nome
    }

    /// Merchant City (60).
    pub fn cidade(&self) -> &str {
        &self.cidade
    }

    /// Postal Code (61).
    pub fn cep(&self) -> Option<&str> {
        self.cep.as_deref()
    }

    /// The txid (62-05); `None` when it is `***` (no txid).
    pub fn txid(&self) -> Option<&str> {
        self.txid.as_deref()
    }

    /// Data objects kept without interpretation, in payload order.
    pub fn outros(&self) -> &[Tag] {
        &self.outros
    }
}

impl fmt::Display for BrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.payload)
    }
}

impl FromStr for BrCode {
    type Err = PixError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl Serialize for BrCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.payload)
    }
}

impl<'de> Deserialize<'de> for BrCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Conta {
    Chave(String),
    Url(String),
}

/// Builder of a [`BrCode`]: [`BrCode::estatico`] or [`BrCode::dinamico`], then the optional
/// fields, then [`BrCodeBuilder::build`].
///
/// ```
/// use boleto::pix::BrCode;
/// let code = BrCode::estatico("+5561912345678", "FULANO DE TAL", "BRASILIA")
///     .valor("10.50".parse().unwrap())
///     .txid("PEDIDO123")
///     .build()
///     .unwrap();
/// assert_eq!(code.valor().map(|v| v.to_string()).as_deref(), Some("10.50"));
/// assert!(code.as_str().contains("540510.50"));
/// assert!(code.as_str().contains("62130509PEDIDO123"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrCodeBuilder {
    conta: Conta,
    nome: String,
    cidade: String,
    valor: Option<Decimal>,
    txid: Option<String>,
    descricao: Option<String>,
    cep: Option<String>,
    unico: bool,
}

impl BrCodeBuilder {
    fn new(conta: Conta, nome: String, cidade: String) -> Self {
        BrCodeBuilder {
            conta,
            nome,
            cidade,
            valor: None,
            txid: None,
            descricao: None,
            cep: None,
            unico: false,
        }
    }

    /// The amount (tag 54), written with two decimals. Static payloads only.
    pub fn valor(mut self, valor: Decimal) -> Self {
        self.valor = Some(valor);
        self
    }

    /// The txid (tag 62-05): up to 25 letters and digits. Static payloads only; absent = `***`.
    pub fn txid(mut self, txid: impl Into<String>) -> Self {
        self.txid = Some(txid.into());
        self
    }

    /// infoAdicional (tag 26-02). Static payloads only.
    pub fn descricao(mut self, descricao: impl Into<String>) -> Self {
        self.descricao = Some(descricao.into());
        self
    }

    /// Postal Code (tag 61).
    pub fn cep(mut self, cep: impl Into<String>) -> Self {
        self.cep = Some(cep.into());
        self
    }

    /// Write tag 01 = `12` (pay once only) instead of leaving tag 01 out.
    pub fn unico(mut self, unico: bool) -> Self {
        self.unico = unico;
        self
    }

    /// Assemble the payload, compute its CRC and check it as [`BrCode::parse`] does.
    ///
    /// # Errors
    /// Any field over its limit or with a bad value, with the tag it would go to; for a
    /// dynamic payload, an amount, txid or descrição given (Manual §1.6.2).
    pub fn build(&self) -> Result<BrCode, PixError> {
        let mut mai = tlv("26-00", "GUI", "00", GUI)?;
        match &self.conta {
            Conta::Chave(chave) => {
                chave_tipo(chave)?;
                mai.push_str(&tlv("26-01", "chave", "01", chave)?);
                if let Some(d) = &self.descricao {
                    max_len("26-02", "infoAdicional", d, 72)?;
                    mai.push_str(&tlv("26-02", "infoAdicional", "02", d)?);
                }
            }
            Conta::Url(url) => {
                let dynamic_only = |tag: &str, field: &'static str| {
                    invalid(
                        tag,
                        field,
                        "not allowed in a dynamic payload: the location URL gives it (Manual §1.6.2)",
                    )
                };
                if self.valor.is_some() {
                    return Err(dynamic_only("54", "valor"));
                }
                if self.txid.is_some() {
                    return Err(dynamic_only("62-05", "txid"));
                }
                if self.descricao.is_some() {
                    return Err(dynamic_only("26-02", "infoAdicional"));
                }
                max_len("26-25", "url", url, 77)?;
                mai.push_str(&tlv("26-25", "url", "25", url)?);
            }
        }
        let mut p = String::from("000201");
        if self.unico {
            p.push_str("010212");
        }
        p.push_str(&tlv("26", "merchant account information", "26", &mai)?);
        p.push_str("52040000");
        p.push_str("5303986");
        if let Some(v) = self.valor {
            p.push_str(&tlv("54", "valor", "54", &format_valor(v)?)?);
        }
        p.push_str("5802BR");
        p.push_str(&tlv("59", "nome", "59", &self.nome)?);
        p.push_str(&tlv("60", "cidade", "60", &self.cidade)?);
        if let Some(cep) = &self.cep {
            p.push_str(&tlv("61", "cep", "61", cep)?);
        }
        let txid = match self.txid.as_deref() {
            None | Some("") => "***",
            Some(t) => t,
        };
        let add = tlv("62-05", "txid", "05", txid)?;
        p.push_str(&tlv("62", "additional data field", "62", &add)?);
        p.push_str("6304");
        let crc = crc_hex(&p);
        p.push_str(&crc);
        parse(&p)
    }
}

/// The amount as tag 54 writes it: two decimals, dot as the decimal mark.
fn format_valor(v: Decimal) -> Result<String, PixError> {
    let bad = |m: &str| invalid("54", "valor", format!("{v}: {m}"));
    if v.is_sign_negative() || v.is_zero() {
        return Err(bad("must be greater than zero"));
    }
    if v.normalize().scale() > 2 {
        return Err(bad("more than 2 decimal places"));
    }
    let s = format!("{v:.2}");
    if s.chars().count() > 13 {
        return Err(PixError::TooLong {
            tag: "54".into(),
            field: "valor",
            max: 13,
            found: s.chars().count(),
        });
    }
    Ok(s)
}

/// `ID` + 2-digit length + value; values of 1 to 99 characters.
fn tlv(tag: &str, field: &'static str, id: &str, value: &str) -> Result<String, PixError> {
    let n = value.chars().count();
    if n == 0 {
        return Err(invalid(tag, field, "empty"));
    }
    if n > 99 {
        return Err(PixError::TooLong {
            tag: tag.into(),
            field,
            max: 99,
            found: n,
        });
    }
    Ok(format!("{id}{n:02}{value}"))
}

fn crc_hex(upto_6304: &str) -> String {
    format!("{:04X}", CRC16.checksum(upto_6304.as_bytes()))
}

/// One data object as found: ID, value, 1-based character position of the ID.
struct Obj<'a> {
    id: &'a str,
    value: &'a str,
    pos: usize,
}

/// Split `s` (which starts at character `base` of the payload, 1-based) into data objects.
fn objects<'a>(s: &'a str, base: usize, parent: Option<&str>) -> Result<Vec<Obj<'a>>, PixError> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut pos = base;
    let within = parent.map_or(String::new(), |p| format!(" inside tag {p}"));
    while !rest.is_empty() {
        let head: String = rest.chars().take(4).collect();
        let digits = |a: usize| {
            head.get(a..a + 2)
                .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))
        };
        if head.chars().count() < 4 {
            return Err(PixError::Syntax {
                position: pos,
                message: format!("{head:?}{within}: expected a 2-digit ID and a 2-digit length"),
            });
        }
        let Some(id) = rest
            .get(..2)
            .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))
        else {
            return Err(PixError::Syntax {
                position: pos,
                message: format!(
                    "ID {:?}{within} is not two digits",
                    head.chars().take(2).collect::<String>()
                ),
            });
        };
        let Some(len) = digits(2) else {
            return Err(PixError::Syntax {
                position: pos + 2,
                message: format!(
                    "tag {}: length {:?} is not two digits",
                    path(parent, id),
                    head.chars().skip(2).collect::<String>()
                ),
            });
        };
        let n: usize = len.parse().unwrap_or(0);
        if n == 0 {
            return Err(PixError::Syntax {
                position: pos + 2,
                message: format!("tag {}: length 00", path(parent, id)),
            });
        }
        let after = rest.get(4..).unwrap_or_default();
        let avail = after.chars().count();
        if avail < n {
            return Err(PixError::Syntax {
                position: pos + 4,
                message: format!(
                    "tag {}: length {n} but only {avail} characters remain",
                    path(parent, id)
                ),
            });
        }
        let end = after.char_indices().nth(n).map_or(after.len(), |(i, _)| i);
        let value = after.get(..end).unwrap_or_default();
        out.push(Obj { id, value, pos });
        pos += 4 + n;
        rest = after.get(end..).unwrap_or_default();
    }
    Ok(out)
}

fn path(parent: Option<&str>, id: &str) -> String {
    match parent {
        Some(p) => format!("{p}-{id}"),
        None => id.to_string(),
    }
}

fn max_len(tag: &str, field: &'static str, value: &str, max: usize) -> Result<(), PixError> {
    let n = value.chars().count();
    if n > max {
        return Err(PixError::TooLong {
            tag: tag.into(),
            field,
            max,
            found: n,
        });
    }
    Ok(())
}

fn no_control(tag: &str, field: &'static str, value: &str) -> Result<(), PixError> {
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return Err(invalid(tag, field, format!("control character {c:?}")));
    }
    Ok(())
}

/// Tag 54: digits, at most one `.`, at most 2 decimals (the Real's minor unit), not zero.
fn parse_valor(v: &str) -> Result<Decimal, PixError> {
    let bad = |m: &str| invalid("54", "valor", format!("{v:?}: {m}"));
    max_len("54", "valor", v, 13)?;
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if !int.bytes().chain(frac.bytes()).all(|c| c.is_ascii_digit()) {
        return Err(bad("only digits and one \".\" as the decimal mark"));
    }
    if int.is_empty() && frac.is_empty() {
        return Err(bad("no digits"));
    }
    if frac.len() > 2 {
        return Err(bad("more than 2 decimal places"));
    }
    let d: Decimal = format!(
        "{}.{}",
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "0" } else { frac }
    )
    .parse()
    .map_err(|_| bad("not a number"))?;
    if d.is_zero() {
        return Err(bad("must be greater than zero"));
    }
    // keep the scale as written ("10.5" → 10.5, "10.50" → 10.50)
    Ok(if frac.is_empty() { d.trunc() } else { d })
}

fn parse_txid(t: &str) -> Result<Option<String>, PixError> {
    if t == "***" {
        return Ok(None);
    }
    max_len("62-05", "txid", t, 25)?;
    if let Some(c) = t.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(invalid(
            "62-05",
            "txid",
            format!("character {c:?} not allowed: only a-z, A-Z, 0-9, or \"***\" for none (Manual §1.5.2)"),
        ));
    }
    Ok(Some(t.to_string()))
}

fn parse(s: &str) -> Result<BrCode, PixError> {
    let root = objects(s, 1, None)?;
    // 63 last, 4 characters, CRC over everything before its value
    let Some(last) = root.last().filter(|o| o.id == "63") else {
        return Err(PixError::Missing {
            tag: "63",
            field: "crc",
        });
    };
    let crc_start = s.len() - last.value.len();
    let expected = crc_hex(s.get(..crc_start).unwrap_or_default());
    if last.value.chars().count() != 4 || last.value != expected {
        return Err(PixError::Crc {
            expected,
            found: last.value.to_string(),
        });
    }

    // 00 first (EMV: "the Payload Format Indicator shall be the first data object")
    match root.first() {
        Some(o) if o.id == "00" => {
            if o.value != "01" {
                return Err(invalid(
                    "00",
                    "payload format indicator",
                    format!("expected \"01\", found {:?}", o.value),
                ));
            }
        }
        _ => {
            return Err(invalid(
                "00",
                "payload format indicator",
                "must be the first data object",
            ))
        }
    }
    let mut code = BrCode {
        payload: s.to_string(),
        iniciacao: None,
        chave: None,
        chave_tipo: None,
        descricao: None,
        pss: None,
        url: None,
        mcc: String::new(),
        valor: None,
        nome: String::new(),
        cidade: String::new(),
        cep: None,
        txid: None,
        outros: Vec::new(),
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut pix_mai = false;
    let mut other_gui: Option<(String, String)> = None;
    let mut has_62_05 = false;
    for o in &root {
        if seen.contains(&o.id) {
            return Err(PixError::Syntax {
                position: o.pos,
                message: format!("tag {} appears twice", o.id),
            });
        }
        seen.push(o.id);
        let v = o.value;
        match o.id {
            "00" | "63" => {}
            "01" => {
                if v != "11" && v != "12" {
                    return Err(invalid(
                        "01",
                        "point of initiation method",
                        format!("expected \"11\" or \"12\", found {v:?}"),
                    ));
                }
                code.iniciacao = Some(v.to_string());
            }
            id @ ("26" | "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36"
            | "37" | "38" | "39" | "40" | "41" | "42" | "43" | "44" | "45" | "46" | "47"
            | "48" | "49" | "50" | "51") => {
                let subs = objects(v, o.pos + 4, Some(id))?;
                let gui = subs.iter().find(|x| x.id == "00").map(|x| x.value);
                match gui {
                    Some(g) if g.eq_ignore_ascii_case(GUI) => {
                        if pix_mai {
                            return Err(PixError::Syntax {
                                position: o.pos,
                                message: format!(
                                    "tag {id}: a second merchant account template with GUI {GUI}"
                                ),
                            });
                        }
                        pix_mai = true;
                        read_pix_mai(id, &subs, &mut code)?;
                    }
                    other => {
                        if other_gui.is_none() {
                            other_gui = Some((format!("{id}-00"), other.unwrap_or("").to_string()));
                        }
                        code.outros.push(Tag {
                            id: id.to_string(),
                            value: v.to_string(),
                        });
                    }
                }
            }
            "52" => {
                if v.len() != 4 || !v.bytes().all(|c| c.is_ascii_digit()) {
                    return Err(invalid(
                        "52",
                        "merchant category code",
                        format!("expected 4 digits, found {v:?}"),
                    ));
                }
                code.mcc = v.to_string();
            }
            "53" => {
                if v != "986" {
                    return Err(invalid(
                        "53",
                        "moeda",
                        format!("expected \"986\" (R$), found {v:?}"),
                    ));
                }
            }
            "54" => code.valor = Some(parse_valor(v)?),
            "58" => {
                if v != "BR" {
                    return Err(invalid(
                        "58",
                        "country code",
                        format!("expected \"BR\", found {v:?}"),
                    ));
                }
            }
            "59" => {
                max_len("59", "nome", v, 25)?;
                no_control("59", "nome", v)?;
                code.nome = v.to_string();
            }
            "60" => {
                max_len("60", "cidade", v, 15)?;
                no_control("60", "cidade", v)?;
                code.cidade = v.to_string();
            }
            "61" => {
                max_len("61", "cep", v, 10)?;
                no_control("61", "cep", v)?;
                code.cep = Some(v.to_string());
            }
            "62" => {
                for x in objects(v, o.pos + 4, Some("62"))? {
                    if x.id == "05" {
                        if has_62_05 {
                            return Err(PixError::Syntax {
                                position: x.pos,
                                message: "tag 62-05 appears twice".into(),
                            });
                        }
                        has_62_05 = true;
                        code.txid = parse_txid(x.value)?;
                    } else {
                        code.outros.push(Tag {
                            id: format!("62-{}", x.id),
                            value: x.value.to_string(),
                        });
                    }
                }
            }
            id => code.outros.push(Tag {
                id: id.to_string(),
                value: v.to_string(),
            }),
        }
    }
    if !pix_mai {
        return Err(match other_gui {
            Some((tag, found)) => PixError::WrongGui { tag, found },
            None => PixError::Missing {
                tag: "26",
                field: "merchant account information",
            },
        });
    }
    let missing = |tag: &'static str, field: &'static str| PixError::Missing { tag, field };
    if !seen.contains(&"52") {
        return Err(missing("52", "merchant category code"));
    }
    if !seen.contains(&"53") {
        return Err(missing("53", "moeda"));
    }
    if !seen.contains(&"58") {
        return Err(missing("58", "country code"));
    }
    if !seen.contains(&"59") {
        return Err(missing("59", "nome"));
    }
    if !seen.contains(&"60") {
        return Err(missing("60", "cidade"));
    }
    if !has_62_05 {
        return Err(missing("62-05", "txid"));
    }
    Ok(code)
}

fn read_pix_mai(id: &str, subs: &[Obj<'_>], code: &mut BrCode) -> Result<(), PixError> {
    let mut seen: Vec<&str> = Vec::new();
    for x in subs {
        let tag = format!("{id}-{}", x.id);
        if seen.contains(&x.id) {
            return Err(PixError::Syntax {
                position: x.pos,
                message: format!("tag {tag} appears twice"),
            });
        }
        seen.push(x.id);
        let v = x.value;
        match x.id {
            "00" => {}
            "01" => {
                max_len(&tag, "chave", v, 77)?;
                code.chave_tipo = Some(chave_tipo(v).map_err(|e| retag(e, &tag))?);
                code.chave = Some(v.to_string());
            }
            "02" => {
                max_len(&tag, "infoAdicional", v, 72)?;
                no_control(&tag, "infoAdicional", v)?;
                code.descricao = Some(v.to_string());
            }
            "03" => {
                if v.len() != 8 || !v.bytes().all(|c| c.is_ascii_digit()) {
                    return Err(invalid(
                        &tag,
                        "pss",
                        format!("expected an 8-digit ISPB, found {v:?}"),
                    ));
                }
                code.pss = Some(v.to_string());
            }
            "25" => {
                max_len(&tag, "url", v, 77)?;
                no_control(&tag, "url", v)?;
                if let Some(c) = v.chars().find(|c| c.is_whitespace()) {
                    return Err(invalid(&tag, "url", format!("character {c:?} not allowed")));
                }
                let lower = v.to_ascii_lowercase();
                if lower.starts_with("http://") || lower.starts_with("https://") {
                    return Err(invalid(
                        &tag,
                        "url",
                        "must not include the protocol prefix (Manual §1.6.3)",
                    ));
                }
                code.url = Some(v.to_string());
            }
            _ => code.outros.push(Tag {
                id: tag,
                value: v.to_string(),
            }),
        }
    }
    match (code.chave.is_some(), code.url.is_some()) {
        (true, true) => Err(invalid(
            &format!("{id}-25"),
            "url",
            format!("a payload has either a chave ({id}-01, static) or a url ({id}-25, dynamic), not both"),
        )),
        (false, false) => Err(PixError::Missing {
            tag: "26-01",
            field: "chave (static) or 26-25 url (dynamic)",
        }),
        _ => Ok(()),
    }
}

/// Put the actual template ID on a chave error (the key may sit in 27-01 … 51-01).
fn retag(e: PixError, tag: &str) -> PixError {
    match e {
        PixError::Invalid { field, message, .. } => PixError::Invalid {
            tag: tag.to_string(),
            field,
            message,
        },
        PixError::TooLong {
            field, max, found, ..
        } => PixError::TooLong {
            tag: tag.to_string(),
            field,
            max,
            found,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_is_ccitt_false() {
        // the catalogue's check value for "123456789"
        assert_eq!(crc_hex("123456789"), "29B1");
    }

    #[test]
    fn cpf_and_cnpj_check_digits() {
        assert_eq!(cpf_dv("12345678909").0, "09");
        assert_eq!(
            cnpj_dv("00038166000105").map(|d| d.0).as_deref(),
            Some("05")
        );
        // Receita's published alphanumeric example 12.ABC.345/01DE-35
        assert_eq!(
            cnpj_dv("12ABC34501DE35").map(|d| d.0).as_deref(),
            Some("35")
        );
    }
}
