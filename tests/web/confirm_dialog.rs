//! `ConfirmDialog`: the modal question before unlinking an account.

use crate::support::{by_id, mount};
use kabinet::components::confirm_dialog::ConfirmDialog;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
async fn unlink_confirmation_asks_before_doing_anything() {
    let question = RwSignal::new(None::<String>);
    let answers = RwSignal::new(Vec::<&'static str>::new());
    let _page = mount(move || {
        view! {
            <ConfirmDialog
                question=question
                confirm_label="Отключить"
                on_confirm=move || {
                    answers.update(|a| a.push("yes"));
                    question.set(None);
                }
                on_cancel=move || {
                    answers.update(|a| a.push("no"));
                    question.set(None);
                }
            />
        }
    });
    let dialog: web_sys::HtmlDialogElement = document()
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!dialog.open());

    question.set(Some("Отключить лицевой счет № 3600000001?".into()));
    tick().await;
    assert!(dialog.open(), "shown as a modal");
    assert_eq!(
        by_id::<HtmlElement>("dialog-question")
            .text_content()
            .as_deref(),
        Some("Отключить лицевой счет № 3600000001?")
    );
    let buttons = dialog.query_selector_all("button").unwrap();
    let cancel: HtmlElement = buttons.item(1).unwrap().unchecked_into();
    assert_eq!(cancel.text_content().as_deref(), Some("Отмена"));
    cancel.click();
    tick().await;
    assert!(!dialog.open());
    assert_eq!(answers.get_untracked(), ["no"]);

    question.set(Some("Ещё раз?".into()));
    tick().await;
    let confirm: HtmlElement = buttons.item(0).unwrap().unchecked_into();
    confirm.click();
    tick().await;
    assert!(!dialog.open());
    assert_eq!(answers.get_untracked(), ["no", "yes"]);
}
