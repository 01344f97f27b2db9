//! Text for the bank: upper-case ASCII, accents folded, fixed width.

/// Folds a character to its unaccented ASCII form (Latin-1 and the Windows-1252 extras banks meet);
/// anything else that is not printable ASCII becomes a space.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'ª' => 'a',
        'Á' | 'À' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'º' | '°' | 'ø' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        '–' | '—' => '-',
        '‘' | '’' | '´' | '`' => '\'',
        '“' | '”' => '"',
        c if c.is_ascii_graphic() || c == ' ' => c,
        _ => ' ',
    }
}

/// Upper-case ASCII with accents transliterated: `"João Conceição"` → `"JOAO CONCEICAO"`.
///
/// ```
/// assert_eq!(cnab_core::text::to_bank_ascii("Av. São João, nº 10"), "AV. SAO JOAO, NO 10");
/// ```
pub fn to_bank_ascii(s: &str) -> String {
    s.chars().map(|c| fold(c).to_ascii_uppercase()).collect()
}

/// Left-aligned, space-padded, cut to `width` (after transliteration every char is one byte).
pub fn pad_alpha(s: &str, width: usize) -> Vec<u8> {
    let mut v: Vec<u8> = to_bank_ascii(s).into_bytes();
    v.truncate(width);
    v.resize(width, b' ');
    v
}
