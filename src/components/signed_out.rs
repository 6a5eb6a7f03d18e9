use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::routes::Route;
use crate::session::use_session;

/// «Вы вышли из Личного кабинета.» on the login page that «Выход» leads to,
/// read out by a polite live region that stands on every page (empty), so
/// that the words are announced when they arrive. Said only after «Выход»
/// in this tab (`Session::left`, in memory): not on a plain visit of
/// /login, not after a reload, and leaving /login forgets it.
#[component]
pub fn SignedOutNotice() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let on_login = move || location.pathname.with(|path| *path == Route::Login.path());
    // Tracks the address only: «Выход» sets `left` before it leaves the page.
    Effect::new(move || {
        if !on_login() && session.left.get_untracked() {
            session.left.set(false);
        }
    });
    view! {
        <div role="status" class="signed-out">
            {move || {
                (session.left.get() && on_login())
                    .then(|| {
                        view! {
                            <p class="success">
                                "Вы вышли из Личного кабинета."
                            </p>
                        }
                    })
            }}
        </div>
    }
}
