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
        match Key::of_numeric(parts) {
            KeyShape::None => return None,
            KeyShape::Num(n) => return Some(Key::Num(n)),
            KeyShape::Text => {}
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

    /// What [`Key::of`] would build, without building a text key: `Num` computed, `Text` only said.
    pub(crate) fn of_numeric(parts: &[&str]) -> KeyShape {
        // The digits go into a u64 while the number stays below 10^18 (every nosso número, seu número and
        // convênio of up to 18 digits: a u128 multiplication is several instructions a digit), into the u128
        // past it.
        const NARROW_MAX: u64 = 1_000_000_000_000_000_000;
        let mut narrow: u64 = 0;
        let mut wide = false;
        let mut n: u128 = 0;
        let mut numeric = true;
        let mut any = false;
        for p in parts {
            for b in p.bytes() {
                if b.is_ascii_digit() {
                    if numeric && !wide {
                        if narrow < NARROW_MAX {
                            narrow = narrow * 10 + u64::from(b - b'0');
                            any |= b != b'0';
                            continue;
                        }
                        wide = true;
                        n = u128::from(narrow);
                    }
                    if numeric {
                        // `n * 10 + d` when it fits in a u128, compared with constants rather than computed with
                        // overflow checks (a u128 `checked_mul` is a call into the runtime per digit)
                        const MAX_DIV_10: u128 = u128::MAX / 10;
                        const MAX_MOD_10: u128 = u128::MAX % 10;
                        let d = u128::from(b - b'0');
                        if n < MAX_DIV_10 || (n == MAX_DIV_10 && d <= MAX_MOD_10) {
                            n = n * 10 + d;
                        } else {
                            numeric = false;
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
            KeyShape::None
        } else if numeric {
            KeyShape::Num(if wide { n } else { u128::from(narrow) })
        } else {
            KeyShape::Text
        }
    }

    /// Parse the text form written by `Display` back.
    pub fn parse(s: &str) -> Option<Key> {
        Key::of(&[s])
    }
}

/// The shape of a key before it is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyShape {
    None,
    Num(u128),
    Text,
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
        // lower-case hex, written in one call (a ledger writes it several times per entry)
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (pair, b) in out.chunks_exact_mut(2).zip(self.0) {
            for (o, nibble) in pair.iter_mut().zip([b >> 4, b & 15]) {
                *o = HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
            }
        }
        f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)
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

/// `d.normalize().serialize()`: trailing zeros of the fraction stripped (and -0 made 0), the amount's 16 bytes. A
/// mantissa that fits in 64 bits (any amount below 1.8 × 10^19 cents) is stripped with 64-bit divisions instead of
/// the library's 96-bit ones.
fn normalized_bytes(d: Decimal) -> [u8; 16] {
    let m = d.mantissa();
    match u64::try_from(m.unsigned_abs()) {
        Ok(0) => Decimal::ZERO.serialize(),
        Ok(mut u) => {
            let mut scale = d.scale();
            while scale > 0 && u % 10 == 0 {
                u /= 10;
                scale -= 1;
            }
            // the low and middle 32-bit words of the mantissa (the `as` casts keep the low 32 bits)
            Decimal::from_parts(u as u32, (u >> 32) as u32, 0, m < 0, scale).serialize()
        }
        Err(_) => d.normalize().serialize(),
    }
}

/// The bytes an identity hashes, gathered in one buffer and hashed in one call (the same bytes, and so the same
/// digest, as feeding them piece by piece: SHA-256 is defined over the concatenation).
struct H<'b>(&'b mut Vec<u8>);

impl H<'_> {
    fn tag(&mut self, t: u8) {
        self.0.push(t);
    }
    fn update(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }
    /// `Key::of(parts)` as [`H::key`] writes it, without building the key (no allocation for a text key).
    fn key_of(&mut self, t: u8, parts: &[&str]) {
        self.key_shaped(t, Key::of_numeric(parts), parts);
    }
    /// [`H::key_of`] with `Key::of_numeric(parts)` already computed (`shape`).
    fn key_shaped(&mut self, t: u8, shape: KeyShape, parts: &[&str]) {
        self.tag(t);
        match shape {
            KeyShape::None => self.0.push(0),
            KeyShape::Num(n) => {
                self.0.push(1);
                self.update(&n.to_be_bytes());
            }
            KeyShape::Text => {
                self.0.push(2);
                let at = self.0.len();
                self.update(&[0; 8]);
                let mut first = true;
                let mut utf8 = [0u8; 4];
                for p in parts {
                    for c in p.chars().filter(|c| c.is_alphanumeric()) {
                        if first && c == '0' {
                            continue;
                        }
                        first = false;
                        if c.is_ascii() {
                            // an ASCII letter's upper case is one ASCII letter: the Unicode table is not needed
                            self.0.push((c as u8).to_ascii_uppercase());
                            continue;
                        }
                        for u in c.to_uppercase() {
                            self.0
                                .extend_from_slice(u.encode_utf8(&mut utf8).as_bytes());
                        }
                    }
                }
                let len = (self.0.len() - at - 8) as u64;
                if let Some(slot) = self.0.get_mut(at..at + 8) {
                    slot.copy_from_slice(&len.to_be_bytes());
                }
            }
        }
    }
    fn key(&mut self, t: u8, k: Option<&Key>) {
        self.tag(t);
        match k {
            None => self.0.push(0),
            Some(Key::Num(n)) => {
                self.0.push(1);
                self.update(&n.to_be_bytes());
            }
            Some(Key::Text(s)) => {
                self.0.push(2);
                self.update(&(s.len() as u64).to_be_bytes());
                self.update(s.as_bytes());
            }
        }
    }
    fn text(&mut self, t: u8, s: &str) {
        let s = s.trim();
        self.tag(t);
        self.update(&(s.len() as u64).to_be_bytes());
        self.update(s.as_bytes());
    }
    fn date(&mut self, t: u8, d: Option<NaiveDate>) {
        self.tag(t);
        match d {
            None => self.0.push(0),
            Some(d) => {
                self.0.push(1);
                self.update(&d.num_days_from_ce().to_be_bytes());
            }
        }
    }
    fn money(&mut self, t: u8, d: Option<Decimal>) {
        match d {
            None => self.update(&[t, 0]),
            Some(d) => {
                // 1.5 and 1.50 are the same amount; tag, 1 and the amount's 16 bytes appended at once
                let mut out = [0u8; 18];
                let (head, amount) = out.split_at_mut(2);
                head.copy_from_slice(&[t, 1]);
                amount.copy_from_slice(&normalized_bytes(d));
                self.update(&out);
            }
        }
    }
    fn digest(&self) -> EntryId {
        EntryId(Sha256::digest(self.0.as_slice()).into())
    }
}

/// The identity of one retorno entry: bank, agreement, nosso número (normalized, with its DV), seu número,
/// ocorrência code, dates and amounts. The line is not part of it, so the same payment in another file (or the
/// same file again) has the same identity.
pub fn entry_identity(bank: u16, agreement: Option<&Key>, e: &RetornoEntry) -> EntryId {
    entry_identity_in(&mut Vec::with_capacity(256), bank, agreement, e)
}

/// [`entry_identity`] with a buffer kept from one entry to the next.
pub(crate) fn entry_identity_in(
    buf: &mut Vec<u8>,
    bank: u16,
    agreement: Option<&Key>,
    e: &RetornoEntry,
) -> EntryId {
    entry_identity_keyed(buf, bank, agreement, e).0
}

/// [`entry_identity_in`], and the shape of the key of the entry's nosso número as written (without its DV:
/// `Key::of_numeric(&[&e.nosso_numero])`, the key of the entry's first lookup), computed once for both: when
/// the DV holds no letter or digit, the identity's key (nosso número and DV) is that same key.
pub(crate) fn entry_identity_keyed(
    buf: &mut Vec<u8>,
    bank: u16,
    agreement: Option<&Key>,
    e: &RetornoEntry,
) -> (EntryId, KeyShape) {
    buf.clear();
    let mut h = H(buf);
    h.update(b"baixa-entry-v1");
    h.tag(1);
    h.update(&bank.to_be_bytes());
    h.key(2, agreement);
    let dv = e.nosso_numero_dv.as_deref().unwrap_or("");
    let nn = Key::of_numeric(&[&e.nosso_numero]);
    // `Key::of_numeric` skips every ASCII byte that is not a letter or digit: such a DV changes nothing
    let with_dv = if dv
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
    {
        nn
    } else {
        Key::of_numeric(&[&e.nosso_numero, dv])
    };
    h.key_shaped(3, with_dv, &[&e.nosso_numero, dv]);
    h.key_of(4, &[&e.seu_numero]);
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
    (h.digest(), nn)
}

/// The identity of a file: its bank, agreement, NSA, generation date and the identities of its entries in order.
pub fn file_identity(bank: u16, header: &Header, entries: &[EntryId]) -> EntryId {
    let mut buf = Vec::with_capacity(64 + 32 * entries.len());
    let mut h = H(&mut buf);
    h.update(b"baixa-file-v1");
    h.update(&bank.to_be_bytes());
    h.key(2, file_agreement(header).as_ref());
    h.tag(3);
    h.update(&header.nsa.unwrap_or(u64::MAX).to_be_bytes());
    h.date(4, header.data_geracao);
    h.update(&(entries.len() as u64).to_be_bytes());
    for e in entries {
        h.update(&e.0);
    }
    h.digest()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use cnab_core::{Motivo, Ocorrencia, OcorrenciaKind};

    /// The first version's identity, fed to SHA-256 piece by piece with each key built first: identities stored
    /// in existing ledgers were made this way, so the one-buffer version must give the same digest.
    fn streamed(bank: u16, agreement: Option<&Key>, e: &RetornoEntry) -> EntryId {
        let mut h = Sha256::new();
        let key = |h: &mut Sha256, t: u8, k: Option<&Key>| {
            h.update([t]);
            match k {
                None => h.update([0]),
                Some(Key::Num(n)) => {
                    h.update([1]);
                    h.update(n.to_be_bytes());
                }
                Some(Key::Text(s)) => {
                    h.update([2]);
                    h.update((s.len() as u64).to_be_bytes());
                    h.update(s.as_bytes());
                }
            }
        };
        let text = |h: &mut Sha256, t: u8, s: &str| {
            let s = s.trim();
            h.update([t]);
            h.update((s.len() as u64).to_be_bytes());
            h.update(s.as_bytes());
        };
        let date = |h: &mut Sha256, t: u8, d: Option<NaiveDate>| {
            h.update([t]);
            match d {
                None => h.update([0]),
                Some(d) => {
                    h.update([1]);
                    h.update(d.num_days_from_ce().to_be_bytes());
                }
            }
        };
        let money = |h: &mut Sha256, t: u8, d: Option<Decimal>| {
            h.update([t]);
            match d {
                None => h.update([0]),
                Some(d) => {
                    h.update([1]);
                    h.update(d.normalize().serialize());
                }
            }
        };
        h.update(b"baixa-entry-v1");
        h.update([1]);
        h.update(bank.to_be_bytes());
        key(&mut h, 2, agreement);
        let dv = e.nosso_numero_dv.as_deref().unwrap_or("");
        key(&mut h, 3, Key::of(&[&e.nosso_numero, dv]).as_ref());
        key(&mut h, 4, Key::of(&[&e.seu_numero]).as_ref());
        text(
            &mut h,
            5,
            e.ocorrencia.as_ref().map_or("", |o| o.code.as_str()),
        );
        date(&mut h, 6, e.data_ocorrencia);
        date(&mut h, 7, e.data_credito);
        date(&mut h, 8, e.vencimento);
        for (t, m) in [
            (9, e.valor_titulo),
            (10, e.valor_pago),
            (11, e.valor_creditado),
            (12, e.juros_multa),
            (13, e.desconto),
            (14, e.abatimento),
            (15, e.tarifa),
            (16, e.iof),
            (17, e.outras_despesas),
            (18, e.outros_creditos),
        ] {
            money(&mut h, t, m);
        }
        for m in &e.motivos {
            text(&mut h, 19, &m.code);
        }
        EntryId(h.finalize().into())
    }

    fn entries() -> Vec<RetornoEntry> {
        let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd);
        let oc = |c: &str| {
            Some(Ocorrencia {
                code: c.into(),
                kind: OcorrenciaKind::Liquidacao,
                description: String::new(),
            })
        };
        let mut v = Vec::new();
        for (nn, dv, seu) in [
            ("00012345678", None, ""),
            ("12345678", Some("9"), "NF-0001/a"),
            ("109/00010152-7", Some(" "), "  s123  "),
            ("ABC-00x", None, "çãoß0"),
            ("0000", None, "0000"),
            ("", None, "—"),
            ("1234567890123456789012345678901234567890", None, "0a0"),
        ] {
            v.push(RetornoEntry {
                nosso_numero: nn.into(),
                nosso_numero_dv: dv.map(String::from),
                seu_numero: seu.into(),
                ocorrencia: oc("06"),
                data_ocorrencia: d(3, 25),
                vencimento: d(3, 10),
                valor_titulo: Some("1000.00".parse().unwrap()),
                valor_pago: Some("1025.5".parse().unwrap()),
                tarifa: Some(Decimal::ZERO),
                motivos: vec![Motivo {
                    code: "A1".into(),
                    description: None,
                }],
                line: 7,
                ..Default::default()
            });
        }
        v.push(RetornoEntry::default());
        v
    }

    #[test]
    fn one_buffer_identity_is_the_streamed_one() {
        let agreements = [None, Key::of(&["123456"]), Key::of(&["12-ab"])];
        let mut buf = Vec::new();
        for e in entries() {
            for a in &agreements {
                let want = streamed(341, a.as_ref(), &e);
                assert_eq!(entry_identity(341, a.as_ref(), &e), want, "{e:?}");
                assert_eq!(entry_identity_in(&mut buf, 341, a.as_ref(), &e), want);
            }
        }
    }

    #[test]
    fn the_keyed_identity_is_the_identity_and_the_key_without_the_dv() {
        let agreement = Key::of(&["123456"]);
        let mut buf = Vec::new();
        for e in entries() {
            for dv in [
                None,
                Some(""),
                Some(" "),
                Some("-"),
                Some("/."),
                Some("0"),
                Some("7"),
                Some("x"),
                Some("é"),
            ] {
                let mut e = e.clone();
                e.nosso_numero_dv = dv.map(String::from);
                let (id, shape) = entry_identity_keyed(&mut buf, 341, agreement.as_ref(), &e);
                assert_eq!(id, streamed(341, agreement.as_ref(), &e), "{e:?}");
                assert_eq!(shape, Key::of_numeric(&[&e.nosso_numero]), "{e:?}");
            }
        }
    }

    #[test]
    fn normalized_bytes_are_the_librarys() {
        let mut samples: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "-0.000",
            "1",
            "1.5",
            "1.50",
            "-1.50",
            "100.00",
            "1025.00",
            "0.10",
            "10",
            "1000",
            "-1000.000",
            "18446744073709551615",
            "18446744073709551616",
            "184467440737095516150",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950330",
            "0.0000000000000000000000000010",
            "123456789012345678.90",
            "-0.01",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        // amounts with every scale, and every mantissa length around the 64-bit limit
        for scale in 0..=28u32 {
            for m in [
                1i128,
                10,
                100,
                120,
                1_000_000,
                99_999_990,
                1 << 63,
                (1 << 64) - 10,
                1 << 64,
            ] {
                for sign in [1, -1] {
                    samples.push(Decimal::from_i128_with_scale(sign * m, scale));
                }
            }
        }
        for d in samples {
            assert_eq!(normalized_bytes(d), d.normalize().serialize(), "{d}");
        }
    }

    #[test]
    fn a_numeric_key_is_a_number_up_to_u128_max_and_text_past_it() {
        let max = u128::MAX.to_string();
        assert_eq!(Key::of(&[&max]), Some(Key::Num(u128::MAX)));
        assert_eq!(Key::of(&["000", &max]), Some(Key::Num(u128::MAX)));
        let past = "340282366920938463463374607431768211456"; // u128::MAX + 1
        assert_eq!(Key::of(&[past]), Some(Key::Text(past.into())));
        let past = format!("{max}0");
        assert_eq!(Key::of(&[&past]), Some(Key::Text(past.clone().into())));
        assert_eq!(
            Key::of(&["34028236692093846346337460743176821145", "4"]),
            Some(Key::Num(u128::MAX - 1))
        );
        // around the end of the 64-bit accumulation (10^18) and of u64 itself
        for s in [
            "999999999999999999",
            "1000000000000000000",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "000000000000000000000000123",
            "12345678901234567890123456789",
        ] {
            assert_eq!(Key::of(&[s]), Some(Key::Num(s.parse().unwrap())), "{s}");
            let (a, b) = s.split_at(s.len() / 2);
            assert_eq!(
                Key::of(&[a, "-", b]),
                Some(Key::Num(s.parse().unwrap())),
                "{s}"
            );
        }
        assert_eq!(
            Key::of(&["12345678901234567890", "x"]),
            Some(Key::Text("12345678901234567890X".into()))
        );
    }

    #[test]
    fn identities_are_pinned() {
        // Computed by the first version; a change here means stored ledgers would no longer recognise their
        // entries and files.
        let e = &entries()[1];
        assert_eq!(
            entry_identity(341, Key::of(&["123456"]).as_ref(), e).to_string(),
            PINNED_ENTRY
        );
        let h = Header {
            nsa: Some(42),
            data_geracao: NaiveDate::from_ymd_opt(2026, 3, 26),
            ..Default::default()
        };
        let ids: Vec<EntryId> = entries()
            .iter()
            .map(|e| entry_identity(1, None, e))
            .collect();
        assert_eq!(file_identity(1, &h, &ids).to_string(), PINNED_FILE);
    }

    const PINNED_ENTRY: &str = "5f74041c91bd093c9fb2d2aa2604cd17e0f337d6a61368fe0bb1906b7dacb3ef";
    const PINNED_FILE: &str = "8805a6222cf00646c7c02873fabbc2f74026168e5052bafcb431ba948bb1aa22";
}
