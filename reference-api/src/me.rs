//! `PUT /api/v1/me/password`: the signed-in user changes the password.

use crate::problem::{ApiResult, Body, Problem};
use crate::session::{self, CurrentUser};
use crate::validation::check_password;
use crate::{AppState, ClientIp};
use axum::extract::State;
use axum::http::StatusCode;
use axum_extra::extract::CookieJar;
use rusqlite::params;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct PasswordChange {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// Checks the policy (422), then the current password (403). On success every
/// other session of the user ends, and so does every outstanding reset link;
/// this session goes on under a new id (a new cookie), so a token seen
/// before the change no longer works.
pub async fn change_password(
    State(state): State<AppState>,
    ip: ClientIp,
    user: CurrentUser,
    jar: CookieJar,
    Body(change): Body<PasswordChange>,
) -> ApiResult<(StatusCode, CookieJar)> {
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
    if !state
        .hashing
        .verify(ip.0, change.current_password, hash)
        .await?
    {
        let mut problem = Problem::new(
            StatusCode::FORBIDDEN,
            "wrong_password",
            "Текущий пароль указан неверно.",
        );
        problem.add_field("current_password", "Текущий пароль указан неверно.");
        return Err(problem);
    }
    let hash = state.hashing.hash(ip.0, change.new_password).await?;
    let conn = state.db();
    conn.execute(
        "UPDATE users SET password_hash = ?1, password_changed_at = ?2 WHERE id = ?3",
        params![hash, state.now(), user.id],
    )?;
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [user.id])?;
    crate::password_resets::end_links(&conn, user.id)?;
    let cookie = session::start(&conn, &state, user.id)?;
    Ok((StatusCode::NO_CONTENT, jar.add(cookie)))
}
