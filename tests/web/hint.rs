//! `Hint`: the «?» button beside a label or a heading, and the text it opens
//! (also as a `TextField`'s help).

use crate::support::{attr, by_id, focused_id, mount, press_escape_on};
use kabinet::components::field::TextField;
use kabinet::components::hint::Hint;
use kabinet::form::Field;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, MouseEvent};

fn hint_open(id: &str) -> bool {
    !by_id::<HtmlElement>(id).hidden()
}

fn hint_button() -> HtmlElement {
    document()
        .query_selector(".hint-button")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn hint_opens_on_focus_and_escape_closes_it() {
    let field = Field::new("number");
    let _page = mount(move || {
        view! {
            <TextField
                field=field
                label="Лицевой счет:"
                validate=|| {}
                help="Номер указан в верхней части квитанции."
            />
        }
    });
    // Tied to the field even while closed.
    assert_eq!(
        attr("number", "aria-describedby").as_deref(),
        Some("number-help")
    );
    assert!(!hint_open("number-help"));
    let button = hint_button();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Подсказка: Лицевой счет:")
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );

    button.focus().unwrap();
    tick().await;
    assert!(hint_open("number-help"));
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        by_id::<HtmlElement>("number-help")
            .text_content()
            .as_deref(),
        Some("Номер указан в верхней части квитанции.")
    );

    press_escape_on(&button);
    tick().await;
    assert!(!hint_open("number-help"), "Escape closes the hint");

    // Moving on to the field closes it too, and the field keeps the focus.
    button.focus().unwrap();
    tick().await;
    by_id::<HtmlElement>("number").focus().unwrap();
    tick().await;
    assert!(!hint_open("number-help"));
    assert_eq!(focused_id(), "number");
}

#[wasm_bindgen_test]
async fn hint_opens_on_hover_and_on_tap() {
    let _page = mount(|| {
        view! {
            <Hint
                id="section-help"
                topic="Смена пароля"
                text="Пароль меняется сразу.".to_string()
            >
                <h2>"Смена пароля"</h2>
            </Hint>
        }
    });
    let button = hint_button();
    button
        .dispatch_event(&MouseEvent::new("mouseenter").unwrap())
        .unwrap();
    tick().await;
    assert!(hint_open("section-help"), "hover opens");

    let wrapper: HtmlElement = document()
        .query_selector(".hint")
        .unwrap()
        .unwrap()
        .unchecked_into();
    wrapper
        .dispatch_event(&MouseEvent::new("mouseleave").unwrap())
        .unwrap();
    tick().await;
    assert!(!hint_open("section-help"), "leaving with the mouse closes");

    // A tap: pointerdown, focus, click. Focus opens; the click must not close it again.
    button
        .dispatch_event(&Event::new("pointerdown").unwrap())
        .unwrap();
    button.focus().unwrap();
    tick().await;
    let tap = web_sys::MouseEventInit::new();
    tap.set_detail(1);
    button
        .dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("click", &tap).unwrap())
        .unwrap();
    tick().await;
    assert!(hint_open("section-help"), "a tap opens");

    // A second tap closes.
    button
        .dispatch_event(&Event::new("pointerdown").unwrap())
        .unwrap();
    button
        .dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("click", &tap).unwrap())
        .unwrap();
    tick().await;
    assert!(!hint_open("section-help"), "a second tap closes");
}

#[wasm_bindgen_test]
async fn number_hint_shows_the_suppliers_text_and_the_receipt_under_the_field() {
    let field = Field::new("number");
    let text = RwSignal::new("Номер указан вверху справа.".to_string());
    let help: Signal<String> = text.into();
    let _page = mount(move || {
        view! {
            <TextField
                field=field
                label="Лицевой счет:"
                validate=|| {}
                help=help
                help_extra=ViewFn::from(|| {
                    view! { <img src="/receipt.svg" alt="Пример квитанции" /> }
                })
            />
        }
    });
    hint_button().focus().unwrap();
    tick().await;
    let help: HtmlElement = by_id("number-help");
    assert!(!help.hidden());
    assert!(
        help.query_selector("img[alt='Пример квитанции']")
            .unwrap()
            .is_some()
    );
    // The text follows the chosen supplier.
    text.set("Номер указан в шапке квитанции.".into());
    tick().await;
    assert!(help.text_content().unwrap().contains("в шапке квитанции"));
    // Under the input, so opening it never moves the field.
    let input: HtmlElement = by_id("number");
    assert_eq!(
        input.next_element_sibling().map(|e| e.id()).as_deref(),
        Some("number-help")
    );
}
