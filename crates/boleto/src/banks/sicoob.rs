//! 756 Sicoob (Bancoob).
//!
//! Source: Sicoob, *Leiaute Cobrança Sicoob Sistemas de Terceiro* (brcobranca
//! `docs/Sicoob/LEIAUTE COBRANCA SICOOB SISTEMAS DE TERCEIRO.XLSX`) as implemented by
//! brcobranca `sicoob.rb` (spec vectors) and laravel-boleto `CalculoDV::bancoobNossoNumero`;
//! cross-checked with BoletoNetCore `BancoSicoobCarteira1_01Tests`.
//!
//! Nosso número: 7 digits + DV. DV: weights 3,1,9,7 repeated **left to right** over
//! agência(4) + código do beneficiário(10, zero-padded) + nosso número(7); r = Σ mod 11;
//! r ∈ {0, 1} → 0, else 11 − r. Printed `NNNNNNN-D`.
//!
//! Campo livre: carteira(1, default `1`) + agência(4) + modalidade(2, `modalidade` or
//! `variacao`, default `01`) + código do beneficiário(7, **including its DV**) +
//! nosso número with DV(8) + parcela(3, default `001`).

use crate::dv::ch;
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Sicoob nosso número DV.
///
/// ```
/// // brcobranca sicoob_spec.rb: agência 4327, cliente 0229385, NN 1 → 7
/// assert_eq!(boleto::banks::sicoob::dv_nosso_numero("4327", "0229385", "0000001"), '7');
/// ```
pub fn dv_nosso_numero(agencia: &str, beneficiario: &str, nn: &str) -> char {
    dv_over(&format!("{agencia}{beneficiario:0>10}{nn}"))
}

/// The DV over agência, código do beneficiário (10 digits) and nosso número given as one digit string.
pub(crate) fn dv_over(s: &str) -> char {
    const W: [u32; 4] = [3, 1, 9, 7];
    let sum: u32 = s
        .bytes()
        .filter(u8::is_ascii_digit)
        .zip(W.iter().cycle())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let r = sum % 11;
    if r <= 1 {
        '0'
    } else {
        ch((11 - r) as u8)
    }
}

/// Nosso número for Sicoob.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let ag = input.agencia(4)?;
    let b = input.req("codigo_beneficiario", input.beneficiario(), 7)?;
    let nn = input.nn(7)?;
    let dv = dv_nosso_numero(&ag, &b, &nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.agencia_into(&mut d, 4)?;
    // The beneficiário's 7 digits, zero-padded to 10 as `dv_nosso_numero` pads them.
    d.push_bytes(b"000")?;
    input.req_into(&mut d, "codigo_beneficiario", input.beneficiario(), 7)?;
    input.nn_into(&mut d, 7)?;
    Ok(Some(CheckDigit::char(dv_over(d.as_str()))))
}

/// Campo livre for Sicoob.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let ag = input.agencia(4)?;
    let b = input.req("codigo_beneficiario", input.beneficiario(), 7)?;
    let nn = input.nn(7)?;
    let dv = dv_nosso_numero(&ag, &b, &nn);
    let cart = input.carteira(1, Some("1"))?;
    let modal = input.opt(
        "modalidade",
        input.s(&input.modalidade).or(input.s(&input.variacao)),
        2,
        "01",
    )?;
    let parcela = input.opt("parcela", input.s(&input.parcela), 3, "001")?;
    super::checked(format!("{cart}{ag}{modal}{b}{nn}{dv}{parcela}"))
}

/// Read a Sicoob campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = dv_nosso_numero(s(1, 5), s(7, 14), s(14, 21)) == crate::text::at(cl, 21);
    Some(CampoLivreInfo::from_parts(
        &[
            ("carteira", s(0, 1)),
            ("agencia", s(1, 5)),
            ("modalidade", s(5, 7)),
            ("codigo_beneficiario", s(7, 14)),
            ("nosso_numero", s(14, 21)),
            ("nosso_numero_dv", s(21, 22)),
            ("parcela", s(22, 25)),
        ],
        Some(ok),
    ))
}
