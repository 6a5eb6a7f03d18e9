//! The rate-limit notice of a form. When the API answers 429, the form says
//! when to try again, counting down each second from `Retry-After`
//! («Слишком много попыток. Повторите через 42 с.» … «Можно повторить
//! попытку.»), after why it waits when that is not the usual «too many»
//! (a locked account number: `rules::wait::ACCOUNT_LOCKED`). It never says
//! whether an account exists. The state is [`RetryCountdown`], in `crate::form`.

use leptos::{either::Either, html, prelude::*};

use crate::form::{RetryCountdown, Wait};
use crate::rules::wait::waiting;

/// The notice itself, above the form. It is an alert (announced when it
/// appears and when the wait is over) and takes focus; the ticking line is a
/// `timer`, which screen readers do not read out every second.
#[component]
pub fn RetryNotice(countdown: RetryCountdown) -> impl IntoView {
    let notice = NodeRef::<html::Div>::new();
    Effect::new(move || {
        countdown.track_asks();
        if let Some(el) = notice.get() {
            let _ = el.focus();
        }
    });
    view! {
        <Show when=move || countdown.wait() != Wait::Hidden>
            <div node_ref=notice id="retry-notice" class="alert" role="alert" tabindex="-1">
                {move || match countdown.wait() {
                    Wait::Left(n) if n > 0 => {
                        Either::Left(
                            view! {
                                <p role="timer" aria-live="off">
                                    {waiting(countdown.why(), Some(n))}
                                </p>
                            },
                        )
                    }
                    Wait::Unknown => {
                        Either::Right(view! { <p>{waiting(countdown.why(), None)}</p> })
                    }
                    _ => Either::Right(view! { <p>{waiting(countdown.why(), Some(0))}</p> }),
                }}
            </div>
        </Show>
    }
}
