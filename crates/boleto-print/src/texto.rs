//! A text document as PDF: letters such as the cartas de cobrança, written as plain text with a little markup, laid
//! out on A4 pages with the boleto's fonts (DejaVu Sans, embedded and subsetted, so the text can be searched and
//! copied).
//!
//! The markup, one line at a time:
//!
//! | line | printed as |
//! |---|---|
//! | `# Título` | a title: bold, 14 pt |
//! | `## Subtítulo` | bold, 11 pt |
//! | `\| a \| b \| c \|` | a table row: the cells in columns of equal width, the first left-aligned, the others right-aligned (amounts); a row followed by `\|---\|…` is a header, in bold |
//! | an empty line | a paragraph break |
//! | any other line | body text, 10 pt, wrapped between the margins (a word wider than the line is cut) |
//!
//! Pages break where the text reaches the bottom margin; every page has its number (`1/2`) at the foot.
//!
//! ```
//! let pdf = boleto_print::texto_pdf("# Carta de cobrança\n\nPrezado cliente,\n\n| Documento | Valor |\n|---|---|\n| NF-1 | R$ 10,00 |\n").unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

use crate::fonts::{Fonts, MM_PER_PT};
use crate::layout::{Align, Op, Page, PAGE_H, PAGE_W};
use crate::PrintError;

/// Left and right margins, mm.
const MARGIN_X: f32 = 20.0;
/// Top margin, mm (to the first baseline's top).
const MARGIN_TOP: f32 = 20.0;
/// The lowest baseline of the text, mm from the top (the page number sits below it).
const BOTTOM: f32 = PAGE_H - 22.0;
/// Body size, points.
const BODY: f32 = 10.0;
/// Line height as a multiple of the size.
const LEADING: f32 = 1.45;
/// Space between table columns, mm.
const GUTTER: f32 = 3.0;

/// Lay out `text` and write the PDF (see the module docs for the markup).
///
/// # Errors
/// A font that cannot be loaded or subsetted.
pub fn texto_pdf(text: &str) -> Result<Vec<u8>, PrintError> {
    let fonts = Fonts::load()?;
    let pages = texto_pages(&fonts, text);
    crate::pdf::write(&fonts, &pages)
}

/// The text's lines with the characters a page cannot show removed (control characters; a tab is a space).
fn clean(line: &str) -> String {
    line.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

/// A table row's cells, when the line is one (`| a | b |`).
fn cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

/// Whether a table row is the separator under a header (`|---|:--:|`).
fn separator(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            !c.is_empty() && c.contains('-') && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
        })
}

struct Writer<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    ops: Vec<Op>,
    /// The next baseline, mm from the top.
    y: f32,
    /// Nothing written on this page yet.
    fresh: bool,
}

impl Writer<'_> {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.fonts.width_mm(text, size, bold)
    }

    /// Move down one line of `size`, on a new page when it does not fit.
    fn line(&mut self, size: f32) -> f32 {
        let h = size * LEADING * MM_PER_PT;
        if !self.fresh && self.y + h > BOTTOM {
            self.pages.push(Page {
                ops: std::mem::take(&mut self.ops),
            });
            self.y = MARGIN_TOP;
        }
        self.y += h;
        self.fresh = false;
        self.y
    }

    fn gap(&mut self, size: f32) {
        if !self.fresh {
            self.y += size * 0.6 * MM_PER_PT;
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, align: Align, text: String) {
        if !text.is_empty() {
            self.ops.push(Op::Text {
                x,
                y,
                size,
                bold,
                align,
                text,
            });
        }
    }

    /// The lines of `text` wrapped to `width` mm: by words, a word wider than the line cut where it must be.
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let with = if cur.is_empty() {
                word.to_string()
            } else {
                format!("{cur} {word}")
            };
            if self.width(&with, size, bold) <= width {
                cur = with;
                continue;
            }
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            // the word alone: cut it when even that is too wide
            for c in word.chars() {
                cur.push(c);
                if self.width(&cur, size, bold) > width && cur.chars().count() > 1 {
                    cur.pop();
                    out.push(std::mem::take(&mut cur));
                    cur.push(c);
                }
            }
        }
        if !cur.is_empty() || out.is_empty() {
            out.push(cur);
        }
        out
    }

    fn paragraph(&mut self, text: &str, size: f32, bold: bool) {
        for l in self.wrap(text, size, bold, PAGE_W - 2.0 * MARGIN_X) {
            let y = self.line(size);
            self.text(MARGIN_X, y, size, bold, Align::Left, l);
        }
    }

    fn row(&mut self, cells: &[String], bold: bool) {
        let n = cells.len().max(1);
        let col = (PAGE_W - 2.0 * MARGIN_X - GUTTER * (n as f32 - 1.0)) / n as f32;
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .map(|c| self.wrap(c, BODY, bold, col))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let y = self.line(BODY);
            for (i, lines) in wrapped.iter().enumerate() {
                let Some(l) = lines.get(k) else { continue };
                let left = MARGIN_X + (col + GUTTER) * i as f32;
                if i == 0 {
                    self.text(left, y, BODY, bold, Align::Left, l.clone());
                } else {
                    self.text(left + col, y, BODY, bold, Align::Right, l.clone());
                }
            }
        }
    }
}

/// The pages of `text` (see the module docs).
pub(crate) fn texto_pages(fonts: &Fonts, text: &str) -> Vec<Page> {
    let mut w = Writer {
        fonts,
        pages: Vec::new(),
        ops: Vec::new(),
        y: MARGIN_TOP,
        fresh: true,
    };
    let lines: Vec<String> = text.lines().map(clean).collect();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        i += 1;
        let t = line.trim_end();
        if t.trim().is_empty() {
            w.gap(BODY);
        } else if let Some(h) = t.strip_prefix("# ") {
            w.gap(14.0);
            w.paragraph(h.trim(), 14.0, true);
            w.gap(14.0);
        } else if let Some(h) = t.strip_prefix("## ") {
            w.gap(11.0);
            w.paragraph(h.trim(), 11.0, true);
        } else if let Some(c) = cells(t) {
            if separator(&c) {
                continue;
            }
            let header = lines
                .get(i)
                .and_then(|l| cells(l))
                .is_some_and(|n| separator(&n));
            w.row(&c, header);
        } else {
            w.paragraph(t.trim(), BODY, false);
        }
    }
    w.pages.push(Page { ops: w.ops });
    // the page numbers, now that their count is known
    let total = w.pages.len();
    for (k, p) in w.pages.iter_mut().enumerate() {
        p.ops.push(Op::Text {
            x: PAGE_W - MARGIN_X,
            y: PAGE_H - 12.0,
            size: 8.0,
            bold: false,
            align: Align::Right,
            text: format!("{}/{total}", k + 1),
        });
    }
    w.pages
}
