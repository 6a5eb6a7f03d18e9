use crate::support::{PASSWORD, TestApp, encode_solution, solve};
use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

async fn challenge(app: &TestApp) -> Value {
    app.get("/api/v1/captcha").send().await.ok().json()
}

async fn register_with(app: &TestApp, email: &str, captcha: &str) -> crate::support::Resp {
    app.post("/api/v1/registrations")
        .json(json!({"email": email, "password": PASSWORD, "captcha": captcha}))
        .send()
        .await
}

#[tokio::test]
async fn challenge_has_the_altcha_shape() {
    let app = TestApp::new();
    let c = challenge(&app).await;
    assert_eq!(c["algorithm"], "SHA-256");
    assert_eq!(c["maxnumber"], 100);
    let salt = c["salt"].as_str().unwrap();
    let (random, rest) = salt.split_once('?').unwrap();
    assert_eq!(random.len(), 24);
    assert!(random.chars().all(|ch| ch.is_ascii_hexdigit()));
    // 2026-03-10 12:00 UTC + 10 minutes
    assert_eq!(rest, "expires=1773144600&");
    assert_eq!(c["challenge"].as_str().unwrap().len(), 64);
    assert_eq!(c["signature"].as_str().unwrap().len(), 64);
    assert_ne!(c["challenge"], challenge(&app).await["challenge"]);
}

#[tokio::test]
async fn a_solved_challenge_passes_once() {
    let app = TestApp::new();
    let solution = solve(&challenge(&app).await);
    register_with(&app, "a@mail.ru", &solution)
        .await
        .expect(StatusCode::CREATED);
    register_with(&app, "b@mail.ru", &solution)
        .await
        .problem(StatusCode::BAD_REQUEST, "captcha_invalid");
}

#[tokio::test]
async fn a_wrong_number_fails() {
    let app = TestApp::new();
    let c = challenge(&app).await;
    let right: Value = serde_json::from_slice(&STANDARD.decode(solve(&c)).unwrap()).unwrap();
    let wrong = (right["number"].as_u64().unwrap() + 1) % 101;
    register_with(&app, "a@mail.ru", &encode_solution(&c, wrong))
        .await
        .problem(StatusCode::BAD_REQUEST, "captcha_invalid");
}

#[tokio::test]
async fn a_forged_signature_or_salt_fails() {
    let app = TestApp::new();
    let mut c = challenge(&app).await;
    let mut forged = c.clone();
    forged["signature"] = json!("00".repeat(32));
    register_with(&app, "a@mail.ru", &solve(&forged))
        .await
        .problem(StatusCode::BAD_REQUEST, "captcha_invalid");

    // A challenge the client made up itself, with a later expiry.
    let salt = "00112233445566778899aabb?expires=9999999999&";
    c["salt"] = json!(salt);
    c["challenge"] = json!(hex::encode(<sha2::Sha256 as sha2::Digest>::digest(
        format!("{salt}7")
    )));
    register_with(&app, "a@mail.ru", &encode_solution(&c, 7))
        .await
        .problem(StatusCode::BAD_REQUEST, "captcha_invalid");
}

#[tokio::test]
async fn an_expired_challenge_fails_with_its_own_detail() {
    let app = TestApp::new();
    let solution = solve(&challenge(&app).await);
    app.clock.advance(600);
    let body = register_with(&app, "a@mail.ru", &solution)
        .await
        .problem(StatusCode::BAD_REQUEST, "captcha_invalid");
    assert!(
        body["detail"].as_str().unwrap().contains("истекло"),
        "{body}"
    );

    // One second earlier it would have passed.
    let app = TestApp::new();
    let solution = solve(&challenge(&app).await);
    app.clock.advance(599);
    register_with(&app, "a@mail.ru", &solution)
        .await
        .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn garbage_or_missing_captcha_fails() {
    let app = TestApp::new();
    for captcha in ["", "not base64!", &STANDARD.encode("{\"number\": 1}")] {
        let body = register_with(&app, "a@mail.ru", captcha)
            .await
            .problem(StatusCode::BAD_REQUEST, "captcha_invalid");
        assert_eq!(
            body["detail"],
            "Проверка защиты от роботов не пройдена. Повторите проверку."
        );
    }
    app.post("/api/v1/registrations")
        .json(json!({"email": "a@mail.ru", "password": PASSWORD}))
        .send()
        .await
        .problem(StatusCode::BAD_REQUEST, "captcha_invalid");
}
