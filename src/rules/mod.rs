//! Pure rules: validation of what a subscriber types and formatting of what
//! the API sends. No Leptos, no web-sys: `cargo test` runs them natively.
//!
//! A rule returns `Err` with the Russian message to show in the field and in
//! the error summary.

pub mod account_number;
pub mod date;
pub mod email;
pub mod money;
pub mod password;
pub mod payment_page;
pub mod reading;
pub mod return_path;

/// A field rule: `Err` carries the user-facing message.
pub type Rule = fn(&str) -> Result<(), &'static str>;
