//! Property tests of the typography rules. No input may panic and what comes
//! out must have the promised shape or read back to what went in (see
//! `rules/strategies.rs` for the inputs tried).

use proptest::prelude::*;

use super::{address, numbered};
use crate::rules::strategies::{NBSP, text};

proptest! {
    #[test]
    fn the_number_sign_is_never_left_alone(number in text()) {
        prop_assert_eq!(numbered(&number), format!("№{NBSP}{number}"));
    }

    #[test]
    fn an_address_changes_only_spaces_into_no_break_spaces(text in text()) {
        let typeset = address(&text);
        prop_assert_eq!(typeset.chars().count(), text.chars().count());
        prop_assert_eq!(typeset.replace(NBSP, " "), text.replace(NBSP, " "));
    }
}
