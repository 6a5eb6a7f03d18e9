use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::title::Title;
use crate::routes::Route;

/// Any route the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Страница не найдена" />
        <h1>"Страница не найдена"</h1>
        <p>
            "Такой страницы в Личном кабинете нет. Возможно, ссылка устарела или в адресе опечатка."
        </p>
        <p class="link-line">
            <A href=Route::Home.path()>"На главную страницу"</A>
        </p>
    }
}
