//! Sicredi (748) CNAB 400: real corpus retornos, and written remessas checked byte by byte against the manual
//! (Sicredi Manual Cobrança CNAB 400, agosto/2019, §9 remessa, §10 retorno). Positions in `pos` are 1-based.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::PathBuf;

use cnab_core::{
    detect, read_remessa, read_retorno, write_remessa, Bank, FileKind, Layout, OcorrenciaKind,
    ReadOptions, Remessa,
};
mod common;
use common::corpus;

type R = Result<(), Box<dyn std::error::Error>>;

fn fixture(rel: &str) -> Result<Vec<u8>, std::io::Error> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures")
            .join(rel),
    )
}

/// Positions `a..=b` (1-based) of a line.
fn pos(line: &str, a: usize, b: usize) -> &str {
    line.get(a - 1..b).unwrap_or("")
}

fn dec(s: &str) -> Option<rust_decimal::Decimal> {
    s.parse().ok()
}

fn date(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn corpus_boletonet_retorno_reads_strictly() -> R {
    let Some(bytes) = corpus("748-sicredi/cnab400/retorno/boletonet__RetornoSicredi.txt") else {
        return Ok(());
    };
    let d = detect(&bytes)?;
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (748, Layout::Cnab400, FileKind::Retorno)
    );
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    assert_eq!(r.entries.len(), 2);
    let e = r.entries.get(1).ok_or("no entry")?;
    assert_eq!(e.nosso_numero, "162000002");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("06", OcorrenciaKind::Liquidacao))
    );
    assert_eq!(e.valor_titulo, dec("538.03"));
    assert_eq!(e.valor_pago, dec("551.85"));
    // §10.2: juros de mora 267-279 and multa 280-292 kept apart, their sum in juros_multa
    // (line 3: 267-279 "0000000000306", 280-292 "0000000001076")
    assert_eq!(e.juros, dec("3.06"));
    assert_eq!(e.multa, dec("10.76"));
    assert_eq!(e.juros_multa, dec("13.82"));
    assert_eq!(e.vencimento, date(2017, 1, 15));
    assert_eq!(e.data_credito, date(2017, 2, 3)); // 329-336, AAAAMMDD
    assert_eq!(e.carteira, "A");
    assert_eq!(r.header.nsa, Some(471));
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "81111");
    Ok(())
}

#[test]
fn corpus_brboleto_retorno_motivos_by_ocorrencia() -> R {
    let Some(bytes) = corpus("748-sicredi/cnab400/retorno/brboleto__sicredi.ret") else {
        return Ok(());
    };
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    assert_eq!(r.entries.len(), 2);
    let paid = r.entries.first().ok_or("no entry")?;
    assert_eq!(paid.nosso_numero, "162000017");
    assert_eq!(paid.valor_pago, dec("5.00"));
    assert_eq!(paid.data_credito, date(2016, 12, 7));
    assert_eq!(paid.motivos.first().map(|m| m.code.as_str()), Some("H5"));
    let tarifa = r.entries.get(1).ok_or("no entry")?;
    assert_eq!(
        tarifa.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::Tarifa)
    );
    let m = tarifa.motivos.first().ok_or("no motivo")?;
    assert_eq!(
        (m.code.as_str(), m.description.as_deref()),
        ("B3", Some("Tarifa de registro de entrada do título"))
    );
    Ok(())
}

#[test]
fn corpus_laravel_retorno_reads_with_one_bad_header_date() -> R {
    let Some(bytes) = corpus("748-sicredi/cnab400/retorno/laravelboleto__sicredi.ret") else {
        return Ok(());
    };
    // laravel-boleto's synthetic file: the header's data de gravação (95-102, AAAAMMDD) is "11111600".
    let r = read_retorno(&bytes, ReadOptions::lenient())?;
    let found: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        [r#"line 1, columns 95-102 (data_gravacao): expected a date, found "11111600""#]
    );
    let e = r.entries.first().ok_or("no entry")?;
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("02", OcorrenciaKind::EntradaConfirmada))
    );
    assert_eq!(e.nosso_numero, "00000162000015");
    assert_eq!(e.valor_titulo, dec("100.00"));
    Ok(())
}

#[test]
fn written_remessa_matches_the_manual_positions() -> R {
    let model: Remessa =
        serde_json::from_slice(&fixture("748-sicredi/cnab400/remessa/remessa.model.json")?)?;
    let bytes = write_remessa(&model, Bank::new(748), Layout::Cnab400)?;
    let text = String::from_utf8(bytes.clone())?;
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines.first().ok_or("no header")?;
    assert_eq!(pos(h, 1, 26), "01REMESSA01COBRANCA       ");
    assert_eq!(pos(h, 27, 45), "1234511222333000181");
    assert_eq!(pos(h, 77, 94), "748SICREDI        ");
    assert_eq!(pos(h, 111, 117), "0000007");
    assert_eq!(pos(h, 391, 400), "2.00000001");
    let d = lines.get(1).ok_or("no detail")?;
    assert_eq!(pos(d, 1, 4), "1AAA");
    assert_eq!(pos(d, 17, 19), "AAA"); // moeda, tipo de desconto, tipo de juros
    assert_eq!(pos(d, 48, 56), "262000017");
    assert_eq!(pos(d, 93, 96), "0200"); // % multa
    assert_eq!(pos(d, 109, 120), "01NF-1001   ");
    assert_eq!(pos(d, 121, 139), "1512260000000012750");
    assert_eq!(pos(d, 149, 160), "AN2011260605"); // espécie, aceite, emissão, protesto automático em 5 dias
    assert_eq!(pos(d, 161, 192), "00000000000131012260000000000500");
    assert_eq!(pos(d, 219, 234), "1000052998224725");
    assert_eq!(pos(d, 327, 334), "90010000");
    let d2 = lines.get(2).ok_or("no detail 2")?;
    assert_eq!(pos(d2, 340, 353), "00011144477735");
    assert_eq!(pos(d2, 354, 367), "FULANO DE TAL ");
    let t = lines.get(3).ok_or("no trailer")?;
    assert_eq!(pos(t, 1, 10), "9174812345");
    assert_eq!(pos(t, 395, 400), "000004");
    let back = read_remessa(&bytes, ReadOptions::strict())?;
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(
        back.titulos.first().and_then(|t| t.multa.valor),
        dec("2.00")
    );
    Ok(())
}

#[test]
fn retorno_fixture_reads_motivos() -> R {
    let bytes = fixture("748-sicredi/cnab400/retorno/retorno.ret")?;
    let text = String::from_utf8(bytes.clone())?;
    let rejected = text.lines().nth(2).ok_or("no line 3")?;
    assert_eq!(pos(rejected, 319, 328), "48D7      ");
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    let e = r.entries.get(1).ok_or("no entry")?;
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaRejeitada)
    );
    assert_eq!(e.motivos.len(), 2);
    Ok(())
}
