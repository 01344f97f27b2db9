//! Banco C6 (336) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: C6 Bank, "Intercâmbio de Informações entre Empresas — Layout de Arquivos Cobrança Bancária, Padrão CNAB
//! 400 Posições", versão 2.2, junho 2022 (file `docs/Banco C6/layout-cnab-400-c6-bank-junho-2022.pdf` in
//! Maxwbh/brcobranca): 4.1 header, 4.2 detalhe, 4.3 registro opcional (tipo 2), 4.4 trailer of the remessa; 5.1-5.3
//! header, detalhe and trailer of the retorno; 6 "Descrição dos Campos" (D019 carteiras, D020 códigos de ocorrência
//! da remessa, D024 espécies, D054 códigos de ocorrência do retorno, D063/D064 posições e códigos de erro).
//! Positions cross-checked against Maxwbh/brcobranca `lib/brcobranca/remessa/cnab400/banco_c6.rb` and
//! `lib/brcobranca/retorno/cnab400/banco_c6.rb`, laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/C6.php`,
//! and the corpus remessas (Maxwbh brcobranca, pyCobranca).
//!
//! Espécies (D024): 01 DM, 02 DS, 03 nota promissória, 04 nota de seguro, 05 recibo, 06 letra de câmbio, 07 ficha de
//! compensação, 08 carnê, 09 contrato, 10 cheque, 11 cobrança seriada, 12 mensalidade escolar, 13 nota de débito,
//! 15 documento de dívida, 16 encargos condominiais, 17 conta de prestação de serviços, 31 fatura de cartão de
//! crédito, 33 boleto aporte, 99 outros. Carteiras (D019): 10/20 cobrança simples (emissão banco/cliente), 30/40
//! caucionada, 60 emissão e postagem pelo C6.
//!
//! Model notes: the "código do cedente" (header 27-38) and the "código da empresa" (detail 18-29) both feed
//! `codigo_beneficiario` (the peers write the same number in both). In the remessa the nosso número (63-73) and its
//! DV (74) are separate; for cobrança com registro both are blank (the bank assigns them). The retorno's código de
//! erro (378-393) is up to four 4-digit codes, read by [`retorno_hook`]; their descriptions live in a spreadsheet
//! the manual refers to (section 8) that we do not have, so motivos carry codes only. The PIX record tipo 8 that
//! Maxwbh/brcobranca and pyCobranca write after the detail is read with
//! [`crate::banks::bradesco::cnab400::PIX_TIPO8_REMESSA`]; the C6 manual itself does not define it.

use crate::bank::{records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::shared::{motivo_text, ENTRY_TIPO_1};
use crate::field::{RecordLayout, Role as R};
use crate::model::{Layout, Motivo, RetornoEntry};
use crate::record::Record;

/// Source string of the C6 tables.
pub const SOURCE: &str =
    "C6 Bank, Layout de Arquivos Cobrança Bancária Padrão CNAB 400 Posições, v2.2 junho 2022";

records!("c6/cnab400-records");

/// Códigos de ocorrência da remessa (D020).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("c6/cnab400-movimentos");

/// Códigos de ocorrência do retorno (D054).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("c6/cnab400-ocorrencias");

/// Reads the código de erro (378-393, D064) as up to four 4-digit codes (the generic reader would split it in
/// 2-digit motivos); `0000` is no code.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(raw) = records.first().and_then(|r| r.bytes.get(377..393)) else {
        return;
    };
    e.motivos = raw
        .chunks(4)
        .filter_map(motivo_text)
        .map(|code| Motivo {
            code,
            description: None,
        })
        .collect();
}

/// Records of a remessa (the tipo 8 is the peers' PIX record, see the module doc).
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_OPCIONAL),
    (
        RecordKey::Detail(b'8'),
        &crate::banks::bradesco::cnab400::PIX_TIPO8_REMESSA,
    ),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// A remessa entry: the detail, the registro opcional when the title has messages, the PIX record (read only).
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem1, R::Mensagem2, R::Mensagem3, R::Mensagem4],
    ),
    EntryRecord::read_only(RecordKey::Detail(b'8')),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// C6 CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// C6 CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    &[],
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
