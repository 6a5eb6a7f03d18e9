//! Spaces that must not break a line: «№ 3600000001» and «1 234,56 ₽» stay
//! whole on a narrow phone, where a lone «№» or «₽» at a line's end or start
//! reads as a mistake; so do «г. Москва», «ул. Ленина», «д. 5» and «кв. 12»
//! in an address.

/// A no-break space (U+00A0).
pub const NBSP: char = '\u{a0}';

/// `3600000001` → `№ 3600000001`, with a no-break space after the sign.
pub fn numbered(number: &str) -> String {
    "№\u{a0}".to_owned() + number
}

/// `12345678` → `12 345 678`: digits in groups of three from the right,
/// split by no-break spaces, as Russian writes large numbers.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::with_capacity(digits.len() * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(NBSP);
        }
        text.push(digit);
    }
    text
}

/// The abbreviations of an address that keep to the word after them, as
/// Russian typesetting does: a city, a street, a house, a flat and the like.
const ADDRESS_ABBREVIATIONS: &[&str] = &[
    "г.",
    "ул.",
    "д.",
    "кв.",
    "корп.",
    "стр.",
    "пер.",
    "пр.",
    "пр-т",
    "обл.",
    "пос.",
    "мкр.",
    "№",
];

/// An address as the API gives it, with a no-break space after each of
/// [`ADDRESS_ABBREVIATIONS`] that starts a word (`г. Тула, ул. Ленина, д. 5,
/// кв. 12`): a phone never ends a line on «д.» and starts the next on «5».
/// Nothing else changes.
pub fn address(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let at_word_start = out
            .chars()
            .next_back()
            .is_none_or(|before| before.is_whitespace() || matches!(before, ',' | '(' | ';'));
        let abbreviation = at_word_start
            .then(|| {
                ADDRESS_ABBREVIATIONS
                    .iter()
                    .find(|a| rest.starts_with(*a) && rest[a.len()..].starts_with(' '))
            })
            .flatten();
        match abbreviation {
            Some(a) => {
                out.push_str(a);
                out.push(NBSP);
                rest = &rest[a.len() + 1..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_numbers_are_grouped_by_threes() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1\u{a0}000");
        assert_eq!(grouped(12_345_678), "12\u{a0}345\u{a0}678");
        assert_eq!(
            grouped(u64::MAX),
            "18\u{a0}446\u{a0}744\u{a0}073\u{a0}709\u{a0}551\u{a0}615"
        );
    }

    #[test]
    fn an_address_keeps_its_abbreviations_to_their_words() {
        assert_eq!(
            address("г. Тула, ул. Ленина, д. 5, кв. 12"),
            "г.\u{a0}Тула, ул.\u{a0}Ленина, д.\u{a0}5, кв.\u{a0}12"
        );
        assert_eq!(
            address("Тульская обл., пос. Ленинский, д. 1 корп. 2"),
            "Тульская обл., пос.\u{a0}Ленинский, д.\u{a0}1 корп.\u{a0}2"
        );
        // Only at a word's start: «Кед. 5» has no «д.» of its own.
        assert_eq!(address("Кед. 5"), "Кед. 5");
        assert_eq!(address("(д. 7)"), "(д.\u{a0}7)");
        assert_eq!(address(""), "");
        assert_eq!(address("Москва"), "Москва");
    }

    #[test]
    fn the_number_sign_keeps_to_its_number() {
        assert_eq!(numbered("3600000001"), "№\u{a0}3600000001");
        assert_eq!(numbered("СГ-100001"), "№\u{a0}СГ-100001");
        assert!(!numbered("1").contains(' '));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
