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
use crate::field::{
    patch, patched, FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T, Value,
};
use crate::model::{Layout, Titulo};
use crate::record::Record;

const SRC: &str = "BB Cobrança Integrada CNAB 400: CBR641 remessa (Doc2627, convênio 7) / CBR643 retorno (Doc2628 convênio 7, Doc8826 convênio 6)";
const SRC_REM: &str = "BB CBR641 remessa, convênios de 7 posições (Doc2627CBR641Pos7)";
const SRC_RET: &str = "BB CBR643 retorno, convênios de 7 posições (Doc2628CBR643Pos7)";
const SRC_REM6: &str = "BB CBR640 remessa, convênios de 6 posições (positions per ACBr ACBrBancoBrasil.pas, cross-checked with Doc8826 retorno tipo 1)";
const SRC_RET6: &str = "BB CBR643 retorno, convênios de até 6 posições (Doc8826BR643Pos6, set/09)";

/// Remessa — header.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("tipo_operacao", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::num("tipo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 19).default("COBRANCA"),
        F::blank("brancos_1", 20, 26),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::alpha("agencia_dv", 31, 31).role(R::AgenciaDv),
        F::num("conta", 32, 39).role(R::Conta),
        F::alpha("conta_dv", 40, 40).role(R::ContaDv),
        F::num("complemento", 41, 46),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 94).default("BANCODOBRASIL"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("sequencial_remessa", 101, 107).role(R::Nsa),
        F::blank("brancos_2", 108, 129),
        F::num("convenio_lider", 130, 136).role(R::Convenio),
        F::blank("brancos_3", 137, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro detalhe tipo 7 (convênio de 7 posições).
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "7"),
        F::num("empresa_tipo_inscricao", 2, 3).role(R::EmpresaTipoInscricao),
        F::alpha("empresa_inscricao", 4, 17).role(R::EmpresaInscricao),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::alpha("agencia_dv", 22, 22).role(R::AgenciaDv),
        F::num("conta", 23, 30).role(R::Conta),
        F::alpha("conta_dv", 31, 31).role(R::ContaDv),
        F::num("convenio", 32, 38).role(R::Convenio),
        F::alpha("controle_empresa", 39, 63).role(R::UsoEmpresa),
        F::num("nosso_numero", 64, 80).role(R::NossoNumero),
        F::num("numero_prestacao", 81, 82),
        F::num("grupo_valor", 83, 84),
        F::blank("brancos_1", 85, 87),
        F::alpha("indicativo_mensagem_sacador", 88, 88),
        F::alpha("prefixo_titulo", 89, 91),
        F::num("variacao_carteira", 92, 94).role(R::Variacao),
        F::num("conta_caucao", 95, 95),
        F::num("numero_bordero", 96, 101),
        F::alpha("tipo_cobranca", 102, 106),
        F::num("carteira", 107, 108).role(R::Carteira),
        F::num("comando", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 146),
        F::alpha("agencia_cobradora_dv", 147, 147),
        F::alpha("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::alpha("instrucao_1", 157, 158)
            .role(R::ProtestoCodigo)
            .default("00"),
        F::alpha("instrucao_2", 159, 160).default("00"),
        F::dec("juros_mora_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("data_desconto", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 2).role(R::Iof),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 271).role(R::PagadorNome),
        F::blank("brancos_2", 272, 274),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("observacoes_sacador", 352, 391).role(R::SacadorNome),
        F::num("dias_protesto", 392, 393).role(R::ProtestoPrazo),
        F::blank("brancos_3", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro detalhe opcional tipo 5, multa (tipo de serviço 99). The e-mail (01) and número do título
/// (03) variants share the record type; they are read through this table, so their text shows up as raw fields.
pub const MULTA_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_multa",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "5"),
        F::alpha("tipo_servico", 2, 3).default("99"),
        F::alpha("codigo_multa", 4, 4).role(R::MultaCodigo),
        F::date6("data_multa", 5, 10).role(R::MultaData),
        F::dec("valor_multa", 11, 22, 2).role(R::MultaValor),
        F::blank("brancos", 23, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — header, convênio de 6 posições (CBR640): convênio at 41-46, no convênio líder.
pub const HEADER_REMESSA_CONVENIO_6: RecordLayout = RecordLayout {
    source: SRC_REM6,
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::num("convenio", 41, 46).role(R::Convenio),
            F::blank("brancos_2", 108, 394),
        ]
    ),
    ..HEADER_REMESSA
};

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

/// Retorno — header (convênio 7 at 150-156; a convênio of 6 positions sits at 41-46).
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    source: SRC_RET,
    fields: patched!(
        HEADER_REMESSA.fields,
        [
            F::alpha("literal_retorno", 3, 9).default("RETORNO"),
            F::alpha("convenio_6", 41, 46),
            F::num("sequencial_retorno", 101, 107).role(R::Nsa),
            F::blank("brancos_2", 108, 149),
            F::alpha("convenio", 150, 156).role(R::Convenio),
            F::blank("brancos_3", 157, 394),
        ]
    ),
    ..HEADER_REMESSA
};

/// Retorno — registro detalhe tipo 7 (convênio de 7 posições).
pub const DETALHE7_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "7"),
        F::alpha("zeros_1", 2, 3),
        F::alpha("zeros_2", 4, 17),
        F::alpha("agencia", 18, 21),
        F::alpha("agencia_dv", 22, 22),
        F::alpha("conta", 23, 30),
        F::alpha("conta_dv", 31, 31),
        F::alpha("convenio", 32, 38),
        F::alpha("controle_participante", 39, 63).role(R::UsoEmpresa),
        F::num("nosso_numero", 64, 80).role(R::NossoNumero),
        F::alpha("tipo_cobranca", 81, 81),
        F::alpha("tipo_cobranca_cmd72", 82, 82),
        F::alpha("dias_calculo", 83, 86),
        F::alpha("natureza_recebimento", 87, 88).role(R::Motivos),
        F::alpha("prefixo_titulo", 89, 91),
        F::alpha("variacao_carteira", 92, 94),
        F::alpha("conta_caucao", 95, 95),
        F::alpha("taxa_desconto", 96, 100),
        F::alpha("taxa_iof", 101, 105),
        F::blank("branco", 106, 106),
        F::alpha("carteira", 107, 108).role(R::Carteira),
        F::num("comando", 109, 110).role(R::Ocorrencia),
        F::date6("data_liquidacao", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::blank("brancos_1", 127, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_recebedor", 166, 168).role(R::BancoCobrador),
        F::num("agencia_recebedora", 169, 172).role(R::AgenciaCobradora),
        F::alpha("agencia_recebedora_dv", 173, 173),
        F::alpha("especie", 174, 175),
        F::date6("data_credito", 176, 181).role(R::DataCredito),
        F::dec("valor_tarifa", 182, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::dec("juros_desconto", 202, 214, 2),
        F::dec("iof_desconto", 215, 227, 2),
        F::dec("valor_abatimento", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto_concedido", 241, 253, 2).role(R::Desconto),
        F::dec("valor_recebido", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_recebimentos", 280, 292, 2).role(R::OutrosCreditos),
        F::dec("abatimento_nao_aproveitado", 293, 305, 2),
        F::dec("valor_lancamento", 306, 318, 2).role(R::ValorCreditado),
        F::alpha("indicativo_debito_credito", 319, 319),
        F::alpha("indicador_valor", 320, 320),
        F::dec("valor_ajuste", 321, 332, 2),
        F::alpha("cobranca_compartilhada", 333, 390),
        F::alpha("autorizacao_liquidacao_parcial", 391, 391),
        F::blank("branco_2", 392, 392),
        F::alpha("canal_pagamento", 393, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — registro detalhe tipo 1 (convênio de até 6 posições): 1-95 as Doc8826 prints them, the confirmação
/// at 127-146; the rest (96-400) as in tipo 7.
pub const DETALHE1_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe_convenio_6",
    source: SRC_RET6,
    fields: patched!(
        DETALHE7_RETORNO.fields,
        [
            F::constant("tipo_registro", 1, 1, "1"),
            F::alpha("empresa_tipo_inscricao", 2, 3),
            F::alpha("empresa_inscricao", 4, 17),
            F::alpha("convenio", 32, 37),
            F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
            F::num("nosso_numero", 63, 73).role(R::NossoNumero),
            F::alpha("nosso_numero_dv", 74, 74).role(R::NossoNumeroDv),
            F::alpha("tipo_cobranca", 75, 75),
            F::alpha("tipo_cobranca_cmd72", 76, 76),
            F::alpha("dias_calculo", 77, 80),
            F::alpha("natureza_recebimento", 81, 82).role(R::Motivos),
            F::alpha("prefixo_titulo", 83, 85),
            F::alpha("variacao_carteira", 86, 88),
            F::alpha("conta_caucao", 89, 89),
            F::alpha("uso_banco", 90, 95),
            F::alpha("confirmacao", 127, 146),
        ]
    ),
    ..DETALHE7_RETORNO
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

/// Retorno — trailer. Its totals (CBR643 retorno, "Registro Trailler de Arquivo", campos 06-23: "Cobrança Simples -
/// quantidade de títulos", "- valor total", and so on for vinculada, caucionada, descontada and vendor) are per kind of
/// cobrança, not per file: a retorno of 2 entries in the corpus closes with 575 títulos em cobrança simples. Shown,
/// never compared.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("retorno", 2, 2).role(R::ArquivoCodigo),
        F::num("tipo_servico", 3, 4).default("01"),
        F::num("banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 17),
        F::num("simples_quantidade", 18, 25)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::Carteira("simples"))),
        F::dec("simples_valor", 26, 39, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::Carteira("simples"))),
        F::alpha("simples_aviso", 40, 47),
        F::blank("simples_brancos", 48, 57),
        F::num("vinculada_quantidade", 58, 65).total(T::quantidade(S::Carteira("vinculada"))),
        F::dec("vinculada_valor", 66, 79, 2).total(T::valor_titulo(S::Carteira("vinculada"))),
        F::alpha("vinculada_aviso", 80, 87),
        F::blank("vinculada_brancos", 88, 97),
        F::num("caucionada_quantidade", 98, 105).total(T::quantidade(S::Carteira("caucionada"))),
        F::dec("caucionada_valor", 106, 119, 2).total(T::valor_titulo(S::Carteira("caucionada"))),
        F::alpha("caucionada_aviso", 120, 127),
        F::blank("caucionada_brancos", 128, 137),
        F::num("descontada_quantidade", 138, 145).total(T::quantidade(S::Carteira("descontada"))),
        F::dec("descontada_valor", 146, 159, 2).total(T::valor_titulo(S::Carteira("descontada"))),
        F::alpha("descontada_aviso", 160, 167),
        F::blank("descontada_brancos", 168, 217),
        F::num("vendor_quantidade", 218, 225).total(T::quantidade(S::Carteira("vendor"))),
        F::dec("vendor_valor", 226, 239, 2).total(T::valor_titulo(S::Carteira("vendor"))),
        F::alpha("vendor_aviso", 240, 247),
        F::blank("vendor_brancos", 248, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
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
