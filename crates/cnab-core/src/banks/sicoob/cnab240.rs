//! Sicoob (756) — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Sicoob, "Leiaute Cobrança Sicoob — Sistemas de Terceiro" (planilha XLSX, abas "05.Remessa - Opção
//! CNAB240" and "06.Retorno - Opção CNAB240"; layout do arquivo "081", do lote "040"), as shipped in
//! kivanio/brcobranca `docs/Sicoob/`. Cross-checked against brcobranca `lib/brcobranca/remessa/cnab240/sicoob.rb`
//! and `retorno/cnab240/sicoob.rb` and the corpus files.
//!
//! Deviations from FEBRABAN v10.7:
//! - the nosso número field (P 13.3P / T 13.3T, positions 38-57) is split: NumTitulo 38-47 (sequence with its DV,
//!   10 digits), parcela 48-49 ("01" for a single installment), modalidade 50-51, tipo de formulário 52
//!   ("1" auto-copiativo, "3" auto-envelopável, "4" A4 sem envelopamento, "6" A4 3 vias), blanks 53-57;
//! - P 59 forma de cadastramento is "0" and P 60 tipo de documento is blank;
//! - the header convênio (33-52 / 34-53) is blank (the cooperative prefix and conta identify the beneficiário);
//! - retorno movimento codes (C044) add '85' and '86' (protest withdrawal/cancellation) and stop at '60';
//! - remessa movimento codes (C004) are seven of FEBRABAN's ([`MOVIMENTOS`]).

use crate::bank::{LayoutSpec, OcorrenciaDef, RecordKey};
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240 as feb;
use crate::model::{FileKind, Layout};

/// Segmento P (aba 05, campos 01.3P-42.3P).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    feb::SEGMENTO_P,
    "Sicoob, Leiaute Cobrança Sicoob, aba 05.Remessa - Opção CNAB240, Segmento P",
    [
        F::alpha("agencia_conta_dv", 37, 37),
        F::num("nosso_numero", 38, 47).role(R::NossoNumero),
        F::num("parcela", 48, 49).role(R::Parcela).default("01"),
        F::num("modalidade", 50, 51)
            .role(R::Modalidade)
            .default("01"),
        F::num("tipo_formulario", 52, 52).default("4"),
        F::blank("nosso_numero_brancos", 53, 57),
        F::num("carteira", 58, 58).role(R::Carteira).default("1"),
        F::num("forma_cadastramento", 59, 59).default("0"),
        F::alpha("tipo_documento", 60, 60),
        F::num("juros_codigo", 118, 118)
            .role(R::JurosCodigo)
            .default("0"),
        F::alpha("baixa_prazo", 225, 227).role(R::BaixaPrazo),
        F::blank("cnab_2", 240, 240),
    ]
);

/// Segmento T (aba 06, campos 01.3T-29.3T).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    feb::SEGMENTO_T,
    "Sicoob, Leiaute Cobrança Sicoob, aba 06.Retorno - Opção CNAB240, Segmento T",
    [
        F::alpha("agencia_conta_dv", 37, 37),
        F::alpha("nosso_numero", 38, 47).role(R::NossoNumero),
        F::alpha("parcela", 48, 49).role(R::Parcela),
        F::alpha("modalidade", 50, 51).role(R::Modalidade),
        F::alpha("tipo_formulario", 52, 52),
        F::blank("nosso_numero_brancos", 53, 57),
    ]
);

/// Header de lote (aba 05/06, campos 01.1-23.1): FEBRABAN positions, layout do lote "040".
pub const HEADER_LOTE: RecordLayout = patched_layout!(
    feb::HEADER_LOTE,
    "Sicoob, Leiaute Cobrança Sicoob, aba 05.Remessa - Opção CNAB240, Header de Lote",
    [feb::versao_lote("040")]
);

/// Segmento S (aba 05, campos 01.3S-14.3S): FEBRABAN's, with the tipo de impressão (08.3S, position 18) fixed to
/// '3' — "Os tipos de impressão 1 e 2 não são utilizadas" — so a file that uses them is named as such instead of its
/// line number and 140-character message being read as mensagens 5 and 6 (and rewritten as tipo 3).
pub const SEGMENTO_S: RecordLayout = patched_layout!(
    feb::SEGMENTO_S,
    "Sicoob, Leiaute Cobrança Sicoob, aba 05.Remessa - Opção CNAB240, Segmento S (tipo de impressão 3)",
    [F::constant("tipo_impressao", 18, 18, "3")]
);

/// Trailer de lote (aba 05, campos 01.5-15.5): the leiaute makes FEBRABAN's totals numeric — quantity (6) and value
/// (15 + 2 decimals) of titles in cobrança simples (06.5, 07.5), vinculada (08.5, 09.5), caucionada (10.5, 11.5)
/// and descontada (12.5, 13.5). The writer counts every title in cobrança simples, as brcobranca, pycobranca and
/// brboleto write Sicoob remessas (their files are in the corpus); the other groups are zeros. Sicoob's
/// modalidades other than simples (P 50-51) are not distinguished here.
pub const TRAILER_LOTE: RecordLayout = RecordLayout {
    source: "Sicoob, Leiaute Cobrança Sicoob, aba 05.Remessa - Opção CNAB240, Trailer de Lote",
    ..feb::TRAILER_LOTE_NUMERICO
};

/// Every Sicoob record: FEBRABAN file header/trailer and Q/R/U, Sicoob P, S, T and trailer de lote.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &feb::records_with(&[
    &HEADER_LOTE,
    &SEGMENTO_P,
    &SEGMENTO_S,
    &SEGMENTO_T,
    &crate::banks::bb::cnab240::SEGMENTO_Y,
    &TRAILER_LOTE,
]);

/// Código de Movimento Retorno (aba 06, campo 07.3T): FEBRABAN's C044 codes 02 to 60, as the leiaute lists them, plus
/// Sicoob's 85 and 86.
pub const OCORRENCIAS: &[OcorrenciaDef] = &OCORRENCIAS_TABLE;

/// Sicoob's codes after FEBRABAN's.
const SICOOB_EXTRA: &[OcorrenciaDef] = codes!("sicoob/cnab240-ocorrencias-extra");

/// FEBRABAN's list up to code 60 (its last two codes, 61 and 63, are not in Sicoob's leiaute).
const FEBRABAN_UP_TO_60: usize = feb::OCORRENCIAS.len() - 2;
const OCORRENCIAS_TABLE: [OcorrenciaDef; FEBRABAN_UP_TO_60 + 2] =
    crate::bank::extend_ocorrencias(feb::OCORRENCIAS, FEBRABAN_UP_TO_60, SICOOB_EXTRA);

/// Código de movimento remessa (aba 05, campo 07.3P "Cód. Mov.", the same list in 07.3Q/R/S): Sicoob takes
/// these seven of FEBRABAN's C004 and no other — no concessão de abatimento (04) and no alteração do valor nominal
/// (47); its retorno (aba 06, 07.3U) has no confirmation of one either (no 61).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("sicoob/cnab240-movimentos");

/// Sicoob CNAB 240 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Remessa,
    RECORDS,
    feb::ENTRY_REMESSA,
    MOVIMENTOS,
    "Sicoob, Leiaute Cobrança Sicoob — Sistemas de Terceiro, aba 05.Remessa - Opção CNAB240",
);

/// Sicoob CNAB 240 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Retorno,
    RECORDS,
    feb::ENTRY_RETORNO,
    OCORRENCIAS,
    "Sicoob, Leiaute Cobrança Sicoob — Sistemas de Terceiro, aba 06.Retorno - Opção CNAB240",
)
.motivos(feb::MOTIVOS);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];

#[cfg(test)]
mod ocorrencia_tests {
    use super::*;
    use crate::model::OcorrenciaKind as K;

    #[test]
    fn sicoob_codes_are_febrabans_up_to_60_plus_85_86() {
        let codes: Vec<&str> = OCORRENCIAS.iter().map(|o| o.code).collect();
        assert_eq!(codes.len(), 54);
        assert_eq!(codes.first(), Some(&"02"));
        assert_eq!(codes.get(codes.len() - 3..), Some(&["60", "85", "86"][..]));
        assert_eq!(
            RETORNO.ocorrencia("85").map(|o| o.description),
            Some("Confirmação de Desistência de Protesto")
        );
        assert_eq!(
            RETORNO.ocorrencia("06").map(|o| o.kind),
            Some(K::Liquidacao)
        );
    }
}
