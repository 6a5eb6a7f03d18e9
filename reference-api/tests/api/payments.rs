use crate::readings::voronezh;
use crate::support::{APP_URL, PUBLIC_URL, Resp, TestApp};
use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

async fn pay(app: &TestApp, cookie: &str, id: &str, key: &str, body: Value) -> Resp {
    app.post(&format!("/api/v1/accounts/{id}/payments"))
        .cookie(cookie)
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
}

/// Pays; expects 201 and returns the payment.
async fn created(app: &TestApp, cookie: &str, id: &str, key: &str, body: Value) -> Value {
    pay(app, cookie, id, key, body)
        .await
        .expect(StatusCode::CREATED)
        .json()
}

fn debt() -> Value {
    json!({"amount_kop": 123456, "return_url": format!("{APP_URL}/payments/{{id}}")})
}

/// Presses a gateway button; returns the redirect's Location.
async fn press(app: &TestApp, payment: &str, action: &str) -> String {
    let response = app
        .request(axum::http::Method::POST, &format!("/dev/pay/{payment}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(&format!("action={action}"))
        .send()
        .await
        .expect(StatusCode::SEE_OTHER);
    response.header("location").unwrap()
}

#[tokio::test]
async fn paying_the_debt_through_the_gateway() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    let payment = created(&app, &cookie, &id, "k1", debt()).await;
    let pid = payment["id"].as_str().unwrap().to_string();
    assert_eq!(
        payment,
        json!({
            "id": pid, "number": "2026-000001", "account_id": id, "amount_kop": 123456,
            "status": "pending", "created_at": "2026-03-10T12:00:00Z",
            "confirmation_url": format!("{PUBLIC_URL}/dev/pay/{pid}"),
        })
    );
    let page = app.get(&format!("/dev/pay/{pid}")).send().await.ok();
    let html = page.text();
    assert!(html.contains("1\u{a0}234,56\u{a0}₽"), "{html}");
    assert!(html.contains("2026-000001"), "the payment's number: {html}");
    assert!(html.contains("Оплатить") && html.contains("Отменить"));
    assert!(html.contains("3600000001") && html.contains("lang=\"ru\""));

    let location = press(&app, &pid, "pay").await;
    assert_eq!(location, format!("{APP_URL}/payments/{pid}"));
    let settled = app.read(&format!("/api/v1/payments/{pid}"), &cookie).await;
    assert_eq!(settled["status"], "succeeded");
    assert!(settled.get("confirmation_url").is_none());
    // A second press changes nothing.
    press(&app, &pid, "cancel").await;
    assert_eq!(
        app.read(&format!("/api/v1/payments/{pid}"), &cookie).await["status"],
        "succeeded"
    );
    // The balance is the supplier's business: unchanged.
    assert_eq!(
        app.read(&format!("/api/v1/accounts/{id}"), &cookie).await["balance_kop"],
        123456
    );
    let history = app
        .read(&format!("/api/v1/accounts/{id}/payments"), &cookie)
        .await;
    assert_eq!(history, json!([settled]));
}

/// Under `trunk serve` the app's proxy would follow the gateway's 303 itself
/// and hand the browser index.html: the page must be on the API's own origin,
/// and only its redirect goes back to the app.
#[tokio::test]
async fn the_gateway_lives_on_the_apis_own_origin_and_returns_to_the_app() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    let payment = created(&app, &cookie, &id, "k1", debt()).await;
    let pid = payment["id"].as_str().unwrap();
    let url = payment["confirmation_url"].as_str().unwrap();
    assert_eq!(url, format!("{PUBLIC_URL}/dev/pay/{pid}"));
    let page = app
        .get(url.strip_prefix(PUBLIC_URL).unwrap())
        .send()
        .await
        .ok();
    // Plain forms posting to the page itself, under a policy that allows
    // nothing else but its own stylesheet (by the hash of the very text in
    // the page) and the redirect back to the app.
    let html = page.text();
    assert!(
        !html.contains("<script") && !html.contains("action="),
        "{html}"
    );
    let style = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(style, _)| style)
        .expect("one stylesheet in the page");
    let hash = STANDARD.encode(Sha256::digest(style.as_bytes()));
    assert_eq!(
        page.header("content-security-policy").unwrap(),
        format!(
            "default-src 'none'; style-src 'sha256-{hash}'; form-action 'self' {APP_URL}; \
             base-uri 'none'; frame-ancestors 'none'"
        )
    );
    assert!(
        !html.contains(" style="),
        "no inline style attributes: {html}"
    );
    assert_eq!(
        press(&app, pid, "pay").await,
        format!("{APP_URL}/payments/{pid}")
    );
}

#[tokio::test]
async fn cancelling_at_the_gateway() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    let body = json!({"amount_kop": 10050, "return_url": "/accounts/1/pay/done"});
    let payment = created(&app, &cookie, &id, "k1", body).await;
    let pid = payment["id"].as_str().unwrap();
    assert_eq!(
        press(&app, pid, "cancel").await,
        format!("{APP_URL}/accounts/1/pay/done")
    );
    assert_eq!(
        app.read(&format!("/api/v1/payments/{pid}"), &cookie).await["status"],
        "canceled"
    );
    let page = app.get(&format!("/dev/pay/{pid}")).send().await.ok().text();
    assert!(
        page.contains("Платеж отменен") && !page.contains("Оплатить"),
        "{page}"
    );
    // Styled as the page that pays: the same card with the payment's
    // details, the way back a full-size button.
    for part in [
        "<dl>",
        "Получатель",
        "Межрегионгаз Воронеж",
        "100,50",
        "class=\"button\"",
    ] {
        assert!(page.contains(part), "{part}: {page}");
    }
}

/// Each payment gets a number a subscriber can read aloud, one after
/// another within the year; the hex id stays the API's key.
#[tokio::test]
async fn payments_are_numbered_for_people() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    let first = created(&app, &cookie, &id, "k1", debt()).await;
    let body = json!({"amount_kop": 10050, "return_url": "/payments/{id}"});
    let second = created(&app, &cookie, &id, "k2", body).await;
    assert_eq!(first["number"], "2026-000001");
    assert_eq!(second["number"], "2026-000002");
    assert_eq!(first["id"].as_str().unwrap().len(), 32);
    let pid = second["id"].as_str().unwrap();
    let read = app.read(&format!("/api/v1/payments/{pid}"), &cookie).await;
    assert_eq!(read["number"], "2026-000002");
}

/// The development gateway speaks plain http: it says «Защищённое
/// соединение» only when a TLS-terminating proxy says the request came over https.
#[tokio::test]
async fn the_gateway_claims_a_secure_connection_only_over_https() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    let payment = created(&app, &cookie, &id, "k1", debt()).await;
    let page = format!("/dev/pay/{}", payment["id"].as_str().unwrap());
    let plain = app.get(&page).send().await.ok().text();
    assert!(!plain.contains("Защищённое соединение"), "{plain}");
    assert!(plain.contains("Тестовая среда, без шифрования"), "{plain}");
    let over_https = app
        .get(&page)
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .ok()
        .text();
    assert!(over_https.contains("Защищённое соединение"), "{over_https}");
}

#[tokio::test]
async fn the_same_key_never_makes_a_second_payment() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    let first = created(&app, &cookie, &id, "double-click", debt()).await;
    let again = created(&app, &cookie, &id, "double-click", debt()).await;
    assert_eq!(first, again);
    // After paying, the back button's retry answers the settled payment.
    press(&app, first["id"].as_str().unwrap(), "pay").await;
    let later = created(&app, &cookie, &id, "double-click", debt()).await;
    assert_eq!(later["id"], first["id"]);
    assert_eq!(later["status"], "succeeded");
    // Another body with the used key is refused.
    pay(
        &app,
        &cookie,
        &id,
        "double-click",
        json!({"amount_kop": 100, "return_url": "/"}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused");
    let history = app
        .read(&format!("/api/v1/accounts/{id}/payments"), &cookie)
        .await;
    assert_eq!(history.as_array().unwrap().len(), 1);
    // A new key is a new payment, listed first.
    app.clock.advance(60);
    let second = created(&app, &cookie, &id, "other", debt()).await;
    let history = app
        .read(&format!("/api/v1/accounts/{id}/payments"), &cookie)
        .await;
    assert_eq!(history[0]["id"], second["id"]);
    assert_eq!(history[1]["id"], first["id"]);
}

#[tokio::test]
async fn a_missing_key_or_a_bad_amount_or_return_url_is_refused() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    app.post(&format!("/api/v1/accounts/{id}/payments"))
        .cookie(&cookie)
        .json(debt())
        .send()
        .await
        .problem(StatusCode::BAD_REQUEST, "idempotency_key_missing");
    for amount in [
        json!(0),
        json!(-100),
        json!(10.5),
        json!("100,50"),
        json!(null),
        json!(10_000_001),
    ] {
        let body = pay(
            &app,
            &cookie,
            &id,
            &format!("k{amount}"),
            json!({"amount_kop": amount, "return_url": "/"}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "amount_invalid");
        assert!(body["fields"]["amount_kop"].is_string(), "{body}");
    }
    for url in ["https://evil.example/", "//evil.example/", ""] {
        let body = pay(
            &app,
            &cookie,
            &id,
            &format!("u{url}"),
            json!({"amount_kop": 100, "return_url": url}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert!(body["fields"]["return_url"].is_string());
    }
    let history = app
        .read(&format!("/api/v1/accounts/{id}/payments"), &cookie)
        .await;
    assert_eq!(history, json!([]));
}

/// Such a URL was stored (201), and paying then failed with a bare 500 after
/// the payment had been marked succeeded: it cannot stand in a Location header.
#[tokio::test]
async fn a_return_url_with_control_characters_is_refused() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    for (key, url) in [
        ("cr", "/payments/{id}\rx"),
        ("lf", "/payments/{id}\nSet-Cookie: a=b"),
        ("nul", "/payments/\0"),
        ("tab", "/payments/\t"),
        ("del", "/payments/\u{7f}"),
    ] {
        let problem = pay(
            &app,
            &cookie,
            &id,
            key,
            json!({"amount_kop": 100, "return_url": url}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(
            problem["fields"]["return_url"],
            "Адрес возврата не может содержать управляющие символы.",
            "{url:?}"
        );
    }
    assert_eq!(
        app.read(&format!("/api/v1/accounts/{id}/payments"), &cookie)
            .await,
        json!([])
    );
    // Letters outside ASCII are sent back percent-encoded.
    let payment = created(
        &app,
        &cookie,
        &id,
        "ru",
        json!({"amount_kop": 100, "return_url": "/оплата/{id}"}),
    )
    .await;
    let pid = payment["id"].as_str().unwrap();
    assert_eq!(
        press(&app, pid, "pay").await,
        format!("{APP_URL}/%D0%BE%D0%BF%D0%BB%D0%B0%D1%82%D0%B0/{pid}")
    );
}

async fn last(app: &TestApp, cookie: &str, id: &str) -> Value {
    app.read(&format!("/api/v1/accounts/{id}"), cookie).await["meters"][0]["last_reading"]["value"]
        .clone()
}

#[tokio::test]
async fn readings_sent_with_a_payment_count_when_it_succeeds() {
    let app = TestApp::new();
    let (cookie, id, meter) = voronezh(&app).await;
    let body = json!({"amount_kop": 5000, "return_url": "/", "readings": [{"meter_id": meter, "value": "12350"}]});
    // Bad readings are refused before paying.
    let below = json!({"amount_kop": 5000, "return_url": "/", "readings": [{"meter_id": meter, "value": "1"}]});
    pay(&app, &cookie, &id, "below", below)
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "reading_below_previous");

    let cancelled = created(&app, &cookie, &id, "k1", body.clone()).await;
    press(&app, cancelled["id"].as_str().unwrap(), "cancel").await;
    assert_eq!(last(&app, &cookie, &id).await, "12345.678");
    let paid = created(&app, &cookie, &id, "k2", body).await;
    assert_eq!(
        last(&app, &cookie, &id).await,
        "12345.678",
        "not before the payment succeeds"
    );
    press(&app, paid["id"].as_str().unwrap(), "pay").await;
    assert_eq!(last(&app, &cookie, &id).await, "12350.000");
}

#[tokio::test]
async fn payments_are_private_to_their_cabinet() {
    let app = TestApp::new();
    let (cookie, id, _) = voronezh(&app).await;
    let pid = created(&app, &cookie, &id, "k", debt()).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let other = app.confirmed_user("b@mail.ru").await;
    for path in [
        format!("/api/v1/payments/{pid}"),
        format!("/api/v1/accounts/{id}/payments"),
        "/api/v1/payments/nope".into(),
    ] {
        app.get(&path)
            .cookie(&other)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
    pay(&app, &other, &id, "k", debt())
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        app.get("/dev/pay/nope").send().await.status,
        StatusCode::NOT_FOUND
    );
}
