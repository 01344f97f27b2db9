//! 097 CrediSIS.
//!
//! Source: brcobranca `lib/brcobranca/boleto/credisis.rb` and its spec (vectors);
//! BoletoNetCore `BoletoNetCore/Banco/CrediSis/Carteiras/BancoCrediSISCarteira18.cs` builds
//! the same campo livre; CrediSIS's own "PADRONIZAÇÃO DO BOLETO.pdf" and sample boletos (brcobranca
//! `docs/credisis/`) set out the same layout and give vectors.
//!
//! Campo livre: `00000` + `097` + DV of the beneficiário's CPF/CNPJ(1) + agência(4) +
//! convênio(6, `convenio` or `codigo_beneficiario`) + nosso número(6). The CPF/CNPJ DV is
//! módulo 11 (weights 2..9, 11 − r) with 0, 10 and 11 → 1; `documento_beneficiario` is
//! required. The nosso número has no DV of its own: it is printed (and carried in CNAB) as
//! the 20 digits `097` + that DV + agência + convênio + number.

use crate::dv::{barcode_dv, ch};
use crate::error::{BoletoError, Result};
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{only_digits, sub, Digits};

/// The DV of the beneficiário's CPF/CNPJ that CrediSIS puts in its nosso número.
///
/// ```
/// // brcobranca credisis_spec.rb: documento 12345678912 → nosso número 0975000110…
/// assert_eq!(boleto::banks::credisis::dv_documento("12345678912"), '5');
/// ```
pub fn dv_documento(doc: &str) -> char {
    ch(barcode_dv(doc))
}

fn documento(input: &BoletoInput) -> Result<String> {
    let raw = input
        .s(&input.documento_beneficiario)
        .ok_or(BoletoError::MissingField {
            field: "documento_beneficiario",
            bank: 97,
        })?;
    // A CPF/CNPJ may come formatted ("123.456.789-12"): keep its digits.
    match only_digits(raw) {
        Ok(d) if !d.is_empty() && d.len() <= 14 => Ok(d),
        _ => Err(BoletoError::InvalidField {
            field: "documento_beneficiario",
            message: format!("expected a CPF or CNPJ, found {raw:?}"),
        }),
    }
}

fn parts(input: &BoletoInput) -> Result<String> {
    let doc = documento(input)?;
    Ok(format!(
        "097{}{}{}{}",
        dv_documento(&doc),
        input.agencia(4)?,
        input.req("convenio", input.beneficiario(), 6)?,
        input.nn(6)?
    ))
}

/// Nosso número for CrediSIS (20 digits, no separate DV).
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let n = parts(input)?;
    Ok(NossoNumero {
        formatado: n.clone(),
        numero: n,
        dv: None,
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    // CrediSIS has no nosso número DV: the checks of `parts` only.
    documento(input)?;
    let mut d = Digits::new();
    input.agencia_into(&mut d, 4)?;
    input.req_into(&mut d, "convenio", input.beneficiario(), 6)?;
    input.nn_into(&mut d, 6)?;
    Ok(None)
}

/// Campo livre for CrediSIS.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    super::checked(format!("00000{}", parts(input)?))
}

/// Read a CrediSIS campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let ok = s(0, 8) == "00000097";
    Some(CampoLivreInfo::from_parts(
        &[
            ("nosso_numero", s(5, 25)),
            ("documento_beneficiario_dv", s(8, 9)),
            ("agencia", s(9, 13)),
            ("convenio", s(13, 19)),
            ("sequencial", s(19, 25)),
        ],
        Some(ok),
    ))
}
