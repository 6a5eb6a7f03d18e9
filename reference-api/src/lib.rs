//! The reference server of the cabinet API (`openapi.yaml`): axum over a real
//! SQLite database. Development and end-to-end tests only.

pub mod accounts;
pub mod captcha;
pub mod clock;
pub mod cors;
pub mod db;
pub mod gateway;
pub mod hashing;
pub mod mail;
pub mod maintenance;
pub mod me;
pub mod password_resets;
pub mod payments;
pub mod problem;
pub mod rate_limit;
pub mod readings;
pub mod registrations;
pub mod seed;
pub mod server;
pub mod session;
pub mod static_files;
pub mod suppliers;
pub mod validation;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post, put};
use clock::Clock;
use hashing::{HashGate, HashLimits};
use problem::Problem;
use rate_limit::{RateLimiter, Rule};
use rusqlite::Connection;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

/// Per-client limits of the abuse-prone endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub captcha_per_ip: Rule,
    pub registrations_per_ip: Rule,
    pub resend_per_user: Rule,
    pub session_per_ip: Rule,
    pub password_change_per_user: Rule,
    pub password_resets_per_ip: Rule,
    pub password_resets_per_email: Rule,
    /// Failed logins naming one e-mail (registered or not) before a lockout.
    pub login_failures_per_account: Rule,
    /// Failed logins from one address before a lockout.
    pub login_failures_per_ip: Rule,
}

impl Limits {
    /// Production-like numbers.
    pub const fn strict() -> Self {
        Limits {
            captcha_per_ip: Rule::per_minute(30),
            registrations_per_ip: Rule::per_minute(5),
            resend_per_user: Rule::new(3, 600),
            session_per_ip: Rule::per_minute(10),
            password_change_per_user: Rule::new(10, 600),
            password_resets_per_ip: Rule::per_minute(5),
            password_resets_per_email: Rule::new(3, 600),
            login_failures_per_account: Rule::new(5, 900),
            login_failures_per_ip: Rule::new(20, 900),
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
            password_resets_per_email: Rule::new(1000, 600),
            login_failures_per_account: Rule::new(1000, 900),
            login_failures_per_ip: Rule::new(5000, 900),
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
    /// The built web app to serve beside the API (the `dist/` folder).
    pub static_dir: Option<PathBuf>,
    /// Origins of the web app served elsewhere (`http://127.0.0.1:8080`,
    /// normalized by [`cors::normalize_origin`]) that may call the API with
    /// credentials; empty: same-origin only.
    pub cors_origins: Vec<String>,
    pub captcha_max_number: u64,
    pub limits: Limits,
    /// Whether the session cookie carries `Secure`.
    pub secure_cookie: bool,
    /// Whether `POST /api/dev/clock` may move the clock.
    pub dev_clock: bool,
    pub clock: Arc<Clock>,
    /// How many password hashes run at once, and how many requests wait for one.
    pub hashing: HashLimits,
    /// A connection must send a whole request header within this long
    /// (applied by [`server::serve`]).
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
            static_dir: None,
            cors_origins: Vec::new(),
            captcha_max_number: 50_000,
            limits: Limits::strict(),
            secure_cookie: true,
            dev_clock: false,
            clock: Arc::new(Clock::system()),
            hashing: HashLimits::for_this_machine(),
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            session_idle_secs: 30 * 60,
            session_absolute_secs: 12 * 3600,
        }
    }
}

pub struct Inner {
    pub config: Config,
    db: Mutex<Connection>,
    pub captcha_key: [u8; 32],
    pub limiter: RateLimiter,
    /// Every password hash goes through here.
    pub hashing: HashGate,
    /// A hash verified when a login names an unknown e-mail, so timing does not tell.
    pub dummy_hash: String,
    /// The clock's unix seconds at the last housekeeping run.
    pub last_maintenance: std::sync::atomic::AtomicI64,
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn downgrade(&self) -> std::sync::Weak<Inner> {
        Arc::downgrade(&self.0)
    }

    pub fn upgrade(weak: &std::sync::Weak<Inner>) -> Option<AppState> {
        weak.upgrade().map(AppState)
    }

    pub fn db(&self) -> MutexGuard<'_, Connection> {
        self.0.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn clock(&self) -> &Clock {
        &self.config.clock
    }

    pub fn now(&self) -> i64 {
        self.config.clock.unix()
    }

    /// Counts a request against a limit.
    pub fn limit(&self, name: &'static str, key: &str, rule: Rule) -> Result<(), Problem> {
        self.limiter.check(name, key, rule, self.now())
    }
}

pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Every route under `/api/v1`, with its handlers.
fn v1_routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/captcha", get(captcha::get_challenge)),
        ("/registrations", post(registrations::register)),
        ("/registrations/confirm", post(registrations::confirm)),
        ("/registrations/resend", post(registrations::resend)),
        (
            "/session",
            get(session::current)
                .post(session::login)
                .delete(session::logout),
        ),
        ("/password-resets", post(password_resets::request)),
        ("/password-resets/confirm", post(password_resets::confirm)),
        ("/me/password", put(me::change_password)),
        ("/suppliers", get(suppliers::list)),
        ("/accounts", get(accounts::list).post(accounts::link)),
        (
            "/accounts/{id}",
            get(accounts::details).delete(accounts::unlink),
        ),
        ("/accounts/{id}/readings", post(readings::submit)),
        (
            "/accounts/{id}/payments",
            get(payments::history).post(payments::create),
        ),
        ("/payments/{id}", get(payments::get)),
    ]
}

/// The paths served under `/api/v1` (for checking them against `openapi.yaml`).
pub fn api_v1_paths() -> Vec<&'static str> {
    v1_routes().into_iter().map(|(path, _)| path).collect()
}

/// The whole server: the API under `/api`, the fake gateway under `/dev`, and
/// the web app's files when `static_dir` is set.
pub fn build_app(config: Config) -> Result<Router, Error> {
    let mut conn = db::open(&config.database)?;
    seed::load(&mut conn)?;
    let state = AppState(Arc::new(Inner {
        captcha_key: rand::random(),
        limiter: RateLimiter::default(),
        dummy_hash: hashing::hash_password(
            &mut Vec::new(),
            &hex::encode(rand::random::<[u8; 16]>()),
        )
        .map_err(|e| format!("hashing: {e}"))?,
        db: Mutex::new(conn),
        hashing: HashGate::new(config.hashing),
        config,
        last_maintenance: Default::default(),
    }));
    maintenance::run(&state)?;
    maintenance::spawn_periodic(&state);

    let v1 = v1_routes()
        .into_iter()
        .fold(Router::new(), |router, (path, methods)| {
            router.route(
                path,
                methods.route_layer(middleware::from_fn(require_csrf_header)),
            )
        })
        .method_not_allowed_fallback(method_not_allowed);

    let mut dev = Router::new().route("/outbox", get(mail::outbox));
    if state.config.dev_clock {
        dev = dev.route(
            "/clock",
            post(clock_advance).route_layer(middleware::from_fn(require_csrf_header)),
        );
    }

    let api = Router::new()
        .nest("/v1", v1)
        .nest("/dev", dev)
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            maintenance::before_requests,
        ));

    let gateway_csp =
        HeaderValue::from_str(&gateway::content_security_policy(&state.config.app_url))?;
    let mut app = Router::new().nest("/api", api).nest(
        "/dev",
        Router::new()
            .route("/pay/{id}", get(gateway::show).post(gateway::decide))
            .fallback(plain_not_found)
            .layer(SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                gateway_csp,
            )),
    );
    if let Some(dir) = &state.config.static_dir {
        app = static_files::serve(app, dir)?;
    }
    let trace = TraceLayer::new_for_http()
        .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
        .on_response(DefaultOnResponse::new().level(Level::INFO));
    Ok(app
        .layer(middleware::from_fn_with_state(
            state.clone(),
            server::deadline,
        ))
        .layer(middleware::from_fn(server::api_answers))
        .layer(middleware::from_fn_with_state(state.clone(), cors::cors))
        .layer(trace)
        .with_state(state))
}

/// Every state-changing request must carry `X-Requested-With: kabinet`: a
/// cross-site form cannot set it, and a cross-site fetch would need CORS.
/// Checked for served routes and methods only, before their handler reads
/// anything: an unknown path stays 404 and an unserved method 405.
async fn require_csrf_header(request: Request, next: Next) -> Response {
    let safe = !matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    let marked = request
        .headers()
        .get("x-requested-with")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"kabinet"));
    if safe || marked {
        next.run(request).await
    } else {
        Problem::new(
            StatusCode::FORBIDDEN,
            "csrf",
            "Запрос отклонён: нет заголовка X-Requested-With: kabinet.",
        )
        .into_response()
    }
}

async fn api_not_found() -> Problem {
    Problem::not_found()
}

async fn method_not_allowed() -> Problem {
    Problem::for_status(StatusCode::METHOD_NOT_ALLOWED)
}

async fn plain_not_found() -> StatusCode {
    StatusCode::NOT_FOUND
}

#[derive(serde::Deserialize)]
struct ClockAdvance {
    advance_seconds: i64,
}

#[derive(serde::Serialize)]
struct ClockNow {
    now: String,
}

/// `POST /api/dev/clock`: moves the server's clock forward (only with `--dev-clock`).
async fn clock_advance(
    State(state): State<AppState>,
    problem::Body(body): problem::Body<ClockAdvance>,
) -> Result<axum::Json<ClockNow>, Problem> {
    if body.advance_seconds < 0 {
        return Err(Problem::validation(
            [(
                "advance_seconds".to_string(),
                "Часы можно только переводить вперёд.".to_string(),
            )]
            .into(),
        ));
    }
    state.clock().advance(body.advance_seconds);
    Ok(axum::Json(ClockNow {
        now: db::rfc3339(state.clock().now()),
    }))
}

/// `http://` and the address, as a browser would reach it: a wildcard
/// address (`0.0.0.0`, `::`) becomes the loopback one.
pub fn origin_of(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

/// The client's address as the listener saw it (never a forwarded header,
/// which any client could forge). `0.0.0.0` when the router runs without a
/// listener, as in handler tests that do not set one.
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip())
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        ))
    }
}

impl ClientIp {
    pub fn key(&self) -> String {
        self.0.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn the_default_public_url_is_the_listen_address_as_a_browser_reaches_it() {
        assert_eq!(
            origin_of("127.0.0.1:8081".parse().unwrap()),
            "http://127.0.0.1:8081"
        );
        assert_eq!(
            origin_of("0.0.0.0:8081".parse().unwrap()),
            "http://127.0.0.1:8081"
        );
        assert_eq!(origin_of("[::]:9000".parse().unwrap()), "http://[::1]:9000");
    }
}
