//! 208 BTG Pactual.
//!
//! Source: laravel-boleto `src/Boleto/Banco/Btg.php` (campo livre) and
//! `CalculoDV::btgNossoNumero` (nosso número DV); BTG's own translator
//! `manuais/BTG/Tradutor Linha Digitavel BTG.xlsx` in the same repository; BTG's sample boleto
//! (`manuais/BTG/Mascara boleto BTG PACTUAL.pdf`), calculator sheet and Manual de Implantação §4.4.4
//! example give the vectors in `tests/banks.rs` (`btg_vectors`). The layout equals Bradesco's.
//!
//! Campo livre: agência(4) + carteira(2) + nosso número(11) + conta(7) + `0`.
//! DV: módulo 11, weights 2..7 over `0` + carteira(2) + nosso número(11); remainder 1 → `P`,
//! 0 → `0`. Printed `CC/NNNNNNNNNNN-D`.

use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};

/// BTG nosso número DV (same arithmetic as Bradesco's; the leading `0` adds nothing).
pub fn dv_nosso_numero(carteira: &str, nn: &str) -> char {
    super::bradesco::dv_nosso_numero(carteira, nn)
}

/// Nosso número for BTG.
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

/// Campo livre for BTG.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    super::bradesco::campo_livre(input)
}

/// Read a BTG campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    super::bradesco::parse(cl)
}
