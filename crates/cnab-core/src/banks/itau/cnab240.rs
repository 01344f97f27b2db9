//! Itaú Unibanco — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Itaú, "Cobrança Bancária — Intercâmbio Eletrônico de Arquivos — Layout de Arquivos FEBRABAN 240",
//! edição Janeiro 2017 (section 3.1 "Arquivo Remessa": header de arquivo p. 7, header de lote p. 8, segmentos P/Q/R
//! pp. 9-11; section 3.2 "Arquivo Retorno": segmentos T/U pp. 14-15, trailers p. 16; notas 4, 22, 23 pp. 17-23).
//! File header layout version `040`, batch layout version `030`.
//! Positions cross-checked against Trust-Code/python-cnab `cnab240/bancos/itau/specs` and laravel-boleto
//! `src/Cnab/Remessa/Cnab240/Banco/Itau.php`.
//!
//! Deviations from FEBRABAN (all in this module):
//! - agência is 4 digits (FEBRABAN 5 + DV) and conta 5 digits with the DAC agência/conta after a blank; the
//!   FEBRABAN convênio field is blank;
//! - P/T 38-57: carteira (3 digits, 38-40) + nosso número (8, 41-48) + DAC (49) + blanks, where FEBRABAN has a
//!   20-character nosso número and a 1-digit carteira at 58;
//! - seu número is 10 positions (P 63-72, T 59-68);
//! - P 118 and 142 are zeros (no juros/desconto code), P 225-226 prazo de baixa 2 digits;
//! - Q: pagador and sacador names are 30 positions; R carries one 40-position message at 100-139;
//! - T 214-221 four error codes (alphanumeric), 222-223 código de liquidação; U 78-92 valor pago;
//! - ocorrência (nota 22) and movimento (nota 4) codes are Itaú's own.
//!
//! Inscrição fields are 9(15) in the manual: the engine writes inscrição-role fields right-aligned with zeros and
//! reads them back without the padding; the pagador's/sacador's are alphanumeric so that the
//! alphanumeric CNPJ (2026) reads; the beneficiário's in the batch header is a number (needs an engine kind for
//! zero-filled alphanumerics to take an alphanumeric CNPJ).

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::model::Layout;

/// The manual.
pub const SOURCE: &str =
    "Itaú Cobrança Bancária — Layout de Arquivos FEBRABAN 240, edição Janeiro 2017";

/// Header de arquivo (manual 3.1, p. 7).
pub const HEADER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::HEADER_ARQUIVO,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 header de arquivo, p. 7",
    [
        F::blank("brancos_1", 9, 17),
        F::blank("brancos_2", 33, 52),
        F::num("zeros_1", 53, 53),
        F::num("agencia", 54, 57).role(R::Agencia),
        F::blank("brancos_3", 58, 58),
        F::num("zeros_2", 59, 65),
        F::num("conta", 66, 70).role(R::Conta),
        F::blank("brancos_4", 71, 71),
        F::alpha("dac", 72, 72).role(R::ContaDv),
        febraban240::banco_nome("BANCO ITAU SA"),
        F::blank("brancos_5", 133, 142),
        F::num("codigo_arquivo", 143, 143).role(R::ArquivoCodigo),
        febraban240::versao_arquivo("040"),
        F::num("zeros_3", 167, 171),
        F::blank("brancos_6", 172, 225),
        F::num("zeros_4", 226, 228),
        F::blank("brancos_7", 229, 240),
    ]
);

/// Header de lote (manual 3.1, p. 8).
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    febraban240::HEADER_LOTE,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 header de lote, p. 8",
    [
        F::num("zeros_1", 12, 13),
        febraban240::versao_lote("030"),
        F::blank("brancos_1", 17, 17),
        F::num("inscricao", 19, 33).role(R::EmpresaInscricao),
        F::blank("brancos_2", 34, 53),
        F::num("zeros_2", 54, 54),
        F::num("agencia", 55, 58).role(R::Agencia),
        F::blank("brancos_3", 59, 59),
        F::num("zeros_3", 60, 66),
        F::num("conta", 67, 71).role(R::Conta),
        F::blank("brancos_4", 72, 72),
        F::alpha("dac", 73, 73).role(R::ContaDv),
        F::blank("brancos_5", 104, 183),
        F::blank("brancos_6", 208, 240),
    ]
);

/// What P, Q and R (pp. 9-11) print alike at 15-17: a blank and the código de ocorrência (the movimento, nota 4).
const ABERTURA_REMESSA: &[F] = &[
    F::blank("brancos_1", 15, 15),
    F::num("codigo_ocorrencia", 16, 17).role(R::Movimento),
];

/// What P (p. 9) and T (p. 14) print alike at 18-49: agência (4) and conta (5) with its DAC, carteira (3), nosso
/// número (8) and its DAC; the fillers between them differ (blanks in P, zeros in T).
const P_T_COMUNS: &[F] = &[
    F::num("zeros_1", 18, 18),
    F::num("agencia", 19, 22).role(R::Agencia),
    F::num("conta", 31, 35).role(R::Conta),
    F::alpha("dac", 37, 37).role(R::ContaDv),
    F::num("carteira", 38, 40).role(R::Carteira),
    F::num("nosso_numero", 41, 48).role(R::NossoNumero),
    F::alpha("nosso_numero_dac", 49, 49).role(R::NossoNumeroDv),
];

/// Segmento P (manual 3.1, p. 9).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_P,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 segmento P, p. 9",
    ABERTURA_REMESSA,
    P_T_COMUNS,
    [
        F::blank("brancos_2", 23, 23),
        F::num("zeros_2", 24, 30),
        F::blank("brancos_3", 36, 36),
        F::blank("brancos_4", 50, 57),
        F::num("zeros_3", 58, 62),
        F::alpha("seu_numero", 63, 72).role(R::SeuNumero),
        F::blank("brancos_5", 73, 77),
        F::num("agencia_cobradora_dac", 106, 106),
        F::num("zeros_4", 118, 118),
        F::num("zeros_5", 142, 142),
        F::num("baixa_prazo", 225, 226).role(R::BaixaPrazo),
        F::num("zeros_6", 227, 239),
        F::blank("brancos_6", 240, 240),
    ]
);

/// Segmento Q (manual 3.1, p. 10).
pub const SEGMENTO_Q: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_Q,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 segmento Q, p. 10",
    ABERTURA_REMESSA,
    [
        F::alpha("pagador_nome", 34, 63).role(R::PagadorNome),
        F::blank("brancos_2", 64, 73),
        F::alpha("sacador_nome", 170, 199).role(R::SacadorNome),
        F::blank("brancos_3", 200, 209),
        F::num("zeros_1", 210, 212),
        F::blank("brancos_4", 213, 240),
    ]
);

/// Segmento R (manual 3.1, p. 11): 2nd/3rd discount, multa, a message to the pagador.
pub const SEGMENTO_R: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_R,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 segmento R, p. 11",
    ABERTURA_REMESSA,
    [
        F::num("zeros_1", 18, 18),
        F::num("zeros_2", 42, 42),
        F::blank("brancos_2", 90, 99),
        F::alpha("informacao_pagador", 100, 139).role(R::Mensagem1),
        F::blank("brancos_3", 140, 199),
        F::num("zeros_3", 208, 215),
        F::blank("brancos_4", 216, 216),
        F::num("zeros_4", 217, 228),
        F::blank("brancos_5", 229, 230),
        F::num("zeros_5", 231, 231),
        F::blank("brancos_6", 232, 240),
    ]
);

/// Segmento T (manual 3.2, p. 14).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_T,
    "Itaú FEBRABAN 240 (jan/2017) 3.2 segmento T, p. 14",
    P_T_COMUNS,
    [
        F::alpha("boleto_dda", 15, 15),
        F::num("codigo_ocorrencia", 16, 17).role(R::Ocorrencia),
        F::num("zeros_2", 23, 30),
        F::num("zeros_3", 36, 36),
        F::blank("brancos_1", 50, 57),
        F::num("zeros_4", 58, 58),
        F::alpha("seu_numero", 59, 68).role(R::SeuNumero),
        F::blank("brancos_2", 69, 73),
        F::num("zeros_5", 97, 99),
        F::num("agencia_cobradora_dac", 105, 105),
        F::num("zeros_6", 131, 132),
        F::alpha("pagador_nome", 149, 178).role(R::PagadorNome),
        F::blank("brancos_3", 179, 188),
        F::num("zeros_7", 189, 198),
        F::alpha("erros", 214, 221).role(R::Motivos),
        F::alpha("codigo_liquidacao", 222, 223),
        F::blank("brancos_4", 224, 240),
    ]
);

/// Segmento U (manual 3.2, p. 15).
pub const SEGMENTO_U: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_U,
    "Itaú FEBRABAN 240 (jan/2017) 3.2 segmento U, p. 15",
    [
        F::blank("brancos_1", 15, 15),
        F::num("codigo_ocorrencia", 16, 17),
        F::dec("valor_creditado", 93, 107, 2).role(R::ValorCreditado),
        F::num("zeros_1", 108, 137),
        F::num("ocorrencia_pagador_codigo", 154, 157),
        F::blank("brancos_2", 181, 210),
        F::num("zeros_2", 211, 233),
        F::blank("brancos_3", 234, 240),
    ]
);

/// Trailer de lote (manual 3.2, p. 16). Its totals are the carteira's (nota 24: "quantidades e valores dos títulos a
/// vencer registrados no Itaú"), shown and never compared with the batch.
pub const TRAILER_LOTE: RecordLayout = patched_layout!(
    febraban240::TRAILER_LOTE_NUMERICO,
    "Itaú FEBRABAN 240 (jan/2017) trailer de lote, p. 16",
    [
        F::blank("brancos_1", 9, 17),
        F::num("zeros_1", 70, 115),
        F::alpha("aviso_bancario", 116, 123),
        F::blank("brancos_2", 124, 240),
    ]
);

/// Trailer de arquivo (manual 3.2, p. 16).
pub const TRAILER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::TRAILER_ARQUIVO,
    "Itaú FEBRABAN 240 (jan/2017) trailer de arquivo, p. 16",
    [
        F::blank("brancos_1", 9, 17),
        F::num("zeros_1", 30, 35),
        F::blank("brancos_2", 36, 240),
    ]
);

/// Every Itaú 240 record: FEBRABAN's but S and Y.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &febraban240::keyed([
    &HEADER_ARQUIVO,
    &HEADER_LOTE,
    &SEGMENTO_P,
    &SEGMENTO_Q,
    &SEGMENTO_R,
    &SEGMENTO_T,
    &SEGMENTO_U,
    &TRAILER_LOTE,
    &TRAILER_ARQUIVO,
]);

/// Remessa entry: P, Q, and R when the title has multa, a second discount or a message (manual p. 11: R is
/// optional, only with ocorrência 01 or 31). Segment Y (sacador address) is read-only here.
pub const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'P')),
    EntryRecord::always(RecordKey::Segment(b'Q')),
    EntryRecord::if_any(
        RecordKey::Segment(b'R'),
        &[
            R::MultaCodigo,
            R::MultaValor,
            R::Desconto2Valor,
            R::Mensagem1,
        ],
    ),
];

/// Retorno entry: T then U.
pub const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'T')),
    EntryRecord::always(RecordKey::Segment(b'U')),
];

/// Códigos de ocorrência da remessa (nota 4, p. 17).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("itau/cnab240-movimentos");

/// Códigos de ocorrência do retorno (nota 22, pp. 20-21).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("itau/cnab240-ocorrencias");

/// Nota 23, tabela 1: entradas rejeitadas (ocorrência 03), T 214-221, up to four codes.
pub const MOTIVOS: &[MotivoDef] = codes!("itau/cnab240-motivos");

/// Itaú remessa.
pub const REMESSA: LayoutSpec =
    LayoutSpec::remessa(Layout::Cnab240, RECORDS, ENTRY_REMESSA, MOVIMENTOS, SOURCE);

/// Itaú retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab240,
    RECORDS,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
