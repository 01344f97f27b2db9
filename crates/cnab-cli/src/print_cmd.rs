//! `cnab boleto pdf|html|svg`: printed boletos and carnês (crate `boleto-print`).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::out::Out;
use crate::Fail;

/// What to print.
#[derive(Clone, Copy)]
pub(crate) enum Format {
    Pdf,
    Html,
    Svg,
}

fn read_input(input: Option<&Path>) -> Result<String, Fail> {
    match input {
        Some(p) if p != Path::new("-") => {
            std::fs::read_to_string(p).map_err(|e| Fail(2, format!("{}: {e}", p.display())))
        }
        _ => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| Fail(2, format!("stdin: {e}")))?;
            Ok(s)
        }
    }
}

fn emit(out: &mut Out, dest: Option<&Path>, bytes: &[u8]) -> Result<(), Fail> {
    match dest {
        Some(p) if p != Path::new("-") => {
            std::fs::write(p, bytes).map_err(|e| Fail(1, format!("{}: {e}", p.display())))
        }
        _ => out.write_all(bytes),
    }
}

/// `cnab boleto pdf|html [--out FILE] [INPUT.json]`: one JSON object (one boleto) or an array
/// (a carnê); `cnab boleto svg [--out FILE] [INPUT.json | CODE]`: the barcode alone, from the
/// same JSON or from a barcode / linha digitável.
pub(crate) fn run(
    out: &mut Out,
    format: Format,
    output: Option<PathBuf>,
    input: Option<String>,
) -> Result<bool, Fail> {
    if let (Format::Svg, Some(code)) = (format, &input) {
        // a code given on the command line instead of a file
        if !Path::new(code).exists()
            && code
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ' ' | '-'))
        {
            let parsed = boleto::parse_any(code).map_err(|e| Fail(1, e.to_string()))?;
            let svg =
                boleto_print::barcode_svg(&parsed.barcode).map_err(|e| Fail(1, e.to_string()))?;
            emit(out, output.as_deref(), svg.as_bytes())?;
            return Ok(true);
        }
    }
    let json = read_input(input.as_deref().map(Path::new))?;
    let titulos = boleto_print::from_json(&json).map_err(|e| Fail(1, e.to_string()))?;
    let bytes = match format {
        Format::Pdf => boleto_print::pdf(&titulos).map_err(|e| Fail(1, e.to_string()))?,
        Format::Html => boleto_print::html(&titulos)
            .map_err(|e| Fail(1, e.to_string()))?
            .into_bytes(),
        Format::Svg => {
            let [t] = titulos.as_slice() else {
                return Err(Fail(
                    1,
                    "cnab boleto svg draws one barcode: give one JSON object, not an array".into(),
                ));
            };
            boleto_print::barcode_svg(t.made.barcode.as_str())
                .map_err(|e| Fail(1, e.to_string()))?
                .into_bytes()
        }
    };
    emit(out, output.as_deref(), &bytes)?;
    Ok(true)
}
