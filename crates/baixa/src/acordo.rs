//! Acordos: a payer's open titles replaced by installments (parcelas).
//!
//! An acordo takes one or more **open** titles of **one payer** (by CPF/CNPJ digits, or by name without a
//! document), on the agreement's date `data`:
//!
//! 1. each original's saldo on `data` is what the régua shows: [`valor_devido`] (multa, juros pro rata die,
//!    descontos, abatimento) minus what was received; `encargos` is the sum of their multa and juros;
//! 2. `desconto = round_cents(encargos × desconto_encargos_pct / 100)` (half-up to the centavo, as every charge);
//!    `valor_negociado = Σ saldo − desconto`;
//! 3. the negotiated amount is split into `parcelas` installments by [`dividir`]: each is the amount divided by
//!    the number of installments, **cut** to the centavo, and the centavos left over (fewer than the number of
//!    installments) go to the **first** installment, so the installments add up to the negotiated amount exactly
//!    and no later installment is larger than the first. This is the rule card acquirers apply to installment
//!    sales (Cielo's documentation: R$ 100,00 in three is 33,34 + 33,33 + 33,33);
//! 4. installment `k` (1-based) is due `k − 1` months after `primeiro_vencimento`, on the same day of the month
//!    (the month's last day when it has no such day: 31 January + 1 month = 28/29 February);
//! 5. the installments become titles of their own (id `{acordo}-{k}`, seu número the same, the first original's
//!    bank, agreement, payer and multa/juros rules, counted from their own due dates; no nosso número until the
//!    bank assigns one), open, going through the same régua as any title;
//! 6. the originals are marked [`Status::Renegotiated`]: the régua skips them, the portfolio counts them apart
//!    (`renegotiated`), a payment that still arrives for one is reported as `paid_after_write_off` with a note and
//!    settles nothing. Each original and each installment gets an [`Event::Acordo`] in its history.
//!
//! 7. to the bank ([`remessas`], `cnab acordo --remessa-out`): one remessa with each installment as an entrada
//!    (modelled on the first original as its remessa registered it, with nosso números from [`numerar`]) and each
//!    original's pedido de baixa, written before anything is recorded ([`fechar_with`]). [`fechar_remessas`] also
//!    records each pedido de baixa as a pending bank instruction — the step `baixa` of the original on the
//!    acordo's date, `etapa_dias` its days past due then, canal `banco` — so that the bank's confirmation (a
//!    baixa, FEBRABAN 09) or rejection in a retorno is matched by [`crate::instrucao::conciliar`] as the régua's
//!    instructions are, and listed by `cnab instrucoes` while pending.
//!
//! 8. **quebra de acordo** (the policy's `[acordo] quebra_apos_dias`, [`quebras`]): when an installment is still
//!    open more than that many calendar days after its due date, the régua's run breaks the acordo: it becomes
//!    `quebrado` ([`Acordo::quebra`]), its installments still open are written off in the ledger (status
//!    `renegotiated`) with a pedido de baixa each to the bank, and its originals are open again, owing what is
//!    due on them from their own due dates (the acordo's discount lost) less what was paid under the acordo,
//!    credited to the oldest first. The run issues one `quebra_acordo` action carrying the arithmetic
//!    ([`Quebra`]); a payment that still arrives for a written-off installment is reported as
//!    `paid_after_write_off` and settles nothing, as for an original. The originals' boletos were written off at
//!    the bank by the acordo's pedidos de baixa: the debt restored is collected by the régua's own steps
//!    (cartas, calls, negativação, a new acordo); a step through the bank for an original would be refused by
//!    the bank until the título is registered again.
//!
//! Recording ([`ReguaLedger::acordo_record`]) is one transaction: the originals are checked open again inside it,
//! and an acordo id or installment id already in the ledger is refused, so the same acordo is never recorded twice.
//!
//! ```
//! use baixa::acordo::dividir;
//! let p: Vec<String> = dividir("100.00".parse().unwrap(), 3).unwrap().iter().map(|d| d.to_string()).collect();
//! assert_eq!(p, ["33.34", "33.33", "33.33"]);
//! ```

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::charges::{round_cents, valor_devido, Breakdown};
use crate::error::LedgerError;
use crate::outcome::{Event, Status, TitleState};
use crate::regua::{payer_key, ReguaLedger};
use crate::titulo::{Pagador, Titulo};

/// What the parties agreed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Termos {
    /// The acordo's id (unique in the ledger; the installments are `{id}-1`, `{id}-2`, …).
    pub id: String,
    /// The agreement's date: the saldos are computed on it.
    pub data: NaiveDate,
    /// The titles it replaces (open, one payer).
    pub titulos: Vec<String>,
    /// Number of installments (1 to 120).
    pub parcelas: u32,
    /// Due date of the first installment (on or after `data`).
    pub primeiro_vencimento: NaiveDate,
    /// Discount on the multa and juros, in percent (0 to 100); none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desconto_encargos_pct: Option<Decimal>,
}

/// An original title as the acordo took it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    /// The title's id.
    pub titulo: String,
    /// Face value.
    pub valor: Decimal,
    /// Received before the acordo.
    pub pago: Decimal,
    /// The amount due on the agreement's date, component by component.
    pub devido: Breakdown,
    /// `devido.total − pago`, at least zero.
    pub saldo: Decimal,
}

/// One installment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parcela {
    /// Its title's id (`{acordo}-{numero}`).
    pub titulo: String,
    /// 1-based number.
    pub numero: u32,
    /// Due date.
    pub vencimento: NaiveDate,
    /// Amount.
    pub valor: Decimal,
}

/// An acordo: the originals, the arithmetic, the installments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acordo {
    /// Its id.
    pub id: String,
    /// The agreement's date.
    pub data: NaiveDate,
    /// The payer.
    pub pagador: Pagador,
    /// The titles replaced.
    pub originais: Vec<Original>,
    /// Σ saldo of the originals on `data`.
    pub saldo_total: Decimal,
    /// Σ multa + juros of the originals on `data`.
    pub encargos: Decimal,
    /// The discount granted on the encargos.
    pub desconto: Decimal,
    /// `saldo_total − desconto`: what the installments add up to.
    pub valor_negociado: Decimal,
    /// The installments.
    pub parcelas: Vec<Parcela>,
    /// Its break ([`Quebra`]), once the régua found an installment overdue past the policy's `quebra_apos_dias`:
    /// the acordo is then `quebrado` and nothing more happens to it. None while it is in force (and in ledgers
    /// written before the break existed: the field is read as absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quebra: Option<Quebra>,
}

fn invalid(s: String) -> LedgerError {
    LedgerError::Invalid(s)
}

/// Split `total` into `n` installments: `total / n` cut to the centavo each, the centavos left over added to the
/// first (see the module docs). `None` when `n` is 0 or `total` is negative or has fractions of a centavo.
///
/// ```
/// use baixa::acordo::dividir;
/// let p = dividir("1543.33".parse().unwrap(), 3).unwrap();
/// assert_eq!(p.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["514.45", "514.44", "514.44"]);
/// ```
pub fn dividir(total: Decimal, n: u32) -> Option<Vec<Decimal>> {
    if n == 0 || total < Decimal::ZERO || total.normalize().scale() > 2 {
        return None;
    }
    let count = Decimal::from(n);
    let each = (total / count).round_dp_with_strategy(2, RoundingStrategy::ToZero);
    let first = total - each * (count - Decimal::ONE);
    let mut v = vec![each; usize::try_from(n).ok()?];
    if let Some(f) = v.first_mut() {
        *f = first;
    }
    Some(v)
}

/// The acordo the terms give on the ledger's titles (nothing recorded): the arithmetic of the module docs.
///
/// # Errors
/// [`LedgerError::UnknownTitle`]; [`LedgerError::Invalid`] for a title not open, titles of different payers, no
/// title, a title twice, a number of installments outside 1..=120, a first due date before `data`, a discount
/// outside 0..=100, or nothing to negotiate.
pub fn propor(titles: &[(Titulo, TitleState)], termos: &Termos) -> Result<Acordo, LedgerError> {
    let id = termos.id.trim();
    if id.is_empty() {
        return Err(invalid("acordo: the id is empty".into()));
    }
    if termos.titulos.is_empty() {
        return Err(invalid(format!("acordo {id}: no title")));
    }
    if !(1..=120).contains(&termos.parcelas) {
        return Err(invalid(format!(
            "acordo {id}: parcelas must be 1 to 120, found {}",
            termos.parcelas
        )));
    }
    if termos.primeiro_vencimento < termos.data {
        return Err(invalid(format!(
            "acordo {id}: primeiro_vencimento {} is before the agreement's date {}",
            termos.primeiro_vencimento, termos.data
        )));
    }
    let pct = termos.desconto_encargos_pct.unwrap_or(Decimal::ZERO);
    if pct < Decimal::ZERO || pct > Decimal::ONE_HUNDRED {
        return Err(invalid(format!(
            "acordo {id}: desconto_encargos_pct must be 0 to 100, found {pct}"
        )));
    }
    let mut originais = Vec::new();
    let mut first: Option<&Titulo> = None;
    for tid in &termos.titulos {
        if termos.titulos.iter().filter(|x| *x == tid).count() > 1 {
            return Err(invalid(format!("acordo {id}: title {tid} listed twice")));
        }
        let (t, s) = titles
            .iter()
            .find(|(t, _)| t.id == *tid)
            .ok_or_else(|| LedgerError::UnknownTitle(tid.clone()))?;
        if s.status != Status::Open {
            return Err(invalid(format!(
                "acordo {id}: title {tid} is {}, not open",
                s.status.name()
            )));
        }
        if let Some(f) = first {
            if payer_key(&f.pagador, &f.id) != payer_key(&t.pagador, &t.id) {
                return Err(invalid(format!(
                    "acordo {id}: title {tid} is of another payer than {}",
                    f.id
                )));
            }
        } else {
            first = Some(t);
        }
        let devido = valor_devido(t, termos.data);
        let saldo = (devido.total - s.paid).max(Decimal::ZERO);
        originais.push(Original {
            titulo: t.id.clone(),
            valor: t.valor,
            pago: s.paid,
            devido,
            saldo,
        });
    }
    let first = first.ok_or_else(|| invalid(format!("acordo {id}: no title")))?;
    let saldo_total: Decimal = originais.iter().map(|o| o.saldo).sum();
    let encargos: Decimal = originais
        .iter()
        .map(|o| o.devido.multa + o.devido.juros)
        .sum();
    let desconto = round_cents(encargos * pct / Decimal::ONE_HUNDRED);
    let valor_negociado = saldo_total - desconto;
    if valor_negociado <= Decimal::ZERO {
        return Err(invalid(format!("acordo {id}: nothing to negotiate")));
    }
    let valores = dividir(valor_negociado, termos.parcelas).ok_or_else(|| {
        invalid(format!(
            "acordo {id}: {valor_negociado} cannot be split in {} installments",
            termos.parcelas
        ))
    })?;
    let mut parcelas = Vec::new();
    for (k, valor) in (1u32..).zip(valores) {
        let vencimento = termos
            .primeiro_vencimento
            .checked_add_months(Months::new(k - 1))
            .ok_or_else(|| invalid(format!("acordo {id}: installment {k} has no due date")))?;
        parcelas.push(Parcela {
            titulo: format!("{id}-{k}"),
            numero: k,
            vencimento,
            valor,
        });
    }
    Ok(Acordo {
        id: id.to_string(),
        data: termos.data,
        pagador: first.pagador.clone(),
        originais,
        saldo_total,
        encargos,
        desconto,
        valor_negociado,
        parcelas,
        quebra: None,
    })
}

/// The installments as titles (see the module docs, step 5).
///
/// # Errors
/// [`LedgerError::UnknownTitle`] when the first original is not among `titles`.
pub fn parcela_titulos(
    acordo: &Acordo,
    titles: &[(Titulo, TitleState)],
) -> Result<Vec<Titulo>, LedgerError> {
    let oid = acordo
        .originais
        .first()
        .map(|o| o.titulo.clone())
        .unwrap_or_default();
    let (o, _) = titles
        .iter()
        .find(|(t, _)| t.id == oid)
        .ok_or(LedgerError::UnknownTitle(oid))?;
    Ok(acordo
        .parcelas
        .iter()
        .map(|p| {
            let mut t = Titulo::new(p.titulo.clone(), o.banco.code(), "", p.valor, p.vencimento);
            t.convenio = o.convenio.clone();
            t.seu_numero = p.titulo.clone();
            t.pagador = acordo.pagador.clone();
            t.emissao = Some(acordo.data);
            t.multa = o.multa.clone().map(|mut m| {
                m.desde = None;
                m
            });
            t.juros = o.juros.clone().map(|mut j| {
                j.desde = None;
                j
            });
            t
        })
        .collect())
}

/// The history events of an acordo: (title id, event) for each original and each installment.
pub(crate) fn events(acordo: &Acordo) -> Vec<(String, Event)> {
    let ev = |papel: &str, valor: Decimal| Event::Acordo {
        acordo: acordo.id.clone(),
        data: acordo.data,
        papel: papel.into(),
        valor,
    };
    acordo
        .originais
        .iter()
        .map(|o| (o.titulo.clone(), ev("original", o.saldo)))
        .chain(
            acordo
                .parcelas
                .iter()
                .map(|p| (p.titulo.clone(), ev("parcela", p.valor))),
        )
        .collect()
}

/// Check an acordo against the ledger's titles before recording: originals open, installment ids new.
pub(crate) fn check(
    acordo: &Acordo,
    titles: &[(Titulo, TitleState)],
    parcelas: &[Titulo],
) -> Result<(), LedgerError> {
    for o in &acordo.originais {
        let (_, s) = titles
            .iter()
            .find(|(t, _)| t.id == o.titulo)
            .ok_or_else(|| LedgerError::UnknownTitle(o.titulo.clone()))?;
        if s.status != Status::Open {
            return Err(invalid(format!(
                "acordo {}: title {} is {}, not open",
                acordo.id,
                o.titulo,
                s.status.name()
            )));
        }
    }
    for p in parcelas {
        if titles.iter().any(|(t, _)| t.id == p.id) {
            return Err(invalid(format!(
                "acordo {}: title {} already exists",
                acordo.id, p.id
            )));
        }
    }
    Ok(())
}

/// Propose the acordo on the ledger's titles and record it (installments added, originals renegotiated), in one
/// transaction of the ledger.
///
/// # Errors
/// As [`propor`] and [`ReguaLedger::acordo_record`].
pub fn fechar<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    termos: &Termos,
) -> Result<Acordo, LedgerError> {
    fechar_with(ledger, termos, |_, _, _| Ok(()))
}

/// [`fechar`] with a step between the proposal and the recording: `prepare` sees the acordo, the ledger's titles
/// before it and the installment titles about to be recorded, and may complete them (as [`numerar`] gives them
/// nosso números) or refuse (its error is returned and nothing is recorded) — as writing the acordo's remessa
/// ([`remessas`]) does when a título cannot be written.
///
/// # Errors
/// As [`fechar`], and `prepare`'s error.
pub fn fechar_with<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    termos: &Termos,
    prepare: impl FnOnce(&Acordo, &[(Titulo, TitleState)], &mut [Titulo]) -> Result<(), LedgerError>,
) -> Result<Acordo, LedgerError> {
    let titles = ledger.titles()?;
    let acordo = propor(&titles, termos)?;
    let mut parcelas = parcela_titulos(&acordo, &titles)?;
    prepare(&acordo, &titles, &mut parcelas)?;
    ledger.acordo_record(&acordo, &parcelas)?;
    Ok(acordo)
}

/// The acordo taken to the bank: [`fechar_with`] writing [`remessas`] (the installments numbered by [`numerar`]
/// from `nosso_numero` when given) before anything is recorded; then each original's pedido de baixa is recorded
/// as a pending instruction (see the module docs, point 7), its step `baixa` with an [`Event::Regua`] in the
/// original's history. The acordo and the instructions are two transactions: when the second fails the error
/// says so (the acordo stands; its remessa is not returned, write it again with [`remessas`]). An original whose
/// alteração de valor the bank confirmed is written with that valor nominal
/// ([`crate::instrucao::nominais_vigentes`]).
///
/// # Errors
/// As [`fechar_with`] and [`remessas`]; a ledger failure recording the instructions.
pub fn fechar_remessas<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    termos: &Termos,
    registradas: &[crate::instrucao::RemessaRegistrada],
    nosso_numero: Option<&str>,
    nsa: Option<u64>,
) -> Result<(Acordo, Vec<RemessaAcordo>), LedgerError> {
    use crate::regua::{Acao, AcaoEmitida, Issued, Registro};
    // the originals' pedidos de baixa carry the valor nominal the bank holds now
    let mut vigentes = registradas.to_vec();
    crate::instrucao::nominais_vigentes(ledger, &mut vigentes)?;
    let registradas = vigentes.as_slice();
    let date = termos.data;
    let mut written = Vec::new();
    let mut pedidos: Vec<AcaoEmitida> = Vec::new();
    let acordo = fechar_with(ledger, termos, |a, titles, parcelas| {
        if let Some(n) = nosso_numero {
            numerar(parcelas, n)?;
        }
        written = remessas(a, parcelas, titles, registradas, date, nsa)?;
        for w in &written {
            let versao = registradas
                .iter()
                .rev()
                .find(|r| r.bank == w.bank && r.layout == w.layout)
                .map_or("", |r| r.versao.as_str());
            for item in w.itens.iter().filter(|i| i.papel == "original") {
                let (Some((t, st)), Some(o)) = (
                    titles.iter().find(|(t, _)| t.id == item.titulo),
                    a.originais.iter().find(|o| o.titulo == item.titulo),
                ) else {
                    return Err(invalid(format!(
                        "acordo {}: original {} vanished",
                        a.id, item.titulo
                    )));
                };
                let descricao = crate::instrucao::movimento(w.bank, w.layout, versao, Acao::Baixa)
                    .map(|(_, d)| d.to_string())
                    .unwrap_or_default();
                pedidos.push(AcaoEmitida {
                    titulo: t.id.clone(),
                    acao: Acao::Baixa,
                    etapa_dias: (date - t.vencimento).num_days(),
                    data_etapa: date,
                    canal: "banco".into(),
                    modelo: None,
                    pagador: t.pagador.clone(),
                    banco: t.banco.code(),
                    nosso_numero: item.nosso_numero.clone(),
                    seu_numero: t.seu_numero.clone(),
                    valor: t.valor,
                    vencimento: t.vencimento,
                    pago: st.paid,
                    devido: o.devido,
                    saldo: o.saldo,
                    inadimplente: false,
                    carta: None,
                    proposta: None,
                    novo_vencimento: None,
                    abatimento: None,
                    novo_valor: None,
                    instrucao_valor: None,
                    quebra: None,
                    instrucao: Some(crate::instrucao::Instrucao {
                        banco: w.bank.code(),
                        layout: format!("cnab{}", w.layout.number()),
                        movimento: item.movimento.clone(),
                        descricao,
                    }),
                    mensagem: None,
                    modelo_pdf: None,
                    documento: None,
                    linha_digitavel: t.linha_digitavel.clone(),
                    pix: t.pix.clone(),
                });
            }
        }
        Ok(())
    })?;
    let registros: Vec<Registro<'_>> = pedidos
        .iter()
        .map(|p| Registro {
            key: Issued {
                titulo: p.titulo.clone(),
                etapa_dias: p.etapa_dias,
                acao: Acao::Baixa,
            },
            canal: &p.canal,
            acao: p,
        })
        .collect();
    ledger.regua_record(date, &registros).map_err(|e| {
        invalid(format!(
            "acordo {}: recorded, but its pedidos de baixa were not recorded as pending instructions: {e}",
            acordo.id
        ))
    })?;
    Ok((acordo, written))
}

/// Give the installment titles nosso números: `primeiro` for the first, then the next numbers, each as wide as
/// `primeiro` (leading zeros kept). The bank's check digit is not part of it (the layouts that carry one have a
/// field of their own, computed by the bank or the boleto).
///
/// ```
/// use baixa::{acordo::numerar, Titulo};
/// let mut t = vec![Titulo::new("AC-1", 341, "", "10.00".parse().unwrap(), chrono::NaiveDate::MIN); 2];
/// numerar(&mut t, "00099").unwrap();
/// assert_eq!((t[0].nosso_numero.as_str(), t[1].nosso_numero.as_str()), ("00099", "00100"));
/// ```
///
/// # Errors
/// [`LedgerError::Invalid`] when `primeiro` is not digits, or the numbers would not fit its width.
pub fn numerar(parcelas: &mut [Titulo], primeiro: &str) -> Result<(), LedgerError> {
    let p = primeiro.trim();
    let first: u128 = if !p.is_empty() && p.len() <= 30 && p.bytes().all(|b| b.is_ascii_digit()) {
        p.parse()
            .map_err(|_| invalid(format!("nosso número {p:?} is not a number")))?
    } else {
        return Err(invalid(format!(
            "nosso número {p:?}: digits only (at most 30)"
        )));
    };
    let width = p.len();
    for (k, t) in parcelas.iter_mut().enumerate() {
        let n = first + k as u128;
        let s = format!("{n:0width$}");
        if s.len() > width {
            return Err(invalid(format!(
                "nosso número {p:?}: installment {} would be {s}, wider than {width} digits",
                k + 1
            )));
        }
        t.nosso_numero = s;
        t.nosso_numero_dv = None;
    }
    Ok(())
}

/// One título in an acordo's remessa.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemRemessa {
    /// The título's id.
    pub titulo: String,
    /// `"parcela"` (an installment registered: entrada) or `"original"` (a title replaced: pedido de baixa).
    pub papel: String,
    /// The movimento written.
    pub movimento: String,
    /// The nosso número written.
    pub nosso_numero: String,
}

/// A remessa that carries an acordo to one bank and beneficiary.
#[derive(Debug, Clone)]
pub struct RemessaAcordo {
    /// The bank.
    pub bank: cnab_core::Bank,
    /// The layout.
    pub layout: cnab_core::Layout,
    /// The remessa.
    pub remessa: cnab_core::Remessa,
    /// The file's bytes, written by cnab-core.
    pub bytes: Vec<u8>,
    /// Its títulos, in order: the installments, then the originals.
    pub itens: Vec<ItemRemessa>,
}

/// The remessas that take an acordo to the bank, one per bank, layout and beneficiary (written by cnab-core with
/// the header of the remessa that registered the originals, dated `date`, sequence number `nsa` or that
/// remessa's + 1):
/// - each installment as an **entrada**: the first original's título exactly as its remessa registered it
///   (carteira, espécie, aceite, the payer's address, protest and baixa instructions, multa and juros as
///   registered, their start dates moved with the due date), with the movimento it was registered with, and the
///   installment's nosso número (see [`numerar`]; blank for the bank to assign), seu número and uso da empresa
///   (its id), emissão (the acordo's date), vencimento and valor; no desconto, abatimento, messages or PIX;
/// - each original with the bank's **pedido de baixa** movimento ([`crate::instrucao::movimento`]), as registered.
///
/// `titles` are the ledger's titles before the acordo (the originals' bank and numbers).
///
/// # Errors
/// [`LedgerError::Invalid`]: an original no remessa given registered, a bank without a pedido de baixa code, or
/// cnab-core refusing a value.
pub fn remessas(
    acordo: &Acordo,
    parcelas: &[Titulo],
    titles: &[(Titulo, TitleState)],
    registradas: &[crate::instrucao::RemessaRegistrada],
    date: NaiveDate,
    nsa: Option<u64>,
) -> Result<Vec<RemessaAcordo>, LedgerError> {
    use crate::instrucao::{escrever, find_titulo, movimento};
    let registered = |id: &str| -> Result<(usize, cnab_core::Titulo), LedgerError> {
        let (t, s) = titles
            .iter()
            .find(|(t, _)| t.id == id)
            .ok_or_else(|| LedgerError::UnknownTitle(id.to_string()))?;
        let nn = if t.nosso_numero.trim().is_empty() {
            s.linked_nosso_numero.clone().unwrap_or_default()
        } else {
            t.nosso_numero.clone()
        };
        let (i, j) = find_titulo(t.banco.code(), &nn, &t.seu_numero, registradas).ok_or_else(|| {
            invalid(format!(
                "acordo {}: título {id} is not registered by any remessa given (bank {}, nosso número {nn:?})",
                acordo.id,
                t.banco.code()
            ))
        })?;
        let r = registradas
            .get(i)
            .and_then(|r| r.remessa.titulos.get(j))
            .cloned()
            .ok_or_else(|| invalid("remessa vanished".into()))?;
        Ok((i, r))
    };
    let mut linhas = Vec::new();
    let mut itens = Vec::new();
    let first = acordo
        .originais
        .first()
        .ok_or_else(|| invalid(format!("acordo {}: no original", acordo.id)))?;
    let (i0, model) = registered(&first.titulo)?;
    let shift = |d: Option<NaiveDate>, to: NaiveDate| match (d, model.vencimento) {
        (Some(d), Some(v)) => Some(to + (d - v)),
        _ => None,
    };
    for p in parcelas {
        let mut t = model.clone();
        t.nosso_numero = p.nosso_numero.clone();
        t.nosso_numero_dv = None;
        t.seu_numero = p.seu_numero.clone();
        t.uso_empresa = p.id.clone();
        t.emissao = Some(acordo.data);
        t.vencimento = Some(p.vencimento);
        t.valor = p.valor;
        t.juros.data = shift(model.juros.data, p.vencimento);
        t.multa.data = shift(model.multa.data, p.vencimento);
        t.desconto = cnab_core::Encargo::default();
        t.abatimento = None;
        t.iof = None;
        t.mensagens.clear();
        t.pix = None;
        t.line = 0;
        itens.push(ItemRemessa {
            titulo: p.id.clone(),
            papel: "parcela".into(),
            movimento: t.movimento.clone(),
            nosso_numero: t.nosso_numero.clone(),
        });
        linhas.push((i0, t));
    }
    for o in &acordo.originais {
        let (i, mut t) = registered(&o.titulo)?;
        let r = registradas
            .get(i)
            .ok_or_else(|| invalid("remessa vanished".into()))?;
        let (code, _) = movimento(r.bank, r.layout, &r.versao, crate::regua::Acao::Baixa)
            .map_err(|e| invalid(format!("acordo {}: título {}: {e}", acordo.id, o.titulo)))?;
        t.movimento = code.to_string();
        t.line = 0;
        itens.push(ItemRemessa {
            titulo: o.titulo.clone(),
            papel: "original".into(),
            movimento: t.movimento.clone(),
            nosso_numero: t.nosso_numero.clone(),
        });
        linhas.push((i, t));
    }
    Ok(escrever(linhas, registradas, date, nsa)?
        .into_iter()
        .map(|w| RemessaAcordo {
            bank: w.bank,
            layout: w.layout,
            remessa: w.remessa,
            bytes: w.bytes,
            itens: w
                .linhas
                .iter()
                .filter_map(|&k| itens.get(k).cloned())
                .collect(),
        })
        .collect())
}

/// What a discount is taken on: the multa and juros (`encargos`) or what is owed without them (`principal`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DescontoSobre {
    /// The multa and juros on the date.
    #[default]
    Encargos,
    /// The saldo without the multa and juros.
    Principal,
}

/// The policy's limits for a negotiation (`[acordo]` of the régua's policy, [`crate::regua::Politica`]): the
/// proposal a carta de cobrança offers ([`proposta`]) is the most these allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limites {
    /// Installments after the entrada, at most (1 to 120).
    pub parcelas_max: u32,
    /// The discount, at most, in percent of `desconto_sobre` (0 to 100; none by default).
    #[serde(
        default,
        deserialize_with = "crate::regua::money_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub desconto_max_pct: Option<Decimal>,
    /// What the discount is taken on (`encargos`, the default, or `principal`).
    #[serde(default)]
    pub desconto_sobre: DescontoSobre,
    /// The entrada (down payment), at least, in percent of the negotiated amount (0 to less than 100; none by
    /// default: every payment is an installment).
    #[serde(
        default,
        deserialize_with = "crate::regua::money_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub entrada_min_pct: Option<Decimal>,
    /// Interest on the installments, in percent a month (0 to 10; none by default): the Tabela Price.
    #[serde(
        default,
        deserialize_with = "crate::regua::money_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub juros_parcela_pct_mes: Option<Decimal>,
    /// Days after the carta's date the first payment (the entrada, or the first installment) is due (0 to 365).
    pub primeiro_vencimento_dias: i64,
    /// The quebra de acordo (1 to 3650; none by default: acordos are never broken by the régua): an acordo in
    /// force with an installment still open more than this many **calendar** days after its due date is broken
    /// by the régua's run ([`quebras`], the module docs' "Quebra").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quebra_apos_dias: Option<i64>,
    /// Where the `quebra_acordo` action goes (free text handed to the sender, like an etapa's `canal`); `"carta"`
    /// by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quebra_canal: Option<String>,
}

impl Limites {
    /// The rules of each key (see the fields), as a message naming the key.
    ///
    /// # Errors
    /// The first key out of its range.
    pub fn check(&self) -> Result<(), String> {
        let pct = |k: &str, v: Option<Decimal>, max: Decimal, inclusive: bool| match v {
            Some(p) if p < Decimal::ZERO || p > max || (!inclusive && p == max) => Err(format!(
                "acordo: {k} must be 0 to {}{max}, found {p}",
                if inclusive { "" } else { "less than " }
            )),
            _ => Ok(()),
        };
        if !(1..=120).contains(&self.parcelas_max) {
            return Err(format!(
                "acordo: parcelas_max must be 1 to 120, found {}",
                self.parcelas_max
            ));
        }
        pct(
            "desconto_max_pct",
            self.desconto_max_pct,
            Decimal::ONE_HUNDRED,
            true,
        )?;
        pct(
            "entrada_min_pct",
            self.entrada_min_pct,
            Decimal::ONE_HUNDRED,
            false,
        )?;
        pct(
            "juros_parcela_pct_mes",
            self.juros_parcela_pct_mes,
            Decimal::TEN,
            true,
        )?;
        if let Some(n) = self.quebra_apos_dias {
            if !(1..=3650).contains(&n) {
                return Err(format!(
                    "acordo: quebra_apos_dias must be 1 to 3650, found {n}"
                ));
            }
        }
        if self
            .quebra_canal
            .as_ref()
            .is_some_and(|c| c.trim().is_empty())
        {
            return Err("acordo: quebra_canal is empty".into());
        }
        if !(0..=365).contains(&self.primeiro_vencimento_dias) {
            return Err(format!(
                "acordo: primeiro_vencimento_dias must be 0 to 365, found {}",
                self.primeiro_vencimento_dias
            ));
        }
        Ok(())
    }
}

/// One payment of a [`Proposta`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagamento {
    /// 0 for the entrada, 1, 2, … for the installments.
    pub numero: u32,
    /// Due date.
    pub vencimento: NaiveDate,
    /// Amount.
    pub valor: Decimal,
}

/// A negotiation proposal within the policy's limits ([`proposta`]): what a carta de cobrança offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposta {
    /// The titles it covers.
    pub titulos: Vec<String>,
    /// Σ saldo on the date (multa and juros included, less what was received), as [`propor`] computes it.
    pub saldo_total: Decimal,
    /// Σ multa + juros on the date.
    pub encargos: Decimal,
    /// `saldo_total − encargos`: what is owed without multa and juros.
    pub principal: Decimal,
    /// What the discount is taken on.
    pub desconto_sobre: DescontoSobre,
    /// The discount: `desconto_max_pct` of `encargos` or `principal`, half-up to the centavo.
    pub desconto: Decimal,
    /// `saldo_total − desconto`.
    pub valor_negociado: Decimal,
    /// The entrada (`entrada_min_pct` of `valor_negociado`, half-up to the centavo), when the policy asks one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entrada: Option<Pagamento>,
    /// `valor_negociado − entrada`: what the installments pay off.
    pub financiado: Decimal,
    /// The installments (`parcelas_max` of them).
    pub parcelas: Vec<Pagamento>,
    /// The interest the installments add (Σ parcelas − financiado).
    pub juros: Decimal,
    /// What the payer pays in all: entrada + Σ parcelas.
    pub total: Decimal,
}

/// `(1 + i)^n`, or `None` when it overflows.
fn fator_composto(i: Decimal, n: u32) -> Option<Decimal> {
    let base = Decimal::ONE.checked_add(i)?;
    (0..n).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(base))
}

/// The proposal the policy's limits allow for `titulos` (open, one payer) on `data` — the most they allow: the
/// largest discount, the smallest entrada, the most installments:
///
/// 1. `saldo_total` and `encargos` are [`propor`]'s (the amount due with multa and juros on `data`, less what was
///    received); `principal = saldo_total − encargos`;
/// 2. `desconto = round_cents(base × desconto_max_pct / 100)`, `base` = `encargos` or `principal`
///    (`desconto_sobre`); `valor_negociado = saldo_total − desconto`;
/// 3. `entrada = round_cents(valor_negociado × entrada_min_pct / 100)`, due `primeiro_vencimento_dias` after `data`;
///    `financiado = valor_negociado − entrada`;
/// 4. without interest the `parcelas_max` installments are [`dividir`]'s (cut to the centavo, the centavos left
///    to the first); with `juros_parcela_pct_mes = i%` each is the Tabela Price installment
///    `financiado × i / (1 − (1 + i)^−n)`, half-up to the centavo (the constant payment of a loan of `financiado`
///    at `i` a month over `n` months, the system Brazilian consumer credit quotes);
/// 5. with an entrada, installment `k` is due `k` months after it; without one, the first installment is due
///    `primeiro_vencimento_dias` after `data` and installment `k` `k − 1` months after that (the month's last day
///    when it has no such day).
///
/// ```
/// use baixa::acordo::{proposta, Limites, DescontoSobre};
/// use baixa::{TitleState, Titulo};
/// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
/// let t = Titulo::new("A", 341, "1", "1000.00".parse().unwrap(), d("2026-03-10"));
/// let l = Limites { parcelas_max: 2, desconto_max_pct: None, desconto_sobre: DescontoSobre::Encargos,
///                   entrada_min_pct: Some("20".parse().unwrap()), juros_parcela_pct_mes: None,
///                   primeiro_vencimento_dias: 5, quebra_apos_dias: None, quebra_canal: None };
/// let p = proposta(&[(t, TitleState::default())], &["A".into()], &l, d("2026-04-01")).unwrap();
/// // 1,000.00: entrada 200.00 on 06/04, then 400.00 on 06/05 and 06/06
/// assert_eq!(p.entrada.unwrap().valor.to_string(), "200.00");
/// assert_eq!(p.parcelas.iter().map(|x| (x.vencimento, x.valor.to_string())).collect::<Vec<_>>(),
///            [(d("2026-05-06"), "400.00".into()), (d("2026-06-06"), "400.00".into())]);
/// ```
///
/// # Errors
/// As [`propor`] (titles unknown, not open, of several payers; nothing to negotiate), limits out of range, a due
/// date past the calendar, or an interest factor too large to compute.
pub fn proposta(
    titles: &[(Titulo, TitleState)],
    titulos: &[String],
    limites: &Limites,
    data: NaiveDate,
) -> Result<Proposta, LedgerError> {
    limites.check().map_err(invalid)?;
    let pct = limites.desconto_max_pct.unwrap_or(Decimal::ZERO);
    let base = propor(
        titles,
        &Termos {
            id: "proposta".into(),
            data,
            titulos: titulos.to_vec(),
            parcelas: 1,
            primeiro_vencimento: data,
            desconto_encargos_pct: None,
        },
    )?;
    let principal = (base.saldo_total - base.encargos).max(Decimal::ZERO);
    let sobre = match limites.desconto_sobre {
        DescontoSobre::Encargos => base.encargos,
        DescontoSobre::Principal => principal,
    };
    let desconto = round_cents(sobre * pct / Decimal::ONE_HUNDRED);
    let valor_negociado = base.saldo_total - desconto;
    let primeiro = data
        .checked_add_signed(chrono::Duration::days(limites.primeiro_vencimento_dias))
        .ok_or_else(|| invalid("proposta: the first due date is past the calendar".into()))?;
    let entrada_valor = round_cents(
        valor_negociado * limites.entrada_min_pct.unwrap_or(Decimal::ZERO) / Decimal::ONE_HUNDRED,
    );
    let entrada = (entrada_valor > Decimal::ZERO).then_some(Pagamento {
        numero: 0,
        vencimento: primeiro,
        valor: entrada_valor,
    });
    let financiado = valor_negociado - entrada_valor;
    let n = limites.parcelas_max;
    let i = limites.juros_parcela_pct_mes.unwrap_or(Decimal::ZERO) / Decimal::ONE_HUNDRED;
    let valores = if i.is_zero() {
        dividir(financiado, n).ok_or_else(|| {
            invalid(format!(
                "proposta: {financiado} cannot be split in {n} installments"
            ))
        })?
    } else {
        let f = fator_composto(i, n)
            .filter(|f| *f > Decimal::ONE)
            .ok_or_else(|| invalid("proposta: the interest factor cannot be computed".into()))?;
        // financiado × i / (1 − 1/f) = financiado × i × f / (f − 1)
        let pmt = financiado
            .checked_mul(i)
            .and_then(|x| x.checked_mul(f))
            .and_then(|x| x.checked_div(f - Decimal::ONE))
            .map(round_cents)
            .ok_or_else(|| invalid("proposta: the installment cannot be computed".into()))?;
        vec![pmt; usize::try_from(n).unwrap_or_default()]
    };
    let mut parcelas = Vec::new();
    for (k, valor) in (1u32..).zip(valores) {
        let meses = if entrada.is_some() { k } else { k - 1 };
        let vencimento = primeiro
            .checked_add_months(Months::new(meses))
            .ok_or_else(|| invalid(format!("proposta: installment {k} has no due date")))?;
        parcelas.push(Pagamento {
            numero: k,
            vencimento,
            valor,
        });
    }
    let soma: Decimal = parcelas.iter().map(|p| p.valor).sum();
    Ok(Proposta {
        titulos: titulos.to_vec(),
        saldo_total: base.saldo_total,
        encargos: base.encargos,
        principal,
        desconto_sobre: limites.desconto_sobre,
        desconto,
        valor_negociado,
        entrada,
        financiado,
        juros: soma - financiado,
        total: entrada_valor + soma,
        parcelas,
    })
}

/// An installment of a broken acordo, as the break found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParcelaQuebrada {
    /// Its title's id.
    pub titulo: String,
    /// 1-based number.
    pub numero: u32,
    /// Its due date (the título's, after any confirmed prorrogação).
    pub vencimento: NaiveDate,
    /// Its amount.
    pub valor: Decimal,
    /// What was received for it.
    pub pago: Decimal,
    /// Open at the break: written off in the ledger (status `renegotiated`: the original debt stands for it) and
    /// asked to the bank by a pedido de baixa; `false` for an installment already settled.
    pub baixada: bool,
}

/// An original title restored by the break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginalRestaurado {
    /// Its title's id.
    pub titulo: String,
    /// Its due date.
    pub vencimento: NaiveDate,
    /// Face value.
    pub valor: Decimal,
    /// What it had received outside the acordo (before it, or after it as `paid_after_write_off`).
    pub pago_antes: Decimal,
    /// What was paid under the acordo, credited to it (the oldest original first, see [`quebras`]).
    pub imputado: Decimal,
    /// `pago_antes + imputado`: what it has received from now on.
    pub pago: Decimal,
    /// The amount due on the break's date from its own due date, component by component (no acordo discount).
    pub devido: Breakdown,
    /// `devido.total − pago`, at least zero: what it is owed again.
    pub saldo: Decimal,
}

/// The break of an acordo (quebra de acordo), found by the régua's run ([`quebras`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quebra {
    /// The acordo.
    pub acordo: String,
    /// The run's date: the day the acordo was broken.
    pub data: NaiveDate,
    /// The policy's `quebra_apos_dias`.
    pub quebra_apos_dias: i64,
    /// The installment overdue past it (the earliest due, when several are).
    pub parcela: String,
    /// Its due date.
    pub vencimento: NaiveDate,
    /// Its calendar days past due on `data` (more than `quebra_apos_dias`).
    pub dias_atraso: i64,
    /// Every installment, settled or written off now.
    pub parcelas: Vec<ParcelaQuebrada>,
    /// Σ `pago` of the installments: what was paid under the acordo.
    pub pago_no_acordo: Decimal,
    /// Σ `valor − pago` of the installments written off.
    pub baixado: Decimal,
    /// The originals, open again.
    pub originais: Vec<OriginalRestaurado>,
    /// Σ `saldo` of the originals on `data`: the debt restored.
    pub saldo_restaurado: Decimal,
}

/// The acordos the policy's `quebra_apos_dias` breaks on `date`, computed on the ledger's titles (nothing
/// recorded):
///
/// 1. an acordo **in force** (no [`Acordo::quebra`]) is broken when one of its installments is still **open**
///    more than `quebra_apos_dias` **calendar** days after its due date (`date − vencimento > quebra_apos_dias`,
///    the régua's own count: no business-day shift, as `inadimplente_apos_dias` and the steps' `dias`; a due date
///    on a weekend or holiday is counted from that date, and the few days of grace a payment has then are far
///    below any useful `quebra_apos_dias`). An acordo whose installments are all settled is never broken. A day
///    the job did not run only delays the break to the next run (there is no later step that overtakes it);
/// 2. the debt of the originals comes back (the clause Brazilian collection agreements carry: "o não pagamento
///    de qualquer parcela implica a quebra do acordo e o restabelecimento do débito original, com seus encargos,
///    deduzidos os valores pagos"): each original is open again and owes its amount due on `date` counted from
///    **its own** due date ([`valor_devido`]: multa and juros as if there had been no acordo; the acordo's
///    discount is lost) less what it had received and its share of what was paid under the acordo;
/// 3. what was paid under the acordo (Σ paid of the installments) is credited to the originals by due date, the
///    oldest first, each up to its saldo on the acordo's date, anything left to the last: the imputação the
///    Código Civil gives when the parties named none (art. 355: "nas dívidas líquidas e vencidas em primeiro
///    lugar");
/// 4. the installments still open are written off in the ledger (status `renegotiated`: the original debt
///    stands for them, so the portfolio never counts the same money open twice) and the régua issues each one's
///    pedido de baixa to the bank; settled installments stay settled.
///
/// # Errors
/// [`LedgerError::Corrupt`] when an installment of an acordo is not among `titles`.
pub fn quebras(
    acordos: &[Acordo],
    titles: &[(Titulo, TitleState)],
    quebra_apos_dias: i64,
    date: NaiveDate,
) -> Result<Vec<Quebra>, LedgerError> {
    let find = |id: &str| titles.iter().find(|(t, _)| t.id == id);
    let mut out = Vec::new();
    for a in acordos.iter().filter(|a| a.quebra.is_none()) {
        let mut parcelas = Vec::new();
        let mut gatilho: Option<(&Titulo, i64)> = None;
        for p in &a.parcelas {
            let (t, s) = find(&p.titulo).ok_or_else(|| {
                LedgerError::Corrupt(format!(
                    "acordo {}: installment {} is not in the ledger",
                    a.id, p.titulo
                ))
            })?;
            let aberta = s.status == Status::Open;
            let atraso = (date - t.vencimento).num_days();
            if aberta
                && atraso > quebra_apos_dias
                && gatilho.is_none_or(|(g, _)| t.vencimento < g.vencimento)
            {
                gatilho = Some((t, atraso));
            }
            parcelas.push(ParcelaQuebrada {
                titulo: t.id.clone(),
                numero: p.numero,
                vencimento: t.vencimento,
                valor: t.valor,
                pago: s.paid,
                baixada: aberta,
            });
        }
        let Some((g, dias_atraso)) = gatilho else {
            continue;
        };
        let pago_no_acordo: Decimal = parcelas.iter().map(|p| p.pago).sum();
        let baixado: Decimal = parcelas
            .iter()
            .filter(|p| p.baixada)
            .map(|p| (p.valor - p.pago).max(Decimal::ZERO))
            .sum();
        let mut originais: Vec<(&Original, &Titulo, &TitleState)> = a
            .originais
            .iter()
            .filter_map(|o| find(&o.titulo).map(|(t, s)| (o, t, s)))
            .filter(|(_, _, s)| s.status == Status::Renegotiated)
            .collect();
        // the oldest first (a stable sort: the acordo's order among the same due date)
        originais.sort_by_key(|(_, t, _)| t.vencimento);
        let mut resto = pago_no_acordo;
        let n = originais.len();
        let mut restaurados = Vec::new();
        for (k, (o, t, s)) in originais.into_iter().enumerate() {
            let imputado = if k + 1 == n {
                resto
            } else {
                resto.min(o.saldo)
            };
            resto -= imputado;
            let devido = valor_devido(t, date);
            let pago = s.paid + imputado;
            restaurados.push(OriginalRestaurado {
                titulo: t.id.clone(),
                vencimento: t.vencimento,
                valor: t.valor,
                pago_antes: s.paid,
                imputado,
                pago,
                devido,
                saldo: (devido.total - pago).max(Decimal::ZERO),
            });
        }
        out.push(Quebra {
            acordo: a.id.clone(),
            data: date,
            quebra_apos_dias,
            parcela: g.id.clone(),
            vencimento: g.vencimento,
            dias_atraso,
            parcelas,
            pago_no_acordo,
            baixado,
            saldo_restaurado: restaurados.iter().map(|o| o.saldo).sum(),
            originais: restaurados,
        });
    }
    Ok(out)
}

/// The states a break leaves, on a copy of the ledger's titles (what the ledgers record, [`ReguaLedger`]'s
/// `regua_record_quebras`): each installment written off `renegotiated`, each original `open` with its new
/// `paid`.
pub fn aplicar_quebra(titles: &mut [(Titulo, TitleState)], q: &Quebra) {
    for (t, s) in titles.iter_mut() {
        if q.parcelas.iter().any(|p| p.baixada && p.titulo == t.id) {
            s.status = Status::Renegotiated;
        } else if let Some(o) = q.originais.iter().find(|o| o.titulo == t.id) {
            s.status = Status::Open;
            s.paid = o.pago;
        }
    }
}

/// The history events of a break: (title id, event) for each original restored (`papel` `"restaurado"`, its
/// saldo) and each installment written off (`"quebra"`, its open balance).
pub(crate) fn quebra_events(q: &Quebra) -> Vec<(String, Event)> {
    let ev = |papel: &str, valor: Decimal| Event::Acordo {
        acordo: q.acordo.clone(),
        data: q.data,
        papel: papel.into(),
        valor,
    };
    q.parcelas
        .iter()
        .filter(|p| p.baixada)
        .map(|p| {
            (
                p.titulo.clone(),
                ev("quebra", (p.valor - p.pago).max(Decimal::ZERO)),
            )
        })
        .chain(
            q.originais
                .iter()
                .map(|o| (o.titulo.clone(), ev("restaurado", o.saldo))),
        )
        .collect()
}

/// The error a ledger gives when the acordo a break names is gone or already broken (another run recorded it
/// meanwhile): nothing of the run is then recorded.
pub(crate) fn quebra_stale(q: &Quebra, why: &str) -> LedgerError {
    invalid(format!("acordo {}: cannot be broken: {why}", q.acordo))
}
