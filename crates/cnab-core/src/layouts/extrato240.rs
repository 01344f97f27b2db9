//! FEBRABAN CNAB 240 extrato para conciliação bancária (service code 04, operação "E", segmento E), read
//! structurally: the records of an extrato batch with their fields named.
//!
//! Source: FEBRABAN, "Layout Padrão de Arquivos — CNAB 240 posições", versão 10.7, "Extrato para Conciliação
//! Bancária": header de lote (serviço 04, forma de lançamento 40; the saldo inicial), segmento E (natureza,
//! complemento, CPMF, datas contábil e do lançamento, valor, tipo, categoria, histórico, documento) and trailer de
//! lote (saldos, quantidade de registros at 171-176, somatórias de débitos e créditos).
//! Positions cross-checked against marcodpt/cnab (`conciliacao/*.js`), which wrote the six extrato files of the
//! corpus (`../shared/corpus/real/other/*/cnab240-extrato`), and every line of those files fits them. Positions are
//! 1-based inclusive as the manual prints them.

use crate::bank::{LayoutSpec, RecordKey};
use crate::field::{fields, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::layouts::groups240 as g;
use crate::model::{FileKind, Layout};

/// Source string of every table below.
pub const SOURCE: &str =
    "FEBRABAN Layout Padrão CNAB 240 v10.7, extrato para conciliação bancária (registros 1, 3 E, 5)";

/// Header de lote de extrato (registro 1, FEBRABAN v10.7): the account and its saldo inicial (data, valor,
/// situação D/C, status P parcial / F final), moeda and the extrato's number.
pub const HEADER_LOTE: RecordLayout = RecordLayout {
    name: "header_lote_extrato",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::HEADER_LOTE,
        g::EMPRESA_CONTA,
        [
            F::alpha("empresa_nome", 73, 102),
            F::blank("cnab_2", 103, 142),
            F::date8("data_saldo_inicial", 143, 150),
            F::dec("valor_saldo_inicial", 151, 168, 2),
            F::alpha("situacao_saldo_inicial", 169, 169),
            F::alpha("status_saldo_inicial", 170, 170),
            F::alpha("moeda", 171, 173),
            F::alpha("numero_extrato", 174, 178),
            F::blank("cnab_3", 179, 240),
        ]
    ],
};

/// Segmento E (obrigatório, retorno): one lançamento of the account (FEBRABAN v10.7, "Registro Detalhe -
/// Segmento E"): natureza, tipo and complemento of the lançamento, isenção de CPMF, data contábil, data do
/// lançamento, valor, tipo D/C, categoria, código and descrição do histórico, número do documento.
pub const SEGMENTO_E: RecordLayout = RecordLayout {
    name: "segmento_e",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::DETALHE,
        g::segmento("E"),
        [F::blank("cnab_1", 15, 17)],
        g::EMPRESA_CONTA,
        [
            F::alpha("empresa_nome", 73, 102),
            F::blank("cnab_2", 103, 108),
            F::alpha("natureza_lancamento", 109, 111),
            F::alpha("tipo_complemento", 112, 113),
            F::alpha("complemento", 114, 133),
            F::alpha("isencao_cpmf", 134, 134),
            F::date8("data_contabil", 135, 142),
            F::date8("data_lancamento", 143, 150),
            F::dec("valor_lancamento", 151, 168, 2),
            F::alpha("tipo_lancamento", 169, 169),
            F::alpha("categoria", 170, 172),
            F::alpha("codigo_historico", 173, 176),
            F::alpha("historico", 177, 201),
            F::alpha("documento", 202, 240),
        ]
    ],
};

/// Trailer de lote de extrato (registro 5, FEBRABAN v10.7): the account again, saldos (vinculado do dia anterior,
/// limite, bloqueado), saldo final (data, valor, situação, status), the batch's quantidade de registros at 171-176
/// (not at 18-23, where the other products count), somatórias de débitos e créditos.
pub const TRAILER_LOTE: RecordLayout = RecordLayout {
    name: "trailer_lote_extrato",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::TRAILER_LOTE,
        g::EMPRESA_CONTA,
        [
            F::blank("cnab_2", 73, 88),
            F::dec("saldo_vinculado_anterior", 89, 106, 2),
            F::dec("limite", 107, 124, 2),
            F::dec("saldo_bloqueado", 125, 142, 2),
            F::date8("data_saldo_final", 143, 150),
            F::dec("valor_saldo_final", 151, 168, 2),
            F::alpha("situacao_saldo_final", 169, 169),
            F::alpha("status_saldo_final", 170, 170),
            F::num("qtd_registros", 171, 176).role(R::QtdRegistros),
            F::dec("somatoria_debitos", 177, 194, 2),
            F::dec("somatoria_creditos", 195, 212, 2),
            F::blank("cnab_3", 213, 240),
        ]
    ],
};

/// Every record of an extrato batch, the file's header and trailer FEBRABAN's.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &febraban240::HEADER_ARQUIVO),
    (RecordKey::BatchHeader, &HEADER_LOTE),
    (RecordKey::Segment(b'E'), &SEGMENTO_E),
    (RecordKey::BatchTrailer, &TRAILER_LOTE),
    (RecordKey::FileTrailer, &febraban240::TRAILER_ARQUIVO),
];

/// The extrato records as a spec (records only: no entries, no codes), for the reader's per-batch choice.
pub const SPEC: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Retorno,
    RECORDS,
    &[],
    &[],
    SOURCE,
);

/// Every table, for the table test.
pub const ALL: &[&RecordLayout] = &[&HEADER_LOTE, &SEGMENTO_E, &TRAILER_LOTE];
