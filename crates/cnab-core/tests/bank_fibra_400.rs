//! Banco Fibra (224) CNAB 400: real corpus files, and write→read of a remessa checked position by position against
//! the manual ("Produto Cobrança Bancária — Manual do Usuário CNAB 400", ago/2021).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cnab_core::{
    read, write_remessa, Bank, CnabFile, Layout, OcorrenciaKind, ReadOptions, Remessa,
};
mod common;
use common::{corpus, date, dec as d};

#[test]
fn corpus_retorno_reads_strictly() {
    let Some(bytes) = corpus("224-fibra/cnab400/retorno/laravelboleto__fibra.ret") else {
        return;
    };
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 224);
    assert_eq!(r.header.nsa, Some(30));
    assert_eq!(r.header.data_geracao, Some(date(2023, 1, 16)));
    assert_eq!(r.entries.len(), 11);
    let e = &r.entries[1];
    assert_eq!(e.nosso_numero, "00113365557");
    assert_eq!(e.seu_numero, "11693-4");
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("06", OcorrenciaKind::Liquidacao)
    );
    assert_eq!(e.valor_titulo, Some(d("2074.28")));
    assert_eq!(e.valor_pago, Some(d("2077.73")));
    assert_eq!(e.juros_multa, Some(d("3.45")));
    assert_eq!(e.data_ocorrencia, Some(date(2023, 1, 13)));
    assert_eq!(e.data_credito, Some(date(2023, 1, 16)));
    assert_eq!(e.banco_cobrador, "033");
    // Line 8: entrada confirmada (02) with its R$ 4,50 tarifa.
    let e = &r.entries[6];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaConfirmada
    );
    assert_eq!(e.tarifa, Some(d("4.50")));
}

#[test]
fn corpus_remessa_reads_strictly() {
    let Some(bytes) = corpus("224-fibra/cnab400/remessa/laravelboleto__fibra.txt") else {
        return;
    };
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "000106713030");
    assert_eq!(r.titulos.len(), 1);
    let t = &r.titulos[0];
    assert_eq!(t.carteira, "5");
    assert_eq!(t.movimento, "01");
    assert_eq!(t.valor, d("10.00"));
    assert_eq!(t.vencimento, Some(date(2023, 1, 25)));
    assert_eq!(t.pagador.inscricao.numero, "10228511000119");
    assert_eq!(t.pagador.cep, "02546000");
}

#[test]
fn written_remessa_matches_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/224-fibra/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(224), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..9], "01REMESSA");
    assert_eq!(&h[76..79], "224");
    assert_eq!(&h[94..100], "201126");
    let l = lines[1];
    assert_eq!(&l[1..17], "0211222333000181"); // 002-003 tipo, 004-017 CNPJ
    assert_eq!(&l[62..73], "00000012345"); // 063-073 nosso número
    assert_eq!(&l[89..103], "20000000000200"); // 090 código multa, 091-103 valor multa
    assert_eq!(&l[107..110], "501"); // 108 carteira, 109-110 ocorrência
    assert_eq!(&l[110..120], "NF-1001   "); // 111-120 seu número
    assert_eq!(&l[120..126], "151226"); // 121-126 vencimento
    assert_eq!(&l[126..139], "0000000012750"); // 127-139 valor
    assert_eq!(&l[139..142], "224"); // 140-142 banco
    assert_eq!(&l[147..150], "01N"); // 148-149 espécie, 150 aceite
    assert_eq!(&l[156..158], "09"); // 157-158 instrução 1: protestar
    assert_eq!(&l[218..234], "0100052998224725"); // 219-220, 221-234 pagador
    assert_eq!(&l[326..334], "01001000"); // 327-334 CEP
    assert_eq!(&l[391..393], "05"); // 392-393 prazo de protesto
    assert_eq!(&l[394..400], "000002");
    assert!(lines[2].starts_with("20NAO RECEBER")); // registro 2 de mensagem
    assert_eq!(&lines[4][121..137], "0100011144477735"); // registro 5: 122-123, 124-137 sacador
    assert_eq!(&lines[5][394..400], "000006");

    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(
        back.titulos[0].mensagens,
        vec!["NAO RECEBER APOS 30 DIAS DO VENCIMENTO".to_string()]
    );
    assert_eq!(
        back.titulos[1]
            .sacador_avalista
            .as_ref()
            .unwrap()
            .inscricao
            .numero,
        "11144477735"
    );
    assert_eq!(back.titulos[1].desconto.valor, Some(d("25.00")));
}

#[test]
fn rejection_motivos_come_from_table_2_3() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/224-fibra/cnab400/retorno/retorno.ret"
    ))
    .unwrap();
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[1];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaRejeitada
    );
    let m: Vec<(&str, Option<&str>)> = e
        .motivos
        .iter()
        .map(|m| (m.code.as_str(), m.description.as_deref()))
        .collect();
    assert_eq!(
        m,
        vec![
            ("08", Some("Nome do sacado não informado")),
            ("AI", Some("Nossa carteira inválida"))
        ]
    );
    // The same code means something else under ocorrência 16.
    assert_eq!(
        r.entries[2].motivos[0].description.as_deref(),
        Some("Título baixado ou liquidado")
    );
}
