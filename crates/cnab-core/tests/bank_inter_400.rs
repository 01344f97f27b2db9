//! Banco Inter (077) CNAB 400 retorno: the corpus file and a hand-made rejection with its free-text motive.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use cnab_core::{read, CnabFile, OcorrenciaKind, ReadOptions};
use rust_decimal::Decimal;

#[test]
fn corpus_retorno_reads_strictly() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/077-inter/cnab400/retorno/laravelboleto__inter.ret");
    let Ok(bytes) = std::fs::read(p) else { return };
    // laravel-boleto's synthetic file: "0 " in the numeric tipo de inscrição (2-3), "0       " in the zeros at
    // 63-70.
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    let found: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        [
            r#"line 2, columns 2-3 (tipo_inscricao_empresa): expected digits, found "0 ""#,
            r#"line 2, columns 63-70 (zeros_2): expected digits, found "0       ""#
        ]
    );
    assert_eq!(r.bank.code(), 77);
    assert_eq!(r.header.data_geracao, NaiveDate::from_ymd_opt(2021, 12, 6));
    assert_eq!(r.entries.len(), 1);
    let e = &r.entries[0];
    assert_eq!(e.carteira, "112");
    assert_eq!(e.seu_numero, "0000000001");
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind, oc.description.as_str()),
        ("02", OcorrenciaKind::EntradaConfirmada, "Em aberto")
    );
    assert_eq!(e.data_ocorrencia, NaiveDate::from_ymd_opt(2021, 12, 6));
    assert_eq!(e.vencimento, NaiveDate::from_ymd_opt(2021, 12, 7));
    assert_eq!(e.valor_titulo, Some("10.00".parse::<Decimal>().unwrap()));
    assert_eq!(e.banco_cobrador, "077");
    assert_eq!(e.agencia_cobradora, "0001");
}

#[test]
fn rejection_free_text_becomes_a_motivo() {
    let pad = |mut l: String, seq: u32| {
        l.push_str(&" ".repeat(394 - l.len()));
        l.push_str(&format!("{seq:06}"));
        l
    };
    let header = pad(
        format!(
            "02RETORNO01{:<15}{:20}{:<30}077{:<15}161226",
            "COBRANCA", "", "PADARIA SAO JOAO LTDA", "INTER"
        ),
        1,
    );
    let mut d = format!(
        "10211222333000181000{:<17}{:<25}00000000{:011}{:5}11203161226{:<10}{:011}",
        "11200010100000000", "PEDIDO 7", 1234567, "", "NF-7", 1234567
    );
    d.push_str("1512260000000012750077000101");
    d.push_str(&" ".repeat(13));
    d.push_str(&"0".repeat(13));
    d.push_str("000000   ");
    d.push_str(&format!(
        "{:<40}{:5}{:<14}{:<140}",
        "JOSE DA CONCEICAO", "", "52998224725", "CEP DO PAGADOR INVALIDO"
    ));
    let trailer = pad("9201077".to_string(), 3);
    let text = format!("{header}\n{}\n{trailer}\n", pad(d, 2));
    let CnabFile::Retorno(r) = read(text.as_bytes(), ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00001234567");
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaRejeitada
    );
    assert_eq!(e.motivos.len(), 1);
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("CEP DO PAGADOR INVALIDO")
    );
    assert_eq!(e.pagador.as_ref().unwrap().nome, "JOSE DA CONCEICAO");
}
