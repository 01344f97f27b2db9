//! Santander (033) CNAB 400: the corpus files, and write→read of a remessa checked byte by byte against the manual
//! (H7800 v2.17, abril/2018).

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)]

use cnab_core::{
    read, write_remessa, Bank, ErrorKind, FileKind, Layout, OcorrenciaKind, ReadOptions, Remessa,
};

mod common;
#[allow(unused_imports)]
use common::*;

const REM: &str = "033-santander/cnab400/remessa/";
const RET: &str = "033-santander/cnab400/retorno/";

#[test]
fn corpus_files_are_detected_and_read() {
    let Some(_) = corpus(&format!("{RET}brcobranca__CNAB400SANTANDER.RET")) else {
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
                (33, Layout::Cnab400, kind),
                "{}",
                e.path().display()
            );
        }
    }
    for f in [
        "brcobranca__remessa-santander-cnab400-pix.rem",
        "brcobranca__remessa-santander-cnab400.rem",
        "pycobranca__remessa_santander_pix_cnab400.rem",
    ] {
        let Some(b) = corpus(&format!("{REM}{f}")) else {
            return;
        };
        assert!(!remessa(&b, true).titulos.is_empty(), "{f}");
    }
    // marcodpt's anonymized file numbers its header 000647 and every detail 000000 (395-400): only that is wrong.
    if let Some(b) = corpus(&format!("{REM}marcodptcnab__santander.txt")) {
        let r = remessa(&b, false);
        assert_eq!(r.titulos.len(), 9);
        assert_eq!(r.problems.len(), 10);
        assert!(r
            .problems
            .iter()
            .all(|p| matches!(p.kind, cnab_core::ErrorKind::Sequence { .. })));
    }
    for f in [
        "brcobranca__CNAB400SANTANDER.RET",
        "laravelboleto__santander_pix.ret",
        "webmatrixboleto__santander.ret",
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
    let Some(b) = corpus(&format!("{RET}brcobranca__CNAB400SANTANDER.RET")) else {
        return;
    };
    let r = retorno(&b, true);
    assert_eq!(r.entries.len(), 52);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00000011");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("06", OcorrenciaKind::Liquidacao))
    );
    assert_eq!(e.valor_titulo, Some(dec("40.00")));
    assert_eq!(e.valor_pago, Some(dec("37.90")));
    assert!(e.pix.is_none());
    // line 54 is a registro tipo 2 after the detail on line 53: tipo 1 (CPF), chave at 3-13, txid at 80-109
    let with_pix: Vec<_> = r.entries.iter().filter(|e| e.pix.is_some()).collect();
    assert_eq!(with_pix.len(), 1);
    assert_eq!(with_pix[0].line, 53);
    let pix = with_pix[0].pix.as_ref().unwrap();
    assert_eq!(
        (
            pix.tipo_chave.as_str(),
            pix.chave.as_str(),
            pix.txid.as_str()
        ),
        ("1", "12345678901", "d48c95197d6ec3985b89bc3ccb3351")
    );
    // The PIX sample: an entrada confirmada followed by the registro tipo 2 (QR Code) of the same título.
    let Some(b) = corpus(&format!("{RET}laravelboleto__santander_pix.ret")) else {
        return;
    };
    let r = retorno(&b, true);
    assert_eq!(r.entries.len(), 1);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00000019");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaConfirmada)
    );
    assert_eq!(e.vencimento, chrono::NaiveDate::from_ymd_opt(2016, 10, 20));
    assert!(r
        .records
        .iter()
        .any(|rec| rec.layout.is_some_and(|l| l.name == "detalhe_pix")));
    // tipo 5 (chave aleatória), the EVP key right-aligned at 44-79, txid at 97-114
    let pix = e.pix.as_ref().expect("pix");
    assert_eq!(pix.tipo_chave, "5");
    assert_eq!(pix.chave, "39a1178e-db6b-4407-bc7b-b674390acf5f");
    assert_eq!(pix.txid, "id-da-transcao-pix");
    assert!(pix.url.is_empty() && pix.emv.is_empty());
}

#[test]
fn remessa_values() {
    let Some(b) = corpus(&format!(
        "{REM}pycobranca__remessa_santander_pix_cnab400.rem"
    )) else {
        return;
    };
    let r = remessa(&b, true);
    assert_eq!(r.titulos.len(), 2);
    // The header carries only the código de transmissão (27-46); the conta movimento (22-29) and the conta
    // cobrança (30-37, the convênio the retorno's header carries at 39-46) come from the títulos. The agência of
    // the detalhe is zero-filled here, so the header's stays empty.
    let b = &r.header.beneficiario;
    assert_eq!(b.codigo_beneficiario, "00000000009876543210");
    assert_eq!((b.agencia.as_str(), b.conta.as_str()), ("", "00000098"));
    assert_eq!(b.convenio, "76543210");
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "12345678");
    assert_eq!(t.seu_numero, "000DOC0001");
    assert_eq!(t.vencimento, chrono::NaiveDate::from_ymd_opt(2026, 8, 15));
    assert_eq!(t.valor, dec("199.90"));
}

#[test]
fn defective_corpus_files_report_their_defects() {
    // OCA sample: two detail lines of 417 bytes (fields shifted).
    let Some(b) = corpus(&format!("{REM}ocal10nbr__teste_remessa_santander400.REM")) else {
        return;
    };
    assert!(read(&b, ReadOptions::strict()).is_err());
    let r = remessa(&b, false);
    assert_eq!(
        r.problems
            .iter()
            .filter(|p| matches!(p.kind, ErrorKind::LineLength { found: 417, .. }))
            .count(),
        2
    );
    assert!(r.problems.iter().all(|p| matches!(
        p.kind,
        ErrorKind::LineLength { .. } | ErrorKind::NotDigits { .. } | ErrorKind::BadDate { .. }
    )));
    // marcodpt synthetic retorno: letters in nosso número, ocorrências 30/46/67 that the manual does not list.
    let Some(b) = corpus(&format!("{RET}marcodptcnab__santander.txt")) else {
        return;
    };
    let r = retorno(&b, false);
    assert_eq!(r.entries.len(), 9);
    assert!(r.problems.iter().all(|p| matches!(
        p.kind,
        ErrorKind::NotDigits { .. } | ErrorKind::UnknownOcorrencia { .. }
    )));
}

#[test]
fn written_remessa_has_the_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/033-santander/cnab400/remessa/remessa.model.json"
    ))
    .unwrap_or_default();
    let model: Remessa = serde_json::from_str(&json).unwrap_or_else(|e| panic!("model: {e}"));
    let bytes =
        write_remessa(&model, Bank::new(33), Layout::Cnab400).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..26], "01REMESSA01COBRANCA       ");
    assert_eq!(&h[26..46], "12340000000013000123"); // código de transmissão 27-46
    assert_eq!(&h[76..94], "033SANTANDER      ");
    let d = lines[1];
    assert_eq!(&d[0..17], "10211222333000181");
    assert_eq!(&d[17..37], "12340123456713000123"); // agência, conta movimento, conta cobrança (18-37)
    assert_eq!(&d[62..70], "00001234"); // nosso número 63-70
    assert_eq!(&d[77..82], "40200"); // multa 78, percentual 79-82
    assert_eq!(&d[101..110], "161226501"); // data da multa 102-107, carteira 108, ocorrência 109-110
    assert_eq!(&d[120..142], "1512260000000012750033"); // vencimento, valor, banco cobrador
    assert_eq!(&d[147..160], "01N2011260600"); // espécie, aceite, emissão, instruções
    assert_eq!(&d[218..234], "0100052998224725");
    assert_eq!(&d[391..400], "05 000002"); // dias para protesto 392-393
    let t = lines[3];
    assert_eq!(&t[0..20], "90000040000000262750"); // qtd documentos 2-7, valor total 8-20
    assert_eq!(&t[394..400], "000004");
    let back = remessa(&bytes, true);
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(
        back.titulos[0].multa.data,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 16)
    );
    assert_eq!(
        back.header.beneficiario.codigo_beneficiario,
        "12340000000013000123"
    );
}

#[test]
fn retorno_error_codes_are_three_digits() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/033-santander/cnab400/retorno/retorno.ret"
    );
    let bytes = std::fs::read(path).unwrap_or_default();
    let r = retorno(&bytes, true);
    let e = &r.entries[1];
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaRejeitada)
    );
    let m: Vec<(&str, Option<&str>)> = e
        .motivos
        .iter()
        .map(|m| (m.code.as_str(), m.description.as_deref()))
        .collect();
    assert_eq!(
        m,
        [
            ("092", Some("Nosso número já cadastrado")),
            ("016", Some("Data de vencimento inválida"))
        ]
    );
    // line 4: the first entry's detail is followed by its Pix registro tipo 2 (line 3)
    let line = bytes.split(|&b| b == b'\n').nth(3).unwrap_or_default();
    assert_eq!(line.get(136..145), Some(b"092016   ".as_slice()));
}
