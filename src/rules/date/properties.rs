//! Property tests of the date rules (ISO dates and times in the subscriber's
//! time zone). No input may panic and what comes out must have the promised
//! shape or read back to what went in (see `rules/strategies.rs` for the
//! inputs tried).

use proptest::prelude::*;

use super::{format_date, format_date_time};
use crate::rules::strategies::{digits, text};

fn month_days(y: i64, m: i64) -> i64 {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn next_day(y: i64, m: i64, d: i64) -> (i64, i64, i64) {
    if d < month_days(y, m) {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

proptest! {
    #[test]
    fn iso_dates_read_day_month_year(y in 0..10_000_u32, m in 0..100_u32, d in 0..100_u32, rest in prop_oneof![Just(String::new()), "T.*"]) {
        prop_assert_eq!(format_date(&format!("{y:04}-{m:02}-{d:02}{rest}")), format!("{d:02}.{m:02}.{y:04}"));
    }

    #[test]
    fn other_dates_pass_through(input in text()) {
        let out = format_date(&input);
        if out != input {
            prop_assert!(out.is_ascii() && out.len() == 10, "{:?}", out);
            let (d, m, y) = (&out[..2], &out[3..5], &out[6..]);
            prop_assert!(digits(d) && digits(m) && digits(y) && &out[2..3] == "." && &out[5..6] == ".", "{:?}", out);
            prop_assert!(input.starts_with(&format!("{y}-{m}-{d}")), "{:?} → {:?}", input, out);
        }
    }

    #[test]
    fn date_times_read_day_month_year_and_time(
        y in 0..10_000_i64, m in 1..=12_i64, d in 1..=28_i64, h in 0..24_i64, min in 0..60_i64,
        rest in prop_oneof![Just(String::new()), ":[0-9]{2}(Z|\\.[0-9]{1,3}Z|\\+03:00)?"],
    ) {
        let iso = format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}{rest}");
        prop_assert_eq!(format_date_time(&iso, 0), format!("{d:02}.{m:02}.{y:04}, {h:02}:{min:02}"));
    }

    /// The local time is the UTC one moved by the zone's offset: the same,
    /// the next or the previous day, counted here day by day.
    #[test]
    fn a_time_zone_moves_the_clock_by_its_offset(
        y in 1..9_999_i64, m in 1..=12_i64, d in 1..=31_i64, h in 0..24_i64, min in 0..60_i64,
        offset in -840..=840_i64,
    ) {
        let d = d.min(month_days(y, m));
        let out = format_date_time(&format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:00Z"), offset);
        let field = |range: std::ops::Range<usize>| out[range].parse::<i64>().unwrap();
        let (ld, lm, ly, lh, lmin) = (field(0..2), field(3..5), field(6..10), field(12..14), field(15..17));
        let day_shift = if (ly, lm, ld) == (y, m, d) {
            0
        } else if (ly, lm, ld) == next_day(y, m, d) {
            1
        } else {
            prop_assert_eq!(next_day(ly, lm, ld), (y, m, d), "{}", out);
            -1
        };
        prop_assert_eq!(day_shift * 1440 + (lh * 60 + lmin) - (h * 60 + min), -offset, "{}", out);
    }

    #[test]
    fn any_date_time_text_is_read_or_left_to_the_date(input in text(), offset in any::<i64>()) {
        let out = format_date_time(&input, offset);
        if out != format_date(&input) {
            let b = out.as_bytes();
            prop_assert!(b.len() == 17 && &out[10..12] == ", " && b[14] == b':', "{:?}", out);
        }
    }
}
