//! Santander — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Santander, "Layout de Arquivo Padrão 240 – Cobrança", versão 2.5, setembro/2014 (manual H7815):
//! header de arquivo remessa/retorno pp. 1 and 6, header de lote pp. 1 and 7, segmentos P/Q/R/S pp. 2-4, trailers
//! p. 5, segmentos T/U/Y pp. 8-10; notas 14 (movimento remessa), 40 (movimento retorno), 40-A/40-C (motivos).
//! File header version `040`; batch version `030` in remessas and `040` in retornos.
//! Positions cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab240/Banco/Santander.php` and
//! OpenCnabPHP `src/resources/B033`.
//!
//! Deviations from FEBRABAN (the records in `cnab240-records.tsv`):
//! - header de arquivo: tipo de inscrição at 17, inscrição 18-32 and the código de transmissão 33-47 (remessa), or
//!   agência/conta/código do beneficiário (retorno); no hora de geração;
//! - P: agência 4+DV, conta 9+DV, conta cobrança 9+DV, nosso número 13 positions (45-57, with its DV), tipo de
//!   cobrança (carteira) 58; zero at 225 and prazo de baixa 226-227;
//! - T: nosso número 41-53, carteira 54, seu número 55-69, vencimento 70-77, valor 78-92, banco/agência cobradora
//!   93-100, pagador 128-183, tarifa 194-208, motivos 209-218 (five codes);
//! - Q 210-221: carnê data; Y-03 (Pix) written and read in remessas (`crate::layouts::pix`), read by the retorno
//!   hook in retornos; other Y records kept raw;
//! - the file trailer's lote is the batch number, not 9999, in real retornos: read as a number.
//! - inscrição fields are N 015, zero-filled: the beneficiário's in the headers is a number (an alphanumeric CNPJ
//!   there needs an engine kind for zero-filled alphanumerics), the pagador's is alphanumeric, zero-filled on write;
//! - P 33-42 conta cobrança: written with the conta corrente (as in the real files).
//!
//! Motivo codes 01-64 (nota 40-A) are FEBRABAN's, so FEBRABAN's table is reused.

use crate::bank::{EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::field::RecordLayout;
use crate::layouts::febraban240;
use crate::model::{Layout, PixInfo, RetornoEntry};
use crate::record::Record;

/// The manual.
pub const SOURCE: &str = "Santander Layout de Arquivo Padrão 240 – Cobrança v2.5 (set/2014, H7815)";

// The records (headers pp. 1, 6 and 7, segmentos P/Q/R/S pp. 2-4, T p. 8, Y p. 10, trailers pp. 5 and 10), each
// FEBRABAN's with the fields this manual changes, are data: `cnab240-records.tsv`.
records!("santander/cnab240-records");

/// Remessa records (the Y-03 Pix table is tried before FEBRABAN's Y, kept raw).
pub const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &febraban240::keyed([
    &HEADER_ARQUIVO_REMESSA,
    &HEADER_LOTE_REMESSA,
    &SEGMENTO_P,
    &SEGMENTO_Q,
    &SEGMENTO_R,
    &SEGMENTO_S,
    &crate::layouts::pix::SEGMENTO_Y03,
    &febraban240::SEGMENTO_Y,
    &TRAILER_LOTE_REMESSA,
    &TRAILER_ARQUIVO,
]);

/// Retorno records (segment U and the batch trailer with its totals match FEBRABAN's positions).
pub const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] = &febraban240::keyed([
    &HEADER_ARQUIVO_RETORNO,
    &HEADER_LOTE_RETORNO,
    &SEGMENTO_T,
    &febraban240::SEGMENTO_U,
    &SEGMENTO_Y,
    &febraban240::TRAILER_LOTE,
    &TRAILER_ARQUIVO,
]);

/// Movimento remessa codes (nota 14).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("santander/cnab240-movimentos");

/// Movimento retorno codes (nota 40).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("santander/cnab240-ocorrencias");

/// Entry: P, Q, then R and S when they carry something.
pub const ENTRY_REMESSA: &[EntryRecord] = crate::layouts::pix::ENTRY_REMESSA_240;

/// Entry: T, U, then Y when present.
pub const ENTRY_RETORNO: &[EntryRecord] = febraban240::ENTRY_RETORNO;

/// Santander remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab240,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SOURCE,
);

/// Segmento Y-03 (identificação 18-19 = "03"): Pix data of a boleto híbrido. Santander's v2.5 manual predates it;
/// positions as OpenCnabPHP reads them (`src/resources/B033/retorno/L040/RegistroY03.php`: 20-80 brancos, tipo de
/// chave 81, URL do QR code 82-158, código de identificação (txid) 159-193, brancos 194-240), which the corpus file
/// `opencnabphp__RetornoSantanderPix.RET` fits (location `pix.santander.com.br/qr/v2/cobv/…` at 82-158, txid at
/// 159-190). Y shares its key with Y-04 (cheques), so the sub-record is told apart here, not by the table.
const Y03: (usize, usize, usize, usize) = (81, 82, 159, 194);

/// Retorno hook: the Pix data of a Y-03 into the entry's `pix`.
fn retorno_hook(e: &mut RetornoEntry, records: &[Record<'_>], _problems: &mut Vec<crate::Error>) {
    let (tipo, url, txid, end) = Y03;
    for y in records.iter().filter(|r| r.layout.name == SEGMENTO_Y.name) {
        if y.bytes.get(17..19) != Some(b"03".as_slice()) {
            continue;
        }
        let text = |a: usize, b: usize| {
            y.bytes
                .get(a - 1..b - 1)
                .map(|s| crate::field::decode_text(s).trim().to_string())
                .unwrap_or_default()
        };
        let pix = PixInfo {
            tipo_chave: text(tipo, url),
            url: text(url, txid),
            txid: text(txid, end),
            ..PixInfo::default()
        };
        if pix != PixInfo::default() {
            e.pix = Some(pix);
        }
    }
}

/// Santander retorno (motivos: nota 40-A uses FEBRABAN's codes 01-64 for 03/26/30).
pub const RETORNO: LayoutSpec =
    febraban240::retorno(RECORDS_RETORNO, OCORRENCIAS, febraban240::MOTIVOS, SOURCE)
        .retorno_hook(retorno_hook);

/// CNAB 240 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
