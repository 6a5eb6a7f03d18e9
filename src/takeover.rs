//! Taking over a prerendered page. `cargo xtask dist` saves the public entry
//! pages (/login, /register, …) as the app renders them before any API
//! answer, so a visitor reads the page before the wasm has arrived. The app
//! then builds its live page and puts it in place of the saved one before
//! the next paint (nothing moves), and carries over what
//! the visitor did meanwhile: what they typed or ticked, where the focus
//! was, and a press of a form's button, which `early.js` held.
//!
//! On a page that was not prerendered (`trunk serve`, the signed-in pages)
//! this is a plain mount.

use leptos::{
    IntoView,
    prelude::{document, request_animation_frame},
};
use pages_table::handoff;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// Mounts `app` to the body in place of a prerendered page, if there is one.
pub fn mount_to_body<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let body = document().body().expect("a page has a body");
    let saved = saved_page(&body);
    if saved.is_empty() {
        leptos::mount::mount_to_body(app);
        return;
    }
    // The live page is built outside the document, so that no one (a
    // screen reader, a test) meets two pages at once. The router fills its
    // <main> in a microtask after the mount: it moves in at the next frame,
    // before that is painted. Until then the visitor still types into the
    // saved page, so that is read then. (The app's top-level nodes are
    // static, so moving them keeps the view intact.)
    let live: HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    leptos::mount::mount_to(live.clone(), app).forget();
    request_animation_frame(move || take_over(&body, saved, &live));
}

/// Replaces the saved page by the live one, with what the visitor did.
fn take_over(body: &HtmlElement, saved: Vec<Element>, live: &HtmlElement) {
    let typed = Typed::read(&saved);
    for element in &saved {
        element.remove();
    }
    while let Some(node) = live.first_child() {
        let _ = body.append_child(&node);
    }
    typed.restore();
    if let Some(index) = held_form() {
        let document = document();
        let form = document
            .forms()
            .item(index)
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(form) = form {
            submit_as_pressed(&form);
        }
    }
}

/// Sends `form` as its submit button would (its checks, its `submit`
/// event): `requestSubmit` where the browser has it (Safari 16), else a click
/// on the form's first submit button, which does the same.
fn submit_as_pressed(form: &web_sys::HtmlFormElement) {
    if js_sys::Reflect::has(form, &"requestSubmit".into()).unwrap_or(false) {
        let _ = form.request_submit();
    } else if let Ok(Some(button)) = form.query_selector("[type=submit], button:not([type])")
        && let Ok(button) = button.dyn_into::<HtmlElement>()
    {
        button.click();
    }
}

/// Whether this page is a prerendered one that the app has not taken over.
pub fn on_saved_page() -> bool {
    document()
        .body()
        .is_some_and(|body| !saved_page(&body).is_empty())
}

/// Tells the visitor of a saved page that the app could not start (the
/// opened page's module did not arrive), as `early.js` says it when the app
/// itself did not: above the form, whose typed values stay; its
/// «Повторить» calls `retry`.
pub fn start_failed(retry: impl FnOnce() + 'static) {
    if let Some(show) = early_script_function(handoff::START_FAILED) {
        let retry = wasm_bindgen::closure::Closure::once_into_js(retry);
        let _ = show.call1(&JsValue::UNDEFINED, &retry);
    }
}

/// A function `early.js` put on `window` for the app (on a saved page only).
fn early_script_function(name: &str) -> Option<js_sys::Function> {
    let window: JsValue = leptos::prelude::window().into();
    js_sys::Reflect::get(&window, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// The elements of the prerendered page: the body's children the build
/// marked `data-prerendered`.
fn saved_page(body: &HtmlElement) -> Vec<Element> {
    let children = body.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|e| e.has_attribute(handoff::PRERENDERED))
        .collect()
}

/// What the visitor changed in the saved page, by element id.
struct Typed {
    values: Vec<(String, Changed)>,
    /// The focused element's id and, in a text field, the selection.
    focus: Option<(String, Option<(u32, u32)>)>,
}

enum Changed {
    Text(String),
    Ticked(bool),
}

impl Typed {
    fn read(saved: &[Element]) -> Self {
        let mut values = Vec::new();
        for element in saved {
            let Ok(fields) = element.query_selector_all("input[id], textarea[id]") else {
                continue;
            };
            for field in (0..fields.length()).filter_map(|i| fields.item(i)) {
                if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                    if matches!(input.type_().as_str(), "checkbox" | "radio") {
                        if input.checked() != input.default_checked() {
                            values.push((input.id(), Changed::Ticked(input.checked())));
                        }
                    } else if input.value() != input.default_value() {
                        values.push((input.id(), Changed::Text(input.value())));
                    }
                } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>()
                    && Ok(area.value()) != area.default_value()
                {
                    values.push((area.id(), Changed::Text(area.value())));
                }
            }
        }
        let focus = document()
            .active_element()
            .filter(|active| saved.iter().any(|e| e.contains(Some(active))))
            .filter(|active| !active.id().is_empty())
            .map(|active| {
                // Email and number inputs have no selection to read.
                let selection = active.dyn_ref::<HtmlInputElement>().and_then(|input| {
                    Some((input.selection_start().ok()??, input.selection_end().ok()??))
                });
                (active.id(), selection)
            });
        Self { values, focus }
    }

    /// Puts the values into the live page's fields of the same ids, with
    /// the events the live fields listen to (`bind:value` reads `input`,
    /// `bind:checked` reads `change`), then the focus. A text field typed
    /// into and left before the takeover also gets its `blur`, so that it is
    /// checked as if the app had seen it left (a quick subscriber's typo is
    /// said at once, not only at the submit).
    fn restore(self) {
        let document = document();
        let focused = self.focus.as_ref().map(|(id, _)| id.clone());
        for (id, changed) in self.values {
            let Some(field) = document.get_element_by_id(&id) else {
                continue;
            };
            let left_typed =
                matches!(changed, Changed::Text(_)) && focused.as_deref() != Some(id.as_str());
            let event = match changed {
                Changed::Text(text) => {
                    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                        input.set_value(&text);
                    } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
                        area.set_value(&text);
                    }
                    "input"
                }
                Changed::Ticked(ticked) => {
                    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                        input.set_checked(ticked);
                    }
                    "change"
                }
            };
            let init = EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict(event, &init) {
                let _ = field.dispatch_event(&event);
            }
            if left_typed && let Ok(blur) = Event::new("blur") {
                let _ = field.dispatch_event(&blur);
            }
        }
        if let Some((id, selection)) = self.focus
            && let Some(field) = document.get_element_by_id(&id)
            && let Ok(field) = field.dyn_into::<HtmlElement>()
        {
            let _ = field.focus();
            if let (Some((start, end)), Some(input)) =
                (selection, field.dyn_ref::<HtmlInputElement>())
            {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
}

/// The index in `document.forms` of a form sent before the takeover, as
/// `early.js` held it; also tells that script to stop holding.
fn held_form() -> Option<u32> {
    let index = early_script_function(handoff::TAKEOVER)?
        .call0(&JsValue::UNDEFINED)
        .ok()?
        .as_f64()?;
    (index >= 0.0).then_some(index as u32)
}
