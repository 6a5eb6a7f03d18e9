use crate::support::TestApp;
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn writes_without_the_csrf_header_are_refused_first() {
    let app = TestApp::new();
    for (method, path) in [
        (Method::POST, "/api/v1/session"),
        (Method::DELETE, "/api/v1/session"),
        (Method::POST, "/api/v1/registrations"),
        (Method::PUT, "/api/v1/me/password"),
    ] {
        app.request(method.clone(), path)
            .json(json!({}))
            .send()
            .await
            .problem(StatusCode::FORBIDDEN, "csrf");
        app.request(method, path)
            .header("x-requested-with", "XMLHttpRequest")
            .json(json!({}))
            .send()
            .await
            .problem(StatusCode::FORBIDDEN, "csrf");
    }
    // Reads need no header.
    app.get("/api/v1/captcha").send().await.ok();
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_problems() {
    let app = TestApp::new();
    for path in [
        "/api/v1/nowhere",
        "/api/nowhere",
        "/api",
        "/api/dev/nowhere",
    ] {
        app.get(path)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
    app.put("/api/v1/session")
        .send()
        .await
        .problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    // Paths and methods that no route serves are 404 and 405, not a missing
    // CSRF header.
    for (method, path) in [
        (Method::TRACE, "/api/v1/captcha"),
        (Method::PUT, "/api/v1/captcha"),
        (Method::DELETE, "/api/v1/suppliers"),
        (Method::PATCH, "/api/v1/session"),
    ] {
        app.request(method, path)
            .send()
            .await
            .problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    }
    app.request(Method::POST, "/api/v1/nowhere")
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    // The API serves nothing else: the app's files are nginx's or a CDN's.
    assert_eq!(
        app.get("/register").send().await.status,
        StatusCode::NOT_FOUND
    );
}

/// Answers under /api carry personal data: no cache may keep any of them,
/// whatever the status, and every error is problem+json.
#[tokio::test]
async fn every_api_answer_is_no_store() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let answers = [
        app.get("/api/v1/suppliers").send().await,
        app.get("/api/v1/session").cookie(&cookie).send().await,
        app.get("/api/v1/accounts").send().await,
        app.get("/api/v1/nowhere").send().await,
        app.put("/api/v1/session").send().await,
        app.request(Method::POST, "/api/v1/session").send().await,
        app.post("/api/v1/session").body("{").send().await,
        app.get("/api/v1/accounts/%FF").cookie(&cookie).send().await,
        app.get("/api/dev/outbox").send().await,
    ];
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    assert_eq!(statuses, [200, 200, 401, 404, 405, 403, 415, 400, 200]);
    for answer in &answers {
        assert_eq!(
            answer.header("cache-control").as_deref(),
            Some("no-store"),
            "{}",
            answer.status
        );
        if answer.status.is_client_error() {
            assert_eq!(
                answer.header("content-type").as_deref(),
                Some("application/problem+json"),
                "{}",
                answer.status
            );
        }
    }
}

#[tokio::test]
async fn outbox_filters_by_address_and_lists_newest_first() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    app.clock.advance(5);
    app.register("b@mail.ru").await;
    app.clock.advance(5);
    app.register("a@mail.ru").await;
    let all = app.get("/api/dev/outbox").send().await.ok().json();
    let to: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["to"].as_str().unwrap())
        .collect();
    assert_eq!(to, ["a@mail.ru", "b@mail.ru", "a@mail.ru"]);
    assert_eq!(all[0]["sent_at"], "2026-03-10T12:00:10Z");
    assert_eq!(app.outbox("a@mail.ru").await.len(), 2);
    assert_eq!(app.outbox("A@Mail.ru").await.len(), 2);
    assert!(app.outbox("c@mail.ru").await.is_empty());
}

#[tokio::test]
async fn the_dev_clock_exists_only_when_enabled() {
    let app = TestApp::new();
    app.post("/api/dev/clock")
        .json(json!({"advance_seconds": 60}))
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");

    let app = TestApp::with(|c| c.dev_clock = true);
    let body = app
        .post("/api/dev/clock")
        .json(json!({"advance_seconds": 3600}))
        .send()
        .await
        .ok()
        .json();
    assert_eq!(body, json!({"now": "2026-03-10T13:00:00Z"}));
    app.post("/api/dev/clock")
        .json(json!({"advance_seconds": -1}))
        .send()
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // The server's own answers follow the moved clock.
    assert_eq!(
        app.register("a@mail.ru").await["confirm_until"],
        "2026-03-13"
    );
    app.post("/api/dev/clock")
        .json(json!({"advance_seconds": 86_400}))
        .send()
        .await
        .ok();
    assert_eq!(
        app.register("b@mail.ru").await["confirm_until"],
        "2026-03-14"
    );
}

/// The outbox (every user's mails, reset links among them) and the fake
/// gateway exist only with `--dev-endpoints`: a plain server answers 404.
#[tokio::test]
async fn the_outbox_and_the_gateway_exist_only_when_enabled() {
    let app = TestApp::new();
    let (cookie, id, _) = crate::readings::voronezh(&app).await;
    let payment = app
        .post(&format!("/api/v1/accounts/{id}/payments"))
        .cookie(&cookie)
        .header("idempotency-key", "k1")
        .json(json!({"amount_kop": 100, "return_url": format!("{}/payments/{{id}}", crate::support::APP_URL)}))
        .send()
        .await
        .expect(StatusCode::CREATED)
        .json();
    let page = format!("/dev/pay/{}", payment["id"].as_str().unwrap());
    app.get(&page).send().await.ok();
    app.get("/api/dev/outbox").send().await.ok();

    let plain = app.restart_with(|c| c.dev_endpoints = false);
    plain
        .get("/api/dev/outbox")
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    plain
        .get("/api/dev/outbox?to=a@mail.ru")
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    plain.get(&page).send().await.expect(StatusCode::NOT_FOUND);
    let pressed = plain
        .request(axum::http::Method::POST, &page)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("action=pay")
        .send()
        .await;
    assert_eq!(pressed.status, StatusCode::NOT_FOUND, "{}", pressed.text());
    // The payment was not settled by that press.
    assert!(app.get(&page).send().await.ok().text().contains("Оплатить"));
}

#[tokio::test]
async fn a_file_database_survives_a_restart() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let again = app.restart();
    again.login("a@mail.ru", crate::support::PASSWORD).await;
}
