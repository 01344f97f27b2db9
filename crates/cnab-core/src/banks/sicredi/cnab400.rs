//! Sicredi (748) — CNAB 400 cobrança.
//!
//! Source: Sicredi, "Manual Cobrança CNAB 400 — Beneficiário" (versão agosto/2019): §9.1 header remessa,
//! §9.2 detalhe cobrança com registro, §9.9 trailer remessa, §10.1 header retorno, §10.2 detalhe retorno,
//! §10.4 trailer retorno, §6.2 tabela de ocorrências, §6.3 tabela de motivos; instruções (movimentos) from
//! §9.2 positions 109-110. Positions cross-checked against eduardokum/laravel-boleto
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Sicredi.php`.
//!
//! Notes:
//! - Sicredi puts its code at header 77-79 ("748") like the other banks; the literal at 80-94 is "SICREDI"
//!   (remessa) / "BANSICREDI" (retorno).
//! - The header date (95-102), the remessa "data da instrução" (63-70) and the retorno "data prevista para
//!   lançamento" (329-336, the crédito date) are `AAAAMMDD`.
//! - The nosso número is alphanumeric in the retorno (left-aligned, 48-62) and 9 digits in the remessa (48-56).
//! - Motivos (319-328) are five two-character codes, letters allowed (`H5`, `B3`, …). Ocorrência 28 (tarifa)
//!   gives codes 03/04/08 their own meaning.
//! - Remessa records 5 (informativo), 6 (sacador avalista) and 7 (descontos 2 e 3) are not tabled yet.

use crate::bank::{oc, Emit, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{FileKind, Layout, OcorrenciaKind as K, RetornoEntry};
use crate::record::Record;

/// Source string for the tables.
pub const SOURCE: &str =
    "Sicredi Manual Cobrança CNAB 400 (agosto/2019), §9 remessa, §10 retorno, §6.2-6.3 tabelas";

/// §9.1 — header de arquivo remessa.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: "Sicredi CNAB 400 (ago/2019) §9.1 registro header (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("codigo_beneficiario", 27, 31).role(R::CodigoBeneficiario),
        F::alpha("empresa_inscricao", 32, 45).role(R::EmpresaInscricao),
        F::blank("filler_1", 46, 76),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("literal_sicredi", 80, 94).default("SICREDI"),
        F::date_ymd("data_gravacao", 95, 102).role(R::DataGeracao),
        F::blank("filler_2", 103, 110),
        F::num("numero_remessa", 111, 117).role(R::Nsa),
        F::blank("filler_3", 118, 390),
        F::alpha("versao_sistema", 391, 394).default("2.00"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §9.2 — detalhe tipo 1, cobrança com registro (remessa).
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source:
        "Sicredi CNAB 400 (ago/2019) §9.2 registro detalhe tipo 1 - cobrança com registro (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::alpha("tipo_cobranca", 2, 2).default("A"),
        F::alpha("tipo_carteira", 3, 3)
            .role(R::Carteira)
            .default("A"),
        F::alpha("tipo_impressao", 4, 4).default("A"),
        F::blank("filler_1", 5, 16),
        F::alpha("tipo_moeda", 17, 17).default("A"),
        F::alpha("tipo_desconto", 18, 18)
            .role(R::DescontoCodigo)
            .default("A"),
        F::alpha("tipo_juros", 19, 19)
            .role(R::JurosCodigo)
            .default("A"),
        F::blank("filler_2", 20, 47),
        F::alpha("nosso_numero", 48, 56).role(R::NossoNumero),
        F::blank("filler_3", 57, 62),
        F::date_ymd("data_instrucao", 63, 70),
        F::alpha("campo_alterado", 71, 71),
        F::alpha("postagem_titulo", 72, 72).default("N"),
        F::blank("filler_4", 73, 73),
        F::alpha("emissao_boleto", 74, 74).default("B"),
        F::num("numero_parcela", 75, 76),
        F::num("total_parcelas", 77, 78),
        F::blank("filler_5", 79, 82),
        F::dec("desconto_dia_antecipacao", 83, 92, 2),
        F::dec("percentual_multa", 93, 96, 2).role(R::MultaValor),
        F::blank("filler_6", 97, 108),
        F::num("instrucao", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::blank("filler_7", 140, 148),
        F::alpha("especie", 149, 149).role(R::Especie).default("A"),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::num("protesto_codigo", 157, 158)
            .role(R::ProtestoCodigo)
            .default("00"),
        F::num("protesto_prazo", 159, 160).role(R::ProtestoPrazo),
        F::dec("juros_valor", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::num("negativacao_codigo", 193, 194).default("00"),
        F::num("negativacao_prazo", 195, 196),
        F::num("filler_zeros_1", 197, 205),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_pessoa", 219, 219).role(R::PagadorTipoInscricao),
        F::num("filler_zeros_2", 220, 220),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_codigo_cooperativa", 315, 319).default("00000"),
        F::num("filler_zeros_3", 320, 325),
        F::blank("filler_8", 326, 326),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::num("pagador_codigo_cliente", 335, 339),
        F::alpha("sacador_inscricao", 340, 353).role(R::SacadorInscricao),
        F::alpha("sacador_nome", 354, 394).role(R::SacadorNome),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §9.9 — trailer de arquivo remessa.
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Sicredi CNAB 400 (ago/2019) §9.9 registro trailer (remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::num("banco", 3, 5).role(R::BancoCodigo),
        F::num("codigo_beneficiario", 6, 10).role(R::CodigoBeneficiario),
        F::blank("filler", 11, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §10.1 — header de arquivo retorno.
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: "Sicredi CNAB 400 (ago/2019) §10.1 registro header (retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_retorno", 3, 9).default("RETORNO"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("codigo_beneficiario", 27, 31).role(R::CodigoBeneficiario),
        F::alpha("empresa_inscricao", 32, 45).role(R::EmpresaInscricao),
        F::blank("filler_1", 46, 76),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("literal_bansicredi", 80, 94).default("BANSICREDI"),
        F::date_ymd("data_gravacao", 95, 102),
        F::blank("filler_2", 103, 110),
        F::num("numero_retorno", 111, 117).role(R::Nsa),
        F::blank("filler_3", 118, 389),
        F::alpha("versao_sistema", 390, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §10.2 — detalhe tipo 1 (retorno).
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Sicredi CNAB 400 (ago/2019) §10.2 registro detalhe - cobrança com registro (retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::blank("filler_1", 2, 13),
        F::alpha("tipo_cobranca", 14, 14).role(R::Carteira),
        F::alpha("pagador_codigo_cooperativa", 15, 19),
        F::alpha("pagador_codigo_associado", 20, 24),
        F::alpha("boleto_dda", 25, 25),
        F::blank("filler_2", 26, 47),
        F::alpha("nosso_numero", 48, 62).role(R::NossoNumero),
        F::blank("filler_3", 63, 108),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::alpha("local_liquidacao", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::blank("filler_4", 166, 174),
        F::alpha("especie", 175, 175),
        F::dec("despesas_cobranca", 176, 188, 2).role(R::Tarifa),
        F::dec("despesas_custas_protesto", 189, 201, 2).role(R::OutrasDespesas),
        F::blank("filler_zeros", 202, 227),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::dec("multa", 280, 292, 2),
        F::blank("filler_5", 293, 294),
        F::alpha("protesto_aceito", 295, 295),
        F::blank("filler_6", 296, 318),
        F::alpha("motivos", 319, 328).role(R::Motivos),
        F::date_ymd("data_lancamento", 329, 336).role(R::DataCredito),
        F::blank("filler_7", 337, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §10.4 — trailer de arquivo retorno.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "Sicredi CNAB 400 (ago/2019) §10.4 registro trailer (retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::num("banco", 3, 5).role(R::BancoCodigo),
        F::num("codigo_beneficiario", 6, 10).role(R::CodigoBeneficiario),
        F::blank("filler", 11, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// §9.2 positions 109-110 — instruções (códigos de movimento) da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Cadastro de título"),
    oc("02", K::Informativo, "Pedido de baixa"),
    oc("04", K::Informativo, "Concessão de abatimento"),
    oc("05", K::Informativo, "Cancelamento de abatimento concedido"),
    oc("06", K::Informativo, "Alteração de vencimento"),
    oc("09", K::Informativo, "Pedido de protesto"),
    oc("18", K::Informativo, "Sustar protesto e baixar título"),
    oc("19", K::Informativo, "Sustar protesto e manter em carteira"),
    oc("31", K::Informativo, "Alteração de outros dados"),
    oc("45", K::Informativo, "Incluir negativação"),
    oc(
        "75",
        K::Informativo,
        "Excluir negativação e manter na carteira",
    ),
    oc("76", K::Informativo, "Excluir negativação e baixar títulos"),
];

/// §6.2 — ocorrências do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("02", K::EntradaConfirmada, "Entrada confirmada"),
    oc("03", K::EntradaRejeitada, "Entrada rejeitada"),
    oc("06", K::Liquidacao, "Liquidação normal"),
    oc("09", K::Baixa, "Baixado automaticamente via arquivo"),
    oc(
        "10",
        K::Baixa,
        "Baixado conforme instruções da cooperativa de crédito",
    ),
    oc("12", K::InstrucaoConfirmada, "Abatimento concedido"),
    oc("13", K::InstrucaoConfirmada, "Abatimento cancelado"),
    oc("14", K::InstrucaoConfirmada, "Vencimento alterado"),
    oc("15", K::LiquidacaoCartorio, "Liquidação em cartório"),
    oc("17", K::LiquidacaoAposBaixa, "Liquidação após baixa"),
    oc(
        "19",
        K::Protesto,
        "Confirmação de recebimento de instrução de protesto",
    ),
    oc(
        "20",
        K::Protesto,
        "Confirmação de recebimento de instrução de sustação de protesto",
    ),
    oc("23", K::Protesto, "Entrada de título em cartório"),
    oc(
        "24",
        K::EntradaRejeitada,
        "Entrada rejeitada por CEP irregular",
    ),
    oc("27", K::InstrucaoRejeitada, "Baixa rejeitada"),
    oc("28", K::Tarifa, "Tarifa"),
    oc("29", K::Informativo, "Rejeição do pagador"),
    oc("30", K::InstrucaoRejeitada, "Alteração rejeitada"),
    oc("32", K::InstrucaoRejeitada, "Instrução rejeitada"),
    oc(
        "33",
        K::InstrucaoConfirmada,
        "Confirmação de pedido de alteração de outros dados",
    ),
    oc(
        "34",
        K::Protesto,
        "Retirado de cartório e manutenção em carteira",
    ),
    oc("35", K::Informativo, "Aceite do pagador"),
    oc(
        "78",
        K::InstrucaoConfirmada,
        "Confirmação de recebimento de pedido de negativação",
    ),
    oc(
        "79",
        K::InstrucaoConfirmada,
        "Confirmação de recebimento de pedido de exclusão de negativação",
    ),
    oc(
        "80",
        K::InstrucaoConfirmada,
        "Confirmação de entrada de negativação",
    ),
    oc(
        "81",
        K::InstrucaoRejeitada,
        "Entrada de negativação rejeitada",
    ),
    oc(
        "82",
        K::InstrucaoConfirmada,
        "Confirmação de exclusão de negativação",
    ),
    oc(
        "83",
        K::InstrucaoRejeitada,
        "Exclusão de Negativação rejeitada",
    ),
    oc(
        "84",
        K::Informativo,
        "Exclusão de negativação por outros motivos",
    ),
    oc(
        "85",
        K::Informativo,
        "Ocorrência informacional por outros motivos",
    ),
];

/// §6.3 — motivos (the tarifa codes of ocorrência 28 first).
pub const MOTIVOS: &[MotivoDef] = &[
    MotivoDef { ocorrencias: &["28"], code: "03", description: "Tarifa de sustação" },
    MotivoDef { ocorrencias: &["28"], code: "04", description: "Tarifa de protesto" },
    MotivoDef { ocorrencias: &["28"], code: "08", description: "Tarifa de custas de protesto" },
    MotivoDef { ocorrencias: &["28"], code: "A9", description: "Tarifa de manutenção de título vencido" },
    MotivoDef { ocorrencias: &["28"], code: "B1", description: "Tarifa de baixa da carteira" },
    MotivoDef { ocorrencias: &["28"], code: "B3", description: "Tarifa de registro de entrada do título" },
    MotivoDef { ocorrencias: &["28"], code: "F5", description: "Tarifa de entrada na rede Sicredi" },
    MotivoDef { ocorrencias: &["28"], code: "S4", description: "Tarifa de Inclusão Negativação" },
    MotivoDef { ocorrencias: &["28"], code: "S5", description: "Tarifa de Exclusão Negativação" },
    MotivoDef { ocorrencias: &[], code: "01", description: "Código do banco inválido" },
    MotivoDef { ocorrencias: &[], code: "02", description: "Código do registro detalhe inválido" },
    MotivoDef { ocorrencias: &[], code: "03", description: "Código da ocorrência inválido" },
    MotivoDef { ocorrencias: &[], code: "04", description: "Código de ocorrência não permitida para a carteira" },
    MotivoDef { ocorrencias: &[], code: "07", description: "Cooperativa/agência/conta/dígito inválidos" },
    MotivoDef { ocorrencias: &[], code: "08", description: "Nosso número inválido" },
    MotivoDef { ocorrencias: &[], code: "09", description: "Nosso número duplicado" },
    MotivoDef { ocorrencias: &[], code: "10", description: "Carteira inválida" },
    MotivoDef { ocorrencias: &[], code: "14", description: "Título protestado" },
    MotivoDef { ocorrencias: &[], code: "15", description: "Cooperativa/carteira/agência/conta/nosso número inválidos" },
    MotivoDef { ocorrencias: &[], code: "16", description: "Data de vencimento inválida" },
    MotivoDef { ocorrencias: &[], code: "17", description: "Data de vencimento anterior à data de emissão" },
    MotivoDef { ocorrencias: &[], code: "18", description: "Vencimento fora do prazo de operação" },
    MotivoDef { ocorrencias: &[], code: "20", description: "Valor do título inválido" },
    MotivoDef { ocorrencias: &[], code: "21", description: "Espécie do título inválida" },
    MotivoDef { ocorrencias: &[], code: "22", description: "Espécie não permitida para a carteira" },
    MotivoDef { ocorrencias: &[], code: "24", description: "Data de emissão inválida" },
    MotivoDef { ocorrencias: &[], code: "29", description: "Valor do desconto maior/igual ao valor do título" },
    MotivoDef { ocorrencias: &[], code: "31", description: "Concessão de desconto - existe desconto anterior" },
    MotivoDef { ocorrencias: &[], code: "33", description: "Valor do abatimento inválido" },
    MotivoDef { ocorrencias: &[], code: "34", description: "Valor do abatimento maior/igual ao valor do título" },
    MotivoDef { ocorrencias: &[], code: "36", description: "Concessão de abatimento - existe abatimento anterior" },
    MotivoDef { ocorrencias: &[], code: "38", description: "Prazo para protesto / negativação inválido" },
    MotivoDef { ocorrencias: &[], code: "39", description: "Pedido para protesto não permitido para o título" },
    MotivoDef { ocorrencias: &[], code: "40", description: "Título com ordem de protesto / pedido de negativação emitido" },
    MotivoDef { ocorrencias: &[], code: "41", description: "Pedido cancelamento/sustação sem instrução de protesto" },
    MotivoDef { ocorrencias: &[], code: "44", description: "Cooperativa de crédito/agência beneficiária não prevista" },
    MotivoDef { ocorrencias: &[], code: "45", description: "Nome do pagador inválido" },
    MotivoDef { ocorrencias: &[], code: "46", description: "Tipo/número de inscrição do pagador inválidos" },
    MotivoDef { ocorrencias: &[], code: "47", description: "Endereço do pagador não informado" },
    MotivoDef { ocorrencias: &[], code: "48", description: "CEP irregular" },
    MotivoDef { ocorrencias: &[], code: "49", description: "Número de Inscrição do pagador/avalista inválido" },
    MotivoDef { ocorrencias: &[], code: "50", description: "Pagador/avalista não informado" },
    MotivoDef { ocorrencias: &[], code: "63", description: "Entrada para título já cadastrado" },
    MotivoDef { ocorrencias: &[], code: "A", description: "Aceito" },
    MotivoDef { ocorrencias: &[], code: "D", description: "Desprezado" },
    MotivoDef { ocorrencias: &[], code: "A1", description: "Praça do pagador não cadastrada." },
    MotivoDef { ocorrencias: &[], code: "A2", description: "Tipo de cobrança do título divergente com a praça do pagador." },
    MotivoDef { ocorrencias: &[], code: "A3", description: "Cooperativa/agência depositária divergente: atualiza o cadastro de praças da Coop./agência beneficiária" },
    MotivoDef { ocorrencias: &[], code: "A4", description: "Beneficiário não cadastrado ou possui CGC/CIC inválido" },
    MotivoDef { ocorrencias: &[], code: "A5", description: "Pagador não cadastrado" },
    MotivoDef { ocorrencias: &[], code: "A6", description: "Data da instrução/ocorrência inválida" },
    MotivoDef { ocorrencias: &[], code: "A7", description: "Ocorrência não pode ser comandada" },
    MotivoDef { ocorrencias: &[], code: "A8", description: "Recebimento da liquidação fora da rede Sicredi - via compensação eletrônica" },
    MotivoDef { ocorrencias: &[], code: "B4", description: "Tipo de moeda inválido" },
    MotivoDef { ocorrencias: &[], code: "B5", description: "Tipo de desconto/juros inválido" },
    MotivoDef { ocorrencias: &[], code: "B6", description: "Mensagem padrão não cadastrada" },
    MotivoDef { ocorrencias: &[], code: "B7", description: "Seu número inválido" },
    MotivoDef { ocorrencias: &[], code: "B8", description: "Percentual de multa inválido" },
    MotivoDef { ocorrencias: &[], code: "B9", description: "Valor ou percentual de juros inválido" },
    MotivoDef { ocorrencias: &[], code: "C1", description: "Data limite para concessão de desconto inválida" },
    MotivoDef { ocorrencias: &[], code: "C2", description: "Aceite do título inválido" },
    MotivoDef { ocorrencias: &[], code: "C3", description: "Campo alterado na instrução “31 – alteração de outros dados” inválido" },
    MotivoDef { ocorrencias: &[], code: "C4", description: "Título ainda não foi confirmado pela centralizadora" },
    MotivoDef { ocorrencias: &[], code: "C5", description: "Título rejeitado pela centralizadora" },
    MotivoDef { ocorrencias: &[], code: "C6", description: "Título já liquidado" },
    MotivoDef { ocorrencias: &[], code: "C7", description: "Título já baixado" },
    MotivoDef { ocorrencias: &[], code: "C8", description: "Existe mesma instrução pendente de confirmação para este título" },
    MotivoDef { ocorrencias: &[], code: "C9", description: "Instrução prévia de concessão de abatimento não existe ou não confirmada" },
    MotivoDef { ocorrencias: &[], code: "D1", description: "Título dentro do prazo de vencimento (em dia)" },
    MotivoDef { ocorrencias: &[], code: "D2", description: "Espécie de documento não permite protesto / negativação de título" },
    MotivoDef { ocorrencias: &[], code: "D4", description: "Quantidade de mensagens padrão excede o limite permitido" },
    MotivoDef { ocorrencias: &[], code: "D5", description: "Quantidade inválida no pedido de boletos pré-impressos da cobrança sem registro" },
    MotivoDef { ocorrencias: &[], code: "D6", description: "Tipo de impressão inválida para cobrança sem registro" },
    MotivoDef { ocorrencias: &[], code: "D7", description: "Cidade ou Estado do pagador não informado" },
    MotivoDef { ocorrencias: &[], code: "D8", description: "Seqüência para composição do nosso número do ano atual esgotada" },
    MotivoDef { ocorrencias: &[], code: "D9", description: "Registro mensagem para título não cadastrado" },
    MotivoDef { ocorrencias: &[], code: "E2", description: "Registro complementar ao cadastro do título da cobrança com e sem registro não cadastrado" },
    MotivoDef { ocorrencias: &[], code: "E3", description: "Tipo de postagem inválido, diferente de S, N e branco" },
    MotivoDef { ocorrencias: &[], code: "E4", description: "Pedido de boletos pré-impressos" },
    MotivoDef { ocorrencias: &[], code: "E5", description: "Confirmação/rejeição para pedidos de boletos não cadastrado" },
    MotivoDef { ocorrencias: &[], code: "E6", description: "Pagador/avalista não cadastrado" },
    MotivoDef { ocorrencias: &[], code: "E7", description: "Informação para atualização do valor do título para protesto inválido" },
    MotivoDef { ocorrencias: &[], code: "E8", description: "Tipo de impressão inválido, diferente de A, B e branco" },
    MotivoDef { ocorrencias: &[], code: "E9", description: "Código do pagador do título divergente com o código da cooperativa de crédito" },
    MotivoDef { ocorrencias: &[], code: "F1", description: "Liquidado no sistema do cliente" },
    MotivoDef { ocorrencias: &[], code: "F2", description: "Baixado no sistema do cliente" },
    MotivoDef { ocorrencias: &[], code: "F3", description: "Instrução inválida, este título está caucionado/descontado" },
    MotivoDef { ocorrencias: &[], code: "F4", description: "Instrução fixa com caracteres inválidos" },
    MotivoDef { ocorrencias: &[], code: "F6", description: "Nosso número / número da parcela fora de seqüência – total de parcelas inválido" },
    MotivoDef { ocorrencias: &[], code: "F7", description: "Falta de comprovante de prestação de serviço" },
    MotivoDef { ocorrencias: &[], code: "F8", description: "Nome do beneficiário incompleto / incorreto." },
    MotivoDef { ocorrencias: &[], code: "F9", description: "CNPJ / CPF incompatível com o nome do pagador / Sacador Avalista" },
    MotivoDef { ocorrencias: &[], code: "G1", description: "CNPJ / CPF do pagador Incompatível com a espécie" },
    MotivoDef { ocorrencias: &[], code: "G2", description: "Título aceito: sem a assinatura do pagador" },
    MotivoDef { ocorrencias: &[], code: "G3", description: "Título aceito: rasurado ou rasgado" },
    MotivoDef { ocorrencias: &[], code: "G4", description: "Título aceito: falta título (cooperativa/ag. beneficiária deverá enviá-lo)" },
    MotivoDef { ocorrencias: &[], code: "G5", description: "Praça de pagamento incompatível com o endereço" },
    MotivoDef { ocorrencias: &[], code: "G6", description: "Título aceito: sem endosso ou beneficiário irregular" },
    MotivoDef { ocorrencias: &[], code: "G8", description: "LINHA DIGITAVEL maior que o valor do título" },
    MotivoDef { ocorrencias: &[], code: "G9", description: "Tipo de endosso inválido" },
    MotivoDef { ocorrencias: &[], code: "H1", description: "Nome do pagador incompleto / Incorreto" },
    MotivoDef { ocorrencias: &[], code: "H2", description: "Sustação judicial" },
    MotivoDef { ocorrencias: &[], code: "H3", description: "Pagador não encontrado" },
    MotivoDef { ocorrencias: &[], code: "H4", description: "Alteração de carteira" },
    MotivoDef { ocorrencias: &[], code: "H5", description: "Recebimento de liquidação fora da rede Sicredi – VLB Inferior – Via Compensação" },
    MotivoDef { ocorrencias: &[], code: "H6", description: "Recebimento de liquidação fora da rede Sicredi – VLB Superior – Via Compensação" },
    MotivoDef { ocorrencias: &[], code: "H7", description: "Espécie de documento necessita beneficiário ou avalista PJ" },
    MotivoDef { ocorrencias: &[], code: "H8", description: "Recebimento de liquidação fora da rede Sicredi – Contingência Via Compe" },
    MotivoDef { ocorrencias: &[], code: "H9", description: "Dados do título não conferem com disquete" },
    MotivoDef { ocorrencias: &[], code: "I1", description: "Pagador e Sacador Avalista são a mesma pessoa" },
    MotivoDef { ocorrencias: &[], code: "I2", description: "Aguardar um dia útil após o vencimento para protestar" },
    MotivoDef { ocorrencias: &[], code: "I3", description: "Data do vencimento rasurada" },
    MotivoDef { ocorrencias: &[], code: "I4", description: "Vencimento – extenso não confere com número" },
    MotivoDef { ocorrencias: &[], code: "I5", description: "Falta data de vencimento no título" },
    MotivoDef { ocorrencias: &[], code: "I6", description: "DM/DMI sem comprovante autenticado ou declaração" },
    MotivoDef { ocorrencias: &[], code: "I7", description: "Comprovante ilegível para conferência e microfilmagem" },
    MotivoDef { ocorrencias: &[], code: "I8", description: "Nome solicitado não confere com emitente ou pagador" },
    MotivoDef { ocorrencias: &[], code: "I9", description: "Confirmar se são 2 emitentes. Se sim, indicar os dados dos 2" },
    MotivoDef { ocorrencias: &[], code: "J1", description: "Endereço do pagador igual ao do pagador ou do portador" },
    MotivoDef { ocorrencias: &[], code: "J2", description: "Endereço do apresentante incompleto ou não informado" },
    MotivoDef { ocorrencias: &[], code: "J3", description: "Rua/número inexistente no endereço" },
    MotivoDef { ocorrencias: &[], code: "J4", description: "Falta endosso do favorecido para o apresentante" },
    MotivoDef { ocorrencias: &[], code: "J5", description: "Data da emissão rasurada" },
    MotivoDef { ocorrencias: &[], code: "J6", description: "Falta assinatura do pagador no título" },
    MotivoDef { ocorrencias: &[], code: "J7", description: "Nome do apresentante não informado/incompleto/incorreto" },
    MotivoDef { ocorrencias: &[], code: "J8", description: "Erro de preenchimento do titulo" },
    MotivoDef { ocorrencias: &[], code: "K1", description: "Título apresentado em duplicidade" },
    MotivoDef { ocorrencias: &[], code: "K2", description: "Título já protestado" },
    MotivoDef { ocorrencias: &[], code: "K3", description: "Letra de cambio vencida – falta aceite do pagador" },
    MotivoDef { ocorrencias: &[], code: "K4", description: "Falta declaração de saldo assinada no título" },
    MotivoDef { ocorrencias: &[], code: "K5", description: "Contrato de câmbio – Falta conta gráfica" },
    MotivoDef { ocorrencias: &[], code: "K6", description: "Ausência do documento físico" },
    MotivoDef { ocorrencias: &[], code: "K7", description: "Pagador falecido" },
    MotivoDef { ocorrencias: &[], code: "K8", description: "Pagador apresentou quitação do título" },
    MotivoDef { ocorrencias: &[], code: "K9", description: "Título de outra jurisdição territorial" },
    MotivoDef { ocorrencias: &[], code: "L1", description: "Título com emissão anterior a concordata do pagador" },
    MotivoDef { ocorrencias: &[], code: "L2", description: "Pagador consta na lista de falência" },
    MotivoDef { ocorrencias: &[], code: "L3", description: "Apresentante não aceita publicação de edital" },
    MotivoDef { ocorrencias: &[], code: "L4", description: "Dados do Pagador em Branco ou inválido" },
    MotivoDef { ocorrencias: &[], code: "L5", description: "Código do Pagador na agência beneficiária está duplicado" },
    MotivoDef { ocorrencias: &[], code: "L6", description: "Tipo de comando de instrução inválida para beneficiário pessoa física." },
    MotivoDef { ocorrencias: &[], code: "L7", description: "Não permitido cadastro de boleto com negativação automática e protesto automático simultaneamente" },
    MotivoDef { ocorrencias: &[], code: "M1", description: "Reconhecimento da dívida pelo pagador" },
    MotivoDef { ocorrencias: &[], code: "M2", description: "Não reconhecimento da dívida pelo pagador" },
    MotivoDef { ocorrencias: &[], code: "M3", description: "Inclusão de desconto 2 e desconto 3 inválidos" },
    MotivoDef { ocorrencias: &[], code: "N1", description: "Decurso de prazo" },
    MotivoDef { ocorrencias: &[], code: "N2", description: "Determinação judicial" },
    MotivoDef { ocorrencias: &[], code: "N3", description: "Solicitação da empresa conveniada" },
    MotivoDef { ocorrencias: &[], code: "N4", description: "Devolução de comunicado pelos correios" },
    MotivoDef { ocorrencias: &[], code: "N5", description: "Outros" },
    MotivoDef { ocorrencias: &[], code: "S1", description: "Rejeitado pela empresa de negativação parceira" },
    MotivoDef { ocorrencias: &[], code: "X1", description: "Regularização centralizadora – Rede Sicredi" },
    MotivoDef { ocorrencias: &[], code: "X2", description: "Regularização centralizadora – Compensação" },
    MotivoDef { ocorrencias: &[], code: "X3", description: "Regularização centralizadora – Banco correspondente" },
    MotivoDef { ocorrencias: &[], code: "X5", description: "Regularização centralizadora - VLB Superior - via compensação" },
    MotivoDef { ocorrencias: &[], code: "X0", description: "Pago com cheque" },
    MotivoDef { ocorrencias: &[], code: "X6", description: "Pago com cheque – bloqueado 24 horas" },
    MotivoDef { ocorrencias: &[], code: "X7", description: "Pago com cheque – bloqueado 48 horas" },
    MotivoDef { ocorrencias: &[], code: "X8", description: "Pago com cheque – bloqueado 72 horas" },
    MotivoDef { ocorrencias: &[], code: "X9", description: "Pago com cheque – bloqueado 96 horas" },
    MotivoDef { ocorrencias: &[], code: "XA", description: "Pago com cheque – bloqueado 120 horas" },
    MotivoDef { ocorrencias: &[], code: "XB", description: "Pago com cheque – bloqueado 144 horas" },
];

/// Adds the multa (280-292) to `juros_multa`; a multa that is not digits is a problem.
fn retorno_hook(e: &mut RetornoEntry, records: &[Record<'_>], problems: &mut Vec<crate::Error>) {
    let Some((r, spec)) = records
        .iter()
        .find_map(|r| r.layout.field("multa").map(|f| (r, f)))
    else {
        return;
    };
    match crate::field::decode_num(spec.slice(r.bytes), 2) {
        Ok(Some(m)) if !m.is_zero() => e.juros_multa = Some(e.juros_multa.unwrap_or_default() + m),
        Ok(_) => {}
        Err(k) => problems.push(crate::Error::at_field(r.line, r.layout.name, spec, k)),
    }
}

/// Remessa (§9).
pub const REMESSA: LayoutSpec = LayoutSpec {
    layout: Layout::Cnab400,
    kind: FileKind::Remessa,
    versions: &[],
    records: &[
        (RecordKey::FileHeader, &HEADER_REMESSA),
        (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
        (RecordKey::FileTrailer, &TRAILER_REMESSA),
    ],
    entry: &[EntryRecord {
        key: RecordKey::Detail(b'1'),
        starts: true,
        emit: Emit::Always,
    }],
    ocorrencias: MOVIMENTOS,
    motivos: &[],
    source: SOURCE,
    retorno_hook: None,
    titulo_hook: None,
    write_hook: None,
    crlf: true,
};

/// Retorno (§10).
pub const RETORNO: LayoutSpec = LayoutSpec {
    layout: Layout::Cnab400,
    kind: FileKind::Retorno,
    versions: &[],
    records: &[
        (RecordKey::FileHeader, &HEADER_RETORNO),
        (RecordKey::Detail(b'1'), &DETALHE_RETORNO),
        (RecordKey::FileTrailer, &TRAILER_RETORNO),
    ],
    entry: &[EntryRecord {
        key: RecordKey::Detail(b'1'),
        starts: true,
        emit: Emit::Always,
    }],
    ocorrencias: OCORRENCIAS,
    motivos: MOTIVOS,
    source: SOURCE,
    retorno_hook: Some(retorno_hook),
    titulo_hook: None,
    write_hook: None,
    crlf: true,
};

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
