//! Ailos (Cooperativa Central de Crédito) (085).

use crate::bank::BankSpec;

pub mod cnab240;
pub mod cnab400;

/// Ailos (Cooperativa Central de Crédito).
pub const BANK: BankSpec = BankSpec {
    code: 85,
    name: "Ailos (Cooperativa Central de Crédito)",
    cnab240: cnab240::LAYOUTS,
    cnab400: cnab400::LAYOUTS,
};
