//! The régua's messages: each step's `modelo` rendered with the title's data, ready for whoever sends it.
//!
//! A modelo is a [MiniJinja](https://docs.rs/minijinja) template (Jinja syntax: `{{ variavel }}`,
//! `{% for t in titulos %}…{% endfor %}`, `{% if … %}`). The engine is sandboxed: a template reads only the
//! variables below, cannot open files or run anything, and its work is bounded (a template that loops too long is
//! refused). A variable that does not exist is an error naming it (never an empty text), so a misspelt name is
//! found on the first run. A modelo whose name ends in `.html` or `.htm` has its values HTML-escaped; any other
//! (`.txt`, `.md`…) is plain text.
//!
//! # Variables
//!
//! | variable | what |
//! |---|---|
//! | `data` | the run's date |
//! | `acao`, `canal`, `etapa_dias` | the step |
//! | `inadimplente` | overdue for more than the policy's `inadimplente_apos_dias` |
//! | `pagador.nome`, `pagador.documento` | the payer |
//! | `titulo` | the título the step is for: `id`, `seu_numero`, `nosso_numero`, `valor` (face value), `vencimento`, `pago` (received so far), `multa`, `juros`, `desconto`, `abatimento` (on the run's date), `valor_atualizado` (what the payer owes on the run's date: valor + multa + juros − descontos − abatimento − pago), `dias_atraso`, `segunda_via` (the link to its segunda via page, or none), `linha_digitavel` (the registered boleto's linha digitável as printed, `34191.09008 00000.000009 …`, or none when the ledger does not know it), `linha_digitavel_numeros` (the same 47 digits without separators, to copy), `pix` (the boleto híbrido's PIX copia e cola, or none) |
//! | `titulos` | the títulos the message is about, each as `titulo`: for a carta grouped by payer every open título of the payer, by due date; otherwise the one título |
//! | `total` | the sum of their `valor_atualizado` |
//! | `novo_vencimento` | prorrogação and reemissão: the new due date (none otherwise) |
//! | `proposta` | a carta de cobrança under a policy with `[acordo]` limits: the negotiation proposal they allow for its títulos ([`crate::acordo::proposta`]): `saldo_total`, `encargos` (multa + juros), `principal`, `desconto_sobre` (`encargos` or `principal`), `desconto`, `valor_negociado`, `entrada` (`vencimento`, `valor`; none without one), `financiado`, `parcelas` (each `numero`, `vencimento`, `valor`), `juros` (what the installments' interest adds), `total` (entrada + installments); none otherwise, or when there is nothing to negotiate |
//! | `novo_valor` | reemissão: the boleto's new amount (the amount due on `novo_vencimento`, plus the abatimento the bank deducts again), none when the bank's layout has no alteração de valor or for other steps |
//! | `abatimento` | abatimento: the amount granted (none otherwise) |
//!
//! The linha digitável is the registered boleto's: [`crate::from_remessa`] computes it from the remessa that
//! registered the título (its header's agência, conta, convênio; the título's carteira, nosso número, valor and
//! vencimento), a titles file may give it (`linha_digitavel`), and a prorrogação the bank confirmed gives the
//! boleto its new due date. It is the boleto's face value; the amount the payer owes on the day is
//! `valor_atualizado`, which the bank charges on the same barcode. The PIX copia e cola comes from the titles file
//! (`pix`). Both are none when unknown: write `{% if titulo.linha_digitavel %}…{% endif %}`.
//!
//! Amounts are decimal text (`"1030.00"`) and dates ISO (`"2026-03-10"`), never floating-point numbers; two filters
//! print them the Brazilian way: `{{ titulo.valor_atualizado | brl }}` → `R$ 1.030,00`, `{{ titulo.vencimento |
//! data }}` → `10/03/2026`.
//!
//! ```
//! use baixa::mensagem::Modelos;
//! let m = Modelos::new([("lembrete.txt", "Olá, {{ pagador.nome }}: {{ titulo.valor_atualizado | brl }} em {{ titulo.vencimento | data }}.")]).unwrap();
//! assert!(m.has("lembrete.txt"));
//! let e = Modelos::new([("x.txt", "{% for %}")]).unwrap_err();
//! assert!(e.to_string().starts_with("modelo x.txt:"), "{e}");
//! ```

use std::collections::BTreeMap;

use minijinja::{Environment, UndefinedBehavior};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::LedgerError;
use crate::regua::AcaoEmitida;

/// A modelo that cannot be read, parsed or rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("modelo {modelo}: {message}")]
pub struct MensagemError {
    /// The modelo's name.
    pub modelo: String,
    /// What is wrong (with the line, for syntax and rendering errors).
    pub message: String,
}

/// The work one rendering may do (MiniJinja's fuel: roughly one unit per instruction): far more than any message
/// listing a payer's títulos needs, far less than a runaway loop.
const FUEL: u64 = 1_000_000;

/// The modelos, parsed once.
#[derive(Debug)]
pub struct Modelos {
    env: Environment<'static>,
}

fn err(modelo: &str, e: &minijinja::Error) -> MensagemError {
    let mut message = e.to_string();
    if let Some(line) = e.line() {
        if !message.contains("line") {
            message.push_str(&format!(" (line {line})"));
        }
    }
    MensagemError {
        modelo: modelo.to_string(),
        message,
    }
}

/// `1234.5` → `R$ 1.234,50`; text that is not an amount is an error. The result is only digits, separators and
/// `R$`: marked safe, so that an HTML modelo does not escape its characters.
fn brl(v: String) -> Result<minijinja::Value, minijinja::Error> {
    let d: Decimal = v.trim().parse().map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("brl: {v:?} is not an amount"),
        )
    })?;
    let d = crate::charges::round_cents(d);
    let neg = d.is_sign_negative() && !d.is_zero();
    let s = format!("{:.2}", d.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    Ok(minijinja::Value::from_safe_string(format!(
        "{}R$ {grouped},{frac}",
        if neg { "-" } else { "" }
    )))
}

/// `2026-03-10` → `10/03/2026` (digits and slashes: marked safe, as [`brl`]).
fn data(v: String) -> Result<minijinja::Value, minijinja::Error> {
    let d: chrono::NaiveDate = v.trim().parse().map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("data: {v:?} is not a date"),
        )
    })?;
    Ok(minijinja::Value::from_safe_string(
        d.format("%d/%m/%Y").to_string(),
    ))
}

impl Modelos {
    /// Parse modelos given as (name, source).
    ///
    /// # Errors
    /// The first modelo with a syntax error, with its line.
    pub fn new<N: Into<String>, S: Into<String>>(
        sources: impl IntoIterator<Item = (N, S)>,
    ) -> Result<Modelos, MensagemError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.add_filter("brl", brl);
        env.add_filter("data", data);
        for (name, source) in sources {
            let name = name.into();
            env.add_template_owned(name.clone(), source.into())
                .map_err(|e| err(&name, &e))?;
        }
        Ok(Modelos { env })
    }

    /// Read every modelo the policy names from `dir` (a `modelo` is a file name relative to it).
    ///
    /// # Errors
    /// A modelo that cannot be read (its path), or has a syntax error.
    pub fn carregar(
        politica: &crate::regua::Politica,
        dir: &std::path::Path,
    ) -> Result<Modelos, MensagemError> {
        let mut sources = BTreeMap::new();
        let names = politica
            .etapas
            .iter()
            .flat_map(|e| [e.modelo.as_deref(), e.modelo_pdf.as_deref()])
            .flatten();
        for m in names {
            if sources.contains_key(m) {
                continue;
            }
            let path = dir.join(m);
            let text = std::fs::read_to_string(&path).map_err(|e| MensagemError {
                modelo: m.to_string(),
                message: format!("{}: {e}", path.display()),
            })?;
            sources.insert(m.to_string(), text);
        }
        Modelos::new(sources)
    }

    /// Whether a modelo of this name was given.
    pub fn has(&self, name: &str) -> bool {
        self.env.get_template(name).is_ok()
    }

    /// Render the action's modelo (`None` when the step has none) for a run on `date`, with the segunda via `links`
    /// (URLs by título id).
    ///
    /// # Errors
    /// The modelo was not given, or rendering failed (an unknown variable, a filter on the wrong value, too much
    /// work), with the line.
    pub fn render(
        &self,
        a: &AcaoEmitida,
        date: chrono::NaiveDate,
        links: &BTreeMap<String, String>,
    ) -> Result<Option<String>, MensagemError> {
        self.render_named(a.modelo.as_deref(), a, date, links)
    }

    /// Render the action's `modelo_pdf` (`None` when the step has none): the printed document's text, with the
    /// same variables as [`Modelos::render`].
    ///
    /// # Errors
    /// As [`Modelos::render`].
    pub fn render_documento(
        &self,
        a: &AcaoEmitida,
        date: chrono::NaiveDate,
        links: &BTreeMap<String, String>,
    ) -> Result<Option<String>, MensagemError> {
        self.render_named(a.modelo_pdf.as_deref(), a, date, links)
    }

    fn render_named(
        &self,
        name: Option<&str>,
        a: &AcaoEmitida,
        date: chrono::NaiveDate,
        links: &BTreeMap<String, String>,
    ) -> Result<Option<String>, MensagemError> {
        let Some(name) = name else {
            return Ok(None);
        };
        let t = self.env.get_template(name).map_err(|e| err(name, &e))?;
        t.render(minijinja::value::Serde(contexto(a, date, links)))
            .map(Some)
            .map_err(|e| err(name, &e))
    }
}

/// One título as the modelos see it.
#[derive(Debug, Clone, Serialize)]
struct TituloCtx<'a> {
    id: &'a str,
    seu_numero: &'a str,
    nosso_numero: &'a str,
    valor: Decimal,
    vencimento: chrono::NaiveDate,
    pago: Decimal,
    multa: Decimal,
    juros: Decimal,
    desconto: Decimal,
    abatimento: Decimal,
    valor_atualizado: Decimal,
    dias_atraso: i64,
    segunda_via: Option<&'a str>,
    linha_digitavel: Option<String>,
    linha_digitavel_numeros: Option<&'a str>,
    pix: Option<&'a str>,
}

/// `34191.09008 00000.000009 …` of 47 digits (as the boleto prints it); the digits as given when they are not a
/// linha digitável (the ledger only keeps checked ones).
fn formatada(digits: &str) -> String {
    boleto::LinhaDigitavel::parse(digits).map_or_else(|_| digits.to_string(), |l| l.to_string())
}

/// Everything a modelo sees (see the module table).
#[derive(Debug, Clone, Serialize)]
struct Contexto<'a> {
    data: chrono::NaiveDate,
    acao: &'a str,
    canal: &'a str,
    etapa_dias: i64,
    inadimplente: bool,
    pagador: &'a crate::titulo::Pagador,
    titulo: TituloCtx<'a>,
    titulos: Vec<TituloCtx<'a>>,
    total: Decimal,
    novo_vencimento: Option<chrono::NaiveDate>,
    abatimento: Option<Decimal>,
    novo_valor: Option<Decimal>,
    proposta: Option<&'a crate::acordo::Proposta>,
}

fn contexto<'a>(
    a: &'a AcaoEmitida,
    date: chrono::NaiveDate,
    links: &'a BTreeMap<String, String>,
) -> Contexto<'a> {
    let link = |id: &str| links.get(id).map(String::as_str);
    let titulo = TituloCtx {
        id: &a.titulo,
        seu_numero: &a.seu_numero,
        nosso_numero: &a.nosso_numero,
        valor: a.valor,
        vencimento: a.vencimento,
        pago: a.pago,
        multa: a.devido.multa,
        juros: a.devido.juros,
        desconto: a.devido.desconto,
        abatimento: a.devido.abatimento,
        valor_atualizado: a.saldo,
        dias_atraso: a.devido.dias_atraso,
        segunda_via: link(&a.titulo),
        linha_digitavel: a.linha_digitavel.as_deref().map(formatada),
        linha_digitavel_numeros: a.linha_digitavel.as_deref(),
        pix: a.pix.as_deref(),
    };
    let titulos: Vec<TituloCtx<'a>> = match &a.carta {
        Some(c) => c
            .titulos
            .iter()
            .map(|i| TituloCtx {
                id: &i.titulo,
                seu_numero: &i.seu_numero,
                nosso_numero: &i.nosso_numero,
                valor: i.valor,
                vencimento: i.vencimento,
                pago: i.pago,
                multa: i.devido.multa,
                juros: i.devido.juros,
                desconto: i.devido.desconto,
                abatimento: i.devido.abatimento,
                valor_atualizado: i.saldo,
                dias_atraso: i.devido.dias_atraso,
                segunda_via: link(&i.titulo),
                linha_digitavel: i.linha_digitavel.as_deref().map(formatada),
                linha_digitavel_numeros: i.linha_digitavel.as_deref(),
                pix: i.pix.as_deref(),
            })
            .collect(),
        None => vec![titulo.clone()],
    };
    let total = titulos.iter().map(|t| t.valor_atualizado).sum();
    Contexto {
        data: date,
        acao: a.acao.name(),
        canal: &a.canal,
        etapa_dias: a.etapa_dias,
        inadimplente: a.inadimplente,
        pagador: &a.pagador,
        titulo,
        titulos,
        total,
        novo_vencimento: a.novo_vencimento,
        abatimento: a.abatimento,
        novo_valor: a.novo_valor,
        proposta: a.proposta.as_ref(),
    }
}

/// The segunda via link (`{base}/b/{token}`, see [`crate::segunda_via::url`]) of every título a message of the
/// régua's plan on `date` names: the step's título and, for a carta, each of its títulos. Made before the run, for
/// [`preparar`]: a título keeps its live link, so a link made for a step that another run issues meanwhile is
/// harmless.
///
/// # Errors
/// A backend failure, or no random bytes for a new token.
pub fn segunda_via_links<L: crate::regua::ReguaLedger + crate::segunda_via::LinkLedger + ?Sized>(
    ledger: &mut L,
    politica: &crate::regua::Politica,
    date: chrono::NaiveDate,
    base: &str,
) -> Result<BTreeMap<String, String>, LedgerError> {
    let plan = crate::regua::plan(ledger, politica, date)?;
    let ids: std::collections::BTreeSet<String> = plan
        .actions
        .iter()
        .filter(|a| a.modelo.is_some())
        .flat_map(|a| {
            let mut ids = vec![a.titulo.clone()];
            if let Some(c) = &a.carta {
                ids.extend(c.titulos.iter().map(|i| i.titulo.clone()));
            }
            ids
        })
        .collect();
    let mut links = BTreeMap::new();
    for id in ids {
        let l = ledger.link(&id)?;
        links.insert(id, crate::segunda_via::url(Some(base), &l.token));
    }
    Ok(links)
}

/// Render every action's modelo into its `mensagem` (see [`Modelos::render`]) and its `modelo_pdf` into its
/// `documento` ([`Modelos::render_documento`]). Meant as part of the `prepare` of
/// [`crate::regua::run_with`], so that a modelo that fails records nothing.
///
/// # Errors
/// [`LedgerError::Invalid`] naming the título and the modelo.
pub fn preparar(
    actions: &mut [AcaoEmitida],
    modelos: &Modelos,
    date: chrono::NaiveDate,
    links: &BTreeMap<String, String>,
) -> Result<(), LedgerError> {
    for a in actions.iter_mut() {
        a.mensagem = modelos
            .render(a, date, links)
            .map_err(|e| LedgerError::Invalid(format!("título {}: {e}", a.titulo)))?;
        a.documento = modelos
            .render_documento(a, date, links)
            .map_err(|e| LedgerError::Invalid(format!("título {}: {e}", a.titulo)))?;
    }
    Ok(())
}
