//! What `/accounts/{id}/payments` and `/payments/{id}` answer.

use serde::Deserialize;

/// A payment made from the cabinet.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Payment {
    pub id: String,
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
