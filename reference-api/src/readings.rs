//! Meter readings: values are decimals with up to three decimals, kept as
//! integer thousandths of a unit. `POST /api/v1/accounts/{id}/readings`.

use crate::AppState;
use crate::accounts::{Linked, find_linked};
use crate::db::iso_date;
use crate::problem::{ApiResult, Body, Problem};
use crate::session::ConfirmedUser;
use crate::validation::whole_number;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// "12345.678", "12345,6" or "12345" → thousandths; `None` for anything else
/// (signs, more than three decimals, letters, absurd sizes).
pub fn parse_value(text: &str) -> Option<i64> {
    let text = text.trim();
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 9
        || fraction.len() > 3
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    if text.contains(['.', ',']) && fraction.is_empty() {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<3}").parse().ok()?;
    Some(whole * 1000 + fraction)
}

/// Thousandths → "12345.678".
pub fn format_value(thousandths: i64) -> String {
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

/// A reading as the request carries it. `meter_id` and `value` may come as
/// strings (the contract) or numbers; anything else is a field error.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ReadingInput {
    #[serde(default)]
    pub meter_id: Option<serde_json::Value>,
    #[serde(default)]
    pub value: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    pub meter_id: String,
    pub value: String,
    pub date: String,
}

/// What the checks need to know of a meter.
struct MeterState {
    id: i64,
    last: Option<i64>,
    average: i64,
    unit: String,
}

/// The most readings one request may carry (an account has a few meters).
pub const MAX_READINGS: usize = 20;

/// The expected consumption's multiple beyond which a reading must be confirmed.
pub const ANOMALY_FACTOR: i64 = 5;

/// The consumption beyond which a reading is unusual: five times the meter's
/// average month, or 1000 units for a meter without an average.
pub fn anomaly_threshold(average_monthly: i64) -> i64 {
    if average_monthly > 0 {
        average_monthly * ANOMALY_FACTOR
    } else {
        1_000_000
    }
}

/// "12345,678" with the unit, as people read it.
fn russian(thousandths: i64, unit: &str) -> String {
    format!("{} {unit}", format_value(thousandths).replace('.', ","))
}

/// Checks readings for one account: the window (409), the shape (422
/// `validation_failed`), below the previous (422 `reading_below_previous`),
/// an unusual jump (422 `reading_anomaly` unless confirmed). Returns
/// `(meter_id, thousandths)` pairs.
pub fn check(
    conn: &Connection,
    linked: &Linked,
    inputs: &[ReadingInput],
    confirm_anomaly: bool,
) -> ApiResult<Vec<(i64, i64)>> {
    let window = linked.summary.readings_window;
    if !window.open {
        return Err(Problem::new(
            StatusCode::CONFLICT,
            "readings_window_closed",
            format!(
                "Показания по этому лицевому счету принимаются с {} по {} число месяца.",
                window.from_day, window.to_day
            ),
        ));
    }
    let meters: Vec<MeterState> = conn
        .prepare("SELECT id, last_value, average_monthly, unit FROM meters WHERE account_id = ?1")?
        .query_map([linked.account_id], |r| {
            Ok(MeterState {
                id: r.get(0)?,
                last: r.get(1)?,
                average: r.get(2)?,
                unit: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut fields = BTreeMap::new();
    if inputs.is_empty() {
        fields.insert(
            "readings".to_string(),
            "Введите показания хотя бы одного счетчика.".to_string(),
        );
    }
    if inputs.len() > MAX_READINGS {
        // One error for the whole list, however long.
        fields.insert(
            "readings".to_string(),
            format!("За один раз можно передать не более {MAX_READINGS} показаний."),
        );
        return Err(Problem::validation(fields));
    }
    let mut parsed: Vec<(i64, &MeterState)> = Vec::new();
    let mut seen: Vec<i64> = Vec::new();
    let mut repeated = false;
    for (i, input) in inputs.iter().enumerate() {
        let meter = input
            .meter_id
            .as_ref()
            .and_then(|id| match id {
                serde_json::Value::String(s) => s.trim().parse().ok(),
                number => whole_number(number),
            })
            .and_then(|id| meters.iter().find(|m| m.id == id));
        let Some(meter) = meter else {
            fields.insert(
                format!("readings[{i}].meter_id"),
                "Счетчик не найден на этом лицевом счете.".to_string(),
            );
            continue;
        };
        if seen.contains(&meter.id) {
            // Only the first repetition is named: one error, not one per copy.
            if !repeated {
                fields.insert(
                    format!("readings[{i}].meter_id"),
                    "Показания этого счетчика указаны дважды.".to_string(),
                );
                repeated = true;
            }
            continue;
        }
        seen.push(meter.id);
        // A string as the contract says, or a whole number (`12400`,
        // `12400.0`); a number with decimals could not be told from its
        // binary rounding, so it is refused.
        let text = match &input.value {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(number @ serde_json::Value::Number(_)) => {
                whole_number(number).map_or_else(|| "?".to_string(), |n| n.to_string())
            }
            _ => String::new(),
        };
        match parse_value(&text) {
            Some(value) => parsed.push((value, meter)),
            None if text.trim().is_empty() => {
                fields.insert(
                    format!("readings[{i}].value"),
                    "Введите показания счетчика.".to_string(),
                );
            }
            None => {
                fields.insert(
                    format!("readings[{i}].value"),
                    "Показания вводятся числом, не более 3 знаков после запятой.".to_string(),
                );
            }
        }
    }
    if !fields.is_empty() {
        return Err(Problem::validation(fields));
    }
    let mut below = BTreeMap::new();
    let mut anomalies = BTreeMap::new();
    for (i, &(value, meter)) in parsed.iter().enumerate() {
        let Some(last) = meter.last else { continue };
        let field = format!("readings[{i}].value");
        if value < last {
            below.insert(
                field,
                format!(
                    "Показания не могут быть меньше предыдущих: {}.",
                    russian(last, &meter.unit)
                ),
            );
        } else if value - last > anomaly_threshold(meter.average) {
            anomalies.insert(
                field,
                format!(
                    "Расход {} намного больше обычного (около {} в месяц). Проверьте показания.",
                    russian(value - last, &meter.unit),
                    russian(meter.average, &meter.unit)
                ),
            );
        }
    }
    if !below.is_empty() {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "reading_below_previous",
            "Показания не могут быть меньше предыдущих.",
        )
        .with_fields(below));
    }
    if !anomalies.is_empty() && !confirm_anomaly {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "reading_anomaly",
            "Показания намного больше обычного. Проверьте их и подтвердите отправку.",
        )
        .with_fields(anomalies));
    }
    Ok(parsed
        .into_iter()
        .map(|(value, meter)| (meter.id, value))
        .collect())
}

/// Records readings as the meters' last ones (never lowering a meter).
pub fn record(
    conn: &Connection,
    user_id: i64,
    payment_id: Option<&str>,
    readings: &[(i64, i64)],
    now: OffsetDateTime,
) -> rusqlite::Result<Vec<Reading>> {
    let date = iso_date(now.date());
    let mut recorded = Vec::new();
    for &(meter_id, value) in readings {
        let changed = conn.execute(
            "UPDATE meters SET last_value = ?1, last_date = ?2
             WHERE id = ?3 AND (last_value IS NULL OR last_value <= ?1)",
            params![value, date, meter_id],
        )?;
        if changed == 1 {
            conn.execute(
                "INSERT INTO readings (meter_id, user_id, payment_id, value, date, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    meter_id,
                    user_id,
                    payment_id,
                    value,
                    date,
                    now.unix_timestamp()
                ],
            )?;
            recorded.push(Reading {
                meter_id: meter_id.to_string(),
                value: format_value(value),
                date: date.clone(),
            });
        }
    }
    Ok(recorded)
}

#[derive(Deserialize)]
pub struct Submission {
    #[serde(default)]
    readings: Vec<ReadingInput>,
    #[serde(default)]
    confirm_anomaly: bool,
}

/// `POST /api/v1/accounts/{id}/readings`.
pub async fn submit(
    State(state): State<AppState>,
    ConfirmedUser(user): ConfirmedUser,
    Path(id): Path<String>,
    Body(submission): Body<Submission>,
) -> ApiResult<(StatusCode, Json<Vec<Reading>>)> {
    let conn = state.db();
    let linked = find_linked(&conn, &state, user.id, &id)?;
    let readings = check(
        &conn,
        &linked,
        &submission.readings,
        submission.confirm_anomaly,
    )?;
    let recorded = record(&conn, user.id, None, &readings, state.clock().now())?;
    Ok((StatusCode::CREATED, Json(recorded)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_with_a_point_or_a_comma() {
        assert_eq!(parse_value("12345.678"), Some(12_345_678));
        assert_eq!(parse_value("12345,6"), Some(12_345_600));
        assert_eq!(parse_value(" 7 "), Some(7000));
        assert_eq!(parse_value("0.001"), Some(1));
        for bad in [
            "",
            "-1",
            "1.2345",
            "1,",
            ".5",
            "1e3",
            "12 345",
            "abc",
            "1.2.3",
            "1234567890",
        ] {
            assert_eq!(parse_value(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn values_format_with_three_decimals() {
        assert_eq!(format_value(12_345_678), "12345.678");
        assert_eq!(format_value(7000), "7.000");
        assert_eq!(format_value(1), "0.001");
        for v in [0, 1, 999, 1000, 12_345_678] {
            assert_eq!(parse_value(&format_value(v)), Some(v));
        }
    }
}
