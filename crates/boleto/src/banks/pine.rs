//! 643 Banco Pine.
//!
//! Source: laravel-boleto `src/Boleto/Banco/Pine.php` and `CalculoDV::pineNossoNumero`.
//! The layout and arithmetic are the "cobrança expressa" ones of [`super::rendimento`]:
//! agência(4) + carteira(3) + operação / código do cliente(7) + nosso número(10) + módulo 10
//! DV over agência + carteira + nosso número.

use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};

/// Nosso número DV over agência(4) + carteira(3) + nosso número(10).
pub fn dv_nosso_numero(agencia: &str, carteira: &str, nn: &str) -> char {
    super::rendimento::dv_nosso_numero(agencia, carteira, nn)
}

/// Nosso número.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    super::rendimento::nosso_numero(input)
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    super::rendimento::check_digit(input)
}

/// Campo livre.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    super::rendimento::campo_livre(input)
}

/// Read a campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    super::rendimento::parse(cl)
}
