//! Banco Pine (643) — CNAB 400 cobrança, remessa and retorno.
//!
//! Banco Pine's CNAB 400 is processed on the same platform as Banco Fibra's ("BPI" density literal, same record
//! layouts, ocorrência and error tables). No Pine manual is public; the tables are Banco Fibra's ("Produto Cobrança
//! Bancária — Manual do Usuário CNAB 400", ago/2021, see [`crate::banks::fibra::cnab400`]), which laravel-boleto
//! also applies to Pine (`src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Pine.php` are field-for-field Fibra's) and which the
//! corpus files `laravelboleto__pine.ret` / `laravelboleto__pine.txt` follow position by position.

use crate::bank::LayoutSpec;
use crate::banks::fibra::cnab400 as fibra;

/// CNAB 400 layouts of this bank: Banco Fibra's tables.
pub const LAYOUTS: &[&LayoutSpec] = &[&fibra::RETORNO, &fibra::REMESSA];
