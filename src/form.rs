//! The state of a form: its fields' values and messages, and how a failed
//! answer of the API is spread over them. Signals only, no DOM.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::error_summary::FormError;
use crate::components::retry_countdown::RetryCountdown;

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

/// Puts a failed answer on screen: field messages on their fields and in the
/// summary, anything else as a line of the summary. Typed values stay.
pub fn show_api_error(error: &ApiError, fields: &[Field], summary: RwSignal<Vec<FormError>>) {
    let mut lines = Vec::new();
    if let ApiError::Problem {
        fields: messages, ..
    } = error
    {
        for (name, message) in messages {
            match fields.iter().find(|f| f.id == name) {
                Some(field) => {
                    field.error.set(Some(message.clone()));
                    lines.push(FormError::field(field.id, message.clone()));
                }
                None => lines.push(FormError::form(message.clone())),
            }
        }
    }
    if lines.is_empty() {
        lines.push(FormError::from_api(error));
    }
    summary.set(lines);
}

/// Like [`show_api_error`], except that a 429 shows the form's countdown.
pub fn show_failure(
    error: &ApiError,
    fields: &[Field],
    summary: RwSignal<Vec<FormError>>,
    wait: RetryCountdown,
) {
    if !wait.show(error) {
        show_api_error(error, fields, summary);
    }
}

/// A refusal about one field: under the field and, alone, in the summary.
pub fn show_field_error(field: Field, message: String, summary: RwSignal<Vec<FormError>>) {
    field.error.set(Some(message.clone()));
    summary.set(vec![FormError::field(field.id, message)]);
}

/// Forgets the kept values of a form once it has done its work.
pub fn forget_kept(fields: &[Field]) {
    for field in fields {
        field.value.set(String::new());
    }
}

fn draft_store() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}
