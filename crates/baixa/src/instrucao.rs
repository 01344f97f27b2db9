//! Bank instructions: the régua's steps that go through the bank, written as an instruction remessa.
//!
//! A step whose [`Acao::via_banco`] is true (`protesto`, `baixa`, `prorrogacao`, `abatimento`) becomes one título
//! in a remessa for the title's bank and layout: the título exactly as the remessa that registered it carried it
//! (nosso número, carteira, agreement…), with the bank's movimento code for the instruction, and for a prorrogação
//! the new due date, for an abatimento its amount. The header is that remessa's header, dated the run's date, with
//! the next sequence number (NSA) unless one is given.
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
//! | `prorrogacao` | `prorrogação`, or `alteração` of the `vencimento` | sustar, protesto |
//!
//! When several codes fit, the one FEBRABAN's CNAB 240 table gives the instruction (C004, v10.7: 02 pedido de baixa,
//! 04 concessão de abatimento, 06 alteração de vencimento, 09 protestar) is taken; when none fits, or several and
//! none is FEBRABAN's, the instruction is refused naming the bank and layout. So Itaú CNAB 400 protests with 09,
//! Caixa CNAB 400 grants an abatimento with 03 and moves the due date with 05, BV CNAB 400 extends with 06
//! (prorrogação, its 08 being alteração) and protests with 36 (its 09 is "não baixar automaticamente"); Caixa
//! CNAB 400 has no protest instruction (protest is set by prazo at registration) and is refused.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use cnab_core::{Bank, FileKind, Layout, ReadOptions, Remessa};
use serde::{Deserialize, Serialize};

use crate::error::LedgerError;
use crate::key::Key;
use crate::regua::{Acao, AcaoEmitida};

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

fn fold(s: &str) -> String {
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
        Acao::Prorrogacao => {
            (has(&["prorrogacao"]) || (has(&["alteracao"]) && has(&["vencimento"])))
                && !has(&["sust", "protest"])
        }
        _ => false,
    }
}

/// FEBRABAN CNAB 240 C004 (v10.7) code of each instruction, preferred when a bank's table has several that fit.
fn febraban(acao: Acao) -> &'static str {
    match acao {
        Acao::Baixa => "02",
        Acao::Abatimento => "04",
        Acao::Prorrogacao => "06",
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
    let nn = Key::of(&[&a.nosso_numero]);
    let seu = a.seu_numero.trim();
    // the latest remessa first: a título registered again carries its latest data
    registradas.iter().enumerate().rev().find_map(|(i, r)| {
        if r.bank.code() != a.banco {
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
        a.instrucao = Some(Instrucao {
            banco: r.bank.code(),
            layout: format!("cnab{}", r.layout.number()),
            movimento: code.to_string(),
            descricao: descricao.to_string(),
        });
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
    // (bank, layout, beneficiary) → (latest remessa index, títulos, itens)
    type Group = (usize, Vec<cnab_core::Titulo>, Vec<(String, Acao, String)>);
    let mut groups: BTreeMap<(u16, u16, String), Group> = BTreeMap::new();
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
        g.2.push((a.titulo.clone(), a.acao, ins.movimento.clone()));
    }
    let mut out = Vec::new();
    for (_, (i, titulos, itens)) in groups {
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
        out.push(RemessaInstrucoes {
            bank: r.bank,
            layout: r.layout,
            remessa,
            bytes,
            itens,
        });
    }
    Ok(out)
}
