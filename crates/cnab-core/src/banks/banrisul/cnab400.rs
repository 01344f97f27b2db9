//! Banrisul (041) — CNAB 400 cobrança.
//!
//! Source: Banrisul, "Cobrança Eletrônica Banrisul — Leiaute Padrão CNAB 400 posições" (versão 15/07/2015, edição
//! 06): §2.1 header remessa, §2.2 transação tipo 1 (dados do título), §2.7 trailler remessa, §3.1 header retorno,
//! §3.2 transação tipo 1 retorno (códigos de ocorrência at 109-110), §3.5 trailler retorno, §3.6.1 motivos
//! (ocorrências 03, 16 e 18); códigos de ocorrência da remessa from §2.2 positions 109-110. Positions
//! cross-checked against kivanio/brcobranca `lib/brcobranca/{remessa,retorno}/cnab400/banrisul.rb` and
//! eduardokum/laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Banrisul.php`.
//!
//! Notes:
//! - The header literals "01REMESSA" (1-9) and "041BANRISUL" (77-87) are split so that the file code (2) and the
//!   bank code (77-79) are fields of their own.
//! - The código de cedente `AAAACCCCCCCCC` (13 digits) is split into agência (4) and código do cedente (9).
//! - Remessa records not tabled: "tipo 1 — dados do sacador" (§2.3) shares record type `1` with the título and
//!   can only be told apart by its blank positions; the message record (§2.4) and rateio (tipo 3, §2.5) are
//!   optional. Retorno records tipo 3 (rateio) and tipo 8 (cobrança partilhada) are not tabled either.
//! - Retorno vencimento (147-152) holds "SEMREG" for cobrança sem registro (a date problem on such files);
//!   the agência cobradora (169-173) may end in a space, so it is text.

use crate::bank::{records400, LayoutSpec, MotivoDef, OcorrenciaDef};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::model::Layout;

/// Source string for the tables.
pub const SOURCE: &str =
    "Banrisul Cobrança Eletrônica, leiaute padrão CNAB 400 (vrs 15/07/2015, ed. 06)";

records!("banrisul/cnab400-records");

/// §2.2 positions 109-110 — códigos de ocorrência da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("banrisul/cnab400-movimentos");

/// §3.2 positions 109-110 — códigos de ocorrência do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("banrisul/cnab400-ocorrencias");

/// §3.6.1 — motivos das ocorrências 03, 16 e 18 (positions 383-392).
pub const MOTIVOS: &[MotivoDef] = codes!("banrisul/cnab400-motivos");

/// Remessa (§2).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    &records400(&HEADER_REMESSA, &DETALHE_REMESSA, &TRAILER_REMESSA),
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// Retorno (§3).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO),
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
