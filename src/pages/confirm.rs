use leptos::{either::EitherOf4, prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_query_map};

use crate::api::{ApiError, registrations, session as api_session};
use crate::components::outcome::{Outcome, Tone};
use crate::components::title::Title;
use crate::routes::Route;
use crate::session::use_session;

/// `/confirm?token=…` — the link of the confirmation mail.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let session = use_session();
    let token = use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let confirm = Action::new_local(|token: &String| registrations::confirm(token.clone()));
    let attempt = move || {
        confirm.dispatch(token.clone());
    };
    attempt.clone()();

    // The API signed the subscriber in: learn who, for the navigation.
    Effect::new(move || {
        if let Some(Ok(_)) = confirm.value().get() {
            spawn_local(async move {
                if let Ok(user) = api_session::current_user().await {
                    session.signed_in_as(user);
                }
            });
        }
    });

    view! {
        <Title text="Подтверждение регистрации" />
        <h1>"Подтверждение регистрации"</h1>
        // Each outcome is a live region of its own: what the link did is read out.
        {move || match confirm.value().get() {
            None => {
                EitherOf4::A(
                    view! {
                        <p role="status">"Подтверждаем регистрацию…"</p>
                    },
                )
            }
            Some(Ok(_)) => {
                EitherOf4::B(
                    view! {
                        <Outcome title="Регистрация подтверждена">
                            <p>
                                "Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет!"
                            </p>
                            <p>
                                "Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета."
                            </p>
                            <p class="panel-actions">
                                <A href=Route::LinkAccount.path() attr:class="button primary">
                                    "Подключить ЛС"
                                </A>
                            </p>
                        </Outcome>
                    },
                )
            }
            Some(Err(error)) if matches!(error.code(), Some("token_invalid" | "token_expired")) => {
                EitherOf4::C(link_problem(&error))
            }
            Some(Err(error)) => {
                let attempt = attempt.clone();
                EitherOf4::D(
                    view! {
                        <Outcome
                            title="Не удалось подтвердить регистрацию"
                            tone=Tone::Failure
                        >
                            <p>{error.to_string()}</p>
                            <p class="panel-actions">
                                <button
                                    type="button"
                                    class="primary"
                                    disabled=confirm.pending()
                                    on:click=move |_| attempt()
                                >
                                    "Повторить"
                                </button>
                            </p>
                        </Outcome>
                    },
                )
            }
        }}
    }
}

/// What helps when the link itself is the problem.
fn link_problem(error: &ApiError) -> impl IntoView + use<> {
    let expired = error.code() == Some("token_expired");
    let (primary, other) = if expired {
        (
            (Route::Register.path(), "Регистрация"),
            (Route::Login.path(), "Вход в Личный кабинет"),
        )
    } else {
        (
            (Route::Login.path(), "Вход в Личный кабинет"),
            (Route::Register.path(), "Регистрация"),
        )
    };
    view! {
        <Outcome title=error.to_string() tone=Tone::Failure>
            <p>
                {if expired {
                    "Личный кабинет, регистрация которого не была подтверждена до указанной в письме даты, удаляется. Зарегистрируйтесь заново с тем же адресом электронной почты."
                } else {
                    "Если Вы уже подтвердили регистрацию, просто войдите в Личный кабинет. Если Вы запрашивали новую ссылку кнопкой «Выслать ссылку», откройте ссылку из последнего письма: прежние ссылки перестают действовать."
                }}
            </p>
            <p class="panel-actions">
                <A href=primary.0 attr:class="button primary">
                    {primary.1}
                </A>
                <A href=other.0>{other.1}</A>
            </p>
        </Outcome>
    }
}
