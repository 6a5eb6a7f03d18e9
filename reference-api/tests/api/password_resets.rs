use crate::support::{APP_URL, PASSWORD, Resp, TestApp};
use axum::http::StatusCode;
use serde_json::json;

async fn ask(app: &TestApp, email: &str) -> Resp {
    let captcha = app.captcha().await;
    app.post("/api/v1/password-resets")
        .json(json!({"email": email, "captcha": captcha}))
        .send()
        .await
}

async fn set(app: &TestApp, token: &str, password: &str) -> Resp {
    app.post("/api/v1/password-resets/confirm")
        .json(json!({"token": token, "password": password}))
        .send()
        .await
}

#[tokio::test]
async fn a_known_and_an_unknown_address_get_the_same_answer() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let known = ask(&app, "A@mail.ru ").await.expect(StatusCode::ACCEPTED);
    let unknown = ask(&app, "nobody@mail.ru")
        .await
        .expect(StatusCode::ACCEPTED);
    assert_eq!(known.body, unknown.body);
    assert_eq!(known.header("content-type"), unknown.header("content-type"));
    assert!(known.body.is_empty());

    // The confirmation, then the reset.
    let mail = &app.mails("a@mail.ru", 2).await[0];
    assert_eq!(mail["subject"], "Восстановление пароля в Личном кабинете");
    assert!(
        mail["links"][0]
            .as_str()
            .unwrap()
            .starts_with(&format!("{APP_URL}/recover/confirm?token="))
    );
    let other = &app.mails("nobody@mail.ru", 1).await[0];
    assert_eq!(
        other["subject"],
        "Запрос на восстановление пароля в Личном кабинете"
    );
    assert!(
        other["text"]
            .as_str()
            .unwrap()
            .contains("не зарегистрирован")
    );
    assert_eq!(other["links"], json!([format!("{APP_URL}/register")]));
}

#[tokio::test]
async fn a_reset_sets_the_password_once_and_ends_every_session() {
    let app = TestApp::new();
    let session = app.confirmed_user("a@mail.ru").await;
    ask(&app, "a@mail.ru").await.expect(StatusCode::ACCEPTED);
    let token = app.mailed_token("a@mail.ru", "/recover/confirm").await;
    // A password against the policy keeps the link usable.
    let body = set(&app, &token, "abc1")
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(body["fields"]["password"].is_string(), "{body}");
    let body = set(&app, &token, "пароль12")
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["fields"]["password"],
        "Пароль может содержать только латинские буквы и цифры"
    );

    set(&app, &token, "Fresh2026")
        .await
        .expect(StatusCode::NO_CONTENT);
    app.assert_signed_out(&session).await;
    app.assert_password_replaced("a@mail.ru", PASSWORD, "Fresh2026")
        .await;
    set(&app, &token, "Again2026")
        .await
        .problem(StatusCode::NOT_FOUND, "token_invalid");
    set(&app, "made-up", "Again2026")
        .await
        .problem(StatusCode::NOT_FOUND, "token_invalid");
}

#[tokio::test]
async fn a_newer_link_replaces_the_older_and_links_expire_after_an_hour() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    ask(&app, "a@mail.ru").await.expect(StatusCode::ACCEPTED);
    let old = app.mailed_token("a@mail.ru", "/recover/confirm").await;
    ask(&app, "a@mail.ru").await.expect(StatusCode::ACCEPTED);
    app.mails("a@mail.ru", 3).await;
    let fresh = app.mailed_token("a@mail.ru", "/recover/confirm").await;
    assert_ne!(old, fresh);
    set(&app, &old, "Fresh2026")
        .await
        .problem(StatusCode::NOT_FOUND, "token_invalid");
    app.clock.advance(3600);
    set(&app, &fresh, "Fresh2026")
        .await
        .problem(StatusCode::GONE, "token_expired");

    let app = TestApp::new();
    app.register("a@mail.ru").await;
    ask(&app, "a@mail.ru").await.expect(StatusCode::ACCEPTED);
    let token = app.mailed_token("a@mail.ru", "/recover/confirm").await;
    app.clock.advance(3599);
    set(&app, &token, "Fresh2026")
        .await
        .expect(StatusCode::NO_CONTENT);
    // Following the link proved the address.
    let cookie = app.login("a@mail.ru", "Fresh2026").await;
    assert_eq!(
        app.read("/api/v1/session", &cookie).await["confirmed"],
        true
    );
}

#[tokio::test]
async fn a_reset_checks_the_address_and_the_captcha() {
    let app = TestApp::new();
    let body = ask(&app, "not-an-email")
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["fields"]["email"],
        "Введите e-mail в формате name@example.ru"
    );
    app.post("/api/v1/password-resets")
        .json(json!({"email": "a@mail.ru", "captcha": "x"}))
        .send()
        .await
        .problem(StatusCode::BAD_REQUEST, "captcha_invalid");
    assert!(app.outbox("a@mail.ru").await.is_empty());
}

/// Equal work for equal answers: the answer is given before the address is
/// looked up, so a registered and an unknown one are answered after the
/// same work. On this single-threaded runtime the lookup (and the mail) can
/// only run once the test yields, so when the answer arrives neither mail is
/// in the outbox yet; a handler that looked up first would have sent it.
#[tokio::test(flavor = "current_thread")]
async fn the_answer_does_not_wait_for_the_lookup() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let conn = rusqlite::Connection::open(app.db_path()).unwrap();
    let resets = || -> i64 {
        conn.query_row(
            "SELECT count(*) FROM outbox WHERE subject LIKE '%осстановлени%'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    for email in ["a@mail.ru", "nobody@mail.ru"] {
        let before = resets();
        ask(&app, email).await.expect(StatusCode::ACCEPTED);
        assert_eq!(
            resets(),
            before,
            "{email}: the mail was sent before the answer"
        );
        app.mails(email, if email == "a@mail.ru" { 2 } else { 1 })
            .await;
        assert_eq!(resets(), before + 1, "{email}");
    }
}
