//! `ConfirmDialog`: the modal question before unlinking an account.

use crate::support::{by_id, mount};
use kabinet::components::confirm_dialog::ConfirmDialog;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

/// A mounted «Отключить» question: its text (open while `Some`), the
/// answers given, in order, and the handle that keeps it mounted.
fn mount_dialog() -> (
    RwSignal<Option<String>>,
    RwSignal<Vec<&'static str>>,
    impl Drop,
) {
    let question = RwSignal::new(None::<String>);
    let answers = RwSignal::new(Vec::<&'static str>::new());
    let page = mount(move || {
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
    (question, answers, page)
}

#[wasm_bindgen_test]
async fn unlink_confirmation_asks_before_doing_anything() {
    let (question, answers, _page) = mount_dialog();
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

/// Takes `names` off `HTMLDialogElement.prototype` while it lives, as a
/// browser before Firefox 98 or Safari 15.4 has no `showModal`.
struct WithoutDialogMethods(Vec<(&'static str, wasm_bindgen::JsValue)>);

impl WithoutDialogMethods {
    fn new(names: &[&'static str]) -> Self {
        let prototype = dialog_prototype();
        Self(
            names
                .iter()
                .map(|&name| {
                    let method = js_sys::Reflect::get(&prototype, &name.into()).unwrap();
                    js_sys::Reflect::delete_property(&prototype, &name.into()).unwrap();
                    (name, method)
                })
                .collect(),
        )
    }
}

impl Drop for WithoutDialogMethods {
    fn drop(&mut self) {
        let prototype = dialog_prototype();
        for (name, method) in &self.0 {
            js_sys::Reflect::set(&prototype, &(*name).into(), method).unwrap();
        }
    }
}

fn dialog_prototype() -> js_sys::Object {
    let class = js_sys::Reflect::get(&window(), &"HTMLDialogElement".into()).unwrap();
    js_sys::Reflect::get(&class, &"prototype".into())
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn without_show_modal_the_question_opens_in_place_and_is_answered() {
    let _old_browser = WithoutDialogMethods::new(&["showModal", "close"]);
    let (question, answers, _page) = mount_dialog();
    let dialog: HtmlElement = document()
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    question.set(Some("Отключить лицевой счет № 3600000001?".into()));
    tick().await;
    assert!(dialog.has_attribute("open"), "opened in place");
    let buttons = dialog.query_selector_all("button").unwrap();
    let cancel: HtmlElement = buttons.item(1).unwrap().unchecked_into();
    assert_eq!(
        document().active_element().map(|e| e.text_content()),
        Some(Some("Отмена".into())),
        "the safe answer has the focus"
    );
    cancel.click();
    tick().await;
    assert!(!dialog.has_attribute("open"));
    assert_eq!(answers.get_untracked(), ["no"]);
}
