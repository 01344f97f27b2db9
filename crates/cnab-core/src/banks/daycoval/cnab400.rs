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

use crate::bank::LayoutSpec;
use crate::banks::fibra::cnab400 as fibra;

/// CNAB 400 layouts of this bank: Banco Fibra's tables.
pub const LAYOUTS: &[&LayoutSpec] = &[&fibra::RETORNO, &fibra::REMESSA];
