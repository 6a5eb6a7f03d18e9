//! The cabinet's accounts: links to supplier accounts found by the number on
//! the receipt and proven by a second datum of it (the supplier's
//! `link_proof`). `GET /api/v1/accounts`, `GET/DELETE /api/v1/accounts/{id}`;
//! `POST /api/v1/accounts` in `accounts/linking.rs`.

use crate::AppState;
use crate::problem::{ApiResult, Problem};
use crate::readings::format_value;
use crate::session::{ConfirmedUser, CurrentUser};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

mod linking;

pub use linking::link;

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
    /// Whether the account has meters: without, there are no readings to
    /// send (billed by the norm), and a cabinet does not offer to send them.
    pub has_meters: bool,
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
        a.window_from, a.window_to, a.id, a.holder,
        EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id)
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
            has_meters: row.get(10)?,
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
