//! CrediSIS (097, Central das Cooperativas de Crédito) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: CrediSIS, "Layout CNAB 400 — Remessa/Retorno", versão 1.1 (junho/2017), file
//! `docs/credisis/LAYOUT CNAB 400 REMESSA_RETORNO Versão -1.1(Junho, 2017).pdf` in kivanio/brcobranca: remessa
//! header 3.1, detalhe 3.2, detalhe opcional 3.3, trailer 3.4 (pp. 7-12); retorno header 4.1, detalhe 4.2, trailer 4.3
//! (pp. 14-16); field descriptions RM.* / RT.* (section 5). Positions cross-checked against brcobranca
//! `lib/brcobranca/remessa/cnab400/credisis.rb` / `retorno/cnab400/credisis.rb` and the corpus models
//! `brcobranca__REMESSA_CNAB400_MODELO.txt` / `brcobranca__RETORNO_CNAB400_MODELO.txt` shipped with the manual.
//!
//! CrediSIS's layout is its own (not Bradesco's): the 20-digit nosso número sits at 57-76 and the operação code at
//! 77-78. The manual's retorno table lists "182-227 brancos, tamanho 059" and then jumps to 241: the blank field is
//! 182-240 (59 positions), as its size says. Juros, multa and desconto values of the detalhe opcional carry 4
//! decimals (RM.DO.13, RM.DO.17, RM.DO.22).

use crate::bank::{records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::Layout;

/// Source string of the CrediSIS tables.
pub const SOURCE: &str = "CrediSIS, Layout CNAB 400 Remessa/Retorno, versão 1.1 (junho/2017)";

/// Remessa header (3.1).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("tipo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("nome_arquivo", 3, 9, "REMESSA"),
        F::constant("tipo_servico", 10, 11, "01"),
        F::alpha("nome_servico", 12, 19).default("COBRANCA"),
        F::blank("brancos_1", 20, 26),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::blank("brancos_2", 31, 31),
        F::num("conta", 32, 39).role(R::Conta),
        F::alpha("conta_dv", 40, 40).role(R::ContaDv),
        F::blank("brancos_3", 41, 46),
        F::alpha("nome_beneficiario", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("CENTRALCREDI"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("sequencial_remessa", 101, 107).role(R::Nsa),
        F::blank("brancos_4", 108, 391),
        F::num("versao_arquivo", 392, 394).default("001"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe (3.2).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_beneficiario", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_beneficiario", 4, 17).role(R::EmpresaInscricao),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("conta", 22, 29).role(R::Conta),
        F::alpha("conta_dv", 30, 30).role(R::ContaDv),
        F::blank("brancos_1", 31, 56),
        F::num("nosso_numero", 57, 76).role(R::NossoNumero),
        F::num("codigo_operacao", 77, 78).role(R::Movimento),
        // The date the operação is requested: the file date when written.
        F::date6("data_operacao", 79, 84).role(R::DataGeracao),
        F::blank("brancos_2", 85, 90),
        F::num("parcela", 91, 92).role(R::Parcela).default("01"),
        F::num("tipo_pagamento", 93, 93).default("3"),
        F::num("tipo_recebimento", 94, 94).default("3"),
        F::num("especie", 95, 96).role(R::Especie),
        F::alpha("tipo_carencia_protesto", 97, 97),
        F::alpha("dias_carencia_protesto", 98, 99).role(R::ProtestoPrazo),
        F::alpha("tipo_envio_protesto", 100, 101).role(R::ProtestoCodigo),
        F::blank("brancos_3", 102, 110),
        F::alpha("numero_documento", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor", 127, 139, 2).role(R::ValorTitulo),
        F::date6("data_limite_pagamento", 140, 145),
        F::blank("brancos_4", 146, 150),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::blank("brancos_5", 157, 157),
        F::num("pagador_tipo_inscricao", 158, 159).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 160, 173).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 174, 213).role(R::PagadorNome),
        F::alpha("pagador_nome_fantasia", 214, 238),
        F::alpha("pagador_logradouro", 239, 273).role(R::PagadorEndereco),
        F::num("pagador_numero", 274, 279),
        F::alpha("pagador_bairro", 280, 304).role(R::PagadorBairro),
        F::alpha("pagador_cidade", 305, 329).role(R::PagadorCidade),
        F::alpha("pagador_uf", 330, 331).role(R::PagadorUf),
        F::num("pagador_cep", 332, 339).role(R::PagadorCep),
        F::alpha("pagador_celular", 340, 350),
        F::alpha("pagador_email", 351, 393),
        F::blank("brancos_6", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe opcional, tipo 2 (3.3): sacador/avalista, instruções, juros, multa, descontos.
pub const REMESSA_OPCIONAL: RecordLayout = RecordLayout {
    name: "detalhe_opcional",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::num("sacador_tipo_inscricao", 2, 3).role(R::SacadorTipoInscricao),
        F::num("sacador_inscricao", 4, 17).role(R::SacadorInscricao),
        F::alpha("sacador_nome", 18, 57).role(R::SacadorNome),
        F::alpha("sacador_logradouro", 58, 92),
        F::num("sacador_numero", 93, 98),
        F::alpha("sacador_complemento", 99, 123),
        F::alpha("sacador_bairro", 124, 148),
        F::alpha("sacador_cidade", 149, 173),
        F::alpha("sacador_uf", 174, 175),
        F::num("sacador_cep", 176, 183),
        F::blank("brancos_1", 184, 184),
        F::alpha("instrucao", 185, 283).role(R::Mensagem1),
        F::blank("brancos_2", 284, 284),
        F::dec("juros_valor", 285, 299, 4).role(R::JurosValor),
        F::alpha("juros_tipo", 300, 300).role(R::JurosCodigo),
        F::alpha("juros_tipo_carencia", 301, 301),
        F::num("juros_dias_carencia", 302, 303),
        F::dec("multa_valor", 304, 318, 4).role(R::MultaValor),
        F::alpha("multa_tipo", 319, 319).role(R::MultaCodigo),
        F::alpha("multa_tipo_carencia", 320, 320),
        F::num("multa_dias_carencia", 321, 322),
        F::date6("desconto_1_data", 323, 328).role(R::DescontoData),
        F::dec("desconto_1_valor", 329, 341, 4).role(R::DescontoValor),
        F::alpha("desconto_1_tipo", 342, 342).role(R::DescontoCodigo),
        F::date6("desconto_2_data", 343, 348).role(R::Desconto2Data),
        F::dec("desconto_2_valor", 349, 361, 4).role(R::Desconto2Valor),
        F::alpha("desconto_2_tipo", 362, 362).role(R::Desconto2Codigo),
        F::date6("desconto_3_data", 363, 368),
        F::dec("desconto_3_valor", 369, 381, 4),
        F::alpha("desconto_3_tipo", 382, 382),
        F::blank("brancos_3", 383, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Trailer of both remessa (3.4) and retorno (4.3).
pub const TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Retorno header (4.1).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    fields: patched!(
        REMESSA_HEADER.fields,
        [
            F::constant("nome_arquivo", 3, 9, "RETORNO"),
            F::date6("data_geracao", 95, 100).role(R::DataGeracao),
            F::num("sequencial_retorno", 101, 107).role(R::Nsa),
        ]
    ),
    ..REMESSA_HEADER
};

/// Retorno detalhe (4.2).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_beneficiario", 2, 3),
        F::num("inscricao_beneficiario", 4, 17),
        F::num("agencia", 18, 21),
        F::num("conta", 22, 29),
        F::alpha("conta_dv", 30, 30),
        F::blank("brancos_1", 31, 56),
        F::num("nosso_numero", 57, 76).role(R::NossoNumero),
        F::num("codigo_operacao", 77, 78).role(R::Ocorrencia),
        F::date6("data_operacao", 79, 84).role(R::DataOcorrencia),
        F::alpha("numero_documento", 85, 94).role(R::SeuNumero),
        F::blank("brancos_2", 95, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::dec("tarifa", 166, 175, 2).role(R::Tarifa),
        F::date6("data_credito", 176, 181).role(R::DataCredito),
        F::blank("brancos_3", 182, 240),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_recebido", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_multa", 267, 279, 2).role(R::JurosMulta),
        F::blank("brancos_4", 280, 337),
        F::num("pagador_tipo_inscricao", 338, 339).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 340, 353).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 354, 393).role(R::PagadorNome),
        F::blank("brancos_5", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Operações of the remessa (RM.D.8).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("credisis/cnab400-movimentos");

/// Operações of the retorno (RT.D.8).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("credisis/cnab400-ocorrencias");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_OPCIONAL),
    (RecordKey::FileTrailer, &TRAILER),
];

/// Records of a remessa title: the detalhe, and the optional detalhe when the title has any of its data.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[
            R::SacadorInscricao,
            R::SacadorNome,
            R::Mensagem1,
            R::JurosValor,
            R::MultaValor,
            R::DescontoValor,
            R::Desconto2Valor,
        ],
    ),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &TRAILER);

/// CrediSIS CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// CrediSIS CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    &[],
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
