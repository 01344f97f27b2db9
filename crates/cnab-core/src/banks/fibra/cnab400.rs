//! Banco Fibra (224) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Fibra, "Produto Cobrança Bancária — Manual do Usuário, CNAB 400" (layout de agosto 2021, file
//! `BANCO FIBRA_COB_CNAB400__Mai_22.pdf` in eduardokum/laravel-boleto `manuais/FIBRA/`): "Descrição de registro —
//! Remessa" (header, registro de transação 1, mensagem 2, nota fiscal 4, sacador 5, trailler, pp. 4-11) and
//! "Descrição registro — Retorno" (header, transação 1, trailler, notas 1-8, tabela 2.3 de erros, pp. 12-19).
//! Positions cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Fibra.php` and against
//! the real retorno `laravelboleto__fibra.ret` of the corpus.
//!
//! Banco Pine (643) uses the very same layout (same processing platform, "BPI" density literal in the header);
//! [`crate::banks::pine`] reuses these tables.

use crate::bank::{oc, Emit, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{FileKind, Layout, OcorrenciaKind as K};

/// Source string of the Fibra tables.
pub const SOURCE: &str =
    "Banco Fibra, Produto Cobrança Bancária — Manual do Usuário CNAB 400 (ago/2021, rev. mai/2022)";

/// Remessa header (manual p. 4, "Registro Header").
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::alpha("codigo_empresa", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).role(R::BancoNome),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos", 101, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de transação, tipo 1 (manual pp. 5-6; notas 1-13).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::alpha("codigo_empresa", 18, 37).role(R::CodigoBeneficiario),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::alpha("nosso_numero_correspondente", 74, 86),
        F::alpha("carteira_correspondente", 87, 89),
        F::num("codigo_multa", 90, 90).role(R::MultaCodigo),
        F::dec("valor_multa", 91, 103, 2).role(R::MultaValor),
        F::num("dias_multa", 104, 105),
        F::blank("uso_banco", 106, 107),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 146),
        F::num("agencia_cobradora_dac", 147, 147),
        F::alpha("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160),
        F::dec("juros_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("iof", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 264).role(R::PagadorNome),
        F::blank("brancos_1", 265, 274),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_nome", 352, 381).role(R::SacadorNome),
        F::blank("brancos_2", 382, 385),
        F::blank("brancos_3", 386, 391),
        F::num("prazo_protesto", 392, 393).role(R::ProtestoPrazo),
        F::alpha("moeda", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de mensagem, tipo 2 (manual p. 8): five free 69-character messages.
pub const REMESSA_MENSAGEM: RecordLayout = RecordLayout {
    name: "mensagem",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::constant("zero", 2, 2, "0"),
        F::alpha("mensagem_1", 3, 71).role(R::Mensagem1),
        F::alpha("mensagem_2", 72, 140).role(R::Mensagem2),
        F::alpha("mensagem_3", 141, 209).role(R::Mensagem3),
        F::alpha("mensagem_4", 210, 278).role(R::Mensagem4),
        F::alpha("mensagem_5", 279, 347),
        F::blank("brancos", 348, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de nota fiscal eletrônica, tipo 4 (manual p. 10). Read only.
pub const REMESSA_NOTA_FISCAL: RecordLayout = RecordLayout {
    name: "nota_fiscal",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "4"),
        F::alpha("nota_fiscal_1", 2, 16),
        F::dec("valor_nota_fiscal_1", 17, 29, 2),
        F::alpha("emissao_nota_fiscal_1", 30, 37),
        F::alpha("chave_nota_fiscal_1", 38, 81),
        F::alpha("nota_fiscal_2", 82, 96),
        F::dec("valor_nota_fiscal_2", 97, 109, 2),
        F::alpha("emissao_nota_fiscal_2", 110, 117),
        F::alpha("chave_nota_fiscal_2", 118, 161),
        F::alpha("nota_fiscal_3", 162, 176),
        F::dec("valor_nota_fiscal_3", 177, 189, 2),
        F::alpha("emissao_nota_fiscal_3", 190, 197),
        F::alpha("chave_nota_fiscal_3", 198, 241),
        F::blank("brancos", 242, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro sacador/avalista, tipo 5 (manual p. 9).
pub const REMESSA_SACADOR: RecordLayout = RecordLayout {
    name: "sacador_avalista",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "5"),
        F::blank("brancos_1", 2, 121),
        F::num("sacador_tipo_inscricao", 122, 123).role(R::SacadorTipoInscricao),
        F::num("sacador_inscricao", 124, 137).role(R::SacadorInscricao),
        F::alpha("sacador_endereco", 138, 177),
        F::alpha("sacador_bairro", 178, 189),
        F::num("sacador_cep", 190, 197),
        F::alpha("sacador_cidade", 198, 212),
        F::alpha("sacador_uf", 213, 214),
        F::blank("brancos_2", 215, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailler (manual p. 11).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos", 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno header (manual p. 12).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_retorno", 3, 9, "RETORNO"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::alpha("codigo_empresa", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).role(R::BancoNome),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("densidade", 101, 105).default("01600"),
        F::alpha("unidade_densidade", 106, 108).default("BPI"),
        F::num("sequencial_retorno", 109, 113).role(R::Nsa),
        F::blank("brancos_1", 114, 119),
        F::blank("brancos_2", 120, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno registro de transação, tipo 1 (manual pp. 13-15; notas 1-8).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3),
        F::num("inscricao_empresa", 4, 17),
        F::alpha("codigo_empresa", 18, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::blank("brancos_1", 74, 82),
        F::alpha("nossa_carteira", 83, 85),
        F::blank("brancos_2", 86, 94),
        F::alpha("nosso_numero_correspondente", 95, 107),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::blank("brancos_3", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 172).role(R::AgenciaCobradora),
        F::num("agencia_cobradora_dac", 173, 173),
        F::alpha("especie", 174, 175),
        F::dec("tarifa_cobranca", 176, 188, 2).role(R::Tarifa),
        F::blank("brancos_4", 189, 214),
        F::dec("iof", 215, 227, 2).role(R::Iof),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::blank("complemento", 280, 376),
        F::alpha("moeda", 377, 377),
        F::alpha("erros", 378, 385).role(R::Motivos),
        F::date6("data_credito", 386, 391).role(R::DataCredito),
        F::blank("filler", 392, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailler (manual p. 19).
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::constant("codigo_retorno", 2, 2, "2"),
        F::constant("codigo_servico", 3, 4, "01"),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("zeros", 8, 105),
        F::blank("livre", 106, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Movimentos of the remessa (nota 4, p. 7).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido de Baixa"),
    oc("04", K::Informativo, "Concessão de Abatimento"),
    oc("06", K::Informativo, "Alteração de Vencimento"),
    oc("09", K::Informativo, "Protestar"),
    oc("18", K::Informativo, "Sustar Protesto"),
];

/// Ocorrências of the retorno (nota 8, pp. 15-16).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Confirma Entrada Título na CIP"),
    oc("02", K::EntradaConfirmada, "Entrada Confirmada"),
    oc("03", K::EntradaRejeitada, "Entrada Rejeitada"),
    oc("05", K::InstrucaoConfirmada, "Campo Livre Alterado"),
    oc("06", K::Liquidacao, "Liquidação Normal"),
    oc("08", K::LiquidacaoCartorio, "Liquidação em Cartório"),
    oc("09", K::Baixa, "Baixa Automática"),
    oc("10", K::Baixa, "Baixa por ter sido liquidado"),
    oc("12", K::InstrucaoConfirmada, "Confirma Abatimento"),
    oc("13", K::InstrucaoConfirmada, "Abatimento Cancelado"),
    oc("14", K::InstrucaoConfirmada, "Vencimento Alterado"),
    oc("15", K::InstrucaoRejeitada, "Baixa Rejeitada"),
    oc("16", K::InstrucaoRejeitada, "Instrução Rejeitada"),
    oc(
        "19",
        K::Protesto,
        "Confirma Recebimento de Ordem de Protesto",
    ),
    oc(
        "20",
        K::Protesto,
        "Confirma Recebimento de Ordem de Sustação",
    ),
    oc("22", K::InstrucaoConfirmada, "Seu número alterado"),
    oc("23", K::Protesto, "Título enviado para cartório"),
    oc(
        "24",
        K::InstrucaoConfirmada,
        "Confirma recebimento de ordem de não protestar",
    ),
    oc(
        "28",
        K::Tarifa,
        "Débito de Tarifas/Custas – Correspondentes",
    ),
    oc(
        "40",
        K::Tarifa,
        "Tarifa de Entrada (debitada na Liquidação)",
    ),
    oc("43", K::Baixa, "Baixado por ter sido protestado"),
    oc("96", K::Tarifa, "Tarifa Sobre Instruções – Mês anterior"),
    oc("97", K::Tarifa, "Tarifa Sobre Baixas – Mês Anterior"),
    oc("98", K::Tarifa, "Tarifa Sobre Entradas – Mês Anterior"),
    oc(
        "99",
        K::Tarifa,
        "Tarifa Sobre Instruções de Protesto/Sustação – Mês Anterior",
    ),
];

/// Error codes of rejected records (tabela 2.3, pp. 16-19), per ocorrência 03, 15 and 16.
pub const MOTIVOS: &[MotivoDef] = &[
    MotivoDef { ocorrencias: &["03"], code: "03", description: "CEP inválido – Não temos cobrador – Cobrador não Localizado" },
    MotivoDef { ocorrencias: &["03"], code: "04", description: "Sigla do Estado inválida" },
    MotivoDef { ocorrencias: &["03"], code: "05", description: "Data de Vencimento inválida ou fora do prazo mínimo" },
    MotivoDef { ocorrencias: &["03"], code: "06", description: "Código do Banco inválido" },
    MotivoDef { ocorrencias: &["03"], code: "08", description: "Nome do sacado não informado" },
    MotivoDef { ocorrencias: &["03"], code: "10", description: "Logradouro não informado" },
    MotivoDef { ocorrencias: &["03"], code: "14", description: "Registro em duplicidade" },
    MotivoDef { ocorrencias: &["03"], code: "19", description: "Data de desconto inválida ou maior que a data de vencimento" },
    MotivoDef { ocorrencias: &["03"], code: "20", description: "Valor de IOF não numérico" },
    MotivoDef { ocorrencias: &["03"], code: "21", description: "Movimento para título não cadastrado no sistema" },
    MotivoDef { ocorrencias: &["03"], code: "22", description: "Valor de desconto + abatimento maior que o valor do título" },
    MotivoDef { ocorrencias: &["03"], code: "25", description: "CNPJ ou CPF do sacado inválido (aceito com restrições)" },
    MotivoDef { ocorrencias: &["03"], code: "26", description: "Espécie de documento inválida" },
    MotivoDef { ocorrencias: &["03"], code: "27", description: "Data de emissão do título inválida" },
    MotivoDef { ocorrencias: &["03"], code: "28", description: "Seu número não informado" },
    MotivoDef { ocorrencias: &["03"], code: "29", description: "CEP é igual a espaço ou zeros; ou não numérico" },
    MotivoDef { ocorrencias: &["03"], code: "30", description: "Valor do título não numérico ou inválido" },
    MotivoDef { ocorrencias: &["03"], code: "36", description: "Valor de permanência (mora) não numérico" },
    MotivoDef { ocorrencias: &["03"], code: "37", description: "Valor de permanência inconsistente, pois, dentro de um mês, será maior que o valor do título" },
    MotivoDef { ocorrencias: &["03"], code: "38", description: "Valor de desconto/abatimento não numérico ou inválido" },
    MotivoDef { ocorrencias: &["03"], code: "39", description: "Valor de abatimento não numérico" },
    MotivoDef { ocorrencias: &["03"], code: "42", description: "Título já existente em nossos registros. Nosso número não aceito" },
    MotivoDef { ocorrencias: &["03"], code: "43", description: "Título enviado em duplicidade nesse movimento" },
    MotivoDef { ocorrencias: &["03"], code: "44", description: "Título zerado ou em branco; ou não numérico na remessa" },
    MotivoDef { ocorrencias: &["03"], code: "46", description: "Título enviado fora da faixa de Nosso Número, estipulada para o cliente." },
    MotivoDef { ocorrencias: &["03"], code: "51", description: "Tipo/Número de Inscrição Sacador/Avalista Inválido" },
    MotivoDef { ocorrencias: &["03"], code: "52", description: "Sacador/Avalista não informado" },
    MotivoDef { ocorrencias: &["03"], code: "53", description: "Prazo de vencimento do título excede ao da contratação" },
    MotivoDef { ocorrencias: &["03"], code: "54", description: "Banco informado não é nosso correspondente 140-142" },
    MotivoDef { ocorrencias: &["03"], code: "55", description: "Banco correspondente informado não cobra este CEP ou não possui faixas de CEP cadastradas" },
    MotivoDef { ocorrencias: &["03"], code: "56", description: "Nosso número no correspondente não foi informado" },
    MotivoDef { ocorrencias: &["03"], code: "57", description: "Remessa contendo duas instruções incompatíveis – não protestar e dias de protesto ou prazo para protesto inválido." },
    MotivoDef { ocorrencias: &["03"], code: "58", description: "Entradas Rejeitadas – Reprovado no Represamento para Análise" },
    MotivoDef { ocorrencias: &["03"], code: "60", description: "CNPJ/CPF do sacado inválido – título recusado" },
    MotivoDef { ocorrencias: &["03"], code: "87", description: "Excede Prazo máximo entre emissão e vencimento" },
    MotivoDef { ocorrencias: &["03"], code: "AA", description: "Serviço de cobrança inválido" },
    MotivoDef { ocorrencias: &["03"], code: "AB", description: "Serviço de \"0\" ou \"5\" e banco cobrador <> zeros" },
    MotivoDef { ocorrencias: &["03"], code: "AE", description: "Título não possui abatimento" },
    MotivoDef { ocorrencias: &["03"], code: "AI", description: "Nossa carteira inválida" },
    MotivoDef { ocorrencias: &["03"], code: "AJ", description: "Modalidade com bancos correspondentes inválida" },
    MotivoDef { ocorrencias: &["03"], code: "AL", description: "Sacado impedido de entrar nesta cobrança" },
    MotivoDef { ocorrencias: &["03"], code: "AU", description: "Data da ocorrência inválida" },
    MotivoDef { ocorrencias: &["03"], code: "AV", description: "Valor da tarifa de cobrança inválida" },
    MotivoDef { ocorrencias: &["03"], code: "AX", description: "Título em pagamento parcial" },
    MotivoDef { ocorrencias: &["03"], code: "BC", description: "Análise gerencial-sacado inválido p/operação crédito" },
    MotivoDef { ocorrencias: &["03"], code: "BD", description: "Análise gerencial-sacado inadimplente" },
    MotivoDef { ocorrencias: &["03"], code: "BE", description: "Análise gerencial-sacado difere do exigido" },
    MotivoDef { ocorrencias: &["03"], code: "BF", description: "Análise gerencial-vencto excede vencto da operação de crédito" },
    MotivoDef { ocorrencias: &["03"], code: "BG", description: "Análise gerencial-sacado com baixa liquidez" },
    MotivoDef { ocorrencias: &["03"], code: "BH", description: "Análise gerencial-sacado excede concentração" },
    MotivoDef { ocorrencias: &["03"], code: "CC", description: "Valor de iof incompatível com a espécie documento" },
    MotivoDef { ocorrencias: &["03"], code: "CD", description: "Efetivação de protesto sem agenda válida" },
    MotivoDef { ocorrencias: &["03"], code: "CE", description: "Título não aceito - pessoa física" },
    MotivoDef { ocorrencias: &["03"], code: "CF", description: "Excede prazo máximo da entrada ao vencimento" },
    MotivoDef { ocorrencias: &["03"], code: "CG", description: "Título não aceito – por análise gerencial" },
    MotivoDef { ocorrencias: &["03"], code: "CH", description: "Título em espera – em análise pelo banco" },
    MotivoDef { ocorrencias: &["03"], code: "CJ", description: "Análise gerencial-vencto do titulo abaixo przcurto" },
    MotivoDef { ocorrencias: &["03"], code: "CK", description: "Análise gerencial-vencto do titulo abaixo przlongo" },
    MotivoDef { ocorrencias: &["03"], code: "CS", description: "Título rejeitado pela checagem de duplicatas" },
    MotivoDef { ocorrencias: &["03"], code: "DA", description: "Análise gerencial – Entrada de Título Descontado com limite cancelado" },
    MotivoDef { ocorrencias: &["03"], code: "DB", description: "Análise gerencial – Entrada de Título Descontado com limite vencido" },
    MotivoDef { ocorrencias: &["03"], code: "DC", description: "Análise gerencial - cedente com limite cancelado" },
    MotivoDef { ocorrencias: &["03"], code: "DD", description: "Análise gerencial – cedente é sacado e teve seu limite cancelado" },
    MotivoDef { ocorrencias: &["03"], code: "DE", description: "Análise gerencial - apontamento no Serasa" },
    MotivoDef { ocorrencias: &["03"], code: "DG", description: "Endereço sacador/avalista não informado" },
    MotivoDef { ocorrencias: &["03"], code: "DH", description: "Cep do sacador/avalista não informado" },
    MotivoDef { ocorrencias: &["03"], code: "DI", description: "Cidade do sacador/avalista não informado" },
    MotivoDef { ocorrencias: &["03"], code: "DJ", description: "Estado do sacador/avalista inválido ou n informado" },
    MotivoDef { ocorrencias: &["03"], code: "DM", description: "Cliente sem Código de Flash cadastrado no cobrador" },
    MotivoDef { ocorrencias: &["03"], code: "DN", description: "Título Descontado com Prazo ZERO – Recusado" },
    MotivoDef { ocorrencias: &["03"], code: "DP", description: "Data de Referência menor que a Data de Emissão do Título" },
    MotivoDef { ocorrencias: &["03"], code: "DT", description: "Nosso Número do Correspondente não deve ser informado" },
    MotivoDef { ocorrencias: &["03"], code: "EB", description: "HSBC não aceita endereço de sacado com mais de 38 caracteres" },
    MotivoDef { ocorrencias: &["03"], code: "G1", description: "Endereço do sacador incompleto ( lei 12.039)" },
    MotivoDef { ocorrencias: &["03"], code: "G2", description: "Sacador impedido de movimentar" },
    MotivoDef { ocorrencias: &["03"], code: "G3", description: "Concentração de cep não permitida" },
    MotivoDef { ocorrencias: &["03"], code: "G4", description: "Valor do título não permitido" },
    MotivoDef { ocorrencias: &["03"], code: "HA", description: "Serviço e Modalidade Incompatíveis" },
    MotivoDef { ocorrencias: &["03"], code: "HB", description: "Inconsistências entre Registros Título e Sacador" },
    MotivoDef { ocorrencias: &["03"], code: "HC", description: "Ocorrência não disponível" },
    MotivoDef { ocorrencias: &["03"], code: "HD", description: "Título com Aceite" },
    MotivoDef { ocorrencias: &["03"], code: "HF", description: "Baixa Liquidez do Sacado" },
    MotivoDef { ocorrencias: &["03"], code: "HG", description: "Sacado Informou que não paga Boletos" },
    MotivoDef { ocorrencias: &["03"], code: "HH", description: "Sacado não confirmou a Nota Fiscal" },
    MotivoDef { ocorrencias: &["03"], code: "HI", description: "Checagem Prévia não Efetuada" },
    MotivoDef { ocorrencias: &["03"], code: "HJ", description: "Sacado desconhece compra e Nota Fiscal" },
    MotivoDef { ocorrencias: &["03"], code: "HK", description: "Compra e Nota Fiscal canceladas pelo sacado" },
    MotivoDef { ocorrencias: &["03"], code: "HL", description: "Concentração além do permitido pela área de Crédito" },
    MotivoDef { ocorrencias: &["03"], code: "HM", description: "Vencimento acima do permitido pelo área de Crédito" },
    MotivoDef { ocorrencias: &["03"], code: "HN", description: "Excede o prazo limite da operação" },
    MotivoDef { ocorrencias: &["03"], code: "IX", description: "Título de Cartão de Crédito não aceita instruções" },
    MotivoDef { ocorrencias: &["03"], code: "JB", description: "Título de Cartão de Crédito inválido para o Produto" },
    MotivoDef { ocorrencias: &["03"], code: "JC", description: "Produto somente para Cartão de Crédito" },
    MotivoDef { ocorrencias: &["03"], code: "JH", description: "CB Direta com operação de Desconto Automático" },
    MotivoDef { ocorrencias: &["03"], code: "JI", description: "Espécie de Documento incompatível para produto de Cartão de Crédito" },
    MotivoDef { ocorrencias: &["03"], code: "JK", description: "Produto não permite alterar Valor e Vencimento" },
    MotivoDef { ocorrencias: &["03"], code: "JQ", description: "Título em Correspondente – Alteração não permitida" },
    MotivoDef { ocorrencias: &["03"], code: "JS", description: "Título possui Desc/Abatim/Mora/Multa" },
    MotivoDef { ocorrencias: &["03"], code: "JT", description: "Título possui Agenda" },
    MotivoDef { ocorrencias: &["03"], code: "KC", description: "Título já Sustado" },
    MotivoDef { ocorrencias: &["03"], code: "KD", description: "Serviço de Cobrança não permitido para carteira" },
    MotivoDef { ocorrencias: &["03"], code: "KE", description: "Título possui caracteres não permitidos." },
    MotivoDef { ocorrencias: &["03"], code: "KF", description: "Operação fechada para novas entradas" },
    MotivoDef { ocorrencias: &["03"], code: "KG", description: "Nosso número bancos duplicado." },
    MotivoDef { ocorrencias: &["03"], code: "ZQ", description: "Sem informação da Nota Fiscal Eletrônica" },
    MotivoDef { ocorrencias: &["03"], code: "ZR", description: "Chave de Acesso NF Rejeitada" },
    MotivoDef { ocorrencias: &["03"], code: "ZS", description: "Chave de Acesso NF Duplicada" },
    MotivoDef { ocorrencias: &["03"], code: "ZT", description: "Quantidade NF excede a quantidade permitida (30)" },
    MotivoDef { ocorrencias: &["03"], code: "ZU", description: "Chave de Acesso NF inválida" },
    MotivoDef { ocorrencias: &["15"], code: "05", description: "Solicitação de baixa para título já baixado ou liquidado" },
    MotivoDef { ocorrencias: &["15"], code: "06", description: "Solicitação de baixa para título não registrado no sistema" },
    MotivoDef { ocorrencias: &["15"], code: "08", description: "Solicitação de baixa para título em float" },
    MotivoDef { ocorrencias: &["16"], code: "04", description: "Data de vencimento não numérica ou inválida" },
    MotivoDef { ocorrencias: &["16"], code: "05", description: "Data de Vencimento inválida ou fora do prazo mínimo" },
    MotivoDef { ocorrencias: &["16"], code: "14", description: "Registro em duplicidade" },
    MotivoDef { ocorrencias: &["16"], code: "19", description: "Data de desconto inválida ou maior que a data de vencimento" },
    MotivoDef { ocorrencias: &["16"], code: "20", description: "Campo livre não informado" },
    MotivoDef { ocorrencias: &["16"], code: "21", description: "Título não registrado no sistema" },
    MotivoDef { ocorrencias: &["16"], code: "22", description: "Título baixado ou liquidado" },
    MotivoDef { ocorrencias: &["16"], code: "26", description: "Espécie de documento inválida" },
    MotivoDef { ocorrencias: &["16"], code: "27", description: "Instrução não aceita, por não ter sido emitida ordem de protesto ao cartório" },
    MotivoDef { ocorrencias: &["16"], code: "28", description: "Título tem instrução de cartório ativa" },
    MotivoDef { ocorrencias: &["16"], code: "29", description: "Título não tem instrução de carteira ativa" },
    MotivoDef { ocorrencias: &["16"], code: "30", description: "Existe instrução de não protestar, ativa para o título" },
    MotivoDef { ocorrencias: &["16"], code: "36", description: "Valor de permanência (mora) não numérico" },
    MotivoDef { ocorrencias: &["16"], code: "37", description: "Título Descontado – Instrução não permitida para a carteira" },
    MotivoDef { ocorrencias: &["16"], code: "38", description: "Valor do abatimento não numérico ou maior que a soma do valor do título + permanência + multa" },
    MotivoDef { ocorrencias: &["16"], code: "39", description: "Título em cartório" },
    MotivoDef { ocorrencias: &["16"], code: "40", description: "Instrução recusada – Reprovado no Represamento para Análise" },
    MotivoDef { ocorrencias: &["16"], code: "44", description: "Título zerado ou em branco; ou não numérico na remessa" },
    MotivoDef { ocorrencias: &["16"], code: "51", description: "Tipo/Número de Inscrição Sacador/Avalista Inválido" },
    MotivoDef { ocorrencias: &["16"], code: "53", description: "Prazo de vencimento do título excede ao da contratação" },
    MotivoDef { ocorrencias: &["16"], code: "57", description: "Remessa contendo duas instruções incompatíveis – não protestar e dias de protesto ou prazo para protesto inválido." },
    MotivoDef { ocorrencias: &["16"], code: "AA", description: "Serviço de cobrança inválido" },
    MotivoDef { ocorrencias: &["16"], code: "AE", description: "Título não possui abatimento" },
    MotivoDef { ocorrencias: &["16"], code: "AG", description: "Movimento não permitido – Título à vista ou contra apresentação" },
    MotivoDef { ocorrencias: &["16"], code: "AH", description: "Cancelamento de valores inválidos" },
    MotivoDef { ocorrencias: &["16"], code: "AI", description: "Nossa carteira inválida" },
    MotivoDef { ocorrencias: &["16"], code: "AK", description: "Título pertence a outro cliente" },
    MotivoDef { ocorrencias: &["16"], code: "AU", description: "Data da ocorrência inválida" },
    MotivoDef { ocorrencias: &["16"], code: "AY", description: "Título deve estar em aberto e vencido para acatar protesto" },
    MotivoDef { ocorrencias: &["16"], code: "BA", description: "Banco Correspondente Recebedor não é o Cobrador Atual" },
    MotivoDef { ocorrencias: &["16"], code: "BB", description: "Título deve estar em cartório para baixar" },
    MotivoDef { ocorrencias: &["16"], code: "CB", description: "Título possui protesto efetivado/a efetivar hoje" },
    MotivoDef { ocorrencias: &["16"], code: "CT", description: "Título já baixado" },
    MotivoDef { ocorrencias: &["16"], code: "CW", description: "Título já transferido" },
    MotivoDef { ocorrencias: &["16"], code: "DO", description: "Título em Prejuízo" },
    MotivoDef { ocorrencias: &["16"], code: "IX", description: "Título de Cartão de Crédito não aceita instruções" },
    MotivoDef { ocorrencias: &["16"], code: "JK", description: "Produto não permite alteração de valor de título" },
    MotivoDef { ocorrencias: &["16"], code: "JQ", description: "Título em Correspondente – Não alterar Valor" },
    MotivoDef { ocorrencias: &["16"], code: "JS", description: "Título possui Descontos/Abto/Mora/Multa" },
    MotivoDef { ocorrencias: &["16"], code: "JT", description: "Título possui Agenda de Protesto/Devolução" },
    MotivoDef { ocorrencias: &["16"], code: "99", description: "Ocorrência desconhecida na remessa" },
];

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::Detail(b'4'), &REMESSA_NOTA_FISCAL),
    (RecordKey::Detail(b'5'), &REMESSA_SACADOR),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord {
        key: RecordKey::Detail(b'1'),
        starts: true,
        emit: Emit::Always,
    },
    EntryRecord {
        key: RecordKey::Detail(b'2'),
        starts: false,
        emit: Emit::IfAny(&[R::Mensagem1, R::Mensagem2, R::Mensagem3, R::Mensagem4]),
    },
    EntryRecord {
        key: RecordKey::Detail(b'4'),
        starts: false,
        emit: Emit::Never,
    },
    EntryRecord {
        key: RecordKey::Detail(b'5'),
        starts: false,
        emit: Emit::IfAny(&[R::SacadorInscricao]),
    },
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &RETORNO_HEADER),
    (RecordKey::Detail(b'1'), &RETORNO_DETALHE),
    (RecordKey::FileTrailer, &RETORNO_TRAILER),
];

/// Records of a retorno entry.
pub const RETORNO_ENTRY: &[EntryRecord] = &[EntryRecord {
    key: RecordKey::Detail(b'1'),
    starts: true,
    emit: Emit::Always,
}];

/// Fibra CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab400,
    FileKind::Remessa,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// Fibra CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::new(
    Layout::Cnab400,
    FileKind::Retorno,
    RETORNO_RECORDS,
    RETORNO_ENTRY,
    OCORRENCIAS,
    SOURCE,
)
.motivos(MOTIVOS);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_cover_400_positions() {
        for (_, l) in REMESSA_RECORDS.iter().chain(RETORNO_RECORDS) {
            assert_eq!(l.check(), Ok(()), "{}", l.name);
        }
    }
}
