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
