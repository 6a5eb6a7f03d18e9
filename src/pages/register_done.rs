use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

use crate::components::outcome::{Outcome, Tone};
use crate::components::title::Title;
use crate::routes::Route;
use crate::rules::date::format_date;

/// `/register/done?email=…&until=…` — check your mail.
#[component]
pub fn RegisterDonePage() -> impl IntoView {
    let query = use_query_map();
    let email = move || query.read().get("email").unwrap_or_default();
    let until = move || {
        query
            .read()
            .get("until")
            .map(|d| format_date(&d))
            .unwrap_or_default()
    };

    view! {
        <Title text="Подтвердите регистрацию" />
        <h1>"Регистрация"</h1>
        <Outcome title="Проверьте почту" tone=Tone::Mail>
            <p>
                "Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет! Для подтверждения регистрации перейдите по ссылке, отправленной на Ваш электронный адрес "
                <strong>{email}</strong>
            </p>
            <p>
                "Если письмо не будет доставлено в течение нескольких минут, повторите отправку ссылки. Для этого войдите в Личный кабинет под Вашими логином и паролем и нажмите на кнопку «Выслать ссылку»."
            </p>
            <p class="warning">
                "Внимание! Ссылка действительна до " {until}
                ". После истечения указанной даты Ваш Личный кабинет будет удален."
            </p>
            <p class="panel-actions">
                <A href=Route::Login.path() attr:class="button primary">
                    "Возврат к странице Авторизации"
                </A>
            </p>
        </Outcome>
    }
}
