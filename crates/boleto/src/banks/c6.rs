//! 336 C6 Bank.
//!
//! Sources: laravel-boleto `src/Boleto/Banco/C6.php` (campo livre), `CalculoDV::c6NossoNumero`
//! (nosso número DV) and `src/Cnab/Remessa/Cnab400/Banco/C6.php` (the DV goes in the
//! remessa); Maxwbh/pyCobranca `pycobranca/bancos/c6.py` ("layout CNAB 400 v2.7, julho/2025")
//! and its `tests/exemplos_boletos.py` vector. No public C6 manual was found.
//!
//! Campo livre: código do cliente(12, `codigo_beneficiario`) + nosso número(10) +
//! carteira(2: 10, 20, 30, 40 or 60) + layout digit (`3` for carteiras 10, 30 and 60, `4`
//! otherwise, as laravel-boleto; pyCobranca, which knows carteiras 10 and 20 only, agrees on
//! those and gives `3` to every carteira but 20). The barcode carries no nosso número DV; the
//! boleto (pyCobranca) and the CNAB 400 remessa carry it: módulo 11 with weights 2..7 over
//! `0` + carteira(2) + nosso número(10), remainder 0 → `0`, 1 → `P`, else 11 − r (the
//! Bradesco arithmetic). Printed `NNNNNNNNNN-D` (laravel-boleto prints the 10 digits alone).

use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// C6 nosso número DV over carteira(2) + nosso número(10).
pub fn dv_nosso_numero(carteira: &str, nn: &str) -> char {
    // the leading `0` of laravel-boleto's `0 + carteira + número` weighs nothing
    super::bradesco::dv_nosso_numero(carteira, nn)
}

/// The layout digit after the carteira.
fn layout(carteira: &str) -> char {
    if matches!(carteira, "10" | "30" | "60") {
        '3'
    } else {
        '4'
    }
}

/// Nosso número for C6.
///
/// # Errors
/// Missing/invalid carteira or nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let cart = input.carteira(2, None)?;
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero(&cart, &nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    input.carteira_into(&mut d, 2, None)?;
    input.nn_into(&mut d, 10)?;
    Ok(Some(CheckDigit::char(super::bradesco::dv_over(d.as_str()))))
}

/// Campo livre for C6.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let cliente = input.req("codigo_beneficiario", input.beneficiario(), 12)?;
    let cart = input.carteira(2, None)?;
    let l = layout(&cart);
    super::checked(format!("{cliente}{}{cart}{l}", input.nn(10)?))
}

/// Read a C6 campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = layout(s(22, 24)) == crate::text::at(cl, 24);
    let dv = dv_nosso_numero(s(22, 24), s(12, 22)).to_string();
    Some(CampoLivreInfo::from_parts(
        &[
            ("codigo_beneficiario", s(0, 12)),
            ("nosso_numero", s(12, 22)),
            ("nosso_numero_dv", &dv),
            ("carteira", s(22, 24)),
            ("layout", s(24, 25)),
        ],
        Some(ok),
    ))
}
