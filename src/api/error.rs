//! What a request can end with other than success, decoded from the answer.
//! Pure: the decoding is tested natively, without a browser.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use super::json;
use crate::rules::wait::{ACCOUNT_LOCKED, TOO_MANY_ATTEMPTS, retry_in};

/// `Display` is the Russian text shown to the subscriber.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// An RFC 9457 `application/problem+json` answer with its stable `code`.
    /// `fields` maps a request field name to its message.
    Problem {
        status: u16,
        code: String,
        detail: String,
        fields: BTreeMap<String, String>,
    },
    /// 429. `retry_after` in seconds, when the server said.
    TooManyRequests { retry_after: Option<u32> },
    /// 429 `account_locked`: too many failed attempts, from any cabinets, to
    /// link this one account number.
    AccountLocked { retry_after: Option<u32> },
    /// No answer at all: offline, DNS, server down.
    Network,
    /// Any other status with a body that is not a problem.
    Unexpected(u16),
    /// A success whose body is not what the contract says.
    Malformed,
}

impl ApiError {
    /// Decodes a non-2xx answer from its parts.
    pub fn from_answer(
        status: u16,
        content_type: &str,
        retry_after: Option<&str>,
        body: &str,
    ) -> Self {
        if status == 429 {
            // Only delta-seconds; an HTTP date is read as "later".
            let retry_after = retry_after.and_then(|s| s.trim().parse().ok());
            let locked = content_type.starts_with("application/problem+json")
                && json::from_str::<Problem>(body).is_some_and(|p| p.code == "account_locked");
            return if locked {
                Self::AccountLocked { retry_after }
            } else {
                Self::TooManyRequests { retry_after }
            };
        }
        if content_type.starts_with("application/problem+json")
            && let Some(problem) = json::from_str::<Problem>(body)
        {
            return Self::Problem {
                status,
                code: problem.code,
                detail: problem.detail.unwrap_or(problem.title),
                fields: problem.fields,
            };
        }
        Self::Unexpected(status)
    }

    /// The stable problem code, if the API sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Problem { code, .. } => Some(code),
            Self::AccountLocked { .. } => Some("account_locked"),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Problem { status, .. } | Self::Unexpected(status) => Some(*status),
            Self::TooManyRequests { .. } | Self::AccountLocked { .. } => Some(429),
            Self::Network | Self::Malformed => None,
        }
    }

    /// The network or the server failed: nothing the subscriber typed is wrong.
    pub fn is_service_failure(&self) -> bool {
        match self {
            Self::Network | Self::Malformed | Self::Unexpected(_) => true,
            Self::Problem { status, .. } => *status >= 500,
            Self::TooManyRequests { .. } | Self::AccountLocked { .. } => false,
        }
    }

    /// A 429: why the form waits (the first words of its notice) and for
    /// how many seconds, when the server said.
    pub fn wait(&self) -> Option<(&'static str, Option<u32>)> {
        match *self {
            Self::TooManyRequests { retry_after } => Some((TOO_MANY_ATTEMPTS, retry_after)),
            Self::AccountLocked { retry_after } => Some((ACCOUNT_LOCKED, retry_after)),
            _ => None,
        }
    }
}

/// The wire form of a problem; `status` is taken from the response itself.
#[derive(Deserialize)]
struct Problem {
    #[serde(default)]
    title: String,
    #[serde(default)]
    code: String,
    detail: Option<String>,
    #[serde(default)]
    fields: BTreeMap<String, String>,
}

/// The app's own wording for the codes it knows; others show the server's `detail`.
fn message_for(code: &str) -> Option<&'static str> {
    Some(match code {
        "invalid_credentials" => "Неверный e-mail или пароль.",
        "captcha_invalid" | "captcha_expired" => {
            "Проверка «Защита от роботов» не прошла или устарела. Мы запустили её заново: дождитесь отметки «Проверка пройдена» и отправьте форму ещё раз."
        }
        "token_invalid" => "Ссылка недействительна или уже была использована.",
        "token_expired" => "Срок действия ссылки истёк.",
        "already_confirmed" => "Регистрация уже подтверждена.",
        "unauthenticated" => "Сеанс работы завершён. Войдите в Личный кабинет снова.",
        "csrf" => "Запрос отклонён из соображений безопасности. Обновите страницу и повторите.",
        _ => return None,
    })
}

/// A server that failed (5xx) without saying why.
const UNAVAILABLE: &str = "Сервис временно недоступен. Повторите попытку через несколько минут.";

/// Any other answer the app has no words for.
const NOT_DONE: &str = "Запрос не выполнен. Обновите страницу и повторите попытку; если не поможет, напишите в службу поддержки.";

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // No status code in a subscriber's text: it tells them nothing to
            // do (the browser's network panel keeps it for whoever helps them).
            Self::Problem { code, detail, status, .. } => match message_for(code) {
                Some(message) => f.write_str(message),
                None if detail.trim().is_empty() && *status >= 500 => f.write_str(UNAVAILABLE),
                None if detail.trim().is_empty() => f.write_str(NOT_DONE),
                None => f.write_str(detail),
            },
            Self::TooManyRequests { retry_after } | Self::AccountLocked { retry_after } => {
                let why = self.wait().map_or(TOO_MANY_ATTEMPTS, |(why, _)| why);
                match retry_after {
                    Some(s) => write!(f, "{why} Повторите {}.", retry_in(*s)),
                    None => write!(f, "{why} Повторите через несколько минут."),
                }
            }
            Self::Network => f.write_str(
                "Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.",
            ),
            // The subscriber is told what to do, not the server's status.
            Self::Unexpected(status) if *status >= 500 => f.write_str(UNAVAILABLE),
            Self::Unexpected(_) => f.write_str(NOT_DONE),
            Self::Malformed => f.write_str(
                "Сервис прислал ответ, который не удалось прочитать. Повторите попытку через несколько минут; если не поможет, напишите в службу поддержки.",
            ),
        }
    }
}

// Lets an `Err(ApiError)` render into an `<ErrorBoundary/>`.
impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    const PROBLEM: &str = "application/problem+json";

    #[test]
    fn problem_json_is_decoded_with_fields() {
        let body = r#"{"type":"about:blank","title":"Ошибка","status":422,"code":"validation_failed",
                       "detail":"Проверьте поля","fields":{"email":"Неверный e-mail"}}"#;
        let err = ApiError::from_answer(422, PROBLEM, None, body);
        let ApiError::Problem {
            status,
            code,
            detail,
            fields,
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!(
            (*status, code.as_str(), detail.as_str()),
            (422, "validation_failed", "Проверьте поля")
        );
        assert_eq!(
            fields.get("email").map(String::as_str),
            Some("Неверный e-mail")
        );
        // Unknown codes show the server's detail.
        assert_eq!(err.to_string(), "Проверьте поля");
    }

    #[test]
    fn known_codes_use_the_apps_wording_and_title_backs_up_detail() {
        let body = r#"{"title":"Unauthorized","status":401,"code":"invalid_credentials"}"#;
        let err = ApiError::from_answer(401, "application/problem+json; charset=utf-8", None, body);
        assert_eq!(err.code(), Some("invalid_credentials"));
        assert_eq!(err.to_string(), "Неверный e-mail или пароль.");
        let body = r#"{"title":"Нет такой страницы","status":404,"code":"x"}"#;
        assert_eq!(
            ApiError::from_answer(404, PROBLEM, None, body).to_string(),
            "Нет такой страницы"
        );
    }

    #[test]
    fn a_locked_account_number_is_its_own_wait() {
        let body = r#"{"title":"Too Many Requests","status":429,"code":"account_locked",
                       "detail":"Слишком много неудачных попыток подключить этот лицевой счет. Повторите через 60 мин."}"#;
        let locked = ApiError::from_answer(429, PROBLEM, Some("3600"), body);
        assert_eq!(
            locked,
            ApiError::AccountLocked {
                retry_after: Some(3600)
            }
        );
        assert_eq!(locked.code(), Some("account_locked"));
        assert_eq!(locked.status(), Some(429));
        assert_eq!(
            locked.to_string(),
            "Слишком много неудачных попыток подключить этот лицевой счет. Повторите через 60 мин."
        );
        assert_eq!(locked.wait(), Some((ACCOUNT_LOCKED, Some(3600))));
        let limited = r#"{"status":429,"code":"rate_limited"}"#;
        assert_eq!(
            ApiError::from_answer(429, PROBLEM, Some("5"), limited).wait(),
            Some((TOO_MANY_ATTEMPTS, Some(5)))
        );
        assert_eq!(ApiError::Network.wait(), None);
    }

    #[test]
    fn rate_limit_reads_retry_after() {
        assert_eq!(
            ApiError::from_answer(429, PROBLEM, Some(" 42 "), "{}"),
            ApiError::TooManyRequests {
                retry_after: Some(42)
            }
        );
        let later =
            ApiError::from_answer(429, "text/plain", Some("Wed, 21 Oct 2026 07:28:00 GMT"), "");
        assert_eq!(later, ApiError::TooManyRequests { retry_after: None });
        assert_eq!(
            ApiError::TooManyRequests {
                retry_after: Some(150)
            }
            .to_string(),
            "Слишком много попыток. Повторите через 3 мин."
        );
        assert_eq!(
            ApiError::TooManyRequests {
                retry_after: Some(42)
            }
            .to_string(),
            "Слишком много попыток. Повторите через 42 с."
        );
    }

    #[test]
    fn anything_else_is_unexpected() {
        assert_eq!(
            ApiError::from_answer(500, "text/html", None, "<h1>oops</h1>"),
            ApiError::Unexpected(500)
        );
        assert_eq!(
            ApiError::from_answer(502, PROBLEM, None, "not json"),
            ApiError::Unexpected(502)
        );
        assert_eq!(
            ApiError::Unexpected(500).to_string(),
            "Сервис временно недоступен. Повторите попытку через несколько минут.",
            "no server status in a subscriber's text"
        );
        assert!(ApiError::Unexpected(500).is_service_failure());
    }

    #[test]
    fn service_failures_do_not_blame_the_input_and_do_not_claim_typed_data() {
        for error in [
            ApiError::Network,
            ApiError::Malformed,
            ApiError::Unexpected(502),
        ] {
            assert!(error.is_service_failure(), "{error:?}");
            let text = error.to_string();
            assert!(!text.contains("введённые"), "{text}");
            assert!(!text.contains("код 200"), "{text}");
        }
        assert!(!ApiError::Malformed.to_string().contains("200"));
        let wrong_password = ApiError::from_answer(
            401,
            PROBLEM,
            None,
            r#"{"title":"x","code":"invalid_credentials"}"#,
        );
        assert!(!wrong_password.is_service_failure());
        let crash = ApiError::from_answer(500, PROBLEM, None, r#"{"title":"x","code":"internal"}"#);
        assert!(crash.is_service_failure());
    }

    #[test]
    fn a_problem_without_any_text_still_says_something() {
        let bare = ApiError::from_answer(409, PROBLEM, None, r#"{"code":"new_code"}"#);
        assert_eq!(bare.to_string(), NOT_DONE);
        let crashed = ApiError::from_answer(503, PROBLEM, None, r#"{"code":"new_code"}"#);
        assert_eq!(crashed.to_string(), UNAVAILABLE);
    }

    /// A subscriber reads what to do, never «ошибка 409» or «404».
    #[test]
    fn no_status_code_in_a_subscribers_text() {
        for status in [400, 403, 404, 409, 418, 422, 500, 502, 503] {
            for error in [
                ApiError::from_answer(status, PROBLEM, None, r#"{"code":"new_code"}"#),
                ApiError::from_answer(status, "text/html", None, "<h1>oops</h1>"),
            ] {
                let text = error.to_string();
                assert!(!text.contains("ошибка"), "{text}");
                assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
            }
        }
    }

    #[test]
    fn absurd_waits_read_as_later() {
        let huge = ApiError::from_answer(429, PROBLEM, Some("999999999"), "{}");
        assert_eq!(huge.to_string(), "Слишком много попыток. Повторите позже.");
    }
}
