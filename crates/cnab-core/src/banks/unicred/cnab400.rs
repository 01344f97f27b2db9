//! Unicred (136) — CNAB 400 cobrança, retorno.
//!
//! Source: Unicred do Brasil, "Cobrança Beneficiário Web — Layout de Retorno de Boletos, CNAB 400 posições" (file
//! `manuais/UNICRED/CNAB400/Layout CNAB 400 - Retorno.pdf` in eduardokum/laravel-boleto): section 2 (header,
//! detalhe, trailer) and section 3 "Informações adicionais" (códigos de movimento 109-110, complemento do movimento
//! 319-326). Positions cross-checked against laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Unicred.php` and the
//! corpus file `001-bb/cnab400/retorno/ocal10nbr__CNAB400UNICRED_valor_menor_1.RET` (a Unicred retorno whose header
//! says 001 / "BANCO DO BRASIL"; its details carry 136 as banco recebedor).
//!
//! The complemento do movimento (319-326) is one code of two or three characters ("09", "E10", "101"), not a list
//! of two-character motivos; [`retorno_hook`] reads it.
//!
//! Remessa source: Unicred do Brasil, "Cobrança Web — Layout de Remessa de Boletos, CNAB 400 posições" (file
//! `manuais/UNICRED/CNAB400/Layout CNAB 400 - Remessa.pdf` in eduardokum/laravel-boleto): 5.5.1 header, 5.5.3/5.5.4
//! detalhe tipo 1 and its observações (ocorrências 109-110, códigos de multa/mora/desconto/protesto), 5.5.5 tipo 5
//! (pagador avalista), 5.5.6 tipo 6 (endereço Correios/e-mail do pagador), 5.5.8 tipo 7 (mensagens em lote), 5.5.10
//! trailer. Positions cross-checked against laravel-boleto `src/Cnab/Remessa/Cnab400/Banco/Unicred.php`, Maxwbh
//! brcobranca `lib/brcobranca/remessa/cnab400/unicred.rb` and the three corpus remessas (br_boleto, OCA, pyCobranca).
//!
//! Remessa model notes: the nosso número (193-203) is 10 digits plus its módulo 11 DV in one field; the sacador's
//! name is the "Pagador/Avalista" of the detail (357-394), its inscrição and address the tipo 5 record, whose two
//! messages feed `mensagens[0..2]`. Tipos 6 and 7 are read only.

use crate::bank::motivo;
use crate::bank::{oc, records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::{described_motivo, motivo_text, ENTRY_TIPO_1};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{Layout, OcorrenciaKind as K, RetornoEntry};
use crate::record::Record;

/// Source string of the Unicred remessa tables.
pub const SOURCE_REMESSA: &str =
    "Unicred do Brasil, Cobrança Web — Layout de Remessa de Boletos CNAB 400, seção 5.5";

/// Source string of the Unicred tables.
pub const SOURCE: &str =
    "Unicred do Brasil, Cobrança Beneficiário Web — Layout de Retorno de Boletos CNAB 400";

/// Retorno header.
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_retorno", 3, 9, "RETORNO"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 19).default("COBRANCA"),
        F::blank("brancos_1", 20, 26),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::alpha("agencia_dv", 31, 31).role(R::AgenciaDv),
        F::alpha("conta", 32, 39).role(R::Conta),
        F::alpha("conta_dv", 40, 40).role(R::ContaDv),
        F::num("zeros", 41, 46),
        F::alpha("nome_beneficiario", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("UNICREDDOBRASIL"),
        F::date6("data_geracao", 95, 100).role(R::DataGeracao),
        F::num("sequencial_retorno", 101, 107).role(R::Nsa),
        F::alpha("codigo_beneficiario", 108, 121).role(R::CodigoBeneficiario),
        F::blank("brancos_2", 122, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno detalhe.
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3),
        F::num("inscricao_empresa", 4, 17),
        F::num("agencia", 18, 21),
        F::alpha("agencia_dv", 22, 22),
        F::alpha("conta", 23, 30),
        F::alpha("conta_dv", 31, 31),
        F::alpha("codigo_beneficiario", 32, 45),
        F::num("nosso_numero", 46, 62).role(R::NossoNumero),
        F::blank("brancos_1", 63, 73),
        F::num("zero", 74, 74),
        F::alpha("carteira", 75, 75).role(R::Carteira),
        F::blank("brancos_2", 76, 85),
        F::num("fixo_019", 86, 88).default("019"),
        F::num("zeros", 89, 106),
        F::num("fixo_18", 107, 108).default("18"),
        F::num("codigo_movimento", 109, 110).role(R::Ocorrencia),
        F::date6("data_liquidacao", 111, 116).role(R::DataOcorrencia),
        F::blank("brancos_3", 117, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::alpha("banco_recebedor", 166, 168).role(R::BancoCobrador),
        F::alpha("agencia_recebedora", 169, 172).role(R::AgenciaCobradora),
        F::alpha("agencia_recebedora_dv", 173, 173),
        F::blank("brancos_4", 174, 175),
        F::date6("data_repasse", 176, 181).role(R::DataCredito),
        F::dec("tarifa", 182, 188, 2).role(R::Tarifa),
        F::blank("brancos_5", 189, 227),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::alpha("seu_numero", 280, 305).role(R::SeuNumero),
        F::dec("valor_liquido", 306, 318, 2).role(R::ValorCreditado),
        F::alpha("complemento_movimento", 319, 326),
        F::alpha("tipo_instrucao_origem", 327, 328),
        F::blank("brancos_6", 329, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer.
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..REMESSA_TRAILER
};

/// Remessa header (5.5.1).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("codigo_beneficiario", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("nome_beneficiario", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("UNICRED"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos_1", 101, 107),
        F::num("variacao_carteira", 108, 110).default("000"),
        F::num("sequencial_arquivo", 111, 117).role(R::Nsa),
        F::blank("brancos_2", 118, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 1 (5.5.3, observações 5.5.4).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("agencia", 2, 6).role(R::Agencia),
        F::alpha("agencia_dv", 7, 7).role(R::AgenciaDv),
        F::num("conta", 8, 19).role(R::Conta),
        F::alpha("conta_dv", 20, 20).role(R::ContaDv),
        F::num("zero", 21, 21),
        F::num("carteira", 22, 24).role(R::Carteira).default("021"),
        F::num("zeros_1", 25, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("codigo_banco", 63, 65).role(R::BancoCodigo),
        F::num("zeros_2", 66, 67),
        F::blank("brancos_1", 68, 92),
        F::num("filler_1", 93, 93),
        F::alpha("codigo_multa", 94, 94)
            .role(R::MultaCodigo)
            .default("3"),
        F::dec("valor_multa", 95, 104, 2).role(R::MultaValor),
        F::alpha("tipo_mora", 105, 105)
            .role(R::JurosCodigo)
            .default("5"),
        F::alpha("titulo_descontavel", 106, 106).default("N"),
        F::blank("brancos_2", 107, 108),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("filler_2", 140, 149),
        F::alpha("codigo_desconto", 150, 150)
            .role(R::DescontoCodigo)
            .default("0"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("filler_3", 157, 157),
        F::alpha("codigo_protesto", 158, 158)
            .role(R::ProtestoCodigo)
            .default("3"),
        F::num("dias_protesto", 159, 160).role(R::ProtestoPrazo),
        F::dec("valor_mora", 161, 173, 2).role(R::JurosValor),
        F::date6("data_desconto", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::num("nosso_numero", 193, 203).role(R::NossoNumero),
        F::num("zeros_3", 204, 205),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 354).role(R::PagadorCidade),
        F::alpha("pagador_uf", 355, 356).role(R::PagadorUf),
        F::alpha("pagador_avalista", 357, 394).role(R::SacadorNome),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 5, dados do pagador avalista (5.5.5).
pub const REMESSA_AVALISTA: RecordLayout = RecordLayout {
    name: "detalhe_avalista",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "5"),
        F::alpha("email", 2, 121),
        F::num("sacador_tipo_inscricao", 122, 123).role(R::SacadorTipoInscricao),
        F::num("sacador_inscricao", 124, 137).role(R::SacadorInscricao),
        F::alpha("sacador_logradouro", 138, 177),
        F::alpha("sacador_bairro", 178, 189),
        F::num("sacador_cep", 190, 197),
        F::alpha("sacador_cidade", 198, 212),
        F::alpha("sacador_uf", 213, 214),
        F::alpha("mensagem_1", 215, 274).role(R::Mensagem1),
        F::alpha("mensagem_2", 275, 334).role(R::Mensagem2),
        F::blank("brancos", 335, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 6, endereço do pagador no padrão dos Correios e e-mail (5.5.6, 5.5.7). Read only.
pub const REMESSA_ENDERECO: RecordLayout = RecordLayout {
    name: "detalhe_endereco_pagador",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "6"),
        F::alpha("tipo_logradouro", 2, 26),
        F::alpha("logradouro", 27, 86),
        F::alpha("numero", 87, 91),
        F::alpha("complemento", 92, 121),
        F::alpha("bairro", 122, 161),
        F::alpha("cep", 162, 169),
        F::alpha("cidade", 170, 219),
        F::alpha("uf", 220, 221),
        F::alpha("email", 222, 281),
        F::alpha("boleto_por_email", 282, 282),
        F::blank("brancos", 283, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 7, mensagens em lote (5.5.8, 5.5.9). Read only.
pub const REMESSA_MENSAGENS: RecordLayout = RecordLayout {
    name: "detalhe_mensagens",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "7"),
        F::blank("brancos", 2, 4),
        F::num("numero_linha_1", 5, 6),
        F::alpha("recibo_linha_1", 7, 86),
        F::blank("filler_1", 87, 94),
        F::alpha("ficha_linha_1", 95, 134),
        F::num("numero_linha_2", 135, 136),
        F::alpha("recibo_linha_2", 137, 216),
        F::blank("filler_2", 217, 224),
        F::alpha("ficha_linha_2", 225, 264),
        F::num("numero_linha_3", 265, 266),
        F::alpha("recibo_linha_3", 267, 346),
        F::blank("filler_3", 347, 353),
        F::alpha("ficha_linha_3", 354, 393),
        F::blank("destino_boleto", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer (5.5.10).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE_REMESSA,
    ..crate::banks::shared::TRAILER_400
};

/// Identificação da ocorrência of the remessa (5.5.4, 109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido de Baixa"),
    oc("04", K::Informativo, "Concessão de Abatimento"),
    oc("05", K::Informativo, "Cancelamento de Abatimento"),
    oc("06", K::Informativo, "Alteração de vencimento"),
    oc("09", K::Informativo, "Protestar"),
    oc("11", K::Informativo, "Sustar Protesto e Manter em Carteira"),
    oc("22", K::Informativo, "Alteração do Seu Número"),
    oc("23", K::Informativo, "Alteração de dados do Pagador"),
    oc("25", K::Informativo, "Sustar Protesto e Baixar Título"),
    oc("26", K::Informativo, "Protesto automático"),
    oc("40", K::Informativo, "Alteração de Status Desconto"),
];

/// Códigos de movimento (109-110, "Informações adicionais").
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc(
        "01",
        K::LiquidacaoCartorio,
        "Pago (Título protestado pago em cartório)",
    ),
    oc("02", K::InstrucaoConfirmada, "Instrução Confirmada"),
    oc("03", K::InstrucaoRejeitada, "Instrução Rejeitada"),
    oc(
        "04",
        K::Protesto,
        "Sustado Judicial (Título protestado sustado judicialmente)",
    ),
    oc("06", K::Liquidacao, "Liquidação Normal"),
    oc(
        "07",
        K::LiquidacaoCartorio,
        "Liquidação em Condicional (Título liquidado em cartório com cheque do próprio devedor)",
    ),
    oc(
        "08",
        K::Protesto,
        "Sustado Definitivo (Título protestado sustado judicialmente)",
    ),
    oc("09", K::Liquidacao, "Liquidação de Título Descontado"),
    oc("10", K::Protesto, "Protesto solicitado"),
    oc("11", K::Protesto, "Protesto Em cartório"),
    oc("12", K::Protesto, "Sustação solicitada"),
    oc(
        "13",
        K::Informativo,
        "Títulos Descontado (título utilizado como garantia em operação de desconto)",
    ),
    oc(
        "14",
        K::Informativo,
        "Títulos Descontável (título com desistência de garantia em operação de desconto)",
    ),
];

/// Códigos de complemento do movimento (319-326).
pub const MOTIVOS: &[MotivoDef] = &[
    motivo(&[], "00", "Sem Complemento a informar"),
    motivo(&[], "01", "Código do Banco Inválido"),
    motivo(&[], "04", "Código de Movimento não permitido para a carteira"),
    motivo(&[], "05", "Código de Movimento Inválido"),
    motivo(&[], "06", "Número de Inscrição do Beneficiário Inválido"),
    motivo(&[], "07", "Agência - Conta Inválida"),
    motivo(&[], "08", "Nosso Número Inválido"),
    motivo(&[], "09", "Nosso Número Duplicado"),
    motivo(&[], "10", "Carteira inválida"),
    motivo(&[], "12", "Tipo de Documento Inválido"),
    motivo(&[], "15", "Data de Vencimento inferior a 5 dias uteis para remessa gráfica"),
    motivo(&[], "16", "Data de Vencimento Inválida"),
    motivo(&[], "17", "Data de Vencimento Anterior à Data de Emissão"),
    motivo(&[], "18", "Vencimento fora do Prazo de Operação"),
    motivo(&[], "20", "Valor do Título Inválido"),
    motivo(&[], "24", "Data de Emissão Inválida"),
    motivo(&[], "25", "Data de Emissão Posterior à data de Entrega"),
    motivo(&[], "26", "Código de juros inválido"),
    motivo(&[], "27", "Valor de juros inválido"),
    motivo(&[], "28", "Código de Desconto inválido"),
    motivo(&[], "29", "Valor de Desconto inválido"),
    motivo(&[], "30", "Alteração de Dados Rejeitada"),
    motivo(&[], "33", "Valor de Abatimento Inválido"),
    motivo(&[], "34", "Valor do Abatimento Maior ou Igual ao Valor do título"),
    motivo(&[], "37", "Código para Protesto Inválido; (Protesto via SGR, não é CRA)"),
    motivo(&[], "38", "Prazo para Protesto Inválido; (Protesto via SGR, não é CRA)"),
    motivo(&[], "39", "Pedido de Protesto Não Permitido para o Título"),
    motivo(&[], "40", "Título com Ordem de Protesto Emitida"),
    motivo(&[], "41", "Pedido de Cancelamento/Sustação para Títulos sem Instrução de Protesto ou Instrução de Protesto não confirmada pelo cartório"),
    motivo(&[], "45", "Nome do Pagador não informado"),
    motivo(&[], "46", "Número de Inscrição do Pagador Inválido"),
    motivo(&[], "47", "Endereço do Pagador Não Informado"),
    motivo(&[], "48", "CEP Inválido"),
    motivo(&[], "49", "Titulo em processo de Protesto, não pode ser baixado por Decurso de Prazo"),
    motivo(&[], "52", "Unidade Federativa Inválida"),
    motivo(&[], "57", "Código de Multa inválido"),
    motivo(&[], "58", "Data de Multa inválido"),
    motivo(&[], "59", "Valor / percentual de Multa inválido"),
    motivo(&[], "60", "Movimento para Título não Cadastrado"),
    motivo(&[], "63", "Entrada para Título já cadastrado"),
    motivo(&[], "79", "Data de Juros inválida"),
    motivo(&[], "80", "Data de Desconto inválida"),
    motivo(&[], "86", "Seu Número Inválido"),
    motivo(&[], "A5", "Título Liquidado"),
    motivo(&[], "A8", "Valor do Abatimento Inválido para Cancelamento"),
    motivo(&[], "C0", "Sistema Intermitente – Entre em contato com sua Cooperativa"),
    motivo(&[], "C1", "Situação do título Aberto"),
    motivo(&[], "C3", "Status do Borderô Inválido"),
    motivo(&[], "C4", "Nome do Beneficiário Inválido"),
    motivo(&[], "C5", "Documento Inválido"),
    motivo(&[], "C6", "Instrução não Atualiza Cadastro do Título"),
    motivo(&[], "C7", "Título não registrado na CIP"),
    motivo(&[], "C8", "Situação do Borderô inválida"),
    motivo(&[], "C9", "Título inválido conforme situação CIP"),
    motivo(&[], "C10", "Protesto: Título precisa estar em Aberto"),
    motivo(&[], "D0", "Beneficiário não autorizado a operar com produto Desconto"),
    motivo(&[], "D1", "Alteração de status de desconto não permitido para título"),
    motivo(&[], "D2", "Operação de desconto não permitida para título vencido"),
    motivo(&[], "D3", "Alteração de status de desconto não permitido para situação do título"),
    motivo(&[], "E0", "CEP indicado para o endereço do Pagador não compatível com os Correios"),
    motivo(&[], "E1", "Logradouro para o endereço do Pagador não compatível com os Correios, para o CEP indicado"),
    motivo(&[], "E2", "Tipo de logradouro para o endereço do Pagador não compatível com os Correios, para o CEP indicado"),
    motivo(&[], "E3", "Bairro para o endereço do Pagador não compatível com os Correios, para o CEP indicado"),
    motivo(&[], "E4", "Cidade para o endereço do Pagador não compatível com os Correios, para o CEP indicado"),
    motivo(&[], "E5", "UF para o endereço do Pagador não compatível com os Correios, para o CEP indicado"),
    motivo(&[], "E6", "Dados do segmento/registro opcional de endereço do pagador, incompletos no arquivo remessa"),
    motivo(&[], "E7", "Beneficiário não autorizado a enviar boleto por e-mail"),
    motivo(&[], "E8", "Indicativo para pagador receber boleto por e-mail sinalizado, porém sem o endereço do e-mail"),
    motivo(&[], "E9", "Beneficiário não autorizado a enviar títulos para protesto"),
    motivo(&[], "E10", "Instrução ‘09 – Protestar’, usada erroneamente para título a vencer ou ainda dentro do período de Carência de ‘1 dia’ do vencimento, referente a liquidação por Compensação"),
    motivo(&[], "E11", "Instrução ‘26 – Protesto Automático’, usada erroneamente para título vencido"),
    motivo(&[], "E12", "Cancelamento de protesto automático não permitido, título não possui configuração de protesto automático"),
    motivo(&[], "E13", "Configuração de Número de Dias para Protesto, foi informado para cancelamento de protesto automático"),
    motivo(&[], "E14", "Configuração de Número de Dias para Protesto, não foi informado para protesto automático"),
    motivo(&[], "E15", "Cancelamento de protesto automático não permitido, para protesto já enviado a cartório"),
    motivo(&[], "E16", "Código para Protesto inválido"),
    motivo(&[], "E17", "Instrução não permitida para título descontado"),
    motivo(&[], "E18", "Configuração de Número de Dias para Protesto, foi informado para opção de não protestar"),
    motivo(&[], "E19", "Baixa por decurso de prazo foi encaminhada em duplicidade pela CIP"),
    motivo(&[], "E20", "Títulos com múltiplos pagamentos devem ter permissão para receber qualquer valor de pagamento"),
    motivo(&[], "E21", "Instrução não permitida para títulos com múltiplos pagamentos"),
    motivo(&[], "E22", "Funcionalidade para títulos com múltiplos pagamentos não está habilitada"),
    motivo(&[], "E23", "Quantidade de pagamentos parciais, deve ser 99"),
    motivo(&[], "E24", "Quantidade de pagamentos parciais não deve ser informado"),
    motivo(&[], "E25", "Modelo de calculo invalido para titulo com pagamentos parciais"),
    motivo(&[], "I0", "Título possui baixa operacional ativa na cip"),
    motivo(&[], "PX", "Não foi possível registrar o título com QR Code, por favor, tente novamente"),
    motivo(&[], "101", "Data da apresentação inferior à data de vencimento"),
    motivo(&[], "102", "Falta de comprovante da prestação de serviço"),
    motivo(&[], "103", "Nome do sacado incompleto/incorreto"),
    motivo(&[], "104", "Nome do cedente incompleto/incorreto"),
    motivo(&[], "105", "Nome do sacador incompleto/incorreto"),
    motivo(&[], "106", "Endereço do sacado insuficiente"),
    motivo(&[], "107", "CNPJ/CPF do sacado inválido/incorreto"),
    motivo(&[], "108", "CNPJ/CPF incompatível c/ o nome do sacado/sacador/avalista"),
    motivo(&[], "109", "CNPJ/CPF do sacado incompatível com o tipo de documento"),
    motivo(&[], "110", "CNPJ/CPF do sacador incompatível com a espécie"),
    motivo(&[], "111", "Título aceito sem a assinatura do sacado"),
    motivo(&[], "112", "Título aceito rasurado ou rasgado"),
    motivo(&[], "113", "Título aceito – falta título (ag ced: enviar)"),
    motivo(&[], "114", "CEP incorreto"),
    motivo(&[], "115", "Praça de pagamento incompatível com endereço"),
    motivo(&[], "116", "Falta número do título"),
    motivo(&[], "117", "Título sem endosso do cedente ou irregular"),
    motivo(&[], "118", "Falta data de emissão do título"),
    motivo(&[], "119", "Título aceito: valor por extenso diferente do valor por numérico"),
    motivo(&[], "120", "Data de emissão posterior ao vencimento"),
    motivo(&[], "121", "Espécie inválida para protesto"),
    motivo(&[], "122", "CEP do sacado incompatível com a praça de protesto"),
    motivo(&[], "123", "Falta espécie do título"),
    motivo(&[], "124", "Saldo maior que o valor do título"),
    motivo(&[], "125", "Tipo de endosso inválido"),
    motivo(&[], "126", "Devolvido por ordem judicial"),
    motivo(&[], "127", "Dados do título não conferem com disquete"),
    motivo(&[], "128", "Sacado e Sacador/Avalista são a mesma pessoa"),
    motivo(&[], "129", "Corrigir a espécie do título"),
    motivo(&[], "130", "Aguardar um dia útil após o vencimento para protestar"),
    motivo(&[], "131", "Data do vencimento rasurada"),
    motivo(&[], "132", "Vencimento – extenso não confere com número"),
    motivo(&[], "133", "Falta data de vencimento no título"),
    motivo(&[], "134", "DM/DMI sem comprovante autenticado ou declaração"),
    motivo(&[], "135", "Comprovante ilegível para conferência e microfilmagem"),
    motivo(&[], "136", "Nome solicitado não confere com emitente ou sacado"),
    motivo(&[], "137", "Confirmar se são 2 emitentes. Se sim, indicar os dados dos 2"),
    motivo(&[], "138", "Endereço do sacado igual ao do sacador ou do portador"),
    motivo(&[], "139", "Endereço do apresentante incompleto ou não informado"),
    motivo(&[], "140", "Rua / Número inexistente no endereço"),
    motivo(&[], "141", "Informar a qualidade do endosso (M ou T)"),
    motivo(&[], "142", "Falta endosso do favorecido para o apresentante"),
    motivo(&[], "143", "Data da emissão rasurada"),
    motivo(&[], "144", "Protesto de cheque proibido – motivo 20/25/28/30 ou 35"),
    motivo(&[], "145", "Falta assinatura do emitente no cheque"),
    motivo(&[], "146", "Endereço do emitente no cheque igual ao do banco sacado"),
    motivo(&[], "147", "Falta o motivo da devolução no cheque ou motivo ilegível"),
    motivo(&[], "148", "Falta assinatura do sacador no título"),
    motivo(&[], "149", "Nome do apresentante não informado/incompleto/incorreto"),
    motivo(&[], "150", "Erro de preenchimento do título"),
    motivo(&[], "151", "Título com direito de regresso vencido"),
    motivo(&[], "152", "Título apresentado em duplicidade"),
    motivo(&[], "153", "Título já protestado"),
    motivo(&[], "154", "Letra de Câmbio vencida – falta aceite do sacado"),
    motivo(&[], "155", "Título – falta tradução por tradutor público"),
    motivo(&[], "156", "Falta declaração de saldo assinada no título"),
    motivo(&[], "157", "Contrato de Câmbio – falta conta gráfica"),
    motivo(&[], "158", "Ausência do Documento Físico"),
    motivo(&[], "159", "Sacado Falecido"),
    motivo(&[], "160", "Sacado Apresentou Quitação do Título"),
    motivo(&[], "161", "Título de outra jurisdição territorial"),
    motivo(&[], "162", "Título com emissão anterior à concordata do sacado"),
    motivo(&[], "163", "Sacado consta na lista de falência"),
    motivo(&[], "164", "Apresentante não aceita publicação de edital"),
    motivo(&[], "165", "Dados do sacador em branco ou inválido"),
    motivo(&[], "166", "Título sem autorização para protesto por edital"),
    motivo(&[], "167", "Valor divergente entre título e comprovante"),
    motivo(&[], "168", "Condomínio não pode ser protestado para fins falimentares"),
    motivo(&[], "169", "Vedada a intimação por edital para protesto falimentar"),
    motivo(&[], "170", "Dados do Cedente em branco ou inválido"),
];

/// Reads the complemento do movimento (319-326) as one code; "00" (sem complemento) gives no motivo.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(code) = records
        .first()
        .and_then(|r| r.bytes.get(318..326))
        .and_then(motivo_text)
    else {
        return;
    };
    e.motivos = vec![described_motivo(code, MOTIVOS)];
}

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'5'), &REMESSA_AVALISTA),
    (RecordKey::Detail(b'6'), &REMESSA_ENDERECO),
    (RecordKey::Detail(b'7'), &REMESSA_MENSAGENS),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// A remessa entry: the detail, then the optional tipos 5, 6 and 7.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'5'),
        &[R::SacadorInscricao, R::Mensagem1, R::Mensagem2],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'6')),
    EntryRecord::read_only(RecordKey::Detail(b'7')),
];

/// Unicred CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE_REMESSA,
);

/// Unicred CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
