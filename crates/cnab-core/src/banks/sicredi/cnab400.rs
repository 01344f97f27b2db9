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

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::Layout;

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
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("sicredi/cnab400-movimentos");

/// §6.2 — ocorrências do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("sicredi/cnab400-ocorrencias");

/// §6.3 — motivos (the tarifa codes of ocorrência 28 first).
pub const MOTIVOS: &[MotivoDef] = codes!("sicredi/cnab400-motivos");

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
