//! What a subscriber does to reach a state (type, choose, press), done by
//! the gallery on the real page with the events a browser sends, so that a
//! state's address alone shows it: to a designer and to the screenshot test.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use crate::timer::sleep;

#[derive(Clone, Copy, Debug)]
pub enum Step {
    /// Types the text into the input with this id (an `input` event).
    Type(&'static str, &'static str),
    /// Chooses the option with this value in the select with this id (a
    /// `change` event).
    Choose(&'static str, &'static str),
    /// Clicks the element the CSS selector finds.
    Click(&'static str),
}

/// The attribute of `<html>` set once the state is on screen: what the
/// screenshot test waits for.
pub const READY: &str = "data-gallery-ready";

/// How long a step waits for its element to appear (the page is drawn from
/// answers that come at once, so this is only a safety net).
const PATIENCE_MS: i32 = 5_000;
const POLL_MS: i32 = 20;

/// Performs the steps in order, then marks the page ready. A step whose
/// element never appears stops the run (the console says which), and the
/// page is never marked ready.
pub async fn run(steps: &'static [Step]) {
    // The page's first answers come in the tasks after mounting.
    sleep(0).await;
    for step in steps {
        let selector = match *step {
            Step::Type(id, _) | Step::Choose(id, _) => format!("#{id}"),
            Step::Click(selector) => selector.to_owned(),
        };
        let Some(element) = find(&selector).await else {
            leptos::logging::error!("gallery: nothing matches {selector} for {step:?}");
            return;
        };
        match *step {
            Step::Type(_, text) => set_value(&element, text, "input"),
            Step::Choose(_, value) => set_value(&element, value, "change"),
            Step::Click(_) => element.unchecked_ref::<HtmlElement>().click(),
        }
        sleep(0).await;
    }
    // Answers to the last press, and what they show, settle within a task or two.
    sleep(50).await;
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute(READY, "");
    }
}

async fn find(selector: &str) -> Option<Element> {
    let document = leptos::prelude::document();
    for _ in 0..PATIENCE_MS / POLL_MS {
        if let Ok(Some(element)) = document.query_selector(selector) {
            return Some(element);
        }
        sleep(POLL_MS).await;
    }
    None
}

/// Sets the value as typing or choosing would, and tells the page with a
/// bubbling event (Leptos listens at the document).
fn set_value(element: &Element, value: &str, event: &str) {
    let _ = js_sys::Reflect::set(
        element,
        &JsValue::from_str("value"),
        &JsValue::from_str(value),
    );
    // `createEvent` + `initEvent`: a bubbling event without web-sys's
    // `EventInit` feature.
    if let Ok(bubbling) = leptos::prelude::document().create_event("Event") {
        bubbling.init_event_with_bubbles(event, true);
        let _ = element.dispatch_event(&bubbling);
    }
}
