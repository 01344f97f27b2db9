//! Banco Votorantim (BV, 655) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Votorantim, "Cobrança Bancária — Intercâmbio Eletrônico de Arquivos CNAB 400", versão 6.2 (file
//! `manuais/BV/CNAB_400__posições_Cobrança_Banco_Votorantim_6_2.pdf` in tiagoandrepro/laravel-boleto): remessa
//! header (p. 3, layout "CL001"), detalhe tipo 1 (pp. 4-5), detalhe opcional tipo 2 multa (p. 5), tipo 5 sacador
//! (p. 6), trailer (p. 9); retorno header (p. 10, layout "CL002"), detalhe (pp. 11-12), trailer (p. 12); notas 6,
//! 10, 11 (tabelas 1 e 2), 12-14 (pp. 14-18). Positions cross-checked against laravel-boleto (tiagoandrepro)
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Bv.php` and the real retorno `tiagolaravelboleto__bv.ret`.
//!
//! Not modelled: the optional remessa records 7 and 8 (personalised boleto messages, front and back), which only
//! apply to "boleto personalizado" contracts.

use crate::bank::{records400, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::Layout;

/// Source string of the BV tables.
pub const SOURCE: &str =
    "Banco Votorantim, Cobrança Bancária — Intercâmbio Eletrônico de Arquivos CNAB 400 v6.2";

/// Remessa header (p. 3).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::blank("brancos_1", 27, 46),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 99)
            .role(R::BancoNome)
            .default("BANCO VOTORANTIM S/A"),
        F::date6("data_gravacao", 100, 105).role(R::DataGeracao),
        F::blank("brancos_2", 106, 389),
        F::alpha("layout", 390, 394)
            .role(R::LayoutVersao)
            .default("CL001"),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe, tipo 1 (pp. 4-5).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
        F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
        F::alpha("instrucao_cancelada", 18, 19),
        F::alpha("convenio", 20, 29).role(R::Convenio),
        F::alpha("contrato_externo", 30, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::alpha("nosso_numero", 63, 72).role(R::NossoNumero),
        F::num("carteira", 73, 75).role(R::Carteira),
        F::num("ocorrencia", 76, 77).role(R::Movimento),
        F::alpha("numero_duplicata", 78, 87).role(R::SeuNumero),
        F::date6("vencimento", 88, 93).role(R::Vencimento),
        F::dec("valor_titulo", 94, 106, 2).role(R::ValorTitulo),
        F::num("banco_cobranca", 107, 109).role(R::BancoCodigo),
        F::num("agencia_cobranca", 110, 114).default("00001"),
        F::num("especie", 115, 116).role(R::Especie),
        F::alpha("aceite", 117, 117).role(R::Aceite).default("N"),
        F::date6("emissao", 118, 123).role(R::Emissao),
        F::num("instrucao_1", 124, 125).role(R::ProtestoCodigo),
        F::num("instrucao_2", 126, 127).role(R::BaixaCodigo),
        F::blank("brancos_1", 128, 136),
        F::alpha("codigo_mora", 137, 137).role(R::JurosCodigo),
        F::dec("mora_dia", 138, 150, 2).role(R::JurosValor),
        F::date6("desconto_data", 151, 156).role(R::DescontoData),
        F::dec("desconto_valor", 157, 169, 2).role(R::DescontoValor),
        F::num("codigo_desconto", 170, 170).role(R::DescontoCodigo),
        F::dec("iof", 171, 182, 2).role(R::Iof),
        F::dec("abatimento", 183, 195, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 196, 197).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 198, 211).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 212, 251).role(R::PagadorNome),
        F::alpha("pagador_logradouro", 252, 288).role(R::PagadorEndereco),
        F::blank("brancos_2", 289, 291),
        F::alpha("pagador_bairro", 292, 303).role(R::PagadorBairro),
        F::num("pagador_cep", 304, 311).role(R::PagadorCep),
        F::alpha("pagador_cidade", 312, 326).role(R::PagadorCidade),
        F::alpha("pagador_uf", 327, 328).role(R::PagadorUf),
        F::alpha("sacador_nome", 329, 368).role(R::SacadorNome),
        F::date6("data_mora", 369, 374).role(R::JurosData),
        F::num("prazo_protesto", 375, 376).role(R::ProtestoPrazo),
        F::num("moeda", 377, 377).default("0"),
        F::blank("brancos_3", 378, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe opcional tipo 2, multa (p. 5; notas 15-17, 26-27).
pub const REMESSA_MULTA: RecordLayout = RecordLayout {
    name: "multa",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::num("codigo_multa", 2, 2).role(R::MultaCodigo),
        F::date8("data_multa", 3, 10).role(R::MultaData),
        F::dec("multa", 11, 23, 2).role(R::MultaValor),
        F::blank("brancos_1", 24, 24),
        F::num("tipo_pagamento_divergente", 25, 25),
        F::dec("percentual_minimo", 26, 37, 2),
        F::num("zero_1", 38, 38),
        F::dec("percentual_maximo", 39, 50, 2),
        F::num("zero_2", 51, 51),
        F::num("quantidade_parcelas", 52, 53),
        F::blank("brancos_2", 54, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe opcional tipo 5, boleto por e-mail / sacador avalista (p. 6; notas 22-23).
pub const REMESSA_SACADOR: RecordLayout = RecordLayout {
    name: "sacador_avalista",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "5"),
        F::num("regua_cobranca", 2, 3),
        F::alpha("email_pagador", 4, 107),
        F::num("operadora", 108, 109),
        F::num("ddd", 110, 112),
        F::num("celular", 113, 121),
        F::num("sacador_tipo_inscricao", 122, 123).role(R::SacadorTipoInscricao),
        F::num("sacador_inscricao", 124, 137).role(R::SacadorInscricao),
        F::alpha("sacador_logradouro", 138, 177),
        F::alpha("sacador_bairro", 178, 189),
        F::num("sacador_cep", 190, 197),
        F::alpha("sacador_cidade", 198, 212),
        F::alpha("sacador_uf", 213, 214),
        F::blank("brancos", 215, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer (p. 9).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Retorno header (p. 10): the remessa header's with the retorno literals, the convênio and conta at 27-46 and
/// layout `CL002`.
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    fields: patched!(
        REMESSA_HEADER.fields,
        [
            F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
            F::constant("literal_retorno", 3, 9, "RETORNO"),
            F::num("convenio", 27, 36).role(R::Convenio),
            F::num("conta", 37, 46).role(R::Conta),
            F::blank("brancos", 106, 389),
            F::alpha("layout", 390, 394)
                .role(R::LayoutVersao)
                .default("CL002"),
        ]
    ),
    ..REMESSA_HEADER
};

/// Retorno detalhe (pp. 11-12).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3),
        F::num("inscricao_empresa", 4, 17),
        F::num("convenio", 18, 27),
        F::blank("brancos_1", 28, 37),
        F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
        F::alpha("nosso_numero", 63, 72).role(R::NossoNumero),
        F::alpha("nosso_numero_correspondente", 73, 97),
        F::num("carteira", 98, 100).role(R::Carteira),
        F::num("ocorrencia", 101, 102).role(R::Ocorrencia),
        F::num("zeros_1", 103, 110),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::blank("brancos_2", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
        F::num("especie", 174, 175),
        F::dec("tarifa_cobranca", 176, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::num("zeros_2", 202, 214),
        F::dec("iof", 215, 227, 2).role(R::Iof),
        F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto", 241, 253, 2).role(R::Desconto),
        F::dec("valor_principal", 254, 266, 2).role(R::ValorPago),
        F::dec("mora_multa", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_creditos", 280, 292, 2).role(R::OutrosCreditos),
        F::blank("brancos_3", 293, 295),
        F::date6("data_credito", 296, 301).role(R::DataCredito),
        F::alpha("instrucao_cancelada", 302, 303),
        F::num("zeros_3", 304, 312),
        F::num("pagador_dda", 313, 313),
        F::alpha("pagador_nome", 314, 353),
        F::num("zeros_4", 354, 366),
        F::alpha("erros", 367, 374).role(R::Motivos),
        F::num("zeros_5", 375, 376),
        F::num("codigo_liquidacao", 377, 378),
        F::num("zeros_6", 379, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer (p. 12).
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::constant("codigo_retorno", 2, 2, "2"),
        F::num("zeros", 3, 4),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 17),
        F::num("quantidade_titulos", 18, 25).role(R::QtdTitulos),
        F::dec("valor_total", 26, 39, 2).role(R::ValorTotal),
        F::blank("brancos_2", 40, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Códigos de ocorrência of the remessa (nota 6, p. 14).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("bv/cnab400-movimentos");

/// Códigos de ocorrência of the retorno (nota 10, pp. 15-16).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("bv/cnab400-ocorrencias");

/// Error codes at 367-374 (nota 11): tabela 1 for ocorrência 03, tabela 2 for ocorrência 16 (pp. 16-17).
pub const MOTIVOS: &[MotivoDef] = codes!("bv/cnab400-motivos");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MULTA),
    (RecordKey::Detail(b'5'), &REMESSA_SACADOR),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title: tipo 1, then the optional tipo 2 (multa) and tipo 5 (sacador avalista).
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(RecordKey::Detail(b'2'), &[R::MultaValor]),
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::SacadorInscricao]),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// BV CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// BV CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(crate::layouts::pix::bv_400_retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
