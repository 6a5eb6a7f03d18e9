use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

use crate::api::{accounts, me, types::AccountSummary};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::form_shell::{Beside, FormShell, Status};
use crate::components::hint::Hint;
use crate::components::new_password::{NewPasswordFields, check_new_password, check_repeat};
use crate::components::outcome::Outcome;
use crate::components::password_field::{PasswordField, RevealPasswords};
use crate::components::remote::Remote;
use crate::components::title::Title;
use crate::form::{Field, Form, clear};
use crate::routes::Route;
use crate::rules::typography::{self, numbered};
use crate::session::use_session;

/// `/settings` — «Настройки абонента».
#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    let masked = move || {
        session.user.with(|u| {
            u.as_ref()
                .map(|u| u.email_masked.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <Title text="Настройки" />
        <h1>"Настройки абонента"</h1>
        <Hint
            id="login-help"
            topic="Логин"
            text="Логин — адрес электронной почты, указанный при регистрации. Он показан не полностью, чтобы его не прочитали через плечо."
        >
            <p class="label">"Логин: " {masked}</p>
        </Hint>
        <PasswordChange masked=Signal::derive(masked) />
        <LinkedAccounts />
    }
}

#[component]
fn PasswordChange(masked: Signal<String>) -> impl IntoView {
    let current = Field::new("current_password");
    let new = Field::new("new_password");
    let repeat = Field::new("new_password_repeat");
    let revealed = RwSignal::new(false);
    let form = Form::new(&[current, new]);

    let check_current = move || {
        current.check(if current.value.read().is_empty() {
            Err("Введите текущий пароль.")
        } else {
            Ok(())
        })
    };

    let change = Action::new_local(|(current, new): &(String, String)| {
        me::change_password(current.clone(), new.clone())
    });
    Effect::new(move || match change.value().get() {
        Some(Ok(())) => {
            // Done: clear the passwords, so none stays on screen.
            clear(&[current, new, repeat]);
        }
        Some(Err(error)) if error.code() == Some("wrong_password") => {
            form.fail_on(current, "Текущий пароль введён неверно.")
        }
        Some(Err(error)) => form.fail(&error),
        None => {}
    });
    let send = move || {
        if form.check([
            check_current(),
            check_new_password(new),
            check_repeat(new, repeat),
        ]) {
            change.dispatch((current.value.get(), new.value.get()));
        }
    };

    view! {
        <section class="section" aria-labelledby="password-title">
            <Hint
                id="password-help"
                topic="Смена пароля"
                text="После смены пароля все другие входы в Личный кабинет (на других телефонах и компьютерах) завершатся, и там нужно будет войти с новым паролем."
            >
                <h2 id="password-title">"Смена пароля"</h2>
            </Hint>
            <p>
                "Введите новый пароль для " {masked}
                ". Желательно, чтобы он отличался от ваших паролей для других веб-сайтов."
            </p>
            <FormShell
                form=form
                on_submit=send
                submit="Сменить пароль"
                busy_text="Сохраняем…"
                busy=change.pending()
            >
                <Status slot>
                    <Show when=move || matches!(change.value().get(), Some(Ok(())))>
                        <Outcome title="Пароль изменён">
                            <p>
                                "Пароль изменён. Другие входы в Личный кабинет завершены."
                            </p>
                            <p class="panel-actions">
                                <A href=Route::Home.path() attr:class="button">
                                    "На главную"
                                </A>
                            </p>
                        </Outcome>
                    </Show>
                </Status>
                <PasswordField
                    field=current
                    label="Текущий пароль:"
                    validate=move || {
                        check_current();
                    }
                    revealed=revealed
                    autocomplete="current-password"
                />
                <NewPasswordFields
                    pass=new
                    repeat=repeat
                    revealed=revealed
                    label="Новый пароль:"
                    repeat_label="Повторите пароль:"
                />
                <RevealPasswords
                    checked=revealed
                    controls="current_password new_password new_password_repeat"
                />
                <Beside slot>
                    <A href=Route::Recover.path()>"Забыли пароль?"</A>
                </Beside>
            </FormShell>
        </section>
    }
}

#[component]
fn LinkedAccounts() -> impl IntoView {
    let list = LocalResource::new(accounts::list);
    // The account waiting for «Отключить» to be confirmed.
    let to_unlink = RwSignal::new(None::<AccountSummary>);
    let unlink = Action::new_local(|id: &String| accounts::unlink(id.clone()));
    Effect::new(move || {
        if let Some(Ok(())) = unlink.value().get() {
            list.refetch();
        }
    });
    let question = Signal::derive(move || {
        to_unlink
            .get()
            .map(|a| format!("Отключить лицевой счет {}?", numbered(&a.number)))
    });
    let detail = Signal::derive(move || {
        to_unlink.get().map(|a| format!("Счет поставщика «{}» перестанет показываться в Личном кабинете; договор с поставщиком не меняется. Подключить счет снова можно в любой момент.", a.supplier.name)).unwrap_or_default()
    });

    view! {
        <section class="section" aria-labelledby="accounts-title">
            <Hint
                id="accounts-help"
                topic="Подключение ЛС"
                text="Здесь видны лицевые счета, подключённые к Вашему кабинету. Отключение счёта не влияет на договор с поставщиком: пропадает только его показ в Личном кабинете."
            >
                <h2 id="accounts-title">"Подключение ЛС"</h2>
            </Hint>
            {move || {
                unlink
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|e| {
                        view! {
                            <p class="alert" role="alert">
                                {e.to_string()}
                            </p>
                        }
                    })
            }}
            <Remote
                resource=list
                children=move |list| {
                    if list.is_empty() {
                        Either::Left(view! { <p>"Нет подключенных ЛС"</p> })
                    } else {
                        Either::Right(
                            view! {
                                <h3>"Текущие Лицевые счета"</h3>
                                <ul class="linked">
                                    {list
                                        .into_iter()
                                        .map(|account| {
                                            let label = format!(
                                                "Отключить лицевой счет {}",
                                                numbered(&account.number),
                                            );
                                            view! {
                                                // The number first and bold, then whose
                                                // and where, quieter; «Отключить» is a
                                                // quiet link-like button until the dialog.
                                                <li>
                                                    <p class="linked-account">
                                                        <strong class="number">{numbered(&account.number)}</strong>
                                                        <span>{account.supplier.name.clone()}</span>
                                                        <span class="note">
                                                            {typography::address(&account.address)}
                                                        </span>
                                                    </p>
                                                    <button
                                                        type="button"
                                                        class="quiet danger"
                                                        aria-label=label
                                                        on:click=move |_| to_unlink.set(Some(account.clone()))
                                                    >
                                                        "Отключить"
                                                    </button>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            },
                        )
                    }
                }
            />
            <p class="panel-actions">
                <A href=Route::LinkAccount.path() attr:class="button primary">
                    "Подключение ЛС"
                </A>
            </p>
            <ConfirmDialog
                question=question
                detail=detail
                confirm_label="Отключить"
                on_confirm=move || {
                    if let Some(account) = to_unlink.get_untracked() {
                        unlink.dispatch(account.id);
                    }
                    to_unlink.set(None);
                }
                on_cancel=move || to_unlink.set(None)
            />
        </section>
    }
}
