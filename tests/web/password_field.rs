//! `PasswordField` and the «show passwords» box of its form.

use crate::support::{attr, by_id, fire, mount};
use kabinet::components::password_field::{PasswordField, RevealPasswords};
use kabinet::form::Field;
use leptos::{prelude::*, task::tick};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

#[wasm_bindgen_test]
async fn reveal_shows_and_hides_every_password_of_the_form() {
    let _page = mount(|| {
        let revealed = RwSignal::new(false);
        view! {
            <PasswordField
                field=Field::new("password")
                label="Укажите пароль"
                validate=|| {}
                revealed=revealed
                autocomplete="new-password"
            />
            <PasswordField
                field=Field::new("password_repeat")
                label="Повторите пароль"
                validate=|| {}
                revealed=revealed
                autocomplete="new-password"
            />
            <RevealPasswords checked=revealed controls="password password_repeat" />
        }
    });
    let kinds = || [attr("password", "type"), attr("password_repeat", "type")];
    assert_eq!(kinds(), [Some("password".into()), Some("password".into())]);
    assert_eq!(
        attr("password", "autocomplete").as_deref(),
        Some("new-password")
    );

    by_id::<HtmlElement>("show-password").click();
    tick().await;
    assert_eq!(kinds(), [Some("text".into()), Some("text".into())]);

    by_id::<HtmlElement>("show-password").click();
    tick().await;
    assert_eq!(kinds(), [Some("password".into()), Some("password".into())]);
}

#[wasm_bindgen_test]
async fn typed_value_survives_the_reveal() {
    let _page = mount(|| {
        let revealed = RwSignal::new(false);
        view! {
            <PasswordField
                field=Field::new("password")
                label="Пароль"
                validate=|| {}
                revealed=revealed
                autocomplete="current-password"
            />
            <RevealPasswords checked=revealed controls="password" />
        }
    });
    let input: HtmlInputElement = by_id("password");
    input.set_value("abc123456789");
    fire("password", "input");
    by_id::<HtmlElement>("show-password").click();
    tick().await;
    // Never truncated: 12 characters stay 12, to be rejected with a message.
    assert_eq!(
        by_id::<HtmlInputElement>("password").value(),
        "abc123456789"
    );
    assert_eq!(attr("password", "maxlength"), None);
}
