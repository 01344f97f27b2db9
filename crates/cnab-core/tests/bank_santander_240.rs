//! Santander (033) CNAB 240 cobrança: real corpus files and the written remessa's positions, per Santander's
//! "Layout de Arquivo Padrão 240 – Cobrança" v2.5 (set/2014).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::PathBuf;

use cnab_core::{
    read, read_remessa, read_retorno, write_remessa, Bank, CnabFile, ErrorKind, Layout,
    OcorrenciaKind, ReadOptions, Remessa,
};

fn corpus(rel: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/033-santander/cnab240")
        .join(rel);
    std::fs::read(p).ok()
}

fn lenient_problems(bytes: &[u8]) -> Vec<ErrorKind> {
    match read(bytes, ReadOptions::lenient()).unwrap() {
        CnabFile::Retorno(r) => r.problems.into_iter().map(|p| p.kind).collect(),
        CnabFile::Remessa(r) => r.problems.into_iter().map(|p| p.kind).collect(),
    }
}

#[test]
fn corpus_remessas_read_strictly() {
    for name in [
        "remessa/brcobranca__remessa-santander-cnab240.rem",
        "remessa/ocal10nbr__teste_remessa_santander240.REM",
        "remessa/opencnabphp__remessa-test.rem",
    ] {
        let Some(bytes) = corpus(name) else { return };
        read_remessa(&bytes, ReadOptions::strict()).expect(name);
    }
    // enhanced-cnab numbers the batch's first segment 00004 (9-13), continuing the file's line count.
    if let Some(bytes) = corpus("remessa/enhancedcnab__remessa-test.rem") {
        let r = read_remessa(&bytes, ReadOptions::lenient()).unwrap();
        let found: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            ["line 3, columns 9-13 (sequencial): record number 4, expected 1 (a record moved, missing or repeated?)"]
        );
    }
    let Some(bytes) = corpus("remessa/ocal10nbr__teste_remessa_santander240.REM") else {
        return;
    };
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.header.beneficiario.convenio, "123456789012345"); // código de transmissão 33-47
    let t = &r.titulos[0];
    assert_eq!(t.nosso_numero, "0000000000019"); // P 45-57
    assert_eq!(t.carteira, "5"); // tipo de cobrança 58
    assert_eq!(t.seu_numero, "TESTE SANTANDER");
    assert_eq!(t.valor, "300.00".parse().unwrap());
    assert_eq!(t.desconto.valor, Some("3.00".parse().unwrap()));
    assert_eq!(t.pagador.inscricao.numero, "11034414000158");
}

#[test]
fn corpus_retornos() {
    // Well-formed except for the batch trailer count (a hand-made test file): T/U values read.
    let Some(bytes) = corpus("retorno/laravelboleto__santander.ret") else {
        return;
    };
    let problems = lenient_problems(&bytes);
    assert_eq!(problems.len(), 1);
    assert!(matches!(problems[0], ErrorKind::TrailerCount { .. }));
    let r = read_retorno(&bytes, ReadOptions::lenient()).unwrap();
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "0000000001040"); // T 41-53
    assert_eq!(e.carteira, "1"); // T 54
    assert_eq!(e.vencimento, chrono::NaiveDate::from_ymd_opt(2014, 6, 4)); // T 70-77
    assert_eq!(e.valor_titulo, Some("10.00".parse().unwrap())); // T 78-92
    assert_eq!(e.valor_pago, Some("11.00".parse().unwrap()));
    assert_eq!(e.banco_cobrador, "033");
    assert_eq!(e.tarifa, Some("3.24".parse().unwrap())); // T 194-208
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("17", OcorrenciaKind::LiquidacaoAposBaixa)
    );
    assert_eq!(e.motivos[0].code, "03");

    // brcobranca's copy has its trailing spaces stripped (every line short) and a wrong batch count.
    let Some(bytes) = corpus("retorno/brcobranca__CNAB240SANTANDER.RET") else {
        return;
    };
    let problems = lenient_problems(&bytes);
    assert!(
        problems.iter().all(|p| matches!(
            p,
            ErrorKind::LineLength { .. } | ErrorKind::TrailerCount { .. }
        )),
        "{problems:?}"
    );
    let r = read_retorno(&bytes, ReadOptions::lenient()).unwrap();
    assert_eq!(r.entries.len(), 2);
    assert_eq!(
        r.entries[1].ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::Liquidacao)
    );
    assert_eq!(r.entries[1].valor_pago, Some("10.00".parse().unwrap()));

    // A PIX retorno cut out of a bigger file (trailers declare 67/71 records), with a Y-03 segment.
    let Some(bytes) = corpus("retorno/opencnabphp__RetornoSantanderPix.RET") else {
        return;
    };
    // Its segments are numbered from the file's start (00003 for the batch's first): reported once.
    let problems = lenient_problems(&bytes);
    assert_eq!(problems.len(), 3);
    assert!(matches!(
        problems[0],
        ErrorKind::Sequence {
            found: 3,
            expected: 1
        }
    ));
    assert!(problems[1..]
        .iter()
        .all(|p| matches!(p, ErrorKind::TrailerCount { .. })));
    let r = read_retorno(&bytes, ReadOptions::lenient()).unwrap();
    assert_eq!(r.entries[0].nosso_numero, "0000354269950");
    assert_eq!(r.entries[0].valor_titulo, Some("50.00".parse().unwrap()));
    assert_eq!(r.entries[0].motivos[0].code, "P1");
    // Y-03: no tipo de chave (81), the QR location (82-158) and the txid (159-193)
    let pix = r.entries[0].pix.as_ref().expect("pix");
    assert_eq!(pix.tipo_chave, "");
    assert_eq!(
        pix.url,
        "pix.santander.com.br/qr/v2/cobv/48bbcd90-ec0c-4b89-a8be-6dbe646fbf1d"
    );
    assert_eq!(pix.txid, "YKP008404399000035426995028102024");
    assert_eq!(pix.chave, "");

    for name in [
        "retorno/nodeboleto__retorno.txt",
        "retorno/webmatrixboleto__santander.ret",
    ] {
        let Some(bytes) = corpus(name) else { return };
        let problems = lenient_problems(&bytes);
        assert!(
            problems
                .iter()
                .all(|p| matches!(p, ErrorKind::TrailerCount { .. })),
            "{name}: {problems:?}"
        );
    }
}

#[test]
fn written_remessa_has_santander_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/033-santander/cnab240/remessa/remessa.model.json"
    ))
    .unwrap();
    let remessa: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&remessa, Bank::new(33), Layout::Cnab240).unwrap();
    let lines: Vec<&[u8]> = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    assert!(lines.iter().all(|l| l.len() == 240));
    let h = lines[0];
    assert_eq!(&h[16..17], b"2"); // tipo de inscrição 17
    assert_eq!(&h[17..32], b"011222333000181"); // inscrição 18-32, N 015
    assert_eq!(&h[32..47], b"316380130028625"); // código de transmissão 33-47
    assert_eq!(&h[163..166], b"040");
    assert_eq!(&lines[1][13..16], b"030");
    assert_eq!(&lines[1][53..68], b"316380130028625"); // código de transmissão 54-68
    let p = lines[2];
    assert_eq!(&p[17..21], b"3163"); // agência 18-21
    assert_eq!(&p[21..22], b"8");
    assert_eq!(&p[22..31], b"013002862"); // conta 23-31
    assert_eq!(&p[32..41], b"013002862"); // conta cobrança 33-41
    assert_eq!(&p[44..57], b"0000000014062"); // nosso número 45-57
    assert_eq!(&p[57..58], b"5"); // tipo de cobrança 58
    assert_eq!(&p[62..77], b"NF-1001        "); // seu número 63-77
    assert_eq!(&p[117..118], b"1"); // código de juros 118
    assert_eq!(&p[224..225], b"0"); // zero fixo 225
    let q = lines[3];
    assert_eq!(&q[18..33], b"000052998224725"); // pagador 19-33, N 015
    assert_eq!(&q[33..73], b"JOSE DA CONCEICAO                       "); // nome 34-73 (40)
    let r = lines[6];
    assert_eq!(&r[13..14], b"R");
    assert_eq!(&r[65..66], b"2"); // multa 66
    assert_eq!(&r[99..123], b"NAO RECEBER APOS 30 DIAS"); // mensagem 3, 100-139
    assert_eq!(&lines[7][17..23], b"000007");
    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[1].pagador.inscricao.numero, "12ABC34501DE35");
}
