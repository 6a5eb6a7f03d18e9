use leptos::{ev::FocusEvent, prelude::*};
use wasm_bindgen::JsCast;

use crate::components::hint::{HintButton, HintState, HintText};
use crate::form::Field;

/// A labelled input with its messages.
///
/// Under the label: an optional always-visible `note` (`{id}-note`), the «?»
/// hint when `help` is given (`{id}-help`) and the error (`{id}-error`);
/// after the input its unit when there is one (`suffix`, `{id}-suffix`: «₽»,
/// «м³»). The input lists them in `aria-describedby`, so a screen reader
/// reads them with the label. The page owns the value and the error; this
/// only shows them.
#[component]
pub fn TextField(
    field: Field,
    #[prop(into)] label: String,
    /// Re-checks the value. Runs on blur, once the user has typed something or
    /// an error is shown: tabbing through a fresh form must not light it red.
    #[prop(into)]
    validate: Callback<()>,
    /// Passed as an `Option`, so wrappers can hand theirs on; a signal, so
    /// that it can follow a choice made elsewhere in the form.
    #[prop(optional_no_strip)]
    note: Option<Signal<String>>,
    /// A bold line of its own at the head of the note (a meter's previous
    /// reading): what the subscriber compares the input with.
    #[prop(optional, into)]
    lead: Option<String>,
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
    /// A width for what the input takes (`size-10`, `size-12`: characters);
    /// full width without it.
    #[prop(optional)]
    size: Option<&'static str>,
    /// The unit shown after the input.
    #[prop(optional, into)]
    suffix: Option<String>,
) -> impl IntoView {
    let Field { id, value, error } = field;
    let has_help = help.is_some();
    let has_note = note.is_some() || lead.is_some();
    let has_suffix = suffix.is_some();
    let described_by = move || {
        let mut ids = Vec::new();
        if has_suffix {
            ids.push(format!("{id}-suffix"));
        }
        if has_note {
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
    let on_blur = move |ev: FocusEvent| {
        // Leaving for the submit button: the submit checks every field. A
        // message appearing now would move the button away from under the
        // pointer between press and release, and the click would be lost.
        if going_to_submit(&ev) {
            return;
        }
        if !value.read().is_empty() || error.read().is_some() {
            validate.run(());
        }
    };
    let hint = HintState::new();
    let help_id = format!("{id}-help");

    view! {
        <div class="field" class:field-invalid=move || error.read().is_some() node_ref=hint.area()>

            <div class="hint-head">
                <label for=id>{label.clone()}</label>
                {has_help
                    .then(|| {
                        view! { <HintButton state=hint topic=label controls=help_id.clone() /> }
                    })}
            </div>
            {has_note
                .then(|| {
                    view! {
                        <p id=format!("{id}-note") class="note">
                            {lead
                                .map(|lead| {
                                    view! {
                                        <strong class="note-lead">{lead}</strong>
                                        " "
                                    }
                                })}
                            {note}
                        </p>
                    }
                })}
            <FieldError id=id error=error />
            <input
                id=id
                name=id
                class=size
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
            {suffix
                .map(|unit| {
                    view! {
                        <span id=format!("{id}-suffix") class="suffix">
                            {unit}
                        </span>
                    }
                })}
            // After the input: its bubble opens under the input, over what
            // follows, and moves nothing.
            {help
                .map(|text| {
                    view! { <HintText state=hint id=help_id text=text extra=help_extra /> }
                })}
        </div>
    }
}

fn going_to_submit(ev: &FocusEvent) -> bool {
    ev.related_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.get_attribute("type").as_deref() == Some("submit"))
}

/// A field's error (`{id}-error`, what its input's `aria-describedby`
/// names), shown while there is one.
#[component]
pub fn FieldError(id: &'static str, error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|msg| {
            view! {
                <p id=format!("{id}-error") class="error">
                    {msg}
                </p>
            }
        })
    }
}
