//! Segunda via: a link per título to a page where the payer gets the boleto again (updated to the day when it is
//! late), and the record of who opened it.
//!
//! A link is `/b/<token>`: the token is 160 random bits from the operating system (`getrandom`), written as 40
//! lowercase hex digits. It says nothing about the título (no id, no number, no date inside) and cannot be guessed;
//! it is stored in the ledger (table `segunda_via_links`, schema version 3) and can be revoked, after which the
//! page answers 404 like for a token that never existed. [`LinkLedger::link`] returns the título's live token when
//! there is one, so asking twice gives the same link; after a revocation it makes a new one.
//!
//! Each view is recorded in the título's history as [`crate::Event::Visualizado`] (date and time, a coarse client
//! hint, the address only when the server is told to keep it), and the régua can condition a step on it
//! (`se_nao_visualizado`, see [`crate::regua`]).
//!
//! ```
//! use baixa::{Ledger, MemoryLedger, Titulo};
//! use baixa::segunda_via::{self, LinkLedger, Visualizacao};
//! use chrono::NaiveDate;
//! let mut l = MemoryLedger::new();
//! l.import_titles(&[Titulo::new("NF-1", 341, "123", "10.00".parse().unwrap(),
//!                               NaiveDate::from_ymd_opt(2026, 3, 10).unwrap())]).unwrap();
//! let link = l.link("NF-1").unwrap();
//! assert_eq!(link.token.len(), 40);
//! assert_eq!(l.link("NF-1").unwrap().token, link.token); // the same link again
//! assert_eq!(segunda_via::url(Some("https://pague.example.com/"), &link.token),
//!            format!("https://pague.example.com/b/{}", link.token));
//! assert_eq!(l.by_token(&link.token).unwrap().unwrap().0.id, "NF-1");
//! l.record_views(&[Visualizacao::new("NF-1", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0", None)]).unwrap();
//! assert_eq!(l.revoke("NF-1").unwrap(), 1);
//! assert!(l.by_token(&link.token).unwrap().is_none());
//! assert_ne!(l.link("NF-1").unwrap().token, link.token); // a new one after revocation
//! ```

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::error::LedgerError;
use crate::ledger::Ledger;
use crate::outcome::{Event, TitleState};
use crate::titulo::Titulo;

/// Random bytes in a token: 160 bits (at least 128 are asked for).
pub const TOKEN_BYTES: usize = 20;

/// One token of a título.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// 40 lowercase hex digits.
    pub token: String,
    /// The título's id.
    pub titulo: String,
    /// When it was made (UTC).
    pub criado_em: NaiveDateTime,
    /// When it was revoked (UTC); `None` = live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revogado_em: Option<NaiveDateTime>,
}

impl Link {
    /// The path of the page, `/b/<token>`.
    pub fn path(&self) -> String {
        format!("/b/{}", self.token)
    }
}

/// The page's address: `/b/<token>`, after `base` (for instance `https://pague.example.com`) when given.
pub fn url(base: Option<&str>, token: &str) -> String {
    match base.map(|b| b.trim().trim_end_matches('/')) {
        Some(b) if !b.is_empty() => format!("{b}/b/{token}"),
        _ => format!("/b/{token}"),
    }
}

/// Checks a base URL for [`url`]: `http://` or `https://`, a host, no query or fragment.
///
/// # Errors
/// What is wrong, in words.
pub fn check_base_url(base: &str) -> Result<(), String> {
    let b = base.trim();
    let rest = b
        .strip_prefix("https://")
        .or_else(|| b.strip_prefix("http://"))
        .ok_or_else(|| format!("base URL must start with https:// or http://, found {base:?}"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("base URL has no host: {base:?}"));
    }
    if rest.contains(['?', '#', ' ', '"', '<', '>']) {
        return Err(format!(
            "base URL must not have a query, a fragment, spaces or quotes: {base:?}"
        ));
    }
    Ok(())
}

/// A new token: [`TOKEN_BYTES`] bytes from the operating system's random source, as lowercase hex.
///
/// # Errors
/// The operating system gave no random bytes (never silently replaced by a weaker source).
pub fn new_token() -> Result<String, LedgerError> {
    let mut b = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut b)
        .map_err(|e| LedgerError::Invalid(format!("no random bytes from the system: {e}")))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Whether `s` has the shape of a token (40 lowercase hex digits); anything else is not looked up.
pub fn is_token(s: &str) -> bool {
    s.len() == 2 * TOKEN_BYTES && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A coarse hint of the client from its User-Agent: the browser family and the kind of device,
/// `Chrome, computador`. Never the full string (it identifies a device too well to keep).
///
/// ```
/// use baixa::segunda_via::{client_hint, is_person};
/// assert_eq!(client_hint(Some("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 \
///                              (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")), "Safari, celular");
/// assert_eq!(client_hint(Some("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
///                              Chrome/120.0.0.0 Safari/537.36 Edg/120.0")), "Edge, computador");
/// assert_eq!(client_hint(None), "desconhecido");
/// assert_eq!(client_hint(Some("WhatsApp/2.23.20.0 A")), "programa, sem tela");
/// assert!(!is_person("programa, sem tela") && is_person("Chrome, celular"));
/// ```
pub fn client_hint(user_agent: Option<&str>) -> String {
    let Some(ua) = user_agent.map(str::trim).filter(|s| !s.is_empty()) else {
        return "desconhecido".into();
    };
    let has = |s: &str| ua.contains(s);
    let lower = ua.to_ascii_lowercase();
    // link previews of chat and e-mail apps and crawlers fetch the page without a person opening it
    let program = [
        "bot",
        "crawler",
        "spider",
        "preview",
        "facebookexternalhit",
        "whatsapp",
        "telegram",
        "slack",
        "skypeuri",
        "curl/",
        "wget",
        "python",
        "go-http-client",
        "okhttp",
        "java/",
    ]
    .iter()
    .any(|p| lower.contains(p));
    let browser = if program {
        "programa"
    } else if has("Edg/") || has("Edge/") {
        "Edge"
    } else if has("OPR/") || has("Opera") {
        "Opera"
    } else if has("SamsungBrowser") {
        "Samsung Internet"
    } else if has("Firefox/") || has("FxiOS") {
        "Firefox"
    } else if has("HeadlessChrome") {
        "Chrome headless"
    } else if has("Chrome/") || has("CriOS") || has("Chromium") {
        "Chrome"
    } else if has("Safari/") {
        "Safari"
    } else {
        "outro"
    };
    let device = if has("iPad") || has("Tablet") {
        "tablet"
    } else if has("Mobile") || has("Android") || has("iPhone") {
        "celular"
    } else if browser == "programa" {
        "sem tela"
    } else {
        "computador"
    };
    format!("{browser}, {device}")
}

/// Whether a [`client_hint`] is of a person's browser: link previews, crawlers and scripts (`programa`) are
/// recorded but do not count as the payer opening the page ([`LinkLedger::first_views`]).
pub fn is_person(cliente: &str) -> bool {
    !cliente.starts_with("programa")
}

/// One view of a título's page, to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visualizacao {
    /// The título's id.
    pub titulo: String,
    /// When (UTC, to the second).
    pub em: NaiveDateTime,
    /// [`client_hint`].
    pub cliente: String,
    /// The client's address, only when configured to keep it.
    pub ip: Option<String>,
}

impl Visualizacao {
    /// A view now, with the hint of `user_agent`.
    pub fn new(titulo: &str, user_agent: &str, ip: Option<String>) -> Self {
        Visualizacao {
            titulo: titulo.to_string(),
            em: crate::ledger::now(),
            cliente: client_hint(Some(user_agent)),
            ip,
        }
    }

    /// The history event.
    pub fn event(&self) -> Event {
        Event::Visualizado {
            em: self.em,
            cliente: self.cliente.clone(),
            ip: self.ip.clone(),
        }
    }
}

/// What the segunda via needs from a ledger besides [`Ledger`]. Implemented by [`crate::MemoryLedger`],
/// [`crate::SqliteLedger`] and [`crate::PostgresLedger`] on the same table.
pub trait LinkLedger: Ledger {
    /// The título's live token, or a new one when it has none.
    ///
    /// # Errors
    /// [`LedgerError::UnknownTitle`], no random bytes, a backend failure.
    fn link(&mut self, id: &str) -> Result<Link, LedgerError>;

    /// Revoke every live token of the título; returns how many were revoked (0 when none was live).
    ///
    /// # Errors
    /// [`LedgerError::UnknownTitle`], a backend failure.
    fn revoke(&mut self, id: &str) -> Result<usize, LedgerError>;

    /// The título behind a live token, with its state; `None` for an unknown or revoked token.
    ///
    /// # Errors
    /// A backend failure.
    fn by_token(&mut self, token: &str) -> Result<Option<(Titulo, TitleState)>, LedgerError>;

    /// Record views, each as a [`crate::Event::Visualizado`] in its título's history, in one transaction. A view of
    /// a título no longer in the ledger is skipped.
    ///
    /// # Errors
    /// A backend failure (nothing is then recorded).
    fn record_views(&mut self, views: &[Visualizacao]) -> Result<(), LedgerError>;

    /// The date of each título's first view by a person ([`is_person`]: link previews and scripts do not count),
    /// by título id (for the régua's `se_nao_visualizado`).
    ///
    /// # Errors
    /// A backend failure.
    fn first_views(&mut self) -> Result<BTreeMap<String, NaiveDate>, LedgerError>;
}
