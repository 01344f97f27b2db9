//! Santander — CNAB 240 cobrança (remessa and retorno).
//!
//! Source: Santander, "Layout de Arquivo Padrão 240 – Cobrança", versão 2.5, setembro/2014 (manual H7815):
//! header de arquivo remessa/retorno pp. 1 and 6, header de lote pp. 1 and 7, segmentos P/Q/R/S pp. 2-4, trailers
//! p. 5, segmentos T/U/Y pp. 8-10; notas 14 (movimento remessa), 40 (movimento retorno), 40-A/40-C (motivos).
//! File header version `040`; batch version `030` in remessas and `040` in retornos.
//! Positions cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab240/Banco/Santander.php` and
//! OpenCnabPHP `src/resources/B033`.
//!
//! Deviations from FEBRABAN:
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
use crate::field::{patched_layout, FieldSpec as F, RecordLayout, Role as R};
use crate::layouts::febraban240;
use crate::model::{Layout, PixInfo, RetornoEntry};
use crate::record::Record;

/// The manual.
pub const SOURCE: &str = "Santander Layout de Arquivo Padrão 240 – Cobrança v2.5 (set/2014, H7815)";

/// What the remessa (p. 1) and retorno (p. 6) file headers print alike where FEBRABAN's differ: the inscrição one
/// position earlier (17, 18-32) and the layout version `040`.
const HEADER_ARQUIVO_COMUNS: &[F] = &[
    F::blank("reservado_1", 9, 16),
    F::num("tipo_inscricao", 17, 17).role(R::EmpresaTipoInscricao),
    F::num("inscricao", 18, 32).role(R::EmpresaInscricao),
    febraban240::versao_arquivo("040"),
];

/// Header de arquivo remessa (p. 1).
pub const HEADER_ARQUIVO_REMESSA: RecordLayout = patched_layout!(
    febraban240::HEADER_ARQUIVO,
    "Santander 240 v2.5 header do arquivo remessa, p. 1",
    HEADER_ARQUIVO_COMUNS,
    [
        F::num("codigo_transmissao", 33, 47).role(R::Convenio),
        F::blank("reservado_2", 48, 72),
        F::blank("reservado_3", 133, 142),
        F::num("codigo_remessa", 143, 143).role(R::ArquivoCodigo),
        F::blank("reservado_4", 152, 157),
        F::blank("reservado_5", 167, 240),
    ]
);

/// Header de arquivo retorno (p. 6).
pub const HEADER_ARQUIVO_RETORNO: RecordLayout = patched_layout!(
    febraban240::HEADER_ARQUIVO,
    "Santander 240 v2.5 header do arquivo retorno, p. 6",
    HEADER_ARQUIVO_COMUNS,
    [
        F::num("agencia", 33, 36).role(R::Agencia),
        F::alpha("agencia_dv", 37, 37).role(R::AgenciaDv),
        F::num("conta", 38, 46).role(R::Conta),
        F::alpha("conta_dv", 47, 47).role(R::ContaDv),
        F::blank("reservado_2", 48, 52),
        F::num("codigo_beneficiario", 53, 61).role(R::CodigoBeneficiario),
        F::blank("reservado_3", 62, 72),
        F::blank("reservado_4", 133, 142),
        F::num("codigo_retorno", 143, 143).role(R::ArquivoCodigo),
        F::blank("reservado_5", 152, 157),
        F::blank("reservado_6", 167, 240),
    ]
);

/// What the remessa (p. 1) and retorno (p. 7) batch headers print alike where FEBRABAN's differ.
const HEADER_LOTE_COMUNS: &[F] = &[
    F::blank("reservado_1", 12, 13),
    F::blank("reservado_2", 17, 17),
    F::num("inscricao", 19, 33).role(R::EmpresaInscricao),
    F::blank("reservado_4", 69, 73),
];

/// Header de lote remessa (p. 1).
pub const HEADER_LOTE_REMESSA: RecordLayout = patched_layout!(
    febraban240::HEADER_LOTE,
    "Santander 240 v2.5 header do lote remessa, p. 1",
    HEADER_LOTE_COMUNS,
    [
        febraban240::versao_lote("030"),
        F::blank("reservado_3", 34, 53),
        F::num("codigo_transmissao", 54, 68).role(R::Convenio),
        F::num("numero_remessa", 184, 191).role(R::Nsa),
        F::blank("reservado_5", 200, 240),
    ]
);

/// Header de lote retorno (p. 7).
pub const HEADER_LOTE_RETORNO: RecordLayout = patched_layout!(
    febraban240::HEADER_LOTE,
    "Santander 240 v2.5 header do lote retorno, p. 7",
    HEADER_LOTE_COMUNS,
    [
        febraban240::versao_lote("040"),
        F::num("codigo_beneficiario", 34, 42).role(R::CodigoBeneficiario),
        F::blank("reservado_3", 43, 53),
        F::num("agencia", 54, 57).role(R::Agencia),
        F::alpha("agencia_dv", 58, 58).role(R::AgenciaDv),
        F::num("conta", 59, 67).role(R::Conta),
        F::alpha("conta_dv", 68, 68).role(R::ContaDv),
        F::blank("reservado_5", 104, 183),
        F::num("numero_retorno", 184, 191).role(R::Nsa),
        F::blank("reservado_6", 200, 240),
    ]
);

/// What P (p. 2) and T (p. 8) print alike: position 15 reserved, agência (4) + DV and conta corrente (9) + DV at
/// 18-32.
const P_T_COMUNS: &[F] = &[
    F::blank("reservado_1", 15, 15),
    F::num("agencia", 18, 21).role(R::Agencia),
    F::alpha("agencia_dv", 22, 22).role(R::AgenciaDv),
    F::num("conta", 23, 31).role(R::Conta),
    F::alpha("conta_dv", 32, 32).role(R::ContaDv),
];

/// Segmento P (p. 2).
pub const SEGMENTO_P: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_P,
    "Santander 240 v2.5 segmento P, p. 2",
    P_T_COMUNS,
    [
        F::num("conta_cobranca", 33, 41).role(R::Conta),
        F::alpha("conta_cobranca_dv", 42, 42).role(R::ContaDv),
        F::blank("reservado_2", 43, 44),
        F::num("nosso_numero", 45, 57).role(R::NossoNumero),
        F::num("tipo_cobranca", 58, 58).role(R::Carteira),
        F::num("tipo_documento", 60, 60).default("1"),
        F::blank("reservado_3", 61, 62),
        F::num("agencia_cobradora", 101, 104),
        F::num("agencia_cobradora_dv", 105, 105),
        F::blank("reservado_4", 106, 106),
        F::num("protesto_codigo", 221, 221)
            .role(R::ProtestoCodigo)
            .default("0"),
        F::num("baixa_codigo", 224, 224)
            .role(R::BaixaCodigo)
            .default("3"),
        F::num("zero_fixo", 225, 225),
        F::num("baixa_prazo", 226, 227).role(R::BaixaPrazo),
        F::num("moeda", 228, 229).default("00"),
        F::blank("reservado_5", 230, 240),
    ]
);

/// Segmento Q (p. 3).
pub const SEGMENTO_Q: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_Q,
    "Santander 240 v2.5 segmento Q, p. 3",
    [
        F::blank("reservado_1", 15, 15),
        F::num("identificador_carne", 210, 212),
        F::num("parcela", 213, 215),
        F::num("total_parcelas", 216, 218),
        F::num("plano", 219, 221),
        F::blank("reservado_2", 222, 240),
    ]
);

/// Segmento R (p. 3).
pub const SEGMENTO_R: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_R,
    "Santander 240 v2.5 segmento R, p. 3",
    [
        F::blank("reservado_1", 15, 15),
        F::blank("reservado_2", 42, 65),
        F::blank("reservado_3", 90, 99),
        F::blank("reservado_4", 180, 240),
    ]
);

/// Segmento S, tipo de impressão 2 (p. 4).
pub const SEGMENTO_S: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_S,
    "Santander 240 v2.5 segmento S (tipo de impressão 2), p. 4",
    [
        F::blank("reservado_1", 15, 15),
        F::alpha("tipo_impressao", 18, 18).default("2"),
        F::blank("reservado_2", 219, 240),
    ]
);

/// Segmento T (p. 8).
pub const SEGMENTO_T: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_T,
    "Santander 240 v2.5 segmento T, p. 8",
    P_T_COMUNS,
    [
        F::alpha("codigo_movimento", 16, 17).role(R::Ocorrencia),
        F::blank("reservado_2", 33, 40),
        F::num("nosso_numero", 41, 53).role(R::NossoNumero),
        F::num("carteira", 54, 54).role(R::Carteira),
        F::alpha("seu_numero", 55, 69).role(R::SeuNumero),
        F::date8("vencimento", 70, 77).role(R::Vencimento),
        F::dec("valor_titulo", 78, 92, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 93, 95).role(R::BancoCobrador),
        F::num("agencia_cobradora", 96, 99).role(R::AgenciaCobradora),
        F::alpha("agencia_cobradora_dv", 100, 100),
        F::alpha("uso_empresa", 101, 125).role(R::UsoEmpresa),
        F::num("moeda", 126, 127),
        F::num("pagador_tipo_inscricao", 128, 128).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 129, 143).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 144, 183).role(R::PagadorNome),
        F::alpha("conta_cobranca", 184, 193),
        F::dec("valor_tarifa", 194, 208, 2).role(R::Tarifa),
        F::alpha("motivos", 209, 218).role(R::Motivos),
        F::blank("reservado_3", 219, 240),
    ]
);

/// Segmento Y (optional, retorno; Y-03 carries the PIX QR data): kept raw.
pub const SEGMENTO_Y: RecordLayout = patched_layout!(
    febraban240::SEGMENTO_Y,
    "Santander 240 v2.5 segmento Y, p. 10 (Y-04 cheques; Y-03 PIX in later editions), kept raw",
    [
        F::blank("reservado_1", 15, 15),
        F::num("codigo_movimento", 16, 17),
        F::alpha("identificacao_registro_opcional", 18, 19),
    ]
);

/// Trailer de arquivo (pp. 5 and 10): the lote is read as a number (real retornos repeat the batch number).
pub const TRAILER_ARQUIVO: RecordLayout = patched_layout!(
    febraban240::TRAILER_ARQUIVO,
    "Santander 240 v2.5 trailer de arquivo, pp. 5, 10",
    [
        F::num("lote", 4, 7).role(R::Lote),
        F::blank("reservado_1", 9, 17),
        F::blank("reservado_2", 30, 240),
    ]
);

/// Trailer de lote remessa (p. 5): only the count.
pub const TRAILER_LOTE_REMESSA: RecordLayout = patched_layout!(
    febraban240::TRAILER_LOTE,
    "Santander 240 v2.5 trailer de lote remessa, p. 5",
    [
        F::blank("reservado_1", 9, 17),
        F::blank("reservado_2", 24, 240),
    ]
);

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
