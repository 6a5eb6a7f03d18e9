//! The API client's JSON in the browser (`api::json`: `JSON.parse` /
//! `JSON.stringify` and serde-wasm-bindgen), which the native unit tests of
//! `api::types` cannot reach: they decode through serde_json.

use std::collections::BTreeMap;

use kabinet::api::{ApiError, json, types::AccountSummary, types::User};
use wasm_bindgen_test::wasm_bindgen_test;

const SUMMARY: &str = r#"{"id":"a1","supplier":{"id":"v","name":"Межрегионгаз Воронеж"},
    "number":"3600000001","address":"г. Воронеж, ул. Ленина, д. 1, кв. 2",
    "balance_kop":-123456,"unknown_field":[1,2,{"x":null}],
    "readings_window":{"open":true,"from_day":15,"to_day":25},"has_meters":true}"#;

#[wasm_bindgen_test]
fn an_answer_decodes_as_natively_unknown_fields_ignored() {
    let summary: AccountSummary = json::from_str(SUMMARY).expect("decodes");
    assert_eq!(summary.id, "a1");
    assert_eq!(summary.supplier.name, "Межрегионгаз Воронеж");
    assert_eq!(summary.balance_kop, -123_456);
    assert!(summary.readings_window.open);
}

#[wasm_bindgen_test]
fn a_missing_optional_field_is_none_and_a_missing_required_one_fails() {
    let user: User =
        json::from_str(r#"{"email":"a@b.ru","email_masked":"a***@b.ru","confirmed":true}"#)
            .expect("decodes");
    assert_eq!(user.confirm_until, None);
    assert_eq!(
        json::from_str::<User>(r#"{"email":"a@b.ru","confirmed":true}"#),
        None
    );
    assert_eq!(json::from_str::<User>("not json"), None);
}

#[wasm_bindgen_test]
fn an_empty_answer_reads_as_unit() {
    assert_eq!(json::from_str::<()>("null"), Some(()));
}

/// The browser's numbers are doubles: an integer beyond ±(2^53 − 1) is not
/// read (the answer is malformed, as the page then says); no amount in
/// kopecks comes near it (90 trillion roubles).
#[wasm_bindgen_test]
fn integers_are_read_up_to_the_browsers_exact_range() {
    let with_balance = |kop: &str| SUMMARY.replace("-123456", kop);
    let largest: AccountSummary = json::from_str(&with_balance("9007199254740991")).unwrap();
    assert_eq!(largest.balance_kop, 9_007_199_254_740_991);
    assert_eq!(
        json::from_str::<AccountSummary>(&with_balance("9007199254740993")),
        None
    );
}

#[wasm_bindgen_test]
fn a_request_body_is_compact_json_in_field_order() {
    #[derive(serde::Serialize)]
    struct Login<'a> {
        email: &'a str,
        password: &'a str,
        remember: Option<bool>,
    }
    let body = json::to_string(&Login {
        email: "абонент@пример.рф",
        password: "q\"w\\e",
        remember: None,
    });
    assert_eq!(
        body,
        r#"{"email":"абонент@пример.рф","password":"q\"w\\e","remember":null}"#
    );
}

#[wasm_bindgen_test]
fn a_problem_answer_names_its_fields_in_the_browser_too() {
    let error = ApiError::from_answer(
        422,
        "application/problem+json",
        None,
        r#"{"type":"about:blank","title":"Проверьте данные","status":422,
            "code":"validation_failed","fields":{"email":"Введите e-mail."}}"#,
    );
    let ApiError::Problem { code, fields, .. } = error else {
        panic!("a problem: {error:?}");
    };
    assert_eq!(code, "validation_failed");
    assert_eq!(
        fields,
        BTreeMap::from([("email".to_owned(), "Введите e-mail.".to_owned())])
    );
}
