//! Titles from CSV, JSON and remessas: the issue's columns, errors naming row and column.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly
use baixa::{
    from_remessa, import, titles_from_csv, titles_from_json, DescontoTipo, ImportError, JurosTipo,
    MultaTipo,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::path::PathBuf;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

const FULL: &str = "id,banco,nosso_numero,valor,vencimento,convenio,seu_numero,emissao,pagador_documento,pagador_nome,multa_pct,multa_valor,juros_pct_mes,juros_valor_dia,desconto_valor,desconto_pct,desconto_ate,abatimento
NF-1,341,12345678,1000.00,2026-03-10,123456,NF-1,2026-02-10,12345678901,Maria,2,,1,,50.00,,2026-03-05,
NF-2,001,,250.5,2026-04-01,,NF-2,,,,,5.00,,0.10,,10,,20
";

#[test]
fn csv_every_column() {
    let t = titles_from_csv(FULL.as_bytes()).unwrap();
    assert_eq!(t.len(), 2);
    let a = &t[0];
    assert_eq!(
        (
            a.id.as_str(),
            a.banco.code(),
            a.nosso_numero.as_str(),
            a.valor
        ),
        ("NF-1", 341, "12345678", dec("1000.00"))
    );
    assert_eq!(a.vencimento, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
    assert_eq!(
        (
            a.convenio.as_str(),
            a.pagador.documento.as_str(),
            a.pagador.nome.as_str()
        ),
        ("123456", "12345678901", "Maria")
    );
    let m = a.multa.as_ref().unwrap();
    assert_eq!((m.tipo, m.valor), (MultaTipo::Percentual, dec("2")));
    let j = a.juros.as_ref().unwrap();
    assert_eq!((j.tipo, j.valor), (JurosTipo::PercentualMes, dec("1")));
    assert_eq!(a.descontos[0].tipo, DescontoTipo::Valor);
    assert_eq!(a.descontos[0].ate, NaiveDate::from_ymd_opt(2026, 3, 5));
    let b = &t[1];
    assert_eq!(
        (b.banco.code(), b.nosso_numero.as_str(), b.abatimento),
        (1, "", dec("20"))
    );
    assert_eq!(b.multa.as_ref().unwrap().tipo, MultaTipo::Valor);
    assert_eq!(b.juros.as_ref().unwrap().tipo, JurosTipo::ValorDia);
    assert_eq!(
        (b.descontos[0].tipo, b.descontos[0].ate),
        (DescontoTipo::Percentual, None)
    );
}

#[test]
fn json_same_keys() {
    let json = r#"[{"id":"NF-1","banco":341,"nosso_numero":"12345678","valor":"1000.00","vencimento":"2026-03-10","multa_pct":2,"juros_pct_mes":"1","desconto_valor":"50.00","desconto_ate":"2026-03-05"}]"#;
    let from_json = titles_from_json(json.as_bytes()).unwrap();
    let from_csv = titles_from_csv(b"id,banco,nosso_numero,valor,vencimento,multa_pct,juros_pct_mes,desconto_valor,desconto_ate\nNF-1,341,12345678,1000.00,2026-03-10,2,1,50.00,2026-03-05\n").unwrap();
    assert_eq!(from_json, from_csv);
    assert_eq!(import(json.as_bytes()).unwrap(), from_json);
}

fn err(csv: &str) -> String {
    titles_from_csv(csv.as_bytes()).unwrap_err().to_string()
}

#[test]
fn errors_name_row_and_column() {
    let h = "id,banco,nosso_numero,valor,vencimento";
    assert_eq!(
        err(&format!(
            "{h}\nA,341,1,10.00,2026-01-01\nB,341,2,10.00,01/02/2026\n"
        )),
        "row 3, column vencimento: expected YYYY-MM-DD, found \"01/02/2026\""
    );
    assert_eq!(
        err(&format!("{h}\nA,341,1,\"10,00\",2026-01-01\n")),
        "row 2, column valor: expected a decimal with a dot, found \"10,00\""
    );
    assert_eq!(
        err(&format!("{h}\nA,341,1,-5,2026-01-01\n")),
        "row 2, column valor: must not be negative, found \"-5\""
    );
    assert_eq!(
        err(&format!("{h}\n,341,1,10,2026-01-01\n")),
        "row 2, column id: required, found empty"
    );
    assert_eq!(
        err(&format!("{h}\nA,341,,10,2026-01-01\n")),
        "row 2, column nosso_numero: required (may be empty only with a seu_numero, when the bank assigns it)"
    );
    assert_eq!(
        err(&format!("{h}\nA,3411,1,10,2026-01-01\n")),
        "row 2, column banco: expected a bank code of up to 3 digits, found \"3411\""
    );
    assert_eq!(
        err(&format!(
            "{h}\nA,341,1,10,2026-01-01\nA,341,2,10,2026-01-01\n"
        )),
        "row 3, column id: duplicate id \"A\""
    );
    assert_eq!(
        err("id,banco,nosso_numero,valor\n"),
        "header: missing required column \"vencimento\""
    );
    assert_eq!(
        err(&format!("{h},juros_mes\n")),
        "header: unknown column \"juros_mes\""
    );
    assert_eq!(
        err(&format!(
            "{h},multa_pct,multa_valor\nA,341,1,10,2026-01-01,2,3\n"
        )),
        "row 2, column multa_valor: give multa_pct or multa_valor, not both"
    );
    assert_eq!(
        err(&format!("{h}\nA,341,1,10.005,2026-01-01\n")),
        "row 2, column valor: an amount has at most two decimal places, found \"10.005\""
    );
    assert_eq!(
        err(&format!("{h},abatimento\nA,341,1,10,2026-01-01,0.001\n")),
        "row 2, column abatimento: an amount has at most two decimal places, found \"0.001\""
    );
    assert_eq!(
        err(&format!(
            "{h},juros_pct_mes,juros_valor_dia\nA,341,1,10,2026-01-01,1,0.5\n"
        )),
        "row 2, column juros_valor_dia: give juros_pct_mes or juros_valor_dia, not both"
    );
    assert_eq!(
        err(&format!(
            "{h},desconto_valor,desconto_pct\nA,341,1,10,2026-01-01,1,5\n"
        )),
        "row 2, column desconto_pct: give desconto_valor or desconto_pct, not both"
    );
    assert_eq!(
        err(&format!(
            "{h},desconto_ate\nA,341,1,10,2026-01-01,2026-01-01\n"
        )),
        "row 2, column desconto_ate: a date without desconto_valor or desconto_pct"
    );
    let e = titles_from_json(br#"[{"id":"A","banco":"341","nosso_numero":"1","valor":"1","vencimento":"2026-01-01"},{"id":"B","banco":"341","nosso_numero":"1","valor":true,"vencimento":"2026-01-01"}]"#).unwrap_err();
    assert_eq!(
        e,
        ImportError::Field {
            row: 2,
            column: "valor".into(),
            message: "expected a string or a number".into()
        }
    );
    let e = titles_from_json(br#"[{"id":"A","banco":"341","nosso_numero":"1","valor":"1","vencimento":"2026-01-01","multa":"2"}]"#).unwrap_err();
    assert_eq!(e.to_string(), "row 1, column multa: unknown key");
}

fn corpus(rel: &str) -> Option<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if !dir.is_dir() {
        eprintln!("corpus absent: skipping");
        return None;
    }
    Some(std::fs::read(dir.join(rel)).unwrap())
}

#[test]
fn titles_from_a_real_remessa_carry_their_charges() {
    let Some(bytes) = corpus("104-caixa/cnab240/remessa/brcobranca__remessa-caixa-cnab240.rem")
    else {
        return;
    };
    let rem = cnab_core::read_remessa(&bytes, cnab_core::ReadOptions::lenient()).unwrap();
    let titles = from_remessa(&rem).unwrap();
    assert_eq!(titles.len(), rem.titulos.len());
    for (t, r) in titles.iter().zip(&rem.titulos) {
        assert_eq!(t.banco.code(), 104);
        assert_eq!(t.valor, r.valor);
        assert_eq!(Some(t.vencimento), r.vencimento);
        let expect_id = if r.seu_numero.trim().is_empty() {
            r.nosso_numero.trim()
        } else {
            r.seu_numero.trim()
        };
        assert_eq!(t.id, expect_id);
        // a juros value with FEBRABAN code 1 is a value per day, 2 a rate a month
        match (
            r.juros.codigo.as_str(),
            r.juros.valor.filter(|v| !v.is_zero()),
        ) {
            ("1", Some(v)) => assert_eq!(
                t.juros.as_ref().map(|j| (j.tipo, j.valor)),
                Some((JurosTipo::ValorDia, v))
            ),
            ("2", Some(v)) => assert_eq!(
                t.juros.as_ref().map(|j| (j.tipo, j.valor)),
                Some((JurosTipo::PercentualMes, v))
            ),
            (_, None) => assert!(t.juros.is_none()),
            _ => {}
        }
    }
}

#[test]
fn remessa_codes_map_to_rules() {
    let mut rem = cnab_core::Remessa {
        bank: Some(cnab_core::Bank::new(33)),
        header: Default::default(),
        titulos: vec![cnab_core::Titulo {
            movimento: "01".into(),
            nosso_numero: "1234567".into(),
            nosso_numero_dv: Some("8".into()),
            seu_numero: "NF-3".into(),
            vencimento: NaiveDate::from_ymd_opt(2026, 5, 5),
            valor: dec("500.00"),
            line: 3,
            ..Default::default()
        }],
        records: vec![],
        problems: vec![],
    };
    rem.header.beneficiario.codigo_beneficiario = "0004567".into();
    let t0 = &mut rem.titulos[0];
    t0.juros = cnab_core::Encargo {
        codigo: "2".into(),
        data: None,
        valor: Some(dec("3.00")),
    };
    t0.multa = cnab_core::Encargo {
        codigo: "4".into(),
        data: NaiveDate::from_ymd_opt(2026, 5, 6),
        valor: Some(dec("2.00")),
    };
    t0.desconto = cnab_core::Encargo {
        codigo: "1".into(),
        data: NaiveDate::from_ymd_opt(2026, 5, 1),
        valor: Some(dec("10.00")),
    };
    let t = &from_remessa(&rem).unwrap()[0];
    assert_eq!(
        (
            t.id.as_str(),
            t.convenio.as_str(),
            t.nosso_numero_dv.as_deref()
        ),
        ("NF-3", "0004567", Some("8"))
    );
    assert_eq!(
        t.juros.as_ref().map(|j| (j.tipo, j.valor)),
        Some((JurosTipo::PercentualMes, dec("3.00")))
    );
    assert_eq!(
        t.multa.as_ref().map(|m| (m.tipo, m.valor, m.desde)),
        Some((
            MultaTipo::Percentual,
            dec("2.00"),
            NaiveDate::from_ymd_opt(2026, 5, 6)
        ))
    );
    assert_eq!(t.descontos[0].ate, NaiveDate::from_ymd_opt(2026, 5, 1));
    // an unmapped code is an error naming the line and the field
    rem.titulos[0].multa.codigo = "7".into();
    assert_eq!(
        from_remessa(&rem).unwrap_err().to_string(),
        "row 3, column multa_codigo: multa code \"7\" is not mapped to a rule"
    );
}
