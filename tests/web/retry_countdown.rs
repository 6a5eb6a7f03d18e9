//! `RetryNotice`: the countdown after a 429, and the retry it then allows.

use crate::support::{attr, by_id, focused_id, mount, text_of};
use kabinet::api::ApiError;
use kabinet::components::retry_countdown::RetryNotice;
use kabinet::form::RetryCountdown;
use kabinet::timer::sleep;
use leptos::{prelude::*, task::tick};
use std::{cell::Cell, rc::Rc};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

/// The notice and a submit button, mounted; the page and its countdown.
fn mounted() -> (impl Drop, RetryCountdown) {
    let made = Rc::new(Cell::new(None));
    let page = mount({
        let made = made.clone();
        move || {
            let wait = RetryCountdown::new();
            made.set(Some(wait));
            view! {
                <RetryNotice countdown=wait />
                <button id="send">"Войти"</button>
            }
        }
    });
    (page, made.get().unwrap())
}

#[wasm_bindgen_test]
async fn rate_limit_notice_counts_down_each_second_then_allows_a_retry() {
    let (_page, wait) = mounted();
    assert_eq!(text_of("retry-notice"), None, "hidden until a 429");
    assert!(wait.allows_submit());

    // Other failures are not the countdown's to show.
    assert!(!wait.show(&ApiError::Network));
    tick().await;
    assert_eq!(text_of("retry-notice"), None);

    assert!(wait.show(&ApiError::TooManyRequests {
        retry_after: Some(2)
    }));
    tick().await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Слишком много попыток. Повторите через 2 с.")
    );
    assert_eq!(focused_id(), "retry-notice", "the notice takes focus");
    assert_eq!(attr("retry-notice", "role").as_deref(), Some("alert"));
    // The ticking line is a timer: not read out every second.
    let timer = document()
        .query_selector("#retry-notice [role=timer]")
        .unwrap();
    assert!(timer.is_some());

    // Pressing early sends nothing and reads the notice out again.
    by_id::<HtmlElement>("send").focus().unwrap();
    assert!(!wait.allows_submit());
    tick().await;
    assert_eq!(focused_id(), "retry-notice");

    // Real time: the countdown follows the clock.
    sleep(1100).await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Слишком много попыток. Повторите через 1 с.")
    );
    sleep(1100).await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Можно повторить попытку.")
    );
    assert!(wait.allows_submit());
    tick().await;
    assert_eq!(text_of("retry-notice"), None, "gone with the next submit");

    // Without a usable Retry-After: a plain «later», and no countdown.
    assert!(wait.show(&ApiError::TooManyRequests { retry_after: None }));
    tick().await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Слишком много попыток. Повторите через несколько минут.")
    );
    assert!(wait.allows_submit());
}

#[wasm_bindgen_test]
async fn a_locked_account_number_says_why_the_form_waits() {
    let (_page, wait) = mounted();
    assert!(wait.show(&ApiError::AccountLocked {
        retry_after: Some(3599)
    }));
    tick().await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some(
            "Слишком много неудачных попыток подключить этот лицевой счет. Повторите через 59 мин 59 с."
        )
    );
    assert_eq!(focused_id(), "retry-notice");

    // The next wait of the same form is an ordinary one again.
    assert!(wait.show(&ApiError::TooManyRequests {
        retry_after: Some(5)
    }));
    tick().await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Слишком много попыток. Повторите через 5 с.")
    );
}
