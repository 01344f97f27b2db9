//! Banco Inter (077) — CNAB 400 cobrança, retorno.
//!
//! Source: Banco Inter, "Conta Digital PJ Inter — Manual CNAB400" (file `manuais/INTER/manual-remessa-inter.pdf` in
//! eduardokum/laravel-boleto), section 5 "Layout do arquivo Retorno": 5.1 registro header, 5.2 registro de transação
//! tipo 1, 5.3 registro trailer (pp. 12-15). Positions cross-checked against laravel-boleto
//! `src/Cnab/Retorno/Cnab400/Banco/Inter.php` and the corpus file `laravelboleto__inter.ret`.
//!
//! Inter's retorno is its own layout (not Bradesco's): the ocorrência sits at 90-91, the nosso número at 71-81, and
//! the rejection motives of ocorrência 03 are free text (241-380), turned into one motivo by [`retorno_hook`].
//! The remessa (section 4) is not done: no Inter remessa is in the corpus to check a table against.

use crate::bank::{oc, Emit, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{FileKind, Layout, Motivo, OcorrenciaKind as K, RetornoEntry};
use crate::record::Record;

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
        F::num("qtd_titulos", 18, 25).role(R::QtdTitulos),
        F::blank("brancos_2", 26, 57),
        F::num("qtd_ocorrencia_02", 58, 62),
        F::dec("valor_ocorrencia_02", 63, 74, 2),
        F::blank("brancos_3", 75, 86),
        F::num("qtd_ocorrencia_03", 87, 91),
        F::blank("brancos_4", 92, 115),
        F::num("qtd_liquidacoes", 116, 120),
        F::dec("valor_liquidacoes", 121, 132, 2),
        F::blank("brancos_5", 133, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Ocorrências (5.2, positions 090-091).
pub const OCORRENCIAS: &[OcorrenciaDef] = &[
    oc("02", K::EntradaConfirmada, "Em aberto"),
    oc("03", K::EntradaRejeitada, "Erro"),
    oc("06", K::Liquidacao, "Pago"),
    oc("07", K::Baixa, "Baixado"),
];

/// Ocorrência 03 carries its motives as free text at 241-380; it becomes one motivo whose code and description are
/// that text (the generic reader expects two-character codes).
pub fn retorno_hook(e: &mut RetornoEntry, records: &[Record<'_>]) {
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
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &RETORNO_HEADER),
    (RecordKey::Detail(b'1'), &RETORNO_DETALHE),
    (RecordKey::FileTrailer, &RETORNO_TRAILER),
];

/// One detail record per entry.
pub const ENTRY: &[EntryRecord] = &[EntryRecord {
    key: RecordKey::Detail(b'1'),
    starts: true,
    emit: Emit::Always,
}];

/// Inter CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec {
    layout: Layout::Cnab400,
    kind: FileKind::Retorno,
    versions: &[],
    records: RETORNO_RECORDS,
    entry: ENTRY,
    ocorrencias: OCORRENCIAS,
    motivos: &[],
    source: SOURCE,
    retorno_hook: Some(retorno_hook),
    titulo_hook: None,
    write_hook: None,
    crlf: true,
};

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_cover_400_positions() {
        for (_, l) in RETORNO_RECORDS {
            assert_eq!(l.check(), Ok(()), "{}", l.name);
        }
    }
}
