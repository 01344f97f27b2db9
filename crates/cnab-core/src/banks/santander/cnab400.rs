//! Santander — CNAB 400 cobrança (remessa and retorno).
//!
//! Source: Santander, "Layout 400 posições — Padrão Santander, cobrança com registro", H7800 v2.17, abril/2018
//! (`manuais/SANTANDER/novos/H7800 Layout CNAB 400 com registro (padrao 353) Abril 2018 v 2.pdf` in
//! eduardokum/laravel-boleto): registro header, movimento (tipo 1), tipo de pagamento (tipo 8), mensagem variável
//! (tipos 2, 4-7) and trailer of the remessa; header, movimento and trailer of the retorno; códigos de ocorrência of
//! remessa (109-110) and retorno (109-110), Nota 19 (códigos de erro, three 3-digit codes at 137-145). Positions
//! cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Santander.php` and brcobranca
//! `lib/brcobranca/retorno/cnab400/santander.rb`.
//!
//! Espécies (remessa 148-149): 01 duplicata, 02 nota promissória, 03 apólice/nota de seguro, 05 recibo,
//! 06 duplicata de serviço, 07 letra de câmbio, 08 BDP boleto de proposta, 19 BCC boleto cartão de crédito.
//!
//! Model mapping: "código de transmissão" (header 27-46) is the `codigo_beneficiario`, the "conta cobrança"
//! (detail 30-37) the `convenio`; instrução 1 (157-158) feeds the protest code and 392-393 its days. Retorno:
//! "valor total recebido" (254-266) feeds `valor_pago`, "valor do débito ou crédito" (367-379) `valor_creditado`.
//! The error codes are three digits wide, so a retorno hook rebuilds the motivos from 137-145 (the generic
//! normalizer splits motivos in 2-digit codes).

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{Layout, Motivo, RetornoEntry};
use crate::record::Record;

const SRC: &str = "Santander Layout CNAB 400 posições padrão Santander, H7800 v2.17 abril/2018";
const SRC_REM: &str = "Santander CNAB 400 H7800 v2.17 abril/2018, remessa";

records!("santander/cnab400-records");

const fn mensagem(tipo: &'static str) -> [F; 12] {
    [
        F::constant("tipo_registro", 1, 1, tipo),
        F::alpha("uso_banco_1", 2, 17),
        F::alpha("agencia", 18, 21),
        F::alpha("conta_movimento", 22, 29),
        F::alpha("conta_cobranca", 30, 37),
        F::alpha("uso_banco_2", 38, 47),
        F::alpha("mensagem_1", 48, 99),
        F::alpha("mensagem_2", 100, 151),
        F::alpha("mensagem_3", 152, 203),
        F::alpha("uso_banco_3", 204, 382),
        F::alpha("complemento_e_brancos", 383, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ]
}

const MSG2: [F; 12] = mensagem("2");
const MSG4: [F; 12] = mensagem("4");
const MSG5: [F; 12] = mensagem("5");
const MSG6: [F; 12] = mensagem("6");
const MSG7: [F; 12] = mensagem("7");

/// Remessa — mensagem variável por título (tipo 2, recibo do pagador; sub-sequência + 50 caracteres, three times).
pub const MENSAGEM2_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_2",
    len: 400,
    source: SRC_REM,
    fields: &MSG2,
};
/// Remessa — mensagem variável por título (tipo 4).
pub const MENSAGEM4_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_4",
    len: 400,
    source: SRC_REM,
    fields: &MSG4,
};
/// Remessa — mensagem variável por título (tipo 5).
pub const MENSAGEM5_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_5",
    len: 400,
    source: SRC_REM,
    fields: &MSG5,
};
/// Remessa — mensagem variável por título (tipo 6).
pub const MENSAGEM6_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_6",
    len: 400,
    source: SRC_REM,
    fields: &MSG6,
};
/// Remessa — mensagem variável por título (tipo 7).
pub const MENSAGEM7_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_7",
    len: 400,
    source: SRC_REM,
    fields: &MSG7,
};

/// Remessa — código da ocorrência (109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("santander/cnab400-movimentos");

/// Retorno — código de ocorrência (109-110).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("santander/cnab400-ocorrencias");

/// Nota 19 — códigos de erro (137-145), whatever the ocorrência; listed once per code.
pub const MOTIVOS: &[MotivoDef] = codes!("santander/cnab400-motivos");

/// Rebuilds the motivos from the three 3-digit error codes at 137-145 (blank or zero codes are skipped).
fn retorno_hook(e: &mut RetornoEntry, records: &[Record<'_>], _problems: &mut Vec<crate::Error>) {
    let Some(rec) = records.first() else { return };
    let Some(raw) = rec.raw("codigos_erro") else {
        return;
    };
    e.motivos = raw
        .chunks(3)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .map(str::trim)
        .filter(|c| !c.is_empty() && c.bytes().any(|b| b != b'0'))
        .map(|code| Motivo {
            code: code.to_string(),
            description: MOTIVOS
                .iter()
                .find(|d| d.code == code)
                .map(|d| d.description.to_string()),
        })
        .collect();
    crate::layouts::pix::set_pago_por_pix_by_motivo(
        e,
        crate::layouts::pix::SANTANDER_400_PIX_MOTIVOS,
    );
}

const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
    (
        RecordKey::Detail(b'8'),
        &crate::layouts::pix::SANTANDER_400_TIPO8,
    ),
    (RecordKey::Detail(b'2'), &MENSAGEM2_REMESSA),
    (RecordKey::Detail(b'4'), &MENSAGEM4_REMESSA),
    (RecordKey::Detail(b'5'), &MENSAGEM5_REMESSA),
    (RecordKey::Detail(b'6'), &MENSAGEM6_REMESSA),
    (RecordKey::Detail(b'7'), &MENSAGEM7_REMESSA),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    crate::layouts::pix::SANTANDER_400_TIPO8_ENTRY,
    EntryRecord::read_only(RecordKey::Detail(b'2')),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
    EntryRecord::read_only(RecordKey::Detail(b'5')),
    EntryRecord::read_only(RecordKey::Detail(b'6')),
    EntryRecord::read_only(RecordKey::Detail(b'7')),
];

const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_RETORNO),
    (RecordKey::Detail(b'1'), &DETALHE_RETORNO),
    (RecordKey::Detail(b'2'), &PIX_RETORNO),
    (RecordKey::FileTrailer, &TRAILER_RETORNO),
];

const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(RecordKey::Detail(b'2'), &[R::PixChave, R::PixTxid]),
];

/// Santander CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SRC,
);

/// Santander CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RECORDS_RETORNO,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SRC,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
