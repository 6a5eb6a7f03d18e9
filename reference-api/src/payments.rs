//! Online payments: `POST /api/v1/accounts/{id}/payments` (with an
//! `Idempotency-Key`), `GET /api/v1/payments/{id}`,
//! `GET /api/v1/accounts/{id}/payments`. A payment is settled on the fake
//! gateway page (`gateway.rs`); it never changes the balance (the supplier
//! books payments later).

use crate::AppState;
use crate::accounts::find_linked;
use crate::db::rfc3339_unix;
use crate::problem::{ApiResult, Body, Problem};
use crate::readings::{ReadingInput, check as check_readings};
use crate::session::ConfirmedUser;
use crate::validation::whole_number;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The largest single payment: 100 000,00 ₽.
pub const MAX_AMOUNT_KOP: i64 = 10_000_000;

#[derive(Debug, Clone, Serialize)]
pub struct Payment {
    pub id: String,
    /// For people: «2026-000123» (see [`next_number`]).
    pub number: String,
    pub account_id: String,
    pub amount_kop: i64,
    pub status: String,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmation_url: Option<String>,
}

const COLUMNS: &str = "id, link_id, amount_kop, status, created_at, number";

/// `public_url` is the API's own origin: the gateway page lives there, not
/// behind the app's dev proxy (which would follow the gateway's redirect itself).
fn from_row(row: &rusqlite::Row<'_>, public_url: &str) -> rusqlite::Result<Payment> {
    let id: String = row.get(0)?;
    let status: String = row.get(3)?;
    Ok(Payment {
        confirmation_url: (status == "pending").then(|| format!("{public_url}/dev/pay/{id}")),
        account_id: row.get::<_, i64>(1)?.to_string(),
        amount_kop: row.get(2)?,
        created_at: rfc3339_unix(row.get(4)?),
        number: row.get(5)?,
        status,
        id,
    })
}

fn find(conn: &Connection, state: &AppState, user_id: i64, id: &str) -> ApiResult<Option<Payment>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM payments WHERE id = ?1 AND user_id = ?2"),
            params![id, user_id],
            |row| from_row(row, &state.config.public_url),
        )
        .optional()?)
}

#[derive(Deserialize, Serialize)]
pub struct PaymentRequest {
    #[serde(default)]
    amount_kop: Value,
    #[serde(default)]
    readings: Vec<ReadingInput>,
    #[serde(default)]
    confirm_anomaly: bool,
    #[serde(default)]
    return_url: String,
}

fn amount_invalid(message: &str) -> Problem {
    let mut problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "amount_invalid", message);
    problem.add_field("amount_kop", message);
    problem
}

/// The amount in kopecks: a whole number from 1 to [`MAX_AMOUNT_KOP`].
fn check_amount(amount: &Value) -> ApiResult<i64> {
    let kop = whole_number(amount)
        .ok_or_else(|| amount_invalid("Укажите сумму оплаты в копейках целым числом."))?;
    if kop <= 0 {
        return Err(amount_invalid("Сумма оплаты должна быть больше нуля."));
    }
    if kop > MAX_AMOUNT_KOP {
        return Err(amount_invalid(
            "Сумма оплаты не может превышать 100 000,00 ₽.",
        ));
    }
    Ok(kop)
}

/// The next payment number of the year of `now` (unix seconds, UTC):
/// «2026-000123». Short enough to read aloud over the phone and to type into
/// a support form; the year first, so that support finds it at a glance and
/// the numbers stay short. Counted per year in `payment_numbers`, never
/// reused; six digits at least, more after the millionth payment of a year.
pub fn next_number(conn: &Connection, now: i64) -> rusqlite::Result<String> {
    let year = time::OffsetDateTime::from_unix_timestamp(now)
        .map(|t| t.year())
        .unwrap_or(1970);
    let place: i64 = conn.query_row(
        "INSERT INTO payment_numbers (year, last) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1
         RETURNING last",
        [year],
        |row| row.get(0),
    )?;
    Ok(format_number(year, place))
}

fn format_number(year: i32, place: i64) -> String {
    format!("{year}-{place:06}")
}

/// The longest `return_url` taken.
pub const MAX_RETURN_URL: usize = 2000;

/// Where the gateway sends the subscriber back: inside the web app only. A
/// path is taken relative to the app; `{id}` becomes the payment's id.
/// Control characters (CR, LF, NUL, …) are refused: they cannot be sent in a
/// `Location` header. Spaces and non-ASCII characters are percent-encoded, as
/// a browser does.
fn check_return_url(app_url: &str, return_url: &str) -> ApiResult<String> {
    let url = if return_url.starts_with('/') && !return_url.starts_with("//") {
        format!("{app_url}{return_url}")
    } else {
        return_url.to_string()
    };
    let inside = url == app_url || url.starts_with(&format!("{app_url}/"));
    let refused = |message: &str| {
        Problem::validation([("return_url".to_string(), message.to_string())].into())
    };
    if return_url.chars().any(char::is_control) {
        return Err(refused(
            "Адрес возврата не может содержать управляющие символы.",
        ));
    }
    if return_url.chars().count() > MAX_RETURN_URL {
        return Err(refused("Адрес возврата слишком длинный."));
    }
    if !inside || url.contains('\\') {
        return Err(refused("Адрес возврата должен вести в Личный кабинет."));
    }
    Ok(percent_encode_unsafe(&url))
}

/// Percent-encodes what may not stand in a header as it is: spaces and
/// non-ASCII characters (as UTF-8).
fn percent_encode_unsafe(url: &str) -> String {
    let mut encoded = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() {
            encoded.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                encoded.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    encoded
}

/// `POST /api/v1/accounts/{id}/payments`. The same `Idempotency-Key` with the
/// same body answers the payment it made; with another body it is refused.
pub async fn create(
    State(state): State<AppState>,
    ConfirmedUser(user): ConfirmedUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    Body(request): Body<PaymentRequest>,
) -> ApiResult<(StatusCode, Json<Payment>)> {
    let conn = state.db();
    let linked = find_linked(&conn, &state, user.id, &id)?;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 255)
        .ok_or_else(|| {
            Problem::new(
                StatusCode::BAD_REQUEST,
                "idempotency_key_missing",
                "Запрос оплаты должен содержать заголовок Idempotency-Key.",
            )
        })?;
    let request_hash = hex::encode(Sha256::digest(
        serde_json::to_vec(&(&linked.summary.id, &request)).unwrap_or_default(),
    ));
    let earlier: Option<(String, String)> = conn
        .query_row(
            "SELECT id, request_hash FROM payments WHERE user_id = ?1 AND idempotency_key = ?2",
            params![user.id, key],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    if let Some((payment_id, hash)) = earlier {
        if hash != request_hash {
            return Err(Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "Этот ключ Idempotency-Key уже использован для другого платежа.",
            ));
        }
        let payment = find(&conn, &state, user.id, &payment_id)?.ok_or_else(Problem::internal)?;
        return Ok((StatusCode::CREATED, Json(payment)));
    }

    let amount = check_amount(&request.amount_kop)?;
    let return_url = check_return_url(&state.config.app_url, &request.return_url)?;
    let readings = if request.readings.is_empty() {
        Vec::new()
    } else {
        check_readings(&conn, &linked, &request.readings, request.confirm_anomaly)?
    };
    let payment_id = hex::encode(rand::random::<[u8; 16]>());
    let now = state.now();
    let number = next_number(&conn, now)?;
    conn.execute(
        "INSERT INTO payments (id, user_id, link_id, account_id, amount_kop, status, return_url,
             readings, idempotency_key, request_hash, created_at, number)
         VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            payment_id,
            user.id,
            linked.link_id,
            linked.account_id,
            amount,
            return_url,
            serde_json::to_string(&readings).unwrap_or_else(|_| "[]".into()),
            key,
            request_hash,
            now,
            number
        ],
    )?;
    let payment = find(&conn, &state, user.id, &payment_id)?.ok_or_else(Problem::internal)?;
    Ok((StatusCode::CREATED, Json(payment)))
}

/// `GET /api/v1/payments/{id}`.
pub async fn get(
    State(state): State<AppState>,
    ConfirmedUser(user): ConfirmedUser,
    Path(id): Path<String>,
) -> ApiResult<Json<Payment>> {
    let conn = state.db();
    find(&conn, &state, user.id, &id)?
        .map(Json)
        .ok_or_else(|| Problem::new(StatusCode::NOT_FOUND, "not_found", "Платеж не найден."))
}

/// `GET /api/v1/accounts/{id}/payments`: this cabinet's payments for the
/// account, newest first.
pub async fn history(
    State(state): State<AppState>,
    ConfirmedUser(user): ConfirmedUser,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<Payment>>> {
    let conn = state.db();
    let linked = find_linked(&conn, &state, user.id, &id)?;
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM payments WHERE user_id = ?1 AND account_id = ?2
         ORDER BY created_at DESC, rowid DESC"
    ))?;
    let payments = statement
        .query_map(params![user.id, linked.account_id], |row| {
            from_row(row, &state.config.public_url).map(|p| Payment {
                account_id: linked.summary.id.clone(),
                ..p
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Json(payments))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn amounts() {
        assert_eq!(check_amount(&json!(1)).unwrap(), 1);
        assert_eq!(check_amount(&json!(100.0)).unwrap(), 100);
        assert_eq!(
            check_amount(&json!(MAX_AMOUNT_KOP)).unwrap(),
            MAX_AMOUNT_KOP
        );
        for bad in [
            json!(0),
            json!(-5),
            json!(1.5),
            json!("100"),
            json!(null),
            json!(MAX_AMOUNT_KOP + 1),
        ] {
            assert_eq!(
                check_amount(&bad).unwrap_err().code(),
                "amount_invalid",
                "{bad}"
            );
        }
    }

    #[test]
    fn payment_numbers_count_on_within_their_year() {
        let conn = crate::db::open(":memory:").unwrap();
        // 2026-03-10 and 2027-01-01, UTC.
        let (march, next_year) = (1_773_144_000, 1_798_761_600);
        assert_eq!(next_number(&conn, march).unwrap(), "2026-000001");
        assert_eq!(next_number(&conn, march).unwrap(), "2026-000002");
        assert_eq!(next_number(&conn, next_year).unwrap(), "2027-000001");
        assert_eq!(next_number(&conn, march).unwrap(), "2026-000003");
        assert_eq!(format_number(2026, 1_234_567), "2026-1234567");
    }

    #[test]
    fn return_urls_stay_inside_the_app() {
        let app = "http://127.0.0.1:8080";
        assert_eq!(
            check_return_url(app, "/payments/{id}").unwrap(),
            "http://127.0.0.1:8080/payments/{id}"
        );
        assert_eq!(
            check_return_url(app, "http://127.0.0.1:8080/x").unwrap(),
            "http://127.0.0.1:8080/x"
        );
        for bad in [
            "",
            "https://evil.example/",
            "//evil.example/x",
            "http://127.0.0.1:8080.evil.example/",
            "http://127.0.0.1:80800/",
            "/\\evil.example",
            "javascript:alert(1)",
            "/payments\r\nSet-Cookie: x=1",
            "/a\0",
            "/a\tb",
            "/a\u{7f}",
            "/a\u{85}",
        ] {
            assert!(check_return_url(app, bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            check_return_url(app, "/оплата done?x=1").unwrap(),
            "http://127.0.0.1:8080/%D0%BE%D0%BF%D0%BB%D0%B0%D1%82%D0%B0%20done?x=1"
        );
        let long = format!("/{}", "a".repeat(MAX_RETURN_URL));
        assert!(check_return_url(app, &long).is_err());
    }
}
