//! Bradesco (237) CNAB 400: the corpus files, and write→read of a remessa checked byte by byte against the manual
//! (layout 4008-524-0121).

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)]

use cnab_core::{
    read, write_remessa, Bank, CnabFile, ErrorKind, FileKind, Layout, OcorrenciaKind, ReadOptions,
    Remessa,
};

mod common;
#[allow(unused_imports)]
use common::*;

const REM: &str = "237-bradesco/cnab400/remessa/";
const RET: &str = "237-bradesco/cnab400/retorno/";

#[test]
fn corpus_files_are_detected_and_read() {
    let Some(_) = corpus(&format!("{RET}brcobranca__CNAB400BRADESCO.RET")) else {
        return;
    };
    for (dir, kind) in [(REM, FileKind::Remessa), (RET, FileKind::Retorno)] {
        for e in std::fs::read_dir(corpus_dir().join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            let d = cnab_core::detect(&bytes)
                .unwrap_or_else(|err| panic!("{}: {err}", e.path().display()));
            assert_eq!(
                (d.bank.code(), d.layout, d.kind),
                (237, Layout::Cnab400, kind),
                "{}",
                e.path().display()
            );
        }
    }
    for f in [
        "brcobranca__remessa-bradesco-cnab400.rem",
        "enhancedcnab__bradesco.rem",
        "maxwbhbrcobranca__bradesco_cnab400.rem",
        "ocal10nbr__teste_remessa_bradesco400.REM",
    ] {
        let Some(b) = corpus(&format!("{REM}{f}")) else {
            return;
        };
        assert!(!remessa(&b, true).titulos.is_empty(), "{f}");
    }
    for f in [
        "brboleto__bradesco.ret",
        "brcobranca__CNAB400BRADESCO.RET",
        "gustavonvcnab__237-01.txt",
        "laravelboleto__cnab400_bradesco.ret",
    ] {
        let Some(b) = corpus(&format!("{RET}{f}")) else {
            return;
        };
        let r = retorno(&b, true);
        assert!(!r.entries.is_empty(), "{f}");
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
fn retorno_values() {
    let Some(b) = corpus(&format!("{RET}brcobranca__CNAB400BRADESCO.RET")) else {
        return;
    };
    let r = retorno(&b, true);
    assert_eq!(r.entries.len(), 6);
    let e = &r.entries[1];
    assert_eq!(
        (e.nosso_numero.as_str(), e.nosso_numero_dv.as_deref()),
        ("51350000004", Some("P"))
    );
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("02", OcorrenciaKind::EntradaConfirmada))
    );
    assert_eq!(e.vencimento, chrono::NaiveDate::from_ymd_opt(2015, 5, 25));
    assert_eq!(e.valor_titulo, Some(dec("180.00")));

    let Some(b) = corpus(&format!("{RET}gustavonvcnab__237-01.txt")) else {
        return;
    };
    let r = retorno(&b, true);
    assert_eq!(r.entries.len(), 33);
    let e = &r.entries[0];
    assert_eq!(
        (e.nosso_numero.as_str(), e.nosso_numero_dv.as_deref()),
        ("20960000022", Some("4"))
    );
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::Liquidacao)
    );
    assert_eq!(e.valor_titulo, Some(dec("3535.00")));
    assert_eq!(e.valor_pago, Some(dec("3582.15")));
    // liquidação with motivo 00 = "título pago com dinheiro" is not listed as a motivo (all-zero codes are skipped)
    assert!(e.motivos.is_empty());
}

#[test]
fn remessa_values() {
    let Some(b) = corpus(&format!("{REM}ocal10nbr__teste_remessa_bradesco400.REM")) else {
        return;
    };
    let r = remessa(&b, true);
    assert_eq!(r.titulos.len(), 2);
    let t = &r.titulos[1];
    assert_eq!(t.nosso_numero, "00000000002");
    assert_eq!(t.seu_numero, "00000005/0");
    assert_eq!(t.vencimento, chrono::NaiveDate::from_ymd_opt(2021, 9, 30));
    assert_eq!(t.valor, dec("700.00"));
    assert!(t.pagador.inscricao.numero.ends_with("11034414000158"));
}

#[test]
fn defective_corpus_files_report_their_defects() {
    // laravel-boleto samples: the código da empresa was written as a PHP float ("…235E+19").
    for (f, kind) in [
        ("laravelboleto__remessa.txt", REM),
        ("laravelboleto__bradesco.ret", RET),
    ] {
        let Some(b) = corpus(&format!("{kind}{f}")) else {
            return;
        };
        assert!(read(&b, ReadOptions::strict()).is_err());
        let problems = match read(&b, ReadOptions::lenient()) {
            Ok(CnabFile::Remessa(r)) => r.problems,
            Ok(CnabFile::Retorno(r)) => r.problems,
            Err(e) => panic!("{f}: {e}"),
        };
        assert_eq!(problems.len(), 1, "{f}");
        assert_eq!(problems[0].field, Some("codigo_empresa"));
        assert!(matches!(problems[0].kind, ErrorKind::NotDigits { .. }));
    }
    // PIX remessas from brcobranca/pyCobranca carry a record type 8 (the generators' PIX layout, not in 4008-524-0121),
    // read with that table (see bank_pix8_400.rs): no problems.
    for f in [
        "maxwbhbrcobranca__bradesco_cnab400_pix.rem",
        "pycobranca__remessa_bradesco_pix_cnab400.rem",
    ] {
        let Some(b) = corpus(&format!("{REM}{f}")) else {
            return;
        };
        let r = remessa(&b, false);
        assert!(r.problems.is_empty(), "{f}: {:?}", r.problems);
        assert!(!r.titulos.is_empty());
    }
}

#[test]
fn written_remessa_has_the_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/237-bradesco/cnab400/remessa/remessa.model.json"
    ))
    .unwrap_or_default();
    let model: Remessa = serde_json::from_str(&json).unwrap_or_else(|e| panic!("model: {e}"));
    let bytes =
        write_remessa(&model, Bank::new(237), Layout::Cnab400).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    // header, título 1, título 2 + its tipo 2 (mensagens, desconto), trailer
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..26], "01REMESSA01COBRANCA       ");
    assert_eq!(&h[26..46], "00000000000004567890"); // código da empresa 27-46
    assert_eq!(&h[76..94], "237BRADESCO       ");
    assert_eq!(&h[108..117], "MX0000042"); // identificação do sistema, nº sequencial de remessa
    let d = lines[1];
    assert_eq!(&d[20..37], "00090123400123456"); // zero, carteira, agência, conta, dígito (21-37)
    assert_eq!(&d[37..47], "PEDIDO 778");
    assert_eq!(&d[62..70], "00020200"); // banco débito 63-65, multa 66, percentual 67-70
    assert_eq!(&d[70..82], "00000000123P"); // nosso número 71-81 + DV 82
    assert_eq!(&d[92..94], "2N");
    assert_eq!(&d[108..110], "01");
    assert_eq!(&d[110..120], "NF-1001   ");
    assert_eq!(&d[120..139], "1512260000000012750");
    assert_eq!(&d[147..160], "01N2011260605"); // espécie, identificação, emissão, instruções 1 e 2
    assert_eq!(&d[218..234], "0100052998224725");
    assert_eq!(&d[326..334], "01001000");
    let d2 = lines[2];
    assert_eq!(&d2[147..149], "12");
    assert_eq!(&d2[218..234], "0212ABC34501DE35");
    let t2 = lines[3];
    assert_eq!(&t2[0..1], "2");
    assert!(t2[1..81].starts_with("NAO RECEBER APOS 30 DIAS DO VENCIMENTO"));
    assert!(t2[81..161].starts_with("REFERENTE A NF 1002"));
    assert_eq!(&t2[366..394], "0090123400123456000000001248"); // carteira, agência, conta, dígito, nosso número, DAC
    assert_eq!(&lines[4][394..400], "000005");

    let back = remessa(&bytes, true);
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos[1].mensagens.len(), 2);
    assert_eq!(back.titulos[0].multa.valor, Some(dec("2.00")));
    assert_eq!(
        back.header.beneficiario.codigo_beneficiario,
        "00000000000004567890"
    );
}

#[test]
fn retorno_tables_cover_the_manual_codes() {
    let spec =
        cnab_core::banks::spec(237).and_then(|s| s.layout(Layout::Cnab400, FileKind::Retorno, ""));
    let Some(spec) = spec else {
        panic!("no Bradesco 400 retorno")
    };
    assert_eq!(
        spec.ocorrencia("17").map(|o| o.kind),
        Some(OcorrenciaKind::LiquidacaoAposBaixa)
    );
    assert_eq!(
        spec.ocorrencia("15").map(|o| o.kind),
        Some(OcorrenciaKind::LiquidacaoCartorio)
    );
    assert_eq!(
        spec.ocorrencia("28").map(|o| o.kind),
        Some(OcorrenciaKind::Tarifa)
    );
    assert!(spec
        .motivo("03", "09")
        .is_some_and(|m| m.description == "Nosso número duplicado"));
    assert!(spec
        .motivo("10", "14")
        .is_some_and(|m| m.description == "Título protestado"));
    assert!(spec
        .motivo("06", "15")
        .is_some_and(|m| m.description == "Título pago com cheque"));
}
