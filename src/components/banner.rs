use leptos::prelude::*;

use crate::api::{ApiError, registrations};
use crate::components::busy::{BusyStatus, BusyText};
use crate::components::retry_countdown::RetryNotice;
use crate::form::RetryCountdown;
use crate::rules::date::format_date;
use crate::session::use_session;

/// Shown to a signed-in subscriber who has not confirmed the e-mail yet: the
/// deadline and «Выслать ссылку» for a fresh link. The layout shows it only
/// to such a subscriber, through `lazy_routes::unconfirmed_banner`: the
/// release keeps it in a module of its own.
#[component]
pub fn UnconfirmedBanner() -> impl IntoView {
    let session = use_session();
    let resend = Action::new_local(|_: &()| registrations::resend());
    // «Слишком много попыток»: counted down like on the forms.
    let wait = RetryCountdown::new();
    Effect::new(move || {
        if let Some(Err(error)) = resend.value().get() {
            wait.show(&error);
        }
    });
    let deadline = move || {
        let user = session.user.get();
        let from_resend = resend
            .value()
            .get()
            .and_then(|r| r.ok())
            .map(|r| r.confirm_until);
        from_resend
            .or(user.and_then(|u| u.confirm_until))
            .map(|d| format_date(&d))
            .unwrap_or_default()
    };
    let email = move || {
        session
            .user
            .with(|u| u.as_ref().map(|u| u.email.clone()).unwrap_or_default())
    };

    view! {
        <section class="banner" aria-labelledby="banner-title">
            <h2 id="banner-title">"Подтвердите регистрацию"</h2>
            <p>
                "Для подтверждения регистрации перейдите по ссылке, отправленной на Ваш электронный адрес "
                <strong>{email}</strong> "."
            </p>
            <p>
                "Внимание! Ссылка действительна до " {deadline}
                ". После истечения указанной даты Ваш Личный кабинет будет удален."
            </p>
            <RetryNotice countdown=wait />
            <button
                type="button"
                class:busy=resend.pending()
                disabled=resend.pending()
                on:click=move |_| {
                    if wait.allows_submit() {
                        resend.dispatch(());
                    }
                }
            >
                <BusyText
                    label="Выслать ссылку"
                    busy_label="Отправляем…"
                />
            </button>
            <BusyStatus busy_label="Отправляем…" busy=resend.pending() />
            <p role="status" class="banner-status">
                {move || match resend.value().get() {
                    Some(Ok(_)) => {
                        format!(
                            "Новая ссылка отправлена на {}. Прежние ссылки больше не действуют.",
                            email(),
                        )
                    }
                    Some(Err(ApiError::TooManyRequests { .. })) => String::new(),
                    Some(Err(error)) => error.to_string(),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
