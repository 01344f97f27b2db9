//! 077 Banco Inter.
//!
//! Source: BoletoNetCore `BancoInterCarteira110.cs` / `BancoInterCarteira112.cs` and their
//! tests (`BancoInterCarteira110Tests`), laravel-boleto `Inter.php`. Inter issues the nosso
//! número through its API; this module computes the layout for a given one.
//!
//! Campo livre: agência(4, default `0001`) + carteira(3, 110 or 112) + operação / código do
//! beneficiário(7) + nosso número(10) + DV. DV: módulo 10 of agência + carteira + nosso
//! número. Printed `AAAAD/CCC/NNNNNNNNNN-D` (agência DV only when given).

use crate::dv::{ch, mod10};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Inter nosso número DV.
///
/// ```
/// // BoletoNetCore BancoInterCarteira110Tests: 00019/110/0004309540-1
/// assert_eq!(boleto::banks::inter::dv_nosso_numero("0001", "110", "0004309540"), '1');
/// ```
pub fn dv_nosso_numero(agencia: &str, carteira: &str, nn: &str) -> char {
    ch(mod10(&format!("{agencia}{carteira}{nn}")))
}

fn agencia(input: &BoletoInput) -> Result<String> {
    input.opt("agencia", input.s(&input.agencia), 4, "0001")
}

/// Nosso número for Inter.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let ag = agencia(input)?;
    let cart = input.carteira(3, Some("112"))?;
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero(&ag, &cart, &nn).to_string();
    let agdv = input.s(&input.agencia_dv).unwrap_or("");
    Ok(NossoNumero {
        formatado: format!("{ag}{agdv}/{cart}/{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.opt_into(&mut d, "agencia", input.s(&input.agencia), 4, "0001")?;
    input.carteira_into(&mut d, 3, Some("112"))?;
    input.nn_into(&mut d, 10)?;
    Ok(Some(CheckDigit::char(ch(mod10(d.as_str())))))
}

/// Campo livre for Inter.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let ag = agencia(input)?;
    let cart = input.carteira(3, Some("112"))?;
    let op = input.req("codigo_beneficiario", input.beneficiario(), 7)?;
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero(&ag, &cart, &nn);
    super::checked(format!("{ag}{cart}{op}{nn}{dv}"))
}

/// Read an Inter campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = dv_nosso_numero(s(0, 4), s(4, 7), s(14, 24)) == crate::text::at(cl, 24);
    Some(CampoLivreInfo::from_parts(
        &[
            ("agencia", s(0, 4)),
            ("carteira", s(4, 7)),
            ("codigo_beneficiario", s(7, 14)),
            ("nosso_numero", s(14, 24)),
            ("nosso_numero_dv", s(24, 25)),
        ],
        Some(ok),
    ))
}
