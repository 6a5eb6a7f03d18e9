//! The app on another origin (a CDN, nginx) calling the API: CORS with
//! credentials for the allowed origins only.

use crate::support::{Resp, TestApp};
use axum::http::{Method, StatusCode};

const CDN: &str = "https://kabinet.example.ru";

/// The answer lets the CDN's page read it, cookies included.
fn assert_allowed(answer: &Resp) {
    assert_eq!(
        answer.header("access-control-allow-origin").as_deref(),
        Some(CDN)
    );
    assert_eq!(
        answer.header("access-control-allow-credentials").as_deref(),
        Some("true")
    );
}

fn app() -> TestApp {
    TestApp::with(|c| c.cors_origins = vec![CDN.into()])
}

#[tokio::test]
async fn a_preflight_from_an_allowed_origin_is_answered() {
    let app = app();
    let answer = app
        .request(Method::OPTIONS, "/api/v1/session")
        .header("origin", CDN)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,idempotency-key,x-requested-with",
        )
        .send()
        .await
        .expect(StatusCode::NO_CONTENT);
    assert_allowed(&answer);
    let methods = answer.header("access-control-allow-methods").unwrap();
    for method in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.contains(method), "{methods}");
    }
    let headers = answer
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    for name in ["content-type", "x-requested-with", "idempotency-key"] {
        assert!(headers.contains(name), "{headers}");
    }
}

#[tokio::test]
async fn a_preflight_from_any_other_origin_is_refused() {
    let app = app();
    for origin in ["https://evil.example", "null", "http://kabinet.example.ru"] {
        let answer = app
            .request(Method::OPTIONS, "/api/v1/session")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{origin}");
        assert_eq!(answer.header("access-control-allow-origin"), None);
        assert_eq!(answer.header("access-control-allow-credentials"), None);
    }
    // Without an allow-list nobody is allowed.
    let answer = TestApp::new()
        .request(Method::OPTIONS, "/api/v1/accounts")
        .header("origin", CDN)
        .header("access-control-request-method", "GET")
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(answer.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn answers_to_an_allowed_origin_carry_credentials_and_retry_after() {
    let app = app();
    let answer = app
        .get("/api/v1/suppliers")
        .header("origin", CDN)
        .send()
        .await
        .ok();
    assert_allowed(&answer);
    assert_eq!(
        answer.header("access-control-expose-headers").as_deref(),
        Some("Retry-After")
    );
    assert!(answer.header("vary").unwrap().contains("Origin"));
    // Errors too: the app must read a problem's code and wait.
    let problem = app
        .post("/api/v1/session")
        .header("origin", CDN)
        .csrf()
        .json(serde_json::json!({"email": "nobody@example.ru", "password": "x"}))
        .send()
        .await;
    assert!(problem.status.is_client_error());
    assert_allowed(&problem);
}

#[tokio::test]
async fn answers_to_other_origins_carry_no_cors_header() {
    let app = app();
    for origin in [Some("https://evil.example"), None] {
        let mut request = app.get("/api/v1/suppliers");
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let answer = request.send().await.ok();
        assert_eq!(answer.header("access-control-allow-origin"), None);
        assert_eq!(answer.header("access-control-allow-credentials"), None);
    }
}

#[test]
fn origins_come_from_the_flag_or_the_environment() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_reference-api"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("--cors-origin"), "{help}");
    assert!(help.contains("KABINET_CORS_ORIGINS"), "{help}");
}
