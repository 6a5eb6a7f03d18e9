use crate::support::{PASSWORD, TestApp};
use axum::http::StatusCode;
use reference_api::rate_limit::Rule;
use serde_json::json;

fn tight() -> TestApp {
    TestApp::with(|c| {
        c.limits.captcha_per_ip = Rule::new(3, 60);
        c.limits.registrations_per_ip = Rule::new(2, 60);
        c.limits.session_per_ip = Rule::new(2, 60);
        c.limits.resend_per_user = Rule::new(1, 600);
    })
}

fn assert_retry_after(response: crate::support::Resp, seconds: &str) {
    assert_eq!(response.header("retry-after").as_deref(), Some(seconds));
    let body = response.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert!(
        body["detail"].as_str().unwrap().contains("Повторите"),
        "{body}"
    );
}

#[tokio::test]
async fn login_attempts_are_limited_per_address() {
    let app = tight();
    let attempt = |ip: &'static str| {
        app.post("/api/v1/session")
            .client(ip)
            .json(json!({"email": "a@mail.ru", "password": PASSWORD}))
            .send()
    };
    attempt("10.0.0.1").await.expect(StatusCode::UNAUTHORIZED);
    app.clock.advance(20);
    attempt("10.0.0.1").await.expect(StatusCode::UNAUTHORIZED);
    assert_retry_after(attempt("10.0.0.1").await, "40");
    // Another address has its own budget.
    attempt("10.0.0.2").await.expect(StatusCode::UNAUTHORIZED);
    app.clock.advance(40);
    attempt("10.0.0.1").await.expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn captcha_and_registrations_are_limited_per_address() {
    let app = tight();
    for _ in 0..3 {
        app.get("/api/v1/captcha")
            .client("10.0.0.1")
            .send()
            .await
            .ok();
    }
    assert_retry_after(
        app.get("/api/v1/captcha").client("10.0.0.1").send().await,
        "60",
    );
    for _ in 0..2 {
        app.post("/api/v1/registrations")
            .client("10.0.0.3")
            .json(json!({"email": "bad"}))
            .send()
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_retry_after(
        app.post("/api/v1/registrations")
            .client("10.0.0.3")
            .json(json!({"email": "bad"}))
            .send()
            .await,
        "60",
    );
}

#[tokio::test]
async fn resend_is_limited_per_user() {
    let app = tight();
    app.register("a@mail.ru").await;
    app.register("b@mail.ru").await;
    let a = app.login("a@mail.ru", PASSWORD).await;
    let b = app.login("b@mail.ru", PASSWORD).await;
    app.post("/api/v1/registrations/resend")
        .cookie(&a)
        .send()
        .await
        .expect(StatusCode::ACCEPTED);
    assert_retry_after(
        app.post("/api/v1/registrations/resend")
            .cookie(&a)
            .send()
            .await,
        "600",
    );
    app.post("/api/v1/registrations/resend")
        .cookie(&b)
        .send()
        .await
        .expect(StatusCode::ACCEPTED);
}

/// Many subscribers behind one address (a carrier's NAT): logins that
/// succeed do not count against it, failures do.
#[tokio::test]
async fn successful_logins_from_one_address_are_not_limited() {
    let app = TestApp::with(|c| c.limits.session_per_ip = Rule::new(2, 60));
    for i in 0..5 {
        app.register(&format!("n{i}@mail.ru")).await;
    }
    for _ in 0..3 {
        for i in 0..5 {
            app.post("/api/v1/session")
                .client("10.0.0.1")
                .json(json!({"email": format!("n{i}@mail.ru"), "password": PASSWORD}))
                .send()
                .await
                .expect(StatusCode::OK);
        }
    }
    for _ in 0..2 {
        app.post("/api/v1/session")
            .client("10.0.0.1")
            .json(json!({"email": "n0@mail.ru", "password": "Wrong1234"}))
            .send()
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    assert_retry_after(
        app.post("/api/v1/session")
            .client("10.0.0.1")
            .json(json!({"email": "n1@mail.ru", "password": PASSWORD}))
            .send()
            .await,
        "60",
    );
}

/// Robot-check challenges count against the address only while unsolved:
/// subscribers behind one address who solve theirs are not refused.
#[tokio::test]
async fn solved_challenges_do_not_count_against_the_address() {
    let app = tight();
    for i in 0..6 {
        let captcha = app.captcha().await;
        app.post("/api/v1/password-resets")
            .json(json!({"email": format!("r{i}@mail.ru"), "captcha": captcha}))
            .send()
            .await
            .expect(StatusCode::ACCEPTED);
    }
    // Three fetched and left unsolved spend the budget.
    for _ in 0..3 {
        app.get("/api/v1/captcha").send().await.ok();
    }
    assert_retry_after(app.get("/api/v1/captcha").send().await, "60");
}
