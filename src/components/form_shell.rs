//! The frame of every form: the error summary and the 429 notice above it,
//! then `<form novalidate>` with its fields and its submit button. A submit
//! reaches the page only when it may go: not while a send is in flight (no
//! double submit), not before the countdown is over.

use leptos::{either::Either, ev::SubmitEvent, prelude::*};

use crate::components::busy::{BusyStatus, BusyText};
use crate::components::error_summary::ErrorSummary;
use crate::components::retry_countdown::RetryNotice;
use crate::form::Form;

/// Between the notices and the form: what the last send achieved.
#[slot]
pub struct Status {
    children: Children,
}

/// In the row of the submit button (`form-actions`): a cancel button, a
/// link.
#[slot]
pub struct Beside {
    children: Children,
}

/// Inside the form, after the button (the robot check's waiting note).
#[slot]
pub struct Below {
    children: Children,
}

/// The form's own row of buttons, instead of the submit button's.
#[slot]
pub struct Buttons {
    children: Children,
}

#[component]
pub fn FormShell(
    form: Form,
    /// Runs on each submit that may go. A callback, not a generic closure:
    /// one copy of the shell in the wasm serves every page.
    #[prop(into)]
    on_submit: Callback<()>,
    /// The submit button's text.
    #[prop(optional)]
    submit: &'static str,
    /// What the submit button says while the send is in flight.
    #[prop(default = "Отправляем…")]
    busy_text: &'static str,
    /// A send is in flight: the button is disabled, says `busy_text` with a
    /// spinner, and a submit does nothing.
    #[prop(into)]
    busy: Signal<bool>,
    #[prop(optional)] status: Option<Status>,
    #[prop(optional)] beside: Option<Beside>,
    #[prop(optional)] below: Option<Below>,
    #[prop(optional)] buttons: Option<Buttons>,
    /// The fields.
    children: Children,
) -> impl IntoView {
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || !form.wait.allows_submit() {
            return;
        }
        on_submit.run(());
    };
    let actions = match buttons {
        Some(buttons) => Either::Left((buttons.children)()),
        None => Either::Right(view! {
            <div class="form-actions">
                <button type="submit" class="primary" class:busy=busy disabled=busy>
                    <BusyText label=submit busy_label=busy_text />
                </button>
                <BusyStatus busy_label=busy_text busy=busy />
                {beside.map(|beside| (beside.children)())}
            </div>
        }),
    };
    view! {
        <ErrorSummary errors=form.summary />
        <RetryNotice countdown=form.wait />
        {status.map(|status| (status.children)())}
        <form novalidate on:submit=on_submit class="form">
            {children()}
            {actions}
            {below.map(|below| (below.children)())}
        </form>
    }
}
