//! Unicred (136) CNAB 400 retorno: the Unicred retorno filed under 001 in the corpus (its header says Banco do
//! Brasil), read with the bank forced to 136 and detected as 136 (its header and details fit only Unicred's
//! tables), and the complemento do movimento as a motivo.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use cnab_core::{
    read, write_remessa, Bank, CnabFile, ErrorKind, Layout, OcorrenciaKind, ReadOptions, Remessa,
};
mod common;
use common::dec as d;

#[test]
fn corpus_unicred_file_under_001_reads_as_unicred() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/001-bb/cnab400/retorno/ocal10nbr__CNAB400UNICRED_valor_menor_1.RET");
    let Ok(bytes) = std::fs::read(p) else { return };
    let mut opts = ReadOptions::lenient();
    opts.bank = Some(Bank::new(136));
    let CnabFile::Retorno(r) = read(&bytes, opts).unwrap() else {
        panic!("not a retorno")
    };
    // The file's defects: its two details are 401 bytes long, and the trailer (000016) is that of a longer file.
    let long = r
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ErrorKind::LineLength { found: 401, .. }))
        .count();
    let trailer = r
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ErrorKind::TrailerCount { .. }))
        .count();
    // The extra byte pushes each detail's sequence number (395-400) to " 00000".
    let sequence = r
        .problems
        .iter()
        .filter(|p| p.field == Some("sequencial") && matches!(p.kind, ErrorKind::NotDigits { .. }))
        .count();
    assert_eq!(
        (long, trailer, sequence, r.problems.len()),
        (2, 1, 2, 5),
        "{:?}",
        r.problems
    );
    assert_eq!(r.entries.len(), 2);
    let e = &r.entries[0];
    assert_eq!(e.nosso_numero, "00000000000000010");
    assert_eq!(e.seu_numero, "0000005/01");
    assert_eq!(e.banco_cobrador, "136");
    assert_eq!(e.ocorrencia.as_ref().unwrap().code, "02");
    assert_eq!(e.vencimento, NaiveDate::from_ymd_opt(2020, 7, 6));
    assert_eq!(e.data_credito, NaiveDate::from_ymd_opt(2020, 7, 9));
    assert_eq!(e.valor_titulo, Some(d("300.00")));
    assert_eq!(e.valor_pago, Some(d("296.50")));
    assert_eq!(e.tarifa, Some(d("1.80")));
    assert_eq!(e.valor_creditado, Some(d("293.20")));
    assert!(e.motivos.is_empty());
}

#[test]
fn complemento_is_one_code_of_two_or_three_characters() {
    let pad = |mut l: String, seq: u32| {
        l.push_str(&" ".repeat(394 - l.len()));
        l.push_str(&format!("{seq:06}"));
        l
    };
    let header = pad(
        format!(
            "02RETORNO01COBRANCA{:7}12343000037190000000{:<30}136UNICREDDOBRASIL161226{:07}{:014}",
            "", "PADARIA", 5, 72234050
        ),
        1,
    );
    let pieces: &[(usize, &str)] = &[
        (1, "10211222333000181"),
        (18, "12343000037191"),
        (32, "00000072234050"),
        (46, "00000000000000123"),
        (74, "01"),
        (86, "019000000000000000000018"),
        (109, "03161226"),
        (147, "1512260000000012750"),
        (176, "0000000000000"),
        (228, "0000000000000000000000000000000000000000000000000000"),
        (280, "NF-1001"),
        (306, "0000000000000E10     04"),
    ];
    let mut d1 = " ".repeat(394);
    for (start, text) in pieces {
        d1.replace_range(start - 1..start - 1 + text.len(), text);
    }
    let mut d2 = d1.clone();
    d2.replace_range(318..326, "101     ");
    let trailer = pad("9".to_string(), 4);
    let text = format!("{header}\n{}\n{}\n{trailer}\n", pad(d1, 2), pad(d2, 3));
    let CnabFile::Retorno(r) = read(text.as_bytes(), ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    let e = &r.entries[0];
    assert_eq!(
        e.ocorrencia.as_ref().unwrap().kind,
        OcorrenciaKind::InstrucaoRejeitada
    );
    assert_eq!(e.motivos.len(), 1);
    assert_eq!(e.motivos[0].code, "E10");
    assert!(e.motivos[0]
        .description
        .as_deref()
        .unwrap()
        .starts_with("Instrução ‘09 – Protestar’"));
    assert_eq!(
        r.entries[1].motivos[0].description.as_deref(),
        Some("Data da apresentação inferior à data de vencimento")
    );
    assert_eq!(r.header.beneficiario.codigo_beneficiario, "00000072234050");
}

fn corpus_remessa(name: &str) -> Option<Remessa> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/136-unicred/cnab400/remessa")
        .join(name);
    let bytes = std::fs::read(p).ok()?;
    let CnabFile::Remessa(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(r.bank.unwrap().code(), 136);
    let found: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    // br_boleto's generator writes spaces at the start of 140-149 (numeric, zero-filled): its one defect.
    let expected: &[&str] = if name == "brboleto__unicred.rem" {
        &[r#"line 2, columns 140-149 (filler_2): expected digits, found "   0000000""#]
    } else {
        &[]
    };
    assert_eq!(found, expected, "{name}");
    Some(r)
}

#[test]
fn corpus_remessas_read_strictly() {
    if let Some(r) = corpus_remessa("brboleto__unicred.rem") {
        assert_eq!(
            r.header.beneficiario.codigo_beneficiario,
            "00000000000000082819"
        );
        assert_eq!(r.header.nsa, Some(1));
        let t = &r.titulos[0];
        assert_eq!(t.carteira, "021");
        // br_boleto's generator does not put a 10+1-digit nosso número at 193-203 as the manual says: the field
        // holds "00900000000" (its title number 9 ends at 195). Read as the file has it.
        assert_eq!(t.nosso_numero, "00900000000");
        assert_eq!(t.valor, d("50.00"));
        assert_eq!(t.vencimento, NaiveDate::from_ymd_opt(2016, 12, 13));
        assert_eq!(t.pagador.cidade, "ANASTACIO");
    }
    if let Some(r) = corpus_remessa("ocal10nbr__teste_remessa-unicred_400-1.REM") {
        assert_eq!(
            r.header.beneficiario.codigo_beneficiario,
            "00000000000092035760"
        );
        assert_eq!(r.titulos.len(), 2);
        let t = &r.titulos[1];
        assert_eq!(t.seu_numero, "0000003/02");
        assert_eq!(t.multa.codigo, "2");
        assert_eq!(t.multa.valor, Some(d("2.00")));
        assert_eq!(t.valor, d("700.00"));
        assert_eq!(t.nosso_numero, "00000000027");
        assert_eq!(t.pagador.inscricao.numero, "11034414000158");
    }
    if let Some(r) = corpus_remessa("pycobranca__remessa_unicred_cnab400.rem") {
        let t = &r.titulos[1];
        assert_eq!(t.movimento, "01");
        assert_eq!(t.valor, d("1350.75"));
        assert_eq!(t.nosso_numero, "00876543212"); // 0087654321 + módulo 11 DV 2
        assert_eq!(t.pagador.nome, "EMPRESA COMPRADORA LTDA  CIA");
    }
}

#[test]
fn written_remessa_matches_manual_positions() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/136-unicred/cnab400/remessa/remessa.model.json"
    ))
    .unwrap();
    let model: Remessa = serde_json::from_str(&json).unwrap();
    let bytes = write_remessa(&model, Bank::new(136), Layout::Cnab400).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.len() == 400));
    let h = lines[0];
    assert_eq!(&h[0..26], "01REMESSA01COBRANCA       ");
    assert_eq!(&h[26..46], "00000000000092035760"); // 027-046 código do beneficiário
    assert_eq!(&h[76..94], "136UNICRED        "); // 077-079, 080-094
    assert_eq!(&h[94..100], "201126"); // 095-100
    assert_eq!(&h[107..117], "0000000007"); // 108-110 variação 000, 111-117 nº sequencial do arquivo
    let l = lines[1];
    assert_eq!(&l[1..37], "012343000000000371900210000000000000"); // 002-037 agência/conta/carteira 021
    assert_eq!(&l[37..48], "PEDIDO 2001"); // 038-062
    assert_eq!(&l[62..67], "13600"); // 063-065, 066-067
    assert_eq!(&l[92..110], "0200000002001N  01"); // 093-110 multa, mora, descontável, ocorrência
    assert_eq!(&l[110..139], "NF-2001   1512260000000031000"); // 111-139
    assert_eq!(&l[149..160], "02011260105"); // 150 desconto, 151-156 emissão, 157, 158 protesto, 159-160 dias
    assert_eq!(&l[160..173], "0000000000010"); // 161-173 valor de mora
    assert_eq!(&l[192..205], "0000000001900"); // 193-203 nosso número, 204-205 zeros
    assert_eq!(&l[218..234], "0100052998224725"); // 219-220, 221-234
    assert_eq!(&l[326..334], "30110000"); // 327-334 CEP
    assert_eq!(&l[354..356], "MG"); // 355-356 UF
    let l = lines[2];
    assert_eq!(&l[149..150], "1"); // 150 código do desconto
    assert_eq!(&l[173..192], "0501270000000001500"); // 174-179, 180-192 desconto
    assert_eq!(&l[356..370], "MARIA AVALISTA"); // 357-394 pagador/avalista
    let l = lines[3];
    assert_eq!(&l[0..1], "5");
    assert_eq!(&l[121..137], "0100011144477735"); // 122-123, 124-137 avalista
    assert_eq!(&l[214..238], "NAO RECEBER APOS 30 DIAS"); // 215-274 mensagem 1
    assert_eq!(&lines[4][394..400], "000005");

    let CnabFile::Remessa(back) = read(&bytes, ReadOptions::strict()).unwrap() else {
        panic!("not a remessa")
    };
    assert_eq!(back.titulos.len(), 2);
    assert_eq!(
        back.titulos[1]
            .sacador_avalista
            .as_ref()
            .unwrap()
            .inscricao
            .numero,
        "11144477735"
    );
    assert_eq!(back.titulos[0].nosso_numero, "00000000019");
}

/// The Unicred fixture retorno with another bank's code written into its header (77-79).
fn relabelled(code: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/136-unicred/cnab400/retorno/retorno.ret");
    let mut bytes = std::fs::read(p).unwrap();
    bytes[76..79].copy_from_slice(code.as_bytes());
    bytes
}

#[test]
fn a_header_naming_another_bank_is_read_with_the_layout_the_details_fit() {
    let bytes = relabelled("001");
    let d = cnab_core::detect(&bytes).unwrap();
    assert_eq!(d.bank.code(), 136);
    // Strict reading names the contradiction.
    let e = read(&bytes, ReadOptions::strict()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 1, columns 77-79: the header says bank 001, its records say bank 136; read as bank 136"
    );
    // Lenient reading gives the entries the unlabelled file gives, and that one problem.
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    let original = relabelled("136");
    let CnabFile::Retorno(o) = read(&original, ReadOptions::strict()).unwrap() else {
        panic!("not a retorno")
    };
    assert!(!o.entries.is_empty());
    assert_eq!(r.entries, o.entries);
    let codes: Vec<&str> = r.problems.iter().map(|p| p.code()).collect();
    assert_eq!(codes, ["header_bank_conflict"]);
    // Given the bank, nothing is reported.
    let mut opts = ReadOptions::strict();
    opts.bank = Some(Bank::new(136));
    assert!(read(&bytes, opts).is_ok());
    // The streaming reader detects the same way.
    let streamed: Vec<_> = cnab_core::RetornoReader::new(&bytes[..], ReadOptions::lenient())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(streamed, o.entries);
}

#[test]
fn a_bank_whose_own_table_fits_keeps_its_header_bank() {
    // BB's own retorno fixture is read as BB: the rule applies only when the header bank's table fits no detail.
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/001-bb/cnab400/retorno/retorno.ret");
    let bytes = std::fs::read(p).unwrap();
    assert_eq!(cnab_core::detect(&bytes).unwrap().bank.code(), 1);
    // A damaged Caixa retorno (letters in its nosso número) fits several other banks' loose tables: nothing says
    // which, so it stays Caixa's and Caixa's table names the field.
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/104-caixa/cnab400/retorno/marcodptcnab__caixa.txt");
    if let Ok(bytes) = std::fs::read(p) {
        assert_eq!(cnab_core::detect(&bytes).unwrap().bank.code(), 104);
        let e = read(&bytes, ReadOptions::strict()).unwrap_err();
        assert_eq!(e.field, Some("nosso_numero"));
    }
}

#[test]
fn corpus_unicred_file_under_001_is_detected_as_unicred() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real/001-bb/cnab400/retorno/ocal10nbr__CNAB400UNICRED_valor_menor_1.RET");
    let Ok(bytes) = std::fs::read(p) else { return };
    assert_eq!(cnab_core::detect(&bytes).unwrap().bank.code(), 136);
    let CnabFile::Retorno(r) = read(&bytes, ReadOptions::lenient()).unwrap() else {
        panic!("not a retorno")
    };
    assert_eq!(r.bank.code(), 136);
    assert_eq!(r.problems[0].code(), "header_bank_conflict");
    assert_eq!(r.entries.len(), 2);
    assert_eq!(r.entries[0].nosso_numero, "00000000000000010");
    assert_eq!(r.entries[0].seu_numero, "0000005/01");
    assert_eq!(
        r.entries[0].valor_pago,
        Some(rust_decimal::Decimal::new(29650, 2))
    );
    assert_eq!(
        r.entries[1].valor_creditado,
        Some(rust_decimal::Decimal::new(69320, 2))
    );
}
