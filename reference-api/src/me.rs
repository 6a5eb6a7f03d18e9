//! `PUT /api/v1/me/password`: the signed-in user changes the password.

use crate::AppState;
use crate::problem::{ApiResult, Body, Problem};
use crate::session::CurrentUser;
use crate::validation::check_password;
use axum::extract::State;
use axum::http::StatusCode;
use rusqlite::params;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct PasswordChange {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// Checks the policy (422), then the current password (403); on success every
/// other session of the user ends.
pub async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    Body(change): Body<PasswordChange>,
) -> ApiResult<StatusCode> {
    state.limit(
        "password_change",
        &user.id.to_string(),
        state.config.limits.password_change_per_user,
    )?;
    if let Err(message) = check_password(&change.new_password) {
        return Err(Problem::validation(
            [("new_password".to_string(), message.to_string())].into(),
        ));
    }
    let hash: String = state.db().query_row(
        "SELECT password_hash FROM users WHERE id = ?1",
        [user.id],
        |row| row.get(0),
    )?;
    if !state.hashing.verify(change.current_password, hash).await? {
        let mut problem = Problem::new(
            StatusCode::FORBIDDEN,
            "wrong_password",
            "Текущий пароль указан неверно.",
        );
        problem.add_field("current_password", "Текущий пароль указан неверно.");
        return Err(problem);
    }
    let hash = state.hashing.hash(change.new_password).await?;
    let conn = state.db();
    conn.execute(
        "UPDATE users SET password_hash = ?1, password_changed_at = ?2 WHERE id = ?3",
        params![hash, state.now(), user.id],
    )?;
    conn.execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2",
        params![user.id, user.session],
    )?;
    Ok(StatusCode::NO_CONTENT)
}
