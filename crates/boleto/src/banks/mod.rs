//! One module per bank: campo livre layout, nosso número and its check digit(s), and the
//! reverse (reading a campo livre back). Each module cites the manual or peer source it
//! follows.

use crate::error::{BoletoError, Result};
use crate::input::{BoletoInput, CampoLivreInfo, CheckDigit, NossoNumero};

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
pub(crate) mod many;
pub mod ourinvest;
pub mod pine;
pub mod rendimento;
pub mod safra;
pub mod santander;
pub mod sicoob;
pub mod sicredi;
pub mod unicred;

/// One bank's campo livre implementation: its module's four functions.
struct Module {
    code: u16,
    nosso_numero: fn(&BoletoInput) -> Result<NossoNumero>,
    /// The nosso número's check digit alone: `nosso_numero(input)?.dv` without the formatted nosso número.
    check_digit: fn(&BoletoInput) -> Result<Option<CheckDigit>>,
    campo_livre: fn(&BoletoInput) -> Result<String>,
    parse: fn(&str) -> Option<CampoLivreInfo>,
}

macro_rules! module {
    ($code:expr, $m:ident) => {
        Module {
            code: $code,
            nosso_numero: $m::nosso_numero,
            check_digit: $m::check_digit,
            campo_livre: $m::campo_livre,
            parse: $m::parse,
        }
    };
}

/// The registry: every bank with a campo livre implementation, by code. Adding a bank is its module plus one line.
const REGISTRY: &[Module] = &[
    module!(1, banco_brasil),
    module!(4, bnb),
    module!(21, banestes),
    module!(33, santander),
    module!(41, banrisul),
    module!(70, brb),
    module!(77, inter),
    module!(85, ailos),
    module!(97, credisis),
    module!(104, caixa),
    module!(136, unicred),
    module!(208, btg),
    module!(224, fibra),
    module!(237, bradesco),
    module!(336, c6),
    module!(341, itau),
    module!(399, hsbc),
    module!(422, safra),
    module!(435, delbank),
    module!(633, rendimento),
    module!(643, pine),
    module!(707, daycoval),
    module!(712, ourinvest),
    module!(745, citibank),
    module!(748, sicredi),
    module!(756, sicoob),
];

const fn codes<const N: usize>() -> [u16; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        if let (Some((_, rest)), Some(m)) = (out.split_at_mut_checked(i), registry_get(i)) {
            if let Some(slot) = rest.first_mut() {
                *slot = m.code;
            }
        }
        i += 1;
    }
    out
}

const fn registry_get(i: usize) -> Option<&'static Module> {
    if i < REGISTRY.len() {
        let (_, rest) = REGISTRY.split_at(i);
        rest.first()
    } else {
        None
    }
}

/// Bank codes with a campo livre implementation (the registry's codes, in its order).
pub const SUPPORTED: [u16; REGISTRY.len()] = codes();

fn module(code: u16) -> Option<&'static Module> {
    REGISTRY.iter().find(|m| m.code == code)
}

pub(crate) fn supported(code: u16) -> bool {
    module(code).is_some()
}

/// The nosso número (digits, DV, printed form) for `input.banco`.
///
/// # Errors
/// Unsupported bank, missing or invalid fields.
pub fn nosso_numero(input: &BoletoInput) -> Result<NossoNumero> {
    let code = input.banco.code();
    module(code).map_or(Err(BoletoError::UnsupportedBank(code)), |m| {
        (m.nosso_numero)(input)
    })
}

/// The nosso número check digit for `input.banco`: [`nosso_numero`]'s `dv`, with the same errors, computed over
/// the digits on the stack without building the formatted nosso número.
///
/// # Errors
/// Unsupported bank, missing or invalid fields.
pub fn nosso_numero_check_digit(input: &BoletoInput) -> Result<Option<CheckDigit>> {
    let code = input.banco.code();
    module(code).map_or(Err(BoletoError::UnsupportedBank(code)), |m| {
        (m.check_digit)(input)
    })
}

/// The 25-digit campo livre for `input.banco`.
///
/// # Errors
/// Unsupported bank, missing or invalid fields.
pub fn campo_livre(input: &BoletoInput) -> Result<String> {
    let code = input.banco.code();
    module(code).map_or(Err(BoletoError::UnsupportedBank(code)), |m| {
        (m.campo_livre)(input)
    })
}

/// Read a campo livre back into its parts. `None` for unsupported banks or a campo livre
/// that is not 25 digits.
pub fn parse_campo_livre(bank: u16, cl: &str) -> Option<CampoLivreInfo> {
    if cl.len() != 25 || !cl.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    module(bank).and_then(|m| (m.parse)(cl))
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
