use crate::support::{PASSWORD, TestApp};
use axum::http::StatusCode;
use serde_json::json;

async fn change(app: &TestApp, cookie: &str, current: &str, new: &str) -> crate::support::Resp {
    app.put("/api/v1/me/password")
        .cookie(cookie)
        .json(json!({"current_password": current, "new_password": new}))
        .send()
        .await
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session_and_renews_this_one() {
    let app = TestApp::new();
    let here = app.confirmed_user("a@mail.ru").await;
    let elsewhere = app.login("a@mail.ru", PASSWORD).await;
    let renewed = change(&app, &here, PASSWORD, "NewPass1")
        .await
        .expect(StatusCode::NO_CONTENT)
        .session_cookie()
        .expect("a new session cookie");
    assert_ne!(renewed, here);
    // This browser goes on under the new id; the old token (which a thief
    // may hold) is as dead as the other sessions.
    let user = app.read("/api/v1/session", &renewed).await;
    assert_eq!(user["email"], "a@mail.ru");
    app.assert_signed_out(&here).await;
    app.assert_signed_out(&elsewhere).await;
    app.assert_password_replaced("a@mail.ru", PASSWORD, "NewPass1")
        .await;
}

#[tokio::test]
async fn changing_the_password_ends_an_outstanding_reset_link() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let captcha = app.captcha().await;
    app.post("/api/v1/password-resets")
        .json(json!({"email": "a@mail.ru", "captcha": captcha}))
        .send()
        .await
        .expect(StatusCode::ACCEPTED);
    let token = app.mailed_token("a@mail.ru", "/recover/confirm").await;
    change(&app, &cookie, PASSWORD, "NewPass1")
        .await
        .expect(StatusCode::NO_CONTENT);
    app.post("/api/v1/password-resets/confirm")
        .json(json!({"token": token, "password": "Thief2026"}))
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "token_invalid");
    app.login("a@mail.ru", "NewPass1").await;
}

#[tokio::test]
async fn a_wrong_current_password_or_a_bad_new_one_is_refused() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let body = change(&app, &cookie, "Wrong1234", "NewPass1")
        .await
        .problem(StatusCode::FORBIDDEN, "wrong_password");
    assert_eq!(
        body["fields"]["current_password"],
        "Текущий пароль указан неверно."
    );
    for (new, message) in [
        ("abc", "Пароль должен содержать от 5 до 10 символов"),
        (
            "пароль123",
            "Пароль может содержать только латинские буквы и цифры",
        ),
    ] {
        let body = change(&app, &cookie, PASSWORD, new)
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(body["fields"]["new_password"], message);
    }
    // Nothing changed.
    app.login("a@mail.ru", PASSWORD).await;
}

#[tokio::test]
async fn changing_the_password_needs_a_session() {
    let app = TestApp::new();
    change(&app, "kabinet_session=nope", PASSWORD, "NewPass1")
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}
