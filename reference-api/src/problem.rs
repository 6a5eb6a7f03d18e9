//! RFC 9457 problem details: every error the API answers, with a stable
//! machine-readable `code` and a Russian `detail`.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
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

/// A JSON request body whose rejections are problem+json too.
pub struct Body<T>(pub T);

impl<S, T> FromRequest<S> for Body<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Body(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Тело запроса должно быть в формате JSON (Content-Type: application/json).",
            )),
            Err(rejection) => Err(Problem::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("Некорректный запрос: {}", rejection.body_text()),
            )),
        }
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
