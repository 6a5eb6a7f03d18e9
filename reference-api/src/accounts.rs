//! The cabinet's accounts: links to supplier accounts found by the number on
//! the receipt and proven by a second datum of it (the supplier's
//! `link_proof`). `GET/POST /api/v1/accounts`, `GET/DELETE /api/v1/accounts/{id}`.

use crate::AppState;
use crate::link_proof::{self, Answer, Expected};
use crate::problem::{ApiResult, Body, Problem};
use crate::rate_limit::Rule;
use crate::readings::format_value;
use crate::session::{ConfirmedUser, CurrentUser};
use crate::suppliers::Supplier;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct SupplierRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct ReadingsWindow {
    pub open: bool,
    pub from_day: u8,
    pub to_day: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccountSummary {
    /// The link's id in this cabinet, opaque to clients.
    pub id: String,
    pub supplier: SupplierRef,
    pub number: String,
    pub address: String,
    pub balance_kop: i64,
    pub readings_window: ReadingsWindow,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tariff {
    pub service: String,
    pub name: String,
    pub price_kop: i64,
    pub unit: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LastReading {
    pub value: String,
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meter {
    pub id: String,
    pub serial: String,
    pub service: String,
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reading: Option<LastReading>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_due: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    #[serde(flatten)]
    pub summary: AccountSummary,
    pub holder_masked: String,
    pub tariffs: Vec<Tariff>,
    pub meters: Vec<Meter>,
}

/// A linked account as the handlers need it: the summary plus the supplier
/// side's own id and the holder.
pub struct Linked {
    pub summary: AccountSummary,
    pub link_id: i64,
    pub account_id: i64,
    pub holder: String,
}

const LINKED: &str = "SELECT l.id, s.id, s.name, a.number, a.address, a.balance_kop,
        a.window_from, a.window_to, a.id, a.holder
    FROM links l
    JOIN supplier_accounts a ON a.id = l.account_id
    JOIN suppliers s ON s.id = a.supplier_id
    WHERE l.user_id = ?1";

fn linked_from_row(row: &rusqlite::Row<'_>, day: u8) -> rusqlite::Result<Linked> {
    let (from_day, to_day): (u8, u8) = (row.get(6)?, row.get(7)?);
    let link_id: i64 = row.get(0)?;
    Ok(Linked {
        link_id,
        summary: AccountSummary {
            id: link_id.to_string(),
            supplier: SupplierRef {
                id: row.get(1)?,
                name: row.get(2)?,
            },
            number: row.get(3)?,
            address: row.get(4)?,
            balance_kop: row.get(5)?,
            readings_window: ReadingsWindow {
                open: (from_day..=to_day).contains(&day),
                from_day,
                to_day,
            },
        },
        account_id: row.get(8)?,
        holder: row.get(9)?,
    })
}

/// The user's link `id`, or 404.
pub fn find_linked(
    conn: &Connection,
    state: &AppState,
    user_id: i64,
    id: &str,
) -> ApiResult<Linked> {
    let not_found = || {
        Problem::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Лицевой счет не найден в Вашем Личном кабинете.",
        )
    };
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let day = state.clock().now().day();
    conn.query_row(
        &format!("{LINKED} AND l.id = ?2"),
        params![user_id, id],
        |row| linked_from_row(row, day),
    )
    .optional()?
    .ok_or_else(not_found)
}

/// «Иванов Иван Иванович» → «Иванов И.***»: enough for the owner to recognise.
pub fn mask_holder(holder: &str) -> String {
    let mut words = holder.split_whitespace();
    let surname = words.next().unwrap_or("");
    match words.next().and_then(|name| name.chars().next()) {
        Some(initial) => format!("{surname} {initial}.***"),
        None => surname.to_string(),
    }
}

/// `GET /api/v1/accounts`. An unconfirmed cabinet cannot link accounts, so
/// its list is simply empty.
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<AccountSummary>>> {
    let day = state.clock().now().day();
    let conn = state.db();
    let mut statement = conn.prepare(&format!("{LINKED} ORDER BY l.id"))?;
    let accounts = statement
        .query_map([user.id], |row| linked_from_row(row, day))?
        .map(|linked| linked.map(|l| l.summary))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Json(accounts))
}

#[derive(Deserialize)]
pub struct LinkRequest {
    #[serde(default)]
    supplier_id: String,
    #[serde(default)]
    number: String,
    /// The answer to the supplier's `link_proof`.
    #[serde(default)]
    proof: String,
}

/// `POST /api/v1/accounts`: links the account with this number at this
/// supplier once the proof matches. An unknown number and a wrong proof get
/// one answer, after the same work, and count alike against the cabinet's
/// and the number's limits of failures.
pub async fn link(
    State(state): State<AppState>,
    ConfirmedUser(user): ConfirmedUser,
    Body(request): Body<LinkRequest>,
) -> ApiResult<(StatusCode, Json<AccountSummary>)> {
    let conn = state.db();
    let (supplier, number, answer) = read_link_request(&conn, &request)?;
    let failures = LinkFailures::new(&state, user.id, &supplier.id, &number);
    failures.refuse_if_limited(&state)?;
    // One row whether or not the account exists, its meters looked through
    // either way, so that timing does not tell an unknown number.
    let (account_id, expected): (Option<i64>, Expected) = conn.query_row(
        "SELECT a.id, a.last_bill_kop,
             (SELECT json_group_array(serial) FROM meters WHERE account_id = a.id)
         FROM (SELECT ?1 AS supplier_id, ?2 AS number) asked
         LEFT JOIN supplier_accounts a
             ON a.supplier_id = asked.supplier_id AND a.number = asked.number",
        params![supplier.id, number],
        |row| {
            let serials: String = row.get(2)?;
            let expected = Expected {
                serials: serde_json::from_str(&serials).unwrap_or_default(),
                last_bill_kop: row.get(1)?,
            };
            Ok((row.get(0)?, expected))
        },
    )?;
    // An unknown number is compared too, with what matches nothing.
    let expected = match account_id {
        Some(_) => expected,
        None => Expected::nothing(),
    };
    let matched = link_proof::matches(&answer, &expected);
    let Some(account_id) = account_id.filter(|_| matched) else {
        failures.count(&state);
        return Err(Problem::new(
            StatusCode::NOT_FOUND,
            "account_not_found",
            format!(
                "Лицевой счет с такими данными не найден у поставщика «{}». Проверьте номер и данные квитанции.",
                supplier.name
            ),
        ));
    };
    let inserted = conn.execute(
        "INSERT INTO links (user_id, account_id, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id, account_id) DO NOTHING",
        params![user.id, account_id, state.now()],
    )?;
    if inserted == 0 {
        return Err(Problem::new(
            StatusCode::CONFLICT,
            "already_linked",
            format!("Лицевой счет {number} уже подключен к Вашему Личному кабинету."),
        ));
    }
    let linked = find_linked(
        &conn,
        &state,
        user.id,
        &conn.last_insert_rowid().to_string(),
    )?;
    Ok((StatusCode::CREATED, Json(linked.summary)))
}

/// The counts of failed links one request is checked against: the
/// cabinet's, the number's (from any cabinets) and the cabinet's on this
/// number, which decides whether the number's lock applies to it.
struct LinkFailures {
    user: (String, Rule),
    number: (String, Rule),
    user_on_number: (String, Rule),
}

impl LinkFailures {
    const USER: &'static str = "link_failures_user";
    const NUMBER: &'static str = "link_failures_number";
    const USER_ON_NUMBER: &'static str = "link_failures_user_number";

    fn new(state: &AppState, user_id: i64, supplier_id: &str, number: &str) -> Self {
        let limits = state.config.limits;
        let number_key = format!("{supplier_id}:{number}");
        // One failure on the number is enough to be held by its lock.
        let once = Rule::new(1, limits.link_failures_per_number.window_secs);
        LinkFailures {
            user: (user_id.to_string(), limits.link_failures_per_user),
            user_on_number: (format!("{user_id}:{number_key}"), once),
            number: (number_key, limits.link_failures_per_number),
        }
    }

    /// 429 `rate_limited` when the cabinet has failed too often, or
    /// `account_locked` when the number has and so has this cabinet on it
    /// (a cabinet that has not failed on it, its owner's, is not held).
    fn refuse_if_limited(&self, state: &AppState) -> Result<(), Problem> {
        let now = state.now();
        let peek = |name, (key, rule): &(String, Rule)| state.limiter.peek(name, key, *rule, now);
        peek(Self::USER, &self.user)?;
        if let Err(locked) = peek(Self::NUMBER, &self.number)
            && peek(Self::USER_ON_NUMBER, &self.user_on_number).is_err()
        {
            return Err(Problem::account_locked(locked.retry_after().unwrap_or(60)));
        }
        Ok(())
    }

    fn count(&self, state: &AppState) {
        let now = state.now();
        for (name, (key, rule)) in [
            (Self::USER, &self.user),
            (Self::NUMBER, &self.number),
            (Self::USER_ON_NUMBER, &self.user_on_number),
        ] {
            state.limiter.hit(name, key, *rule, now);
        }
    }
}

/// The supplier, the number without spaces and the proof read for the
/// supplier's kind, or 422 naming every field that is wrong.
fn read_link_request(
    conn: &Connection,
    request: &LinkRequest,
) -> ApiResult<(Supplier, String, Answer)> {
    let supplier = crate::suppliers::find(conn, request.supplier_id.trim())?;
    // Spaces pasted from a receipt ("36 0000 0001") are dropped.
    let number: String = request
        .number
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut fields = BTreeMap::new();
    match &supplier {
        None => {
            fields.insert(
                "supplier_id".to_string(),
                "Выберите поставщика.".to_string(),
            );
        }
        Some(supplier) => {
            let max = supplier.account_rule.max_digits as usize;
            let message = if number.is_empty() {
                Some("Введите номер лицевого счета, указанный на квитанции.".to_string())
            } else if !number.chars().all(|c| c.is_ascii_digit()) {
                Some("Лицевой счет может содержать только цифры.".to_string())
            } else if number.len() > max {
                Some(format!(
                    "Лицевой счет должен содержать не более {max} цифр."
                ))
            } else {
                None
            };
            if let Some(message) = message {
                fields.insert("number".to_string(), message);
            }
        }
    }
    if request.number.trim().is_empty() && !fields.contains_key("number") {
        fields.insert(
            "number".to_string(),
            "Введите номер лицевого счета, указанный на квитанции.".to_string(),
        );
    }
    let answer = supplier
        .as_ref()
        .map(|supplier| link_proof::read_answer(supplier.link_proof.kind, &request.proof));
    if let Some(Err(message)) = answer {
        fields.insert("proof".to_string(), message.to_string());
    }
    match (supplier, answer) {
        (Some(supplier), Some(Ok(answer))) if fields.is_empty() => Ok((supplier, number, answer)),
        _ => Err(Problem::validation(fields)),
    }
}

/// `DELETE /api/v1/accounts/{id}`: unlinks (the supplier's account stays).
pub async fn unlink(
    State(state): State<AppState>,
    ConfirmedUser(user): ConfirmedUser,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let conn = state.db();
    let linked = find_linked(&conn, &state, user.id, &id)?;
    conn.execute("DELETE FROM links WHERE id = ?1", [linked.link_id])?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/accounts/{id}`.
pub async fn details(
    State(state): State<AppState>,
    ConfirmedUser(user): ConfirmedUser,
    Path(id): Path<String>,
) -> ApiResult<Json<Account>> {
    let conn = state.db();
    let linked = find_linked(&conn, &state, user.id, &id)?;
    let tariffs = conn
        .prepare(
            "SELECT service, name, price_kop, unit FROM tariffs WHERE account_id = ?1 ORDER BY position",
        )?
        .query_map([linked.account_id], |row| {
            Ok(Tariff {
                service: row.get(0)?,
                name: row.get(1)?,
                price_kop: row.get(2)?,
                unit: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let meters = meters(&conn, linked.account_id)?;
    Ok(Json(Account {
        holder_masked: mask_holder(&linked.holder),
        summary: linked.summary,
        tariffs,
        meters,
    }))
}

pub fn meters(conn: &Connection, account_id: i64) -> rusqlite::Result<Vec<Meter>> {
    conn.prepare(
        "SELECT id, serial, service, unit, last_value, last_date, verification_due
         FROM meters WHERE account_id = ?1 ORDER BY id",
    )?
    .query_map([account_id], |row| {
        let value: Option<i64> = row.get(4)?;
        let date: Option<String> = row.get(5)?;
        Ok(Meter {
            id: row.get::<_, i64>(0)?.to_string(),
            serial: row.get(1)?,
            service: row.get(2)?,
            unit: row.get(3)?,
            last_reading: value.zip(date).map(|(value, date)| LastReading {
                value: format_value(value),
                date,
            }),
            verification_due: row.get(6)?,
        })
    })?
    .collect()
}

#[cfg(test)]
mod tests {
    use super::mask_holder;

    #[test]
    fn holders_are_masked() {
        assert_eq!(mask_holder("Иванов Иван Иванович"), "Иванов И.***");
        assert_eq!(mask_holder("Петрова Мария"), "Петрова М.***");
        assert_eq!(mask_holder("Иванов"), "Иванов");
    }
}
