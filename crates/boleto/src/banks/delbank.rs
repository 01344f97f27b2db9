//! 435 Delbank (Delcred).
//!
//! Source: laravel-boleto `src/Boleto/Banco/Delbank.php` (campo livre) and
//! `CalculoDV::delcredNossoNumero` (nosso número DV); the DVs agree with the nosso números of
//! laravel-boleto's `tests/Retorno/files/cnab400/delbank.ret`. No public Delbank manual was
//! found.
//!
//! Nosso número: 10 digits + DV, módulo 10 over `0019` (laravel-boleto's fixed agência) +
//! carteira(3: 112 or 121, default 112) + nosso número(10). Printed `CC / NNNNNNNNNN-D` with
//! the carteira cut to its first two digits, as laravel-boleto prints it.
//!
//! Campo livre: agência(4) + carteira(2: its first two digits, as laravel-boleto cuts it) +
//! nosso número(11, without DV) + conta(7) + `0`.

use crate::dv::{ch, mod10};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Delbank nosso número DV over carteira(3) + nosso número(10).
///
/// ```
/// // laravel-boleto tests/Retorno/files/cnab400/delbank.ret: carteira 112, 0000019628-9
/// assert_eq!(boleto::banks::delbank::dv_nosso_numero("112", "0000019628"), '9');
/// ```
pub fn dv_nosso_numero(carteira: &str, nn: &str) -> char {
    ch(mod10(&format!("0019{carteira}{nn}")))
}

fn carteira(input: &BoletoInput) -> Result<String> {
    input.carteira(3, Some("112"))
}

/// Nosso número for Delbank.
///
/// # Errors
/// Missing/invalid carteira or nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let cart = carteira(input)?;
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero(&cart, &nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{} / {nn}-{dv}", sub(&cart, 0, 2)),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    d.push_bytes(b"0019")?;
    input.carteira_into(&mut d, 3, Some("112"))?;
    input.nn_into(&mut d, 10)?;
    Ok(Some(CheckDigit::char(ch(mod10(d.as_str())))))
}

/// Campo livre for Delbank.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let cart = carteira(input)?;
    super::checked(format!(
        "{}{}0{}{}0",
        input.agencia(4)?,
        sub(&cart, 0, 2),
        input.nn(10)?,
        input.conta(7)?
    ))
}

/// Read a Delbank campo livre (the carteira comes back as its first two digits).
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = s(6, 7) == "0" && s(24, 25) == "0";
    Some(CampoLivreInfo::from_parts(
        &[
            ("agencia", s(0, 4)),
            ("carteira", s(4, 6)),
            ("nosso_numero", s(7, 17)),
            ("conta", s(17, 24)),
        ],
        Some(ok),
    ))
}
