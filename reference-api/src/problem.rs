//! RFC 9457 problem details: every error the API answers, with a stable
//! machine-readable `code` and a Russian `detail`.

use axum::body::HttpBody;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

pub type ApiResult<T> = Result<T, Problem>;

#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    #[serde(serialize_with = "serialize_status")]
    status: StatusCode,
    code: &'static str,
    detail: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    fields: BTreeMap<String, String>,
    #[serde(skip)]
    retry_after: Option<u64>,
}

fn serialize_status<S: serde::Serializer>(status: &StatusCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u16(status.as_u16())
}

impl Problem {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error"),
            status,
            code,
            detail: detail.into(),
            fields: BTreeMap::new(),
            retry_after: None,
        }
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    /// 422 `validation_failed` with the given field messages.
    pub fn validation(fields: BTreeMap<String, String>) -> Self {
        Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "Проверьте правильность заполнения полей.",
        )
        .with_fields(fields)
    }

    pub fn with_fields(mut self, fields: BTreeMap<String, String>) -> Self {
        self.fields.extend(fields);
        self
    }

    pub fn add_field(&mut self, name: &str, message: &str) {
        self.fields.insert(name.to_string(), message.to_string());
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        let mut problem = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!(
                "Слишком много попыток. Повторите через {}.",
                human_duration(retry_after)
            ),
        );
        problem.retry_after = Some(retry_after);
        problem
    }

    /// 429 `account_locked`: too many failed attempts to link one account number.
    pub fn account_locked(retry_after: u64) -> Self {
        let mut problem = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "account_locked",
            format!(
                "Слишком много неудачных попыток подключить этот лицевой счет. Повторите через {} мин.",
                retry_after.div_ceil(60).max(1)
            ),
        );
        problem.retry_after = Some(retry_after);
        problem
    }

    /// The seconds of `Retry-After`, if the answer carries one.
    pub fn retry_after(&self) -> Option<u64> {
        self.retry_after
    }

    /// 503 `server_busy`: too many requests need a scarce resource right now.
    pub fn busy(retry_after: u64) -> Self {
        let mut problem = Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "server_busy",
            format!(
                "Сервер сейчас перегружен. Повторите попытку через {}.",
                human_duration(retry_after)
            ),
        );
        problem.retry_after = Some(retry_after);
        problem
    }

    pub fn not_found() -> Self {
        Problem::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Запрошенный ресурс не найден.",
        )
    }

    pub fn unauthenticated() -> Self {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "Войдите в Личный кабинет, чтобы продолжить.",
        )
    }

    /// The problem for a status answered without one (by the framework, a
    /// limit or a timeout): a stable code and a Russian detail.
    pub fn for_status(status: StatusCode) -> Self {
        let (code, detail) = match status {
            StatusCode::NOT_FOUND => return Problem::not_found(),
            StatusCode::INTERNAL_SERVER_ERROR => return Problem::internal(),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "Этот метод не поддерживается для данного адреса.",
            ),
            StatusCode::REQUEST_TIMEOUT => (
                "request_timeout",
                "Запрос не был получен полностью за отведённое время. Повторите попытку.",
            ),
            StatusCode::PAYLOAD_TOO_LARGE => {
                return Problem::new(
                    status,
                    "payload_too_large",
                    format!(
                        "Слишком большой запрос: тело запроса не может превышать {} КБ.",
                        MAX_BODY_BYTES / 1024
                    ),
                );
            }
            StatusCode::UNSUPPORTED_MEDIA_TYPE => (
                "unsupported_media_type",
                "Тело запроса должно быть в формате JSON (Content-Type: application/json).",
            ),
            status if status.is_server_error() => (
                "internal_error",
                "Сервис временно недоступен. Повторите попытку позже.",
            ),
            _ => ("bad_request", "Некорректный запрос."),
        };
        Problem::new(status, code, detail)
    }

    pub fn internal() -> Self {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "Внутренняя ошибка сервера. Повторите попытку позже.",
        )
    }
}

/// "45 с", "2 мин", "1 ч 5 мин": short, with no plural forms to get wrong.
fn human_duration(seconds: u64) -> String {
    match seconds {
        0..60 => format!("{} с", seconds.max(1)),
        60..3600 => format!("{} мин", seconds.div_ceil(60)),
        _ => {
            let minutes = seconds.div_ceil(60);
            match minutes % 60 {
                0 => format!("{} ч", minutes / 60),
                rest => format!("{} ч {} мин", minutes / 60, rest),
            }
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<rusqlite::Error> for Problem {
    fn from(error: rusqlite::Error) -> Self {
        tracing::error!(%error, "database error");
        Problem::internal()
    }
}

/// The largest JSON body taken: every request of the contract fits in a few
/// kilobytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A JSON request body whose rejections are problem+json too: 415 for
/// another content type, 413 beyond [`MAX_BODY_BYTES`], 400 for malformed
/// JSON or a field of the wrong type (named in `fields`).
pub struct Body<T>(pub T);

impl<S, T> FromRequest<S> for Body<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(Problem::for_status(StatusCode::UNSUPPORTED_MEDIA_TYPE));
        }
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|length| length > MAX_BODY_BYTES as u64) {
            return Err(Problem::for_status(StatusCode::PAYLOAD_TOO_LARGE));
        }
        let bytes = read_limited(req.into_body(), MAX_BODY_BYTES).await?;
        parse_json(&bytes).map(Body)
    }
}

/// `application/json` or any `application/…+json`, with or without parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|subtype| subtype.ends_with("+json"))
}

/// The body, up to `limit` bytes (413 beyond).
async fn read_limited(body: axum::body::Body, limit: usize) -> Result<Vec<u8>, Problem> {
    let mut body = std::pin::pin!(body);
    let mut bytes = Vec::new();
    while let Some(frame) = std::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
        let frame = frame.map_err(|_| {
            Problem::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "Не удалось прочитать тело запроса.",
            )
        })?;
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > limit {
                return Err(Problem::for_status(StatusCode::PAYLOAD_TOO_LARGE));
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(bytes)
}

/// Every request body of the API is a JSON object (serde would also take an
/// array for a struct).
fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    if bytes.trim_ascii_start().first() != Some(&b'{') {
        return Err(Problem::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            NOT_AN_OBJECT,
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| json_refused(&error.path().to_string(), error.inner()))?;
    deserializer
        .end()
        .map_err(|error| json_refused(".", &error))?;
    Ok(value)
}

const NOT_AN_OBJECT: &str = "Некорректный запрос: тело запроса должно быть объектом JSON.";

/// 400 for a body that is not JSON, not an object, or has a field of the
/// wrong type (`path` names it, `.` for the whole body).
fn json_refused(path: &str, error: &serde_json::Error) -> Problem {
    let bad = |detail: String| Problem::new(StatusCode::BAD_REQUEST, "bad_request", detail);
    match error.classify() {
        serde_json::error::Category::Data if path != "." => {
            let mut problem = bad(format!(
                "Некорректный запрос: поле {path} имеет неверный тип или формат."
            ));
            problem.add_field(path, "Неверный тип или формат значения.");
            problem
        }
        serde_json::error::Category::Data => {
            bad("Некорректный запрос: тело запроса должно быть объектом JSON.".to_string())
        }
        _ => bad(format!(
            "Некорректный запрос: тело запроса не является правильным JSON \
             (строка {}, позиция {}).",
            error.line(),
            error.column()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::human_duration;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(0), "1 с");
        assert_eq!(human_duration(45), "45 с");
        assert_eq!(human_duration(61), "2 мин");
        assert_eq!(human_duration(3600), "1 ч");
        assert_eq!(human_duration(3900), "1 ч 5 мин");
    }
}
