//! Boleto arithmetic: barcode, linha digitável, arrecadação, fator de vencimento, and per
//! bank the campo livre and nosso número with its check digit(s).
//!
//! Pure computation, no I/O, no dependency on the other crates of the workspace.
//!
//! The two stable entry points:
//! - [`make`]: [`BoletoInput`] → [`BoletoOutput`] (what `cnab boleto make` prints);
//! - [`parse_any`]: any barcode / linha digitável / arrecadação code → [`Parsed`]
//!   (what `cnab boleto parse` prints).
//!
//! ```
//! use boleto::{make, parse_any_at, BoletoInput};
//! use chrono::NaiveDate;
//!
//! // Itaú, brcobranca itau_spec.rb
//! let mut input = BoletoInput::new(341, "00010152", "6757.87".parse().unwrap());
//! input.agencia = Some("1248".into());
//! input.conta = Some("02124".into());
//! input.carteira = Some("109".into());
//! input.vencimento = NaiveDate::from_ymd_opt(2029, 5, 20);
//! let out = make(&input).unwrap();
//! assert_eq!(out.linha_digitavel.to_string(), "34191.09008 01015.271248 80212.460002 4 25480000675787");
//! assert_eq!(out.nosso_numero, "109/00010152-7");
//!
//! let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
//! let p = parse_any_at(&out.linha_digitavel.to_string(), today).unwrap();
//! assert_eq!(p.vencimento, input.vencimento);
//! assert_eq!(p.parts.get("nosso_numero").map(String::as_str), Some("00010152"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod arrecadacao;
mod bank;
pub mod banks;
mod barcode;
pub mod dv;
mod error;
pub mod fator;
mod input;
pub mod pix;
mod text;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

pub use arrecadacao::Arrecadacao;
pub use bank::Bank;
pub use banks::many::NossoNumeroDvs;
pub use banks::{campo_livre, nosso_numero, nosso_numero_check_digit, parse_campo_livre};
pub use barcode::{valor_max_10, valor_max_14, Barcode, LinhaDigitavel};
pub use error::{BoletoError, Result};
pub use fator::{fator_vencimento, vencimento_from_fator, vencimento_from_fator_today};
pub use input::{BoletoInput, BoletoOutput, CampoLivreInfo, CheckDigit, NossoNumero, PixInput};
pub use pix::{BrCode, PixError};

/// Nosso número DV alone (`None` for layouts without one, e.g. BB convênio 7).
///
/// ```
/// let mut i = boleto::BoletoInput::new(237, "00000000525", rust_decimal::Decimal::ZERO);
/// i.carteira = Some("06".into());
/// assert_eq!(boleto::nosso_numero_dv(&i).unwrap().as_deref(), Some("P"));
/// ```
///
/// # Errors
/// As [`nosso_numero`].
pub fn nosso_numero_dv(input: &BoletoInput) -> Result<Option<String>> {
    Ok(nosso_numero_check_digit(input)?.map(|d| d.to_string()))
}

/// Build a boleto: nosso número with DV, campo livre, barcode, linha digitável.
///
/// Values above 99,999,999.99 follow the FEBRABAN rule (14-digit value over the fator
/// positions) and require `vencimento: None`; `vencimento: None` gives fator 0000.
///
/// # Errors
/// Unsupported bank, missing/invalid fields, invalid value or date.
pub fn make(input: &BoletoInput) -> Result<BoletoOutput> {
    let nn = nosso_numero(input)?;
    let cl = campo_livre(input)?;
    let barcode = Barcode::build(input.banco, input.vencimento, input.valor, &cl)?;
    let linha = barcode.linha_digitavel();
    let pix_payload = match &input.pix {
        Some(p) => Some(p.brcode(input.valor)?),
        None => None,
    };
    Ok(BoletoOutput {
        banco: input.banco,
        nosso_numero: nn.formatado,
        nosso_numero_dv: nn.dv,
        campo_livre: cl,
        // above 99,999,999.99 positions 6-9 carry value digits, not a fator
        fator_vencimento: if input.valor > valor_max_10() {
            0
        } else {
            barcode.fator_vencimento()
        },
        vencimento: input.vencimento,
        valor: input.valor,
        linha_digitavel_formatada: linha.to_string(),
        barcode,
        linha_digitavel: linha,
        pix_payload,
    })
}

/// Kind of code read by [`parse_any`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tipo {
    /// Bank boleto (cobrança): 44-digit barcode / 47-digit line.
    Cobranca,
    /// Arrecadação / convênio: starts with 8, 44-digit barcode / 48-digit line.
    Arrecadacao,
}

/// What [`parse_any`] returns. Serializes to the JSON `cnab boleto parse` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parsed {
    /// Cobrança or arrecadação.
    pub tipo: Tipo,
    /// The 44 barcode digits.
    pub barcode: String,
    /// The line, unformatted (47 or 48 digits).
    pub linha_digitavel: String,
    /// The line, formatted.
    pub linha_digitavel_formatada: String,
    /// Bank (cobrança only).
    pub banco: Option<Bank>,
    /// Bank name when known.
    pub banco_nome: Option<&'static str>,
    /// Amount (for arrecadação, only when the value identifier is 6 or 8). For a cobrança code
    /// whose positions 6-19 hold a 14-digit value (see [`ValorLido`]) this is that value.
    pub valor: Option<Decimal>,
    /// Fator de vencimento (cobrança only; 0 = no due date; `None` when positions 6-9 are the
    /// leading digits of a 14-digit value).
    pub fator_vencimento: Option<u16>,
    /// Due date, cycle chosen by FEBRABAN's window around the reference date.
    pub vencimento: Option<NaiveDate>,
    /// Campo livre (cobrança: positions 20-44; arrecadação: the free field after the company id).
    pub campo_livre: String,
    /// Whether the check digits inside the campo livre match (banks that have any).
    pub campo_livre_dv_ok: Option<bool>,
    /// Bank-specific parts of the campo livre (carteira, nosso_numero, agencia, …), or for
    /// arrecadação: segmento, identificador_valor, empresa.
    pub parts: BTreeMap<String, String>,
    /// What the reader had to decide about the code and could not prove (cobrança: how
    /// positions 6-19 were read, see [`ValorLido`]). Empty for ordinary codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub avisos: Vec<String>,
}

/// How positions 6-19 of a cobrança barcode were read.
///
/// FEBRABAN lets a value above 99,999,999.99 advance over the fator field (BB *Especificações
/// Técnicas para Confecção de Boleto de Cobrança*, Jan 2016, Anexo IV; see [`Barcode`]). The code
/// itself does not say which form it uses, so the reader decides by the fator's due date:
/// - fator 0000, or a fator with a due date inside FEBRABAN's window around the reference date
///   ([`vencimento_from_fator`]): fator + 10-digit value;
/// - fator 0001-0999 with no date in the window: those factors belong only to the first cycle
///   (1997-10-08 to 2000-07-02), and they are exactly what a value from 100,000,000.00 to
///   99,999,999,999.99 puts in positions 6-9 — read as a 14-digit value, no due date, and say so;
/// - fator 1000-9999 with no date in the window: either a boleto the banking network would
///   refuse that day or a value of 100,000,000,000.00 or more; the 10-digit value is returned
///   and the 14-digit reading is named in a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValorLido {
    /// Fator (positions 6-9) and a 10-digit value (positions 10-19).
    FatorEValor {
        /// The fator de vencimento.
        fator: u16,
        /// The value.
        valor: Decimal,
        /// Whether positions 6-19 could also be a 14-digit value (the fator has no due date in
        /// the window).
        ambiguo: bool,
    },
    /// A 14-digit value (positions 6-19) without due date.
    Valor14(Decimal),
}

impl ValorLido {
    /// Reads positions 6-19 of `b` by the rule in the type's docs.
    pub fn of(b: &Barcode, reference: NaiveDate) -> ValorLido {
        let fator = b.fator_vencimento();
        let sem_data = fator != 0 && b.vencimento_at(reference).is_none();
        if sem_data && fator < 1000 {
            ValorLido::Valor14(b.valor_14())
        } else {
            ValorLido::FatorEValor {
                fator,
                valor: b.valor(),
                ambiguo: sem_data,
            }
        }
    }
}

/// Parse any code: 44-digit barcode, 47-digit linha digitável, 48-digit arrecadação line or
/// 44-digit arrecadação barcode (starting with 8), formatted or not. The due date is resolved
/// with today's date as the reference (see [`parse_any_at`]).
///
/// # Errors
/// Wrong length, non-digit, any check digit.
pub fn parse_any(code: &str) -> Result<Parsed> {
    parse_any_at(code, fator::today())
}

/// [`parse_any`] with an explicit reference date for choosing the fator's cycle.
///
/// ```
/// use chrono::NaiveDate;
/// let r = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
/// // BoletoNetCore BancoBradescoCarteira09 vector
/// let p = boleto::parse_any_at("23791.23405 90000.000043 53012.345608 1 69040000014150", r).unwrap();
/// assert_eq!(p.banco.unwrap().code(), 237);
/// assert_eq!(p.valor.unwrap().to_string(), "141.50");
/// assert_eq!(p.vencimento, NaiveDate::from_ymd_opt(2016, 9, 1));
/// assert_eq!(p.parts["nosso_numero_dv"], "P");
/// ```
///
/// # Errors
/// As [`parse_any`].
pub fn parse_any_at(code: &str, reference: NaiveDate) -> Result<Parsed> {
    let digits = text::only_digits(code)?;
    // A 44-digit code starting with 8 is arrecadação, unless it only checks as a bank
    // barcode (bank codes 800-899).
    let as_bank = digits.len() == 44
        && digits.starts_with('8')
        && Arrecadacao::parse(&digits).is_err()
        && Barcode::parse(&digits).is_ok();
    match (digits.len(), digits.starts_with('8') && !as_bank) {
        (48, _) | (44, true) => {
            let a = Arrecadacao::parse(&digits)?;
            let parts = BTreeMap::from([
                ("segmento".to_string(), a.segmento().to_string()),
                (
                    "identificador_valor".to_string(),
                    a.identificador_valor().to_string(),
                ),
                ("empresa".to_string(), a.empresa().to_string()),
                ("valor_campo".to_string(), a.valor_campo().to_string()),
            ]);
            Ok(Parsed {
                tipo: Tipo::Arrecadacao,
                barcode: a.as_str().to_string(),
                linha_digitavel: a.linha_digitavel(),
                linha_digitavel_formatada: a.linha_digitavel_formatada(),
                banco: None,
                banco_nome: None,
                valor: a.valor(),
                fator_vencimento: None,
                vencimento: None,
                campo_livre: a.campo_livre().to_string(),
                campo_livre_dv_ok: None,
                parts,
                avisos: Vec::new(),
            })
        }
        (44, false) | (47, _) => {
            let b = if digits.len() == 44 {
                Barcode::parse(&digits)?
            } else {
                LinhaDigitavel::parse(&digits)?.barcode()
            };
            let l = b.linha_digitavel();
            let info = parse_campo_livre(b.banco().code(), b.campo_livre());
            let mut avisos = Vec::new();
            let (valor, fator_vencimento, vencimento) = match ValorLido::of(&b, reference) {
                ValorLido::Valor14(v) => {
                    avisos.push(format!(
                        "positions 6-9 ({:04}) are no fator with a due date near {reference}: read as \
                         the leading digits of a 14-digit value (6-19), {v}, no due date (FEBRABAN: \
                         values above 99,999,999.99 advance over the fator)",
                        b.fator_vencimento()
                    ));
                    (v, None, None)
                }
                ValorLido::FatorEValor {
                    fator,
                    valor,
                    ambiguo,
                } => {
                    if ambiguo {
                        avisos.push(format!(
                            "fator {fator:04} has no due date within FEBRABAN's window around \
                             {reference}; read as fator + 10-digit value {valor}, but as a 14-digit \
                             value positions 6-19 would be {}",
                            b.valor_14()
                        ));
                    }
                    (valor, Some(fator), b.vencimento_at(reference))
                }
            };
            Ok(Parsed {
                tipo: Tipo::Cobranca,
                barcode: b.as_str().to_string(),
                linha_digitavel: l.as_str().to_string(),
                linha_digitavel_formatada: l.to_string(),
                banco: Some(b.banco()),
                banco_nome: b.banco().name(),
                valor: Some(valor),
                fator_vencimento,
                vencimento,
                campo_livre: b.campo_livre().to_string(),
                campo_livre_dv_ok: info.as_ref().and_then(|i| i.dv_ok),
                parts: info.map(|i| i.parts).unwrap_or_default(),
                avisos,
            })
        }
        (n, _) => Err(BoletoError::WrongLength {
            what: "code",
            expected: "44, 47 or 48",
            found: n,
        }),
    }
}
