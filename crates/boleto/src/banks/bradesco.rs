//! 237 Bradesco.
//!
//! Source: Bradesco, *Especificação Boleto* (Ago 2015, laravel-boleto
//! `manuais/BRADESCO/Especificacao_Boleto_Ago_2015.pdf`) and Bradesco *Layout Cobrança*
//! 4008-524-0121 (brcobranca `docs/Bradesco`); cross-checked with brcobranca `bradesco.rb`
//! and BoletoNetCore `BancoBradescoCarteira09` tests.
//!
//! Campo livre: agência(4) + carteira(2) + nosso número(11) + conta(7) + `0`.
//! Nosso número DV: módulo 11 with weights 2..7 over carteira(2) + nosso número(11);
//! remainder 0 → `0`, remainder 1 → `P`, else 11 − r. Printed `CC/NNNNNNNNNNN-D`.

use crate::dv::{ch, mod11_rest};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Bradesco nosso número DV over carteira(2) + nosso número(11).
///
/// ```
/// // brcobranca bradesco_spec.rb: 06/00000000525-P, 09/00000000001-1
/// use boleto::banks::bradesco::dv_nosso_numero;
/// assert_eq!(dv_nosso_numero("06", "00000000525"), 'P');
/// assert_eq!(dv_nosso_numero("09", "00000000001"), '1');
/// ```
pub fn dv_nosso_numero(carteira: &str, nn: &str) -> char {
    dv_over(&format!("{carteira}{nn}"))
}

/// The DV over carteira and nosso número given as one digit string.
pub(crate) fn dv_over(digits: &str) -> char {
    match mod11_rest(digits, 2, 7) {
        0 => '0',
        1 => 'P',
        r => ch((11 - r) as u8),
    }
}

/// Nosso número for Bradesco.
///
/// # Errors
/// Missing/invalid carteira or nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let cart = input.carteira(2, None)?;
    let nn = input.nn(11)?;
    let dv = dv_nosso_numero(&cart, &nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{cart}/{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.carteira_into(&mut d, 2, None)?;
    input.nn_into(&mut d, 11)?;
    Ok(Some(CheckDigit::char(dv_over(d.as_str()))))
}

/// Campo livre for Bradesco.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    super::checked(format!(
        "{}{}{}{}0",
        input.agencia(4)?,
        input.carteira(2, None)?,
        input.nn(11)?,
        input.conta(7)?
    ))
}

/// Read a Bradesco campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let dv = dv_nosso_numero(s(4, 6), s(6, 17)).to_string();
    Some(CampoLivreInfo::from_parts(
        &[
            ("agencia", s(0, 4)),
            ("carteira", s(4, 6)),
            ("nosso_numero", s(6, 17)),
            ("nosso_numero_dv", &dv),
            ("conta", s(17, 24)),
        ],
        Some(s(24, 25) == "0"),
    ))
}
