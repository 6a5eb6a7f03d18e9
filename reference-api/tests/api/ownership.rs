//! An account is linked only by its owner: a wrong proof and an unknown
//! number get the same bytes and reveal nothing, the proof is matched as
//! people type it, each cabinet of a household proves it, and failures are
//! limited per cabinet and per number.

use crate::accounts::{link, linked, refused};
use crate::support::{PASSWORD, Resp, TestApp};
use axum::http::StatusCode;
use reference_api::Limits;
use serde_json::json;

/// Asserts that two answers are the same to the byte: status, type, body.
fn assert_identical(one: &Resp, other: &Resp) {
    assert_eq!(
        one.status,
        other.status,
        "{} / {}",
        one.text(),
        other.text()
    );
    assert_eq!(one.header("content-type"), other.header("content-type"));
    assert_eq!(one.text(), other.text());
}

/// Asserts that a refused link tells nothing of the seeded account
/// 3600000001 (its address, balance, holder, meter) or 4300000002.
fn assert_reveals_nothing(response: &Resp) {
    let text = response.text();
    for secret in [
        "Ленина",
        "Воронеж, ул",
        "123456",
        "1 234,56",
        "Иванов",
        "12345",
        "СГ-100001",
        "-10000",
        "105000",
        "1 050,00",
        "address",
        "balance",
        "holder",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}

#[tokio::test]
async fn a_stranger_with_only_the_number_learns_what_an_unknown_number_tells() {
    let app = TestApp::new();
    let owner = app.confirmed_user("a@mail.ru").await;
    linked(&app, &owner, "voronezh", "3600000001").await;
    let stranger = app.confirmed_user("b@mail.ru").await;
    // Without the datum: told to give it, as for any number.
    let known = link(&app, &stranger, "voronezh", "3600000001", "").await;
    let unknown = link(&app, &stranger, "voronezh", "3699999999", "").await;
    assert_identical(&known, &unknown);
    assert_reveals_nothing(&known);
    known.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // With a guess: one and the same 404.
    for guess in ["СГ-000000", "СГ-100000", "3600000001"] {
        let known = link(&app, &stranger, "voronezh", "3600000001", guess).await;
        let unknown = link(&app, &stranger, "voronezh", "3699999999", guess).await;
        assert_identical(&known, &unknown);
        assert_reveals_nothing(&known);
        known.problem(StatusCode::NOT_FOUND, "account_not_found");
    }
    assert_eq!(app.read("/api/v1/accounts", &stranger).await, json!([]));
}

#[tokio::test]
async fn a_wrong_proof_and_an_unknown_number_get_the_same_bytes() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    for (supplier, number, unknown, wrong) in [
        ("voronezh", "3600000001", "3600000009", "СГ-100002"),
        ("voronezh", "3600000003", "3699999999", "СГ-352353"),
        ("kirov", "4300000002", "4399999999", "1 050,01"),
        ("kirov", "4300000001", "4300000009", "1050"),
    ] {
        let mismatched = link(&app, &cookie, supplier, number, wrong).await;
        let unheard = link(&app, &cookie, supplier, unknown, wrong).await;
        assert_identical(&mismatched, &unheard);
        assert_reveals_nothing(&mismatched);
        // Not even the number asked about is repeated.
        let text = mismatched.text();
        assert!(!text.contains(number), "{text}");
        mismatched.problem(StatusCode::NOT_FOUND, "account_not_found");
    }
    assert_eq!(app.read("/api/v1/accounts", &cookie).await, json!([]));
}

/// Asserts that each of `right` links the account (it is unlinked again
/// after each) and each of `wrong` is refused.
async fn assert_proofs(
    app: &TestApp,
    cookie: &str,
    (supplier, number): (&str, &str),
    right: &[&str],
    wrong: &[&str],
) {
    for proof in right {
        let response = link(app, cookie, supplier, number, proof).await;
        let text = response.text();
        assert_eq!(response.status, StatusCode::CREATED, "{proof}: {text}");
        let id = response.json()["id"].as_str().unwrap().to_string();
        app.delete(&format!("/api/v1/accounts/{id}"))
            .cookie(cookie)
            .send()
            .await
            .expect(StatusCode::NO_CONTENT);
    }
    for proof in wrong {
        refused(app, cookie, supplier, number, proof).await;
    }
}

#[tokio::test]
async fn a_meter_serial_is_matched_as_people_type_it() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let right = [
        "СГ-100001",
        "сг-100001",
        "СГ 100001",
        " сг 100 001 ",
        "СГ100001",
        // A Latin «C» for the Cyrillic «С», and Latin in lower case.
        "CГ-100001",
        "cг-100001",
    ];
    let wrong = [
        "СГ-100002",
        "СГ-10000",
        "СГ-1000011",
        "CR-100001",
        "СГ-352353",
    ];
    assert_proofs(&app, &cookie, ("voronezh", "3600000001"), &right, &wrong).await;
    // Any of the account's meters proves it.
    let both = ["СГ-164867", "СГ-403677"];
    assert_proofs(&app, &cookie, ("voronezh", "3600000003"), &both, &[]).await;
}

#[tokio::test]
async fn the_last_bill_is_matched_in_rubles_and_kopecks() {
    let app = TestApp::new();
    let cookie = app.confirmed_user("a@mail.ru").await;
    let right = [
        "1 050,00",
        "1050",
        "1050.00",
        "1050,0",
        "1\u{a0}050,00",
        "1 050,00 ₽",
    ];
    let wrong = ["1 050,01", "1049,99", "105000", "10,50"];
    assert_proofs(&app, &cookie, ("kirov", "4300000002"), &right, &wrong).await;
}

#[tokio::test]
async fn each_cabinet_of_a_household_links_the_account_with_its_proof() {
    let app = TestApp::new();
    let first = app.confirmed_user("a@mail.ru").await;
    let second = app.confirmed_user("b@mail.ru").await;
    let neighbour = app.confirmed_user("c@mail.ru").await;
    let ids = [
        linked(&app, &first, "voronezh", "3600000001").await,
        linked(&app, &second, "voronezh", "3600000001").await,
    ];
    assert_ne!(ids[0], ids[1]);
    for (cookie, id) in [(&first, &ids[0]), (&second, &ids[1])] {
        let account = app.read(&format!("/api/v1/accounts/{id}"), cookie).await;
        assert_eq!(account["number"], "3600000001");
    }
    // That the account is linked elsewhere opens it to no one else.
    refused(&app, &neighbour, "voronezh", "3600000001", "СГ-100000").await;
    for id in &ids {
        app.get(&format!("/api/v1/accounts/{id}"))
            .cookie(&neighbour)
            .send()
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
}

/// A test app with the strict limits: 5 failed links per cabinet in 15
/// minutes, 10 per number in an hour.
fn strict() -> TestApp {
    TestApp::with(|c| c.limits = Limits::strict())
}

#[tokio::test]
async fn a_cabinet_that_keeps_failing_is_held_back() {
    let app = strict();
    let cookie = app.confirmed_user("a@mail.ru").await;
    for number in [
        "3600000009",
        "3600000008",
        "3600000001",
        "3600000007",
        "3600000002",
    ] {
        refused(&app, &cookie, "voronezh", number, "СГ-999999").await;
    }
    // The sixth attempt is refused before it is looked at, right or wrong.
    let held = link(&app, &cookie, "voronezh", "3600000001", "СГ-100001").await;
    let retry_after: u64 = held.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    assert_reveals_nothing(&held);
    held.problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    // Another cabinet is not held by it; this one is let go after the window.
    let other = app.confirmed_user("b@mail.ru").await;
    linked(&app, &other, "kirov", "4300000002").await;
    app.clock.advance(900);
    linked(&app, &cookie, "voronezh", "3600000001").await;
}

#[tokio::test]
async fn a_number_failed_too_often_is_locked_for_those_who_failed_but_not_its_owner() {
    let app = strict();
    let guessers = [
        app.confirmed_user("g1@mail.ru").await,
        app.confirmed_user("g2@mail.ru").await,
    ];
    // Ten failures on one number, from two cabinets (five each); the same
    // on a number that does not exist.
    for number in ["3600000001", "3699999999"] {
        for guesser in &guessers {
            for guess in 0..5 {
                let guess = format!("СГ-20000{guess}");
                refused(&app, guesser, "voronezh", number, &guess).await;
            }
        }
        // The cabinets' own limit has passed; the number's has not.
        app.clock.advance(900);
    }
    for number in ["3600000001", "3699999999"] {
        let locked = link(&app, &guessers[0], "voronezh", number, "СГ-100001").await;
        let retry_after: u64 = locked.header("retry-after").unwrap().parse().unwrap();
        let expected = if number == "3600000001" { 1800 } else { 2700 };
        assert_eq!(retry_after, expected, "{number}");
        assert_reveals_nothing(&locked);
        let body = locked.problem(StatusCode::TOO_MANY_REQUESTS, "account_locked");
        assert_eq!(
            body["detail"],
            format!(
                "Слишком много неудачных попыток подключить этот лицевой счет. \
                 Повторите через {} мин.",
                expected / 60
            )
        );
    }
    // A cabinet that has not failed on the number may try: the owner links…
    let owner = app.confirmed_user("owner@mail.ru").await;
    linked(&app, &owner, "voronezh", "3600000001").await;
    // …and a fresh guesser gets one try before the lock holds it too.
    let late = app.confirmed_user("g3@mail.ru").await;
    refused(&app, &late, "voronezh", "3600000001", "СГ-100002").await;
    link(&app, &late, "voronezh", "3600000001", "СГ-100001")
        .await
        .problem(StatusCode::TOO_MANY_REQUESTS, "account_locked");
    // Other numbers are not locked for the guessers; after the hour, neither is this one.
    linked(&app, &guessers[0], "voronezh", "3600000002").await;
    app.clock.advance(1800);
    let again = app.login("g1@mail.ru", PASSWORD).await;
    linked(&app, &again, "voronezh", "3600000001").await;
}
