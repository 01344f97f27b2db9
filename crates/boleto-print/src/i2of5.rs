//! Interleaved 2 of 5 (ITF), the symbology of the boleto barcode, drawn from its 44 digits.
//!
//! Symbology (ISO/IEC 16390, the "2 de 5 intercalado" FEBRABAN prescribes for the ficha de
//! compensação): each digit is five elements, two of them wide; digits are taken in pairs, the
//! first one's elements are the bars, the second one's the spaces between them. Start pattern:
//! narrow bar, narrow space, narrow bar, narrow space; stop pattern: wide bar, narrow space,
//! narrow bar. 44 digits → 4 + 22 × 18 + 5 = 405 narrow modules at a 1:3 ratio.

/// Narrow / wide pattern of each digit (`true` = wide), ISO/IEC 16390 table 1.
const DIGITS: [[bool; 5]; 10] = [
    [false, false, true, true, false], // 0 nnwwn
    [true, false, false, false, true], // 1 wnnnw
    [false, true, false, false, true], // 2 nwnnw
    [true, true, false, false, false], // 3 wwnnn
    [false, false, true, false, true], // 4 nnwnw
    [true, false, true, false, false], // 5 wnwnn
    [false, true, true, false, false], // 6 nwwnn
    [false, false, false, true, true], // 7 nnnww
    [true, false, false, true, false], // 8 wnnwn
    [false, true, false, true, false], // 9 nwnwn
];

/// Wide element width in narrow modules. FEBRABAN's ratio is 1:3 (readers accept 1:2.25 to 1:3).
pub const WIDE: u32 = 3;

/// The elements of the symbol, left to right, alternating bar / space starting with a bar, each
/// as its width in narrow modules (1 or [`WIDE`]). `None` when `digits` is not an even count of
/// ASCII digits.
pub fn elements(digits: &str) -> Option<Vec<u32>> {
    let d: Vec<usize> = digits
        .bytes()
        .map(|b| b.is_ascii_digit().then(|| usize::from(b - b'0')))
        .collect::<Option<_>>()?;
    if d.is_empty() || !d.len().is_multiple_of(2) {
        return None;
    }
    let w = |wide: bool| if wide { WIDE } else { 1 };
    let mut out = vec![1, 1, 1, 1];
    for pair in d.chunks_exact(2) {
        let (a, b) = match pair {
            [a, b] => (DIGITS.get(*a)?, DIGITS.get(*b)?),
            _ => return None,
        };
        for (bar, space) in a.iter().zip(b.iter()) {
            out.push(w(*bar));
            out.push(w(*space));
        }
    }
    out.extend([WIDE, 1, 1]);
    Some(out)
}

/// Total width of the symbol in narrow modules (quiet zones excluded).
pub fn modules(elements: &[u32]) -> u32 {
    elements.iter().sum()
}

/// The bars as (offset, width) in narrow modules.
pub fn bars(elements: &[u32]) -> Vec<(u32, u32)> {
    let mut x = 0;
    let mut out = Vec::with_capacity(elements.len() / 2 + 1);
    for (i, w) in elements.iter().enumerate() {
        if i % 2 == 0 {
            out.push((x, *w));
        }
        x += w;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_a_boleto_barcode() {
        let e = elements("23795422300002952951172060007589645204030050").unwrap();
        assert_eq!(modules(&e), 405);
        // 46 "characters" (start, 22 pairs of 10 elements, stop): 4 + 220 + 3 elements
        assert_eq!(e.len(), 227);
        assert_eq!(bars(&e).len(), 114);
    }

    #[test]
    fn pair_interleaves_bars_and_spaces() {
        // "12": bars of 1 (wnnnw), spaces of 2 (nwnnw)
        let e = elements("12").unwrap();
        assert_eq!(e, vec![1, 1, 1, 1, 3, 1, 1, 3, 1, 1, 1, 1, 3, 3, 3, 1, 1]);
    }

    #[test]
    fn refuses_odd_or_non_digits() {
        assert_eq!(elements("123"), None);
        assert_eq!(elements("1a"), None);
        assert_eq!(elements(""), None);
    }
}
