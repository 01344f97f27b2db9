//! FEBRABAN CNAB 240 cobrança: the standard every bank's 240 layout starts from.
//!
//! Source: FEBRABAN, "Layout Padrão de Arquivos — CNAB 240 posições", versão 10.7 (cobrança: registros 0, 1, 3-P,
//! 3-Q, 3-R, 3-S, 3-T, 3-U, 5, 9; códigos G0xx/C0xx of the "Descrição de Campos" section). Positions cross-checked
//! against Trust-Code/python-cnab `cnab240/bancos/*/specs` and OpenCnabPHP `src/resources/generico`.
//!
//! Bank modules derive their tables from these, so that each states only what its manual changes: a record is
//! FEBRABAN's with named overrides (`patched_layout!`), a record list is [`records_with`] the bank's records, a code
//! table keeps FEBRABAN's entries by code ([`ocorrencia`], [`movimento`]) beside the bank's own, and the fields
//! banks only give a value of (versions, bank name) have their constructors here.

use crate::bank::motivo as m;
use crate::bank::movimento as mv;
use crate::bank::{oc, EntryRecord, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey};
use crate::field::{
    fields, patched, FieldSpec as F, Kind, RecordLayout, Role as R, ScopeSpec, TotalSpec,
};
use crate::layouts::groups240 as g;
use crate::model::{FileKind, Layout, OcorrenciaKind as K};

/// Source string for the generic tables.
pub const SOURCE: &str =
    "FEBRABAN Layout Padrão CNAB 240 v10.7, cobrança (registros 0, 1, 3 P/Q/R/S/T/U, 5, 9)";

/// FEBRABAN's movimento `code` (C004) as FEBRABAN prints it, for a bank table that keeps it; a code FEBRABAN's table
/// lacks fails the build.
pub const fn movimento(code: &str) -> OcorrenciaDef {
    find(MOVIMENTOS, code)
}

/// FEBRABAN's ocorrência `code` (C044) as FEBRABAN prints it, for a bank table that keeps it; a code FEBRABAN's table
/// lacks fails the build.
pub const fn ocorrencia(code: &str) -> OcorrenciaDef {
    find(OCORRENCIAS, code)
}

const fn find(list: &[OcorrenciaDef], code: &str) -> OcorrenciaDef {
    let mut rest = list;
    let mut found = None;
    while let Some((first, tail)) = rest.split_first() {
        if found.is_none() && same(first.code.as_bytes(), code.as_bytes()) {
            found = Some(*first);
        }
        rest = tail;
    }
    assert!(found.is_some(), "code not in FEBRABAN's table");
    match found {
        Some(def) => def,
        None => oc("", K::Desconhecida, ""),
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    match (a.split_first(), b.split_first()) {
        (None, None) => true,
        (Some((x, a)), Some((y, b))) => *x == *y && same(a, b),
        _ => false,
    }
}

/// G030 "versão do layout do arquivo" (header de arquivo 164-166) with the version a bank's manual prints.
pub const fn versao_arquivo(versao: &'static str) -> F {
    F::alpha("versao_layout", 164, 166)
        .role(R::LayoutVersao)
        .default(versao)
}

/// G030 "versão do layout do lote" (header de lote 14-16) with the version a bank's manual prints.
pub const fn versao_lote(versao: &'static str) -> F {
    F::alpha("versao_layout_lote", 14, 16)
        .role(R::LoteLayoutVersao)
        .default(versao)
}

/// G014 "nome do banco" (header de arquivo 103-132) with the name a bank's manual asks for.
pub const fn banco_nome(nome: &'static str) -> F {
    F::alpha("banco_nome", 103, 132)
        .role(R::BancoNome)
        .default(nome)
}

/// Registro 0 — header de arquivo (G001…G021).
pub const HEADER_ARQUIVO: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 240,
    source: SOURCE,
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::constant("lote", 4, 7, "0000"),
        F::constant("tipo_registro", 8, 8, "0"),
        F::blank("cnab_1", 9, 17),
        F::num("tipo_inscricao", 18, 18).role(R::EmpresaTipoInscricao),
        F::alpha("inscricao", 19, 32).role(R::EmpresaInscricao),
        F::alpha("convenio", 33, 52).role(R::Convenio),
        F::num("agencia", 53, 57).role(R::Agencia),
        F::alpha("agencia_dv", 58, 58).role(R::AgenciaDv),
        F::num("conta", 59, 70).role(R::Conta),
        F::alpha("conta_dv", 71, 71).role(R::ContaDv),
        F::alpha("agencia_conta_dv", 72, 72).role(R::AgenciaContaDv),
        F::alpha("empresa_nome", 73, 102).role(R::EmpresaNome),
        F::alpha("banco_nome", 103, 132).role(R::BancoNome),
        F::blank("cnab_2", 133, 142),
        F::num("codigo_remessa_retorno", 143, 143).role(R::ArquivoCodigo),
        F::date8("data_geracao", 144, 151).role(R::DataGeracao),
        F::num("hora_geracao", 152, 157).role(R::HoraGeracao),
        F::num("nsa", 158, 163).role(R::Nsa),
        versao_arquivo("107"),
        F::num("densidade", 167, 171),
        F::alpha("reservado_banco", 172, 191),
        F::alpha("reservado_empresa", 192, 211),
        F::blank("cnab_3", 212, 240),
    ],
};

/// Registro 1 — header de lote de cobrança.
pub const HEADER_LOTE: RecordLayout = RecordLayout {
    name: "header_lote",
    len: 240,
    source: SOURCE,
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::num("lote", 4, 7).role(R::Lote),
        F::constant("tipo_registro", 8, 8, "1"),
        F::alpha("operacao", 9, 9).role(R::Operacao),
        F::num("servico", 10, 11).default("01"),
        F::blank("cnab_1", 12, 13),
        versao_lote("060"),
        F::blank("cnab_2", 17, 17),
        F::num("tipo_inscricao", 18, 18).role(R::EmpresaTipoInscricao),
        F::alpha("inscricao", 19, 33).role(R::EmpresaInscricao),
        F::alpha("convenio", 34, 53).role(R::Convenio),
        F::num("agencia", 54, 58).role(R::Agencia),
        F::alpha("agencia_dv", 59, 59).role(R::AgenciaDv),
        F::num("conta", 60, 71).role(R::Conta),
        F::alpha("conta_dv", 72, 72).role(R::ContaDv),
        F::alpha("agencia_conta_dv", 73, 73).role(R::AgenciaContaDv),
        F::alpha("empresa_nome", 74, 103).role(R::EmpresaNome),
        F::alpha("mensagem_1", 104, 143),
        F::alpha("mensagem_2", 144, 183),
        F::num("numero_remessa_retorno", 184, 191).role(R::Nsa),
        F::date8("data_gravacao", 192, 199).role(R::DataGeracao),
        F::date8("data_credito", 200, 207).role(R::DataCredito),
        F::blank("cnab_3", 208, 240),
    ],
};

/// Segmento P — título (remessa).
pub const SEGMENTO_P: RecordLayout = RecordLayout {
    name: "segmento_p",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_cobranca("P", R::Movimento),
        g::TITULO_CONTA,
        [
            F::num("forma_cadastramento", 59, 59).default("1"),
            F::alpha("tipo_documento", 60, 60).default("1"),
            F::num("emissao_boleto", 61, 61).default("2"),
            F::alpha("distribuicao_boleto", 62, 62).default("2"),
            F::alpha("seu_numero", 63, 77).role(R::SeuNumero),
            F::date8("vencimento", 78, 85).role(R::Vencimento),
            F::dec("valor_titulo", 86, 100, 2).role(R::ValorTitulo),
            F::num("agencia_cobradora", 101, 105),
            F::alpha("agencia_cobradora_dv", 106, 106),
            F::num("especie", 107, 108).role(R::Especie),
            F::alpha("aceite", 109, 109).role(R::Aceite).default("N"),
            F::date8("data_emissao", 110, 117).role(R::Emissao),
            F::num("juros_codigo", 118, 118)
                .role(R::JurosCodigo)
                .default("3"),
            F::date8("juros_data", 119, 126).role(R::JurosData),
            F::dec("juros_valor", 127, 141, 2).role(R::JurosValor),
            F::num("desconto_codigo", 142, 142).role(R::DescontoCodigo),
            F::date8("desconto_data", 143, 150).role(R::DescontoData),
            F::dec("desconto_valor", 151, 165, 2).role(R::DescontoValor),
            F::dec("valor_iof", 166, 180, 2).role(R::Iof),
            F::dec("valor_abatimento", 181, 195, 2).role(R::Abatimento),
            F::alpha("uso_empresa", 196, 220).role(R::UsoEmpresa),
            F::num("protesto_codigo", 221, 221)
                .role(R::ProtestoCodigo)
                .default("3"),
            F::num("protesto_prazo", 222, 223).role(R::ProtestoPrazo),
            F::num("baixa_codigo", 224, 224)
                .role(R::BaixaCodigo)
                .default("0"),
            F::num("baixa_prazo", 225, 227).role(R::BaixaPrazo),
            F::num("moeda", 228, 229).default("09"),
            F::num("contrato", 230, 239),
            F::alpha("uso_livre", 240, 240),
        ]
    ],
};

/// Segmento Q — pagador and sacador/avalista (remessa).
pub const SEGMENTO_Q: RecordLayout = RecordLayout {
    name: "segmento_q",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_cobranca("Q", R::Movimento),
        [
            F::num("pagador_tipo_inscricao", 18, 18).role(R::PagadorTipoInscricao),
            F::alpha("pagador_inscricao", 19, 33).role(R::PagadorInscricao),
            F::alpha("pagador_nome", 34, 73).role(R::PagadorNome),
            F::alpha("pagador_endereco", 74, 113).role(R::PagadorEndereco),
            F::alpha("pagador_bairro", 114, 128).role(R::PagadorBairro),
            F::num("pagador_cep", 129, 136).role(R::PagadorCep),
            F::alpha("pagador_cidade", 137, 151).role(R::PagadorCidade),
            F::alpha("pagador_uf", 152, 153).role(R::PagadorUf),
            F::num("sacador_tipo_inscricao", 154, 154).role(R::SacadorTipoInscricao),
            F::alpha("sacador_inscricao", 155, 169).role(R::SacadorInscricao),
            F::alpha("sacador_nome", 170, 209).role(R::SacadorNome),
            F::num("banco_correspondente", 210, 212),
            F::alpha("nosso_numero_correspondente", 213, 232),
            F::blank("cnab_2", 233, 240),
        ]
    ],
};

/// Segmento Q as manuals that print the sacador's inscrição N(15) fill it: zeros when there is none (Banrisul 3.4,
/// Bradesco p. 14); FEBRABAN's positions otherwise.
pub const SEGMENTO_Q_SACADOR_ZEROS: RecordLayout = RecordLayout {
    source: SOURCE,
    fields: patched!(
        SEGMENTO_Q.fields,
        [F::alpha("sacador_inscricao", 155, 169)
            .role(R::SacadorInscricao)
            .default("000000000000000")]
    ),
    ..SEGMENTO_Q
};

/// Segmento R — second/third discount, multa, messages (remessa).
pub const SEGMENTO_R: RecordLayout = RecordLayout {
    name: "segmento_r",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_cobranca("R", R::Movimento),
        [
            F::num("desconto2_codigo", 18, 18).role(R::Desconto2Codigo),
            F::date8("desconto2_data", 19, 26).role(R::Desconto2Data),
            F::dec("desconto2_valor", 27, 41, 2).role(R::Desconto2Valor),
            F::num("desconto3_codigo", 42, 42),
            F::date8("desconto3_data", 43, 50),
            F::dec("desconto3_valor", 51, 65, 2),
            F::alpha("multa_codigo", 66, 66).role(R::MultaCodigo),
            F::date8("multa_data", 67, 74).role(R::MultaData),
            F::dec("multa_valor", 75, 89, 2).role(R::MultaValor),
            F::alpha("informacao_pagador", 90, 99),
            F::alpha("mensagem_3", 100, 139).role(R::Mensagem3),
            F::alpha("mensagem_4", 140, 179).role(R::Mensagem4),
            F::blank("cnab_2", 180, 199),
            F::num("codigo_ocorrencia_pagador", 200, 207),
            F::num("debito_banco", 208, 210),
            F::num("debito_agencia", 211, 215),
            F::alpha("debito_agencia_dv", 216, 216),
            F::num("debito_conta", 217, 228),
            F::alpha("debito_conta_dv", 229, 229),
            F::alpha("debito_agencia_conta_dv", 230, 230),
            F::num("aviso_debito", 231, 231),
            F::blank("cnab_3", 232, 240),
        ]
    ],
};

/// Segmento S — messages (remessa), tipo de impressão 3 (five lines of 40).
pub const SEGMENTO_S: RecordLayout = RecordLayout {
    name: "segmento_s",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_cobranca("S", R::Movimento),
        [
            F::alpha("tipo_impressao", 18, 18).default("3"),
            F::alpha("mensagem_5", 19, 58).role(R::Mensagem1),
            F::alpha("mensagem_6", 59, 98).role(R::Mensagem2),
            F::alpha("mensagem_7", 99, 138),
            F::alpha("mensagem_8", 139, 178),
            F::alpha("mensagem_9", 179, 218),
            F::blank("cnab_2", 219, 240),
        ]
    ],
};

/// Segmento T — título (retorno).
pub const SEGMENTO_T: RecordLayout = RecordLayout {
    name: "segmento_t",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_cobranca("T", R::Ocorrencia),
        g::TITULO_CONTA,
        [
            F::alpha("seu_numero", 59, 73).role(R::SeuNumero),
            F::date8("vencimento", 74, 81).role(R::Vencimento),
            F::dec("valor_titulo", 82, 96, 2).role(R::ValorTitulo),
            F::num("banco_cobrador", 97, 99).role(R::BancoCobrador),
            F::num("agencia_cobradora", 100, 104).role(R::AgenciaCobradora),
            F::alpha("agencia_cobradora_dv", 105, 105),
            F::alpha("uso_empresa", 106, 130).role(R::UsoEmpresa),
            F::num("moeda", 131, 132),
            F::num("pagador_tipo_inscricao", 133, 133).role(R::PagadorTipoInscricao),
            F::alpha("pagador_inscricao", 134, 148).role(R::PagadorInscricao),
            F::alpha("pagador_nome", 149, 188).role(R::PagadorNome),
            F::alpha("contrato", 189, 198),
            F::dec("valor_tarifa", 199, 213, 2).role(R::Tarifa),
            F::alpha("motivos", 214, 223).role(R::Motivos),
            F::blank("cnab_2", 224, 240),
        ]
    ],
};

/// Segmento T as manuals that print the pagador's inscrição N(15) and the contrato N(10) fill them: the inscrição
/// zero-filled when written (no alphanumeric CNPJ refused on read), the contrato a number (Banrisul 3.8, pp. 22-26;
/// Bradesco p. 18); FEBRABAN's positions otherwise.
pub const SEGMENTO_T_NUMERICO: RecordLayout = RecordLayout {
    source: SOURCE,
    fields: patched!(
        SEGMENTO_T.fields,
        [
            F::alpha("pagador_inscricao", 134, 148)
                .role(R::PagadorInscricao)
                .default("000000000000000"),
            F::num("contrato", 189, 198),
        ]
    ),
    ..SEGMENTO_T
};

/// Segmento U — values and dates of the event (retorno).
pub const SEGMENTO_U: RecordLayout = RecordLayout {
    name: "segmento_u",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::detalhe_cobranca("U", R::Ocorrencia),
        [
            F::dec("juros_multa", 18, 32, 2).role(R::JurosMulta),
            F::dec("desconto", 33, 47, 2).role(R::Desconto),
            F::dec("abatimento", 48, 62, 2).role(R::Abatimento),
            F::dec("iof", 63, 77, 2).role(R::Iof),
            F::dec("valor_pago", 78, 92, 2).role(R::ValorPago),
            F::dec("valor_liquido", 93, 107, 2).role(R::ValorCreditado),
            F::dec("outras_despesas", 108, 122, 2).role(R::OutrasDespesas),
            F::dec("outros_creditos", 123, 137, 2).role(R::OutrosCreditos),
            F::date8("data_ocorrencia", 138, 145).role(R::DataOcorrencia),
            F::date8("data_credito", 146, 153).role(R::DataCredito),
            F::alpha("ocorrencia_pagador_codigo", 154, 157),
            F::date8("ocorrencia_pagador_data", 158, 165),
            F::dec("ocorrencia_pagador_valor", 166, 180, 2),
            F::alpha("ocorrencia_pagador_complemento", 181, 210),
            F::num("banco_correspondente", 211, 213),
            F::alpha("nosso_numero_correspondente", 214, 233),
            F::blank("cnab_2", 234, 240),
        ]
    ],
};

/// Segmento Y — optional records (Y-01 sacador/avalista, Y-03 PIX, Y-04 e-mail, Y-08 rateio, …), identified at
/// 18-19; kept raw: the writer does not emit it, the reader keeps it with its entry.
pub const SEGMENTO_Y: RecordLayout = RecordLayout {
    name: "segmento_y",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::DETALHE,
        g::segmento("Y"),
        [
            F::blank("cnab_1", 15, 15),
            F::alpha("codigo_movimento", 16, 17),
            F::alpha("identificacao_registro", 18, 19),
            F::alpha("dados", 20, 240),
        ]
    ],
};

/// Trailer de lote totals of cobrança simples, vinculada, caucionada and descontada (06.5-13.5: C070 "Quantidade de
/// Títulos em Cobrança", C071 "Valor Total dos Títulos em Carteiras", "só serão utilizados para informação do arquivo
/// retorno"). C070 reads "somatória dos registros enviados no lote … de acordo com o Código da Carteira", but the
/// banks' manuals fill the position of the carteira at the bank: Itaú 240 nota 24 ("quantidades e valores dos
/// títulos a vencer registrados no Itaú"), Santander H7815 nota 39 ("posição da carteira de cobrança"), Banrisul 240
/// obs. 7 ("as quantidades em carteira … somente constarão no último lote"); real retornos agree (Santander 3,650
/// titles for a batch of one, Sicoob 282 for 30). So they are the carteira's totals: shown, never compared with the
/// batch's entries.
pub const QTD_SIMPLES: TotalSpec = TotalSpec::quantidade(ScopeSpec::Carteira("simples"));
/// C071 of cobrança simples (see [`QTD_SIMPLES`]).
pub const VALOR_SIMPLES: TotalSpec = TotalSpec::valor_titulo(ScopeSpec::Carteira("simples"));
/// C070 of cobrança vinculada (see [`QTD_SIMPLES`]).
pub const QTD_VINCULADA: TotalSpec = TotalSpec::quantidade(ScopeSpec::Carteira("vinculada"));
/// C071 of cobrança vinculada (see [`QTD_SIMPLES`]).
pub const VALOR_VINCULADA: TotalSpec = TotalSpec::valor_titulo(ScopeSpec::Carteira("vinculada"));
/// C070 of cobrança caucionada (see [`QTD_SIMPLES`]).
pub const QTD_CAUCIONADA: TotalSpec = TotalSpec::quantidade(ScopeSpec::Carteira("caucionada"));
/// C071 of cobrança caucionada (see [`QTD_SIMPLES`]).
pub const VALOR_CAUCIONADA: TotalSpec = TotalSpec::valor_titulo(ScopeSpec::Carteira("caucionada"));
/// C070 of cobrança descontada (see [`QTD_SIMPLES`]).
pub const QTD_DESCONTADA: TotalSpec = TotalSpec::quantidade(ScopeSpec::Carteira("descontada"));
/// C071 of cobrança descontada (see [`QTD_SIMPLES`]).
pub const VALOR_DESCONTADA: TotalSpec = TotalSpec::valor_titulo(ScopeSpec::Carteira("descontada"));

/// Registro 5 — trailer de lote (retorno: totals per carteira, see [`QTD_SIMPLES`]; remessa: zeros/blanks after the
/// count).
pub const TRAILER_LOTE: RecordLayout = RecordLayout {
    name: "trailer_lote",
    len: 240,
    source: SOURCE,
    fields: fields![
        g::TRAILER_LOTE,
        [
            F::num("qtd_registros", 18, 23).role(R::QtdRegistros),
            F::alpha("qtd_simples", 24, 29).total(QTD_SIMPLES),
            F::alpha("valor_simples", 30, 46).total(VALOR_SIMPLES),
            F::alpha("qtd_vinculada", 47, 52).total(QTD_VINCULADA),
            F::alpha("valor_vinculada", 53, 69).total(VALOR_VINCULADA),
            F::alpha("qtd_caucionada", 70, 75).total(QTD_CAUCIONADA),
            F::alpha("valor_caucionada", 76, 92).total(VALOR_CAUCIONADA),
            F::alpha("qtd_descontada", 93, 98).total(QTD_DESCONTADA),
            F::alpha("valor_descontada", 99, 115).total(VALOR_DESCONTADA),
            F::alpha("aviso_lancamento", 116, 123),
            F::blank("cnab_2", 124, 240),
        ]
    ],
};

/// Registro 5 with the totals 06.5-13.5 as numbers (N, zero-filled; cobrança simples carries the batch's count and
/// sum when written), as Banrisul (3.10, p. 28), Bradesco (p. 20) and Sicoob (aba 05, campos 06.5-13.5) print them.
/// Read, they are still the carteira's totals (see [`QTD_SIMPLES`]).
pub const TRAILER_LOTE_NUMERICO: RecordLayout = RecordLayout {
    source: SOURCE,
    fields: patched!(
        TRAILER_LOTE.fields,
        [
            F::num("qtd_simples", 24, 29)
                .role(R::QtdTitulos)
                .total(QTD_SIMPLES),
            F::dec("valor_simples", 30, 46, 2)
                .role(R::ValorTotal)
                .total(VALOR_SIMPLES),
            F::num("qtd_vinculada", 47, 52).total(QTD_VINCULADA),
            F::dec("valor_vinculada", 53, 69, 2).total(VALOR_VINCULADA),
            F::num("qtd_caucionada", 70, 75).total(QTD_CAUCIONADA),
            F::dec("valor_caucionada", 76, 92, 2).total(VALOR_CAUCIONADA),
            F::num("qtd_descontada", 93, 98).total(QTD_DESCONTADA),
            F::dec("valor_descontada", 99, 115, 2).total(VALOR_DESCONTADA),
        ]
    ),
    ..TRAILER_LOTE
};

/// Registro 9 — trailer de arquivo.
pub const TRAILER_ARQUIVO: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 240,
    source: SOURCE,
    fields: &[
        F::num("banco", 1, 3).role(R::BancoCodigo),
        F::constant("lote", 4, 7, "9999"),
        F::constant("tipo_registro", 8, 8, "9"),
        F::blank("cnab_1", 9, 17),
        F::num("qtd_lotes", 18, 23).role(R::QtdLotes),
        F::num("qtd_registros", 24, 29).role(R::QtdRegistros),
        F::alpha("qtd_contas", 30, 35),
        F::blank("cnab_2", 36, 240),
    ],
};

/// The FEBRABAN remessa entry: P, Q, then R when any of its values is set, S when messages 1-2 are set.
pub const ENTRY_REMESSA: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'P')),
    EntryRecord::always(RecordKey::Segment(b'Q')),
    EntryRecord::if_any(
        RecordKey::Segment(b'R'),
        &[
            R::MultaCodigo,
            R::MultaValor,
            R::Desconto2Valor,
            R::Mensagem3,
            R::Mensagem4,
        ],
    ),
    EntryRecord::if_any(RecordKey::Segment(b'S'), &[R::Mensagem1, R::Mensagem2]),
    EntryRecord::read_only(RecordKey::Segment(b'Y')),
];

/// The FEBRABAN retorno entry: T starts, U (and Y, when a bank sends it) follow.
pub const ENTRY_RETORNO: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Segment(b'T')),
    EntryRecord::always(RecordKey::Segment(b'U')),
    EntryRecord::read_only(RecordKey::Segment(b'Y')),
];

/// All FEBRABAN cobrança records.
pub const RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &HEADER_ARQUIVO),
    (RecordKey::BatchHeader, &HEADER_LOTE),
    (RecordKey::Segment(b'P'), &SEGMENTO_P),
    (RecordKey::Segment(b'Q'), &SEGMENTO_Q),
    (RecordKey::Segment(b'R'), &SEGMENTO_R),
    (RecordKey::Segment(b'S'), &SEGMENTO_S),
    (RecordKey::Segment(b'T'), &SEGMENTO_T),
    (RecordKey::Segment(b'U'), &SEGMENTO_U),
    (RecordKey::Segment(b'Y'), &SEGMENTO_Y),
    (RecordKey::BatchTrailer, &TRAILER_LOTE),
    (RecordKey::FileTrailer, &TRAILER_ARQUIVO),
];

/// FEBRABAN's cobrança records ([`RECORDS`], in their order) with a bank's own tables in place of FEBRABAN's of the
/// same name: a bank's record list names only the records its manual changes. A table that replaces none of
/// FEBRABAN's fails the build (the function runs in const evaluation).
#[allow(clippy::indexing_slicing)] // const evaluation: out-of-bounds is a compile error, never a runtime panic
pub const fn records_with(
    own: &[&'static RecordLayout],
) -> [(RecordKey, &'static RecordLayout); RECORDS.len()] {
    let mut out = [(RecordKey::FileHeader, &HEADER_ARQUIVO); RECORDS.len()];
    let mut used = 0;
    let mut i = 0;
    while i < RECORDS.len() {
        let (key, base) = RECORDS[i];
        let mut layout = base;
        let mut replaced = false;
        let mut j = 0;
        while j < own.len() {
            if same(own[j].name.as_bytes(), base.name.as_bytes()) {
                assert!(!replaced, "records_with: two tables for one record");
                replaced = true;
                layout = own[j];
                used += 1;
            }
            j += 1;
        }
        out[i] = (key, layout);
        i += 1;
    }
    assert!(
        used == own.len(),
        "records_with: a table replaces none of FEBRABAN's records"
    );
    out
}

/// The constant one-character field of `r` that starts at `start` (G003 tipo de registro at 8, G039 segmento at 14).
const fn constant_at(r: &RecordLayout, start: u16) -> Option<u8> {
    let mut rest = r.fields;
    while let Some((f, tail)) = rest.split_first() {
        if f.start == start {
            return match f.kind {
                Kind::Const(v) => match v.as_bytes() {
                    [b] => Some(*b),
                    _ => None,
                },
                _ => None,
            };
        }
        rest = tail;
    }
    None
}

/// A bank's records, each keyed as it says itself: registro 0, 1, 5 or 9 by its G003 tipo de registro (8), a detail
/// (3) by its G039 segmento (14). For a record list that is not FEBRABAN's with a few tables replaced
/// ([`records_with`]): one without some of FEBRABAN's segments, or with records of the bank's own. A record without
/// those constants fails the build (the function runs in const evaluation).
#[allow(clippy::indexing_slicing)] // const evaluation: out-of-bounds is a compile error, never a runtime panic
pub const fn keyed<const N: usize>(
    records: [&'static RecordLayout; N],
) -> [(RecordKey, &'static RecordLayout); N] {
    let mut out = [(RecordKey::FileHeader, &HEADER_ARQUIVO); N];
    let mut i = 0;
    while i < N {
        let r = records[i];
        let key = match constant_at(r, 8) {
            Some(b'0') => Some(RecordKey::FileHeader),
            Some(b'1') => Some(RecordKey::BatchHeader),
            Some(b'3') => match constant_at(r, 14) {
                Some(segmento) => Some(RecordKey::Segment(segmento)),
                None => None,
            },
            Some(b'5') => Some(RecordKey::BatchTrailer),
            Some(b'9') => Some(RecordKey::FileTrailer),
            _ => None,
        };
        assert!(
            key.is_some(),
            "keyed: a record without its tipo de registro or segmento"
        );
        if let Some(key) = key {
            out[i] = (key, r);
        }
        i += 1;
    }
    out
}

/// A bank's cobrança remessa on FEBRABAN's entry ([`ENTRY_REMESSA`]: P, Q, then R and S when they carry something,
/// Y read only): its records, movimento codes and manual.
pub const fn remessa(
    records: &'static [(RecordKey, &'static RecordLayout)],
    movimentos: &'static [OcorrenciaDef],
    source: &'static str,
) -> LayoutSpec {
    LayoutSpec::remessa(Layout::Cnab240, records, ENTRY_REMESSA, movimentos, source)
}

/// A bank's cobrança retorno on FEBRABAN's entry ([`ENTRY_RETORNO`]: T, U, then Y when present): its records,
/// ocorrência and motivo codes and manual.
pub const fn retorno(
    records: &'static [(RecordKey, &'static RecordLayout)],
    ocorrencias: &'static [OcorrenciaDef],
    motivos: &'static [MotivoDef],
    source: &'static str,
) -> LayoutSpec {
    LayoutSpec::retorno(
        Layout::Cnab240,
        records,
        ENTRY_RETORNO,
        ocorrencias,
        motivos,
        source,
    )
}

/// Movimento remessa codes (C004).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[
    mv("01", "Entrada de Títulos"),
    mv("02", "Pedido de Baixa"),
    mv("04", "Concessão de Abatimento"),
    mv("05", "Cancelamento de Abatimento"),
    mv("06", "Alteração de Vencimento"),
    mv("07", "Concessão de Desconto"),
    mv("08", "Cancelamento de Desconto"),
    mv("09", "Protestar"),
    mv("10", "Sustar Protesto e Baixar Título"),
    mv("11", "Sustar Protesto e Manter em Carteira"),
    mv("12", "Alteração de Juros de Mora"),
    mv("13", "Dispensar Cobrança de Juros de Mora"),
    mv("14", "Alteração de Valor/Percentual de Multa"),
    mv("15", "Dispensar Cobrança de Multa"),
    mv("16", "Alteração do Valor/Data de Desconto"),
    mv("17", "Não Conceder Desconto"),
    mv("18", "Alteração do Valor de Abatimento"),
    mv("19", "Prazo Limite de Recebimento - Alterar"),
    mv("20", "Prazo Limite de Recebimento - Dispensar"),
    mv("21", "Alterar número do título dado pelo Beneficiário"),
    mv("22", "Alterar número controle do Participante"),
    mv("23", "Alterar dados do Pagador"),
    mv("24", "Alterar dados do Sacador/Avalista"),
    mv("30", "Recusa da Alegação do Pagador"),
    mv("31", "Alteração de Outros Dados"),
    mv("33", "Alteração dos Dados do Rateio de Crédito"),
    mv(
        "34",
        "Pedido de Cancelamento dos Dados do Rateio de Crédito",
    ),
    mv("35", "Pedido de Desagendamento do Débito Automático"),
    mv("40", "Alteração de Carteira"),
    mv("41", "Cancelar protesto"),
    mv("42", "Alteração de Espécie de Título"),
    mv("43", "Transferência de carteira/modalidade de cobrança"),
    mv("44", "Alteração de contrato de cobrança"),
    mv("45", "Negativação Sem Protesto"),
    mv(
        "46",
        "Solicitação de Baixa de Título Negativado Sem Protesto",
    ),
    mv("47", "Alteração do Valor Nominal do Título"),
    mv("48", "Alteração do Valor Mínimo/Percentual"),
    mv("49", "Alteração do Valor Máximo/Percentual"),
];

/// Movimento retorno codes (C044).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("02", K::EntradaConfirmada, "Entrada Confirmada"),
    oc("03", K::EntradaRejeitada, "Entrada Rejeitada"),
    oc(
        "04",
        K::InstrucaoConfirmada,
        "Transferência de Carteira/Entrada",
    ),
    oc(
        "05",
        K::InstrucaoConfirmada,
        "Transferência de Carteira/Baixa",
    ),
    oc("06", K::Liquidacao, "Liquidação"),
    oc(
        "07",
        K::InstrucaoConfirmada,
        "Confirmação do Recebimento da Instrução de Desconto",
    ),
    oc(
        "08",
        K::InstrucaoConfirmada,
        "Confirmação do Recebimento do Cancelamento do Desconto",
    ),
    oc("09", K::Baixa, "Baixa"),
    oc("11", K::Informativo, "Títulos em Carteira (Em Ser)"),
    oc(
        "12",
        K::InstrucaoConfirmada,
        "Confirmação Recebimento Instrução de Abatimento",
    ),
    oc(
        "13",
        K::InstrucaoConfirmada,
        "Confirmação Recebimento Instrução de Cancelamento Abatimento",
    ),
    oc(
        "14",
        K::InstrucaoConfirmada,
        "Confirmação Recebimento Instrução Alteração de Vencimento",
    ),
    oc("15", K::Liquidacao, "Franco de Pagamento"),
    oc(
        "17",
        K::LiquidacaoAposBaixa,
        "Liquidação Após Baixa ou Liquidação Título Não Registrado",
    ),
    oc(
        "19",
        K::Protesto,
        "Confirmação Recebimento Instrução de Protesto",
    ),
    oc(
        "20",
        K::Protesto,
        "Confirmação Recebimento Instrução de Sustação/Cancelamento de Protesto",
    ),
    oc("23", K::Protesto, "Remessa a Cartório (Aponte em Cartório)"),
    oc(
        "24",
        K::Protesto,
        "Retirada de Cartório e Manutenção em Carteira",
    ),
    oc(
        "25",
        K::Baixa,
        "Protestado e Baixado (Baixa por Ter Sido Protestado)",
    ),
    oc("26", K::InstrucaoRejeitada, "Instrução Rejeitada"),
    oc(
        "27",
        K::InstrucaoConfirmada,
        "Confirmação do Pedido de Alteração de Outros Dados",
    ),
    oc("28", K::Tarifa, "Débito de Tarifas/Custas"),
    oc("29", K::Informativo, "Ocorrências do Pagador"),
    oc("30", K::InstrucaoRejeitada, "Alteração de Dados Rejeitada"),
    oc(
        "33",
        K::InstrucaoConfirmada,
        "Confirmação da Alteração dos Dados do Rateio de Crédito",
    ),
    oc(
        "34",
        K::InstrucaoConfirmada,
        "Confirmação do Cancelamento dos Dados do Rateio de Crédito",
    ),
    oc(
        "35",
        K::InstrucaoConfirmada,
        "Confirmação do Desagendamento do Débito Automático",
    ),
    oc("36", K::Informativo, "Confirmação de envio de e-mail/SMS"),
    oc("37", K::InstrucaoRejeitada, "Envio de e-mail/SMS rejeitado"),
    oc(
        "38",
        K::InstrucaoConfirmada,
        "Confirmação de Alteração do Prazo Limite de Recebimento",
    ),
    oc(
        "39",
        K::InstrucaoConfirmada,
        "Confirmação de Dispensa de Prazo Limite de Recebimento",
    ),
    oc(
        "40",
        K::InstrucaoConfirmada,
        "Confirmação da alteração do número do título dado pelo Beneficiário",
    ),
    oc(
        "41",
        K::InstrucaoConfirmada,
        "Confirmação da alteração do número controle do Participante",
    ),
    oc(
        "42",
        K::InstrucaoConfirmada,
        "Confirmação da alteração dos dados do Pagador",
    ),
    oc(
        "43",
        K::InstrucaoConfirmada,
        "Confirmação da alteração dos dados do Sacador/Avalista",
    ),
    oc("44", K::Informativo, "Título pago com cheque devolvido"),
    oc("45", K::Informativo, "Título pago com cheque compensado"),
    oc(
        "46",
        K::Protesto,
        "Instrução para cancelar protesto confirmada",
    ),
    oc(
        "47",
        K::Protesto,
        "Instrução para protesto para fins falimentares confirmada",
    ),
    oc(
        "48",
        K::InstrucaoConfirmada,
        "Confirmação de instrução de transferência de carteira/modalidade de cobrança",
    ),
    oc(
        "49",
        K::InstrucaoConfirmada,
        "Alteração de contrato de cobrança",
    ),
    oc(
        "50",
        K::Informativo,
        "Título pago com cheque pendente de liquidação",
    ),
    oc("51", K::Informativo, "Título DDA reconhecido pelo pagador"),
    oc(
        "52",
        K::Informativo,
        "Título DDA não reconhecido pelo pagador",
    ),
    oc("53", K::Informativo, "Título DDA recusado pela CIP"),
    oc(
        "54",
        K::InstrucaoConfirmada,
        "Confirmação da Instrução de Baixa de Título Negativado sem Protesto",
    ),
    oc(
        "55",
        K::InstrucaoConfirmada,
        "Confirmação de Pedido de Dispensa de Multa",
    ),
    oc(
        "56",
        K::InstrucaoConfirmada,
        "Confirmação do Pedido de Cobrança de Multa",
    ),
    oc(
        "57",
        K::InstrucaoConfirmada,
        "Confirmação do Pedido de Alteração de Cobrança de Juros",
    ),
    oc(
        "58",
        K::InstrucaoConfirmada,
        "Confirmação do Pedido de Alteração do Valor/Data de Desconto",
    ),
    oc(
        "59",
        K::InstrucaoConfirmada,
        "Confirmação do Pedido de Alteração do Beneficiário do Título",
    ),
    oc(
        "60",
        K::InstrucaoConfirmada,
        "Confirmação do Pedido de Dispensa de Juros de Mora",
    ),
    oc(
        "61",
        K::InstrucaoConfirmada,
        "Confirmação de Alteração do Valor Nominal do Título",
    ),
    oc("63", K::Informativo, "Título Sustado Judicialmente"),
];

/// FEBRABAN's motivo `code` of table A (C047, rejeições: movimentos 02, 03, 26, 30), for a bank table that keeps it
/// as FEBRABAN prints it; a code FEBRABAN's table lacks fails the build.
pub const fn motivo_a(code: &str) -> MotivoDef {
    find_motivo(REJEICAO, code)
}

/// FEBRABAN's motivo `code` of table B (C047, tarifas: movimento 28); see [`motivo_a`].
pub const fn motivo_b(code: &str) -> MotivoDef {
    find_motivo(TARIFA, code)
}

/// FEBRABAN's motivo `code` of table C (C047, liquidação/baixa: movimentos 06, 09, 17); see [`motivo_a`].
pub const fn motivo_c(code: &str) -> MotivoDef {
    find_motivo(LIQUIDACAO_BAIXA, code)
}

const fn find_motivo(table: &[&str], code: &str) -> MotivoDef {
    let mut rest = MOTIVOS;
    let mut found = None;
    while let Some((first, tail)) = rest.split_first() {
        let same_table = match (first.ocorrencias.first(), table.first()) {
            (Some(a), Some(b)) => same(a.as_bytes(), b.as_bytes()),
            _ => false,
        };
        if found.is_none() && same_table && same(first.code.as_bytes(), code.as_bytes()) {
            found = Some(*first);
        }
        rest = tail;
    }
    assert!(found.is_some(), "motivo not in FEBRABAN's table");
    match found {
        Some(def) => def,
        None => m(&[], "", ""),
    }
}

const REJEICAO: &[&str] = &["02", "03", "26", "30"];
const TARIFA: &[&str] = &["28"];
const LIQUIDACAO_BAIXA: &[&str] = &["06", "09", "17"];

/// Motivo codes (C047): table A for 02/03/26/30, B for 28, C for 06/09/17.
pub const MOTIVOS: &[MotivoDef] = &[
    m(REJEICAO, "01", "Código do Banco Inválido"),
    m(REJEICAO, "02", "Código do Registro Detalhe Inválido"),
    m(REJEICAO, "03", "Código do Segmento Inválido"),
    m(
        REJEICAO,
        "04",
        "Código de Movimento Não Permitido para Carteira",
    ),
    m(REJEICAO, "05", "Código de Movimento Inválido"),
    m(
        REJEICAO,
        "06",
        "Tipo/Número de Inscrição do Beneficiário Inválidos",
    ),
    m(REJEICAO, "07", "Agência/Conta/DV Inválido"),
    m(REJEICAO, "08", "Nosso Número Inválido"),
    m(REJEICAO, "09", "Nosso Número Duplicado"),
    m(REJEICAO, "10", "Carteira Inválida"),
    m(REJEICAO, "11", "Forma de Cadastramento do Título Inválido"),
    m(REJEICAO, "12", "Tipo de Documento Inválido"),
    m(
        REJEICAO,
        "13",
        "Identificação da Emissão do Boleto Inválida",
    ),
    m(
        REJEICAO,
        "14",
        "Identificação da Distribuição do Boleto Inválida",
    ),
    m(REJEICAO, "15", "Características da Cobrança Incompatíveis"),
    m(REJEICAO, "16", "Data de Vencimento Inválida"),
    m(
        REJEICAO,
        "17",
        "Data de Vencimento Anterior a Data de Emissão",
    ),
    m(REJEICAO, "18", "Vencimento Fora do Prazo de Operação"),
    m(
        REJEICAO,
        "19",
        "Título a Cargo de Bancos Correspondentes com Vencimento Inferior a XX Dias",
    ),
    m(REJEICAO, "20", "Valor do Título Inválido"),
    m(REJEICAO, "21", "Espécie do Título Inválida"),
    m(
        REJEICAO,
        "22",
        "Espécie do Título Não Permitida para a Carteira",
    ),
    m(REJEICAO, "23", "Aceite Inválido"),
    m(REJEICAO, "24", "Data da Emissão Inválida"),
    m(
        REJEICAO,
        "25",
        "Data da Emissão Posterior a Data de Entrada",
    ),
    m(REJEICAO, "26", "Código de Juros de Mora Inválido"),
    m(REJEICAO, "27", "Valor/Taxa de Juros de Mora Inválido"),
    m(REJEICAO, "28", "Código do Desconto Inválido"),
    m(
        REJEICAO,
        "29",
        "Valor do Desconto Maior ou Igual ao Valor do Título",
    ),
    m(REJEICAO, "30", "Desconto a Conceder Não Confere"),
    m(
        REJEICAO,
        "31",
        "Concessão de Desconto - Já Existe Desconto Anterior",
    ),
    m(REJEICAO, "32", "Valor do IOF Inválido"),
    m(REJEICAO, "33", "Valor do Abatimento Inválido"),
    m(
        REJEICAO,
        "34",
        "Valor do Abatimento Maior ou Igual ao Valor do Título",
    ),
    m(REJEICAO, "35", "Valor a Conceder Não Confere"),
    m(
        REJEICAO,
        "36",
        "Concessão de Abatimento - Já Existe Abatimento Anterior",
    ),
    m(REJEICAO, "37", "Código para Protesto Inválido"),
    m(REJEICAO, "38", "Prazo para Protesto Inválido"),
    m(
        REJEICAO,
        "39",
        "Pedido de Protesto Não Permitido para o Título",
    ),
    m(REJEICAO, "40", "Título com Ordem de Protesto Emitida"),
    m(
        REJEICAO,
        "41",
        "Pedido de Cancelamento/Sustação para Títulos sem Instrução de Protesto",
    ),
    m(REJEICAO, "42", "Código para Baixa/Devolução Inválido"),
    m(REJEICAO, "43", "Prazo para Baixa/Devolução Inválido"),
    m(REJEICAO, "44", "Código da Moeda Inválido"),
    m(REJEICAO, "45", "Nome do Pagador Não Informado"),
    m(
        REJEICAO,
        "46",
        "Tipo/Número de Inscrição do Pagador Inválidos",
    ),
    m(REJEICAO, "47", "Endereço do Pagador Não Informado"),
    m(REJEICAO, "48", "CEP Inválido"),
    m(REJEICAO, "49", "CEP Sem Praça de Cobrança (Não Localizado)"),
    m(REJEICAO, "50", "CEP Referente a um Banco Correspondente"),
    m(
        REJEICAO,
        "51",
        "CEP incompatível com a Unidade da Federação",
    ),
    m(REJEICAO, "52", "Unidade da Federação Inválida"),
    m(
        REJEICAO,
        "53",
        "Tipo/Número de Inscrição do Sacador/Avalista Inválidos",
    ),
    m(REJEICAO, "54", "Sacador/Avalista Não Informado"),
    m(
        REJEICAO,
        "55",
        "Nosso número no Banco Correspondente Não Informado",
    ),
    m(
        REJEICAO,
        "56",
        "Código do Banco Correspondente Não Informado",
    ),
    m(REJEICAO, "57", "Código da Multa Inválido"),
    m(REJEICAO, "58", "Data da Multa Inválida"),
    m(REJEICAO, "59", "Valor/Percentual da Multa Inválido"),
    m(REJEICAO, "60", "Movimento para Título Não Cadastrado"),
    m(REJEICAO, "61", "Alteração da Agência Cobradora/DV Inválida"),
    m(REJEICAO, "62", "Tipo de Impressão Inválido"),
    m(REJEICAO, "63", "Entrada para Título já Cadastrado"),
    m(REJEICAO, "64", "Número da Linha Inválido"),
    m(REJEICAO, "65", "Código do Banco para Débito Inválido"),
    m(REJEICAO, "66", "Agência/Conta/DV para Débito Inválido"),
    m(
        REJEICAO,
        "67",
        "Dados para Débito incompatível com a Identificação da Emissão do Boleto",
    ),
    m(REJEICAO, "68", "Débito Automático Agendado"),
    m(
        REJEICAO,
        "69",
        "Débito Não Agendado - Erro nos Dados da Remessa",
    ),
    m(
        REJEICAO,
        "70",
        "Débito Não Agendado - Pagador Não Consta do Cadastro de Autorizante",
    ),
    m(
        REJEICAO,
        "71",
        "Débito Não Agendado - Beneficiário Não Autorizado pelo Pagador",
    ),
    m(
        REJEICAO,
        "72",
        "Débito Não Agendado - Beneficiário Não Participa da Modalidade Débito Automático",
    ),
    m(
        REJEICAO,
        "73",
        "Débito Não Agendado - Código de Moeda Diferente de Real (R$)",
    ),
    m(
        REJEICAO,
        "74",
        "Débito Não Agendado - Data Vencimento Inválida",
    ),
    m(
        REJEICAO,
        "75",
        "Débito Não Agendado, Conforme seu Pedido, Título Não Registrado",
    ),
    m(
        REJEICAO,
        "76",
        "Débito Não Agendado, Tipo/Num. Inscrição do Debitado, Inválido",
    ),
    m(
        REJEICAO,
        "77",
        "Transferência para Desconto Não Permitida para a Carteira do Título",
    ),
    m(
        REJEICAO,
        "78",
        "Data Inferior ou Igual ao Vencimento para Débito Automático",
    ),
    m(REJEICAO, "79", "Data Juros de Mora Inválido"),
    m(REJEICAO, "80", "Data do Desconto Inválida"),
    m(REJEICAO, "81", "Tentativas de Débito Esgotadas - Baixado"),
    m(REJEICAO, "82", "Tentativas de Débito Esgotadas - Pendente"),
    m(REJEICAO, "83", "Limite Excedido"),
    m(REJEICAO, "84", "Número Autorização Inexistente"),
    m(REJEICAO, "85", "Título com Pagamento Vinculado"),
    m(REJEICAO, "86", "Seu Número Inválido"),
    m(REJEICAO, "87", "e-mail/SMS enviado"),
    m(REJEICAO, "88", "e-mail Lido"),
    m(
        REJEICAO,
        "89",
        "e-mail/SMS devolvido - endereço de e-mail ou número do celular incorreto",
    ),
    m(REJEICAO, "90", "e-mail devolvido - caixa postal cheia"),
    m(
        REJEICAO,
        "91",
        "e-mail/número do celular do Pagador não informado",
    ),
    m(
        REJEICAO,
        "92",
        "Pagador optante por Boleto Eletrônico - e-mail não enviado",
    ),
    m(
        REJEICAO,
        "93",
        "Código para emissão de boleto não permite envio de e-mail",
    ),
    m(
        REJEICAO,
        "94",
        "Código da Carteira inválido para envio e-mail",
    ),
    m(REJEICAO, "95", "Contrato não permite o envio de e-mail"),
    m(REJEICAO, "96", "Número de contrato inválido"),
    m(
        REJEICAO,
        "97",
        "Rejeição da alteração do prazo limite de recebimento",
    ),
    m(
        REJEICAO,
        "98",
        "Rejeição de dispensa de prazo limite de recebimento",
    ),
    m(
        REJEICAO,
        "99",
        "Rejeição da alteração do número do título dado pelo Beneficiário",
    ),
    m(TARIFA, "01", "Tarifa de Extrato de Posição"),
    m(TARIFA, "02", "Tarifa de Manutenção de Título Vencido"),
    m(TARIFA, "03", "Tarifa de Sustação"),
    m(TARIFA, "04", "Tarifa de Protesto"),
    m(TARIFA, "05", "Tarifa de Outras Instruções"),
    m(TARIFA, "06", "Tarifa de Outras Ocorrências"),
    m(TARIFA, "07", "Tarifa de Envio de Duplicata ao Pagador"),
    m(TARIFA, "08", "Custas de Protesto"),
    m(TARIFA, "09", "Custas de Sustação de Protesto"),
    m(TARIFA, "10", "Custas de Cartório Distribuidor"),
    m(TARIFA, "11", "Custas de Edital"),
    m(TARIFA, "12", "Tarifa Sobre Devolução de Título Vencido"),
    m(
        TARIFA,
        "13",
        "Tarifa Sobre Registro Cobrada na Baixa/Liquidação",
    ),
    m(TARIFA, "14", "Tarifa Sobre Reapresentação Automática"),
    m(TARIFA, "15", "Tarifa Sobre Rateio de Crédito"),
    m(TARIFA, "16", "Tarifa Sobre Informações Via Fax"),
    m(TARIFA, "17", "Tarifa Sobre Prorrogação de Vencimento"),
    m(
        TARIFA,
        "18",
        "Tarifa Sobre Alteração de Abatimento/Desconto",
    ),
    m(TARIFA, "19", "Tarifa Sobre Arquivo mensal (Em Ser)"),
    m(
        TARIFA,
        "20",
        "Tarifa Sobre Emissão de Boleto Pré-Emitido pelo Banco",
    ),
    m(LIQUIDACAO_BAIXA, "01", "Por Saldo"),
    m(LIQUIDACAO_BAIXA, "02", "Por Conta"),
    m(
        LIQUIDACAO_BAIXA,
        "03",
        "Liquidação no Guichê de Caixa em Dinheiro",
    ),
    m(LIQUIDACAO_BAIXA, "04", "Compensação Eletrônica"),
    m(LIQUIDACAO_BAIXA, "05", "Compensação Convencional"),
    m(LIQUIDACAO_BAIXA, "06", "Por Meio Eletrônico"),
    m(LIQUIDACAO_BAIXA, "07", "Após Feriado Local"),
    m(LIQUIDACAO_BAIXA, "08", "Em Cartório"),
    m(LIQUIDACAO_BAIXA, "09", "Comandada Banco"),
    m(LIQUIDACAO_BAIXA, "10", "Comandada Cliente Arquivo"),
    m(LIQUIDACAO_BAIXA, "11", "Comandada Cliente On-line"),
    m(LIQUIDACAO_BAIXA, "12", "Decurso Prazo - Cliente"),
    m(LIQUIDACAO_BAIXA, "13", "Decurso Prazo - Banco"),
    m(LIQUIDACAO_BAIXA, "14", "Protestado"),
    m(LIQUIDACAO_BAIXA, "15", "Título Excluído"),
    m(
        LIQUIDACAO_BAIXA,
        "30",
        "Liquidação no Guichê de Caixa em Cheque",
    ),
    m(LIQUIDACAO_BAIXA, "31", "Liquidação em banco correspondente"),
    m(
        LIQUIDACAO_BAIXA,
        "32",
        "Liquidação Terminal de Auto-Atendimento",
    ),
    m(
        LIQUIDACAO_BAIXA,
        "33",
        "Liquidação na Internet (Home banking)",
    ),
    m(LIQUIDACAO_BAIXA, "34", "Liquidado Office Banking"),
    m(
        LIQUIDACAO_BAIXA,
        "35",
        "Liquidado Correspondente em Dinheiro",
    ),
    m(LIQUIDACAO_BAIXA, "36", "Liquidado Correspondente em Cheque"),
    m(
        LIQUIDACAO_BAIXA,
        "37",
        "Liquidado por meio de Central de Atendimento (Telefone)",
    ),
];

/// FEBRABAN remessa (generic: used for banks without a table of their own, in lenient mode).
pub const REMESSA: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Remessa,
    RECORDS,
    ENTRY_REMESSA,
    MOVIMENTOS,
    SOURCE,
);

/// FEBRABAN retorno (generic).
pub const RETORNO: LayoutSpec = LayoutSpec::new(
    Layout::Cnab240,
    FileKind::Retorno,
    RECORDS,
    ENTRY_RETORNO,
    OCORRENCIAS,
    SOURCE,
)
.motivos(MOTIVOS);

/// Every generic record table, for the table test.
pub const ALL: &[&RecordLayout] = &[
    &HEADER_ARQUIVO,
    &HEADER_LOTE,
    &SEGMENTO_P,
    &SEGMENTO_Q,
    &SEGMENTO_R,
    &SEGMENTO_S,
    &SEGMENTO_T,
    &SEGMENTO_U,
    &SEGMENTO_Y,
    &TRAILER_LOTE,
    &TRAILER_ARQUIVO,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `keyed` gives each record the key FEBRABAN's own list gives it, read from the record's tipo de registro and
    /// segmento: FEBRABAN's records ([`ALL`], in their order) come back as [`RECORDS`].
    #[test]
    fn keyed_reads_each_records_key_from_its_constants() {
        let all: [&'static RecordLayout; 11] = ALL.try_into().unwrap();
        let got: Vec<(RecordKey, &str)> = keyed(all).iter().map(|(k, r)| (*k, r.name)).collect();
        let want: Vec<(RecordKey, &str)> = RECORDS.iter().map(|(k, r)| (*k, r.name)).collect();
        assert_eq!(got, want);
        assert_eq!(got.get(2), Some(&(RecordKey::Segment(b'P'), "segmento_p")));
        // A bank's record of its own (Santander's Y-03 Pix) is keyed by the segment it says it is.
        assert_eq!(
            keyed([&crate::layouts::pix::SEGMENTO_Y03])[0].0,
            RecordKey::Segment(b'Y')
        );
    }
}
