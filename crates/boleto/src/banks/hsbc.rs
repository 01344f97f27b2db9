//! 399 HSBC.
//!
//! Sources: HSBC, *Manual Técnico Módulo II – Emissão Cliente / Cobrança Diretiva*
//! (Abr 2012, laravel-boleto `manuais/HSBC/Especificacao_Boleto_Abr_2012.pdf`) for CSB, with
//! laravel-boleto `src/Boleto/Banco/Hsbc.php`; brcobranca `lib/brcobranca/boleto/hsbc.rb`
//! and its spec (vectors) for CNR.
//!
//! `carteira` selects the product: `CNR` (cobrança não registrada) or anything else,
//! including absent, for `CSB` (cobrança registrada / diretiva).
//!
//! **CSB**: nosso número = range(5) + sequencial(5) (`nosso_numero`, 10 digits) + DV, módulo
//! 11 with weights 2..7, remainders 0 and 1 → 0. Campo livre: nosso número with DV(11) +
//! agência(4) + conta de cobrança(7: `conta` + `conta_dv`, or a 7-digit `conta`) + carteira
//! `00` + aplicativo `1`. Printed `NNNNNNNNNN-D`.
//!
//! **CNR**: nosso número(13); printed with three more digits: D1 (módulo 11, weights 2..9,
//! 11 − r, 10 and 11 → 0) + tipo `4` (vencimento given) + D2 (same módulo 11 over the sum of
//! the 15-digit `NN D1 4`, the código do cedente and the due date DDMMYY as numbers). Campo
//! livre: código do cedente(7, `conta`) + nosso número(13) + due date as day of the year(3) +
//! last digit of the year + `2`. `vencimento` is required.

use chrono::Datelike;

use crate::dv::{ch, mod11_rest, mod11_zero};
use crate::error::{BoletoError, Result};
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// HSBC CSB nosso número DV over range(5) + sequencial(5).
///
/// ```
/// // HSBC manual (Abr 2012) p. 14: range 11111, sequencial 22222 → 5
/// assert_eq!(boleto::banks::hsbc::dv_nosso_numero_csb("1111122222"), '5');
/// ```
pub fn dv_nosso_numero_csb(nn: &str) -> char {
    match mod11_rest(nn, 2, 7) {
        0 | 1 => '0',
        r => ch((11 - r) as u8),
    }
}

/// HSBC CNR nosso número suffix `D1 4 D2` for the 13-digit number, the código do cedente and
/// the due date.
///
/// ```
/// use chrono::NaiveDate;
/// // brcobranca hsbc_spec.rb: 12345678 / 1122334 / 2000-07-09 → 0000012345678942
/// let d = NaiveDate::from_ymd_opt(2000, 7, 9).unwrap();
/// assert_eq!(boleto::banks::hsbc::dv_nosso_numero_cnr("0000012345678", "1122334", d), "942");
/// ```
pub fn dv_nosso_numero_cnr(nn13: &str, cedente: &str, venc: chrono::NaiveDate) -> String {
    let d1 = ch(mod11_zero(nn13));
    let num = |s: &str| s.parse::<u64>().unwrap_or(0);
    let data = format!(
        "{:02}{:02}{:02}",
        venc.day(),
        venc.month(),
        venc.year().rem_euclid(100)
    );
    let sum = num(&format!("{nn13}{d1}4")) + num(cedente) + num(&data);
    let d2 = ch(mod11_zero(&sum.to_string()));
    format!("{d1}4{d2}")
}

fn is_cnr(input: &BoletoInput) -> bool {
    input
        .s(&input.carteira)
        .is_some_and(|c| c.eq_ignore_ascii_case("CNR"))
}

fn vencimento(input: &BoletoInput) -> Result<chrono::NaiveDate> {
    input.vencimento.ok_or(BoletoError::MissingField {
        field: "vencimento",
        bank: 399,
    })
}

fn conta_csb(input: &BoletoInput) -> Result<String> {
    match input.s(&input.conta_dv) {
        Some(dv) => Ok(format!(
            "{}{}",
            input.conta(6)?,
            input.req("conta_dv", Some(dv), 1)?
        )),
        None => input.conta(7),
    }
}

/// Nosso número for HSBC (CSB or CNR, see the module docs).
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    if is_cnr(input) {
        let nn = input.nn(13)?;
        let dv = dv_nosso_numero_cnr(&nn, &input.conta(7)?, vencimento(input)?);
        return Ok(NossoNumero {
            formatado: format!("{nn}{dv}"),
            numero: nn,
            dv: Some(dv),
        });
    }
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero_csb(&nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut nn = Digits::new();
    if is_cnr(input) {
        input.nn_into(&mut nn, 13)?;
        let mut conta = Digits::new();
        input.conta_into(&mut conta, 7)?;
        let dv = dv_nosso_numero_cnr(nn.as_str(), conta.as_str(), vencimento(input)?);
        return Ok(CheckDigit::text(&dv));
    }
    input.nn_into(&mut nn, 10)?;
    Ok(Some(CheckDigit::char(dv_nosso_numero_csb(nn.as_str()))))
}

/// Campo livre for HSBC.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    if is_cnr(input) {
        let venc = vencimento(input)?;
        let juliano = format!("{:03}{}", venc.ordinal(), venc.year().rem_euclid(10));
        return super::checked(format!("{}{}{juliano}2", input.conta(7)?, input.nn(13)?));
    }
    let nn = input.nn(10)?;
    let dv = dv_nosso_numero_csb(&nn);
    super::checked(format!(
        "{nn}{dv}{}{}001",
        input.agencia(4)?,
        conta_csb(input)?
    ))
}

/// Read an HSBC campo livre (`…001` is CSB, `…2` is CNR).
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    if s(22, 25) == "001" {
        let ok = dv_nosso_numero_csb(s(0, 10)) == crate::text::at(cl, 10);
        return Some(CampoLivreInfo::from_parts(
            &[
                ("carteira", "CSB"),
                ("nosso_numero", s(0, 10)),
                ("nosso_numero_dv", s(10, 11)),
                ("agencia", s(11, 15)),
                ("conta", s(15, 22)),
            ],
            Some(ok),
        ));
    }
    let ok = s(24, 25) == "2";
    Some(CampoLivreInfo::from_parts(
        &[
            ("carteira", "CNR"),
            ("conta", s(0, 7)),
            ("nosso_numero", s(7, 20)),
            ("data_juliana", s(20, 24)),
        ],
        Some(ok),
    ))
}
