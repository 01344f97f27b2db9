//! 104 Caixa Econômica Federal — SIGCB.
//!
//! Source: CAIXA, *Leiaute de Arquivo Eletrônico Padrão CNAB 240 — Cobrança Bancária CAIXA —
//! SIGCB*, manual 67.119 v010 (laravel-boleto `manuais/CEF/Boleto_2020.pdf`; also brcobranca
//! `docs/Caixa/MANUAL_ESPECIFICAÇAO_BOLETO_SIGCB_MO67119_VS_009_JAN_2016.pdf`):
//! §4.2.4.6 (nosso número), §4.2.10.1.1 (barcode), Anexo III (campo livre and its DV),
//! Anexo IV (DV do nosso número), Anexo VI (DV do código do beneficiário).
//!
//! Nosso número: 17 digits = modalidade (`carteira`: 1 registrada, 2 sem registro; default 1),
//! then emissão (`emissao`: 4 beneficiário; default 4), then 15 free digits. DV módulo 11
//! (weights 2..9, 11 − r, above 9 → 0). Printed `14000000000000001-4`. A 17-digit
//! `nosso_numero` is taken as already carrying modalidade and emissão.
//!
//! Campo livre: beneficiário(6) + its DV(1) [or a 7-digit code above 999999, no DV] +
//! `NN[3-5] + NN[1] + NN[6-8] + NN[2] + NN[9-17]` + DV (módulo 11 as above, of the 24 digits).

use crate::dv::{ch, mod11_zero};
use crate::error::{BoletoError, Result};
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

fn nn17(input: &BoletoInput) -> Result<String> {
    let raw = input.nosso_numero.trim();
    if raw.len() == 17 {
        return input.nn(17);
    }
    let modalidade = input.carteira(1, Some("1"))?;
    let emissao = input.opt("emissao", input.s(&input.emissao), 1, "4")?;
    Ok(format!("{modalidade}{emissao}{}", input.nn(15)?))
}

/// Nosso número for Caixa.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let nn = nn17(input)?;
    let dv = ch(mod11_zero(&nn)).to_string();
    Ok(NossoNumero {
        formatado: format!("{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// Código do beneficiário as it goes in the barcode (7 digits).
fn beneficiario(input: &BoletoInput) -> Result<String> {
    let b = input.beneficiario().ok_or(BoletoError::MissingField {
        field: "codigo_beneficiario",
        bank: 104,
    })?;
    let n: u64 = b.parse().map_err(|_| BoletoError::InvalidField {
        field: "codigo_beneficiario",
        message: format!("expected digits, found {b:?}"),
    })?;
    if n > 999_999 {
        input.req("codigo_beneficiario", Some(b), 7)
    } else {
        let b6 = format!("{n:06}");
        let dv = ch(mod11_zero(&b6));
        Ok(format!("{b6}{dv}"))
    }
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut d = Digits::new();
    if input.nosso_numero.trim().len() == 17 {
        input.nn_into(&mut d, 17)?;
    } else {
        input.carteira_into(&mut d, 1, Some("1"))?;
        input.opt_into(&mut d, "emissao", input.s(&input.emissao), 1, "4")?;
        input.nn_into(&mut d, 15)?;
    }
    Ok(Some(CheckDigit::char(ch(mod11_zero(d.as_str())))))
}

/// Campo livre for Caixa.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let b = beneficiario(input)?;
    let nn = nn17(input)?;
    let s = |a, b| sub(&nn, a, b);
    let body = format!(
        "{b}{}{}{}{}{}",
        s(2, 5),
        s(0, 1),
        s(5, 8),
        s(1, 2),
        s(8, 17)
    );
    let dv = ch(mod11_zero(&body));
    super::checked(format!("{body}{dv}"))
}

/// Read a Caixa campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let nn = format!(
        "{}{}{}{}{}",
        s(10, 11),
        s(14, 15),
        s(7, 10),
        s(11, 14),
        s(15, 24)
    );
    let nn_dv = ch(mod11_zero(&nn)).to_string();
    let ok = ch(mod11_zero(s(0, 24))) == crate::text::at(cl, 24);
    Some(CampoLivreInfo::from_parts(
        &[
            ("codigo_beneficiario", s(0, 6)),
            ("codigo_beneficiario_dv", s(6, 7)),
            ("carteira", s(10, 11)),
            ("emissao", s(14, 15)),
            ("nosso_numero", &nn),
            ("nosso_numero_dv", &nn_dv),
        ],
        Some(ok),
    ))
}
