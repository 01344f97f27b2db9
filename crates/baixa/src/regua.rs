//! Régua de cobrança: the collection steps a company takes for each open title, before and after its due date,
//! issued exactly once from the ledger.
//!
//! # A política (the policy file, TOML)
//!
//! ```toml
//! # dias de atraso a partir dos quais o título é inadimplente (marcado em cada ação: "inadimplente")
//! inadimplente_apos_dias = 30
//!
//! # opcional: os limites da negociação; com eles cada carta_cobranca leva a proposta que permitem (`proposta`,
//! # crate::acordo::proposta): o maior desconto, a menor entrada, o maior número de parcelas
//! [acordo]
//! parcelas_max = 3                # parcelas depois da entrada, no máximo (1 a 120)
//! desconto_max_pct = "50"         # opcional: desconto máximo, em % de desconto_sobre (0 a 100; padrão: nenhum)
//! desconto_sobre = "encargos"     # opcional: "encargos" (multa e juros, o padrão) ou "principal" (o saldo sem eles)
//! entrada_min_pct = "20"          # opcional: entrada mínima, em % do valor negociado (0 a menos de 100; padrão:
//!                                 # sem entrada)
//! juros_parcela_pct_mes = "1.5"   # opcional: juros das parcelas, % ao mês, Tabela Price (0 a 10; padrão: sem juros)
//! primeiro_vencimento_dias = 5    # a entrada (ou a primeira parcela) vence 5 dias após a data da carta (0 a 365);
//!                                 # as parcelas, mês a mês
//! quebra_apos_dias = 10           # opcional: quebra de acordo — parcela em aberto há mais de 10 dias corridos do
//!                                 # vencimento (1 a 3650; padrão: o acordo nunca é quebrado pela régua)
//! quebra_canal = "email"          # opcional: por onde avisar a quebra (padrão: "carta")
//!
//! [[etapa]]
//! dias = -5                # dias em relação ao vencimento; negativo = antes do vencimento
//! acao = "lembrete"        # lembrete, aviso_vencimento, aviso_atraso, carta_cobranca, ligacao,
//!                          # protesto, negativacao, baixa, cancelamento, prorrogacao, abatimento,
//!                          # reemissao
//! canal = "email"          # por onde enviar (email, sms, whatsapp, carta, banco…): livre, repassado a quem envia
//! modelo = "lembrete.txt"  # opcional: o modelo da mensagem (crate::mensagem: renderizado com os dados do
//!                          # título em `mensagem`, ou repassado a quem envia)
//!
//! [[etapa]]
//! dias = 30
//! acao = "carta_cobranca"
//! canal = "carta"
//! valor_minimo = "100.00"     # opcional: só títulos cujo saldo devido na data é de pelo menos este valor
//!                             # (texto ou inteiro; nunca número com vírgula flutuante)
//! agrupar_por_pagador = true  # só para carta_cobranca: uma carta por pagador, com todos os títulos em aberto
//! modelo_pdf = "carta.md"     # opcional: o modelo do documento impresso (texto com a marcação de
//!                             # boleto_print::texto_pdf: # título, | tabela |), renderizado em `documento`
//!                             # e gravado em PDF por cnab regua --pdf-dir
//!
//! [[etapa]]
//! dias = 10
//! acao = "prorrogacao"        # instrução ao banco: alteração de vencimento
//! canal = "banco"
//! prazo_dias = 15             # só para prorrogacao: novo vencimento = data da execução + 15 dias
//!
//! [[etapa]]
//! dias = 20
//! acao = "abatimento"         # instrução ao banco: concessão de abatimento
//! canal = "banco"
//! abatimento_pct = "10"       # só para abatimento: % do valor do título (ou abatimento_valor = "50.00")
//!
//! [[etapa]]
//! dias = 25
//! acao = "reemissao"          # instrução ao banco: alteração de vencimento e, onde o leiaute do banco a tem,
//! canal = "banco"             # alteração do valor nominal para o valor devido no novo vencimento
//! prazo_dias = 10             # novo vencimento = data da execução + 10 dias (docs/reemissao.md)
//!
//! [[etapa]]
//! dias = -2
//! acao = "ligacao"
//! canal = "telefone"
//! se_nao_visualizado = true   # opcional: só se o pagador não abriu a segunda via (crate::segunda_via) até a
//!                             # data da etapa (vencimento + dias), inclusive
//! ```
//!
//! The steps through the bank (`protesto`, `baixa`, `prorrogacao`, `abatimento`, `reemissao`, see
//! [`Acao::via_banco`]) are issued like any other; [`crate::instrucao`] turns them into an instruction remessa with
//! each bank's movimento codes. A `reemissao` writes two títulos (the alteração de vencimento, and the alteração do
//! valor nominal when the bank's layout has one, [`crate::reemissao`]) and records each as an instruction of its
//! own (`prorrogacao` and `alteracao_valor`, same título and `dias`), so that each is matched to its own answer.
//!
//! Every key is checked: an unknown key, an unknown `acao`, a float for an amount, `agrupar_por_pagador`,
//! `prazo_dias` or `abatimento_*` on a step of another `acao` (or missing on its own), the same (`dias`, `acao`)
//! twice, a `reemissao` and a `prorrogacao` with the same `dias` (both would be the título's alteração de
//! vencimento of that step), or `acao = "alteracao_valor"` (it comes with a new due date: `reemissao`) is refused
//! with the key and its place.
//!
//! # Which steps are issued on a date
//!
//! For each **open** title (settled and written-off titles get nothing) the steps that *apply* to it are those whose
//! conditions hold on the date (`valor_minimo` against the amount due on the date). A step is *due* when
//! `vencimento + dias <= date`. Of the due steps, only those with the **largest** `dias` are issued: when the job did
//! not run for some days, a missed step is issued late only if no later step of the same title is also due; a step
//! overtaken by a later one is never issued (a payer 10 days late gets the aviso de atraso, not a lembrete "your
//! boleto is due in 5 days" as well). Each (título, `dias`, `acao`) is issued once: it is recorded in the ledger
//! ([`ReguaLedger`]) and appears in the title's history ([`crate::Event::Regua`]); a later run lists it in
//! `already_issued` instead.
//!
//! # Quebra de acordo
//!
//! With `[acordo] quebra_apos_dias = N`, each run first looks at the acordos in force
//! ([`crate::acordo::quebras`]): an acordo with an installment still **open** more than `N` **calendar** days
//! after its due date (`date − vencimento > N`, counted like the steps' `dias` and `inadimplente_apos_dias`: no
//! business-day shift, a due date on a weekend or holiday counts from that date) is broken, once:
//! - one action `quebra_acordo` (título: the installment overdue, the earliest when several are;
//!   `etapa_dias = N + 1`, the day the break comes due; canal `quebra_canal`) whose `quebra` carries the acordo,
//!   each installment (settled, or written off), what was paid under the acordo, and each original restored with
//!   its amount due on the date and its saldo;
//! - one `baixa` (canal `banco`, `etapa_dias` its days past due on the date) per installment written off: with
//!   `--remessa-out` (and the acordo's remessa among `--remessa`) it is the bank's pedido de baixa, tracked like
//!   any instruction;
//! - the ledger, in the same transaction as the actions: the acordo `quebrado`, the installments still open
//!   written off (`renegotiated`), the originals open again (the debt restored, less what the acordo got, see
//!   [`crate::acordo::quebras`]), an event in each history. The steps of the same run are planned after the
//!   break, so the originals get their due step (a carta listing them, `inadimplente`) at once.
//!
//! A fully paid acordo (no installment open) is never broken, nor a broken one again; a later run counts the
//! break in `already_issued`. A day the job did not run only delays the break to the next run. Payments are
//! applied before the régua runs (the day's retorno first), so an installment paid on time is never broken.
//!
//! A `carta_cobranca` step with `agrupar_por_pagador` becomes one action per payer (by CPF/CNPJ digits, or by name
//! when the document is empty) listing every open title of that payer with its amount due on the date; every title
//! whose step came due in this run is recorded as issued.
//!
//! ```
//! use baixa::{Ledger, MemoryLedger, Titulo};
//! use baixa::regua::{self, Politica};
//! use chrono::NaiveDate;
//! let politica = Politica::from_toml("[[etapa]]\ndias = -1\nacao = \"lembrete\"\ncanal = \"email\"\n").unwrap();
//! let mut ledger = MemoryLedger::new();
//! let d = |s: &str| s.parse::<NaiveDate>().unwrap();
//! ledger.import_titles(&[Titulo::new("NF-1", 341, "1", "10.00".parse().unwrap(), d("2026-03-10"))]).unwrap();
//! let run = regua::run(&mut ledger, &politica, d("2026-03-09")).unwrap();
//! assert_eq!((run.actions.len(), run.already_issued), (1, 0));
//! let again = regua::run(&mut ledger, &politica, d("2026-03-09")).unwrap();
//! assert_eq!((again.actions.len(), again.already_issued), (0, 1));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use crate::charges::{round_cents, valor_devido, Breakdown};
use crate::error::LedgerError;
use crate::ledger::Ledger;
use crate::outcome::{Status, TitleState};
use crate::titulo::{Pagador, Titulo};

/// What a step does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Acao {
    /// A friendly reminder before the due date.
    Lembrete,
    /// The due date is today (or very near).
    AvisoVencimento,
    /// The title is overdue.
    AvisoAtraso,
    /// A collection letter (optionally one per payer listing all open titles).
    CartaCobranca,
    /// A phone call.
    Ligacao,
    /// Protest through the bank.
    Protesto,
    /// Report to a credit bureau.
    Negativacao,
    /// Write off at the bank (pedido de baixa).
    Baixa,
    /// Cancel the title.
    Cancelamento,
    /// Extend the due date at the bank (prorrogação / alteração de vencimento), to `prazo_dias` after the run.
    Prorrogacao,
    /// Grant an abatimento at the bank (`abatimento_valor` or `abatimento_pct` of the face value).
    Abatimento,
    /// Reissue an overdue título at the bank ([`crate::reemissao`]): the alteração de vencimento to `prazo_dias`
    /// after the run, and the alteração do valor nominal to the amount due then where the bank's layout has one.
    /// Each of the two is tracked as an instruction of its own ([`Acao::Prorrogacao`], [`Acao::AlteracaoValor`]).
    Reemissao,
    /// The bank's alteração do valor nominal: the amount half of a reemissão, tracked as an instruction (never a
    /// step of its own in a policy: a new amount is the amount due on a new due date, so it comes with one).
    AlteracaoValor,
    /// The break of an acordo (quebra de acordo): an installment open more than the policy's `[acordo]`
    /// `quebra_apos_dias` after its due date ([`crate::acordo::quebras`]); the action carries the break in
    /// `quebra`. Never a step of its own in a policy.
    QuebraAcordo,
}

impl Acao {
    /// The snake_case name used in the policy, the JSON and the ledger.
    pub fn name(self) -> &'static str {
        match self {
            Acao::Lembrete => "lembrete",
            Acao::AvisoVencimento => "aviso_vencimento",
            Acao::AvisoAtraso => "aviso_atraso",
            Acao::CartaCobranca => "carta_cobranca",
            Acao::Ligacao => "ligacao",
            Acao::Protesto => "protesto",
            Acao::Negativacao => "negativacao",
            Acao::Baixa => "baixa",
            Acao::Cancelamento => "cancelamento",
            Acao::Prorrogacao => "prorrogacao",
            Acao::Abatimento => "abatimento",
            Acao::Reemissao => "reemissao",
            Acao::AlteracaoValor => "alteracao_valor",
            Acao::QuebraAcordo => "quebra_acordo",
        }
    }

    /// Whether the step goes through the bank (an instruction in a remessa, see [`crate::instrucao`]).
    pub fn via_banco(self) -> bool {
        matches!(
            self,
            Acao::Protesto
                | Acao::Baixa
                | Acao::Prorrogacao
                | Acao::Abatimento
                | Acao::Reemissao
                | Acao::AlteracaoValor
        )
    }

    /// Whether the bank's answer to it is tracked ([`crate::instrucao::conciliar`]): every step through the bank
    /// but a reemissão, whose two movimentos are tracked apart (as [`Acao::Prorrogacao`] and
    /// [`Acao::AlteracaoValor`]).
    pub fn rastreada(self) -> bool {
        self.via_banco() && self != Acao::Reemissao
    }
}

/// One step of the régua (`[[etapa]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Etapa {
    /// Days relative to the due date (negative = before).
    pub dias: i64,
    /// What to do.
    pub acao: Acao,
    /// Where to send it (free text handed to the sender).
    pub canal: String,
    /// Message template (free text handed to the sender).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modelo: Option<String>,
    /// The printed document's template (a text modelo in the markup of `boleto_print::texto_pdf`), rendered
    /// into the action's `documento` with the modelo's variables: the carta de cobrança as PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modelo_pdf: Option<String>,
    /// Only titles whose amount due on the date is at least this.
    #[serde(
        default,
        deserialize_with = "money_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub valor_minimo: Option<Decimal>,
    /// Cartas only: one per payer with all open titles.
    #[serde(default)]
    pub agrupar_por_pagador: bool,
    /// Prorrogação and reemissão only: the new due date is the run's date plus this many days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prazo_dias: Option<i64>,
    /// Abatimento only: a fixed amount.
    #[serde(
        default,
        deserialize_with = "money_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub abatimento_valor: Option<Decimal>,
    /// Abatimento only: a percentage of the face value (rounded half-up to centavos, as every charge).
    #[serde(
        default,
        deserialize_with = "money_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub abatimento_pct: Option<Decimal>,
    /// Only titles whose segunda via page was not opened on or before the step's date (`vencimento + dias`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub se_nao_visualizado: bool,
}

/// The régua (the policy file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Politica {
    /// Overdue for more than this many days = inadimplente.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inadimplente_apos_dias: Option<i64>,
    /// The steps.
    #[serde(default, rename = "etapa")]
    pub etapas: Vec<Etapa>,
    /// The limits of a negotiation (`[acordo]`): with them every carta de cobrança carries the proposal they
    /// allow ([`crate::acordo::proposta`]) in its `proposta`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acordo: Option<crate::acordo::Limites>,
}

/// A policy that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("régua policy: {0}")]
pub struct PoliticaError(pub String);

pub(crate) fn money_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Int(i64),
        Float(f64),
    }
    match Raw::deserialize(d)? {
        Raw::Text(s) => s
            .trim()
            .parse::<Decimal>()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("{s:?} is not an amount"))),
        Raw::Int(i) => Ok(Some(Decimal::from(i))),
        Raw::Float(f) => Err(serde::de::Error::custom(format!(
            "write the amount as text (\"{f}\"), not as a floating-point number"
        ))),
    }
}

impl Politica {
    /// Read and check a policy.
    ///
    /// ```
    /// use baixa::regua::Politica;
    /// let e = Politica::from_toml("[[etapa]]\ndias = 5\nacao = \"aviso_atraso\"\ncanal = \"sms\"\nmodel = \"x\"\n")
    ///     .unwrap_err();
    /// assert!(e.to_string().contains("unknown field `model`"), "{e}");
    /// ```
    ///
    /// # Errors
    /// A TOML syntax error, an unknown key or value (the message names it and its line), or a rule broken
    /// (see the module docs).
    pub fn from_toml(text: &str) -> Result<Politica, PoliticaError> {
        let p: Politica = toml::from_str(text).map_err(|e| PoliticaError(e.to_string()))?;
        p.check()?;
        Ok(p)
    }

    fn check(&self) -> Result<(), PoliticaError> {
        if let Some(n) = self.inadimplente_apos_dias {
            if n < 0 {
                return Err(PoliticaError(format!(
                    "inadimplente_apos_dias must be 0 or more, found {n}"
                )));
            }
        }
        if let Some(l) = &self.acordo {
            l.check().map_err(PoliticaError)?;
        }
        let mut seen = BTreeSet::new();
        for (i, e) in self.etapas.iter().enumerate() {
            let n = i + 1;
            if !seen.insert((e.dias, e.acao)) {
                return Err(PoliticaError(format!(
                    "etapa {n}: dias = {} with acao = {:?} appears twice",
                    e.dias,
                    e.acao.name()
                )));
            }
            if e.agrupar_por_pagador && e.acao != Acao::CartaCobranca {
                return Err(PoliticaError(format!(
                    "etapa {n}: agrupar_por_pagador is for acao = \"carta_cobranca\", not {:?}",
                    e.acao.name()
                )));
            }
            if e.canal.trim().is_empty() {
                return Err(PoliticaError(format!("etapa {n}: canal is empty")));
            }
            if let Some(m) = &e.modelo_pdf {
                let l = m.to_ascii_lowercase();
                if l.ends_with(".html") || l.ends_with(".htm") {
                    return Err(PoliticaError(format!(
                        "etapa {n}: modelo_pdf {m:?} is a text modelo (# títulos, | tabelas |), not HTML"
                    )));
                }
            }
            if e.valor_minimo.is_some_and(|v| v < Decimal::ZERO) {
                return Err(PoliticaError(format!(
                    "etapa {n}: valor_minimo must not be negative"
                )));
            }
            let only = |set: bool, key: &str, acao: Acao| {
                if set && e.acao != acao {
                    Err(PoliticaError(format!(
                        "etapa {n}: {key} is for acao = {:?}, not {:?}",
                        acao.name(),
                        e.acao.name()
                    )))
                } else {
                    Ok(())
                }
            };
            if e.prazo_dias.is_some() && !matches!(e.acao, Acao::Prorrogacao | Acao::Reemissao) {
                return Err(PoliticaError(format!(
                    "etapa {n}: prazo_dias is for acao = \"prorrogacao\" or \"reemissao\", not {:?}",
                    e.acao.name()
                )));
            }
            if e.acao == Acao::AlteracaoValor {
                return Err(PoliticaError(format!(
                    "etapa {n}: acao = \"alteracao_valor\" is not a step of its own: a new amount comes with a new \
                     due date, acao = \"reemissao\" (the alteração de vencimento and of the valor nominal)"
                )));
            }
            if e.acao == Acao::QuebraAcordo {
                return Err(PoliticaError(format!(
                    "etapa {n}: acao = \"quebra_acordo\" is not a step of its own: it is the [acordo] key \
                     quebra_apos_dias"
                )));
            }
            if e.acao == Acao::Reemissao
                && self
                    .etapas
                    .iter()
                    .any(|o| o.dias == e.dias && o.acao == Acao::Prorrogacao)
            {
                return Err(PoliticaError(format!(
                    "etapa {n}: a reemissao and a prorrogacao with dias = {}: both would be that step's alteração \
                     de vencimento",
                    e.dias
                )));
            }
            only(
                e.abatimento_valor.is_some(),
                "abatimento_valor",
                Acao::Abatimento,
            )?;
            only(
                e.abatimento_pct.is_some(),
                "abatimento_pct",
                Acao::Abatimento,
            )?;
            if matches!(e.acao, Acao::Prorrogacao | Acao::Reemissao)
                && !e.prazo_dias.is_some_and(|d| (1..=3650).contains(&d))
            {
                return Err(PoliticaError(format!(
                    "etapa {n}: acao = {:?} needs prazo_dias (1 to 3650 days after the run)",
                    e.acao.name()
                )));
            }
            if e.acao == Acao::Abatimento {
                match (e.abatimento_valor, e.abatimento_pct) {
                    (Some(v), None) if v > Decimal::ZERO && v.normalize().scale() <= 2 => {}
                    (None, Some(p)) if p > Decimal::ZERO && p <= Decimal::ONE_HUNDRED => {}
                    _ => {
                        return Err(PoliticaError(format!(
                            "etapa {n}: acao = \"abatimento\" needs exactly one of abatimento_valor (a positive \
                             amount in centavos) or abatimento_pct (more than 0, at most 100)"
                        )))
                    }
                }
            }
            if !(-3650..=3650).contains(&e.dias) {
                return Err(PoliticaError(format!(
                    "etapa {n}: dias = {} is more than ten years from the due date",
                    e.dias
                )));
            }
        }
        Ok(())
    }
}

/// One open title in a carta (grouped by payer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemCarta {
    /// The title's id.
    pub titulo: String,
    /// Seu número.
    pub seu_numero: String,
    /// Nosso número.
    pub nosso_numero: String,
    /// Due date.
    pub vencimento: NaiveDate,
    /// Face value.
    pub valor: Decimal,
    /// Already paid.
    pub pago: Decimal,
    /// The amount due on the date, component by component.
    pub devido: Breakdown,
    /// `devido.total − pago`, at least zero.
    pub saldo: Decimal,
    /// The registered boleto's linha digitável (47 digits), when the ledger knows it ([`Titulo::linha_digitavel`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linha_digitavel: Option<String>,
    /// The boleto híbrido's PIX copia e cola, when the ledger has one ([`Titulo::pix`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pix: Option<String>,
}

/// A carta listing every open title of a payer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Carta {
    /// The titles whose step came due in this run.
    pub gatilhos: Vec<String>,
    /// Every open title of the payer, by due date.
    pub titulos: Vec<ItemCarta>,
    /// Sum of the `saldo`s.
    pub total: Decimal,
}

/// One action issued: everything a sender needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcaoEmitida {
    /// The title's id (for a grouped carta: the first title whose step came due).
    pub titulo: String,
    /// What to do.
    pub acao: Acao,
    /// The step (days relative to the due date).
    pub etapa_dias: i64,
    /// The date the step came due (`vencimento + etapa_dias`); earlier than the run's date when issued late.
    pub data_etapa: NaiveDate,
    /// Where to send it.
    pub canal: String,
    /// Message template.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modelo: Option<String>,
    /// The payer.
    pub pagador: Pagador,
    /// Bank code.
    pub banco: u16,
    /// Nosso número.
    pub nosso_numero: String,
    /// Seu número.
    pub seu_numero: String,
    /// Face value.
    pub valor: Decimal,
    /// Due date.
    pub vencimento: NaiveDate,
    /// Already paid.
    pub pago: Decimal,
    /// The amount due on the run's date, component by component.
    pub devido: Breakdown,
    /// `devido.total − pago`, at least zero: what the payer owes today.
    pub saldo: Decimal,
    /// Overdue for more than the policy's `inadimplente_apos_dias`.
    pub inadimplente: bool,
    /// A grouped carta: every open title of the payer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carta: Option<Carta>,
    /// A carta de cobrança under a policy with `[acordo]` limits: the negotiation proposal they allow for the
    /// carta's títulos ([`crate::acordo::proposta`]); none when there is nothing to negotiate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposta: Option<crate::acordo::Proposta>,
    /// Prorrogação: the new due date (the run's date + `prazo_dias`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub novo_vencimento: Option<NaiveDate>,
    /// Abatimento: the amount granted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abatimento: Option<Decimal>,
    /// Reemissão (and its alteração de valor): the new valor nominal, the amount due on `novo_vencimento`
    /// ([`crate::reemissao::valor_nominal`]); none when the bank's layout has no alteração de valor (set by
    /// [`crate::instrucao::preparar`]: the boleto then keeps its face value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub novo_valor: Option<Decimal>,
    /// A step through the bank: the movimento written for it (set by [`crate::instrucao::preparar`]); for a
    /// reemissão, its alteração de vencimento.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrucao: Option<crate::instrucao::Instrucao>,
    /// A reemissão: the alteração do valor nominal's movimento, when the bank's layout has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrucao_valor: Option<crate::instrucao::Instrucao>,
    /// A `quebra_acordo`: the break (the acordo, its installments settled and written off, the originals
    /// restored with their amounts due on the date, [`crate::acordo::Quebra`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quebra: Option<crate::acordo::Quebra>,
    /// The message rendered from `modelo` (set by [`crate::mensagem::preparar`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mensagem: Option<String>,
    /// The step's `modelo_pdf`, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modelo_pdf: Option<String>,
    /// The `modelo_pdf` rendered (the printed document's text; `boleto_print::texto_pdf` makes the PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documento: Option<String>,
    /// The registered boleto's linha digitável (47 digits), when the ledger knows it ([`Titulo::linha_digitavel`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linha_digitavel: Option<String>,
    /// The boleto híbrido's PIX copia e cola, when the ledger has one ([`Titulo::pix`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pix: Option<String>,
}

/// What [`run`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReguaRun {
    /// The date of the run.
    pub date: NaiveDate,
    /// Actions newly issued by this run.
    pub actions: Vec<AcaoEmitida>,
    /// Actions due on the date that earlier runs had issued.
    pub already_issued: usize,
}

/// The identity of an issued step: (título id, `dias`, `acao`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Issued {
    /// Title id.
    pub titulo: String,
    /// The step's days.
    pub etapa_dias: i64,
    /// The step's action.
    pub acao: Acao,
}

/// One step to record as issued.
#[derive(Debug, Clone)]
pub struct Registro<'a> {
    /// Which step of which title.
    pub key: Issued,
    /// The canal it went to.
    pub canal: &'a str,
    /// The action as issued (stored with it).
    pub acao: &'a AcaoEmitida,
}

/// What the régua needs from a ledger besides [`Ledger`]: which steps were issued, and recording new ones.
///
/// Implemented by [`crate::MemoryLedger`], [`crate::SqliteLedger`] and [`crate::PostgresLedger`] (table
/// `regua_actions`, schema version 2).
pub trait ReguaLedger: Ledger {
    /// Every step issued so far.
    ///
    /// # Errors
    /// A backend failure.
    fn regua_issued(&mut self) -> Result<BTreeSet<Issued>, LedgerError>;

    /// Record steps as issued on `date`, each with an [`crate::Event::Regua`] in its title's history, in one
    /// transaction. Returns, for each, whether it was new (a step another run recorded meanwhile is `false`).
    ///
    /// # Errors
    /// A backend failure (nothing is then recorded).
    fn regua_record(
        &mut self,
        date: NaiveDate,
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError>;

    /// Record an acordo ([`crate::acordo`]) in one transaction: the acordo, its installments added as open titles,
    /// its originals marked renegotiated, an [`crate::Event::Acordo`] in each one's history (tables `acordos` and
    /// `acordo_titulos`, schema version 3).
    ///
    /// # Errors
    /// [`LedgerError::Invalid`] when an original is no longer open, or the acordo's id or an installment's id is
    /// already in the ledger; a backend failure. Nothing is then recorded.
    fn acordo_record(
        &mut self,
        acordo: &crate::acordo::Acordo,
        parcelas: &[Titulo],
    ) -> Result<(), LedgerError>;

    /// Every instruction the régua sent (a step through the bank recorded with its movimento, see
    /// [`crate::instrucao`]), with the bank's answer when a retorno gave one, by date sent.
    ///
    /// # Errors
    /// A backend failure.
    fn instrucoes(&mut self) -> Result<Vec<crate::instrucao::InstrucaoEnviada>, LedgerError>;

    /// Record the bank's answers to instructions ([`crate::instrucao::conciliar`]), each with an
    /// [`crate::Event::Instrucao`] in its título's history, in one transaction (table `instrucao_respostas`,
    /// schema version 5). Returns, for each, whether it was new (an instruction already answered keeps its first
    /// answer: `false`).
    ///
    /// # Errors
    /// A backend failure (nothing is then recorded).
    fn instrucoes_responder(
        &mut self,
        answers: &[(
            crate::instrucao::InstrucaoEnviada,
            crate::instrucao::Resposta,
        )],
    ) -> Result<Vec<bool>, LedgerError>;

    /// Every acordo recorded, in the order recorded.
    ///
    /// # Errors
    /// A backend failure.
    fn acordos(&mut self) -> Result<Vec<crate::acordo::Acordo>, LedgerError>;

    /// [`ReguaLedger::regua_record`] with the breaks of acordos the same run found ([`crate::acordo::quebras`]),
    /// in one transaction: for each break, its acordo's [`crate::acordo::Acordo::quebra`] set, the installments
    /// still open written off (`renegotiated`), the originals `open` again with their new `paid`
    /// ([`crate::acordo::aplicar_quebra`]), an [`crate::Event::Acordo`] in each one's history; then the items
    /// recorded as `regua_record` does. The ledgers here implement it; by default a ledger records no break.
    ///
    /// # Errors
    /// [`LedgerError::Invalid`] when an acordo is unknown or already broken, or a title is no longer in the
    /// state the break found (another run recorded it meanwhile); a backend failure. Nothing is then recorded.
    fn regua_record_quebras(
        &mut self,
        date: NaiveDate,
        quebras: &[crate::acordo::Quebra],
        items: &[Registro<'_>],
    ) -> Result<Vec<bool>, LedgerError> {
        if quebras.is_empty() {
            self.regua_record(date, items)
        } else {
            Err(LedgerError::Invalid(
                "quebra_apos_dias: this ledger does not record the break of an acordo".into(),
            ))
        }
    }
    /// The date of each título's first segunda via view, read only when a step has `se_nao_visualizado`. The
    /// ledgers that record views ([`crate::segunda_via::LinkLedger`]) answer it; by default a ledger says it
    /// cannot (never "no views", which would issue the step to everyone).
    ///
    /// # Errors
    /// A backend failure; [`LedgerError::Invalid`] for a ledger that does not record views.
    fn regua_first_views(&mut self) -> Result<BTreeMap<String, NaiveDate>, LedgerError> {
        Err(LedgerError::Invalid(
            "se_nao_visualizado: this ledger does not record segunda via views".into(),
        ))
    }
}

pub(crate) fn payer_key(p: &Pagador, id: &str) -> String {
    let digits: String = p.documento.chars().filter(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        format!("doc:{digits}")
    } else if !p.nome.trim().is_empty() {
        format!("nome:{}", p.nome.trim().to_uppercase())
    } else {
        format!("titulo:{id}")
    }
}

fn saldo(t: &Titulo, s: &TitleState, date: NaiveDate) -> (Breakdown, Decimal) {
    let b = valor_devido(t, date);
    let saldo = (b.total - s.paid).max(Decimal::ZERO);
    (b, saldo)
}

fn action(
    politica: &Politica,
    e: &Etapa,
    t: &Titulo,
    s: &TitleState,
    date: NaiveDate,
) -> AcaoEmitida {
    let (devido, saldo) = saldo(t, s, date);
    let atraso = (date - t.vencimento).num_days();
    AcaoEmitida {
        titulo: t.id.clone(),
        acao: e.acao,
        etapa_dias: e.dias,
        data_etapa: t.vencimento + Duration::days(e.dias),
        canal: e.canal.clone(),
        modelo: e.modelo.clone(),
        pagador: t.pagador.clone(),
        banco: t.banco.code(),
        nosso_numero: t.nosso_numero.clone(),
        seu_numero: t.seu_numero.clone(),
        valor: t.valor,
        vencimento: t.vencimento,
        pago: s.paid,
        devido,
        saldo,
        inadimplente: politica.inadimplente_apos_dias.is_some_and(|n| atraso > n),
        carta: None,
        proposta: None,
        novo_vencimento: e.prazo_dias.map(|n| date + Duration::days(n)),
        abatimento: e.abatimento_valor.or_else(|| {
            e.abatimento_pct
                .map(|p| round_cents(t.valor * p / Decimal::ONE_HUNDRED))
        }),
        novo_valor: e
            .prazo_dias
            .filter(|_| e.acao == Acao::Reemissao)
            .map(|n| crate::reemissao::valor_nominal(t, s, date + Duration::days(n))),
        instrucao: None,
        instrucao_valor: None,
        quebra: None,
        mensagem: None,
        modelo_pdf: e.modelo_pdf.clone(),
        documento: None,
        linha_digitavel: t.linha_digitavel.clone(),
        pix: t.pix.clone(),
    }
}

/// The steps due on `date` for every open title, before recording: (actions, keys per action, already issued).
fn plan_titles(
    politica: &Politica,
    titles: &[(Titulo, TitleState)],
    issued: &BTreeSet<Issued>,
    first_views: &BTreeMap<String, NaiveDate>,
    date: NaiveDate,
) -> (Vec<(AcaoEmitida, Vec<Issued>)>, usize) {
    let mut out: Vec<(AcaoEmitida, Vec<Issued>)> = Vec::new();
    let mut already = 0;
    // grouped cartas: (payer, dias, acao, canal) → index in `out`
    let mut grouped: BTreeMap<(String, i64, Acao), usize> = BTreeMap::new();
    for (t, s) in titles {
        if s.status != Status::Open {
            continue;
        }
        let (_, saldo_hoje) = saldo(t, s, date);
        let due: Vec<&Etapa> = politica
            .etapas
            .iter()
            .filter(|e| t.vencimento + Duration::days(e.dias) <= date)
            .filter(|e| e.valor_minimo.is_none_or(|m| saldo_hoje >= m))
            .filter(|e| {
                !e.se_nao_visualizado
                    || first_views
                        .get(&t.id)
                        .is_none_or(|v| *v > t.vencimento + Duration::days(e.dias))
            })
            .collect();
        let Some(latest) = due.iter().map(|e| e.dias).max() else {
            continue;
        };
        for e in due.into_iter().filter(|e| e.dias == latest) {
            let key = Issued {
                titulo: t.id.clone(),
                etapa_dias: e.dias,
                acao: e.acao,
            };
            if issued.contains(&key) {
                already += 1;
                continue;
            }
            if e.agrupar_por_pagador {
                let g = (payer_key(&t.pagador, &t.id), e.dias, e.acao);
                if let Some(&i) = grouped.get(&g) {
                    if let Some((a, keys)) = out.get_mut(i) {
                        keys.push(key);
                        if let Some(c) = a.carta.as_mut() {
                            c.gatilhos.push(t.id.clone());
                        }
                    }
                    continue;
                }
                let mut a = action(politica, e, t, s, date);
                let pk = payer_key(&t.pagador, &t.id);
                let mut itens: Vec<ItemCarta> = titles
                    .iter()
                    .filter(|(u, us)| {
                        us.status == Status::Open && payer_key(&u.pagador, &u.id) == pk
                    })
                    .map(|(u, us)| {
                        let (devido, saldo) = saldo(u, us, date);
                        ItemCarta {
                            titulo: u.id.clone(),
                            seu_numero: u.seu_numero.clone(),
                            nosso_numero: u.nosso_numero.clone(),
                            vencimento: u.vencimento,
                            valor: u.valor,
                            pago: us.paid,
                            devido,
                            saldo,
                            linha_digitavel: u.linha_digitavel.clone(),
                            pix: u.pix.clone(),
                        }
                    })
                    .collect();
                itens.sort_by(|x, y| (x.vencimento, &x.titulo).cmp(&(y.vencimento, &y.titulo)));
                let total = itens.iter().map(|i| i.saldo).sum();
                a.carta = Some(Carta {
                    gatilhos: vec![t.id.clone()],
                    titulos: itens,
                    total,
                });
                grouped.insert(g, out.len());
                out.push((a, vec![key]));
            } else {
                out.push((action(politica, e, t, s, date), vec![key]));
            }
        }
    }
    if let Some(l) = &politica.acordo {
        for (a, _) in out
            .iter_mut()
            .filter(|(a, _)| a.acao == Acao::CartaCobranca)
        {
            let ids: Vec<String> = match &a.carta {
                Some(c) => c.titulos.iter().map(|i| i.titulo.clone()).collect(),
                None => vec![a.titulo.clone()],
            };
            // the policy's limits were checked when it was read; what is left is "nothing to negotiate"
            a.proposta = crate::acordo::proposta(titles, &ids, l, date).ok();
        }
    }
    (out, already)
}

/// An action of the régua's own (not a policy step): the `quebra_acordo` of a break and the pedidos de baixa of
/// its installments.
fn acao_propria(
    politica: &Politica,
    dias: i64,
    acao: Acao,
    canal: &str,
    t: &Titulo,
    s: &TitleState,
    date: NaiveDate,
) -> AcaoEmitida {
    let e = Etapa {
        dias,
        acao,
        canal: canal.into(),
        modelo: None,
        modelo_pdf: None,
        valor_minimo: None,
        agrupar_por_pagador: false,
        prazo_dias: None,
        abatimento_valor: None,
        abatimento_pct: None,
        se_nao_visualizado: false,
    };
    action(politica, &e, t, s, date)
}

/// The breaks of acordos due on `date` under the policy's `[acordo] quebra_apos_dias` (none without it), each as
/// one `quebra_acordo` action (its key: the installment overdue, `etapa_dias = quebra_apos_dias + 1`, the day the
/// break comes due counted from its due date) followed by the pedido de baixa (`baixa`, canal `banco`,
/// `etapa_dias` its days past due on the date) of each installment written off; the breaks are applied to
/// `titles`, so the steps planned after them see the originals open again and the installments written off.
/// Returns (breaks, actions, already issued): a break recorded by an earlier run on or before `date` counts once
/// in `already_issued`.
#[allow(clippy::type_complexity)]
fn plan_quebras<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    politica: &Politica,
    titles: &mut [(Titulo, TitleState)],
    issued: &BTreeSet<Issued>,
    date: NaiveDate,
) -> Result<
    (
        Vec<crate::acordo::Quebra>,
        Vec<(AcaoEmitida, Vec<Issued>)>,
        usize,
    ),
    LedgerError,
> {
    let Some((n, canal)) = politica.acordo.as_ref().and_then(|l| {
        l.quebra_apos_dias
            .map(|n| (n, l.quebra_canal.clone().unwrap_or_else(|| "carta".into())))
    }) else {
        return Ok(Default::default());
    };
    let key = |parcela: &str, n: i64| Issued {
        titulo: parcela.to_string(),
        etapa_dias: n + 1,
        acao: Acao::QuebraAcordo,
    };
    let acordos = ledger.acordos()?;
    let mut already = acordos
        .iter()
        .filter_map(|a| a.quebra.as_ref())
        .filter(|q| q.data <= date && issued.contains(&key(&q.parcela, q.quebra_apos_dias)))
        .count();
    let mut quebras = Vec::new();
    let mut out = Vec::new();
    for q in crate::acordo::quebras(&acordos, titles, n, date)? {
        let k = key(&q.parcela, n);
        if issued.contains(&k) {
            already += 1;
            continue;
        }
        let Some((t, s)) = titles.iter().find(|(t, _)| t.id == q.parcela) else {
            continue;
        };
        let mut a = acao_propria(politica, n + 1, Acao::QuebraAcordo, &canal, t, s, date);
        a.quebra = Some(q.clone());
        out.push((a, vec![k]));
        for p in q.parcelas.iter().filter(|p| p.baixada) {
            let Some((t, s)) = titles.iter().find(|(t, _)| t.id == p.titulo) else {
                continue;
            };
            let dias = (date - t.vencimento).num_days();
            let k = Issued {
                titulo: t.id.clone(),
                etapa_dias: dias,
                acao: Acao::Baixa,
            };
            // a pedido de baixa the policy's own `baixa` step already sent that day is not sent again
            if !issued.contains(&k) {
                out.push((
                    acao_propria(politica, dias, Acao::Baixa, "banco", t, s, date),
                    vec![k],
                ));
            }
        }
        crate::acordo::aplicar_quebra(titles, &q);
        quebras.push(q);
    }
    Ok((quebras, out, already))
}

/// The first segunda via view of each título, read only when a step asks for it (`se_nao_visualizado`).
fn first_views<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    politica: &Politica,
) -> Result<BTreeMap<String, NaiveDate>, LedgerError> {
    if politica.etapas.iter().any(|e| e.se_nao_visualizado) {
        ledger.regua_first_views()
    } else {
        Ok(BTreeMap::new())
    }
}

/// The tracked instructions of a reemissão whose movimentos were set ([`crate::instrucao::preparar`]): its
/// alteração de vencimento as a `prorrogacao` and, when the bank has one, its alteração de valor as an
/// `alteracao_valor`, each with its movimento in `instrucao`. None for any other action.
pub fn metades(a: &AcaoEmitida) -> Vec<AcaoEmitida> {
    let (Acao::Reemissao, Some(v)) = (a.acao, &a.instrucao) else {
        return Vec::new();
    };
    let mut venc = a.clone();
    venc.acao = Acao::Prorrogacao;
    venc.instrucao = Some(v.clone());
    venc.instrucao_valor = None;
    venc.novo_valor = None;
    venc.carta = None;
    venc.mensagem = None;
    venc.documento = None;
    let mut out = vec![venc];
    if let (Some(iv), Some(_)) = (&a.instrucao_valor, a.novo_valor) {
        let mut valor = a.clone();
        valor.acao = Acao::AlteracaoValor;
        valor.instrucao = Some(iv.clone());
        valor.instrucao_valor = None;
        valor.carta = None;
        valor.mensagem = None;
        valor.documento = None;
        out.push(valor);
    }
    out
}

/// What [`run`] would issue on `date`, without recording anything (a step another run records meanwhile may still
/// be listed here and then not issued by `run`).
///
/// # Errors
/// A ledger failure.
pub fn plan<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    politica: &Politica,
    date: NaiveDate,
) -> Result<ReguaRun, LedgerError> {
    let mut titles = ledger.titles()?;
    let issued = ledger.regua_issued()?;
    let first_views = first_views(ledger, politica)?;
    let (_, mut planned, quebradas) = plan_quebras(ledger, politica, &mut titles, &issued, date)?;
    let (steps, already) = plan_titles(politica, &titles, &issued, &first_views, date);
    planned.extend(steps);
    Ok(ReguaRun {
        date,
        actions: planned.into_iter().map(|(a, _)| a).collect(),
        already_issued: already + quebradas,
    })
}

/// Run the régua on `date`: issue every step due (see the module docs), record them, return the new ones.
///
/// # Errors
/// A ledger failure (nothing is then recorded).
pub fn run<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    politica: &Politica,
    date: NaiveDate,
) -> Result<ReguaRun, LedgerError> {
    run_with(ledger, politica, date, |_| Ok(()))
}

/// [`run`] with a step between planning and recording: `prepare` sees the actions about to be recorded and may
/// complete them (as [`crate::instrucao::preparar`] sets the bank's movimento of the steps through the bank) or
/// refuse them all (its error is returned and nothing is recorded).
///
/// # Errors
/// A ledger failure or `prepare`'s error (nothing is then recorded).
pub fn run_with<L: ReguaLedger + ?Sized>(
    ledger: &mut L,
    politica: &Politica,
    date: NaiveDate,
    prepare: impl FnOnce(&mut [AcaoEmitida]) -> Result<(), LedgerError>,
) -> Result<ReguaRun, LedgerError> {
    let mut titles = ledger.titles()?;
    let issued = ledger.regua_issued()?;
    let first_views = first_views(ledger, politica)?;
    // the breaks first: the steps are planned on the titles as the breaks leave them
    let (quebras, mut planned, quebradas) =
        plan_quebras(ledger, politica, &mut titles, &issued, date)?;
    let (steps, mut already) = plan_titles(politica, &titles, &issued, &first_views, date);
    planned.extend(steps);
    already += quebradas;
    {
        let mut actions: Vec<AcaoEmitida> = planned.iter().map(|(a, _)| a.clone()).collect();
        prepare(&mut actions)?;
        for ((a, _), b) in planned.iter_mut().zip(actions) {
            *a = b;
        }
    }
    // a reemissão written to the bank: its two movimentos, each recorded as an instruction of its own
    let halves: Vec<AcaoEmitida> = planned.iter().flat_map(|(a, _)| metades(a)).collect();
    let mut items = Vec::new();
    for (a, keys) in &planned {
        for k in keys {
            items.push(Registro {
                key: k.clone(),
                canal: &a.canal,
                acao: a,
            });
        }
    }
    // after every planned key, so that the answers below are read in the same order
    for h in &halves {
        items.push(Registro {
            key: Issued {
                titulo: h.titulo.clone(),
                etapa_dias: h.etapa_dias,
                acao: h.acao,
            },
            canal: &h.canal,
            acao: h,
        });
    }
    let fresh = ledger.regua_record_quebras(date, &quebras, &items)?;
    let mut fresh = fresh.into_iter();
    let mut actions = Vec::new();
    for (mut a, keys) in planned {
        let mut kept = Vec::new();
        for k in keys {
            if fresh.next().unwrap_or(false) {
                kept.push(k.titulo);
            } else {
                already += 1;
            }
        }
        let Some(first) = kept.first() else {
            continue;
        };
        if *first != a.titulo {
            // a grouped carta whose first trigger another run recorded meanwhile: the action speaks for the
            // first trigger this run recorded
            let etapa = politica
                .etapas
                .iter()
                .find(|e| e.dias == a.etapa_dias && e.acao == a.acao);
            if let (Some(e), Some((t, s))) = (etapa, titles.iter().find(|(t, _)| t.id == *first)) {
                let carta = a.carta.take();
                let proposta = a.proposta.take();
                let instrucao = a.instrucao.take();
                let mensagem = a.mensagem.take();
                a = action(politica, e, t, s, date);
                a.carta = carta;
                a.proposta = proposta;
                a.instrucao = instrucao;
                a.mensagem = mensagem;
            }
        }
        if let Some(c) = a.carta.as_mut() {
            c.gatilhos = kept;
        }
        actions.push(a);
    }
    Ok(ReguaRun {
        date,
        actions,
        already_issued: already,
    })
}
