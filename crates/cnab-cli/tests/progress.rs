//! The progress bar on standard error: drawn on a terminal (a pseudo-terminal made by util-linux's `script`) for
//! reads, writes, `gen` and `baixa apply` over a big generated file; never a byte of it in piped output.
//! `CNAB_PROGRESS=always` draws it from the start instead of after a second, so nothing here depends on timing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code may fail loudly

use std::path::PathBuf;
use std::process::{Command, Stdio};

const RET_240: &str = "fixtures/341-itau/cnab240/retorno/retorno.ret";
const MODEL: &str = "fixtures/341-itau/cnab400/remessa/remessa.model.json";
const REM: &str = "fixtures/341-itau/cnab400/remessa/remessa.rem";

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_cnab")
}

/// A fresh folder for one test, removed when dropped (also when the test fails: the big file is 145 MB).
struct Tmp(PathBuf);

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for Tmp {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

fn tmp(name: &str) -> Tmp {
    let d = std::env::temp_dir().join(format!("cnab-progress-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    Tmp(d)
}

/// Single-quoted for `sh`.
fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Runs `sh -c line` on a pseudo-terminal (standard output and error are the terminal unless `line` redirects
/// them) and returns what the terminal showed and the exit code. `mode`: `CNAB_PROGRESS`'s value.
fn on_terminal(line: &str, mode: &str) -> (String, i32) {
    let out = Command::new("script")
        .args(["-qec", line, "/dev/null"])
        .env("CNAB_PROGRESS", mode)
        .env("TERM", "xterm")
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run util-linux's `script` (apt install bsdutils / util-linux): {e}")
        });
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Runs cnab with standard output and error piped: (exit code, stdout, stderr).
fn piped(args: &[&str], mode: &str) -> (i32, Vec<u8>, String) {
    let out = Command::new(bin())
        .args(args)
        .env("CNAB_PROGRESS", mode)
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// No trace of a bar: no escape sequence, no carriage return, no bar frame, no phase message.
fn assert_no_bar(what: &str, text: &str) {
    assert!(
        !text.contains('\x1b'),
        "{what}: an escape sequence in {text:?}"
    );
    assert!(
        !text.contains('\r'),
        "{what}: a carriage return in {text:?}"
    );
    for frame in ["] ", "loading ", "reading ", "writing ", "applying "] {
        assert!(
            !text.contains(frame),
            "{what}: {frame:?} (a bar) in {text:?}"
        );
    }
}

/// The frames of a phase that the terminal showed: `"<msg> [<bar>] <position>/<length>"`, each position as shown.
fn shown(screen: &str, msg: &str, length: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for part in screen.split(['\r', '\n', '\x1b']) {
        let Some(rest) = part.find(msg).map(|i| &part[i + msg.len()..]) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix(" [") else {
            continue;
        };
        let Some((bar, rest)) = rest.split_once("] ") else {
            continue;
        };
        assert!(bar.chars().all(|c| "=> ".contains(c)), "bar {bar:?}");
        let Some((pos, rest)) = rest.split_once('/') else {
            continue;
        };
        if rest.starts_with(length) {
            seen.push(pos.to_string());
        }
    }
    seen
}

/// [`shown`] for a count (`12,345`), parsed.
fn frames(screen: &str, msg: &str, length: &str) -> Vec<u64> {
    shown(screen, msg, length)
        .iter()
        .map(|p| p.replace(',', "").parse::<u64>().unwrap())
        .collect()
}

#[test]
fn bar_on_a_terminal_for_a_big_generated_file() {
    let dir = tmp("big");
    let big = dir.join("big.ret");
    let big_s = big.to_str().unwrap();

    // gen: entries written, counted
    let (screen, code) = on_terminal(
        &format!(
            "{} gen --bank 341 --layout 240 --kind retorno --entries 300000 --out {}",
            q(bin()),
            q(big_s)
        ),
        "always",
    );
    assert_eq!(code, 0, "{screen}");
    let seen = frames(&screen, &format!("writing {big_s}"), "300,000");
    assert!(seen.contains(&0), "no first frame of gen in {screen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.iter().all(|&n| n <= 300_000), "{seen:?}");
    // the bar is erased at the end; the summary line stays
    assert!(
        screen.contains("\x1b[2K"),
        "the bar was not erased: {screen:?}"
    );
    assert!(screen.ends_with(
        "cnab gen: 341 240 retorno seed 1: 300000 entries, 600062 lines, 145215004 bytes, 30 batches; \
         total valor_titulo 1115394071.96, valor_pago 568543205.23\r\n"
    ), "{screen:?}");
    assert_eq!(std::fs::metadata(&big).unwrap().len(), 145_215_004);

    // validate: the file loaded and read, in bytes of the input
    let (screen, code) = on_terminal(&format!("{} validate {}", q(bin()), q(big_s)), "always");
    assert_eq!(code, 0, "{screen}");
    let loaded = shown(&screen, &format!("loading {big_s}"), "138.49 MiB");
    assert!(loaded.iter().any(|p| p == "0 B"), "{screen:?}");
    let read = screen
        .split(['\r', '\n', '\x1b'])
        .filter(|p| p.contains(&format!("reading {big_s} [")))
        .count();
    assert!(read > 0, "no reading frame in {screen:?}");
    assert!(
        screen.ends_with(&format!("{big_s}: no problems\r\n")),
        "{screen:?}"
    );

    // parse --format csv: the rows written, counted; the CSV itself untouched by the bar
    let csv = dir.join("big.csv");
    let (screen, code) = on_terminal(
        &format!(
            "{} parse --format csv {} > {}",
            q(bin()),
            q(big_s),
            q(csv.to_str().unwrap())
        ),
        "always",
    );
    assert_eq!(code, 0, "{screen}");
    let seen = frames(&screen, &format!("writing {big_s}"), "300,000");
    assert!(!seen.is_empty(), "no writing frame in {screen:?}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 300_001); // the header row and one per entry

    // parse --format parquet: the streamed read, in bytes of the input
    let pq = dir.join("big.parquet");
    let (screen, code) = on_terminal(
        &format!(
            "{} parse --format parquet --out {} {}",
            q(bin()),
            q(pq.to_str().unwrap()),
            q(big_s)
        ),
        "always",
    );
    assert_eq!(code, 0, "{screen}");
    let read = shown(&screen, &format!("reading {big_s}"), "138.49 MiB");
    assert!(
        !read.is_empty(),
        "no reading frame of parquet in {screen:?}"
    );
    assert!(std::fs::metadata(&pq).unwrap().len() > 0);
    assert_no_bar("the CSV", &text);
    std::fs::remove_file(&csv).unwrap();

    // the same read with standard error redirected to a file, in a terminal session: nothing drawn anywhere
    let err = dir.join("err.txt");
    let (screen, code) = on_terminal(
        &format!(
            "{} validate {} 2> {}",
            q(bin()),
            q(big_s),
            q(err.to_str().unwrap())
        ),
        "always",
    );
    assert_eq!(code, 0, "{screen}");
    assert_eq!(screen, "");
    assert_eq!(
        std::fs::read_to_string(&err).unwrap(),
        format!("{big_s}: no problems\n")
    );

    // baixa apply: the entries applied, counted
    let titles = dir.join("titles.csv");
    std::fs::write(
        &titles,
        "id,banco,nosso_numero,valor,vencimento,pagador_documento,pagador_nome\n\
         NF-1,341,12345678,10.00,2026-12-15,11144477735,Ana\n",
    )
    .unwrap();
    let report = dir.join("apply.json");
    let (screen, code) = on_terminal(
        &format!(
            "{} baixa apply --titles {} {} > {}",
            q(bin()),
            q(titles.to_str().unwrap()),
            q(big_s),
            q(report.to_str().unwrap())
        ),
        "always",
    );
    assert!(code == 0 || code == 1, "{screen}");
    let seen = frames(&screen, &format!("applying {big_s}"), "300,000");
    assert!(!seen.is_empty(), "no applying frame in {screen:?}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["applied"], 300_000);
}

#[test]
fn never_in_piped_output() {
    let dir = tmp("piped");
    let out = dir.join("gen.ret");
    let out_s = out.to_str().unwrap();
    let titles = dir.join("titles.csv");
    std::fs::write(
        &titles,
        "id,banco,nosso_numero,valor,vencimento,pagador_documento,pagador_nome\n\
         NF-1,341,12345678,10.00,2026-12-15,11144477735,Ana\n",
    )
    .unwrap();
    let titles_s = titles.to_str().unwrap();
    // `always` draws from the start on a terminal: whatever the size, a pipe would show a bar here if it could
    for mode in ["always", "auto"] {
        let gen = [
            "gen",
            "--bank",
            "341",
            "--layout",
            "400",
            "--kind",
            "retorno",
            "--entries",
            "2000",
        ];
        let (code, stdout, stderr) = piped(&[&gen[..], &["--out", out_s]].concat(), mode);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.starts_with("cnab gen: 341 400 retorno seed 1: 2000 entries"));
        assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
        assert_no_bar("gen --out", &stderr);
        let (code, stdout, stderr) = piped(&gen, mode);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, std::fs::read(&out).unwrap());
        assert_no_bar("gen", &stderr);

        let (code, _, stderr) = piped(&["validate", RET_240], mode);
        assert_eq!(
            (code, stderr.as_str()),
            (0, format!("{RET_240}: no problems\n").as_str())
        );
        for args in [
            &["parse", RET_240][..],
            &["parse", "--format", "csv", RET_240],
            &["parse", "--format", "ndjson", RET_240],
            &["inspect", RET_240],
            &["inspect", "--stream", RET_240],
            &["baixa", "apply", "--titles", titles_s, RET_240],
        ] {
            let (code, stdout, stderr) = piped(args, mode);
            assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
            assert_no_bar(
                &format!("{args:?} stdout"),
                &String::from_utf8_lossy(&stdout),
            );
        }
        let pq = dir.join("piped.parquet");
        let (code, stdout, stderr) = piped(
            &[
                "parse",
                "--format",
                "parquet",
                "--out",
                pq.to_str().unwrap(),
                RET_240,
            ],
            mode,
        );
        assert_eq!((code, stderr.as_str(), stdout.len()), (0, "", 0), "parquet");
        // the remessa's bytes (CRLF line endings) and nothing else
        let (code, stdout, stderr) = piped(
            &["remessa", MODEL, "--bank", "341", "--layout", "400"],
            mode,
        );
        assert_eq!((code, stderr.as_str()), (0, ""));
        assert_eq!(stdout, std::fs::read(root().join(REM)).unwrap());
    }
}

#[test]
fn output_on_the_same_terminal_is_not_torn_and_never_means_never() {
    let dir = tmp("tty");
    // stdout and stderr both the terminal: the read is drawn, the writing phase is not (it would tear the rows)
    let (screen, code) = on_terminal(
        &format!("{} parse --format ndjson {RET_240}", q(bin())),
        "always",
    );
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains(&format!("reading {RET_240} [")),
        "{screen:?}"
    );
    assert!(!screen.contains("writing "), "{screen:?}");
    let rows: Vec<&str> = screen
        .split("\r\n")
        .filter(|l| l.contains("\"nosso_numero\""))
        .collect();
    assert_eq!(rows.len(), 2, "{screen:?}");

    // cnab remessa: no position to show while the model is parsed and written, a spinner; the file as without it
    let written = dir.join("remessa.rem");
    let (screen, code) = on_terminal(
        &format!(
            "{} remessa {MODEL} --bank 341 --layout 400 --out {}",
            q(bin()),
            q(written.to_str().unwrap())
        ),
        "always",
    );
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains(&format!("reading {MODEL} ")), "{screen:?}");
    assert!(screen.contains("writing the remessa "), "{screen:?}");
    assert!(
        screen.ends_with("\x1b[2K"),
        "the spinner was not erased: {screen:?}"
    );
    assert_eq!(
        std::fs::read(&written).unwrap(),
        std::fs::read(root().join(REM)).unwrap()
    );

    // CNAB_PROGRESS=never: a terminal shows only what the command prints
    let out = dir.join("gen.ret");
    let (screen, code) = on_terminal(
        &format!(
            "{} gen --bank 341 --layout 240 --kind retorno --entries 20000 --out {}",
            q(bin()),
            q(out.to_str().unwrap())
        ),
        "never",
    );
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.starts_with("cnab gen: 341 240 retorno seed 1: 20000 entries"),
        "{screen:?}"
    );
    assert_eq!(screen.matches("\r\n").count(), 1, "{screen:?}");
    assert_no_bar("never", &screen.replace("\r\n", "\n"));
    let (screen, code) = on_terminal(
        &format!("{} inspect --stream {}", q(bin()), q(out.to_str().unwrap())),
        "never",
    );
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("entries: 20000"), "{screen:?}");
    assert_no_bar("never", &screen.replace("\r\n", "\n"));
}

#[test]
fn a_bad_cnab_progress_value_is_a_usage_error() {
    let (code, stdout, stderr) = piped(&["validate", RET_240], "sometimes");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        "cnab: CNAB_PROGRESS must be auto, always or never, not \"sometimes\"\n"
    );
}
