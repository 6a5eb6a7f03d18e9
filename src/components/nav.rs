use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

use crate::routes::{Route, Section};
use crate::session::use_session;

/// The signed-in sections, in the order of the menu.
const SECTIONS: [(Section, Route, &str); 4] = [
    (Section::Home, Route::Home, "Главная"),
    (Section::Accounts, Route::Accounts, "Лицевые счета"),
    (Section::Pay, Route::ChooseAccountToPay, "Оплата онлайн"),
    (Section::Settings, Route::Settings, "Настройки"),
];

/// The top navigation: what a signed-out and a signed-in subscriber can do.
/// «Выход» is a button: it changes state, and it must work from the keyboard.
#[component]
pub fn Nav(#[prop(into)] on_logout: Callback<()>) -> impl IntoView {
    let session = use_session();
    // The section of the page shown, not only of an exact link: paying for
    // an account belongs to «Оплата онлайн».
    let location = use_location();
    let current = move || Section::of(&location.pathname.read());
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand" href=Route::Home.path()>"Личный кабинет"</a>
                <nav aria-label="Основное меню">
                    <Show
                        when=move || session.signed_in() == Some(true)
                        fallback=|| view! {
                            <ul>
                                <li><A href=Route::Login.path()>"Вход"</A></li>
                                <li><A href=Route::Register.path()>"Регистрация"</A></li>
                            </ul>
                        }
                    >
                        <ul>
                            {SECTIONS.into_iter().map(|(section, route, label)| view! {
                                <li><a href=route.path() aria-current=move || (current() == Some(section)).then_some("page")>{label}</a></li>
                            }).collect_view()}
                            <li><button type="button" class="link" on:click=move |_| on_logout.run(())>"Выход"</button></li>
                        </ul>
                    </Show>
                </nav>
            </div>
        </header>
    }
}
