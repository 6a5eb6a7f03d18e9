use leptos::{either::Either, ev::SubmitEvent, prelude::*};
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::password_resets;
use crate::components::email_field::{EmailField, check_email};
use crate::components::error_summary::{ErrorSummary, FormError};
use crate::components::outcome::Outcome;
use crate::components::retry_countdown::{RetryCountdown, RetryNotice};
use crate::components::robot_check::{RobotCheck, RobotCheckField, RobotCheckWait};
use crate::form::{Field, show_failure};
use crate::routes::Route;

/// `/recover` — «Восстановление пароля»: the e-mail and the robot check, then
/// «check your mail», worded the same whether or not the address is registered.
#[component]
pub fn RecoverPage() -> impl IntoView {
    let email = Field::new("email");
    let summary = RwSignal::new(Vec::<FormError>::new());
    let robot = RobotCheck::start_new();
    let wait = RetryCountdown::new();
    // The address the link went to, once the API has accepted the request.
    let sent_to = RwSignal::new(None::<String>);

    let check_email = move || check_email(email);

    let request = Action::new_local(|(email, captcha): &(String, String)| {
        password_resets::request(email.clone(), captcha.clone())
    });
    Effect::new(move || match request.value().get() {
        Some(Ok(())) => sent_to.set(Some(email.value.get_untracked().trim().to_owned())),
        Some(Err(error)) => {
            show_failure(&error, &[email], summary, wait);
            // The API takes a solution once: solve a fresh one for the next try.
            robot.restart();
        }
        None => {}
    });

    // Also run by the robot check when a press waited for it.
    let send = move || {
        if !wait.allows_submit() {
            return;
        }
        if let Some(error) = check_email() {
            robot.cancel_wait();
            summary.set(vec![error]);
            return;
        }
        robot.submit(summary, |captcha| {
            request.dispatch((email.value.read().trim().to_owned(), captcha));
        });
    };
    robot.send_when_done(summary, send);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send();
    };
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
                        <ErrorSummary errors=summary />
                        <RetryNotice countdown=wait />
                        <form novalidate on:submit=on_submit class="form">
                            <EmailField field=email />
                            <RobotCheckField check=robot />
                            <div class="form-actions">
                                <button type="submit" class="primary" disabled=request.pending()>
                                    "Выслать ссылку"
                                </button>
                            </div>
                            <RobotCheckWait check=robot />
                        </form>
                    },
                )
            }
            Some(address) => {
                Either::Right(
                    view! {
                        <Outcome title="Проверьте почту" class="panel outcome mail">
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
