//! Input rules shared by several endpoints: the e-mail's shape, the password
//! policy, and whole numbers as JSON Schema reads them. (Tokens are
//! `tokens.rs`, password hashing `hashing.rs`.)

pub const EMAIL_MESSAGE: &str = "Введите e-mail в формате name@example.ru";
pub const PASSWORD_LENGTH_MESSAGE: &str = "Пароль должен содержать от 5 до 10 символов";
pub const PASSWORD_CHARSET_MESSAGE: &str = "Пароль может содержать только латинские буквы и цифры";

use unicode_normalization::UnicodeNormalization;

/// Letters of more than one alphabet in a label of the domain: Latin and
/// Cyrillic (`mаil.ru` with a Cyrillic «а»), the usual look-alike.
pub const EMAIL_MIXED_SCRIPTS_MESSAGE: &str =
    "В адресе смешаны буквы разных алфавитов (латинские и русские). Проверьте, как написан адрес.";
/// The same for other alphabets (Greek with Latin, …).
pub const EMAIL_MIXED_OTHER_SCRIPTS_MESSAGE: &str =
    "В адресе смешаны буквы разных алфавитов. Проверьте, как написан адрес.";

/// The longest e-mail there is (RFC 5321's path limit), in characters.
pub const EMAIL_MAX_CHARS: usize = 254;

/// Why an e-mail was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailError {
    /// Not of the shape `name@domain.tld` (or longer than 254 characters).
    Malformed,
    /// A label of the domain mixes Latin and Cyrillic letters.
    MixedLatinCyrillic,
    /// A label of the domain mixes letters of other alphabets.
    MixedScripts,
}

impl EmailError {
    /// The message for the `email` field.
    pub fn message(self) -> &'static str {
        match self {
            EmailError::Malformed => EMAIL_MESSAGE,
            EmailError::MixedLatinCyrillic => EMAIL_MIXED_SCRIPTS_MESSAGE,
            EmailError::MixedScripts => EMAIL_MIXED_OTHER_SCRIPTS_MESSAGE,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{0400}'..='\u{052F}'
        | '\u{1C80}'..='\u{1C8F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69F}' => Script::Cyrillic,
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        _ => Script::Other,
    })
}

/// Refuses a label whose letters come from more than one alphabet.
fn check_single_script(label: &str) -> Result<(), EmailError> {
    let mut first = None;
    for found in label.chars().filter_map(script) {
        match first {
            None => first = Some(found),
            Some(seen) if seen == found => {}
            Some(seen) => {
                let pair = [seen, found];
                return Err(
                    if pair.contains(&Script::Latin) && pair.contains(&Script::Cyrillic) {
                        EmailError::MixedLatinCyrillic
                    } else {
                        EmailError::MixedScripts
                    },
                );
            }
        }
    }
    Ok(())
}

/// One mailbox, one spelling: trims, takes the NFC form, lowercases, and
/// passes the domain through IDNA (UTS #46): full-width letters become
/// ASCII (`ｍａｉｌ.ru` → `mail.ru`) and punycode its Unicode form
/// (`xn--p1ai` → `рф`), so every spelling of a domain is one key. A label
/// mixing alphabets is refused (also given as punycode), as is anything
/// longer than 254 characters (before any other work).
pub fn canonical_email(raw: &str) -> Result<String, EmailError> {
    let raw = raw.trim();
    if raw.chars().count() > EMAIL_MAX_CHARS {
        return Err(EmailError::Malformed);
    }
    let email: String = raw.nfc().collect::<String>().to_lowercase();
    let (local, domain) = email.split_once('@').ok_or(EmailError::Malformed)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    if !local_ok {
        return Err(EmailError::Malformed);
    }
    let ascii = idna::domain_to_ascii(domain).map_err(|_| EmailError::Malformed)?;
    let (domain, checked) = idna::domain_to_unicode(&ascii);
    checked.map_err(|_| EmailError::Malformed)?;
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = ascii.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if !domain_ok {
        return Err(EmailError::Malformed);
    }
    labels
        .iter()
        .try_for_each(|label| check_single_script(label))?;
    let email = format!("{local}@{domain}");
    if email.chars().count() > EMAIL_MAX_CHARS {
        return Err(EmailError::Malformed);
    }
    Ok(email)
}

/// [`canonical_email`], `None` for any refusal.
pub fn normalize_email(raw: &str) -> Option<String> {
    canonical_email(raw).ok()
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
        // Punycode is its Unicode form, full-width letters are ASCII.
        assert_eq!(normalize_email("a@B.xn--P1AI").as_deref(), Some("a@b.рф"));
        assert_eq!(
            normalize_email("ivan@ｍａｉｌ.ru").as_deref(),
            Some("ivan@mail.ru")
        );
        assert_eq!(
            normalize_email("a@xn--80a1acny.xn--p1ai").as_deref(),
            Some("a@почта.рф")
        );
        // NFC: «й» as one character or as «и» + a combining breve.
        assert_eq!(
            normalize_email("a@\u{439}ошкар.рф"),
            normalize_email("a@\u{438}\u{306}ошкар.рф")
        );
        assert!(normalize_email("a@\u{439}ошкар.рф").is_some());
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
        let long = format!("{}@mail.ru", "a".repeat(60_000));
        assert_eq!(canonical_email(&long), Err(EmailError::Malformed));
        let just = format!(
            "{}@{}.ru",
            "a".repeat(64),
            "b".repeat(63) + "." + &"c".repeat(63) + "." + &"d".repeat(58)
        );
        assert_eq!(just.chars().count(), 254);
        assert!(canonical_email(&just).is_ok(), "{just}");
        assert_eq!(
            canonical_email(&format!("{just}x")),
            Err(EmailError::Malformed)
        );
    }

    #[test]
    fn look_alike_domains_are_refused() {
        // A Cyrillic «а» in «mail», as typed and as punycode.
        let punycode = format!("ivan@{}", idna::domain_to_ascii("m\u{430}il.ru").unwrap());
        assert_eq!(punycode, "ivan@xn--mil-6cd.ru");
        for mixed in ["ivan@m\u{430}il.ru", punycode.as_str()] {
            assert_eq!(
                canonical_email(mixed),
                Err(EmailError::MixedLatinCyrillic),
                "{mixed}"
            );
        }
        assert_eq!(
            canonical_email("ivan@p\u{3b1}ypal.com"),
            Err(EmailError::MixedScripts)
        );
        // One alphabet per label is fine, digits and hyphens go with any.
        assert!(canonical_email("ivan@почта-1.рф").is_ok());
        assert!(canonical_email("ivan@mail-1.рф").is_ok());
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
