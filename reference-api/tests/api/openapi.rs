//! `openapi.yaml` and the router must describe the same API.

use crate::support::TestApp;
use axum::http::{Method, StatusCode};
use reference_api::link_proof::ProofKind;
use serde_yaml_ng::Value;
use std::collections::BTreeSet;

fn document() -> Value {
    serde_yaml_ng::from_str(include_str!("../../openapi.yaml")).expect("openapi.yaml parses")
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// `(method, path)` pairs the document describes.
fn documented() -> BTreeSet<(String, String)> {
    let doc = document();
    assert_eq!(doc["openapi"].as_str().map(|v| &v[..4]), Some("3.1."));
    assert_eq!(doc["servers"][0]["url"].as_str(), Some("/api/v1"));
    let paths = doc["paths"].as_mapping().expect("paths");
    let mut pairs = BTreeSet::new();
    for (path, item) in paths {
        for method in METHODS {
            if item.get(method).is_some() {
                pairs.insert((method.to_string(), path.as_str().unwrap().to_string()));
            }
        }
    }
    pairs
}

/// `(method, path)` pairs the router serves: each path it routes, probed with
/// each method (a method it does not serve answers 405).
async fn served() -> BTreeSet<(String, String)> {
    let app = TestApp::new();
    let mut pairs = BTreeSet::new();
    for path in reference_api::api_v1_paths() {
        let concrete = path.replace("{id}", "1");
        for method in METHODS {
            let response = app
                .request(
                    method.to_uppercase().parse::<Method>().unwrap(),
                    &format!("/api/v1{concrete}"),
                )
                .csrf()
                .send()
                .await;
            if response.status != StatusCode::METHOD_NOT_ALLOWED {
                pairs.insert((method.to_string(), path.to_string()));
            }
        }
    }
    pairs
}

#[tokio::test]
async fn every_route_is_documented_and_every_documented_route_served() {
    let documented = documented();
    let served = served().await;
    let undocumented: Vec<_> = served.difference(&documented).collect();
    let unserved: Vec<_> = documented.difference(&served).collect();
    assert!(
        undocumented.is_empty(),
        "served but not in openapi.yaml: {undocumented:?}"
    );
    assert!(
        unserved.is_empty(),
        "in openapi.yaml but not served: {unserved:?}"
    );
}

#[test]
fn every_operation_names_its_problem_codes() {
    let doc = document();
    let codes: BTreeSet<String> =
        doc["components"]["schemas"]["Problem"]["properties"]["code"]["enum"]
            .as_sequence()
            .expect("Problem.code is an enum")
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
    for code in [
        "csrf",
        "not_found",
        "unauthenticated",
        "validation_failed",
        "captcha_invalid",
        "token_invalid",
        "token_expired",
        "already_confirmed",
        "invalid_credentials",
        "rate_limited",
        "account_locked",
        "bad_request",
        "unsupported_media_type",
        "payload_too_large",
        "request_timeout",
        "server_busy",
        "method_not_allowed",
        "internal_error",
    ] {
        assert!(codes.contains(code), "{code} missing from Problem.code");
    }
    for (path, item) in doc["paths"].as_mapping().unwrap() {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                assert!(
                    op["operationId"].is_string(),
                    "{method} {path:?} needs an operationId"
                );
                assert!(op["responses"].as_mapping().is_some_and(|r| !r.is_empty()));
            }
        }
    }
}

/// Follows a local `$ref` (`#/components/…`), if any.
fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(reference) => reference
            .trim_start_matches("#/")
            .split('/')
            .fold(doc, |node, key| &node[key]),
        None => value,
    }
}

/// The operations of the document: `(method, path, operation)`.
fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_mapping().unwrap() {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                found.push((method.to_string(), path.as_str().unwrap().to_string(), op));
            }
        }
    }
    found
}

/// The statuses an operation documents.
fn statuses(op: &Value) -> BTreeSet<u16> {
    op["responses"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|k| k.as_str().unwrap().parse().unwrap())
        .collect()
}

#[test]
fn bodies_writes_and_waits_are_documented_where_they_can_happen() {
    let doc = document();
    for (method, path, op) in operations(&doc) {
        let documented = statuses(op);
        let needs = |status: u16, why: &str| {
            assert!(
                documented.contains(&status),
                "{method} {path} must document {status} ({why})"
            );
        };
        if method != "get" {
            needs(403, "csrf");
        }
        if op.get("requestBody").is_some() {
            for status in [400, 408, 413, 415] {
                needs(status, "a JSON body");
            }
        }
        if matches!(
            op["operationId"].as_str(),
            Some("register" | "login" | "confirmPasswordReset" | "changePassword")
        ) {
            needs(503, "password hashing");
        }
        for status in [429, 503] {
            if documented.contains(&status) {
                let response = resolve(&doc, &op["responses"][status.to_string().as_str()]);
                assert!(
                    response["headers"].get("Retry-After").is_some(),
                    "{method} {path} {status} names Retry-After"
                );
            }
        }
    }
}

/// The request schemas refuse what the server refuses, with the server's own limits.
#[test]
fn request_schemas_are_as_strict_as_the_server() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Email"]["format"].as_str(), Some("email"));
    assert_eq!(schemas["Email"]["maxLength"].as_u64(), Some(254));
    assert_eq!(schemas["Captcha"]["minLength"].as_u64(), Some(1));
    assert_eq!(schemas["Token"]["minLength"].as_u64(), Some(1));
    let body = |path: &str, method: &str| {
        doc["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
            ["properties"]
            .clone()
    };
    let email = |properties: &Value| properties["email"]["$ref"].as_str().map(str::to_owned);
    for (path, method) in [
        ("/registrations", "post"),
        ("/password-resets", "post"),
        ("/session", "post"),
    ] {
        assert_eq!(
            email(&body(path, method)).as_deref(),
            Some("#/components/schemas/Email"),
            "{method} {path}"
        );
    }
    let suppliers: Vec<String> = reference_api::seed::parse()
        .unwrap()
        .suppliers
        .into_iter()
        .map(|s| s.id)
        .collect();
    let listed: Vec<String> = body("/accounts", "post")["supplier_id"]["enum"]
        .as_sequence()
        .expect("supplier_id is an enum")
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, suppliers);
    assert_eq!(
        body("/accounts", "post")["proof"]["minLength"].as_u64(),
        Some(1)
    );
    let kinds: Vec<&str> =
        schemas["Supplier"]["properties"]["link_proof"]["properties"]["kind"]["enum"]
            .as_sequence()
            .expect("link_proof.kind is an enum")
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
    assert_eq!(
        kinds,
        [ProofKind::MeterSerial, ProofKind::LastBillAmount].map(ProofKind::as_str)
    );
    let payment = body("/accounts/{id}/payments", "post");
    assert_eq!(payment["return_url"]["minLength"].as_u64(), Some(1));
    assert_eq!(
        payment["return_url"]["maxLength"].as_u64(),
        Some(reference_api::payments::MAX_RETURN_URL as u64)
    );
    assert!(payment["return_url"]["pattern"].is_string());
    assert_eq!(
        payment["amount_kop"]["maximum"].as_i64(),
        Some(reference_api::payments::MAX_AMOUNT_KOP)
    );
    let max_readings = Some(reference_api::readings::MAX_READINGS as u64);
    assert_eq!(payment["readings"]["maxItems"].as_u64(), max_readings);
    assert_eq!(
        body("/accounts/{id}/readings", "post")["readings"]["maxItems"].as_u64(),
        max_readings
    );
}

/// Hostile and ordinary requests to every operation: whatever the server
/// answers must be documented for it, and every error is problem+json.
#[tokio::test]
async fn every_status_the_server_answers_is_documented() {
    let app = TestApp::new();
    let (_, account, _) = crate::readings::voronezh(&app).await;
    let doc = document();
    let big = format!(r#"{{"x":"{}"}}"#, "x".repeat(70 * 1024));
    let probes: [(Option<&str>, &str); 6] = [
        (Some("application/json"), "{}"),
        (
            Some("application/json"),
            r#"{"email":5,"password":[],"readings":{},"token":1}"#,
        ),
        (Some("application/json"), "{"),
        (Some("application/json"), "[]"),
        (Some("text/plain"), "{}"),
        (Some("application/json"), &big),
    ];
    let mut seen = BTreeSet::new();
    for (method, path, op) in operations(&doc) {
        let documented = statuses(op);
        let concrete = format!("/api/v1{}", path.replace("{id}", &account));
        // A fresh session each time: the probes of `DELETE /session` end it.
        let cookie = app.login("a@mail.ru", crate::support::PASSWORD).await;
        let method: Method = method.to_uppercase().parse().unwrap();
        for signed_in in [false, true] {
            for csrf in [false, true] {
                for (content_type, body) in probes {
                    let mut request = app.request(method.clone(), &concrete).body(body);
                    if let Some(content_type) = content_type {
                        request = request.header("content-type", content_type);
                    }
                    if csrf {
                        request = request.csrf().header("idempotency-key", "probe");
                    }
                    if signed_in {
                        request = request.cookie(&cookie);
                    }
                    let response = request.send().await;
                    let status = response.status.as_u16();
                    seen.insert(status);
                    assert!(
                        documented.contains(&status),
                        "{method} {path} answered {status}, not documented: {}",
                        response.text()
                    );
                    if status >= 400 {
                        assert_eq!(
                            response.header("content-type").as_deref(),
                            Some("application/problem+json"),
                            "{method} {path} {status}"
                        );
                    }
                }
            }
        }
    }
    // The probes reach the statuses this test is about.
    for status in [400, 401, 403, 404, 413, 415, 422] {
        assert!(seen.contains(&status), "no probe answered {status}");
    }
}
