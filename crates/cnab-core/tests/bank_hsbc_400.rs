//! HSBC (399) CNAB 400 cobrança registrada retorno: corpus files and a hand-made rejection record.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::{read, CnabFile, ErrorKind, OcorrenciaKind, ReadOptions};
use rust_decimal::Decimal;
mod common;
use common::corpus;

#[test]
fn corpus_laravel_retorno_reads_strictly() {
    // laravel-boleto's sample: zero-filled except for the fields its parser reads, but every field decodes.
    let Some(bytes) = corpus("399-hsbc/cnab400/retorno/laravelboleto__hsbc.ret") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 399);
    assert_eq!(r.header.beneficiario.agencia, "1111");
    assert_eq!(r.header.data_geracao, NaiveDate::from_ymd_opt(2016, 10, 20));
    assert_eq!(r.entries.len(), 1);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "12345000010");
    assert_eq!(e.seu_numero, "1");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaConfirmada
    );
    assert_eq!(e.valor_titulo, Some("100.00".parse::<Decimal>().unwrap()));
    assert_eq!(e.data_ocorrencia, NaiveDate::from_ymd_opt(2016, 10, 20));
}

#[test]
fn corpus_boletobr_cnr_file_is_not_this_layout() {
    // BoletoBr's "RetornoCompletoHsbc.txt" is HSBC's CNR (cobrança não registrada) retorno ("COBRANÇA CNR" in the
    // header), saved as UTF-8 with a BOM, with a 374-byte detail. It is not the registered-cobrança layout this module
    // implements: read leniently, the header's agência/conta, the detail's dates and amounts do not decode.
    let Some(bytes) = corpus("399-hsbc/cnab400/retorno/boletobr__RetornoCompletoHsbc.txt") else {
        return;
    };
    assert!(read(&bytes, ReadOptions::strict()).is_err());
    let Ok(CnabFile::Retorno(r)) = read(&bytes, ReadOptions::lenient()) else {
        return;
    };
    assert!(r
        .problems
        .iter()
        .any(|p| matches!(p.kind, ErrorKind::LineLength { found: 374, .. })));
    assert!(r.problems.iter().any(|p| p.field == Some("valor_titulo")));
}

#[test]
fn rejection_motivo_only_for_ocorrencia_03() {
    let line = |body: &str, seq: u32| {
        let mut l = body.to_string();
        l.push_str(&" ".repeat(394 - l.len()));
        l.push_str(&format!("{seq:06}"));
        l
    };
    let header = line(
        &format!(
            "02RETORNO01{:<15}0111100{:011}  {:<30}399{:<15}16122601600BPI",
            "COBRANCA", 999999, "PADARIA SAO JOAO LTDA", "HSBC"
        ),
        1,
    );
    let mut d1 = format!("10211222333000181{}{}{:011}0 ", "0", "111100", 999999);
    d1.push_str(&format!("{:<25}", "PEDIDO 1001"));
    d1.push_str("12345678901");
    d1.push_str(&"0".repeat(107 - d1.len()));
    d1.push_str(
        "103161226NF-1001   12345678901         151226000000001275039901111010000000000250",
    );
    d1.push_str(&" ".repeat(227 - d1.len()));
    d1.push_str(&"0".repeat(52));
    d1.push_str(&" ".repeat(301 - d1.len()));
    d1.push_str("19");
    let mut d2 = d1.replacen("103161226", "102161226", 1);
    d2.replace_range(301..303, "46");
    let trailer = line("9201399", 4);
    let text = format!("{header}\n{}\n{}\n{trailer}\n", line(&d1, 2), line(&d2, 3));
    let CnabFile::Retorno(r) = read(text.as_bytes(), ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[0];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaRejeitada
    );
    assert_eq!(e.motivos.len(), 1);
    assert_eq!(e.motivos[0].code, "19");
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("Valor do título inválido")
    );
    assert_eq!(e.tarifa, Some("2.50".parse::<Decimal>().unwrap()));
    assert_eq!(e.uso_empresa, "PEDIDO 1001");
    // 46 in an entrada confirmada is a tarifa code ("Registro Borderô Emissão Expressa"), not a motivo.
    assert!(r.entries[1].motivos.is_empty());
}
