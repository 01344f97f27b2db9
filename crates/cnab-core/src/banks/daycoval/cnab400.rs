//! Banco Daycoval (707) — CNAB 400 cobrança, remessa and retorno.
//!
//! Daycoval's CNAB 400 cobrança runs on the same processing platform as Banco Fibra's and Banco Pine's ("01600BPI"
//! density literal in the retorno header, identical record layouts). No Daycoval manual is public; the tables are
//! Banco Fibra's ("Produto Cobrança Bancária — Manual do Usuário CNAB 400", ago/2021, see
//! [`crate::banks::fibra::cnab400`]). The independent implementation marcodpt/cnab
//! (`remessa_cobranca/daycoval.js`, `retorno_cobranca/daycoval.js`) writes Daycoval files with exactly these
//! positions (código da empresa 18-37, nosso número 63-73, ocorrência 109-110, valor pago 254-266, erros 378-385,
//! data de crédito 386-391), and the corpus files `marcodptcnab__daycoval.txt` follow them. ACBr
//! (`Fontes/ACBrBoleto/ACBrBancoDaycoval.pas`) reads Daycoval retornos at the same positions and lists the same
//! ocorrência codes (01-43, 96-99) as the Fibra manual's nota 8. Daycoval's remessa accepts a few more movimento
//! codes than Fibra's nota 4 (05, 07, 08, 10, 11, 30, 31, 34, 35, 37, 38, 47 per ACBr); they are written as given
//! and read back as codes, only without a description.

//!
//! One difference in the remessa: Daycoval's nosso número is 8 digits at 63-70, followed by 13 blanks (71-83), where
//! Fibra's manual has 11 digits at 63-73 and a 13-character "nosso número correspondente" at 74-86. The corpus
//! remessa `marcodptcnab__daycoval.txt` (marcodpt/cnab `remessa_cobranca/daycoval.js`) writes eight digits then
//! blanks up to 107, and OpenCnabPHP's Daycoval remessa (`src/resources/B707/remessa/cnab400/Registro1.php`) has
//! `nosso_numero` 063-070 (8), blanks 071-083 and "uso do banco" 084-107. [`REMESSA_DETALHE`] is Fibra's detail with
//! that override: 63-70 nosso número, 71-83 blank, 84-89 blank (the rest of Fibra's correspondente fields); the
//! remaining positions are Fibra's.

use crate::bank::{LayoutSpec, RecordKey};
use crate::banks::fibra::cnab400 as fibra;
use crate::field::{patched, FieldSpec as F, RecordLayout, Role as R};
use crate::model::Layout;

/// Remessa registro de transação, tipo 1: Fibra's with nosso número 63-70 and blanks 71-89 (see the module docs).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: "Banco Fibra CNAB 400 remessa tipo 1 (manual ago/2021 pp. 5-6), nosso número 63-70 + brancos 71-89 as \
             Daycoval's files (marcodpt/cnab, OpenCnabPHP B707)",
    fields: patched!(
        fibra::REMESSA_DETALHE.fields,
        [
            // Fibra's nosso_numero 63-73, nosso_numero_correspondente 74-86 and carteira_correspondente 87-89
            F::num("nosso_numero", 63, 70).role(R::NossoNumero),
            F::blank("brancos_nosso_numero", 71, 83),
            F::blank("uso_banco_1", 84, 89),
        ]
    ),
};

/// Records of a remessa: Fibra's, with Daycoval's detail.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &fibra::REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &fibra::REMESSA_MENSAGEM),
    (RecordKey::Detail(b'4'), &fibra::REMESSA_NOTA_FISCAL),
    (RecordKey::Detail(b'5'), &fibra::REMESSA_SACADOR),
    (RecordKey::FileTrailer, &fibra::REMESSA_TRAILER),
];

/// Daycoval CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    fibra::REMESSA_ENTRY,
    fibra::MOVIMENTOS,
    fibra::SOURCE,
);

/// CNAB 400 layouts of this bank: Banco Fibra's retorno, Daycoval's remessa.
pub const LAYOUTS: &[&LayoutSpec] = &[&fibra::RETORNO, &REMESSA];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_is_fibras_with_the_nosso_numero_override() {
        assert_eq!(REMESSA_DETALHE.check(), Ok(()));
        let nn = REMESSA_DETALHE
            .field("nosso_numero")
            .map(|f| (f.start, f.end));
        assert_eq!(nn, Some((63, 70)));
        assert!(REMESSA_DETALHE
            .field("nosso_numero_correspondente")
            .is_none());
        // every other field is Fibra's, unchanged
        for f in REMESSA_DETALHE
            .fields
            .iter()
            .filter(|f| f.start >= 90 || f.end <= 62)
        {
            assert_eq!(fibra::REMESSA_DETALHE.field(f.name), Some(f), "{}", f.name);
        }
    }
}
