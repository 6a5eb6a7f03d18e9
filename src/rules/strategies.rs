//! What the property tests of the rules (`<rule>/properties.rs`) feed them
//! and read their output with: the whole `i64`, `u64` and `usize` ranges are
//! taken by each test itself; here are arbitrary strings (`".*"`,
//! `any::<String>()`) and strings of the characters the rules care about, so
//! that the tests fail when a rule goes wrong, not only when it panics.

use proptest::prelude::*;

pub(super) const NBSP: char = '\u{a0}';

/// Any text: proptest's `.*`, `any::<String>()`, and short strings of the
/// characters that the rules look at.
pub(super) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        any::<String>(),
        "[ \t\n0-9,.+\\-/:@?#%\\\\a-zA-Zа-я₽\u{a0}]{0,24}",
    ]
}

/// Not empty, ASCII digits only.
pub(super) fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `[-]whole<point>fraction` → the number in units of the fraction, as
/// `i128` so that `i64::MIN` reads back as well. `None` when the shape is off:
/// no leading zeros, no `-0`.
pub(super) fn read_signed(
    s: &str,
    point: char,
    fraction_len: std::ops::RangeInclusive<usize>,
) -> Option<i128> {
    let (negative, body) = s.strip_prefix('-').map_or((false, s), |b| (true, b));
    let (whole, fraction) = match body.split_once(point) {
        Some((whole, fraction)) if digits(fraction) => (whole, fraction),
        Some(_) => return None,
        None => (body, ""),
    };
    let scale = 10_i128.pow(*fraction_len.end() as u32);
    let leading_zero = whole.len() > 1 && whole.starts_with('0');
    if !digits(whole) || leading_zero || !fraction_len.contains(&fraction.len()) {
        return None;
    }
    let padded = format!("{fraction:0<width$}", width = *fraction_len.end());
    let value = whole.parse::<i128>().ok()? * scale + padded.parse::<i128>().ok()?;
    (!negative || value != 0).then_some(if negative { -value } else { value })
}

/// Paths made of what may fool a path check: dot segments, escapes,
/// backslashes, tabs, schemes, hosts.
pub(super) fn tricky_path() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("/"),
        Just("//"),
        Just("."),
        Just(".."),
        Just("%2E"),
        Just("%2e"),
        Just("%2F"),
        Just("\\"),
        Just("\t"),
        Just("\n"),
        Just(":"),
        Just("@"),
        Just("?"),
        Just("#"),
        Just("https:"),
        Just("javascript:"),
        Just("evil.example"),
        Just("accounts"),
        Just("settings"),
        Just("login"),
        Just("7"),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}
