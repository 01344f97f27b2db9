//! A progress bar on standard error for work that takes more than a second: reading a file (bytes of the input),
//! writing the output (entries, or bytes of JSON), `gen` and `baixa apply` (entries).
//!
//! Drawn only when standard error is a terminal: piped or redirected, it never writes a byte (indicatif's terminal
//! target checks too, and hides itself on `TERM=dumb`). A phase that writes to standard output is not drawn when
//! standard output is a terminal as well (the bar would tear the output). `CNAB_PROGRESS` chooses when:
//! - `auto` (the default): once the command has run for a second, so that quick commands never flash a bar;
//! - `always`: from the start (still only on a terminal);
//! - `never`: not at all.
//!
//! One bar at a time for the whole process; each phase (`loading`, `reading`, `writing`, `applying`) sets its
//! length, unit and message. The bar is erased before any message on standard error (`out::note`) and when the
//! command ends.

use std::io::IsTerminal;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::Fail;

/// When the bar is drawn.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// After the first second, on a terminal.
    Auto,
    /// From the start, on a terminal.
    Always,
    /// Never.
    Never,
}

/// What a phase counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Unit {
    /// Bytes of a known total (the input).
    Bytes,
    /// Entries (or titles, rows) of a known total.
    Entries,
    /// Bytes written, total unknown (pretty JSON).
    Written,
    /// Work whose position cannot be seen (a library call that reports none): a spinner and the time spent.
    Busy,
}

/// How long a command runs before `auto` draws its bar.
const DELAY: Duration = Duration::from_secs(1);

struct State {
    mode: Mode,
    start: Instant,
    stderr_tty: bool,
    stdout_tty: bool,
}

static STATE: OnceLock<State> = OnceLock::new();

struct Current {
    /// Which phase this is (a [`busy`] phase's timer checks that its phase still runs).
    id: u64,
    bar: ProgressBar,
    unit: Unit,
    /// Whether this phase may be drawn at all (a terminal, and not tearing output on the same terminal).
    drawable: bool,
    /// Whether it is being drawn.
    shown: bool,
}

static CURRENT: Mutex<Option<Current>> = Mutex::new(None);

static PHASES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How often a [`busy`] spinner turns.
const SPIN: Duration = Duration::from_millis(120);

/// `CNAB_PROGRESS`'s value: `auto` when unset or empty.
pub(crate) fn parse_mode(v: Option<&str>) -> Result<Mode, Fail> {
    match v.unwrap_or("") {
        "" | "auto" => Ok(Mode::Auto),
        "always" => Ok(Mode::Always),
        "never" => Ok(Mode::Never),
        other => Err(Fail(
            2,
            format!("CNAB_PROGRESS must be auto, always or never, not {other:?}"),
        )),
    }
}

/// Reads `CNAB_PROGRESS` and notes the start of the command (a bad value is a usage error).
pub(crate) fn init() -> Result<(), Fail> {
    let v = std::env::var_os("CNAB_PROGRESS");
    let mode = match &v {
        None => Mode::Auto,
        Some(s) => parse_mode(Some(&s.to_string_lossy()))?,
    };
    let _ = STATE.set(State {
        mode,
        start: Instant::now(),
        stderr_tty: std::io::stderr().is_terminal(),
        stdout_tty: std::io::stdout().is_terminal(),
    });
    Ok(())
}

fn lock() -> std::sync::MutexGuard<'static, Option<Current>> {
    CURRENT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn style(unit: Unit) -> ProgressStyle {
    let template = match unit {
        Unit::Bytes => "{msg} [{bar:30}] {bytes}/{total_bytes} {percent}% ({eta} left)",
        Unit::Entries => "{msg} [{bar:30}] {human_pos}/{human_len} {percent}% ({eta} left)",
        Unit::Written => "{msg} {spinner} {bytes} ({elapsed})",
        Unit::Busy => "{msg} {spinner} ({elapsed})",
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

/// Starts a phase: `len` units (ignored for [`Unit::Written`]), its message, and whether it writes to standard
/// output while it runs. Replaces the phase before it (a new bar, so that no frame mixes the two).
pub(crate) fn phase(len: u64, unit: Unit, msg: impl Into<String>, writes_stdout: bool) {
    let Some(st) = STATE.get() else {
        return;
    };
    let drawable = st.mode != Mode::Never && st.stderr_tty && !(writes_stdout && st.stdout_tty);
    let mut cur = lock();
    if let Some(old) = cur.take() {
        old.bar.finish_and_clear();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden())
        .with_style(style(unit))
        .with_message(msg.into());
    let mut c = Current {
        id: PHASES.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        bar,
        unit,
        drawable,
        shown: false,
    };
    show_if_due(&mut c, st);
    *cur = Some(c);
}

fn show_if_due(c: &mut Current, st: &State) {
    if c.shown || !c.drawable {
        return;
    }
    if st.mode == Mode::Always || st.start.elapsed() >= DELAY {
        c.bar.set_draw_target(ProgressDrawTarget::stderr());
        c.shown = true;
        c.bar.tick();
    }
}

/// Starts a phase that reports no position (`cnab remessa` parsing its model and writing): a spinner that turns
/// on its own, drawn when the command has run for a second as any bar.
pub(crate) fn busy(msg: impl Into<String>) {
    phase(0, Unit::Busy, msg, false);
    let Some(st) = STATE.get() else {
        return;
    };
    let id = {
        let cur = lock();
        let Some(c) = cur.as_ref() else {
            return;
        };
        if c.shown {
            c.bar.enable_steady_tick(SPIN);
        }
        if c.shown || !c.drawable {
            return;
        }
        c.id
    };
    // Nothing calls `set` here: a timer shows the spinner once the second is up, if the phase still runs.
    let wait = DELAY.saturating_sub(st.start.elapsed());
    std::thread::spawn(move || {
        std::thread::sleep(wait);
        let mut cur = lock();
        if let Some(c) = cur.as_mut().filter(|c| c.id == id) {
            show_if_due(c, st);
            if c.shown {
                c.bar.enable_steady_tick(SPIN);
            }
        }
    });
}

/// The position in the current phase.
pub(crate) fn set(pos: u64) {
    let Some(st) = STATE.get() else {
        return;
    };
    let mut cur = lock();
    if let Some(c) = cur.as_mut() {
        c.bar.set_position(pos);
        show_if_due(c, st);
    }
}

/// Bytes written so far by the JSON writer: counted only in a [`Unit::Written`] phase.
pub(crate) fn written(total: u64) {
    let is_written = lock().as_ref().is_some_and(|c| c.unit == Unit::Written);
    if is_written {
        set(total);
    }
}

/// Ends the bar (erasing it from the terminal).
pub(crate) fn clear() {
    if let Some(c) = lock().take() {
        c.bar.finish_and_clear();
    }
}

/// A reader that puts its position (the bytes consumed) on the bar, every 256 KiB: the streaming reader's source.
pub(crate) struct Observed<R> {
    inner: R,
    pos: u64,
    next: u64,
}

impl<R> Observed<R> {
    const STEP: u64 = 1 << 18;
    pub(crate) fn new(inner: R) -> Self {
        Observed {
            inner,
            pos: 0,
            next: Self::STEP,
        }
    }
    fn advance(&mut self, n: usize) {
        self.pos += n as u64;
        if self.pos >= self.next {
            self.next = self.pos + Self::STEP;
            set(self.pos);
        }
    }
}

impl<R: std::io::Read> std::io::Read for Observed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.advance(n);
        Ok(n)
    }
}

impl<R: std::io::BufRead> std::io::BufRead for Observed<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.advance(amt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_values() {
        assert_eq!(parse_mode(None).ok(), Some(Mode::Auto));
        assert_eq!(parse_mode(Some("")).ok(), Some(Mode::Auto));
        assert_eq!(parse_mode(Some("auto")).ok(), Some(Mode::Auto));
        assert_eq!(parse_mode(Some("always")).ok(), Some(Mode::Always));
        assert_eq!(parse_mode(Some("never")).ok(), Some(Mode::Never));
        let Err(Fail(code, msg)) = parse_mode(Some("yes")) else {
            panic!("accepted a bad value");
        };
        assert_eq!(code, 2);
        assert_eq!(
            msg,
            "CNAB_PROGRESS must be auto, always or never, not \"yes\""
        );
    }
}
