//! `FormShell` with a `Form`: a submit reaches the page only when it may go;
//! the page's checks and a failed answer fill the summary.

use std::collections::BTreeMap;
use std::{cell::Cell, rc::Rc};

use crate::support::{by_id, focused_id, mount, text_of};
use kabinet::api::ApiError;
use kabinet::components::field::TextField;
use kabinet::components::form_shell::FormShell;
use kabinet::form::{Field, Form, FormError};
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlFormElement, HtmlInputElement};

fn submit() {
    document()
        .query_selector("#test-host form")
        .unwrap()
        .expect("the shell's <form>")
        .unchecked_into::<HtmlFormElement>()
        .request_submit()
        .unwrap();
}

fn button() -> HtmlButtonElement {
    document()
        .query_selector("#test-host button[type=submit]")
        .unwrap()
        .expect("the submit button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn form_shell_guards_the_submit_and_shows_the_form_state() {
    let sent = RwSignal::new(0);
    let made = Rc::new(Cell::new(None));
    let busy = RwSignal::new(false);
    let _page = mount({
        let made = made.clone();
        move || {
            let email = Field::new("email");
            let form = Form::new(&[email]);
            made.set(Some((form, email)));
            view! {
                <FormShell
                    form=form
                    on_submit=move || sent.update(|n| *n += 1)
                    submit="Войти"
                    busy=busy
                >
                    <TextField field=email label="E-mail" validate=|| {} />
                </FormShell>
            }
        }
    });
    let (form, email) = made.get().unwrap();
    assert_eq!(button().text_content().as_deref(), Some("ВойтиОтправляем…"));
    assert!(!button().class_list().contains("busy"));
    assert!(by_id::<HtmlInputElement>("email").form().is_some());

    submit();
    assert_eq!(
        sent.get_untracked(),
        1,
        "a submit that may go reaches the page"
    );

    busy.set(true);
    tick().await;
    assert!(
        button().disabled(),
        "no second press while a send is in flight"
    );
    assert!(
        button().class_list().contains("busy"),
        "the stylesheet shows «Отправляем…» and a spinner instead of «Войти»"
    );
    assert_eq!(
        document()
            .query_selector("#test-host .form-actions [role=status]")
            .unwrap()
            .and_then(|status| status.text_content())
            .as_deref(),
        Some("Отправляем…"),
        "and a screen reader hears it"
    );
    submit();
    assert_eq!(sent.get_untracked(), 1, "nor a submit by Enter");
    busy.set(false);
    tick().await;

    form.fail(&ApiError::TooManyRequests {
        retry_after: Some(30),
    });
    tick().await;
    assert_eq!(focused_id(), "retry-notice");
    email.value.set("x".into());
    submit();
    tick().await;
    assert_eq!(
        sent.get_untracked(),
        1,
        "nothing goes before the countdown is over"
    );
    assert_eq!(focused_id(), "retry-notice", "the notice is read out again");

    // The page's checks: failures in the summary, which takes focus.
    assert!(!form.check([email.check(Err("Введите e-mail.")), None]));
    tick().await;
    assert_eq!(focused_id(), "error-summary");
    assert_eq!(
        text_of("error-summary-title").as_deref(),
        Some("Проверьте введённые данные")
    );
    assert!(form.check([None]));
    tick().await;
    assert_eq!(
        text_of("error-summary"),
        None,
        "all passed: the summary goes"
    );

    // A failed answer: a named field gets its message, the rest a line.
    form.fail(&ApiError::Problem {
        status: 422,
        code: "validation".into(),
        detail: String::new(),
        fields: BTreeMap::from([
            ("email".to_owned(), "Адрес уже занят.".to_owned()),
            ("other".to_owned(), "Что-то ещё.".to_owned()),
        ]),
    });
    tick().await;
    assert_eq!(
        email.error.get_untracked().as_deref(),
        Some("Адрес уже занят.")
    );
    assert_eq!(
        document()
            .query_selector_all("#error-summary li")
            .unwrap()
            .length(),
        2
    );

    // No answer at all: the service failed, and what was typed is kept.
    form.fail(&ApiError::Network);
    tick().await;
    assert_eq!(
        text_of("error-summary-title").as_deref(),
        Some("Не удалось выполнить запрос")
    );
    // One line: a sentence, not a list of one.
    let line = document()
        .query_selector("#error-summary p")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(line.ends_with("Введённые данные сохранены."), "{line}");
    assert_eq!(FormError::from_api(&ApiError::Network).message, line);
}
