//! The product dimension: detection tells cobrança from débito automático, arrecadação, pagamentos and extrato;
//! a CNAB 240 pagamentos retorno reads structurally (raw records, batches with their service codes).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use cnab_core::write_raw;
use cnab_core::{detect, read_structure, FileKind, Layout, Product, ReadOptions, RecordKey};
use common::corpus;

#[test]
fn cobranca_fixtures_keep_their_detection() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/341-itau/cnab240/retorno/retorno.ret"
    ))
    .unwrap();
    let d = detect(&bytes).unwrap();
    assert_eq!(d.product, Product::Cobranca);
    // Cobrança, the default, is left out of the JSON (every existing output stays as it was).
    assert!(!serde_json::to_string(&d).unwrap().contains("product"));
    let s = read_structure(&bytes).unwrap();
    assert_eq!(s.batches.len(), 1);
    assert_eq!(
        (s.batches[0].servico.as_str(), s.batches[0].product),
        ("01", Some(Product::Cobranca))
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
}

#[test]
fn pagamentos_retorno_reads_structurally() {
    let Some(bytes) =
        corpus("other/001-bb/cnab240-pagamento/retorno/parserret240bb__IEDPAG41260120220.ret")
    else {
        return;
    };
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.product, d.kind, d.supported),
        (
            1,
            Layout::Cnab240,
            Product::Pagamentos,
            FileKind::Retorno,
            false
        )
    );
    assert!(serde_json::to_string(&d)
        .unwrap()
        .contains(r#""product":"pagamentos""#));
    // Never read as cobrança: the reader names the product and the way to read it.
    let e = cnab_core::read(&bytes, ReadOptions::lenient()).unwrap_err();
    assert_eq!(e.code(), "other_product");
    let s = read_structure(&bytes).unwrap();
    // The file's own counts disagree with its records, reported where they are: the first batch trailer says 67
    // records for the 66 of lines 2-67, the file trailer 146 for 203 lines.
    let problems: Vec<String> = s.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "line 67: trailer says 67 records in the batch, but the file has 66 records in the batch",
            "line 203: trailer says 146 records in the file, but the file has 203 records in the file"
        ]
    );
    assert_eq!(s.records.len(), 203);
    assert_eq!(s.batches.len(), 10);
    assert_eq!(s.batches[0].segments, [('A', 23), ('B', 23), ('Z', 18)]);
    assert_eq!(write_raw(&[], &s.records, &[]), bytes);
    let services: Vec<(&str, &str)> = s
        .batches
        .iter()
        .map(|b| (b.servico.as_str(), b.operacao.as_str()))
        .collect();
    assert!(
        services.iter().all(|(svc, op)| *svc == "20" && *op == "C"),
        "{services:?}"
    );
    assert_eq!(s.keys[0], Some(RecordKey::FileHeader));
    assert_eq!(s.keys[202], Some(RecordKey::FileTrailer));
}

#[test]
fn extrato_is_told_apart() {
    let Some(bytes) = corpus("other/341-itau/cnab240-extrato/retorno/marcodptcnab__itau.txt")
    else {
        return;
    };
    let d = detect(&bytes).unwrap();
    assert_eq!((d.product, d.supported), (Product::Extrato, false));
    let s = read_structure(&bytes).unwrap();
    assert_eq!(s.batches[0].servico, "04");
    assert_eq!(s.batches[0].segments.first().map(|x| x.0), Some('E'));
}

/// A decoded field as its JSON text (amounts and dates are strings there).
fn text(v: cnab_core::Value) -> String {
    match serde_json::to_value(&v).unwrap() {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

/// A 240-byte line with `parts` written at their 1-based positions, spaces elsewhere.
fn line240(parts: &[(usize, &str)]) -> String {
    let mut l = vec![b' '; 240];
    for (at, s) in parts {
        l[at - 1..at - 1 + s.len()].copy_from_slice(s.as_bytes());
    }
    String::from_utf8(l).unwrap()
}

/// A pagamentos batch (service 20, pagamento de títulos de cobrança) of lote `lote` with one segment J and its J-52,
/// written at FEBRABAN 240 v10.7's positions; `count` is what its trailer says (4 is right).
fn pagamentos_batch(lote: &str, count: &str) -> Vec<String> {
    vec![
        line240(&[
            (1, "341"),
            (4, lote),
            (8, "1C2031030"),
            (18, "205280229500011"),
            (73, "AMA - ASSOCIACAO DE AMIGOS"),
        ]),
        line240(&[
            (1, "341"),
            (4, lote),
            (8, "300001J000"),
            (18, "48190000030000515054597527830141114850000224"),
            (62, "MOPEN SERVICOS EM TEC E COMERC"),
            (92, "20062026000000000224370"),
            (115, "000000000000000000000000000000"),
            (145, "17062026000000000224370000000000000000"),
            (183, "19243"),
        ]),
        line240(&[
            (1, "341"),
            (4, lote),
            (8, "300002J00052"),
            (20, "2052802295000113AMA - ASSOCIACAO DE AMIGOS DO AUTISTA"),
            (
                76,
                "1000000669000192MOPEN SERVICOS EM TEC E COMERCIO EM INFO",
            ),
            (132, "0000000000000000"),
        ]),
        line240(&[
            (1, "341"),
            (4, lote),
            (8, "5"),
            (18, count),
            (24, "000000000000224370000000000000000000"),
        ]),
    ]
}

/// The tutorial's Itaú cobrança retorno (one batch, lines 2-7) with a pagamentos batch after its cobrança batch
/// (`first == false`) or before it, the file trailer counting both.
fn mixed(first: bool, count: &str) -> Vec<u8> {
    let text = std::str::from_utf8(cnab_core::tutorial::ITAU_240_RETORNO).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8);
    let mut out: Vec<String> = vec![lines[0].to_string()];
    let cobranca: Vec<String> = lines[1..7].iter().map(|l| l.to_string()).collect();
    let (lote_pag, cobranca) = if first {
        // The cobrança batch becomes lote 0002.
        let renumbered = cobranca
            .iter()
            .map(|l| format!("{}0002{}", &l[..3], &l[7..]))
            .collect::<Vec<_>>();
        ("0001", renumbered)
    } else {
        ("0002", cobranca)
    };
    let pag = pagamentos_batch(lote_pag, count);
    if first {
        out.extend(pag);
        out.extend(cobranca);
    } else {
        out.extend(cobranca);
        out.extend(pag);
    }
    let trailer = lines[7];
    out.push(format!("{}000002000012{}", &trailer[..17], &trailer[29..]));
    let mut bytes = out.join("\r\n").into_bytes();
    bytes.extend_from_slice(b"\r\n");
    bytes
}

#[test]
fn a_file_mixing_cobranca_and_pagamentos_reads_each_batch_with_its_own_records() {
    let original =
        cnab_core::read_retorno(cnab_core::tutorial::ITAU_240_RETORNO, ReadOptions::strict())
            .unwrap();
    let bytes = mixed(false, "000004");
    let d = detect(&bytes).unwrap();
    assert_eq!((d.product, d.kind), (Product::Cobranca, FileKind::Retorno));
    // The cobrança batch gives the same entries; the pagamentos batch none, its records kept with its tables.
    let r = cnab_core::read_retorno(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.entries, original.entries);
    assert_eq!(r.header, original.header);
    let names: Vec<&str> = r.records.iter().map(|x| x.name()).collect();
    assert_eq!(
        names,
        [
            "header_arquivo",
            "header_lote",
            "segmento_t",
            "segmento_u",
            "segmento_t",
            "segmento_u",
            "trailer_lote",
            "header_lote_pagamentos",
            "segmento_j",
            "segmento_j52",
            "trailer_lote_pagamentos",
            "trailer_arquivo"
        ]
    );
    let field = |i: usize, name: &str| {
        r.records[i].with_view(|v| text(v.unwrap().get(name).unwrap().unwrap()))
    };
    assert_eq!(field(8, "valor_pagamento"), "2243.70");
    assert_eq!(field(8, "data_vencimento"), "2026-06-20");
    assert_eq!(
        field(9, "sacado_nome"),
        "AMA - ASSOCIACAO DE AMIGOS DO AUTISTA"
    );
    assert_eq!(field(10, "somatoria_valores"), "2243.70");
    assert_eq!(write_raw(&[], &r.records, &[]), bytes);
    // Streaming and views read the same entries.
    let streamed: Vec<_> = cnab_core::RetornoReader::new(&bytes[..], ReadOptions::strict())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(streamed, original.entries);
    let views = cnab_core::read_retorno_view(&bytes, ReadOptions::strict()).unwrap();
    let nossos: Vec<String> = views
        .entries()
        .map(|e| e.nosso_numero().to_string())
        .collect();
    assert_eq!(nossos, ["12345678", "12345679"]);

    // Structurally: each batch with its own records.
    let s = read_structure(&bytes).unwrap();
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    type Row<'a> = (&'a str, Option<Product>, Vec<(&'static str, usize)>);
    let batches: Vec<Row<'_>> = s
        .batches
        .iter()
        .map(|b| (b.servico.as_str(), b.product, b.details.clone()))
        .collect();
    assert_eq!(
        batches,
        [
            (
                "01",
                Some(Product::Cobranca),
                vec![("segmento_t", 2), ("segmento_u", 2)]
            ),
            (
                "20",
                Some(Product::Pagamentos),
                vec![("segmento_j", 1), ("segmento_j52", 1)]
            ),
        ]
    );
    assert_eq!(
        s.records.iter().map(|x| x.name()).collect::<Vec<_>>(),
        names
    );
}

#[test]
fn a_pagamentos_batch_before_the_cobranca_batch() {
    let original =
        cnab_core::read_retorno(cnab_core::tutorial::ITAU_240_RETORNO, ReadOptions::strict())
            .unwrap();
    let bytes = mixed(true, "000004");
    // A file with a cobrança batch is read as cobrança whichever batch comes first.
    assert_eq!(detect(&bytes).unwrap().product, Product::Cobranca);
    let r = cnab_core::read_retorno(&bytes, ReadOptions::strict()).unwrap();
    let nossos: Vec<&str> = r.entries.iter().map(|e| e.nosso_numero.as_str()).collect();
    assert_eq!(nossos, ["12345678", "12345679"]);
    // The header is the cobrança batch's (line 6), not the pagamentos batch's.
    assert_eq!(r.header, original.header);
    assert_eq!(r.entries[0].line, original.entries[0].line + 4);
    assert_eq!(r.records[2].name(), "segmento_j");
    assert_eq!(r.records[3].name(), "segmento_j52");
    assert_eq!(r.records[6].name(), "segmento_t");
}

#[test]
fn the_other_batch_is_checked_like_any_other() {
    // Its trailer's count (G057, 18-23) is checked against its records: strict reading stops there.
    let bytes = mixed(false, "000005");
    let e = cnab_core::read_retorno(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 11, columns 18-23 (qtd_registros): trailer says 5 records in the batch, but the file has 4"
    );
    let s = read_structure(&bytes).unwrap();
    let problems: Vec<String> = s.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["line 11: trailer says 5 records in the batch, but the file has 4 records in the batch"]
    );
}

#[test]
fn pagamentos_and_extrato_records_are_named_by_their_tables() {
    let Some(boleto) = corpus("other/341-itau/cnab240-pagamento/remessa/cnabsispag__boleto2.txt")
    else {
        return;
    };
    let s = read_structure(&boleto).unwrap();
    assert_eq!(
        s.batches[0].details,
        [("segmento_j", 1), ("segmento_j52", 1)]
    );
    let j52 = &s.records[3];
    assert_eq!(j52.name(), "segmento_j52");
    let cedente = j52.with_view(|v| text(v.unwrap().get("cedente_nome").unwrap().unwrap()));
    assert_eq!(cedente, "MOPEN SERVICOS EM TEC E COMERCIO EM INFO");

    let extrato =
        corpus("other/104-caixa/cnab240-extrato/retorno/marcodptcnab__caixa.txt").unwrap();
    let s = read_structure(&extrato).unwrap();
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(s.batches[0].details, [("segmento_e", 9)]);
    let get = |i: usize, name: &str| {
        s.records[i].with_view(|v| text(v.unwrap().get(name).unwrap().unwrap()))
    };
    assert_eq!(get(2, "valor_lancamento"), "1793.71");
    assert_eq!(get(2, "tipo_lancamento"), "C");
    assert_eq!(get(2, "data_lancamento"), "2022-12-14");
    assert_eq!(get(11, "qtd_registros"), "11");
    // The extrato trailer counts its batch at 171-176 (not 18-23): a wrong count there is reported.
    let mut bad = extrato.clone();
    let at = bad
        .split(|&b| b == b'\n')
        .take(11)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    bad[at + 170..at + 176].copy_from_slice(b"000012");
    let s = read_structure(&bad).unwrap();
    let problems: Vec<String> = s.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["line 12: trailer says 12 records in the batch, but the file has 11 records in the batch"]
    );
}

/// The payment entries of a file read structurally and strictly.
fn pagamentos(path: &str) -> Option<Vec<cnab_core::Pagamento>> {
    let bytes = corpus(path)?;
    Some(
        cnab_core::read_structure_with(&bytes, ReadOptions::strict())
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .pagamentos,
    )
}

#[test]
fn pagamentos_retorno_entries_carry_amount_date_favorecido_and_ocorrencias() {
    let Some(p) =
        pagamentos("other/341-itau/cnab240-pagamento/retorno/eduardordmcnab240__SB22112AIT.RET")
    else {
        return;
    };
    assert_eq!(p.len(), 1);
    let a = &p[0];
    assert_eq!(
        (a.segmento, a.lote.as_str(), a.servico.as_str(), a.line),
        ('A', "0001", "98", 3)
    );
    assert_eq!(a.favorecido.nome, "R C DE M ALMEIDA");
    assert_eq!(a.favorecido.inscricao, None);
    assert_eq!(a.seu_numero, "1");
    assert_eq!(a.nosso_numero, "218943371000018");
    assert_eq!(a.valor_pagamento, Some("262.35".parse().unwrap()));
    assert_eq!(
        a.data_pagamento,
        chrono::NaiveDate::from_ymd_opt(2012, 11, 22)
    );
    assert_eq!(a.valor_efetivado, Some("262.35".parse().unwrap()));
    assert_eq!(
        a.data_efetivacao,
        chrono::NaiveDate::from_ymd_opt(2012, 11, 22)
    );
    // FEBRABAN G059 BD: the payment was scheduled, not yet made.
    assert_eq!(a.ocorrencias.len(), 1);
    assert_eq!(
        (a.ocorrencias[0].code.as_str(), a.ocorrencias[0].description),
        ("BD", Some("Inclusão efetuada com sucesso"))
    );
    assert!(!a.efetivado());
    // The same payment refused with Itaú's own code NA, which FEBRABAN's table does not list: kept as sent.
    let p =
        pagamentos("other/341-itau/cnab240-pagamento/retorno/eduardordmcnab240__SB23112AIT.RET")
            .unwrap();
    assert_eq!(
        (
            p[0].ocorrencias[0].code.as_str(),
            p[0].ocorrencias[0].description
        ),
        ("NA", None)
    );
}

#[test]
fn a_bb_pagamentos_retorno_sums_to_its_batch_trailers() {
    let Some(bytes) =
        corpus("other/001-bb/cnab240-pagamento/retorno/parserret240bb__IEDPAG41260120220.ret")
    else {
        return;
    };
    // Strictly, the file's own wrong record count (its first batch trailer) stops the read, named.
    let e = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 67: trailer says 67 records in the batch, but the file has 66 records in the batch"
    );
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::lenient()).unwrap();
    // Every one of the ten batch trailers' somatória dos valores equals its payments' sum: the only problems are
    // the two counts.
    assert_eq!(s.problems.len(), 2, "{:?}", s.problems);
    assert_eq!(s.pagamentos.len(), 62);
    let total: rust_decimal::Decimal = s.pagamentos.iter().filter_map(|p| p.valor_pagamento).sum();
    assert_eq!(total, "2061720.64".parse().unwrap());
    let first_batch: rust_decimal::Decimal = s
        .pagamentos
        .iter()
        .filter(|p| p.lote == "0001")
        .filter_map(|p| p.valor_pagamento)
        .sum();
    assert_eq!(first_batch, "470082.69".parse().unwrap());
    let a = &s.pagamentos[0];
    assert_eq!(a.favorecido.nome, "JAWA COMERCIO E SERVICOS EIREL");
    // The favorecido's CNPJ comes from the segment B after the A (line 4).
    assert_eq!(
        a.favorecido.inscricao,
        Some(cnab_core::Inscricao {
            tipo: Some(2),
            numero: "00049460000104".into()
        })
    );
    assert_eq!(a.valor_pagamento, Some("3054.50".parse().unwrap()));
    assert!(a.efetivado());
    assert_eq!((a.line, a.last_line), (3, 4));
    // The second payment was refused: AM, agência mantenedora inválida.
    assert_eq!(s.pagamentos[1].ocorrencias[0].code, "AM");
    assert!(!s.pagamentos[1].efetivado());
    // A segment Z after the B belongs to the payment: BB writes its protocol at 79-103.
    let z = &s.pagamentos[2];
    assert_eq!((z.line, z.last_line), (7, 9));
    assert_eq!(z.controle_bancario.as_deref(), Some("C368E1D755CBA872"));
    assert_eq!(z.autenticacao, None);
}

#[test]
fn a_trailer_total_that_disagrees_with_the_payments_is_named() {
    let Some(bytes) = corpus(
        "other/237-bradesco/cnab240-pagamento/retorno/erpbemcomum__multipag-cenario-misto.txt",
    ) else {
        return;
    };
    // This synthetic Multipag retorno's trailer sums 0.10 for its one payment of 100.00.
    let e = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 5, columns 24-41 (somatoria_valores): trailer says a total of 0.10, but the file has a total of 100.00"
    );
    let s = read_structure(&bytes).unwrap();
    assert_eq!(s.pagamentos.len(), 1);
    assert_eq!(
        s.pagamentos[0].valor_pagamento,
        Some("100.00".parse().unwrap())
    );
    assert_eq!(s.pagamentos[0].favorecido.nome, "FAVORECIDO SINTETICO");
    assert_eq!(s.pagamentos[0].ocorrencias[0].code, "00");
}

#[test]
fn extrato_entries_sum_to_the_trailers_debitos_and_creditos() {
    let Some(bytes) = corpus("other/104-caixa/cnab240-extrato/retorno/marcodptcnab__caixa.txt")
    else {
        return;
    };
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap();
    assert!(s.pagamentos.is_empty());
    assert_eq!(s.lancamentos.len(), 9);
    let l = &s.lancamentos[0];
    assert_eq!(
        l.data_lancamento,
        chrono::NaiveDate::from_ymd_opt(2022, 12, 14)
    );
    assert_eq!(l.valor, Some("1793.71".parse().unwrap()));
    assert_eq!(l.tipo, Some(cnab_core::DebitoCredito::Credito));
    assert_eq!(
        (l.codigo_historico.as_str(), l.historico.as_str(), l.line),
        ("0006", "ANTONIO E VERA INFORMATIC", 3)
    );
    let sum = |t| -> rust_decimal::Decimal {
        s.lancamentos
            .iter()
            .filter(|l| l.tipo == Some(t))
            .filter_map(|l| l.valor)
            .sum()
    };
    // The trailer's somatórias (177-194, 195-212).
    assert_eq!(
        sum(cnab_core::DebitoCredito::Debito),
        "16336.22".parse().unwrap()
    );
    assert_eq!(
        sum(cnab_core::DebitoCredito::Credito),
        "11323.07".parse().unwrap()
    );
    // A damaged somatória de créditos is named where it is.
    let mut bad = bytes.clone();
    let at = bad
        .split(|&b| b == b'\n')
        .take(11)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    bad[at + 194..at + 212].copy_from_slice(b"000000000001132308");
    let e = cnab_core::read_structure_with(&bad, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 12, columns 195-212 (somatoria_creditos): trailer says a total of 11323.08, but the file has a total of 11323.07"
    );
}

#[test]
fn a_mixed_file_gives_its_payments_beside_unchanged_cobranca_entries() {
    let bytes = mixed(false, "000004");
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(s.pagamentos.len(), 1);
    let j = &s.pagamentos[0];
    assert_eq!(
        (j.segmento, j.lote.as_str(), j.line, j.last_line),
        ('J', "0002", 9, 10)
    );
    assert_eq!(j.valor_pagamento, Some("2243.70".parse().unwrap()));
    assert_eq!(j.valor_titulo, Some("2243.70".parse().unwrap()));
    assert_eq!(j.vencimento, chrono::NaiveDate::from_ymd_opt(2026, 6, 20));
    assert_eq!(
        j.data_pagamento,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 17)
    );
    assert_eq!(j.seu_numero, "19243");
    assert_eq!(j.favorecido.nome, "MOPEN SERVICOS EM TEC E COMERC");
    // The beneficiário's inscrição comes from the J-52 (76-91).
    assert_eq!(
        j.favorecido.inscricao,
        Some(cnab_core::Inscricao {
            tipo: Some(1),
            numero: "000000669000192".into()
        })
    );
    assert_eq!(
        j.codigo_barras.as_deref(),
        Some("48190000030000515054597527830141114850000224")
    );
    // The cobrança reader's entries are those of the plain file, and its model has no payments.
    let original =
        cnab_core::read_retorno(cnab_core::tutorial::ITAU_240_RETORNO, ReadOptions::strict())
            .unwrap();
    let r = cnab_core::read_retorno(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.entries, original.entries);
    assert!(serde_json::to_value(&r)
        .unwrap()
        .get("pagamentos")
        .is_none());
}

/// `bytes` with the byte at `line` (1-based) and `column` (1-based) replaced by `with`.
fn damaged(mut bytes: Vec<u8>, line: usize, column: usize, with: u8) -> Vec<u8> {
    let start = if line == 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)
            .unwrap()
    };
    bytes[start + column - 1] = with;
    bytes
}

#[test]
fn a_favorecido_tipo_de_inscricao_that_is_not_a_digit_is_named_and_the_number_kept() {
    let path = "other/001-bb/cnab240-pagamento/retorno/parserret240bb__IEDPAG41260120220.ret";
    let Some(bytes) = corpus(path) else {
        return;
    };
    // Line 4 is the segment B of the first payment: tipo de inscrição 2 (CNPJ) at 18, made an `X`.
    let line4 = bytes.split(|b| *b == b'\n').nth(3).unwrap();
    assert_eq!(&line4[..18], b"0010001300002B   2");
    let bytes = damaged(bytes, 4, 18, b'X');
    let e = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 4, column 18 (favorecido_tipo_inscricao): expected digits, found \"X\""
    );
    assert_eq!(e.code(), "not_digits");
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::lenient()).unwrap();
    // The file's two wrong counts, and the damaged field.
    let problems: Vec<String> = s.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "line 4, column 18 (favorecido_tipo_inscricao): expected digits, found \"X\"",
            "line 67: trailer says 67 records in the batch, but the file has 66 records in the batch",
            "line 203: trailer says 146 records in the file, but the file has 203 records in the file"
        ]
    );
    // The CNPJ is kept; only the tipo it could not read is missing.
    assert_eq!(
        s.pagamentos[0].favorecido.inscricao,
        Some(cnab_core::Inscricao {
            tipo: None,
            numero: "00049460000104".into()
        })
    );
    assert_eq!(s.pagamentos.len(), 62);
}

#[test]
fn a_cedente_tipo_de_inscricao_of_a_j52_that_is_not_a_digit_is_named() {
    let path = "other/341-itau/cnab240-pagamento/remessa/cnabsispag__boleto2.txt";
    let Some(bytes) = corpus(path) else {
        return;
    };
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(
        s.pagamentos[0].favorecido.inscricao,
        Some(cnab_core::Inscricao {
            tipo: Some(1),
            numero: "000000669000192".into()
        })
    );
    // Line 4 is the J-52 of the payment: the cedente's tipo de inscrição at 76, made a `C`.
    let bytes = damaged(bytes, 4, 76, b'C');
    let e = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 4, column 76 (cedente_tipo_inscricao): expected digits, found \"C\""
    );
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::lenient()).unwrap();
    assert_eq!(s.problems.len(), 1, "{:?}", s.problems);
    assert_eq!(
        s.pagamentos[0].favorecido.inscricao,
        Some(cnab_core::Inscricao {
            tipo: None,
            numero: "000000669000192".into()
        })
    );
}

#[test]
fn a_control_byte_in_a_payment_text_field_is_named_and_the_text_kept() {
    let path = "other/001-bb/cnab240-pagamento/retorno/parserret240bb__IEDPAG41260120220.ret";
    let Some(bytes) = corpus(path) else {
        return;
    };
    // Line 3, the first segment A: its favorecido's name (44-73) gets a control byte at 48.
    let bytes = damaged(bytes, 3, 48, 0x01);
    let e = cnab_core::read_structure_with(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(e.code(), "control_byte");
    assert_eq!(
        (e.line, e.columns, e.field),
        (3, Some((44, 73)), Some("favorecido_nome"))
    );
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::lenient()).unwrap();
    assert_eq!(s.problems.len(), 3, "{:?}", s.problems);
    assert_eq!(
        s.pagamentos[0].favorecido.nome,
        "JAWA\u{1}COMERCIO E SERVICOS EIREL"
    );
    // The same in its ocorrências (231-240, "00"): named, and the code kept as read.
    let bytes = damaged(corpus(path).unwrap(), 3, 232, 0x02);
    let s = cnab_core::read_structure_with(&bytes, ReadOptions::lenient()).unwrap();
    let named: Vec<_> = s
        .problems
        .iter()
        .filter(|e| e.code() == "control_byte")
        .map(|e| (e.line, e.columns, e.field))
        .collect();
    assert_eq!(named, [(3, Some((231, 240)), Some("ocorrencias"))]);
    assert_eq!(s.pagamentos[0].ocorrencias[0].code, "0\u{2}");
}
