//! Banrisul (041) CNAB 240 cobrança: the written remessa and retorno checked field by field against "Cobrança
//! Banrisul — Leiaute CNAB 240 Posições Padrão Febraban" (rev. out/2013). The real corpus has Banrisul 400 files
//! only (MANIFEST.tsv), so the fixtures under `fixtures/041-banrisul/cnab240` and these position tests are the
//! evidence.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;

use chrono::NaiveDate;
use cnab_core::{
    detect, read, read_remessa, read_retorno, write_remessa, Bank, CnabFile, ErrorKind, FileKind,
    Layout, OcorrenciaKind, ReadOptions, Remessa,
};
use rust_decimal::Decimal;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/041-banrisul/cnab240")
        .join(rel)
}

fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect()
}

/// Positions as the manual prints them: 1-based, inclusive.
fn f(line: &[u8], start: usize, end: usize) -> &str {
    std::str::from_utf8(&line[start - 1..end]).unwrap()
}

fn dec(s: &str) -> Option<Decimal> {
    Some(s.parse().unwrap())
}

fn remessa_bytes() -> Vec<u8> {
    let json = std::fs::read_to_string(fixture("remessa/remessa.model.json")).unwrap();
    let remessa: Remessa = serde_json::from_str(&json).unwrap();
    write_remessa(&remessa, Bank::new(41), Layout::Cnab240).unwrap()
}

/// Real files of this bank and layout, if the corpus ever gets some: each is detected as Banrisul 240 and reads.
#[test]
fn corpus_files_if_any() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    let Ok(manifest) = std::fs::read_to_string(root.join("MANIFEST.tsv")) else {
        return;
    };
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.get(4) != Some(&"041") || cols.get(5) != Some(&"240") {
            continue;
        }
        let bytes = std::fs::read(root.join(cols[0])).unwrap();
        let d = detect(&bytes).unwrap();
        assert_eq!(
            (d.bank.code(), d.layout),
            (41, Layout::Cnab240),
            "{}",
            cols[0]
        );
        read(&bytes, ReadOptions::lenient()).unwrap();
    }
}

#[test]
fn written_remessa_headers_and_trailers() {
    let bytes = remessa_bytes();
    assert!(
        bytes.ends_with(b"\r\n"),
        "CR LF (2, delimitadores do registro)"
    );
    let l = lines(&bytes);
    assert_eq!(l.len(), 9);
    assert!(l.iter().all(|x| x.len() == 240));
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (41, Layout::Cnab240, FileKind::Remessa)
    );

    // 3.1 header de arquivo (pp. 6-7).
    let h = l[0];
    assert_eq!(f(h, 1, 8), "04100000");
    assert_eq!(f(h, 9, 17), " ".repeat(9));
    assert_eq!(f(h, 18, 18), "2");
    assert_eq!(f(h, 19, 32), "11222333000181");
    assert_eq!(f(h, 33, 45), "1102351234567"); // código do beneficiário: first 13 positions
    assert_eq!(f(h, 46, 52), " ".repeat(7));
    assert_eq!(f(h, 53, 57), "01102"); // 0AAAA
    assert_eq!(f(h, 58, 58), " "); // DV agência: branco
    assert_eq!(f(h, 59, 70), "000351234567"); // 000EECCCCCCC
    assert_eq!(f(h, 71, 71), "8");
    assert_eq!(f(h, 72, 72), " ");
    assert_eq!(f(h, 73, 102).trim_end(), "LOJA GAUCHA COMERCIO LTDA");
    assert_eq!(f(h, 103, 132).trim_end(), "BANRISUL");
    assert_eq!(f(h, 133, 142), " ".repeat(10));
    assert_eq!(f(h, 143, 143), "1");
    assert_eq!(f(h, 144, 151), "20112026");
    assert_eq!(f(h, 158, 163), "000009");
    assert_eq!(f(h, 164, 166), "040");
    assert_eq!(f(h, 167, 171), "00000");
    assert_eq!(f(h, 172, 179), " ".repeat(8));
    assert_eq!(f(h, 180, 181), "BE");
    assert_eq!(f(h, 182, 240), " ".repeat(59));

    // 3.2 header de lote (p. 8).
    let hl = l[1];
    assert_eq!(f(hl, 1, 8), "04100011");
    assert_eq!(f(hl, 9, 9), "R");
    assert_eq!(f(hl, 10, 11), "01");
    assert_eq!(f(hl, 12, 13), "00"); // forma de lançamento
    assert_eq!(f(hl, 14, 16), "020");
    assert_eq!(f(hl, 17, 17), " ");
    assert_eq!(f(hl, 18, 33), "2011222333000181");
    assert_eq!(f(hl, 34, 46), "1102351234567");
    assert_eq!(f(hl, 47, 53), " ".repeat(7));
    assert_eq!(f(hl, 54, 58), "01102");
    assert_eq!(f(hl, 60, 71), "000351234567");
    assert_eq!(f(hl, 72, 72), "8");
    assert_eq!(f(hl, 74, 103).trim_end(), "LOJA GAUCHA COMERCIO LTDA");
    assert_eq!(f(hl, 104, 183), " ".repeat(80));
    assert_eq!(f(hl, 184, 191), "00000009");
    assert_eq!(f(hl, 192, 199), "20112026");
    assert_eq!(f(hl, 208, 240), " ".repeat(33));

    // 3.10 trailer de lote: 7 records, 2 títulos, 2034.56.
    let tl = l[7];
    assert_eq!(f(tl, 1, 8), "04100015");
    assert_eq!(f(tl, 18, 23), "000007");
    assert_eq!(f(tl, 24, 29), "000002");
    assert_eq!(f(tl, 30, 46), "00000000000203456");
    assert_eq!(f(tl, 47, 115), "0".repeat(69));
    // 3.11 trailer de arquivo: 1 lote, 9 registros.
    let ta = l[8];
    assert_eq!(f(ta, 1, 8), "04199999");
    assert_eq!(f(ta, 18, 29), "000001000009");
}

#[test]
fn written_remessa_segments_p_q_r() {
    let bytes = remessa_bytes();
    let l = lines(&bytes);

    // 3.3 segmento P (pp. 9-14).
    let p = l[2];
    assert_eq!(f(p, 1, 15), "0410001300001P ");
    assert_eq!(f(p, 16, 17), "01");
    assert_eq!(f(p, 18, 22), "01102");
    assert_eq!(f(p, 23, 23), " ");
    assert_eq!(f(p, 24, 35), "000351234567");
    assert_eq!(f(p, 36, 36), "8");
    assert_eq!(f(p, 37, 37), " ");
    assert_eq!(f(p, 38, 47), "0000927422"); // nosso número 8 + NC 2: the 10 positions the bank considers
    assert_eq!(f(p, 48, 57), " ".repeat(10));
    assert_eq!(f(p, 58, 58), "1"); // carteira: cobrança simples
    assert_eq!(f(p, 59, 59), "1");
    assert_eq!(f(p, 61, 61), "2"); // cliente emite o bloqueto
    assert_eq!(f(p, 63, 77), "DUP-0001/1     ");
    assert_eq!(f(p, 78, 85), "20122026");
    assert_eq!(f(p, 86, 100), "000000000123456");
    assert_eq!(f(p, 101, 105), "00000");
    assert_eq!(f(p, 107, 108), "02");
    assert_eq!(f(p, 109, 109), "N");
    assert_eq!(f(p, 110, 117), "20112026");
    assert_eq!(f(p, 118, 118), "1"); // valor ao dia
    assert_eq!(f(p, 119, 126), "21122026");
    assert_eq!(f(p, 127, 141), "000000000000041");
    assert_eq!(f(p, 142, 142), "1");
    assert_eq!(f(p, 143, 150), "15122026");
    assert_eq!(f(p, 151, 165), "000000000001200");
    assert_eq!(f(p, 166, 195), "0".repeat(30));
    assert_eq!(f(p, 196, 220).trim_end(), "CTRL-5501");
    assert_eq!(f(p, 221, 223), "105");
    assert_eq!(f(p, 224, 227), "1030");
    assert_eq!(f(p, 228, 229), "09");
    assert_eq!(f(p, 230, 239), "0000000000");
    assert_eq!(f(p, 240, 240), " ");
    // Second título: alphanumeric carteira and espécie.
    let p2 = l[4];
    assert_eq!(f(p2, 38, 47), "0000927597");
    assert_eq!(f(p2, 58, 58), "D"); // cobrança CSB
    assert_eq!(f(p2, 107, 108), "AB"); // cobrança direta (carteira D)
    assert_eq!(f(p2, 109, 109), "A");
    assert_eq!(f(p2, 118, 118), "3");
    assert_eq!(f(p2, 221, 227), "3000000");

    // 3.4 segmento Q (pp. 14-16).
    let q = l[3];
    assert_eq!(f(q, 1, 17), "0410001300002Q 01");
    assert_eq!(f(q, 18, 33), "1000011144477735");
    assert_eq!(f(q, 34, 73).trim_end(), "JOAO FARROUPILHA");
    assert_eq!(f(q, 74, 113).trim_end(), "RUA DOS ANDRADAS, 1001");
    assert_eq!(f(q, 114, 128), "CIDADE BAIXA   ");
    assert_eq!(f(q, 129, 133), "90020");
    assert_eq!(f(q, 134, 136), "007");
    assert_eq!(f(q, 137, 151), "PORTO ALEGRE   ");
    assert_eq!(f(q, 152, 153), "RS");
    assert_eq!(f(q, 154, 169), "0".repeat(16));
    assert_eq!(f(q, 170, 209), " ".repeat(40));
    assert_eq!(f(q, 210, 212), "000");
    assert_eq!(f(q, 233, 240), " ".repeat(8));
    assert_eq!(f(l[5], 18, 33), "2012ABC34501DE35");

    // 3.5 segmento R (pp. 16-18): multa 2 = percentual ao mês, mensagem 3, débito fields at 180-207.
    let r = l[6];
    assert_eq!(f(r, 1, 17), "0410001300005R 01");
    assert_eq!(f(r, 18, 65), "0".repeat(48));
    assert_eq!(f(r, 66, 66), "2");
    assert_eq!(f(r, 67, 74), "02022027");
    assert_eq!(f(r, 75, 89), "000000000000200");
    assert_eq!(f(r, 90, 99), " ".repeat(10));
    assert_eq!(f(r, 100, 139).trim_end(), "NAO ACEITAR APOS O VENCIMENTO");
    assert_eq!(f(r, 140, 179), " ".repeat(40));
    assert_eq!(f(r, 180, 182), "000"); // banco do débito
    assert_eq!(f(r, 183, 186), "0000"); // agência (4)
    assert_eq!(f(r, 187, 199), "0".repeat(13)); // conta/DV (13)
    assert_eq!(f(r, 200, 207), "00000000");
    assert_eq!(f(r, 208, 240), " ".repeat(33));
}

#[test]
fn remessa_reads_back() {
    let r = read_remessa(&remessa_bytes(), ReadOptions::strict()).unwrap();
    assert_eq!(r.header.beneficiario.convenio, "1102351234567");
    assert_eq!(r.header.beneficiario.conta, "000351234567");
    assert_eq!(r.header.layout_versao, "040");
    let t = &r.titulos[0];
    assert_eq!(
        (t.nosso_numero.as_str(), t.nosso_numero_dv.as_deref()),
        ("00009274", Some("22"))
    );
    assert_eq!(t.valor, "1234.56".parse().unwrap());
    assert_eq!(t.juros.valor, dec("0.41"));
    assert_eq!(t.pagador.inscricao.numero, "11144477735");
    let t2 = &r.titulos[1];
    assert_eq!((t2.carteira.as_str(), t2.especie.as_str()), ("D", "AB"));
    assert_eq!(t2.pagador.inscricao.numero, "12ABC34501DE35");
    assert_eq!(t2.mensagens, ["", "", "NAO ACEITAR APOS O VENCIMENTO"]);
}

#[test]
fn retorno_segments_t_u() {
    let bytes = std::fs::read(fixture("retorno/retorno.ret")).unwrap();
    let l = lines(&bytes);
    assert_eq!(l.len(), 12);
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (41, Layout::Cnab240, FileKind::Retorno)
    );

    // 3.8 segmento T (pp. 22-26).
    let t = l[2];
    assert_eq!(f(t, 1, 17), "0410001300001T 06");
    assert_eq!(f(t, 18, 22), "01102");
    assert_eq!(f(t, 24, 35), "000351234567");
    assert_eq!(f(t, 36, 36), "8");
    assert_eq!(f(t, 38, 57), "0000927422          ");
    assert_eq!(f(t, 58, 58), "1");
    assert_eq!(f(t, 59, 73), "DUP-0001/1     ");
    assert_eq!(f(t, 74, 81), "20122026");
    assert_eq!(f(t, 82, 96), "000000000123456");
    assert_eq!(f(t, 97, 104), "04101102");
    assert_eq!(f(t, 106, 130).trim_end(), "CTRL-5501");
    assert_eq!(f(t, 199, 213), "000000000000350");
    assert_eq!(f(t, 214, 223), "03        ");
    // 3.9 segmento U (pp. 26-28).
    let u = l[3];
    assert_eq!(f(u, 1, 15), "0410001300002U ");
    assert_eq!(f(u, 78, 92), "000000000123456");
    assert_eq!(f(u, 93, 107), "000000000123106");
    assert_eq!(f(u, 138, 153), "2012202621122026");
    // Alphanumeric movimento (AB) and motivo (AA).
    assert_eq!(f(l[6], 16, 17), "09");
    assert_eq!(f(l[6], 214, 215), "AA");
    assert_eq!(f(l[8], 16, 17), "AB");

    let r = read_retorno(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.header.nsa, Some(88));
    assert_eq!(r.header.data_geracao, NaiveDate::from_ymd_opt(2026, 12, 21));
    let e = &r.entries[0];
    assert_eq!(
        (e.nosso_numero.as_str(), e.nosso_numero_dv.as_deref()),
        ("00009274", Some("22"))
    );
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::Liquidacao)
    );
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("No próprio Banco")
    );
    assert_eq!(
        (e.valor_pago, e.valor_creditado, e.tarifa),
        (dec("1234.56"), dec("1231.06"), dec("3.50"))
    );
    let e = &r.entries[1];
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaRejeitada)
    );
    assert_eq!(e.carteira, "D");
    let codes: Vec<&str> = e.motivos.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["21", "48"]);
    let e = &r.entries[2];
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::Baixa)
    );
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("Baixa por Pagamento")
    );
    let e = &r.entries[3];
    assert_eq!(e.ocorrencia.as_ref().map(|o| o.code.as_str()), Some("AB"));
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("Compensação Eletrônica")
    );
}

/// A4 (Pagador DDA) is a motivo of 02 only; the same code elsewhere has no description. An unknown movimento is a
/// problem in lenient mode and an error in strict mode.
#[test]
fn retorno_motivo_context_and_unknown_code() {
    let bytes = std::fs::read(fixture("retorno/retorno.ret")).unwrap();
    let mut text = String::from_utf8(bytes).unwrap();
    let start = text.find("0410001300001T").unwrap();
    text.replace_range(start + 15..start + 17, "02");
    text.replace_range(start + 213..start + 223, "A4        ");
    let r = read_retorno(text.as_bytes(), ReadOptions::strict()).unwrap();
    let e = &r.entries[0];
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaConfirmada)
    );
    assert_eq!(e.motivos[0].description.as_deref(), Some("Pagador DDA"));

    text.replace_range(start + 15..start + 17, "ZZ");
    assert!(read_retorno(text.as_bytes(), ReadOptions::strict()).is_err());
    let CnabFile::Retorno(r) = read(text.as_bytes(), ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.problems.len(), 1);
    assert!(matches!(
        r.problems[0].kind,
        ErrorKind::UnknownOcorrencia { .. }
    ));
    assert_eq!(r.entries[0].motivos[0].description, None);
}

/// A copy with the trailing spaces stripped reads leniently with line-length problems only.
#[test]
fn stripped_retorno_reads_leniently() {
    let bytes = std::fs::read(fixture("retorno/retorno.ret")).unwrap();
    let stripped: Vec<u8> = lines(&bytes)
        .iter()
        .flat_map(|l| {
            let end = l.iter().rposition(|b| *b != b' ').map_or(0, |p| p + 1);
            l[..end].iter().copied().chain(*b"\r\n")
        })
        .collect();
    let CnabFile::Retorno(r) = read(&stripped, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    assert!(!r.problems.is_empty());
    assert!(
        r.problems
            .iter()
            .all(|p| matches!(p.kind, ErrorKind::LineLength { .. })),
        "{:?}",
        r.problems
    );
    assert_eq!(r.entries[0].valor_pago, dec("1234.56"));
    assert_eq!(r.entries[2].nosso_numero, "00009276");
}
