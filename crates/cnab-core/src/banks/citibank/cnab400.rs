//! Citibank (745) — CNAB 400 cobrança com registro, remessa and retorno.
//!
//! Source: Citibank, "Manual CNAB 400 Posições — Cobrança Com Registro", versão 1.16 (file
//! `docs/Citibank/Manual CNAB400_1 16.pdf` in kivanio/brcobranca): "Registro Remessa - HEADER", "Registro Remessa –
//! DETALHE – Dados do Título", "Registro Remessa – DETALHE – Mensagens do Título" and "Registro Remessa - TRAILLER"
//! (pp. 3-8). Positions cross-checked against brcobranca `lib/brcobranca/remessa/cnab400/citibank.rb` and the real
//! remessa `pycobranca__remessa_citibank_cnab400.rem` of the corpus.
//!
//! Retorno: same manual, "Registro Retorno - HEADER", "Registro Retorno – DETALHE" and "Registro Retorno –
//! TRAILLER" (cobrança com registro, pp. 9-18), cross-checked against an independent TypeScript reader found by code
//! search (class `ArquivoRetornoCiti`), which follows a later manual revision: it reads an ISPB at 280-287 and
//! cartório/protocolo/pagador data at 338-385 (brancos in v1.16), so those are kept as free alpha fields. The detail
//! comes as three record types with the same 400 positions: 1 (confirmação), 7 (posição de carteira, sent in the
//! "posição carteira" file, header 002 = 7) and 8 (despesa de cartório, ocorrências 51-53). Each one describes one
//! title with its own ocorrência, so each one starts an entry; the writer emits type 1. Motivos (302-321, X(20)) are
//! 2-character codes whose meaning depends on the ocorrência (rejeição for the ocorrências other than 06/10/15/17;
//! forma de liquidação for 06/17; forma de baixa for 10; "em cartório" for 15; movimentação CIP for 90).
//! [`retorno_hook`] keeps text the tables don't know as one raw motivo, and adds the código de alegação do sacado
//! (335-337) of ocorrência 29 as a motivo. No Citibank retorno is in the corpus.

use crate::bank::motivo as mo;
use crate::bank::{oc, Emit, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{
    patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T,
};
use crate::model::{Layout, Motivo, OcorrenciaKind as K, RetornoEntry};
use crate::record::Record;

/// Source string of the Citibank tables.
pub const SOURCE: &str = "Citibank, Manual CNAB 400 Posições — Cobrança Com Registro v1.16";

/// Remessa header ("Registro Remessa - HEADER").
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    source: SOURCE,
    fields: patched!(
        RETORNO_HEADER.fields,
        [
            F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
            F::constant("literal_remessa", 3, 9, "REMESSA"),
            F::blank("volume_fisico", 109, 114),
            F::blank("brancos", 115, 394),
        ]
    ),
    ..RETORNO_HEADER
};

/// Remessa detalhe, dados do título (tipo 1).
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
        F::num("especie", 63, 64).role(R::Especie),
        F::num("nosso_numero", 65, 76).role(R::NossoNumero),
        F::blank("brancos_1", 77, 82),
        F::date6("desconto2_data", 83, 88),
        F::dec("desconto2_valor", 89, 101, 2),
        F::num("carne", 102, 104),
        F::num("parcela", 105, 107),
        F::num("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("codigo_banco", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 147),
        F::num("tipo_emissao", 148, 149).role(R::Modalidade),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("instrucao", 157, 158).role(R::ProtestoCodigo),
        F::num("dias_instrucao", 159, 160).role(R::ProtestoPrazo),
        F::dec("juros_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("iof", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_mensagem", 352, 391).role(R::SacadorNome),
        F::blank("brancos_2", 392, 393),
        F::num("moeda", 394, 394).default("9"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe, mensagens do título (tipo 2): three 100-character messages for the sacado eletrônico.
pub const REMESSA_MENSAGEM: RecordLayout = RecordLayout {
    name: "mensagem",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::alpha("codigo_empresa", 18, 37).role(R::CodigoBeneficiario),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("especie", 63, 64).role(R::Especie),
        F::num("nosso_numero", 65, 76).role(R::NossoNumero),
        F::num("carteira", 77, 77).role(R::Carteira),
        F::alpha("seu_numero", 78, 87).role(R::SeuNumero),
        F::blank("brancos_1", 88, 93),
        F::alpha("mensagem_1", 94, 193).role(R::Mensagem1),
        F::alpha("mensagem_2", 194, 293).role(R::Mensagem2),
        F::alpha("mensagem_3", 294, 393).role(R::Mensagem3),
        F::blank("brancos_2", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailler.
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Códigos de ocorrência of the remessa (detalhe, 109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido de Devolução"),
    oc("04", K::Informativo, "Concessão de Abatimento"),
    oc("06", K::Informativo, "Prorrogação de Vencimento"),
    oc("07", K::Informativo, "Concessão de Desconto"),
    oc("09", K::Informativo, "Protesto Imediato"),
    oc("10", K::Informativo, "Sustar protesto"),
    oc("29", K::Informativo, "Pedido de negativação"),
    oc("39", K::Informativo, "Pedido de exclusão de negativação"),
];

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem1, R::Mensagem2, R::Mensagem3],
    ),
];

/// Citibank CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// Source string of the Citibank retorno tables.
pub const SOURCE_RET: &str =
    "Citibank, Manual CNAB 400 Posições — Cobrança Com Registro v1.16, arquivo retorno (pp. 9-18)";

/// Retorno header ("Registro Retorno - HEADER"); 002 is 2 (cobrança) or 7 (posição carteira).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_retorno", 3, 9, "RETORNO"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::alpha("codigo_empresa", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94)
            .role(R::BancoNome)
            .default("CITIBANK"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::alpha("densidade", 101, 105).default("01600"),
        F::alpha("unidade_densidade", 106, 108).default("BPI"),
        F::alpha("volume_fisico", 109, 114),
        F::num("sequencial_arquivo", 115, 117).role(R::Nsa),
        F::blank("brancos_1", 118, 119),
        F::date6("data_credito", 120, 125).role(R::DataCredito),
        F::blank("brancos_2", 126, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// The detail fields ("Registro Retorno – DETALHE"), shared by the record types 1, 7 and 8.
macro_rules! retorno_detalhe {
    ($name:expr, $tipo:expr) => {
        RecordLayout {
            name: $name,
            len: 400,
            source: SOURCE_RET,
            fields: &[
                F::constant("tipo_registro", 1, 1, $tipo),
                F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
                F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
                F::alpha("codigo_empresa", 18, 37).role(R::CodigoBeneficiario),
                F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
                F::alpha("especie", 63, 64),
                F::num("nosso_numero", 65, 76).role(R::NossoNumero),
                F::blank("brancos_1", 77, 82),
                F::alpha("operacao_citibank", 83, 107),
                F::num("carteira", 108, 108).role(R::Carteira),
                F::alpha("ocorrencia", 109, 110).role(R::Ocorrencia),
                F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
                F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
                F::num("uso_banco", 127, 128),
                F::num("nosso_numero_banco", 129, 140),
                F::blank("brancos_2", 141, 146),
                F::date6("vencimento", 147, 152).role(R::Vencimento),
                F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
                F::num("codigo_banco", 166, 168).role(R::BancoCobrador),
                F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
                F::num("emissao_titulo", 174, 175),
                F::dec("despesas_cobranca", 176, 188, 2).role(R::Tarifa),
                F::dec("despesas_cartorio", 189, 201, 2).role(R::OutrasDespesas),
                F::dec("juros_titulo_descontado", 202, 214, 2),
                F::dec("iof", 215, 227, 2).role(R::Iof),
                F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
                F::dec("desconto", 241, 253, 2).role(R::Desconto),
                F::dec("valor_liquido", 254, 266, 2).role(R::ValorCreditado),
                F::dec("juros_acrescimos", 267, 279, 2).role(R::JurosMulta),
                // Brancos in v1.16; later versions carry the ISPB of the receiving bank at 280-287.
                F::alpha("uso_banco_2", 280, 295),
                F::date6("data_credito", 296, 301).role(R::DataCredito),
                F::alpha("motivos", 302, 321).role(R::Motivos),
                F::alpha("numero_operacao", 322, 334),
                F::alpha("codigo_alegacao", 335, 337),
                // Brancos in v1.16; later versions carry cartório/protocolo and payment data here.
                F::alpha("uso_banco_3", 338, 385),
                F::date6("data_gravacao", 386, 391),
                F::blank("brancos_3", 392, 394),
                F::num("sequencial", 395, 400).role(R::Sequencial),
            ],
        }
    };
}

/// Retorno detalhe tipo 1 (confirmação).
pub const RETORNO_DETALHE: RecordLayout = retorno_detalhe!("detalhe", "1");
/// Retorno detalhe tipo 7 (posição de carteira).
pub const RETORNO_POSICAO: RecordLayout = retorno_detalhe!("detalhe_posicao_carteira", "7");
/// Retorno detalhe tipo 8 (despesa de cartório).
pub const RETORNO_DESPESA: RecordLayout = retorno_detalhe!("detalhe_despesa_cartorio", "8");

/// Retorno trailler ("Registro Retorno – TRAILLER"). Its totals are the file's: 018-025 "Quantidade de títulos
/// envolvidos na transação", 026-039 "Valor total dos títulos envolvidos na transação", where the manual's transação
/// is the file ("O registro TRAILLER indica o fim de cada transação do arquivo, ou seja, o término do Arquivo";
/// "HEADER (indica o início de cada transação), DETALHE (especificações de cada transação) e TRAILLER").
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("brancos_1", 2, 4),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_2", 8, 17),
        F::num("qtd_titulos", 18, 25)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::File)),
        F::dec("valor_titulos", 26, 39, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::File)),
        F::blank("brancos_3", 40, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Códigos de ocorrência of the retorno (detalhe, 109-110).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("02", K::EntradaConfirmada, "Entrada confirmada"),
    oc("03", K::EntradaRejeitada, "Transação rejeitada"),
    oc("06", K::Liquidacao, "Liquidação/pagamento"),
    oc("07", K::InstrucaoConfirmada, "Desconto concedido"),
    oc("10", K::Baixa, "Baixa"),
    oc("11", K::Informativo, "Em ser (a vencer)"),
    oc("12", K::InstrucaoConfirmada, "Abatimento concedido"),
    oc("14", K::InstrucaoConfirmada, "Vencimento alterado"),
    oc("15", K::LiquidacaoCartorio, "Pago em cartório"),
    oc(
        "17",
        K::LiquidacaoAposBaixa,
        "Liquidação após baixa / Liquidação de título não registrado",
    ),
    oc("18", K::Baixa, "Devolução por decurso de prazo"),
    oc(
        "19",
        K::InstrucaoConfirmada,
        "Confirmação recebimento da instrução de protesto",
    ),
    oc(
        "20",
        K::InstrucaoConfirmada,
        "Confirmação recebimento da instrução de sustação/cancelamento de protesto",
    ),
    oc(
        "21",
        K::InstrucaoConfirmada,
        "Confirmação de pedido de exclusão da Serasa",
    ),
    oc("22", K::Informativo, "Título enviado para negativação"),
    oc("23", K::Protesto, "Título enviado a cartório"),
    oc("26", K::InstrucaoRejeitada, "Instrução rejeitada"),
    oc("29", K::Informativo, "Alegação do sacado"),
    oc("31", K::Informativo, "Título negativado na Serasa"),
    oc("34", K::Protesto, "Título retirado de cartório"),
    oc("51", K::Tarifa, "Custa de distribuição"),
    oc("52", K::Tarifa, "Custa de sustação"),
    oc("53", K::Tarifa, "Custa de protesto"),
    oc("90", K::Informativo, "Movimentação CIP"),
];

/// Ocorrências whose motivos (302-321) are rejection reasons: all but 06, 10, 15, 17 and 90.
const OC_REJEICAO: &[&str] = &[
    "02", "03", "07", "11", "12", "14", "18", "19", "20", "21", "22", "23", "26", "29", "31", "34",
    "51", "52", "53",
];
const OC_LIQUIDACAO: &[&str] = &["06", "17"];

/// Motivos (302-321) by ocorrência, and the códigos de alegação do sacado (335-337) of ocorrência 29.
pub const MOTIVOS: &[MotivoDef] = &[
    mo(OC_LIQUIDACAO, "01", "Por saldo"),
    mo(OC_LIQUIDACAO, "02", "Por conta"),
    mo(OC_LIQUIDACAO, "03", "No próprio banco"),
    mo(OC_LIQUIDACAO, "04", "Compensação eletrônica (CEL)"),
    mo(&["06"], "05", "Compensação convencional"),
    mo(&["06"], "07", "Após feriado local"),
    mo(&["06"], "08", "Liquidação parcial Flex"),
    mo(&["06"], "38", "Liquidação interbancária STR"),
    mo(&["10"], "09", "Comandada pelo banco"),
    mo(&["10"], "10", "Comandada cliente/CNAB"),
    mo(&["10"], "11", "Comandada cliente on-line"),
    mo(&["10"], "12", "Decurso de prazo cliente"),
    mo(&["10"], "13", "Decurso de prazo banco"),
    mo(&["10"], "14", "Protestado"),
    mo(&["10"], "15", "Transferido de carteira"),
    mo(&["15"], "08", "Em cartório"),
    mo(&["90"], "01", "Sacado aceitou o título"),
    mo(&["90"], "02", "Recusado pelo sacado"),
    mo(&["90"], "03", "Decurso de prazo CIP"),
    mo(OC_REJEICAO, "09", "Nosso número duplicado"),
    mo(OC_REJEICAO, "11", "Forma de cadastro do título inválida"),
    mo(OC_REJEICAO, "15", "Característica da cobrança incompleta"),
    mo(OC_REJEICAO, "16", "Id. registro de dados diferente de 1 (pos. 1)"),
    mo(OC_REJEICAO, "18", "Vencimento fora do prazo de operação"),
    mo(OC_REJEICAO, "19", "Rejeitado por processo de crédito"),
    mo(OC_REJEICAO, "20", "Valor de juros inválido"),
    mo(OC_REJEICAO, "21", "Espécie de título inválida"),
    mo(OC_REJEICAO, "22", "Número bancário inválido (pos. 65)"),
    mo(OC_REJEICAO, "23", "Nosso número já validado anteriormente"),
    mo(OC_REJEICAO, "24", "Código de carteira inválido (pos. 108)"),
    mo(OC_REJEICAO, "25", "Id. ocorrência inválido (pos. 109)"),
    mo(OC_REJEICAO, "26", "Seu número inválido (pos. 111)"),
    mo(OC_REJEICAO, "27", "Data de vencimento inválida (pos. 121)"),
    mo(OC_REJEICAO, "28", "Valor do título inválido (pos. 127)"),
    mo(OC_REJEICAO, "29", "Banco cobrador inválido (pos. 140)"),
    mo(OC_REJEICAO, "30", "Desconto a conceder não confere"),
    mo(OC_REJEICAO, "31", "Tipo de emissão inválida (pos. 148)"),
    mo(OC_REJEICAO, "32", "Código de aceite diferente de N (pos. 150)"),
    mo(OC_REJEICAO, "33", "Data de emissão inválida (pos. 151)"),
    mo(OC_REJEICAO, "34", "Cód. instrução inválido (pos. 157)"),
    mo(OC_REJEICAO, "38", "Prazo para instrução inválido (título a vencer)"),
    mo(OC_REJEICAO, "39", "Pedido de protesto não permitido para o título"),
    mo(OC_REJEICAO, "41", "Tipo ou nº inscrição sacado inválida (pos. 219)"),
    mo(OC_REJEICAO, "43", "Falta nome do sacado (pos. 235)"),
    mo(OC_REJEICAO, "44", "Falta endereço do sacado (pos. 275)"),
    mo(OC_REJEICAO, "46", "CEP inválido ou praça não coberta (pos. 330)"),
    mo(OC_REJEICAO, "47", "Falta cidade do sacado (pos. 335)"),
    mo(OC_REJEICAO, "48", "Falta sigla da UF do sacado (pos. 350)"),
    mo(OC_REJEICAO, "49", "Sigla UF incompatível com o CEP"),
    mo(OC_REJEICAO, "50", "Número de seq. de dados inválida (pos. 395)"),
    mo(OC_REJEICAO, "52", "Id. de trailler diferente de 9"),
    mo(OC_REJEICAO, "53", "Erro de seqüência do trailler (pos. 395)"),
    mo(OC_REJEICAO, "56", "Portfólio destino inexistente"),
    mo(OC_REJEICAO, "57", "Carteira incompatível (pos. 108)"),
    mo(OC_REJEICAO, "58", "Dias de instrução inválidos (pos. 159)"),
    mo(OC_REJEICAO, "62", "Valor do desconto / IOF maior que o valor do título ou zerado"),
    mo(OC_REJEICAO, "63", "Data do desconto inválida na inclusão"),
    mo(OC_REJEICAO, "68", "Alteração inválida (título caucionado)"),
    mo(OC_REJEICAO, "69", "Data desconto inválida na alteração"),
    mo(OC_REJEICAO, "71", "Alteração para título não cadastrado"),
    mo(OC_REJEICAO, "74", "Alteração para título já baixado"),
    mo(OC_REJEICAO, "75", "Alteração para título já pago"),
    mo(OC_REJEICAO, "76", "Instrução para protesto de título já em cartório"),
    mo(OC_REJEICAO, "78", "Alteração de vencimento inválida"),
    mo(OC_REJEICAO, "79", "Alteração para desconto por antecipação inválida"),
    mo(OC_REJEICAO, "80", "Data de instrução de desconto inválida"),
    mo(OC_REJEICAO, "81", "Inclusão de título já cadastrado"),
    mo(OC_REJEICAO, "82", "Mensagem não tratada – sacado não é eletrônico"),
    mo(
        OC_REJEICAO,
        "83",
        "Mensagem não tratada – registro de mensagem sem registro detalhe de título",
    ),
    mo(OC_REJEICAO, "84", "Conta informada inválida ou não implementada"),
    mo(OC_REJEICAO, "86", "Endereço do sacado na WEB inválido (pos. 352/391)"),
    mo(OC_REJEICAO, "87", "Título eletrônico"),
    mo(OC_REJEICAO, "88", "Título não eletrônico"),
    mo(OC_REJEICAO, "89", "Tipo de moeda inválida (pos. 394)"),
    mo(OC_REJEICAO, "90", "Prorrogação não permitida"),
    mo(OC_REJEICAO, "91", "Data para pagto. sem juros inválida (pos. 386)"),
    mo(OC_REJEICAO, "92", "Pedido sustação p/ título s/ instrução protesto"),
    mo(OC_REJEICAO, "93", "Alteração para título já protestado ou em cartório"),
    mo(OC_REJEICAO, "94", "Abatimento maior que o valor líquido (pos. 206)"),
    mo(OC_REJEICAO, "95", "Vencimento não informado na alteração"),
    mo(OC_REJEICAO, "96", "Alteração com vencimento menor que o atual"),
    mo(
        OC_REJEICAO,
        "97",
        "Falta data de desconto em alteração desta data. Mantendo o vencimento original",
    ),
    mo(OC_REJEICAO, "98", "Juros de títulos contra apresentação"),
    mo(
        OC_REJEICAO,
        "99",
        "Instrução de protesto não efetivada por falta de carta de provimento",
    ),
    mo(OC_REJEICAO, "X1", "Alteração para título com instrução de negativação"),
    mo(OC_REJEICAO, "X2", "Título sem instrução de negativação na Serasa"),
    mo(OC_REJEICAO, "X3", "Pedido de negativação na Serasa não aceito para o título"),
    mo(
        OC_REJEICAO,
        "X4",
        "Serviço de negativação na Serasa não contratado ou condição não passível de aceitação",
    ),
    mo(
        OC_REJEICAO,
        "X5",
        "Pedido de negativação agendado, sujeito a análise de existência de contrato/cumprimento de condição contratual",
    ),
    // Códigos de alegação do sacado (335-337), ocorrência 29 (selection of the manual's list).
    mo(&["29"], "101", "Sacado alega que não recebeu a mercadoria"),
    mo(&["29"], "102", "Sacado alega que a mercadoria chegou atrasada"),
    mo(&["29"], "103", "Sacado alega que a mercadoria chegou avariada"),
    mo(&["29"], "104", "Sacado alega que a mercadoria não confere com o pedido"),
    mo(&["29"], "105", "Sacado alega que a mercadoria chegou incompleta"),
    mo(&["29"], "106", "Sacado alega que a mercadoria está à disposição do cedente"),
    mo(&["29"], "107", "Sacado alega que devolveu a mercadoria"),
    mo(&["29"], "108", "Sacado alega que a mercadoria está em desacordo com a nota fiscal"),
    mo(&["29"], "109", "Sacado alega que nada deve ou comprou"),
    mo(&["29"], "201", "Sacado alega que não recebeu a fatura"),
    mo(&["29"], "202", "Sacado alega que o pedido de compra foi cancelado"),
    mo(&["29"], "203", "Sacado alega que a duplicata foi cancelada"),
    mo(&["29"], "205", "Sacado alega que a duplicata/fatura está incorreta"),
    mo(&["29"], "206", "Sacado alega que o valor está incorreto"),
    mo(&["29"], "207", "Sacado alega que o faturamento é indevido"),
    mo(&["29"], "301", "Sacado alega que o vencimento correto é:"),
    mo(&["29"], "302", "Sacado solicita a prorrogação do vencimento para:"),
    mo(&["29"], "304", "Sacado alega que pagará o título em:"),
    mo(&["29"], "305", "Sacado pagou o título diretamente ao cedente em:"),
    mo(&["29"], "401", "Sacado não foi localizado, confirmar endereço"),
    mo(&["29"], "402", "Sacado mudou-se, transferiu de domicílio"),
    mo(&["29"], "404", "Sacado desconhecido no local"),
    mo(&["29"], "501", "Sacado alega que tem desconto ou abatimento de:"),
    mo(&["29"], "503", "Sacado solicita dispensa dos juros de mora"),
    mo(&["29"], "504", "Sacado se recusa a pagar juros"),
    mo(&["29"], "606", "Sacado recusou-se a aceitar o título"),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &RETORNO_HEADER),
    (RecordKey::Detail(b'1'), &RETORNO_DETALHE),
    (RecordKey::Detail(b'7'), &RETORNO_POSICAO),
    (RecordKey::Detail(b'8'), &RETORNO_DESPESA),
    (RecordKey::FileTrailer, &RETORNO_TRAILER),
];

/// Records of a retorno entry: each of the three types describes one title, so each starts an entry.
pub const RETORNO_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord {
        key: RecordKey::Detail(b'7'),
        starts: true,
        emit: Emit::Never,
    },
    EntryRecord {
        key: RecordKey::Detail(b'8'),
        starts: true,
        emit: Emit::Never,
    },
];

/// Motivos at 302-321 are 2-character codes; when the field holds anything the tables don't know for the
/// ocorrência (free text), keeps it whole as one motivo. Adds the código de alegação (335-337) of ocorrência 29.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(rec) = records.first() else {
        return;
    };
    let oc = e
        .ocorrencia
        .as_ref()
        .map(|o| o.code.clone())
        .unwrap_or_default();
    if let Some(raw) = rec.raw("motivos") {
        let text = String::from_utf8_lossy(raw).trim().to_string();
        if !text.is_empty() && e.motivos.iter().any(|m| m.description.is_none()) {
            e.motivos = vec![Motivo {
                code: text,
                description: None,
            }];
        }
    }
    if oc == "29" {
        if let Some(raw) = rec.raw("codigo_alegacao") {
            let code = String::from_utf8_lossy(raw).trim().to_string();
            if !code.is_empty() {
                let description = RETORNO
                    .motivo(&oc, &code)
                    .map(|m| m.description.to_string());
                e.motivos.push(Motivo { code, description });
            }
        }
    }
}

/// Citibank CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    RETORNO_ENTRY,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE_RET,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
