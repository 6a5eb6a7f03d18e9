use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_navigate};

use crate::api::registrations;
use crate::components::email_field::{EmailField, check_email};
use crate::components::form_shell::{Below, FormShell};
use crate::components::new_password::{NewPasswordFields, check_new_password, check_repeat};
use crate::components::password_field::RevealPasswords;
use crate::components::robot_check::{RobotCheck, RobotCheckField, RobotCheckWait};
use crate::components::title::Title;
use crate::form::{Field, Form};
use crate::routes::Route;

/// `/register` — «Регистрация».
#[component]
pub fn RegisterPage() -> impl IntoView {
    let email = Field::new("email");
    let pass = Field::new("password");
    let repeat = Field::new("password_repeat");
    let revealed = RwSignal::new(false);
    let form = Form::new(&[email, pass]);
    let robot = RobotCheck::start_new();

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
            form.fail(&error);
            // The API takes a solution once: solve a fresh challenge for the next try.
            robot.restart();
        }
        None => {}
    });

    // Also run by the robot check when a press waited for it.
    let send = move || {
        if !form.check([
            check_email(email),
            check_new_password(pass),
            check_repeat(pass, repeat),
        ]) {
            robot.cancel_wait();
            return;
        }
        robot.submit(form.summary, |captcha| {
            register.dispatch((
                email.value.read().trim().to_owned(),
                pass.value.get(),
                captcha,
            ));
        });
    };
    robot.send_when_done(form.summary, send);

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
        <FormShell
            form=form
            on_submit=send
            submit="Зарегистрироваться"
            busy_text="Регистрируем…"
            busy=register.pending()
        >
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
                "Нажимая кнопку «Зарегистрироваться», Вы принимаете условия "
                <A href=Route::Agreement
                    .path()>"Пользовательского соглашения"</A>
            </p>
            <Below slot>
                <RobotCheckWait check=robot />
            </Below>
        </FormShell>
    }
}
