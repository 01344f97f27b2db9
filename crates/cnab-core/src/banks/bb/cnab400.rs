//! Banco do Brasil — CNAB 400 cobrança (CBR641 remessa, CBR643 retorno).
//!
//! Sources:
//! - BB, "Cobrança Integrada BB — Orientações Técnicas: Layout de Arquivo Remessa CBR641 para convênios na faixa
//!   numérica entre 1.000.000 e 9.999.999 (convênios de 7 posições)", `Doc2627CBR641Pos7.pdf` (kivanio/brcobranca
//!   `docs/Banco do Brasil/`, also `manuais/BB/remessa.pdf` in eduardokum/laravel-boleto): header, detalhe tipo 7,
//!   detalhe opcional tipo 5 (multa, tipo de serviço 99), trailer; notas 07 (espécie), 20 (comandos).
//! - BB, "Layout de Arquivo Retorno CBR643 — convênios de 7 posições", `Doc2628CBR643Pos7.pdf` (same repositories):
//!   header, detalhe tipo 7, trailer; notas 05 (natureza do recebimento, posições 87-88, which carries the recusa
//!   motivo for comando 03) and 07 (comandos).
//! - Convênios of 6 positions: BB "Layout de Arquivo Retorno para convênios na faixa numérica entre 000.001 a
//!   999.999 (convênios de até 6 posições), versão set/09" (`Doc8826BR643Pos6.pdf`), detalhe tipo 1; positions taken
//!   from the manual as transcribed by umbrellaTech/ya-retorno-boleto `CNAB400Conv6Processor.php` (the PDF itself is
//!   not in the stored snapshots): convênio 32-37, nosso número 63-73 + DV 74, natureza 81-82, variação 86-88;
//!   positions 96-400 are those of tipo 7.
//!
//! - Convênios of 6 positions, remessa (product CBR640, "Leiaute de Arquivo — Padrão CNAB 400 posições, convênios
//!   de 6 dígitos"): the BB PDF is not in the stored snapshots; its positions are taken from ACBr
//!   (`ACBrBancoBrasil.pas` `GerarRegistroHeader400`/`GerarRegistroTransacao400`, branch `Length(Convenio) <= 6`)
//!   and cross-checked against the CBR643 convênio-6 retorno detail above, whose 1-101 block is the same record:
//!   header complemento 41-46 = convênio, 108-394 brancos (no convênio líder); detalhe tipo 1: convênio 32-37,
//!   controle do participante 38-62, nosso número 63-73 (convênio 6 + sequência 5) + DV 74 (módulo 11), prestação
//!   75-76, grupo de valor 77-78, brancos 79-81, indicativo 82, prefixo 83-85, variação 86-88, conta caução 89,
//!   código de responsabilidade 90-95, borderô 96-101; 102-400 as in tipo 7.
//!
//! # Which remessa table (tipo 1 or tipo 7)
//! A BB remessa holds either tipo 1 (convênio 6, CBR640) or tipo 7 (convênio 7, CBR641) details, and a CNAB 400
//! header carries no layout version. So:
//! - reading: the default [`REMESSA`] spec lists both `Detail(b'1')` and `Detail(b'7')` (each starts a title), so
//!   either file reads without the caller saying which;
//! - reading names the variant read in `header.layout_versao` ([`REMESSA_VARIANTS`]: `"CBR640"` for tipo 1,
//!   `"CBR641"` for tipo 7), so a model read from a file writes the same variant back;
//! - writing: [`REMESSA_CONVENIO_6`] has `versions: &["CBR640"]` and is listed before the catch-all; a model whose
//!   `header.layout_versao` is `"CBR640"` writes the convênio-6 header and tipo 1 details (the writer picks the spec
//!   by `BankSpec::layout(layout, kind, layout_versao)`); any other model writes CBR641 tipo 7. The spec can also be
//!   passed directly to `cnab_core::write_remessa_spec`. (The convênio width cannot be an `Emit` condition,
//!   so a product name is the cleanest selector the engine offers.)
//!
//! Espécies (nota 07): 01 duplicata mercantil, 02 nota promissória, 03 nota de seguro, 05 recibo, 08 letra de câmbio,
//! 09 warrant, 10 cheque, 12 duplicata de serviço, 13 nota de débito, 15 apólice de seguro, 25 dívida ativa da União,
//! 26 dívida ativa de estado, 27 dívida ativa de município.
//!
//! Model mapping: nosso número is the 17 digits of 64-80 (convênio 7 + sequence); "valor recebido" (254-266) feeds
//! `valor_pago`, "valor do lançamento" (306-318) `valor_creditado`; instrução 1 (157-158) feeds the protest code and
//! "número de dias para protesto" (392-393) its days.

use crate::bank::{Emit, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{patch, FieldSpec as F, RecordLayout, Role as R, Value};
use crate::model::{Layout, Titulo};
use crate::record::Record;

const SRC: &str = "BB Cobrança Integrada CNAB 400: CBR641 remessa (Doc2627, convênio 7) / CBR643 retorno (Doc2628 convênio 7, Doc8826 convênio 6)";
const SRC_REM: &str = "BB CBR641 remessa, convênios de 7 posições (Doc2627CBR641Pos7)";
const SRC_RET: &str = "BB CBR643 retorno, convênios de 7 posições (Doc2628CBR643Pos7)";
const SRC_REM6: &str = "BB CBR640 remessa, convênios de 6 posições (positions per ACBr ACBrBancoBrasil.pas, cross-checked with Doc8826 retorno tipo 1)";

records!("bb/cnab400-records");

/// The fields of the CBR640 detalhe tipo 1: tipo 7's with 1 and 32-95 as CBR640 prints them (convênio of 6,
/// nosso número of 11 + DV, código de responsabilidade); 2-31 and 96-400 are tipo 7's.
const DETALHE6_FIELDS: [F; 52] = patch(
    DETALHE_REMESSA.fields,
    &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("convenio", 32, 37).role(R::Convenio),
        F::alpha("controle_empresa", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 73).role(R::NossoNumero),
        F::alpha("nosso_numero_dv", 74, 74).role(R::NossoNumeroDv),
        F::num("numero_prestacao", 75, 76),
        F::num("grupo_valor", 77, 78),
        F::blank("brancos_1", 79, 81),
        F::alpha("indicativo_mensagem_sacador", 82, 82),
        F::alpha("prefixo_titulo", 83, 85),
        F::num("variacao_carteira", 86, 88).role(R::Variacao),
        F::num("conta_caucao", 89, 89),
        F::num("codigo_responsabilidade", 90, 95),
    ],
);

/// The same fields with the DV field feeding no role: the default (catch-all) remessa spec reads tipo 1 details
/// through this table, since the writer computes a nosso-número DV for any spec whose entry carries a DV field;
/// [`titulo_hook`] fills `nosso_numero_dv` from position 74 instead.
const fn without_dv_role(mut fields: [F; 52]) -> [F; 52] {
    let mut rest: &mut [F] = &mut fields;
    while let [f, tail @ ..] = rest {
        if matches!(f.role, Some(R::NossoNumeroDv)) {
            f.role = None;
        }
        rest = tail;
    }
    fields
}

const DETALHE6_FIELDS_LEITURA: [F; 52] = without_dv_role(DETALHE6_FIELDS);

/// Remessa — registro detalhe tipo 1 (convênio de 6 posições, CBR640); 102-400 as in tipo 7.
pub const DETALHE_REMESSA_CONVENIO_6: RecordLayout = RecordLayout {
    name: "detalhe_convenio_6",
    len: 400,
    source: SRC_REM6,
    fields: &DETALHE6_FIELDS,
};

/// Remessa — registro detalhe tipo 1 as read by the default [`REMESSA`] spec (DV read by [`titulo_hook`]).
pub const DETALHE_REMESSA_CONVENIO_6_LEITURA: RecordLayout = RecordLayout {
    name: "detalhe_convenio_6",
    len: 400,
    source: SRC_REM6,
    fields: &DETALHE6_FIELDS_LEITURA,
};

/// Trailer (remessa).
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    source: SRC_REM,
    ..crate::banks::shared::TRAILER_400
};

const fn raw(name: &'static str, kind: &'static str) -> [F; 3] {
    [
        F::constant("tipo_registro", 1, 1, kind),
        F::alpha(name, 2, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ]
}

const RAW2: [F; 3] = raw("dados_cobranca_partilhada", "2");
const RAW3: [F; 3] = raw("dados_vendor", "3");
const RAW5: [F; 3] = raw("dados_complementares", "5");

/// Retorno — detalhe auxiliar tipo 2 (cobrança partilhada), kept raw.
pub const AUX2_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe_partilhada",
    len: 400,
    source: SRC_RET,
    fields: &RAW2,
};
/// Retorno — detalhe tipo 3 (vendor), kept raw.
pub const AUX3_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe_vendor",
    len: 400,
    source: SRC_RET,
    fields: &RAW3,
};
/// Retorno — detalhe tipo 5 (e-mail, cheque, número do título), kept raw.
pub const AUX5_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe_tipo_5",
    len: 400,
    source: SRC_RET,
    fields: &RAW5,
};

/// Remessa — comandos (nota 20).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("bb/cnab400-movimentos");

/// Retorno — comandos (nota 07).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("bb/cnab400-ocorrencias");

/// Nota 05 — natureza do recebimento (87-88; 81-82 for convênio 6): the liquidação kind, the entrada and baixa
/// reasons, and the recusa motivo of comando 03.
pub const MOTIVOS: &[MotivoDef] = codes!("bb/cnab400-motivos");

const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA),
    (RecordKey::Detail(b'7'), &DETALHE_REMESSA),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA_CONVENIO_6_LEITURA),
    (RecordKey::Detail(b'5'), &MULTA_REMESSA),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'7')),
    EntryRecord {
        key: RecordKey::Detail(b'1'),
        starts: true,
        emit: Emit::Never,
    },
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::MultaValor]),
];

const RECORDS_REMESSA_CONVENIO_6: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA_CONVENIO_6),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA_CONVENIO_6),
    (RecordKey::Detail(b'7'), &DETALHE_REMESSA),
    (RecordKey::Detail(b'5'), &MULTA_REMESSA),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA_CONVENIO_6: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord {
        key: RecordKey::Detail(b'7'),
        starts: true,
        emit: Emit::Never,
    },
    EntryRecord::if_any(RecordKey::Detail(b'5'), &[R::MultaValor]),
];

const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_RETORNO),
    (RecordKey::Detail(b'7'), &DETALHE7_RETORNO),
    (RecordKey::Detail(b'1'), &DETALHE1_RETORNO),
    (RecordKey::Detail(b'2'), &AUX2_RETORNO),
    (RecordKey::Detail(b'3'), &AUX3_RETORNO),
    (RecordKey::Detail(b'5'), &AUX5_RETORNO),
    (RecordKey::FileTrailer, &TRAILER_RETORNO),
];

const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'7')),
    EntryRecord {
        key: RecordKey::Detail(b'1'),
        starts: true,
        emit: Emit::Never,
    },
    EntryRecord::read_only(RecordKey::Detail(b'2')),
    EntryRecord {
        key: RecordKey::Detail(b'3'),
        starts: true,
        emit: Emit::Never,
    },
    EntryRecord::read_only(RecordKey::Detail(b'5')),
];

/// Reads the nosso-número DV (position 74) of a CBR640 tipo 1 detail read by the default spec.
pub fn titulo_hook(t: &mut Titulo, records: &[Record<'_>]) {
    let Some(r) = records.first() else { return };
    if r.layout.name != DETALHE_REMESSA_CONVENIO_6_LEITURA.name || t.nosso_numero_dv.is_some() {
        return;
    }
    if let Some(Ok(Value::Text(dv))) = r.get("nosso_numero_dv") {
        if !dv.trim().is_empty() {
            t.nosso_numero_dv = Some(dv.trim().to_string());
        }
    }
}

/// The remessa's variants by detail type: tipo 7 is CBR641 (convênio of 7 positions, nosso número of 17 digits),
/// tipo 1 is CBR640 (convênio of 6 positions). The header does not say which, so the reader names the one it read
/// in `header.layout_versao`; writing that model again picks the same table.
pub const REMESSA_VARIANTS: &[(RecordKey, &str)] = &[
    (RecordKey::Detail(b'7'), "CBR641"),
    (RecordKey::Detail(b'1'), "CBR640"),
];

/// BB CNAB 400 remessa (CBR641, convênio 7; reads CBR640 tipo 1 details too).
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SRC,
)
.titulo_hook(titulo_hook)
.variants(REMESSA_VARIANTS);

/// BB CNAB 400 remessa for convênios of 6 positions (CBR640, detalhe tipo 1): chosen by the writer when the model's
/// `header.layout_versao` is `"CBR640"`, or passed to `write_remessa_spec`. Reads tipo 7 details too.
pub const REMESSA_CONVENIO_6: LayoutSpec = LayoutSpec {
    versions: &["CBR640"],
    records: RECORDS_REMESSA_CONVENIO_6,
    entry: ENTRY_REMESSA_CONVENIO_6,
    source: SRC_REM6,
    ..REMESSA
};

/// BB CNAB 400 retorno (CBR643, convênios 6 and 7).
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RECORDS_RETORNO,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SRC,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA_CONVENIO_6, &REMESSA, &RETORNO];
