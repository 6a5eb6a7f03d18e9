//! Pure rules: validation of what a subscriber types and formatting of what
//! the API sends. No Leptos, no DOM: `cargo test` runs them natively. (One
//! exception, `return_path::safe_next`, asks the browser's URL API to read a
//! path before the pure rule judges it.) None of them panics, whatever the
//! input: the property tests beside each rule (`money/properties.rs`, …) try
//! the whole range.
//!
//! A rule returns `Err` with the Russian message to show in the field and in
//! the error summary.

pub mod account_number;
pub mod date;
pub mod email;
pub mod link_proof;
pub mod money;
pub mod password;
pub mod payment_page;
pub mod reading;
pub mod return_path;
pub mod typography;
pub mod wait;

/// A field rule: `Err` carries the user-facing message.
pub type Rule = fn(&str) -> Result<(), &'static str>;

/// `-5` → (`"-"`, `5`), for formatters: every `i64` has an absolute value
/// as `u64`, `i64::MIN` included, where `-n` would overflow.
fn split_sign(n: i64) -> (&'static str, u64) {
    (if n < 0 { "-" } else { "" }, n.unsigned_abs())
}

/// Why a typed decimal was not read (see [`decimal`]).
enum Decimal {
    NotANumber,
    TooManyPlaces,
    TooBig,
}

/// `12345,678` / `12345.678` / `12345` / `,5` → the number in units of its
/// last place (`places` of them after the comma or point), if it has digits
/// only, at most `places` after the separator and at most `max_whole`
/// significant ones before it (so that it fits an `i64` for any input).
fn decimal(value: &str, places: usize, max_whole: usize) -> Result<i64, Decimal> {
    let (whole, fraction) = match value.bytes().position(|b| b == b',' || b == b'.') {
        Some(at) => (&value[..at], &value[at + 1..]),
        None => (value, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(Decimal::NotANumber);
    }
    if fraction.len() > places {
        return Err(Decimal::TooManyPlaces);
    }
    if whole.trim_start_matches('0').len() > max_whole {
        return Err(Decimal::TooBig);
    }
    let mut n: i64 = 0;
    for digit in whole.bytes() {
        n = n * 10 + i64::from(digit - b'0');
    }
    for place in 0..places {
        let digit = fraction.as_bytes().get(place).map_or(0, |d| d - b'0');
        n = n * 10 + i64::from(digit);
    }
    Ok(n)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod strategies;
