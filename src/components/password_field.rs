use leptos::prelude::*;

use crate::components::field::TextField;
use crate::form::Field;

/// A password input that «Показать пароль» turns into plain text.
#[component]
pub fn PasswordField(
    field: Field,
    label: &'static str,
    #[prop(into)] validate: Callback<()>,
    /// Whether the passwords are shown; one checkbox serves every password of a form.
    #[prop(into)]
    revealed: Signal<bool>,
    /// `new-password` or `current-password`, for password managers.
    autocomplete: &'static str,
    #[prop(optional)] note: Option<&'static str>,
) -> impl IntoView {
    view! {
        <TextField
            field=field
            label=label
            validate=validate
            note=note.map(|note| Signal::stored(note.to_owned()))
            input_type=Signal::derive(move || if revealed.get() { "text" } else { "password" })
            autocomplete=autocomplete
        />
    }
}

/// The «Показать пароль» checkbox. `controls` lists the ids of the password
/// inputs it reveals.
#[component]
pub fn RevealPasswords(checked: RwSignal<bool>, controls: &'static str) -> impl IntoView {
    view! {
        <div class="checkbox">
            <input id="show-password" type="checkbox" aria-controls=controls bind:checked=checked />
            <label for="show-password">"Показать пароль"</label>
        </div>
    }
}
