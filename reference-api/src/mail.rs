//! The mail outbox: mails are "sent" by storing them (and logging them);
//! `GET /api/dev/outbox` shows them, newest first.

use crate::AppState;
use crate::problem::ApiResult;
use axum::Json;
use axum::extract::{Query, State};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub links: Vec<String>,
    pub sent_at: String,
}

/// Stores a mail in the outbox and logs it.
pub fn send(
    conn: &Connection,
    sent_at: String,
    to: &str,
    subject: &str,
    text: &str,
    links: &[String],
) -> rusqlite::Result<()> {
    tracing::info!(to, subject, ?links, "mail sent");
    conn.execute(
        "INSERT INTO outbox (to_addr, subject, body, links, sent_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            to,
            subject,
            text,
            serde_json::to_string(links).unwrap_or_else(|_| "[]".into()),
            sent_at
        ],
    )?;
    Ok(())
}

#[derive(Deserialize)]
pub struct OutboxQuery {
    to: Option<String>,
}

/// `GET /api/dev/outbox[?to=<email>]`.
pub async fn outbox(
    State(state): State<AppState>,
    Query(query): Query<OutboxQuery>,
) -> ApiResult<Json<Vec<Mail>>> {
    let to = query.to.map(|to| {
        crate::validation::normalize_email(&to).unwrap_or_else(|| to.trim().to_lowercase())
    });
    let conn = state.db();
    let mut statement = conn.prepare(
        "SELECT to_addr, subject, body, links, sent_at FROM outbox
         WHERE ?1 IS NULL OR to_addr = ?1 ORDER BY id DESC",
    )?;
    let mails = statement
        .query_map([to], |row| {
            let links: String = row.get(3)?;
            Ok(Mail {
                to: row.get(0)?,
                subject: row.get(1)?,
                text: row.get(2)?,
                links: serde_json::from_str(&links).unwrap_or_default(),
                sent_at: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Json(mails))
}
