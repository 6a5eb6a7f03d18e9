//! `openapi.yaml` and the router must describe the same API.

use crate::support::TestApp;
use axum::http::{Method, StatusCode};
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
        "bad_request",
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
