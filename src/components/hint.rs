use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;

/// The «?» hint of a field or a section: a toggletip.
///
/// It opens on a press of its «?» (click, tap, Enter or Space) and on
/// keyboard focus of the «?» — never on hover, so that the click which
/// follows a hover cannot close what the hover opened. It stays open until
/// Escape, a second press of the «?», or a press or the focus elsewhere: a
/// press in its text or in what it explains (the field being typed into,
/// the heading) leaves it open. Escape leaves the focus where it was.
///
/// Its text is a bubble laid over the page (`position: absolute`), under the
/// field's input or under the heading, as wide as the field or the form:
/// opening it moves nothing, and it never covers the field it explains. The
/// described element lists the text's id in `aria-describedby`, so a screen
/// reader reads it even while it is closed.
///
/// The pieces: [`HintState`] (open or not, and the area a press may reach
/// without closing it: [`HintState::area`] on the wrapper of the button, the
/// text and what they explain), [`HintButton`] (the «?»), [`HintText`].
/// [`Hint`] puts them together around a heading or a label.
#[derive(Clone, Copy)]
pub struct HintState {
    open: RwSignal<bool>,
    /// A press focuses the button (which opens the hint) and then clicks
    /// it: the click must not close what the focus just opened, so it looks
    /// at the state from before the press.
    open_before_press: StoredValue<bool>,
    /// The button, the text and what they explain.
    area: NodeRef<html::Div>,
}

impl HintState {
    pub fn new() -> Self {
        let state = Self {
            open: RwSignal::new(false),
            open_before_press: StoredValue::new(false),
            area: NodeRef::new(),
        };
        // Escape closes an open hint wherever the focus is, and moves no focus.
        let keys = window_event_listener(ev::keydown, move |ev| {
            if ev.key() == "Escape" && state.open.try_get_untracked() == Some(true) {
                state.open.set(false);
            }
        });
        // `pointerup`, not `pointerdown`: a finger that scrolls the page ends
        // in `pointercancel`, and reading a long hint needs scrolling.
        let presses = window_event_listener(ev::pointerup, move |ev| {
            state.close_unless(ev.target(), Reach::Inside);
        });
        // Tabbing on past the field: the bubble would cover the next one. A
        // press on the text focuses what holds it (`<main tabindex=-1>`):
        // that is no going elsewhere.
        let focus = window_event_listener(ev::focusin, move |ev| {
            state.close_unless(ev.target(), Reach::InsideOrAround);
        });
        on_cleanup(move || {
            keys.remove();
            presses.remove();
            focus.remove();
        });
        state
    }

    pub fn is_open(self) -> bool {
        self.open.get()
    }

    /// For the wrapper of the button, the text and what they explain: a
    /// press or the focus inside it leaves the hint open.
    pub fn area(self) -> NodeRef<html::Div> {
        self.area
    }

    /// Closes an open hint unless `target` is within `reach` of its area.
    fn close_unless(self, target: Option<web_sys::EventTarget>, reach: Reach) {
        if self.open.try_get_untracked() != Some(true) {
            return;
        }
        let near = match (
            self.area.get_untracked(),
            target.and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
        ) {
            (Some(area), Some(node)) => {
                area.contains(Some(&node))
                    || (reach == Reach::InsideOrAround && node.contains(Some(&area)))
            }
            _ => false,
        };
        if !near {
            self.open.set(false);
        }
    }
}

/// Where an event may happen and leave a hint open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// In the hint's area.
    Inside,
    /// In its area, or on what holds it.
    InsideOrAround,
}

impl Default for HintState {
    fn default() -> Self {
        Self::new()
    }
}

/// The «?» button: a 44 px target around a smaller circle. `controls` is the
/// id of the hint text.
#[component]
pub fn HintButton(
    state: HintState,
    #[prop(into)] topic: String,
    controls: String,
) -> impl IntoView {
    let open = state.open;
    let on_click = move |ev: ev::MouseEvent| {
        // `detail() == 0`: Enter or Space on the keyboard, no pointer press.
        let was_open = if ev.detail() == 0 {
            open.get_untracked()
        } else {
            state.open_before_press.get_value()
        };
        open.set(!was_open);
    };
    view! {
        <button
            type="button"
            class="hint-button"
            aria-label=format!("Подсказка: {topic}")
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=controls
            on:pointerdown=move |_| state.open_before_press.set_value(open.get_untracked())
            on:focus=move |_| open.set(true)
            on:click=on_click
        >
            <span class="hint-mark" aria-hidden="true">
                "?"
            </span>
        </button>
    }
}

/// The text of a hint, with optional extra content (a picture) under it.
#[component]
pub fn HintText(
    state: HintState,
    id: String,
    #[prop(into)] text: Signal<String>,
    #[prop(optional_no_strip)] extra: Option<ViewFn>,
) -> impl IntoView {
    view! {
        <div id=id class="hint-text" role="tooltip" hidden=move || !state.is_open()>
            <p>{text}</p>
            {extra.map(|extra| extra.run())}
        </div>
    }
}

/// A hint beside a heading or a label (`children`), its text right below.
#[component]
pub fn Hint(
    /// Id of the hint text; the described element lists it in `aria-describedby`.
    #[prop(into)]
    id: String,
    /// What the hint is about, for the button's accessible name («Подсказка: …»).
    topic: &'static str,
    /// The hint text, written for a subscriber.
    #[prop(into)]
    text: Signal<String>,
    children: Children,
) -> impl IntoView {
    let state = HintState::new();
    view! {
        <div class="hint" node_ref=state.area()>
            <div class="hint-head">
                {children()} <HintButton state=state topic=topic controls=id.clone() />
            </div>
            <HintText state=state id=id text=text />
        </div>
    }
}
