use crate::support::{APP_URL, PASSWORD, TestApp};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn registration_answers_the_deadline_and_mails_the_link() {
    let app = TestApp::new();
    let body = app.register("  Ivan.Petrov@Mail.RU ").await;
    assert_eq!(
        body,
        json!({"email": "ivan.petrov@mail.ru", "confirm_until": "2026-03-13"})
    );
    let mails = app.outbox("ivan.petrov@mail.ru").await;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail["to"], "ivan.petrov@mail.ru");
    assert_eq!(
        mail["subject"],
        "Подтверждение регистрации в Личном кабинете"
    );
    assert_eq!(mail["sent_at"], "2026-03-10T12:00:00Z");
    let link = mail["links"][0].as_str().unwrap();
    assert!(
        link.starts_with(&format!("{APP_URL}/confirm?token=")),
        "{link}"
    );
    let text = mail["text"].as_str().unwrap();
    assert!(text.contains(link));
    assert!(
        text.contains("Ссылка действительна до 13.03.2026"),
        "{text}"
    );
}

#[tokio::test]
async fn passwords_and_tokens_are_stored_only_hashed() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let token = app.mailed_token("a@mail.ru", "/confirm").await;
    let conn = rusqlite::Connection::open(app.db_path()).unwrap();
    let hash: String = conn
        .query_row("SELECT password_hash FROM users", [], |r| r.get(0))
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains(PASSWORD));
    let stored: String = conn
        .query_row("SELECT token_hash FROM confirmation_tokens", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_ne!(stored, token);
    assert_eq!(
        stored,
        hex::encode(<sha2::Sha256 as sha2::Digest>::digest(token.as_bytes()))
    );
}

#[tokio::test]
async fn invalid_fields_are_named_in_russian_before_the_captcha_is_checked() {
    let app = TestApp::new();
    let cases = [
        (
            "ivan@mail",
            "abc12",
            Some("Введите e-mail в формате name@example.ru"),
            None,
        ),
        (
            "ivan@mail.ru",
            "abc1",
            None,
            Some("Пароль должен содержать от 5 до 10 символов"),
        ),
        (
            "ivan@mail.ru",
            "abcdefgh123",
            None,
            Some("Пароль должен содержать от 5 до 10 символов"),
        ),
        (
            "ivan@mail.ru",
            "пароль12",
            None,
            Some("Пароль может содержать только латинские буквы и цифры"),
        ),
        (
            "ivan@mail.ru",
            "abc 12",
            None,
            Some("Пароль может содержать только латинские буквы и цифры"),
        ),
        (
            "",
            "",
            Some("Введите e-mail в формате name@example.ru"),
            Some("Пароль должен содержать от 5 до 10 символов"),
        ),
    ];
    for (email, password, email_message, password_message) in cases {
        let body = app
            .post("/api/v1/registrations")
            .json(json!({"email": email, "password": password, "captcha": "bogus"}))
            .send()
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        let fields = body["fields"].as_object().unwrap();
        assert_eq!(
            fields.get("email").and_then(|v| v.as_str()),
            email_message,
            "{body}"
        );
        assert_eq!(
            fields.get("password").and_then(|v| v.as_str()),
            password_message,
            "{body}"
        );
    }
    assert!(app.outbox("ivan@mail.ru").await.is_empty());
}

#[tokio::test]
async fn a_taken_email_gets_the_same_answer_and_a_different_mail() {
    let app = TestApp::new();
    let first = app
        .post("/api/v1/registrations")
        .json(json!({"email": "a@mail.ru", "password": PASSWORD, "captcha": app.captcha().await}))
        .send()
        .await
        .expect(StatusCode::CREATED);
    let again = app
        .post("/api/v1/registrations")
        .json(
            json!({"email": " A@MAIL.RU", "password": "Other999", "captcha": app.captcha().await}),
        )
        .send()
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(first.body, again.body, "byte-identical bodies");
    assert_eq!(first.header("content-type"), again.header("content-type"));
    assert_eq!(first.set_cookie(), None);
    assert_eq!(again.set_cookie(), None);

    let mails = app.outbox("a@mail.ru").await;
    assert_eq!(mails.len(), 2);
    assert_eq!(
        mails[0]["subject"],
        "Повторная регистрация в Личном кабинете"
    );
    let text = mails[0]["text"].as_str().unwrap();
    assert!(text.contains("уже существует"), "{text}");
    assert_eq!(
        mails[0]["links"],
        json!([format!("{APP_URL}/login"), format!("{APP_URL}/recover")])
    );
    // The first password still works; the second did not replace it.
    app.login("a@mail.ru", PASSWORD).await;
    app.attempt_login("a@mail.ru", "Other999")
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
}

#[tokio::test]
async fn confirming_signs_in_and_a_link_works_once() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let token = app.mailed_token("a@mail.ru", "/confirm").await;
    let confirmed = app.confirm(&token).await.ok();
    assert_eq!(confirmed.json(), json!({"email": "a@mail.ru"}));
    let cookie = confirmed.session_cookie().expect("a session cookie");
    let user = app.read("/api/v1/session", &cookie).await;
    assert_eq!(
        user,
        json!({"email": "a@mail.ru", "email_masked": "a***@mail.ru", "confirmed": true})
    );
    app.confirm(&token)
        .await
        .problem(StatusCode::NOT_FOUND, "token_invalid");
    app.post("/api/v1/registrations/confirm")
        .json(json!({ "token": "made-up" }))
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "token_invalid");
}

#[tokio::test]
async fn a_link_lives_until_the_end_of_its_last_day() {
    // Registered 2026-03-10 12:00; deadline 2026-03-13, so the link dies at 2026-03-14 00:00.
    let until_midnight = (3 * 24 + 12) * 3600;
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let token = app.mailed_token("a@mail.ru", "/confirm").await;
    app.clock.advance(until_midnight - 1);
    app.confirm(&token).await.ok();

    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let token = app.mailed_token("a@mail.ru", "/confirm").await;
    app.clock.advance(until_midnight);
    app.confirm(&token)
        .await
        .problem(StatusCode::GONE, "token_expired");
}

#[tokio::test]
async fn resend_gives_a_fresh_link_with_the_same_deadline() {
    let app = TestApp::new();
    app.register("a@mail.ru").await;
    let old = app.mailed_token("a@mail.ru", "/confirm").await;
    app.clock.advance(86_400);
    let cookie = app.login("a@mail.ru", PASSWORD).await;
    let body = app
        .post("/api/v1/registrations/resend")
        .cookie(&cookie)
        .send()
        .await
        .expect(StatusCode::ACCEPTED)
        .json();
    assert_eq!(body, json!({"confirm_until": "2026-03-13"}));
    let fresh = app.mailed_token("a@mail.ru", "/confirm").await;
    assert_ne!(fresh, old);
    let mails = app.outbox("a@mail.ru").await;
    assert_eq!(mails.len(), 2);
    assert!(mails[0]["text"].as_str().unwrap().contains("13.03.2026"));

    app.confirm(&old)
        .await
        .problem(StatusCode::NOT_FOUND, "token_invalid");
    app.confirm(&fresh).await.ok();
    app.post("/api/v1/registrations/resend")
        .cookie(&cookie)
        .send()
        .await
        .problem(StatusCode::CONFLICT, "already_confirmed");
}

#[tokio::test]
async fn resend_needs_a_session() {
    let app = TestApp::new();
    app.post("/api/v1/registrations/resend")
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn malformed_bodies_are_problems_too() {
    let app = TestApp::new();
    app.post("/api/v1/registrations")
        .header("content-type", "application/json")
        .send()
        .await
        .problem(StatusCode::BAD_REQUEST, "bad_request");
    app.post("/api/v1/session")
        .send()
        .await
        .problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

async fn register_as(app: &TestApp, email: &str) -> crate::support::Resp {
    let captcha = app.captcha().await;
    app.post("/api/v1/registrations")
        .json(json!({"email": email, "password": PASSWORD, "captcha": captcha}))
        .send()
        .await
}

/// A Latin «mail» with a Cyrillic «а» looks like mail.ru and is not: refused
/// with a message saying why, as typed and as punycode.
#[tokio::test]
async fn a_domain_mixing_alphabets_is_refused() {
    let app = TestApp::new();
    for email in [
        "ivan@m\u{430}il.ru",
        "ivan@xn--mil-6cd.ru",
        "ivan@M\u{410}IL.ru",
    ] {
        let body = register_as(&app, email)
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(
            body["fields"]["email"],
            "В адресе смешаны буквы разных алфавитов (латинские и русские). Проверьте, как написан адрес.",
            "{email}"
        );
    }
    // A reset request says the same.
    let captcha = app.captcha().await;
    let body = app
        .post("/api/v1/password-resets")
        .json(json!({"email": "ivan@m\u{430}il.ru", "captcha": captcha}))
        .send()
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(
        body["fields"]["email"]
            .as_str()
            .unwrap()
            .contains("алфавитов")
    );
}

/// One mailbox, one cabinet: full-width letters, punycode and the NFC
/// variants of one address are that address.
#[tokio::test]
async fn every_spelling_of_an_address_is_one_cabinet() {
    let app = TestApp::new();
    app.register("ivan@mail.ru").await;
    let body = register_as(&app, "ivan@\u{ff4d}\u{ff41}\u{ff49}\u{ff4c}.ru")
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(body["email"], "ivan@mail.ru");
    // Treated as the same cabinet: the owner is told, nothing is created.
    assert_eq!(
        app.mails("ivan@mail.ru", 2).await[0]["subject"],
        "Повторная регистрация в Личном кабинете"
    );
    app.login("ivan@\u{ff4d}\u{ff41}\u{ff49}\u{ff4c}.ru", PASSWORD)
        .await;

    // «йошкар.рф» as Unicode, as punycode, and with «й» decomposed.
    app.register("a@\u{439}ошкар.рф").await;
    for same in [
        "a@xn--80ardpm9b.xn--p1ai",
        "a@\u{438}\u{306}ошкар.рф",
        "A@ЙОШКАР.РФ",
    ] {
        let body = register_as(&app, same)
            .await
            .expect(StatusCode::CREATED)
            .json();
        assert_eq!(body["email"], "a@\u{439}ошкар.рф", "{same}");
        app.login(same, PASSWORD).await;
    }
    let users: i64 = rusqlite::Connection::open(app.db_path())
        .unwrap()
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(users, 2);
}
