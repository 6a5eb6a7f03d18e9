use leptos::{ev, prelude::*};

/// The «?» hint of a field or a section.
///
/// It opens on mouse hover, on keyboard focus and on tap; Escape, leaving it
/// with the mouse or moving focus away close it. Its text opens in the flow of
/// the page — for a field, under the input — so it never covers or moves the
/// field being typed into. The described element lists the text's id in
/// `aria-describedby`, so a screen reader reads it even while it is closed.
///
/// The pieces: [`HintState`] (open or not), [`HintButton`] (the «?»),
/// [`HintText`], and the wrapper's mouse-leave handler from
/// [`HintState::on_leave`]. [`Hint`] puts them
/// together around a heading or a label.
#[derive(Clone, Copy)]
pub struct HintState {
    open: RwSignal<bool>,
    /// A tap focuses the button (which opens the hint) and then clicks it: the
    /// click must not close what the focus just opened, so it looks at the
    /// state from before the press.
    open_before_press: StoredValue<bool>,
}

impl HintState {
    pub fn new() -> Self {
        let state = Self {
            open: RwSignal::new(false),
            open_before_press: StoredValue::new(false),
        };
        // Escape closes an open hint wherever the focus is: a hint opened by
        // hovering must be dismissible without moving the pointer.
        let listener = window_event_listener(ev::keydown, move |ev| {
            if ev.key() == "Escape" && state.open.try_get_untracked() == Some(true) {
                state.open.set(false);
            }
        });
        on_cleanup(move || listener.remove());
        state
    }

    pub fn is_open(self) -> bool {
        self.open.get()
    }

    /// For the wrapper of the button and the text: the pointer may travel
    /// from one to the other without the hint closing.
    pub fn on_leave(self) -> impl Fn(ev::MouseEvent) + Copy + 'static {
        move |_| self.open.set(false)
    }
}

impl Default for HintState {
    fn default() -> Self {
        Self::new()
    }
}

/// The «?» button. `controls` is the id of the hint text.
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
            on:mouseenter=move |_| open.set(true)
            on:pointerdown=move |_| state.open_before_press.set_value(open.get_untracked())
            on:focus=move |_| open.set(true)
            on:blur=move |_| open.set(false)
            on:click=on_click
        >
            "?"
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
        <div class="hint" on:mouseleave=state.on_leave()>
            <div class="hint-head">
                {children()} <HintButton state=state topic=topic controls=id.clone() />
            </div>
            <HintText state=state id=id text=text />
        </div>
    }
}
