//! Itaú (341) CNAB 240 cobrança: real corpus files, and write→read of a remessa checked byte by byte against
//! Itaú's "Layout de Arquivos FEBRABAN 240" (jan/2017).
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
        .join("../../../shared/corpus/real/341-itau/cnab240")
        .join(rel);
    std::fs::read(p).ok()
}

#[test]
fn corpus_retorno_reads_strictly_with_itau_positions() {
    for name in [
        "retorno/pythoncnab__cobranca.itau.ret",
        "retorno/kmeecnab240__cobranca.itau.ret",
    ] {
        let Some(bytes) = corpus(name) else { return };
        let r = read_retorno(&bytes, ReadOptions::strict()).expect(name);
        assert_eq!(r.bank, Bank::new(341));
        assert_eq!(r.header.layout_versao, "040");
        assert_eq!(r.header.beneficiario.agencia, "4459");
        assert_eq!(r.header.beneficiario.conta, "17600");
        assert_eq!(r.entries.len(), 2);
        let e = &r.entries[0];
        // T 38-40 carteira, 41-48 nosso número, 49 DAC.
        assert_eq!(e.carteira, "109");
        assert_eq!(e.nosso_numero, "00000005");
        assert_eq!(e.nosso_numero_dv.as_deref(), Some("0"));
        assert_eq!(e.seu_numero, "9999999996");
        assert_eq!(e.valor_titulo, Some("200.00".parse().unwrap()));
        assert_eq!(e.tarifa, Some("3.50".parse().unwrap()));
        assert_eq!(e.vencimento, chrono::NaiveDate::from_ymd_opt(2012, 7, 1));
        assert_eq!(
            e.data_ocorrencia,
            chrono::NaiveDate::from_ymd_opt(2012, 7, 5)
        );
        let oc = e.ocorrencia.as_ref().unwrap();
        assert_eq!(
            (oc.code.as_str(), oc.kind),
            ("02", OcorrenciaKind::EntradaConfirmada)
        );
        assert_eq!(r.entries[1].nosso_numero, "90000004");
        assert_eq!(r.entries[1].nosso_numero_dv.as_deref(), Some("4"));
        assert_eq!(
            r.entries[1].pagador.as_ref().map(|p| p.nome.as_str()),
            Some("DAVI OLIVEIRA CAMPOS")
        );
        assert!(r.problems.is_empty());
    }
}

#[test]
fn corpus_remessas() {
    for name in [
        "remessa/pythoncnab__cobranca.itau.rem",
        "remessa/pythoncnab__cobranca_dict.itau.rem",
    ] {
        let Some(bytes) = corpus(name) else { return };
        let r = read_remessa(&bytes, ReadOptions::strict()).expect(name);
        let t = &r.titulos[0];
        assert_eq!(t.carteira, "109");
        assert_eq!(t.valor, "100.00".parse().unwrap());
        assert_eq!(t.especie, "08");
        assert_eq!(t.juros.valor, Some("2.00".parse().unwrap()));
    }
    let Some(bytes) = corpus("remessa/pythoncnab__cobranca.itau.rem") else {
        return;
    };
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.titulos.len(), 2);
    assert_eq!(
        (
            r.titulos[0].nosso_numero.as_str(),
            r.titulos[0].nosso_numero_dv.as_deref()
        ),
        ("90000000", Some("2"))
    );
    assert_eq!(r.titulos[0].seu_numero, "9999999998");
    // Q 19-33 "000036644661874" with tipo 1: the CPF without the zero fill.
    assert_eq!(r.titulos[0].pagador.inscricao.numero, "36644661874");
    assert_eq!(r.titulos[0].pagador.cep, "14092530");
    assert_eq!(
        r.titulos[0]
            .sacador_avalista
            .as_ref()
            .map(|s| s.inscricao.numero.as_str()),
        Some("15594050000111")
    );

    // loggi's file declares 5 records in its batch trailer where the batch has 6: a real defect of the file.
    let Some(bytes) = corpus("remessa/loggicnab240__cnab.rem") else {
        return;
    };
    assert!(read(&bytes, ReadOptions::strict()).is_err());
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.problems.len(), 1);
    assert!(matches!(r.problems[0].kind, ErrorKind::TrailerCount { .. }));
    assert_eq!(r.titulos[1].nosso_numero, "00000001");
}

#[test]
fn written_remessa_has_itau_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/remessa/remessa.model.json"
    ))
    .unwrap();
    let remessa: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&remessa, Bank::new(341), Layout::Cnab240).unwrap();
    let lines: Vec<&[u8]> = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    assert!(lines.iter().all(|l| l.len() == 240));
    let h = lines[0];
    assert_eq!(&h[53..57], b"0057"); // agência 54-57
    assert_eq!(&h[65..70], b"12345"); // conta 66-70
    assert_eq!(&h[71..72], b"7"); // DAC 72
    assert_eq!(&h[163..166], b"040");
    assert_eq!(&lines[1][13..16], b"030"); // lote layout 14-16
    let p = lines[2];
    assert_eq!(&p[13..14], b"P");
    assert_eq!(&p[18..22], b"0057"); // agência 19-22
    assert_eq!(&p[30..35], b"12345"); // conta 31-35
    assert_eq!(&p[37..40], b"109"); // carteira 38-40
    assert_eq!(&p[40..48], b"12345678"); // nosso número 41-48
                                         // DAC 49, computed by the boleto crate (mod 10 of agência+conta+carteira+nosso número): 0057/12345/109/12345678
                                         // gives 0, as in pyCobranca's barcode 34195153900000127501091234567800057123457000 for the same inputs.
    assert_eq!(&p[48..49], b"0");
    assert_eq!(&p[49..57], b"        "); // brancos 50-57
    assert_eq!(&p[62..72], b"NF-1001   "); // seu número 63-72
    assert_eq!(&p[77..85], b"15122026"); // vencimento 78-85
    assert_eq!(&p[85..100], b"000000000012750"); // valor 86-100
    assert_eq!(&p[117..118], b"0"); // zeros 118 (no juros code at Itaú)
    assert_eq!(&p[126..141], b"000000000000013"); // juros de 1 dia 127-141
    let q = lines[3];
    assert_eq!(&q[17..33], b"1000052998224725"); // tipo 18 + CPF zero-filled 19-33
    assert_eq!(&q[33..63], b"JOSE DA CONCEICAO             "); // nome 34-63 (30)
    assert_eq!(&q[128..136], b"01001000"); // CEP 129-136
    assert_eq!(&lines[5][17..33], b"2012ABC34501DE35"); // alphanumeric CNPJ, zero-filled
    let r = lines[6];
    assert_eq!(&r[13..14], b"R");
    assert_eq!(&r[65..66], b"2"); // código da multa 66
    assert_eq!(&r[66..74], b"11012027"); // data da multa 67-74
    assert_eq!(&r[74..89], b"000000000000200"); // multa 75-89
    assert_eq!(&r[99..123], b"NAO RECEBER APOS 30 DIAS"); // informação ao pagador 100-139
    let tl = lines[7];
    assert_eq!(&tl[17..23], b"000007"); // registros do lote
    assert_eq!(&tl[23..29], b"000002"); // títulos em cobrança simples
    assert_eq!(&tl[29..46], b"00000000000262750"); // valor cobrança simples
    assert_eq!(&lines[8][23..29], b"000009");
    let back = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(back.titulos[0].nosso_numero_dv.as_deref(), Some("0"));
    assert_eq!(back.titulos[1].nosso_numero_dv.as_deref(), Some("8"));
    assert_eq!(back.titulos[1].pagador.inscricao.numero, "12ABC34501DE35");
    assert_eq!(
        back.titulos[1].mensagens,
        vec!["NAO RECEBER APOS 30 DIAS".to_string()]
    );
}
