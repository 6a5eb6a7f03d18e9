use leptos::{prelude::*, task::spawn_local};

use crate::api::registrations;
use crate::captcha;
use crate::form::FormError;

/// Where «Защита от роботов» stands.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckStatus {
    Checking,
    Passed,
    Failed(String),
}

/// The id of the check's block: summary lines about it link there.
const FIELD: &str = "captcha";

/// The proof-of-work check of a form: fetches a challenge and solves it in
/// the background as soon as the form opens.
///
/// Pressing the form's button while the check still runs is a request to
/// send: [`RobotCheck::submit`] remembers it, and the form sends
/// itself (through the callback given to [`RobotCheck::send_when_done`]) as
/// soon as the check ends — or shows the failure with its retry.
#[derive(Clone, Copy)]
pub struct RobotCheck {
    pub status: RwSignal<CheckStatus>,
    solution: RwSignal<Option<String>>,
    /// The subscriber pressed send while the check was running.
    queued: RwSignal<bool>,
    /// Bumped on each start, so a superseded run cannot overwrite a newer one.
    run: StoredValue<u32>,
}

impl RobotCheck {
    pub fn start_new() -> Self {
        let check = Self {
            status: RwSignal::new(CheckStatus::Checking),
            solution: RwSignal::new(None),
            queued: RwSignal::new(false),
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
            let outcome = match registrations::captcha().await {
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

    /// The last step of a form's submit, once its fields are valid: sends
    /// with the solution; while the check runs, remembers the press (the
    /// form is sent when it ends); after a failed check, says so in the
    /// summary. No line of an earlier try stays.
    pub fn submit(self, summary: RwSignal<Vec<FormError>>, dispatch: impl FnOnce(String)) {
        match self.solution_or_wait() {
            Ok(Some(solution)) => {
                summary.set(Vec::new());
                dispatch(solution);
            }
            Ok(None) => summary.set(Vec::new()),
            Err(failed) => summary.set(vec![failed]),
        }
    }

    /// `Ok(Some(solution))` to send now; `Ok(None)` while the check runs
    /// (the press is remembered); `Err` with the summary line after a
    /// failed check.
    fn solution_or_wait(self) -> Result<Option<String>, FormError> {
        match self.status.get_untracked() {
            CheckStatus::Passed => Ok(self.solution.get_untracked()),
            CheckStatus::Checking => {
                self.queued.set(true);
                Ok(None)
            }
            CheckStatus::Failed(_) => Err(FormError::field(
                FIELD,
                "Проверка «Защита от роботов» не пройдена: нажмите «Повторить проверку».",
            )),
        }
    }

    /// Forgets a remembered press: the form found errors in its fields.
    pub fn cancel_wait(self) {
        self.queued.set(false);
    }

    /// Whether a press waits for the check to end.
    pub fn waiting(self) -> bool {
        self.queued.get()
    }

    /// Wires the form to the check: when a check the subscriber is waiting
    /// for ends, `send` runs again (and sends, or shows the failure); when a
    /// retried check passes, the summary's line about the failure goes.
    pub fn send_when_done(self, summary: RwSignal<Vec<FormError>>, send: impl Fn() + 'static) {
        Effect::new(move || {
            if self.status.with(|s| *s == CheckStatus::Checking) {
                return;
            }
            if self.queued.get_untracked() {
                self.queued.set(false);
                send();
            } else if self.status.with(|s| *s == CheckStatus::Passed)
                && summary.with_untracked(|lines| lines.iter().any(|l| l.field == Some(FIELD)))
            {
                summary.update(|lines| lines.retain(|l| l.field != Some(FIELD)));
            }
        });
    }
}

/// Shows the check's state and, on failure, a way to retry. The state is a
/// live region: a screen reader announces «Проверка пройдена». It looks as
/// the other states of the cabinet do: checking is muted words with the
/// busy buttons' spinner, passed is green, failed is a field's error.
#[component]
pub fn RobotCheckField(check: RobotCheck) -> impl IntoView {
    view! {
        <div class="field robot-check" id=FIELD tabindex="-1">
            <p class="label">"Защита от роботов"</p>
            <p
                id="captcha-status"
                class=move || match check.status.get() {
                    CheckStatus::Checking => "robot-status checking",
                    CheckStatus::Passed => "robot-status passed",
                    CheckStatus::Failed(_) => "robot-status error",
                }
                role="status"
            >
                <Show when=move || check.status.get() == CheckStatus::Checking>
                    <span class="spinner" aria-hidden="true"></span>
                </Show>
                {move || match check.status.get() {
                    CheckStatus::Checking => {
                        "Идёт проверка, что Вы не робот. Это займёт несколько секунд…"
                            .to_owned()
                    }
                    CheckStatus::Passed => "✓ Проверка пройдена".to_owned(),
                    CheckStatus::Failed(why) => {
                        format!("Проверка не пройдена. {why}")
                    }
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

/// Beside the submit button: said (and announced) while a press waits for
/// the check, so the subscriber knows the form will go by itself.
#[component]
pub fn RobotCheckWait(check: RobotCheck) -> impl IntoView {
    view! {
        <p class="note submit-wait" role="status">
            {move || {
                check
                    .waiting()
                    .then_some(
                        "Форма будет отправлена автоматически, как только закончится проверка «Защита от роботов».",
                    )
            }}
        </p>
    }
}
