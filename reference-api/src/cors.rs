//! Cross-origin access for the web app served from another origin (a CDN or
//! nginx in front of `dist/`, the API on its own host): only the origins of
//! `Config::cors_origins` may read answers or send credentialed requests.
//!
//! - A preflight (`OPTIONS` with `Access-Control-Request-Method`) from an
//!   allowed origin is answered here, before routing, with 204; from any
//!   other origin it is refused with 403 and no CORS header.
//! - Any other request from an allowed origin gets its answer with
//!   `Access-Control-Allow-Origin` (the origin itself, never `*`),
//!   `Access-Control-Allow-Credentials: true` and
//!   `Access-Control-Expose-Headers: Retry-After` (the app shows the wait of
//!   a 429 or 503). From any other origin the answer carries no CORS header,
//!   so the browser keeps it from the page; and since every state-changing
//!   request needs `X-Requested-With` (see `require_csrf_header`), a foreign
//!   page cannot even send one without a preflight, which is refused.
//!
//! Only paths under `/api` take part: the fake gateway page is navigated to,
//! never fetched.

use crate::AppState;
use crate::problem::Problem;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Methods and headers the app's requests use.
const ALLOW_METHODS: &str = "GET, POST, PUT, DELETE";
const ALLOW_HEADERS: &str = "Content-Type, X-Requested-With, Idempotency-Key";
/// How long a browser may reuse a preflight's answer (seconds).
const MAX_AGE: &str = "600";

/// An origin as browsers send it: scheme, host and port, no trailing slash.
pub fn normalize_origin(origin: &str) -> String {
    origin.trim().trim_end_matches('/').to_ascii_lowercase()
}

fn allowed(state: &AppState, origin: &str) -> bool {
    let origin = normalize_origin(origin);
    state.config.cors_origins.contains(&origin)
}

fn allow_origin(headers: &mut HeaderMap, origin: &HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
}

/// The middleware (see the module's documentation).
pub async fn cors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !(path == "/api" || path.starts_with("/api/")) {
        return next.run(request).await;
    }
    let origin = request.headers().get(header::ORIGIN).cloned();
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let permitted = origin
        .as_ref()
        .and_then(|o| o.to_str().ok())
        .is_some_and(|o| allowed(&state, o));
    if preflight {
        let mut response = if permitted {
            StatusCode::NO_CONTENT.into_response()
        } else {
            Problem::new(
                StatusCode::FORBIDDEN,
                "cors",
                "Запрос с этого сайта к API не разрешён.",
            )
            .into_response()
        };
        let headers = response.headers_mut();
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        if let (true, Some(origin)) = (permitted, &origin) {
            allow_origin(headers, origin);
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static(ALLOW_METHODS),
            );
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static(ALLOW_HEADERS),
            );
            headers.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static(MAX_AGE),
            );
        }
        return response;
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    if let (true, Some(origin)) = (permitted, &origin) {
        allow_origin(headers, origin);
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Retry-After"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn origins_compare_as_browsers_send_them() {
        assert_eq!(
            super::normalize_origin(" http://127.0.0.1:8080/ "),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            super::normalize_origin("HTTPS://Kabinet.Example.ru"),
            "https://kabinet.example.ru"
        );
    }
}
