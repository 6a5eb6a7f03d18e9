//! Property tests of the password rules. No input may panic and what comes out
//! must have the promised shape or read back to what went in (see
//! `rules/strategies.rs` for the inputs tried).

use proptest::prelude::*;

use super::{MAX_LEN, MIN_LEN, password, repeated};
use crate::rules::strategies::text;

proptest! {
    #[test]
    fn passwords_are_5_to_10_latin_letters_and_digits(input in prop_oneof![text(), "[a-zA-Z0-9]{0,12}"]) {
        let shape = (MIN_LEN..=MAX_LEN).contains(&input.chars().count())
            && input.chars().all(|c| c.is_ascii_alphanumeric());
        prop_assert_eq!(password(&input).is_ok(), shape, "{:?}", input);
    }

    #[test]
    fn the_repeat_must_equal_the_password(first in text(), second in text(), same in any::<bool>()) {
        let second = if same { first.clone() } else { second };
        let verdict = repeated(&first, &second);
        prop_assert_eq!(verdict.is_ok(), !second.is_empty() && first == second);
    }
}
