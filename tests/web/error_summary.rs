//! `ErrorSummary`: the list of a failed submit's errors at the top of a form.

use crate::support::{attr, focused_id, mount};
use kabinet::components::error_summary::ErrorSummary;
use kabinet::form::FormError;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
async fn error_summary_takes_focus_and_links_to_fields() {
    let errors = RwSignal::new(Vec::<FormError>::new());
    let _page = mount(move || {
        view! {
            <ErrorSummary errors=errors />
            <input id="email" />
            <input id="password" />
        }
    });
    assert!(
        document().get_element_by_id("error-summary").is_none(),
        "hidden while there are no errors"
    );

    errors.set(vec![
        FormError::field("email", "Введите e-mail."),
        FormError::form("Нет связи с сервером."),
    ]);
    tick().await;

    assert_eq!(attr("error-summary", "role").as_deref(), Some("alert"));
    assert_eq!(focused_id(), "error-summary");
    let link: HtmlElement = document()
        .query_selector("#error-summary a[href='#email']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(link.text_content().as_deref(), Some("Введите e-mail."));
    let items = document().query_selector_all("#error-summary li").unwrap();
    assert_eq!(items.length(), 2);
    assert_eq!(
        items.item(1).unwrap().text_content().as_deref(),
        Some("Нет связи с сервером.")
    );

    link.click();
    assert_eq!(
        focused_id(),
        "email",
        "the link puts the cursor in its field"
    );

    // A second failed submit brings focus back to the summary.
    errors.set(vec![FormError::field("password", "Введите пароль.")]);
    tick().await;
    assert_eq!(focused_id(), "error-summary");
}
