//! Citibank (745) CNAB 400 retorno ("Manual CNAB 400 Posições" v1.16): fixture positions, record types 7/8 and
//! motivos. No Citibank retorno is in the corpus.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{read, CnabFile, OcorrenciaKind, ReadOptions};

fn fixture() -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../fixtures/745-citibank/cnab400/retorno/retorno.ret",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn written_retorno_matches_manual_positions() {
    let bytes = fixture();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(&lines[0][0..9], "02RETORNO");
    assert_eq!(&lines[0][76..79], "745");
    let d = lines[1];
    assert_eq!(&d[64..76], "000012345678"); // 065-076 nosso número
    assert_eq!(&d[108..110], "06"); // 109-110 ocorrência
    assert_eq!(&d[110..116], "151226"); // 111-116 data da ocorrência
    assert_eq!(&d[152..165], "0000000012750"); // 153-165 valor
    assert_eq!(&d[165..168], "745");
    assert_eq!(&d[295..301], "161226"); // 296-301 data do crédito
    assert_eq!(&d[301..303], "04"); // 302-321 motivo
    assert_eq!(&lines[2][301..305], "27X2");
    assert_eq!(&lines[4][0..1], "9");
    assert_eq!(&lines[4][17..25], "00000003");
}

#[test]
fn retorno_reads_types_7_and_8_and_free_text_motivos() {
    let text = String::from_utf8(fixture()).unwrap();
    let mut lines: Vec<String> = text
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    // Line 3 becomes a type 7 (posição de carteira) with free text in the motivos; line 4 a type 8 (custa de protesto)
    // of ocorrência 29 with an alegação.
    lines[2].replace_range(0..1, "7");
    lines[2].replace_range(301..321, "TITULO EM ANALISE   ");
    lines[3].replace_range(0..1, "8");
    lines[3].replace_range(108..110, "29");
    lines[3].replace_range(301..303, "  ");
    lines[3].replace_range(334..337, "101");
    let bytes = format!("{}\r\n", lines.join("\r\n")).into_bytes();
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.entries.len(), 3);
    let e0 = &r.entries[0];
    assert_eq!(
        e0.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::Liquidacao
    );
    assert_eq!(e0.motivos[0].code, "04");
    assert_eq!(
        e0.motivos[0].description.as_deref(),
        Some("Compensação eletrônica (CEL)")
    );
    let e1 = &r.entries[1];
    assert_eq!(e1.nosso_numero, "000012345679");
    assert_eq!(e1.motivos.len(), 1);
    assert_eq!(e1.motivos[0].code, "TITULO EM ANALISE");
    assert_eq!(e1.motivos[0].description, None);
    let e2 = &r.entries[2];
    assert_eq!(e2.ocorrencia.as_ref().unwrap().code, "29");
    assert_eq!(e2.motivos.len(), 1);
    assert_eq!(e2.motivos[0].code, "101");
    assert_eq!(
        e2.motivos[0].description.as_deref(),
        Some("Sacado alega que não recebeu a mercadoria")
    );
}

#[test]
fn rejection_motivos_are_described() {
    let CnabFile::Retorno(r) = read(&fixture(), ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[1];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaRejeitada
    );
    let codes: Vec<&str> = e.motivos.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["27", "X2"]);
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("Data de vencimento inválida (pos. 121)")
    );
    assert_eq!(
        r.entries[2].motivos[0].description.as_deref(),
        Some("Comandada cliente/CNAB")
    );
}
