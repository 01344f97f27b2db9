//! 341 Itaú.
//!
//! Source: Itaú, *Cobrança CNAB 400 — Especificação Boleto*, Março 2015 (laravel-boleto
//! `manuais/ITAU/Especificacao_Boleto_Mar_2015.pdf`): §8.3.2 (barcode), Anexo 3 (módulo 10),
//! Anexo 4 (DAC do nosso número), Anexo 5 (carteiras with seu número).
//!
//! Campo livre (most carteiras): carteira(3) + nosso número(8) + DAC(1) + agência(4) +
//! conta(5) + DAC agência/conta(1) + `000`.
//! Carteiras **107, 122, 142, 143, 196, 198** (Anexo 5): carteira(3) + nosso número(8) +
//! seu número(7) + código do cliente(5) + DAC módulo 10 of the previous 23 + `0`.
//!
//! Nosso número DAC = módulo 10 of agência + conta + carteira + nosso número, except the
//! carteiras of [`CARTEIRAS_DAC_CURTO`]: módulo 10 of carteira + nosso número only. The manual's
//! Nota 23 ("Número do título", Mar 2015 p. 34; same text in *Cobrança 400 bytes CNAB*, Julho
//! 2021 v3, p. 46) names them: "exceto as carteiras escriturais e na modalidade direta as
//! carteiras 126, 131, 145, 150 e 168"; the escriturais are the carteiras of type `E` in Nota 5
//! (Mar 2015 pp. 17-18). Anexo 4 repeats the direta list as 126, 131, **146**, 150, 168; both 145
//! and 146 are kept. A real Itaú retorno confirms carteira 112: nosso número 112/11025727 comes
//! back with DAC 9 = módulo 10 of `11211025727` (the long form would give 8).
//! (brcobranca lists only 112 of the escriturais and 106/195 as seu-número carteiras, and
//! BoletoNetCore puts the conta DV inside carteira 112's DAC; we follow the manual.)
//!
//! DAC agência/conta (position 41): `conta_dv` when given (the DAC the bank assigned),
//! else módulo 10 of agência + conta (Anexo 3), which is what the bank assigns.

use crate::dv::{ch, mod10};
use crate::error::Result;
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};
use crate::text::{sub, Digits};

/// Carteiras whose nosso número DAC uses only carteira + nosso número (Nota 23 / Anexo 4):
/// the escriturais of Nota 5 (104, 112, 115, 116, 117, 119, 134, 135, 136, 147, 188) and the
/// diretas 126, 131, 145 (Nota 23), 146 (Anexo 4), 150 and 168.
pub const CARTEIRAS_DAC_CURTO: [&str; 17] = [
    "104", "112", "115", "116", "117", "119", "134", "135", "136", "147",
    "188", // escriturais
    "126", "131", "145", "146", "150", "168", // diretas
];
/// Carteiras with seu número + código do cliente in the barcode.
pub const CARTEIRAS_SEU_NUMERO: [&str; 6] = ["107", "122", "142", "143", "196", "198"];

/// Nosso número DAC (Anexo 4).
///
/// ```
/// // Itaú manual Mar 2015, Anexo 4: 0057 / 12345 / 110 / 12345678 → 8
/// assert_eq!(boleto::banks::itau::dac_nosso_numero("0057", "12345", "110", "12345678"), '8');
/// ```
pub fn dac_nosso_numero(agencia: &str, conta: &str, carteira: &str, nn: &str) -> char {
    if CARTEIRAS_DAC_CURTO.contains(&carteira) {
        ch(mod10(&format!("{carteira}{nn}")))
    } else {
        ch(mod10(&format!("{agencia}{conta}{carteira}{nn}")))
    }
}

/// Nosso número for Itaú, printed `CCC/NNNNNNNN-D`.
///
/// # Errors
/// Missing/invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let cart = input.carteira(3, None)?;
    let nn = input.nn(8)?;
    let short = CARTEIRAS_DAC_CURTO.contains(&cart.as_str());
    let has_account = input.s(&input.agencia).is_some() && input.s(&input.conta).is_some();
    if CARTEIRAS_SEU_NUMERO.contains(&cart.as_str()) && !has_account {
        // the barcode of these carteiras has no DAC; without agência/conta none is printed
        return Ok(NossoNumero {
            formatado: format!("{cart}/{nn}"),
            numero: nn,
            dv: None,
        });
    }
    let (ag, conta) = if short {
        (String::new(), String::new())
    } else {
        (input.agencia(4)?, input.conta(5)?)
    };
    let dv = dac_nosso_numero(&ag, &conta, &cart, &nn).to_string();
    Ok(NossoNumero {
        formatado: format!("{cart}/{nn}-{dv}"),
        numero: nn,
        dv: Some(dv),
    })
}

/// [`nosso_numero`]'s DV alone, computed over the digits on the stack (same checks and errors).
pub(crate) fn check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let mut cart = Digits::new();
    input.carteira_into(&mut cart, 3, None)?;
    let mut nn = Digits::new();
    input.nn_into(&mut nn, 8)?;
    let c = cart.as_str();
    let has_account = input.s(&input.agencia).is_some() && input.s(&input.conta).is_some();
    if CARTEIRAS_SEU_NUMERO.contains(&c) && !has_account {
        return Ok(None);
    }
    let mut d = Digits::new();
    if !CARTEIRAS_DAC_CURTO.contains(&c) {
        input.agencia_into(&mut d, 4)?;
        input.conta_into(&mut d, 5)?;
    }
    d.push_digits(&cart)?;
    d.push_digits(&nn)?;
    Ok(Some(CheckDigit::char(ch(mod10(d.as_str())))))
}

/// Campo livre for Itaú.
///
/// # Errors
/// Missing/invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let cart = input.carteira(3, None)?;
    let nn = input.nn(8)?;
    if CARTEIRAS_SEU_NUMERO.contains(&cart.as_str()) {
        let seu = input.req("seu_numero", input.s(&input.seu_numero), 7)?;
        let cli = input.req("codigo_beneficiario", input.beneficiario(), 5)?;
        let body = format!("{cart}{nn}{seu}{cli}");
        let dac = ch(mod10(&body));
        return super::checked(format!("{body}{dac}0"));
    }
    let ag = input.agencia(4)?;
    let conta = input.conta(5)?;
    let dac = dac_nosso_numero(&ag, &conta, &cart, &nn);
    let dac_conta = match input.s(&input.conta_dv) {
        Some(d) => input.req("conta_dv", Some(d), 1)?,
        None => ch(mod10(&format!("{ag}{conta}"))).to_string(),
    };
    super::checked(format!("{cart}{nn}{dac}{ag}{conta}{dac_conta}000"))
}

/// Read an Itaú campo livre.
pub fn parse(cl: &str) -> Option<CampoLivreInfo> {
    let s = |a, b| sub(cl, a, b);
    let cart = s(0, 3);
    if CARTEIRAS_SEU_NUMERO.contains(&cart) {
        let ok = ch(mod10(s(0, 23))) == crate::text::at(cl, 23) && s(24, 25) == "0";
        return Some(CampoLivreInfo::from_parts(
            &[
                ("carteira", cart),
                ("nosso_numero", s(3, 11)),
                ("seu_numero", s(11, 18)),
                ("codigo_beneficiario", s(18, 23)),
            ],
            Some(ok),
        ));
    }
    let (ag, conta) = (s(12, 16), s(16, 21));
    let ok = dac_nosso_numero(ag, conta, cart, s(3, 11)) == crate::text::at(cl, 11)
        && ch(mod10(&format!("{ag}{conta}"))) == crate::text::at(cl, 21)
        && s(22, 25) == "000";
    Some(CampoLivreInfo::from_parts(
        &[
            ("carteira", cart),
            ("nosso_numero", s(3, 11)),
            ("nosso_numero_dv", s(11, 12)),
            ("agencia", ag),
            ("conta", conta),
            ("conta_dv", s(21, 22)),
        ],
        Some(ok),
    ))
}
