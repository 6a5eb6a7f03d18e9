//! What the component tests share: a host to mount into, and reading and
//! poking the DOM by element id.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

// The mount helper is shared with `tests/web_redirects/`.
#[path = "../support/mod.rs"]
mod shared;

/// Mounts `view` into a fresh host. Keep the handle: dropping it unmounts.
pub fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> impl Drop {
    shared::mount("test-host", view)
}

pub fn by_id<T: JsCast>(id: &str) -> T {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} missing"))
        .unchecked_into()
}

pub fn attr(id: &str, name: &str) -> Option<String> {
    by_id::<HtmlElement>(id).get_attribute(name)
}

pub fn text_of(id: &str) -> Option<String> {
    document()
        .get_element_by_id(id)
        .and_then(|el| el.text_content())
}

pub fn checked(id: &str) -> bool {
    by_id::<HtmlInputElement>(id).checked()
}

pub fn focused_id() -> String {
    document()
        .active_element()
        .map(|el| el.id())
        .unwrap_or_default()
}

pub fn fire(id: &str, event: &str) {
    by_id::<HtmlElement>(id)
        .dispatch_event(&Event::new(event).unwrap())
        .unwrap();
}

/// Escape on `target`; it bubbles, as a key press does (the hint listens on
/// its wrapper).
pub fn press_escape_on(target: &HtmlElement) {
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}
