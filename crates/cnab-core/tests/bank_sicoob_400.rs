//! Sicoob (756) CNAB 400: real corpus files, and written remessas checked byte by byte against the leiaute
//! (Sicoob Leiaute Cobrança Sistemas de Terceiros, abas 03/04 CNAB400). Positions in `pos` are 1-based.
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
fn corpus_brcobranca_remessa_reads_strictly() -> R {
    let Some(bytes) = corpus("756-sicoob/cnab400/remessa/brcobranca__remessa-sicoob-cnab400.rem")
    else {
        return Ok(());
    };
    let d = detect(&bytes)?;
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (756, Layout::Cnab400, FileKind::Remessa)
    );
    let r = read_remessa(&bytes, ReadOptions::strict())?;
    assert_eq!(r.titulos.len(), 1);
    let t = r.titulos.first().ok_or("no título")?;
    assert_eq!(
        (t.nosso_numero.as_str(), t.nosso_numero_dv.as_deref()),
        ("00000000012", Some("3"))
    );
    assert_eq!(Some(t.valor), dec("199.90"));
    assert_eq!(t.vencimento, date(2015, 7, 14));
    assert_eq!(t.movimento, "01");
    assert_eq!(t.pagador.nome, "PABLO DIEGO JOSE FRANCISCO DE PAULA JUAN");
    assert_eq!(t.pagador.uf, "SP");
    assert_eq!(r.header.beneficiario.agencia, "4327");
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "123456789");
    assert_eq!(r.header.nsa, Some(1));
    Ok(())
}

#[test]
fn corpus_brboleto_retorno_reads_strictly() -> R {
    // Latin-1 file ("COBRANÇA" in the header), CRLF.
    let Some(bytes) = corpus("756-sicoob/cnab400/retorno/brboleto__sicoob.ret") else {
        return Ok(());
    };
    let d = detect(&bytes)?;
    assert_eq!((d.bank.code(), d.kind), (756, FileKind::Retorno));
    let r = read_retorno(&bytes, ReadOptions::strict())?;
    assert_eq!(r.entries.len(), 5);
    let e = r.entries.first().ok_or("no entry")?;
    assert_eq!(
        (e.nosso_numero.as_str(), e.nosso_numero_dv.as_deref()),
        ("00000015759", Some("5"))
    );
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("06", OcorrenciaKind::Liquidacao))
    );
    assert_eq!(e.valor_titulo, dec("400.00"));
    assert_eq!(e.desconto, dec("10.00"));
    assert_eq!(e.valor_pago, dec("390.00"));
    assert_eq!(e.tarifa, dec("1.89"));
    assert_eq!(e.data_credito, date(2016, 9, 5));
    assert_eq!(e.vencimento, date(2016, 9, 16));
    // 117-131 carries 15 characters; the leiaute's 117-126 would keep only "0000000001"
    let seus: Vec<&str> = r.entries.iter().map(|e| e.seu_numero.as_str()).collect();
    assert_eq!(
        seus,
        [
            "000000000157595",
            "000000000152106",
            "000000000156601",
            "000000000157517",
            "000000000157610"
        ]
    );
    assert_eq!(r.header.nsa, Some(676));
    assert_eq!(r.header.beneficiario.nome, "EMPRESA EMITENTE PROD. LTDA -");
    Ok(())
}

#[test]
fn written_remessa_matches_the_manual_positions() -> R {
    let model: Remessa =
        serde_json::from_slice(&fixture("756-sicoob/cnab400/remessa/remessa.model.json")?)?;
    let bytes = write_remessa(&model, Bank::new(756), Layout::Cnab400)?;
    let text = String::from_utf8(bytes.clone())?;
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines.first().ok_or("no header")?;
    assert_eq!(pos(h, 1, 19), "01REMESSA01COBRANCA");
    assert_eq!(pos(h, 27, 40), "43273123456789");
    assert_eq!(pos(h, 77, 94), "756BANCOOBCED     ");
    assert_eq!(pos(h, 95, 107), "2011260000021");
    let d = lines.get(1).ok_or("no detail")?;
    assert_eq!(pos(d, 1, 37), "1021122233300018143273123456781000000");
    assert_eq!(pos(d, 38, 62), "PEDIDO-7781              ");
    assert_eq!(pos(d, 63, 76), "00000000123401"); // nosso número + DV, parcela
    assert_eq!(pos(d, 106, 120), "20101NF-1001   ");
    assert_eq!(pos(d, 121, 142), "1512260000000012750756");
    assert_eq!(pos(d, 143, 156), "43273010201126");
    assert_eq!(pos(d, 161, 173), "0220000200002"); // mora 2,20% a.m., multa 2,00%, distribuição
    assert_eq!(pos(d, 219, 234), "0100052998224725");
    assert_eq!(pos(d, 352, 391), "NAO RECEBER APOS 30 DIAS DO VENCIMENTO  ");
    assert_eq!(pos(d, 392, 400), "05 000002");
    let back = read_remessa(&bytes, ReadOptions::strict())?;
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos.first().and_then(|t| t.juros.valor), dec("2.2"));
    Ok(())
}

#[test]
fn retorno_fixture_reads_kinds() -> R {
    let r = read_retorno(
        &fixture("756-sicoob/cnab400/retorno/retorno.ret")?,
        ReadOptions::strict(),
    )?;
    let kinds: Vec<_> = r
        .entries
        .iter()
        .filter_map(|e| e.ocorrencia.as_ref().map(|o| o.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            OcorrenciaKind::Liquidacao,
            OcorrenciaKind::EntradaConfirmada,
            OcorrenciaKind::Baixa
        ]
    );
    assert_eq!(
        r.entries.first().and_then(|e| e.valor_creditado),
        dec("125.61")
    );
    Ok(())
}
