use leptos::{either::Either, html, prelude::*};
use wasm_bindgen::JsCast;

use crate::form::{FormError, summary_title};

/// The list of problems shown above a form after a failed submit.
///
/// It is announced as it appears (`role="alert"`) and takes focus, so keyboard
/// and screen-reader users start from the list; each line links to its field.
#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<FormError>>) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    // Runs when the list changes and when <Show> mounts the <div>: the NodeRef
    // is only filled after mounting, and reading it subscribes.
    Effect::new(move || {
        errors.track();
        if let Some(el) = summary.get() {
            let _ = el.focus();
        }
    });

    view! {
        <Show when=move || !errors.read().is_empty()>
            <div
                node_ref=summary
                id="error-summary"
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
            >
                <h2 id="error-summary-title">{move || errors.with(|e| summary_title(e))}</h2>
                // One message is a sentence, several a list: no bullet for one.
                {move || {
                    let list = errors.get();
                    let one = list.len() == 1;
                    let lines = list.into_iter().map(line);
                    if one {
                        Either::Left(view! { <p>{lines.collect_view()}</p> })
                    } else {
                        Either::Right(
                            view! {
                                <ul>
                                    {lines.map(|line| view! { <li>{line}</li> }).collect_view()}
                                </ul>
                            },
                        )
                    }
                }}
            </div>
        </Show>
    }
}

/// One message: a link to its field, or its text.
fn line(e: FormError) -> impl IntoView {
    match e.field {
        Some(id) => Either::Left(view! {
            <a href=format!("#{id}") on:click=move |ev| focus_field(ev, id)>
                {e.message}
            </a>
        }),
        None => Either::Right(e.message),
    }
}

/// A bare `#id` jump only scrolls (and the router would take it for a
/// navigation): put the cursor in the field instead.
fn focus_field(ev: leptos::ev::MouseEvent, id: &str) {
    if let Some(input) = document().get_element_by_id(id) {
        ev.prevent_default();
        let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}
