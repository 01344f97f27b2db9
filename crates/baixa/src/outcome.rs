//! What happened to each entry, with the amounts that explain it.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use cnab_core::{OcorrenciaKind, RetornoEntry};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::charges::Breakdown;
use crate::key::EntryId;

/// One outcome per entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// Entrada confirmada: the bank registered the title.
    Registered,
    /// Entrada or instruction rejected; `motivos` carries the bank's reasons.
    Rejected,
    /// An instruction (alteração, prorrogação, abatimento…) was confirmed.
    InstructionConfirmed,
    /// Information only (título em ser, DDA…): nothing to settle.
    Information,
    /// Paid the amount due, in time.
    Paid,
    /// Paid after the due date; the charges (computed from the rules or reported by the bank) explain the amount.
    PaidLate,
    /// Paid less than due; the title stays open for the rest.
    Underpaid,
    /// Paid more than due (or paid again after being settled).
    Overpaid,
    /// Money arrived for a title that had been written off.
    PaidAfterWriteOff,
    /// The bank wrote the title off (baixa).
    WrittenOff,
    /// Protest events (sent to the notary, protested, withdrawn).
    Protest,
    /// Fees only (tarifas, custas).
    FeeOnly,
    /// No title matches the entry.
    Unmatched,
    /// This entry (same content) was already applied: nothing settled again.
    Duplicate,
    /// An ocorrência the bank's table does not list, or none: reported, nothing settled.
    Unrecognized,
}

impl Outcome {
    /// Every outcome, in report order.
    pub const ALL: [Outcome; 15] = [
        Outcome::Registered,
        Outcome::Rejected,
        Outcome::InstructionConfirmed,
        Outcome::Information,
        Outcome::Paid,
        Outcome::PaidLate,
        Outcome::Underpaid,
        Outcome::Overpaid,
        Outcome::PaidAfterWriteOff,
        Outcome::WrittenOff,
        Outcome::Protest,
        Outcome::FeeOnly,
        Outcome::Unmatched,
        Outcome::Duplicate,
        Outcome::Unrecognized,
    ];

    /// The snake_case name (`"paid_late"`).
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Registered => "registered",
            Outcome::Rejected => "rejected",
            Outcome::InstructionConfirmed => "instruction_confirmed",
            Outcome::Information => "information",
            Outcome::Paid => "paid",
            Outcome::PaidLate => "paid_late",
            Outcome::Underpaid => "underpaid",
            Outcome::Overpaid => "overpaid",
            Outcome::PaidAfterWriteOff => "paid_after_write_off",
            Outcome::WrittenOff => "written_off",
            Outcome::Protest => "protest",
            Outcome::FeeOnly => "fee_only",
            Outcome::Unmatched => "unmatched",
            Outcome::Duplicate => "duplicate",
            Outcome::Unrecognized => "unrecognized",
        }
    }

    /// From the snake_case name.
    pub fn from_name(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.name() == s)
    }

    /// True for the outcomes that settle money against a title.
    pub fn settles_money(self) -> bool {
        matches!(
            self,
            Outcome::Paid
                | Outcome::PaidLate
                | Outcome::Underpaid
                | Outcome::Overpaid
                | Outcome::PaidAfterWriteOff
        )
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How the entry found its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// Bank, agreement and nosso número.
    NossoNumero,
    /// The nosso número with its DV appended.
    NossoNumeroDv,
    /// A nosso número the bank assigned, linked by an earlier entrada confirmada.
    Link,
    /// Seu número.
    SeuNumero,
    /// Uso da empresa (the title's id or seu número echoed by the bank).
    UsoEmpresa,
}

/// Where the charges that explain a late payment came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChargesFrom {
    /// The title's multa/juros/desconto rules ([`crate::valor_devido`]).
    Rules,
    /// The juros/multa, desconto and abatimento the bank reported in the entry.
    Bank,
}

/// What happened to one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryOutcome {
    /// 1-based line of the entry in its file (0 for a settlement by hand).
    pub line: usize,
    /// Content identity.
    #[serde(serialize_with = "ser_id", deserialize_with = "de_id")]
    pub identity: EntryId,
    /// The outcome.
    pub outcome: Outcome,
    /// The ocorrência's normalized kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocorrencia: Option<OcorrenciaKind>,
    /// The title, when matched.
    pub title_id: Option<Arc<str>>,
    /// How it was matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
    /// Date of the event (payment date for payments).
    pub date: Option<NaiveDate>,
    /// What was due (remaining balance on `date`), for payments.
    pub expected: Option<Decimal>,
    /// What was paid.
    pub paid: Option<Decimal>,
    /// `paid − expected`.
    pub difference: Option<Decimal>,
    /// Net amount credited by the bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credited: Option<Decimal>,
    /// Bank fees in the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<Decimal>,
    /// Juros and multa the bank reports it collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_charges: Option<Decimal>,
    /// The amount due computed from the title's rules on `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<Breakdown>,
    /// Where the charges that explain `expected` came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charges_from: Option<ChargesFrom>,
    /// The bank's reasons (`"code: description"`), for rejections and other entries that carry them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub motivos: Vec<String>,
    /// A remark when something needs a human (`"title already settled"`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn ser_id<S: serde::Serializer>(id: &EntryId, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(id)
}

fn de_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<EntryId, D::Error> {
    let s = String::deserialize(d)?;
    s.parse()
        .map_err(|_| serde::de::Error::custom("bad entry identity"))
}

impl EntryOutcome {
    /// The outcome skeleton of an entry: amounts copied, outcome `Unrecognized` until classified.
    pub fn from_entry(e: &RetornoEntry, identity: EntryId) -> Self {
        EntryOutcome {
            line: e.line,
            identity,
            outcome: Outcome::Unrecognized,
            ocorrencia: e.ocorrencia.as_ref().map(|o| o.kind),
            title_id: None,
            matched_by: None,
            date: e.data_ocorrencia.or(e.data_credito),
            expected: None,
            paid: e.valor_pago,
            difference: None,
            credited: e.valor_creditado,
            fees: e.tarifa.filter(|d| !d.is_zero()),
            bank_charges: e.juros_multa.filter(|d| !d.is_zero()),
            breakdown: None,
            charges_from: None,
            motivos: Vec::new(),
            note: None,
        }
    }
}

impl EntryOutcome {
    /// The full row of an entry from its compact row, the title's id and the breakdown.
    pub(crate) fn from_row(
        e: &RetornoEntry,
        identity: EntryId,
        row: &OutcomeRow,
        title_id: Option<Arc<str>>,
        breakdown: Option<Breakdown>,
    ) -> Self {
        EntryOutcome {
            line: e.line,
            identity,
            outcome: row.outcome,
            ocorrencia: e.ocorrencia.as_ref().map(|o| o.kind),
            title_id,
            matched_by: row.matched_by,
            date: row.date,
            expected: row.expected,
            paid: row.paid,
            difference: row.difference,
            credited: e.valor_creditado,
            fees: e.tarifa.filter(|d| !d.is_zero()),
            bank_charges: e.juros_multa.filter(|d| !d.is_zero()),
            breakdown,
            charges_from: row.charges_from,
            motivos: e
                .motivos
                .iter()
                .map(|m| match &m.description {
                    Some(d) => format!("{}: {}", m.code, d),
                    None => m.code.clone(),
                })
                .collect(),
            note: row.note.text(),
        }
    }
}

/// Why an outcome carries a note: the text is written when the full [`EntryOutcome`] is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Note {
    /// No note.
    #[default]
    None,
    PaidAgain,
    Renegotiated,
    NetOfFee(Decimal),
    NoSuchTitle,
    AlreadyApplied,
    NoAmount,
    NoDate,
    Already(Status),
}

impl Note {
    /// The note's text.
    pub(crate) fn text(self) -> Option<String> {
        Some(match self {
            Note::None => return None,
            Note::PaidAgain => "title already settled: paid again".into(),
            Note::Renegotiated => {
                "title renegotiated in an acordo (an original its installments replace, or an installment of a \
                 broken acordo, which the original debt replaces): the money is reported, not applied"
                    .into()
            }
            Note::NetOfFee(fee) => {
                format!("the amount paid is reported net of the bank fee ({fee}): paid in full")
            }
            Note::NoSuchTitle => "no such title in the ledger".into(),
            Note::AlreadyApplied => "an entry with the same content was already applied".into(),
            Note::NoAmount => "the entry carries no amount paid".into(),
            Note::NoDate => "no payment date: taken as paid on the due date".into(),
            Note::Already(s) => format!("title already {}", s.name()),
        })
    }
}

/// What happened to one entry, in compact form: what [`crate::reconcile`] keeps per entry (no allocation, about a
/// quarter of an [`EntryOutcome`]). The rest of the full row comes from the entry itself (line, amounts credited
/// and charged, the bank's reasons), the title (its id) and the title's rules (the breakdown, computed again on
/// the payment date): [`crate::Report::entry`] makes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutcomeRow {
    /// The outcome.
    pub outcome: Outcome,
    /// How the title was found.
    pub matched_by: Option<MatchedBy>,
    /// Where the charges that explain `expected` came from.
    pub charges_from: Option<ChargesFrom>,
    /// The title (its index among the titles reconciled, or a ledger's row).
    pub title: Option<u64>,
    /// Date of the event (payment date for payments).
    pub date: Option<NaiveDate>,
    /// What was due (remaining balance on `date`), for payments.
    pub expected: Option<Decimal>,
    /// What was paid.
    pub paid: Option<Decimal>,
    /// `paid − expected`.
    pub difference: Option<Decimal>,
    pub(crate) note: Note,
    /// The amount due was computed from the title's rules on `date`.
    pub(crate) breakdown: bool,
}

impl OutcomeRow {
    /// The skeleton of an entry's row: outcome `Unrecognized` until classified.
    pub(crate) fn from_entry(e: &RetornoEntry) -> Self {
        OutcomeRow {
            outcome: Outcome::Unrecognized,
            matched_by: None,
            charges_from: None,
            title: None,
            date: e.data_ocorrencia.or(e.data_credito),
            expected: None,
            paid: e.valor_pago,
            difference: None,
            note: Note::None,
            breakdown: false,
        }
    }

    /// The note's text, if any.
    pub fn note(&self) -> Option<String> {
        self.note.text()
    }
}

/// Where a title stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not (fully) paid.
    #[default]
    Open,
    /// Paid (by the bank or by hand).
    Settled,
    /// Written off by the bank and not paid.
    WrittenOff,
    /// Replaced by the installments of an acordo ([`crate::acordo`]), or an installment of a broken acordo
    /// replaced by the original debt restored ([`crate::acordo::quebras`]): no longer owed as such.
    Renegotiated,
}

impl Status {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Settled => "settled",
            Status::WrittenOff => "written_off",
            Status::Renegotiated => "renegotiated",
        }
    }
    /// From the snake_case name.
    pub fn from_name(s: &str) -> Option<Status> {
        [
            Status::Open,
            Status::Settled,
            Status::WrittenOff,
            Status::Renegotiated,
        ]
        .into_iter()
        .find(|x| x.name() == s)
    }
}

/// The mutable state of a title in a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TitleState {
    /// Open, settled or written off.
    pub status: Status,
    /// Money received so far.
    pub paid: Decimal,
    /// The bank confirmed the registration.
    pub registered: bool,
    /// The nosso número the bank assigned (linked by an entrada confirmada), when the title had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_nosso_numero: Option<String>,
    /// Date of the payment that settled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled_on: Option<NaiveDate>,
}

/// How money received outside the boleto arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Meio {
    /// Bank deposit.
    Deposito,
    /// Transfer (TED/DOC).
    Transferencia,
    /// Cash.
    Dinheiro,
    /// PIX outside the boleto.
    Pix,
    /// Anything else.
    Outro,
}

impl std::str::FromStr for Meio {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "deposito" => Meio::Deposito,
            "transferencia" => Meio::Transferencia,
            "dinheiro" => Meio::Dinheiro,
            "pix" => Meio::Pix,
            "outro" => Meio::Outro,
            _ => {
                return Err(format!(
                    "meio must be deposito, transferencia, dinheiro, pix or outro, found {s:?}"
                ))
            }
        })
    }
}

/// A title settled by hand, with who, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualSettlement {
    /// The title's id.
    pub title_id: String,
    /// Amount received.
    pub valor: Decimal,
    /// Date the money was received.
    pub data: NaiveDate,
    /// How.
    pub meio: Meio,
    /// Who recorded it.
    pub por: String,
    /// When it was recorded (`None`: now).
    pub em: Option<NaiveDateTime>,
    /// Why.
    pub motivo: String,
}

/// One line of a title's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The title entered the ledger (or its data changed).
    Imported {
        /// The title as imported.
        titulo: Box<crate::Titulo>,
    },
    /// A retorno entry concerned the title.
    Entry {
        /// The file's identity.
        file_id: String,
        /// What happened.
        outcome: Box<EntryOutcome>,
    },
    /// The bank's nosso número was linked to the title.
    Linked {
        /// The nosso número.
        nosso_numero: String,
        /// The file's identity.
        file_id: String,
    },
    /// Settled by hand.
    ManualSettlement {
        /// Who, when, why, how much.
        settlement: ManualSettlement,
        /// How it was classified.
        outcome: Box<EntryOutcome>,
    },
    /// A step of the régua de cobrança was issued ([`crate::regua`]).
    Regua {
        /// The run's date.
        data: NaiveDate,
        /// What was issued.
        acao: crate::regua::Acao,
        /// The step (days relative to the due date).
        etapa_dias: i64,
        /// Where it went.
        canal: String,
        /// What the payer owed on that date.
        saldo: Decimal,
    },
    /// The title entered an acordo ([`crate::acordo`]): replaced by its installments, or one of them; or the
    /// acordo was broken ([`crate::acordo::quebras`]).
    Acordo {
        /// The acordo's id.
        acordo: String,
        /// The agreement's date (for a break: the break's).
        data: NaiveDate,
        /// `"original"` (a title the acordo replaced) or `"parcela"` (one of its installments); on a break,
        /// `"restaurado"` (an original open again) or `"quebra"` (an installment written off).
        papel: String,
        /// Original: what it owed on the date; parcela: its amount; restaurado: what it owes again on the date;
        /// quebra: the installment's open balance written off.
        valor: Decimal,
    },
    /// The payer opened the título's segunda via page ([`crate::segunda_via`]).
    Visualizado {
        /// When (UTC), to the second.
        em: chrono::NaiveDateTime,
        /// A coarse hint of the client from its User-Agent (`Chrome, computador`), see
        /// [`crate::segunda_via::client_hint`].
        cliente: String,
        /// The client's address: only when the server was told to keep it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ip: Option<String>,
    },
    /// The bank answered an instruction the régua sent ([`crate::instrucao::conciliar`]): confirmed or rejected.
    Instrucao {
        /// The step whose instruction it answers.
        acao: crate::regua::Acao,
        /// The step's days.
        etapa_dias: i64,
        /// The movimento code the instruction remessa carried.
        movimento: String,
        /// The date the instruction was sent (the régua run's date).
        enviada_em: NaiveDate,
        /// The retorno entry that answered it.
        resposta: Box<crate::instrucao::Resposta>,
        /// A prorrogação confirmed: the título's new due date, now in the ledger.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        novo_vencimento: Option<NaiveDate>,
        /// An abatimento confirmed: the título's abatimento, now in the ledger.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        abatimento: Option<Decimal>,
        /// An alteração de valor confirmed: the bank's new valor nominal (the título's face value is now this
        /// plus what was received before, see [`crate::instrucao::InstrucaoEnviada::aplicar`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        novo_valor: Option<Decimal>,
    },
}
