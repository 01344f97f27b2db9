//! Banco Ourinvest (712) — CNAB 400 cobrança, remessa and retorno.
//!
//! No Ourinvest manual is public. laravel-boleto `src/Cnab/Retorno/Cnab400/Banco/Ourinvest.php` reads the retorno at
//! Bradesco's positions (nosso número 071-082, ocorrência 109-110, data de ocorrência 111-116, valores 153-292,
//! data de crédito 296-301, motivos 319-328; trailer quantidade 018-025 / valor 026-039), and its ocorrência codes
//! (06 liquidação, 09/10 baixa, 12-14 instruções, 15 liquidação em cartório, 17 liquidação após baixa, 23 cartório,
//! 28 tarifas) are Bradesco's. The retorno is therefore read with the Bradesco tables
//! ([`crate::banks::bradesco::cnab400`], "Manual Cobrança Bradesco — Layout CNAB 400").
//!
//! The remessa follows laravel-boleto `src/Cnab/Remessa/Cnab400/Banco/Ourinvest.php` (eduardokum/laravel-boleto,
//! commit 0081d0958f6257c39d4594ce2ca466d725cd5b5c), the only public source: header and detail tipo 1 are
//! Bradesco's up to 274 (identificação da empresa 021-037 = zero, carteira, agência, conta, dígito; nosso número
//! 071-082 in 12 digits without a separate DV; no débito automático fields), then the pagador block differs:
//! endereço 275-312, cidade 313-324, UF 325-326, CEP 327-334, sacador/avalista CPF/CNPJ 335-348 and nome 351-394.
//! An optional tipo 2 carries the chave da NF-e (082-125) and the pagador's e-mail (242-321). Movimentos (109-110)
//! are laravel-boleto's constants: 01 remessa, 02 pedido de baixa, 04/05 abatimento, 06 alteração de vencimento,
//! 09 protesto, 18/19 sustar protesto, 31 alteração de outros dados. No Ourinvest remessa is in the corpus.

use crate::bank::{oc, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::bradesco::cnab400 as bradesco;
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{FileKind, Layout, OcorrenciaKind as K};

/// Source string of the Ourinvest remessa tables.
pub const SOURCE_REM: &str =
    "laravel-boleto src/Cnab/Remessa/Cnab400/Banco/Ourinvest.php (no public Ourinvest manual)";

/// Remessa header.
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("identificacao_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("codigo_empresa", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 94).default("Banco Ourinvest"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos_1", 101, 108),
        F::alpha("identificacao_sistema", 109, 110).default("MX"),
        F::num("sequencial_remessa", 111, 117).role(R::Nsa),
        F::blank("brancos_2", 118, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 1.
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::blank("brancos_1", 2, 20),
        F::num("zero", 21, 21),
        F::num("carteira", 22, 24).role(R::Carteira),
        F::num("agencia", 25, 29).role(R::Agencia),
        F::num("conta", 30, 36).role(R::Conta),
        F::alpha("conta_dv", 37, 37).role(R::ContaDv),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("banco_debito", 63, 65),
        F::num("campo_multa", 66, 66).role(R::MultaCodigo),
        F::dec("percentual_multa", 67, 70, 2).role(R::MultaValor),
        F::num("nosso_numero", 71, 82).role(R::NossoNumero),
        F::dec("desconto_bonificacao_dia", 83, 92, 2),
        F::num("condicao_emissao", 93, 93).default("2"),
        F::blank("brancos_2", 94, 108),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("numero_documento", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobranca", 140, 142),
        F::num("agencia_depositaria", 143, 147),
        F::alpha("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
        F::num("instrucao_2", 159, 160).role(R::ProtestoPrazo),
        F::dec("mora_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("desconto_ate", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 2).role(R::Iof),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 312).role(R::PagadorEndereco),
        F::alpha("pagador_cidade", 313, 324).role(R::PagadorCidade),
        F::alpha("pagador_uf", 325, 326).role(R::PagadorUf),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("sacador_inscricao", 335, 348).role(R::SacadorInscricao),
        F::blank("brancos_3", 349, 350),
        F::alpha("sacador_nome", 351, 394).role(R::SacadorNome),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa detalhe tipo 2 (chave da NF-e and e-mail of the pagador; read only).
pub const REMESSA_NFE: RecordLayout = RecordLayout {
    name: "detalhe_nfe",
    len: 400,
    source: SOURCE_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::blank("brancos_1", 2, 81),
        F::alpha("chave_nfe", 82, 125),
        F::blank("brancos_2", 126, 241),
        F::alpha("pagador_email", 242, 321),
        F::blank("brancos_3", 322, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer.
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE_REM,
    ..crate::banks::shared::TRAILER_400
};

/// Movimentos of the remessa (109-110), laravel-boleto's `OCORRENCIA_*` constants.
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    oc("01", K::Informativo, "Remessa"),
    oc("02", K::Informativo, "Pedido de baixa"),
    oc("04", K::Informativo, "Concessão de abatimento"),
    oc("05", K::Informativo, "Cancelamento de abatimento concedido"),
    oc("06", K::Informativo, "Alteração de vencimento"),
    oc("09", K::Informativo, "Pedido de protesto"),
    oc("18", K::Informativo, "Sustar protesto e baixar título"),
    oc("19", K::Informativo, "Sustar protesto e manter em carteira"),
    oc("31", K::Informativo, "Alteração de outros dados"),
];

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_NFE),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::read_only(RecordKey::Detail(b'2')),
];

/// Ourinvest CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab400,
    FileKind::Remessa,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE_REM,
);

/// CNAB 400 layouts of this bank: our remessa and Bradesco's retorno table.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &bradesco::RETORNO];
