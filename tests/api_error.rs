//! Property tests of how a failed answer is decoded (`api::error`), natively:
//! any status, content type, `Retry-After` and body — arbitrary text
//! (`".*"`, `any::<String>()`), arbitrary JSON and problem+json of every
//! shape — decode without a panic to what the answer said; and the waits
//! of a rate limit (`rules::wait`) read back in words. Only the public
//! API is used, and no wording is pinned: the texts are the pages' business.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use kabinet::api::ApiError;
use kabinet::rules::wait::{retry_countdown, retry_in, retry_in_exact, seconds_left};
use proptest::prelude::*;
use serde_json::{Value, json};

const PROBLEM: &str = "application/problem+json";

fn text() -> impl Strategy<Value = String> + Clone {
    prop_oneof![".*", any::<String>()]
}

/// A value of a member: scalars of every JSON type, lists, and maps of
/// strings (the shape of `fields`).
fn member_value() -> impl Strategy<Value = Value> + Clone {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::from),
        prop::collection::vec(text(), 0..3).prop_map(Value::from),
        prop::collection::btree_map(text(), text(), 0..3).prop_map(|map| json!(map)),
    ]
}

/// A JSON body: an object of problem members and others, or a bare value.
fn any_body() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        prop::sample::select(&["title", "code", "detail", "fields", "status", "type"][..])
            .prop_map(str::to_owned),
        text(),
    ];
    prop_oneof![
        member_value(),
        prop::collection::vec((key, member_value()), 0..6)
            .prop_map(|members| Value::Object(members.into_iter().collect())),
    ]
}

/// Any status but 429, which has its own meaning.
fn status() -> impl Strategy<Value = u16> {
    any::<u16>().prop_filter("not 429", |s| *s != 429)
}

/// A problem+json content type, as servers spell it.
fn problem_type() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(PROBLEM.to_owned()),
        Just(format!("{PROBLEM}; charset=utf-8")),
        Just(format!("{PROBLEM};charset=UTF-8")),
    ]
}

/// A problem as RFC 9457 and the contract give it.
#[derive(Clone, Debug)]
struct Sent {
    title: Option<String>,
    code: Option<String>,
    detail: Option<String>,
    fields: Option<BTreeMap<String, String>>,
    extra: Vec<(String, Value)>,
}

impl Sent {
    fn body(&self) -> String {
        let mut body = serde_json::Map::new();
        // Members the decoder does not read come first: the contract's own win.
        for (key, value) in &self.extra {
            body.insert(key.clone(), value.clone());
        }
        body.insert("type".into(), json!("about:blank"));
        for (key, value) in [
            ("title", self.title.as_ref().map(|t| json!(t))),
            ("code", self.code.as_ref().map(|c| json!(c))),
            ("detail", self.detail.as_ref().map(|d| json!(d))),
            ("fields", self.fields.as_ref().map(|f| json!(f))),
        ] {
            match value {
                Some(value) => body.insert(key.into(), value),
                None => body.remove(key),
            };
        }
        Value::Object(body).to_string()
    }
}

fn sent_problem() -> impl Strategy<Value = Sent> {
    (
        prop::option::of(text()),
        prop::option::of(prop_oneof![
            prop::sample::select(
                &["invalid_credentials", "validation_failed", "token_expired"][..]
            )
            .prop_map(str::to_owned),
            text(),
        ]),
        prop::option::of(text()),
        prop::option::of(prop::collection::btree_map(text(), text(), 0..4)),
        prop::collection::vec(
            (
                "[a-z_]{1,10}".prop_filter("not a member", |k| {
                    !["title", "code", "detail", "fields", "type"].contains(&k.as_str())
                }),
                member_value(),
            ),
            0..3,
        ),
    )
        .prop_map(|(title, code, detail, fields, extra)| Sent {
            title,
            code,
            detail,
            fields,
            extra,
        })
}

/// `через 14 мин 5 с` → 845; `None` for any other shape.
fn read_wait(text: &str) -> Option<u32> {
    let words: Vec<&str> = text.strip_prefix("через ")?.split(' ').collect();
    match words.as_slice() {
        [s, "с"] => s.parse().ok(),
        [m, "мин"] => m.parse::<u32>().ok().map(|m| m * 60),
        [m, "мин", s, "с"] => Some(m.parse::<u32>().ok()? * 60 + s.parse::<u32>().ok()?),
        _ => None,
    }
}

proptest! {
    /// Whatever comes back, the decoding is total and keeps the status.
    #[test]
    fn any_answer_decodes_with_its_status(
        status in any::<u16>(),
        content_type in prop_oneof![text(), problem_type(), Just("text/html".to_owned())],
        retry_after in prop::option::of(prop_oneof![text(), any::<u64>().prop_map(|n| n.to_string())]),
        body in prop_oneof![text(), any_body().prop_map(|v| v.to_string())],
    ) {
        let error = ApiError::from_answer(status, &content_type, retry_after.as_deref(), &body);
        prop_assert_eq!(error.status(), Some(status));
        if status == 429 {
            let seconds = retry_after.as_deref().and_then(|s| s.trim().parse::<u32>().ok());
            // `account_locked` is a 429 of its own (the link form says why it waits).
            let waits = matches!(
                &error,
                ApiError::TooManyRequests { retry_after } | ApiError::AccountLocked { retry_after }
                    if *retry_after == seconds
            );
            prop_assert!(waits, "{:?}", error);
        } else if !content_type.starts_with(PROBLEM) {
            prop_assert_eq!(&error, &ApiError::Unexpected(status));
        } else {
            let decoded = matches!(&error, ApiError::Problem { .. } | ApiError::Unexpected(_));
            prop_assert!(decoded, "{:?}", error);
        }
        prop_assert!(!error.to_string().is_empty() || error.code().is_some(), "{:?}", error);
    }

    /// A problem+json answer gives its code, detail (or title) and field
    /// messages back as sent, whatever else it carries.
    #[test]
    fn problems_keep_their_code_detail_and_fields(
        status in status(),
        content_type in problem_type(),
        sent in sent_problem(),
    ) {
        let error = ApiError::from_answer(status, &content_type, None, &sent.body());
        let expected = ApiError::Problem {
            status,
            code: sent.code.clone().unwrap_or_default(),
            detail: sent.detail.clone().or(sent.title.clone()).unwrap_or_default(),
            fields: sent.fields.clone().unwrap_or_default(),
        };
        prop_assert_eq!(&error, &expected);
        prop_assert_eq!(error.code(), Some(sent.code.as_deref().unwrap_or_default()));
        prop_assert_eq!(error.is_service_failure(), status >= 500);
    }

    /// A problem whose members have other types than the contract's is not
    /// read as one: the answer is unexpected, with its status.
    #[test]
    fn problems_of_the_wrong_shape_are_unexpected(
        status in status(),
        member in prop::sample::select(&["title", "code", "fields"][..]),
        wrong in prop_oneof![any::<i64>().prop_map(Value::from), any::<bool>().prop_map(Value::from), Just(json!([1]))],
    ) {
        let mut body = json!({"title": "t", "code": "c", "fields": {}});
        body[member] = wrong;
        let body = body.to_string();
        prop_assert_eq!(ApiError::from_answer(status, PROBLEM, None, &body), ApiError::Unexpected(status));
    }

    #[test]
    fn retry_after_in_seconds_is_read_within_u32(
        seconds in prop_oneof![any::<u32>(), Just(u32::MAX), Just(0)],
        above in (u64::from(u32::MAX) + 1)..=u64::MAX,
        below in i64::MIN..0,
        pad in "[ \t]{0,2}",
    ) {
        let answer = |value: &str| ApiError::from_answer(429, PROBLEM, Some(value), "{}");
        prop_assert_eq!(answer(&format!("{pad}{seconds}{pad}")), ApiError::TooManyRequests { retry_after: Some(seconds) });
        prop_assert_eq!(answer(&above.to_string()), ApiError::TooManyRequests { retry_after: None });
        prop_assert_eq!(answer(&below.to_string()), ApiError::TooManyRequests { retry_after: None });
    }

    /// Up to an hour, the waits read back to the second (exact) or to the
    /// minute rounded up; beyond it, whatever they say, they say something.
    #[test]
    fn waits_read_back(seconds in prop_oneof![0..=3600_u32, any::<u32>()]) {
        let exact = retry_in_exact(seconds);
        let rounded = retry_in(seconds);
        let countdown = retry_countdown(seconds);
        prop_assert!(!exact.is_empty() && !rounded.is_empty() && !countdown.is_empty());
        if seconds <= 3600 {
            prop_assert_eq!(read_wait(&exact), Some(seconds), "{:?}", exact);
            let minutes_or_seconds = read_wait(&rounded).expect("a wait");
            if seconds < 60 {
                prop_assert_eq!(minutes_or_seconds, seconds);
            } else {
                prop_assert!(minutes_or_seconds >= seconds && minutes_or_seconds < seconds + 60, "{:?}", rounded);
            }
            if seconds > 0 {
                prop_assert!(countdown.contains(&exact), "{:?}", countdown);
            }
        }
        prop_assert_eq!(seconds == 0, countdown == retry_countdown(0));
    }

    /// Whole seconds left, rounded up, never negative, for any clock readings
    /// (NaN and infinities included).
    #[test]
    fn seconds_left_rounds_up_and_never_wraps(
        deadline in prop_oneof![any::<f64>(), -1e13..1e13_f64],
        now in prop_oneof![any::<f64>(), -1e13..1e13_f64],
    ) {
        let left = seconds_left(deadline, now);
        let ms = deadline - now;
        if ms.is_nan() || ms <= 0.0 {
            prop_assert_eq!(left, 0);
        } else if ms / 1000.0 >= f64::from(u32::MAX) {
            prop_assert_eq!(left, u32::MAX);
        } else {
            let seconds = ms / 1000.0;
            prop_assert!(f64::from(left) >= seconds, "{} s for {} ms", left, ms);
            prop_assert!(f64::from(left) - 1.0 < seconds, "{} s for {} ms", left, ms);
        }
    }

    #[test]
    fn every_error_has_a_text_to_show(status in any::<u16>(), retry_after in prop::option::of(any::<u32>())) {
        for error in [
            ApiError::Unexpected(status),
            ApiError::TooManyRequests { retry_after },
            ApiError::Network,
            ApiError::Malformed,
        ] {
            prop_assert!(!error.to_string().is_empty(), "{:?}", error);
        }
    }
}
