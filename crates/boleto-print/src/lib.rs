//! Printed boletos: the ficha de compensação and the recibo do pagador as PDF, HTML and SVG,
//! carnês (three coupons per A4 page), and the PIX QR code of a boleto híbrido; letters (the
//! cartas de cobrança) as PDF with the same fonts ([`texto_pdf`]).
//!
//! One layout, drawn in millimetres from the top-left corner of an A4 page ([`layout`]), goes to
//! two back ends: PDF ([`pdf`], fonts embedded) and HTML with inline SVG ([`html`]). The barcode
//! is drawn by our own Interleaved 2 of 5 encoder from the 44 digits ([`i2of5`]); the QR code by
//! the `qrcode` crate.
//!
//! ```
//! let json = r#"{
//!   "banco": "341", "agencia": "1248", "conta": "02124", "carteira": "109",
//!   "nosso_numero": "00010152", "valor": "6757.87", "vencimento": "2029-05-20",
//!   "beneficiario": {"nome": "Loja Exemplo Ltda", "documento": "11222333000181"},
//!   "pagador": {"nome": "Maria da Silva", "documento": "12345678909",
//!               "endereco": "Rua A, 10", "cidade": "São Paulo", "uf": "SP", "cep": "01310100"},
//!   "instrucoes": ["Não receber após 30 dias do vencimento"]
//! }"#;
//! let titulos = boleto_print::from_json(json).unwrap();
//! let pdf = boleto_print::pdf(&titulos).unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! let html = boleto_print::html(&titulos).unwrap();
//! assert!(html.contains("6.757,87"));
//! let svg = boleto_print::barcode_svg(titulos[0].made.barcode.as_str()).unwrap();
//! assert!(svg.starts_with("<svg"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod fmt;
mod fonts;
mod html;
pub mod i2of5;
pub mod layout;
mod model;
mod pdf;
mod texto;

pub use html::{barcode_svg, html};
pub use model::{from_json, Impressao, Pessoa, Titulo};
pub use pdf::pdf;
pub use texto::texto_pdf;

/// What can go wrong when printing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrintError {
    /// The input JSON is malformed or has unknown / missing keys.
    #[error("input JSON: {0}")]
    Json(String),
    /// An empty array: nothing to print.
    #[error("input JSON: empty array, no título to print")]
    Empty,
    /// `boleto::make` refused the título.
    #[error("{}{message}", at(*index))]
    Boleto {
        /// Position of the título in the input array (1-based; 0 for a single object).
        index: usize,
        /// The boleto error.
        message: String,
    },
    /// A printed field is invalid.
    #[error("{}{field}: {message}", at(*index))]
    Field {
        /// Position of the título in the input array (1-based; 0 for a single object).
        index: usize,
        /// Field name as in the input JSON.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A code that cannot be drawn (the barcode must be an even count of digits).
    #[error("barcode: {0}")]
    Barcode(String),
    /// The embedded font could not be read or subsetted.
    #[error("font: {0}")]
    Font(String),
}

fn at(index: usize) -> String {
    if index == 0 {
        String::new()
    } else {
        format!("título {index}: ")
    }
}

impl PrintError {
    /// The same error, naming the título's position in the input array.
    pub(crate) fn at(self, index: usize) -> PrintError {
        match self {
            PrintError::Boleto { message, .. } => PrintError::Boleto { index, message },
            PrintError::Field { field, message, .. } => PrintError::Field {
                index,
                field,
                message,
            },
            PrintError::Json(m) => PrintError::Json(format!("título {index}: {m}")),
            other => other,
        }
    }
}
