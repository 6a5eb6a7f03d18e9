//! The e-mail used as the login.

/// A pragmatic shape check (`name@domain.tld`); the server has the final word.
/// Surrounding spaces are ignored: callers send `value.trim()`.
pub fn email(value: &str) -> Result<(), &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Err("Введите e-mail.");
    }
    let valid = !value.contains(char::is_whitespace)
        && value.split_once('@').is_some_and(|(user, domain)| {
            // Two or more non-empty labels after `@`: not `ru`, `.ru`, `ru.`, `a..ru`.
            !user.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && domain.split('.').all(|label| !label.is_empty())
        });
    if valid {
        Ok(())
    } else {
        Err("Введите e-mail в формате name@example.ru.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_usual_addresses() {
        assert_eq!(email("ivan@example.ru"), Ok(()));
        assert_eq!(email("  ivan.petrov+1@mail.example.ru "), Ok(()));
        assert_eq!(email("почта@пример.рф"), Ok(()));
    }

    #[test]
    fn asks_for_a_missing_address() {
        assert_eq!(email(""), Err("Введите e-mail."));
        assert_eq!(email("   "), Err("Введите e-mail."));
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in [
            "ivan",
            "@example.ru",
            "ivan@",
            "ivan@ru",
            "ivan@.ru",
            "ivan@ru.",
            "ivan@a..ru",
            "a@b@c.ru",
            "iv an@example.ru",
        ] {
            assert_eq!(
                email(bad),
                Err("Введите e-mail в формате name@example.ru."),
                "{bad:?} must be rejected"
            );
        }
    }
}
