use crate::support::{PASSWORD, TestApp};
use axum::http::StatusCode;
use serde_json::{Value, json};

pub async fn link(
    app: &TestApp,
    cookie: &str,
    supplier: &str,
    number: &str,
) -> crate::support::Resp {
    app.post("/api/v1/accounts")
        .cookie(cookie)
        .json(json!({"supplier_id": supplier, "number": number}))
        .send()
        .await
}

/// Links and returns the new account's id.
pub async fn linked(app: &TestApp, cookie: &str, supplier: &str, number: &str) -> String {
    link(app, cookie, supplier, number)
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
    let summary = link(&app, &cookie, "voronezh", "36 0000 0001 ")
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
    let summary = link(&app, &cookie, "voronezh", "3600000002")
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
    let summary = link(&app, &cookie, "kirov", "4300000002")
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
    let cases: [(&str, &str, &str, &str); 5] = [
        ("", "3600000001", "supplier_id", "Выберите поставщика."),
        (
            "nowhere",
            "3600000001",
            "supplier_id",
            "Выберите поставщика.",
        ),
        (
            "voronezh",
            "",
            "number",
            "Введите номер лицевого счета, указанный на квитанции.",
        ),
        (
            "voronezh",
            "36000a0001",
            "number",
            "Лицевой счет может содержать только цифры.",
        ),
        (
            "voronezh",
            "36000000011",
            "number",
            "Лицевой счет должен содержать не более 10 цифр.",
        ),
    ];
    for (supplier, number, field, message) in cases {
        let body = link(&app, &cookie, supplier, number)
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(body["fields"][field], message, "{body}");
    }
    let body = link(&app, &cookie, "", "")
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["fields"].as_object().unwrap().len(), 2, "{body}");
}

#[tokio::test]
async fn unknown_and_already_linked_accounts_are_refused() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    link(&app, &cookie, "voronezh", "3699999999")
        .await
        .problem(StatusCode::NOT_FOUND, "account_not_found");
    // Kirov's number at Voronezh is not Voronezh's account.
    link(&app, &cookie, "voronezh", "4300000002")
        .await
        .problem(StatusCode::NOT_FOUND, "account_not_found");
    linked(&app, &cookie, "voronezh", "3600000001").await;
    link(&app, &cookie, "voronezh", "3600000001")
        .await
        .problem(StatusCode::CONFLICT, "already_linked");
    // A family: another cabinet may link the same account.
    let other = app.confirmed_user("b@mail.ru").await;
    linked(&app, &other, "voronezh", "3600000001").await;
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
    link(&app, &unconfirmed, "voronezh", "3600000001")
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
