//! Property tests of the meter readings rules (thousandths ⇄ text, the
//! previous reading, the window's days). No input may panic and what comes out
//! must have the promised shape or read back to what went in (see
//! `rules/strategies.rs` for the inputs tried).

use proptest::prelude::*;

use super::{
    format_reading, format_reading_grouped, not_below, parse_reading, reading_days,
    reading_with_unit, to_api,
};
use crate::rules::strategies::{NBSP, read_signed, text};

proptest! {
    #[test]
    fn readings_format_and_read_back_over_the_whole_range(thousandths in any::<i64>()) {
        let shown = format_reading(thousandths);
        prop_assert_eq!(read_signed(&shown, ',', 0..=3), Some(i128::from(thousandths)), "{:?}", shown);
        prop_assert!(!shown.ends_with('0') || !shown.contains(','), "trailing zero: {:?}", shown);
        let api = to_api(thousandths);
        prop_assert_eq!(read_signed(&api, '.', 3..=3), Some(i128::from(thousandths)), "{:?}", api);
    }

    #[test]
    fn readings_of_a_meter_round_trip(thousandths in 0..1_000_000_000_000_000_i64) {
        prop_assert_eq!(parse_reading(&to_api(thousandths)), Ok(thousandths));
        prop_assert_eq!(parse_reading(&format_reading(thousandths)), Ok(thousandths));
        prop_assert_eq!(
            reading_with_unit(&to_api(thousandths), "м³"),
            format!("{}{NBSP}м³", format_reading_grouped(thousandths))
        );
    }

    /// Grouped, a reading is the plain one with no-break spaces between
    /// groups of three digits of its whole part, and nothing else added.
    #[test]
    fn grouped_readings_are_the_plain_ones_in_threes(thousandths in any::<i64>()) {
        let shown = format_reading_grouped(thousandths);
        prop_assert_eq!(shown.replace(NBSP, ""), format_reading(thousandths));
        prop_assert!(!shown.contains(' '), "{:?}", shown);
        let whole = shown.trim_start_matches('-').split(',').next().unwrap_or_default();
        let groups: Vec<&str> = whole.split(NBSP).collect();
        prop_assert!((1..=3).contains(&groups[0].len()), "{:?}", shown);
        prop_assert!(groups[1..].iter().all(|g| g.len() == 3), "{:?}", shown);
    }

    #[test]
    fn whole_readings_are_taken_up_to_twelve_digits(n in any::<i64>()) {
        let parsed = parse_reading(&n.to_string());
        if (0..1_000_000_000_000).contains(&n) {
            prop_assert_eq!(parsed, Ok(n * 1000));
        } else {
            prop_assert!(parsed.is_err());
        }
    }

    #[test]
    fn any_reading_parse_reading_takes_reads_back(input in text()) {
        if let Ok(thousandths) = parse_reading(&input) {
            prop_assert!((0..1_000_000_000_000_000).contains(&thousandths), "{:?}", input);
            prop_assert_eq!(parse_reading(&to_api(thousandths)), Ok(thousandths));
        }
        let shown = reading_with_unit(&input, "м³");
        match parse_reading(&input) {
            Ok(thousandths) => prop_assert_eq!(shown, format!("{}{NBSP}м³", format_reading_grouped(thousandths))),
            Err(_) => prop_assert_eq!(shown, format!("{input}{NBSP}м³")),
        }
    }

    #[test]
    fn a_reading_below_the_previous_is_refused(
        value in any::<i64>(),
        previous in prop_oneof![
            (0..1_000_000_000_000_000_i64).prop_map(|p| Some(to_api(p))),
            text().prop_map(Some),
            Just(None),
        ],
    ) {
        let verdict = not_below(value, previous.as_deref());
        match previous.as_deref().map(parse_reading) {
            Some(Ok(p)) if value < p => prop_assert_eq!(
                verdict,
                Err(format!("Показания не могут быть меньше предыдущих ({}).", format_reading(p)))
            ),
            _ => prop_assert_eq!(verdict, Ok(())),
        }
    }

    #[test]
    fn the_readings_window_names_its_days(from_day in any::<u8>(), to_day in any::<u8>()) {
        let text = reading_days(from_day, to_day);
        if from_day <= 1 && to_day >= 31 {
            prop_assert_eq!(text, "Показания по этому лицевому счету принимаются в любой день месяца.");
        } else {
            prop_assert_eq!(text, format!("Показания по этому лицевому счету принимаются с {from_day} по {to_day} число месяца."));
        }
    }
}
