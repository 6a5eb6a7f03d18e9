//! Fixed-window request limits kept in memory, keyed by a limit's name and a
//! key (a client address, a user id, an e-mail). Windows follow the server's
//! [`Clock`](crate::clock::Clock), so `--dev-clock` and the handler tests can
//! step past them.

use crate::problem::Problem;
use std::collections::HashMap;
use std::sync::Mutex;

/// At most `max` requests in `window_secs` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub max: u32,
    pub window_secs: i64,
}

impl Rule {
    pub const fn per_minute(max: u32) -> Self {
        Rule {
            max,
            window_secs: 60,
        }
    }

    pub const fn new(max: u32, window_secs: i64) -> Self {
        Rule { max, window_secs }
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    start: i64,
    count: u32,
    window_secs: i64,
}

/// Buckets beyond which expired windows are swept on the next check.
const SWEEP_AT: usize = 10_000;

#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<(&'static str, String), Window>>,
}

impl RateLimiter {
    /// Counts one request; refuses it with 429 and `Retry-After` once the
    /// rule's budget for the current window is spent.
    pub fn check(
        &self,
        name: &'static str,
        key: &str,
        rule: Rule,
        now: i64,
    ) -> Result<(), Problem> {
        self.peek(name, key, rule, now)?;
        self.hit(name, key, rule, now);
        Ok(())
    }

    /// Refuses (429) when the budget is spent, without counting.
    pub fn peek(&self, name: &'static str, key: &str, rule: Rule, now: i64) -> Result<(), Problem> {
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        match windows.get(&(name, key.to_owned())) {
            Some(w) if w.start + rule.window_secs > now && w.count >= rule.max => {
                let retry_after = (w.start + rule.window_secs - now).max(1);
                Err(Problem::rate_limited(retry_after as u64))
            }
            _ => Ok(()),
        }
    }

    /// Counts one event (a request, a failed login) in the current window.
    pub fn hit(&self, name: &'static str, key: &str, rule: Rule, now: i64) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() >= SWEEP_AT {
            windows.retain(|_, w| w.start + w.window_secs > now);
        }
        let fresh = Window {
            start: now,
            count: 0,
            window_secs: rule.window_secs,
        };
        let window = windows.entry((name, key.to_owned())).or_insert(fresh);
        if window.start + rule.window_secs <= now {
            *window = fresh;
        }
        window.count += 1;
    }

    /// How many events the current window of `rule` holds for the key.
    pub fn count(&self, name: &'static str, key: &str, rule: Rule, now: i64) -> u32 {
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        match windows.get(&(name, key.to_owned())) {
            Some(w) if w.start + rule.window_secs > now => w.count,
            _ => 0,
        }
    }

    /// Takes one event back (a request that turned out not to be abuse: a
    /// login that succeeded, a challenge that was solved).
    pub fn forgive(&self, name: &'static str, key: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(window) = windows.get_mut(&(name, key.to_owned())) {
            window.count = window.count.saturating_sub(1);
        }
    }

    /// Forgets the window of one key (a successful login clears its failures).
    pub fn reset(&self, name: &'static str, key: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        windows.remove(&(name, key.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_past_the_budget_until_the_window_ends() {
        let limiter = RateLimiter::default();
        let rule = Rule::new(2, 60);
        assert!(limiter.check("t", "a", rule, 1000).is_ok());
        assert!(limiter.check("t", "a", rule, 1010).is_ok());
        let refused = limiter.check("t", "a", rule, 1020).unwrap_err();
        assert_eq!(refused.code(), "rate_limited");
        assert_eq!(refused.status().as_u16(), 429);
        // Another key has its own budget.
        assert!(limiter.check("t", "b", rule, 1020).is_ok());
        // The window started at 1000 ends at 1060.
        assert!(limiter.check("t", "a", rule, 1059).is_err());
        assert!(limiter.check("t", "a", rule, 1060).is_ok());
    }

    #[test]
    fn peek_does_not_count() {
        let limiter = RateLimiter::default();
        let rule = Rule::new(1, 60);
        for _ in 0..3 {
            assert!(limiter.peek("t", "a", rule, 0).is_ok());
        }
        limiter.hit("t", "a", rule, 0);
        assert!(limiter.peek("t", "a", rule, 30).is_err());
        assert!(limiter.peek("t", "a", rule, 60).is_ok());
    }

    #[test]
    fn forgiven_events_do_not_count() {
        let limiter = RateLimiter::default();
        let rule = Rule::new(2, 60);
        for _ in 0..5 {
            assert!(limiter.check("t", "a", rule, 0).is_ok());
            limiter.forgive("t", "a");
        }
        assert_eq!(limiter.count("t", "a", rule, 0), 0);
        assert!(limiter.check("t", "a", rule, 0).is_ok());
        assert!(limiter.check("t", "a", rule, 0).is_ok());
        assert_eq!(limiter.count("t", "a", rule, 0), 2);
        assert!(limiter.check("t", "a", rule, 0).is_err());
        assert_eq!(limiter.count("t", "a", rule, 60), 0);
        // Forgiving an unknown key is harmless.
        limiter.forgive("t", "b");
    }

    #[test]
    fn reset_clears_a_key() {
        let limiter = RateLimiter::default();
        let rule = Rule::new(1, 60);
        assert!(limiter.check("t", "a", rule, 0).is_ok());
        assert!(limiter.check("t", "a", rule, 1).is_err());
        limiter.reset("t", "a");
        assert!(limiter.check("t", "a", rule, 2).is_ok());
    }
}
