//! Bank instructions: the régua's steps that go through the bank, written as an instruction remessa.
//!
//! A step whose [`Acao::via_banco`] is true (`protesto`, `baixa`, `prorrogacao`, `abatimento`, `reemissao`) becomes
//! one título (a `reemissao` two: its alteração de vencimento and, where the bank has one, its alteração do valor
//! nominal, [`crate::reemissao`]) in a remessa for the title's bank and layout: the título exactly as the remessa
//! that registered it carried it (nosso número, carteira, agreement…), with the bank's movimento code for the
//! instruction, and for a prorrogação the new due date, for an abatimento its amount, for an alteração de valor
//! the new valor nominal. The header is that remessa's header, dated the run's date, with
//! the next sequence number (NSA) unless one is given. Every row carries the valor do título: after an alteração de
//! valor the bank confirmed, it is that valor nominal, not the registered one ([`nominais_vigentes`], which the
//! callers apply to the registering remessas first: `cnab regua`, `cnab reemissao`, `cnab acordo`, Python).
//!
//! # The movimento codes
//!
//! Each bank's remessa movimento table lives in cnab-core beside its layout, cited from the bank's manual. The code
//! for an instruction is found in that table by its description, never assumed:
//!
//! | acao | a description that… | and not… |
//! |---|---|---|
//! | `protesto` | speaks of protest (`protestar`, `pedido de protesto`) | sustar, não, desistência, falência/falimentar, dias/prazo, opção, cancelar, automático, negativação, baixa, vencimento |
//! | `baixa` | speaks of baixa (`pedido de baixa`, `solicitação de baixa`) | sustar, desistência, protesto, negativação, pago/pagamento, automática, não, dias, prazo, devolução, cancelar |
//! | `abatimento` | grants one (`concessão de abatimento`) | cancelamento |
//! | `prorrogacao` (and a `reemissao`'s due date) | `prorrogação`, or `alteração` of the `vencimento` | sustar, protesto |
//! | `alteracao_valor` (a `reemissao`'s amount) | `alteração` of the `valor nominal` / `valor do título` | abatimento, desconto, juros, mora, multa, mínimo, máximo, rateio |
//!
//! When several codes fit, the one FEBRABAN's CNAB 240 table gives the instruction (C004, v10.7: 02 pedido de baixa,
//! 04 concessão de abatimento, 06 alteração de vencimento, 09 protestar, 47 alteração do valor nominal) is taken;
//! when none fits, or several and none is FEBRABAN's, the instruction is refused naming the bank and layout. So Itaú CNAB 400 protests with 09,
//! Caixa CNAB 400 grants an abatimento with 03 and moves the due date with 05, BV CNAB 400 extends with 06
//! (prorrogação, its 08 being alteração) and protests with 36 (its 09 is "não baixar automaticamente"); Caixa
//! CNAB 400 has no protest instruction (protest is set by prazo at registration) and is refused.
//!
//! # The bank's answer (conciliação)
//!
//! Every instruction written is kept with its step in the ledger ([`ReguaLedger::instrucoes`]), `pendente` until
//! a retorno answers it. [`conciliar`], run after a retorno is applied (`cnab baixa apply` does it), takes each
//! entry the ledger matched to a título with a pending instruction of the same bank, sent on or before the
//! entry's date, and reads its ocorrência — its kind and its description in the bank's retorno table in
//! cnab-core (FEBRABAN CNAB 240 C044, v10.7, and each bank's own):
//!
//! | the entry | answers |
//! |---|---|
//! | a protest event (FEBRABAN 19 confirmação de instrução de protesto, 23 remessa a cartório) that is not a sustação, retirada, cancelamento or "não protestar" | `protesto`: confirmada |
//! | a baixa by protest (FEBRABAN 25 protestado e baixado, Itaú 32) | `protesto`: confirmada |
//! | a baixa (FEBRABAN 09, Itaú 09 baixa simples) not by payment, deadline (decurso de prazo) or protest | `baixa`: confirmada |
//! | an instruction confirmed that speaks of abatimento and not of its cancelamento (FEBRABAN 12) | `abatimento`: confirmada |
//! | an instruction confirmed that speaks of the vencimento or a prorrogação (FEBRABAN 14, Itaú 14 vencimento alterado) | `prorrogacao`: confirmada |
//! | an instruction confirmed that speaks of the valor nominal, or of the título's value altered, and not of its mínimo/máximo, a desconto, abatimento, juros or multa (FEBRABAN 61 confirmação de alteração do valor nominal do título; Safra 51; BV 26) | `alteracao_valor`: confirmada |
//! | a rejection (FEBRABAN 03 entrada rejeitada, 26 instrução rejeitada, 30 alteração de dados rejeitada; Itaú 15 baixas rejeitadas, 24 instrução de protesto rejeitada…) naming protesto, baixa, abatimento, the valor nominal or vencimento | that instruction: rejeitada, with the bank's motivos |
//! | a rejection naming none | the título's only pending instruction: rejeitada; with several pending, none (listed in [`Conciliacao::ambiguas`], nothing invented) |
//!
//! A confirmed prorrogação, abatimento or alteração de valor changes the título in the ledger
//! ([`InstrucaoEnviada::aplicar`]); a linha digitável the new due date or amount cannot have is removed and reported
//! ([`Conciliacao::avisos`]).
//!
//! Each instruction is answered once (the first entry that answers it, in file order), each entry answers at most
//! one instruction, and the answer goes into the título's history ([`crate::Event::Instrucao`]). Applying the same
//! retorno again answers nothing new. An instruction still pending N days after it was sent is listed by
//! [`sem_resposta`] (`cnab instrucoes --dias N`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use cnab_core::{Bank, FileKind, Layout, ReadOptions, Remessa};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::LedgerError;
use crate::key::Key;
use crate::outcome::{Event, Outcome};
use crate::regua::{Acao, AcaoEmitida, Issued, ReguaLedger};
use crate::titulo::Titulo;

/// The movimento written for a step through the bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrucao {
    /// The bank.
    pub banco: u16,
    /// `"cnab240"` or `"cnab400"`.
    pub layout: String,
    /// The bank's movimento code.
    pub movimento: String,
    /// Its description in the bank's table.
    pub descricao: String,
}

/// A remessa that registered titles (read from its file): where the instructions take their header and títulos.
#[derive(Debug, Clone)]
pub struct RemessaRegistrada {
    /// The bank.
    pub bank: Bank,
    /// The layout.
    pub layout: Layout,
    /// The header's layout version (CNAB 240).
    pub versao: String,
    /// The remessa.
    pub remessa: Remessa,
}

impl RemessaRegistrada {
    /// Read a remessa file.
    ///
    /// # Errors
    /// The file is not a remessa cnab-core reads.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, cnab_core::Error> {
        let d = cnab_core::detect(bytes)?;
        if d.kind != FileKind::Remessa {
            return Err(cnab_core::Error::new(cnab_core::ErrorKind::invalid(
                "a retorno, not a remessa",
            )));
        }
        let remessa = cnab_core::read_remessa(bytes, ReadOptions::default())?;
        Ok(RemessaRegistrada {
            bank: d.bank,
            layout: d.layout,
            versao: d.version,
            remessa,
        })
    }
}

/// `s` in lower case without the accents of Portuguese, to compare the tables' descriptions.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'Á' | 'À' | 'Â' | 'Ã' => 'a',
            'é' | 'ê' | 'É' | 'Ê' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'ô' | 'õ' | 'Ó' | 'Ô' | 'Õ' => 'o',
            'ú' | 'ü' | 'Ú' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether a movimento description is the instruction (see the module table).
fn fits(acao: Acao, description: &str) -> bool {
    let d = fold(description);
    let has = |w: &[&str]| w.iter().any(|w| d.contains(w));
    match acao {
        Acao::Protesto => {
            has(&["protest"])
                && !has(&[
                    "sust",
                    "nao ",
                    "desist",
                    "falen",
                    "falim",
                    "dias",
                    "prazo",
                    "opcao",
                    "cancel",
                    "automatic",
                    "negativ",
                    "baix",
                    "vencimento",
                ])
        }
        Acao::Baixa => {
            has(&["baixa"])
                && !has(&[
                    "sust",
                    "desist",
                    "protest",
                    "negativ",
                    "pago",
                    "pagamento",
                    "automatic",
                    "nao ",
                    "dias",
                    "prazo",
                    "devol",
                    "cancel",
                ])
        }
        Acao::Abatimento => has(&["abatimento"]) && has(&["conces"]) && !has(&["cancel"]),
        Acao::Prorrogacao | Acao::Reemissao => {
            (has(&["prorrogacao"]) || (has(&["alteracao"]) && has(&["vencimento"])))
                && !has(&["sust", "protest"])
        }
        Acao::AlteracaoValor => crate::reemissao::fits_valor(description),
        _ => false,
    }
}

/// FEBRABAN CNAB 240 C004 (v10.7) code of each instruction, preferred when a bank's table has several that fit.
fn febraban(acao: Acao) -> &'static str {
    match acao {
        Acao::Baixa => "02",
        Acao::Abatimento => "04",
        Acao::Prorrogacao | Acao::Reemissao => "06",
        Acao::AlteracaoValor => "47",
        _ => "09",
    }
}

/// The bank's movimento code for an instruction, from its remessa table in cnab-core: (code, description).
///
/// ```
/// use baixa::instrucao::movimento;
/// use baixa::regua::Acao;
/// use cnab_core::{Bank, Layout};
/// assert_eq!(movimento(Bank::new(341), Layout::Cnab400, "", Acao::Protesto).unwrap().0, "09");
/// assert_eq!(movimento(Bank::new(104), Layout::Cnab400, "", Acao::Abatimento).unwrap().0, "03");
/// assert!(movimento(Bank::new(104), Layout::Cnab400, "", Acao::Protesto).is_err());
/// ```
///
/// # Errors
/// The step is not an instruction, the bank has no remessa table for the layout, or the table has no code for the
/// instruction (or several, none of them FEBRABAN's).
pub fn movimento(
    bank: Bank,
    layout: Layout,
    versao: &str,
    acao: Acao,
) -> Result<(&'static str, &'static str), String> {
    if !acao.via_banco() {
        return Err(format!("{:?} is not a step through the bank", acao.name()));
    }
    let lname = format!("CNAB {}", layout.number());
    let spec = cnab_core::banks::spec(bank.code())
        .and_then(|s| s.layout(layout, FileKind::Remessa, versao))
        .ok_or_else(|| format!("bank {bank}: no {lname} remessa layout"))?;
    let found: Vec<_> = spec
        .ocorrencias
        .iter()
        .filter(|o| fits(acao, o.description))
        .collect();
    let pick = match found.as_slice() {
        [one] => Some(*one),
        [] => None,
        many => many.iter().find(|o| o.code == febraban(acao)).copied(),
    };
    pick.map(|o| (o.code, o.description)).ok_or_else(|| {
        let listed: Vec<String> = found
            .iter()
            .map(|o| format!("{} {}", o.code, o.description))
            .collect();
        if listed.is_empty() {
            format!(
                "bank {bank} {lname}: its movimento table has no code for {:?}",
                acao.name()
            )
        } else {
            format!(
                "bank {bank} {lname}: several movimento codes could be {:?} ({})",
                acao.name(),
                listed.join("; ")
            )
        }
    })
}

/// Where a título was registered: (remessa index, título index).
fn find(a: &AcaoEmitida, registradas: &[RemessaRegistrada]) -> Option<(usize, usize)> {
    find_titulo(a.banco, &a.nosso_numero, &a.seu_numero, registradas)
}

/// Where the título of `banco` with this nosso número (else seu número) was registered: (remessa index, título
/// index), the latest registration first.
pub(crate) fn find_titulo(
    banco: u16,
    nosso_numero: &str,
    seu_numero: &str,
    registradas: &[RemessaRegistrada],
) -> Option<(usize, usize)> {
    let nn = Key::of(&[nosso_numero]);
    let seu = seu_numero.trim();
    // the latest remessa first: a título registered again carries its latest data
    registradas.iter().enumerate().rev().find_map(|(i, r)| {
        if r.bank.code() != banco {
            return None;
        }
        r.remessa
            .titulos
            .iter()
            .position(|t| {
                let entrada = matches!(t.movimento.trim(), "" | "01" | "1");
                entrada
                    && match &nn {
                        Some(k) => Key::of(&[&t.nosso_numero]).as_ref() == Some(k),
                        None => !seu.is_empty() && t.seu_numero.trim() == seu,
                    }
            })
            .map(|j| (i, j))
    })
}

/// Set the movimento of every step through the bank (`a.instrucao`), checking that each can be written: its título
/// is in one of the registering remessas and the bank's table has the instruction. Meant as the `prepare` of
/// [`crate::regua::run_with`], so that a step that cannot be written is refused before anything is recorded.
///
/// # Errors
/// [`LedgerError::Invalid`] naming the título and why.
pub fn preparar(
    actions: &mut [AcaoEmitida],
    registradas: &[RemessaRegistrada],
) -> Result<(), LedgerError> {
    for a in actions.iter_mut().filter(|a| a.acao.via_banco()) {
        let (i, _) = find(a, registradas).ok_or_else(|| {
            LedgerError::Invalid(format!(
                "título {}: {}: not registered by any remessa given (bank {}, nosso número {:?})",
                a.titulo,
                a.acao.name(),
                a.banco,
                a.nosso_numero
            ))
        })?;
        let r = registradas
            .get(i)
            .ok_or_else(|| LedgerError::Invalid("remessa vanished".into()))?;
        let (code, descricao) = movimento(r.bank, r.layout, &r.versao, a.acao)
            .map_err(|e| LedgerError::Invalid(format!("título {}: {e}", a.titulo)))?;
        let ins = |code: &str, descricao: &str| Instrucao {
            banco: r.bank.code(),
            layout: format!("cnab{}", r.layout.number()),
            movimento: code.to_string(),
            descricao: descricao.to_string(),
        };
        a.instrucao = Some(ins(code, descricao));
        if a.acao == Acao::Reemissao {
            // the amount half only where the bank's layout has it: elsewhere the boleto keeps its face value
            match crate::reemissao::movimento_valor(r.bank, r.layout, &r.versao) {
                Some((c, d)) => a.instrucao_valor = Some(ins(c, d)),
                None => a.novo_valor = None,
            }
        }
    }
    Ok(())
}

/// One instruction remessa: for one bank, layout and beneficiary.
#[derive(Debug, Clone)]
pub struct RemessaInstrucoes {
    /// The bank.
    pub bank: Bank,
    /// The layout.
    pub layout: Layout,
    /// The remessa (header of the registering remessa, one título per instruction).
    pub remessa: Remessa,
    /// The file's bytes, written by cnab-core.
    pub bytes: Vec<u8>,
    /// (título id, acao, movimento) of each título, in order.
    pub itens: Vec<(String, Acao, String)>,
}

/// Build the instruction remessas for the actions through the bank (those [`preparar`] completed), one per bank,
/// layout and beneficiary of the registering remessas. The header is the latest registering remessa's, dated
/// `date`, with sequence number `nsa` (default: that remessa's NSA + 1).
///
/// # Errors
/// [`LedgerError::Invalid`]: a título not registered, or cnab-core refusing to write a value.
pub fn remessas(
    actions: &[AcaoEmitida],
    registradas: &[RemessaRegistrada],
    date: NaiveDate,
    nsa: Option<u64>,
) -> Result<Vec<RemessaInstrucoes>, LedgerError> {
    let mut linhas = Vec::new();
    let mut itens = Vec::new();
    for a in actions.iter().filter(|a| a.acao.via_banco()) {
        let Some(ins) = &a.instrucao else {
            return Err(LedgerError::Invalid(format!(
                "título {}: {}: no movimento (run instrucao::preparar first)",
                a.titulo,
                a.acao.name()
            )));
        };
        let (i, j) = find(a, registradas).ok_or_else(|| {
            LedgerError::Invalid(format!(
                "título {}: not registered by any remessa given",
                a.titulo
            ))
        })?;
        let r = registradas
            .get(i)
            .ok_or_else(|| LedgerError::Invalid("remessa vanished".into()))?;
        let mut t = r
            .remessa
            .titulos
            .get(j)
            .cloned()
            .ok_or_else(|| LedgerError::Invalid("título vanished".into()))?;
        t.movimento = ins.movimento.clone();
        t.line = 0;
        if let Some(v) = a.novo_vencimento {
            t.vencimento = Some(v);
        }
        if let Some(v) = a.abatimento {
            t.abatimento = Some(v);
        }
        let valor = (a.acao == Acao::Reemissao)
            .then(|| a.instrucao_valor.as_ref().zip(a.novo_valor))
            .flatten()
            .map(|(iv, v)| {
                let mut u = t.clone();
                u.movimento = iv.movimento.clone();
                u.valor = v;
                u
            });
        let acao = if a.acao == Acao::Reemissao {
            Acao::Prorrogacao
        } else {
            a.acao
        };
        linhas.push((i, t));
        itens.push((a.titulo.clone(), acao, ins.movimento.clone()));
        if let Some(u) = valor {
            itens.push((a.titulo.clone(), Acao::AlteracaoValor, u.movimento.clone()));
            linhas.push((i, u));
        }
    }
    Ok(escrever(linhas, registradas, date, nsa)?
        .into_iter()
        .map(|w| RemessaInstrucoes {
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

/// One remessa [`escrever`] wrote.
pub(crate) struct Escrita {
    pub(crate) bank: Bank,
    pub(crate) layout: Layout,
    pub(crate) remessa: Remessa,
    pub(crate) bytes: Vec<u8>,
    /// The indexes of its títulos in the `linhas` given, in order.
    pub(crate) linhas: Vec<usize>,
}

/// Write títulos as remessas, one per bank, layout and beneficiary of the registering remessas each comes from
/// (`linhas`: (registering remessa index, título)). The header is the latest registering remessa's of the group,
/// dated `date`, with sequence number `nsa` (default: that remessa's NSA + 1).
pub(crate) fn escrever(
    linhas: Vec<(usize, cnab_core::Titulo)>,
    registradas: &[RemessaRegistrada],
    date: NaiveDate,
    nsa: Option<u64>,
) -> Result<Vec<Escrita>, LedgerError> {
    // (bank, layout, beneficiary) → (latest remessa index, títulos, their indexes)
    type Group = (usize, Vec<cnab_core::Titulo>, Vec<usize>);
    let mut groups: BTreeMap<(u16, u16, String), Group> = BTreeMap::new();
    for (k, (i, t)) in linhas.into_iter().enumerate() {
        let r = registradas
            .get(i)
            .ok_or_else(|| LedgerError::Invalid("remessa vanished".into()))?;
        let b = &r.remessa.header.beneficiario;
        let key = (
            r.bank.code(),
            r.layout.number(),
            format!(
                "{}|{}|{}|{}",
                b.agencia, b.conta, b.convenio, b.codigo_beneficiario
            ),
        );
        let g = groups.entry(key).or_insert((i, Vec::new(), Vec::new()));
        g.0 = g.0.max(i);
        g.1.push(t);
        g.2.push(k);
    }
    let mut out = Vec::new();
    for (_, (i, titulos, linhas)) in groups {
        let r = registradas
            .get(i)
            .ok_or_else(|| LedgerError::Invalid("remessa vanished".into()))?;
        let mut header = r.remessa.header.clone();
        header.data_geracao = Some(date);
        header.nsa = nsa.or(header.nsa.map(|n| n + 1));
        let remessa = Remessa {
            bank: Some(r.bank),
            header,
            titulos,
            records: Vec::new(),
            problems: Vec::new(),
        };
        let bytes = cnab_core::write_remessa(&remessa, r.bank, r.layout)
            .map_err(|e| LedgerError::Invalid(format!("instruction remessa: {e}")))?;
        out.push(Escrita {
            bank: r.bank,
            layout: r.layout,
            remessa,
            bytes,
            linhas,
        });
    }
    Ok(out)
}

/// The registering remessas as the bank holds their títulos now: a título whose alteração do valor nominal the bank
/// confirmed ([`Acao::AlteracaoValor`], `confirmada`) carries that valor nominal — the latest confirmed, by the
/// answer's date — in place of the amount its remessa registered. Every instruction row copies the título as its
/// remessa registered it and carries the valor do título (CNAB 400 detalhe, CNAB 240 segmento P 86-100, "valor
/// nominal do título"), so with these remessas a protesto, baixa, prorrogação, abatimento, a reemissão's alteração
/// de vencimento or an acordo's pedido de baixa states the bank's current nominal, not the one it replaced. A
/// título registered again after the confirmation (a remessa dated later) keeps its new registration's amount.
/// Returns how many títulos changed; reads the ledger's instructions only (and its títulos when one changed).
///
/// # Errors
/// A ledger failure.
pub fn nominais_vigentes<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    registradas: &mut [RemessaRegistrada],
) -> Result<usize, LedgerError> {
    // título → (the answer's date, the valor nominal confirmed)
    let mut vigente: BTreeMap<String, (NaiveDate, Decimal)> = BTreeMap::new();
    for i in ledger.instrucoes()? {
        let (Acao::AlteracaoValor, Some(v), Some(r)) = (i.acao, i.novo_valor, i.resposta.as_ref())
        else {
            continue;
        };
        if r.estado != Estado::Confirmada {
            continue;
        }
        let data = r.data.unwrap_or(i.enviada_em);
        if vigente.get(&i.titulo).is_none_or(|(d, _)| *d <= data) {
            vigente.insert(i.titulo.clone(), (data, v));
        }
    }
    if vigente.is_empty() {
        return Ok(0);
    }
    let mut changed = 0;
    for (t, s) in ledger.titles()? {
        let Some((data, v)) = vigente.get(&t.id) else {
            continue;
        };
        let nn = if t.nosso_numero.trim().is_empty() {
            s.linked_nosso_numero.clone().unwrap_or_default()
        } else {
            t.nosso_numero.clone()
        };
        let Some((i, j)) = find_titulo(t.banco.code(), &nn, &t.seu_numero, registradas) else {
            continue;
        };
        let Some(r) = registradas.get_mut(i) else {
            continue;
        };
        if r.remessa.header.data_geracao.is_some_and(|g| g > *data) {
            continue;
        }
        if let Some(row) = r.remessa.titulos.get_mut(j) {
            if row.valor != *v {
                row.valor = *v;
                changed += 1;
            }
        }
    }
    Ok(changed)
}

/// Where an instruction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Estado {
    /// Sent, no answer from the bank yet.
    Pendente,
    /// The bank confirmed it.
    Confirmada,
    /// The bank rejected it (see the motivos).
    Rejeitada,
}

impl Estado {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Estado::Pendente => "pendente",
            Estado::Confirmada => "confirmada",
            Estado::Rejeitada => "rejeitada",
        }
    }
}

/// The retorno entry that answered an instruction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resposta {
    /// `confirmada` or `rejeitada`.
    pub estado: Estado,
    /// The entry's date (data da ocorrência, else data de crédito).
    pub data: Option<NaiveDate>,
    /// The retorno's identity (as in the ledger's files).
    pub file_id: String,
    /// The entry's line in the retorno.
    pub line: usize,
    /// The ocorrência code.
    pub ocorrencia: String,
    /// Its description in the bank's table.
    pub descricao: String,
    /// The bank's motivos (`"code: description"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub motivos: Vec<String>,
}

/// An instruction the régua sent, with the bank's answer when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrucaoEnviada {
    /// The título.
    pub titulo: String,
    /// The step.
    pub acao: Acao,
    /// The step's days.
    pub etapa_dias: i64,
    /// The date of the run that sent it.
    pub enviada_em: NaiveDate,
    /// The movimento written.
    pub instrucao: Instrucao,
    /// Where it stands.
    pub estado: Estado,
    /// The bank's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resposta: Option<Resposta>,
    /// A prorrogação: the due date it asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub novo_vencimento: Option<NaiveDate>,
    /// An abatimento: the amount it granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abatimento: Option<Decimal>,
    /// An alteração de valor: the valor nominal it asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub novo_valor: Option<Decimal>,
}

impl InstrucaoEnviada {
    /// The step's identity.
    pub fn key(&self) -> Issued {
        Issued {
            titulo: self.titulo.clone(),
            etapa_dias: self.etapa_dias,
            acao: self.acao,
        }
    }

    /// The history event of its answer.
    pub(crate) fn event(&self, r: &Resposta) -> Event {
        let confirmed = r.estado == Estado::Confirmada;
        Event::Instrucao {
            acao: self.acao,
            etapa_dias: self.etapa_dias,
            movimento: self.instrucao.movimento.clone(),
            enviada_em: self.enviada_em,
            resposta: Box::new(r.clone()),
            novo_vencimento: self
                .novo_vencimento
                .filter(|_| confirmed && self.acao == Acao::Prorrogacao),
            abatimento: self
                .abatimento
                .filter(|_| confirmed && self.acao == Acao::Abatimento),
            novo_valor: self
                .novo_valor
                .filter(|_| confirmed && self.acao == Acao::AlteracaoValor),
        }
    }

    /// The título as a confirmed prorrogação, abatimento or alteração de valor leaves it (`None`: nothing to
    /// change), with a warning when its linha digitável cannot follow (see [`Aplicada`]):
    /// - a prorrogação: the new due date, the multa's and juros' start dates moved by as many days, the linha
    ///   digitável's fator de vencimento;
    /// - an abatimento: the abatimento granted;
    /// - an alteração de valor: the bank's valor nominal is now `novo_valor`, so the título's face value becomes
    ///   `novo_valor + pago` (`pago`: what the ledger received for it before, which the ledger keeps counting
    ///   against the face value: what is left to pay is then the bank's new valor nominal), and the linha
    ///   digitável carries the new amount.
    pub fn aplicar(&self, t: &Titulo, pago: Decimal) -> Option<Aplicada> {
        if self.estado != Estado::Confirmada
            && self.resposta.as_ref().map(|r| r.estado) != Some(Estado::Confirmada)
        {
            return None;
        }
        let mut n = t.clone();
        let mut aviso = None;
        let mut linha = |n: &mut Titulo, vencimento: NaiveDate, valor: Option<Decimal>| {
            if let Some(l) = t.linha_digitavel.as_deref() {
                match nova_linha(l, vencimento, valor, t.valor) {
                    Ok(x) => n.linha_digitavel = Some(x),
                    Err(e) => {
                        n.linha_digitavel = None;
                        aviso = Some(format!(
                            "título {}: linha_digitavel: the confirmed {} leaves no linha digitável ({e}); the \
                             título's is removed, not kept with the old {}",
                            t.id,
                            self.acao.name(),
                            if valor.is_some() { "amount" } else { "due date" }
                        ));
                    }
                }
            }
        };
        match (
            self.acao,
            self.novo_vencimento,
            self.abatimento,
            self.novo_valor,
        ) {
            (Acao::Prorrogacao, Some(v), _, _) => {
                let delta = v - t.vencimento;
                n.vencimento = v;
                if let Some(m) = &mut n.multa {
                    m.desde = m.desde.map(|d| d + delta);
                }
                if let Some(j) = &mut n.juros {
                    j.desde = j.desde.map(|d| d + delta);
                }
                linha(&mut n, v, None);
            }
            (Acao::Abatimento, _, Some(a), _) => n.abatimento = a,
            (Acao::AlteracaoValor, _, _, Some(v)) => {
                n.valor = v + pago;
                linha(&mut n, t.vencimento, Some(v));
            }
            _ => return None,
        }
        (n != *t).then_some(Aplicada { titulo: n, aviso })
    }
}

/// A título as a confirmed instruction leaves it ([`InstrucaoEnviada::aplicar`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aplicada {
    /// The título changed.
    pub titulo: Titulo,
    /// Why its linha digitável had to be removed (a due date or amount the barcode cannot carry: a date on or
    /// before the fator's base date 1997-10-07, or an amount above 99,999,999.99 with a due date), naming the
    /// título and the field; `None` when it followed or there was none.
    pub aviso: Option<String>,
}

/// What an ocorrência says about the instructions (see the module table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sinal {
    /// It confirms an instruction of this step.
    Confirma(Acao),
    /// It rejects an instruction: of this step, or unnamed.
    Rejeita(Option<Acao>),
    /// It answers no instruction.
    Nada,
}

/// What an ocorrência (its kind and the bank's description) says about the instructions, per the module table.
///
/// ```
/// use baixa::instrucao::{sinal, Sinal};
/// use baixa::regua::Acao;
/// use cnab_core::OcorrenciaKind as K;
/// assert_eq!(sinal(K::Protesto, "Confirmação Recebimento Instrução de Protesto"), Sinal::Confirma(Acao::Protesto));
/// assert_eq!(sinal(K::Protesto, "Instrução de Protesto Sustada"), Sinal::Nada);
/// assert_eq!(sinal(K::InstrucaoConfirmada, "Vencimento alterado"), Sinal::Confirma(Acao::Prorrogacao));
/// assert_eq!(sinal(K::InstrucaoRejeitada, "Instrução Rejeitada"), Sinal::Rejeita(None));
/// assert_eq!(sinal(K::InstrucaoConfirmada, "Confirmação de Alteração do Valor Nominal do Título"),
///            Sinal::Confirma(Acao::AlteracaoValor));
/// assert_eq!(sinal(K::InstrucaoConfirmada, "Confirmação de alteração do valor ou percentual mínimo"), Sinal::Nada);
/// ```
pub fn sinal(kind: cnab_core::OcorrenciaKind, description: &str) -> Sinal {
    use cnab_core::OcorrenciaKind as K;
    let d = fold(description);
    let has = |w: &[&str]| w.iter().any(|w| d.contains(w));
    // the alteração do valor nominal (FEBRABAN C044 61 "Confirmação de Alteração do Valor Nominal do Título",
    // Safra 51 "Valor do título alterado", BV 26): the nominal value, not its mínimo/máximo or a desconto
    let valor = || {
        (has(&["valor nominal"])
            || (has(&["valor do titulo", "valor titulo"]) && has(&["alterad", "alteracao"])))
            && !has(&[
                "minimo",
                "maximo",
                "desconto",
                "abatimento",
                "juros",
                "multa",
                "vencimento",
            ])
    };
    let named = || {
        if has(&["protest", "cartorio"]) {
            Some(Acao::Protesto)
        } else if has(&["abatimento"]) {
            Some(Acao::Abatimento)
        } else if valor() {
            Some(Acao::AlteracaoValor)
        } else if has(&["vencimento", "prorroga"]) {
            Some(Acao::Prorrogacao)
        } else if has(&["baixa"]) {
            Some(Acao::Baixa)
        } else {
            None
        }
    };
    let protest_ok = || !has(&["sust", "retirad", "cancel", "desist", "nao protest"]);
    match kind {
        K::Protesto if has(&["protest", "cartorio"]) && protest_ok() => {
            Sinal::Confirma(Acao::Protesto)
        }
        K::Baixa if has(&["protest"]) => Sinal::Confirma(Acao::Protesto),
        K::Baixa
            if !has(&[
                "liquid",
                "pago",
                "pagamento",
                "decurso",
                "prazo",
                "automatic",
                "rejeit",
            ]) =>
        {
            Sinal::Confirma(Acao::Baixa)
        }
        K::InstrucaoConfirmada => match named() {
            Some(Acao::Abatimento) if has(&["cancel"]) => Sinal::Nada,
            Some(Acao::Protesto) if !protest_ok() => Sinal::Nada,
            Some(a) => Sinal::Confirma(a),
            None => Sinal::Nada,
        },
        K::InstrucaoRejeitada | K::EntradaRejeitada => Sinal::Rejeita(named()),
        _ => Sinal::Nada,
    }
}

/// What [`conciliar`] did with one retorno.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Conciliacao {
    /// The instructions this retorno answered, with their new state.
    pub instrucoes: Vec<InstrucaoEnviada>,
    /// Rejections that name no instruction, for títulos with several pending: left pending, one line each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ambiguas: Vec<String>,
    /// What a confirmed instruction could not carry over to the título, one line each naming the título and the
    /// field (a linha digitável the new due date or amount cannot have: it is removed, see [`Aplicada`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub avisos: Vec<String>,
}

/// Match a retorno already applied to the ledger with the instructions the régua sent (see the module docs):
/// the answered instructions become `confirmada` or `rejeitada`, with an [`crate::Event::Instrucao`] in their
/// título's history. Idempotent: a retorno conciliated before answers nothing new.
///
/// # Errors
/// A ledger failure (nothing is then recorded).
pub fn conciliar<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    retorno: &cnab_core::Retorno,
) -> Result<Conciliacao, LedgerError> {
    let mut out = Conciliacao::default();
    let bank = retorno.bank.code();
    let mut pending: BTreeMap<String, Vec<InstrucaoEnviada>> = BTreeMap::new();
    for i in ledger.instrucoes()? {
        if i.estado == Estado::Pendente && i.instrucao.banco == bank {
            pending.entry(i.titulo.clone()).or_default().push(i);
        }
    }
    if pending.is_empty() {
        return Ok(out);
    }
    let file_id = crate::engine::FileContext::new(retorno).file_id.to_string();
    let by_line: BTreeMap<usize, &cnab_core::RetornoEntry> =
        retorno.entries.iter().map(|e| (e.line, e)).collect();
    let mut answers: Vec<(InstrucaoEnviada, Resposta)> = Vec::new();
    for (titulo, mut open) in pending {
        open.sort_by_key(|a| (a.enviada_em, a.etapa_dias));
        let mut lines: Vec<usize> = ledger
            .history(&titulo)?
            .into_iter()
            .filter_map(|ev| match ev {
                Event::Entry {
                    file_id: f,
                    outcome,
                } if f == file_id && outcome.outcome != Outcome::Duplicate => Some(outcome.line),
                _ => None,
            })
            .collect();
        lines.sort_unstable();
        lines.dedup();
        for line in lines {
            let Some(e) = by_line.get(&line) else {
                continue;
            };
            let Some(oc) = &e.ocorrencia else {
                continue;
            };
            let date = e.data_ocorrencia.or(e.data_credito);
            let sent = |i: &InstrucaoEnviada| date.is_none_or(|d| i.enviada_em <= d);
            let (estado, pos) = match sinal(oc.kind, &oc.description) {
                Sinal::Nada => continue,
                Sinal::Confirma(a) => (
                    Estado::Confirmada,
                    open.iter().position(|i| i.acao == a && sent(i)),
                ),
                Sinal::Rejeita(Some(a)) => (
                    Estado::Rejeitada,
                    open.iter().position(|i| i.acao == a && sent(i)),
                ),
                Sinal::Rejeita(None) => {
                    let cands: Vec<usize> = (0..open.len())
                        .filter(|&k| open.get(k).is_some_and(sent))
                        .collect();
                    match cands.as_slice() {
                        [one] => (Estado::Rejeitada, Some(*one)),
                        [] => continue,
                        many => {
                            let names: Vec<&str> = many
                                .iter()
                                .filter_map(|&k| open.get(k).map(|i| i.acao.name()))
                                .collect();
                            out.ambiguas.push(format!(
                                "título {titulo}, line {line}: {} {} names no instruction and {} are pending ({}): \
                                 left pending",
                                oc.code,
                                oc.description,
                                many.len(),
                                names.join(", ")
                            ));
                            continue;
                        }
                    }
                }
            };
            let Some(pos) = pos else {
                continue;
            };
            let i = open.remove(pos);
            let r = Resposta {
                estado,
                data: date,
                file_id: file_id.clone(),
                line,
                ocorrencia: oc.code.clone(),
                descricao: oc.description.clone(),
                motivos: e
                    .motivos
                    .iter()
                    .map(|m| match &m.description {
                        Some(d) => format!("{}: {}", m.code, d),
                        None => m.code.clone(),
                    })
                    .collect(),
            };
            answers.push((i, r));
        }
    }
    if answers.is_empty() {
        return Ok(out);
    }
    // a confirmed prorrogação or abatimento changes the título in the ledger (its due date, linha digitável,
    // abatimento), so that amounts due, reports and the régua follow it; written before the answers, so that a
    // failure in between leaves the answers pending and the same retorno applied again completes both
    let confirmed: Vec<&InstrucaoEnviada> = answers
        .iter()
        .filter(|(i, r)| {
            r.estado == Estado::Confirmada
                && matches!(
                    i.acao,
                    Acao::Prorrogacao | Acao::Abatimento | Acao::AlteracaoValor
                )
        })
        .map(|(i, _)| i)
        .collect();
    if !confirmed.is_empty() {
        let mut titles: BTreeMap<String, (Titulo, Decimal)> = ledger
            .titles()?
            .into_iter()
            .map(|(t, s)| (t.id.clone(), (t, s.paid)))
            .collect();
        let mut changed = Vec::new();
        for i in confirmed {
            let mut i = i.clone();
            i.estado = Estado::Confirmada;
            if let Some(a) = titles.get(&i.titulo).and_then(|(t, p)| i.aplicar(t, *p)) {
                let n = a.titulo;
                out.avisos.extend(a.aviso);
                if let Some(x) = titles.get_mut(&n.id) {
                    x.0 = n.clone();
                }
                changed.retain(|c: &Titulo| c.id != n.id);
                changed.push(n);
            }
        }
        if !changed.is_empty() {
            ledger.import_titles(&changed)?;
        }
    }
    let fresh = ledger.instrucoes_responder(&answers)?;
    for ((mut i, r), new) in answers.into_iter().zip(fresh) {
        if new {
            i.estado = r.estado;
            i.resposta = Some(r);
            out.instrucoes.push(i);
        }
    }
    Ok(out)
}

/// The linha digitável of the same boleto due on `vencimento` (and of `valor` when given, else of the value it
/// carries): the bank and campo livre kept, the fator de vencimento, the value and the check digits made again.
/// `face` is the título's face value: above 99,999,999.99 the barcode carries it in 14 digits over the fator's
/// positions (FEBRABAN's rule for such values), which the digits alone do not tell.
///
/// # Errors
/// Why it cannot be (the boleto crate's error: a date on or before the fator's base date, a value above
/// 99,999,999.99, whose barcode has no fator; a linha that does not read).
fn nova_linha(
    linha: &str,
    vencimento: NaiveDate,
    valor: Option<Decimal>,
    face: Decimal,
) -> Result<String, String> {
    let b = boleto::LinhaDigitavel::parse(linha)
        .map_err(|e| e.to_string())?
        .barcode();
    let valor = valor.unwrap_or_else(|| {
        if face > boleto::valor_max_10() {
            b.valor_14()
        } else {
            b.valor()
        }
    });
    boleto::Barcode::build(b.banco(), Some(vencimento), valor, b.campo_livre())
        .map(|n| n.linha_digitavel().as_str().to_string())
        .map_err(|e| e.to_string())
}

/// The instructions still pending more than `dias` days after they were sent, on `date`.
pub fn sem_resposta(
    instrucoes: &[InstrucaoEnviada],
    date: NaiveDate,
    dias: i64,
) -> Vec<&InstrucaoEnviada> {
    instrucoes
        .iter()
        .filter(|i| i.estado == Estado::Pendente && (date - i.enviada_em).num_days() > dias)
        .collect()
}
