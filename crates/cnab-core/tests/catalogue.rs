//! A catalogue of malformed inputs, each built from a valid file, with the exact outcome expected: the strict
//! error (its `Display`, which carries line, columns, field and kind) and the lenient problems.
//!
//! Sources: the Itaú CNAB 240 retorno fixture, and Itaú CNAB 400 retorno/remessa files written at test time from
//! the fixture models (so the catalogue follows the tables as they are edited).
//!
//! `CATALOGUE_PRINT=1 cargo test -p cnab-core --test catalogue -- --nocapture` prints every actual outcome in the
//! table's syntax, to review by hand when a message changes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufReader, Read};
use std::path::PathBuf;

use cnab_core::{
    read, write_remessa, write_retorno, Bank, CnabFile, ErrorKind, Layout, ReadOptions, Remessa,
    Retorno, RetornoReader,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/341-itau")
}

/// Lines of a file, without endings.
fn lines_of(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l).to_vec())
        .filter(|l| !l.is_empty())
        .collect()
}

fn crlf(lines: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in lines {
        out.extend_from_slice(l);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Overwrites positions `start..` (1-based) of a line.
fn put(line: &mut [u8], start: usize, with: &[u8]) {
    line[start - 1..start - 1 + with.len()].copy_from_slice(with);
}

fn ret240() -> Vec<Vec<u8>> {
    let bytes = std::fs::read(root().join("cnab240/retorno/retorno.ret")).expect("fixture");
    lines_of(&bytes)
}

fn ret400() -> Vec<Vec<u8>> {
    let json =
        std::fs::read_to_string(root().join("cnab240/retorno/retorno.model.json")).expect("model");
    let mut model: Retorno = serde_json::from_str(&json).expect("model json");
    model.bank = Bank::new(341);
    model.layout = Layout::Cnab400;
    lines_of(&write_retorno(&model, Default::default()).expect("write 400 retorno"))
}

fn rem400() -> Vec<Vec<u8>> {
    let json =
        std::fs::read_to_string(root().join("cnab240/remessa/remessa.model.json")).expect("model");
    let model: Remessa = serde_json::from_str(&json).expect("model json");
    lines_of(&write_remessa(&model, Bank::new(341), Layout::Cnab400).expect("write 400 remessa"))
}

fn with(mut lines: Vec<Vec<u8>>, f: impl FnOnce(&mut Vec<Vec<u8>>)) -> Vec<u8> {
    f(&mut lines);
    crlf(&lines)
}

/// Every case: a name and its bytes.
fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let r = ret240;
    let mut v: Vec<(&'static str, Vec<u8>)> = vec![
        ("valid_240", crlf(&r())),
        ("empty_file", Vec::new()),
        ("only_whitespace", b"   \r\n \t \n\n   ".to_vec()),
        ("only_newlines", b"\r\n\r\n\n".to_vec()),
        ("only_eof_mark", b"\x1a".to_vec()),
        (
            "bom_then_valid",
            [b"\xEF\xBB\xBF".as_slice(), &crlf(&r())].concat(),
        ),
        ("eof_mark_at_end", [crlf(&r()).as_slice(), b"\x1a"].concat()),
        (
            "trailing_blank_lines",
            [crlf(&r()).as_slice(), b"\r\n\r\n   \r\n"].concat(),
        ),
        ("no_final_newline", {
            let mut b = crlf(&r());
            b.truncate(b.len() - 2);
            b
        }),
        ("mixed_line_endings", {
            let l = r();
            let mut b = Vec::new();
            for (i, line) in l.iter().enumerate() {
                b.extend_from_slice(line);
                b.extend_from_slice([b"\r\n".as_slice(), b"\n", b"\r"][i % 3]);
            }
            b
        }),
        ("short_line", with(r(), |l| l[2].truncate(239))),
        ("long_line", with(r(), |l| l[2].push(b' '))),
        (
            "line_of_400_in_240_file",
            with(r(), |l| l[2].resize(400, b' ')),
        ),
        (
            "blank_line_in_the_middle",
            with(r(), |l| l.insert(3, Vec::new())),
        ),
        (
            "letters_in_valor_pago",
            with(r(), |l| put(&mut l[3], 78, b"00000000000ABC50")),
        ),
        (
            "minus_sign_in_valor_titulo",
            with(r(), |l| put(&mut l[2], 82, b"-00000000012750")),
        ),
        (
            "comma_in_valor_titulo",
            with(r(), |l| put(&mut l[2], 82, b"00000000000127,50")),
        ),
        (
            "plus_sign_in_valor_titulo",
            with(r(), |l| put(&mut l[2], 82, b"+00000000012750")),
        ),
        (
            "space_inside_number",
            with(r(), |l| put(&mut l[2], 82, b"0000000001 2750")),
        ),
        (
            "feb_31_vencimento",
            with(r(), |l| put(&mut l[2], 74, b"31022026")),
        ),
        (
            "month_13_data_ocorrencia",
            with(r(), |l| put(&mut l[3], 138, b"15132026")),
        ),
        (
            "zero_vencimento",
            with(r(), |l| put(&mut l[2], 74, b"00000000")),
        ),
        (
            "letters_in_date",
            with(r(), |l| put(&mut l[2], 74, b"1512AB26")),
        ),
        (
            "missing_file_header",
            with(r(), |l| {
                l.remove(0);
            }),
        ),
        (
            "missing_file_trailer",
            with(r(), |l| {
                l.pop();
            }),
        ),
        (
            "missing_batch_trailer",
            with(r(), |l| {
                l.remove(6);
            }),
        ),
        (
            "missing_batch_header",
            with(r(), |l| {
                l.remove(1);
            }),
        ),
        (
            "trailer_record_count_wrong",
            with(r(), |l| put(&mut l[7], 24, b"000009")),
        ),
        (
            "trailer_batch_count_wrong",
            with(r(), |l| put(&mut l[7], 18, b"000002")),
        ),
        (
            "batch_trailer_count_wrong",
            with(r(), |l| put(&mut l[6], 18, b"000007")),
        ),
        (
            "batch_trailer_sum_wrong",
            with(r(), |l| put(&mut l[6], 30, b"00000000000262751")),
        ),
        (
            "wrong_batch_number_in_segment",
            with(r(), |l| put(&mut l[2], 4, b"0002")),
        ),
        (
            "segment_u_without_t",
            with(r(), |l| {
                l.remove(2);
            }),
        ),
        ("unknown_segment", with(r(), |l| l[2][13] = b'Z')),
        ("unknown_record_type", with(r(), |l| l[2][7] = b'7')),
        (
            "record_after_trailer",
            with(r(), |l| {
                let x = l[2].clone();
                l.push(x);
            }),
        ),
        (
            "second_file_header",
            with(r(), |l| {
                let x = l[0].clone();
                l.insert(1, x);
            }),
        ),
        (
            "unknown_bank",
            with(r(), |l| l.iter_mut().for_each(|x| put(x, 1, b"998"))),
        ),
        (
            "unknown_ocorrencia",
            with(r(), |l| put(&mut l[2], 16, b"99")),
        ),
        (
            "bad_constant_lote_in_file_header",
            with(r(), |l| put(&mut l[0], 4, b"0007")),
        ),
        (
            "bad_constant_lote_in_file_trailer",
            with(r(), |l| put(&mut l[7], 4, b"9998")),
        ),
        (
            "neither_remessa_nor_retorno",
            with(r(), |l| {
                l[0][142] = b'7';
                l.retain(|x| x[7] != b'3');
            }),
        ),
        ("garbage_first_line", b"hello, world\r\n".to_vec()),
        (
            "nul_bytes_in_number",
            with(r(), |l| put(&mut l[3], 78, b"\0\0\0")),
        ),
        ("only_nul_bytes", vec![0u8; 1000]),
        (
            "nul_line_in_the_middle",
            with(r(), |l| l.insert(3, vec![0u8; 240])),
        ),
        (
            "latin1_accents_in_text",
            with(r(), |l| put(&mut l[0], 73, b"PADARIA S\xC3O JO\xC3O")),
        ),
        (
            "utf8_accents_in_text",
            with(r(), |l| {
                // 240 characters, 242 bytes: a file re-encoded to UTF-8 reads as Windows-1252.
                let mut x = l[0][..72].to_vec();
                x.extend_from_slice("PADARIA SÃO JOÃO".as_bytes());
                x.extend_from_slice(&l[0][88..]);
                l[0] = x;
            }),
        ),
        (
            "control_char_0x1a_inside_line",
            with(r(), |l| l[3][100] = 0x1A),
        ),
    ];
    let r4 = ret400;
    v.extend([
        ("valid_400_retorno", crlf(&r4())),
        ("valid_400_remessa", crlf(&rem400())),
        (
            "line_of_240_in_400_file",
            with(r4(), |l| l[1].truncate(240)),
        ),
        (
            "letters_in_400_valor",
            with(r4(), |l| put(&mut l[1], 153, b"0000000012X50")),
        ),
        (
            "feb_31_400_date_ddmmyy",
            with(r4(), |l| put(&mut l[1], 111, b"310226")),
        ),
        (
            "wrong_400_trailer_sequencial",
            with(r4(), |l| {
                let n = l.len() - 1;
                put(&mut l[n], 395, b"000009")
            }),
        ),
        (
            "missing_400_trailer",
            with(r4(), |l| {
                l.pop();
            }),
        ),
        (
            "unknown_400_bank",
            with(r4(), |l| put(&mut l[0], 77, b"998")),
        ),
        (
            "unknown_400_kind",
            with(r4(), |l| {
                put(&mut l[0], 2, b"7");
                put(&mut l[0], 3, b"XXXXXXX")
            }),
        ),
        ("unknown_400_record_type", with(r4(), |l| l[1][0] = b'8')),
        (
            "remessa_400_letters_in_valor",
            with(rem400(), |l| put(&mut l[1], 127, b"00000000012A5")),
        ),
        (
            "remessa_400_feb_30_vencimento",
            with(rem400(), |l| put(&mut l[1], 121, b"300226")),
        ),
    ]);
    v
}

/// The strict outcome: `ok <n> entries` or the error's message.
fn strict(bytes: &[u8]) -> String {
    match read(bytes, ReadOptions::strict()) {
        Ok(CnabFile::Retorno(r)) => format!("ok {} entries", r.entries.len()),
        Ok(CnabFile::Remessa(r)) => format!("ok {} titulos", r.titulos.len()),
        Err(e) => e.to_string(),
    }
}

/// The lenient outcome: every problem's message, or the error that stopped even a lenient read.
fn lenient(bytes: &[u8]) -> Vec<String> {
    match read(bytes, ReadOptions::lenient()) {
        Ok(CnabFile::Retorno(r)) => r.problems.iter().map(ToString::to_string).collect(),
        Ok(CnabFile::Remessa(r)) => r.problems.iter().map(ToString::to_string).collect(),
        Err(e) => vec![format!("error: {e}")],
    }
}

/// The streaming reader's outcome: entries read, then the first error if any.
fn streamed(bytes: &[u8]) -> String {
    match RetornoReader::new(BufReader::new(bytes), ReadOptions::strict()) {
        Err(e) => e.to_string(),
        Ok(rd) => {
            let mut n = 0;
            for item in rd {
                match item {
                    Ok(_) => n += 1,
                    Err(e) => return format!("after {n}: {e}"),
                }
            }
            format!("ok {n} entries")
        }
    }
}

include!("catalogue_data/expected.rs");

#[test]
fn catalogue() {
    let print = std::env::var_os("CATALOGUE_PRINT").is_some();
    let cases = cases();
    assert!(cases.len() >= 40, "the catalogue has {} cases", cases.len());
    let mut failures = Vec::new();
    for (name, bytes) in &cases {
        let got = (strict(bytes), lenient(bytes));
        if print {
            println!("    ({name:?}, {:?}, &{:?}),", got.0, got.1);
            continue;
        }
        let Some((_, s, l)) = EXPECTED.iter().find(|(n, _, _)| n == name) else {
            failures.push(format!("{name}: no expectation"));
            continue;
        };
        if got.0 != *s {
            failures.push(format!(
                "{name}: strict\n  expected {s:?}\n  got      {:?}",
                got.0
            ));
        }
        if got.1 != *l {
            failures.push(format!(
                "{name}: lenient\n  expected {l:?}\n  got      {:?}",
                got.1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The streaming reader agrees with the whole-file reader on where a strict read stops.
#[test]
fn streaming_matches_strict() {
    for (name, bytes) in cases() {
        let s = strict(&bytes);
        let st = streamed(&bytes);
        if std::env::var_os("CATALOGUE_PRINT").is_some() {
            println!("stream {name}: {st}   |   strict: {s}");
        }
        match name {
            // The streaming reader is a retorno reader: a remessa is refused before any entry.
            "valid_400_remessa"
            | "remessa_400_letters_in_valor"
            | "remessa_400_feb_30_vencimento" => {
                assert_eq!(st, "line 1: this is a remessa, not a retorno", "{name}");
                continue;
            }
            // Like `read_retorno`, it reads a file that does not say its kind as a retorno.
            "neither_remessa_nor_retorno" | "unknown_400_kind" => {
                let whole = cnab_core::read_retorno(&bytes, ReadOptions::strict()).map_or_else(
                    |e| e.to_string(),
                    |r| format!("ok {} entries", r.entries.len()),
                );
                let st = st
                    .split_once(": ")
                    .filter(|(a, _)| a.starts_with("after "))
                    .map_or(st.as_str(), |(_, b)| b);
                assert_eq!(st, whole, "{name}");
                continue;
            }
            _ => {}
        }
        let st = st
            .split_once(": ")
            .filter(|(a, _)| a.starts_with("after "))
            .map_or(st.as_str(), |(_, b)| b)
            .to_string();
        if s.starts_with("ok ") {
            assert!(
                st.starts_with("ok "),
                "{name}: strict {s:?}, streamed {st:?}"
            );
        } else {
            assert_eq!(st, s, "{name}");
        }
    }
}

/// A reader of `len` bytes of `fill`, made on demand: nothing is allocated for it.
struct Lazy {
    left: u64,
    fill: u8,
    prefix: Vec<u8>,
}

impl Read for Lazy {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.prefix.is_empty() {
            let n = self.prefix.len().min(buf.len());
            buf[..n].copy_from_slice(&self.prefix[..n]);
            self.prefix.drain(..n);
            return Ok(n);
        }
        let n = (buf.len() as u64).min(self.left) as usize;
        buf[..n].fill(self.fill);
        self.left -= n as u64;
        Ok(n)
    }
}

const GIB: u64 = 1 << 30;

#[test]
fn one_gigabyte_first_line_is_refused_without_reading_it() {
    let src = Lazy {
        left: GIB,
        fill: b'3',
        prefix: Vec::new(),
    };
    let err = RetornoReader::new(BufReader::new(src), ReadOptions::strict())
        .err()
        .expect("an error");
    assert_eq!(err.line, 1);
    assert_eq!(
        err.kind,
        ErrorKind::LineTooLong {
            limit: cnab_core::MAX_LINE
        }
    );
    assert_eq!(err.to_string(), "line 1: line longer than 1024 bytes");
}

#[test]
fn one_gigabyte_line_after_the_header_is_refused_without_reading_it() {
    let header = ret240().remove(0);
    let src = Lazy {
        left: GIB,
        fill: b'3',
        prefix: [header.as_slice(), b"\r\n"].concat(),
    };
    let mut rd =
        RetornoReader::new(BufReader::new(src), ReadOptions::lenient()).expect("header reads");
    let first = rd.next().expect("an item").expect_err("an error");
    assert_eq!(first.to_string(), "line 2: line longer than 1024 bytes");
    assert!(
        rd.next().is_none(),
        "the reader stops after a line too long"
    );
}

#[test]
fn endless_blank_lines_stream_in_constant_memory() {
    // 8 MiB of newlines after a valid file: the streaming reader must treat them as trailing filler and end.
    let src = Lazy {
        left: 8 << 20,
        fill: b'\n',
        prefix: crlf(&ret240()),
    };
    let rd = RetornoReader::new(BufReader::new(src), ReadOptions::strict()).expect("header");
    let items: Vec<_> = rd.collect();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(Result::is_ok));
}

#[test]
fn nosso_numero_dv_mismatch_is_detected_by_the_boleto_crate() {
    // Itaú, carteira 109, agência 0057, conta 12345: the fixture's nosso número 12345678 has DV 4.
    let mut input = boleto::BoletoInput::new(341, "12345678", rust_decimal::Decimal::ZERO);
    input.agencia = Some("0057".into());
    input.conta = Some("12345".into());
    input.carteira = Some("109".into());
    let dv = boleto::nosso_numero_dv(&input).expect("dv");
    let file_dv = ret240()[2][57..58].to_vec();
    assert_eq!(
        dv.as_deref().map(str::as_bytes),
        Some(file_dv.as_slice()),
        "the fixture's DV is right"
    );
    // One wrong digit of a linha digitável: the DV check names it.
    let good = "34191.09008 01015.271248 80212.460002 4 25480000675787";
    let bad = "34191.09008 01015.271248 80212.460002 5 25480000675787";
    assert!(boleto::parse_any(good).is_ok());
    let e = boleto::parse_any(bad).expect_err("a DV error");
    assert_eq!(
        e.to_string(),
        "DV geral (posição 5): check digit expected 4, found 5"
    );
}

#[test]
fn blank_lines_then_one_gigabyte_line_names_its_line() {
    let src = Lazy {
        left: GIB,
        fill: b'0',
        prefix: b"\r\n   \r\n".to_vec(),
    };
    let err = RetornoReader::new(BufReader::new(src), ReadOptions::strict())
        .err()
        .expect("an error");
    assert_eq!(err.to_string(), "line 3: line longer than 1024 bytes");
}
