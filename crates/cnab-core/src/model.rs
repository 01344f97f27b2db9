//! The normalized model: what a user of any bank and layout sees.
//!
//! A CNAB 240 entry (segments T+U) and a CNAB 400 entry (detail type 1) of the same payment look the same here.
//! Every value the model does not name stays available in [`RawRecord`]s.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::error::Error;
use crate::record::RawRecord;

/// CNAB 240, CNAB 400 or FEBRABAN's 150-byte layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Layout {
    /// FEBRABAN CNAB 240.
    #[serde(rename = "240")]
    Cnab240,
    /// A bank's CNAB 400.
    #[serde(rename = "400")]
    Cnab400,
    /// FEBRABAN's 150-byte layouts (débito automático, arrecadação); read by [`crate::cnab150`].
    #[serde(rename = "150")]
    Cnab150,
}

impl Layout {
    /// Line length.
    pub const fn line_len(self) -> usize {
        match self {
            Layout::Cnab240 => 240,
            Layout::Cnab400 => 400,
            Layout::Cnab150 => 150,
        }
    }
    /// 150, 240 or 400.
    pub const fn number(self) -> u16 {
        self.line_len() as u16
    }
    /// From 150, 240 or 400.
    pub fn from_number(n: u16) -> Option<Self> {
        match n {
            150 => Some(Layout::Cnab150),
            240 => Some(Layout::Cnab240),
            400 => Some(Layout::Cnab400),
            _ => None,
        }
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CNAB {}", self.number())
    }
}

/// Remessa (company → bank) or retorno (bank → company).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Company → bank: titles to register or change.
    Remessa,
    /// Bank → company: what happened to each title.
    Retorno,
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Remessa => "remessa",
            FileKind::Retorno => "retorno",
        })
    }
}

/// What a file is for: the product beside the bank, layout and kind. Cobrança (boletos) is what the CNAB 240/400
/// tables of `banks` read; the others are told apart so that they are never read as cobrança.
///
/// CNAB 240: the first batch header's service code (positions 10-11, FEBRABAN 240 v10.7 field G025 "Tipo de
/// Serviço"): `01` cobrança, `04` conciliação bancária (extrato), `05` débitos, `20`/`22`/`30`/`98` and the other
/// payment services pagamentos. CNAB 150: the details (`G` arrecadação, the others débito automático).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Product {
    /// Cobrança: boletos registered (remessa) and their events (retorno).
    #[default]
    Cobranca,
    /// Débito automático: debits in the payer's account (CNAB 150, CNAB 240 service 05).
    DebitoAutomatico,
    /// Arrecadação: payments of 48-digit convênio slips (CNAB 150 registro G).
    Arrecadacao,
    /// Pagamentos: the company paying suppliers, salaries, taxes, boletos (CNAB 240 SISPAG/Multipag).
    Pagamentos,
    /// Extrato: bank statement for conciliation (CNAB 240 service 04, segment E).
    Extrato,
}

impl Product {
    /// True for cobrança (the default, left out of serialized detections).
    pub fn is_cobranca(&self) -> bool {
        *self == Product::Cobranca
    }
    /// The product of a CNAB 240 batch from its service code (FEBRABAN 240 v10.7, G025 "Tipo de Serviço"); `None`
    /// for a code FEBRABAN does not list.
    pub fn from_240_service(code: &[u8]) -> Option<Self> {
        Some(match code {
            b"01" => Product::Cobranca,
            b"04" => Product::Extrato,
            b"05" => Product::DebitoAutomatico,
            b"10" | b"20" | b"22" | b"23" | b"25" | b"26" | b"30" | b"32" | b"33" | b"34"
            | b"40" | b"41" | b"50" | b"60" | b"70" | b"75" | b"77" | b"80" | b"90" | b"98" => {
                Product::Pagamentos
            }
            _ => return None,
        })
    }
}

impl std::fmt::Display for Product {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Product::Cobranca => "cobrança",
            Product::DebitoAutomatico => "débito automático",
            Product::Arrecadacao => "arrecadação",
            Product::Pagamentos => "pagamentos",
            Product::Extrato => "extrato",
        })
    }
}

/// What an ocorrência means, normalized across banks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OcorrenciaKind {
    /// Entrada confirmada: the title is registered.
    EntradaConfirmada,
    /// Entrada rejeitada: the title was not registered (see motivos).
    EntradaRejeitada,
    /// Liquidação: paid.
    Liquidacao,
    /// Liquidação em cartório: paid at the notary.
    LiquidacaoCartorio,
    /// Liquidação após baixa or of an unregistered title: money arrived for a title the bank had written off.
    LiquidacaoAposBaixa,
    /// Baixa: written off (by request, by deadline, by protest).
    Baixa,
    /// An instruction (alteração, abatimento, prorrogação, protesto…) was confirmed.
    InstrucaoConfirmada,
    /// An instruction or a change was rejected (see motivos).
    InstrucaoRejeitada,
    /// Protest events (sent to notary, protested, withdrawn).
    Protesto,
    /// Fees charged (tarifas, custas).
    Tarifa,
    /// Information only (título em ser, DDA, aviso ao pagador…).
    Informativo,
    /// The bank's pre-validation (pré-crítica) of a remessa record: field notices or errors found before the record
    /// was processed (Caixa segment W), not an event of the title.
    PreCritica,
    /// A code the bank's table does not list.
    Desconhecida,
}

impl OcorrenciaKind {
    /// True for the kinds that carry money received for the title.
    pub fn is_payment(self) -> bool {
        matches!(
            self,
            Self::Liquidacao | Self::LiquidacaoCartorio | Self::LiquidacaoAposBaixa
        )
    }
    /// True for rejections.
    pub fn is_rejection(self) -> bool {
        matches!(self, Self::EntradaRejeitada | Self::InstrucaoRejeitada)
    }
}

/// An ocorrência (movement) code with its meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ocorrencia {
    /// The code as the bank sends it (`"06"`).
    pub code: String,
    /// Normalized meaning.
    pub kind: OcorrenciaKind,
    /// The bank manual's description.
    pub description: String,
}

/// A motivo (reason) code attached to an ocorrência.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motivo {
    /// The code as sent.
    pub code: String,
    /// The manual's description, when the table lists it.
    pub description: Option<String>,
}

/// CPF or CNPJ (or anything else the file carries).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inscricao {
    /// 1 = CPF, 2 = CNPJ (FEBRABAN); 0/None = not informed.
    pub tipo: Option<u8>,
    /// The number as digits (or letters and digits for the alphanumeric CNPJ).
    pub numero: String,
}

/// The company that issues the boletos.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Beneficiario {
    /// Company name.
    pub nome: String,
    /// CPF or CNPJ.
    pub inscricao: Inscricao,
    /// Agência.
    pub agencia: String,
    /// Agência DV.
    pub agencia_dv: String,
    /// Conta corrente.
    pub conta: String,
    /// Conta DV.
    pub conta_dv: String,
    /// Convênio (agreement) number, where the bank uses one.
    pub convenio: String,
    /// Código do beneficiário / cedente, where the bank uses one.
    pub codigo_beneficiario: String,
    /// Carteira of the agreement, where the header carries it (BB); titles without their own carteira use it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub carteira: String,
    /// Variação da carteira, where the header carries it (BB).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub variacao: String,
}

/// File-level header data (both kinds).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Header {
    /// The company.
    pub beneficiario: Beneficiario,
    /// Bank name as written in the header.
    pub banco_nome: String,
    /// File sequence number (NSA).
    pub nsa: Option<u64>,
    /// Generation date.
    pub data_geracao: Option<NaiveDate>,
    /// Layout version, as the header states it (CNAB 240: `"087"`, …).
    pub layout_versao: String,
    /// Credit date (CNAB 400 headers of some banks).
    pub data_credito: Option<NaiveDate>,
}

/// One retorno entry: what happened to one title.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RetornoEntry {
    /// Nosso número as the bank identifies the title (without the check digit when the layout separates it).
    pub nosso_numero: String,
    /// Nosso número check digit, when the layout carries it apart.
    pub nosso_numero_dv: Option<String>,
    /// The company's own number for the title (seu número / número do documento).
    pub seu_numero: String,
    /// Uso da empresa (identifier the company sent in the remessa), when the layout has it.
    pub uso_empresa: String,
    /// Carteira.
    pub carteira: String,
    /// Variação da carteira (BB) or modalidade (Caixa), where the retorno carries it; absent from the JSON when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub variacao: String,
    /// What happened.
    pub ocorrencia: Option<Ocorrencia>,
    /// Reasons (rejections, liquidation channel, baixa reason…).
    pub motivos: Vec<Motivo>,
    /// Date of the event.
    pub data_ocorrencia: Option<NaiveDate>,
    /// Date the money is credited.
    pub data_credito: Option<NaiveDate>,
    /// Due date.
    pub vencimento: Option<NaiveDate>,
    /// Face value.
    pub valor_titulo: Option<Decimal>,
    /// Amount paid by the payer.
    pub valor_pago: Option<Decimal>,
    /// Net amount credited to the company.
    pub valor_creditado: Option<Decimal>,
    /// Interest and fine paid: the bank's combined field, or `juros + multa` when the layout carries them apart.
    pub juros_multa: Option<Decimal>,
    /// Interest (juros de mora) paid, where the layout carries it apart from the multa (Sicredi, Caixa CNAB 400);
    /// absent from the JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub juros: Option<Decimal>,
    /// Fine (multa) paid, where the layout carries it apart from the juros (Sicredi, Caixa CNAB 400); absent from
    /// the JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multa: Option<Decimal>,
    /// Discount granted.
    pub desconto: Option<Decimal>,
    /// Abatimento granted.
    pub abatimento: Option<Decimal>,
    /// IOF.
    pub iof: Option<Decimal>,
    /// Bank fee.
    pub tarifa: Option<Decimal>,
    /// Other expenses.
    pub outras_despesas: Option<Decimal>,
    /// Other credits.
    pub outros_creditos: Option<Decimal>,
    /// Payer, when the retorno names them.
    pub pagador: Option<Pessoa>,
    /// Pix data of a boleto híbrido, where the retorno carries them; absent from the JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pix: Option<PixInfo>,
    /// Whether the payment came by Pix (the QR code of a boleto híbrido) rather than by the barcode: set on the
    /// payments of the layouts that report the channel (Banco Votorantim CNAB 400: ocorrência 70 "Liquidação PIX";
    /// Santander CNAB 400: códigos 510/511 "baixado/liquidado por pagamento via Pix"; see
    /// `cnab_core::layouts::pix`); absent from the JSON otherwise (no payment, or a layout that does not say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pago_por_pix: Option<bool>,
    /// Bank and agency that received the payment.
    pub banco_cobrador: String,
    /// Agency that received the payment.
    pub agencia_cobradora: String,
    /// 1-based line of the entry's first record.
    pub line: usize,
    /// 1-based line of the entry's last record (its records are the lines `line..=last_line` that no problem names).
    pub last_line: usize,
}

/// Pix data of a boleto híbrido as a file carries them: in retornos (Santander CNAB 400 registro tipo 2, Santander
/// CNAB 240 segmento Y-03, Itaú CNAB 400 registro tipo 3, Bradesco CNAB 400 registro tipo 4) and in remessas ([`Titulo::pix`]: CNAB 240 segmento Y-03,
/// Itaú CNAB 400 tipo 3, the CNAB 400 registro tipo 8; see `cnab_core::layouts::pix`). Each layout carries a subset;
/// empty fields are left out of the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PixInfo {
    /// Tipo de chave DICT as sent (1 CPF, 2 CNPJ, 3 celular, 4 e-mail, 5 chave aleatória).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tipo_chave: String,
    /// Chave DICT.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub chave: String,
    /// Location (URL) of the dynamic QR code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Txid (identificador da transação Pix).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub txid: String,
    /// The whole EMV QR code (BR Code), where the layout carries it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub emv: String,
    /// Id of a location created beforehand through the Pix API (Itaú CNAB 400 remessa tipo 3, "id location").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Which amounts the bank accepts for the título (its registro tipo 8 positions 2-42 in the CNAB 400 layouts
    /// that carry the Pix data there: Santander, and Bradesco, Itaú and C6 as the generators write them; see
    /// `cnab_core::layouts::pix`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagamento: Option<TipoPagamento>,
}

/// "Identificação de tipo de pagamento" of a título: how many payments and which amounts the bank accepts. Source:
/// Santander CNAB 400 H7800 v2.33 junho/2024, registro tipo 8 (positions 2-42) and notas 16-18. Values are kept as
/// the file has them (codes unchecked).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TipoPagamento {
    /// Identificação do tipo de pagamento, 2 digits (nota 16): `00` conforme perfil do beneficiário, `01` aceita
    /// qualquer valor, `02` entre o mínimo e o máximo, `03` não aceita pagamento com o valor divergente.
    pub tipo: String,
    /// Quantidade de pagamentos possíveis, 01 to 99 (nota 17).
    pub quantidade: Option<u32>,
    /// Tipo de valor informado, 1 digit (nota 18): `1` percentual, `2` valor.
    pub tipo_valor: String,
    /// Valor máximo, 9(11)v99.
    pub valor_maximo: Option<Decimal>,
    /// Percentual máximo, 9(3)v99.
    pub percentual_maximo: Option<Decimal>,
    /// Valor mínimo, 9(11)v99.
    pub valor_minimo: Option<Decimal>,
    /// Percentual mínimo, 9(3)v99.
    pub percentual_minimo: Option<Decimal>,
}

impl TipoPagamento {
    /// True when no field is given.
    pub fn is_empty(&self) -> bool {
        *self == TipoPagamento::default()
    }
}

impl PixInfo {
    /// True when no field is given.
    pub fn is_empty(&self) -> bool {
        // Field by field (no default value built and compared): this runs for every entry read.
        let PixInfo {
            tipo_chave,
            chave,
            url,
            txid,
            emv,
            location,
            pagamento,
        } = self;
        [tipo_chave, chave, url, txid, emv, location]
            .iter()
            .all(|s| s.is_empty())
            && pagamento.is_none()
    }
}

/// A person or company (pagador or sacador/avalista).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Pessoa {
    /// CPF or CNPJ.
    pub inscricao: Inscricao,
    /// Name.
    pub nome: String,
    /// Street address.
    pub endereco: String,
    /// Bairro.
    pub bairro: String,
    /// CEP, 8 digits.
    pub cep: String,
    /// City.
    pub cidade: String,
    /// State (UF).
    pub uf: String,
}

/// Interest, fine or discount: a code (how), a date (from when) and a value or rate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Encargo {
    /// The bank's code (FEBRABAN: juros 1 = valor por dia, 2 = taxa mensal, 3 = isento; multa 1 = valor, 2 = %).
    pub codigo: String,
    /// Date from which it applies.
    pub data: Option<NaiveDate>,
    /// Value or rate.
    pub valor: Option<Decimal>,
}

impl Encargo {
    fn is_empty(&self) -> bool {
        self.codigo.is_empty() && self.data.is_none() && self.valor.is_none()
    }
}

/// Protest or write-off instruction: a code and a number of days.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Instrucao {
    /// The bank's code.
    pub codigo: String,
    /// Days.
    pub prazo: Option<u32>,
}

/// One title in a remessa.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Titulo {
    /// Movement code (`"01"` = entrada de títulos, `"02"` = pedido de baixa, …).
    pub movimento: String,
    /// Nosso número without its check digit.
    pub nosso_numero: String,
    /// Nosso número check digit, when the layout carries it.
    pub nosso_numero_dv: Option<String>,
    /// The company's number for the title.
    pub seu_numero: String,
    /// Uso da empresa (free identifier echoed in the retorno).
    pub uso_empresa: String,
    /// Carteira.
    pub carteira: String,
    /// Variação da carteira (BB) or modalidade, when used.
    pub variacao: String,
    /// Espécie code (`"02"` DM, …) as the bank defines it.
    pub especie: String,
    /// Aceite: `"A"` or `"N"`.
    pub aceite: String,
    /// Issue date.
    pub emissao: Option<NaiveDate>,
    /// Due date.
    pub vencimento: Option<NaiveDate>,
    /// Face value.
    pub valor: Decimal,
    /// Juros de mora.
    #[serde(skip_serializing_if = "Encargo::is_empty")]
    pub juros: Encargo,
    /// Multa.
    #[serde(skip_serializing_if = "Encargo::is_empty")]
    pub multa: Encargo,
    /// First discount.
    #[serde(skip_serializing_if = "Encargo::is_empty")]
    pub desconto: Encargo,
    /// Abatimento.
    pub abatimento: Option<Decimal>,
    /// IOF.
    pub iof: Option<Decimal>,
    /// Protest instruction.
    pub protesto: Instrucao,
    /// Write-off instruction.
    pub baixa: Instrucao,
    /// Payer.
    pub pagador: Pessoa,
    /// Sacador/avalista, when any.
    pub sacador_avalista: Option<Pessoa>,
    /// Messages printed on the boleto.
    pub mensagens: Vec<String>,
    /// Pix data of a boleto híbrido (tipo de chave, chave, txid, location), where the bank's layout carries them;
    /// absent from the JSON otherwise. Writing checks them (the chave as the DICT formats its type, the txid of a
    /// cobrança com vencimento) and refuses them, naming the field, where the layout has no record for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pix: Option<PixInfo>,
    /// 1-based line of the title's first record (when read from a file).
    pub line: usize,
}

/// A retorno file read into the model.
///
/// ```
/// use cnab_core::{read_retorno, ReadOptions, Layout};
/// let r = read_retorno(cnab_core::tutorial::ITAU_240_RETORNO, ReadOptions::strict()).unwrap();
/// assert_eq!((r.bank.code(), r.layout), (341, Layout::Cnab240));
/// assert_eq!(r.header.beneficiario.inscricao.numero, "11222333000181");
/// assert_eq!(r.entries[0].valor_pago, Some("127.50".parse().unwrap()));
/// assert!(r.problems.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retorno {
    /// The bank.
    #[serde(default = "unknown_bank", with = "crate::bank::json")]
    pub bank: Bank,
    /// The layout.
    #[serde(default = "default_layout")]
    pub layout: Layout,
    /// The header.
    #[serde(default)]
    pub header: Header,
    /// One entry per title event.
    pub entries: Vec<RetornoEntry>,
    /// Every record as read, with its raw bytes (for `--records` and byte-exact writing).
    #[serde(skip_serializing_if = "Vec::is_empty", skip_deserializing)]
    pub records: Vec<RawRecord>,
    /// Problems found (lenient mode).
    #[serde(default, skip_deserializing)]
    pub problems: Vec<Error>,
}

/// A remessa: a header and the titles.
///
/// ```
/// use cnab_core::{read_remessa, ReadOptions};
/// let r = read_remessa(cnab_core::tutorial::ITAU_240_REMESSA, ReadOptions::strict()).unwrap();
/// assert_eq!(r.titulos.len(), 2);
/// assert_eq!(r.titulos[1].seu_numero, "NF-1002");
/// assert_eq!(r.titulos[1].valor, "2500.00".parse().unwrap());
/// assert_eq!(r.titulos[1].vencimento, chrono::NaiveDate::from_ymd_opt(2027, 1, 10));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remessa {
    /// The bank (when read from a file; writing takes the bank as an argument).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::bank::json::option"
    )]
    pub bank: Option<Bank>,
    /// The header.
    pub header: Header,
    /// The titles.
    pub titulos: Vec<Titulo>,
    /// Records as read (empty when built by hand).
    #[serde(default, skip)]
    pub records: Vec<RawRecord>,
    /// Problems found while reading (lenient mode).
    #[serde(default, skip_deserializing)]
    pub problems: Vec<Error>,
}

fn unknown_bank() -> Bank {
    Bank::new(0)
}

fn default_layout() -> Layout {
    Layout::Cnab240
}
