//! Sicoob / Bancoob (756) — CNAB 400 cobrança.
//!
//! Source: Sicoob, "Leiaute Cobrança Sicoob — Sistemas de Terceiros" (planilha XLSX; abas "03.Remessa - CNAB400"
//! and "04.Retorno - CNAB400"), the copy kept in kivanio/brcobranca `docs/Sicoob/`. Positions cross-checked against
//! kivanio/brcobranca `lib/brcobranca/remessa/cnab400/sicoob.rb` and eduardokum/laravel-boleto
//! `src/Cnab/Retorno/Cnab400/Banco/Bancoob.php`.
//!
//! Notes:
//! - The header identifies the bank at 77-94 as one 18-byte literal (`756BANCOOBCED` in remessas,
//!   `756 - BANCOOB S/A` in retornos); we split it into the code (77-79) and the name (80-94).
//! - The código do cliente (32-39) and its DV (40) are read and written together as `codigo_beneficiario` (9 digits):
//!   the model has no separate DV for it.
//! - The remessa nosso número (63-74, 12 digits) is split like the retorno's: 11 digits + DV (74).
//! - The retorno's "Código de Baixa/Recusa" (81-82) feeds `motivos`; the leiaute gives no table of its values.
//! - The remessa detail's SEQ 53 is printed as "394 a 395"; it is position 394 (395-400 is the sequence).
//! - The retorno's seu número is read at 117-131 (15), not the leiaute's 117-126: the bank returns 15 characters
//!   there, in the region the leiaute calls blank complemento (see the field).

use crate::bank::{records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::model::Layout;

/// Source string for the tables.
pub const SOURCE: &str = "Sicoob Leiaute Cobrança Sistemas de Terceiros (XLSX), abas 03 Remessa CNAB400 e 04 Retorno CNAB400";

records!("sicoob/cnab400-records");

/// Remessa — comandos/movimentos (DETALHE SEQ 24).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("sicoob/cnab400-movimentos");

/// Retorno — comandos/movimentos (DETALHE SEQ 24).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("sicoob/cnab400-ocorrencias");

/// Remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    &records400(&HEADER_REMESSA, &DETALHE_REMESSA, &TRAILER_REMESSA),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    MOVIMENTOS,
    SOURCE,
);

/// Retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    OCORRENCIAS,
    &[],
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
