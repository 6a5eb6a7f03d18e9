use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_query_map},
};

use crate::api::session as api_session;
use crate::components::email_field::{EmailField, check_email};
use crate::components::form_shell::{Beside, FormShell};
use crate::components::password_field::{PasswordField, RevealPasswords};
use crate::components::title::Title;
use crate::form::{Field, Form};
use crate::routes::Route;
use crate::rules::return_path::safe_next;
use crate::session::use_session;

/// `/login?next=…` — «Вход в Личный кабинет».
#[component]
pub fn LoginPage() -> impl IntoView {
    let session = use_session();
    let email = Field::new("email");
    let pass = Field::new("password");
    let revealed = RwSignal::new(false);
    let form = Form::new(&[email, pass]);

    // At login only presence is checked: the policy may have changed since
    // the password was set, and the API has the final word.
    let check_password = move || {
        let empty = pass.value.read().is_empty();
        pass.check(if empty {
            Err("Введите пароль.")
        } else {
            Ok(())
        })
    };

    let login = Action::new_local(|(email, password): &(String, String)| {
        api_session::login(email.clone(), password.clone())
    });
    let navigate = use_navigate();
    let query = use_query_map();
    Effect::new(move || match login.value().get() {
        Some(Ok(user)) => {
            session.signed_in_as(user);
            let next = query.read_untracked().get("next");
            navigate(&safe_next(next.as_deref()), Default::default());
        }
        Some(Err(error)) => form.fail(&error),
        None => {}
    });

    let send = move || {
        if form.check([check_email(email), check_password()]) {
            login.dispatch((email.value.read().trim().to_owned(), pass.value.get()));
        }
    };

    view! {
        <Title text="Вход" />
        <h1>"Вход в Личный кабинет"</h1>
        <Show when=move || session.expired.get()>
            <p class="alert" role="status">
                "Сеанс работы завершён. Войдите снова, чтобы продолжить с того же места. Заполненные поля вернутся, кроме паролей: их нужно будет ввести заново."
            </p>
        </Show>
        <FormShell
            form=form
            on_submit=send
            submit="Войти"
            busy_text="Вход…"
            busy=login.pending()
        >
            <EmailField field=email />
            <PasswordField
                field=pass
                label="Пароль"
                validate=move || {
                    check_password();
                }
                revealed=revealed
                autocomplete="current-password"
            />
            <RevealPasswords checked=revealed controls="password" />
            // «Войти», then the two other ways on as one group: beside it
            // on a wide screen, stacked under it on a phone.
            <Beside slot>
                <span class="action-links">
                    <A href=Route::Recover.path()>"Забыли пароль?"</A>
                    <A href=Route::Register.path()>"Регистрация"</A>
                </span>
            </Beside>
        </FormShell>
    }
}
