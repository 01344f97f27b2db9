//! The user-supplied logo (`logo`: a PNG path) in the header's bank slot: embedded in the PDF as an image and drawn
//! there (checked on the page rasterised by pdftoppm when it is installed), inlined in the HTML, refused by name
//! when unreadable. No logo ships with the crate.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::process::Command;

use boleto_print::{from_json, html, pdf, PrintError};
use serde_json::json;

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("boleto-print-logo-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A 120 × 24 pure red PNG.
fn red_png(path: &std::path::Path) {
    let f = std::fs::File::create(path).unwrap();
    let mut enc = png::Encoder::new(std::io::BufWriter::new(f), 120, 24);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().unwrap();
    let data: Vec<u8> = std::iter::repeat_n([255u8, 0, 0], 120 * 24)
        .flatten()
        .collect();
    w.write_image_data(&data).unwrap();
}

fn input(logo: Option<&std::path::Path>) -> String {
    let mut v = json!({
        "banco": "341", "valor": "1234.56", "vencimento": "2026-08-15",
        "carteira": "109", "nosso_numero": "12345678", "agencia": "1234", "conta": "12345", "conta_dv": "6",
        "beneficiario": {"nome": "Padaria São João Ltda", "documento": "11222333000181"},
        "pagador": {"nome": "José da Conceição", "documento": "12345678909"}
    });
    if let Some(p) = logo {
        v["logo"] = json!(p);
    }
    v.to_string()
}

#[test]
fn the_logo_is_drawn_in_the_bank_slot() {
    let dir = tmpdir("ok");
    let png = dir.join("logo.png");
    red_png(&png);
    let titulos = from_json(&input(Some(&png))).unwrap();
    let bytes = pdf(&titulos).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/Subtype /Image"), "no image XObject");
    assert!(text.contains("/Width 120") && text.contains("/Height 24"));
    assert!(text.contains("/Im0"));
    // Without the logo the PDF has no image.
    let plain = pdf(&from_json(&input(None)).unwrap()).unwrap();
    assert!(!String::from_utf8_lossy(&plain).contains("/Subtype /Image"));

    let h = html(&titulos).unwrap();
    assert!(h.contains("<image ") && h.contains("data:image/png;base64,iVBORw0KGgo"));

    if Command::new("pdftoppm").arg("-h").output().is_err() {
        eprintln!(
            "SKIPPED: `pdftoppm` not found (Debian: poppler-utils): the drawn logo was not checked"
        );
        return;
    }
    let pdf_path = dir.join("b.pdf");
    std::fs::write(&pdf_path, &bytes).unwrap();
    let st = Command::new("pdftoppm")
        .args(["-r", "50", "-singlefile"])
        .arg(&pdf_path)
        .arg(dir.join("page"))
        .status()
        .unwrap();
    assert!(st.success());
    let ppm = std::fs::read(dir.join("page.ppm")).unwrap();
    // P6 header: "P6\n<w> <h>\n255\n"
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        let start = i;
        while !ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&ppm[start..i]).to_string());
        i += 1;
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = &ppm[i..];
    let red = |x: usize, y: usize| {
        let o = (y * w + x) * 3;
        px[o] > 200 && px[o + 1] < 60 && px[o + 2] < 60
    };
    let reds: Vec<(usize, usize)> = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| red(x, y))
        .collect();
    assert!(!reds.is_empty(), "no red pixel on the page");
    // All within the bank slot of a header: x from 10.5 mm to 46.5 mm (50 dpi: 20 to 92 px).
    let mm = |px: usize| px as f32 * 25.4 / 50.0;
    assert!(
        reds.iter().all(|&(x, _)| mm(x) >= 9.5 && mm(x) <= 47.5),
        "logo outside its slot"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unreadable_logo_is_refused_by_name() {
    let dir = tmpdir("bad");
    let missing = dir.join("absent.png");
    let e = from_json(&input(Some(&missing))).unwrap_err();
    assert!(matches!(&e, PrintError::Field { field: "logo", .. }), "{e}");
    let not_png = dir.join("logo.svg");
    std::fs::write(&not_png, "<svg/>").unwrap();
    let e = from_json(&input(Some(&not_png))).unwrap_err();
    assert!(
        matches!(&e, PrintError::Field { field: "logo", message, .. } if message.contains("not a PNG")),
        "{e}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
