//! `/password-resets`: «Забыли пароль?» — a mailed link, then a new password.

use serde::Serialize;

use super::{ApiError, post};

#[derive(Serialize)]
struct ResetRequest {
    email: String,
    captcha: String,
}

/// «Выслать ссылку» of /recover: 202 whether or not the address is registered.
pub async fn request(email: String, captcha: String) -> Result<(), ApiError> {
    post("/password-resets", &ResetRequest { email, captcha }).await
}

#[derive(Serialize)]
struct ResetConfirm {
    token: String,
    password: String,
}

/// Sets the new password with the mailed token; every session of the cabinet ends.
pub async fn confirm(token: String, password: String) -> Result<(), ApiError> {
    post(
        "/password-resets/confirm",
        &ResetConfirm { token, password },
    )
    .await
}
