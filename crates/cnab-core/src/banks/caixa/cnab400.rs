//! Caixa Econômica Federal — CNAB 400 cobrança (SIGCB).
//!
//! Source: CAIXA, "Leiaute de Arquivo Eletrônico Padrão CNAB 400 — Cobrança Bancária CAIXA – SIGCB", manual
//! 67.126 v004 (jan/2016): Anexo I (header remessa), II (detalhe tipo 1), III (tipo 2, mensagens), IV (trailer
//! remessa), V (header retorno), VI (detalhe retorno), VII (trailer retorno); notas NE017 (movimentos), NE032
//! (motivos de rejeição), NE033 (ocorrências). Positions cross-checked against eduardokum/laravel-boleto
//! `src/Cnab/Retorno/Cnab400/Banco/Caixa.php` and `src/Cnab/Remessa/Cnab400/Banco/Caixa.php`.
//!
//! Notes:
//! - The nosso número is 17 digits: modalidade (57-58: 14 registrada/beneficiário emite, 11 CAIXA emite, …) plus
//!   15 digits (59-73). The model keeps the 15 digits in `nosso_numero` and the modalidade in `variacao`.
//! - The retorno rejection code (80-82) has 3 positions but the manual's codes have two digits; position 80 is kept
//!   apart (always `0`) so the motivo reads as printed in NE032.
//! - Juros (267-279) and multa (280-292) are separate in the retorno (Anexo VI): the entry keeps both (`juros`,
//!   `multa`) and their sum in `juros_multa`.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::Role as R;
use crate::model::{FileKind, Layout};

/// Source string for the tables.
pub const SOURCE: &str =
    "CAIXA Leiaute CNAB 400 Cobrança Bancária SIGCB, manual 67.126 v004 (jan/2016)";

records!("caixa/cnab400-records");

/// NE017 — códigos de movimento da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("caixa/cnab400-movimentos");

/// NE033 — códigos de ocorrência do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("caixa/cnab400-ocorrencias");

/// NE032 — códigos de motivo de rejeição (ocorrência 99).
pub const MOTIVOS: &[MotivoDef] = codes!("caixa/cnab400-motivos");

/// Remessa (Anexos I-IV).
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab400,
    FileKind::Remessa,
    &[
        (RecordKey::FileHeader, &HEADER_REMESSA),
        (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
        (RecordKey::Detail(b'2'), &MENSAGENS_REMESSA),
        (RecordKey::FileTrailer, &TRAILER_REMESSA),
    ],
    &[
        EntryRecord::first(RecordKey::Detail(b'1')),
        EntryRecord::if_any(
            RecordKey::Detail(b'2'),
            &[R::Mensagem2, R::Mensagem3, R::Mensagem4],
        ),
    ],
    MOVIMENTOS,
    SOURCE,
);

/// Retorno (Anexos V-VII).
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
