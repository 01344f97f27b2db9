//! Banrisul (041) — CNAB 400 cobrança.
//!
//! Source: Banrisul, "Cobrança Eletrônica Banrisul — Leiaute Padrão CNAB 400 posições" (versão 15/07/2015, edição
//! 06): §2.1 header remessa, §2.2 transação tipo 1 (dados do título), §2.7 trailler remessa, §3.1 header retorno,
//! §3.2 transação tipo 1 retorno (códigos de ocorrência at 109-110), §3.5 trailler retorno, §3.6.1 motivos
//! (ocorrências 03, 16 e 18); códigos de ocorrência da remessa from §2.2 positions 109-110. Positions
//! cross-checked against kivanio/brcobranca `lib/brcobranca/{remessa,retorno}/cnab400/banrisul.rb` and
//! eduardokum/laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Banrisul.php`.
//!
//! Notes:
//! - The header literals "01REMESSA" (1-9) and "041BANRISUL" (77-87) are split so that the file code (2) and the
//!   bank code (77-79) are fields of their own.
//! - The código de cedente `AAAACCCCCCCCC` (13 digits) is split into agência (4) and código do cedente (9).
//! - Remessa records not tabled: "tipo 1 — dados do sacador" (§2.3) shares record type `1` with the título and
//!   can only be told apart by its blank positions; the message record (§2.4) and rateio (tipo 3, §2.5) are
//!   optional. Retorno records tipo 3 (rateio) and tipo 8 (cobrança partilhada) are not tabled either.
//! - Retorno vencimento (147-152) holds "SEMREG" for cobrança sem registro (a date problem on such files);
//!   the agência cobradora (169-173) may end in a space, so it is text.

use crate::bank::{oc, records400, LayoutSpec, MotivoDef, OcorrenciaDef};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{
    patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T,
};
use crate::model::{Layout, OcorrenciaKind as K};

/// Source string for the tables.
pub const SOURCE: &str =
    "Banrisul Cobrança Eletrônica, leiaute padrão CNAB 400 (vrs 15/07/2015, ed. 06)";

/// §2.1 — header remessa.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §2.1 header (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::blank("brancos_1", 10, 26),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::num("codigo_cedente", 31, 39).role(R::CodigoBeneficiario),
        F::blank("brancos_2", 40, 46),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 87).default("BANRISUL"),
        F::blank("brancos_3", 88, 94),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos_4", 101, 109),
        F::alpha("codigo_servico", 110, 113),
        F::blank("brancos_5", 114, 114),
        F::alpha("tipo_processamento", 115, 115),
        F::blank("brancos_6", 116, 116),
        F::alpha("codigo_office_banking", 117, 126),
        F::blank("brancos_7", 127, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §2.2 — transação tipo 1, dados do título (remessa).
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §2.2 transação tipo 1: dados do título (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::blank("brancos_1", 2, 17),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("codigo_cedente", 22, 30).role(R::CodigoBeneficiario),
        F::blank("brancos_2", 31, 37),
        F::alpha("identificacao_beneficiario", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 72).role(R::NossoNumero),
        F::alpha("mensagem", 73, 104).role(R::Mensagem1),
        F::blank("brancos_3", 105, 107),
        F::alpha("tipo_carteira", 108, 108)
            .role(R::Carteira)
            .default("1"),
        F::num("codigo_ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::blank("brancos_4", 143, 147),
        F::num("tipo_documento", 148, 149)
            .role(R::Especie)
            .default("08"),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160).role(R::MultaCodigo),
        F::num("codigo_mora", 161, 161).role(R::JurosCodigo),
        F::dec("juros_valor", 162, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 2).role(R::Iof),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 269).role(R::PagadorNome),
        F::blank("brancos_5", 270, 274),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::blank("brancos_6", 315, 321),
        F::dec("taxa_multa", 322, 324, 1).role(R::MultaValor),
        F::num("dias_multa", 325, 326),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::dec("taxa_desconto_antecipacao", 352, 355, 1),
        F::blank("brancos_7", 356, 356),
        F::dec("valor_calculo_desconto", 357, 369, 2),
        F::num("dias_protesto_devolucao", 370, 371).role(R::ProtestoPrazo),
        F::blank("brancos_8", 372, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §2.7 — trailler remessa.
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §2.7 trailler (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos_1", 2, 27),
        F::dec("valor_total", 28, 40, 2).role(R::ValorTotal),
        F::blank("brancos_2", 41, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §3.1 — header retorno.
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    source: "Banrisul CNAB 400 (15/07/2015) §3.1 header (retorno)",
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
            F::alpha("literal_retorno", 3, 9).default("RETORNO"),
            F::num("codigo_servico", 10, 11).default("01"),
            F::alpha("literal_servico", 12, 19).default("COBRANCA"),
            F::blank("brancos_1", 20, 26),
            F::blank("brancos_4", 101, 385),
            F::num("nsa", 386, 394).role(R::Nsa),
        ]
    ),
    ..HEADER_REMESSA
};

/// §3.2 — transação tipo 1, dados do título (retorno).
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §3.2 transação tipo 1: dados do título (retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3),
        F::num("empresa_inscricao", 4, 17),
        F::num("agencia", 18, 21),
        F::num("codigo_cedente", 22, 30),
        F::alpha("especie_cobranca", 31, 36),
        F::blank("brancos_1", 37, 37),
        F::alpha("identificacao_beneficiario", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 72).role(R::NossoNumero),
        F::alpha("nosso_numero_garantia", 73, 82),
        F::blank("brancos_2", 83, 83),
        F::alpha("contrato_blu", 84, 104),
        F::blank("brancos_3", 105, 107),
        F::alpha("tipo_carteira", 108, 108).role(R::Carteira),
        F::num("codigo_ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::alpha("nosso_numero_completo", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::alpha("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::alpha("tipo_documento", 174, 175),
        F::dec("despesas_cobranca", 176, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::num("zeros", 202, 227),
        F::dec("valor_abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("valor_desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("valor_juros", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_recebimentos", 280, 292, 2).role(R::OutrosCreditos),
        F::blank("brancos_4", 293, 295),
        F::date6("data_credito", 296, 301).role(R::DataCredito),
        F::alpha("partilhada", 302, 342),
        F::alpha("forma_pagamento", 343, 343),
        F::alpha("canal_pagamento", 344, 344),
        F::blank("brancos_5", 345, 382),
        F::alpha("motivos", 383, 392).role(R::Motivos),
        F::blank("brancos_6", 393, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §3.5 — trailler retorno.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Banrisul CNAB 400 (15/07/2015) §3.5 trailler (retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos_1", 2, 17),
        // §3.5: "quantidade de títulos em carteira", "valor total em carteira": the portfolio's. The manual does not
        // say whether 049-092 (títulos registrados, liquidados) count this file's entries: left without a scope.
        F::num("quantidade_carteira", 18, 25).total(T::quantidade(S::Portfolio)),
        F::dec("valor_carteira", 26, 39, 2).total(T::valor_titulo(S::Portfolio)),
        F::num("nsa", 40, 47),
        F::blank("brancos_2", 48, 48),
        F::num("quantidade_registrados", 49, 55),
        F::alpha("valor_registrados", 56, 70),
        F::num("quantidade_liquidados", 71, 77),
        F::alpha("valor_liquidados", 78, 92),
        F::blank("brancos_3", 93, 361),
        F::alpha("quantidade_rateios", 362, 379),
        F::alpha("valor_rateios", 380, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §2.2 positions 109-110 — códigos de ocorrência da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido baixa"),
    oc("04", K::Informativo, "Concessão de abatimento"),
    oc("05", K::Informativo, "Cancelamento de abatimento"),
    oc("06", K::Informativo, "Alteração de vencimento"),
    oc("07", K::Informativo, "Alteração de uso empresa"),
    oc("08", K::Informativo, "Alteração do Seu Número"),
    oc("09", K::Informativo, "Protestar imediatamente"),
    oc("10", K::Informativo, "Sustação de protesto"),
    oc("11", K::Informativo, "Não cobrar juros de mora"),
    oc(
        "12",
        K::Informativo,
        "Reembolso e transferência Desconto e Vendor",
    ),
    oc(
        "13",
        K::Informativo,
        "Reembolso e devolução Desconto e Vendor",
    ),
    oc(
        "16",
        K::Informativo,
        "Alteração do número de dias para protesto",
    ),
    oc(
        "17",
        K::Informativo,
        "Protestar imediatamente para fins de falência",
    ),
    oc("18", K::Informativo, "Alteração do nome do Pagador"),
    oc("19", K::Informativo, "Alteração do endereço do Pagador"),
    oc("20", K::Informativo, "Alteração da cidade do Pagador"),
    oc(
        "21",
        K::Informativo,
        "Alteração do CEP do Pagador (mudança de portadora)",
    ),
    oc(
        "68",
        K::Informativo,
        "Acerto dos dados do rateio de crédito",
    ),
    oc("69", K::Informativo, "Cancelamento dos dados do rateio"),
];

/// §3.2 positions 109-110 — códigos de ocorrência do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("02", K::EntradaConfirmada, "Confirmação de entrada"),
    oc("03", K::EntradaRejeitada, "Entrada rejeitada"),
    oc("04", K::Baixa, "Baixa de título liquidado por edital"),
    oc("06", K::Liquidacao, "Liquidação normal"),
    oc("07", K::Liquidacao, "Liquidação parcial"),
    oc(
        "08",
        K::Liquidacao,
        "Baixa por pagamento, liquidação pelo saldo",
    ),
    oc("09", K::Baixa, "Devolução automática"),
    oc("10", K::Baixa, "Baixado conforme instruções"),
    oc("11", K::Informativo, "Arquivo levantamento"),
    oc("12", K::InstrucaoConfirmada, "Concessão de abatimento"),
    oc("13", K::InstrucaoConfirmada, "Cancelamento de abatimento"),
    oc("14", K::InstrucaoConfirmada, "Vencimento alterado"),
    oc("15", K::LiquidacaoCartorio, "Pagamento em cartório"),
    oc("16", K::InstrucaoConfirmada, "Alteração de dados"),
    oc("18", K::InstrucaoConfirmada, "Alteração de instruções"),
    oc("19", K::Protesto, "Confirmação de instrução protesto"),
    oc(
        "20",
        K::Protesto,
        "Confirmação de instrução para sustar protesto",
    ),
    oc(
        "21",
        K::Protesto,
        "Aguardando autorização para protesto por edital",
    ),
    oc(
        "22",
        K::Protesto,
        "Protesto sustado por alteração de vencimento e prazo de cartório",
    ),
    oc("23", K::Protesto, "Confirmação da entrada em cartório"),
    oc("25", K::Baixa, "Devolução, liquidado anteriormente"),
    oc(
        "26",
        K::Protesto,
        "Devolvido pelo cartório – erro de informação",
    ),
    oc(
        "30",
        K::Informativo,
        "Cobrança a creditar (liquidação em trânsito)",
    ),
    oc("31", K::Informativo, "Título em trânsito pago em cartório"),
    oc(
        "32",
        K::Informativo,
        "Reembolso e transferência Desconto e Vendor ou carteira em garantia",
    ),
    oc(
        "33",
        K::Informativo,
        "Reembolso e devolução Desconto e Vendor",
    ),
    oc(
        "34",
        K::Informativo,
        "Reembolso não efetuado por falta de saldo",
    ),
    oc("40", K::Baixa, "Baixa de títulos protestados"),
    oc("41", K::Tarifa, "Despesa de aponte"),
    oc("42", K::InstrucaoConfirmada, "Alteração de título"),
    oc("43", K::Informativo, "Relação de títulos"),
    oc("44", K::Tarifa, "Manutenção mensal"),
    oc(
        "45",
        K::Protesto,
        "Sustação de cartório e envio de título a cartório",
    ),
    oc(
        "46",
        K::Informativo,
        "Fornecimento de formulário pré-impresso",
    ),
    oc(
        "47",
        K::EntradaConfirmada,
        "Confirmação de entrada – Pagador DDA",
    ),
    oc(
        "68",
        K::InstrucaoConfirmada,
        "Acerto dos dados do rateio de crédito",
    ),
    oc(
        "69",
        K::InstrucaoConfirmada,
        "Cancelamento dos dados do rateio",
    ),
];

/// §3.6.1 — motivos das ocorrências 03, 16 e 18 (positions 383-392).
pub const MOTIVOS: &[MotivoDef] = &[
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "01", description: "Código do Banco inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "02", description: "Agência/Conta/Número de controle – Inválido Cobrança Partilhada" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "04", description: "Código do movimento não permitido para a carteira" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "05", description: "Código do movimento inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "08", description: "Nosso Número inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "09", description: "Nosso Número duplicado" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "10", description: "Carteira inválida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "15", description: "Características da cobrança incompatíveis – se a carteira e a moeda forem válidas e não existir espécie" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "16", description: "Data de vencimento inválida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "17", description: "Data de vencimento anterior à data de emissão" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "18", description: "Vencimento fora do prazo de operação" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "20", description: "Valor do título inválido (não numérico)" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "21", description: "Espécie do título inválida (arquivo de registro)" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "23", description: "Aceite inválido – verifica conteúdo válido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "24", description: "Data de emissão inválida – verifica se a data é numérica e se está no formato válido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "25", description: "Data de emissão posterior à data de processamento" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "26", description: "Código de juros de mora inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "27", description: "Valor/taxa de juros de mora inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "28", description: "Código do desconto inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "29", description: "Valor do desconto maior ou igual ao valor do título" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "30", description: "Desconto a conceder não confere" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "32", description: "Valor de IOF inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "33", description: "Valor do abatimento inválido – para registro de título verifica se o campo é numérico e para" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "34", description: "Valor do abatimento maior ou igual ao valor do título" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "37", description: "Código para protesto inválido – rejeita o título se o campo for diferente de branco, 0, 1 ou 3" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "38", description: "Prazo para protesto inválido – se o código for 1 verifica se o campo é numérico" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "39", description: "Pedido de protesto não permitido para o título – não permite protesto para as carteiras R, S, N e X" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "40", description: "Título com ordem de protesto emitida (para retorno de alteração)" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "41", description: "Pedido de cancelamento/sustação de protesto inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "42", description: "Código para baixa/devolução ou instrução inválido – verifica se o código é branco, 0, 1 ou 2" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "44", description: "Código da moeda inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "45", description: "Nome do Pagador inválido ou alteração do Pagador não permitida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "46", description: "Tipo/número de inscrição do Pagador inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "47", description: "Endereço não informado ou alteração de endereço não permitida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "48", description: "CEP inválido ou alteração de CEP não permitida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "49", description: "CEP sem praça de cobrança ou alteração de cidade não permitida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "50", description: "CEP referente a um Banco Correspondente" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "52", description: "Unidade de Federação inválida ou alteração de UF não permitida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "53", description: "Tipo/Número de inscrição do Sacador/Avalista inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "54", description: "Sacador/Avalista não informado – para espécie AD o nome do Sacador é obrigatório" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "57", description: "Código da multa inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "58", description: "Data da multa inválida" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "59", description: "Valor/percentual da multa inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "60", description: "Movimento para título não cadastrado – alteração ou devolução" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "62", description: "Tipo de impressão inválido – Segmento 3S" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "63", description: "Entrada para título já cadastrado" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "79", description: "Data de juros de mora inválido – valida data ou prazo na instrução de juros" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "80", description: "Data do desconto inválida – valida data ou prazo da instrução de desconto" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "81", description: "CEP inválido do Sacador" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "83", description: "Tipo/Número de inscrição do Sacador inválido" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "84", description: "Sacador não informado" },
    MotivoDef { ocorrencias: &["03", "16", "18"], code: "86", description: "Seu número inválido (para retorno de alteração)" },
];

/// Remessa (§2).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    &records400(&HEADER_REMESSA, &DETALHE_REMESSA, &TRAILER_REMESSA),
    ENTRY_TIPO_1,
    MOVIMENTOS,
    SOURCE,
);

/// Retorno (§3).
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
