//! The ledger as the server sees it: a pool of read-only connections for lookups, and one writer thread that
//! appends the views in batches.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::Mutex;

use baixa::segunda_via::{LinkLedger, Visualizacao};
use baixa::{LedgerError, PostgresLedger, SqliteLedger, TitleState, Titulo};

/// Views waiting to be written; past this, a view is dropped and counted (said on standard error).
const QUEUE: usize = 10_000;
/// Reader connections kept for reuse.
const POOL: usize = 32;

#[derive(Debug, Clone)]
enum Backend {
    Sqlite(PathBuf),
    Postgres(String),
}

type Conn = Box<dyn LinkLedger + Send>;

impl Backend {
    fn parse(spec: &str) -> Backend {
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            Backend::Postgres(spec.to_string())
        } else {
            Backend::Sqlite(PathBuf::from(spec))
        }
    }

    fn reader(&self) -> Result<Conn, LedgerError> {
        Ok(match self {
            Backend::Sqlite(p) => Box::new(SqliteLedger::open_existing(p, true)?),
            Backend::Postgres(u) => {
                let mut l = PostgresLedger::connect(u)?;
                l.set_read_only()?;
                Box::new(l)
            }
        })
    }

    fn writer(&self) -> Result<Conn, LedgerError> {
        Ok(match self {
            Backend::Sqlite(p) => Box::new(SqliteLedger::open_existing(p, false)?),
            Backend::Postgres(u) => Box::new(PostgresLedger::connect(u)?),
        })
    }
}

/// The server's ledger.
pub struct Store {
    backend: Backend,
    pool: Mutex<Vec<Conn>>,
    views: SyncSender<Visualizacao>,
    dropped: AtomicU64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

fn write_views(mut w: Conn, rx: &Receiver<Visualizacao>) {
    while let Ok(v) = rx.recv() {
        let mut batch = vec![v];
        while batch.len() < 1000 {
            match rx.try_recv() {
                Ok(v) => batch.push(v),
                Err(_) => break,
            }
        }
        if let Err(e) = w.record_views(&batch) {
            eprintln!("segunda via: {} view(s) not recorded: {e}", batch.len());
        }
    }
}

impl Store {
    /// Open the ledger (it must exist at the latest schema): one reader to check it, the view writer.
    ///
    /// # Errors
    /// The ledger cannot be opened.
    pub fn open(spec: &str) -> Result<Store, LedgerError> {
        let backend = Backend::parse(spec);
        let first = backend.reader()?;
        let writer = backend.writer()?;
        let (tx, rx) = sync_channel(QUEUE);
        std::thread::Builder::new()
            .name("segunda-via-views".into())
            .spawn(move || write_views(writer, &rx))
            .map_err(|e| LedgerError::Invalid(format!("cannot start the view writer: {e}")))?;
        Ok(Store {
            backend,
            pool: Mutex::new(vec![first]),
            views: tx,
            dropped: AtomicU64::new(0),
        })
    }

    /// The título behind a live token (blocking: call from a blocking task).
    ///
    /// # Errors
    /// A ledger failure.
    pub fn lookup(&self, token: &str) -> Result<Option<(Titulo, TitleState)>, LedgerError> {
        let taken = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut c = match taken {
            Some(c) => c,
            None => self.backend.reader()?,
        };
        let r = c.by_token(token);
        // a connection that failed is dropped, not reused
        if r.is_ok() {
            let mut pool = self.pool.lock().unwrap_or_else(|e| e.into_inner());
            if pool.len() < POOL {
                pool.push(c);
            }
        }
        r
    }

    /// Queue a view for the writer; never waits.
    pub fn record(&self, v: Visualizacao) {
        match self.views.try_send(v) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
                let n = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                if n == 1 || n.is_power_of_two() {
                    eprintln!("segunda via: {n} view(s) not recorded so far (the writer is behind or stopped)");
                }
            }
        }
    }
}
