//! 422 Safra.
//!
//! Source: Safra, *Cobrança 2016* (brcobranca `docs/Safra/safra_cobranca2016.pdf`) as
//! implemented by brcobranca `safra.rb` (spec vectors); cross-checked with BoletoNetCore
//! `BancoSafraCarteira1Tests`.
//!
//! Campo livre: `7` (sistema) + agência(4) + agência DV(1) + conta(8) + conta DV(1) +
//! nosso número(8) + DV + `2` (tipo de cobrança). `agencia_dv` and `conta_dv` are required.
//! DV: módulo 11 (weights 2..9), 11 − r; r = 1 → 0, r = 0 → 1. Printed `NNNNNNNN-D`.

use crate::dv::{ch, mod11_rest};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Safra nosso número DV.
///
/// ```
/// // brcobranca safra_spec.rb: 94550200-1, 93199999-5
/// assert_eq!(boleto::banks::safra::dv_nosso_numero("94550200"), '1');
/// assert_eq!(boleto::banks::safra::dv_nosso_numero("93199999"), '5');
/// ```
pub fn dv_nosso_numero(nn: &str) -> char {
    match 11 - mod11_rest(nn, 2, 9) {
        10 => '0',
        11 => '1',
        d => ch(d as u8),
    }
}

/// Nosso número for Safra.
///
/// # Errors
/// Missing/invalid nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = input.nn(8)?;
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
    input.nn_into(&mut d, 8)?;
    Ok(Some(CheckDigit::char(dv_nosso_numero(d.as_str()))))
}

/// Campo livre for Safra.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let nn = input.nn(8)?;
    let dv = dv_nosso_numero(&nn);
    super::checked(format!(
        "7{}{}{}{}{nn}{dv}2",
        input.agencia(4)?,
        input.req("agencia_dv", input.s(&input.agencia_dv), 1)?,
        input.conta(8)?,
        input.req("conta_dv", input.s(&input.conta_dv), 1)?
    ))
}

/// Read a Safra campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = s(0, 1) == "7" && dv_nosso_numero(s(15, 23)) == crate::text::at(cl, 23);
    Some(CampoLivreInfo::from_parts(
        &[
            ("agencia", s(1, 5)),
            ("agencia_dv", s(5, 6)),
            ("conta", s(6, 14)),
            ("conta_dv", s(14, 15)),
            ("nosso_numero", s(15, 23)),
            ("nosso_numero_dv", s(23, 24)),
            ("tipo_cobranca", s(24, 25)),
        ],
        Some(ok),
    ))
}
