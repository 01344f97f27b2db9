//! Pix in the files: the records that carry a título's Pix data (boleto híbrido) in remessas, and the rules the
//! writer checks before writing them.
//!
//! Which layouts carry what (each table below cites its source):
//!
//! | bank, layout | record | written | read |
//! |---|---|---|---|
//! | Santander CNAB 240 | segmento Y-03: tipo de chave 81, chave 82-158, txid 159-193 | yes | yes |
//! | Itaú CNAB 400 | registro tipo 3: chave 2-78, id location 79-142 (`crate::banks::itau::cnab400`) | yes | yes |
//! | Santander CNAB 400 (H7800 v2.33) | registro tipo 8: tipo de pagamento 2-42, tipo de chave 43, chave 44-120, txid 121-155 | yes | yes |
//! | Bradesco, Itaú, C6 CNAB 400 | the same registro tipo 8 as the generators write it (`crate::banks::bradesco::cnab400`) | no | yes |
//! | Bradesco CNAB 400 retorno | registro tipo 4: URL of the QR code 29-105, txid 106-140 (`crate::banks::bradesco::cnab400::PIX_RETORNO`) | yes | yes |
//!
//! The registro tipo 8's first positions (2-42: tipo de pagamento, quantidade de pagamentos, tipo de valor, valores e
//! percentuais máximo e mínimo; Santander H7800 v2.33, notas 16-18) are the título's `pix.pagamento`
//! ([`crate::model::TipoPagamento`]); Santander's is written when the título has Pix data or a tipo de pagamento. The
//! tipo 8 of Bradesco, Itaú and C6 remessas is read but not written: none of those banks' manuals we hold defines it
//! (Bradesco CNAB 400 4008-524-0121; Bradesco's boleto híbrido is set up at the bank, the remessa unchanged and the QR
//! code coming back in the retorno's tipo 4, as BoletoNet/BoletoNetCore pull request #370 reads Bradesco's retorno
//! layout; Itaú CNAB 400 v3 julho/2021, which carries Pix in its own tipo 3; C6 CNAB 400 v2.2 junho/2022); only
//! Maxwbh/brcobranca's `PixMixin` and its port pyCobranca write it, with Santander's positions. A título whose Pix data
//! a layout cannot carry is refused naming the field (`pix.chave`, `pix.txid`, `pix.pagamento`, …), never written
//! without them.
//!
//! CNAB 240 beyond Santander: no manual we hold defines a Pix segment (chave, txid) in the remessa of Banco do Brasil
//! ("Particularidades BB Leiaute CNAB 240", setembro/2023, lists segmentos Y-01, Y-04, Y-05, Y-50 and Y-51 only), Caixa
//! (SIGCB 67.118 v029 out/2022: segmentos Y, Y-04, Y-08, Y-50, Y-53; its retorno says in the motivos of the entrada,
//! P1-P3 and PA-PC, whether the título got its QR code), Sicoob ("Leiaute Cobrança Sicoob — Sistemas de Terceiro",
//! layout 081), Bradesco (4008.524.0339 versão 02), Itaú (cobrança FEBRABAN 240, 2017), Sicredi (CNAB 240 agosto/2019),
//! Banrisul (leiaute CNAB 240 padrão FEBRABAN, 2013), Ailos, Cresol or Unicred. The Y-03 of the corpus remessas for BB,
//! Caixa and Sicoob is Maxwbh/brcobranca's generic `PixMixin` (pyCobranca is its port), which cites no manual and is
//! not a FEBRABAN segmento Y at all: it puts the identificação "03" at 17-18 and a 5-digit movimento "00000" at 19-23,
//! where every segmento Y has the código de movimento at 16-17 (numeric) and the identificação at 18-19 (FEBRABAN 240
//! v10.06, fields 07.3Y and 08.3Y of every segmento Y, G067); tipo de chave 28, chave 29-105, txid 106-140. Reading it
//! would mean taking a misframed record for data no bank defines, so those files are refused at 16-17 and those banks
//! refuse Pix data by name.
//!
//! FEBRABAN's own segmento Y-03 of the 240 layout v10.06 (the edition we have, as BTG ships it:
//! `manuais/BTG/Layout_FEBRABAN_CNAB240_ V_10_06.pdf` in eduardokum/laravel-boleto, p. 72, "Registro Detalhe -
//! Segmento Y-03 (Opcional - Retorno)") is the "informação de dados do pagador" record of the boleto de pagamento
//! eletrônico, not Pix; the Pix Y-03 is the banks' own, so it is listed per bank here and FEBRABAN's generic
//! remessa refuses Pix data.
//!
//! Validation (before anything is written), from the Banco Central's *Manual de Padrões para Iniciação do Pix*,
//! versão 2.6.2: the chave as the DICT formats each type (§1.4: CPF and CNPJ digits with their check digits, e-mail,
//! `+55` phone, random key with its hyphens; see [`boleto::pix::chave_tipo`]); the tipo de chave, when given, one
//! of the layouts' codes 1 CPF, 2 CNPJ, 3 telefone celular, 4 e-mail, 5 chave aleatória and the type of the chave
//! given; the txid of a cobrança com vencimento 26 to 35 characters `A-Z`, `a-z`, `0-9` (Anexo I §5.3, "Ciclo de
//! vida do TransactionID (txid)", p. 34).

use crate::bank::{EntryRecord, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::model::Layout;

/// CNAB 240 segmento Y-03, Pix data of a boleto híbrido, remessa and retorno. Source: Santander, "Layout de Arquivo
/// Padrão 240 – Cobrança" H7815, julho/2022 v4, segmento Y-03 (the txid at 159-193 as eduardokum/laravel-boleto
/// issue #704 quotes it); the other positions as OpenCnabPHP reads them (`src/resources/B033/retorno/L040/
/// RegistroY03.php`), which the corpus retorno `opencnabphp__RetornoSantanderPix.RET` fits. In a remessa 82-158 is
/// the chave; in a retorno Santander returns the QR code's location there (read by the Santander retorno hook).
pub const SEGMENTO_Y03: RecordLayout = RecordLayout {
    name: "segmento_y03_pix",
    len: 240,
    source: "Santander H7815 Layout Cobrança CNAB 240 julho/2022 v4, segmento Y-03 (Pix)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "3"),
        F::num("sequencial", 9, 13).role(R::Sequencial),
        F::constant("segmento", 14, 14, "Y"),
        F::blank("cnab_1", 15, 15),
        F::num("codigo_movimento", 16, 17).role(R::Movimento),
        F::constant("identificacao_registro", 18, 19, "03"),
        F::blank("brancos_1", 20, 80),
        F::alpha("tipo_chave_dict", 81, 81).role(R::PixTipoChave),
        F::alpha("chave_dict", 82, 158).role(R::PixChave),
        F::alpha("txid", 159, 193).role(R::PixTxid),
        F::blank("brancos_2", 194, 240),
    ],
};

/// A CNAB 240 remessa entry with the Pix segmento Y-03: FEBRABAN's P, Q, R, S (written as FEBRABAN's entry writes
/// them), then the Y-03 when the título has a chave or a txid.
pub const ENTRY_REMESSA_240: &[EntryRecord] = &[
    ENTRY_P,
    ENTRY_Q,
    ENTRY_R,
    ENTRY_S,
    EntryRecord::if_any(RecordKey::Segment(b'Y'), &[R::PixChave, R::PixTxid]),
];

#[allow(clippy::indexing_slicing)] // const evaluation: out of bounds is a compile error
const ENTRY_P: EntryRecord = febraban240::ENTRY_REMESSA[0];
#[allow(clippy::indexing_slicing)]
const ENTRY_Q: EntryRecord = febraban240::ENTRY_REMESSA[1];
#[allow(clippy::indexing_slicing)]
const ENTRY_R: EntryRecord = febraban240::ENTRY_REMESSA[2];
#[allow(clippy::indexing_slicing)]
const ENTRY_S: EntryRecord = febraban240::ENTRY_REMESSA[3];

/// Santander CNAB 400 remessa, registro tipo 8 "identificação de tipo de pagamento e dados QR Code" of a boleto
/// híbrido (Boleto SX - PIX). Source: Santander, "Layout de Cobrança 400 posições – Padrão Santander" H7800 v2.33
/// junho/2024 (`manuais/SANTANDER/H7800_Layout_de_Cobrança_353_400_posições_V_2_33_Junho_2024_Português.pdf` on
/// eduardokum/laravel-boleto's develop branch), "Registro Movimento - Remessa – Identificação de Tipo de Pagamento e
/// Dados QR Code": tipo de pagamento 2-3 (nota 16: 00 conforme perfil do beneficiário, 01 aceita qualquer valor,
/// 02 entre o mínimo e o máximo, 03 não aceita valor divergente), quantidade 4-5 (nota 17), tipo de valor 6 (nota
/// 18: 1 %, 2 valor), valor máximo 7-19 9(11)v99, % máximo 20-24 9(3)v99, valor mínimo 25-37, % mínimo 38-42 (the
/// título's `pix.pagamento`), tipo de chave DICT 43 (nota 34: 1 CPF, 2 CNPJ, 3 celular, 4 e-mail, 5 EVP), chave
/// 44-120 (nota 35), txid 121-155 (nota 37: 26 to 35 characters A-Z, a-z, 0-9), reservado 156-394, sequencial
/// 395-400. The record's first edition (v2.17 abril/2018, notas 16-18) had 2-42 only; kivanio/brcobranca PR #268
/// and laravel-boleto `src/Cnab/Remessa/Cnab400/Banco/Santander.php` write the same positions, and the corpus
/// remessas `brcobranca__remessa-santander-cnab400-pix.rem` and `pycobranca__remessa_santander_pix_cnab400.rem` fit.
pub const SANTANDER_400_TIPO8: RecordLayout = RecordLayout {
    name: "detalhe_tipo_pagamento_pix",
    len: 400,
    source: "Santander H7800 v2.33 junho/2024, registro tipo 8 (tipo de pagamento e dados QR Code)",
    fields: &[
        F::constant("tipo_registro", 1, 1, "8"),
        F::num("tipo_pagamento", 2, 3).role(R::PagamentoTipo),
        F::num("quantidade_pagamentos", 4, 5).role(R::PagamentoQuantidade),
        F::num("tipo_valor", 6, 6).role(R::PagamentoTipoValor),
        F::dec("valor_maximo", 7, 19, 2).role(R::PagamentoValorMaximo),
        F::dec("percentual_maximo", 20, 24, 2).role(R::PagamentoPercentualMaximo),
        F::dec("valor_minimo", 25, 37, 2).role(R::PagamentoValorMinimo),
        F::dec("percentual_minimo", 38, 42, 2).role(R::PagamentoPercentualMinimo),
        F::alpha("tipo_chave_dict", 43, 43).role(R::PixTipoChave),
        F::alpha("chave_dict", 44, 120).role(R::PixChave),
        F::alpha("txid", 121, 155).role(R::PixTxid),
        F::blank("brancos", 156, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// The roles of the registro tipo 8's tipo de pagamento (positions 2-42).
pub const PAGAMENTO_ROLES: [R; 7] = [
    R::PagamentoTipo,
    R::PagamentoQuantidade,
    R::PagamentoTipoValor,
    R::PagamentoValorMaximo,
    R::PagamentoPercentualMaximo,
    R::PagamentoValorMinimo,
    R::PagamentoPercentualMinimo,
];

/// The Santander CNAB 400 registro tipo 8 is written when the título has Pix data or a tipo de pagamento.
pub const SANTANDER_400_TIPO8_ENTRY: EntryRecord = EntryRecord::if_any(
    RecordKey::Detail(b'8'),
    &[
        R::PixTipoChave,
        R::PixChave,
        R::PixTxid,
        R::PagamentoTipo,
        R::PagamentoQuantidade,
        R::PagamentoTipoValor,
        R::PagamentoValorMaximo,
        R::PagamentoPercentualMaximo,
        R::PagamentoValorMinimo,
        R::PagamentoPercentualMinimo,
    ],
);

/// Movimento codes a título with Pix QR code data (chave, txid, location) must carry, per bank and layout: Itaú
/// CNAB 400 v3 (julho/2021), p. 13: the tipo 3 goes with ocorrência 71 "Entrada Boleto Pix"; "qualquer outra
/// ocorrência diferente de 71 … será considerada erro (19 - ocorrência inválida)". Santander CNAB 400 H7800 v2.33
/// (junho/2024), p. 4: "é necessário informar o tipo de registro 8 acompanhado com o tipo de registro 1 … com o
/// código de ocorrência 01"; with another code "os dados do QR Code serão desconsiderados".
pub const PIX_MOVIMENTOS: &[(u16, Layout, &[&str], &str)] = &[
    (
        341,
        Layout::Cnab400,
        &["71"],
        "Itaú CNAB 400 v3 julho/2021, p. 13: a título with the Pix record (tipo 3) is entered with ocorrência 71 \"Entrada Boleto Pix\"",
    ),
    (
        33,
        Layout::Cnab400,
        &["01"],
        "Santander H7800 v2.33 junho/2024, \"Boleto SX - PIX\" p. 4: the QR code data of the tipo 8 go with ocorrência 01 \"Entrada de Boleto\"; with any other they are ignored",
    ),
];

/// The layouts' tipo de chave DICT codes (Santander CNAB 240 Y-03 position 81 and CNAB 400 tipo 8 position 43):
/// 1 CPF, 2 CNPJ, 3 telefone celular, 4 e-mail, 5 chave aleatória.
pub fn tipo_chave_code(tipo: boleto::pix::ChaveTipo) -> &'static str {
    use boleto::pix::ChaveTipo as T;
    match tipo {
        T::Cpf => "1",
        T::Cnpj => "2",
        T::Telefone => "3",
        T::Email => "4",
        T::Evp => "5",
        _ => "",
    }
}

/// Why a título's Pix data cannot be written, if they cannot: `(model field, value, reason)`. `carried` are the
/// roles the layout writes for this título.
pub(crate) fn check(
    pix: &crate::model::PixInfo,
    carried: &[R],
) -> Option<(&'static str, String, String)> {
    let given: [(&'static str, &String, R); 6] = [
        ("pix.chave", &pix.chave, R::PixChave),
        ("pix.txid", &pix.txid, R::PixTxid),
        ("pix.location", &pix.location, R::PixLocation),
        ("pix.tipo_chave", &pix.tipo_chave, R::PixTipoChave),
        ("pix.url", &pix.url, R::PixUrl),
        ("pix.emv", &pix.emv, R::PixEmv),
    ];
    for (field, value, role) in given {
        if value.is_empty() || carried.contains(&role) {
            continue;
        }
        // The tipo de chave is implied by the chave: a layout without a field for it (Itaú's tipo 3) still carries it.
        if role == R::PixTipoChave && carried.contains(&R::PixChave) && !pix.chave.is_empty() {
            continue;
        }
        let what = if carried.iter().any(|r| {
            matches!(
                r,
                R::PixChave | R::PixTxid | R::PixLocation | R::PixTipoChave
            )
        }) {
            "this layout's Pix record has no field for it"
        } else {
            "this bank's layout has no Pix record we write (Santander CNAB 240 segmento Y-03, Santander CNAB 400 tipo 8 and Itaú CNAB 400 tipo 3 carry Pix data)"
        };
        return Some((field, value.clone(), format!("{what}: not written")));
    }
    if let Some(p) = pix.pagamento.as_ref().filter(|p| !p.is_empty()) {
        if !PAGAMENTO_ROLES.iter().all(|r| carried.contains(r)) {
            return Some((
                "pix.pagamento",
                format!("{p:?}"),
                "this bank's layout has no tipo de pagamento record we write (Santander CNAB 400 tipo 8 carries it): not written".into(),
            ));
        }
    }
    let mut tipo = None;
    if !pix.chave.is_empty() {
        match boleto::pix::chave_tipo(&pix.chave) {
            Ok(t) => tipo = Some(t),
            Err(e) => return Some(("pix.chave", pix.chave.clone(), e.to_string())),
        }
    }
    if !pix.tipo_chave.is_empty() {
        const CODES: &str = "1 CPF, 2 CNPJ, 3 telefone celular, 4 e-mail, 5 chave aleatória";
        if !matches!(pix.tipo_chave.as_str(), "1" | "2" | "3" | "4" | "5") {
            return Some((
                "pix.tipo_chave",
                pix.tipo_chave.clone(),
                format!("not a tipo de chave DICT code ({CODES})"),
            ));
        }
        match tipo {
            Some(t) if tipo_chave_code(t) != pix.tipo_chave => {
                return Some((
                    "pix.tipo_chave",
                    pix.tipo_chave.clone(),
                    format!(
                        "the chave {:?} is a {} key, code {} ({CODES})",
                        pix.chave,
                        t.as_str(),
                        tipo_chave_code(t)
                    ),
                ))
            }
            None => {
                return Some((
                    "pix.tipo_chave",
                    pix.tipo_chave.clone(),
                    "a tipo de chave without a chave".into(),
                ))
            }
            _ => {}
        }
    }
    if !pix.txid.is_empty() {
        let n = pix.txid.chars().count();
        if let Some(c) = pix.txid.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Some((
                "pix.txid",
                pix.txid.clone(),
                format!("character {c:?}: a txid has only A-Z, a-z, 0-9 (Manual de Padrões para Iniciação do Pix v2.6.2, Anexo I §5.3)"),
            ));
        }
        if !(26..=35).contains(&n) {
            return Some((
                "pix.txid",
                pix.txid.clone(),
                format!("{n} characters: the txid of a cobrança com vencimento has 26 to 35 (Manual de Padrões para Iniciação do Pix v2.6.2, Anexo I §5.3)"),
            ));
        }
    }
    if let Some(c) = pix.location.chars().find(|c| !c.is_ascii_digit()) {
        return Some((
            "pix.location",
            pix.location.clone(),
            format!("character {c:?}: the id location is numeric, 9(64) (Itaú CNAB 400 v3, tipo 3, nota 39)"),
        ));
    }
    None
}

/// The tipo de chave code the layout writes: as given, else the chave's type.
pub(crate) fn tipo_chave_or_inferred(pix: &crate::model::PixInfo) -> String {
    if !pix.tipo_chave.is_empty() || pix.chave.is_empty() {
        return pix.tipo_chave.clone();
    }
    boleto::pix::chave_tipo(&pix.chave)
        .map(|t| tipo_chave_code(t).to_string())
        .unwrap_or_default()
}

/// Retorno: whether a payment came by Pix, where the layout reports the channel by its ocorrência code. Banco
/// Votorantim CNAB 400 v6.2, nota 10 (códigos de ocorrência do retorno, pp. 15-16): 70 "Liquidação PIX" beside
/// 06 "Liquidação normal" — a payment under any other code came by the barcode (or at the counter).
pub const BV_400_PIX_LIQUIDACAO: &[&str] = &["70"];

/// Sets `pago_por_pix` from the entry's ocorrência: `Some(true)` for one of `codes`, `Some(false)` for any other
/// payment, untouched (`None`) when the entry is no payment.
pub(crate) fn set_pago_por_pix(e: &mut crate::model::RetornoEntry, codes: &[&str]) {
    if let Some(o) = &e.ocorrencia {
        if codes.contains(&o.code.as_str()) {
            e.pago_por_pix = Some(true);
        } else if o.kind.is_payment() {
            e.pago_por_pix = Some(false);
        }
    }
}

/// Santander CNAB 400 retorno, H7800 v2.33 junho/2024, "Boleto SX - PIX" (p. 5) and nota 19: a Pix payment of a
/// boleto híbrido comes as movimento 09 "baixa" with código 510 "Baixado por Pagamento via Pix" or, where the
/// beneficiário asked for it, 06 "liquidação" with 511 "Liquidado por Pagamento via Pix" (137-145). By default it
/// comes as 09 with "09-Baixa comandada", which does not say Pix: such an entry is no payment and stays unset; a
/// liquidação without 510/511 came by the barcode either way.
pub const SANTANDER_400_PIX_MOTIVOS: &[&str] = &["510", "511"];

/// Sets `pago_por_pix` from the entry's motivos: `Some(true)` when one of `codes` is among them, `Some(false)` for
/// any other payment, untouched otherwise.
pub(crate) fn set_pago_por_pix_by_motivo(e: &mut crate::model::RetornoEntry, codes: &[&str]) {
    if e.motivos.iter().any(|m| codes.contains(&m.code.as_str())) {
        e.pago_por_pix = Some(true);
    } else if e.ocorrencia.as_ref().is_some_and(|o| o.kind.is_payment()) {
        e.pago_por_pix = Some(false);
    }
}

/// Caixa CNAB 240 SIGCB retorno, "Leiaute de Arquivo Eletrônico Padrão CNAB 240 – Cobrança Bancária CAIXA – SIGCB"
/// 67.118 v029 out/2022 (`manuais/CEF/novos/Manual_de_Leiaute_de_Arquivo_Eletronico_CNAB_240-1.pdf` in
/// eduardokum/laravel-boleto pull request #738), nota C047 item C: the segmento T's 214-215 hold, for movimentos
/// 06, 09 and 17, the código de liquidação / baixa: liquidação 02 casa lotérica, 03 agências CAIXA, 04 compensação
/// eletrônica, 05 compensação convencional, 06 internet banking, 07 correspondente bancário, 08 em cartório,
/// **61 PIX CAIXA, 62 PIX outros bancos**; baixa 09-14 and **15 "comandado banco por pagamento QR Code"**.
pub const CAIXA_240_PIX_LIQUIDACAO: &[&str] = &["61", "62"];
/// The Caixa baixa code of a título paid by its QR code (see [`CAIXA_240_PIX_LIQUIDACAO`]).
pub const CAIXA_240_PIX_BAIXA: &str = "15";

/// Sets `pago_por_pix` from Caixa's código de liquidação / baixa `canal` (segmento T 214-215): `Some(true)` for a
/// liquidação by Pix or a baixa for a QR code payment, `Some(false)` for a payment through another channel, unset
/// when the file does not say (blank or zeros, as files of the earlier editions have).
pub(crate) fn caixa_240_pago_por_pix(e: &mut crate::model::RetornoEntry, canal: &str) {
    let canal = canal.trim();
    if canal.is_empty() || canal.bytes().all(|b| b == b'0') {
        return;
    }
    let Some(o) = e.ocorrencia.as_ref() else {
        return;
    };
    match o.code.as_str() {
        "06" | "17" if CAIXA_240_PIX_LIQUIDACAO.contains(&canal) => e.pago_por_pix = Some(true),
        "09" if canal == CAIXA_240_PIX_BAIXA => e.pago_por_pix = Some(true),
        _ if o.kind.is_payment() => e.pago_por_pix = Some(false),
        _ => {}
    }
}

/// Retorno hook of Banco Votorantim CNAB 400: the payment channel (see [`BV_400_PIX_LIQUIDACAO`]).
pub fn bv_400_retorno_hook(
    e: &mut crate::model::RetornoEntry,
    _records: &[crate::record::Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    set_pago_por_pix(e, BV_400_PIX_LIQUIDACAO);
}
