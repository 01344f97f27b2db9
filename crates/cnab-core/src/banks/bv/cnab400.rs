//! Banco Votorantim (BV, 655) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Votorantim, "Cobrança Bancária — Intercâmbio Eletrônico de Arquivos CNAB 400", versão 6.2 (file
//! `manuais/BV/CNAB_400__posições_Cobrança_Banco_Votorantim_6_2.pdf` in tiagoandrepro/laravel-boleto): remessa
//! header (p. 3, layout "CL001"), detalhe tipo 1 (pp. 4-5), detalhe opcional tipo 2 multa (p. 5), tipo 5 sacador
//! (p. 6), trailer (p. 9); retorno header (p. 10, layout "CL002"), detalhe (pp. 11-12), trailer (p. 12); notas 6,
//! 10, 11 (tabelas 1 e 2), 12-14 (pp. 14-18). Positions cross-checked against laravel-boleto (tiagoandrepro)
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Bv.php` and the real retorno `tiagolaravelboleto__bv.ret`.
//!
//! Not modelled: the optional remessa records 7 and 8 (personalised boleto messages, front and back), which only
//! apply to "boleto personalizado" contracts.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{RecordLayout, Role as R};
use crate::model::Layout;

/// Source string of the BV tables.
pub const SOURCE: &str =
    "Banco Votorantim, Cobrança Bancária — Intercâmbio Eletrônico de Arquivos CNAB 400 v6.2";

records!("bv/cnab400-records");

/// Remessa trailer (p. 9).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Códigos de ocorrência of the remessa (nota 6, p. 14).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("bv/cnab400-movimentos");

/// Códigos de ocorrência of the retorno (nota 10, pp. 15-16).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("bv/cnab400-ocorrencias");

/// Error codes at 367-374 (nota 11): tabela 1 for ocorrência 03, tabela 2 for ocorrência 16 (pp. 16-17).
pub const MOTIVOS: &[MotivoDef] = codes!("bv/cnab400-motivos");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MULTA),
    (RecordKey::Detail(b'5'), &REMESSA_SACADOR),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title: tipo 1, then the optional tipo 2 (multa) and tipo 5 (sacador avalista).
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(RecordKey::Detail(b'2'), &[R::MultaValor]),
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::SacadorInscricao]),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// BV CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// BV CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(crate::layouts::pix::bv_400_retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
