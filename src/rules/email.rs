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
    if !valid {
        return Err("Введите e-mail в формате name@example.ru.");
    }
    let (_, domain) = value.rsplit_once('@').unwrap_or_default();
    if domain.split('.').any(mixes_latin_and_cyrillic) {
        return Err(MIXED_ALPHABETS);
    }
    Ok(())
}

/// A domain that looks like another one: «mаil.ru» with a Cyrillic «а» is
/// not mail.ru. The server refuses it with the same words (it also decodes
/// punycode, which this check leaves to it).
pub const MIXED_ALPHABETS: &str =
    "В адресе смешаны буквы разных алфавитов (латинские и русские). Проверьте, как написан адрес.";

/// Whether one label of a domain has both Latin and Cyrillic letters.
fn mixes_latin_and_cyrillic(label: &str) -> bool {
    let latin = label.chars().any(|c| c.is_ascii_alphabetic());
    let cyrillic = label.chars().any(|c| matches!(c, '\u{400}'..='\u{52f}'));
    latin && cyrillic
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
    fn refuses_a_domain_that_mixes_alphabets() {
        // «а» of «mаil» is Cyrillic.
        assert_eq!(email("ivan@m\u{430}il.ru"), Err(MIXED_ALPHABETS));
        assert_eq!(
            email("ivan@mail.\u{440}\u{444}"),
            Ok(()),
            "labels may differ"
        );
        assert_eq!(
            email("\u{438}\u{432}\u{430}\u{43d}@mail.ru"),
            Ok(()),
            "the name is not a domain"
        );
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
