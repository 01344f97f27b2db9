//! Unicred (136) — CNAB 400 cobrança, retorno.
//!
//! Source: Unicred do Brasil, "Cobrança Beneficiário Web — Layout de Retorno de Boletos, CNAB 400 posições" (file
//! `manuais/UNICRED/CNAB400/Layout CNAB 400 - Retorno.pdf` in eduardokum/laravel-boleto): section 2 (header,
//! detalhe, trailer) and section 3 "Informações adicionais" (códigos de movimento 109-110, complemento do movimento
//! 319-326). Positions cross-checked against laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Unicred.php` and the
//! corpus file `001-bb/cnab400/retorno/ocal10nbr__CNAB400UNICRED_valor_menor_1.RET` (a Unicred retorno whose header
//! says 001 / "BANCO DO BRASIL"; its details carry 136 as banco recebedor).
//!
//! The complemento do movimento (319-326) is one code of two or three characters ("09", "E10", "101"), not a list
//! of two-character motivos; [`retorno_hook`] reads it.
//!
//! Remessa source: Unicred do Brasil, "Cobrança Web — Layout de Remessa de Boletos, CNAB 400 posições" (file
//! `manuais/UNICRED/CNAB400/Layout CNAB 400 - Remessa.pdf` in eduardokum/laravel-boleto): 5.5.1 header, 5.5.3/5.5.4
//! detalhe tipo 1 and its observações (ocorrências 109-110, códigos de multa/mora/desconto/protesto), 5.5.5 tipo 5
//! (pagador avalista), 5.5.6 tipo 6 (endereço Correios/e-mail do pagador), 5.5.8 tipo 7 (mensagens em lote), 5.5.10
//! trailer. Positions cross-checked against laravel-boleto `src/Cnab/Remessa/Cnab400/Banco/Unicred.php`, Maxwbh
//! brcobranca `lib/brcobranca/remessa/cnab400/unicred.rb` and the three corpus remessas (br_boleto, OCA, pyCobranca).
//!
//! Remessa model notes: the nosso número (193-203) is 10 digits plus its módulo 11 DV in one field; the sacador's
//! name is the "Pagador/Avalista" of the detail (357-394), its inscrição and address the tipo 5 record, whose two
//! messages feed `mensagens[0..2]`. Tipos 6 and 7 are read only.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::{described_motivo, motivo_text, ENTRY_TIPO_1};
use crate::field::{RecordLayout, Role as R};
use crate::model::{Layout, RetornoEntry};
use crate::record::Record;

/// Source string of the Unicred remessa tables.
pub const SOURCE_REMESSA: &str =
    "Unicred do Brasil, Cobrança Web — Layout de Remessa de Boletos CNAB 400, seção 5.5";

/// Source string of the Unicred tables.
pub const SOURCE: &str =
    "Unicred do Brasil, Cobrança Beneficiário Web — Layout de Retorno de Boletos CNAB 400";

records!("unicred/cnab400-records");

/// Retorno trailer.
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..REMESSA_TRAILER
};

/// Remessa trailer (5.5.10).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE_REMESSA,
    ..crate::banks::shared::TRAILER_400
};

/// Identificação da ocorrência of the remessa (5.5.4, 109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("unicred/cnab400-movimentos");

/// Códigos de movimento (109-110, "Informações adicionais").
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("unicred/cnab400-ocorrencias");

/// Códigos de complemento do movimento (319-326).
pub const MOTIVOS: &[MotivoDef] = codes!("unicred/cnab400-motivos");

/// Reads the complemento do movimento (319-326) as one code; "00" (sem complemento) gives no motivo.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(code) = records
        .first()
        .and_then(|r| r.bytes.get(318..326))
        .and_then(motivo_text)
    else {
        return;
    };
    e.motivos = vec![described_motivo(code, MOTIVOS)];
}

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'5'), &REMESSA_AVALISTA),
    (RecordKey::Detail(b'6'), &REMESSA_ENDERECO),
    (RecordKey::Detail(b'7'), &REMESSA_MENSAGENS),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// A remessa entry: the detail, then the optional tipos 5, 6 and 7.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'5'),
        &[R::SacadorInscricao, R::Mensagem1, R::Mensagem2],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'6')),
    EntryRecord::read_only(RecordKey::Detail(b'7')),
];

/// Unicred CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE_REMESSA,
);

/// Unicred CNAB 400 retorno.
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
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
