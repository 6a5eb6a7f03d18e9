//! How a server is set up: its [`Config`] (the command line's options) and
//! the per-client [`Limits`] of the abuse-prone endpoints.

use crate::clock::Clock;
use crate::hashing::HashLimits;
use crate::rate_limit::Rule;
use std::sync::Arc;
use std::time::Duration;

/// Per-client limits of the abuse-prone endpoints.
///
/// They count abuse, not people: many honest subscribers may share one
/// address (a mobile carrier's NAT), so a login that succeeds and a robot
/// check that is solved are taken back, and failures are counted per
/// (e-mail, address) and per address, never so that a stranger's failures
/// keep the owner out (OWASP's Authentication Cheat Sheet; the address that
/// has not failed plays the part of its device cookie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Robot-check challenges fetched and not (yet) solved, per address.
    pub captcha_per_ip: Rule,
    pub registrations_per_ip: Rule,
    pub resend_per_user: Rule,
    /// Login requests per address; one that succeeds is taken back.
    pub session_per_ip: Rule,
    pub password_change_per_user: Rule,
    pub password_resets_per_ip: Rule,
    /// Reset requests for one e-mail from one address (429 beyond).
    pub password_resets_per_email_and_ip: Rule,
    /// Reset mails to one e-mail from all addresses; beyond it requests are
    /// answered alike (202) and mailed only when the address asks for that
    /// e-mail for the first time in its window, so the owner still gets one.
    pub reset_mails_per_email: Rule,
    /// Failed logins for one e-mail (registered or not) from one address:
    /// that address waits; others do not.
    pub login_failures_per_email_and_ip: Rule,
    /// Failed logins for one e-mail from all addresses; beyond it only an
    /// address that has not failed for that e-mail in its window may try.
    pub login_failures_per_email: Rule,
    /// Failed logins from one address, whatever the e-mail.
    pub login_failures_per_ip: Rule,
    /// Failed attempts to link an account (an unknown number or a wrong
    /// proof) from one cabinet, whatever the numbers.
    pub link_failures_per_user: Rule,
    /// Failed attempts to link one number at one supplier, from any
    /// cabinets (whether or not the account exists): beyond it the number is
    /// locked for the cabinets that have failed on it themselves.
    pub link_failures_per_number: Rule,
}

impl Limits {
    /// Production-like numbers.
    pub const fn strict() -> Self {
        Limits {
            captcha_per_ip: Rule::per_minute(60),
            registrations_per_ip: Rule::per_minute(5),
            resend_per_user: Rule::new(3, 600),
            session_per_ip: Rule::per_minute(30),
            password_change_per_user: Rule::new(10, 600),
            password_resets_per_ip: Rule::per_minute(10),
            password_resets_per_email_and_ip: Rule::new(3, 600),
            reset_mails_per_email: Rule::new(3, 600),
            login_failures_per_email_and_ip: Rule::new(5, 900),
            login_failures_per_email: Rule::new(10, 900),
            login_failures_per_ip: Rule::new(50, 900),
            link_failures_per_user: Rule::new(5, 900),
            link_failures_per_number: Rule::new(10, 3600),
        }
    }

    /// Generous enough for an end-to-end suite registering dozens of
    /// subscribers a minute from one address.
    pub const fn loose() -> Self {
        Limits {
            captcha_per_ip: Rule::per_minute(5000),
            registrations_per_ip: Rule::per_minute(5000),
            resend_per_user: Rule::new(1000, 600),
            session_per_ip: Rule::per_minute(5000),
            password_change_per_user: Rule::new(1000, 600),
            password_resets_per_ip: Rule::per_minute(5000),
            password_resets_per_email_and_ip: Rule::new(1000, 600),
            reset_mails_per_email: Rule::new(1000, 600),
            login_failures_per_email_and_ip: Rule::new(1000, 900),
            login_failures_per_email: Rule::new(5000, 900),
            login_failures_per_ip: Rule::new(5000, 900),
            link_failures_per_user: Rule::new(1000, 900),
            link_failures_per_number: Rule::new(1000, 3600),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// A SQLite file path, or `:memory:`.
    pub database: String,
    /// The web app's origin, e.g. `http://127.0.0.1:8080`, without a trailing slash.
    pub app_url: String,
    /// This server's own public origin, e.g. `http://127.0.0.1:8081`, without a
    /// trailing slash: the fake gateway page (`/dev/pay/{id}`) is served from
    /// here, never through the app's dev proxy.
    pub public_url: String,
    /// Origins of the web app served elsewhere (`http://127.0.0.1:8080`,
    /// normalized by [`cors::normalize_origin`](crate::cors::normalize_origin))
    /// that may call the API with credentials; empty: same-origin only.
    pub cors_origins: Vec<String>,
    pub captcha_max_number: u64,
    pub limits: Limits,
    /// Whether the session cookie carries `Secure`.
    pub secure_cookie: bool,
    /// Whether `POST /api/dev/clock` may move the clock.
    pub dev_clock: bool,
    /// Whether the mail outbox (`GET /api/dev/outbox`) and the fake payment
    /// gateway (`/dev/pay/{id}`) are served; without it they are 404.
    pub dev_endpoints: bool,
    pub clock: Arc<Clock>,
    /// How many password hashes run at once, and how many requests wait for one.
    pub hashing: HashLimits,
    /// A connection must send a whole request header within this long
    /// (applied by [`server::serve`](crate::server::serve)).
    pub header_read_timeout: Duration,
    /// Everything after the header (the body, the answer) within this long.
    pub body_read_timeout: Duration,
    /// A session ends after this long without a request…
    pub session_idle_secs: i64,
    /// …and this long after it started, whatever happens.
    pub session_absolute_secs: i64,
}

impl Config {
    /// Defaults of the command line, over the given database.
    pub fn new(database: impl Into<String>) -> Self {
        Config {
            database: database.into(),
            app_url: "http://127.0.0.1:8080".into(),
            public_url: "http://127.0.0.1:8081".into(),
            cors_origins: Vec::new(),
            captcha_max_number: 50_000,
            limits: Limits::strict(),
            secure_cookie: true,
            dev_clock: false,
            dev_endpoints: false,
            clock: Arc::new(Clock::system()),
            hashing: HashLimits::for_this_machine(),
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            session_idle_secs: 30 * 60,
            session_absolute_secs: 12 * 3600,
        }
    }
}
