//! Itaú Unibanco — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Itaú, "Cobrança Bancária — Intercâmbio Eletrônico de Arquivos — Layout de Arquivos FEBRABAN 240",
//! edição Janeiro 2017 (section 3.1 "Arquivo Remessa": header de arquivo p. 7, header de lote p. 8, segmentos P/Q/R
//! pp. 9-11; section 3.2 "Arquivo Retorno": segmentos T/U pp. 14-15, trailers p. 16; notas 4, 22, 23 pp. 17-23).
//! File header layout version `040`, batch layout version `030`.
//! Positions cross-checked against Trust-Code/python-cnab `cnab240/bancos/itau/specs` and laravel-boleto
//! `src/Cnab/Remessa/Cnab240/Banco/Itau.php`.
//!
//! Deviations from FEBRABAN (all in this module):
//! - agência is 4 digits (FEBRABAN 5 + DV) and conta 5 digits with the DAC agência/conta after a blank; the
//!   FEBRABAN convênio field is blank;
//! - P/T 38-57: carteira (3 digits, 38-40) + nosso número (8, 41-48) + DAC (49) + blanks, where FEBRABAN has a
//!   20-character nosso número and a 1-digit carteira at 58;
//! - seu número is 10 positions (P 63-72, T 59-68);
//! - P 118 and 142 are zeros (no juros/desconto code), P 225-226 prazo de baixa 2 digits;
//! - Q: pagador and sacador names are 30 positions; R carries one 40-position message at 100-139;
//! - T 214-221 four error codes (alphanumeric), 222-223 código de liquidação; U 78-92 valor pago;
//! - ocorrência (nota 22) and movimento (nota 4) codes are Itaú's own.
//!
//! Inscrição fields are 9(15) in the manual: the engine writes inscrição-role fields right-aligned with zeros and
//! reads them back without the padding; the pagador's/sacador's are alphanumeric so that the
//! alphanumeric CNPJ (2026) reads; the beneficiário's in the batch header is a number (needs an engine kind for
//! zero-filled alphanumerics to take an alphanumeric CNPJ).

use crate::bank::motivo as m;
use crate::bank::movimento as mv;
use crate::bank::{oc, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::model::{Layout, OcorrenciaKind as K};

/// The manual.
pub const SOURCE: &str =
    "Itaú Cobrança Bancária — Layout de Arquivos FEBRABAN 240, edição Janeiro 2017";

/// Header de arquivo (manual 3.1, p. 7).
pub const HEADER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::HEADER_ARQUIVO,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 header de arquivo, p. 7",
    [
        F::blank("brancos_1", 9, 17),
        F::blank("brancos_2", 33, 52),
        F::num("zeros_1", 53, 53),
        F::num("agencia", 54, 57).role(R::Agencia),
        F::blank("brancos_3", 58, 58),
        F::num("zeros_2", 59, 65),
        F::num("conta", 66, 70).role(R::Conta),
        F::blank("brancos_4", 71, 71),
        F::alpha("dac", 72, 72).role(R::ContaDv),
        febraban240::banco_nome("BANCO ITAU SA"),
        F::blank("brancos_5", 133, 142),
        F::num("codigo_arquivo", 143, 143).role(R::ArquivoCodigo),
        febraban240::versao_arquivo("040"),
        F::num("zeros_3", 167, 171),
        F::blank("brancos_6", 172, 225),
        F::num("zeros_4", 226, 228),
        F::blank("brancos_7", 229, 240),
    ]
);

/// Header de lote (manual 3.1, p. 8).
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    febraban240::HEADER_LOTE,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 header de lote, p. 8",
    [
        F::num("zeros_1", 12, 13),
        febraban240::versao_lote("030"),
        F::blank("brancos_1", 17, 17),
        F::num("inscricao", 19, 33).role(R::EmpresaInscricao),
        F::blank("brancos_2", 34, 53),
        F::num("zeros_2", 54, 54),
        F::num("agencia", 55, 58).role(R::Agencia),
        F::blank("brancos_3", 59, 59),
        F::num("zeros_3", 60, 66),
        F::num("conta", 67, 71).role(R::Conta),
        F::blank("brancos_4", 72, 72),
        F::alpha("dac", 73, 73).role(R::ContaDv),
        F::blank("brancos_5", 104, 183),
        F::blank("brancos_6", 208, 240),
    ]
);

/// What P (p. 9) and T (p. 14) print alike at 18-49: agência (4) and conta (5) with its DAC, carteira (3), nosso
/// número (8) and its DAC; the fillers between them differ (blanks in P, zeros in T).
const P_T_COMUNS: &[F] = &[
    F::num("zeros_1", 18, 18),
    F::num("agencia", 19, 22).role(R::Agencia),
    F::num("conta", 31, 35).role(R::Conta),
    F::alpha("dac", 37, 37).role(R::ContaDv),
    F::num("carteira", 38, 40).role(R::Carteira),
    F::num("nosso_numero", 41, 48).role(R::NossoNumero),
    F::alpha("nosso_numero_dac", 49, 49).role(R::NossoNumeroDv),
];

/// Segmento P (manual 3.1, p. 9).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_P,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 segmento P, p. 9",
    P_T_COMUNS,
    [
        F::blank("brancos_1", 15, 15),
        F::num("codigo_ocorrencia", 16, 17).role(R::Movimento),
        F::blank("brancos_2", 23, 23),
        F::num("zeros_2", 24, 30),
        F::blank("brancos_3", 36, 36),
        F::blank("brancos_4", 50, 57),
        F::num("zeros_3", 58, 62),
        F::alpha("seu_numero", 63, 72).role(R::SeuNumero),
        F::blank("brancos_5", 73, 77),
        F::num("agencia_cobradora_dac", 106, 106),
        F::num("zeros_4", 118, 118),
        F::num("zeros_5", 142, 142),
        F::num("baixa_prazo", 225, 226).role(R::BaixaPrazo),
        F::num("zeros_6", 227, 239),
        F::blank("brancos_6", 240, 240),
    ]
);

/// Segmento Q (manual 3.1, p. 10).
pub const SEGMENTO_Q: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_Q,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 segmento Q, p. 10",
    [
        F::blank("brancos_1", 15, 15),
        F::num("codigo_ocorrencia", 16, 17).role(R::Movimento),
        F::alpha("pagador_nome", 34, 63).role(R::PagadorNome),
        F::blank("brancos_2", 64, 73),
        F::alpha("sacador_nome", 170, 199).role(R::SacadorNome),
        F::blank("brancos_3", 200, 209),
        F::num("zeros_1", 210, 212),
        F::blank("brancos_4", 213, 240),
    ]
);

/// Segmento R (manual 3.1, p. 11): 2nd/3rd discount, multa, a message to the pagador.
pub const SEGMENTO_R: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_R,
    "Itaú FEBRABAN 240 (jan/2017) 3.1 segmento R, p. 11",
    [
        F::blank("brancos_1", 15, 15),
        F::num("codigo_ocorrencia", 16, 17).role(R::Movimento),
        F::num("zeros_1", 18, 18),
        F::num("zeros_2", 42, 42),
        F::blank("brancos_2", 90, 99),
        F::alpha("informacao_pagador", 100, 139).role(R::Mensagem1),
        F::blank("brancos_3", 140, 199),
        F::num("zeros_3", 208, 215),
        F::blank("brancos_4", 216, 216),
        F::num("zeros_4", 217, 228),
        F::blank("brancos_5", 229, 230),
        F::num("zeros_5", 231, 231),
        F::blank("brancos_6", 232, 240),
    ]
);

/// Segmento T (manual 3.2, p. 14).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_T,
    "Itaú FEBRABAN 240 (jan/2017) 3.2 segmento T, p. 14",
    P_T_COMUNS,
    [
        F::alpha("boleto_dda", 15, 15),
        F::num("codigo_ocorrencia", 16, 17).role(R::Ocorrencia),
        F::num("zeros_2", 23, 30),
        F::num("zeros_3", 36, 36),
        F::blank("brancos_1", 50, 57),
        F::num("zeros_4", 58, 58),
        F::alpha("seu_numero", 59, 68).role(R::SeuNumero),
        F::blank("brancos_2", 69, 73),
        F::num("zeros_5", 97, 99),
        F::num("agencia_cobradora_dac", 105, 105),
        F::num("zeros_6", 131, 132),
        F::alpha("pagador_nome", 149, 178).role(R::PagadorNome),
        F::blank("brancos_3", 179, 188),
        F::num("zeros_7", 189, 198),
        F::alpha("erros", 214, 221).role(R::Motivos),
        F::alpha("codigo_liquidacao", 222, 223),
        F::blank("brancos_4", 224, 240),
    ]
);

/// Segmento U (manual 3.2, p. 15).
pub const SEGMENTO_U: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_U,
    "Itaú FEBRABAN 240 (jan/2017) 3.2 segmento U, p. 15",
    [
        F::blank("brancos_1", 15, 15),
        F::num("codigo_ocorrencia", 16, 17),
        F::dec("valor_creditado", 93, 107, 2).role(R::ValorCreditado),
        F::num("zeros_1", 108, 137),
        F::num("ocorrencia_pagador_codigo", 154, 157),
        F::blank("brancos_2", 181, 210),
        F::num("zeros_2", 211, 233),
        F::blank("brancos_3", 234, 240),
    ]
);

/// Trailer de lote (manual 3.2, p. 16). Its totals are the carteira's (nota 24: "quantidades e valores dos títulos a
/// vencer registrados no Itaú"), shown and never compared with the batch.
pub const TRAILER_LOTE: RecordLayout = patched_layout!(
    febraban240::TRAILER_LOTE_NUMERICO,
    "Itaú FEBRABAN 240 (jan/2017) trailer de lote, p. 16",
    [
        F::blank("brancos_1", 9, 17),
        F::num("zeros_1", 70, 115),
        F::alpha("aviso_bancario", 116, 123),
        F::blank("brancos_2", 124, 240),
    ]
);

/// Trailer de arquivo (manual 3.2, p. 16).
pub const TRAILER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::TRAILER_ARQUIVO,
    "Itaú FEBRABAN 240 (jan/2017) trailer de arquivo, p. 16",
    [
        F::blank("brancos_1", 9, 17),
        F::num("zeros_1", 30, 35),
        F::blank("brancos_2", 36, 240),
    ]
);

/// Every Itaú 240 record.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_ARQUIVO),
    (RecordKey::BatchHeader, &HEADER_LOTE),
    (RecordKey::Segment(b'P'), &SEGMENTO_P),
    (RecordKey::Segment(b'Q'), &SEGMENTO_Q),
    (RecordKey::Segment(b'R'), &SEGMENTO_R),
    (RecordKey::Segment(b'T'), &SEGMENTO_T),
    (RecordKey::Segment(b'U'), &SEGMENTO_U),
    (RecordKey::BatchTrailer, &TRAILER_LOTE),
    (RecordKey::FileTrailer, &TRAILER_ARQUIVO),
];

/// Remessa entry: P, Q, and R when the title has multa, a second discount or a message (manual p. 11: R is
/// optional, only with ocorrência 01 or 31). Segment Y (sacador address) is read-only here.
pub const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'P')),
    EntryRecord::always(RecordKey::Segment(b'Q')),
    EntryRecord::if_any(
        RecordKey::Segment(b'R'),
        &[
            R::MultaCodigo,
            R::MultaValor,
            R::Desconto2Valor,
            R::Mensagem1,
        ],
    ),
];

/// Retorno entry: T then U.
pub const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'T')),
    EntryRecord::always(RecordKey::Segment(b'U')),
];

/// Códigos de ocorrência da remessa (nota 4, p. 17).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    mv("01", "Remessa"),
    febraban240::movimento("02"),
    febraban240::movimento("04"),
    febraban240::movimento("05"),
    mv("06", "Alteração do Vencimento"),
    febraban240::movimento("09"),
    mv("10", "Não Protestar (inibe o protesto automático)"),
    mv("18", "Sustar o Protesto"),
    febraban240::movimento("31"),
    mv("38", "Beneficiário não concorda com a alegação do pagador"),
    mv("41", "Exclusão de Sacador Avalista"),
    mv("49", "Alteração de Dados Extras (registro de multa)"),
    mv("66", "Entrada em Negativação Expressa"),
    mv(
        "67",
        "Não Negativar (inibe entrada em negativação expressa)",
    ),
    mv(
        "68",
        "Excluir Negativação Expressa (até 15 dias corridos após a entrada)",
    ),
    mv(
        "69",
        "Cancelar Negativação Expressa (após título ter sido negativado)",
    ),
    mv("93", "Descontar Títulos Encaminhados no Dia"),
];

/// Códigos de ocorrência do retorno (nota 22, pp. 20-21).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    febraban240::ocorrencia("02"),
    febraban240::ocorrencia("03"),
    oc(
        "04",
        K::InstrucaoConfirmada,
        "Alteração de Dados – Nova Entrada ou Alteração/Exclusão de Dados Acatada",
    ),
    oc("05", K::InstrucaoConfirmada, "Alteração de Dados – Baixa"),
    oc("06", K::Liquidacao, "Liquidação Normal"),
    oc("08", K::LiquidacaoCartorio, "Liquidação em Cartório"),
    oc("09", K::Baixa, "Baixa Simples"),
    oc("10", K::Baixa, "Baixa por Ter Sido Liquidado"),
    oc("11", K::Informativo, "Em Ser (só no retorno mensal)"),
    oc("12", K::InstrucaoConfirmada, "Abatimento Concedido"),
    oc("13", K::InstrucaoConfirmada, "Abatimento Cancelado"),
    oc("14", K::InstrucaoConfirmada, "Vencimento Alterado"),
    oc("15", K::InstrucaoRejeitada, "Baixas Rejeitadas"),
    oc("16", K::InstrucaoRejeitada, "Instruções Rejeitadas"),
    oc(
        "17",
        K::InstrucaoRejeitada,
        "Alteração/Exclusão de Dados Rejeitada",
    ),
    oc(
        "18",
        K::InstrucaoRejeitada,
        "Cobrança Contratual – Instruções/Alterações Rejeitadas/Pendentes",
    ),
    oc(
        "19",
        K::Protesto,
        "Confirmação Recebimento de Instrução de Protesto",
    ),
    oc(
        "20",
        K::Protesto,
        "Confirmação Recebimento de Instrução de Sustação de Protesto/Tarifa",
    ),
    oc(
        "21",
        K::InstrucaoConfirmada,
        "Confirmação Recebimento de Instrução de Não Protestar",
    ),
    oc("23", K::Protesto, "Protesto Enviado a Cartório/Tarifa"),
    oc("24", K::Protesto, "Instrução de Protesto Sustada"),
    oc("25", K::Informativo, "Alegações do Pagador"),
    oc("26", K::Tarifa, "Tarifa de Aviso de Cobrança"),
    oc("27", K::Tarifa, "Tarifa de Extrato Posição (B40X)"),
    oc("28", K::Tarifa, "Tarifa de Relação das Liquidações"),
    oc("29", K::Tarifa, "Tarifa de Manutenção de Títulos Vencidos"),
    oc(
        "30",
        K::Tarifa,
        "Débito Mensal de Tarifas (para entradas e baixas)",
    ),
    oc("32", K::Baixa, "Baixa por Ter Sido Protestado"),
    oc("33", K::Tarifa, "Custas de Protesto"),
    oc("34", K::Tarifa, "Custas de Sustação"),
    oc("35", K::Tarifa, "Custas de Cartório Distribuidor"),
    oc("36", K::Tarifa, "Custas de Edital"),
    oc(
        "37",
        K::Tarifa,
        "Tarifa de Emissão de Boleto/Tarifa de Envio de Duplicata",
    ),
    oc("38", K::Tarifa, "Tarifa de Instrução"),
    oc("39", K::Tarifa, "Tarifa de Ocorrências"),
    oc(
        "40",
        K::Tarifa,
        "Tarifa Mensal de Emissão de Boleto/Tarifa Mensal de Envio de Duplicata",
    ),
    oc(
        "41",
        K::Tarifa,
        "Débito Mensal de Tarifas – Extrato de Posição (B4EP/B4OX)",
    ),
    oc(
        "42",
        K::Tarifa,
        "Débito Mensal de Tarifas – Outras Instruções",
    ),
    oc(
        "43",
        K::Tarifa,
        "Débito Mensal de Tarifas – Manutenção de Títulos Vencidos",
    ),
    oc(
        "44",
        K::Tarifa,
        "Débito Mensal de Tarifas – Outras Ocorrências",
    ),
    oc("45", K::Tarifa, "Débito Mensal de Tarifas – Protesto"),
    oc(
        "46",
        K::Tarifa,
        "Débito Mensal de Tarifas – Sustação de Protesto",
    ),
    oc("47", K::Baixa, "Baixa com Transferência para Desconto"),
    oc("48", K::Tarifa, "Custas de Sustação Judicial"),
    oc(
        "51",
        K::Tarifa,
        "Tarifa Mensal Referente a Entradas Bancos Correspondentes na Carteira",
    ),
    oc("52", K::Tarifa, "Tarifa Mensal Baixas na Carteira"),
    oc(
        "53",
        K::Tarifa,
        "Tarifa Mensal Baixas em Bancos Correspondentes na Carteira",
    ),
    oc("54", K::Tarifa, "Tarifa Mensal de Liquidações na Carteira"),
    oc(
        "55",
        K::Tarifa,
        "Tarifa Mensal de Liquidações em Bancos Correspondentes na Carteira",
    ),
    oc("56", K::Tarifa, "Custas de Irregularidade"),
    oc("57", K::InstrucaoConfirmada, "Instrução Cancelada"),
    oc("60", K::EntradaRejeitada, "Entrada Rejeitada Carnê"),
    oc(
        "61",
        K::Tarifa,
        "Tarifa Emissão Aviso de Movimentação de Títulos (2154)",
    ),
    oc(
        "62",
        K::Tarifa,
        "Débito Mensal de Tarifa – Aviso de Movimentação de Títulos (2154)",
    ),
    febraban240::ocorrencia("63"),
    oc(
        "74",
        K::InstrucaoRejeitada,
        "Instrução de Negativação Expressa Rejeitada",
    ),
    oc(
        "75",
        K::InstrucaoConfirmada,
        "Confirma o Recebimento de Instrução de Entrada em Negativação Expressa",
    ),
    oc(
        "77",
        K::InstrucaoConfirmada,
        "Confirma o Recebimento de Instrução de Exclusão de Entrada em Negativação Expressa",
    ),
    oc(
        "78",
        K::InstrucaoConfirmada,
        "Confirma o Recebimento de Instrução de Cancelamento da Negativação Expressa",
    ),
    oc("79", K::Informativo, "Negativação Expressa Informacional"),
    oc(
        "80",
        K::Tarifa,
        "Confirmação de Entrada em Negativação Expressa – Tarifa",
    ),
    oc(
        "82",
        K::Tarifa,
        "Confirmação o Cancelamento de Negativação Expressa – Tarifa",
    ),
    oc(
        "83",
        K::Tarifa,
        "Confirmação da Exclusão/Cancelamento da Negativação Expressa por Liquidação – Tarifa",
    ),
    oc(
        "85",
        K::Tarifa,
        "Tarifa por Boleto (até 03 envios) Cobrança Ativa Eletrônica",
    ),
    oc("86", K::Tarifa, "Tarifa Email Cobrança Ativa Eletrônica"),
    oc("87", K::Tarifa, "Tarifa SMS Cobrança Ativa Eletrônica"),
    oc(
        "88",
        K::Tarifa,
        "Tarifa Mensal por Boleto (até 03 envios) Cobrança Ativa Eletrônica",
    ),
    oc(
        "89",
        K::Tarifa,
        "Tarifa Mensal Email Cobrança Ativa Eletrônica",
    ),
    oc(
        "90",
        K::Tarifa,
        "Tarifa Mensal SMS Cobrança Ativa Eletrônica",
    ),
    oc(
        "91",
        K::Tarifa,
        "Tarifa Mensal de Exclusão de Entrada em Negativação Expressa",
    ),
    oc(
        "92",
        K::Tarifa,
        "Tarifa Mensal de Cancelamento de Negativação Expressa",
    ),
    oc(
        "93",
        K::Tarifa,
        "Tarifa Mensal de Exclusão/Cancelamento de Negativação Expressa por Liquidação",
    ),
    oc(
        "94",
        K::InstrucaoConfirmada,
        "Confirma Recebimento de Instrução de Não Negativar",
    ),
];

const ENTRADA_REJEITADA: &[&str] = &["03"];

/// Nota 23, tabela 1: entradas rejeitadas (ocorrência 03), T 214-221, up to four codes.
pub const MOTIVOS: &[MotivoDef] = &[
    m(
        ENTRADA_REJEITADA,
        "03",
        "Ag. cobradora: não foi possível atribuir a agência pelo CEP ou CEP inválido",
    ),
    m(ENTRADA_REJEITADA, "04", "Estado: sigla do estado inválida"),
    m(
        ENTRADA_REJEITADA,
        "05",
        "Data vencimento: prazo da operação menor que prazo mínimo ou maior que o máximo",
    ),
    m(
        ENTRADA_REJEITADA,
        "08",
        "Nome do pagador: não informado ou deslocado",
    ),
    m(ENTRADA_REJEITADA, "09", "Agência/conta: agência encerrada"),
    m(
        ENTRADA_REJEITADA,
        "10",
        "Logradouro: não informado ou deslocado",
    ),
    m(ENTRADA_REJEITADA, "11", "CEP: CEP não numérico"),
    m(
        ENTRADA_REJEITADA,
        "12",
        "Sacador avalista: nome não informado ou deslocado (bancos correspondentes)",
    ),
    m(
        ENTRADA_REJEITADA,
        "13",
        "Estado/CEP: CEP incompatível com a sigla do estado",
    ),
    m(
        ENTRADA_REJEITADA,
        "14",
        "Nosso número: já registrado no cadastro do banco ou fora da faixa",
    ),
    m(
        ENTRADA_REJEITADA,
        "15",
        "Nosso número: em duplicidade no mesmo movimento",
    ),
    m(
        ENTRADA_REJEITADA,
        "18",
        "Data de entrada: inválida para operar com esta carteira",
    ),
    m(ENTRADA_REJEITADA, "19", "Ocorrência: ocorrência inválida"),
    m(
        ENTRADA_REJEITADA,
        "21",
        "Ag. cobradora: carteira não aceita depositária correspondente",
    ),
    m(
        ENTRADA_REJEITADA,
        "22",
        "Carteira: carteira não permitida (necessário cadastrar faixa livre)",
    ),
    m(
        ENTRADA_REJEITADA,
        "27",
        "CNPJ inapto: CNPJ do beneficiário inapto",
    ),
    m(
        ENTRADA_REJEITADA,
        "29",
        "Código empresa: categoria da conta inválida",
    ),
    m(
        ENTRADA_REJEITADA,
        "31",
        "Agência/conta: conta não tem permissão para protestar",
    ),
    m(ENTRADA_REJEITADA, "35", "Valor do IOF: IOF maior que 5%"),
    m(
        ENTRADA_REJEITADA,
        "36",
        "Qtdade de moeda: quantidade de moeda incompatível com valor do título",
    ),
    m(
        ENTRADA_REJEITADA,
        "37",
        "CNPJ/CPF do pagador: não numérico ou igual a zeros",
    ),
    m(
        ENTRADA_REJEITADA,
        "42",
        "Nosso número: nosso número fora de faixa",
    ),
    m(
        ENTRADA_REJEITADA,
        "52",
        "Ag. cobradora: empresa não aceita banco correspondente",
    ),
    m(
        ENTRADA_REJEITADA,
        "53",
        "Ag. cobradora: empresa não aceita banco correspondente - cobrança mensagem",
    ),
    m(
        ENTRADA_REJEITADA,
        "54",
        "Data de vencto: banco correspondente – título com vencimento inferior a 15 dias",
    ),
    m(
        ENTRADA_REJEITADA,
        "55",
        "Dep./bco. corresp.: CEP não pertence a depositária informada",
    ),
    m(
        ENTRADA_REJEITADA,
        "56",
        "Dt. vcto./bco. corresp.: vencto. superior a 180 dias da data de entrada",
    ),
    m(
        ENTRADA_REJEITADA,
        "57",
        "Data de vencimento: CEP só depositária Bco. do Brasil com vencto. inferior a 8 dias",
    ),
    m(
        ENTRADA_REJEITADA,
        "60",
        "Abatimento: valor do abatimento inválido",
    ),
    m(
        ENTRADA_REJEITADA,
        "61",
        "Juros de mora: juros de mora maior que o permitido",
    ),
    m(
        ENTRADA_REJEITADA,
        "62",
        "Desconto: valor do desconto maior que o valor do título",
    ),
    m(
        ENTRADA_REJEITADA,
        "63",
        "Desconto de antecipação: valor da importância por dia de desconto (IDD) não permitido",
    ),
    m(
        ENTRADA_REJEITADA,
        "64",
        "Emissão do título: data de emissão do título inválida (vendor)",
    ),
    m(
        ENTRADA_REJEITADA,
        "65",
        "Taxa financto.: taxa inválida (vendor)",
    ),
    m(
        ENTRADA_REJEITADA,
        "66",
        "Data de vencto.: inválida/fora de prazo de operação (mínimo ou máximo)",
    ),
];

/// Itaú remessa.
pub const REMESSA: LayoutSpec =
    LayoutSpec::remessa(Layout::Cnab240, RECORDS, ENTRY_REMESSA, MOVIMENTOS, SOURCE);

/// Itaú retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab240,
    RECORDS,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
