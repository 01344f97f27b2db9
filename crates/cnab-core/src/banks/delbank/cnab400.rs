//! Delbank (435, formerly Delcred SCD) — CNAB 400 cobrança, remessa and retorno.
//!
//! Delbank runs its cobrança on the AUTBANK platform ("01600BPI" density literal in the retorno header, same
//! record layouts, ocorrência and error tables as Banco Fibra and Banco Rendimento). No Delbank manual is public;
//! the layout is AUTBANK's "Troca de Arquivos – Cobrança, Manual do Usuário – Novo CNAB 400" (V2 130504, rev.
//! 14/12/2018, file `manuais/RENDIMENTO/LAYOUT AUTK_novoCNAB400.pdf` in eduardokum/laravel-boleto: remessa pp. 4-10,
//! retorno pp. 12-18), whose tables are field-for-field the ones in [`crate::banks::fibra::cnab400`].
//! Cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Delbank.php` (same positions,
//! same ocorrência and rejeição lists) and the real retorno `laravelboleto__delbank.ret` of the corpus.

use crate::bank::LayoutSpec;
use crate::banks::fibra::cnab400 as autbank;

/// CNAB 400 layouts of this bank: the AUTBANK tables (shared with Banco Fibra).
pub const LAYOUTS: &[&LayoutSpec] = &[&autbank::RETORNO, &autbank::REMESSA];
