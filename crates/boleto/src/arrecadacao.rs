//! Arrecadação / convênio codes (utility bills, taxes): 44-digit barcode starting with 8 and
//! its 48-digit linha digitável.
//!
//! Layout (FEBRABAN *Layout Padrão de Arrecadação/Recebimento com Utilização do Código de
//! Barras*, as implemented by @mrmgomes/boleto-utils):
//!
//! | pos | content |
//! |---|---|
//! | 1 | product, `8` |
//! | 2 | segment (1 prefeituras, 2 saneamento, 3 energia/gás, 4 telecom, 5 órgãos governamentais, 6 carnês/others (CNPJ), 7 multas de trânsito, 9 uso exclusivo do banco) |
//! | 3 | value identifier: 6 = effective value, mod 10; 7 = reference quantity, mod 10; 8 = effective value, mod 11; 9 = reference quantity, mod 11 |
//! | 4 | general DV (over the other 43 digits, with the modulus of pos 3) |
//! | 5-15 | value (11 digits, 2 decimals) |
//! | 16-19 | company/agency id (segment 6: 16-23 = CNPJ root, 8 digits) |
//! | 20-44 | free (24-44 for segment 6) |
//!
//! Linha digitável: the barcode in 4 blocks of 11 digits, each followed by its DV computed with
//! the same modulus → 48 digits, printed `XXXXXXXXXXX-D XXXXXXXXXXX-D XXXXXXXXXXX-D XXXXXXXXXXX-D`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::barcode::serde_as_digits;
use crate::dv::{ch, mod10, mod11_arrecadacao};
use crate::error::{BoletoError, Result};
use crate::text::{at, only_digits, sub};

const BLOCOS: [&str; 4] = ["bloco 1", "bloco 2", "bloco 3", "bloco 4"];

/// A validated arrecadação code, held as its 44-digit barcode.
///
/// ```
/// use boleto::Arrecadacao;
/// let a = Arrecadacao::build('8', '6', "00000001234", "0001", "0000000000000000000000001").unwrap();
/// let linha = a.linha_digitavel();
/// let back: Arrecadacao = linha.parse().unwrap();
/// assert_eq!(back, a);
/// assert_eq!(back.valor().unwrap().to_string(), "12.34");
/// assert_eq!(back.segmento(), 8);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Arrecadacao(String);

fn dv_for(id: char, s: &str) -> Result<u8> {
    match id {
        '6' | '7' => Ok(mod10(s)),
        '8' | '9' => Ok(mod11_arrecadacao(s)),
        c => Err(BoletoError::InvalidField {
            field: "identificador de valor (posição 3)",
            message: format!("expected 6, 7, 8 or 9, found {c:?}"),
        }),
    }
}

impl Arrecadacao {
    /// Build from segment, value identifier (6/7/8/9), value field (11 digits), company id
    /// (4 digits, or 8 for segment 6) and the free field (the rest: 25 or 21 digits),
    /// computing the general DV.
    ///
    /// # Errors
    /// Bad identifier or lengths.
    pub fn build(
        segmento: char,
        identificador: char,
        valor11: &str,
        empresa: &str,
        livre: &str,
    ) -> Result<Self> {
        let body = format!("{valor11}{empresa}{livre}");
        if body.len() != 40
            || !body.bytes().all(|b| b.is_ascii_digit())
            || !segmento.is_ascii_digit()
        {
            return Err(BoletoError::WrongLength {
                what: "arrecadação fields",
                expected: "40",
                found: body.len(),
            });
        }
        let head = format!("8{segmento}{identificador}");
        let dv = dv_for(identificador, &format!("{head}{body}"))?;
        Ok(Arrecadacao(format!("{head}{}{body}", ch(dv))))
    }

    /// Parse a 44-digit barcode or 48-digit line (formatted or not).
    ///
    /// # Errors
    /// Wrong length, non-digit, first digit not 8, bad value identifier, block DV, general DV.
    pub fn parse(s: &str) -> Result<Self> {
        let d = only_digits(s)?;
        let barcode = match d.len() {
            44 => d,
            48 => {
                let id = at(&d, 2);
                let mut b = String::with_capacity(44);
                for (i, field) in BLOCOS.iter().enumerate() {
                    let block = sub(&d, i * 12, i * 12 + 11);
                    let expected = ch(dv_for(id, block)?);
                    let found = at(&d, i * 12 + 11);
                    if expected != found {
                        return Err(BoletoError::CheckDigit {
                            field,
                            expected,
                            found,
                        });
                    }
                    b.push_str(block);
                }
                b
            }
            n => {
                return Err(BoletoError::WrongLength {
                    what: "arrecadação",
                    expected: "44 or 48",
                    found: n,
                });
            }
        };
        if at(&barcode, 0) != '8' {
            return Err(BoletoError::InvalidField {
                field: "produto (posição 1)",
                message: format!("arrecadação starts with 8, found {:?}", at(&barcode, 0)),
            });
        }
        let id = at(&barcode, 2);
        let expected = ch(dv_for(
            id,
            &format!("{}{}", sub(&barcode, 0, 3), sub(&barcode, 4, 44)),
        )?);
        let found = at(&barcode, 3);
        if expected != found {
            return Err(BoletoError::CheckDigit {
                field: "DV geral (posição 4)",
                expected,
                found,
            });
        }
        Ok(Arrecadacao(barcode))
    }

    /// The 44 barcode digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 48-digit line, unformatted.
    pub fn linha_digitavel(&self) -> String {
        let id = at(&self.0, 2);
        let mut out = String::with_capacity(48);
        for i in 0..4 {
            let block = sub(&self.0, i * 11, i * 11 + 11);
            out.push_str(block);
            out.push(ch(dv_for(id, block).unwrap_or(0)));
        }
        out
    }

    /// The 48-digit line, formatted `XXXXXXXXXXX-D XXXXXXXXXXX-D …`.
    pub fn linha_digitavel_formatada(&self) -> String {
        let l = self.linha_digitavel();
        (0..4)
            .map(|i| {
                format!(
                    "{}-{}",
                    sub(&l, i * 12, i * 12 + 11),
                    sub(&l, i * 12 + 11, i * 12 + 12)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Segment (position 2).
    pub fn segmento(&self) -> u8 {
        sub(&self.0, 1, 2).parse().unwrap_or(0)
    }

    /// Value identifier (position 3): 6/7 módulo 10, 8/9 módulo 11.
    pub fn identificador_valor(&self) -> u8 {
        sub(&self.0, 2, 3).parse().unwrap_or(0)
    }

    /// The 11-digit value field (positions 5-15).
    pub fn valor_campo(&self) -> &str {
        sub(&self.0, 4, 15)
    }

    /// The amount, when the identifier says it is an effective value (6 or 8).
    pub fn valor(&self) -> Option<Decimal> {
        match self.identificador_valor() {
            6 | 8 => Some(Decimal::new(self.valor_campo().parse().unwrap_or(0), 2)),
            _ => None,
        }
    }

    /// Company / agency id: positions 16-19, or 16-23 (CNPJ root) for segment 6.
    pub fn empresa(&self) -> &str {
        if self.segmento() == 6 {
            sub(&self.0, 15, 23)
        } else {
            sub(&self.0, 15, 19)
        }
    }

    /// The free field after the company id.
    pub fn campo_livre(&self) -> &str {
        if self.segmento() == 6 {
            sub(&self.0, 23, 44)
        } else {
            sub(&self.0, 19, 44)
        }
    }
}

impl fmt::Display for Arrecadacao {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.linha_digitavel_formatada())
    }
}

impl FromStr for Arrecadacao {
    type Err = BoletoError;
    fn from_str(s: &str) -> Result<Self> {
        Arrecadacao::parse(s)
    }
}

serde_as_digits!(Arrecadacao);
