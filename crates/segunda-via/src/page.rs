//! The boleto of a título (from the ledger and the company's boleto template) and the page in Portuguese.
// The markup is written line by line; each line's newline is part of the string written.
#![allow(clippy::write_with_newline)]

use std::fmt::Write as _;

use baixa::{Breakdown, Status, TitleState, Titulo};
use boleto_print::fmt;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

/// What the page shows of a título on a date.
pub(crate) struct View {
    pub titulo: Titulo,
    pub state: TitleState,
    /// The amount due on the date, component by component.
    pub devido: Breakdown,
    /// `devido.total − paid`, at least zero.
    pub saldo: Decimal,
    /// The boleto, when the título is open and a template matches its bank (else why not).
    pub boleto: Result<boleto_print::Titulo, String>,
    /// The beneficiário's name and document, from the template.
    pub beneficiario: (String, String),
    /// The date the amounts are computed for.
    pub hoje: NaiveDate,
}

fn bank_of(v: &Value) -> Option<u16> {
    match v.get("banco")? {
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        _ => None,
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The template for a título: the first with its bank whose `convenio`, `codigo_beneficiario` or `conta` is the
/// título's convênio, else the first with its bank, else the first without a bank.
pub(crate) fn template<'a>(templates: &'a [Value], t: &Titulo) -> Option<&'a Value> {
    let code = t.banco.code();
    let conv = digits(&t.convenio);
    let same_bank = || templates.iter().filter(move |v| bank_of(v) == Some(code));
    let by_conv = (!conv.is_empty())
        .then(|| {
            same_bank().find(|v| {
                ["convenio", "codigo_beneficiario", "conta"]
                    .iter()
                    .any(|k| {
                        v.get(*k).and_then(Value::as_str).is_some_and(|s| {
                            digits(s).trim_start_matches('0') == conv.trim_start_matches('0')
                        })
                    })
            })
        })
        .flatten();
    by_conv
        .or_else(|| same_bank().next())
        .or_else(|| templates.iter().find(|v| v.get("banco").is_none()))
}

/// The boleto of an open título: the template's keys plus the título's (bank, nosso número, amount, due date,
/// pagador, document number); when charges apply on the date, the printed mora/multa, desconto and valor cobrado
/// carry them and the PIX amount is the amount due.
pub(crate) fn boleto(
    template: &Value,
    t: &Titulo,
    s: &TitleState,
    devido: &Breakdown,
    saldo: Decimal,
) -> Result<boleto_print::Titulo, String> {
    let Value::Object(tpl) = template else {
        return Err("boleto template is not a JSON object".into());
    };
    let mut v: Map<String, Value> = tpl.clone();
    let nn = if t.nosso_numero.trim().is_empty() {
        s.linked_nosso_numero.clone().unwrap_or_default()
    } else {
        t.nosso_numero.clone()
    };
    let (body, _) = baixa::key::split_nosso_numero(&nn, t.nosso_numero_dv.as_deref());
    if body.trim().is_empty() {
        return Err(format!("título {:?} has no nosso número yet", t.id));
    }
    v.insert("banco".into(), json!(format!("{:03}", t.banco.code())));
    v.insert("nosso_numero".into(), json!(body.trim()));
    v.insert("valor".into(), json!(t.valor.to_string()));
    v.insert("vencimento".into(), json!(t.vencimento.to_string()));
    let mut pagador = Map::new();
    pagador.insert("nome".into(), json!(t.pagador.nome));
    if !t.pagador.documento.trim().is_empty() {
        pagador.insert("documento".into(), json!(t.pagador.documento));
    }
    v.insert("pagador".into(), Value::Object(pagador));
    if !t.seu_numero.trim().is_empty() && !v.contains_key("numero_documento") {
        v.insert("numero_documento".into(), json!(t.seu_numero));
    }
    if let Some(e) = t.emissao {
        v.entry("data_documento").or_insert(json!(e.to_string()));
    }
    let acrescimos = devido.multa + devido.juros;
    let deducoes = devido.desconto + devido.abatimento;
    if !acrescimos.is_zero() {
        v.insert("mora_multa".into(), json!(acrescimos.to_string()));
    }
    if !deducoes.is_zero() {
        v.insert("desconto".into(), json!(deducoes.to_string()));
    }
    if saldo != t.valor {
        v.insert("valor_cobrado".into(), json!(saldo.to_string()));
    }
    let mut titulos =
        boleto_print::from_json(&Value::Object(v).to_string()).map_err(|e| e.to_string())?;
    let mut b = titulos.pop().ok_or("no boleto made")?;
    if let (Some(pix), false) = (&b.input.pix, saldo == t.valor) {
        b.pix = Some(pix.brcode(saldo).map_err(|e| e.to_string())?);
    }
    Ok(b)
}

/// Text for HTML (element content and quoted attribute values).
pub(crate) fn esc(s: &str) -> String {
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

/// The page's style (inline; allowed by its hash in the Content-Security-Policy).
pub(crate) const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 2rem;background:#fff;min-height:100vh;box-sizing:border-box}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0 0 1rem}
dt{color:#555}dd{margin:0;font-weight:600}
.valor{font-size:1.6rem;font-weight:700}
.aviso{border-left:4px solid #b45309;background:#fff7ed;padding:.6rem .8rem;margin:1rem 0}
.pago{border-left:4px solid #15803d;background:#f0fdf4;padding:.6rem .8rem;margin:1rem 0}
table{border-collapse:collapse;margin:.5rem 0 1rem}td{padding:.2rem .8rem .2rem 0}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{border-top:1px solid #999;font-weight:700}
.linha{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.05rem;word-break:break-all;background:#f4f5f7;padding:.6rem;border-radius:4px}
.barras svg{width:100%;max-width:103mm;height:auto;display:block;margin:.8rem 0}
.pix{display:flex;gap:1rem;flex-wrap:wrap;align-items:flex-start}.pix svg{width:11rem;height:11rem}
textarea{width:100%;min-height:5rem;font-family:ui-monospace,monospace;font-size:.8rem;box-sizing:border-box}
button,a.botao{font:inherit;padding:.45rem .9rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;border-radius:4px;cursor:pointer;text-decoration:none;display:inline-block;margin:.3rem 0}
a.botao{background:#fff;color:#1d4ed8}
footer{color:#666;font-size:.8rem;margin-top:2rem}
@media print{button,a.botao,footer{display:none}body{background:#fff}main{min-height:0}}
";

/// The page's script: the copy buttons (inline; allowed by its hash in the Content-Security-Policy).
pub(crate) const SCRIPT: &str = "
document.querySelectorAll('button[data-copiar]').forEach(function (b) {
  b.addEventListener('click', function () {
    var texto = b.getAttribute('data-copiar');
    var feito = function () { b.textContent = 'Copiado!'; };
    var manual = function () {
      var t = document.createElement('textarea');
      t.value = texto; document.body.appendChild(t); t.select();
      try { document.execCommand('copy'); feito(); } catch (e) {}
      document.body.removeChild(t);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(texto).then(feito, manual);
    } else { manual(); }
  });
});
";

fn qr_svg(payload: &str) -> Option<String> {
    let code = boleto_print::layout::qr_code(payload)?;
    let w = code.width();
    let mut d = String::new();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c.select(true, false) {
            let _ = write!(d, "M{} {}h1v1h-1z", i % w + 4, i / w + 4);
        }
    }
    let side = w + 8;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" \
aria-label=\"QR code PIX\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"{d}\"/></svg>"
    ))
}

fn row(o: &mut String, label: &str, v: Decimal, sign: &str) {
    let _ = write!(
        o,
        "<tr><td>{label}</td><td class=\"n\">{sign}R$ {}</td></tr>",
        fmt::valor(v)
    );
}

fn head(o: &mut String, title: &str) {
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"pt-BR\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n\
<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(title)
    );
}

/// A plain page: `GET /`, 404, 429, errors.
pub(crate) fn plain(title: &str, text: &str) -> String {
    let mut o = String::new();
    head(&mut o, title);
    let _ = write!(
        o,
        "<h1>{}</h1>\n<p>{}</p>\n</main>\n</body>\n</html>\n",
        esc(title),
        esc(text)
    );
    o
}

/// The título's page.
pub(crate) fn render(v: &View, token: &str) -> String {
    let t = &v.titulo;
    let mut o = String::with_capacity(16 * 1024);
    head(&mut o, "Segunda via do boleto");
    o.push_str("<h1>Segunda via do boleto</h1>\n<dl>\n");
    let (ben, ben_doc) = &v.beneficiario;
    if !ben.is_empty() {
        let _ = write!(
            o,
            "<dt>Beneficiário</dt><dd id=\"beneficiario\">{}",
            esc(ben)
        );
        if !ben_doc.is_empty() {
            let _ = write!(o, " — {}", esc(&fmt::documento(ben_doc)));
        }
        o.push_str("</dd>\n");
    }
    // the payer's name only: never the CPF/CNPJ on a page reached by a link
    let _ = write!(
        o,
        "<dt>Pagador</dt><dd id=\"pagador\">{}</dd>\n",
        esc(&t.pagador.nome)
    );
    if !t.seu_numero.trim().is_empty() {
        let _ = write!(o, "<dt>Documento</dt><dd>{}</dd>\n", esc(&t.seu_numero));
    }
    let _ = write!(
        o,
        "<dt>Vencimento</dt><dd id=\"vencimento\">{}</dd>\n<dt>Valor do documento</dt><dd id=\"valor\">R$ {}</dd>\n</dl>\n",
        fmt::data(t.vencimento),
        fmt::valor(t.valor)
    );
    match v.state.status {
        Status::Settled => {
            let quando = v
                .state
                .settled_on
                .map(|d| format!(" em {}", fmt::data(d)))
                .unwrap_or_default();
            let _ = write!(
                o,
                "<p class=\"pago\" id=\"situacao\">Este boleto já foi pago{quando}. Não há nada a pagar.</p>\n"
            );
        }
        Status::WrittenOff => {
            o.push_str(
                "<p class=\"aviso\" id=\"situacao\">Este boleto foi baixado pelo beneficiário e não pode mais ser \
pago. Fale com o beneficiário para combinar o pagamento.</p>\n",
            );
        }
        _ => open(&mut o, v, token),
    }
    let _ = write!(
        o,
        "<footer>Valores calculados para {}. Esta página não mostra o CPF/CNPJ do pagador.</footer>\n\
</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        fmt::data(v.hoje)
    );
    o
}

fn open(o: &mut String, v: &View, token: &str) {
    let t = &v.titulo;
    let d = &v.devido;
    let pago = v.state.paid;
    let changed = v.saldo != t.valor;
    if d.dias_atraso > 0 || changed {
        if d.dias_atraso > 0 {
            let dias = if d.dias_atraso == 1 { "dia" } else { "dias" };
            let _ = write!(
                o,
                "<p class=\"aviso\" id=\"situacao\">Boleto vencido há {} {dias}. O valor abaixo já inclui multa e \
juros até {}; o banco os cobra ao receber este boleto.</p>\n",
                d.dias_atraso,
                fmt::data(v.hoje)
            );
        }
        o.push_str("<table id=\"composicao\">\n");
        row(o, "Valor do documento", d.valor, "");
        if !d.abatimento.is_zero() {
            row(o, "(−) Abatimento", d.abatimento, "");
        }
        if !d.desconto.is_zero() {
            row(o, "(−) Desconto", d.desconto, "");
        }
        if !d.multa.is_zero() {
            row(o, "(+) Multa", d.multa, "");
        }
        if !d.juros.is_zero() {
            row(o, "(+) Juros de mora", d.juros, "");
        }
        if !pago.is_zero() {
            row(o, "(−) Já pago", pago, "");
        }
        let _ = write!(
            o,
            "<tr class=\"total\"><td>Valor a pagar hoje</td><td class=\"n\" id=\"valor-atualizado\">R$ {}</td></tr>\n</table>\n",
            fmt::valor(v.saldo)
        );
    } else {
        let _ = write!(
            o,
            "<p>Valor a pagar: <span class=\"valor\" id=\"valor-a-pagar\">R$ {}</span></p>\n",
            fmt::valor(v.saldo)
        );
    }
    let b = match &v.boleto {
        Ok(b) => b,
        Err(_) => {
            o.push_str(
                "<p class=\"aviso\">A segunda via com código de barras não está disponível para este título. Fale \
com o beneficiário.</p>\n",
            );
            return;
        }
    };
    let linha = &b.made.linha_digitavel_formatada;
    let _ = write!(
        o,
        "<h2>Linha digitável</h2>\n<p class=\"linha\" id=\"linha-digitavel\">{}</p>\n\
<button type=\"button\" data-copiar=\"{}\">Copiar linha digitável</button>\n",
        esc(linha),
        esc(&linha
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>())
    );
    if let Ok(svg) = boleto_print::barcode_svg(b.made.barcode.as_str()) {
        let _ = write!(
            o,
            "<div class=\"barras\" id=\"codigo-de-barras\">{svg}</div>\n"
        );
    }
    if let Some(pix) = &b.pix {
        let payload = pix.as_str();
        let _ = write!(
            o,
            "<h2>PIX</h2>\n<div class=\"pix\"><div id=\"pix-qr\">{}</div><div>\
<p>Pague com o QR code ou copie o código PIX (copia e cola):</p>\n\
<textarea id=\"pix-copia-e-cola\" readonly>{}</textarea>\n\
<button type=\"button\" data-copiar=\"{}\">Copiar código PIX</button></div></div>\n",
            qr_svg(payload).unwrap_or_default(),
            esc(payload),
            esc(payload)
        );
    }
    let _ = write!(
        o,
        "<p><a class=\"botao\" id=\"pdf\" href=\"/b/{}/boleto.pdf\">Baixar o boleto em PDF</a></p>\n",
        esc(token)
    );
}
