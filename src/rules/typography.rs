//! Spaces that must not break a line: «№ 3600000001» and «1 234,56 ₽» stay
//! whole on a narrow phone, where a lone «№» or «₽» at a line's end or start
//! reads as a mistake.

/// A no-break space (U+00A0).
pub const NBSP: char = '\u{a0}';

/// `3600000001` → `№ 3600000001`, with a no-break space after the sign.
pub fn numbered(number: &str) -> String {
    "№\u{a0}".to_owned() + number
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_sign_keeps_to_its_number() {
        assert_eq!(numbered("3600000001"), "№\u{a0}3600000001");
        assert_eq!(numbered("СГ-100001"), "№\u{a0}СГ-100001");
        assert!(!numbered("1").contains(' '));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
