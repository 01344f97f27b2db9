//! Titles from a CSV or JSON file, or from a remessa read by cnab-core.
//!
//! The CSV has a header row. Required columns: `id, banco, nosso_numero, valor, vencimento`. Optional:
//! `convenio, seu_numero, emissao, pagador_documento, pagador_nome, multa_pct, multa_valor, juros_pct_mes,
//! juros_valor_dia, desconto_valor, desconto_pct, desconto_ate, abatimento, linha_digitavel, pix`
//! (`linha_digitavel`: the registered boleto's 47 digits, separators allowed, its check digits and bank checked;
//! `pix`: the boleto híbrido's PIX copia e cola, a BR Code whose CRC is checked). Amounts and percentages are decimals
//! with a dot, dates `YYYY-MM-DD`. The JSON form is an array of objects with the same keys (values as strings or
//! numbers). `nosso_numero` may be left empty when the bank assigns it, if `seu_numero` is given (the entrada
//! confirmada links the bank's number to it). Unknown columns are refused (a misspelt `juros_pct_mes` must not silently drop the interest).

use std::collections::HashSet;
use std::str::FromStr;

use chrono::NaiveDate;
use cnab_core::{Bank, Remessa};
use rust_decimal::Decimal;

use crate::error::ImportError;
use crate::titulo::{Desconto, DescontoTipo, Juros, JurosTipo, Multa, MultaTipo, Pagador, Titulo};

/// Required columns, in the order the issue lists them.
pub const REQUIRED_COLUMNS: &[&str] = &["id", "banco", "nosso_numero", "valor", "vencimento"];
/// Optional columns.
pub const OPTIONAL_COLUMNS: &[&str] = &[
    "convenio",
    "seu_numero",
    "emissao",
    "pagador_documento",
    "pagador_nome",
    "multa_pct",
    "multa_valor",
    "juros_pct_mes",
    "juros_valor_dia",
    "desconto_valor",
    "desconto_pct",
    "desconto_ate",
    "abatimento",
    "linha_digitavel",
    "pix",
];

/// Read titles from CSV bytes (UTF-8, comma-separated, header row).
///
/// ```
/// let csv = "id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes\n\
///            NF-1,341,12345678,1000.00,2026-03-10,2,1\n";
/// let titles = baixa::titles_from_csv(csv.as_bytes()).unwrap();
/// assert_eq!(titles[0].valor.to_string(), "1000.00");
/// let err = baixa::titles_from_csv(b"id,banco,nosso_numero,valor,vencimento\nX,341,1,12;50,2026-01-01\n").unwrap_err();
/// assert_eq!(err.to_string(), "row 2, column valor: expected a decimal with a dot, found \"12;50\"");
/// ```
///
/// # Errors
/// [`ImportError`] naming the row and column of the first problem.
pub fn titles_from_csv(bytes: &[u8]) -> Result<Vec<Titulo>, ImportError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = rdr
        .headers()
        .map_err(|e| ImportError::Syntax {
            row: 1,
            message: e.to_string(),
        })?
        .clone();
    let cols: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    check_columns(cols.iter().map(String::as_str))?;
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    let mut rec = csv::StringRecord::new();
    let mut row = 1usize;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let r = e.position().map_or(row + 1, |p| p.line() as usize);
                return Err(ImportError::Syntax {
                    row: r,
                    message: e.to_string(),
                });
            }
        }
        row = rec.position().map_or(row + 1, |p| p.line() as usize);
        let get = |name: &str| -> Option<&str> {
            cols.iter()
                .position(|c| c == name)
                .and_then(|i| rec.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let t = build(row, get)?;
        if !ids.insert(t.id.clone()) {
            return Err(ImportError::field(
                row,
                "id",
                format!("duplicate id {:?}", t.id),
            ));
        }
        out.push(t);
    }
    Ok(out)
}

/// Read titles from a JSON array of objects with the CSV's keys.
///
/// ```
/// let json = r#"[{"id": "NF-1", "banco": "001", "nosso_numero": "123", "valor": 10.5, "vencimento": "2026-01-31"}]"#;
/// let titles = baixa::titles_from_json(json.as_bytes()).unwrap();
/// assert_eq!(titles[0].banco.code(), 1);
/// ```
///
/// # Errors
/// [`ImportError`] naming the item (1-based) and key of the first problem.
pub fn titles_from_json(bytes: &[u8]) -> Result<Vec<Titulo>, ImportError> {
    let items: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_slice(bytes)
        .map_err(|e| ImportError::Syntax {
            row: 0,
            message: e.to_string(),
        })?;
    let mut out = Vec::with_capacity(items.len());
    let mut ids = HashSet::new();
    for (i, obj) in items.iter().enumerate() {
        let row = i + 1;
        for k in obj.keys() {
            if !REQUIRED_COLUMNS.contains(&k.as_str()) && !OPTIONAL_COLUMNS.contains(&k.as_str()) {
                return Err(ImportError::field(row, k, "unknown key"));
            }
        }
        let mut texts: Vec<(&str, String)> = Vec::with_capacity(obj.len());
        for (k, v) in obj {
            let s = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => s.trim().to_string(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return Err(ImportError::field(row, k, "expected a string or a number")),
            };
            if !s.is_empty() {
                texts.push((k.as_str(), s));
            }
        }
        let get = |name: &str| -> Option<&str> {
            texts
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str())
        };
        let t = build(row, get)?;
        if !ids.insert(t.id.clone()) {
            return Err(ImportError::field(
                row,
                "id",
                format!("duplicate id {:?}", t.id),
            ));
        }
        out.push(t);
    }
    Ok(out)
}

/// Read titles from CSV or JSON, telling them apart by the first non-blank byte (`[` = JSON).
///
/// # Errors
/// As [`titles_from_csv`] / [`titles_from_json`].
pub fn import(bytes: &[u8]) -> Result<Vec<Titulo>, ImportError> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        titles_from_json(bytes)
    } else {
        titles_from_csv(bytes)
    }
}

fn check_columns<'a>(cols: impl Iterator<Item = &'a str> + Clone) -> Result<(), ImportError> {
    for c in cols.clone() {
        if !REQUIRED_COLUMNS.contains(&c) && !OPTIONAL_COLUMNS.contains(&c) {
            return Err(ImportError::Header(format!("unknown column {c:?}")));
        }
    }
    for r in REQUIRED_COLUMNS {
        if !cols.clone().any(|c| c == *r) {
            return Err(ImportError::Header(format!(
                "missing required column {r:?}"
            )));
        }
    }
    Ok(())
}

fn required<'a>(
    row: usize,
    get: &impl Fn(&str) -> Option<&'a str>,
    name: &str,
) -> Result<&'a str, ImportError> {
    get(name).ok_or_else(|| ImportError::field(row, name, "required, found empty"))
}

/// An amount of money: a decimal with at most two places (centavos). More places are refused, never rounded.
fn money(row: usize, name: &str, s: &str) -> Result<Decimal, ImportError> {
    let d = dec(row, name, s)?;
    if d.normalize().scale() > 2 {
        return Err(ImportError::field(
            row,
            name,
            format!("an amount has at most two decimal places, found {s:?}"),
        ));
    }
    Ok(d)
}

fn dec(row: usize, name: &str, s: &str) -> Result<Decimal, ImportError> {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && s.bytes().filter(|b| *b == b'.').count() <= 1;
    let d = if ok { Decimal::from_str(s).ok() } else { None };
    match d {
        Some(d) if d.is_sign_negative() => Err(ImportError::field(
            row,
            name,
            format!("must not be negative, found {s:?}"),
        )),
        Some(d) => Ok(d),
        None => Err(ImportError::field(
            row,
            name,
            format!("expected a decimal with a dot, found {s:?}"),
        )),
    }
}

fn date(row: usize, name: &str, s: &str) -> Result<NaiveDate, ImportError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .ok_or_else(|| ImportError::field(row, name, format!("expected YYYY-MM-DD, found {s:?}")))
}

/// Which of two alternative columns gave the value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    First,
    Second,
}
use Which::First;

/// Two columns that say the same rule in two ways (a percentage or a value): at most one may be given; giving both
/// is an error on `second_column`.
fn one_of(
    row: usize,
    first: Option<Decimal>,
    second: Option<Decimal>,
    second_column: &str,
    either: &str,
) -> Result<Option<(Which, Decimal)>, ImportError> {
    match (first, second) {
        (Some(_), Some(_)) => Err(ImportError::field(
            row,
            second_column,
            format!("give {either}, not both"),
        )),
        (Some(v), None) => Ok(Some((First, v))),
        (None, Some(v)) => Ok(Some((Which::Second, v))),
        (None, None) => Ok(None),
    }
}

fn opt<'a, T>(
    row: usize,
    get: &impl Fn(&str) -> Option<&'a str>,
    name: &str,
    f: fn(usize, &str, &str) -> Result<T, ImportError>,
) -> Result<Option<T>, ImportError> {
    get(name).map(|s| f(row, name, s)).transpose()
}

fn build<'a>(row: usize, get: impl Fn(&str) -> Option<&'a str>) -> Result<Titulo, ImportError> {
    let id = required(row, &get, "id")?.to_string();
    let banco_s = required(row, &get, "banco")?;
    let banco: Bank = banco_s.parse().map_err(|_| {
        ImportError::field(
            row,
            "banco",
            format!("expected a bank code of up to 3 digits, found {banco_s:?}"),
        )
    })?;
    // empty only when the bank assigns it: the entrada confirmada then links it through the seu número
    let nosso_numero = get("nosso_numero").unwrap_or_default().to_string();
    if nosso_numero.is_empty() && get("seu_numero").is_none() {
        return Err(ImportError::field(
            row,
            "nosso_numero",
            "required (may be empty only with a seu_numero, when the bank assigns it)",
        ));
    }
    let valor = money(row, "valor", required(row, &get, "valor")?)?;
    let vencimento = date(row, "vencimento", required(row, &get, "vencimento")?)?;
    let multa_pct = opt(row, &get, "multa_pct", dec)?;
    let multa_valor = opt(row, &get, "multa_valor", money)?;
    let multa = one_of(
        row,
        multa_pct,
        multa_valor,
        "multa_valor",
        "multa_pct or multa_valor",
    )?
    .map(|(tipo, valor)| Multa {
        tipo: if tipo == First {
            MultaTipo::Percentual
        } else {
            MultaTipo::Valor
        },
        valor,
        desde: None,
    });
    let juros_pct = opt(row, &get, "juros_pct_mes", dec)?;
    let juros_dia = opt(row, &get, "juros_valor_dia", dec)?;
    let juros = one_of(
        row,
        juros_pct,
        juros_dia,
        "juros_valor_dia",
        "juros_pct_mes or juros_valor_dia",
    )?
    .map(|(tipo, valor)| Juros {
        tipo: if tipo == First {
            JurosTipo::PercentualMes
        } else {
            JurosTipo::ValorDia
        },
        valor,
        desde: None,
    });
    let desc_valor = opt(row, &get, "desconto_valor", money)?;
    let desc_pct = opt(row, &get, "desconto_pct", dec)?;
    let desc_ate = opt(row, &get, "desconto_ate", date)?;
    let desconto = one_of(
        row,
        desc_valor,
        desc_pct,
        "desconto_pct",
        "desconto_valor or desconto_pct",
    )?
    .map(|(tipo, valor)| Desconto {
        tipo: if tipo == First {
            DescontoTipo::Valor
        } else {
            DescontoTipo::Percentual
        },
        valor,
        ate: desc_ate,
    });
    if desconto.is_none() && desc_ate.is_some() {
        return Err(ImportError::field(
            row,
            "desconto_ate",
            "a date without desconto_valor or desconto_pct",
        ));
    }
    Ok(Titulo {
        id,
        banco,
        convenio: get("convenio").unwrap_or_default().to_string(),
        nosso_numero,
        nosso_numero_dv: None,
        seu_numero: get("seu_numero").unwrap_or_default().to_string(),
        pagador: Pagador {
            documento: get("pagador_documento").unwrap_or_default().to_string(),
            nome: get("pagador_nome").unwrap_or_default().to_string(),
        },
        valor,
        emissao: opt(row, &get, "emissao", date)?,
        vencimento,
        multa,
        juros,
        descontos: desconto.into_iter().collect(),
        abatimento: opt(row, &get, "abatimento", money)?.unwrap_or_default(),
        linha_digitavel: get("linha_digitavel")
            .map(|s| linha(row, banco, s))
            .transpose()?,
        pix: opt(row, &get, "pix", pix)?,
    })
}

/// A linha digitável given in a titles file: 47 digits (dots and spaces allowed) whose check digits hold, of the
/// title's bank.
fn linha(row: usize, banco: Bank, s: &str) -> Result<String, ImportError> {
    let l = boleto::LinhaDigitavel::parse(s)
        .map_err(|e| ImportError::field(row, "linha_digitavel", format!("{e}, found {s:?}")))?;
    let b = l.barcode().banco();
    if b.code() != banco.code() {
        return Err(ImportError::field(
            row,
            "linha_digitavel",
            format!(
                "of bank {:03}, the title's is {:03}",
                b.code(),
                banco.code()
            ),
        ));
    }
    Ok(l.as_str().to_string())
}

/// A PIX copia e cola given in a titles file: a BR Code that parses (its CRC holds).
fn pix(row: usize, name: &str, s: &str) -> Result<String, ImportError> {
    boleto::BrCode::parse(s)
        .map(|b| b.as_str().to_string())
        .map_err(|e| ImportError::field(row, name, e.to_string()))
}

/// The linha digitável of a título as a remessa registered it: the boleto the bank's rules give for the header's
/// beneficiary (agência, conta, convênio, código do beneficiário), the título's carteira (else the header's),
/// nosso número, valor and vencimento. `None` when the boleto cannot be computed from what the remessa carries
/// (a bank whose campo livre needs data the remessa lacks): nothing is guessed.
fn linha_registrada(bank: Bank, r: &Remessa, t: &cnab_core::Titulo) -> Option<String> {
    let b = &r.header.beneficiario;
    let opt = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let mut input =
        boleto::BoletoInput::new(bank.code(), t.nosso_numero.trim().to_string(), t.valor);
    input.agencia = opt(&b.agencia);
    input.agencia_dv = opt(&b.agencia_dv);
    input.conta = opt(&b.conta);
    input.conta_dv = opt(&b.conta_dv);
    input.carteira = opt(&t.carteira).or_else(|| opt(&b.carteira));
    input.convenio = opt(&b.convenio);
    input.codigo_beneficiario = opt(&b.codigo_beneficiario);
    input.modalidade = opt(&t.variacao).or_else(|| opt(&b.variacao));
    input.vencimento = t.vencimento;
    boleto::make(&input)
        .ok()
        .map(|m| m.linha_digitavel.as_str().to_string())
}

/// Titles registered by a remessa read with cnab-core, with the header's beneficiary as their agreement.
///
/// A title's id is its seu número, or its nosso número when that is empty. Only entries (movimento `01`, or
/// empty) become titles; other movements (baixa, alteração…) are instructions and are skipped.
///
/// Charge codes, per the layouts (cnab-core's `Encargo.codigo`):
/// - juros — FEBRABAN CNAB 240 segmento P pos. 118 "Código do Juros de Mora" (nota C018): `1` valor por dia,
///   `2` taxa mensal, `3` isento (also `0` and blank = none). CNAB 400 banks that carry only a "juros/mora por dia"
///   value and no code (Bradesco pos. 161-173 "valor a ser cobrado por dia de atraso", Itaú "juros de 1 dia", BB
///   "juros de mora por dia", Santander "mora dia") give a value per day.
/// - multa — FEBRABAN segmento R pos. 66 "Código da Multa": `1` valor fixo, `2` percentual, `0` sem multa
///   (Bradesco 400 pos. 66 and Itaú 400 registro tipo 2 follow the same codes); Santander 400 pos. 78
///   "informação de multa" `4` = percentual in pos. 79-82.
/// - desconto — FEBRABAN segmento P pos. 142 "Código do Desconto 1": `1` valor fixo até a data informada,
///   `2` percentual até a data informada, `0` sem desconto. Blank code with a value = a value until the date
///   (CNAB 400 "desconto até").
///
/// Any other code is an error naming the title's line and the field, never a guess.
///
/// # Errors
/// [`ImportError::Field`] for a title without a due date, a duplicate id, or an unmapped charge code.
pub fn from_remessa(remessa: &Remessa) -> Result<Vec<Titulo>, ImportError> {
    let bank = remessa.bank.unwrap_or(Bank::new(0));
    let b = &remessa.header.beneficiario;
    let convenio = [&b.convenio, &b.codigo_beneficiario, &b.conta]
        .into_iter()
        .find(|s| !s.trim().trim_start_matches('0').is_empty())
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for t in &remessa.titulos {
        if !(t.movimento.trim().is_empty()
            || t.movimento.trim() == "01"
            || t.movimento.trim() == "1")
        {
            continue;
        }
        let row = t.line;
        let id = if t.seu_numero.trim().is_empty() {
            t.nosso_numero.trim().to_string()
        } else {
            t.seu_numero.trim().to_string()
        };
        if id.is_empty() {
            return Err(ImportError::field(
                row,
                "seu_numero",
                "neither seu número nor nosso número: no id for the title",
            ));
        }
        let vencimento = t
            .vencimento
            .ok_or_else(|| ImportError::field(row, "vencimento", "a title without a due date"))?;
        let titulo = Titulo {
            id: id.clone(),
            banco: bank,
            convenio: convenio.clone(),
            nosso_numero: t.nosso_numero.trim().to_string(),
            nosso_numero_dv: t.nosso_numero_dv.clone().filter(|s| !s.trim().is_empty()),
            seu_numero: t.seu_numero.trim().to_string(),
            pagador: Pagador {
                documento: t.pagador.inscricao.numero.clone(),
                nome: t.pagador.nome.trim().to_string(),
            },
            valor: t.valor,
            emissao: t.emissao,
            vencimento,
            multa: multa_rule(bank, row, &t.multa)?,
            juros: juros_rule(row, &t.juros)?,
            descontos: desconto_rule(row, &t.desconto)?.into_iter().collect(),
            abatimento: t.abatimento.unwrap_or_default(),
            linha_digitavel: if t.nosso_numero.trim().is_empty() {
                None
            } else {
                linha_registrada(bank, remessa, t)
            },
            pix: None,
        };
        if !ids.insert(id.clone()) {
            return Err(ImportError::field(
                row,
                "seu_numero",
                format!("duplicate id {id:?}"),
            ));
        }
        out.push(titulo);
    }
    Ok(out)
}

fn positive(v: &Option<Decimal>) -> Option<Decimal> {
    v.filter(|d| !d.is_zero())
}

fn juros_rule(row: usize, e: &cnab_core::Encargo) -> Result<Option<Juros>, ImportError> {
    let Some(valor) = positive(&e.valor) else {
        return Ok(None);
    };
    let tipo = match e.codigo.trim() {
        "1" | "" => JurosTipo::ValorDia,
        "2" => JurosTipo::PercentualMes,
        "0" | "3" => return Ok(None),
        c => {
            return Err(ImportError::field(
                row,
                "juros_codigo",
                format!("juros code {c:?} is not mapped to a rule"),
            ))
        }
    };
    Ok(Some(Juros {
        tipo,
        valor,
        desde: e.data,
    }))
}

fn multa_rule(
    bank: Bank,
    row: usize,
    e: &cnab_core::Encargo,
) -> Result<Option<Multa>, ImportError> {
    let Some(valor) = positive(&e.valor) else {
        return Ok(None);
    };
    let tipo = match (bank.code(), e.codigo.trim()) {
        (_, "1") => MultaTipo::Valor,
        (_, "2") => MultaTipo::Percentual,
        (33, "4") => MultaTipo::Percentual,
        (_, "0") => return Ok(None),
        (_, c) => {
            return Err(ImportError::field(
                row,
                "multa_codigo",
                format!("multa code {c:?} is not mapped to a rule"),
            ))
        }
    };
    Ok(Some(Multa {
        tipo,
        valor,
        desde: e.data,
    }))
}

fn desconto_rule(row: usize, e: &cnab_core::Encargo) -> Result<Option<Desconto>, ImportError> {
    let Some(valor) = positive(&e.valor) else {
        return Ok(None);
    };
    let tipo = match e.codigo.trim() {
        "1" | "" => DescontoTipo::Valor,
        "2" => DescontoTipo::Percentual,
        "0" => return Ok(None),
        c => {
            return Err(ImportError::field(
                row,
                "desconto_codigo",
                format!("desconto code {c:?} is not mapped to a rule"),
            ))
        }
    };
    Ok(Some(Desconto {
        tipo,
        valor,
        ate: e.data,
    }))
}
