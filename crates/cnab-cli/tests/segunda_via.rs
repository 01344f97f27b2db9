//! Segunda via end to end: `cnab baixa link/revoke`, `cnab serve` on a loopback port, plain HTTP checks (status
//! codes, security headers, the rate limit), and a real browser (Debian's chromium, driven headless through
//! chromedriver's WebDriver protocol) that reads the page, downloads the PDF from the page's link (its barcode is
//! scanned back with pdftoppm + zbarimg), sees the updated amount of an overdue título, no barcode on a paid one,
//! and a 404 for an unknown token. Views appear in `cnab baixa history`.
//!
//! The browser part needs `chromium`, `chromedriver` (Debian: chromium-driver), `pdftoppm` and `zbarimg`
//! (scripts/test.sh installs them); without them it says SKIPPED and why. A screenshot of the page is written to
//! the file named by `CNAB_SEGUNDA_VIA_SHOT` when set.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

const TITLES: &str = "id,banco,nosso_numero,seu_numero,valor,vencimento,multa_pct,juros_pct_mes,pagador_documento,pagador_nome
ABERTO,341,00010152,NF-100,1234.56,{VENC},2,1,12345678909,Maria da Silva
VENCIDO,341,00010153,NF-101,1000.00,2026-01-15,2,1,98765432100,João Souza
PAGO,341,00010154,NF-102,500.00,2026-01-20,2,1,11144477735,Ana Lima
";

const BOLETO: &str = r#"{"banco": "341", "agencia": "1248", "conta": "02124", "carteira": "109",
 "beneficiario": {"nome": "Loja Exemplo Ltda", "documento": "11222333000181", "cidade": "São Paulo", "uf": "SP"},
 "pix": {"chave": "11222333000181"},
 "instrucoes": ["Após o vencimento, multa de 2% e juros de 1% ao mês"]}"#;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cnab-segunda-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn cnab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cnab"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = cnab(args);
    assert_eq!(code, 0, "cnab {args:?}: {err}");
    out
}

/// A ledger with an open, an overdue and a paid título, each linked: (dir, ledger path, tokens by id).
fn ledger(name: &str) -> (PathBuf, String, Vec<(&'static str, String)>) {
    let dir = tmp(name);
    std::fs::write(
        dir.join("titles.csv"),
        TITLES.replace("{VENC}", &vencimento_aberto().to_string()),
    )
    .unwrap();
    std::fs::write(dir.join("boleto.json"), BOLETO).unwrap();
    let l = dir.join("l.db").display().to_string();
    ok(&[
        "baixa",
        "--ledger",
        &l,
        "import-titles",
        &dir.join("titles.csv").display().to_string(),
    ]);
    ok(&[
        "baixa",
        "--ledger",
        &l,
        "settle",
        "PAGO",
        "--valor",
        "500.00",
        "--data",
        "2026-01-19",
        "--meio",
        "pix",
    ]);
    let tokens = ["ABERTO", "VENCIDO", "PAGO"]
        .into_iter()
        .map(|id| {
            let link = ok(&["baixa", "--ledger", &l, "link", id]);
            let t = link.trim().strip_prefix("/b/").unwrap().to_string();
            (id, t)
        })
        .collect();
    (dir, l, tokens)
}

/// The open título's due date: 60 days from today, so that it is never overdue when the test runs.
fn vencimento_aberto() -> chrono::NaiveDate {
    segunda_via::today_brasilia() + chrono::Duration::days(60)
}

fn token<'a>(tokens: &'a [(&str, String)], id: &str) -> &'a str {
    &tokens.iter().find(|(i, _)| *i == id).unwrap().1
}

/// `cnab serve` on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(dir: &Path, ledger: &str, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cnab"))
            .args([
                "serve",
                "--ledger",
                ledger,
                "--listen",
                "127.0.0.1:0",
                "--boleto",
            ])
            .arg(dir.join("boleto.json"))
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        let addr = line
            .trim()
            .strip_prefix("cnab serve: listening on http://")
            .unwrap_or_else(|| panic!("cnab serve did not start: {line:?}"))
            .to_string();
        // keep reading its standard error so that it never blocks on a full pipe
        std::thread::spawn(move || {
            let mut sink = String::new();
            let _ = err.read_to_string(&mut sink);
            if !sink.is_empty() {
                eprintln!("cnab serve said: {sink}");
            }
        });
        Server { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 client: (status, headers lowercased, body).
fn http(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(b) = body {
        req.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            b.len()
        ));
    }
    req.push_str("\r\n");
    if let Some(b) = body {
        req.push_str(b);
    }
    s.write_all(req.as_bytes()).unwrap();
    // read the head, then the body by its length (a WebDriver server may keep the connection open)
    let mut raw = Vec::new();
    let mut buf = [0u8; 16384];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0, "connection closed before the end of the head");
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let hs: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let length = header(&hs, "content-length").map(|v| v.parse::<usize>().unwrap());
    match length {
        Some(n) => {
            while body.len() < n {
                let k = s.read(&mut buf).unwrap();
                assert!(k > 0, "connection closed before the end of the body");
                body.extend_from_slice(&buf[..k]);
            }
        }
        None => {
            s.read_to_end(&mut body).unwrap();
        }
    }
    if hs
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        body = unchunk(&body);
    }
    (status, hs, body)
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let nl = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let n = usize::from_str_radix(std::str::from_utf8(&b[..nl]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + n]);
        b = &b[nl + 2 + n + 2..];
    }
}

fn get(addr: &str, path: &str) -> (u16, Vec<(String, String)>, String) {
    let (s, h, b) = http(addr, "GET", path, &[], None);
    (s, h, String::from_utf8_lossy(&b).into_owned())
}

fn header<'a>(h: &'a [(String, String)], name: &str) -> Option<&'a str> {
    h.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The views recorded in a título's history, waiting a little for the server's writer.
fn views(ledger: &str, id: &str, at_least: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let h: Value =
            serde_json::from_str(&ok(&["baixa", "--ledger", ledger, "history", id])).unwrap();
        let v: Vec<Value> = h["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["event"] == "visualizado")
            .cloned()
            .collect();
        if v.len() >= at_least || Instant::now() > deadline {
            return v;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn reais(v: rust_decimal::Decimal) -> String {
    format!("R$ {}", boleto_print::fmt::valor(v))
}

#[test]
fn link_and_revoke_on_the_command_line() {
    let (_dir, l, tokens) = ledger("cli");
    let t = token(&tokens, "ABERTO");
    assert_eq!(t.len(), 40);
    assert!(t.bytes().all(|b| b.is_ascii_hexdigit()));
    // the same link again; a full URL with --base-url
    assert_eq!(
        ok(&["baixa", "--ledger", &l, "link", "ABERTO"]).trim(),
        format!("/b/{t}")
    );
    assert_eq!(
        ok(&[
            "baixa",
            "--ledger",
            &l,
            "link",
            "ABERTO",
            "--base-url",
            "https://pague.example.com/"
        ])
        .trim(),
        format!("https://pague.example.com/b/{t}")
    );
    let (code, _, err) = cnab(&[
        "baixa",
        "--ledger",
        &l,
        "link",
        "ABERTO",
        "--base-url",
        "pague.example.com",
    ]);
    assert_eq!(
        (code, err.trim()),
        (
            2,
            "cnab: base URL must start with https:// or http://, found \"pague.example.com\""
        )
    );
    let (code, _, err) = cnab(&["baixa", "--ledger", &l, "link", "NAO-EXISTE"]);
    assert_eq!(
        (code, err.trim()),
        (1, "cnab: no title with id \"NAO-EXISTE\"")
    );
    let (code, _, _) = cnab(&["baixa", "link", "ABERTO"]);
    assert_eq!(code, 2);
    let out: Value =
        serde_json::from_str(&ok(&["baixa", "--ledger", &l, "revoke", "ABERTO"])).unwrap();
    assert_eq!(out, json!({"titulo": "ABERTO", "revogados": 1}));
    let again = ok(&["baixa", "--ledger", &l, "link", "ABERTO"]);
    assert_ne!(again.trim(), format!("/b/{t}"));
}

#[test]
fn http_status_codes_headers_and_rate_limit() {
    let (dir, l, tokens) = ledger("http");
    let srv = Server::start(
        &dir,
        &l,
        &[
            "--client-ip-header",
            "X-Real-IP",
            "--misses-per-minute",
            "3",
        ],
    );
    let a = &srv.addr;
    let (s, h, body) = get(a, "/");
    assert_eq!(s, 200);
    assert!(body.contains("Segunda via de boletos"), "{body}");
    let csp = header(&h, "content-security-policy").unwrap();
    assert!(
        csp.starts_with("default-src 'none'; style-src 'sha256-"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(header(&h, "referrer-policy"), Some("no-referrer"));
    assert_eq!(header(&h, "x-content-type-options"), Some("nosniff"));
    assert_eq!(header(&h, "cache-control"), Some("no-store"));
    // the open título: name only, never the CPF
    let t = token(&tokens, "ABERTO");
    let (s, h, body) = get(a, &format!("/b/{t}"));
    assert_eq!(s, 200);
    assert_eq!(header(&h, "content-type"), Some("text/html; charset=utf-8"));
    assert!(body.contains("Maria da Silva"));
    assert!(
        !body.contains("12345678909") && !body.contains("123.456.789-09"),
        "the CPF is on the page"
    );
    assert!(body.contains("R$ 1.234,56"));
    // the PDF
    let (s, h, pdf) = http(a, "GET", &format!("/b/{t}/boleto.pdf"), &[], None);
    assert_eq!(s, 200);
    assert_eq!(header(&h, "content-type"), Some("application/pdf"));
    assert!(pdf.starts_with(b"%PDF-"));
    // unknown, malformed, paid PDF, other paths: 404 with nothing of the cause
    for p in [
        format!("/b/{}", "0".repeat(40)),
        "/b/nao-e-token".into(),
        format!("/b/{}/boleto.pdf", token(&tokens, "PAGO")),
        "/b/".into(),
        "/../etc/passwd".into(),
        "/static/".into(),
    ] {
        let (s, _, body) = get(a, &p);
        assert_eq!(s, 404, "{p}");
        assert!(
            body.contains("Página não encontrada")
                && !body.contains("ledger")
                && !body.contains("sqlite"),
            "{p}: {body}"
        );
    }
    // a revoked token is a 404 like any other
    ok(&["baixa", "--ledger", &l, "revoke", "VENCIDO"]);
    assert_eq!(get(a, &format!("/b/{}", token(&tokens, "VENCIDO"))).0, 404);
    // the rate limit: 3 misses per minute per client (from the proxy's header), then 429 even for a good token;
    // another client is not affected
    let miss = format!("/b/{}", "f".repeat(40));
    for _ in 0..3 {
        assert_eq!(
            http(a, "GET", &miss, &[("X-Real-IP", "203.0.113.9")], None).0,
            404
        );
    }
    let (s, h, _) = http(
        a,
        "GET",
        &format!("/b/{t}"),
        &[("X-Real-IP", "203.0.113.9")],
        None,
    );
    assert_eq!((s, header(&h, "retry-after")), (429, Some("60")));
    assert_eq!(
        http(
            a,
            "GET",
            &format!("/b/{t}"),
            &[("X-Real-IP", "203.0.113.10")],
            None
        )
        .0,
        200
    );
    // a payment recorded by another process while the server runs shows on the next load
    ok(&[
        "baixa",
        "--ledger",
        &l,
        "settle",
        "ABERTO",
        "--valor",
        "1234.56",
        "--data",
        "2026-02-01",
        "--meio",
        "pix",
    ]);
    // (from another client: this one used up its misses above)
    let other = [("X-Real-IP", "198.51.100.1")];
    let (s, _, body) = http(a, "GET", &format!("/b/{t}"), &other, None);
    let body = String::from_utf8(body).unwrap();
    assert_eq!(s, 200);
    assert!(
        body.contains("Este boleto já foi pago em 01/02/2026.")
            && !body.contains("linha-digitavel"),
        "{body}"
    );
    assert_eq!(
        http(a, "GET", &format!("/b/{t}/boleto.pdf"), &other, None).0,
        404
    );
    // the server wrote views, never the address (not configured)
    let v = views(&l, "ABERTO", 3);
    assert!(v.len() >= 3, "{v:?}");
    assert!(
        v.iter()
            .all(|e| e.get("ip").is_none() && e["cliente"] == "desconhecido"),
        "{v:?}"
    );
}

#[test]
fn a_ledger_at_an_older_schema_or_a_bad_template_stops_the_server() {
    let (dir, l, _) = ledger("start");
    std::fs::write(
        dir.join("bad.json"),
        r#"{"beneficiario": {"nome": "X"}, "valor": "1.00"}"#,
    )
    .unwrap();
    let (code, _, err) = cnab(&[
        "serve",
        "--ledger",
        &l,
        "--boleto",
        &dir.join("bad.json").display().to_string(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("template 1: \"valor\" comes from each título in the ledger"),
        "{err}"
    );
    let missing = dir.join("none.db").display().to_string();
    let (code, _, err) = cnab(&[
        "serve",
        "--ledger",
        &missing,
        "--boleto",
        &dir.join("boleto.json").display().to_string(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!Path::new(&missing).exists(), "serve created a ledger");
}

// ---- the browser ----

fn have(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| have(c, "--version"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Driver {
    child: Child,
    addr: String,
    session: String,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Driver {
    fn start(browser: &str) -> Driver {
        let port = free_port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(&addr).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let binary = Command::new("which").arg(browser).output().unwrap();
        let binary = String::from_utf8_lossy(&binary.stdout).trim().to_string();
        let mut d = Driver {
            child,
            addr,
            session: String::new(),
        };
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": binary,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=900,1500"]
        }}}});
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        d
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let b = body.map(|b| b.to_string());
        let (_, _, out) = http(&self.addr, method, path, &[], b.as_deref());
        let v: Value = serde_json::from_slice(&out).unwrap();
        v["value"].clone()
    }

    fn s(&self, path: &str) -> String {
        format!("/session/{}{path}", self.session)
    }

    fn go(&self, url: &str) {
        self.call("POST", &self.s("/url"), Some(json!({ "url": url })));
    }

    fn find(&self, css: &str) -> Option<String> {
        let v = self.call(
            "POST",
            &self.s("/elements"),
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array()?.first()?[ELEMENT].as_str().map(str::to_string)
    }

    fn text(&self, css: &str) -> String {
        let e = self.find(css).unwrap_or_else(|| {
            let v = self.call(
                "POST",
                &self.s("/elements"),
                Some(json!({"using": "css selector", "value": css})),
            );
            panic!("no {css} on the page: {v}")
        });
        self.call("GET", &self.s(&format!("/element/{e}/text")), None)
            .as_str()
            .unwrap()
            .to_string()
    }

    fn title(&self) -> String {
        self.call("GET", &self.s("/title"), None)
            .as_str()
            .unwrap()
            .to_string()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(
                &self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                &[],
                None,
            );
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// (symbology, data) read by zbarimg from the PDF's pages.
fn scan_pdf(pdf: &Path, dir: &Path) -> Vec<(String, String)> {
    let prefix = dir.join("page");
    let st = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(st.success());
    let out = Command::new("zbarimg")
        .args(["--quiet", "-Sdisable", "-Si25.enable", "-Sqrcode.enable"])
        .arg(dir.join("page-1.png"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            l.split_once(':')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect()
}

#[test]
fn a_real_browser_reads_the_pages() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: no chromium found (Debian: apt-get install chromium chromium-driver); the pages were not opened in a browser");
        return;
    };
    for (tool, arg, pkg) in [
        ("chromedriver", "--version", "chromium-driver"),
        ("pdftoppm", "-v", "poppler-utils"),
        ("zbarimg", "--version", "zbar-tools"),
    ] {
        if !have(tool, arg) {
            eprintln!("SKIPPED: `{tool}` not found (Debian: apt-get install {pkg}); the pages were not opened in a browser");
            return;
        }
    }
    let (dir, l, tokens) = ledger("browser");
    let srv = Server::start(&dir, &l, &[]);
    let base = format!("http://{}", srv.addr);
    let d = Driver::start(browser);
    let hoje = segunda_via::today_brasilia();

    // the open título: linha digitável, amount, copy button, PIX, the PDF through the page's own link
    d.go(&format!("{base}/b/{}", token(&tokens, "ABERTO")));
    assert_eq!(d.title(), "Segunda via do boleto");
    let input: boleto::BoletoInput = serde_json::from_value(json!({"banco": "341", "agencia": "1248", "conta": "02124",
        "carteira": "109", "nosso_numero": "00010152", "valor": "1234.56", "vencimento": vencimento_aberto()}))
    .unwrap();
    let made = boleto::make(&input).unwrap();
    let linha = d.text("#linha-digitavel");
    assert_eq!(linha, made.linha_digitavel_formatada);
    let parsed = boleto::parse_any(&linha).unwrap();
    assert_eq!(parsed.barcode, made.barcode.as_str());
    assert_eq!(d.text("#valor-a-pagar"), "R$ 1.234,56");
    assert_eq!(
        d.text("#vencimento"),
        vencimento_aberto().format("%d/%m/%Y").to_string()
    );
    assert_eq!(d.text("#pagador"), "Maria da Silva");
    assert_eq!(
        d.text("#beneficiario"),
        "Loja Exemplo Ltda — CNPJ 11.222.333/0001-81"
    );
    let pix = d.call("POST", &d.s("/execute/sync"), Some(json!({"script": "return document.getElementById('pix-copia-e-cola').value", "args": []})));
    let pix = pix.as_str().unwrap().to_string();
    assert!(
        pix.starts_with("000201") && pix.contains("54071234.56"),
        "{pix}"
    );
    if let Ok(p) = std::env::var("CNAB_SEGUNDA_VIA_SHOT") {
        let png = d.call("GET", &d.s("/screenshot"), None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap())
            .unwrap();
        std::fs::write(&p, png).unwrap();
        eprintln!("screenshot written to {p}");
    }
    let button = d.find("button[data-copiar]").unwrap();
    d.call(
        "POST",
        &d.s(&format!("/element/{button}/click")),
        Some(json!({})),
    );
    assert_eq!(d.text("button[data-copiar]"), "Copiado!");
    // the page's PDF link, as the browser resolves it (the page's CSP lets no script fetch, so the download is
    // made by the test from the link the browser shows)
    let link = d.find("#pdf").unwrap();
    let href = d.call("GET", &d.s(&format!("/element/{link}/property/href")), None);
    let href = href.as_str().unwrap().to_string();
    assert_eq!(
        href,
        format!("{base}/b/{}/boleto.pdf", token(&tokens, "ABERTO"))
    );
    let (status, h, pdf) = http(
        &srv.addr,
        "GET",
        href.strip_prefix(&base).unwrap(),
        &[],
        None,
    );
    assert_eq!(
        (status, header(&h, "content-type")),
        (200, Some("application/pdf"))
    );
    assert!(pdf.starts_with(b"%PDF-"));
    std::fs::write(dir.join("boleto.pdf"), &pdf).unwrap();
    let scanned = scan_pdf(&dir.join("boleto.pdf"), &dir);
    assert!(
        scanned.contains(&("I2/5".to_string(), parsed.barcode.clone())),
        "{scanned:?} vs {}",
        parsed.barcode
    );
    assert!(
        scanned.contains(&("QR-Code".to_string(), pix.clone())),
        "{scanned:?}"
    );

    // the overdue título: the amount updated to today with its breakdown
    let mut t = baixa::Titulo::new(
        "VENCIDO",
        341,
        "00010153",
        "1000.00".parse().unwrap(),
        "2026-01-15".parse().unwrap(),
    );
    t.multa = Some(baixa::Multa {
        tipo: baixa::MultaTipo::Percentual,
        valor: "2".parse().unwrap(),
        desde: None,
    });
    t.juros = Some(baixa::Juros {
        tipo: baixa::JurosTipo::PercentualMes,
        valor: "1".parse().unwrap(),
        desde: None,
    });
    let due = baixa::valor_devido(&t, hoje);
    assert!(due.total > t.valor);
    d.go(&format!("{base}/b/{}", token(&tokens, "VENCIDO")));
    assert_eq!(d.text("#valor-atualizado"), reais(due.total));
    let comp = d.text("#composicao");
    assert!(
        comp.contains(&format!("(+) Multa {}", reais(due.multa))),
        "{comp}"
    );
    assert!(
        comp.contains(&format!("(+) Juros de mora {}", reais(due.juros))),
        "{comp}"
    );
    assert!(d
        .text("#situacao")
        .starts_with(&format!("Boleto vencido há {} dias.", due.dias_atraso)));
    assert!(d.find("#linha-digitavel").is_some());

    // the paid título: says so, no barcode, no linha digitável, no PDF link
    d.go(&format!("{base}/b/{}", token(&tokens, "PAGO")));
    assert_eq!(
        d.text("#situacao"),
        "Este boleto já foi pago em 19/01/2026. Não há nada a pagar."
    );
    for css in ["#linha-digitavel", "#codigo-de-barras", "#pdf", "#pix-qr"] {
        assert!(d.find(css).is_none(), "{css} on a paid título's page");
    }

    // an unknown token
    d.go(&format!("{base}/b/{}", "a".repeat(40)));
    assert_eq!(d.title(), "Página não encontrada");
    assert_eq!(get(&srv.addr, &format!("/b/{}", "a".repeat(40))).0, 404);

    // the views are in the history, with the browser's hint
    for id in ["ABERTO", "VENCIDO", "PAGO"] {
        let v = views(&l, id, 1);
        assert_eq!(v.len(), 1, "{id}: {v:?}");
        assert_eq!(v[0]["cliente"], "Chrome headless, computador");
        let em = v[0]["em"].as_str().unwrap();
        assert!(em.len() == 19 && em.as_bytes()[10] == b'T', "{em}");
    }
}
