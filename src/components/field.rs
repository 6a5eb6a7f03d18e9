use leptos::prelude::*;

use crate::components::hint::Hint;
use crate::form::Field;

/// A labelled input with its messages.
///
/// Under the label: an optional always-visible `note` (`{id}-note`), the «?»
/// hint when `help` is given (`{id}-help`) and the error (`{id}-error`); the
/// input lists them in `aria-describedby`, so a screen reader reads them with
/// the label. The page owns the value and the error; this only shows them.
#[component]
pub fn TextField(
    field: Field,
    label: &'static str,
    /// Re-checks the value. Runs on blur, once the user has typed something or
    /// an error is shown: tabbing through a fresh form must not light it red.
    #[prop(into)]
    validate: Callback<()>,
    /// Passed as an `Option`, so wrappers can hand theirs on.
    #[prop(optional_no_strip)]
    note: Option<&'static str>,
    /// Text of the «?» hint.
    #[prop(optional, into)]
    help: Option<Signal<String>>,
    /// More of the hint under its text (a picture).
    #[prop(optional)]
    help_extra: Option<ViewFn>,
    /// A signal, so that «Показать пароль» can turn `password` into `text`.
    #[prop(into, default = "text".into())]
    input_type: Signal<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let Field { id, value, error } = field;
    let has_help = help.is_some();
    let described_by = move || {
        let mut ids = Vec::new();
        if note.is_some() {
            ids.push(format!("{id}-note"));
        }
        if has_help {
            ids.push(format!("{id}-help"));
        }
        if error.read().is_some() {
            ids.push(format!("{id}-error"));
        }
        // `None` removes the attribute instead of leaving it empty.
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let on_blur = move |_| {
        if !value.read().is_empty() || error.read().is_some() {
            validate.run(());
        }
    };
    let label_view = move || view! { <label for=id>{label}</label> };

    view! {
        <div class="field" class:field-invalid=move || error.read().is_some()>
            {match help {
                Some(text) => view! { <Hint id=format!("{id}-help") topic=label text=text extra=help_extra>{label_view()}</Hint> }.into_any(),
                None => label_view().into_any(),
            }}
            {note.map(|note| view! { <p id=format!("{id}-note") class="note">{note}</p> })}
            {move || error.get().map(|msg| view! { <p id=format!("{id}-error") class="error">{msg}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                autocapitalize="none"
                aria-invalid=move || error.read().is_some().then_some("true")
                aria-describedby=described_by
                bind:value=value
                on:blur=on_blur
            />
        </div>
    }
}
