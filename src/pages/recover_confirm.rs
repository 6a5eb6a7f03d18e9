use leptos::{either::EitherOf3, prelude::*};
use leptos_router::{components::A, hooks::use_query_map};

use crate::api::{ApiError, password_resets};
use crate::components::form_shell::FormShell;
use crate::components::new_password::{NewPasswordFields, check_new_password, check_repeat};
use crate::components::outcome::{Outcome as Panel, Tone};
use crate::components::password_field::RevealPasswords;
use crate::components::title::Title;
use crate::form::{Field, Form, clear};
use crate::routes::Route;
use crate::session::use_session;

/// What became of the link.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// The form is open (also after a fixable error).
    Open,
    Done,
    /// Expired, used, replaced or unknown: only a new link helps.
    BadLink {
        expired: bool,
    },
}

/// `/recover/confirm?token=…` — the link of the reset mail: a new password twice.
#[component]
pub fn RecoverConfirmPage() -> impl IntoView {
    let session = use_session();
    let token = use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let pass = Field::new("password");
    let repeat = Field::new("password_repeat");
    let revealed = RwSignal::new(false);
    let form = Form::new(&[pass]);
    let outcome = RwSignal::new(if token.is_empty() {
        Outcome::BadLink { expired: false }
    } else {
        Outcome::Open
    });

    let confirm = Action::new_local(|(token, password): &(String, String)| {
        password_resets::confirm(token.clone(), password.clone())
    });
    Effect::new(move || match confirm.value().get() {
        Some(Ok(())) => {
            // Every session of the cabinet has ended, this tab's too.
            session.signed_out();
            clear(&[pass, repeat]);
            outcome.set(Outcome::Done);
        }
        Some(Err(error)) if matches!(error.code(), Some("token_invalid" | "token_expired")) => {
            outcome.set(Outcome::BadLink {
                expired: error.code() == Some("token_expired"),
            });
        }
        Some(Err(error)) => form.fail(&error),
        None => {}
    });

    let send = move || {
        if form.check([check_new_password(pass), check_repeat(pass, repeat)]) {
            confirm.dispatch((token.clone(), pass.value.get()));
        }
    };

    view! {
        <Title text="Смена пароля" />
        <h1>"Восстановление пароля"</h1>
        {move || match outcome.get() {
            Outcome::Open => {
                EitherOf3::A(
                    view! {
                        <p>
                            "Придумайте новый пароль для входа в Личный кабинет и введите его дважды."
                        </p>
                        <FormShell
                            form=form
                            on_submit=send.clone()
                            submit="Сохранить пароль"
                            busy_text="Сохраняем…"
                            busy=confirm.pending()
                        >
                            <NewPasswordFields
                                pass=pass
                                repeat=repeat
                                revealed=revealed
                                label="Новый пароль"
                                repeat_label="Повторите пароль"
                            />
                            <RevealPasswords checked=revealed controls="password password_repeat" />
                        </FormShell>
                    },
                )
            }
            Outcome::Done => {
                EitherOf3::B(
                    view! {
                        <Panel title="Пароль изменён">
                            <p>
                                "Пароль изменён. Все прежние входы в Личный кабинет завершены."
                            </p>
                            <p class="panel-actions">
                                <A href=Route::Login.path() attr:class="button primary">
                                    "Войти с новым паролем"
                                </A>
                            </p>
                        </Panel>
                    },
                )
            }
            Outcome::BadLink { expired } => EitherOf3::C(bad_link(expired)),
        }}
    }
}

/// An expired or spent link: say so and offer a new one.
fn bad_link(expired: bool) -> impl IntoView {
    let code = if expired {
        "token_expired"
    } else {
        "token_invalid"
    };
    let error = ApiError::Problem {
        status: if expired { 410 } else { 404 },
        code: code.into(),
        detail: String::new(),
        fields: Default::default(),
    };
    view! {
        <Panel title=error.to_string() tone=Tone::Failure>
            <p>
                {if expired {
                    "Ссылка для смены пароля действует 1 час. Запросите новую ссылку: она придёт на тот же адрес."
                } else {
                    "Ссылкой можно воспользоваться один раз, и действует только ссылка из последнего письма. Если пароль уже изменён, войдите с новым паролем; если нет, запросите новую ссылку."
                }}
            </p>
            <p class="panel-actions">
                <A href=Route::Recover.path() attr:class="button primary">
                    "Запросить новую ссылку"
                </A>
                <A href=Route::Login.path()>"Вход в Личный кабинет"</A>
            </p>
        </Panel>
    }
}
