use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// A modal question with two answers, on the browser's own `<dialog>`: it
/// traps focus, closes on Escape and gives focus back where it was. The
/// question is its heading (and its accessible name), `detail` under it
/// what the answer means (its description). It asks before what cannot
/// simply be taken back, so its «yes» looks like a warning; «Отмена» has
/// the focus and the look of every other «Отмена».
#[component]
pub fn ConfirmDialog(
    /// Open while `Some`; the text is the question.
    #[prop(into)]
    question: Signal<Option<String>>,
    /// What the answer means, said under the question.
    #[prop(optional, into)]
    detail: Signal<String>,
    confirm_label: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move || {
        let Some(el) = dialog.get() else { return };
        match (question.read().is_some(), el.open()) {
            (true, false) => show(&el),
            (false, true) => hide(&el),
            _ => {}
        }
    });
    view! {
        // `cancel` is Escape: the browser closes the dialog, the page forgets the question.
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="dialog-question"
            aria-describedby="dialog-detail"
            on:cancel=move |_: web_sys::Event| on_cancel.run(())
        >
            <h2 id="dialog-question">{move || question.get().unwrap_or_default()}</h2>
            <p id="dialog-detail">{detail}</p>
            <div class="dialog-actions">
                <button type="button" class="primary danger" on:click=move |_| on_confirm.run(())>
                    {confirm_label}
                </button>
                <button type="button" autofocus on:click=move |_| on_cancel.run(())>
                    "Отмена"
                </button>
            </div>
        </dialog>
    }
}

/// `showModal` where the browser has it (Firefox 98, Safari 15.4); before
/// that the dialog opens in place, its cancel button focused, so the
/// question can still be answered (the stylesheet hides a closed `.dialog`).
fn show(dialog: &web_sys::HtmlDialogElement) {
    if js_sys::Reflect::has(dialog, &"showModal".into()).unwrap_or(false) {
        let _ = dialog.show_modal();
    } else {
        let _ = dialog.set_attribute("open", "");
        if let Ok(Some(cancel)) = dialog.query_selector("[autofocus]")
            && let Ok(cancel) = cancel.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = cancel.focus();
        }
    }
}

fn hide(dialog: &web_sys::HtmlDialogElement) {
    if js_sys::Reflect::has(dialog, &"close".into()).unwrap_or(false) {
        dialog.close();
    } else {
        let _ = dialog.remove_attribute("open");
    }
}
