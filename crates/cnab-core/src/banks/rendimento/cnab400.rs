//! Banco Rendimento (633) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Rendimento / AUTBANK, "Troca de Arquivos – Cobrança, Manual do Usuário – Novo CNAB 400" (V2 130504,
//! rev. 14/12/2018; file `manuais/RENDIMENTO/LAYOUT AUTK_novoCNAB400.pdf` in eduardokum/laravel-boleto): remessa
//! header, transação 1, mensagem 2, sacador 5, nota fiscal 4 and trailler (pp. 4-10), retorno header, transação 1,
//! notas 1-8, tabela 2.3 de erros and trailler (pp. 12-18). Every position, code and description of that manual
//! equals Banco Fibra's manual (same AUTBANK platform), so the tables are shared with
//! [`crate::banks::fibra::cnab400`]. Cross-checked against laravel-boleto
//! `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Rendimento.php` and the real remessa `laravelboleto__rendimento.txt`.

use crate::bank::LayoutSpec;
use crate::banks::fibra::cnab400 as autbank;

/// CNAB 400 layouts of this bank: the AUTBANK tables (shared with Banco Fibra).
pub const LAYOUTS: &[&LayoutSpec] = &[&autbank::RETORNO, &autbank::REMESSA];
