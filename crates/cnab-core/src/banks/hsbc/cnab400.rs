//! HSBC Bank Brasil (399) — CNAB 400 cobrança registrada, remessa and retorno.
//!
//! Source: HSBC, "Cobrança Registrada — Manual Técnico, Módulo I: Arquivos Remessa-Retorno, Padrão CNAB 400",
//! versão maio/2014 (file `manuais/HSBC/remessa_retorno.pdf` in eduardokum/laravel-boleto): arquivo retorno header
//! (pp. 17-18), detalhe (pp. 19-22), trailer (p. 23); notas explicativas 13 (ocorrências) and 14 (códigos de
//! rejeição, p. 33-36). Positions cross-checked against laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Hsbc.php`.
//!
//! Remessa: arquivo remessa header (pp. 10-11), detalhe (pp. 12-15), trailer (p. 16); notas explicativas 1 (conta
//! corrente = agência + conta), 4 (desconto), 5 (carteira), 6 (ocorrências da remessa), 8 (espécie), 9 (instruções),
//! 10 (juros de mora), 11 (moeda). Positions cross-checked against laravel-boleto
//! `src/Cnab/Remessa/Cnab400/Banco/Hsbc.php`. No HSBC remessa is in the corpus; the remessa table is checked against
//! the manual and the peer. Limits: the juros "taxa ao mês" form of nota 10 (161-168 blank, 169 "T", 170-173 taxa)
//! and the multa instructions of nota 9 that repurpose 206-218 (date/taxa/days) are not modelled: 161-173 is read as
//! a value per day and 206-218 as the abatimento, as the field table names them. HSBC's "CNR"
//! (cobrança não registrada) retorno is a different layout and is not covered.

use crate::bank::{records400, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::RecordLayout;
use crate::model::Layout;

/// Source string of the HSBC tables.
pub const SOURCE: &str = "HSBC, Cobrança Registrada — Manual Técnico Módulo I, Arquivos Remessa-Retorno CNAB 400 (maio/2014)";

records!("hsbc/cnab400-records");

/// Ocorrências of the remessa (nota explicativa 6, p. 25).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("hsbc/cnab400-movimentos");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&REMESSA_HEADER, &REMESSA_DETALHE, &REMESSA_TRAILER);

/// HSBC CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// Ocorrências of the retorno (nota 13, p. 31).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("hsbc/cnab400-ocorrencias");

/// Códigos de rejeição of ocorrência 03, in the complemento da ocorrência (302-303; nota 14, pp. 33-36). For other
/// ocorrências that field carries tarifa codes or the DDA indicator `A4`, which are not motivos.
pub const MOTIVOS: &[MotivoDef] = codes!("hsbc/cnab400-motivos");

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// HSBC CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// The complemento (302-303) is a rejection motivo only for ocorrência 03 (nota 14); elsewhere it is a tarifa code
/// or the DDA flag, kept raw in the record.
pub fn retorno_hook(
    e: &mut crate::model::RetornoEntry,
    _records: &[crate::record::Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    if e.ocorrencia.as_ref().is_some_and(|o| o.code != "03") {
        e.motivos.clear();
    }
}

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
