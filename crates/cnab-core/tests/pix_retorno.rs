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
