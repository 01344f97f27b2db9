//! Banco do Nordeste (004) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco do Nordeste, "Padrão BNB — CNAB 400 posições" (arquivo-remessa: header, transação, trailler, p. 1-3;
//! arquivo-retorno: header, trailler, transação, p. 4-5; notas 0-8, p. 6-9), file `PADRAO BNB - CNAB400.pdf` in
//! eduardokum/laravel-boleto `manuais/BNB/`. Positions cross-checked against laravel-boleto
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Bnb.php` and the corpus files `brcobranca__CNAB400BANCONORDESTE.RET`,
//! `webmatrixboleto__bnb.ret` and `brcobranca__remessa-banco-nordeste-cnab400.rem`.
//!
//! Two things differ from the Bradesco-style 400 layouts:
//! - the retorno's "tabela de erros" (280-356, nota 6) is a bitmap: a `1` at position 279 + n means error n. The
//!   [`retorno_hook`] turns it into motivos for rejected records (ocorrências 51 and up, "serviço original + 50");
//! - the manual says 296-301 "may" hold the credit date of a liquidação, but real files put it at 297-302 (inside the
//!   bitmap); it is left raw (field `tabela_erros`) rather than guessed.

use crate::bank::{records400, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::{described_motivo, ENTRY_TIPO_1};
use crate::field::RecordLayout;
use crate::model::{Layout, RetornoEntry};
use crate::record::Record;

/// Source string of the BNB tables.
pub const SOURCE: &str =
    "Banco do Nordeste, Padrão BNB — CNAB 400 posições (remessa/retorno, notas 0-8)";

records!("bnb/cnab400-records");

/// Remessa trailler (p. 1).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Serviços of the remessa (nota 2).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("bnb/cnab400-movimentos");

/// Serviços of the retorno (nota 5). A rejected remessa record comes back with its serviço + 50 (51 listed by the
/// manual; the others follow the rule stated there, e.g. 54 = abatimento rejeitado).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("bnb/cnab400-ocorrencias");

/// Tabela de erros (nota 6): error n is flagged by a `1` at position 279 + n of the retorno detail.
pub const MOTIVOS: &[MotivoDef] = codes!("bnb/cnab400-motivos");

/// First and last position of the error bitmap (nota 6).
const ERROS_START: usize = 280;
const ERROS_END: usize = 356;

/// Decodes the nota 6 error bitmap of rejected records (serviço ≥ 51) into motivos. The generic normalizer reads
/// motivos as two-character codes, which this layout does not use.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let rejected = e
        .ocorrencia
        .as_ref()
        .and_then(|o| o.code.parse::<u8>().ok())
        .is_some_and(|c| c >= 51);
    if !rejected {
        return;
    }
    let Some(bits) = records
        .first()
        .and_then(|r| r.bytes.get(ERROS_START - 1..ERROS_END))
    else {
        return;
    };
    e.motivos = bits
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'1')
        .map(|(i, _)| described_motivo(format!("{:02}", i + 1), MOTIVOS))
        .collect();
}

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&REMESSA_HEADER, &REMESSA_DETALHE, &REMESSA_TRAILER);

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// BNB CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// BNB CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
