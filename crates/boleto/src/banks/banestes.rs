//! 021 Banestes.
//!
//! Source: brcobranca `lib/brcobranca/boleto/banestes.rb` and its spec (vectors); no public
//! Banestes manual was found in the peer repositories.
//!
//! Nosso número: 8 digits + two DVs: D1 = módulo 11 (weights 2..9, 11 − r, 10 and 11 → 0)
//! of the number, D2 = the same over number + D1. Printed `NNNNNNNN-DD`.
//!
//! Campo livre ("chave ASBACE"): nosso número(8) + conta(10) + conta DV(1, `conta_dv`,
//! required) + variação(1, `modalidade`/`variacao`, default `2`) + `021` + duplo dígito
//! (the Banrisul/BRB NC: módulo 10 then módulo 11 weights 2..7) of the preceding 23.

use crate::dv::{ch, duplo_digito, mod11_zero};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Banestes nosso número DVs (two digits).
///
/// ```
/// // brcobranca banestes_spec.rb: 69240101-68, 00000337-90
/// assert_eq!(boleto::banks::banestes::dv_nosso_numero("69240101"), "68");
/// assert_eq!(boleto::banks::banestes::dv_nosso_numero("00000337"), "90");
/// ```
pub fn dv_nosso_numero(nn: &str) -> String {
    let d1 = ch(mod11_zero(nn));
    let d2 = ch(mod11_zero(&format!("{nn}{d1}")));
    format!("{d1}{d2}")
}

fn duplo(s: &str) -> String {
    let (d1, d2) = duplo_digito(s);
    format!("{}{}", ch(d1), ch(d2))
}

/// Nosso número for Banestes.
///
/// # Errors
/// Missing/invalid nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = input.nn(8)?;
    let dv = dv_nosso_numero(&nn);
    Ok(NossoNumero {
        formatado: format!("{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.nn_into(&mut d, 8)?;
    let d1 = ch(mod11_zero(d.as_str()));
    d.push_bytes(&[d1 as u8])?;
    let d2 = ch(mod11_zero(d.as_str()));
    Ok(CheckDigit::text(&format!("{d1}{d2}")))
}

/// Campo livre for Banestes.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let nn = input.nn(8)?;
    let conta = input.conta(10)?;
    let conta_dv = input.req("conta_dv", input.s(&input.conta_dv), 1)?;
    let variacao = input.opt(
        "modalidade",
        input.s(&input.modalidade).or(input.s(&input.variacao)),
        1,
        "2",
    )?;
    let body = format!("{nn}{conta}{conta_dv}{variacao}021");
    let nc = duplo(&body);
    super::checked(format!("{body}{nc}"))
}

/// Read a Banestes campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = s(20, 23) == "021" && duplo(s(0, 23)) == s(23, 25);
    let nn_dv = dv_nosso_numero(s(0, 8));
    Some(CampoLivreInfo::from_parts(
        &[
            ("nosso_numero", s(0, 8)),
            ("nosso_numero_dv", &nn_dv),
            ("conta", s(8, 18)),
            ("conta_dv", s(18, 19)),
            ("modalidade", s(19, 20)),
            ("banco", s(20, 23)),
            ("duplo_digito", s(23, 25)),
        ],
        Some(ok),
    ))
}
