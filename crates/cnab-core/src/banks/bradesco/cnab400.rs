//! Bradesco — CNAB 400 cobrança (remessa and retorno).
//!
//! Source: Bradesco, "Cobrança Bradesco — Layout de Arquivo Padrão CNAB 400 posições", document
//! 4008-524-0121 (the manual shipped as `docs/Bradesco/4008-524-0121-layout-cobranca-versao-portugues.pdf` in
//! kivanio/brcobranca and as `manuais/BRADESCO/novos/400_posicoes.pdf` in eduardokum/laravel-boleto): arquivo-remessa
//! pages 9-15 (header label, transação tipos 1, 2, 3, 6, 7, trailer) with the notes of pages 16-22; arquivo-retorno
//! pages 38-43 (header label, transação tipo 1, rateio tipo 3, trailer), pages 44-45 (códigos de ocorrência,
//! posições 109-110) and pages 47-53 (motivos, posições 319-328, up to five 2-digit codes). Positions cross-checked
//! against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Bradesco.php` and brcobranca
//! `lib/brcobranca/retorno/cnab400/bradesco.rb`.
//!
//! Espécies (remessa 148-149): 01 duplicata, 02 nota promissória, 03 nota de seguro, 04 cobrança seriada, 05 recibo,
//! 10 letras de câmbio, 11 nota de débito, 12 duplicata de serviço, 31 cartão de crédito, 32 boleto de proposta,
//! 99 outros.
//!
//! Model mapping: the remessa "identificação da empresa beneficiária" (21-37: zero, carteira, agência, conta, dígito)
//! is split into its parts; instrução 1 (157-158) feeds the protest code and instrução 2 (159-160) its days; the
//! 60 positions at 335-394 (sacador/avalista or 2ª mensagem) are kept raw. Type 2 carries the four messages and the
//! 2nd discount. Retorno: "valor pago" (254-266) is the total received.

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{RecordLayout, Role as R};

use crate::model::Layout;

const SRC: &str = "Bradesco Cobrança CNAB 400, layout 4008-524-0121";
const SRC_REM: &str =
    "Bradesco Cobrança CNAB 400, layout 4008-524-0121, arquivo-remessa (pp. 9-22)";
const SRC_RET: &str =
    "Bradesco Cobrança CNAB 400, layout 4008-524-0121, arquivo-retorno (pp. 38-54)";

records!("bradesco/cnab400-records");

/// Trailer (remessa).
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    source: SRC_REM,
    ..crate::banks::shared::TRAILER_400
};

/// Retorno — registro tipo 3, rateio de crédito (groups kept raw).
pub const RATEIO_RETORNO: RecordLayout = RecordLayout {
    source: SRC_RET,
    ..RATEIO_REMESSA
};

/// Remessa — identificação de ocorrência (109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("bradesco/cnab400-movimentos");

/// Retorno — identificação de ocorrência (109-110), p. 45.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("bradesco/cnab400-ocorrencias");

/// Motivos (319-328), pp. 47-53, per ocorrência.
pub const MOTIVOS: &[MotivoDef] = codes!("bradesco/cnab400-motivos");

const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
    (RecordKey::Detail(b'2'), &MENSAGEM_REMESSA),
    (RecordKey::Detail(b'3'), &RATEIO_REMESSA),
    (RecordKey::Detail(b'6'), &TIPO6_REMESSA),
    (RecordKey::Detail(b'7'), &SACADOR_REMESSA),
    (RecordKey::Detail(b'8'), &PIX_TIPO8_REMESSA),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[
            R::Mensagem1,
            R::Mensagem2,
            R::Mensagem3,
            R::Mensagem4,
            R::Desconto2Valor,
        ],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'3')),
    EntryRecord::read_only(RecordKey::Detail(b'6')),
    EntryRecord::read_only(RecordKey::Detail(b'7')),
    EntryRecord::read_only(RecordKey::Detail(b'8')),
];

const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_RETORNO),
    (RecordKey::Detail(b'1'), &DETALHE_RETORNO),
    (RecordKey::Detail(b'3'), &RATEIO_RETORNO),
    (RecordKey::Detail(b'4'), &PIX_RETORNO),
    (RecordKey::FileTrailer, &TRAILER_RETORNO),
];

const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::read_only(RecordKey::Detail(b'3')),
    EntryRecord::if_any(RecordKey::Detail(b'4'), &[R::PixUrl, R::PixTxid]),
];

/// Bradesco CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SRC,
);

/// Bradesco CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RECORDS_RETORNO,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SRC,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
