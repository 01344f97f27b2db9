//! `BoletoInput` (what `make` takes), `BoletoOutput` (what it gives), `NossoNumero` and
//! `CampoLivreInfo` (what campo-livre decoding gives).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::barcode::{Barcode, LinhaDigitavel};
use crate::error::{BoletoError, Result};
use crate::text::{pad, Digits};

/// Everything needed to issue a boleto. Deserializes from JSON with these snake_case keys
/// (unknown keys are rejected); numbers-as-text fields are strings and are zero-padded to
/// the width each bank needs (too long is an error).
///
/// | key | meaning |
/// |---|---|
/// | `banco` | bank code, `"341"` or `341` (required) |
/// | `agencia`, `agencia_dv` | branch and its check digit |
/// | `conta`, `conta_dv` | account and its check digit |
/// | `carteira` | carteira / modalidade code as the bank prints it (HSBC: `CNR` or `CSB`, the default) |
/// | `convenio` | agreement number (BB convênio, Ailos convênio, CrediSIS convênio, Citibank conta cosmos) |
/// | `codigo_beneficiario` | beneficiary code (Santander, Caixa, Sicredi, Sicoob, Banrisul, Itaú código do cliente, Inter operação, C6 código do cliente, Fibra/Pine/Rendimento/Daycoval operação); falls back to `convenio` |
/// | `nosso_numero` | the title number, without its check digit (required) |
/// | `valor` | amount, decimal (`"123.45"` or `123.45`; required) |
/// | `vencimento` | due date `YYYY-MM-DD`; absent/null = no due date (fator 0000) |
/// | `posto`, `byte`, `ano` | Sicredi: posto (2), byte de geração (1), year of issue (2 digits) |
/// | `modalidade`, `parcela` | Sicoob: modalidade (2, default `01`), parcela (3, default `001`); Banestes: variação (1, default `2`); `variacao` is accepted as an alias of `modalidade` |
/// | `emissao` | Caixa: emission id (default `4`, beneficiário) |
/// | `seu_numero` | Itaú special carteiras (107, 122, 142, 143, 196, 198): seu número (7) |
/// | `iof` | Santander: IOF digit (default `0`; 7 for seguradoras) |
/// | `incremento` | BRB: nosso número increment (3, default `000`) |
/// | `documento_beneficiario` | CrediSIS: the beneficiário's CPF/CNPJ (digits; its módulo 11 DV goes into the barcode) |
/// | `portfolio` | Citibank: portfolio (3) |
/// | `pix` | boleto híbrido: `{"chave", "nome", "cidade", "txid"?}` → `pix_payload`, a static BR Code for `valor` (see [`crate::pix`]) |
///
/// ```
/// let input: boleto::BoletoInput = serde_json::from_str(r#"{
///     "banco": "237", "agencia": "1172", "conta": "0403005", "carteira": "06",
///     "nosso_numero": "75896452", "valor": "2952.95", "vencimento": "2009-04-30"
/// }"#).unwrap();
/// let out = boleto::make(&input).unwrap();
/// assert_eq!(out.barcode.as_str(), "23795422300002952951172060007589645204030050");
/// assert_eq!(out.nosso_numero, "06/00075896452-5");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoletoInput {
    /// Bank code.
    pub banco: Bank,
    /// Branch (agência), without DV.
    #[serde(default)]
    pub agencia: Option<String>,
    /// Branch check digit.
    #[serde(default)]
    pub agencia_dv: Option<String>,
    /// Account (conta), without DV.
    #[serde(default)]
    pub conta: Option<String>,
    /// Account check digit.
    #[serde(default)]
    pub conta_dv: Option<String>,
    /// Carteira.
    #[serde(default)]
    pub carteira: Option<String>,
    /// Convênio.
    #[serde(default)]
    pub convenio: Option<String>,
    /// Código do beneficiário (cedente).
    #[serde(default)]
    pub codigo_beneficiario: Option<String>,
    /// Nosso número, without DV.
    pub nosso_numero: String,
    /// Amount.
    pub valor: Decimal,
    /// Due date (None = no due date).
    #[serde(default)]
    pub vencimento: Option<NaiveDate>,
    /// Sicredi posto.
    #[serde(default)]
    pub posto: Option<String>,
    /// Sicredi byte de geração.
    #[serde(default)]
    pub byte: Option<String>,
    /// Sicoob modalidade.
    #[serde(default)]
    pub modalidade: Option<String>,
    /// Alias of `modalidade` (brcobranca's name).
    #[serde(default)]
    pub variacao: Option<String>,
    /// Sicredi year (2 digits).
    #[serde(default)]
    pub ano: Option<String>,
    /// Sicoob parcela.
    #[serde(default)]
    pub parcela: Option<String>,
    /// Caixa emissão.
    #[serde(default)]
    pub emissao: Option<String>,
    /// Itaú seu número.
    #[serde(default)]
    pub seu_numero: Option<String>,
    /// Santander IOF.
    #[serde(default)]
    pub iof: Option<String>,
    /// BRB incremento.
    #[serde(default)]
    pub incremento: Option<String>,
    /// CrediSIS: the beneficiário's CPF/CNPJ.
    #[serde(default)]
    pub documento_beneficiario: Option<String>,
    /// Citibank portfolio.
    #[serde(default)]
    pub portfolio: Option<String>,
    /// PIX data for the QR code of a boleto híbrido.
    #[serde(default)]
    pub pix: Option<PixInput>,
}

/// PIX data of a boleto híbrido: `make` returns a static BR Code for the boleto's amount
/// (`pix_payload`). Unknown keys are rejected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PixInput {
    /// The beneficiário's PIX key (CPF, CNPJ, e-mail, +55 phone or random key).
    pub chave: String,
    /// Merchant name (at most 25 characters).
    pub nome: String,
    /// Merchant city (at most 15 characters).
    pub cidade: String,
    /// Transaction id, up to 25 letters and digits (absent = `***`).
    #[serde(default)]
    pub txid: Option<String>,
}

impl PixInput {
    /// The static BR Code for `valor` (no amount when `valor` is zero).
    ///
    /// # Errors
    /// [`BoletoError::Pix`] with the tag and what is wrong.
    pub fn brcode(&self, valor: Decimal) -> Result<crate::pix::BrCode> {
        let mut b = crate::pix::BrCode::estatico(&self.chave, &self.nome, &self.cidade);
        if !valor.is_zero() {
            b = b.valor(valor);
        }
        if let Some(t) = &self.txid {
            b = b.txid(t);
        }
        b.build().map_err(BoletoError::Pix)
    }
}

fn nonempty(o: &Option<String>) -> Option<&str> {
    o.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl BoletoInput {
    /// A minimal input: bank, nosso número, value; everything else empty.
    pub fn new(banco: impl Into<Bank>, nosso_numero: impl Into<String>, valor: Decimal) -> Self {
        BoletoInput {
            banco: banco.into(),
            nosso_numero: nosso_numero.into(),
            valor,
            ..Default::default()
        }
    }

    pub(crate) fn code(&self) -> u16 {
        self.banco.code()
    }

    /// `codigo_beneficiario`, else `convenio`.
    pub(crate) fn beneficiario(&self) -> Option<&str> {
        nonempty(&self.codigo_beneficiario).or_else(|| nonempty(&self.convenio))
    }

    /// A required field, zero-padded to `len`.
    pub(crate) fn req(
        &self,
        field: &'static str,
        value: Option<&str>,
        len: usize,
    ) -> Result<String> {
        match value {
            Some(v) => pad(field, v, len),
            None => Err(BoletoError::MissingField {
                field,
                bank: self.code(),
            }),
        }
    }

    /// An optional field, zero-padded to `len`, or `default`.
    pub(crate) fn opt(
        &self,
        field: &'static str,
        value: Option<&str>,
        len: usize,
        default: &str,
    ) -> Result<String> {
        pad(field, value.unwrap_or(default), len)
    }

    pub(crate) fn agencia(&self, len: usize) -> Result<String> {
        self.req("agencia", nonempty(&self.agencia), len)
    }
    pub(crate) fn conta(&self, len: usize) -> Result<String> {
        self.req("conta", nonempty(&self.conta), len)
    }
    pub(crate) fn carteira(&self, len: usize, default: Option<&str>) -> Result<String> {
        match nonempty(&self.carteira).or(default) {
            Some(c) => pad("carteira", c, len),
            None => Err(BoletoError::MissingField {
                field: "carteira",
                bank: self.code(),
            }),
        }
    }
    pub(crate) fn nn(&self, len: usize) -> Result<String> {
        let v = self.nosso_numero.trim();
        if v.is_empty() {
            return Err(BoletoError::MissingField {
                field: "nosso_numero",
                bank: self.code(),
            });
        }
        pad("nosso_numero", v, len)
    }
    pub(crate) fn s<'a>(&self, o: &'a Option<String>) -> Option<&'a str> {
        nonempty(o)
    }

    // The same fields appended to a stack buffer, with the same checks and errors (for check digits computed
    // without building strings).

    /// [`BoletoInput::req`] into `d`.
    pub(crate) fn req_into(
        &self,
        d: &mut Digits,
        field: &'static str,
        value: Option<&str>,
        len: usize,
    ) -> Result<()> {
        match value {
            Some(v) => d.pad(field, v, len),
            None => Err(BoletoError::MissingField {
                field,
                bank: self.code(),
            }),
        }
    }
    /// [`BoletoInput::opt`] into `d`.
    pub(crate) fn opt_into(
        &self,
        d: &mut Digits,
        field: &'static str,
        value: Option<&str>,
        len: usize,
        default: &str,
    ) -> Result<()> {
        d.pad(field, value.unwrap_or(default), len)
    }
    /// [`BoletoInput::agencia`] into `d`.
    pub(crate) fn agencia_into(&self, d: &mut Digits, len: usize) -> Result<()> {
        self.req_into(d, "agencia", nonempty(&self.agencia), len)
    }
    /// [`BoletoInput::conta`] into `d`.
    pub(crate) fn conta_into(&self, d: &mut Digits, len: usize) -> Result<()> {
        self.req_into(d, "conta", nonempty(&self.conta), len)
    }
    /// [`BoletoInput::carteira`] into `d`.
    pub(crate) fn carteira_into(
        &self,
        d: &mut Digits,
        len: usize,
        default: Option<&str>,
    ) -> Result<()> {
        match nonempty(&self.carteira).or(default) {
            Some(c) => d.pad("carteira", c, len),
            None => Err(BoletoError::MissingField {
                field: "carteira",
                bank: self.code(),
            }),
        }
    }
    /// [`BoletoInput::nn`] into `d`.
    pub(crate) fn nn_into(&self, d: &mut Digits, len: usize) -> Result<()> {
        let v = self.nosso_numero.trim();
        if v.is_empty() {
            return Err(BoletoError::MissingField {
                field: "nosso_numero",
                bank: self.code(),
            });
        }
        d.pad("nosso_numero", v, len)
    }
}

/// A nosso número check digit as printed (`"7"`, Bradesco's `"P"`, BB's `"X"`, Banrisul's two digits, HSBC CNR's
/// three), held without allocating: what [`crate::nosso_numero_check_digit`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CheckDigit {
    bytes: [u8; 4],
    len: u8,
}

impl CheckDigit {
    /// One character (ASCII).
    pub(crate) fn char(c: char) -> Self {
        let mut bytes = [b'0'; 4];
        let len = if c.is_ascii() {
            if let Some(b) = bytes.first_mut() {
                *b = c as u8;
            }
            1
        } else {
            0
        };
        CheckDigit { bytes, len }
    }

    /// Up to four ASCII characters; `None` for anything else.
    pub(crate) fn text(s: &str) -> Option<Self> {
        let mut bytes = [b'0'; 4];
        bytes.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
        s.is_ascii().then_some(CheckDigit {
            bytes,
            len: s.len() as u8,
        })
    }

    /// The check digit(s) as text.
    pub fn as_str(&self) -> &str {
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl std::fmt::Display for CheckDigit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A nosso número as a bank wants it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NossoNumero {
    /// The digits the barcode / CNAB files carry (zero-padded, without DV; for Caixa the
    /// 17 digits including modalidade and emissão; for Sicredi ano+byte+sequencial).
    pub numero: String,
    /// The check digit(s), as printed (`"P"` for Bradesco, `"X"` for BB, two digits for
    /// Banrisul); `None` where the bank has none.
    pub dv: Option<String>,
    /// The nosso número as printed on the boleto (e.g. `"06/00000000525-P"`).
    pub formatado: String,
}

/// What [`crate::make`] returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoletoOutput {
    /// Bank.
    pub banco: Bank,
    /// Nosso número as printed on the boleto, with its DV (e.g. `"CC/NNNNNNNNNNN-D"`).
    pub nosso_numero: String,
    /// Nosso número DV alone (None for banks / layouts without one).
    pub nosso_numero_dv: Option<String>,
    /// The 25-digit campo livre.
    pub campo_livre: String,
    /// The 44-digit barcode.
    pub barcode: Barcode,
    /// The linha digitável (serialized as 47 digits).
    pub linha_digitavel: LinhaDigitavel,
    /// The linha digitável formatted with dots and spaces.
    pub linha_digitavel_formatada: String,
    /// Fator de vencimento (0 = no due date).
    pub fator_vencimento: u16,
    /// Due date as given.
    pub vencimento: Option<NaiveDate>,
    /// Amount.
    pub valor: Decimal,
    /// The BR Code of a boleto híbrido, when the input has `pix` (absent from the JSON otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pix_payload: Option<crate::pix::BrCode>,
}

/// What can be read back from a campo livre (see [`crate::parse_campo_livre`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CampoLivreInfo {
    /// Carteira (or modalidade / tipo de cobrança, per bank).
    pub carteira: Option<String>,
    /// Nosso número digits as in the barcode (no DV).
    pub nosso_numero: Option<String>,
    /// Nosso número DV when the barcode carries it.
    pub nosso_numero_dv: Option<String>,
    /// Agência.
    pub agencia: Option<String>,
    /// Conta.
    pub conta: Option<String>,
    /// Convênio / código do beneficiário.
    pub codigo_beneficiario: Option<String>,
    /// Whether the check digits inside the campo livre (where the bank has any) match.
    pub dv_ok: Option<bool>,
    /// Every named part, bank-specific (keys are `BoletoInput` key names where one exists).
    pub parts: BTreeMap<String, String>,
}

impl CampoLivreInfo {
    /// Build from named parts; the typed fields are filled from the common keys.
    pub(crate) fn from_parts(parts: &[(&str, &str)], dv_ok: Option<bool>) -> Self {
        let parts: BTreeMap<String, String> = parts
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        let g = |k: &str| parts.get(k).cloned();
        CampoLivreInfo {
            carteira: g("carteira"),
            nosso_numero: g("nosso_numero"),
            nosso_numero_dv: g("nosso_numero_dv"),
            agencia: g("agencia"),
            conta: g("conta"),
            codigo_beneficiario: g("codigo_beneficiario").or_else(|| g("convenio")),
            dv_ok,
            parts,
        }
    }
}
