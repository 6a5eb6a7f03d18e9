//! Meter readings: values are decimals with up to three decimals, kept as
//! integer thousandths of a unit.

/// "12345.678", "12345,6" or "12345" → thousandths; `None` for anything else
/// (signs, more than three decimals, letters, absurd sizes).
pub fn parse_value(text: &str) -> Option<i64> {
    let text = text.trim();
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 9
        || fraction.len() > 3
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    if text.contains(['.', ',']) && fraction.is_empty() {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<3}").parse().ok()?;
    Some(whole * 1000 + fraction)
}

/// Thousandths → "12345.678".
pub fn format_value(thousandths: i64) -> String {
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_with_a_point_or_a_comma() {
        assert_eq!(parse_value("12345.678"), Some(12_345_678));
        assert_eq!(parse_value("12345,6"), Some(12_345_600));
        assert_eq!(parse_value(" 7 "), Some(7000));
        assert_eq!(parse_value("0.001"), Some(1));
        for bad in [
            "",
            "-1",
            "1.2345",
            "1,",
            ".5",
            "1e3",
            "12 345",
            "abc",
            "1.2.3",
            "1234567890",
        ] {
            assert_eq!(parse_value(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn values_format_with_three_decimals() {
        assert_eq!(format_value(12_345_678), "12345.678");
        assert_eq!(format_value(7000), "7.000");
        assert_eq!(format_value(1), "0.001");
        for v in [0, 1, 999, 1000, 12_345_678] {
            assert_eq!(parse_value(&format_value(v)), Some(v));
        }
    }
}
