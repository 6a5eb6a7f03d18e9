//! What `/session` answers.

use serde::Deserialize;

/// The signed-in subscriber.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct User {
    pub email: String,
    pub email_masked: String,
    pub confirmed: bool,
    /// `YYYY-MM-DD`: until when an unconfirmed cabinet waits for confirmation.
    pub confirm_until: Option<String>,
}
