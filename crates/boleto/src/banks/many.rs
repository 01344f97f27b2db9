//! The nosso número check digits of many titles of one beneficiário, each computed over the title's digits alone:
//! what a remessa writer needs once per title. The beneficiário's part of the digits (agência, conta, código) is
//! gathered once; each title adds its carteira and nosso número, zero-padded, and the bank's own DV function runs
//! over them — the same digits and the same function as the bank's module (cited there), so the DV is the one
//! [`crate::nosso_numero_check_digit`] gives. Banks and values outside what is covered here (letters, spaces,
//! values longer than their field, a missing value, the banks whose DV depends on more than carteira and nosso
//! número) get `None`: the caller asks [`crate::nosso_numero_check_digit`], which gives the DV or the error.

use crate::dv::{ch, mod10};
use crate::input::{BoletoInput, CheckDigit};
use crate::text::Digits;

/// How one bank's DV is computed from a title's carteira and nosso número.
#[derive(Debug, Clone, Copy)]
enum Recipe {
    /// Not covered: every title goes through [`crate::nosso_numero_check_digit`].
    None,
    /// Bradesco (and BTG, Ourinvest, C6 with a 10-digit nosso número): módulo 11, weights 2..7, over carteira(2) +
    /// nosso número (`nn` digits) — [`super::bradesco::dv_over`].
    Bradesco { nn: usize },
    /// Itaú: módulo 10 over agência(4) + conta(5) + carteira(3) + nosso número(8), or carteira + nosso número for
    /// the carteiras of [`super::itau::CARTEIRAS_DAC_CURTO`]; the carteiras of
    /// [`super::itau::CARTEIRAS_SEU_NUMERO`] are not covered. `prefix`: agência and conta are given and fit.
    Itau { prefix: bool },
    /// Sicoob: weights 3, 1, 9, 7 over agência(4) + código do beneficiário(10) + nosso número(7)
    /// ([`super::sicoob`]'s `dv_over`); `prefix`: agência and código are given and fit.
    Sicoob { prefix: bool },
    /// BNB: módulo 11, weights 2..8, over nosso número(7) — [`super::bnb::dv_nosso_numero`].
    Bnb,
}

/// The nosso número check digits of one beneficiário's titles (see the module's documentation).
///
/// ```
/// use boleto::{nosso_numero_check_digit, BoletoInput, NossoNumeroDvs};
/// use rust_decimal::Decimal;
/// let mut input = BoletoInput::new(237, "525".to_string(), Decimal::ZERO);
/// input.carteira = Some("06".to_string());
/// let dvs = NossoNumeroDvs::new(&input);
/// let dv = dvs.check_digit("525", "06").unwrap();
/// assert_eq!(dv.as_str(), "P"); // brcobranca bradesco_spec.rb: 06/00000000525-P
/// assert_eq!(Some(dv), nosso_numero_check_digit(&input).unwrap());
/// assert_eq!(dvs.check_digit("52A", "06"), None); // not digits: nosso_numero_check_digit says why
/// ```
#[derive(Debug, Clone)]
pub struct NossoNumeroDvs {
    recipe: Recipe,
    /// The beneficiário's digits that come first (Itaú: agência + conta; Sicoob: agência + código).
    prefix: Digits,
}

impl NossoNumeroDvs {
    /// From the beneficiário's data in `input` (bank, agência, conta, código do beneficiário); the nosso número and
    /// carteira are given per title to [`NossoNumeroDvs::check_digit`].
    #[must_use]
    pub fn new(input: &BoletoInput) -> Self {
        let mut prefix = Digits::new();
        let recipe = match input.banco.code() {
            237 | 208 | 712 => Recipe::Bradesco { nn: 11 },
            336 => Recipe::Bradesco { nn: 10 },
            341 => Recipe::Itau {
                prefix: input.agencia_into(&mut prefix, 4).is_ok()
                    && input.conta_into(&mut prefix, 5).is_ok(),
            },
            756 => Recipe::Sicoob {
                prefix: input.agencia_into(&mut prefix, 4).is_ok()
                    && prefix.push_bytes(b"000").is_ok()
                    && input
                        .req_into(&mut prefix, "codigo_beneficiario", input.beneficiario(), 7)
                        .is_ok(),
            },
            4 => Recipe::Bnb,
            _ => Recipe::None,
        };
        NossoNumeroDvs { recipe, prefix }
    }

    /// The DV of a title with this nosso número and carteira (the title's, else the beneficiário's; `""`: none), as
    /// [`crate::nosso_numero_check_digit`] gives it for the beneficiário's input with these two values; `None` when
    /// this bank or these values are not covered (see the module's documentation).
    #[must_use]
    pub fn check_digit(&self, nosso_numero: &str, carteira: &str) -> Option<CheckDigit> {
        let mut d = Digits::new();
        match self.recipe {
            Recipe::None => None,
            Recipe::Bradesco { nn } => (d.push_padded(carteira, 2)
                && d.push_padded(nosso_numero, nn))
            .then(|| CheckDigit::char(super::bradesco::dv_over(d.as_str()))),
            Recipe::Itau { prefix } => {
                let mut cart = Digits::new();
                if !cart.push_padded(carteira, 3) {
                    return None;
                }
                let c = cart.as_str();
                if super::itau::CARTEIRAS_SEU_NUMERO.contains(&c) {
                    return None;
                }
                if !super::itau::CARTEIRAS_DAC_CURTO.contains(&c) {
                    if !prefix {
                        return None;
                    }
                    d = self.prefix;
                }
                (d.push_digits(&cart).is_ok() && d.push_padded(nosso_numero, 8))
                    .then(|| CheckDigit::char(ch(mod10(d.as_str()))))
            }
            Recipe::Sicoob { prefix } => {
                d = self.prefix;
                (prefix && d.push_padded(nosso_numero, 7))
                    .then(|| CheckDigit::char(super::sicoob::dv_over(d.as_str())))
            }
            Recipe::Bnb => d
                .push_padded(nosso_numero, 7)
                .then(|| CheckDigit::char(super::bnb::dv_nosso_numero(d.as_str()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nosso_numero_check_digit;
    use rust_decimal::Decimal;

    /// A small deterministic generator (xorshift64*), so that every run checks the same inputs.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        /// Mostly digits of 0 to `max` characters; now and then a letter, a space or a dash among them.
        fn value(&mut self, max: u64) -> String {
            let len = self.below(max + 1);
            (0..len)
                .map(|_| match self.below(40) {
                    0 => 'A',
                    1 => ' ',
                    2 => '-',
                    _ => char::from(b'0' + self.below(10) as u8),
                })
                .collect()
        }
        fn opt(&mut self, max: u64) -> Option<String> {
            (self.below(8) != 0).then(|| self.value(max))
        }
    }

    /// For every bank: random beneficiários, nosso números and carteiras (some not digits, some too long, some
    /// missing); wherever the per-title path gives a DV it is the general one's, and for the covered banks it gives
    /// one for most inputs.
    #[test]
    fn the_per_title_dv_is_the_general_one_for_every_bank() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for &bank in &crate::banks::SUPPORTED {
            let mut covered = 0;
            let cases = 3_000;
            for _ in 0..cases {
                let mut input = BoletoInput::new(bank, String::new(), Decimal::ZERO);
                input.agencia = rng.opt(6);
                input.conta = rng.opt(8);
                input.codigo_beneficiario = rng.opt(8);
                input.convenio = rng.opt(8);
                let dvs = NossoNumeroDvs::new(&input);
                for _ in 0..4 {
                    let nn = rng.value(13);
                    // Bradesco's carteira, Itaú's carteiras of each kind, and any carteira.
                    let carteira = match rng.below(5) {
                        0 => "09".to_string(),
                        1 => "109".to_string(),
                        2 => "112".to_string(),
                        3 => "107".to_string(),
                        _ => rng.value(4),
                    };
                    input.nosso_numero = nn.clone();
                    input.carteira = (!carteira.is_empty()).then(|| carteira.clone());
                    if let Some(dv) = dvs.check_digit(&nn, &carteira) {
                        covered += 1;
                        assert_eq!(
                            nosso_numero_check_digit(&input),
                            Ok(Some(dv)),
                            "bank {bank}, nosso número {nn:?}, carteira {carteira:?}, {input:?}"
                        );
                    }
                }
            }
            // Of the 12,000 titles, the covered banks give a DV for at least a tenth, the others for none.
            let expected = matches!(bank, 237 | 208 | 712 | 336 | 341 | 756 | 4);
            assert_eq!(covered > 1_200, expected, "bank {bank}: {covered}");
            assert!(expected || covered == 0, "bank {bank}: {covered}");
        }
    }
}
