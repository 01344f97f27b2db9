//! 633 Banco Rendimento — and the "cobrança expressa" layout it shares with 224 Fibra,
//! 643 Pine and 707 Daycoval.
//!
//! Sources: Banco Rendimento, *Numeração e Emissão do Bloquete pelo Cliente* (laravel-boleto
//! `manuais/RENDIMENTO/BLOQUETE_PELO_CLIENTE.pdf`, worked examples) and Banco Fibra,
//! *Boletos pelo Cliente V2* (Mar 2020, `manuais/FIBRA/Boletos_pelo_Cliente_V2.pdf`, worked
//! example); laravel-boleto `src/Boleto/Banco/{Rendimento,Fibra,Pine}.php` and
//! `CalculoDV::{rendimento,fibra,pine}NossoNumero`; BoletoNetCore
//! `BoletoNetCore/Banco/Daycoval/Carteiras/BancoDaycovalCarteira121.cs` (vectors).
//!
//! Campo livre: agência(4, without DV) + carteira(3, e.g. 110, 112, 121) + operação / código
//! do cliente(7, `codigo_beneficiario`) + nosso número(10) + DV. DV: módulo 10 (weights
//! 2,1,… from the right, products above 9 summed) over agência(4) + carteira(3) + nosso
//! número(10); remainder 0 → 0. (laravel-boleto computes `10 − Σ mod 10` without that rule
//! and would print `10`; the manuals and BoletoNetCore say 0.) Printed
//! `AAAAD/CCC/NNNNNNNNNN-D` (agência with `agencia_dv` when given).

use crate::dv::{ch, mod10};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Nosso número DV over agência(4) + carteira(3) + nosso número(10).
///
/// ```
/// // Rendimento / Fibra manuals: 0001/121/0004309540 → 8; 0001/112/0008026642 → 4
/// use boleto::banks::rendimento::dv_nosso_numero;
/// assert_eq!(dv_nosso_numero("0001", "121", "0004309540"), '8');
/// assert_eq!(dv_nosso_numero("0001", "112", "0008026642"), '4');
/// ```
pub fn dv_nosso_numero(agencia: &str, carteira: &str, nn: &str) -> char {
    ch(mod10(&format!("{agencia}{carteira}{nn}")))
}

/// Nosso número (cobrança expressa layout).
///
/// # Errors
/// Missing/invalid agência, carteira or nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let ag = input.agencia(4)?;
    let cart = input.carteira(3, None)?;
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero(&ag, &cart, &nn).to_string();
    let ag_dv = input.s(&input.agencia_dv).unwrap_or("");
    Ok(NossoNumero {
        formatado: format!("{ag}{ag_dv}/{cart}/{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.agencia_into(&mut d, 4)?;
    input.carteira_into(&mut d, 3, None)?;
    input.nn_into(&mut d, 10)?;
    Ok(Some(CheckDigit::char(ch(mod10(d.as_str())))))
}

/// Campo livre (cobrança expressa layout).
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let ag = input.agencia(4)?;
    let cart = input.carteira(3, None)?;
    let op = input.req("codigo_beneficiario", input.beneficiario(), 7)?;
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero(&ag, &cart, &nn);
    super::checked(format!("{ag}{cart}{op}{nn}{dv}"))
}

/// Read a campo livre (cobrança expressa layout).
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
