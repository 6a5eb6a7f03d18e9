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

#[cfg(test)]
mod tests {
    use super::*;

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
