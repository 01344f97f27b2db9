//! Banco Fibra (224) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Fibra, "Produto Cobrança Bancária — Manual do Usuário, CNAB 400" (layout de agosto 2021, file
//! `BANCO FIBRA_COB_CNAB400__Mai_22.pdf` in eduardokum/laravel-boleto `manuais/FIBRA/`): "Descrição de registro —
//! Remessa" (header, registro de transação 1, mensagem 2, nota fiscal 4, sacador 5, trailler, pp. 4-11) and
//! "Descrição registro — Retorno" (header, transação 1, trailler, notas 1-8, tabela 2.3 de erros, pp. 12-19).
//! Positions cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Fibra.php` and against
//! the real retorno `laravelboleto__fibra.ret` of the corpus.
//!
//! Banco Pine (643) uses the very same layout (same processing platform, "BPI" density literal in the header);
//! [`crate::banks::pine`] reuses these tables.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{RecordLayout, Role as R};
use crate::model::Layout;

/// Source string of the Fibra tables.
pub const SOURCE: &str =
    "Banco Fibra, Produto Cobrança Bancária — Manual do Usuário CNAB 400 (ago/2021, rev. mai/2022)";

records!("fibra/cnab400-records");

/// Remessa trailler (manual p. 11).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Movimentos of the remessa (nota 4, p. 7).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("fibra/cnab400-movimentos");

/// Ocorrências of the retorno (nota 8, pp. 15-16).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("fibra/cnab400-ocorrencias");

/// Error codes of rejected records (tabela 2.3, pp. 16-19), per ocorrência 03, 15 and 16.
pub const MOTIVOS: &[MotivoDef] = codes!("fibra/cnab400-motivos");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::Detail(b'4'), &REMESSA_NOTA_FISCAL),
    (RecordKey::Detail(b'5'), &REMESSA_SACADOR),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem1, R::Mensagem2, R::Mensagem3, R::Mensagem4],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::SacadorInscricao]),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Fibra CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// Fibra CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
