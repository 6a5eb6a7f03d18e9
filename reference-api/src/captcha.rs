//! The proof-of-work robot check in the ALTCHA v1 format.
//!
//! A challenge is `sha256(salt + number)` for a secret `number` in
//! `0..=maxnumber`, signed with a key that lives as long as the process. The
//! client finds the number by brute force and sends back the solved challenge;
//! the server checks expiry, hash and signature, and spends the challenge.

use crate::problem::{ApiResult, Problem};
use crate::{AppState, ClientIp};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use hmac::{Hmac, Mac};
use rand::Rng;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How long a challenge may be solved and used.
pub const LIFETIME_SECS: i64 = 600;

pub const ALGORITHM: &str = "SHA-256";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Challenge {
    pub algorithm: String,
    pub challenge: String,
    pub salt: String,
    pub signature: String,
    pub maxnumber: u64,
}

/// What the client sends back (base64 of this JSON).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Solution {
    pub algorithm: String,
    pub challenge: String,
    pub number: u64,
    pub salt: String,
    pub signature: String,
}

/// Why a solution was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Invalid,
    Expired,
}

impl From<Refusal> for Problem {
    fn from(refusal: Refusal) -> Self {
        let detail = match refusal {
            Refusal::Invalid => "Проверка защиты от роботов не пройдена. Повторите проверку.",
            Refusal::Expired => "Время проверки защиты от роботов истекло. Повторите проверку.",
        };
        Problem::new(StatusCode::BAD_REQUEST, "captcha_invalid", detail)
    }
}

fn sha256_hex(salt: &str, number: u64) -> String {
    hex::encode(Sha256::digest(format!("{salt}{number}").as_bytes()))
}

fn mac(key: &[u8; 32]) -> Hmac<Sha256> {
    <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any length")
}

pub fn create(key: &[u8; 32], max_number: u64, now: i64) -> Challenge {
    let mut rng = rand::thread_rng();
    let salt = format!(
        "{}?expires={}&",
        hex::encode(rng.r#gen::<[u8; 12]>()),
        now + LIFETIME_SECS
    );
    let number = rng.gen_range(0..=max_number);
    let challenge = sha256_hex(&salt, number);
    let mut signer = mac(key);
    signer.update(challenge.as_bytes());
    Challenge {
        algorithm: ALGORITHM.into(),
        signature: hex::encode(signer.finalize().into_bytes()),
        challenge,
        salt,
        maxnumber: max_number,
    }
}

/// The `expires` parameter of a salt (`…?expires=<unix seconds>&`).
fn salt_expiry(salt: &str) -> Option<i64> {
    let (_, params) = salt.split_once('?')?;
    params
        .split('&')
        .find_map(|pair| pair.strip_prefix("expires="))
        .and_then(|value| value.parse().ok())
}

/// Checks a solution (base64 of its JSON) without spending it.
pub fn check(key: &[u8; 32], payload: &str, now: i64) -> Result<Solution, Refusal> {
    let payload = payload.trim();
    let json = STANDARD
        .decode(payload)
        .or_else(|_| STANDARD_NO_PAD.decode(payload))
        .map_err(|_| Refusal::Invalid)?;
    let solution: Solution = serde_json::from_slice(&json).map_err(|_| Refusal::Invalid)?;
    if solution.algorithm != ALGORITHM {
        return Err(Refusal::Invalid);
    }
    let signature = hex::decode(&solution.signature).map_err(|_| Refusal::Invalid)?;
    let mut verifier = mac(key);
    verifier.update(solution.challenge.as_bytes());
    verifier
        .verify_slice(&signature)
        .map_err(|_| Refusal::Invalid)?;
    // The signature covers the challenge, and the challenge the salt: a
    // forged expiry breaks the hash below.
    if sha256_hex(&solution.salt, solution.number) != solution.challenge {
        return Err(Refusal::Invalid);
    }
    match salt_expiry(&solution.salt) {
        Some(expires) if expires > now => Ok(solution),
        Some(_) => Err(Refusal::Expired),
        None => Err(Refusal::Invalid),
    }
}

/// Checks a solution and spends it: a challenge passes once.
pub fn verify(conn: &Connection, key: &[u8; 32], payload: &str, now: i64) -> Result<(), Problem> {
    let solution = check(key, payload, now)?;
    conn.execute("DELETE FROM used_captchas WHERE expires_at <= ?1", [now])?;
    let fresh = conn.execute(
        "INSERT INTO used_captchas (challenge, expires_at) VALUES (?1, ?2)
         ON CONFLICT (challenge) DO NOTHING",
        params![
            solution.challenge,
            salt_expiry(&solution.salt).unwrap_or(now)
        ],
    )?;
    if fresh == 1 {
        Ok(())
    } else {
        Err(Refusal::Invalid.into())
    }
}

/// [`verify`] for a request from `ip`: a solved challenge no longer counts
/// against the address (only unsolved ones are limited).
pub fn verify_from(state: &AppState, ip: &ClientIp, payload: &str) -> Result<(), Problem> {
    verify(&state.db(), &state.captcha_key, payload, state.now())?;
    state.limiter.forgive("captcha", &ip.key());
    Ok(())
}

/// `GET /api/v1/captcha`: counted against the address until solved.
pub async fn get_challenge(
    State(state): State<AppState>,
    ip: ClientIp,
) -> ApiResult<Json<Challenge>> {
    state.limit("captcha", &ip.key(), state.config.limits.captcha_per_ip)?;
    Ok(Json(create(
        &state.captcha_key,
        state.config.captcha_max_number,
        state.now(),
    )))
}
