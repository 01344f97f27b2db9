//! Text for the bank: upper-case ASCII, accents folded, fixed width.
//!
//! The character set every layout we write accepts is printable ASCII (the manuals ask for upper case without
//! accents). Text is brought into it by three documented steps, and anything they cannot bring is refused, never
//! replaced: Unicode compatibility normalization (NFKC: fullwidth `１２３` → `123`, ligatures `ﬁ` → `fi`), then
//! accent folding (`ç` → `c`, `º` → `o`, the table below, then any letter + combining marks → the letter), then
//! upper case. Control characters (tab, line breaks, NUL…), CJK, emoji and other symbols are refused.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a character to its unaccented ASCII form (Latin-1 and the Windows-1252 extras banks meet);
/// `None` when the table has no form for it.
fn fold(c: char) -> Option<char> {
    Some(match c {
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
        '\u{a0}' => ' ',
        c if c.is_ascii_graphic() || c == ' ' => c,
        _ => return None,
    })
}

/// Appends `c` in the layouts' character set: the table above, else its compatibility decomposition (NFKD:
/// fullwidth forms, ligatures, superscripts) folded char by char with combining marks after a letter dropped.
fn push_folded(c: char, out: &mut String) -> Result<(), char> {
    if let Some(f) = fold(c) {
        out.push(f.to_ascii_uppercase());
        return Ok(());
    }
    let mark = out.len();
    let mut any = false;
    for k in std::iter::once(c).nfkd() {
        if any && is_combining_mark(k) {
            continue;
        }
        let Some(f) = fold(k) else {
            out.truncate(mark);
            return Err(c);
        };
        out.push(f.to_ascii_uppercase());
        any = true;
    }
    if any {
        Ok(())
    } else {
        Err(c)
    }
}

/// Text in the layouts' character set (see the module documentation), or the first character that has no form
/// in it.
///
/// ```
/// use cnab_core::try_to_bank_ascii;
/// assert_eq!(try_to_bank_ascii("Av. São João, nº 10"), Ok("AV. SAO JOAO, NO 10".to_string()));
/// assert_eq!(try_to_bank_ascii("ＡＢＣ１２３"), Ok("ABC123".to_string()));
/// assert_eq!(try_to_bank_ascii("Ősz Žižek"), Ok("OSZ ZIZEK".to_string()));
/// assert_eq!(try_to_bank_ascii("王小明"), Err('王'));
/// assert_eq!(try_to_bank_ascii("linha\nquebrada"), Err('\n'));
/// ```
pub fn try_to_bank_ascii(s: &str) -> Result<String, char> {
    if s.is_ascii() {
        return match s.chars().find(char::is_ascii_control) {
            Some(c) => Err(c),
            None => Ok(s.to_ascii_uppercase()),
        };
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        push_folded(c, &mut out)?;
    }
    Ok(out)
}

/// Upper-case ASCII with accents transliterated: `"João Conceição"` → `"JOAO CONCEICAO"`; a character with no
/// form in the layouts' character set becomes a space (use [`try_to_bank_ascii`] to refuse it instead, as the
/// writer does).
///
/// ```
/// assert_eq!(cnab_core::to_bank_ascii("Av. São João, nº 10"), "AV. SAO JOAO, NO 10");
/// ```
pub fn to_bank_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        if push_folded(c, &mut out).is_err() {
            out.push(' ');
        }
    }
    out
}

/// Left-aligned, space-padded, cut to `width` (after transliteration every char is one byte).
pub fn pad_alpha(s: &str, width: usize) -> Vec<u8> {
    let mut v: Vec<u8> = to_bank_ascii(s).into_bytes();
    v.truncate(width);
    v.resize(width, b' ');
    v
}
