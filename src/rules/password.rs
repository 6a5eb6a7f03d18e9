//! The password policy of the cabinet: 5 to 10 Latin letters or digits.
//! The same policy is enforced by the API; the app checks first so an invalid
//! form never reaches it.

pub const MIN_LEN: usize = 5;
pub const MAX_LEN: usize = 10;

/// The policy as a subscriber reads it next to the field.
pub const POLICY: &str = "Любая комбинация латинских букв и цифр, от 5 до 10 символов.";

pub fn password(value: &str) -> Result<(), &'static str> {
    if value.is_empty() {
        Err("Введите пароль.")
    } else if value.chars().any(|c| c.is_whitespace()) {
        Err("Пароль не должен содержать пробелы.")
    } else if value.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        Err(
            "Пароль может содержать только латинские буквы, а не русские. Проверьте раскладку клавиатуры.",
        )
    } else if !value.chars().all(|c| c.is_ascii_alphanumeric()) {
        Err("Пароль может содержать только латинские буквы и цифры, без других знаков.")
    } else if value.len() < MIN_LEN {
        // `len()` counts bytes, which equals characters here: all are ASCII.
        Err("Пароль слишком короткий: нужно от 5 до 10 символов.")
    } else if value.len() > MAX_LEN {
        Err("Пароль слишком длинный: нужно от 5 до 10 символов.")
    } else {
        Ok(())
    }
}

/// The «Повторите пароль» field: filled and equal to the first one.
pub fn repeated(first: &str, repeat: &str) -> Result<(), &'static str> {
    if repeat.is_empty() {
        Err("Повторите пароль.")
    } else if first != repeat {
        Err("Пароли не совпадают.")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_5_to_10_latin_letters_and_digits() {
        for good in ["abc12", "ABCDE", "12345", "Abcdef1234"] {
            assert_eq!(password(good), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn length_bounds_are_5_and_10() {
        assert_eq!(
            password("abc1"),
            Err("Пароль слишком короткий: нужно от 5 до 10 символов.")
        );
        assert_eq!(
            password("abcdef12345"),
            Err("Пароль слишком длинный: нужно от 5 до 10 символов.")
        );
    }

    #[test]
    fn says_what_is_wrong_with_the_characters() {
        assert_eq!(password(""), Err("Введите пароль."));
        // Cyrillic is 2 bytes a letter: it must fail on the alphabet, not on length.
        assert_eq!(
            password("пароль"),
            Err(
                "Пароль может содержать только латинские буквы, а не русские. Проверьте раскладку клавиатуры."
            )
        );
        assert_eq!(
            password("abc 12"),
            Err("Пароль не должен содержать пробелы.")
        );
        assert_eq!(
            password("abc-12"),
            Err("Пароль может содержать только латинские буквы и цифры, без других знаков.")
        );
        assert!(
            password("abcé1").is_err(),
            "accented letters are not Latin ASCII"
        );
    }

    #[test]
    fn repeat_must_match() {
        assert_eq!(repeated("abc12", "abc12"), Ok(()));
        assert_eq!(repeated("abc12", ""), Err("Повторите пароль."));
        assert_eq!(repeated("abc12", "abc13"), Err("Пароли не совпадают."));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
