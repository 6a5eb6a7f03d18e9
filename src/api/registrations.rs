//! `/registrations`: registering, confirming the e-mail, a fresh
//! confirmation link; and `/captcha`, the robot check that registration
//! (and the recovery of a password) sends along. Functions take owned
//! strings so their futures are `'static`, as `Action` needs; so do the
//! other resources' files.

use gloo_net::http::Method;
use serde::Serialize;

use super::types::{Challenge, Confirmed, Registration, Resent};
use super::{ApiError, get, post, send_empty};

pub async fn captcha() -> Result<Challenge, ApiError> {
    get("/captcha").await
}

#[derive(Serialize)]
struct NewRegistration {
    email: String,
    password: String,
    /// base64 of the solved challenge.
    captcha: String,
}

pub async fn register(
    email: String,
    password: String,
    captcha: String,
) -> Result<Registration, ApiError> {
    post(
        "/registrations",
        &NewRegistration {
            email,
            password,
            captcha,
        },
    )
    .await
}

#[derive(Serialize)]
struct Token {
    token: String,
}

/// Confirms the e-mail; the API signs the subscriber in.
pub async fn confirm(token: String) -> Result<Confirmed, ApiError> {
    post("/registrations/confirm", &Token { token }).await
}

/// «Выслать ссылку»: a fresh confirmation link; older ones stop working.
pub async fn resend() -> Result<Resent, ApiError> {
    send_empty(Method::POST, "/registrations/resend").await
}
