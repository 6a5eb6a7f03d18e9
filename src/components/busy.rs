use leptos::prelude::*;

/// The text of a button that sends. While the send is in flight (`busy`) the
/// button shows a spinner and what is happening («Вход…») at full contrast,
/// instead of fading out.
///
/// The button keeps its name as its accessible name (a screen reader, and
/// the tests, find «Войти» while it is busy too): the name is then only
/// visually hidden, and the busy words are shown but `aria-hidden`. A
/// screen reader hears them from [`BusyStatus`], a live region beside the
/// button. The button itself takes `class:busy`, which the stylesheet reads.
#[component]
pub fn BusyText(
    /// The button's name.
    label: &'static str,
    /// What it says while busy, ending in «…».
    busy_label: &'static str,
) -> impl IntoView {
    view! {
        <span class="idle-text">{label}</span>
        <span class="busy-text" aria-hidden="true">
            <span class="spinner"></span>
            {busy_label}
        </span>
    }
}

/// A polite live region that says `busy_label` while `busy`, for the screen
/// reader; nothing is seen. Put it beside the button, not in it.
#[component]
pub fn BusyStatus(busy_label: &'static str, #[prop(into)] busy: Signal<bool>) -> impl IntoView {
    view! {
        <span role="status" class="visually-hidden">
            {move || busy.get().then_some(busy_label)}
        </span>
    }
}
