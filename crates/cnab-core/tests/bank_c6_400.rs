//! Banco C6 (336) CNAB 400: the corpus remessas (Maxwbh brcobranca, pyCobranca, with and without the PIX tipo 8),
//! and a written remessa checked position by position against the C6 manual (CNAB 400 v2.2, junho 2022).

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

fn remessa(bytes: &[u8]) -> Remessa {
    let CnabFile::Remessa(r) = read(bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    r
}

#[test]
fn corpus_brcobranca_remessa_reads_strictly() {
    let Some(bytes) = corpus("336-c6/cnab400/remessa/maxwbhbrcobranca__banco_c6_cnab400.rem")
    else {
        return;
    };
    let r = remessa(&bytes);
    assert_eq!(r.bank.unwrap().code(), 336);
    assert!(r.problems.is_empty());
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "000000123456");
    assert_eq!(r.header.nsa, Some(1));
    assert_eq!(r.header.data_geracao, Some(date(2026, 4, 16)));
    let t = &r.titulos[0];
    assert_eq!(t.carteira, "10");
    assert_eq!(t.movimento, "01");
    assert_eq!(t.nosso_numero, ""); // cobrança com registro: the bank assigns it
    assert_eq!(t.valor, d("123.45"));
    assert_eq!(t.vencimento, Some(date(2026, 5, 16)));
    assert_eq!(t.pagador.inscricao.numero, "12345678900");
}

#[test]
fn corpus_pycobranca_remessas_read_strictly() {
    for name in [
        "pycobranca__remessa_banco_c6_cnab400.rem",
        "pycobranca__remessa_banco_c6_pix_cnab400.rem",
    ] {
        let Some(bytes) = corpus(&format!("336-c6/cnab400/remessa/{name}")) else {
            return;
        };
        let r = remessa(&bytes);
        assert!(r.problems.is_empty(), "{name}");
        assert_eq!(r.titulos.len(), 2, "{name}");
        let t = &r.titulos[1];
        assert_eq!(t.nosso_numero, "00087654321");
        assert_eq!(t.nosso_numero_dv.as_deref(), Some("1"));
        assert_eq!(t.carteira, "20");
        assert_eq!(t.seu_numero, "000DOC0002");
        assert_eq!(t.valor, d("1350.75"));
        assert_eq!(t.vencimento, Some(date(2026, 9, 1)));
        assert_eq!(t.especie, "01");
        assert_eq!(t.pagador.inscricao.numero, "11222333000181");
    }
    // The PIX variant carries a tipo 8 after each detail, read with the tipo 8 table.
    let Some(bytes) = corpus("336-c6/cnab400/remessa/pycobranca__remessa_banco_c6_pix_cnab400.rem")
    else {
        return;
    };
    let r = remessa(&bytes);
    let pix: Vec<_> = r
        .records
        .iter()
        .filter(|x| x.layout.map(|l| l.name) == Some("detalhe_pix"))
        .collect();
    assert_eq!(pix.len(), 2);
    assert_eq!(pix[0].line, 3);
}

#[test]
fn written_remessa_matches_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/336-c6/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(336), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..19], "01REMESSA01COBRANCA");
    assert_eq!(&h[26..38], "123456789012"); // 027-038 código do cedente
    assert_eq!(&h[76..79], "336"); // 077-079
    assert_eq!(&h[94..100], "201126"); // 095-100 data de gravação
    assert_eq!(&h[386..394], "00000012"); // 387-394 sequencial de remessa
    let l = lines[1];
    assert_eq!(&l[1..17], "0211222333000181"); // 002-003, 004-017
    assert_eq!(&l[17..29], "123456789012"); // 018-029 código da empresa
    assert_eq!(&l[37..48], "PEDIDO 1001"); // 038-062 uso da empresa
    assert_eq!(&l[82..85], "336"); // 083-085
    assert_eq!(&l[106..110], "1001"); // 107-108 carteira, 109-110 ocorrência
    assert_eq!(&l[110..120], "NF-1001   "); // 111-120 seu número
    assert_eq!(&l[120..139], "1512260000000012750"); // 121-126 vencimento, 127-139 valor
    assert_eq!(&l[147..156], "01N201126"); // 148-149 espécie, 150 aceite, 151-156 emissão
    assert_eq!(&l[160..173], "0000000000013"); // 161-173 juros ao dia
    assert_eq!(&l[192..198], "161226"); // 193-198 data multa
    assert_eq!(&l[218..234], "0100052998224725"); // 219-220, 221-234 sacado
    assert_eq!(&l[381..384], "202"); // 382 tipo de multa, 383-384 percentual
    assert_eq!(&l[385..393], "16122610"); // 386-391 data juros, 392-393 prazo cartório
    assert_eq!(&l[394..400], "000002");
    // Registro opcional tipo 2: message, and seu número/vencimento/valor repeated at 366-394.
    assert!(lines[2].starts_with("2NAO RECEBER APOS 30 DIAS"));
    assert_eq!(&lines[2][365..394], "NF-1001   1512260000000012750");
    let l = lines[3];
    assert_eq!(&l[62..74], "000012345678"); // 063-073 nosso número, 074 DV
    assert_eq!(&l[106..108], "20");
    assert_eq!(&l[173..192], "0501270000000002500"); // 174-179 data desconto, 180-192 valor
    assert_eq!(&lines[4][394..400], "000005");

    let back = remessa(&bytes);
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(back.titulos[1].nosso_numero, "00001234567");
    assert_eq!(
        back.titulos[0].mensagens,
        vec!["NAO RECEBER APOS 30 DIAS DO VENCIMENTO".to_string()]
    );
}

#[test]
fn retorno_fixture_ocorrencias_and_error_codes() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/336-c6/cnab400/retorno/retorno.ret"
    ))
    .unwrap();
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 336);
    let e = &r.entries[0];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::Liquidacao
    );
    assert_eq!(e.valor_pago, Some(d("128.90")));
    assert_eq!(e.data_credito, Some(date(2026, 12, 16)));
    let e = &r.entries[1];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::EntradaRejeitada
    );
    let codes: Vec<&str> = e.motivos.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["9005", "9007"]); // 378-393: four 4-digit codes (D064)
}
