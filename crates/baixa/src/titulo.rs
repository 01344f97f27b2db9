//! The open title as the company's ERP knows it, with its charge rules.

use chrono::NaiveDate;
use cnab_core::Bank;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the multa (late fine) is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MultaTipo {
    /// A percentage of the amount owed (`2` = 2%).
    Percentual,
    /// A fixed value.
    Valor,
}

/// Multa: charged once when the title is paid late.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Multa {
    /// Percentage or value.
    pub tipo: MultaTipo,
    /// The rate (percent) or the value.
    pub valor: Decimal,
    /// Date from which the multa applies (FEBRABAN "Data da Multa"); `None` = the day after the due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desde: Option<NaiveDate>,
}

/// How juros de mora (interest) are stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JurosTipo {
    /// A rate a month, charged pro rata die (`1` = 1% a month = 1/30 % a day).
    PercentualMes,
    /// A value per day of delay.
    ValorDia,
}

/// Juros de mora.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Juros {
    /// Rate a month or value a day.
    pub tipo: JurosTipo,
    /// The rate (percent a month) or the value per day.
    pub valor: Decimal,
    /// First day interest accrues (FEBRABAN "Data do Juros de Mora"); `None` = the day after the due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desde: Option<NaiveDate>,
}

/// How a desconto (discount for early payment) is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DescontoTipo {
    /// A fixed value until the date.
    Valor,
    /// A percentage of the face value until the date.
    Percentual,
}

/// A desconto granted when paid until a date (inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desconto {
    /// Value or percentage.
    pub tipo: DescontoTipo,
    /// The value or the rate (percent).
    pub valor: Decimal,
    /// Last day the discount applies; `None` = the due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ate: Option<NaiveDate>,
}

/// The payer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Pagador {
    /// CPF or CNPJ, as given.
    pub documento: String,
    /// Name.
    pub nome: String,
}

/// An open title (boleto) as the company's ERP knows it.
///
/// ```
/// use baixa::{Titulo, Multa, MultaTipo};
/// use chrono::NaiveDate;
/// let mut t = Titulo::new("NF-1", 341, "12345678", "1000.00".parse().unwrap(),
///                         NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
/// t.multa = Some(Multa { tipo: MultaTipo::Percentual, valor: "2".parse().unwrap(), desde: None });
/// assert_eq!(t.banco.code(), 341);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Titulo {
    /// The ERP's id (unique in a ledger).
    pub id: String,
    /// The bank.
    #[serde(with = "cnab_core::bank::json")]
    pub banco: Bank,
    /// Beneficiary agreement (convênio, código do beneficiário or account) the title belongs to; empty = any.
    #[serde(default)]
    pub convenio: String,
    /// Nosso número (the bank's id); may carry its DV after a `-`; empty when the bank assigns it.
    #[serde(default)]
    pub nosso_numero: String,
    /// Nosso número check digit, when known apart from `nosso_numero`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nosso_numero_dv: Option<String>,
    /// The company's number for the title (seu número / número do documento).
    #[serde(default)]
    pub seu_numero: String,
    /// Payer.
    #[serde(default)]
    pub pagador: Pagador,
    /// Face value.
    pub valor: Decimal,
    /// Issue date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emissao: Option<NaiveDate>,
    /// Due date.
    pub vencimento: NaiveDate,
    /// Multa rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multa: Option<Multa>,
    /// Juros rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub juros: Option<Juros>,
    /// Up to three descontos.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descontos: Vec<Desconto>,
    /// Abatimento granted (reduces the amount owed).
    #[serde(default)]
    pub abatimento: Decimal,
    /// The registered boleto's linha digitável (47 digits), when known: computed from the remessa that registered
    /// the title ([`crate::from_remessa`]), or given in the titles file (`linha_digitavel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linha_digitavel: Option<String>,
    /// The PIX copia e cola (BR Code) of a boleto híbrido, as given in the titles file (`pix`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pix: Option<String>,
}

impl Titulo {
    /// A title without charge rules.
    pub fn new(
        id: impl Into<String>,
        banco: u16,
        nosso_numero: impl Into<String>,
        valor: Decimal,
        vencimento: NaiveDate,
    ) -> Self {
        Titulo {
            id: id.into(),
            banco: Bank::new(banco),
            convenio: String::new(),
            nosso_numero: nosso_numero.into(),
            nosso_numero_dv: None,
            seu_numero: String::new(),
            pagador: Pagador::default(),
            valor,
            emissao: None,
            vencimento,
            multa: None,
            juros: None,
            descontos: Vec::new(),
            abatimento: Decimal::ZERO,
            linha_digitavel: None,
            pix: None,
        }
    }
}
