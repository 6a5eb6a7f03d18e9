//! Spaces that must not break a line: «№ 3600000001» and «1 234,56 ₽» stay
//! whole on a narrow phone, where a lone «№» or «₽» at a line's end or start
//! reads as a mistake.

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
    fn the_number_sign_keeps_to_its_number() {
        assert_eq!(numbered("3600000001"), "№\u{a0}3600000001");
        assert_eq!(numbered("СГ-100001"), "№\u{a0}СГ-100001");
        assert!(!numbered("1").contains(' '));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
