use leptos::{ev, prelude::*};

/// The «?» hint of a field or a section.
///
/// `children` is what the hint explains (a `<label>` or a heading); the «?»
/// button sits beside it and the text opens below it, in the flow of the page,
/// so it never covers the field being typed into. It opens on mouse hover, on
/// keyboard focus and on tap; Escape, leaving it with the mouse or moving focus
/// away close it. The field points at `id` with `aria-describedby`, so a
/// screen reader reads the text with the field even while it is closed.
#[component]
pub fn Hint(
    /// Id of the hint text; the described field lists it in `aria-describedby`.
    #[prop(into)]
    id: String,
    /// What the hint is about, for the button's accessible name («Подсказка: …»).
    topic: &'static str,
    /// The hint text, written for a subscriber.
    #[prop(into)]
    text: Signal<String>,
    /// Extra content of the hint under the text (a picture of a receipt).
    #[prop(optional_no_strip)]
    extra: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    // A tap focuses the button (which opens the hint) and then clicks it: the
    // click must not close what the focus just opened, so it looks at the
    // state from before the press.
    let open_before_press = StoredValue::new(false);
    let on_click = move |ev: ev::MouseEvent| {
        // `detail() == 0`: Enter or Space on the keyboard, no pointer press.
        let was_open = if ev.detail() == 0 {
            open.get_untracked()
        } else {
            open_before_press.get_value()
        };
        open.set(!was_open);
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            open.set(false);
        }
    };
    let text_id = id.clone();

    view! {
        <div class="hint" on:mouseleave=move |_| open.set(false) on:keydown=on_keydown>
            <div class="hint-head">
                {children()}
                <button
                    type="button"
                    class="hint-button"
                    aria-label=format!("Подсказка: {topic}")
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=id.clone()
                    on:mouseenter=move |_| open.set(true)
                    on:pointerdown=move |_| open_before_press.set_value(open.get_untracked())
                    on:focus=move |_| open.set(true)
                    on:blur=move |_| open.set(false)
                    on:click=on_click
                >
                    "?"
                </button>
            </div>
            <div id=text_id class="hint-text" role="tooltip" hidden=move || !open.get()>
                <p>{text}</p>
                {extra.map(|extra| extra.run())}
            </div>
        </div>
    }
}
