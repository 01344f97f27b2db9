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
use crate::field::{RecordLayout, Role as R};
use crate::model::{Layout, Motivo, RetornoEntry};
use crate::record::Record;

/// Source string of the BRB tables.
pub const SOURCE: &str =
    "BRB Cobrança — Manual e Leiautes, maio/2017 (versão 077), leiaute retorno";

/// Source string of the BRB remessa tables.
pub const REMESSA_SOURCE: &str =
    "BRB Cobrança — Manual e Leiautes, maio/2017 (versão 077), leiaute remessa 077";

records!("brb/cnab400-records");

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
