//! 136 Unicred.
//!
//! Source: brcobranca `unicred.rb` (and spec), laravel-boleto `CalculoDV::unicredNossoNumero`.
//!
//! Campo livre: agência(4) + conta(9) + conta DV(1, `conta_dv`, required) + nosso número(10) +
//! DV. DV: módulo 11 (weights 2..9, 11 − r, 10 and 11 → 0). Printed `NNNNNNNNNN-D`.

use crate::dv::{ch, mod11_zero};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Unicred nosso número DV.
///
/// ```
/// // brcobranca unicred_spec.rb: 0000013871-1
/// assert_eq!(boleto::banks::unicred::dv_nosso_numero("0000013871"), '1');
/// ```
pub fn dv_nosso_numero(nn: &str) -> char {
    ch(mod11_zero(nn))
}

/// Nosso número for Unicred.
///
/// # Errors
/// Missing/invalid nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = input.nn(10)?;
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
    input.nn_into(&mut d, 10)?;
    Ok(Some(CheckDigit::char(dv_nosso_numero(d.as_str()))))
}

/// Campo livre for Unicred.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero(&nn);
    super::checked(format!(
        "{}{}{}{nn}{dv}",
        input.agencia(4)?,
        input.conta(9)?,
        input.req("conta_dv", input.s(&input.conta_dv), 1)?
    ))
}

/// Read a Unicred campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = dv_nosso_numero(s(14, 24)) == crate::text::at(cl, 24);
    Some(CampoLivreInfo::from_parts(
        &[
            ("agencia", s(0, 4)),
            ("conta", s(4, 13)),
            ("conta_dv", s(13, 14)),
            ("nosso_numero", s(14, 24)),
            ("nosso_numero_dv", s(24, 25)),
        ],
        Some(ok),
    ))
}
