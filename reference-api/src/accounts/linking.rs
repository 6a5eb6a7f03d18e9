//! `POST /api/v1/accounts`: linking an account found by the number on the
//! receipt and proven by the second datum the supplier asks (`link_proof`),
//! with the limits of failed attempts per cabinet and per number.

use super::{AccountSummary, find_linked};
use crate::AppState;
use crate::link_proof::{self, Answer, Expected};
use crate::problem::{ApiResult, Body, Problem};
use crate::rate_limit::Rule;
use crate::session::ConfirmedUser;
use crate::suppliers::Supplier;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use rusqlite::{Connection, params};
use serde::Deserialize;
use std::collections::BTreeMap;

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
