//! `nosso_numero_check_digit` (the DV computed over the digits on the stack) against `nosso_numero(..).dv` (the DV
//! of the formatted nosso número), for every bank, on many pseudo-random inputs: valid ones, and ones with missing,
//! too long, padded or non-digit fields, so that the errors are compared too.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use boleto::banks::SUPPORTED;
use boleto::{nosso_numero, nosso_numero_check_digit, nosso_numero_dv, BoletoInput};
use rust_decimal::Decimal;

/// xorshift64*: a fixed sequence, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn digits(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
    /// A field value: mostly digits of a plausible width, sometimes absent, empty, blank-padded, too long or
    /// with a character that is not a digit.
    fn field(&mut self, widths: &[usize], specials: &[&str]) -> Option<String> {
        match self.below(20) {
            0 => None,
            1 => Some(String::new()),
            2 => Some(format!(" {} ", self.digits(widths[0]))),
            3 => Some(self.digits(25)),
            4 => {
                let mut s = self.digits(widths[0].max(2));
                let bad = ['A', '-', '.', 'é', ' ', 'x'][self.below(6)];
                s.insert(self.below(s.len()), bad);
                Some(s)
            }
            5..=7 if !specials.is_empty() => Some(specials[self.below(specials.len())].to_string()),
            _ => {
                let w = widths[self.below(widths.len())];
                let len = self.below(w + 1).max(1);
                Some(self.digits(len))
            }
        }
    }
}

fn input(rng: &mut Rng, bank: u16) -> BoletoInput {
    let nn = rng
        .field(&[5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 17], &[])
        .unwrap_or_default();
    let mut i = BoletoInput::new(bank, nn, Decimal::new(rng.below(1_000_000) as i64, 2));
    let carteiras = [
        "06", "09", "10", "30", "60", "109", "112", "104", "126", "146", "107", "198", "17", "1",
        "2", "CNR", "CSB", "cnr",
    ];
    i.agencia = rng.field(&[3, 4, 5], &[]);
    i.agencia_dv = rng.field(&[1], &[]);
    i.conta = rng.field(&[5, 6, 7], &[]);
    i.conta_dv = rng.field(&[1], &[]);
    i.carteira = rng.field(&[1, 2, 3], &carteiras);
    i.convenio = rng.field(&[4, 6, 7, 8], &["1234", "123456", "1234567", "12345678"]);
    i.codigo_beneficiario = rng.field(&[5, 6, 7], &[]);
    i.posto = rng.field(&[2], &[]);
    i.byte = rng.field(&[1], &[]);
    i.ano = rng.field(&[2, 4], &["2026", "26", "é6"]);
    i.modalidade = rng.field(&[2], &[]);
    i.emissao = rng.field(&[1], &[]);
    i.seu_numero = rng.field(&[7], &[]);
    i.incremento = rng.field(&[3], &[]);
    i.documento_beneficiario = rng.field(&[11, 14], &["123.456.789-09"]);
    i.portfolio = rng.field(&[3], &[]);
    i.vencimento = (rng.below(5) > 0).then(|| {
        chrono::NaiveDate::from_ymd_opt(
            2000 + rng.below(60) as i32,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        )
        .unwrap()
    });
    i
}

#[test]
fn the_check_digit_alone_is_the_nosso_numeros_dv_for_every_bank() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for &bank in SUPPORTED.iter().chain(&[2u16, 999]) {
        let (mut with_dv, mut without, mut errors) = (0, 0, 0);
        for _ in 0..8_000 {
            let i = input(&mut rng, bank);
            let want = nosso_numero(&i).map(|n| n.dv);
            let got = nosso_numero_check_digit(&i).map(|d| d.map(|d| d.to_string()));
            assert_eq!(got, want, "bank {bank}: {i:?}");
            assert_eq!(nosso_numero_dv(&i), want, "bank {bank}: {i:?}");
            match want {
                Ok(Some(_)) => with_dv += 1,
                Ok(None) => without += 1,
                Err(_) => errors += 1,
            }
        }
        // Each bank met both valid inputs and refused ones (Ailos and CrediSIS have no nosso número DV; BB has
        // none for convênios of 7 and 8 digits, Itaú for its seu-número carteiras without an account).
        match bank {
            2 | 999 => assert_eq!(errors, 8_000, "bank {bank}"),
            85 | 97 => assert!(
                without > 100 && with_dv == 0,
                "bank {bank}: {without} valid"
            ),
            _ => assert!(with_dv > 100, "bank {bank}: only {with_dv} valid inputs"),
        }
        assert!(
            errors > 100 || bank == 2 || bank == 999,
            "bank {bank}: {errors} errors"
        );
    }
}
