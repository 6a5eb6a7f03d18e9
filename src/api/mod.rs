//! The one typed client of the cabinet API. Pages call functions such as
//! `session::login` and get `Result<T, ApiError>`; nothing else speaks HTTP.
//! One file per resource of the contract (`reference-api/openapi.yaml`),
//! named after it; `types.rs` mirrors the contract's shapes.

use std::cell::RefCell;

use gloo_net::http::{Method, RequestBuilder, Response};
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsCast;
use web_sys::RequestCredentials;

use crate::config::config;

pub mod accounts;
pub mod error;
pub mod json;
pub mod me;
pub mod password_resets;
pub mod payments;
pub mod readings;
pub mod registrations;
pub mod session;
#[cfg(debug_assertions)]
pub mod stub;
pub mod types;

pub use error::ApiError;

thread_local! {
    /// Called when the API says the session is gone (401 `unauthenticated`)
    /// on a request that needed one. Set once by the session module.
    static ON_UNAUTHENTICATED: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
}

pub fn on_unauthenticated(handler: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|h| *h.borrow_mut() = Some(Box::new(handler)));
}

pub(crate) async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(send(Method::GET, path, None, None).await?)
}

pub(crate) async fn post<T: DeserializeOwned>(
    path: &str,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    decode(send(Method::POST, path, Some(to_json(body)), None).await?)
}

/// A POST the API must perform at most once: retries with the same
/// `Idempotency-Key` get the first answer back.
pub(crate) async fn post_once<T: DeserializeOwned>(
    path: &str,
    body: &impl Serialize,
    idempotency_key: &str,
) -> Result<T, ApiError> {
    decode(
        send(
            Method::POST,
            path,
            Some(to_json(body)),
            Some(idempotency_key),
        )
        .await?,
    )
}

pub(crate) async fn put<T: DeserializeOwned>(
    path: &str,
    body: &impl Serialize,
) -> Result<T, ApiError> {
    decode(send(Method::PUT, path, Some(to_json(body)), None).await?)
}

/// A write without a body (`POST /registrations/resend`, `DELETE /session`).
pub(crate) async fn send_empty<T: DeserializeOwned>(
    method: Method,
    path: &str,
) -> Result<T, ApiError> {
    decode(send(method, path, None, None).await?)
}

/// `/accounts/{account_id}/{tail}`, the id encoded as one path segment.
fn account_path(account_id: &str, tail: &str) -> String {
    format!(
        "/accounts/{}/{tail}",
        js_sys::encode_uri_component(account_id)
    )
}

fn to_json(body: &impl Serialize) -> String {
    json::to_string(body)
}

/// The one request helper: deliberately not generic, so the wasm holds one copy.
async fn send(
    method: Method,
    path: &str,
    json: Option<String>,
    idempotency_key: Option<&str>,
) -> Result<String, ApiError> {
    // Debug builds: the designers' gallery answers without the network.
    #[cfg(debug_assertions)]
    if let Some(answer) = stub::answer(&method, path, json.as_deref()).await {
        return answer;
    }
    let is_get = method == Method::GET;
    // `include`: the session cookie travels also when the API is another origin.
    let mut request = RequestBuilder::new(&format!("{}/api/v1{path}", config().api_base))
        .method(method)
        .credentials(RequestCredentials::Include);
    if !is_get {
        // CSRF guard: a custom header cannot be sent cross-site without a CORS
        // preflight, which the API refuses for foreign origins.
        request = request.header("X-Requested-With", "kabinet");
    }
    if let Some(key) = idempotency_key {
        request = request.header("Idempotency-Key", key);
    }
    let request = match json {
        Some(json) => request
            .header("Content-Type", "application/json")
            .body(json),
        None => request.build(),
    };
    let response = request
        .map_err(|_| ApiError::Network)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    read_answer(response, path).await
}

/// The body of a 2xx answer; the error any other answer stands for.
async fn read_answer(response: Response, path: &str) -> Result<String, ApiError> {
    // A body cut off by a dropped connection is a network failure too.
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return Ok(body);
    }
    let headers = response.headers();
    let error = ApiError::from_answer(
        response.status(),
        &headers.get("Content-Type").unwrap_or_default(),
        headers.get("Retry-After").as_deref(),
        &body,
    );
    // Login and the start-up check answer 401 as part of their normal work.
    if error.code() == Some("unauthenticated") && path != "/session" {
        ON_UNAUTHENTICATED.with(|h| {
            if let Some(handler) = h.borrow().as_ref() {
                handler()
            }
        });
    }
    Err(error)
}

/// The answer to `GET /session` the page's early script asked for before
/// the app ran (`src/early.js`), if it did; taken once, so any later check
/// asks anew. `None` without such a request (`trunk serve`, or taken).
async fn early_session_answer() -> Option<Result<String, ApiError>> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str(pages_table::handoff::SESSION);
    let promise = js_sys::Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    js_sys::Reflect::delete_property(&window, &key).ok()?;
    Some(match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(response) => {
            read_answer(
                response.unchecked_into::<web_sys::Response>().into(),
                "/session",
            )
            .await
        }
        Err(_) => Err(ApiError::Network),
    })
}

fn decode<T: DeserializeOwned>(body: String) -> Result<T, ApiError> {
    // 202/204 may have no body: read it as `null`, so `T = ()` works.
    let body = if body.is_empty() { "null" } else { &body };
    json::from_str(body).ok_or(ApiError::Malformed)
}
