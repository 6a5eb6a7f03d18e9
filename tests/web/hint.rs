//! `Hint`: the «?» button beside a label or a heading, and the text it opens
//! (also as a `TextField`'s help).

use crate::support::{attr, by_id, focused_id, mount, press_escape_on};
use kabinet::components::field::TextField;
use kabinet::components::hint::Hint;
use kabinet::form::Field;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, MouseEvent};

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

    // Focus coming back to the «?» opens it (Escape left the focus on it).
    by_id::<HtmlElement>("number").focus().unwrap();
    button.focus().unwrap();
    tick().await;
    assert!(hint_open("number-help"));
    // Moving on to the field it explains leaves it open: the field keeps the
    // focus and the text stays in view while typing.
    by_id::<HtmlElement>("number").focus().unwrap();
    tick().await;
    assert!(hint_open("number-help"));
    assert_eq!(focused_id(), "number");
    // A press in the field too.
    press_on(&by_id("number"));
    tick().await;
    assert!(hint_open("number-help"));
    // A press elsewhere closes it.
    press_on(&document().body().unwrap());
    tick().await;
    assert!(
        !hint_open("number-help"),
        "a press elsewhere closes the hint"
    );
    assert_eq!(focused_id(), "number");
}

/// The end of a press (mouse or finger) on `target`; it bubbles to the
/// window, where the hint listens for presses elsewhere.
fn press_on(target: &HtmlElement) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&Event::new_with_event_init_dict("pointerup", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn hover_does_not_open_a_hint_and_a_tap_does() {
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
    assert!(!hint_open("section-help"), "hover does not open");

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
    press_on(&button);
    tick().await;
    assert!(hint_open("section-help"), "a tap opens");

    // A tap on its text leaves it open (to read on, to select).
    press_on(&by_id("section-help"));
    tick().await;
    assert!(hint_open("section-help"));

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
    // After the input: its bubble opens under it.
    let input: HtmlElement = by_id("number");
    assert_eq!(
        input.next_element_sibling().map(|e| e.id()).as_deref(),
        Some("number-help")
    );
}
