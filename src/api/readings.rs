//! `/accounts/{id}/readings`: sending meter readings.

use serde::Serialize;

use super::types::Reading;
use super::{ApiError, account_path, post};

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

/// Sends readings. `confirm_anomaly`: the subscriber checked an unusually large one.
pub async fn send(
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
