//! The rate limit on token lookups: a fixed one-minute window of *misses* (unknown, revoked or malformed tokens)
//! per client.
//!
//! Why misses and not every request: the threat is guessing tokens, which only produces misses (and with 160-bit
//! tokens guessing is hopeless anyway; the limit keeps scanners from loading the ledger and the logs). A payer
//! opening their own link, or many payers behind one proxy address, are never slowed down. The few lines here are
//! our own rather than a rate-limiting crate because those count every request (`governor`, `tower_governor`);
//! counting only misses needs the lookup's answer first.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);
/// Above this many clients tracked, windows that ended are dropped.
const PRUNE_ABOVE: usize = 50_000;

/// Misses per client in the current window.
#[derive(Debug)]
pub struct Misses {
    per_minute: u32,
    map: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Misses {
    /// At most `per_minute` misses per client in a minute (0 = no limit).
    pub fn new(per_minute: u32) -> Self {
        Misses {
            per_minute,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `client` used up its misses in the current window.
    pub fn blocked(&self, client: &str) -> bool {
        if self.per_minute == 0 {
            return false;
        }
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.get(client)
            .is_some_and(|(start, n)| start.elapsed() < WINDOW && *n >= self.per_minute)
    }

    /// Count a miss of `client`.
    pub fn miss(&self, client: &str) {
        if self.per_minute == 0 {
            return;
        }
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > PRUNE_ABOVE {
            map.retain(|_, (start, _)| start.elapsed() < WINDOW);
        }
        let now = Instant::now();
        let e = map.entry(client.to_string()).or_insert((now, 0));
        if e.0.elapsed() >= WINDOW {
            *e = (now, 0);
        }
        e.1 = e.1.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_blocked_after_its_misses_and_others_are_not() {
        let m = Misses::new(3);
        for _ in 0..2 {
            m.miss("10.0.0.1");
        }
        assert!(!m.blocked("10.0.0.1"));
        m.miss("10.0.0.1");
        assert!(m.blocked("10.0.0.1"));
        assert!(!m.blocked("10.0.0.2"));
        let off = Misses::new(0);
        for _ in 0..100 {
            off.miss("x");
        }
        assert!(!off.blocked("x"));
    }
}
