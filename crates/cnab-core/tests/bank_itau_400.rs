//! Itaú (341) CNAB 400: the corpus files, and write→read of a remessa checked byte by byte against the manual
//! ("Cobrança 400 bytes CNAB", julho/2021 v3).

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

const REM: &str = "341-itau/cnab400/remessa/";
const RET: &str = "341-itau/cnab400/retorno/";

#[test]
fn corpus_files_are_detected_as_itau_400() {
    let Some(_) = corpus(&format!("{RET}smartcnab__itau.RET")) else {
        return;
    };
    for (dir, kind) in [(REM, FileKind::Remessa), (RET, FileKind::Retorno)] {
        let mut n = 0;
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
                (341, Layout::Cnab400, kind),
                "{}",
                e.path().display()
            );
            assert!(d.supported);
            n += 1;
        }
        assert!(n >= 7, "{dir}: {n} files");
    }
}

#[test]
fn clean_corpus_files_read_strictly() {
    for f in [
        "boletonet__REMESSA.txt",
        "brcobranca__remessa-itau-cnab400.rem",
        "marcodptcnab__itau.txt",
        "maxwbhbrcobranca__itau_cnab400.rem",
    ] {
        let Some(b) = corpus(&format!("{REM}{f}")) else {
            return;
        };
        let r = remessa(&b, true);
        assert!(!r.titulos.is_empty(), "{f}");
    }
    // gustavonv's test remessa names two unrelated companies in the details' inscrição (4-17): the second is named.
    if let Some(b) = corpus(&format!("{REM}gustavonvcnab__remessa-itau.txt")) {
        let r = remessa(&b, false);
        assert_eq!(r.titulos.len(), 2);
        assert_eq!(r.header.beneficiario.inscricao.numero, "75778689000189");
        let found: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            ["line 3, columns 4-17 (empresa_inscricao): company inscrição 41162186000162 differs from \
              line 2's 75778689000189 (a remessa is one company's)"]
        );
    }
    // enhanced-cnab numbers its first detail 000004 (395-400) after a header numbered 000001: the one defect.
    if let Some(b) = corpus(&format!("{REM}enhancedcnab__itau.rem")) {
        let r = remessa(&b, false);
        assert!(!r.titulos.is_empty());
        let found: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            ["line 2, columns 395-400 (sequencial): record number 4, expected 2 (a record moved, missing or repeated?)"]
        );
    }
    for f in [
        "gustavonvcnab__341-02.txt",
        "impactroboleto__Retorno.txt",
        "laravelboleto__cnab400_itau.ret",
        "opencnabphp__CN04116A.RET",
        "opencnabphp__teste.ret",
        "smartcnab__itau.RET",
        "smartcnab__sample.RET",
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
fn retorno_values_from_laravel_boleto_sample() {
    let Some(b) = corpus(&format!("{RET}laravelboleto__cnab400_itau.ret")) else {
        return;
    };
    let r = retorno(&b, true);
    assert_eq!(r.entries.len(), 4);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00231327");
    assert_eq!(e.nosso_numero_dv.as_deref(), Some("0"));
    let oc = e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind));
    assert_eq!(oc, Some(("06", OcorrenciaKind::Liquidacao)));
    assert_eq!(e.valor_titulo, Some(dec("389.75")));
    assert_eq!(e.valor_pago, Some(dec("209.97")));
    // Ocorrência 25 (alegações do pagador) carries its codes at 378-385.
    let e2 = &r.entries[1];
    assert_eq!(e2.ocorrencia.as_ref().map(|o| o.code.as_str()), Some("25"));
    assert_eq!(
        e2.motivos
            .iter()
            .map(|m| m.code.as_str())
            .collect::<Vec<_>>(),
        ["18", "42"]
    );
}

#[test]
fn retorno_rejection_motivo_is_described() {
    // OpenCnabPHP sample: ocorrência 16 (instruções rejeitadas), erro 03 (Nota 20, tabela 3 has no 03: no text).
    let Some(b) = corpus(&format!("{RET}opencnabphp__CN04116A.RET")) else {
        return;
    };
    let r = retorno(&b, true);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00000029");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::InstrucaoRejeitada)
    );
    assert_eq!(e.motivos.first().map(|m| m.code.as_str()), Some("03"));
    // gustavonv sample: baixa simples with a tarifa.
    let Some(b) = corpus(&format!("{RET}gustavonvcnab__341-02.txt")) else {
        return;
    };
    let r = retorno(&b, true);
    let e = &r.entries[0];
    assert_eq!(
        (e.nosso_numero.as_str(), e.nosso_numero_dv.as_deref()),
        ("11025727", Some("9"))
    );
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("09", OcorrenciaKind::Baixa))
    );
    assert_eq!(e.vencimento, chrono::NaiveDate::from_ymd_opt(2013, 5, 17));
    assert_eq!(e.valor_titulo, Some(dec("844.00")));
}

#[test]
fn remessa_values_from_boletonet_sample() {
    let Some(b) = corpus(&format!("{REM}boletonet__REMESSA.txt")) else {
        return;
    };
    let r = remessa(&b, true);
    assert_eq!(r.titulos.len(), 2);
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "01065735");
    assert_eq!(t.seu_numero, "0123456");
    assert_eq!(t.vencimento, chrono::NaiveDate::from_ymd_opt(2016, 11, 27));
    assert_eq!(t.valor, dec("265.44"));
    assert!(t.pagador.inscricao.numero.ends_with("3811242000153"));
}

/// Files with genuine defects read leniently, and only their defects are reported.
#[test]
fn defective_corpus_files_report_their_defects() {
    // CNAB 444 (a different Itaú product): line 2 is 444 bytes.
    let Some(b) = corpus(&format!("{REM}brcobranca__remessa-itau-cnab444.rem")) else {
        return;
    };
    assert!(read(&b, ReadOptions::strict()).is_err());
    let r = remessa(&b, false);
    assert_eq!(r.problems.len(), 1);
    assert!(matches!(
        r.problems[0].kind,
        ErrorKind::LineLength {
            expected: 400,
            found: 444
        }
    ));
    assert_eq!(r.titulos[0].nosso_numero, "00000123");

    // OCA sample: two lines of 402 bytes, every field after the stray bytes shifted.
    let Some(b) = corpus(&format!("{REM}ocal10nbr__teste_remessa_itau400.REM")) else {
        return;
    };
    let r = remessa(&b, false);
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(p.kind, ErrorKind::LineLength { found: 402, .. })));
    assert!(r.problems.iter().all(|p| matches!(
        p.kind,
        ErrorKind::LineLength { .. } | ErrorKind::NotDigits { .. } | ErrorKind::BadDate { .. }
    )));

    // pyCobranca "PIX" remessa: its record type 8 (brcobranca's PIX mixin layout, not in the Itaú manual, whose Pix
    // record is type 3) is read with that generator's table (see bank_pix8_400.rs): no problems.
    let Some(b) = corpus(&format!("{REM}pycobranca__remessa_itau_pix_cnab400.rem")) else {
        return;
    };
    let r = remessa(&b, false);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.titulos.len(), 2);

    // laravel-boleto/webmatrix sample: a space inside the second nosso número (86-93).
    for f in ["laravelboleto__itau.ret", "webmatrixboleto__itau.ret"] {
        let Some(b) = corpus(&format!("{RET}{f}")) else {
            return;
        };
        let r = retorno(&b, false);
        assert!(
            !r.problems.is_empty() && r.problems.iter().all(|p| p.field == Some("nosso_numero_2")),
            "{f}"
        );
        assert_eq!(r.entries[0].valor_titulo, Some(dec("100.00")));
    }

    // marcodpt synthetic file: letters in the nosso número and an ocorrência (67) the manual does not list.
    let Some(b) = corpus(&format!("{RET}marcodptcnab__itau.txt")) else {
        return;
    };
    let r = retorno(&b, false);
    assert_eq!(r.entries.len(), 9);
    assert!(r.problems.iter().all(|p| matches!(
        p.kind,
        ErrorKind::NotDigits { .. } | ErrorKind::UnknownOcorrencia { .. }
    )));
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(&p.kind, ErrorKind::UnknownOcorrencia { code } if code == "67")));
}

fn sample_remessa() -> Remessa {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/remessa/remessa.model.json"
    ))
    .unwrap_or_default();
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("model: {e}"))
}

#[test]
fn written_remessa_has_the_manual_positions() {
    let model = sample_remessa();
    let bytes =
        write_remessa(&model, Bank::new(341), Layout::Cnab400).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    // header, título 1, título 2 + its multa record (tipo 2), trailer
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..9], "01REMESSA");
    assert_eq!(&h[9..26], "01COBRANCA       ");
    assert_eq!(&h[26..38], "005700123457"); // agência 27-30, zeros 31-32, conta 33-37, DAC 38
    assert_eq!(&h[76..94], "341BANCO ITAU SA  ");
    assert_eq!(&h[94..100], "201126");
    assert_eq!(&h[394..400], "000001");
    let d = lines[1];
    assert_eq!(&d[0..3], "102");
    assert_eq!(&d[3..17], "11222333000181");
    assert_eq!(&d[37..47], "PEDIDO 778");
    assert_eq!(&d[62..70], "12345678"); // nosso número 63-70
    assert_eq!(&d[83..86], "109"); // carteira 84-86
    assert_eq!(&d[107..110], "I01"); // código da carteira 108, ocorrência 109-110
    assert_eq!(&d[110..120], "NF-1001   ");
    assert_eq!(&d[120..126], "151226");
    assert_eq!(&d[126..139], "0000000012750");
    assert_eq!(&d[139..142], "341");
    assert_eq!(&d[147..158], "01N20112609"); // espécie, aceite, emissão, instrução 1
    assert_eq!(&d[160..173], "0000000000013"); // juros de 1 dia
    assert_eq!(&d[218..234], "0100052998224725"); // tipo + CPF zero-filled to 14
    assert_eq!(&d[234..251], "JOSE DA CONCEICAO");
    assert_eq!(&d[326..334], "01001000");
    assert_eq!(&d[385..394], "16122605 "); // data de mora, prazo
    assert_eq!(&d[394..400], "000002");
    let d2 = lines[2];
    assert_eq!(&d2[173..192], "0501270000000005000"); // desconto até + valor
    assert_eq!(&d2[218..234], "0212ABC34501DE35"); // alphanumeric CNPJ
    let multa = lines[3];
    assert_eq!(&multa[0..23], "22110120270000000000200");
    assert_eq!(&multa[394..400], "000004");
    assert_eq!(&lines[4][0..1], "9");
    assert_eq!(&lines[4][394..400], "000005");

    // and it reads back strictly
    let back = remessa(&bytes, true);
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos[1].multa.valor, Some(dec("2.00")));
    assert_eq!(back.titulos[0].protesto.prazo, Some(5));
    assert_eq!(back.header.beneficiario.conta_dv, "7");
}

#[test]
fn retorno_tables_cover_the_manual_codes() {
    let spec =
        cnab_core::banks::spec(341).and_then(|s| s.layout(Layout::Cnab400, FileKind::Retorno, ""));
    let Some(spec) = spec else {
        panic!("no Itaú 400 retorno")
    };
    assert_eq!(
        spec.ocorrencia("06").map(|o| o.kind),
        Some(OcorrenciaKind::Liquidacao)
    );
    assert_eq!(
        spec.ocorrencia("08").map(|o| o.kind),
        Some(OcorrenciaKind::LiquidacaoCartorio)
    );
    assert_eq!(
        spec.ocorrencia("03").map(|o| o.kind),
        Some(OcorrenciaKind::EntradaRejeitada)
    );
    assert_eq!(
        spec.ocorrencia("28").map(|o| o.kind),
        Some(OcorrenciaKind::Tarifa)
    );
    assert!(spec
        .motivo("03", "14")
        .is_some_and(|m| m.description.contains("já registrado")));
    assert!(spec
        .motivo("15", "05")
        .is_some_and(|m| m.description.contains("já baixado")));
    assert!(spec.motivo("02", "14").is_none());
}

#[test]
fn pix_registro_tipo_3_carries_the_emv_into_the_entry() {
    // Manual p. 23: "registro opcional boleto Pix", tipo 3, EMV QR code 2-391 (nota 40), código de erro 392-394.
    // EMV: the static BR Code example of the BCB "Manual de Padrões para Iniciação do Pix".
    const EMV: &str =
        "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR\
                       5913Fulano de Tal6008BRASILIA62070503***63041D3D";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab400/retorno/retorno.ret"
    );
    let mut r = retorno(&std::fs::read(path).unwrap(), true);
    assert!(r.entries.iter().all(|e| e.pix.is_none()));
    r.entries[0].pix = Some(cnab_core::PixInfo {
        emv: EMV.into(),
        ..Default::default()
    });
    let bytes = cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let line3 = text.lines().nth(2).unwrap();
    assert_eq!(&line3[..1], "3");
    assert_eq!(line3[1..391].trim_end(), EMV);
    let back = retorno(&bytes, true);
    assert_eq!(back.entries.len(), r.entries.len());
    assert_eq!(
        back.entries[0].pix.as_ref().map(|p| p.emv.as_str()),
        Some(EMV)
    );
    assert!(back.entries[1..].iter().all(|e| e.pix.is_none()));
    // the EMV is case-sensitive (its CRC covers the exact text): never upper-cased, never transliterated
    r.entries[0].pix = Some(cnab_core::PixInfo {
        emv: EMV.replace("Fulano", "Fulaño"),
        ..Default::default()
    });
    assert!(cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).is_err());
}
