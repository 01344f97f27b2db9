//! HTML back end: one self-contained document (inline CSS, every page an inline SVG drawn from
//! the same layout as the PDF), printable on A4; and the barcode alone as SVG.

use std::fmt::Write as _;

use crate::fonts::{Fonts, MM_PER_PT};
use crate::layout::{self, Align, Op};
use crate::model::Titulo;
use crate::{i2of5, PrintError};

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// The printable HTML of `titulos` (same pages as [`crate::pdf`]).
///
/// # Errors
/// As [`layout::pages`].
pub fn html(titulos: &[Titulo]) -> Result<String, PrintError> {
    let fonts = Fonts::load()?;
    let pages = layout::pages_with(&fonts, titulos)?;
    let title = match titulos {
        [t] => format!("Boleto {}", t.made.linha_digitavel_formatada),
        _ => format!("Carnê — {} parcelas", titulos.len()),
    };
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"pt-BR\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
@page {{ size: A4; margin: 0; }}\n\
html, body {{ margin: 0; padding: 0; background: #fff; }}\n\
.page {{ width: 210mm; height: 297mm; page-break-after: always; break-after: page; overflow: hidden; }}\n\
.page:last-child {{ page-break-after: auto; break-after: auto; }}\n\
svg {{ display: block; width: 210mm; height: 297mm; }}\n\
text {{ font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; fill: #000; }}\n\
.b {{ font-weight: bold; }}\n\
@media screen {{ body {{ background: #888; }} .page {{ background: #fff; margin: 8mm auto; }} }}\n\
</style>\n</head>\n<body>\n",
        esc(&title)
    );
    for page in &pages {
        o.push_str("<div class=\"page\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 210 297\" width=\"210mm\" height=\"297mm\">\n");
        let mut fills = String::new();
        for op in &page.ops {
            match op {
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    w,
                    dash,
                } => {
                    let _ = writeln!(
                        o,
                        "<line x1=\"{x1:.3}\" y1=\"{y1:.3}\" x2=\"{x2:.3}\" y2=\"{y2:.3}\" stroke=\"#000\" stroke-width=\"{w:.3}\"{}/>",
                        if *dash { " stroke-dasharray=\"1.5 1\"" } else { "" }
                    );
                }
                Op::Fill { x, y, w, h } => {
                    let _ = write!(fills, "M{x:.4} {y:.4}h{w:.4}v{h:.4}h{:.4}z", -w);
                }
                Op::Image { x, y, w, h, logo } => {
                    use base64::Engine as _;
                    let _ = writeln!(
                        o,
                        "<image x=\"{x:.3}\" y=\"{y:.3}\" width=\"{w:.3}\" height=\"{h:.3}\" preserveAspectRatio=\"xMinYMid meet\" href=\"data:image/png;base64,{}\"/>",
                        base64::engine::general_purpose::STANDARD.encode(&logo.png)
                    );
                }
                Op::Text {
                    x,
                    y,
                    size,
                    bold,
                    align,
                    text,
                } => {
                    let anchor = match align {
                        Align::Left => "start",
                        Align::Right => "end",
                        Align::Center => "middle",
                    };
                    let _ = writeln!(
                        o,
                        "<text x=\"{x:.3}\" y=\"{y:.3}\" font-size=\"{:.3}\" text-anchor=\"{anchor}\"{}>{}</text>",
                        size * MM_PER_PT,
                        if *bold { " class=\"b\"" } else { "" },
                        esc(text)
                    );
                }
            }
        }
        let _ = writeln!(
            o,
            "<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"{fills}\"/>"
        );
        o.push_str("</svg>\n</div>\n");
    }
    o.push_str("</body>\n</html>\n");
    Ok(o)
}

/// The barcode alone as SVG: Interleaved 2 of 5 of `digits` (the 44 digits of a boleto), in
/// millimetres at the printed size (narrow bar 0.254 mm, 1:3, 13 mm high), quiet zones included.
///
/// # Errors
/// [`PrintError::Barcode`] when `digits` is not an even count of digits.
pub fn barcode_svg(digits: &str) -> Result<String, PrintError> {
    let e = i2of5::elements(digits)
        .ok_or_else(|| PrintError::Barcode(format!("not an even count of digits: {digits:?}")))?;
    let n = layout::BAR_NARROW;
    let q = layout::BAR_QUIET;
    let w = i2of5::modules(&e) as f32 * n + 2.0 * q;
    let h = layout::BAR_HEIGHT;
    let mut d = String::new();
    for (off, bw) in i2of5::bars(&e) {
        let _ = write!(
            d,
            "M{:.3} 0h{:.3}v{h}h{:.3}z",
            q + off as f32 * n,
            bw as f32 * n,
            -(bw as f32 * n)
        );
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.3}mm\" height=\"{h}mm\" viewBox=\"0 0 {w:.3} {h}\">\
<title>{}</title><rect width=\"{w:.3}\" height=\"{h}\" fill=\"#fff\"/>\
<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"{d}\"/></svg>\n",
        esc(digits)
    ))
}
