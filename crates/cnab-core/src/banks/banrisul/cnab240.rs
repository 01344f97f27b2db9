//! Banrisul — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Banrisul, "Cobrança Banrisul — Leiaute CNAB 240 Posições Padrão Febraban" (Unidade de Atendimento e
//! Serviços; last revision listed: outubro/2013, with the 2025 fator table), sections 3.1 header de arquivo pp. 6-7,
//! 3.2 header de lote p. 8, 3.3 segmento P pp. 9-14, 3.4 segmento Q pp. 14-16, 3.5 segmento R pp. 16-18,
//! 3.6 segmento S pp. 19-21, 3.7 segmento Y-01 p. 21, 3.8 segmento T pp. 22-26, 3.9 segmento U pp. 26-28,
//! 3.10/3.11 trailers p. 28, 5.1 ocorrências de retorno pp. 34-36, 5.2 nosso número (8 digits + 2-digit NC) p. 36.
//! File header layout version `040`, batch layout version `020`. Header and trailer records are the same in
//! remessa and retorno (1.5).
//! Positions cross-checked against laravel-boleto `src/Cnab/Remessa/Cnab240/Banco/Banrisul.php` and
//! `src/Cnab/Retorno/Cnab240/Banco/Banrisul.php`.
//!
//! Deviations from FEBRABAN (all in this module):
//! - header de arquivo: código do beneficiário in the first 13 positions of the convênio (33-45; 34-46 in the
//!   header de lote), agência DV blank, conta `000EECCCCCCC`, reserved-for-the-bank 172-191 (`BE` at 180-181 in
//!   remessas) and VAN fields 223-240; header de lote forma de lançamento `00` at 12-13;
//! - P/T 38-57 nosso número: only the first 10 positions count ("serão consideradas as 10 primeiras posições"):
//!   8 digits (38-45) + 2-digit NC (46-47), then blanks; peers differ here (laravel-boleto right-aligns the number
//!   in 20 zero-filled positions), we follow the manual;
//! - carteira (58), espécie (107-108: 02, 04, AA, AB, AC, AD…) and moeda (228-229: 09, AA, AB…) are alphanumeric;
//! - R 180-199 carries the débito data as banco (3), agência (4) and conta/DV (13), not FEBRABAN's 208-231;
//! - U 181-202 contrato BLU, 203-210 complemento;
//! - movimento remessa 12/13/15 (reembolso, protesto por falência); movimento retorno AA/AB/AC and motivos
//!   (alphanumeric: A4, AA) per ocorrência, as in T 214-223 and annex 5.1.
//!
//! Q follows FEBRABAN's positions (own table: zeros in the sacador's N 15 inscrição); S (tipo de impressão 3) is
//! FEBRABAN's table. Inscrição fields (N in the manual) are alphanumeric with an inscrição role: the writer
//! right-aligns and zero-fills them, the reader strips the padding, so the alphanumeric CNPJ (2026) fits.
//! No juros: P 118 is written `3` ("reservado" in this manual, FEBRABAN's "isento"), as laravel-boleto does.

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;

/// The manual.
pub const SOURCE: &str =
    "Cobrança Banrisul — Leiaute CNAB 240 Posições Padrão Febraban (rev. out/2013)";

/// Header de arquivo (3.1, pp. 6-7).
pub const HEADER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::HEADER_ARQUIVO,
    "Banrisul 240 (out/2013) 3.1 registro header de arquivo, pp. 6-7",
    [
        F::num("codigo_beneficiario", 33, 45).role(R::Convenio),
        F::blank("convenio_resto", 46, 52),
        F::blank("agencia_dv", 58, 58),
        F::blank("agencia_conta_dv", 72, 72),
        febraban240::banco_nome("BANRISUL"),
        febraban240::versao_arquivo("040"),
        F::alpha("reservado_banco", 172, 179),
        F::alpha("reservado_banco_remessa", 180, 181).default("BE"),
        F::alpha("reservado_banco_bfq", 182, 191),
        F::blank("reservado_empresa", 192, 211),
        F::blank("cnab_3", 212, 222),
        F::alpha("vans_identificacao", 223, 225),
        F::alpha("vans_controle", 226, 228),
        F::alpha("vans_servico", 229, 230),
        F::alpha("vans_ocorrencias", 231, 240),
    ]
);

/// Header de lote (3.2, p. 8).
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    febraban240::HEADER_LOTE,
    "Banrisul 240 (out/2013) 3.2 registro header de lote, p. 8",
    [
        F::num("forma_lancamento", 12, 13),
        febraban240::versao_lote("020"),
        F::blank("cnab_1", 17, 17),
        F::num("codigo_beneficiario", 34, 46).role(R::Convenio),
        F::blank("convenio_resto", 47, 53),
        F::alpha("agencia_dv", 59, 59),
        F::alpha("agencia_conta_dv", 73, 73),
        F::blank("cnab_2", 208, 240),
    ]
);

/// What P (13.3P) and T (13.3T) print alike around the nosso número: DVs 23 and 37 alphanumeric, the NC at 46-47,
/// blanks to 57 ("serão consideradas as 10 primeiras posições") and an alphanumeric carteira at 58. The nosso
/// número itself (38-45) is numeric in P and read as printed in T.
const P_T_COMUNS: &[F] = &[
    F::alpha("agencia_dv", 23, 23),
    F::alpha("agencia_conta_dv", 37, 37),
    F::alpha("nosso_numero_nc", 46, 47).role(R::NossoNumeroDv),
    F::blank("nosso_numero_resto", 48, 57),
    F::alpha("carteira", 58, 58).role(R::Carteira),
];

/// Segmento P (3.3, pp. 9-14).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_P,
    "Banrisul 240 (out/2013) 3.3 segmento P, pp. 9-14",
    P_T_COMUNS,
    [
        // baixa_codigo (as FEBRABAN): 1 = baixar/devolver; 0 or blank accepted (motivo 42: "verifica se o código
        // é branco, 0, 1 ou 2").
        // juros_codigo (as FEBRABAN): 1 = valor ao dia, 2 = taxa mensal; 3 ("reservado", FEBRABAN's "isento") is
        // what peers send without juros.
        F::num("nosso_numero", 38, 45).role(R::NossoNumero),
        F::alpha("tipo_documento", 60, 60),
        F::alpha("distribuicao_boleto", 62, 62),
        F::alpha("especie", 107, 108).role(R::Especie),
        F::alpha("moeda", 228, 229).default("09"),
        F::blank("cnab_2", 240, 240),
    ]
);

/// Segmento Q (3.4, pp. 14-16): pagador and sacador/avalista. FEBRABAN's positions; CEP 129-133 and its sufixo 134-136 are
/// kept as one 8-digit field; the sacador's inscrição (N 15) is written as zeros when there is none.
pub const SEGMENTO_Q: RecordLayout = RecordLayout {
    source: "Banrisul 240 (out/2013) 3.4 segmento Q, pp. 14-16",
    ..febraban240::SEGMENTO_Q_SACADOR_ZEROS
};

/// Segmento R (3.5, pp. 16-18): desconto 2/3, multa, mensagens 3/4, débito data at 180-199.
pub const SEGMENTO_R: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_R,
    "Banrisul 240 (out/2013) 3.5 segmento R, pp. 16-18",
    [
        F::num("multa_codigo", 66, 66).role(R::MultaCodigo),
        F::num("debito_banco", 180, 182),
        F::num("debito_agencia", 183, 186),
        F::num("debito_conta_dv", 187, 199),
        F::blank("cnab_2", 208, 240),
    ]
);

/// Segmento T (3.8, pp. 22-26). Movimento and motivos are alphanumeric (AA, AB, AC; A4, AA).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_T_NUMERICO,
    "Banrisul 240 (out/2013) 3.8 segmento T, pp. 22-26",
    P_T_COMUNS,
    [
        F::alpha("codigo_movimento", 16, 17).role(R::Ocorrencia),
        F::alpha("nosso_numero", 38, 45).role(R::NossoNumero),
        F::alpha("moeda", 131, 132),
    ]
);

/// Segmento U (3.9, pp. 26-28).
pub const SEGMENTO_U: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_U,
    "Banrisul 240 (out/2013) 3.9 segmento U, pp. 26-28",
    [
        F::alpha("codigo_movimento", 16, 17),
        F::alpha("ocorrencia_pagador_data", 158, 165),
        F::alpha("contrato_blu", 181, 202),
        F::blank("complemento_ocorrencia", 203, 210),
        F::num("nosso_numero_correspondente", 214, 233),
    ]
);

/// Trailer de lote (3.10, p. 28).
pub const TRAILER_LOTE: RecordLayout = RecordLayout {
    source: "Banrisul 240 (out/2013) 3.10 registro trailler de lote, p. 28",
    ..febraban240::TRAILER_LOTE_NUMERICO
};

/// Trailer de arquivo (3.11, p. 28). The manual prints lote "0001 a 9999": read as a number.
pub const TRAILER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::TRAILER_ARQUIVO,
    "Banrisul 240 (out/2013) 3.11 registro trailler de arquivo, p. 28",
    [
        F::num("lote", 4, 7).role(R::Lote),
        F::num("qtd_contas", 30, 35),
    ]
);

/// Every record (1.5: headers and trailers are the same in remessa and retorno).
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &febraban240::records_with(&[
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

/// Entry: P, Q, then R and S when they carry something; Y-01 (títulos de terceiros) read only.
pub const ENTRY_REMESSA: &[EntryRecord] = febraban240::ENTRY_REMESSA;

/// Entry: T, U (and Y-03 when present).
pub const ENTRY_RETORNO: &[EntryRecord] = febraban240::ENTRY_RETORNO;

/// Código de movimento remessa (07.3P, pp. 9-10).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("banrisul/cnab240-movimentos");

/// Código de movimento retorno (07.3T, pp. 22-23).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("banrisul/cnab240-ocorrencias");

/// Motivos (T 214-223, up to five): per movimento as listed in 28.3T (pp. 25-26); rejections (03, 26, 30) from
/// annex 5.1 (pp. 34-36).
pub const MOTIVOS: &[MotivoDef] = codes!("banrisul/cnab240-motivos");

/// Banrisul remessa, on FEBRABAN's entry.
pub const REMESSA: LayoutSpec = febraban240::remessa(RECORDS, MOVIMENTOS, SOURCE);

/// Banrisul retorno, on FEBRABAN's entry.
pub const RETORNO: LayoutSpec = febraban240::retorno(RECORDS, OCORRENCIAS, MOTIVOS, SOURCE);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
