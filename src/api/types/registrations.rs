//! What `/registrations` and the robot check (`/captcha`) answer.

use serde::Deserialize;

/// A proof-of-work challenge (ALTCHA v1).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Challenge {
    pub algorithm: String,
    pub challenge: String,
    pub salt: String,
    pub signature: String,
    pub maxnumber: u64,
}

/// The answer to a registration.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Registration {
    pub email: String,
    pub confirm_until: String,
}

/// The answer to a confirmation.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Confirmed {
    pub email: String,
}

/// The answer to «Выслать ссылку».
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Resent {
    pub confirm_until: String,
}
