//! The whole server as one router: which handler serves which path, and the
//! layers every request passes through.

use super::csrf::require_csrf_header;
use crate::problem::Problem;
use crate::{
    AppState, Config, Error, accounts, captcha, cors, dev_clock, gateway, mail, maintenance, me,
    password_resets, payments, readings, registrations, server, session, suppliers,
};
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware;
use axum::routing::{MethodRouter, get, post, put};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

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

/// The whole server: the API under `/api` and the fake gateway under `/dev`
/// (the web app is served by nginx or a CDN, never from here).
pub fn build_app(config: Config) -> Result<Router, Error> {
    let state = AppState::new(config)?;
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

    let mut dev = Router::new();
    if state.config.dev_endpoints {
        dev = dev.route("/outbox", get(mail::outbox));
    }
    if state.config.dev_clock {
        dev = dev.route(
            "/clock",
            post(dev_clock::advance).route_layer(middleware::from_fn(require_csrf_header)),
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
    let mut gateway_pages = Router::new();
    if state.config.dev_endpoints {
        gateway_pages = gateway_pages.route("/pay/{id}", get(gateway::show).post(gateway::decide));
    }
    let app = Router::new().nest("/api", api).nest(
        "/dev",
        gateway_pages
            .fallback(plain_not_found)
            .layer(SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                gateway_csp,
            )),
    );
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

async fn api_not_found() -> Problem {
    Problem::not_found()
}

async fn method_not_allowed() -> Problem {
    Problem::for_status(StatusCode::METHOD_NOT_ALLOWED)
}

async fn plain_not_found() -> StatusCode {
    StatusCode::NOT_FOUND
}
