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

use crate::bank::motivo;
use crate::bank::{oc, records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::{Layout, OcorrenciaKind as K};

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
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Retorno header (manual p. 12): the remessa header's with the retorno literals and, after the date, the
/// densidade, the retorno's number and blanks.
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    fields: patched!(
        REMESSA_HEADER.fields,
        [
            F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
            F::constant("literal_retorno", 3, 9, "RETORNO"),
            F::num("densidade", 101, 105).default("01600"),
            F::alpha("unidade_densidade", 106, 108).default("BPI"),
            F::num("sequencial_retorno", 109, 113).role(R::Nsa),
            F::blank("brancos_1", 114, 119),
            F::blank("brancos_2", 120, 394),
        ]
    ),
    ..REMESSA_HEADER
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
    motivo(&["03"], "03", "CEP inválido – Não temos cobrador – Cobrador não Localizado"),
    motivo(&["03"], "04", "Sigla do Estado inválida"),
    motivo(&["03"], "05", "Data de Vencimento inválida ou fora do prazo mínimo"),
    motivo(&["03"], "06", "Código do Banco inválido"),
    motivo(&["03"], "08", "Nome do sacado não informado"),
    motivo(&["03"], "10", "Logradouro não informado"),
    motivo(&["03"], "14", "Registro em duplicidade"),
    motivo(&["03"], "19", "Data de desconto inválida ou maior que a data de vencimento"),
    motivo(&["03"], "20", "Valor de IOF não numérico"),
    motivo(&["03"], "21", "Movimento para título não cadastrado no sistema"),
    motivo(&["03"], "22", "Valor de desconto + abatimento maior que o valor do título"),
    motivo(&["03"], "25", "CNPJ ou CPF do sacado inválido (aceito com restrições)"),
    motivo(&["03"], "26", "Espécie de documento inválida"),
    motivo(&["03"], "27", "Data de emissão do título inválida"),
    motivo(&["03"], "28", "Seu número não informado"),
    motivo(&["03"], "29", "CEP é igual a espaço ou zeros; ou não numérico"),
    motivo(&["03"], "30", "Valor do título não numérico ou inválido"),
    motivo(&["03"], "36", "Valor de permanência (mora) não numérico"),
    motivo(&["03"], "37", "Valor de permanência inconsistente, pois, dentro de um mês, será maior que o valor do título"),
    motivo(&["03"], "38", "Valor de desconto/abatimento não numérico ou inválido"),
    motivo(&["03"], "39", "Valor de abatimento não numérico"),
    motivo(&["03"], "42", "Título já existente em nossos registros. Nosso número não aceito"),
    motivo(&["03"], "43", "Título enviado em duplicidade nesse movimento"),
    motivo(&["03"], "44", "Título zerado ou em branco; ou não numérico na remessa"),
    motivo(&["03"], "46", "Título enviado fora da faixa de Nosso Número, estipulada para o cliente."),
    motivo(&["03"], "51", "Tipo/Número de Inscrição Sacador/Avalista Inválido"),
    motivo(&["03"], "52", "Sacador/Avalista não informado"),
    motivo(&["03"], "53", "Prazo de vencimento do título excede ao da contratação"),
    motivo(&["03"], "54", "Banco informado não é nosso correspondente 140-142"),
    motivo(&["03"], "55", "Banco correspondente informado não cobra este CEP ou não possui faixas de CEP cadastradas"),
    motivo(&["03"], "56", "Nosso número no correspondente não foi informado"),
    motivo(&["03"], "57", "Remessa contendo duas instruções incompatíveis – não protestar e dias de protesto ou prazo para protesto inválido."),
    motivo(&["03"], "58", "Entradas Rejeitadas – Reprovado no Represamento para Análise"),
    motivo(&["03"], "60", "CNPJ/CPF do sacado inválido – título recusado"),
    motivo(&["03"], "87", "Excede Prazo máximo entre emissão e vencimento"),
    motivo(&["03"], "AA", "Serviço de cobrança inválido"),
    MotivoDef { ocorrencias: &["03"], code: "AB", description: "Serviço de \"0\" ou \"5\" e banco cobrador <> zeros" },
    motivo(&["03"], "AE", "Título não possui abatimento"),
    motivo(&["03"], "AI", "Nossa carteira inválida"),
    motivo(&["03"], "AJ", "Modalidade com bancos correspondentes inválida"),
    motivo(&["03"], "AL", "Sacado impedido de entrar nesta cobrança"),
    motivo(&["03"], "AU", "Data da ocorrência inválida"),
    motivo(&["03"], "AV", "Valor da tarifa de cobrança inválida"),
    motivo(&["03"], "AX", "Título em pagamento parcial"),
    motivo(&["03"], "BC", "Análise gerencial-sacado inválido p/operação crédito"),
    motivo(&["03"], "BD", "Análise gerencial-sacado inadimplente"),
    motivo(&["03"], "BE", "Análise gerencial-sacado difere do exigido"),
    motivo(&["03"], "BF", "Análise gerencial-vencto excede vencto da operação de crédito"),
    motivo(&["03"], "BG", "Análise gerencial-sacado com baixa liquidez"),
    motivo(&["03"], "BH", "Análise gerencial-sacado excede concentração"),
    motivo(&["03"], "CC", "Valor de iof incompatível com a espécie documento"),
    motivo(&["03"], "CD", "Efetivação de protesto sem agenda válida"),
    motivo(&["03"], "CE", "Título não aceito - pessoa física"),
    motivo(&["03"], "CF", "Excede prazo máximo da entrada ao vencimento"),
    motivo(&["03"], "CG", "Título não aceito – por análise gerencial"),
    motivo(&["03"], "CH", "Título em espera – em análise pelo banco"),
    motivo(&["03"], "CJ", "Análise gerencial-vencto do titulo abaixo przcurto"),
    motivo(&["03"], "CK", "Análise gerencial-vencto do titulo abaixo przlongo"),
    motivo(&["03"], "CS", "Título rejeitado pela checagem de duplicatas"),
    motivo(&["03"], "DA", "Análise gerencial – Entrada de Título Descontado com limite cancelado"),
    motivo(&["03"], "DB", "Análise gerencial – Entrada de Título Descontado com limite vencido"),
    motivo(&["03"], "DC", "Análise gerencial - cedente com limite cancelado"),
    motivo(&["03"], "DD", "Análise gerencial – cedente é sacado e teve seu limite cancelado"),
    motivo(&["03"], "DE", "Análise gerencial - apontamento no Serasa"),
    motivo(&["03"], "DG", "Endereço sacador/avalista não informado"),
    motivo(&["03"], "DH", "Cep do sacador/avalista não informado"),
    motivo(&["03"], "DI", "Cidade do sacador/avalista não informado"),
    motivo(&["03"], "DJ", "Estado do sacador/avalista inválido ou n informado"),
    motivo(&["03"], "DM", "Cliente sem Código de Flash cadastrado no cobrador"),
    motivo(&["03"], "DN", "Título Descontado com Prazo ZERO – Recusado"),
    motivo(&["03"], "DP", "Data de Referência menor que a Data de Emissão do Título"),
    motivo(&["03"], "DT", "Nosso Número do Correspondente não deve ser informado"),
    motivo(&["03"], "EB", "HSBC não aceita endereço de sacado com mais de 38 caracteres"),
    motivo(&["03"], "G1", "Endereço do sacador incompleto ( lei 12.039)"),
    motivo(&["03"], "G2", "Sacador impedido de movimentar"),
    motivo(&["03"], "G3", "Concentração de cep não permitida"),
    motivo(&["03"], "G4", "Valor do título não permitido"),
    motivo(&["03"], "HA", "Serviço e Modalidade Incompatíveis"),
    motivo(&["03"], "HB", "Inconsistências entre Registros Título e Sacador"),
    motivo(&["03"], "HC", "Ocorrência não disponível"),
    motivo(&["03"], "HD", "Título com Aceite"),
    motivo(&["03"], "HF", "Baixa Liquidez do Sacado"),
    motivo(&["03"], "HG", "Sacado Informou que não paga Boletos"),
    motivo(&["03"], "HH", "Sacado não confirmou a Nota Fiscal"),
    motivo(&["03"], "HI", "Checagem Prévia não Efetuada"),
    motivo(&["03"], "HJ", "Sacado desconhece compra e Nota Fiscal"),
    motivo(&["03"], "HK", "Compra e Nota Fiscal canceladas pelo sacado"),
    motivo(&["03"], "HL", "Concentração além do permitido pela área de Crédito"),
    motivo(&["03"], "HM", "Vencimento acima do permitido pelo área de Crédito"),
    motivo(&["03"], "HN", "Excede o prazo limite da operação"),
    motivo(&["03"], "IX", "Título de Cartão de Crédito não aceita instruções"),
    motivo(&["03"], "JB", "Título de Cartão de Crédito inválido para o Produto"),
    motivo(&["03"], "JC", "Produto somente para Cartão de Crédito"),
    motivo(&["03"], "JH", "CB Direta com operação de Desconto Automático"),
    motivo(&["03"], "JI", "Espécie de Documento incompatível para produto de Cartão de Crédito"),
    motivo(&["03"], "JK", "Produto não permite alterar Valor e Vencimento"),
    motivo(&["03"], "JQ", "Título em Correspondente – Alteração não permitida"),
    motivo(&["03"], "JS", "Título possui Desc/Abatim/Mora/Multa"),
    motivo(&["03"], "JT", "Título possui Agenda"),
    motivo(&["03"], "KC", "Título já Sustado"),
    motivo(&["03"], "KD", "Serviço de Cobrança não permitido para carteira"),
    motivo(&["03"], "KE", "Título possui caracteres não permitidos."),
    motivo(&["03"], "KF", "Operação fechada para novas entradas"),
    motivo(&["03"], "KG", "Nosso número bancos duplicado."),
    motivo(&["03"], "ZQ", "Sem informação da Nota Fiscal Eletrônica"),
    motivo(&["03"], "ZR", "Chave de Acesso NF Rejeitada"),
    motivo(&["03"], "ZS", "Chave de Acesso NF Duplicada"),
    motivo(&["03"], "ZT", "Quantidade NF excede a quantidade permitida (30)"),
    motivo(&["03"], "ZU", "Chave de Acesso NF inválida"),
    motivo(&["15"], "05", "Solicitação de baixa para título já baixado ou liquidado"),
    motivo(&["15"], "06", "Solicitação de baixa para título não registrado no sistema"),
    motivo(&["15"], "08", "Solicitação de baixa para título em float"),
    motivo(&["16"], "04", "Data de vencimento não numérica ou inválida"),
    motivo(&["16"], "05", "Data de Vencimento inválida ou fora do prazo mínimo"),
    motivo(&["16"], "14", "Registro em duplicidade"),
    motivo(&["16"], "19", "Data de desconto inválida ou maior que a data de vencimento"),
    motivo(&["16"], "20", "Campo livre não informado"),
    motivo(&["16"], "21", "Título não registrado no sistema"),
    motivo(&["16"], "22", "Título baixado ou liquidado"),
    motivo(&["16"], "26", "Espécie de documento inválida"),
    motivo(&["16"], "27", "Instrução não aceita, por não ter sido emitida ordem de protesto ao cartório"),
    motivo(&["16"], "28", "Título tem instrução de cartório ativa"),
    motivo(&["16"], "29", "Título não tem instrução de carteira ativa"),
    motivo(&["16"], "30", "Existe instrução de não protestar, ativa para o título"),
    motivo(&["16"], "36", "Valor de permanência (mora) não numérico"),
    motivo(&["16"], "37", "Título Descontado – Instrução não permitida para a carteira"),
    motivo(&["16"], "38", "Valor do abatimento não numérico ou maior que a soma do valor do título + permanência + multa"),
    motivo(&["16"], "39", "Título em cartório"),
    motivo(&["16"], "40", "Instrução recusada – Reprovado no Represamento para Análise"),
    motivo(&["16"], "44", "Título zerado ou em branco; ou não numérico na remessa"),
    motivo(&["16"], "51", "Tipo/Número de Inscrição Sacador/Avalista Inválido"),
    motivo(&["16"], "53", "Prazo de vencimento do título excede ao da contratação"),
    motivo(&["16"], "57", "Remessa contendo duas instruções incompatíveis – não protestar e dias de protesto ou prazo para protesto inválido."),
    motivo(&["16"], "AA", "Serviço de cobrança inválido"),
    motivo(&["16"], "AE", "Título não possui abatimento"),
    motivo(&["16"], "AG", "Movimento não permitido – Título à vista ou contra apresentação"),
    motivo(&["16"], "AH", "Cancelamento de valores inválidos"),
    motivo(&["16"], "AI", "Nossa carteira inválida"),
    motivo(&["16"], "AK", "Título pertence a outro cliente"),
    motivo(&["16"], "AU", "Data da ocorrência inválida"),
    motivo(&["16"], "AY", "Título deve estar em aberto e vencido para acatar protesto"),
    motivo(&["16"], "BA", "Banco Correspondente Recebedor não é o Cobrador Atual"),
    motivo(&["16"], "BB", "Título deve estar em cartório para baixar"),
    motivo(&["16"], "CB", "Título possui protesto efetivado/a efetivar hoje"),
    motivo(&["16"], "CT", "Título já baixado"),
    motivo(&["16"], "CW", "Título já transferido"),
    motivo(&["16"], "DO", "Título em Prejuízo"),
    motivo(&["16"], "IX", "Título de Cartão de Crédito não aceita instruções"),
    motivo(&["16"], "JK", "Produto não permite alteração de valor de título"),
    motivo(&["16"], "JQ", "Título em Correspondente – Não alterar Valor"),
    motivo(&["16"], "JS", "Título possui Descontos/Abto/Mora/Multa"),
    motivo(&["16"], "JT", "Título possui Agenda de Protesto/Devolução"),
    motivo(&["16"], "99", "Ocorrência desconhecida na remessa"),
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
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem1, R::Mensagem2, R::Mensagem3, R::Mensagem4],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::SacadorInscricao]),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Fibra CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// Fibra CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
