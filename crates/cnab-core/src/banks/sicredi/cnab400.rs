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

use crate::bank::motivo;
use crate::bank::{oc, records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::{Layout, OcorrenciaKind as K};

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
    source: "Sicredi CNAB 400 (ago/2019) §10.1 registro header (retorno)",
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
            F::alpha("literal_retorno", 3, 9).default("RETORNO"),
            F::alpha("literal_bansicredi", 80, 94).default("BANSICREDI"),
            F::date_ymd("data_gravacao", 95, 102),
            F::num("numero_retorno", 111, 117).role(R::Nsa),
            F::blank("filler_3", 118, 389),
            F::alpha("versao_sistema", 390, 394),
        ]
    ),
    ..HEADER_REMESSA
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
        // §10.2 p. 54: "Juros de mora" 267-279 and "Multa" 280-292 apart; the entry keeps both
        // (`juros`, `multa`) and their sum in `juros_multa`.
        F::dec("juros_mora", 267, 279, 2).role(R::Juros),
        F::dec("multa", 280, 292, 2).role(R::Multa),
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
    source: "Sicredi CNAB 400 (ago/2019) §10.4 registro trailer (retorno)",
    fields: patched!(
        TRAILER_REMESSA.fields,
        [F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),]
    ),
    ..TRAILER_REMESSA
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
    motivo(&["28"], "03", "Tarifa de sustação"),
    motivo(&["28"], "04", "Tarifa de protesto"),
    motivo(&["28"], "08", "Tarifa de custas de protesto"),
    motivo(&["28"], "A9", "Tarifa de manutenção de título vencido"),
    motivo(&["28"], "B1", "Tarifa de baixa da carteira"),
    motivo(&["28"], "B3", "Tarifa de registro de entrada do título"),
    motivo(&["28"], "F5", "Tarifa de entrada na rede Sicredi"),
    motivo(&["28"], "S4", "Tarifa de Inclusão Negativação"),
    motivo(&["28"], "S5", "Tarifa de Exclusão Negativação"),
    motivo(&[], "01", "Código do banco inválido"),
    motivo(&[], "02", "Código do registro detalhe inválido"),
    motivo(&[], "03", "Código da ocorrência inválido"),
    motivo(&[], "04", "Código de ocorrência não permitida para a carteira"),
    motivo(&[], "07", "Cooperativa/agência/conta/dígito inválidos"),
    motivo(&[], "08", "Nosso número inválido"),
    motivo(&[], "09", "Nosso número duplicado"),
    motivo(&[], "10", "Carteira inválida"),
    motivo(&[], "14", "Título protestado"),
    motivo(&[], "15", "Cooperativa/carteira/agência/conta/nosso número inválidos"),
    motivo(&[], "16", "Data de vencimento inválida"),
    motivo(&[], "17", "Data de vencimento anterior à data de emissão"),
    motivo(&[], "18", "Vencimento fora do prazo de operação"),
    motivo(&[], "20", "Valor do título inválido"),
    motivo(&[], "21", "Espécie do título inválida"),
    motivo(&[], "22", "Espécie não permitida para a carteira"),
    motivo(&[], "24", "Data de emissão inválida"),
    motivo(&[], "29", "Valor do desconto maior/igual ao valor do título"),
    motivo(&[], "31", "Concessão de desconto - existe desconto anterior"),
    motivo(&[], "33", "Valor do abatimento inválido"),
    motivo(&[], "34", "Valor do abatimento maior/igual ao valor do título"),
    motivo(&[], "36", "Concessão de abatimento - existe abatimento anterior"),
    motivo(&[], "38", "Prazo para protesto / negativação inválido"),
    motivo(&[], "39", "Pedido para protesto não permitido para o título"),
    motivo(&[], "40", "Título com ordem de protesto / pedido de negativação emitido"),
    motivo(&[], "41", "Pedido cancelamento/sustação sem instrução de protesto"),
    motivo(&[], "44", "Cooperativa de crédito/agência beneficiária não prevista"),
    motivo(&[], "45", "Nome do pagador inválido"),
    motivo(&[], "46", "Tipo/número de inscrição do pagador inválidos"),
    motivo(&[], "47", "Endereço do pagador não informado"),
    motivo(&[], "48", "CEP irregular"),
    motivo(&[], "49", "Número de Inscrição do pagador/avalista inválido"),
    motivo(&[], "50", "Pagador/avalista não informado"),
    motivo(&[], "63", "Entrada para título já cadastrado"),
    motivo(&[], "A", "Aceito"),
    motivo(&[], "D", "Desprezado"),
    motivo(&[], "A1", "Praça do pagador não cadastrada."),
    motivo(&[], "A2", "Tipo de cobrança do título divergente com a praça do pagador."),
    motivo(&[], "A3", "Cooperativa/agência depositária divergente: atualiza o cadastro de praças da Coop./agência beneficiária"),
    motivo(&[], "A4", "Beneficiário não cadastrado ou possui CGC/CIC inválido"),
    motivo(&[], "A5", "Pagador não cadastrado"),
    motivo(&[], "A6", "Data da instrução/ocorrência inválida"),
    motivo(&[], "A7", "Ocorrência não pode ser comandada"),
    motivo(&[], "A8", "Recebimento da liquidação fora da rede Sicredi - via compensação eletrônica"),
    motivo(&[], "B4", "Tipo de moeda inválido"),
    motivo(&[], "B5", "Tipo de desconto/juros inválido"),
    motivo(&[], "B6", "Mensagem padrão não cadastrada"),
    motivo(&[], "B7", "Seu número inválido"),
    motivo(&[], "B8", "Percentual de multa inválido"),
    motivo(&[], "B9", "Valor ou percentual de juros inválido"),
    motivo(&[], "C1", "Data limite para concessão de desconto inválida"),
    motivo(&[], "C2", "Aceite do título inválido"),
    motivo(&[], "C3", "Campo alterado na instrução “31 – alteração de outros dados” inválido"),
    motivo(&[], "C4", "Título ainda não foi confirmado pela centralizadora"),
    motivo(&[], "C5", "Título rejeitado pela centralizadora"),
    motivo(&[], "C6", "Título já liquidado"),
    motivo(&[], "C7", "Título já baixado"),
    motivo(&[], "C8", "Existe mesma instrução pendente de confirmação para este título"),
    motivo(&[], "C9", "Instrução prévia de concessão de abatimento não existe ou não confirmada"),
    motivo(&[], "D1", "Título dentro do prazo de vencimento (em dia)"),
    motivo(&[], "D2", "Espécie de documento não permite protesto / negativação de título"),
    motivo(&[], "D4", "Quantidade de mensagens padrão excede o limite permitido"),
    motivo(&[], "D5", "Quantidade inválida no pedido de boletos pré-impressos da cobrança sem registro"),
    motivo(&[], "D6", "Tipo de impressão inválida para cobrança sem registro"),
    motivo(&[], "D7", "Cidade ou Estado do pagador não informado"),
    motivo(&[], "D8", "Seqüência para composição do nosso número do ano atual esgotada"),
    motivo(&[], "D9", "Registro mensagem para título não cadastrado"),
    motivo(&[], "E2", "Registro complementar ao cadastro do título da cobrança com e sem registro não cadastrado"),
    motivo(&[], "E3", "Tipo de postagem inválido, diferente de S, N e branco"),
    motivo(&[], "E4", "Pedido de boletos pré-impressos"),
    motivo(&[], "E5", "Confirmação/rejeição para pedidos de boletos não cadastrado"),
    motivo(&[], "E6", "Pagador/avalista não cadastrado"),
    motivo(&[], "E7", "Informação para atualização do valor do título para protesto inválido"),
    motivo(&[], "E8", "Tipo de impressão inválido, diferente de A, B e branco"),
    motivo(&[], "E9", "Código do pagador do título divergente com o código da cooperativa de crédito"),
    motivo(&[], "F1", "Liquidado no sistema do cliente"),
    motivo(&[], "F2", "Baixado no sistema do cliente"),
    motivo(&[], "F3", "Instrução inválida, este título está caucionado/descontado"),
    motivo(&[], "F4", "Instrução fixa com caracteres inválidos"),
    motivo(&[], "F6", "Nosso número / número da parcela fora de seqüência – total de parcelas inválido"),
    motivo(&[], "F7", "Falta de comprovante de prestação de serviço"),
    motivo(&[], "F8", "Nome do beneficiário incompleto / incorreto."),
    motivo(&[], "F9", "CNPJ / CPF incompatível com o nome do pagador / Sacador Avalista"),
    motivo(&[], "G1", "CNPJ / CPF do pagador Incompatível com a espécie"),
    motivo(&[], "G2", "Título aceito: sem a assinatura do pagador"),
    motivo(&[], "G3", "Título aceito: rasurado ou rasgado"),
    motivo(&[], "G4", "Título aceito: falta título (cooperativa/ag. beneficiária deverá enviá-lo)"),
    motivo(&[], "G5", "Praça de pagamento incompatível com o endereço"),
    motivo(&[], "G6", "Título aceito: sem endosso ou beneficiário irregular"),
    motivo(&[], "G8", "LINHA DIGITAVEL maior que o valor do título"),
    motivo(&[], "G9", "Tipo de endosso inválido"),
    motivo(&[], "H1", "Nome do pagador incompleto / Incorreto"),
    motivo(&[], "H2", "Sustação judicial"),
    motivo(&[], "H3", "Pagador não encontrado"),
    motivo(&[], "H4", "Alteração de carteira"),
    motivo(&[], "H5", "Recebimento de liquidação fora da rede Sicredi – VLB Inferior – Via Compensação"),
    motivo(&[], "H6", "Recebimento de liquidação fora da rede Sicredi – VLB Superior – Via Compensação"),
    motivo(&[], "H7", "Espécie de documento necessita beneficiário ou avalista PJ"),
    motivo(&[], "H8", "Recebimento de liquidação fora da rede Sicredi – Contingência Via Compe"),
    motivo(&[], "H9", "Dados do título não conferem com disquete"),
    motivo(&[], "I1", "Pagador e Sacador Avalista são a mesma pessoa"),
    motivo(&[], "I2", "Aguardar um dia útil após o vencimento para protestar"),
    motivo(&[], "I3", "Data do vencimento rasurada"),
    motivo(&[], "I4", "Vencimento – extenso não confere com número"),
    motivo(&[], "I5", "Falta data de vencimento no título"),
    motivo(&[], "I6", "DM/DMI sem comprovante autenticado ou declaração"),
    motivo(&[], "I7", "Comprovante ilegível para conferência e microfilmagem"),
    motivo(&[], "I8", "Nome solicitado não confere com emitente ou pagador"),
    motivo(&[], "I9", "Confirmar se são 2 emitentes. Se sim, indicar os dados dos 2"),
    motivo(&[], "J1", "Endereço do pagador igual ao do pagador ou do portador"),
    motivo(&[], "J2", "Endereço do apresentante incompleto ou não informado"),
    motivo(&[], "J3", "Rua/número inexistente no endereço"),
    motivo(&[], "J4", "Falta endosso do favorecido para o apresentante"),
    motivo(&[], "J5", "Data da emissão rasurada"),
    motivo(&[], "J6", "Falta assinatura do pagador no título"),
    motivo(&[], "J7", "Nome do apresentante não informado/incompleto/incorreto"),
    motivo(&[], "J8", "Erro de preenchimento do titulo"),
    motivo(&[], "K1", "Título apresentado em duplicidade"),
    motivo(&[], "K2", "Título já protestado"),
    motivo(&[], "K3", "Letra de cambio vencida – falta aceite do pagador"),
    motivo(&[], "K4", "Falta declaração de saldo assinada no título"),
    motivo(&[], "K5", "Contrato de câmbio – Falta conta gráfica"),
    motivo(&[], "K6", "Ausência do documento físico"),
    motivo(&[], "K7", "Pagador falecido"),
    motivo(&[], "K8", "Pagador apresentou quitação do título"),
    motivo(&[], "K9", "Título de outra jurisdição territorial"),
    motivo(&[], "L1", "Título com emissão anterior a concordata do pagador"),
    motivo(&[], "L2", "Pagador consta na lista de falência"),
    motivo(&[], "L3", "Apresentante não aceita publicação de edital"),
    motivo(&[], "L4", "Dados do Pagador em Branco ou inválido"),
    motivo(&[], "L5", "Código do Pagador na agência beneficiária está duplicado"),
    motivo(&[], "L6", "Tipo de comando de instrução inválida para beneficiário pessoa física."),
    motivo(&[], "L7", "Não permitido cadastro de boleto com negativação automática e protesto automático simultaneamente"),
    motivo(&[], "M1", "Reconhecimento da dívida pelo pagador"),
    motivo(&[], "M2", "Não reconhecimento da dívida pelo pagador"),
    motivo(&[], "M3", "Inclusão de desconto 2 e desconto 3 inválidos"),
    motivo(&[], "N1", "Decurso de prazo"),
    motivo(&[], "N2", "Determinação judicial"),
    motivo(&[], "N3", "Solicitação da empresa conveniada"),
    motivo(&[], "N4", "Devolução de comunicado pelos correios"),
    motivo(&[], "N5", "Outros"),
    motivo(&[], "S1", "Rejeitado pela empresa de negativação parceira"),
    motivo(&[], "X1", "Regularização centralizadora – Rede Sicredi"),
    motivo(&[], "X2", "Regularização centralizadora – Compensação"),
    motivo(&[], "X3", "Regularização centralizadora – Banco correspondente"),
    motivo(&[], "X5", "Regularização centralizadora - VLB Superior - via compensação"),
    motivo(&[], "X0", "Pago com cheque"),
    motivo(&[], "X6", "Pago com cheque – bloqueado 24 horas"),
    motivo(&[], "X7", "Pago com cheque – bloqueado 48 horas"),
    motivo(&[], "X8", "Pago com cheque – bloqueado 72 horas"),
    motivo(&[], "X9", "Pago com cheque – bloqueado 96 horas"),
    motivo(&[], "XA", "Pago com cheque – bloqueado 120 horas"),
    motivo(&[], "XB", "Pago com cheque – bloqueado 144 horas"),
];

/// Remessa (§9).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    &records400(&HEADER_REMESSA, &DETALHE_REMESSA, &TRAILER_REMESSA),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    MOVIMENTOS,
    SOURCE,
);

/// Retorno (§10).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO),
    &[EntryRecord::first(RecordKey::Detail(b'1'))],
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
