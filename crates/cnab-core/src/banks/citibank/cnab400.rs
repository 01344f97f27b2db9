//! Citibank (745) — CNAB 400 cobrança com registro, remessa and retorno.
//!
//! Source: Citibank, "Manual CNAB 400 Posições — Cobrança Com Registro", versão 1.16 (file
//! `docs/Citibank/Manual CNAB400_1 16.pdf` in kivanio/brcobranca): "Registro Remessa - HEADER", "Registro Remessa –
//! DETALHE – Dados do Título", "Registro Remessa – DETALHE – Mensagens do Título" and "Registro Remessa - TRAILLER"
//! (pp. 3-8). Positions cross-checked against brcobranca `lib/brcobranca/remessa/cnab400/citibank.rb` and the real
//! remessa `pycobranca__remessa_citibank_cnab400.rem` of the corpus.
//!
//! Retorno: same manual, "Registro Retorno - HEADER", "Registro Retorno – DETALHE" and "Registro Retorno –
//! TRAILLER" (cobrança com registro, pp. 9-18), cross-checked against an independent TypeScript reader found by code
//! search (class `ArquivoRetornoCiti`), which follows a later manual revision: it reads an ISPB at 280-287 and
//! cartório/protocolo/pagador data at 338-385 (brancos in v1.16), so those are kept as free alpha fields. The detail
//! comes as three record types with the same 400 positions: 1 (confirmação), 7 (posição de carteira, sent in the
//! "posição carteira" file, header 002 = 7) and 8 (despesa de cartório, ocorrências 51-53). Each one describes one
//! title with its own ocorrência, so each one starts an entry; the writer emits type 1. Motivos (302-321, X(20)) are
//! 2-character codes whose meaning depends on the ocorrência (rejeição for the ocorrências other than 06/10/15/17;
//! forma de liquidação for 06/17; forma de baixa for 10; "em cartório" for 15; movimentação CIP for 90).
//! [`retorno_hook`] keeps text the tables don't know as one raw motivo, and adds the código de alegação do sacado
//! (335-337) of ocorrência 29 as a motivo. No Citibank retorno is in the corpus.

use crate::bank::{Emit, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{Layout, Motivo, RetornoEntry};
use crate::record::Record;

/// Source string of the Citibank tables.
pub const SOURCE: &str = "Citibank, Manual CNAB 400 Posições — Cobrança Com Registro v1.16";

records!("citibank/cnab400-records");

/// Remessa trailler.
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Códigos de ocorrência of the remessa (detalhe, 109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("citibank/cnab400-movimentos");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem1, R::Mensagem2, R::Mensagem3],
    ),
];

/// Citibank CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// Source string of the Citibank retorno tables.
pub const SOURCE_RET: &str =
    "Citibank, Manual CNAB 400 Posições — Cobrança Com Registro v1.16, arquivo retorno (pp. 9-18)";

/// The detail fields ("Registro Retorno – DETALHE"), shared by the record types 1, 7 and 8.
macro_rules! retorno_detalhe {
    ($name:expr, $tipo:expr) => {
        RecordLayout {
            name: $name,
            len: 400,
            source: SOURCE_RET,
            fields: &[
                F::constant("tipo_registro", 1, 1, $tipo),
                F::num("tipo_inscricao_empresa", 2, 3).role(R::EmpresaTipoInscricao),
                F::num("inscricao_empresa", 4, 17).role(R::EmpresaInscricao),
                F::alpha("codigo_empresa", 18, 37).role(R::CodigoBeneficiario),
                F::alpha("uso_empresa", 38, 62).role(R::UsoEmpresa),
                F::alpha("especie", 63, 64),
                F::num("nosso_numero", 65, 76).role(R::NossoNumero),
                F::blank("brancos_1", 77, 82),
                F::alpha("operacao_citibank", 83, 107),
                F::num("carteira", 108, 108).role(R::Carteira),
                F::alpha("ocorrencia", 109, 110).role(R::Ocorrencia),
                F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
                F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
                F::num("uso_banco", 127, 128),
                F::num("nosso_numero_banco", 129, 140),
                F::blank("brancos_2", 141, 146),
                F::date6("vencimento", 147, 152).role(R::Vencimento),
                F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
                F::num("codigo_banco", 166, 168).role(R::BancoCobrador),
                F::num("agencia_cobradora", 169, 173).role(R::AgenciaCobradora),
                F::num("emissao_titulo", 174, 175),
                F::dec("despesas_cobranca", 176, 188, 2).role(R::Tarifa),
                F::dec("despesas_cartorio", 189, 201, 2).role(R::OutrasDespesas),
                F::dec("juros_titulo_descontado", 202, 214, 2),
                F::dec("iof", 215, 227, 2).role(R::Iof),
                F::dec("abatimento", 228, 240, 2).role(R::Abatimento),
                F::dec("desconto", 241, 253, 2).role(R::Desconto),
                F::dec("valor_liquido", 254, 266, 2).role(R::ValorCreditado),
                F::dec("juros_acrescimos", 267, 279, 2).role(R::JurosMulta),
                // Brancos in v1.16; later versions carry the ISPB of the receiving bank at 280-287.
                F::alpha("uso_banco_2", 280, 295),
                F::date6("data_credito", 296, 301).role(R::DataCredito),
                F::alpha("motivos", 302, 321).role(R::Motivos),
                F::alpha("numero_operacao", 322, 334),
                F::alpha("codigo_alegacao", 335, 337),
                // Brancos in v1.16; later versions carry cartório/protocolo and payment data here.
                F::alpha("uso_banco_3", 338, 385),
                F::date6("data_gravacao", 386, 391),
                F::blank("brancos_3", 392, 394),
                F::num("sequencial", 395, 400).role(R::Sequencial),
            ],
        }
    };
}

/// Retorno detalhe tipo 1 (confirmação).
pub const RETORNO_DETALHE: RecordLayout = retorno_detalhe!("detalhe", "1");
/// Retorno detalhe tipo 7 (posição de carteira).
pub const RETORNO_POSICAO: RecordLayout = retorno_detalhe!("detalhe_posicao_carteira", "7");
/// Retorno detalhe tipo 8 (despesa de cartório).
pub const RETORNO_DESPESA: RecordLayout = retorno_detalhe!("detalhe_despesa_cartorio", "8");

/// Códigos de ocorrência of the retorno (detalhe, 109-110).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("citibank/cnab400-ocorrencias");

/// Motivos (302-321) by ocorrência, and the códigos de alegação do sacado (335-337) of ocorrência 29.
pub const MOTIVOS: &[MotivoDef] = codes!("citibank/cnab400-motivos");

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &RETORNO_HEADER),
    (RecordKey::Detail(b'1'), &RETORNO_DETALHE),
    (RecordKey::Detail(b'7'), &RETORNO_POSICAO),
    (RecordKey::Detail(b'8'), &RETORNO_DESPESA),
    (RecordKey::FileTrailer, &RETORNO_TRAILER),
];

/// Records of a retorno entry: each of the three types describes one title, so each starts an entry.
pub const RETORNO_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord {
        key: RecordKey::Detail(b'7'),
        starts: true,
        emit: Emit::Never,
    },
    EntryRecord {
        key: RecordKey::Detail(b'8'),
        starts: true,
        emit: Emit::Never,
    },
];

/// Motivos at 302-321 are 2-character codes; when the field holds anything the tables don't know for the
/// ocorrência (free text), keeps it whole as one motivo. Adds the código de alegação (335-337) of ocorrência 29.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    let Some(rec) = records.first() else {
        return;
    };
    let oc = e
        .ocorrencia
        .as_ref()
        .map(|o| o.code.clone())
        .unwrap_or_default();
    if let Some(raw) = rec.raw("motivos") {
        let text = String::from_utf8_lossy(raw).trim().to_string();
        if !text.is_empty() && e.motivos.iter().any(|m| m.description.is_none()) {
            e.motivos = vec![Motivo {
                code: text,
                description: None,
            }];
        }
    }
    if oc == "29" {
        if let Some(raw) = rec.raw("codigo_alegacao") {
            let code = String::from_utf8_lossy(raw).trim().to_string();
            if !code.is_empty() {
                let description = RETORNO
                    .motivo(&oc, &code)
                    .map(|m| m.description.to_string());
                e.motivos.push(Motivo { code, description });
            }
        }
    }
}

/// Citibank CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    RETORNO_ENTRY,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE_RET,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
