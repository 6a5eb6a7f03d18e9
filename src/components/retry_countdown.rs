//! The rate-limit notice of a form. When the API answers 429, the form says
//! when to try again, counting down each second from `Retry-After`
//! («Слишком много попыток. Повторите через 42 с.» … «Можно повторить
//! попытку.»). It never says whether an account exists.
//!
//! The submit button stays enabled: pressing it before the time is up sends
//! nothing and reads the notice out again (a disabled button would explain
//! nothing to a screen reader and would not take focus).

use std::time::Duration;

use leptos::{either::Either, html, prelude::*};

use crate::api::ApiError;
use crate::rules::wait::{retry_countdown, seconds_left};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Wait {
    Hidden,
    /// 429 without a usable `Retry-After`.
    Unknown,
    /// Whole seconds still to wait; 0 once the form may be sent again.
    Left(u32),
}

/// The countdown of one form. Create it in the page; show it with
/// `<RetryNotice countdown=…/>`; call [`RetryCountdown::allows_submit`]
/// first in the submit handler and [`RetryCountdown::show`] with a failure.
#[derive(Clone, Copy)]
pub struct RetryCountdown {
    wait: RwSignal<Wait>,
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
            deadline: StoredValue::new(0.0),
            timer: StoredValue::new(None),
            asks: RwSignal::new(0),
        };
        on_cleanup(move || countdown.stop_timer());
        countdown
    }

    /// Shows a 429 answer and starts counting down; `false` for any other
    /// error, which the form shows its usual way.
    pub fn show(self, error: &ApiError) -> bool {
        let ApiError::TooManyRequests { retry_after } = error else {
            return false;
        };
        self.stop_timer();
        match *retry_after {
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

/// The notice itself, above the form. It is an alert (announced when it
/// appears and when the wait is over) and takes focus; the ticking line is a
/// `timer`, which screen readers do not read out every second.
#[component]
pub fn RetryNotice(countdown: RetryCountdown) -> impl IntoView {
    let notice = NodeRef::<html::Div>::new();
    Effect::new(move || {
        countdown.asks.track();
        if let Some(el) = notice.get() {
            let _ = el.focus();
        }
    });
    let wait = countdown.wait;
    view! {
        <Show when=move || wait.get() != Wait::Hidden>
            <div node_ref=notice id="retry-notice" class="alert" role="alert" tabindex="-1">
                {move || match wait.get() {
                    Wait::Left(n) if n > 0 => {
                        Either::Left(
                            view! {
                                <p role="timer" aria-live="off">
                                    {retry_countdown(n)}
                                </p>
                            },
                        )
                    }
                    Wait::Unknown => {
                        Either::Right(
                            view! {
                                <p>
                                    {ApiError::TooManyRequests {
                                        retry_after: None,
                                    }
                                        .to_string()}
                                </p>
                            },
                        )
                    }
                    _ => Either::Right(view! { <p>{retry_countdown(0)}</p> }),
                }}
            </div>
        </Show>
    }
}
