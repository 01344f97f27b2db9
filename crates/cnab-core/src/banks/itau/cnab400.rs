//! Itaú Unibanco — CNAB 400 cobrança (remessa and retorno).
//!
//! Source: Itaú, "Cobrança — 400 bytes CNAB", julho/2021 v3 (the manual shipped as
//! `manuais/ITAU/COBRANCA-.400.BYTES.CNAB.-.JUL2021_v3.pdf` in eduardokum/laravel-boleto): section 3.1 (arquivo
//! remessa: header, detalhe tipo 1, multa tipo 2, boleto Pix tipo 3, rateio tipo 4, e-mail/sacador tipo 5, trailer),
//! section 3.2 (arquivo retorno: header, transação tipo 1, boleto Pix tipo 3, rateio tipo 4, trailer) and the notes:
//! Nota 6 (códigos de ocorrência da remessa), Nota 10 (espécies), Nota 17 (códigos de ocorrência do retorno),
//! Nota 20 (tabelas de erros, posições 378-385). Positions cross-checked against laravel-boleto
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Itau.php` and brcobranca `lib/brcobranca/retorno/cnab400/itau.rb`.
//!
//! Espécies (Nota 10): 01 duplicata mercantil, 02 nota promissória, 03 nota de seguro, 04 mensalidade escolar,
//! 05 recibo, 06 contrato, 07 cosseguros, 08 duplicata de serviço, 09 letra de câmbio, 13 nota de débitos,
//! 15 documento de dívida, 16 encargos condominiais, 17 conta de prestação de serviços, 18 boleto proposta,
//! 99 diversos.
//!
//! Notes on the model: the retorno carries the nosso número twice (63-70, and 86-93 with its DAC at 94); both feed
//! `nosso_numero` (the second wins when filled). "Valor principal" (254-266, the amount posted to the account) feeds
//! `valor_pago`. Instrução 1 (157-158) feeds the protest code and "prazo" (392-393) its days.

use crate::bank::motivo as m;
use crate::bank::{oc, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{
    patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T,
};
use crate::model::{Layout, OcorrenciaKind as K};

const SRC: &str = "Itaú Cobrança 400 bytes CNAB, julho/2021 v3";
const SRC_REM: &str = "Itaú Cobrança 400 bytes CNAB, julho/2021 v3, 3.1 arquivo remessa";
const SRC_RET: &str = "Itaú Cobrança 400 bytes CNAB, julho/2021 v3, 3.2 arquivo retorno";

/// Remessa — header de arquivo.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    source: SRC_REM,
    fields: patched!(
        HEADER_RETORNO.fields,
        [
            F::num("operacao", 2, 2).role(R::ArquivoCodigo),
            F::alpha("literal_remessa", 3, 9).default("REMESSA"),
            F::blank("brancos_2", 101, 394),
        ]
    ),
    ..HEADER_RETORNO
};

/// Remessa — registro detalhe (obrigatório), tipo 1.
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3).role(R::EmpresaTipoInscricao),
        F::alpha("empresa_inscricao", 4, 17).role(R::EmpresaInscricao),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("zeros", 22, 23),
        F::num("conta", 24, 28).role(R::Conta),
        F::num("dac", 29, 29).role(R::ContaDv),
        F::blank("brancos_1", 30, 33),
        F::num("instrucao_cancelada", 34, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 70).role(R::NossoNumero),
        F::dec("quantidade_moeda", 71, 83, 5),
        F::num("carteira", 84, 86).role(R::Carteira),
        F::blank("uso_banco", 87, 107),
        F::alpha("codigo_carteira", 108, 108).default("I"),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("numero_documento", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 147),
        F::alpha("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::alpha("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::alpha("instrucao_2", 159, 160),
        F::dec("juros_1_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_ate", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 2).role(R::Iof),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 264).role(R::PagadorNome),
        F::blank("brancos_2", 265, 274),
        F::alpha("pagador_logradouro", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("sacador_nome", 352, 381).role(R::SacadorNome),
        F::blank("brancos_3", 382, 385),
        F::date6("data_mora", 386, 391).role(R::JurosData),
        F::num("prazo", 392, 393).role(R::ProtestoPrazo),
        F::blank("brancos_4", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro detalhe de multa (opcional), tipo 2.
pub const MULTA_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_multa",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::num("codigo_multa", 2, 2).role(R::MultaCodigo),
        F::date8("data_multa", 3, 10).role(R::MultaData),
        F::dec("multa", 11, 23, 2).role(R::MultaValor),
        F::blank("brancos", 24, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro detalhe de boleto Pix (opcional), tipo 3 (p. 13; notas 38-39, p. 50): the título's
/// `pix.chave` and `pix.location`, written when either is given (the título's movimento must then be 71).
pub const PIX_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_pix",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "3"),
        F::alpha("chave_pix", 2, 78).role(R::PixChave),
        F::alpha("id_location", 79, 142).role(R::PixLocation),
        F::blank("brancos", 143, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro detalhe de rateio de crédito (opcional), tipo 4. Read only; the 14 agência/conta/valor
/// groups (posições 042-393) are kept as one raw field.
pub const RATEIO_REMESSA: RecordLayout = RecordLayout {
    source: SRC_REM,
    fields: patched!(
        RATEIO_RETORNO.fields,
        [
            F::num("carteira", 30, 32),
            F::num("nosso_numero", 33, 40),
            F::num("dac_nosso_numero", 41, 41),
            F::alpha("rateios", 42, 393),
        ]
    ),
    ..RATEIO_RETORNO
};

/// Remessa — registro detalhe e-mail do pagador / endereço do sacador avalista (opcional), tipo 5.
pub const SACADOR_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_sacador",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "5"),
        F::alpha("pagador_email", 2, 121),
        F::num("sacador_tipo_inscricao", 122, 123).role(R::SacadorTipoInscricao),
        F::alpha("sacador_inscricao", 124, 137).role(R::SacadorInscricao),
        F::alpha("sacador_logradouro", 138, 177),
        F::alpha("sacador_bairro", 178, 189),
        F::num("sacador_cep", 190, 197),
        F::alpha("sacador_cidade", 198, 212),
        F::alpha("sacador_uf", 213, 214),
        F::blank("brancos", 215, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Trailer de arquivo (remessa).
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    source: SRC_REM,
    ..crate::banks::shared::TRAILER_400
};

/// Retorno — header de arquivo.
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_retorno", 3, 9).default("RETORNO"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::num("zeros", 31, 32),
        F::num("conta", 33, 37).role(R::Conta),
        F::num("dac", 38, 38).role(R::ContaDv),
        F::blank("brancos_1", 39, 46),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 94).default("BANCO ITAU SA"),
        F::date6("data_geracao", 95, 100).role(R::DataGeracao),
        F::num("densidade", 101, 105),
        F::alpha("unidade_densidade", 106, 108),
        F::num("sequencial_retorno", 109, 113).role(R::Nsa),
        F::date6("data_credito", 114, 119).role(R::DataCredito),
        F::blank("brancos_2", 120, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — registro transação, tipo 1 (the cheque-devolvido variant of ocorrência 69 shares the positions that
/// feed the model).
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3),
        F::alpha("empresa_inscricao", 4, 17),
        F::num("agencia", 18, 21),
        F::num("zeros_1", 22, 23),
        F::num("conta", 24, 28),
        F::num("dac", 29, 29),
        F::blank("brancos_1", 30, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 70).role(R::NossoNumero),
        F::blank("brancos_2", 71, 82),
        F::num("carteira", 83, 85).role(R::Carteira),
        F::num("nosso_numero_2", 86, 93).role(R::NossoNumero),
        F::alpha("dac_nosso_numero", 94, 94).role(R::NossoNumeroDv),
        F::blank("brancos_3", 95, 107),
        F::alpha("codigo_carteira", 108, 108),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("numero_documento", 117, 126).role(R::SeuNumero),
        F::alpha("nosso_numero_confirmacao", 127, 134),
        F::blank("brancos_4", 135, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 172).role(R::AgenciaCobradora),
        F::alpha("dac_agencia_cobradora", 173, 173),
        F::alpha("especie", 174, 175),
        F::dec("tarifa_cobranca", 176, 188, 2).role(R::Tarifa),
        F::blank("brancos_5", 189, 214),
        F::dec("valor_iof", 215, 227, 2).role(R::Iof),
        F::dec("valor_abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("valor_desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_principal", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora_multa", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_creditos", 280, 292, 2).role(R::OutrosCreditos),
        F::alpha("boleto_dda", 293, 293),
        F::blank("brancos_6", 294, 295),
        F::date6("data_credito", 296, 301).role(R::DataCredito),
        F::alpha("instrucao_cancelada", 302, 305),
        F::blank("brancos_7", 306, 311),
        F::alpha("complemento", 312, 324),
        F::alpha("pagador_nome", 325, 354).role(R::PagadorNome),
        F::blank("brancos_8", 355, 377),
        F::alpha("erros", 378, 385).role(R::Motivos),
        F::blank("brancos_9", 386, 392),
        F::alpha("codigo_liquidacao", 393, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — registro opcional boleto Pix, tipo 3 (p. 23; notas 40-41): the EMV feeds the entry's `pix.emv`.
pub const PIX_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe_pix",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "3"),
        F::alpha("emv_qr_code", 2, 391).role(R::PixEmv),
        F::alpha("codigo_erro_pix", 392, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — registro detalhe de rateio (opcional), tipo 4; the seven crédito groups (126-370) kept raw.
pub const RATEIO_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe_rateio",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "4"),
        F::num("empresa_tipo_inscricao", 2, 3),
        F::alpha("empresa_inscricao", 4, 17),
        F::alpha("agencia_conta", 18, 29),
        F::blank("brancos_1", 30, 37),
        F::alpha("uso_empresa", 38, 62),
        F::alpha("nosso_numero", 63, 70),
        F::blank("brancos_2", 71, 82),
        F::alpha("carteira", 83, 85),
        F::alpha("nosso_numero_2", 86, 93),
        F::alpha("dac_nosso_numero", 94, 94),
        F::blank("brancos_3", 95, 107),
        F::alpha("codigo_carteira", 108, 108),
        F::alpha("ocorrencia", 109, 110),
        F::alpha("sequencia", 111, 112),
        F::alpha("valor_liquido", 113, 125),
        F::alpha("rateios", 126, 370),
        F::blank("brancos_4", 371, 393),
        F::alpha("tipo_valor", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — registro trailer. Its totals (3.2, registro trailer, p. 26): 018-199 the quantity and value "dos títulos
/// a vencer registrados no Banco Itaú" per kind of cobrança (nota 21): the carteira's, shown, never compared;
/// 213-220 "quantidade de registros de transação" and 221-234 "valor dos títulos informados no arquivo": the file's.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::num("codigo_servico", 3, 4).default("01"),
        F::num("banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 17),
        F::num("qtd_titulos_simples", 18, 25).total(T::quantidade(S::Carteira("simples"))),
        F::dec("valor_titulos_simples", 26, 39, 2).total(T::valor_titulo(S::Carteira("simples"))),
        F::alpha("aviso_simples", 40, 47),
        F::blank("brancos_2", 48, 57),
        F::num("qtd_titulos_vinculada", 58, 65).total(T::quantidade(S::Carteira("vinculada"))),
        F::dec("valor_titulos_vinculada", 66, 79, 2)
            .total(T::valor_titulo(S::Carteira("vinculada"))),
        F::alpha("aviso_vinculada", 80, 87),
        F::blank("brancos_3", 88, 177),
        F::num("qtd_titulos_escritural", 178, 185)
            .total(T::quantidade(S::Carteira("direta/escritural"))),
        F::dec("valor_titulos_escritural", 186, 199, 2)
            .total(T::valor_titulo(S::Carteira("direta/escritural"))),
        F::alpha("aviso_escritural", 200, 207),
        F::num("controle_arquivo", 208, 212),
        F::num("qtd_detalhes", 213, 220)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::File)),
        F::dec("valor_total_informado", 221, 234, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::File)),
        F::blank("brancos_4", 235, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Nota 6 — códigos de ocorrência da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido de baixa"),
    oc("04", K::Informativo, "Concessão de abatimento"),
    oc("05", K::Informativo, "Cancelamento de abatimento"),
    oc("06", K::Informativo, "Alteração do vencimento"),
    oc("07", K::Informativo, "Alteração do uso da empresa"),
    oc("08", K::Informativo, "Alteração do seu número"),
    oc("09", K::Informativo, "Protestar"),
    oc("10", K::Informativo, "Não protestar"),
    oc("11", K::Informativo, "Protesto para fins falimentares"),
    oc("18", K::Informativo, "Sustar o protesto"),
    oc("31", K::Informativo, "Alteração de outros dados"),
    oc(
        "34",
        K::Informativo,
        "Baixa por ter sido pago diretamente ao beneficiário",
    ),
    oc("35", K::Informativo, "Cancelamento de instrução"),
    oc("36", K::Informativo, "Protesto urgente"),
    oc(
        "37",
        K::Informativo,
        "Alteração do vencimento e sustar protesto",
    ),
    oc(
        "38",
        K::Informativo,
        "Beneficiário não concorda com alegação do pagador",
    ),
    oc(
        "47",
        K::Informativo,
        "Beneficiário solicita dispensa de juros",
    ),
    oc(
        "49",
        K::Informativo,
        "Alteração de dados extras (registro de multa)",
    ),
    oc("66", K::Informativo, "Entrada em negativação expressa"),
    oc(
        "67",
        K::Informativo,
        "Não negativar (inibe entrada na negativação expressa)",
    ),
    oc(
        "68",
        K::Informativo,
        "Excluir negativação (até 15 dias corridos após entrada no bureaux)",
    ),
    oc(
        "69",
        K::Informativo,
        "Cancelar negativação (após título ter sido negativado)",
    ),
    oc(
        "71",
        K::Informativo,
        "Remessa – boleto Pix (emissão do boleto e QR Code Pix)",
    ),
];

/// Nota 17 — códigos de ocorrência do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc(
        "02",
        K::EntradaConfirmada,
        "Entrada confirmada com possibilidade de mensagem",
    ),
    oc("03", K::EntradaRejeitada, "Entrada rejeitada"),
    oc(
        "04",
        K::InstrucaoConfirmada,
        "Alteração de dados - nova entrada",
    ),
    oc("05", K::Baixa, "Alteração de dados – baixa"),
    oc("06", K::Liquidacao, "Liquidação normal"),
    oc(
        "07",
        K::Liquidacao,
        "Liquidação parcial – cobrança inteligente (B2B)",
    ),
    oc("08", K::LiquidacaoCartorio, "Liquidação em cartório"),
    oc("09", K::Baixa, "Baixa simples"),
    oc("10", K::Baixa, "Baixa por ter sido liquidado"),
    oc("11", K::Informativo, "Em ser (só no retorno mensal)"),
    oc("12", K::InstrucaoConfirmada, "Abatimento concedido"),
    oc("13", K::InstrucaoConfirmada, "Abatimento cancelado"),
    oc("14", K::InstrucaoConfirmada, "Vencimento alterado"),
    oc("15", K::InstrucaoRejeitada, "Baixas rejeitadas"),
    oc("16", K::InstrucaoRejeitada, "Instruções rejeitadas"),
    oc("17", K::InstrucaoRejeitada, "Alteração de dados rejeitados"),
    oc(
        "18",
        K::InstrucaoRejeitada,
        "Cobrança contratual - instruções/alterações rejeitadas/pendentes",
    ),
    oc(
        "19",
        K::Protesto,
        "Confirma recebimento de instrução de protesto",
    ),
    oc(
        "20",
        K::Protesto,
        "Confirma recebimento de instrução de sustação de protesto /tarifa",
    ),
    oc(
        "21",
        K::Protesto,
        "Confirma recebimento de instrução de não protestar",
    ),
    oc("23", K::Protesto, "Título enviado a cartório/tarifa"),
    oc(
        "24",
        K::InstrucaoRejeitada,
        "Instrução de protesto rejeitada / sustada / pendente",
    ),
    oc("25", K::Informativo, "Alegações do pagador"),
    oc("26", K::Tarifa, "Tarifa de aviso de cobrança"),
    oc("27", K::Tarifa, "Tarifa de extrato posição (B40X)"),
    oc("28", K::Tarifa, "Tarifa de relação das liquidações"),
    oc("29", K::Tarifa, "Tarifa de manutenção de títulos vencidos"),
    oc(
        "30",
        K::Tarifa,
        "Débito mensal de tarifas (para entradas e baixas)",
    ),
    oc("32", K::Baixa, "Baixa por ter sido protestado"),
    oc("33", K::Tarifa, "Custas de protesto"),
    oc("34", K::Tarifa, "Custas de sustação"),
    oc("35", K::Tarifa, "Custas de cartório distribuidor"),
    oc("36", K::Tarifa, "Custas de edital"),
    oc(
        "37",
        K::Tarifa,
        "Tarifa de emissão de boleto/tarifa de envio de duplicata",
    ),
    oc("38", K::Tarifa, "Tarifa de instrução"),
    oc("39", K::Tarifa, "Tarifa de ocorrências"),
    oc(
        "40",
        K::Tarifa,
        "Tarifa mensal de emissão de boleto/tarifa mensal de envio de duplicata",
    ),
    oc(
        "41",
        K::Tarifa,
        "Débito mensal de tarifas – extrato de posição (B4EP/B4OX)",
    ),
    oc(
        "42",
        K::Tarifa,
        "Débito mensal de tarifas – outras instruções",
    ),
    oc(
        "43",
        K::Tarifa,
        "Débito mensal de tarifas – manutenção de títulos vencidos",
    ),
    oc(
        "44",
        K::Tarifa,
        "Débito mensal de tarifas – outras ocorrências",
    ),
    oc("45", K::Tarifa, "Débito mensal de tarifas – protesto"),
    oc(
        "46",
        K::Tarifa,
        "Débito mensal de tarifas – sustação de protesto",
    ),
    oc("47", K::Baixa, "Baixa com transferência para desconto"),
    oc("48", K::Tarifa, "Custas de sustação judicial"),
    oc(
        "51",
        K::Tarifa,
        "Tarifa mensal ref a entradas bancos correspondentes na carteira",
    ),
    oc("52", K::Tarifa, "Tarifa mensal baixas na carteira"),
    oc(
        "53",
        K::Tarifa,
        "Tarifa mensal baixas em bancos correspondentes na carteira",
    ),
    oc("54", K::Tarifa, "Tarifa mensal de liquidações na carteira"),
    oc(
        "55",
        K::Tarifa,
        "Tarifa mensal de liquidações em bancos correspondentes na carteira",
    ),
    oc("56", K::Tarifa, "Custas de irregularidade"),
    oc("57", K::InstrucaoConfirmada, "Instrução cancelada"),
    oc("59", K::Baixa, "Baixa por crédito em C/C"),
    oc("60", K::EntradaRejeitada, "Entrada rejeitada carnê"),
    oc(
        "61",
        K::Tarifa,
        "Tarifa emissão aviso de movimentação de títulos (2154)",
    ),
    oc(
        "62",
        K::Tarifa,
        "Débito mensal de tarifa - aviso de movimentação de títulos (2154)",
    ),
    oc("63", K::Protesto, "Título sustado judicialmente"),
    oc(
        "64",
        K::EntradaConfirmada,
        "Entrada confirmada com rateio de crédito",
    ),
    oc(
        "65",
        K::Informativo,
        "Pagamento com cheque – aguardando compensação",
    ),
    oc("69", K::Informativo, "Cheque devolvido"),
    oc(
        "72",
        K::Baixa,
        "Baixa por crédito em C/C sem título correspondente",
    ),
    oc(
        "73",
        K::EntradaConfirmada,
        "Confirmação de entrada na cobrança simples – entrada não aceita na cobrança contratual",
    ),
    oc(
        "74",
        K::InstrucaoRejeitada,
        "Instrução de negativação expressa rejeitada",
    ),
    oc(
        "75",
        K::InstrucaoConfirmada,
        "Confirma o recebimento de instrução de entrada em negativação expressa",
    ),
    oc(
        "77",
        K::InstrucaoConfirmada,
        "Confirma o recebimento de instrução de exclusão de entrada em negativação expressa",
    ),
    oc(
        "78",
        K::InstrucaoConfirmada,
        "Confirma o recebimento de instrução de cancelamento de negativação expressa",
    ),
    oc("79", K::Informativo, "Negativação expressa informacional"),
    oc(
        "80",
        K::InstrucaoConfirmada,
        "Confirma de entrada em negativação expressa / tarifa",
    ),
    oc(
        "81",
        K::InstrucaoConfirmada,
        "Confirma exclusão de entrada em negativação expressa / tarifa",
    ),
    oc(
        "82",
        K::InstrucaoConfirmada,
        "Confirma o cancelamento em negativação expressa / tarifa",
    ),
    oc(
        "83",
        K::InstrucaoConfirmada,
        "Confirma exclusão de entrada em negativação expressa por liquidação / tarifa",
    ),
    oc(
        "84",
        K::Tarifa,
        "Tarifa mensal de entrada em negativação expressa",
    ),
    oc("85", K::Tarifa, "Tarifa pacote cobrança ativa eletrônica"),
    oc("86", K::Tarifa, "Tarifa e-mail cobrança ativa eletrônica"),
    oc("87", K::Tarifa, "Tarifa SMS cobrança ativa eletrônica"),
    oc(
        "88",
        K::Tarifa,
        "Tarifa mensal pacote cobrança ativa eletrônica",
    ),
    oc(
        "89",
        K::Tarifa,
        "Tarifa mensal e-mail cobrança ativa eletrônica",
    ),
    oc(
        "90",
        K::Tarifa,
        "Tarifa mensal SMS cobrança ativa eletrônica",
    ),
    oc(
        "91",
        K::Tarifa,
        "Tarifa mensal de exclusão de entrada em negativação expressa",
    ),
    oc(
        "92",
        K::Tarifa,
        "Tarifa mensal de cancelamento de negativação expressa",
    ),
    oc(
        "93",
        K::Tarifa,
        "Tarifa mensal de exclusão de negativação expressa por liquidação",
    ),
    oc(
        "94",
        K::InstrucaoConfirmada,
        "Confirma recebimento de instrução de não negativar",
    ),
    oc("95", K::Informativo, "Baixa operacional"),
];

const REJ: &[&str] = &["03", "60"];
const ALT: &[&str] = &["17"];
const INS: &[&str] = &["16"];
const BXA: &[&str] = &["15"];

/// Nota 20 — erros (posições 378-385, até quatro códigos): tabela 1 (entradas rejeitadas, ocorrências 03 e 60),
/// tabela 2 (alteração de dados rejeitada, 17), tabela 3 (instruções rejeitadas, 16), tabela 4 (baixas rejeitadas, 15).
pub const MOTIVOS: &[MotivoDef] = &[
    m(REJ, "03", "Ag. cobradora: não foi possível atribuir a agência pelo CEP ou CEP inválido"),
    m(REJ, "04", "Estado: sigla do estado inválida"),
    m(REJ, "05", "Data vencimento: prazo da operação menor que prazo mínimo ou maior que o máximo"),
    m(REJ, "07", "Valor do título: valor do título maior que 10.000.000,00"),
    m(REJ, "08", "Nome do pagador: não informado ou deslocado"),
    m(REJ, "09", "Agência/conta: agência encerrada"),
    m(REJ, "10", "Logradouro: não informado ou deslocado"),
    m(REJ, "11", "CEP: CEP não numérico"),
    m(REJ, "12", "Sacador/avalista: nome não informado ou deslocado (bancos correspondentes)"),
    m(REJ, "13", "Estado/CEP: CEP incompatível com a sigla do estado"),
    m(REJ, "14", "Nosso número: nosso número já registrado no cadastro do banco ou fora da faixa"),
    m(REJ, "15", "Nosso número: nosso número em duplicidade no mesmo movimento"),
    m(REJ, "18", "Data de entrada: data de entrada inválida para operar com esta carteira"),
    m(REJ, "19", "Ocorrência: ocorrência inválida"),
    m(REJ, "21", "Ag. cobradora: carteira não aceita depositária correspondente, estado da agência diferente do estado do pagador, ou ag. cobradora não consta no cadastro ou encerrando"),
    m(REJ, "22", "Carteira: carteira não permitida (necessário cadastrar faixa livre)"),
    m(REJ, "27", "CNPJ inapto: CNPJ do beneficiário inapto"),
    m(REJ, "29", "Código empresa: categoria da conta inválida"),
    m(REJ, "30", "Entrada bloqueada: entradas bloqueadas, conta suspensa em cobrança"),
    m(REJ, "31", "Agência/conta: agência/conta do beneficiário sem permissão para protesto"),
    m(REJ, "35", "Valor do IOF: IOF maior que 5%"),
    m(REJ, "36", "Qtdade de moeda: quantidade de moeda incompatível com valor do título"),
    m(REJ, "37", "CNPJ/CPF do pagador: não numérico ou igual a zeros"),
    m(REJ, "42", "Nosso número: nosso número fora de faixa"),
    m(REJ, "44", "Agência/conta: conta migrada"),
    m(REJ, "52", "Ag. cobradora: empresa não aceita banco correspondente"),
    m(REJ, "53", "Ag. cobradora: empresa não aceita banco correspondente - cobrança mensagem"),
    m(REJ, "54", "Data de vencto: banco correspondente - título com vencimento inferior a 15 dias"),
    m(REJ, "55", "Dep/bco corresp: CEP não pertence à depositária informada"),
    m(REJ, "56", "Dt vencto/bco corresp: vencto superior a 180 dias da data de entrada"),
    m(REJ, "57", "Data de vencto: CEP só depositária Bco do Brasil com vencto inferior a 8 dias"),
    m(REJ, "60", "Abatimento: valor do abatimento inválido"),
    m(REJ, "61", "Juros de mora: juros de mora maior que o permitido"),
    m(REJ, "62", "Desconto: valor do desconto maior que o valor do título ou data do desconto inferior a data da emissão do título"),
    m(REJ, "63", "Desconto de antecipação: valor da importância por dia de desconto (IDD) não permitido"),
    m(REJ, "64", "Data de emissão: data de emissão do título inválida"),
    m(REJ, "65", "Taxa financto: taxa inválida (vendor)"),
    m(REJ, "66", "Data de vencto: inválida/fora de prazo de operação (mínimo ou máximo)"),
    m(REJ, "67", "Valor/qtidade: valor do título/quantidade de moeda inválido"),
    m(REJ, "68", "Carteira: carteira inválida"),
    m(REJ, "69", "Carteira: carteira inválida para títulos com rateio de crédito"),
    m(REJ, "70", "Agência/conta: beneficiário não cadastrado para fazer rateio de crédito"),
    m(REJ, "78", "Agência/conta: duplicidade de agência/conta beneficiária do rateio de crédito"),
    m(REJ, "80", "Agência/conta: quantidade de contas beneficiárias do rateio maior do que o permitido (máximo de 30 contas por título)"),
    m(REJ, "81", "Agência/conta: conta para rateio de crédito inválida / não pertence ao Itaú"),
    m(REJ, "82", "Desconto/abatimento: desconto/abatimento não permitido para títulos com rateio de crédito"),
    m(REJ, "83", "Valor do título: valor do título menor que a soma dos valores estipulados para rateio"),
    m(REJ, "84", "Agência/conta: agência/conta beneficiária do rateio é a centralizadora de crédito do beneficiário"),
    m(REJ, "85", "Agência/conta: agência/conta do beneficiário é contratual / rateio de crédito não permitido"),
    m(REJ, "86", "Tipo de valor: código do tipo de valor inválido / não previsto para títulos com rateio de crédito"),
    m(REJ, "87", "Agência/conta: registro tipo 4 sem informação de agências/contas beneficiárias do rateio"),
    m(REJ, "90", "Nro da linha: cobrança mensagem - número da linha da mensagem inválido"),
    m(REJ, "91", "DAC: DAC agência / conta corrente inválido"),
    m(REJ, "92", "DAC: DAC agência/conta/carteira/nosso número inválido"),
    m(REJ, "93", "Estado: sigla estado inválida"),
    m(REJ, "94", "Estado: sigla estado incompatível com CEP do pagador"),
    m(REJ, "95", "CEP: CEP do pagador não numérico ou inválido"),
    m(REJ, "96", "Endereço: endereço / nome / cidade pagador inválido"),
    m(REJ, "97", "Sem mensagem: cobrança mensagem sem mensagem (só de campos fixos), porém com registro do tipo 7 ou 8"),
    m(REJ, "98", "Flash inválido: registro mensagem sem flash cadastrado ou flash informado diferente do cadastrado"),
    m(REJ, "99", "Flash inválido: conta de cobrança com flash cadastrado e sem registro de mensagem correspondente"),
    m(ALT, "02", "Agência cobradora inválida ou com o mesmo conteúdo"),
    m(ALT, "04", "Sigla do estado inválida"),
    m(ALT, "05", "Data de vencimento inválida ou com o mesmo conteúdo"),
    m(ALT, "06", "Valor do título com outra alteração simultânea"),
    m(ALT, "08", "Nome do pagador com o mesmo conteúdo"),
    m(ALT, "09", "Agência/conta incorreta"),
    m(ALT, "11", "CEP inválido"),
    m(ALT, "13", "Seu número com o mesmo conteúdo"),
    m(ALT, "16", "Abatimento/alteração do valor do título ou solicitação de baixa bloqueada"),
    m(ALT, "20", "Espécie inválida"),
    m(ALT, "21", "Agência cobradora não consta no cadastro de depositária ou em encerramento"),
    m(ALT, "23", "Data de emissão do título inválida ou com mesmo conteúdo"),
    m(ALT, "41", "Campo aceite inválido ou com mesmo conteúdo"),
    m(ALT, "42", "Alteração inválida para título vencido"),
    m(ALT, "43", "Alteração bloqueada – vencimento já alterado"),
    m(ALT, "53", "Instrução com o mesmo conteúdo"),
    m(ALT, "54", "Data vencimento para bancos correspondentes inferior ao aceito pelo banco"),
    m(ALT, "55", "Alterações iguais para o mesmo controle (agência/conta/carteira/nosso número)"),
    m(ALT, "56", "CNPJ/CPF inválido não numérico ou zerado"),
    m(ALT, "57", "Prazo de vencimento inferior a 15 dias"),
    m(ALT, "60", "Valor de IOF – alteração não permitida para carteiras de N.S. – moeda variável"),
    m(ALT, "61", "Título já baixado ou liquidado ou não existe título correspondente no sistema"),
    m(ALT, "66", "Alteração não permitida para carteiras de notas de seguros – moeda variável"),
    m(ALT, "81", "Alteração bloqueada – título com protesto / negativação expressa"),
    m(ALT, "87", "Alteração bloqueada – título com rateio de crédito"),
    m(INS, "01", "Instrução/ocorrência não existente"),
    m(INS, "06", "Nosso número igual a zeros"),
    m(INS, "09", "CNPJ/CPF do sacador/avalista inválido"),
    m(INS, "10", "Valor do abatimento igual ou maior que o valor do título"),
    m(INS, "11", "Segunda instrução/ocorrência não existente"),
    m(INS, "14", "Registro em duplicidade"),
    m(INS, "15", "CNPJ/CPF informado sem nome do sacador/avalista"),
    m(INS, "19", "Valor do abatimento maior que 90% do valor do título"),
    m(INS, "20", "Existe sustação de protesto pendente para o título"),
    m(INS, "21", "Título não registrado no sistema"),
    m(INS, "22", "Título baixado ou liquidado"),
    m(INS, "23", "Instrução não aceita por ter sido emitido último aviso ao pagador"),
    m(INS, "24", "Instrução incompatível - existe instrução de protesto para o título"),
    m(INS, "25", "Instrução incompatível – não existe instrução de protesto para o título"),
    m(INS, "26", "Instrução não aceita por já ter sido emitida a ordem de protesto ao cartório"),
    m(INS, "27", "Instrução não aceita por não ter sido emitida a ordem de protesto ao cartório"),
    m(INS, "28", "Já existe uma mesma instrução cadastrada anteriormente para o título"),
    m(INS, "29", "Valor líquido + valor do abatimento diferente do valor do título registrado"),
    m(INS, "30", "Existe uma instrução de não protestar ativa para o título"),
    m(INS, "31", "Existe uma ocorrência do pagador que bloqueia a instrução"),
    m(INS, "32", "Depositária do título = 9999 ou carteira não aceita protesto"),
    m(INS, "33", "Alteração de vencimento igual à registrada no sistema ou que torna o título vencido"),
    m(INS, "34", "Instrução de emissão de aviso de cobrança para título vencido antes do vencimento"),
    m(INS, "35", "Solicitação de cancelamento de instrução inexistente"),
    m(INS, "36", "Título sofrendo alteração de controle (agência/conta/carteira/nosso número)"),
    m(INS, "37", "Instrução não permitida para a carteira / agência/conta de cobrança"),
    m(INS, "38", "Instrução não permitida para título com rateio de crédito"),
    m(INS, "40", "Instrução incompatível – não existe instrução de negativação expressa para o título"),
    m(INS, "41", "Instrução não permitida – título deu entrada em negativação expressa"),
    m(INS, "42", "Instrução não permitida – título já negativado"),
    m(INS, "43", "Prazo inválido para negativação – mínimo dois dias corridos após vencimento"),
    m(INS, "45", "Instrução incompatível para o mesmo título nesta data"),
    m(INS, "47", "Instrução não permitida – espécie inválida ou não permite esta instrução"),
    m(INS, "48", "Dados do pagador inválidos (CPF/CNPJ/nome)"),
    m(INS, "49", "Dados do endereço do pagador inválidos"),
    m(INS, "50", "Data de emissão do título inválida"),
    m(INS, "51", "Instrução não permitida – título com negativação agendada"),
    m(BXA, "01", "Carteira/nº número não numérico"),
    m(BXA, "04", "Nosso número em duplicidade num mesmo movimento"),
    m(BXA, "05", "Solicitação de baixa para título já baixado ou liquidado"),
    m(BXA, "06", "Solicitação de baixa para título não registrado no sistema"),
    m(BXA, "07", "Cobrança prazo curto – solicitação de baixa p/ título não registrado no sistema"),
    m(BXA, "08", "Solicitação de baixa para título em floating"),
    m(BXA, "10", "Valor do título faz parte de garantia de empréstimo"),
    m(BXA, "11", "Pago através de crédito em C/C e não baixado"),
];

const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
    (RecordKey::Detail(b'2'), &MULTA_REMESSA),
    (RecordKey::Detail(b'3'), &PIX_REMESSA),
    (RecordKey::Detail(b'4'), &RATEIO_REMESSA),
    (RecordKey::Detail(b'5'), &SACADOR_REMESSA),
    (
        RecordKey::Detail(b'8'),
        &crate::banks::bradesco::cnab400::PIX_TIPO8_REMESSA,
    ),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::MultaCodigo, R::MultaData, R::MultaValor],
    ),
    EntryRecord::if_any(RecordKey::Detail(b'3'), &[R::PixChave, R::PixLocation]),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::SacadorInscricao]),
    EntryRecord::read_only(RecordKey::Detail(b'8')),
];

const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_RETORNO),
    (RecordKey::Detail(b'1'), &DETALHE_RETORNO),
    (RecordKey::Detail(b'3'), &PIX_RETORNO),
    (RecordKey::Detail(b'4'), &RATEIO_RETORNO),
    (RecordKey::FileTrailer, &TRAILER_RETORNO),
];

const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(RecordKey::Detail(b'3'), &[R::PixEmv]),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
];

/// Itaú CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SRC,
);

/// Itaú CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RECORDS_RETORNO,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SRC,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
