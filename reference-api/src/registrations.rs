//! Registration of a cabinet, its confirmation by the mailed link, and a
//! fresh link on request.

use crate::db::{end_of_day, iso_date, parse_iso_date, russian_date};
use crate::problem::{ApiResult, Body, Problem};
use crate::session::{self, CurrentUser};
use crate::tokens::{new_token, token_hash};
use crate::validation::{canonical_email, check_password};
use crate::{AppState, ClientIp};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum_extra::extract::CookieJar;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, Duration};

/// Days an unconfirmed cabinet (and its link) lives after registration,
/// counted from today (UTC); it lives until the end of the last day.
pub const CONFIRM_DAYS: i64 = 3;

pub const CONFIRM_SUBJECT: &str = "Подтверждение регистрации в Личном кабинете";
pub const EXISTS_SUBJECT: &str = "Повторная регистрация в Личном кабинете";

#[derive(Deserialize)]
pub struct Registration {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    captcha: String,
}

#[derive(Serialize)]
pub struct Registered {
    email: String,
    confirm_until: String,
}

/// `POST /api/v1/registrations`. A taken e-mail gets the very same answer;
/// only the mail sent differs.
pub async fn register(
    State(state): State<AppState>,
    ip: ClientIp,
    Body(form): Body<Registration>,
) -> ApiResult<(StatusCode, Json<Registered>)> {
    state.limit(
        "registrations",
        &ip.key(),
        state.config.limits.registrations_per_ip,
    )?;
    let mut fields = BTreeMap::new();
    let email = canonical_email(&form.email)
        .map_err(|error| fields.insert("email".to_string(), error.message().to_string()))
        .ok();
    if let Err(message) = check_password(&form.password) {
        fields.insert("password".to_string(), message.to_string());
    }
    let Some(email) = email.filter(|_| fields.is_empty()) else {
        return Err(Problem::validation(fields));
    };
    crate::captcha::verify_from(&state, &ip, &form.captcha)?;

    // Hash whether or not the address is taken, so timing does not tell.
    let hash = state.hashing.hash(ip.0, form.password).await?;
    let now = state.clock().now();
    let confirm_until = now.date() + Duration::days(CONFIRM_DAYS);
    let conn = state.db();
    let inserted = conn.execute(
        "INSERT INTO users (email, password_hash, confirmed, confirm_until, created_at, password_changed_at)
         VALUES (?1, ?2, 0, ?3, ?4, ?4) ON CONFLICT (email) DO NOTHING",
        params![email, hash, iso_date(confirm_until), now.unix_timestamp()],
    )?;
    if inserted == 1 {
        let user_id = conn.last_insert_rowid();
        send_confirmation(&conn, &state, user_id, &email, confirm_until)?;
    } else {
        send_exists_notice(&conn, &state, &email)?;
    }
    Ok((
        StatusCode::CREATED,
        Json(Registered {
            email,
            confirm_until: iso_date(confirm_until),
        }),
    ))
}

/// Issues a new confirmation link (older unused ones stop working) and mails it.
fn send_confirmation(
    conn: &Connection,
    state: &AppState,
    user_id: i64,
    email: &str,
    confirm_until: Date,
) -> ApiResult<()> {
    conn.execute(
        "DELETE FROM confirmation_tokens WHERE user_id = ?1 AND used_at IS NULL",
        [user_id],
    )?;
    let token = new_token();
    conn.execute(
        "INSERT INTO confirmation_tokens (token_hash, user_id, expires_at) VALUES (?1, ?2, ?3)",
        params![token_hash(&token), user_id, end_of_day(confirm_until)],
    )?;
    let link = format!("{}/confirm?token={token}", state.config.app_url);
    let deadline = russian_date(confirm_until);
    let text = format!(
        "Здравствуйте!\n\n\
         Для Вас создан Личный кабинет абонента. Для подтверждения регистрации перейдите по ссылке:\n\
         {link}\n\n\
         Внимание! Ссылка действительна до {deadline}. После истечения указанной даты Ваш Личный кабинет будет удален.\n\n\
         Если Вы не регистрировались в Личном кабинете, просто не отвечайте на это письмо."
    );
    crate::mail::send(
        conn,
        crate::db::rfc3339(state.clock().now()),
        email,
        CONFIRM_SUBJECT,
        &text,
        &[link],
    )?;
    Ok(())
}

fn send_exists_notice(conn: &Connection, state: &AppState, email: &str) -> ApiResult<()> {
    let login = format!("{}/login", state.config.app_url);
    let recover = format!("{}/recover", state.config.app_url);
    let text = format!(
        "Здравствуйте!\n\n\
         Кто-то (возможно, Вы) попытался зарегистрироваться в Личном кабинете с адресом {email}. \
         Личный кабинет с этим адресом уже существует, поэтому новый не создан.\n\n\
         Войти в Личный кабинет: {login}\n\
         Если Вы забыли пароль, восстановите его: {recover}\n\n\
         Если Вы не регистрировались, просто не отвечайте на это письмо: Ваш Личный кабинет в безопасности."
    );
    crate::mail::send(
        conn,
        crate::db::rfc3339(state.clock().now()),
        email,
        EXISTS_SUBJECT,
        &text,
        &[login, recover],
    )?;
    Ok(())
}

#[derive(Deserialize)]
pub struct Confirmation {
    #[serde(default)]
    token: String,
}

#[derive(Serialize)]
pub struct Confirmed {
    email: String,
}

fn token_invalid() -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "token_invalid",
        "Ссылка недействительна или уже была использована.",
    )
}

/// `POST /api/v1/registrations/confirm`: confirms and signs the user in.
pub async fn confirm(
    State(state): State<AppState>,
    jar: CookieJar,
    Body(body): Body<Confirmation>,
) -> ApiResult<(CookieJar, Json<Confirmed>)> {
    let hash = token_hash(body.token.trim());
    let now = state.now();
    let conn = state.db();
    let row: Option<(Option<i64>, i64, Option<i64>)> = conn
        .query_row(
            "SELECT user_id, expires_at, used_at FROM confirmation_tokens WHERE token_hash = ?1",
            [&hash],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let user_id = match row {
        None | Some((_, _, Some(_))) => return Err(token_invalid()),
        Some((Some(user_id), expires_at, None)) if expires_at > now => user_id,
        Some(_) => {
            return Err(Problem::new(
                StatusCode::GONE,
                "token_expired",
                "Срок действия ссылки истёк, и неподтверждённый Личный кабинет удалён. \
                 Зарегистрируйтесь заново.",
            ));
        }
    };
    conn.execute(
        "UPDATE confirmation_tokens SET used_at = ?1 WHERE token_hash = ?2",
        params![now, hash],
    )?;
    conn.execute(
        "UPDATE users SET confirmed = 1, confirm_until = NULL WHERE id = ?1",
        [user_id],
    )?;
    let cookie = session::start(&conn, &state, user_id)?;
    let email: String =
        conn.query_row("SELECT email FROM users WHERE id = ?1", [user_id], |r| {
            r.get(0)
        })?;
    Ok((jar.add(cookie), Json(Confirmed { email })))
}

#[derive(Serialize)]
pub struct Resent {
    confirm_until: String,
}

/// `POST /api/v1/registrations/resend`: a fresh link with the same deadline.
pub async fn resend(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<(StatusCode, Json<Resent>)> {
    let confirm_until = match (
        &user.confirmed,
        user.confirm_until.as_deref().and_then(parse_iso_date),
    ) {
        (false, Some(date)) => date,
        _ => {
            return Err(Problem::new(
                StatusCode::CONFLICT,
                "already_confirmed",
                "Регистрация уже подтверждена.",
            ));
        }
    };
    state.limit(
        "resend",
        &user.id.to_string(),
        state.config.limits.resend_per_user,
    )?;
    send_confirmation(&state.db(), &state, user.id, &user.email, confirm_until)?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Resent {
            confirm_until: iso_date(confirm_until),
        }),
    ))
}
