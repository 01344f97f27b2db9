//! 004 Banco do Nordeste (BNB).
//!
//! Source: brcobranca `banco_nordeste.rb` (and spec), laravel-boleto
//! `CalculoDV::bnbNossoNumero`.
//!
//! Campo livre: agência(4) + conta(7) + conta DV(1, `conta_dv`, required) + nosso número(7) +
//! DV + carteira(2, e.g. 21) + `000`. DV: módulo 11 with weights **2..8**, 11 − r, 10 and 11 → 0.
//! Printed `NNNNNNN-D`.

use crate::dv::{ch, mod11_rest};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// BNB nosso número DV.
///
/// ```
/// // brcobranca banco_nordeste_spec.rb: 0020572-9
/// assert_eq!(boleto::banks::bnb::dv_nosso_numero("0020572"), '9');
/// ```
pub fn dv_nosso_numero(nn: &str) -> char {
    let d = 11 - mod11_rest(nn, 2, 8);
    if d > 9 {
        '0'
    } else {
        ch(d as u8)
    }
}

/// Nosso número for BNB.
///
/// # Errors
/// Missing/invalid nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = input.nn(7)?;
    let dv = dv_nosso_numero(&nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.nn_into(&mut d, 7)?;
    Ok(Some(CheckDigit::char(dv_nosso_numero(d.as_str()))))
}

/// Campo livre for BNB.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let nn = input.nn(7)?;
    let dv = dv_nosso_numero(&nn);
    super::checked(format!(
        "{}{}{}{nn}{dv}{}000",
        input.agencia(4)?,
        input.conta(7)?,
        input.req("conta_dv", input.s(&input.conta_dv), 1)?,
        input.carteira(2, Some("21"))?
    ))
}

/// Read a BNB campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = dv_nosso_numero(s(12, 19)) == crate::text::at(cl, 19) && s(22, 25) == "000";
    Some(CampoLivreInfo::from_parts(
        &[
            ("agencia", s(0, 4)),
            ("conta", s(4, 11)),
            ("conta_dv", s(11, 12)),
            ("nosso_numero", s(12, 19)),
            ("nosso_numero_dv", s(19, 20)),
            ("carteira", s(20, 22)),
        ],
        Some(ok),
    ))
}
