//! The `Bank` value type: a COMPE code with its name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::BoletoError;

/// A bank, by its 3-digit COMPE code. Displays and parses as `"341"`; serializes as that
/// string and deserializes from a string or an integer.
///
/// ```
/// use boleto::Bank;
/// let b: Bank = "341".parse().unwrap();
/// assert_eq!(b, Bank::ITAU);
/// assert_eq!(b.to_string(), "341");
/// assert_eq!(b.name(), Some("Itaú Unibanco"));
/// assert_eq!(Bank::new(1).to_string(), "001");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Bank(u16);

impl Bank {
    /// 001 Banco do Brasil.
    pub const BANCO_DO_BRASIL: Bank = Bank(1);
    /// 004 Banco do Nordeste.
    pub const BANCO_DO_NORDESTE: Bank = Bank(4);
    /// 033 Santander.
    pub const SANTANDER: Bank = Bank(33);
    /// 041 Banrisul.
    pub const BANRISUL: Bank = Bank(41);
    /// 070 BRB - Banco de Brasília.
    pub const BRB: Bank = Bank(70);
    /// 077 Banco Inter.
    pub const INTER: Bank = Bank(77);
    /// 085 Ailos (Cecred).
    pub const AILOS: Bank = Bank(85);
    /// 104 Caixa Econômica Federal.
    pub const CAIXA: Bank = Bank(104);
    /// 136 Unicred.
    pub const UNICRED: Bank = Bank(136);
    /// 208 BTG Pactual.
    pub const BTG: Bank = Bank(208);
    /// 237 Bradesco.
    pub const BRADESCO: Bank = Bank(237);
    /// 341 Itaú.
    pub const ITAU: Bank = Bank(341);
    /// 422 Banco Safra.
    pub const SAFRA: Bank = Bank(422);
    /// 748 Sicredi.
    pub const SICREDI: Bank = Bank(748);
    /// 756 Sicoob (Bancoob).
    pub const SICOOB: Bank = Bank(756);

    /// 021 Banestes.
    pub const BANESTES: Bank = Bank(21);
    /// 097 CrediSIS.
    pub const CREDISIS: Bank = Bank(97);
    /// 224 Banco Fibra.
    pub const FIBRA: Bank = Bank(224);
    /// 336 C6 Bank.
    pub const C6: Bank = Bank(336);
    /// 399 HSBC.
    pub const HSBC: Bank = Bank(399);
    /// 435 Delbank.
    pub const DELBANK: Bank = Bank(435);
    /// 633 Banco Rendimento.
    pub const RENDIMENTO: Bank = Bank(633);
    /// 643 Banco Pine.
    pub const PINE: Bank = Bank(643);
    /// 707 Banco Daycoval.
    pub const DAYCOVAL: Bank = Bank(707);
    /// 712 Banco Ourinvest.
    pub const OURINVEST: Bank = Bank(712);
    /// 745 Citibank.
    pub const CITIBANK: Bank = Bank(745);

    /// A bank from its code (any value; codes above 999 never parse from a barcode).
    pub const fn new(code: u16) -> Bank {
        Bank(code)
    }

    /// The numeric code.
    pub const fn code(self) -> u16 {
        self.0
    }

    /// The bank's official short name, for the banks this workspace knows (boletos, CNAB files): the one name
    /// every crate prints (`cnab-core` serializes it beside the code, `cnab banks` lists it).
    pub const fn name(self) -> Option<&'static str> {
        Some(match self.0 {
            1 => "Banco do Brasil",
            4 => "Banco do Nordeste",
            21 => "Banestes",
            33 => "Santander",
            41 => "Banrisul",
            70 => "BRB - Banco de Brasília",
            77 => "Banco Inter",
            85 => "Ailos",
            97 => "CrediSIS",
            104 => "Caixa Econômica Federal",
            136 => "Unicred",
            208 => "BTG Pactual",
            224 => "Banco Fibra",
            237 => "Bradesco",
            260 => "Nu Pagamentos",
            336 => "C6 Bank",
            341 => "Itaú Unibanco",
            389 => "Banco Mercantil",
            399 => "HSBC",
            422 => "Banco Safra",
            435 => "Delbank",
            633 => "Banco Rendimento",
            643 => "Banco Pine",
            655 => "Banco Votorantim (BV)",
            707 => "Banco Daycoval",
            712 => "Banco Ourinvest",
            745 => "Citibank",
            748 => "Sicredi",
            756 => "Sicoob",
            _ => return None,
        })
    }

    /// Whether this crate builds and decodes this bank's campo livre.
    pub fn is_supported(self) -> bool {
        crate::banks::supported(self.0)
    }
}

impl From<u16> for Bank {
    fn from(code: u16) -> Self {
        Bank(code)
    }
}

impl fmt::Display for Bank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

impl FromStr for Bank {
    type Err = BoletoError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if let Some((i, c)) = t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
            return Err(BoletoError::NonDigit {
                position: i + 1,
                ch: c,
            });
        }
        if t.is_empty() || t.len() > 3 {
            return Err(BoletoError::WrongLength {
                what: "bank code",
                expected: "1 to 3",
                found: t.len(),
            });
        }
        t.parse::<u16>()
            .map(Bank)
            .map_err(|_| BoletoError::WrongLength {
                what: "bank code",
                expected: "1 to 3",
                found: t.len(),
            })
    }
}

impl Serialize for Bank {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Bank {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            N(u16),
            S(String),
        }
        match Raw::deserialize(d)? {
            Raw::N(n) => Ok(Bank(n)),
            Raw::S(s) => s.parse().map_err(serde::de::Error::custom),
        }
    }
}
