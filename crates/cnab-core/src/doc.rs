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
    let d: Vec<u32> = s
        .chars()
        .filter(|c| c.is_ascii_digit())
        .filter_map(|c| c.to_digit(10))
        .collect();
    if d.len() != 11
        || s.chars().any(|c| c.is_ascii_alphabetic())
        || d.iter().all(|&x| Some(&x) == d.first())
    {
        return false;
    }
    let (body, dv) = d.split_at(9);
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
    let d1 = cpf_w(body);
    let mut with1 = body.to_vec();
    with1.push(d1);
    let d2 = cpf_w(&with1);
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
    let chars: Vec<char> = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.len() != 14 {
        return false;
    }
    let (body, dv) = chars.split_at(12);
    if !dv.iter().all(char::is_ascii_digit) || chars.iter().all(|c| Some(c) == chars.first()) {
        return false;
    }
    let mut vals: Vec<u32> = body.iter().map(|&c| c as u32 - 48).collect();
    let d1 = mod11_dv(&vals);
    vals.push(d1);
    let d2 = mod11_dv(&vals);
    dv.iter().filter_map(|c| c.to_digit(10)).eq([d1, d2])
}

/// Validates an inscrição by its type (1 CPF, 2 CNPJ) or, with no type, by its length.
pub fn valid_inscricao(tipo: Option<u8>, numero: &str) -> bool {
    let n = numero.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    match tipo {
        Some(1) => valid_cpf(numero),
        Some(2) => valid_cnpj(numero),
        _ if n == 11 => valid_cpf(numero),
        _ => valid_cnpj(numero),
    }
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
