//! `reference-api`: the cabinet API's reference server (development and tests).

use clap::{Parser, ValueEnum};
use reference_api::{Config, Limits, build_app, server};
use std::net::SocketAddr;
use std::time::Duration;
use tracing_subscriber::EnvFilter;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LimitsArg {
    /// Production-like per-client limits.
    Strict,
    /// A few thousand a minute: for `cargo xtask dev` and the end-to-end suite.
    Loose,
}

/// The reference server of the cabinet API. Every flag can also be set by
/// the environment variable named beside it.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, env = "KABINET_LISTEN", default_value = "127.0.0.1:8081")]
    listen: SocketAddr,
    /// SQLite database file (`:memory:` for a throwaway one).
    #[arg(
        long,
        env = "KABINET_DATABASE",
        default_value = "target/reference-api.sqlite"
    )]
    database: String,
    /// The web app's origin: links in mails point there, and payment return URLs must start with it.
    #[arg(long, env = "KABINET_APP_URL", default_value = "http://127.0.0.1:8080")]
    app_url: String,
    /// This server's own public origin: the fake payment gateway page is linked
    /// there. Default: `http://` and the listen address (loopback for a wildcard one).
    #[arg(long, env = "KABINET_PUBLIC_URL")]
    public_url: Option<String>,
    /// An origin of the web app served elsewhere (a CDN, nginx) allowed to call
    /// the API with credentials (CORS); repeat the flag for more than one.
    #[arg(
        long = "cors-origin",
        env = "KABINET_CORS_ORIGINS",
        value_delimiter = ',',
        value_name = "ORIGIN"
    )]
    cors_origins: Vec<String>,
    /// Difficulty of the proof-of-work captcha (the largest secret number).
    #[arg(long, env = "KABINET_CAPTCHA_MAX_NUMBER", default_value_t = 50_000)]
    captcha_max_number: u64,
    /// Per-client request limits.
    #[arg(long, env = "KABINET_LIMITS", value_enum, default_value = "strict")]
    limits: LimitsArg,
    /// Drop `Secure` from the session cookie.
    #[arg(long, env = "KABINET_INSECURE_COOKIE")]
    insecure_cookie: bool,
    /// Enable `POST /api/dev/clock` to move the server's clock forward.
    #[arg(long, env = "KABINET_DEV_CLOCK")]
    dev_clock: bool,
    /// Serve the development helpers: the mail outbox (`GET /api/dev/outbox`,
    /// every user's mails) and the fake payment gateway (`/dev/pay/{id}`).
    /// Never in production: without it they are 404.
    #[arg(long, env = "KABINET_DEV_ENDPOINTS")]
    dev_endpoints: bool,
    /// Seconds a connection may take to send a whole request header.
    #[arg(long, env = "KABINET_HEADER_READ_TIMEOUT", default_value_t = 10.0, value_parser = seconds)]
    header_read_timeout: f64,
    /// Seconds a request may take, after its header, to send its body and be answered.
    #[arg(long, env = "KABINET_BODY_READ_TIMEOUT", default_value_t = 30.0, value_parser = seconds)]
    body_read_timeout: f64,
}

#[tokio::main]
async fn main() -> Result<(), reference_api::Error> {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info")),
        )
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();

    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    let local = listener.local_addr()?;
    let mut config = Config::new(args.database);
    config.app_url = args.app_url.trim_end_matches('/').to_string();
    config.public_url = match args.public_url {
        Some(url) => url.trim_end_matches('/').to_string(),
        None => reference_api::origin_of(local),
    };
    config.cors_origins = args
        .cors_origins
        .iter()
        .map(|o| reference_api::cors::normalize_origin(o))
        .filter(|o| !o.is_empty())
        .collect();
    config.captcha_max_number = args.captcha_max_number;
    config.limits = match args.limits {
        LimitsArg::Strict => Limits::strict(),
        LimitsArg::Loose => Limits::loose(),
    };
    config.secure_cookie = !args.insecure_cookie;
    config.dev_clock = args.dev_clock;
    config.dev_endpoints = args.dev_endpoints;
    config.header_read_timeout = Duration::from_secs_f64(args.header_read_timeout);
    config.body_read_timeout = Duration::from_secs_f64(args.body_read_timeout);

    let public_url = config.public_url.clone();
    let header_read_timeout = config.header_read_timeout;
    let app = build_app(config)?;
    tracing::info!("reference API listening on http://{local} (public URL {public_url})");
    server::serve(listener, app, header_read_timeout, shutdown()).await;
    Ok(())
}

/// A positive number of seconds (fractions allowed).
fn seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds.is_finite() => Ok(seconds),
        _ => Err(format!("{text:?} is not a positive number of seconds")),
    }
}

async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("a SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {},
        _ = term.recv() => {},
    }
}
