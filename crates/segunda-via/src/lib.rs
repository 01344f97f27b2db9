//! # segunda-via
//!
//! The payer's page for each título of a [`baixa`] ledger: `GET /b/<token>` shows the boleto again (the amount
//! updated to the day with multa and juros when it is late, the linha digitável with a copy button, the PIX QR code
//! and copia e cola, a link to the PDF), says so when it was paid or written off, and records each view in the
//! título's history. Tokens are made and revoked with [`baixa::segunda_via::LinkLedger`] (`cnab baixa link`).
//!
//! The server ([`serve`]) runs on axum and tokio. What it guarantees:
//! - an unknown, revoked or malformed token is a 404 with no detail, like any other path; no directory listing;
//! - errors never show their cause to the client (it goes to standard error);
//! - every response carries a strict Content-Security-Policy (inline style and script allowed by their hashes
//!   only), `Referrer-Policy: no-referrer` (the token never leaks to another site), `X-Content-Type-Options:
//!   nosniff`, `X-Frame-Options: DENY` and `Cache-Control: no-store`;
//! - token lookups are rate-limited per client: after [`Options::misses_per_minute`] unknown tokens in a minute,
//!   a client gets 429 until the minute is over ([`limit`]);
//! - the ledger is read through read-only connections; one separate connection only appends the views;
//! - HTTPS is left to a reverse proxy (see docs/segunda-via.md).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod limit;
mod page;
mod store;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Response, StatusCode};
use axum::routing::get;
use axum::Router;
use base64::Engine as _;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;
use sha2::{Digest, Sha256};

use baixa::segunda_via::{is_token, Visualizacao};
use baixa::{Status, TitleState, Titulo};

pub use store::Store;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The ledger: an SQLite file or a `postgres://` URL (it must exist and be at the latest schema).
    pub ledger: String,
    /// The boleto templates: `cnab boleto pdf` JSON objects without the título's own keys (see [`template_keys`]).
    pub boletos: Vec<Value>,
    /// Keep the client's address in each view (off by default).
    pub record_ip: bool,
    /// Read the client's address from this header (set by the reverse proxy, e.g. `X-Real-IP`) instead of the
    /// connection's peer: for the rate limit and, with `record_ip`, for the views.
    pub client_ip_header: Option<String>,
    /// Unknown tokens a client may try in a minute before getting 429 for the rest of it.
    pub misses_per_minute: u32,
}

/// The keys a template must not have: they come from each título in the ledger.
pub fn template_keys() -> &'static [&'static str] {
    &["nosso_numero", "valor", "vencimento", "pagador"]
}

/// A server that cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The ledger could not be opened.
    #[error("ledger: {0}")]
    Ledger(#[from] baixa::LedgerError),
    /// A boleto template is not usable.
    #[error("boleto template: {0}")]
    Template(String),
    /// The address cannot be listened on, or the runtime failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Checks the templates: each a JSON object, without the título's own keys.
///
/// # Errors
/// [`ServeError::Template`] naming the template (from 1) and the key.
pub fn check_templates(boletos: &[Value]) -> Result<(), ServeError> {
    if boletos.is_empty() {
        return Err(ServeError::Template("no template given".into()));
    }
    for (i, b) in boletos.iter().enumerate() {
        let Value::Object(m) = b else {
            return Err(ServeError::Template(format!(
                "template {}: expected a JSON object",
                i + 1
            )));
        };
        if let Some(k) = template_keys().iter().find(|k| m.contains_key(**k)) {
            return Err(ServeError::Template(format!(
                "template {}: {k:?} comes from each título in the ledger; remove it from the template",
                i + 1
            )));
        }
        if !m.contains_key("beneficiario") {
            return Err(ServeError::Template(format!(
                "template {}: \"beneficiario\" is missing",
                i + 1
            )));
        }
    }
    Ok(())
}

struct App {
    store: Store,
    boletos: Vec<Value>,
    opts: Options,
    misses: limit::Misses,
    csp: HeaderValue,
}

fn csp_hash(s: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
    )
}

/// The Content-Security-Policy: nothing from anywhere, except the page's own inline style and script (by hash)
/// and `data:` images; no framing, no forms, no base URL.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'; \
         frame-ancestors 'none'",
        csp_hash(page::STYLE),
        csp_hash(page::SCRIPT)
    )
}

/// Today in Brasília (UTC−3, no daylight saving time since 2019): the date the payer's amount is computed for.
pub fn today_brasilia() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let brt = i64::try_from(secs).unwrap_or(0) - 3 * 3600;
    chrono::DateTime::from_timestamp(brt, 0)
        .map(|d| d.date_naive())
        .unwrap_or_default()
}

fn html(status: StatusCode, body: String) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn not_found() -> Response<Body> {
    html(
        StatusCode::NOT_FOUND,
        page::plain("Página não encontrada", "Confira o link que você recebeu."),
    )
}

fn unavailable() -> Response<Body> {
    html(
        StatusCode::SERVICE_UNAVAILABLE,
        page::plain(
            "Serviço indisponível",
            "Não foi possível mostrar o boleto agora. Tente de novo em alguns minutos.",
        ),
    )
}

fn too_many() -> Response<Body> {
    let mut r = html(
        StatusCode::TOO_MANY_REQUESTS,
        page::plain(
            "Muitas tentativas",
            "Muitos links inválidos foram tentados. Tente de novo em um minuto.",
        ),
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    r
}

fn client(app: &App, peer: SocketAddr, headers: &HeaderMap) -> String {
    app.opts
        .client_ip_header
        .as_deref()
        .and_then(|h| headers.get(h))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| peer.ip().to_string())
}

/// Looks a token up (rate-limited): `Err(response)` for anything but a live token.
async fn lookup(
    app: &Arc<App>,
    token: &str,
    who: &str,
) -> Result<(Titulo, TitleState), Response<Body>> {
    if app.misses.blocked(who) {
        return Err(too_many());
    }
    if !is_token(token) {
        app.misses.miss(who);
        return Err(not_found());
    }
    let a = Arc::clone(app);
    let tok = token.to_string();
    match tokio::task::spawn_blocking(move || a.store.lookup(&tok)).await {
        Ok(Ok(Some(found))) => Ok(found),
        Ok(Ok(None)) => {
            app.misses.miss(who);
            Err(not_found())
        }
        Ok(Err(e)) => {
            eprintln!("segunda via: ledger lookup failed: {e}");
            Err(unavailable())
        }
        Err(e) => {
            eprintln!("segunda via: lookup task failed: {e}");
            Err(unavailable())
        }
    }
}

fn view_of(app: &App, t: Titulo, s: TitleState) -> page::View {
    let hoje = today_brasilia();
    let devido = baixa::valor_devido(&t, hoje);
    let saldo = (devido.total - s.paid).max(Decimal::ZERO);
    let tpl = page::template(&app.boletos, &t);
    let beneficiario = tpl
        .and_then(|v| v.get("beneficiario"))
        .map(|b| {
            let s = |k: &str| {
                b.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            (s("nome"), s("documento"))
        })
        .unwrap_or_default();
    let boleto = match (s.status, tpl) {
        (Status::Open, Some(tpl)) => page::boleto(tpl, &t, &s, &devido, saldo),
        (Status::Open, None) => Err(format!("no boleto template for bank {}", t.banco.code())),
        _ => Err("not open".into()),
    };
    if let (Status::Open, Err(e)) = (s.status, &boleto) {
        eprintln!("segunda via: título {:?}: no boleto: {e}", t.id);
    }
    page::View {
        titulo: t,
        state: s,
        devido,
        saldo,
        boleto,
        beneficiario,
        hoje,
    }
}

async fn index() -> Response<Body> {
    html(
        StatusCode::OK,
        page::plain(
            "Segunda via de boletos",
            "Para ver o seu boleto, abra o link que você recebeu do beneficiário.",
        ),
    )
}

async fn titulo_page(
    State(app): State<Arc<App>>,
    Path(token): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
) -> Response<Body> {
    let who = client(&app, peer, &headers);
    let (t, s) = match lookup(&app, &token, &who).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // a HEAD request (a link checker) is not a view
    if method != Method::HEAD {
        let ip = app.opts.record_ip.then(|| who.clone());
        app.store.record(Visualizacao::new(&t.id, ua, ip));
    }
    let a = Arc::clone(&app);
    let tok = token.clone();
    match tokio::task::spawn_blocking(move || page::render(&view_of(&a, t, s), &tok)).await {
        Ok(body) => html(StatusCode::OK, body),
        Err(e) => {
            eprintln!("segunda via: page task failed: {e}");
            unavailable()
        }
    }
}

async fn titulo_pdf(
    State(app): State<Arc<App>>,
    Path(token): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response<Body> {
    let who = client(&app, peer, &headers);
    let (t, s) = match lookup(&app, &token, &who).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let a = Arc::clone(&app);
    let made = tokio::task::spawn_blocking(move || {
        let v = view_of(&a, t, s);
        v.boleto
            .ok()
            .map(|b| boleto_print::pdf(std::slice::from_ref(&b)).map_err(|e| e.to_string()))
    })
    .await;
    match made {
        Ok(Some(Ok(pdf))) => {
            let mut r = Response::new(Body::from(pdf));
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            );
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"boleto.pdf\""),
            );
            r
        }
        // paid, written off, or no template: there is no boleto to print
        Ok(None) => not_found(),
        Ok(Some(Err(e))) => {
            eprintln!("segunda via: PDF failed: {e}");
            unavailable()
        }
        Err(e) => {
            eprintln!("segunda via: PDF task failed: {e}");
            unavailable()
        }
    }
}

async fn fallback() -> Response<Body> {
    not_found()
}

async fn security_headers(State(app): State<Arc<App>>, mut r: Response<Body>) -> Response<Body> {
    let h = r.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, app.csp.clone());
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    r
}

/// The router (exposed for embedding; [`serve`] runs it).
///
/// # Errors
/// The ledger cannot be opened, a template is not usable.
pub fn router(opts: Options) -> Result<Router, ServeError> {
    check_templates(&opts.boletos)?;
    let store = Store::open(&opts.ledger)?;
    let csp = HeaderValue::from_str(&content_security_policy())
        .map_err(|e| ServeError::Template(e.to_string()))?;
    let app = Arc::new(App {
        store,
        boletos: opts.boletos.clone(),
        misses: limit::Misses::new(opts.misses_per_minute),
        opts,
        csp,
    });
    Ok(Router::new()
        .route("/", get(index))
        .route("/b/{token}", get(titulo_page))
        .route("/b/{token}/boleto.pdf", get(titulo_pdf))
        .fallback(fallback)
        .layer(axum::middleware::map_response_with_state(
            Arc::clone(&app),
            security_headers,
        ))
        .with_state(app))
}

/// Serve on `listen` until Ctrl-C (or SIGTERM): opens the ledger, binds, says where it listens on standard error,
/// then answers.
///
/// # Errors
/// As [`router`]; the address cannot be bound.
pub fn serve(listen: &str, opts: Options) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let app = router(opts)?;
        let listener = tokio::net::TcpListener::bind(listen).await?;
        eprintln!("cnab serve: listening on http://{}", listener.local_addr()?);
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown())
        .await?;
        Ok(())
    })
}

async fn shutdown() {
    #[cfg(unix)]
    {
        let term = async {
            if let Ok(mut s) =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            {
                s.recv().await;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {},
            () = term => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
