//! CPF and CNPJ check digits, including the alphanumeric CNPJ (Receita Federal, IN RFB 2.229/2024, in force
//! from July 2026): the first 12 positions may be letters or digits, each valued `ASCII code − 48`, the last two
//! are check digits computed as before (modulo 11, weights 2..9 cycling from the right).

fn mod11_dv(values: &[u32]) -> u32 {
    let sum: u32 = values
        .iter()
        .rev()
        .enumerate()
        .map(|(i, v)| v * (2 + (i as u32 % 8)))
        .sum();
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

/// Validates a CPF (11 digits; punctuation ignored). Rejects the eleven repeated-digit numbers.
///
/// ```
/// assert!(cnab_core::doc::valid_cpf("529.982.247-25"));
/// assert!(!cnab_core::doc::valid_cpf("529.982.247-26"));
/// ```
pub fn valid_cpf(s: &str) -> bool {
    // Over a stack array: the writer checks every title's CPF/CNPJ.
    let mut d = [0u32; 11];
    let mut n = 0usize;
    for b in s.bytes() {
        if b.is_ascii_digit() {
            if let Some(slot) = d.get_mut(n) {
                *slot = u32::from(b - b'0');
            }
            n += 1;
        } else if b.is_ascii_alphabetic() {
            return false;
        }
    }
    n == 11 && cpf_digits_ok(&d)
}

/// The check of [`valid_cpf`] over its 11 digits.
fn cpf_digits_ok(d: &[u32; 11]) -> bool {
    if d.iter().all(|&x| Some(&x) == d.first()) {
        return false;
    }
    let cpf_w = |vals: &[u32]| -> u32 {
        // CPF weights run 10..2 (first DV) and 11..2 (second): the same as mod11 weights 2.. from the right.
        let sum: u32 = vals
            .iter()
            .rev()
            .enumerate()
            .map(|(i, v)| v * (2 + i as u32))
            .sum();
        let r = sum % 11;
        if r < 2 {
            0
        } else {
            11 - r
        }
    };
    let (body, dv) = d.split_at(9);
    let d1 = cpf_w(body);
    let with1 = d.get(..10).unwrap_or_default();
    // The second DV is computed over the body followed by the computed first DV.
    let sum2: u32 = with1
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| if i == 0 { d1 * 2 } else { v * (2 + i as u32) })
        .sum();
    let r2 = sum2 % 11;
    let d2 = if r2 < 2 { 0 } else { 11 - r2 };
    dv == [d1, d2]
}

/// Validates a CNPJ, numeric or alphanumeric (14 positions; `.`, `/`, `-` ignored; letters upper-cased).
///
/// ```
/// assert!(cnab_core::doc::valid_cnpj("11.222.333/0001-81"));
/// assert!(cnab_core::doc::valid_cnpj("12.ABC.345/01DE-35"));
/// assert!(!cnab_core::doc::valid_cnpj("11.222.333/0001-82"));
/// ```
pub fn valid_cnpj(s: &str) -> bool {
    let mut chars = [0u8; 14];
    let mut n = 0usize;
    for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
        if let Some(slot) = chars.get_mut(n) {
            *slot = b.to_ascii_uppercase();
        }
        n += 1;
    }
    n == 14 && cnpj_chars_ok(&chars)
}

/// The check of [`valid_cnpj`] over its 14 characters, upper-cased.
fn cnpj_chars_ok(chars: &[u8; 14]) -> bool {
    let (body, dv) = chars.split_at(12);
    if !dv.iter().all(u8::is_ascii_digit) || chars.iter().all(|c| Some(c) == chars.first()) {
        return false;
    }
    let mut vals = [0u32; 13];
    for (v, &c) in vals.iter_mut().zip(body) {
        *v = u32::from(c) - 48;
    }
    let d1 = mod11_dv(vals.get(..12).unwrap_or_default());
    if let Some(last) = vals.last_mut() {
        *last = d1;
    }
    let d2 = mod11_dv(&vals);
    dv.iter().map(|&c| u32::from(c - b'0')).eq([d1, d2])
}

/// Validates an inscrição by its type (1 CPF, 2 CNPJ) or, with no type, by its length.
pub fn valid_inscricao(tipo: Option<u8>, numero: &str) -> bool {
    // One pass over the text (the writer checks every title's): its letters and digits gathered upper-cased and
    // counted, then [`valid_cpf`]'s or [`valid_cnpj`]'s check over them. A CPF is 11 digits and no letter (other
    // characters are ignored by both).
    let mut chars = [0u8; 14];
    let mut n = 0usize;
    for b in numero.bytes().filter(u8::is_ascii_alphanumeric) {
        if let Some(slot) = chars.get_mut(n) {
            *slot = b.to_ascii_uppercase();
        }
        n += 1;
    }
    let cpf = match tipo {
        Some(1) => true,
        Some(2) => false,
        _ => n == 11,
    };
    if !cpf {
        return n == 14 && cnpj_chars_ok(&chars);
    }
    let mut d = [0u32; 11];
    for (v, &c) in d.iter_mut().zip(&chars) {
        if !c.is_ascii_digit() {
            return false;
        }
        *v = u32::from(c - b'0');
    }
    n == 11 && cpf_digits_ok(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpfs() {
        assert!(valid_cpf("52998224725"));
        assert!(valid_cpf("111.444.777-35"));
        assert!(!valid_cpf("11111111111"));
        assert!(!valid_cpf("1234567890"));
    }

    /// `valid_inscricao` in one pass gives what `valid_cpf` and `valid_cnpj` give, by type and by length, on valid
    /// numbers, each with one digit changed, punctuation, letters, spaces and other lengths.
    #[test]
    fn inscricao_is_checked_as_cpf_or_cnpj() {
        let mut cases: Vec<String> = vec![
            "529.982.247-25".into(),
            "52998224725".into(),
            "111.444.777-35".into(),
            "11111111111".into(),
            "11.222.333/0001-81".into(),
            "12.ABC.345/01DE-35".into(),
            "12abc34501de35".into(),
            "00000000000191".into(),
            "5299822472A".into(),
            "529 982 247 25".into(),
            "1234567890".into(),
            "123456789012345".into(),
            String::new(),
            "ABCDEFGHIJK".into(),
            "112223330001811".into(),
        ];
        let base = cases.clone();
        for s in &base {
            for i in 0..s.len() {
                let mut b = s.clone().into_bytes();
                if let Some(c) = b.get_mut(i) {
                    if c.is_ascii_digit() {
                        *c = b'0' + (*c - b'0' + 1) % 10;
                    }
                }
                cases.push(String::from_utf8(b).unwrap_or_default());
            }
        }
        let mut valid = 0;
        for s in &cases {
            let n = s.bytes().filter(u8::is_ascii_alphanumeric).count();
            for tipo in [None, Some(1), Some(2), Some(3)] {
                let expected = match tipo {
                    Some(1) => valid_cpf(s),
                    Some(2) => valid_cnpj(s),
                    _ if n == 11 => valid_cpf(s),
                    _ => valid_cnpj(s),
                };
                assert_eq!(valid_inscricao(tipo, s), expected, "{tipo:?} {s:?}");
                valid += usize::from(expected);
            }
        }
        assert!(valid >= 20, "{valid}");
    }

    #[test]
    fn cnpjs() {
        assert!(valid_cnpj("11222333000181"));
        assert!(valid_cnpj("00000000000191")); // Banco do Brasil
        assert!(valid_cnpj("60701190000104")); // Itaú Unibanco
                                               // Serpro's published example of the alphanumeric CNPJ.
        assert!(valid_cnpj("12ABC34501DE35"));
        assert!(!valid_cnpj("12ABC34501DE36"));
        assert!(!valid_cnpj("00000000000000"));
    }
}
