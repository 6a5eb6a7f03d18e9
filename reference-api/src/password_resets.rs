//! Password recovery by mail: `POST /api/v1/password-resets` mails a
//! single-use link (the same answer whether or not the address is
//! registered), `POST /api/v1/password-resets/confirm` sets the new password
//! and ends every session of the cabinet.

use crate::problem::{ApiResult, Body, Problem};
use crate::tokens::{new_token, token_hash};
use crate::validation::{canonical_email, check_password};
use crate::{AppState, ClientIp};
use axum::extract::State;
use axum::http::StatusCode;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;

/// How long a reset link works.
pub const LIFETIME_SECS: i64 = 3600;

pub const RESET_SUBJECT: &str = "Восстановление пароля в Личном кабинете";
pub const UNKNOWN_SUBJECT: &str = "Запрос на восстановление пароля в Личном кабинете";

#[derive(Deserialize)]
pub struct ResetRequest {
    #[serde(default)]
    email: String,
    #[serde(default)]
    captcha: String,
}

/// `POST /api/v1/password-resets`. The answer (202, empty) is given before
/// the address is looked up: whether it is registered, and whether a mail
/// goes out, happens afterwards in a task of its own, so a registered and an
/// unknown address are answered after the very same work.
///
/// Limits: requests per address, requests for one e-mail per address (429);
/// mails to one e-mail from all addresses are capped silently — beyond the
/// cap only an address asking for that e-mail for the first time in its
/// window is still mailed, so a flood from elsewhere does not keep the
/// owner's own request from reaching the mailbox.
pub async fn request(
    State(state): State<AppState>,
    ip: ClientIp,
    Body(form): Body<ResetRequest>,
) -> ApiResult<StatusCode> {
    let limits = state.config.limits;
    let address = ip.key();
    state.limit("password_resets", &address, limits.password_resets_per_ip)?;
    let email = canonical_email(&form.email).map_err(|error| {
        Problem::validation([("email".to_string(), error.message().to_string())].into())
    })?;
    crate::captcha::verify_from(&state, &ip, &form.captcha)?;
    // Counted per e-mail whether or not it is registered: no difference shows.
    let pair = format!("{email} {address}");
    let now = state.now();
    let rule = limits.password_resets_per_email_and_ip;
    state
        .limiter
        .check("password_resets_email_ip", &pair, rule, now)?;
    let first_from_here = state
        .limiter
        .count("password_resets_email_ip", &pair, rule, now)
        == 1;
    let mails = limits.reset_mails_per_email;
    let within_cap = state
        .limiter
        .peek("reset_mails_email", &email, mails, now)
        .is_ok();
    if first_from_here || within_cap {
        state.limiter.hit("reset_mails_email", &email, mails, now);
        let state = state.clone();
        let sent_at = state.clock().now();
        tokio::spawn(async move {
            if let Err(error) = mail_reset(&state, &email, sent_at) {
                tracing::error!(?error, "a password reset mail failed");
            }
        });
    }
    Ok(StatusCode::ACCEPTED)
}

/// Looks the address up and mails it a reset link, or, when it is not
/// registered, a note saying so.
fn mail_reset(state: &AppState, email: &str, at: time::OffsetDateTime) -> ApiResult<()> {
    let now = at.unix_timestamp();
    let sent_at = crate::db::rfc3339(at);
    let conn = state.db();
    let user: Option<i64> = conn
        .query_row("SELECT id FROM users WHERE email = ?1", [email], |row| {
            row.get(0)
        })
        .optional()?;
    let app_url = &state.config.app_url;
    match user {
        Some(user_id) => {
            end_links(&conn, user_id)?;
            let token = new_token();
            conn.execute(
                "INSERT INTO password_reset_tokens (token_hash, user_id, expires_at) VALUES (?1, ?2, ?3)",
                params![token_hash(&token), user_id, now + LIFETIME_SECS],
            )?;
            let link = format!("{app_url}/recover/confirm?token={token}");
            let text = format!(
                "Здравствуйте!\n\n\
                 Для Вашего Личного кабинета запрошено восстановление пароля. Чтобы задать новый пароль, перейдите по ссылке:\n\
                 {link}\n\n\
                 Ссылка действует 1 час и только один раз. Если Вы не запрашивали восстановление пароля, \
                 просто не отвечайте на это письмо: Ваш пароль не изменится."
            );
            crate::mail::send(&conn, sent_at, email, RESET_SUBJECT, &text, &[link])?;
        }
        None => {
            let register = format!("{app_url}/register");
            let text = format!(
                "Здравствуйте!\n\n\
                 Кто-то (возможно, Вы) запросил восстановление пароля в Личном кабинете для адреса {email}, \
                 но Личный кабинет с этим адресом не зарегистрирован.\n\n\
                 Зарегистрироваться: {register}\n\n\
                 Если Вы не запрашивали восстановление пароля, просто не отвечайте на это письмо."
            );
            crate::mail::send(&conn, sent_at, email, UNKNOWN_SUBJECT, &text, &[register])?;
        }
    }
    Ok(())
}

/// Ends every outstanding (unused) reset link of a user: a new password,
/// whichever way it was set, leaves no older way to set another.
pub fn end_links(conn: &Connection, user_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM password_reset_tokens WHERE user_id = ?1 AND used_at IS NULL",
        [user_id],
    )
}

#[derive(Deserialize)]
pub struct NewPassword {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

/// `POST /api/v1/password-resets/confirm`: the token first (404, 410), then
/// the policy (422, the link stays usable). Following the link proves the
/// address, so an unconfirmed cabinet becomes confirmed.
pub async fn confirm(
    State(state): State<AppState>,
    ip: ClientIp,
    Body(form): Body<NewPassword>,
) -> ApiResult<StatusCode> {
    let hash = token_hash(form.token.trim());
    let row: Option<(i64, i64, Option<i64>)> = state
        .db()
        .query_row(
            "SELECT user_id, expires_at, used_at FROM password_reset_tokens WHERE token_hash = ?1",
            [&hash],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let user_id = match row {
        None | Some((_, _, Some(_))) => {
            return Err(Problem::new(
                StatusCode::NOT_FOUND,
                "token_invalid",
                "Ссылка недействительна или уже была использована. Запросите восстановление пароля ещё раз.",
            ));
        }
        Some((user_id, expires_at, None)) if expires_at > state.now() => user_id,
        Some(_) => {
            return Err(Problem::new(
                StatusCode::GONE,
                "token_expired",
                "Срок действия ссылки истёк. Запросите восстановление пароля ещё раз.",
            ));
        }
    };
    if let Err(message) = check_password(&form.password) {
        return Err(Problem::validation(
            [("password".to_string(), message.to_string())].into(),
        ));
    }
    let password_hash = state.hashing.hash(ip.0, form.password).await?;
    let now = state.now();
    let conn = state.db();
    conn.execute(
        "UPDATE password_reset_tokens SET used_at = ?1 WHERE token_hash = ?2",
        params![now, hash],
    )?;
    conn.execute(
        "UPDATE users SET password_hash = ?1, password_changed_at = ?2, confirmed = 1,
             confirm_until = NULL WHERE id = ?3",
        params![password_hash, now, user_id],
    )?;
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])?;
    end_links(&conn, user_id)?;
    let email: String =
        conn.query_row("SELECT email FROM users WHERE id = ?1", [user_id], |r| {
            r.get(0)
        })?;
    // The mailbox's owner, from here, starts afresh.
    state
        .limiter
        .reset("login_failures_email_ip", &format!("{email} {}", ip.key()));
    Ok(StatusCode::NO_CONTENT)
}
