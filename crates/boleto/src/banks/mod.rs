//! One module per bank: campo livre layout, nosso número and its check digit(s), and the
//! reverse (reading a campo livre back). Each module cites the manual or peer source it
//! follows.

use crate::error::{BoletoError, Result};
use crate::input::{BoletoInput, CampoLivreInfo, NossoNumero};

pub mod ailos;
pub mod banco_brasil;
pub mod banestes;
pub mod banrisul;
pub mod bnb;
pub mod bradesco;
pub mod brb;
pub mod btg;
pub mod c6;
pub mod caixa;
pub mod citibank;
pub mod credisis;
pub mod daycoval;
pub mod delbank;
pub mod fibra;
pub mod hsbc;
pub mod inter;
pub mod itau;
pub mod ourinvest;
pub mod pine;
pub mod rendimento;
pub mod safra;
pub mod santander;
pub mod sicoob;
pub mod sicredi;
pub mod unicred;

/// Bank codes with a campo livre implementation.
pub const SUPPORTED: [u16; 26] = [
    1, 4, 21, 33, 41, 70, 77, 85, 97, 104, 136, 208, 224, 237, 336, 341, 399, 422, 435, 633, 643,
    707, 712, 745, 748, 756,
];

pub(crate) fn supported(code: u16) -> bool {
    SUPPORTED.contains(&code)
}

/// The nosso número (digits, DV, printed form) for `input.banco`.
///
/// # Errors
/// Unsupported bank, missing or invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    match input.banco.code() {
        1 => banco_brasil::nosso_numero(input),
        4 => bnb::nosso_numero(input),
        21 => banestes::nosso_numero(input),
        33 => santander::nosso_numero(input),
        41 => banrisul::nosso_numero(input),
        70 => brb::nosso_numero(input),
        77 => inter::nosso_numero(input),
        85 => ailos::nosso_numero(input),
        97 => credisis::nosso_numero(input),
        104 => caixa::nosso_numero(input),
        136 => unicred::nosso_numero(input),
        208 => btg::nosso_numero(input),
        224 => fibra::nosso_numero(input),
        237 => bradesco::nosso_numero(input),
        336 => c6::nosso_numero(input),
        341 => itau::nosso_numero(input),
        399 => hsbc::nosso_numero(input),
        422 => safra::nosso_numero(input),
        435 => delbank::nosso_numero(input),
        633 => rendimento::nosso_numero(input),
        643 => pine::nosso_numero(input),
        707 => daycoval::nosso_numero(input),
        712 => ourinvest::nosso_numero(input),
        745 => citibank::nosso_numero(input),
        748 => sicredi::nosso_numero(input),
        756 => sicoob::nosso_numero(input),
        c => Err(BoletoError::UnsupportedBank(c)),
    }
}

/// The 25-digit campo livre for `input.banco`.
///
/// # Errors
/// Unsupported bank, missing or invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    match input.banco.code() {
        1 => banco_brasil::campo_livre(input),
        4 => bnb::campo_livre(input),
        21 => banestes::campo_livre(input),
        33 => santander::campo_livre(input),
        41 => banrisul::campo_livre(input),
        70 => brb::campo_livre(input),
        77 => inter::campo_livre(input),
        85 => ailos::campo_livre(input),
        97 => credisis::campo_livre(input),
        104 => caixa::campo_livre(input),
        136 => unicred::campo_livre(input),
        208 => btg::campo_livre(input),
        224 => fibra::campo_livre(input),
        237 => bradesco::campo_livre(input),
        336 => c6::campo_livre(input),
        341 => itau::campo_livre(input),
        399 => hsbc::campo_livre(input),
        422 => safra::campo_livre(input),
        435 => delbank::campo_livre(input),
        633 => rendimento::campo_livre(input),
        643 => pine::campo_livre(input),
        707 => daycoval::campo_livre(input),
        712 => ourinvest::campo_livre(input),
        745 => citibank::campo_livre(input),
        748 => sicredi::campo_livre(input),
        756 => sicoob::campo_livre(input),
        c => Err(BoletoError::UnsupportedBank(c)),
    }
}

/// Read a campo livre back into its parts. `None` for unsupported banks or a campo livre
/// that is not 25 digits.
pub fn parse_campo_livre(bank: u16, cl: &str) -> Option<CampoLivreInfo> {
    if cl.len() != 25 || !cl.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match bank {
        1 => banco_brasil::parse(cl),
        4 => bnb::parse(cl),
        21 => banestes::parse(cl),
        33 => santander::parse(cl),
        41 => banrisul::parse(cl),
        70 => brb::parse(cl),
        77 => inter::parse(cl),
        85 => ailos::parse(cl),
        97 => credisis::parse(cl),
        104 => caixa::parse(cl),
        136 => unicred::parse(cl),
        208 => btg::parse(cl),
        224 => fibra::parse(cl),
        237 => bradesco::parse(cl),
        336 => c6::parse(cl),
        341 => itau::parse(cl),
        399 => hsbc::parse(cl),
        422 => safra::parse(cl),
        435 => delbank::parse(cl),
        633 => rendimento::parse(cl),
        643 => pine::parse(cl),
        707 => daycoval::parse(cl),
        712 => ourinvest::parse(cl),
        745 => citibank::parse(cl),
        748 => sicredi::parse(cl),
        756 => sicoob::parse(cl),
        _ => None,
    }
}

/// Check that a built campo livre is 25 digits (guards every bank module).
pub(crate) fn checked(cl: String) -> Result<String> {
    if cl.len() == 25 && cl.bytes().all(|b| b.is_ascii_digit()) {
        Ok(cl)
    } else {
        Err(BoletoError::WrongLength {
            what: "campo livre",
            expected: "25",
            found: cl.len(),
        })
    }
}
