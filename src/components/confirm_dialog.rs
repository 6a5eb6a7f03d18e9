use leptos::{html, prelude::*};

/// A modal question with two answers, on the browser's own `<dialog>`: it
/// traps focus, closes on Escape and gives focus back where it was. It asks
/// before what cannot simply be taken back, so its «yes» looks like a
/// warning; «Отмена» has the focus and the look of every other «Отмена».
#[component]
pub fn ConfirmDialog(
    /// Open while `Some`; the text is the question.
    #[prop(into)]
    question: Signal<Option<String>>,
    confirm_label: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move || {
        let Some(el) = dialog.get() else { return };
        match (question.read().is_some(), el.open()) {
            (true, false) => {
                let _ = el.show_modal();
            }
            (false, true) => el.close(),
            _ => {}
        }
    });
    view! {
        // `cancel` is Escape: the browser closes the dialog, the page forgets the question.
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="dialog-question"
            on:cancel=move |_: web_sys::Event| on_cancel.run(())
        >
            <p id="dialog-question">{move || question.get().unwrap_or_default()}</p>
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
