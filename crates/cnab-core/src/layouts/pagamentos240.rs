//! FEBRABAN CNAB 240 pagamentos (the company paying: crédito em conta, DOC/TED, títulos de cobrança, tributos and
//! concessionárias; the banks' SISPAG, Multipag, Pag-For), read structurally: the records of a batch whose service
//! code (G025, header de lote 10-11) names pagamentos, with their fields named.
//!
//! Source: FEBRABAN, "Layout Padrão de Arquivos — CNAB 240 posições", versão 10.7, "Pagamentos": header de lote
//! (Pagamento através de Crédito em Conta, Cheque, OP, DOC, TED ou Pagamento com Autenticação; and Pagamento de
//! Títulos de Cobrança / Tributos, which leave 223-230 as CNAB), segmentos A, B, J, J-52, N, O and Z, trailer de
//! lote. Positions cross-checked against eduardordm/cnab240 (`lib/cnab240/segmentos/segmento_{a,b,j,j52,n,o,z}.rb`),
//! the header and trailer de lote against the field widths and FEBRABAN codes of M4N0V3Y/cnab240
//! (`WorkingCodes/ConstantDefAndEnum.h`: G025 serviço, G029 forma de lançamento, P014, G057, P007, G058, G066, G059),
//! and against the corpus files in `../shared/corpus/real/other` (BB, Itaú, Bradesco, Santander, Caixa, Daycoval),
//! whose every field decodes but the somatória de moedas of two Bradesco Multipag samples. Positions are 1-based
//! inclusive as the manual prints them.
//!
//! Amounts and dates are typed where every edition agrees (valor do pagamento, data do pagamento); fields the banks
//! fill in their own way (the complement of segmento B, whose 128-226 carry the Pix key in v10.9+ "B PIX", the
//! 53 positions after the J-52's sacador, which the J-52 Pix variant fills) are text, so a structural read never
//! refuses what a bank sends there.

use crate::bank::{LayoutSpec, RecordKey};
use crate::field::{fields, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::layouts::groups240 as g;
use crate::model::{FileKind, Layout};

/// Source string of every table below.
pub const SOURCE: &str =
    "FEBRABAN Layout Padrão CNAB 240 v10.7, pagamentos (registros 1, 3 A/B/J/J-52/N/O/Z, 5)";

/// Header de lote de pagamentos (registro 1): FEBRABAN v10.7 "Header de Lote" of the pagamentos services (crédito
/// em conta, DOC, TED, OP, cheque: forma de pagamento do serviço P014 at 223-224; títulos de cobrança and tributos
/// leave 223-230 CNAB, read here as the same text field).
pub const HEADER_LOTE: RecordLayout = RecordLayout {
    name: "header_lote_pagamentos",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::HEADER_LOTE,
        g::EMPRESA_CONTA,
        [
            F::alpha("empresa_nome", 73, 102),
            F::alpha("mensagem", 103, 142),
            F::alpha("logradouro", 143, 172),
            F::alpha("numero", 173, 177),
            F::alpha("complemento", 178, 192),
            F::alpha("cidade", 193, 212),
            F::alpha("cep", 213, 217),
            F::alpha("cep_complemento", 218, 220),
            F::alpha("uf", 221, 222),
            F::alpha("forma_pagamento_servico", 223, 224),
            F::blank("cnab_2", 225, 230),
            F::alpha("ocorrencias", 231, 240),
        ]
    ],
};

/// Segmento A (obrigatório, remessa e retorno): the credit to the favorecido's account, the amount and date asked
/// and, in the retorno, the bank's nosso número and the date and amount made (FEBRABAN v10.7, "Registro Detalhe -
/// Segmento A").
pub const SEGMENTO_A: RecordLayout = RecordLayout {
    name: "segmento_a",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_movimento("A"),
        [
            F::alpha("camara_centralizadora", 18, 20),
            F::alpha("favorecido_banco", 21, 23),
            F::alpha("favorecido_agencia", 24, 28),
            F::alpha("favorecido_agencia_dv", 29, 29),
            F::alpha("favorecido_conta", 30, 41),
            F::alpha("favorecido_conta_dv", 42, 42),
            F::alpha("favorecido_agencia_conta_dv", 43, 43),
            F::alpha("favorecido_nome", 44, 73),
            F::alpha("seu_numero", 74, 93),
            F::date8("data_pagamento", 94, 101),
            F::alpha("moeda_tipo", 102, 104),
            F::dec("moeda_quantidade", 105, 119, 5),
            F::dec("valor_pagamento", 120, 134, 2),
            F::alpha("nosso_numero", 135, 154),
            F::date8("data_real", 155, 162),
            F::dec("valor_real", 163, 177, 2),
            F::alpha("informacao_2", 178, 217),
            F::alpha("finalidade_doc", 218, 219),
            F::alpha("finalidade_ted", 220, 224),
            F::alpha("finalidade_complementar", 225, 226),
            F::blank("cnab", 227, 229),
            F::alpha("aviso", 230, 230),
            F::alpha("ocorrencias", 231, 240),
        ]
    ],
};

/// Segmento B (obrigatório, remessa e retorno): the favorecido's inscription and address and the amounts of the
/// document, the código UG (SIAPE) and the ISPB (FEBRABAN v10.7, "Registro Detalhe - Segmento B"). 15-17 are
/// CNAB in v10.7 and the Pix "forma de iniciação" in later editions, whose "B PIX" also puts the Pix key in
/// 128-226: those positions are text here, as are the amounts, which that variant does not carry.
pub const SEGMENTO_B: RecordLayout = RecordLayout {
    name: "segmento_b",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::DETALHE,
        g::segmento("B"),
        [
            F::alpha("forma_iniciacao", 15, 17),
            F::alpha("favorecido_tipo_inscricao", 18, 18),
            F::alpha("favorecido_inscricao", 19, 32),
            F::alpha("logradouro", 33, 62),
            F::alpha("numero", 63, 67),
            F::alpha("complemento", 68, 82),
            F::alpha("bairro", 83, 97),
            F::alpha("cidade", 98, 117),
            F::alpha("cep", 118, 122),
            F::alpha("cep_complemento", 123, 125),
            F::alpha("uf", 126, 127),
            F::alpha("data_vencimento", 128, 135),
            F::alpha("valor_documento", 136, 150),
            F::alpha("valor_abatimento", 151, 165),
            F::alpha("valor_desconto", 166, 180),
            F::alpha("valor_mora", 181, 195),
            F::alpha("valor_multa", 196, 210),
            F::alpha("documento_favorecido", 211, 225),
            F::alpha("aviso", 226, 226),
            F::alpha("codigo_ug", 227, 232),
            F::alpha("ispb", 233, 240),
        ]
    ],
};

/// Segmento J (obrigatório, remessa e retorno): payment of a título de cobrança by its barcode: the cedente, due
/// date, the título's amount, desconto + abatimento, mora + multa, the date and amount paid (FEBRABAN v10.7,
/// "Registro Detalhe - Segmento J").
pub const SEGMENTO_J: RecordLayout = RecordLayout {
    name: "segmento_j",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_movimento("J"),
        [
            F::alpha("codigo_barras", 18, 61),
            F::alpha("cedente_nome", 62, 91),
            F::date8("data_vencimento", 92, 99),
            F::dec("valor_titulo", 100, 114, 2),
            F::dec("valor_desconto_abatimento", 115, 129, 2),
            F::dec("valor_mora_multa", 130, 144, 2),
            F::date8("data_pagamento", 145, 152),
            F::dec("valor_pagamento", 153, 167, 2),
            F::dec("moeda_quantidade", 168, 182, 5),
            F::alpha("seu_numero", 183, 202),
            F::alpha("nosso_numero", 203, 222),
            F::alpha("moeda", 223, 224),
            F::blank("cnab", 225, 230),
            F::alpha("ocorrencias", 231, 240),
        ]
    ],
};

/// Segmento J-52 (opcional, remessa e retorno): the sacado, cedente and sacador/avalista of the título paid by the
/// J before it, a segment J told apart by its identificação de registro opcional "52" at 18-19 (FEBRABAN v10.7,
/// "Registro Detalhe - Segmento J-52"). 188-240 are CNAB in the plain J-52 and
/// the Pix key / txid in the "J-52 PIX" of later editions: text here.
pub const SEGMENTO_J52: RecordLayout = RecordLayout {
    name: "segmento_j52",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_movimento("J"),
        [
            F::constant("identificacao_registro", 18, 19, "52"),
            F::alpha("sacado_tipo_inscricao", 20, 20),
            F::alpha("sacado_inscricao", 21, 35),
            F::alpha("sacado_nome", 36, 75),
            F::alpha("cedente_tipo_inscricao", 76, 76),
            F::alpha("cedente_inscricao", 77, 91),
            F::alpha("cedente_nome", 92, 131),
            F::alpha("sacador_tipo_inscricao", 132, 132),
            F::alpha("sacador_inscricao", 133, 147),
            F::alpha("sacador_nome", 148, 187),
            F::alpha("cnab_ou_pix", 188, 240),
        ]
    ],
};

/// Segmento N (obrigatório, remessa e retorno): payment of a tributo without barcode (FEBRABAN v10.7, "Registro
/// Detalhe - Segmento N"); 111-230 are the tributo's own fields (N1…N8 by tributo: GPS, DARF, GARE, IPVA, FGTS, …),
/// one text field here.
pub const SEGMENTO_N: RecordLayout = RecordLayout {
    name: "segmento_n",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_movimento("N"),
        [
            F::alpha("seu_numero", 18, 37),
            F::alpha("nosso_numero", 38, 57),
            F::alpha("contribuinte_nome", 58, 87),
            F::date8("data_pagamento", 88, 95),
            F::dec("valor_pagamento", 96, 110, 2),
            F::alpha("informacoes_tributo", 111, 230),
            F::alpha("ocorrencias", 231, 240),
        ]
    ],
};

/// Segmento O (obrigatório, remessa e retorno): payment of a concessionária's bill or a tributo with barcode
/// (FEBRABAN v10.7, "Registro Detalhe - Segmento O").
pub const SEGMENTO_O: RecordLayout = RecordLayout {
    name: "segmento_o",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_movimento("O"),
        [
            F::alpha("codigo_barras", 18, 61),
            F::alpha("concessionaria_nome", 62, 91),
            F::date8("data_vencimento", 92, 99),
            F::date8("data_pagamento", 100, 107),
            F::dec("valor_pagamento", 108, 122, 2),
            F::alpha("seu_numero", 123, 142),
            F::alpha("nosso_numero", 143, 162),
            F::blank("cnab", 163, 230),
            F::alpha("ocorrencias", 231, 240),
        ]
    ],
};

/// Segmento Z (opcional, retorno): the bank's authentication of a payment (FEBRABAN v10.7, "Registro Detalhe -
/// Segmento Z").
pub const SEGMENTO_Z: RecordLayout = RecordLayout {
    name: "segmento_z",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::DETALHE,
        g::segmento("Z"),
        [
            F::alpha("autenticacao", 15, 78),
            F::alpha("controle_bancario", 79, 103),
            F::blank("cnab", 104, 230),
            F::alpha("ocorrencias", 231, 240),
        ]
    ],
};

/// Trailer de lote de pagamentos (registro 5): FEBRABAN v10.7 "Trailer de Lote" (G057 quantidade de registros,
/// P007 somatória dos valores, G058 somatória de quantidade de moedas, G066 número do aviso de débito, G059
/// ocorrências).
pub const TRAILER_LOTE: RecordLayout = RecordLayout {
    name: "trailer_lote_pagamentos",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::TRAILER_LOTE,
        [
            F::num("qtd_registros", 18, 23).role(R::QtdRegistros),
            F::dec("somatoria_valores", 24, 41, 2),
            F::dec("somatoria_moedas", 42, 59, 5),
            F::alpha("aviso_debito", 60, 65),
            F::blank("cnab_2", 66, 230),
            F::alpha("ocorrencias", 231, 240),
        ]
    ],
};

/// Every record of a pagamentos batch, the file's header and trailer FEBRABAN's (the same for every product). The
/// J-52 comes before the J: a segment J line is read as the first whose constants (the J-52's "52" at 18-19) hold
/// ([`LayoutSpec::record_for`]).
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &febraban240::HEADER_ARQUIVO),
    (RecordKey::BatchHeader, &HEADER_LOTE),
    (RecordKey::Segment(b'A'), &SEGMENTO_A),
    (RecordKey::Segment(b'B'), &SEGMENTO_B),
    (RecordKey::Segment(b'J'), &SEGMENTO_J52),
    (RecordKey::Segment(b'J'), &SEGMENTO_J),
    (RecordKey::Segment(b'N'), &SEGMENTO_N),
    (RecordKey::Segment(b'O'), &SEGMENTO_O),
    (RecordKey::Segment(b'Z'), &SEGMENTO_Z),
    (RecordKey::BatchTrailer, &TRAILER_LOTE),
    (RecordKey::FileTrailer, &febraban240::TRAILER_ARQUIVO),
];

/// The pagamentos records as a spec (records only: no entries, no codes), for the reader's per-batch choice.
pub const SPEC: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Retorno,
    RECORDS,
    &[],
    &[],
    SOURCE,
);

/// Every table, for the table test.
pub const ALL: &[&RecordLayout] = &[
    &HEADER_LOTE,
    &SEGMENTO_A,
    &SEGMENTO_B,
    &SEGMENTO_J,
    &SEGMENTO_J52,
    &SEGMENTO_N,
    &SEGMENTO_O,
    &SEGMENTO_Z,
    &TRAILER_LOTE,
];

/// The bank's ocorrências of a pagamentos retorno (231-240 of the header de lote, segments A, J, N, O, Z and the
/// trailer de lote: up to five two-character codes): FEBRABAN 240 v10.7, G059 "Código das Ocorrências para
/// Retorno". Codes a bank adds of its own (Itaú's `NA`, …) are not here: they are kept as sent, without a
/// description. The consignação codes (BH-BS, HM-H9, IA-IZ of the same table) are left out: no payment batch here
/// carries them.
pub const OCORRENCIAS: &[(&str, &str)] = &[
    ("00", "Crédito ou débito efetivado"),
    ("01", "Insuficiência de fundos - débito não efetuado"),
    ("02", "Crédito ou débito cancelado pelo pagador/credor"),
    ("03", "Débito autorizado pela agência - efetuado"),
    ("AA", "Controle inválido"),
    ("AB", "Tipo de operação inválido"),
    ("AC", "Tipo de serviço inválido"),
    ("AD", "Forma de lançamento inválida"),
    ("AE", "Tipo/número de inscrição inválido"),
    ("AF", "Código de convênio inválido"),
    ("AG", "Agência/conta corrente/DV inválido"),
    ("AH", "Nº sequencial do registro no lote inválido"),
    ("AI", "Código de segmento de detalhe inválido"),
    ("AJ", "Tipo de movimento inválido"),
    (
        "AK",
        "Código da câmara de compensação do banco favorecido/depositário inválido",
    ),
    (
        "AL",
        "Código do banco favorecido, instituição de pagamento ou depositário inválido",
    ),
    (
        "AM",
        "Agência mantenedora da conta corrente do favorecido inválida",
    ),
    (
        "AN",
        "Conta corrente/DV/conta de pagamento do favorecido inválido",
    ),
    ("AO", "Nome do favorecido não informado"),
    ("AP", "Data do lançamento inválida"),
    ("AQ", "Tipo/quantidade da moeda inválido"),
    ("AR", "Valor do lançamento inválido"),
    ("AS", "Aviso ao favorecido - identificação inválida"),
    ("AT", "Tipo/número de inscrição do favorecido inválido"),
    ("AU", "Logradouro do favorecido não informado"),
    ("AV", "Nº do local do favorecido não informado"),
    ("AW", "Cidade do favorecido não informada"),
    ("AX", "CEP/complemento do favorecido inválido"),
    ("AY", "Sigla do estado do favorecido inválida"),
    ("AZ", "Código/nome do banco depositário inválido"),
    ("BA", "Código/nome da agência depositária não informado"),
    ("BB", "Seu número inválido"),
    ("BC", "Nosso número inválido"),
    ("BD", "Inclusão efetuada com sucesso"),
    ("BE", "Alteração efetuada com sucesso"),
    ("BF", "Exclusão efetuada com sucesso"),
    ("BG", "Agência/conta impedida legalmente"),
    ("CA", "Código de barras - código do banco inválido"),
    ("CB", "Código de barras - código da moeda inválido"),
    ("CC", "Código de barras - dígito verificador geral inválido"),
    ("CD", "Código de barras - valor do título inválido"),
    ("CE", "Código de barras - campo livre inválido"),
    ("CF", "Valor do documento inválido"),
    ("CG", "Valor do abatimento inválido"),
    ("CH", "Valor do desconto inválido"),
    ("CI", "Valor de mora inválido"),
    ("CJ", "Valor da multa inválido"),
    ("CK", "Valor do IR inválido"),
    ("CL", "Valor do ISS inválido"),
    ("CM", "Valor do IOF inválido"),
    ("CN", "Valor de outras deduções inválido"),
    ("CO", "Valor de outros acréscimos inválido"),
    ("HA", "Lote não aceito"),
    ("HB", "Inscrição da empresa inválida para o contrato"),
    (
        "HC",
        "Convênio com a empresa inexistente/inválido para o contrato",
    ),
    (
        "HD",
        "Agência/conta corrente da empresa inexistente/inválida para o contrato",
    ),
    ("HE", "Tipo de serviço inválido para o contrato"),
    ("HF", "Conta corrente da empresa com saldo insuficiente"),
    ("HG", "Lote de serviço fora de sequência"),
    ("HH", "Lote de serviço inválido"),
    ("HI", "Arquivo não aceito"),
    ("HJ", "Tipo de registro inválido"),
    ("HK", "Código remessa/retorno inválido"),
    ("HL", "Versão de layout inválida"),
    ("TA", "Lote não aceito - totais do lote com diferença"),
    ("YA", "Título não encontrado"),
    ("YB", "Identificador registro opcional inválido"),
    ("YC", "Código padrão inválido"),
    ("YD", "Código de ocorrência inválido"),
    ("YE", "Complemento de ocorrência inválido"),
    ("YF", "Alegação já informada"),
    ("ZA", "Agência/conta do favorecido substituída"),
    (
        "ZB",
        "Divergência entre o primeiro e último nome do beneficiário e o da Receita Federal",
    ),
    ("ZC", "Confirmação de antecipação de valor"),
    ("ZD", "Antecipação parcial de valor"),
    ("ZE", "Título bloqueado na base"),
    (
        "ZF",
        "Sistema em contingência - título com valor maior que o de referência",
    ),
    ("ZG", "Sistema em contingência - título vencido"),
    ("ZH", "Sistema em contingência - título indexado"),
    ("ZI", "Beneficiário divergente"),
    ("ZJ", "Limite de pagamentos parciais excedido"),
    ("ZK", "Boleto já liquidado"),
];

/// FEBRABAN's description of a pagamentos ocorrência code ([`OCORRENCIAS`]).
pub fn ocorrencia_description(code: &str) -> Option<&'static str> {
    OCORRENCIAS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, d)| *d)
}
