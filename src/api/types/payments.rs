//! What `/accounts/{id}/payments` and `/payments/{id}` answer.

use serde::Deserialize;

/// A payment made from the cabinet.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Payment {
    /// The API's key: long and unguessable, never shown.
    pub id: String,
    /// The number a subscriber reads aloud or quotes («2026-000123»).
    pub number: String,
    pub account_id: String,
    pub amount_kop: i64,
    pub status: PaymentStatus,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The payment page of the gateway, while the payment is pending.
    pub confirmation_url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Pending,
    Succeeded,
    Canceled,
}
