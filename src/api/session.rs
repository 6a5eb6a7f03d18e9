//! `/session`: signing in and out, and who is signed in.

use gloo_net::http::Method;
use serde::Serialize;

use super::types::User;
use super::{ApiError, decode, early_session_answer, get, post, send_empty};

#[derive(Serialize)]
struct Credentials {
    email: String,
    password: String,
}

pub async fn login(email: String, password: String) -> Result<User, ApiError> {
    post("/session", &Credentials { email, password }).await
}

/// Who is signed in; 401 `unauthenticated` when nobody is. The first call
/// takes the answer the page asked for before the app ran, if any.
pub async fn current_user() -> Result<User, ApiError> {
    match early_session_answer().await {
        Some(answer) => decode(answer?),
        None => get("/session").await,
    }
}

pub async fn logout() -> Result<(), ApiError> {
    send_empty(Method::DELETE, "/session").await
}
