//! `TextField`: when it checks its value, and how its error is tied to it.

use crate::support::{attr, by_id, fire, mount};
use kabinet::components::field::TextField;
use kabinet::form::Field;
use leptos::{prelude::*, task::tick};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

#[wasm_bindgen_test]
async fn field_error_is_tied_to_the_input() {
    let field = Field::new("email");
    let _page = mount(move || {
        view! {
            <TextField
                field=field
                label="E-mail (логин)"
                validate=move || {
                    field.error.set(Some("Введите e-mail.".into()));
                }
            />
        }
    });
    assert_eq!(attr("email", "aria-invalid"), None);
    assert_eq!(attr("email", "aria-describedby"), None);

    // Leaving an untouched field says nothing…
    fire("email", "blur");
    tick().await;
    assert_eq!(attr("email", "aria-invalid"), None);

    // …leaving a typed one validates it.
    by_id::<HtmlInputElement>("email").set_value("ivan");
    fire("email", "input");
    fire("email", "blur");
    tick().await;
    assert_eq!(attr("email", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr("email", "aria-describedby").as_deref(),
        Some("email-error")
    );
    assert_eq!(
        by_id::<HtmlElement>("email-error")
            .text_content()
            .as_deref(),
        Some("Введите e-mail.")
    );
}

#[wasm_bindgen_test]
async fn leaving_a_field_for_the_submit_button_does_not_move_the_button() {
    let field = Field::new("email");
    let _page = mount(move || {
        view! {
            <form>
                <TextField
                    field=field
                    label="E-mail (логин)"
                    validate=move || field.error.set(Some("Ошибка".into()))
                />
                <button id="go" type="submit">
                    "Войти"
                </button>
            </form>
        }
    });
    let input: HtmlInputElement = by_id("email");
    input.set_value("x");
    fire("email", "input");
    input.focus().unwrap();
    // Focus moves to the submit button: no message yet, the submit checks all.
    by_id::<HtmlElement>("go").focus().unwrap();
    tick().await;
    assert_eq!(attr("email", "aria-invalid"), None);
}
