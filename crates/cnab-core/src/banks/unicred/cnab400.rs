//! Unicred (136) — CNAB 400 cobrança, retorno.
//!
//! Source: Unicred do Brasil, "Cobrança Beneficiário Web — Layout de Retorno de Boletos, CNAB 400 posições" (file
//! `manuais/UNICRED/CNAB400/Layout CNAB 400 - Retorno.pdf` in eduardokum/laravel-boleto): section 2 (header,
//! detalhe, trailer) and section 3 "Informações adicionais" (códigos de movimento 109-110, complemento do movimento
//! 319-326). Positions cross-checked against laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Unicred.php` and the
//! corpus file `001-bb/cnab400/retorno/ocal10nbr__CNAB400UNICRED_valor_menor_1.RET` (a Unicred retorno whose header
//! says 001 / "BANCO DO BRASIL"; its details carry 136 as banco recebedor).
//!
//! The complemento do movimento (319-326) is one code of two or three characters ("09", "E10", "101"), not a list
//! of two-character motivos; [`retorno_hook`] reads it.
//!
//! Remessa source: Unicred do Brasil, "Cobrança Web — Layout de Remessa de Boletos, CNAB 400 posições" (file
//! `manuais/UNICRED/CNAB400/Layout CNAB 400 - Remessa.pdf` in eduardokum/laravel-boleto): 5.5.1 header, 5.5.3/5.5.4
//! detalhe tipo 1 and its observações (ocorrências 109-110, códigos de multa/mora/desconto/protesto), 5.5.5 tipo 5
//! (pagador avalista), 5.5.6 tipo 6 (endereço Correios/e-mail do pagador), 5.5.8 tipo 7 (mensagens em lote), 5.5.10
//! trailer. Positions cross-checked against laravel-boleto `src/Cnab/Remessa/Cnab400/Banco/Unicred.php`, Maxwbh
//! brcobranca `lib/brcobranca/remessa/cnab400/unicred.rb` and the three corpus remessas (br_boleto, OCA, pyCobranca).
//!
//! Remessa model notes: the nosso número (193-203) is 10 digits plus its módulo 11 DV in one field; the sacador's
//! name is the "Pagador/Avalista" of the detail (357-394), its inscrição and address the tipo 5 record, whose two
//! messages feed `mensagens[0..2]`. Tipos 6 and 7 are read only.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::{described_motivo, motivo_text, ENTRY_TIPO_1};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{Layout, RetornoEntry};
use crate::record::Record;

/// Source string of the Unicred remessa tables.
pub const SOURCE_REMESSA: &str =
    "Unicred do Brasil, Cobrança Web — Layout de Remessa de Boletos CNAB 400, seção 5.5";

/// Source string of the Unicred tables.
pub const SOURCE: &str =
    "Unicred do Brasil, Cobrança Beneficiário Web — Layout de Retorno de Boletos CNAB 400";

/// Retorno header.
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_retorno", 3, 9, "RETORNO"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 19).default("COBRANCA"),
        F::blank("brancos_1", 20, 26),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::alpha("agencia_dv", 31, 31).role(R::AgenciaDv),
        F::alpha("conta", 32, 39).role(R::Conta),
        F::alpha("conta_dv", 40, 40).role(R::ContaDv),
        F::num("zeros", 41, 46),
        F::alpha("nome_beneficiario", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("UNICREDDOBRASIL"),
        F::date6("data_geracao", 95, 100).role(R::DataGeracao),
        F::num("sequencial_retorno", 101, 107).role(R::Nsa),
        F::alpha("codigo_beneficiario", 108, 121).role(R::CodigoBeneficiario),
        F::blank("brancos_2", 122, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno detalhe.
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3),
        F::num("inscricao_empresa", 4, 17),
        F::num("agencia", 18, 21),
        F::alpha("agencia_dv", 22, 22),
        F::alpha("conta", 23, 30),
        F::alpha("conta_dv", 31, 31),
        F::alpha("codigo_beneficiario", 32, 45),
        F::num("nosso_numero", 46, 62).role(R::NossoNumero),
        F::blank("brancos_1", 63, 73),
        F::num("zero", 74, 74),
        F::alpha("carteira", 75, 75).role(R::Carteira),
        F::blank("brancos_2", 76, 85),
        F::num("fixo_019", 86, 88).default("019"),
        F::num("zeros", 89, 106),
        F::num("fixo_18", 107, 108).default("18"),
        F::num("codigo_movimento", 109, 110).role(R::Ocorrencia),
        F::date6("data_liquidacao", 111, 116).role(R::DataOcorrencia),
        F::blank("brancos_3", 117, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::alpha("banco_recebedor", 166, 168).role(R::BancoCobrador),
        F::alpha("agencia_recebedora", 169, 172).role(R::AgenciaCobradora),
        F::alpha("agencia_recebedora_dv", 173, 173),
        F::blank("brancos_4", 174, 175),
        F::date6("data_repasse", 176, 181).role(R::DataCredito),
        F::dec("tarifa", 182, 188, 2).role(R::Tarifa),
        F::blank("brancos_5", 189, 227),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_pago", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::alpha("seu_numero", 280, 305).role(R::SeuNumero),
        F::dec("valor_liquido", 306, 318, 2).role(R::ValorCreditado),
        F::alpha("complemento_movimento", 319, 326),
        F::alpha("tipo_instrucao_origem", 327, 328),
        F::blank("brancos_6", 329, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer.
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..REMESSA_TRAILER
};

/// Remessa header (5.5.1).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("codigo_beneficiario", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("nome_beneficiario", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("UNICRED"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos_1", 101, 107),
        F::num("variacao_carteira", 108, 110).default("000"),
        F::num("sequencial_arquivo", 111, 117).role(R::Nsa),
        F::blank("brancos_2", 118, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 1 (5.5.3, observações 5.5.4).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("agencia", 2, 6).role(R::Agencia),
        F::alpha("agencia_dv", 7, 7).role(R::AgenciaDv),
        F::num("conta", 8, 19).role(R::Conta),
        F::alpha("conta_dv", 20, 20).role(R::ContaDv),
        F::num("zero", 21, 21),
        F::num("carteira", 22, 24).role(R::Carteira).default("021"),
        F::num("zeros_1", 25, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("codigo_banco", 63, 65).role(R::BancoCodigo),
        F::num("zeros_2", 66, 67),
        F::blank("brancos_1", 68, 92),
        F::num("filler_1", 93, 93),
        F::alpha("codigo_multa", 94, 94)
            .role(R::MultaCodigo)
            .default("3"),
        F::dec("valor_multa", 95, 104, 2).role(R::MultaValor),
        F::alpha("tipo_mora", 105, 105)
            .role(R::JurosCodigo)
            .default("5"),
        F::alpha("titulo_descontavel", 106, 106).default("N"),
        F::blank("brancos_2", 107, 108),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("filler_2", 140, 149),
        F::alpha("codigo_desconto", 150, 150)
            .role(R::DescontoCodigo)
            .default("0"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::num("filler_3", 157, 157),
        F::alpha("codigo_protesto", 158, 158)
            .role(R::ProtestoCodigo)
            .default("3"),
        F::num("dias_protesto", 159, 160).role(R::ProtestoPrazo),
        F::dec("valor_mora", 161, 173, 2).role(R::JurosValor),
        F::date6("data_desconto", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::num("nosso_numero", 193, 203).role(R::NossoNumero),
        F::num("zeros_3", 204, 205),
        F::dec("abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 354).role(R::PagadorCidade),
        F::alpha("pagador_uf", 355, 356).role(R::PagadorUf),
        F::alpha("pagador_avalista", 357, 394).role(R::SacadorNome),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 5, dados do pagador avalista (5.5.5).
pub const REMESSA_AVALISTA: RecordLayout = RecordLayout {
    name: "detalhe_avalista",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "5"),
        F::alpha("email", 2, 121),
        F::num("sacador_tipo_inscricao", 122, 123).role(R::SacadorTipoInscricao),
        F::num("sacador_inscricao", 124, 137).role(R::SacadorInscricao),
        F::alpha("sacador_logradouro", 138, 177),
        F::alpha("sacador_bairro", 178, 189),
        F::num("sacador_cep", 190, 197),
        F::alpha("sacador_cidade", 198, 212),
        F::alpha("sacador_uf", 213, 214),
        F::alpha("mensagem_1", 215, 274).role(R::Mensagem1),
        F::alpha("mensagem_2", 275, 334).role(R::Mensagem2),
        F::blank("brancos", 335, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 6, endereço do pagador no padrão dos Correios e e-mail (5.5.6, 5.5.7). Read only.
pub const REMESSA_ENDERECO: RecordLayout = RecordLayout {
    name: "detalhe_endereco_pagador",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "6"),
        F::alpha("tipo_logradouro", 2, 26),
        F::alpha("logradouro", 27, 86),
        F::alpha("numero", 87, 91),
        F::alpha("complemento", 92, 121),
        F::alpha("bairro", 122, 161),
        F::alpha("cep", 162, 169),
        F::alpha("cidade", 170, 219),
        F::alpha("uf", 220, 221),
        F::alpha("email", 222, 281),
        F::alpha("boleto_por_email", 282, 282),
        F::blank("brancos", 283, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 7, mensagens em lote (5.5.8, 5.5.9). Read only.
pub const REMESSA_MENSAGENS: RecordLayout = RecordLayout {
    name: "detalhe_mensagens",
    len: 400,
    source: SOURCE_REMESSA,
    fields: &[
        F::constant("tipo_registro", 1, 1, "7"),
        F::blank("brancos", 2, 4),
        F::num("numero_linha_1", 5, 6),
        F::alpha("recibo_linha_1", 7, 86),
        F::blank("filler_1", 87, 94),
        F::alpha("ficha_linha_1", 95, 134),
        F::num("numero_linha_2", 135, 136),
        F::alpha("recibo_linha_2", 137, 216),
        F::blank("filler_2", 217, 224),
        F::alpha("ficha_linha_2", 225, 264),
        F::num("numero_linha_3", 265, 266),
        F::alpha("recibo_linha_3", 267, 346),
        F::blank("filler_3", 347, 353),
        F::alpha("ficha_linha_3", 354, 393),
        F::blank("destino_boleto", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer (5.5.10).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE_REMESSA,
    ..crate::banks::shared::TRAILER_400
};

/// Identificação da ocorrência of the remessa (5.5.4, 109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("unicred/cnab400-movimentos");

/// Códigos de movimento (109-110, "Informações adicionais").
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("unicred/cnab400-ocorrencias");

/// Códigos de complemento do movimento (319-326).
pub const MOTIVOS: &[MotivoDef] = codes!("unicred/cnab400-motivos");

/// Reads the complemento do movimento (319-326) as one code; "00" (sem complemento) gives no motivo.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(code) = records
        .first()
        .and_then(|r| r.bytes.get(318..326))
        .and_then(motivo_text)
    else {
        return;
    };
    e.motivos = vec![described_motivo(code, MOTIVOS)];
}

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'5'), &REMESSA_AVALISTA),
    (RecordKey::Detail(b'6'), &REMESSA_ENDERECO),
    (RecordKey::Detail(b'7'), &REMESSA_MENSAGENS),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// A remessa entry: the detail, then the optional tipos 5, 6 and 7.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'5'),
        &[R::SacadorInscricao, R::Mensagem1, R::Mensagem2],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'6')),
    EntryRecord::read_only(RecordKey::Detail(b'7')),
];

/// Unicred CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE_REMESSA,
);

/// Unicred CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
