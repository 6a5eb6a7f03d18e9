use leptos::prelude::*;

use crate::components::field::TextField;
use crate::form::{Field, FormError};
use crate::rules::email::email;

/// «E-mail (логин)»: the cabinet's login, set up for mail autofill and the
/// phone's e-mail keyboard, checked on blur.
#[component]
pub fn EmailField(field: Field) -> impl IntoView {
    view! {
        <TextField
            field=field
            label="E-mail (логин)"
            validate=move || {
                check_email(field);
            }
            input_type="email"
            autocomplete="email"
            inputmode="email"
        />
    }
}

/// Shows the e-mail rule's outcome on the field; the summary line if invalid.
pub fn check_email(field: Field) -> Option<FormError> {
    field.check(email(&field.value.read_untracked()))
}
