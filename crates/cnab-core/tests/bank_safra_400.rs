//! Banco Safra (422) CNAB 400 (Layout Padrão Safra 400, dez/2016): write→read of a remessa checked byte by byte
//! against §6.1, a retorno built from §6.2 codes, and any corpus file of the bank (none in the corpus today).

#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)]

use cnab_core::{
    read, write_remessa, write_retorno, Bank, CnabFile, FileKind, Layout, OcorrenciaKind,
    ReadOptions, Remessa, Retorno, WriteOptions,
};
use std::path::PathBuf;

mod common;
use common::dec;
#[allow(unused_imports)]
use common::*;

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/422-safra/cnab400")
            .join(rel),
    )
    .unwrap()
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn corpus_files_of_the_bank_read() {
    let Ok(manifest) = std::fs::read_to_string(corpus_dir().join("MANIFEST.tsv")) else {
        eprintln!("corpus absent: skipping");
        return;
    };
    // The corpus has no Safra CNAB 400 file today; any that appears must be detected and read strictly.
    for row in manifest
        .lines()
        .filter(|l| l.starts_with("422-") && l.contains("/cnab400/"))
    {
        let rel = row.split('\t').next().unwrap();
        let b = std::fs::read(corpus_dir().join(rel)).unwrap();
        let d = cnab_core::detect(&b).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!((d.bank.code(), d.layout), (422, Layout::Cnab400), "{rel}");
        read(&b, ReadOptions::strict()).unwrap_or_else(|e| panic!("{rel}: {e}"));
    }
}

#[test]
fn written_remessa_has_the_manual_positions() {
    let model: Remessa = serde_json::from_str(&fixture("remessa/remessa.model.json")).unwrap();
    let bytes = write_remessa(&model, Bank::new(422), Layout::Cnab400).unwrap();
    assert!(bytes.ends_with(b"\r\n"));
    let l = lines(&bytes);
    assert_eq!(l.len(), 4);
    assert!(l.iter().all(|x| x.len() == 400));
    let h = &l[0];
    assert_eq!(&h[0..26], "01REMESSA01COBRANCA       ");
    assert_eq!(&h[26..46], "00300000123456      "); // agência 5 + conta 9 (27-40), brancos 41-46
    assert_eq!(&h[76..94], "422BANCO SAFRA    "); // banco 77-79, nome 80-90, brancos 91-94
    assert_eq!(&h[94..100], "201126");
    assert_eq!(&h[391..400], "012000001"); // número do arquivo 392-394, sequencial
    let d = &l[1];
    assert_eq!(&d[0..17], "10211222333000181");
    assert_eq!(&d[17..37], "00300000123456      "); // código da empresa 18-31, brancos 32-37
    assert_eq!(&d[37..47], "PEDIDO 555"); // uso da empresa 38-62
    assert_eq!(&d[62..71], "000012343"); // nosso número 63-71 (8 + DV módulo 11)
    assert!(d[71..101].bytes().all(|b| b == b' ')); // brancos 72-101
    assert_eq!(&d[101..110], "000 05101"); // IOF, moeda, branco, instrução 3 (dias protesto), carteira, ocorrência
    assert_eq!(&d[110..120], "NF-3001   ");
    assert_eq!(&d[120..139], "1512260000000048000"); // vencimento, valor
    assert_eq!(&d[139..149], "4220000001"); // banco depositário, agência depositária, espécie
    assert_eq!(&d[149..160], "N2011261610"); // aceite, emissão, instrução 1 = 16 (multa), instrução 2 = 10 (protestar)
    assert_eq!(&d[160..173], "0000000000048"); // juros por dia
    assert_eq!(&d[205..218], "1612260200000"); // multa in abatimento: data 206-211, 02,00% 212-215, zeros 216-218
    assert_eq!(&d[218..234], "0100052998224725");
    assert_eq!(&d[234..251], "JOSE DA CONCEICAO");
    assert_eq!(&d[326..334], "01013000"); // CEP 327-334
    assert_eq!(&d[349..351], "SP");
    assert_eq!(&d[391..400], "012000002");
    let d2 = &l[2];
    assert_eq!(&d2[62..71], "000012351");
    assert_eq!(&d2[156..160], "0000"); // no instrução
    assert_eq!(&d2[173..192], "0501270000000003000"); // desconto até, valor
    let t = &l[3];
    assert_eq!(&t[0..1], "9");
    assert_eq!(&t[368..400], "00000002000000000198000012000004"); // qtd, valor total, arquivo, sequencial

    let back = match read(&bytes, ReadOptions::strict()).unwrap() {
        CnabFile::Remessa(r) => r,
        other => panic!("{other:?}"),
    };
    assert_eq!(back.titulos.len(), 2);
    let t1 = &back.titulos[0];
    assert_eq!(t1.nosso_numero, "000012343");
    assert_eq!(t1.valor, dec("480.00"));
    assert_eq!(t1.multa.valor, Some(dec("2.00")));
    assert_eq!(t1.multa.data, chrono::NaiveDate::from_ymd_opt(2026, 12, 16));
    assert_eq!(t1.abatimento, None);
    assert_eq!(
        (t1.protesto.codigo.as_str(), t1.protesto.prazo),
        ("10", Some(5))
    );
    assert_eq!(back.titulos[1].desconto.valor, Some(dec("30.00")));
}

#[test]
fn retorno_reads_codes_and_three_digit_motivos() {
    let mut model: Retorno = serde_json::from_str(&fixture("retorno/retorno.model.json")).unwrap();
    model.bank = Bank::new(422);
    model.layout = Layout::Cnab400;
    let bytes = write_retorno(&model, WriteOptions::default()).unwrap();
    let l = lines(&bytes);
    assert_eq!(&l[0][0..19], "02RETORNO01COBRANCA");
    assert_eq!(&l[0][76..84], "422SAFRA");
    let d = &l[2];
    assert_eq!(&d[104..110], "016103"); // motivo 105-107, carteira 108, ocorrência 109-110
    assert_eq!(&l[1][253..266], "0000000048000"); // valor pago 254-266
    assert_eq!(&l[1][295..301], "161226"); // data de crédito 296-301
    let d = cnab_core::detect(&bytes).unwrap();
    assert_eq!(
        (d.bank.code(), d.layout, d.kind),
        (422, Layout::Cnab400, FileKind::Retorno)
    );
    let r = match read(&bytes, ReadOptions::strict()).unwrap() {
        CnabFile::Retorno(r) => r,
        other => panic!("{other:?}"),
    };
    assert_eq!(r.entries.len(), 2);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "000012343");
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| (o.code.as_str(), o.kind)),
        Some(("06", OcorrenciaKind::Liquidacao))
    );
    assert_eq!(e.valor_pago, Some(dec("480.00")));
    assert_eq!(e.tarifa, Some(dec("3.20")));
    assert_eq!(
        e.data_credito,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 16)
    );
    assert!(e.motivos.is_empty());
    let e = &r.entries[1];
    assert_eq!(
        e.ocorrencia.as_ref().map(|o| o.kind),
        Some(OcorrenciaKind::EntradaRejeitada)
    );
    assert_eq!(
        e.motivos
            .iter()
            .map(|m| (m.code.as_str(), m.description.as_deref()))
            .collect::<Vec<_>>(),
        vec![("016", Some("CEP não consta na tabela Safra"))]
    );
}
