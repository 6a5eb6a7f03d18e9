use leptos::{prelude::*, task::spawn_local};

use crate::api::auth;
use crate::captcha;
use crate::components::error_summary::FormError;

/// Where «Защита от роботов» stands.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckStatus {
    Checking,
    Passed,
    Failed(String),
}

/// The proof-of-work check of a form: fetches a challenge and solves it in
/// the background as soon as the form opens.
#[derive(Clone, Copy)]
pub struct RobotCheck {
    pub status: RwSignal<CheckStatus>,
    solution: RwSignal<Option<String>>,
    /// Bumped on each start, so a superseded run cannot overwrite a newer one.
    run: StoredValue<u32>,
}

impl RobotCheck {
    pub fn start_new() -> Self {
        let check = Self {
            status: RwSignal::new(CheckStatus::Checking),
            solution: RwSignal::new(None),
            run: StoredValue::new(0),
        };
        check.restart();
        check
    }

    /// Starts over with a fresh challenge: after a failure, and after every
    /// submit, since the API accepts a solution once.
    pub fn restart(self) {
        self.run.update_value(|n| *n += 1);
        let run = self.run.get_value();
        self.status.set(CheckStatus::Checking);
        self.solution.set(None);
        spawn_local(async move {
            let outcome = match auth::captcha().await {
                Ok(challenge) => captcha::solve(&challenge)
                    .await
                    .ok_or_else(|| "Проверка не удалась.".to_owned()),
                Err(error) => Err(error.to_string()),
            };
            if self.run.try_get_value() != Some(run) {
                return;
            }
            match outcome {
                Ok(solution) => {
                    self.solution.set(Some(solution));
                    self.status.set(CheckStatus::Passed);
                }
                Err(message) => self.status.set(CheckStatus::Failed(message)),
            }
        });
    }

    /// The solution to send; `None` while checking or after a failure.
    pub fn solution(self) -> Option<String> {
        self.solution.get_untracked()
    }

    /// The solution to send, or the error summary's line saying why there
    /// is none yet.
    pub fn solution_or_error(self) -> Result<String, FormError> {
        self.solution().ok_or_else(|| {
            let message = match self.status.get_untracked() {
                CheckStatus::Failed(_) => {
                    "Проверка «Защита от роботов» не пройдена: нажмите «Повторить проверку»."
                }
                _ => "Дождитесь окончания проверки «Защита от роботов» и отправьте форму ещё раз.",
            };
            FormError {
                field: Some("captcha"),
                message: message.into(),
            }
        })
    }
}

/// Shows the check's state and, on failure, a way to retry. The state is a
/// live region: a screen reader announces «Проверка пройдена».
#[component]
pub fn RobotCheckField(check: RobotCheck) -> impl IntoView {
    view! {
        <div class="field robot-check" id="captcha" tabindex="-1">
            <p class="label">"Защита от роботов"</p>
            <p id="captcha-status" class="robot-status" role="status">
                {move || match check.status.get() {
                    CheckStatus::Checking => "Идёт проверка, что Вы не робот. Это займёт несколько секунд…".to_owned(),
                    CheckStatus::Passed => "✓ Проверка пройдена".to_owned(),
                    CheckStatus::Failed(why) => format!("Проверка не пройдена. {why}"),
                }}
            </p>
            <Show when=move || matches!(check.status.get(), CheckStatus::Failed(_))>
                <button type="button" class="secondary" on:click=move |_| check.restart()>
                    "Повторить проверку"
                </button>
            </Show>
        </div>
    }
}
