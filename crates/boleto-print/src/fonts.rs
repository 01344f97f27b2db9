//! The fonts: DejaVu Sans and DejaVu Sans Bold, shipped inside the `dejavu` crate (the DejaVu
//! fonts' own license, a Bitstream Vera derivative, allows embedding and redistribution; the
//! crate itself is MIT/Apache-2.0). DejaVu covers every Portuguese letter and is metric-stable
//! across platforms; the PDF embeds only the glyphs it uses (subsetted), so a boleto stays small.

use ttf_parser::{Face, GlyphId};

use crate::PrintError;

/// Millimetres per PostScript point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// The two faces, parsed once per render.
pub struct Fonts {
    pub regular: Face<'static>,
    pub bold: Face<'static>,
}

impl Fonts {
    pub fn load() -> Result<Fonts, PrintError> {
        let parse =
            |d: &'static [u8]| Face::parse(d, 0).map_err(|e| PrintError::Font(e.to_string()));
        Ok(Fonts {
            regular: parse(regular_data())?,
            bold: parse(bold_data())?,
        })
    }

    pub fn face(&self, bold: bool) -> &Face<'static> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// Glyph id of `c` (`.notdef` when the font lacks it).
    pub fn glyph(&self, bold: bool, c: char) -> GlyphId {
        self.face(bold).glyph_index(c).unwrap_or(GlyphId(0))
    }

    /// Advance of a glyph in thousandths of the em (PDF glyph space).
    pub fn advance_1000(&self, bold: bool, g: GlyphId) -> f32 {
        let f = self.face(bold);
        let upem = f32::from(f.units_per_em());
        f32::from(f.glyph_hor_advance(g).unwrap_or(0)) * 1000.0 / upem
    }

    /// Width of `text` at `size` points, in millimetres.
    pub fn width_mm(&self, text: &str, size: f32, bold: bool) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| self.advance_1000(bold, self.glyph(bold, c)))
            .sum();
        units / 1000.0 * size * MM_PER_PT
    }
}

pub fn regular_data() -> &'static [u8] {
    dejavu::sans::regular()
}

pub fn bold_data() -> &'static [u8] {
    dejavu::sans::bold()
}
