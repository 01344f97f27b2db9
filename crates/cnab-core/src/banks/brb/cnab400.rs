//! BRB — Banco de Brasília (070) — CNAB 400 cobrança, retorno.
//!
//! Source: BRB, "BRB Cobrança — Manual e Leiautes", maio/2017 (versão 077), spreadsheet
//! `docs/BRB/BRB Cobrança  - Manual e Leiautes - Maio2017 (versão 077).xls` in kivanio/brcobranca, sheet "Leiaute
//! Retorno" (header, registro, trailer and the "Motivos de rejeição" list). Positions cross-checked against
//! brcobranca `lib/brcobranca/retorno/cnab400/banco_brasilia.rb` and the corpus file
//! `brcobranca__CNAB400BANCOBRASILIA.RET`.
//!
//! BRB's 400 layout is proprietary (8-digit dates, nosso número at 71-82, values from 157): not a Bradesco clone.
//! The rejection motive (365-394) is text starting with a three-digit code ("001 chave BRB invalida"); the
//! [`retorno_hook`] turns it into a motivo.
//!
//! Remessa: the same spreadsheet, sheet "Leiaute Remessa 077" (header, registro 01, registro 02) and "Exemplo Remessa
//! 077"; cross-checked against brcobranca `lib/brcobranca/remessa/cnab400/banco_brasilia.rb` (which writes the older
//! "075" variant of the same header). BRB's own "DCB" layout is not framed like CNAB 400, and [`REMESSA`] says so in
//! its [`Framing`]:
//! - the header is 39 bytes ("DCB" + versão 001 + arquivo 077 + conta (10) + AAAAMMDD + HHMMSS + quantidade de
//!   registros) and carries no bank code at 77-79: detection recognises the literal "DCB" that opens it;
//! - the records are typed by two characters, "01" (título) and "02" (sacador, rateio, mensagens);
//! - the file has no trailer ("Sem trailler"): the header's quantidade de registros (header + registros) is the
//!   count the reader checks and the writer fills.
//!
//! The corpus remessa `pycobranca__remessa_banco_brasilia_cnab400.rem` is the older "DCB001075" variant written by
//! pyCobranca/brcobranca (402-byte detail lines, a trailer "9"), not the 077 layout: it is detected as a BRB remessa
//! and refused at its header's arquivo field (075, where this table knows 077).

use crate::bank::{
    records400, Emit, EntryRecord, Framing, LayoutSpec, MotivoDef, OcorrenciaDef, RecordKey,
};
use crate::banks::shared::{motivo_text, ENTRY_TIPO_1};
use crate::field::{FieldSpec as F, RecordLayout, Role as R};
use crate::model::{Layout, Motivo, RetornoEntry};
use crate::record::Record;

/// Source string of the BRB tables.
pub const SOURCE: &str =
    "BRB Cobrança — Manual e Leiautes, maio/2017 (versão 077), leiaute retorno";

/// Source string of the BRB remessa tables.
pub const REMESSA_SOURCE: &str =
    "BRB Cobrança — Manual e Leiautes, maio/2017 (versão 077), leiaute remessa 077";

/// Remessa header: 39 bytes, not 400 ("Leiaute Remessa 077", Header).
pub const REMESSA_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 39,
    source: REMESSA_SOURCE,
    fields: &[
        F::constant("literal", 1, 3, "DCB"),
        F::constant("versao", 4, 6, "001"),
        // The layout's number: 077 (older files say 075).
        F::constant("arquivo", 7, 9, "077").role(R::LayoutVersao),
        F::num("codigo_beneficiario", 10, 19).role(R::CodigoBeneficiario),
        F::date_ymd("data_formatacao", 20, 27).role(R::DataGeracao),
        F::num("hora_formatacao", 28, 33).role(R::HoraGeracao),
        // Header + registros.
        F::num("quantidade_registros", 34, 39).role(R::QtdRegistros),
    ],
};

/// Remessa registro 01, título em cobrança ("Leiaute Remessa 077", Registro 01).
pub const REMESSA_REGISTRO_01: RecordLayout = RecordLayout {
    name: "registro_01",
    len: 400,
    source: REMESSA_SOURCE,
    fields: &[
        F::constant("identificacao_registro", 1, 2, "01"),
        F::num("incremento_campo_livre", 3, 5),
        F::num("codigo_beneficiario", 6, 15).role(R::CodigoBeneficiario),
        // MSSSSSS070dd: modalidade, sequencial, 070, dígitos.
        F::num("nosso_numero", 16, 27).role(R::NossoNumero),
        F::alpha("seu_numero", 28, 52).role(R::SeuNumero),
        F::alpha("pagador_nome", 53, 97).role(R::PagadorNome),
        F::alpha("pagador_endereco", 98, 157).role(R::PagadorEndereco),
        F::alpha("pagador_bairro", 158, 172).role(R::PagadorBairro),
        F::alpha("pagador_cidade", 173, 194).role(R::PagadorCidade),
        F::alpha("pagador_uf", 195, 196).role(R::PagadorUf),
        F::num("pagador_cep", 197, 204).role(R::PagadorCep),
        // 1 = física (CPF), 2 = jurídica (CNPJ).
        F::num("pagador_tipo", 205, 205).role(R::PagadorTipoInscricao),
        // CPF in 206-216, the rest blank.
        F::alpha("pagador_inscricao", 206, 219).role(R::PagadorInscricao),
        F::num("sequencial_carne", 220, 223),
        F::num("tipo_cobranca", 224, 224).role(R::Carteira),
        // 21 DM, 22 DS, 25 NP, 31 cartão, 32 proposta, 39 outros.
        F::num("especie", 225, 226).role(R::Especie),
        F::num("moeda", 227, 228).default("02"),
        // 1 = impressão BRB, 2 = impressão cliente.
        F::num("indicador_impressao", 229, 229),
        F::num("agencia_cobradora", 230, 233).role(R::Agencia),
        F::date8("emissao", 234, 241).role(R::Emissao),
        F::num("condicao_pagamento", 242, 242),
        F::date8("vencimento", 243, 250).role(R::Vencimento),
        F::dec("valor", 251, 265, 2).role(R::ValorTitulo),
        F::dec("abatimento", 266, 275, 2).role(R::Abatimento),
        F::dec("desconto_antecipacao", 276, 285, 2),
        F::dec("iof", 286, 292, 2).role(R::Iof),
        F::num("prazo_juros", 293, 295),
        // 00 sem juros; 11/12 R$ ao mês/dia; 21/22 % ao mês/dia.
        F::num("tipo_juros", 296, 297).role(R::JurosCodigo),
        F::dec("valor_juros", 298, 307, 2).role(R::JurosValor),
        // 0 sem desconto; 1 R$ até a data; 2 % até a data.
        F::num("tipo_desconto", 308, 308).role(R::DescontoCodigo),
        F::dec("valor_desconto_1", 309, 318, 2).role(R::DescontoValor),
        F::date8("data_desconto_1", 319, 326).role(R::DescontoData),
        F::dec("valor_desconto_2", 327, 336, 2),
        F::date8("data_desconto_2", 337, 344),
        F::dec("valor_desconto_3", 345, 354, 2),
        F::date8("data_desconto_3", 355, 362),
        F::num("instrucao_1", 363, 364),
        F::num("prazo_instrucao_1", 365, 367),
        F::num("instrucao_2", 368, 369),
        F::num("prazo_instrucao_2", 370, 372),
        F::num("instrucao_3", 373, 374),
        F::num("prazo_instrucao_3", 375, 377),
        F::num("valor_taxa_instrucao", 378, 385),
        F::num("prazo_protesto", 386, 388).role(R::ProtestoPrazo),
        F::num("local_pagamento", 389, 390),
        F::num("distribuicao_boletos", 391, 391),
        F::blank("uso_brb", 392, 400),
    ],
};

/// Remessa registro 02, optional: sacador, rateio and four messages ("Leiaute Remessa 077", Registro 02).
pub const REMESSA_REGISTRO_02: RecordLayout = RecordLayout {
    name: "registro_02",
    len: 400,
    source: REMESSA_SOURCE,
    fields: &[
        F::constant("identificacao_registro", 1, 2, "02"),
        F::alpha("sacador_nome", 3, 47).role(R::SacadorNome),
        F::num("sacador_tipo", 48, 48).role(R::SacadorTipoInscricao),
        F::num("sacador_inscricao", 49, 62).role(R::SacadorInscricao),
        F::num("codigo_rateio", 63, 66),
        F::dec("valor_rateio_1", 67, 76, 2),
        F::dec("valor_rateio_2", 77, 86, 2),
        F::dec("valor_rateio_3", 87, 96, 2),
        F::alpha("mensagem_1", 97, 161).role(R::Mensagem1),
        F::alpha("mensagem_2", 162, 226).role(R::Mensagem2),
        F::alpha("mensagem_3", 227, 291).role(R::Mensagem3),
        F::alpha("mensagem_4", 292, 356).role(R::Mensagem4),
        F::blank("brancos", 357, 400),
    ],
};

/// Records of a remessa 077.
pub const REMESSA_RECORDS: &[&RecordLayout] =
    &[&REMESSA_HEADER, &REMESSA_REGISTRO_01, &REMESSA_REGISTRO_02];

/// Remessa records by key: the header, "01" as `Detail(b'1')`, "02" as `Detail(b'2')` (two-character types).
pub const REMESSA_RECORDS_BY_KEY: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_REGISTRO_01),
    (RecordKey::Detail(b'2'), &REMESSA_REGISTRO_02),
];

/// A title: registro 01, then registro 02 when the title has a sacador or messages ("Leiaute Remessa 077": the 02
/// is optional and follows its 01).
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord {
        key: RecordKey::Detail(b'1'),
        starts: true,
        emit: Emit::Always,
    },
    EntryRecord {
        key: RecordKey::Detail(b'2'),
        starts: false,
        emit: Emit::IfAny(&[
            R::SacadorNome,
            R::SacadorInscricao,
            R::Mensagem1,
            R::Mensagem2,
            R::Mensagem3,
            R::Mensagem4,
        ]),
    },
];

/// The "DCB" framing of the remessa 077 (see the module doc).
pub const DCB: Framing = Framing {
    header_literal: "DCB",
    type_width: 2,
    file_trailer: false,
};

/// BRB CNAB 400 remessa in BRB's own "DCB" layout 077. Registro 01 carries no movimento code: the file registers
/// titles ("inclusão").
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS_BY_KEY,
    REMESSA_ENTRY,
    &[],
    REMESSA_SOURCE,
)
.versions(&["077"])
.framing(DCB);

/// Retorno header.
pub const RETORNO_HEADER: RecordLayout = RecordLayout {
    name: "header_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "0"),
        F::num("identificacao_arquivo", 2, 2).role(R::ArquivoCodigo),
        F::constant("literal_retorno", 3, 9, "RETORNO"),
        F::constant("codigo_servico", 10, 11, "01"),
        F::alpha("literal_cobranca", 12, 19).default("COBRANCA"),
        F::blank("brancos_1", 20, 26),
        F::num("codigo_beneficiario", 27, 46).role(R::CodigoBeneficiario),
        F::alpha("nome_beneficiario", 47, 76).role(R::EmpresaNome),
        F::num("codigo_banco", 77, 79).role(R::BancoCodigo),
        F::alpha("nome_banco", 80, 82).default("BRB"),
        F::blank("brancos_2", 83, 94),
        F::date8("data_gravacao", 95, 102).role(R::DataGeracao),
        F::blank("brancos_3", 103, 108),
        F::blank("brancos_4", 109, 113),
        F::blank("brancos_5", 114, 379),
        F::date8("data_movimento", 380, 387).role(R::DataCredito),
        F::blank("brancos_6", 388, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno registro (detail).
pub const RETORNO_DETALHE: RecordLayout = RecordLayout {
    name: "detalhe",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "1"),
        F::num("pagador_tipo_inscricao", 2, 3).role(R::PagadorTipoInscricao),
        F::num("pagador_inscricao", 4, 17).role(R::PagadorInscricao),
        F::blank("brancos_1", 18, 20),
        F::num("zeros", 21, 24),
        F::num("incremento_campo_livre", 25, 27),
        F::num("codigo_convenio", 28, 37),
        F::blank("brancos_2", 38, 45),
        F::alpha("controle_beneficiario", 46, 70).role(R::UsoEmpresa),
        F::num("nosso_numero", 71, 82).role(R::NossoNumero),
        F::num("convenio_centralizador", 83, 92),
        F::alpha("seu_numero", 93, 105).role(R::SeuNumero),
        F::blank("brancos_3", 106, 107),
        F::alpha("pagador_dda", 108, 108),
        F::num("ocorrencia", 109, 110).role(R::Ocorrencia),
        F::date8("data_ocorrencia", 111, 118).role(R::DataOcorrencia),
        F::date8("data_credito", 119, 126).role(R::DataCredito),
        F::num("tipo_baixa", 127, 128),
        F::num("nosso_numero_2", 129, 140),
        F::num("codigo_rateio", 141, 144),
        F::blank("brancos_4", 145, 148),
        F::date8("vencimento", 149, 156).role(R::Vencimento),
        F::dec("valor_titulo", 157, 169, 2).role(R::ValorTitulo),
        F::num("banco_cobrador", 170, 172).role(R::BancoCobrador),
        F::num("agencia_cobradora", 173, 177).role(R::AgenciaCobradora),
        F::num("especie", 178, 179),
        F::num("zeros_1", 180, 192),
        F::num("zeros_2", 193, 205),
        F::num("zeros_3", 206, 218),
        F::dec("iof", 219, 231, 2).role(R::Iof),
        F::num("zeros_4", 232, 244),
        F::dec("desconto", 245, 257, 2).role(R::Desconto),
        F::dec("valor_pago", 258, 270, 2).role(R::ValorPago),
        F::dec("outros_debitos", 271, 283, 2).role(R::OutrasDespesas),
        F::dec("outros_creditos", 284, 296, 2).role(R::JurosMulta),
        F::blank("brancos_5", 297, 298),
        F::blank("brancos_6", 299, 299),
        F::date8("data_pagamento", 300, 307),
        F::alpha("uso_brb", 308, 364),
        F::alpha("motivo_rejeicao", 365, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Retorno trailer.
pub const RETORNO_TRAILER: RecordLayout = RecordLayout {
    name: "trailer_arquivo",
    len: 400,
    source: SOURCE,
    fields: &[
        F::constant("tipo_registro", 1, 1, "9"),
        F::constant("identificacao_retorno", 2, 2, "2"),
        F::constant("tipo_registro_2", 3, 4, "01"),
        F::num("codigo_banco", 5, 7).role(R::BancoCodigo),
        F::blank("brancos_1", 8, 57),
        F::num("qtd_entradas", 58, 62),
        F::dec("valor_entradas", 63, 74, 2),
        F::blank("brancos_2", 75, 86),
        F::num("qtd_liquidacoes", 87, 91),
        F::dec("valor_liquidacoes", 92, 103, 2),
        F::blank("brancos_3", 104, 394),
        F::num("sequencial", 395, 400).role(R::Sequencial),
    ],
};

/// Ocorrências (registro, 109-110).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("brb/cnab400-ocorrencias");

/// Motivos de rejeição (365-394), by their three-digit code.
pub const MOTIVOS: &[MotivoDef] = codes!("brb/cnab400-motivos");

/// Turns the rejection text (365-394, "NNN descrição") into a motivo, described from [`MOTIVOS`] when its code is
/// listed, else by the text itself.
pub fn retorno_hook(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    problems: &mut Vec<crate::Error>,
) {
    data_credito_fallback(e, records, problems);
    let Some(text) = records
        .first()
        .and_then(|r| r.bytes.get(364..394))
        .and_then(motivo_text)
    else {
        return;
    };
    let code: String = text.chars().take_while(char::is_ascii_digit).collect();
    let motivo = if code.len() == 3 {
        let description = MOTIVOS
            .iter()
            .find(|m| m.code == code)
            .map_or_else(|| text.clone(), |m| m.description.to_string());
        Motivo {
            code,
            description: Some(description),
        }
    } else {
        Motivo {
            code: text.clone(),
            description: Some(text),
        }
    };
    e.motivos = vec![motivo];
}

/// Data de crédito of files that leave 119-126 blank.
///
/// The leiaute 077 ("Leiaute Retorno", fields "Data de Crédito" 119-126 and "Data do Pagamento/Liquidação" 300-307,
/// both DDMMAAAA) fills 119-126 with the credit date, or zeros when there is none ("Exemplo Retorno": a liquidação
/// paid 15/06/2016 is credited 16/06/2016; a title without credit has `00000000`). Older BRB retornos leave 119-126
/// as spaces — the field is not there — and give the liquidação date only at 300-307, which is where brcobranca
/// `retorno/cnab400/banco_brasilia.rb` reads its `data_credito` (corpus `brcobranca__CNAB400BANCOBRASILIA.RET`:
/// 119-126 blank, 300-307 `26072012`). For those records only, the entry's data de crédito is the 300-307 date;
/// zeros at 119-126 (the leiaute's "no credit date") stay `None`.
fn data_credito_fallback(
    e: &mut RetornoEntry,
    records: &[Record<'_>],
    problems: &mut Vec<crate::Error>,
) {
    let Some(r) = records.first() else {
        return;
    };
    if e.data_credito.is_some() {
        return;
    }
    let (Some(credito), Some(pagamento)) = (
        r.layout.field("data_credito"),
        r.layout.field("data_pagamento"),
    ) else {
        return;
    };
    if !credito.slice(r.bytes).iter().all(|&b| b == b' ') {
        return;
    }
    match crate::field::decode_date(pagamento.slice(r.bytes), crate::field::DateFmt::DdMmYyyy) {
        Ok(d) => e.data_credito = d,
        Err(k) => problems.push(crate::Error::at_field(r.line, r.layout.name, pagamento, k)),
    }
}

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &RETORNO_TRAILER);

/// BRB CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    MOTIVOS,
    SOURCE,
)
.retorno_hook(retorno_hook);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&REMESSA, &RETORNO];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_cover_400_positions() {
        for (_, l) in RETORNO_RECORDS {
            assert_eq!(l.check(), Ok(()), "{}", l.name);
        }
        for l in REMESSA_RECORDS {
            assert_eq!(l.check(), Ok(()), "{}", l.name);
        }
    }
}
