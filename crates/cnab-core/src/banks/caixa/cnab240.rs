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
//!   '44'-'47' estornos/liquidação on-line, '61'/'62'; no '11', '15', '17', '29'.

use crate::bank::{oc, Emit, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout, OcorrenciaKind as K};

const MANUAL: &str = "CAIXA, Leiaute CNAB 240 Cobrança Bancária CAIXA — SIGCB, abril/2017";

/// Header de arquivo (remessa 01.0-25.0, layout "101"; retorno same positions, layout "050"/"040").
pub const HEADER_ARQUIVO: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 240,
    source:
        "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Header de Arquivo (remessa 3.1, retorno 4.1)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::constant("lote", 4, 7, "0000"),
        F::constant("tipo_registro", 8, 8, "0"),
        F::blank("cnab_1", 9, 17),
        F::num("tipo_inscricao", 18, 18).role(R::EmpresaTipoInscricao),
        F::alpha("inscricao", 19, 32).role(R::EmpresaInscricao),
        F::num("uso_caixa_1", 33, 52),
        F::num("agencia", 53, 57).role(R::Agencia),
        F::alpha("agencia_dv", 58, 58).role(R::AgenciaDv),
        F::num("codigo_beneficiario", 59, 64).role(R::CodigoBeneficiario),
        F::num("uso_caixa_2", 65, 71),
        F::num("uso_caixa_3", 72, 72),
        F::alpha("empresa_nome", 73, 102).role(R::EmpresaNome),
        F::alpha("banco_nome", 103, 132)
            .role(R::BancoNome)
            .default("CAIXA ECONOMICA FEDERAL"),
        F::blank("cnab_2", 133, 142),
        F::num("codigo_remessa_retorno", 143, 143).role(R::ArquivoCodigo),
        F::date8("data_geracao", 144, 151).role(R::DataGeracao),
        F::num("hora_geracao", 152, 157).role(R::HoraGeracao),
        F::num("nsa", 158, 163).role(R::Nsa),
        F::alpha("versao_layout", 164, 166)
            .role(R::LayoutVersao)
            .default("101"),
        F::alpha("densidade", 167, 171),
        F::alpha("reservado_banco", 172, 191),
        F::alpha("situacao_arquivo", 192, 211).default("REMESSA-PRODUCAO"),
        F::alpha("versao_aplicativo", 212, 215),
        F::blank("cnab_3", 216, 240),
    ],
};

/// Header de lote (remessa 01.1-23.1, layout "060"; retorno same positions, layout "030").
pub const HEADER_LOTE: RecordLayout = RecordLayout {
    name: "header_lote",
    len: 240,
    source: "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Header de Lote (remessa 3.2, retorno 4.2)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "1"),
        F::alpha("operacao", 9, 9).role(R::Operacao),
        F::num("servico", 10, 11).default("01"),
        F::alpha("filler_1", 12, 13).default("00"),
        F::alpha("versao_layout_lote", 14, 16)
            .role(R::LoteLayoutVersao)
            .default("060"),
        F::blank("cnab_1", 17, 17),
        F::num("tipo_inscricao", 18, 18).role(R::EmpresaTipoInscricao),
        F::alpha("inscricao", 19, 33).role(R::EmpresaInscricao),
        F::num("codigo_beneficiario", 34, 39).role(R::CodigoBeneficiario),
        F::num("uso_caixa_1", 40, 53),
        F::num("agencia", 54, 58).role(R::Agencia),
        F::alpha("agencia_dv", 59, 59).role(R::AgenciaDv),
        F::num("codigo_beneficiario_2", 60, 65).role(R::CodigoBeneficiario),
        F::num("codigo_modelo_personalizado", 66, 72),
        F::num("uso_caixa_2", 73, 73),
        F::alpha("empresa_nome", 74, 103).role(R::EmpresaNome),
        F::alpha("mensagem_1", 104, 143),
        F::alpha("mensagem_2", 144, 183),
        F::num("numero_remessa_retorno", 184, 191).role(R::Nsa),
        F::date8("data_gravacao", 192, 199).role(R::DataGeracao),
        F::date8("data_credito", 200, 207).role(R::DataCredito),
        F::blank("cnab_2", 208, 240),
    ],
};

/// Segmento P (campos 01.3P-42.3P).
pub const SEGMENTO_P: RecordLayout = RecordLayout {
    name: "segmento_p",
    len: 240,
    source: "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento P (remessa 3.3)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "3"),
        F::num("sequencial", 9, 13).role(R::Sequencial),
        F::constant("segmento", 14, 14, "P"),
        F::blank("cnab_1", 15, 15),
        F::num("codigo_movimento", 16, 17).role(R::Movimento),
        F::num("agencia", 18, 22).role(R::Agencia),
        F::alpha("agencia_dv", 23, 23).role(R::AgenciaDv),
        F::num("codigo_beneficiario", 24, 29).role(R::CodigoBeneficiario),
        F::num("uso_caixa_1", 30, 37),
        F::num("uso_caixa_2", 38, 39),
        F::num("modalidade_sinco", 40, 40),
        F::num("nosso_numero", 41, 57).role(R::NossoNumero),
        F::num("carteira", 58, 58).role(R::Carteira).default("1"),
        F::num("forma_cadastramento", 59, 59).default("1"),
        F::alpha("tipo_documento", 60, 60).default("2"),
        F::num("emissao_boleto", 61, 61).default("2"),
        F::alpha("distribuicao_boleto", 62, 62).default("0"),
        F::alpha("seu_numero", 63, 73).role(R::SeuNumero),
        F::blank("filler_1", 74, 77),
        F::date8("vencimento", 78, 85).role(R::Vencimento),
        F::dec("valor_titulo", 86, 100, 2).role(R::ValorTitulo),
        F::num("agencia_cobradora", 101, 105),
        F::alpha("agencia_cobradora_dv", 106, 106).default("0"),
        F::num("especie", 107, 108).role(R::Especie).default("99"),
        F::alpha("aceite", 109, 109).role(R::Aceite).default("N"),
        F::date8("data_emissao", 110, 117).role(R::Emissao),
        F::num("juros_codigo", 118, 118)
            .role(R::JurosCodigo)
            .default("3"),
        F::date8("juros_data", 119, 126).role(R::JurosData),
        F::dec("juros_valor", 127, 141, 2).role(R::JurosValor),
        F::num("desconto_codigo", 142, 142).role(R::DescontoCodigo),
        F::date8("desconto_data", 143, 150).role(R::DescontoData),
        F::dec("desconto_valor", 151, 165, 2).role(R::DescontoValor),
        F::dec("valor_iof", 166, 180, 2).role(R::Iof),
        F::dec("valor_abatimento", 181, 195, 2).role(R::Abatimento),
        F::alpha("uso_empresa", 196, 220).role(R::UsoEmpresa),
        F::num("protesto_codigo", 221, 221)
            .role(R::ProtestoCodigo)
            .default("3"),
        F::num("protesto_prazo", 222, 223).role(R::ProtestoPrazo),
        F::num("baixa_codigo", 224, 224)
            .role(R::BaixaCodigo)
            .default("1"),
        F::alpha("baixa_prazo", 225, 227)
            .role(R::BaixaPrazo)
            .default("120"),
        F::num("moeda", 228, 229).default("09"),
        F::num("filler_2", 230, 239),
        F::alpha("pagamento_parcial", 240, 240),
    ],
};

/// Segmento T (campos 01.3T-29.3T).
pub const SEGMENTO_T: RecordLayout = RecordLayout {
    name: "segmento_t",
    len: 240,
    source: "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento T (retorno 4.3)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "3"),
        F::num("sequencial", 9, 13).role(R::Sequencial),
        F::constant("segmento", 14, 14, "T"),
        F::blank("cnab_1", 15, 15),
        F::num("codigo_movimento", 16, 17).role(R::Ocorrencia),
        F::num("agencia", 18, 22).role(R::Agencia),
        F::alpha("agencia_dv", 23, 23).role(R::AgenciaDv),
        F::num("codigo_beneficiario", 24, 29).role(R::CodigoBeneficiario),
        F::alpha("uso_caixa_1", 30, 32).default("000"),
        F::alpha("banco_pagador", 33, 35).default("000"),
        F::alpha("uso_caixa_2", 36, 36).default("0"),
        F::alpha("uso_caixa_3", 37, 38),
        F::alpha("modalidade_sinco", 39, 39).default("0"),
        F::num("nosso_numero", 40, 56).role(R::NossoNumero),
        F::alpha("nosso_numero_dv", 57, 57).role(R::NossoNumeroDv),
        F::num("carteira", 58, 58).role(R::Carteira),
        F::alpha("seu_numero", 59, 69).role(R::SeuNumero),
        F::blank("filler_1", 70, 73),
        F::date8("vencimento", 74, 81).role(R::Vencimento),
        F::dec("valor_titulo", 82, 96, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 97, 99).role(R::BancoCobrador),
        F::num("agencia_cobradora", 100, 104).role(R::AgenciaCobradora),
        F::alpha("agencia_cobradora_dv", 105, 105),
        F::alpha("uso_empresa", 106, 130).role(R::UsoEmpresa),
        F::num("moeda", 131, 132),
        F::num("pagador_tipo_inscricao", 133, 133).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 134, 148).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 149, 188).role(R::PagadorNome),
        F::blank("filler_2", 189, 198),
        F::dec("valor_tarifa", 199, 213, 2).role(R::Tarifa),
        F::alpha("motivos", 214, 223).role(R::Motivos),
        F::blank("cnab_2", 224, 240),
    ],
};

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
    EntryRecord {
        key: RecordKey::Segment(b'T'),
        starts: true,
        emit: Emit::Always,
    },
    EntryRecord {
        key: RecordKey::Segment(b'U'),
        starts: false,
        emit: Emit::Always,
    },
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
    oc("02", K::EntradaConfirmada, "Entrada Confirmada"),
    oc("03", K::EntradaRejeitada, "Entrada Rejeitada"),
    oc(
        "04",
        K::InstrucaoConfirmada,
        "Transferência de Carteira/Entrada",
    ),
    oc(
        "05",
        K::InstrucaoConfirmada,
        "Transferência de Carteira/Baixa",
    ),
    oc("06", K::Liquidacao, "Liquidação"),
    oc(
        "07",
        K::InstrucaoConfirmada,
        "Confirmação do Recebimento da Instrução de Desconto",
    ),
    oc(
        "08",
        K::InstrucaoConfirmada,
        "Confirmação do Recebimento do Cancelamento do Desconto",
    ),
    oc("09", K::Baixa, "Baixa"),
    oc(
        "12",
        K::InstrucaoConfirmada,
        "Confirmação Recebimento Instrução de Abatimento",
    ),
    oc(
        "13",
        K::InstrucaoConfirmada,
        "Confirmação Recebimento Instrução de Cancelamento Abatimento",
    ),
    oc(
        "14",
        K::InstrucaoConfirmada,
        "Confirmação Recebimento Instrução Alteração de Vencimento",
    ),
    oc(
        "19",
        K::Protesto,
        "Confirmação Recebimento Instrução de Protesto",
    ),
    oc(
        "20",
        K::Protesto,
        "Confirmação Recebimento Instrução de Sustação/Cancelamento de Protesto",
    ),
    oc("23", K::Protesto, "Remessa a Cartório"),
    oc("24", K::Protesto, "Retirada de Cartório"),
    oc(
        "25",
        K::Baixa,
        "Protestado e Baixado (Baixa por Ter Sido Protestado)",
    ),
    oc("26", K::InstrucaoRejeitada, "Instrução Rejeitada"),
    oc(
        "27",
        K::InstrucaoConfirmada,
        "Confirmação do Pedido de Alteração de Outros Dados",
    ),
    oc("28", K::Tarifa, "Débito de Tarifas/Custas"),
    oc("30", K::InstrucaoRejeitada, "Alteração de Dados Rejeitada"),
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
    oc("51", K::Informativo, "Título DDA reconhecido pelo pagador"),
    oc(
        "52",
        K::Informativo,
        "Título DDA não reconhecido pelo pagador",
    ),
    oc("53", K::Informativo, "Título DDA recusado pela CIP"),
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

/// Caixa SIGCB CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Remessa,
    RECORDS,
    crate::banks::bb::cnab240::ENTRY_REMESSA,
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
.motivos(feb::MOTIVOS);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
