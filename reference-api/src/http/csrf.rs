//! The cross-site request check of every state-changing route.

use crate::problem::Problem;
use axum::extract::Request;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Every state-changing request must carry `X-Requested-With: kabinet`: a
/// cross-site form cannot set it, and a cross-site fetch would need CORS.
/// Checked for served routes and methods only, before their handler reads
/// anything: an unknown path stays 404 and an unserved method 405.
pub(super) async fn require_csrf_header(request: Request, next: Next) -> Response {
    let safe = !matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    let marked = request
        .headers()
        .get("x-requested-with")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"kabinet"));
    if safe || marked {
        next.run(request).await
    } else {
        Problem::new(
            StatusCode::FORBIDDEN,
            "csrf",
            "Запрос отклонён: нет заголовка X-Requested-With: kabinet.",
        )
        .into_response()
    }
}
