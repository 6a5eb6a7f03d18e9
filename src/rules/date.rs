//! Dates as the subscriber reads them.

/// `2015-07-02` (the API's form) → `02.07.2015`. Anything else is shown as it
/// came, so a format change in the API degrades to a readable string.
pub fn format_date(iso: &str) -> String {
    let date = iso.get(..10).unwrap_or(iso);
    let mut parts = date.split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None)
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && date.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
        {
            format!("{d}.{m}.{y}")
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
