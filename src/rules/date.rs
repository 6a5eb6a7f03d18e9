//! Dates as the subscriber reads them.

/// `2015-07-02` (the API's form) → `02.07.2015`. Anything else is shown as it
/// came, so a format change in the API degrades to a readable string.
pub fn format_date(iso: &str) -> String {
    match *iso.as_bytes() {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, ..]
            if [y0, y1, y2, y3, m0, m1, d0, d1]
                .iter()
                .all(u8::is_ascii_digit) =>
        {
            [d0, d1, b'.', m0, m1, b'.', y0, y1, y2, y3]
                .iter()
                .map(|&b| char::from(b))
                .collect()
        }
        _ => iso.to_owned(),
    }
}

/// `2026-11-30T21:05:00Z` (UTC, the API's form) → `01.12.2026, 00:05` in the
/// subscriber's time zone, `offset_minutes` behind UTC as JavaScript's
/// `Date.getTimezoneOffset()` gives it (−180 in Moscow). Without a time of
/// day, or with one out of range, the date alone as [`format_date`] reads it.
pub fn format_date_time(iso: &str, offset_minutes: i64) -> String {
    let number = |from: usize, len: usize| -> Option<i64> {
        let part = iso.as_bytes().get(from..from + len)?;
        part.iter().try_fold(0, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
        })
    };
    let fields = (|| {
        let separators = iso.get(4..5)? == "-" && iso.get(7..8)? == "-" && iso.get(13..14)? == ":";
        let t = matches!(iso.as_bytes().get(10), Some(b'T' | b't' | b' '));
        let (y, m, d) = (number(0, 4)?, number(5, 2)?, number(8, 2)?);
        let (h, min) = (number(11, 2)?, number(14, 2)?);
        let valid = (1..=12).contains(&m) && (1..=31).contains(&d) && h < 24 && min < 60;
        (separators && t && valid).then_some((y, m, d, h, min))
    })();
    let Some((y, m, d, h, min)) = fields else {
        return format_date(iso);
    };
    // No zone is more than 14 hours from UTC; anything beyond is not one.
    let offset = offset_minutes.clamp(-14 * 60, 14 * 60);
    let minutes = (days_from_civil(y, m, d) * 24 + h) * 60 + min - offset;
    let (y, m, d) = civil_from_days(minutes.div_euclid(24 * 60));
    let time = minutes.rem_euclid(24 * 60);
    if !(0..=9999).contains(&y) {
        return format_date(iso);
    }
    let mut out = String::with_capacity(17);
    for (n, width, after) in [
        (d, 2, "."),
        (m, 2, "."),
        (y, 4, ", "),
        (time / 60, 2, ":"),
        (time % 60, 2, ""),
    ] {
        for place in (0..width).rev() {
            out.push(char::from(b'0' + (n / 10_i64.pow(place) % 10) as u8));
        }
        out.push_str(after);
    }
    out
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar
/// (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01: (year, month, day).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_time_in_the_subscribers_zone() {
        let at = "2026-11-30T21:05:42Z";
        assert_eq!(format_date_time(at, 0), "30.11.2026, 21:05");
        // Moscow, UTC+3: past midnight, the next day and month.
        assert_eq!(format_date_time(at, -180), "01.12.2026, 00:05");
        // Kaliningrad, UTC+2; and a zone west of UTC.
        assert_eq!(format_date_time(at, -120), "30.11.2026, 23:05");
        assert_eq!(
            format_date_time("2027-01-01T02:00:00Z", 300),
            "31.12.2026, 21:00"
        );
        // Leap years: the 29th of February exists in 2028, not in 2100.
        assert_eq!(
            format_date_time("2028-02-28T23:30:00Z", -60),
            "29.02.2028, 00:30"
        );
        assert_eq!(
            format_date_time("2100-02-28T23:30:00Z", -60),
            "01.03.2100, 00:30"
        );
        assert_eq!(
            format_date_time("2026-11-30 08:07:00+00:00", -180),
            "30.11.2026, 11:07"
        );
    }

    #[test]
    fn without_a_usable_time_the_date_alone() {
        assert_eq!(format_date_time("2026-11-30", -180), "30.11.2026");
        assert_eq!(format_date_time("2026-11-30T25:00:00Z", -180), "30.11.2026");
        assert_eq!(format_date_time("2026-13-30T10:00:00Z", 0), "30.13.2026");
        assert_eq!(format_date_time("завтра", 0), "завтра");
        assert_eq!(format_date_time("0000-01-01T00:00:00Z", 60), "01.01.0000");
        assert_eq!(format_date_time("", 0), "");
    }

    #[test]
    fn days_count_from_1970() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for days in [-800_000, -1, 0, 59, 365, 11_016, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn iso_date_becomes_dd_mm_yyyy() {
        assert_eq!(format_date("2015-07-02"), "02.07.2015");
        assert_eq!(format_date("2026-11-28T21:00:00Z"), "28.11.2026");
    }

    #[test]
    fn unknown_shapes_pass_through() {
        assert_eq!(format_date("завтра"), "завтра");
        assert_eq!(format_date("2015-7-2"), "2015-7-2");
        assert_eq!(format_date(""), "");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
