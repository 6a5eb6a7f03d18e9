//! Property tests of the account number rules (digits, spaces from a receipt,
//! the supplier). No input may panic and what comes out must have the promised
//! shape or read back to what went in (see `rules/strategies.rs` for the
//! inputs tried).

use proptest::prelude::*;

use super::{account_number, digits_rule, supplier_chosen, without_spaces};
use crate::rules::strategies::{digits, text};

proptest! {
    #[test]
    fn account_numbers_are_digits_up_to_any_maximum(
        number in "[0-9]{1,30}",
        max_digits in prop_oneof![any::<usize>(), 0..32_usize],
    ) {
        let verdict = account_number(&number, max_digits);
        if number.len() <= max_digits {
            prop_assert_eq!(verdict, Ok(()));
        } else {
            prop_assert_eq!(verdict, Err(digits_rule(max_digits)));
        }
        let named = format!(" {max_digits} ");
        prop_assert!(digits_rule(max_digits).contains(&named), "{}", named);
    }

    #[test]
    fn any_number_account_number_takes_is_digits(input in text(), max_digits in any::<usize>()) {
        if account_number(&input, max_digits).is_ok() {
            prop_assert!(digits(input.trim()) && input.trim().len() <= max_digits, "{:?}", input);
        }
    }

    #[test]
    fn spaces_copied_from_a_receipt_are_taken_out(number in "[0-9]{1,12}", cuts in prop::collection::vec((0..12_usize, "[ \t\u{a0}]{1,2}"), 0..4), input in text()) {
        // From the last cut to the first, so that each position is still a
        // position in the plain number.
        let mut cuts = cuts;
        cuts.sort_by_key(|cut| std::cmp::Reverse(cut.0));
        let mut spaced = number.clone();
        for (at, space) in &cuts {
            spaced.insert_str((*at).min(number.len()), space);
        }
        let expected = (spaced != number).then(|| number.clone());
        prop_assert_eq!(without_spaces(&spaced), expected);
        match without_spaces(&input) {
            Some(plain) => prop_assert_eq!(plain, input.chars().filter(|c| !c.is_whitespace()).collect::<String>()),
            None => prop_assert!(!input.contains(char::is_whitespace)),
        }
    }

    #[test]
    fn a_supplier_is_chosen_when_an_id_is_given(id in text()) {
        prop_assert_eq!(supplier_chosen(&id).is_ok(), !id.is_empty());
    }
}
