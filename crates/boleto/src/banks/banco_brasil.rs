//! 001 Banco do Brasil.
//!
//! Source: Banco do Brasil, *Especificações Técnicas para Confecção de Boleto de Cobrança do
//! Banco do Brasil*, Jan 2016 (laravel-boleto `manuais/BB/Especificacao_Boleto_Jan_2016.pdf`):
//! Anexo VII (convênio 4 posições), Anexo VIII (convênio 6), Anexo IX (convênio 7, acima de
//! 1.000.000), Anexo X (convênio 6 com nosso número livre de 17 posições, código "21"),
//! Anexo XI (DV do nosso número, módulo 11, pesos 9 a 2, resto 10 → "X").
//! Convênio of 8 digits with a 9-digit sequence follows brcobranca `banco_brasil.rb`.
//!
//! The layout is chosen by the length of `convenio` **as given** (keep its leading zeros):
//!
//! | convênio | nosso_numero | campo livre |
//! |---|---|---|
//! | 4 | up to 7 | convênio(4) + NN(7) + agência(4) + conta(8) + carteira(2) |
//! | 6 | up to 5 | convênio(6) + NN(5) + agência(4) + conta(8) + carteira(2) |
//! | 6 | 6 to 17 digits (carteira 16 or 18) | convênio(6) + NN(17) + `21` |
//! | 7 | up to 10 | `000000` + convênio(7) + NN(10) + carteira(2) |
//! | 8 | up to 9 | `000000` + convênio(8) + NN(9) + carteira(2) |
//!
//! The 11-digit nosso número (convênio 4/6) has a DV, printed `CCCCNNNNNNN-X`; the 17-digit
//! ones have none (manual Anexos IX and X).

use crate::dv::mod11_rest;
use crate::error::{BoletoError, Result};
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// DV of an 11-digit BB nosso número (convênio + sequence): Σ digits × weights 9..2 from
/// the right, remainder mod 11; 10 → `'X'`.
///
/// ```
/// // BB manual Jan 2016, Anexo XI: 05009401448-1
/// assert_eq!(boleto::banks::banco_brasil::dv_nosso_numero("05009401448"), '1');
/// ```
pub fn dv_nosso_numero(nn: &str) -> char {
    // weights 9..2 from the right are 11 − (2..9), so the remainder is (11 − r) mod 11
    let r = mod11_rest(nn, 2, 9);
    match (11 - r) % 11 {
        10 => 'X',
        d => crate::dv::ch(d as u8),
    }
}

enum Layout {
    Conv4,
    Conv6,
    Conv6Nn17,
    Conv7,
    Conv8,
}

/// The layout of the convênio given, the convênio and the nosso número's width.
fn layout_of(input: &BoletoInput) -> Result<(Layout, &str, usize)> {
    let conv = input.beneficiario().ok_or(BoletoError::MissingField {
        field: "convenio",
        bank: 1,
    })?;
    let raw_nn = input.nosso_numero.trim();
    let (l, nn_len) = match conv.len() {
        4 => (Layout::Conv4, 7),
        6 if raw_nn.len() > 5 => (Layout::Conv6Nn17, 17),
        6 => (Layout::Conv6, 5),
        7 => (Layout::Conv7, 10),
        8 => (Layout::Conv8, 9),
        n => {
            return Err(BoletoError::InvalidField {
                field: "convenio",
                message: format!("BB convênio has 4, 6, 7 or 8 digits, found {n}"),
            })
        }
    };
    Ok((l, conv, nn_len))
}

fn layout(input: &BoletoInput) -> Result<(Layout, String, String)> {
    let (l, conv, nn_len) = layout_of(input)?;
    let conv = input.req("convenio", Some(conv), conv.len())?;
    let nn = input.nn(nn_len)?;
    Ok((l, conv, nn))
}

/// Nosso número for BB.
///
/// # Errors
/// Missing/invalid convênio or nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let (l, conv, nn) = layout(input)?;
    Ok(match l {
        Layout::Conv4 | Layout::Conv6 => {
            let numero = format!("{conv}{nn}");
            let dv = dv_nosso_numero(&numero).to_string();
            NossoNumero {
                formatado: format!("{numero}-{dv}"),
                numero,
                dv: Some(dv),
            }
        }
        Layout::Conv6Nn17 => NossoNumero {
            numero: nn.clone(),
            dv: None,
            formatado: nn,
        },
        Layout::Conv7 | Layout::Conv8 => {
            let numero = format!("{conv}{nn}");
            NossoNumero {
                formatado: numero.clone(),
                numero,
                dv: None,
            }
        }
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let (l, conv, nn_len) = layout_of(input)?;
    let mut d = Digits::new();
    input.req_into(&mut d, "convenio", Some(conv), conv.len())?;
    input.nn_into(&mut d, nn_len)?;
    Ok(match l {
        Layout::Conv4 | Layout::Conv6 => Some(CheckDigit::char(dv_nosso_numero(d.as_str()))),
        Layout::Conv6Nn17 | Layout::Conv7 | Layout::Conv8 => None,
    })
}

/// Campo livre for BB.
///
/// # Errors
/// Missing/invalid fields; carteira other than 16/18 with a 17-digit nosso número.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let (l, conv, nn) = layout(input)?;
    let cl = match l {
        Layout::Conv4 | Layout::Conv6 => {
            format!(
                "{conv}{nn}{}{}{}",
                input.agencia(4)?,
                input.conta(8)?,
                input.carteira(2, None)?
            )
        }
        Layout::Conv6Nn17 => {
            let cart = input.carteira(2, Some("18"))?;
            if cart != "16" && cart != "18" {
                return Err(BoletoError::InvalidField {
                    field: "carteira",
                    message: format!(
                        "17-digit nosso número (serviço 21) needs carteira 16 or 18, found {cart}"
                    ),
                });
            }
            format!("{conv}{nn}21")
        }
        Layout::Conv7 | Layout::Conv8 => format!("000000{conv}{nn}{}", input.carteira(2, None)?),
    };
    super::checked(cl)
}

/// Read a BB campo livre. Convênio 7 and 8 layouts look alike (`000000` + 17-digit nosso
/// número + carteira): `nosso_numero` is the 17 digits and `convenio` the first 7.
/// Convênio 4 and 6 (5-digit sequence) look alike too: `nosso_numero` is the 11 digits and
/// the convênio is not split out.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    if s(0, 6) == "000000" {
        return Some(CampoLivreInfo::from_parts(
            &[
                ("convenio", s(6, 13)),
                ("nosso_numero", s(6, 23)),
                ("carteira", s(23, 25)),
            ],
            None,
        ));
    }
    if s(23, 25) == "21" {
        return Some(CampoLivreInfo::from_parts(
            &[
                ("convenio", s(0, 6)),
                ("nosso_numero", s(6, 23)),
                ("servico", "21"),
            ],
            None,
        ));
    }
    let nn = s(0, 11);
    let dv = dv_nosso_numero(nn).to_string();
    Some(CampoLivreInfo::from_parts(
        &[
            ("nosso_numero", nn),
            ("nosso_numero_dv", &dv),
            ("agencia", s(11, 15)),
            ("conta", s(15, 23)),
            ("carteira", s(23, 25)),
        ],
        None,
    ))
}
