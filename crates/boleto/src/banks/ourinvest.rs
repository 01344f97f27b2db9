//! 712 Ourinvest.
//!
//! Source: laravel-boleto `src/Boleto/Banco/Ourinvest.php` (campo livre) and
//! `CalculoDV::ourinvestNossoNumero` (nosso número DV). No public Ourinvest manual and no
//! independent test vectors were found; layout and arithmetic are Bradesco's, so they rest
//! on the Bradesco vectors.
//!
//! Campo livre: agência(4) + carteira(2) + nosso número(11) + conta(7) + `0` (laravel-boleto
//! cuts its 12-digit number-with-DV to the first 11 digits, i.e. the number without DV; its
//! `parseCampoLivre` reads the same field as 10 digits + DV, which its builder does not
//! produce). DV: módulo 11 with weights 2..7 over carteira(2) + nosso número(11); remainder
//! 0 → `0`, 1 → `P`. Printed `CC/NNNNNNNNNNN-D`.

use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};

/// Ourinvest nosso número DV (Bradesco's arithmetic).
pub fn dv_nosso_numero(carteira: &str, nn: &str) -> char {
    super::bradesco::dv_nosso_numero(carteira, nn)
}

/// Nosso número for Ourinvest.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    super::bradesco::nosso_numero(input)
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    super::bradesco::check_digit(input)
}

/// Campo livre for Ourinvest.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    super::bradesco::campo_livre(input)
}

/// Read an Ourinvest campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    super::bradesco::parse(cl)
}
