use leptos::prelude::*;
use leptos_router::components::A;

use crate::session::use_session;

/// The top navigation: what a signed-out and a signed-in subscriber can do.
/// «Выход» is a button: it changes state, and it must work from the keyboard.
#[component]
pub fn Nav(#[prop(into)] on_logout: Callback<()>) -> impl IntoView {
    let session = use_session();
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand" href="/">"Личный кабинет"</a>
                <nav aria-label="Основное меню">
                    <Show
                        when=move || session.signed_in() == Some(true)
                        fallback=|| view! {
                            <ul>
                                <li><A href="/login">"Вход"</A></li>
                                <li><A href="/register">"Регистрация"</A></li>
                            </ul>
                        }
                    >
                        <ul>
                            <li><A href="/" exact=true>"Главная"</A></li>
                            <li><A href="/accounts">"Лицевые счета"</A></li>
                            <li><A href="/pay">"Оплата онлайн"</A></li>
                            <li><A href="/settings">"Настройки"</A></li>
                            <li><button type="button" class="link" on:click=move |_| on_logout.run(())>"Выход"</button></li>
                        </ul>
                    </Show>
                </nav>
            </div>
        </header>
    }
}
