//! Property tests of the e-mail rule. No input may panic and what comes out
//! must have the promised shape or read back to what went in (see
//! `rules/strategies.rs` for the inputs tried).

use proptest::prelude::*;

use super::email;
use crate::rules::strategies::text;

proptest! {
    #[test]
    fn usual_addresses_are_taken(
        address in "[a-zA-Z0-9._%+-]{1,16}@[a-z0-9-]{1,10}(\\.[a-z0-9-]{1,10}){1,3}",
        pad in "[ \t]{0,2}",
    ) {
        prop_assert_eq!(email(&format!("{pad}{address}{pad}")), Ok(()));
    }

    #[test]
    fn any_address_email_takes_has_one_at_and_a_dotted_domain(input in text()) {
        if email(&input).is_ok() {
            let value = input.trim();
            let (user, domain) = value.split_once('@').expect("an @");
            prop_assert!(!user.is_empty() && !domain.contains('@') && !value.contains(char::is_whitespace));
            prop_assert!(domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty()), "{:?}", input);
        } else if !input.contains('@') && !input.trim().is_empty() {
            prop_assert_eq!(email(&input), Err("Введите e-mail в формате name@example.ru."));
        }
    }
}
