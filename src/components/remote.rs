use leptos::{either::EitherOf4, prelude::*};
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::routes::Route;

/// Shows what a `LocalResource` read: «Загрузка…» while it runs, the error
/// with «Повторить» when it failed, else `children` of the value. What is
/// not there (404: an account not linked, a payment of nobody's) is no
/// failure to retry: its way out is «Лицевые счета».
///
/// A plain `match` over the resource: lighter in the wasm than the
/// Transition/ErrorBoundary/Suspend trio, and enough for a read that has no
/// partial states.
#[component]
pub fn Remote<T, F, V>(resource: LocalResource<Result<T, ApiError>>, children: F) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => EitherOf4::A(loading()),
        Some(Ok(value)) => EitherOf4::B(children(value)),
        Some(Err(error)) if error.status() == Some(404) => EitherOf4::C(not_found(error)),
        Some(Err(error)) => EitherOf4::D(failed_with_retry(error.to_string(), move || {
            resource.refetch()
        })),
    }
}

/// The API's words for what is not there, and the way to what is (the
/// look of every failed read, with the way out as its primary action).
fn not_found(error: ApiError) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <p>{error.to_string()}</p>
            <p>
                "Возможно, ссылка устарела или лицевой счет отключен от Личного кабинета. Все подключенные счета и их платежи — в разделе «Лицевые счета»."
            </p>
            <A href=Route::Accounts.path() attr:class="button primary">
                "Лицевые счета"
            </A>
        </div>
    }
}

/// The line shown while something is on its way.
pub fn loading() -> impl IntoView {
    view! {
        <p role="status" class="loading">
            "Загрузка…"
        </p>
    }
}

/// What could not be fetched, with «Повторить», which calls `retry`.
///
/// The press removes the button it was made on, so the focus first moves to
/// the page's <main> (not the body); when the retry fails again, it comes
/// back to the new button.
pub fn failed_with_retry(
    message: String,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    // Once this alert is on the page. (Not a NodeRef: its effect cost every
    // visit 0.7 KB of brotli, this 0.35 KB.)
    request_animation_frame(|| {
        if main_is_focused()
            && let Some(button) = main_element()
                .and_then(|main| main.query_selector(".alert button").ok().flatten())
                .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
    view! {
        <div class="alert" role="alert">
            <p>{message}</p>
            <button
                type="button"
                on:click=move |_| {
                    focus_main();
                    retry();
                }
            >
                "Повторить"
            </button>
        </div>
    }
}

/// The page's <main> (the layout's `#main`, focusable with tabindex -1).
fn main_element() -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id("main")
        .and_then(|main| main.dyn_into().ok())
}

fn focus_main() {
    if let Some(main) = main_element() {
        let _ = main.focus();
    }
}

fn main_is_focused() -> bool {
    document()
        .active_element()
        .is_some_and(|active| active.id() == "main")
}
