//! Registration, confirmation and the session. Functions take owned strings
//! so their futures are `'static`, as `Action` needs.

use gloo_net::http::Method;
use serde::Serialize;

use super::types::{Challenge, Confirmed, Registration, Resent, User};
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

#[derive(Serialize)]
struct Credentials {
    email: String,
    password: String,
}

pub async fn login(email: String, password: String) -> Result<User, ApiError> {
    post("/session", &Credentials { email, password }).await
}

/// Who is signed in; 401 `unauthenticated` when nobody is.
pub async fn current_user() -> Result<User, ApiError> {
    get("/session").await
}

pub async fn logout() -> Result<(), ApiError> {
    send_empty(Method::DELETE, "/session").await
}

#[derive(Serialize)]
struct ResetRequest {
    email: String,
    captcha: String,
}

/// «Выслать ссылку» of /recover: 202 whether or not the address is registered.
pub async fn request_password_reset(email: String, captcha: String) -> Result<(), ApiError> {
    post("/password-resets", &ResetRequest { email, captcha }).await
}

#[derive(Serialize)]
struct ResetConfirm {
    token: String,
    password: String,
}

/// Sets the new password with the mailed token; every session of the cabinet ends.
pub async fn confirm_password_reset(token: String, password: String) -> Result<(), ApiError> {
    post(
        "/password-resets/confirm",
        &ResetConfirm { token, password },
    )
    .await
}
