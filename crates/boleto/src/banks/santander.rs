//! 033 Santander.
//!
//! Source: Santander, *Layout de Código de Barras Santander*, Janeiro 2015 v29 and
//! *Nosso Número Santander.xls* (brcobranca `docs/Santander/`); cross-checked with
//! brcobranca `santander.rb`/spec and BoletoNetCore `BancoSantanderCarteira101Tests`.
//!
//! Campo livre: `9` + código do beneficiário(7) + nosso número(12) + its DV(1) + IOF(1,
//! `iof`, default `0`; 7 for seguradoras) + carteira(3, e.g. 101, 102, 201).
//! Nosso número DV: módulo 11, weights 2..9, 11 − r, 10 and 11 → 0. Printed `NNNNNNNNNNNN-D`.

use crate::dv::{ch, mod11_zero};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Santander nosso número DV.
///
/// ```
/// // brcobranca santander_spec.rb: 566612457800-2
/// assert_eq!(boleto::banks::santander::dv_nosso_numero("566612457800"), '2');
/// ```
pub fn dv_nosso_numero(nn: &str) -> char {
    ch(mod11_zero(nn))
}

/// Nosso número for Santander.
///
/// # Errors
/// Missing/invalid nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = input.nn(12)?;
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
    input.nn_into(&mut d, 12)?;
    Ok(Some(CheckDigit::char(dv_nosso_numero(d.as_str()))))
}

/// Campo livre for Santander.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let b = input.req("codigo_beneficiario", input.beneficiario(), 7)?;
    let nn = input.nn(12)?;
    let dv = dv_nosso_numero(&nn);
    let iof = input.opt("iof", input.s(&input.iof), 1, "0")?;
    let cart = input.carteira(3, None)?;
    super::checked(format!("9{b}{nn}{dv}{iof}{cart}"))
}

/// Read a Santander campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = s(0, 1) == "9" && dv_nosso_numero(s(8, 20)) == crate::text::at(cl, 20);
    Some(CampoLivreInfo::from_parts(
        &[
            ("codigo_beneficiario", s(1, 8)),
            ("nosso_numero", s(8, 20)),
            ("nosso_numero_dv", s(20, 21)),
            ("iof", s(21, 22)),
            ("carteira", s(22, 25)),
        ],
        Some(ok),
    ))
}
