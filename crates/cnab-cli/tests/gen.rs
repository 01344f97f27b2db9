//! `cnab gen`: the CLI writes exactly the library generator's bytes, to stdout or --out, and refuses what the
//! counters cannot hold with exit 2.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::Command;

use cnab_core::generator::{generate_to_vec, GenOptions};
use cnab_core::{Bank, FileKind, Layout};

fn cnab(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn stdout_and_out_file_carry_the_generator_bytes() {
    let o = cnab(&[
        "gen",
        "--bank",
        "341",
        "--layout",
        "240",
        "--kind",
        "retorno",
        "--entries",
        "250",
        "--seed",
        "4",
        "--batch-size",
        "100",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let want = generate_to_vec(&GenOptions {
        batch_size: 100,
        ..GenOptions::new(Bank::new(341), Layout::Cnab240, FileKind::Retorno, 250, 4)
    })
    .unwrap();
    assert_eq!(o.stdout, want.0);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "250 entries, {} lines, {} bytes, 3 batches; total valor_titulo {:.2}, valor_pago {:.2}",
            want.1.lines, want.1.bytes, want.1.valor_titulo, want.1.valor_pago
        )),
        "{err}"
    );

    let dir = std::env::temp_dir().join(format!("cnab-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("r.rem");
    let p = path.to_str().unwrap();
    let o = cnab(&[
        "gen",
        "--bank",
        "237",
        "--layout",
        "400",
        "--kind",
        "remessa",
        "--entries",
        "30",
        "--out",
        p,
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    let want = generate_to_vec(&GenOptions::new(
        Bank::new(237),
        Layout::Cnab400,
        FileKind::Remessa,
        30,
        1,
    ))
    .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), want.0);
    // The file reads back through the CLI.
    let o = cnab(&["inspect", p]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("titulos: 30"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn impossible_requests_are_usage_errors() {
    let o = cnab(&[
        "gen",
        "--bank",
        "237",
        "--layout",
        "400",
        "--kind",
        "retorno",
        "--entries",
        "1000000",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("past the file trailer's counter of 999999 records"));
    let o = cnab(&[
        "gen",
        "--bank",
        "999",
        "--layout",
        "400",
        "--kind",
        "retorno",
        "--entries",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = cnab(&[
        "gen",
        "--bank",
        "341",
        "--layout",
        "300",
        "--kind",
        "retorno",
        "--entries",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(2));
}
