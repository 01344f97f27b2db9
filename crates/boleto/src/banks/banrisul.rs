//! 041 Banrisul.
//!
//! Source: Banrisul, *Cálculo dos Números de Controle* (brcobranca
//! `docs/Banrisul/CÁLCULO DOS NÚMEROS DE CONTROLE.docx`) as implemented by brcobranca
//! `banrisul.rb` and `calculo.rb#duplo_digito` (spec vectors); cross-checked with
//! BoletoNetCore `BancoBanrisulCarteira1Tests`.
//!
//! Nosso número: 8 digits + NC (two check digits, [`crate::dv::duplo_digito`]).
//! Printed `NNNNNNNN-NC`.
//!
//! Campo livre: produto(1, `modalidade`: 1 = boleto emitted by Banrisul, 2 = emitted by the
//! beneficiário; default 2) + `1` + agência(4) + código do beneficiário(7) + nosso número(8) +
//! `40` + NC (duplo dígito of the 23 preceding digits).

use crate::dv::{ch, duplo_digito};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// The two NC digits of a number, as a 2-char string.
pub fn nc(s: &str) -> String {
    let (a, b) = duplo_digito(s);
    format!("{}{}", ch(a), ch(b))
}

/// Nosso número for Banrisul.
///
/// # Errors
/// Missing/invalid nosso número.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = input.nn(8)?;
    let dv = nc(&nn);
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
    Ok(CheckDigit::text(&nc(d.as_str())))
}

/// Campo livre for Banrisul.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let produto = input.opt("modalidade", input.s(&input.modalidade), 1, "2")?;
    let body = format!(
        "{produto}1{}{}{}40",
        input.agencia(4)?,
        input.req("codigo_beneficiario", input.beneficiario(), 7)?,
        input.nn(8)?
    );
    let n = nc(&body);
    super::checked(format!("{body}{n}"))
}

/// Read a Banrisul campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = nc(s(0, 23)) == s(23, 25) && s(21, 23) == "40";
    let nn_dv = nc(s(13, 21));
    Some(CampoLivreInfo::from_parts(
        &[
            ("modalidade", s(0, 1)),
            ("agencia", s(2, 6)),
            ("codigo_beneficiario", s(6, 13)),
            ("nosso_numero", s(13, 21)),
            ("nosso_numero_dv", &nn_dv),
        ],
        Some(ok),
    ))
}
