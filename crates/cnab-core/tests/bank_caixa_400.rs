//! Caixa (104) CNAB 400 SIGCB: real corpus files, and written remessas checked byte by byte against the manual
//! (CAIXA Leiaute CNAB 400 SIGCB 67.126 v004, Anexos I-VII). Positions in `pos` are 1-based, as in the manual.
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
fn corpus_webmatrix_retorno_reads_strictly() -> R {
    let Some(bytes) = corpus("104-caixa/cnab400/retorno/webmatrixboleto__cef.ret") else {
        return Ok(());
    };
    let d = detect(&bytes)?;
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (104, Layout::Cnab400, FileKind::Retorno)
    );
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    assert_eq!(r.entries.len(), 1);
    let e = r.entries.first().ok_or("no entry")?;
    assert_eq!(e.nosso_numero, "000000000000001");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("02", OcorrenciaKind::Baixa))
    );
    assert_eq!(e.valor_titulo, dec("100.00"));
    assert_eq!(e.valor_pago, dec("100.00"));
    assert_eq!(e.vencimento, date(2016, 10, 19));
    assert_eq!(e.data_ocorrencia, date(2016, 10, 20));
    assert_eq!(r.header.data_geracao, date(2016, 10, 20));
    assert_eq!(r.header.beneficiario.agencia, "1111");
    Ok(())
}

#[test]
fn corpus_marcodpt_retorno_has_only_its_own_defects() -> R {
    // This file's nosso números are scrambled (letters) and it uses codes 38/46/62/67 that SIGCB NE033 does not list.
    let Some(bytes) = corpus("104-caixa/cnab400/retorno/marcodptcnab__caixa.txt") else {
        return Ok(());
    };
    assert!(read_retorno(&bytes, ReadOptions::strict()).is_err());
    let r = read_retorno(&bytes, ReadOptions::lenient())?;
    assert_eq!(r.entries.len(), 9);
    assert!(!r.problems.is_empty());
    for p in &r.problems {
        let s = p.to_string();
        assert!(
            s.contains("(nosso_numero): expected digits")
                || s.contains("unknown ocorrência code")
                // scrambled too: the canal de liquidação (189-191, numeric)
                || s.contains("(canal_liquidacao): expected digits")
                || s.contains("(forma_liquidacao): expected digits"),
            "unexpected problem: {s}"
        );
    }
    let unknown = r
        .problems
        .iter()
        .filter(|p| p.to_string().contains("unknown ocorrência"))
        .count();
    assert_eq!(unknown, 4);
    let first = r.entries.first().ok_or("no entry")?;
    assert_eq!(first.seu_numero, "59723666-D");
    assert_eq!(
        first.ocorrencia.as_ref().map(|o| o.code.as_str()),
        Some("06")
    );
    assert_eq!(first.valor_titulo, dec("1793.71"));
    assert_eq!(first.vencimento, date(2022, 12, 14));
    assert_eq!(first.tarifa, dec("0.42"));
    assert_eq!(first.banco_cobrador, "104");
    // Juros 267-279 and multa 280-292 kept apart (Anexo VI); juros_multa is their sum.
    let third = r.entries.get(2).ok_or("no third entry")?;
    assert_eq!(
        (third.juros, third.multa, third.juros_multa),
        (dec("3.70"), dec("0.00"), dec("3.70"))
    );
    assert_eq!(r.header.nsa, Some(647));
    Ok(())
}

#[test]
fn corpus_marcodpt_remessa_reads_strictly() -> R {
    // Three pagador CPFs are left-aligned with trailing spaces (the manual right-aligns them with zeros); the
    // CPF/CNPJ field is text (alphanumeric CNPJ), so they read as sent.
    let Some(bytes) = corpus("104-caixa/cnab400/remessa/marcodptcnab__caixa.txt") else {
        return Ok(());
    };
    let d = detect(&bytes)?;
    assert_eq!((d.bank.code(), d.kind), (104, FileKind::Remessa));
    let r = read_remessa(&bytes, ReadOptions::strict())?;
    assert_eq!(r.titulos.len(), 9);
    let t = r.titulos.first().ok_or("no título")?;
    assert_eq!(t.seu_numero, "59723666-D");
    assert_eq!(Some(t.valor), dec("1793.71"));
    assert_eq!(t.vencimento, date(2022, 12, 14));
    assert_eq!(t.variacao, "00");
    assert_eq!(t.pagador.inscricao.numero, "34452404000138");
    assert_eq!(t.pagador.cidade, "ARACATUBA");
    assert_eq!(
        r.titulos
            .get(2)
            .map(|t| t.pagador.inscricao.numero.as_str()),
        Some("80939126907")
    );
    assert_eq!(r.header.nsa, Some(647));
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "441830");
    Ok(())
}

#[test]
fn written_remessa_matches_the_manual_positions() -> R {
    let model: Remessa =
        serde_json::from_slice(&fixture("104-caixa/cnab400/remessa/remessa.model.json")?)?;
    let bytes = write_remessa(&model, Bank::new(104), Layout::Cnab400)?;
    let text = String::from_utf8(bytes.clone())?;
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines.len(),
        5,
        "header, título 1 + tipo 2, título 2, trailer"
    );
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines.first().ok_or("no header")?;
    assert_eq!(pos(h, 1, 26), "01REMESSA01COBRANCA       ");
    assert_eq!(pos(h, 27, 36), "1105441830");
    assert_eq!(pos(h, 77, 94), "104C ECON FEDERAL ");
    assert_eq!(pos(h, 95, 100), "201126");
    assert_eq!(pos(h, 390, 400), "00648000001");
    let d = lines.get(1).ok_or("no detail")?;
    assert_eq!(pos(d, 1, 17), "10211222333000181");
    assert_eq!(pos(d, 18, 27), "1105441830");
    assert_eq!(pos(d, 57, 73), "14000000000001234"); // modalidade + nosso número (NE015)
    assert_eq!(pos(d, 107, 110), "0101"); // carteira, movimento
    assert_eq!(pos(d, 111, 120), "NF-1001   ");
    assert_eq!(pos(d, 121, 126), "151226");
    assert_eq!(pos(d, 127, 139), "0000000012750");
    assert_eq!(pos(d, 140, 142), "104");
    assert_eq!(pos(d, 161, 173), "0000000000013"); // juros de mora por dia
    assert_eq!(pos(d, 219, 234), "0100052998224725");
    let d2 = lines.get(3).ok_or("no detail 2")?;
    assert_eq!(pos(d2, 219, 234), "0212ABC34501DE35"); // alphanumeric CNPJ
    assert_eq!(pos(d, 352, 367), "1612260000000255"); // data e valor da multa
    assert_eq!(pos(d, 390, 400), "00101000002"); // instrução 3, prazo 10, moeda 1, sequencial
    let m = lines.get(2).ok_or("no tipo 2")?;
    assert_eq!(pos(m, 1, 1), "2");
    assert_eq!(pos(m, 57, 73), "14000000000001234");
    assert_eq!(pos(m, 183, 222), "PAGAVEL EM QUALQUER BANCO ATE O VENCTO  ");
    let t = lines.get(4).ok_or("no trailer")?;
    assert_eq!((pos(t, 1, 1), pos(t, 395, 400)), ("9", "000005"));
    let back = read_remessa(&bytes, ReadOptions::strict())?;
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos.first().map(|t| t.mensagens.len()), Some(2));
    assert_eq!(
        back.titulos.get(1).and_then(|t| t.desconto.valor),
        dec("25.00")
    );
    Ok(())
}

#[test]
fn retorno_fixture_reads_motivo_and_kinds() -> R {
    let bytes = fixture("104-caixa/cnab400/retorno/retorno.ret")?;
    let text = String::from_utf8(bytes.clone())?;
    let rejected = text.lines().nth(2).ok_or("no line 3")?;
    assert_eq!(pos(rejected, 80, 82), "081"); // código de rejeição (NE032), 3 positions
    assert_eq!(pos(rejected, 109, 110), "99");
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    assert_eq!(
        r.entries
            .first()
            .and_then(|e| e.ocorrencia.as_ref())
            .map(|o| o.kind),
        Some(OcorrenciaKind::Liquidacao)
    );
    let motivo = r
        .entries
        .get(1)
        .and_then(|e| e.motivos.first())
        .ok_or("no motivo")?;
    assert_eq!(
        (motivo.code.as_str(), motivo.description.as_deref()),
        ("81", Some("CEP do Pagador inválido"))
    );
    Ok(())
}
