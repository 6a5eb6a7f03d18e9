//! The rate-limit state of a form. When the API answers 429, the form says
//! when to try again, counting down each second from `Retry-After`. Signals
//! only: `components::retry_countdown::RetryNotice` shows it.
//!
//! The submit button stays enabled: pressing it before the time is up sends
//! nothing and reads the notice out again (a disabled button would explain
//! nothing to a screen reader and would not take focus).

use std::time::Duration;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::rules::wait::{TOO_MANY_ATTEMPTS, seconds_left};

/// What the notice says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    Hidden,
    /// 429 without a usable `Retry-After`.
    Unknown,
    /// Whole seconds still to wait; 0 once the form may be sent again.
    Left(u32),
}

/// The countdown of one form (or of the unconfirmed banner). Show it with
/// `<RetryNotice countdown=…/>`; call [`RetryCountdown::allows_submit`]
/// first in the submit handler and [`RetryCountdown::show`] with a failure.
#[derive(Clone, Copy)]
pub struct RetryCountdown {
    wait: RwSignal<Wait>,
    /// Why: the first words of the notice (`rules::wait`).
    why: RwSignal<&'static str>,
    /// `Date.now()` in ms when the wait is over.
    deadline: StoredValue<f64>,
    timer: StoredValue<Option<IntervalHandle>>,
    /// Bumped each time the notice must take focus.
    asks: RwSignal<u32>,
}

impl Default for RetryCountdown {
    fn default() -> Self {
        Self::new()
    }
}

impl RetryCountdown {
    pub fn new() -> Self {
        let countdown = Self {
            wait: RwSignal::new(Wait::Hidden),
            why: RwSignal::new(TOO_MANY_ATTEMPTS),
            deadline: StoredValue::new(0.0),
            timer: StoredValue::new(None),
            asks: RwSignal::new(0),
        };
        on_cleanup(move || countdown.stop_timer());
        countdown
    }

    /// What the notice says now (tracked).
    pub fn wait(self) -> Wait {
        self.wait.get()
    }

    /// Why the form waits (tracked).
    pub fn why(self) -> &'static str {
        self.why.get()
    }

    /// Tracks the requests that the notice take focus.
    pub fn track_asks(self) {
        self.asks.track();
    }

    /// Shows a 429 answer and starts counting down; `false` for any other
    /// error, which the form shows its usual way.
    pub fn show(self, error: &ApiError) -> bool {
        let Some((why, retry_after)) = error.wait() else {
            return false;
        };
        self.stop_timer();
        self.why.set(why);
        match retry_after {
            Some(seconds) => {
                // «0» still means «not now»: wait at least a second.
                let seconds = seconds.max(1);
                self.deadline
                    .set_value(js_sys::Date::now() + f64::from(seconds) * 1000.0);
                self.wait.set(Wait::Left(seconds));
                // Ticks faster than once a second so the shown number follows
                // the clock even when a tick comes late.
                let timer =
                    set_interval_with_handle(move || self.tick(), Duration::from_millis(250)).ok();
                self.timer.set_value(timer);
            }
            None => self.wait.set(Wait::Unknown),
        }
        self.asks.update(|n| *n += 1);
        true
    }

    /// For the submit handler: while the wait is not over, `false`, and the
    /// notice takes focus again; otherwise the notice goes and `true`.
    pub fn allows_submit(self) -> bool {
        if matches!(self.wait.get_untracked(), Wait::Left(n) if n > 0) {
            self.asks.update(|n| *n += 1);
            return false;
        }
        self.wait.set(Wait::Hidden);
        true
    }

    fn tick(self) {
        let Some(deadline) = self.deadline.try_get_value() else {
            return;
        };
        let left = seconds_left(deadline, js_sys::Date::now());
        if self.wait.try_get_untracked() != Some(Wait::Left(left)) {
            self.wait.try_set(Wait::Left(left));
        }
        if left == 0 {
            self.stop_timer();
        }
    }

    fn stop_timer(self) {
        if let Some(Some(timer)) = self.timer.try_update_value(Option::take) {
            timer.clear();
        }
    }
}
