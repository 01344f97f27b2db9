//! Caixa Econômica Federal (104) — CNAB 240 cobrança SIGCB (remessa and retorno).
//!
//! Source: CAIXA, "Leiaute de Arquivo Eletrônico Padrão CNAB 240 — Cobrança Bancária CAIXA — SIGCB", abril/2017
//! (remessa: header de arquivo 01.0-25.0 layout "101", header de lote 01.1-23.1 layout "060", segmentos P/Q/R/S;
//! retorno: header de arquivo layout "050"/"040", header de lote "030", segmentos T/U; códigos C044 p. 62, C047),
//! as shipped in kivanio/brcobranca `docs/Caixa/Manual_Leiaute_CNAB240_SIGCB.pdf`. Positions cross-checked against
//! brcobranca `lib/brcobranca/remessa/cnab240/caixa.rb`, `retorno/cnab240/caixa.rb` and the corpus files.
//!
//! Deviations from FEBRABAN v10.7:
//! - headers: no convênio (33-52 zeros); the beneficiário is identified by the 6-digit "código do beneficiário"
//!   (arquivo 59-64, lote 34-39 and 60-65, P/T 24-29), not by a conta corrente;
//! - header de arquivo 192-211 "situação do arquivo" (`REMESSA-PRODUCAO`/`REMESSA-TESTE`) and 212-215 versão do
//!   aplicativo;
//! - nosso número: 17 positions, modalidade (2: "14" registrada/emissão beneficiário, "11"/"21"/"24") + 15 digits,
//!   in P 41-57 (40: SINCO modalidade, "0" for SIGCB) and in T 40-56 (39: SINCO, 57: DV of the nosso número);
//! - P: seu número 63-73 (11) + blanks 74-77; T: seu número 59-69 (11) + blanks 70-73;
//! - retorno movimento codes (C044) differ: '01' solicitação de impressão, '35'-'41' banco de pagadores,
//!   '44'-'47' estornos/liquidação on-line, '61'/'62'; no '11', '15', '17', '29';
//! - motivos of movimentos 02, 03, 26 and 30 are Caixa's own list C047A (pp. 63-67), not FEBRABAN's ("88" is
//!   "Número da remessa menor/igual remessa anterior", not "e-mail lido"); the others use FEBRABAN's;
//! - segmento W (p. 45) is the "Retorno da Pré-Crítica": a remessa record that the file check flagged, with the
//!   record's position and up to 19 pairs of field code (C076, `CCTS`) and C047A code "não necessariamente um
//!   erro". Its entry gets ocorrência kind [`K::PreCritica`] (whatever its C044 code, typically "02") and one motivo
//!   per pair, described with the field;
//! - the modalidade (T 40-41, the first two positions of the 17-character nosso número) is also kept in the entry's
//!   `variacao`, so it survives a nosso número that cannot be read (template files carry `M1NOSSONUMERO0001`).

use crate::bank::motivo;
use crate::bank::{Emit, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout, Motivo, OcorrenciaKind as K, RetornoEntry};
use crate::record::Record;

const MANUAL: &str = "CAIXA, Leiaute CNAB 240 Cobrança Bancária CAIXA — SIGCB, abril/2017";

/// Header de arquivo (remessa 01.0-25.0, layout "101"; retorno same positions, layout "050"/"040").
pub const HEADER_ARQUIVO: RecordLayout = patched_layout!(
    feb::HEADER_ARQUIVO,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Header de Arquivo (remessa 3.1, retorno 4.1)",
    [
        F::num("uso_caixa_1", 33, 52),
        F::num("codigo_beneficiario", 59, 64).role(R::CodigoBeneficiario),
        F::num("uso_caixa_2", 65, 71),
        F::num("uso_caixa_3", 72, 72),
        feb::banco_nome("CAIXA ECONOMICA FEDERAL"),
        feb::versao_arquivo("101"),
        F::alpha("densidade", 167, 171),
        F::alpha("situacao_arquivo", 192, 211).default("REMESSA-PRODUCAO"),
        F::alpha("versao_aplicativo", 212, 215),
        F::blank("cnab_3", 216, 240),
    ]
);

/// Header de lote (remessa 01.1-23.1, layout "060"; retorno same positions, layout "030").
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    feb::HEADER_LOTE,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Header de Lote (remessa 3.2, retorno 4.2)",
    [
        F::alpha("filler_1", 12, 13).default("00"),
        F::blank("cnab_1", 17, 17),
        F::num("codigo_beneficiario", 34, 39).role(R::CodigoBeneficiario),
        F::num("uso_caixa_1", 40, 53),
        F::num("codigo_beneficiario_2", 60, 65).role(R::CodigoBeneficiario),
        F::num("codigo_modelo_personalizado", 66, 72),
        F::num("uso_caixa_2", 73, 73),
        F::blank("cnab_2", 208, 240),
    ]
);

/// Segmento P (campos 01.3P-42.3P).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    feb::SEGMENTO_P,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento P (remessa 3.3)",
    [
        F::num("codigo_beneficiario", 24, 29).role(R::CodigoBeneficiario),
        F::num("uso_caixa_1", 30, 37),
        F::num("uso_caixa_2", 38, 39),
        F::num("modalidade_sinco", 40, 40),
        F::num("nosso_numero", 41, 57).role(R::NossoNumero),
        F::num("carteira", 58, 58).role(R::Carteira).default("1"),
        F::alpha("tipo_documento", 60, 60).default("2"),
        F::alpha("distribuicao_boleto", 62, 62).default("0"),
        F::alpha("seu_numero", 63, 73).role(R::SeuNumero),
        F::blank("filler_1", 74, 77),
        F::alpha("agencia_cobradora_dv", 106, 106).default("0"),
        F::num("especie", 107, 108).role(R::Especie).default("99"),
        F::num("baixa_codigo", 224, 224)
            .role(R::BaixaCodigo)
            .default("1"),
        F::alpha("baixa_prazo", 225, 227)
            .role(R::BaixaPrazo)
            .default("120"),
        F::num("filler_2", 230, 239),
        F::alpha("pagamento_parcial", 240, 240),
    ]
);

/// Segmento T (campos 01.3T-29.3T).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    feb::SEGMENTO_T,
    "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento T (retorno 4.3)",
    [
        F::num("codigo_beneficiario", 24, 29).role(R::CodigoBeneficiario),
        F::alpha("uso_caixa_1", 30, 32).default("000"),
        F::alpha("banco_pagador", 33, 35).default("000"),
        F::alpha("uso_caixa_2", 36, 36).default("0"),
        F::alpha("uso_caixa_3", 37, 38),
        F::alpha("modalidade_sinco", 39, 39).default("0"),
        F::num("nosso_numero", 40, 56).role(R::NossoNumero),
        F::alpha("nosso_numero_dv", 57, 57).role(R::NossoNumeroDv),
        F::alpha("seu_numero", 59, 69).role(R::SeuNumero),
        F::blank("filler_1", 70, 73),
        F::blank("filler_2", 189, 198),
    ]
);

/// Segmento W (retorno, campos 01.3W-13.3W): a remessa record rejected by the file check, with the record's
/// sequence, then up to 21 groups of field code (4) + error code (2, C047) + blank, kept raw in `erros`.
pub const SEGMENTO_W: RecordLayout = RecordLayout {
    name: "segmento_w",
    len: 240,
    source: "CAIXA, Leiaute CNAB 240 SIGCB, abril/2017, Segmento W (retorno, p. 45)",
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "3"),
        F::num("sequencial", 9, 13).role(R::Sequencial),
        F::constant("segmento", 14, 14, "W"),
        F::blank("cnab_1", 15, 15),
        F::num("codigo_movimento", 16, 17).role(R::Ocorrencia),
        F::num("registro_referencia", 18, 23),
        F::blank("uso_caixa", 24, 24),
        F::alpha("erros", 25, 157),
        F::blank("cnab_2", 158, 240),
    ],
};

/// The retorno entry: T starts, U follows; a W (rejected remessa record) is an entry of its own.
pub const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'T')),
    EntryRecord::always(RecordKey::Segment(b'U')),
    EntryRecord {
        key: RecordKey::Segment(b'W'),
        starts: true,
        emit: Emit::Never,
    },
];

/// Every Caixa record: Caixa headers, P and T; FEBRABAN Q/R/S/U and trailers (same positions in the manual).
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_ARQUIVO),
    (RecordKey::BatchHeader, &HEADER_LOTE),
    (RecordKey::Segment(b'P'), &SEGMENTO_P),
    (RecordKey::Segment(b'Q'), &feb::SEGMENTO_Q),
    (RecordKey::Segment(b'R'), &feb::SEGMENTO_R),
    (RecordKey::Segment(b'S'), &feb::SEGMENTO_S),
    (RecordKey::Segment(b'T'), &SEGMENTO_T),
    (RecordKey::Segment(b'U'), &feb::SEGMENTO_U),
    (
        RecordKey::Segment(b'Y'),
        &crate::banks::bb::cnab240::SEGMENTO_Y,
    ),
    (RecordKey::Segment(b'W'), &SEGMENTO_W),
    (RecordKey::BatchTrailer, &feb::TRAILER_LOTE),
    (RecordKey::FileTrailer, &feb::TRAILER_ARQUIVO),
];

/// Código de Movimento Retorno (C044).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("caixa/cnab240-ocorrencias");

/// C047 A — "Códigos de ocorrências e rejeições (impeditivas e não impeditivas) de '01' a '99'" (pp. 63-67), in the
/// manual's order, for movimentos 02, 03, 26 and 30 (C044: "Os códigos de movimento '02', '03', '26' e '30' estão
/// relacionados com a descrição C047A").
pub const MOTIVOS_C047A: &[MotivoDef] = codes!("caixa/cnab240-motivos-c047a");

/// `a` then `b`; `N` must be `a.len() + b.len()` (checked in const evaluation).
#[allow(clippy::indexing_slicing)] // const evaluation: out-of-bounds is a compile error, never a runtime panic
const fn concat<const N: usize>(a: &[MotivoDef], b: &[MotivoDef]) -> [MotivoDef; N] {
    assert!(
        a.len() + b.len() == N,
        "concat: N must be a.len() + b.len()"
    );
    let mut out = [motivo(&[], "", ""); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}

/// Caixa's C047A first (it wins for movimentos 02/03/26/30), FEBRABAN's list for the other movimentos.
const MOTIVOS: &[MotivoDef] =
    &concat::<{ MOTIVOS_C047A.len() + feb::MOTIVOS.len() }>(MOTIVOS_C047A, feb::MOTIVOS);

/// Caixa's description of a C047A code.
fn c047a(code: &str) -> Option<&'static str> {
    MOTIVOS_C047A
        .iter()
        .find(|m| m.code == code)
        .map(|m| m.description)
}

/// Segment W entries are pre-validation notices; every entry keeps its modalidade (see the module docs).
fn retorno_hook(e: &mut RetornoEntry, records: &[Record<'_>], _problems: &mut Vec<crate::Error>) {
    if let Some(t) = records.iter().find(|r| r.layout.name == SEGMENTO_T.name) {
        let modalidade = t.bytes.get(39..41).map(crate::field::decode_text);
        if let Some(m) = modalidade.map(|m| m.trim().to_string()) {
            if !m.is_empty() && e.variacao.is_empty() {
                e.variacao = m;
            }
        }
        // Código de liquidação / baixa (214-215): Pix or another channel.
        if let Some(canal) = t.bytes.get(213..215).map(crate::field::decode_text) {
            crate::layouts::pix::caixa_240_pago_por_pix(e, &canal);
        }
    }
    let Some(w) = records.first().filter(|r| r.layout.name == SEGMENTO_W.name) else {
        return;
    };
    let text = |a: usize, b: usize| {
        w.bytes
            .get(a..b)
            .map(crate::field::decode_text)
            .unwrap_or_default()
    };
    let registro = text(17, 23);
    if let Some(o) = e.ocorrencia.as_mut() {
        o.kind = K::PreCritica;
        o.description = if o.description.is_empty() {
            format!("Retorno da pré-crítica (segmento W) do registro {registro} da remessa")
        } else {
            format!(
                "Retorno da pré-crítica (segmento W) do registro {registro} da remessa: {}",
                o.description
            )
        };
    }
    // 25-157: groups of campo (4, C076) + erro (2, C047A) + one blank.
    let erros = text(24, 157);
    e.motivos = erros
        .as_bytes()
        .chunks(7)
        .filter_map(|g| {
            let campo = std::str::from_utf8(g.get(..4)?).ok()?.trim();
            let erro = std::str::from_utf8(g.get(4..6)?).ok()?.trim();
            if erro.is_empty() {
                return None;
            }
            let what = c047a(erro).unwrap_or("código não listado em C047A");
            Some(Motivo {
                code: erro.to_string(),
                description: Some(format!("campo {campo}: {what}")),
            })
        })
        .collect();
}

/// Caixa SIGCB CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Remessa,
    RECORDS,
    feb::ENTRY_REMESSA,
    feb::MOVIMENTOS,
    MANUAL,
);

/// Caixa SIGCB CNAB 240 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Retorno,
    RECORDS,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MANUAL,
)
.motivos(MOTIVOS)
.retorno_hook(retorno_hook);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c047a_wins_for_its_movimentos_and_febraban_covers_the_rest() {
        assert_eq!(MOTIVOS_C047A.len(), 262);
        let d = |oc: &str, code: &str| RETORNO.motivo(oc, code).map(|m| m.description);
        // C047A p. 66: 88 for movimentos 02/03/26/30
        assert_eq!(
            d("03", "88"),
            Some("Número da remessa menor/igual remessa anterior")
        );
        assert_eq!(
            d("02", "AF"),
            Some("Título não está com situação “Em Aberto”")
        );
        // other movimentos keep FEBRABAN's tables
        assert_eq!(
            d("28", "03"),
            feb::MOTIVOS
                .iter()
                .find(|m| m.code == "03" && m.ocorrencias.contains(&"28"))
                .map(|m| m.description)
        );
    }
}
