//! 085 Ailos (formerly Cecred).
//!
//! Source: brcobranca `ailos.rb` (and spec), laravel-boleto `Ailos.php`; cross-checked with
//! BoletoNetCore `BancoCecredCarteira1Tests`.
//!
//! Nosso número (17, no DV): conta(7) + conta DV(1) + sequencial(9).
//! Campo livre: convênio(6) + nosso número(17) + carteira(2, default `01`).
//! `conta_dv` when given; else módulo 11 of the conta (weights 9..2 from the right,
//! remainder; 10 → 0), as brcobranca computes it.

use crate::dv::{ch, mod11_rest};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Conta DV as brcobranca computes it.
///
/// ```
/// // brcobranca ailos_spec.rb: conta 1111111 → 9
/// assert_eq!(boleto::banks::ailos::dv_conta("1111111"), '9');
/// ```
pub fn dv_conta(conta: &str) -> char {
    let r = (11 - mod11_rest(conta, 2, 9)) % 11;
    if r == 10 {
        '0'
    } else {
        ch(r as u8)
    }
}

fn nn17(input: &BoletoInput) -> Result<String> {
    let conta = input.conta(7)?;
    let dv = match input.s(&input.conta_dv) {
        Some(d) => input.req("conta_dv", Some(d), 1)?,
        None => dv_conta(&conta).to_string(),
    };
    Ok(format!("{conta}{dv}{}", input.nn(9)?))
}

/// Nosso número for Ailos.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = nn17(input)?;
    Ok(NossoNumero {
        formatado: nn.clone(),
        numero: nn,
        dv: None,
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    // Ailos has no nosso número DV: the checks of `nn17` only.
    let mut d = Digits::new();
    input.conta_into(&mut d, 7)?;
    if let Some(dv) = input.s(&input.conta_dv) {
        input.req_into(&mut d, "conta_dv", Some(dv), 1)?;
    }
    input.nn_into(&mut d, 9)?;
    Ok(None)
}

/// Campo livre for Ailos.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let conv = input.req("convenio", input.beneficiario(), 6)?;
    super::checked(format!(
        "{conv}{}{}",
        nn17(input)?,
        input.carteira(2, Some("1"))?
    ))
}

/// Read an Ailos campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    Some(CampoLivreInfo::from_parts(
        &[
            ("convenio", s(0, 6)),
            ("nosso_numero", s(6, 23)),
            ("conta", s(6, 13)),
            ("conta_dv", s(13, 14)),
            ("sequencial", s(14, 23)),
            ("carteira", s(23, 25)),
        ],
        None,
    ))
}
