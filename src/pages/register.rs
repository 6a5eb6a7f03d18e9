use leptos::{ev::SubmitEvent, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_navigate};

use crate::api::registrations;
use crate::components::email_field::{EmailField, check_email};
use crate::components::error_summary::{ErrorSummary, FormError};
use crate::components::new_password::{NewPasswordFields, check_new_password, check_repeat};
use crate::components::password_field::RevealPasswords;
use crate::components::retry_countdown::{RetryCountdown, RetryNotice};
use crate::components::robot_check::{RobotCheck, RobotCheckField, RobotCheckWait};
use crate::form::{Field, show_failure};
use crate::routes::Route;

/// `/register` — «Регистрация».
#[component]
pub fn RegisterPage() -> impl IntoView {
    let email = Field::new("email");
    let pass = Field::new("password");
    let repeat = Field::new("password_repeat");
    let revealed = RwSignal::new(false);
    let summary = RwSignal::new(Vec::<FormError>::new());
    let robot = RobotCheck::start_new();
    let wait = RetryCountdown::new();

    let check_email = move || check_email(email);
    let check_password = move || check_new_password(pass);
    let check_repeat = move || check_repeat(pass, repeat);

    let register = Action::new_local(|(email, password, captcha): &(String, String, String)| {
        registrations::register(email.clone(), password.clone(), captcha.clone())
    });
    let navigate = use_navigate();
    Effect::new(move || match register.value().get() {
        Some(Ok(done)) => {
            let query = format!(
                "{}?email={}&until={}",
                Route::RegisterDone.path(),
                js_sys::encode_uri_component(&done.email),
                js_sys::encode_uri_component(&done.confirm_until),
            );
            navigate(&query, Default::default());
        }
        Some(Err(error)) => {
            show_failure(&error, &[email, pass], summary, wait);
            // The API takes a solution once: solve a fresh challenge for the next try.
            robot.restart();
        }
        None => {}
    });

    // Also run by the robot check when a press waited for it.
    let send = move || {
        if !wait.allows_submit() {
            return;
        }
        let errors: Vec<FormError> = [check_email(), check_password(), check_repeat()]
            .into_iter()
            .flatten()
            .collect();
        if !errors.is_empty() {
            robot.cancel_wait();
            summary.set(errors);
            return;
        }
        robot.submit(summary, |captcha| {
            register.dispatch((
                email.value.read().trim().to_owned(),
                pass.value.get(),
                captcha,
            ));
        });
    };
    robot.send_when_done(summary, send);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send();
    };

    view! {
        <Title text="Регистрация" />
        <p class="back">
            <A href=Route::Login.path()>"← вход в Личный кабинет"</A>
        </p>
        <h1>"Регистрация"</h1>
        <p>
            "Адрес электронной почты в Личном кабинете будет использоваться в качестве Вашего имени пользователя (логина) для доступа к услугам Личного кабинета."
        </p>
        <p>
            "Дополнительные данные Вы сможете заполнить в своем Личном кабинете после регистрации."
        </p>
        <ErrorSummary errors=summary />
        <RetryNotice countdown=wait />
        <form novalidate on:submit=on_submit class="form">
            <EmailField field=email />
            <NewPasswordFields
                pass=pass
                repeat=repeat
                revealed=revealed
                label="Укажите пароль"
                repeat_label="Повторите пароль"
            />
            <RevealPasswords checked=revealed controls="password password_repeat" />
            <RobotCheckField check=robot />
            <p>
                "Нажимая кнопку 'Зарегистрироваться', Вы принимаете условия "
                <A href=Route::Agreement
                    .path()>"Пользовательского соглашения"</A>
            </p>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=register.pending()>
                    "Зарегистрироваться"
                </button>
            </div>
            <RobotCheckWait check=robot />
        </form>
    }
}
