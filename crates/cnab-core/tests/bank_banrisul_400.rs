//! Banrisul (041) CNAB 400: real corpus files, and written remessas checked byte by byte against the manual
//! (Banrisul Cobrança Eletrônica, leiaute padrão CNAB 400, vrs 15/07/2015). Positions in `pos` are 1-based.
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
fn corpus_pycobranca_remessa_reads_strictly() -> R {
    let Some(bytes) =
        corpus("041-banrisul/cnab400/remessa/pycobranca__remessa_banrisul_cnab400.rem")
    else {
        return Ok(());
    };
    let d = detect(&bytes)?;
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (41, Layout::Cnab400, FileKind::Remessa)
    );
    let r = read_remessa(&bytes, ReadOptions::strict())?;
    assert_eq!(r.titulos.len(), 2);
    let t = r.titulos.get(1).ok_or("no título")?;
    assert_eq!(t.nosso_numero, "8765432163");
    assert_eq!(Some(t.valor), dec("1350.75"));
    assert_eq!(t.vencimento, date(2026, 9, 1));
    assert_eq!(t.especie, "08");
    assert_eq!(t.pagador.inscricao.numero, "11222333000181");
    assert_eq!(t.pagador.cidade, "SAO PAULO");
    assert_eq!(r.header.beneficiario.agencia, "1234");
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "567890123");
    Ok(())
}

#[test]
fn corpus_brcobranca_retorno_reads_strictly() -> R {
    let Some(bytes) = corpus("041-banrisul/cnab400/retorno/brcobranca__CNAB400BANRISUL.RET") else {
        return Ok(());
    };
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    assert_eq!(r.entries.len(), 1);
    let e = r.entries.first().ok_or("no entry")?;
    assert_eq!(e.nosso_numero, "2283256350");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("06", OcorrenciaKind::Liquidacao))
    );
    assert_eq!(e.valor_titulo, dec("1450.00"));
    assert_eq!(e.valor_pago, dec("1450.00"));
    assert_eq!(e.tarifa, dec("1.60"));
    assert_eq!(e.data_credito, date(2015, 5, 15));
    assert_eq!(e.vencimento, date(2015, 5, 25));
    assert_eq!(e.agencia_cobradora, "1102");
    Ok(())
}

#[test]
fn corpus_laravel_retorno_has_only_its_own_defects() -> R {
    // A synthetic file: spaces inside the numeric código de cedente (header 31-39) and nosso número (63-72).
    let Some(bytes) = corpus("041-banrisul/cnab400/retorno/laravelboleto__banrisul.ret") else {
        return Ok(());
    };
    assert!(read_retorno(&bytes, ReadOptions::strict()).is_err());
    let r = read_retorno(&bytes, ReadOptions::lenient())?;
    assert!(!r.problems.is_empty());
    for p in &r.problems {
        let s = p.to_string();
        assert!(
            s.contains("(codigo_cedente): expected digits")
                || s.contains("(nosso_numero): expected digits"),
            "unexpected: {s}"
        );
    }
    let e = r.entries.first().ok_or("no entry")?;
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("02", OcorrenciaKind::EntradaConfirmada))
    );
    assert_eq!(e.valor_titulo, dec("100.00"));
    assert_eq!(e.vencimento, date(2016, 11, 24));
    Ok(())
}

#[test]
fn written_remessa_matches_the_manual_positions() -> R {
    let model: Remessa =
        serde_json::from_slice(&fixture("041-banrisul/cnab400/remessa/remessa.model.json")?)?;
    let bytes = write_remessa(&model, Bank::new(41), Layout::Cnab400)?;
    let text = String::from_utf8(bytes.clone())?;
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines.first().ok_or("no header")?;
    assert_eq!(pos(h, 1, 9), "01REMESSA");
    assert_eq!(pos(h, 27, 39), "0100123456789");
    assert_eq!(pos(h, 77, 87), "041BANRISUL");
    assert_eq!(pos(h, 95, 100), "201126");
    let d = lines.get(1).ok_or("no detail")?;
    assert_eq!(pos(d, 18, 30), "0100123456789");
    assert_eq!(pos(d, 38, 72), "PEDIDO-7781              1234567825");
    assert_eq!(pos(d, 73, 104), "NAO RECEBER APOS 30 DIAS        ");
    assert_eq!(pos(d, 108, 120), "101NF-1001   ");
    assert_eq!(pos(d, 121, 142), "1512260000000012750041");
    assert_eq!(pos(d, 148, 173), "08N20112609180000000000013"); // tipo doc, aceite, emissão, instruções 09/18, mora
    assert_eq!(pos(d, 219, 234), "0100052998224725");
    assert_eq!(pos(d, 322, 334), "0200090010000"); // multa 2,0%, dias, CEP
    assert_eq!(pos(d, 370, 371), "05");
    let t = lines.get(3).ok_or("no trailer")?;
    assert_eq!(pos(t, 28, 40), "0000000262750");
    assert_eq!(pos(t, 395, 400), "000004");
    let back = read_remessa(&bytes, ReadOptions::strict())?;
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(
        back.titulos.first().map(|t| t.protesto.codigo.as_str()),
        Some("09")
    );
    Ok(())
}

#[test]
fn retorno_fixture_reads_motivos() -> R {
    let bytes = fixture("041-banrisul/cnab400/retorno/retorno.ret")?;
    let text = String::from_utf8(bytes.clone())?;
    let rejected = text.lines().nth(2).ok_or("no line 3")?;
    assert_eq!(pos(rejected, 383, 392), "1648      ");
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    let m = r
        .entries
        .get(1)
        .and_then(|e| e.motivos.get(1))
        .ok_or("no motivo")?;
    assert_eq!(
        m.description.as_deref(),
        Some("CEP inválido ou alteração de CEP não permitida")
    );
    Ok(())
}
