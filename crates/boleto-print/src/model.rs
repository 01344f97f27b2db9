//! What a printed boleto needs: the `boleto make` input plus the people, the document fields and
//! the instructions. Read from the JSON `cnab boleto pdf|html` takes.

use boleto::{BoletoInput, BoletoOutput, BrCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::PrintError;

/// A person on the boleto: the beneficiário, the pagador or the sacador/avalista.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pessoa {
    /// Name (razão social).
    pub nome: String,
    /// CPF or CNPJ (digits or formatted; printed formatted).
    #[serde(default)]
    pub documento: Option<String>,
    /// Street address.
    #[serde(default)]
    pub endereco: Option<String>,
    /// City.
    #[serde(default)]
    pub cidade: Option<String>,
    /// State (UF).
    #[serde(default)]
    pub uf: Option<String>,
    /// CEP.
    #[serde(default)]
    pub cep: Option<String>,
}

/// The printed fields beyond the `boleto make` keys. Unknown keys are rejected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Impressao {
    /// Beneficiário (required).
    pub beneficiario: Pessoa,
    /// Pagador (required).
    pub pagador: Pessoa,
    /// Sacador/avalista, when there is one.
    #[serde(default)]
    pub sacador_avalista: Option<Pessoa>,
    /// Instruções (texto de responsabilidade do beneficiário), one line each.
    #[serde(default)]
    pub instrucoes: Vec<String>,
    /// Local de pagamento (default `Pagável em qualquer banco`).
    #[serde(default)]
    pub local_pagamento: Option<String>,
    /// Nº do documento (default: `seu_numero`).
    #[serde(default)]
    pub numero_documento: Option<String>,
    /// Espécie do documento (`DM`, `DS`, …), printed as given.
    #[serde(default)]
    pub especie_documento: Option<String>,
    /// Aceite (`A` / `N`), printed as given.
    #[serde(default)]
    pub aceite: Option<String>,
    /// Data do documento.
    #[serde(default)]
    pub data_documento: Option<NaiveDate>,
    /// Data de processamento.
    #[serde(default)]
    pub data_processamento: Option<NaiveDate>,
    /// (−) Desconto / abatimento.
    #[serde(default)]
    pub desconto: Option<Decimal>,
    /// (−) Outras deduções.
    #[serde(default)]
    pub outras_deducoes: Option<Decimal>,
    /// (+) Mora / multa.
    #[serde(default)]
    pub mora_multa: Option<Decimal>,
    /// (+) Outros acréscimos.
    #[serde(default)]
    pub outros_acrescimos: Option<Decimal>,
    /// (=) Valor cobrado.
    #[serde(default)]
    pub valor_cobrado: Option<Decimal>,
    /// Agência / código do beneficiário as the bank prints it (default: built from `agencia`,
    /// `agencia_dv`, and `codigo_beneficiario`, `convenio` or `conta`/`conta_dv`).
    #[serde(default)]
    pub agencia_codigo: Option<String>,
    /// Check digit of the bank code in the header (default: computed, see [`crate::fmt::banco_dv`]).
    #[serde(default)]
    pub banco_dv: Option<String>,
    /// A BR Code already made (for instance a dynamic one the bank returned), instead of `pix`.
    #[serde(default)]
    pub pix_payload: Option<String>,
    /// Path of a PNG logo the user supplies (the bank's, which its owner licenses for boletos), printed in the
    /// header's bank slot, 36 × 7 mm, in place of the bank's name. No logo ships with this crate: banks' logos
    /// are trademarks.
    #[serde(default)]
    pub logo: Option<std::path::PathBuf>,
}

/// A decoded logo: 8-bit RGB pixels (alpha composed over white), and the PNG file as given (for HTML).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Row-major RGB, 3 bytes a pixel.
    pub rgb: Vec<u8>,
    /// The PNG file's bytes.
    pub png: Vec<u8>,
}

impl Logo {
    /// Decodes a PNG (any bit depth and colour type the `png` crate reads; transparency composed over white).
    ///
    /// # Errors
    /// Bytes that are not a PNG the decoder reads, or an image without pixels.
    pub fn from_png(png: Vec<u8>) -> Result<Logo, String> {
        let mut dec = png::Decoder::new(std::io::Cursor::new(&png));
        dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = dec.read_info().map_err(|e| e.to_string())?;
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
        let (width, height) = (info.width, info.height);
        if width == 0 || height == 0 {
            return Err("an image without pixels".into());
        }
        let px = buf.get(..info.buffer_size()).unwrap_or_default();
        let over_white = |c: u8, a: u8| -> u8 {
            let v = (u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255;
            u8::try_from(v).unwrap_or(255)
        };
        let mut rgb = Vec::with_capacity(px.len());
        match info.color_type {
            png::ColorType::Rgb => rgb.extend_from_slice(px),
            png::ColorType::Rgba => {
                for p in px.chunks_exact(4) {
                    if let [r, g, b, a] = *p {
                        rgb.extend([over_white(r, a), over_white(g, a), over_white(b, a)]);
                    }
                }
            }
            png::ColorType::Grayscale => {
                for g in px {
                    rgb.extend([*g, *g, *g]);
                }
            }
            png::ColorType::GrayscaleAlpha => {
                for p in px.chunks_exact(2) {
                    if let [g, a] = *p {
                        let v = over_white(g, a);
                        rgb.extend([v, v, v]);
                    }
                }
            }
            png::ColorType::Indexed => {
                return Err("an indexed PNG the decoder did not expand".into())
            }
        }
        Ok(Logo {
            width,
            height,
            rgb,
            png,
        })
    }
}

/// Keys of [`Impressao`]; every other key goes to [`BoletoInput`].
const PRINT_KEYS: [&str; 19] = [
    "beneficiario",
    "pagador",
    "sacador_avalista",
    "instrucoes",
    "local_pagamento",
    "numero_documento",
    "especie_documento",
    "aceite",
    "data_documento",
    "data_processamento",
    "desconto",
    "outras_deducoes",
    "mora_multa",
    "outros_acrescimos",
    "valor_cobrado",
    "agencia_codigo",
    "banco_dv",
    "pix_payload",
    "logo",
];

/// One título ready to print: what `boleto::make` computed plus the printed fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Titulo {
    /// The `boleto make` input.
    pub input: BoletoInput,
    /// What `boleto::make` gave (barcode, linha digitável, nosso número).
    pub made: BoletoOutput,
    /// The printed fields.
    pub impressao: Impressao,
    /// The PIX BR Code shown as a QR code, from `pix` or `pix_payload`.
    pub pix: Option<BrCode>,
    /// The logo read from `impressao.logo`.
    pub logo: Option<std::sync::Arc<Logo>>,
}

impl Titulo {
    /// Build from the input and the printed fields.
    ///
    /// # Errors
    /// What `boleto::make` refuses; a `pix_payload` that is not a valid BR Code; both `pix` and
    /// `pix_payload` given.
    pub fn new(input: BoletoInput, impressao: Impressao) -> Result<Titulo, PrintError> {
        let made = boleto::make(&input).map_err(|e| PrintError::Boleto {
            index: 0,
            message: e.to_string(),
        })?;
        let pix = match (&made.pix_payload, &impressao.pix_payload) {
            (Some(_), Some(_)) => {
                return Err(PrintError::Field {
                    index: 0,
                    field: "pix_payload",
                    message: "give either pix or pix_payload, not both".into(),
                })
            }
            (Some(p), None) => Some(p.clone()),
            (None, Some(s)) => Some(BrCode::parse(s).map_err(|e| PrintError::Field {
                index: 0,
                field: "pix_payload",
                message: e.to_string(),
            })?),
            (None, None) => None,
        };
        let logo = match &impressao.logo {
            None => None,
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| PrintError::Field {
                    index: 0,
                    field: "logo",
                    message: format!("{}: {e}", path.display()),
                })?;
                let logo = Logo::from_png(bytes).map_err(|e| PrintError::Field {
                    index: 0,
                    field: "logo",
                    message: format!("{}: not a PNG we can read: {e}", path.display()),
                })?;
                Some(std::sync::Arc::new(logo))
            }
        };
        Ok(Titulo {
            input,
            made,
            impressao,
            pix,
            logo,
        })
    }

    /// The header's bank code with its check digit, `341-7`.
    pub fn banco_codigo(&self) -> String {
        let code = self.input.banco.code();
        match self
            .impressao
            .banco_dv
            .clone()
            .or_else(|| crate::fmt::banco_dv(code))
        {
            Some(dv) => format!("{code:03}-{dv}"),
            None => format!("{code:03}"),
        }
    }

    /// Agência / código do beneficiário as printed.
    pub fn agencia_codigo(&self) -> String {
        if let Some(s) = &self.impressao.agencia_codigo {
            return s.clone();
        }
        let i = &self.input;
        let ne = |o: &Option<String>| {
            o.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let with_dv = |a: Option<String>, dv: Option<String>| match (a, dv) {
            (Some(a), Some(d)) => Some(format!("{a}-{d}")),
            (a, _) => a,
        };
        let ag = with_dv(ne(&i.agencia), ne(&i.agencia_dv));
        let cod = ne(&i.codigo_beneficiario)
            .or_else(|| ne(&i.convenio))
            .or_else(|| with_dv(ne(&i.conta), ne(&i.conta_dv)));
        match (ag, cod) {
            (Some(a), Some(c)) => format!("{a} / {c}"),
            (Some(a), None) => a,
            (None, Some(c)) => c,
            (None, None) => String::new(),
        }
    }

    /// Nº do documento as printed.
    pub fn numero_documento(&self) -> String {
        self.impressao
            .numero_documento
            .clone()
            .or_else(|| self.input.seu_numero.clone())
            .unwrap_or_default()
    }
}

/// Read one JSON object (one título) or an array of them (a carnê).
///
/// # Errors
/// Invalid JSON, unknown keys, a missing `beneficiario`/`pagador`, and what [`Titulo::new`]
/// refuses; the error names the título's position (from 1) in an array.
pub fn from_json(json: &str) -> Result<Vec<Titulo>, PrintError> {
    let v: Value = serde_json::from_str(json).map_err(|e| PrintError::Json(e.to_string()))?;
    let (items, many) = match v {
        Value::Array(a) => (a, true),
        o @ Value::Object(_) => (vec![o], false),
        _ => {
            return Err(PrintError::Json(
                "expected an object (one título) or an array of objects (a carnê)".into(),
            ))
        }
    };
    if items.is_empty() {
        return Err(PrintError::Empty);
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| from_value(item).map_err(|e| if many { e.at(i + 1) } else { e }))
        .collect()
}

fn from_value(v: Value) -> Result<Titulo, PrintError> {
    let Value::Object(obj) = v else {
        return Err(PrintError::Json("each título must be a JSON object".into()));
    };
    let (mut print, mut rest) = (Map::new(), Map::new());
    for (k, v) in obj {
        if PRINT_KEYS.contains(&k.as_str()) {
            print.insert(k, v);
        } else {
            rest.insert(k, v);
        }
    }
    let impressao: Impressao = serde_json::from_value(Value::Object(print))
        .map_err(|e| PrintError::Json(e.to_string()))?;
    // The PIX merchant name and city default to the beneficiário's (the BR Code limits apply:
    // an over-long name is refused by the BR Code builder, never cut).
    if let Some(Value::Object(pix)) = rest.get_mut("pix") {
        if !pix.contains_key("nome") {
            pix.insert(
                "nome".into(),
                Value::String(impressao.beneficiario.nome.clone()),
            );
        }
        if let (false, Some(c)) = (pix.contains_key("cidade"), &impressao.beneficiario.cidade) {
            pix.insert("cidade".into(), Value::String(c.clone()));
        }
    }
    let input: BoletoInput =
        serde_json::from_value(Value::Object(rest)).map_err(|e| PrintError::Json(e.to_string()))?;
    Titulo::new(input, impressao)
}
