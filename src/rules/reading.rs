//! Meter readings: decimals with up to three places, typed with a comma or a
//! point, never below the previous reading. Kept as integer thousandths.

use super::typography::{NBSP, grouped};
use super::{Decimal, decimal, split_sign};

/// `12345,678` / `12345.678` / `12345` → thousandths (`12345678`).
pub fn parse_reading(input: &str) -> Result<i64, &'static str> {
    let value = input.trim();
    if value.is_empty() {
        return Err("Введите показания счетчика.");
    }
    // A reading starts with its whole part: `,5` is not one.
    if value.starts_with([',', '.']) {
        return Err("Введите показания числом, например 12345,678.");
    }
    decimal(value, 3, 12).map_err(|why| match why {
        Decimal::NotANumber => "Введите показания числом, например 12345,678.",
        Decimal::TooManyPlaces => "После запятой — не больше трёх цифр.",
        Decimal::TooBig => "Слишком большое число. Проверьте показания.",
    })
}

/// The new reading against the meter's last one (as the API sends it, `"12345.678"`).
pub fn not_below(value: i64, previous: Option<&str>) -> Result<(), String> {
    match previous.and_then(|p| parse_reading(p).ok()) {
        Some(previous) if value < previous => Err(format!(
            "Показания не могут быть меньше предыдущих ({}).",
            format_reading(previous)
        )),
        _ => Ok(()),
    }
}

/// Thousandths → `12345,678` (trailing zeros of the fraction dropped: `12345,5`).
pub fn format_reading(thousandths: i64) -> String {
    let (sign, abs) = split_sign(thousandths);
    let (whole, fraction) = (abs / 1000, abs % 1000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:03}");
    format!("{sign}{whole},{}", fraction.trim_end_matches('0'))
}

/// Thousandths → `12 345,678` for the eye: the whole part in groups of three
/// split by no-break spaces, as money is shown (`12 345,67 ₽`); the fraction
/// as in [`format_reading`].
pub fn format_reading_grouped(thousandths: i64) -> String {
    let (sign, abs) = split_sign(thousandths);
    let (whole, fraction) = (abs / 1000, abs % 1000);
    let whole = grouped(whole);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:03}");
    format!("{sign}{whole},{}", fraction.trim_end_matches('0'))
}

/// A reading from the API with its unit, as a subscriber reads it:
/// `"12345.678"`, `м³` → `12 345,678 м³` (no-break spaces, so that the
/// number and its unit never part at a line's end). A value that is not a
/// reading is shown as it came.
pub fn reading_with_unit(api_value: &str, unit: &str) -> String {
    let value = parse_reading(api_value)
        .map(format_reading_grouped)
        .unwrap_or_else(|_| api_value.to_owned());
    if unit.is_empty() {
        value
    } else {
        format!("{value}{NBSP}{unit}")
    }
}

/// The API's form of a reading: `12345.678`.
pub fn to_api(thousandths: i64) -> String {
    let (sign, abs) = split_sign(thousandths);
    format!("{sign}{}.{:03}", abs / 1000, abs % 1000)
}

/// When the supplier takes readings, as the readings page says it whether
/// or not the window is open today.
pub fn reading_days(from_day: u8, to_day: u8) -> String {
    if from_day <= 1 && to_day >= 31 {
        "Показания по этому лицевому счету принимаются в любой день месяца.".to_owned()
    } else {
        format!(
            "Показания по этому лицевому счету принимаются с {from_day} по {to_day} число месяца."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_days_name_the_window() {
        assert_eq!(
            reading_days(15, 25),
            "Показания по этому лицевому счету принимаются с 15 по 25 число месяца."
        );
        assert_eq!(
            reading_days(1, 31),
            "Показания по этому лицевому счету принимаются в любой день месяца."
        );
    }

    #[test]
    fn decimals_with_comma_or_point() {
        assert_eq!(parse_reading("12345,678"), Ok(12_345_678));
        assert_eq!(parse_reading("12345.678"), Ok(12_345_678));
        assert_eq!(parse_reading(" 12400 "), Ok(12_400_000));
        assert_eq!(parse_reading("12400,5"), Ok(12_400_500));
        assert_eq!(parse_reading("0"), Ok(0));
    }

    #[test]
    fn bad_readings_are_explained() {
        assert_eq!(parse_reading(""), Err("Введите показания счетчика."));
        for bad in ["abc", "12,3,4", "-5", ",5", "1e3", "12 400"] {
            assert_eq!(
                parse_reading(bad),
                Err("Введите показания числом, например 12345,678."),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_reading("1,2345"),
            Err("После запятой — не больше трёх цифр.")
        );
        assert_eq!(
            parse_reading("9999999999999"),
            Err("Слишком большое число. Проверьте показания.")
        );
    }

    #[test]
    fn never_below_the_previous() {
        assert_eq!(not_below(12_345_678, Some("12345.678")), Ok(()));
        assert_eq!(not_below(12_400_000, Some("12345.678")), Ok(()));
        assert_eq!(
            not_below(12_345_000, Some("12345.678")),
            Err("Показания не могут быть меньше предыдущих (12345,678).".into())
        );
        assert_eq!(not_below(1, None), Ok(()));
    }

    #[test]
    fn formats_for_the_eye_and_for_the_api() {
        assert_eq!(format_reading(12_345_678), "12345,678");
        assert_eq!(format_reading(12_400_500), "12400,5");
        assert_eq!(format_reading(12_400_000), "12400");
        assert_eq!(to_api(12_400_500), "12400.500");
        assert_eq!(format_reading(-1_500), "-1,5");
        assert_eq!(to_api(i64::MIN), "-9223372036854775.808");
    }

    fn plain(s: String) -> String {
        s.replace(NBSP, " ")
    }

    #[test]
    fn readings_are_grouped_by_thousands_like_money() {
        assert_eq!(plain(format_reading_grouped(12_345_678)), "12 345,678");
        assert_eq!(plain(format_reading_grouped(845_200)), "845,2");
        assert_eq!(plain(format_reading_grouped(1_000_000)), "1 000");
        assert_eq!(
            plain(format_reading_grouped(123_456_789_000)),
            "123 456 789"
        );
        assert_eq!(plain(format_reading_grouped(0)), "0");
        assert_eq!(plain(format_reading_grouped(-1_234_500)), "-1 234,5");
        assert_eq!(
            plain(format_reading_grouped(i64::MIN)),
            "-9 223 372 036 854 775,808"
        );
    }

    #[test]
    fn a_reading_keeps_to_its_unit() {
        assert_eq!(
            reading_with_unit("12345.678", "м³"),
            "12\u{a0}345,678\u{a0}м³"
        );
        assert_eq!(reading_with_unit("845.200", "м³"), "845,2\u{a0}м³");
        assert_eq!(reading_with_unit("12345.678", ""), "12\u{a0}345,678");
        assert_eq!(reading_with_unit("n/a", "м³"), "n/a\u{a0}м³");
        assert!(!reading_with_unit("1234567.5", "м³").contains(' '));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
