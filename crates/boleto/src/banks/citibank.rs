//! 745 Citibank.
//!
//! Source: brcobranca `lib/brcobranca/boleto/citibank.rb` and its spec (vectors); no public
//! Citibank manual was found in the peer repositories.
//!
//! Campo livre: carteira(1, default `3`) + portfolio(3, `portfolio`, required) + conta
//! cosmos (`convenio` or `codigo_beneficiario`, 10 digits, of which the last 9 go in) +
//! nosso número(11) + DV. DV: módulo 11 (weights 2..9, 11 − r, 10 and 11 → 0).
//! Printed `NNNNNNNNNNN.D`.

use crate::dv::{ch, mod11_zero};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Citibank nosso número DV.
///
/// ```
/// // brcobranca citibank_spec.rb: 00000000001.9, 66660000003.7
/// assert_eq!(boleto::banks::citibank::dv_nosso_numero("00000000001"), '9');
/// assert_eq!(boleto::banks::citibank::dv_nosso_numero("66660000003"), '7');
/// ```
pub fn dv_nosso_numero(nn: &str) -> char {
    ch(mod11_zero(nn))
}

/// Nosso número for Citibank.
///
/// # Errors
/// Missing/invalid nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = input.nn(11)?;
    let dv = dv_nosso_numero(&nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{nn}.{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.nn_into(&mut d, 11)?;
    Ok(Some(CheckDigit::char(dv_nosso_numero(d.as_str()))))
}

/// Campo livre for Citibank.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let cart = input.carteira(1, Some("3"))?;
    let portfolio = input.req("portfolio", input.s(&input.portfolio), 3)?;
    let cosmos = input.req("convenio", input.beneficiario(), 10)?;
    let nn = input.nn(11)?;
    let dv = dv_nosso_numero(&nn);
    super::checked(format!("{cart}{portfolio}{}{nn}{dv}", sub(&cosmos, 1, 10)))
}

/// Read a Citibank campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = dv_nosso_numero(s(13, 24)) == crate::text::at(cl, 24);
    Some(CampoLivreInfo::from_parts(
        &[
            ("carteira", s(0, 1)),
            ("portfolio", s(1, 4)),
            ("convenio", s(4, 13)),
            ("nosso_numero", s(13, 24)),
            ("nosso_numero_dv", s(24, 25)),
        ],
        Some(ok),
    ))
}
