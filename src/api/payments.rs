//! Meter readings and payments.

use serde::Serialize;

use super::types::{Payment, Reading};
use super::{ApiError, get, post, post_once};

/// One meter's new reading; `value` in the API's form (`12345.678`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewReading {
    pub meter_id: String,
    pub value: String,
}

#[derive(Serialize)]
struct Readings<'a> {
    readings: &'a [NewReading],
    confirm_anomaly: bool,
}

fn account_path(account_id: &str, tail: &str) -> String {
    format!(
        "/accounts/{}/{tail}",
        js_sys::encode_uri_component(account_id)
    )
}

/// Sends readings. `confirm_anomaly`: the subscriber checked an unusually large one.
pub async fn send_readings(
    account_id: String,
    readings: Vec<NewReading>,
    confirm_anomaly: bool,
) -> Result<Vec<Reading>, ApiError> {
    post(
        &account_path(&account_id, "readings"),
        &Readings {
            readings: &readings,
            confirm_anomaly,
        },
    )
    .await
}

/// What a payment asks for; the same intent always goes with the same key.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PaymentIntent {
    pub amount_kop: i64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<NewReading>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub confirm_anomaly: bool,
    /// Where the gateway sends the subscriber back; `{id}` becomes the payment's id.
    pub return_url: String,
}

/// Starts a payment. A retry with the same `idempotency_key` (a double click,
/// a retry after a network failure) gets the same payment, never a second one.
pub async fn pay(
    account_id: String,
    intent: PaymentIntent,
    idempotency_key: String,
) -> Result<Payment, ApiError> {
    post_once(
        &account_path(&account_id, "payments"),
        &intent,
        &idempotency_key,
    )
    .await
}

pub async fn payment(id: String) -> Result<Payment, ApiError> {
    get(&format!("/payments/{}", js_sys::encode_uri_component(&id))).await
}

/// The payments made from this cabinet for an account, newest first.
pub async fn history(account_id: String) -> Result<Vec<Payment>, ApiError> {
    get(&account_path(&account_id, "payments")).await
}
