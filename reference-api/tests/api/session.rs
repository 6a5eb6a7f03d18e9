use crate::support::{PASSWORD, TestApp};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn login_sets_a_strict_cookie_and_answers_the_user() {
    let app = TestApp::new();
    app.register("Ivan@Mail.ru").await;
    let response = app.attempt_login("ivan@mail.ru ", PASSWORD).await.ok();
    // Unconfirmed users may log in; they see their deadline.
    assert_eq!(
        response.json(),
        json!({"email": "ivan@mail.ru", "email_masked": "i***@mail.ru",
               "confirmed": false, "confirm_until": "2026-03-13"})
    );
    let set = response.set_cookie().unwrap();
    let attributes: Vec<&str> = set.split(';').map(str::trim).collect();
    assert!(attributes[0].starts_with("kabinet_session="));
    assert!(attributes[0].len() > "kabinet_session=".len() + 40);
    for wanted in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/api"] {
        assert!(attributes.contains(&wanted), "{wanted} missing in {set}");
    }
    let cookie = response.session_cookie().unwrap();
    let user = app.read("/api/v1/session", &cookie).await;
    assert_eq!(user["email"], "ivan@mail.ru");
    assert_eq!(user["confirmed"], false);
}

#[tokio::test]
async fn insecure_cookie_drops_secure() {
    let app = TestApp::with(|c| c.secure_cookie = false);
    app.register("a@mail.ru").await;
    let set = app
        .attempt_login("a@mail.ru", PASSWORD)
        .await
        .ok()
        .set_cookie()
        .unwrap();
    assert!(!set.contains("Secure"), "{set}");
    assert!(set.contains("HttpOnly"), "{set}");
}

#[tokio::test]
async fn wrong_password_and_unknown_email_look_the_same() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let wrong = app.attempt_login("a@mail.ru", "Wrong1234").await;
    let unknown = app.attempt_login("nobody@mail.ru", PASSWORD).await;
    assert_eq!(wrong.body, unknown.body);
    assert!(wrong.set_cookie().is_none());
    let body = unknown.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(body["detail"], "Неверный e-mail или пароль.");
    app.attempt_login("not an email", "")
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
}

#[tokio::test]
async fn no_or_unknown_session_is_unauthenticated() {
    let app = TestApp::new();
    app.get("/api/v1/session")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/v1/session")
        .cookie("kabinet_session=forged")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn logout_ends_the_session_and_clears_the_cookie() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let other = app.login("a@mail.ru", PASSWORD).await;
    let response = app
        .delete("/api/v1/session")
        .cookie(&cookie)
        .send()
        .await
        .expect(StatusCode::NO_CONTENT);
    assert!(response.body.is_empty());
    let set = response.set_cookie().unwrap();
    assert!(set.starts_with("kabinet_session=;"), "{set}");
    assert!(set.contains("Max-Age=0"), "{set}");
    assert!(set.contains("Path=/api"), "{set}");
    app.assert_signed_out(&cookie).await;
    // Only that session ended.
    app.get("/api/v1/session").cookie(&other).send().await.ok();
    // Logging out without a session is harmless.
    app.delete("/api/v1/session")
        .send()
        .await
        .expect(StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_login_ends_the_browsers_previous_session() {
    let app = TestApp::new();
    let first = app.confirmed_user("a@mail.ru").await;
    app.register("b@mail.ru").await;
    let elsewhere = app.login("a@mail.ru", PASSWORD).await;
    // The same browser signs in again (as b): its old session ends…
    let second = app
        .post("/api/v1/session")
        .cookie(&first)
        .json(json!({"email": "b@mail.ru", "password": PASSWORD}))
        .send()
        .await
        .ok()
        .session_cookie()
        .unwrap();
    assert_ne!(first, second);
    app.assert_signed_out(&first).await;
    assert_eq!(
        app.read("/api/v1/session", &second).await["email"],
        "b@mail.ru"
    );
    // …the sessions of other browsers do not.
    assert_eq!(
        app.read("/api/v1/session", &elsewhere).await["email"],
        "a@mail.ru"
    );
}
