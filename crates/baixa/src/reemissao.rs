//! Reemissão: an overdue título's updated boleto — the amount due with multa and juros to a new due date.
//!
//! Since FEBRABAN's Nova Plataforma de Cobrança (phased in from 2017, every boleto registered at the CIP, the
//! "sem registro" modality gone), the paying bank checks each boleto against the registered título: a new barcode
//! with another due date or amount on the same nosso número is accepted only once the beneficiary's bank has
//! registered the change. So a reissue is never a barcode made on its own: it is the bank's **alteração de
//! vencimento** instruction, with the **alteração do valor nominal** where the bank's remessa table has one, sent in
//! an instruction remessa; the new linha digitável (same campo livre, the new fator de vencimento and amount) is
//! the boleto to print once the bank confirms. The movimento codes come from each bank's remessa table in cnab-core
//! by description (as [`crate::instrucao::movimento`] finds the régua's): the alteração de vencimento as a
//! prorrogação, the alteração de valor as a description that speaks of altering the nominal value (`alteração do
//! valor nominal`, `alteração de valor do título`) and not of an abatimento, desconto, juros, mora or multa. When
//! several fit, FEBRABAN's CNAB 240 C004 code 47 ("Alteração do Valor Nominal do Título", v10.7) is taken.
//!
//! A bank whose table has no alteração de valor (Itaú CNAB 400, Bradesco CNAB 400… see the table the tests keep,
//! `reemissao_por_banco` in `tests/reemissao.rs`) can only move the due date: [`Reemissao::valor_registrado`] is
//! then `false`, the boleto keeps its face value, and the multa and juros to the new date are not in it — take the
//! debt to the bank as an [`crate::acordo`] instead (a new título).
//!
//! **The new valor nominal** ([`valor_nominal`]) is what the payer owes on the new due date — the amount due then
//! with multa and juros ([`valor_devido`]) less what was received — plus the título's abatimento: the bank keeps
//! a registered abatimento when the nominal value changes and deducts it again, so the payer pays exactly what is
//! owed.
//!
//! **Tracked like the régua's instructions.** Once the remessa is written, [`registrar`] (`cnab reemissao
//! --remessa-out`, and the régua's `reemissao` step) records its movimentos as pending instructions: the alteração
//! de vencimento as a `prorrogacao`, the alteração de valor as an `alteracao_valor`, both with the título and
//! `etapa_dias` its days past due on the reissue's date. [`crate::instrucao::conciliar`] matches each to the
//! bank's answer (the alteração de vencimento: FEBRABAN 14; the alteração de valor: FEBRABAN C044 61
//! "Confirmação de Alteração do Valor Nominal do Título", Santander CNAB 400 61, BV 26, Safra 51 — the table in
//! docs/reemissao.md), and a confirmed one changes the título in the ledger: its due date, its face value (the
//! new valor nominal plus what was received before), its linha digitável; the answer is in its history.
//!
//! **The rows carry the bank's current nominal.** The alteração de vencimento row copies the título as its
//! remessa registered it, valor do título included; after an earlier alteração de valor the bank confirmed, that
//! is no longer the bank's valor nominal. Callers pass the registering remessas through
//! [`crate::instrucao::nominais_vigentes`] first (`cnab reemissao` and Python do), so every row states the
//! nominal the bank holds.

use chrono::NaiveDate;
use cnab_core::{Bank, FileKind, Layout};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::charges::{valor_devido, Breakdown};
use crate::error::LedgerError;
use crate::instrucao::{escrever, find_titulo, fold, movimento, Instrucao, RemessaRegistrada};
use crate::outcome::{Status, TitleState};
use crate::regua::Acao;
use crate::titulo::Titulo;

/// An updated boleto for an overdue título.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reemissao {
    /// The título.
    pub titulo: String,
    /// The bank.
    pub banco: u16,
    /// Its due date until now.
    pub vencimento: NaiveDate,
    /// The new due date.
    pub novo_vencimento: NaiveDate,
    /// The amount due on the new due date, component by component (multa and juros to that date).
    pub devido: Breakdown,
    /// `devido.total` less what was received: what the payer owes on the new due date.
    pub valor_atualizado: Decimal,
    /// The valor nominal written in the alteração de valor ([`valor_nominal`]: `valor_atualizado` plus the
    /// título's abatimento, which the bank deducts again); the face value when the bank cannot register it.
    pub valor_nominal: Decimal,
    /// Whether the bank's table has an alteração de valor: `false` = only the due date moves (the boleto keeps its
    /// face value).
    pub valor_registrado: bool,
    /// The movimentos written: the alteração de vencimento, then the alteração de valor when there is one.
    pub instrucoes: Vec<Instrucao>,
    /// The updated boleto's linha digitável (47 digits: the registered one's campo livre with the new fator and
    /// amount), when the ledger knows the registered one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linha_digitavel: Option<String>,
    /// Why there is no `linha_digitavel` although the ledger knows the registered one (a due date or amount the
    /// barcode cannot carry), naming the título and the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aviso: Option<String>,
}

/// Whether a remessa movimento description is the alteração of the nominal value (see the module docs).
pub(crate) fn fits_valor(description: &str) -> bool {
    let d = fold(description);
    let has = |w: &[&str]| w.iter().any(|w| d.contains(w));
    has(&["alteracao", "alterar"])
        && has(&[
            "valor nominal",
            "valor do titulo",
            "valor titulo",
            "valor de titulo",
        ])
        && !has(&[
            "abatimento",
            "desconto",
            "juros",
            "mora",
            "multa",
            "minimo",
            "maximo",
            "rateio",
        ])
}

/// The bank's movimento code for the alteração do valor nominal: (code, description); `None` when its remessa
/// table has none (or several, none of them FEBRABAN's 47).
///
/// ```
/// use baixa::reemissao::movimento_valor;
/// use cnab_core::{Bank, Layout};
/// assert_eq!(movimento_valor(Bank::new(33), Layout::Cnab400, "").unwrap().0, "47");
/// assert_eq!(movimento_valor(Bank::new(341), Layout::Cnab400, ""), None);
/// ```
pub fn movimento_valor(
    bank: Bank,
    layout: Layout,
    versao: &str,
) -> Option<(&'static str, &'static str)> {
    let spec = cnab_core::banks::spec(bank.code())?.layout(layout, FileKind::Remessa, versao)?;
    let found: Vec<_> = spec
        .ocorrencias
        .iter()
        .filter(|o| fits_valor(o.description))
        .collect();
    let pick = match found.as_slice() {
        [one] => Some(*one),
        many => many.iter().find(|o| o.code == "47").copied(),
    };
    pick.map(|o| (o.code, o.description))
}

/// The valor nominal that makes the payer owe, on `vencimento`, what the título is worth then: the amount due on
/// that date with multa and juros, less what was received, plus the título's abatimento (the bank deducts a
/// registered abatimento from the new valor nominal again). See the module docs.
///
/// ```
/// use baixa::{Juros, JurosTipo, TitleState, Titulo};
/// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
/// let mut t = Titulo::new("NF-1", 33, "1", "100.00".parse().unwrap(), d("2027-01-10"));
/// t.juros = Some(Juros { tipo: JurosTipo::ValorDia, valor: "0.10".parse().unwrap(), desde: None });
/// t.abatimento = "10.00".parse().unwrap();
/// // (100.00 − 10.00 + 20 days × 0.10) + 10.00
/// assert_eq!(baixa::reemissao::valor_nominal(&t, &TitleState::default(), d("2027-01-30")).to_string(), "102.00");
/// ```
pub fn valor_nominal(t: &Titulo, s: &TitleState, vencimento: NaiveDate) -> Decimal {
    (valor_devido(t, vencimento).total - s.paid).max(Decimal::ZERO) + t.abatimento
}

/// The linha digitável of the same boleto with another due date and amount (the campo livre kept).
///
/// # Errors
/// Why it cannot be (the boleto crate's error).
fn linha(linha: &str, vencimento: NaiveDate, valor: Decimal) -> Result<String, String> {
    let b = boleto::LinhaDigitavel::parse(linha)
        .map_err(|e| e.to_string())?
        .barcode();
    boleto::Barcode::build(b.banco(), Some(vencimento), valor, b.campo_livre())
        .map(|n| n.linha_digitavel().as_str().to_string())
        .map_err(|e| e.to_string())
}

/// The reissue of an open título to `novo_vencimento` (see the module docs), with the instruction remessa that
/// takes it to the bank: the título as the latest of `registradas` registered it, once with the alteração de
/// vencimento (the new due date) and once with the alteração de valor (the updated amount) when the bank has one,
/// under that remessa's header dated `data`, sequence number `nsa` (default: that remessa's + 1).
///
/// # Errors
/// [`LedgerError::Invalid`]: the título is not open, the new due date is not after its due date and `data`, no
/// remessa given registered it, the bank's table has no alteração de vencimento, or cnab-core refuses a value.
pub fn reemitir(
    t: &Titulo,
    s: &TitleState,
    data: NaiveDate,
    novo_vencimento: NaiveDate,
    registradas: &[RemessaRegistrada],
    nsa: Option<u64>,
) -> Result<(Reemissao, Vec<u8>), LedgerError> {
    let invalid = |m: String| LedgerError::Invalid(format!("reemissão de {}: {m}", t.id));
    if s.status != Status::Open {
        return Err(invalid(format!("the título is {:?}, not open", s.status)));
    }
    if novo_vencimento <= t.vencimento || novo_vencimento < data {
        return Err(invalid(format!(
            "the new due date {novo_vencimento} must be after the due date {} and not before {data}",
            t.vencimento
        )));
    }
    let nn = if t.nosso_numero.trim().is_empty() {
        s.linked_nosso_numero.clone().unwrap_or_default()
    } else {
        t.nosso_numero.clone()
    };
    let (i, j) = find_titulo(t.banco.code(), &nn, &t.seu_numero, registradas).ok_or_else(|| {
        invalid(format!(
            "not registered by any remessa given (bank {}, nosso número {nn:?})",
            t.banco.code()
        ))
    })?;
    let r = registradas
        .get(i)
        .ok_or_else(|| invalid("remessa vanished".into()))?;
    let registered = r
        .remessa
        .titulos
        .get(j)
        .cloned()
        .ok_or_else(|| invalid("título vanished".into()))?;
    let devido = valor_devido(t, novo_vencimento);
    let valor_atualizado = (devido.total - s.paid).max(Decimal::ZERO);
    let nominal = valor_nominal(t, s, novo_vencimento);
    let layout = format!("cnab{}", r.layout.number());
    let (vcode, vdesc) =
        movimento(r.bank, r.layout, &r.versao, Acao::Prorrogacao).map_err(invalid)?;
    let mut instrucoes = vec![Instrucao {
        banco: r.bank.code(),
        layout: layout.clone(),
        movimento: vcode.to_string(),
        descricao: vdesc.to_string(),
    }];
    let mut linhas = Vec::new();
    let mut v = registered.clone();
    v.movimento = vcode.to_string();
    v.vencimento = Some(novo_vencimento);
    v.line = 0;
    linhas.push((i, v));
    let valor = movimento_valor(r.bank, r.layout, &r.versao);
    if let Some((code, desc)) = valor {
        let mut a = registered;
        a.movimento = code.to_string();
        a.vencimento = Some(novo_vencimento);
        a.valor = nominal;
        a.line = 0;
        linhas.push((i, a));
        instrucoes.push(Instrucao {
            banco: r.bank.code(),
            layout,
            movimento: code.to_string(),
            descricao: desc.to_string(),
        });
    }
    let printed = if valor.is_some() { nominal } else { t.valor };
    let nova = t
        .linha_digitavel
        .as_deref()
        .map(|l| linha(l, novo_vencimento, printed));
    let aviso = match &nova {
        Some(Err(e)) => Some(format!(
            "reemissão de {}: linha_digitavel: the boleto due {novo_vencimento} of {printed} has no linha \
             digitável ({e})",
            t.id
        )),
        _ => None,
    };
    let bytes = escrever(linhas, registradas, data, nsa)?
        .into_iter()
        .next()
        .map(|w| w.bytes)
        .unwrap_or_default();
    Ok((
        Reemissao {
            titulo: t.id.clone(),
            banco: t.banco.code(),
            vencimento: t.vencimento,
            novo_vencimento,
            devido,
            valor_atualizado,
            valor_nominal: printed,
            valor_registrado: valor.is_some(),
            instrucoes,
            linha_digitavel: nova.and_then(Result::ok),
            aviso,
        },
        bytes,
    ))
}

/// Record a reissue whose remessa was written (see the module docs): its alteração de vencimento as a pending
/// `prorrogacao` and its alteração de valor (when the bank has one) as a pending `alteracao_valor` of the título,
/// on `data`, `etapa_dias` the título's days past due then, canal `banco`, each with an [`crate::Event::Regua`] in
/// its history. Returns the instructions recorded.
///
/// # Errors
/// [`LedgerError::Invalid`] when the título already has a reissue recorded on that date (nothing is then
/// recorded); a ledger failure.
pub fn registrar<L: crate::regua::ReguaLedger + ?Sized>(
    ledger: &mut L,
    r: &Reemissao,
    t: &Titulo,
    s: &TitleState,
    data: NaiveDate,
) -> Result<Vec<crate::regua::Issued>, LedgerError> {
    use crate::regua::{metades, AcaoEmitida, Issued, Registro};
    let devido = valor_devido(t, data);
    let a = AcaoEmitida {
        titulo: t.id.clone(),
        acao: Acao::Reemissao,
        etapa_dias: (data - t.vencimento).num_days(),
        data_etapa: data,
        canal: "banco".into(),
        modelo: None,
        pagador: t.pagador.clone(),
        banco: t.banco.code(),
        nosso_numero: t.nosso_numero.clone(),
        seu_numero: t.seu_numero.clone(),
        valor: t.valor,
        vencimento: t.vencimento,
        pago: s.paid,
        devido,
        saldo: (devido.total - s.paid).max(Decimal::ZERO),
        inadimplente: false,
        carta: None,
        proposta: None,
        novo_vencimento: Some(r.novo_vencimento),
        abatimento: None,
        novo_valor: r.valor_registrado.then_some(r.valor_nominal),
        instrucao: r.instrucoes.first().cloned(),
        instrucao_valor: r.instrucoes.get(1).cloned(),
        quebra: None,
        mensagem: None,
        modelo_pdf: None,
        documento: None,
        linha_digitavel: t.linha_digitavel.clone(),
        pix: t.pix.clone(),
    };
    let halves = metades(&a);
    let items: Vec<Registro<'_>> = halves
        .iter()
        .map(|h| Registro {
            key: Issued {
                titulo: h.titulo.clone(),
                etapa_dias: h.etapa_dias,
                acao: h.acao,
            },
            canal: &h.canal,
            acao: h,
        })
        .collect();
    let ja = ledger.regua_issued()?;
    if let Some(k) = items.iter().find(|i| ja.contains(&i.key)) {
        return Err(LedgerError::Invalid(format!(
            "reemissão de {}: a {} of this título on {data} is already recorded",
            t.id,
            k.key.acao.name()
        )));
    }
    let fresh = ledger.regua_record(data, &items)?;
    Ok(items
        .into_iter()
        .zip(fresh)
        .filter(|(_, f)| *f)
        .map(|(i, _)| i.key)
        .collect())
}
