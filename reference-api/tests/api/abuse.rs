//! Lockouts, session lifetimes, the purge of unconfirmed cabinets, and the
//! bound on password hashing.

use crate::support::{PASSWORD, TestApp};
use axum::http::StatusCode;
use reference_api::hashing::HashLimits;
use reference_api::rate_limit::Rule;
use serde_json::json;
use std::time::Duration;

fn lockout() -> TestApp {
    TestApp::with(|c| {
        c.limits.login_failures_per_account = Rule::new(3, 900);
        c.limits.login_failures_per_ip = Rule::new(5, 900);
        c.limits.password_resets_per_ip = Rule::new(2, 60);
        c.limits.password_resets_per_email = Rule::new(1, 600);
    })
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_account_alike_whether_it_exists_or_not() {
    let app = lockout();
    app.register("a@mail.ru").await;
    let mut answers = Vec::new();
    let attempt = |email: &str, password: &str, ip: &str| {
        app.post("/api/v1/session")
            .client(ip)
            .json(json!({"email": email, "password": password}))
            .send()
    };
    for (email, ip) in [("a@mail.ru", "10.0.0.1"), ("ghost@mail.ru", "10.0.0.2")] {
        for _ in 0..3 {
            attempt(email, "Wrong1234", ip)
                .await
                .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
        }
        app.clock.advance(100);
        // From another address too: the lock is the account's.
        let locked = attempt(email, PASSWORD, "10.0.0.3").await;
        assert_eq!(locked.header("retry-after").as_deref(), Some("800"));
        answers.push(locked.body.clone());
        locked.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    }
    assert_eq!(answers[0], answers[1]);
    // Even the right password waits (a's window opened 200 s ago)…
    app.clock.advance(699);
    app.attempt_login("a@mail.ru", PASSWORD)
        .await
        .problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    // …until 15 minutes after its first failure.
    app.clock.advance(1);
    app.login("a@mail.ru", PASSWORD).await;
}

#[tokio::test]
async fn a_success_clears_the_accounts_failures() {
    let app = lockout();
    app.register("a@mail.ru").await;
    for _ in 0..2 {
        app.attempt_login("a@mail.ru", "Wrong1234")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    app.login("a@mail.ru", PASSWORD).await;
    for _ in 0..2 {
        app.attempt_login("a@mail.ru", "Wrong1234")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    app.login("a@mail.ru", PASSWORD).await;
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_locked_out() {
    let app = lockout();
    for i in 0..5 {
        app.post("/api/v1/session")
            .client("10.1.1.1")
            .json(json!({"email": format!("u{i}@mail.ru"), "password": "Wrong1234"}))
            .send()
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    let locked = app
        .post("/api/v1/session")
        .client("10.1.1.1")
        .json(json!({"email": "u9@mail.ru", "password": "Wrong1234"}))
        .send()
        .await;
    assert_eq!(locked.header("retry-after").as_deref(), Some("900"));
    locked.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    app.post("/api/v1/session")
        .client("10.1.1.2")
        .json(json!({"email": "u9@mail.ru", "password": "Wrong1234"}))
        .send()
        .await
        .expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn password_resets_are_limited_per_address_and_per_email() {
    let app = lockout();
    let ask = |email: &'static str, ip: &'static str| {
        let app = &app;
        async move {
            let captcha = app.captcha().await;
            app.post("/api/v1/password-resets")
                .client(ip)
                .json(json!({"email": email, "captcha": captcha}))
                .send()
                .await
        }
    };
    ask("a@mail.ru", "10.0.0.1")
        .await
        .expect(StatusCode::ACCEPTED);
    // The same e-mail from elsewhere: limited per e-mail (registered or not).
    ask("a@mail.ru", "10.0.0.2")
        .await
        .problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    ask("b@mail.ru", "10.0.0.1")
        .await
        .expect(StatusCode::ACCEPTED);
    // A third request from 10.0.0.1 within the minute.
    let limited = ask("c@mail.ru", "10.0.0.1").await;
    assert_eq!(limited.header("retry-after").as_deref(), Some("60"));
    limited.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
}

#[tokio::test]
async fn an_idle_session_ends() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    // Each request keeps it alive…
    for _ in 0..4 {
        app.clock.advance(29 * 60);
        app.get("/api/v1/session").cookie(&cookie).send().await.ok();
    }
    // …30 minutes without one end it.
    app.clock.advance(30 * 60);
    let body = app
        .get("/api/v1/session")
        .cookie(&cookie)
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    assert!(body["detail"].as_str().unwrap().contains("истёк"), "{body}");
}

#[tokio::test]
async fn a_session_ends_twelve_hours_after_login_however_busy() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    for _ in 0..47 {
        app.clock.advance(15 * 60);
        app.get("/api/v1/session").cookie(&cookie).send().await.ok();
    }
    app.clock.advance(15 * 60 - 1);
    app.get("/api/v1/session").cookie(&cookie).send().await.ok();
    app.clock.advance(1);
    app.assert_signed_out(&cookie).await;
}

#[tokio::test]
async fn an_unconfirmed_cabinet_is_deleted_after_its_deadline() {
    // Registered 2026-03-10 12:00 with the deadline 2026-03-13.
    let app = TestApp::new();
    app.register("late@mail.ru").await;
    app.confirmed_user("early@mail.ru").await;
    let token = app.mailed_token("late@mail.ru", "/confirm").await;
    app.clock.advance((3 * 24 + 12) * 3600 - 1);
    app.login("late@mail.ru", PASSWORD).await;
    app.clock.advance(1);
    app.attempt_login("late@mail.ru", PASSWORD)
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    // Confirmed cabinets stay.
    app.login("early@mail.ru", PASSWORD).await;
    // The link explains; the address may register anew.
    app.confirm(&token)
        .await
        .problem(StatusCode::GONE, "token_expired");
    app.register("late@mail.ru").await;
    assert_eq!(
        app.outbox("late@mail.ru").await[0]["subject"],
        "Подтверждение регистрации в Личном кабинете"
    );
    let rows: i64 = rusqlite::Connection::open(app.db_path())
        .unwrap()
        .query_row(
            "SELECT count(*) FROM users WHERE email = 'late@mail.ru'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn the_purge_also_runs_at_start() {
    let app = TestApp::new();
    app.register("late@mail.ru").await;
    app.clock.advance(4 * 86_400);
    let _restarted = app.restart();
    let rows: i64 = rusqlite::Connection::open(app.db_path())
        .unwrap()
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

/// Password hashing is bounded: with one permit and no queue, a login that
/// needs a hash while another one hashes is refused at once, 503 with
/// Retry-After; with a place in the queue it waits its turn.
#[tokio::test]
async fn logins_beyond_the_hashing_bound_get_503_with_retry_after() {
    let bounded = |queue: usize| {
        TestApp::with(move |c| {
            c.hashing = HashLimits {
                permits: 1,
                queue,
                wait: Duration::from_secs(10),
            }
        })
    };
    let app = bounded(0);
    let (first, second) = tokio::join!(
        app.attempt_login("a@mail.ru", "Wrong1"),
        app.attempt_login("b@mail.ru", "Wrong1"),
    );
    first.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(second.header("retry-after").as_deref(), Some("1"));
    let problem = second.problem(StatusCode::SERVICE_UNAVAILABLE, "server_busy");
    assert_eq!(
        problem["detail"],
        "Сервер сейчас перегружен. Повторите попытку через 1 с."
    );

    let app = bounded(1);
    let (first, second) = tokio::join!(
        app.attempt_login("a@mail.ru", "Wrong1"),
        app.attempt_login("b@mail.ru", "Wrong1"),
    );
    first.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    second.problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
}
