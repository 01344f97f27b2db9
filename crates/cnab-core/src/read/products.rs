//! The entries of the CNAB 240 products read structurally ([`super::read_structure`]): one [`Pagamento`] per payment
//! of a pagamentos batch (segment A, J, N or O with the B, J-52 and Z that follow it) and one [`Lancamento`] per
//! segment E of an extrato batch, decoded from the records the batch's own tables named
//! (`layouts::pagamentos240`, `layouts::extrato240`), and the batch trailers' totals checked against them where
//! FEBRABAN defines them (pagamentos: P007 somatória dos valores, 24-41; extrato: somatórias de débitos 177-194 and
//! de créditos 195-212). Cobrança batches are left to the cobrança reader: their entries are not here.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Batch;
use crate::bank::RecordKey;
use crate::error::{Error, ErrorKind};
use crate::field::{decode_text, Value};
use crate::layouts::pagamentos240::ocorrencia_description;
use crate::model::{Inscricao, Product};
use crate::record::{RawRecord, Record};

/// One code of a payment's ocorrências (231-240: up to five two-character codes), with FEBRABAN's meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OcorrenciaPagamento {
    /// The code as sent (`"00"`, `"BD"`).
    pub code: String,
    /// FEBRABAN's description (CNAB 240 v10.7, G059); `None` for a code its table does not list (a bank's own).
    pub description: Option<&'static str>,
}

/// Who receives a payment: the favorecido of a segment A (its name at 44-73, its CPF/CNPJ in the segment B at
/// 18-32), the beneficiário (cedente) of a título paid by a segment J (its name at 62-91, its CPF/CNPJ in the J-52 at
/// 76-91), the contribuinte of a tributo (segment N, 58-87) or the concessionária (segment O, 62-91).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Favorecido {
    /// The name as sent.
    pub nome: String,
    /// CPF or CNPJ, where a sub-record carries it (segment B, J-52).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inscricao: Option<Inscricao>,
}

/// One payment of a CNAB 240 pagamentos batch (FEBRABAN 240 v10.7, "Pagamentos"): a segment A (crédito em conta,
/// DOC, TED), J (título de cobrança), N (tributo without barcode) or O (concessionária, tributo with barcode), with
/// the records that follow it until the next payment (B, J-52, Z).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pagamento {
    /// The batch (lote, 4-7).
    pub lote: String,
    /// The batch's service code (G025, header de lote 10-11).
    pub servico: String,
    /// The payment's segment: `A`, `J`, `N` or `O`.
    pub segmento: char,
    /// G060 tipo de movimento (15).
    pub tipo_movimento: String,
    /// G061 código da instrução para movimento (16-17).
    pub codigo_instrucao_movimento: String,
    /// Who receives it.
    pub favorecido: Favorecido,
    /// The company's number for the payment (seu número: A 74-93, J 183-202, N 18-37, O 123-142).
    pub seu_numero: String,
    /// The bank's number for it (nosso número: A 135-154, J 203-222, N 38-57, O 143-162), blank in a remessa.
    pub nosso_numero: String,
    /// The date of the payment (A 94-101, J 145-152, N 88-95, O 100-107).
    pub data_pagamento: Option<NaiveDate>,
    /// The amount of the payment (A 120-134, J 153-167, N 96-110, O 108-122): what the batch trailer's somatória
    /// dos valores adds up.
    pub valor_pagamento: Option<Decimal>,
    /// Segment A in a retorno: the date the bank made the payment (data real da efetivação, 155-162).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_efetivacao: Option<NaiveDate>,
    /// Segment A in a retorno: the amount the bank made it for (valor real da efetivação, 163-177).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valor_efetivado: Option<Decimal>,
    /// Segments J and O: the due date (92-99).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vencimento: Option<NaiveDate>,
    /// Segment J: the título's face value (100-114).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valor_titulo: Option<Decimal>,
    /// Segments J and O: the barcode paid (18-61).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codigo_barras: Option<String>,
    /// The bank's ocorrências (231-240), in order; empty in a remessa.
    pub ocorrencias: Vec<OcorrenciaPagamento>,
    /// The authentication of a segment Z that followed (15-78).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autenticacao: Option<String>,
    /// The bank's control number of a segment Z that followed (79-103: its protocolo, as BB fills it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controle_bancario: Option<String>,
    /// 1-based line of the payment's segment.
    pub line: usize,
    /// 1-based line of its last record (its sub-records are the lines after `line`, up to this one).
    pub last_line: usize,
}

impl Pagamento {
    /// True when an ocorrência says the payment was made: FEBRABAN G059 `00` "crédito ou débito efetivado" or `03`
    /// "débito autorizado pela agência – efetuado".
    pub fn efetivado(&self) -> bool {
        self.ocorrencias
            .iter()
            .any(|o| o.code == "00" || o.code == "03")
    }
}

/// Débito or crédito (FEBRABAN 240 v10.7, segment E 169 "tipo de lançamento": `D`, `C`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DebitoCredito {
    /// `D`: money out of the account.
    Debito,
    /// `C`: money into the account.
    Credito,
}

/// One lançamento of a CNAB 240 extrato batch: a segment E (FEBRABAN 240 v10.7, "Extrato para Conciliação
/// Bancária").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lancamento {
    /// The batch (lote, 4-7).
    pub lote: String,
    /// The date of the lançamento (143-150).
    pub data_lancamento: Option<NaiveDate>,
    /// The accounting date (data contábil, 135-142).
    pub data_contabil: Option<NaiveDate>,
    /// The amount (151-168).
    pub valor: Option<Decimal>,
    /// Débito or crédito (169); `None` when blank.
    pub tipo: Option<DebitoCredito>,
    /// Natureza do lançamento (109-111: `DPV`, `SCR`, `SSR`, `CPV`), as sent.
    pub natureza: String,
    /// Categoria do lançamento (170-172), as sent.
    pub categoria: String,
    /// Código do histórico no banco (173-176).
    pub codigo_historico: String,
    /// Descrição do histórico no banco (177-201).
    pub historico: String,
    /// Número do documento / complemento (202-240).
    pub documento: String,
    /// 1-based line.
    pub line: usize,
}

/// What the batches of other products give: payments, lançamentos and the problems found decoding them.
#[derive(Default)]
pub(crate) struct Entries {
    pub(crate) pagamentos: Vec<Pagamento>,
    pub(crate) lancamentos: Vec<Lancamento>,
    pub(crate) problems: Vec<Error>,
}

impl Entries {
    /// A typed field of `r`; a field that does not decode is a problem (line, columns, field) and `None`.
    fn typed(&mut self, r: &Record<'_>, name: &str) -> Value {
        match r.get(name) {
            Some(Ok(v)) => v,
            Some(Err(e)) => {
                self.problems.push(e);
                Value::None
            }
            None => Value::None,
        }
    }
    /// A text field of `r` (empty when the record has no such field). A field that does not decode (a control
    /// byte in it) is a problem (line, columns, field), and its bytes are kept as read.
    fn text(&mut self, r: &Record<'_>, name: &str) -> String {
        match r.get(name) {
            Some(Ok(Value::Text(s))) => s,
            Some(Ok(Value::None)) | None => String::new(),
            Some(Ok(_)) => r.raw(name).map(decode_text).unwrap_or_default(),
            Some(Err(e)) => {
                self.problems.push(e);
                r.raw(name).map(decode_text).unwrap_or_default()
            }
        }
    }
    /// The CPF/CNPJ of a sub-record: `tipo` (1 CPF, 2 CNPJ) and `numero`; `None` when the number is blank. A tipo
    /// that is not a digit is a problem (line, columns, field) and `None`, as the cobrança reader reports a
    /// pagador's; the number is kept.
    fn inscricao(&mut self, r: &Record<'_>, tipo: &str, numero: &str) -> Option<Inscricao> {
        let code = self.text(r, tipo);
        let tipo = match code.parse::<u8>() {
            Ok(t) if code.bytes().all(|b| b.is_ascii_digit()) => Some(t),
            _ if code.is_empty() => None,
            _ => {
                if let Some(f) = r.layout.field(tipo) {
                    self.problems.push(Error::at_field(
                        r.line,
                        r.layout.name,
                        f,
                        ErrorKind::NotDigits { found: code },
                    ));
                }
                None
            }
        };
        let numero = self.text(r, numero);
        (!numero.is_empty()).then_some(Inscricao { tipo, numero })
    }
    fn date(&mut self, r: &Record<'_>, name: &str) -> Option<NaiveDate> {
        match self.typed(r, name) {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }
    fn amount(&mut self, r: &Record<'_>, name: &str) -> Option<Decimal> {
        match self.typed(r, name) {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A payment from its segment A, J, N or O.
    fn pagamento(&mut self, r: &Record<'_>, batch: &Batch, segmento: char) -> Pagamento {
        let (nome, valor_titulo, vencimento, barras, efetivacao) = match segmento {
            'A' => ("favorecido_nome", None, None, None, true),
            'J' => (
                "cedente_nome",
                self.amount(r, "valor_titulo"),
                self.date(r, "data_vencimento"),
                Some(self.text(r, "codigo_barras")),
                false,
            ),
            'N' => ("contribuinte_nome", None, None, None, false),
            _ => (
                "concessionaria_nome",
                None,
                self.date(r, "data_vencimento"),
                Some(self.text(r, "codigo_barras")),
                false,
            ),
        };
        // Read as two-character codes; a control byte among them is named (the codes are kept as read).
        if let Some(Err(e)) = r.get("ocorrencias") {
            self.problems.push(e);
        }
        let raw = r.raw("ocorrencias").unwrap_or_default();
        let ocorrencias = raw
            .chunks(2)
            .map(crate::field::decode_text)
            .filter(|c| !c.is_empty())
            .map(|code| OcorrenciaPagamento {
                description: ocorrencia_description(&code),
                code,
            })
            .collect();
        Pagamento {
            lote: batch.lote.clone(),
            servico: batch.servico.clone(),
            segmento,
            tipo_movimento: self.text(r, "tipo_movimento"),
            codigo_instrucao_movimento: self.text(r, "codigo_instrucao_movimento"),
            favorecido: Favorecido {
                nome: self.text(r, nome),
                inscricao: None,
            },
            seu_numero: self.text(r, "seu_numero"),
            nosso_numero: self.text(r, "nosso_numero"),
            data_pagamento: self.date(r, "data_pagamento"),
            valor_pagamento: self.amount(r, "valor_pagamento"),
            data_efetivacao: if efetivacao {
                self.date(r, "data_real")
            } else {
                None
            },
            valor_efetivado: if efetivacao {
                self.amount(r, "valor_real")
            } else {
                None
            },
            vencimento,
            valor_titulo,
            codigo_barras: barras.filter(|b| !b.is_empty()),
            ocorrencias,
            autenticacao: None,
            controle_bancario: None,
            line: r.line,
            last_line: r.line,
        }
    }

    /// A sub-record (B, J-52, Z, a segment the tables do not define) of the payment before it.
    fn sub_record(&mut self, raw: &RawRecord, r: Option<&Record<'_>>, open: Option<usize>) {
        let Some(segmento) = open
            .and_then(|i| self.pagamentos.get(i))
            .map(|p| p.segmento)
        else {
            self.problems.push(Error::structure(
                raw.line,
                format!("a {} with no payment before it", raw.name()),
            ));
            return;
        };
        let mut inscricao = None;
        let mut z = None;
        match r.map(|r| (r, r.layout.name)) {
            Some((r, "segmento_b")) if segmento == 'A' => {
                inscricao =
                    Some(self.inscricao(r, "favorecido_tipo_inscricao", "favorecido_inscricao"));
            }
            Some((r, "segmento_j52")) if segmento == 'J' => {
                inscricao = Some(self.inscricao(r, "cedente_tipo_inscricao", "cedente_inscricao"));
            }
            Some((r, "segmento_z")) => {
                let some = |v: String| (!v.is_empty()).then_some(v);
                z = Some((
                    some(self.text(r, "autenticacao")),
                    some(self.text(r, "controle_bancario")),
                ));
            }
            _ => {}
        }
        let Some(p) = open.and_then(|i| self.pagamentos.get_mut(i)) else {
            return;
        };
        p.last_line = raw.line;
        if let Some(i) = inscricao {
            p.favorecido.inscricao = i;
        }
        if let Some((autenticacao, controle)) = z {
            p.autenticacao = autenticacao;
            p.controle_bancario = controle;
        }
    }

    fn lancamento(&mut self, r: &Record<'_>, batch: &Batch) -> Lancamento {
        let tipo = match self.text(r, "tipo_lancamento").as_str() {
            "D" => Some(DebitoCredito::Debito),
            "C" => Some(DebitoCredito::Credito),
            "" => None,
            other => {
                if let Some(f) = r.layout.field("tipo_lancamento") {
                    self.problems.push(Error::at_field(
                        r.line,
                        r.layout.name,
                        f,
                        ErrorKind::BadConst {
                            expected: "D or C",
                            found: other.to_string(),
                        },
                    ));
                }
                None
            }
        };
        Lancamento {
            lote: batch.lote.clone(),
            data_lancamento: self.date(r, "data_lancamento"),
            data_contabil: self.date(r, "data_contabil"),
            valor: self.amount(r, "valor_lancamento"),
            tipo,
            natureza: self.text(r, "natureza_lancamento"),
            categoria: self.text(r, "categoria"),
            codigo_historico: self.text(r, "codigo_historico"),
            historico: self.text(r, "historico"),
            documento: self.text(r, "documento"),
            line: r.line,
        }
    }

    /// A trailer total (`field` of the trailer `r`) against what its batch's entries add up to.
    fn check_total(&mut self, r: &Record<'_>, field: &str, counted: Decimal) {
        let Some(declared) = self.amount(r, field) else {
            return;
        };
        if declared != counted {
            if let Some(f) = r.layout.field(field) {
                self.problems.push(Error::at_field(
                    r.line,
                    r.layout.name,
                    f,
                    ErrorKind::TrailerCount {
                        declared: format!("a total of {declared}"),
                        counted: format!("a total of {counted}"),
                    },
                ));
            }
        }
    }
}

/// The payments and lançamentos of the pagamentos and extrato batches of a file read structurally, with the
/// problems found decoding them and checking their batch trailers' totals.
pub(crate) fn entries(
    records: &[RawRecord],
    keys: &[Option<RecordKey>],
    batches: &[Batch],
) -> Entries {
    let mut out = Entries::default();
    let mut batch: Option<&Batch> = None;
    let mut next_batch = batches.iter();
    // Where the batch's entries start, for its trailer's totals; the payment sub-records attach to.
    let (mut first_pagamento, mut first_lancamento) = (0, 0);
    let mut open: Option<usize> = None;
    for (raw, key) in records.iter().zip(keys) {
        match key {
            Some(RecordKey::BatchHeader) => {
                batch = next_batch.next();
                first_pagamento = out.pagamentos.len();
                first_lancamento = out.lancamentos.len();
                open = None;
            }
            Some(RecordKey::Segment(_)) => {
                let Some(b) = batch else { continue };
                raw.with_view(|view| match (b.product, view) {
                    (Some(Product::Pagamentos), view) => {
                        let segmento = match view.as_ref().map(|v| v.layout.name) {
                            Some("segmento_a") => Some('A'),
                            Some("segmento_j") => Some('J'),
                            Some("segmento_n") => Some('N'),
                            Some("segmento_o") => Some('O'),
                            _ => None,
                        };
                        match (segmento, view.as_ref()) {
                            (Some(s), Some(v)) => {
                                let p = out.pagamento(v, b, s);
                                open = Some(out.pagamentos.len());
                                out.pagamentos.push(p);
                            }
                            _ => out.sub_record(raw, view.as_ref(), open),
                        }
                    }
                    (Some(Product::Extrato), Some(v)) if v.layout.name == "segmento_e" => {
                        let l = out.lancamento(&v, b);
                        out.lancamentos.push(l);
                    }
                    _ => {}
                });
            }
            Some(RecordKey::BatchTrailer) => {
                let Some(b) = batch.take() else { continue };
                open = None;
                raw.with_view(|view| {
                    let Some(v) = view else { return };
                    match b.product {
                        Some(Product::Pagamentos) => {
                            let sum = out
                                .pagamentos
                                .get(first_pagamento..)
                                .unwrap_or_default()
                                .iter()
                                .filter_map(|p| p.valor_pagamento)
                                .sum();
                            out.check_total(&v, "somatoria_valores", sum);
                        }
                        Some(Product::Extrato) => {
                            let of = |t| -> Decimal {
                                out.lancamentos
                                    .get(first_lancamento..)
                                    .unwrap_or_default()
                                    .iter()
                                    .filter(|l| l.tipo == Some(t))
                                    .filter_map(|l| l.valor)
                                    .sum()
                            };
                            let (debitos, creditos) =
                                (of(DebitoCredito::Debito), of(DebitoCredito::Credito));
                            out.check_total(&v, "somatoria_debitos", debitos);
                            out.check_total(&v, "somatoria_creditos", creditos);
                        }
                        _ => {}
                    }
                });
            }
            _ => {}
        }
    }
    out
}
