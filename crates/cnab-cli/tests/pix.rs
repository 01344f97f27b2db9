//! `cnab pix make` and `cnab pix parse` as a user runs them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::io::Write;
use std::process::{Command, Stdio};

fn cnab(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run cnab: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

// Manual de Padrões para Iniciação do Pix 2.6.2, §1.5.4 and §1.6.7.
const MANUAL_STATIC: &str = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";
const MANUAL_DYNAMIC: &str = "00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4";

#[test]
fn make_static_matches_the_manual_and_pix_utils() {
    let (code, out, err) = cnab(
        &["pix", "make"],
        r#"{"chave": "123e4567-e12b-12d1-a456-426655440000", "nome": "Fulano de Tal", "cidade": "BRASILIA"}"#,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out), serde_json::json!({ "payload": MANUAL_STATIC }));
    // the same inputs given to pix-utils 2.8.2 give this payload (crates/boleto/tests/pix.rs)
    let (code, out, err) = cnab(
        &["pix", "make"],
        r#"{"chave": "00038166000105", "nome": "BANCO CENTRAL DO BRASIL", "cidade": "BRASILIA",
            "valor": "1234.56", "txid": "PEDIDO2026X1"}"#,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        json(&out)["payload"],
        "00020126360014br.gov.bcb.pix01140003816600010552040000530398654071234.565802BR5923BANCO CENTRAL DO BRASIL6008BRASILIA62160512PEDIDO2026X163046B68"
    );
}

#[test]
fn make_dynamic_matches_the_manual() {
    let (code, out, err) = cnab(
        &["pix", "make"],
        r#"{"url": "pix.example.com/8b3da2f39a4140d1a91abd93113bd441", "nome": "Fulano de Tal",
            "cidade": "BRASILIA", "unico": true}"#,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out)["payload"], MANUAL_DYNAMIC);
}

#[test]
fn parse_prints_the_fields() {
    let (code, out, err) = cnab(&["pix", "parse", MANUAL_STATIC], "");
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["tipo"], "estatico");
    assert_eq!(v["chave"], "123e4567-e12b-12d1-a456-426655440000");
    assert_eq!(v["chave_tipo"], "evp");
    assert_eq!(v["nome"], "Fulano de Tal");
    assert_eq!(v["cidade"], "BRASILIA");
    assert_eq!(v["valor"], serde_json::Value::Null);
    assert_eq!(v["txid"], serde_json::Value::Null);
    assert_eq!(v["url"], serde_json::Value::Null);

    let (code, out, _) = cnab(&["pix", "parse", MANUAL_DYNAMIC], "");
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["tipo"], "dinamico");
    assert_eq!(v["url"], "pix.example.com/8b3da2f39a4140d1a91abd93113bd441");
    assert_eq!(v["chave"], serde_json::Value::Null);
    assert_eq!(v["unico"], true);

    // a pix-utils payload with amount, infoAdicional; read from stdin with "-"
    let p = "00020126650014br.gov.bcb.pix0119nubank@thalesog.com0220Gerado por Pix-Utils52040000530398654041.005802BR5914Thales Ogliari6015SAO MIGUEL DO O62070503***6304059A";
    let (code, out, _) = cnab(&["pix", "parse", "-"], &format!("{p}\n"));
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["valor"], "1.00");
    assert_eq!(v["descricao"], "Gerado por Pix-Utils");
    assert_eq!(v["chave_tipo"], "email");
}

#[test]
fn make_then_parse_round_trip() {
    let (_, out, _) = cnab(
        &["pix", "make"],
        r#"{"chave": "+5561912345678", "nome": "FULANO DE TAL", "cidade": "SAO PAULO",
            "valor": 10.5, "txid": "ABC123", "descricao": "Pedido 42"}"#,
    );
    let payload = json(&out)["payload"].as_str().unwrap().to_string();
    assert!(payload.contains("540510.50"), "{payload}");
    let (code, out, _) = cnab(&["pix", "parse", &payload], "");
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["chave"], "+5561912345678");
    assert_eq!(v["chave_tipo"], "telefone");
    assert_eq!(v["valor"], "10.50");
    assert_eq!(v["txid"], "ABC123");
    assert_eq!(v["descricao"], "Pedido 42");
}

#[test]
fn parse_errors_exit_1_with_the_precise_problem() {
    let wrong_crc = MANUAL_STATIC.replace("63041D3D", "63041D3E");
    let (code, out, err) = cnab(&["pix", "parse", &wrong_crc], "");
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(err, "cnab: crc (tag 63): expected 1D3D, found 1D3E\n");
    let (code, _, err) = cnab(&["pix", "parse", "000201265"], "");
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "cnab: position 7: \"265\": expected a 2-digit ID and a 2-digit length\n"
    );
}

#[test]
fn make_errors_exit_1() {
    let cases = [
        (
            r#"{"chave": "+5561912345678", "nome": "F", "cidade": "B", "foo": 1}"#,
            "cnab: input JSON: unknown field `foo`",
        ),
        (
            r#"{"nome": "F", "cidade": "B"}"#,
            "cnab: input JSON: missing chave (static payload) or url (dynamic payload)",
        ),
        (
            r#"{"chave": "+5561912345678", "url": "pix.example.com/x", "nome": "F", "cidade": "B"}"#,
            "cnab: input JSON: give either chave (static payload) or url (dynamic payload), not both",
        ),
        (
            r#"{"chave": "12345678900", "nome": "F", "cidade": "B"}"#,
            "cnab: tag 26-01 (chave): CPF 12345678900: check digits expected 09, found 00",
        ),
        (
            r#"{"chave": "+5561912345678", "nome": "F", "cidade": "SAO JOSE DOS CAMPOS"}"#,
            "cnab: tag 60 (cidade): at most 15 characters, found 19",
        ),
        (
            r#"{"chave": "+5561912345678", "nome": "F", "cidade": "B", "valor": "1.005"}"#,
            "cnab: tag 54 (valor): 1.005: more than 2 decimal places",
        ),
        (
            r#"{"url": "pix.example.com/x", "nome": "F", "cidade": "B", "valor": "1.00"}"#,
            "cnab: tag 54 (valor): not allowed in a dynamic payload",
        ),
        (
            r#"{"url": "https://pix.example.com/x", "nome": "F", "cidade": "B"}"#,
            "cnab: tag 26-25 (url): must not include the protocol prefix (Manual §1.6.3)",
        ),
        ("not json", "cnab: input JSON: expected ident"),
    ];
    for (input, msg) in cases {
        let (code, out, err) = cnab(&["pix", "make"], input);
        assert_eq!(code, 1, "{input}: {err}");
        assert_eq!(out, "");
        assert!(err.starts_with(msg), "{input}: {err}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = cnab(&["pix", "parse"], "");
    assert_eq!(code, 2);
    assert!(err.contains("<PAYLOAD>"), "{err}");
    let (code, _, _) = cnab(&["pix", "parse", "-"], "");
    assert_eq!(code, 2);
    let (code, _, _) = cnab(&["pix", "make", "extra"], "");
    assert_eq!(code, 2);
    let (code, _, _) = cnab(&["pix"], "");
    assert_eq!(code, 2);
}

#[test]
fn boleto_make_with_pix_returns_the_payload_beside_the_barcode() {
    let input = r#"{"banco": "341", "agencia": "1248", "conta": "02124", "carteira": "109",
        "nosso_numero": "00010152", "valor": "6757.87", "vencimento": "2029-05-20",
        "pix": {"chave": "00038166000105", "nome": "EMPRESA EXEMPLO LTDA", "cidade": "SAO PAULO",
                "txid": "NN00010152"}}"#;
    let (code, out, err) = cnab(&["boleto", "make"], input);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["barcode"], "34194254800006757871090001015271248021246000");
    // pix-utils 2.8.2 builds the same string from the same data
    assert_eq!(
        v["pix_payload"],
        "00020126360014br.gov.bcb.pix01140003816600010552040000530398654076757.875802BR5920EMPRESA EXEMPLO LTDA6009SAO PAULO62140510NN0001015263042F1F"
    );
    let (code, out, _) = cnab(&["pix", "parse", v["pix_payload"].as_str().unwrap()], "");
    assert_eq!(code, 0);
    assert_eq!(json(&out)["valor"], "6757.87");

    // without pix, no pix_payload key
    let plain = input
        .split(",\n        \"pix\"")
        .next()
        .unwrap()
        .to_string()
        + "}";
    let (code, out, err) = cnab(&["boleto", "make"], &plain);
    assert_eq!(code, 0, "{err}");
    assert!(json(&out).get("pix_payload").is_none(), "{out}");

    // a bad pix key is an input error naming the tag
    let bad = input.replace("00038166000105", "00038166000106");
    let (code, _, err) = cnab(&["boleto", "make"], &bad);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "cnab: pix: tag 26-01 (chave): CNPJ 00038166000106: check digits expected 05, found 06\n"
    );
    let unknown = input.replace("\"txid\"", "\"foo\"");
    let (code, _, err) = cnab(&["boleto", "make"], &unknown);
    assert_eq!(code, 1);
    assert!(err.contains("unknown field `foo`"), "{err}");
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cnab-cli-pix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures")
            .join(rel),
    )
    .unwrap()
}

#[test]
fn remessa_writes_titulo_pix_and_parse_reads_it_back() {
    let mut model = json(
        &String::from_utf8(fixture("033-santander/cnab240/remessa/remessa.model.json")).unwrap(),
    );
    model["titulos"][0]["pix"] =
        serde_json::json!({"chave": "00038166000105", "txid": "NF1001VENC20261215SANTANDER"});
    let m = temp("santander-pix.json", model.to_string().as_bytes());
    let out = temp("santander-pix.rem", b"");
    let (code, _, err) = cnab(
        &[
            "remessa",
            m.to_str().unwrap(),
            "--bank",
            "033",
            "--layout",
            "240",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let written = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    let y = written.split("\r\n").nth(4).unwrap();
    assert_eq!(&y[13..19], "Y 0103");
    assert_eq!(&y[80..95], "200038166000105"); // tipo de chave taken from the chave: 2 CNPJ
    let (code, parsed, err) = cnab(&["parse", out.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        json(&parsed)["titulos"][0]["pix"],
        serde_json::json!({"tipo_chave": "2", "chave": "00038166000105", "txid": "NF1001VENC20261215SANTANDER"})
    );

    // Banco do Brasil CNAB 240 has no Pix record we write: exit 1 naming the field.
    let mut bb =
        json(&String::from_utf8(fixture("001-bb/cnab240/remessa/remessa.model.json")).unwrap());
    bb["titulos"][0]["pix"] = serde_json::json!({"chave": "00038166000105"});
    let m = temp("bb-pix.json", bb.to_string().as_bytes());
    let (code, _, err) = cnab(
        &[
            "remessa",
            m.to_str().unwrap(),
            "--bank",
            "001",
            "--layout",
            "240",
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pix.chave \"00038166000105\": this bank's layout has no Pix record we write"),
        "{err}"
    );
}

#[test]
fn parse_says_when_a_retorno_payment_came_by_pix() {
    // Banco Votorantim CNAB 400: ocorrência (101-102) 70 "Liquidação PIX".
    let mut bytes = fixture("655-bv/cnab400/retorno/retorno.ret");
    let second = bytes.iter().position(|b| *b == b'\n').unwrap() + 1;
    assert_eq!(&bytes[second + 100..second + 102], b"06");
    bytes[second + 100..second + 102].copy_from_slice(b"70");
    let p = temp("bv-pix.ret", &bytes);
    let (code, out, err) = cnab(&["parse", p.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["entries"][0]["pago_por_pix"], serde_json::json!(true));
    assert_eq!(
        v["entries"][0]["ocorrencia"]["description"],
        "Liquidação PIX"
    );
    assert!(v["entries"][1].get("pago_por_pix").is_none());
}
