use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

use crate::api::password_resets;
use crate::components::email_field::{EmailField, check_email};
use crate::components::form_shell::{Below, FormShell};
use crate::components::outcome::{Outcome, Tone};
use crate::components::robot_check::{RobotCheck, RobotCheckField, RobotCheckWait};
use crate::components::title::Title;
use crate::form::{Field, Form};
use crate::routes::Route;

/// `/recover` — «Восстановление пароля»: the e-mail and the robot check, then
/// «check your mail», worded the same whether or not the address is registered.
#[component]
pub fn RecoverPage() -> impl IntoView {
    let email = Field::new("email");
    let form = Form::new(&[email]);
    let robot = RobotCheck::start_new();
    // The address the link went to, once the API has accepted the request.
    let sent_to = RwSignal::new(None::<String>);

    let request = Action::new_local(|(email, captcha): &(String, String)| {
        password_resets::request(email.clone(), captcha.clone())
    });
    Effect::new(move || match request.value().get() {
        Some(Ok(())) => sent_to.set(Some(email.value.get_untracked().trim().to_owned())),
        Some(Err(error)) => {
            form.fail(&error);
            // The API takes a solution once: solve a fresh one for the next try.
            robot.restart();
        }
        None => {}
    });

    // Also run by the robot check when a press waited for it.
    let send = move || {
        if !form.check([check_email(email)]) {
            robot.cancel_wait();
            return;
        }
        robot.submit(form.summary, |captcha| {
            request.dispatch((email.value.read().trim().to_owned(), captcha));
        });
    };
    robot.send_when_done(form.summary, send);
    let ask_again = move |_| {
        sent_to.set(None);
        robot.restart();
    };

    view! {
        <Title text="Восстановление пароля" />
        <p class="back">
            <A href=Route::Login.path()>"← вход в Личный кабинет"</A>
        </p>
        <h1>"Восстановление пароля"</h1>
        {move || match sent_to.get() {
            None => {
                Either::Left(
                    view! {
                        <p>
                            "Укажите адрес электронной почты, который служит логином в Личном кабинете. Мы вышлем на него письмо со ссылкой для смены пароля."
                        </p>
                        <FormShell
                            form=form
                            on_submit=send
                            submit="Выслать ссылку"
                            busy=request.pending()
                        >
                            <EmailField field=email />
                            <RobotCheckField check=robot />
                            <Below slot>
                                <RobotCheckWait check=robot />
                            </Below>
                        </FormShell>
                    },
                )
            }
            Some(address) => {
                Either::Right(
                    view! {
                        <Outcome title="Проверьте почту" tone=Tone::Mail>
                            <p>
                                "Если адрес " <strong>{address}</strong>
                                " зарегистрирован в Личном кабинете, на него отправлено письмо со ссылкой для смены пароля. Ссылка действительна 1 час."
                            </p>
                            <p>
                                "Откройте письмо и перейдите по ссылке. Если письма нет через несколько минут, проверьте папку «Спам» и правильность адреса, затем запросите ссылку ещё раз. Действует только ссылка из последнего письма."
                            </p>
                            <p class="panel-actions">
                                <button type="button" on:click=ask_again>
                                    "Запросить ссылку ещё раз"
                                </button>
                            </p>
                        </Outcome>
                    },
                )
            }
        }}
    }
}
