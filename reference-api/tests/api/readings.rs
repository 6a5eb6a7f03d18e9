use crate::accounts::linked;
use crate::support::{PASSWORD, Resp, TestApp};
use axum::http::StatusCode;
use serde_json::{Value, json};

/// A confirmed cabinet with Voronezh 3600000001 linked: (cookie, account id, meter id).
pub async fn voronezh(app: &TestApp) -> (String, String, String) {
    let cookie = app.confirmed_user("a@mail.ru").await;
    let id = linked(app, &cookie, "voronezh", "3600000001").await;
    let account = app.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
    let meter = account["meters"][0]["id"].as_str().unwrap().to_string();
    (cookie, id, meter)
}

/// A request body with one reading.
pub fn one(meter: &str, value: impl serde::Serialize) -> Value {
    json!({"readings": [{"meter_id": meter, "value": value}]})
}

pub async fn send(app: &TestApp, cookie: &str, id: &str, body: Value) -> Resp {
    app.post(&format!("/api/v1/accounts/{id}/readings"))
        .cookie(cookie)
        .json(body)
        .send()
        .await
}

#[tokio::test]
async fn a_reading_becomes_the_last_one() {
    let app = TestApp::new();
    let (cookie, id, meter) = voronezh(&app).await;
    let body = send(&app, &cookie, &id, one(&meter, "12400,5"))
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(
        body,
        json!([{"meter_id": meter, "value": "12400.500", "date": "2026-03-10"}])
    );
    let account = app.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
    assert_eq!(
        account["meters"][0]["last_reading"],
        json!({"value": "12400.500", "date": "2026-03-10"})
    );
    // The same value again is fine (no consumption).
    send(&app, &cookie, &id, one(&meter, "12400.5"))
        .await
        .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn a_reading_below_the_previous_is_refused() {
    let app = TestApp::new();
    let (cookie, id, meter) = voronezh(&app).await;
    let body = send(&app, &cookie, &id, one(&meter, "12345.677"))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "reading_below_previous");
    assert_eq!(
        body["fields"]["readings[0].value"],
        "Показания не могут быть меньше предыдущих: 12345,678 м³."
    );
    // Even when confirmed as an anomaly.
    send(
        &app,
        &cookie,
        &id,
        json!({"readings": [{"meter_id": meter, "value": "1"}], "confirm_anomaly": true}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY, "reading_below_previous");
}

#[tokio::test]
async fn an_unusual_jump_must_be_confirmed() {
    let app = TestApp::new();
    let (cookie, id, meter) = voronezh(&app).await;
    // The meter's average is 40 m³ a month: up to 200 m³ passes.
    send(&app, &cookie, &id, one(&meter, "12545.678"))
        .await
        .expect(StatusCode::CREATED);
    let jump = one(&meter, "12745.679");
    let body = send(&app, &cookie, &id, jump.clone())
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "reading_anomaly");
    assert!(
        body["fields"]["readings[0].value"]
            .as_str()
            .unwrap()
            .contains("200,001 м³"),
        "{body}"
    );
    let account = app.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
    assert_eq!(account["meters"][0]["last_reading"]["value"], "12545.678");
    let mut confirmed = jump;
    confirmed["confirm_anomaly"] = json!(true);
    send(&app, &cookie, &id, confirmed)
        .await
        .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn bad_readings_are_named_by_field() {
    let app = TestApp::new();
    let (cookie, id, meter) = voronezh(&app).await;
    let cases = [
        (
            json!({"readings": []}),
            "readings",
            "Введите показания хотя бы одного счетчика.",
        ),
        (
            json!({}),
            "readings",
            "Введите показания хотя бы одного счетчика.",
        ),
        (
            one(&meter, ""),
            "readings[0].value",
            "Введите показания счетчика.",
        ),
        (
            json!({"readings": [{"meter_id": meter}]}),
            "readings[0].value",
            "Введите показания счетчика.",
        ),
        (
            one(&meter, "12 400"),
            "readings[0].value",
            "Показания вводятся числом, не более 3 знаков после запятой.",
        ),
        (
            one(&meter, "12400.1234"),
            "readings[0].value",
            "Показания вводятся числом, не более 3 знаков после запятой.",
        ),
        (
            json!({"readings": [{"meter_id": 999_999, "value": "1"}]}),
            "readings[0].meter_id",
            "Счетчик не найден на этом лицевом счете.",
        ),
        (
            json!({"readings": [{"meter_id": meter, "value": "12400"}, {"meter_id": meter, "value": "12401"}]}),
            "readings[1].meter_id",
            "Показания этого счетчика указаны дважды.",
        ),
    ];
    for (body, field, message) in cases {
        let problem = send(&app, &cookie, &id, body)
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(problem["fields"][field], message, "{problem}");
    }
    // Numbers instead of strings are accepted.
    let numeric: i64 = meter.parse().unwrap();
    send(
        &app,
        &cookie,
        &id,
        json!({"readings": [{"meter_id": numeric, "value": 12400}]}),
    )
    .await
    .expect(StatusCode::CREATED);
    send(&app, &cookie, &id, one(&meter, 12401.0))
        .await
        .expect(StatusCode::CREATED);
    // A number with decimals is refused: its binary rounding could not be told.
    let problem = send(&app, &cookie, &id, one(&meter, 12402.25))
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(
        problem["fields"]["readings[0].value"].is_string(),
        "{problem}"
    );
}

#[tokio::test]
async fn a_closed_window_refuses_readings() {
    let app = TestApp::new(); // the 10th; Voronezh 3600000002 takes readings on the 15th–25th
    let cookie = app.confirmed_user("a@mail.ru").await;
    let id = linked(&app, &cookie, "voronezh", "3600000002").await;
    let account = app.read(&format!("/api/v1/accounts/{id}"), &cookie).await;
    let meter = account["meters"][0]["id"].as_str().unwrap().to_string();
    let last = account["meters"][0]["last_reading"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let body = send(&app, &cookie, &id, one(&meter, &last))
        .await
        .problem(StatusCode::CONFLICT, "readings_window_closed");
    assert!(
        body["detail"].as_str().unwrap().contains("с 15 по 25"),
        "{body}"
    );
    app.clock.advance(5 * 86_400);
    let cookie = app.login("a@mail.ru", PASSWORD).await;
    send(&app, &cookie, &id, one(&meter, &last))
        .await
        .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn readings_need_the_cabinets_own_account() {
    let app = TestApp::new();
    let (_, id, meter) = voronezh(&app).await;
    let other = app.confirmed_user("b@mail.ru").await;
    send(&app, &other, &id, one(&meter, "12400"))
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    app.post(&format!("/api/v1/accounts/{id}/readings"))
        .json(json!({}))
        .send()
        .await
        .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}
