//! The page layout, in millimetres from the top-left corner of an A4 page, shared by the PDF and
//! the HTML back ends.
//!
//! Sources for the ficha de compensação (the Banco Central's boleto rules, Carta-Circular
//! 2.926/2000, as the banks' printing specifications restate them — Banco do Brasil,
//! "Especificações Técnicas para Confecção de Bloqueto de Cobrança", v3 2010, §2; Caixa,
//! "Especificação do Código de Barras para Bloquetos de Cobrança", 67.021 v006, §2–3; Banco do
//! Nordeste, "Manual de instruções e preenchimento dos bloquetes", §1–2):
//! - ficha 95 to 108 mm high, 170 to 216 mm wide; on A4 the ficha is the lower part of the
//!   page, the recibo do pagador above it, a cut line between them;
//! - header, left to right: bank name or logo, bank code with its check digit separated by a
//!   hyphen in bold (`341-7`), the linha digitável in five fields separated by a space;
//! - then: local de pagamento | vencimento; beneficiário | agência/código do beneficiário;
//!   data do documento, nº do documento, espécie doc., aceite, data processamento | nosso
//!   número; uso do banco, carteira, espécie, quantidade, valor | (=) valor do documento;
//!   instruções | (−) desconto/abatimento, (−) outras deduções, (+) mora/multa, (+) outros
//!   acréscimos, (=) valor cobrado; pagador (name, CPF/CNPJ, address) and sacador/avalista;
//!   "Autenticação mecânica - Ficha de Compensação"; the barcode in the lower left corner.
//! - barcode: Interleaved 2 of 5, 44 digits (FEBRABAN "Layout Padrão de Arrecadação/Recebimento
//!   com Utilização do Código de Barras" v04 §3, and every bank's boleto specification), narrow:wide
//!   1:3 (readers accept 1:2.25 to 1:3), bars 13 mm high (±1 mm) with a quiet zone of at least
//!   5 mm each side (the FEBRABAN figures as restated by code128.com.br, "Febraban exige
//!   Intercalado 2 de 5"). The narrow element is 0.254 mm (1/100 inch: exactly 3 dots at 300 dpi
//!   and 6 at 600 dpi, so printers and rasterisers draw every bar the same width); the symbol is
//!   405 modules = 102.9 mm wide. That page recommends a wider X, 0.33 to 0.38 mm, for reading
//!   with handheld scanners; 0.254 mm is close to the one-CSS-pixel bar (0.26 mm) of the common
//!   HTML boleto generators, and it is what the scanner tests here read back at 300 dpi.
//!
//! The recibo do pagador is free in form; it carries at least beneficiário, agência/código,
//! vencimento, nosso número, valor and pagador (BB spec §2.2.2).
//!
//! The PIX QR code of a boleto híbrido sits inside the instruções box, at its right: the
//! Banco Central's BR Code manual asks only that the QR be readable (error correction level M
//! here, a quiet zone of at least 4 modules counting the white around it).

use qrcode::{Color, EcLevel, QrCode};

use crate::fonts::Fonts;
use crate::model::Titulo;
use crate::{fmt, i2of5, PrintError};

/// A4 width in mm.
pub const PAGE_W: f32 = 210.0;
/// A4 height in mm.
pub const PAGE_H: f32 = 297.0;
/// Narrow barcode element, mm (see the module docs).
pub const BAR_NARROW: f32 = 0.254;
/// Barcode height, mm.
pub const BAR_HEIGHT: f32 = 13.0;
/// Barcode quiet zone, mm.
pub const BAR_QUIET: f32 = 5.0;

const X0: f32 = 10.0;
const W: f32 = 190.0;
const RW: f32 = 48.0;
const LW: f32 = W - RW;
const LABEL: f32 = 5.0;
const VALUE: f32 = 8.0;

/// Text alignment relative to its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// x is the left edge.
    Left,
    /// x is the right edge.
    Right,
    /// x is the centre.
    Center,
}

/// One drawing operation, in mm, origin top-left, y downwards.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A stroked line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Stroke width.
        w: f32,
        /// Dashed (cut lines).
        dash: bool,
    },
    /// A black filled rectangle (bars, QR modules).
    Fill {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// A raster image (the user's logo), fitted in its box keeping its aspect ratio, left-aligned.
    Image {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// The image.
        logo: std::sync::Arc<crate::model::Logo>,
    },
    /// Text on a baseline.
    Text {
        /// Anchor x (see `align`).
        x: f32,
        /// Baseline y.
        y: f32,
        /// Size in points.
        size: f32,
        /// Bold face.
        bold: bool,
        /// Alignment.
        align: Align,
        /// The text.
        text: String,
    },
}

/// One A4 page of operations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Operations in drawing order.
    pub ops: Vec<Op>,
}

/// The pages for `titulos`: one título → one page (recibo do pagador above, ficha below); more
/// than one → a carnê, three fichas per page.
///
/// # Errors
/// A barcode that cannot be encoded, a PIX payload too long for a QR code, instructions that do
/// not fit.
pub fn pages(titulos: &[Titulo]) -> Result<Vec<Page>, PrintError> {
    let fonts = Fonts::load()?;
    pages_with(&fonts, titulos)
}

pub(crate) fn pages_with(fonts: &Fonts, titulos: &[Titulo]) -> Result<Vec<Page>, PrintError> {
    match titulos {
        [] => Err(PrintError::Empty),
        [t] => {
            let mut c = Canvas::new(fonts);
            let h = recibo(&mut c, t, 10.0, 7.0);
            c.cut(10.0 + h + 4.0);
            let fh = ficha_height(7.0);
            ficha(&mut c, t, PAGE_H - 8.0 - fh, 7.0).map_err(|e| e.at(0))?;
            Ok(vec![Page { ops: c.ops }])
        }
        many => {
            let mut out = Vec::new();
            let slot = PAGE_H / 3.0;
            for (n, chunk) in many.chunks(3).enumerate() {
                let mut c = Canvas::new(fonts);
                for (i, t) in chunk.iter().enumerate() {
                    let top = slot * i as f32;
                    if i > 0 {
                        c.cut(top);
                    }
                    let fh = ficha_height(6.0);
                    ficha(&mut c, t, top + (slot - fh) / 2.0, 6.0)
                        .map_err(|e| e.at(n * 3 + i + 1))?;
                }
                out.push(Page { ops: c.ops });
            }
            Ok(out)
        }
    }
}

struct Canvas<'f> {
    fonts: &'f Fonts,
    ops: Vec<Op>,
}

impl<'f> Canvas<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Canvas {
            fonts,
            ops: Vec::new(),
        }
    }

    fn hline(&mut self, x: f32, y: f32, w: f32, t: f32) {
        self.ops.push(Op::Line {
            x1: x,
            y1: y,
            x2: x + w,
            y2: y,
            w: t,
            dash: false,
        });
    }

    fn vline(&mut self, x: f32, y: f32, h: f32, t: f32) {
        self.ops.push(Op::Line {
            x1: x,
            y1: y,
            x2: x,
            y2: y + h,
            w: t,
            dash: false,
        });
    }

    fn cut(&mut self, y: f32) {
        self.ops.push(Op::Line {
            x1: 4.0,
            y1: y,
            x2: PAGE_W - 4.0,
            y2: y,
            w: 0.2,
            dash: true,
        });
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, align: Align, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ops.push(Op::Text {
            x,
            y,
            size,
            bold,
            align,
            text: text.to_string(),
        });
    }

    #[allow(clippy::too_many_arguments)] // a text box: position, width, style, alignment, text
    /// Text shrunk (down to 60 %) to fit `max_w`; past that, cut with an ellipsis.
    fn text_fit(
        &mut self,
        x: f32,
        y: f32,
        max_w: f32,
        size: f32,
        bold: bool,
        align: Align,
        text: &str,
    ) {
        let mut s = size;
        let min = size * 0.6;
        while s > min && self.fonts.width_mm(text, s, bold) > max_w {
            s -= 0.25;
        }
        if self.fonts.width_mm(text, s, bold) <= max_w {
            self.text(x, y, s, bold, align, text);
            return;
        }
        let mut t: String = text.to_string();
        while !t.is_empty() && self.fonts.width_mm(&format!("{t}…"), s, bold) > max_w {
            t.pop();
        }
        self.text(x, y, s, bold, align, &format!("{}…", t.trim_end()));
    }

    #[allow(clippy::too_many_arguments)] // a field box: rectangle, label, value, alignment, weight
    /// A labelled box: the label small at the top left, the value below.
    fn field(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        label: &str,
        value: &str,
        right: bool,
        bold: bool,
    ) {
        self.text_fit(x + 0.8, y + 2.1, w - 1.6, LABEL, false, Align::Left, label);
        let (ax, al) = if right {
            (x + w - 1.0, Align::Right)
        } else {
            (x + 1.0, Align::Left)
        };
        self.text_fit(ax, y + h - 1.2, w - 2.0, VALUE, bold, al, value);
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::Fill { x, y, w, h });
    }
}

fn opt_valor(v: Option<rust_decimal::Decimal>) -> String {
    v.map(fmt::valor).unwrap_or_default()
}

fn opt_data(d: Option<chrono::NaiveDate>) -> String {
    d.map(fmt::data).unwrap_or_default()
}

fn pessoa_linha(p: &crate::Pessoa) -> String {
    match p
        .documento
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(d) => format!("{} — {}", p.nome.trim(), fmt::documento(d)),
        None => p.nome.trim().to_string(),
    }
}

fn endereco(p: &crate::Pessoa) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(e) = p
        .endereco
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        parts.push(e.to_string());
    }
    let cidade_uf = match (
        p.cidade.as_deref().map(str::trim).filter(|s| !s.is_empty()),
        p.uf.as_deref().map(str::trim).filter(|s| !s.is_empty()),
    ) {
        (Some(c), Some(u)) => Some(format!("{c}/{u}")),
        (Some(c), None) => Some(c.to_string()),
        (None, Some(u)) => Some(u.to_string()),
        (None, None) => None,
    };
    if let Some(c) = cidade_uf {
        parts.push(c);
    }
    if let Some(c) = p.cep.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        parts.push(format!("CEP {}", fmt::cep(c)));
    }
    parts.join(" — ")
}

/// Header: bank name slot, bank code with DV, and (when given) the linha digitável.
fn header(c: &mut Canvas<'_>, t: &Titulo, y: f32, right_text: &str, right_bold: bool) {
    let h = 9.0;
    if let Some(logo) = &t.logo {
        // Fitted in the 36 × 7 mm slot, keeping the aspect ratio.
        #[allow(clippy::cast_precision_loss)] // pixel counts far below f32's exact range
        let ratio = logo.width as f32 / logo.height as f32;
        let (bw, bh) = (36.0_f32, 7.0_f32);
        let (w, lh) = if ratio > bw / bh {
            (bw, bw / ratio)
        } else {
            (bh * ratio, bh)
        };
        c.ops.push(Op::Image {
            x: X0 + 0.5,
            y: y + 1.0 + (bh - lh) / 2.0,
            w,
            h: lh,
            logo: logo.clone(),
        });
    } else {
        let nome = t.input.banco.name().unwrap_or("Banco");
        c.text_fit(X0 + 0.5, y + h - 2.2, 36.0, 10.0, true, Align::Left, nome);
    }
    c.vline(X0 + 38.0, y + 1.5, h - 1.5, 0.6);
    c.text(
        X0 + 47.0,
        y + h - 2.0,
        14.0,
        true,
        Align::Center,
        &t.banco_codigo(),
    );
    c.vline(X0 + 56.0, y + 1.5, h - 1.5, 0.6);
    c.text_fit(
        X0 + W,
        y + h - 2.2,
        W - 58.0,
        10.5,
        right_bold,
        Align::Right,
        right_text,
    );
    c.hline(X0, y + h, W, 0.5);
}

/// Height of the ficha for a row height `rh`.
pub fn ficha_height(rh: f32) -> f32 {
    // header 9, 4 rows (one of them 3 mm taller), instruções 5 rows, pagador, barcode area
    9.0 + 4.0 * rh + 3.0 + 5.0 * rh + pagador_h(rh) + 2.0 + BAR_HEIGHT + 1.0
}

fn pagador_h(rh: f32) -> f32 {
    rh + 7.0
}

/// The ficha de compensação with its top at `y`.
fn ficha(c: &mut Canvas<'_>, t: &Titulo, y0: f32, rh: f32) -> Result<(), PrintError> {
    let imp = &t.impressao;
    header(c, t, y0, &t.made.linha_digitavel_formatada, true);
    let mut y = y0 + 9.0;
    let xr = X0 + LW;
    let vencimento = t
        .made
        .vencimento
        .map(fmt::data)
        .unwrap_or_else(|| "Contra apresentação".into());
    // row 1
    let local = imp
        .local_pagamento
        .clone()
        .unwrap_or_else(|| "Pagável em qualquer banco".into());
    c.field(X0, y, LW, rh, "Local de pagamento", &local, false, false);
    c.field(xr, y, RW, rh, "Vencimento", &vencimento, true, true);
    y += rh;
    c.hline(X0, y, W, 0.2);
    // row 2: beneficiário, two lines
    let bh = rh + 3.0;
    y = beneficiario(c, t, y, bh);
    // row 3
    let mut x = X0;
    for (w, label, value) in [
        (26.0, "Data do documento", opt_data(imp.data_documento)),
        (36.0, "Nº do documento", t.numero_documento()),
        (
            20.0,
            "Espécie doc.",
            imp.especie_documento.clone().unwrap_or_default(),
        ),
        (14.0, "Aceite", imp.aceite.clone().unwrap_or_default()),
        (46.0, "Data processamento", opt_data(imp.data_processamento)),
    ] {
        c.field(x, y, w, rh, label, &value, false, false);
        x += w;
        if x < xr {
            c.vline(x, y, rh, 0.2);
        }
    }
    c.field(
        xr,
        y,
        RW,
        rh,
        "Nosso número",
        &t.made.nosso_numero,
        true,
        false,
    );
    y += rh;
    c.hline(X0, y, W, 0.2);
    // row 4
    let mut x = X0;
    for (w, label, value) in [
        (26.0, "Uso do banco", String::new()),
        (
            22.0,
            "Carteira",
            t.input.carteira.clone().unwrap_or_default(),
        ),
        (16.0, "Espécie", "R$".to_string()),
        (36.0, "Quantidade", String::new()),
        (42.0, "Valor", String::new()),
    ] {
        c.field(x, y, w, rh, label, &value, false, false);
        x += w;
        if x < xr {
            c.vline(x, y, rh, 0.2);
        }
    }
    c.field(
        xr,
        y,
        RW,
        rh,
        "(=) Valor do documento",
        &fmt::valor(t.made.valor),
        true,
        true,
    );
    y += rh;
    c.hline(X0, y, W, 0.2);
    // instruções block and the right-hand column
    let block = 5.0 * rh;
    let mut text_w = LW - 2.0;
    if let Some(pix) = &t.pix {
        let side = block - 3.0;
        qr(c, pix.as_str(), xr - side - 1.5, y + 1.5, side)?;
        text_w = LW - side - 5.0;
    }
    c.text(
        X0 + 0.8,
        y + 2.1,
        LABEL,
        false,
        Align::Left,
        "Instruções (texto de responsabilidade do beneficiário)",
    );
    instrucoes(c, t, X0 + 1.0, y + 3.0, text_w, block - 3.5)?;
    let mut yr = y;
    for (label, value) in [
        ("(−) Desconto / Abatimento", opt_valor(imp.desconto)),
        ("(−) Outras deduções", opt_valor(imp.outras_deducoes)),
        ("(+) Mora / Multa", opt_valor(imp.mora_multa)),
        ("(+) Outros acréscimos", opt_valor(imp.outros_acrescimos)),
        ("(=) Valor cobrado", opt_valor(imp.valor_cobrado)),
    ] {
        c.field(xr, yr, RW, rh, label, &value, true, false);
        yr += rh;
        if yr < y + block {
            c.hline(xr, yr, RW, 0.2);
        }
    }
    c.vline(xr, y0 + 9.0, y + block - (y0 + 9.0), 0.2);
    y += block;
    c.hline(X0, y, W, 0.2);
    // pagador
    let ph = pagador_h(rh);
    c.text(X0 + 0.8, y + 2.1, LABEL, false, Align::Left, "Pagador");
    c.text_fit(
        X0 + 1.0,
        y + 5.0,
        W - 2.0,
        VALUE - 0.5,
        false,
        Align::Left,
        &pessoa_linha(&imp.pagador),
    );
    c.text_fit(
        X0 + 1.0,
        y + 8.0,
        W - 2.0,
        6.5,
        false,
        Align::Left,
        &endereco(&imp.pagador),
    );
    let sacador = imp
        .sacador_avalista
        .as_ref()
        .map(pessoa_linha)
        .unwrap_or_default();
    c.text(
        X0 + 0.8,
        y + ph - 1.2,
        LABEL,
        false,
        Align::Left,
        "Sacador / Avalista",
    );
    c.text_fit(
        X0 + 18.0,
        y + ph - 1.2,
        LW - 20.0,
        6.0,
        false,
        Align::Left,
        &sacador,
    );
    c.text(
        X0 + W - 1.0,
        y + ph - 1.2,
        LABEL,
        false,
        Align::Right,
        "Código de baixa",
    );
    y += ph;
    c.hline(X0, y, W, 0.5);
    c.text(
        X0 + W - 1.0,
        y + 2.6,
        6.0,
        false,
        Align::Right,
        "Autenticação mecânica — FICHA DE COMPENSAÇÃO",
    );
    // the barcode, lower left: nothing drawn within the quiet zone on either side
    barcode(c, t.made.barcode.as_str(), X0 + 2.0, y + 2.0)?;
    Ok(())
}

fn instrucoes(
    c: &mut Canvas<'_>,
    t: &Titulo,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
) -> Result<(), PrintError> {
    let mut lines: Vec<String> = t.impressao.instrucoes.clone();
    if t.pix.is_some() {
        lines.push("Pague também por PIX: leia o QR Code ao lado no app do seu banco.".into());
    }
    if lines.is_empty() {
        return Ok(());
    }
    let step = (h / lines.len() as f32).min(3.3);
    let size = step / 3.3 * 7.5;
    if size < 4.5 {
        return Err(PrintError::Field {
            index: 0,
            field: "instrucoes",
            message: format!(
                "{} lines do not fit in the instruções box",
                t.impressao.instrucoes.len()
            ),
        });
    }
    for (i, l) in lines.iter().enumerate() {
        c.text_fit(
            x,
            y + step * (i as f32 + 1.0),
            w,
            size,
            false,
            Align::Left,
            l,
        );
    }
    Ok(())
}

/// The beneficiário row (name and document, address, agência / código) with its top at `y` and height `bh`, as the
/// ficha and the recibo both print it; returns the `y` below its rule.
fn beneficiario(c: &mut Canvas<'_>, t: &Titulo, mut y: f32, bh: f32) -> f32 {
    let imp = &t.impressao;
    let xr = X0 + LW;
    c.text(X0 + 0.8, y + 2.1, LABEL, false, Align::Left, "Beneficiário");
    c.text_fit(
        X0 + 1.0,
        y + 5.2,
        LW - 2.0,
        VALUE - 0.5,
        false,
        Align::Left,
        &pessoa_linha(&imp.beneficiario),
    );
    c.text_fit(
        X0 + 1.0,
        y + bh - 1.0,
        LW - 2.0,
        6.0,
        false,
        Align::Left,
        &endereco(&imp.beneficiario),
    );
    c.field(
        xr,
        y,
        RW,
        bh,
        "Agência / Código do Beneficiário",
        &t.agencia_codigo(),
        true,
        false,
    );
    y += bh;
    c.hline(X0, y, W, 0.2);
    y
}

/// The recibo do pagador with its top at `y`; returns its height.
fn recibo(c: &mut Canvas<'_>, t: &Titulo, y0: f32, rh: f32) -> f32 {
    let imp = &t.impressao;
    header(c, t, y0, &t.made.linha_digitavel_formatada, false);
    let mut y = y0 + 9.0;
    let xr = X0 + LW;
    let bh = rh + 3.0;
    y = beneficiario(c, t, y, bh);
    c.field(
        X0,
        y,
        LW,
        rh,
        "Pagador",
        &pessoa_linha(&imp.pagador),
        false,
        false,
    );
    let vencimento = t
        .made
        .vencimento
        .map(fmt::data)
        .unwrap_or_else(|| "Contra apresentação".into());
    c.field(xr, y, RW, rh, "Vencimento", &vencimento, true, true);
    y += rh;
    c.hline(X0, y, W, 0.2);
    let mut x = X0;
    for (w, label, value) in [
        (47.0, "Nº do documento", t.numero_documento()),
        (47.0, "Data do documento", opt_data(imp.data_documento)),
        (
            48.0,
            "Carteira",
            t.input.carteira.clone().unwrap_or_default(),
        ),
    ] {
        c.field(x, y, w, rh, label, &value, false, false);
        x += w;
        c.vline(x, y, rh, 0.2);
    }
    c.field(
        xr,
        y,
        RW,
        rh,
        "Nosso número",
        &t.made.nosso_numero,
        true,
        false,
    );
    y += rh;
    c.hline(X0, y, W, 0.2);
    let mut x = X0;
    for (w, label, value) in [
        (47.0, "(−) Desconto / Abatimento", opt_valor(imp.desconto)),
        (47.0, "(+) Mora / Multa", opt_valor(imp.mora_multa)),
        (48.0, "(=) Valor cobrado", opt_valor(imp.valor_cobrado)),
    ] {
        c.field(x, y, w, rh, label, &value, true, false);
        x += w;
        c.vline(x, y, rh, 0.2);
    }
    c.field(
        xr,
        y,
        RW,
        rh,
        "(=) Valor do documento",
        &fmt::valor(t.made.valor),
        true,
        true,
    );
    y += rh;
    c.hline(X0, y, W, 0.5);
    c.text(
        X0 + 0.8,
        y + 3.0,
        7.0,
        true,
        Align::Left,
        "RECIBO DO PAGADOR",
    );
    c.text(
        X0 + W - 1.0,
        y + 3.0,
        6.0,
        false,
        Align::Right,
        "Autenticação mecânica",
    );
    y + 14.0 - y0
}

/// The barcode's bars with the symbol's top-left at (x, y).
fn barcode(c: &mut Canvas<'_>, digits: &str, x: f32, y: f32) -> Result<(), PrintError> {
    let e = i2of5::elements(digits)
        .ok_or_else(|| PrintError::Barcode(format!("not an even count of digits: {digits:?}")))?;
    for (off, w) in i2of5::bars(&e) {
        c.fill(
            x + off as f32 * BAR_NARROW,
            y,
            w as f32 * BAR_NARROW,
            BAR_HEIGHT,
        );
    }
    Ok(())
}

/// The QR code of a BR Code, error correction level M. A payload with non-ASCII letters (a
/// merchant name with accents, which the BR Code carries as UTF-8) starts with ECI 26 (UTF-8):
/// without it a QR code's byte mode means ISO 8859-1 (ISO/IEC 18004 §7.4.2) and readers guess.
pub fn qr_code(payload: &str) -> Option<QrCode> {
    let ec = EcLevel::M;
    if payload.is_ascii() {
        return QrCode::with_error_correction_level(payload.as_bytes(), ec).ok();
    }
    (1..=40).find_map(|v| {
        let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(v));
        bits.push_eci_designator(26).ok()?;
        bits.push_byte_data(payload.as_bytes()).ok()?;
        bits.push_terminator(ec).ok()?;
        QrCode::with_bits(bits, ec).ok()
    })
}

/// A QR code of `payload`, `side` mm square (2 white modules inside the square on each side).
fn qr(c: &mut Canvas<'_>, payload: &str, x: f32, y: f32, side: f32) -> Result<(), PrintError> {
    let code = qr_code(payload).ok_or_else(|| PrintError::Field {
        index: 0,
        field: "pix",
        message: format!(
            "a BR Code of {} bytes does not fit in a QR code",
            payload.len()
        ),
    })?;
    let n = code.width();
    let colors = code.to_colors();
    let m = side / (n as f32 + 4.0);
    for (row, line) in colors.chunks(n).enumerate() {
        let mut col = 0;
        while col < n {
            if line.get(col) == Some(&Color::Dark) {
                let start = col;
                while line.get(col) == Some(&Color::Dark) {
                    col += 1;
                }
                c.fill(
                    x + (start as f32 + 2.0) * m,
                    y + (row as f32 + 2.0) * m,
                    (col - start) as f32 * m,
                    m,
                );
            } else {
                col += 1;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    const ITAU: &str = r#"{"banco":"341","agencia":"1248","conta":"02124","carteira":"109",
        "nosso_numero":"00010152","valor":"6757.87","vencimento":"2029-05-20",
        "beneficiario":{"nome":"Padaria São João Ltda","documento":"11222333000181"},
        "pagador":{"nome":"José da Conceição"},
        "pix":{"chave":"11222333000181","cidade":"SAO PAULO"}}"#;

    fn bars(page: &Page) -> Vec<(f32, f32, f32, f32)> {
        page.ops
            .iter()
            .filter_map(|op| match op {
                Op::Fill { x, y, w, h } if (*h - BAR_HEIGHT).abs() < 1e-4 => Some((*x, *y, *w, *h)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn ficha_sizes_are_febraban_s() {
        // 95 to 108 mm high
        assert!(
            (95.0..=108.0).contains(&ficha_height(7.0)),
            "{}",
            ficha_height(7.0)
        );
        assert!(
            (95.0..=108.0).contains(&ficha_height(6.0)),
            "{}",
            ficha_height(6.0)
        );
        // three carnê coupons on an A4 page
        assert!(3.0 * ficha_height(6.0) <= PAGE_H);
        // 170 to 216 mm wide, inside an A4 page
        assert!((170.0..=216.0).contains(&W) && X0 + W <= PAGE_W);
    }

    #[test]
    fn barcode_is_i2of5_at_1_to_3_with_quiet_zones() {
        let t = crate::from_json(ITAU).unwrap();
        let pages = pages(&t).unwrap();
        let b = bars(&pages[0]);
        assert_eq!(b.len(), 114); // 2 start bars, 22 pairs × 5, 2 stop bars
        let narrow = b.iter().map(|r| r.2).fold(f32::MAX, f32::min);
        let wide = b.iter().map(|r| r.2).fold(0.0, f32::max);
        assert!((narrow - 0.254).abs() < 1e-4 && (wide / narrow - 3.0).abs() < 1e-3);
        let left = b[0].0;
        let right = b.iter().map(|r| r.0 + r.2).fold(0.0, f32::max);
        assert!((right - left - 405.0 * 0.254).abs() < 1e-3);
        let (top, bottom) = (b[0].1, b[0].1 + BAR_HEIGHT);
        // nothing else drawn in the band of the bars within 5 mm of either end
        let (zl, zr) = (left - BAR_QUIET, right + BAR_QUIET);
        assert!(zl >= 0.0, "the quiet zone fits on the page");
        for op in &pages[0].ops {
            let (x0, x1, y0, y1) = match op {
                Op::Fill { x, y, w, h } if (*h - BAR_HEIGHT).abs() < 1e-4 => continue,
                Op::Fill { x, y, w, h } | Op::Image { x, y, w, h, .. } => (*x, x + w, *y, y + h),
                Op::Line { x1, y1, x2, y2, .. } => {
                    (x1.min(*x2), x1.max(*x2), y1.min(*y2), y1.max(*y2))
                }
                Op::Text { x, y, size, .. } => {
                    // generous box: 60 mm either side of the anchor, one em above the baseline
                    (x - 60.0, x + 60.0, y - size * crate::fonts::MM_PER_PT, *y)
                }
            };
            let overlaps_band = y1 > top && y0 < bottom;
            let overlaps_zone = x1 > zl && x0 < zr;
            assert!(
                !(overlaps_band && overlaps_zone),
                "{op:?} inside the barcode's quiet zone"
            );
        }
    }
}
