//! The shapes of the contract (`reference-api/openapi.yaml`) that the app
//! reads. Only the fields a screen uses: serde skips the rest, so the API can
//! grow without breaking the app.

use serde::Deserialize;

/// The signed-in subscriber.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct User {
    pub email: String,
    pub email_masked: String,
    pub confirmed: bool,
    /// `YYYY-MM-DD`: until when an unconfirmed cabinet waits for confirmation.
    pub confirm_until: Option<String>,
}

/// A proof-of-work challenge (ALTCHA v1).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Challenge {
    pub algorithm: String,
    pub challenge: String,
    pub salt: String,
    pub signature: String,
    pub maxnumber: u64,
}

/// The answer to a registration.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Registration {
    pub email: String,
    pub confirm_until: String,
}

/// The answer to a confirmation.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Confirmed {
    pub email: String,
}

/// The answer to «Выслать ссылку».
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Resent {
    pub confirm_until: String,
}

/// A supplier and the rule of its account numbers.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Supplier {
    pub id: String,
    pub name: String,
    pub account_rule: AccountRule,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AccountRule {
    pub max_digits: usize,
    /// Where the number is on this supplier's receipt, for the «?» hint.
    pub hint: String,
    pub example: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SupplierRef {
    pub id: String,
    pub name: String,
}

/// An account linked to the cabinet (`AccountSummary`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AccountSummary {
    pub id: String,
    pub supplier: SupplierRef,
    pub number: String,
    pub address: String,
    /// > 0 a debt, < 0 an overpayment.
    pub balance_kop: i64,
    pub readings_window: ReadingsWindow,
}

/// The days of the month when the supplier takes readings.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ReadingsWindow {
    pub open: bool,
    pub from_day: u8,
    pub to_day: u8,
}

/// One account in full (`Account`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Account {
    #[serde(flatten)]
    pub summary: AccountSummary,
    pub holder_masked: String,
    #[serde(default)]
    pub tariffs: Vec<Tariff>,
    #[serde(default)]
    pub meters: Vec<Meter>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Tariff {
    pub service: String,
    pub name: String,
    pub price_kop: i64,
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Meter {
    pub id: String,
    pub serial: String,
    pub service: String,
    pub unit: String,
    pub last_reading: Option<Reading>,
    pub verification_due: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Reading {
    /// A decimal with up to 3 decimals, as a string: "12345.678".
    pub value: String,
    pub date: String,
}

/// A payment made from the cabinet.
#[derive(Clone, Debug, PartialEq, Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Pending,
    Succeeded,
    Canceled,
}
