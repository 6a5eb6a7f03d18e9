use leptos::prelude::*;

use crate::form::Form;

/// The sending button of a form with meter readings. Once the API has found
/// the readings unusual (`anomaly`), a button that confirms them and sends
/// stands in its place, and, with `recheck`, a plain submit that checks them
/// again after a fix. All are off while the form is `busy`; the confirming
/// press, not a submit, waits out the form's 429 countdown as a submit does.
#[component]
pub fn SendOrConfirm(
    form: Form,
    anomaly: RwSignal<bool>,
    #[prop(into)] busy: Signal<bool>,
    send: &'static str,
    confirm: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(optional)] recheck: Option<&'static str>,
) -> impl IntoView {
    view! {
        <Show
            when=move || anomaly.get()
            fallback=move || {
                view! {
                    <button type="submit" class="primary" disabled=busy>
                        {send}
                    </button>
                }
            }
        >
            <button
                type="button"
                class="primary"
                disabled=busy
                on:click=move |_| {
                    if !busy.get_untracked() && form.wait.allows_submit() {
                        on_confirm.run(());
                    }
                }
            >
                {confirm}
            </button>
            {recheck
                .map(|label| {
                    view! {
                        <button type="submit" disabled=busy>
                            {label}
                        </button>
                    }
                })}
        </Show>
    }
}
