//! The state of a form: its fields' values and messages, the error summary's
//! lines, the 429 countdown, and how a failed answer of the API is spread
//! over them. Signals only, no DOM: `components::form_shell` shows it.

use leptos::prelude::*;

use crate::api::ApiError;

mod countdown;

pub use countdown::{RetryCountdown, Wait};

/// One input: its value and the message shown under it. `id` is the input's
/// id and the API's field name, so a server field error finds its input.
#[derive(Clone, Copy)]
pub struct Field {
    pub id: &'static str,
    pub value: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
}

impl Field {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            value: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    /// A field whose value outlives the page in this browser tab
    /// (`sessionStorage`, under `form/id`): when the session ends mid-form and
    /// the subscriber logs in again, it is still there. Never for passwords.
    pub fn kept(form: &'static str, id: &'static str) -> Self {
        let key = format!("{form}/{id}");
        let field = Self::new(id);
        if let Some(saved) = draft_store().and_then(|s| s.get_item(&key).ok().flatten()) {
            field.value.set(saved);
        }
        Effect::new(move || {
            let value = field.value.get();
            if let Some(store) = draft_store() {
                let _ = if value.is_empty() {
                    store.remove_item(&key)
                } else {
                    store.set_item(&key, &value)
                };
            }
        });
        field
    }

    /// Shows the outcome of a rule on the field; returns the summary line when
    /// the value is invalid.
    pub fn check<M: Into<String>>(self, outcome: Result<(), M>) -> Option<FormError> {
        let message = outcome.err().map(Into::into);
        self.error.set(message.clone());
        message.map(|message| FormError::field(self.id, message))
    }
}

/// One line of the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct FormError {
    /// Id of the input the line links to; `None` for errors of the whole form
    /// (wrong password, no network, …).
    pub field: Option<&'static str>,
    pub message: String,
    /// The service failed (no network, a server error, an unreadable
    /// answer), not what the subscriber typed: the summary must not ask them
    /// to check their input.
    pub service: bool,
}

impl FormError {
    /// A line about one field, linking to it.
    pub fn field(id: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: Some(id),
            message: message.into(),
            service: false,
        }
    }

    /// A line about the whole form.
    pub fn form(message: impl Into<String>) -> Self {
        Self {
            field: None,
            message: message.into(),
            service: false,
        }
    }

    /// A line about a failure of the service, not of the input.
    pub fn service(message: impl Into<String>) -> Self {
        Self {
            service: true,
            ..Self::form(message)
        }
    }

    /// The line for a failed request that names no field: a service failure
    /// also says that the typed values are still there.
    pub fn from_api(error: &ApiError) -> Self {
        if error.is_service_failure() {
            Self::service(format!("{error} Введённые данные сохранены."))
        } else {
            Self::form(error.to_string())
        }
    }
}

/// The summary's heading: only input problems ask to check the input.
pub fn summary_title(errors: &[FormError]) -> &'static str {
    if errors.iter().all(|e| e.service) {
        "Не удалось выполнить запрос"
    } else {
        "Проверьте введённые данные"
    }
}

/// What every form page shares: the summary's lines, the 429 countdown, and
/// the inputs a failed answer may name. `Copy`: handlers capture it freely.
#[derive(Clone, Copy)]
pub struct Form {
    /// The lines of the error summary; empty hides it.
    pub summary: RwSignal<Vec<FormError>>,
    pub wait: RetryCountdown,
    /// The inputs the API may name in its field errors.
    fields: StoredValue<Vec<Field>>,
}

impl Form {
    /// A form whose failed answers may name `fields` (by their ids).
    pub fn new(fields: &[Field]) -> Self {
        Self {
            summary: RwSignal::new(Vec::new()),
            wait: RetryCountdown::new(),
            fields: StoredValue::new(fields.to_vec()),
        }
    }

    /// The outcomes of the field checks at submit: the failures go to the
    /// summary (none: the summary goes); `true` when all passed.
    pub fn check<const N: usize>(self, outcomes: [Option<FormError>; N]) -> bool {
        let errors: Vec<FormError> = outcomes.into_iter().flatten().collect();
        let passed = errors.is_empty();
        self.summary.set(errors);
        passed
    }

    /// Puts these lines in the summary (none: the summary goes).
    pub fn show(self, lines: Vec<FormError>) {
        self.summary.set(lines);
    }

    /// A failed answer: a 429 starts the countdown, anything else is spread
    /// as [`Form::spread`] does.
    pub fn fail(self, error: &ApiError) {
        if !self.wait.show(error) {
            self.spread(error);
        }
    }

    /// Puts a failed answer on screen: field messages on their fields and in
    /// the summary, anything else as a line of the summary. Typed values stay.
    pub fn spread(self, error: &ApiError) {
        let mut lines = Vec::new();
        if let ApiError::Problem {
            fields: messages, ..
        } = error
        {
            self.fields.with_value(|fields| {
                for (name, message) in messages {
                    match fields.iter().find(|f| f.id == name) {
                        Some(field) => {
                            field.error.set(Some(message.clone()));
                            lines.push(FormError::field(field.id, message.clone()));
                        }
                        None => lines.push(FormError::form(message.clone())),
                    }
                }
            });
        }
        if lines.is_empty() {
            lines.push(FormError::from_api(error));
        }
        self.summary.set(lines);
    }

    /// A refusal about one field: under the field and, alone, in the summary.
    pub fn fail_on(self, field: Field, message: impl Into<String>) {
        let message = message.into();
        field.error.set(Some(message.clone()));
        self.summary.set(vec![FormError::field(field.id, message)]);
    }
}

/// Empties fields once their form has done its work: typed passwords, and
/// kept values (which then leave the tab's storage too).
pub fn clear(fields: &[Field]) {
    for field in fields {
        field.value.set(String::new());
    }
}

fn draft_store() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}
