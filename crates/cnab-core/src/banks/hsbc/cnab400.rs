//! HSBC Bank Brasil (399) — CNAB 400 cobrança registrada, remessa and retorno.
//!
//! Source: HSBC, "Cobrança Registrada — Manual Técnico, Módulo I: Arquivos Remessa-Retorno, Padrão CNAB 400",
//! versão maio/2014 (file `manuais/HSBC/remessa_retorno.pdf` in eduardokum/laravel-boleto): arquivo retorno header
//! (pp. 17-18), detalhe (pp. 19-22), trailer (p. 23); notas explicativas 13 (ocorrências) and 14 (códigos de
//! rejeição, p. 33-36). Positions cross-checked against laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Hsbc.php`.
//!
//! Remessa: arquivo remessa header (pp. 10-11), detalhe (pp. 12-15), trailer (p. 16); notas explicativas 1 (conta
//! corrente = agência + conta), 4 (desconto), 5 (carteira), 6 (ocorrências da remessa), 8 (espécie), 9 (instruções),
//! 10 (juros de mora), 11 (moeda). Positions cross-checked against laravel-boleto
//! `src/Cnab/Remessa/Cnab400/Banco/Hsbc.php`. No HSBC remessa is in the corpus; the remessa table is checked against
//! the manual and the peer. Limits: the juros "taxa ao mês" form of nota 10 (161-168 blank, 169 "T", 170-173 taxa)
//! and the multa instructions of nota 9 that repurpose 206-218 (date/taxa/days) are not modelled: 161-173 is read as
//! a value per day and 206-218 as the abatimento, as the field table names them. HSBC's "CNR"
//! (cobrança não registrada) retorno is a different layout and is not covered.

use crate::bank::motivo;
use crate::bank::{oc, records400, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T};
use crate::model::{Layout, OcorrenciaKind as K};

/// Source string of the HSBC tables.
pub const SOURCE: &str = "HSBC, Cobrança Registrada — Manual Técnico Módulo I, Arquivos Remessa-Retorno CNAB 400 (maio/2014)";

/// Remessa header (pp. 10-11).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("zero", 27, 27),
        F::num("agencia", 28, 31).role(R::Agencia),
        F::num("sub_conta", 32, 33).default("55"),
        // Conta corrente (nota 1): agência (4) + conta (5) + dígitos (2), e.g. 4321 56789-00 → 43215678900.
        F::num("conta_agencia", 34, 37).role(R::Agencia),
        F::num("conta", 38, 42).role(R::Conta),
        F::num("conta_dv", 43, 44).role(R::ContaDv),
        F::alpha("uso_banco_1", 45, 46),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).role(R::BancoNome),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("densidade", 101, 105).default("01600"),
        F::alpha("unidade_densidade", 106, 108).default("BPI"),
        F::alpha("uso_banco_2", 109, 110),
        F::alpha("sigla_layout", 111, 117).default("LANCV08"),
        F::alpha("uso_banco_3", 118, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro detalhe (pp. 12-15).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::num("zero", 18, 18),
        F::num("agencia", 19, 22).role(R::Agencia),
        F::num("sub_conta", 23, 24).default("55"),
        // Conta corrente (nota 1): agência + conta + dígitos.
        F::num("conta_agencia", 25, 28).role(R::Agencia),
        F::num("conta", 29, 33).role(R::Conta),
        F::num("conta_dv", 34, 35).role(R::ContaDv),
        F::alpha("uso_banco", 36, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::date6("data_desconto_2", 74, 79),
        F::dec("valor_desconto_2", 80, 90, 2),
        F::date6("data_desconto_3", 91, 96),
        F::dec("valor_desconto_3", 97, 107, 2),
        F::num("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::num("agencia_depositaria", 143, 147),
        F::num("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160),
        F::dec("juros_mora", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("iof", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 312).role(R::PagadorEndereco),
        // Dias da instrução de não recebimento 71/72 (nota 9); blank when not used.
        F::alpha("instrucao_nao_recebimento", 313, 314),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        // CEP (327-331) and sufixo (332-334).
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_nome", 352, 390).role(R::SacadorNome),
        F::alpha("tipo_boleto", 391, 391),
        // Numérico se utilizado, brancos se não (protesto/Serasa automático).
        F::num("prazo_protesto", 392, 393).role(R::ProtestoPrazo),
        F::alpha("moeda", 394, 394).default("9"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer (p. 16).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::alpha("uso_banco", 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Ocorrências of the remessa (nota explicativa 6, p. 25).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido de baixa"),
    oc("04", K::Informativo, "Concessão de abatimento"),
    oc("05", K::Informativo, "Cancelamento de abatimento concedido"),
    oc("06", K::Informativo, "Prorrogação de vencimento"),
    oc(
        "07",
        K::Informativo,
        "Alteração do controle do participante",
    ),
    oc("08", K::Informativo, "Alteração do seu número"),
    oc("09", K::Informativo, "Protestar"),
    oc("10", K::Informativo, "Sustar Protesto"),
    oc("11", K::Informativo, "Não cobrar juros de mora"),
    oc("13", K::Informativo, "Conceder desconto"),
    oc(
        "14",
        K::Informativo,
        "Cancelamento condição de desconto fixo",
    ),
    oc("15", K::Informativo, "Cancelamento de desconto diário"),
    oc("48", K::Informativo, "Vencimento alterado"),
    oc(
        "49",
        K::Informativo,
        "Alteração de dias para envio a Cartório de Protesto",
    ),
    oc(
        "50",
        K::Informativo,
        "Inclusão de Sacado no Boleto Eletrônico",
    ),
    oc(
        "51",
        K::Informativo,
        "Exclusão de Sacado no Boleto Eletrônico",
    ),
    oc("57", K::Informativo, "Protesto para Fins Falimentares"),
    oc("93", K::Informativo, "Remeter para Serasa (Anotação)"),
    oc("94", K::Informativo, "Sustar Serasa (Anotação)"),
    oc(
        "95",
        K::Informativo,
        "Alteração de dias para envio ao Serasa (Anotação)",
    ),
];

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&REMESSA_HEADER, &REMESSA_DETALHE, &REMESSA_TRAILER);

/// HSBC CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// Retorno header (pp. 17-18).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_arquivo", 3, 9, "RETORNO"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("zero", 27, 27),
        F::num("agencia", 28, 31).role(R::Agencia),
        F::num("sub_conta", 32, 33),
        F::num("conta", 34, 44).role(R::Conta),
        F::blank("uso_banco_1", 45, 46),
        F::alpha("nome_cliente", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("HSBC"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("densidade", 101, 105).default("01600"),
        F::alpha("literal_densidade", 106, 108).default("BPI"),
        F::blank("uso_banco_2", 109, 119),
        F::date6("data_credito", 120, 125).role(R::DataCredito),
        F::blank("uso_banco_3", 126, 388),
        F::num("sequencial_arquivo", 389, 393).role(R::Nsa),
        F::blank("uso_banco_4", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno detalhe (pp. 19-22).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao", 2, 3),
        F::num("inscricao", 4, 17),
        F::num("zero", 18, 18),
        F::num("agencia", 19, 22),
        F::num("sub_conta", 23, 24),
        F::num("conta", 25, 35),
        F::alpha("origem_pagamento", 36, 36),
        F::blank("uso_banco_1", 37, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::date6("desconto_2_data", 74, 79),
        F::dec("desconto_2_valor", 80, 90, 2),
        F::date6("desconto_3_data", 91, 96),
        F::dec("desconto_3_valor", 97, 107, 2),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::num("nosso_numero_2", 127, 137),
        F::blank("uso_banco_2", 138, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::alpha("especie", 174, 175),
        F::dec("tarifa", 176, 188, 2).role(R::Tarifa),
        F::blank("uso_banco_3", 189, 227),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::blank("uso_banco_4", 280, 301),
        F::alpha("complemento_ocorrencia", 302, 303).role(R::Motivos),
        F::alpha("indicativo_credito", 304, 304),
        F::blank("uso_banco_5", 305, 388),
        F::num("numero_aviso", 389, 393),
        F::alpha("tipo_moeda", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer (p. 23). Its totals are the "boletos em ser (registrados e pendentes no sistema do Banco)": the
/// portfolio's, shown, never compared with the file.
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_arquivo", 2, 2).default("2"),
        F::num("codigo_servico", 3, 4).default("01"),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("uso_banco_1", 8, 17),
        F::num("qtd_em_ser", 18, 25)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::Portfolio)),
        F::dec("valor_em_ser", 26, 39, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::Portfolio)),
        F::blank("uso_banco_2", 40, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Ocorrências of the retorno (nota 13, p. 31).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("02", K::EntradaConfirmada, "Entrada confirmada"),
    oc("03", K::EntradaRejeitada, "Entrada rejeitada ou Instrução rejeitada"),
    oc("06", K::Liquidacao, "Liquidação normal em dinheiro"),
    oc("07", K::Liquidacao, "Liquidação por conta em dinheiro"),
    oc("09", K::Baixa, "Baixa automática"),
    oc("10", K::Baixa, "Baixado conforme instruções"),
    oc("11", K::Informativo, "Títulos em ser (Conciliação Mensal)"),
    oc("12", K::InstrucaoConfirmada, "Abatimento concedido"),
    oc("13", K::InstrucaoConfirmada, "Abatimento cancelado"),
    oc("14", K::InstrucaoConfirmada, "Vencimento prorrogado"),
    oc("15", K::LiquidacaoCartorio, "Liquidação em cartório em dinheiro"),
    oc("16", K::LiquidacaoAposBaixa, "Liquidação - baixado/devolvido em data anterior dinheiro"),
    oc("17", K::Protesto, "Entregue em cartório em .../... protocolo ..........."),
    oc("18", K::Protesto, "Instrução automática de protesto/serasa"),
    oc("21", K::InstrucaoConfirmada, "Instrução de alteração de mora"),
    oc("22", K::Protesto, "Instrução de protesto/serasa processada/re-emitida"),
    oc("23", K::Protesto, "Cancelamento de protesto/serasa processado"),
    oc("27", K::InstrucaoConfirmada, "Número do cedente ou controle do participante alterado"),
    oc("31", K::Liquidacao, "Liquidação normal em cheque/compensação/banco correspondente"),
    oc("32", K::LiquidacaoCartorio, "Liquidação em cartório em cheque"),
    oc("33", K::Liquidacao, "Liquidação por conta em cheque"),
    oc("36", K::LiquidacaoAposBaixa, "Liquidação - baixado/devolvido em data anterior em cheque"),
    oc("37", K::Baixa, "Baixa de título protestado"),
    oc("38", K::LiquidacaoAposBaixa, "Liquidação de título não registrado - em dinheiro (Cobrança Expressa ou Cobrança Diretiva)"),
    oc("39", K::LiquidacaoAposBaixa, "Liquidação de título não registrado - em cheque (Cobrança Expressa ou Cobrança Diretiva)"),
    oc("49", K::InstrucaoConfirmada, "Vencimento alterado para .../.../..."),
    oc("51", K::Informativo, "Título DDA aceito pelo sacado"),
    oc("52", K::Informativo, "Título DDA não reconhecido pelo sacado"),
    oc("69", K::Tarifa, "Despesas/custas de cartório (complemento posições 176 a 188)"),
    oc("70", K::Tarifa, "Ressarcimento sobre títulos"),
    oc("71", K::InstrucaoRejeitada, "Ocorrência/Instrução não permitida para título em garantia de operação"),
    oc("72", K::InstrucaoConfirmada, "Concessão de Desconto Aceito"),
    oc("73", K::InstrucaoConfirmada, "Cancelamento Condição de Desconto Fixo Aceito"),
    oc("74", K::InstrucaoConfirmada, "Cancelamento de Desconto Diário Aceito"),
];

/// Códigos de rejeição of ocorrência 03, in the complemento da ocorrência (302-303; nota 14, pp. 33-36). For other
/// ocorrências that field carries tarifa codes or the DDA indicator `A4`, which are not motivos.
pub const MOTIVOS: &[MotivoDef] = &[
    motivo(&["03"], "01", "Valor do desconto não informado/inválido"),
    motivo(&["03"], "02", "Inexistência de agência do HSBC na praça do sacado"),
    motivo(&["03"], "03", "CEP do sacado incorreto ou inválido"),
    motivo(&["03"], "04", "Cadastro do cedente não aceita banco correspondente"),
    motivo(&["03"], "05", "Tipo de moeda inválido"),
    motivo(&["03"], "06", "Prazo de protesto/serasa indefinido (não informado)/inválido ou prazo de protesto/serasa inferior ao tempo decorrido da data de vencimento em relação ao envio da instrução de alteração de prazo"),
    motivo(&["03"], "07", "Data do vencimento inválida"),
    motivo(&["03"], "08", "Nosso número(número bancário) utilizado não possui vinculação com a conta cobrança"),
    motivo(&["03"], "09", "Taxa mensal de mora acima do permitido (170%)"),
    motivo(&["03"], "10", "Taxa de multa acima do permitido (10% ao mês)"),
    motivo(&["03"], "11", "Data limite de desconto inválida"),
    motivo(&["03"], "12", "CEP Inválido/Inexistência de Ag HSBC"),
    motivo(&["03"], "13", "Valor/Taxa de multa inválida"),
    motivo(&["03"], "14", "Valor diário da multa não informado"),
    motivo(&["03"], "15", "Quantidade de dias após vencimento para incidência da multa não informada"),
    motivo(&["03"], "16", "Outras irregularidades"),
    motivo(&["03"], "17", "Data de início da multa inválida"),
    motivo(&["03"], "18", "Nosso número (número bancário) já existente para outro título"),
    motivo(&["03"], "19", "Valor do título inválido"),
    motivo(&["03"], "20", "Ausência CEP/Endereço/CNPJ ou Sacador Avalista"),
    motivo(&["03"], "21", "Título sem borderô"),
    motivo(&["03"], "22", "Número da conta do cedente não cadastrado"),
    motivo(&["03"], "23", "Instrução não permitida para título em garantia de operação"),
    motivo(&["03"], "24", "Condição de desconto não permitida para titulo em garantia de Operação"),
    motivo(&["03"], "25", "Utilizada mais de uma instrução de multa"),
    motivo(&["03"], "26", "Ausência do endereço do sacado"),
    motivo(&["03"], "27", "CEP inválido.do sacado"),
    motivo(&["03"], "28", "Ausência do CPF/CNPJ do sacado em título com instrução de protesto"),
    motivo(&["03"], "29", "Agência cedente informada inválida"),
    motivo(&["03"], "30", "Número da conta do cedente inválido"),
    motivo(&["03"], "31", "Contrato garantia não cadastrado/inválido"),
    motivo(&["03"], "32", "Tipo de carteira inválido"),
    motivo(&["03"], "33", "Conta corrente do cedente não compatível com o órgão do contratante"),
    motivo(&["03"], "34", "Faixa de aplicação não cadastrada/inválida"),
    motivo(&["03"], "35", "Nosso número (número bancário) inválido"),
    motivo(&["03"], "36", "Data de emissão do título inválida"),
    motivo(&["03"], "37", "Valor do título acima de R$ 5.000.000,00 (Cinco milhões de reais)"),
    motivo(&["03"], "38", "Data de desconto menor que data da emissão"),
    motivo(&["03"], "39", "Espécie inválida"),
    motivo(&["03"], "40", "Ausência no nome do sacador avalista"),
    motivo(&["03"], "41", "Data de início de multa menor que data de emissão"),
    motivo(&["03"], "42", "Quantidade de moeda variável inválida"),
    motivo(&["03"], "43", "Controle do participante inválido"),
    motivo(&["03"], "44", "Nosso número (número bancário) duplicado no mesmo movimento"),
    motivo(&["03"], "45", "Título não aceito para compor a carteira de garantias"),
    motivo(&["03"], "50", "Título liquidado em..../..../... .(Vide data nas posições 111 a 116)"),
    motivo(&["03"], "51", "Data de emissão da ocorrência inválida"),
    motivo(&["03"], "52", "Nosso número (número bancário) duplicado"),
    motivo(&["03"], "53", "Código de ocorrência comandada inválido"),
    motivo(&["03"], "54", "Valor do desconto concedido inválido. (Vide valor nas posições 228 a 240)"),
    motivo(&["03"], "55", "Data de prorrogação de vencimento não informada"),
    motivo(&["03"], "56", "Outras irregularidades"),
    motivo(&["03"], "57", "Ocorrência não permitida para título em garantia de operações"),
    motivo(&["03"], "58", "Nosso número (número bancário) comandado na instrução/ocorrência não possui vinculação com a conta cobrança"),
    motivo(&["03"], "59", "Nosso número (número bancário) comandado na baixa não possui vinculação com a conta cobrança"),
    motivo(&["03"], "60", "Valor do desconto igual ou maior que o valor do título"),
    motivo(&["03"], "61", "Titulo com valor em moeda variável não permite condição de desconto"),
    motivo(&["03"], "62", "Data do desconto informada não coincide com o registro do título"),
    motivo(&["03"], "63", "Titulo não possui condição de desconto diário"),
    motivo(&["03"], "64", "Título baixado em...../...../.....(Vide data nas posições 111 a 116)"),
    motivo(&["03"], "65", "Título devolvido em...../...../.....(Vide data nas posições 111 a 116)"),
    motivo(&["03"], "66", "Valor do título não confere com o registrado"),
    motivo(&["03"], "67", "Nosso número (número bancário) não informado"),
    motivo(&["03"], "68", "Nosso número (número bancário) inválido"),
    motivo(&["03"], "69", "Concessão de abatimento não é permitida para moeda diferente de Real"),
    motivo(&["03"], "70", "Valor do abatimento concedido inválido. (Valor do abatimento zerado, maior ou igual ao valor do título)"),
    motivo(&["03"], "71", "Cancelamento comandado sobre título sem abatimento"),
    motivo(&["03"], "72", "Concessão de desconto não é permitida para moeda diferente de real"),
    motivo(&["03"], "73", "Valor do desconto não informado"),
    motivo(&["03"], "74", "Cancelamento comandado sobre título sem desconto"),
    motivo(&["03"], "75", "Data de vencimento alterado inválida. (Vide data nas posições 111 a 116)"),
    motivo(&["03"], "76", "Data de prorrogação de vencimento inválida"),
    motivo(&["03"], "77", "Data da instrução inválida"),
    motivo(&["03"], "78", "Protesto/Serasa comandado em duplicidade no mesmo dia"),
    motivo(&["03"], "79", "Título não possui instrução de protesto/serasa ou está com entrada já confirmada em cartório"),
    motivo(&["03"], "80", "Título não possui condição de desconto"),
    motivo(&["03"], "81", "Título não possui instrução de abatimento"),
    motivo(&["03"], "82", "Valor de juros inválido"),
    motivo(&["03"], "83", "Nosso número (número bancário) inexistente"),
    motivo(&["03"], "84", "Baixa/liquidação por órgão não autorizado"),
    motivo(&["03"], "85", "Instrução de protesto/serasa recusada/inválida"),
    motivo(&["03"], "86", "Instrução não permitida para banco correspondente"),
    motivo(&["03"], "87", "Valor da instrução inválido"),
    motivo(&["03"], "88", "Instrução inválida para tipo de carteira"),
    motivo(&["03"], "89", "Valor do desconto informado não coincide com o registro do título"),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// HSBC CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// The complemento (302-303) is a rejection motivo only for ocorrência 03 (nota 14); elsewhere it is a tarifa code
/// or the DDA flag, kept raw in the record.
pub fn retorno_hook(
    e: &mut crate::model::RetornoEntry,
    _records: &[crate::record::Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    if e.ocorrencia.as_ref().is_some_and(|o| o.code != "03") {
        e.motivos.clear();
    }
}

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
