//! Banco do Brasil (001) CNAB 400: the corpus files (CBR643 convênio 6 and 7), and write→read of a remessa
//! checked byte by byte against CBR641 (convênio 7).

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)]

use cnab_core::{write_remessa, Bank, ErrorKind, FileKind, Layout, OcorrenciaKind, Remessa};

mod common;
#[allow(unused_imports)]
use common::*;

const REM: &str = "001-bb/cnab400/remessa/";
const RET: &str = "001-bb/cnab400/retorno/";

#[test]
fn corpus_files_are_detected_and_read() {
    let Some(_) = corpus(&format!("{RET}brcobranca__CBR64310.RET")) else {
        return;
    };
    for f in [
        "brcobranca__remessa-banco-brasil-cnab400.rem",
        "pycobranca__remessa_banco_brasil_cnab400.rem",
    ] {
        let Some(b) = corpus(&format!("{REM}{f}")) else {
            return;
        };
        let d = cnab_core::detect(&b).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(
            (d.bank.code(), d.layout, d.kind),
            (1, Layout::Cnab400, FileKind::Remessa)
        );
        assert!(!remessa(&b, true).titulos.is_empty(), "{f}");
    }
    for (f, n) in [
        ("brcobranca__CBR64310.RET", 26),
        ("brcobranca__data_test_CBR64310.RET", 51),
        ("webmatrixboleto__banco_brasil.ret", 1),
        ("webmatrixboleto__bb.ret", 1),
        ("yaretorno__retorno.ret", 3),
        ("yaretorno__retorno_cnab400conv6.ret", 2),
        ("yaretorno__retorno_cnab400conv7.ret", 165),
    ] {
        let Some(b) = corpus(&format!("{RET}{f}")) else {
            return;
        };
        let d = cnab_core::detect(&b).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(
            (d.bank.code(), d.layout, d.kind),
            (1, Layout::Cnab400, FileKind::Retorno)
        );
        let r = retorno(&b, true);
        assert_eq!(r.entries.len(), n, "{f}");
        assert!(
            r.entries.iter().all(|e| e
                .ocorrencia
                .as_ref()
                .is_some_and(|o| o.kind != OcorrenciaKind::Desconhecida)),
            "{f}"
        );
    }
}

#[test]
fn retorno_convenio_7_values() {
    let Some(b) = corpus(&format!("{RET}yaretorno__retorno_cnab400conv7.ret")) else {
        return;
    };
    let r = retorno(&b, true);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "22507710000001931");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("06", OcorrenciaKind::Liquidacao))
    );
    assert_eq!(e.valor_titulo, Some(dec("80.00")));
    assert_eq!(e.valor_pago, Some(dec("80.00")));
    // natureza do recebimento 01 = liquidação normal
    assert_eq!(
        e.motivos
            .first()
            .map(|m| (m.code.as_str(), m.description.as_deref())),
        Some(("01", Some("Liquidação normal")))
    );
}

#[test]
fn retorno_convenio_6_values() {
    let Some(b) = corpus(&format!("{RET}yaretorno__retorno_cnab400conv6.ret")) else {
        return;
    };
    let r = retorno(&b, true);
    let e = &r.entries[1];
    assert_eq!(
        (e.nosso_numero.as_str(), e.nosso_numero_dv.as_deref()),
        ("18051511275", Some("X"))
    );
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("09", OcorrenciaKind::Baixa))
    );
    assert_eq!(e.vencimento, chrono::NaiveDate::from_ymd_opt(2005, 6, 10));
    assert_eq!(e.valor_titulo, Some(dec("333.30")));
    assert_eq!(
        e.motivos
            .first()
            .map(|m| (m.code.as_str(), m.description.as_deref())),
        Some(("90", Some("Baixa automática")))
    );
}

#[test]
fn remessa_values() {
    let Some(b) = corpus(&format!(
        "{REM}pycobranca__remessa_banco_brasil_cnab400.rem"
    )) else {
        return;
    };
    let r = remessa(&b, true);
    assert_eq!(r.titulos.len(), 2);
    let t = &r.titulos[1];
    assert_eq!(t.nosso_numero, "12345670087654321");
    assert_eq!(t.seu_numero, "000DOC0002");
    assert_eq!(t.vencimento, chrono::NaiveDate::from_ymd_opt(2026, 9, 1));
    assert_eq!(t.valor, dec("1350.75"));
}

#[test]
fn defective_corpus_files_report_their_defects() {
    // Trailer says 3 records; the file has header + trailer only.
    let Some(b) = corpus(&format!("{RET}tiagolaravelboleto__retorno_sem_detalhe.ret")) else {
        return;
    };
    let r = retorno(&b, false);
    assert_eq!(r.entries.len(), 0);
    assert_eq!(r.problems.len(), 1);
    assert!(matches!(r.problems[0].kind, ErrorKind::TrailerCount { .. }));
    // A Unicred file (correspondente BB, bank 001 in its header) with 401-byte lines: its header and details fit
    // Unicred's tables only, so it is read as Unicred (the contradiction named first), not with BB's table.
    let Some(b) = corpus(&format!("{RET}ocal10nbr__CNAB400UNICRED_valor_menor_1.RET")) else {
        return;
    };
    let r = retorno(&b, false);
    assert_eq!(r.bank.code(), 136);
    assert_eq!(r.entries.len(), 2);
    assert!(matches!(
        r.problems[0].kind,
        ErrorKind::HeaderBankConflict { .. }
    ));
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(p.kind, ErrorKind::LineLength { found: 401, .. })));
    assert!(r.problems.iter().skip(1).all(|p| matches!(
        p.kind,
        ErrorKind::LineLength { .. } | ErrorKind::NotDigits { .. } | ErrorKind::TrailerCount { .. }
    )));
    // Detail lines only (no header): cannot be detected.
    let Some(b) = corpus(&format!("{RET}brcobranca__arquivos_CBR64310.RET")) else {
        return;
    };
    assert!(cnab_core::detect(&b).is_err());
}

#[test]
fn written_remessa_has_the_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/001-bb/cnab400/remessa/remessa.model.json"
    ))
    .unwrap_or_default();
    let model: Remessa = serde_json::from_str(&json).unwrap_or_else(|e| panic!("model: {e}"));
    let bytes =
        write_remessa(&model, Bank::new(1), Layout::Cnab400).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    // header, título 1 (tipo 7), título 2 (tipo 7) + multa (tipo 5), trailer
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..19], "01REMESSA01COBRANCA");
    assert_eq!(&h[26..46], "12343000123456000000"); // agência, DV, conta, DV, "000000"
    assert_eq!(&h[76..94], "001BANCODOBRASIL  ");
    assert_eq!(&h[94..107], "2011260000007"); // data, sequencial da remessa
    assert_eq!(&h[129..136], "1234567"); // convênio líder 130-136
    let d = lines[1];
    assert_eq!(&d[0..17], "70211222333000181");
    assert_eq!(&d[17..38], "123430001234561234567"); // agência, DV, conta, DV, convênio (18-38)
    assert_eq!(&d[38..48], "PEDIDO 778");
    assert_eq!(&d[63..80], "12345670000000123"); // nosso número 64-80
    assert_eq!(&d[91..95], "0190"); // variação 92-94, conta caução 95
    assert_eq!(&d[106..110], "1701"); // carteira 107-108, comando 109-110
    assert_eq!(&d[110..120], "NF-1001   ");
    assert_eq!(&d[120..139], "1512260000000012750");
    assert_eq!(&d[139..149], "0010000 01"); // banco, agência cobradora, DV, espécie
    assert_eq!(&d[149..160], "N2011260600");
    assert_eq!(&d[218..234], "0100052998224725");
    assert_eq!(&d[234..251], "JOSE DA CONCEICAO");
    assert_eq!(&d[391..400], "05 000002"); // dias para protesto 392-393
    let multa = lines[3];
    assert_eq!(&multa[0..22], "5992110127000000000200");
    let back = remessa(&bytes, true);
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos[0].variacao, "019");
    assert_eq!(
        back.titulos[1].multa.data,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 11)
    );
}

#[test]
fn retorno_tables_cover_the_manual_codes() {
    let spec =
        cnab_core::banks::spec(1).and_then(|s| s.layout(Layout::Cnab400, FileKind::Retorno, ""));
    let Some(spec) = spec else {
        panic!("no BB 400 retorno")
    };
    assert_eq!(
        spec.ocorrencia("15").map(|o| o.kind),
        Some(OcorrenciaKind::LiquidacaoCartorio)
    );
    assert_eq!(
        spec.ocorrencia("03").map(|o| o.kind),
        Some(OcorrenciaKind::EntradaRejeitada)
    );
    assert_eq!(
        spec.ocorrencia("96").map(|o| o.kind),
        Some(OcorrenciaKind::Tarifa)
    );
    assert!(spec
        .motivo("03", "63")
        .is_some_and(|m| m.description == "DV do nosso número inválido"));
    assert!(spec
        .motivo("06", "03")
        .is_some_and(|m| m.description == "Liquidação por saldo"));
}

#[test]
fn the_remessa_variant_read_is_named_in_the_model() {
    // Convênio 6 (CBR640, detalhe tipo 1): the fixture written from a CBR640 model.
    let conv6 = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/001-bb/cnab400/remessa/remessa_convenio6.rem"
    ))
    .unwrap();
    assert_eq!(conv6[402], b'1');
    let r = remessa(&conv6, true);
    assert_eq!(r.header.layout_versao, "CBR640");
    // Written again, the model picks the CBR640 table: the same bytes, and no warning about the version.
    let w = cnab_core::write_remessa_with(
        &r,
        Bank::new(1),
        Layout::Cnab400,
        cnab_core::WriteOptions::default(),
    )
    .unwrap();
    assert_eq!(w.bytes, conv6);
    assert!(w.warnings.is_empty(), "{:?}", w.warnings);
    // Convênio 7 (CBR641, detalhe tipo 7, nosso número of 17 digits): a real file.
    let Some(b) = corpus(&format!(
        "{REM}brcobranca__remessa-banco-brasil-cnab400.rem"
    )) else {
        return;
    };
    assert_eq!(b.split(|c| *c == b'\n').nth(1).map(|l| l[0]), Some(b'7'));
    let r = remessa(&b, true);
    assert_eq!(r.header.layout_versao, "CBR641");
    assert_eq!(r.titulos[0].nosso_numero.len(), 17);
    let opts = cnab_core::WriteOptions {
        skip_document_check: true,
        ..Default::default()
    };
    let w = cnab_core::write_remessa_with(&r, Bank::new(1), Layout::Cnab400, opts).unwrap();
    assert!(
        w.warnings.iter().all(|x| x.field != "header.layout_versao"),
        "{:?}",
        w.warnings
    );
    let back = remessa(&w.bytes, true);
    assert_eq!(back.header.layout_versao, "CBR641");
    assert_eq!(back.titulos, r.titulos);
}
