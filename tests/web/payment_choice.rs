//! The payment form's choice (`PayForm`): the debt, an own amount, or by
//! readings of the account's meters.

use crate::support::{attr, by_id, checked, fire, focused_id, mount, text_of};
use kabinet::api::types::{Account, AccountSummary, Meter, Reading, ReadingsWindow, SupplierRef};
use kabinet::pages::pay::PayForm;
use leptos::{prelude::*, task::tick};
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

fn account_with_balance(balance_kop: i64) -> Account {
    Account {
        summary: AccountSummary {
            id: "a1".into(),
            supplier: SupplierRef {
                id: "voronezh".into(),
                name: "Межрегионгаз Воронеж".into(),
            },
            number: "3600000001".into(),
            address: "г. Воронеж, ул. Ленина, д. 1, кв. 1".into(),
            balance_kop,
            readings_window: ReadingsWindow {
                open: true,
                from_day: 1,
                to_day: 31,
            },
            has_meters: true,
        },
        holder_masked: "Иванов И.***".into(),
        tariffs: vec![],
        meters: vec![Meter {
            id: "m1".into(),
            serial: "СГ-1".into(),
            service: "Газоснабжение".into(),
            unit: "м³".into(),
            last_reading: Some(Reading {
                value: "12345.678".into(),
                date: "2026-11-01".into(),
            }),
            verification_due: None,
        }],
    }
}

fn mount_pay_form(balance_kop: i64) -> impl Drop {
    mount(move || {
        view! {
            <Router>
                <PayForm account=account_with_balance(balance_kop) />
            </Router>
        }
    })
}

#[wasm_bindgen_test]
async fn payment_choice_starts_at_the_debt_and_checks_an_own_amount() {
    let _page = mount_pay_form(123_456);
    assert!(checked("pay-debt"), "the debt is the default choice");
    let debt_label = document()
        .query_selector("label[for='pay-debt']")
        .unwrap()
        .unwrap();
    assert_eq!(
        debt_label.text_content().unwrap().replace('\u{a0}', " "),
        "оплата по текущему долгу: 1 234,56 ₽"
    );
    assert!(
        document().get_element_by_id("amount_kop").is_none(),
        "no amount field for the debt"
    );

    by_id::<HtmlElement>("pay-own").click();
    tick().await;
    // Revealed right under its own radio, in the group of the question.
    assert!(
        document()
            .query_selector("fieldset .radio:has(#pay-own) + .reveal #amount_kop")
            .unwrap()
            .is_some(),
        "the amount under «по самостоятельно внесённой сумме»"
    );
    let amount: HtmlInputElement = by_id("amount_kop");
    amount.set_value("1,234");
    fire("amount_kop", "input");
    let form: web_sys::HtmlFormElement = document()
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    tick().await;
    assert_eq!(attr("amount_kop", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        by_id::<HtmlElement>("amount_kop-error")
            .text_content()
            .as_deref(),
        Some("После запятой — не больше двух цифр (копейки), например 100,50.")
    );
    assert_eq!(focused_id(), "error-summary");
    assert_eq!(
        by_id::<HtmlInputElement>("amount_kop").value(),
        "1,234",
        "nothing typed is lost"
    );
}

#[wasm_bindgen_test]
async fn payment_choice_offers_readings_of_the_accounts_meters() {
    let _page = mount_pay_form(123_456);
    assert!(document().get_element_by_id("reading-1").is_none());
    by_id::<HtmlElement>("pay-readings").click();
    tick().await;
    let note = by_id::<HtmlElement>("reading-1-note")
        .text_content()
        .unwrap();
    assert!(
        note.starts_with("Предыдущие показания: 12\u{a0}345,678\u{a0}м³ от 01.11.2026 Новые"),
        "{note}"
    );
    // The previous reading is a bold line of its own.
    let lead = document()
        .query_selector("#reading-1-note > strong.note-lead")
        .unwrap()
        .expect("the previous reading in bold");
    assert_eq!(
        lead.text_content().unwrap(),
        "Предыдущие показания: 12\u{a0}345,678\u{a0}м³ от 01.11.2026"
    );
    // Revealed under the choice that reveals it.
    let reveal = document()
        .query_selector(".checkbox + .reveal #reading-1")
        .unwrap();
    assert!(reveal.is_some(), "the readings right under their checkbox");
    // The unit after the input, read with it.
    assert_eq!(text_of("reading-1-suffix").as_deref(), Some("м³"));
    assert!(
        attr("reading-1", "aria-describedby")
            .unwrap()
            .starts_with("reading-1-suffix ")
    );
}

#[wasm_bindgen_test]
async fn without_a_debt_the_debt_option_is_not_offered() {
    let _page = mount_pay_form(-10_000);
    assert!(document().get_element_by_id("pay-debt").is_none());
    // One choice is no choice: no radio group of one, the amount at once.
    assert_eq!(
        document()
            .query_selector_all("input[type='radio']")
            .unwrap()
            .length(),
        0
    );
    assert!(document().get_element_by_id("amount_kop").is_some());
    assert!(
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("Задолженности нет")
    );
}
