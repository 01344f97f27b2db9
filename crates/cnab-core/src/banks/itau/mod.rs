//! Itaú Unibanco (341).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Itaú Unibanco.
pub const BANK: BankSpec = BankSpec {
    code: 341,
    name: "Itaú Unibanco",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};

/// Right-aligns an identifier written left-aligned in `line[start..=end]` (1-based, inclusive) and fills it with
/// leading zeros: CNAB 400 manuals print CPF/CNPJ fields as `9(14)`, while our tables keep them alphanumeric so that
/// the alphanumeric CNPJ (2026) reads back. Used by the CNAB 400 write hooks of Itaú, Bradesco, BB and Santander.
pub(crate) fn zero_pad(line: &mut [u8], start: usize, end: usize) {
    let Some(field) = line.get_mut(start.saturating_sub(1)..end) else {
        return;
    };
    let used = field.iter().rposition(|&b| b != b' ').map_or(0, |p| p + 1);
    if used == field.len() {
        return;
    }
    let shift = field.len() - used;
    field.copy_within(0..used, shift);
    field.iter_mut().take(shift).for_each(|b| *b = b'0');
}

#[cfg(test)]
mod tests {
    #[test]
    fn zero_pad_right_aligns() {
        let mut l = b"x52998224725   y".to_vec();
        super::zero_pad(&mut l, 2, 15);
        assert_eq!(&l, b"x00052998224725y");
        let mut blank = b"x    y".to_vec();
        super::zero_pad(&mut blank, 2, 5);
        assert_eq!(&blank, b"x0000y");
    }
}
