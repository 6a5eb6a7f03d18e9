//! Request bodies the server refuses: too large, not JSON, malformed, of the
//! wrong shape, or absurdly repetitive; each a Russian problem+json.

use crate::readings::{send, voronezh};
use crate::support::{Resp, TestApp};
use axum::http::StatusCode;
use serde_json::{Value, json};

/// The `detail` of a problem, which must be Russian (no English parser text).
fn russian_detail(problem: &Value) -> &str {
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.chars().any(|c| ('а'..='я').contains(&c)), "{detail}");
    for english in ["expected", "invalid type", "Failed to", "line ", "column"] {
        assert!(!detail.contains(english), "{detail}");
    }
    detail
}

async fn login_with(app: &TestApp, content_type: Option<&str>, body: &str) -> Resp {
    let mut request = app.post("/api/v1/session").body(body);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    request.send().await
}

#[tokio::test]
async fn a_ten_megabyte_body_is_413() {
    let app = TestApp::new();
    let body = format!(
        r#"{{"email":"a@mail.ru","password":"{}"}}"#,
        "x".repeat(10 << 20)
    );
    let problem = login_with(&app, Some("application/json"), &body)
        .await
        .problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    russian_detail(&problem);
}

#[tokio::test]
async fn another_content_type_is_415() {
    let app = TestApp::new();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let problem = login_with(&app, content_type, r#"{"email":"a@mail.ru"}"#)
            .await
            .problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
        russian_detail(&problem);
    }
    // JSON with a charset, or as a +json type, is JSON.
    for content_type in [
        "application/json; charset=utf-8",
        "application/merge-patch+json",
    ] {
        login_with(
            &app,
            Some(content_type),
            r#"{"email":"a@mail.ru","password":"x"}"#,
        )
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
}

#[tokio::test]
async fn malformed_json_and_wrong_types_are_400_in_russian() {
    let app = TestApp::new();
    for body in ["{", "", "{\"email\": }", "{} {}", "[]", "null", "\"text\""] {
        let problem = login_with(&app, Some("application/json"), body)
            .await
            .problem(StatusCode::BAD_REQUEST, "bad_request");
        russian_detail(&problem);
    }
    let problem = login_with(
        &app,
        Some("application/json"),
        r#"{"email": 5, "password": "x"}"#,
    )
    .await
    .problem(StatusCode::BAD_REQUEST, "bad_request");
    russian_detail(&problem);
    assert!(problem["fields"]["email"].is_string(), "{problem}");
}

async fn send_readings(app: &TestApp, cookie: &str, id: &str, readings: Vec<Value>) -> Resp {
    send(app, cookie, id, json!({ "readings": readings })).await
}

#[tokio::test]
async fn copies_of_one_reading_get_one_error() {
    let app = TestApp::new();
    let (cookie, id, meter) = voronezh(&app).await;
    let reading = json!({"meter_id": meter, "value": "12400"});
    // A few copies: the first repetition is named, once.
    let problem = send_readings(&app, &cookie, &id, vec![reading.clone(); 5])
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        problem["fields"],
        json!({"readings[1].meter_id": "Показания этого счетчика указаны дважды."})
    );
    // More than a request may carry: one error for the list.
    let response = send_readings(&app, &cookie, &id, vec![reading.clone(); 1000]).await;
    assert!(response.body.len() < 1024, "{} bytes", response.body.len());
    let problem = response.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(problem["fields"].as_object().unwrap().len(), 1, "{problem}");
    assert!(problem["fields"]["readings"].is_string(), "{problem}");
    // Fifty thousand copies (2 MB) are refused before they are read whole.
    let response = send_readings(&app, &cookie, &id, vec![reading; 50_000]).await;
    assert!(response.body.len() < 1024, "{} bytes", response.body.len());
    response.problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}
