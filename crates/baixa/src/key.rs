//! Normalized keys for matching, and the content identity of an entry.
//!
//! A nosso número or seu número is compared by its letters and digits only (spaces, `.`, `-`, `/` dropped),
//! upper-cased, leading zeros dropped: `"000012345"`, `"12345"` and `"1.234-5"` without its DV are the same key.
//! Numeric keys (almost all) are kept as a `u128`, so building and hashing one allocates nothing.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use cnab_core::{Header, RetornoEntry};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

/// A normalized matching key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// Digits only, as a number (leading zeros gone).
    Num(u128),
    /// Letters and digits, upper-cased, leading zeros dropped.
    Text(Box<str>),
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Num(n) => write!(f, "{n}"),
            Key::Text(s) => f.write_str(s),
        }
    }
}

impl Key {
    /// The key of the concatenation of `parts`; `None` when nothing but zeros and separators remain.
    ///
    /// ```
    /// use baixa::Key;
    /// assert_eq!(Key::of(&["000123", "4"]), Key::of(&["1234"]));
    /// assert_eq!(Key::of(&["0000"]), None);
    /// assert_eq!(Key::of(&["12-3P"]).unwrap().to_string(), "123P");
    /// ```
    pub fn of(parts: &[&str]) -> Option<Key> {
        let mut n: u128 = 0;
        let mut numeric = true;
        let mut any = false;
        for p in parts {
            for b in p.bytes() {
                if b.is_ascii_digit() {
                    if numeric {
                        match n
                            .checked_mul(10)
                            .and_then(|x| x.checked_add(u128::from(b - b'0')))
                        {
                            Some(x) => n = x,
                            None => numeric = false,
                        }
                    }
                    any |= b != b'0';
                } else if b.is_ascii_alphabetic() || !b.is_ascii() {
                    numeric = false;
                    any = true;
                }
            }
        }
        if !any {
            return None;
        }
        if numeric {
            return Some(Key::Num(n));
        }
        let mut s = String::new();
        for p in parts {
            for c in p.chars() {
                if c.is_alphanumeric() {
                    if s.is_empty() && c == '0' {
                        continue;
                    }
                    s.extend(c.to_uppercase());
                }
            }
        }
        Some(Key::Text(s.into_boxed_str()))
    }

    /// Parse the text form written by `Display` back.
    pub fn parse(s: &str) -> Option<Key> {
        Key::of(&[s])
    }
}

/// A title's nosso número split into its body and check digit: `"109/00010152-7"` → (`00010152`, `7`).
/// A carteira prefix before `/` is dropped; the DV is what follows the last `-`, else `dv`.
pub fn split_nosso_numero<'a>(nn: &'a str, dv: Option<&'a str>) -> (&'a str, Option<&'a str>) {
    let s = nn.trim();
    let s = s.rsplit_once('/').map_or(s, |(_, b)| b);
    match s.rsplit_once('-') {
        Some((body, d)) if !d.trim().is_empty() => (body, Some(d.trim())),
        _ => (s, dv.map(str::trim).filter(|d| !d.is_empty())),
    }
}

/// An entry's identity: SHA-256 over its content, never its position.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub [u8; 32]);

impl fmt::Debug for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EntryId({self})")
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for EntryId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::str::FromStr for EntryId {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let b = s.as_bytes();
        if b.len() != 64 {
            return Err(());
        }
        let mut out = [0u8; 32];
        for (i, o) in out.iter_mut().enumerate() {
            let hex = s.get(2 * i..2 * i + 2).ok_or(())?;
            *o = u8::from_str_radix(hex, 16).map_err(|_| ())?;
        }
        Ok(EntryId(out))
    }
}

/// The beneficiary agreement of a retorno, as a key: the convênio, else the código do beneficiário, else
/// agência + conta.
pub fn file_agreement(h: &Header) -> Option<Key> {
    let b = &h.beneficiario;
    Key::of(&[&b.convenio])
        .or_else(|| Key::of(&[&b.codigo_beneficiario]))
        .or_else(|| Key::of(&[&b.agencia, &b.conta, &b.conta_dv]))
}

/// Every identifier the header carries for the beneficiary, as keys (a title's `convenio` may name any of them).
pub fn file_agreements(h: &Header) -> Vec<Key> {
    let b = &h.beneficiario;
    let mut v: Vec<Key> = [
        Key::of(&[&b.convenio]),
        Key::of(&[&b.codigo_beneficiario]),
        Key::of(&[&b.conta]),
        Key::of(&[&b.conta, &b.conta_dv]),
        Key::of(&[&b.agencia, &b.conta]),
        Key::of(&[&b.agencia, &b.conta, &b.conta_dv]),
    ]
    .into_iter()
    .flatten()
    .collect();
    v.sort();
    v.dedup();
    v
}

struct H(Sha256);

impl H {
    fn tag(&mut self, t: u8) {
        self.0.update([t]);
    }
    fn key(&mut self, t: u8, k: Option<&Key>) {
        self.tag(t);
        match k {
            None => self.0.update([0]),
            Some(Key::Num(n)) => {
                self.0.update([1]);
                self.0.update(n.to_be_bytes());
            }
            Some(Key::Text(s)) => {
                self.0.update([2]);
                self.0.update((s.len() as u64).to_be_bytes());
                self.0.update(s.as_bytes());
            }
        }
    }
    fn text(&mut self, t: u8, s: &str) {
        let s = s.trim();
        self.tag(t);
        self.0.update((s.len() as u64).to_be_bytes());
        self.0.update(s.as_bytes());
    }
    fn date(&mut self, t: u8, d: Option<NaiveDate>) {
        self.tag(t);
        match d {
            None => self.0.update([0]),
            Some(d) => {
                self.0.update([1]);
                self.0.update(d.num_days_from_ce().to_be_bytes());
            }
        }
    }
    fn money(&mut self, t: u8, d: Option<Decimal>) {
        self.tag(t);
        match d {
            None => self.0.update([0]),
            Some(d) => {
                // 1.5 and 1.50 are the same amount
                self.0.update([1]);
                self.0.update(d.normalize().serialize());
            }
        }
    }
}

/// The identity of one retorno entry: bank, agreement, nosso número (normalized, with its DV), seu número,
/// ocorrência code, dates and amounts. The line is not part of it, so the same payment in another file (or the
/// same file again) has the same identity.
pub fn entry_identity(bank: u16, agreement: Option<&Key>, e: &RetornoEntry) -> EntryId {
    let mut h = H(Sha256::new());
    h.0.update(b"baixa-entry-v1");
    h.tag(1);
    h.0.update(bank.to_be_bytes());
    h.key(2, agreement);
    let dv = e.nosso_numero_dv.as_deref().unwrap_or("");
    h.key(3, Key::of(&[&e.nosso_numero, dv]).as_ref());
    h.key(4, Key::of(&[&e.seu_numero]).as_ref());
    h.text(5, e.ocorrencia.as_ref().map_or("", |o| o.code.as_str()));
    h.date(6, e.data_ocorrencia);
    h.date(7, e.data_credito);
    h.date(8, e.vencimento);
    h.money(9, e.valor_titulo);
    h.money(10, e.valor_pago);
    h.money(11, e.valor_creditado);
    h.money(12, e.juros_multa);
    h.money(13, e.desconto);
    h.money(14, e.abatimento);
    h.money(15, e.tarifa);
    h.money(16, e.iof);
    h.money(17, e.outras_despesas);
    h.money(18, e.outros_creditos);
    for m in &e.motivos {
        h.text(19, &m.code);
    }
    let out = h.0.finalize();
    let mut id = [0u8; 32];
    id.copy_from_slice(out.as_slice());
    EntryId(id)
}

/// The identity of a file: its bank, agreement, NSA, generation date and the identities of its entries in order.
pub fn file_identity(bank: u16, header: &Header, entries: &[EntryId]) -> EntryId {
    let mut h = H(Sha256::new());
    h.0.update(b"baixa-file-v1");
    h.0.update(bank.to_be_bytes());
    h.key(2, file_agreement(header).as_ref());
    h.tag(3);
    h.0.update(header.nsa.unwrap_or(u64::MAX).to_be_bytes());
    h.date(4, header.data_geracao);
    h.0.update((entries.len() as u64).to_be_bytes());
    for e in entries {
        h.0.update(e.0);
    }
    let out = h.0.finalize();
    let mut id = [0u8; 32];
    id.copy_from_slice(out.as_slice());
    EntryId(id)
}
