//! CrediSIS (097, Central das Cooperativas de Crédito) — CNAB 400 cobrança, remessa and retorno.
//!
//! Source: CrediSIS, "Layout CNAB 400 — Remessa/Retorno", versão 1.1 (junho/2017), file
//! `docs/credisis/LAYOUT CNAB 400 REMESSA_RETORNO Versão -1.1(Junho, 2017).pdf` in kivanio/brcobranca: remessa
//! header 3.1, detalhe 3.2, detalhe opcional 3.3, trailer 3.4 (pp. 7-12); retorno header 4.1, detalhe 4.2, trailer 4.3
//! (pp. 14-16); field descriptions RM.* / RT.* (section 5). Positions cross-checked against brcobranca
//! `lib/brcobranca/remessa/cnab400/credisis.rb` / `retorno/cnab400/credisis.rb` and the corpus models
//! `brcobranca__REMESSA_CNAB400_MODELO.txt` / `brcobranca__RETORNO_CNAB400_MODELO.txt` shipped with the manual.
//!
//! CrediSIS's layout is its own (not Bradesco's): the 20-digit nosso número sits at 57-76 and the operação code at
//! 77-78. The manual's retorno table lists "182-227 brancos, tamanho 059" and then jumps to 241: the blank field is
//! 182-240 (59 positions), as its size says. Juros, multa and desconto values of the detalhe opcional carry 4
//! decimals (RM.DO.13, RM.DO.17, RM.DO.22).

use crate::bank::{records400, EntryRecord, LayoutSpec, OcorrenciaDef, RecordKey};
use crate::banks::shared::ENTRY_TIPO_1;
use crate::field::{RecordLayout, Role as R};
use crate::model::Layout;

/// Source string of the CrediSIS tables.
pub const SOURCE: &str = "CrediSIS, Layout CNAB 400 Remessa/Retorno, versão 1.1 (junho/2017)";

records!("credisis/cnab400-records");

/// Trailer of both remessa (3.4) and retorno (4.3).
pub const TRAILER: RecordLayout = RecordLayout {
    source: SOURCE,
    ..crate::banks::shared::TRAILER_400
};

/// Operações of the remessa (RM.D.8).
pub const MOVIMENTOS: &[OcorrenciaDef] = codes!("credisis/cnab400-movimentos");

/// Operações of the retorno (RT.D.8).
pub const OCORRENCIAS: &[OcorrenciaDef] = codes!("credisis/cnab400-ocorrencias");

/// Records of a remessa.
pub const REMESSA_RECORDS: &[(RecordKey, &RecordLayout)] = &[
    (RecordKey::FileHeader, &REMESSA_HEADER),
    (RecordKey::Detail(b'1'), &REMESSA_DETALHE),
    (RecordKey::Detail(b'2'), &REMESSA_OPCIONAL),
    (RecordKey::FileTrailer, &TRAILER),
];

/// Records of a remessa title: the detalhe, and the optional detalhe when the title has any of its data.
pub const REMESSA_ENTRY: &[EntryRecord] = &[
    EntryRecord::first(RecordKey::Detail(b'1')),
    EntryRecord::if_any(
        RecordKey::Detail(b'2'),
        &[
            R::SacadorInscricao,
            R::SacadorNome,
            R::Mensagem1,
            R::JurosValor,
            R::MultaValor,
            R::DescontoValor,
            R::Desconto2Valor,
        ],
    ),
];

/// Records of a retorno.
pub const RETORNO_RECORDS: &[(RecordKey, &RecordLayout)] =
    &records400(&RETORNO_HEADER, &RETORNO_DETALHE, &TRAILER);

/// CrediSIS CNAB 400 remessa.
pub const REMESSA: LayoutSpec = LayoutSpec::remessa(
    Layout::Cnab400,
    REMESSA_RECORDS,
    REMESSA_ENTRY,
    MOVIMENTOS,
    SOURCE,
);

/// CrediSIS CNAB 400 retorno.
pub const RETORNO: LayoutSpec = LayoutSpec::retorno(
    Layout::Cnab400,
    RETORNO_RECORDS,
    ENTRY_TIPO_1,
    OCORRENCIAS,
    &[],
    SOURCE,
);

/// CNAB 400 layouts of this bank.
pub const LAYOUTS: &[&LayoutSpec] = &[&RETORNO, &REMESSA];
