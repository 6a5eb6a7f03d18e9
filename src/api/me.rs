//! `/me`: the signed-in subscriber (the session's user) and their own settings.

use serde::Serialize;

use super::{ApiError, put};

#[derive(Serialize)]
struct PasswordChange {
    current_password: String,
    new_password: String,
}

/// Changes the password; the API ends the subscriber's other sessions.
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), ApiError> {
    put(
        "/me/password",
        &PasswordChange {
            current_password,
            new_password,
        },
    )
    .await
}
