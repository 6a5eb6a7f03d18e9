use leptos::prelude::*;

use crate::components::password_field::PasswordField;
use crate::form::{Field, FormError};
use crate::rules::password;

/// A new password and its repeat, with the policy under the first: used at
/// registration, password recovery and password change.
#[component]
pub fn NewPasswordFields(
    pass: Field,
    repeat: Field,
    #[prop(into)] revealed: Signal<bool>,
    label: &'static str,
    repeat_label: &'static str,
) -> impl IntoView {
    view! {
        <PasswordField
            field=pass
            label=label
            note=password::POLICY
            validate=move || {
                check_new_password(pass);
            }
            revealed=revealed
            autocomplete="new-password"
        />
        <PasswordField
            field=repeat
            label=repeat_label
            validate=move || {
                check_repeat(pass, repeat);
            }
            revealed=revealed
            autocomplete="new-password"
        />
    }
}

/// The password policy on the new password.
pub fn check_new_password(pass: Field) -> Option<FormError> {
    pass.check(password::password(&pass.value.read_untracked()))
}

/// The repeat equals the new password.
pub fn check_repeat(pass: Field, repeat: Field) -> Option<FormError> {
    repeat.check(password::repeated(
        &pass.value.read_untracked(),
        &repeat.value.read_untracked(),
    ))
}
