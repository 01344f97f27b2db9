//! Bradesco — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Bradesco, "Manual de Procedimentos Operacionais para Troca de Arquivos 240 posições", Manual de
//! Procedimentos Nº 4008.524.0339, versão 06, elaborado em 07/2017: header de arquivo p. 8, trailer de arquivo p. 8,
//! header de lote p. 12, segmentos P p. 13, Q p. 14, R p. 15, S pp. 15-16, Y-01/Y-50 pp. 16-17, T p. 18, U p. 19,
//! trailer de lote p. 20; "Descrição de Campos" C004 (movimento remessa) p. 21, C044 (movimento retorno)
//! pp. 27-28, C047 (motivos) pp. 28-31, G069 (identificação do título) p. 35.
//! File header layout version `084`, batch layout version `042`.
//! Positions cross-checked against laravel-boleto `src/Cnab/Remessa/Cnab240/Banco/Bradesco.php` and
//! `src/Cnab/Retorno/Cnab240/Banco/Bradesco.php`.
//!
//! Deviations from FEBRABAN (all in this module):
//! - P/T 38-57 "identificação do título" (G069): produto/carteira (3 digits, 38-40), zeros (41-45), nosso número
//!   (11 digits, 46-56) and its DV (57, a digit or `P`), where FEBRABAN has one 20-position field; P 58 is the
//!   FEBRABAN "código da carteira" (1 = cobrança simples), not Bradesco's carteira;
//! - the trailer de lote carries numeric totals per carteira (24-115) and the trailer de arquivo a numeric count of
//!   accounts (30-35), both written;
//! - movimento remessa 03 (protesto para fins falimentares) and 47 (excluir negativação e manter pendente); movimento
//!   retorno 73 (confirmação recebimento pedido de negativação); motivos A1-A4 and liquidação 18 (pagamento parcial);
//!   descriptions as printed by Bradesco.
//!
//! Q has FEBRABAN's positions (own table: zeros in the sacador's N 15 inscrição when none); R, S and U follow
//! FEBRABAN position by position (manual pp. 15-16, 19), so FEBRABAN's tables are reused. Inscrição fields (N in
//! the manual) are alphanumeric in our tables with an inscrição role: the writer right-aligns and zero-fills them,
//! the reader strips the padding, so the alphanumeric CNPJ (2026) fits.

use crate::bank::motivo as m;
use crate::bank::movimento as mv;
use crate::bank::{oc, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::model::{Layout, OcorrenciaKind as K};

/// The manual.
pub const SOURCE: &str =
    "Bradesco Manual de Procedimentos Nº 4008.524.0339 — Troca de Arquivos 240 posições, versão 06 (07/2017)";

/// Header de arquivo (p. 8).
pub const HEADER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::HEADER_ARQUIVO,
    "Bradesco 240 v06 (07/2017) registro header de arquivo, p. 8",
    [
        febraban240::banco_nome("BRADESCO"),
        febraban240::versao_arquivo("084"),
    ]
);

/// Header de lote (p. 12). Field 20.1 (184-191) is the remessa number the bank controls.
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    febraban240::HEADER_LOTE,
    "Bradesco 240 v06 (07/2017) registro header de lote, p. 12",
    [febraban240::versao_lote("042")]
);

/// G069 "identificação do título" (p. 35), P/T 38-57: produto/carteira, zeros, nosso número and its DV.
const IDENTIFICACAO_TITULO: &[F] = &[
    F::num("carteira", 38, 40).role(R::Carteira),
    F::num("zeros", 41, 45),
    F::num("nosso_numero", 46, 56).role(R::NossoNumero),
    F::alpha("nosso_numero_dv", 57, 57).role(R::NossoNumeroDv),
];

/// Segmento P (p. 13).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_P,
    "Bradesco 240 v06 (07/2017) registro detalhe segmento P, p. 13",
    IDENTIFICACAO_TITULO,
    [
        // baixa_prazo (as FEBRABAN): "Alfa" in the manual (C029, a number of days): written as digits, as
        // FEBRABAN's table and the peers do.
        F::num("codigo_carteira", 58, 58).default("1"),
        // C028: 1 = baixar/devolver, 2 = não baixar/não devolver (what we write when the título has no baixa).
        F::num("baixa_codigo", 224, 224)
            .role(R::BaixaCodigo)
            .default("2"),
        F::blank("cnab_2", 240, 240),
    ]
);

/// Segmento Q (p. 14): pagador and sacador/avalista. FEBRABAN's positions; CEP 129-133 and its sufixo 134-136 are
/// kept as one 8-digit field; the sacador's inscrição (N 15) is written as zeros when there is none.
pub const SEGMENTO_Q: RecordLayout = RecordLayout {
    source: "Bradesco 240 v06 (07/2017) registro detalhe segmento Q, p. 14",
    ..febraban240::SEGMENTO_Q_SACADOR_ZEROS
};

/// Segmento T (p. 18): 38-57 read with the P split (G069: carteira, nosso número and its DV).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_T,
    "Bradesco 240 v06 (07/2017) registro detalhe segmento T, p. 18; G069",
    IDENTIFICACAO_TITULO,
    [
        F::num("codigo_carteira", 58, 58),
        F::alpha("pagador_inscricao", 134, 148)
            .role(R::PagadorInscricao)
            .default("000000000000000"),
        F::num("contrato", 189, 198),
    ]
);

/// Trailer de lote (p. 20): numeric totals per carteira (simples carries the remessa's count and sum).
pub const TRAILER_LOTE: RecordLayout = RecordLayout {
    source: "Bradesco 240 v06 (07/2017) registro trailer de lote, p. 20",
    ..febraban240::TRAILER_LOTE_NUMERICO
};

/// Trailer de arquivo (p. 8).
pub const TRAILER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::TRAILER_ARQUIVO,
    "Bradesco 240 v06 (07/2017) registro trailer de arquivo, p. 8",
    [F::num("qtd_contas", 30, 35)]
);

/// Every record (remessa and retorno share the headers and trailers, p. 11): FEBRABAN's R, S, U and Y, the rest above.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &febraban240::records_with(&[
    &HEADER_ARQUIVO,
    &HEADER_LOTE,
    &SEGMENTO_P,
    &SEGMENTO_Q,
    &SEGMENTO_T,
    &TRAILER_LOTE,
    &TRAILER_ARQUIVO,
]);

/// Entry: P, Q, then R and S when they carry something (FEBRABAN's rule; Y-01/Y-50 read only).
pub const ENTRY_REMESSA: &[EntryRecord] = febraban240::ENTRY_REMESSA;

/// Entry: T, U, then Y-50 (rateio) when present.
pub const ENTRY_RETORNO: &[EntryRecord] = febraban240::ENTRY_RETORNO;

/// Código de movimento remessa (C004, p. 21).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    febraban240::movimento("01"),
    febraban240::movimento("02"),
    mv("03", "Protesto para Fins Falimentares"),
    febraban240::movimento("04"),
    febraban240::movimento("05"),
    febraban240::movimento("06"),
    febraban240::movimento("07"),
    mv("08", "Cancelamento de Desconto (NÃO TRATADO PELO BANCO)"),
    febraban240::movimento("09"),
    febraban240::movimento("10"),
    febraban240::movimento("11"),
    febraban240::movimento("12"),
    febraban240::movimento("13"),
    febraban240::movimento("14"),
    febraban240::movimento("15"),
    mv("16", "Alteração do Valor de Desconto"),
    mv("17", "Não conceder Desconto (NÃO TRATADO PELO BANCO)"),
    febraban240::movimento("18"),
    mv(
        "19",
        "Prazo Limite de Recebimento – Alterar (NÃO TRATADO PELO BANCO)",
    ),
    mv(
        "20",
        "Prazo Limite de Recebimento – Dispensar (NÃO TRATADO PELO BANCO)",
    ),
    mv("21", "Alterar número do título dado pelo beneficiario"),
    febraban240::movimento("22"),
    febraban240::movimento("23"),
    febraban240::movimento("24"),
    mv(
        "30",
        "Recusa da Alegação do Pagador (NÃO TRATADO PELO BANCO)",
    ),
    febraban240::movimento("31"),
    febraban240::movimento("33"),
    febraban240::movimento("34"),
    febraban240::movimento("35"),
    mv("40", "Alteração de Carteira (NÃO TRATADO PELO BANCO)"),
    mv("41", "Cancelar protesto (NÃO TRATADO PELO BANCO)"),
    febraban240::movimento("42"),
    mv(
        "43",
        "Transferência de carteira/modalidade de cobrança (NÃO TRATADO PELO BANCO)",
    ),
    mv(
        "44",
        "Alteração de contrato de cobrança (NÃO TRATADO PELO BANCO)",
    ),
    febraban240::movimento("45"),
    febraban240::movimento("46"),
    mv("47", "Solicitação Excluir negativação e manter pendente"),
];

/// Código de movimento retorno (C044, pp. 27-28).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    febraban240::ocorrencia("02"),
    febraban240::ocorrencia("03"),
    oc("04", K::InstrucaoConfirmada, "Transferência de Carteira/Entrada (NÃO TRATADO PELO BANCO)"),
    oc("05", K::InstrucaoConfirmada, "Transferência de Carteira/Baixa (NÃO TRATADO PELO BANCO)"),
    febraban240::ocorrencia("06"),
    oc("07", K::InstrucaoConfirmada, "Confirmação do Recebimento da Instrução de Desconto (NÃO TRATADO PELO BANCO)"),
    oc("08", K::InstrucaoConfirmada, "Confirmação do Recebimento do Cancelamento do Desconto (NÃO TRATADO PELO BANCO)"),
    febraban240::ocorrencia("09"),
    oc("11", K::Informativo, "Títulos em Carteira (Em Ser) (NÃO TRATADO PELO BANCO)"),
    febraban240::ocorrencia("12"),
    febraban240::ocorrencia("13"),
    febraban240::ocorrencia("14"),
    oc("15", K::Liquidacao, "Franco de Pagamento (NÃO TRATADO PELO BANCO)"),
    febraban240::ocorrencia("17"),
    febraban240::ocorrencia("19"),
    oc("20", K::Protesto, "Confirmação Recebimento Instrução de Sustação de Protesto"),
    febraban240::ocorrencia("23"),
    febraban240::ocorrencia("24"),
    febraban240::ocorrencia("25"),
    oc("26", K::InstrucaoRejeitada, "Instrução Rejeitada (utilizar serviço Negativação)"),
    febraban240::ocorrencia("27"),
    febraban240::ocorrencia("28"),
    oc("29", K::Informativo, "Ocorrências do Pagador (Não Tratar DDA)"),
    febraban240::ocorrencia("30"),
    febraban240::ocorrencia("33"),
    febraban240::ocorrencia("34"),
    febraban240::ocorrencia("35"),
    oc("36", K::Informativo, "Confirmação de envio de e-mail/SMS (Não Tratar)"),
    oc("37", K::InstrucaoRejeitada, "Envio de e-mail/SMS rejeitado (Não tratar)"),
    oc("38", K::InstrucaoConfirmada, "Confirmação de alteração do Prazo Limite de Recebimento (NÃO TRATADO PELO BANCO)"),
    oc("39", K::InstrucaoConfirmada, "Confirmação de Dispensa de Prazo Limite de Recebimento (NÃO TRATADO PELO BANCO)"),
    oc("40", K::InstrucaoConfirmada, "Confirmação da alteração do número do título dado pelo beneficiario"),
    febraban240::ocorrencia("41"),
    febraban240::ocorrencia("42"),
    febraban240::ocorrencia("43"),
    febraban240::ocorrencia("44"),
    febraban240::ocorrencia("45"),
    oc("46", K::Protesto, "Instrução para cancelar protesto confirmada (NÃO TRATADO PELO BANCO)"),
    febraban240::ocorrencia("47"),
    oc("48", K::InstrucaoConfirmada, "Confirmação de instrução de transferência de carteira/modalidade de cobrança (NÃO TRATADO PELO BANCO)"),
    oc("49", K::InstrucaoConfirmada, "Alteração de contrato de cobrança (NÃO TRATADO PELO BANCO)"),
    febraban240::ocorrencia("50"),
    oc("51", K::Informativo, "Título DDA reconhecido pelo pagador (NÃO TRATADO PELO BANCO)"),
    oc("52", K::Informativo, "Título DDA não reconhecido pelo pagador (NÃO TRATADO PELO BANCO)"),
    oc("53", K::Informativo, "Título DDA recusado pela CIP (NÃO TRATADO PELO BANCO)"),
    febraban240::ocorrencia("54"),
    oc("73", K::InstrucaoConfirmada, "Confirmação recebimento pedido de negativação"),
];

const REJEICAO: &[&str] = &["02", "03", "26", "30"];
const TARIFA: &[&str] = &["28"];
const LIQUIDACAO_BAIXA: &[&str] = &["06", "09", "17"];

/// Motivo da ocorrência (C047, pp. 28-31): A for 02/03/26/30, B for 28, C for 06/09/17. T 214-223, up to five.
/// Codes Bradesco prints word for word as FEBRABAN come from FEBRABAN's tables A/B/C; the others are Bradesco's.
pub const MOTIVOS: &[MotivoDef] = &[
    febraban240::motivo_a("01"),
    febraban240::motivo_a("02"),
    febraban240::motivo_a("03"),
    febraban240::motivo_a("04"),
    febraban240::motivo_a("05"),
    m(REJEICAO, "06", "Tipo/Número de Inscrição do Beneficiario Inválidos"),
    febraban240::motivo_a("07"),
    febraban240::motivo_a("08"),
    febraban240::motivo_a("09"),
    febraban240::motivo_a("10"),
    febraban240::motivo_a("11"),
    febraban240::motivo_a("12"),
    m(REJEICAO, "13", "Identificação da Emissão do Bloqueto Inválida"),
    m(REJEICAO, "14", "Identificação da Distribuição do Bloqueto Inválida"),
    febraban240::motivo_a("15"),
    febraban240::motivo_a("16"),
    febraban240::motivo_a("17"),
    m(REJEICAO, "18", "Vencimento fora do prazo da operação da Operação (indicador registro de títulos vencidos há mais de 59 dias)"),
    m(REJEICAO, "19", "Título a cargo de Bancos Correspondentes com vencimento inferior a XX dias"),
    febraban240::motivo_a("20"),
    febraban240::motivo_a("21"),
    m(REJEICAO, "22", "Espécie do Título Não permitida para a carteira"),
    m(REJEICAO, "23", "Aceita Inválido (Utilizar serviço Negativação)"),
    febraban240::motivo_a("24"),
    m(REJEICAO, "25", "Data da Emissão porteior da data de entrada"),
    febraban240::motivo_a("26"),
    m(REJEICAO, "27", "Valor/taxa de Juros de Mora Inválido"),
    febraban240::motivo_a("28"),
    m(REJEICAO, "29", "Valor do Desconto Maior ou Igual ao Valor do título"),
    m(REJEICAO, "30", "Desconto a conceder não confere"),
    febraban240::motivo_a("31"),
    febraban240::motivo_a("32"),
    febraban240::motivo_a("33"),
    febraban240::motivo_a("34"),
    m(REJEICAO, "35", "Valor a Conceder Não Confere (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_a("36"),
    febraban240::motivo_a("37"),
    m(REJEICAO, "38", "Prazo para Protesto/Negativação Inválido (alterado)"),
    m(REJEICAO, "39", "Pedido de Protesto/ Negativação Não Permitido para o Título (alterado)"),
    m(REJEICAO, "40", "Título com Ordem/pedido de Protesto/Negativação Emitida (o) (alterado)"),
    m(REJEICAO, "41", "Pedido de Sustação/Excl p/ Título s/ Instr de Protesto/Negativação (alterado)"),
    febraban240::motivo_a("42"),
    febraban240::motivo_a("43"),
    febraban240::motivo_a("44"),
    febraban240::motivo_a("45"),
    febraban240::motivo_a("46"),
    febraban240::motivo_a("47"),
    febraban240::motivo_a("48"),
    m(REJEICAO, "49", "CEP Sem Praça de Cobrança (Não Localizado) (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_a("50"),
    m(REJEICAO, "51", "CEP incompatível com a Unidade da Federação (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "52", "Unidade da Federação Inválida (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "53", "Tipo/Número de Inscrição do Pagador/Avalista Inválidos"),
    m(REJEICAO, "54", "Pagador/Avalista Não Informado"),
    m(REJEICAO, "55", "Nosso número no Banco Correspondente Não Informado (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "56", "Código do Banco Correspondente Não Informado (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_a("57"),
    febraban240::motivo_a("58"),
    m(REJEICAO, "59", "Valor/Percentual da Multa Inválido (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_a("60"),
    m(REJEICAO, "61", "Alteração da Agência Cobradora/DV Inválida (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "62", "Tipo de Impressão Inválido (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_a("63"),
    m(REJEICAO, "64", "Número da Linha Inválido (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "65", "Código do Banco para Débito Inválido (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "66", "Agência/Conta/DV para Débito Inválido (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "67", "Dados para Débito incompatível com a Identificação da Emissão do Bloqueto (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_a("68"),
    febraban240::motivo_a("69"),
    febraban240::motivo_a("70"),
    m(REJEICAO, "71", "Débito Não Agendado - Beneficiario Não Autorizado pelo Pagador"),
    m(REJEICAO, "72", "Débito Não Agendado - Beneficiario Não Participa da Modalidade Débito Automático"),
    febraban240::motivo_a("73"),
    febraban240::motivo_a("74"),
    febraban240::motivo_a("75"),
    febraban240::motivo_a("76"),
    febraban240::motivo_a("77"),
    m(REJEICAO, "78", "Data Inferior ou Igual ao Vencimento para Débito Automático (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_a("79"),
    febraban240::motivo_a("80"),
    febraban240::motivo_a("81"),
    febraban240::motivo_a("82"),
    febraban240::motivo_a("83"),
    febraban240::motivo_a("84"),
    febraban240::motivo_a("85"),
    febraban240::motivo_a("86"),
    m(REJEICAO, "87", "e-mail/SMS enviado (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "88", "e-mail Lido (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "89", "e-mail/SMS devolvido - endereço de e-mail ou número do celular incorreto (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "90", "e-mail devolvido - caixa postal cheia (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "91", "e-mail/número do celular do pagador não informado (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "92", "Pagador optante por Bloqueto Eletrônico - e-mail não enviado (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "93", "Código para emissão de bloqueto não permite envio de e-mail (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "94", "Código da Carteira inválido para envio e-mail. (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "95", "Contrato não permite o envio de e-mail (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "96", "Número de contrato inválido (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "97", "Rejeição da alteração do prazo limite de recebimento (a data deve ser informada no campo 28.3.p) (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "98", "Rejeição de dispensa de prazo limite de recebimento (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "99", "Rejeição da alteração do número do título dado pelo beneficiario (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "A1", "Rejeição da alteração do número controle do participante (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "A2", "Rejeição da alteração dos dados do pagador (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "A3", "Rejeição da alteração dos dados do pagador/avalista (NÃO TRATADO PELO BANCO)"),
    m(REJEICAO, "A4", "Pagador DDA (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_b("01"),
    febraban240::motivo_b("02"),
    m(TARIFA, "03", "Tarifa de Sustação/Excl Negativação (alterado)"),
    m(TARIFA, "04", "Tarifa de Protesto/ Incl Negativação (alterado)"),
    m(TARIFA, "05", "Tarifa de Outras Instruções (NÃO TRATADO PELO BANCO)"),
    m(TARIFA, "06", "Tarifa de Outras Ocorrências (NÃO TRATADO PELO BANCO)"),
    m(TARIFA, "07", "Tarifa de Envio de Duplicata ao Pagador (NÃO TRATADO PELO BANCO)"),
    m(TARIFA, "08", "Custas de Protesto (NÃO TRATADO PELO BANCO)"),
    m(TARIFA, "09", "Custas de Sustação de Protesto (NÃO TRATADO PELO BANCO)"),
    m(TARIFA, "10", "Custas de Cartório Distribuidor (NÃO TRATADO PELO BANCO)"),
    m(TARIFA, "11", "Custas de Edital (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_b("12"),
    febraban240::motivo_b("13"),
    febraban240::motivo_b("14"),
    febraban240::motivo_b("15"),
    m(TARIFA, "16", "Tarifa Sobre Informações Via Fax (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_b("17"),
    febraban240::motivo_b("18"),
    m(TARIFA, "19", "Tarifa Sobre Arquivo mensal (Em Ser) (NÃO TRATADO PELO BANCO)"),
    m(TARIFA, "20", "Tarifa Sobre Emissão de Bloqueto Pré-Emitido pelo Banco"),
    m(LIQUIDACAO_BAIXA, "01", "Por Saldo (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "02", "Por Conta (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_c("03"),
    febraban240::motivo_c("04"),
    m(LIQUIDACAO_BAIXA, "05", "Compensação Convencional (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "06", "Por Meio Eletrônico (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "07", "Após Feriado Local (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_c("08"),
    m(LIQUIDACAO_BAIXA, "30", "Liquidação no Guichê de Caixa em Cheque (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "31", "Liquidação em banco correspondente (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "32", "Liquidação Terminal de Auto-Atendimento (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "33", "Liquidação na Internet (Home banking) (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "34", "Liquidado Office Banking (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "35", "Liquidado Correspondente em Dinheiro (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "36", "Liquidado Correspondente em Cheque (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "37", "Liquidado por meio de Central de Atendimento (Telefone) (NÃO TRATADO PELO BANCO)"),
    febraban240::motivo_c("09"),
    febraban240::motivo_c("10"),
    febraban240::motivo_c("11"),
    febraban240::motivo_c("12"),
    febraban240::motivo_c("13"),
    febraban240::motivo_c("14"),
    m(LIQUIDACAO_BAIXA, "15", "Título Excluído (NÃO TRATADO PELO BANCO)"),
    m(LIQUIDACAO_BAIXA, "18", "Pagamento parcial"),
];

/// Bradesco remessa.
pub const REMESSA: LayoutSpec =
    LayoutSpec::remessa(Layout::Cnab240, RECORDS, ENTRY_REMESSA, MOVIMENTOS, SOURCE);

/// Bradesco retorno.
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
