//! Caixa Econômica Federal — CNAB 400 cobrança (SIGCB).
//!
//! Source: CAIXA, "Leiaute de Arquivo Eletrônico Padrão CNAB 400 — Cobrança Bancária CAIXA – SIGCB", manual
//! 67.126 v004 (jan/2016): Anexo I (header remessa), II (detalhe tipo 1), III (tipo 2, mensagens), IV (trailer
//! remessa), V (header retorno), VI (detalhe retorno), VII (trailer retorno); notas NE017 (movimentos), NE032
//! (motivos de rejeição), NE033 (ocorrências). Positions cross-checked against eduardokum/laravel-boleto
//! `src/Cnab/Retorno/Cnab400/Banco/Caixa.php` and `src/Cnab/Remessa/Cnab400/Banco/Caixa.php`.
//!
//! Notes:
//! - The nosso número is 17 digits: modalidade (57-58: 14 registrada/beneficiário emite, 11 CAIXA emite, …) plus
//!   15 digits (59-73). The model keeps the 15 digits in `nosso_numero` and the modalidade in `variacao`.
//! - The retorno rejection code (80-82) has 3 positions but the manual's codes have two digits; position 80 is kept
//!   apart (always `0`) so the motivo reads as printed in NE032.
//! - Juros (267-279) and multa (280-292) are separate in the retorno (Anexo VI): the entry keeps both (`juros`,
//!   `multa`) and their sum in `juros_multa`.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::{FileKind, Layout};

/// Source string for the tables.
pub const SOURCE: &str =
    "CAIXA Leiaute CNAB 400 Cobrança Bancária SIGCB, manual 67.126 v004 (jan/2016)";

/// Anexo I — header de arquivo remessa.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: "CAIXA SIGCB CNAB 400 v004, Anexo I (registro tipo 0, remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::num("codigo_beneficiario", 31, 36).role(R::CodigoBeneficiario),
        F::blank("uso_caixa_1", 37, 46),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 94).default("C ECON FEDERAL"),
        F::date6("data_geracao", 95, 100).role(R::DataGeracao),
        F::blank("uso_caixa_2", 101, 389),
        F::num("nsa", 390, 394).role(R::Nsa),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Anexo II — detalhe tipo 1 (título), remessa.
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "CAIXA SIGCB CNAB 400 v004, Anexo II (registro tipo 1, remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3).role(R::EmpresaTipoInscricao),
        F::alpha("empresa_inscricao", 4, 17).role(R::EmpresaInscricao),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("codigo_beneficiario", 22, 27).role(R::CodigoBeneficiario),
        F::num("id_emissao", 28, 28).default("2"),
        F::num("id_postagem", 29, 29).default("0"),
        F::num("taxa_permanencia", 30, 31)
            .role(R::JurosCodigo)
            .default("00"),
        F::alpha("uso_empresa", 32, 56).role(R::UsoEmpresa),
        F::num("modalidade", 57, 58)
            .role(R::Modalidade)
            .default("14"),
        F::num("nosso_numero", 59, 73).role(R::NossoNumero),
        F::blank("brancos_1", 74, 76),
        F::alpha("mensagem", 77, 106).role(R::Mensagem1),
        F::num("carteira", 107, 108).role(R::Carteira).default("01"),
        F::num("codigo_ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 147),
        F::num("especie", 148, 149).role(R::Especie).default("01"),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158)
            .role(R::ProtestoCodigo)
            .default("02"),
        F::num("instrucao_2", 159, 160),
        F::dec("juros_mora", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_data", 174, 179).role(R::DescontoData),
        F::dec("desconto_valor", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 2).role(R::Iof),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::date6("multa_data", 352, 357).role(R::MultaData),
        F::dec("multa_valor", 358, 367, 2).role(R::MultaValor),
        F::alpha("sacador_nome", 368, 389).role(R::SacadorNome),
        F::num("instrucao_3", 390, 391),
        F::num("prazo", 392, 393).role(R::ProtestoPrazo),
        F::num("moeda", 394, 394).default("1"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Anexo III — detalhe tipo 2 (mensagens do bloqueto), remessa. Written when a title has messages 2-4.
pub const MENSAGENS_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagens",
    len: 400,
    source: "CAIXA SIGCB CNAB 400 v004, Anexo III (registro tipo 2, remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::num("empresa_tipo_inscricao", 2, 3).role(R::EmpresaTipoInscricao),
        F::alpha("empresa_inscricao", 4, 17).role(R::EmpresaInscricao),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("codigo_beneficiario", 22, 27).role(R::CodigoBeneficiario),
        F::blank("uso_caixa_1", 28, 31),
        F::blank("brancos_1", 32, 56),
        F::num("modalidade", 57, 58)
            .role(R::Modalidade)
            .default("14"),
        F::num("nosso_numero", 59, 73).role(R::NossoNumero),
        F::blank("brancos_2", 74, 106),
        F::num("carteira", 107, 108).role(R::Carteira).default("01"),
        F::num("codigo_ocorrencia", 109, 110).role(R::Movimento),
        F::blank("uso_caixa_2", 111, 139),
        F::num("banco", 140, 142).role(R::BancoCodigo),
        F::alpha("mensagem_1", 143, 182),
        F::alpha("mensagem_2", 183, 222).role(R::Mensagem2),
        F::alpha("mensagem_3", 223, 262).role(R::Mensagem3),
        F::alpha("mensagem_4", 263, 302).role(R::Mensagem4),
        F::alpha("mensagem_5", 303, 342),
        F::alpha("mensagem_6", 343, 382),
        F::blank("uso_caixa_3", 383, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Anexo IV — trailer de arquivo remessa.
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "CAIXA SIGCB CNAB 400 v004, Anexo IV (registro tipo 9, remessa)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::blank("uso_caixa", 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Anexo V — header de arquivo retorno.
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    source: "CAIXA SIGCB CNAB 400 v004, Anexo V (registro tipo 0, retorno)",
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
            F::alpha("literal_retorno", 3, 9).default("RETORNO"),
            F::alpha("mensagem_retorno", 101, 158),
            F::blank("uso_caixa_2", 159, 389),
        ]
    ),
    ..HEADER_REMESSA
};

/// Anexo VI — detalhe tipo 1, retorno.
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "CAIXA SIGCB CNAB 400 v004, Anexo VI (registro tipo 1, retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3),
        F::num("empresa_inscricao", 4, 17),
        F::num("agencia", 18, 21),
        F::num("codigo_beneficiario", 22, 27),
        F::num("id_emissao", 28, 28),
        F::num("id_postagem", 29, 29),
        F::blank("uso_caixa_1", 30, 31),
        F::alpha("uso_empresa", 32, 56).role(R::UsoEmpresa),
        F::num("modalidade", 57, 58).role(R::Modalidade),
        F::num("nosso_numero", 59, 73).role(R::NossoNumero),
        F::blank("uso_caixa_2", 74, 79),
        F::num("motivo_rejeicao_prefixo", 80, 80),
        F::alpha("motivo_rejeicao", 81, 82).role(R::Motivos),
        F::alpha("uso_caixa_3", 83, 106),
        F::num("carteira", 107, 108).role(R::Carteira),
        F::num("codigo_ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::blank("uso_caixa_4", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::num("especie", 174, 175),
        F::dec("valor_tarifa", 176, 188, 2).role(R::Tarifa),
        F::num("canal_liquidacao", 189, 191),
        F::num("forma_liquidacao", 192, 192),
        F::alpha("float_negociado", 193, 194),
        F::date6("data_debito_tarifa", 195, 200),
        F::blank("uso_caixa_5", 201, 214),
        F::dec("valor_iof", 215, 227, 2).role(R::Iof),
        F::dec("valor_abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("valor_desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("valor_juros", 267, 279, 2).role(R::Juros),
        F::dec("valor_multa", 280, 292, 2).role(R::Multa),
        F::num("moeda", 293, 293).default("1"),
        F::date6("data_credito", 294, 299).role(R::DataCredito),
        F::blank("uso_caixa_6", 300, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Anexo VII — trailer de arquivo retorno.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: "CAIXA SIGCB CNAB 400 v004, Anexo VII (registro tipo 9, retorno)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::num("codigo_servico", 3, 4).default("01"),
        F::num("banco", 5, 7).role(R::BancoCodigo),
        F::blank("uso_caixa", 8, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// NE017 — códigos de movimento da remessa.
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("caixa/cnab400-movimentos");

/// NE033 — códigos de ocorrência do retorno.
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("caixa/cnab400-ocorrencias");

/// NE032 — códigos de motivo de rejeição (ocorrência 99).
pub const MOTIVOS: &[MotivoDef] = codes!("caixa/cnab400-motivos");

/// Remessa (Anexos I-IV).
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab400,
    FileKind::Remessa,
    &[
        (RecordKey::FileHeader, &HEADER_REMESSA),
        (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
        (RecordKey::Detail(b'2'), &MENSAGENS_REMESSA),
        (RecordKey::FileTrailer, &TRAILER_REMESSA),
    ],
    &[
        EntryRecord::first(RecordKey::Detail(b'1')),
        EntryRecord::if_any(
            RecordKey::Detail(b'2'),
            &[R::Mensagem2, R::Mensagem3, R::Mensagem4],
        ),
    ],
    MOVIMENTOS,
    SOURCE,
);

/// Retorno (Anexos V-VII).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    &records400(&HEADER_RETORNO, &DETALHE_RETORNO, &TRAILER_RETORNO),
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
