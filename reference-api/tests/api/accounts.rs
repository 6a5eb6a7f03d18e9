use crate::support::{PASSWORD, Resp, TestApp};
use axum::http::StatusCode;
use reference_api::Limits;
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
async fn suppliers_are_the_nine_of_the_seed_with_their_rules() {
    let app = TestApp::new();
    let suppliers = app.get("/api/v1/suppliers").send().await.ok().json();
    let names: Vec<&str> = suppliers
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Межрегионгаз Воронеж",
            "Межрегионгаз Жигулевск",
            "Межрегионгаз Иваново",
            "Межрегионгаз Ижевск",
            "Межрегионгаз Йошкар-Ола",
            "Межрегионгаз Калуга",
            "Межрегионгаз Краснодар",
            "Межрегионгаз Кемерово",
            "Межрегионгаз Киров",
        ]
    );
    // Each has its own hint, and an example that begins with its region's code.
    let hints: std::collections::BTreeSet<&str> = suppliers
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["account_rule"]["hint"].as_str().unwrap())
        .collect();
    assert_eq!(hints.len(), 9);
    for (id, code) in [("izhevsk", "18"), ("kaluga", "40"), ("kemerovo", "42")] {
        let supplier = suppliers
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("no supplier {id}"));
        let rule = &supplier["account_rule"];
        assert!(rule["example"].as_str().unwrap().starts_with(code), "{id}");
        assert!(
            rule["hint"]
                .as_str()
                .unwrap()
                .contains(&format!("начинается с {code}")),
            "{id}"
        );
    }
    let voronezh = &suppliers[0];
    assert_eq!(voronezh["id"], "voronezh");
    assert_eq!(voronezh["account_rule"]["max_digits"], 10);
    assert!(
        voronezh["account_rule"]["hint"]
            .as_str()
            .unwrap()
            .contains("квитанции")
    );
    assert!(
        voronezh["account_rule"]["example"]
            .as_str()
            .unwrap()
            .starts_with("36")
    );
    assert!(voronezh["region"].is_string());
}

#[tokio::test]
async fn each_supplier_says_what_proves_an_account() {
    let app = TestApp::new();
    let suppliers = app.get("/api/v1/suppliers").send().await.ok().json();
    let suppliers = suppliers.as_array().unwrap();
    let kinds: Vec<(&str, &str)> = suppliers
        .iter()
        .map(|s| {
            let kind = s["link_proof"]["kind"].as_str().unwrap();
            (s["id"].as_str().unwrap(), kind)
        })
        .collect();
    let serial = "meter_serial";
    let amount = "last_bill_amount";
    assert_eq!(
        kinds,
        [
            ("voronezh", serial),
            ("zhigulevsk", serial),
            ("ivanovo", serial),
            ("izhevsk", serial),
            ("yoshkar-ola", serial),
            ("kaluga", amount),
            ("krasnodar", amount),
            ("kemerovo", amount),
            ("kirov", amount),
        ]
    );
    // Each supplier's own hint to where the datum is on its receipt.
    let hints: std::collections::BTreeSet<&str> = suppliers
        .iter()
        .map(|s| s["link_proof"]["hint"].as_str().unwrap())
        .collect();
    assert_eq!(hints.len(), 9);
    assert!(hints.iter().all(|hint| hint.contains("квитанции")));
    assert_eq!(
        suppliers[0]["link_proof"],
        json!({
            "kind": serial,
            "label": "Заводской номер счетчика",
            "hint": suppliers[0]["link_proof"]["hint"],
            "example": "СГ-100001"
        })
    );
    assert_eq!(
        suppliers[8]["link_proof"],
        json!({
            "kind": amount,
            "label": "Сумма последнего начисления по квитанции, ₽",
            "hint": suppliers[8]["link_proof"]["hint"],
            "example": "1 050,00"
        })
    );
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
            "readings_window": {"open": true, "from_day": 1, "to_day": 31}
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

/// Asserts that two answers are the same to the byte: status, type, body.
fn assert_identical(one: &Resp, other: &Resp) {
    assert_eq!(
        one.status,
        other.status,
        "{} / {}",
        one.text(),
        other.text()
    );
    assert_eq!(one.header("content-type"), other.header("content-type"));
    assert_eq!(one.text(), other.text());
}

/// Asserts that a refused link tells nothing of the seeded account
/// 3600000001 (its address, balance, holder, meter) or 4300000002.
fn assert_reveals_nothing(response: &Resp) {
    let text = response.text();
    for secret in [
        "Ленина",
        "Воронеж, ул",
        "123456",
        "1 234,56",
        "Иванов",
        "12345",
        "СГ-100001",
        "-10000",
        "105000",
        "1 050,00",
        "address",
        "balance",
        "holder",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}

#[tokio::test]
async fn a_stranger_with_only_the_number_learns_what_an_unknown_number_tells() {
    let app = TestApp::new();
    let owner = app.confirmed_user("a@mail.ru").await;
    linked(&app, &owner, "voronezh", "3600000001").await;
    let stranger = app.confirmed_user("b@mail.ru").await;
    // Without the datum: told to give it, as for any number.
    let known = link(&app, &stranger, "voronezh", "3600000001", "").await;
    let unknown = link(&app, &stranger, "voronezh", "3699999999", "").await;
    assert_identical(&known, &unknown);
    assert_reveals_nothing(&known);
    known.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // With a guess: one and the same 404.
    for guess in ["СГ-000000", "СГ-100000", "3600000001"] {
        let known = link(&app, &stranger, "voronezh", "3600000001", guess).await;
        let unknown = link(&app, &stranger, "voronezh", "3699999999", guess).await;
        assert_identical(&known, &unknown);
        assert_reveals_nothing(&known);
        known.problem(StatusCode::NOT_FOUND, "account_not_found");
    }
    assert_eq!(app.read("/api/v1/accounts", &stranger).await, json!([]));
}

#[tokio::test]
async fn a_wrong_proof_and_an_unknown_number_get_the_same_bytes() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    for (supplier, number, unknown, wrong) in [
        ("voronezh", "3600000001", "3600000009", "СГ-100002"),
        ("voronezh", "3600000003", "3699999999", "СГ-352353"),
        ("kirov", "4300000002", "4399999999", "1 050,01"),
        ("kirov", "4300000001", "4300000009", "1050"),
    ] {
        let mismatched = link(&app, &cookie, supplier, number, wrong).await;
        let unheard = link(&app, &cookie, supplier, unknown, wrong).await;
        assert_identical(&mismatched, &unheard);
        assert_reveals_nothing(&mismatched);
        // Not even the number asked about is repeated.
        let text = mismatched.text();
        assert!(!text.contains(number), "{text}");
        mismatched.problem(StatusCode::NOT_FOUND, "account_not_found");
    }
    assert_eq!(app.read("/api/v1/accounts", &cookie).await, json!([]));
}

/// Asserts that each of `right` links the account (it is unlinked again
/// after each) and each of `wrong` is refused.
async fn assert_proofs(
    app: &TestApp,
    cookie: &str,
    (supplier, number): (&str, &str),
    right: &[&str],
    wrong: &[&str],
) {
    for proof in right {
        let response = link(app, cookie, supplier, number, proof).await;
        let text = response.text();
        assert_eq!(response.status, StatusCode::CREATED, "{proof}: {text}");
        let id = response.json()["id"].as_str().unwrap().to_string();
        app.delete(&format!("/api/v1/accounts/{id}"))
            .cookie(cookie)
            .send()
            .await
            .expect(StatusCode::NO_CONTENT);
    }
    for proof in wrong {
        refused(app, cookie, supplier, number, proof).await;
    }
}

#[tokio::test]
async fn a_meter_serial_is_matched_as_people_type_it() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let right = [
        "СГ-100001",
        "сг-100001",
        "СГ 100001",
        " сг 100 001 ",
        "СГ100001",
        // A Latin «C» for the Cyrillic «С», and Latin in lower case.
        "CГ-100001",
        "cг-100001",
    ];
    let wrong = [
        "СГ-100002",
        "СГ-10000",
        "СГ-1000011",
        "CR-100001",
        "СГ-352353",
    ];
    assert_proofs(&app, &cookie, ("voronezh", "3600000001"), &right, &wrong).await;
    // Any of the account's meters proves it.
    let both = ["СГ-164867", "СГ-403677"];
    assert_proofs(&app, &cookie, ("voronezh", "3600000003"), &both, &[]).await;
}

#[tokio::test]
async fn the_last_bill_is_matched_in_rubles_and_kopecks() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let right = [
        "1 050,00",
        "1050",
        "1050.00",
        "1050,0",
        "1\u{a0}050,00",
        "1 050,00 ₽",
    ];
    let wrong = ["1 050,01", "1049,99", "105000", "10,50"];
    assert_proofs(&app, &cookie, ("kirov", "4300000002"), &right, &wrong).await;
}

#[tokio::test]
async fn each_cabinet_of_a_household_links_the_account_with_its_proof() {
    let app = TestApp::new();
    let first = app.confirmed_user("a@mail.ru").await;
    let second = app.confirmed_user("b@mail.ru").await;
    let neighbour = app.confirmed_user("c@mail.ru").await;
    let ids = [
        linked(&app, &first, "voronezh", "3600000001").await,
        linked(&app, &second, "voronezh", "3600000001").await,
    ];
    assert_ne!(ids[0], ids[1]);
    for (cookie, id) in [(&first, &ids[0]), (&second, &ids[1])] {
        let account = app.read(&format!("/api/v1/accounts/{id}"), cookie).await;
        assert_eq!(account["number"], "3600000001");
    }
    // That the account is linked elsewhere opens it to no one else.
    refused(&app, &neighbour, "voronezh", "3600000001", "СГ-100000").await;
    for id in &ids {
        app.get(&format!("/api/v1/accounts/{id}"))
            .cookie(&neighbour)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
}

/// A test app with the strict limits: 5 failed links per cabinet in 15
/// minutes, 10 per number in an hour.
fn strict() -> TestApp {
    TestApp::with(|c| c.limits = Limits::strict())
}

#[tokio::test]
async fn a_cabinet_that_keeps_failing_is_held_back() {
    let app = strict();
    let cookie = app.confirmed_user("a@mail.ru").await;
    for number in [
        "3600000009",
        "3600000008",
        "3600000001",
        "3600000007",
        "3600000002",
    ] {
        refused(&app, &cookie, "voronezh", number, "СГ-999999").await;
    }
    // The sixth attempt is refused before it is looked at, right or wrong.
    let held = link(&app, &cookie, "voronezh", "3600000001", "СГ-100001").await;
    let retry_after: u64 = held.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert_reveals_nothing(&held);
    held.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    // Another cabinet is not held by it; this one is let go after the window.
    let other = app.confirmed_user("b@mail.ru").await;
    linked(&app, &other, "kirov", "4300000002").await;
    app.clock.advance(900);
    linked(&app, &cookie, "voronezh", "3600000001").await;
}

#[tokio::test]
async fn a_number_failed_too_often_is_locked_for_those_who_failed_but_not_its_owner() {
    let app = strict();
    let guessers = [
        app.confirmed_user("g1@mail.ru").await,
        app.confirmed_user("g2@mail.ru").await,
    ];
    // Ten failures on one number, from two cabinets (five each); the same
    // on a number that does not exist.
    for number in ["3600000001", "3699999999"] {
        for guesser in &guessers {
            for guess in 0..5 {
                let guess = format!("СГ-20000{guess}");
                refused(&app, guesser, "voronezh", number, &guess).await;
            }
        }
        // The cabinets' own limit has passed; the number's has not.
        app.clock.advance(900);
    }
    for number in ["3600000001", "3699999999"] {
        let locked = link(&app, &guessers[0], "voronezh", number, "СГ-100001").await;
        let retry_after: u64 = locked.header("retry-after").unwrap().parse().unwrap();
        let expected = if number == "3600000001" { 1800 } else { 2700 };
        assert_eq!(retry_after, expected, "{number}");
        assert_reveals_nothing(&locked);
        let body = locked.problem(StatusCode::TOO_MANY_REQUESTS, "account_locked");
        assert_eq!(
            body["detail"],
            format!(
                "Слишком много неудачных попыток подключить этот лицевой счет. \
                 Повторите через {} мин.",
                expected / 60
            )
        );
    }
    // A cabinet that has not failed on the number may try: the owner links…
    let owner = app.confirmed_user("owner@mail.ru").await;
    linked(&app, &owner, "voronezh", "3600000001").await;
    // …and a fresh guesser gets one try before the lock holds it too.
    let late = app.confirmed_user("g3@mail.ru").await;
    refused(&app, &late, "voronezh", "3600000001", "СГ-100002").await;
    link(&app, &late, "voronezh", "3600000001", "СГ-100001")
        .await
        .problem(StatusCode::TOO_MANY_REQUESTS, "account_locked");
    // Other numbers are not locked for the guessers; after the hour, neither is this one.
    linked(&app, &guessers[0], "voronezh", "3600000002").await;
    app.clock.advance(1800);
    let again = app.login("g1@mail.ru", PASSWORD).await;
    linked(&app, &again, "voronezh", "3600000001").await;
}
