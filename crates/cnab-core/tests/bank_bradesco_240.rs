//! Bradesco (237) CNAB 240 cobrança: the written remessa and retorno checked field by field against Bradesco's
//! "Manual de Procedimentos Operacionais para Troca de Arquivos 240 posições" (Nº 4008.524.0339, versão 06,
//! 07/2017). The real corpus has no Bradesco 240 file (MANIFEST.tsv), so the fixtures under
//! `fixtures/237-bradesco/cnab240` and these position tests are the evidence.

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
        .join("../../fixtures/237-bradesco/cnab240")
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

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn remessa_bytes() -> Vec<u8> {
    let json = std::fs::read_to_string(fixture("remessa/remessa.model.json")).unwrap();
    let remessa: Remessa = serde_json::from_str(&json).unwrap();
    write_remessa(&remessa, Bank::new(237), Layout::Cnab240).unwrap()
}

/// Real files of this bank and layout, if the corpus ever gets some: each is detected as Bradesco 240 and reads.
#[test]
fn corpus_files_if_any() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    let Ok(manifest) = std::fs::read_to_string(root.join("MANIFEST.tsv")) else {
        return;
    };
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.get(4) != Some(&"237") || cols.get(5) != Some(&"240") {
            continue;
        }
        let bytes = std::fs::read(root.join(cols[0])).unwrap();
        let d = detect(&bytes).unwrap();
        assert_eq!(
            (d.bank.code(), d.layout),
            (237, Layout::Cnab240),
            "{}",
            cols[0]
        );
        read(&bytes, ReadOptions::lenient()).unwrap();
    }
}

#[test]
fn written_remessa_headers_and_trailers() {
    let bytes = remessa_bytes();
    assert!(bytes.ends_with(b"\r\n"), "CRLF");
    let l = lines(&bytes);
    assert_eq!(l.len(), 10);
    assert!(l.iter().all(|x| x.len() == 240));
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (237, Layout::Cnab240, FileKind::Remessa)
    );

    // Header de arquivo (p. 8).
    let h = l[0];
    assert_eq!(f(h, 1, 3), "237");
    assert_eq!(f(h, 4, 7), "0000");
    assert_eq!(f(h, 8, 8), "0");
    assert_eq!(f(h, 9, 17), " ".repeat(9));
    assert_eq!(f(h, 18, 18), "2");
    assert_eq!(f(h, 19, 32), "11222333000181");
    assert_eq!(f(h, 33, 52), "4567890             "); // convênio, Alfa 20
    assert_eq!(f(h, 53, 57), "01234");
    assert_eq!(f(h, 58, 58), "5");
    assert_eq!(f(h, 59, 70), "000000012345");
    assert_eq!(f(h, 71, 71), "6");
    assert_eq!(f(h, 72, 72), " ");
    assert_eq!(f(h, 73, 102).trim_end(), "PADARIA SAO JOAO LTDA");
    assert_eq!(f(h, 103, 132).trim_end(), "BRADESCO");
    assert_eq!(f(h, 143, 143), "1");
    assert_eq!(f(h, 144, 151), "20112026");
    assert_eq!(f(h, 158, 163), "000027");
    assert_eq!(f(h, 164, 166), "084");
    assert_eq!(f(h, 212, 240), " ".repeat(29));

    // Header de lote (p. 12).
    let hl = l[1];
    assert_eq!(f(hl, 1, 8), "23700011");
    assert_eq!(f(hl, 9, 9), "R");
    assert_eq!(f(hl, 10, 11), "01");
    assert_eq!(f(hl, 12, 13), "  ");
    assert_eq!(f(hl, 14, 16), "042");
    assert_eq!(f(hl, 18, 18), "2");
    assert_eq!(f(hl, 19, 33), "011222333000181"); // N 15, zero-filled
    assert_eq!(f(hl, 34, 53), "4567890             ");
    assert_eq!(f(hl, 54, 58), "01234");
    assert_eq!(f(hl, 59, 59), "5");
    assert_eq!(f(hl, 60, 71), "000000012345");
    assert_eq!(f(hl, 72, 72), "6");
    assert_eq!(f(hl, 74, 103).trim_end(), "PADARIA SAO JOAO LTDA");
    assert_eq!(f(hl, 184, 191), "00000027"); // nº remessa (20.1, the one the bank controls)
    assert_eq!(f(hl, 192, 199), "20112026");
    assert_eq!(f(hl, 200, 207), "00000000");

    // Trailer de lote (p. 20): P, Q, P, Q, R, S + header and trailer = 8; cobrança simples 2 títulos, 2850.75.
    let tl = l[8];
    assert_eq!(f(tl, 1, 8), "23700015");
    assert_eq!(f(tl, 18, 23), "000008");
    assert_eq!(f(tl, 24, 29), "000002");
    assert_eq!(f(tl, 30, 46), "00000000000285075");
    assert_eq!(f(tl, 47, 115), "0".repeat(69));
    // Trailer de arquivo (p. 8).
    let ta = l[9];
    assert_eq!(f(ta, 1, 8), "23799999");
    assert_eq!(f(ta, 18, 23), "000001");
    assert_eq!(f(ta, 24, 29), "000010");
    assert_eq!(f(ta, 30, 35), "000000");
}

#[test]
fn written_remessa_segments_p_q_r_s() {
    let bytes = remessa_bytes();
    let l = lines(&bytes);

    // Segmento P (p. 13), first título.
    let p = l[2];
    assert_eq!(f(p, 1, 3), "237");
    assert_eq!(f(p, 4, 7), "0001");
    assert_eq!(f(p, 8, 8), "3");
    assert_eq!(f(p, 9, 13), "00001");
    assert_eq!(f(p, 14, 14), "P");
    assert_eq!(f(p, 15, 15), " ");
    assert_eq!(f(p, 16, 17), "01");
    assert_eq!(f(p, 18, 22), "01234");
    assert_eq!(f(p, 23, 23), "5");
    assert_eq!(f(p, 24, 35), "000000012345");
    assert_eq!(f(p, 36, 36), "6");
    assert_eq!(f(p, 37, 37), " ");
    assert_eq!(f(p, 38, 40), "009"); // identificação do produto (carteira)
    assert_eq!(f(p, 41, 45), "00000");
    assert_eq!(f(p, 46, 56), "00000012345"); // nosso número
    assert_eq!(f(p, 57, 57), "8"); // its DV (mod 11, base 7, over carteira + nosso número)
    assert_eq!(f(p, 58, 58), "1"); // C006 cobrança simples
    assert_eq!(f(p, 59, 59), "1"); // C007 com cadastramento
    assert_eq!(f(p, 60, 60), "1"); // C008 tradicional
    assert_eq!(f(p, 61, 61), "2"); // C009 cliente emite
    assert_eq!(f(p, 62, 62), "2"); // C010 cliente distribui
    assert_eq!(f(p, 63, 77), "NF-2001        ");
    assert_eq!(f(p, 78, 85), "15122026");
    assert_eq!(f(p, 86, 100), "000000000035075");
    assert_eq!(f(p, 101, 105), "00000");
    assert_eq!(f(p, 106, 106), " ");
    assert_eq!(f(p, 107, 108), "02");
    assert_eq!(f(p, 109, 109), "N");
    assert_eq!(f(p, 110, 117), "20112026");
    assert_eq!(f(p, 118, 118), "1");
    assert_eq!(f(p, 119, 126), "16122026");
    assert_eq!(f(p, 127, 141), "000000000000012");
    assert_eq!(f(p, 142, 142), "1");
    assert_eq!(f(p, 143, 150), "10122026");
    assert_eq!(f(p, 151, 165), "000000000001000");
    assert_eq!(f(p, 166, 180), "000000000000000");
    assert_eq!(f(p, 181, 195), "000000000000500");
    assert_eq!(f(p, 196, 220), "PEDIDO-778               ");
    assert_eq!(f(p, 221, 221), "1");
    assert_eq!(f(p, 222, 223), "05");
    assert_eq!(f(p, 224, 224), "1");
    assert_eq!(f(p, 225, 227), "060");
    assert_eq!(f(p, 228, 229), "09");
    assert_eq!(f(p, 230, 239), "0000000000");
    assert_eq!(f(p, 240, 240), " ");
    // Second título: the defaults when the model says nothing.
    let p2 = l[4];
    assert_eq!(f(p2, 9, 13), "00003");
    assert_eq!(f(p2, 46, 57), "000000123466");
    assert_eq!(f(p2, 109, 109), "A");
    assert_eq!(f(p2, 118, 118), "3"); // C018 isento
    assert_eq!(f(p2, 142, 150), "000000000");
    assert_eq!(f(p2, 221, 227), "3002000"); // não protestar, 00; C028 2 = não baixar, 000

    // Segmento Q (p. 14).
    let q = l[3];
    assert_eq!(f(q, 1, 17), "2370001300002Q 01");
    assert_eq!(f(q, 18, 18), "1");
    assert_eq!(f(q, 19, 33), "000052998224725");
    assert_eq!(f(q, 34, 73).trim_end(), "JOSE DA CONCEICAO");
    assert_eq!(f(q, 74, 113).trim_end(), "RUA DAS FLORES, 100");
    assert_eq!(f(q, 114, 128), "CENTRO         ");
    assert_eq!(f(q, 129, 133), "01001"); // CEP
    assert_eq!(f(q, 134, 136), "000"); // sufixo
    assert_eq!(f(q, 137, 151), "SAO PAULO      ");
    assert_eq!(f(q, 152, 153), "SP");
    assert_eq!(f(q, 154, 169), "0000000000000000"); // no sacador: N fields zero
    assert_eq!(f(q, 170, 209), " ".repeat(40));
    assert_eq!(f(q, 210, 212), "000");
    assert_eq!(f(q, 213, 240), " ".repeat(28));
    let q2 = l[5];
    assert_eq!(f(q2, 18, 33), "2012ABC34501DE35"); // alphanumeric CNPJ, zero-filled
    assert_eq!(f(q2, 154, 154), "1");
    assert_eq!(f(q2, 155, 169), "000011144477735");
    assert_eq!(f(q2, 170, 209).trim_end(), "MARIA CEDENTE ORIGINAL");

    // Segmento R (p. 15): multa and mensagem 3.
    let r = l[6];
    assert_eq!(f(r, 1, 17), "2370001300005R 01");
    assert_eq!(f(r, 18, 65), "0".repeat(48)); // descontos 2 and 3
    assert_eq!(f(r, 66, 66), "2");
    assert_eq!(f(r, 67, 74), "11012027");
    assert_eq!(f(r, 75, 89), "000000000000200");
    assert_eq!(f(r, 90, 99), " ".repeat(10));
    assert_eq!(f(r, 100, 139).trim_end(), "NAO RECEBER APOS 30 DIAS");
    assert_eq!(f(r, 140, 179), " ".repeat(40));
    assert_eq!(f(r, 180, 199), " ".repeat(20));
    assert_eq!(f(r, 200, 207), "00000000");
    assert_eq!(f(r, 208, 215), "00000000");
    assert_eq!(f(r, 217, 228), "000000000000");
    assert_eq!(f(r, 231, 231), "0");
    assert_eq!(f(r, 232, 240), " ".repeat(9));

    // Segmento S (pp. 15-16), tipo de impressão 3: mensagens 5 and 6.
    let s = l[7];
    assert_eq!(f(s, 1, 17), "2370001300006S 01");
    assert_eq!(f(s, 18, 18), "3");
    assert_eq!(f(s, 19, 58).trim_end(), "PAGAVEL EM QUALQUER BANCO");
    assert_eq!(f(s, 59, 98).trim_end(), "APOS O VENCIMENTO MULTA DE 2%");
    assert_eq!(f(s, 219, 240), " ".repeat(22));
}

#[test]
fn remessa_reads_back() {
    let bytes = remessa_bytes();
    let r = read_remessa(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.header.beneficiario.inscricao.numero, "11222333000181");
    assert_eq!(r.header.beneficiario.convenio, "4567890");
    assert_eq!(r.header.layout_versao, "084");
    assert_eq!(r.header.nsa, Some(27));
    let t = &r.titulos[0];
    assert_eq!(t.carteira, "009");
    assert_eq!(t.nosso_numero, "00000012345");
    assert_eq!(t.nosso_numero_dv.as_deref(), Some("8"));
    assert_eq!(t.valor, "350.75".parse().unwrap());
    assert_eq!(t.abatimento, dec("5.00"));
    assert_eq!(t.baixa.prazo, Some(60));
    assert_eq!(t.pagador.inscricao.numero, "52998224725");
    assert!(t.sacador_avalista.is_none());
    let t2 = &r.titulos[1];
    assert_eq!(t2.pagador.inscricao.numero, "12ABC34501DE35");
    assert_eq!(
        t2.sacador_avalista
            .as_ref()
            .map(|s| s.inscricao.numero.as_str()),
        Some("11144477735")
    );
    assert_eq!(t2.multa.valor, dec("2.00"));
    assert_eq!(t2.mensagens.len(), 3);
}

#[test]
fn retorno_segments_t_u() {
    let bytes = std::fs::read(fixture("retorno/retorno.ret")).unwrap();
    let l = lines(&bytes);
    assert_eq!(l.len(), 12);
    let d = detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (237, Layout::Cnab240, FileKind::Retorno)
    );
    assert_eq!(f(l[0], 143, 143), "2");
    assert_eq!(f(l[1], 9, 9), "T");

    // Segmento T (p. 18).
    let t = l[2];
    assert_eq!(f(t, 1, 17), "2370001300001T 06");
    assert_eq!(f(t, 18, 22), "01234");
    assert_eq!(f(t, 23, 23), "5");
    assert_eq!(f(t, 24, 35), "000000012345");
    assert_eq!(f(t, 36, 36), "6");
    assert_eq!(f(t, 38, 57), "00900000000000123458"); // G069: carteira, zeros, nosso número, DV
    assert_eq!(f(t, 59, 73), "NF-2001        ");
    assert_eq!(f(t, 74, 81), "15122026");
    assert_eq!(f(t, 82, 96), "000000000035075");
    assert_eq!(f(t, 97, 99), "237");
    assert_eq!(f(t, 100, 104), "01234");
    assert_eq!(f(t, 106, 130).trim_end(), "PEDIDO-778");
    assert_eq!(f(t, 133, 133), "1");
    assert_eq!(f(t, 134, 148), "000052998224725");
    assert_eq!(f(t, 149, 188).trim_end(), "JOSE DA CONCEICAO");
    assert_eq!(f(t, 199, 213), "000000000000250");
    assert_eq!(f(t, 214, 223), "04        ");
    assert_eq!(f(t, 224, 240), " ".repeat(17));
    // Segmento U (p. 19).
    let u = l[3];
    assert_eq!(f(u, 1, 15), "2370001300002U ");
    assert_eq!(f(u, 33, 47), "000000000001000"); // desconto
    assert_eq!(f(u, 78, 92), "000000000034075"); // valor pago
    assert_eq!(f(u, 93, 107), "000000000033825"); // líquido
    assert_eq!(f(u, 138, 145), "15122026");
    assert_eq!(f(u, 146, 153), "16122026");
    // Trailer de lote: 4 títulos, 3295.65.
    assert_eq!(f(l[10], 18, 46), "00001000000400000000000299565");

    let r = read_retorno(&bytes, ReadOptions::strict()).unwrap();
    assert_eq!(r.header.nsa, Some(412));
    assert_eq!(r.entries.len(), 4);
    let e = &r.entries[0];
    assert_eq!(
        (e.carteira.as_str(), e.nosso_numero.as_str()),
        ("009", "00000012345")
    );
    assert_eq!(e.nosso_numero_dv.as_deref(), Some("8"));
    let oc = e.ocorrencia.as_ref().unwrap();
    assert_eq!(
        (oc.code.as_str(), oc.kind),
        ("06", OcorrenciaKind::Liquidacao)
    );
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("Compensação Eletrônica")
    );
    assert_eq!(
        (e.valor_pago, e.valor_creditado, e.tarifa),
        (dec("340.75"), dec("338.25"), dec("2.50"))
    );
    assert_eq!(e.data_credito, date(2026, 12, 16));
    assert_eq!(
        e.pagador.as_ref().map(|p| p.inscricao.numero.as_str()),
        Some("52998224725")
    );
    let e = &r.entries[1];
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaRejeitada)
    );
    let codes: Vec<&str> = e.motivos.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["08", "48"]);
    assert_eq!(
        r.entries[2].ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::Tarifa)
    );
    assert_eq!(r.entries[2].tarifa, dec("4.10"));
    // 73: Bradesco's own movimento (confirmação do pedido de negativação), not in FEBRABAN's C044.
    assert_eq!(
        r.entries[3]
            .ocorrencia
            .as_ref()
            .map(|o| (o.code.as_str(), o.kind)),
        Some(("73", OcorrenciaKind::InstrucaoConfirmada))
    );
}

/// Bradesco-only codes: a `P` DV (mod 11 remainder 1) and motivo A4 (Pagador DDA) on an entrada confirmada.
#[test]
fn retorno_dv_p_and_motivo_a4() {
    let bytes = std::fs::read(fixture("retorno/retorno.ret")).unwrap();
    let mut text = String::from_utf8(bytes).unwrap();
    let start = text.find("2370001300001T").unwrap();
    text.replace_range(start + 15..start + 17, "02");
    text.replace_range(start + 56..start + 57, "P");
    text.replace_range(start + 213..start + 223, "A4        ");
    let r = read_retorno(text.as_bytes(), ReadOptions::strict()).unwrap();
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero_dv.as_deref(), Some("P"));
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaConfirmada)
    );
    assert_eq!(e.motivos[0].code, "A4");
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("Pagador DDA (NÃO TRATADO PELO BANCO)")
    );
}

/// A copy with the trailing spaces stripped (what some transfers do) reads leniently, with only line-length
/// problems, and the same values.
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
    assert!(read_retorno(&stripped, ReadOptions::strict()).is_err());
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
    assert_eq!(r.entries[0].valor_pago, dec("340.75"));
    assert_eq!(r.entries[3].nosso_numero, "00000012348");
}
