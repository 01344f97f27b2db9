//! Sicredi — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Sicredi, "Manual Cobrança Sicredi — Leiaute CNAB 240" (file header version `081`, batch version `040`;
//! record tables in section "Leiaute do arquivo", field 20.0 of the header p. 17; domain C044 p. 72, C047 p. 73).
//! Sicredi's record positions are FEBRABAN's (the manual numbers every field with FEBRABAN's ids, 01.0 … 20.0,
//! 01.3P …), so the FEBRABAN tables are reused; the nosso número (YY/B/sequencial/DV, 9 digits) is left-aligned in
//! P/T 38-57 and the carteira is `1` (simples) at 58. Cross-checked with brcobranca's `CNAB240SICREDI.CRT` and
//! laravel-boleto `src/Cnab/Retorno/Cnab240/Banco/Sicredi.php`.
//! What differs is the code tables: movimento remessa C004 and movimento retorno C044 (below); motivos C047 are
//! FEBRABAN's.

use crate::bank::{LayoutSpec, OcorrenciaDef, RecordKey};
use crate::field::{
    patched_layout, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T,
};
use crate::layouts::febraban240;
use crate::model::Layout;

/// The manual.
pub const SOURCE: &str =
    "Sicredi Manual Cobrança CNAB 240 (leiaute 081/040; FEBRABAN positions; C044/C047)";

/// Movimento retorno codes (C044).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("sicredi/cnab240-ocorrencias");

/// Trailer de lote of a remessa (manual, "Registro trailer de lote", FEBRABAN fields 01.5-15.5). The totalização
/// fields 06.5-13.5 are numeric (N, zero-filled: never blanks): quantidade (24-29) and valor total (30-46, two
/// decimals) dos títulos em cobrança simples — Sicredi's only carteira (P 58 = `1`, simples), so the writer fills
/// them with the batch's titles and the sum of their valores as written — and zeros for the vinculada, caucionada
/// and descontada totals. The three real remessas of the corpus (brcobranca, OCA, pyCobranca) zero-fill all of
/// them; both read.
pub const TRAILER_LOTE_REMESSA: RecordLayout = patched_layout!(
    febraban240::TRAILER_LOTE,
    SOURCE,
    [
        F::num("qtd_simples", 24, 29).role(R::QtdTitulos),
        F::dec("valor_simples", 30, 46, 2).role(R::ValorTotal),
        F::num("qtd_vinculada", 47, 52),
        F::dec("valor_vinculada", 53, 69, 2),
        F::num("qtd_caucionada", 70, 75),
        F::dec("valor_caucionada", 76, 92, 2),
        F::num("qtd_descontada", 93, 98),
        F::dec("valor_descontada", 99, 115, 2),
    ]
);

/// Remessa records: FEBRABAN's, with the remessa trailer de lote above.
pub const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] =
    &febraban240::records_with(&[&TRAILER_LOTE_REMESSA]);

/// Código de movimento remessa (C004): the fifteen codes of the manual's field 07.3P (p. 38 of the copy in
/// kivanio/brcobranca `docs/Sicredi/Sicredi.Manual.Cnab.240.pdf`; the same list in 07.3Q/R/S/Y), with its
/// descriptions, and the negativação codes 45, 75 and 76 of a later edition (the 2021 manual as OCA/l10n-brazil
/// transcribes it, `l10n_br_account_payment_order/data/cnab_codes/banco_sicred_cnab_240.xml`; eduardokum/
/// laravel-boleto `Cnab/Remessa/Cnab240/Banco/Sicredi.php` lists the fifteen). There is no alteração do valor
/// nominal (FEBRABAN 47): the only other alteração is 31, "alteração de outros dados", whose fields the manual
/// leaves to the bank ("cada banco definirá os campos a serem alterados"), and the retorno (C044) has no
/// confirmation of one (no 61).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("sicredi/cnab240-movimentos");

/// Sicredi remessa (FEBRABAN records, P/Q/R/S).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab240,
    RECORDS_REMESSA,
    febraban240::ENTRY_REMESSA,
    MOVIMENTOS,
    SOURCE,
);

/// Trailer de lote of a retorno (manual 8.12, "Registro trailer de lote"): 06.5 "Quantidade de títulos em cobrança"
/// (simples) is the "somatória dos registros enviados no lote do arquivo, de acordo com o código da carteira", 07.5
/// the "somatória dos valores dos títulos de cobrança enviados no lote"; Sicredi's only carteira is `1`, cobrança
/// simples (14.3T, "Domínio: '1' = Cobrança simples"), so they total the batch's títulos. The corpus retorno
/// (brcobranca `CNAB240SICREDI.CRT`) agrees: 2 títulos of 9.95, 000002 and 19.90. The vinculada, caucionada and
/// descontada totals stay FEBRABAN's (carteira totals, shown only).
pub const TRAILER_LOTE_RETORNO: RecordLayout = patched_layout!(
    febraban240::TRAILER_LOTE,
    SOURCE,
    [
        F::alpha("qtd_simples", 24, 29).total(T::quantidade(S::File)),
        F::alpha("valor_simples", 30, 46).total(T::valor_titulo(S::File)),
    ]
);

/// Retorno records: FEBRABAN's, with the retorno trailer de lote above.
pub const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] =
    &febraban240::records_with(&[&TRAILER_LOTE_RETORNO]);

/// Sicredi retorno (FEBRABAN records, T/U; Sicredi's C044 codes).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab240,
    RECORDS_RETORNO,
    febraban240::ENTRY_RETORNO,
    OCORRENCIAS,
    febraban240::MOTIVOS,
    SOURCE,
);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
