//! Property tests over every bank and layout that has a remessa table in `cnab_core::banks::ALL` (iterated at run
//! time, so banks added later are covered without touching this file):
//!
//! - random valid titles → `write_remessa` → `read_remessa` gives the values back, for the roles the layout's
//!   entry records carry;
//! - one random byte changed in a valid written file → a strict read is `Ok` or a typed error on the changed line
//!   (or a trailer/structure error), and a lenient read never panics.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use cnab_core::bank::Emit;
use cnab_core::{
    banks, read_remessa, write_remessa, Bank, ErrorKind, FileKind, Kind, LayoutSpec, ReadOptions,
    Remessa, Role, Titulo,
};
use cnab_core::{Beneficiario, Header, Inscricao, Pessoa};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rust_decimal::Decimal;

/// Every (bank, remessa layout spec).
fn remessa_specs() -> Vec<(u16, &'static LayoutSpec)> {
    banks::ALL
        .iter()
        .flat_map(|b| {
            b.layouts()
                .filter(|s| s.kind == FileKind::Remessa)
                .map(move |s| (b.code, s))
        })
        .collect()
}

/// The narrowest field with `role` among the records a title writes (`None` if no emitted record has it).
fn entry_width(spec: &LayoutSpec, role: Role) -> Option<(usize, Kind)> {
    spec.entry
        .iter()
        .filter(|e| e.emit != Emit::Never)
        .filter_map(|e| spec.record(e.key))
        .flat_map(|l| l.fields.iter())
        .filter(|f| f.role == Some(role))
        .map(|f| (f.len(), f.kind))
        .min_by_key(|(w, _)| *w)
}

/// The narrowest header field with `role` (file header and, for CNAB 240, batch header).
fn header_width(spec: &LayoutSpec, role: Role) -> Option<usize> {
    spec.records
        .iter()
        .filter(|(k, _)| {
            matches!(
                k,
                cnab_core::RecordKey::FileHeader | cnab_core::RecordKey::BatchHeader
            )
        })
        .flat_map(|(_, l)| l.fields.iter())
        .filter(|f| f.role == Some(role))
        .map(|f| f.len())
        .min()
}

fn digits(n: usize, seed: u64) -> String {
    let s = format!(
        "{:020}",
        seed.wrapping_mul(2_654_435_761).wrapping_add(123_456_789)
    );
    s.chars().rev().cycle().take(n).collect()
}

fn header(spec: &LayoutSpec) -> Header {
    let fit = |role: Role, v: &str| -> String {
        match header_width(spec, role) {
            Some(w) => v
                .chars()
                .rev()
                .take(w)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect(),
            None => v.to_string(),
        }
    };
    Header {
        beneficiario: Beneficiario {
            nome: "EMPRESA TESTE LTDA".into(),
            inscricao: Inscricao {
                tipo: Some(2),
                numero: "11222333000181".into(),
            },
            agencia: fit(Role::Agencia, "0057"),
            agencia_dv: fit(Role::AgenciaDv, "1"),
            conta: fit(Role::Conta, "12345"),
            conta_dv: fit(Role::ContaDv, "7"),
            convenio: fit(Role::Convenio, "1234567"),
            codigo_beneficiario: fit(Role::CodigoBeneficiario, "1234567"),
            ..Beneficiario::default()
        },
        banco_nome: String::new(),
        nsa: Some(1),
        data_geracao: NaiveDate::from_ymd_opt(2026, 1, 2),
        layout_versao: String::new(),
        data_credito: None,
    }
}

/// A valid CPF from 9 digits: the two check digits computed.
fn cpf(base: [u8; 9]) -> String {
    let mut d: Vec<u32> = base.iter().map(|&b| u32::from(b % 10)).collect();
    if d.iter().all(|&x| x == d[0]) {
        d[8] = (d[0] + 1) % 10; // all-equal CPFs are invalid
    }
    for n in [9usize, 10] {
        let s: u32 = d
            .iter()
            .enumerate()
            .map(|(i, &x)| x * (n as u32 + 1 - i as u32))
            .sum();
        let r = (s * 10) % 11;
        d.push(if r == 10 { 0 } else { r });
    }
    d.iter().map(|x| char::from(b'0' + *x as u8)).collect()
}

#[derive(Debug, Clone)]
struct Gen {
    nn_seed: u64,
    nn_len: usize,
    seu_numero: String,
    cents: i64,
    venc: u32,
    emissao: u32,
    nome: String,
    cpf: [u8; 9],
}

fn gen() -> impl Strategy<Value = Gen> {
    (
        any::<u64>(),
        1usize..=20,
        "[A-Z0-9]{1,10}",
        1i64..=999_999_999,
        0u32..7300,
        0u32..7300,
        "[A-Z][A-Z ]{0,28}[A-Z]",
        any::<[u8; 9]>(),
    )
        .prop_map(
            |(nn_seed, nn_len, seu_numero, cents, venc, emissao, nome, cpf)| Gen {
                nn_seed,
                nn_len,
                seu_numero,
                cents,
                venc,
                emissao,
                nome,
                cpf,
            },
        )
}

fn date(days: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2020, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(days))))
}

fn titulo(spec: &LayoutSpec, g: &Gen) -> Titulo {
    let nn_w = entry_width(spec, Role::NossoNumero).map_or(8, |(w, _)| w);
    let seu_w = entry_width(spec, Role::SeuNumero).map_or(10, |(w, _)| w);
    let carteira =
        entry_width(spec, Role::Carteira).map_or(String::new(), |(w, _)| digits(w.min(2), 1));
    let mut nome = g.nome.clone();
    if let Some((w, _)) = entry_width(spec, Role::PagadorNome) {
        nome.truncate(w);
        nome = nome.trim_end().to_string();
    }
    Titulo {
        movimento: "01".into(),
        nosso_numero: digits(g.nn_len.min(nn_w), g.nn_seed),
        // Given, so that banks whose writer computes the DV (with per-bank width rules) need not.
        nosso_numero_dv: Some("0".into()),
        seu_numero: g.seu_numero.chars().take(seu_w).collect(),
        carteira,
        // A code of the field's width (Sicredi 400's espécie is one letter: "A" = duplicata mercantil).
        especie: match entry_width(spec, Role::Especie) {
            Some((1, Kind::Num { .. })) => "2".into(),
            Some((1, _)) => "A".into(),
            _ => "01".into(),
        },
        aceite: "N".into(),
        emissao: date(g.emissao),
        vencimento: date(g.venc),
        valor: Decimal::new(g.cents, 2),
        pagador: Pessoa {
            inscricao: Inscricao {
                tipo: Some(1),
                numero: cpf(g.cpf),
            },
            nome,
            endereco: "RUA A 1".into(),
            bairro: "CENTRO".into(),
            cep: "01001000".into(),
            cidade: "SAO PAULO".into(),
            uf: "SP".into(),
        },
        ..Titulo::default()
    }
}

fn strip_zeros(s: &str) -> &str {
    let t = s.trim().trim_start_matches('0');
    if t.is_empty() && !s.trim().is_empty() {
        "0"
    } else {
        t
    }
}

/// Compares what the layout carries; returns the first difference.
fn compare(spec: &LayoutSpec, want: &Titulo, got: &Titulo) -> Result<(), String> {
    let has = |r: Role| entry_width(spec, r).is_some();
    let mut diffs = Vec::new();
    if has(Role::NossoNumero) && strip_zeros(&want.nosso_numero) != strip_zeros(&got.nosso_numero) {
        diffs.push(format!(
            "nosso_numero {:?} → {:?}",
            want.nosso_numero, got.nosso_numero
        ));
    }
    if has(Role::SeuNumero) && want.seu_numero.trim() != got.seu_numero.trim() {
        diffs.push(format!(
            "seu_numero {:?} → {:?}",
            want.seu_numero, got.seu_numero
        ));
    }
    if has(Role::ValorTitulo) && want.valor != got.valor {
        diffs.push(format!("valor {} → {}", want.valor, got.valor));
    }
    if has(Role::Vencimento) && want.vencimento != got.vencimento {
        diffs.push(format!(
            "vencimento {:?} → {:?}",
            want.vencimento, got.vencimento
        ));
    }
    if has(Role::Emissao) && want.emissao != got.emissao {
        diffs.push(format!("emissao {:?} → {:?}", want.emissao, got.emissao));
    }
    if has(Role::PagadorNome) && want.pagador.nome != got.pagador.nome {
        diffs.push(format!(
            "pagador.nome {:?} → {:?}",
            want.pagador.nome, got.pagador.nome
        ));
    }
    if has(Role::PagadorInscricao)
        && strip_zeros(&want.pagador.inscricao.numero) != strip_zeros(&got.pagador.inscricao.numero)
    {
        diffs.push(format!(
            "pagador.inscricao {:?} → {:?}",
            want.pagador.inscricao.numero, got.pagador.inscricao.numero
        ));
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs.join("; "))
    }
}

fn opts_for(code: u16, spec: &LayoutSpec, lenient: bool) -> ReadOptions {
    ReadOptions {
        lenient,
        bank: Some(Bank::new(code)),
        layout: Some(spec.layout),
        kind: Some(FileKind::Remessa),
        ..ReadOptions::default()
    }
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 64,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn write_then_read_gives_the_model_back() {
    let mut failures = Vec::new();
    let specs = remessa_specs();
    assert!(!specs.is_empty(), "no bank has a remessa layout");
    for (code, spec) in specs {
        if entry_width(spec, Role::ValorTitulo).is_none()
            || entry_width(spec, Role::NossoNumero).is_none()
        {
            failures.push(format!(
                "bank {code:03} {}: the entry records carry no valor_titulo or no nosso_numero",
                spec.layout
            ));
        }
        let mut runner = runner();
        let result = runner.run(&proptest::collection::vec(gen(), 1..4), |gens| {
            let remessa = Remessa {
                bank: None,
                header: header(spec),
                titulos: gens.iter().map(|g| titulo(spec, g)).collect(),
                records: Vec::new(),
                problems: Vec::new(),
            };
            let bytes = write_remessa(&remessa, Bank::new(code), spec.layout)
                .map_err(|e| TestCaseError::fail(format!("write: {e}")))?;
            let back = read_remessa(&bytes, opts_for(code, spec, false))
                .map_err(|e| TestCaseError::fail(format!("read: {e}")))?;
            prop_assert_eq!(back.titulos.len(), remessa.titulos.len());
            for (w, g) in remessa.titulos.iter().zip(&back.titulos) {
                compare(spec, w, g).map_err(TestCaseError::fail)?;
            }
            Ok(())
        });
        if let Err(e) = result {
            failures.push(format!("bank {code:03} {}: {e}", spec.layout));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Error kinds that may legitimately point away from the corrupted line: counts and structure are checked where
/// the trailer or the next record is.
fn structural(kind: &ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::TrailerCount { .. }
            | ErrorKind::Structure { .. }
            | ErrorKind::MissingTrailer
            | ErrorKind::MissingHeader
            | ErrorKind::Empty
    )
}

#[test]
fn one_corrupted_byte_is_reported_on_its_line() {
    let bytes_strategy = prop_oneof![
        Just(b'A'),
        Just(b'z'),
        Just(b'9'),
        Just(b'0'),
        Just(b' '),
        Just(b','),
        Just(b'-'),
        Just(0u8),
        Just(0x1Au8),
        Just(0xFFu8),
        Just(0xC3u8),
        any::<u8>().prop_filter("not a line break", |b| *b != b'\n' && *b != b'\r'),
    ];
    let mut failures = Vec::new();
    for (code, spec) in remessa_specs() {
        let g = Gen {
            nn_seed: 42,
            nn_len: 7,
            seu_numero: "NF1".into(),
            cents: 12_345,
            venc: 2000,
            emissao: 1990,
            nome: "FULANO DE TAL".into(),
            cpf: [5, 2, 9, 9, 8, 2, 2, 4, 7],
        };
        let remessa = Remessa {
            bank: None,
            header: header(spec),
            titulos: vec![
                titulo(spec, &g),
                titulo(
                    spec,
                    &Gen {
                        nn_seed: 7,
                        ..g.clone()
                    },
                ),
            ],
            records: Vec::new(),
            problems: Vec::new(),
        };
        let Ok(valid) = write_remessa(&remessa, Bank::new(code), spec.layout) else {
            failures.push(format!(
                "bank {code:03} {}: the base file does not write",
                spec.layout
            ));
            continue;
        };
        // Each record line's offset and length (a layout's header may be shorter than its records: BRB's "DCB").
        let mut lines = Vec::new();
        let mut at = 0;
        for l in valid.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            lines.push((at, l.len() - usize::from(l.ends_with(b"\r"))));
            at += l.len() + 1;
        }
        let n_lines = lines.len();
        let mut runner = runner();
        let result = runner.run(
            &(
                0..n_lines,
                0..spec.layout.line_len(),
                bytes_strategy.clone(),
            ),
            |(line, col, byte)| {
                let mut bytes = valid.clone();
                let (start, len) = lines[line];
                bytes[start + col % len] = byte;
                let _ = read_remessa(&bytes, opts_for(code, spec, true));
                let _ = cnab_core::read(&bytes, ReadOptions::lenient());
                match read_remessa(&bytes, opts_for(code, spec, false)) {
                    Ok(_) => Ok(()),
                    Err(e) if e.line == line + 1 || structural(&e.kind) => Ok(()),
                    Err(e) => Err(TestCaseError::fail(format!(
                        "byte {byte:#04x} at line {}, column {}: error points elsewhere: {e}",
                        line + 1,
                        col % len + 1
                    ))),
                }
            },
        );
        if let Err(e) = result {
            failures.push(format!("bank {code:03} {}: {e}", spec.layout));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
