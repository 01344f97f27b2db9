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
use crate::field::RecordLayout;
use crate::model::Layout;

/// Source string of the Ourinvest remessa tables.
pub const SOURCE_REM: &str =
    "laravel-boleto src/Cnab/Remessa/Cnab400/Banco/Ourinvest.php (no public Ourinvest manual)";

records!("ourinvest/cnab400-records");

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
