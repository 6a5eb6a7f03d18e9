//! Pure rules: validation of what a subscriber types and formatting of what
//! the API sends. No Leptos, no DOM: `cargo test` runs them natively. (One
//! exception, `return_path::safe_next`, asks the browser's URL API to read a
//! path before the pure rule judges it.) None of them panics, whatever the
//! input: the property tests in `properties.rs` try the whole range.
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

/// `-5` → (`"-"`, `5`), for formatters: every `i64` has an absolute value
/// as `u64`, `i64::MIN` included, where `-n` would overflow.
fn split_sign(n: i64) -> (&'static str, u64) {
    (if n < 0 { "-" } else { "" }, n.unsigned_abs())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
