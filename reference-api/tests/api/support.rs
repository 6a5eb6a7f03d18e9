//! The test client: builds the app, sends requests, solves captchas.

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use http_body_util::BodyExt;
use reference_api::clock::Clock;
use reference_api::{Config, Limits, build_app};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::sync::Arc;
use time::macros::datetime;
use tower::ServiceExt;

pub const APP_URL: &str = "http://app.test";
/// The API's own origin (`--public-url`): the gateway page is linked there.
pub const PUBLIC_URL: &str = "http://api.test";
pub const PASSWORD: &str = "Secret123";

pub struct TestApp {
    pub router: Router,
    pub clock: Arc<Clock>,
    /// Keeps a file database alive for the test's length.
    pub dir: tempfile::TempDir,
}

impl TestApp {
    /// Loose limits, captcha difficulty 100, the dev endpoints (the outbox, the
    /// gateway page), a manual clock at 2026-03-10 12:00 UTC.
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    pub fn with(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(Clock::manual(datetime!(2026-03-10 12:00 UTC)));
        let mut config = Config::new(dir.path().join("db.sqlite").to_str().unwrap());
        config.app_url = APP_URL.into();
        config.public_url = PUBLIC_URL.into();
        config.captcha_max_number = 100;
        config.limits = Limits::loose();
        config.dev_endpoints = true;
        config.clock = clock.clone();
        adjust(&mut config);
        TestApp {
            router: build_app(config).unwrap(),
            clock,
            dir,
        }
    }

    /// A second server over the same database file and clock, as after a
    /// restart (with the command line's defaults: strict limits, no dev endpoints).
    pub fn restart(&self) -> TestApp {
        self.restart_with(|_| {})
    }

    pub fn restart_with(&self, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = Config::new(self.db_path().to_str().unwrap());
        config.app_url = APP_URL.into();
        config.public_url = PUBLIC_URL.into();
        config.clock = self.clock.clone();
        adjust(&mut config);
        TestApp {
            router: build_app(config).unwrap(),
            clock: self.clock.clone(),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db_path(&self) -> std::path::PathBuf {
        self.dir.path().join("db.sqlite")
    }

    pub fn get(&self, path: &str) -> Req<'_> {
        Req::new(self, Method::GET, path)
    }
    pub fn post(&self, path: &str) -> Req<'_> {
        Req::new(self, Method::POST, path).csrf()
    }
    pub fn put(&self, path: &str) -> Req<'_> {
        Req::new(self, Method::PUT, path).csrf()
    }
    pub fn delete(&self, path: &str) -> Req<'_> {
        Req::new(self, Method::DELETE, path).csrf()
    }
    pub fn request(&self, method: Method, path: &str) -> Req<'_> {
        Req::new(self, method, path)
    }

    /// GETs `path` with a session cookie; expects 200 and returns the JSON.
    pub async fn read(&self, path: &str, cookie: &str) -> Value {
        self.get(path).cookie(cookie).send().await.ok().json()
    }

    /// A fresh challenge from the server, solved.
    pub async fn captcha(&self) -> String {
        let challenge = self.get("/api/v1/captcha").send().await.ok().json();
        solve(&challenge)
    }

    /// Registers through the API; panics unless the answer is 201.
    pub async fn register(&self, email: &str) -> Value {
        let captcha = self.captcha().await;
        self.post("/api/v1/registrations")
            .json(json!({"email": email, "password": PASSWORD, "captcha": captcha}))
            .send()
            .await
            .expect(StatusCode::CREATED)
            .json()
    }

    pub async fn outbox(&self, to: &str) -> Vec<Value> {
        let body = self
            .get(&format!("/api/dev/outbox?to={to}"))
            .send()
            .await
            .ok()
            .json();
        body.as_array().unwrap().clone()
    }

    /// The mails to `to`, newest first, once there are at least `count`
    /// (reset mails are sent after the answer, by a task of their own).
    pub async fn mails(&self, to: &str, count: usize) -> Vec<Value> {
        for _ in 0..200 {
            let mails = self.outbox(to).await;
            if mails.len() >= count {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        panic!("fewer than {count} mails to {to}");
    }

    /// The token of the newest link to `path` mailed to `to` (waiting a
    /// moment for a mail sent after the answer).
    pub async fn mailed_token(&self, to: &str, path: &str) -> String {
        let prefix = format!("{APP_URL}{path}?token=");
        for _ in 0..200 {
            for mail in self.outbox(to).await {
                for link in mail["links"].as_array().unwrap() {
                    if let Some(token) = link.as_str().unwrap().strip_prefix(&prefix) {
                        return token.to_string();
                    }
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        panic!("no {path} link mailed to {to}");
    }

    pub async fn confirm(&self, token: &str) -> Resp {
        self.post("/api/v1/registrations/confirm")
            .json(json!({ "token": token }))
            .send()
            .await
    }

    pub async fn attempt_login(&self, email: &str, password: &str) -> Resp {
        self.post("/api/v1/session")
            .json(json!({"email": email, "password": password}))
            .send()
            .await
    }

    /// Asserts that `cookie`'s session has ended.
    pub async fn assert_signed_out(&self, cookie: &str) {
        self.get("/api/v1/session")
            .cookie(cookie)
            .send()
            .await
            .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    }

    /// Asserts that `old` no longer logs in and `new` does.
    pub async fn assert_password_replaced(&self, email: &str, old: &str, new: &str) {
        self.attempt_login(email, old)
            .await
            .problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
        self.login(email, new).await;
    }

    /// Registers and confirms; returns the session cookie.
    pub async fn confirmed_user(&self, email: &str) -> String {
        self.register(email).await;
        let token = self.mailed_token(email, "/confirm").await;
        self.confirm(&token)
            .await
            .expect(StatusCode::OK)
            .session_cookie()
            .unwrap()
    }

    /// Logs in; returns the session cookie.
    pub async fn login(&self, email: &str, password: &str) -> String {
        self.attempt_login(email, password)
            .await
            .expect(StatusCode::OK)
            .session_cookie()
            .unwrap()
    }
}

/// Finds the secret number of an ALTCHA challenge and encodes the solution.
pub fn solve(challenge: &Value) -> String {
    let salt = challenge["salt"].as_str().unwrap();
    let target = challenge["challenge"].as_str().unwrap();
    let max = challenge["maxnumber"].as_u64().unwrap();
    let number = (0..=max)
        .find(|n| hex::encode(Sha256::digest(format!("{salt}{n}"))) == target)
        .expect("the challenge has a solution");
    encode_solution(challenge, number)
}

pub fn encode_solution(challenge: &Value, number: u64) -> String {
    let payload = json!({
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    });
    STANDARD.encode(payload.to_string())
}

pub struct Req<'a> {
    app: &'a TestApp,
    builder: axum::http::request::Builder,
    body: Body,
}

impl<'a> Req<'a> {
    fn new(app: &'a TestApp, method: Method, path: &str) -> Self {
        Req {
            app,
            builder: Request::builder().method(method).uri(path),
            body: Body::empty(),
        }
    }

    pub fn csrf(self) -> Self {
        self.header("x-requested-with", "kabinet")
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.builder = self.builder.header(name, value);
        self
    }

    pub fn cookie(self, cookie: &str) -> Self {
        self.header("cookie", cookie)
    }

    pub fn body(mut self, body: &str) -> Self {
        self.body = Body::from(body.to_string());
        self
    }

    pub fn json(mut self, value: Value) -> Self {
        self.builder = self
            .builder
            .header(header::CONTENT_TYPE, "application/json");
        self.body = Body::from(value.to_string());
        self
    }

    pub fn client(mut self, ip: &str) -> Self {
        let addr: SocketAddr = format!("{ip}:40000").parse().unwrap();
        self.builder = self.builder.extension(ConnectInfo(addr));
        self
    }

    pub async fn send(self) -> Resp {
        let request = self.builder.body(self.body).unwrap();
        let response = self.app.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Resp {
            status,
            headers,
            body,
        }
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn expect(self, status: StatusCode) -> Self {
        assert_eq!(self.status, status, "body: {}", self.text());
        self
    }

    pub fn ok(self) -> Self {
        self.expect(StatusCode::OK)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    }

    /// Asserts a problem+json answer with this status and code; returns it.
    pub fn problem(self, status: StatusCode, code: &str) -> Value {
        assert_eq!(self.status, status, "body: {}", self.text());
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json")
        );
        let body = self.json();
        assert_eq!(body["code"], code, "{body}");
        assert_eq!(body["status"], status.as_u16());
        assert_eq!(body["type"], "about:blank");
        assert!(body["title"].is_string());
        assert!(!body["detail"].as_str().unwrap().is_empty());
        body
    }

    pub fn set_cookie(&self) -> Option<String> {
        self.header("set-cookie")
    }

    /// `kabinet_session=<token>` from Set-Cookie, to send back.
    pub fn session_cookie(&self) -> Option<String> {
        let set = self.set_cookie()?;
        let pair = set.split(';').next()?.trim().to_string();
        pair.starts_with("kabinet_session=").then_some(pair)
    }
}
