//! Sicredi (748) — CNAB 400 cobrança.
//!
//! Source: Sicredi, "Manual Cobrança CNAB 400 — Beneficiário" (versão agosto/2019): §9.1 header remessa,
//! §9.2 detalhe cobrança com registro, §9.9 trailer remessa, §10.1 header retorno, §10.2 detalhe retorno,
//! §10.4 trailer retorno, §6.2 tabela de ocorrências, §6.3 tabela de motivos; instruções (movimentos) from
//! §9.2 positions 109-110. Positions cross-checked against eduardokum/laravel-boleto
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Sicredi.php`.
//!
//! Notes:
//! - Sicredi puts its code at header 77-79 ("748") like the other banks; the literal at 80-94 is "SICREDI"
//!   (remessa) / "BANSICREDI" (retorno).
//! - The header date (95-102), the remessa "data da instrução" (63-70) and the retorno "data prevista para
//!   lançamento" (329-336, the crédito date) are `AAAAMMDD`.
//! - The nosso número is alphanumeric in the retorno (left-aligned, 48-62) and 9 digits in the remessa (48-56).
//! - Motivos (319-328) are five two-character codes, letters allowed (`H5`, `B3`, …). Ocorrência 28 (tarifa)
//!   gives codes 03/04/08 their own meaning.
//! - Remessa records 5 (informativo), 6 (sacador avalista) and 7 (descontos 2 e 3) are not tabled yet.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::model::Layout;

/// Source string for the tables.
pub const SOURCE: &str =
    "Sicredi Manual Cobrança CNAB 400 (agosto/2019), §9 remessa, §10 retorno, §6.2-6.3 tabelas";

records!("sicredi/cnab400-records");

/// §9.2 positions 109-110 — instruções (códigos de movimento) da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("sicredi/cnab400-movimentos");

/// §6.2 — ocorrências do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("sicredi/cnab400-ocorrencias");

/// §6.3 — motivos (the tarifa codes of ocorrência 28 first).
pub const MOTIVOS: &[MotivoDef] = codes!("sicredi/cnab400-motivos");

/// Remessa (§9).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    &records400(&HEADER_REMESSA, &DETALHE_REMESSA, &TRAILER_REMESSA),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    MOVIMENTOS,
    SOURCE,
);

/// Retorno (§10).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
