//! Field groups FEBRABAN's CNAB 240 records share, written once and laid into the records of `febraban240`,
//! `pagamentos240` and `extrato240` with `fields![…]` (a const concatenation: each record still lists its fields in
//! position order, group by group, and the table test checks it covers 1-240 without gap or overlap).
//!
//! Source: FEBRABAN, "Layout Padrão de Arquivos — CNAB 240 posições", versão 10.7: the "Controle" fields every
//! record opens with (G001 banco, G002 lote de serviço, G003 tipo de registro), the "Serviço" fields of a detail
//! (G038 número sequencial do registro no lote, G039 código de segmento, G060 tipo de movimento, G061 código da
//! instrução para movimento), the header de lote's "Serviço" fields (G028 tipo de operação, G025 tipo de serviço,
//! G029 forma de lançamento, G030 versão do layout do lote) and the "Empresa" block of the pagamentos and extrato
//! records (G005 tipo and G006 número de inscrição, G007 convênio, G008-G012 agência, conta and their DVs).
//! Positions are 1-based inclusive as the manual prints them.

use crate::field::{FieldSpec as F, Role as R};

/// G001 banco, 1-3: the first field of every record.
const BANCO: F = F::num("banco", 1, 3).role(R::BancoCodigo);
/// G002 lote de serviço, 4-7.
const LOTE: F = F::num("lote", 4, 7).role(R::Lote);

/// Registro 3 (detalhe) 1-13: banco, lote, G003 tipo de registro "3", G038 número sequencial do registro no lote.
pub const DETALHE: [F; 4] = [
    BANCO,
    LOTE,
    F::constant("tipo_registro", 8, 8, "3"),
    F::num("sequencial", 9, 13).role(R::Sequencial),
];

/// G039 código de segmento do registro detalhe, 14.
pub const fn segmento(letter: &'static str) -> [F; 1] {
    [F::constant("segmento", 14, 14, letter)]
}

/// A detail 1-17: [`DETALHE`], the segment `letter` (G039, 14) and the `movimento` fields at 15-17 (the movimento's
/// codes, which cobrança and pagamentos write differently).
const fn detalhe(letter: &'static str, movimento: [F; 2]) -> [F; 7] {
    let [banco, lote, tipo, sequencial] = DETALHE;
    let [segmento] = segmento(letter);
    let [at_15, at_16] = movimento;
    [banco, lote, tipo, sequencial, segmento, at_15, at_16]
}

/// A cobrança detail 1-17 (segmentos P, Q, R, S, T, U): [`DETALHE`], the segment `letter` (G039, 14), CNAB (15)
/// and the código de movimento (16-17) with its `role`: [`R::Movimento`] for C004 "código de movimento remessa"
/// (P, Q, R, S), [`R::Ocorrencia`] for C044 "código de movimento retorno" (T, U).
pub const fn detalhe_cobranca(letter: &'static str, role: R) -> [F; 7] {
    detalhe(
        letter,
        [
            F::blank("cnab_1", 15, 15),
            F::num("codigo_movimento", 16, 17).role(role),
        ],
    )
}

/// What the cobrança segments P (remessa) and T (retorno) print alike at 18-58, the título's account and number:
/// G008 agência and G009 its DV, G010 conta and G011 its DV, G012 DV da agência/conta, G069 nosso número, C006
/// carteira.
pub const TITULO_CONTA: [F; 7] = [
    F::num("agencia", 18, 22).role(R::Agencia),
    F::alpha("agencia_dv", 23, 23).role(R::AgenciaDv),
    F::num("conta", 24, 35).role(R::Conta),
    F::alpha("conta_dv", 36, 36).role(R::ContaDv),
    F::alpha("agencia_conta_dv", 37, 37).role(R::AgenciaContaDv),
    F::alpha("nosso_numero", 38, 57).role(R::NossoNumero),
    F::num("carteira", 58, 58).role(R::Carteira),
];

/// G060 tipo de movimento, 15, of a pagamentos detail.
const TIPO_MOVIMENTO: F = F::alpha("tipo_movimento", 15, 15);
/// G061 código da instrução para movimento, 16-17, of a pagamentos detail.
const CODIGO_INSTRUCAO: F = F::alpha("codigo_instrucao_movimento", 16, 17);

/// A pagamentos detail 1-17 (segmentos A, J, J-52, N and O): [`DETALHE`], the segment `letter` (G039, 14), G060
/// tipo de movimento (15) and G061 código da instrução para movimento (16-17).
pub const fn detalhe_movimento(letter: &'static str) -> [F; 7] {
    detalhe(letter, [TIPO_MOVIMENTO, CODIGO_INSTRUCAO])
}

/// Registro 1 (header de lote) 1-17 of the pagamentos and extrato services: banco, lote, G003 tipo "1", G028
/// operação, G025 serviço, G029 forma de lançamento, G030 versão do layout do lote, CNAB.
pub const HEADER_LOTE: [F; 8] = [
    BANCO,
    LOTE,
    F::constant("tipo_registro", 8, 8, "1"),
    F::alpha("operacao", 9, 9),
    F::num("servico", 10, 11),
    F::alpha("forma_lancamento", 12, 13),
    F::alpha("versao_layout_lote", 14, 16),
    F::blank("cnab_1", 17, 17),
];

/// Registro 5 (trailer de lote) 1-17: banco, lote, G003 tipo "5", CNAB.
pub const TRAILER_LOTE: [F; 4] = [
    BANCO,
    LOTE,
    F::constant("tipo_registro", 8, 8, "5"),
    F::blank("cnab_1", 9, 17),
];

/// The company's account, 18-72, in the header de lote of pagamentos and extrato and in the extrato's segment E and
/// trailer de lote: G005 tipo de inscrição, G006 número de inscrição, G007 convênio, G008 agência, G009 its DV, G010
/// conta, G011 its DV, G012 DV da agência/conta. Text: banks fill them their own way (a convênio with letters,
/// blanks where they have none).
pub const EMPRESA_CONTA: [F; 8] = [
    F::alpha("tipo_inscricao", 18, 18),
    F::alpha("inscricao", 19, 32),
    F::alpha("convenio", 33, 52),
    F::alpha("agencia", 53, 57),
    F::alpha("agencia_dv", 58, 58),
    F::alpha("conta", 59, 70),
    F::alpha("conta_dv", 71, 71),
    F::alpha("agencia_conta_dv", 72, 72),
];
