//! Santander — CNAB 400 cobrança (remessa and retorno).
//!
//! Source: Santander, "Layout 400 posições — Padrão Santander, cobrança com registro", H7800 v2.17, abril/2018
//! (`manuais/SANTANDER/novos/H7800 Layout CNAB 400 com registro (padrao 353) Abril 2018 v 2.pdf` in
//! eduardokum/laravel-boleto): registro header, movimento (tipo 1), tipo de pagamento (tipo 8), mensagem variável
//! (tipos 2, 4-7) and trailer of the remessa; header, movimento and trailer of the retorno; códigos de ocorrência of
//! remessa (109-110) and retorno (109-110), Nota 19 (códigos de erro, three 3-digit codes at 137-145). Positions
//! cross-checked against laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Santander.php` and brcobranca
//! `lib/brcobranca/retorno/cnab400/santander.rb`.
//!
//! Espécies (remessa 148-149): 01 duplicata, 02 nota promissória, 03 apólice/nota de seguro, 05 recibo,
//! 06 duplicata de serviço, 07 letra de câmbio, 08 BDP boleto de proposta, 19 BCC boleto cartão de crédito.
//!
//! Model mapping: "código de transmissão" (header 27-46) is the `codigo_beneficiario`, the "conta cobrança"
//! (detail 30-37) the `convenio`; instrução 1 (157-158) feeds the protest code and 392-393 its days. Retorno:
//! "valor total recebido" (254-266) feeds `valor_pago`, "valor do débito ou crédito" (367-379) `valor_creditado`.
//! The error codes are three digits wide, so a retorno hook rebuilds the motivos from 137-145 (the generic
//! normalizer splits motivos in 2-digit codes).

use crate::bank::{EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T};
use crate::model::{Layout, Motivo, RetornoEntry};
use crate::record::Record;

const SRC: &str = "Santander Layout CNAB 400 posições padrão Santander, H7800 v2.17 abril/2018";
const SRC_REM: &str = "Santander CNAB 400 H7800 v2.17 abril/2018, remessa";
const SRC_RET: &str = "Santander CNAB 400 H7800 v2.17 abril/2018, retorno";

/// Remessa — header.
pub const HEADER_REMESSA: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_remessa", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_remessa", 3, 9).default("REMESSA"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("codigo_transmissao", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 94).default("SANTANDER"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::num("zeros", 101, 116),
        F::alpha("mensagens", 117, 351),
        F::blank("brancos", 352, 391),
        F::alpha("versao", 392, 394).role(R::LayoutVersao),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — registro movimento (tipo 1).
pub const DETALHE_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("empresa_tipo_inscricao", 2, 3).role(R::EmpresaTipoInscricao),
        F::alpha("empresa_inscricao", 4, 17).role(R::EmpresaInscricao),
        F::num("agencia", 18, 21).role(R::Agencia),
        F::num("conta_movimento", 22, 29).role(R::Conta),
        F::num("conta_cobranca", 30, 37).role(R::Convenio),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 70).role(R::NossoNumero),
        F::date6("data_segundo_desconto", 71, 76).role(R::Desconto2Data),
        F::blank("branco_1", 77, 77),
        F::num("informacao_multa", 78, 78).role(R::MultaCodigo),
        F::dec("percentual_multa", 79, 82, 2).role(R::MultaValor),
        F::num("unidade_valor", 83, 84),
        F::dec("valor_outra_unidade", 85, 97, 5),
        F::blank("brancos_1", 98, 101),
        F::date6("data_multa", 102, 107).role(R::MultaData),
        F::num("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 140, 142).role(R::BancoCodigo),
        F::num("agencia_cobradora", 143, 147),
        F::alpha("especie", 148, 149).role(R::Especie),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("data_emissao", 151, 156).role(R::Emissao),
        F::alpha("instrucao_1", 157, 158)
            .role(R::ProtestoCodigo)
            .default("00"),
        F::alpha("instrucao_2", 159, 160).default("00"),
        F::dec("mora_dia", 161, 173, 2).role(R::JurosValor),
        F::date6("data_desconto", 174, 179).role(R::DescontoData),
        F::dec("valor_desconto", 180, 192, 2).role(R::DescontoValor),
        F::dec("valor_iof", 193, 205, 5).role(R::Iof),
        F::dec("valor_abatimento", 206, 218, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 219, 220).role(R::PagadorTipoInscricao),
        F::alpha("pagador_inscricao", 221, 234).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 235, 274).role(R::PagadorNome),
        F::alpha("pagador_endereco", 275, 314).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 315, 326).role(R::PagadorBairro),
        F::num("pagador_cep", 327, 334).role(R::PagadorCep),
        F::alpha("pagador_cidade", 335, 349).role(R::PagadorCidade),
        F::alpha("pagador_uf", 350, 351).role(R::PagadorUf),
        F::alpha("brancos_2", 352, 381),
        F::blank("branco_2", 382, 382),
        F::alpha("identificador_complemento", 383, 383),
        F::alpha("complemento", 384, 385),
        F::blank("brancos_3", 386, 391),
        F::num("dias_protesto", 392, 393).role(R::ProtestoPrazo),
        F::blank("branco_3", 394, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — identificação de tipo de pagamento (tipo 8, opcional).
pub const PAGAMENTO_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_tipo_pagamento",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "8"),
        F::alpha("tipo_pagamento", 2, 3),
        F::alpha("quantidade_pagamentos", 4, 5),
        F::alpha("tipo_valor", 6, 6),
        F::alpha("valor_maximo", 7, 19),
        F::alpha("percentual_maximo", 20, 24),
        F::alpha("valor_minimo", 25, 37),
        F::alpha("percentual_minimo", 38, 42),
        F::alpha("brancos", 43, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

const fn mensagem(tipo: &'static str) -> [F; 12] {
    [
        F::constant("tipo_registro", 1, 1, tipo),
        F::alpha("uso_banco_1", 2, 17),
        F::alpha("agencia", 18, 21),
        F::alpha("conta_movimento", 22, 29),
        F::alpha("conta_cobranca", 30, 37),
        F::alpha("uso_banco_2", 38, 47),
        F::alpha("mensagem_1", 48, 99),
        F::alpha("mensagem_2", 100, 151),
        F::alpha("mensagem_3", 152, 203),
        F::alpha("uso_banco_3", 204, 382),
        F::alpha("complemento_e_brancos", 383, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ]
}

const MSG2: [F; 12] = mensagem("2");
const MSG4: [F; 12] = mensagem("4");
const MSG5: [F; 12] = mensagem("5");
const MSG6: [F; 12] = mensagem("6");
const MSG7: [F; 12] = mensagem("7");

/// Remessa — mensagem variável por título (tipo 2, recibo do pagador; sub-sequência + 50 caracteres, three times).
pub const MENSAGEM2_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_2",
    len: 400,
    source: SRC_REM,
    fields: &MSG2,
};
/// Remessa — mensagem variável por título (tipo 4).
pub const MENSAGEM4_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_4",
    len: 400,
    source: SRC_REM,
    fields: &MSG4,
};
/// Remessa — mensagem variável por título (tipo 5).
pub const MENSAGEM5_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_5",
    len: 400,
    source: SRC_REM,
    fields: &MSG5,
};
/// Remessa — mensagem variável por título (tipo 6).
pub const MENSAGEM6_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_6",
    len: 400,
    source: SRC_REM,
    fields: &MSG6,
};
/// Remessa — mensagem variável por título (tipo 7).
pub const MENSAGEM7_REMESSA: RecordLayout = RecordLayout {
    name: "detalhe_mensagem_7",
    len: 400,
    source: SRC_REM,
    fields: &MSG7,
};

/// Trailer (remessa).
pub const TRAILER_REMESSA: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_REM,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("quantidade_documentos", 2, 7).role(R::QtdRegistros),
        F::dec("valor_total", 8, 20, 2).role(R::ValorTotal),
        F::num("zeros", 21, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — header.
pub const HEADER_RETORNO: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_retorno", 3, 9).default("RETORNO"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::num("agencia", 27, 30).role(R::Agencia),
        F::num("conta_movimento", 31, 38).role(R::Conta),
        F::num("conta_cobranca", 39, 46).role(R::Convenio),
        F::alpha("empresa_nome", 47, 76).role(R::EmpresaNome),
        F::num("banco", 77, 79).role(R::BancoCodigo),
        F::alpha("banco_nome", 80, 94).default("SANTANDER"),
        F::date6("data_movimento", 95, 100).role(R::DataGeracao),
        F::alpha("densidade", 101, 108),
        F::blank("brancos_1", 109, 385),
        F::alpha("sigla_empresa", 386, 389),
        F::blank("brancos_2", 390, 391),
        F::alpha("versao", 392, 394).role(R::LayoutVersao),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — registro movimento (tipo 1).
pub const DETALHE_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::alpha("empresa_tipo_inscricao", 2, 3),
        F::alpha("empresa_inscricao", 4, 17),
        F::alpha("agencia", 18, 21),
        F::alpha("conta_movimento", 22, 29),
        F::alpha("conta_cobranca", 30, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("nosso_numero", 63, 70).role(R::NossoNumero),
        F::blank("brancos_1", 71, 107),
        F::alpha("carteira", 108, 108).role(R::Carteira),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 111, 116).role(R::DataOcorrencia),
        F::alpha("seu_numero", 117, 126).role(R::SeuNumero),
        F::alpha("nosso_numero_2", 127, 134),
        F::alpha("codigo_original_remessa", 135, 136),
        F::alpha("codigos_erro", 137, 145).role(R::Motivos),
        F::blank("branco_2", 146, 146),
        F::date6("vencimento", 147, 152).role(R::Vencimento),
        F::dec("valor_titulo", 153, 165, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 166, 168).role(R::BancoCobrador),
        F::num("agencia_recebedora", 169, 173).role(R::AgenciaCobradora),
        F::alpha("especie", 174, 175),
        F::dec("valor_tarifa", 176, 188, 2).role(R::Tarifa),
        F::dec("outras_despesas", 189, 201, 2).role(R::OutrasDespesas),
        F::dec("juros_atraso", 202, 214, 2),
        F::dec("iof_devido", 215, 227, 2).role(R::Iof),
        F::dec("abatimento_concedido", 228, 240, 2).role(R::Abatimento),
        F::dec("desconto_concedido", 241, 253, 2).role(R::Desconto),
        F::dec("valor_recebido", 254, 266, 2).role(R::ValorPago),
        F::dec("juros_mora", 267, 279, 2).role(R::JurosMulta),
        F::dec("outros_creditos", 280, 292, 2).role(R::OutrosCreditos),
        F::blank("branco_3", 293, 293),
        F::alpha("aceite", 294, 294),
        F::blank("branco_4", 295, 295),
        F::date6("data_credito", 296, 301).role(R::DataCredito),
        F::alpha("pagador_nome", 302, 337).role(R::PagadorNome),
        F::alpha("identificador_complemento", 338, 338),
        F::alpha("unidade_valor", 339, 340),
        F::alpha("valor_titulo_outra_unidade", 341, 353),
        F::alpha("valor_iof_outra_unidade", 354, 366),
        F::dec("valor_debito_credito", 367, 379, 2).role(R::ValorCreditado),
        F::alpha("debito_credito", 380, 380),
        F::blank("brancos_5", 381, 383),
        F::alpha("complemento", 384, 385),
        F::alpha("sigla_empresa", 386, 389),
        F::blank("brancos_6", 390, 391),
        F::alpha("versao", 392, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — registro movimento tipo 2, identificação dos dados do QR Code Pix (boleto híbrido). This record is
/// newer than H7800 v2.17; positions as implemented by kivanio/brcobranca PR #268 ("Santander: remessa/retorno com
/// cobrança PIX", `lib/brcobranca/retorno/cnab400/santander.rb`): tipo de chave 2, chave DICT 3-79, txid 80-114;
/// eduardokum/laravel-boleto (`Retorno/Cnab400/Banco/Santander.php`) reads the same 3-79 and 80-114. Both corpus files
/// fit: `laravelboleto__santander_pix.ret` (tipo 5, an EVP key right-aligned at 44-79, txid at 97-114) and
/// `brcobranca__CNAB400SANTANDER.RET` (tipo 1, a CPF at 3-13, txid at 80-109). They feed the entry's `pix`.
pub const PIX_RETORNO: RecordLayout = RecordLayout {
    name: "detalhe_pix",
    len: 400,
    source: "Santander CNAB 400 boleto Pix (registro tipo 2), per kivanio/brcobranca PR #268",
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::alpha("tipo_chave_dict", 2, 2).role(R::PixTipoChave),
        F::alpha("chave_dict", 3, 79).role(R::PixChave),
        F::alpha("txid", 80, 114).role(R::PixTxid),
        F::alpha("brancos", 115, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno — trailer. Its totals (H7800, "Registro Trailler - Retorno": "quantidade de registros em cobrança
/// simples referente ao Beneficiário", "valor dos títulos em cobrança simples referente ao Beneficiário", the same for
/// caucionada and descontada) are the beneficiary's titles in each kind of cobrança: shown, never compared.
pub const TRAILER_RETORNO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SRC_RET,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_retorno", 2, 2).role(R::ArquivoCodigo),
        F::num("codigo_servico", 3, 4).default("01"),
        F::num("banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 17),
        F::num("simples_quantidade", 18, 25)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::Carteira("simples"))),
        F::dec("simples_valor", 26, 39, 2)
            .role(R::ValorTotal)
            .total(T::valor_titulo(S::Carteira("simples"))),
        F::alpha("simples_aviso", 40, 47),
        F::blank("brancos_2", 48, 57),
        F::alpha("zeros", 58, 87),
        F::blank("brancos_3", 88, 97),
        F::num("caucionada_quantidade", 98, 105).total(T::quantidade(S::Carteira("caucionada"))),
        F::dec("caucionada_valor", 106, 119, 2).total(T::valor_titulo(S::Carteira("caucionada"))),
        F::alpha("caucionada_aviso", 120, 127),
        F::blank("brancos_4", 128, 137),
        F::num("descontada_quantidade", 138, 145).total(T::quantidade(S::Carteira("descontada"))),
        F::dec("descontada_valor", 146, 159, 2).total(T::valor_titulo(S::Carteira("descontada"))),
        F::alpha("descontada_aviso", 160, 167),
        F::blank("brancos_5", 168, 391),
        F::alpha("versao", 392, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa — código da ocorrência (109-110).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("santander/cnab400-movimentos");

/// Retorno — código de ocorrência (109-110).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("santander/cnab400-ocorrencias");

/// Nota 19 — códigos de erro (137-145), whatever the ocorrência; listed once per code.
pub const MOTIVOS: &[MotivoDef] = codes!("santander/cnab400-motivos");

/// Rebuilds the motivos from the three 3-digit error codes at 137-145 (blank or zero codes are skipped).
fn retorno_hook(e: &mut RetornoEntry, records: &[Record<'_>], _problems: &mut Vec<crate::Error>) {
    let Some(rec) = records.first() else { return };
    let Some(raw) = rec.raw("codigos_erro") else {
        return;
    };
    e.motivos = raw
        .chunks(3)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .map(str::trim)
        .filter(|c| !c.is_empty() && c.bytes().any(|b| b != b'0'))
        .map(|code| Motivo {
            code: code.to_string(),
            description: MOTIVOS
                .iter()
                .find(|d| d.code == code)
                .map(|d| d.description.to_string()),
        })
        .collect();
    crate::layouts::pix::set_pago_por_pix_by_motivo(
        e,
        crate::layouts::pix::SANTANDER_400_PIX_MOTIVOS,
    );
}

const RECORDS_REMESSA: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_REMESSA),
    (RecordKey::Detail(b'1'), &DETALHE_REMESSA),
    (
        RecordKey::Detail(b'8'),
        &crate::layouts::pix::SANTANDER_400_TIPO8,
    ),
    (RecordKey::Detail(b'2'), &MENSAGEM2_REMESSA),
    (RecordKey::Detail(b'4'), &MENSAGEM4_REMESSA),
    (RecordKey::Detail(b'5'), &MENSAGEM5_REMESSA),
    (RecordKey::Detail(b'6'), &MENSAGEM6_REMESSA),
    (RecordKey::Detail(b'7'), &MENSAGEM7_REMESSA),
    (RecordKey::FileTrailer, &TRAILER_REMESSA),
];

const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    crate::layouts::pix::SANTANDER_400_TIPO8_ENTRY,
    EntryRecord::read_only(RecordKey::Detail(b'2')),
    EntryRecord::read_only(RecordKey::Detail(b'4')),
    EntryRecord::read_only(RecordKey::Detail(b'5')),
    EntryRecord::read_only(RecordKey::Detail(b'6')),
    EntryRecord::read_only(RecordKey::Detail(b'7')),
];

const RECORDS_RETORNO: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_RETORNO),
    (RecordKey::Detail(b'1'), &DETALHE_RETORNO),
    (RecordKey::Detail(b'2'), &PIX_RETORNO),
    (RecordKey::FileTrailer, &TRAILER_RETORNO),
];

const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(RecordKey::Detail(b'2'), &[R::PixChave, R::PixTxid]),
];

/// Santander CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    RECORDS_REMESSA,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SRC,
);

/// Santander CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RECORDS_RETORNO,
    ENTRY_RETORNO,
    OCORRENCIAS,
    MOTIVOS,
    SRC,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];
