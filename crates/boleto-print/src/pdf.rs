//! PDF back end (`pdf-writer`): A4 pages, DejaVu Sans / Bold embedded as subsetted CID fonts
//! (Type0, Identity-H) with a ToUnicode map, so the text can be searched and copied.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use crate::fonts::{self, Fonts, MM_PER_PT};
use crate::layout::{self, Align, Op, Page};
use crate::model::Titulo;
use crate::PrintError;

/// The PDF of `titulos`: one título → recibo do pagador and ficha de compensação on one A4 page;
/// several → a carnê, three fichas per page.
///
/// # Errors
/// As [`layout::pages`]; a font that cannot be subsetted.
pub fn pdf(titulos: &[Titulo]) -> Result<Vec<u8>, PrintError> {
    let fonts = Fonts::load()?;
    let pages = layout::pages_with(&fonts, titulos)?;
    write(&fonts, &pages)
}

fn pt(mm: f32) -> f32 {
    mm / MM_PER_PT
}

/// Used glyphs per face: old glyph id → (new glyph id, the char it shows).
struct Used {
    remapper: GlyphRemapper,
    chars: BTreeMap<u16, char>,
}

/// The two faces' used glyphs.
struct UsedFonts {
    regular: Used,
    bold: Used,
}

impl UsedFonts {
    fn get(&self, bold: bool) -> &Used {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
    fn get_mut(&mut self, bold: bool) -> &mut Used {
        if bold {
            &mut self.bold
        } else {
            &mut self.regular
        }
    }
}

impl Used {
    fn new() -> Self {
        Used {
            remapper: GlyphRemapper::new(),
            chars: BTreeMap::new(),
        }
    }
}

pub(crate) fn write(fonts: &Fonts, pages: &[Page]) -> Result<Vec<u8>, PrintError> {
    // glyph remapping first: the content streams address the subset's glyph ids
    let mut used = UsedFonts {
        regular: Used::new(),
        bold: Used::new(),
    };
    for page in pages {
        for op in &page.ops {
            if let Op::Text { bold, text, .. } = op {
                let u = used.get_mut(*bold);
                for ch in text.chars() {
                    let g = fonts.glyph(*bold, ch).0;
                    u.remapper.remap(g);
                    u.chars.entry(g).or_insert(ch);
                }
            }
        }
    }

    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog = alloc();
    let tree = alloc();
    let font_ids = [alloc(), alloc()];
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();
    // Logos: one image XObject per distinct logo, named /Im0, /Im1, … in every page's resources.
    let mut logos: Vec<(std::sync::Arc<crate::model::Logo>, Ref)> = Vec::new();
    for page in pages {
        for op in &page.ops {
            if let Op::Image { logo, .. } = op {
                if !logos
                    .iter()
                    .any(|(l, _)| std::sync::Arc::ptr_eq(l, logo) || l == logo)
                {
                    logos.push((logo.clone(), alloc()));
                }
            }
        }
    }

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(p, _)| *p))
        .count(page_ids.len() as i32);

    for (page, (pid, cid)) in pages.iter().zip(&page_ids) {
        let mut p = pdf.page(*pid);
        p.media_box(Rect::new(0.0, 0.0, pt(layout::PAGE_W), pt(layout::PAGE_H)));
        p.parent(tree);
        p.contents(*cid);
        let mut res = p.resources();
        let mut f = res.fonts();
        f.pair(Name(b"F0"), font_ids[0]);
        f.pair(Name(b"F1"), font_ids[1]);
        f.finish();
        if !logos.is_empty() {
            let mut x = res.x_objects();
            for (i, (_, r)) in logos.iter().enumerate() {
                x.pair(Name(format!("Im{i}").as_bytes()), *r);
            }
            x.finish();
        }
        res.finish();
        p.finish();
        let content = content(fonts, &used, page, &logos);
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&content, 6);
        pdf.stream(*cid, &compressed).filter(Filter::FlateDecode);
    }

    for (logo, r) in &logos {
        let data = miniz_oxide::deflate::compress_to_vec_zlib(&logo.rgb, 6);
        let mut img = pdf.image_xobject(*r, &data);
        img.filter(Filter::FlateDecode);
        img.width(i32::try_from(logo.width).unwrap_or(i32::MAX));
        img.height(i32::try_from(logo.height).unwrap_or(i32::MAX));
        img.color_space().device_rgb();
        img.bits_per_component(8);
        img.finish();
    }

    for (i, (data, name)) in [
        (fonts::regular_data(), "AAAAAA+DejaVuSans"),
        (fonts::bold_data(), "AAAAAB+DejaVuSans-Bold"),
    ]
    .into_iter()
    .enumerate()
    {
        let bold = i == 1;
        let u = used.get(bold);
        let sub =
            subsetter::subset(data, 0, &u.remapper).map_err(|e| PrintError::Font(e.to_string()))?;
        let sub = miniz_oxide::deflate::compress_to_vec_zlib(&sub, 6);
        let (cid_font, desc, file, cmap) = (alloc(), alloc(), alloc(), alloc());
        let base = Name(name.as_bytes());
        let sys = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        let Some(fid) = font_ids.get(i) else { continue };
        pdf.type0_font(*fid)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(cmap);
        // widths by new glyph id
        let mut widths: Vec<(u16, f32)> = u
            .chars
            .keys()
            .filter_map(|old| {
                u.remapper
                    .get(*old)
                    .map(|new| (new, fonts.advance_1000(bold, ttf_parser::GlyphId(*old))))
            })
            .collect();
        widths.sort_by_key(|(g, _)| *g);
        let mut cf = pdf.cid_font(cid_font);
        cf.subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(sys)
            .font_descriptor(desc)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut w = cf.widths();
        for (g, adv) in &widths {
            w.consecutive(*g, [*adv]);
        }
        w.finish();
        cf.finish();
        let face = fonts.face(bold);
        let upem = f32::from(face.units_per_em());
        let s = |v: i16| f32::from(v) * 1000.0 / upem;
        let bb = face.global_bounding_box();
        pdf.font_descriptor(desc)
            .name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                s(bb.x_min),
                s(bb.y_min),
                s(bb.x_max),
                s(bb.y_max),
            ))
            .italic_angle(0.0)
            .ascent(s(face.ascender()))
            .descent(s(face.descender()))
            .cap_height(s(face.capital_height().unwrap_or(face.ascender())))
            .stem_v(if bold { 120.0 } else { 80.0 })
            .font_file2(file);
        pdf.stream(file, &sub).filter(Filter::FlateDecode);
        let mut cm = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), sys);
        for (old, ch) in &u.chars {
            if let Some(new) = u.remapper.get(*old) {
                cm.pair(new, *ch);
            }
        }
        let cm = cm.finish();
        pdf.cmap(cmap, cm.as_slice())
            .system_info(sys)
            .name(Name(b"Custom"));
    }
    Ok(pdf.finish())
}

fn content(
    fonts: &Fonts,
    used: &UsedFonts,
    page: &Page,
    logos: &[(std::sync::Arc<crate::model::Logo>, Ref)],
) -> Vec<u8> {
    let h = layout::PAGE_H;
    let mut c = Content::new();
    c.set_fill_gray(0.0);
    c.set_stroke_gray(0.0);
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
                c.save_state();
                c.set_line_width(pt(*w));
                if *dash {
                    c.set_dash_pattern([pt(1.5), pt(1.0)], 0.0);
                }
                c.move_to(pt(*x1), pt(h - y1));
                c.line_to(pt(*x2), pt(h - y2));
                c.stroke();
                c.restore_state();
            }
            Op::Fill { x, y, w, h: rh } => {
                c.rect(pt(*x), pt(h - y - rh), pt(*w), pt(*rh));
                c.fill_nonzero();
            }
            Op::Image {
                x,
                y,
                w,
                h: ih,
                logo,
            } => {
                if let Some(i) = logos.iter().position(|(l, _)| l == logo) {
                    c.save_state();
                    c.transform([pt(*w), 0.0, 0.0, pt(*ih), pt(*x), pt(h - y - ih)]);
                    c.x_object(Name(format!("Im{i}").as_bytes()));
                    c.restore_state();
                }
            }
            Op::Text {
                x,
                y,
                size,
                bold,
                align,
                text,
            } => {
                let width = fonts.width_mm(text, *size, *bold);
                let left = match align {
                    Align::Left => *x,
                    Align::Right => x - width,
                    Align::Center => x - width / 2.0,
                };
                let u = used.get(*bold);
                let mut bytes = Vec::with_capacity(text.len() * 2);
                for ch in text.chars() {
                    let g = u.remapper.get(fonts.glyph(*bold, ch).0).unwrap_or(0);
                    bytes.extend_from_slice(&g.to_be_bytes());
                }
                c.begin_text();
                c.set_font(Name(if *bold { b"F1" } else { b"F0" }), *size);
                c.set_text_matrix([1.0, 0.0, 0.0, 1.0, pt(left), pt(h - y)]);
                c.show(Str(&bytes));
                c.end_text();
            }
        }
    }
    c.finish().to_vec()
}
