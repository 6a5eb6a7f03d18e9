//! `/api/v1/accounts`: linking a seeded account, what its list and page
//! show, refusals of bad input, unlinking, and the helpers other files link
//! accounts with.

use crate::support::{PASSWORD, Resp, TestApp};
use axum::http::StatusCode;
use reference_api::link_proof::ProofKind;
use serde_json::{Value, json};

pub async fn link(app: &TestApp, cookie: &str, supplier: &str, number: &str, proof: &str) -> Resp {
    app.post("/api/v1/accounts")
        .cookie(cookie)
        .json(json!({"supplier_id": supplier, "number": number, "proof": proof}))
        .send()
        .await
}

/// The datum a seeded account is proven by, as its receipt shows it: its
/// first meter's serial («СГ-100001») or its last bill («1050,00»).
pub fn proof_of(number: &str) -> String {
    let seed = reference_api::seed::parse().unwrap();
    let account = seed
        .accounts
        .iter()
        .find(|a| a.number == number)
        .unwrap_or_else(|| panic!("no account {number} in the seed"));
    let supplier = seed
        .suppliers
        .iter()
        .find(|s| s.id == account.supplier_id)
        .unwrap();
    match supplier.link_proof.kind {
        ProofKind::MeterSerial => account.meters[0].serial.clone(),
        ProofKind::LastBillAmount => {
            let kop = account.last_bill_kop.unwrap();
            format!("{},{:02}", kop / 100, kop % 100)
        }
    }
}

/// Asserts that linking is refused as for an unknown number (404).
pub async fn refused(app: &TestApp, cookie: &str, supplier: &str, number: &str, proof: &str) {
    link(app, cookie, supplier, number, proof)
        .await
        .problem(StatusCode::NOT_FOUND, "account_not_found");
}

/// Links with the account's proof and returns the new link's id.
pub async fn linked(app: &TestApp, cookie: &str, supplier: &str, number: &str) -> String {
    link(app, cookie, supplier, number, &proof_of(number))
        .await
        .expect(StatusCode::CREATED)
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn linking_the_demo_account_shows_it_everywhere() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    assert_eq!(app.read("/api/v1/accounts", &cookie).await, json!([]));
    let summary = link(&app, &cookie, "voronezh", "36 0000 0001 ", "СГ-100001")
        .await
        .expect(StatusCode::CREATED)
        .json();
    let id = summary["id"].as_str().unwrap().to_string();
    assert_eq!(
        summary,
        json!({
            "id": id,
            "supplier": {"id": "voronezh", "name": "Межрегионгаз Воронеж"},
            "number": "3600000001",
            "address": "г. Воронеж, ул. Ленина, д. 1, кв. 1",
            "balance_kop": 123456,
            "readings_window": {"open": true, "from_day": 1, "to_day": 31},
            "has_meters": true
        })
    );
    assert_eq!(
        app.read("/api/v1/accounts", &cookie).await,
        json!([summary])
    );
    let account = app.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
    assert_eq!(account["number"], "3600000001");
    assert_eq!(account["holder_masked"], "Иванов И.***");
    assert_eq!(account["tariffs"][0]["unit"], "м³");
    assert!(account["tariffs"][0]["price_kop"].as_i64().unwrap() > 0);
    let meters = account["meters"].as_array().unwrap();
    assert_eq!(meters.len(), 1);
    assert_eq!(meters[0]["last_reading"]["value"], "12345.678");
    assert_eq!(meters[0]["unit"], "м³");
    assert!(meters[0]["id"].is_string());
    assert!(meters[0]["verification_due"].is_string());
}

#[tokio::test]
async fn a_window_outside_today_is_closed() {
    let app = TestApp::new(); // the 10th of the month
    let cookie = app.confirmed_user("a@mail.ru").await;
    let summary = link(&app, &cookie, "voronezh", "3600000002", "СГ-352353")
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(
        summary["readings_window"],
        json!({"open": false, "from_day": 15, "to_day": 25})
    );
    app.clock.advance(5 * 86_400);
    let cookie = app.login("a@mail.ru", PASSWORD).await;
    let list = app.read("/api/v1/accounts", &cookie).await;
    assert_eq!(list[0]["readings_window"]["open"], true);
}

/// Kemerovo's 4200000002 has no meters (billed by the norm): its summary
/// says so, so that a cabinet does not offer to send readings for it.
#[tokio::test]
async fn an_account_without_meters_says_so() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let id = linked(&app, &cookie, "kemerovo", "4200000002").await;
    let list = app.read("/api/v1/accounts", &cookie).await;
    assert_eq!(list[0]["has_meters"], false);
    let account = app.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
    assert_eq!(account["has_meters"], false);
    assert_eq!(account["meters"], json!([]));
}

#[tokio::test]
async fn kirov_shows_an_overpayment() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let summary = link(&app, &cookie, "kirov", "4300000002", "1 050,00")
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(summary["balance_kop"], -10000);
    assert_eq!(summary["supplier"]["name"], "Межрегионгаз Киров");
}

#[tokio::test]
async fn the_new_suppliers_have_demo_accounts_to_link() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    for (supplier, number, name, meters) in [
        ("izhevsk", "1800000001", "Межрегионгаз Ижевск", 1),
        ("kaluga", "4000000003", "Межрегионгаз Калуга", 2),
        ("kemerovo", "4200000002", "Межрегионгаз Кемерово", 0),
    ] {
        let id = linked(&app, &cookie, supplier, number).await;
        let account = app.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
        assert_eq!(account["supplier"]["name"], name);
        assert_eq!(
            account["meters"].as_array().unwrap().len(),
            meters,
            "{number}"
        );
    }
}

#[tokio::test]
async fn bad_numbers_and_suppliers_are_named() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let serial = "СГ-100001";
    let cases: [(&str, &str, &str, &str, &str); 10] = [
        (
            "",
            "3600000001",
            serial,
            "supplier_id",
            "Выберите поставщика.",
        ),
        (
            "nowhere",
            "3600000001",
            serial,
            "supplier_id",
            "Выберите поставщика.",
        ),
        (
            "voronezh",
            "",
            serial,
            "number",
            "Введите номер лицевого счета, указанный на квитанции.",
        ),
        (
            "voronezh",
            "36000a0001",
            serial,
            "number",
            "Лицевой счет может содержать только цифры.",
        ),
        (
            "voronezh",
            "36000000011",
            serial,
            "number",
            "Лицевой счет должен содержать не более 10 цифр.",
        ),
        (
            "voronezh",
            "3600000001",
            "",
            "proof",
            "Введите заводской номер счетчика, как он указан на квитанции.",
        ),
        (
            "voronezh",
            "3600000001",
            " - ",
            "proof",
            "Введите заводской номер счетчика, как он указан на квитанции.",
        ),
        (
            "kirov",
            "4300000002",
            " ",
            "proof",
            "Введите сумму последнего начисления по квитанции, например 1 050,00.",
        ),
        (
            "kirov",
            "4300000002",
            "1050 руб.",
            "proof",
            "Сумма указывается в рублях и копейках, например 1 050,00.",
        ),
        (
            "kirov",
            "4300000002",
            "1 050,005",
            "proof",
            "Сумма указывается в рублях и копейках, например 1 050,00.",
        ),
    ];
    for (supplier, number, proof, field, message) in cases {
        let body = link(&app, &cookie, supplier, number, proof)
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(body["fields"][field], message, "{body}");
        assert_eq!(body["fields"].as_object().unwrap().len(), 1, "{body}");
    }
    // Every wrong field is named at once; the proof only with a supplier.
    let body = link(&app, &cookie, "", "", "")
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["fields"].as_object().unwrap().len(), 2, "{body}");
    let body = link(&app, &cookie, "kirov", "43x", "")
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields: Vec<&String> = body["fields"].as_object().unwrap().keys().collect();
    assert_eq!(fields, ["number", "proof"], "{body}");
    // A request without `proof` (an older client) is told to give it.
    let body = app
        .post("/api/v1/accounts")
        .cookie(&cookie)
        .json(json!({"supplier_id": "voronezh", "number": "3600000001"}))
        .send()
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(body["fields"]["proof"].is_string(), "{body}");
    // None of these links anything.
    assert_eq!(app.read("/api/v1/accounts", &cookie).await, json!([]));
}

#[tokio::test]
async fn unknown_and_already_linked_accounts_are_refused() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let body = link(&app, &cookie, "voronezh", "3699999999", "СГ-100001")
        .await
        .problem(StatusCode::NOT_FOUND, "account_not_found");
    assert_eq!(
        body["detail"],
        "Лицевой счет с такими данными не найден у поставщика «Межрегионгаз Воронеж». \
         Проверьте номер и данные квитанции."
    );
    // Kirov's number at Voronezh is not Voronezh's account.
    refused(&app, &cookie, "voronezh", "4300000002", "СГ-648936").await;
    linked(&app, &cookie, "voronezh", "3600000001").await;
    // Already linked is said only to whoever proves the account.
    refused(&app, &cookie, "voronezh", "3600000001", "СГ-100002").await;
    link(&app, &cookie, "voronezh", "3600000001", "сг 100001")
        .await
        .problem(StatusCode::CONFLICT, "already_linked");
}

#[tokio::test]
async fn accounts_belong_to_their_cabinet_and_unlink() {
    let app = TestApp::new();
    let a = app.confirmed_user("a@mail.ru").await;
    let b = app.confirmed_user("b@mail.ru").await;
    let id = linked(&app, &a, "voronezh", "3600000001").await;
    let kirov = linked(&app, &a, "kirov", "4300000002").await;
    for path in [
        format!("/api/v1/accounts/{id}"),
        "/api/v1/accounts/999".into(),
        "/api/v1/accounts/x".into(),
    ] {
        app.get(&path)
            .cookie(&b)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
        app.delete(&path)
            .cookie(&b)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
    app.delete(&format!("/api/v1/accounts/{id}"))
        .cookie(&a)
        .send()
        .await
        .expect(StatusCode::NO_CONTENT);
    let list: Value = app.read("/api/v1/accounts", &a).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], kirov);
    app.get(&format!("/api/v1/accounts/{id}"))
        .cookie(&a)
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    // Linking again after unlinking works.
    linked(&app, &a, "voronezh", "3600000001").await;
}

#[tokio::test]
async fn accounts_need_a_confirmed_session() {
    let app = TestApp::new();
    for path in ["/api/v1/accounts", "/api/v1/accounts/1"] {
        app.get(path)
            .send()
            .await
            .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    app.register("u@mail.ru").await;
    let unconfirmed = app.login("u@mail.ru", PASSWORD).await;
    // The list is empty; linking and reading an account are refused.
    assert_eq!(app.read("/api/v1/accounts", &unconfirmed).await, json!([]));
    link(&app, &unconfirmed, "voronezh", "3600000001", "СГ-100001")
        .await
        .problem(StatusCode::FORBIDDEN, "not_confirmed");
    app.get("/api/v1/accounts/1")
        .cookie(&unconfirmed)
        .send()
        .await
        .problem(StatusCode::FORBIDDEN, "not_confirmed");
}

#[tokio::test]
async fn links_survive_a_restart_that_reloads_the_seed() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let id = linked(&app, &cookie, "voronezh", "3600000001").await;
    let again = app.restart();
    let account = again.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
    assert_eq!(account["number"], "3600000001");
}
