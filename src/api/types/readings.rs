//! A meter's reading, as `/accounts/{id}/readings` and an account's meters
//! give it.

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Reading {
    /// A decimal with up to 3 decimals, as a string: "12345.678".
    pub value: String,
    pub date: String,
}
