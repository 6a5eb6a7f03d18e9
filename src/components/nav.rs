use leptos::{ev, prelude::*};
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::config::config;
use crate::routes::{Route, Section};
use crate::session::use_session;

/// The header: the supplier's wordmark and the navigation, one row on a
/// wide screen. On a phone the signed-in navigation folds behind «Меню», a
/// disclosure button (`aria-expanded`, `aria-controls`); Escape folds it
/// again and gives focus back to the button, and so does leaving the page.
/// «Выход» is a button: it changes state, and it must work from the keyboard.
/// The link of the page shown is marked (`aria-current="page"`: bold, a
/// thick underline).
#[component]
pub fn Nav(
    #[prop(into)] on_logout: Callback<()>,
    /// The address whose page the header marks when it is not the
    /// browser's: the gallery shows each screen at an address of its own.
    #[prop(optional_no_strip)]
    shown_at: Option<String>,
) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let path = Signal::derive(move || shown_at.clone().unwrap_or_else(|| location.pathname.get()));
    // The section of the page shown, not only of an exact link: paying for
    // an account belongs to «Оплата онлайн».
    let current = move || Section::of(&path.read());
    // As the router's own links mark themselves: on their page or under it.
    let marked = move |route: Route<'static>| {
        let href = route.path();
        let path = path.read();
        let under = path
            .strip_prefix(href.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        under.then_some("page")
    };
    let open = RwSignal::new(false);
    Effect::new(move || {
        location.pathname.track();
        open.set(false);
    });
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = document().get_element_by_id("menu-button") {
                let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    view! {
        <header class="site-header">
            <div class="site-header-inner" on:keydown=on_keydown>
                <a class="brand" href=Route::Home.path()>
                    <span class="wordmark">{config().wordmark.as_str()}</span>
                    <span class="brand-sub">"Личный кабинет"</span>
                </a>
                <Show
                    when=move || session.signed_in() == Some(true)
                    fallback=move || {
                        let unknown = session.signed_in().is_none() && current().is_some();
                        (!unknown)
                            .then(|| {
                                // On a cabinet page whose session check has not
                                // answered (the prerendered home), neither the menu
                                // nor these links are known to be true yet: none.
                                view! {
                                    <nav class="site-nav" aria-label="Основное меню">
                                        <ul>
                                            <li>
                                                <a
                                                    href=Route::Login.path()
                                                    aria-current=move || marked(Route::Login)
                                                >
                                                    "Вход"
                                                </a>
                                            </li>
                                            <li>
                                                <a
                                                    href=Route::Register.path()
                                                    aria-current=move || marked(Route::Register)
                                                >
                                                    "Регистрация"
                                                </a>
                                            </li>
                                        </ul>
                                    </nav>
                                }
                            })
                    }
                >
                    <button
                        type="button"
                        id="menu-button"
                        class="menu-button"
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        aria-controls="site-menu"
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        <span class="menu-icon" aria-hidden="true"></span>
                        "Меню"
                    </button>
                    <nav
                        id="site-menu"
                        class="site-nav site-menu"
                        class:open=move || open.get()
                        aria-label="Основное меню"
                    >
                        <ul>
                            {Section::MENU
                                .into_iter()
                                .map(|section| {
                                    view! {
                                        <li>
                                            <a
                                                href=section.link()
                                                aria-current=move || {
                                                    (current() == Some(section)).then_some("page")
                                                }
                                            >
                                                {section.label()}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()} <li>
                                <button
                                    type="button"
                                    class="link"
                                    on:click=move |_| on_logout.run(())
                                >
                                    "Выход"
                                </button>
                            </li>
                        </ul>
                    </nav>
                </Show>
            </div>
        </header>
    }
}
