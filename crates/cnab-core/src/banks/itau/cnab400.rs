//! Itaú Unibanco — CNAB 400 cobrança (remessa and retorno).
//!
//! Source: Itaú, "Cobrança — 400 bytes CNAB", julho/2021 v3 (the manual shipped as
//! `manuais/ITAU/COBRANCA-.400.BYTES.CNAB.-.JUL2021_v3.pdf` in eduardokum/laravel-boleto): section 3.1 (arquivo
//! remessa: header, detalhe tipo 1, multa tipo 2, boleto Pix tipo 3, rateio tipo 4, e-mail/sacador tipo 5, trailer),
//! section 3.2 (arquivo retorno: header, transação tipo 1, boleto Pix tipo 3, rateio tipo 4, trailer) and the notes:
//! Nota 6 (códigos de ocorrência da remessa), Nota 10 (espécies), Nota 17 (códigos de ocorrência do retorno),
//! Nota 20 (tabelas de erros, posições 378-385). Positions cross-checked against laravel-boleto
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Itau.php` and brcobranca `lib/brcobranca/retorno/cnab400/itau.rb`.
//!
//! Espécies (Nota 10): 01 duplicata mercantil, 02 nota promissória, 03 nota de seguro, 04 mensalidade escolar,
//! 05 recibo, 06 contrato, 07 cosseguros, 08 duplicata de serviço, 09 letra de câmbio, 13 nota de débitos,
//! 15 documento de dívida, 16 encargos condominiais, 17 conta de prestação de serviços, 18 boleto proposta,
//! 99 diversos.
//!
//! Notes on the model: the retorno carries the nosso número twice (63-70, and 86-93 with its DAC at 94); both feed
//! `nosso_numero` (the second wins when filled). "Valor principal" (254-266, the amount posted to the account) feeds
//! `valor_pago`. Instrução 1 (157-158) feeds the protest code and "prazo" (392-393) its days.

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{RecordLayout, Role as R};
use crate::model::Layout;

const SRC: &str = "Itaú Cobrança 400 bytes CNAB, julho/2021 v3";
const SRC_REM: &str = "Itaú Cobrança 400 bytes CNAB, julho/2021 v3, 3.1 arquivo remessa";

records!("itau/cnab400-records");

/// Trailer de arquivo (remessa).
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    source: SRC_REM,
    ..crate::banks::shared::TRAILER_400
};

/// Nota 6 — códigos de ocorrência da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("itau/cnab400-movimentos");

/// Nota 17 — códigos de ocorrência do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("itau/cnab400-ocorrencias");

/// Nota 20 — erros (posições 378-385, até quatro códigos): tabela 1 (entradas rejeitadas, ocorrências 03 e 60),
/// tabela 2 (alteração de dados rejeitada, 17), tabela 3 (instruções rejeitadas, 16), tabela 4 (baixas rejeitadas, 15).
pub const MOTIVOS: &[MotivoDef] = codes!("itau/cnab400-motivos");

const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
    (RecordKey::Detail(b'2'), &MULTA_REMESSA),
    (RecordKey::Detail(b'3'), &PIX_REMESSA),
    (RecordKey::Detail(b'4'), &RATEIO_REMESSA),
    (RecordKey::Detail(b'5'), &SACADOR_REMESSA),
    (
        RecordKey::Detail(b'8'),
        &crate::banks::bradesco::cnab400::PIX_TIPO8_REMESSA,
    ),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::MultaCodigo, R::MultaData, R::MultaValor],
    ),
    EntryRecord::if_any(RecordKey::Detail(b'3'), &[R::PixChave, R::PixLocation]),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::SacadorInscricao]),
    EntryRecord::read_only(RecordKey::Detail(b'8')),
];

const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_RETORNO),
    (RecordKey::Detail(b'1'), &DETALHE_RETORNO),
    (RecordKey::Detail(b'3'), &PIX_RETORNO),
    (RecordKey::Detail(b'4'), &RATEIO_RETORNO),
    (RecordKey::FileTrailer, &TRAILER_RETORNO),
];

const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(RecordKey::Detail(b'3'), &[R::PixEmv]),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
];

/// Itaú CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SRC,
);

/// Itaú CNAB 400 retorno.
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
