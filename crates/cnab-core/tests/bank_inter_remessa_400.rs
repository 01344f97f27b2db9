//! Banco Inter (077) CNAB 400 remessa: write→read of a remessa checked position by position against the manual
//! ("Conta Digital PJ Inter — Manual CNAB400" v1.1, 30/08/2021, seção 4). No Inter remessa is in the corpus.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::{read, write_remessa, Bank, CnabFile, Layout, ReadOptions, Remessa};
mod common;
use common::dec as d;

fn model() -> Remessa {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/077-inter/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn written_remessa_matches_manual_positions() {
    let bytes = write_remessa(&model(), Bank::new(77), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.ends_with("\r\n"));
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5); // header, 1 + 2 (messages 2-5), 1, trailer
    assert!(lines.iter().all(|l| l.len() == 400));
    // 4.1 header.
    let h = lines[0];
    assert_eq!(&h[0..26], "01REMESSA01COBRANCA       ");
    assert_eq!(&h[26..46], &" ".repeat(20)); // 027-046 código da empresa: branco
    assert_eq!(&h[76..94], "077INTER          "); // 077-079, 080-094
    assert_eq!(&h[94..100], "201126"); // 095-100 DDMMAA
    assert_eq!(&h[110..117], "0000042"); // 111-117 nº sequencial de remessa
    assert_eq!(&h[394..400], "000001");
    // 4.2 registro de transação tipo 1.
    let l = lines[1];
    assert_eq!(&l[1..20], &" ".repeat(19)); // 002-020 branco
    assert_eq!(&l[20..37], "11200010001234567"); // 021-037 carteira 112, agência 0001, conta (10)
    assert_eq!(&l[37..62], "PEDIDO 1001              "); // 038-062 controle do participante
    assert_eq!(&l[65..89], "100000000002550000161226"); // 066 multa 1 = valor, 067-079, 080-083, 084-089
    assert_eq!(&l[89..100], "00000000000"); // 090-100 nosso número: zeros
    assert_eq!(&l[108..110], "01"); // 109-110 ocorrência
    assert_eq!(&l[110..120], "NF-1001   "); // 111-120 seu número
    assert_eq!(&l[120..126], "151226"); // 121-126 vencimento
    assert_eq!(&l[126..139], "0000000012750"); // 127-139 valor
    assert_eq!(&l[139..141], "30"); // 140-141 data limite de pagamento (dias)
    assert_eq!(&l[147..156], "99N201126"); // 148-149 espécie, 150 aceite, 151-156 emissão
                                           // 160 juros 2 = percentual: 161-173 zeros, 174-177 taxa 1,00 %, 178-183 data da mora.
    assert_eq!(&l[159..183], "200000000000000100161226");
    assert_eq!(&l[183..184], "0"); // 184 sem desconto
    assert_eq!(&l[220..236], "0100052998224725"); // 221-222, 223-236 pagador
    assert_eq!(&l[236..256], "JOSE DA CONCEICAO   "); // 237-276 nome
    assert_eq!(&l[316..324], "01001000"); // 317-321 CEP, 322-324 sufixo
    assert!(l[324..394].starts_with("NAO RECEBER APOS 30 DIAS")); // 325-394 1ª mensagem
    assert_eq!(&l[394..400], "000002");
    // 4.3 registro tipo 2: mensagem 2 at 002-079, nosso número zeros at 380-390.
    let m = lines[2];
    assert!(m.starts_with("2SEGUNDA MENSAGEM "));
    assert_eq!(&m[379..390], "00000000000");
    // Second title: multa 2 = percentual (080-083), desconto 1 = valor fixo, abatimento.
    let l = lines[3];
    assert_eq!(&l[65..89], "200000000000000200110127");
    assert_eq!(&l[139..141], "60");
    assert_eq!(&l[183..207], "100000000025000000050127"); // 184, 185-197, 198-201, 202-207
    assert_eq!(&l[207..220], "0000000001000"); // 208-220 abatimento
    assert_eq!(&l[220..236], "0211222333000181");
    // 4.4 trailer: 002-007 quantidade de boletos.
    let t = lines[4];
    assert_eq!(&t[0..7], "9000002");
    assert_eq!(&t[394..400], "000005");
}

#[test]
fn written_remessa_reads_back_strictly() {
    let m = model();
    let bytes = write_remessa(&m, Bank::new(77), Layout::Cnab400).unwrap();
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.bank.unwrap().code(), 77);
    assert_eq!(r.header.nsa, Some(42));
    assert_eq!(r.titulos.len(), 2);
    let t = &r.titulos[0];
    assert_eq!(t.carteira, "112");
    assert_eq!(t.valor, d("127.50"));
    assert_eq!(t.vencimento, NaiveDate::from_ymd_opt(2026, 12, 15));
    assert_eq!(
        (t.multa.codigo.as_str(), t.multa.valor),
        ("1", Some(d("2.55")))
    );
    // The percentage forms come back from their own fields (titulo hook).
    assert_eq!(
        (t.juros.codigo.as_str(), t.juros.valor),
        ("2", Some(d("1.00")))
    );
    assert_eq!(
        t.mensagens.first().map(String::as_str),
        Some("NAO RECEBER APOS 30 DIAS DO VENCIMENTO")
    );
    assert_eq!(
        t.mensagens.get(1).map(String::as_str),
        Some("SEGUNDA MENSAGEM")
    );
    let t = &r.titulos[1];
    assert_eq!(
        (t.multa.codigo.as_str(), t.multa.valor),
        ("2", Some(d("2.00")))
    );
    assert_eq!(t.desconto.valor, Some(d("25.00")));
    assert_eq!(t.abatimento, Some(d("10.00")));
    assert_eq!(t.pagador.cep, "01430000");
}
