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

use crate::bank::{EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::bradesco::cnab400 as bradesco;
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::Layout;

/// Source string of the Ourinvest remessa tables.
pub const SOURCE_REM: &str =
    "laravel-boleto src/Cnab/Remessa/Cnab400/Banco/Ourinvest.php (no public Ourinvest manual)";

/// Remessa header: Bradesco's, with the literals fixed and Ourinvest's name.
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    source: SOURCE_REM,
    fields: patched!(
        bradesco::HEADER_REMESSA.fields,
        [
            F::constant("literal_remessa", 3, 9, "REMESSA"),
            F::constant("codigo_servico", 10, 11, "01"),
            F::alpha("banco_nome", 80, 94).default("Banco Ourinvest"),
        ]
    ),
    ..bradesco::HEADER_REMESSA
};

/// Remessa detalhe tipo 1: Bradesco's up to 274 without the débito automático fields (2-20, 94-108) and with a
/// 12-digit nosso número (71-82, no separate DV); the pagador and sacador block from 275 on is Ourinvest's.
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    source: SOURCE_REM,
    fields: patched!(
        bradesco::DETALHE_REMESSA.fields,
        [
            F::blank("brancos_1", 2, 20),
            F::num("nosso_numero", 71, 82).role(R::NossoNumero),
            F::blank("brancos_2", 94, 108),
            F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
            F::num("instrucao_1", 157, 158).role(R::ProtestoCodigo),
            F::num("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
            F::alpha("pagador_endereco", 275, 312).role(R::PagadorEndereco),
            F::alpha("pagador_cidade", 313, 324).role(R::PagadorCidade),
            F::alpha("pagador_uf", 325, 326).role(R::PagadorUf),
            F::num("pagador_cep", 327, 334).role(R::PagadorCep),
            F::alpha("sacador_inscricao", 335, 348).role(R::SacadorInscricao),
            F::blank("brancos_3", 349, 350),
            F::alpha("sacador_nome", 351, 394).role(R::SacadorNome),
        ]
    ),
    ..bradesco::DETALHE_REMESSA
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
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("ourinvest/cnab400-movimentos");

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
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE_REM,
);

/// CNAB 400 layouts of this bank: our remessa and Bradesco's retorno table.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &bradesco::RETORNO];
