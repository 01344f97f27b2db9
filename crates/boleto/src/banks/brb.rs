//! 070 BRB — Banco de Brasília.
//!
//! Source: brcobranca `banco_brasilia.rb` (and spec).
//!
//! Campo livre ("chave ASBACE"): incremento(3, `incremento`, default `000`) + agência(3) +
//! conta(7) + carteira(1, 1 = sem registro, 2 = registrada; default 2) + nosso número(6) +
//! `070` + duplo dígito (two DVs, [`crate::dv::duplo_digito`]) of the 23 preceding digits.
//! Printed nosso número: carteira + nosso número + `070` + the two DVs (12 digits).

use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

use super::banrisul::nc;

fn body(input: &BoletoInput) -> Result<String> {
    Ok(format!(
        "{}{}{}{}{}070",
        input.opt("incremento", input.s(&input.incremento), 3, "000")?,
        input.agencia(3)?,
        input.conta(7)?,
        input.carteira(1, Some("2"))?,
        input.nn(6)?
    ))
}

/// Nosso número for BRB.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let b = body(input)?;
    let dv = nc(&b);
    let formatado = format!("{}{dv}", sub(&b, 13, 23));
    Ok(NossoNumero {
        formatado,
        numero: sub(&b, 14, 20).to_string(),
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.opt_into(&mut d, "incremento", input.s(&input.incremento), 3, "000")?;
    input.agencia_into(&mut d, 3)?;
    input.conta_into(&mut d, 7)?;
    input.carteira_into(&mut d, 1, Some("2"))?;
    input.nn_into(&mut d, 6)?;
    d.push_bytes(b"070")?;
    Ok(CheckDigit::text(&nc(d.as_str())))
}

/// Campo livre for BRB.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let b = body(input)?;
    let dv = nc(&b);
    super::checked(format!("{b}{dv}"))
}

/// Read a BRB campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = nc(s(0, 23)) == s(23, 25) && s(20, 23) == "070";
    Some(CampoLivreInfo::from_parts(
        &[
            ("incremento", s(0, 3)),
            ("agencia", s(3, 6)),
            ("conta", s(6, 13)),
            ("carteira", s(13, 14)),
            ("nosso_numero", s(14, 20)),
            ("nosso_numero_dv", s(23, 25)),
        ],
        Some(ok),
    ))
}
