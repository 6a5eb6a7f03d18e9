//! Input rules shared by several endpoints: the e-mail's shape, the password
//! policy, and whole numbers as JSON Schema reads them. (Tokens are
//! `tokens.rs`, password hashing `hashing.rs`.)

pub const EMAIL_MESSAGE: &str = "Введите e-mail в формате name@example.ru";
pub const PASSWORD_LENGTH_MESSAGE: &str = "Пароль должен содержать от 5 до 10 символов";
pub const PASSWORD_CHARSET_MESSAGE: &str = "Пароль может содержать только латинские буквы и цифры";

/// Trims and lowercases an e-mail of the shape `name@domain.tld`; `None` if
/// it has another shape.
pub fn normalize_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    if email.len() > 254 {
        return None;
    }
    let (local, domain) = email.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            // Letters (`ru`, `рф`), or an internationalised one in its ASCII
            // form (`xn--p1ai`).
            let punycode = tld.strip_prefix("xn--").is_some_and(|rest| {
                !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            tld.chars().count() >= 2 && (tld.chars().all(char::is_alphabetic) || punycode)
        });
    (local_ok && domain_ok).then_some(email)
}

/// The password policy: 5 to 10 characters, Latin letters and digits only.
/// `Err` carries the message for the field.
pub fn check_password(password: &str) -> Result<(), &'static str> {
    if !password.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(PASSWORD_CHARSET_MESSAGE);
    }
    if !(5..=10).contains(&password.chars().count()) {
        return Err(PASSWORD_LENGTH_MESSAGE);
    }
    Ok(())
}

/// A JSON number that is a whole number, as JSON Schema's `integer` reads
/// it: `100` and `100.0` alike (not `100.5`, not beyond ±2⁵³).
pub fn whole_number(value: &serde_json::Value) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    value.as_i64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() <= EXACT)
            .map(|f| f as i64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_shaped() {
        assert_eq!(
            normalize_email("  Ivan.Petrov@Mail.RU ").as_deref(),
            Some("ivan.petrov@mail.ru")
        );
        assert_eq!(normalize_email("a@b.рф").as_deref(), Some("a@b.рф"));
        assert_eq!(
            normalize_email("a@B.xn--P1AI").as_deref(),
            Some("a@b.xn--p1ai")
        );
        for bad in [
            "",
            "ivan",
            "ivan@",
            "@mail.ru",
            "ivan@mail",
            "ivan@mail.",
            "ivan@.ru",
            "iv an@mail.ru",
            "ivan@@mail.ru",
            "ivan@mail.r",
            "ivan@mail.r1",
            "ivan@mail.xn--",
            ".ivan@mail.ru",
            "iv..an@mail.ru",
            "иван@mail.ru",
            "ivan@-mail.ru",
        ] {
            assert_eq!(normalize_email(bad), None, "{bad:?} should be refused");
        }
    }

    #[test]
    fn password_policy() {
        assert_eq!(check_password("abc12"), Ok(()));
        assert_eq!(check_password("Abcdefgh12"), Ok(()));
        assert_eq!(check_password("abc1"), Err(PASSWORD_LENGTH_MESSAGE));
        assert_eq!(check_password("abcdefgh123"), Err(PASSWORD_LENGTH_MESSAGE));
        assert_eq!(check_password("пароль1"), Err(PASSWORD_CHARSET_MESSAGE));
        assert_eq!(check_password("abc 12"), Err(PASSWORD_CHARSET_MESSAGE));
        assert_eq!(check_password("abc!12"), Err(PASSWORD_CHARSET_MESSAGE));
    }

    #[test]
    fn whole_numbers_as_json_schema_reads_them() {
        use serde_json::json;
        assert_eq!(whole_number(&json!(100)), Some(100));
        assert_eq!(whole_number(&json!(100.0)), Some(100));
        assert_eq!(whole_number(&json!(-3.0)), Some(-3));
        for not in [json!(100.5), json!("100"), json!(null), json!(1e300)] {
            assert_eq!(whole_number(&not), None, "{not}");
        }
    }
}
