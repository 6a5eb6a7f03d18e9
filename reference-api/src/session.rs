//! Cookie sessions: `POST/GET/DELETE /api/v1/session`, and the extractor that
//! turns the cookie into the signed-in user.

use crate::problem::{ApiResult, Body, Problem};
use crate::tokens::{new_token, token_hash};
use crate::validation::{EMAIL_MAX_CHARS, normalize_email};
use crate::{AppState, ClientIp};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

pub const COOKIE: &str = "kabinet_session";

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub confirmed: bool,
    pub confirm_until: Option<String>,
    /// The hash of this request's session token.
    pub session: String,
}

/// The `User` shape of the contract.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub email: String,
    pub email_masked: String,
    pub confirmed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirm_until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_update_due: Option<String>,
}

impl From<&CurrentUser> for User {
    fn from(user: &CurrentUser) -> Self {
        User {
            email: user.email.clone(),
            email_masked: mask_email(&user.email),
            confirmed: user.confirmed,
            confirm_until: user.confirm_until.clone(),
            password_update_due: None,
        }
    }
}

/// «i***@mail.ru»: the first character of the name, the domain in full.
fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar.get(COOKIE).ok_or_else(Problem::unauthenticated)?;
        let hash = token_hash(token.value());
        let conn = state.db();
        let found = conn
            .query_row(
                "SELECT u.id, u.email, u.confirmed, u.confirm_until, s.created_at, s.last_seen_at
                 FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = ?1",
                [&hash],
                |row| {
                    let user = CurrentUser {
                        id: row.get(0)?,
                        email: row.get(1)?,
                        confirmed: row.get(2)?,
                        confirm_until: row.get(3)?,
                        session: hash.clone(),
                    };
                    Ok((user, row.get::<_, i64>(4)?, row.get::<_, i64>(5)?))
                },
            )
            .optional()?;
        let (user, created_at, last_seen_at) = found.ok_or_else(Problem::unauthenticated)?;
        let now = state.now();
        let config = &state.config;
        if now >= created_at + config.session_absolute_secs
            || now >= last_seen_at + config.session_idle_secs
        {
            conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [&hash])?;
            return Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "Сеанс работы истёк. Войдите в Личный кабинет снова.",
            ));
        }
        conn.execute(
            "UPDATE sessions SET last_seen_at = ?1 WHERE token_hash = ?2",
            params![now, hash],
        )?;
        Ok(user)
    }
}

/// A signed-in user who has confirmed the registration; others get 403
/// `not_confirmed`.
pub struct ConfirmedUser(pub CurrentUser);

impl FromRequestParts<AppState> for ConfirmedUser {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        if user.confirmed {
            Ok(ConfirmedUser(user))
        } else {
            Err(Problem::new(
                StatusCode::FORBIDDEN,
                "not_confirmed",
                "Подтвердите регистрацию по ссылке из письма, чтобы работать с лицевыми счетами.",
            ))
        }
    }
}

/// Starts a session for a user; returns the cookie carrying its token.
pub fn start(conn: &Connection, state: &AppState, user_id: i64) -> ApiResult<Cookie<'static>> {
    let token = new_token();
    let now = state.now();
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?3)",
        params![token_hash(&token), user_id, now],
    )?;
    Ok(cookie(state, token))
}

fn cookie(state: &AppState, value: String) -> Cookie<'static> {
    Cookie::build((COOKIE, value))
        .http_only(true)
        .secure(state.config.secure_cookie)
        .same_site(SameSite::Lax)
        .path("/api")
        .build()
}

/// Loads a user by id, as the session endpoints answer it.
pub fn load_user(conn: &Connection, id: i64, session: String) -> ApiResult<CurrentUser> {
    Ok(conn.query_row(
        "SELECT email, confirmed, confirm_until FROM users WHERE id = ?1",
        [id],
        |row| {
            Ok(CurrentUser {
                id,
                email: row.get(0)?,
                confirmed: row.get(1)?,
                confirm_until: row.get(2)?,
                session,
            })
        },
    )?)
}

#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

fn invalid_credentials() -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
        "Неверный e-mail или пароль.",
    )
}

/// `POST /api/v1/session`. Failures slow down whoever fails, not the owner:
/// they are counted per (e-mail, address) and per address, and per e-mail
/// from all addresses only as a brake on the addresses that have failed for
/// it themselves — an address that has not failed for the e-mail is let try
/// (the owner at home, while a stranger guesses elsewhere). A login that
/// succeeds does not count against its address.
pub async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    jar: CookieJar,
    Body(credentials): Body<Credentials>,
) -> ApiResult<(CookieJar, Json<User>)> {
    let limits = state.config.limits;
    let address = ip.key();
    state.limit("session", &address, limits.session_per_ip)?;
    let now = state.now();
    // Beyond 254 characters no mailbox exists: the ordinary failure, without
    // hashing and without keeping the e-mail as a key anywhere.
    if credentials.email.chars().count() > EMAIL_MAX_CHARS {
        state.limiter.peek(
            "login_failures_ip",
            &address,
            limits.login_failures_per_ip,
            now,
        )?;
        state.limiter.hit(
            "login_failures_ip",
            &address,
            limits.login_failures_per_ip,
            now,
        );
        return Err(invalid_credentials());
    }
    // Unknown and malformed addresses are counted like registered ones.
    let email = normalize_email(&credentials.email)
        .unwrap_or_else(|| credentials.email.trim().to_lowercase());
    let pair = format!("{email} {address}");
    let failures = [
        (
            "login_failures_email_ip",
            pair.as_str(),
            limits.login_failures_per_email_and_ip,
        ),
        (
            "login_failures_ip",
            address.as_str(),
            limits.login_failures_per_ip,
        ),
        (
            "login_failures_email",
            email.as_str(),
            limits.login_failures_per_email,
        ),
    ];
    let (own, others) = failures.split_at(2);
    for (name, key, rule) in own {
        state.limiter.peek(name, key, *rule, now)?;
    }
    let (_, _, pair_rule) = failures[0];
    if state.limiter.count(failures[0].0, &pair, pair_rule, now) > 0 {
        for (name, key, rule) in others {
            state.limiter.peek(name, key, *rule, now)?;
        }
    }
    let found: Option<(i64, String)> = state
        .db()
        .query_row(
            "SELECT id, password_hash FROM users WHERE email = ?1",
            [&email],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    // An unknown e-mail costs the same hashing as a known one.
    let (id, hash) = found.unwrap_or((0, state.dummy_hash.clone()));
    let valid = state
        .hashing
        .verify(ip.0, credentials.password, hash)
        .await?;
    if !valid || id == 0 {
        for (name, key, rule) in &failures {
            state.limiter.hit(name, key, *rule, now);
        }
        return Err(invalid_credentials());
    }
    state.limiter.forgive("session", &address);
    state.limiter.reset("login_failures_email_ip", &pair);
    let conn = state.db();
    // The browser's previous session (whoever's it was) ends: one browser,
    // one session.
    if let Some(previous) = jar.get(COOKIE) {
        conn.execute(
            "DELETE FROM sessions WHERE token_hash = ?1",
            [token_hash(previous.value())],
        )?;
    }
    let cookie = start(&conn, &state, id)?;
    let user = load_user(&conn, id, token_hash(cookie.value()))?;
    Ok((jar.add(cookie), Json(User::from(&user))))
}

/// `GET /api/v1/session`.
pub async fn current(user: CurrentUser) -> Json<User> {
    Json(User::from(&user))
}

/// `DELETE /api/v1/session`: ends the session (if any) and clears the cookie.
pub async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
) -> ApiResult<(StatusCode, CookieJar)> {
    if let Some(token) = jar.get(COOKIE) {
        state.db().execute(
            "DELETE FROM sessions WHERE token_hash = ?1",
            [token_hash(token.value())],
        )?;
    }
    let mut expired = cookie(&state, String::new());
    expired.make_removal();
    Ok((StatusCode::NO_CONTENT, jar.add(expired)))
}

#[cfg(test)]
mod tests {
    use super::mask_email;

    #[test]
    fn masks() {
        assert_eq!(mask_email("ivan@mail.ru"), "i***@mail.ru");
        assert_eq!(mask_email("я@mail.ru"), "я***@mail.ru");
    }
}
