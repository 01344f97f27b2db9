//! "Paid by Pix" on retorno entries, where the layout reports the payment channel (Banco Votorantim CNAB 400 v6.2,
//! nota 10: ocorrência 70 "Liquidação PIX" beside 06 "Liquidação normal").

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use cnab_core::{read_retorno, OcorrenciaKind, ReadOptions};

fn bv_retorno() -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/655-bv/cnab400/retorno/retorno.ret");
    std::fs::read(p).unwrap()
}

#[test]
fn bv_liquidacao_pix_says_paid_by_pix() {
    let bytes = bv_retorno();
    let r = read_retorno(&bytes, ReadOptions::strict()).unwrap();
    // Entry 1: ocorrência 06, liquidação normal: paid, not by Pix. Entry 2: 03, entrada rejeitada: no payment.
    assert_eq!(r.entries[0].ocorrencia.as_ref().unwrap().code, "06");
    assert_eq!(r.entries[0].pago_por_pix, Some(false));
    assert_eq!(r.entries[1].ocorrencia.as_ref().unwrap().code, "03");
    assert_eq!(r.entries[1].pago_por_pix, None);

    // The same payment reported under 70.
    let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    assert_eq!(&lines[1][100..102], b"06"); // ocorrência, 101-102 (p. 11)
    lines[1].splice(100..102, *b"70");
    let changed = lines.join(&b'\n');
    let r = read_retorno(&changed, ReadOptions::strict()).unwrap();
    let e = &r.entries[0];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::Liquidacao
    );
    assert_eq!(e.ocorrencia.as_ref().unwrap().description, "Liquidação PIX");
    assert_eq!(e.pago_por_pix, Some(true));
    assert_eq!(e.valor_pago, Some("128.90".parse().unwrap()));
    let json = serde_json::to_value(e).unwrap();
    assert_eq!(json["pago_por_pix"], serde_json::Value::Bool(true));
    // Layouts that do not report the channel leave the key out.
    let json = serde_json::to_value(&r.entries[1]).unwrap();
    assert!(json.get("pago_por_pix").is_none());
}

/// Bradesco CNAB 400 retorno, registro tipo 4 (Pix): URL of the QR code 29-105, txid 106-140, after the título's
/// tipo 1 (positions as laravel-boleto and enhanced-cnab read them; see `cnab_core::banks::bradesco::cnab400`).
#[test]
fn bradesco_400_tipo_4_gives_the_qr_code_url_and_txid() {
    const URL: &str = "qrpix.bradesco.com.br/qr/v2/cobv/5f84a4c5c86a4b8a9c1e3d2f0b7a6e51";
    const TXID: &str = "NF1001VENC20261215BRADESCO01";
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/237-bradesco/cnab400/retorno/retorno.ret");
    let bytes = std::fs::read(p).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.split(eol).map(str::to_string).collect();
    let before = read_retorno(text.as_bytes(), ReadOptions::strict()).unwrap();
    assert!(before.entries.iter().all(|e| e.pix.is_none()));
    // A tipo 4 after the first tipo 1 (line 2); the sequence numbers after it shift by one.
    let seq = |l: &str| l[394..400].parse::<usize>().unwrap();
    let nn = &lines[1][70..82]; // the tipo 1's nosso número and DV (71-82)
    let mut four = format!(
        "4{}{}{}{}{:<77}{:<35}",
        "009", "01234", "0012345", nn, URL, TXID
    );
    four.push_str(&" ".repeat(394 - four.len()));
    four.push_str(&format!("{:06}", seq(&lines[1]) + 1));
    assert_eq!(four.len(), 400);
    for l in lines.iter_mut().skip(2).filter(|l| l.len() == 400) {
        let n = seq(l) + 1;
        l.replace_range(394..400, &format!("{n:06}"));
    }
    lines.insert(2, four);
    let changed = lines.join(eol);
    let r = read_retorno(changed.as_bytes(), ReadOptions::strict()).unwrap();
    assert_eq!(r.entries.len(), before.entries.len());
    let pix = r.entries[0].pix.clone().unwrap();
    assert_eq!((pix.url.as_str(), pix.txid.as_str()), (URL, TXID));
    assert!(r.entries[1..].iter().all(|e| e.pix.is_none()));
    // Written back from the model, the tipo 4 is the same bytes from the nosso número on (carteira, agência and
    // conta, 2-16, have no model field and are written blank).
    let again = cnab_core::write_retorno(&r, cnab_core::WriteOptions::default()).unwrap();
    let again = String::from_utf8(again).unwrap();
    let l = again.split(eol).nth(2).unwrap();
    assert_eq!(l[16..400], lines[2][16..400]);
    assert_eq!(l[..16].trim(), "4");
}

/// Santander CNAB 400 retorno (H7800 v2.33, "Boleto SX - PIX" and nota 19): código 511 "Liquidado por pagamento via
/// Pix" with movimento 06, or 510 "Baixado por pagamento via Pix" with 09, at 137-139.
#[test]
fn santander_400_codes_510_and_511_say_paid_by_pix() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/033-santander/cnab400/retorno/retorno.ret");
    let text = String::from_utf8(std::fs::read(p).unwrap()).unwrap();
    let r = read_retorno(text.as_bytes(), ReadOptions::strict()).unwrap();
    // Entry 1: 06 liquidação without a Pix code: paid by the barcode. Entry 2: 03 rejeitada: no payment.
    assert_eq!(r.entries[0].ocorrencia.as_ref().unwrap().code, "06");
    assert_eq!(r.entries[0].pago_por_pix, Some(false));
    assert_eq!(r.entries[1].pago_por_pix, None);

    let with = |oc: &str, code: &str| {
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
        lines[1].replace_range(108..110, oc);
        lines[1].replace_range(136..139, code);
        read_retorno(lines.join("\r\n").as_bytes(), ReadOptions::strict()).unwrap()
    };
    let r = with("06", "511");
    let e = &r.entries[0];
    assert_eq!(e.pago_por_pix, Some(true));
    assert_eq!(e.motivos[0].code, "511");
    assert_eq!(
        e.motivos[0].description.as_deref(),
        Some("Liquidado por pagamento via Pix")
    );
    let r = with("09", "510");
    assert_eq!(r.entries[0].ocorrencia.as_ref().unwrap().code, "09");
    assert_eq!(r.entries[0].pago_por_pix, Some(true));
    // 09 without 510 (the default parametrization's "baixa comandada"): not said.
    let r = with("09", "   ");
    assert_eq!(r.entries[0].pago_por_pix, None);
}

/// Caixa CNAB 240 SIGCB (67.118 v029 out/2022, nota C047 C): segmento T 214-215, código de liquidação 61 "PIX
/// CAIXA" / 62 "PIX outros bancos" with movimento 06, baixa 15 "comandado banco por pagamento QR Code" with 09.
#[test]
fn caixa_240_liquidacao_codes_61_62_say_paid_by_pix() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/104-caixa/cnab240/retorno/retorno.ret");
    let text = String::from_utf8(std::fs::read(p).unwrap()).unwrap();
    let r = read_retorno(text.as_bytes(), ReadOptions::strict()).unwrap();
    // Line 3, segmento T with movimento 06 and código 04 (compensação eletrônica): paid, not by Pix.
    assert_eq!(r.entries[0].ocorrencia.as_ref().unwrap().code, "06");
    assert_eq!(r.entries[0].pago_por_pix, Some(false));
    assert!(r.entries[1..].iter().all(|e| e.pago_por_pix.is_none()));

    let with = |mov: &str, canal: &str| {
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
        assert_eq!(&lines[2][13..14], "T");
        lines[2].replace_range(15..17, mov);
        lines[2].replace_range(213..215, canal);
        read_retorno(lines.join("\r\n").as_bytes(), ReadOptions::strict()).unwrap()
    };
    for canal in ["61", "62"] {
        assert_eq!(
            with("06", canal).entries[0].pago_por_pix,
            Some(true),
            "{canal}"
        );
    }
    assert_eq!(with("06", "02").entries[0].pago_por_pix, Some(false));
    assert_eq!(with("09", "15").entries[0].pago_por_pix, Some(true));
    assert_eq!(with("09", "09").entries[0].pago_por_pix, None);
    // Not reported (zeros): unset.
    assert_eq!(with("06", "00").entries[0].pago_por_pix, None);
}

/// Caixa CNAB 240 SIGCB (67.118 v029 out/2022, nota C047 A, p. 53): the motivos of an entrada (movimentos 02/03,
/// segmento T 214-223) say whether the bank registered the título's Pix QR code: P1 "Registrado com QR Code PIX",
/// P2 without it, P3 with QR code and barcode; PA/PB when the chave or the txid made it refuse the QR code.
#[test]
fn caixa_240_motivos_say_whether_the_qr_code_was_registered() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/104-caixa/cnab240/retorno/retorno.ret");
    let text = String::from_utf8(std::fs::read(p).unwrap()).unwrap();
    let with = |mov: &str, motivos: &str| {
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
        assert_eq!(&lines[2][13..14], "T");
        lines[2].replace_range(15..17, mov);
        lines[2].replace_range(213..223, &format!("{motivos:<10}"));
        read_retorno(lines.join("\r\n").as_bytes(), ReadOptions::strict()).unwrap()
    };
    let motivos = |r: &cnab_core::Retorno| -> Vec<(String, String)> {
        r.entries[0]
            .motivos
            .iter()
            .map(|m| (m.code.clone(), m.description.clone().unwrap_or_default()))
            .collect()
    };
    let pair = |c: &str, d: &str| (c.to_string(), d.to_string());

    let r = with("02", "P1");
    assert_eq!(r.entries[0].ocorrencia.as_ref().unwrap().code, "02");
    assert_eq!(motivos(&r), [pair("P1", "Registrado com QR Code PIX")]);
    // An entrada is no payment: the channel stays unset.
    assert_eq!(r.entries[0].pago_por_pix, None);
    assert_eq!(
        motivos(&with("02", "P3")),
        [pair("P3", "Registrado com QR Code PIX e Código de Barras")]
    );
    assert_eq!(
        motivos(&with("02", "P2")),
        [pair("P2", "Registrado sem QR Code PIX")]
    );
    assert_eq!(
        motivos(&with("03", "PAPB")),
        [
            pair(
                "PA",
                "Chave DICT Beneficiário Inválida - QR Code não cadastrado"
            ),
            pair("PB", "TXID inválido - QR Code Não cadastrado")
        ]
    );
}
