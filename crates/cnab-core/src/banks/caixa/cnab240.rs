//! Caixa Econômica Federal (104) — CNAB 240 cobrança SIGCB (remessa and retorno).
//!
//! Source: CAIXA, "Leiaute de Arquivo Eletrônico Padrão CNAB 240 — Cobrança Bancária CAIXA — SIGCB", abril/2017
//! (remessa: header de arquivo 01.0-25.0 layout "101", header de lote 01.1-23.1 layout "060", segmentos P/Q/R/S;
//! retorno: header de arquivo layout "050"/"040", header de lote "030", segmentos T/U; códigos C044 p. 62, C047),
//! as shipped in kivanio/brcobranca `docs/Caixa/Manual_Leiaute_CNAB240_SIGCB.pdf`. Positions cross-checked against
//! brcobranca `lib/brcobranca/remessa/cnab240/caixa.rb`, `retorno/cnab240/caixa.rb` and the corpus files.
//!
//! Deviations from FEBRABAN v10.7:
//! - headers: no convênio (33-52 zeros); the beneficiário is identified by the 6-digit "código do beneficiário"
//!   (arquivo 59-64, lote 34-39 and 60-65, P/T 24-29), not by a conta corrente;
//! - header de arquivo 192-211 "situação do arquivo" (`REMESSA-PRODUCAO`/`REMESSA-TESTE`) and 212-215 versão do
//!   aplicativo;
//! - nosso número: 17 positions, modalidade (2: "14" registrada/emissão beneficiário, "11"/"21"/"24") + 15 digits,
//!   in P 41-57 (40: SINCO modalidade, "0" for SIGCB) and in T 40-56 (39: SINCO, 57: DV of the nosso número);
//! - P: seu número 63-73 (11) + blanks 74-77; T: seu número 59-69 (11) + blanks 70-73;
//! - retorno movimento codes (C044) differ: '01' solicitação de impressão, '35'-'41' banco de pagadores,
//!   '44'-'47' estornos/liquidação on-line, '61'/'62'; no '11', '15', '17', '29';
//! - motivos of movimentos 02, 03, 26 and 30 are Caixa's own list C047A (pp. 63-67), not FEBRABAN's ("88" is
//!   "Número da remessa menor/igual remessa anterior", not "e-mail lido"); the others use FEBRABAN's;
//! - segmento W (p. 45) is the "Retorno da Pré-Crítica": a remessa record that the file check flagged, with the
//!   record's position and up to 19 pairs of field code (C076, `CCTS`) and C047A code "não necessariamente um
//!   erro". Its entry gets ocorrência kind [`K::PreCritica`] (whatever its C044 code, typically "02") and one motivo
//!   per pair, described with the field;
//! - the modalidade (T 40-41, the first two positions of the 17-character nosso número) is also kept in the entry's
//!   `variacao`, so it survives a nosso número that cannot be read (template files carry `M1NOSSONUMERO0001`).

use crate::bank::motivo;
use crate::bank::{oc, Emit, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout, Motivo, OcorrenciaKind as K, RetornoEntry};
use crate::record::Record;

const MANUAL: &str = "CAIXA, Leiaute CNAB 240 Cobrança Bancária CAIXA — SIGCB, abril/2017";

/// Header de arquivo (remessa 01.0-25.0, layout "101"; retorno same positions, layout "050"/"040").
pub const HEADER_ARQUIVO: RecordLayout = patched_layout!(
    feb::HEADER_ARQUIVO,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Header de Arquivo (remessa 3.1, retorno 4.1)",
    [
        F::num("uso_caixa_1", 33, 52),
        F::num("codigo_beneficiario", 59, 64).role(R::CodigoBeneficiario),
        F::num("uso_caixa_2", 65, 71),
        F::num("uso_caixa_3", 72, 72),
        feb::banco_nome("CAIXA ECONOMICA FEDERAL"),
        feb::versao_arquivo("101"),
        F::alpha("densidade", 167, 171),
        F::alpha("situacao_arquivo", 192, 211).default("REMESSA-PRODUCAO"),
        F::alpha("versao_aplicativo", 212, 215),
        F::blank("cnab_3", 216, 240),
    ]
);

/// Header de lote (remessa 01.1-23.1, layout "060"; retorno same positions, layout "030").
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    feb::HEADER_LOTE,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Header de Lote (remessa 3.2, retorno 4.2)",
    [
        F::alpha("filler_1", 12, 13).default("00"),
        F::blank("cnab_1", 17, 17),
        F::num("codigo_beneficiario", 34, 39).role(R::CodigoBeneficiario),
        F::num("uso_caixa_1", 40, 53),
        F::num("codigo_beneficiario_2", 60, 65).role(R::CodigoBeneficiario),
        F::num("codigo_modelo_personalizado", 66, 72),
        F::num("uso_caixa_2", 73, 73),
        F::blank("cnab_2", 208, 240),
    ]
);

/// Segmento P (campos 01.3P-42.3P).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    feb::SEGMENTO_P,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento P (remessa 3.3)",
    [
        F::num("codigo_beneficiario", 24, 29).role(R::CodigoBeneficiario),
        F::num("uso_caixa_1", 30, 37),
        F::num("uso_caixa_2", 38, 39),
        F::num("modalidade_sinco", 40, 40),
        F::num("nosso_numero", 41, 57).role(R::NossoNumero),
        F::num("carteira", 58, 58).role(R::Carteira).default("1"),
        F::alpha("tipo_documento", 60, 60).default("2"),
        F::alpha("distribuicao_boleto", 62, 62).default("0"),
        F::alpha("seu_numero", 63, 73).role(R::SeuNumero),
        F::blank("filler_1", 74, 77),
        F::alpha("agencia_cobradora_dv", 106, 106).default("0"),
        F::num("especie", 107, 108).role(R::Especie).default("99"),
        F::num("baixa_codigo", 224, 224)
            .role(R::BaixaCodigo)
            .default("1"),
        F::alpha("baixa_prazo", 225, 227)
            .role(R::BaixaPrazo)
            .default("120"),
        F::num("filler_2", 230, 239),
        F::alpha("pagamento_parcial", 240, 240),
    ]
);

/// Segmento T (campos 01.3T-29.3T).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    feb::SEGMENTO_T,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento T (retorno 4.3)",
    [
        F::num("codigo_beneficiario", 24, 29).role(R::CodigoBeneficiario),
        F::alpha("uso_caixa_1", 30, 32).default("000"),
        F::alpha("banco_pagador", 33, 35).default("000"),
        F::alpha("uso_caixa_2", 36, 36).default("0"),
        F::alpha("uso_caixa_3", 37, 38),
        F::alpha("modalidade_sinco", 39, 39).default("0"),
        F::num("nosso_numero", 40, 56).role(R::NossoNumero),
        F::alpha("nosso_numero_dv", 57, 57).role(R::NossoNumeroDv),
        F::alpha("seu_numero", 59, 69).role(R::SeuNumero),
        F::blank("filler_1", 70, 73),
        F::blank("filler_2", 189, 198),
    ]
);

/// Segmento W (retorno, campos 01.3W-13.3W): a remessa record rejected by the file check, with the record's
/// sequence, then up to 21 groups of field code (4) + error code (2, C047) + blank, kept raw in `erros`.
pub const SEGMENTO_W: RecordLayout = RecordLayout {
    name: "segmento_w",
    len: 240,
    source: "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento W (retorno, p. 45)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "3"),
        F::num("sequencial", 9, 13).role(R::Sequencial),
        F::constant("segmento", 14, 14, "W"),
        F::blank("cnab_1", 15, 15),
        F::num("codigo_movimento", 16, 17).role(R::Ocorrencia),
        F::num("registro_referencia", 18, 23),
        F::blank("uso_caixa", 24, 24),
        F::alpha("erros", 25, 157),
        F::blank("cnab_2", 158, 240),
    ],
};

/// The retorno entry: T starts, U follows; a W (rejected remessa record) is an entry of its own.
pub const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'T')),
    EntryRecord::always(RecordKey::Segment(b'U')),
    EntryRecord {
        key: RecordKey::Segment(b'W'),
        starts: true,
        emit: Emit::Never,
    },
];

/// Every Caixa record: Caixa headers, P and T; FEBRABAN Q/R/S/U and trailers (same positions in the manual).
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_ARQUIVO),
    (RecordKey::BatchHeader, &HEADER_LOTE),
    (RecordKey::Segment(b'P'), &SEGMENTO_P),
    (RecordKey::Segment(b'Q'), &feb::SEGMENTO_Q),
    (RecordKey::Segment(b'R'), &feb::SEGMENTO_R),
    (RecordKey::Segment(b'S'), &feb::SEGMENTO_S),
    (RecordKey::Segment(b'T'), &SEGMENTO_T),
    (RecordKey::Segment(b'U'), &feb::SEGMENTO_U),
    (
        RecordKey::Segment(b'Y'),
        &crate::banks::bb::cnab240::SEGMENTO_Y,
    ),
    (RecordKey::Segment(b'W'), &SEGMENTO_W),
    (RecordKey::BatchTrailer, &feb::TRAILER_LOTE),
    (RecordKey::FileTrailer, &feb::TRAILER_ARQUIVO),
];

/// Código de Movimento Retorno (C044).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc(
        "01",
        K::Informativo,
        "Solicitação de Impressão de Títulos Confirmada",
    ),
    feb::ocorrencia("02"),
    feb::ocorrencia("03"),
    feb::ocorrencia("04"),
    feb::ocorrencia("05"),
    feb::ocorrencia("06"),
    feb::ocorrencia("07"),
    feb::ocorrencia("08"),
    feb::ocorrencia("09"),
    feb::ocorrencia("12"),
    feb::ocorrencia("13"),
    feb::ocorrencia("14"),
    feb::ocorrencia("19"),
    feb::ocorrencia("20"),
    oc("23", K::Protesto, "Remessa a Cartório"),
    oc("24", K::Protesto, "Retirada de Cartório"),
    feb::ocorrencia("25"),
    feb::ocorrencia("26"),
    feb::ocorrencia("27"),
    feb::ocorrencia("28"),
    feb::ocorrencia("30"),
    oc(
        "35",
        K::InstrucaoConfirmada,
        "Confirmação de Inclusão Banco de Pagador",
    ),
    oc(
        "36",
        K::InstrucaoConfirmada,
        "Confirmação de Alteração Banco de Pagador",
    ),
    oc(
        "37",
        K::InstrucaoConfirmada,
        "Confirmação de Exclusão Banco de Pagador",
    ),
    oc(
        "38",
        K::Informativo,
        "Emissão de Boletos de Banco de Pagador",
    ),
    oc(
        "39",
        K::InstrucaoRejeitada,
        "Manutenção de Pagador Rejeitada",
    ),
    oc(
        "40",
        K::EntradaRejeitada,
        "Entrada de Título via Banco de Pagador Rejeitada",
    ),
    oc(
        "41",
        K::InstrucaoRejeitada,
        "Manutenção de Banco de Pagador Rejeitada",
    ),
    oc("44", K::Informativo, "Estorno de Baixa / Liquidação"),
    oc("45", K::Informativo, "Alteração de Dados"),
    oc("46", K::Liquidacao, "Liquidação On-line"),
    oc("47", K::Informativo, "Estorno de Liquidação On-line"),
    feb::ocorrencia("51"),
    feb::ocorrencia("52"),
    feb::ocorrencia("53"),
    oc(
        "61",
        K::InstrucaoConfirmada,
        "Confirmação de alteração do valor nominal do título",
    ),
    oc(
        "62",
        K::InstrucaoConfirmada,
        "Confirmação de alteração do valor/percentual mínimo/máximo",
    ),
];

/// Movimentos whose motivos are C047A (C044: "Os códigos de movimento '02', '03', '26' e '30' estão relacionados
/// com a descrição C047A").
const C047A_MOVIMENTOS: &[&str] = &["02", "03", "26", "30"];

const fn m(code: &'static str, description: &'static str) -> MotivoDef {
    crate::bank::motivo(C047A_MOVIMENTOS, code, description)
}

/// C047 A — "Códigos de ocorrências e rejeições (impeditivas e não impeditivas) de '01' a '99'" (pp. 63-67), in the
/// manual's order.
pub const MOTIVOS_C047A: &[MotivoDef] = &[
    m("AA", "Cód Desconto Preenchido, Obrig Data e Valor/Perc"),
    m("AB", "Cod Desconto Obrigatório p/ Cód Mov = 7"),
    m("AC", "Forma de Cadastramento Inválida"),
    m("AD", "Data de Desconto deve estar em Ordem Crescente"),
    m("AE", "Data de Desconto é Posterior a Data de Vencimento"),
    m("AF", "Título não está com situação “Em Aberto”"),
    m("AG", "Título já está Vencido / Vencendo"),
    m("AH", "Não existe desconto a ser cancelado"),
    m("AI", "Data solicitada p/ Prot/Dev é anterior à data atual"),
    m("AJ", "Código do Pagador Inválido"),
    m("AK", "Número da Parcela Invalida ou Fora de Sequencia"),
    m("AL", "Estorno de Envio Não Permitido"),
    m("AM", "Nosso Numero Fora de Sequencia"),
    m("A4", "Pagador DDA"),
    m("B2", "Valor Nominal do Título Conflitante"),
    m("CA", "Autorização de pagamento parcial inválida"),
    m("CB", "Identificação do tipo de pagamento inválida"),
    m("CC", "Quantidade de pagamentos possíveis inválida"),
    m("CD", "Tipo de valor máximo inválido"),
    m("CE", "Valor/percentual máximo inválido"),
    m("CF", "Tipo de valor mínimo inválido"),
    m("CG", "Valor/percentual mínimo inválido"),
    m("CH", "Segmento Y53 não informado"),
    m(
        "CI",
        "Alteração do valor/percentual mínimo/máximo inválida para o tipo de pagamento do título",
    ),
    m("CJ", "Valor/percentual mínimo/máximo igual ao cadastrado"),
    m(
        "CK",
        "Título autorizado para pagamentos parciais não pode ser desautorizado",
    ),
    m(
        "CL",
        "Quantidade de pagamentos possíveis menor que a quantidade de pagamentos realizados",
    ),
    // Boleto híbrido (Pix), added by the edition 67.118 v029 out/2022 (C047 p. 53; "Controle de alterações" p. 75):
    // whether the título was registered with its QR code, or why not. The v029 remessa has no Pix segment (no
    // chave or txid field).
    m(
        "PA",
        "Chave DICT Beneficiário Inválida - QR Code não cadastrado",
    ),
    m("PB", "TXID inválido - QR Code Não cadastrado"),
    m("PC", "PIX alterado - Verificar payload pela URL"),
    m("P1", "Registrado com QR Code PIX"),
    m("P2", "Registrado sem QR Code PIX"),
    m("P3", "Registrado com QR Code PIX e Código de Barras"),
    m("VA", "Arq.Ret.Inexis. P/ Redisp. Nesta Dt/Nro"),
    m("VB", "Registro Duplicado"),
    m("VC", "Beneficiário deve ser padrão CNAB240"),
    m("VD", "Ident. Banco Pagador Inválida"),
    m("VE", "Num Docto Cobr Inválido"),
    m("VF", "Vlr/Perc a ser concedido inválido"),
    m("VG", "Data de Inscrição Inválida"),
    m("VH", "Data Movto Inválida"),
    m("VI", "Data Inicial Inválida"),
    m("VJ", "Data Final Inválida"),
    m("VK", "Banco de Pagador já cadastrado"),
    m("VL", "Beneficiário não cadastrado"),
    m("VM", "Número de Lote Duplicado"),
    m("VN", "Forma de Emissão de Boleto Inválida"),
    m("VO", "Forma Entrega Boleto Inválida p/ Emissão via Banco"),
    m(
        "VP",
        "Forma Entrega Boleto Invalida p/ Emissão via Beneficiário",
    ),
    m("VQ", "Opção para Endosso Inválida"),
    m("VR", "Tipo de Juros ao Mês Inválido"),
    m("VS", "Percentual de Juros ao Mês Inválido"),
    m("VT", "Percentual / Valor de Desconto Inválido"),
    m("VU", "Prazo de Desconto Inválido"),
    m("VV", "Preencher Somente Percentual ou Valor"),
    m("VW", "Prazo de Multa Invalido"),
    m("VX", "Perc. Desconto tem que estar em ordem decrescente"),
    m("VY", "Valor Desconto tem que estar em ordem decrescente"),
    m(
        "VZ",
        "Dias/Data desconto tem que estar em ordem decrescente",
    ),
    m("WA", "Vlr Contr p/ aquisição de Bens Inválid"),
    m("WB", "Vlr Contr p/ Fundo de Reserva Inválid"),
    m("WC", "Vlr Rend. Aplicações Financ Inválido"),
    m("WD", "Valor Multa/Juros Monetários Inválido"),
    m("WE", "Valor Prêmios de Seguro Inválido"),
    m("WF", "Valor Custas Judiciais Inválido"),
    m("WG", "Valor Reembolso de Despesas Inválido"),
    m("WH", "Valor Outros Inválido"),
    m("WI", "Valor de Aquisição de Bens Inválido"),
    m("WJ", "Valor Devolvido ao Consorciado Inválido"),
    m("WK", "Vlr Desp. Registro de Contrato Inválido"),
    m("WL", "Valor de Rendimentos Pagos Inválido"),
    m("WM", "Data de Descrição Inválida"),
    m("WN", "Valor do Seguro Inválido"),
    m("WO", "Data de Vencimento Inválida"),
    m("WP", "Data de Nascimento Inválida"),
    m("WQ", "CPF/CNPJ do Aluno Inválido"),
    m("WR", "Data de Avaliação Inválida"),
    m("WS", "CPF/CNPJ do Locatário Inválido"),
    m("WT", "Literal da Remessa Inválida"),
    m("WU", "Tipo de Registro Inválido"),
    m("WV", "Modelo Inválido"),
    m("WW", "Código do Banco de Pagadores Inválido"),
    m("WX", "Banco de Pagadores não Cadastrado"),
    m("WY", "Qtde dias para Protesto tem que estar entre 2 e 90"),
    m("WZ", "Não existem Pagadores para este Banco"),
    m("XA", "Preço Unitário do Produto Inválido"),
    m("XB", "Preço Total do Produto Inválido"),
    m("XC", "Valor Atual do Bem Inválido"),
    m("XD", "Quantidade de Bens Entregues Inválido"),
    m("XE", "Quantidade de Bens Distribuídos Inválido"),
    m("XF", "Quantidade de Bens não Distribuídos Inválido"),
    m("XG", "Número da Próxima Assembleia Inválido"),
    m("XH", "Horário da Próxima Assembleia Inválido"),
    m("XI", "Data da Próxima Assembleia Inválida"),
    m("XJ", "Número de Ativos Inválido"),
    m("XK", "Número de Desistentes Excluídos Inválido"),
    m("XL", "Número de Quitados Inválido"),
    m("XM", "Número de Contemplados Inválido"),
    m("XN", "Número de não Contemplados Inválido"),
    m("XO", "Data da Última Assembleia Inválida"),
    m("XP", "Quantidade de Prestações Inválida"),
    m("XQ", "Data de Vencimento da Parcela Inválida"),
    m("XR", "Valor da Amortização Inválida"),
    m("XS", "Código do Personalizado Inválido"),
    m("XT", "Valor da Contribuição Inválida"),
    m("XU", "Percentual da Contribuição Inválido"),
    m("XV", "Valor do Fundo de Reserva Inválido"),
    m("XW", "Número Parcela Inválido ou Fora de Sequência"),
    m("XX", "Percentual Fundo de Reserva Inválido"),
    m("XY", "Prz Desc/Multa Preenchido, Obrigat.Perc. ou Valor"),
    m("XZ", "Valor Taxa de Administração Inválida"),
    m("YA", "Data de Juros Inválida ou Não Informada"),
    m("YB", "Data Desconto Inválida ou Não Informada"),
    m("YC", "E-mail Inválido"),
    m("YD", "Código de Ocorrência Inválido"),
    m("YE", "Pagador já Cadastrado (Banco de Pagadores)"),
    m("YF", "Pagador não Cadastrado (Banco de Pagadores)"),
    m("YG", "Remessa Sem Registro Tipo 9"),
    m("YH", "Identificação da Solicitação Inválida"),
    m("YI", "Quantidade Boletos Solicitada Inválida"),
    m("YJ", "Trailer do Arquivo não Encontrado"),
    m("YK", "Tipo Inscrição do Responsável Inválido"),
    m("YL", "Número Inscrição do Responsável Inválido"),
    m("YM", "Ajuste de Vencimento Inválido"),
    m("YN", "Ajuste de Emissão Inválido"),
    m("YO", "Código de Modelo Inválido"),
    m("YP", "Vía de Entrega Inválido"),
    m("YQ", "Espécie Banco de Pagador Inválido"),
    m("YR", "Aceite Banco de Pagador Inválido"),
    m("YS", "Pagador já Cadastrado"),
    m("YT", "Pagador não Cadastrado"),
    m("YU", "Número do Telefone Inválido"),
    m("YV", "CNPJ do Condomínio Inválido"),
    m("YW", "Indicador de Registro de Título Inválido"),
    m("YX", "Valor da Nota Inválido"),
    m(
        "YY",
        "Qtde de dias para Devolução tem que estar entre 1 e 999",
    ),
    m("YZ", "Quantidade de Produtos Inválida"),
    m("ZA", "Perc. Taxa de Administração Inválido"),
    m("ZB", "Valor do Seguro Inválido"),
    m("ZC", "Percentual do Seguro Inválido"),
    m("ZD", "Valor da Diferença da Parcela Inválido"),
    m("ZE", "Perc. Da Diferença da Parcela Inválido"),
    m("ZF", "Valor Reajuste do Saldo de Caixa Inválido"),
    m("ZG", "Perc. Reajuste do Saldo de Caixa Inválido"),
    m("ZH", "Valor Total a Pagar Inválido"),
    m("ZI", "Percentual ao Total a Pagar Inválido"),
    m("ZJ", "Valor de Outros Acréscimos Inválido"),
    m("ZK", "Perc. De Outros Acréscimos Inválido"),
    m("ZL", "Valor de Outras Deduções Inválido"),
    m("ZM", "Perc. De Outras Deduções Inválido"),
    m("ZN", "Valor da Contribuição Inválida"),
    m("ZO", "Percentual da Contribuição Inválida"),
    m("ZP", "Valor de Juros/Multa Inválido"),
    m("ZQ", "Percentual de Juros/Multa Inválido"),
    m("ZR", "Valor Cobrado Inválido"),
    m("ZS", "Percentual Cobrado Inválido"),
    m("ZT", "Valor Disponibilizado em Caixa Inválido"),
    m("ZU", "Valor Depósito Bancário Inválido"),
    m("ZV", "Valor Aplicações Financeiras Inválido"),
    m("ZW", "Data/Valor Preenchidos, Obrigatório Código Desconto"),
    m("ZX", "Valor Cheques em Cobrança Inválido"),
    m("ZY", "Desconto c/ valor Fixo, Obrigatório Valor do Título"),
    m("ZZ", "Código Movimento Inválido p/ Segmento Y8"),
    m("01", "Código do Banco Inválido"),
    m("02", "Código do Registro Inválido"),
    m("03", "Código do Segmento Inválido"),
    m("04", "Código do Movimento não Permitido p/ Carteira"),
    m("05", "Código do Movimento Inválido"),
    m("06", "Tipo Número Inscrição Beneficiário Inválido"),
    m("07", "Agencia/Conta/DV Inválidos"),
    m("08", "Nosso Número Inválido"),
    m("09", "Nosso Número Duplicado"),
    m("10", "Carteira Inválida"),
    m("11", "Data de Geração Inválida"),
    m("12", "Tipo de Documento Inválido"),
    m("13", "Identif. Da Emissão do Boleto Inválida"),
    m("14", "Identif. Da Distribuição do Boleto Inválida"),
    m("15", "Características Cobrança Incompatíveis"),
    m("16", "Data de Vencimento Inválida"),
    m("17", "Data de Vencimento Anterior à Data de Emissão"),
    m("18", "Vencimento fora do prazo de operação"),
    m(
        "19",
        "Título a Cargo de Bco Correspondentes c/ Vencto Inferior a XX Dias",
    ),
    m("20", "Valor do Título Inválido"),
    m("21", "Espécie do Título Inválida"),
    m("22", "Espécie do Título Não Permitida para a Carteira"),
    m("23", "Aceite Inválido"),
    m("24", "Data da Emissão Inválida"),
    m("25", "Data da Emissão Posterior a Data de Entrada"),
    m("26", "Código de Juros de Mora Inválido"),
    m("27", "Valor/Taxa de Juros de Mora Inválido"),
    m("28", "Código do Desconto Inválido"),
    m("29", "Valor do Desconto Maior ou Igual ao Valor do Título"),
    m("30", "Desconto a Conceder Não Confere"),
    m("31", "Concessão de Desconto - Já Existe Desconto Anterior"),
    m("32", "Valor do IOF Inválido"),
    m("33", "Valor do Abatimento Inválido"),
    m(
        "34",
        "Valor do Abatimento Maior ou Igual ao Valor do Título",
    ),
    m("35", "Valor Abatimento a Conceder Não Confere"),
    m(
        "36",
        "Concessão de Abatimento - Já Existe Abatimento Anterior",
    ),
    m("37", "Código para Protesto Inválido"),
    m("38", "Prazo para Protesto Inválido"),
    m("39", "Pedido de Protesto Não Permitido para o Título"),
    m("40", "Título com Ordem de Protesto Emitida"),
    m(
        "41",
        "Pedido Cancelamento/Sustação p/ Títulos sem Instrução Protesto",
    ),
    m("42", "Código para Baixa/Devolução Inválido"),
    m("43", "Prazo para Baixa/Devolução Inválido"),
    m("44", "Código da Moeda Inválido"),
    m("45", "Nome do Pagador Não Informado"),
    m("46", "Tipo/Número de Inscrição do Pagador Inválidos"),
    m("47", "Endereço do Pagador Não Informado"),
    m("48", "CEP Inválido"),
    m("49", "CEP Sem Praça de Cobrança (Não Localizado)"),
    m("50", "CEP Referente a um Banco Correspondente"),
    m("51", "CEP incompatível com a Unidade da Federação"),
    m("52", "Unidade da Federação Inválida"),
    m(
        "53",
        "Tipo/Número de Inscrição do Sacador/Avalista Inválidos",
    ),
    m("54", "Sacador/Avalista Não Informado"),
    m("55", "Nosso número no Banco Correspondente Não Informado"),
    m("56", "Código do Banco Correspondente Não Informado"),
    m("57", "Código da Multa Inválido"),
    m("58", "Data da Multa Inválida"),
    m("59", "Valor/Percentual da Multa Inválido"),
    m("60", "Movimento para Título Não Cadastrado"),
    m("61", "Alteração da Agência Cobradora/DV Inválida"),
    m("62", "Tipo de Impressão Inválido"),
    m("63", "Entrada para Título já Cadastrado"),
    m("64", "Entrada Inválida para Cobrança Caucionada"),
    m("65", "CEP do Pagador não encontrado"),
    m("66", "Agencia Cobradora não encontrada"),
    m("67", "Agencia Beneficiário não encontrada"),
    m("68", "Movimentação inválida para título"),
    m("69", "Alteração de dados inválida"),
    m("70", "Apelido do cliente não cadastrado"),
    m("71", "Erro na composição do arquivo"),
    m("72", "Lote de serviço inválido"),
    m("73", "Código do Beneficiário inválido"),
    m("74", "Beneficiário não pertencente a Cobrança Eletrônica"),
    m("75", "Nome da Empresa inválido"),
    m("76", "Nome do Banco inválido"),
    m("77", "Código da Remessa inválido"),
    m("78", "Data/Hora Geração do arquivo inválida"),
    m("79", "Número Sequencial do arquivo inválido"),
    m("80", "Versão do Lay out do arquivo inválido"),
    m("81", "Literal REMESSA-TESTE - Válido só p/ fase testes"),
    m("82", "Literal REMESSA-TESTE - Obrigatório p/ fase testes"),
    m("83", "Tp Número Inscrição Empresa inválido"),
    m("84", "Tipo de Operação inválido"),
    m("85", "Tipo de serviço inválido"),
    m("86", "Forma de lançamento inválido"),
    m("87", "Número da remessa inválido"),
    m("88", "Número da remessa menor/igual remessa anterior"),
    m("89", "Lote de serviço divergente"),
    m("90", "Número sequencial do registro inválido"),
    m("91", "Erro seq de segmento do registro detalhe"),
    m("92", "Cod movto divergente entre grupo de segm"),
    m("93", "Qtde registros no lote inválido"),
    m("94", "Qtde registros no lote divergente"),
    m("95", "Qtde lotes no arquivo inválido"),
    m("96", "Qtde lotes no arquivo divergente"),
    m("97", "Qtde registros no arquivo inválido"),
    m("98", "Qtde registros no arquivo divergente"),
    m("99", "Código de DDD inválido"),
];

/// `a` then `b`; `N` must be `a.len() + b.len()` (checked in const evaluation).
#[allow(clippy::indexing_slicing)] // const evaluation: out-of-bounds is a compile error, never a runtime panic
const fn concat<const N: usize>(a: &[MotivoDef], b: &[MotivoDef]) -> [MotivoDef; N] {
    assert!(
        a.len() + b.len() == N,
        "concat: N must be a.len() + b.len()"
    );
    let mut out = [motivo(&[], "", ""); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}

/// Caixa's C047A first (it wins for movimentos 02/03/26/30), FEBRABAN's list for the other movimentos.
const MOTIVOS: &[MotivoDef] =
    &concat::<{ MOTIVOS_C047A.len() + feb::MOTIVOS.len() }>(MOTIVOS_C047A, feb::MOTIVOS);

/// Caixa's description of a C047A code.
fn c047a(code: &str) -> Option<&'static str> {
    MOTIVOS_C047A
        .iter()
        .find(|m| m.code == code)
        .map(|m| m.description)
}

/// Segment W entries are pre-validation notices; every entry keeps its modalidade (see the module docs).
fn retorno_hook(e: &mut RetornoEntry, records: &[Record<'_>], _problems: &mut Vec<crate::Error>) {
    if let Some(t) = records.iter().find(|r| r.layout.name == SEGMENTO_T.name) {
        let modalidade = t.bytes.get(39..41).map(crate::field::decode_text);
        if let Some(m) = modalidade.map(|m| m.trim().to_string()) {
            if !m.is_empty() && e.variacao.is_empty() {
                e.variacao = m;
            }
        }
        // Código de liquidação / baixa (214-215): Pix or another channel.
        if let Some(canal) = t.bytes.get(213..215).map(crate::field::decode_text) {
            crate::layouts::pix::caixa_240_pago_por_pix(e, &canal);
        }
    }
    let Some(w) = records.first().filter(|r| r.layout.name == SEGMENTO_W.name) else {
        return;
    };
    let text = |a: usize, b: usize| {
        w.bytes
            .get(a..b)
            .map(crate::field::decode_text)
            .unwrap_or_default()
    };
    let registro = text(17, 23);
    if let Some(o) = e.ocorrencia.as_mut() {
        o.kind = K::PreCritica;
        o.description = if o.description.is_empty() {
            format!("Retorno da pré-crítica (segmento W) do registro {registro} da remessa")
        } else {
            format!(
                "Retorno da pré-crítica (segmento W) do registro {registro} da remessa: {}",
                o.description
            )
        };
    }
    // 25-157: groups of campo (4, C076) + erro (2, C047A) + one blank.
    let erros = text(24, 157);
    e.motivos = erros
        .as_bytes()
        .chunks(7)
        .filter_map(|g| {
            let campo = std::str::from_utf8(g.get(..4)?).ok()?.trim();
            let erro = std::str::from_utf8(g.get(4..6)?).ok()?.trim();
            if erro.is_empty() {
                return None;
            }
            let what = c047a(erro).unwrap_or("código não listado em C047A");
            Some(Motivo {
                code: erro.to_string(),
                description: Some(format!("campo {campo}: {what}")),
            })
        })
        .collect();
}

/// Caixa SIGCB CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Remessa,
    RECORDS,
    feb::ENTRY_REMESSA,
    feb::MOVIMENTOS,
    MANUAL,
);

/// Caixa SIGCB CNAB 240 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Retorno,
    RECORDS,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MANUAL,
)
.motivos(MOTIVOS)
.retorno_hook(retorno_hook);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c047a_wins_for_its_movimentos_and_febraban_covers_the_rest() {
        assert_eq!(MOTIVOS_C047A.len(), 262);
        let d = |oc: &str, code: &str| RETORNO.motivo(oc, code).map(|m| m.description);
        // C047A p. 66: 88 for movimentos 02/03/26/30
        assert_eq!(
            d("03", "88"),
            Some("Número da remessa menor/igual remessa anterior")
        );
        assert_eq!(
            d("02", "AF"),
            Some("Título não está com situação “Em Aberto”")
        );
        // other movimentos keep FEBRABAN's tables
        assert_eq!(
            d("28", "03"),
            feb::MOTIVOS
                .iter()
                .find(|m| m.code == "03" && m.ocorrencias.contains(&"28"))
                .map(|m| m.description)
        );
    }
}
