//! Banco Inter (077) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: Banco Inter, "Conta Digital PJ Inter — Manual CNAB400" v1.1 of 30/08/2021 (file
//! `manuais/INTER/manual-remessa-inter.pdf` in eduardokum/laravel-boleto). Remessa: section 4 — 4.1 registro header,
//! 4.2 registro de transação tipo 1, 4.3 registro de transação tipo 2 (opcional), 4.4 registro trailer (pp. 5-10)
//! and section 7 "Notas" (códigos de desconto, p. 24). Retorno: section 5 "Layout do arquivo Retorno": 5.1 registro
//! header, 5.2 registro de transação tipo 1, 5.3 registro trailer (pp. 12-15). Positions cross-checked against
//! laravel-boleto `src/Cnab/{Remessa,Retorno}/Cnab400/Banco/Inter.php` and the corpus file `laravelboleto__inter.ret`.
//!
//! Remessa notes: multa, juros and desconto each have a code, a value field and a separate percentage field (4
//! digits, 2 decimals); the model's single `valor` goes to the value field for the "valor" codes (multa/juros 1,
//! desconto 1-3) and to the percentage field for the "percentual" codes (multa/juros 2, desconto 4-6), done by
//! [`remessa_write_hook`] / [`remessa_titulo_hook`]. The trailer's 002-007 "quantidade de boletos" follows the manual
//! (the table also lists "002 a 394 branco"; laravel-boleto writes blanks there).
//!
//! Inter's retorno is its own layout (not Bradesco's): the ocorrência sits at 90-91, the nosso número at 71-81, and
//! the rejection motives of ocorrência 03 are free text (241-380), turned into one motivo by [`retorno_hook`].
//! No Inter remessa is in the corpus: the remessa table is checked against the manual and the peer only.

use crate::bank::{oc, records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{FieldSpec as F, RecordLayout, Role as R, ScopeSpec as S, TotalSpec as T};
use crate::model::{Layout, Motivo, OcorrenciaKind as K, RetornoEntry, Titulo};
use crate::record::Record;

/// Source string of the Inter remessa tables.
pub const REMESSA_SOURCE: &str =
    "Banco Inter, Conta Digital PJ Inter — Manual CNAB400 v1.1 (30/08/2021), seção 4 (layout do arquivo remessa)";

/// Remessa header (4.1, p. 5).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: REMESSA_SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_remessa", 3, 9, "REMESSA"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::blank("codigo_empresa", 27, 46),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94)
            .role(R::BancoNome)
            .default("INTER"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        // Manual: 101-110 branco; laravel-boleto writes "MX" at 109-110, so this is read as free text.
        F::alpha("brancos_1", 101, 110),
        F::num("sequencial_remessa", 111, 117).role(R::Nsa),
        F::blank("brancos_2", 118, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de transação tipo 1 (4.2, pp. 6-8; notas p. 24).
pub const REMESSA_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: REMESSA_SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::blank("brancos_1", 2, 20),
        // Identificação da empresa: carteira (112), agência (0001), conta corrente (10, zeros à esquerda).
        F::num("carteira", 21, 23).role(R::Carteira).default("112"),
        F::num("agencia", 24, 27).role(R::Agencia).default("0001"),
        F::num("conta", 28, 37).role(R::Conta),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::alpha("brancos_2", 63, 65),
        F::num("codigo_multa", 66, 66).role(R::MultaCodigo),
        F::dec("valor_multa", 67, 79, 2).role(R::MultaValor),
        F::dec("percentual_multa", 80, 83, 2),
        F::date6("data_multa", 84, 89).role(R::MultaData),
        F::num("nosso_numero", 90, 100).role(R::NossoNumero),
        F::blank("brancos_3", 101, 108),
        F::num("ocorrencia", 109, 110).role(R::Movimento),
        F::alpha("seu_numero", 111, 120).role(R::SeuNumero),
        F::date6("vencimento", 121, 126).role(R::Vencimento),
        F::dec("valor_titulo", 127, 139, 2).role(R::ValorTitulo),
        // Dias após o vencimento em que o título ainda pode ser pago: 0, 30 ou 60.
        F::num("data_limite_pagamento", 140, 141).role(R::BaixaPrazo),
        F::blank("brancos_4", 142, 147),
        F::num("especie", 148, 149).role(R::Especie).default("99"),
        F::alpha("aceite", 150, 150).role(R::Aceite).default("N"),
        F::date6("emissao", 151, 156).role(R::Emissao),
        F::blank("brancos_5", 157, 159),
        F::num("codigo_juros", 160, 160).role(R::JurosCodigo),
        F::dec("valor_juros", 161, 173, 2).role(R::JurosValor),
        F::dec("percentual_juros", 174, 177, 2),
        F::date6("data_juros", 178, 183).role(R::JurosData),
        F::num("codigo_desconto", 184, 184).role(R::DescontoCodigo),
        F::dec("valor_desconto", 185, 197, 2).role(R::DescontoValor),
        F::dec("percentual_desconto", 198, 201, 2),
        F::date6("data_desconto", 202, 207).role(R::DescontoData),
        F::dec("abatimento", 208, 220, 2).role(R::Abatimento),
        F::num("pagador_tipo_inscricao", 221, 222).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 223, 236).role(R::PagadorInscricao),
        F::alpha("pagador_nome", 237, 276).role(R::PagadorNome),
        F::alpha("pagador_endereco", 277, 316).role(R::PagadorEndereco),
        // CEP (317-321) and sufixo (322-324).
        F::num("pagador_cep", 317, 324).role(R::PagadorCep),
        F::alpha("mensagem_1", 325, 394).role(R::Mensagem1),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa registro de transação tipo 2, optional (4.3, pp. 9-10): messages 2-5 and discounts 2 and 3.
pub const REMESSA_MENSAGEM: RecordLayout = RecordLayout {
    name: "mensagem",
    len: 400,
    source: REMESSA_SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "2"),
        F::alpha("mensagem_2", 2, 79).role(R::Mensagem2),
        F::alpha("mensagem_3", 80, 157).role(R::Mensagem3),
        F::alpha("mensagem_4", 158, 235).role(R::Mensagem4),
        F::alpha("mensagem_5", 236, 313),
        F::date6("data_desconto_2", 314, 319),
        F::dec("valor_desconto_2", 320, 332, 2),
        F::dec("percentual_desconto_2", 333, 336, 2),
        F::blank("brancos_1", 337, 346),
        F::date6("data_desconto_3", 347, 352),
        F::dec("valor_desconto_3", 353, 365, 2),
        F::dec("percentual_desconto_3", 366, 369, 2),
        F::blank("brancos_2", 370, 379),
        F::num("nosso_numero", 380, 390),
        F::blank("brancos_3", 391, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Remessa trailer (4.4, p. 10).
pub const REMESSA_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: REMESSA_SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("qtd_boletos", 2, 7).role(R::QtdTitulos),
        F::blank("brancos", 8, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Movimento of the remessa (4.2, 109-110): the manual lists only 01 (remessa).
pub const MOVIMENTOS: &[OcorrenciaDef] = &[oc("01", K::Informativo, "Remessa")];

/// Whether a multa/juros code (66 / 160) means a percentage: 2 = percentual.
fn encargo_is_percent(codigo: &str) -> bool {
    codigo == "2"
}

/// Whether a desconto code (184) means a percentage: 4, 5, 6 (notas, p. 24).
fn desconto_is_percent(codigo: &str) -> bool {
    matches!(codigo, "4" | "5" | "6")
}

/// Writes `value` (2 decimals) right-aligned, zero-padded, into `line[start..end]` (0-based, end exclusive).
fn put_dec(line: &mut [u8], start: usize, end: usize, value: Option<rust_decimal::Decimal>) {
    let Some(slot) = line.get_mut(start..end) else {
        return;
    };
    let digits = value
        .map(|v| {
            (v.round_dp(2) * rust_decimal::Decimal::ONE_HUNDRED)
                .trunc()
                .abs()
                .to_string()
        })
        .unwrap_or_default();
    let digits = digits.as_bytes();
    let width = slot.len();
    for (i, b) in slot.iter_mut().enumerate() {
        *b = (i + digits.len())
            .checked_sub(width)
            .and_then(|j| digits.get(j).copied())
            .unwrap_or(b'0');
    }
}

/// Moves a percentage encargo from its value field to its percentage field (0-based ranges).
fn move_to_percent(
    line: &mut [u8],
    valor: (usize, usize),
    pct: (usize, usize),
    v: Option<rust_decimal::Decimal>,
) {
    put_dec(line, valor.0, valor.1, None);
    put_dec(line, pct.0, pct.1, v);
}

/// Remessa write hook: percentage multa/juros/desconto go to their 4-digit percentage fields.
#[allow(clippy::ptr_arg)] // the signature is the engine's `WriteHook`
pub fn remessa_write_hook(line: &mut Vec<u8>, key: RecordKey, t: &Titulo) {
    if key != RecordKey::Detail(b'1') {
        return;
    }
    if encargo_is_percent(&t.multa.codigo) {
        move_to_percent(line, (66, 79), (79, 83), t.multa.valor);
    }
    if encargo_is_percent(&t.juros.codigo) {
        move_to_percent(line, (160, 173), (173, 177), t.juros.valor);
    }
    if desconto_is_percent(&t.desconto.codigo) {
        move_to_percent(line, (184, 197), (197, 201), t.desconto.valor);
    }
}

/// Remessa read hook: percentage multa/juros/desconto are read from their percentage fields.
pub fn remessa_titulo_hook(t: &mut Titulo, records: &[Record<'_>]) {
    let Some(first) = records.first() else {
        return;
    };
    let pct = |name: &str| {
        first.layout.field(name).and_then(|f| {
            crate::field::decode_num(f.slice(first.bytes), 2)
                .ok()
                .flatten()
        })
    };
    if encargo_is_percent(&t.multa.codigo) {
        t.multa.valor = pct("percentual_multa");
    }
    if encargo_is_percent(&t.juros.codigo) {
        t.juros.valor = pct("percentual_juros");
    }
    if desconto_is_percent(&t.desconto.codigo) {
        t.desconto.valor = pct("percentual_desconto");
    }
}

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_MENSAGEM),
    (RecordKey::FileTrailer, &REMESSA_TRAILER),
];

/// Records of a remessa title: tipo 1, and tipo 2 when messages 2-4 are given.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[R::Mensagem2, R::Mensagem3, R::Mensagem4],
    ),
];

/// Inter CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    REMESSA_SOURCE,
)
.titulo_hook(remessa_titulo_hook)
.write_hook(remessa_write_hook);

/// Source string of the Inter tables.
pub const SOURCE: &str =
    "Banco Inter, Conta Digital PJ Inter — Manual CNAB400, seção 5 (layout do arquivo retorno)";

/// Retorno header (5.1).
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("codigo_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::alpha("literal_retorno", 3, 9).default("RETORNO"),
        F::num("codigo_servico", 10, 11).default("01"),
        F::alpha("literal_servico", 12, 26).default("COBRANCA"),
        F::blank("brancos_1", 27, 46),
        F::alpha("nome_empresa", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 94).default("INTER"),
        F::date6("data_gravacao", 95, 100).role(R::DataGeracao),
        F::blank("brancos_2", 101, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno registro de transação tipo 1 (5.2).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("tipo_inscricao_empresa", 2, 3),
        F::num("inscricao_empresa", 4, 17),
        F::num("zeros_1", 18, 20),
        // Carteira (3), agência (4) and conta corrente (10) of the beneficiário.
        F::alpha("identificacao_empresa", 21, 37),
        F::alpha("controle_participante", 38, 62).role(R::UsoEmpresa),
        F::num("zeros_2", 63, 70),
        F::num("nosso_numero", 71, 81).role(R::NossoNumero),
        F::blank("brancos_1", 82, 86),
        F::alpha("carteira", 87, 89).role(R::Carteira),
        F::num("ocorrencia", 90, 91).role(R::Ocorrencia),
        F::date6("data_ocorrencia", 92, 97).role(R::DataOcorrencia),
        F::alpha("seu_numero", 98, 107).role(R::SeuNumero),
        F::num("nosso_numero_2", 108, 118),
        F::date6("vencimento", 119, 124).role(R::Vencimento),
        F::dec("valor_titulo", 125, 137, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 138, 140).role(R::BancoCobrador),
        F::num("agencia_cobradora", 141, 144).role(R::AgenciaCobradora),
        F::alpha("especie", 145, 146),
        F::blank("brancos_2", 147, 159),
        F::dec("valor_pago", 160, 172, 2).role(R::ValorPago),
        F::date6("data_credito", 173, 178).role(R::DataCredito),
        F::blank("brancos_3", 179, 181),
        F::alpha("pagador_nome", 182, 221).role(R::PagadorNome),
        F::blank("brancos_4", 222, 226),
        F::alpha("pagador_inscricao", 227, 240).role(R::PagadorInscricao),
        F::alpha("motivos_rejeicao", 241, 380),
        F::blank("brancos_5", 381, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer (5.3).
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::num("codigo_retorno", 2, 2).default("2"),
        F::num("tipo_registro_2", 3, 4).default("01"),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 17),
        // 5.3: "quantidade de títulos de cobrança presentes no arquivo".
        F::num("qtd_titulos", 18, 25)
            .role(R::QtdTitulos)
            .total(T::quantidade(S::File)),
        F::blank("brancos_2", 26, 57),
        // "Quantidade de registros de confirmação de entradas/boletos emitidos". The sum beside it ("somatório total
        // dos valores dos títulos emitidos presentes no arquivo") is 0.00 in the corpus's Inter retorno of one
        // entrada of 10.00: not compared until a real file shows it filled.
        F::num("qtd_ocorrencia_02", 58, 62).total(T::quantidade(S::Ocorrencias(&["02"]))),
        F::dec("valor_ocorrencia_02", 63, 74, 2),
        F::blank("brancos_3", 75, 86),
        // "Quantidade de registros de entrada rejeitada/boletos não emitidos".
        F::num("qtd_ocorrencia_03", 87, 91).total(T::quantidade(S::Ocorrencias(&["03"]))),
        F::blank("brancos_4", 92, 115),
        // The manual labels 116-132 "ocorrência 04" (liquidação/boletos pagos) while its detail records report a
        // payment as 06 "Pago" and list no 04: left without a scope until a manual or a real file settles it.
        F::num("qtd_liquidacoes", 116, 120),
        F::dec("valor_liquidacoes", 121, 132, 2),
        F::blank("brancos_5", 133, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Ocorrências (5.2, positions 090-091).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("inter/cnab400-ocorrencias");

/// Ocorrência 03 carries its motives as free text at 241-380; it becomes one motivo whose code and description are
/// that text (the generic reader expects two-character codes).
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    _problems: &mut Vec<crate::Error>,
) {
    if e.ocorrencia.as_ref().is_none_or(|o| o.code != "03") {
        return;
    }
    let Some(raw) = records.first().and_then(|r| r.bytes.get(240..380)) else {
        return;
    };
    let text = crate::field::decode_text(raw).trim().to_string();
    if !text.is_empty() {
        e.motivos = vec![Motivo {
            code: text.clone(),
            description: Some(text),
        }];
    }
}

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// Inter CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    &[],
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
